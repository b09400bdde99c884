package diag

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestPosition(t *testing.T) {
	src := []byte("a = 1\n名称 = \"桥头\"\n\nx")
	for _, c := range []struct{ off, line, col int }{
		{0, 1, 1},
		{4, 1, 5},
		{6, 2, 1},  // the first character of line 2
		{13, 2, 4}, // after 名称 and " = " : 名(3 bytes)称(3 bytes) space = space
		{len(src) - 1, 4, 1},
		{len(src), 4, 2},
		{-5, 1, 1},
		{999, 4, 2},
	} {
		if line, col := Position(src, c.off); line != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", c.off, line, col, c.line, c.col)
		}
	}
}

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"桥头街道 = 95.5":        "桥头街道 = 95.5",
		"a\x1b[2Jb":          "a<U+001B>[2Jb",
		"\x00\x07\t\n\r\x7f": "<U+0000><U+0007><U+0009><U+000A><U+000D><U+007F>",
		"x\u0085\u009by":     "x<U+0085><U+009B>y",
		"罗城街道\u200b":         "罗城街道<U+200B>",
		"\u202eabc\u202c":    "<U+202E>abc<U+202C>",
		"\u2066\u2069\ufeff": "<U+2066><U+2069><U+FEFF>",
		"\u2028\u2029":       "<U+2028><U+2029>",
		"bad\xffbyte\x9b":    "bad<0xFF>byte<0x9B>",
		"“全角”　空格 ｜ é ñ 😀":    "“全角”　空格 ｜ é ñ 😀",
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestStringShowsControls: a diagnostic prints its file and message with
// every control character visible, so data cannot drive the terminal.
func TestStringShowsControls(t *testing.T) {
	d := Diagnostic{File: "data/\x1b[31m.toml", Line: 2, Col: 3, Msg: "未知的键“\x1b[1A\x1b[2Ktongbao: 已生成 public”"}
	want := "data/<U+001B>[31m.toml:2:3: 未知的键“<U+001B>[1A<U+001B>[2Ktongbao: 已生成 public”"
	if got := d.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := (List{d}).Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestLines(t *testing.T) {
	l := List{{File: "a.toml", Line: 1, Col: 1, Msg: "x\x1by"}, {File: "b.toml", Msg: "z"}}
	got := Lines(fmt.Errorf("wrapped: %w", l))
	if want := []string{"a.toml:1:1: x<U+001B>y", "b.toml: z"}; !slices.Equal(got, want) {
		t.Errorf("Lines(List) = %q, want %q", got, want)
	}
	got = Lines(errors.New("无法写入 public/\x1b[2J：\n第二行\x07"))
	if want := []string{"无法写入 public/<U+001B>[2J：", "第二行<U+0007>"}; !slices.Equal(got, want) {
		t.Errorf("Lines(error) = %q, want %q", got, want)
	}
}

// TestText shows a diagnostic's Text under its message, each line
// indented, in String and Lines alike.
func TestText(t *testing.T) {
	d := Diagnostic{File: "config.toml", Line: 3, Col: 1, Msg: "改写为：", Text: "[[rule]]\non = \"composite\"\n\nx = \"\x1b\"\n"}
	want := []string{"config.toml:3:1: 改写为：", "    [[rule]]", "    on = \"composite\"", "", "    x = \"<U+001B>\""}
	if got := d.String(); got != strings.Join(want, "\n") {
		t.Errorf("String() = %q", got)
	}
	if got := Lines(List{d}); !slices.Equal(got, want) {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}

// TestProblems counts a diagnostic with a suggestion of several lines as
// one problem, as the preview's count and list show it: a front matter
// in YAML, with its TOML rewrite of eight lines, was "9 个问题".
func TestProblems(t *testing.T) {
	l := List{{File: "a.md", Line: 1, Col: 1, Msg: "改写为：", Text: "+++\ntitle = \"x\"\n+++\n"}, {File: "b.toml", Msg: "z\x1b"}}
	want := []string{"a.md:1:1: 改写为：\n    +++\n    title = \"x\"\n    +++", "b.toml: z<U+001B>"}
	if got := Problems(fmt.Errorf("wrapped: %w", l)); !slices.Equal(got, want) {
		t.Errorf("Problems(List) = %q, want %q", got, want)
	}
	if got, want := Problems(errors.New("无法写入\n第二行\x07")), []string{"无法写入\n第二行<U+0007>"}; !slices.Equal(got, want) {
		t.Errorf("Problems(error) = %q, want %q", got, want)
	}
}
