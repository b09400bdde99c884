package main

import (
	"fmt"
	"strings"
)

// diffContext is how many unchanged lines a hunk shows around a change.
const diffContext = 3

// splitLines cuts s into its lines, each with its line break.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// maxDiffLines bounds the lines either side that lineDiff and
// printChanges compare (after lineDiff's common first and last lines):
// the table is their product.
const maxDiffLines = 4000

// lcsTable returns lcs, where lcs(i, j) is the length of a longest common
// subsequence of the lines a[i:] and b[j:]: the textbook table, of
// (len(a)+1)·(len(b)+1) entries.
func lcsTable(a, b []string) func(i, j int) int32 {
	n, m := len(a), len(b)
	t := make([]int32, (n+1)*(m+1))
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i*(m+1)+j] = t[(i+1)*(m+1)+j+1] + 1
			} else {
				t[i*(m+1)+j] = max(t[(i+1)*(m+1)+j], t[i*(m+1)+j+1])
			}
		}
	}
	return func(i, j int) int32 { return t[i*(m+1)+j] }
}

// lineDiff returns a unified diff (as diff -u prints it) of the lines a
// into the lines b, labelled aLabel and bLabel, with diffContext lines of
// context; "" when they are the same. aSkip is how many lines of a's file
// come before a (a copy's record), added to a's line numbers. It pairs
// the lines of a longest common subsequence (lcsTable) of what lies
// between the first and last lines both share; ok is false when that is
// over maxDiffLines lines either side.
func lineDiff(aLabel, bLabel string, a, b []string, aSkip int) (diff string, ok bool) {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	post := 0
	for post < len(a)-pre && post < len(b)-pre && a[len(a)-1-post] == b[len(b)-1-post] {
		post++
	}
	ma, mb := a[pre:len(a)-post], b[pre:len(b)-post]
	if len(ma) > maxDiffLines || len(mb) > maxDiffLines {
		return "", false
	}
	lcs := lcsTable(ma, mb)
	type op struct {
		kind byte // ' ', '-' or '+'
		line string
	}
	var ops []op
	for _, l := range a[:pre] {
		ops = append(ops, op{' ', l})
	}
	i, j, n, m := 0, 0, len(ma), len(mb)
	for i < n || j < m {
		switch {
		case i < n && j < m && ma[i] == mb[j]:
			ops = append(ops, op{' ', ma[i]})
			i, j = i+1, j+1
		case j == m || i < n && lcs(i+1, j) >= lcs(i, j+1):
			ops = append(ops, op{'-', ma[i]})
			i++
		default:
			ops = append(ops, op{'+', mb[j]})
			j++
		}
	}
	for _, l := range a[len(a)-post:] {
		ops = append(ops, op{' ', l})
	}
	// aAt[k] and bAt[k]: the lines of a and of b before ops[k].
	aAt, bAt := make([]int, len(ops)+1), make([]int, len(ops)+1)
	var changed []int
	for k, o := range ops {
		aAt[k+1], bAt[k+1] = aAt[k], bAt[k]
		if o.kind != '+' {
			aAt[k+1]++
		}
		if o.kind != '-' {
			bAt[k+1]++
		}
		if o.kind != ' ' {
			changed = append(changed, k)
		}
	}
	if len(changed) == 0 {
		return "", true
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", aLabel, bLabel)
	for c := 0; c < len(changed); {
		// A hunk runs from its first change to the last one fewer than
		// two contexts of unchanged lines apart from the next.
		last := c
		for last+1 < len(changed) && changed[last+1]-changed[last] <= 2*diffContext+1 {
			last++
		}
		from := max(changed[c]-diffContext, 0)
		to := min(changed[last]+1+diffContext, len(ops))
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(aAt[from]+aSkip, aAt[to]-aAt[from]), hunkRange(bAt[from], bAt[to]-bAt[from]))
		for _, o := range ops[from:to] {
			out.WriteByte(o.kind)
			out.WriteString(o.line)
			if !strings.HasSuffix(o.line, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
		c = last + 1
	}
	return out.String(), true
}

// hunkRange is one side of a hunk's header: its first line and count,
// the count left out when 1, and the line before it given when the hunk
// has no line of that side (diff -u's convention).
func hunkRange(before, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", before)
	case 1:
		return fmt.Sprint(before + 1)
	}
	return fmt.Sprintf("%d,%d", before+1, count)
}
