package e2e

import (
	"bytes"
	"cmp"
	"context"
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"tongbao/internal/browsertest"
	"tongbao/internal/theme"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// A4 is 210 × 297 mm: 595.28 × 841.89 pt.
const a4W, a4H = 210 / 25.4 * 72, 297 / 25.4 * 72

// mm is a millimetre in PDF points.
const mm = 72 / 25.4

// sampleCircularPages is how many pages the sample circular 双政办函〔2023〕
// 14号 takes on paper. GB/T 9704's grid is 22 lines of 28 characters a
// page; its text is 219 such lines (counted paragraph by paragraph), the
// first page gives about 9 lines to the 版头 and title and the signature
// takes 4: 11 pages, the last with text above the signature. (Before issue
// 15 it printed on 21 pages: 11 of the document, whose last held only the
// signature, and 10 of the appendix.)
const sampleCircularPages = 11

var mediaBoxRE = regexp.MustCompile(`/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]`)

// pageSizes reads the size in points of every /MediaBox of a PDF (Chromium
// writes one per page object, uncompressed).
func pageSizes(t *testing.T, pdf []byte) [][2]float64 {
	t.Helper()
	var sizes [][2]float64
	for _, m := range mediaBoxRE.FindAllSubmatch(pdf, -1) {
		var v [4]float64
		for i := range v {
			f, err := strconv.ParseFloat(string(m[i+1]), 64)
			if err != nil {
				t.Fatalf("MediaBox %q: %v", m[0], err)
			}
			v[i] = f
		}
		sizes = append(sizes, [2]float64{v[2] - v[0], v[3] - v[1]})
	}
	return sizes
}

// printPDF prints the page at url as Chrome does with its default
// settings: the page's CSS size and margins, and the browser's own header
// and footer on (date and title at the top, address and “1/11” at the
// bottom, Chrome's default templates), which the page must turn off.
func printPDF(t *testing.T, ctx context.Context, url string) []byte {
	t.Helper()
	navigate(t, ctx, url)
	return printCurrent(t, ctx)
}

// printCurrent prints the page as it is now, as printPDF does.
func printCurrent(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	on := true
	pdf := run(t, ctx, "printing", chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), func(p *page.PrintToPDFParams) {
		p.DisplayHeaderFooter = &on // no templates: Chrome's own
	}))
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	return pdf
}

// poppler is the path of one of poppler-utils' programs; nil when it is not
// installed, which fails the test under CI=true.
func poppler(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if browsertest.CI() {
			t.Fatalf("%s not found; under CI=true the print test must read the PDF (%s)", name, browsertest.InstallHint)
		}
		t.Logf("%s not found: the PDF's text and pixels are not checked (%s)", name, browsertest.InstallHint)
		return ""
	}
	return p
}

// writePDF writes the PDF to a temporary file for poppler's programs.
func writePDF(t *testing.T, pdf []byte) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(name, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// A word is a run of text on a PDF page, placed in points from the page's
// top left corner, as pdftotext -bbox reads it.
type word struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// pdfWords returns the words of each of the first n pages; nil without
// pdftotext.
func pdfWords(t *testing.T, pdf []byte, n int) [][]word {
	t.Helper()
	pdftotext := poppler(t, "pdftotext")
	if pdftotext == "" {
		return nil
	}
	name := writePDF(t, pdf)
	var pages [][]word
	for i := 1; i <= n; i++ {
		out, err := exec.Command(pdftotext, "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), "-bbox", "-enc", "UTF-8", name, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext page %d: %v", i, err)
		}
		var doc struct {
			Words []word `xml:"body>doc>page>word"`
		}
		if err := xml.Unmarshal(out, &doc); err != nil {
			t.Fatalf("pdftotext -bbox page %d: %v", i, err)
		}
		pages = append(pages, doc.Words)
	}
	return pages
}

// text is the words of a page in reading order, with no spaces: the text
// of a PDF is cut where the layout wrapped it.
func text(words []word) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w.Text)
	}
	return b.String()
}

// lines groups the words of a page into lines by their top, top to
// bottom, each line's words left to right.
func lines(words []word) [][]word {
	var out [][]word
	for _, w := range words {
		i := slices.IndexFunc(out, func(l []word) bool { return math.Abs(l[0].YMin-w.YMin) < 2 })
		if i < 0 {
			out = append(out, []word{w})
		} else {
			out[i] = append(out[i], w)
		}
	}
	slices.SortFunc(out, func(a, b []word) int { return cmp.Compare(a[0].YMin, b[0].YMin) })
	for _, l := range out {
		slices.SortFunc(l, func(a, b word) int { return cmp.Compare(a.XMin, b.XMin) })
	}
	return out
}

// width is the width of a line of text in characters of the grid: a Han
// character or full-width punctuation is one, a digit or a Latin letter
// half of one.
func width(s string) float64 {
	var n float64
	for _, r := range s {
		if r < 0x80 {
			n += 0.5
		} else {
			n++
		}
	}
	return n
}

// pageNumber is the page number printed at the foot of a page (the words
// below the 版心, which ends 35 mm above the paper's bottom edge) and its
// centre across the page in mm; "" when there is none.
func pageNumber(words []word) (string, float64) {
	var s string
	var x0, x1 float64
	for _, w := range words {
		// By its middle: pdftotext's box of a 四号 character is its font's
		// (36 pt tall), above the ink, which is in the margin.
		if (w.YMin+w.YMax)/2 > a4H-35*mm {
			if s == "" {
				x0 = w.XMin
			}
			s += w.Text
			x1 = w.XMax
		}
	}
	return s, (x0 + x1) / 2 / mm
}

// TestPrintA4 prints the sample circular 双政办函〔2023〕14号 (信函格式) as
// Chrome does by default, its own header and footer on: A4 pages, as many
// as GB/T 9704's grid gives for the text, the document alone (no appendix,
// nothing of the screen), no browser header or footer on any page, the page
// numbers of the standard (none on the first page of a 信函格式 document,
// even pages left, odd pages right), the grid of 22 lines of 28
// characters, the last lines of the text on the signature's page, and
// both red double lines of 信函格式 where the standard puts them (read
// from page 1's pixels).
func TestPrintA4(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, sampleSite(t)))

	url := srv.URL + "/circulars/2023/14/"
	pdf := printPDF(t, ctx, url)
	sizes := pageSizes(t, pdf)
	for i, s := range sizes {
		if math.Abs(s[0]-a4W) > 1 || math.Abs(s[1]-a4H) > 1 {
			t.Errorf("page %d is %.2f × %.2f pt; want A4, %.2f × %.2f pt", i+1, s[0], s[1], a4W, a4H)
		}
	}
	if len(sizes) != sampleCircularPages {
		t.Errorf("the circular prints on %d pages; GB/T 9704's grid gives %d", len(sizes), sampleCircularPages)
	}
	t.Logf("%d A4 pages", len(sizes))

	pages := pdfWords(t, pdf, len(sizes))
	if pages == nil {
		return
	}
	texts := make([]string, len(pages))
	for i, p := range pages {
		texts[i] = text(p)
	}
	for _, want := range []string{"邵阳市双清区人民政府办公室", "关于区政府2023年1-2月“三重点”落实情况的通报", "双政办函〔2023〕14号"} {
		if !strings.Contains(texts[0], want) {
			t.Errorf("page 1 lacks %q; it reads %q", want, texts[0])
		}
	}

	noBrowserHeader(t, texts, len(texts))

	// Only the document is printed: no navigation, metadata, tools or
	// downloads, and not the appendix, which prints on its own.
	for _, hidden := range []string{"跳到正文", "适老模式", "索引号", "考核数据下载", "返回通报归档", "网站标识码",
		"打印本页", "复制链接", "字体", "打印附表", "附：2023年1-2月考核数据", "以下为本期通报所依据的全部排名"} {
		for i, s := range texts {
			if strings.Contains(s, hidden) {
				t.Errorf("page %d prints %q, which is not part of the document", i+1, hidden)
			}
		}
	}

	// 页码: none on the first page of a letter; “— n —” at the foot of the
	// others, even pages left, odd pages right.
	for i, p := range pages {
		n, x := pageNumber(p)
		switch want := fmt.Sprintf("—%d—", i+1); {
		case i == 0 && n != "":
			t.Errorf("page 1 of a 信函格式 circular carries a page number %q (GB/T 9704: none on its first page)", n)
		case i > 0 && n != want:
			t.Errorf("page %d's foot reads %q, want %q", i+1, n, want)
		case i > 0 && (i+1)%2 == 0 && x > 105:
			t.Errorf("page %d is even, but its number is on the right (centre %.0f mm)", i+1, x)
		case i > 0 && (i+1)%2 == 1 && x < 105:
			t.Errorf("page %d is odd, but its number is on the left (centre %.0f mm)", i+1, x)
		}
	}

	// The grid: a full page holds 22 lines, a full line 28 characters (a
	// little more with half-width digits, and punctuation set half-width
	// at the line's end).
	most, longest := 0, 0.0
	for i, p := range pages[1 : len(pages)-1] {
		ls := lines(p)
		body := len(ls) - 1 // less the page number
		if body > 22 {
			t.Errorf("page %d holds %d lines; GB/T 9704's grid has 22", i+2, body)
		}
		most = max(most, body)
		for _, l := range ls[:body] {
			longest = max(longest, width(text(l)))
		}
	}
	if most != 22 || longest < 28 || longest >= 29 {
		t.Errorf("the fullest page holds %d lines and the longest line %.1f characters; the grid is 22 lines of 28", most, longest)
	}

	// The last page holds the last lines of the text with the signature.
	last := texts[len(texts)-1]
	sign := "邵阳市双清区人民政府办公室2023年4月3日"
	if i := strings.Index(last, sign); i < 0 {
		t.Errorf("the last page lacks the signature and date %q: %q", sign, last)
	} else if before := []rune(last[:i]); len(before) < 20 {
		t.Errorf("the last page holds little but the signature (%d characters of text before it): %q", len(before), last)
	}

	checkLetterRules(t, pdf)
}

// noBrowserHeader checks that no page carries the browser's header or
// footer: Chrome prints the date (12/1/26) and the page's title at the top
// of a page, its address and “1/11” at the bottom. texts are the first
// pages of total.
func noBrowserHeader(t *testing.T, texts []string, total int) {
	t.Helper()
	browser := regexp.MustCompile(`\d{1,2}/\d{1,2}/\d{2,4}|\d+/` + strconv.Itoa(total) + `|127\.0\.0\.1|https?:`)
	for i, s := range texts {
		if m := browser.FindString(s); m != "" {
			t.Errorf("page %d carries the browser's header or footer (%q): %q", i+1, m, s)
		}
	}
}

// checkLetterRules reads the red double lines of 信函格式 from page 1's
// pixels (GB/T 9704-2012 §10.1): one thick over thin 4 mm below the 标志,
// one thin over thick 20 mm above the paper's bottom edge, both 170 mm
// wide and centred on the 版心 — and neither on page 2.
func checkLetterRules(t *testing.T, pdf []byte) {
	t.Helper()
	pdftoppm := poppler(t, "pdftoppm")
	if pdftoppm == "" {
		return
	}
	name := writePDF(t, pdf)
	const dpi = 100
	raster := func(n int) *pixmap {
		out, err := exec.Command(pdftoppm, "-r", strconv.Itoa(dpi), "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), name).Output()
		if err != nil {
			t.Fatalf("pdftoppm page %d: %v", n, err)
		}
		pm, err := readPPM(out)
		if err != nil {
			t.Fatalf("pdftoppm page %d: %v", n, err)
		}
		return pm
	}
	page1 := raster(1)
	toMM := func(px int) float64 { return float64(px) / dpi * 25.4 }
	const ruleLen = 160 * dpi / 25 // pixels: a rule is at least 160 mm long
	bands := page1.redRules(ruleLen)
	var desc []string
	for _, b := range bands {
		desc = append(desc, fmt.Sprintf("%.1f–%.1f mm from the top, %.1f–%.1f mm across", toMM(b.top), toMM(b.bottom+1), toMM(b.left), toMM(b.right+1)))
	}
	t.Logf("red rules on page 1: %s", strings.Join(desc, "; "))
	if len(bands) != 4 {
		t.Fatalf("page 1 has %d red rules (%s); want two double lines, four rules", len(bands), strings.Join(desc, "; "))
	}
	for _, b := range bands {
		if w, c := toMM(b.right+1-b.left), toMM(b.left+b.right+1)/2; math.Abs(w-170) > 2 || math.Abs(c-106) > 1.5 {
			t.Errorf("a red rule is %.1f mm wide, centred at %.1f mm; want 170 mm centred on the 版心 (106 mm)", w, c)
		}
	}
	thick := func(b rule) int { return b.bottom - b.top + 1 }
	upper, lower := bands[:2], bands[2:]
	if thick(upper[0]) <= thick(upper[1]) {
		t.Errorf("the upper double line is not thick over thin: %d px over %d px", thick(upper[0]), thick(upper[1]))
	}
	if thick(lower[0]) >= thick(lower[1]) {
		t.Errorf("the lower double line is not thin over thick: %d px over %d px", thick(lower[0]), thick(lower[1]))
	}
	if above := 297 - toMM(lower[1].bottom+1); math.Abs(above-20) > 1 {
		t.Errorf("the lower double line's lower edge is %.1f mm above the paper's bottom edge; want 20 mm", above)
	}
	// The 标志: the red ink above the upper line; its top 30 mm from the
	// paper's top, the line 4 mm below it.
	top, bottom := page1.redExtent(0, upper[0].top)
	if top < 0 {
		t.Error("no red 发文机关标志 above the double line")
	} else {
		if d := toMM(top); math.Abs(d-30) > 1.5 {
			t.Errorf("the 标志's top edge is %.1f mm below the paper's top; want 30 mm", d)
		}
		if d := toMM(upper[0].top - bottom - 1); math.Abs(d-4) > 1 {
			t.Errorf("the double line is %.1f mm below the 标志; want 4 mm", d)
		}
	}
	page2 := raster(2)
	if n := len(page2.redRules(ruleLen)); n != 0 {
		t.Errorf("page 2 has %d red rules; the double lines belong to page 1 only", n)
	}
	// Page 2's number, at the left: its 一字线, the first row below the
	// 版心 (262 mm) with a dark run of 3 mm or more, 7 mm below the 版心
	// (§7.5).
	px := func(mm float64) int { return int(mm * dpi / 25.4) }
	dash := -1.0
	for y := px(262); y < px(290) && y < page2.h && dash < 0; y++ {
		run := 0
		for x := px(25); x < px(60); x++ {
			i := (y*page2.w + x) * 3
			if max(page2.rgb[i], page2.rgb[i+1], page2.rgb[i+2]) < 128 {
				if run++; run >= px(3) {
					dash = toMM(y) - 262
					break
				}
			} else {
				run = 0
			}
		}
	}
	if math.Abs(dash-7) > 1 {
		t.Errorf("page 2's 一字线 is %.1f mm below the 版心; GB/T 9704 §7.5 puts it 7 mm below", dash)
	}
}

// A pixmap is a page rasterised by pdftoppm: 8-bit RGB, row by row.
type pixmap struct {
	w, h int
	rgb  []byte
}

// readPPM decodes the binary PPM (P6) that pdftoppm writes by default.
func readPPM(b []byte) (*pixmap, error) {
	var w, h, maxval int
	var magic string
	n, err := fmt.Sscan(string(b[:min(len(b), 64)]), &magic, &w, &h, &maxval)
	if err != nil || n != 4 || magic != "P6" || maxval != 255 {
		return nil, fmt.Errorf("not an 8-bit binary PPM: %q", b[:min(len(b), 20)])
	}
	// The header ends with a single whitespace after maxval.
	fields := 0
	i := 0
	for fields < 4 {
		for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') {
			i++
		}
		for i < len(b) && !(b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') {
			i++
		}
		fields++
	}
	i++
	if len(b)-i != w*h*3 {
		return nil, fmt.Errorf("PPM of %d × %d holds %d bytes", w, h, len(b)-i)
	}
	return &pixmap{w, h, b[i:]}, nil
}

// red reports whether the pixel at x, y is the red of the 公文 (#c00000,
// anti-aliased: clearly red, not pink or dark).
func (p *pixmap) red(x, y int) bool {
	i := (y*p.w + x) * 3
	r, g, b := p.rgb[i], p.rgb[i+1], p.rgb[i+2]
	return r > 150 && g < 90 && b < 90
}

// A rule is a horizontal red line: its rows and columns in pixels.
type rule struct{ top, bottom, left, right int }

// redRules finds the horizontal red lines of at least minLen pixels,
// top to bottom; adjacent rows of such runs are one rule.
func (p *pixmap) redRules(minLen int) []rule {
	var rules []rule
	for y := 0; y < p.h; y++ {
		left, right, run, best := -1, -1, 0, 0
		for x := 0; x < p.w; x++ {
			if !p.red(x, y) {
				run = 0
				continue
			}
			if run++; run > best {
				best = run
			}
			if left < 0 {
				left = x
			}
			right = x
		}
		if best < minLen {
			continue
		}
		if n := len(rules); n > 0 && rules[n-1].bottom == y-1 {
			r := &rules[n-1]
			r.bottom, r.left, r.right = y, min(r.left, left), max(r.right, right)
		} else {
			rules = append(rules, rule{y, y, left, right})
		}
	}
	return rules
}

// redExtent is the first and last row between from and to (excluded)
// holding any red pixel; -1, -1 when none does.
func (p *pixmap) redExtent(from, to int) (first, last int) {
	first, last = -1, -1
	for y := from; y < to; y++ {
		for x := 0; x < p.w; x++ {
			if p.red(x, y) {
				if first < 0 {
					first = y
				}
				last = y
				break
			}
		}
	}
	return first, last
}

// TestPrintAppendix prints a circular's appendix with its 打印附表 button:
// the appendix alone, its first line the circular's 文号 flush left in
// 三号 黑体 (GB/T 9704-2012 §7.3.7: an appendix not bound with its
// document names it so; not repeated on later pages, not shown on
// screen), then its heading, every table with its caption and its head
// row on each page it runs onto, no row split; afterwards the page prints
// the document again.
func TestPrintAppendix(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, sampleSite(t)))
	navigate(t, ctx, srv.URL+"/circulars/2023/14/")
	// The print dialog is the browser's: here it only counts, and the
	// print is taken while it would be open.
	eval[bool](t, ctx, `(window.print = () => { window.printed = (window.printed || 0) + 1; }, true)`)
	if eval[bool](t, ctx, `document.querySelector("details.appendix, .appendix details").open`) {
		t.Error("the appendix is open on arrival; it should be folded")
	}
	run(t, ctx, "opening the appendix", chromedp.Click(chromedp.CSS(".appendix summary"), chromedp.NodeVisible))
	run(t, ctx, "pressing 打印附表", chromedp.Click(chromedp.CSS("[data-print-appendix]"), chromedp.NodeVisible))
	if got := eval[int](t, ctx, `window.printed || 0`); got != 1 {
		t.Fatalf("打印附表 opened the print dialog %d times; want once", got)
	}
	pdf := printCurrent(t, ctx)
	n := len(pageSizes(t, pdf))
	t.Logf("the appendix prints on %d pages", n)

	captions := eval[[]string](t, ctx, `[...document.querySelectorAll(".appendix caption")].map(c => c.textContent.replace(/\s+/g, ""))`)
	heads := eval[[]string](t, ctx, `[...document.querySelectorAll(".appendix thead")].map(h => h.textContent.replace(/\s+/g, ""))`)
	startsWithAny := func(s string, list []string) bool {
		return slices.ContainsFunc(list, func(p string) bool { return strings.HasPrefix(s, p) })
	}
	pages := pdfWords(t, pdf, n)
	if pages != nil {
		all := ""
		for i, p := range pages {
			s := text(p)
			all += s
			if i == 0 {
				// The 版心's left edge is 28 mm from the paper's (订口).
				ls := lines(p)
				if len(ls) < 2 || text(ls[0]) != "双政办函〔2023〕14号" || !strings.HasPrefix(text(ls[1]), "附：2023年1-2月考核数据") {
					t.Errorf("page 1 does not begin with the circular's 文号 on a line of its own, then the appendix's heading: %q", s[:min(len(s), 120)])
				} else if x := ls[0][0].XMin / mm; math.Abs(x-28) > 1 {
					t.Errorf("the 文号 starts %.1f mm from the paper's left edge; flush left in the 版心 is 28 mm", x)
				}
			} else if strings.Contains(s, "双政办函〔2023〕14号") {
				t.Errorf("page %d of the appendix repeats the 文号; the first page names the circular", i+1)
			}
			for _, not := range []string{"经区政府研究", "打印附表", "展开", "收起", "考核数据下载"} {
				if strings.Contains(s, not) {
					t.Errorf("page %d of the appendix prints %q", i+1, not)
				}
			}
			// A page begins a table with its caption, or continues one
			// under its head row, repeated.
			if first := text(lines(p)[0]); i > 0 && !startsWithAny(first, captions) && !startsWithAny(first, heads) {
				t.Errorf("page %d begins with neither a table's caption nor its head row: %q", i+1, first)
			}
		}
		// Every table of the appendix is there, with its caption.
		for _, caption := range captions {
			if !strings.Contains(all, caption) {
				t.Errorf("the printed appendix lacks the table %q", caption)
			}
		}
	}
	// On screen the document above says which circular it is: the line is
	// for paper. On paper it is 三号 (16 pt) 黑体, the 附件 标识's face.
	if got := eval[string](t, ctx, `getComputedStyle(document.querySelector(".appendix-of")).display`); got != "none" {
		t.Errorf("on screen the appendix's 文号 line is display: %s; want none", got)
	}
	// No row is split between pages: the print styles keep every row whole.
	emulateMedia(t, ctx, "print")
	if got := eval[string](t, ctx, `(s => s.fontSize + " " + s.fontFamily.split(",")[0])(getComputedStyle(document.querySelector(".appendix-of")))`); got != "21.3333px SimHei" {
		t.Errorf("in print the appendix's 文号 line is %s; want 16 pt (21.3333px) in 黑体 (SimHei first)", got)
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll(".appendix tr")].map(r => getComputedStyle(r).breakInside).find(b => b !== "avoid") || ""`); got != "" {
		t.Errorf("in print an appendix table row is break-inside: %s; it may be split between pages", got)
	}
	emulateMedia(t, ctx, "")

	// Once the dialog closes, the page prints the document again.
	eval[bool](t, ctx, `(window.dispatchEvent(new Event("afterprint")), true)`)
	if eval[bool](t, ctx, `document.documentElement.classList.contains("print-appendix")`) {
		t.Error("after printing the appendix the page still prints only the appendix")
	}
	if got := len(pageSizes(t, printCurrent(t, ctx))); got != sampleCircularPages {
		t.Errorf("after printing the appendix the page prints %d pages; the document is %d", got, sampleCircularPages)
	}
}

// emulateMedia makes the page's CSS media "print", or "" for the screen again.
func emulateMedia(t *testing.T, ctx context.Context, media string) {
	t.Helper()
	run(t, ctx, "emulating the media "+media, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	}))
}

// TestPrintFileFormat prints the same circular in 文件格式, whose first page
// does carry its number: “— 1 —” at the foot of page 1, and no browser
// footer after it; the red separator 4 mm under the 发文字号.
func TestPrintFileFormat(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := copySite(t, sampleSite(t))
	editFile(t, filepath.Join(dir, "content", "circulars", "2023-02.md"), `format = "letter"`, `format = "file"`)
	srv := serveOutputs(t, renderSite(t, dir))

	pdf := printPDF(t, ctx, srv.URL+"/circulars/2023/14/")
	sizes := pageSizes(t, pdf)
	if len(sizes) < 2 {
		t.Fatalf("%d pages printed; want at least 2", len(sizes))
	}
	checkSeparator(t, pdf)
	pages := pdfWords(t, pdf, 2)
	if pages == nil {
		return
	}
	noBrowserHeader(t, []string{text(pages[0]), text(pages[1])}, len(sizes))
	if s := text(pages[0]); !strings.Contains(s, "邵阳市双清区人民政府办公室文件") {
		t.Errorf("page 1 lacks the 文件格式 标志 “…文件”: %q", s)
	}
	for i, p := range pages {
		if n, _ := pageNumber(p); n != fmt.Sprintf("—%d—", i+1) {
			t.Errorf("page %d's foot reads %q, want “— %d —”", i+1, n, i+1)
		}
	}
}

// TestPrintAttachmentsAndRecord prints the sample circular in 文件格式 with
// two attachments, a 附注, 抄送 and a 印发 line: on paper the 附件说明 gives
// the names alone (no type, size or link), numbered and aligned under the
// first; then the signature, the 附注 below the date, indented, and the
// 版记 last, 抄送's second line under its colon's next character (§7.4.2),
// 印发机关 at its left and 印发日期 at its right, at the foot of
// a last page of its own, which carries no number (§7.4, §7.5).
func TestPrintAttachmentsAndRecord(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := copySite(t, sampleSite(t))
	fileFormatWithRecord(t, dir, "2023-02.md", "note = \"此件公开发布\"\ncc = \"市政府办公室，区委办公室，区人大常委会办公室，区政协办公室，区纪委监委，区人民法院，区人民检察院\"\nprinted = 2023-04-04",
		map[string]string{"各乡镇考核得分表": "%PDF attachment", "通报原件": "%PDF attachment"})
	srv := serveOutputs(t, renderSite(t, dir))
	pdf := printPDF(t, ctx, srv.URL+"/circulars/2023/14/")
	n := len(pageSizes(t, pdf))
	pages := pdfWords(t, pdf, n)
	if pages == nil {
		return
	}
	var all []string
	for _, p := range pages[n-2:] {
		for _, l := range lines(p) {
			all = append(all, text(l))
		}
	}
	find := func(page int, prefix string) (int, []word) {
		for i, l := range lines(pages[page]) {
			if strings.HasPrefix(text(l), prefix) {
				return i, l
			}
		}
		t.Fatalf("page %d has no line starting %q; the last two pages:\n%s", page+1, prefix, strings.Join(all, "\n"))
		return 0, nil
	}
	first, l1 := find(n-2, "附件：1.各乡镇考核得分表")
	second, l2 := find(n-2, "2.通报原件")
	sign, _ := find(n-2, "邵阳市双清区人民政府办公室")
	note, ln := find(n-2, "（此件公开发布）")
	cc, lc := find(n-1, "抄送：市政府办公室，区委办公室，")
	printed, lp := find(n-1, "邵阳市双清区人民政府办公室2023年4月4日印发")
	if !(first < second && second < sign && sign < note && cc < printed) {
		t.Errorf("the lines are out of order:\n%s", strings.Join(all, "\n"))
	}
	if k := len(lines(pages[n-1])); k != 3 {
		t.Errorf("the 版记's page has %d lines, want its three alone (抄送 on two):\n%s", k, strings.Join(all, "\n"))
	}
	// 抄送's second line starts under the first character after its
	// colon (§7.4.2), three 四号 characters (14 pt) in.
	if cc+1 < len(lines(pages[n-1])) {
		if d := lines(pages[n-1])[cc+1][0].XMin - lc[0].XMin; math.Abs(d-3*14) > 4 {
			t.Errorf("抄送's second line starts %.1f pt right of its first; want three characters, 42 pt", d)
		}
	}
	// Its last line on the 版心's last: the 版心 ends 35 mm above the
	// paper's foot, and a 四号 line (14 pt) with its rule is about 25 pt.
	gap := a4H - 35*mm - lp[0].YMax
	t.Logf("the 印发 line ends %.1f pt above the 版心's foot", gap)
	if gap < 0 || gap > 25 {
		t.Errorf("the 印发 line ends %.1f pt above the 版心's foot; the 版记 belongs at the foot of the page", gap)
	}
	if num, _ := pageNumber(pages[n-1]); num != "" {
		t.Errorf("the 版记's page is numbered %q; §7.5 gives it none", num)
	}
	if num, _ := pageNumber(pages[n-2]); num != fmt.Sprintf("—%d—", n-1) {
		t.Errorf("the page before the 版记's is numbered %q, want “— %d —”", num, n-1)
	}
	for _, l := range all {
		if strings.Contains(l, "XLSX") || strings.Contains(l, "PDF") {
			t.Errorf("on paper an attachment's type and size are printed: %q", l)
		}
	}
	// 2. under 1., after 附件：; the 附注 two characters in, like the
	// 附件说明 (a 三号 character is 16 pt).
	if d := l2[0].XMin - l1[0].XMin; d < 2.5*16 || d > 3.5*16 {
		t.Errorf("2. starts %.1f pt right of 附件：, want about three characters", d)
	}
	if d := ln[0].XMin - l1[0].XMin; math.Abs(d) > 4 {
		t.Errorf("the 附注 starts %.1f pt from the 附件说明's start; both are indented two characters", d)
	}
	if left, right := lp[0].XMin, lp[len(lp)-1].XMax; right-left < 250 {
		t.Errorf("the 印发 line spans %.0f pt; its date should sit at the right", right-left)
	}
}

// TestPrintPictures: a picture in a circular's text prints whole on one
// page, however tall — not cut across four — and one wider than the
// column prints within it, on the page the text puts it.
func TestPrintPictures(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := copySite(t, sampleSite(t))
	for name, size := range map[string]image.Point{"长图.png": {400, 3000}, "宽图.png": {2400, 600}} {
		pic := image.NewGray(image.Rect(0, 0, size.X, size.Y))
		var b bytes.Buffer
		if err := png.Encode(&b, pic); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "content", "circulars", "图", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	editFile(t, filepath.Join(dir, "content", "circulars", "2023-02.md"), "### （二）重点项目\n",
		"![一张很长的图](图/长图.png)\n\n![一张很宽的图](图/宽图.png)\n\n### （二）重点项目\n")
	srv := serveOutputs(t, renderSite(t, dir))
	pdf := printPDF(t, ctx, srv.URL+"/circulars/2023/14/")
	pdfimages := poppler(t, "pdfimages")
	if pdfimages == "" {
		return
	}
	out, err := exec.Command(pdfimages, "-list", writePDF(t, pdf)).Output()
	if err != nil {
		t.Fatal(err)
	}
	// page num type width height … x-ppi y-ppi …: a picture cut across
	// pages is listed once on each.
	pages := map[string][]string{}
	ppi := map[string]float64{}
	for _, l := range strings.Split(string(out), "\n")[2:] {
		f := strings.Fields(l)
		if len(f) < 14 {
			continue
		}
		size := f[3] + "×" + f[4]
		pages[size] = append(pages[size], f[0])
		ppi[size], _ = strconv.ParseFloat(f[12], 64)
	}
	if p := pages["400×3000"]; len(p) != 1 {
		t.Errorf("the tall picture prints on pages %v, want one", p)
	}
	// 2400 px within the 156 mm column: at least 2400 / (156 / 25.4) ppi.
	if p, r := pages["2400×600"], ppi["2400×600"]; len(p) != 1 || r < 2400/(156/25.4)-1 {
		t.Errorf("the wide picture prints on pages %v at %.0f ppi, want one page and within the column (≥ %.0f ppi)", p, r, 2400/(156/25.4))
	}
}

// TestPrintPortalHeader prints a circular of a site whose header and
// footer are its portal's, with markup of their own around the built-in
// classes (a top bar above the header, a row of links below the footer):
// only the document is on paper, as with the built-in ones — the print
// rules hide everything beside main, not only the classes they know.
func TestPrintPortalHeader(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := copySite(t, sampleSite(t))
	header, _ := theme.Read("partials/header.html")
	footer, _ := theme.Read("partials/footer.html")
	writeLayout := func(name, text string) {
		p := filepath.Join(dir, "layouts", "partials", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeLayout("header.html", `<div class="portal-top">欢迎访问门户网站</div>`+"\n"+string(header))
	writeLayout("footer.html", string(footer)+"\n"+`<div class="portal-links"><a href="https://www.example.gov.cn/">门户首页</a></div>`)
	srv := serveOutputs(t, renderSite(t, dir))
	navigate(t, ctx, srv.URL+"/circulars/2023/14/")
	if eval[string](t, ctx, `[...document.body.children].filter(e => e.className.startsWith("portal-")).length + ""`) != "2" {
		t.Fatal("the page lacks the portal's markup")
	}
	emulateMedia(t, ctx, "print")
	shown := eval[string](t, ctx, `[...document.body.children].filter(e => e.tagName !== "MAIN" && e.tagName !== "SCRIPT" && getComputedStyle(e).display !== "none").map(e => e.className || e.tagName).join(" ")`)
	emulateMedia(t, ctx, "")
	if shown != "" {
		t.Errorf("in print, beside the document, the page shows: %s", shown)
	}
}

// TestPrintWrappedMain prints a circular of a site whose base.html is its
// portal's page skeleton, everything in the body inside a wrapper of its
// own, as portals' templates are: the document is printed, alone — the
// wrapper holds main, so it is not hidden with what stands beside main,
// and its top bar beside the header is.
func TestPrintWrappedMain(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := copySite(t, sampleSite(t))
	base, _ := theme.Read("base.html")
	wrapped := strings.Replace(strings.Replace(string(base), `<body class="kind-{{.Kind}}">`,
		`<body class="kind-{{.Kind}}"><div class="portal-page"><div class="portal-top">欢迎访问门户网站</div>`, 1),
		"</body>", "</div></body>", 1)
	if wrapped == string(base) {
		t.Fatal("the built-in base.html has no body to wrap")
	}
	if err := os.MkdirAll(filepath.Join(dir, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "layouts", "base.html"), []byte(wrapped), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serveOutputs(t, renderSite(t, dir))
	navigate(t, ctx, srv.URL+"/circulars/2023/14/")
	emulateMedia(t, ctx, "print")
	shown := eval[string](t, ctx, `[document.querySelector("main .document"), document.querySelector(".portal-top"), document.querySelector(".site-header")].map(e => e.getClientRects().length > 0 ? "shown" : "hidden").join(" ")`)
	emulateMedia(t, ctx, "")
	if want := "shown hidden hidden"; shown != want {
		t.Errorf("in print, the document, the portal's top bar and the header are %s, want %s", shown, want)
	}
}

// TestPrintYearCircular: a year's circular, whose table of twelve months'
// ranks is the widest a circular holds, prints at its size: its text on
// GB/T 9704's grid (lines 28.8 pt apart) and the table within the 版心,
// without the screen's hint to scroll it.
// A table wider than the 版心 ran past it to 190 mm when printed through
// DevTools, as here; a reader's print dialog shrank the whole page to
// 79 % to fit it instead, the body out of 三号 and off the grid.
func TestPrintYearCircular(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	outs := renderSite(t, demoSite(t))
	var path string
	for _, o := range outs {
		if strings.HasPrefix(o.Path, "circulars/") && strings.HasSuffix(o.Path, "/index.html") && bytes.Contains(o.Data, []byte(`<th scope="col">12月</th>`)) {
			path = strings.TrimSuffix(o.Path, "index.html")
			break
		}
	}
	if path == "" {
		t.Fatal("the demo has no year's circular with a table of twelve months")
	}
	srv := serveOutputs(t, outs)
	// The window is 1280 px wide: on screen the table scrolls in its box,
	// under a hint to scroll it (page.js: data-scroll), which is the
	// screen's and not printed.
	navigate(t, ctx, srv.URL+"/"+path)
	if !eval[bool](t, ctx, `!!document.querySelector(".table-wrap[data-scroll] .period-table")`) {
		t.Fatalf("/%s: on screen the table of twelve months does not scroll in its box; the test prints none to hide", path)
	}
	pdf := printCurrent(t, ctx)
	n := len(pageSizes(t, pdf))
	pages := pdfWords(t, pdf, n)
	if pages == nil {
		return
	}
	for i, p := range pages {
		if s := text(p); strings.Contains(s, "左右滑动") {
			t.Errorf("/%s: page %d prints the screen's hint to scroll the table: %q", path, i+1, s)
		}
	}
	// The heads of the narrow columns wrap in halves, a word a line:
	// 年度 / 得分, 年度 / 排名 (not 年度排 / 名).
	var heads []string
	for _, w := range pages[0] {
		if strings.HasPrefix(w.Text, "年度") || w.Text == "得分" || strings.HasSuffix(w.Text, "排名") || w.Text == "名" {
			heads = append(heads, w.Text)
		}
	}
	if !slices.Contains(heads, "排名") || !slices.Contains(heads, "得分") || slices.Contains(heads, "名") {
		t.Errorf("/%s: the table's heads wrap as %q; want 年度 / 得分 and 年度 / 排名", path, heads)
	}
	// Lines of body text: long, their characters 三号 (16 pt apart),
	// which a shrunk page's are not (12.6 pt at 79 %), nor the table's.
	body := func(l []word) bool {
		n := len([]rune(text(l)))
		return n >= 20 && (l[len(l)-1].XMax-l[0].XMin)/float64(n) > 14.5
	}
	var pitches []float64
	ls := lines(pages[0])
	for i := 1; i < len(ls); i++ {
		if body(ls[i-1]) && body(ls[i]) {
			pitches = append(pitches, ls[i][0].YMin-ls[i-1][0].YMin)
		}
	}
	right := 0.0
	for _, w := range pages[0] {
		right = max(right, w.XMax)
	}
	slices.Sort(pitches)
	if len(pitches) == 0 || math.Abs(pitches[len(pitches)/2]-28.8) > 1 {
		t.Errorf("/%s: its lines are %v pt apart on page 1; GB/T 9704's grid puts them 28.8 pt apart", path, pitches)
	}
	// The 版心 ends 28 + 156 mm from the paper's left edge; a table's rule
	// or a cell's padding may reach a little past the text.
	if right > (28+156+1.5)*mm {
		t.Errorf("/%s: page 1 prints to %.1f mm from the left; the 版心 ends at 184 mm", path, right/mm)
	}
}

// TestPrintHistoryPages: the pages of a unit's, an indicator's and every
// unit's ranks, whose tables run to a year of months, print within the
// 版心 (they ran to 190 mm, and a reader's print dialog shrank the whole
// page to 70 % instead). A department's prints its lead on the first
// page, as the screen shows it first.
func TestPrintHistoryPages(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, demoSite(t)))
	for _, path := range []string{"rankings/", "units/dongfenglu/", "indicators/jindu/", "units/fagai/"} {
		pdf := printPDF(t, ctx, srv.URL+"/"+path)
		n := min(len(pageSizes(t, pdf)), 4)
		pages := pdfWords(t, pdf, n)
		if pages == nil {
			return
		}
		if path == "units/fagai/" {
			var first strings.Builder
			for _, w := range pages[0] {
				first.WriteString(w.Text)
			}
			if !strings.Contains(first.String(), "考核排类为") {
				t.Errorf("/%s's first printed page lacks its lead (考核排类为…)", path)
			}
		}
		right := 0.0
		for _, p := range pages {
			for _, w := range p {
				right = max(right, w.XMax)
			}
		}
		if right > (28+156+1.5)*mm {
			t.Errorf("/%s prints to %.1f mm from the paper's left edge; the 版心 ends at 184 mm", path, right/mm)
		}
	}
}

// TestPrintJointCircular prints the sample circular issued jointly by the
// district's party committee office and its government office in 文件格式
// (GB/T 9704-2012 联合行文). Page 1: the two names one under the other,
// the lead's first, each as wide as the other (12 characters spread to
// 13), 文件 to their right, centred between them, the whole centred on the
// 版心 (28 mm to 184 mm from the paper's left) and within it; one 文号
// below. The last page: the names of 12 and 13 characters and the gap
// between them do not fit a line of 28 with two characters to spare, so
// the signatures stand one under the other (§7.3.5.2), right-aligned two
// characters (32 pt) from the 版心's right, the date centred under the
// last.
func TestPrintJointCircular(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := copySite(t, sampleSite(t))
	editFile(t, filepath.Join(dir, "content", "circulars", "2023-02.md"), `format = "letter"`,
		"format = \"file\"\nissuers = [\"中共邵阳市双清区委办公室\", \"邵阳市双清区人民政府办公室\"]")
	srv := serveOutputs(t, renderSite(t, dir))
	pdf := printPDF(t, ctx, srv.URL+"/circulars/2023/14/")
	n := len(pageSizes(t, pdf))
	pages := pdfWords(t, pdf, n)
	if pages == nil {
		return
	}
	const lead, other, date = "中共邵阳市双清区委办公室", "邵阳市双清区人民政府办公室", "2023年4月3日"
	// find returns the first (or the last) line of page p that reads s.
	find := func(p int, s string, last bool) []word {
		var found []word
		for _, l := range lines(pages[p]) {
			if text(l) == s {
				found = l
				if !last {
					break
				}
			}
		}
		if found == nil {
			var all []string
			for _, l := range lines(pages[p]) {
				all = append(all, text(l))
			}
			t.Fatalf("page %d has no line %q:\n%s", p+1, s, strings.Join(all, "\n"))
		}
		return found
	}
	left, right := func(l []word) float64 { return l[0].XMin }, func(l []word) float64 { return l[len(l)-1].XMax }
	middle := func(l []word) float64 { return (l[0].YMin + l[0].YMax) / 2 }

	a, file, b := find(0, lead, false), find(0, "文件", false), find(0, other, false)
	if !(a[0].YMin < file[0].YMin && file[0].YMin < b[0].YMin) {
		t.Errorf("the letterhead's lines are out of order: %q at %.1f, 文件 at %.1f, %q at %.1f", lead, a[0].YMin, file[0].YMin, other, b[0].YMin)
	}
	if d := middle(file) - (middle(a)+middle(b))/2; math.Abs(d) > 3 {
		t.Errorf("文件 stands %.1f pt below the middle of the two names; GB/T 9704 §7.2.4 centres it against them", d)
	}
	if math.Abs(left(a)-left(b)) > 2 || math.Abs(right(a)-right(b)) > 2 {
		t.Errorf("the names span %.1f–%.1f and %.1f–%.1f pt; the letterhead sets them as wide", left(a), right(a), left(b), right(b))
	}
	if left(file) < max(right(a), right(b)) {
		t.Errorf("文件 starts at %.1f pt, within the names, which end at %.1f", left(file), max(right(a), right(b)))
	}
	if left(a) < 28*mm-1 || right(file) > 184*mm+1 {
		t.Errorf("the letterhead spans %.1f–%.1f pt, beyond the 版心's %.1f–%.1f", left(a), right(file), 28*mm, 184*mm)
	}
	if d := (left(a)+right(file))/2 - 106*mm; math.Abs(d) > 4 {
		t.Errorf("the letterhead's centre is %.1f pt from the 版心's", d)
	}
	numbers := 0
	for _, l := range lines(pages[0]) {
		if text(l) == "双政办函〔2023〕14号" {
			numbers++
			if l[0].YMin < b[0].YMax {
				t.Error("the 文号 is not below the letterhead")
			}
		}
	}
	if numbers != 1 {
		t.Errorf("page 1 has %d 文号 lines, want the lead office's one", numbers)
	}

	last := n - 1
	sa, sb, sd := find(last, lead, true), find(last, other, true), find(last, date, true)
	if !(sa[0].YMin < sb[0].YMin && sb[0].YMin < sd[0].YMin) {
		t.Errorf("the signature's lines are out of order: %.1f, %.1f, the date %.1f", sa[0].YMin, sb[0].YMin, sd[0].YMin)
	}
	for _, l := range [][]word{sa, sb} {
		if d := 184*mm - right(l); math.Abs(d-32) > 4 {
			t.Errorf("the signature %q ends %.1f pt from the 版心's right; want two characters, 32 pt", text(l), d)
		}
	}
	if d := (left(sd)+right(sd))/2 - (left(sb)+right(sb))/2; math.Abs(d) > 3 {
		t.Errorf("the date's centre is %.1f pt from the last signature's", d)
	}
}

// TestPrintJointSideBySide: with a lead office's name of 7 characters the
// two signatures and the gap between them fit the line, two characters
// to spare: they stand side by side in order, as under seals (GB/T
// 9704-2012 §7.3.5.1), the date centred under the last.
func TestPrintJointSideBySide(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := copySite(t, sampleSite(t))
	editFile(t, filepath.Join(dir, "content", "circulars", "2023-02.md"), `format = "letter"`,
		"format = \"file\"\nissuers = [\"双清区委办公室\", \"邵阳市双清区人民政府办公室\"]")
	srv := serveOutputs(t, renderSite(t, dir))
	pdf := printPDF(t, ctx, srv.URL+"/circulars/2023/14/")
	n := len(pageSizes(t, pdf))
	pages := pdfWords(t, pdf, n)
	if pages == nil {
		return
	}
	var sign, date []word
	for _, l := range lines(pages[n-1]) {
		switch text(l) {
		case "双清区委办公室邵阳市双清区人民政府办公室":
			sign = l
		case "2023年4月3日":
			date = l
		}
	}
	if sign == nil || date == nil {
		var all []string
		for _, l := range lines(pages[n-1]) {
			all = append(all, text(l))
		}
		t.Fatalf("the last page has no line of both signatures, or none of the date:\n%s", strings.Join(all, "\n"))
	}
	k := slices.IndexFunc(sign, func(w word) bool { return strings.HasPrefix(w.Text, "邵阳市") })
	if k <= 0 {
		t.Fatalf("the signatures' line is not two names, the lead's first: %q", text(sign))
	}
	if gap := sign[k].XMin - sign[k-1].XMax; gap < 16 {
		t.Errorf("the signatures are %.1f pt apart; they run together", gap)
	}
	if d := (date[0].XMin+date[len(date)-1].XMax)/2 - (sign[k].XMin+sign[len(sign)-1].XMax)/2; math.Abs(d) > 3 {
		t.Errorf("the date's centre is %.1f pt from the last signature's", d)
	}
	// A line of 三号 at 1.8 is 28.8 pt (pdftotext's boxes are taller
	// than that: compare their tops).
	if d := date[0].YMin - sign[0].YMin; d < 20 || d > 40 {
		t.Errorf("the date's line is %.1f pt below the signatures'; want the next line, about 29 pt", d)
	}
	if d := 184*mm - sign[len(sign)-1].XMax; math.Abs(d-32) > 4 {
		t.Errorf("the signatures end %.1f pt from the 版心's right; want two characters, 32 pt", d)
	}
}
