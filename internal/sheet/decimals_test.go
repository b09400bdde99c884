package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDecimal(t *testing.T) {
	for _, c := range []struct {
		v        float64
		decimals int
		want     string
	}{
		{3, 0, "3"},
		{-2, 0, "-2"},
		{3.5, 0, "3.5"}, // the score as given: decimals say how it is compared
		{3, 1, "3.0"},
		{98.4, 2, "98.40"},
		{95.555, 2, "95.555"},
		{1e20, 0, "100000000000000000000.0"}, // no TOML integer
	} {
		if got := decimal(c.v, c.decimals); got != c.want {
			t.Errorf("decimal(%g, %d) = %q, want %q", c.v, c.decimals, got, c.want)
		}
	}
}

// TestImportWholeScores: an indicator compared as a whole number
// (indicators.toml decimals = 0) gets its whole scores written as whole
// numbers, from a workbook as from a CSV of scores: 稳就业 of the sample
// made so, its 30.0 is 30 and its 28.6 stays 28.6; another indicator's
// 85 (decimals = 1) is still 85.0.
func TestImportWholeScores(t *testing.T) {
	dir := copySite(t)
	p := filepath.Join(dir, "data", "indicators.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	const jiuye = "name     = \"稳就业\"\nsection  = \"重点工作\"\nowners   = [\"区人社局\"]  # 示例补全\ntownships = \"all\"\nbetter   = \"higher\"\nweight   = 1.0          # 示例补全\ndecimals = 1\n"
	if !bytes.Contains(b, []byte(jiuye)) {
		t.Fatal("the sample's 稳就业 is not as this test knows it")
	}
	b = bytes.Replace(b, []byte(jiuye), []byte(strings.Replace(jiuye, "decimals = 1", "decimals = 0", 1)), 1)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	s := load(t, dir)

	book, err := Export(s, s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	fromBook, err := Import(s, "2023-02", "2023-02.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	csv := "乡镇（街道）,稳就业,规模工业增加值\n"
	for _, row := range []string{"桥头街道,30,82.3", "渡头桥镇,30,82.3", "东风路街道,30,82.3", "高崇山镇,30,85", "石桥街道,28.6,91.8", "小江湖街道,27.9,90.5",
		"汽车站街道,27.1,88.7", "兴隆街道,26.3,93.2", "爱莲街道,25.4,82.3", "滨江街道,23.8,86.4", "龙须塘街道,21.5,87.9", "火车站乡,21.5,95.6"} {
		csv += row + "\n"
	}
	fromCSV, err := Import(s, "2023-03", "scores.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]*Month{"workbook": fromBook, "csv": fromCSV} {
		text := string(m.TOML)
		for _, line := range []string{`"桥头街道" = 30` + "\n", `"高崇山镇" = 30` + "\n", `"石桥街道" = 28.6` + "\n", `"高崇山镇" = 85.0` + "\n"} {
			if !strings.Contains(text, line) {
				t.Errorf("%s: the month file has no line %q:\n%s", name, line, text)
			}
		}
		if strings.Contains(text, "= 30.0") {
			t.Errorf("%s: a whole score of 稳就业 is written 30.0:\n%s", name, text)
		}
	}
}
