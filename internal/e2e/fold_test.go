package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"tongbao/internal/browsertest"
)

// The long pages of a large office on a phone: /rankings/ of an office
// whose units rank in groups gives each group a section (details.fold), a
// phone folds them and the 本页目录 leads to each; /data/ folds its field
// tables. What a fold holds is still found: a link into it, find in page
// (a text fragment, which Chromium reveals as it does a match of find in
// page) and paper open it.

// foldsJS lists the folds of the page, each as its id and "open" or
// "folded".
const foldsJS = `[...document.querySelectorAll("details.fold")].map(d => d.id + " " + (d.open ? "open" : "folded"))`

// frames waits two frames, for page.js and the browser to lay out.
const frames = `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`

// TestGroupJumpList reads /rankings/ of an office of two groups
// (groupedVillageSite: 县（市）组 of four counties and twenty villages,
// 市辖区组 of three districts and twelve) on a 360 px phone, in the
// normal display and the 适老模式, and on a desktop. On the phone both
// groups' sections are folded, on the desktop open; the 本页目录 leads to
// each group, in units.toml's order, and its link pressed with the
// keyboard opens the group's section at the top of the window, the next
// Tab reaching into it; its 返回顶部 brings the page's main part back to
// the top, with the focus.
func TestGroupJumpList(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir, _ := groupedVillageSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	for _, s := range phoneAndDesktop {
		use(t, ctx, s)
		for _, d := range []display{normal, senior} {
			choose(t, ctx, srv.URL, d)
			navigate(t, ctx, srv.URL+"/rankings/")
			want := []string{"group-1 folded", "group-2 folded"}
			if !s.phone {
				want = []string{"group-1 open", "group-2 open"}
			}
			if got := eval[[]string](t, ctx, foldsJS); !slices.Equal(got, want) {
				t.Errorf("%s, %s: the groups' sections are %q; want %q", s, d.name, got, want)
			}
			// The 本页目录: a nav named for a screen reader, its groups'
			// links after the heat map's.
			toc := eval[[]string](t, ctx, `[...document.querySelectorAll('main nav[aria-label="本页目录"] li > a')].map(a => a.getAttribute("href") + " " + a.textContent)`)
			if len(toc) < 3 || !slices.Equal(toc[1:3], []string{"#group-1 县（市）组", "#group-2 市辖区组"}) {
				t.Fatalf("%s, %s: the 本页目录 leads to %q; want the heat map's, then #group-1 县（市）组, #group-2 市辖区组", s, d.name, toc)
			}
			eval[bool](t, ctx, `(document.querySelector('main nav[aria-label="本页目录"] a[href="#group-2"]').focus(), true)`)
			key(t, ctx, kb.Enter)
			eval[bool](t, ctx, frames)
			if got := eval[[]string](t, ctx, foldsJS); got[1] != "group-2 open" {
				t.Errorf("%s, %s: the 本页目录's 市辖区组 pressed, the sections are %q", s, d.name, got)
			}
			if top := eval[float64](t, ctx, `document.getElementById("group-2").getBoundingClientRect().top`); top < -1 || top > 40 {
				t.Errorf("%s, %s: the 本页目录's 市辖区组 pressed, its section is %.0f px down the window", s, d.name, top)
			}
			// By hand: 枫林社区, the last of villageNames, ranks in 市辖区组.
			if !eval[bool](t, ctx, `(() => { const a = [...document.querySelectorAll("#group-2 .matrix tbody th a")].find(a => a.textContent === "枫林社区"); return !!a && a.getClientRects().length > 0; })()`) {
				t.Errorf("%s, %s: 市辖区组's section opened does not show 枫林社区's row", s, d.name)
			}
			key(t, ctx, kb.Tab)
			if got := eval[string](t, ctx, `document.activeElement.closest("#group-2") ? "" : document.activeElement.outerHTML.slice(0, 80)`); got != "" {
				t.Errorf("%s, %s: Tab after the 本页目录's 市辖区组 reaches %s, outside the group's section", s, d.name, got)
			}
			// The summary, a finger's target: 44 px high, 60 in the 适老模式.
			least := 44.0
			if d == senior {
				least = 60
			}
			if h := eval[float64](t, ctx, `document.querySelector("#group-2 > summary").getBoundingClientRect().height`); h < least-0.5 {
				t.Errorf("%s, %s: a group's summary is %.1f px high; want %.0f", s, d.name, h, least)
			}
			// 返回顶部 at the end of the section.
			eval[bool](t, ctx, `(document.querySelector("#group-2 .back-to-top a").focus(), true)`)
			key(t, ctx, kb.Enter)
			eval[bool](t, ctx, frames)
			if got := eval[string](t, ctx, `Math.round(document.getElementById("main").getBoundingClientRect().top) + " " + document.activeElement.id`); got != "0 main" {
				t.Errorf("%s, %s: 返回顶部 pressed, the main part's top is at and the focus on %q; want 0 px and main", s, d.name, got)
			}
		}
	}
}

// TestFoldOpensOnLinkAndFind: on a 360 px phone, where /rankings/ folds
// its groups, an address that points into a group's section (the caption
// of one of its years) opens that section and no other, the caption at
// the top of the window; and so does find in page, a text fragment of a
// unit's name (枫林社区, of 市辖区组); a section folded by hand opens
// when the address changes to a point inside it. /data/'s field tables,
// folded everywhere, open likewise, and so do its periods of a year
// before the newest, a table a year.
func TestFoldOpensOnLinkAndFind(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir, _ := groupedVillageSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	use(t, ctx, phoneAndDesktop[0])
	choose(t, ctx, srv.URL, normal)
	navigate(t, ctx, srv.URL+"/rankings/")
	// The years of 市辖区组, from its 按年份: the older year's caption.
	years := eval[[]string](t, ctx, `[...document.querySelectorAll("#group-2 .year-links a")].map(a => a.getAttribute("href"))`)
	if len(years) != 2 {
		t.Fatalf("市辖区组's 按年份 leads to %q; the demo spans two years", years)
	}
	older := years[1][1:]
	year := strings.TrimPrefix(older, "group-2-y")
	navigate(t, ctx, srv.URL+"/rankings/#"+older)
	eval[bool](t, ctx, frames)
	if got, want := eval[[]string](t, ctx, foldsJS), []string{"group-1 folded", "group-2 open"}; !slices.Equal(got, want) {
		t.Errorf("/rankings/#%s: the sections are %q; want %q", older, got, want)
	}
	if got := eval[string](t, ctx, fmt.Sprintf(`(() => { const c = document.getElementById(%s); return c.textContent + " " + Math.round(c.getBoundingClientRect().top); })()`, browsertest.Quote(older))); got != year+"年市辖区组综合考核排名 0" {
		t.Errorf("/rankings/#%s: the caption and its top are %q; want %s年市辖区组综合考核排名 at the window's top, 0", older, got, year)
	}
	// Folded by hand, opened by the address.
	eval[bool](t, ctx, `(document.querySelector("#group-2 > summary").click(), true)`)
	eval[bool](t, ctx, frames)
	if got := eval[[]string](t, ctx, foldsJS); got[1] != "group-2 folded" {
		t.Fatalf("the summary clicked, 市辖区组 is %q", got[1])
	}
	eval[bool](t, ctx, `(location.hash = "#group-2", true)`)
	eval[bool](t, ctx, frames)
	if got := eval[[]string](t, ctx, foldsJS); got[1] != "group-2 open" {
		t.Errorf("the address changed to #group-2, 市辖区组 is %q", got[1])
	}

	// Find in page: the text fragment of a village's name.
	navigate(t, ctx, srv.URL+"/rankings/?find#:~:text="+"枫林社区")
	eval[bool](t, ctx, frames)
	if got, want := eval[[]string](t, ctx, foldsJS), []string{"group-1 folded", "group-2 open"}; !slices.Equal(got, want) {
		t.Errorf("/rankings/ finding 枫林社区: the sections are %q; want %q", got, want)
	}

	// /data/: its four field tables folded, on a phone and a desktop; a
	// link and find in page open the one they point into.
	for _, s := range phoneAndDesktop {
		use(t, ctx, s)
		navigate(t, ctx, srv.URL+"/data/")
		// The demo's year, 2022年3月 to 2023年2月: its periods a table a
		// year, 2023's open.
		want := []string{"periods-2023 open", "periods-2022 folded", "csv-columns folded", "measure-columns folded", "json-fields folded", "catalogue-fields folded"}
		if got := eval[[]string](t, ctx, foldsJS); !slices.Equal(got, want) {
			t.Errorf("%s, /data/: the folds are %q; want %q", s, got, want)
		}
		toc := eval[[]string](t, ctx, `[...document.querySelectorAll('main nav[aria-label="本页目录"] a')].map(a => a.getAttribute("href") + " " + a.textContent)`)
		if want := []string{"#all-heading 全部排名", "#measures-heading 全部奖惩", "#catalogue-heading 单位和指标目录", "#periods-heading 各期考核数据", "#columns-heading 字段说明"}; !slices.Equal(toc, want) {
			t.Errorf("%s, /data/: the 本页目录 leads to %q; want %q", s, toc, want)
		}
		eval[bool](t, ctx, `(document.querySelector('main nav[aria-label="本页目录"] a[href="#columns-heading"]').focus(), true)`)
		key(t, ctx, kb.Enter)
		eval[bool](t, ctx, frames)
		// At the window's top, or as near it as the page's end lets it
		// come, the four tables below it folded.
		if got := eval[[]float64](t, ctx, `[document.getElementById("columns-heading").getBoundingClientRect().top, innerHeight + scrollY - document.documentElement.scrollHeight]`); (got[0] < -1 || got[0] > 40) && (got[1] < -1 || got[0] > float64(s.h)/2) {
			t.Errorf("%s, /data/: the 本页目录's 字段说明 pressed, its heading is %.0f px down the window, %.0f px short of the page's end", s, got[0], -got[1])
		}
		navigate(t, ctx, srv.URL+"/data/#json-fields")
		eval[bool](t, ctx, frames)
		if got := eval[[]string](t, ctx, foldsJS); !slices.Equal(got, []string{"periods-2023 open", "periods-2022 folded", "csv-columns folded", "measure-columns folded", "json-fields open", "catalogue-fields folded"}) {
			t.Errorf("%s, /data/#json-fields: the folds are %q", s, got)
		}
		// The JSON table's caption alone says this.
		navigate(t, ctx, srv.URL+"/data/?find#:~:text="+"数组中每一项的字段写作")
		eval[bool](t, ctx, frames)
		if got := eval[[]string](t, ctx, foldsJS); !slices.Equal(got, []string{"periods-2023 open", "periods-2022 folded", "csv-columns folded", "measure-columns folded", "json-fields open", "catalogue-fields folded"}) {
			t.Errorf("%s, /data/ finding 数组中每一项的字段写作: the folds are %q", s, got)
		}
		// An older year's periods: a link to its fold, and find in page
		// of one of its periods (2022年4月, said in its table alone).
		for _, at := range []string{"#periods-2022", "?find#:~:text=2022年4月"} {
			navigate(t, ctx, srv.URL+"/data/"+at)
			eval[bool](t, ctx, frames)
			if got := eval[[]string](t, ctx, foldsJS); len(got) < 2 || !slices.Equal(got[:2], []string{"periods-2023 open", "periods-2022 open"}) {
				t.Errorf("%s, /data/%s: the folds are %q; want 2022's periods open", s, at, got)
			}
		}
	}
}

// TestFoldPrinted prints /rankings/ as a 360 px phone folds it, and
// /data/ with its field tables and its older year's periods folded: paper
// shows what the folds hold — both groups' units (东风村 of 县（市）组,
// 枫林社区 of 市辖区组), the JSON fields' table, 2022年4月's period — and the folds are folded again after. Both ways of
// opening them are held: the style sheet's, for paper (a fold's content
// is shown in print), and page.js's on beforeprint, for a browser that
// does not style a fold's content, undone on afterprint.
func TestFoldPrinted(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir, _ := groupedVillageSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	use(t, ctx, phoneAndDesktop[0])
	choose(t, ctx, srv.URL, normal)
	for _, p := range []struct {
		path  string
		folds []string
		words []string
	}{
		{"rankings/", []string{"group-1 folded", "group-2 folded"}, []string{"东风村", "枫林社区"}},
		{"data/", []string{"periods-2023 open", "periods-2022 folded", "csv-columns folded", "measure-columns folded", "json-fields folded", "catalogue-fields folded"}, []string{"数组中每一项的字段写作", "2022年4月"}},
	} {
		navigate(t, ctx, srv.URL+"/"+p.path)
		if got := eval[[]string](t, ctx, foldsJS); !slices.Equal(got, p.folds) {
			t.Fatalf("/%s: the folds are %q before printing; want %q", p.path, got, p.folds)
		}
		pdf := printCurrent(t, ctx)
		if pages := pdfWords(t, pdf, len(pageSizes(t, pdf))); pages != nil {
			var all strings.Builder
			for _, pg := range pages {
				all.WriteString(text(pg))
			}
			for _, w := range p.words {
				if !strings.Contains(all.String(), w) {
					t.Errorf("/%s printed folded: the paper does not say %s", p.path, w)
				}
			}
		}
		if got := eval[[]string](t, ctx, foldsJS); !slices.Equal(got, p.folds) {
			t.Errorf("/%s: after printing the folds are %q; want %q again", p.path, got, p.folds)
		}
		// The style sheet alone: a folded one's content shown in print.
		emulateMedia(t, ctx, "print")
		folded := 0
		for _, f := range p.folds {
			if strings.HasSuffix(f, " folded") {
				folded++
			}
		}
		if got := eval[[]string](t, ctx, `[...document.querySelectorAll("details.fold:not([open])")].map(d => getComputedStyle(d, "::details-content").contentVisibility)`); len(got) != folded || slices.ContainsFunc(got, func(v string) bool { return v != "visible" }) {
			t.Errorf("/%s in print: the folded ones' content is %q; want visible", p.path, got)
		}
		emulateMedia(t, ctx, "")
		// page.js alone: beforeprint opens them, afterprint folds them again.
		if got := eval[[]string](t, ctx, `(dispatchEvent(new Event("beforeprint")), `+foldsJS+`)`); slices.ContainsFunc(got, func(f string) bool { return !strings.HasSuffix(f, " open") }) {
			t.Errorf("/%s: on beforeprint the folds are %q; want every one open", p.path, got)
		}
		if got := eval[[]string](t, ctx, `(dispatchEvent(new Event("afterprint")), `+foldsJS+`)`); !slices.Equal(got, p.folds) {
			t.Errorf("/%s: on afterprint the folds are %q; want %q again", p.path, got, p.folds)
		}
	}
}

// TestIndicatorGroupFolds reads an indicator's page (gdp, which every unit
// of groupedVillageSite is ranked on) on a 360 px phone and a desktop, in
// the normal display and the 适老模式: its units' ranks are a section a
// group, as /rankings/ has them — folded on the phone, open on the
// desktop — and its 本页目录 leads to each, after the units' ranking's
// heading. An address into a group's year opens that group alone, its
// caption at the window's top.
func TestIndicatorGroupFolds(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir, _ := groupedVillageSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	for _, s := range phoneAndDesktop {
		use(t, ctx, s)
		for _, d := range []display{normal, senior} {
			choose(t, ctx, srv.URL, d)
			navigate(t, ctx, srv.URL+"/indicators/gdp/")
			want := []string{"group-1 folded", "group-2 folded"}
			if !s.phone {
				want = []string{"group-1 open", "group-2 open"}
			}
			if got := eval[[]string](t, ctx, foldsJS); !slices.Equal(got, want) {
				t.Errorf("%s, %s: gdp's groups' sections are %q; want %q", s, d.name, got, want)
			}
			toc := eval[[]string](t, ctx, `[...document.querySelectorAll('main nav[aria-label="本页目录"] li > a')].map(a => a.getAttribute("href") + " " + a.textContent)`)
			if want := []string{"#townships-heading 县（市、区）排名", "#group-1 县（市）组", "#group-2 市辖区组"}; len(toc) < 3 || !slices.Equal(toc[len(toc)-3:], want) {
				t.Errorf("%s, %s: gdp's 本页目录 leads to %q; want it to end with %q", s, d.name, toc, want)
			}
		}
	}
	use(t, ctx, phoneAndDesktop[0])
	choose(t, ctx, srv.URL, normal)
	navigate(t, ctx, srv.URL+"/indicators/gdp/")
	years := eval[[]string](t, ctx, `[...document.querySelectorAll("#group-2 .year-links a")].map(a => a.getAttribute("href"))`)
	if len(years) != 2 {
		t.Fatalf("gdp's 市辖区组 按年份 leads to %q; the demo spans two years", years)
	}
	older := years[1][1:]
	year := strings.TrimPrefix(older, "group-2-y")
	navigate(t, ctx, srv.URL+"/indicators/gdp/#"+older)
	eval[bool](t, ctx, frames)
	if got, want := eval[[]string](t, ctx, foldsJS), []string{"group-1 folded", "group-2 open"}; !slices.Equal(got, want) {
		t.Errorf("gdp#%s: the sections are %q; want %q", older, got, want)
	}
	if got := eval[string](t, ctx, fmt.Sprintf(`(() => { const c = document.getElementById(%s); return c.textContent + " " + Math.round(c.getBoundingClientRect().top); })()`, browsertest.Quote(older))); got != year+"年市辖区组各县（市、区）排名 0" {
		t.Errorf("gdp#%s: the caption and its top are %q; want %s年市辖区组各县（市、区）排名 at the window's top, 0", older, got, year)
	}
}

// TestHomeGroupFolds reads the home page of groupedVillageSite on a 360
// px phone and a desktop: the latest month's ranking is a section a
// group, folded on the phone and open on the desktop, as /rankings/
// has them; /#group-2 opens 市辖区组's alone, whose table lists its 3
// districts and 12 villages (by hand, from groupedVillageSite).
func TestHomeGroupFolds(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir, _ := groupedVillageSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	for _, s := range phoneAndDesktop {
		use(t, ctx, s)
		for _, d := range []display{normal, senior} {
			choose(t, ctx, srv.URL, d)
			navigate(t, ctx, srv.URL+"/")
			want := []string{"group-1 folded", "group-2 folded"}
			if !s.phone {
				want = []string{"group-1 open", "group-2 open"}
			}
			if got := eval[[]string](t, ctx, foldsJS); !slices.Equal(got, want) {
				t.Errorf("%s, %s: the home page's groups are %q; want %q", s, d.name, got, want)
			}
		}
	}
	use(t, ctx, phoneAndDesktop[0])
	choose(t, ctx, srv.URL, normal)
	navigate(t, ctx, srv.URL+"/?load#group-2") // a page loaded, not the address's fragment changed
	eval[bool](t, ctx, frames)
	if got, want := eval[[]string](t, ctx, foldsJS), []string{"group-1 folded", "group-2 open"}; !slices.Equal(got, want) {
		t.Errorf("/#group-2: the sections are %q; want %q", got, want)
	}
	if n := eval[int](t, ctx, `[...document.querySelectorAll("#group-2 tbody tr")].filter(r => r.getClientRects().length > 0).length`); n != 15 {
		t.Errorf("/#group-2: 市辖区组's table shows %d rows; want 15", n)
	}
}

// TestPrintGroupTablesTwoAPage reads, as paper lays them out, the first
// matrix of a group's section on /rankings/ and on an indicator's page
// (groupedVillageSite): a table of ten rows or fewer is held whole on
// paper, and a group of eight villages — its caption, the row heading it
// with the group's name and the months, and eight units' rows of a rank
// and a score — must take no more than half the 版心 (225 mm / 2), so
// that two of them share a page. Laid out in the page's own spacing they
// took 143 mm, one a page: an office of eight 乡镇 of eight villages
// printed /rankings/ on 17 pages, 14 before its groups had sections.
func TestPrintGroupTablesTwoAPage(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir, _ := groupedVillageSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	const eight = `(() => {
  const t = document.querySelector("#group-1 .matrix"), head = t.querySelector(".matrix-print-head");
  const rows = [...t.tBodies[0].rows].filter(r => !r.matches(".matrix-print-head, .matrix-group")).slice(0, 8);
  return (t.caption.getBoundingClientRect().height + head.getBoundingClientRect().height +
    rows.reduce((sum, r) => sum + r.getBoundingClientRect().height, 0)) * 25.4 / 96;
})()`
	for _, path := range []string{"rankings/", "indicators/gdp/"} {
		navigate(t, ctx, srv.URL+"/"+path)
		emulateMedia(t, ctx, "print")
		if mm := eval[float64](t, ctx, eight); mm > 225.0/2 {
			t.Errorf("/%s on paper: a group's table of eight units is %.0f mm high; want at most half the 版心, 112 mm", path, mm)
		}
		emulateMedia(t, ctx, "")
	}
}
