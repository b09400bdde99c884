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
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// Copy writes the built-in file name into the site in dir, as
// layouts/<name>, to start an override from, and returns its path. It
// never replaces a file: an override already there is the site's work.
func Copy(dir, name string) (string, error) {
	b, ok := Read(name)
	if !ok {
		return "", fmt.Errorf("%w：%s", ErrUnknown, name)
	}
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
