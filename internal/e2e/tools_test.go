package e2e

import (
	"strings"
	"testing"
	"tongbao/internal/browsertest"

	"github.com/chromedp/chromedp/kb"
)

// fontState is the text size as the page shows it: the root font size,
// the font-size button pressed and what localStorage keeps.
const fontState = `(() => {
  const pressed = document.querySelector('[data-font-size][aria-pressed="true"]');
  return getComputedStyle(document.documentElement).fontSize + " " +
    (pressed ? pressed.textContent : "none") + " " + localStorage.getItem("tongbao-font");
})()`

// TestPageTools drives the portal's page tools with the keyboard alone, on
// the sample circular: 字体【大 中 小】 changes the text size, is remembered
// from page to page and combines with the 适老模式; 打印本页 opens the
// print dialog; 复制链接 copies the page's address through the clipboard,
// through the copy command when the clipboard is refused, and shows the
// address to copy by hand when both fail, saying each time what happened.
func TestPageTools(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, sampleSite(t)))
	url := srv.URL + "/circulars/2023/14/"
	navigate(t, ctx, url)
	eval[bool](t, ctx, `(localStorage.clear(), true)`)
	navigate(t, ctx, url)

	step := func(what, want string) {
		t.Helper()
		if got := eval[string](t, ctx, fontState); got != want {
			t.Fatalf("%s: font size, button pressed, stored = %q; want %q", what, got, want)
		}
	}
	step("a fresh profile", "16px 中 null")
	tabTo(t, ctx, `[data-font-size="large"]`, false)
	key(t, ctx, kb.Enter)
	step("大", "20px 大 large")
	navigate(t, ctx, srv.URL+"/rankings/")
	step("大, on another page", "20px 大 large")
	eval[bool](t, ctx, `(document.querySelector("[data-senior-toggle]").click(), true)`)
	step("大 in the 适老模式", "25px 大 large")
	tabTo(t, ctx, `[data-font-size="small"]`, false)
	key(t, ctx, " ")
	step("小 in the 适老模式", "17.5px 小 small")
	tabTo(t, ctx, `[data-font-size=""]`, true)
	key(t, ctx, kb.Enter)
	step("中 in the 适老模式", "20px 中 null")
	eval[bool](t, ctx, `(document.querySelector("[data-senior-toggle]").click(), true)`)
	step("中", "16px 中 null")

	// 打印本页: the print dialog is the browser's; here it only counts.
	navigate(t, ctx, url)
	eval[bool](t, ctx, `(window.print = () => { window.printed = (window.printed || 0) + 1; }, true)`)
	tabTo(t, ctx, "[data-print]", false)
	key(t, ctx, kb.Enter)
	if got := eval[int](t, ctx, `window.printed || 0`); got != 1 {
		t.Errorf("打印本页 opened the print dialog %d times; want once", got)
	}

	// 复制链接, three ways. The page's address without its fragment is
	// what is copied.
	status := `document.querySelector(".page-tools-status").textContent`
	copyLink := func(setup, what string) string {
		t.Helper()
		navigate(t, ctx, url+"#doc-title")
		eval[bool](t, ctx, `(() => { `+setup+`; return true; })()`)
		tabTo(t, ctx, "[data-copy-link]", false)
		key(t, ctx, kb.Enter)
		browsertest.WaitFor(t, ctx, status+` !== ""`, "the copy's confirmation ("+what+")")
		if !eval[bool](t, ctx, `document.activeElement.matches("[data-copy-link]")`) {
			t.Errorf("%s: the focus left the button", what)
		}
		return eval[string](t, ctx, status)
	}
	// The asynchronous clipboard, recorded rather than the machine's.
	got := copyLink(`navigator.clipboard.writeText = text => { window.copied = text; return Promise.resolve(); }`, "the clipboard")
	if copied := eval[string](t, ctx, `window.copied || ""`); got != "已复制本页链接" || copied != url {
		t.Errorf("the clipboard: status %q, copied %q; want 已复制本页链接 and %q", got, copied, url)
	}
	// The clipboard refused: the copy command, from a selected field.
	got = copyLink(`navigator.clipboard.writeText = () => Promise.reject(new Error("denied"));
		document.addEventListener("copy", e => { window.copied = e.target.value.slice(e.target.selectionStart, e.target.selectionEnd); })`, "the copy command")
	if copied := eval[string](t, ctx, `window.copied || ""`); got != "已复制本页链接" || copied != url {
		t.Errorf("the copy command: status %q, copied %q; want 已复制本页链接 and %q", got, copied, url)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("textarea").length`); n != 0 {
		t.Errorf("the copy command left %d text fields in the page", n)
	}
	// Both refused: the address, to copy by hand.
	got = copyLink(`navigator.clipboard.writeText = () => Promise.reject(new Error("denied")); document.execCommand = () => false`, "nothing works")
	if !strings.Contains(got, "手动复制") || !strings.HasSuffix(got, url) {
		t.Errorf("when nothing copies, the status reads %q; want the address %q to copy by hand", got, url)
	}
}
