package e2e

import (
	"context"
	"fmt"
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

