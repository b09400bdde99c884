package site

import (
	"bytes"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A CSSRef is a stylesheet's reference to another file of layouts/assets/:
// a url(…), or an @import "…". Every asset is published under a
// fingerprinted name (logo.png as logo.3f2a9c1b.png), so a stylesheet's
// url(../img/logo.png) would name a file that is not published: render
// writes the fingerprinted name in its place, and the loader warns of a
// reference to an asset that is not there.
type CSSRef struct {
	// Start and End are the bytes of the reference's path in the
	// stylesheet: no quotes, no ?query or #fragment (a font's ?#iefix).
	Start, End int
	Line, Col  int // where the path starts: line and character from 1
	// Name is the asset the path names, relative to layouts/assets/
	// ("img/logo.png" for ../img/logo.png in css/site.css).
	Name string
}

// cssRefRE finds url(…) and @import "…" outside comments: a comment is
// matched whole, so that what it holds is skipped.
var cssRefRE = regexp.MustCompile(`/\*[\s\S]*?(?:\*/|$)|(?i:url)\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@(?i:import)\s+(?:"([^"]*)"|'([^']*)')`)

// CSSRefs returns the references of the stylesheet name (a path below
// layouts/assets/) to other assets, in order. A reference that is an
// address (https:, data:), a path from the site's root (/img/x.png, a
// file of static/), a fragment (#id, an SVG filter) or leads out of
// layouts/assets/ names no asset, and is not among them.
func CSSRefs(name string, data []byte) []CSSRef {
	var refs []CSSRef
	for _, m := range cssRefRE.FindAllSubmatchIndex(data, -1) {
		start, end := -1, -1
		for g := 1; g <= 5; g++ {
			if m[2*g] >= 0 {
				start, end = m[2*g], m[2*g+1]
			}
		}
		if start < 0 {
			continue // a comment
		}
		ref := string(data[start:end])
		if i := strings.IndexAny(ref, "?#"); i >= 0 {
			ref, end = ref[:i], start+i
		}
		if ref == "" || strings.HasPrefix(ref, "/") || strings.Contains(ref, ":") {
			continue
		}
		target := path.Join(path.Dir(name), ref)
		if target == ".." || strings.HasPrefix(target, "../") {
			continue
		}
		line := 1 + bytes.Count(data[:start], []byte("\n"))
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:start], '\n')+1:start])
		refs = append(refs, CSSRef{Start: start, End: end, Line: line, Col: col, Name: target})
	}
	return refs
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
