package site

import (
	"fmt"
	"strings"
	"testing"

	"tongbao/internal/diag"
)

// scoresAt is a month file whose fourth line is line, in the scores of a
// [[result]].
func scoresAt(line string) string {
	return "[[result]]\nindicator = \"gongye\"\n[result.townships]\n" + line + "\n\"乙镇\" = 7\n"
}

// TestSyntaxMessages holds each slip staff make in TOML to the message
// that says it in their words, with what to write, at the place counted
// by hand (columns in characters).
func TestSyntaxMessages(t *testing.T) {
	front := func(line string) string { return "\nnumber = \"某政办函〔2024〕3号\"\n" + line + "\n" }
	cases := []struct {
		form *Format
		src  string
		want string
	}{
		// Scores: a name without quotes, a score in words. Read without
		// a site, the indicator's values are not known to be scores or
		// counts (TestSyntaxNamesCounts): 数值.
		{MonthFile, scoresAt(`甲镇 = 8.5`), `4:1: 名称要加英文引号：写作 "甲镇" = 8.5`},
		{MonthFile, scoresAt(`  甲镇=8.5`), `4:3: 名称要加英文引号：写作 "甲镇" = 8.5`},
		{MonthFile, scoresAt(`xx镇 = 8.5`), `4:1: 名称要加英文引号：写作 "xx镇" = 8.5`},
		{MonthFile, scoresAt(`"甲镇" = 8.5分`), `4:11: 数值只写数字，去掉“分”：写作 8.5`},
		{MonthFile, scoresAt(`"甲镇" = 8.5 分`), `4:12: 数值只写数字，去掉“分”：写作 8.5`},
		{MonthFile, scoresAt(`"甲镇" = 8.5%`), `4:11: 数值只写数字，去掉“%”：写作 8.5`},
		{MonthFile, scoresAt(`"甲镇" = 8,5`), `4:9: 小数点用“.”，不用“,”：写作 8.5`},
		{MonthFile, scoresAt(`"甲镇" = 8。5`), `4:9: 小数点用“.”，不用“。”：写作 8.5`},
		{MonthFile, scoresAt(`"甲镇" = 8，5`), `4:9: 小数点用“.”，不用“，”：写作 8.5`},
		{MonthFile, scoresAt(`"甲镇" = 39．5`), `4:10: 小数点用“.”，不用“．”：写作 39.5`},
		{MonthFile, "[[result]]\nindicator = \"gongye\"\n[result．townships]\n", `3:8: 点要用半角的“.”：写作 [result.townships]`},
		{MonthFile, scoresAt(`"甲镇" = 8,500`), `4:9: 数中不加千位分隔的逗号：写作 8500`},
		{MonthFile, scoresAt(`"甲镇" = 1 2`), `4:10: 数字中间不能有空格：写作 12`},
		{MonthFile, scoresAt(`"甲镇" = 1e309`), `4:8: “1e309”超出了数的范围，请核对`},
		{MonthFile, scoresAt(`"甲镇" = 08`), `4:8: 数不以 0 开头：写作 8`},
		{MonthFile, scoresAt(`"甲镇" = 8.`), `4:8: 小数点后要有数字：写作 8`},
		{MonthFile, scoresAt(`"甲镇" = .5`), `4:8: 小数点前要有数字：写作 0.5`},
		{MonthFile, scoresAt(`"甲镇" = 1e`), `4:8: “1e”不是数：应为数，如 95 或 87.5`},
		{MonthFile, scoresAt(`"甲镇" = 95x`), `4:10: 数值只写数字，去掉“x”：写作 95`},
		// Typed with the Chinese input method on.
		{MonthFile, scoresAt(`"甲镇" ＝ 8.5`), `4:6: 等号要用英文的“=”：写作 "甲镇" = 8.5`},
		{MonthFile, scoresAt(`甲镇＝8.5`), `4:1: 名称要加英文引号：写作 "甲镇" = 8.5`},
		{MonthFile, scoresAt(`"甲镇" = ８.５`), `4:8: 数字要用半角的 0～9：写作 8.5`},
		{MonthFile, scoresAt(`“甲镇” = 8.5`), `4:1: 引号要用英文的“"”：写作 "甲镇" = 8.5`},
		{MonthFile, scoresAt(`"甲镇" = “8.5”`), `4:8: 数值不加引号：写作 8.5`},
		{MonthFile, scoresAt(`"甲镇"：8.5`), `4:5: 键和值之间用“=”：写作 "甲镇" = 8.5`},
		{MonthFile, scoresAt("\"甲镇\" = 8.5\u3000"), `4:11: 这里有全角空格，请删去：写作 8.5`},
		{MonthFile, scoresAt("\"甲镇\" = 95\u00a0"), `4:10: 这里有看不见的字符 <U+00A0>，请删去：写作 95`},
		{MonthFile, "【【result】】\nindicator = \"gongye\"\n", `1:1: 方括号要用英文的“[”“]”：写作 [[result]]`},
		{MonthFile, "[[result】】\nindicator = \"gongye\"\n", `1:9: 方括号要用英文的“[”“]”：写作 [[result]]`},
		{MonthFile, "【result】\nindicator = \"gongye\"\n", `1:1: 方括号要用英文的“[”“]”：写作 [result]`},
		{IndicatorsFile, "[[indicator]]\nid = \"gongye\"\nowners = [\"县发改局\"，\"县财政局\"]\n",
			`3:17: 逗号要用英文的“,”：写作 ["县发改局", "县财政局"]`},
		{IndicatorsFile, "[[indicator]]\nid = \"gongye\"\nowners = ［\"县发改局\"］\n",
			`3:10: 方括号要用英文的“[”“]”：写作 ["县发改局"]`},
		// Other kinds of values.
		{MonthFile, "[[result]]\ncity = 08\n", `2:8: 数不以 0 开头：写作 8`},
		{MonthFile, "[[result]]\ncity = 第36名\n", `2:8: 上级排名只写数字，去掉“第”“名”：写作 36`},
		{MonthFile, "[[result]]\ncity = 36名\n", `2:10: 上级排名只写数字，去掉“名”：写作 36`},
		{MonthFile, "[[result]]\ncity = 三十六\n", `2:8: 上级排名只写阿拉伯数字`},
		{MonthFile, "[[result]]\ncityTie = 是\n", `2:11: 上级并列写作 true（是）或 false（否），不加引号`},
		{MonthFile, "[[result]]\ncityTie = “是”\n", `2:11: 上级并列不加引号：写作 true`},
		{MonthFile, "[[reward]]\namount = 2万元\n", `2:11: 金额（元）只写数字，去掉“万”“元”：写作 20000`},
		{ConfigFile, "[[rule]]\namount = 2.5万\n", `2:13: 金额（元）只写数字，去掉“万”：写作 25000`},
		{IndicatorsFile, "[[indicator]]\nowners = [县发改局]\n", `2:11: 数组中的文字要加英文引号：写作 ["县发改局"]`},
		{IndicatorsFile, "[[indicator]]\nowners = 县发改局\n", `2:10: 责任单位写成数组，文字加英文引号：写作 ["县发改局"]`},
		{IndicatorsFile, "[[indicator]]\nowners = \"县发改局\", \"县财政局\"\n", `2:16: 几项要写成数组，加上方括号：写作 ["县发改局", "县财政局"]`},
		{IndicatorsFile, "[[indicator]]\nowners = [\"县发改局\" \"县财政局\"]\n", `2:18: 数组的各项之间用英文逗号“,”分隔`},
		{IndicatorsFile, "[[indicator]]\nowners = [\"县发改局\",,]\n", `2:18: 数组中多了一个逗号`},
		{IndicatorsFile, "[[indicator]]\nowners = [\"县发改局\"\nname = \"规模工业\"\n", `2:17: 数组缺少结尾的“]”`},
		{IndicatorsFile, "[[indicator]]\nbetter = 高\n", `2:10: better（得分方向）应为 "higher" 或 "lower"`},
		// Dates and months.
		{CircularFront, front(`date = 2024年2月20日`), `3:8: 日期写作 2024-02-20（不加引号）`},
		{CircularFront, front(`date = 2024-2-20`), `3:8: 日期的月和日都写两位：写作 2024-02-20`},
		{CircularFront, front(`date = 2024/02/20`), `3:8: 日期写作 2024-02-20（不加引号）`},
		{CircularFront, front(`date = 2024.02.20`), `3:8: 日期写作 2024-02-20（不加引号）`},
		{CircularFront, front(`date = 2024-02-30`), `3:8: 2024年2月没有30日（只有29天）`},
		{CircularFront, front(`date = 2023-02-29`), `3:8: 2023年2月没有29日（只有28天）`},
		{CircularFront, front(`date = 2024-13-01`), `3:8: 没有13月：月份应为 01～12`},
		{CircularFront, front(`date = “2024-02-20”`), `3:8: 成文日期不加引号：写作 2024-02-20`},
		{CircularFront, front(`date = 二〇二四年二月二十日`), `3:8: 日期写成“年-月-日”，如 2023-04-03（不加引号）`},
		{CircularFront, front(`date = 2024-02-20T25:00`), `3:8: “2024-02-20T25:00”不是日期：日期写成“年-月-日”，如 2023-04-03（不加引号）`},
		{CircularFront, front(`data = 2024-01`), `3:8: 月份要加英文引号：写作 "2024-01"`},
		{UnitsFile, "[[township]]\nfrom = 2024-1\n", `2:8: 月份要加英文引号：写作 "2024-01"`},
		// Text.
		{CircularFront, front(`title = 关于`), `3:9: 文字要加英文引号：写作 "关于"`},
		{CircularFront, front(`title = 2024年工作通报`), `3:9: 文字要加英文引号：写作 "2024年工作通报"`},
		// A [[result]]'s scores written before the first [[result]].
		{MonthFile, "period = \"3月\"\n[result.townships]\n\"甲镇\" = 1\n[[result]]\nindicator = \"gongye\"\n", `2:1: [result.townships] 要紧跟在它所属的 [[result]] 之后，不能写在第一个 [[result]] 之前`},
		// Bare text quoted as written, its Chinese punctuation kept.
		{CircularFront, front(`title = 关于区政府2023年1-2月“三重点”落实情况的通报`), `3:9: 文字要加英文引号：写作 "关于区政府2023年1-2月“三重点”落实情况的通报"`},
		{CircularFront, front(`to = 各乡镇人民政府，区直各单位`), `3:6: 文字要加英文引号：写作 "各乡镇人民政府，区直各单位"`},
		{MonthFile, "[[result]]\nprogress = 一是完成目标（１２个项目）：进度95%\n", `2:12: 文字要加英文引号：写作 "一是完成目标（１２个项目）：进度95%"`},
		{CircularFront, front(`title = "关于"x"的通知"`), `3:12: 文字中的引号要用中文的“”（英文引号 " 只在两端）：写作 "关于“x”的通知"`},
		{CircularFront, front(`title = "关于”`), `3:13: 结尾的引号要用英文的“"”：写作 "关于"`},
		{CircularFront, front(`title = "关于`), `3:12: 文字缺少结尾的英文引号“"”`},
		{CircularFront, front(`title = "a` + "\x07" + `"`), `3:11: 这里有看不见的控制字符 <U+0007>，请删去`},
		{CircularFront, "\n[[attachment]]\ntitle = \"表\"\nfile = \"附件\\表.csv\"\n", `4:11: 路径中的“\”要改为“/”：写作 "附件/表.csv"`},
		{CircularFront, "\n[[attachment]]\nfile = \"附件\\user.csv\"\n", `3:11: 路径中的“\”要改为“/”：写作 "附件/user.csv"`},
		{CircularFront, "\n[[attachment]]\nfile = \"a\\n附件\\表.csv\"\n", `3:14: 路径中的“\”要改为“/”：写作 "a/n附件/表.csv"`},
		// Keys and their =.
		{CircularFront, front(`title "x"`), `3:7: 键和值之间缺少“=”：写作 title = "x"`},
		{CircularFront, front(`title: "x"`), `3:6: 键和值之间用“=”：写作 title = "x"`},
		{CircularFront, front(`title`), `3:6: “title”后面缺少“= 值”`},
		{CircularFront, front(`= "x"`), `3:1: “=”前面缺少键名`},
		{UnitsFile, "[[township]]\n*name = \"甲镇\"\n", `2:1: 键名中不能有“*”：去掉它，写作 name = "甲镇"`},
		{UnitsFile, "[[township]]\nname$ = \"甲镇\"\n", `2:5: 键名中不能有“$”：去掉它，写作 name = "甲镇"`},
		{MonthFile, "[[result]]\ncity tie = true\n", `2:6: 键名中不能有空格`},
		{CircularFront, front(`title =`), `3:8: “=”后面缺少值`},
		{MonthFile, "[[result]]\ncity = # 上月：36\n", `2:8: “=”后面缺少值`},
		{MonthFile, scoresAt(`"甲镇" = `), `4:8: “甲镇”的数值没有填：在“=”后填上数值；还没有报来的，在行首加 # 先不填（check 会列出尚缺的数值）`},
		{MonthFile, scoresAt(`"甲镇" =               # 上月：8.5`), `4:22: “甲镇”的数值没有填：在“=”后填上数值；还没有报来的，在行首加 # 先不填（check 会列出尚缺的数值）`},
		{CircularFront, front(`title = = "x"`), `3:9: 多写了一个“=”`},
		// Twice.
		{MonthFile, "[[result]]\ncity = 1\ncity = 2\n", `3:1: city（上级排名）写了两次：每个键只写一次`},
		{MonthFile, scoresAt("\"甲镇\" = 1\n \"甲镇\" = 2"), `5:2: “甲镇”的数值写了两次：每个键只写一次`},
		{MonthFile, "[[result]]\n[result.townships]\n[result.townships]\n", `3:1: [result.townships] 写了两次：同一个表只写一次，内容写在一处`},
		{MonthFile, "period = 1\nperiod = 2\n", `2:1: period（期别）写了两次：每个键只写一次`},
		{nil, "a = 1\na = 2\n", `2:1: “a”写了两次：每个键只写一次`},
		// Tables.
		{MonthFile, "[[result]\nindicator = \"a\"\n", `1:10: 表头缺少结尾的“]”：写作 [[result]]`},
		{MonthFile, "[result.townships\n", `1:18: 表头缺少结尾的“]”：写作 [result.townships]`},
		{MonthFile, "[]\n", `1:2: 方括号中缺少表名`},
		// A file without a description: no names, the same help.
		{nil, "[r]\n\"桥头\" = 95%\n", `2:10: 这里只写数字，去掉“%”：写作 95`},
		// Multi-line texts, inline tables, a ] or } too many.
		{MonthFile, "[[result]]\nprogress = \"\"\"完成\n", `2:12: 多行文字缺少结尾的“"""”`},
		{nil, "a = '''x\nb\n", `1:5: 多行文字缺少结尾的“'''”`},
		{nil, "a = 'x\nb = 1\n", `1:7: 文字缺少结尾的引号“'”`},
		{nil, "a = {x = 1", `1:11: 内联表缺少结尾的“}”`},
		{nil, "a = {x = 1,\nb = 2\n", `1:12: 内联表缺少结尾的“}”`},
		{nil, "a = {x = 1 y = 2}\n", `1:12: 内联表的各项之间用英文逗号“,”分隔`},
		{nil, "a = {x = 1}}\n", `1:12: 多了一个“}”，请删去`},
		{nil, "a = [1]]\n", `1:8: 多了一个“]”，请删去`},
		{nil, "a = { x = }\n", `1:11: “=”后面缺少值`},
		{IndicatorsFile, "[[indicator]]\nowners = [\"县发改局\",\n", `2:18: 数组缺少结尾的“]”`},
		{nil, "a = [1,\n", `1:8: 数组缺少结尾的“]”`},
		{MonthFile, "[[result]]\ncity = 0x\n", `2:8: “0x”不是数：应为数，如 95 或 87.5`},
		{nil, "a = 1__0\n", `1:5: “1__0”不是数：应为数，如 95 或 87.5`},
		{MonthFile, scoresAt(`"甲镇" = -`), `4:8: “-”不是数：应为数，如 95 或 87.5`},
		{nil, "a = 5e+\n", `1:5: “5e+”不是数：应为数，如 95 或 87.5`},
		// A key and nothing after it, on the last line with no line end.
		{nil, "a = 1\nb", `2:2: “b”后面缺少“= 值”`},
		{MonthFile, "[[result]]\nindicator = \"gongye\"\n[result.townships]\n\"甲镇\"", `4:5: “甲镇”后面缺少“= 值”`},
		// What no rule explains keeps the decoder's words.
		{nil, "a = 1\n. = 2\n", `2:1: TOML 语法错误：unexpected '.': keys cannot start with a '.'`},
	}
	for _, c := range cases {
		var l diag.List
		if _, _, ok := decodeTOML("f.toml", []byte(c.src), c.form, &l); ok {
			t.Errorf("%q decoded without error", c.src)
			continue
		}
		if len(l) != 1 {
			t.Errorf("%q: %d diagnostics, want 1: %v", c.src, len(l), l)
			continue
		}
		if got := fmt.Sprintf("%d:%d: %s", l[0].Line, l[0].Col, l[0].Msg); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.src, got, c.want)
		}
		if !strings.Contains(c.want, "TOML 语法错误") && strings.ContainsAny(l[0].Msg, "abcdefghijklmopqsuvwxyz") &&
			strings.Contains(l[0].Msg, "expected") {
			t.Errorf("%q: the decoder's words in %q", c.src, l[0].Msg)
		}
	}
}

// TestSyntaxNamesCounts: in a site's month file, a syntax error in a
// result's scores calls the value as its indicator's values are called:
// 信访件数's (scoreUnit 件) are 件数, 经济's 得分.
func TestSyntaxNamesCounts(t *testing.T) {
	files := miniSite()
	files["data/indicators.toml"] += "[[indicator]]\nid = \"xinfang\"\nname = \"信访件数\"\nsection = \"重点工作\"\ntownships = \"all\"\nbetter = \"lower\"\nscoreUnit = \"件\"\n"
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `"甲街道" = 90`, `"甲街道" = 90分`, 1) +
		"[[result]]\nindicator = \"xinfang\"\n[result.townships]\n\"甲街道\" = \n\"乙街道\" = 2件\n\"丙镇\" = 0\n"
	_, err := Load(writeSite(t, files))
	want := []string{
		"data/2023-02.toml:6:11: 得分只写数字，去掉“分”：写作 90",
		"data/2023-02.toml:18:9: “甲街道”的件数没有填：在“=”后填上件数；还没有报来的，在行首加 # 先不填（check 会列出尚缺的件数）",
		"data/2023-02.toml:19:10: 件数只写数字，去掉“件”：写作 2",
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("got\n%v\nwant\n%s", err, strings.Join(want, "\n"))
	}
}

// TestFixedLinesDecode: every line a message offers to write instead is
// TOML the decoder reads, as what the field wants.
func TestFixedLinesDecode(t *testing.T) {
	for _, c := range []struct {
		line string
		kind Kind
		want string
	}{
		{`甲镇 = 8.5分`, Number, `"甲镇" = 8.5`},
		{`“甲镇”＝“8,5”`, Number, `"甲镇" = 8.5`},
		{`date：“2024年2月20日”`, Day, `date = 2024-02-20`},
		{`owners = [县发改局，“县财政局”]   # 注释`, Texts, `owners = ["县发改局", "县财政局"]`},
		{`title "关于“x”的通知"`, Text, `title = "关于“x”的通知"`},
		{`amount = "2万元"`, Integer, `amount = 20000`},
		{`a.b = 1`, unknownKind, `a.b = 1`},
		{`key = "a\"，b"`, Text, `key = "a\"，b"`}, // an escaped quote does not end the string
		{`[[result]`, unknownKind, `[[result]]`},
	} {
		got, ok := fixLine(c.line, c.kind)
		if !ok || got != c.want {
			t.Errorf("fixLine(%q) = %q, %v; want %q", c.line, got, ok, c.want)
		}
	}
	for _, line := range []string{`甲镇 = 九十五`, `"a" = `, `[[`, `= 1`} {
		if got, ok := fixLine(line, Number); ok {
			t.Errorf("fixLine(%q) = %q, want none", line, got)
		}
	}
}

func TestParseLooseNumber(t *testing.T) {
	for in, want := range map[string]string{
		"8.5分": "8.5 [分]", "第36名": "36 [第 名]", "2万元": "20000 [万 元]", "2.5万": "25000 [万]",
		"0.00015万": "1.5 [万]", "8,5": "8.5 [] ,", "8,500": "8500 [] grouped", "8。50": "8.50 [] 。",
		"-3": "-3 []", "+2": "+2 []", "007": "7 []", "95 %": "95 [%]",
	} {
		n, ok := parseLooseNumber(in)
		got := fmt.Sprintf("%s %v", n.value, n.words)
		if n.point != "" {
			got += " " + n.point
		}
		if n.grouped {
			got += " grouped"
		}
		if !ok || got != want {
			t.Errorf("parseLooseNumber(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "九十五", "8.5.1", "2024年2月", "8.5 x", "1e5"} {
		if n, ok := parseLooseNumber(in); ok {
			t.Errorf("parseLooseNumber(%q) = %+v, want none", in, n)
		}
	}
}

// FuzzSyntaxMessage: whatever the text, its syntax errors are one to
// maxSyntaxErrors diagnostics, each at a place in the file and each on a
// line after the one before, read as each kind of file, without a panic.
func FuzzSyntaxMessage(f *testing.F) {
	for _, src := range []string{
		scoresAt(`"甲镇" = 8.5分`), scoresAt(`甲镇 = 8.5`), scoresAt(`“甲镇” ＝ “8，5”`),
		"[[result】】\n", "owners = [县发改局，\"a\"\n", "0\n0", "甲镇 = 1\n乙镇 = 2\n丙镇\n", "date = 2024年2月30日\n", "file = \"附件\\表\"\n",
		"title = \"关于\"x\"的\"通知\n", "*a = 1\n", "a b = 1\n", "[r]\n[r]\n", "a = 1 2 3\n", "a = \"x\", \"y\" z\n",
	} {
		f.Add(src)
	}
	forms := []*Format{nil, MonthFile, UnitsFile, IndicatorsFile, ConfigFile, CircularFront, PageFront}
	f.Fuzz(func(t *testing.T, src string) {
		for _, form := range forms {
			var l diag.List
			if _, _, ok := decodeTOML("f.toml", []byte(src), form, &l); ok {
				return
			}
			if len(l) < 1 || len(l) > maxSyntaxErrors {
				t.Fatalf("%q: %d diagnostics: %v", src, len(l), l)
			}
			lines := strings.Count(src, "\n") + 1
			for i, d := range l {
				if d.Msg == "" || d.Line < 1 || d.Line > lines || d.Col < 1 || i > 0 && d.Line <= l[i-1].Line {
					t.Fatalf("%q: %q at %d:%d, outside the file or not after the one before: %v", src, d.Msg, d.Line, d.Col, l)
				}
			}
		}
	})
}

// TestSyntaxErrorsTogether: the slips of a file are reported together,
// each at its own line as if it were the only one, where leaving a line
// out cannot change how the lines below it read; after a table's header
// or a bracket left open, the report stops at the first.
func TestSyntaxErrorsTogether(t *testing.T) {
	many := "[[result]]\nindicator = \"gongye\"\n[result.townships]\n"
	for i := range 25 {
		many += fmt.Sprintf("甲%d镇 = 8\n", i)
	}
	var twenty []string
	for i := range 20 {
		twenty = append(twenty, fmt.Sprintf(`%d:1: 名称要加英文引号：写作 "甲%d镇" = 8`, 4+i, i))
	}
	cases := []struct {
		form *Format
		src  string
		want []string
	}{
		{MonthFile, "[[result]]\nindicator = \"gongye\"\n[result.townships]\n甲镇 = 8.5\n\"乙镇\" = 7分\n\"丙镇\" = 9\n丁镇 = 6\n", []string{
			`4:1: 名称要加英文引号：写作 "甲镇" = 8.5`,
			`5:9: 数值只写数字，去掉“分”：写作 7`,
			`7:1: 名称要加英文引号：写作 "丁镇" = 6`,
		}},
		// A key given twice, then a slip below it.
		{MonthFile, "[[result]]\nindicator = \"gongye\"\n[result.townships]\n\"甲镇\" = 8\n\"甲镇\" = 9\n乙镇 = 7\n", []string{
			`5:1: “甲镇”的数值写了两次：每个键只写一次`,
			`6:1: 名称要加英文引号：写作 "乙镇" = 7`,
		}},
		// A header: without it, the scores below would be the result's.
		{MonthFile, "[[result]]\nindicator = \"gongye\"\n【result.townships】\n甲镇 = 8.5\n", []string{
			`3:1: 方括号要用英文的“[”“]”：写作 [result.townships]`,
		}},
		// A bracket left open: the lines below are read into it.
		{IndicatorsFile, "[[indicator]]\nowners = [\"县发改局\"\nname = 规模工业\n", []string{
			`2:17: 数组缺少结尾的“]”`,
		}},
		{MonthFile, many, twenty},
	}
	for _, c := range cases {
		var l diag.List
		if _, _, ok := decodeTOML("f.toml", []byte(c.src), c.form, &l); ok {
			t.Errorf("%q decoded without error", c.src)
			continue
		}
		var got []string
		for _, d := range l {
			got = append(got, fmt.Sprintf("%d:%d: %s", d.Line, d.Col, d.Msg))
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%q:\n got %s\nwant %s", c.src, strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
		}
	}
}
