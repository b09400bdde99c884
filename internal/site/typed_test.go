package site

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestParseScore(t *testing.T) {
	good := []struct {
		in   string
		want float64
	}{
		{"95", 95},
		{"87.5", 87.5},
		{" 95 ", 95},
		{"95\t", 95},
		{"\u3000９５．０\u3000", 95}, // full-width digits and point, ideographic spaces
		{"９５", 95},
		{"－３．５", -3.5},
		{"+2", 2},
		{".5", 0.5},
		{"5.", 5},
		{"\u00a098.4\u200b", 98.4}, // no-break space before, zero-width space after
		{"\ufeff100", 100},         // a BOM at the start of a CSV's first cell
		{"1,234.5", 1234.5},
		{"30，000", 30000},
		{"9.5E-2", 0.095}, // how spreadsheets store small numbers
		{"0", 0},
		{"999999999999999", 999999999999999}, // the largest integer kept: 10^15 − 1
		{"-999,999,999,999,999.5", -999999999999999.5},
	}
	for _, c := range good {
		got, err := ParseScore(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseScore(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	bad := []struct {
		in, want string // want: the whole message
	}{
		{"95%", "“95%”不是数：请去掉“%”，只写数，如 95"},
		{"95.5％", "“95.5％”不是数：请去掉“％”，只写数，如 95.5"},
		{"95分", "“95分”不是数：请去掉“分”，只写数，如 95"},
		// A unit of measure pasted with the value from a monitoring
		// report, as the month file's own check says of it.
		{"45.3微克/立方米", "“45.3微克/立方米”不是数：请去掉“微克/立方米”，只写数，如 45.3"},
		{"36.2 μg/m³", "“36.2 μg/m³”不是数：请去掉“μg/m³”，只写数，如 36.2"},
		{"28天", "“28天”不是数：请去掉“天”，只写数，如 28"},
		{"3万", "“3万”不是数：应为数，如 95 或 87.5"}, // not 3
		{"95,5", "“95,5”不是数：小数点请用“.”，如 95.5"},
		{"95。5", "“95。5”不是数：小数点请用“.”，如 95.5"},
		{"9 5", "“9 5”不是数：数字中间不能有空格，如 95"},
		{"9\u200b5", "“9<U+200B>5”不是数：其中有看不见的字符，请删去，只写 95"},
		{"九十五", "“九十五”不是数：应为数，如 95 或 87.5"},
		{"abc", "“abc”不是数：应为数，如 95 或 87.5"},
		{"1,2345", "“1,2345”不是数：小数点请用“.”，如 1.2345"},
		{"Inf", "“Inf”不是数：应为数，如 95 或 87.5"},
		{"NaN", "“NaN”不是数：应为数，如 95 或 87.5"},
		{"0x10", "“0x10”不是数：应为数，如 95 或 87.5"},
		{"1e999", "“1e999”超出了数的范围：绝对值须小于 10 的 15 次方（1000 万亿）"},
		{"1e300", "“1e300”超出了数的范围：绝对值须小于 10 的 15 次方（1000 万亿）"},
		{"-1,000,000,000,000,000", "“-1,000,000,000,000,000”超出了数的范围：绝对值须小于 10 的 15 次方（1000 万亿）"},
		{"", "没有填写数值"},
		{" \u3000", "没有填写数值"},
		{".", "“.”不是数：应为数，如 95 或 87.5"},
		{"-", "“-”不是数：应为数，如 95 或 87.5"},
	}
	for _, c := range bad {
		v, err := ParseScore(c.in)
		if err == nil {
			t.Errorf("ParseScore(%q) = %v, want an error", c.in, v)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("ParseScore(%q): %q\n want %q", c.in, err, c.want)
		}
	}
}

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"罗城街道":       "罗城街道",
		"罗城街道\u200b": "罗城街道<U+200B>",
		"罗城 街道":      "罗城 街道", // an ASCII space between words is seen
		" 罗城街道 ":     "<U+0020>罗城街道<U+0020>",
		"罗城\u3000街道": "罗城<U+3000>街道",
		"\u00a0罗城街道": "<U+00A0>罗城街道",
		"\ufeff罗城街道": "<U+FEFF>罗城街道",
		"罗城街道\r":     "罗城街道<U+000D>",
		"  ":         "<U+0020><U+0020>",
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanName(t *testing.T) {
	if got, err := CleanName("\u3000火车站乡 "); got != "火车站乡" || err != nil {
		t.Errorf("CleanName with surrounding spaces = %q, %v; want 火车站乡 and no error", got, err)
	}
	got, err := CleanName("火车站\u200b乡")
	if got != "火车站乡" || err == nil || !strings.Contains(err.Error(), "“火车站<U+200B>乡”") || !strings.Contains(err.Error(), "删去后为“火车站乡”") {
		t.Errorf("CleanName with a zero-width space: %v", err)
	}
}

// FuzzParseScore: any text is a finite number or an error that quotes
// it, and a number written plainly reads as itself.
func FuzzParseScore(f *testing.F) {
	for _, s := range []string{"95", "９５．０", " 95 ", "95%", "1,234.5", "1e999", "\u200b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseScore(s)
		if err == nil && (math.IsNaN(v) || math.Abs(v) >= 1e15) {
			t.Fatalf("ParseScore(%q) = %v", s, v)
		}
		if err == nil {
			if again, err := ParseScore(strconv.FormatFloat(v, 'f', -1, 64)); err != nil || again != v {
				t.Fatalf("ParseScore(%q) = %v, which reads back as %v, %v", s, v, again, err)
			}
		}
	})
}
