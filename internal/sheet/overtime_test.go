package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tongbao/internal/site"
)

// A month's workbook and import use the indicator's setting of that month:
// in the sample, 规模工业增加值 (gongye, 1 decimal, higher better) changes
// from 2023-02 to 3 decimals, lower better. Imported for 2023-03, 高崇山镇's
// 85 is written at 3 decimals, 85.000, and so merged into 2023-02; for
// 2023-01 at 1, 85.0. The blank workbook of 2023-03 tells whoever fills
// it the month's direction and decimals.
func TestMonthSettingInWorkbook(t *testing.T) {
	s := gongyeChanged(t, `from = "2023-02"
decimals = 3
better = "lower"
`)
	for key, want := range map[string]string{"2023-03": `"高崇山镇" = 85.000`, "2023-01": `"高崇山镇" = 85.0` + "\n"} {
		m, err := Import(s, key, "scores.csv", []byte(csvScores))
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		if !bytes.Contains(m.TOML, []byte(want)) {
			t.Errorf("%s: the imported month lacks %s:\n%s", key, want, m.TOML)
		}
	}

	m, err := ImportScores(s, "2023-02", "scores.csv", []byte(csvScores), s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	merged := false
	for _, e := range m.Edits.Scores {
		if e.Unit.Name == "高崇山镇" && e.Indicator.ID == "gongye" {
			merged = true
			if e.Value != "85.000" {
				t.Errorf("高崇山镇's gongye merged into 2023-02 as %q, want 85.000", e.Value)
			}
		}
	}
	if !merged {
		t.Error("高崇山镇's gongye not merged into 2023-02")
	}

	book, err := Blank(s, "2023-03", "", s.Month("2023-02"), nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	comments, err := f.GetComments(scoreSheetName(t, f))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range comments {
		var text strings.Builder
		for _, p := range c.Paragraph {
			text.WriteString(p.Text)
		}
		if strings.HasPrefix(text.String(), "规模工业增加值\n") {
			found = true
			if !strings.Contains(text.String(), "得分越低排名越前，按3位小数比较名次。") {
				t.Errorf("gongye's note in the 2023-03 workbook: %q", text.String())
			}
		}
	}
	if !found {
		t.Error("no note on gongye's column")
	}
}

// scoreSheetName is the workbook's sheet of township scores.
func scoreSheetName(t *testing.T, f *excelize.File) string {
	t.Helper()
	for _, name := range f.GetSheetList() {
		if strings.HasSuffix(name, "得分") {
			return name
		}
	}
	t.Fatal("no sheet of scores")
	return ""
}

// TestImportFormerName: after a change renames 规模工业增加值 to 工业增加值
// from 2023-03, a form filled before it — its heading the former name, as
// the workbook of then and csvScores write it — still imports, into the
// indicator it was (gongye); the new name does too. A name the indicator
// never had is still refused.
func TestImportFormerName(t *testing.T) {
	s := gongyeChanged(t, `from = "2023-03"
name = "工业增加值"
`)
	if got := s.Indicator("gongye").FormerNames(); len(got) != 1 || got[0] != "规模工业增加值" {
		t.Fatalf("gongye's former names: %q", got)
	}
	for _, heading := range []string{"规模工业增加值", "工业增加值", "（1）规模工业增加值"} {
		csv := strings.Replace(csvScores, "规模工业增加值", heading, 1)
		for _, key := range []string{"2023-02", "2023-03"} {
			m, err := Import(s, key, "scores.csv", []byte(csv))
			if err != nil {
				t.Errorf("heading %s, %s: %v", heading, key, err)
				continue
			}
			if !bytes.Contains(m.TOML, []byte("indicator = \"gongye\"")) || !bytes.Contains(m.TOML, []byte(`"高崇山镇" = 85.0`)) {
				t.Errorf("heading %s, %s: gongye's scores are not in the month:\n%s", heading, key, m.TOML)
			}
		}
	}
	csv := strings.Replace(csvScores, "规模工业增加值", "规模工业产值", 1)
	if _, err := Import(s, "2023-03", "scores.csv", []byte(csv)); err == nil || !strings.Contains(err.Error(), "“规模工业产值”不是指标的名称或 id") {
		t.Errorf("a name gongye never had: %v", err)
	}
}

// gongyeChanged loads a copy of the sample whose 规模工业增加值 (gongye)
// has the [[indicator.change]] of the lines change.
func gongyeChanged(t *testing.T, change string) *site.Site {
	t.Helper()
	dir := copySite(t)
	p := filepath.Join(dir, "data", "indicators.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	const after = "rankingLabel = \"工业增加值和科技型中小企业入库工作综合\"\n"
	text := strings.Replace(string(b), after, after+"[[indicator.change]]\n"+change, 1)
	if text == string(b) {
		t.Fatal("the sample's gongye is not as this test expects")
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return load(t, dir)
}
