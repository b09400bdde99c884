package site

import (
	"slices"
	"strings"
	"testing"
)

// boundsChanged is deductSite with the 考核细则 of 2023 changing 满分 and
// 最低分 from a month: 工作落实 from 40 to 36 points from March, 信访稳定
// raised from 10 to 15 points from March and deducting 2 a 件 down to
// no less than 1 from April. The months 2023-03 and 2023-04 repeat
// February's counts, so that only the 考核办法 differs between them.
func boundsChanged() map[string]string {
	files := deductSite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `max = 40
decimals = 1
`, `max = 40
decimals = 1
[[indicator.change]]
from = "2023-03"
max = 36
`, 1)
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `deduct = [{ indicator = "xinfang", per = 1 }]
`, `deduct = [{ indicator = "xinfang", per = 1 }]
[[indicator.change]]
from = "2023-03"
max = 15
[[indicator.change]]
from = "2023-04"
min = 1
deduct = [{ indicator = "xinfang", per = 2 }]
`, 1)
	// 工作落实's 38 of 乙局 is over March's 满分 of 36: 34 there.
	march := strings.Replace(files["data/2023-02.toml"], `period = "1-2月"`, `period = "3月"`, 1)
	files["data/2023-03.toml"] = strings.Replace(march, `"乙局" = 38`, `"乙局" = 34`, 1)
	files["data/2023-04.toml"] = strings.Replace(files["data/2023-03.toml"], `period = "3月"`, `period = "4月"`, 1)
	return files
}

// TestDeductMaxChanged: a derived score is deducted from the month's
// max and floored at the month's min. The counts 甲0 乙12 丙15 丁3 戊1
// (己局 not applicable) every month; by hand, February 10 − 1 × n not
// below 0: 10 0 0 7 9; March 15 − 1 × n: 15 3 0 12 14; April 15 − 2 × n
// not below 1: 15 1 1 9 13.
func TestDeductMaxChanged(t *testing.T) {
	s, err := Load(writeSite(t, boundsChanged()))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ month, want string }{
		{"2023-02", "甲局=10 乙局=0 丙局=0 丁局=7 戊局=9 己局:不涉及（新设立）"},
		{"2023-03", "甲局=15 乙局=3 丙局=0 丁局=12 戊局=14 己局:不涉及（新设立）"},
		{"2023-04", "甲局=15 乙局=1 丙局=1 丁局=9 戊局=13 己局:不涉及（新设立）"},
	} {
		if got := scoresOf(s.Month(c.month).Result("xinfang-df")); got != c.want {
			t.Errorf("%s: %s, want %s", c.month, got, c.want)
		}
	}
	ch := s.Indicator("xinfang-df").Changes
	if len(ch) != 2 || !slices.Equal(ch[0].Set, []string{"max"}) || !slices.Equal(ch[1].Set, []string{"deduct", "min"}) {
		t.Fatalf("changes read as %+v", ch)
	}
	// Each change carries the bounds of the one before: April's max is
	// March's 15.
	if *ch[1].Max != 15 || *ch[1].Min != 1 || *ch[0].Max != 15 || ch[0].Min != nil {
		t.Errorf("bounds of the changes: March max %v min %v, April max %v min %v", *ch[0].Max, ch[0].Min, *ch[1].Max, *ch[1].Min)
	}
	ind := s.Indicator("xinfang-df")
	for _, c := range []struct {
		i         int
		key, want string
	}{
		{0, "max", "满分由10分改为15分"},
		{0, "min", ""},
		{1, "min", "最低分由0分改为1分"}, // none written before: 0, as 扣完为止
	} {
		if got := ind.BoundChange(c.i, c.key); got != c.want {
			t.Errorf("BoundChange(%d, %s) = %q, want %q", c.i, c.key, got, c.want)
		}
	}
}

// TestTypedScoreAgainstMonthMax: 工作落实's 38 is within February's 满分
// of 40 and over March's 36, refused there, the message naming the
// change that set it; the same 34 typed in March and April is no error.
func TestTypedScoreAgainstMonthMax(t *testing.T) {
	files := boundsChanged()
	if _, err := Load(writeSite(t, files)); err != nil {
		t.Fatalf("38 in February, 34 in March and April: %v", err)
	}
	wantDiagnostic(t, files, "data/2023-03.toml", `"乙局" = 34`, `"乙局" = 38`,
		"data/2023-03.toml:6:1: 指标“工作落实”中乙局的得分 38 高于满分 36（indicators.toml 第 10 行自 2023-03 起的 max）：是否打错了？")
	// A min raised from a month refuses a score below it from then on.
	files = boundsChanged()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "from = \"2023-03\"\nmax = 36\n", "from = \"2023-03\"\nmax = 36\nmin = 31\n", 1)
	wantDiagnostic(t, files, "data/2023-03.toml", "", files["data/2023-03.toml"], "data/2023-03.toml:5:1: 指标“工作落实”中甲局的得分 30 低于最低分 31（indicators.toml 第 10 行自 2023-03 起的 min）：是否打错了？")
}

// TestBoundChangeDiagnostics: a change that writes the max or min in
// force already changes nothing, as a weight written as it was does;
// and a min not below the max, in any month, is an error at the change.
func TestBoundChangeDiagnostics(t *testing.T) {
	for _, c := range []struct{ name, old, new, want string }{
		{"max as it was", "from = \"2023-03\"\nmax = 36\n", "from = \"2023-03\"\nmax = 40\n",
			"data/indicators.toml:9:1: 指标“工作落实”自 2023-03 起的调整没有改变什么：所写的值与这个指标 [[indicator]] 中的相同（权重1，1位小数，得分越高越好，满分40）；如果是把 [[indicator]] 中原来的值改成了新的，改回原来的值（2023-03 以前各月仍按它排名）；否则删去这一项"},
		{"min as before", "per = 2 }]\n", "per = 2 }]\n[[indicator.change]]\nfrom = \"2023-06\"\nmin = 1\n",
			"data/indicators.toml:27:1: 指标“信访稳定”自 2023-06 起的调整没有改变什么：所写的值与此前的相同（权重1，1位小数，得分越高越好，最低分1）；删去这一项，或写上改变后的值"},
		// A min of 41 against the max of 40 carried over; a max of 0
		// against the min of 0 the [[indicator]] wrote.
		{"min over the month's max", "from = \"2023-03\"\nmax = 36\n", "from = \"2023-03\"\nmin = 41\n",
			"data/indicators.toml:11:1: 指标“工作落实”自 2023-03 起的满分 max（40）应大于最低分 min（41）"},
		{"max under the min", "from = \"2023-03\"\nmax = 36\n", "from = \"2023-03\"\nmax = 0\n",
			"data/indicators.toml:11:1: 指标“工作落实”自 2023-03 起的满分 max（0）应大于最低分 min（0）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantDiagnostic(t, boundsChanged(), "data/indicators.toml", c.old, c.new, c.want)
		})
	}
}
