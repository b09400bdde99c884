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
		got := lineDiff("A", "B", splitLines(c.a), splitLines(c.b), c.skip)
		if got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
	if strings.Count(lineDiff("A", "B", splitLines(strings.Repeat("x\n", 2000)), splitLines(strings.Repeat("x\n", 1999)+"y\n"), 0), "\n") != 8 {
		t.Error("a change at the end of a long file is not one small hunk")
	}
}
