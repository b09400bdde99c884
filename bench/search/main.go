// Command search measures, in headless Chromium on loopback, what a
// reader's search costs on a built site: the bytes fetched for the first
// query (a cold browser: the page, its stylesheet and scripts, the index,
// the snippets) and for the next one (in the same page), and the time
// until the results are listed (titles, kinds, dates: the status says
// how many there are) and until their snippets are shown too. It measures tongbao's
// search (/search/) and, on the same site, Pagefind's: the site's folder
// must hold Pagefind's index in pagefind/ (bench/run.sh runs `pagefind
// --site`); this command adds a page, pagefind-search/, that is tongbao's
// search page with search.js replaced by a script that asks Pagefind's API
// and lists ten results with their excerpts, as search.js lists ten.
//
//	go run ./bench/search [-runs 2] [-settle 1s] [-via PATH] [-page] [-timings] [-trace] [-q Q1,Q2,…] NAME=SITE-FOLDER[:Q1,Q2,…]…
//
// The folders are served as nginx serves them with gzip_static and gzip
// on (text compressed at level 1, its default): a file's .gz copy when
// there is one and the browser accepts it, ranges honoured, and the files
// named by their hash marked immutable, as README.md's configuration does.
// Each measurement starts a fresh browser (a new profile: nothing cached) and
// lets it settle (-settle, 1 s) before it opens the page: a browser's own
// start-up goes on for a while after its first tab is ready, and on two
// cores it took 65–140 ms from the time to results of a page opened at
// once, which a reader, whose browser is running, does not pay. (-settle
// 0 measures as before 2026-12-01.) Bytes are counted at the server,
// which sees every request, a worker's too (Pagefind searches in one):
// "transfer" is what went over the wire (headers and bodies as sent,
// compressed where they were), "decoded" the bodies as the page reads
// them. For each site, tool and pair of consecutive queries (the site's
// own, or -q), the first query is the first of the pair and the next
// query the second; the figures are medians over the pairs and runs.
// The output ends with one line per site and tool for scripts,
//
//	result NAME TOOL FIRST-TRANSFER FIRST-DECODED FIRST-MS NEXT-TRANSFER NEXT-DECODED NEXT-MS FIRST-LIST-MS NEXT-LIST-MS FIRST-LIST-Q1 FIRST-LIST-Q3
//
// (bytes and milliseconds; MS until the snippets are shown, LIST-MS until
// the results are listed: Pagefind's page shows its excerpts with its
// results, so its two times are the same; Q1 and Q3 the lower and upper
// quartiles of the first query's LIST-MS, which moves by tens of
// milliseconds from one fresh browser to the next), and a Markdown table; before
// them, one line per measurement.
//
// -via PATH opens the page at PATH first (the home page, /), as a reader
// who searches from the site does: the search page then finds the
// stylesheet and scripts they share in the browser's cache (the server
// marks the files named by their hash immutable, as README.md's nginx
// configuration does), and the first query's bytes and time are counted
// from the search page's navigation.
//
// -page opens each site's search page without a query too, as often as
// the first queries are measured, and prints its first paint (median and
// quartiles) in a line
//
//	page NAME FIRST-PAINT-MS Q1 Q3
//
// after the result lines: what the browser takes to show a page of the
// site at all, with no search, under which no first query's time can go.
//
// -timings adds, after each first query of tongbao's page, where its time
// went, as the page's own Navigation and Resource Timing saw it (ms from
// navigation): the page's milestones (its response, the end of parsing,
// DOMContentLoaded, load, the first paint, the results listed), the
// page's own performance.mark()s if it made any (a copy of the built
// search.js with marks put in by hand shows where its time goes), and,
// for each file it fetched, when it was asked for, when the request went
// out (the gap is the browser's queueing), when the response began and
// ended.
// A first query's time is mostly the page's own loading on a cold browser:
// this shows which part, without a trace.
//
// -trace records Chromium's trace of each first query of tongbao's page
// (the categories of DevTools' performance panel) and prints what the
// page's main thread did until the results were listed: each task of 2 ms
// or more, when it began (ms from navigation), how long it took, the
// three kinds of work that took most of it and the scripts it ran; then
// the thread's busy time by kind of work. On two cores the main thread is
// busy almost all the time until the results are listed, so the time to
// results is the sum of its work, and this says which work: the search's
// own (search.js evaluated, the postings ranked, the results listed) or
// the page's (its document set up, parsed, styled, its fonts matched, laid
// out, page.js). Tracing slows the page by a fifth or so: its times are
// for proportions, not for the table.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"tongbao/internal/browsertest"
)

func main() {
	runs := flag.Int("runs", 2, "measurements of each pair of queries")
	queries := flag.String("q", "安全生产,营商环境,东风路街道,森林防火,重点项目建设", "queries, comma-separated, for sites given without their own; each pair of consecutive ones is measured")
	chromium := flag.String("chromium", "", "Chromium binary (default: $CHROMIUM, /usr/bin/chromium, chromium)")
	only := flag.String("serve", "", "only serve this folder as the measurements do, to look at it by hand")
	tools := flag.String("tools", "tongbao,Pagefind", "the searches to measure, comma-separated (Pagefind needs its index in the site)")
	settle := flag.Duration("settle", time.Second, "how long a fresh browser is left to finish starting before it opens the page")
	via := flag.String("via", "", "open this page of the site first (e.g. /) and count from the search page's navigation")
	which := flag.Bool("find-chromium", false, "print the Chromium binary the measurements would use, and exit (status 1 if there is none): bench/run.sh asks before its other parts")
	timings := flag.Bool("timings", false, "after each first query of tongbao's page, print the page's milestones and each file's fetch times (stderr)")
	alone := flag.Bool("page", false, "also open each site's search page without a query, as often as the first queries, and report its first paint: what any page costs the browser, the floor under a first query's time")
	trace := flag.Bool("trace", false, "record Chromium's trace of each first query of tongbao's page and print what its main thread did until the results were listed (stderr)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./bench/search [-runs N] [-settle D] [-via PATH] [-page] [-timings] [-trace] [-q Q1,Q2,…] NAME=SITE-FOLDER…")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *only != "" {
		_, addr, err := serve(*only, &meter{})
		if err != nil {
			fmt.Fprintln(os.Stderr, "search:", err)
			os.Exit(1)
		}
		fmt.Printf("serving %s at http://%s/\n", *only, addr)
		select {}
	}
	if *which {
		bin, err := findChromium(*chromium)
		if err != nil {
			fmt.Fprintln(os.Stderr, "search:", err)
			os.Exit(1)
		}
		fmt.Println(bin)
		return
	}
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	bin, err := findChromium(*chromium)
	if err != nil {
		fmt.Fprintln(os.Stderr, "search:", err)
		os.Exit(1)
	}
	var rows []row
	var pages []pageRow
	for _, arg := range flag.Args() {
		name, dir, ok := strings.Cut(arg, "=")
		if !ok {
			flag.Usage()
			os.Exit(2)
		}
		q := *queries
		if d, own, ok := strings.Cut(dir, ":"); ok {
			dir, q = d, own
		}
		qs := strings.Split(q, ",")
		if len(qs) < 2 {
			fmt.Fprintln(os.Stderr, "search: at least two queries a site")
			os.Exit(2)
		}
		r, err := measureSite(browserOptions{bin, *settle, *via, *timings, *trace}, name, dir, qs, *runs, strings.Split(*tools, ","))
		if err != nil {
			fmt.Fprintf(os.Stderr, "search: %s: %v\n", name, err)
			os.Exit(1)
		}
		rows = append(rows, r...)
		if *alone {
			p, err := measurePage(browserOptions{bin: bin, settle: *settle}, name, dir, *runs*(len(qs)-1))
			if err != nil {
				fmt.Fprintf(os.Stderr, "search: %s: %v\n", name, err)
				os.Exit(1)
			}
			pages = append(pages, p)
		}
	}
	for _, r := range rows {
		fmt.Printf("result %s %s %d %d %.0f %d %d %.0f %.0f %.0f %.0f %.0f\n", r.site, r.tool,
			r.first.transfer, r.first.decoded, r.first.ms, r.next.transfer, r.next.decoded, r.next.ms, r.first.listMs, r.next.listMs, r.firstListQ[0], r.firstListQ[1])
	}
	for _, p := range pages {
		fmt.Printf("page %s %.0f %.0f %.0f\n", p.site, p.paint[1], p.paint[0], p.paint[2])
	}
	fmt.Println()
	fmt.Println("| site | search | first query: transfer / decoded | results listed / with snippets | next query: transfer / decoded | results listed / with snippets |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Printf("| %s | %s | %s / %s | %s / %s | %s / %s | %s / %s |\n", r.site, r.tool,
			kb(r.first.transfer), kb(r.first.decoded), msf(r.first.listMs), msf(r.first.ms),
			kb(r.next.transfer), kb(r.next.decoded), msf(r.next.listMs), msf(r.next.ms))
	}
}

// A pageRow is one site's search page opened without a query (-page):
// the quartiles and median of its first paint, ms from navigation.
type pageRow struct {
	site  string
	paint [3]float64 // Q1, median, Q3
}

// measurePage opens the search page of the site in dir without a query,
// n times, each in a fresh browser left to settle as measure does, and
// reads when it was first painted: the page's own cost, which a first
// query's time includes and the search cannot lessen.
func measurePage(b browserOptions, name, dir string, n int) (pageRow, error) {
	srv, addr, err := serve(dir, &meter{})
	if err != nil {
		return pageRow{}, err
	}
	defer srv.Close()
	var paints []float64
	for i := range n {
		ms, err := firstPaint(b, "http://"+addr+"/search/")
		if err != nil {
			return pageRow{}, err
		}
		fmt.Fprintf(os.Stderr, "%s search page alone %d: first paint %.0f ms\n", name, i+1, ms)
		paints = append(paints, ms)
	}
	return pageRow{name, [3]float64{quantile(paints, 0.25), quantile(paints, 0.5), quantile(paints, 0.75)}}, nil
}

func firstPaint(b browserOptions, url string) (float64, error) {
	ctx, cancel := browser(b.bin)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return 0, err
	}
	time.Sleep(b.settle)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, err
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(performance.getEntriesByType("paint").find(function (e) { return e.name === "first-paint"; }) || {startTime: 0}).startTime`))
		if err != nil {
			return 0, err
		}
		if ms > 0 {
			return ms, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return 0, errors.New("the search page was not painted within 30 s")
}

// A row is one site and tool: the medians of its measurements.
type row struct {
	site, tool  string
	first, next cost
	firstListQ  [2]float64 // the quartiles of first.listMs
}

// A cost is what one query cost.
type cost struct {
	transfer, decoded int64   // bytes
	ms                float64 // until the results and their snippets are shown
	listMs            float64 // until the results are listed
	results           int
}

func kb(n int64) string    { return fmt.Sprintf("%.0f KB", float64(n)/1000) }
func msf(v float64) string { return fmt.Sprintf("%.0f ms", v) }

// browserOptions are how each measurement's browser is run.
type browserOptions struct {
	bin     string        // Chromium
	settle  time.Duration // left to settle before the page is opened
	via     string        // a page opened first, or ""
	timings bool          // print the first query's timings (see -timings)
	trace   bool          // print the renderer's main thread over the first query (see -trace)
}

func measureSite(b browserOptions, name, dir string, qs []string, runs int, tools []string) ([]row, error) {
	if _, err := os.Stat(filepath.Join(dir, "search", "index.html")); err != nil {
		return nil, fmt.Errorf("%s is not a built tongbao site: %w", dir, err)
	}
	if slices.Contains(tools, "Pagefind") {
		pf := filepath.Join(dir, "pagefind", "pagefind.js")
		if _, err := os.Stat(pf); err != nil {
			return nil, fmt.Errorf("no Pagefind index in %s (run pagefind --site %s): %w", dir, dir, err)
		}
		if err := writePagefindPage(dir); err != nil {
			return nil, err
		}
	}
	var m meter
	srv, addr, err := serve(dir, &m)
	if err != nil {
		return nil, err
	}
	defer srv.Close()
	var rows []row
	for _, tool := range tools {
		if tool != "tongbao" && tool != "Pagefind" {
			return nil, fmt.Errorf("unknown search %q (tongbao, Pagefind)", tool)
		}
		var firsts, nexts []cost
		for r := range runs {
			for i := 0; i+1 < len(qs); i++ {
				first, next, err := measure(b, addr, &m, tool, qs[i], qs[i+1])
				if err != nil {
					return nil, fmt.Errorf("%s, %s, %q then %q: %w", name, tool, qs[i], qs[i+1], err)
				}
				fmt.Fprintf(os.Stderr, "%s %s run %d: %q %d results, %d B (%d decoded), %.0f / %.0f ms; then %q %d results, %d B (%d decoded), %.0f / %.0f ms\n",
					name, tool, r+1, qs[i], first.results, first.transfer, first.decoded, first.listMs, first.ms, qs[i+1], next.results, next.transfer, next.decoded, next.listMs, next.ms)
				firsts, nexts = append(firsts, first), append(nexts, next)
			}
		}
		lists := figures(firsts, func(c cost) float64 { return c.listMs })
		rows = append(rows, row{name, tool, median(firsts), median(nexts), [2]float64{quantile(lists, 0.25), quantile(lists, 0.75)}})
	}
	return rows, nil
}

// median is the median of each figure separately.
func median(cs []cost) cost {
	med := func(f func(c cost) float64) float64 { return quantile(figures(cs, f), 0.5) }
	return cost{
		transfer: int64(med(func(c cost) float64 { return float64(c.transfer) })),
		decoded:  int64(med(func(c cost) float64 { return float64(c.decoded) })),
		ms:       med(func(c cost) float64 { return c.ms }),
		listMs:   med(func(c cost) float64 { return c.listMs }),
		results:  int(med(func(c cost) float64 { return float64(c.results) })),
	}
}

// figures is figure f of each of cs.
func figures(cs []cost, f func(c cost) float64) []float64 {
	v := make([]float64, len(cs))
	for i, c := range cs {
		v[i] = f(c)
	}
	return v
}

// quantile is the q-quantile of v (0 ≤ q ≤ 1), interpolated between
// the two nearest values as a spreadsheet's QUARTILE.INC does; v is
// sorted in place.
func quantile(v []float64, q float64) float64 {
	if len(v) == 0 {
		return 0
	}
	slices.Sort(v)
	x := q * float64(len(v)-1)
	i := int(x)
	if i+1 >= len(v) {
		return v[len(v)-1]
	}
	return v[i] + (x-float64(i))*(v[i+1]-v[i])
}

// doneJS is run in every page before its own scripts: it sets
// window.__list and window.__done to the times (performance.now()) when
// the search page lists what it found and when it shows it all — for
// tongbao's page, when its status says how many it found and a first
// result is listed that is not the one listed before (window.__first),
// and when the status says so and nothing is busy (the snippets are
// shown); Pagefind's page sets its own — after window.__from.
const doneJS = `
window.__from = 0; window.__done = 0; window.__list = 0;
new MutationObserver(function () {
  const root = document.getElementById("search");
  const status = root && root.querySelector(".search-status");
  if (!root || !status || root.hasAttribute("data-pagefind") || window.__done) return;
  if (/条|没有找到|失败/.test(status.textContent)) {
    const first = root.querySelector(".search-result");
    if (!window.__list && (first ? first !== window.__first : /没有找到/.test(status.textContent))) {
      window.__list = performance.now();
    }
    if (!root.querySelector("[aria-busy]")) {
      window.__done = performance.now();
    }
  }
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
`

// measure opens the search page of tool for q1 in a fresh browser, left
// to settle first, waits for the results, then searches q2 in the same
// page.
func measure(b browserOptions, addr string, m *meter, tool, q1, q2 string) (first, next cost, err error) {
	ctx, cancel := browser(b.bin)
	defer cancel()
	// Start the browser, let it settle, then count from its first request
	// of the page.
	if err := chromedp.Do(ctx); err != nil {
		return first, next, err
	}
	time.Sleep(b.settle)
	if b.via != "" {
		if err := chromedp.Do(ctx, chromedp.Navigate("http://"+addr+b.via)); err != nil {
			return first, next, err
		}
		time.Sleep(300 * time.Millisecond) // its late requests (a favicon) are its own
	}
	t0, d0 := m.read()
	counts := func() (int64, int64) {
		t, d := m.read()
		return t - t0, d - d0
	}
	pagePath := "/search/"
	if tool == "Pagefind" {
		pagePath = "/pagefind-search/"
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: doneJS}); err != nil {
		return first, next, err
	}
	var rec *recorder
	if b.trace && tool == "tongbao" {
		if rec, err = startTrace(ctx); err != nil {
			return first, next, err
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("http://"+addr+pagePath+"?q="+url.QueryEscape(q1))); err != nil {
		return first, next, err
	}
	if first.listMs, first.ms, first.results, err = waitDone(ctx, tool); err != nil {
		return first, next, err
	}
	if rec != nil {
		s, err := rec.stop(ctx, first.listMs)
		if err != nil {
			return first, next, err
		}
		fmt.Fprintf(os.Stderr, "trace %q (listed at %.0f ms):\n%s", q1, first.listMs, s)
	}
	time.Sleep(300 * time.Millisecond) // anything late (a favicon) is counted with the first query
	first.transfer, first.decoded = counts()
	if b.timings && tool == "tongbao" {
		t, err := chromedp.Run(ctx, chromedp.Evaluate[string](timingsJS))
		if err != nil {
			return first, next, err
		}
		fmt.Fprintf(os.Stderr, "timings %q: %s", q1, t)
	}

	// The next query, typed into the page's box and submitted.
	q2JSON, _ := json.Marshal(q2)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__done = 0; window.__list = 0; window.__from = performance.now();
window.__first = document.querySelector(".search-result");
(function (q) {
  const input = document.querySelector("#search-q");
  input.value = q;
  input.form.requestSubmit();
  return true;
})(`+string(q2JSON)+`)`)); err != nil {
		return first, next, err
	}
	if next.listMs, next.ms, next.results, err = waitDone(ctx, tool); err != nil {
		return first, next, err
	}
	time.Sleep(300 * time.Millisecond)
	t, d := counts()
	next.transfer, next.decoded = t-first.transfer, d-first.decoded
	return first, next, nil
}

// timingsJS describes a page's loading from its Navigation and Resource
// Timing, in ms from navigation (see -timings): one line of milestones,
// then a line per mark the page made and per file fetched.
const timingsJS = `(function () {
  const f = function (v) { return v.toFixed(0); };
  const n = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByType("paint").find(function (e) { return e.name === "first-paint"; });
  let s = "response " + f(n.responseEnd) + ", parsed " + f(n.domInteractive) +
    ", DOMContentLoaded " + f(n.domContentLoadedEventStart) + "–" + f(n.domContentLoadedEventEnd) +
    ", load " + f(n.loadEventStart) + ", first paint " + (paint ? f(paint.startTime) : "-") +
    ", listed " + f(window.__list || 0) + " ms\n";
  for (const e of performance.getEntriesByType("mark")) {
    s += "  mark " + e.name + ": " + f(e.startTime) + "\n";
  }
  for (const e of performance.getEntriesByType("resource")) {
    s += "  " + new URL(e.name).pathname + ": asked " + f(e.startTime) + ", sent " + f(e.requestStart) +
      ", response " + f(e.responseStart) + "–" + f(e.responseEnd) + "\n";
  }
  return s;
})()`

// waitDone waits until the page has shown its results and returns the
// times it took (from navigation start, or from window.__from) to list
// them and to show them all, and the number of results it says it found.
func waitDone(ctx context.Context, tool string) (float64, float64, int, error) {
	deadline := time.Now().Add(120 * time.Second)
	for time.Now().Before(deadline) {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`[window.__done || 0, window.__from || 0, window.__results === undefined ? -1 : window.__results, window.__list || window.__done || 0]`))
		if err != nil {
			return 0, 0, 0, err
		}
		if v[0] > 0 {
			n := int(v[2])
			if tool == "tongbao" {
				status, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search .search-status").textContent`))
				if err != nil {
					return 0, 0, 0, err
				}
				if strings.Contains(status, "失败") {
					return 0, 0, 0, errors.New("the search failed: " + status)
				}
				n = countResults(status)
			}
			return v[3] - v[1], v[0] - v[1], n, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + ": " + ((document.querySelector("#search .search-status") || {}).textContent || "")`))
	return 0, 0, 0, errors.New("no results within 120 s at " + status)
}

var countRE = regexp.MustCompile(`(\d+) 条`)

// countResults adds up the numbers of tongbao's status (完全匹配 N 条，部分匹配 M 条).
func countResults(status string) int {
	n := 0
	for _, m := range countRE.FindAllStringSubmatch(status, 2) {
		var v int
		fmt.Sscan(m[1], &v)
		n += v
	}
	return n
}

// pagefindScript replaces search.js on the copy of the search page: it
// asks Pagefind for ?q= (and for each query submitted), loads the first
// ten results' data (their excerpts), and lists them.
const pagefindScript = `<script type="module">
const root = document.getElementById("search");
root.setAttribute("data-pagefind", "");
const base = root.getAttribute("data-base");
const form = root.querySelector("form");
const input = root.querySelector("#search-q");
const status = root.querySelector(".search-status");
const list = root.querySelector(".search-results");
const pagefind = import(base + "pagefind/pagefind.js");
async function run(q) {
  const pf = await pagefind;
  const found = await pf.search(q);
  const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  list.innerHTML = "";
  for (const d of data) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = d.url;
    a.textContent = (d.meta && d.meta.title) || d.url;
    const p = document.createElement("p");
    p.innerHTML = d.excerpt;
    li.append(a, p);
    list.append(li);
  }
  status.textContent = "找到 " + found.results.length + " 条结果";
  window.__results = found.results.length;
  window.__done = window.__list = performance.now();
}
form.addEventListener("submit", e => { e.preventDefault(); run(input.value); });
const q = new URLSearchParams(location.search).get("q") || "";
input.value = q;
if (q) run(q);
</script>`

var (
	searchScriptRE = regexp.MustCompile(`<script src="[^"]*/assets/js/search\.[0-9a-f]+\.js"[^>]*></script>`)
	manifestRE     = regexp.MustCompile(`\n?<script type="application/json" id="search-index"[^>]*>[^<]*</script>`)
)

// writePagefindPage writes pagefind-search/index.html into the site:
// tongbao's search page without search.js and without the manifest of
// tongbao's index it carries (which Pagefind's search would not read but
// would pay for), with pagefindScript where search.js was.
func writePagefindPage(dir string) error {
	src, err := os.ReadFile(filepath.Join(dir, "search", "index.html"))
	if err != nil {
		return err
	}
	src = manifestRE.ReplaceAll(src, nil)
	loc := searchScriptRE.FindIndex(src)
	if loc == nil {
		return errors.New("search/index.html does not load search.js as expected")
	}
	out := append(append(slices.Clone(src[:loc[0]]), pagefindScript...), src[loc[1]:]...)
	if err := os.MkdirAll(filepath.Join(dir, "pagefind-search"), 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "pagefind-search", "index.html"), out, 0o644)
}

// A meter counts what a server sends: the bytes on the wire (headers and
// bodies as sent, compressed or not) and the bodies as the browser reads
// them (decompressed). Counting at the server sees every request, those
// of a page's workers (Pagefind searches in one) as well as its own.
type meter struct {
	mu                sync.Mutex
	transfer, decoded int64
}

func (m *meter) add(transfer, decoded int64) {
	m.mu.Lock()
	m.transfer += transfer
	m.decoded += decoded
	m.mu.Unlock()
}

func (m *meter) read() (int64, int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.transfer, m.decoded
}

// counting counts a response's body and, roughly, its header.
type counting struct {
	http.ResponseWriter
	n int64
}

func (c *counting) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n += int64(n)
	return n, err
}

// headerSize is about the size of a response's header on the wire.
func headerSize(h http.Header) int64 {
	n := int64(len("HTTP/1.1 200 OK\r\nDate: Mon, 01 Dec 2026 00:00:00 GMT\r\n\r\n"))
	for k, vs := range h {
		for _, v := range vs {
			n += int64(len(k) + len(v) + 4)
		}
	}
	return n
}

// serve serves dir on a loopback port as nginx with gzip_static,
// brotli_static and gzip (level 1, its default) on would: a .br or .gz copy
// of the file when there is one and the browser accepts it; else text
// (HTML, CSS, JavaScript, JSON, plain text) compressed as it is sent;
// ranges of the others. m counts what it sends.
func serve(dir string, m *meter) (*http.Server, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w := &counting{ResponseWriter: rw}
		decoded := int64(-1) // the body as read, when it is not what was sent
		defer func() {
			d := decoded
			if d < 0 {
				d = w.n
			}
			m.add(w.n+headerSize(w.Header()), d)
		}()
		p := path.Clean(r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			p += "/index.html"
		}
		name := filepath.Join(dir, filepath.FromSlash(p))
		ctype := mime.TypeByExtension(path.Ext(p))
		switch path.Ext(p) {
		case ".html":
			ctype = "text/html; charset=utf-8"
		case ".json":
			ctype = "application/json"
		case ".wasm", ".pagefind":
			ctype = "application/wasm"
		case ".txt":
			ctype = "text/plain; charset=utf-8"
		case "":
			ctype = "application/octet-stream"
		}
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Vary", "Accept-Encoding")
		if immutable.MatchString(p) {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		accept := r.Header.Get("Accept-Encoding")
		if r.Header.Get("Range") == "" {
			for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
				if !strings.Contains(accept, enc.token) {
					continue
				}
				if data, err := os.ReadFile(name + enc.ext); err == nil {
					if fi, err := os.Stat(name); err == nil {
						decoded = fi.Size()
					}
					w.Header().Set("Content-Encoding", enc.token)
					w.Header().Set("Content-Length", fmt.Sprint(len(data)))
					w.Write(data)
					return
				}
			}
		}
		if r.Header.Get("Range") == "" && strings.Contains(accept, "gzip") && compressible(ctype) {
			if data, err := os.ReadFile(name); err == nil {
				decoded = int64(len(data))
				var b bytes.Buffer
				z, _ := gzip.NewWriterLevel(&b, 1)
				z.Write(data)
				z.Close()
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Set("Content-Length", fmt.Sprint(b.Len()))
				w.Write(b.Bytes())
				return
			}
		}
		f, err := os.Open(name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil || fi.IsDir() {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, "", time.Time{}, f)
	})}
	go srv.Serve(ln)
	return srv, ln.Addr().String(), nil
}

// immutable matches the paths of the files named by the hash of their
// bytes, which README.md's nginx configuration lets browsers keep.
var immutable = regexp.MustCompile(`^/(assets|search/[dpstv])/`)

// compressible reports whether nginx, set up as a portal's usually is
// (gzip_types text/css application/javascript application/json
// text/plain; text/html always), compresses a response of type ctype.
func compressible(ctype string) bool {
	for _, t := range []string{"text/html", "text/css", "text/javascript", "application/javascript", "application/json", "text/plain"} {
		if strings.HasPrefix(ctype, t) {
			return true
		}
	}
	return false
}

// browser starts a headless Chromium with a fresh profile, as the tests
// do (internal/browsertest), and returns the context of its tab.
func browser(bin string) (context.Context, context.CancelFunc) {
	dir, _ := os.MkdirTemp("", "tongbao-search-bench-")
	actx, acancel := chromedp.NewExecAllocator(context.Background(), browsertest.Flags(bin, dir)...)
	ctx, cancel := chromedp.NewContext(actx)
	return ctx, func() {
		cancel()
		acancel()
		os.RemoveAll(dir)
	}
}

func findChromium(flagged string) (string, error) {
	if flagged != "" {
		return exec.LookPath(flagged)
	}
	if p, ok := browsertest.FindChromium(); ok {
		return p, nil
	}
	return "", errors.New("chromium not found (bash scripts/install-test-deps.sh)")
}
