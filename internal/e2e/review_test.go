package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"tongbao/internal/browsertest"
)

// What a portal's accessibility review checks beyond axe-core: the focus
// in boxes that scroll, forced colours (Windows high contrast), the 适老模式's
// contrast and the search's announcements.

// focusSeenJS says where the focused element is not seen whole, its focus
// ring included: "" when it is. The ring reaches outlineWidth +
// outlineOffset beyond the element's box; every ancestor that clips what
// overflows it must hold the ring, and a table cell that sticks to the
// left of a box that scrolls (a matrix's first column) must not cover it
// — nor anything else: the points at its centre and near its left and
// right edges hit the element itself.
const focusSeenJS = `(() => {
  const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  const reach = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
  const ring = {left: r.left - reach, right: r.right + reach, top: r.top - reach, bottom: r.bottom + reach};
  const out = [];
  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
    const ps = getComputedStyle(p);
    if (ps.overflowX === "visible" && ps.overflowY === "visible") continue;
    const b = p.getBoundingClientRect(), left = b.left + p.clientLeft, top = b.top + p.clientTop;
    const cut = [];
    if (ring.left < left - 0.5) cut.push("left " + (left - ring.left).toFixed(1));
    if (ring.right > left + p.clientWidth + 0.5) cut.push("right " + (ring.right - left - p.clientWidth).toFixed(1));
    if (ring.top < top - 0.5) cut.push("top " + (top - ring.top).toFixed(1));
    if (ring.bottom > top + p.clientHeight + 0.5) cut.push("bottom " + (ring.bottom - top - p.clientHeight).toFixed(1));
    if (cut.length) out.push("its ring cut off by " + p.tagName.toLowerCase() + "." + p.className + " (" + cut.join(", ") + " px)");
  }
  for (const fx of [0.1, 0.5, 0.9]) {
    const x = r.left + r.width * fx, y = r.top + r.height / 2;
    if (x < 0 || x > innerWidth || y < 0 || y > innerHeight) { out.push("out of the window"); break; }
    const hit = document.elementFromPoint(x, y);
    if (hit && hit !== e && !e.contains(hit) && !hit.contains(e)) { out.push("covered by " + hit.tagName.toLowerCase() + " " + JSON.stringify(hit.textContent.trim().slice(0, 8))); break; }
  }
  return out.join("; ");
})()`

// describeFocus names the focused element for a message.
const describeFocus = `(() => { const e = document.activeElement; return e.tagName.toLowerCase() + " " + JSON.stringify((e.textContent || "").replace(/\s+/g, "").slice(0, 12)); })()`

// TestFocusSeenInScrollingBoxes: on a phone, Shift+Tab and Tab through
// the month links of a year's matrix, which scrolls in its box, show each
// link whole with its focus ring — Shift+Tab hid 2022年5月 and 6月 under
// the first column, which stays in view, and Tab left the links at the
// box's right edge up to 27 px out of it; and Tab through the header
// shows the navigation's focus rings whole, which its scrolling box cut
// to a bar at their side.
func TestFocusSeenInScrollingBoxes(t *testing.T) {
	ctx := browsertest.Start(t)
	dir := demoSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	emulate(t, ctx, phones[1])
	for _, d := range []display{normal, senior} {
		choose(t, ctx, srv.URL, d)
		for _, page := range []string{"indicators/gongye/", "rankings/", "units/dongfenglu/"} {
			navigate(t, ctx, srv.URL+"/"+page)
			// The first full year's matrix: twelve month links in its head.
			months := eval[int](t, ctx, `(() => {
			  const t = [...document.querySelectorAll(".matrix")].find(t => t.tHead.querySelectorAll("a").length === 12);
			  if (!t || !t.closest(".table-wrap").hasAttribute("data-scroll")) return 0;
			  t.tBodies[0].querySelector("th a").focus();
			  return 12;
			})()`)
			if months == 0 {
				t.Fatalf("%s, /%s: no year of twelve months in a box that scrolls", d.name, page)
			}
			check := func(how string) {
				t.Helper()
				if problem := eval[string](t, ctx, focusSeenJS); problem != "" {
					t.Errorf("%s, /%s, after %s: the focused %s is not seen whole: %s", d.name, page, how, eval[string](t, ctx, describeFocus), problem)
				}
			}
			for range months {
				key(t, ctx, kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))
				check("Shift+Tab")
			}
			if got := eval[string](t, ctx, `document.activeElement.textContent`); !strings.HasSuffix(got, "年1月") {
				t.Fatalf("%s, /%s: Shift+Tab from the first row ended on %q, not the year's 1月", d.name, page, got)
			}
			for range months - 1 {
				key(t, ctx, kb.Tab)
				check("Tab")
			}
		}
		// The header: the site's name, the navigation, the search box and
		// its button, the 适老模式 button.
		navigate(t, ctx, srv.URL+"/rankings/")
		for range 7 {
			key(t, ctx, kb.Tab)
			if problem := eval[string](t, ctx, focusSeenJS); problem != "" {
				t.Errorf("%s, the header: the focused %s is not seen whole: %s", d.name, eval[string](t, ctx, describeFocus), problem)
			}
		}
	}
}
