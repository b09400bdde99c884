package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// spanOffice is everyFeature as an office that assesses once a quarter
// (period "4-6月") or every half year ("1-6月") writes it: its one month
// file is data/2024-06.toml, a quarter or a half.
func spanOffice(period string) map[string]string {
	f := map[string]string{}
	for name, text := range everyFeature {
		// The reason 戊镇 is 不涉及 is data, not the workbook's words.
		f[name] = strings.ReplaceAll(strings.ReplaceAll(text, "2024-02", "2024-06"), "本月无规模", "无规模")
	}
	f["data/2024-06.toml"] = strings.Replace(f["data/2024-02.toml"], `period = "1-2月"`, `period = "`+period+`"`, 1)
	delete(f, "data/2024-02.toml")
	delete(f, "content/circulars/2024-02.md")
	f["content/circulars/2024-06.md"] = strings.ReplaceAll(everyFeature["content/circulars/2024-02.md"], "2024-02", "2024-06")
	f["content/circulars/2024-06.md"] = strings.Replace(f["content/circulars/2024-06.md"], "date = 2024-03-08", "date = 2024-07-08", 1)
	return f
}

// xlsxText is every text part of a workbook — its cells' strings, the
// notes, the prompts and messages of its cells' validation — at once.
func xlsxText(t *testing.T, book []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		text, _ := io.ReadAll(rc)
		rc.Close()
		b.Write(text)
	}
	return b.String()
}

// monthsWorkbook is book as a tongbao before this one wrote it for every
// office, or as one for an office whose files were months: its overview
// sheet 本月概况 (in the cells its meta sheet records too), its first row
// 月份, its marks 本月评分 and 本月通报.
func monthsWorkbook(t *testing.T, book []byte, overview, scored, reported string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetSheetName(overview, "本月概况"); err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(metaSheet)
	for i, row := range rows {
		if len(row) > 0 && strings.HasPrefix(row[0], overview+"!") {
			f.SetCellValue(metaSheet, cell(1, i+1), "本月概况!"+strings.TrimPrefix(row[0], overview+"!"))
		}
	}
	for ref, want := range map[string]string{"本月概况!A2": "期别代号", "乡镇得分!A3": scored, "考核结果!D1": reported} {
		sheet, c, _ := strings.Cut(ref, "!")
		if got, _ := f.GetCellValue(sheet, c); got != want {
			t.Fatalf("%s = %q, want %q", ref, got, want)
		}
	}
	f.SetCellValue("本月概况", "A2", "月份")
	f.SetCellValue("乡镇得分", "A3", "本月评分")
	f.SetCellValue("考核结果", "D1", "本月通报")
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWorkbookOfSpans: the workbook of an office whose files are
// quarters says 本季度 where a monthly office's says 本月 — its overview
// sheet 本季度概况, the marks 本季度评分 and 本季度通报, the notes, the
// prompts, the fields' help — and that of an office whose files are half
// years 本期 (本期概况): 本半年 would do, but 上半年 is January to June,
// and the pages say 上期. The file's key heads its row
// as 期别代号, 2024-06 naming no month of theirs. Each comes back as
// the month file it was (everyFeatureBack, by hand, of its own period),
// and so does the same workbook as a tongbao before this one wrote it
// (本月概况, 月份, 本月评分, 本月通报): import knows both. A mark written
// wrong is told by the name the workbook gives it.
func TestWorkbookOfSpans(t *testing.T) {
	for _, c := range []struct {
		period, this string
	}{
		{"4-6月", "本季度"},
		{"1-6月", "本期"},
	} {
		t.Run(c.period, func(t *testing.T) {
			s := load(t, writeSite(t, spanOffice(c.period)))
			book, err := Export(s, s.Month("2024-06"))
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(book))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got, want := f.GetSheetList(), []string{"说明", c.this + "概况", "乡镇得分", "考核结果", "考核排类", "加减分", "奖励", "约谈", "免予措施", "名单", "tongbao"}; !slices.Equal(got, want) {
				t.Errorf("sheets %q, want %q", got, want)
			}
			for ref, want := range map[string]string{
				c.this + "概况!A2": "期别代号", c.this + "概况!B2": "2024-06",
				"乡镇得分!A3": c.this + "评分", "考核结果!D1": c.this + "通报",
			} {
				sheet, cl, _ := strings.Cut(ref, "!")
				if got, _ := f.GetCellValue(sheet, cl); got != want {
					t.Errorf("%s = %q, want %q", ref, got, want)
				}
			}
			text := xlsxText(t, book)
			for _, want := range []string{
				"第3行“" + c.this + "评分”为“是”的指标", "“" + c.this + "通报”为“是”的指标列入" + c.this + "通报",
				c.this + "不涉及这项工作的填“不涉及”，逾期未报送的填“未报送”",
				"每个参与排名的乡镇一个得分；同分的并列；" + c.this + "不涉及这项工作的乡镇填“不涉及”，逾期未报送的填“未报送”；" + c.this + "不评分的指标不填",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the workbook lacks %s", want)
				}
			}
			for _, month := range []string{"本月", "当月", "本半年", "上半年"} {
				if i := strings.Index(text, month); i >= 0 {
					t.Errorf("the workbook says %s: …%s…", month, text[max(i-90, 0):min(i+60, len(text))])
				}
			}
			want := slices.Clone(everyFeatureBack)
			want[0] = `period = "` + c.period + `"`
			for i := range want {
				want[i] = strings.Replace(want[i], "本月无规模", "无规模", 1)
			}
			old := monthsWorkbook(t, book, c.this+"概况", c.this+"评分", c.this+"通报")
			for name, b := range map[string][]byte{"new": book, "old": old} {
				back, err := Import(s, "2024-06", "2024-06.xlsx", b)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if got := tomlLines(back.TOML); !slices.Equal(got, want) {
					t.Errorf("%s, imported back:\n%s\nwant:\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
			sameProblems(t, problems(t)(Import(s, "2024-06", "2024-06.xlsx", edit(t, book, map[string]any{"乡镇得分!B3": "也许"}))),
				[]string{"2024-06.xlsx 乡镇得分!B3: “" + c.this + "评分”应为“是”或“否”，而不是“也许”"})
			sameProblems(t, problems(t)(Import(s, "2024-06", "2024-06.xlsx", edit(t, old, map[string]any{"乡镇得分!B3": "也许"}))),
				[]string{"2024-06.xlsx 乡镇得分!B3: “本月评分”应为“是”或“否”，而不是“也许”"})
			sameProblems(t, problems(t)(Import(s, "2024-06", "2024-06.xlsx", edit(t, old, map[string]any{"本月概况!B2": "2024-12"}))),
				[]string{"2024-06.xlsx 本月概况!B2: 本工作簿是 2024-12 的，不是 2024-06 的：请核对命令中的月份，或换用该月的工作簿"})
		})
	}
}

// TestImportPeriodFullWidth: a 期别 typed with a Chinese input method's
// full-width digits and hyphen comes back as the title prints it.
func TestImportPeriodFullWidth(t *testing.T) {
	s := sample(t)
	book, err := Export(s, s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("本月概况", "B3"); v != "1-2月" {
		t.Fatalf("本月概况!B3 = %q, want the 期别 1-2月", v)
	}
	f.SetCellValue("本月概况", "B3", "１－２月")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m, err := Import(s, "2023-02", "2023-02.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	text := string(m.TOML)
	if !strings.Contains(text, "2023年1-2月的考核结果") || !strings.Contains(text, "period      = \"1-2月\"\n") {
		t.Errorf("the month file does not write the period 1-2月:\n%s", text[:min(len(text), 400)])
	}
}
