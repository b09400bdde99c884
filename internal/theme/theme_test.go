package theme

import (
	"crypto/sha256"
	"encoding/hex"
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
