// Package build runs the pipeline — load, rank, render, write — and puts
// the result in place atomically: a build that fails at any stage leaves
// the previous output exactly as it was.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
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
	return stats(outputs, start), nil
}

func stats(outputs []render.Output, start time.Time) Stats {
	st := Stats{Files: len(outputs), Duration: time.Since(start)}
	for _, o := range outputs {
		st.Bytes += int64(len(o.Data))
		if strings.HasSuffix(o.Path, ".html") {
			st.Pages++
		}
	}
	return st
}

// Write puts outputs into dest as one step: everything is written into a
// fresh sibling folder first, with the manifest, and only a complete tree
// is swapped in. Files of the old output that the new one lacks are gone
// with it. A failure at any point leaves dest as it was.
func Write(dest string, outputs []render.Output) error {
	st, err := stage(dest, outputs)
	if err != nil {
		return err
	}
	return st.publish()
}

// A staged tree is a complete output written beside dest, not yet in its
// place. While it exists the parent folder is locked against other builds.
type staged struct {
	dest, tmp string
	files     int // including the manifest
	unlock    func()
}

// stagePrefix starts the names of the folders a build writes beside dest
// (".public.new-123"); a killed build may leave one behind, and the next
// build removes it.
func stagePrefix(name string) string { return "." + name + ".new-" }

// stage writes outputs and their manifest into a new folder beside dest
// and flushes it to disk.
func stage(dest string, outputs []render.Output) (_ *staged, err error) {
	dest = filepath.Clean(dest)
	parent, name := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	// Under the lock no other build is writing beside dest, so a staging
	// folder found there was left by a build that died: it is removed.
	unlock, locked := lockDir(parent)
	defer func() {
		if err != nil {
			unlock()
		}
	}()
	if locked {
		removeStale(parent, name)
	}
	tmp, err := os.MkdirTemp(parent, stagePrefix(name))
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	for _, o := range outputs {
		if o.Path == ManifestName || !filepath.IsLocal(filepath.FromSlash(o.Path)) {
			return nil, fmt.Errorf("输出路径“%s”无效", o.Path)
		}
	}
	if err := writeAll(tmp, outputs); err != nil {
		return nil, fmt.Errorf("%w；%s 保持不变", err, dest)
	}
	if err := writeFile(tmp, ManifestName, NewManifest(outputs).Bytes()); err != nil {
		return nil, fmt.Errorf("%w；%s 保持不变", err, dest)
	}
	if err := syncTree(tmp); err != nil {
		return nil, err
	}
	return &staged{dest: dest, tmp: tmp, files: len(outputs) + 1, unlock: unlock}, nil
}

// writeAll writes outputs below root with one writer per core: creating
// and filling thousands of files is system-call time that a single writer
// leaves the other cores idle for. After a failure no further file is
// started, and the error returned is that of the first failed output in
// their order.
func writeAll(root string, outputs []render.Output) error {
	errs := make([]error, len(outputs))
	var failed atomic.Bool
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(len(outputs), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				if errs[i] = writeFile(root, outputs[i].Path, outputs[i].Data); errs[i] != nil {
					failed.Store(true)
				}
			}
		})
	}
	for i := range outputs {
		if failed.Load() {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func writeFile(root, rel string, data []byte) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	err := os.MkdirAll(filepath.Dir(p), 0o755)
	if err == nil {
		err = os.WriteFile(p, data, 0o644)
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		why := err.Error()
		switch {
		case errors.Is(err, syscall.ENOSPC):
			why = "磁盘空间不足（" + why + "）"
		case errors.Is(err, syscall.EFBIG):
			why = "文件超过系统允许的大小（" + why + "）"
		case errors.Is(err, fs.ErrPermission):
			why = "没有写入权限（" + why + "）"
		}
		return fmt.Errorf("无法写入 %s：%s", rel, why)
	}
	return nil
}

// publish swaps the staged tree into dest's place and removes the old one.
func (s *staged) publish() error {
	defer s.unlock()
	old, err := swap(s.tmp, s.dest)
	if err != nil {
		os.RemoveAll(s.tmp)
		return err
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// discard removes the staged tree; dest is left as it was.
func (s *staged) discard() {
	os.RemoveAll(s.tmp)
	s.unlock()
}

// removeStale removes the staging folders of earlier builds of dest that
// were killed before they could clean up.
func removeStale(parent, name string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), stagePrefix(name)) {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
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
