package render

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/site"
)

// Hostile text, as staff might paste it from elsewhere or an attacker
// might slip it into a data file. Each must come out as inert text.
const (
	xScript  = `<script>alert(1)</script>`
	xJS      = `javascript:alert(1)`
	xAttr    = `" onmouseover="x`
	xCDATA   = `]]>`
	xFormula = `=HYPERLINK("http://evil.example/","点我")`
)

// hostileSite puts the hostile strings into every field a site's input
// has: the config, unit and indicator names, the month's labels, progress
// text, categories, rewards and interviews, a circular's front matter and
// Markdown, a plain page and its file name. The layouts are the
// repository's.
func hostileSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"config.toml": `title = "通报` + tq(xScript+xCDATA) + `"
[site]
name = "` + tq(xAttr) + `政府"
domain = "www.example.gov.cn"
icp = "湘ICP备` + tq(xScript) + `号"
police = "湘公网安备43050202000123号` + tq(xAttr) + `"
contact = "电话` + tq(xScript+xAttr) + `"
errata = "https://example.gov.cn/?a=` + tq(xAttr) + `"
[issuer]
name = "办公室` + tq(xScript) + `"
`,
		"data/units.toml": `[[township]]
name = "东风路街道` + tq(xScript) + `"
slug = "dongfenglu"
[[township]]
name = "兴隆街道` + tq(xAttr) + `"
slug = "xinglong"
[[township]]
name = "` + tq(xFormula) + `"
slug = "evil"
[[township]]
name = "+1街道"
slug = "plus"
[[township]]
name = "-1街道"
slug = "minus"
[[township]]
name = "@SUM(A1)"
slug = "at"
[[department]]
name = "区发改局` + xCDATA + `"
slug = "fagai"
[[department]]
name = "` + xJS + `"
slug = "js"
`,
		"data/indicators.toml": `[[indicator]]
id = "gongye"
name = "规模工业` + tq(xScript) + `"
section = "重点工作"
owners = ["区发改局` + xCDATA + `"]
townships = "all"
rankingLabel = "` + tq(xAttr) + `"
[[indicator]]
id = "shouru"
name = "收入` + xCDATA + xJS + `"
section = "重点任务"
owners = ["` + xJS + `"]
`,
		"data/2023-02.toml": `period = "1-2月` + tq(xScript) + `"
overallCity = 12
[[result]]
indicator = "gongye"
city = 1
progress = "**进展**` + tq(xScript) + `[点我](` + xJS + `)` + tq(xAttr) + xCDATA + ` =SUM(1)"
[result.townships]
dongfenglu = 90
xinglong = 80
evil = 70
plus = 60
minus = 50
at = 40
[[result]]
indicator = "shouru"
city = 12
[[adjustment]]
township = "evil"
points = -1
reason = "` + tq(xScript+xAttr) + `"
[categories]
"一类` + tq(xScript) + `" = ["区发改局` + xCDATA + `"]
"=二类" = ["` + xJS + `"]
[[reward]]
unit = "evil"
amount = 3000
reason = "` + tq(xFormula+xScript) + `"
[[interview]]
unit = "` + xJS + `"
who = "` + tq(xScript) + `"
kind = "约谈"
reason = "` + tq(xAttr+xCDATA) + `"
`,
		"content/circulars/2023-02.md": `+++
number = "` + tq(`<script>alert(1)</script>"onmouseover="x]]>`) + `〔2023〕5号"
title = "关于` + tq(xScript+xAttr+xCDATA+xFormula) + `的通报"
date = 2023-04-03
to = "` + tq(xAttr+xJS) + `"
data = "2023-02"
+++
正文` + xScript + `，` + xAttr + `，` + xCDATA + `，` + xFormula + `

<img src=x onerror=alert(1)>

[链接一](javascript:alert(1)) [链接二](JaVaScRiPt:alert(1)) [链接三](&#106;avascript:alert(1)) <javascript:alert(1)> ![图](javascript:alert(1)) [链接四][r] [链接五]( javascript:alert(1))

[r]: javascript:alert(1)

## 标题` + xScript + xAttr + `

<a href="javascript:alert(1)" onclick="alert(1)">原始链接</a>

| 表头` + xScript + ` | 乙 |
|---|---|
| ` + xAttr + ` | [x](javascript:alert(1)) |

{{< city-bottom "` + tq(xScript) + `" >}}

{{< indicators "重点工作" >}}

{{< township-ranking >}}

{{< categories >}}

{{< rewards >}}

{{< interviews >}}

{{< table "gongye" >}}
`,
		"content/about.md": `+++
title = "关于` + tq(xScript+xAttr) + `"
date = 2023-04-03
+++
` + xScript + ` [链接](javascript:alert(1)) ` + xAttr + `
`,
		"content/notes/" + xAttr + ".md": `+++
title = "` + tq(xCDATA+xFormula) + `"
date = 2023-04-04
+++
正文
`,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// tq escapes s for a TOML basic string.
func tq(s string) string { return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) }

// TestHostileTextIsInert renders the hostile site and checks every output
// by what reads it: HTML with a tokenizer (no script but the site's own,
// no event handler, no javascript: URL, no embedding element), the feed
// and the sitemap as XML, the open data as JSON and CSV (no cell a
// spreadsheet would run as a formula) — and that the hostile text is
// still there, as text, where it was written.
func TestHostileTextIsInert(t *testing.T) {
	s, err := site.Load(hostileSite(t))
	if err != nil {
		t.Fatalf("the loader refused the hostile site:\n%v", err)
	}
	files := renderFiles(t, s, "")
	texts := map[string]string{} // output → its text as a reader gets it
	kinds := map[string]int{}
	var found problems
	for p, data := range files {
		if strings.HasSuffix(p, ".gz") {
			// A precompressed copy of the search index: the file it copies
			// is checked; the copy must hold the same bytes.
			r, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Errorf("%s: %v", p, err)
				continue
			}
			if inner, err := io.ReadAll(r); err != nil || !bytes.Equal(inner, files[strings.TrimSuffix(p, ".gz")]) {
				t.Errorf("%s does not hold the bytes of the file it copies (%v)", p, err)
			}
			continue
		}
		switch ext := path.Ext(p); ext {
		case ".html":
			texts[p] = checkHTML(p, data, &found)
		case ".xml", ".svg":
			texts[p] = checkXML(p, data, &found)
		case ".json":
			texts[p] = checkJSON(p, data, &found)
		case ".csv":
			texts[p] = checkCSV(p, data, &found)
		case ".css", ".js", ".txt", ".bin", ".ico":
			// The site's own assets and icon, and robots.txt; the search
			// index's packs of plain text and its shards, which search.js
			// reads as data and shows only as text (TestBrowserSearchInert).
			continue
		default:
			t.Errorf("%s: an output of a kind this test does not check", p)
			continue
		}
		kinds[path.Ext(p)]++
	}
	slices.Sort(found)
	for _, f := range found {
		t.Error(f)
	}
	for _, ext := range []string{".html", ".xml", ".json", ".csv"} {
		if kinds[ext] == 0 {
			t.Errorf("no %s output was checked", ext)
		}
	}

	// The text survives, unescaped once read back, where it was written.
	title := "关于" + xScript + xAttr + xCDATA + xFormula + "的通报"
	for _, c := range []struct{ file, text string }{
		{"circulars/2023/5/index.html", title},
		// Raw HTML in Markdown is dropped (DESIGN.md §6), its text stays.
		{"circulars/2023/5/index.html", "正文alert(1)，" + xAttr + "，" + xCDATA + "，" + xFormula},
		{"circulars/2023/5/index.html", xAttr + xCDATA + " =SUM(1)"}, // progress text
		{"circulars/2023/5/index.html", "东风路街道" + xScript},
		{"circulars/2023/5/index.html", "<script>alert(1)</script>\"onmouseover=\"x]]>〔2023〕5号"},
		{"units/dongfenglu/index.html", "东风路街道" + xScript},
		{"units/xinglong/index.html", "兴隆街道" + xAttr},
		{"about/index.html", "关于" + xScript + xAttr},
		{"index.html", "通报" + xScript + xCDATA},
		{"feed.xml", title},
		{"feed.xml", "通报" + xScript + xCDATA},
		{"circulars/2023/5/data.json", title},
		{"circulars/2023/5/data.json", "东风路街道" + xScript},
		{"circulars/2023/5/data.json", xFormula},
		{"circulars/2023/5/data.csv", "'" + xFormula},
		{"circulars/2023/5/data.csv", "'+1街道"},
		{"circulars/2023/5/data.csv", "'-1街道"},
		{"circulars/2023/5/data.csv", "'@SUM(A1)"},
		{"data/ranks.csv", "'" + xFormula},
	} {
		if _, ok := texts[c.file]; !ok {
			t.Errorf("no output %s", c.file)
			continue
		}
		if !strings.Contains(texts[c.file], c.text) {
			t.Errorf("%s: the text %q is not there as text", c.file, c.text)
		}
	}
}

// An htmlToken is what the tokenizer below reports.
type htmlToken struct {
	tag   string // start tag name, lower case; "" for text
	attrs [][2]string
	raw   string // a script's or style's content
	text  string // decoded text
}

// tokenizeHTML splits a page the way a browser's tokenizer does, for what
// matters here: tags with their attributes (quoted, unquoted or bare,
// entities decoded), comments and doctypes skipped, script, style,
// textarea and title read as raw text up to their end tag.
func tokenizeHTML(src string) ([]htmlToken, error) {
	var out []htmlToken
	text := func(s string) {
		if s != "" {
			out = append(out, htmlToken{text: html.UnescapeString(s)})
		}
	}
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '<')
		if j < 0 {
			text(src[i:])
			break
		}
		text(src[i : i+j])
		i += j
		rest := src[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				return nil, errors.New("unterminated comment")
			}
			i += 4 + end + 3
		case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?' || rest[1] == '/'):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return nil, errors.New("unterminated tag")
			}
			i += end + 1
		case len(rest) > 1 && isASCIILetter(rest[1]):
			tok, n, err := startTag(rest)
			if err != nil {
				return nil, err
			}
			i += n
			switch tok.tag {
			case "script", "style", "textarea", "title":
				end := strings.Index(strings.ToLower(src[i:]), "</"+tok.tag)
				if end < 0 {
					return nil, errors.New("unterminated <" + tok.tag + ">")
				}
				tok.raw = src[i : i+end]
				i += end
			}
			out = append(out, tok)
			if tok.tag == "title" || tok.tag == "textarea" {
				text(tok.raw)
			}
		default:
			text("<")
			i++
		}
	}
	return out, nil
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isHTMLSpace(c byte) bool { return strings.IndexByte(" \t\n\f\r", c) >= 0 }

// startTag reads "<name attr=value …>" at the start of s.
func startTag(s string) (htmlToken, int, error) {
	i := 1
	for i < len(s) && !isHTMLSpace(s[i]) && s[i] != '/' && s[i] != '>' {
		i++
	}
	tok := htmlToken{tag: strings.ToLower(s[1:i])}
	for {
		for i < len(s) && (isHTMLSpace(s[i]) || s[i] == '/') {
			i++
		}
		if i >= len(s) {
			return tok, 0, errors.New("unterminated tag <" + tok.tag)
		}
		if s[i] == '>' {
			return tok, i + 1, nil
		}
		start := i
		i++ // an attribute name may start with '='
		for i < len(s) && !isHTMLSpace(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=' {
			i++
		}
		name := strings.ToLower(s[start:i])
		for i < len(s) && isHTMLSpace(s[i]) {
			i++
		}
		value := ""
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && isHTMLSpace(s[i]) {
				i++
			}
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				end := strings.IndexByte(s[i+1:], s[i])
				if end < 0 {
					return tok, 0, errors.New("unterminated attribute value")
				}
				value = s[i+1 : i+1+end]
				i += end + 2
			} else {
				start := i
				for i < len(s) && !isHTMLSpace(s[i]) && s[i] != '>' {
					i++
				}
				value = s[start:i]
			}
		}
		tok.attrs = append(tok.attrs, [2]string{name, html.UnescapeString(value)})
	}
}

// urlAttrs are the attributes a browser follows or loads as a URL.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"data": true, "poster": true, "background": true, "cite": true, "srcset": true,
}

// schemeRE finds a URL's scheme the way a browser does: control
// characters and blanks inside it are ignored.
var schemeRE = regexp.MustCompile(`^[\x00-\x20]*([a-zA-Z][a-zA-Z0-9+.\-\t\n\r]*):`)

func dangerousURL(u string) bool {
	m := schemeRE.FindStringSubmatch(u)
	if m == nil {
		return false
	}
	scheme := strings.ToLower(strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(m[1]))
	return scheme == "javascript" || scheme == "vbscript" || scheme == "data" && !strings.HasPrefix(strings.ToLower(u), "data:image/")
}

// problems collects what the checks below find.
type problems []string

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

// checkHTML reports anything in a page that would run script, and returns
// the page's text.
func checkHTML(name string, data []byte, p *problems) string {
	toks, err := tokenizeHTML(string(data))
	if err != nil {
		p.add("%s: %v", name, err)
		return ""
	}
	var text strings.Builder
	tags := 0
	for _, tok := range toks {
		if tok.tag == "" {
			text.WriteString(tok.text)
			continue
		}
		tags++
		switch tok.tag {
		case "script":
			src := attr(tok, "src")
			if attr(tok, "type") == "application/json" && src == "" {
				// A data block (the search page's copy of the index's
				// manifest) is never run; it must still be JSON with
				// nothing that could close the element.
				if !json.Valid([]byte(tok.raw)) || strings.ContainsAny(tok.raw, "<>&") {
					p.add("%s: a JSON data block that is not plain JSON: %q", name, tok.raw)
				}
				break
			}
			if !strings.HasPrefix(src, "/assets/") || !strings.HasSuffix(src, ".js") || strings.TrimSpace(tok.raw) != "" {
				p.add("%s: a script that is not one of the site's assets: src=%q, content %q", name, src, tok.raw)
			}
		case "iframe", "frame", "object", "embed", "base", "svg:script":
			p.add("%s: a <%s> element", name, tok.tag)
		}
		for _, a := range tok.attrs {
			switch {
			case strings.HasPrefix(a[0], "on"):
				p.add("%s: <%s> has an event handler %s=%q", name, tok.tag, a[0], a[1])
			case urlAttrs[a[0]] && dangerousURL(a[1]):
				p.add("%s: <%s %s=%q>", name, tok.tag, a[0], a[1])
			case a[0] == "style" && (strings.Contains(strings.ToLower(a[1]), "expression(") || strings.Contains(strings.ToLower(a[1]), "javascript:")):
				p.add("%s: <%s style=%q>", name, tok.tag, a[1])
			case a[0] == "http-equiv" && strings.EqualFold(a[1], "refresh"):
				p.add("%s: a meta refresh", name)
			}
		}
	}
	if tags < 10 {
		p.add("%s: only %d tags: not a page", name, tags)
	}
	return text.String()
}

func attr(tok htmlToken, name string) string {
	for _, a := range tok.attrs {
		if a[0] == name {
			return a[1]
		}
	}
	return ""
}

// checkXML decodes a whole document strictly and returns its text and
// attribute values; an SVG must not carry script either.
func checkXML(name string, data []byte, p *problems) string {
	d := xml.NewDecoder(bytes.NewReader(data))
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			p.add("%s is not well-formed XML: %v", name, err)
			return ""
		}
		switch tok := tok.(type) {
		case xml.CharData:
			text.Write(tok)
		case xml.StartElement:
			if strings.EqualFold(tok.Name.Local, "script") || strings.EqualFold(tok.Name.Local, "foreignObject") {
				p.add("%s: a <%s> element", name, tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || a.Name.Local == "href" && dangerousURL(a.Value) {
					p.add("%s: <%s %s=%q>", name, tok.Name.Local, a.Name.Local, a.Value)
				}
				text.WriteString(a.Value + "\n")
			}
		}
	}
	return text.String()
}

// checkJSON decodes a document and returns every string in it, one a line.
func checkJSON(name string, data []byte, p *problems) string {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		p.add("%s is not valid JSON: %v", name, err)
		return ""
	}
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			b.WriteString(v + "\n")
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for k, e := range v {
				b.WriteString(k + "\n")
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}

var plainNumberRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// checkCSV parses a table and reports every cell a spreadsheet would read
// as a formula; it returns the cells, one a line.
func checkCSV(name string, data []byte, p *problems) string {
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		p.add("%s is not valid CSV: %v", name, err)
		return ""
	}
	var b strings.Builder
	for i, row := range rows {
		for _, c := range row {
			if c != "" && strings.IndexByte("=+-@\t\r", c[0]) >= 0 && !plainNumberRE.MatchString(c) {
				p.add("%s row %d: the cell %q would run as a formula", name, i+1, c)
			}
			b.WriteString(c + "\n")
		}
	}
	return b.String()
}

// TestTokenizerSeesScript holds the HTML check to pages that do carry
// script, so that a clean result above means something.
func TestTokenizerSeesScript(t *testing.T) {
	filler := strings.Repeat("<p>", 10)
	for _, page := range []string{
		`<p>x</p><script>alert(1)</script>`,
		`<p>x</p><SCRIPT src="https://evil.example/x.js"></SCRIPT>`,
		`<p title=a onmouseover=alert(1)>x</p>`,
		`<p title="a"onmouseover="alert(1)">x</p>`,
		`<a href="  JaVa&#x09;Script:alert(1)">x</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<img src=x onerror="alert(1)">`,
		`<iframe src="/x"></iframe>`,
		`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`,
		`<a href="data:text/html,<script>alert(1)</script>">x</a>`,
	} {
		var p problems
		checkHTML("page", []byte(filler+page), &p)
		if len(p) == 0 {
			t.Errorf("not caught: %s", page)
		}
	}
	var p problems
	text := checkHTML("page", []byte(filler+`<a href="/circulars/" title="&quot; onmouseover=&quot;x">`+html.EscapeString(xScript)+`</a><script src="/assets/js/a.js"></script><img src="data:image/png;base64,AAAA">`), &p)
	if len(p) > 0 {
		t.Errorf("a harmless page was flagged: %v", p)
	}
	if !strings.Contains(text, xScript) {
		t.Errorf("escaped text not read back: %q", text)
	}
	p = nil
	checkCSV("t.csv", []byte("a,b\r\n'=1,-1.5\r\n=1,+2\r\n"), &p)
	if len(p) != 2 {
		t.Errorf("CSV check found %v, want the two formulas of row 3", p)
	}
	p = nil
	checkXML("f.xml", []byte("<a><![CDATA[x]]>]]></a>"), &p)
	if len(p) != 1 {
		t.Errorf("XML check found %v, want one problem", p)
	}
}
