package render

import (
	"testing"

	"tongbao/internal/site"
)

// TestStylesheetNamesFingerprinted: every asset is published under a
// fingerprinted name, so a stylesheet's url(../img/logo.png) would ask for
// a file that is not there; it is published naming logo.<fingerprint>.png,
// through a stylesheet it imports too, and under a name of its own that is
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
`)},
		site.File{Name: "css/base.css", Source: "layouts/assets/css/base.css", Data: []byte(".b{background:url(../img/logo.png)}\n")},
	)
	files := renderFiles(t, s, "/")
	for name, want := range map[string]string{
		"assets/img/logo.b8fc6f9a.png": "PNG1",
		"assets/css/base.061cb4c6.css": ".b{background:url(../img/logo.b8fc6f9a.png)}\n",
		"assets/css/portal.55de66c7.css": `@import "base.061cb4c6.css";
/* url(../img/gone.png) */
.a{background:url( "../img/logo.b8fc6f9a.png?v=1#x" ) no-repeat}
.c{background:url(https://x.example/y.png),url(/bg.png),url(#f),url(data:image/png;base64,AAA)}
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
