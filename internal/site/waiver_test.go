package site

import "testing"

// quarter is a circular of 2023-Q1 with extra front matter from line 6.
func quarter(extra string) string {
	return "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于第一季度的通报\"\ndate = 2023-04-10\ndata = \"2023-Q1\"\n" + extra + "+++\n正文。\n"
}

// A quarterly circular's [[waiver]] is read with its unit looked up in
// units.toml and its place in the file: line 6, column 3 where indented.
func TestCircularWaiverRead(t *testing.T) {
	files := miniSite()
	files["content/circulars/2023-q1.md"] = quarter("  [[waiver]]\nunit = \"乙街道\"\naction = \"约谈\"\nreason = \"防汛\"\n")
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	var q *Circular
	for _, c := range s.Circulars {
		if c.Data.Kind == Quarterly {
			q = c
		}
	}
	if q == nil || len(q.Waivers) != 1 {
		t.Fatalf("the quarter's circular: %+v", q)
	}
	if w := q.Waivers[0]; w.Unit == nil || w.Unit.Name != "乙街道" || w.Action != "约谈" || w.Reason != "防汛" || w.Line != 6 || w.Col != 3 {
		t.Errorf("waiver %+v, want 乙街道 约谈 防汛 at 6:3", w)
	}
}

// A circular's waiver of an unknown unit or action is an error at the
// key; one in a month's circular is an error at it, its place being the
// month file.
func TestCircularWaiverDiagnostics(t *testing.T) {
	const q = "content/circulars/2023-q1.md"
	for _, tc := range []struct{ file, extra, want string }{
		{q, "[[waiver]]\nunit = \"丁镇\"\naction = \"约谈\"\nreason = \"防汛\"\n", q + ":7:1: 未知单位“丁镇”"},
		{q, "[[waiver]]\nunit = \"乙街道\"\naction = \"谈话\"\nreason = \"防汛\"\n", q + ":8:1: action 应为奖励、约谈或提醒约谈（[terms] actions 中的措施），而不是“谈话”"},
		{q, "[[waiver]]\nunit = \"乙街道\"\naction = \"约谈\"\n", q + ":6:1: [[waiver]] 这一项缺少“reason”（原因）"},
	} {
		files := miniSite()
		files[tc.file] = quarter(tc.extra)
		wantDiagnostic(t, files, tc.file, "", files[tc.file], tc.want)
	}
	wantDiagnostic(t, miniSite(), "content/circulars/2023-02.md", "data = \"2023-02\"\n",
		"data = \"2023-02\"\n\n[[waiver]]\nunit = \"乙街道\"\naction = \"约谈\"\nreason = \"防汛\"\n",
		"content/circulars/2023-02.md:7:1: [[waiver]]（免予措施）写在 data/2023-02.toml 中：月度通报的措施由当月数据得出，通报中只写季度、半年、年度的")
}
