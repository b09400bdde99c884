package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"tongbao/internal/zh"
)

// A rankChart is a line chart of one rank over the assessed months, drawn
// as inline SVG so that it needs no script, prints, and scales with the
// page. Rank 1 is at the top, as readers of a league table expect; the
// x axis carries a tick at the first month of every year.
//
// It is drawn three times: wide, every period, for a desktop and for
// paper; narrow, the recent periods only, for a phone, where the wide one
// shrank to a third and its text to 5 px; and narrow again for a phone in
// the 适老模式, with room for labels as large as the mode's text (at the
// narrow drawing's size, a quarter larger, they were 15 px beside text of
// 22). The stylesheet shows the one that fits the chart's box and the
// display (a container query, site.css). Each is an image with a
// name and a description (role="img", <title>, <desc>); the page puts the
// same numbers in a table right after it, which is the accessible
// equivalent. Fewer than three ranked periods are no chart at all: the
// table says it all. Coordinates are printed with one decimal, so the same
// ranks always give the same bytes.
type rankChart struct {
	id     string     // prefix of the element ids; unique within the page
	title  string     // accessible name: "东风路街道综合排名走势"
	noun   string     // what is ranked, for the description: "综合排名"
	worst  int        // the lowest rank on the axis: the number of units ranked
	months []MonthRef // oldest first
	ranks  []int      // by month; 0 where there is no rank
}

// A chartLayout is the geometry of one drawing of a chart, in SVG user
// units.
type chartLayout struct {
	class      string // rank-chart-wide | rank-chart-narrow
	w, h       int
	l, r, t, b int // margins around the plot
	font       int // the axis labels' size
	heading    int // the visible title's size
	maxTicks   int // the most ranks labelled on the y axis
	yearGap    int // the room a year label needs
	// senior marks the drawing of the 适老模式 on a phone: its labels are
	// sized by the stylesheet, up to font, and its heading is the page's
	// text above it (.chart-title), never drawn.
	senior bool
}

var (
	// wideChart is drawn at about its own size in a desktop's column
	// (0.9 to 1.2 times), on paper at 0.8.
	wideChart = chartLayout{class: "rank-chart-wide", w: 720, h: 250, l: 44, r: 20, t: 34, b: 36, font: 13, heading: 14, maxTicks: 12, yearGap: 40}
	// narrowChart is drawn in a phone's column, 270 to 350 px wide: its
	// axis text is 12 px on a 320 px phone, 15 px on a 390 px one.
	narrowChart = chartLayout{class: "rank-chart-narrow", w: 300, h: 210, l: 30, r: 12, t: 32, b: 30, font: 14, heading: 14, maxTicks: 4, yearGap: 44}
	// seniorChart is the narrow chart of the 适老模式, whose labels are as
	// large as its tables' text (site.css: the root size, 20 px, 25 px with
	// 大), however wide the phone: in units, up to 32, where 大's 25 px in
	// the narrowest phone's column (243 px for 300 units) take 31. Its
	// margins hold labels of 32 units, line boxes and all, and a year's
	// label (four digits, about 72 units) has 80.
	seniorChart = chartLayout{class: "rank-chart-senior", w: 300, h: 244, l: 44, r: 14, t: 46, b: 48, font: 32, maxTicks: 4, yearGap: 80, senior: true}
)

const (
	// chartMinPoints is the fewest ranked periods drawn as a chart.
	chartMinPoints = 3
	// narrowPeriods are the periods a phone's chart shows: two years of a
	// monthly office.
	narrowPeriods = 24
	// Markers are drawn on every point of short series only; on long
	// ones they would merge into a thick line.
	chartMarkerLimit = 36
	// chartLabelRoom is the room of the 名次 label, at the top left: the
	// heading keeps clear of it on both sides.
	chartLabelRoom = 36
)

// html draws the chart wide, narrow and narrow for the 适老模式, or
// nothing when it has fewer than chartMinPoints ranked periods.
func (c *rankChart) html() template.HTML {
	if ranked(c.ranks) < chartMinPoints {
		return ""
	}
	// The narrow drawing's window: the last narrowPeriods periods, or
	// more when they hold fewer than chartMinPoints ranks.
	from := max(0, len(c.ranks)-narrowPeriods)
	for from > 0 && ranked(c.ranks[from:]) < chartMinPoints {
		from--
	}
	narrow := &rankChart{id: c.id + "-n", title: c.title, noun: c.noun, worst: c.worst, months: c.months[from:], ranks: c.ranks[from:]}
	if from > 0 {
		// Said where the eye reads it, not only in the description: the
		// table below has every period.
		narrow.title += fmt.Sprintf("（最近%d期）", len(narrow.months))
	}
	senior := *narrow
	senior.id = c.id + "-s"
	return c.heading(wideChart) + c.draw(wideChart) + "\n" + narrow.heading(narrowChart) + narrow.draw(narrowChart) + "\n" + senior.draw(seniorChart)
}

// heading is the chart's title in the page's own text, before the drawing
// of layout g and shown with it in the 适老模式 only (site.css), where it
// takes the drawing's heading's place: text in a drawing keeps the
// drawing's size, and the mode's text is larger — a quarter larger, the
// drawing's heading would have run into the 名次 label or past the lines
// headingLines made for it. The page's text wraps where it must and grows
// with 字体 大 as well. The drawing's <title> names the image for assistive
// technology, so this copy is hidden from it.
func (c *rankChart) heading(g chartLayout) template.HTML {
	return template.HTML(fmt.Sprintf(`<p class="chart-title chart-title-%s" aria-hidden="true">%s</p>`+"\n",
		strings.TrimPrefix(g.class, "rank-chart-"), esc(c.title)))
}

// seniorYears draws the x axis's ticks and year labels of the 适老模式's
// drawing g, whose labels are the stylesheet's size, up to g.font: each
// is given the room it may take (yearGap), from the plot's left edge
// (clear of the last rank's label) to the drawing's right edge, its top
// under the tick (.8em: the digits' height and a little) whatever its
// size. Where two would meet, the first year's, a part of a year before
// the first January, gives way to the next: the ticks of years begun
// are what the axis is read by.
func (c *rankChart) seniorYears(b *strings.Builder, g chartLayout, base int) {
	type label struct {
		x, from float64
		anchor  string
		year    int
	}
	room := float64(g.yearGap)
	var labels []label
	for i, m := range c.months {
		if i > 0 && m.Year == c.months[i-1].Year {
			continue
		}
		x := c.x(g, i)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>`+"\n", x, base, x, base+6)
		l := label{x: x, from: x - room/2, year: m.Year}
		switch {
		case x+room/2 > float64(g.w):
			l.from, l.anchor = x-room, ` text-anchor="end"`
		case l.from < float64(g.l):
			l.from, l.anchor = x, ` text-anchor="start"`
		}
		labels = append(labels, l)
	}
	if len(labels) > 1 && labels[1].from < labels[0].from+room {
		labels = labels[1:]
	}
	end := -1e9
	for _, l := range labels {
		if l.from < end {
			continue
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%d" dy=".8em" stroke="none"%s>%d</text>`+"\n", l.x, base+8, l.anchor, l.year)
		end = l.from + room
	}
}

// ranked counts the periods with a rank.
func ranked(ranks []int) int {
	n := 0
	for _, r := range ranks {
		if r != 0 {
			n++
		}
	}
	return n
}

// x is the horizontal position of month i.
func (c *rankChart) x(g chartLayout, i int) float64 {
	plot := float64(g.w - g.l - g.r)
	if len(c.months) < 2 {
		return float64(g.l) + plot/2
	}
	return float64(g.l) + plot*float64(i)/float64(len(c.months)-1)
}

// y is the vertical position of a rank: rank 1 on the top edge of the
// plot, rank c.worst on its bottom edge; top is where the plot begins.
func (c *rankChart) y(g chartLayout, top, rank int) float64 {
	plot := float64(g.h - top - g.b)
	if c.worst < 2 {
		return float64(top) + plot/2
	}
	return float64(top) + plot*float64(rank-1)/float64(c.worst-1)
}

// yTicks are the ranks labelled on the y axis: every rank when they are
// few, otherwise 1, the worst, and round ranks between, a step of 1, 2,
// 4, 5 or 10 times a power of ten apart: 1, 4, 8, 12 for twelve units on
// a phone; 1, 10, 20, 30, 34 for thirty-four.
func yTicks(worst, most int) []int {
	if worst <= most {
		t := make([]int, worst)
		for i := range t {
			t[i] = i + 1
		}
		return t
	}
	need := (worst - 1 + most - 2) / (most - 1) // the smallest step giving at most `most` ticks
	step := 1
	for mag := 1; step < need; mag *= 10 {
		for _, f := range []int{1, 2, 4, 5, 10} {
			if step = f * mag; step >= need {
				break
			}
		}
	}
	t := []int{1}
	for r := step; r < worst; r += step {
		if r > 1 && worst-r >= step/2 { // a tick just above the worst would crowd its label
			t = append(t, r)
		}
	}
	return append(t, worst)
}

// description summarises the series in words: its span, its best and worst
// rank and the latest one.
func (c *rankChart) description() string {
	best, worst, n, last := 0, 0, 0, -1
	for i, r := range c.ranks {
		if r == 0 {
			continue
		}
		n++
		last = i
		if best == 0 || r < best {
			best = r
		}
		worst = max(worst, r)
	}
	if n == 0 {
		return "暂无" + c.noun + "。"
	}
	var b strings.Builder
	first, end := c.months[0], c.months[len(c.months)-1]
	if len(c.months) == 1 {
		fmt.Fprintf(&b, "%s共1期", first.Label)
	} else {
		fmt.Fprintf(&b, "%s至%s共%d期", first.Label, end.Label, len(c.months))
	}
	if n < len(c.months) {
		fmt.Fprintf(&b, "（其中%d期有%s）", n, c.noun)
	}
	fmt.Fprintf(&b, "，%s最好为%s，最差为%s，最近一期（%s）为%s。纵轴为名次，第一名在最上方；数据见图后的表格。",
		c.noun, zh.Ordinal(best), zh.Ordinal(worst), c.months[last].Label, zh.Ordinal(c.ranks[last]))
	return b.String()
}

// headingLines breaks the visible title into lines that fit the width at
// the heading's size, a character an em wide (CJK text), two lines at most.
// It is centred, clear of the 名次 label at the top left. A bracketed
// tail that fits the second line goes there whole (火车站乡综合考核排名走势 /
// （最近24期）), and no line ends inside a number or a Latin word: a
// phone's reader read 最近2 and 4期 on two lines.
func headingLines(title string, g chartLayout) []string {
	per := max(1, (g.w-2*chartLabelRoom)/g.heading)
	runes := []rune(title)
	if len(runes) <= per {
		return []string{title}
	}
	if len(runes) > 2*per {
		runes = append(runes[:2*per-1], '…')
	}
	cut := per
	for i := per; i > 0; i-- {
		if runes[i] == '（' && len(runes)-i <= per {
			cut = i
			break
		}
	}
	word := func(r rune) bool { return r < utf8.RuneSelf && (unicode.IsDigit(r) || unicode.IsLetter(r)) }
	for c := cut; c > 1; c-- {
		if !word(runes[c-1]) || !word(runes[c]) {
			if len(runes)-c <= per {
				cut = c
			}
			break
		}
	}
	return []string{string(runes[:cut]), string(runes[cut:])}
}

// draw draws the chart in layout g.
func (c *rankChart) draw(g chartLayout) template.HTML {
	var b strings.Builder
	b.Grow(4096 + 24*len(c.months))
	id := c.id
	var heading []string
	top := g.t
	if !g.senior {
		heading = headingLines(c.title, g)
		top += (len(heading) - 1) * (g.heading + 4) // a second line of heading moves the plot down
	}
	h := g.h + top - g.t
	fmt.Fprintf(&b, `<svg class="rank-chart %s" role="img" aria-labelledby="%s-title" aria-describedby="%s-desc" viewBox="0 0 %d %d" preserveAspectRatio="xMidYMid meet">`+"\n", g.class, id, id, g.w, h)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`+"\n", id, esc(c.title))
	fmt.Fprintf(&b, `<desc id="%s-desc">%s</desc>`+"\n", id, esc(c.description()))

	// Horizontal grid lines and rank labels.
	fmt.Fprintf(&b, `<g class="chart-grid" fill="#555" font-size="%d" text-anchor="end">`+"\n", g.font)
	// A label's middle on its line: a third of its size below, in the
	// stylesheet's size where that sets it.
	dy := strconv.Itoa(g.font / 3)
	if g.senior {
		dy = ".35em"
	}
	for _, r := range yTicks(c.worst, g.maxTicks) {
		y := c.y(g, top, r)
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#d5d8dc" stroke-width="1"/><text x="%d" y="%.1f" dy="%s">%d</text>`+"\n",
			g.l, y, g.w-g.r, y, g.l-6, y, dy, r)
	}
	if g.senior {
		// Over the plot's left edge, clear of the rank labels at its left,
		// which are as large as it.
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="start">名次</text>`+"\n", g.l, top-10)
	} else {
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="start">名次</text>`+"\n", 2, top-12)
	}
	// The title again, visible: role="img" hides it from assistive
	// technology, which reads <title> instead.
	for i, line := range heading {
		fmt.Fprintf(&b, `<text class="chart-heading" x="%d" y="%d" text-anchor="middle" fill="#1a1a1a" font-size="%d" font-weight="700">%s</text>`+"\n",
			g.w/2, 18+i*(g.heading+4), g.heading, esc(line))
	}
	b.WriteString("</g>\n")

	// The x axis with a tick and a label at the first month of each year.
	base := h - g.b + 6
	fmt.Fprintf(&b, `<g class="chart-axis" fill="#555" stroke="#6b7078" font-size="%d" text-anchor="middle">`+"\n", g.font)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d"/>`+"\n", g.l, base, g.w-g.r, base)
	if g.senior {
		c.seniorYears(&b, g, base)
	}
	lastLabel := -1e9
	for i, m := range c.months {
		if g.senior || i > 0 && m.Year == c.months[i-1].Year {
			continue
		}
		x := c.x(g, i)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>`, x, base, x, base+6)
		if x-lastLabel >= float64(g.yearGap) {
			anchor := ""
			switch {
			case x > float64(g.w-g.r-g.yearGap/2):
				anchor = ` text-anchor="end"`
			case x < float64(g.yearGap/2):
				anchor = ` text-anchor="start"`
			}
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" stroke="none"%s>%d</text>`, x, base+g.font+6, anchor, m.Year)
			lastLabel = x
		}
		b.WriteString("\n")
	}
	b.WriteString("</g>\n")

	// The line, broken where a month has no rank.
	var d strings.Builder
	pen := false
	for i, r := range c.ranks {
		if r == 0 {
			pen = false
			continue
		}
		cmd := 'L'
		if !pen {
			cmd = 'M'
		}
		if d.Len() > 0 {
			d.WriteByte(' ')
		}
		fmt.Fprintf(&d, "%c%.1f %.1f", cmd, c.x(g, i), c.y(g, top, r))
		pen = true
	}
	if d.Len() > 0 {
		fmt.Fprintf(&b, `<path class="chart-line" d="%s" fill="none" stroke="#8f0000" stroke-width="2.5" stroke-linejoin="round"/>`+"\n", d.String())
	}

	// Markers: on every point of a short series; on a long one only where
	// a point stands alone and would otherwise not be drawn at all.
	b.WriteString(`<g class="chart-points" fill="#8f0000">` + "\n")
	for i, r := range c.ranks {
		if r == 0 {
			continue
		}
		alone := (i == 0 || c.ranks[i-1] == 0) && (i == len(c.ranks)-1 || c.ranks[i+1] == 0)
		if len(c.ranks) <= chartMarkerLimit || alone {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5"/>`+"\n", c.x(g, i), c.y(g, top, r))
		}
	}
	b.WriteString("</g>\n</svg>")
	return template.HTML(b.String())
}
