package render

import (
	"html/template"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// These tests read the built pages as a screen reader does: the text of
// the page in document order, without what aria-hidden takes out of it.
// axe (internal/e2e) finds markup errors; it cannot hear a page say
// “中间点” between a month and a title, or “破折号” for an empty cell.

var (
	speechTagRE = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/?)>`)
	unreadRE    = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)>`)
	voidTags    = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
		"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}
)

// spoken is the text a screen reader reads from a fragment of markup:
// tags and aria-hidden subtrees removed, each element's text kept apart
// from the next by a space, entities as written (the theme writes none
// of the glyphs checked here as entities).
func spoken(markup string) string {
	markup = unreadRE.ReplaceAllString(markup, " ")
	var b strings.Builder
	hidden := 0 // depth inside an aria-hidden subtree
	var stack []bool
	last := 0
	for _, m := range speechTagRE.FindAllStringSubmatchIndex(markup, -1) {
		if hidden == 0 {
			b.WriteString(markup[last:m[0]])
		}
		last = m[1]
		closing, name := markup[m[2]:m[3]] == "/", strings.ToLower(markup[m[4]:m[5]])
		attrs := markup[m[6]:m[7]]
		b.WriteString(" ")
		if voidTags[name] || m[8] != m[9] {
			continue
		}
		if closing {
			if n := len(stack); n > 0 {
				if stack[n-1] {
					hidden--
				}
				stack = stack[:n-1]
			}
			continue
		}
		h := strings.Contains(attrs, `aria-hidden="true"`)
		if h {
			hidden++
		}
		stack = append(stack, h)
	}
	if hidden == 0 {
		b.WriteString(markup[last:])
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestSpoken(t *testing.T) {
	for in, want := range map[string]string{
		`<p>甲<span aria-hidden="true"> · </span><span>乙</span></p>`:    "甲 乙",
		`<td><span aria-hidden="true"><b>—</b></span>无</td>`:           "无",
		`<p>a<br>b<img alt="x"><span aria-hidden="true">c</span>d</p>`: "a b d",
		`<p>a<script>if (a<b) x()</script>b</p>`:                       "a b",
		`<div aria-hidden="true"><div></div>x</div><p>y</p>`:           "y",
	} {
		if got := spoken(in); got != want {
			t.Errorf("spoken(%q) = %q, want %q", in, got, want)
		}
	}
}

// mainOf is the <main> element of a page: the part of it that differs
// from page to page (the header and footer have their own tests).
func mainOf(page string) string {
	i, j := strings.Index(page, "<main"), strings.LastIndex(page, "</main>")
	if i < 0 || j < i {
		return ""
	}
	return page[i:j]
}

// a11yPages renders the sample circular and the three-month history site
// (which has previous and next circulars) and returns their HTML pages.
func a11yPages(t *testing.T) map[string]string {
	t.Helper()
	pages := map[string]string{}
	for name, s := range map[string]func(*testing.T) map[string][]byte{
		"sample": func(t *testing.T) map[string][]byte { return renderFiles(t, loadSample(t), "") },
		"history": func(t *testing.T) map[string][]byte {
			f := historySite()
			// A second January, a year before: matrices with 1月 in two
			// years. Each circular its own title, as in a real archive.
			f["data/2022-01.toml"] = f["data/2023-01.toml"]
			f["content/circulars/2022-01.md"] = strings.Replace(strings.Replace(strings.Replace(f["content/circulars/2023-01.md"],
				"2023-01", "2022-01", 1), "2023-02-10", "2022-02-10", 1), "〔2023〕2号", "〔2022〕1号", 1)
			// A folder of plain pages, listed at /notices/; one has a list.
			f["content/notices/2023-03.md"] = "+++\ntitle = \"关于3月考核安排的说明\"\ndate = 2023-03-01\n+++\n\n3月考核：\n\n- 按原办法进行；\n- 数据按时填报。\n"
			f["content/notices/2023-04.md"] = "+++\ntitle = \"关于4月考核安排的说明\"\ndate = 2023-04-01\n+++\n\n4月考核按原办法进行。\n"
			for k, v := range f {
				if strings.HasPrefix(k, "content/circulars/") {
					f[k] = strings.Replace(v, "关于测试的通报", "关于测试的通报（"+strings.TrimSuffix(k[len("content/circulars/"):], ".md")+"）", 1)
				}
			}
			return renderFiles(t, loadFiles(t, f), "")
		},
	} {
		for path, body := range s(t) {
			if strings.HasSuffix(path, ".html") {
				pages[name+":"+path] = string(body)
			}
		}
	}
	return pages
}

// TestNoDecorativeGlyphsSpoken: separators and arrows drawn for the eye
// (2023年1月 · 关于…, 历次考核排名 › 考核指标, ↑1) are hidden from a screen
// reader, which otherwise reads their names aloud in the middle of a
// link or a sentence; what they mean, where it matters, is said in words.
func TestNoDecorativeGlyphsSpoken(t *testing.T) {
	pages := a11yPages(t)
	var problems []string
	for name, page := range pages {
		text := spoken(mainOf(page))
		for _, g := range []string{"·", "›", "»", "→", "←", "↑", "↓", "▲", "▼", "▶", "★", "☆", "～"} {
			if i := strings.Index(text, g); i >= 0 {
				lo, hi := max(0, i-60), min(len(text), i+60)
				problems = append(problems, name+": "+g+" in “"+strings.ToValidUTF8(text[lo:hi], "")+"”")
			}
		}
	}
	sort.Strings(problems)
	for _, p := range slices.Compact(problems) {
		t.Error(p)
	}
}

// TestBreadcrumbIsNavigation: the trail above a history page's title is
// navigation, found by a screen reader's list of landmarks (当前位置, as
// portals call it), not a paragraph of links among the page's text.
func TestBreadcrumbIsNavigation(t *testing.T) {
	n := 0
	for name, page := range a11yPages(t) {
		if !strings.Contains(page, `class="breadcrumb"`) {
			continue
		}
		n++
		if !strings.Contains(page, `<nav class="breadcrumb" aria-label="当前位置">`) {
			t.Errorf("%s: the breadcrumb is not a <nav> labelled 当前位置", name)
		}
	}
	if n == 0 {
		t.Fatal("no page has a breadcrumb")
	}
}

var tdRE = regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)

// hiddenRowRE is a table row with the hidden attribute, which no screen
// reader reaches: the row that titles a table on paper (.print-title),
// its one cell empty, the words the stylesheet's.
var hiddenRowRE = regexp.MustCompile(`(?s)<tr[^>]*\shidden[\s>].*?</tr>`)

// TestEmptyCellsSaySo: a table cell with nothing in it shows a dash; a
// screen reader, moving cell by cell, hears 无 (or why there is none),
// not 破折号 as if the dash were the rank. (A row hidden from it is not
// read: hiddenRowRE.)
func TestEmptyCellsSaySo(t *testing.T) {
	pages := a11yPages(t)
	// A quarter's period-table, where a township was not ranked in a
	// month: the shortcode's own template, on a view made for it (the
	// loader wants every township scored every month).
	src, err := os.ReadFile("../theme/layouts/shortcodes/period-table.html")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	err = template.Must(template.New("").Parse(string(src))).Execute(&b, []PeriodTableView{{
		Caption: "2023年第一季度乡镇（街道）综合考核排名", Unit: "乡镇（街道）", Months: []string{"1月", "2月"}, Total: "季度",
		Rows: []PeriodTableRow{{Name: "丙镇", Months: []string{"第二", "—"}, Spoken: []string{"", "无排名"}, Titles: []string{"", ""}, Score: "66.67", Rank: "第二"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	pages["period-table"] = "<main>" + b.String() + "</main>"
	dashes := 0
	for name, page := range pages {
		for _, m := range tdRE.FindAllStringSubmatch(hiddenRowRE.ReplaceAllString(mainOf(page), ""), -1) {
			if strings.Contains(m[1], "—") {
				dashes++
			}
			switch strings.TrimSpace(spoken(m[1])) {
			case "—", "-", "－", "–", "":
				t.Errorf("%s: a cell says only %q: %s", name, spoken(m[1]), m[0])
			}
		}
	}
	if dashes == 0 {
		t.Fatal("no cell with a dash: the test checks nothing")
	}
}

var spokenLinkRE = regexp.MustCompile(`(?s)<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>`)

// TestLinkTextsTellApart: a screen reader lists a page's links by their
// text alone (NVDA's 元素列表, VoiceOver's rotor); two links that read
// the same go to the same place. The months heading a matrix's columns
// (1月, 2月 …, once a year) carry their year for the ear.
func TestLinkTextsTellApart(t *testing.T) {
	for name, page := range a11yPages(t) {
		to := map[string]string{}
		for _, m := range spokenLinkRE.FindAllStringSubmatch(mainOf(page), -1) {
			said := spoken(m[2])
			if prev, ok := to[said]; ok && prev != m[1] {
				t.Errorf("%s: two links read “%s”: %s and %s", name, said, prev, m[1])
			}
			to[said] = m[1]
		}
	}
}

var headingRE = regexp.MustCompile(`<h([1-6])[\s>]`)

// TestHeadingOutline: a screen reader user moves through a page by its
// headings: one h1, the page's own title, and no level skipped below it.
func TestHeadingOutline(t *testing.T) {
	for name, page := range a11yPages(t) {
		if strings.Contains(page, `http-equiv="refresh"`) {
			continue // an alias: a redirect, no content
		}
		levels := headingRE.FindAllStringSubmatch(page, -1)
		h1 := 0
		prev := 0
		for _, l := range levels {
			n := int(l[1][0] - '0')
			if n == 1 {
				h1++
			}
			if n > prev+1 {
				t.Errorf("%s: h%d after h%d", name, n, prev)
			}
			prev = n
		}
		if h1 != 1 {
			t.Errorf("%s: %d h1", name, h1)
		}
	}
}

var listTagRE = regexp.MustCompile(`<(/?)(ul|ol|nav)\b([^>]*)>`)

// TestUnmarkedListsAreLists: the theme draws most of its lists without
// bullets or numbers (list-style: none), and Safari then no longer tells
// VoiceOver they are lists (WebKit's rule, outside <nav>): an iPhone user
// would not hear 列表，12项 before the units or the circulars of a year.
// role="list" keeps it (internal/markdown gives the body's lists theirs).
// Lists inside <nav> keep theirs; the bulleted link-list and 404's links
// show their markers.
func TestUnmarkedListsAreLists(t *testing.T) {
	n := 0
	for name, page := range a11yPages(t) {
		inNav := 0
		for _, m := range listTagRE.FindAllStringSubmatch(mainOf(page), -1) {
			closing, tag, attrs := m[1] == "/", m[2], m[3]
			if tag == "nav" {
				if closing {
					inNav--
				} else {
					inNav++
				}
				continue
			}
			if closing || inNav > 0 || attrs == ` class="link-list"` || attrs == ` class="notfound-links"` {
				continue
			}
			n++
			if !strings.Contains(attrs, `role="list"`) {
				t.Errorf("%s: <%s%s> is drawn without markers and has no role=\"list\"", name, tag, attrs)
			}
		}
	}
	if n == 0 {
		t.Fatal("no list checked")
	}
}
