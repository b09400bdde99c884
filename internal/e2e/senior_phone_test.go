package e2e

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/browsertest"
)

// The widths these tests read a phone at: the narrowest in use, a common
// one and a large one.
var phoneWidths = []phone{{320, 568}, {360, 740}, {390, 844}}

// lineBoxesJS reads the text of each element at %s as the reader sees
// it: one entry per element, its lines in order, each with where it
// begins (left) and ends (right), and the element's own box.
const lineBoxesJS = `[...document.querySelectorAll(%s)].map(e => {
  const lines = [];
  const texts = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
  for (let n; (n = texts.nextNode());) {
    if (n.parentElement.closest(".visually-hidden")) continue;
    for (let i = 0; i < n.data.length; i++) {
      const r = document.createRange();
      r.setStart(n, i); r.setEnd(n, i + 1);
      const b = r.getBoundingClientRect();
      if (!b.width) continue;
      const last = lines[lines.length - 1];
      if (last && Math.abs(b.bottom - last.bottom) < 2) { last.text += n.data[i]; last.right = b.right; }
      else lines.push({text: n.data[i], left: b.left, right: b.right, bottom: b.bottom});
    }
  }
  // Generated text (the label's colon) is no text node: the line's start is
  // the element's own first box.
  const first = e.getClientRects()[0];
  if (lines.length && first) lines[0].left = Math.min(lines[0].left, first.left);
  // The width its text may take: the content box of the element, or of
  // the block it holds (a matrix's link fills its cell).
  let c = e;
  while (c.children.length === 1 && getComputedStyle(c.firstElementChild).display !== "inline") c = c.firstElementChild;
  const cs = getComputedStyle(c), box = e.getBoundingClientRect();
  return {lines: lines.map(l => ({text: l.text, left: l.left, right: l.right})), left: box.left, right: box.right,
    inner: c.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)};
})`

type textLine struct {
	Text        string
	Left, Right float64
}

type lineBoxes struct {
	Lines              []textLine
	Left, Right, Inner float64
}

// TestSeniorHistoryFits: in the 适老模式 on a 360 px phone a township's
// history of ranks — the sample's twelve, whose longest row is 2023年1-2月,
// 第十二, —, 38.65 — fits its box without scrolling, as site.css says:
// at 6 px a side its cells took 305 px of the 298 px box and, marked to
// scroll, 337. The circular's ranking table with a township 不涉及 fits
// there too, as site.css says of it.
func TestSeniorHistoryFits(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	emulate(t, ctx, phone{360, 740})
	const fits = `(() => [...document.querySelectorAll(%s)].map(t => {
	  const w = t.closest(".table-wrap");
	  return {table: t.getBoundingClientRect().width, box: w.clientWidth, scrolls: w.scrollWidth > w.clientWidth, marked: w.hasAttribute("data-scroll")};
	}))()`
	type fit struct {
		Table, Box      float64
		Scrolls, Marked bool
	}
	// box is the width of the column the table is in: 360 px less the
	// page's and the panel's gutters, 31 px a side in the 适老模式, and in
	// a circular the document's own 5 px besides.
	check := func(where string, got []fit, box float64) {
		t.Helper()
		if len(got) != 1 {
			t.Fatalf("%s: %d tables, want 1", where, len(got))
		}
		for _, f := range got {
			if f.Table > f.Box+0.5 || f.Scrolls || f.Marked || math.Abs(f.Box-box) > 1 {
				t.Errorf("%s: a table %.1f px wide in a box of %.0f (scrolls %v, marked %v); want it within the box, %.0f px", where, f.Table, f.Box, f.Scrolls, f.Marked, box)
			}
		}
	}
	outs := renderSite(t, sampleSite(t))
	srv := serveOutputs(t, outs)
	choose(t, ctx, srv.URL, senior)
	townships := 0
	for _, o := range outs {
		if !under(o.Path, "units/") || !strings.Contains(string(o.Data), `id="composite-heading"`) {
			continue
		}
		townships++
		page := strings.TrimSuffix(o.Path, "index.html")
		navigate(t, ctx, srv.URL+"/"+page)
		check("/"+page, eval[[]fit](t, ctx, fmt.Sprintf(fits, browsertest.Quote(".history-table"))), 298)
	}
	if townships != 12 {
		t.Errorf("%d townships' pages, want the sample's 12", townships)
	}
	na := serveOutputs(t, renderSite(t, notApplicableSample(t)))
	choose(t, ctx, na.URL, senior)
	navigate(t, ctx, na.URL+"/circulars/2023/14/")
	check("the circular's 不涉及 table", eval[[]fit](t, ctx, fmt.Sprintf(fits, browsertest.Quote(".doc-body table"))), 288)
}

// chartLabelsJS measures the text of each rank chart shown: its size in
// px, and the box its glyphs take (the advance across, the ink from the
// baseline up and down, by the font's own measure), with the chart's box.
const chartLabelsJS = `(() => {
  const cv = document.createElement("canvas").getContext("2d");
  return [...document.querySelectorAll(".rank-chart")].filter(s => s.getBoundingClientRect().width > 0).map(svg => {
    const r = svg.getBoundingClientRect(), scale = r.width / svg.viewBox.baseVal.width;
    const labels = [...svg.querySelectorAll("text")].filter(t => t.getBoundingClientRect().width > 0).map(t => {
      const cs = getComputedStyle(t), size = parseFloat(cs.fontSize);
      cv.font = cs.fontWeight + " " + size + "px " + cs.fontFamily;
      const m = cv.measureText(t.textContent), p = t.getStartPositionOfChar(0);
      const base = new DOMPoint(p.x, p.y).matrixTransform(t.getScreenCTM()), box = t.getBoundingClientRect();
      return {text: t.textContent, size: size * scale, box: [box.left, base.y - m.actualBoundingBoxAscent * scale, box.right, base.y + m.actualBoundingBoxDescent * scale]};
    });
    return {labels: labels, box: [r.left, r.top, r.right, r.bottom], root: parseFloat(getComputedStyle(document.documentElement).fontSize)};
  });
})()`

// tabletWidths are the tablets' widths in portrait: a 600 px one, an
// iPad's 768 and an iPad Air's 820; and a small laptop's, 1024.
var tabletWidths = []phone{{600, 960}, {768, 1024}, {820, 1180}, {1024, 768}}

// TestSeniorChartLabels reads the rank charts of a township's and an
// indicator's page on the phones and the tablets in the 适老模式, with and
// without 大: the labels of the axes (the ranks, the years, 名次) are the
// size of the tables' text, the root's — 20 px, 25 px with 大, a quarter
// and more again above the normal display's 16 — where they were 12 to 15
// px on a phone, and on a tablet 14.6 px (768) and 15.8 (820), 15.1 with
// 大; no two of them touch, and each is inside the drawing. A tablet's
// drawing is 640 px wide at most (it was as high as 570 px at 820). On
// the small laptop without 大 the wide drawing's are a little larger
// than the text (its labels grow with the column): never smaller.
func TestSeniorChartLabels(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, demoSite(t)))
	type label struct {
		Text string
		Size float64
		Box  [4]float64
	}
	type chart struct {
		Labels []label
		Box    [4]float64
		Root   float64
	}
	for _, p := range append(phoneWidths, tabletWidths...) {
		emulate(t, ctx, p)
		for _, d := range []display{senior, largest} {
			want := map[display]float64{senior: 20, largest: 25}[d] // 16 px × 1.25, × 1.25 again
			// The wide drawing's labels are 16.25 units of 720 (1.25 × 13):
			// the root's size in a column 886 px wide (1108 with 大); the
			// laptop's, 902 px without 大, shows it, at 20.4 px.
			most := want
			if p.w == 1024 && d == senior {
				most = want * 902 / 886
			}
			choose(t, ctx, srv.URL, d)
			for _, page := range []string{"units/dongfenglu/", "indicators/jindu/"} {
				navigate(t, ctx, srv.URL+"/"+page)
				where := fmt.Sprintf("%s, %s, /%s", p, d.name, page)
				charts := eval[[]chart](t, ctx, chartLabelsJS)
				if len(charts) != 1 {
					t.Fatalf("%s: %d charts shown, want 1", where, len(charts))
				}
				c := charts[0]
				// One heading, the page's text, of the drawing shown: the
				// drawing's own is hidden in the mode, and the 适老模式's
				// drawing is of the narrow one's recent periods, which its
				// heading names.
				shown := eval[[]string](t, ctx, `[...document.querySelectorAll(".chart-title, .rank-chart .chart-heading, .rank-chart")].filter(e => e.getBoundingClientRect().width > 0).map(e => e.getAttribute("class"))`)
				if !slices.Equal(shown, []string{"chart-title chart-title-narrow", "rank-chart rank-chart-senior"}) && !slices.Equal(shown, []string{"chart-title chart-title-wide", "rank-chart rank-chart-wide"}) {
					t.Errorf("%s: the chart's headings and drawings shown are %q; want one of each, the page's text above the drawing it names", where, shown)
				}
				if w := c.Box[2] - c.Box[0]; p.w > 390 && w > 640.5 && most == want {
					t.Errorf("%s: the drawing is %.0f px wide; the 适老模式's is 640 px at most", where, w)
				}
				years := 0
				for i, a := range c.Labels {
					if len(a.Text) == 4 {
						years++
					}
					if a.Size < want-0.25 || a.Size > most+0.25 {
						t.Errorf("%s: the label %s is %.1f px; want the tables' text, %.0f px", where, a.Text, a.Size, want)
					}
					if a.Box[0] < c.Box[0]-0.5 || a.Box[1] < c.Box[1]-0.5 || a.Box[2] > c.Box[2]+0.5 || a.Box[3] > c.Box[3]+0.5 {
						t.Errorf("%s: the label %s at %.0f spills out of the drawing at %.0f", where, a.Text, a.Box, c.Box)
					}
					for _, b := range c.Labels[i+1:] {
						if a.Box[0] < b.Box[2] && b.Box[0] < a.Box[2] && a.Box[1] < b.Box[3] && b.Box[1] < a.Box[3] {
							t.Errorf("%s: the labels %s %.0f and %s %.0f overlap", where, a.Text, a.Box, b.Text, b.Box)
						}
					}
				}
				// Two years of months begin two years' ticks, each labelled.
				if years < 2 || len(c.Labels) < 5 {
					t.Errorf("%s: the labels %v; want the ranks, 名次 and two years at least", where, c.Labels)
				}
			}
		}
	}
}

// bracketRE finds a bracketed part of a name: （三区）.
var bracketRE = regexp.MustCompile(`（[^（）]+）`)

// TestIndicatorNameBrackets reads the indicator names in the column of a
// department's page that stays in view, on the phones in every display:
// a line may end inside the name, but not inside a bracketed part that
// fits a line (化解超期 / 安置（三 / 区） before), and a line that ends
// before it ends right before its bracket. The demo's 区安置办 owns
// 化解超期安置（三区）.
func TestIndicatorNameBrackets(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, demoSite(t)))
	for _, p := range phoneWidths {
		emulate(t, ctx, p)
		for _, d := range []display{normal, senior, largest} {
			choose(t, ctx, srv.URL, d)
			navigate(t, ctx, srv.URL+"/units/anzhi/")
			names := eval[[]lineBoxes](t, ctx, fmt.Sprintf(lineBoxesJS, browsertest.Quote(".matrix tbody th")))
			seen := 0
			for _, n := range names {
				var text []string
				for _, l := range n.Lines {
					text = append(text, l.Text)
				}
				whole := strings.Join(text, "")
				for _, m := range bracketRE.FindAllStringIndex(whole, -1) {
					seen++
					// Where the bracketed part falls among the lines.
					at, inside := 0, false
					for _, l := range text[:len(text)-1] {
						at += len(l)
						if at > m[0] && at < m[1] {
							inside = true
						}
					}
					// It fits a line: at most as wide as the cell's text,
					// in characters an em wide each — the first line's
					// width per character gives the em.
					em := (n.Lines[0].Right - n.Lines[0].Left) / float64(len([]rune(text[0])))
					if inside && float64(len([]rune(whole[m[0]:m[1]])))*em <= n.Inner+0.5 {
						t.Errorf("%s, %s: %q breaks inside %s", p, d.name, strings.Join(text, " / "), whole[m[0]:m[1]])
					}
				}
			}
			if seen == 0 {
				t.Fatalf("%s, %s: no bracketed indicator name on /units/anzhi/", p, d.name)
			}
		}
	}
}

// TestHomeMetaLines: the home page's 文号, 发布日期 and 通报期间, on the
// phones in every display, each a label and its value as one text: where
// it wraps (the 文号 with 大), each line begins where the first does (the
// 文号's second line began 75 px in, under its value), the 文号 breaks
// only at its brackets (双政办函 / 〔2023〕14号), and no line reaches past
// the list's right edge (at 320 px with 大 the dates did, by 10 and 24 px).
func TestHomeMetaLines(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, sampleSite(t)))
	wrapped := 0
	for _, p := range phoneWidths {
		emulate(t, ctx, p)
		for _, d := range []display{normal, senior, largest} {
			choose(t, ctx, srv.URL, d)
			navigate(t, ctx, srv.URL+"/")
			list := eval[[]lineBoxes](t, ctx, fmt.Sprintf(lineBoxesJS, browsertest.Quote(".latest-meta")))
			entries := eval[[]lineBoxes](t, ctx, fmt.Sprintf(lineBoxesJS, browsertest.Quote(".latest-meta > div")))
			if len(list) != 1 || len(entries) != 3 {
				t.Fatalf("%s, %s: %d lists of %d entries, want one of 3", p, d.name, len(list), len(entries))
			}
			for _, e := range entries {
				var text []string
				for _, l := range e.Lines {
					text = append(text, l.Text)
					if math.Abs(l.Left-e.Lines[0].Left) > 1 {
						t.Errorf("%s, %s: %q: the line %s begins at %.0f px, the first at %.0f", p, d.name, text, l.Text, l.Left, e.Lines[0].Left)
					}
					if l.Right > list[0].Right+0.5 {
						t.Errorf("%s, %s: the line %s reaches %.0f px, past the list's %.0f", p, d.name, l.Text, l.Right, list[0].Right)
					}
				}
				if !strings.HasPrefix(text[0], "文号") || len(text) == 1 {
					continue
				}
				wrapped++
				for k := range text[:len(text)-1] {
					if !strings.HasSuffix(text[k], "〕") && !strings.HasPrefix(text[k+1], "〔") && (k > 0 || text[k] != "文号") {
						t.Errorf("%s, %s: the 文号 breaks inside a part: %q", p, d.name, strings.Join(text, " / "))
					}
				}
			}
		}
	}
	// With 大 the 文号 wraps on all three phones.
	if wrapped < 3 {
		t.Errorf("the 文号 wrapped %d times; want at least the three phones with 大", wrapped)
	}
}
