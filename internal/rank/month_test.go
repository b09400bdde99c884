package rank

import (
	"fmt"
	"reflect"
	"testing"

	"tongbao/internal/site"
)

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
			Ranking: site.Ranking{GroupSize: 3, CityUnits: 12, DistrictUnits: 3},
			Scoring: site.Scoring{Decimals: 2},
			Policy:  site.Policy{RewardTopTownship: 50000, RewardCityFirst: 30000, InterviewLastTownship: "行政负责人"},
		},
		Townships:   towns,
		Departments: []*site.Unit{dept},
	}
	explicit := site.Interview{Unit: dept, Who: "分管领导", Kind: "提醒约谈", Reason: "排名靠后"}
	m := &site.Month{
		Results: []*site.Result{
			{Indicator: x, City: 1, Scores: scores(90, 80, 80, 70)},
			{Indicator: y, City: 10, Scores: scores(60, 70, 50, 40)},
			{Indicator: z, District: 3, DistrictUnits: 3},
		},
		Interviews: []site.Interview{explicit},
	}
	res := Month(s, m)

	var comp []string
	for _, c := range res.Composite {
		comp = append(comp, fmt.Sprintf("%s:%g:%d", c.Unit.Name, c.Value, c.Rank))
	}
	if want := []string{"甲街道:87.5:1", "乙街道:87.5:1", "丙镇:62.5:3", "丁乡:25:4"}; !reflect.DeepEqual(comp, want) {
		t.Errorf("composite = %v, want %v", comp, want)
	}
	xr := res.Indicator("x")
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
	wantRewards := []Award{
		{towns[0], 50000, "乡镇、街道综合考核排名并列第一"},
		{towns[1], 50000, "乡镇、街道综合考核排名并列第一"},
		{dept, 30000, "指标X全市排名第一"},
	}
	if !reflect.DeepEqual(res.Rewards, wantRewards) {
		t.Errorf("rewards = %+v, want %+v", res.Rewards, wantRewards)
	}
	wantInterviews := []site.Interview{
		{Unit: towns[3], Who: "行政负责人", Kind: "约谈", Reason: "乡镇、街道综合考核排名倒数第一"},
		explicit,
	}
	if !reflect.DeepEqual(res.Interviews, wantInterviews) {
		t.Errorf("interviews = %+v, want %+v", res.Interviews, wantInterviews)
	}
}
