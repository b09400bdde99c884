package main

import (
	"strings"
	"testing"
)

// TestLineDiff: the unified diff of hand-made files, each output written
// out by hand.
func TestLineDiff(t *testing.T) {
	for _, c := range []struct {
		name, a, b string
		skip       int
		want       string
	}{
		{"equal", "a\nb\n", "a\nb\n", 0, ""},
		{"both empty", "", "", 0, ""},
		{"one line changed", "a\nb\nc\n", "a\nB\nc\n", 0,
			"--- A\n+++ B\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"added to an empty file", "", "x\ny\n", 0,
			"--- A\n+++ B\n@@ -0,0 +1,2 @@\n+x\n+y\n"},
		{"all removed", "x\n", "", 0,
			"--- A\n+++ B\n@@ -1 +0,0 @@\n-x\n"},
		{"inserted after the record line", "1\n2\n3\n4\n5\n", "1\n2\nnew\n3\n4\n5\n", 1,
			"--- A\n+++ B\n@@ -2,5 +1,6 @@\n 1\n 2\n+new\n 3\n 4\n 5\n"},
		{"two hunks, seven lines apart", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "x\n2\n3\n4\n5\n6\n7\n8\n9\ny\n", 0,
			"--- A\n+++ B\n@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n 4\n@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+y\n"},
		{"one hunk, six lines apart", "1\n2\n3\n4\n5\n6\n7\n8\n", "x\n2\n3\n4\n5\n6\n7\ny\n", 0,
			"--- A\n+++ B\n@@ -1,8 +1,8 @@\n-1\n+x\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+y\n"},
		{"no line break at the end", "a\nb", "a\nb\n", 0,
			"--- A\n+++ B\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"},
		{"a line moved", "a\nb\nc\n", "b\nc\na\n", 0,
			"--- A\n+++ B\n@@ -1,3 +1,3 @@\n-a\n b\n c\n+a\n"},
	} {
		got, ok := lineDiff("A", "B", splitLines(c.a), splitLines(c.b), c.skip)
		if !ok || got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
	// Long files: the lines both begin and end with are not compared
	// (nor counted against maxDiffLines); what is left is.
	long := strings.Repeat("x\n", 3*maxDiffLines)
	if d, ok := lineDiff("A", "B", splitLines(long+"a\n"+long), splitLines(long+"b\n"+long), 0); !ok || strings.Count(d, "\n") != 11 {
		t.Errorf("a change amid long files is not one small hunk: %v\n%s", ok, d)
	}
	if _, ok := lineDiff("A", "B", splitLines(long), splitLines(strings.Repeat("y\n", 3*maxDiffLines)), 0); ok {
		t.Error("two long files that differ throughout are compared line by line")
	}
}
