package render

import (
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"
	"unicode/utf8"

	"tongbao/internal/diag"
	"tongbao/internal/site"
)

// A field misspelt in a layout is an error only where it runs: text/
// template looks fields up as it executes. One in a branch that no page
// of this site takes — {{with .Site.IDCode}}{{.Titel}}{{end}} while the
// site has no 网站标识码, a {{range}} over a list still empty — passes every
// build, and breaks the first build that takes it, months later, when
// the office fills in its number or the list gets its first item.
// fieldCheck finds them before anything runs: it walks each template's
// parse tree with the Go type of its dot — *Page for a page layout and
// base.html, each shortcode's view for its markup, and, for a template
// another calls ({{template "x" .Circular}}, partialCached), the type of
// what the call passes — following with, range (to the element's type),
// variables ($x := .Foo, $) and the results of methods and functions, and
// tells each field that type has not, with the nearest it has. Where the
// type is not known (an interface, a function whose result it cannot
// type, a number literal) it says nothing: a template it cannot follow is
// never refused. Its messages name a value as the layout shows it (.Site,
// {{with .Site}} 的值, 页面), never by the Go type, which staff writing
// layouts see nowhere (value).

// fieldCheck returns a diagnostic for each field a template of the site
// names that the data it is executed with has not.
func (t *templates) fieldCheck() diag.List {
	var out diag.List
	report := func(err error) {
		if d := t.diag(err); !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(t.pages)) {
		c := newChecker(t, t.pages[name], report)
		c.template("base.html", pageDot)
	}
	if t.shortcodes != nil {
		c := newChecker(t, t.shortcodes, report)
		for _, sc := range shortcodeSet {
			c.template("shortcodes/"+sc.name+".html", shortcodeDot(sc))
		}
	}
	return out
}

// A value is what the check knows of a value in a template: its Go type
// (nil: not known until it runs) and how a message names it to the
// layout's author, who sees the layouts and the reference, not the Go
// behind them: "页面", ".Site", "{{range .Site.Map}} 的一项".
type value struct {
	typ  reflect.Type
	name string
	// here: the name is written in the template being walked (a with's,
	// a field of its dot), which a partial it is passed to does not show.
	here bool
}

// pageDot is the dot of a page layout and of base.html; shortcodeDot a
// shortcode's markup's.
var pageDot = value{typ: reflect.TypeFor[*Page](), name: "页面"}

func shortcodeDot(sc shortcode) value {
	return value{typ: sc.dot, name: "短代码 " + sc.name + " 的数据"}
}

// toldField reports whether err, an error of a template as it ran, is a
// field its data has not that fieldCheck told already, on the same line
// of the same file: the pages that run it are left out, and it is told
// once, at the field, not again in Go's place of it on each.
func (t *templates) toldField(err error) bool {
	if len(t.fields) == 0 || !strings.Contains(err.Error(), "can't evaluate field") {
		return false
	}
	d := t.diag(err)
	return slices.ContainsFunc(t.fields, func(f diag.Diagnostic) bool { return f.File == d.File && f.Line == d.Line })
}

// A checker walks the templates of one set, each once for each type of
// dot it is called with.
type checker struct {
	t      *templates
	set    *template.Template
	funcs  map[string]reflect.Type // the result of each of tongbao's functions
	done   map[checked]bool
	report func(error)

	// vars are the variables in scope, innermost last; name is the
	// template being walked.
	vars []variable
	name string
}

type checked struct {
	name string
	dot  reflect.Type
}

type variable struct {
	name string
	v    value
}

func newChecker(t *templates, set *template.Template, report func(error)) *checker {
	c := &checker{t: t, set: set, funcs: map[string]reflect.Type{}, done: map[checked]bool{}, report: report}
	for name, fn := range t.funcs() {
		if ft := reflect.TypeOf(fn); ft.Kind() == reflect.Func && ft.NumOut() > 0 {
			c.funcs[name] = ft.Out(0)
		}
	}
	return c
}

// template walks the template name of the set with dot, once for each
// name and type of dot: the first call's name of it is the one told.
func (c *checker) template(name string, dot value) {
	key := checked{name, dot.typ}
	if c.done[key] {
		return
	}
	c.done[key] = true
	tmpl := c.set.Lookup(name)
	if tmpl == nil || tmpl.Tree == nil || tmpl.Tree.Root == nil {
		return // told as it runs: no such template
	}
	vars, was := c.vars, c.name
	c.vars, c.name = []variable{{"$", dot}}, name
	c.list(tmpl.Tree.Root, dot)
	c.vars, c.name = vars, was
}

// passed is v as the template it is passed to names it: what the caller
// wrote there, said to be the caller's.
func (c *checker) passed(v value) value {
	if v.here {
		if tmpl := c.set.Lookup(c.name); tmpl != nil && tmpl.Tree != nil {
			v.name, v.here = tmpl.Tree.ParseName+" 中的 "+v.name, false
		}
	}
	return v
}

func (c *checker) list(l *parse.ListNode, dot value) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		c.node(n, dot)
	}
}

func (c *checker) node(n parse.Node, dot value) {
	switch n := n.(type) {
	case *parse.ActionNode:
		c.pipe(n.Pipe, dot)
	case *parse.IfNode:
		c.branch(&n.BranchNode, dot, "")
	case *parse.WithNode:
		c.branch(&n.BranchNode, dot, "with")
	case *parse.RangeNode:
		mark := len(c.vars)
		elemT, keyT := rangeTypes(c.pipeType(n.Pipe, dot).typ)
		elem := value{elemT, "{{range " + n.Pipe.String() + "}} 的一项", true}
		key := value{typ: keyT}
		switch len(n.Pipe.Decl) {
		case 1:
			c.declare(n.Pipe.Decl[0].Ident[0], elem)
		case 2:
			c.declare(n.Pipe.Decl[0].Ident[0], key)
			c.declare(n.Pipe.Decl[1].Ident[0], elem)
		}
		c.list(n.List, elem)
		c.list(n.ElseList, dot)
		c.vars = c.vars[:mark]
	case *parse.TemplateNode:
		var arg value
		if n.Pipe != nil {
			arg = c.pipe(n.Pipe, dot)
		}
		c.template(n.Name, c.passed(arg))
	case *parse.ListNode:
		c.list(n, dot)
	}
}

// branch walks an if or a with (kw "with"): its lists see the variables
// its pipeline declares; a with's first list has the pipeline's value as
// its dot.
func (c *checker) branch(b *parse.BranchNode, dot value, kw string) {
	mark := len(c.vars)
	v := c.pipe(b.Pipe, dot)
	if kw == "with" {
		c.list(b.List, value{v.typ, "{{with " + b.Pipe.String() + "}} 的值", true})
	} else {
		c.list(b.List, dot)
	}
	c.list(b.ElseList, dot)
	c.vars = c.vars[:mark]
}

// pipe is a pipeline's value, having declared or assigned its variables.
func (c *checker) pipe(p *parse.PipeNode, dot value) value {
	v := c.pipeType(p, dot)
	for _, d := range p.Decl {
		if p.IsAssign {
			c.assign(d.Ident[0], v)
		} else {
			c.declare(d.Ident[0], v)
		}
	}
	return v
}

// pipeType is a pipeline's value: its last command's, named as the
// pipeline is written where it has several.
func (c *checker) pipeType(p *parse.PipeNode, dot value) value {
	if p == nil {
		return value{}
	}
	var v value
	for _, cmd := range p.Cmds {
		v = c.command(cmd, dot)
	}
	if len(p.Cmds) > 1 {
		cmds := make([]string, len(p.Cmds))
		for i, cmd := range p.Cmds {
			cmds[i] = cmd.String()
		}
		v.name, v.here = strings.Join(cmds, " | "), true
	}
	return v
}

// command is a command's value.
func (c *checker) command(cmd *parse.CommandNode, dot value) value {
	if len(cmd.Args) == 0 {
		return value{}
	}
	args := make([]value, len(cmd.Args)-1)
	for i, a := range cmd.Args[1:] {
		args[i] = c.arg(a, dot)
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return value{c.function(id.Ident, cmd.Args[1:], args), cmd.String(), true}
	}
	return c.arg(cmd.Args[0], dot)
}

// arg is an operand's value, its fields looked up.
func (c *checker) arg(n parse.Node, dot value) value {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	// The parser places a chain of fields (.Site.Title, $x.Title,
	// (…).Title) at its second field, or at the first after a variable
	// or a parenthesised pipeline; a single field at itself.
	case *parse.FieldNode:
		at := int(n.Position())
		if len(n.Ident) > 1 {
			at -= 1 + len(n.Ident[0])
		}
		return value{c.fields(dot, n.Ident, n, at, ""), n.String(), true}
	case *parse.VariableNode:
		v := c.lookup(n.Ident[0])
		if len(n.Ident) == 1 {
			if n.Ident[0] == "$" {
				return v // the template's dot, as it is named
			}
			return value{v.typ, n.Ident[0], true}
		}
		return value{c.fields(v, n.Ident[1:], n, int(n.Position()), n.Ident[0]), n.String(), true}
	case *parse.ChainNode:
		v := c.arg(n.Node, dot)
		holder := n.Node.String()
		if _, ok := n.Node.(*parse.PipeNode); ok {
			holder = "(" + holder + ")"
		}
		return value{c.fields(v, n.Field, n, int(n.Position()), holder), n.String(), true}
	case *parse.PipeNode:
		v := c.pipe(n, dot)
		return value{v.typ, "(" + n.String() + ")", true}
	case *parse.StringNode:
		return value{reflect.TypeFor[string](), n.Quoted, true}
	case *parse.BoolNode:
		return value{reflect.TypeFor[bool](), n.String(), true}
	case *parse.IdentifierNode:
		return value{c.function(n.Ident, nil, nil), n.Ident, true}
	}
	return value{}
}

// function is the type of the result of the function name called with
// args, of values vals: tongbao's by their Go signature, Go's own where
// it is fixed or follows from the arguments; nil where it is not known
// (call, and, or). A partial partialCached runs is walked with the type
// of the data it is given.
func (c *checker) function(name string, args []parse.Node, vals []value) reflect.Type {
	switch name {
	case "partialCached":
		if len(args) >= 2 {
			if s, ok := args[0].(*parse.StringNode); ok {
				c.template(s.Text, c.passed(vals[1]))
			}
		}
	case "print", "printf", "println", "html", "js", "urlquery":
		return reflect.TypeFor[string]()
	case "len":
		return reflect.TypeFor[int]()
	case "not", "eq", "ne", "lt", "le", "gt", "ge":
		return reflect.TypeFor[bool]()
	case "slice":
		if len(vals) > 0 {
			return vals[0].typ
		}
	case "index":
		if len(vals) == 0 {
			return nil
		}
		typ := vals[0].typ
		for range vals[1:] {
			typ = indexed(typ)
		}
		return typ
	}
	return c.funcs[name]
}

// indexed is the type of an element of a value of type typ by index.
func indexed(typ reflect.Type) reflect.Type {
	if typ == nil {
		return nil
	}
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	switch typ.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return typ.Elem()
	}
	return nil
}

// rangeTypes are the element's and the key's (or index's) type of a
// range over a value of type typ.
func rangeTypes(typ reflect.Type) (elem, key reflect.Type) {
	if typ == nil {
		return nil, nil
	}
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	switch typ.Kind() {
	case reflect.Slice, reflect.Array:
		return typ.Elem(), reflect.TypeFor[int]()
	case reflect.Map:
		return typ.Elem(), typ.Key()
	case reflect.Chan:
		return typ.Elem(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return typ, typ
	}
	return nil, nil
}

func (c *checker) declare(name string, v value) {
	c.vars = append(c.vars, variable{name, v})
}

// assign gives a variable a value ($x = …): of another type than it had,
// its type is no longer known, as either may be its value after.
func (c *checker) assign(name string, v value) {
	for i := len(c.vars) - 1; i >= 0; i-- {
		if c.vars[i].name == name {
			if c.vars[i].v.typ != v.typ {
				c.vars[i].v.typ = nil
			}
			return
		}
	}
}

func (c *checker) lookup(name string) value {
	for i := len(c.vars) - 1; i >= 0; i-- {
		if c.vars[i].name == name {
			return c.vars[i].v
		}
	}
	return value{} // told as it is parsed: undefined variable
}

// fields is the type of the fields idents of v, each looked up as
// text/template looks it up: a method of the value (or of its pointer),
// a field of a struct, a key of a map. at is the byte offset in the
// template's text of the first of them, written after holder (a
// variable, a parenthesised pipeline; "" for dot). A field the value has
// not is reported, and its type is not known.
func (c *checker) fields(v value, idents []string, n parse.Node, at int, holder string) reflect.Type {
	typ := v.typ
	for i, name := range idents {
		if typ == nil {
			return nil
		}
		next, ok := fieldType(typ, name)
		if !ok {
			chain := "{{" + holder + "." + strings.Join(idents[:i+1], ".") + "}}"
			written := holder + dotted(idents[:i])
			if written == "$" {
				written = "$（" + v.name + "）"
			}
			msg := missing(chain, written, v.name, name, shapeOf(typ))
			if root := c.lookup("$"); holder == "" && i == 0 && root.typ != nil && root.typ != typ && !isList(typ) {
				// Within a with or a range, dot is their value: the
				// field is most often the template's own ($.Title).
				here := missing(chain, "", v.name, name, shape{kind: shapeOf(typ).kind})
				if _, ok := fieldType(root.typ, name); ok {
					msg = fmt.Sprintf("%s；要取%s的 %s，写 {{$.%s}}", here, spaced(root.name), name, name)
				} else if near := site.Nearest(name, fieldNames(deref(root.typ))); near != "" && site.Nearest(name, fieldNames(deref(typ))) == "" {
					msg = fmt.Sprintf("%s；是否为%s的 {{$.%s}}？", here, spaced(root.name), near)
				}
			}
			c.report(fmt.Errorf("template: %s: %s", c.place(n, at), msg))
			return nil
		}
		typ = next
		at += 1 + len(name)
	}
	return typ
}

// place is "file:line:col" of the byte at of the template n is in, as Go
// places its errors (the column from 0, in bytes).
func (c *checker) place(n parse.Node, at int) string {
	tmpl := c.set.Lookup(c.name)
	file := tmpl.Tree.ParseName
	text := c.t.files[file].Data
	if at > len(text) {
		loc, _ := tmpl.Tree.ErrorContext(n)
		return loc
	}
	line, col := placeOf(text, at)
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// fieldType is the type of the field or method name of a value of type
// typ, and whether it has one; a value whose type is not known until it
// runs (an interface) has any.
func fieldType(typ reflect.Type, name string) (reflect.Type, bool) {
	if typ.Kind() == reflect.Interface {
		return nil, true
	}
	// A method of T or of *T: a field's value may be addressable.
	base := typ
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	if base.Kind() == reflect.Interface {
		return nil, true
	}
	if m, ok := reflect.PointerTo(base).MethodByName(name); ok {
		if m.Type.NumOut() == 0 {
			return nil, true
		}
		return m.Type.Out(0), true
	}
	if m, ok := typ.MethodByName(name); ok && m.Type.NumOut() > 0 {
		return m.Type.Out(0), true
	}
	switch base.Kind() {
	case reflect.Struct:
		if f, ok := base.FieldByName(name); ok && f.IsExported() {
			return f.Type, true
		}
	case reflect.Map:
		if reflect.TypeFor[string]().AssignableTo(base.Key()) {
			return base.Elem(), true
		}
		return nil, true // a key of another kind: Go's own error, as it runs
	}
	return nil, false
}

// dotted is idents written as a chain of fields: ".Site.Title".
func dotted(idents []string) string {
	if len(idents) == 0 {
		return ""
	}
	return "." + strings.Join(idents, ".")
}

// missing words that a value has no field name, in the action at
// ({{.Site.Titel}}), naming the value as the layout's author sees it, not
// by its Go type (SiteData, ListItem, string), which the layouts show
// nowhere: written is what holds the field as the action writes it
// (".Site", "$x"), or "" for dot, of which dot says what it is there
// ("页面", "{{with .Site}} 的值"; "" when not known); sh is what the
// value is. The nearest field it has is named; of a list whose items
// have it, that {{range}} was forgotten. The check before anything runs
// and explain, of the same error as it runs, both word it so.
func missing(at, written, dot, name string, sh shape) string {
	var what string
	switch {
	case written != "" && sh.kind != "":
		return fmt.Sprintf("%s：%s是%s，没有字段“%s”", at, trail(written), sh.kind, name)
	case written != "" && sh.list:
		what = trail(written) + "是一个列表，"
	case written != "":
		return fmt.Sprintf("%s：%s没有字段“%s”%s", at, trail(written), name, site.Suggest(name, sh.fields))
	case dot == "" && sh.kind != "":
		return fmt.Sprintf("%s：这里的“.”是%s，没有字段“%s”", at, sh.kind, name)
	case dot == "" && sh.list:
		what = "这里的“.”是一个列表，"
	case dot == "":
		return fmt.Sprintf("%s：这里的“.”没有字段“%s”%s", at, name, site.Suggest(name, sh.fields))
	case sh.kind != "":
		return fmt.Sprintf("%s：这里的“.”是%s（%s），没有字段“%s”", at, lead(dot), sh.kind, name)
	case sh.list:
		what = "这里的“.”是" + lead(dot) + "（一个列表），"
	default:
		return fmt.Sprintf("%s：这里的“.”是%s，没有字段“%s”%s", at, lead(dot), name, site.Suggest(name, sh.fields))
	}
	if slices.Contains(sh.fields, name) {
		return fmt.Sprintf("%s：%s列表没有字段“%s”：要用 {{range}} 逐个取出，在其中写 {{.%s}}", at, what, name, name)
	}
	return fmt.Sprintf("%s：%s列表没有字段“%s”，列表的项也没有%s", at, what, name, site.Suggest(name, sh.fields))
}

// A shape is what a message says a value is: one with fields, a list
// (fields: its items'), or text, a number or a truth value (kind, in
// words), which have none.
type shape struct {
	fields []string
	list   bool
	kind   string
}

// shapeOf is the shape of a value of type t.
func shapeOf(t reflect.Type) shape {
	base := deref(t)
	switch base.Kind() {
	case reflect.Slice, reflect.Array:
		return shape{fields: fieldNames(deref(base.Elem())), list: true}
	case reflect.String:
		return shape{kind: "文字"}
	case reflect.Bool:
		return shape{kind: "真假值"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return shape{kind: "数"}
	}
	return shape{fields: fieldNames(base)}
}

// lead is a name that follows Chinese text: a space before it where it
// begins with a Latin letter or a sign ({{with …}}, .Latest), as the
// messages space them.
func lead(name string) string {
	if name != "" && name[0] < utf8.RuneSelf {
		return " " + name
	}
	return name
}

// trail is a name that Chinese text follows: a space after it where it
// ends with a Latin letter or a sign (.Site, $x), as lead.
func trail(name string) string {
	if r, _ := utf8.DecodeLastRuneInString(name); r < utf8.RuneSelf {
		return name + " "
	}
	return name
}

// spaced is a name between Chinese words.
func spaced(name string) string { return trail(lead(name)) }

// isList reports whether t is a slice or an array, or a pointer to one.
func isList(t reflect.Type) bool {
	k := deref(t).Kind()
	return k == reflect.Slice || k == reflect.Array
}

// deref is t without its pointers.
func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// fieldNames are the exported fields of a struct type t and the methods
// of t and *t: what a template may name of a value of type t.
func fieldNames(t reflect.Type) []string {
	var names []string
	if t.Kind() == reflect.Struct {
		for f := range t.Fields() {
			if f.IsExported() {
				names = append(names, f.Name)
			}
		}
	}
	if t.Kind() != reflect.Interface {
		for m := range reflect.PointerTo(t).Methods() {
			names = append(names, m.Name)
		}
	}
	return names
}
