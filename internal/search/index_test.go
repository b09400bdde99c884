package search

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// indexFile is search-index.json as search.js reads it.
type indexFile struct {
	V    int `json:"v"`
	Docs []struct {
		Title  string `json:"title"`
		URL    string `json:"url"`
		Date   string `json:"date"`
		Number string `json:"number"`
		Text   string `json:"text"`
	} `json:"docs"`
}

func TestIndexJSON(t *testing.T) {
	data := tinyIndex(tinyDocs)
	var f indexFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("search-index.json does not decode: %v\n%s", err, data)
	}
	if f.V != 2 || len(f.Docs) != 3 {
		t.Fatalf("v %d, %d docs", f.V, len(f.Docs))
	}
	d := f.Docs[2]
	if d.Title != "工作通报" || d.URL != "circulars/2023/14/" || d.Date != "2023-04-03" || d.Number != "双政办函〔2023〕14号" || d.Text != "2023年工作" {
		t.Errorf("doc 2 stored as %+v", d)
	}
	// Empty dates and numbers are left out.
	if bytes.Contains(data, []byte(`"date":""`)) || bytes.Contains(data, []byte(`"number":""`)) {
		t.Errorf("empty fields written:\n%s", data)
	}
	// One document a line, in order.
	want := "{\"v\":2,\"docs\":[\n" +
		`{"title":"禁毒通报","url":"circulars/2023/1/","date":"2023-01-05","text":"禁毒工作。禁毒！"},` + "\n" +
		`{"title":"About","url":"about/","text":"Search the archive, search again."},` + "\n" +
		`{"title":"工作通报","url":"circulars/2023/14/","date":"2023-04-03","number":"双政办函〔2023〕14号","text":"2023年工作"}]}` + "\n"
	if string(data) != want {
		t.Errorf("search-index.json is\n%s\nwant\n%s", data, want)
	}
	if got := string(JSON(nil)); got != "{\"v\":2,\"docs\":[]}\n" {
		t.Errorf("the index of no documents is %q", got)
	}
}

// Text is stored as it is, not HTML-escaped: the file is data, never
// markup. What JSON requires is escaped, and the file decodes to the text.
func TestIndexJSONStrings(t *testing.T) {
	for _, text := range []string{
		"tab\tnew\nline\r\x00\x1f\x7f ls\u2028ps\u2029 中文 “引号” \u2027\u202a",
		"tab\tnew\nline\r\x00\x1f\x7f ls\u2028ps\u2029 bad\xffbyte 中文 “引号” \u2027\u202a",
	} {
		doc := Document{
			Title:  "<script>alert(1)</script> & “引号”",
			URL:    "a/",
			Number: "say \"hi\" \\ back\\slash",
			Text:   text,
		}
		data := JSON([][]byte{Entry(doc)})
		wantText := `"text":"tab\tnew\nline\r\u0000\u001f` + "\x7f" + ` ls\u2028ps\u2029 `
		if strings.Contains(text, "bad") {
			wantText += "bad\uFFFDbyte "
		}
		wantText += "中文 “引号” \u2027\u202a\""
		for _, want := range []string{
			`"title":"<script>alert(1)</script> & “引号”"`,
			`"number":"say \"hi\" \\ back\\slash"`,
			wantText,
		} {
			if !bytes.Contains(data, []byte(want)) {
				t.Errorf("search-index.json lacks %s:\n%s", want, data)
			}
		}
		var f indexFile
		if err := json.Unmarshal(data, &f); err != nil {
			t.Fatalf("search-index.json does not decode: %v\n%s", err, data)
		}
		d := f.Docs[0]
		if d.Title != doc.Title || d.Number != doc.Number || d.Text != strings.ToValidUTF8(doc.Text, "\uFFFD") {
			t.Errorf("decoded %+v", d)
		}
	}
}
