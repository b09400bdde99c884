package render

import (
	"regexp"
	"strings"
	"testing"

	"tongbao/internal/rank"
)

// TestScoreTable: the score-table shortcode writes a table a unit group,
// a row a unit in units.toml's order, a column an indicator, each cell the
// unit's score and its rank in its group. By hand, groupedPagesSite with
// a second indicator, 污水治理 (lower is better): 城关镇 垃圾治理 甲村 90
// (第一), 乙村 80 (第二); 污水治理 甲村 5.0 and 乙村 5.0, tied first
// (并列第一). 河口镇 垃圾治理 丙村 70 (第一), 丁村 60 (第二); 污水治理
// 丙村 3.0 (第一), 丁村 不涉及, its reason in the note under the table.
// 垃圾治理's scores have the default two decimals. Its form is the office's choice: the table
// shortcode beside it is unchanged, a table an indicator and a group.
func TestScoreTable(t *testing.T) {
	f := groupedPagesSite()
	f["data/indicators.toml"] += "[[indicator]]\nid = \"y\"\nname = \"污水治理\"\nsection = \"重点工作\"\nowners = [\"县农业农村局\"]\ntownships = \"all\"\nbetter = \"lower\"\ndecimals = 1\n"
	f["data/2024-01.toml"] += "[[result]]\nindicator = \"y\"\nnotApplicable = [{township = \"丁村\", reason = \"本村污水已纳入集镇管网\"}]\n[result.townships]\n\"乙村\" = 5\n\"甲村\" = 5\n\"丙村\" = 3\n"
	f["content/circulars/2024-01.md"] += "\n{{< score-table \"x\" \"y\" >}}\n\n{{< table \"x\" >}}\n"
	page := string(renderFiles(t, loadFiles(t, f), "/")["circulars/2024/1/index.html"])
	tables := regexp.MustCompile(`(?s)<table class="ranking-table score-table"[^>]*>.*?</table>`).FindAllString(page, -1)
	head := func(group string) string {
		return `<caption>` + group + `各行政村各项考核得分和名次</caption>` + "\n" +
			`<thead><tr class="print-title" hidden><td colspan="3" data-title="` + group + `各行政村各项考核得分和名次"></td></tr>` + "\n" +
			`<tr><th scope="col">行政村</th><th scope="col">垃圾治理</th><th scope="col">污水治理（得分越低，排名越前）</th></tr></thead>` + "\n"
	}
	cell := func(score, rank string, tied bool) string {
		s := `<td>` + score + `<span class="score-rank"><span class="visually-hidden">，</span>`
		if tied {
			s += `<span>并列</span>`
		}
		return s + `<span>` + rank + `</span></span></td>`
	}
	want := []string{
		`<table class="ranking-table score-table">` + "\n" + head("城关镇") + "<tbody>\n" +
			`<tr><th scope="row">甲村</th>` + cell("90.00", "第一", false) + cell("5.0", "第一", true) + "</tr>\n" +
			`<tr><th scope="row">乙村</th>` + cell("80.00", "第二", false) + cell("5.0", "第一", true) + "</tr>\n" +
			"</tbody>\n</table>",
		`<table class="ranking-table score-table" aria-describedby="score-table-x-2-note">` + "\n" + head("河口镇") + "<tbody>\n" +
			`<tr><th scope="row">丙村</th>` + cell("70.00", "第一", false) + cell("3.0", "第一", false) + "</tr>\n" +
			`<tr><th scope="row">丁村</th>` + cell("60.00", "第二", false) + `<td>不涉及</td></tr>` + "\n" +
			"</tbody>\n</table>",
	}
	if len(tables) != len(want) {
		t.Fatalf("%d score tables; want %d (one a group):\n%s", len(tables), len(want), strings.Join(tables, "\n\n"))
	}
	for i := range want {
		if tables[i] != want[i] {
			t.Errorf("score table %d:\n%s\nwant\n%s", i+1, tables[i], want[i])
		}
	}
	if w := `<p class="note table-note" id="score-table-x-2-note">注：丁村污水治理不涉及（本村污水已纳入集镇管网）。</p>`; !strings.Contains(page, w) {
		t.Errorf("the circular lacks, under 河口镇's table, %s", w)
	}
	// The table shortcode as it was: 垃圾治理 of each group, ranked.
	for _, w := range []string{"<caption>垃圾治理城关镇排名</caption>", "<caption>垃圾治理河口镇排名</caption>"} {
		if !strings.Contains(page, w) {
			t.Errorf("the circular lacks the table shortcode's %s", w)
		}
	}
}

// TestScoreTableErrors: an unknown indicator, one not ranked by unit and
// one written twice are errors at the shortcode, in words a clerk can act
// on.
func TestScoreTableErrors(t *testing.T) {
	for args, want := range map[string]string{
		`"x" "z"`: "未知指标“z”",
		`"x" "x"`: "指标“x”写了两次：每个指标一列，删去一个",
	} {
		f := groupedPagesSite()
		f["content/circulars/2024-01.md"] += "\n{{< score-table " + args + " >}}\n"
		s := loadFiles(t, f)
		_, err := Render(s, rank.Archive(s), Options{BaseURL: "/"})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("score-table %s: %v; want an error saying %s", args, err, want)
		}
	}
}
