package render

import (
	"bytes"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tongbao/internal/demo"
	"tongbao/internal/diag"
	"tongbao/internal/site"
)

// TestPartialCached: base.html's cached header and footer give every page
// of a demo archive (circulars, units, departments, indicators, rankings,
// lists, search, 404) the very bytes the partials give when executed for
// each page with {{template}}.
func TestPartialCached(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, loadSample(t), 1, 1); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	cached := renderFiles(t, s, "/")
	for i, f := range s.Layouts {
		if f.Name != "base.html" {
			continue
		}
		src := string(f.Data)
		for _, call := range []string{`{{partialCached "partials/header.html" . .Kind .Nav}}`, `{{partialCached "partials/footer.html" .}}`} {
			if !strings.Contains(src, call) {
				t.Fatalf("base.html lacks %s", call)
			}
			name := strings.Fields(call)[1]
			src = strings.Replace(src, call, "{{template "+name+" .}}", 1)
		}
		s.Layouts[i].Data = []byte(src)
	}
	plain := renderFiles(t, s, "/")
	if len(plain) != len(cached) {
		t.Fatalf("%d outputs with {{template}}, %d with partialCached", len(plain), len(cached))
	}
	kinds := map[string]bool{}
	for name, want := range plain {
		if !bytes.Equal(cached[name], want) {
			t.Errorf("%s differs when the header and footer are cached", name)
		}
		if strings.HasSuffix(name, ".html") {
			if m := kindRE.FindSubmatch(want); m != nil {
				kinds[string(m[1])] = true
			}
		}
	}
	for _, k := range []string{"home", "circular", "archive", "unit", "department", "indicator", "rankings", "search", "404", "page"} {
		if !kinds[k] {
			t.Errorf("no page of kind %s was compared", k)
		}
	}
}

// A partialCached of a template that does not exist is a template error
// of the layout that calls it.
func TestPartialCachedMissing(t *testing.T) {
	s := loadSample(t)
	for i, f := range s.Layouts {
		if f.Name == "page.html" {
			s.Layouts[i].Data = []byte(strings.Replace(string(f.Data), "{{.Content}}", `{{partialCached "partials/nope.html" .}}`, 1))
		}
	}
	_, err := Render(s, Options{})
	var l diag.List
	if !errors.As(err, &l) || len(l) != 1 || l[0].File != "layouts/page.html" || !strings.Contains(l[0].Msg, "partials/nope.html") {
		t.Fatalf("Render = %v; want one error in layouts/page.html naming partials/nope.html", err)
	}
}

var kindRE = regexp.MustCompile(`<body class="kind-([a-z0-9]+)">`)
