package render

import (
	"encoding/json"
	"strings"
	"testing"

	"tongbao/internal/rank"
)

// vetoSite is five townships ranked on one indicator in 2023-02, scores
// as given in units.toml order (甲 乙 丙 丁 戊), the [[waiver]]s given
// added to the month, ties the [ranking] ties, and two rules: the
// composite's first rewarded 2万元, its last 约谈.
func vetoSite(ties string, scores []string, waivers string) map[string]string {
	files := notApplicableSite("rank-points")
	files["config.toml"] = strings.Replace(files["config.toml"], "[ranking]\n", "[ranking]\nties = \""+ties+"\"\n", 1) +
		"[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"奖励\"\namount = 20000\n" +
		"[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"主要负责人\"\n"
	files["data/units.toml"] = strings.Replace(files["data/units.toml"], "exempt = [{month = \"2023-02\", reason = \"数据报送不全\"}]\n", "until = \"2023-01\"\n", 1)
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "townships = \"all\"\n[[indicator]]", "townships = \"all\"\nweight = 0\n[[indicator]]", 1)
	body := "[[result]]\nindicator = \"anquan\"\n[result.townships]\n"
	for i, name := range []string{"甲镇", "乙镇", "丙镇", "丁镇", "戊镇"} {
		body += "\"" + name + "\" = " + scores[i] + "\n"
	}
	files["data/2023-02.toml"] = body + waivers
	files["content/circulars/2023-02.md"] = "+++\nnumber = \"测政办函〔2023〕5号\"\ntitle = \"关于2月的通报\"\ndate = 2023-03-10\ndata = \"2023-02\"\n+++\n" +
		"{{< township-ranking \"numbered\" >}}\n\n{{< rewards >}}\n\n{{< interviews \"约谈\" >}}\n"
	return files
}

const vetoOf = "[[waiver]]\nunit = \"%s\"\naction = \"奖励\"\nreason = \"发生较大生产安全事故\"\nlast = true\n"

func veto(name string) string { return strings.Replace(vetoOf, "%s", name, 1) }

// TestVetoLast: a [[waiver]] with last = true puts its township last in
// the composite, the others closing up, two vetoed tied for last; the
// rules read the others: the first's reward goes to the new first, the
// last's 约谈 to the last of the others, not to a vetoed one. By hand:
//
// competition, 甲90 乙80 丙70 丁60 戊50, 甲 and 丙 vetoed: 乙1 丁2 戊3,
// then 甲、丙 tied at 4 (units.toml order); reward 乙, 约谈 戊.
// Rank points (one indicator, n = 5): 甲100 乙80 丙60 丁40 戊20, kept.
//
// dense, 甲90 乙80 丙70 丁70 戊50, 甲 vetoed: 乙1 丙2 丁2 戊3 (dense),
// 甲4 — competition's would be 5; reward 乙, 约谈 戊. Rank points by
// standing, as dense leaves them (§5.1): 丙 and 丁 third, 100·3/5 = 60.
func TestVetoLast(t *testing.T) {
	for _, c := range []struct {
		name, ties string
		scores     []string
		waivers    string
		order      string
		composite  string // name score rank, best first
		reward     string
		interview  string
	}{
		{"two vetoed", "competition", []string{"90", "80", "70", "60", "50"}, veto("甲镇") + veto("丙镇"),
			"第一名乙镇、第二名丁镇、第三名戊镇、第四名甲镇、丙镇（一票否决，并列）。",
			"乙镇80:1 丁镇40:2 戊镇20:3 甲镇100:4 丙镇60:4", "1.乙镇，奖励2万元（乡镇、街道综合考核排名第一）", "戊镇主要负责人"},
		{"dense", "dense", []string{"90", "80", "70", "70", "50"}, veto("甲镇"),
			"第一名乙镇，第二名丙镇、丁镇（并列），第三名戊镇，第四名甲镇（一票否决）。",
			"乙镇80:1 丙镇60:2 丁镇60:2 戊镇20:3 甲镇100:4", "1.乙镇，奖励2万元（乡镇、街道综合考核排名第一）", "戊镇主要负责人"},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := renderFiles(t, loadFiles(t, vetoSite(c.ties, c.scores, c.waivers)), "/")
			page := pageTextOf(files["circulars/2023/5/index.html"])
			for _, want := range []string{c.order, c.reward, c.interview, "甲镇2023年2月一票否决（发生较大生产安全事故），综合考核排名列最后。"} {
				if !strings.Contains(page, want) {
					t.Errorf("the circular lacks %q:\n%s", want, page)
				}
			}
			if strings.Contains(page, "甲镇，奖励") || strings.Contains(page, "甲镇主要负责人") || strings.Contains(page, "丙镇主要负责人") {
				t.Errorf("a vetoed township is rewarded or interviewed by a rule:\n%s", page)
			}
			var d struct {
				Composite []struct {
					Name           string
					Score          float64
					Rank           int
					Status, Reason string
				}
			}
			if err := json.Unmarshal(files["circulars/2023/5/data.json"], &d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tw := range d.Composite {
				got = append(got, tw.Name+jsonText(tw.Score)+":"+jsonText(tw.Rank))
				if vetoed := strings.Contains(c.waivers, tw.Name); vetoed != (tw.Status == "vetoed" && tw.Reason == "发生较大生产安全事故") {
					t.Errorf("data.json: %s status %q, reason %q", tw.Name, tw.Status, tw.Reason)
				}
			}
			if strings.Join(got, " ") != c.composite {
				t.Errorf("composite %s, by hand %s", strings.Join(got, " "), c.composite)
			}
			if !strings.Contains(string(files["circulars/2023/5/data.csv"]), ",综合,甲镇,100.00,") ||
				!strings.Contains(string(files["circulars/2023/5/data.csv"]), "一票否决（发生较大生产安全事故），综合考核排名列最后") {
				t.Errorf("data.csv does not say 甲镇 was vetoed:\n%s", files["circulars/2023/5/data.csv"])
			}
			if unit := pageTextOf(files["units/jia/index.html"]); !strings.Contains(unit, "一票否决、综合考核排名列最后：2023年2月（发生较大生产安全事故）。") {
				t.Errorf("units/jia/ does not say it was vetoed:\n%s", unit)
			}
		})
	}
}

// TestVetoLastUnranked: last = true of a township with no composite rank
// in the month — a month that scores no township — is an error at the
// waiver: nothing is put last.
func TestVetoLastUnranked(t *testing.T) {
	files := vetoSite("competition", []string{"90", "80", "70", "60", "50"}, "")
	files["data/2023-02.toml"] = "[[result]]\nindicator = \"anquan\"\n" + veto("甲镇")
	s := loadFiles(t, files)
	err := rank.Archive(s).Err()
	want := "data/2023-02.toml:3:1: [[waiver]] 的 last = true（一票否决，综合考核排名列最后）无从说起：2023年2月“甲镇”没有综合考核排名（本期没有它的得分，或没有综合考核排名）；只免予措施的删去 last"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestVetoLastOfYear: a veto written in an annual circular's front
// matter puts its township last in the year's composite, not in the
// month's. By hand, the one month 2023-02 (甲90 乙80 丙70 丁60 戊50, no
// veto): rank points 甲100 乙80 丙60 丁40 戊20, and the year's mean-points
// the same; 甲 vetoed for the year: 乙1 丙2 丁3 戊4 甲5.
func TestVetoLastOfYear(t *testing.T) {
	files := vetoSite("competition", []string{"90", "80", "70", "60", "50"}, "")
	files["content/circulars/2023.md"] = "+++\nnumber = \"测政办函〔2024〕1号\"\ntitle = \"关于2023年度的通报\"\ndate = 2024-01-20\ndata = \"2023\"\n" +
		strings.TrimSuffix(veto("甲镇"), "\n") + "\n+++\n{{< township-ranking \"numbered\" >}}\n"
	got := renderFiles(t, loadFiles(t, files), "/")
	if page := pageTextOf(got["circulars/2024/1/index.html"]); !strings.Contains(page, "第一名乙镇、第二名丙镇、第三名丁镇、第四名戊镇、第五名甲镇（一票否决）。") ||
		!strings.Contains(page, "甲镇2023年度一票否决（发生较大生产安全事故），综合考核排名列最后。") {
		t.Errorf("the year's circular does not put 甲镇 last:\n%s", page)
	}
	if page := pageTextOf(got["circulars/2023/5/index.html"]); !strings.Contains(page, "第一名甲镇、第二名乙镇") {
		t.Errorf("the month's circular does not keep 甲镇 first:\n%s", page)
	}
}
