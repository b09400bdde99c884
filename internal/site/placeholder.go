package site

import (
	"bytes"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/diag"
)

// Placeholder stands in a circular's draft, as tongbao new writes it,
// for what the office has still to write: the narrative of each section,
// anything else the draft cannot carry forward. A circular that still
// holds it is an error at each place (placeholders), as a date not yet
// given is: otherwise it would be published as it stands.
const Placeholder = "（待填写）"

// placeholderMsg is what a Placeholder left in place is told.
const placeholderMsg = "“" + Placeholder + "”尚未填写：填上内容或删去这一行"

// placeholders reports each Placeholder left in a circular: in a value of
// its front matter, read from f as m, and in its body, which starts on
// line bodyLine of the file. Comments of the front matter, where the
// draft says what to fill in, are not values.
func placeholders(rel string, f *tomlFile, m map[string]any, body []byte, bodyLine int, d *diag.List) {
	if f != nil && strings.Contains(f.src, Placeholder) {
		var walk func(path string, v any)
		walk = func(path string, v any) {
			switch v := v.(type) {
			case string:
				if strings.Contains(v, Placeholder) {
					line, col := placeholderAt(f, path)
					d.Add(rel, line, col, "%s", placeholderMsg)
				}
			case map[string]any:
				for _, k := range slices.Sorted(maps.Keys(v)) {
					walk(join(path, k), v[k])
				}
			case []map[string]any:
				for i, e := range v {
					walk(join(path, strconv.Itoa(i)), e)
				}
			case []any:
				for i, e := range v {
					walk(join(path, strconv.Itoa(i)), e)
				}
			}
		}
		walk("", m)
	}
	for off := 0; ; {
		i := bytes.Index(body[off:], []byte(Placeholder))
		if i < 0 {
			break
		}
		off += i
		line, col := diag.Position(body, off)
		d.Add(rel, bodyLine+line-1, col, "%s", placeholderMsg)
		off += len(Placeholder)
	}
}

// placeholderAt is where the Placeholder in the value at path is: on its
// key's line (from the key or the array element on), or at its key if the
// value spells it with escapes or has it on a line of its own.
func placeholderAt(f *tomlFile, path string) (line, col int) {
	return textAt(f, path, Placeholder)
}

// textAt is where text is in the value at path: on its key's line (from
// the key or the array element on), or at its key if the value spells it
// with escapes or has it on a line of its own.
func textAt(f *tomlFile, path, text string) (line, col int) {
	from, ok := f.pos[path]
	if !ok {
		return f.position(path)
	}
	to := len(f.src)
	if i := strings.IndexByte(f.src[from:], '\n'); i >= 0 {
		to = from + i
	}
	if i := strings.Index(f.src[from:to], text); i >= 0 {
		return f.lineCol(from + i)
	}
	return f.position(path)
}

// ExampleDomain is the domain tongbao init writes into [site] domain for
// its imaginary county: a site still holding it, there or as baseURL's
// host, would publish it in every absolute address, the footer and the
// portal's meta tags (exampleDomain). It is not www.example.gov.cn, the
// repository's own site's, which is a sample, not an office's site in
// the making.
const ExampleDomain = "www.mouxian.example.gov.cn"

// exampleDomain warns of ExampleDomain left in config.toml, at the value
// that holds it: the office has not yet said where its site is.
func (l *loader) exampleDomain(f *tomlFile) {
	c := l.s.Config
	if u, err := url.Parse(c.BaseURL); err == nil && strings.EqualFold(u.Hostname(), ExampleDomain) {
		line, col := textAt(f, "baseURL", u.Host)
		l.s.Warnings.Add(f.name, line, col, "警告：baseURL 仍是示例地址 %s（tongbao init 所写的虚构域名），发布前请改为本站的实际地址", c.BaseURL)
	}
	if strings.EqualFold(c.Site.Domain, ExampleDomain) {
		line, col := textAt(f, "site.domain", c.Site.Domain)
		l.s.Warnings.Add(f.name, line, col, "警告：[site] domain 仍是示例域名 %s（tongbao init 所写的虚构域名），网站地图、订阅、规范链接和页脚都会用它；发布前请改为本站的实际域名", c.Site.Domain)
	}
}
