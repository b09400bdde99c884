package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// TestCacheSeesDeduct renders the 扣分制 office through one long-lived
// cache, as the preview does, and afresh after each edit a clerk makes of
// it: the per of a deduct in indicators.toml, a count in a month file.
// The two agree byte for byte, and the circular shows the new derived
// scores, by hand: 信访稳定 at 2 a 件 puts 县发改局's April 2 件 at 6.0,
// and 县公安局's 11 件 made 1 gives it 9.0.
func TestCacheSeesDeduct(t *testing.T) {
	pv := &preview{dir: deductOffice(t)}
	render := func() map[string][]byte { t.Helper(); cached, _ := pv.renderChecked(t); return cached }
	edit := func(name, from, to string) { t.Helper(); editFile(t, pv.dir, name, from, to) }
	april := func(out map[string][]byte) string { return pageTextOf(out["circulars/2025/4/index.html"]) }
	if got := april(render()); !strings.Contains(got, "第四县发改局28.0") {
		t.Fatalf("April before the edits lacks 县发改局's 2 件 at 8.0:\n%s", got)
	}
	edit("data/indicators.toml", "per = 1 }", "per = 2 }")
	if got := april(render()); !strings.Contains(got, "县发改局26.0") {
		t.Errorf("per = 2: April lacks 县发改局's 2 件 at 6.0:\n%s", got)
	}
	edit("data/indicators.toml", "per = 2 }", "per = 1 }")
	edit("data/2025-04.toml", `"县公安局" = 11`, `"县公安局" = 1`)
	if got := april(render()); !strings.Contains(got, "县公安局19.0") {
		t.Errorf("a count of 1: April lacks 县公安局's 1 件 at 9.0:\n%s", got)
	}
}

// pageTextOf is a page's text without tags and white space.
func pageTextOf(b []byte) string {
	s := tagRE.ReplaceAllString(string(b), "")
	return strings.Join(strings.Fields(s), "")
}

// TestDeductPerChangedPages: the office raises 信访稳定's deduction to
// 2 a 件 from April ([[indicator.change]] deduct). By hand: April's
// 县发改局 2 件 → 6.0, 县住建局 4 件 → 2.0; March keeps 1 a 件, 县公安局's
// 3 件 → 7.0. The indicator's page says the change and dates the rule it
// replaced, and April's open data gives April's per.
func TestDeductPerChangedPages(t *testing.T) {
	pages := deductOfficePages(t, "\n[[indicator.change]]\nfrom   = \"2025-04\"\ndeduct = [{ indicator = \"xinfang\", per = 2 }]\n")
	for _, c := range []struct{ page, want string }{
		{"circulars/2025/4/index.html", "第四县发改局26.0第五县住建局42.0"},
		{"circulars/2025/3/index.html", "第三县公安局37.0"},
		{"indicators/xinfang-df/index.html", "满分10分，2025年4月前由信访件数折算（每件扣1分），最低0分"},
		{"indicators/xinfang-df/index.html", "自2025年4月起信访件数每件扣2分"},
		{"circulars/2025/4/data.json", `"counts":[{"id":"xinfang","name":"信访件数","per":2}],"text":"由信访件数折算（每件扣2分）"`},
		{"circulars/2025/3/data.json", `"counts":[{"id":"xinfang","name":"信访件数","per":1}],"text":"由信访件数折算（每件扣1分）"`},
	} {
		if !strings.Contains(pages[c.page], c.want) {
			t.Errorf("%s lacks %s:\n%s", c.page, c.want, pages[c.page])
		}
	}
}

// twoCountSite is a 市直机关工委's: 服务群众 reckoned from two counts,
// 群众投诉起数 at 2 a 起 and 办件超时次数 at 0.5 a 次, four 局, one month.
func twoCountSite() map[string]string {
	return map[string]string{
		"config.toml": `title = "测试市直机关作风建设通报"
baseURL = "/"
[issuer]
name = "测试市直机关工委"
[terms]
unit = "市直机关"
sections = ["作风建设"]
[ranking]
cityRanks = false
districtRanks = false
[scoring]
method = "sum"
decimals = 1
`,
		"data/units.toml": "[[township]]\nname = \"甲局\"\nslug = \"jia\"\n[[township]]\nname = \"乙局\"\nslug = \"yi\"\n" +
			"[[township]]\nname = \"丙局\"\nslug = \"bing\"\n[[township]]\nname = \"丁局\"\nslug = \"ding\"\n",
		"data/indicators.toml": `[[indicator]]
id       = "fuwu"
name     = "服务群众"
section  = "作风建设"
max      = 20
decimals = 1
deduct   = [{ indicator = "tousu", per = 2 }, { indicator = "chaoshi", per = 0.5 }]

[[indicator]]
id        = "tousu"
name      = "群众投诉起数"
parent    = "fuwu"
townships = "all"
better    = "lower"
weight    = 0
scoreUnit = "起"

[[indicator]]
id        = "chaoshi"
name      = "办件超时次数"
parent    = "fuwu"
townships = "all"
better    = "lower"
weight    = 0
scoreUnit = "次"
`,
		"data/2026-03.toml": `[[result]]
indicator     = "tousu"
notApplicable = [{ township = "丁局", reason = "无对外服务窗口" }]
[result.townships]
"甲局" = 0
"乙局" = 1
"丙局" = 2

[[result]]
indicator = "chaoshi"
[result.townships]
"甲局" = 1
"乙局" = 0
"丙局" = 3
"丁局" = 2
`,
		"content/circulars/2026-03.md": "+++\nnumber = \"测直工委发〔2026〕11号\"\ntitle = \"关于2026年3月作风建设考核情况的通报\"\ndate = 2026-04-10\ndata = \"2026-03\"\n+++\n{{< table \"fuwu\" >}}\n",
	}
}

// TestDeductRowKeepsItsOtherCounts: 群众投诉 does not apply to 丁局 (no
// service window: notApplicable), so its 服务群众 is reckoned from its
// 超时 count alone, 20 − 0.5 × 2 = 19.0, where it had no score at all
// (and a sum office's composite lost the item's 20 points): its row of
// the appendix and of the table shortcode says 不涉及 under 投诉 and 2
// under 超时, as data.json and data.csv give them. By hand: 甲局 0 起 1
// 次 → 19.5, 乙局 1 起 0 次 → 18.0, 丙局 2 起 3 次 → 14.5.
func TestDeductRowKeepsItsOtherCounts(t *testing.T) {
	s := loadFiles(t, twoCountSite())
	page := pageTextOf(renderFiles(t, s, "/")["circulars/2026/11/index.html"])
	// The ranked rows, in both tables: the dash is read 不涉及.
	want := "第一甲局0119.5第二丁局—不涉及219.0第三乙局1018.0第四丙局2314.5"
	if n := strings.Count(page, want); n != 2 {
		t.Errorf("the circular has %s %d times, want 2 (the table shortcode's and the appendix's):\n%s", want, n, page)
	}
}

// TestDeductChangeSaysWhatChanged: from April the office raises 群众投诉
// to 3 a 起 and leaves 办件超时 at 0.5 a 次. The indicator's page says
// the change it made, 自2026年4月起群众投诉起数每起扣3分, and not the
// 0.5 a 次 the rule above it already gives, which read as a change too.
func TestDeductChangeSaysWhatChanged(t *testing.T) {
	f := twoCountSite()
	f["data/indicators.toml"] = strings.Replace(f["data/indicators.toml"], "{ indicator = \"chaoshi\", per = 0.5 }]\n",
		"{ indicator = \"chaoshi\", per = 0.5 }]\n\n[[indicator.change]]\nfrom   = \"2026-04\"\ndeduct = [{ indicator = \"tousu\", per = 3 }]\n", 1)
	page := pageTextOf(renderFiles(t, loadFiles(t, f), "/")["indicators/fuwu/index.html"])
	if want := "考核办法调整自2026年4月起群众投诉起数每起扣3分市直机关排名"; !strings.Contains(page, want) {
		t.Errorf("the indicator's page lacks %s:\n%s", want, page)
	}
}

// TestDeductMaxChangedPages: the office raises 信访稳定's 满分 from 10 to
// 20 points from April and its deduction to 2 a 件 from May, two changes
// of two months. By hand, April's counts at 20 − 1 × n: 县发改局 2 件 →
// 18.0, 县住建局 4 件 → 16.0; March keeps 10 − n, 县公安局's 3 件 → 7.0.
// The indicator's page says the 满分 became 20 from April beside the 10
// it was, dates the per it had before May (not the whole rule: its 满分
// changed in April), and says both changes; each month's open data gives
// that month's 满分, the catalogue today's; each month's CSV its rule.
func TestDeductMaxChangedPages(t *testing.T) {
	pages := deductOfficePages(t, "\n[[indicator.change]]\nfrom = \"2025-04\"\nmax  = 20\n\n[[indicator.change]]\nfrom   = \"2025-05\"\ndeduct = [{ indicator = \"xinfang\", per = 2 }]\n")
	for _, c := range []struct{ page, want string }{
		{"circulars/2025/4/index.html", "第四县发改局218.0第五县住建局416.0"},
		{"circulars/2025/3/index.html", "第三县公安局37.0"},
		{"indicators/xinfang-df/index.html", "满分10分（2025年4月起20分），2025年5月前由信访件数折算（每件扣1分），最低0分"},
		{"indicators/xinfang-df/index.html", "自2025年4月起满分由10分改为20分"},
		{"indicators/xinfang-df/index.html", "自2025年5月起信访件数每件扣2分"},
		{"circulars/2025/4/data.json", `"deduct":{"max":20,"min":0,"counts":[{"id":"xinfang","name":"信访件数","per":1}]`},
		{"circulars/2025/3/data.json", `"deduct":{"max":10,"min":0,"counts":[{"id":"xinfang","name":"信访件数","per":1}]`},
		{"data/catalogue.json", `"deduct":{"max":20,"min":0,"counts":[{"id":"xinfang","name":"信访件数","per":2}]`},
		{"circulars/2025/4/data.csv", "信访稳定,县发改局,18.0,4,否,越高越好,fagai,xinfang-df,2025年4月,满分20分，由信访件数折算（每件扣1分），最低0分"},
		{"circulars/2025/3/data.csv", "2025年3月,满分10分，由信访件数折算（每件扣1分），最低0分"},
	} {
		if !strings.Contains(pages[c.page], c.want) {
			t.Errorf("%s lacks %s:\n%s", c.page, c.want, pages[c.page])
		}
	}
}

// TestBoundChangeLines: a 满分 and a 最低分 changed from April are said
// beside the ones first written, the per between them undated; the
// change says the min raised from the 0 of 扣完为止, none being written.
func TestBoundChangeLines(t *testing.T) {
	f := twoCountSite()
	f["data/indicators.toml"] = strings.Replace(f["data/indicators.toml"], "{ indicator = \"chaoshi\", per = 0.5 }]\n",
		"{ indicator = \"chaoshi\", per = 0.5 }]\n\n[[indicator.change]]\nfrom = \"2026-04\"\nmax  = 15\nmin  = 2\n", 1)
	page := pageTextOf(renderFiles(t, loadFiles(t, f), "/")["indicators/fuwu/index.html"])
	for _, want := range []string{
		"满分20分（2026年4月起15分），由群众投诉起数、办件超时次数折算（群众投诉起数每起扣2分，办件超时次数每次扣0.5分），最低0分（2026年4月起2分）",
		"自2026年4月起满分由20分改为15分，最低分由0分改为2分",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the indicator's page lacks %s:\n%s", want, page)
		}
	}
}

// deductOfficePages renders testdata/offices/deduct with changes (TOML,
// [[indicator.change]] tables) written after 信访稳定's deduct, and gives
// each output's text by its path.
func deductOfficePages(t *testing.T, changes string) map[string]string {
	t.Helper()
	dir := deductOffice(t)
	p := filepath.Join(dir, "data", "indicators.toml")
	b, _ := os.ReadFile(p)
	line := "deduct    = [{ indicator = \"xinfang\", per = 1 }]   # 每件信访扣1分，扣完为止（不写 min：不低于 0）\n"
	if !bytes.Contains(b, []byte(line)) {
		t.Fatal("the office's indicators.toml lacks 信访稳定's deduct")
	}
	b = bytes.Replace(b, []byte(line), []byte(line+changes), 1)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(s, rank.Archive(s), Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	for _, o := range out {
		pages[o.Path] = pageTextOf(contentOf(t, o))
	}
	return pages
}

// deductOffice is a copy of testdata/offices/deduct to edit, without the
// expectations its own test reads.
func deductOffice(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS("../../testdata/offices/deduct")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "expected.toml")); err != nil {
		t.Fatal(err)
	}
	return dir
}
