package render

import (
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/chromedp/chromedp/kb"
	"tongbao/internal/browsertest"

	"tongbao/internal/demo"
	"tongbao/internal/site"
)

// TestBrowserSearch opens the search page of the rendered sample site in
// Chromium, at the root and under a baseURL path: ?q=禁毒 lists the
// circular with the word marked; typing searches again and keeps the
// address current; the results are reached and opened with the keyboard;
// the header's form leads to the search page.
func TestBrowserSearch(t *testing.T) {
	for _, base := range []string{"/", "/tongbao/"} {
		t.Run("base="+base, func(t *testing.T) {
			ctx := newSearchBrowser(t)
			srv := serveOutputs(t, renderFiles(t, loadSample(t), base), base)
			circular := base + "circulars/2023/14/"
			linked := `document.querySelector(` + browsertest.Quote(`.search-results a[href="`+circular+`"]`) + `) !== null`

			browse(t, ctx, srv.URL+base+"search/?q="+url.QueryEscape("禁毒"))
			browsertest.WaitFor(t, ctx, linked, "a result linking to "+circular)
			if got := evalJS[string](t, ctx, `document.querySelector("[role=status]").textContent`); got != "找到 1 条结果" {
				t.Errorf("status %q, want 找到 1 条结果", got)
			}
			if got := evalJS[string](t, ctx, `document.querySelector("#search-q").value`); got != "禁毒" {
				t.Errorf("the search box holds %q, want 禁毒", got)
			}
			marks := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".search-result mark")].map(m => m.textContent)`)
			if len(marks) == 0 {
				t.Fatal("no <mark> in the result")
			}
			for _, m := range marks {
				if m != "禁毒" && !strings.Contains(m, "禁毒") {
					t.Errorf("marked %q, which is not the query", m)
				}
			}
			if got := evalJS[string](t, ctx, `document.querySelector(".search-result .search-result-meta").textContent`); !strings.Contains(got, "双政办函〔2023〕14号") || !strings.Contains(got, "2023-04-03") {
				t.Errorf("the result's 文号 and date read %q", got)
			}

			// Typing searches as you go and updates the address.
			run(t, ctx, chromedp.Focus(chromedp.ID("search-q")))
			run(t, ctx, chromedp.Evaluate[bool](`document.querySelector("#search-q").select(), true`))
			run(t, ctx, chromedp.SendKeys(chromedp.ID("search-q"), "关于本站"))
			browsertest.WaitFor(t, ctx, `new URLSearchParams(location.search).get("q") === "关于本站" && location.pathname === `+browsertest.Quote(base+"search/"), "the address to carry ?q=关于本站")
			browsertest.WaitFor(t, ctx, `document.querySelector(".search-results a") !== null && document.querySelector(".search-results a").getAttribute("href") === `+browsertest.Quote(base+"about/"), "关于本站 to be the first result")

			// Keyboard: from the box, Tab reaches the button, then the first
			// result; Enter opens it.
			run(t, ctx, chromedp.Focus(chromedp.ID("search-q")))
			run(t, ctx, chromedp.KeyEvent(kb.Tab))
			run(t, ctx, chromedp.KeyEvent(kb.Tab))
			if got := evalJS[string](t, ctx, `document.activeElement.getAttribute("href") || document.activeElement.tagName`); got != base+"about/" {
				t.Fatalf("two Tabs from the search box focus %q, want the first result", got)
			}
			run(t, ctx, chromedp.KeyEvent(kb.Enter))
			browsertest.WaitFor(t, ctx, `location.pathname === `+browsertest.Quote(base+"about/"), "Enter to open the result")

			// The header's form (on every other page) leads to the search page.
			run(t, ctx, chromedp.SendKeys(chromedp.ID("site-search-q"), "禁毒"+kb.Enter))
			browsertest.WaitFor(t, ctx, `location.pathname === `+browsertest.Quote(base+"search/")+` && new URLSearchParams(location.search).get("q") === "禁毒" && `+linked, "the header form to show the results")
		})
	}
}

// TestBrowserSearchInert: a title and a text holding markup show as text,
// and nothing in them runs.
func TestBrowserSearchInert(t *testing.T) {
	ctx := newSearchBrowser(t)
	s := loadSample(t)
	const title = `<script>alert(1)</script><img src=x onerror="window.__xss=1">禁毒通报`
	s.Circulars[0].Title = title
	s.Circulars[0].Body = append(s.Circulars[0].Body, "\n\n`<img src=y onerror=window.__xss=2>`\n"...)
	srv := serveOutputs(t, renderFiles(t, s, "/"), "/")

	for _, q := range []string{"alert", "onerror"} {
		browse(t, ctx, srv.URL+"/search/?q="+q)
		browsertest.WaitFor(t, ctx, `document.querySelector(".search-results a") !== null`, "a result for "+q)
		got := evalJS[string](t, ctx, `document.querySelector(".search-results a").textContent`)
		if !strings.HasSuffix(got, title) {
			t.Errorf("the result's title reads %q, want it to end with %q", got, title)
		}
		if n := evalJS[int](t, ctx, `document.querySelectorAll(".search-results script, .search-results img").length`); n != 0 {
			t.Errorf("%d elements were made from the index's text", n)
		}
	}
	if snippet := evalJS[string](t, ctx, `document.querySelector(".search-result-snippet").textContent`); !strings.Contains(snippet, "<img src=y onerror=window.__xss=2>") {
		t.Errorf("the snippet reads %q, want the markup as text", snippet)
	}
	time.Sleep(300 * time.Millisecond) // give an injected image time to fail
	if xss := evalJS[bool](t, ctx, `window.__xss !== undefined`); xss {
		t.Error("markup from the index ran")
	}
}

// TestBrowserSearchMore: with more results than a page shows, a button
// lists the next ones and moves the focus to the first of them.
func TestBrowserSearchMore(t *testing.T) {
	ctx := newSearchBrowser(t)
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, loadSample(t), 2, 1); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	// 24 months, the year 2022 and the four quarters of the last twelve
	// months.
	if len(s.Circulars) != 29 {
		t.Fatalf("the 2-year demo has %d circulars, want 29", len(s.Circulars))
	}
	srv := serveOutputs(t, renderFiles(t, s, "/"), "/")
	browse(t, ctx, srv.URL+"/search/?q="+url.QueryEscape("通报"))
	browsertest.WaitFor(t, ctx, `document.querySelectorAll(".search-result").length > 0`, "the results")
	// 通报 is in every circular's title, and in 关于本站: 30 results.
	if got := evalJS[string](t, ctx, `document.querySelector("[role=status]").textContent`); got != "找到 30 条结果，先显示前 20 条。" {
		t.Errorf("status %q, want 找到 30 条结果，先显示前 20 条。", got)
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll(".search-result").length`); n != 20 {
		t.Errorf("%d results shown, want 20", n)
	}
	run(t, ctx, chromedp.Focus(chromedp.CSS(".search-more")))
	run(t, ctx, chromedp.KeyEvent(kb.Enter))
	browsertest.WaitFor(t, ctx, `document.querySelectorAll(".search-result").length === 30`, "all 30 results")
	if got := evalJS[string](t, ctx, `document.querySelector("[role=status]").textContent`); got != "找到 30 条结果，已显示 30 条。" {
		t.Errorf("status %q, want 找到 30 条结果，已显示 30 条。", got)
	}
	if ok := evalJS[bool](t, ctx, `document.activeElement === document.querySelectorAll(".search-result a")[20]`); !ok {
		t.Error("the focus did not move to the first new result")
	}
	if hidden := evalJS[bool](t, ctx, `document.querySelector(".search-more").hidden`); !hidden {
		t.Error("the button stays with nothing more to show")
	}
}

// serveOutputs serves rendered outputs below prefix, as a web server
// serves the built folder: a path ending in / serves its index.html.
func serveOutputs(t *testing.T, files map[string][]byte, prefix string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		p, ok := strings.CutPrefix(req.URL.Path, prefix)
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		data, found := files[p]
		if !ok || !found {
			http.NotFound(w, req)
			return
		}
		if ctype := mime.TypeByExtension(path.Ext(p)); ctype != "" {
			w.Header().Set("Content-Type", ctype)
		}
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// newSearchBrowser starts a browser for one test, with at most 90 s for
// all it does.
func newSearchBrowser(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(browsertest.Start(t), 90*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// run runs one browser action, failing the test on error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func browse(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Steps(chromedp.Navigate(u), chromedp.WaitReady("body"))); err != nil {
		t.Fatalf("opening %s: %v", u, err)
	}
}

func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}
