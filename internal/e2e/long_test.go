package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"tongbao/internal/browsertest"
	"tongbao/internal/demo"
	"tongbao/internal/site"
)

// What a reader meets on the long pages of a long archive — a town's 32
// 村（社区） in its heat map, twenty years of a unit's matrices — on a
// phone, with the keyboard and in the 适老模式 (the accessibility review's
// findings beyond axe, against GB/T 37668-2019 and the MIIT's 适老化 norm).

// archiveSite writes a demo of the given years from the sample, as
// `tongbao gen-demo --years` does.
func archiveSite(t *testing.T, years int) string {
	t.Helper()
	sample, err := site.Load(moduleRoot(t))
	if err != nil {
		t.Fatalf("loading the sample site: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "archive")
	if err := demo.Write(dir, sample, years, 1); err != nil {
		t.Fatalf("writing the demo: %v", err)
	}
	return dir
}

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
// the head stays at the top of the window, each month over its column,
// the units' word in the corner over the first column, which stays at the
// left; the head scrolled out of sight after twelve rows. A year too wide
// for the phone scrolls sideways in its box and with the page downwards,
// its head following the page (it was a box as high as the window that
// scrolled the rows itself, a scroll within the page's), and stops over
// its last row. In forced colours the head's cells are
// opaque over the rows under them; printed, the head is not sticky (the
// table's head repeats on each sheet instead).
func TestMatrixHeadStays(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
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
					if !scrolls || by > 0 {
						continue
					}
					// The page scrolls the rows, not a box within it:
					// the box is as high as its table, and the head,
					// following the page down, stops over the last row.
					if got := eval[string](t, ctx, fmt.Sprintf(`new Promise(done => {
					  const table = document.querySelectorAll(".matrix")[%d], wrap = table.closest(".table-wrap"), rows = table.tBodies[0].rows;
					  const out = [];
					  if (wrap.scrollHeight > wrap.clientHeight + 1) out.push("its box scrolls the rows: " + wrap.clientHeight + " px high of " + wrap.scrollHeight);
					  window.scrollBy(0, table.getBoundingClientRect().bottom - 100);
					  requestAnimationFrame(() => requestAnimationFrame(() => {
					    const head = table.tHead.rows[0].cells[1].getBoundingClientRect(), last = rows[rows.length - 1].getBoundingClientRect();
					    if (head.bottom > last.top + 0.5) out.push("past the table the head's bottom is at " + Math.round(head.bottom) + " px, over the last row at " + Math.round(last.top));
					    done(out.join("; "));
					  }));
					})`, i)); got != "" {
						t.Errorf("%s, %s, year %d: %s", s, d.name, i+1, got)
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

// TestMatrixHeadStaysGrouped: a year's matrix of a group of an
// indicator of an office whose units are ranked in two groups
// (groupedVillageSite; an indicator's page, as /rankings/, gives each
// group a section and a table a year), too wide for a phone in the
// 适老模式, scrolls sideways in its box and with the page downwards, its
// head following the page down to the group's last row. With the row
// each group ends with for paper, hidden on screen, it would not have
// moved at all; in a year's matrix of every group it stopped at the
// first group's last row (page.js measured the first <tbody>).
func TestMatrixHeadStaysGrouped(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir, _ := groupedVillageSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	use(t, ctx, phoneAndDesktop[0])
	choose(t, ctx, srv.URL, senior)
	navigate(t, ctx, srv.URL+"/indicators/gdp/#group-2") // 市辖区组's section, opened
	// The year of ten months (the demo's 3月–12月), the group's second
	// matrix.
	if !eval[bool](t, ctx, `document.querySelectorAll("#group-2 .matrix")[1].closest(".table-wrap").hasAttribute("data-scroll")`) {
		t.Fatal("a year of ten months fits the phone in the 适老模式; the test wants one that scrolls")
	}
	// The page ends a little below the table: room below it, that the
	// page may scroll the table's bottom near the window's top.
	got := eval[string](t, ctx, `new Promise(done => {
	  const table = document.querySelectorAll("#group-2 .matrix")[1];
	  const last = [...table.querySelectorAll("tbody tr")].filter(r => !r.hidden).pop();
	  document.body.style.paddingBottom = "100vh";
	  window.scrollBy(0, table.getBoundingClientRect().bottom - 100);
	  requestAnimationFrame(() => requestAnimationFrame(() => {
	    const head = table.tHead.rows[0].cells[1].getBoundingClientRect(), row = last.getBoundingClientRect();
	    done(last.cells[0].textContent + " " + Math.round(row.top - head.bottom));
	  }));
	})`)
	// By hand: 湛河区 is 市辖区组's last unit of units.toml's three and
	// 枫林社区 the last village of its twelve.
	if name, gap, _ := strings.Cut(got, " "); name != "枫林社区" || gap != "0" {
		t.Errorf("past the table, the head's bottom is %s px above the last row (%s); it follows the page down to the last row, 0 px", gap, name)
	}
}

// TestMatrixFocusBelowHead: Shift+Tab up the 32 names of the newest year's
// heat map, its head stuck over the rows, shows each name whole and out
// from under the head (page.js), on a phone and a desktop.
func TestMatrixFocusBelowHead(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
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

// tabStopsJS counts what Tab stops at within the element at %s: the
// elements that take focus from it (tabIndex ≥ 0), are shown and are not
// disabled; then the links there.
const tabStopsJS = `(() => {
  const scope = document.querySelector(%s);
  const stops = [...scope.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0 && !e.closest("[hidden], [inert]"));
  return [stops.length, scope.querySelectorAll("a[href]").length];
})()`

// TestLongHistoryTabStops reads a twenty-year archive's longest pages on
// a desktop: a township's (东风路街道), an indicator's (规模工业增加值) and
// /rankings/. Each history page lists its sections and each year's table
// in a 本页目录 before its first section, whose links lead to them; a
// matrix's link to a page a link before it already leads to is not a
// stop of Tab, and is still a link: the keyboard reaches each page once
// (the main part of 东风路街道's page took 930 presses of Tab to cross,
// its matrices repeating the 16 indicators ranking it in each of 21
// years, and the months of its composite table), the mouse and a screen
// reader every link the page had.
func TestLongHistoryTabStops(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := archiveSite(t, 20)
	outs := renderSite(t, dir)
	srv := serveOutputs(t, outs)
	use(t, ctx, phoneAndDesktop[1])
	choose(t, ctx, srv.URL, normal)
	for _, p := range []struct {
		path string
		// sections are the page's sections, as the 本页目录 lists them.
		sections []string
		// rows are the pages a matrix's rows link to, each a stop of
		// Tab once; months says whether the months' links are stops too
		// (no table before the matrices links every month).
		rows   int
		months bool
	}{
		{"units/dongfenglu/", []string{"综合考核排名", "季度和年度综合考核排名", "各单项指标排名", "奖惩情况"}, 16, false},
		{"indicators/gongye/", []string{"全市排名和三区排名", "乡镇（街道）排名"}, 12, false},
		{"rankings/", nil, 12, true},
	} {
		navigate(t, ctx, srv.URL+"/"+p.path)
		// The page as served, before page.js: its links.
		served := eval[int](t, ctx, `fetch(location.href).then(r => r.text()).then(s => new DOMParser().parseFromString(s, "text/html").querySelectorAll("main a[href]").length)`)
		got := eval[[]int](t, ctx, fmt.Sprintf(tabStopsJS, browsertest.Quote("main")))
		t.Logf("/%s: %d stops of Tab in the page's main part, %d links (%d served)", p.path, got[0], got[1], served)
		if got[1] != served {
			t.Errorf("/%s: %d links, the page as served has %d", p.path, got[1], served)
		}
		years := eval[int](t, ctx, `document.querySelectorAll(".matrix").length`)
		if years != 21 {
			t.Fatalf("/%s: %d matrices; the twenty years from 2003年3月 to 2023年2月 span 21", p.path, years)
		}
		// A page a row leads to that a link above the matrices leads to
		// already (a unit's lead names the indicators it was last on) is
		// reached there: the rows' stops and those are the rows once.
		matrices := eval[[]int](t, ctx, `(() => {
		  const links = [...document.querySelectorAll(".matrix a[href]")];
		  const stops = links.filter(a => a.tabIndex >= 0);
		  const rows = new Set([...document.querySelectorAll(".matrix tbody a[href]")].map(a => a.getAttribute("href")));
		  const first = document.querySelector(".matrix");
		  const above = new Set([...document.querySelectorAll("main a[href]")].filter(a => a.tabIndex >= 0 && rows.has(a.getAttribute("href")) &&
		    (a.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)).map(a => a.getAttribute("href")));
		  return [stops.filter(a => a.closest("tbody")).length + above.size, stops.filter(a => a.closest("thead")).length, links.filter(a => a.closest("[aria-hidden]")).length];
		})()`)
		months := 0
		if p.months {
			months = 240
		}
		if matrices[0] != p.rows || matrices[1] != months || matrices[2] != 0 {
			t.Errorf("/%s: the matrices' rows' links that are stops of Tab, its months', and their links hidden: %d, %d, %d; want %d, %d, 0", p.path, matrices[0], matrices[1], matrices[2], p.rows, months)
		}
		if p.sections == nil {
			continue
		}
		toc := eval[[]string](t, ctx, `(() => {
		  const nav = document.querySelector('main nav[aria-label="本页目录"]'), first = document.querySelector("main h2");
		  if (!nav || !(nav.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)) return ["no 本页目录 before the first section"];
		  return [...nav.querySelectorAll("a")].map(a => {
		    const target = document.getElementById(a.hash.slice(1));
		    return a.textContent + " → " + (target ? target.textContent.replace(/\s+/g, "") : "nothing");
		  });
		})()`)
		var want []string
		for _, s := range p.sections {
			want = append(want, s+" → "+s)
		}
		for y := 2023; y >= 2003; y-- {
			caption := "乡镇（街道）"
			if strings.HasPrefix(p.path, "units/") {
				caption = "各单项指标"
			}
			want = append(want, fmt.Sprintf("%d → %d年%s排名", y, y, caption))
		}
		if !slices.Equal(toc, want) {
			t.Errorf("/%s: the 本页目录 leads\n%q\nwant\n%q", p.path, toc, want)
		}
		// Its link to a year far down, pressed, brings that year's table
		// to the top of the window.
		eval[bool](t, ctx, `(document.querySelector('main nav[aria-label="本页目录"] a[href="#y2010"]').focus(), true)`)
		key(t, ctx, kb.Enter)
		eval[bool](t, ctx, `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
		if top := eval[float64](t, ctx, `document.getElementById("y2010").getBoundingClientRect().top`); top < -1 || top > 40 {
			t.Errorf("/%s: the 本页目录's 2010 pressed, the year's caption is %.0f px down the window", p.path, top)
		}
	}
}

// TestPhoneHeaderOrder: the 适老模式 button is the third stop of Tab (after
// 跳到正文 and the site's name), before the navigation and the search, on
// the phones and a desktop, in every display — it came after them, seven
// presses in, an older reader's way to it the longest; and the header's
// stops are in the order a reader sees them, row by row, left to right.
func TestPhoneHeaderOrder(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
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

// targetsJS measures the links of the matrices' heads and first columns
// on the page: the smallest width and height of each kind, and the most
// a link falls short of its cell (within its borders) on any side.
const targetsJS = `(() => {
  const out = {};
  for (const [kind, sel] of [["head", ".matrix thead th > a"], ["row", ".matrix tbody th > a"]]) {
    let w = 1e9, h = 1e9, short = 0;
    for (const a of document.querySelectorAll(sel)) {
      const r = a.getBoundingClientRect(), c = a.parentElement, s = getComputedStyle(c), b = c.getBoundingClientRect();
      w = Math.min(w, r.width); h = Math.min(h, r.height);
      short = Math.max(short, r.left - b.left - parseFloat(s.borderLeftWidth), b.right - parseFloat(s.borderRightWidth) - r.right, r.top - b.top - parseFloat(s.borderTopWidth), b.bottom - parseFloat(s.borderBottomWidth) - r.bottom);
    }
    out[kind] = [w, h, short].map(v => Math.round(v * 10) / 10);
  }
  return out;
})()`

// TestSeniorTargets measures the matrices' links on a 360 px phone and a
// desktop. Each fills its cell, the finger's target (a month's link was
// 24 × 21 px of a 49 × 37 cell, 30 × 27 of 57 × 50 in the 适老模式); a
// month is at least 60 × 60 px in the 适老模式, as the MIIT's 适老化 norm
// recommends, and every link 44 × 44 there (WCAG 2.5.5) and 24 × 24
// (WCAG 2.5.8) in the normal display. On a unit's page the rank chart's
// axis labels are a quarter larger in the 适老模式, as the text is (in the
// drawing's units: its box is a little narrower in the mode), and still
// apart and inside the drawing; so is its heading (on the screen, in px:
// in the mode it is the page's text above the drawing), which reads the
// whole title there (the drawing's cut a long one short with …). The
// heading did not grow: 15.9 px on the phone, 15.3 in the mode.
func TestSeniorTargets(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, demoSite(t)))
	for _, s := range phoneAndDesktop {
		use(t, ctx, s)
		labels, headings := map[display]float64{}, map[display]float64{}
		for _, d := range []display{normal, senior} {
			choose(t, ctx, srv.URL, d)
			for _, page := range []string{"rankings/", "units/dongfenglu/", "indicators/gongye/"} {
				navigate(t, ctx, srv.URL+"/"+page)
				got := eval[map[string][]float64](t, ctx, targetsJS)
				least := map[string][2]float64{"head": {24, 24}, "row": {24, 24}}
				if d == senior {
					least = map[string][2]float64{"head": {60, 60}, "row": {44, 44}}
				}
				for _, kind := range []string{"head", "row"} {
					m := got[kind]
					t.Logf("%s, %s, /%s, %s: at least %.1f × %.1f px, %.1f px short of its cell", s, d.name, page, kind, m[0], m[1], m[2])
					if m[0] < least[kind][0] || m[1] < least[kind][1] || m[2] > 0.5 {
						t.Errorf("%s, %s, /%s: the %s links are at least %.1f × %.1f px and fall %.1f px short of their cells; want %.0f × %.0f and filled", s, d.name, page, kind, m[0], m[1], m[2], least[kind][0], least[kind][1])
					}
				}
			}
			navigate(t, ctx, srv.URL+"/units/dongfenglu/")
			got := eval[[]string](t, ctx, `(() => {
			  const svg = [...document.querySelectorAll(".rank-chart")].find(s => s.getBoundingClientRect().width > 0), box = svg.getBoundingClientRect();
			  const texts = [...svg.querySelectorAll(".chart-axis text, .chart-grid > text:not(.chart-heading)")];
			  const out = [String(Math.min(...texts.map(e => e.getBoundingClientRect().height)) / (box.width / svg.viewBox.baseVal.width))];
			  const years = [...svg.querySelectorAll(".chart-axis text")].map(e => e.getBoundingClientRect());
			  for (let i = 1; i < years.length; i++) if (years[i].left < years[i - 1].right + 2) out.push("years " + (i - 1) + " and " + i + " overlap");
			  for (const e of texts) { const r = e.getBoundingClientRect(); if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) out.push(JSON.stringify(e.textContent) + " outside the drawing"); }
			  return out;
			})()`)
			var h float64
			fmt.Sscan(got[0], &h)
			labels[d] = h
			for _, problem := range got[1:] {
				t.Errorf("%s, %s: the chart's labels: %s", s, d.name, problem)
			}
			// The heading seen over the chart shown: its size on the
			// screen, in px, and in the 适老模式 the whole title.
			heading := eval[[]string](t, ctx, `(() => {
			  const wrap = document.querySelector(".chart-wrap"), svg = [...wrap.querySelectorAll(".rank-chart")].find(s => s.getBoundingClientRect().width > 0);
			  const seen = [...wrap.querySelectorAll(".chart-title, .chart-heading")].filter(e => e.getBoundingClientRect().width > 0);
			  if (!seen.length) return ["0", "no heading seen"];
			  let px = parseFloat(getComputedStyle(seen[0]).fontSize);
			  if (seen[0].ownerSVGElement) px *= seen[0].ownerSVGElement.getBoundingClientRect().width / seen[0].ownerSVGElement.viewBox.baseVal.width;
			  return [String(px), seen.map(e => e.textContent).join(""), svg.querySelector("title").textContent];
			})()`)
			fmt.Sscan(heading[0], &h)
			headings[d] = h
			if d == senior && (len(heading) != 3 || heading[1] != heading[2]) {
				t.Errorf("%s, %s: the chart's heading reads %q; want its whole title", s, d.name, heading[1:])
			}
		}
		t.Logf("%s: the chart's labels are %.1f units high, %.1f in the 适老模式", s, labels[normal], labels[senior])
		if ratio := labels[senior] / labels[normal]; ratio < 1.2 {
			t.Errorf("%s: the chart's labels are %.1f units high in the 适老模式, %.2f times the normal display's %.1f; want a quarter larger", s, labels[senior], ratio, labels[normal])
		}
		t.Logf("%s: the chart's heading is %.1f px, %.1f in the 适老模式", s, headings[normal], headings[senior])
		if ratio := headings[senior] / headings[normal]; ratio < 1.2 {
			t.Errorf("%s: the chart's heading is %.1f px in the 适老模式, %.2f times the normal display's %.1f; want a quarter larger, as its labels", s, headings[senior], ratio, headings[normal])
		}
	}
}
