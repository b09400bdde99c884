package site

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"tongbao/internal/theme"
)

// TestCSSRefs: the references of a stylesheet to other assets, at the
// character where each path starts, without its quotes, ?query or
// #fragment; addresses, data:, paths from the root, fragments, paths out
// of layouts/assets/ and comments name no asset.
func TestCSSRefs(t *testing.T) {
	css := "@import 'base.css';\n" +
		"/* 旧的 url(../img/gone.png) */\n" +
		"  .标志{background:url( \"../img/logo.png?v=1#x\" )}\n" +
		"@font-face{src:URL(../fonts/hei.woff2) format(\"woff2\")}\n" +
		".c{background:url(https://x.example/y.png),url(/bg.png),url(#f),url(data:image/png;base64,AAA),url(../../out.png)}\n"
	type ref struct {
		line, col  int
		name, text string
	}
	var got []ref
	for _, r := range CSSRefs("css/portal.css", []byte(css)) {
		got = append(got, ref{r.Line, r.Col, r.Name, css[r.Start:r.End]})
	}
	want := []ref{
		{1, 10, "css/base.css", "base.css"},
		{3, 24, "img/logo.png", "../img/logo.png"},
		{4, 20, "fonts/hei.woff2", "../fonts/hei.woff2"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("CSSRefs = %v, want %v", got, want)
	}
}

// TestCSSRefWarning: a stylesheet of the site's that names an asset not
// there is warned of at the reference; one that is there is not.
func TestCSSRefWarning(t *testing.T) {
	files := miniSite()
	files["layouts/assets/img/logo.png"] = "PNG"
	files["layouts/assets/css/portal.css"] = ".a{background:url(../img/logo.png)}\n" +
		"@font-face{src:url(\"../fonts/portal.woff2\")}\n"
	got := loadWarnings(t, files)
	want := []string{"layouts/assets/css/portal.css:2:21: 警告：样式表引用的 layouts/assets/fonts/portal.woff2 不存在，浏览器取不到它"}
	if !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestCSSRefAfterBOM: a stylesheet saved with a byte order mark (Windows
// Notepad's UTF-8) is placed by the characters one sees: the mark is
// none of them, and was counted as the first of line 1.
func TestCSSRefAfterBOM(t *testing.T) {
	refs := CSSRefs("css/custom.css", []byte("\uFEFF@import \"portal.css\";\n.a{background:url(../img/a.png)}\n"))
	if len(refs) != 2 || refs[0].Line != 1 || refs[0].Col != 10 || refs[1].Line != 2 || refs[1].Col != 19 {
		t.Errorf("CSSRefs = %+v, want the @import at 1:10 and the url at 2:19", refs)
	}
}

// cssRefsByRE is CSSRefs as a regular expression says it — the grammar
// the hand-written scanner follows, and a slower one than it.
func cssRefsByRE(name string, data []byte) []CSSRef {
	re := regexp.MustCompile(`/\*[\s\S]*?(?:\*/|$)|(?i:url)\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@(?i:import)\s+(?:"([^"]*)"|'([^']*)')`)
	var refs []CSSRef
	for _, m := range re.FindAllSubmatchIndex(data, -1) {
		start, end := -1, -1
		for g := 1; g <= 5; g++ {
			if m[2*g] >= 0 {
				start, end = m[2*g], m[2*g+1]
			}
		}
		if start < 0 {
			continue
		}
		ref := string(data[start:end])
		if i := strings.IndexAny(ref, "?#"); i >= 0 {
			ref, end = ref[:i], start+i
		}
		target := path.Join(path.Dir(name), ref)
		if ref == "" || strings.HasPrefix(ref, "/") || strings.Contains(ref, ":") || target == ".." || strings.HasPrefix(target, "../") {
			continue
		}
		line := 1 + bytes.Count(data[:start], []byte("\n"))
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:start], '\n')+1:start])
		refs = append(refs, CSSRef{Start: start, End: end, Line: line, Col: col, Name: target})
	}
	return refs
}

// TestCSSRefsAsTheGrammar: the scanner finds what the regular expression
// of the three forms finds, on the theme's stylesheet and on the forms
// written wrong or cut short.
func TestCSSRefsAsTheGrammar(t *testing.T) {
	site, _ := theme.Read("assets/css/site.css")
	texts := []string{
		string(site),
		`a{b:url(x.png)}`, `a{b:URL( 'x.png' )}`, `a{b:Url(  "x y.png"  )}`, `url("x.png" y)`, `url(x y)`, `url("x.png`,
		`url(`, `url`, `u`, `@import`, `@import"x.css";`, "@import\t'x.css';", `@IMPORT  "x.css"`, `@import "x.css`, `@importer "x.css"`,
		`/* url(a.png) */url(b.png)`, `/* url(a.png)`, `/*/ url(a.png) */url(c.png)`, `/**/url(d.png)`,
		"myurl(e.png)", "url(\n'f.png'\n)", `url('g.png")`, `url("h.png')`, `url(i.png"j)`, `@import url(k.css);`,
		"url(l.png)url(m.png)@import 'n.css'", "\xffurl(o.png)", `url(../../p.png)`, `url(#q)`, `url(r.png?#iefix)`,
	}
	for _, text := range texts {
		got, want := CSSRefs("css/x.css", []byte(text)), cssRefsByRE("css/x.css", []byte(text))
		if !slices.Equal(got, want) {
			t.Errorf("CSSRefs(%.60q) = %v, want %v", text, got, want)
		}
	}
	if len(site) < 10000 {
		t.Errorf("the theme's stylesheet is %d bytes: the test reads another file", len(site))
	}
}

// BenchmarkCSSRefs reads the theme's stylesheet, as every build and every
// preview save does twice.
func BenchmarkCSSRefs(b *testing.B) {
	site, _ := theme.Read("assets/css/site.css")
	for b.Loop() {
		CSSRefs("css/site.css", site)
	}
}
