package search

import (
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The tests of search.js's reading of pages (index format 11): the text
// of a stretch of a page's HTML (htmlText, which must be PlainText's),
// the rows of the documents table, and the stretches of pages fetched for
// the snippets. Their indexes are written by hand, the rows and the pages
// as the index's Go side writes them from version 11, or made so from
// the files Go writes (toVersion11).

// htmlCases are fragments whose text search.js's htmlText must read as
// PlainText does.
var htmlCases = []string{
	"",
	"<p>禁毒工作</p><p>安全生产</p>",
	"<h2 id=\"一总体情况\">一、总体情况</h2>\n<p>全区<strong>（8）优化营商环境。</strong>湘易办</p>",
	"<table>\n<thead>\n<tr>\n<th>单位</th>\n<th style=\"text-align:right\">得分</th>\n</tr>\n</thead>\n<tbody>\n<tr><td class=\"unit\">甲乡</td><td>95.5</td></tr><tr><td>乙镇</td><td>90</td></tr>\n</tbody>\n</table>",
	"<ul>\n<li>第一项</li>\n<li>第二<em>项</em></li>\n</ul><ol start=\"3\"><li><p>嵌套</p></li></ol>",
	"甲<br>乙<br/>丙<hr />丁<wbr>戊",
	"<a href=\"/circulars/2023/14/\">双政办函〔2023〕14号</a>文件<sup>1</sup>",
	"<span>禁</span><span>毒</span> <b>Hello</b><i>world</i>",
	"<p>图：<img src=\"chart.png\" alt=\"2023年1-2月各乡镇得分分布\">如上</p>",
	"<img src=x alt=未加引号>后<IMG ALT='大写' />后<img alt=\"&lt;图&gt;&amp;\">后<img src=\"b.png\">后<img/alt=斜杠>后</img>",
	"<img alt=\"未闭合",
	"<p>a&amp;b &lt;p&gt;不是标签&lt;/p&gt; &quot;引&quot; &#39;单&#39; &#34;双&#34; &#43;加</p>",
	"&nbsp;前&nbsp;&nbsp;后&#160;&#12288;全角&ensp;半",
	"&copy;&reg;&trade;&hellip;&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;&middot;&times;&divide;&deg;&plusmn;&yen;&apos;",
	"&copy2023 &amp &ampx; &notit; &AMP; &COPY; &Aacute;&aacute &frac12;",
	"&#x4E2D;&#20013;&#X4e2d;&#128;&#150;&#0;&#xD800;&#x110000;&#4294967360;&#x;&#1x &#12 &#;&#a;&#",
	"&unknownref; &xyz &; & &&amp;",
	"<!-- 注释 <p>不是文字</p> -->甲<!---->乙<!-->丙",
	"<!DOCTYPE html><?xml version=\"1.0\"?>正文<![CDATA[x]]>",
	"<script>var s = \"<p>不是文字</p>\";</script>甲<style>p > a { color: red }</style>乙",
	"<svg viewBox=\"0 0 10 10\"><text x=\"1\">图中文字</text></svg>后<SVG><title>标题</title></SVG>后",
	"<noscript>无脚本</noscript><template><p>模板</p></template><textarea>文本框</textarea><title>题</title>正文",
	"<script>不闭合的脚本",
	"<script>a</scriptx>b</script>c",
	"  \n\t前后空白\r\n  ",
	"中间\u3000\u3000全角\u00a0不换行\u2028行\u0085下一行\ufeff零宽",
	"Latin  words\tand  中文混排 PM2.5 浓度",
	"a < b > c <1 <中> </ p> </> <",
	"<a href=\"x\" title='a>b'>链接</a><p class=\"a\"data-x=\"y\">无空格属性</p>",
	"<P>大写标签</P><TD>格</TD><Strong>粗</Strong>体",
	"<p\x00>空字符</p>",
	"<p\v>竖直制表</p>",
}

// TestJSHTMLText: search.js's htmlText reads every fragment of
// htmlCases, whole, as PlainText does, and every element whose class Go
// knows (inline, skipped, an image) as Go does, by its name in either
// case.
func TestJSHTMLText(t *testing.T) {
	in := slices.Clone(htmlCases)
	names := []string{"p", "div", "td", "li", "h2", "section", "unknown", "strongest"}
	for _, e := range tagClasses {
		if e.name == 0 {
			continue
		}
		var name []byte
		for p := e.name; p != 0; p >>= 8 {
			name = append([]byte{byte(p)}, name...)
		}
		names = append(names, string(name))
	}
	for _, n := range names {
		for _, n := range []string{n, strings.ToUpper(n)} {
			in = append(in, "甲<"+n+" alt=\"替代\">乙</"+n+">丙 <"+n+">丁</"+n+" >戊")
		}
	}
	var got []string
	runJS(t, `print(input.map((f) => s.htmlText(f, false, false)));`, nil, in, &got)
	if len(got) != len(in) {
		t.Fatalf("%d texts for %d fragments", len(got), len(in))
	}
	for i, f := range in {
		if want := PlainText(f); got[i] != want {
			t.Errorf("htmlText(%q):\n search.js %q\n Go        %q", f, got[i], want)
		}
	}
}

// htmlPieces make the random fragments of the tests below: markup as
// goldmark and the shortcodes write it (text escaped, attribute values
// quoted), plain text, white space and character references, complete.
var htmlPieces = []string{
	"<p>", "</p>", "<P class=\"a\">", "<br>", "<br/>", "<hr />", "<div>", "</div>", "<h2 id=\"x\">", "</h2>",
	"<table>", "<tr>", "<td class=\"unit\">", "</td>", "<th scope=col>", "</th>", "</tr>", "</table>",
	"<ul>", "<li>", "</li>", "</ul>", "<ol start=\"3\">", "</ol>",
	"<strong>", "</strong>", "<em>", "</em>", "<a href=\"/x?a=1&amp;b=2\" title=\"说明\">", "</a>", "<span>", "</span>", "<sup>", "</sup>", "<code>", "</code>", "<wbr>",
	"<img alt=\"图表说明\" src=\"a.png\">", "<img src=x alt=未加引号>", "<IMG ALT='大写' />", "<img alt=\"&lt;图&gt;&amp;\">", "<img src=\"b.png\">",
	"<!-- 注释 <p>不是文字</p> -->", "<!---->", "<!DOCTYPE html>", "<?xml version=\"1.0\"?>",
	"<script>var s = \"<p>不是文字</p>\";</script>", "<style>p > a { color: red }</style>", "<svg viewBox=\"0 0 10 10\"><text x=\"1\">图中文字</text></svg>",
	"<SVG><title>标题</title></SVG>", "<noscript>无脚本</noscript>", "<template><p>模板</p></template>",
	"甲乡", "东风路街道", "禁毒工作", "安全生产", "（1）", "2023年1-2月", "PM2.5", "Hello", "world", "95.5", "𠀀字",
	" ", "  ", "\n", "\t", "\u3000", "\u00a0", "\r\n  ",
	"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#34;", "&#43;", "&apos;", "&nbsp;", "&copy;", "&reg;", "&trade;", "&hellip;",
	"&mdash;", "&ndash;", "&lsquo;", "&rsquo;", "&ldquo;", "&rdquo;", "&middot;", "&times;", "&divide;", "&deg;", "&plusmn;", "&yen;",
	"&#x4E2D;", "&#20013;", "&#12288;", "&#160;", "&#128;", "&#0;", "&#xD800;", "&#x110000;", "&#4294967360;", "&#x;",
	"&unknownref;", "&lt;p&gt;不是标签&lt;/p&gt;",
}

// rawPieces are what a page may hold that goldmark does not write: '<',
// '>' and '&' as text, references without their semicolons and with
// Go's quirks, a '>' within a quoted value, odd tags.
var rawPieces = []string{
	"<", " < ", ">", "a<b", "<1", "</", "</ p>", "<中>", "&", "&#", "&;", "&#12", "&#1x", "&copy", "&amp", "&notit;", "&AMP;",
	"<a title='a>b'>", "<p\x00>", "<!-->", "<script>不闭合",
}

// randomFragment is a fragment of 1 to 40 pieces drawn from pieces, and
// where each piece begins in it (and its length, last).
func randomFragment(rng *rand.Rand, pieces []string) (string, []int) {
	var b strings.Builder
	var at []int
	for range 1 + rng.IntN(40) {
		at = append(at, b.Len())
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String(), append(at, b.Len())
}

// TestJSHTMLTextRandom: htmlText reads 500 random fragments, whole, as
// PlainText does.
func TestJSHTMLTextRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 11))
	pieces := slices.Concat(htmlPieces, rawPieces)
	var in []string
	for range 500 {
		f, _ := randomFragment(rng, pieces)
		in = append(in, f)
	}
	var got []string
	runJS(t, `print(input.map((f) => s.htmlText(f, false, false)));`, nil, in, &got)
	if len(got) != len(in) {
		t.Fatalf("%d texts for %d fragments", len(got), len(in))
	}
	bad := 0
	for i, f := range in {
		if want := PlainText(f); got[i] != want {
			if bad++; bad <= 10 {
				t.Errorf("htmlText(%q):\n search.js %q\n Go        %q", f, got[i], want)
			}
		}
	}
	if bad > 10 {
		t.Errorf("… %d fragments in all read otherwise than Go reads them", bad)
	}
}

// TestJSHTMLTextCut: what a cut leaves of a tag, a reference, a comment
// or an element whose content is no text is left out; the rest is read
// as PlainText reads it. By hand.
func TestJSHTMLTextCut(t *testing.T) {
	cases := []struct {
		html             string
		cutStart, cutEnd bool
		want             string
	}{
		{`ss="x">甲乡</td><td>乙`, true, false, "甲乡 乙"},
		{`mp;乙`, true, false, "乙"},
		{`#39;乙`, true, false, "乙"},
		{`x4E2D;乙`, true, false, "乙"},
		{`;乙`, true, false, "乙"},
		{`甲<sp`, false, true, "甲"},
		{`甲</td`, false, true, "甲"},
		{`甲<`, false, true, "甲"},
		{`甲&am`, false, true, "甲"},
		{`甲&#3`, false, true, "甲"},
		{`甲&`, false, true, "甲"},
		{`甲<img alt="图表说`, false, true, "甲"},
		{`甲<img alt=图表说`, false, true, "甲"},
		// Whole at the cut: as Go reads it.
		{`甲&amp;<b>乙</b>`, true, true, "甲&乙"},
		{`<td>甲</td><td>乙</td>`, true, true, "甲 乙"},
		{`甲<br>`, false, true, "甲"},
		// Not cut where the text begins or ends: as Go reads it.
		{`mp;乙`, false, false, "mp;乙"},
		{`甲&am`, false, false, "甲&am"},
		{`甲<`, false, false, "甲<"},
		// Begun within a comment or a chart: nothing of it.
		{`释 <p>不是文字</p> -->甲<!-- 又 -->乙`, true, false, "甲乙"},
		{`ext x="1">图中文字</text></svg>甲<svg><text>又</text></svg>乙`, true, false, "甲 乙"},
		{`vg viewBox="0 0 10 10"><text>图中文字</text></SVG>甲`, true, false, "甲"},
		{`.a > b { color: red }</style>甲`, true, false, "甲"},
		{`ipt>var s = "<p>不</p>";</script>甲`, true, false, "甲"},
		{`<svg><title>题</title></svg>甲`, true, false, "甲"},
		// Begun within the end tag of one.
		{`script>甲`, true, false, "甲"},
		// Ended within one: nothing of it.
		{`甲<svg><text>图中`, false, true, "甲"},
		{`甲<!-- 注`, false, true, "甲"},
	}
	var in [][]any
	for _, c := range cases {
		in = append(in, []any{c.html, c.cutStart, c.cutEnd})
	}
	var got []string
	runJS(t, `print(input.map(([h, a, b]) => s.htmlText(h, a, b)));`, nil, in, &got)
	if len(got) != len(cases) {
		t.Fatalf("%d texts for %d stretches", len(got), len(cases))
	}
	for i, c := range cases {
		if got[i] != c.want {
			t.Errorf("htmlText(%q, %v, %v) = %q, want %q", c.html, c.cutStart, c.cutEnd, got[i], c.want)
		}
	}
}

// TestJSHTMLTextCutRandom cuts random fragments of htmlPieces (what
// goldmark writes) at random characters: the text of every stretch is a
// stretch of the whole's text, as PlainText reads it (nothing of a tag,
// a reference, a comment or a chart is shown as text), unless it is
// wholly within one tag or reference, or begins in a comment or a chart
// that it does not leave, which no snippet's stretch does (hundreds of
// bytes, holding the query's words, which are in none of them). Cut
// between pieces, the text is PlainText's of the stretch.
func TestJSHTMLTextCutRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 12))
	type cut struct {
		Whole string
		HTML  string
		Start bool
		End   bool
		Exact bool // cut between pieces
	}
	var cuts []cut
	for len(cuts) < 1200 {
		f, at := randomFragment(rng, htmlPieces)
		var runes []int // where each character begins, and the end
		for i := range f {
			runes = append(runes, i)
		}
		runes = append(runes, len(f))
		exact := len(cuts)%3 == 0
		var a, b int
		if exact {
			i := rng.IntN(len(at))
			j := i + rng.IntN(len(at)-i)
			a, b = at[i], at[j]
		} else {
			i := rng.IntN(len(runes))
			j := i + rng.IntN(len(runes)-i)
			a, b = runes[i], runes[j]
		}
		// Not begun within a piece of markup, a comment or a chart that
		// the stretch does not leave.
		inside := false
		for k := 0; k+1 < len(at); k++ {
			p := f[at[k]:at[k+1]]
			if strings.ContainsAny(p, "<&") && at[k] < a && a < at[k+1] && b < at[k+1] {
				inside = true
			}
		}
		if inside || a == b {
			continue
		}
		cuts = append(cuts, cut{f, f[a:b], a > 0, b < len(f), exact})
	}
	var got []string
	runJS(t, `print(input.map((c) => s.htmlText(c.HTML, c.Start, c.End)));`, nil, cuts, &got)
	if len(got) != len(cuts) {
		t.Fatalf("%d texts for %d stretches", len(got), len(cuts))
	}
	bad, texts := 0, 0
	for i, c := range cuts {
		whole := PlainText(c.Whole)
		ok := strings.Contains(whole, got[i])
		if c.Exact {
			ok = got[i] == PlainText(c.HTML)
		}
		if got[i] != "" {
			texts++
		}
		if !ok {
			if bad++; bad <= 10 {
				t.Errorf("htmlText(%q, %v, %v) = %q (exact %v), cut from %q, whose text is %q", c.HTML, c.Start, c.End, got[i], c.Exact, c.Whole, whole)
			}
		}
	}
	if bad > 10 {
		t.Errorf("… %d stretches in all", bad)
	}
	if texts < len(cuts)/2 {
		t.Errorf("only %d of %d stretches have text: the test tests little", texts, len(cuts))
	}
}

// TestJSNamedRefs: each named reference search.js decodes, it decodes as
// Go's html.UnescapeString does, with its semicolon and, for those that
// may go without, without it; it knows those goldmark and html/template
// write and the common ones a writer types, and leaves an unknown one as
// written.
func TestJSNamedRefs(t *testing.T) {
	var names []string
	runJS(t, `print(Array.from(s.namedRefs().keys()));`, nil, nil, &names)
	for _, want := range strings.Fields("amp; lt; gt; quot; apos; nbsp; copy; reg; trade; hellip; mdash; ndash; lsquo; rsquo; ldquo; rdquo; middot; times; divide; deg; plusmn; yen;") {
		if !slices.Contains(names, want) {
			t.Errorf("search.js does not decode &%s", want)
		}
	}
	// Each in a text, and without its semicolon before a letter, where Go
	// decodes the longest name it knows without one.
	var in []string
	for _, n := range names {
		in = append(in, "甲&"+n+"乙", "甲&"+strings.TrimSuffix(n, ";")+"x;乙")
	}
	in = append(in, "甲&unknownref;乙")
	var got []string
	runJS(t, `print(input.map((f) => s.htmlText(f, false, false)));`, nil, in, &got)
	for i, f := range in {
		if want := PlainText(f); got[i] != want {
			t.Errorf("htmlText(%q): search.js %q, Go %q", f, got[i], want)
		}
	}
	if len(names) < 100 {
		t.Errorf("search.js knows %d names", len(names))
	}
	if got[len(got)-1] != "甲&unknownref;乙" {
		t.Errorf("an unknown reference reads %q", got[len(got)-1])
	}
}

// pageFiles are the files of a hand-made index of version 11: the
// manifest, one page of the documents table holding rows, and pages, by
// their paths.
func pageFiles(t *testing.T, rows []any, pages map[string]string) map[string][]byte {
	t.Helper()
	table, err := json.Marshal(rows)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"search-index.json":        fmt.Appendf(nil, `{"v":11,"docs":%d,"shards":"00000000","big":{},"pages":"0000abcd","pageDocs":16,"years":[],"variants":""}`, len(rows)),
		"search/d/0.0000abcd.json": table,
	}
	for p, html := range pages {
		files[p] = []byte(html)
	}
	return files
}

// The pages of TestJSPageText and TestJSPageSnippet: a long circular whose
// 禁毒 stands in a table near its end, its fragment between the site's
// header and footer; and a short page whose row runs past its end (the
// index read an attachment's line that the page shows elsewhere).
var (
	pageHead = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><title>长页 – 站点</title><style>p{margin:0}</style></head>\n" +
		"<body><header><nav><a href=\"/\">首页</a></nav></header><main><article class=\"content\">\n"
	pageFoot = "\n</article></main><footer>页脚文字</footer></body></html>\n"
	longFrag = "<h2 id=\"一总体情况\">一、总体情况</h2>\n" +
		strings.Repeat("<p>各乡镇街道认真落实工作部署，<strong>成效明显</strong>。</p>\n", 30) +
		"<table>\n<thead>\n<tr><th>单位</th><th style=\"text-align:right\">得分</th></tr>\n</thead>\n<tbody>\n" +
		strings.Repeat("<tr><td class=\"unit\">甲乡</td><td style=\"text-align:right\">95.5</td></tr>\n", 20) +
		"<tr><td class=\"unit\">东风路街道</td><td style=\"text-align:right\">禁毒宣传&amp;教育 98.5</td></tr>\n" +
		strings.Repeat("<tr><td class=\"unit\">乙镇</td><td style=\"text-align:right\">90</td></tr>\n", 3) +
		"</tbody>\n</table>\n<p>附注：&lt;p&gt;不是标签。</p>"
	shortHead  = "<!DOCTYPE html><html><body><main>"
	shortFrag  = "<p>短文禁毒工作。</p>"
	shortExtra = "<p>附件：禁毒宣传材料</p>"
	unitText   = "东风路街道历次综合考核排名和各单项指标排名"
)

// pageRows are the rows of the documents table for the pages above: 0
// the long circular, 1 a unit's page with its text inline, 2 a circular
// whose HTML the index could not locate, 3 the short page.
func pageRows() []any {
	return []any{
		[]any{"c", "关于禁毒工作的通报", "circulars/2023/14/", "2023-04-03", "双政办函〔2023〕14号", len(pageHead), len(longFrag)},
		[]any{"u", "东风路街道历次考核排名", "units/dongfenglu/", "", "", unitText},
		[]any{"c", "无正文的通报", "circulars/2023/15/", "2023-05-03", "双政办函〔2023〕15号", 0, 0},
		[]any{"p", "短页", "short/", "", "", len(shortHead), len(shortFrag) + len(shortExtra)},
	}
}

func pagePages() map[string]string {
	return map[string]string{
		"circulars/2023/14/index.html": pageHead + longFrag + pageFoot,
		"short/index.html":             shortHead + shortFrag, // its end: no closing tags
	}
}

// TestJSPageText: a row of seven elements says where its HTML lies in its
// page, one of six holds its text; Index.text reads a stretch of either
// in the document's own bytes, cut to whole characters, the HTML as text
// without what the cut leaves of a tag or a reference; past the page's
// end, what is there.
func TestJSPageText(t *testing.T) {
	files := pageFiles(t, pageRows(), pagePages())
	at := func(s string) int {
		i := strings.Index(longFrag, s)
		if i < 0 {
			t.Fatalf("%q is not in the fragment", s)
		}
		return i
	}
	type stretch struct {
		Doc, From, To int
	}
	cases := []struct {
		s    stretch
		want string
	}{
		// Within a tag, to within a reference.
		{stretch{0, at(`unit">东风路`) + 2, at("&amp;教育") + 3}, "{东风路街道 禁毒宣传 false false}"},
		// Within a character, to within a character.
		{stretch{0, at("东风路街道") + 1, at("禁毒宣传") + 4}, "{风路街道 禁 false false}"},
		// Within the attribute of a tag, to within a tag.
		{stretch{0, at(`right">禁毒`) - 3, at(`</td></tr>`+"\n"+`<tr><td class="unit">乙镇`) + 3}, "{禁毒宣传&教育 98.5 false false}"},
		// From the start, to the end.
		{stretch{0, -5, 60}, "{一、总体情况 各乡 true false}"},
		{stretch{0, at("附注") - 3, 1 << 20}, "{附注：<p>不是标签。 false true}"},
		// Inline: its bytes, cut to whole characters (三 bytes each).
		{stretch{1, 4, 10}, "{路 false false}"},
		{stretch{1, 0, 1 << 20}, "{" + unitText + " true true}"},
		// Past the page's end: what is there, or nothing.
		{stretch{3, 0, 1 << 20}, "{短文禁毒工作。 true true}"},
		{stretch{3, len(shortFrag) + 3, 1 << 20}, "{ false true}"},
	}
	var in []stretch
	for _, c := range cases {
		in = append(in, c.s)
	}
	var got struct {
		Docs  []map[string]any
		Texts []struct {
			Text           string
			AtStart, AtEnd bool
		}
		Ranges [][]any
	}
	runJS(t, `
const ranges = [];
const counting = {...net, range: (p, a, b) => { ranges.push([p, a, b]); return net.range(p, a, b); }};
const x = new s.Index(JSON.parse(fs.readFileSync(path.join(dir, "search-index.json"), "utf8")), counting);
const docs = [];
for (let id = 0; id < 4; id++) docs.push(await x.doc(id));
const texts = [];
for (const c of input) {
  const t = await x.text(docs[c.Doc], c.From, c.To);
  texts.push({Text: t.text, AtStart: t.atStart, AtEnd: t.atEnd});
}
print({Docs: docs, Texts: texts, Ranges: ranges});`, files, in, &got)
	wantDocs := []string{
		fmt.Sprintf("map[date:2023-04-03 id:0 kind:c length:%d number:双政办函〔2023〕14号 offset:%d title:关于禁毒工作的通报 url:circulars/2023/14/]", len(longFrag), len(pageHead)),
		fmt.Sprintf("map[date: id:1 kind:u length:%d number: offset:0 text:%s title:东风路街道历次考核排名 url:units/dongfenglu/]", len(unitText), unitText),
		"map[date:2023-05-03 id:2 kind:c length:0 number:双政办函〔2023〕15号 offset:0 title:无正文的通报 url:circulars/2023/15/]",
		fmt.Sprintf("map[date: id:3 kind:p length:%d number: offset:%d title:短页 url:short/]", len(shortFrag)+len(shortExtra), len(shortHead)),
	}
	wantEach(t, got.Docs, wantDocs, nil)
	if len(got.Texts) != len(cases) {
		t.Fatalf("%d texts for %d stretches", len(got.Texts), len(cases))
	}
	for i, c := range cases {
		if g := fmt.Sprint(got.Texts[i]); g != c.want {
			t.Errorf("text(%+v) = %s, want %s", c.s, g, c.want)
		}
	}
	// The HTML's stretches are fetched from the page, where its fragment
	// lies: the first from the page's start plus its offset; inline text
	// is not fetched.
	if len(got.Ranges) != 7 {
		t.Fatalf("fetched %v; want 7 stretches", got.Ranges)
	}
	if g, want := fmt.Sprint(got.Ranges[0]), fmt.Sprint([]any{"circulars/2023/14/", len(pageHead) + at(`unit">东风路`) + 2, len(pageHead) + at("&amp;教育") + 3}); g != want {
		t.Errorf("the first stretch fetched is %s, want %s", g, want)
	}
}

// TestJSPageSnippet: the snippet of a document whose term occurs late in
// its page is that stretch of the page's text, fetched alone; a title
// match shows the page's opening; a row of six elements has its snippet
// from its text; one of length 0 has none and fetches nothing; a page
// shorter than its row gives the text that is there, and a stretch past
// its end no snippet.
func TestJSPageSnippet(t *testing.T) {
	files := pageFiles(t, pageRows(), pagePages())
	// The places are sixteenths of each document's bytes, as the index
	// gives them.
	place := func(text, term string) int {
		i := strings.Index(text, term)
		if i < 0 {
			t.Fatalf("%q is not in %q", term, text)
		}
		return i * 16 / len(text)
	}
	type ask struct {
		Q     string
		Doc   int
		Place int // -1: the text does not hold it
	}
	asks := []ask{
		{"禁毒", 0, place(longFrag, "禁毒")},
		{"通报", 0, -1},
		{"综合考核", 1, place(unitText, "综合考核")},
		{"禁毒", 2, 0},
		{"禁毒", 3, place(shortFrag+shortExtra, "禁毒")},
		{"宣传材料", 3, place(shortFrag+shortExtra, "宣传材料")},
	}
	if asks[0].Place < 12 {
		t.Fatalf("禁毒 is in the %dth sixteenth of the fragment; the test wants it late", asks[0].Place)
	}
	var got []struct {
		Snippet *string
		Ranges  [][]any
	}
	runJS(t, `
const out = [];
for (const a of input) {
  const ranges = [];
  const counting = {...net, range: (p, from, to) => { ranges.push([p, from, to]); return net.range(p, from, to); }};
  const x = new s.Index(JSON.parse(fs.readFileSync(path.join(dir, "search-index.json"), "utf8")), counting);
  const q = s.parseQuery(a.Q);
  const postings = new Map();
  if (a.Place >= 0) {
    postings.set(q.terms[0], {rank: (d) => (d === a.Doc ? 0 : -1), place: () => a.Place});
  }
  const found = {query: q, postings: postings, exact: [], complete: [a.Doc], partial: []};
  const d = await x.doc(a.Doc);
  const pieces = await s.snippetOf(x, d, found);
  out.push({Snippet: pieces && pieces.map((p) => (p.mark ? "[" + p.text + "]" : p.text)).join(""), Ranges: ranges});
}
print(out);`, files, asks, &got)
	if len(got) != len(asks) {
		t.Fatalf("%d snippets for %d queries", len(got), len(asks))
	}
	snippet := func(i int) string {
		if got[i].Snippet == nil {
			return "<none>"
		}
		return *got[i].Snippet
	}
	// 禁毒, late: the table's rows around it, from the page, to the
	// fragment's end, its references decoded, nothing of its tags or the
	// page's chrome; fetched as one stretch of the fragment, not the page.
	s0 := snippet(0)
	if !strings.Contains(s0, "乡 95.5 东风路街道 [禁毒]宣传&教育 98.5 乙镇 90") || !strings.HasPrefix(s0, "…") || !strings.HasSuffix(s0, "附注：<p>不是标签。") {
		t.Errorf("the snippet of 禁毒 is %q", s0)
	}
	for _, no := range []string{"td", "&amp;", "&lt;", "class", "right", "页脚", "首页", "总体情况"} {
		if strings.Contains(s0, no) {
			t.Errorf("the snippet of 禁毒 holds %q: %q", no, s0)
		}
	}
	if r := got[0].Ranges; len(r) != 1 || r[0][0] != "circulars/2023/14/" || int(r[0][1].(float64)) <= len(pageHead) || int(r[0][2].(float64)) > len(pageHead)+len(longFrag) ||
		int(r[0][2].(float64)-r[0][1].(float64)) > len(longFrag)/2 {
		t.Errorf("the snippet of 禁毒 fetched %v; want one stretch of the fragment (%d bytes at %d)", r, len(longFrag), len(pageHead))
	}
	// A title match: the page's opening.
	if s1 := snippet(1); !strings.HasPrefix(s1, "一、总体情况 各乡镇街道认真落实工作部署，成效明显。 各乡镇街道") || !strings.HasSuffix(s1, "…") {
		t.Errorf("the snippet of 通报 (the title) is %q; want the page's opening", s1)
	}
	// Inline text, whole.
	if s2 := snippet(2); s2 != "东风路街道历次[综合考核]排名和各单项指标排名" {
		t.Errorf("the unit page's snippet is %q", s2)
	}
	if got[2].Ranges == nil || len(got[2].Ranges) != 0 {
		t.Errorf("the unit page's snippet fetched %v", got[2].Ranges)
	}
	// Length 0: no snippet, nothing fetched.
	if got[3].Snippet != nil || len(got[3].Ranges) != 0 {
		t.Errorf("the row of length 0 has the snippet %q, fetched %v; want none", snippet(3), got[3].Ranges)
	}
	// Past the page's end: the text that is there.
	if s4 := snippet(4); s4 != "短文[禁毒]工作。" {
		t.Errorf("the short page's snippet is %q", s4)
	}
	if s5 := snippet(5); s5 != "短文禁毒工作。" {
		t.Errorf("the short page's snippet for its attachment's line is %q", s5)
	}
}

// TestJSPageSnippetPastEnd: a snippet whose whole stretch lies past the
// page's end (its place in the attachment's line the page shows
// elsewhere) is none, and breaks nothing. The page is shorter still than
// its row says: 4 KB of row for 30 bytes of page.
func TestJSPageSnippetPastEnd(t *testing.T) {
	rows := []any{[]any{"p", "短页", "short/", "", "", len(shortHead), 4096}}
	files := pageFiles(t, rows, pagePages())
	var got struct {
		Snippet *string
		Text    string
	}
	runJS(t, `
const x = new s.Index(JSON.parse(fs.readFileSync(path.join(dir, "search-index.json"), "utf8")), net);
const q = s.parseQuery("附件");
const found = {query: q, postings: new Map([[q.terms[0], {rank: () => 0, place: () => 15}]]), exact: [], complete: [0], partial: []};
const d = await x.doc(0);
const pieces = await s.snippetOf(x, d, found);
const t = await x.text(d, 15 * 256, 4096);
print({Snippet: pieces && pieces.map((p) => p.text).join(""), Text: t.text});`, files, nil, &got)
	if got.Snippet != nil || got.Text != "" {
		t.Errorf("past the page's end: the snippet %v, the text %q; want none", got.Snippet, got.Text)
	}
}

// TestJSNetworkRange: the network search.js fetches pages' stretches
// through asks for the range, revalidating the copy a browser keeps (a
// page keeps its address as it changes), and reads [start, end) from a
// server that honours ranges (206), one that ignores them (200, the whole
// page, read only as far as needed), and a page that ends before it (a
// 416, or a 206 of what there is: no bytes, or fewer); a missing page
// fails.
func TestJSNetworkRange(t *testing.T) {
	page := "0123456789" + strings.Repeat("禁毒工作", 100)
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.URL.Path+" "+r.Header.Get("Range"))
		mu.Unlock()
		switch r.URL.Path {
		case "/site/ranged/":
			http.ServeContent(w, r, "index.html", time.Time{}, strings.NewReader(page))
		case "/site/whole/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	type asked struct {
		Path       string
		Start, End int
	}
	asks := []asked{
		{"ranged/", 3, 9},
		{"whole/", 3, 9},
		{"ranged/", 10, 22},
		{"whole/", 10, 22},
		{"ranged/", len(page) - 6, len(page) + 100},
		{"whole/", len(page) - 6, len(page) + 100},
		{"ranged/", len(page) + 10, len(page) + 100},
		{"whole/", len(page) + 10, len(page) + 100},
	}
	var got struct {
		Texts []string
		Cache []string
		Range []string
		Error string
	}
	runJS(t, `
const real = globalThis.fetch;
const cache = [], range = [];
globalThis.fetch = (u, init) => { cache.push(init.cache); range.push(init.headers.Range); return real(u, init); };
const n = s.network(input.base);
const texts = [];
for (const a of input.asks) {
  texts.push(new TextDecoder().decode(await n.range(a.Path, a.Start, a.End)));
}
let error = "";
await n.range("missing/", 0, 10).catch((e) => { error = String(e.message); });
print({Texts: texts, Cache: cache, Range: range, Error: error});`, nil, map[string]any{"base": srv.URL + "/site/", "asks": asks}, &got)
	want := []string{"345678", "345678", "禁毒工作", "禁毒工作", "工作", "工作", "", ""}
	if !slices.Equal(got.Texts, want) {
		t.Errorf("the stretches read %q, want %q", got.Texts, want)
	}
	for i, c := range got.Cache {
		if c != "no-cache" {
			t.Errorf("request %d asked for cache %q, want no-cache", i, c)
		}
	}
	if len(got.Range) < 2 || got.Range[0] != "bytes=3-8" || got.Range[2] != "bytes=10-21" {
		t.Errorf("the ranges asked for are %q", got.Range)
	}
	if !strings.Contains(got.Error, "404") {
		t.Errorf("a missing page gave %q, want an HTTP 404 error", got.Error)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) == 0 || seen[0] != "/site/ranged/ bytes=3-8" {
		t.Errorf("the server saw %q first", seen[0])
	}
}

// TestJSSnippetOfPage is TestJSSnippetOf with the documents' texts in
// their pages, as version 11 reads them: the shards Go writes today, the
// documents table's rows pointing into pages between a header and a
// footer, and a unit's page with its text inline. The fragments are text
// with no markup, so that the places in the postings, sixteenths of the
// text, are those of the HTML.
func TestJSSnippetOfPage(t *testing.T) {
	text := "表现平稳，" + strings.Repeat("甲乙丙丁，", 199) + "东风路街道表现突出。" + strings.Repeat("戊己庚辛，", 200)
	docs := []Document{
		{Kind: Unit, Title: "东风路街道历次考核排名", URL: "units/dongfenglu/", Names: []string{"东风路街道"}, Text: unitText},
		{Kind: Page, Title: "前", URL: "a/", Text: "前一篇。"},
		{Kind: Page, Title: "长文", URL: "b/", Text: text},
	}
	as, files := build(t, docs, shardTarget)
	toVersion11(t, as, files)
	var got []string
	runJS(t, `
const out = [];
for (const [q, url] of input) {
  const f = await s.search(index, q, {});
  const docs = await Promise.all(f.complete.map((id) => index.doc(id)));
  const d = docs.find((d) => d.url === url);
  const pieces = await s.snippetOf(index, d, f);
  out.push(pieces.map(p => p.mark ? "[" + p.text + "]" : p.text).join(""));
}
print(out);`, files, [][]string{{"东风路街道", "b/"}, {"长文", "b/"}, {"表现突", "b/"}, {"综合考核", "units/dongfenglu/"}}, &got)
	if len(got) != 4 {
		t.Fatalf("%d snippets", len(got))
	}
	want0 := "…" + strings.Repeat("甲乙丙丁，", 6) + "[东风路街道]表现突出。" + strings.Repeat("戊己庚辛，", 16) + "…"
	if got[0] != want0 {
		t.Errorf("the snippet for 东风路街道 is\n%s\nwant\n%s", got[0], want0)
	}
	if want1 := "表现平稳，" + strings.Repeat("甲乙丙丁，", 23) + "…"; got[1] != want1 {
		t.Errorf("the snippet for 长文 (a title) is\n%s\nwant\n%s", got[1], want1)
	}
	if !strings.Contains(got[2], "[表现突]出") {
		t.Errorf("the snippet for 表现突 is\n%s\nwant the middle's 表现突出", got[2])
	}
	if got[3] != "东风路街道历次[综合考核]排名和各单项指标排名" {
		t.Errorf("the snippet for 综合考核 (a unit's page) is %s", got[3])
	}
}

// toVersion11 makes files, the index of as that Go writes, one of
// version 11 as search.js reads it: a manifest without packs, each page
// of a document but a unit's or an indicator's written (its text between
// a header and a footer) and its row pointing there, theirs holding
// their texts.
func toVersion11(t *testing.T, as []*Analysis, files map[string][]byte) {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(files["search-index.json"], &m); err != nil {
		t.Fatal(err)
	}
	m["v"] = 11
	delete(m, "packs")
	delete(m, "packDocs")
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	files["search-index.json"] = data
	for p := range files {
		if strings.HasPrefix(p, "search/t/") {
			delete(files, p)
		}
	}
	pages := m["pages"].(string)
	per := int(m["pageDocs"].(float64))
	for k := 0; 8*k < len(pages); k++ {
		path := fmt.Sprintf("search/d/%d.%s.json", k, pages[8*k:8*k+8])
		var rows [][]any
		if err := json.Unmarshal(files[path], &rows); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for i, r := range rows {
			d := as[k*per+i].Doc
			if strings.ContainsAny(d.Text, "<&") {
				t.Fatalf("%s: the text holds markup", d.URL)
			}
			if d.Kind == Unit || d.Kind == Indicator {
				rows[i] = []any{r[0], r[1], r[2], r[3], r[4], d.Text}
				continue
			}
			head := "<!DOCTYPE html><html><head><title>" + html.EscapeString(d.Title) + "</title></head><body><main><article>"
			files[d.URL+"index.html"] = []byte(head + d.Text + "</article></main><footer>页脚</footer></body></html>")
			rows[i] = []any{r[0], r[1], r[2], r[3], r[4], len(head), len(d.Text)}
		}
		if files[path], err = json.Marshal(rows); err != nil {
			t.Fatal(err)
		}
	}
}
