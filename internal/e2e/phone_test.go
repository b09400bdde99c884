package e2e

import (
	"context"
	"fmt"
	"testing"
	"tongbao/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// A phone is a screen the site must fit: the narrowest in use, 320 × 568
// (the first iPhone SE), and a common one, 390 × 844.
type phone struct{ w, h int64 }

var phones = []phone{{320, 568}, {390, 844}}

func (p phone) String() string { return fmt.Sprintf("%d×%d", p.w, p.h) }

// A display is what a reader chose with the page's controls, as senior.js
// keeps it in localStorage: the 适老模式 ("on") and the font size ("large",
// "small" or "" for 中).
type display struct{ name, senior, font string }

var (
	normal  = display{"normal", "", ""}
	senior  = display{"适老模式", "on", ""}
	largest = display{"适老模式+大", "on", "large"}
)

// emulate makes the tab a phone: its width, height, a touch screen and
// the mobile viewport, which honours <meta name="viewport"> — and, like a
// phone, widens the layout viewport to a page that is wider than the
// screen, so that innerWidth shows an overflow too.
func emulate(t *testing.T, ctx context.Context, p phone) {
	t.Helper()
	run(t, ctx, "emulating a "+p.String()+" phone", chromedp.EmulateViewport(p.w, p.h, chromedp.EmulateMobile, chromedp.EmulatePortrait))
}

// choose stores a reader's display choices for the site at base; the
// pages opened after it show them.
func choose(t *testing.T, ctx context.Context, base string, d display) {
	t.Helper()
	navigate(t, ctx, base+"/")
	set := func(key, value string) string {
		if value == "" {
			return "localStorage.removeItem(" + browsertest.Quote(key) + ");"
		}
		return "localStorage.setItem(" + browsertest.Quote(key) + ", " + browsertest.Quote(value) + ");"
	}
	eval[bool](t, ctx, "(() => {"+set("tongbao-senior", d.senior)+set("tongbao-font", d.font)+"return true; })()")
}

// openAll opens every <details> (a circular's appendix) and waits two
// frames, for page.js to mark the tables that scroll.
const openAll = `new Promise(done => {
  document.querySelectorAll("details").forEach(d => d.open = true);
  requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
})`

// overflowJS measures the page against a screen %[1]d px wide. It returns
// the page's width (document.documentElement.scrollWidth) first, then one
// line for each problem: a layout viewport wider than the screen, a page
// wider than it, and every element that sticks out of it on either side
// without being inside a box that scrolls or clips it. An absolutely
// positioned element is clipped only by a scroll box that contains its
// containing block: the hidden words of a table cell escaped the table's
// scroll box that way.
const overflowJS = `(() => {
  const W = %[1]d, root = document.documentElement, out = [String(root.scrollWidth)];
  if (innerWidth !== W) out.push("the layout viewport is " + innerWidth + " px wide");
  if (root.scrollWidth > W) out.push("the page is " + root.scrollWidth + " px wide");
  const containing = e => {
    const pos = getComputedStyle(e).position;
    if (pos === "fixed") return null;
    let p = e.parentElement;
    if (pos === "absolute") while (p && p !== root && getComputedStyle(p).position === "static") p = p.parentElement;
    return p;
  };
  const clipped = e => {
    for (let p = containing(e); p && p !== document.body && p !== root; p = containing(p))
      if (getComputedStyle(p).overflowX !== "visible") return true;
    return false;
  };
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\s+/).join(".") : "");
  const outside = r => (r.width > 0 || r.height > 0) && (r.right > W + 0.5 || r.left < -0.5);
  const report = (what, r, text) => out.push(what + " from " + Math.round(r.left) + " to " + Math.round(r.right) + " px: " + JSON.stringify(text.trim().slice(0, 20)));
  for (const e of document.body.querySelectorAll("*")) {
    const r = e.getBoundingClientRect();
    if (outside(r) && !clipped(e)) report(name(e), r, e.textContent);
    if (out.length > 8) return out;
  }
  // Text that does not wrap sticks out of a box that fits.
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t; (t = texts.nextNode());) {
    const p = t.parentElement, range = document.createRange();
    range.selectNodeContents(t);
    const r = range.getBoundingClientRect();
    if (outside(r) && getComputedStyle(p).overflowX === "visible" && !clipped(p)) report("the text of " + name(p), r, t.data);
    if (out.length > 8) return out;
  }
  return out;
})()`

// TestPhoneWidth opens every page type of the sample site and of the
// five-year demo on phones 320 and 390 px wide, in the normal display and
// the 适老模式 (and, on the narrowest, with 大 as well, the largest text),
// with every <details> open: no page is wider than the screen and nothing
// sticks out of it except inside a box that scrolls. Before issue 15 the
// indicator pages with township ranks were 628–694 px wide at 390 px.
func TestPhoneWidth(t *testing.T) {
	ctx := browsertest.Start(t)
	for _, s := range []struct{ name, dir string }{{"sample", sampleSite(t)}, {"demo", demoSite(t)}} {
		outs := renderSite(t, s.dir)
		srv := serveOutputs(t, outs)
		types := pageTypes(t, s.dir, outs)
		for _, p := range phones {
			emulate(t, ctx, p)
			displays := []display{normal, senior}
			if p.w == 320 {
				displays = append(displays, largest)
			}
			for _, d := range displays {
				choose(t, ctx, srv.URL, d)
				widest, at := 0, ""
				for _, pt := range types {
					navigate(t, ctx, srv.URL+"/"+pt.Path)
					eval[bool](t, ctx, openAll)
					got := eval[[]string](t, ctx, fmt.Sprintf(overflowJS, p.w))
					var w int
					fmt.Sscan(got[0], &w)
					if w > widest {
						widest, at = w, describe(pt)
					}
					for _, problem := range got[1:] {
						t.Errorf("%s, %s, %s, %s: %s", s.name, p, d.name, describe(pt), problem)
					}
				}
				t.Logf("%s, %s, %s: %d page types, the widest %d px (%s)", s.name, p, d.name, len(types), widest, at)
			}
		}
	}
}
