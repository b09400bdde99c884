package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"net/http"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"tongbao/internal/par"
	"tongbao/internal/render"
	"tongbao/internal/site"
)

// A snapshot is one successful build as the server holds it. It is never
// changed after it is made: a rebuild makes a new one and swaps the
// pointer, so a response — and the page a browser loads — comes from one
// build, never half of two.
type snapshot struct {
	id       string           // build id, embedded in every page; "" before the first success
	basePath string           // baseURL's path: "/" or "/tongbao/"
	files    map[string]*file // by output path: "circulars/2023/14/index.html"
}

// A file is one output, ready to serve.
type file struct {
	raw   []byte   // as rendered: what public/ would hold
	sum   [32]byte // of raw, to tell what a rebuild changed
	etag  string   // of the body as served
	ctype string
	asset string // an asset's path without its fingerprint (render.Output.Asset)

	// src, for an attachment or a file a body links to
	// (render.Output.File), is that file, served from where it is: raw is
	// nil, and sum is of its name, size and time, not of its bytes.
	src *site.Attachment

	// A page is served with the live-reload script inserted at offset at.
	// It is inserted while the response is written, not copied into a new
	// body per build: an archive's pages are tens of megabytes, and a save
	// changes few of them.
	tag []byte
	at  int
}

// size is the length of the body as served.
func (f *file) size() int { return len(f.raw) + len(f.tag) }

// reader reads the body as served.
func (f *file) reader() *bodyReader {
	return &bodyReader{parts: [3][]byte{f.raw[:f.at], f.tag, f.raw[f.at:]}, size: int64(f.size())}
}

// A bodyReader reads and seeks across the parts of a body without joining
// them, for http.ServeContent (which seeks to serve ranges).
type bodyReader struct {
	parts [3][]byte
	size  int64
	off   int64
}

func (r *bodyReader) Read(p []byte) (int, error) {
	if r.off >= r.size {
		return 0, io.EOF
	}
	off := r.off
	for _, part := range r.parts {
		if off < int64(len(part)) {
			n := copy(p, part[off:])
			r.off += int64(n)
			return n, nil
		}
		off -= int64(len(part))
	}
	return 0, io.EOF
}

func (r *bodyReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += r.off
	case io.SeekEnd:
		offset += r.size
	default:
		return 0, errors.New("serve: bad whence")
	}
	if offset < 0 {
		return 0, errors.New("serve: negative position")
	}
	r.off = offset
	return offset, nil
}

// newSnapshot wraps a build's outputs. Outputs equal to prev's keep
// their hash — the render cache hands unchanged ones back as the very same
// bytes — and files other than pages are shared with prev whole: on a long
// archive a save changes a few dozen of its thousand files. The others
// are hashed on every core.
func newSnapshot(prev *snapshot, id, basePath string, outputs []render.Output) *snapshot {
	files := make([]*file, len(outputs))
	par.Do(len(outputs), func(i int) { files[i] = prev.file(outputs[i], id) })
	s := &snapshot{id: id, basePath: basePath, files: make(map[string]*file, len(outputs))}
	for i, o := range outputs {
		s.files[o.Path] = files[i]
	}
	return s
}

// file makes the served file of o for build id, from prev's when equal.
func (prev *snapshot) file(o render.Output, id string) *file {
	old := prev.files[o.Path]
	if o.File != nil {
		if old != nil && old.src != nil && sameFile(old.src, o.File) {
			return old
		}
		f := &file{src: o.File, ctype: contentType(o.Path, nil), sum: fileSum(o.File)}
		if strings.EqualFold(path.Ext(o.Path), ".txt") && !startsUTF8(o.File) {
			// A text file saved on Windows in Chinese is in its code page,
			// GBK, which GB 18030 extends: so the browser shows it.
			f.ctype = "text/plain; charset=gb18030"
		}
		f.etag = etag(f.sum, "")
		return f
	}
	same := old != nil && (sameBytes(old.raw, o.Data) || bytes.Equal(old.raw, o.Data))
	if same && !isHTML(o.Path) {
		return old
	}
	f := &file{raw: o.Data, at: len(o.Data), ctype: contentType(o.Path, o.Data), asset: o.Asset}
	if same {
		f.sum = old.sum
	} else {
		f.sum = sha256.Sum256(o.Data)
	}
	f.etag = etag(f.sum, "")
	if isHTML(o.Path) {
		// The served page carries the build id, so its tag does too.
		f.tag, f.at = scriptTag(id, o.Path), injectAt(o.Data)
		f.etag = etag(f.sum, id)
	}
	return f
}

// startsUTF8 reports whether the first 4 KB of a file of the site are
// UTF-8 (a character cut at their end allowed), or it cannot be read.
func startsUTF8(a *site.Attachment) bool {
	fh, err := a.Open()
	if err != nil {
		return true
	}
	defer fh.Close()
	b := make([]byte, 4096)
	n, _ := io.ReadFull(fh, b)
	b = b[:n]
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		if n < 4096 {
			return false // the whole file, and not UTF-8
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// sameFile reports whether a and b are one version of one file, as the
// loads that found them saw it.
func sameFile(a, b *site.Attachment) bool {
	return a.File == b.File && a.Size == b.Size && a.ModTime.Equal(b.ModTime)
}

// fileSum stands for the hash of a file served from where it is: of its
// name, size and modification time, which tell its versions apart as the
// preview's cache does (site.Cache), without reading it.
func fileSum(a *site.Attachment) [32]byte {
	return sha256.Sum256(fmt.Appendf(nil, "%s\x00%d\x00%d", a.File, a.Size, a.ModTime.UnixNano()))
}

// sameBytes reports whether a and b are the same slice of memory, which
// is how cached outputs come back; it never compares contents.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// etag quotes a content hash, and the build id when the served body
// carries it, as an HTTP entity tag; 96 bits tell any two versions of a
// file apart.
func etag(sum [32]byte, id string) string {
	if id == "" {
		return `"` + hex.EncodeToString(sum[:12]) + `"`
	}
	return `"` + hex.EncodeToString(sum[:12]) + "-" + id + `"`
}

func isHTML(p string) bool { return strings.HasSuffix(p, ".html") }

// sameOutputs reports whether a rebuild produced byte-for-byte the same
// site, as after saving a file unchanged: the build id then stays, and
// browsers keep their pages and their cached copies.
func sameOutputs(old *snapshot, basePath string, outputs []render.Output) bool {
	if old == nil || old.id == "" || old.basePath != basePath || len(old.files) != len(outputs) {
		return false
	}
	for _, o := range outputs {
		f := old.files[o.Path]
		switch {
		case f == nil:
			return false
		case o.File != nil || f.src != nil:
			if o.File == nil || f.src == nil || !sameFile(f.src, o.File) {
				return false
			}
		case !sameBytes(f.raw, o.Data) && !bytes.Equal(f.raw, o.Data):
			return false
		}
	}
	return true
}

// A change says what a rebuild changed, for the browser to decide between
// nothing, swapping stylesheets and a full reload.
type change struct {
	ID      string            `json:"id"`
	Changed []string          `json:"changed"`       // HTML outputs whose content changed, beyond stylesheet names
	CSS     map[string]string `json:"css,omitempty"` // old stylesheet URL → new, when its fingerprint changed
	All     bool              `json:"all,omitempty"` // too many to list, or the base path moved: reload

	// Errors and Held, when months are held back (site.LoadPreview):
	// their problems, shown over the pages, and the months; Drafts the
	// addresses where their circulars are shown as drafts, which the
	// overlay links to.
	Errors []string `json:"errors,omitempty"`
	Held   []string `json:"held,omitempty"`
	Drafts []string `json:"drafts,omitempty"`
	// These names the held months as the office's periods (这个季度).
	These string `json:"these,omitempty"`
	// Warnings are the site's warnings (site.Site.Warnings), shown at the
	// foot of the pages until they are dealt with.
	Warnings []string `json:"warnings,omitempty"`
}

// maxChanged bounds the list sent to browsers; beyond it every page reloads.
const maxChanged = 2000

// diff compares two builds. A stylesheet edit renames the stylesheet (its
// name carries a content hash) and so changes every page that links it; a
// page whose only difference is that link is not listed as changed, so
// that the browser swaps the stylesheet instead of reloading.
func diff(old, cur *snapshot) change {
	c := change{ID: cur.id, Changed: []string{}}
	if old == nil || old.id == "" || old.basePath != cur.basePath {
		c.All = true
		return c
	}
	var removed, added []string
	for p := range old.files {
		if cur.files[p] == nil {
			removed = append(removed, p)
		}
	}
	for p := range cur.files {
		if old.files[p] == nil {
			added = append(added, p)
		}
	}
	renames := cssRenames(old, cur, removed, added)
	var pairs []string // for strings.NewReplacer: old URL, new URL, …
	if len(renames) > 0 {
		c.CSS = map[string]string{}
		for from, to := range renames {
			c.CSS[cur.basePath+from] = cur.basePath + to
			pairs = append(pairs, cur.basePath+from, cur.basePath+to)
		}
	}
	var replacer *strings.Replacer
	if len(pairs) > 0 {
		replacer = strings.NewReplacer(pairs...)
	}
	for p, g := range cur.files {
		if !isHTML(p) {
			continue
		}
		f := old.files[p]
		switch {
		case f == nil:
			c.Changed = append(c.Changed, p)
		case f.sum == g.sum:
		case replacer != nil && replacer.Replace(string(f.raw)) == string(g.raw):
		default:
			c.Changed = append(c.Changed, p)
		}
	}
	for _, p := range removed {
		if isHTML(p) {
			c.Changed = append(c.Changed, p)
		}
	}
	sort.Strings(c.Changed)
	if len(c.Changed) > maxChanged {
		c.Changed, c.All = []string{}, true
	}
	return c
}

// cssRenames pairs stylesheets that went away with the ones that replaced
// them: the same asset under a new fingerprint.
func cssRenames(old, cur *snapshot, removed, added []string) map[string]string {
	byAsset := map[string]string{}
	for _, p := range added {
		if a := cur.files[p].asset; a != "" && path.Ext(p) == ".css" {
			byAsset[a] = p
		}
	}
	out := map[string]string{}
	for _, p := range removed {
		if a := old.files[p].asset; a != "" && path.Ext(p) == ".css" {
			if to, ok := byAsset[a]; ok {
				out[p] = to
			}
		}
	}
	return out
}

// Paths of the server's own endpoints. They stand outside any base path
// so that they cannot collide with a page of the site.
const (
	eventsPath = "/__tongbao/events"
	scriptPath = "/__tongbao/live.js"
)

// scriptTag is the live-reload script as injected into a page: it carries
// the build the page came from and the page's output path, which is all
// the client needs to decide whether an event concerns it.
func scriptTag(id, page string) []byte {
	return []byte(`<script src="` + scriptPath + `" data-events="` + eventsPath + `" data-build="` + html.EscapeString(id) + `" data-page="` + html.EscapeString(page) + `"></script>` + "\n")
}

// injectAt is where a page gets the script: before the last </body>, or
// at the end when there is none. Only served pages get it: build output
// never passes through here.
func injectAt(page []byte) int {
	if i := lastIndexFold(page, "</body>"); i >= 0 {
		return i
	}
	return len(page)
}

// withBanner is a draft page (Server.withDrafts) with a banner at the top
// of its body saying that it is one: the circular of months held (held),
// with problems problems still, body of them in its own text (whose
// parts in error are left out), ranked on the scores given so far. It is
// part of the page, not drawn by the script, so that it is there however
// the page is looked at, and goes with the draft. stale says the months
// cannot be read now and the page is their last draft read.
func withBanner(page []byte, held []string, problems, body int, stale bool) []byte {
	at := 0
	if i := indexFold(page, "<body"); i >= 0 {
		if j := bytes.IndexByte(page[i:], '>'); j >= 0 {
			at = i + j + 1
		}
	}
	// Printed too, a draft says it is one: display beats the print rule
	// that hides all but main (site.css).
	banner := `<div id="__tongbao-draft" role="note" style="display:block!important;background:#fff8d6;color:#5c4400;border-bottom:3px solid #d4a000;padding:10px 20px;font:15px/1.6 sans-serif;text-align:left">` +
		`<strong>草稿预览，不是将要发布的通报。</strong>` +
		html.EscapeString(fmt.Sprintf("这是按尚未齐全的 %s 目前已填写的数据和通报生成的，还有 %d 个问题（见页面顶部的问题列表）；排名只计已填写的得分，尚缺得分的单位暂不参加该项排名。", strings.Join(held, "、"), problems))
	if stale {
		// The scores shown are not those of the file as it is now.
		banner += "<br><strong>" + html.EscapeString(fmt.Sprintf("%s 的数据现在无法读取（见页面顶部的问题列表），这里仍显示上一次能读取时的草稿；改正后自动更新。", strings.Join(held, "、"))) + "</strong>"
	}
	if body > 0 {
		// Said on the page itself: a sentence or table left out of the
		// text would otherwise read as what the circular says.
		banner += "<br><strong>" + html.EscapeString(fmt.Sprintf("正文有 %d 个问题，出错的短代码等暂不显示，其余照常显示。", body)) + "</strong>"
	}
	banner += "</div>\n"
	out := make([]byte, 0, len(page)+len(banner))
	out = append(append(append(out, page[:at]...), banner...), page[at:]...)
	return out
}

// indexFold is bytes.Index ignoring ASCII case.
func indexFold(s []byte, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i] == sub[0] && bytes.EqualFold(s[i:i+len(sub)], []byte(sub)) {
			return i
		}
	}
	return -1
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case, without copying
// the page to lower-case it.
func lastIndexFold(s []byte, sub string) int {
	for i := len(s) - len(sub); i >= 0; i-- {
		if s[i] == '<' && bytes.EqualFold(s[i:i+len(sub)], []byte(sub)) {
			return i
		}
	}
	return -1
}

// textTypes are the types served, with their charset for text: the
// system's MIME table differs between machines and often lacks the
// charset, which Chinese text needs.
var textTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".md":          "text/markdown; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".pdf":         "application/pdf",
	".webmanifest": "application/manifest+json; charset=utf-8",
}

func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := textTypes[ext]; ok {
		return t
	}
	// An attachment's, which the system's MIME table may lack: a
	// spreadsheet sniffed is a zip.
	if t := site.MediaType(strings.TrimPrefix(ext, ".")); t != "" {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}
