package render

import (
	"bytes"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/rank"
)

// collect runs Stream and returns what it emitted, by path, failing the
// test if a path comes twice.
func collect(t *testing.T, emit func(Output) error, run func(func(Output) error) error) (map[string][]byte, error) {
	t.Helper()
	var mu sync.Mutex
	got := map[string][]byte{}
	err := run(func(o Output) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := got[o.Path]; dup {
			t.Errorf("%s emitted twice", o.Path)
		}
		got[o.Path] = o.Data
		if emit != nil {
			return emit(o)
		}
		return nil
	})
	return got, err
}

// TestStreamEmitsEveryOutput: Stream hands over every file of the site
// once, with the bytes Render returns for it; Render's are sorted.
func TestStreamEmitsEveryOutput(t *testing.T) {
	s := loadSample(t)
	got, err := collect(t, nil, func(emit func(Output) error) error { return Stream(s, rank.Archive(s), Options{}, emit) })
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html", "circulars/2023/14/index.html", "search-index.json", "feed.xml", "404.html"} {
		if len(got[p]) == 0 {
			t.Errorf("%s not emitted, or empty", p)
		}
	}
	out, err := Render(s, rank.Archive(s), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(got) {
		t.Errorf("Render returned %d files, Stream emitted %d", len(out), len(got))
	}
	for i, o := range out {
		if i > 0 && out[i-1].Path >= o.Path {
			t.Errorf("Render's outputs are not sorted: %s before %s", out[i-1].Path, o.Path)
		}
		if string(got[o.Path]) != string(o.Data) {
			t.Errorf("%s: Stream and Render differ", o.Path)
		}
	}
}

// TestStreamTemplateError: a layout that fails for the circular page
// keeps that page from being emitted, not the others, and Stream returns
// the problem once every job has run; Render returns no output then.
func TestStreamTemplateError(t *testing.T) {
	s := loadSample(t)
	found := false
	for i, f := range s.Layouts {
		if f.Name == "circular.html" { // as the site's own layouts/circular.html would
			s.Layouts[i].Data = []byte(strings.Replace(string(f.Data), "{{define \"main\"}}", "{{define \"main\"}}{{index .Site.Nav 99}}", 1))
			s.Layouts[i].Source = "layouts/circular.html"
			found = true
		}
	}
	if !found {
		t.Fatal("the sample has no circular.html")
	}
	got, err := collect(t, nil, func(emit func(Output) error) error { return Stream(s, rank.Archive(s), Options{}, emit) })
	var l diag.List
	if !errors.As(err, &l) || len(l) != 1 || l[0].File != "layouts/circular.html" || !strings.Contains(l[0].Msg, "99") {
		t.Fatalf("Stream = %v; want one template error in layouts/circular.html", err)
	}
	if _, ok := got["circulars/2023/14/index.html"]; ok {
		t.Error("the failed circular page was emitted")
	}
	if len(got["index.html"]) == 0 || len(got["search-index.json"]) == 0 {
		t.Error("the pages that did not fail were not emitted")
	}
	if out, err := Render(s, rank.Archive(s), Options{}); out != nil || err == nil {
		t.Errorf("Render = %d outputs, %v; want none and the error", len(out), err)
	}
}

// TestStreamStopsOnEmitError: once emit fails, no further job starts: at
// most the one each worker was already running is emitted, and Stream
// returns emit's error.
func TestStreamStopsOnEmitError(t *testing.T) {
	s := loadSample(t)
	all, err := Render(s, rank.Archive(s), Options{})
	if err != nil {
		t.Fatal(err)
	}
	full := errors.New("disk full")
	got, err := collect(t, func(Output) error { return full }, func(emit func(Output) error) error { return Stream(s, rank.Archive(s), Options{}, emit) })
	if !errors.Is(err, full) {
		t.Errorf("Stream = %v; want emit's error", err)
	}
	if n := runtime.GOMAXPROCS(0); len(got) < 1 || len(got) > n || len(got) >= len(all) {
		t.Errorf("emit called %d times with %d workers, of %d outputs; want 1 to %d", len(got), n, len(all), n)
	}
}

// TestStreamReleaseSources: with ReleaseSources, every page's and
// circular's Markdown is let go (its Body cleared) and the outputs are
// byte for byte those of a render that keeps them, which leaves them as
// they were. A body read after its release would show as a difference.
func TestStreamReleaseSources(t *testing.T) {
	kept := loadSample(t)
	if len(kept.Pages) == 0 || len(kept.Circulars) == 0 {
		t.Fatalf("the sample has %d pages and %d circulars; the test needs both", len(kept.Pages), len(kept.Circulars))
	}
	want, err := Render(kept, rank.Archive(kept), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range kept.Pages {
		if len(p.Body) == 0 {
			t.Errorf("%s: a render without ReleaseSources cleared its body", p.File)
		}
	}
	for _, c := range kept.Circulars {
		if len(c.Body) == 0 {
			t.Errorf("%s: a render without ReleaseSources cleared its body", c.File)
		}
	}

	s := loadSample(t)
	got, err := collect(t, nil, func(emit func(Output) error) error {
		return Stream(s, rank.Archive(s), Options{ReleaseSources: true}, emit)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Pages {
		if p.Body != nil {
			t.Errorf("%s: its body was not released", p.File)
		}
	}
	for _, c := range s.Circulars {
		if c.Body != nil {
			t.Errorf("%s: its body was not released", c.File)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d outputs with ReleaseSources, %d without", len(got), len(want))
	}
	for _, o := range want {
		if string(got[o.Path]) != string(o.Data) {
			t.Errorf("%s differs with ReleaseSources", o.Path)
		}
	}
}

// TestRenderOnly: a render of one circular alone (the preview's draft of
// a month held back) is its page, data.json and data.csv, each as the
// whole site's render has it, and nothing else.
func TestRenderOnly(t *testing.T) {
	s := loadSample(t)
	whole := renderFiles(t, s, "")
	out, err := Render(s, rank.Archive(s), Options{Only: []string{"content/circulars/2023-02.md"}})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, o := range out {
		paths = append(paths, o.Path)
		if !bytes.Equal(o.Data, whole[o.Path]) {
			t.Errorf("%s differs from the whole site's", o.Path)
		}
	}
	if want := []string{"circulars/2023/14/data.csv", "circulars/2023/14/data.json", "circulars/2023/14/index.html"}; !slices.Equal(paths, want) {
		t.Errorf("rendered %q, want %q", paths, want)
	}
}

// TestRenderOnlyBodyInError: a draft's body with a shortcode misspelt
// (Options.Only) is converted as well as it can be — the text and the
// shortcodes that work on its page, the one in error left out — and the
// problem returned all the same; the whole site's render of it still
// makes nothing.
func TestRenderOnlyBodyInError(t *testing.T) {
	s := loadSample(t)
	c := s.Circulars[0]
	if c.File != "content/circulars/2023-02.md" || !bytes.Contains(c.Body, []byte("{{< indicators \"重点工作\" >}}")) {
		t.Fatal("the sample's circular has changed: the test's edit no longer applies")
	}
	c.Body = append([]byte("{{< indicator \"重点项目\" >}}\n\n"), c.Body...)
	got, err := collect(t, nil, func(emit func(Output) error) error {
		return Stream(s, rank.Archive(s), Options{Only: []string{c.File}}, emit)
	})
	var l diag.List
	// Misspelt, it is told with the name meant.
	if !errors.As(err, &l) || len(l) != 1 || l[0].File != c.File || l[0].Line != c.BodyLine || !strings.Contains(l[0].Msg, "未知短代码“indicator”，是否为“indicators”？") {
		t.Fatalf("problems %v; want the shortcode misspelt, at its line", err)
	}
	page := string(got["circulars/2023/14/index.html"])
	if !strings.Contains(page, "经区政府研究，现将区政府2023年1-2月“三重点”落实情况通报如下") || !strings.Contains(page, "排名全区前三的为：桥头街道、石桥街道、爱莲街道") ||
		strings.Contains(page, `indicator "重点项目"`) || strings.Contains(page, "indicator &#34;") {
		t.Errorf("the draft's page lacks its text or the shortcodes that work, or shows the one in error:\n%s", page)
	}
	if out, err := Render(s, rank.Archive(s), Options{}); out != nil || !errors.As(err, &l) {
		t.Errorf("the whole site with the shortcode misspelt: %d outputs, %v", len(out), err)
	}
}

// TestStreamSameAsRender: Stream emits every output's bytes as Render
// makes them (five years of a demo), the search's documents table, which
// says where each body lies in its page, included.
func TestStreamSameAsRender(t *testing.T) {
	s := loadDemo(t, 5)
	want, err := Render(s, rank.Archive(s), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	got := map[string][]byte{}
	err = Stream(s, rank.Archive(s), Options{}, func(o Output) error {
		mu.Lock()
		defer mu.Unlock()
		got[o.Path] = bytes.Clone(o.Data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("Stream emitted %d outputs, Render %d", len(got), len(want))
	}
	for _, o := range want {
		if !bytes.Equal(got[o.Path], o.Data) {
			t.Errorf("%s: Stream emitted other bytes than Render", o.Path)
		}
	}
}
