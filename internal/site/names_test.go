package site

import (
	"strings"
	"testing"
)

func TestNameProblem(t *testing.T) {
	for _, c := range []struct{ name, problem, shown, clean string }{
		{"罗城街道", "", "罗城街道", "罗城街道"},
		{"罗城街道\u200b", "含看不见的字符 <U+200B>", "罗城街道<U+200B>", "罗城街道"},
		{"罗城\u3000街道", "含看不见的字符 <U+3000>", "罗城<U+3000>街道", "罗城街道"},
		{"\u00a0罗城街道\u00a0", "含看不见的字符 <U+00A0>", "<U+00A0>罗城街道<U+00A0>", "罗城街道"},
		{"罗城\u202e街道\u200d", "含看不见的字符 <U+202E>、<U+200D>", "罗城<U+202E>街道<U+200D>", "罗城街道"},
		{" 罗城街道", "前后有空格", " 罗城街道", "罗城街道"},
		{"罗城街道\t", "含看不见的字符 <U+0009>", "罗城街道<U+0009>", "罗城街道"},
		{"Luocheng Jiedao", "", "Luocheng Jiedao", "Luocheng Jiedao"},
	} {
		if got := nameProblem(c.name); got != c.problem {
			t.Errorf("nameProblem(%q) = %q, want %q", c.name, got, c.problem)
		}
		if got := shown(c.name); got != c.shown {
			t.Errorf("shown(%q) = %q, want %q", c.name, got, c.shown)
		}
		if got := cleanName(c.name); got != c.clean {
			t.Errorf("cleanName(%q) = %q, want %q", c.name, got, c.clean)
		}
	}
}

func TestParseScore(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{
		{"95", 95}, {"95.5", 95.5}, {"-1.25", -1.25}, {".5", 0.5}, {"95.", 95},
		{"９５．０", 95}, {"95 ", 95}, {" 95", 95}, {"\u300095\u3000", 95}, {"\u00a087.5", 87.5},
		{"－３", -3}, {"＋2", 2},
	} {
		got, err := ParseScore(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseScore(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"95%", "得分“95%”带百分号：只写数值，如 95"},
		{"９５％", "得分“９５％”带百分号：只写数值，如 95"},
		{"95,5", "得分“95,5”的小数点应为“.”：如 95.5"},
		{"95。5", "得分“95。5”的小数点应为“.”：如 95.5"},
		{"9 5", "得分“9 5”中间有空格：一个得分只写一个数值"},
		{"优秀", "得分“优秀”不是数值：应写成数，如 95 或 87.5"},
		{"1e5", "得分“1e5”不是数值：应写成数，如 95 或 87.5"},
		{"NaN", "得分“NaN”不是数值：应写成数，如 95 或 87.5"},
		{"95\u200b5", "得分“95<U+200B>5”不是数值：应写成数，如 95 或 87.5"},
		{"", "得分为空：请填写数值，或删去这一行"},
		{"  ", "得分为空：请填写数值，或删去这一行"},
	} {
		_, err := ParseScore(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("ParseScore(%q): %v, want %s", c.in, err, c.want)
		}
	}
	if _, err := ParseScore(strings.Repeat("9", 400)); err == nil || !strings.HasSuffix(err.Error(), "超出范围") {
		t.Errorf("a number beyond float64: %v", err)
	}
}
