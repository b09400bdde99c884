package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// TestCacheSeesDeduct renders the 扣分制 office through one long-lived
// cache, as the preview does, and afresh after each edit a clerk makes of
// it: the per of a deduct in indicators.toml, a count in a month file.
// The two agree byte for byte, and the circular shows the new derived
// scores, by hand: 信访稳定 at 2 a 件 puts 县发改局's April 2 件 at 6.0,
// and 县公安局's 11 件 made 1 gives it 9.0.
func TestCacheSeesDeduct(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS("../../testdata/offices/deduct")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "expected.toml"))
	var sc site.Cache
	var rc Cache
	var results *rank.Results
	render := func() map[string][]byte {
		t.Helper()
		s, err := site.LoadCached(dir, &sc)
		if err != nil {
			t.Fatal(err)
		}
		results = rank.Update(results, s)
		out, err := Render(s, results, Options{Cache: &rc})
		if err != nil {
			t.Fatal(err)
		}
		cached := map[string][]byte{}
		for _, o := range out {
			cached[o.Path] = contentOf(t, o)
		}
		s, err = site.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		out, err = Render(s, rank.Archive(s), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range out {
			if !bytes.Equal(cached[o.Path], contentOf(t, o)) {
				t.Errorf("%s differs between the cached and the fresh render", o.Path)
			}
		}
		return cached
	}
	edit := func(name, from, to string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		b, _ := os.ReadFile(p)
		if !bytes.Contains(b, []byte(from)) {
			t.Fatalf("%s does not contain %q", name, from)
		}
		os.WriteFile(p, bytes.Replace(b, []byte(from), []byte(to), 1), 0o644)
	}
	april := func(out map[string][]byte) string { return pageTextOf(out["circulars/2025/4/index.html"]) }
	if got := april(render()); !strings.Contains(got, "第四县发改局28.0") {
		t.Fatalf("April before the edits lacks 县发改局's 2 件 at 8.0:\n%s", got)
	}
	edit("data/indicators.toml", "per = 1 }", "per = 2 }")
	if got := april(render()); !strings.Contains(got, "县发改局26.0") {
		t.Errorf("per = 2: April lacks 县发改局's 2 件 at 6.0:\n%s", got)
	}
	edit("data/indicators.toml", "per = 2 }", "per = 1 }")
	edit("data/2025-04.toml", `"县公安局" = 11`, `"县公安局" = 1`)
	if got := april(render()); !strings.Contains(got, "县公安局19.0") {
		t.Errorf("a count of 1: April lacks 县公安局's 1 件 at 9.0:\n%s", got)
	}
}

// pageTextOf is a page's text without tags and white space.
func pageTextOf(b []byte) string {
	s := tagRE.ReplaceAllString(string(b), "")
	return strings.Join(strings.Fields(s), "")
}
