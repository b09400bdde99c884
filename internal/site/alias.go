package site

import (
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An Alias is an address a circular or page had before (front matter
// aliases, as in Hugo): its 文号 was corrected, its file renamed or moved.
// The build writes a page there that sends the reader on, so that links
// from the portal, from other documents and from search engines keep
// working; the manifest then lists it like any other file.
type Alias struct {
	// Path is the file written, below the site root:
	// "circulars/2023/14/index.html", or "old.html" as it was written.
	Path      string
	Line, Col int
}

// aliases reads front matter aliases of the page whose own address is own
// ("circulars/2023/15/"), each an earlier address below the site root.
func aliases(r *record, f *tomlFile, own string) []Alias {
	var out []Alias
	seen := map[string]bool{}
	for _, e := range r.texts("aliases") {
		p, msg := aliasPath(e.value)
		if msg == "" && p == own+"index.html" {
			msg = "“" + e.value + "”就是本页现在的网址，不用写在 aliases 中"
		}
		if msg != "" {
			f.errorf(e.path, "aliases（旧网址）%s", msg)
			continue
		}
		if seen[p] {
			continue
		}
		seen[p] = true
		a := Alias{Path: p}
		a.Line, a.Col = f.position(e.path)
		out = append(out, a)
	}
	return out
}

// aliasPath is the file an earlier address s is written as: a folder's
// index.html ("/circulars/2023/14/" and "circulars/2023/14" alike), or a
// page written as a file ("/old.html"); or why s cannot be one. s is
// written from the site's root, which under a baseURL with a path is
// that path: the address as the site's own links write it. It may be
// copied from a browser's address bar, where Chinese is percent-encoded.
func aliasPath(s string) (string, string) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "%") {
		d, err := url.PathUnescape(s)
		if err != nil {
			return "", "“" + s + "”中的 % 编码不完整"
		}
		if !utf8.ValidString(d) {
			return "", "“" + s + "”的 % 编码不是 UTF-8 的文字"
		}
		s = d
	}
	switch {
	case strings.Contains(s, "://") || strings.HasPrefix(s, "//"):
		return "", "应写旧网址在本站中的路径，从网站根目录写起，如 \"/circulars/2023/14/\"，不带 https:// 和域名：“" + s + "”"
	case strings.ContainsAny(s, `?#\`) || strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return "", "应是一个页面的路径，如 \"/circulars/2023/14/\"，不含空格、\\、? 和 #：“" + s + "”"
	}
	p := strings.TrimPrefix(s, "/")
	dir := p == "" || strings.HasSuffix(p, "/")
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		return "", "不能是网站首页"
	}
	for seg := range strings.SplitSeq(p, "/") {
		switch {
		case seg == "" || seg == "." || seg == "..":
			return "", "路径中不能有 .、.. 或连续的 /：“" + s + "”"
		case strings.HasPrefix(seg, "."):
			return "", "路径中的文件夹和文件名不能以 . 开头：“" + s + "”"
		}
		if why := unportable(seg); why != "" {
			return "", "“" + s + "”中的“" + seg + "”" + why
		}
	}
	switch ext := path.Ext(p); {
	case dir || ext == "":
		return p + "/index.html", ""
	case ext == ".html" || ext == ".htm":
		return p, ""
	default:
		// A page that sends the reader on is HTML: written as
		// old.pdf, a server would say it is a PDF.
		return "", "只能是页面的网址（以 / 或 .html 结尾），不能是文件“" + s + "”"
	}
}

// unportable says why seg, a folder or file name of the output, cannot be
// one on every system the site is built, copied or served on, or "": a
// name Windows keeps for a device (nul, con, com1, with any extension),
// a character it refuses in names (<>:"|?*), a space or dot at the end,
// which it drops, or an invisible character that reorders or joins text
// (U+202E shows exe.pdf for fdp.exe). A staff PC cannot build such a
// page, and a portal's upload tool may stop at it.
func unportable(seg string) string {
	base, _, _ := strings.Cut(strings.ToLower(seg), ".")
	switch {
	case reservedNames[strings.TrimRight(base, " ")]:
		return "是 Windows 保留的设备名，不能作文件夹或文件名"
	case strings.ContainsAny(seg, `<>:"|?*`):
		return "含有 Windows 文件名中不能用的字符（< > : \" | ? *）"
	case strings.HasSuffix(seg, " ") || strings.HasSuffix(seg, "."):
		return "以空格或“.”结尾，Windows 会去掉它"
	case strings.IndexFunc(seg, func(r rune) bool { return unicode.Is(unicode.Cf, r) || unicode.IsControl(r) }) >= 0:
		return "含有看不见的控制字符（如改变文字方向的 U+202E）"
	}
	return ""
}

var reservedNames = func() map[string]bool {
	m := map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}
	for i := '1'; i <= '9'; i++ {
		m["com"+string(i)], m["lpt"+string(i)] = true, true
	}
	return m
}()
