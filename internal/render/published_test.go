package render

import (
	"bytes"
	"encoding/csv"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/demo"
	"tongbao/internal/site"
)

// publishedSites renders the sites whose published files the tests below
// read as their users do: the sample (one month), a demo of a year
// (twelve months, circulars of each), and the offices of testdata/offices
// (a year's circular of months per unit, groups, streaks, scores derived
// from counts), and a month
// with a township 不涉及 an indicator (notApplicableSite), by name.
func publishedSites(t *testing.T) map[string]map[string][]byte {
	t.Helper()
	out := map[string]map[string][]byte{
		"sample":         renderFiles(t, loadSample(t), "/"),
		"not-applicable": renderFiles(t, loadFiles(t, notApplicableSite("rank-points")), "/"),
	}
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, loadSample(t), 1, 1); err != nil {
		t.Fatal(err)
	}
	for name, dir := range map[string]string{
		"demo":          dir,
		"annual":        "../../testdata/offices/annual",
		"city-groups":   "../../testdata/offices/city-groups",
		"county-streak": "../../testdata/offices/county-streak",
		"deduct":        "../../testdata/offices/deduct",
	} {
		s, err := site.Load(dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = renderFiles(t, s, "/")
	}
	return out
}

// excelDate matches what Excel, Chinese or English, reads as a date or a
// time when it opens a CSV file, and then shows and saves otherwise than
// written: 2023-02 (2023/2/1, Feb-23), 2023/2/1, 1-2, 2023年2月,
// 2月1日, Feb-23, 1:30.
var excelDate = regexp.MustCompile(`^(?:\d{1,4}[-/]\d{1,2}(?:[-/]\d{1,4})?|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{1,2}[-/ ]?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*(?:[-/ ]?\d{2,4})?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[-/ ]\d{1,4}|\d{1,2}:\d{2}(?::\d{2})?)$`)

// csvNumber is a number as Excel reads one from a CSV file.
var csvNumber = regexp.MustCompile(`^-?\d+(?:\.\d+)?$`)

// TestCSVOpensInExcel reads every CSV file of the published sites as
// Excel on a Chinese Windows opens it and as encoding/csv does: UTF-8
// with a BOM (without one Excel reads GBK), CRLF line ends, the header
// row of docs/reference.md, and no cell that Excel would turn into a
// date — the month 202302, not 2023-02, which it showed as 2023/2/1 or
// Feb-23 and saved back so. Only 期别 (2023年3月) may read as a date,
// which Excel then shows as written. The month stays machine-readable:
// 202302 in the data.csv of the circular reporting 2023-02, the months
// of data/ranks.csv in order, and 期别 the circular's period as data.json
// writes it.
func TestCSVOpensInExcel(t *testing.T) {
	for _, cell := range []string{"2023-02", "2023/2/1", "1-2", "2023年3月", "2月1日", "Feb-23", "23-Feb", "1:30"} {
		if !excelDate.MatchString(cell) {
			t.Fatalf("excelDate misses %q", cell)
		}
	}
	header := func(unit string, groups bool) []string {
		if groups {
			return []string{"月份", "指标", unit, "组别", "得分", "排名", "并列", "得分方向", "单位代号", "指标代号", "期别", "备注"}
		}
		return []string{"月份", "指标", unit, "得分", "排名", "并列", "得分方向", "单位代号", "指标代号", "期别", "备注"}
	}
	// By hand: each site's header, and the 月份 and 期别 of one data.csv.
	want := map[string]struct {
		header              []string
		file, month, period string
	}{
		"sample":         {header("乡镇（街道）", false), "circulars/2023/14/data.csv", "202302", "2023年1-2月"},
		"demo":           {header("乡镇（街道）", false), "", "", ""},
		"annual":         {header("城区", false), "circulars/2025/3/data.csv", "2024", "2024年度"},
		"city-groups":    {header("县（市、区）", true), "circulars/2024/21/data.csv", "202403", "2024年3月"},
		"county-streak":  {header("乡镇", false), "", "", ""},
		"deduct":         {header("县直单位", false), "circulars/2025/4/data.csv", "202504", "2025年4月"},
		"not-applicable": {header("乡镇（街道）", false), "circulars/2023/5/data.csv", "202302", "2023年2月"},
	}
	sites := publishedSites(t)
	for name, files := range sites {
		w := want[name]
		checked := false
		for _, path := range slices.Sorted(maps.Keys(files)) {
			if !strings.HasSuffix(path, ".csv") {
				continue
			}
			data := files[path]
			body, ok := bytes.CutPrefix(data, []byte("\xEF\xBB\xBF"))
			if !ok {
				t.Errorf("%s %s: no UTF-8 BOM", name, path)
			}
			if n := bytes.Count(body, []byte("\n")); n == 0 || n != bytes.Count(body, []byte("\r\n")) {
				t.Errorf("%s %s: %d lines, not all ending in CRLF", name, path, n)
			}
			rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
			if path == measuresFile && err == nil && len(rows) == 1 { // no measure yet: its header
				rows = append(rows, nil)
			}
			if err != nil || len(rows) < 2 {
				t.Errorf("%s %s: %d rows, %v", name, path, len(rows), err)
				continue
			}
			head := rows[0]
			if path == measuresFile { // its own columns; none a date either
				want := []string{"月份", "期别", "文号", "单位", "单位代号", "单位类别", "措施", "对象", "实施", "金额（元）", "事由", "依据", "规则得出", "是否采取", "不予采取的原因", "通报网址"}
				if !slices.Equal(head, want) {
					t.Errorf("%s %s: header %q, want %q", name, path, head, want)
				}
				for _, r := range rows[1:] {
					for i, cell := range r { // nil, the empty file's
						if head[i] != "期别" && excelDate.MatchString(cell) {
							t.Errorf("%s %s: Excel reads the %s %q as a date", name, path, head[i], cell)
						}
					}
				}
				continue
			}
			if !slices.Equal(head, w.header) {
				t.Errorf("%s %s: header %q, want %q", name, path, head, w.header)
			}
			month, period := slices.Index(head, "月份"), slices.Index(head, "期别")
			score, place := slices.Index(head, "得分"), slices.Index(head, "排名")
			var months []string
			for _, r := range rows[1:] {
				for i, cell := range r {
					if i != period && excelDate.MatchString(cell) {
						t.Errorf("%s %s: Excel reads the %s %q as a date", name, path, head[i], cell)
					}
				}
				// A number or nothing (a township 不涉及), which Excel
				// sums and sorts as numbers: never a word among them.
				for _, i := range []int{score, place} {
					if r[i] != "" && !csvNumber.MatchString(r[i]) {
						t.Errorf("%s %s: the %s %q is not a number", name, path, head[i], r[i])
					}
				}
				if len(months) == 0 || months[len(months)-1] != r[month] {
					months = append(months, r[month])
				}
				if path == w.file && (r[month] != w.month || r[period] != w.period) {
					t.Errorf("%s %s: 月份 %q, 期别 %q; want %q, %q", name, path, r[month], r[period], w.month, w.period)
				}
			}
			if path == w.file {
				checked = true
			}
			if path == "data/ranks.csv" && !slices.IsSorted(months) {
				t.Errorf("%s %s: the months %q are not in order", name, path, months)
			}
			if name == "demo" && path == "data/ranks.csv" {
				var keys []string
				for _, k := range demo.Months(1) {
					keys = append(keys, strings.ReplaceAll(k, "-", ""))
				}
				if !slices.Equal(months, keys) {
					t.Errorf("demo data/ranks.csv: the months %q, want %q", months, keys)
				}
			}
		}
		if w.file != "" && !checked {
			t.Errorf("%s: no %s", name, w.file)
		}
	}
}
