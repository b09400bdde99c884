package render

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"text/template/parse"
)

// A partial that calls itself, directly or through others, never ends:
// through partialCached, a function that Go's limit of nested templates
// does not count, it runs until the stack overflows and the process dies —
// the preview server with it; through an unconditional {{template}} it
// runs 100,000 deep on every page that reaches it before Go gives up, a
// minute and hundreds of megabytes. recursion finds both in the parse
// trees, before anything runs, and names the call that closes the circle;
// a page layout's "main" and a shortcode's markup are templates as
// partials are, and may call themselves too.
// A {{template}} inside if, with or range may end (a partial that walks
// a list of lists), and is left alone. A partialCached of itself may end
// too, under another variant or inside an if, but nothing bounds it when
// it does not — a stack overflow kills the process, which no recover
// catches — so every such circle is refused: a layout that walks a tree
// does it with {{template}}. A call whose name is not a literal is not
// followed: a partialCached of one is stopped as it runs, maxPartialDepth
// calls deep (templates.go).

// call is one template's call of another.
type call struct {
	to     string
	node   parse.Node
	tree   *parse.Tree
	cached bool // partialCached, not {{template}}
	guard  bool // inside if, with or range
}

// recursion returns an error, as Go would word a template error, for each
// call of the set that closes a circle of calls, of those in the files
// in reports (all when nil): a page layout's set holds base.html and the
// partials, checked already, besides its own "main", which may call
// itself as a partial may.
func recursion(set *template.Template, in func(file string) bool) []error {
	calls := map[string][]call{}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			walkCalls(t.Tree, t.Tree.Root, false, func(c call) { calls[t.Name()] = append(calls[t.Name()], c) })
		}
	}
	names := make([]string, 0, len(calls))
	for name := range calls {
		names = append(names, name)
	}
	slices.Sort(names)
	var errs []error
	for _, from := range names {
		for _, c := range calls[from] {
			// Back to from: by any call after a partialCached, by
			// unconditional ones after an unconditional {{template}}.
			if c.guard && !c.cached || in != nil && !in(c.tree.ParseName) {
				continue
			}
			back := pathBack(calls, c.to, from, c.cached)
			if back == nil {
				continue
			}
			how := "无条件地"
			if c.cached {
				how = "经 partialCached 又"
			}
			loc, _ := c.tree.ErrorContext(c.node)
			errs = append(errs, fmt.Errorf("template: %s: %s %s调用了自己（%s）：会无限递归", loc, from, how, strings.Join(append([]string{from}, back...), " → ")))
		}
	}
	return errs
}

// pathBack returns the templates a chain of calls goes through from
// from to to, both included, or nil when there is none: any call when
// all is set, else unconditional ones.
func pathBack(calls map[string][]call, from, to string, all bool) []string {
	seen := map[string]bool{}
	var walk func(at string) []string
	walk = func(at string) []string {
		if at == to {
			return []string{at}
		}
		if seen[at] {
			return nil
		}
		seen[at] = true
		for _, c := range calls[at] {
			// A circle with a partialCached in it is told at that call.
			if !all && (c.guard || c.cached) {
				continue
			}
			if rest := walk(c.to); rest != nil {
				return append([]string{at}, rest...)
			}
		}
		return nil
	}
	return walk(from)
}

// walkCalls reports each call of a template by a literal name below n.
func walkCalls(tree *parse.Tree, n parse.Node, guard bool, report func(call)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, m := range n.Nodes {
				walkCalls(tree, m, guard, report)
			}
		}
	case *parse.ActionNode:
		walkCalls(tree, n.Pipe, guard, report)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walkCalls(tree, c, guard, report)
			}
		}
	case *parse.CommandNode:
		if len(n.Args) >= 2 {
			if id, ok := n.Args[0].(*parse.IdentifierNode); ok && id.Ident == "partialCached" {
				if s, ok := n.Args[1].(*parse.StringNode); ok {
					report(call{to: s.Text, node: n, tree: tree, cached: true, guard: guard})
				}
			}
		}
		for _, a := range n.Args {
			walkCalls(tree, a, guard, report)
		}
	case *parse.TemplateNode:
		report(call{to: n.Name, node: n, tree: tree, guard: guard})
		walkCalls(tree, n.Pipe, guard, report)
	case *parse.IfNode:
		walkBranch(tree, &n.BranchNode, guard, report)
	case *parse.WithNode:
		walkBranch(tree, &n.BranchNode, guard, report)
	case *parse.RangeNode:
		walkBranch(tree, &n.BranchNode, guard, report)
	}
}

// walkBranch: the condition runs where the branch is; its lists only when
// it holds.
func walkBranch(tree *parse.Tree, b *parse.BranchNode, guard bool, report func(call)) {
	walkCalls(tree, b.Pipe, guard, report)
	walkCalls(tree, b.List, true, report)
	walkCalls(tree, b.ElseList, true, report)
}
