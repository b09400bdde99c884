package markdown

import (
	"bytes"
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
	Line, Col int    // of the destination where it can be found, else of its paragraph
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
	walkLinks(c.parse(src), func(n ast.Node, dest []byte) {
		l := Link{Dest: string(dest), Image: n.Kind() == ast.KindImage, Text: inlineText(n, src)}
		l.Line, l.Col = position(src, destOffset(src, n, dest))
		links = append(links, l)
	})
	return links
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
			}
		}
	})
}

// destOffset is where in src the destination of link n is written: the
// first place it appears from n's paragraph on (a reference's definition
// usually follows it), else the paragraph's start. Inline nodes keep no
// position of their own in goldmark.
func destOffset(src []byte, n ast.Node, dest []byte) int {
	start := 0
	for b := n.Parent(); b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			start = b.Lines().At(0).Start
			break
		}
	}
	if i := bytes.Index(src[start:], dest); len(dest) > 0 && i >= 0 {
		return start + i
	}
	return start
}

// position is the line and the column, in characters, of byte off of src.
func position(src []byte, off int) (line, col int) {
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	return 1 + bytes.Count(src[:off], []byte{'\n'}), 1 + utf8.RuneCount(src[lineStart:off])
}
