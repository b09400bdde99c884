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

// lineDiff returns a unified diff (as diff -u prints it) of the lines a
// into the lines b, labelled aLabel and bLabel, with diffContext lines of
// context; "" when they are the same. aSkip is how many lines of a's file
// come before a (a copy's record), added to a's line numbers. It pairs
// the lines of a longest common subsequence, found by the textbook
// O(len(a)·len(b)) table: a theme's file has a few thousand lines at
// most.
func lineDiff(aLabel, bLabel string, a, b []string, aSkip int) string {
	n, m := len(a), len(b)
	// lcs[i*(m+1)+j] is the length of a longest common subsequence of
	// a[i:] and b[j:].
	lcs := make([]int32, (n+1)*(m+1))
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*(m+1)+j] = lcs[(i+1)*(m+1)+j+1] + 1
			} else {
				lcs[i*(m+1)+j] = max(lcs[(i+1)*(m+1)+j], lcs[i*(m+1)+j+1])
			}
		}
	}
	type op struct {
		kind byte // ' ', '-' or '+'
		line string
	}
	var ops []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{' ', a[i]})
			i, j = i+1, j+1
		case j == m || i < n && lcs[(i+1)*(m+1)+j] >= lcs[i*(m+1)+j+1]:
			ops = append(ops, op{'-', a[i]})
			i++
		default:
			ops = append(ops, op{'+', b[j]})
			j++
		}
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
		return ""
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
	return out.String()
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
