package site

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"tongbao/internal/theme"
)

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
// limit of size. A file whose name starts with a dot that is not a
// system's or a tool's leavings (dotJunk) was put there on purpose — an
// Apache .htaccess, GitHub Pages' .nojekyll — and is warned of: staff
// would otherwise believe it published. So is such a folder that holds
// files (hiddenFolder).
func (l *loader) static() {
	files := l.walkSkipping(StaticDir, func(rel string, isDir bool) {
		name := path.Base(rel)
		if isDir {
			l.hiddenFolder(rel)
			return
		}
		if !strings.HasPrefix(name, ".") || dotJunk(name) {
			return
		}
		l.s.Warnings.Add(rel, 1, 1, "警告：%s 以“.”开头，是隐藏文件，不会发布（static/ 中只有 .well-known/ 下的文件例外）。服务器的设置（改写、跳转、访问限制等）由门户网站的服务器决定，不由本站的文件决定；需要时请交给门户网站的管理员", name)
	})
	for _, rel := range files {
		l.staticAsset(rel)
		a := Attachment{File: rel, Line: 1, Col: 1}
		fi, ok := statFile(l.root, rel, MaxAttachmentSize, &l.diags)
		if !ok {
			continue
		}
		a.Size, a.ModTime = fi.Size(), fi.ModTime()
		a.root = l.root
		l.s.Static = append(l.s.Static, a)
	}
}

// dotJunk reports whether a file whose name starts with a dot is what a
// system, an editor or a tool leaves in a folder, that nobody meant to
// publish and that no one need be told of: macOS's .DS_Store, ._x and
// .localized, KDE's .directory, LibreOffice's lock .~lock.x#, vim's swap
// files, the empty files that keep a folder in git.
func dotJunk(name string) bool {
	switch strings.ToLower(name) {
	case ".ds_store", ".localized", ".directory", ".gitkeep", ".keep", ".gitignore", ".gitattributes":
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx":
		return true
	}
	return strings.HasPrefix(name, "._") || strings.HasPrefix(name, ".~lock.") || strings.HasPrefix(name, ".#")
}

// hiddenFolder warns of the folder rel of static/, passed over as Hidden,
// when its name starts with a dot, it is not a system's or a tool's
// (dotJunkFolder) and it holds files: they are not published, and staff
// would believe them published — most of all in a misspelt .well-known
// (.well_known, .Well-Known), or in a .well-known below static/'s root,
// neither of which is /.well-known/. A folder has no line: the warning
// names it alone.
func (l *loader) hiddenFolder(rel string) {
	name := path.Base(rel)
	if !strings.HasPrefix(name, ".") || dotJunkFolder(name) {
		return
	}
	n := 0
	filepath.WalkDir(filepath.Join(l.root, filepath.FromSlash(rel)), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !Hidden(d.Name()) {
			n++
		}
		return nil
	})
	if n == 0 {
		return
	}
	what := fmt.Sprintf("警告：文件夹 %s 以“.”开头，是隐藏文件夹，其中的 %d 个文件不会发布", name, n)
	switch {
	case name == WellKnown:
		l.s.Warnings.Add(rel+"/", 0, 0, "%s：只有 static/ 下一级的 %s/ 发布（网址 /%s/）；要发布，请把它移到 static/%s/", what, WellKnown, WellKnown, WellKnown)
	case path.Dir(rel) == StaticDir && wellKnownLike(name):
		l.s.Warnings.Add(rel+"/", 0, 0, "%s：是否为“%s”？只有名为 %s 的文件夹发布（网址 /%s/，须全为小写、用“-”连接）", what, WellKnown, WellKnown, WellKnown)
	default:
		l.s.Warnings.Add(rel+"/", 0, 0, "%s（static/ 中只有 %s/ 例外）；要发布，请给文件夹改个不以“.”开头的名字", what, WellKnown)
	}
}

// wellKnownLike reports whether a folder's name is .well-known misspelt:
// the same letters in another case or joined otherwise, or within two
// slips of them (.wellknown, .well_know, .Well-Knwon).
func wellKnownLike(name string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return editDistance(b.String(), "wellknown") <= 2
}

// dotJunkFolder reports whether a folder whose name starts with a dot is
// what a version control system, an editor or an operating system keeps
// in a folder, that nobody meant to publish.
func dotJunkFolder(name string) bool {
	switch strings.ToLower(name) {
	case ".git", ".svn", ".hg", ".bzr", ".idea", ".vscode", ".vs", ".cache", ".history",
		".trashes", ".spotlight-v100", ".fseventsd", ".temporaryitems", ".appledouble", ".appledb", ".appledesktop", ".documentrevisions-v100":
		return true
	}
	return strings.HasPrefix(strings.ToLower(name), ".trash")
}

// staticAsset warns of rel, a file of static/, that has the name of an
// asset of the theme, as a Hugo site overrides its theme's static/css/
// or the address the pages show (static/assets/css/site.css), or of the
// stylesheet of the site's own colours (css/custom.css): it is published
// as it is, and no page links it — the pages link layouts/assets/'s
// files, under their fingerprinted names — so that the site looks as it
// did, and nothing says why.
func (l *loader) staticAsset(rel string) {
	name := strings.TrimPrefix(strings.TrimPrefix(rel, StaticDir+"/"), "assets/")
	_, builtin := theme.Read("assets/" + name)
	if !builtin && name != "css/custom.css" {
		return
	}
	const why = "警告：%s 原样发布在 /%s，页面却不链接它：页面用的样式表、脚本和图片来自 layouts/assets/（以带指纹的文件名发布）。"
	if !builtin {
		l.s.Warnings.Add(rel, 1, 1, why+"本站自己的样式表放在 layouts/assets/css/custom.css，每个页面在内置的样式表之后链接它", rel, strings.TrimPrefix(rel, StaticDir+"/"))
		return
	}
	l.s.Warnings.Add(rel, 1, 1, why+"要覆盖内置主题的 assets/%s，把它放在 layouts/assets/%s；只改颜色和字体，写在 layouts/assets/css/custom.css（tongbao layouts assets/css/site.css 开头列出可改的变量）",
		rel, strings.TrimPrefix(rel, StaticDir+"/"), name, name)
}
