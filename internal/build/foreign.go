package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"tongbao/internal/diag"
)

// A build owns the files of its output that the build before listed in
// its manifest, and only those. Anything else there was put by someone
// else — by hand (a search engine's verification file, a document
// uploaded beside the site) or by the web server (a lost+found) — and is
// foreign: every build keeps it as it is, out of its manifest and its
// changes. An update in place (inPlace) simply leaves it where it is; a
// build that swaps in a new folder (staged) takes it over into that
// folder first, hard-linked (so that its time and its bytes are the
// same), or copied where the file system has no hard links. Only a
// foreign file on a path the new build writes a file at gives way: the
// build's replaces it, and unless the two hold the same bytes (the file
// was moved into the site's static/) the build warns of it
// (warnDisplaced). A foreign file or folder where the new build needs a
// folder or a file stops the build, in both ways of publishing.

// An outputEntry is a file or folder found in an output.
type outputEntry struct {
	path string      // slash path below the output's root
	mode fs.FileMode // its type: fs.ModeDir, fs.ModeSymlink, 0 for a regular file, …
}

func (e outputEntry) isDir() bool { return e.mode.IsDir() }

// scanOutput lists every file and folder in the output at root, parents
// before what they hold, but tongbao's bookkeeping at its root (reserved)
// and a file system's lost+found. given names the output in errors. A
// folder that cannot be read is an error when its files are to be taken
// over (strict); an update in place, which leaves them where they are,
// lists the folder alone.
func scanOutput(root, given string, strict bool) ([]outputEntry, error) {
	var out []outputEntry
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if p == root {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if reserved(rel) || rel == "lost+found" {
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case err != nil && !strict && d != nil && d.IsDir():
			return filepath.SkipDir // listed already, before it was read
		case err != nil:
			return fmt.Errorf("无法读取 %s：%s；要保留其中不是 tongbao 生成的文件，须能读取它；%s 保持不变", filepath.Join(given, filepath.FromSlash(rel)), why(err), given)
		}
		out = append(out, outputEntry{path: rel, mode: d.Type()})
		return nil
	})
	return out, err
}

// A foreignPlan is what a build does with the foreign files and folders
// of its output (sortForeign).
type foreignPlan struct {
	keep      []outputEntry // kept as they are, parents first
	kept      []string      // the files of keep, sorted
	displaced []string      // replaced by the new build's files, sorted
}

// sortForeign sorts what was found in an output into what no build wrote
// there — by the files the build before listed — and, of that, what the
// new build, writing the files written, keeps and what its files replace.
// A foreign file or folder in the way of one of the new build's — a folder
// where it writes a file, a file where it needs a folder — is a problem
// at it: the build stops rather than remove it. fold compares paths
// ignoring case, as Windows and macOS name files (foldCase); it is a
// parameter so that their rule is tested on every system.
func sortForeign(found []outputEntry, listed, written []string, fold bool, given string) (foreignPlan, error) {
	key := func(p string) string { return p }
	if fold {
		key = strings.ToLower
	}
	files := func(paths []string) (set, dirs map[string]bool) {
		set, dirs = make(map[string]bool, len(paths)), map[string]bool{}
		for _, p := range paths {
			set[key(p)] = true
			for _, d := range ancestors(path.Dir(p)) {
				dirs[key(d)] = true
			}
		}
		return set, dirs
	}
	listedFiles, listedDirs := files(listed)
	writtenFiles, writtenDirs := files(written)
	var plan foreignPlan
	var problems diag.List
	conflict := func(e outputEntry, msg string) {
		problems.Add(filepath.Join(given, filepath.FromSlash(e.path)), 0, 0, "%s", msg)
	}
	told := map[string]bool{} // foreign folders in the way, said once for all they hold
	for _, e := range found {
		k := key(e.path)
		if e.isDir() && listedDirs[k] || !e.isDir() && listedFiles[k] {
			continue // tongbao's
		}
		blocked := ""
		for _, d := range ancestors(path.Dir(e.path)) {
			if writtenFiles[key(d)] {
				blocked = d
				break
			}
		}
		switch {
		case told[key(blocked)]:
		case blocked != "":
			conflict(e, fmt.Sprintf("这个%s不是 tongbao 生成的，而新生成的网站在 %s 要写一个文件，它所在的目录挡在那里；请把它移到别处后重试", what(e), blocked))
		case e.isDir() && writtenFiles[k]:
			told[k] = true
			conflict(e, "这个目录不是 tongbao 生成的，而新生成的网站在这里要写一个文件；请把它移到别处后重试")
		case e.isDir() && writtenDirs[k]:
			// The new build makes this folder too; what it holds is sorted
			// on its own.
		case e.isDir():
			plan.keep = append(plan.keep, e)
		case writtenDirs[k]:
			conflict(e, "这个文件不是 tongbao 生成的，而新生成的网站在这里要建一个目录；请把它移到别处后重试")
		case writtenFiles[k]:
			plan.displaced = append(plan.displaced, e.path)
		default:
			plan.keep = append(plan.keep, e)
			plan.kept = append(plan.kept, e.path)
		}
	}
	slices.Sort(plan.kept)
	slices.Sort(plan.displaced)
	if err := problems.Err(); err != nil {
		return foreignPlan{}, err
	}
	return plan, nil
}

func what(e outputEntry) string {
	if e.isDir() {
		return "目录"
	}
	return "文件"
}

// foldCase reports whether the system's file names ignore case (Windows,
// macOS), so that a foreign Notes.html and the build's notes.html are
// one file.
var foldCase = runtime.GOOS == "windows" || runtime.GOOS == "darwin"

// previousFiles are the files an earlier build left in the output at
// root: those its manifest m lists (nil: none, or unreadable), and those
// an interrupted update's mark lists (see inPlace).
func previousFiles(root string, m *Manifest) []string {
	var out []string
	if m != nil {
		for _, e := range m.Files {
			out = append(out, e.Path)
		}
	}
	if mark, _, err := readManifestFile(filepath.Join(root, updatingName)); err == nil {
		for _, e := range mark.Files {
			out = append(out, e.Path)
		}
	}
	return out
}

// carry takes the foreign files and folders of the output over into the
// staged tree: each file hard-linked, or copied where that fails; a
// symbolic link made again. A file that turns out to be on a path the
// build wrote after all (a file system that ignores case where foldCase
// did not expect it) gives way to the build's, as sortForeign's
// displaced do.
func (s *staged) carry(plan foreignPlan) error {
	for _, e := range plan.keep {
		if e.isDir() {
			if err := s.tree.mkdir(e.path); err != nil {
				return s.keepError(e.path, err)
			}
			continue
		}
		if err := s.tree.mkdir(path.Dir(e.path)); err != nil {
			return s.keepError(e.path, err)
		}
		src := filepath.Join(s.dest, filepath.FromSlash(e.path))
		dst := filepath.Join(s.tmp, filepath.FromSlash(e.path))
		err := keepFile(src, dst, e.mode)
		if errors.Is(err, fs.ErrExist) {
			if fi, serr := os.Lstat(dst); serr == nil && !fi.IsDir() {
				plan.displaced = append(plan.displaced, e.path)
				plan.kept = slices.DeleteFunc(plan.kept, func(p string) bool { return p == e.path })
				continue
			}
		}
		if err != nil {
			return s.keepError(e.path, err)
		}
	}
	slices.Sort(plan.displaced)
	plan.dropSame(s.dest, s.tmp)
	s.foreignFiles = plan
	return nil
}

func (s *staged) keepError(rel string, err error) error {
	return fmt.Errorf("无法保留 %s（它不是 tongbao 生成的，要带到新生成的网站中）：%s；%s 保持不变", filepath.Join(s.t.given, filepath.FromSlash(rel)), why(err), s.t.given)
}

// keepFile puts the foreign file src, of type mode, at dst, which must
// not exist: a hard link, or a copy with src's permissions and time; a
// symbolic link is made again, pointing where it pointed.
func keepFile(src, dst string, mode fs.FileMode) error {
	switch {
	case mode&fs.ModeSymlink != 0:
		to, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(to, dst)
	case !mode.IsRegular():
		return errors.New("不是普通文件，无法带走；请把它移到别处后重试")
	}
	err := os.Link(src, dst)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	return copyKept(src, dst)
}

// copyKept copies src to dst, which must not exist, with src's
// permissions and modification time, flushed: an upload that compares
// times sees the same file.
func copyKept(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fi.Mode().Perm())
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chtimes(dst, time.Time{}, fi.ModTime())
	}
	if err != nil {
		os.Remove(dst)
	}
	return err
}

// dropSame takes out of p.displaced the foreign files that held exactly
// the bytes the build wrote over them, in the output at root, the build's
// being in newRoot: a file moved into the site's static/ replaces its
// hand-placed copy, and nothing is lost.
func (p *foreignPlan) dropSame(root, newRoot string) {
	p.displaced = slices.DeleteFunc(p.displaced, func(rel string) bool {
		return sameFiles(filepath.Join(root, filepath.FromSlash(rel)), filepath.Join(newRoot, filepath.FromSlash(rel)))
	})
}

// sameFiles reports whether the regular files a and b hold the same
// bytes.
func sameFiles(a, b string) bool {
	f, err := os.Open(a)
	if err != nil {
		return false
	}
	defer f.Close()
	g, err := os.Open(b)
	if err != nil {
		return false
	}
	defer g.Close()
	fi, err1 := f.Stat()
	gi, err2 := g.Stat()
	if err1 != nil || err2 != nil || !fi.Mode().IsRegular() || !gi.Mode().IsRegular() || fi.Size() != gi.Size() {
		return false
	}
	return sameReaders(f, g)
}

// warnDisplaced tells opts.Warn of each foreign file this build's own
// replaced: whoever put it there may have meant it to stay.
func warnDisplaced(st Stats, opts Options) {
	if opts.Warn == nil {
		return
	}
	const most = 10
	for i, p := range st.Displaced {
		if i == most {
			opts.Warn(diag.Diagnostic{Msg: fmt.Sprintf("警告：……%s 中共有 %d 个不是 tongbao 生成的文件被新生成的文件替换", Dest(opts), len(st.Displaced))})
			break
		}
		opts.Warn(diag.Diagnostic{File: filepath.Join(Dest(opts), filepath.FromSlash(p)), Msg: "警告：这个文件不是 tongbao 生成的，而新生成的网站在同一路径有自己的文件，已替换它；它若还要发布，请换个名字放到站点的 static/ 文件夹"})
	}
}

// ForeignNote is the line that says which files of the output dest the
// build kept that are not tongbao's (Stats.Foreign), or "" if none.
func (s Stats) ForeignNote(dest string) string {
	if len(s.Foreign) == 0 {
		return ""
	}
	const most = 5
	list := strings.Join(s.Foreign[:min(most, len(s.Foreign))], "、")
	if len(s.Foreign) > most {
		list += " 等"
	}
	return fmt.Sprintf("%s 中有 %d 个文件不是 tongbao 生成的，已原样保留（不列入清单和改动）：%s；要随网站发布，请放到站点的 static/ 文件夹", dest, len(s.Foreign), list)
}
