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
// #fragment — url(…), @import "…", and the strings and url(…)s of an
// image-set(…) (-webkit-image-set too), not a type("image/avif") in it;
// addresses, data:, paths from the root, fragments, paths out of
// layouts/assets/ and comments name no asset. (Columns counted by hand.)
func TestCSSRefs(t *testing.T) {
	css := "@import 'base.css';\n" +
		"/* 旧的 url(../img/gone.png) */\n" +
		"  .标志{background:url( \"../img/logo.png?v=1#x\" )}\n" +
		"@font-face{src:URL(../fonts/hei.woff2) format(\"woff2\")}\n" +
		".c{background:url(https://x.example/y.png),url(/bg.png),url(#f),url(data:image/png;base64,AAA),url(../../out.png)}\n" +
		".d{background:-webkit-image-set(\"../img/a.png\" 1x, url(../img/b.png) 2x);\n" +
		"  background:IMAGE-SET('../img/c.avif' type(\"image/avif\"), linear-gradient(red, blue) 1x, \"/d.png\" 2x, '../img/e.png?v=2' 3x)}\n"
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
		{6, 34, "img/a.png", "../img/a.png"},
		{6, 56, "img/b.png", "../img/b.png"},
		{7, 25, "img/c.avif", "../img/c.avif"},
		{7, 105, "img/e.png", "../img/e.png"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("CSSRefs = %v, want %v", got, want)
	}
}

// TestCSSRefWarning: a stylesheet of the site's that names an asset not
// there is warned of at the reference (an image-set(…)'s string too); one
// that is there is not.
func TestCSSRefWarning(t *testing.T) {
	files := miniSite()
	files["layouts/assets/img/logo.png"] = "PNG"
	files["layouts/assets/css/portal.css"] = ".a{background:url(../img/logo.png)}\n" +
		"@font-face{src:url(\"../fonts/portal.woff2\")}\n" +
		".d{background:image-set(\"../img/logo@2x.png\" 2x, \"../img/logo.png\" 1x)}\n"
	got := loadWarnings(t, files)
	want := []string{
		"layouts/assets/css/portal.css:2:21: 警告：样式表引用的 layouts/assets/fonts/portal.woff2 不存在，浏览器取不到它",
		"layouts/assets/css/portal.css:3:26: 警告：样式表引用的 layouts/assets/img/logo@2x.png 不存在，浏览器取不到它",
	}
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

// cssRefsByRE is CSSRefs as regular expressions say it — the grammar
// the hand-written scanner follows, and a slower one than it. An
// image-set(…) is matched whole (its parentheses nested two deep at
// most, which the texts below keep to), and its arguments read again:
// a string or a url(…) among them is a reference, and a url(…) in
// another function's parentheses in it (cross-fade(…)); a string there
// (type("image/avif")), or in a comment, is not. Where an image-set(…) is
// not closed after a comment in it that holds a ")", the expression reads
// the comment's /* as text, to close it there, where the scanner does
// not: no text below has one.
func cssRefsByRE(name string, data []byte) []CSSRef {
	const (
		url = `(?i:url)\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)`
		str = `"([^"]*)"|'([^']*)'`
		// A comment ends at its first */, however the rest would match.
		comment = `/\*(?:[^*]|\*+[^*/])*\*+/`
		group   = `\((?:[^()"']|"[^"]*"|'[^']*'|\((?:[^()"']|"[^"]*"|'[^']*')*\))*\)`
		inside  = comment + `|"[^"]*"|'[^']*'|` + url + `|` + group + `|[^()"']`
	)
	re := regexp.MustCompile(`/\*[\s\S]*?(?:\*/|$)|` + url + `|@(?i:import)\s+(?:` + str + `)|(?i:image-set)\(((?:` + inside + `)*)\)`)
	arg := regexp.MustCompile(comment + `|` + str + `|` + url + `|(` + group + `)|[^()"']`)
	nested := regexp.MustCompile(`"[^"]*"|'[^']*'|` + url)
	var spans [][2]int
	add := func(off int, m []int, from, to int) {
		for g := from; g <= to; g++ {
			if m[2*g] >= 0 {
				spans = append(spans, [2]int{off + m[2*g], off + m[2*g+1]})
			}
		}
	}
	for _, m := range re.FindAllSubmatchIndex(data, -1) {
		add(0, m, 1, 5)
		if m[12] < 0 {
			continue
		}
		for _, a := range arg.FindAllSubmatchIndex(data[m[12]:m[13]], -1) {
			add(m[12], a, 1, 5)
			if g := a[12:14]; g[0] >= 0 {
				for _, u := range nested.FindAllSubmatchIndex(data[m[12]+g[0]:m[12]+g[1]], -1) {
					add(m[12]+g[0], u, 1, 3)
				}
			}
		}
	}
	var refs []CSSRef
	for _, sp := range spans {
		start, end := sp[0], sp[1]
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
		// image-set(…), its strings and url(…)s.
		`a{b:image-set("s.png" 1x, 't.png' 2x)}`, `a{b:-webkit-image-set(url(u.png) 1x, url("v.png") 2x)}`, `IMAGE-SET( "w.png"  1x )`,
		`image-set("x.avif" type("image/avif"), "y.jpg" type('image/jpeg'))`, `image-set(linear-gradient(red, rgb(0, 0, 255)) 1x, "z.png" 2x)`,
		`image-set("aa.png" 1x`, `image-set("ab.png`, `image-set(`, `image-set`, `image-set(url(ac.png) 1x`, `image-set (url(ad.png))`,
		`image-set(/* "ae.png" */ "af.png" 1x)`, `image-set(/* "ag.png" 1x)`, `image-set("ah.png" 1x, url("ai.png" x) 2x)`, `myimage-set("aj.png")`,
		`image-set("ak.png" 1x, type(url(al.png)) 2x, "/am.png", "https://x/an.png", "../../ao.png", "ap.png?#x", "#aq", "" 1x)`,
		`/* image-set("ar.png") */image-set("as.png")`, `image-set("at.png")url(au.png)image-set('av.png')@import "aw.css"`,
		`image-set(xurl(ax.png))`, `image-set(cross-fade(url(bb.png) 20%, url("bc.png")) 1x, 'bd.png' 2x)`, `image-set("ay.png" 1x, ("az.png"))`, "image-set(\n\t\"ba.png\"\n\t1x)",
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

// TestPublishedWithoutRecord: a stylesheet or script is published without
// the record tongbao layouts --copy writes first (after a byte order mark
// an editor wrote, with a line end of Windows), so that a copy left as it
// was is published as the built-in file is; any other file, and a record
// of a template's form, are published as they are.
func TestPublishedWithoutRecord(t *testing.T) {
	const record = "/* tongbao layouts --copy：复制自内置的 assets/css/site.css（0123abcd） */"
	for _, c := range []struct{ name, data, want string }{
		{"css/site.css", record + "\n@charset \"UTF-8\";\n.a{}\n", "@charset \"UTF-8\";\n.a{}\n"},
		{"css/site.css", "\uFEFF" + record + "\r\n.a{}\r\n", "\uFEFF.a{}\r\n"},
		{"js/page.js", "/* tongbao layouts --copy：复制自内置的 assets/js/page.js（89ABCDEF） */\n\"use strict\";\n", "\"use strict\";\n"},
		{"css/custom.css", "/* 本站的样式 */\n.a{}\n", "/* 本站的样式 */\n.a{}\n"},
		{"css/custom.css", ".a{}\n" + record + "\n", ".a{}\n" + record + "\n"},
		{"css/site.css", "{{- " + record + " -}}\n.a{}\n", "{{- " + record + " -}}\n.a{}\n"},
		{"img/logo.svg", record + "\n<svg/>\n", record + "\n<svg/>\n"},
	} {
		f := File{Name: c.name, Data: []byte(c.data)}
		if got := string(f.Published()); got != c.want {
			t.Errorf("%s holding %q is published as %q, want %q", c.name, c.data, got, c.want)
		}
		if string(f.Data) != c.data {
			t.Errorf("%s holding %q holds %q after", c.name, c.data, f.Data)
		}
	}
}

// TestPublishedScriptLean: a built-in script, and a copy of one left as it
// was, are published without their comments (theme.LeanJS), so that both
// have one name; a copy changed, and a script of the site's own, keep
// theirs.
func TestPublishedScriptLean(t *testing.T) {
	builtin, _ := theme.Read("assets/js/search.js")
	lean := string(theme.LeanJS("assets/js/search.js"))
	if len(lean) >= len(builtin) || !strings.Contains(string(builtin), "  // ") {
		t.Fatal("search.js has no comment lines for LeanJS to leave out")
	}
	record := string(theme.Record("assets/js/search.js", builtin))
	copied := record + string(builtin)
	changed := strings.Replace(copied, "\"use strict\";", "\"use strict\";\n// 本站改过\n", 1)
	if changed == copied {
		t.Fatal("search.js has no \"use strict\";")
	}
	for _, c := range []struct {
		what string
		f    File
		want string
	}{
		{"the built-in", File{Name: "js/search.js", Data: builtin, Source: theme.Label + "assets/js/search.js"}, lean},
		{"a copy as it was", File{Name: "js/search.js", Data: []byte(copied), Source: "layouts/assets/js/search.js"}, lean},
		{"a copy changed", File{Name: "js/search.js", Data: []byte(changed), Source: "layouts/assets/js/search.js"},
			strings.TrimPrefix(changed, record)},
		{"the site's own", File{Name: "js/own.js", Data: []byte("// 本站的脚本\nf();\n"), Source: "layouts/assets/js/own.js"}, "// 本站的脚本\nf();\n"},
	} {
		if got := string(c.f.Published()); got != c.want {
			t.Errorf("%s is published as %d bytes, want %d", c.what, len(got), len(c.want))
		}
	}
}
