package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"tongbao/internal/browsertest"
)

// What a reader meets on the long pages of a long archive — a town's 32
// 村（社区） in its heat map, twenty years of a unit's matrices — on a
// phone, with the keyboard and in the 适老模式 (the accessibility review's
// findings beyond axe, against GB/T 37668-2019 and the MIIT's 适老化 norm).

// A screen is a window the tests read the pages in: a phone (emulated as
// one) or a desktop's.
type screen struct {
	w, h  int64
	phone bool
}

func (s screen) String() string { return fmt.Sprintf("%d×%d", s.w, s.h) }

var phoneAndDesktop = []screen{{360, 740, true}, {1280, 800, false}}

// use makes the tab the screen s.
func use(t *testing.T, ctx context.Context, s screen) {
	t.Helper()
	if s.phone {
		emulate(t, ctx, phone{s.w, s.h})
		return
	}
	run(t, ctx, "a desktop screen", chromedp.EmulateViewport(s.w, s.h))
}

// headSeenJS scrolls the 21st row of matrix %d of the page into the
// middle of the window — in its box, and the page — then scrolls the box
// %d px sideways, and says what a reader there sees of the months: "" when
// the head's cells are in the window (or at the top of the box, which may
// be a pixel above it), above the row, each in its column
// (its left and right those of the row's cell below it) and not covered;
// the units' word in the corner over the first column, which stays at the
// box's left edge. It begins with the head's top, in px from the
// window's.
const headSeenJS = `new Promise(done => {
  const table = document.querySelectorAll(".matrix")[%d], wrap = table.closest(".table-wrap");
  const row = table.tBodies[0].rows[20];
  row.scrollIntoView({block: "center"});
  wrap.scrollLeft = %d;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const out = [], head = table.tHead.rows[0], top = head.cells[1].getBoundingClientRect().top;
    const rowTop = row.getBoundingClientRect().top, box = wrap.getBoundingClientRect();
    const first = head.cells[0].getBoundingClientRect().right;
    for (let i = 0; i < head.cells.length; i++) {
      const h = head.cells[i], r = h.getBoundingClientRect(), below = row.cells[i].getBoundingClientRect();
      if (i > 0 && (r.right <= first + 4 || r.left >= box.right - 4)) continue; // scrolled under the first column or out of the box
      const name = JSON.stringify(h.textContent.trim());
      if (r.top < Math.min(box.top, 0) - 0.5 || r.bottom > rowTop + 0.5) { out.push(name + " from " + Math.round(r.top) + " to " + Math.round(r.bottom) + " px, the row at " + Math.round(rowTop)); continue; }
      if (Math.abs(r.left - below.left) > 0.5 || Math.abs(r.right - below.right) > 0.5) out.push(name + " over " + Math.round(below.left) + "–" + Math.round(below.right) + " px at " + Math.round(r.left) + "–" + Math.round(r.right));
      const x = (i > 0 ? Math.max(r.left, first) : r.left) + 4, hit = document.elementFromPoint(x, (r.top + r.bottom) / 2);
      if (!hit || !h.contains(hit)) out.push(name + " covered by " + (hit ? hit.tagName.toLowerCase() + " " + JSON.stringify(hit.textContent.trim().slice(0, 8)) : "nothing"));
    }
    const corner = head.cells[0].getBoundingClientRect(), name = row.cells[0].getBoundingClientRect();
    if (Math.abs(corner.left - box.left) > 1.5 || Math.abs(name.left - box.left) > 1.5) out.push("the first column at " + Math.round(corner.left) + " and " + Math.round(name.left) + " px, the box's edge at " + Math.round(box.left));
    done(Math.round(top) + (out.length ? ": " + out.join("; ") : ""));
  }));
})`

// TestMatrixHeadStays: on /rankings/ of a town's 32 村（社区）, a reader
// at the 21st row of a year's heat map sees the months over it, on a
// 360 px phone and on a desktop, in the normal display and the 适老模式:
// the head stays at the top of the window (of the box that scrolls a
// year too wide for the phone, and that box as high as the window at the
// most), each month over its column, the units' word in the corner over
// the first column, which stays at the left; the head scrolled out of
// sight after twelve rows. In forced colours the head's cells are
// opaque over the rows under them; printed, the head is not sticky (the
// table's head repeats on each sheet instead).
func TestMatrixHeadStays(t *testing.T) {
	ctx := browsertest.Start(t)
	srv := serveOutputs(t, renderSite(t, villageSite(t, 2)))
	for _, s := range phoneAndDesktop {
		use(t, ctx, s)
		for _, d := range []display{normal, senior} {
			choose(t, ctx, srv.URL, d)
			navigate(t, ctx, srv.URL+"/rankings/")
			// The newest year (two months) and the year before (twelve,
			// which a phone scrolls sideways), unscrolled and 100 px on.
			for i := range 2 {
				scrolls := eval[bool](t, ctx, fmt.Sprintf(`document.querySelectorAll(".matrix")[%d].closest(".table-wrap").hasAttribute("data-scroll")`, i))
				if s.phone && d == senior && i == 1 && !scrolls {
					t.Fatalf("%s, %s: a year of twelve months fits the phone; the test wants one that scrolls", s, d.name)
				}
				for _, by := range []int{0, 100} {
					if by > 0 && !scrolls {
						continue
					}
					got := eval[string](t, ctx, fmt.Sprintf(headSeenJS, i, by))
					top, problems, _ := strings.Cut(got, ": ")
					if problems != "" {
						t.Errorf("%s, %s, year %d scrolled %d px sideways: the months at the 21st row (their top at %s px): %s", s, d.name, i+1, by, top, problems)
					}
					if box := eval[float64](t, ctx, fmt.Sprintf(`document.querySelectorAll(".matrix")[%d].closest(".table-wrap").getBoundingClientRect().height`, i)); scrolls && box > float64(s.h)+0.5 {
						t.Errorf("%s, %s, year %d: its box is %.0f px high, higher than the window", s, d.name, i+1, box)
					}
				}
			}
		}
	}
	use(t, ctx, phoneAndDesktop[0])
	emulateFeatures(t, ctx, map[string]string{"forced-colors": "active", "prefers-color-scheme": "dark"})
	choose(t, ctx, srv.URL, normal)
	navigate(t, ctx, srv.URL+"/rankings/")
	if got := eval[string](t, ctx, fmt.Sprintf(headSeenJS, 1, 100)); strings.Contains(got, ": ") {
		t.Errorf("forced colours: the months at the 21st row: %s", got)
	}
	if got := eval[[]string](t, ctx, `[...document.querySelectorAll(".matrix thead th")].map(th => getComputedStyle(th).backgroundColor).filter(c => !/^rgb\(/.test(c))`); len(got) > 0 {
		t.Errorf("forced colours: the head's cells are not opaque: %q", got)
	}
	emulateFeatures(t, ctx, map[string]string{})
	emulateMedia(t, ctx, "print")
	if got := eval[string](t, ctx, `getComputedStyle(document.querySelector(".matrix thead th + th")).position + " " + getComputedStyle(document.querySelector(".matrix")).display`); got != "static table" {
		t.Errorf("printed: the head's position and the table's display are %q; want static table", got)
	}
	emulateMedia(t, ctx, "")
}

// TestMatrixFocusBelowHead: Shift+Tab up the 32 names of the newest year's
// heat map, its head stuck over the rows, shows each name whole and out
// from under the head (page.js), on a phone and a desktop.
func TestMatrixFocusBelowHead(t *testing.T) {
	ctx := browsertest.Start(t)
	srv := serveOutputs(t, renderSite(t, villageSite(t, 2)))
	for _, s := range phoneAndDesktop {
		use(t, ctx, s)
		for _, d := range []display{normal, senior} {
			choose(t, ctx, srv.URL, d)
			navigate(t, ctx, srv.URL+"/rankings/")
			eval[bool](t, ctx, `(document.querySelector(".matrix").tBodies[0].rows[31].querySelector("a").focus(), true)`)
			for i := 30; i >= 0; i-- {
				key(t, ctx, kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))
				eval[bool](t, ctx, `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
				if want, got := villageNames[i], eval[string](t, ctx, `document.activeElement.textContent`); got != want {
					t.Fatalf("%s, %s: Shift+Tab reached %q, want %q", s, d.name, got, want)
				}
				if problem := eval[string](t, ctx, focusSeenJS); problem != "" {
					t.Errorf("%s, %s: the focused %s is not seen whole: %s", s, d.name, villageNames[i], problem)
				}
			}
		}
	}
}

// TestPhoneHeaderOrder: the 适老模式 button is the third stop of Tab (after
// 跳到正文 and the site's name), before the navigation and the search, on
// the phones and a desktop, in every display — it came after them, seven
// presses in, an older reader's way to it the longest; and the header's
// stops are in the order a reader sees them, row by row, left to right.
func TestPhoneHeaderOrder(t *testing.T) {
	ctx := browsertest.Start(t)
	srv := serveOutputs(t, renderSite(t, sampleSite(t)))
	for _, s := range []screen{{320, 568, true}, {360, 740, true}, {390, 844, true}, {1280, 800, false}} {
		use(t, ctx, s)
		for _, d := range []display{normal, senior, largest} {
			choose(t, ctx, srv.URL, d)
			navigate(t, ctx, srv.URL+"/rankings/")
			presses := 0
			for presses < 12 && !eval[bool](t, ctx, `document.activeElement.matches("[data-senior-toggle]")`) {
				key(t, ctx, kb.Tab)
				presses++
			}
			if presses != 3 {
				t.Errorf("%s, %s: the 适老模式 button is reached with %d presses of Tab; want 3", s, d.name, presses)
			}
			// The header's stops in the page's order, each after the one
			// before as the eye reads: on its row further right, or on a
			// row below.
			if got := eval[[]string](t, ctx, `(() => {
			  const stops = [...document.querySelectorAll(".site-header a[href], .site-header button, .site-header input")].filter(e => e.getClientRects().length > 0);
			  const out = [];
			  for (let i = 1; i < stops.length; i++) {
			    const a = stops[i - 1].getBoundingClientRect(), b = stops[i].getBoundingClientRect();
			    const sameRow = b.top < a.bottom && b.bottom > a.top;
			    if (sameRow ? b.left < a.right - 0.5 : b.top < a.bottom - 0.5) out.push(stops[i - 1].textContent.trim() + " → " + (stops[i].textContent.trim() || stops[i].placeholder));
			  }
			  return out;
			})()`); len(got) > 0 {
				t.Errorf("%s, %s: the header's stops of Tab out of the order they are seen in: %q", s, d.name, got)
			}
		}
	}
}

