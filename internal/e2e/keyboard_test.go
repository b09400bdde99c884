package e2e

import (
	"context"
	"strings"
	"testing"
	"tongbao/internal/browsertest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focusRing reports whether the focused element shows a visible focus
// indicator: an outline at least 2 px wide.
const focusRing = `(() => {
  const e = document.activeElement, s = getComputedStyle(e);
  return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
})()`

// key presses keys (kb.Tab, kb.Enter, " ", text) on the focused element.
func key(t *testing.T, ctx context.Context, keys string, opts ...chromedp.KeyOption) {
	t.Helper()
	run(t, ctx, "pressing "+strings.ReplaceAll(keys, "\t", "Tab"), chromedp.KeyEvent(keys, opts...))
}

// tabTo presses Tab (or Shift+Tab when back) until the element matching
// selector has the focus, checking on the way that every focused element
// shows a focus ring. It fails after 40 presses.
func tabTo(t *testing.T, ctx context.Context, selector string, back bool) {
	t.Helper()
	var opts []chromedp.KeyOption
	if back {
		opts = append(opts, chromedp.KeyModifiers(chromedp.ModifierShift))
	}
	var path []string
	for range 40 {
		key(t, ctx, kb.Tab, opts...)
		desc := eval[string](t, ctx, `(() => { const e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).split(" ").join(".") : "") + " " + (e.innerText || e.value || e.getAttribute("href") || "").slice(0, 20); })()`)
		path = append(path, desc)
		if desc == "body " || strings.HasPrefix(desc, "body.") {
			continue // past the end of the page: Tab wraps to the start
		}
		if !eval[bool](t, ctx, focusRing) {
			t.Errorf("the focused %s shows no focus ring", desc)
		}
		if eval[bool](t, ctx, `document.activeElement.matches(`+browsertest.Quote(selector)+`)`) {
			return
		}
	}
	t.Fatalf("Tab never reached %s; the focus went: %s", selector, strings.Join(path, " → "))
}

// seniorState is the mode as the page shows it: the class on <html>, the
// toggle's label as it reads (what a press will do) and what localStorage
// keeps.
const seniorState = `(() => {
  const b = document.querySelector("[data-senior-toggle]");
  return document.documentElement.classList.contains("senior") + " " +
    (b ? b.innerText.trim() : "no-toggle") + " " +
    localStorage.getItem("tongbao-senior");
})()`

// TestKeyboard drives the site with the keyboard alone: Tab reaches the
// 适老模式 toggle, Space turns it on, Enter on a link navigates and the mode
// stays on; Enter turns it off again. When the search page exists, Tab
// reaches the header's search box, typing 禁毒 and Enter shows the results,
// and Tab and Enter open the circular found.
func TestKeyboard(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, sampleSite(t)))

	navigate(t, ctx, srv.URL+"/")
	eval[bool](t, ctx, `localStorage.clear(), true`)
	navigate(t, ctx, srv.URL+"/")
	if got := eval[string](t, ctx, seniorState); got != "false 适老模式 null" {
		t.Fatalf("a fresh profile: senior state %q, want off", got)
	}
	// The mode is applied before the first paint: the script is a
	// blocking one in <head>, not deferred or async.
	if !eval[bool](t, ctx, `(() => { const s = document.querySelector('head script[src*="senior"]'); return !!s && !s.defer && !s.async && s.type !== "module"; })()`) {
		t.Error("senior.js is not a blocking script in <head>")
	}

	tabTo(t, ctx, "[data-senior-toggle]", false)
	key(t, ctx, " ")
	if got := eval[string](t, ctx, seniorState); got != "true 退出适老模式 on" {
		t.Fatalf("after Space on the toggle: senior state %q, want %q: on, and the button offers the way back", got, "true 退出适老模式 on")
	}
	// A screen reader hears the change, whether or not it says the
	// button's new label: a status in the header says it.
	seniorStatus := `(() => { const s = document.querySelector("header [role=status][data-senior-status]"); return s ? s.textContent : "no status"; })()`
	if got := eval[string](t, ctx, seniorStatus); !strings.HasPrefix(got, "已开启适老模式") {
		t.Errorf("after Space on the toggle the status says %q, want 已开启适老模式…", got)
	}
	if eval[string](t, ctx, `getComputedStyle(document.documentElement).fontSize`) != "20px" {
		t.Error("the 适老 mode does not enlarge the text to 20px (125%)")
	}

	// Back to the 通报 link of the navigation, and Enter: a new page.
	tabTo(t, ctx, `.site-nav a[href="/circulars/"]`, true)
	key(t, ctx, kb.Enter)
	browsertest.WaitFor(t, ctx, `location.pathname === "/circulars/" && document.readyState === "complete"`, "the archive page")
	if got := eval[string](t, ctx, seniorState); got != "true 退出适老模式 on" {
		t.Fatalf("after navigating: senior state %q, want it kept on", got)
	}

	tabTo(t, ctx, "[data-senior-toggle]", false)
	key(t, ctx, kb.Enter)
	if got := eval[string](t, ctx, seniorState); got != "false 适老模式 null" {
		t.Fatalf("after Enter on the toggle: senior state %q, want off", got)
	}
	if got := eval[string](t, ctx, seniorStatus); got != "已退出适老模式" {
		t.Errorf("after Enter on the toggle the status says %q, want 已退出适老模式", got)
	}

	if !layoutExists(t, "search.html") {
		t.Log("layouts/search.html does not exist yet: the search steps are skipped")
		return
	}
	navigate(t, ctx, srv.URL+"/")
	tabTo(t, ctx, `header input[name="q"], header input[type="search"]`, false)
	key(t, ctx, "禁毒")
	key(t, ctx, kb.Enter)
	browsertest.WaitFor(t, ctx, `location.pathname === "/search/" && new URLSearchParams(location.search).get("q") === "禁毒"`, "the search page for 禁毒")
	browsertest.WaitFor(t, ctx, `!!document.querySelector('main a[href*="/circulars/2023/14/"]')`, "a result linking the circular 2023/14")
	tabTo(t, ctx, `main a[href*="/circulars/2023/14/"]`, false)
	key(t, ctx, kb.Enter)
	browsertest.WaitFor(t, ctx, `location.pathname.startsWith("/circulars/2023/14/") && document.readyState === "complete"`, "the circular found")
}

// TestWithoutJavaScript: with scripts off the pages still read, and the
// toggle and the page tools, which could not work, are not shown.
func TestWithoutJavaScript(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, sampleSite(t)))
	run(t, ctx, "turning JavaScript off", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	navigate(t, ctx, srv.URL+"/circulars/2023/14/")
	if eval[bool](t, ctx, `document.documentElement.classList.contains("js")`) {
		t.Fatal("scripts still ran")
	}
	for _, sel := range []string{"[data-senior-toggle]", ".page-tools", ".appendix-tools"} {
		if got := eval[string](t, ctx, `getComputedStyle(document.querySelector(`+browsertest.Quote(sel)+`)).display`); got != "none" {
			t.Errorf("without JavaScript %s, which needs it, is shown (display %q)", sel, got)
		}
	}
	if !strings.Contains(eval[string](t, ctx, `document.body.innerText`), "排名全区前三的为") {
		t.Error("without JavaScript the circular's text is not there")
	}
}
