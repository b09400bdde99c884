package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// The text of the plain pages is assembled from the phrases of a district
// government's notices, so that goldmark sees what it sees in real use:
// long paragraphs of CJK characters and full-width punctuation, bold
// lead-ins, lists and a GFM table. The words mean nothing together; the
// byte mix is what matters.
var (
	subjects = []string{
		"各乡镇（街道）", "区直各单位", "各责任单位", "区发改局", "区住建局", "区财政局",
		"区应急管理局", "区市场监管局", "区生态环境分局", "区教育局", "区卫健局", "各牵头单位",
		"各村（社区）", "区政府督查室", "区自然资源分局", "区人社局",
	}
	actions = []string{
		"要切实加强", "要进一步落实", "应当严格执行", "须认真做好", "要统筹推进", "要全面排查",
		"要抓紧完善", "要持续深化", "要加快推进", "应当定期报送", "要着力提升", "要扎实开展",
	}
	objects = []string{
		"安全生产责任制", "重点项目建设进度调度", "重点工作任务清单", "信访积案化解工作",
		"城乡环境综合整治", "营商环境优化提升行动", "耕地保护和粮食安全责任", "防汛抗旱各项准备",
		"森林防火巡查值守", "食品药品安全监管", "招商引资项目跟踪服务", "民生实事项目实施",
		"基层治理网格化管理", "财政预算绩效管理", "污染防治攻坚任务", "就业创业帮扶工作",
	}
	tails = []string{
		"，确保各项工作按时保质完成。", "，坚决防止问题反弹回潮。", "，形成工作合力。",
		"，做到发现一起、处置一起。", "，切实把责任落实到具体岗位和具体人员。",
		"，每月5日前将上月进展情况报区政府办公室。", "，对工作不力的单位予以通报批评。",
		"，推动工作提质增效、走在全市前列。", "，及时研究解决推进中遇到的困难和问题。",
	}
	leadIns = []string{
		"提高思想认识", "压实工作责任", "强化统筹调度", "加强督查考核", "注重宣传引导",
		"严格资金管理", "健全长效机制", "优化服务保障", "狠抓问题整改", "严肃工作纪律",
	}
	themes = []string{
		"安全生产", "重点项目建设", "优化营商环境", "城乡环境整治", "防汛抗旱", "森林防火",
		"信访维稳", "耕地保护", "民生实事", "招商引资", "污染防治", "就业帮扶",
	}
	units = []string{
		"东风路街道", "兴隆街道", "小江湖街道", "汽车站街道", "石桥街道", "桥头街道",
		"龙须塘街道", "爱莲街道", "火车站乡", "渡头桥镇", "高崇山镇", "滨江街道",
	}
	sectionNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}
)

// pageSize is the size a page is grown to; each ends a little above it.
const pageSize = 8 << 10

// page writes plain page i (0-based) of the corpus: TOML front matter with
// title and date, then about pageSize bytes of Markdown.
func page(rng *rand.Rand, i int, date time.Time) []byte {
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	sentence := func() string { return pick(subjects) + pick(actions) + pick(objects) + pick(tails) }
	paragraph := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(sentence())
		}
		return b.String()
	}
	theme := pick(themes)
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = \"关于做好%d年%s工作的通知（第%d号）\"\ndate  = %s\n+++\n\n",
		date.Year(), theme, i+1, date.Format("2006-01-02"))
	fmt.Fprintf(&b, "为切实做好%d年%s工作，经区政府同意，现将有关事项通知如下：\n\n", date.Year(), theme)
	table := false
	for s := 0; b.Len() < pageSize && s < len(sectionNumerals); s++ {
		fmt.Fprintf(&b, "## %s、%s\n\n%s\n\n", sectionNumerals[s], pick(objects), paragraph(2+rng.IntN(2)))
		for k := range 2 {
			fmt.Fprintf(&b, "**（%s）%s。**%s\n\n", sectionNumerals[k], pick(leadIns), paragraph(1+rng.IntN(2)))
		}
		fmt.Fprintf(&b, "### （三）%s\n\n", pick(objects))
		for range 3 + rng.IntN(3) {
			fmt.Fprintf(&b, "- %s\n", sentence())
		}
		b.WriteString("\n")
		for n := range 3 {
			fmt.Fprintf(&b, "%d. %s%s。\n", n+1, pick(actions), pick(objects))
		}
		b.WriteString("\n")
		if !table {
			table = true
			b.WriteString("| 单位 | 工作任务 | 完成时限 | 完成率 |\n| --- | --- | --- | ---: |\n")
			for range 6 {
				fmt.Fprintf(&b, "| %s | %s | %d年%d月底 | %.1f%% |\n",
					pick(units), pick(objects), date.Year(), 1+rng.IntN(12), 50+50*rng.Float64())
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(&b, "%s\n", paragraph(1))
	return []byte(b.String())
}
