package render

import (
	"errors"
	"fmt"
	"html/template"
	"strings"

	"tongbao/internal/markdown"
	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// shortcodes returns the resolver for a document reporting res (nil for a
// page that reports no month: then only month-free shortcodes work).
func (r *renderer) shortcodes(res *rank.MonthResults) markdown.Resolver {
	return func(sc markdown.Shortcode) (template.HTML, error) {
		h, ok := shortcodeSet[sc.Name]
		if !ok {
			return "", fmt.Errorf("未知短代码“%s”（可用：indicators、city-bottom、township-ranking、categories、rewards、interviews、table）", sc.Name)
		}
		if len(sc.Args) < h.minArgs || len(sc.Args) > h.maxArgs {
			return "", fmt.Errorf("短代码“%s”%s", sc.Name, h.usage)
		}
		if res == nil {
			return "", fmt.Errorf("短代码“%s”只能用于通报（content/circulars/ 下、前置信息有 data 的文件）", sc.Name)
		}
		var b strings.Builder
		if err := h.fn(r, res, sc.Args, &b); err != nil {
			return "", err
		}
		return template.HTML(b.String()), nil
	}
}

type shortcodeFunc func(r *renderer, res *rank.MonthResults, args []string, b *strings.Builder) error

type shortcode struct {
	fn               shortcodeFunc
	minArgs, maxArgs int
	usage            string
}

// shortcodeSet is DESIGN.md §6's set. It is a fixed table, not a registry:
// every name is part of the data format staff write against.
var shortcodeSet = map[string]shortcode{
	"indicators":       {(*renderer).scIndicators, 1, 1, `需要一个参数：栏目名（"重点工作"、"重点项目"或"重点任务"）`},
	"city-bottom":      {(*renderer).scCityBottom, 0, 1, `最多一个参数：主语，如 "全区“三重点工作”"`},
	"township-ranking": {(*renderer).scTownshipRanking, 0, 0, "不带参数"},
	"categories":       {(*renderer).scCategories, 0, 0, "不带参数"},
	"rewards":          {(*renderer).scRewards, 0, 0, "不带参数"},
	"interviews":       {(*renderer).scInterviews, 0, 1, `最多一个参数：约谈方式（"约谈"或"提醒约谈"）`},
	"table":            {(*renderer).scTable, 1, 1, `需要一个参数：指标 id`},
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// withStop ends a name or lead-in with 。 unless it already ends a sentence.
func withStop(s string) string {
	if strings.HasSuffix(s, "。") || strings.HasSuffix(s, "：") || strings.HasSuffix(s, "？") {
		return s
	}
	return s + "。"
}

func (r *renderer) scIndicators(res *rank.MonthResults, args []string, b *strings.Builder) error {
	section := args[0]
	found := false
	for _, s := range site.Sections {
		found = found || s == section
	}
	if !found {
		return fmt.Errorf("未知栏目“%s”，应为 重点工作、重点项目 或 重点任务", section)
	}
	for _, ind := range r.s.Indicators {
		if ind.Section != section {
			continue
		}
		result := res.Month.Result(ind.ID)
		lead := ind.Number() + ind.Name
		if ind.Parent == nil {
			lead = ind.Number() + " " + ind.Name // "1. 名称", as GB/T 9704 sets the third level
		}
		if ind.Parent == nil && len(ind.Children) > 0 {
			fmt.Fprintf(b, "<h4 id=\"entry-%s\">%s</h4>\n", ind.ID, esc(lead))
			if result != nil {
				if text := r.entryText(result); text != "" {
					fmt.Fprintf(b, "<p>%s</p>\n", text)
				}
			}
		} else {
			fmt.Fprintf(b, "<p id=\"entry-%s\"><strong>%s</strong>", ind.ID, esc(withStop(lead)))
			if result != nil {
				b.WriteString(string(r.entryText(result)))
			}
			b.WriteString("</p>\n")
		}
		if ir := res.Indicator(ind.ID); ir != nil {
			fmt.Fprintf(b, "<p class=\"ranking\">%s</p>\n", esc(r.rankingSentence(ir)))
		}
	}
	return nil
}

// entryText is an entry's progress text followed by its rank sentence.
func (r *renderer) entryText(res *site.Result) template.HTML {
	text := string(r.md.Inline(res.Progress))
	rs := zh.RankSentence(res.City, res.CityTie, res.District, res.DistrictTie, res.DistrictLabel)
	return template.HTML(text + esc(rs))
}

func (r *renderer) rankingSentence(ir *rank.IndicatorResult) string {
	ind := ir.Result.Indicator
	return zh.RankingSentence(zh.Ranking{
		Top:         runNames(ir.Top.Runs),
		Bottom:      runNames(ir.Bottom.Runs),
		TopExact:    ir.Top.Exact,
		BottomExact: ir.Bottom.Exact,
		K:           r.s.Config.Ranking.GroupSize,
		Applicable:  len(ind.Townships),
		Total:       len(r.s.Townships),
		Label:       ind.RankingLabel,
	})
}

func runNames(runs [][]rank.Township) [][]string {
	out := make([][]string, len(runs))
	for i, run := range runs {
		for _, t := range run {
			out[i] = append(out[i], t.Unit.Name)
		}
	}
	return out
}

func (r *renderer) scCityBottom(res *rank.MonthResults, args []string, b *strings.Builder) error {
	m := res.Month
	period := m.Period
	if period == "" {
		period = fmt.Sprintf("%d月", m.Month)
	}
	b.WriteString("<p>")
	if m.OverallCity > 0 {
		subject := "全区"
		if len(args) > 0 {
			subject = args[0]
		}
		fmt.Fprintf(b, "%s份%s综合排名全市%s。", esc(period), esc(subject), zh.Ordinal(m.OverallCity))
	}
	if len(res.CityBottom) == 0 {
		b.WriteString("本期没有排全市后三的单项目标。</p>\n")
		return nil
	}
	b.WriteString("排全市后三的单项目标有：</p>\n<ol class=\"numbered\">\n")
	for i, e := range res.CityBottom {
		var item string
		if e.City > 0 {
			item = fmt.Sprintf("%s，排名%s。", e.Indicator.Name, zh.RankPhrase(e.City, e.CityTie))
		} else {
			item = fmt.Sprintf("%s，排名%s（只考核%s）。", e.Indicator.Name, zh.RankPhrase(e.District, e.DistrictTie), e.DistrictLabel)
		}
		if owners := e.Indicator.Owners; len(owners) > 0 {
			item += "（责任单位：" + zh.Join(unitNames(owners)) + "）"
		}
		fmt.Fprintf(b, "<li>%d. %s</li>\n", i+1, esc(item))
	}
	b.WriteString("</ol>\n")
	return nil
}

func unitNames(units []*site.Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Name
	}
	return out
}

func (r *renderer) scTownshipRanking(res *rank.MonthResults, _ []string, b *strings.Builder) error {
	if len(res.Composite) == 0 {
		return errors.New("本月没有乡镇（街道）得分，无法给出综合考核排名")
	}
	var runs [][]rank.Township
	for i, t := range res.Composite {
		if i == 0 || t.Rank != res.Composite[i-1].Rank {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], t)
	}
	fmt.Fprintf(b, "<p class=\"composite\">%s</p>\n", esc(joinRuns(runNames(runs))+"。"))
	return nil
}

// joinRuns writes runs of names the way §5.3 writes a group: a tie is
// followed by （并列）, and runs are joined by ， once any tie appears.
func joinRuns(runs [][]string) string {
	sep := "、"
	parts := make([]string, len(runs))
	for i, run := range runs {
		parts[i] = zh.Join(run)
		if len(run) > 1 {
			parts[i] += "（并列）"
			sep = "，"
		}
	}
	return strings.Join(parts, sep)
}

func (r *renderer) scCategories(res *rank.MonthResults, _ []string, b *strings.Builder) error {
	if len(res.Month.Categories) == 0 {
		return errors.New("本月数据没有 [categories]")
	}
	for _, c := range res.Month.Categories {
		fmt.Fprintf(b, "<p class=\"category\"><strong>%s单位：</strong>%s</p>\n", esc(c.Name), esc(zh.Join(unitNames(c.Units))))
	}
	return nil
}

// listEnd ends item i of n as official lists do: ；between items, 。 last.
func listEnd(i, n int) string {
	if i == n-1 {
		return "。"
	}
	return "；"
}

func (r *renderer) scRewards(res *rank.MonthResults, _ []string, b *strings.Builder) error {
	if len(res.Rewards) == 0 {
		b.WriteString("<p>本期无获奖单位。</p>\n")
		return nil
	}
	b.WriteString("<ol class=\"numbered\">\n")
	for i, a := range res.Rewards {
		item := fmt.Sprintf("%s，奖励%s（%s）%s", a.Unit.Name, zh.Amount(a.Amount), a.Reason, listEnd(i, len(res.Rewards)))
		fmt.Fprintf(b, "<li>%d. %s</li>\n", i+1, esc(item))
	}
	b.WriteString("</ol>\n")
	return nil
}

func (r *renderer) scInterviews(res *rank.MonthResults, args []string, b *strings.Builder) error {
	var list []site.Interview
	for _, iv := range res.Interviews {
		if len(args) == 0 || iv.Kind == args[0] {
			list = append(list, iv)
		}
	}
	if len(args) > 0 && args[0] != "约谈" && args[0] != "提醒约谈" {
		return fmt.Errorf("约谈方式应为“约谈”或“提醒约谈”，而不是“%s”", args[0])
	}
	if len(list) == 0 {
		b.WriteString("<p>本期无。</p>\n")
		return nil
	}
	for i, iv := range list {
		fmt.Fprintf(b, "<p>%s</p>\n", esc(fmt.Sprintf("%s%s（%s）%s", iv.Unit.Name, iv.Who, iv.Reason, listEnd(i, len(list)))))
	}
	return nil
}

func (r *renderer) scTable(res *rank.MonthResults, args []string, b *strings.Builder) error {
	ind := r.s.Indicator(args[0])
	if ind == nil {
		return fmt.Errorf("未知指标“%s”", args[0])
	}
	ir := res.Indicator(ind.ID)
	if ir == nil {
		return fmt.Errorf("指标“%s”本月没有乡镇（街道）得分", ind.ID)
	}
	fmt.Fprintf(b, "<table class=\"ranking-table\">\n<caption>%s乡镇（街道）排名</caption>\n", esc(ind.Name))
	b.WriteString("<thead><tr><th scope=\"col\">排名</th><th scope=\"col\">乡镇（街道）</th><th scope=\"col\">得分</th></tr></thead>\n<tbody>\n")
	for _, t := range ir.Ranked {
		fmt.Fprintf(b, "<tr><td>%s</td><th scope=\"row\">%s</th><td>%s</td></tr>\n", zh.RankPhrase(t.Rank, t.Tied), esc(t.Unit.Name), formatScore(t.Value, ind.Decimals))
	}
	b.WriteString("</tbody>\n</table>\n")
	return nil
}
