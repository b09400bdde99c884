package e2e

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"tongbao/internal/demo"
	"tongbao/internal/site"

	"github.com/chromedp/chromedp"
)

// officeSite is one of testdata/offices: a small site of an office shaped
// otherwise than the seed's.
func officeSite(t *testing.T, name string) string {
	t.Helper()
	return filepath.Join(moduleRoot(t), "testdata", "offices", name)
}

// TestPrintShortAppendix prints, with 打印附表, the appendix of an annual
// circular of four units (testdata/offices/annual): a table shorter than
// the 版心 prints on one page. On screen the page is at least as tall as
// the window, to keep the footer at its foot; on paper that was a page's
// height below the appendix's first line, which starts lower: a second,
// blank page, numbered “— 2 —”.
func TestPrintShortAppendix(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, officeSite(t, "annual")))
	navigate(t, ctx, srv.URL+"/circulars/2025/3/")
	eval[bool](t, ctx, `(window.print = () => {}, true)`)
	run(t, ctx, "opening the appendix", chromedp.Click(chromedp.CSS(".appendix summary"), chromedp.NodeVisible))
	run(t, ctx, "pressing 打印附表", chromedp.Click(chromedp.CSS("[data-print-appendix]"), chromedp.NodeVisible))
	pdf := printCurrent(t, ctx)
	n := len(pageSizes(t, pdf))
	pages := pdfWords(t, pdf, n)
	if pages == nil {
		if n != 1 {
			t.Errorf("the appendix prints on %d pages; its table is shorter than the 版心, one page", n)
		}
		return
	}
	var all []string
	for _, p := range pages {
		all = append(all, text(p))
	}
	if n != 1 || !strings.HasPrefix(all[0], "江政办〔2025〕3号附：2024年度考核数据") || !strings.Contains(all[0], "第四北区") {
		t.Errorf("the appendix prints on %d pages; want it whole on one:\n%s", n, strings.Join(all, "\n---\n"))
	}
}

// TestPrintGroupHeadings prints the page of every unit's ranks of an
// office whose units are ranked in two groups (testdata/offices/
// city-groups): a group's heading — its section's summary — is never
// left at a page's foot with its units on the next page. Printed without
// the heat map's note and legends, six lines, the second group's heading
// (市辖区组) falls on page 1's last line (line 22, where it stays when the
// print rules that keep a heading with what follows it are taken out): it
// goes over with its first unit. (Each group prints as a table of its
// own, its name in its head row with the months: TestPrintGroupContinued.)
func TestPrintGroupHeadings(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, officeSite(t, "city-groups")))
	navigate(t, ctx, srv.URL+"/rankings/")
	eval[bool](t, ctx, `(document.querySelectorAll("#heatmap-heading ~ .note, .heat-legend").forEach(e => e.remove()), true)`)
	pdf := printCurrent(t, ctx)
	n := len(pageSizes(t, pdf))
	pages := pdfWords(t, pdf, n)
	if pages == nil {
		return
	}
	// page returns the page and line of the first line reading s.
	page := func(s string) (int, int) {
		for i, p := range pages {
			for j, l := range lines(p) {
				if text(l) == s || strings.HasPrefix(text(l), s) && len(l) > 1 && l[0].Text == s {
					return i, j
				}
			}
		}
		t.Fatalf("no page prints %q", s)
		return 0, 0
	}
	for _, g := range []struct{ heading, first string }{{"县（市）组", "舞钢市"}, {"市辖区组", "新华区"}} {
		hp, hl := page(g.heading)
		up, ul := page(g.first)
		if hp != up || ul < hl {
			t.Errorf("the group heading %s is on page %d, line %d; its first unit %s on page %d, line %d: a heading goes with its first row", g.heading, hp+1, hl+1, g.first, up+1, ul+1)
		}
	}
	// The second group starts page 2, its name in its head row.
	if hp, hl := page("市辖区组"); hp != 1 || hl > 2 {
		t.Errorf("市辖区组 is on page %d, line %d; the layout puts it on page 1's last line, to go over to page 2 under the head row — if the page's layout has moved, move it back to the foot (the test's case)", hp+1, hl+1)
	}
}

// TestPrintJointTitle prints a circular issued jointly by two offices
// whose names, 13 and 10 characters, do not fit one line of the title
// together (GB/T 9704-2012: 二号, 22 pt, in a 版心 156 mm wide, 20
// characters a line): the title breaks between the names, each whole on
// a line (§7.3.1: a title wraps with its words whole), not inside the
// first (平安市绩效考核委员会 / 办公室 平安市…). Every line of the title is
// 二号, within the 版心 and centred on it; the 发文字号 is centred too,
// the red separator 4 mm under it.
func TestPrintJointTitle(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := copySite(t, officeSite(t, "city-groups"))
	const lead, other = "平安市绩效考核委员会办公室", "平安市人民政府办公室"
	editFile(t, filepath.Join(dir, "content", "circulars", "2024-03.md"), `format = "file"`,
		`format = "file"`+"\nissuers = [\""+lead+"\", \""+other+"\"]")
	srv := serveOutputs(t, renderSite(t, dir))
	pdf := printPDF(t, ctx, srv.URL+"/circulars/2024/21/")
	checkSeparator(t, pdf)
	pages := pdfWords(t, pdf, 1)
	if pages == nil {
		return
	}
	// The title's lines: those between the 文号's and the 主送机关's.
	var title [][]word
	var number []word
	for _, l := range lines(pages[0]) {
		if s := text(l); s == "平政办〔2024〕21号" {
			number = l
		} else if strings.HasSuffix(s, "：") {
			break
		} else if number != nil {
			title = append(title, l)
		}
	}
	var all []string
	for _, l := range title {
		all = append(all, text(l))
	}
	if number == nil || len(title) < 2 {
		t.Fatalf("page 1 has no 文号 line or no title under it: %q", text(pages[0]))
	}
	centre := func(l []word) float64 { return (l[0].XMin + l[len(l)-1].XMax) / 2 }
	if d := centre(number)/mm - 106; math.Abs(d) > 1.5 {
		t.Errorf("the 文号's centre is %.1f mm from the 版心's (106 mm from the paper's left)", d)
	}
	for _, name := range []string{lead, other} {
		if !slices.ContainsFunc(all, func(s string) bool { return strings.Contains(s, name) }) {
			t.Errorf("no line of the title holds %s whole; the title reads %q", name, all)
		}
	}
	for _, l := range title {
		s := text(l)
		left, right := l[0].XMin/mm, l[len(l)-1].XMax/mm
		if pitch := (l[len(l)-1].XMax - l[0].XMin) / width(s); math.Abs(pitch-22) > 1 {
			t.Errorf("the title's line %q is set %.1f pt a character; 二号 is 22 pt", s, pitch)
		}
		if left < 28-0.5 || right > 184+0.5 {
			t.Errorf("the title's line %q spans %.1f–%.1f mm; the 版心 is 28–184 mm", s, left, right)
		}
		if d := (left+right)/2 - 106; math.Abs(d) > 2 {
			t.Errorf("the title's line %q is centred %.1f mm off the 版心's centre", s, d)
		}
	}
}

// checkSeparator reads the 文件格式's red separator from page 1's pixels
// (GB/T 9704-2012 §7.2.4): one red line across the 版心, 156 mm wide from
// 28 mm, 4 mm below the 发文字号 — below its characters' lowest ink, the
// brackets of 〔2024〕 reaching their font's foot.
func checkSeparator(t *testing.T, pdf []byte) {
	t.Helper()
	pdftoppm := poppler(t, "pdftoppm")
	if pdftoppm == "" {
		return
	}
	const dpi = 200
	out, err := exec.Command(pdftoppm, "-r", strconv.Itoa(dpi), "-f", "1", "-l", "1", writePDF(t, pdf)).Output()
	if err != nil {
		t.Fatalf("pdftoppm page 1: %v", err)
	}
	page, err := readPPM(out)
	if err != nil {
		t.Fatal(err)
	}
	toMM := func(px int) float64 { return float64(px) / dpi * 25.4 }
	rules := page.redRules(150 * dpi * 10 / 254)
	if len(rules) != 1 {
		t.Fatalf("page 1 has %d red lines across the 版心; 文件格式 has one, the separator", len(rules))
	}
	r := rules[0]
	if left, w := toMM(r.left), toMM(r.right+1-r.left); math.Abs(left-28) > 1 || math.Abs(w-156) > 1 {
		t.Errorf("the separator starts %.1f mm from the paper's left and is %.1f mm wide; the 版心 is 156 mm from 28 mm", left, w)
	}
	// The 文号's lowest ink: the last row above the rule with a dark pixel.
	ink := -1
	for y := r.top - 1; y >= 0 && ink < 0; y-- {
		for x := 0; x < page.w; x++ {
			i := (y*page.w + x) * 3
			if max(page.rgb[i], page.rgb[i+1], page.rgb[i+2]) < 128 {
				ink = y
				break
			}
		}
	}
	if gap := toMM(r.top - ink - 1); ink < 0 || math.Abs(gap-4) > 0.5 {
		t.Errorf("the separator is %.1f mm below the 发文字号; GB/T 9704 puts it 4 mm below", gap)
	}
}

// groupedVillageSite is a year's demo of testdata/offices/city-groups
// with the 32 villageNames added to its two groups, the first twenty to
// 县（市）组 and the rest to 市辖区组: each group longer than a printed
// page of the rankings' heat map. It returns the folder, written once in
// a run and shared (a test that edits it copies it first), and each
// unit's group by name.
func groupedVillageSite(t *testing.T) (string, map[string]string) {
	t.Helper()
	sample, err := site.Load(officeSite(t, "city-groups"))
	if err != nil {
		t.Fatalf("loading city-groups: %v", err)
	}
	first := len(sample.Townships)
	for i, name := range villageNames {
		g := sample.Groups[0]
		if i >= 20 {
			g = sample.Groups[1]
		}
		sample.Townships = append(sample.Townships, &site.Unit{Name: name, Slug: fmt.Sprintf("cun%02d", i+1), Kind: sample.Townships[0].Kind, Group: g})
	}
	for _, ind := range sample.Indicators {
		if len(ind.Townships) == first {
			ind.Townships = sample.Townships
		}
	}
	group := map[string]string{}
	for _, u := range sample.Townships {
		group[u.Name] = u.Group.Name
	}
	dir := sharedSiteDir(t, "grouped", func(t *testing.T, dir string) {
		if err := demo.Write(dir, sample, 1, 1); err != nil {
			t.Fatalf("writing the demo: %v", err)
		}
	})
	return dir, group
}

// TestPrintGroupContinued prints the rankings' heat map of an office whose
// two groups of units are each longer than a page (groupedVillageSite):
// every page the table goes on to names, above its first unit, the group
// that unit is ranked in — not only the months of the head row, repeated,
// over units whose group was named a page before.
func TestPrintGroupContinued(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir, group := groupedVillageSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	pdf := printPDF(t, ctx, srv.URL+"/rankings/")
	n := len(pageSizes(t, pdf))
	pages := pdfWords(t, pdf, n)
	if pages == nil {
		return
	}
	continued := 0
	for i, p := range pages {
		ls := lines(p)
		// The page's first unit: the first row of the table, a line of a
		// unit's name with its scores on the line under it (the list of
		// units further down has none).
		u := -1
		for j := 0; j+1 < len(ls) && u < 0; j++ {
			_, unit := group[text(ls[j])]
			_, err := strconv.ParseFloat(ls[j+1][0].Text, 64)
			if unit && err == nil {
				u = j
			}
		}
		if u < 0 {
			continue
		}
		unit := text(ls[u])
		named := slices.ContainsFunc(ls[:u], func(l []word) bool { return strings.HasPrefix(text(l), group[unit]) })
		if !named {
			var above []string
			for _, l := range ls[:u] {
				above = append(above, text(l))
			}
			t.Errorf("page %d's first unit, %s, has no heading of its group (%s) above it; above it: %q", i+1, unit, group[unit], above)
		}
		if i > 0 && group[unit] != "" {
			continued++
		}
	}
	// The case the test is for: the table goes on over pages.
	if continued < 2 {
		t.Errorf("the heat map goes on to %d more pages; the test wants each group to break across a page", continued)
	}
}

// longTablesSite writes a year's demo of an office whose units' tables
// are longer than a printed page, and adds to its last month's circular
// the `table` shortcode of indicator id: grouped, testdata/offices/
// city-groups with the 32 villageNames added to its first group,
// 县（市）组 (36 units, 市辖区组 keeping its 3); ungrouped, villageSite's
// town of 32 villages. It returns the folder and the addresses of the
// month's circular and of the last quarter's, whose period-table lists
// every unit.
func longTablesSite(t *testing.T, grouped bool) (dir, month, quarter string) {
	t.Helper()
	id := "gongye"
	if grouped {
		sample, err := site.Load(officeSite(t, "city-groups"))
		if err != nil {
			t.Fatalf("loading city-groups: %v", err)
		}
		first := len(sample.Townships)
		for i, name := range villageNames {
			sample.Townships = append(sample.Townships, &site.Unit{Name: name, Slug: fmt.Sprintf("cun%02d", i+1), Kind: sample.Townships[0].Kind, Group: sample.Groups[0]})
		}
		for _, ind := range sample.Indicators {
			if len(ind.Townships) == first {
				ind.Townships = sample.Townships
			}
		}
		dir = filepath.Join(t.TempDir(), "grouped")
		if err := demo.Write(dir, sample, 1, 1); err != nil {
			t.Fatalf("writing the demo: %v", err)
		}
		id = "gdp"
	} else {
		dir = filepath.Join(t.TempDir(), "villages")
		writeVillages(t, dir, 1)
	}
	number := regexp.MustCompile(`〔(\d+)〕(\d+)号`)
	last := func(pattern string) (string, []byte, string) {
		names, err := filepath.Glob(filepath.Join(dir, "content", "circulars", pattern))
		if err != nil || len(names) == 0 {
			t.Fatalf("the demo has no circular %s: %v", pattern, err)
		}
		name := names[len(names)-1]
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m := number.FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s has no 文号", name)
		}
		return name, b, fmt.Sprintf("/circulars/%s/%s/", m[1], m[2])
	}
	name, b, month := last("*-[01][0-9].md")
	// Under the first heading, text after it: a table that ended the
	// circular would go on to the signature's page (.doc-sign's
	// break-before: avoid) however long it was.
	b = bytes.Replace(b, []byte("\n## "), fmt.Appendf(nil, "\n{{< table %q >}}\n\n## ", id), 1)
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, quarter = last("*-Q[1-4].md")
	return dir, month, quarter
}

// A printedTable is a table of a printed page as the page holds it: its
// caption's text, its head row's and the number of its body rows.
type printedTable struct {
	Caption, Head string
	Rows          int
}

// pageNumberRE is a page's number at its foot: — 2 —.
var pageNumberRE = regexp.MustCompile(`^—\d+—$`)

// checkContinued reads the printed pages of the tables (in the order the
// page holds them) and holds that every page a table goes on to begins
// with its caption and 续表 at the line's end, and that no other line
// says 续表: a table's first page is titled by its caption alone. The
// lines under a table's caption or title are its head row's, on one line
// or wrapped over two (县（市、 / 区）), as many characters as it has, and
// then its rows (each a line: names and ranks do not wrap) but for the
// pages' numbers, counted to know which table a page's first row goes on
// with. It returns the number of pages a table went on to, and for each
// table the pages (counted from 0) of its first row and of its last.
func checkContinued(t *testing.T, pages [][]word, tables []printedTable) (continued int, rows [][2]int) {
	t.Helper()
	rows = make([][2]int, len(tables))
	cur, seen, head := -1, 0, 0 // head: characters of the head row still to come
	for i, p := range pages {
		for j, l := range lines(p) {
			s := text(l)
			open := cur >= 0 && seen < tables[cur].Rows
			if j == 0 && i > 0 && open {
				if want := tables[cur].Caption + "续表"; s != want {
					t.Errorf("page %d goes on with %s's row %d of %d; its first line is %q, want %q", i+1, tables[cur].Caption, seen+1, tables[cur].Rows, s, want)
				}
				continued++
				head = utf8.RuneCountInString(tables[cur].Head)
				continue
			}
			if strings.Contains(s, "续表") {
				t.Errorf("page %d, line %d says 续表 where no table goes on from a page before: %q", i+1, j+1, s)
			}
			switch {
			case cur+1 < len(tables) && s == tables[cur+1].Caption:
				cur, seen = cur+1, 0
				head = utf8.RuneCountInString(tables[cur].Head)
			case open && head > 0:
				head -= utf8.RuneCountInString(s)
			case open && !pageNumberRE.MatchString(s):
				if seen == 0 {
					rows[cur][0] = i
				}
				rows[cur][1] = i
				seen++
			}
		}
	}
	if cur != len(tables)-1 {
		t.Errorf("the pages print %d of the %d tables' captions", cur+1, len(tables))
	}
	return continued, rows
}

// TestPrintTableContinued prints tables longer than a page — the
// appendix's, with 打印附表, and a circular's `table` shortcode's — of an
// office that ranks its units in groups and of one that does not
// (longTablesSite): every page a table goes on to begins with the
// table's caption, which names the group (县（市）组综合考核排名), and
// 续表 at its end, then its head row; the first page of a table has its
// caption without 续表. Paper repeats a table's head row and not its
// caption: a group's table went on under 排名 县（市、区） 综合得分 and
// nothing said which group's ranks they were. The appendix's first table
// begins on its first page.
func TestPrintTableContinued(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	for _, grouped := range []bool{true, false} {
		dir, month, quarter := longTablesSite(t, grouped)
		srv := serveOutputs(t, renderSite(t, dir))
		read := func(what, selector string) (rows [][2]int) {
			t.Helper()
			tables := eval[[]printedTable](t, ctx, `[...document.querySelectorAll(`+strconv.Quote(selector)+`)].filter(t => t.caption).map(t => ({
			  Caption: t.caption.textContent.replace(/\s+/g, ""),
			  Head: t.tHead.rows[t.tHead.rows.length - 1].textContent.replace(/\s+/g, ""),
			  Rows: t.tBodies[0].rows.length}))`)
			pdf := printCurrent(t, ctx)
			n := len(pageSizes(t, pdf))
			pages := pdfWords(t, pdf, n)
			if pages == nil {
				return
			}
			pages = inkedWords(t, pdf, pages, "续表")
			continued, rows := checkContinued(t, pages, tables)
			if continued == 0 {
				t.Errorf("%s: no table goes on to a second page; the test wants one that does", what)
			}
			return rows
		}
		navigate(t, ctx, srv.URL+quarter)
		read(quarter, ".doc-body table")
		navigate(t, ctx, srv.URL+month)
		read(month, ".doc-body table")
		eval[bool](t, ctx, `(window.print = () => {}, true)`)
		run(t, ctx, "opening the appendix", chromedp.Click(chromedp.CSS(".appendix summary"), chromedp.NodeVisible))
		run(t, ctx, "pressing 打印附表", chromedp.Click(chromedp.CSS("[data-print-appendix]"), chromedp.NodeVisible))
		// The appendix's first table, longer than a page, begins under the
		// appendix's first lines: a table held whole (break-inside: avoid)
		// that is taller than a page went to a page of its own, leaving
		// the first page blank under them, and split there all the same.
		if rows := read(month+"'s appendix", ".appendix table"); rows != nil && rows[0][0] != 0 {
			t.Errorf("%s's appendix: its first table, longer than a page, begins on page %d; want it on page 1, under the appendix's first lines", month, rows[0][0]+1)
		}
	}
}

// inkedWords drops from pages each word reading mark that prints no ink:
// text the page has painted over, which is in the PDF's text and not on
// the paper. (Chromium repeats a table's head on each page as it is, 续表
// and all; the stylesheet covers 续表 on the table's first page.)
func inkedWords(t *testing.T, pdf []byte, pages [][]word, mark string) [][]word {
	t.Helper()
	pdftoppm := poppler(t, "pdftoppm")
	if pdftoppm == "" {
		return pages
	}
	const dpi = 100
	name := writePDF(t, pdf)
	out := make([][]word, len(pages))
	for i, p := range pages {
		var page *pixmap
		for _, w := range p {
			if w.Text != mark {
				out[i] = append(out[i], w)
				continue
			}
			if page == nil {
				b, err := exec.Command(pdftoppm, "-r", strconv.Itoa(dpi), "-f", strconv.Itoa(i+1), "-l", strconv.Itoa(i+1), name).Output()
				if err != nil {
					t.Fatalf("pdftoppm page %d: %v", i+1, err)
				}
				if page, err = readPPM(b); err != nil {
					t.Fatal(err)
				}
			}
			// Ink of its characters: a row of the middle of the word's box
			// with dark pixels in part. (pdftotext's box is the font's,
			// taller than the line: a rule crossing it, a table's border,
			// is dark across the whole row.)
			px := func(pt float64) int { return int(pt * dpi / 72) }
			inset := (w.XMax - w.XMin) / 8
			inked := false
			for y := px(w.YMin); y <= px(w.YMax) && y < page.h && !inked; y++ {
				dark, all := 0, 0
				for x := px(w.XMin + inset); x <= px(w.XMax-inset) && x < page.w; x++ {
					if j := (y*page.w + x) * 3; max(page.rgb[j], page.rgb[j+1], page.rgb[j+2]) < 128 {
						dark++
					}
					all++
				}
				inked = dark > 0 && dark < all
			}
			if inked {
				out[i] = append(out[i], w)
			}
		}
	}
	return out
}

// shortTablesSite writes a year's demo of testdata/offices/city-groups
// with the 32 villageNames added as an office of villages in townships
// has them: four more groups of 8, 7, 8 and 6 (甲镇, 乙镇, 丙乡, 丁乡), the
// 3 left over in 市辖区组 (6 in all, 县（市）组 keeping its 4). To the
// last month's circular it adds under its first heading the `table`
// shortcode of each indicator ranking every unit (gdp, shouru), a table
// of each group: twelve tables of four to eight rows in a row, some of which
// come to a page's foot. It returns the folder and the circular's address.
func shortTablesSite(t *testing.T) (dir, month string) {
	t.Helper()
	sample, err := site.Load(officeSite(t, "city-groups"))
	if err != nil {
		t.Fatalf("loading city-groups: %v", err)
	}
	first := len(sample.Townships)
	names := villageNames
	for _, g := range []struct {
		name string
		n    int
	}{{"甲镇", 8}, {"乙镇", 7}, {"丙乡", 8}, {"丁乡", 6}, {"", 3}} {
		group := sample.Groups[1]
		if g.name != "" {
			group = &site.Group{Name: g.name}
			sample.Groups = append(sample.Groups, group)
		}
		for _, name := range names[:g.n] {
			u := &site.Unit{Name: name, Slug: fmt.Sprintf("cun%02d", len(sample.Townships)-first+1), Kind: sample.Townships[0].Kind, Group: group}
			group.Units = append(group.Units, u)
			sample.Townships = append(sample.Townships, u)
		}
		names = names[g.n:]
	}
	var shortcodes []byte
	for _, ind := range sample.Indicators {
		if len(ind.Townships) == first {
			ind.Townships = sample.Townships
			shortcodes = fmt.Appendf(shortcodes, "\n{{< table %q >}}\n", ind.ID)
		}
	}
	dir = filepath.Join(t.TempDir(), "short")
	if err := demo.Write(dir, sample, 1, 1); err != nil {
		t.Fatalf("writing the demo: %v", err)
	}
	names, err = filepath.Glob(filepath.Join(dir, "content", "circulars", "*-[01][0-9].md"))
	if err != nil || len(names) == 0 {
		t.Fatalf("the demo has no month's circular: %v", err)
	}
	name := names[len(names)-1]
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`〔(\d+)〕(\d+)号`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("%s has no 文号", name)
	}
	b = bytes.Replace(b, []byte("\n## "), append(shortcodes, "\n## "...), 1)
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, fmt.Sprintf("/circulars/%s/%s/", m[1], m[2])
}

// TestPrintShortTablesWhole prints a circular of twelve short tables
// one after another, a group's each (shortTablesSite): a table of up to
// ten rows prints whole on one page — moved to the next page where the
// rest of one would hold only its first rows (3 + 5, 2 + 9 before) — and
// at least one of them did move, leaving room at the foot of the page
// before for its caption, head and a row. Tables longer than that go on
// over pages under 续表 (TestPrintTableContinued).
func TestPrintShortTablesWhole(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir, month := shortTablesSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	navigate(t, ctx, srv.URL+month)
	tables := eval[[]printedTable](t, ctx, `[...document.querySelectorAll(".doc-body table")].filter(t => t.caption).map(t => ({
	  Caption: t.caption.textContent.replace(/\s+/g, ""),
	  Head: t.tHead.rows[t.tHead.rows.length - 1].textContent.replace(/\s+/g, ""),
	  Rows: t.tBodies[0].rows.length}))`)
	if len(tables) != 12 {
		t.Fatalf("the circular has %d tables with a caption; want 12, 6 groups' of 2 indicators", len(tables))
	}
	pdf := printCurrent(t, ctx)
	pages := pdfWords(t, pdf, len(pageSizes(t, pdf)))
	if pages == nil {
		return
	}
	pages = inkedWords(t, pdf, pages, "续表")
	_, rows := checkContinued(t, pages, tables)
	// The 版心's foot: the lowest line of any page but its number.
	content := func(p []word) [][]word {
		return slices.DeleteFunc(lines(p), func(l []word) bool { return pageNumberRE.MatchString(text(l)) })
	}
	foot := 0.0
	for _, p := range pages {
		if ls := content(p); len(ls) > 0 {
			foot = max(foot, ls[len(ls)-1][0].YMax)
		}
	}
	moved := 0
	for i, tb := range tables {
		if tb.Rows > 10 {
			t.Errorf("%s has %d rows; the test wants tables of ten rows or fewer", tb.Caption, tb.Rows)
			continue
		}
		if rows[i][0] != rows[i][1] {
			t.Errorf("%s, %d rows, prints on pages %d to %d; want its rows on one page", tb.Caption, tb.Rows, rows[i][0]+1, rows[i][1]+1)
			continue
		}
		p := rows[i][0]
		ls := content(pages[p])
		if p == 0 || len(ls) < 3 || text(ls[0]) != tb.Caption {
			continue
		}
		// It begins its page: was there room on the page before for its
		// caption, head and first row (three lines here: the head is one)?
		before := content(pages[p-1])
		if len(before) > 0 && foot-before[len(before)-1][0].YMax >= ls[2][0].YMax-ls[0][0].YMin {
			moved++
		}
	}
	if moved == 0 {
		t.Errorf("no table moved whole to a page with room for its first rows on the page before; the test wants one that would have split")
	}
}
