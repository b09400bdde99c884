// Package build runs the pipeline — load, rank, render, write — and puts
// the result in place atomically: a build that fails at any stage leaves
// the previous output exactly as it was.
package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tongbao/internal/render"
	"tongbao/internal/site"
)

// Options select the site, the output and the base URL of one build.
type Options struct {
	Source  string // site root; "." by default
	Dest    string // output folder; <Source>/public by default
	BaseURL string // overrides config.toml's baseURL
}

// Stats describe a finished build for its one-line report.
type Stats struct {
	Pages    int // HTML pages
	Files    int // all files
	Bytes    int64
	Duration time.Duration
}

func (s Stats) String() string {
	return fmt.Sprintf("%d 个页面，%d 个文件，%.1f KB，用时 %d ms", s.Pages, s.Files, float64(s.Bytes)/1024, s.Duration.Milliseconds())
}

// Render loads and renders the site without writing anything: what
// `tongbao check` runs and what the preview server serves.
func Render(opts Options) ([]render.Output, error) {
	s, err := site.Load(source(opts))
	if err != nil {
		return nil, err
	}
	return render.Render(s, render.Options{BaseURL: opts.BaseURL})
}

func source(opts Options) string {
	if opts.Source == "" {
		return "."
	}
	return opts.Source
}

// Dest is where a build writes: opts.Dest, or public/ inside the site.
func Dest(opts Options) string {
	if opts.Dest != "" {
		return opts.Dest
	}
	return filepath.Join(source(opts), "public")
}

// Build renders the site and replaces the output folder with the result.
func Build(opts Options) (Stats, error) {
	start := time.Now()
	outputs, err := Render(opts)
	if err != nil {
		return Stats{}, err
	}
	if err := Write(Dest(opts), outputs); err != nil {
		return Stats{}, err
	}
	st := Stats{Files: len(outputs), Duration: time.Since(start)}
	for _, o := range outputs {
		st.Bytes += int64(len(o.Data))
		if strings.HasSuffix(o.Path, ".html") {
			st.Pages++
		}
	}
	return st, nil
}

// Write puts outputs into dest as one step: everything is written into a
// fresh sibling folder first, and only a complete tree is swapped in. Files
// of the old output that the new one lacks are gone with it.
func Write(dest string, outputs []render.Output) (err error) {
	dest = filepath.Clean(dest)
	parent, name := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+name+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, o := range outputs {
		p := filepath.Join(tmp, filepath.FromSlash(o.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, o.Data, 0o644); err != nil {
			return err
		}
	}
	if err := syncTree(tmp); err != nil {
		return err
	}
	old, err := swap(tmp, dest)
	if err != nil {
		return err
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// syncTreeByFiles flushes every file of a tree, one fsync each: the
// portable way, used where the system cannot flush a whole file system.
func syncTreeByFiles(root string) error {
	return filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
}
