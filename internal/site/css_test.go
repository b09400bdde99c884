package site

import (
	"slices"
	"testing"
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
