// Package build runs the pipeline — load, rank, render, write — and puts
// the result in place atomically: a build that fails at any stage leaves
// the previous output exactly as it was.
package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"tongbao/internal/par"
	"tongbao/internal/rank"
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
	return render.Render(s, rank.Archive(s), render.Options{BaseURL: opts.BaseURL})
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
// Each file is written into the staging folder as soon as it is rendered
// (render.Stream), so the build never holds the whole site in memory: only
// the path, size and hash of each file are kept, for the manifest.
func Build(opts Options) (Stats, error) {
	start := time.Now()
	s, err := site.Load(source(opts))
	if err != nil {
		return Stats{}, err
	}
	st, err := stageDir(Dest(opts))
	if err != nil {
		return Stats{}, err
	}
	if err := render.Stream(s, rank.Archive(s), render.Options{BaseURL: opts.BaseURL}, st.add); err != nil {
		st.discard()
		return Stats{}, err
	}
	if err := st.seal(); err != nil {
		st.discard()
		return Stats{}, err
	}
	if err := st.publish(); err != nil {
		return Stats{}, err
	}
	return st.stats(start), nil
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

// A staged tree is an output being written beside dest, not yet in its
// place. While it exists the parent folder is locked against other builds.
type staged struct {
	dest, tmp string
	tree      *tree
	files     int // once sealed: files written, including the manifest
	unlock    func()

	// made are the folders that were created to hold dest, deepest first:
	// a build that fails removes them again if they are still empty, so
	// that it leaves no trace.
	made []string
}

// stagePrefix starts the names of the folders a build writes beside dest
// (".public.new-123"); a killed build may leave one behind, and the next
// build removes it.
func stagePrefix(name string) string { return "." + name + ".new-" }

// stage writes outputs and their manifest into a new folder beside dest
// and flushes it to disk.
func stage(dest string, outputs []render.Output) (*staged, error) {
	for _, o := range outputs {
		if err := checkPath(o.Path); err != nil {
			return nil, err
		}
	}
	st, err := stageDir(dest)
	if err != nil {
		return nil, err
	}
	if err := writeAll(st.tree, outputs); err != nil {
		st.discard()
		return nil, fmt.Errorf("%w；%s 保持不变", err, st.dest)
	}
	if err := st.seal(); err != nil {
		st.discard()
		return nil, err
	}
	return st, nil
}

// stageDir locks dest's parent and creates an empty staging folder in it,
// removing those that killed builds left.
func stageDir(dest string) (_ *staged, err error) {
	dest = filepath.Clean(dest)
	parent, name := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	st := &staged{dest: dest}
	for dir := filepath.Clean(parent); ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) || dir == filepath.Dir(dir) {
			break
		}
		st.made = append(st.made, dir)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	// Under the lock no other build is writing beside dest, so a staging
	// folder found there was left by a build that died: it is removed.
	unlock, locked := lockDir(parent)
	st.unlock = unlock
	defer func() {
		if err != nil {
			st.discard()
		}
	}()
	if locked {
		removeStale(parent, name)
	}
	if st.tmp, err = os.MkdirTemp(parent, stagePrefix(name)); err != nil {
		return nil, err
	}
	if err := os.Chmod(st.tmp, 0o755); err != nil {
		return nil, err
	}
	st.tree = newTree(st.tmp)
	st.tree.reuse(dest)
	return st, nil
}

// add writes one output into the staging folder. It is safe for concurrent
// use: render.Stream calls it from every render worker.
func (s *staged) add(o render.Output) error {
	if err := checkPath(o.Path); err != nil {
		return err
	}
	if err := s.tree.write(o.Path, o.Data); err != nil {
		return fmt.Errorf("%w；%s 保持不变", err, s.dest)
	}
	return nil
}

// seal writes the manifest of the files added and flushes the staging
// folder to disk: the tree is then complete, ready to be swapped in.
func (s *staged) seal() error {
	m := Manifest{Files: s.tree.files}
	m.sort()
	if err := writeFile(s.tmp, ManifestName, m.Bytes()); err != nil {
		return fmt.Errorf("%w；%s 保持不变", err, s.dest)
	}
	if err := syncTree(s.tmp); err != nil {
		return err
	}
	s.files = len(m.Files) + 1
	return nil
}

// stats describes the files added, the manifest not counted.
func (s *staged) stats(start time.Time) Stats {
	st := Stats{Files: len(s.tree.files), Duration: time.Since(start)}
	for _, e := range s.tree.files {
		st.Bytes += e.Size
		if strings.HasSuffix(e.Path, ".html") {
			st.Pages++
		}
	}
	return st
}

// checkPath refuses an output path that would land outside the tree or
// on the manifest.
func checkPath(p string) error {
	if p == ManifestName || !filepath.IsLocal(filepath.FromSlash(p)) {
		return fmt.Errorf("输出路径“%s”无效", p)
	}
	return nil
}

// A tree writes files below its root, creating each folder once, and
// records the path, size and hash of every file for the manifest. It is
// safe for concurrent use.
type tree struct {
	root string

	// A file equal to the one the previous build wrote (same path, size
	// and hash in its manifest) is linked from there, not written again:
	// the bytes on disk change only where the site changed, and so do
	// the files' times, which an upload by rsync or to the portal by
	// modification time then skips.
	prevRoot string
	prev     map[string]ManifestEntry
	prevTime time.Time // the previous manifest's modification time

	mu    sync.Mutex
	dirs  map[string]bool // folders known to exist, relative to root
	files []ManifestEntry
}

// reuse lets the tree link unchanged files from the build in dest. A file
// changed by hand since that build is not taken: its time is later than
// the manifest's, or its size differs.
func (t *tree) reuse(dest string) {
	m, err := ReadManifest(dest)
	if err != nil {
		return
	}
	fi, err := os.Stat(filepath.Join(dest, ManifestName))
	if err != nil {
		return
	}
	t.prevRoot, t.prevTime = dest, fi.ModTime()
	t.prev = make(map[string]ManifestEntry, len(m.Files))
	for _, e := range m.Files {
		t.prev[e.Path] = e
	}
}

// link links rel from the previous build if it holds the same bytes.
func (t *tree) link(rel string, e ManifestEntry) bool {
	old, ok := t.prev[rel]
	if !ok || old != e {
		return false
	}
	src := filepath.Join(t.prevRoot, filepath.FromSlash(rel))
	fi, err := os.Lstat(src)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != e.Size || fi.ModTime().After(t.prevTime) {
		return false
	}
	return os.Link(src, filepath.Join(t.root, filepath.FromSlash(rel))) == nil
}

func newTree(root string) *tree {
	return &tree{root: root, dirs: map[string]bool{".": true}}
}

// write writes data to the slash path rel below the root.
func (t *tree) write(rel string, data []byte) error {
	if err := t.mkdir(path.Dir(rel)); err != nil {
		return writeError(rel, err)
	}
	sum := sha256.Sum256(data)
	e := ManifestEntry{Path: rel, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
	if !t.link(rel, e) {
		if err := createFile(filepath.Join(t.root, filepath.FromSlash(rel)), data); err != nil {
			return writeError(rel, err)
		}
	}
	t.mu.Lock()
	t.files = append(t.files, e)
	t.mu.Unlock()
	return nil
}

// mkdir makes the slash folder dir below the root, parents first, each
// once. The root starts empty, so a folder not yet marked is new: one
// mkdir makes it, where MkdirAll would stat it and its parent first.
func (t *tree) mkdir(dir string) error {
	t.mu.Lock()
	known := t.dirs[dir]
	t.mu.Unlock()
	if known {
		return nil
	}
	if err := t.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	full := filepath.Join(t.root, filepath.FromSlash(dir))
	if err := os.Mkdir(full, 0o755); err != nil {
		// Two writers may both get here for one folder. MkdirAll lets the
		// second find it made, and still refuses a file in its place.
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
		if err := os.MkdirAll(full, 0o755); err != nil {
			return err
		}
	}
	// Marked only once it exists.
	t.mu.Lock()
	t.dirs[dir] = true
	t.mu.Unlock()
	return nil
}

// writeAll writes outputs into t with one writer per core: creating and
// filling thousands of files is system-call time that a single writer
// leaves the other cores idle for. After a failure no further file is
// started, and the error returned is that of the first failed output in
// their order.
func writeAll(t *tree, outputs []render.Output) error {
	return par.Until(len(outputs), func(i int) error { return t.write(outputs[i].Path, outputs[i].Data) })
}

// writeFile writes one file below root, making its folder.
func writeFile(root, rel string, data []byte) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	err := os.MkdirAll(filepath.Dir(p), 0o755)
	if err == nil {
		err = os.WriteFile(p, data, 0o644)
	}
	if err != nil {
		return writeError(rel, err)
	}
	return nil
}

// writeError says in Chinese why rel could not be written.
func writeError(rel string, err error) error {
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

// discard removes the staged tree, and the folders made to hold it if
// nothing else is in them; dest is left as it was.
func (s *staged) discard() {
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
	s.unlock()
	for _, dir := range s.made {
		if os.Remove(dir) != nil {
			break
		}
	}
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
