package main

import (
	"strings"
	"testing"
)

// TestPrintChanges: each run of changed lines under the number of its
// first line in the old file, or after the line it follows; line ends and
// a byte order mark are not changes.
func TestPrintChanges(t *testing.T) {
	for _, c := range []struct{ name, old, new, want string }{
		{"replaced and appended", "a\nb\nc\n", "a\nB\nc\nd\n", "f 第 2 行：\n- b\n+ B\nf 第 3 行后：\n+ d\n"},
		{"inserted first", "a\nb\n", "x\na\nb\n", "f 开头：\n+ x\n"},
		{"removed", "a\nb\nc\n", "a\nc\n", "f 第 2 行：\n- b\n"},
		{"two runs", "1\n2\n3\n4\n5\n", "1\n2x\n3\n4x\n5\n", "f 第 2 行：\n- 2\n+ 2x\nf 第 4 行：\n- 4\n+ 4x\n"},
		{"line ends only", "\uFEFFa\r\nb\r\n", "a\nb", "f 没有改动\n"},
	} {
		var b strings.Builder
		printChanges(&b, "f", []byte(c.old), []byte(c.new))
		if b.String() != c.want {
			t.Errorf("%s:\n%s\nwant:\n%s", c.name, b.String(), c.want)
		}
	}
}

// TestFileName: a department's name as a file's name, on every system.
func TestFileName(t *testing.T) {
	if got, want := fileName(`区发改局/统计科: "一"*`), "区发改局_统计科_ _一__"; got != want {
		t.Errorf("fileName = %q, want %q", got, want)
	}
}
