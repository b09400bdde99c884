package theme

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRecord: every built-in file's record (none for a file of another
// kind than a template, stylesheet or script) reads back as its name and
// the first 8 hex digits of its SHA-256, the whole record consumed.
func TestRecord(t *testing.T) {
	for _, name := range Names() {
		b, _ := Read(name)
		sum := sha256.Sum256(b)
		want := hex.EncodeToString(sum[:4])
		if h, ok := Hash(name); !ok || h != want {
			t.Errorf("Hash(%s) = %q, %v; want %q", name, h, ok, want)
		}
		r := Record(name, b)
		got, h, n, ok := ParseRecord(append(r, b...))
		if !ok || got != name || h != want || n != len(r) {
			t.Errorf("%s: record %q read back as %q, %q, %d, %v", name, r, got, h, n, ok)
		}
	}
	// A file that begins with a blank line gets its record before that
	// line, with no line break of its own: the file's line break is not
	// the record's (--diff would drop the file's first line).
	for _, b := range []string{"\n<footer>\n", "\r\n<footer>\r\n"} {
		r := Record("partials/footer.html", []byte(b))
		if _, _, n, ok := ParseRecord(append(r, b...)); !ok || n != len(r) {
			t.Errorf("the record %q before %q read as %d bytes, %v; want %d", r, b, n, ok, len(r))
		}
	}
	if r := Record("assets/img/logo.png", nil); r != nil {
		t.Errorf("a record for an image: %q", r)
	}
	for _, b := range []string{"", "{{/* 复制自内置的 x.html */}}\n", "<!DOCTYPE html>\n"} {
		if _, _, _, ok := ParseRecord([]byte(b)); ok {
			t.Errorf("%q read as a record", b)
		}
	}
}

// TestLeanJS: what LeanJS leaves out of each built-in script is comments
// only. The scripts keep to what makes that so — no template literal, no
// string continued on the next line, no block comment over lines but the
// opening one — and what is left is a script node accepts; less than
// three quarters of the bytes, no line of it a comment. (The tests of
// search.js in internal/search run what LeanJS leaves of it.)
func TestLeanJS(t *testing.T) {
	nodePath, err := exec.LookPath("node")
	if err != nil && os.Getenv("CI") == "true" {
		t.Fatal("node not found: the built-in scripts must be checked under CI (apt-get install nodejs)")
	}
	for _, name := range Names() {
		if path.Ext(name) != ".js" {
			continue
		}
		src, _ := Read(name)
		text := string(src)
		if strings.Contains(text, "`") {
			t.Errorf("%s has a template literal, whose lines LeanJS could take for comments", name)
		}
		for i, line := range strings.Split(text, "\n") {
			if strings.HasSuffix(line, "\\") {
				t.Errorf("%s:%d: a line continued past its end", name, i+1)
			}
			if j := strings.Index(line, "/*"); j >= 0 && i > 0 && !strings.Contains(line[j:], "*/") {
				t.Errorf("%s:%d: a block comment over several lines (only the opening one may be)", name, i+1)
			}
		}
		lean := string(LeanJS(name))
		if 4*len(lean) >= 3*len(src) {
			t.Errorf("%s: LeanJS leaves %d of %d bytes", name, len(lean), len(src))
		}
		if strings.HasPrefix(lean, "/*") {
			t.Errorf("%s: LeanJS left the opening comment", name)
		}
		for line := range strings.Lines(lean) {
			if s := strings.TrimSpace(line); s == "" || strings.HasPrefix(s, "//") {
				t.Errorf("%s: LeanJS left the line %q", name, line)
				break
			}
		}
		if nodePath == "" {
			continue
		}
		f := filepath.Join(t.TempDir(), path.Base(name))
		if err := os.WriteFile(f, []byte(lean), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(nodePath, "--check", f).CombinedOutput(); err != nil {
			t.Errorf("%s as LeanJS leaves it: node --check: %v\n%s", name, err, out)
		}
	}
}

// TestStyleNames: a stylesheet's classes and data attributes, each once
// and sorted, whatever selects by them (html.senior, tr.matrix-group,
// :has(> .x), h1.title, [data-scroll]); not a number's decimals (1.5em, .5em), a file in
// url() or a string, nor a name in a comment.
func TestStyleNames(t *testing.T) {
	const css = `/* .gone: a comment's */
html.senior .rank-chart-senior, .a:has(> .b-c), h1.title { margin: 1.5em 0.25rem .5em; }
@font-face { font-family: "Noto.Serif"; src: url(../fonts/x.woff2); }
.table-wrap[data-scroll]:not([data-fits]) > tr.matrix-group { background: url("../img/a.png"); }
.a { content: '.quoted'; }
`
	want := []string{".a", ".b-c", ".matrix-group", ".rank-chart-senior", ".senior", ".table-wrap", ".title", "[data-fits]", "[data-scroll]"}
	if got := StyleNames([]byte(css)); !slices.Equal(got, want) {
		t.Errorf("StyleNames = %q, want %q", got, want)
	}
	// The built-in stylesheet's, found once, hold what its rules select.
	names, ok := BuiltinStyleNames("assets/css/site.css")
	if !ok || !slices.Contains(names, ".rank-chart-senior") || !slices.Contains(names, ".matrix-print-head") || slices.Contains(names, ".png") {
		t.Errorf("the built-in site.css's names lack .rank-chart-senior or .matrix-print-head, or hold a file's extension: %q", names)
	}
	if _, ok := BuiltinStyleNames("assets/css/custom.css"); ok {
		t.Error("the theme has no custom.css, yet BuiltinStyleNames found its names")
	}
}
