// Package diag carries the problems found in a site's input as
// "file:line:col: message" diagnostics.
//
// Loading collects every problem instead of stopping at the first, so that
// staff fix a month's data in one pass; a List is that collection.
package diag

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// A Diagnostic is one problem at one place in one input file.
// File is slash-separated and relative to the site root; Line and Col are
// 1-based (Col counts characters, not bytes); zero means unknown.
// A problem of a text file as a whole (a month file misnamed, a page
// that looks like a copy) is best put at 1:1: an editor's problem
// matcher reads file:line:col and passes over a line without them.
type Diagnostic struct {
	File string
	Line int
	Col  int
	Msg  string
	// Text, when set, is a block of lines shown under the message as it
	// is, each indented: what to write instead, ready to copy into the
	// file (TOML allows the indentation).
	Text string
}

// String formats d as "file:line:col: message", with every control
// character of the file name and message made visible (see Visible),
// followed by the lines of its Text, each indented and made visible too.
func (d Diagnostic) String() string { return strings.Join(d.lines(), "\n") }

// lines are the diagnostic's lines: the message, then its Text's.
func (d Diagnostic) lines() []string {
	out := []string{Visible(d.format())}
	if d.Text != "" {
		for _, line := range strings.Split(strings.TrimSuffix(d.Text, "\n"), "\n") {
			out = append(out, strings.TrimRight("    "+Visible(line), " "))
		}
	}
	return out
}

func (d Diagnostic) format() string {
	switch {
	case d.File == "":
		return d.Msg
	case d.Line == 0:
		return fmt.Sprintf("%s: %s", d.File, d.Msg)
	case d.Col == 0:
		return fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Col, d.Msg)
}

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Add records a problem at file:line:col.
func (l *List) Add(file string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// Err returns the list sorted by place as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	s := slices.Clone(l)
	s.Sort()
	s = slices.Compact(s)
	return s
}

// Sort orders the list by place: file, line, column; problems at one
// place stay in the order they were found.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}

// Join is the problems of a and b: one list, sorted by place, where both
// are lists; otherwise both errors.
func Join(a, b error) error {
	var la, lb List
	if errors.As(a, &la) && errors.As(b, &lb) {
		return append(slices.Clone(la), lb...).Err()
	}
	return errors.Join(a, b)
}

// Error joins the diagnostics one per line.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Position converts a byte offset in src to a 1-based line and a 1-based
// column counted in characters, which is what an editor shows.
func Position(src []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(src))
	head := src[:offset]
	line = 1 + bytes.Count(head, []byte{'\n'})
	start := bytes.LastIndexByte(head, '\n') + 1
	return line, 1 + utf8.RuneCount(head[start:])
}

// Problems is err as the preview counts and lists it: one string for
// each diagnostic of a List, its lines joined, else the error's lines as
// one. (A suggestion of several lines is one problem, not several.)
func Problems(err error) []string {
	var l List
	if errors.As(err, &l) && len(l) > 0 {
		out := make([]string, 0, len(l))
		for _, d := range l {
			out = append(out, d.String())
		}
		return out
	}
	return []string{strings.Join(Lines(err), "\n")}
}

// Lines is err as the lines a terminal or the preview's overlay shows:
// one per diagnostic of a List, else the error's own lines. Every line is
// made Visible, so that no error, whatever text of the input it quotes,
// can act on the terminal.
func Lines(err error) []string {
	var l List
	if errors.As(err, &l) && len(l) > 0 {
		out := make([]string, 0, len(l))
		for _, d := range l {
			out = append(out, d.lines()...)
		}
		return out
	}
	out := strings.Split(err.Error(), "\n")
	for i, line := range out {
		out[i] = Visible(line)
	}
	return out
}
