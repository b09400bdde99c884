package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A target is the folder a build publishes into, resolved and checked
// (DESIGN.md §8). A build deletes and replaces what is in it, so it must
// be tongbao's: missing, empty, or holding a manifest of an earlier build.
type target struct {
	given string // the path as the user gave it, for messages
	path  string // the folder written: absolute, every symlink resolved
	exist bool

	// example is the site's Example, which the manifest written says.
	example bool
}

// updatingName marks a folder that an update in place (see inPlace) is
// changing: it lists every file the update may leave there, and the
// folder has no manifest until the update is complete.
const updatingName = ".tongbao-updating.json"

// lockName is the lock file of a build where the lock cannot be a folder
// (see lockDir).
const lockName = ".tongbao-lock"

// reserved reports whether a file name at the root of an output is
// tongbao's own bookkeeping rather than part of the site.
func reserved(name string) bool {
	return name == ManifestName || name == updatingName || name == lockName || name == newName
}

// resolveTarget resolves dest and refuses it unless it is tongbao's to
// write: a folder that is, contains or lies in the site's source folders,
// a file, a symlink to nothing, or a folder of other files. source is the
// site's folder, or "" for a bare Write.
func resolveTarget(source, dest string) (*target, error) {
	t := &target{given: dest}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	fi, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		t.path = resolveExisting(abs)
	case err != nil:
		return nil, t.refuse("无法读取：" + why(err))
	case fi.Mode()&fs.ModeSymlink != 0:
		real, err := filepath.EvalSymlinks(abs)
		if err != nil {
			to, _ := os.Readlink(abs)
			if !filepath.IsAbs(to) {
				to = filepath.Join(filepath.Dir(abs), to)
			}
			return nil, t.refuse(fmt.Sprintf("它是指向 %s 的符号链接，目标不存在；请先创建目标目录，或删除这个链接", to))
		}
		t.path = real
		t.exist = true
	default:
		if t.path, err = filepath.EvalSymlinks(abs); err != nil {
			return nil, t.refuse("无法读取：" + why(err))
		}
		t.exist = true
	}
	if t.exist {
		if fi, err := os.Stat(t.path); err != nil {
			return nil, t.refuse("无法读取：" + why(err))
		} else if !fi.IsDir() {
			return nil, t.refuse("它是一个文件，不是目录；请用 -d 指定一个目录")
		}
	}
	if source != "" {
		if err := t.outsideSource(source); err != nil {
			return nil, err
		}
	}
	if t.exist {
		if err := t.owned(); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// resolveExisting resolves the symlinks of the longest part of abs that
// exists; the rest, which does not exist, has none.
func resolveExisting(abs string) string {
	rest := ""
	for p := abs; ; p = filepath.Dir(p) {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest)
		}
		if p == filepath.Dir(p) {
			return abs
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

// refuse is the error that names the target, and what it really is when
// that is not what was typed.
func (t *target) refuse(reason string) error {
	name := t.given
	typed := t.given // as typed, "a/../b" not cleaned: that is what it names
	if !filepath.IsAbs(typed) {
		if wd, err := os.Getwd(); err == nil {
			typed = wd + string(filepath.Separator) + typed
		}
	}
	if t.path != "" && strings.TrimRight(typed, `/\`) != t.path && typed != t.path {
		name += "（即 " + t.path + "）"
	}
	return fmt.Errorf("不能输出到 %s：%s", name, reason)
}

// inputFolders are the folders of a site that hold its input (and its
// history): no output may go into them.
var inputFolders = []string{"content", "data", "layouts", "static", ".git"}

// outsideSource refuses a target that is the site's folder, contains it,
// or lies in one of its input folders. Paths are compared as the system
// sees them (os.SameFile, so that a case-insensitive file system or a
// second name of a folder is no way round).
func (t *target) outsideSource(source string) error {
	const other = "请用 -d 指定另一个目录（默认是站点里的 public/）"
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(src); err == nil {
		src = real
	}
	switch {
	case sameDir(src, t.path):
		return t.refuse("这是站点目录本身，生成会覆盖站点的源文件；" + other)
	case within(src, t.path):
		return t.refuse("站点目录在它里面，生成会覆盖站点的源文件；" + other)
	}
	for _, name := range inputFolders {
		if within(t.path, filepath.Join(src, name)) {
			return t.refuse(fmt.Sprintf("它在站点的 %s/ 里，那里是输入文件；%s", name, other))
		}
	}
	return nil
}

// within reports whether path is dir or lies below it. Each existing
// folder from path up is compared with dir by os.SameFile; a path that
// does not exist yet is compared by name.
func within(path, dir string) bool {
	dfi, err := os.Stat(dir)
	for p := path; ; p = filepath.Dir(p) {
		if err == nil {
			if fi, err := os.Stat(p); err == nil && os.SameFile(fi, dfi) {
				return true
			}
		} else if p == dir {
			return true
		}
		if p == filepath.Dir(p) {
			return false
		}
	}
}

func sameDir(a, b string) bool {
	afi, err1 := os.Stat(a)
	bfi, err2 := os.Stat(b)
	if err1 != nil || err2 != nil {
		return a == b
	}
	return os.SameFile(afi, bfi)
}

// owned refuses an existing folder that is not tongbao's: one that holds
// anything but a manifest or an update's mark, unless it is empty. A file
// system's lost+found does not count: a mounted web root has one.
func (t *target) owned() error {
	for _, name := range []string{ManifestName, updatingName} {
		if fi, err := os.Lstat(filepath.Join(t.path, name)); err == nil && fi.Mode().IsRegular() {
			return nil
		}
	}
	f, err := os.Open(t.path)
	if err != nil {
		return t.refuse("无法读取：" + why(err))
	}
	defer f.Close()
	for {
		names, err := f.Readdirnames(16)
		for _, n := range names {
			if n != "lost+found" && n != lockName && n != newName {
				return t.refuse("这个目录里已有别的文件，却没有 tongbao 的清单 " + ManifestName +
					"，不是 tongbao 生成的；tongbao 只写入不存在的、空的或它生成过的目录。请确认里面的文件不再需要后清空它，或用 -d 指定另一个目录")
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return t.refuse("无法读取：" + why(err))
		}
	}
}
