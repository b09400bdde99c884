package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"tongbao/internal/browsertest"
)

// What a portal's accessibility review checks beyond axe-core: the focus
// in boxes that scroll, forced colours (Windows high contrast), the 适老模式's
// contrast and the search's announcements.

// contrastJS defines ratio(a, b), the WCAG contrast of two CSS colours
// rgb(…) / rgba(…) as getComputedStyle gives them, and backdrop(e), the
// colour behind e: its own background and its ancestors', the
// translucent ones laid over the first opaque one (white when none is).
const contrastJS = `
const rgb = c => { const p = c.match(/rgba?\(([^)]+)\)/)[1].split(/[\s,\/]+/).filter(Boolean).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
const lum = c => { const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
const ratio = (a, b) => { const x = lum(typeof a === "string" ? rgb(a) : a), y = lum(typeof b === "string" ? rgb(b) : b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
const backdrop = e => {
  const layers = [];
  for (let p = e; p; p = p.parentElement) {
    const c = rgb(getComputedStyle(p).backgroundColor);
    if (c.a > 0) layers.push(c);
    if (c.a >= 1) break;
  }
  let base = {r: 255, g: 255, b: 255};
  for (const c of layers.reverse()) base = {r: c.r * c.a + base.r * (1 - c.a), g: c.g * c.a + base.g * (1 - c.a), b: c.b * c.a + base.b * (1 - c.a)};
  return base;
};
`

// emulateFeatures sets CSS media features (forced-colors,
// prefers-color-scheme) for the pages opened after it.
func emulateFeatures(t *testing.T, ctx context.Context, features map[string]string) {
	t.Helper()
	var fs []*emulation.MediaFeature
	for name, value := range features {
		fs = append(fs, &emulation.MediaFeature{Name: name, Value: value})
	}
	run(t, ctx, fmt.Sprintf("emulating %v", features), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: fs})
		return err
	}))
}

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
// to a bar at their side. A year whose links are no stops of Tab (a unit's
// and an indicator's: the months and rows are linked before it) is
// reached as its box, seen whole and scrolled by the arrow keys.
func TestFocusSeenInScrollingBoxes(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := demoSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	emulate(t, ctx, phones[1])
	for _, d := range []display{normal, senior} {
		choose(t, ctx, srv.URL, d)
		for _, page := range []string{"indicators/gongye/", "rankings/", "units/dongfenglu/"} {
			navigate(t, ctx, srv.URL+"/"+page)
			// The first full year's matrix: twelve month links in its head.
			// Where a table before it links the months, and the year before
			// the indicators or units of its rows (page.js), none of its
			// links is a stop of Tab: its box is, and the arrow keys
			// scroll it.
			months := eval[int](t, ctx, `(() => {
			  const t = [...document.querySelectorAll(".matrix")].find(t => t.tHead.querySelectorAll("a").length === 12);
			  if (!t || !t.closest(".table-wrap").hasAttribute("data-scroll")) return 0;
			  if ([...t.querySelectorAll("a")].every(a => a.tabIndex < 0)) {
			    t.closest(".table-wrap").focus();
			    return -1;
			  }
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
			if months < 0 {
				got := eval[string](t, ctx, `(() => { const w = document.activeElement; return w.className + " " + w.tabIndex + " " + w.getAttribute("role"); })()`)
				if got != "table-wrap 0 region" {
					t.Errorf("%s, /%s: a year none of whose links is a stop of Tab: the focused element's class, tabIndex and role are %q; want its box, table-wrap 0 region", d.name, page, got)
				}
				check("focusing the box")
				key(t, ctx, kb.ArrowRight)
				// The browser scrolls smoothly, later on a busy machine.
				browsertest.WaitFor(t, ctx, `document.activeElement.scrollLeft > 0`, d.name+", /"+page+": → scrolling the focused box")
				continue
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

// forcedJS describes, on a page in forced colours, what the system's
// colours left unseen: every text of the rank chart shown (its fill
// against the page's Canvas, at least 4.5:1), its grid lines told apart
// from the line drawn, the navigation's underline under the current
// page's entry alone, and the font size in force filled unlike the others.
const forcedJS = `(() => {` + contrastJS + `
  const out = [], canvas = getComputedStyle(document.body).backgroundColor;
  const chart = [...document.querySelectorAll(".rank-chart")].find(s => s.getBoundingClientRect().width > 0);
  if (!chart) return ["no chart shown"];
  const seen = new Set();
  for (const text of chart.querySelectorAll("text")) {
    const fill = getComputedStyle(text).fill, c = ratio(fill, canvas);
    if (c < 4.5 && !seen.has(fill)) {
      seen.add(fill);
      out.push("the chart's text in " + fill + " at " + c.toFixed(2) + ":1, e.g. " + JSON.stringify(text.textContent));
    }
  }
  const grid = getComputedStyle(chart.querySelector(".chart-grid line")).stroke, line = getComputedStyle(chart.querySelector(".chart-line")).stroke;
  if (grid === line || ratio(grid, canvas) < 1.5) out.push("the grid lines (" + grid + ") beside the line (" + line + ") on " + canvas);
  for (const a of document.querySelectorAll(".site-nav a")) {
    const under = getComputedStyle(a).borderBottomColor, shown = ratio(under, backdrop(a)) >= 3;
    if (shown !== a.hasAttribute("aria-current")) out.push("the entry " + a.textContent + (shown ? " is underlined, not the current page's" : ", the current page's, is not underlined"));
  }
  const fill = b => getComputedStyle(b).backgroundColor;
  const pressed = document.querySelector('[data-font-size][aria-pressed="true"]'), other = document.querySelector('[data-font-size][aria-pressed="false"]');
  if (fill(pressed) === fill(other)) out.push("the font size in force (" + pressed.textContent + ") is filled as another (" + fill(other) + ")");
  return out;
})()`

// heatShadesJS lists each shade of the heat map's legend whose swatch is
// not the background of the cells of that shade: swatch, then cell.
const heatShadesJS = `(() => {
  const out = [];
  for (const swatch of document.querySelectorAll(".heat-legend .heat-swatch")) {
    const shade = [...swatch.classList].find(c => c.startsWith("heat-") && c !== "heat-swatch");
    const cell = document.querySelector(".heatmap td." + shade);
    const want = getComputedStyle(swatch).backgroundColor, got = cell && getComputedStyle(cell).backgroundColor;
    if (got !== want) out.push(shade + " " + want + " " + got);
  }
  return out;
})()`

// TestForcedColors opens a township's page, with its rank chart, in
// forced colours — Windows' high-contrast themes, dark and light, in the
// normal display and the 适老模式: the chart's heading, black, was black on
// black, and its axes' grey text 2.8:1; every entry of the navigation was
// underlined, as the current page's alone should be; and the font size in
// force, a filled button, was filled no longer. On /rankings/ the heat
// map's cells keep the shades its legend speaks of, as the legend's
// swatches did alone. The focus rings of the header and the page tools
// are seen, 3:1 at the least, the font size in force's too, whose colours
// are its own.
func TestForcedColors(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, demoSite(t)))
	for _, scheme := range []string{"dark", "light"} {
		emulateFeatures(t, ctx, map[string]string{"forced-colors": "active", "prefers-color-scheme": scheme})
		for _, d := range []display{normal, senior} {
			choose(t, ctx, srv.URL, d)
			navigate(t, ctx, srv.URL+"/units/dongfenglu/")
			if !eval[bool](t, ctx, `matchMedia("(forced-colors: active)").matches`) {
				t.Fatal("forced colours are not emulated")
			}
			for _, problem := range eval[[]string](t, ctx, forcedJS) {
				t.Errorf("forced colours, %s, %s: %s", scheme, d.name, problem)
			}
			// The focus rings of the header and the page tools, over
			// what is around them.
			for range 15 {
				key(t, ctx, kb.Tab)
				if got := eval[string](t, ctx, `(() => {`+contrastJS+`
				  const e = document.activeElement, c = ratio(getComputedStyle(e).outlineColor, backdrop(e.parentElement));
				  return c >= 3 ? "" : e.textContent.trim().slice(0, 8) + ": its focus ring " + getComputedStyle(e).outlineColor + " at " + c.toFixed(2) + ":1";
				})()`); got != "" {
					t.Errorf("forced colours, %s, %s: %s", scheme, d.name, got)
				}
			}
			navigate(t, ctx, srv.URL+"/rankings/")
			if got := eval[[]string](t, ctx, heatShadesJS); len(got) > 0 {
				t.Errorf("forced colours, %s, %s, /rankings/: the heat map's cells are not shaded as its legend says: %q", scheme, d.name, got)
			}
		}
	}
}

// seniorContrastJS lists the texts shown whose contrast is under 7:1
// (4.5:1 for large text: 24 px, or 18.66 px bold), each kind once.
const seniorContrastJS = `(() => {` + contrastJS + `
  const out = new Map(), walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t; (t = walk.nextNode());) {
    const e = t.parentElement;
    if (!t.data.trim() || !e.getClientRects().length || e.closest(".visually-hidden, svg, script, noscript")) continue;
    const s = getComputedStyle(e), px = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
    const want = px >= 24 || (bold && px >= 18.66) ? 4.5 : 7, c = ratio(s.color, backdrop(e));
    const kind = e.tagName.toLowerCase() + "." + e.className + " " + s.color + " at " + c.toFixed(2) + ":1, " + px + " px" + (bold ? " bold" : "");
    if (c < want - 0.005 && !out.has(kind)) out.set(kind, kind + ", e.g. " + JSON.stringify(t.data.trim().slice(0, 10)));
  }
  return [...out.values()];
})()`

// TestSeniorContrast opens every page type of the five-year demo in the
// 适老模式, every <details> open: its text is at least 7:1 (large text
// 4.5:1), as its black text is — the green of a rank's rise was 5.7:1 on
// a striped row, and a score in the heat map's third shade 6.4:1.
func TestSeniorContrast(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := demoSite(t)
	outs := renderSite(t, dir)
	srv := serveOutputs(t, outs)
	choose(t, ctx, srv.URL, senior)
	for _, p := range pageTypes(t, dir, outs) {
		navigate(t, ctx, srv.URL+"/"+p.Path)
		eval[bool](t, ctx, openAll)
		for _, problem := range eval[[]string](t, ctx, seniorContrastJS) {
			t.Errorf("%s, 适老模式: %s", describe(p), problem)
		}
	}
}

// TestSearchStatusNotBusy searches with the keyboard and records every
// text the search's status says: each is said while no element around
// the status is marked busy — a screen reader may hold back a live
// region's change inside a busy element (NVDA does, and then says
// nothing), and the whole search, status and all, was busy while the
// status said what was found.
func TestSearchStatusNotBusy(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, demoSite(t)))
	navigate(t, ctx, srv.URL+"/search/")
	eval[bool](t, ctx, `(() => {
	  const status = document.querySelector(".search-status");
	  window.said = [];
	  new MutationObserver(() => window.said.push((status.closest('[aria-busy="true"]') ? "busy: " : "") + status.textContent))
	    .observe(status, {childList: true, characterData: true, subtree: true});
	  return true;
	})()`)
	tabTo(t, ctx, "#search-q", false)
	key(t, ctx, "禁毒")
	key(t, ctx, kb.Enter)
	browsertest.WaitFor(t, ctx, `/完全匹配 \d+ 条/.test(document.querySelector(".search-status").textContent) && !document.querySelector("[aria-busy]")`, "the search's results")
	said := eval[[]string](t, ctx, `window.said`)
	found := false
	for _, s := range said {
		if strings.HasPrefix(s, "busy: ") {
			t.Errorf("the status said %q inside an element marked busy", strings.TrimPrefix(s, "busy: "))
		}
		found = found || strings.Contains(s, "完全匹配")
	}
	if !found {
		t.Errorf("the status never said what was found: %q", said)
	}
}

// TestFocusSeenInAppendix tabs through every link of the sample
// circular's appendix, open, on a desktop screen and in the 适老模式 on the
// narrowest phone: each is seen whole with its focus ring — the ring of a
// table's caption, a link to the indicator's page at the top left corner
// of the table's box, was cut off on two sides by the box.
func TestFocusSeenInAppendix(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, sampleSite(t)))
	for _, screen := range []struct {
		name  string
		phone *phone
		d     display
	}{{"desktop", nil, normal}, {"320 px phone", &phones[0], senior}} {
		if screen.phone != nil {
			emulate(t, ctx, *screen.phone)
		}
		choose(t, ctx, srv.URL, screen.d)
		navigate(t, ctx, srv.URL+"/circulars/2023/14/")
		eval[bool](t, ctx, openAll)
		tabTo(t, ctx, "#appendix caption a", false)
		links := 0
		for eval[bool](t, ctx, `!!document.activeElement.closest("#appendix")`) {
			if problem := eval[string](t, ctx, focusSeenJS); problem != "" {
				t.Errorf("%s: the focused %s is not seen whole: %s", screen.name, eval[string](t, ctx, describeFocus), problem)
			}
			links++
			key(t, ctx, kb.Tab)
		}
		if want := eval[int](t, ctx, `[...document.querySelectorAll("#appendix caption a")].length`); want < 2 || links < want {
			t.Errorf("%s: %d links tabbed through; the appendix's captions alone have %d", screen.name, links, want)
		}
	}
}
