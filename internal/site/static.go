package site

import "path/filepath"

// StaticDir is the folder of a site whose files are published as they
// are, each at the same path below the output's root (as Hugo's static/):
// static/baidu_verify_codeva-xxxx.html is /baidu_verify_codeva-xxxx.html,
// static/.well-known/x is /.well-known/x. It holds what a portal asks a
// site to publish that tongbao does not make: a search engine's or a
// certificate authority's proof that the site is the office's, WeChat's
// MP_verify file, a document kept at an address of its own.
const StaticDir = "static"

// static reads static/: every file but those Hidden (its .well-known
// folder is read; see walk), looked at, not read — the build copies each
// and the preview serves it from where it is, as an attachment's
// (Attachment.Copy, Attachment.Open). Each is held to an attachment's
// limit of size.
func (l *loader) static() {
	for _, rel := range l.walk(StaticDir) {
		a := Attachment{File: rel, Line: 1, Col: 1}
		fi, ok := statFile(l.root, rel, MaxAttachmentSize, &l.diags)
		if !ok {
			continue
		}
		a.Size, a.ModTime = fi.Size(), fi.ModTime()
		a.path = filepath.Join(l.root, filepath.FromSlash(rel))
		l.s.Static = append(l.s.Static, a)
	}
}
