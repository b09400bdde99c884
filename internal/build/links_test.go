package build

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tongbao/internal/demo"
	"tongbao/internal/diag"
	"tongbao/internal/render"
	"tongbao/internal/site"
)

// handMade is a small output set with one reference a line, so that the
// expected diagnostics below can be written down by hand.
func handMade(base string) []render.Output {
	b := strings.TrimSuffix(base, "/")
	return []render.Output{
		{Path: "index.html", Data: []byte(`<!DOCTYPE html>
<link rel="stylesheet" href="` + b + `/assets/site.css">
<a href="#main">跳到正文</a>
<main id="main">
<a href="` + b + `/about/">关于</a>
<a href="` + b + `/missing/">不存在</a>
<a href="about/#intro">简介</a>
<a href="about/#nope">没有的锚点</a>
<a href="../secret.txt">上一级</a>
<a href="https://other.example.org/x">外站</a>
<a href="mailto:office@example.gov.cn">邮件</a>
<img src="` + b + `/img/a.png" srcset="` + b + `/img/a.png 1x, ` + b + `/img/b.png 2x" alt="">
<a href="https://www.example.gov.cn` + b + `/about/">本站绝对地址</a>
<a href="//www.example.gov.cn` + b + `/nothing/">本站协议相对地址</a>
<form action="` + b + `/search/"><input name="q"></form>
<a href="about">无斜杠的目录</a>
<!-- <a href="/commented-out/">注释里的不算</a> -->
<script>var x = '<a href="/in-script/">';</script>
<a href="data.csv?v=1#x">查询串</a>
</main>
`)},
		{Path: "about/index.html", Data: []byte(`<h1 id="intro">关于</h1>
<p style="background: url('../img/a.png')">
<a name="old-anchor"></a><a href="#old-anchor">旧式锚点</a>
<a href="../../up.html">超出</a>
`)},
		{Path: "assets/site.css", Data: []byte(`body { background: url("../img/a.png"); }
/* url(commented.png) */
.x { background: url(missing.png); }
.y { mask: url(#m); background-image: url(data:image/png;base64,AAAA); }
@import "print.css";
.z { background-image: image-set("../img/a.png" 1x, "hidpi.png" type("image/png") 2x); }
`)},
		{Path: "404.html", Data: []byte(`<a href="` + b + `/">首页</a>
<a href="circulars/">相对地址</a>
`)},
		{Path: "img/a.png", Data: []byte("png")},
		{Path: "search/index.html", Data: []byte(`<h1>搜索</h1>`)},
		{Path: "data.csv", Data: []byte("a,b\n")},
		// A file of static/, published as it is: not tongbao's to read.
		{Path: "google0123.html", File: &site.Attachment{File: "static/google0123.html"}},
	}
}

func diagStrings(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

func TestLinksHandMade(t *testing.T) {
	for _, base := range []string{"/", "/tongbao/", "https://www.example.gov.cn/tongbao/"} {
		t.Run(base, func(t *testing.T) {
			p := "/"
			if base != "/" {
				p = "/tongbao/"
			}
			rep := Links(handMade(p), base)
			// Columns count characters (diag.Position): 《<a href="》 is 9.
			want := []string{
				"public/index.html:6:10: 链接失效：" + p + "missing/（找不到 missing/index.html）",
				"public/index.html:8:10: 链接失效：about/#nope（about/index.html 中没有 id 为“nope”的元素）",
				"public/index.html:9:10: 链接失效：../secret.txt（超出网站根目录）",
				"public/index.html:12:" + strconv.Itoa(len([]rune(`<img src="`+p+`img/a.png" srcset="`))+1) + ": 链接失效：" + p + "img/b.png（找不到 img/b.png）",
				"public/about/index.html:4:10: 链接失效：../../up.html（超出网站根目录）",
				"public/assets/site.css:3:22: 链接失效：missing.png（找不到 assets/missing.png）",
				"public/assets/site.css:5:10: 链接失效：print.css（找不到 assets/print.css）",
				// image-set's strings are paths, its type() is none.
				"public/assets/site.css:6:54: 链接失效：hidpi.png（找不到 assets/hidpi.png）",
				"public/404.html:2:10: 链接失效：circulars/（404 页面会出现在任意网址下，应使用以 / 开头的地址）",
			}
			if strings.HasPrefix(base, "https://") {
				// With a host, absolute links to that host are checked by their
				// path (line 13 resolves, line 14 does not); without one they
				// are another site's.
				want = append(want, "public/index.html:14:10: 链接失效：//www.example.gov.cn/tongbao/nothing/（找不到 nothing/index.html）")
			}
			got := diagStrings(rep.Broken)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("broken links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if rep.Files != 5 {
				t.Errorf("files read = %d, want 5 (four HTML, one CSS)", rep.Files)
			}
		})
	}
}

// A link written without the url function works at "/" but not under a
// sub-path: only the second rendering of CheckLinks finds it, on every page.
func TestCheckLinksFindsAForgottenBasePath(t *testing.T) {
	dir := sampleCopy(t)
	footer := override(t, dir, "partials/footer.html")
	b, err := os.ReadFile(footer)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(footer, []byte(strings.Replace(string(b), "</footer>", `<a href="/circulars/">通报</a></footer>`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := CheckLinks(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Broken) == 0 {
		t.Fatal("no broken link found")
	}
	pages := 0
	for _, d := range rep.Broken {
		want := "链接失效：/circulars/（在网站根目录 /tongbao/ 之外）（baseURL 为 /tongbao/ 时）"
		if d.Msg != want || !strings.HasPrefix(d.File, "public/") || !strings.HasSuffix(d.File, ".html") || d.Line == 0 {
			t.Errorf("%s; want public/<page>.html:<line>:<col>: %s", d, want)
		}
		pages++
	}
	if d := rep.Broken[0]; d.File != "public/404.html" {
		t.Errorf("first diagnostic %s, want public/404.html first (sorted by file)", d)
	}
	// Every page has the footer; the sample has home, archive, one
	// circular, 关于本站 and 404 at least.
	if pages < 5 {
		t.Errorf("found on %d pages, want every page (≥ 5)", pages)
	}
}

// The sample site and a five-year demo have no broken link, with baseURL
// "/" and under a sub-path.
func TestCheckLinksSampleAndDemo(t *testing.T) {
	rep, err := CheckLinks(Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range rep.Broken {
		t.Errorf("sample: %s", d)
	}
	// Each HTML page has at least the skip link, the home link, the
	// stylesheet and the nav: the check really followed links.
	if rep.Refs < 4*rep.Files/2 {
		t.Errorf("sample: only %d references in %d files", rep.Refs, rep.Files)
	}

	if testing.Short() {
		t.Skip("the five-year demo is skipped in -short mode")
	}
	sample, err := site.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, sample, 5, 1); err != nil {
		t.Fatal(err)
	}
	rep, err = CheckLinks(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range rep.Broken {
		t.Errorf("demo: %s", d)
	}
	// 60 circulars, each rendered twice, each linking at least to its
	// neighbours, its data files and the archive.
	if rep.Files < 120 || rep.Refs < 120*8 {
		t.Errorf("demo: %d references in %d files; expected far more", rep.Refs, rep.Files)
	}
	t.Logf("demo: %s", rep)
}

// TestCheckLinksStaticPages: a page of static/ is written by hand for
// where the site is published. Its links are checked once, below the
// site's own baseURL (config.toml's, or --baseURL), and a broken one is
// reported at the file of static/ (columns counted by hand); a link of
// tongbao's pages to an element of it is checked against its ids.
func TestCheckLinksStaticPages(t *testing.T) {
	dir := sampleCopy(t)
	writeSite(t, dir, map[string]string{
		"static/guide/index.html": `<!doctype html><title>办事指南</title>
<h2 id="流程">流程</h2>
<a href="/about/">关于本站</a>
<p>见 <a href="/nothing/">无此页</a>
<a href="../units/">单位</a> <a href="#流程">本页</a> <a href="#无此处">无</a>
<img src="/assets/无.png" alt="">
`,
		"static/upload/a.pdf": `%PDF <a href="/nothing/">`,
	})
	footer := override(t, dir, "partials/footer.html")
	b, err := os.ReadFile(footer)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(footer, []byte(strings.Replace(string(b), "</footer>", `<a href="{{url "guide/"}}#流程">指南</a><a href="{{url "guide/"}}#缺">缺</a></footer>`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		baseURL string
		want    []string
	}{
		{"", []string{
			"static/guide/index.html:4:15: 链接失效：/nothing/（找不到 nothing/index.html）",
			"static/guide/index.html:5:58: 链接失效：#无此处（guide/index.html 中没有 id 为“无此处”的元素）",
			"static/guide/index.html:6:11: 链接失效：/assets/无.png（找不到 assets/无.png）",
		}},
		{"https://www.example.gov.cn/tongbao/", []string{
			"static/guide/index.html:3:10: 链接失效：/about/（在网站根目录 /tongbao/ 之外）",
			"static/guide/index.html:4:15: 链接失效：/nothing/（在网站根目录 /tongbao/ 之外）",
			"static/guide/index.html:5:58: 链接失效：#无此处（guide/index.html 中没有 id 为“无此处”的元素）",
			"static/guide/index.html:6:11: 链接失效：/assets/无.png（在网站根目录 /tongbao/ 之外）",
		}},
	} {
		rep, err := CheckLinks(Options{Source: dir, BaseURL: c.baseURL})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		pages := map[string]int{}
		for _, d := range rep.Broken {
			if strings.HasPrefix(d.File, "static/") {
				got = append(got, d.String())
				continue
			}
			pages[d.Msg]++
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("baseURL %q: static/'s broken links\n%s\nwant\n%s", c.baseURL, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
		// Every page has the footer: its link to 流程 holds, to 缺 not —
		// rendered at / and /tongbao/, or once at a baseURL's own path.
		want := []string{
			"链接失效：/guide/#缺（guide/index.html 中没有 id 为“缺”的元素）",
			"链接失效：/tongbao/guide/#缺（guide/index.html 中没有 id 为“缺”的元素）（baseURL 为 /tongbao/ 时）",
		}
		if c.baseURL != "" {
			want = []string{"链接失效：/tongbao/guide/#缺（guide/index.html 中没有 id 为“缺”的元素）"}
		}
		if len(pages) != len(want) || pages[want[0]] < 5 || pages[want[0]] != pages[want[len(want)-1]] {
			t.Errorf("baseURL %q: the footer's broken links %v, want on every page %q", c.baseURL, pages, want)
		}
	}
}

// TestCheckLinksAtTheBasePath: a site whose baseURL has a path of its own
// is checked once, at that path: a page's link from the host's root
// written with it, as the build tells it to be (/zwgk/tb/units/…), holds
// — it was broken twice, at / and at /tongbao/, so that a dead link was
// lost among them — and one that forgets the path, or leads nowhere, is
// broken.
func TestCheckLinksAtTheBasePath(t *testing.T) {
	dir := sampleCopy(t)
	config := filepath.Join(dir, "config.toml")
	b, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	b = regexp.MustCompile(`(?m)^baseURL *= *".*"$`).ReplaceAll(b, []byte(`baseURL = "/zwgk/tb/"`))
	if err := os.WriteFile(config, b, 0o644); err != nil {
		t.Fatal(err)
	}
	about := filepath.Join(dir, "content", "about.md")
	a, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	a = append(a, "\n见[兴隆街道](/zwgk/tb/units/xinglong/)、[无此单位](/zwgk/tb/units/nothere/)、[首页](/)。\n"...)
	if err := os.WriteFile(about, a, 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := CheckLinks(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range rep.Broken {
		got = append(got, d.Msg)
	}
	want := []string{"链接失效：/zwgk/tb/units/nothere/（找不到 units/nothere/index.html）", "链接失效：/（在网站根目录 /zwgk/tb/ 之外）"}
	if !slices.Equal(got, want) {
		t.Errorf("broken links %q, want %q", got, want)
	}
	if s := rep.String(); !strings.Contains(s, "baseURL 为本站的 /zwgk/tb/") {
		t.Errorf("summary %q does not say where it checked", s)
	}
}
