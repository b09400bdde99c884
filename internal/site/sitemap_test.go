package site

import (
	"slices"
	"strings"
	"testing"

	"tongbao/internal/theme"
)

// TestLostSiteMapWarning: a footer of the site's own that does not list
// the 网站导航 (.Site.Map), which the built-in one does, is warned of,
// naming the top pages only it links to; a footer that lists it, or a header
// of the site's own that does in its place, is not.
func TestLostSiteMapWarning(t *testing.T) {
	warnings := func(layouts map[string]string) []string { // and pages of content/
		t.Helper()
		files := miniSite()
		delete(files, "layouts/base.html")
		files["content/about.md"] = "+++\ntitle = \"关于本站\"\n+++\n正文。\n"
		files["content/lianxi.md"] = "+++\ntitle = \"联系我们\"\n+++\n正文。\n"
		files["content/notices/n.md"] = "+++\ntitle = \"通知\"\n+++\n正文。\n"
		for name, data := range layouts {
			if strings.HasPrefix(name, "content/") {
				files[name] = data // a page's, in place of the one above
			} else {
				files["layouts/"+name] = data
			}
		}
		return loadWarnings(t, files)
	}
	portal := "<footer><p>主办单位：{{.Site.Name}}</p></footer>\n"
	want := []string{"layouts/partials/footer.html:1:1: 警告：这个模板覆盖了内置的 partials/footer.html，却没有列出网站导航（.Site.Map）：关于本站、联系我们只有网站导航链接到，将无处可达。运行 tongbao layouts partials/footer.html 查看内置模板的写法"}
	if got := warnings(map[string]string{"partials/footer.html": portal}); !slices.Equal(got, want) {
		t.Errorf("a footer without the 网站导航: warnings %q, want %q", got, want)
	}
	listed := "<footer>{{range .Site.Map}}<a href=\"{{url .Path}}\">{{.Title}}</a>{{end}}</footer>\n"
	if got := warnings(map[string]string{"partials/footer.html": listed}); len(got) != 0 {
		t.Errorf("a footer with the 网站导航: warnings %q", got)
	}
	header := "<header>{{with .Site}}{{range .Map}}<a href=\"{{url .Path}}\">{{.Title}}</a>{{end}}{{end}}" +
		"<form action=\"{{url \"search/\"}}\"><input name=\"q\"></form><button data-senior-toggle hidden>适老模式</button></header>\n"
	if got := warnings(map[string]string{"partials/footer.html": portal, "partials/header.html": header}); len(got) != 0 {
		t.Errorf("the 网站导航 in the header: warnings %q", got)
	}
	// A page the site's layouts link to by its address, or another
	// page's body does, is reachable without the 网站导航: it is not
	// named, and with none left nothing is said.
	linked := "<footer><p>主办单位：{{.Site.Name}}</p><a href=\"{{url \"about/\"}}\">关于本站</a></footer>\n"
	want = []string{"layouts/partials/footer.html:1:1: 警告：这个模板覆盖了内置的 partials/footer.html，却没有列出网站导航（.Site.Map）：联系我们只有网站导航链接到，将无处可达。运行 tongbao layouts partials/footer.html 查看内置模板的写法"}
	if got := warnings(map[string]string{"partials/footer.html": linked}); !slices.Equal(got, want) {
		t.Errorf("a footer linking 关于本站 by its address: warnings %q, want %q", got, want)
	}
	both := "<footer><a href=\"/about/\">关于本站</a> | <a href='/lianxi/'>联系我们</a></footer>\n"
	if got := warnings(map[string]string{"partials/footer.html": both}); len(got) != 0 {
		t.Errorf("a footer linking every top page by its address: warnings %q", got)
	}
	if got := warnings(map[string]string{"partials/footer.html": linked, "content/about.md": "+++\ntitle = \"关于本站\"\n+++\n[联系我们](lianxi.md)\n"}); len(got) != 0 {
		t.Errorf("a top page linked from another page's body: warnings %q", got)
	}
}

// TestUnusedLayoutWarning: a template of the site's that no build reads —
// in a folder misspelt (partial/), a page layout or a shortcode's markup
// of a name the theme has not — is warned of, as editing it would change
// nothing; a partial of the site's own, which a layout may call, and an
// asset of its own are not.
func TestUnusedLayoutWarning(t *testing.T) {
	files := miniSite()
	for _, name := range []string{"partial/footer.html", "cirular.html", "shortcodes/reward.html", "partials/portal-top.html", "assets/img/logo.png"} {
		files["layouts/"+name] = "x"
	}
	got := loadWarnings(t, files)
	want := []string{
		"layouts/cirular.html:1:1: 警告：不覆盖内置主题的任何文件，生成时不会用到（页面模板和短代码模板只认内置的文件名，局部模板放在 partials/ 下）；运行 tongbao layouts 查看",
		"layouts/partial/footer.html:1:1: 警告：不覆盖内置主题的任何文件，生成时不会用到（页面模板和短代码模板只认内置的文件名，局部模板放在 partials/ 下）；运行 tongbao layouts 查看",
		"layouts/shortcodes/reward.html:1:1: 警告：不覆盖内置主题的任何文件，生成时不会用到（页面模板和短代码模板只认内置的文件名，局部模板放在 partials/ 下）；运行 tongbao layouts 查看",
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestBaseBlocksWarning: a base.html of the site's own that does not
// call the blocks the page layouts define — "main", each page's body, and
// "head", where the search page puts its index's manifest and an old
// address its redirect — is warned of for each; one that calls both is
// not.
func TestBaseBlocksWarning(t *testing.T) {
	for _, c := range []struct {
		base string
		want []string
	}{
		{"<html lang=\"zh-CN\"><head>{{block \"head\" .}}{{end}}</head><body><a href=\"#main\">跳到正文</a>{{template \"partials/header.html\" .}}{{template \"main\" .}}</body></html>", nil},
		{"<html lang=\"zh-CN\"><head>{{- template \"head\" .}}</head><body><a href=\"#main\">跳到正文</a>{{template \"partials/header.html\" .}}{{ block \"main\" . }}{{end}}</body></html>", nil},
		{"<html lang=\"zh-CN\"><head></head><body><a href=\"#main\">跳到正文</a>{{template \"partials/header.html\" .}}<main>{{template \"main\" .}}</main></body></html>", []string{
			"layouts/base.html:1:1: 警告：这个模板覆盖了内置的 base.html，却没有调用 {{block \"head\" .}}{{end}}：搜索页的索引清单、旧网址转到新网址的跳转写在页面模板的 head 中，不会出现在页面上，搜索和跳转都将失效。运行 tongbao layouts base.html 查看内置模板的写法",
		}},
		// A portal's skeleton in partials of its own, which base.html calls.
		{"{{template \"partials/portal-top.html\" .}}<main>{{template \"partials/portal-main.html\" .}}</main>", nil},
		{"<html lang=\"zh-CN\"><head>{{block \"head\" .}}{{end}}</head><body><a href=\"#main\">跳到正文</a>{{template \"partials/header.html\" .}}</body></html>", []string{
			"layouts/base.html:1:1: 警告：这个模板覆盖了内置的 base.html，却没有调用 {{template \"main\" .}}：每个页面的正文都不会出现在页面上。运行 tongbao layouts base.html 查看内置模板的写法",
		}},
	} {
		files := miniSite()
		files["layouts/base.html"] = c.base
		if strings.Contains(c.base, "portal-") {
			files["layouts/partials/portal-top.html"] = "<html lang=\"zh-CN\"><head>{{template \"head\" .}}</head><body><a href=\"#main\">跳到正文</a>{{template \"partials/header.html\" .}}"
			files["layouts/partials/portal-main.html"] = "{{template \"main\" .}}"
		}
		got := loadWarnings(t, files)
		if !slices.Equal(got, c.want) {
			t.Errorf("base.html %q: warnings %q, want %q", c.base, got, c.want)
		}
	}
}

// TestCustomCSSUnlinkedWarning: a site's custom.css is linked by the
// built-in partials/head.html; a head.html of the site's own copied
// before it did links none, and the stylesheet changes nothing — warned
// of, as a stale layout is. One that links it, or a site without it, is
// not.
func TestCustomCSSUnlinkedWarning(t *testing.T) {
	files := miniSite()
	files["layouts/assets/css/custom.css"] = ":root{--red-dark:#004c97}\n"
	files["layouts/partials/head.html"] = "<link rel=\"stylesheet\" href=\"{{asset \"css/site.css\"}}\">\n"
	want := []string{`layouts/partials/head.html:1:1: 警告：这个模板覆盖了内置的 partials/head.html，却没有链接站点的 layouts/assets/css/custom.css：它的样式不会用到。运行 tongbao layouts partials/head.html 查看内置模板的写法`}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
	files["layouts/partials/head.html"] += "<link rel=\"stylesheet\" href=\"{{asset \"css/custom.css\"}}\">\n"
	if got := loadWarnings(t, files); len(got) != 0 {
		t.Errorf("a head.html linking custom.css: warnings %q", got)
	}
	// The built-in head.html, which links it, called by no base.html of
	// the site's own (a portal's page skeleton), then called.
	delete(files, "layouts/partials/head.html")
	files["layouts/base.html"] = "<!doctype html><html lang=\"zh-CN\"><head>{{block \"head\" .}}{{end}}</head><body><a href=\"#main\">跳到正文</a>{{template \"partials/header.html\" .}}{{template \"main\" .}}</body></html>\n"
	want = []string{`layouts/base.html:1:1: 警告：这个模板没有调用 partials/head.html（内置的它链接站点的 layouts/assets/css/custom.css），也没有自己链接 custom.css：它的样式不会用到。运行 tongbao layouts base.html 查看内置模板的写法`}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("a base.html without head.html: warnings %q, want %q", got, want)
	}
	files["layouts/base.html"] = strings.Replace(files["layouts/base.html"], "<head>", "<head>{{partialCached \"partials/head.html\" .}}", 1)
	if got := loadWarnings(t, files); len(got) != 0 {
		t.Errorf("a base.html calling head.html: warnings %q", got)
	}
	calling := files["layouts/base.html"]
	// A portal's skeleton split into partials: base.html calls its own
	// partials/top.html, which calls the built-in head.html — the
	// stylesheet is linked, as the "head" and "main" blocks called from a
	// partial are (TestBaseBlocksWarning).
	files["layouts/base.html"] = "<!doctype html><html lang=\"zh-CN\">{{template \"partials/top.html\" .}}<body><a href=\"#main\">跳到正文</a>{{template \"partials/header.html\" .}}{{template \"main\" .}}</body></html>\n"
	files["layouts/partials/top.html"] = "<head>{{partialCached \"partials/head.html\" .}}{{block \"head\" .}}{{end}}</head>\n"
	if got := loadWarnings(t, files); len(got) != 0 {
		t.Errorf("a base.html calling head.html through a partial of its own: warnings %q", got)
	}
	delete(files, "layouts/partials/top.html")
	files["layouts/base.html"] = calling
	delete(files, "layouts/assets/css/custom.css")
	files["layouts/partials/head.html"] = "<link rel=\"stylesheet\" href=\"{{asset \"css/site.css\"}}\">\n"
	if got := loadWarnings(t, files); len(got) != 0 {
		t.Errorf("a site without custom.css: warnings %q", got)
	}
}

// TestPageFrameWarning: a page skeleton of the site's own — a portal's
// base.html, or its header in place of the built-in one — that leaves out
// the page's language, the link that skips to the body, the search box or
// the 适老模式 button built, warned of nothing: every page lost them. It
// is warned of, at the site's file, naming each thing left out; found in
// a partial the skeleton calls (the built-in header) it is not, and a
// site with the built-in skeleton is not looked at.
func TestPageFrameWarning(t *testing.T) {
	const tail = "：内置的 base.html 和 partials/header.html 都有。运行 tongbao layouts partials/header.html 查看内置模板的写法"
	const (
		lang   = "页面的语言（<html lang=\"zh-CN\">：屏幕阅读器按它选择朗读的语言）"
		skip   = "跳到正文的链接（<a class=\"skip-link\" href=\"#main\">跳到正文</a>，正文在 <main id=\"main\"> 中）"
		search = "站内搜索框（action=\"{{url \"search/\"}}\" 的表单）"
		senior = "适老模式的按钮（data-senior-toggle）"
	)
	for _, c := range []struct {
		layouts map[string]string
		want    []string
	}{
		// A portal's skeleton with its own top bar, the theme's header dropped.
		{map[string]string{"base.html": "<!DOCTYPE html><html><head>{{block \"head\" .}}{{end}}</head><body><div class=\"portal-top\">{{.Site.Title}}</div>{{template \"main\" .}}</body></html>"},
			[]string{"layouts/base.html:1:1: 警告：本站的页面框架（base.html 和它调用的局部模板）没有" + lang + "、" + skip + "、" + search + "、" + senior + tail}},
		// The same calling the built-in header: only what base.html itself gives is missing.
		{map[string]string{"base.html": "<!DOCTYPE html><html><head>{{block \"head\" .}}{{end}}</head><body>{{partialCached \"partials/header.html\" . .Kind .Nav}}<main id=\"main\">{{template \"main\" .}}</main></body></html>"},
			[]string{"layouts/base.html:1:1: 警告：本站的页面框架（base.html 和它调用的局部模板）没有" + lang + "、" + skip + tail}},
		// A portal header in place of the built-in one, without the search box.
		{map[string]string{"partials/header.html": "<header class=\"portal\"><img src=\"{{asset \"img/logo.png\"}}\" alt=\"\">{{.Site.Title}}<button data-senior-toggle hidden>适老模式</button></header>"},
			[]string{"layouts/partials/header.html:1:1: 警告：本站的页面框架（base.html 和它调用的局部模板）没有" + search + tail}},
		{map[string]string{"partials/footer.html": "<footer>{{range .Site.Map}}<a href=\"{{url .Path}}\">{{.Title}}</a>{{end}}</footer>"}, nil},
	} {
		files := miniSite()
		delete(files, "layouts/base.html")
		files["layouts/assets/img/logo.png"] = "x"
		for name, data := range c.layouts {
			files["layouts/"+name] = data
		}
		if got := loadWarnings(t, files); !slices.Equal(got, c.want) {
			t.Errorf("layouts %q:\nwarnings %q\nwant     %q", c.layouts, got, c.want)
		}
	}
}

// TestCopyOfRemovedBuiltinWarning: a layout copied with tongbao layouts
// --copy from a built-in file that a later theme no longer has — a
// partial the built-in layouts stopped calling — was read as a partial of
// the site's own and left off every page with nothing said. It is warned
// of at its record, naming the file; a copy of a file the theme has is
// not.
func TestCopyOfRemovedBuiltinWarning(t *testing.T) {
	files := miniSite()
	files["layouts/partials/pager.html"] = "{{- /* tongbao layouts --copy：复制自内置的 partials/pager.html（a1b2c3d4） */ -}}\n<nav class=\"pager\">…</nav>\n"
	footer, _ := theme.Read("partials/footer.html")
	files["layouts/partials/footer.html"] = string(theme.Record("partials/footer.html", footer)) + string(footer)
	want := []string{"layouts/partials/pager.html:1:1: 警告：复制自内置的 partials/pager.html，而现在的内置主题已没有这个文件：内置模板不再调用它，除非本站自己的模板调用它，它不会出现在页面上；运行 tongbao layouts 查看现在的内置文件"}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestHugoLayoutWarning: a layout named as a Hugo site names it —
// _default/baseof.html, _default/single.html, index.html, _partials/ —
// was told only that it overrides nothing; a developer who knows Hugo is
// told which of tongbao's it is.
func TestHugoLayoutWarning(t *testing.T) {
	files := miniSite()
	for _, name := range []string{"_default/baseof.html", "_default/single.html", "index.html", "_partials/logo.html", "_default/terms.html"} {
		files["layouts/"+name] = "x"
	}
	const unused = "警告：不覆盖内置主题的任何文件，生成时不会用到："
	want := []string{
		"layouts/_default/baseof.html:1:1: " + unused + "Hugo 的 baseof.html 在 tongbao 中是 layouts/base.html；运行 tongbao layouts 查看",
		"layouts/_default/single.html:1:1: " + unused + "Hugo 的 single.html 在 tongbao 中分为 layouts/page.html（普通页面）和 layouts/circular.html（通报）；运行 tongbao layouts 查看",
		"layouts/_default/terms.html:1:1: " + unused + "tongbao 没有 Hugo 的 _default 文件夹：页面模板直接放在 layouts/ 下，只认内置的文件名（home.html、page.html、circular.html、list.html 等）；运行 tongbao layouts 查看",
		"layouts/_partials/logo.html:1:1: " + unused + "tongbao 没有 Hugo 的 _partials 文件夹，这个模板应为 layouts/partials/logo.html；运行 tongbao layouts 查看",
		"layouts/index.html:1:1: " + unused + "Hugo 的首页模板在 tongbao 中是 layouts/home.html；运行 tongbao layouts 查看",
	}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
