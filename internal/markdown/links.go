package markdown

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// A Link is a link or an image of a body, as its destination was parsed:
// escapes and entities resolved, the angle brackets of <…> removed. The
// site publishes the files a body links to (site.Page.Linked).
type Link struct {
	Dest      string
	Image     bool
	Text      string // the link's text, an image's alt text, without markup
	Line, Col int    // where it starts: its '[', an image's '!'
}

// A Target is what the HTML links to in place of a destination: the
// files a body links to are published beside its page under other names.
type Target struct {
	Href string
	// Download is the name a browser saves the file as (a link's
	// download attribute); not given for images.
	Download string
	// Width and Height are an image's size in pixels, if known: its
	// width and height attributes, which keep its room on the page before
	// it arrives.
	Width, Height int
}

// Links lists the links and images of src in document order, without
// rendering anything. A text beyond the limits of Check has none: it is
// not parsed, and Convert refuses it.
func (c *Converter) Links(src []byte) []Link {
	// Every link or image has "](" (inline) or a definition "]:"; most
	// bodies have neither and need no parse.
	if !bytes.Contains(src, []byte("](")) && !bytes.Contains(src, []byte("]:")) {
		return nil
	}
	src = validUTF8(src)
	if Check(src) != nil {
		return nil
	}
	var links []Link
	var offsets []int
	// An image's description is its alt text, written without markup: a
	// link or image in it (![[a](b)](c.png)) is no link of the page.
	inImage := 0
	_ = ast.Walk(c.parse(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Kind() == ast.KindImage {
				inImage--
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if inImage == 0 {
				links = append(links, Link{Dest: string(n.Destination), Text: inlineText(n, src)})
				offsets = append(offsets, n.Pos())
			}
		case *ast.Image:
			if inImage == 0 {
				links = append(links, Link{Dest: string(n.Destination), Image: true, Text: inlineText(n, src)})
				offsets = append(offsets, n.Pos())
			}
			inImage++
		}
		return ast.WalkContinue, nil
	})
	positions(src, offsets, func(i, line, col int) { links[i].Line, links[i].Col = line, col })
	return links
}

// A Place is where something of a body is: its line and column (in
// characters, from 1), and the first of its text.
type Place struct {
	Line, Col int
	Text      string
}

// RawHTML returns where a body holds HTML, which the converter leaves out
// of the page (a pasted <table> disappears without a word): each block
// or inline tag but a comment, which staff write as a note to themselves.
func (c *Converter) RawHTML(src []byte) []Place {
	if !bytes.Contains(src, []byte("<")) {
		return nil
	}
	src = validUTF8(src)
	if Check(src) != nil {
		return nil
	}
	var places []Place
	var offsets []int
	add := func(start, stop int) {
		text := bytes.TrimSpace(src[start:stop])
		if bytes.HasPrefix(text, []byte("<!--")) {
			return
		}
		if i := bytes.IndexAny(text, "\r\n"); i >= 0 {
			text = text[:i]
		}
		shown := []rune(string(text))
		if len(shown) > 40 {
			shown = append(shown[:40], '…')
		}
		places = append(places, Place{Text: string(shown)})
		offsets = append(offsets, start)
	}
	_ = ast.Walk(c.parse(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				add(n.Lines().At(0).Start, n.Lines().At(n.Lines().Len()-1).Stop)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				add(n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	positions(src, offsets, func(i, line, col int) { places[i].Line, places[i].Col = line, col })
	return places
}

// positions calls f with the line and the column, in characters, of each
// byte offset of src, in one pass over src whatever their number: a body
// of the largest size Check admits may hold tens of thousands of links.
func positions(src []byte, offsets []int, f func(i, line, col int)) {
	order := make([]int, len(offsets))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(offsets[a], offsets[b]) })
	line, col, off := 1, 1, 0
	for _, i := range order {
		for off < offsets[i] {
			r, size := utf8.DecodeRune(src[off:])
			if off += size; r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		f(i, line, col)
	}
}

// walkLinks calls f for each link and image of root, in document order.
func walkLinks(root ast.Node, f func(n ast.Node, dest []byte)) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			f(n, n.Destination)
		case *ast.Image:
			f(n, n.Destination)
		}
		return ast.WalkContinue, nil
	})
}

// inlineText is the text of n's inline children, without markup, as an
// image's alt attribute holds it.
func inlineText(n ast.Node, src []byte) string {
	var b []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				b = append(b, c.Segment.Value(src)...)
			case *ast.String:
				b = append(b, c.Value...)
			}
		}
		return ast.WalkContinue, nil
	})
	return string(b)
}

// rewriteLinks points the links and images of root whose destination
// targets names elsewhere.
func rewriteLinks(root ast.Node, targets map[string]Target) {
	if len(targets) == 0 {
		return
	}
	walkLinks(root, func(n ast.Node, dest []byte) {
		t, ok := targets[string(dest)]
		if !ok {
			return
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = []byte(t.Href)
			if t.Download != "" {
				n.SetAttributeString("download", []byte(t.Download))
			}
		case *ast.Image:
			n.Destination = []byte(t.Href)
			if t.Width > 0 && t.Height > 0 {
				n.SetAttributeString("width", strconv.AppendInt(nil, int64(t.Width), 10))
				n.SetAttributeString("height", strconv.AppendInt(nil, int64(t.Height), 10))
				// Its box kept, it may wait until the reader scrolls near
				// it: a phone on a metered connection need not fetch the
				// charts of a long circular's end to read its start.
				n.SetAttributeString("loading", []byte("lazy"))
			}
		}
	})
}
