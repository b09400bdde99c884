// Package serve is tongbao's preview server (DESIGN.md §9): it builds the
// site in memory, serves it over HTTP, watches the input and rebuilds on
// every save, and tells the browser over Server-Sent Events to reload —
// or, while the input is broken, to show the diagnostics over the last
// good build. Nothing is written to disk.
package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"tongbao/internal/diag"
	"tongbao/internal/rank"
	"tongbao/internal/render"
	"tongbao/internal/site"
)

// Options configure a Server.
type Options struct {
	Source string        // site root; "." by default
	Log    io.Writer     // the terminal: the address and one line per build
	ErrLog io.Writer     // where diagnostics go; Log by default
	Delay  time.Duration // quiet time after the last change before rebuilding; DefaultDelay by default

	// AllowHosts are host names the preview answers besides its own
	// address and localhost (tongbao serve --allow-host), see hostPolicy.
	AllowHosts []string

	// Published, if set, are warnings of what a build of a site rendering
	// outputs would change of the build published — pages it would no
	// longer make, circulars whose results it would rewrite: tongbao
	// serve compares with the last build in public/ (build.Published),
	// which this package does not read itself.
	Published func(s *site.Site, outputs []render.Output) diag.List
}

// DefaultDelay is the quiet time before a rebuild. Every editor's save —
// vim's backup rename and write, JetBrains' and gedit's temporary file
// renamed over the original, VS Code's truncate and write — is a burst of
// events well under ten milliseconds long, so 30 ms coalesces a save into
// one rebuild and leaves the rest of the 100 ms a reload may take from
// the save to the rebuild. A slower writer (a network drive) costs at
// worst one more rebuild: at most one is queued, and the last one always
// reads the finished file.
const DefaultDelay = 30 * time.Millisecond

// A Server previews one site. Create it with New, then call Serve, or use
// Handler and Watch separately (as the tests do).
type Server struct {
	opts   Options
	log    io.Writer
	errLog io.Writer
	addr   net.Addr // where Serve listens, to say the preview's address again when baseURL's path changes
	state  atomic.Pointer[state]
	hub    hub
	deb    *debouncer

	// The caches carry unchanged work from one rebuild to the next; only
	// the rebuild goroutine touches them.
	siteCache   site.Cache
	results     *rank.Results // the last build's, for rank.Update
	renderCache render.Cache
	// draftResults and draftCache are the same for the drafts of the
	// circulars of months held back (renderDrafts), apart: a render's
	// cache keeps only what that render used.
	draftResults *rank.Results
	draftCache   render.Cache
	// drafts are the pages of the last build that are drafts.
	drafts []string
	// lastDrafts are the outputs and circulars of the drafts last
	// rendered, and lastHeld the months they are of: kept while a slip
	// (a full-width digit, a township misspelt) makes those months
	// unreadable even as drafts, so that the page being written stays,
	// as the last good build does for the rest of the site.
	lastDrafts   []render.Output
	lastCircs    []*site.Circular
	lastUnlisted diag.List
	lastHeld     []string
	// heldKind is how often the office of the site last rendered
	// assesses: the months held back are said as its periods.
	heldKind site.PeriodKind
	// lastSources are, for each draft circular's file, the files whose
	// warnings its page shows: its own and its month file's
	// (site.Site.DraftFiles).
	lastSources map[string][]string

	nonce string // differs per process, so a browser reconnecting after a restart reloads
	seq   int    // builds that changed the output; only the rebuild goroutine touches it

	// shown are the months of the site whose build is served, and
	// rendered those of the last site rendered, which become shown when
	// its build is swapped in (see mayHold); only the rebuild goroutine
	// touches them.
	shown, rendered map[string]bool
	// warned are the warnings of the last site rendered (site.Site.Warnings:
	// a picture without a text alternative, a link to a page that is not
	// there, a file nothing publishes, a stale layout), which the build
	// swapped in carries to the browsers.
	warned []string

	hosts       hostPolicy    // the Host headers answered
	idleTimeout time.Duration // how long a keep-alive connection may wait for its next request
	maxConns    int           // connections open at once (limitListener)

	// built, when set, is called after every rebuild and its event are
	// published; benchmarks use it. It must be set before Serve or Watch.
	built func()
}

// state is what the handlers read: the build being served and, while the
// input is broken, the diagnostics that block the next one. held are the
// months the build being served leaves out, still being gathered (see
// site.LoadPreview): then the build is of this input, but for them.
type state struct {
	snap     *snapshot
	errors   []string
	held     []string
	drafts   []string // the addresses of the drafts of the held months' circulars the build serves
	warnings []string // the served build's site's warnings (Server.warned)
	// these names the held months as the office's periods: 这个月, 这个季度
	// (site.PeriodKind.These).
	these string
	// failed says that errors are those of a build that failed, not of
	// the months held: a browser connecting then is told the build
	// failed, as those connected were ("errors"), not that the problems
	// are the held months'.
	failed bool
}

// New makes a server; nothing is built until Build, Serve or Watch.
func New(opts Options) *Server {
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Delay <= 0 {
		opts.Delay = DefaultDelay
	}
	s := &Server{opts: opts, log: opts.Log, nonce: strconv.FormatInt(time.Now().UnixNano(), 36),
		hosts: newHostPolicy(opts.AllowHosts), idleTimeout: 30 * time.Second, maxConns: defaultMaxConns}
	if s.log == nil {
		s.log = io.Discard
	}
	s.errLog = opts.ErrLog
	if s.errLog == nil {
		s.errLog = s.log
	}
	s.state.Store(&state{snap: &snapshot{basePath: "/", files: map[string]*file{}}})
	s.deb = newDebouncer(opts.Delay, nil, s.Build)
	return s
}

// Build renders the site and swaps the result in — without its newest
// months, with their problems, when those months are still being
// gathered (render) — or keeps the last good build and records the
// diagnostics. Either way connected browsers hear of it. Calls must not
// overlap; the debouncer guarantees that for rebuilds.
func (s *Server) Build() {
	start := time.Now()
	outputs, basePath, held, err := s.render()
	prev := s.state.Load()
	var lines []string // the problems; with months held, those of a build made
	if err != nil {
		lines = diag.Problems(err)
		printProblems(s.errLog, lines)
	}
	if err != nil && held == nil {
		s.state.Store(&state{snap: prev.snap, errors: lines, held: prev.held, drafts: prev.drafts, warnings: prev.warnings, these: prev.these, failed: true})
		if prev.snap.id == "" {
			fmt.Fprintf(s.errLog, "tongbao: 发现 %d 个问题，修正后将自动重新生成\n", len(lines))
		} else {
			fmt.Fprintf(s.errLog, "tongbao: 发现 %d 个问题，继续提供上一次成功生成的网站\n", len(lines))
		}
		s.hub.publish("errors", struct {
			Errors []string `json:"errors"`
		}{lines})
		return
	}
	var drafts []string
	for _, p := range s.drafts {
		drafts = append(drafts, basePath+strings.TrimSuffix(p, "index.html"))
	}
	these := ""
	if held != nil {
		these = s.heldKind.These(len(held))
	}
	var ev change
	if sameOutputs(prev.snap, basePath, outputs) {
		s.state.Store(&state{snap: prev.snap, errors: lines, held: held, drafts: drafts, warnings: s.warned, these: these})
		ev = change{ID: prev.snap.id, Changed: []string{}}
	} else {
		s.seq++
		snap := newSnapshot(prev.snap, s.nonce+"-"+strconv.Itoa(s.seq), basePath, outputs)
		ev = diff(prev.snap, snap)
		s.state.Store(&state{snap: snap, errors: lines, held: held, drafts: drafts, warnings: s.warned, these: these})
	}
	s.shown = s.rendered
	ev.Errors, ev.Held, ev.Drafts, ev.Warnings, ev.These = lines, held, drafts, s.warned, these
	// Warnings are said in the terminal when they change, not at every
	// save.
	switch {
	case slices.Equal(s.warned, prev.warnings):
	case len(s.warned) > 0:
		fmt.Fprintf(s.errLog, "tongbao: %d 个提醒（不妨碍生成，发布前宜处理）：\n", len(s.warned))
		for _, w := range s.warned {
			fmt.Fprintln(s.errLog, w)
		}
	default:
		fmt.Fprintln(s.errLog, "tongbao: 提醒都已处理")
	}
	// Published after the swap: a browser that reloads on this event must
	// get the new pages.
	s.hub.publish("build", ev)
	switch {
	case held == nil:
	case len(drafts) > 0:
		// The circular is there to be read, as a draft: what the preview
		// lacks is the month in the lists and histories.
		fmt.Fprintf(s.errLog, "tongbao: 发现 %d 个问题，都在尚未齐全的 %s：%s的通报以草稿显示（不会发布），通报列表、考核排名等页面暂不含%[3]s的数据，其余页面照常生成\n", len(lines), strings.Join(held, "、"), these)
		fmt.Fprintf(s.errLog, "tongbao: 通报草稿（按已填写的内容生成，不会发布）：%s\n", strings.Join(drafts, " "))
	default:
		fmt.Fprintf(s.errLog, "tongbao: 发现 %d 个问题，都在尚未齐全的 %s：预览暂不含%s的数据和通报，其余页面照常生成\n", len(lines), strings.Join(held, "、"), these)
	}
	if prev.snap.id == "" {
		fmt.Fprintf(s.log, "tongbao: 已生成 %d 个文件，用时 %d ms\n", len(outputs), time.Since(start).Milliseconds())
	} else {
		fmt.Fprintf(s.log, "tongbao: 已重新生成 %d 个文件，%s，用时 %d ms\n", len(outputs), changedText(ev), time.Since(start).Milliseconds())
		if basePath != prev.snap.basePath && s.addr != nil {
			// The pages moved: open tabs land on the 404 page.
			fmt.Fprintf(s.log, "tongbao: baseURL 的路径改为 %s，预览地址现在是 %s\n", basePath, s.URL(s.addr))
		}
	}
	if s.built != nil {
		s.built()
	}
}

func changedText(c change) string {
	switch {
	case c.All:
		return "全部页面刷新"
	case len(c.Changed) == 0 && len(c.CSS) > 0:
		return "仅样式表变化"
	case len(c.Changed) == 0:
		return "页面无变化"
	}
	return fmt.Sprintf("%d 个页面有变化", len(c.Changed))
}

// render is build.Render with the server's caches — a period whose month
// is unchanged is not ranked again, an output whose inputs are unchanged
// not rendered again — keeping the loaded site's base path, which the
// server needs to mount the pages where their links point. While the
// site's only problems, in loading it or else in rendering it, are in its
// newest months, still being gathered, and the build served shows none
// of them, it renders the site without them (site.LoadPreview,
// site.LoadWithout, mayHold) and returns those months beside the
// problems, until they are in order: the rest of the site is previewed as
// it is edited, where for the days the month takes to come in there
// would be no page at all, or the build from before it was begun.
func (s *Server) render() ([]render.Output, string, []string, error) {
	st, held, problems := site.LoadPreview(s.opts.Source, &s.siteCache)
	if st == nil || held != nil && !s.mayHold(held) {
		return nil, "", nil, problems
	}
	s.heldKind = st.Assesses()
	outputs, basePath, err := s.renderSite(st)
	switch {
	case err == nil:
		outputs, problems = s.withDrafts(outputs, basePath, held, problems)
		return outputs, basePath, held, problems
	case problems != nil:
		// The site without the months held back has a problem of its
		// own (a shortcode misspelt in a published circular, a broken
		// layout): told with theirs, or it would hide behind the month
		// being gathered.
		return nil, "", nil, diag.Join(problems, err)
	}
	// The site loads but does not render: the circular being written
	// holds its month back too, if every problem is in such a one.
	var l diag.List
	if errors.As(err, &l) {
		if st, held := site.LoadWithout(s.opts.Source, &s.siteCache, l); st != nil && s.mayHold(held) {
			s.heldKind = st.Assesses()
			if outputs, basePath, rerr := s.renderSite(st); rerr == nil {
				outputs, err = s.withDrafts(outputs, basePath, held, err)
				return outputs, basePath, held, err
			}
		}
	}
	return nil, "", nil, err
}

// withDrafts adds to the outputs of a build that holds months back the
// pages of their circulars as drafts (renderDrafts), each with a banner
// saying so, on the addresses the build leaves free; the problems found
// in reading and rendering them join problems, so that every problem of
// a circular is listed at once, whether it is dated or not. Staff see the text they
// are writing — its shortcodes, pictures and attachments — while the
// month comes in, instead of inventing a date and scores to see it.
//
// A page of the site at a draft's address is what the site publishes
// there: the draft gives way, all of it — its attachments beside another
// page would be files that page never listed — and the problem is said
// now, where the build would say it once the month is in.
func (s *Server) withDrafts(outputs []render.Output, basePath string, held []string, problems error) ([]render.Output, error) {
	s.drafts = nil
	if held == nil {
		s.draftResults = nil
		s.lastDrafts, s.lastCircs, s.lastUnlisted, s.lastHeld, s.lastSources = nil, nil, nil, nil, nil
		return outputs, problems
	}
	drafts, circs, found, unlisted, stale, err := s.renderDrafts(held)
	var rendered diag.List
	errors.As(err, &rendered)
	more := append(slices.Clone(found), rendered...)
	taken := make(map[string]bool, len(outputs))
	for _, o := range outputs {
		taken[o.Path] = true
	}
	var warned diag.List      // the warnings of the drafts shown (render.DraftWarnings)
	var gone []string         // the folders of the drafts that give way
	pages := map[string]int{} // the drafts' pages shown, and how many problems their own text has
	for _, c := range circs {
		dir := c.URLPath()
		if taken[dir+"index.html"] {
			gone = append(gone, dir)
			more.Add(c.File, c.NumberLine, c.NumberCol, "这份通报的网址 %s%s 已由另一个页面使用（另一份通报或页面的 aliases，或 static/ 中的文件），预览不显示它的草稿", basePath, dir)
			continue
		}
		pages[dir+"index.html"] = 0
		// A draft is where the parts of its measures are written: the
		// build would say the same once the month is in, after the
		// circular is dated — too late for the text being written now;
		// check says them now, from the same list.
		for _, d := range unlisted {
			if slices.Contains(s.lastSources[c.File], d.File) {
				warned = append(warned, d)
			}
		}
		for _, d := range rendered {
			if d.File == c.File {
				pages[dir+"index.html"]++
			}
		}
	}
	if len(warned) > 0 {
		for _, w := range diag.Problems(warned.Err()) {
			if !slices.Contains(s.warned, w) {
				s.warned = append(s.warned, w)
			}
		}
	}
	// Each problem once: the draft's load finds again most of those of
	// the site as it is.
	if l := (diag.List{}); problems == nil || errors.As(problems, &l) {
		have := make(map[diag.Diagnostic]bool, len(l))
		for _, d := range l {
			have[d] = true
		}
		all := slices.Clone(l)
		for _, d := range more {
			if !have[d] {
				have[d] = true
				all = append(all, d)
			}
		}
		if len(all) > len(l) {
			problems = all.Err()
		}
	}
	n := len(diag.Problems(problems))
	for _, o := range drafts {
		if taken[o.Path] || slices.ContainsFunc(gone, func(dir string) bool { return strings.HasPrefix(o.Path, dir) }) {
			continue
		}
		if body, ok := pages[o.Path]; ok && o.File == nil {
			o.Data = withBanner(o.Data, held, n, body, stale)
			s.drafts = append(s.drafts, o.Path)
		}
		outputs = append(outputs, o)
	}
	return outputs, problems
}

// renderDrafts renders the circulars of the months held as the drafts
// site.LoadDraft reads, with their attachments and linked files, and
// returns them with those circulars and the problems LoadDraft found in
// them; none when a month cannot be read even as a draft. The banner is
// the server's to add, as its script is: the pages are what render makes
// of the draft site, and no option of render's could put it in a build.
//
// A draft is being written: a body with problems — a shortcode misspelt
// while typing — is kept as render makes it of the rest (render.Options
// .Only), beside its problems, rather than the page going to the 404
// page at every slip. Only a page that does not render at all is left
// out. unlisted are the drafts' warnings, as check and build tell them
// (render.DraftWarnings): the measures their bodies list nowhere, as the
// draft ranks them, the slips of their Markdown and what the draft site
// warns of them (a linked file or picture not there, a picture without a
// text alternative); the site served leaves their months out, so its
// warnings say nothing of the text being written.
//
// A month that was read as a draft and no longer can be is a slip being
// typed: the drafts last rendered of the same months are returned again,
// stale.
func (s *Server) renderDrafts(held []string) (outputs []render.Output, circs []*site.Circular, found, unlisted diag.List, stale bool, err error) {
	st, files, found := site.LoadDraft(s.opts.Source, &s.siteCache, held)
	if st == nil && s.lastCircs != nil && slices.Equal(held, s.lastHeld) {
		// Its warnings too: those the slip does not touch stay said.
		return s.lastDrafts, s.lastCircs, found, s.lastUnlisted, true, nil
	}
	s.lastDrafts, s.lastCircs, s.lastUnlisted, s.lastHeld, s.lastSources = nil, nil, nil, nil, nil
	if st == nil || len(files) == 0 {
		return nil, nil, found, nil, false, nil
	}
	res := rank.Update(s.draftResults, st)
	var mu sync.Mutex
	var slips diag.List
	slip := func(d diag.Diagnostic) { slips = append(slips, d) }
	err = render.Stream(st, res, render.Options{Cache: &s.draftCache, Only: files, Warn: slip}, func(o render.Output) error {
		mu.Lock()
		defer mu.Unlock()
		outputs = append(outputs, o)
		return nil
	})
	if l := (diag.List{}); err != nil && !errors.As(err, &l) {
		return nil, nil, found, nil, false, err
	}
	slices.SortFunc(outputs, func(a, b render.Output) int { return strings.Compare(a.Path, b.Path) })
	s.draftResults = res
	sources := map[string][]string{}
	for _, c := range st.Circulars {
		if slices.Contains(files, c.File) {
			circs = append(circs, c)
			sources[c.File] = st.DraftFiles([]string{c.File})
		}
	}
	unlisted = render.DraftWarnings(st, res, files, slips)
	s.lastDrafts, s.lastCircs, s.lastUnlisted, s.lastHeld, s.lastSources = outputs, circs, unlisted, slices.Clone(held), sources
	return outputs, circs, found, unlisted, false, err
}

// renderSite ranks and renders st with the server's caches.
func (s *Server) renderSite(st *site.Site) ([]render.Output, string, error) {
	base, err := site.ParseBase(st.Config.BaseURL)
	if err != nil {
		return nil, "", err
	}
	res := rank.Update(s.results, st)
	var slips diag.List
	slip := func(d diag.Diagnostic) { slips = append(slips, d) }
	outputs, err := render.Render(st, res, render.Options{Cache: &s.renderCache, Warn: slip})
	if err != nil {
		return nil, "", err
	}
	s.results = res
	s.rendered = map[string]bool{}
	for _, m := range st.Months {
		s.rendered[m.Key] = true
	}
	s.warned = nil
	w := append(st.HostWarning(st.Config.BaseURL), st.Warnings...)
	w = append(w, slips...)
	w = append(w, render.Unlisted(st, res)...)
	w = append(w, res.SharedRewards(st)...)
	files := make(map[string]bool, len(outputs))
	for _, o := range outputs {
		files[o.Path] = true
	}
	w = append(w, st.RootLinkWarnings(base, files)...)
	if s.opts.Published != nil {
		w = append(w, s.opts.Published(st, outputs)...)
	}
	if len(w) > 0 {
		s.warned = diag.Problems(w)
	}
	return outputs, base.Path, nil
}

// mayHold reports whether a build may leave out the months held: when the
// build served has none of them — none is served yet, or it was made
// before they were begun (`tongbao new` with the preview running), or it
// leaves them out already. A month the pages being viewed show stays: a
// slip while editing it keeps the last good build, as any other.
func (s *Server) mayHold(held []string) bool {
	return !slices.ContainsFunc(held, func(k string) bool { return s.shown[k] })
}

// Serve builds the site, watches it and serves it on ln until ctx is
// cancelled, then shuts down: event streams are ended first, so that
// open browser tabs do not hold up the exit.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.addr = ln.Addr()
	// The first build of a long archive takes seconds; Ctrl-C stops the
	// preview at once, not after it: the build is in memory and writes
	// nothing, so it is simply left.
	built := make(chan struct{})
	go func() {
		s.Build()
		close(built)
	}()
	select {
	case <-built:
	case <-ctx.Done():
		return nil
	}
	if err := s.Watch(ctx); err != nil {
		return err
	}
	fmt.Fprintf(s.log, "tongbao: 预览地址 %s（按 Ctrl+C 停止）\n", s.URL(ln.Addr()))
	if w := exposureWarning(ln.Addr()); w != "" {
		fmt.Fprintf(s.log, "tongbao: %s\n", w)
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		if urls := lanURLs(tcp.Port, interfaceIPs(), s.state.Load().snap.basePath); len(urls) > 0 {
			fmt.Fprintf(s.log, "tongbao: 其他计算机可用 %s 访问\n", strings.Join(urls, " 或 "))
		}
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok {
		s.hosts.listen = tcp.IP
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: min(10*time.Second, s.idleTimeout),
		// A keep-alive connection waiting for its next request is closed
		// after this; an event stream is a response still being written,
		// which this does not end.
		IdleTimeout: s.idleTimeout,
		// Requests inherit ctx: cancelling it ends every event stream.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(limit(ln, s.maxConns)) }()
	select {
	case err := <-errc:
		s.Close()
		return err
	case <-ctx.Done():
	}
	s.Close()
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return err
	}
	return nil
}

// URL is where the site is previewed when the server listens on addr.
func (s *Server) URL(addr net.Addr) string {
	host := addr.String()
	if tcp, ok := addr.(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		host = net.JoinHostPort("127.0.0.1", strconv.Itoa(tcp.Port))
	}
	return "http://" + host + s.state.Load().snap.basePath
}

// termProblems is the most problems the terminal is told at each save:
// twenty thousand rows pasted with a wrong name would scroll past at
// every save; the count follows, and the overlay lists them all.
const termProblems = 50

// printProblems tells the terminal problems, at most termProblems of them.
func printProblems(w io.Writer, problems []string) {
	for _, p := range problems[:min(len(problems), termProblems)] {
		fmt.Fprintln(w, p)
	}
	if n := len(problems) - termProblems; n > 0 {
		fmt.Fprintf(w, "tongbao: ……另有 %d 个问题未在这里列出（页面上的问题列表有全部）\n", n)
	}
}

// Close stops rebuilding and ends every event stream.
func (s *Server) Close() {
	s.deb.Stop()
	s.hub.close()
}

// Handler serves the site, the live-reload script and the event stream,
// each only to requests for this server's own host names (hostPolicy).
func (s *Server) Handler() http.Handler {
	// Not a ServeMux: it would clean paths and redirect before the site
	// handler could check them.
	return s.hosts.guard(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case eventsPath:
			s.serveEvents(w, r)
		case scriptPath:
			serveScript(w, r)
		default:
			s.serveSite(w, r)
		}
	}))
}

//go:embed live.js
var liveJS []byte

var liveJSTag = etag(sha256.Sum256(liveJS), "")

func serveScript(w http.ResponseWriter, r *http.Request) {
	if !allowMethod(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache")
	h.Set("Etag", liveJSTag)
	http.ServeContent(w, r, "live.js", time.Time{}, bytes.NewReader(liveJS))
}

// serveSite answers from the current snapshot, loaded once per request.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	if !allowMethod(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	st := s.state.Load()
	snap := st.snap
	p := r.URL.Path
	if snap.id == "" {
		s.serveNoBuild(w, r)
		return
	}
	// Pages are looked up in a map, so no path can reach the disk; paths
	// that try to climb are answered as what they are, not found.
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") || hasDotSegment(p) {
		s.notFound(w, r, snap)
		return
	}
	base := snap.basePath
	if !strings.HasPrefix(p, base) {
		if p == "/" || p+"/" == base {
			redirect(w, r, base, http.StatusFound)
			return
		}
		s.notFound(w, r, snap)
		return
	}
	rel := p[len(base):]
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if f := snap.files[rel]; f != nil {
		serveFile(w, r, f, http.StatusOK)
		return
	}
	if snap.files[rel+"/index.html"] != nil {
		redirect(w, r, p+"/", http.StatusMovedPermanently)
		return
	}
	s.notFound(w, r, snap)
}

// hasDotSegment reports a "." or ".." segment, as a decoded %2e%2e too.
func hasDotSegment(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return true
		}
	}
	return false
}

func redirect(w http.ResponseWriter, r *http.Request, to string, code int) {
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, code)
}

func serveFile(w http.ResponseWriter, r *http.Request, f *file, code int) {
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	// Revalidate every time: the ETag makes that cheap, and a preview
	// must never show a stale page from the browser's cache.
	h.Set("Cache-Control", "no-cache")
	if f.src != nil {
		serveSource(w, r, f.src)
		return
	}
	if code == http.StatusOK {
		h.Set("Etag", f.etag)
		http.ServeContent(w, r, "", time.Time{}, f.reader())
		return
	}
	h.Set("Content-Length", strconv.Itoa(f.size()))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		io.Copy(w, f.reader())
	}
}

// serveSource serves a file of the site as it is on disk now. Changed
// since the build, it is the next build's already (the watcher has seen
// it): its entity tag is taken from what is opened, never the
// snapshot's, so that no browser keeps new bytes under an old tag.
func serveSource(w http.ResponseWriter, r *http.Request, a *site.Attachment) {
	fh, err := a.Open()
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	now := *a
	now.Size, now.ModTime = fi.Size(), fi.ModTime()
	w.Header().Set("Etag", etag(fileSum(&now), ""))
	http.ServeContent(w, r, "", time.Time{}, fh)
}

// notFound answers with the site's own 404.html, as the portal would.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	if f := snap.files["404.html"]; f != nil {
		serveFile(w, r, f, http.StatusNotFound)
		return
	}
	http.NotFound(w, r)
}

// serveNoBuild answers while no build has succeeded yet: a page that only
// carries the overlay, and reloads by itself once the input is fixed.
func (s *Server) serveNoBuild(w http.ResponseWriter, r *http.Request) {
	page := []byte(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>tongbao：生成失败</title></head>
<body style="font-family:sans-serif;padding:6em 2em 2em;color:#333">
<h1>网站尚未生成成功</h1>
<p>请按页面顶部和终端中列出的问题修正输入文件；修正后本页会自动刷新。</p>
</body></html>
`)
	f := &file{raw: page, tag: scriptTag("", ""), at: injectAt(page), ctype: "text/html; charset=utf-8"}
	serveFile(w, r, f, http.StatusServiceUnavailable)
}

// serveEvents is the Server-Sent Events stream. Every connection starts
// with "hello" (the current build id and diagnostics); then "build" after
// each successful rebuild and "errors" after each failed one.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if !allowMethod(w, r, http.MethodGet) {
		return
	}
	rc := http.NewResponseController(w)
	sub := s.hub.subscribe()
	if sub == nil {
		http.Error(w, "服务器正在关闭", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(sub)
	// Read after subscribing: a build finishing in between is then sent
	// as an event, not lost.
	st := s.state.Load()
	held, drafts := st.held, st.drafts
	if st.failed {
		held, drafts = nil, nil
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, "retry: 500\n\n")
	hello, _ := json.Marshal(struct {
		ID       string   `json:"id"`
		Errors   []string `json:"errors"`
		Held     []string `json:"held,omitempty"`
		Drafts   []string `json:"drafts,omitempty"`
		Warnings []string `json:"warnings,omitempty"`
		These    string   `json:"these,omitempty"`
	}{st.snap.id, st.errors, held, drafts, st.warnings, st.these})
	writeEvent(w, "hello", hello)
	if rc.Flush() != nil {
		return
	}
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, ok := <-sub.ch:
			if !ok {
				return
			}
			w.Write(msg)
		case <-ping.C:
			io.WriteString(w, ": ping\n\n")
		}
		if rc.Flush() != nil {
			return
		}
	}
}

func writeEvent(w io.Writer, name string, data []byte) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", name, data)
}

// hub fans events out to the connected browsers.
type hub struct {
	mu     sync.Mutex
	subs   map[*subscriber]bool
	closed bool
}

type subscriber struct {
	ch chan []byte
}

func (h *hub) subscribe() *subscriber {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil
	}
	if h.subs == nil {
		h.subs = map[*subscriber]bool{}
	}
	sub := &subscriber{ch: make(chan []byte, 16)}
	h.subs[sub] = true
	return sub
}

func (h *hub) unsubscribe(sub *subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs[sub] {
		delete(h.subs, sub)
		close(sub.ch)
	}
}

// publish sends one event to every browser. A browser too slow to take
// it is disconnected instead of being waited for; it reconnects, gets
// "hello" and reloads if its page is stale.
func (h *hub) publish(name string, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		return
	}
	var b bytes.Buffer
	writeEvent(&b, name, data)
	msg := b.Bytes()
	h.mu.Lock()
	defer h.mu.Unlock()
	for sub := range h.subs {
		select {
		case sub.ch <- msg:
		default:
			delete(h.subs, sub)
			close(sub.ch)
		}
	}
}

// close ends every stream and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for sub := range h.subs {
		delete(h.subs, sub)
		close(sub.ch)
	}
}
