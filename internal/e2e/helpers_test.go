package e2e

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"tongbao/internal/browsertest"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"tongbao/internal/build"
	"tongbao/internal/demo"
	"tongbao/internal/render"
	"tongbao/internal/site"
	"tongbao/internal/theme"
)

// shared is what the package's tests share, each thing made once in a run
// and then only read: the browser, in which each test opens a tab of its
// own (tab), and the sites that tests build and render without
// editing them — the five-year demo took each of a dozen tests seconds to
// write and render anew. A test that edits a site copies it first
// (copySite); TestMain fails the run if a shared site changed.
var shared struct {
	browser browsertest.Browser
	dir     string // the folder the shared sites are written in

	mu      sync.Mutex
	sites   map[string]*sharedSite   // by name
	renders map[string]*sharedRender // by the site's folder
}

// A sharedSite is a site written once in a run of the package's tests.
type sharedSite struct {
	once sync.Once
	dir  string // "" if writing it failed
	sum  [32]byte
}

// A sharedRender is a shared site's outputs, rendered once in a run.
type sharedRender struct {
	once sync.Once
	outs []render.Output // nil if rendering failed
}

// TestMain runs the tests, then ends the browser and removes the shared
// sites, failing the run if a test wrote into one.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tongbao-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	shared.dir = dir
	code := m.Run()
	shared.browser.Close()
	for name, s := range shared.sites {
		if s.dir == "" {
			continue
		}
		sum, err := digest(s.dir)
		switch {
		case err != nil:
			fmt.Fprintf(os.Stderr, "reading the shared site %s after the run: %v\n", name, err)
			code = 1
		case sum != s.sum:
			fmt.Fprintf(os.Stderr, "the shared site %s changed during the run: a test that edits a site must copy it first (copySite)\n", name)
			code = 1
		}
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// sharedSiteDir returns the folder of the site called name, shared by the
// tests of a run: write writes it there the first time a test asks for
// it. Tests must not edit it (copySite makes a copy to edit).
func sharedSiteDir(t *testing.T, name string, write func(t *testing.T, dir string)) string {
	t.Helper()
	shared.mu.Lock()
	if shared.sites == nil {
		shared.sites = map[string]*sharedSite{}
	}
	s := shared.sites[name]
	if s == nil {
		s = &sharedSite{}
		shared.sites[name] = s
	}
	shared.mu.Unlock()
	s.once.Do(func() {
		dir := filepath.Join(shared.dir, name)
		write(t, dir)
		sum, err := digest(dir)
		if err != nil {
			t.Fatalf("reading the site %s just written: %v", name, err)
		}
		s.dir, s.sum = dir, sum
	})
	if s.dir == "" {
		t.Fatalf("the shared site %s could not be written (see the test that first asked for it)", name)
	}
	return s.dir
}

// digest is a hash of the names and contents of the files below dir.
func digest(dir string) ([32]byte, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		fmt.Fprintf(h, "%s %d\n", p, len(b))
		h.Write(b)
		return err
	})
	var sum [32]byte
	h.Sum(sum[:0])
	return sum, err
}

// readOnly reports whether the site in dir is one that no test edits: the
// repository's own (sampleSite), one of its testdata/offices (officeSite)
// or a shared site. Its outputs are rendered once and shared.
func readOnly(t *testing.T, dir string) bool {
	root := moduleRoot(t)
	within := func(parent string) bool { return strings.HasPrefix(dir, parent+string(filepath.Separator)) }
	return dir == root || within(filepath.Join(root, "testdata", "offices")) || within(shared.dir)
}

// moduleRoot is the repository root: the folder holding go.mod, found by
// walking up from the test's working directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test's folder")
		}
		dir = parent
	}
}

// axeSource is node_modules/axe-core/axe.min.js, installed by npm ci from
// package-lock.json.
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(moduleRoot(t), "node_modules", "axe-core", "axe.min.js"))
	if errors.Is(err, os.ErrNotExist) {
		browsertest.Missing(t, "node_modules/axe-core/axe.min.js")
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// run runs one action with a time limit, failing the test on error.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return run(t, ctx, "evaluating "+expr, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// navigate loads url and waits for the page to settle.
func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	forget(ctx)
	run(t, ctx, "opening "+url, chromedp.Steps(chromedp.Navigate(url), chromedp.WaitReady("body")))
	settle(t, ctx)
}

// settle waits until the page has loaded, has no request in flight and
// its text has not changed for a moment (three reads 50 ms apart):
// scripts that render (search results, from the files they fetch) are
// done. It read the text for 300 ms, blind to the requests, in each of
// the 830 pages a run opens. (A read does not wait for the page's next
// frame: with scripts off, as TestWithoutJavaScript has them, none
// comes.)
func settle(t *testing.T, ctx context.Context) {
	t.Helper()
	const text = `document.readyState === "complete" ? document.documentElement.outerHTML.length + ":" + document.body.innerText : ""`
	deadline := time.Now().Add(10 * time.Second)
	last, stable := "", 0
	for time.Now().Before(deadline) {
		rctx, cancel := context.WithDeadline(ctx, deadline)
		v, err := chromedp.Run(rctx, chromedp.Evaluate[string](text))
		cancel()
		if err == nil && v != "" && v == last && len(inFlight(ctx)) == 0 {
			if stable++; stable >= 2 {
				return
			}
		} else {
			stable = 0
		}
		last = v
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the page did not settle within 10 s (requests in flight: %q)", inFlight(ctx))
}

// tab opens the test's tab in the package's browser, which counts the
// requests in flight there for settle.
func tab(t *testing.T, opts ...chromedp.ContextOption) context.Context {
	t.Helper()
	r := &requests{pending: map[network.RequestID]string{}}
	ctx := shared.browser.Tab(t, append(opts, chromedp.WithListener(r.listen))...)
	return context.WithValue(ctx, requestsKey{}, r)
}

// requests are the requests that the scripts of a tab's page have in
// flight (fetch, XMLHttpRequest), by the browser's network events. What
// the page itself loads (its styles, scripts, pictures) is in before its
// load event; the browser's request for /favicon.ico may never be
// reported done.
type requests struct {
	mu      sync.Mutex
	pending map[network.RequestID]string // their URLs
}

type requestsKey struct{}

func (r *requests) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if ev.Type == network.ResourceTypeFetch || ev.Type == network.ResourceTypeXHR {
			r.pending[ev.RequestID] = ev.Request.URL
		}
	case *network.EventLoadingFinished:
		delete(r.pending, ev.RequestID)
	case *network.EventLoadingFailed:
		delete(r.pending, ev.RequestID)
	}
}

// forget forgets the requests in flight in the tab of ctx: a page opened
// there ends those of the page before.
func forget(ctx context.Context) {
	if r, ok := ctx.Value(requestsKey{}).(*requests); ok {
		r.mu.Lock()
		clear(r.pending)
		r.mu.Unlock()
	}
}

// inFlight lists the URLs of the requests in flight in the tab of ctx.
func inFlight(ctx context.Context) []string {
	r, ok := ctx.Value(requestsKey{}).(*requests)
	if !ok {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Sorted(maps.Values(r.pending))
}

// sampleSite is the repository's own site.
func sampleSite(t *testing.T) string {
	return moduleRoot(t)
}

// demoYears is the demo every end-to-end test builds: the issue's
// acceptance size.
const demoYears = 5

// demoSite is the folder of a five-year demo site (writeDemo), written
// once in a run and shared: a test that edits it copies it first.
func demoSite(t *testing.T) string {
	t.Helper()
	return sharedSiteDir(t, "demo", writeDemo)
}

// writeDemo writes a five-year demo site (internal/demo, as `tongbao
// gen-demo` does) into dir, plus a folder of two plain
// pages, so that the list page type exists too; every footer field of
// [site] (DESIGN.md §3), with a 党政机关网站标识 image, so that the footer
// is tested at its fullest; and a circular in 文件格式 with attachments, a
// 附注, a 版记 and a picture in its body.
func writeDemo(t *testing.T, dir string) {
	t.Helper()
	sample, err := site.Load(moduleRoot(t))
	if err != nil {
		t.Fatalf("loading the sample site: %v", err)
	}
	if err := demo.Write(dir, sample, demoYears, 1); err != nil {
		t.Fatalf("writing the demo: %v", err)
	}
	notices := filepath.Join(dir, "content", "notices")
	if err := os.MkdirAll(notices, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"2023-03.md": "+++\ntitle = \"演示数据：关于3月考核安排的说明\"\ndate = 2023-03-01\n+++\n\n演示数据。3月考核按原办法进行。\n",
		"2023-04.md": "+++\ntitle = \"演示数据：关于4月考核安排的说明\"\ndate = 2023-04-01\n+++\n\n演示数据。4月考核按原办法进行，数据填入[考核数据填报表](附件/填报表.xlsx)。\n",
	} {
		if err := os.WriteFile(filepath.Join(notices, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fileFormatWithRecord(t, dir, "2018-04.md", `note   = "此件公开发布"
cc     = "市政府办公室，区委办公室，区人大常委会办公室，区政协办公室，区纪委监委"
printed = 2018-05-16`, map[string]string{
		"演示数据：2018年4月各乡镇（街道）考核得分表": "单位,得分\n东风路街道,95\n",
		"演示数据：通报原件":                "%PDF-1.4\n演示数据\n",
	})
	editFile(t, filepath.Join(dir, "config.toml"), "[issuer]", `# 演示数据：页脚各项
icp      = "湘ICP备00000000号-1"
police   = "湘公网安备 43050202000000号"
contact  = "notices/"
errata   = "https://www.example.gov.cn/jiucuo/"
govBadge = "img/badge.png"
govBadgeLink = "https://www.example.gov.cn/badge/"

[issuer]`)
	// A picture in a circular's body, wider than any phone, and a form
	// a notice's text links to.
	chart := image.NewRGBA(image.Rect(0, 0, 1200, 400))
	draw.Draw(chart, chart.Bounds(), image.NewUniform(color.RGBA{0x20, 0x60, 0xa0, 0xff}), image.Point{}, draw.Src)
	var pic bytes.Buffer
	if err := png.Encode(&pic, chart); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"circulars/附件/2018-04-图.png": pic.Bytes(), "notices/附件/填报表.xlsx": []byte("PK\x03\x04 演示数据")} {
		if err := os.MkdirAll(filepath.Join(dir, "content", filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "content", filepath.FromSlash(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	appendFile(t, filepath.Join(dir, "content", "circulars", "2018-04.md"), "\n![演示数据：2018年4月各乡镇（街道）考核得分图](附件/2018-04-图.png)\n")
	badge := image.NewRGBA(image.Rect(0, 0, 110, 55))
	draw.Draw(badge, badge.Bounds(), image.NewUniform(color.RGBA{0xc0, 0, 0, 0xff}), image.Point{}, draw.Src)
	var b bytes.Buffer
	if err := png.Encode(&b, badge); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "layouts", "assets", "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "layouts", "assets", "img", "badge.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// renderSite renders a site in memory with baseURL "/". The outputs of a
// site no test edits (readOnly) are rendered once in a run and shared:
// they must not be changed.
func renderSite(t *testing.T, dir string) []render.Output {
	t.Helper()
	if !readOnly(t, dir) {
		return renderFresh(t, dir)
	}
	shared.mu.Lock()
	if shared.renders == nil {
		shared.renders = map[string]*sharedRender{}
	}
	r := shared.renders[dir]
	if r == nil {
		r = &sharedRender{}
		shared.renders[dir] = r
	}
	shared.mu.Unlock()
	r.once.Do(func() { r.outs = renderFresh(t, dir) })
	if r.outs == nil {
		t.Fatalf("rendering %s failed (see the test that first rendered it)", dir)
	}
	return r.outs
}

// renderFresh renders a site in memory with baseURL "/".
func renderFresh(t *testing.T, dir string) []render.Output {
	t.Helper()
	outs, err := build.Render(build.Options{Source: dir, BaseURL: "/"})
	if err != nil {
		t.Fatalf("rendering %s:\n%v", dir, err)
	}
	return outs
}

// serveOutputs serves rendered outputs at the root like a static file
// server: a folder's index.html, 404.html with status 404 for anything
// else.
func serveOutputs(t *testing.T, outs []render.Output) *httptest.Server {
	t.Helper()
	files := map[string][]byte{}
	for _, o := range outs {
		files[o.Path] = o.Data
		if o.File != nil {
			var b bytes.Buffer
			if err := o.File.Copy(&b); err != nil {
				t.Fatal(err)
			}
			files[o.Path] = b.Bytes()
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/")
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		data, ok := files[p]
		if !ok {
			if _, dir := files[p+"/index.html"]; dir {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(files["404.html"])
			return
		}
		w.Header().Set("Content-Type", contentType(p))
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// contentType is the Content-Type of an output file, as a portal's server
// should send it.
func contentType(p string) string {
	switch path.Ext(p) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json; charset=utf-8"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".ico":
		return "image/x-icon"
	}
	return "application/octet-stream"
}

// A pageType is one kind of page of the built site and the URL path (below
// the root) of the page chosen to stand for it.
type pageType struct {
	Name string // the layout's body class kind-…, or a name given below
	Path string // "circulars/2023/14/", "search/?q=禁毒", "no/such/page/"
}

var kindRE = regexp.MustCompile(`<body[^>]*\bclass="[^"]*\bkind-([a-z0-9-]+)`)

// A shape is a kind of output path (DESIGN.md §7) and the layout that
// makes it; "" for the pages of the first issue, which always exist.
type shape struct {
	name, layout string
	match        func(outPath string) bool
}

var circularRE = regexp.MustCompile(`^circulars/\d{4}/\d+/index\.html$`)

// requiredShapes are the pages that must exist in the output: always those
// of the first issue, and the history and search pages once their layouts
// exist in layouts/. (Plain and list pages are found by their body class:
// whether they exist depends on content/, not on the layouts.)
func requiredShapes() []shape {
	return []shape{
		{"home", "", func(p string) bool { return p == "index.html" }},
		{"archive", "", func(p string) bool { return p == "circulars/index.html" }},
		{"circular", "", circularRE.MatchString},
		{"404", "", func(p string) bool { return p == "404.html" }},
		{"unit", "unit.html", func(p string) bool { return under(p, "units/") }},
		{"indicator", "indicator.html", func(p string) bool { return under(p, "indicators/") }},
		{"rankings", "rankings.html", func(p string) bool { return p == "rankings/index.html" }},
		{"search", "search.html", func(p string) bool { return p == "search/index.html" }},
		{"units", "units.html", func(p string) bool { return p == "units/index.html" }},
		{"indicators", "indicators.html", func(p string) bool { return p == "indicators/index.html" }},
		{"year", "year.html", yearRE.MatchString},
		{"data", "data.html", func(p string) bool { return p == "data/index.html" }},
	}
}

var yearRE = regexp.MustCompile(`^circulars/\d{4}/index\.html$`)

// variants are pages of a type chosen above that hold more than the page
// chosen for it may: an indicator ranked among the townships has the
// widest tables of the site, the first indicator in path order may have
// none. Add a variant here when a kind of page grows such a difference.
var variants = []struct {
	name  string
	match func(render.Output) bool
}{
	{"indicator with township ranks", func(o render.Output) bool {
		return under(o.Path, "indicators/") && bytes.Contains(o.Data, []byte(`id="townships-heading"`))
	}},
	{"circular with attachments and 版记", func(o render.Output) bool {
		return strings.HasPrefix(o.Path, "circulars/") && bytes.Contains(o.Data, []byte(`class="doc-record"`))
	}},
	// A year's circular: a table of fourteen columns (each month's rank).
	{"circular with a period table", func(o render.Output) bool {
		return strings.HasPrefix(o.Path, "circulars/") && bytes.Contains(o.Data, []byte(`period-table`))
	}},
}

// under reports whether p is the index.html of a page one level below dir.
func under(p, dir string) bool {
	rest, ok := strings.CutPrefix(p, dir)
	return ok && strings.Count(rest, "/") == 1 && strings.HasSuffix(rest, "/index.html")
}

// pageTypes picks one page of each type from a site's output: one per URL
// shape of requiredShapes, one per body class kind-… that base.html writes
// (the first in path order: a department's page is kind-department, a
// township's kind-unit), one per variant, and the search page with a
// query, whose results are rendered by script. It fails the test when a required shape is
// missing: the layouts listed there exist, so their pages must too.
func pageTypes(t *testing.T, root string, outs []render.Output) []pageType {
	t.Helper()
	var types []pageType
	seen := map[string]bool{}
	add := func(name, p string) {
		if !seen[name] {
			seen[name] = true
			types = append(types, pageType{name, p})
		}
	}
	urlOf := func(outPath string) string {
		if outPath == "404.html" {
			return "no/such/page/" // how a reader meets it
		}
		return strings.TrimSuffix(outPath, "index.html")
	}
	for _, sh := range requiredShapes() {
		i := slices.IndexFunc(outs, func(o render.Output) bool { return sh.match(o.Path) })
		if i < 0 {
			if sh.layout == "" || layoutExists(t, sh.layout) {
				t.Errorf("no %s page in the output (layouts/%s exists)", sh.name, cmp.Or(sh.layout, sh.name))
			}
			continue
		}
		add("shape:"+sh.name, urlOf(outs[i].Path))
	}
	for _, o := range outs {
		if !strings.HasSuffix(o.Path, ".html") {
			continue
		}
		if m := kindRE.FindSubmatch(o.Data); m != nil {
			add("kind-"+string(m[1]), urlOf(o.Path))
		}
	}
	for _, v := range variants {
		if i := slices.IndexFunc(outs, v.match); i >= 0 {
			add(v.name, urlOf(outs[i].Path))
		}
	}
	if seen["shape:search"] {
		add("search 禁毒", "search/?q=禁毒")
	}
	if len(types) == 0 {
		t.Fatal("no pages in the output")
	}
	// The same page chosen twice under two names is visited once.
	var out []pageType
	paths := map[string]bool{}
	for _, p := range types {
		if !paths[p.Path] {
			paths[p.Path] = true
			out = append(out, p)
		}
	}
	return out
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// layoutExists reports whether the built-in theme has the layout name:
// the history and search pages are tested once their layouts land.
func layoutExists(t *testing.T, name string) bool {
	_, ok := theme.Read(name)
	return ok
}

func describe(p pageType) string {
	return fmt.Sprintf("%s (/%s)", p.Name, p.Path)
}

// copySite copies a site's input (config.toml, data/, content/, and
// layouts/ if it has one) into a temporary folder, so that a test may
// edit it.
func copySite(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	copySiteTo(t, src, dir)
	return dir
}

// copySiteTo copies a site's input as copySite does into dir.
func copySiteTo(t *testing.T, src, dir string) {
	t.Helper()
	for _, name := range []string{"data", "content", "layouts"} {
		if name == "layouts" && !fileExists(filepath.Join(src, name)) {
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join(src, name))); err != nil {
			t.Fatalf("copying the site: %v", err)
		}
	}
	b, err := os.ReadFile(filepath.Join(src, "config.toml"))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "config.toml"), b, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// fileFormatWithRecord turns the circular content/circulars/name of the
// site in dir into 文件格式 with the front matter lines record (附注, 版记)
// and an attachment of each title, its file holding the text given.
func fileFormatWithRecord(t *testing.T, dir, name, record string, attachments map[string]string) {
	t.Helper()
	front := "format = \"file\"\n" + record + "\n"
	for i, title := range slices.Sorted(maps.Keys(attachments)) {
		file := fmt.Sprintf("附件/%s-%d.pdf", strings.TrimSuffix(name, ".md"), i+1)
		front += fmt.Sprintf("[[attachment]]\ntitle = %q\nfile  = %q\n", title, file)
		p := filepath.Join(dir, "content", "circulars", filepath.FromSlash(file))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(attachments[title]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	editFile(t, filepath.Join(dir, "content", "circulars", name), "format = \"letter\"\n", front)
}

// appendFile adds text to the end of a file.
func appendFile(t *testing.T, name, text string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, append(b, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// editFile replaces old by new in a file, failing if old is not there.
func editFile(t *testing.T, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// villageNames are the units of villageSite: a town's villages and
// communities, names of three and four characters as a town's are.
var villageNames = []string{
	"东风村", "东方村", "东峰社区", "西河村", "永丰村", "永安村", "新华社区", "红旗村",
	"胜利村", "光明村", "团结村", "前进村", "和平社区", "长岭村", "石门村", "桃花村",
	"杨柳村", "金星村", "五星村", "双河村", "青山村", "白沙社区", "大塘村", "小溪村",
	"龙泉村", "凤凰社区", "荷花村", "梅林村", "竹园村", "松林村", "柏树村", "枫林社区",
}

// villageSite is the folder of writeVillages' demo of the given years,
// written once in a run and shared: a test that edits it copies it first.
func villageSite(t *testing.T, years int) string {
	t.Helper()
	return sharedSiteDir(t, fmt.Sprintf("villages-%d", years), func(t *testing.T, dir string) { writeVillages(t, dir, years) })
}

// writeVillages writes into dir a demo of the given years for a town that
// ranks its 32 villages and communities (村（社区））: the sample's units
// renamed and twenty more, every indicator that ranked all of the
// sample's townships ranking them all. Its heat map and matrices are as
// long as a town's.
func writeVillages(t *testing.T, dir string, years int) {
	t.Helper()
	sample, err := site.Load(moduleRoot(t))
	if err != nil {
		t.Fatalf("loading the sample site: %v", err)
	}
	sample.Config.Terms.Unit = "村（社区）"
	first := len(sample.Townships)
	for i, name := range villageNames {
		if i < first {
			sample.Townships[i].Name = name
			continue
		}
		sample.Townships = append(sample.Townships, &site.Unit{Name: name, Slug: fmt.Sprintf("cun%02d", i+1), Kind: sample.Townships[0].Kind})
	}
	for _, ind := range sample.Indicators {
		if len(ind.Townships) == first {
			ind.Townships = sample.Townships
		}
	}
	if err := demo.Write(dir, sample, years, 1); err != nil {
		t.Fatalf("writing the demo: %v", err)
	}
}
