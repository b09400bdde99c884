// Package theme is tongbao's built-in theme: the page layouts, partials,
// shortcode templates and assets a site uses unless its own layouts/ has
// a file of the same name. It is built into the binary, so that a new
// office's site needs no layouts/ at all (tongbao init writes none) and
// every office gets the theme's fixes with a new tongbao.
//
// The files are in layouts/ beside this file, laid out exactly as a site's
// layouts/ is: layouts/partials/footer.html here is what a site's
// layouts/partials/footer.html replaces. The same relative path wins, as
// in Hugo's theme lookup. The site loader (internal/site) merges the two;
// tongbao layouts lists and prints these files, to start an override from.
package theme

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
)

//go:embed layouts
var files embed.FS

// Label names a built-in file in diagnostics, where a site's own file is
// named by its path (layouts/partials/footer.html): the built-in one is
// in no folder staff can open, so it is named for what it is.
const Label = "内置主题 "

// Names returns the slash path of every built-in file below layouts/,
// sorted: "404.html", "assets/css/site.css", …, "shortcodes/table.html".
func Names() []string {
	var out []string
	fs.WalkDir(files, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, strings.TrimPrefix(p, "layouts/"))
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// Read returns the built-in file at name (a path as Names gives it).
func Read(name string) ([]byte, bool) {
	if !fs.ValidPath(name) {
		return nil, false
	}
	b, err := files.ReadFile("layouts/" + name)
	return b, err == nil
}

// ErrUnknown is returned by Copy for a name the theme has no file of.
var ErrUnknown = errors.New("内置主题没有这个文件")

// hashes holds Hash of every built-in file, computed once per process:
// the files are in the binary, and the loader asks on every preview save.
var hashes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, name := range Names() {
		b, _ := Read(name)
		sum := sha256.Sum256(b)
		m[name] = hex.EncodeToString(sum[:4])
	}
	return m
})

// Hash returns the first 8 hex digits of the SHA-256 of the built-in
// file name, as a copy's record (Record) names it.
func Hash(name string) (string, bool) {
	h, ok := hashes()[name]
	return h, ok
}

// recordText is what a record says, inside its comment.
const recordText = "tongbao layouts --copy：复制自内置的 %s（%s）"

// recordRe matches a record at the start of a file: the comment of a
// template ({{- /* … */ -}} on a line of its own, or {{/* … */}} before
// the copy's first line when that begins with white space) or of a
// stylesheet or script (/* … */ on a line of its own). The line break
// after it is its own where it ends the line it is on, trimmed (-}}) or
// in a stylesheet or script; after {{/* … */}}, which trims nothing, it
// is the file's: the copy of a file that begins with a blank line.
var recordRe = regexp.MustCompile(`^(?:\{\{(?:- )?)?/\* tongbao layouts --copy：复制自内置的 (\S+?)（([0-9a-fA-F]+)） \*/(?:\}\}|(?: ?-\}\})?(?:\r?\n)?)`)

// Record returns the line Copy writes first in a copy of the built-in
// file name, holding b, recording what it was copied from: a template
// comment in a template, a CSS or JS comment in a stylesheet or script;
// nil in any other file (an image has no comments). It changes no page:
// a template's is trimmed with the line break after it, and where the
// file begins with white space, which the trim would take too, it is
// written without a line break, before the file's first line.
func Record(name string, b []byte) []byte {
	h, ok := Hash(name)
	if !ok {
		return nil
	}
	text := fmt.Sprintf(recordText, name, h)
	switch path.Ext(name) {
	case ".html":
		if len(b) > 0 && strings.ContainsRune(" \t\r\n", rune(b[0])) {
			return []byte("{{/* " + text + " */}}")
		}
		return []byte("{{- /* " + text + " */ -}}\n")
	case ".css", ".js":
		return []byte("/* " + text + " */\n")
	}
	return nil
}

// ParseRecord reads the record (Record) at the start of a site's copy b:
// the built-in file's name and hash as recorded, and the record's length
// in bytes, its line break included when it has one of its own.
func ParseRecord(b []byte) (name, hash string, n int, ok bool) {
	m := recordRe.FindSubmatchIndex(b)
	if m == nil {
		return "", "", 0, false
	}
	return string(b[m[2]:m[3]]), string(b[m[4]:m[5]]), m[1], true
}

// Copy writes the built-in file name into the site in dir, as
// layouts/<name>, to start an override from, and returns its path. The
// copy's first line records what it was copied from (Record), so that
// the loader can tell when the built-in file has changed since. It
// never replaces a file: an override already there is the site's work.
func Copy(dir, name string) (string, error) {
	b, ok := Read(name)
	if !ok {
		return "", fmt.Errorf("%w：%s", ErrUnknown, name)
	}
	b = append(Record(name, b), b...)
	p := filepath.Join(dir, "layouts", filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(p)
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(p)
		return "", err
	}
	return p, nil
}

// StyleNames returns the classes (".rank-chart-senior") and data
// attributes ("[data-scroll]") that the stylesheet css selects by,
// sorted, each once. They are what ties a stylesheet to the markup the
// templates and the renderer write: a site's copy of the built-in
// stylesheet made before the theme wrote a class has no rule for it, and
// what the class was added to show or hide shows wrong (the 适老模式's
// chart, rank-chart-senior, drawn under the others in every display).
//
// Comments, strings (a font's name, image-set's files) and url(…)
// (../img/logo.png) are passed over, and so is a number's fraction
// (1.5em: a class begins with a letter, _ or -). It reads the text once,
// by hand: the preview asks it of a site's stylesheet on every save, and
// regular expressions took 10 ms over the built-in one's 91 KB.
func StyleNames(css []byte) []string {
	var out []string
	nameChar := func(c byte) bool {
		return c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
	}
	for i := 0; i < len(css); i++ {
		switch c := css[i]; {
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			end := bytes.Index(css[i+2:], []byte("*/"))
			if end < 0 {
				return sortedOnce(out)
			}
			i += 2 + end + 1
		case c == '"' || c == '\'':
			for i++; i < len(css) && css[i] != c; i++ {
				if css[i] == '\\' {
					i++
				}
			}
		case c == '(' && i >= 3 && strings.EqualFold(string(css[i-3:i]), "url"):
			end := bytes.IndexByte(css[i:], ')')
			if end < 0 {
				return sortedOnce(out)
			}
			i += end
		case c == '.':
			j := i + 1
			if j < len(css) && css[j] == '-' {
				j++
			}
			if j >= len(css) || !(css[j] == '_' || css[j] >= 'a' && css[j] <= 'z' || css[j] >= 'A' && css[j] <= 'Z') {
				continue
			}
			for j < len(css) && nameChar(css[j]) {
				j++
			}
			out = append(out, string(css[i:j]))
			i = j - 1
		case c == '[' && bytes.HasPrefix(css[i+1:], []byte("data-")):
			j := i + 6
			for j < len(css) && nameChar(css[j]) {
				j++
			}
			out = append(out, string(css[i:j])+"]")
			i = j - 1
		}
	}
	return sortedOnce(out)
}

// sortedOnce sorts names and drops the repeats.
func sortedOnce(names []string) []string {
	slices.Sort(names)
	return slices.Compact(names)
}

// BuiltinStyleNames returns StyleNames of the built-in stylesheet name
// ("assets/css/site.css"), found once per process: the loader asks on
// every preview save. ok is false when the theme has no such stylesheet.
func BuiltinStyleNames(name string) (names []string, ok bool) {
	names, ok = styleNames()[name]
	return names, ok
}

var styleNames = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, name := range Names() {
		if path.Ext(name) == ".css" {
			b, _ := Read(name)
			m[name] = StyleNames(b)
		}
	}
	return m
})

// LeanJS is the built-in script name ("assets/js/search.js") as a build
// publishes it, made once (a build and every save in the preview publish
// it): without its opening block comment, its comment lines and its blank
// lines, two fifths of its bytes after gzip (search.js: 27.4 → 16.8 KB by gzip -9,
// which every first query fetches), while `tongbao layouts` gives the
// file with its comments, to read and copy. nil if there is no such
// built-in script. A site's own scripts are published as written.
func LeanJS(name string) []byte { return leanScripts()[name] }

var leanScripts = sync.OnceValue(func() map[string][]byte {
	m := map[string][]byte{}
	for _, name := range Names() {
		if path.Ext(name) == ".js" {
			b, _ := Read(name)
			m[name] = lean(b)
		}
	}
	return m
})

// lean is a script without its opening block comment, comment lines and
// blank lines. The built-in scripts are written so that this is safe
// (TestLeanJS): no template literal and no string continued past its
// line, so that a line whose first characters are // is always a comment.
func lean(data []byte) []byte {
	if bytes.HasPrefix(data, []byte("/*")) {
		if i := bytes.Index(data, []byte("*/")); i >= 0 {
			data = data[i+2:]
		}
	}
	b := make([]byte, 0, len(data))
	for line := range bytes.Lines(data) {
		if t := bytes.TrimSpace(line); len(t) == 0 || bytes.HasPrefix(t, []byte("//")) {
			continue
		}
		b = append(b, line...)
	}
	return b
}
