package site

import (
	"reflect"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"

	"tongbao/internal/diag"
)

// simpleCases are documents around the edges of what decodeSimple takes;
// true marks those it must take, the rest it must leave to the decoder.
var simpleCases = map[string]bool{
	"":   true,
	"\n": true,
	"\ntitle = \"关于做好2023年森林防火工作的通知（第1号）\"\ndate  = 2023-02-28\n": true,
	"title=\"\"\n\t date\t=\t2024-02-29 \t\n\n":                   true,
	"a-b_9 = \"x'y\"":              true,
	"2023-02-28 = 2023-02-28":      true,
	"title = \"a\" # 注释":           false,
	"# 注释\ntitle = \"a\"":          false,
	"title = \"a\\\"b\"":           false,
	"title = \"a\tb\"":             false,
	"title = \"\"\"a\"\"\"":        false,
	"title = 'a'":                  false,
	"title = \"a\"\ntitle = \"b\"": false,
	"site.name = \"a\"":            false,
	"\"title\" = \"a\"":            false,
	"title = \"a\" \"b\"":          false,
	"title = \"a":                  false,
	"title = \"a\nb\"":             false,
	"title = \"a\"\r\n":            false,
	"title":                        false,
	"= \"a\"":                      false,
	"[page]\ntitle = \"a\"":        false,
	"date = 2023-02-30":            false,
	"date = 2023-13-01":            false,
	"date = 2023-00-10":            false,
	"date = 2023-2-28":             false,
	"date = 2023-02-28 10:00:00":   false,
	"date = 2023-02-28T10:00:00":   false,
	"date = 2023-02-28Z":           false,
	"date = 20230228":              false,
	"n = 14":                       false,
	"b = true":                     false,
	"t = \"a\"\n[[x]]":             false,
}

func TestDecodeSimple(t *testing.T) {
	for src, want := range simpleCases {
		if _, ok := decodeSimple(src); ok != want {
			t.Errorf("decodeSimple(%q) took it: %v; want %v", src, ok, want)
		}
		sameAsDecoder(t, src)
	}
}

// FuzzDecodeSimple holds decodeSimple to the TOML decoder: whatever it
// takes, the decoder takes too, with the same values.
func FuzzDecodeSimple(f *testing.F) {
	for src := range simpleCases {
		f.Add(src)
	}
	f.Fuzz(sameAsDecoder)
}

func sameAsDecoder(t *testing.T, src string) {
	got, ok := decodeSimple(src)
	if !ok {
		return
	}
	want := map[string]any{}
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("decodeSimple took %q, which the decoder refuses: %v", src, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeSimple(%q) = %#v; the decoder gives %#v", src, got, want)
	}
}

// TestPlaced: a problem at the line and column where a key, a table or
// an element of a month file starts moves to where place says it (or
// the table enclosing it) was typed; others stay where they are.
func TestPlaced(t *testing.T) {
	src := "\uFEFFperiod = \"3月\"\r\n\r\n[[interview]]\r\nunit = \"甲街道\"\r\nwho = \"分管领导\"\r\n[categories]\r\n\"一类\" = [\"区发改局\", \"区财政局\"]\r\n"
	place := map[string]string{"interview.0": "b.xlsx 约谈!A2", "interview.0.who": "b.xlsx 约谈!B2", "categories.一类.1": "b.xlsx 考核排类!B3"}
	rel := "data/2023-03.toml"
	got := Placed(diag.List{
		{File: rel, Line: 3, Col: 1, Msg: "约谈重复"}, // the entry's header
		{File: rel, Line: 4, Col: 1, Msg: "单位"},   // its unit, not placed: its entry
		{File: rel, Line: 5, Col: 1, Msg: "对象"},   // its who, placed
		{File: rel, Line: 4, Col: 8, Msg: "值"},    // no key starts there
		{File: rel, Line: 1, Col: 1, Msg: "月份"},   // placed nowhere
		{File: rel, Line: 7, Col: 17, Msg: "第二个"}, // "区财政局", the list's second element
		{File: rel, Line: 0, Col: 0, Msg: "整个文件"},
		{File: "data/2023-02.toml", Line: 3, Col: 1, Msg: "另一个文件"},
	}, rel, []byte(src), func(p string) string { return place[p] })
	want := diag.List{
		{File: "b.xlsx 约谈!A2", Msg: "约谈重复"},
		{File: "b.xlsx 约谈!A2", Msg: "单位"},
		{File: "b.xlsx 约谈!B2", Msg: "对象"},
		{File: rel, Line: 4, Col: 8, Msg: "值"},
		{File: rel, Line: 1, Col: 1, Msg: "月份"},
		{File: "b.xlsx 考核排类!B3", Msg: "第二个"},
		{File: rel, Msg: "整个文件"},
		{File: "data/2023-02.toml", Line: 3, Col: 1, Msg: "另一个文件"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Placed:\n%s\nwant:\n%s", got.Error(), want.Error())
	}
}
