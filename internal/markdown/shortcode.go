package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A Shortcode is one `{{< name arg … >}}` line of a Markdown body.
type Shortcode struct {
	Name string
	Args []string
	// Line and Col locate the "{{<" in the Markdown given to Convert,
	// both 1-based; Col counts characters, not bytes.
	Line, Col int
}

// A Resolver turns one shortcode into HTML. It returns an error, with a
// message in Chinese, for an unknown name or bad arguments; or its HTML
// and a ShortcodeWarning, for a shortcode that renders but is likely not
// what its author meant.
type Resolver func(sc Shortcode) (template.HTML, error)

// A ShortcodeWarning is a Resolver's warning about a shortcode whose HTML
// it returns all the same: Convert reports it at the shortcode as an
// Error with Warning set, and keeps the HTML.
type ShortcodeWarning string

func (w ShortcodeWarning) Error() string { return string(w) }

const (
	shortcodeOpen  = "{{<"
	shortcodeClose = ">}}"
)

// Messages that the check for shortcodes published as text (strays)
// tells from the other syntax errors.
const (
	trailingText = "短代码 >}} 之后不能有其他内容，每行只能写一个短代码"
	hugoEscape   = "短代码没有 Hugo 的 {{</* … */>}} 写法：要把短代码当作文字展示，放进行内代码（`{{< … >}}`）或 ``` 代码块"
)

// kindShortcode is the AST node kind of a shortcode line.
var kindShortcode = ast.NewNodeKind("Shortcode")

// shortcodeNode is a shortcode block in the AST. A syntax error is kept in
// the node rather than failing the parse, so that one pass reports every
// problem and the rest of the page still renders.
type shortcodeNode struct {
	ast.BaseBlock
	sc   Shortcode
	err  *Error        // syntax error, or nil
	more []Error       // the strays after a mistyped one on its line
	html template.HTML // what the Resolver made of it
}

func (n *shortcodeNode) Kind() ast.NodeKind { return kindShortcode }

func (n *shortcodeNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Name": n.sc.Name,
		"Args": fmt.Sprintf("%q", n.sc.Args),
		"Line": fmt.Sprint(n.sc.Line),
	}, nil)
}

// shortcodes is the goldmark extension for shortcode lines.
type shortcodes struct{}

func (shortcodes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(shortcodeParser{}, 450)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(shortcodeRenderer{}, 450)))
}

// shortcodeParser opens a shortcode block on any line whose first
// non-blank characters are "{{<", or a mistyped opening of one (see
// mistyped), which is an error. Fenced and indented code never reach it:
// goldmark does not open blocks inside a fence, and lines indented four
// columns or more are left to the code block parser (strays finds a
// shortcode there).
type shortcodeParser struct{}

// Trigger is '{' and the first byte of the full-width "｛".
func (shortcodeParser) Trigger() []byte { return []byte{'{', wideBrace[0]} }

func (shortcodeParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	_, exact, ok := openMark(line[pos:])
	if !ok {
		return nil, parser.NoChildren
	}
	content := bytes.TrimRightFunc(line[pos:], unicode.IsSpace)
	var mistake string
	if !exact {
		if mistake, ok = mistyped(content); !ok {
			return nil, parser.NoChildren
		}
	}
	// line carries the segment's padding (spaces standing for part of a
	// tab) in front of the source bytes.
	start := max(segment.Start+pos-segment.Padding, segment.Start)
	src := reader.Source()

	n := &shortcodeNode{}
	lines := lineStartsOf(pc, src)
	n.sc.Line, n.sc.Col = lines.position(src, start)
	name, args, perr := parseShortcode(content)
	if !exact {
		perr = &lineError{0, mistake}
		// The line is the node's whatever follows the mistyped mark, so
		// strays (which reads paragraphs) never sees the rest of it. A
		// backtick may open a code span, where a shortcode is text, and
		// code spans are not parsed here: such a line's rest is left.
		open, _, _ := openMark(content)
		if _, end := closeMark(content[open:]); end >= 0 && !bytes.ContainsRune(content, '`') {
			strayInLine(ast.KindParagraph, src, start, start+open+end, start+len(content), nil, func(off int, msg string) {
				l, c := lines.position(src, off)
				n.more = append(n.more, Error{Line: l, Col: c, Msg: msg})
			})
		}
	}
	if perr != nil {
		l, c := lines.position(src, start+perr.off)
		n.err = &Error{Line: l, Col: c, Msg: perr.msg}
	} else {
		n.sc.Name, n.sc.Args = name, args
	}
	reader.Advance(segment.Len() - 1)
	return n, parser.NoChildren
}

func (shortcodeParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close // one line only
}

func (shortcodeParser) Close(ast.Node, text.Reader, parser.Context) {}
func (shortcodeParser) CanInterruptParagraph() bool                 { return true }
func (shortcodeParser) CanAcceptIndentedLine() bool                 { return false }

// shortcodeRenderer writes the HTML the Resolver produced, unwrapped. A
// shortcode with an error renders as nothing; the error is reported.
type shortcodeRenderer struct{}

func (shortcodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindShortcode, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		h := node.(*shortcodeNode).html
		if h == "" {
			return ast.WalkSkipChildren, nil
		}
		_, _ = w.WriteString(string(h))
		if h[len(h)-1] != '\n' {
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
}

// lineError is a syntax error at byte offset off of a shortcode line.
type lineError struct {
	off int
	msg string
}

// parseShortcode parses one shortcode line, without surrounding blanks:
//
//	{{< name arg arg … >}}
//
// The name matches [a-z][a-z0-9-]*. An argument is a bare word (no blanks
// and no '"') or a double-quoted string in which \" and \\ stand for " and
// \. Blanks between the parts are any Unicode white space, so a stray
// full-width space (U+3000) separates rather than joins.
func parseShortcode(line []byte) (name string, args []string, err *lineError) {
	if !bytes.HasPrefix(line, []byte(shortcodeOpen)) {
		return "", nil, &lineError{0, "短代码应以 {{< 开头"}
	}
	i := len(shortcodeOpen)
	skipSpace := func() bool {
		from := i
		for i < len(line) {
			r, size := utf8.DecodeRune(line[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		return i > from
	}
	atClose := func() bool { return bytes.HasPrefix(line[i:], []byte(shortcodeClose)) }
	// word scans up to a blank or the closing ">}}".
	word := func() []byte {
		from := i
		for i < len(line) && !atClose() {
			r, size := utf8.DecodeRune(line[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += size
		}
		return line[from:i]
	}

	skipSpace()
	if bytes.HasPrefix(line[i:], []byte("/*")) {
		return "", nil, &lineError{i, hugoEscape}
	}
	// A closing mark mistyped (`＞}}`, `》}}`, `%}}`) would be read as
	// part of the name or an argument.
	if start, end := closeMark(line); start >= 0 && !bytes.Contains(line[i:], []byte(shortcodeClose)) {
		return "", nil, &lineError{start, markMistake([]byte(shortcodeOpen), line[start:end])}
	}
	nameAt := i
	nm := word()
	if len(nm) == 0 {
		return "", nil, &lineError{nameAt, "短代码缺少名称"}
	}
	if !validShortcodeName(nm) {
		return "", nil, &lineError{nameAt, fmt.Sprintf("短代码名称 %q 无效：应以小写英文字母开头，只含小写英文字母、数字和连字符", nm)}
	}
	for {
		spaced := skipSpace()
		if atClose() {
			i += len(shortcodeClose)
			break
		}
		if i >= len(line) {
			return "", nil, &lineError{i, "短代码缺少结尾的 >}}"}
		}
		if !spaced {
			return "", nil, &lineError{i, "短代码参数之间应有空格"}
		}
		if line[i] != '"' {
			at := i
			w := word()
			if q := bytes.IndexByte(w, '"'); q >= 0 {
				return "", nil, &lineError{at + q, "不带引号的参数中不能有引号；含空格或引号的参数请整个用双引号括起来"}
			}
			// “约谈” typed with Chinese quotes: read as a word holding
			// them, it was told as an unknown action named with them.
			if first, _ := utf8.DecodeRune(w); first == '“' || first == '‘' {
				if last, _ := utf8.DecodeLastRune(w); last == '”' || last == '’' {
					return "", nil, &lineError{at, fmt.Sprintf("参数两边的引号要用英文的“\"”：写作 %s", strconv.Quote(strings.Trim(string(w), "“”‘’")))}
				}
			}
			args = append(args, string(w))
			continue
		}
		quote := i
		var b []byte
		for i++; ; i++ {
			if i >= len(line) {
				return "", nil, &lineError{quote, "引号未闭合"}
			}
			c := line[i]
			if c == '"' {
				i++
				break
			}
			if c == '\\' {
				if i+1 < len(line) && (line[i+1] == '"' || line[i+1] == '\\') {
					i++
					c = line[i]
				} else {
					return "", nil, &lineError{i, `无效的转义：引号内只能用 \" 表示引号、\\ 表示反斜杠`}
				}
			}
			b = append(b, c)
		}
		args = append(args, string(b))
	}
	skipSpace()
	if i < len(line) {
		return "", nil, &lineError{i, trailingText}
	}
	return string(nm), args, nil
}

// validShortcodeName reports whether name matches [a-z][a-z0-9-]*.
func validShortcodeName(name []byte) bool {
	if len(name) == 0 || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	for _, c := range name[1:] {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// lineStarts are the offsets at which the lines of a document start.
type lineStarts []int

var lineStartsKey = parser.NewContextKey()

// lineStartsOf returns the line starts of src, made once per document and
// kept in its parser context: a text of many shortcodes would otherwise
// count its lines from the start again for each one.
func lineStartsOf(pc parser.Context, src []byte) lineStarts {
	if v, ok := pc.Get(lineStartsKey).(lineStarts); ok {
		return v
	}
	starts := lineStarts{0}
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		starts = append(starts, off)
	}
	pc.Set(lineStartsKey, starts)
	return starts
}

// position converts a byte offset in src to a 1-based line and a 1-based
// column counted in characters.
func (ls lineStarts) position(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	line, _ = slices.BinarySearch(ls, off+1) // lines starting at or before off
	return line, 1 + utf8.RuneCount(src[ls[line-1]:off])
}
