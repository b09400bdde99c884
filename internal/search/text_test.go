package search

import (
	"testing"
	"unicode"
)

func TestPlainText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"<p>禁毒</p>", "禁毒"},
		// Blocks separate, inline elements join.
		{"<p>第一段。</p>\n<p>第二段。</p>", "第一段。 第二段。"},
		{"<p><strong>（8）优化营商环境。</strong>湘易办</p>", "（8）优化营商环境。湘易办"},
		{"<h3 id=\"x\">一、任务</h3><ol class=\"numbered\"><li>甲</li><li>乙</li></ol>", "一、任务 甲 乙"},
		{"<table><caption>禁毒排名</caption><tr><td>第一</td><th scope=\"row\">桥头街道</th></tr></table>", "禁毒排名 第一 桥头街道"},
		{"行一<br>行二<br/>行三", "行一 行二 行三"},
		// Character references decode, named and numeric; &lt; stays text.
		{"<p>A&amp;B &lt;script&gt; &#x4E2D;&#25991; &ldquo;引号&rdquo;&nbsp;x</p>", "A&B <script> 中文 “引号” x"},
		// White space collapses, including the ideographic space.
		{"  a \n\t b　　c  ", "a b c"},
		// Quoted attributes may hold '>'; comments and scripts are no text.
		{`<a title="a>b" href='c>d'>链接</a>`, "链接"},
		{"前<!-- 注释 <p>x</p> -->后", "前后"},
		{"前<script>var s = '</p>禁毒';</script>后", "前 后"},
		{"前<SCRIPT type=x>禁毒</SCRIPT >后", "前 后"},
		{"<style>p{}</style><svg><text>图</text></svg>正文", "正文"},
		// A picture is its text alternative, apart from the text around it.
		{`<p>见<img src="a.png" alt="2023年1-2月&amp;得分 分布" width="1200">下图</p>`, "见 2023年1-2月&得分 分布 下图"},
		{`<p><IMG ALT='单引号' src=x.png><img alt=无引号 src=y.png/><img src="z.png" alt=""><img title="alt=假" alt="真"></p>`, "单引号 无引号 真"},
		{`<img src="a.png">正文<img alt="未闭合`, "正文"},
		// A '<' that opens no tag is text; unterminated constructs end the text.
		{"1 < 2 <3", "1 < 2 <3"},
		{"文<p class=\"x", "文"},
		{"文<!-- 未闭合", "文"},
		{"<!DOCTYPE html><p>文</p>", "文"},
		// Invalid UTF-8 after valid text: each run of it is one U+FFFD.
		{"<p>甲乙</p>\n<p>丙\xff\xfe丁 \xe4\xb8</p><p>&amp;\xc0</p>", "甲乙 丙\uFFFD丁 \uFFFD &\uFFFD"},
		{"<p>&quot;引号&quot; &#0; &#xD800;</p>", "\"引号\" \uFFFD \uFFFD"},
	}
	for _, c := range cases {
		if got := PlainText(c.in); got != c.want {
			t.Errorf("PlainText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestIsSpace holds isSpace's shortcut to unicode.IsSpace.
func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}

// TestNextSpace holds nextSpace's table of first bytes to unicode.IsSpace,
// for every character.
func TestNextSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := "禁" + string(r) + "毒"
		at, size := nextSpace(s)
		if unicode.IsSpace(r) != (at == len("禁") && size == len(string(r))) {
			t.Fatalf("nextSpace(%q) = %d, %d", s, at, size)
		}
	}
}
