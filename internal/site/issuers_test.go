package site

import (
	"slices"
	"strings"
	"testing"
)

// A joint circular's issuers are read as written, the lead first, and
// Site.Issuers falls back to [issuer] name without them.
func TestIssuersRead(t *testing.T) {
	files := miniSite()
	files["content/circulars/2023-02.md"] = `+++
number = "测办发〔2023〕5号"
title = "关于测试的通报"
date = 2023-04-03
data = "2023-02"
issuers = ["中共测试区委办公室", " 测试区人民政府办公室 "]
+++
正文。
`
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	c := s.Circulars[0]
	if want := []string{"中共测试区委办公室", "测试区人民政府办公室"}; !slices.Equal(c.Issuers, want) || !slices.Equal(s.Issuers(c), want) {
		t.Errorf("issuers %q, Site.Issuers %q, want %q", c.Issuers, s.Issuers(c), want)
	}

	s, err = Load(writeSite(t, miniSite()))
	if err != nil {
		t.Fatal(err)
	}
	if c := s.Circulars[0]; c.Issuers != nil || !slices.Equal(s.Issuers(c), []string{"测试区人民政府办公室"}) {
		t.Errorf("without issuers: %q, Site.Issuers %q, want nil and the config's issuer", c.Issuers, s.Issuers(c))
	}
}

// An empty list, an empty name, a name twice, and a list without the
// site's own issuer are each an error at the line and column of the
// value at fault (issuers = stands on line 6; columns count characters).
func TestIssuersDiagnostics(t *testing.T) {
	const f = "content/circulars/2023-02.md"
	for _, tc := range []struct{ issuers, want string }{
		{`issuers = []`, f + ":6:1: issuers（联合发文机关）是空的"},
		{`issuers = ["中共测试区委办公室", ""]`, f + ":6:25: issuers（联合发文机关）的第2项是空的"},
		{`issuers = ["测试区人民政府办公室", "中共测试区委办公室", "测试区人民政府办公室"]`, f + ":6:39: issuers（联合发文机关）中“测试区人民政府办公室”写了两次"},
		{`issuers = ["中共测试区委办公室", "测试区人民政府办"]`, f + ":6:1: issuers（联合发文机关）中没有本站的发文机关“测试区人民政府办公室”（config.toml 的 [issuer] name）：本站发布本机关发出的通报，联合发文时本机关是其中之一（不必在前）；“测试区人民政府办”是不是它写错了？"},
		{`issuers = ["中共测试区委办公室", "测试区财政局"]`, f + ":6:1: issuers（联合发文机关）中没有本站的发文机关“测试区人民政府办公室”（config.toml 的 [issuer] name）：本站发布本机关发出的通报，联合发文时本机关是其中之一（不必在前）；写错了名称就改成与 config.toml 相同"},
		{`issuers = "中共测试区委办公室"`, f + ":6:1: issuers（联合发文机关）应为字符串数组：加上方括号，写作 [\"中共测试区委办公室\"]"},
	} {
		wantDiagnostic(t, miniSite(), f, "data = \"2023-02\"\n", "data = \"2023-02\"\n"+tc.issuers+"\n", tc.want)
	}
}

// The site's issuer may follow the lead: a government office's site
// publishes the circulars it issues with the party committee's office,
// whose name comes first (两办). No diagnostic.
func TestIssuersLedByAnotherOffice(t *testing.T) {
	files := miniSite()
	files["content/circulars/2023-02.md"] = `+++
number = "测办发〔2023〕5号"
title = "关于测试的通报"
date = 2023-04-03
data = "2023-02"
issuers = ["中共测试区委办公室", "测试区人民政府办公室"]
+++
正文。
`
	if _, err := Load(writeSite(t, files)); err != nil {
		t.Fatal(err)
	}
}

// A 附注 may be a list, each item read as a single one is (its
// parentheses taken off); an empty list or item is an error at it, and
// note = "" is no note, as before.
func TestNotesList(t *testing.T) {
	files := miniSite()
	files["content/circulars/2023-02.md"] = strings.Replace(files["content/circulars/2023-02.md"], "data = \"2023-02\"\n",
		"data = \"2023-02\"\nnote = [\"（此件公开发布）\", \"联系人：王明，联系电话：0739-1234567\"]\n", 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Circulars[0].Notes, []string{"此件公开发布", "联系人：王明，联系电话：0739-1234567"}; !slices.Equal(got, want) {
		t.Errorf("notes %q, want %q", got, want)
	}
	files = miniSite()
	files["content/circulars/2023-02.md"] = strings.Replace(files["content/circulars/2023-02.md"], "data = \"2023-02\"\n", "data = \"2023-02\"\nnote = \"\"\n", 1)
	if s, err = Load(writeSite(t, files)); err != nil || s.Circulars[0].Notes != nil {
		t.Errorf("note = \"\": %v, notes %q; want no note", err, s.Circulars[0].Notes)
	}

	const f = "content/circulars/2023-02.md"
	for _, tc := range []struct{ note, want string }{
		{`note = []`, f + ":6:1: note（附注）是空的"},
		{`note = ["此件公开发布", "（）"]`, f + ":6:19: note（附注）的第2项是空的"},
		{`note = 3`, f + ":6:1: note（附注）应为字符串或字符串数组"},
	} {
		wantDiagnostic(t, miniSite(), f, "data = \"2023-02\"\n", "data = \"2023-02\"\n"+tc.note+"\n", tc.want)
	}
}
