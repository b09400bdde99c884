package markdown

import (
	"reflect"
	"testing"
)

// TestSlips: a Markdown slip that goldmark would publish as text is a
// warning at its place (columns in characters, counted by hand), and
// text written so on purpose is none.
func TestSlips(t *testing.T) {
	const (
		unpaired = "这个“**”在本段中没有配对的“**”，会照原样显示：加粗的文字两边各写一个“**”，而且要在同一段内"
	)
	tests := []struct {
		name, in string
		warnings []string
	}{
		{
			name:     "no blank after the #s",
			in:       "##二、督查发现问题情况\n",
			warnings: []string{"1:1: 警告：“##”后要有一个空格才是标题（写作“## 二、督查发现问题情况”）"},
		},
		{
			name:     "three #s after a paragraph",
			in:       "正文。\n\n###（一）标题\n",
			warnings: []string{"3:1: 警告：“###”后要有一个空格才是标题（写作“### （一）标题”）"},
		},
		{
			name:     "in a list item and a quote",
			in:       "- ##列表里\n\n> #引用里\n",
			warnings: []string{"1:3: 警告：“##”后要有一个空格才是标题（写作“## 列表里”）", "3:3: 警告：“#”后要有一个空格才是标题（写作“# 引用里”）"},
		},
		{
			name:     "a line within a paragraph",
			in:       "正文。\n##二、问题\n",
			warnings: []string{"2:1: 警告：“##”后要有一个空格才是标题（写作“## 二、问题”）"},
		},
		{
			name:     "bold not closed, after an indent of full-width spaces",
			in:       "　　**（一）项目推进工作短板明显。一是部分项目欠账较多。\n",
			warnings: []string{"1:3: 警告：" + unpaired},
		},
		{
			name:     "closed in the next paragraph",
			in:       "**（一）项目推进工作短板明显。\n\n二是……。**三是\n",
			warnings: []string{"1:1: 警告：" + unpaired, "3:6: 警告：" + unpaired},
		},
		{
			name:     "two masked names paired into bold",
			in:       "对张**同志、李**同志进行约谈。\n\n王**，赵**同志\n",
			warnings: []string{"1:3: 警告：这两处“**”配成了加粗：“同志、李”会加粗显示，两处星号都不显示；如果是隐去的姓名，星号写作“\\*”（如“张\\*\\*”）"},
		},
		{
			// 张** before 、 opens nothing, but 李** pairs with 王**.
			name:     "three masked names, the last two paired",
			in:       "对张**、李**进行约谈，王**同志\n",
			warnings: []string{"1:7: 警告：这两处“**”配成了加粗：“进行约谈，王”会加粗显示，两处星号都不显示；如果是隐去的姓名，星号写作“\\*”（如“张\\*\\*”）"},
		},
		{
			name:     "before an opening bracket",
			in:       "前文**（一）项目\n",
			warnings: []string{"1:3: 警告：" + unpaired},
		},
		{
			name:     "in a heading",
			in:       "## **（一）标题\n",
			warnings: []string{"1:4: 警告：" + unpaired},
		},
		{
			name:     "three stars, none used",
			in:       "***（一）项目\n",
			warnings: []string{"1:1: 警告：这个“***”在本段中没有配对的“***”，会照原样显示：加粗的文字两边各写一个“**”，而且要在同一段内"},
		},
		// A run between letters or after a blank is left alone where
		// the line pairs it (a ** b ** c is no slip this check knows);
		// alone on its line, it opened bold that nothing closes.
		{
			name:     "unpaired after a Latin word",
			in:       "GDP**增长较快，PPI 回落\n",
			warnings: []string{"1:4: 警告：" + unpaired},
		},
		{
			name:     "bold opened with a blank after it",
			in:       "** 加强项目调度**\n",
			warnings: []string{"1:1: 警告：这个“**”之后有空格，不能开始加粗，会照原样显示：“**”与要加粗的文字之间不空格"},
		},
		{
			name:     "__ not closed",
			in:       "__（一）项目推进工作短板明显。\n",
			warnings: []string{"1:1: 警告：这个“__”在本段中没有配对的“__”，会照原样显示：加粗的文字两边各写一个“**”，而且要在同一段内"},
		},
		{
			name:     "__ after a Latin word, one of three",
			in:       "见 GDP__增长 与 __甲__\n",
			warnings: []string{"1:6: 警告：这个“__”在本段中没有配对的“__”，会照原样显示：加粗的文字两边各写一个“**”，而且要在同一段内"},
		},
		{
			name:     "footnote not defined",
			in:       "申报通过率偏低[^1]。\n",
			warnings: []string{"1:8: 警告：脚注“[^1]”没有定义，会照原样显示：在正文末尾另起一段，写“[^1]: 注释的内容”"},
		},
		{
			name: "footnote defined with a full-width colon",
			in:   "正文[^注]。\n\n[^注]：说明\n",
			warnings: []string{
				"1:3: 警告：脚注“[^注]”没有定义，会照原样显示：在正文末尾另起一段，写“[^注]: 注释的内容”",
				"3:1: 警告：脚注定义“[^注]：”的冒号要用半角（写作“[^注]: …”），否则不是定义，会照原样显示",
			},
		},
		{
			name:     "delimiter row narrower than the header",
			in:       "| 单位 | 得分 | 排名 |\n|---|---|\n| 甲 | 1 | 2 |\n",
			warnings: []string{"2:1: 警告：表格的分隔行只有 2 格，表头有 3 格，整张表格会显示为文字：分隔行要与表头的格数相同"},
		},
		{
			name:     "without outer pipes, indented, after text",
			in:       "表一\n单位 | 得分 | 排名\n  --- | ---\n",
			warnings: []string{"3:3: 警告：表格的分隔行只有 2 格，表头有 3 格，整张表格会显示为文字：分隔行要与表头的格数相同"},
		},
		{
			name:     "a row wider than the header",
			in:       "| 单位 | 得分 | 排名 |\n|---|---|---|\n| 甲 | 1 | 2 | 多余 |\n",
			warnings: []string{"3:15: 警告：表格这一行有 4 格，表头只有 3 格，多出的“多余”不会显示"},
		},
		{
			// Its last | escaped: a cell's text, not the row's end.
			name:     "a row wider, ending in an escaped pipe",
			in:       "| 单位 | 得分 |\n|---|---|\n| 甲 | 1 | 2 \\|\n",
			warnings: []string{"3:11: 警告：表格这一行有 3 格，表头只有 2 格，多出的“2 \\”不会显示"},
		},
		{
			name:     "two cells more, in a quote",
			in:       "> | 单位 | 得分 |\n> | :-- | --: |\n> | 甲 | 1 | 2 | 3 |\n",
			warnings: []string{"3:13: 警告：表格这一行有 4 格，表头只有 2 格，多出的“2”、“3”不会显示"},
		},

		// Written so on purpose.
		{name: "headings", in: "# 标题\n\n#\n\n## 二、问题 ##\n"},
		{name: "seven #s: no heading either way", in: "#######七\n"},
		{name: "an escaped #", in: "\\##不是标题\n"},
		{name: "# within a line", in: "C# 与 F#，第#1号\n"},
		{name: "fenced code", in: "```\n##代码\n**x\n[^1]\n| a | b |\n|---|\n```\n"},
		{name: "indented code", in: "    ##代码 **x [^1]\n"},
		{name: "code spans", in: "写作 `**x`、`[^1]` 和 `##x`。\n"},
		{name: "a code span across lines", in: "见 `甲\n##乙` 处\n"},
		{name: "bold closed", in: "**（一）项目推进工作短板明显。**一是……\n\n***甲***\n"},
		{name: "stars between letters and digits", in: "2**3 等于 8，a**b 亦然，20**年\n"},
		{name: "a name masked", in: "对张**、李**进行约谈。\n\n王**同志\n"},
		{name: "bold on purpose, names within", in: "对**甲镇、乙镇**进行约谈，要**高度重视**安全，**（一）、二**\n"},
		// Offices mask names and numbers with stars: a run right after a
		// Han character, or after a digit, is a mask, whatever follows
		// (a bracket too, unless it opens a heading's number: 前文**（一）).
		{name: "names masked, odd on the line", in: "李*、欧阳**同志\n"},
		{name: "a name masked before a bracket", in: "对王**（区住建局干部）进行约谈\n"},
		{name: "numbers masked", in: "电话138****5678\n\n身份证号430521**********1234，车牌湘E**\n"},
		{name: "underscores to fill in, and in names", in: "姓名：________ 单位：______\n\nfile_name 与 a__b、x__\n"},
		{name: "underscores masked", in: "王__同志\n"},
		{name: "stars between blanks", in: "a ** b\n"},
		{name: "escaped stars", in: "\\*\\*不是加粗\\*\\* 与 \\**x\n"},
		{name: "footnote defined", in: "正文[^1]。\n\n[^1]: 说明\n"},
		{name: "[^ in a link's destination", in: "见[说明](http://x/[^1])。\n"},
		{name: "an escaped [", in: "写作 \\[^1]。\n"},
		{name: "a pipe in prose", in: "甲 | 乙\n丙 | 丁\n"},
		{name: "a row with fewer cells, one with an empty extra cell", in: "| 单位 | 得分 | 排名 |\n|---|---|---|\n| 乙 | 1 |\n| 丙 | 1 | 2 | |\n"},
		{name: "a header narrower than its delimiter row: filled", in: "| 单位 | 得分 |\n|---|---|---|\n| 甲 | 1 | 2 |\n"},
		{name: "an escaped pipe in a cell", in: "| 单位 | 说明 |\n|---|---|\n| 甲 | `a\\|b` |\n"},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := c.Convert([]byte(tt.in), echo)
			var got []string
			for _, e := range errs {
				if !e.Warning {
					t.Errorf("error %v is no warning", e)
				}
				got = append(got, e.Error())
			}
			if !reflect.DeepEqual(got, tt.warnings) {
				t.Errorf("warnings\n got %q\nwant %q", got, tt.warnings)
			}
		})
	}
}
