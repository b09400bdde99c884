// Package markdown renders the Markdown bodies of circulars and pages to
// HTML, configured for Chinese text (DESIGN.md §6), and expands the
// block-level shortcodes `{{< name arg … >}}`.
//
// The configuration is fixed: GFM tables, footnotes, East-Asian soft line
// breaks in the CSS3 draft style (a line break after ， joins without a
// space), escaped spaces, emphasis by the CJK-friendly amendment (see
// NewCJKEmphasis), heading ids that keep Chinese, raw HTML omitted and no
// typographer, so that quotes typed as “” stay as typed.
package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// An Error is a problem at a place in the Markdown source.
type Error struct {
	Line, Col int // 1-based; Col counts characters, not bytes
	Msg       string
	// Warning is set when the text converts, but not as its author meant
	// (see slips): the page may be published, yet should be mended.
	Warning bool
}

// Error formats e as "line:col: msg".
func (e Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// A Converter renders Markdown. It is safe for concurrent use: the
// goldmark instances are built once by New and never changed, and all
// per-document state (heading ids, resolved shortcodes) lives in the call.
type Converter struct {
	doc    goldmark.Markdown // whole bodies
	inline goldmark.Markdown // short texts: paragraphs only, see Inline
}

// New returns a Converter configured as the package documentation says.
func New() *Converter {
	cjk := extension.NewCJK(
		extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft),
		extension.WithEscapedSpace(),
	)
	doc := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Footnote, cjk, NewCJKEmphasis(), shortcodes{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithASTTransformers(util.Prioritized(headerScope{}, 1000), util.Prioritized(figures{}, 1000))),
	)
	// For Inline only paragraphs may open, so that a progress text that
	// happens to start with "1. " or "# " stays text instead of becoming a
	// list or a heading.
	inline := goldmark.New(
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		)),
		goldmark.WithExtensions(cjk, NewCJKEmphasis()),
	)
	return &Converter{doc: doc, inline: inline}
}

// parse parses src with a fresh context, so heading ids start anew.
// src must be valid UTF-8 (see validUTF8).
func (c *Converter) parse(src []byte) ast.Node {
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	return c.doc.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
}

// validUTF8 returns src with every byte that is not part of valid UTF-8
// replaced by U+FFFD. goldmark's East-Asian line-break rendering panics on
// some invalid input (util.ToRune on a text of lone continuation bytes),
// and HTML should not carry invalid bytes anyway. One replacement per byte,
// unlike bytes.ToValidUTF8, keeps lines and character columns where the
// author sees them.
func validUTF8(src []byte) []byte {
	if utf8.Valid(src) {
		return src
	}
	out := make([]byte, 0, len(src)+16)
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, src[:size]...)
		}
		src = src[size:]
	}
	return out
}

// Convert renders src (a body, without front matter) to HTML. Every
// shortcode is passed to resolve, and the HTML it returns replaces the
// shortcode's line, unwrapped; with a nil resolve every shortcode is an
// error. All problems are returned together, ordered by place, and the
// HTML is still rendered as well as it can be: a shortcode in error renders
// as nothing. Among the problems are warnings (Error.Warning): Markdown
// slips that convert, but as text where markup was meant (see slips).
// Bytes of src that are not UTF-8 come out as U+FFFD.
func (c *Converter) Convert(src []byte, resolve Resolver) ([]byte, []Error) {
	return c.ConvertValid(validUTF8(src), resolve, nil)
}

// ConvertValid is Convert for a src that is valid UTF-8, as every source
// the site loader gives is (it refuses a file that is not): Convert's own
// check is a pass over the whole text, which a build would make twice.
// A text beyond the limits of Check is not parsed: the one error says
// which limit, and there is no HTML. A link or an image whose destination
// (as Links gives it) is in targets links to its target instead.
func (c *Converter) ConvertValid(src []byte, resolve Resolver, targets map[string]Target) ([]byte, []Error) {
	if err := Check(src); err != nil {
		return nil, []Error{*err}
	}
	root := c.parse(src)
	var errs []Error
	walkShortcodes(root, func(n *shortcodeNode) {
		if n.err != nil {
			errs = append(append(errs, *n.err), n.more...)
			return
		}
		if resolve == nil {
			errs = append(errs, Error{Line: n.sc.Line, Col: n.sc.Col, Msg: fmt.Sprintf("未知短代码 %q", n.sc.Name)})
			return
		}
		h, err := resolve(n.sc)
		if w, ok := err.(ShortcodeWarning); ok {
			errs = append(errs, Error{Line: n.sc.Line, Col: n.sc.Col, Msg: string(w), Warning: true})
			err = nil
		}
		if err != nil {
			errs = append(errs, Error{Line: n.sc.Line, Col: n.sc.Col, Msg: err.Error()})
			return
		}
		n.html = h
	})
	errs = append(errs, strays(root, src)...)
	errs = append(errs, slips(root, src)...)
	rewriteLinks(root, targets)
	var buf bytes.Buffer
	// HTML is the text plus its tags: room for that at once, rather than a
	// dozen doublings per page.
	buf.Grow(len(src) + len(src)/4 + 256)
	if err := c.doc.Renderer().Render(&buf, src, root); err != nil {
		// goldmark's HTML renderers fail only when the writer does, and a
		// bytes.Buffer does not.
		errs = append(errs, Error{Msg: "渲染失败：" + err.Error()})
	}
	return buf.Bytes(), sortErrors(errs)
}

// Shortcodes lists the shortcodes of src in document order without
// rendering anything, along with the syntax errors of malformed ones; it
// lets a check validate names and arguments before a build.
func (c *Converter) Shortcodes(src []byte) ([]Shortcode, []Error) {
	src = validUTF8(src)
	if err := Check(src); err != nil {
		return nil, []Error{*err}
	}
	var scs []Shortcode
	var errs []Error
	root := c.parse(src)
	walkShortcodes(root, func(n *shortcodeNode) {
		if n.err != nil {
			errs = append(append(errs, *n.err), n.more...)
			return
		}
		scs = append(scs, n.sc)
	})
	errs = append(errs, strays(root, src)...)
	return scs, sortErrors(errs)
}

// Inline renders a short text such as the progress text of a result:
// emphasis, code, links and line breaks, without the <p> around it. Block
// syntax is not recognised; paragraphs separated by a blank line are
// joined by <br>. Raw HTML is omitted and links to dangerous schemes
// (javascript:, vbscript:, file:, data: other than images) get an empty
// href, as in Convert. A text beyond the limits of Check, which the site
// loader refuses, is not parsed but escaped as it stands.
func (c *Converter) Inline(src string) template.HTML {
	if plain(src) || Check([]byte(src)) != nil {
		// Most progress texts are a plain sentence; a month holds dozens
		// and an archive thousands, so they skip the parser.
		return template.HTML(htmlEscaper.Replace(strings.TrimSpace(src)))
	}
	return c.parseInline(src)
}

// parseInline is Inline through the parser.
func (c *Converter) parseInline(src string) template.HTML {
	// Only a paragraph may open a block here, and it cannot open on a line
	// indented four columns or more; drop indentation so no text is lost.
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, " \t")
	}
	source := validUTF8([]byte(strings.TrimSpace(strings.Join(lines, "\n"))))
	root := c.inline.Parser().Parse(text.NewReader(source))
	var buf bytes.Buffer
	for p := root.FirstChild(); p != nil; p = p.NextSibling() {
		if buf.Len() > 0 {
			buf.WriteString("<br>\n")
		}
		// Rendering the paragraph's children under a bare Document, which
		// renders as nothing itself, leaves out the <p>.
		d := ast.NewDocument()
		for ch := p.FirstChild(); ch != nil; {
			next := ch.NextSibling()
			d.AppendChild(d, ch)
			ch = next
		}
		_ = c.inline.Renderer().Render(&buf, source, d) // a Buffer never fails
	}
	return template.HTML(bytes.TrimRight(buf.Bytes(), "\n"))
}

// headerScope gives the header cells of GFM tables scope="col", so that
// screen readers announce a cell with its column's heading (GB/T 37668).
// It also gives every list role="list" (see below).
type headerScope struct{}

func (headerScope) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == east.KindTableCell && n.Parent() != nil && n.Parent().Kind() == east.KindTableHeader {
			n.SetAttributeString("scope", []byte("col"))
		}
		// The theme sets a circular's lists without markers (their
		// numbers are in the text, as on paper), and Safari then tells
		// VoiceOver they are no lists: role="list" keeps them lists.
		if entering && n.Kind() == ast.KindList {
			n.SetAttributeString("role", []byte("list"))
		}
		return ast.WalkContinue, nil
	})
}

// figures gives a paragraph that holds an image alone class="figure": the
// theme sets it apart, centred and without the indent of a paragraph of
// text, as a picture in an official document stands.
type figures struct{}

func (figures) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindParagraph && n.ChildCount() == 1 && n.FirstChild().Kind() == ast.KindImage {
			n.SetAttributeString("class", []byte("figure"))
		}
	}
}

// plain reports whether src has nothing Inline would treat as markup: no
// character that can open an inline construct (emphasis, code, links,
// raw HTML, entities, escapes) and no line break, and valid UTF-8.
func plain(src string) bool {
	return !strings.ContainsAny(src, "*_`[]<>&\\\n\r\x00") && utf8.ValidString(src)
}

// htmlEscaper escapes as goldmark escapes text, so that the fast path of
// Inline writes the same bytes as the parser.
var htmlEscaper = strings.NewReplacer(`&`, "&amp;", `<`, "&lt;", `>`, "&gt;", `"`, "&quot;")

// walkShortcodes calls f for each shortcode node of root, in document order.
func walkShortcodes(root ast.Node, f func(*shortcodeNode)) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if sc, ok := n.(*shortcodeNode); ok && entering {
			f(sc)
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil // shortcodes are blocks
		}
		return ast.WalkContinue, nil
	})
}

func sortErrors(errs []Error) []Error {
	slices.SortStableFunc(errs, func(a, b Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return errs
}
