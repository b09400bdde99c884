package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// deductSite is a 扣分制 office of six units: 信访稳定 (max 10, no min)
// less 1 a 信访件, 群众满意 (max 10, min 0) less 0.5 a 投诉, the counts
// typed once, as children of the scores they make.
func deductSite() map[string]string {
	files := miniSite()
	files["config.toml"] = `title = "测试"
[issuer]
name = "测试县委督查室"
[terms]
sections = ["工作落实", "信访和投诉"]
[scoring]
method = "sum"
[site]
orgCode = "123456789"
`
	files["data/units.toml"] = `[[township]]
name = "甲局"
slug = "jia"
[[township]]
name = "乙局"
slug = "yi"
[[township]]
name = "丙局"
slug = "bing"
[[township]]
name = "丁局"
slug = "ding"
[[township]]
name = "戊局"
slug = "wu"
[[township]]
name = "己局"
slug = "ji"
`
	files["data/indicators.toml"] = `[[indicator]]
id = "gongzuo"
name = "工作落实"
section = "工作落实"
townships = "all"
min = 0
max = 40
decimals = 1

[[indicator]]
id = "xinfang-df"
name = "信访稳定"
section = "信访和投诉"
max = 10
decimals = 1
deduct = [{ indicator = "xinfang", per = 1 }]

[[indicator]]
id = "xinfang"
name = "信访件数"
parent = "xinfang-df"
townships = "all"
better = "lower"
weight = 0
scoreUnit = "件"

[[indicator]]
id = "tousu-df"
name = "群众满意"
section = "信访和投诉"
townships = "all"
min = 0
max = 10
decimals = 1
deduct = [{ indicator = "tousu", per = 0.5 }]

[[indicator]]
id = "tousu"
name = "群众投诉件数"
parent = "tousu-df"
townships = "all"
better = "lower"
weight = 0
scoreUnit = "件"
`
	files["data/2023-02.toml"] = `period = "1-2月"
[[result]]
indicator = "gongzuo"
[result.townships]
"甲局" = 30
"乙局" = 38
"丙局" = 36
"丁局" = 33
"戊局" = 32
"己局" = 35

[[result]]
indicator = "xinfang-df"
progress = "全县信访总量同比下降。"

[[result]]
indicator = "xinfang"
notApplicable = [{ township = "己局", reason = "新设立" }]
[result.townships]
"甲局" = 0
"乙局" = 12
"丙局" = 15
"丁局" = 3
"戊局" = 1

[[result]]
indicator = "tousu"
[result.townships]
"甲局" = 3
"乙局" = 1
"丙局" = 0
"丁局" = 5
"戊局" = 7
"己局" = 0
`
	return files
}

// scoresOf writes a result's scores as 甲局=10 乙局=0 …, in its order.
func scoresOf(r *Result) string {
	if r == nil {
		return "<no result>"
	}
	var b []string
	for _, sc := range r.Scores {
		b = append(b, sc.Unit.Name+"="+numberText(sc.Value))
	}
	for _, e := range r.NotApplicable {
		b = append(b, e.Unit.Name+":不涉及（"+e.Reason+"）")
	}
	return strings.Join(b, " ")
}

// TestDeductScores holds the derived scores, reckoned by hand: 10 less
// 1 a 信访件, floored at 0 (乙局's 12 and 丙局's 15 both 0), 己局 not
// applicable to the count and so to the score; 10 less 0.5 a 投诉, in
// half points. The hand-written result keeps its progress; the scores
// follow the count's table order.
func TestDeductScores(t *testing.T) {
	s, err := Load(writeSite(t, deductSite()))
	if err != nil {
		t.Fatal(err)
	}
	m := s.Months[0]
	for _, c := range []struct{ id, want string }{
		{"xinfang-df", "甲局=10 乙局=0 丙局=0 丁局=7 戊局=9 己局:不涉及（新设立）"},
		{"tousu-df", "甲局=8.5 乙局=9.5 丙局=10 丁局=7.5 戊局=6.5 己局=10"},
		{"xinfang", "甲局=0 乙局=12 丙局=15 丁局=3 戊局=1 己局:不涉及（新设立）"},
	} {
		if got := scoresOf(m.Result(c.id)); got != c.want {
			t.Errorf("%s: %s, want %s", c.id, got, c.want)
		}
	}
	if r := m.Result("xinfang-df"); r.Progress != "全县信访总量同比下降。" {
		t.Errorf("the hand-written result's progress was lost: %q", r.Progress)
	}
	// In document order, the derived one made by derive (群众满意)
	// before its count.
	var ids []string
	for _, r := range m.Results {
		ids = append(ids, r.Indicator.ID)
	}
	if got, want := strings.Join(ids, " "), "gongzuo xinfang-df xinfang tousu-df tousu"; got != want {
		t.Errorf("results in order %s, want %s", got, want)
	}
	// Townships unwritten: the count's.
	if ind := s.Indicator("xinfang-df"); len(ind.Townships) != 6 {
		t.Errorf("信访稳定 ranks %d units, want the count's 6", len(ind.Townships))
	}
	if got, want := s.Indicator("tousu-df").DeductText("2023-02"), "由群众投诉件数折算（每件扣0.5分）"; got != want {
		t.Errorf("DeductText = %q, want %q", got, want)
	}
}

// TestDeductExact: 10 less 0.45 a 件 is reckoned in decimals. 己局's 13
// 件 leave 10 − 5.85 = 4.15, 4.2 at one decimal; in binary floats 10 −
// 0.45 × 13 is 4.1499999999999995, 4.1 however it is rounded after.
// The others, by hand: 甲3 8.65 → 8.7, 乙1 9.55 → 9.6, 丙0 10, 丁5 7.75
// → 7.8, 戊7 6.85 → 6.9.
func TestDeductExact(t *testing.T) {
	files := deductSite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "per = 0.5", "per = 0.45", 1)
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "\"己局\" = 0\n", "\"己局\" = 13\n", 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := scoresOf(s.Months[0].Result("tousu-df")), "甲局=8.7 乙局=9.6 丙局=10 丁局=7.8 戊局=6.9 己局=4.2"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestDeductAbsentMonth: a month without the count has no derived
// score at all — not a full one — and one with a derived result's
// progress alone keeps it, unranked.
func TestDeductAbsentMonth(t *testing.T) {
	files := deductSite()
	files["data/2023-03.toml"] = `period = "3月"
[[result]]
indicator = "gongzuo"
[result.townships]
"甲局" = 30
"乙局" = 38
"丙局" = 36
"丁局" = 33
"戊局" = 32
"己局" = 35

[[result]]
indicator = "xinfang-df"
progress = "本月信访考核暂停。"
`
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	m := s.Month("2023-03")
	if r := m.Result("xinfang-df"); r == nil || len(r.Scores) != 0 || r.Progress != "本月信访考核暂停。" {
		t.Errorf("信访稳定 without counts: %+v", r)
	}
	if r := m.Result("tousu-df"); r != nil {
		t.Errorf("群众满意 without counts has a result: %s", scoresOf(r))
	}
}

// TestDeductPerChanged: an [[indicator.change]] changes per from its
// month (扣分标准 raised from 0.5 to 1 a 投诉 in March); February keeps
// its own. By hand, March's counts 甲3 乙1 丙0 丁5 戊7 己0 at 1 a 件:
// 7 9 10 5 3 10.
func TestDeductPerChanged(t *testing.T) {
	files := deductSite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `deduct = [{ indicator = "tousu", per = 0.5 }]
`, `deduct = [{ indicator = "tousu", per = 0.5 }]
[[indicator.change]]
from = "2023-03"
deduct = [{ indicator = "tousu", per = 1 }]
`, 1)
	files["data/2023-03.toml"] = strings.Replace(files["data/2023-02.toml"], `period = "1-2月"`, `period = "3月"`, 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ month, want, text string }{
		{"2023-02", "甲局=8.5 乙局=9.5 丙局=10 丁局=7.5 戊局=6.5 己局=10", "由群众投诉件数折算（每件扣0.5分）"},
		{"2023-03", "甲局=7 乙局=9 丙局=10 丁局=5 戊局=3 己局=10", "由群众投诉件数折算（每件扣1分）"},
	} {
		if got := scoresOf(s.Month(c.month).Result("tousu-df")); got != c.want {
			t.Errorf("%s: %s, want %s", c.month, got, c.want)
		}
		if got := s.Indicator("tousu-df").DeductText(c.month); got != c.text {
			t.Errorf("%s: DeductText %q, want %q", c.month, got, c.text)
		}
	}
	if ch := s.Indicator("tousu-df").Changes; len(ch) != 1 || !slices.Equal(ch[0].Set, []string{"deduct"}) {
		t.Errorf("changes read as %+v", ch)
	}
}

// TestDeductPerUnchangedBeside: a change of 群众满意's weight from March
// that writes its per as it was (0.5 a 件) changes the weight only: its
// Set says weight, not deduct, so the indicator's page dates no change
// of per.
func TestDeductPerUnchangedBeside(t *testing.T) {
	files := deductSite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `deduct = [{ indicator = "tousu", per = 0.5 }]
`, `deduct = [{ indicator = "tousu", per = 0.5 }]
[[indicator.change]]
from = "2023-03"
weight = 2
deduct = [{ indicator = "tousu", per = 0.5 }]
`, 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if ch := s.Indicator("tousu-df").Changes; len(ch) != 1 || !slices.Equal(ch[0].Set, []string{"weight"}) || ch[0].Weight != 2 {
		t.Errorf("changes read as %+v, want a change of weight to 2 only", ch)
	}
}

// TestDeductDiagnostics: what indicators.toml may get wrong of a
// deduct beyond testdata/bad's cases, each at its line and column.
func TestDeductDiagnostics(t *testing.T) {
	for _, c := range []struct{ name, old, new, want string }{
		{"derived lower-is-better", "max = 10\ndecimals = 1\ndeduct = [{ indicator = \"xinfang\"", "max = 10\ndecimals = 1\nbetter = \"lower\"\ndeduct = [{ indicator = \"xinfang\"",
			"data/indicators.toml:16:1: 指标“信访稳定”的得分按件数扣分（deduct），得分越高越好：删去 better = \"lower\"（越低越好的是件数那一项）"},
		{"the same count twice", `deduct = [{ indicator = "tousu", per = 0.5 }]`, `deduct = [{ indicator = "tousu", per = 0.5 }, { indicator = "tousu", per = 1 }]`,
			"data/indicators.toml:35:49: 指标“群众投诉件数”在 deduct 中重复：同一项件数的扣分写在一项中"},
		{"a count without townships", "townships = \"all\"\nbetter = \"lower\"\nweight = 0\nscoreUnit = \"件\"\n\n[[indicator]]\nid = \"tousu-df\"", "better = \"lower\"\nweight = 0\nscoreUnit = \"件\"\n\n[[indicator]]\nid = \"tousu-df\"",
			"data/indicators.toml:16:13: 指标“信访件数”没有单位得分（indicators.toml 中没有 townships），没有可扣分的件数"},
		{"a score's units the count lacks", "parent = \"tousu-df\"\ntownships = \"all\"", "parent = \"tousu-df\"\ntownships = [\"甲局\", \"乙局\"]",
			"data/indicators.toml:31:1: 乡镇（街道）“丙局”在指标“群众满意”的考核范围内，而不在它所依据的件数“群众投诉件数”的范围内（townships），没有件数可扣：把它写进件数一项的 townships，或从“群众满意”的 townships 中删去"},
		{"a count its score's parent", "[[indicator]]\nid = \"xinfang-df\"\nname = \"信访稳定\"\nsection = \"信访和投诉\"\nmax = 10\ndecimals = 1\ndeduct = [{ indicator = \"xinfang\", per = 1 }]\n",
			"[[indicator]]\nid = \"xinfang0\"\nname = \"来信件数\"\nsection = \"信访和投诉\"\ntownships = \"all\"\nbetter = \"lower\"\nweight = 0\n\n[[indicator]]\nid = \"xinfang-df\"\nname = \"信访稳定\"\nparent = \"xinfang0\"\nmax = 10\ndecimals = 1\ndeduct = [{ indicator = \"xinfang0\", per = 1 }]\n",
			"data/indicators.toml:24:13: 指标“信访稳定”的上级“来信件数”是它所依据的件数：反过来写，件数一项写 parent = \"xinfang-df\"，嵌套在得分之下"},
		{"per changed of a written score", "max = 40\ndecimals = 1\n", "max = 40\ndecimals = 1\n[[indicator.change]]\nfrom = \"2023-03\"\ndeduct = [{ indicator = \"xinfang\", per = 2 }]\n",
			"data/indicators.toml:11:1: 指标“工作落实”的得分不由件数折算（它的 [[indicator]] 没有 deduct），[[indicator.change]] 中不能写 deduct"},
		{"a change of another count", `deduct = [{ indicator = "tousu", per = 0.5 }]` + "\n", `deduct = [{ indicator = "tousu", per = 0.5 }]` + "\n[[indicator.change]]\nfrom = \"2023-03\"\ndeduct = [{ indicator = \"xinfang\", per = 2 }]\n",
			"data/indicators.toml:38:13: 指标“群众满意”自 2023-03 起的 deduct 只改每件扣分 per，所依据的件数不变：“xinfang”不是它 deduct 中的件数（\"tousu\"）；改按别的件数扣分的，另设一项指标"},
		// A per written as it was is a change of nothing, as a weight
		// written as it was is: the first against the [[indicator]]'s
		// deduct, a later one against the change before it.
		{"a first change of per to the same", `deduct = [{ indicator = "tousu", per = 0.5 }]` + "\n", `deduct = [{ indicator = "tousu", per = 0.5 }]` + "\n[[indicator.change]]\nfrom = \"2023-03\"\ndeduct = [{ indicator = \"tousu\", per = 0.5 }]\n",
			"data/indicators.toml:38:1: 指标“群众满意”自 2023-03 起的调整没有改变什么：所写的每件扣分与这个指标 [[indicator]] 的 deduct 中的相同（每件扣0.5分）；如果是把 deduct 中原来的 per 改成了新的，改回原来的值（2023-03 以前各月仍按它折算）；否则删去这一项"},
		{"a later change of per to the same", `deduct = [{ indicator = "tousu", per = 0.5 }]` + "\n", `deduct = [{ indicator = "tousu", per = 0.5 }]` + "\n[[indicator.change]]\nfrom = \"2023-03\"\ndeduct = [{ indicator = \"tousu\", per = 1 }]\n[[indicator.change]]\nfrom = \"2023-05\"\ndeduct = [{ indicator = \"tousu\", per = 1 }]\n",
			"data/indicators.toml:41:1: 指标“群众满意”自 2023-05 起的调整没有改变什么：所写的每件扣分与此前的相同（每件扣1分）；删去这一项，或写上改变后的 per"},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantDiagnostic(t, deductSite(), "data/indicators.toml", c.old, c.new, c.want)
		})
	}
}

// TestDeductWeightedCountWarned: under rank-points a count weighted in
// the composite as well as its derived score counts the 件 twice: warned
// at the deduct that names it. Weight 0, the office's way, is not.
func TestDeductWeightedCountWarned(t *testing.T) {
	files := deductSite()
	files["config.toml"] = strings.Replace(files["config.toml"], "method = \"sum\"", "method = \"rank-points\"", 1)
	const want = "data/indicators.toml:16:13: 警告：“信访件数”的件数已折算为“信访稳定”的得分，它自己又计入综合考核（权重不为 0）：同一件数计了两次；件数这一项写 weight = 0"
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(s.Warnings.Error(), "计了两次") {
		t.Errorf("weight 0 warned:\n%s", s.Warnings.Error())
	}
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "parent = \"xinfang-df\"\ntownships = \"all\"\nbetter = \"lower\"\nweight = 0\n", "parent = \"xinfang-df\"\ntownships = \"all\"\nbetter = \"lower\"\n", 1)
	s, err = Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.Warnings.Error(), want) {
		t.Errorf("want %q among:\n%s", want, s.Warnings.Error())
	}
}

// TestDeductDraft: a month being gathered (ParseDraftMonth) whose count
// lacks 丁局's, not yet in, has no score of 丁局's to derive: not a full
// one. The others' are derived as ever.
func TestDeductDraft(t *testing.T) {
	files := deductSite()
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(files["data/2023-02.toml"], "\"丁局\" = 3\n", "", 1)
	m, err := s.ParseDraftMonth("data/2023-02.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := scoresOf(m.Result("xinfang-df")), "甲局=10 乙局=0 丙局=0 戊局=9 己局:不涉及（新设立）"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if r := m.Result("xinfang-df"); len(r.Unscored) != 0 {
		t.Errorf("the derived score asks for %d scores to be typed", len(r.Unscored))
	}
}

// TestDeductCountProgressWarned: the circular does not list a count
// whose score it lists, so a progress text written in the count's
// [[result]] would not print: warned at it, to be moved to the score's.
func TestDeductCountProgressWarned(t *testing.T) {
	files := deductSite()
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "indicator = \"tousu\"\n", "indicator = \"tousu\"\nprogress = \"投诉量下降。\"\n", 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	const want = "data/2023-02.toml:27:1: 警告：“群众投诉件数”的件数折算为“群众满意”的得分，通报中不单列它，它的进展（progress）不会印出：写在“群众满意”的 [[result]] 中"
	if !strings.Contains(s.Warnings.Error(), want) {
		t.Errorf("want %q among:\n%s", want, s.Warnings.Error())
	}
}

// TestDeductCountRankWarned: a rank from above written in a count's
// [[result]] whose score the circular lists would print under the
// count's name, which heads no entry of the circular, in the city-bottom
// list and the appendix: warned at it, to be moved to the score's, as its
// progress is (TestDeductCountProgressWarned). In the score's [[result]],
// where rules.md's 扣分制 puts it, it is not.
func TestDeductCountRankWarned(t *testing.T) {
	files := deductSite()
	files["config.toml"] += "[ranking]\ncityUnits = 100\n"
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "indicator = \"tousu\"\n", "indicator = \"tousu\"\ncity = 99\n", 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	const want = "data/2023-02.toml:27:1: 警告：“群众投诉件数”的件数折算为“群众满意”的得分，通报中不单列它，它的全市排名（city）却会以“群众投诉件数”列出（排名靠后的单项目标、附表）：写在“群众满意”的 [[result]] 中"
	if !strings.Contains(s.Warnings.Error(), want) {
		t.Errorf("want %q among:\n%s", want, s.Warnings.Error())
	}
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "indicator = \"tousu\"\ncity = 99\n", "indicator = \"tousu\"\n", 1) +
		"\n[[result]]\nindicator = \"tousu-df\"\ncity = 99\n"
	s, err = Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(s.Warnings.Error(), "却会以") {
		t.Errorf("the score's own rank warned:\n%s", s.Warnings.Error())
	}
	if r := s.Months[0].Result("tousu-df"); r == nil || r.City != 99 {
		t.Errorf("the score's result %+v, want its city rank 99", r)
	}
}

// TestDeductCountNotApplicable: a count that does not apply to a unit
// deducts nothing from a score its other counts make. 群众满意 is 10
// less 0.5 a 投诉 and 1 a 超时; 超时 is not applicable to 丙局 (no 办件)
// and does not list 己局 in its townships; 己局 is not applicable to 投诉
// either, so to the score. By hand: 甲 10 − 1.5 − 2 = 6.5, 乙 10 − 0.5
// − 0 = 9.5, 丙 10 − 0 = 10 (超时 not deducted), 丁 10 − 2.5 − 1 = 6.5,
// 戊 10 − 3.5 − 3 = 3.5.
func TestDeductCountNotApplicable(t *testing.T) {
	files := deductSite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `deduct = [{ indicator = "tousu", per = 0.5 }]`,
		`deduct = [{ indicator = "tousu", per = 0.5 }, { indicator = "chaoshi", per = 1 }]`, 1) + `
[[indicator]]
id = "chaoshi"
name = "办件超时次数"
parent = "tousu-df"
townships = ["甲局", "乙局", "丙局", "丁局", "戊局"]
better = "lower"
weight = 0
scoreUnit = "次"
`
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "id = \"tousu-df\"\nname = \"群众满意\"\nsection = \"信访和投诉\"\ntownships = \"all\"\n",
		"id = \"tousu-df\"\nname = \"群众满意\"\nsection = \"信访和投诉\"\n", 1)
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `indicator = "tousu"
[result.townships]
"甲局" = 3
"乙局" = 1
"丙局" = 0
"丁局" = 5
"戊局" = 7
"己局" = 0
`, `indicator = "tousu"
notApplicable = [{ township = "己局", reason = "无对外服务" }]
[result.townships]
"甲局" = 3
"乙局" = 1
"丙局" = 0
"丁局" = 5
"戊局" = 7

[[result]]
indicator = "chaoshi"
notApplicable = [{ township = "丙局", reason = "无办件服务" }]
[result.townships]
"甲局" = 2
"乙局" = 0
"丁局" = 1
"戊局" = 3
`, 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := scoresOf(s.Months[0].Result("tousu-df")), "甲局=6.5 乙局=9.5 丙局=10 丁局=6.5 戊局=3.5 己局:不涉及（无对外服务）"; got != want {
		t.Errorf("群众满意: %s, want %s", got, want)
	}
	// Unwritten, its townships are the counts' together: 己局 is 投诉's.
	if n := len(s.Indicator("tousu-df").Townships); n != 6 {
		t.Errorf("群众满意 ranks %d units, want 6", n)
	}
}

// TestScoredParentWeightedChildWarned: a parent with a score of its own
// (信访稳定, typed) and a child (信访件数) both weighted in a composite of
// the same townships count the child twice where the parent's score holds
// it: warned at the child's parent key, as a weighted count of a deduct
// is at the deduct. Not warned: either weighted 0, in every month, by a
// change too; townships of the two that do not meet; a parent with no
// score; a parent deducted by the child (deduct's own warning says it).
func TestScoredParentWeightedChildWarned(t *testing.T) {
	const catalogue = `[[indicator]]
id = "xinfang-df"
name = "信访稳定"
section = "重点工作"
townships = "all"
[[indicator]]
id = "xinfang"
name = "信访件数"
parent = "xinfang-df"
townships = "all"
better = "lower"
scoreUnit = "件"
`
	// By hand: at the child's parent key, line 9, or 13 below a change.
	const want = ":1: 警告：“信访件数”的件数和它的上级“信访稳定”的得分都计入综合考核（权重不为 0）：上级的得分已含下级的，同一项就计了两次，把其中一项写 weight = 0；两项各考各的，可不理会"
	for _, c := range []struct {
		name, old, new string
		warned         int // the line warned at, 0 for none
	}{
		{"both weighted 1 by default", "", "", 9},
		{"the child weighted 0", "scoreUnit = \"件\"\n", "scoreUnit = \"件\"\nweight = 0\n", 0},
		{"the parent weighted 0", "section = \"重点工作\"\n", "section = \"重点工作\"\nweight = 0\n", 0},
		{"the parent weighted from March, the child until then", "section = \"重点工作\"\ntownships = \"all\"\n",
			"section = \"重点工作\"\ntownships = \"all\"\nweight = 0\n[[indicator.change]]\nfrom = \"2023-03\"\nweight = 1\n",
			0},
		{"the parent weighted from March, the child too", "section = \"重点工作\"\ntownships = \"all\"\n",
			"section = \"重点工作\"\ntownships = \"all\"\nweight = 0\n[[indicator.change]]\nfrom = \"2023-03\"\nweight = 1\n",
			13},
		{"townships apart", "section = \"重点工作\"\ntownships = \"all\"\n", "section = \"重点工作\"\ntownships = [\"甲街道\"]\n", 0},
		{"a parent without a score", "section = \"重点工作\"\ntownships = \"all\"\n", "section = \"重点工作\"\n", 0},
		{"a parent deducted by the child", "section = \"重点工作\"\ntownships = \"all\"\n", "section = \"重点工作\"\nmax = 10\ndeduct = [{ indicator = \"xinfang\", per = 1 }]\n", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := miniSite()
			cat := strings.Replace(catalogue, c.old, c.new, 1)
			switch c.name {
			case "the parent weighted from March, the child until then":
				cat += "weight = 1\n[[indicator.change]]\nfrom = \"2023-03\"\nweight = 0\n"
			case "townships apart":
				cat = strings.Replace(cat, "better = \"lower\"\n", "", 1)
				cat = strings.Replace(cat, "parent = \"xinfang-df\"\ntownships = \"all\"\n", "parent = \"xinfang-df\"\ntownships = [\"乙街道\", \"丙镇\"]\n", 1)
			}
			files["data/indicators.toml"] = cat
			files["config.toml"] += "[terms]\nsections = [\"重点工作\"]\n"
			files["data/2023-02.toml"] = "period = \"1-2月\"\n[[result]]\nindicator = \"xinfang\"\n[result.townships]\n\"乙街道\" = 0\n\"丙镇\" = 2\n"
			if c.name != "townships apart" {
				files["data/2023-02.toml"] += "\"甲街道\" = 1\n"
			}
			s, err := Load(writeSite(t, files))
			if err != nil {
				t.Fatal(err)
			}
			got := s.Warnings.Error()
			if w := fmt.Sprintf("data/indicators.toml:%d%s", c.warned, want); c.warned > 0 && !strings.Contains(got, w) {
				t.Errorf("warnings\n%s\nlack\n%s", got, w)
			}
			if c.warned == 0 && strings.Contains(got, "可不理会") {
				t.Errorf("warned:\n%s", got)
			}
		})
	}
}
