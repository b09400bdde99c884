package render

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/chromedp/chromedp/kb"
	"tongbao/internal/browsertest"

	"tongbao/internal/demo"
	"tongbao/internal/site"
)

// TestBrowserSearch opens the search page of the rendered sample site in
// Chromium, at the root and under a baseURL path: ?q=禁毒 lists the
// indicator of that name first, then the other pages holding the word,
// with the word marked; typing searches again and keeps the address
// current; the results are reached and opened with the keyboard; the
// header's form leads to the search page. The query fetches only the
// shards of its own tokens.
func TestBrowserSearch(t *testing.T) {
	for _, base := range []string{"/", "/tongbao/"} {
		t.Run("base="+base, func(t *testing.T) {
			ctx := newSearchBrowser(t)
			srv, log := serveLogged(t, renderFiles(t, loadSample(t), base), base, true)
			circular := base + "circulars/2023/14/"
			linked := `document.querySelector(` + browsertest.Quote(`.search-results a[href="`+circular+`"]`) + `) !== null`

			browse(t, ctx, srv.URL+base+"search/?q="+url.QueryEscape("禁毒"))
			browsertest.WaitFor(t, ctx, linked+` && document.querySelector(".search-result-snippet mark") !== null`, "a result linking to "+circular)
			// The indicator 禁毒 by its name; the department 区禁毒办 and
			// the police, who own it; the circular.
			if got := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); got != "完全匹配 4 条，部分匹配 0 条。" {
				t.Errorf("status %q, want 完全匹配 4 条，部分匹配 0 条。", got)
			}
			if got := evalJS[string](t, ctx, `document.querySelector(".search-result a").getAttribute("href")`); got != base+"indicators/jindu/" {
				t.Errorf("the first result is %s, want the indicator 禁毒", got)
			}
			if got := evalJS[string](t, ctx, `document.querySelector(".search-result .search-exact").textContent`); got != "名称相符" {
				t.Errorf("the first result is labelled %q, want 名称相符", got)
			}
			if got := evalJS[string](t, ctx, `document.querySelector("#search-q").value`); got != "禁毒" {
				t.Errorf("the search box holds %q, want 禁毒", got)
			}
			marks := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".search-result mark")].map(m => m.textContent)`)
			if len(marks) < 4 {
				t.Fatalf("marks %q: want 禁毒 in every title or snippet", marks)
			}
			for _, m := range marks {
				if m != "禁毒" {
					t.Errorf("marked %q, which is not the query", m)
				}
			}
			if got := evalJS[string](t, ctx, `document.querySelector(`+browsertest.Quote(`.search-results a[href="`+circular+`"]`)+`).closest("li").querySelector(".search-result-meta").textContent`); !strings.Contains(got, "双政办函〔2023〕14号") || !strings.Contains(got, "2023-04-03") || !strings.HasPrefix(got, "通报") {
				t.Errorf("the circular's kind, 文号 and date read %q", got)
			}
			// What was fetched: the manifest, the shards of 禁毒 and of its
			// exact key, the table's page, the packs' ranges.
			var shards []string
			for _, p := range log() {
				if strings.HasPrefix(p, base+"search/s/") {
					shards = append(shards, p)
				}
			}
			if len(shards) == 0 || len(shards) > 2 {
				t.Errorf("the query fetched the shards %q; want those of 禁毒 and =禁毒 only", shards)
			}

			// Typed in traditional characters, the department's name is
			// looked up again in simplified ones, the pieces of the table
			// of variants that hold the characters of 區禁 and 毒辦 (which
			// no page holds) fetched then, each once: 區 U+5340 is in
			// piece 5, 毒 U+6BD2 in 29, 禁 U+7981 in 43, 辦 U+8FA6 in 65
			// (and none for 禁毒, which pages hold).
			variants := func() (pieces []string) {
				for _, p := range log() {
					if rest, ok := strings.CutPrefix(p, base+"search/v/"); ok {
						pieces = append(pieces, rest[:strings.IndexByte(rest, '.')])
					}
				}
				slices.Sort(pieces)
				return pieces
			}
			if v := variants(); len(v) != 0 {
				t.Errorf("禁毒 fetched the pieces %q of the table of variants", v)
			}
			browse(t, ctx, srv.URL+base+"search/?q="+url.QueryEscape("區禁毒辦"))
			browsertest.WaitFor(t, ctx, `document.querySelector(".search-status").textContent.startsWith("按简体字“区禁毒办”查找：完全匹配 ") && document.querySelector(".search-result mark").textContent === "区禁毒办"`, "區禁毒辦 to be looked up as 区禁毒办, and marked so")
			if v := variants(); !slices.Equal(v, []string{"29", "43", "5", "65"}) {
				t.Errorf("區禁毒辦 fetched the pieces %q of the table of variants, want 5, 29, 43 and 65 once each", v)
			}

			// Typed without the title's quotation marks, the circular's
			// “三重点”落实情况 matches completely, marked with them.
			browse(t, ctx, srv.URL+base+"search/?q="+url.QueryEscape("三重点落实情况"))
			browsertest.WaitFor(t, ctx, `/^完全匹配 [1-9]/.test(document.querySelector(".search-status").textContent) && document.querySelector(`+browsertest.Quote(`.search-complete a[href="`+circular+`"] mark`)+`) !== null`, "三重点落实情况 to find the circular completely")
			if got := evalJS[string](t, ctx, `document.querySelector(`+browsertest.Quote(`.search-complete a[href="`+circular+`"] mark`)+`).textContent`); got != "三重点”落实情况" {
				t.Errorf("三重点落实情况 marked %q in the circular's title, want 三重点”落实情况", got)
			}

			// Typing searches as you go and updates the address.
			run(t, ctx, chromedp.Focus(chromedp.ID("search-q")))
			run(t, ctx, chromedp.Evaluate[bool](`document.querySelector("#search-q").select(), true`))
			run(t, ctx, chromedp.SendKeys(chromedp.ID("search-q"), "关于本站"))
			browsertest.WaitFor(t, ctx, `new URLSearchParams(location.search).get("q") === "关于本站" && location.pathname === `+browsertest.Quote(base+"search/"), "the address to carry ?q=关于本站")
			browsertest.WaitFor(t, ctx, `document.querySelector(".search-results a") !== null && document.querySelector(".search-results a").getAttribute("href") === `+browsertest.Quote(base+"about/"), "关于本站 to be the first result")

			// Keyboard: from the box, Tab reaches the button, the order, the
			// year, then the first result; Enter opens it.
			run(t, ctx, chromedp.Focus(chromedp.ID("search-q")))
			for _, want := range []string{"BUTTON", "search-sort", "search-year", base + "about/"} {
				run(t, ctx, chromedp.KeyEvent(kb.Tab))
				if got := evalJS[string](t, ctx, `document.activeElement.getAttribute("href") || document.activeElement.id || document.activeElement.tagName`); got != want {
					t.Fatalf("Tab focused %q, want %q", got, want)
				}
			}
			run(t, ctx, chromedp.KeyEvent(kb.Enter))
			browsertest.WaitFor(t, ctx, `location.pathname === `+browsertest.Quote(base+"about/"), "Enter to open the result")

			// The header's form (on every other page) leads to the search page.
			run(t, ctx, chromedp.SendKeys(chromedp.ID("site-search-q"), "禁毒"+kb.Enter))
			browsertest.WaitFor(t, ctx, `location.pathname === `+browsertest.Quote(base+"search/")+` && new URLSearchParams(location.search).get("q") === "禁毒" && `+linked, "the header form to show the results")
		})
	}
}

// searchDemo renders a three-year demo archive with two plain pages, one
// holding 值班值守 and one 值班 and 值守 apart.
func searchDemo(t *testing.T) (*site.Site, map[string][]byte) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, loadSample(t), 3, 1); err != nil {
		t.Fatal(err)
	}
	notices := filepath.Join(dir, "content", "notices")
	if err := os.MkdirAll(notices, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"apart.md":    "+++\ntitle = \"演示数据：关于汛期的说明\"\ndate = 2022-06-01\n+++\n\n值班人员要坚守岗位，值守到位。\n",
		"together.md": "+++\ntitle = \"演示数据：关于本月的说明\"\ndate = 2021-06-01\n+++\n\n严格值班值守制度。\n",
	} {
		if err := os.WriteFile(filepath.Join(notices, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s, renderFiles(t, s, "/")
}

// results are the listed results: link, section (complete or partial)
// and date.
const resultsJS = `[...document.querySelectorAll(".search-result")].map(li => [
  li.querySelector("a").getAttribute("href"),
  li.closest("section").className,
  (li.querySelector("time") || {}).textContent || ""])`

// TestBrowserSearchRanking holds the order of results to the issue's
// rules on a three-year demo, in Chromium: every 文号 of a random sample
// finds its circular first, every township's name its page; a phrase's
// whole matches come before documents holding its words apart, counted
// apart, with a notice when none holds the whole query; a word that
// occurs nowhere finds nothing; results sort newest first and narrow to
// a year, and both live in the address.
func TestBrowserSearchRanking(t *testing.T) {
	ctx := newSearchBrowser(t)
	s, files := searchDemo(t)
	srv, _ := serveLogged(t, files, "/", true)
	search := func(q, extra string) [][3]string {
		t.Helper()
		browse(t, ctx, srv.URL+"/search/?q="+url.QueryEscape(q)+extra)
		waitDone(t, ctx, "the results for "+q)
		return evalJS[[][3]string](t, ctx, resultsJS)
	}

	// 文号: a random sample of the circulars.
	rng := rand.New(rand.NewPCG(14, 14))
	for _, i := range rng.Perm(len(s.Circulars))[:8] {
		c := s.Circulars[i]
		got := search(c.Number, "")
		if len(got) == 0 || got[0][0] != "/"+c.URLPath() {
			t.Errorf("%s: the first result is %v, want /%s", c.Number, got, c.URLPath())
		} else if label := evalJS[string](t, ctx, `document.querySelector(".search-exact").textContent`); label != "文号相符" {
			t.Errorf("%s: the first result is labelled %q", c.Number, label)
		}
	}
	// A township's name: its page first.
	for _, u := range s.Townships[:3] {
		if got := search(u.Name, ""); len(got) == 0 || got[0][0] != "/"+unitPath(u) {
			t.Errorf("%s: the first result is %v, want its page", u.Name, got)
		}
	}
	// Only the whole name is marked, not 街道 in other names.
	for _, m := range evalJS[[]string](t, ctx, `[...document.querySelectorAll(".search-result mark")].map(m => m.textContent)`) {
		if m != s.Townships[2].Name {
			t.Errorf("marked %q searching for %s", m, s.Townships[2].Name)
		}
	}

	// A phrase: the page that holds it whole, then the page that holds
	// 值班 and 值守 apart (two of its three pairs), counted apart.
	got := search("值班值守", "")
	if len(got) != 2 || !strings.HasSuffix(got[0][0], "/notices/together/") || !strings.Contains(got[0][1], "search-complete") ||
		!strings.HasSuffix(got[1][0], "/notices/apart/") || !strings.Contains(got[1][1], "search-partial") {
		t.Errorf("the results for 值班值守 are %v; want the page holding it, then the page holding its words apart", got)
	}
	if status := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); status != "完全匹配 1 条，部分匹配 1 条。" {
		t.Errorf("status %q", status)
	}
	if evalJS[bool](t, ctx, `!document.querySelector(".search-notice").hidden`) {
		t.Error("the notice that nothing matches the whole query is shown")
	}
	// The whole phrase in the whole match; in the partial match, what it
	// holds of the phrase, which is why it is listed.
	if marks := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".search-result mark")].map(m => m.textContent)`); !slices.Equal(marks, []string{"值班值守", "值班", "值守"}) {
		t.Errorf("marked %q; want the whole phrase in the whole match, then 值班 and 值守 in the partial match", marks)
	}

	// A 文号 no circular has: said so, and no other circular listed as a
	// complete match of it.
	first := s.Circulars[0]
	missing := fmt.Sprintf("%s〔%d〕999号", first.Code, first.Year)
	got = search(missing, "")
	if len(got) == 0 || slices.ContainsFunc(got, func(r [3]string) bool { return strings.Contains(r[1], "search-complete") }) {
		t.Errorf("%s, which no circular has: results %v; want partial matches only", missing, got)
	}
	// The status says the 文号 is missing and counts; the notice, just
	// under it, says what the list is and what to do, not the same again.
	if notice := evalJS[string](t, ctx, `document.querySelector(".search-notice").hidden ? "" : document.querySelector(".search-notice").textContent`); notice != "以下结果只含有这个文号中的部分字词，都不是它的通报。请核对文号。" {
		t.Errorf("%s: notice %q", missing, notice)
	}
	if status := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); !strings.HasPrefix(status, "没有文号为“"+missing+"”的通报；部分匹配 ") {
		t.Errorf("%s: status %q", missing, status)
	}
	noRepeat(t, ctx, missing)

	// A 文号 as a circular cites another, without the office's code: its
	// circular is the one complete match, even though the other
	// circulars of that serial hold the year in their text (every demo
	// circular speaks of 2023年城乡居民基本医疗保险). One no circular has
	// is said to be missing.
	last := s.Circulars[len(s.Circulars)-1]
	cited := fmt.Sprintf("〔%d〕%d号", last.Year, last.Serial)
	got = search(cited, "")
	if len(got) == 0 || got[0][0] != "/"+last.URLPath() ||
		slices.ContainsFunc(got[1:], func(r [3]string) bool { return strings.Contains(r[1], "search-complete") }) {
		t.Errorf("%s: results %v; want /%s, the only complete match", cited, got, last.URLPath())
	}
	if status := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); !strings.HasPrefix(status, "完全匹配 1 条，") {
		t.Errorf("%s: status %q", cited, status)
	}
	// Labelled as the circular whose 文号 was typed whole is.
	if label := evalJS[string](t, ctx, `(document.querySelector(".search-result .search-exact") || {}).textContent || ""`); label != "文号相符" {
		t.Errorf("%s: the circular is labelled %q, want 文号相符", cited, label)
	}
	// No title holds the 文号, so none has a mark: not the year of its
	// month (2023年2月), which alone is not what was asked for.
	if marks := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".search-result-title mark")].map(m => m.textContent)`); len(marks) > 0 {
		t.Errorf("%s: titles marked %q; want none", cited, marks)
	}
	// Its snippet is its opening, not wherever the 文号's words occur.
	if snip := evalJS[string](t, ctx, `document.querySelector(".search-result-snippet").textContent`); snip == "" || strings.HasPrefix(snip, "…") {
		t.Errorf("%s: the snippet %q does not begin the circular's text", cited, snip)
	}
	missing = fmt.Sprintf("〔%d〕999号", last.Year)
	search(missing, "")
	if status := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); !strings.HasPrefix(status, "没有文号为“"+missing+"”的通报；") {
		t.Errorf("%s: status %q", missing, status)
	}

	// A 文号 with a year chosen that leaves its circular out: not said to
	// be missing, but to be in another year.
	other := s.Circulars[0]
	search(other.Number, fmt.Sprintf("&year=%d", last.Year))
	wantStatus := fmt.Sprintf("%d年没有文号为“%s”的通报，年份选“全部年份”可以找到", last.Year, other.Number)
	if status := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); !strings.HasPrefix(status, wantStatus) {
		t.Errorf("%s in %d: status %q; want it to begin %q", other.Number, last.Year, status, wantStatus)
	}
	if notice := evalJS[string](t, ctx, `document.querySelector(".search-notice").hidden ? "" : document.querySelector(".search-notice").textContent`); notice != "以下结果只含有这个文号中的部分字词，都不是它的通报。在全部年份中搜索" {
		t.Errorf("%s in %d: notice %q (and its button)", other.Number, last.Year, notice)
	}
	noRepeat(t, ctx, other.Number)

	// Nothing in the year chosen, but in others: said so, not that there is
	// nothing at all.
	search("值班值守", fmt.Sprintf("&year=%d", last.Year))
	if status, want := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`), fmt.Sprintf("%d年没有找到结果；全部年份中有 2 条，年份选“全部年份”可以看到。", last.Year); status != want {
		t.Errorf("值班值守 in %d: status %q, want %q", last.Year, status, want)
	}
	// A button under it, where a phone shows it, searches all years and
	// puts the focus on the first result.
	if got := evalJS[string](t, ctx, `(b => b && !b.closest("[hidden]") ? b.textContent : "")(document.querySelector(".search-all-years"))`); got != "查看全部年份的 2 条结果" {
		t.Errorf("值班值守 in %d: the button reads %q", last.Year, got)
	}
	noRepeat(t, ctx, "值班值守")
	evalJS[bool](t, ctx, `document.querySelector(".search-all-years").click(), true`)
	browsertest.WaitFor(t, ctx, `document.querySelectorAll(".search-result").length === 2 && document.activeElement === document.querySelector(".search-result a")`, "both results of 值班值守 in all years, the first focused")
	if got := evalJS[[]string](t, ctx, `[document.querySelector("select[name=year]").value, String(new URL(location.href).searchParams.get("year"))]`); !slices.Equal(got, []string{"", "null"}) {
		t.Errorf("after the button: the year select and the address say %q", got)
	}

	// A month in Chinese numerals, as no circular writes it: looked up as
	// they do, and said so; the circulars of that month first.
	got = search("三月", "")
	if status := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); !strings.HasPrefix(status, "按“3月”查找：完全匹配 ") {
		t.Errorf("三月: status %q", status)
	}
	if len(got) == 0 || !strings.Contains(evalJS[string](t, ctx, `document.querySelector(".search-result-title").textContent`), "年3月") {
		t.Errorf("三月: the first result is %v, want a circular of a March", got)
	}

	// Nothing holds the whole query: a notice, and the partial matches.
	search("禁毒 xyzzy", "")
	if evalJS[bool](t, ctx, `document.querySelector(".search-notice").hidden`) {
		t.Error("no notice when nothing holds the whole query")
	}
	if notice := evalJS[string](t, ctx, `document.querySelector(".search-notice").textContent`); notice != "以下结果只包含部分搜索词。可以检查有没有错别字，或减少搜索词再试。" {
		t.Errorf("after a 文号 no circular has, the notice says %q", notice)
	}
	if got := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); !strings.HasPrefix(got, "完全匹配 0 条，部分匹配 ") {
		t.Errorf("status %q", got)
	}
	noRepeat(t, ctx, "禁毒 xyzzy")
	// A month as the titles write it (2023年2月): its circular first, and
	// the pages holding the year and the month, each as a number with its
	// 年 or 月 (not 2 of 12月 or of 〔2023〕2号), match completely.
	ym := regexp.MustCompile(`(\d{4})年(\d{1,2})月`).FindStringSubmatch(last.Title)
	if ym == nil {
		t.Fatalf("the last circular's title %q names no month", last.Title)
	}
	month := ym[0]
	got = search(month, "")
	if len(got) == 0 || got[0][0] != "/"+last.URLPath() {
		t.Errorf("%s: the first result is %v, want /%s", month, got, last.URLPath())
	}
	yearRe := regexp.MustCompile(`(^|[^0-9A-Za-z])` + ym[1] + `年`)
	monthRe := regexp.MustCompile(`(^|[^0-9A-Za-z])` + ym[2] + `月`)
	holding := 0
	for _, d := range searchIndexDocs(t, files) {
		all := d.Title + "\n" + d.Number + "\n" + d.Text
		if yearRe.MatchString(all) && monthRe.MatchString(all) {
			holding++
		}
	}
	if status := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); !strings.HasPrefix(status, fmt.Sprintf("完全匹配 %d 条，", holding)) {
		t.Errorf("%s: status %q; %d pages hold %s年 and %s月", month, status, holding, ym[1], ym[2])
	}
	// Only spaces: no search, and the page keeps its own title.
	browse(t, ctx, srv.URL+"/search/?q=%20%20")
	if got := evalJS[string](t, ctx, `document.title`); strings.Contains(got, "搜索结果") {
		t.Errorf("?q=%%20%%20 titles the page %q", got)
	}

	// A word that occurs nowhere finds nothing.
	if got := search("xyzzy", ""); len(got) != 0 {
		t.Errorf("xyzzy found %v", got)
	}
	if got := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); got != "没有找到结果，请尝试其他搜索词。" {
		t.Errorf("status %q", got)
	}

	// Newest first, from the address, then by the form; the year too.
	dates := func(rs [][3]string) []string {
		var ds []string
		for _, r := range rs {
			ds = append(ds, r[2])
		}
		return ds
	}
	// The indicator 禁毒 first, by its name; then the newest.
	got = search("禁毒", "&sort=new")
	if ds := dates(got); len(ds) != 10 || ds[0] != "" || !slices.IsSortedFunc(ds[1:], func(a, b string) int { return strings.Compare(b, a) }) || ds[1] != s.Circulars[len(s.Circulars)-1].Date.String() {
		t.Errorf("newest first: %q", ds)
	}
	if v := evalJS[string](t, ctx, `document.querySelector("#search-sort").value`); v != "new" {
		t.Errorf("the order reads %q", v)
	}
	year := s.Circulars[0].Date.Year + 1
	run(t, ctx, chromedp.SetValue(chromedp.ID("search-year"), fmt.Sprint(year)))
	run(t, ctx, chromedp.Evaluate[bool](`document.querySelector("#search-year").dispatchEvent(new Event("change")), true`))
	browsertest.WaitFor(t, ctx, fmt.Sprintf(`new URLSearchParams(location.search).get("year") === "%d" && new URLSearchParams(location.search).get("sort") === "new"`, year), "the year in the address")
	waitDone(t, ctx, "the results of the year")
	// The indicator's page, which has no date (it spans every year), is
	// still first by its name; then the year's circulars, newest first.
	if ds := dates(evalJS[[][3]string](t, ctx, resultsJS)); len(ds) != 10 || ds[0] != "" || !slices.IsSortedFunc(ds[1:], func(a, b string) int { return strings.Compare(b, a) }) || !strings.HasPrefix(ds[1], fmt.Sprint(year)) || !strings.HasPrefix(ds[9], fmt.Sprint(year)) {
		t.Errorf("the results of %d, newest first: %q", year, ds)
	}
	n := 0
	for _, c := range s.Circulars {
		if c.Date.Year == year {
			n++
		}
	}
	if got := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); !strings.HasPrefix(got, fmt.Sprintf("完全匹配 %d 条，部分匹配 0 条", n+1)) {
		t.Errorf("status %q for %d, which has %d circulars and the indicator's page", got, year, n)
	}
	// The order and the year straight from the address, where the query
	// starts before the page is ready: the same results, the form set to
	// them; a year the archive lacks is all years.
	byForm := evalJS[[][3]string](t, ctx, resultsJS)
	if got := search("禁毒", fmt.Sprintf("&sort=new&year=%d", year)); !slices.Equal(got, byForm) {
		t.Errorf("&sort=new&year=%d in the address lists %v; by the form, %v", year, got, byForm)
	}
	if v := evalJS[string](t, ctx, `document.querySelector("#search-year").value + " " + document.querySelector("#search-sort").value`); v != fmt.Sprint(year)+" new" {
		t.Errorf("the year and the order read %q", v)
	}
	// On paper, where the form is not printed, the query says them too.
	if got, want := evalJS[string](t, ctx, `document.querySelector(".search-printed").textContent`), fmt.Sprintf("搜索：禁毒（%d年，最新的在前）", year); got != want {
		t.Errorf("the query on paper reads %q, want %q", got, want)
	}
	run(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if got := evalJS[string](t, ctx, `["search-printed", "search-form", "search-more"].map(c => c + " " + getComputedStyle(document.querySelector("." + c)).display).join(", ")`); got != "search-printed block, search-form none, search-more none" {
		t.Errorf("on paper: %s; want the query printed, not the form or the button", got)
	}
	if got := evalJS[string](t, ctx, `getComputedStyle(document.querySelector(".search-result")).breakInside`); got != "avoid" {
		t.Errorf("on paper a result may be cut between two pages (break-inside: %s)", got)
	}
	run(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
		return err
	}))
	allYears := search("禁毒", "&sort=new")
	if got := search("禁毒", "&sort=new&year=1999"); !slices.Equal(got, allYears) {
		t.Errorf("&year=1999 (no circular) lists %v; all years, %v", got, allYears)
	}
	// Back to all years and to the order by weight.
	got = search("禁毒", "")
	if got[0][0] != "/indicators/jindu/" {
		t.Errorf("the first result for 禁毒 is %v", got[0])
	}
}

// noRepeat fails the test when the notice, shown, says again what the
// status line over it says (one of its clauses, or that nothing holds the
// whole query, which 完全匹配 0 条 says): a reader of a phone saw both, one
// over the other.
func noRepeat(t *testing.T, ctx context.Context, q string) {
	t.Helper()
	texts := evalJS[[]string](t, ctx, `[document.querySelector(".search-status").textContent, document.querySelector(".search-notice").hidden ? "" : document.querySelector(".search-notice").textContent]`)
	status, notice := texts[0], texts[1]
	if notice == "" {
		return
	}
	clauses := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("。；，：", r) })
	}
	for _, c := range clauses(status) {
		if slices.Contains(clauses(notice), c) {
			t.Errorf("%s: the status %q and the notice %q both say %q", q, status, notice, c)
		}
	}
	if strings.Contains(status, "没有文号") && strings.Contains(notice, "没有文号") ||
		strings.Contains(status, "完全匹配 0 条") && strings.Contains(notice, "没有同时包含") {
		t.Errorf("%s: the status %q and the notice %q say the same", q, status, notice)
	}
}

// TestBrowserSearchSenior: in the 适老 mode (larger text, higher
// contrast) the search works with the keyboard alone: the results are
// listed, marked, and the button for more moves the focus to them.
func TestBrowserSearchSenior(t *testing.T) {
	ctx := newSearchBrowser(t)
	_, files := searchDemo(t)
	srv, _ := serveLogged(t, files, "/", true)
	browse(t, ctx, srv.URL+"/search/")
	run(t, ctx, chromedp.Evaluate[bool](`localStorage.setItem("tongbao-senior", "on"), true`))
	browse(t, ctx, srv.URL+"/search/")
	if !evalJS[bool](t, ctx, `document.documentElement.classList.contains("senior") && getComputedStyle(document.documentElement).fontSize === "20px"`) {
		t.Fatal("the 适老 mode is not on (html.senior, 20 px text)")
	}
	run(t, ctx, chromedp.Focus(chromedp.ID("search-q")))
	run(t, ctx, chromedp.SendKeys(chromedp.ID("search-q"), "东风路街道"+kb.Enter))
	waitDone(t, ctx, "the results")
	if bg := evalJS[string](t, ctx, `getComputedStyle(document.querySelector(".search-result mark")).backgroundColor`); bg != "rgb(255, 255, 0)" {
		t.Errorf("a mark's background in the 适老 mode is %s, want yellow", bg)
	}
	// Tab from the box to the first result, then to the button for more.
	for range 4 {
		run(t, ctx, chromedp.KeyEvent(kb.Tab))
	}
	if got := evalJS[string](t, ctx, `document.activeElement.getAttribute("href") || ""`); got != "/units/dongfenglu/" {
		t.Fatalf("four Tabs from the box focus %q, want the unit's page", got)
	}
	run(t, ctx, chromedp.Focus(chromedp.CSS(".search-more")))
	run(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitDone(t, ctx, "ten more results")
	if got := evalJS[string](t, ctx, `document.querySelectorAll(".search-result").length + " " + [...document.querySelectorAll(".search-result a")].indexOf(document.activeElement)`); got != "20 10" {
		t.Errorf("the button for more listed results and moved the focus to: %s; want 20 results, the focus on the 11th", got)
	}
}

// TestBrowserSearchExactHoldsPartial: a 文号 or a title whose page is
// found lists that page alone; the partial matches (every circular with
// the same year or serial) are counted in the status, said not to be
// listed, and one press of the button lists them, the focus on the first.
// Pressed on until none is left, the button lists as many as were counted.
func TestBrowserSearchExactHoldsPartial(t *testing.T) {
	ctx := newSearchBrowser(t)
	s, files := searchDemo(t)
	srv, _ := serveLogged(t, files, "/", true)
	c := s.Circulars[len(s.Circulars)/2]
	for _, q := range []string{c.Number, c.Title} {
		browse(t, ctx, srv.URL+"/search/?q="+url.QueryEscape(q))
		waitDone(t, ctx, "the results for "+q)
		got := evalJS[[][3]string](t, ctx, resultsJS)
		if len(got) != 1 || got[0][0] != "/"+c.URLPath() {
			t.Fatalf("%s: listed %v; want its circular alone", q, got)
		}
		status := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`)
		var partial int
		if _, err := fmt.Sscanf(status, "完全匹配 1 条，部分匹配 %d 条（未列出）。", &partial); err != nil || partial < 2 || status != fmt.Sprintf("完全匹配 1 条，部分匹配 %d 条（未列出）。", partial) {
			t.Fatalf("%s: status %q; want 完全匹配 1 条，部分匹配 N 条（未列出）。", q, status)
		}
		if evalJS[bool](t, ctx, `!document.querySelector(".search-partial").hidden`) {
			t.Errorf("%s: the partial matches' heading is shown with none listed", q)
		}
		if label := evalJS[string](t, ctx, `document.querySelector(".search-more").hidden ? "" : document.querySelector(".search-more").textContent`); label != fmt.Sprintf("显示部分匹配的结果（%d 条）", partial) {
			t.Errorf("%s: the button reads %q", q, label)
		}
		run(t, ctx, chromedp.Focus(chromedp.CSS(".search-more")))
		run(t, ctx, chromedp.KeyEvent(kb.Enter))
		waitDone(t, ctx, "the partial matches for "+q)
		shown := min(1+10, 1+partial) // ten at a time (search.js PAGE)
		if got, want := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`), fmt.Sprintf("完全匹配 1 条，部分匹配 %d 条，已显示 %d 条。", partial, shown); got != want {
			t.Errorf("%s: after the press the status is %q, want %q", q, got, want)
		}
		if !evalJS[bool](t, ctx, `document.activeElement === document.querySelectorAll(".search-partial .search-result a")[0]`) {
			t.Errorf("%s: the focus is not on the first partial match", q)
		}
		for n := 0; !evalJS[bool](t, ctx, `document.querySelector(".search-more").hidden`); n++ {
			left := 1 + partial - evalJS[int](t, ctx, `document.querySelectorAll(".search-result").length`)
			if label := evalJS[string](t, ctx, `document.querySelector(".search-more").textContent`); label != fmt.Sprintf("显示更多结果（还有 %d 条）", left) {
				t.Errorf("%s: the button reads %q with %d left", q, label, left)
			}
			if n > partial {
				t.Fatalf("%s: the button is still there after %d presses", q, n)
			}
			run(t, ctx, chromedp.Focus(chromedp.CSS(".search-more")))
			run(t, ctx, chromedp.KeyEvent(kb.Enter))
			waitDone(t, ctx, "more partial matches for "+q)
		}
		if n := evalJS[int](t, ctx, `document.querySelectorAll(".search-partial .search-result").length`); n != partial {
			t.Errorf("%s: %d partial matches listed in all, %d counted", q, n, partial)
		}
	}
}

// TestBrowserSearchPhone: at 360×740, as text and in the 适老模式 with
// 大, nothing is wider than the screen, each option's label stands over
// its own select (not at the end of a line over another's), and, in
// plain text, the box and its button share a line.
func TestBrowserSearchPhone(t *testing.T) {
	ctx := newSearchBrowser(t)
	_, files := searchDemo(t)
	srv, _ := serveLogged(t, files, "/", true)
	run(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	for _, mode := range []string{"plain", "senior large"} {
		browse(t, ctx, srv.URL+"/search/")
		if mode != "plain" {
			run(t, ctx, chromedp.Evaluate[bool](`localStorage.setItem("tongbao-senior", "on"), localStorage.setItem("tongbao-font", "large"), true`))
		}
		browse(t, ctx, srv.URL+"/search/?q="+url.QueryEscape("禁毒")+"&sort=new")
		waitDone(t, ctx, "the results, "+mode)
		if w := evalJS[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
			t.Errorf("%s: the page is %d px wide on a 360 px screen", mode, w)
		}
		for _, id := range []string{"search-sort", "search-year"} {
			got := evalJS[string](t, ctx, `(() => {
  const s = document.getElementById(`+browsertest.Quote(id)+`), l = document.querySelector("label[for=" + s.id + "]");
  const a = l.getBoundingClientRect(), b = s.getBoundingClientRect();
  return a.bottom <= b.top + 1 && b.top - a.bottom < 16 && Math.abs(a.left - b.left) < 2 && b.right <= 360 ? "" : JSON.stringify([a, b]);
})()`)
			if got != "" {
				t.Errorf("%s: the label of #%s is not over it: label and select at %s", mode, id, got)
			}
		}
		if mode == "plain" {
			if !evalJS[bool](t, ctx, `(() => {
  const i = document.getElementById("search-q").getBoundingClientRect(), b = document.querySelector(".search-row button").getBoundingClientRect();
  return b.top < i.bottom && b.left >= i.right;
})()`) {
				t.Errorf("%s: the search button is not beside the box", mode)
			}
		}
	}
}

// TestBrowserSearchInert: a title and a text holding markup show as text,
// and nothing in them runs. The server ignores ranges: search.js reads
// the packs from their beginning.
func TestBrowserSearchInert(t *testing.T) {
	ctx := newSearchBrowser(t)
	s := loadSample(t)
	const title = `<script>alert(1)</script><img src=x onerror="window.__xss=1">禁毒通报`
	s.Circulars[0].Title = title
	s.Circulars[0].Body = append(s.Circulars[0].Body, "\n\n`<img src=y onerror=window.__xss=2>`\n"...)
	srv, _ := serveLogged(t, renderFiles(t, s, "/"), "/", false)

	for _, q := range []string{"alert", "onerror"} {
		browse(t, ctx, srv.URL+"/search/?q="+q)
		browsertest.WaitFor(t, ctx, `document.querySelector(".search-results a") !== null && document.querySelector(".search-result-snippet").textContent !== ""`, "a result for "+q)
		got := evalJS[string](t, ctx, `document.querySelector(".search-results a").textContent`)
		if !strings.HasSuffix(got, title) {
			t.Errorf("the result's title reads %q, want it to end with %q", got, title)
		}
		if n := evalJS[int](t, ctx, `document.querySelectorAll(".search-results script, .search-results img").length`); n != 0 {
			t.Errorf("%d elements were made from the index's text", n)
		}
	}
	if snippet := evalJS[string](t, ctx, `document.querySelector(".search-result-snippet").textContent`); !strings.Contains(snippet, "<img src=y onerror=window.__xss=2>") {
		t.Errorf("the snippet reads %q, want the markup as text", snippet)
	}
	time.Sleep(300 * time.Millisecond) // give an injected image time to fail
	if xss := evalJS[bool](t, ctx, `window.__xss !== undefined`); xss {
		t.Error("markup from the index ran")
	}
}

// TestBrowserSearchMore: with more results than a page shows, a button
// lists the next ones and moves the focus to the first of them.
func TestBrowserSearchMore(t *testing.T) {
	ctx := newSearchBrowser(t)
	s := loadDemo(t, 2)
	// 24 months, the year 2022 and the four quarters of the last twelve
	// months.
	if len(s.Circulars) != 29 {
		t.Fatalf("the 2-year demo has %d circulars, want 29", len(s.Circulars))
	}
	srv, _ := serveLogged(t, renderFiles(t, s, "/"), "/", true)
	browse(t, ctx, srv.URL+"/search/?q="+url.QueryEscape("通报"))
	waitDone(t, ctx, "the results")
	// 通报 is in every circular's title, and in 关于本站: 30 results.
	if got := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); got != "完全匹配 30 条，部分匹配 0 条，先显示前 10 条。" {
		t.Errorf("status %q, want 完全匹配 30 条，部分匹配 0 条，先显示前 10 条。", got)
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll(".search-result").length`); n != 10 {
		t.Errorf("%d results shown, want 10", n)
	}
	for _, step := range [][2]int{{10, 20}, {20, 30}} {
		before, shown := step[0], step[1]
		run(t, ctx, chromedp.Focus(chromedp.CSS(".search-more")))
		run(t, ctx, chromedp.KeyEvent(kb.Enter))
		waitDone(t, ctx, fmt.Sprintf("%d results", shown))
		if got, want := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`), fmt.Sprintf("完全匹配 30 条，部分匹配 0 条，已显示 %d 条。", shown); got != want {
			t.Errorf("status %q, want %s", got, want)
		}
		if ok := evalJS[bool](t, ctx, fmt.Sprintf(`document.activeElement === document.querySelectorAll(".search-result a")[%d]`, before)); !ok {
			t.Error("the focus did not move to the first new result")
		}
	}
	if hidden := evalJS[bool](t, ctx, `document.querySelector(".search-more").hidden`); !hidden {
		t.Error("the button stays with nothing more to show")
	}

	// A 文号 no circular has: shown more, the status still says so, not
	// 完全匹配 0 条 as if it were an ordinary query.
	missing := fmt.Sprintf("%s〔%d〕999号", s.Circulars[0].Code, s.Circulars[0].Year)
	browse(t, ctx, srv.URL+"/search/?q="+url.QueryEscape(missing))
	waitDone(t, ctx, "the results for "+missing)
	run(t, ctx, chromedp.Focus(chromedp.CSS(".search-more")))
	run(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitDone(t, ctx, "more results for "+missing)
	if got, want := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`), "没有文号为“"+missing+"”的通报；部分匹配 "; !strings.HasPrefix(got, want) || !strings.Contains(got, "已显示 20 条") {
		t.Errorf("status %q, want it to begin %s and say 已显示 20 条", got, want)
	}
}

// TestBrowserSearchListsInTurn: the results are listed as the pages of
// the documents table that hold their rows come in, in order: with every
// page but the first result's held back by the server, the page says what
// it found and lists the first results (those on that page, up to the
// first that is not); the rest follow, in the same order, when the other
// pages come. On a slow network the first result is not kept waiting for
// the last of several pages.
func TestBrowserSearchListsInTurn(t *testing.T) {
	ctx := newSearchBrowser(t)
	s := loadDemo(t, 2)
	var mu sync.Mutex
	first := "" // the page of the first result; the others wait
	g := newGate(func(p string) bool {
		mu.Lock()
		defer mu.Unlock()
		return strings.Contains(p, "/search/d/") && first != "" && p != first
	})
	srv, _ := serveGated(t, renderFiles(t, s, "/"), "/", true, g)
	results := `[...document.querySelectorAll(".search-result a")].map(a => a.getAttribute("href"))`
	// Which pages the ten results' rows are on, in the order search.js
	// asks for them: the order of the results.
	u := srv.URL + "/search/?q=" + url.QueryEscape("通报")
	browse(t, ctx, u)
	waitDone(t, ctx, "the results")
	want := evalJS[[]string](t, ctx, results)
	pages := evalJS[[]string](t, ctx, `[...new Set(performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.startsWith("/search/d/")))]`)
	if len(want) != 10 || len(pages) < 2 {
		t.Fatalf("通报 listed %d results from the pages %q of the documents table; the test needs ten from two pages or more", len(want), pages)
	}
	mu.Lock()
	first = pages[0]
	mu.Unlock()

	browse(t, ctx, u)
	browsertest.WaitFor(t, ctx, `document.querySelector(".search-status").textContent.startsWith("完全匹配 30 条") && document.querySelector(".search-result") !== null`, "the status and a first result while the other pages are held")
	time.Sleep(200 * time.Millisecond) // anything listed wrongly has been
	got := evalJS[[]string](t, ctx, results)
	if len(got) == 0 || len(got) >= len(want) || !slices.Equal(got, want[:len(got)]) {
		t.Errorf("with the first result's page in and the others held, listed %q; want the first of %q, not all", got, want)
	}
	g.release()
	waitDone(t, ctx, "the rest of the results")
	if got := evalJS[[]string](t, ctx, results); !slices.Equal(got, want) {
		t.Errorf("listed %q once every page was in, want %q", got, want)
	}
	if got := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); got != "完全匹配 30 条，部分匹配 0 条，先显示前 10 条。" {
		t.Errorf("status %q, want 完全匹配 30 条，部分匹配 0 条，先显示前 10 条。", got)
	}
}

// TestBrowserSearchBeforeLoaded: a query in the address is searched and
// its results listed while the page is still loading, not once it has
// loaded: with the page's deferred script held back by the server (so
// that DOMContentLoaded, and load, wait for it), the results of 禁毒 are
// listed all the same. It fails for a search set up at
// DOMContentLoaded. (That the index's files are read through
// XMLHttpRequest, whose answers a busy loading page handles sooner than
// fetch's, is measured by bench/search, not here: with page.js held the
// page is idle, and fetch's come in time too.)
func TestBrowserSearchBeforeLoaded(t *testing.T) {
	ctx := newSearchBrowser(t)
	g := newGate(func(p string) bool { return strings.HasPrefix(p, "/assets/js/page.") })
	srv, _ := serveGated(t, renderFiles(t, loadSample(t), "/"), "/", true, g)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `document.addEventListener("DOMContentLoaded", function () { window.__loaded = true; });`,
	}); err != nil {
		t.Fatal(err)
	}
	// Page.navigate returns once the page is asked for; chromedp.Navigate
	// would wait for a load that waits for the held script.
	if _, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: srv.URL + "/search/?q=" + url.QueryEscape("禁毒")}); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, `document.querySelector(".search-status") !== null && document.querySelector(".search-status").textContent === "完全匹配 4 条，部分匹配 0 条。" && document.querySelectorAll(".search-result").length === 4`, "the four results of 禁毒 while page.js is held")
	if loaded := evalJS[bool](t, ctx, `window.__loaded === true`); loaded {
		t.Fatal("DOMContentLoaded came with page.js held: the test holds nothing back")
	}
	if got := evalJS[string](t, ctx, `document.querySelector(".search-result a").getAttribute("href")`); got != "/indicators/jindu/" {
		t.Errorf("the first result is %s, want the indicator 禁毒", got)
	}
	g.release()
	browsertest.WaitFor(t, ctx, `window.__loaded === true`, "DOMContentLoaded once page.js is let go")
}

// TestBrowserSearchFailed: when the index's files do not come (a shard
// answered 404), the page says so and offers to search again, and a way
// to the archive; searching again once they come lists the results, and
// the offer goes.
func TestBrowserSearchFailed(t *testing.T) {
	ctx := newSearchBrowser(t)
	var broken atomic.Bool
	broken.Store(true)
	g := newGate(func(string) bool { return false })
	g.fails = func(p string) bool { return broken.Load() && strings.HasPrefix(p, "/search/s/") }
	srv, _ := serveGated(t, renderFiles(t, loadSample(t), "/"), "/", true, g)
	browse(t, ctx, srv.URL+"/search/?q="+url.QueryEscape("禁毒"))
	browsertest.WaitFor(t, ctx, `!document.querySelector(".search-failed").hidden`, "the offer to search again")
	if status := evalJS[string](t, ctx, `document.querySelector(".search-status").textContent`); status != "搜索索引加载失败，请检查网络后重试。" {
		t.Errorf("status %q", status)
	}
	if href := evalJS[string](t, ctx, `document.querySelector(".search-failed a").getAttribute("href")`); href != "/circulars/" {
		t.Errorf("the way to the archive is %q, want /circulars/", href)
	}
	broken.Store(false)
	evalJS[bool](t, ctx, `document.querySelector(".search-failed button").click(), true`)
	browsertest.WaitFor(t, ctx, `document.querySelector(".search-status").textContent === "完全匹配 4 条，部分匹配 0 条。" && document.querySelector(".search-failed").hidden`, "the results once the index comes")
}

// loadDemo writes the sample's demo archive of the given years
// (consistencyDemo) and loads it. Two years: 29 circulars, in which 通报
// finds 30 results, three pages of ten.
func loadDemo(t *testing.T, years int) *site.Site {
	t.Helper()
	s, err := site.Load(consistencyDemo(t, years))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// waitDone waits until the search has listed its results and their
// snippets: the status says what was found and nothing is busy.
func waitDone(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	time.Sleep(50 * time.Millisecond) // a search started by a key or a change has begun
	browsertest.WaitFor(t, ctx, `/条|没有找到/.test(document.querySelector(".search-status").textContent) && !document.querySelector("#search [aria-busy]")`, what)
}

// serveLogged serves rendered outputs below prefix, as a web server
// serves the built folder: a path ending in / serves its index.html;
// with ranges, a Range header is honoured (http.ServeContent), without,
// the whole file is sent. log returns the paths requested so far.
func serveLogged(t *testing.T, files map[string][]byte, prefix string, ranges bool) (srv *httptest.Server, log func() []string) {
	return serveGated(t, files, prefix, ranges, nil)
}

// A gate holds back the answers to the requests whose paths it holds,
// until it is released; those it fails (if fails is set) it answers 404.
type gate struct {
	holds func(path string) bool
	fails func(path string) bool
	open  chan struct{}
	once  sync.Once
}

func newGate(holds func(path string) bool) *gate {
	return &gate{holds: holds, open: make(chan struct{})}
}

func (g *gate) release() { g.once.Do(func() { close(g.open) }) }

// serveGated is serveLogged with the answers to the requests g holds held
// back until it is released, which it is at the latest when the test
// ends, before the server closes (Close waits for the requests held).
func serveGated(t *testing.T, files map[string][]byte, prefix string, ranges bool, g *gate) (srv *httptest.Server, log func() []string) {
	t.Helper()
	var mu sync.Mutex
	var paths []string
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		mu.Lock()
		paths = append(paths, req.URL.Path)
		mu.Unlock()
		if g != nil && g.holds(req.URL.Path) {
			<-g.open
		}
		if g != nil && g.fails != nil && g.fails(req.URL.Path) {
			http.NotFound(w, req)
			return
		}
		p, ok := strings.CutPrefix(req.URL.Path, prefix)
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		data, found := files[p]
		if !ok || !found {
			http.NotFound(w, req)
			return
		}
		if ctype := mime.TypeByExtension(path.Ext(p)); ctype != "" {
			w.Header().Set("Content-Type", ctype)
		}
		if ranges {
			http.ServeContent(w, req, "", time.Time{}, bytes.NewReader(data))
			return
		}
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	if g != nil {
		t.Cleanup(g.release) // first: cleanups run last first
	}
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(paths)
	}
}

// newSearchBrowser starts a browser for one test, with at most 90 s for
// all it does.
func newSearchBrowser(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(browsertest.Start(t), 90*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// run runs one browser action, failing the test on error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func browse(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Steps(chromedp.Navigate(u), chromedp.WaitReady("body"))); err != nil {
		t.Fatalf("opening %s: %v", u, err)
	}
}

func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// TestBrowserSearchShortName: an indicator's short name (indicators.toml
// shortNames), which shares no pair of characters with its name, finds
// its page first, as its name does; the page lists it.
func TestBrowserSearchShortName(t *testing.T) {
	ctx := newSearchBrowser(t)
	s := loadSample(t)
	found := false
	for _, ind := range s.Indicators {
		if ind.ID == "shexiao" {
			ind.ShortNames, found = []string{"社消零"}, true
		}
	}
	if !found {
		t.Fatal("the sample has no indicator shexiao")
	}
	files := renderFiles(t, s, "/")
	if page := string(files["indicators/shexiao/index.html"]); !strings.Contains(page, "<dt>简称</dt><dd>社消零</dd>") {
		t.Errorf("the indicator's page does not list its short name")
	}
	srv, _ := serveLogged(t, files, "/", true)
	if got := firstResult(t, ctx, srv.URL, "社消零"); got != "/indicators/shexiao/" {
		t.Errorf("the first result for 社消零 is %s, want the indicator 社会消费品零售总额", got)
	}
	if got := evalJS[string](t, ctx, `document.querySelector(".search-result .search-exact").textContent`); got != "名称相符" {
		t.Errorf("the first result is labelled %q, want 名称相符", got)
	}
	// Its snippet says why it was found: the short name, marked.
	browsertest.WaitFor(t, ctx, `[...document.querySelector(".search-result").querySelectorAll("mark")].some(m => m.textContent === "社消零")`, "社消零 marked in the first result")
}

// TestBrowserSearchUnitOtherName: a department's full name (units.toml
// otherNames), which circulars do not write and which shares only some
// pairs with the name they do (区发改局), finds its page first, labelled
// as a name found.
func TestBrowserSearchUnitOtherName(t *testing.T) {
	ctx := newSearchBrowser(t)
	s := loadSample(t)
	found := false
	for _, u := range s.Departments {
		if u.Slug == "fagai" {
			u.OtherNames, found = []string{"区发展和改革局"}, true
		}
	}
	if !found {
		t.Fatal("the sample has no department fagai")
	}
	srv, _ := serveLogged(t, renderFiles(t, s, "/"), "/", true)
	if got := firstResult(t, ctx, srv.URL, "区发展和改革局"); got != "/units/fagai/" {
		t.Errorf("the first result for 区发展和改革局 is %s, want 区发改局's page", got)
	}
	if got := evalJS[string](t, ctx, `document.querySelector(".search-result .search-exact").textContent`); got != "名称相符" {
		t.Errorf("the first result is labelled %q, want 名称相符", got)
	}
}

// TestBrowserSearchNearName: a unit's name typed with one character
// wrong, as a pinyin input method offers it (兴龙街道 for 兴隆街道), lists
// the unit's page first, and the notice asks whether 兴隆街道 was meant,
// with a link that searches it, which finds the page by its name.
func TestBrowserSearchNearName(t *testing.T) {
	ctx := newSearchBrowser(t)
	srv, _ := serveLogged(t, renderFiles(t, loadSample(t), "/"), "/", true)
	if got := firstResult(t, ctx, srv.URL, "兴龙街道"); got != "/units/xinglong/" {
		t.Errorf("the first result for 兴龙街道 is %s, want 兴隆街道's page", got)
	}
	notice := evalJS[string](t, ctx, `document.querySelector(".search-notice").hidden ? "" : document.querySelector(".search-notice").textContent`)
	if !strings.HasPrefix(notice, "您要找的是不是“兴隆街道”？") {
		t.Errorf("the notice for 兴龙街道 is %q", notice)
	}
	noRepeat(t, ctx, "兴龙街道")
	evalJS[bool](t, ctx, `document.querySelector(".search-near a").click(), true`)
	browsertest.WaitFor(t, ctx, `document.querySelector(".search-result .search-exact") !== null`, "兴隆街道 searched from the notice")
	if got := evalJS[[]string](t, ctx, `[document.querySelector("input[name=q]").value, new URL(location.href).searchParams.get("q"), document.querySelector(".search-result a").getAttribute("href")]`); !slices.Equal(got, []string{"兴隆街道", "兴隆街道", "/units/xinglong/"}) {
		t.Errorf("after the link: box, address and first result %q", got)
	}
}

// TestBrowserSearchNearNames: a name one character from two units'
// (石头街道: 石桥街道, 桥头街道 — as 东丰村 is from 东风村 and 东方村 in a town of
// 32 villages) asks after both, and says their pages, not its page, are
// listed first; both are.
func TestBrowserSearchNearNames(t *testing.T) {
	ctx := newSearchBrowser(t)
	srv, _ := serveLogged(t, renderFiles(t, loadSample(t), "/"), "/", true)
	firstResult(t, ctx, srv.URL, "石头街道")
	notice := evalJS[string](t, ctx, `document.querySelector(".search-notice").hidden ? "" : document.querySelector(".search-notice").textContent`)
	if !strings.HasPrefix(notice, "您要找的是不是“桥头街道”或“石桥街道”？它们的页面列在最前。") {
		t.Errorf("the notice for 石头街道 is %q", notice)
	}
	got := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".search-result a")].slice(0, 2).map(a => a.getAttribute("href")).sort()`)
	if !slices.Equal(got, []string{"/units/qiaotou/", "/units/shiqiao/"}) {
		t.Errorf("the first two results are %q, want the two units' pages", got)
	}
}

// firstResult opens the search page of the site at base for q and
// returns the address of its first result, once one is listed.
func firstResult(t *testing.T, ctx context.Context, base, q string) string {
	t.Helper()
	browse(t, ctx, base+"/search/?q="+url.QueryEscape(q))
	browsertest.WaitFor(t, ctx, `document.querySelector(".search-result a") !== null`, "a result for "+q)
	return evalJS[string](t, ctx, `document.querySelector(".search-result a").getAttribute("href")`)
}

// TestBrowserSearchFormerUnit: a unit's old name lists the page of the
// unit that continues it with its own, first, both labelled as a name
// found: 丙镇, renamed 丁镇; 乙街道, merged into 甲街道.
func TestBrowserSearchFormerUnit(t *testing.T) {
	ctx := newSearchBrowser(t)
	srv, _ := serveLogged(t, renderFiles(t, loadFiles(t, formerUnitsSite(t)), "/"), "/", true)
	for q, want := range map[string][]string{
		"丙镇":  {"/units/bing/", "/units/ding/"},
		"乙街道": {"/units/jia/", "/units/yi/"},
	} {
		firstResult(t, ctx, srv.URL, q)
		waitDone(t, ctx, "the results for "+q)
		got := evalJS[[][2]string](t, ctx, `[...document.querySelectorAll(".search-result")].slice(0, 2).map(li => [li.querySelector("a").getAttribute("href"), (li.querySelector(".search-exact") || {}).textContent || ""])`)
		slices.SortFunc(got, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
		if len(got) != 2 || got[0] != [2]string{want[0], "名称相符"} || got[1] != [2]string{want[1], "名称相符"} {
			t.Errorf("the first two results for %s are %q, want %q, each labelled 名称相符", q, got, want)
		}
	}
}

// TestBrowserSearchGroup: the name of a group of units (a 乡镇 whose
// villages are ranked together) lists first its section of /rankings/,
// labelled as a name found, before the circulars that name it.
func TestBrowserSearchGroup(t *testing.T) {
	ctx := newSearchBrowser(t)
	srv, _ := serveLogged(t, renderFiles(t, loadFiles(t, groupsSite()), "/"), "/", true)
	if got := firstResult(t, ctx, srv.URL, "青山镇"); got != "/rankings/#group-2" {
		t.Errorf("the first result for 青山镇 is %s, want /rankings/#group-2", got)
	}
	if got := evalJS[string](t, ctx, `(document.querySelector(".search-result .search-exact") || {}).textContent || ""`); got != "名称相符" {
		t.Errorf("the first result is labelled %q, want 名称相符", got)
	}
}

// TestBrowserSearchNumberUnbracketed: a 文号 typed without its code and
// its opening bracket (2023〕14号, selected from a citation) lists its
// circular first, labelled 文号相符, with its opening as the snippet, as
// 〔2023〕14号 does.
func TestBrowserSearchNumberUnbracketed(t *testing.T) {
	ctx := newSearchBrowser(t)
	s := loadSample(t)
	c := s.Circulars[0]
	srv, _ := serveLogged(t, renderFiles(t, s, "/"), "/", true)
	q := fmt.Sprintf("%d〕%d号", c.Year, c.Serial)
	if got := firstResult(t, ctx, srv.URL, q); got != "/"+c.URLPath() {
		t.Errorf("the first result for %s is %s, want /%s", q, got, c.URLPath())
	}
	waitDone(t, ctx, "the results for "+q)
	if got := evalJS[string](t, ctx, `(document.querySelector(".search-result .search-exact") || {}).textContent || ""`); got != "文号相符" {
		t.Errorf("%s: the first result is labelled %q, want 文号相符", q, got)
	}
	browsertest.WaitFor(t, ctx, `document.querySelector(".search-result-snippet").textContent !== ""`, "the snippet for "+q)
	if snip := evalJS[string](t, ctx, `document.querySelector(".search-result-snippet").textContent`); strings.HasPrefix(snip, "…") {
		t.Errorf("%s: the snippet %q does not begin the circular's text", q, snip)
	}
}
