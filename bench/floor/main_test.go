package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestStripFrontMatter(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"+++\ntitle = \"甲\"\n+++\n正文\n", "正文\n"},
		{"+++\n+++\n正文\n", "正文\n"},
		{"正文\n", "正文\n"},
		{"+++\ntitle = \"a+++\"\n+++\n\n## 二\n", "\n## 二\n"},
	} {
		got, err := stripFrontMatter([]byte(tc.in))
		if err != nil || string(got) != tc.want {
			t.Errorf("stripFrontMatter(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if _, err := stripFrontMatter([]byte("+++\ntitle = \"甲\"\n正文\n")); err == nil {
		t.Error("an unclosed front matter is not reported")
	}
}

// TestRun converts a small tree and reads back what tongbao's Markdown
// configuration must make of it: CJK-friendly bold and a GFM table.
func TestRun(t *testing.T) {
	src, dest := t.TempDir(), filepath.Join(t.TempDir(), "out")
	files := map[string]string{
		"a.md":          "+++\ntitle = \"甲\"\n+++\n**（一）加强领导。**各单位要落实。\n",
		"notices/b.md":  "+++\ntitle = \"乙\"\n+++\n| 单位 | 得分 |\n| --- | ---: |\n| 甲 | 9 |\n",
		"notices/c.txt": "not Markdown",
	}
	for name, text := range files {
		p := filepath.Join(src, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n, err := run(src, dest)
	if err != nil || n != 2 {
		t.Fatalf("run = %d, %v; want 2 files", n, err)
	}
	want := map[string]string{
		"a/index.html": "<p><strong>（一）加强领导。</strong>各单位要落实。</p>\n",
		"notices/b/index.html": "<table>\n<thead>\n<tr>\n<th scope=\"col\">单位</th>\n<th scope=\"col\" style=\"text-align:right\">得分</th>\n</tr>\n</thead>\n" +
			"<tbody>\n<tr>\n<td>甲</td>\n<td style=\"text-align:right\">9</td>\n</tr>\n</tbody>\n</table>\n",
	}
	for name, w := range want {
		got, err := os.ReadFile(filepath.Join(dest, name))
		if err != nil || string(got) != w {
			t.Errorf("%s = %q, %v; want %q", name, got, err, w)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "notices", "c")); err == nil {
		t.Error("a file that is not Markdown was converted")
	}
}
