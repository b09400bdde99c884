package render

import (
	"bytes"
	"path"
	"regexp"
	"strings"
	"testing"

	"tongbao/internal/site"
)

// TestStylesheetNamesFingerprinted: every asset is published under a
// fingerprinted name, so a stylesheet's url(../img/logo.png) would ask for
// a file that is not there; it is published naming logo.<fingerprint>.png,
// in an image-set(…)'s strings too (not its type("image/png")), through a
// stylesheet it imports too, and under a name of its own that is
// the fingerprint of what is published. Addresses, paths from the root,
// fragments, data: and comments are left as they are. The fingerprints
// were worked out with sha256sum.
func TestStylesheetNamesFingerprinted(t *testing.T) {
	s := loadSample(t)
	s.Assets = append(s.Assets,
		site.File{Name: "img/logo.png", Data: []byte("PNG1"), Source: "layouts/assets/img/logo.png"},
		site.File{Name: "css/portal.css", Source: "layouts/assets/css/portal.css", Data: []byte(`@import "base.css";
/* url(../img/gone.png) */
.a{background:url( "../img/logo.png?v=1#x" ) no-repeat}
.c{background:url(https://x.example/y.png),url(/bg.png),url(#f),url(data:image/png;base64,AAA)}
.d{background:-webkit-image-set("../img/logo.png" 1x, url(../img/logo.png) 2x);background:image-set('../img/logo.png' type("image/png"))}
`)},
		site.File{Name: "css/base.css", Source: "layouts/assets/css/base.css", Data: []byte(".b{background:url(../img/logo.png)}\n")},
	)
	files := renderFiles(t, s, "/")
	for name, want := range map[string]string{
		"assets/img/logo.b8fc6f9a.png": "PNG1",
		"assets/css/base.061cb4c6.css": ".b{background:url(../img/logo.b8fc6f9a.png)}\n",
		"assets/css/portal.cf899e96.css": `@import "base.061cb4c6.css";
/* url(../img/gone.png) */
.a{background:url( "../img/logo.b8fc6f9a.png?v=1#x" ) no-repeat}
.c{background:url(https://x.example/y.png),url(/bg.png),url(#f),url(data:image/png;base64,AAA)}
.d{background:-webkit-image-set("../img/logo.b8fc6f9a.png" 1x, url(../img/logo.b8fc6f9a.png) 2x);background:image-set('../img/logo.b8fc6f9a.png' type("image/png"))}
`,
	} {
		got, ok := files[name]
		if !ok {
			t.Errorf("no %s", name)
			continue
		}
		if string(got) != want {
			t.Errorf("%s is\n%s\nwant\n%s", name, got, want)
		}
	}
}

// TestCustomCSSLinked: a site's layouts/assets/css/custom.css is linked on
// every page after the theme's stylesheet, so that its rules and its
// values of the theme's variables win; a site without one links none.
// (The fingerprint was worked out with sha256sum.)
func TestCustomCSSLinked(t *testing.T) {
	s := loadSample(t)
	s.Assets = append(s.Assets, site.File{Name: "css/custom.css", Source: "layouts/assets/css/custom.css", Data: []byte(":root{--red-dark:#004c97}\n")})
	files := renderFiles(t, s, "/")
	if got := string(files["assets/css/custom.e84910eb.css"]); got != ":root{--red-dark:#004c97}\n" {
		t.Errorf("custom.css published as %q", got)
	}
	link := regexp.MustCompile(`<link rel="stylesheet" href="/assets/css/site\.[0-9a-f]{8}\.css">\s*<link rel="stylesheet" href="/assets/css/custom\.e84910eb\.css">`)
	for _, page := range []string{"index.html", "circulars/2023/14/index.html", "units/binjiang/index.html", "search/index.html"} {
		if !link.Match(files[page]) {
			t.Errorf("%s does not link custom.css after site.css", page)
		}
	}
	if page := renderFiles(t, loadSample(t), "/")["index.html"]; bytes.Contains(page, []byte("custom.")) {
		t.Error("a site without custom.css links one")
	}
}

// TestStylesheetCircle: stylesheets that name each other (a.css imports
// b.css, which imports a.css; self.css names itself) cannot each be named
// by the fingerprint of what is published, which holds the other's name:
// the one met last kept the name as written, css/a.css, a file never
// published. Each is published naming the other's fingerprinted file, under
// a name that changes with the circle's content, and a stylesheet that
// imports one is named by its own published content as any other is.
func TestStylesheetCircle(t *testing.T) {
	files := func(b string) []site.File {
		return []site.File{
			{Name: "css/a.css", Data: []byte("@import \"b.css\";\n.a{background:url(../img/x.png)}\n")},
			{Name: "css/b.css", Data: []byte(b)},
			{Name: "css/c.css", Data: []byte("@import url(a.css);\n")},
			{Name: "css/self.css", Data: []byte(".s{filter:url(self.css#blur)}\n")},
			{Name: "img/x.png", Data: []byte("PNG")},
		}
	}
	names, css := fingerprints(files("@import 'a.css';\n.b{}\n"))
	base := func(name string) string { return path.Base(names[name]) }
	for name, want := range map[string]string{
		"css/a.css":    "@import \"" + base("css/b.css") + "\";\n.a{background:url(../img/" + base("img/x.png") + ")}\n",
		"css/b.css":    "@import '" + base("css/a.css") + "';\n.b{}\n",
		"css/c.css":    "@import url(" + base("css/a.css") + ");\n",
		"css/self.css": ".s{filter:url(" + base("css/self.css") + "#blur)}\n",
	} {
		if got := string(css[name]); got != want {
			t.Errorf("%s is published as\n%s\nwant\n%s", name, got, want)
		}
		if !regexp.MustCompile(`^assets/` + strings.TrimSuffix(name, ".css") + `\.[0-9a-f]{8}\.css$`).MatchString(names[name]) {
			t.Errorf("%s is published as %s", name, names[name])
		}
	}
	if names["img/x.png"] != "assets/img/x.79612083.png" {
		t.Errorf("img/x.png is published as %s", names["img/x.png"])
	}
	if want := fingerprint("assets/css/c.css", css["css/c.css"]); names["css/c.css"] != want {
		t.Errorf("css/c.css is published as %s, not by the fingerprint of its content, %s", names["css/c.css"], want)
	}
	// b edited: the circle's names change, and so does c's, which names
	// one of them; the picture's does not.
	again, _ := fingerprints(files("@import 'a.css';\n.b{color:red}\n"))
	for name, changed := range map[string]bool{"css/a.css": true, "css/b.css": true, "css/c.css": true, "css/self.css": false, "img/x.png": false} {
		if (again[name] != names[name]) != changed {
			t.Errorf("after b.css was edited, %s is published as %s, before as %s", name, again[name], names[name])
		}
	}
}
