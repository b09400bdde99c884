package render

import (
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"

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
// never refused.

// fieldCheck returns a diagnostic for each field a template of the site
// names that the data it is executed with has not.
func (t *templates) fieldCheck() diag.List {
	var out diag.List
	report := func(err error) {
		if d := t.diag(err); !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	page := reflect.TypeFor[*Page]()
	for _, name := range slices.Sorted(maps.Keys(t.pages)) {
		c := newChecker(t, t.pages[name], report)
		c.template("base.html", page)
	}
	if t.shortcodes != nil {
		c := newChecker(t, t.shortcodes, report)
		for _, sc := range shortcodeSet {
			c.template("shortcodes/"+sc.name+".html", sc.dot)
		}
	}
	return out
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
	typ  reflect.Type // nil: not known
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

// template walks the template name of the set with a dot of type dot,
// once for each name and type.
func (c *checker) template(name string, dot reflect.Type) {
	key := checked{name, dot}
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

func (c *checker) list(l *parse.ListNode, dot reflect.Type) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		c.node(n, dot)
	}
}

func (c *checker) node(n parse.Node, dot reflect.Type) {
	switch n := n.(type) {
	case *parse.ActionNode:
		c.pipe(n.Pipe, dot)
	case *parse.IfNode:
		c.branch(&n.BranchNode, dot, false)
	case *parse.WithNode:
		c.branch(&n.BranchNode, dot, true)
	case *parse.RangeNode:
		mark := len(c.vars)
		elem, key := rangeTypes(c.pipeType(n.Pipe, dot))
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
		var arg reflect.Type
		if n.Pipe != nil {
			arg = c.pipe(n.Pipe, dot)
		}
		c.template(n.Name, arg)
	case *parse.ListNode:
		c.list(n, dot)
	}
}

// branch walks an if or a with: its lists see the variables its pipeline
// declares; a with's first list has the pipeline's value as its dot.
func (c *checker) branch(b *parse.BranchNode, dot reflect.Type, with bool) {
	mark := len(c.vars)
	v := c.pipe(b.Pipe, dot)
	if with {
		c.list(b.List, v)
	} else {
		c.list(b.List, dot)
	}
	c.list(b.ElseList, dot)
	c.vars = c.vars[:mark]
}

// pipe is the type of a pipeline's value, having declared or assigned its
// variables.
func (c *checker) pipe(p *parse.PipeNode, dot reflect.Type) reflect.Type {
	typ := c.pipeType(p, dot)
	for _, v := range p.Decl {
		if p.IsAssign {
			c.assign(v.Ident[0], typ)
		} else {
			c.declare(v.Ident[0], typ)
		}
	}
	return typ
}

// pipeType is the type of a pipeline's value: its last command's.
func (c *checker) pipeType(p *parse.PipeNode, dot reflect.Type) reflect.Type {
	if p == nil {
		return nil
	}
	var typ reflect.Type
	for _, cmd := range p.Cmds {
		typ = c.command(cmd, dot)
	}
	return typ
}

// command is the type of a command's value.
func (c *checker) command(cmd *parse.CommandNode, dot reflect.Type) reflect.Type {
	if len(cmd.Args) == 0 {
		return nil
	}
	args := make([]reflect.Type, len(cmd.Args)-1)
	for i, a := range cmd.Args[1:] {
		args[i] = c.arg(a, dot)
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return c.function(id.Ident, cmd.Args[1:], args)
	}
	return c.arg(cmd.Args[0], dot)
}

// arg is the type of an operand, its fields looked up.
func (c *checker) arg(n parse.Node, dot reflect.Type) reflect.Type {
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
		return c.fields(dot, n.Ident, n, at, "")
	case *parse.VariableNode:
		typ := c.lookup(n.Ident[0])
		return c.fields(typ, n.Ident[1:], n, int(n.Position()), n.Ident[0])
	case *parse.ChainNode:
		typ := c.arg(n.Node, dot)
		holder := n.Node.String()
		if _, ok := n.Node.(*parse.PipeNode); ok {
			holder = "(" + holder + ")"
		}
		return c.fields(typ, n.Field, n, int(n.Position()), holder)
	case *parse.PipeNode:
		return c.pipe(n, dot)
	case *parse.StringNode:
		return reflect.TypeFor[string]()
	case *parse.BoolNode:
		return reflect.TypeFor[bool]()
	case *parse.IdentifierNode:
		return c.function(n.Ident, nil, nil)
	}
	return nil
}

// function is the type of the result of the function name called with
// args, of types types: tongbao's by their Go signature, Go's own where
// it is fixed or follows from the arguments; nil where it is not known
// (call, and, or). A partial partialCached runs is walked with the type
// of the data it is given.
func (c *checker) function(name string, args []parse.Node, types []reflect.Type) reflect.Type {
	switch name {
	case "partialCached":
		if len(args) >= 2 {
			if s, ok := args[0].(*parse.StringNode); ok {
				c.template(s.Text, types[1])
			}
		}
	case "print", "printf", "println", "html", "js", "urlquery":
		return reflect.TypeFor[string]()
	case "len":
		return reflect.TypeFor[int]()
	case "not", "eq", "ne", "lt", "le", "gt", "ge":
		return reflect.TypeFor[bool]()
	case "slice":
		if len(types) > 0 {
			return types[0]
		}
	case "index":
		if len(types) == 0 {
			return nil
		}
		typ := types[0]
		for range types[1:] {
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

func (c *checker) declare(name string, typ reflect.Type) {
	c.vars = append(c.vars, variable{name, typ})
}

// assign gives a variable a value ($x = …): of another type than it had,
// its type is no longer known, as either may be its value after.
func (c *checker) assign(name string, typ reflect.Type) {
	for i := len(c.vars) - 1; i >= 0; i-- {
		if c.vars[i].name == name {
			if c.vars[i].typ != typ {
				c.vars[i].typ = nil
			}
			return
		}
	}
}

func (c *checker) lookup(name string) reflect.Type {
	for i := len(c.vars) - 1; i >= 0; i-- {
		if c.vars[i].name == name {
			return c.vars[i].typ
		}
	}
	return nil // told as it is parsed: undefined variable
}

// fields is the type of the fields idents of a value of type typ, each
// looked up as text/template looks it up: a method of the value (or of
// its pointer), a field of a struct, a key of a map. at is the byte offset
// in the template's text of the first of them, written after holder (a
// variable, a parenthesised pipeline; "" for dot). A field typ has not is
// reported, and its type is not known.
func (c *checker) fields(typ reflect.Type, idents []string, n parse.Node, at int, holder string) reflect.Type {
	for i, name := range idents {
		if typ == nil {
			return nil
		}
		next, ok := fieldType(typ, name)
		if !ok {
			chain := holder + "." + strings.Join(idents[:i+1], ".")
			msg := noField(chain, holder+dotted(idents[:i]), name, typ)
			if root := c.lookup("$"); holder == "" && i == 0 && root != nil && root != typ && !isList(typ) {
				// Within a with or a range, dot is their value: the
				// field is most often the template's own ($.Title).
				here := fmt.Sprintf("{{%s}}：这里的“.”是 {{with}} 或 {{range}} 的值（%s），没有字段 %s", chain, typeName(deref(typ)), name)
				if _, ok := fieldType(root, name); ok {
					msg = fmt.Sprintf("%s；要取 %s 的 %s，写 {{$.%s}}", here, typeName(deref(root)), name, name)
				} else if near := site.Nearest(name, fieldNames(deref(root))); near != "" && site.Nearest(name, fieldNames(deref(typ))) == "" {
					msg = fmt.Sprintf("%s；是否为 %s 的 {{$.%s}}？", here, typeName(deref(root)), near)
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

// noField says that a value of type typ, of holder (a chain of fields,
// a variable; "" for dot), has no field name, at the chain that names it, in explain's words for the same error as it runs:
// with the nearest field it has, or, of a list whose items have it, that
// {{range}} was forgotten.
func noField(chain, holder, name string, typ reflect.Type) string {
	at := "{{" + chain + "}}"
	base := deref(typ)
	if k := base.Kind(); k != reflect.Struct && k != reflect.Slice && k != reflect.Array {
		// Text, a number, a date's: what holds it is named, as the
		// type alone (string) does not say which value it is.
		if holder == "" {
			return fmt.Sprintf("%s：这里的“.”是 %s，没有字段 %s", at, typeName(base), name)
		}
		return fmt.Sprintf("%s：%s 的值是 %s，没有字段 %s", at, holder, typeName(base), name)
	}
	if base.Kind() == reflect.Slice || base.Kind() == reflect.Array {
		elem := base.Elem()
		for elem.Kind() == reflect.Pointer {
			elem = elem.Elem()
		}
		fields := fieldNames(elem)
		if slices.Contains(fields, name) {
			return fmt.Sprintf("%s：这是 %s 的列表，列表没有字段 %s：要用 {{range}} 逐个取出，在其中写 {{.%s}}", at, typeName(elem), name, name)
		}
		return fmt.Sprintf("%s：这是 %s 的列表，列表没有字段 %s，%s 也没有%s", at, typeName(elem), name, typeName(elem), site.Suggest(name, fields))
	}
	return fmt.Sprintf("%s：%s 没有字段 %s%s", at, typeName(base), name, site.Suggest(name, fieldNames(base)))
}

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

// typeName is how a message names a type: SiteData, not
// render.SiteData; string.
func typeName(t reflect.Type) string {
	if t.Name() != "" {
		return t.Name()
	}
	return t.String()
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
