package sheet

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/site"
)

// everyFeature is an office that has each of the recent features a month
// file may hold: no ranks from above (a 县督查室, cityRanks and
// districtRanks false), two townships 不涉及 规模工业增加值 (戊镇 for its
// reason, written first, and 丁镇 without one), 己镇 exempted from the
// month for its reason, quoted scores ("0", "93.50"), an indicator
// compared as whole numbers (信访积案化解, decimals = 0, lower is better)
// with a score of 2.5 and a whole 0, a tie written out of units.toml's
// order (丙镇 before 乙镇 on 90), an indicator reported without township
// scores whose progress runs on two lines, adjustments (one without a
// reason), the categories, a hand-entered reward and a hand-entered
// measure of the office's own kind (书面检查).
var everyFeature = map[string]string{
	"config.toml": `title = "某县重点工作通报"
baseURL = "/"
[issuer]
name = "某县人民政府督查室"
[terms]
unit = "乡镇"
department = "县直单位"
scope = "全县"
sections = ["重点工作"]
actions = ["奖励", "约谈", "书面检查"]
[ranking]
groupSize = 2
cityRanks = false
districtRanks = false
`,
	"data/units.toml": `[[township]]
name = "甲镇"
slug = "jia"
[[township]]
name = "乙镇"
slug = "yi"
[[township]]
name = "丙镇"
slug = "bing"
[[township]]
name = "丁镇"
slug = "ding"
[[township]]
name = "戊镇"
slug = "wu"
[[township]]
name = "己镇"
slug = "ji"
exempt = [{month = "2024-02", reason = "数据报送不全"}]
[[department]]
name = "县发改局"
slug = "fagai"
[[department]]
name = "县信访局"
slug = "xinfang"
`,
	"data/indicators.toml": `[[indicator]]
id = "gongye"
name = "规模工业增加值"
section = "重点工作"
owners = ["县发改局"]
townships = "all"
decimals = 1
[[indicator]]
id = "xinfang"
name = "信访积案化解"
section = "重点工作"
owners = ["县信访局"]
townships = "all"
better = "lower"
decimals = 0
[[indicator]]
id = "anquan"
name = "安全生产"
section = "重点工作"
townships = "all"
[[indicator]]
id = "zhaoshang"
name = "招商引资"
section = "重点工作"
owners = ["县发改局"]
`,
	"data/2024-02.toml": `period = "1-2月"

[[result]]
indicator = "gongye"
progress = "1-2月全县规模工业增加值同比增长6.2%。"
notApplicable = [{township = "戊镇", reason = "本月无规模以上工业企业"}, "丁镇"]
[result.townships]
"甲镇" = 8.5
"乙镇" = 7.25
"丙镇" = 6.0

[[result]]
indicator = "xinfang"
[result.townships]
"甲镇" = 3
"乙镇" = "0"
"丙镇" = 12
"丁镇" = 2.5
"戊镇" = 3

[[result]]
indicator = "anquan"
[result.townships]
"丙镇" = 90
"甲镇" = "93.50"
"乙镇" = 90
"丁镇" = 88.8
"戊镇" = 75

[[result]]
indicator = "zhaoshang"
progress = """
新签约项目12个。
其中亿元以上项目3个。"""

[[adjustment]]
township = "乙镇"
points = -1.5
reason = "安全生产事故扣分"

[[adjustment]]
township = "丙镇"
points = 2

[categories]
"一类" = ["县发改局"]
"二类" = ["县信访局"]

[[reward]]
unit = "县发改局"
amount = 20000
reason = "招商引资成效显著"

[[interview]]
unit = "戊镇"
who = "分管领导"
kind = "书面检查"
reason = "安全生产工作滞后"
`,
	"content/circulars/2024-02.md": "+++\nnumber = \"某督办〔2024〕2号\"\ntitle = \"关于1-2月重点工作落实情况的通报\"\ndate = 2024-03-08\ndata = \"2024-02\"\n+++\n" +
		"{{< indicators \"重点工作\" >}}\n\n{{< township-ranking >}}\n\n{{< rewards >}}\n\n{{< measures \"书面检查\" >}}\n",
}

// everyFeatureBack is the month file everyFeature's 2024-02 comes back as
// from its workbook, by hand, each line without its comment and its
// padding: the same values, reasons and orders; a quoted score as the
// number it is; each score with its indicator's places at least (6.0 of
// decimals = 1, 90.00 of the default 2), a whole score of decimals = 0
// whole (3, 0, not 3.0) and its 2.5 as given; the two lines of progress
// in one string; the month's parts in the order the format gives them.
var everyFeatureBack = []string{
	`period = "1-2月"`,
	`[[result]]`,
	`indicator = "gongye"`,
	`progress = "1-2月全县规模工业增加值同比增长6.2%。"`,
	`notApplicable = [{township = "戊镇", reason = "本月无规模以上工业企业"}, "丁镇"]`,
	`[result.townships]`,
	`"甲镇" = 8.5`,
	`"乙镇" = 7.25`,
	`"丙镇" = 6.0`,
	`[[result]]`,
	`indicator = "xinfang"`,
	`[result.townships]`,
	`"甲镇" = 3`,
	`"乙镇" = 0`,
	`"丙镇" = 12`,
	`"丁镇" = 2.5`,
	`"戊镇" = 3`,
	`[[result]]`,
	`indicator = "anquan"`,
	`[result.townships]`,
	`"丙镇" = 90.00`,
	`"甲镇" = 93.50`,
	`"乙镇" = 90.00`,
	`"丁镇" = 88.80`,
	`"戊镇" = 75.00`,
	`[[result]]`,
	`indicator = "zhaoshang"`,
	`progress = "新签约项目12个。\n其中亿元以上项目3个。"`,
	`[categories]`,
	`"一类" = ["县发改局"]`,
	`"二类" = ["县信访局"]`,
	`[[adjustment]]`,
	`township = "乙镇"`,
	`points = -1.5`,
	`reason = "安全生产事故扣分"`,
	`[[adjustment]]`,
	`township = "丙镇"`,
	`points = 2.0`,
	`[[reward]]`,
	`unit = "县发改局"`,
	`amount = 20000`,
	`reason = "招商引资成效显著"`,
	`[[interview]]`,
	`unit = "戊镇"`,
	`who = "分管领导"`,
	`kind = "书面检查"`,
	`reason = "安全生产工作滞后"`,
}

// writeSite writes files (by slash path) into a new folder and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// padding is the room the writer leaves before a value's “=”.
var padding = regexp.MustCompile(`^(\S+)\s+=\s+`)

// tomlLines are a month file's lines without comments (the data here
// has no “#” in a string), blank lines and padding.
func tomlLines(text []byte) []string {
	var out []string
	for _, l := range strings.Split(string(text), "\n") {
		l, _, _ = strings.Cut(l, "#")
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, padding.ReplaceAllString(l, "$1 = "))
		}
	}
	return out
}

// digest is what month m holds, a line each, in its orders: what an
// equivalent month file must hold the same.
func digest(m *site.Month) []string {
	out := []string{"period " + m.Period, fmt.Sprint("overallCity ", m.OverallCity)}
	for _, r := range m.Results {
		out = append(out, fmt.Sprintf("result %s city %d %v district %d %v %s %d progress %q", r.Indicator.ID, r.City, r.CityTie, r.District, r.DistrictTie, r.DistrictLabel, r.DistrictUnits, r.Progress))
		for _, e := range r.NotApplicable {
			out = append(out, fmt.Sprintf("  notApplicable %s %q", e.Unit.Name, e.Reason))
		}
		for _, sc := range r.Scores {
			out = append(out, fmt.Sprintf("  %s %g", sc.Unit.Name, sc.Value))
		}
	}
	for _, a := range m.Adjustments {
		out = append(out, fmt.Sprintf("adjustment %s %g %q", a.Unit.Name, a.Points, a.Reason))
	}
	for _, c := range m.Categories {
		out = append(out, "category "+c.Name)
		for _, u := range c.Units {
			out = append(out, "  "+u.Name)
		}
	}
	for _, r := range m.Rewards {
		out = append(out, fmt.Sprintf("reward %s %d %q", r.Unit.Name, r.Amount, r.Reason))
	}
	for _, iv := range m.Interviews {
		out = append(out, fmt.Sprintf("interview %s %q %q %q", iv.Unit.Name, iv.Who, iv.Kind, iv.Reason))
	}
	return out
}

// TestRoundTripEveryFeature: everyFeature's month exported to its
// workbook and imported back is the month file it was (everyFeatureBack,
// by hand), holding what the original holds, in its orders — the two
// townships 不涉及 in the order written, 戊镇 first, which the workbook's
// column lists in units.toml's — and the site built from it is the same,
// byte for byte.
func TestRoundTripEveryFeature(t *testing.T) {
	dir := writeSite(t, everyFeature)
	s := load(t, dir)
	m := s.Month("2024-02")
	book, err := Export(s, m)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Import(s, "2024-02", "2024-02.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	if got := tomlLines(back.TOML); !slices.Equal(got, everyFeatureBack) {
		t.Errorf("imported back:\n%s\nwant (without comments and padding):\n%s", strings.Join(got, "\n"), strings.Join(everyFeatureBack, "\n"))
	}
	again, err := s.ParseMonth("data/2024-02.toml", back.TOML, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := digest(again), digest(m); !slices.Equal(got, want) {
		t.Errorf("imported back, the month holds:\n%s\nwhere it held:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	roundTrip(t, dir)
}

// TestRoundTripEveryFeatureCSV: everyFeature's scores sheet saved as a
// CSV, as Excel and WPS save a sheet (“CSV (逗号分隔)”: each cell as
// shown, hidden rows too), reads back as the month's scores: each as its
// cell shows it, with its indicator's places (93.50, 6.0; 3 and 2.5 of
// decimals = 0), 不涉及 with its reason, the exempt 己镇's row empty and
// not asked for. A CSV keeps no order of a tie's members, which only the
// workbook records: 乙镇 comes before 丙镇 on 90, as the rows run. Merged
// into the month file it came from (import of a CSV over a month that
// has a file), it changes nothing.
func TestRoundTripEveryFeatureCSV(t *testing.T) {
	dir := writeSite(t, everyFeature)
	s := load(t, dir)
	m := s.Month("2024-02")
	book, err := Export(s, m)
	if err != nil {
		t.Fatal(err)
	}
	f, err := openBook(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("乡镇得分") // formatted, as shown
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"乡镇,规模工业增加值,信访积案化解,安全生产",
		"指标 id,gongye,xinfang,anquan",
		"本月评分,是,是,是",
		"甲镇,8.5,3,93.50",
		"乙镇,7.25,0,90.00",
		"丙镇,6.0,12,90.00",
		"丁镇,不涉及,2.5,88.80",
		"戊镇,不涉及（本月无规模以上工业企业）,3,75.00",
		"己镇",
	}, "\n") + "\n"
	if b.String() != want {
		t.Fatalf("the scores sheet saved as CSV:\n%s\nwant:\n%s", b.String(), want)
	}
	back, err := Import(s, "2024-02", "scores.csv", []byte(want))
	if err != nil {
		t.Fatal(err)
	}
	wantBack := []string{
		`[[result]]`,
		`indicator = "gongye"`,
		`notApplicable = ["丁镇", {township = "戊镇", reason = "本月无规模以上工业企业"}]`,
		`[result.townships]`,
		`"甲镇" = 8.5`,
		`"乙镇" = 7.25`,
		`"丙镇" = 6.0`,
		`[[result]]`,
		`indicator = "xinfang"`,
		`[result.townships]`,
		`"甲镇" = 3`,
		`"乙镇" = 0`,
		`"丙镇" = 12`,
		`"丁镇" = 2.5`,
		`"戊镇" = 3`,
		`[[result]]`,
		`indicator = "anquan"`,
		`[result.townships]`,
		`"甲镇" = 93.50`,
		`"乙镇" = 90.00`,
		`"丙镇" = 90.00`,
		`"丁镇" = 88.80`,
		`"戊镇" = 75.00`,
	}
	if got := tomlLines(back.TOML); !slices.Equal(got, wantBack) {
		t.Errorf("imported from the CSV:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantBack, "\n"))
	}

	src := []byte(everyFeature["data/2024-02.toml"])
	scores, err := ImportScores(s, "2024-02", "scores.csv", []byte(want), m)
	if err != nil {
		t.Fatal(err)
	}
	out, n, err := s.MergeMonth("data/2024-02.toml", src, scores.Edits, false)
	if err != nil || string(out) != string(src) || n.Same != 15 || n.Filled+n.Changed+n.Excluded != 0 {
		t.Errorf("merged into its month file: %+v, %v, changed %v; want its 13 scores and 2 不涉及 the same and nothing changed", n, err, string(out) != string(src))
	}
}
