package render

import (
	"fmt"
	"html/template"
	"strings"

	"tongbao/internal/zh"
)

// A rankChart is a line chart of one rank over the assessed months, drawn
// as inline SVG so that it needs no script, prints, and scales with the
// page. Rank 1 is at the top, as readers of a league table expect; the
// x axis carries a tick at the first month of every year.
//
// The chart is an image with a name and a description (role="img",
// <title>, <desc>); the page puts the same numbers in a table right after
// it, which is the accessible equivalent. Coordinates are printed with one
// decimal, so the same ranks always give the same bytes.
type rankChart struct {
	id     string     // prefix of the element ids; unique within the page
	title  string     // accessible name: "东风路街道综合排名走势"
	noun   string     // what is ranked, for the description: "综合排名"
	worst  int        // the lowest rank on the axis: the number of units ranked
	months []MonthRef // oldest first
	ranks  []int      // by month; 0 where there is no rank
}

// The chart's geometry in SVG user units.
const (
	chartW, chartH                 = 720, 250
	chartL, chartR, chartT, chartB = 44, 20, 34, 36
	chartPlotW                     = chartW - chartL - chartR
	chartPlotH                     = chartH - chartT - chartB
	// Markers are drawn on every point of short series only; on long
	// ones they would merge into a thick line.
	chartMarkerLimit = 36
	// minYearGap is the room in user units a year label needs.
	minYearGap = 40
)

// x is the horizontal position of month i.
func (c *rankChart) x(i int) float64 {
	if len(c.months) < 2 {
		return chartL + chartPlotW/2
	}
	return chartL + chartPlotW*float64(i)/float64(len(c.months)-1)
}

// y is the vertical position of a rank: rank 1 on the top edge of the
// plot, rank c.worst on its bottom edge.
func (c *rankChart) y(rank int) float64 {
	if c.worst < 2 {
		return chartT + chartPlotH/2
	}
	return chartT + chartPlotH*float64(rank-1)/float64(c.worst-1)
}

// yTicks are the ranks labelled on the y axis: every rank up to 12,
// otherwise 1, the worst, and evenly spaced ranks between.
func (c *rankChart) yTicks() []int {
	if c.worst <= 12 {
		t := make([]int, c.worst)
		for i := range t {
			t[i] = i + 1
		}
		return t
	}
	step := (c.worst + 5) / 6
	t := []int{1}
	for r := step; r < c.worst; r += step {
		if r > 1 {
			t = append(t, r)
		}
	}
	return append(t, c.worst)
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

// html draws the chart.
func (c *rankChart) html() template.HTML {
	var b strings.Builder
	b.Grow(4096 + 24*len(c.months))
	id := c.id
	fmt.Fprintf(&b, `<svg class="rank-chart" role="img" aria-labelledby="%s-title" aria-describedby="%s-desc" viewBox="0 0 %d %d" preserveAspectRatio="xMidYMid meet">`+"\n", id, id, chartW, chartH)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`+"\n", id, esc(c.title))
	fmt.Fprintf(&b, `<desc id="%s-desc">%s</desc>`+"\n", id, esc(c.description()))

	// Horizontal grid lines and rank labels.
	b.WriteString(`<g class="chart-grid" fill="#555" font-size="12" text-anchor="end">` + "\n")
	for _, r := range c.yTicks() {
		y := c.y(r)
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#d5d8dc" stroke-width="1"/><text x="%d" y="%.1f" dy="4">%d</text>`+"\n",
			chartL, y, chartW-chartR, y, chartL-8, y, r)
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="start">名次</text>`+"\n", 4, 18)
	// The title again, visible: role="img" hides it from assistive
	// technology, which reads <title> instead.
	fmt.Fprintf(&b, `<text class="chart-heading" x="%d" y="%d" text-anchor="middle" fill="#1a1a1a" font-size="14" font-weight="700">%s</text>`+"\n", chartL+chartPlotW/2, 18, esc(c.title))
	b.WriteString("</g>\n")

	// The x axis with a tick and a label at the first month of each year.
	base := chartH - chartB + 6
	fmt.Fprintf(&b, `<g class="chart-axis" fill="#555" stroke="#6b7078" font-size="12" text-anchor="middle">`+"\n")
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d"/>`+"\n", chartL, base, chartW-chartR, base)
	lastLabel := -1e9
	for i, m := range c.months {
		if i > 0 && m.Year == c.months[i-1].Year {
			continue
		}
		x := c.x(i)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>`, x, base, x, base+6)
		if x-lastLabel >= minYearGap {
			anchor := ""
			if x > chartW-chartR-14 {
				anchor = ` text-anchor="end"`
			}
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" stroke="none"%s>%d</text>`, x, base+20, anchor, m.Year)
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
		fmt.Fprintf(&d, "%c%.1f %.1f", cmd, c.x(i), c.y(r))
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
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5"/>`+"\n", c.x(i), c.y(r))
		}
	}
	b.WriteString("</g>\n</svg>")
	return template.HTML(b.String())
}
