package site

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
)

// TestPlaceholders: each （待填写） left in a circular — in a value of its
// front matter, an attachment's too, or in its body — is an error at its
// line and column (characters, counted by hand); one in a comment is not,
// and one spelt with escapes is placed at its key.
func TestPlaceholders(t *testing.T) {
	files := miniSite()
	files["content/circulars/2023-02.md"] = `+++
number = "测政办函〔2023〕5号"
title = "关于测试的通报"
date = 2023-04-03
to     = "（待填写）"   # 主送机关（待填写）
data = "2023-02"
note = "\uFF08待填写\uFF09"
# cc = "（待填写）"
[[attachment]]
title = "附件（待填写）"
file = "a.pdf"
+++
（待填写）

## 一、情况

经研究，（待填写）（待填写）
`
	files["content/circulars/a.pdf"] = "%PDF-1.4\n"
	// A page is not a draft of tongbao new: the words are its own.
	files["content/about.md"] = "+++\ntitle = \"关于\"\n+++\n（待填写）\n"
	_, err := Load(writeSite(t, files))
	msg := "“（待填写）”尚未填写：填上内容或删去这一行"
	var want []string
	for _, at := range []string{"5:11", "7:1", "10:12", "13:1", "17:5", "17:10"} {
		want = append(want, "content/circulars/2023-02.md:"+at+": "+msg)
	}
	if got := problems(err); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPlaceholderInMonthBeingWritten: a placeholder in the circular of the
// newest month holds that month back in the preview, which shows it, as
// the other problems of a circular being written do; build and check
// offer to leave the month out while the circular is undated, and not
// once it is dated (LoadGathering).
func TestPlaceholderInMonthBeingWritten(t *testing.T) {
	files := miniSite()
	files["data/2023-03.toml"] = strings.Replace(files["data/2023-02.toml"], `"1-2月"`, `"3月"`, 1)
	draft := "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于三月的通报\"\ndate = 2023-05-04\ndata = \"2023-03\"\n+++\n正文。\n\n（待填写）\n"
	files["content/circulars/2023-03.md"] = draft
	dir := writeSite(t, files)
	want := []string{"content/circulars/2023-03.md:9:1: “（待填写）”尚未填写：填上内容或删去这一行"}

	s, held, err := LoadPreview(dir, nil)
	if got := problems(err); !slices.Equal(got, want) || s == nil || !slices.Equal(held, []string{"2023-03"}) || len(s.Circulars) != 1 {
		t.Errorf("LoadPreview: problems %q, site %v, held %q; want %q, February's site, March held", got, s != nil, held, want)
	}
	s, months, err := LoadGathering(dir)
	if got := problems(err); !slices.Equal(got, want) || s != nil || months != nil {
		t.Errorf("LoadGathering, dated: problems %q, months %q; want %q and no months to leave out", got, months, want)
	}

	undated := strings.Replace(draft, "date = 2023-05-04\n", "", 1)
	if err := os.WriteFile(filepath.Join(dir, "content", "circulars", "2023-03.md"), []byte(undated), 0o644); err != nil {
		t.Fatal(err)
	}
	want = []string{
		"content/circulars/2023-03.md:1:1: 前置信息缺少“date”",
		"content/circulars/2023-03.md:8:1: “（待填写）”尚未填写：填上内容或删去这一行",
	}
	s, months, err = LoadGathering(dir)
	var l diag.List
	if got := problems(err); !slices.Equal(got, want) || !errors.As(err, &l) || s != nil || !slices.Equal(months, []string{"2023-03"}) {
		t.Errorf("LoadGathering, undated: problems %q, months %q; want %q and March to leave out", got, months, want)
	}
}

// problems are the lines of a load's problems, none for a nil error.
func problems(err error) []string {
	if err == nil {
		return nil
	}
	return diag.Lines(err)
}

// TestExampleDomainWarned: tongbao init's imaginary domain left in
// config.toml, as [site] domain or as baseURL's host, is warned of at the
// domain as written; the repository's own www.example.gov.cn, another
// domain or a bare path is not.
func TestExampleDomainWarned(t *testing.T) {
	for _, tc := range []struct {
		config string
		want   []string
	}{
		{"baseURL = \"/\"\n[site]\ndomain = \"www.mouxian.example.gov.cn\"\n",
			[]string{"config.toml:4:11: 警告：[site] domain 仍是示例域名 www.mouxian.example.gov.cn（tongbao init 所写的虚构域名），网站地图、订阅、规范链接和页脚都会用它；发布前请改为本站的实际域名"}},
		{"baseURL  = \"https://WWW.Mouxian.example.gov.cn/tongbao/\"\n",
			[]string{"config.toml:2:21: 警告：baseURL 仍是示例地址 https://www.mouxian.example.gov.cn/tongbao/（tongbao init 所写的虚构域名），发布前请改为本站的实际地址"}},
		{"baseURL = \"/\"\n[site]\ndomain = \"www.example.gov.cn\"\n", nil},
		{"baseURL = \"https://www.example.gov.cn/mouxian/\"\n[site]\ndomain = \"mouxian.example.gov.cn\"\n", nil},
	} {
		files := miniSite()
		rest := strings.TrimPrefix(files["config.toml"], "title = \"测试\"\n")
		config := tc.config
		if strings.Contains(config, "[site]") {
			// miniSite's [site] goes in this one, which ends config.
			site := "[site]\norgCode = \"123456789\"\n"
			rest = strings.Replace(rest, site, "", 1)
			config += strings.TrimPrefix(site, "[site]\n")
		}
		files["config.toml"] = "title = \"测试\"\n" + config + rest
		got := loadWarnings(t, files)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: got\n%s\nwant\n%s", tc.config, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestExampleTextInPagesOnly: init's imaginary county in a page's text is
// warned of at its place (line 2 of the body, after 本站公布: column 5); a
// circular naming a case 某某县, as circulars do to keep it anonymous, is
// not told.
func TestExampleTextInPagesOnly(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../testdata/offices/county-streak")); err != nil {
		t.Fatal(err)
	}
	write := func(rel, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/about.md", "+++\ntitle = \"关于本站\"\n+++\n\n本站公布某某县人民政府办公室的通报。\n")
	circ, err := filepath.Glob(filepath.Join(dir, "content", "circulars", "*.md"))
	if err != nil || len(circ) == 0 {
		t.Fatalf("the office has no circular: %v", err)
	}
	b, err := os.ReadFile(circ[0])
	if err != nil {
		t.Fatal(err)
	}
	write(filepath.ToSlash(strings.TrimPrefix(circ[0], dir+string(filepath.Separator))), string(b)+"\n据反映，某某县某乡镇存在类似问题，请引以为戒。\n")
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var told []string
	for _, w := range s.Warnings {
		if strings.Contains(w.Msg, "tongbao init 所写的示例文字") {
			told = append(told, w.String())
		}
	}
	want := "content/about.md:5:5: 警告：这个页面仍有 tongbao init 所写的示例文字（“某某县”）；发布前请改为本机关的"
	if len(told) != 1 || told[0] != want {
		t.Errorf("told %q, want only %q", told, want)
	}
}
