package site

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An Attachment is a file a circular publishes with it, its 附件
// (GB/T 9704-2012 §7.3.5): listed after the body as 附件：1. 名称, and
// written beside the circular's page for download.
type Attachment struct {
	Title string // 附件名称
	File  string // slash path in the site: content/circulars/附件/得分表.xlsx
	// Line and Col are where file = stands in the circular, for what is
	// wrong with the file.
	Line, Col int
	// Data is the file's bytes. Every load reads them: a parse is cached
	// by the Markdown file's hash, which a new version of the attachment
	// leaves as it was. Nil in the cached parse.
	Data []byte
}

// Ext is the attachment's type: its file's extension in lower case,
// without the dot.
func (a *Attachment) Ext() string { return strings.ToLower(strings.TrimPrefix(path.Ext(a.File), ".")) }

// AttachmentTypes are the types of file a circular may publish: the
// documents, spreadsheets, slides, archives and images a portal's
// attachments are. Not a page, a script or an image that can carry one
// (svg): the portal would serve it as its own.
var AttachmentTypes = []string{"pdf", "ofd", "doc", "docx", "wps", "xls", "xlsx", "et", "csv", "ppt", "pptx", "dps", "txt", "rtf", "zip", "rar", "7z", "jpg", "jpeg", "png", "gif"}

var attachmentTypesText = strings.Join(AttachmentTypes, "、")

// MaxAttachmentSize bounds an attachment's file. Scanned documents run
// to tens of megabytes, far past what any text input may be.
const MaxAttachmentSize = 50 << 20

// attachments reads a circular's [[attachment]] tables: where each file
// is (relative to the circular's folder, and within content/), and that
// its title and type may be published. The files are read by the load.
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
		file, msg := attachmentPath(rel, ar.text("file"))
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

// attachmentPath is where the file an attachment names lies in the site,
// written relative to the folder of the circular rel; or why it cannot be
// published.
func attachmentPath(rel, file string) (string, string) {
	switch {
	case strings.TrimSpace(file) == "":
		return "", "附件的 file 不能为空，应写文件相对于本通报所在文件夹的路径"
	case strings.Contains(file, `\`):
		return "", "附件的路径用 / 分隔文件夹，不用 \\：“" + file + "”"
	case path.IsAbs(file) || filepath.VolumeName(file) != "" || len(file) > 1 && file[1] == ':':
		return "", "附件的路径应相对于本通报所在的文件夹（" + path.Dir(rel) + "/），而不是“" + file + "”"
	}
	p := path.Join(path.Dir(rel), file)
	if !strings.HasPrefix(p, "content/") {
		return "", "附件的文件应在 content/ 之下，而“" + file + "”是 " + p
	}
	for _, part := range strings.Split(p, "/") {
		if hidden(part) {
			return "", "附件的文件名或文件夹名不能以 . 或 # 开头、以 ~ 结尾（tongbao 把这样的文件当作临时文件忽略）：“" + file + "”"
		}
	}
	if ext := strings.ToLower(strings.TrimPrefix(path.Ext(p), ".")); !slices.Contains(AttachmentTypes, ext) {
		what := "没有扩展名"
		if ext != "" {
			what = "是 ." + ext
		}
		return "", "附件“" + file + "”" + what + "，不能发布；附件的类型应为 " + attachmentTypesText
	}
	return p, ""
}

// hidden reports whether the loader passes over a file or folder of this
// name: hidden files and editors' temporary files (see walk).
func hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~")
}

// readAttachments returns a copy of as with each file's bytes, reporting
// at the circular rel a file that is not there.
func (l *loader) readAttachments(rel string, as []Attachment) []Attachment {
	out := slices.Clone(as)
	for i := range out {
		a := &out[i]
		if _, err := os.Lstat(filepath.Join(l.root, filepath.FromSlash(a.File))); err != nil {
			l.diags.Add(rel, a.Line, a.Col, "附件“%s”的文件 %s 无法读取：%s", a.Title, a.File, errText(err))
			continue
		}
		a.Data = readFileMax(l.root, a.File, MaxAttachmentSize, &l.diags)
	}
	return out
}
