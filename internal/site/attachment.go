package site

import (
	"bufio"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tongbao/internal/diag"
	"tongbao/internal/markdown"
)

// An Attachment is a file a circular or a page publishes with it, its 附件
// (GB/T 9704-2012 §7.3.5): listed after the body as 附件：1. 名称, and
// written beside the page for download.
//
// The files a body links to are Attachments too, without a title
// (Page.Linked): they are published the same way, only not listed. So
// are the files of static/ (Site.Static), published at their own paths.
type Attachment struct {
	Title string // 附件名称; "" for a linked file
	File  string // slash path in the site: content/circulars/附件/得分表.xlsx
	// Line and Col are where file = stands, or the link's destination,
	// for what is wrong with the file.
	Line, Col int // in the file that lists it
	// Dest is a linked file's link as the body gives it (markdown.Link),
	// which the page's HTML is to point elsewhere: 图/现场.jpg; Shown
	// that the body shows it (![…](…)) rather than links to it.
	Dest  string
	Shown bool

	// What the load found of the file; zero in a parse, which is cached
	// by the Markdown file's hash, and a new version of an attachment
	// leaves that hash as it was. Every load looks at the file, but only
	// what writes or serves it reads it (see Copy, Open; render.Output's
	// File): an archive's scanned originals run to hundreds of megabytes,
	// which the preview would otherwise read and hash at every save, and
	// hold.
	Size    int64
	ModTime time.Time
	root    string // the site's folder, which File is below

	// Width and Height are a linked picture's, in pixels, read from its
	// header: its page gives them, so that the text below does not jump
	// when the picture arrives. Zero for any other file.
	Width, Height int
}

// AllAttachments are the attachments and the linked files of every
// circular and every page, those of each in a list of its own.
func (s *Site) AllAttachments() [][]Attachment {
	var all [][]Attachment
	for _, c := range s.Circulars {
		all = append(all, c.Attachments, c.Linked)
	}
	for _, p := range s.Pages {
		all = append(all, p.Attachments, p.Linked)
	}
	return all
}

// Copy copies the attachment's file to w, in pieces, and refuses it if it
// is not as large as the load found it (changed while the site was being
// built). An error of w's is returned as it is.
func (a *Attachment) Copy(w io.Writer) error {
	f, err := a.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	r := &readErr{r: f}
	n, err := io.Copy(w, r)
	switch {
	case r.err != nil:
		return fmt.Errorf("%s %s 无法读取：%s", a.what(), a.File, errText(r.err))
	case err != nil:
		return err
	case n != a.Size:
		return fmt.Errorf("%s %s 在生成时被改动（原为 %d 字节，现为 %d 字节），请再生成一次", a.what(), a.File, a.Size, n)
	}
	return nil
}

// readErr keeps the error of its reader, to tell it from its writer's
// in io.Copy.
type readErr struct {
	r   io.Reader
	err error
}

func (r *readErr) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		r.err = err
	}
	return n, err
}

// Open opens the attachment's file, to copy it or to serve it, without
// holding it in memory.
//
// The file is opened within the site's folder: a folder on its way that
// became a link to another place since the load checked it (statFile)
// is refused, not followed out of the site.
func (a *Attachment) Open() (*os.File, error) {
	f, err := os.OpenInRoot(a.root, filepath.FromSlash(a.File))
	if err != nil {
		return nil, fmt.Errorf("%s %s 无法读取：%s", a.what(), a.File, errText(err))
	}
	return f, nil
}

// fsPath is the attachment's file in the file system.
func (a *Attachment) fsPath() string { return filepath.Join(a.root, filepath.FromSlash(a.File)) }

// what names the attachment in a diagnostic.
func (a *Attachment) what() string {
	if strings.HasPrefix(a.File, StaticDir+"/") {
		return "文件"
	}
	if a.Title == "" {
		return "正文链接的文件"
	}
	return "附件“" + a.Title + "”的文件"
}

// Ext is the attachment's type: its file's extension in lower case,
// without the dot (see MediaType).
func (a *Attachment) Ext() string { return strings.ToLower(strings.TrimPrefix(path.Ext(a.File), ".")) }

// attachmentTypes are the types of file that may be published as
// attachments, each with its media type (for the feed's enclosures and
// the preview): the documents, spreadsheets, slides, archives and images
// a portal's attachments are, WPS Office's among them. Not a page, a
// script or an image that can carry one (svg): the portal would serve it
// as its own.
var attachmentTypes = []struct{ ext, media string }{
	{"pdf", "application/pdf"},
	{"ofd", "application/ofd"},
	{"doc", "application/msword"},
	{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	{"wps", "application/kswps"},
	{"xls", "application/vnd.ms-excel"},
	{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	{"et", "application/kset"},
	{"csv", "text/csv"},
	{"ppt", "application/vnd.ms-powerpoint"},
	{"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
	{"dps", "application/ksdps"},
	{"txt", "text/plain"},
	{"rtf", "application/rtf"},
	{"zip", "application/zip"},
	{"rar", "application/vnd.rar"},
	{"7z", "application/x-7z-compressed"},
	{"jpg", "image/jpeg"},
	{"jpeg", "image/jpeg"},
	{"png", "image/png"},
	{"gif", "image/gif"},
}

var attachmentTypesText = func() string {
	var exts []string
	for _, t := range attachmentTypes {
		exts = append(exts, t.ext)
	}
	return strings.Join(exts, "、")
}()

// MediaType is the media type of an attachment of type ext ("xlsx"), or
// "" for a type no attachment may have.
func MediaType(ext string) string {
	for _, t := range attachmentTypes {
		if t.ext == ext {
			return t.media
		}
	}
	return ""
}

// MaxAttachmentSize bounds an attachment's file. Scanned documents run
// to tens of megabytes, far past what any text input may be.
const MaxAttachmentSize = 50 << 20

// attachments reads the [[attachment]] tables of rel's front matter: where
// each file is (relative to rel's folder, and within content/), and that
// its title and type may be published. Each load looks at the files
// (statAttachments).
func attachments(rel string, r *record, f *tomlFile) []Attachment {
	var out []Attachment
	for _, ar := range r.records("attachment") {
		if !ar.has("title") || !ar.has("file") {
			continue // reported
		}
		a := Attachment{Title: strings.TrimSpace(ar.text("title"))}
		a.Line, a.Col = f.position(ar.at("file"))
		ok := true
		switch last, _ := utf8.DecodeLastRuneInString(a.Title); {
		case a.Title == "":
			f.errorf(ar.at("title"), "附件名称不能为空")
			ok = false
		case unicode.IsPunct(last) && !strings.ContainsRune("）)》”", last):
			f.errorf(ar.at("title"), "附件名称末尾不加标点（GB/T 9704）：“%s”", a.Title)
			ok = false
		}
		file, msg := attachmentFile(rel, ar.text("file"))
		if msg != "" {
			f.errorf(ar.at("file"), "%s", msg)
			ok = false
		}
		a.File = file
		if ok {
			out = append(out, a)
		}
	}
	return out
}

// attachmentFile is where the file an attachment names lies in the site,
// written relative to the folder of rel; or why it cannot be published.
func attachmentFile(rel, file string) (string, string) {
	switch {
	case strings.TrimSpace(file) == "":
		return "", "附件的 file 不能为空，应写文件相对于本文件所在文件夹的路径"
	case strings.Contains(file, `\`):
		return "", "附件的路径用 / 分隔文件夹，不用 \\：“" + file + "”"
	case path.IsAbs(file) || filepath.VolumeName(file) != "" || len(file) > 1 && file[1] == ':':
		return "", "附件的路径应相对于本文件所在的文件夹（" + path.Dir(rel) + "/），而不是“" + file + "”"
	}
	p := path.Join(path.Dir(rel), file)
	if !strings.HasPrefix(p, "content/") {
		return "", "附件的文件应在 content/ 之下，而“" + file + "”是 " + p
	}
	for _, part := range strings.Split(p, "/") {
		if Hidden(part) {
			return "", "附件的文件名或文件夹名不能以 .、# 或 ~$ 开头、以 ~ 结尾（tongbao 把这样的文件当作隐藏文件或临时文件忽略）：“" + file + "”"
		}
	}
	if ext := strings.ToLower(strings.TrimPrefix(path.Ext(p), ".")); MediaType(ext) == "" {
		what := "没有扩展名"
		if ext != "" {
			what = "是 ." + ext
		}
		return "", "附件“" + file + "”" + what + "，不能发布；附件的类型应为 " + attachmentTypesText
	}
	return p, ""
}

// Hidden reports whether the loader passes over a file or folder of this
// name (see walk): hidden files (.DS_Store and the ._ files macOS leaves
// on shared drives among them), editors' temporary files (#x#, x~), the
// owner file Word and WPS keep beside a document while it is open
// (~$通报.docx), and the thumbnail caches and folder settings Windows
// writes into folders of pictures (Thumbs.db, desktop.ini). None of them
// is anything a person meant to publish. The preview server ignores
// changes to them by the same rule.
func Hidden(name string) bool {
	switch strings.ToLower(name) {
	case "thumbs.db", "ehthumbs.db", "desktop.ini":
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasPrefix(name, "~$") || strings.HasSuffix(name, "~")
}

// WellKnown is the one hidden folder the loader reads, directly under
// static/: /.well-known/ (RFC 8615) is where certificate authorities,
// search engines and apps look for a site's files, and it is published.
const WellKnown = ".well-known"

// Skipped reports whether the loader passes over the file or folder at
// rel, a slash path below the site root: a part of it is Hidden, but for
// static/.well-known.
func Skipped(rel string) bool {
	parts := strings.Split(rel, "/")
	for i, part := range parts {
		if Hidden(part) && !(i == 1 && parts[0] == "static" && part == WellKnown) {
			return true
		}
	}
	return false
}

// statAttachments returns a copy of as with what the file system says of
// each file, reporting at rel, which lists them, a file that is not there and
// at the file one that may not be published.
func (l *loader) statAttachments(rel string, as []Attachment) []Attachment {
	out := slices.Clone(as)
	for i := range out {
		a := &out[i]
		a.root = l.root
		if _, err := os.Lstat(a.fsPath()); err != nil {
			hint := ""
			if os.IsNotExist(err) {
				hint = l.nearest(rel, a.File)
			}
			l.diags.Add(rel, a.Line, a.Col, "附件“%s”的文件 %s 无法读取：%s%s", a.Title, a.File, errText(err), hint)
			continue
		}
		if fi, ok := statFile(l.root, a.File, MaxAttachmentSize, &l.diags); ok {
			a.Size, a.ModTime = fi.Size(), fi.ModTime()
		}
	}
	return out
}

// A PageLink is a body's link to another Markdown file of the site, as
// the author's editor follows it: [上期通报](2023-01.md). The page's HTML
// points at that page's address instead.
type PageLink struct {
	Dest      string // as the body gives it (markdown.Link)
	File      string // the file it names: content/circulars/2023-01.md
	Line, Col int
}

// A RootLink is a body's link to an address of the site's host written
// from its root: [关于本站](/about/). It stays as written; whether the
// site has that address, and whether it is below the site's base path,
// only a build or the preview can tell, from the files rendered
// (Site.RootLinkWarnings).
type RootLink struct {
	Dest      string
	Line, Col int
}

// rootLinks are the links of a body (markdown.Link), which starts on line
// bodyLine, written from the root of the host: /about/, not //host/ or a
// relative path.
func rootLinks(links []markdown.Link, bodyLine int) []RootLink {
	var out []RootLink
	for _, l := range links {
		if strings.HasPrefix(l.Dest, "/") && !strings.HasPrefix(l.Dest, "//") {
			out = append(out, RootLink{Dest: l.Dest, Line: bodyLine + l.Line - 1, Col: l.Col})
		}
	}
	return out
}

// bodyLinks sorts the links of a body (markdown.Link) of rel, which
// starts on line bodyLine, that name something in content/, relative to
// rel's folder: a file that may be published (图/现场.jpg,
// 附件/得分.xlsx), another Markdown file, or a file of a type that may
// not be published (现场.heic; warned of by the load if it is there). They
// are left as written, as are addresses (https:, mailto:, /…, #…),
// paths outside content/ and files that turn out not to exist
// (statLinked warns of them, but for data.csv and the like, which the
// build writes beside the page). A link to a page the site does not have
// is left too, and warned of (brokenPageLinks).
func bodyLinks(rel string, links []markdown.Link, bodyLine int) (files []Attachment, pages []PageLink, unpublishable []Attachment) {
	for _, l := range links {
		p := linkPath(rel, l.Dest)
		line := bodyLine + l.Line - 1
		a := Attachment{File: p, Dest: l.Dest, Shown: l.Image, Line: line, Col: l.Col}
		switch ext := strings.ToLower(strings.TrimPrefix(path.Ext(p), ".")); {
		case p == "":
		case ext == "md":
			pages = append(pages, PageLink{Dest: l.Dest, File: p, Line: line, Col: l.Col})
		case MediaType(ext) != "":
			files = append(files, a)
		case ext != "":
			unpublishable = append(unpublishable, a)
		}
	}
	return files, pages, unpublishable
}

// linkPath is where in content/ a link's destination, relative to the
// folder of rel, leads, without its query and fragment; "" for an
// address, a path outside content/ or a hidden file.
func linkPath(rel, dest string) string {
	p := dest
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if i := strings.IndexByte(p, ':'); i >= 0 && !strings.Contains(p[:i], "/") {
		return "" // a scheme, or a drive
	}
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, `\`) {
		return ""
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	p = path.Join(path.Dir(rel), p)
	if !strings.HasPrefix(p, "content/") {
		return ""
	}
	for _, part := range strings.Split(p, "/") {
		if Hidden(part) {
			return ""
		}
	}
	return p
}

// generatedBeside reports whether a link's destination names a file the
// build writes beside the page itself ([本期数据](data.csv) in a
// circular), which is not in content/ and is not missing.
func generatedBeside(dest string) bool {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	name := strings.TrimPrefix(dest, "./")
	if strings.Contains(name, "/") {
		return false
	}
	stem := strings.TrimSuffix(name, path.Ext(name))
	return name == "data.csv" || name == "data.json" || name == "index.html" ||
		strings.HasPrefix(stem, "attachment-") || strings.HasPrefix(stem, "file-")
}

// nearest is, for a file in content/ that rel names and that is not
// there, the hint that names the one the author most likely meant: in the
// same folder, a name that differs only in case (图/现场.JPG for
// 图/现场.jpg), which Windows and macOS open, so that the link works on
// the computer where it was written and not on the server that builds;
// elsewhere, the one file of that name, which the path, written as if
// from content/ or from another folder, missed — with the path to write.
func (l *loader) nearest(rel, file string) string {
	l.byNameOnce.Do(func() {
		l.byName = map[string][]string{}
		for _, o := range l.contentFiles {
			n := strings.ToLower(path.Base(o))
			l.byName[n] = append(l.byName[n], o)
		}
	})
	dir, name := path.Split(file)
	var elsewhere []string
	for _, o := range l.byName[strings.ToLower(name)] {
		d, n := path.Split(o)
		switch {
		case !strings.EqualFold(n, name):
		case d == dir:
			return fmt.Sprintf("；是不是 %s？文件名的大小写须一致", o)
		default:
			elsewhere = append(elsewhere, o)
		}
	}
	if len(elsewhere) != 1 {
		return ""
	}
	to, err := filepath.Rel(path.Dir(rel), elsewhere[0])
	if err != nil {
		return ""
	}
	return fmt.Sprintf("；是不是 %s？路径从 %s 所在的文件夹写起，应写作 %s", elsewhere[0], rel, filepath.ToSlash(to))
}

// linkWarnings warns of each picture in a body (of rel, starting on
// line bodyLine) without a text alternative: a screen reader says
// nothing of a chart written ![](图/得分图.png), and GB/T 37668 asks for
// one. An empty alt attribute declares the picture decoration, so the
// accessibility checkers pass it over. And of each link whose path is
// written with Windows's "\" (图\得分图.png, as Explorer copies it), which
// an address does not separate folders by: the link would lead nowhere.
func linkWarnings(rel string, links []markdown.Link, bodyLine int) diag.List {
	var w diag.List
	for _, l := range links {
		if l.Image && strings.TrimSpace(l.Text) == "" {
			w.Add(rel, bodyLine+l.Line-1, l.Col, "警告：图片没有说明文字，读屏软件读不出它的内容；请在方括号中写上，如 ![图片内容的说明](%s)", l.Dest)
		}
		if strings.Contains(l.Dest, `\`) && !strings.Contains(l.Dest, "://") {
			w.Add(rel, bodyLine+l.Line-1, l.Col, "警告：链接的路径 %s 中有“\\”，网址中的文件夹用“/”分隔，这个链接会失效；写作 %s", l.Dest, strings.ReplaceAll(l.Dest, `\`, "/"))
		}
	}
	return w
}

// statLinked is statAttachments for the files a body links to: a file
// that is not there is left out (the link stays as written) and warned
// of, unless its name is one the build writes beside the page
// (generatedBeside); one that cannot be published (too large, not a
// regular file, a symbolic link leaving the site) is reported.
//
// A picture the body shows that is heavier than a page should be
// (maxPicture) is warned of, once, at its first link: a photograph
// straight from a camera or a phone runs to several megabytes, which a
// reader on a phone waits for.
func (l *loader) statLinked(rel string, as []Attachment) []Attachment {
	var out []Attachment
	warned := map[string]bool{}
	for _, a := range as {
		a.root = l.root
		if _, err := os.Lstat(a.fsPath()); err != nil {
			if !warned[a.File] && (a.Shown || !generatedBeside(a.Dest)) {
				warned[a.File] = true
				what, effect := "链接的文件", "这个链接会失效"
				if a.Shown {
					what, effect = "图片的文件", "页面上不会显示"
				}
				l.s.Warnings.Add(rel, a.Line, a.Col, "警告：%s %s 不存在，%s%s", what, a.File, effect, l.nearest(rel, a.File))
			}
			continue
		}
		fi, ok := statFile(l.root, a.File, MaxAttachmentSize, &l.diags)
		if !ok {
			continue
		}
		a.Size, a.ModTime = fi.Size(), fi.ModTime()
		a.Width, a.Height = l.pictureSize(&a)
		if a.Shown && a.Size > maxPicture && !warned[a.File] {
			warned[a.File] = true
			dims := ""
			if a.Width > 0 {
				dims = fmt.Sprintf("，%d×%d 像素", a.Width, a.Height)
			}
			l.s.Warnings.Add(rel, a.Line, a.Col, "警告：图片 %s 有 %.1f MB%s，手机上要等很久才显示；宜缩小到 1 MB 以内（宽 1600 像素左右已足够清楚）", a.File, float64(a.Size)/(1<<20), dims)
		}
		out = append(out, a)
	}
	return out
}

// maxPicture is the most a picture in a body should weigh: a page's text
// and styles together are a few hundred kilobytes.
const maxPicture = 1 << 20

// imageSize is the width and height in pixels of a picture of type ext,
// read from the file's header alone; zeros for a file of another type,
// or one that does not decode.
func imageSize(name, ext string) (int, int) {
	var decode func(io.Reader) (image.Config, error)
	switch ext {
	case "png":
		decode = png.DecodeConfig
	case "jpg", "jpeg":
		decode = jpeg.DecodeConfig
	case "gif":
		decode = gif.DecodeConfig
	default:
		return 0, 0
	}
	f, err := os.Open(name)
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	c, err := decode(bufio.NewReader(f))
	if err != nil {
		return 0, 0
	}
	return c.Width, c.Height
}
