package rank

import (
	"fmt"
	"reflect"
	"testing"

	"tongbao/internal/site"
)

// seedTerms are the sample's words, as its config.toml writes them.
var seedTerms = site.Terms{Unit: "乡镇（街道）", Department: "区直单位", Scope: "全区", City: "全市", Peer: "三区",
	Actions: []string{"奖励", "约谈", "提醒约谈"}}

// TestMonth ranks a small month by hand:
//
//	X (weight 1): 甲90 乙80 丙80 丁70 → ranks 1,2,2,4 → points 100,75,75,25
//	Y (weight 1): 甲60 乙70 丙50 丁40 → ranks 2,1,3,4 → points 75,100,50,25
//	composite:    甲87.5 乙87.5 丙62.5 丁25 → 甲、乙 tied first, 丙 3rd, 丁 4th
func TestMonth(t *testing.T) {
	names := []string{"甲街道", "乙街道", "丙镇", "丁乡"}
	var towns []*site.Unit
	for i, n := range names {
		towns = append(towns, &site.Unit{Name: n, Index: i})
	}
	dept := &site.Unit{Name: "区发改局", Kind: site.Department, Index: 4}
	x := &site.Indicator{ID: "x", Name: "指标X", Owners: []*site.Unit{dept}, Townships: towns, HigherBetter: true, Weight: 1, Decimals: 2}
	y := &site.Indicator{ID: "y", Name: "指标Y", Townships: towns, HigherBetter: true, Weight: 1, Decimals: 2, Index: 1}
	z := &site.Indicator{ID: "z", Name: "指标Z", Index: 2}
	scores := func(vs ...float64) []site.Score {
		out := make([]site.Score, len(vs))
		for i, v := range vs {
			out[i] = site.Score{Unit: towns[i], Value: v}
		}
		return out
	}
	s := &site.Site{
		Config: site.Config{
			Terms:   seedTerms,
			Ranking: site.Ranking{GroupSize: 3, CityUnits: 12, DistrictUnits: 3},
			Scoring: site.Scoring{Decimals: 2},
			Rules: []site.Rule{
				{On: site.OnComposite, Select: site.First, Action: "奖励", Amount: 50000, Line: 30},
				{On: site.OnCity, Select: site.First, Action: "奖励", Amount: 30000, Line: 31},
				{On: site.OnComposite, Select: site.Last, Action: "约谈", Who: "行政负责人", Line: 32},
			},
		},
		Townships:   towns,
		Departments: []*site.Unit{dept},
	}
	explicit := site.Interview{Unit: dept, Who: "分管领导", Kind: "提醒约谈", Reason: "排名靠后", Line: 40}
	m := &site.Month{
		Key:  "2023-02",
		Year: 2023, Month: 2,
		File: "data/2023-02.toml",
		Results: []*site.Result{
			{Indicator: x, City: 1, Scores: scores(90, 80, 80, 70)},
			{Indicator: y, City: 10, Scores: scores(60, 70, 50, 40)},
			{Indicator: z, District: 3, DistrictUnits: 3},
		},
		Interviews: []site.Interview{explicit},
	}
	s.Months = []*site.Month{m}
	res := Archive(s).Of(m)
	g := res.Groups[0]

	var comp []string
	for _, c := range g.Composite {
		comp = append(comp, fmt.Sprintf("%s:%g:%d", c.Unit.Name, c.Value, c.Rank))
	}
	if want := []string{"甲街道:87.5:1", "乙街道:87.5:1", "丙镇:62.5:3", "丁乡:25:4"}; !reflect.DeepEqual(comp, want) {
		t.Errorf("composite = %v, want %v", comp, want)
	}
	xr := g.Indicator("x")
	if xr == nil || len(xr.Top.Runs) != 2 || len(xr.Top.Runs[1]) != 2 || xr.Top.Exact {
		t.Errorf("X top group = %+v; want 甲, then 乙、丙 tied, not exact", xr.Top)
	}
	var bottom []string
	for _, r := range res.CityBottom {
		bottom = append(bottom, r.Indicator.ID)
	}
	if want := []string{"y", "z"}; !reflect.DeepEqual(bottom, want) {
		t.Errorf("city bottom = %v, want %v", bottom, want)
	}
	// The measures, each with the config.toml line and number of its rule
	// or the month file's line and number of its hand entry.
	rule := func(line, n int) Source {
		return Source{File: "config.toml", Line: line, Table: "rule", N: n, Rule: true}
	}
	wantRewards := []Measure{
		{Unit: towns[0], Action: "奖励", Amount: 50000, Reason: "乡镇、街道综合考核排名并列第一", Source: rule(30, 1)},
		{Unit: towns[1], Action: "奖励", Amount: 50000, Reason: "乡镇、街道综合考核排名并列第一", Source: rule(30, 1)},
		{Unit: dept, Action: "奖励", Amount: 30000, Reason: "指标X全市排名第一", Source: rule(31, 2)},
	}
	if got := res.Rewards(); !reflect.DeepEqual(got, wantRewards) {
		t.Errorf("rewards = %+v, want %+v", got, wantRewards)
	}
	wantInterviews := []Measure{
		{Unit: towns[3], Action: "约谈", Who: "行政负责人", Reason: "乡镇、街道综合考核排名倒数第一", Source: rule(32, 3)},
		{Unit: dept, Action: "提醒约谈", Who: "分管领导", Reason: "排名靠后", Source: Source{File: "data/2023-02.toml", Line: 40, Table: "interview", N: 1}},
	}
	if got := res.Interviews(""); !reflect.DeepEqual(got, wantInterviews) {
		t.Errorf("interviews = %+v, want %+v", got, wantInterviews)
	}
	if got := res.Interviews("提醒约谈"); len(got) != 1 || got[0].Unit != dept {
		t.Errorf("提醒约谈 = %+v, want the hand entry alone", got)
	}
	if got := wantInterviews[1].Source.String(); got != "data/2023-02.toml:40" {
		t.Errorf("a hand entry's source reads %q in diagnostics", got)
	}
	if got := wantInterviews[1].Source.Public(); got != "data/2023-02.toml [[interview]] 第1条" {
		t.Errorf("a hand entry's source reads %q in data.json", got)
	}
	if got := wantRewards[2].Source.Public(); got != "config.toml [[rule]] 第2条" {
		t.Errorf("a rule's source reads %q in data.json", got)
	}
}
