package site

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"tongbao/internal/diag"
)

func TestKeyPositions(t *testing.T) {
	src := `title = "x" # comment
[ranking]
groupSize = 3

[[result]]
indicator = "a"
[result.townships]
"东风路街道" = 1.5
'石桥街道' = 2

[[result]]
progress = """
多行
文本"""
indicator = "b"
[result.townships]
dongfenglu = 3

[categories]
"二类" = [
  "区发改局", # 注释
  "区财政局",
]
inline = { a = 1, b = "x" }
`
	pos := keyPositions(src)
	want := map[string]string{ // path → "line:col"
		"title":                         "1:1",
		"ranking":                       "2:1",
		"ranking.groupSize":             "3:1",
		"result.0":                      "5:1",
		"result.0.indicator":            "6:1",
		"result.0.townships":            "7:1",
		"result.0.townships.东风路街道":      "8:1",
		"result.0.townships.石桥街道":       "9:1",
		"result.1.progress":             "12:1",
		"result.1.indicator":            "15:1",
		"result.1.townships.dongfenglu": "17:1",
		"categories.二类":                 "20:1",
		"categories.二类.0":               "21:3",
		"categories.二类.1":               "22:3",
		"categories.inline.b":           "24:19",
	}
	for path, lc := range want {
		off, ok := pos[path]
		if !ok {
			t.Errorf("no position for %s", path)
			continue
		}
		l, c := diag.Position([]byte(src), off)
		if got := fmt.Sprintf("%d:%d", l, c); got != lc {
			t.Errorf("%s at %s, want %s", path, got, lc)
		}
	}
}

func TestDecodeSyntaxErrorPosition(t *testing.T) {
	cases := []struct {
		src       string
		line, col int
	}{
		{"a = 1\nb = = 2\n", 2, 5},
		{"a = 1\n= 2\n", 2, 1},          // column 1: the decoder's own column is wrong here
		{"a = \"unterminated\n", 1, 18}, // where the string meets the line end
		{"[table\nb = 1\n", 1, 7},
		// A score with a character after it: the character, not the end
		// of the file, though the message speaks of "EOF".
		{"[r]\n\"桥头\" = 95%\nb = 1\n", 2, 10},
		{"[r]\n\"桥头\" = 95,0\nb = 1\n", 2, 10},
		{"[r]\n\"桥头\" = 95。0\nb = 1\n", 2, 10},
		{"[r]\n\"桥头\" = 95\u00a0\nb = 1\n", 2, 10},
		{"[r]\n\"桥头\" = 95 分\nb = 1\n", 2, 11},
		{"[r]\n\"桥头\" = 95x\nb = 1\n", 2, 10},
		{"a = 1\n\"桥头\" = 95%", 2, 10}, // at the very end of the file
		{"a = 1\n\"桥头\" = 95,0", 2, 10},
		{"a = 95.\nb = 2\n", 1, 5},
		{"a = 1e\nb = 2\n", 1, 5},
		// The end of the file itself.
		{"a = 1\nb = \"桥头", 2, 8},
		{"a = [1,", 1, 8},
		{"a = {x = 1", 1, 11},
		{"[r", 1, 3},
	}
	for _, c := range cases {
		var l diag.List
		if _, _, ok := decodeTOML("f.toml", []byte(c.src), nil, &l); ok {
			t.Errorf("%q decoded without error", c.src)
			continue
		}
		if len(l) != 1 || l[0].Line != c.line || (c.col != 0 && l[0].Col != c.col) {
			t.Errorf("%q: got %v, want line %d col %d", c.src, l, c.line, c.col)
		}
		// Each is a slip syntaxMessage says in staff's words
		// (TestSyntaxMessages holds the words).
		// Not an inline table, which staff do not write.
		if strings.Contains(l[0].Msg, "TOML 语法错误") && !strings.Contains(c.src, "{") {
			t.Errorf("%q: message %q is the decoder's", c.src, l[0].Msg)
		}
	}
}

func TestEditDistanceSuggestion(t *testing.T) {
	names := []string{"龙须塘街道", "东风路街道", "石桥街道"}
	if got := Suggest("龙虚塘街道", names); got != "，是否为“龙须塘街道”？" {
		t.Errorf("suggest = %q", got)
	}
	if got := Suggest("完全不同的名字", names); got != "" {
		t.Errorf("far name suggested %q", got)
	}
	for _, c := range []struct {
		a, b string
		d    int
	}{
		{"kitten", "sitting", 3},
		{"titel", "title", 1}, // two letters swapped: one slip
		{"ab", "ba", 1},
		{"甲乙镇", "乙甲镇", 1},
		{"ca", "abc", 3}, // a swapped pair is not edited again
		{"", "abc", 3},
	} {
		if d := editDistance(c.a, c.b); d != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, d, c.d)
		}
	}
	if got := Suggest("titel", []string{"number", "title", "date"}); got != "，是否为“title”？" {
		t.Errorf("Suggest(titel) = %q", got)
	}
	// Nothing shared but the ending every 镇 has is no suggestion; a typo
	// in the ending is; an abbreviation is, when one name holds it.
	towns := []string{"甲镇", "乙镇", "丙镇", "丁乡"}
	for _, c := range []struct{ s, want string }{
		{"庚镇", ""},
		{"甲真", "，是否为“甲镇”？"},
		{"东风街道", "，是否为“东风路街道”？"},
	} {
		if got := Suggest(c.s, append(towns, names...)); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.s, got, c.want)
		}
	}
	depts := []string{"县应急管理局", "县发展和改革局", "县财政局", "县应急指挥中心"}
	if got := Suggest("县应急局", depts); got != "，是否为“县应急管理局”？" {
		t.Errorf("Suggest(县应急局) = %q", got)
	}
	if got := Suggest("县应急", depts); got != "" {
		t.Errorf("Suggest(县应急), which two names hold, = %q", got)
	}
}

// TestLineColMatchesPosition checks the binary-search position of a file
// against the plain scan of diag.Position at every offset of a real file.
func TestLineColMatchesPosition(t *testing.T) {
	src, err := os.ReadFile("../../data/2023-02.toml")
	if err != nil {
		t.Fatal(err)
	}
	f := &tomlFile{src: string(src)}
	for off := -1; off <= len(src)+1; off++ {
		l1, c1 := f.lineCol(off)
		l2, c2 := diag.Position(src, off)
		if l1 != l2 || c1 != c2 {
			t.Fatalf("offset %d: lineCol %d:%d, diag.Position %d:%d", off, l1, c1, l2, c2)
		}
	}
}
