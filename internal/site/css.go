package site

import (
	"bytes"
	"path"
	"strings"
	"unicode/utf8"
)

// A CSSRef is a stylesheet's reference to another file of layouts/assets/:
// a url(…), an @import "…", or an image-set(…)'s "…" (-webkit-image-set
// too). Every asset is published under a fingerprinted name (logo.png as
// logo.3f2a9c1b.png), so a stylesheet's url(../img/logo.png) would name a
// file that is not published: render writes the fingerprinted name in its
// place, and the loader warns of a reference to an asset that is not
// there.
type CSSRef struct {
	// Start and End are the bytes of the reference's path in the
	// stylesheet: no quotes, no ?query or #fragment (a font's ?#iefix).
	Start, End int
	Line, Col  int // where the path starts: line and character from 1
	// Name is the asset the path names, relative to layouts/assets/
	// ("img/logo.png" for ../img/logo.png in css/site.css).
	Name string
}

// CSSRefs returns the references of the stylesheet name (a path below
// layouts/assets/) to other assets, in order: the path of each url(…)
// and @import "…", and each string among an image-set(…)'s arguments
// (image-set("logo.png" 1x, url(logo@2x.png) 2x)) — not one in another
// function's parentheses there (type("image/avif")). A reference that is
// an address (https:, data:), a path from the site's root (/img/x.png, a
// file of static/), a fragment (#id, an SVG filter) or leads out of
// layouts/assets/ names no asset, and is not among them. What a comment
// holds is skipped.
//
// The stylesheet is scanned by hand: the loader and render each read
// the theme's one on every build and every preview save, and a regular
// expression of the forms (the tests' cssRefsByRE) took 4.5 ms
// and 67 million instructions on it — Go's regexp runs its slowest
// machine on a text that long — fifty times this (BenchmarkCSSRefs).
func CSSRefs(name string, data []byte) []CSSRef {
	var refs []CSSRef
	line, counted := 1, 0 // the line of data[counted], references coming in order
	CSSPaths(data, func(start, end int) {
		ref := string(data[start:end])
		if i := strings.IndexAny(ref, "?#"); i >= 0 {
			ref, end = ref[:i], start+i
		}
		if ref == "" || strings.HasPrefix(ref, "/") || strings.Contains(ref, ":") {
			return
		}
		target := path.Join(path.Dir(name), ref)
		if target == ".." || strings.HasPrefix(target, "../") {
			return
		}
		line += bytes.Count(data[counted:start], []byte("\n"))
		counted = start
		from := bytes.LastIndexByte(data[:start], '\n') + 1
		if from == 0 && bytes.HasPrefix(data, []byte("\uFEFF")) {
			from = len("\uFEFF") // a byte order mark is no character one sees
		}
		col := 1 + utf8.RuneCount(data[from:start])
		refs = append(refs, CSSRef{Start: start, End: end, Line: line, Col: col, Name: target})
	})
	return refs
}

// CSSPaths calls fn, in order, with where each path a stylesheet names is
// — of each url(…), @import "…" and string among an image-set(…)'s
// arguments, as CSSRefs reads them — whatever it names: an address, a
// path from the root, one with its ?query or #fragment. What a comment
// holds is skipped. It is the one reading of a stylesheet's references,
// for the assets it names (CSSRefs) and for the link checker, which
// follows every one.
func CSSPaths(data []byte, fn func(start, end int)) {
	for i := 0; i < len(data); {
		switch c := data[i]; {
		case c == '/' && i+1 < len(data) && data[i+1] == '*':
			// A comment, to its end or the stylesheet's.
			if j := bytes.Index(data[i+2:], []byte("*/")); j >= 0 {
				i += 2 + j + 2
			} else {
				i = len(data)
			}
			continue
		case c|0x20 == 'u':
			if start, end, next, ok := cssURL(data, i); ok {
				fn(start, end)
				i = next
				continue
			}
		case c == '@':
			if start, end, next, ok := cssImport(data, i); ok {
				fn(start, end)
				i = next
				continue
			}
		case c|0x20 == 'i':
			if paths, next, ok := cssImageSet(data, i); ok {
				for _, p := range paths {
					fn(p[0], p[1])
				}
				i = next
				continue
			}
		}
		i++
	}
}

// cssURL reads url(…) at data[i:], its path quoted or not, with white
// space inside the parentheses: where the path is, and where the url(…)
// ends; not ok if there is none.
func cssURL(data []byte, i int) (start, end, next int, ok bool) {
	if i+4 > len(data) || !bytes.EqualFold(data[i:i+3], []byte("url")) || data[i+3] != '(' {
		return
	}
	j := skipCSSSpace(data, i+4)
	if j < len(data) && (data[j] == '"' || data[j] == '\'') {
		k := bytes.IndexByte(data[j+1:], data[j])
		if k < 0 {
			return
		}
		start, end = j+1, j+1+k
		j = end + 1
	} else {
		start = j
		for j < len(data) && !isCSSSpace(data[j]) && data[j] != ')' && data[j] != '"' && data[j] != '\'' {
			j++
		}
		end = j
	}
	j = skipCSSSpace(data, j)
	if j >= len(data) || data[j] != ')' {
		return
	}
	return start, end, j + 1, true
}

// cssImport reads @import "…" (or '…') at data[i:]: where the path is, and
// where the string ends; not ok if there is none.
func cssImport(data []byte, i int) (start, end, next int, ok bool) {
	const at = len("@import")
	if i+at >= len(data) || !bytes.EqualFold(data[i+1:i+at], []byte("import")) || !isCSSSpace(data[i+at]) {
		return
	}
	j := skipCSSSpace(data, i+at)
	if j >= len(data) || data[j] != '"' && data[j] != '\'' {
		return
	}
	k := bytes.IndexByte(data[j+1:], data[j])
	if k < 0 {
		return
	}
	return j + 1, j + 1 + k, j + 2 + k, true
}

// cssImageSet reads image-set(…) at data[i:] (a -webkit-image-set(…)'s
// too, from its i): where the path of each string and url(…) among its
// arguments is, and where it ends; not ok if it does not. What is in
// another function's parentheses there — a type("image/avif"), a
// linear-gradient(…) — is no path, but a url(…) in it is (a
// cross-fade(url(a.png), …)). A comment is skipped; one left open is read
// as any other text, as the regular expression of cssRefsByRE does.
func cssImageSet(data []byte, i int) (paths [][2]int, next int, ok bool) {
	const fn = len("image-set(")
	if i+fn > len(data) || !bytes.EqualFold(data[i:i+fn-1], []byte("image-set")) || data[i+fn-1] != '(' {
		return nil, 0, false
	}
	for j := i + fn; j < len(data); {
		switch c := data[j]; {
		case c == ')':
			return paths, j + 1, true
		case c == '/' && j+1 < len(data) && data[j+1] == '*':
			if k := bytes.Index(data[j+2:], []byte("*/")); k >= 0 {
				j += 2 + k + 2
			} else {
				j++
			}
		case c == '"' || c == '\'':
			k := bytes.IndexByte(data[j+1:], c)
			if k < 0 {
				return nil, 0, false
			}
			paths = append(paths, [2]int{j + 1, j + 1 + k})
			j += k + 2
		case c == '(':
			end, urls, ok := cssParens(data, j)
			if !ok {
				return nil, 0, false
			}
			paths = append(paths, urls...)
			j = end
		case c|0x20 == 'u':
			if start, end, next, ok := cssURL(data, j); ok {
				paths = append(paths, [2]int{start, end})
				j = next
			} else {
				j++
			}
		default:
			j++
		}
	}
	return nil, 0, false
}

// cssParens reads the parentheses at data[j:], nested ones within: where
// they end, and the path of each url(…) in them; not ok if they do not.
// Their strings are skipped, and are no path.
func cssParens(data []byte, j int) (next int, urls [][2]int, ok bool) {
	depth := 0
	for j < len(data) {
		switch c := data[j]; {
		case c == '(':
			depth++
			j++
		case c == ')':
			depth--
			j++
			if depth == 0 {
				return j, urls, true
			}
		case c == '"' || c == '\'':
			k := bytes.IndexByte(data[j+1:], c)
			if k < 0 {
				return 0, nil, false
			}
			j += k + 2
		case c|0x20 == 'u':
			if start, end, n, ok := cssURL(data, j); ok {
				urls = append(urls, [2]int{start, end})
				j = n
			} else {
				j++
			}
		default:
			j++
		}
	}
	return 0, nil, false
}

func isCSSSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func skipCSSSpace(data []byte, j int) int {
	for j < len(data) && isCSSSpace(data[j]) {
		j++
	}
	return j
}

// cssRefs warns of each reference of a stylesheet to an asset that is
// not there: the browser would ask for it and get nothing.
func (l *loader) cssRefs() {
	have := map[string]bool{}
	for _, a := range l.s.Assets {
		have[a.Name] = true
	}
	for _, a := range l.s.Assets {
		if path.Ext(a.Name) != ".css" {
			continue
		}
		for _, r := range CSSRefs(a.Name, a.Data) {
			if !have[r.Name] {
				l.s.Warnings.Add(a.Source, r.Line, r.Col, "警告：样式表引用的 layouts/assets/%s 不存在，浏览器取不到它", r.Name)
			}
		}
	}
}
