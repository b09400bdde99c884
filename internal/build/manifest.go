package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ManifestName is the file every build writes at the root of its output:
// the path, size and SHA-256 of every other file, sorted by path. With it
// anyone can check that a published tree is complete and unaltered, and two
// builds can be compared file by file (tongbao build --verify).
const ManifestName = ".tongbao-manifest.json"

// A Manifest lists the files of one output tree, sorted by path.
type Manifest struct {
	// Example says the build was of tongbao init's imaginary office
	// (site.Site.Example): what a site made the office's own replaces,
	// not what the portal published, so nothing is compared with it
	// (Prior) — no page of 某某县 is told of as gone, no circular of its
	// as rewritten, and every file is 新增 to upload.
	Example bool            `json:"example,omitempty"`
	Files   []ManifestEntry `json:"files"`

	// own is the manifest file's own entry, when it was read from one
	// (ReadManifest): it lists every file but itself, yet an upload must
	// know whether its bytes changed as well.
	own *ManifestEntry
}

// A ManifestEntry is one file: its slash path below the output root, its
// size in bytes and the hex SHA-256 of its content.
type ManifestEntry struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

func (m Manifest) sort() {
	slices.SortFunc(m.Files, func(a, b ManifestEntry) int { return strings.Compare(a.Path, b.Path) })
}

// Bytes is the manifest as written: JSON with one file per line, so that
// two manifests can be compared with diff. The same files always give the
// same bytes.
func (m Manifest) Bytes() []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	if m.Example {
		b.WriteString("\"example\": true, ")
	}
	b.WriteString("\"files\": [")
	for i, e := range m.Files {
		if i > 0 {
			b.WriteByte(',')
		}
		line, _ := json.Marshal(e) // cannot fail: strings and an integer
		b.WriteString("\n  ")
		b.Write(line)
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// Prior is the build before as what a build compares with: m, or nil when
// it was a try-out of tongbao init's imaginary office (Example), which
// the office's own first build follows as a first build.
func (m *Manifest) Prior() *Manifest {
	if m == nil || m.Example {
		return nil
	}
	return m
}

// ReadManifest reads the manifest at the root of an output tree.
func ReadManifest(root string) (Manifest, error) {
	m, data, err := readManifestFile(filepath.Join(root, ManifestName))
	if err == nil {
		own := entry(ManifestName, data, nil)
		m.own = &own
	}
	return m, err
}

func readManifestFile(name string) (Manifest, []byte, error) {
	var m Manifest
	data, err := os.ReadFile(name)
	if err != nil {
		return m, nil, err
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, nil, fmt.Errorf("%s 无法解析：%v", ManifestName, err)
	}
	// A build removes what the last one's manifest lists and no longer
	// makes: a path that leaves the output (../victim.txt), written into
	// the file by hand or by anyone who can write the web root, must not
	// steer it to files elsewhere.
	for _, e := range m.Files {
		if !fs.ValidPath(e.Path) || e.Path == "." || strings.Contains(e.Path, "\\") {
			return Manifest{}, nil, fmt.Errorf("%s 列出的路径“%s”不在输出目录之内，清单不可信", filepath.Base(name), e.Path)
		}
	}
	return m, data, nil
}

// ScanTree describes the files actually present under root, tongbao's own
// (the manifest, an update's mark, a lock file) excluded, as NewManifest
// would have described them.
func ScanTree(root string) (Manifest, error) {
	var m Manifest
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if reserved(rel) && d.IsDir() {
			return filepath.SkipDir
		}
		if d.IsDir() || reserved(rel) {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s 不是普通文件", rel)
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		n, err := io.Copy(h, f)
		if err != nil {
			return err
		}
		m.Files = append(m.Files, ManifestEntry{Path: rel, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))})
		return nil
	})
	m.sort()
	return m, err
}

// DiffManifests returns the paths, sorted, of the files that are in only
// one of a and b or whose content differs.
func DiffManifests(a, b Manifest) []string {
	c := Compare(a, b)
	return slices.Sorted(slices.Values(slices.Concat(c.Added, c.Changed, c.Removed)))
}

// Changes are what one output tree changed from another, by slash path,
// each list sorted: what an upload of it must send, and remove.
type Changes struct {
	Added, Changed, Removed []string
}

// None reports whether nothing changed.
func (c *Changes) None() bool {
	return len(c.Added) == 0 && len(c.Changed) == 0 && len(c.Removed) == 0
}

// Compare returns the changes from tree a to tree b.
func Compare(a, b Manifest) *Changes {
	old := make(map[string]ManifestEntry, len(a.Files))
	for _, e := range a.Files {
		old[e.Path] = e
	}
	c := &Changes{}
	for _, e := range b.Files {
		if f, ok := old[e.Path]; !ok {
			c.Added = append(c.Added, e.Path)
		} else if f != e {
			c.Changed = append(c.Changed, e.Path)
		}
		delete(old, e.Path)
	}
	c.Removed = slices.Sorted(maps.Keys(old))
	slices.Sort(c.Added)
	slices.Sort(c.Changed)
	return c
}

// listPaths joins the first n paths for a message, saying how many more
// there are.
func listPaths(paths []string, n int) string {
	if len(paths) <= n {
		return strings.Join(paths, "、")
	}
	return fmt.Sprintf("%s 等 %d 个文件", strings.Join(paths[:n], "、"), len(paths))
}
