package render

import (
	"strings"
	"testing"

	"tongbao/internal/rank"
)

// TestCountWords: a count's value (scoreUnit 件, 人: site.CountUnit) is
// named as what it counts wherever a page names it, never 得分, and its
// direction is more or fewer, not higher or lower; a score keeps 得分.
// The seed with 信访维稳 counted in 件 (lower is better) and 禁毒 in 人
// (higher), its values as the seed has them; the sentences by hand from
// the seed's pages (信访维稳第十（越低越好，得分2.60，第一名0.00） on
// 高崇山镇's).
func TestCountWords(t *testing.T) {
	s := loadSample(t)
	s.Indicator("xinfang").ScoreUnit = "件"
	s.Indicator("jindu").ScoreUnit = "人"
	files := renderFiles(t, s, "")
	has := func(page string, want ...string) {
		t.Helper()
		body := string(files[page])
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("%s does not say %s", page, w)
			}
		}
		for _, bad := range []string{"越低越好，得分", "得分2.60", "得分82.1", "信访维稳（得分", "得分越低，排名越前", "得分（件"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s still says %s", page, bad)
			}
		}
	}
	// The unit page: the lagging sentence, the row heading, the legend.
	has("units/gaochongshan/index.html",
		`禁毒</a>第十一（82.1人，第一名98.6人）；`,
		`安全生产</a>第十（得分86.0，第一名97.9）；`,
		`信访维稳</a>第十（越少越好，2.60件，第一名0.00件）等5项。`,
		`信访维稳（件数越少越好）`,
		`下方为得分、人数或件数；`)
	has("units/qichezhan/index.html", `信访维稳</a>第十二（越少越好，4.20件，第一名0.00件）；`)
	// The indicator page: its direction, its matrix's caption and legend.
	has("indicators/xinfang/index.html",
		`参与，件数越少越好，综合考核权重2`,
		`<caption id="y2023">2023年乡镇（街道）排名（件数越少，排名越前）`,
		`下方为件数；`)
	has("indicators/jindu/index.html", `参与，人数越多越好，综合考核权重1`, `下方为人数；`)
	has("indicators/anquan/index.html", `参与，得分越高越好`, `下方为得分；`)
	// The circular's appendix: the caption and the column's heading.
	has("circulars/2023/14/index.html",
		`信访维稳乡镇（街道）排名（件数越少，排名越前）</a></caption>`,
		`<th scope="col" class="num">件数（越少越好）</th>`,
		`<th scope="col" class="num">人数</th>`,
		// The appendix's note names what its tables hold.
		`各单项指标的乡镇（街道）得分、人数或件数和排名`)
}

// TestCountOpenData: /data/ tells a reader of the open data of an office
// with counts that a count's value, in the CSV's 得分 column and in
// data.json's score, is the count and not a score, naming the office's
// units and nouns (件, 件数; 人, 人数); an office without counts reads its
// columns and fields as before.
func TestCountOpenData(t *testing.T) {
	s := loadSample(t)
	plain := string(renderFiles(t, s, "")["data/index.html"])
	if strings.Contains(plain, "计数的指标") {
		t.Error("/data/ of an office without counts speaks of them")
	}
	s.Indicator("xinfang").ScoreUnit = "件"
	s.Indicator("jindu").ScoreUnit = "人"
	page := string(renderFiles(t, s, "")["data/index.html"])
	for _, want := range []string{
		"；计数的指标（data.json 的 scoreUnit 为人、件）为人数、件数，不是得分",
		"越高越好或越低越好：名次按此由得分排出；计数的指标越低越好即越少越好",
		"得分；计数的指标（scoreUnit 为人、件）为人数、件数，不是得分",
		"各乡镇（街道）的得分（计数的指标为人数、件数）和排名",
		"得分的计量单位，如 %、万元；为人、件的是计数的指标，townships[].score 是人数、件数，不是得分",
		"得分的计量单位，如 %、万元；为人、件的是计数的指标，它的值是人数、件数，不是得分（写了的才有）",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/data/ does not say %s", want)
		}
	}
}

// TestCountTableShortcodeError: a table shortcode of a count the month
// has no values of says it is the 件数 that are missing, not 得分: the
// seed's 信访维稳 counted in 件, its result's values taken out.
func TestCountTableShortcodeError(t *testing.T) {
	s := loadSample(t)
	s.Indicator("xinfang").ScoreUnit = "件"
	s.Month("2023-02").Result("xinfang").Scores = nil
	s.Circulars[0].Body = append(s.Circulars[0].Body, "\n{{< table \"xinfang\" >}}\n"...)
	_, err := Render(s, rank.Archive(s), Options{})
	want := "指标“信访维稳”（xinfang）本月没有乡镇（街道）件数（data/2023-02.toml 中它的 [[result]] 没有件数）：删去这个短代码，或填写件数"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %s", err, want)
	}
}
