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
	if i := indexFold(f.src[from:to], text); i >= 0 {
		return f.lineCol(from + i) // a host, which the config may spell in capitals
	}
	return f.position(path)
}

// indexFold is the index of the first instance of the ASCII text sub in
// s, letters of either case matching, or -1.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
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
		l.s.Example = true
		line, col := textAt(f, "baseURL", u.Host)
		l.s.Warnings.Add(f.name, line, col, "警告：baseURL 仍是示例地址 %s（tongbao init 所写的虚构域名），发布前请改为本站的实际地址", c.BaseURL)
	}
	if strings.EqualFold(c.Site.Domain, ExampleDomain) {
		l.s.Example = true
		line, col := textAt(f, "site.domain", c.Site.Domain)
		l.s.Warnings.Add(f.name, line, col, "警告：[site] domain 仍是示例域名 %s（tongbao init 所写的虚构域名），网站地图、订阅、规范链接和页脚都会用它；发布前请改为本站的实际域名", c.Site.Domain)
	}
}

// ExampleCounty and ExamplePhone are the imaginary office tongbao init
// writes its site for (某某县人民政府, 联系电话 0000-0000000). The domain is
// not all it leaves: a site whose domain is its own can still publish
// “某某县” in every page's title and footer, and the about page's number
// (exampleCounty, exampleText).
const (
	ExampleCounty = "某某县"
	ExamplePhone  = "0000-0000000"
)

// exampleCounty warns, once, at the first of config.toml's values that
// still name ExampleCounty, naming them all: each is on every page.
func (l *loader) exampleCounty(f *tomlFile, m map[string]any) {
	type at struct {
		path string
		off  int
	}
	var found []at
	for path, off := range f.pos {
		if v, ok := valueAt(m, path).(string); ok && strings.Contains(v, ExampleCounty) {
			found = append(found, at{path, off})
		}
	}
	if len(found) == 0 {
		return
	}
	l.s.Example = true
	slices.SortFunc(found, func(a, b at) int { return a.off - b.off })
	keys := make([]string, len(found))
	for i, a := range found {
		keys[i] = a.path
	}
	line, col := textAt(f, found[0].path, ExampleCounty)
	l.s.Warnings.Add(f.name, line, col, "警告：%s 仍是 tongbao init 所写的虚构机关“%s”，会出现在页面的标题、页脚和通报中；发布前请改为本机关的", strings.Join(keys, "、"), ExampleCounty)
}

// valueAt is the value of m at a dotted path of tables, or nil.
func valueAt(m map[string]any, path string) any {
	for {
		key, rest, more := strings.Cut(path, ".")
		v, ok := m[key]
		if !more || !ok {
			return v
		}
		if m, ok = v.(map[string]any); !ok {
			return nil
		}
		path = rest
	}
}

// exampleText warns of init's imaginary office left in a page's body (its
// about page: 本站公布某某县人民政府办公室…, 联系电话：0000-0000000), at the
// first place: a page is written once, and forgotten once the site looks
// its own. Not a circular's: one may name a case 某某县 to keep it
// anonymous, and init's sample circular has neither.
func exampleText(rel string, body []byte, bodyLine int, w *diag.List) {
	off, word := -1, ""
	for _, s := range []string{ExampleCounty, ExamplePhone} {
		if i := bytes.Index(body, []byte(s)); i >= 0 && (off < 0 || i < off) {
			off, word = i, s
		}
	}
	if off < 0 {
		return
	}
	line, col := diag.Position(body, off)
	w.Add(rel, bodyLine+line-1, col, "警告：这个页面仍有 tongbao init 所写的示例文字（“%s”）；发布前请改为本机关的", word)
}
