package build

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"tongbao/internal/render"
)

// inPlace updates an output that cannot be replaced as a whole: a mount
// point (a web root on its own disk or a bind mount), or a folder in a
// parent the build may not write (/var/www/html, run as a service user).
//
// While rendering, each changed file is written into a hidden folder in
// the output (newName), on the same file system as its place; a file whose
// bytes are the same is left alone. A failure removes that folder, and the
// output is as it was. Then, to publish: the output is marked as being
// updated (updatingName, listing every file the update may leave) and its
// manifest removed — so that no manifest ever describes a mixed tree —,
// each new file is renamed over the old one, stale files are removed,
// everything is flushed, and the new manifest is written last. An update
// killed half-way leaves the mark and no manifest; the next build finds
// the folder still tongbao's and completes it.
type inPlace struct {
	t      *target
	root   string
	staged *tree // the new files, in root/newName
	unlock func()

	// prev are the files an earlier build left: its manifest, and every
	// file an interrupted update's mark lists (without a hash, so never
	// kept as they are).
	prev   map[string]ManifestEntry
	before *Manifest // the earlier build's manifest, as read

	mu     sync.Mutex
	places map[string]error // folders of root checked for a file in the way
	keep   []ManifestEntry  // unchanged files, not in staged
	data   []byte           // the manifest, once sealed

	// foreignFiles are what seal found in the output that no build
	// wrote: left where they are (see foreign.go).
	foreignFiles foreignPlan
}

// newName is the hidden folder at the root of an output updated in place
// that holds the new files until they are renamed into their places.
const newName = ".tongbao-new"

func openInPlace(t *target) (*inPlace, error) {
	ip := &inPlace{t: t, root: t.path, prev: map[string]ManifestEntry{}, places: map[string]error{}}
	ip.unlock, _ = lockDir(t.path)
	if m, err := ReadManifest(t.path); err == nil {
		ip.before = &m
		for _, e := range m.Files {
			ip.prev[e.Path] = e
		}
	}
	if m, _, err := readManifestFile(filepath.Join(t.path, updatingName)); err == nil {
		for _, e := range m.Files {
			ip.prev[e.Path] = ManifestEntry{Path: e.Path}
		}
	}
	// Under the lock, a folder of new files was left by a build that died.
	staging := filepath.Join(t.path, newName)
	if err := removeAll(staging); err != nil {
		ip.unlock()
		return nil, ip.fail(staging, "删除", err)
	}
	if err := os.Mkdir(staging, 0o755); err != nil {
		ip.unlock()
		return nil, ip.fail(staging, "创建目录", err)
	}
	ip.staged = newTree(staging)
	return ip, nil
}

// fail says in Chinese that an operation on a file of the output failed.
func (ip *inPlace) fail(p, op string, err error) error {
	rel, _ := filepath.Rel(ip.root, p)
	return fmt.Errorf("无法%s %s：%s", op, filepath.Join(ip.t.given, rel), why(err))
}

func (ip *inPlace) add(o render.Output) error {
	if err := checkPath(o.Path); err != nil {
		return err
	}
	rel := o.Path
	if err := ip.place(rel); err != nil {
		return err
	}
	c, err := contentOf(o)
	if err != nil {
		return fmt.Errorf("%w；%s 保持不变", err, ip.t.given)
	}
	if ip.prev[rel] == c.e && c.same(filepath.Join(ip.root, filepath.FromSlash(rel))) {
		ip.mu.Lock()
		ip.keep = append(ip.keep, c.e)
		ip.mu.Unlock()
		return nil
	}
	if err := ip.staged.put(c); err != nil {
		return fmt.Errorf("%w；%s 保持不变", err, ip.t.given)
	}
	return nil
}

// place checks that nothing in the output stands in the way of rel: a
// file where it needs a folder, or a folder where it needs a file.
func (ip *inPlace) place(rel string) error {
	full := filepath.Join(ip.root, filepath.FromSlash(rel))
	if fi, err := os.Lstat(full); err == nil && fi.IsDir() {
		return fmt.Errorf("无法原处更新 %s：新的网站在这里是文件，现有的却是目录；请删除这个目录后重试", filepath.Join(ip.t.given, filepath.FromSlash(rel)))
	}
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		ip.mu.Lock()
		err, checked := ip.places[dir]
		ip.mu.Unlock()
		if !checked {
			full := filepath.Join(ip.root, filepath.FromSlash(dir))
			if fi, e := os.Lstat(full); e == nil && !fi.IsDir() {
				err = fmt.Errorf("无法原处更新 %s：新的网站在这里是目录，现有的却是文件；请删除这个文件后重试", filepath.Join(ip.t.given, filepath.FromSlash(dir)))
			}
			ip.mu.Lock()
			ip.places[dir] = err
			ip.mu.Unlock()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// seal makes the manifest of the new output, and sorts what else is in
// the output (foreign files, left alone; see foreign.go); nothing of the
// output has changed yet.
func (ip *inPlace) seal() error {
	found, err := scanOutput(ip.root, ip.t.given, false)
	if err != nil {
		return err
	}
	if ip.foreignFiles, err = sortForeign(found, slices.Collect(maps.Keys(ip.prev)), paths(ip.files()), foldCase, ip.t.given); err != nil {
		return err
	}
	ip.foreignFiles.dropSame(ip.root, ip.staged.root)
	m := Manifest{Files: ip.files(), Example: ip.t.example}
	m.sort()
	ip.data = m.Bytes()
	return nil
}

// files are the files of the new output: the unchanged and the new.
func (ip *inPlace) files() []ManifestEntry {
	return append(slices.Clip(ip.keep), ip.staged.files...)
}

func (ip *inPlace) previous() *Manifest { return ip.before }

func (ip *inPlace) foreign() foreignPlan { return ip.foreignFiles }

func (ip *inPlace) written() Manifest {
	return withManifest(Manifest{Files: ip.files()}, ip.data)
}

func (ip *inPlace) stats(start time.Time) Stats {
	t := tree{files: ip.files()}
	return t.stats(start)
}

// publish changes the output, in the order the type's comment gives.
func (ip *inPlace) publish() error {
	defer ip.unlock()
	files := ip.files()
	next := make(map[string]bool, len(files))
	for _, e := range files {
		next[e.Path] = true
	}
	// The mark lists every file the update may leave: the new ones and
	// the old ones it has yet to remove.
	var mark Manifest
	for _, e := range files {
		mark.Files = append(mark.Files, ManifestEntry{Path: e.Path})
	}
	for p := range ip.prev {
		if !next[p] {
			mark.Files = append(mark.Files, ManifestEntry{Path: p})
		}
	}
	mark.sort()
	if err := ip.replace(updatingName, mark.Bytes()); err != nil {
		return err
	}
	if err := remove(filepath.Join(ip.root, ManifestName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return ip.fail(filepath.Join(ip.root, ManifestName), "删除", err)
	}
	// Files are placed and removed within the output's folder: a folder
	// in it that is a link to another place (a web root's neighbours
	// may put one there) is not written or emptied through.
	r, err := os.OpenRoot(ip.root)
	if err != nil {
		return ip.fail(ip.root, "打开", err)
	}
	defer r.Close()
	made := map[string]bool{".": true}
	var perm perms
	for _, e := range ip.staged.files {
		for _, dir := range ancestors(path.Dir(e.Path)) {
			if made[dir] {
				continue
			}
			full := filepath.Join(ip.root, filepath.FromSlash(dir))
			if err := r.Mkdir(filepath.FromSlash(dir), 0o755); err == nil {
				perm.dir(full)
			} else if !errors.Is(err, fs.ErrExist) {
				return ip.fail(full, "创建目录", err)
			}
			made[dir] = true
		}
		rel := filepath.FromSlash(e.Path)
		if err := fsRetry.do(func() error { return r.Rename(filepath.Join(newName, rel), rel) }); err != nil {
			return ip.fail(filepath.Join(ip.root, rel), "替换", err)
		}
	}
	// Stale files last, then the folders they leave empty, deepest first.
	var dirs []string
	for p := range ip.prev {
		if next[p] {
			continue
		}
		rel := filepath.FromSlash(p)
		if err := fsRetry.do(func() error { return r.Remove(rel) }); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return ip.fail(filepath.Join(ip.root, rel), "删除", err)
		}
		dirs = append(dirs, ancestors(path.Dir(p))...)
	}
	slices.SortFunc(dirs, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, d := range slices.Compact(dirs) {
		r.Remove(filepath.FromSlash(d)) // only if empty
	}
	if err := syncTree(ip.root); err != nil {
		return err
	}
	if err := ip.replace(ManifestName, ip.data); err != nil {
		return err
	}
	if err := remove(filepath.Join(ip.root, updatingName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return ip.fail(filepath.Join(ip.root, updatingName), "删除", err)
	}
	removeAll(ip.staged.root)
	return syncTree(ip.root)
}

// ancestors lists a slash folder and its parents, deepest last, "." not
// included.
func ancestors(dir string) []string {
	var out []string
	for ; dir != "." && dir != "/"; dir = path.Dir(dir) {
		out = append(out, dir)
	}
	slices.Reverse(out)
	return out
}

// replace writes a file at the root atomically: into the folder of new
// files, then renamed into its place.
func (ip *inPlace) replace(name string, data []byte) error {
	if err := writeFile(ip.staged.root, name, data); err != nil {
		return err
	}
	if err := rename(filepath.Join(ip.staged.root, name), filepath.Join(ip.root, name)); err != nil {
		return ip.fail(filepath.Join(ip.root, name), "写入", err)
	}
	return nil
}

// discard removes the new files: the output is as it was.
func (ip *inPlace) discard() {
	defer ip.unlock()
	removeAll(ip.staged.root)
}
