package serve

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"

	"tongbao/internal/browsertest"
	"tongbao/internal/theme"
)

// preview serves the site in dir for a browser test and returns its
// address; the server stops, and must stop cleanly, when the test ends.
func preview(t *testing.T, dir string) string {
	url, cancel, served := serveLoopback(t, New(Options{Source: dir, Delay: 50 * time.Millisecond, Log: testLog{t}}))
	t.Cleanup(func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return url
}

// TestBrowserLiveReload drives the real server with a real browser: an
// edit of the month's data changes a ranking sentence on the open page
// by itself; a broken file shows the overlay with file and line over the
// last good page; fixing it removes the overlay.
func TestBrowserLiveReload(t *testing.T) {
	bctx := browsertest.Start(t)

	dir := copySite(t)
	base := preview(t, dir)
	bctx, tcancel := context.WithTimeout(bctx, 90*time.Second)
	defer tcancel()

	const (
		before = "排名全区前三的为：桥头街道、石桥街道、爱莲街道"
		after  = "排名全区前三的为：小江湖街道、桥头街道、石桥街道"
	)
	url := base + "/circulars/2023/14/"
	if err := chromedp.Do(bctx, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	text := bodyText(t, bctx)
	if !strings.Contains(text, before) {
		t.Fatalf("the circular lacks %q", before)
	}
	// Wait until the page listens: live.js marks it on "hello".
	browsertest.WaitFor(t, bctx, `document.documentElement.getAttribute("data-tongbao-live") === "connected"`, "the event stream to open")
	// A marker that a reload would wipe: the page must reload by itself.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`window.__before = true`)); err != nil {
		t.Fatal(err)
	}

	// 禁毒: raise 小江湖街道 (4th, 94.1) above 桥头街道 (98.6).
	month := filepath.Join(dir, "data", "2023-02.toml")
	editFile(t, month, `"小江湖街道" = 94.1`, `"小江湖街道" = 99.9`)
	browsertest.WaitFor(t, bctx, `document.body.innerText.includes(`+browsertest.Quote(after)+`)`, "the new ranking sentence without a reload by the test")
	if marker, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`window.__before === true`)); err != nil || marker {
		t.Errorf("the page did not reload itself (marker still set: %v, %v)", marker, err)
	}

	// Break the TOML: an unterminated string on line 11.
	good, _ := os.ReadFile(month)
	if !strings.Contains(string(good), "\nperiod      = \"1-2月\"\n") || strings.Count(string(good[:strings.Index(string(good), "\nperiod")+1]), "\n") != 10 {
		t.Fatal("line 11 of data/2023-02.toml is no longer the period")
	}
	editFile(t, month, `period      = "1-2月"`, `period      = "1-2月`)
	browsertest.WaitFor(t, bctx, `(() => { const o = document.getElementById("__tongbao-overlay"); return !!o && o.innerText.includes("data/2023-02.toml:11:"); })()`, "the overlay naming data/2023-02.toml:11")
	if !strings.Contains(bodyText(t, bctx), after) {
		t.Error("while broken, the last good page is not shown")
	}

	// Fix it with an atomic save (temporary file renamed over).
	atomicWrite(t, month, good)
	browsertest.WaitFor(t, bctx, `document.getElementById("__tongbao-overlay") === null && document.body.innerText.includes(`+browsertest.Quote(after)+`)`, "the overlay to go and the page to stay current")

	// A stylesheet edit swaps the stylesheet in place, without a reload.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`window.__css = true`)); err != nil {
		t.Fatal(err)
	}
	oldHref, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.querySelector('link[rel~="stylesheet"]').getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	// (The site had no layouts/: the edit makes the first override of the
	// built-in stylesheet.)
	cssText, _ := theme.Read("assets/css/site.css")
	css := filepath.Join(dir, "layouts", "assets", "css", "site.css")
	os.MkdirAll(filepath.Dir(css), 0o755)
	writeFile(t, css, string(cssText)+"\nbody { outline: 3px solid rgb(1, 2, 3); }\n")
	browsertest.WaitFor(t, bctx, `(() => { const l = document.querySelectorAll('link[rel~="stylesheet"]'); return l.length === 1 && l[0].getAttribute("href") !== `+browsertest.Quote(oldHref)+` && getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)"; })()`, "the new stylesheet to be swapped in")
	if kept, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`window.__css === true`)); err != nil || !kept {
		t.Errorf("a stylesheet edit reloaded the page (%v)", err)
	}
}

func bodyText(t *testing.T, ctx context.Context) string {
	t.Helper()
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// testLog sends the server's terminal output to the test log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// TestBrowserMonthBeingGathered: a preview started while the newest month
// lacks a score shows the rest of the site with the month's problem over
// it, saying the month's circular is a draft (with a link to it) and the
// rest of the month left out; a save that changes nothing shown
// keeps it; a tab open at the month's circular shows its draft, an edit
// of it as it is saved, a slip in its text said rather than the draft
// gone; the month completed, the overlay goes, and the
// tab shows the real circular by itself.
func TestBrowserMonthBeingGathered(t *testing.T) {
	bctx := browsertest.Start(t)

	dir := copySite(t)
	march, gathering, complete := gatheringMarch(t, dir)
	base := preview(t, dir)
	bctx, tcancel := context.WithTimeout(bctx, 90*time.Second)
	defer tcancel()

	url := base + "/circulars/2023/14/"
	if err := chromedp.Do(bctx, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	// March's circular is a draft at its address: the overlay says so and
	// links to it, and says that only the lists and histories lack March.
	overlay := `(() => { const o = document.getElementById("__tongbao-overlay"); const a = o && o.querySelector("strong a"); return !!o && ` +
		`o.innerText.includes("尚未齐全的 2023-03 有 2 个问题；这个月的通报以草稿显示（不会发布）：/circulars/2023/15/；通报列表、考核排名等页面暂不含这个月的数据，其余页面是最新的") && ` +
		`!o.innerText.includes("预览暂不含") && !!a && a.href === ` + browsertest.Quote(base+"/circulars/2023/15/") + ` && o.innerText.includes("data/2023-03.toml:"); })()`
	browsertest.WaitFor(t, bctx, overlay, "the overlay saying March's circular is a draft, linking to it, and the rest of March left out")
	if !strings.Contains(bodyText(t, bctx), "排名全区前三的为") {
		t.Error("February's circular is not shown under the overlay")
	}

	// A save that changes no page of this tab (March's draft only): the overlay
	// stays.
	writeFile(t, march, strings.Replace(gathering, `period      = "3月"`, `period      = "3月份"`, 1))
	browsertest.WaitFor(t, bctx, `document.documentElement.getAttribute("data-tongbao-live") === "connected"`, "the event stream to be open")
	time.Sleep(500 * time.Millisecond) // the rebuild and its event
	browsertest.WaitFor(t, bctx, overlay, "the overlay to stay after a save that changes no page")

	// A second tab at March's circular: its draft, under the banner, the
	// date still to come; an edit of its text is there as it is saved.
	tab, tabCancel := chromedp.NewContext(bctx)
	defer tabCancel()
	marchURL := base + "/circulars/2023/15/"
	if err := chromedp.Do(tab, chromedp.Navigate(marchURL), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("opening %s: %v", marchURL, err)
	}
	draft := `(() => { const b = document.getElementById("__tongbao-draft"); return !!b && b.innerText.includes("草稿预览，不是将要发布的通报") && b.innerText.includes("还有 2 个问题"); })()`
	browsertest.WaitFor(t, tab, `document.documentElement.getAttribute("data-tongbao-live") === "connected" && `+draft+` && document.body.innerText.includes("经区政府研究，现将三月的情况通报如下") && document.body.innerText.includes("成文日期待填写")`, "March's circular shown as a draft while March is gathered")
	circular := filepath.Join(dir, "content", "circulars", "2023-03.md")
	editFile(t, circular, "现将三月的情况通报如下。", "现将三月份的情况通报如下。")
	browsertest.WaitFor(t, tab, draft+` && document.body.innerText.includes("现将三月份的情况通报如下")`, "the draft to show the circular's edit")
	// A slip while typing a shortcode: the tab stays at the draft, its
	// banner and the overlay saying so, until it is mended.
	editFile(t, circular, "现将三月份的情况通报如下。", "现将三月份的情况通报如下。\n\n{{< indicator \"重点项目\" >}}")
	browsertest.WaitFor(t, tab, `(() => { const b = document.getElementById("__tongbao-draft"); const o = document.getElementById("__tongbao-overlay"); return !!b && b.innerText.includes("正文有 1 个问题") && !!o && o.innerText.includes("未知短代码“indicator”") && document.body.innerText.includes("现将三月份的情况通报如下"); })()`, "the draft to stay with its text's slip said")
	editFile(t, circular, "\n\n{{< indicator \"重点项目\" >}}", "")
	browsertest.WaitFor(t, tab, draft+` && !document.getElementById("__tongbao-draft").innerText.includes("正文有")`, "the draft's banner to drop the slip once mended")

	complete()
	browsertest.WaitFor(t, bctx, `document.getElementById("__tongbao-overlay") === null`, "the overlay to go once March is complete")
	browsertest.WaitFor(t, tab, `document.getElementById("__tongbao-draft") === null && !document.body.innerText.includes("待填写") && document.body.innerText.includes("经区政府研究，现将三月的情况通报如下") && document.body.innerText.includes("2023年5月6日")`, "the tab at March's circular to show the real one by itself")
}

// TestBrowserWarnings: a picture written without its text brings the
// warnings to the foot of the open page, naming the file and line, while
// the page stays as it is; the text written, they go.
func TestBrowserWarnings(t *testing.T) {
	bctx := browsertest.Start(t)
	dir := copySite(t)
	base := preview(t, dir)
	bctx, tcancel := context.WithTimeout(bctx, 60*time.Second)
	defer tcancel()
	if err := chromedp.Do(bctx, chromedp.Navigate(base+"/circulars/2023/14/"), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, bctx, `document.documentElement.getAttribute("data-tongbao-live") === "connected"`, "the event stream to open")
	about := filepath.Join(dir, "content", "about.md")
	b, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "content", "图.png"), "\x89PNG") // there, so that its text is the one warning
	writeFile(t, about, string(b)+"\n![](图.png)\n")
	browsertest.WaitFor(t, bctx, `(() => { const n = document.getElementById("__tongbao-warnings"); return !!n && n.innerText.includes("1 个提醒") && n.innerText.includes("content/about.md:") && n.innerText.includes("图片没有说明文字") && n.getBoundingClientRect().bottom <= innerHeight + 1; })()`,
		"the warning at the foot of the page")
	if o, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.getElementById("__tongbao-overlay") === null`)); err != nil || !o {
		t.Errorf("a warning brought the error overlay (%v)", err)
	}
	writeFile(t, about, string(b)+"\n![示意图](图.png)\n")
	browsertest.WaitFor(t, bctx, `document.getElementById("__tongbao-warnings") === null`, "the warning to go")
}

// TestBrowserPageAppears: a tab open at an address with no page yet (the
// site's 404 page stands in) shows the page by itself once a save makes
// it — the build's list names the page's file, not the 404 page's.
func TestBrowserPageAppears(t *testing.T) {
	bctx := browsertest.Start(t)
	dir := copySite(t)
	// A folder of notices with one in it: a second changes no other page
	// (a new top page would change every footer, 404.html's too).
	os.MkdirAll(filepath.Join(dir, "content", "notices"), 0o755)
	writeFile(t, filepath.Join(dir, "content", "notices", "a.md"), "+++\ntitle = \"春节值班安排\"\n+++\n\n正文。\n")
	base := preview(t, dir)
	bctx, tcancel := context.WithTimeout(bctx, 90*time.Second)
	defer tcancel()

	url := base + "/notices/notice/"
	if err := chromedp.Do(bctx, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	browsertest.WaitFor(t, bctx, `document.documentElement.getAttribute("data-tongbao-live") === "connected"`, "the 404 page to listen")
	if strings.Contains(bodyText(t, bctx), "节假日值班安排") {
		t.Fatal("the page is there before it is written")
	}
	writeFile(t, filepath.Join(dir, "content", "notices", "notice.md"), "+++\ntitle = \"节假日值班安排\"\n+++\n\n值班电话见下表。\n")
	browsertest.WaitFor(t, bctx, `document.body.innerText.includes("值班电话见下表")`, "the tab at /notices/notice/ to show the new page by itself")
}

// TestBrowserOverlayFolds: the problems of a month being gathered are
// over the draft at every save; folded, the list stays folded through the
// reloads of the saves that follow (the draft being written under it),
// even as an edit above moves their lines, and unfolds when a problem not
// among them is made — here a shortcode misspelt.
func TestBrowserOverlayFolds(t *testing.T) {
	bctx := browsertest.Start(t)
	dir := copySite(t)
	_, _, complete := gatheringMarch(t, dir)
	base := preview(t, dir)
	bctx, tcancel := context.WithTimeout(bctx, 60*time.Second)
	defer tcancel()
	if err := chromedp.Do(bctx, chromedp.Navigate(base+"/circulars/2023/15/"), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	const list = `document.querySelector("#__tongbao-overlay ul")`
	browsertest.WaitFor(t, bctx, `document.documentElement.getAttribute("data-tongbao-live") === "connected" && !!`+list+` && `+list+`.offsetHeight > 0`, "the problems listed over the draft")
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`(document.querySelector("#__tongbao-overlay button").click(), window.__before = true)`)); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, bctx, list+`.offsetHeight === 0 && document.querySelector("#__tongbao-overlay button").textContent === "展开"`, "the list folded by its button")

	circular := filepath.Join(dir, "content", "circulars", "2023-03.md")
	editFile(t, circular, "经区政府研究，", "新写的一段。\n\n经区政府研究，")
	browsertest.WaitFor(t, bctx, `window.__before !== true && document.documentElement.getAttribute("data-tongbao-live") === "connected" && document.body.innerText.includes("新写的一段")`, "the draft reloaded with the edit")
	time.Sleep(300 * time.Millisecond)
	if open, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`!!document.getElementById("__tongbao-overlay") && `+list+`.offsetHeight > 0`)); err != nil || open {
		t.Errorf("after a save that made no new problem the list is open again (%v)", err)
	}

	editFile(t, circular, "新写的一段。", "新写的一段。\n\n{{< indicator \"重点项目\" >}}")
	browsertest.WaitFor(t, bctx, list+` && `+list+`.offsetHeight > 0 && `+list+`.innerText.includes("未知短代码“indicator”")`, "the list open again for the new problem")

	// Folded again, then every problem dealt with: the overlay goes, and
	// the same slip made afterwards is a new problem, listed — also when
	// the page, reloading for the clean build, first hears of the failing
	// one. On two busy cores the slip was saved before the reloaded page
	// had connected, which found it among those folded (CI, 6 December):
	// the reloaded page's event stream is held here until the slip's build
	// has failed.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`(document.querySelector("#__tongbao-overlay button").click(), true)`)); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, bctx, list+`.offsetHeight === 0`, "the list folded again")
	builds := dialSSE(t, base+"/__tongbao/events")
	builds.next(t, 10*time.Second) // hello
	held := make(chan fetch.RequestID, 4)
	if err := chromedp.Listen(bctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			held <- e.RequestID
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(bctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/__tongbao/events*"}}}); err != nil {
		t.Fatal(err)
	}
	complete()
	until := func(want string, clean bool) {
		t.Helper()
		for {
			ev := builds.next(t, 30*time.Second)
			var d struct{ Errors []string }
			json.Unmarshal([]byte(ev.data), &d)
			if ev.name == want && (len(d.Errors) == 0) == clean {
				return
			}
		}
	}
	until("build", true)
	var stream fetch.RequestID
	select {
	case stream = <-held:
	case <-time.After(30 * time.Second):
		t.Fatal("the page did not reload for March complete")
	}
	browsertest.WaitFor(t, bctx, `document.getElementById("__tongbao-overlay") === null && document.body.innerText.includes("2023年5月6日")`, "the overlay gone, March complete")
	editFile(t, circular, "经区政府研究，", "{{< indicator \"重点项目\" >}}\n\n经区政府研究，")
	until("errors", false)
	if _, err := chromedp.Call(bctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: stream}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(bctx, fetch.Disable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, bctx, list+` && `+list+`.offsetHeight > 0 && `+list+`.innerText.includes("未知短代码“indicator”")`, "the slip made again listed, not folded")
}
