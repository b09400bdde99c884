package site

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/markdown"
)

// attachedSite is the mini site with a circular that has two attachments,
// a 附注, a 抄送 line and (in 文件格式) a 印发 line.
func attachedSite() map[string]string {
	files := miniSite()
	files["content/circulars/2023-02.md"] = `+++
number = "测政办函〔2023〕5号"
title = "关于测试的通报"
date = 2023-04-03
data = "2023-02"
format = "file"
note = "（此件公开发布）"
cc = "市政府办公室，区委办公室。"
printed = 2023-04-04
[[attachment]]
title = "2023年1-2月考核得分表"
file = "附件/得分表.xlsx"
[[attachment]]
title = "通报原件"
file = "../scans/原件.PDF"
+++
正文。
`
	files["content/circulars/附件/得分表.xlsx"] = "PK\x03\x04 a workbook"
	files["content/scans/原件.PDF"] = "%PDF-1.7 scanned"
	return files
}

func TestCircularAttachments(t *testing.T) {
	dir := writeSite(t, attachedSite())
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := s.Circulars[0]
	if !slices.Equal(c.Notes, []string{"此件公开发布"}) || c.CC != "市政府办公室，区委办公室" || c.Printed != (Date{2023, 4, 4}) || c.Printer != "" {
		t.Errorf("附注 %q, 抄送 %q, 印发 %q %v", c.Notes, c.CC, c.Printer, c.Printed)
	}
	want := []struct{ title, file, ext, data string }{
		{"2023年1-2月考核得分表", "content/circulars/附件/得分表.xlsx", "xlsx", "PK\x03\x04 a workbook"},
		{"通报原件", "content/scans/原件.PDF", "pdf", "%PDF-1.7 scanned"},
	}
	if len(c.Attachments) != len(want) {
		t.Fatalf("%d attachments, want %d", len(c.Attachments), len(want))
	}
	for i, w := range want {
		a := &c.Attachments[i]
		data, err := readAttachment(a)
		if a.Title != w.title || a.File != w.file || a.Ext() != w.ext || a.Size != int64(len(w.data)) || string(data) != w.data || err != nil {
			t.Errorf("attachment %d: %q %q %q %d bytes, read %q (%v), want %q", i, a.Title, a.File, a.Ext(), a.Size, data, err, w)
		}
	}
	if a := c.Attachments[0]; a.Line != 12 || a.Col != 1 {
		t.Errorf("file = of the first attachment at %d:%d, want 12:1", a.Line, a.Col)
	}

	// A new version of an attachment, the circular unchanged, is seen by
	// the next load through the cache (which keys the circular's parse on
	// the Markdown file alone).
	cache := &Cache{}
	if _, err := LoadCached(dir, cache); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "content/scans/原件.PDF")
	if err := os.WriteFile(p, []byte("%PDF-1.7 signed, twice as long"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = LoadCached(dir, cache)
	if err != nil {
		t.Fatal(err)
	}
	a := s.Circulars[0].Attachments[1]
	if data, err := readAttachment(&a); a.Size != 30 || string(data) != "%PDF-1.7 signed, twice as long" || err != nil {
		t.Errorf("after the file changed, the cached load saw %d bytes and read %q (%v)", a.Size, data, err)
	}

	// Changed again between the load and the render that writes it: the
	// build fails rather than publish a file its page misdescribes.
	if err := os.WriteFile(p, []byte("%PDF-1.7"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readAttachment(&a); err == nil || !strings.Contains(err.Error(), "附件“通报原件”的文件 content/scans/原件.PDF 在生成时被改动（原为 30 字节，现为 8 字节）") {
		t.Errorf("read after a change: %v", err)
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if _, err := readAttachment(&a); err == nil || !strings.Contains(err.Error(), "附件“通报原件”的文件 content/scans/原件.PDF 无法读取：文件不存在") {
		t.Errorf("read after removal: %v", err)
	}
}

func TestNoteParentheses(t *testing.T) {
	for note, want := range map[string]string{
		"此件公开发布":   "此件公开发布",
		"（此件公开发布）": "此件公开发布",
		"(此件公开发布)": "此件公开发布",
		"（一）此件公开发布；（二）联系人张三（电话）": "（一）此件公开发布；（二）联系人张三（电话）",
	} {
		files := miniSite()
		files["content/circulars/2023-02.md"] = strings.Replace(files["content/circulars/2023-02.md"], "+++\n正文", "note = "+Quote(note)+"\n+++\n正文", 1)
		s, err := Load(writeSite(t, files))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(s.Circulars[0].Notes, ""); got != want {
			t.Errorf("note = %q read as %q, want %q", note, got, want)
		}
	}
}

// readAttachment reads a's file as the build copies it (Copy).
func readAttachment(a *Attachment) ([]byte, error) {
	var b bytes.Buffer
	err := a.Copy(&b)
	return b.Bytes(), err
}

func TestCircularAttachmentProblems(t *testing.T) {
	const md = "content/circulars/2023-02.md"
	cases := []struct{ name, old, new, want string }{
		{"missing file", `file = "附件/得分表.xlsx"`, `file = "附件/得分.xlsx"`,
			md + ":12:1: 附件“2023年1-2月考核得分表”的文件 content/circulars/附件/得分.xlsx 无法读取：文件不存在"},
		{"path from content/", `file = "../scans/原件.PDF"`, `file = "scans/原件.PDF"`,
			md + ":15:1: 附件“通报原件”的文件 content/circulars/scans/原件.PDF 无法读取：文件不存在；是不是 content/scans/原件.PDF？路径从 content/circulars/2023-02.md 所在的文件夹写起，应写作 ../scans/原件.PDF"},
		{"name in another case", `file = "附件/得分表.xlsx"`, `file = "附件/得分表.XLSX"`,
			md + ":12:1: 附件“2023年1-2月考核得分表”的文件 content/circulars/附件/得分表.XLSX 无法读取：文件不存在；是不是 content/circulars/附件/得分表.xlsx？文件名的大小写须一致"},
		{"outside content", `file = "../scans/原件.PDF"`, `file = "../../config.toml"`,
			md + ":15:1: 附件的文件应在 content/ 之下，而“../../config.toml”是 config.toml"},
		{"absolute", `file = "../scans/原件.PDF"`, `file = "/etc/passwd.txt"`,
			md + ":15:1: 附件的路径应相对于本文件所在的文件夹（content/circulars/），而不是“/etc/passwd.txt”"},
		{"backslash", `file = "../scans/原件.PDF"`, `file = '..\scans\原件.PDF'`,
			md + ":15:1: 附件的路径用 / 分隔文件夹，不用 \\"},
		{"a page", `file = "附件/得分表.xlsx"`, `file = "附件/页.html"`,
			md + ":12:1: 附件“附件/页.html”是 .html，不能发布；附件的类型应为 pdf、ofd"},
		{"no extension", `file = "附件/得分表.xlsx"`, `file = "附件/得分表"`,
			md + ":12:1: 附件“附件/得分表”没有扩展名，不能发布"},
		{"hidden", `file = "附件/得分表.xlsx"`, `file = "附件/.得分表.xlsx"`,
			md + ":12:1: 附件的文件名或文件夹名不能以 .、# 或 ~$ 开头"},
		{"title ends in a stop", `title = "通报原件"`, `title = "通报原件。"`,
			md + ":14:1: 附件名称末尾不加标点（GB/T 9704）：“通报原件。”"},
		{"no title", `title = "通报原件"`, ``,
			md + ":13:1: [[attachment]] 这一项缺少“title”（附件名称）"},
		{"printed in a letter", `format = "file"`, `format = "letter"`,
			md + ":9:1: printed（印发日期）只用于文件格式"},
		{"printer without printed", `printed = 2023-04-04`, `printer = "测试区人民政府办公室"`,
			md + ":9:1: 写了 printer（印发机关）也要写 printed（印发日期）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantDiagnostic(t, attachedSite(), md, c.old, c.new, c.want)
		})
	}
}

func TestAttachmentTooLarge(t *testing.T) {
	dir := writeSite(t, attachedSite())
	p := filepath.Join(dir, "content/scans/原件.PDF")
	if err := os.Truncate(p, MaxAttachmentSize+1); err != nil {
		t.Fatal(err)
	}
	_, err := Load(dir)
	if want := "content/scans/原件.PDF:1:1: 文件过大（52428801 字节），上限为 50 MB"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("want %q, got %v", want, err)
	}
	// Larger than any text input, and still published.
	if err := os.Truncate(p, MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err != nil {
		t.Errorf("an attachment of %d bytes: %v", MaxFileSize+1, err)
	}
}

// FuzzAttachmentFile holds the check of an attachment's path to what it
// promises, whatever is written: a file it accepts lies within content/
// (no .. left, nothing absolute), is no hidden or temporary file, and is
// of a type that may be published; anything else gets a message. A
// body's link to a file (bodyLinks) is held to the same, and its link to
// a page lies within content/ too.
func FuzzAttachmentFile(f *testing.F) {
	for _, s := range []string{"附件/得分表.xlsx", "../scans/原件.PDF", "../../config.toml", "/etc/passwd.txt", `..\x.pdf`,
		"C:/x.pdf", "./a/../b.pdf", "a/.b/c.pdf", "x.pdf~", "", " ", "a.html", "a.svg", "a", "../circulars/../../x.pdf",
		"%2E%2E/%2E%2E/x.pdf", "a.pdf?x=../../y#z", "图/%E7%8E%B0.jpg", "//host/x.pdf", "mailto:a@b.c", "a%2Fb/../../../x.png"} {
		f.Add("content/circulars/2023-02.md", s)
		f.Add("content/about.md", s)
	}
	f.Fuzz(func(t *testing.T, rel, file string) {
		if !strings.HasPrefix(rel, "content/") || strings.Contains(rel, "..") || path.Clean(rel) != rel {
			t.Skip() // rel is a Markdown file the loader found under content/
		}
		files, pages, _ := bodyLinks(rel, []markdown.Link{{Dest: file, Line: 1, Col: 1}}, 1)
		for _, a := range files {
			publishable(t, file, rel, a.File)
		}
		for _, p := range pages {
			if !strings.HasPrefix(p.File, "content/") || path.Clean(p.File) != p.File || !strings.HasSuffix(strings.ToLower(p.File), ".md") {
				t.Errorf("%q from %s: a link to the page %q", file, rel, p.File)
			}
		}
		p, msg := attachmentFile(rel, file)
		if msg != "" {
			if p != "" {
				t.Errorf("%q: both %q and %q", file, p, msg)
			}
			return
		}
		publishable(t, file, rel, p)
	})
}

// publishable reports whether p, which file written in rel was taken to
// be, lies within content/, is of a publishable type and is not hidden.
func publishable(t *testing.T, file, rel, p string) {
	t.Helper()
	switch {
	case !strings.HasPrefix(p, "content/") || path.Clean(p) != p || slices.Contains(strings.Split(p, "/"), ".."):
		t.Errorf("%q from %s: accepted as %q, outside content/", file, rel, p)
	case MediaType(strings.ToLower(strings.TrimPrefix(path.Ext(p), "."))) == "":
		t.Errorf("%q: accepted as %q, of a type that may not be published", file, p)
	}
	for _, part := range strings.Split(p, "/") {
		if Hidden(part) {
			t.Errorf("%q: accepted as %q, with a hidden part %q", file, p, part)
		}
	}
}

// TestLinkedFiles: the files in content/ a body links to are published
// with it; an address, a path outside content/, a hidden file, a type
// that may not be published and a file that is not there are not. Its
// links to Markdown files are listed apart.
func TestLinkedFiles(t *testing.T) {
	files := attachedSite()
	// The front matter takes lines 1 to 16: the body starts on line 17.
	files["content/circulars/2023-02.md"] = strings.Replace(files["content/circulars/2023-02.md"], "+++\n正文。\n",
		"+++\n![现场](图/现场.jpg)\n\n见[得分表](附件/得分表.xlsx)、[数据](data.csv)、[原图](./图/现场.jpg#大图)、[矢量](图/a.svg)、"+
			"[上级](https://www.gov.cn/a.pdf)、[站内](/files/b.pdf)、[外](../../x.pdf)、[隐](.草稿/c.pdf)、[编码](%E5%9B%BE/%E7%8E%B0%E5%9C%BA.jpg)。\n\n见[上期](2023-01.md#二)和[关于](../about.md)。\n", 1)
	files["content/circulars/图/现场.jpg"] = "JFIF photo"
	files["content/circulars/图/a.svg"] = "<svg/>"
	files["content/circulars/.草稿/c.pdf"] = "%PDF"
	files["x.pdf"] = "%PDF"
	files["content/about.md"] = "+++\ntitle = \"关于\"\n+++\n[表](circulars/附件/得分表.xlsx)\n"
	dir := writeSite(t, files)
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	type linked struct {
		file, dest string
		line, col  int
	}
	var got []linked
	for _, a := range s.Circulars[0].Linked {
		got = append(got, linked{a.File, a.Dest, a.Line, a.Col})
		if data, err := readAttachment(&a); err != nil || a.Size != int64(len(data)) {
			t.Errorf("%s: %d bytes, read %q (%v)", a.File, a.Size, data, err)
		}
	}
	want := []linked{
		{"content/circulars/图/现场.jpg", "图/现场.jpg", 17, 1},
		{"content/circulars/附件/得分表.xlsx", "附件/得分表.xlsx", 19, 2},
		{"content/circulars/图/现场.jpg", "./图/现场.jpg#大图", 19, 36},
		{"content/circulars/图/现场.jpg", "%E5%9B%BE/%E7%8E%B0%E5%9C%BA.jpg", 19, 152},
	}
	if !slices.Equal(got, want) {
		t.Errorf("linked:\n got %v\nwant %v", got, want)
	}
	wantPages := []PageLink{{"2023-01.md#二", "content/circulars/2023-01.md", 21, 2}, {"../about.md", "content/about.md", 21, 21}}
	if got := s.Circulars[0].PageLinks; !slices.Equal(got, wantPages) {
		t.Errorf("links to pages:\n got %v\nwant %v", got, wantPages)
	}
	if p := s.Pages[0].Linked; len(p) != 1 || p[0].File != "content/circulars/附件/得分表.xlsx" || p[0].Line != 4 || p[0].Col != 1 {
		t.Errorf("the page's linked files: %+v", p)
	}
	// Linked, a file is no longer said to be published by nothing; one of
	// a type that may not be published is said to be so at its link (a
	// hidden one the load passes over). This mini site has no 2023-01.md.
	warned := warningLines(s)
	if want := []string{
		"content/circulars/2023-02.md:19:56: 警告：链接的文件 content/circulars/图/a.svg 是 .svg，不能发布，这个链接会失效；网页上的图片请用 jpg、png 或 gif，附件的类型应为 " + attachmentTypesText,
		"content/circulars/2023-02.md:21:2: 警告：链接的 content/circulars/2023-01.md 不存在，这个链接会失效",
	}; !slices.Equal(warned, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warned, "\n"), strings.Join(want, "\n"))
	}

	if err := os.Truncate(filepath.Join(dir, "content/circulars/图/现场.jpg"), MaxAttachmentSize+1); err != nil {
		t.Fatal(err)
	}
	_, err = Load(dir)
	if want := "content/circulars/图/现场.jpg:1:1: 文件过大（52428801 字节），上限为 50 MB"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a linked file too large: want %q, got %v", want, err)
	}
}

// TestBodyWarnings: a picture without a text alternative is warned of
// at its place, whether its file is the site's or not; one with a text,
// even in markup, is not. So is a link to a Markdown file there is not,
// and a picture of more than a megabyte (once, however often shown; a
// file linked to, not shown, is not a picture on the page), and a file
// linked to or shown that is not there (once; with the name that differs
// in case only, or the one file of its name elsewhere and the path to
// write; not data.csv and the like beside the page, which the build
// writes); and a link whose path separates folders by "\\".
func TestBodyWarnings(t *testing.T) {
	files := miniSite()
	files["content/about.md"] = "+++\ntitle = \"关于\"\n+++\n![](图/a.png)\n\n![ ](https://www.gov.cn/b.png)\n\n![**得分**分布](图/c.png)\n\n" +
		"见[通报](circulars/2023-02.md)、[3月通报](circulars/2023-03.md)、[2月](2023-02.md)。\n\n![照片](图/照片.png)和![照片](图/照片.png)，[原图](图/原图.pdf)\n\n" +
		"[数据](data.csv)、[表](附件/表.xlsx)、[表](附件/表.xlsx)、![标志](图/标志.PNG)、[附件](./attachment-1.pdf)、[另一表](附件/data.csv)\n\n" +
		"[总表](总表.xlsx)\n\n[得分表](附件\\得分表.xlsx)\n"
	files["content/图/标志.png"] = "not read"
	files["content/附件/其他/总表.xlsx"] = "not read"
	// What Word, Windows and macOS leave beside documents is nothing
	// anyone meant to publish, and is not warned of.
	files["content/附件/其他/~$总表.xlsx"] = "not read"
	files["content/图/Thumbs.db"] = "not read"
	files["content/图/desktop.ini"] = "not read"
	files["content/图/.DS_Store"] = "not read"
	// Noise does not compress: 700 × 500 pixels of it is 1.3 MB of PNG.
	noise := image.NewNRGBA(image.Rect(0, 0, 700, 500))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise.Pix {
		noise.Pix[i] = byte(rng.Uint32())
	}
	var pic bytes.Buffer
	if err := png.Encode(&pic, noise); err != nil {
		t.Fatal(err)
	}
	files["content/图/照片.png"] = pic.String()
	files["content/图/原图.pdf"] = strings.Repeat("%", 2<<20)
	got := loadWarnings(t, files)
	want := []string{
		"content/about.md:4:1: 警告：图片没有说明文字，读屏软件读不出它的内容；请在方括号中写上，如 ![图片内容的说明](图/a.png)",
		"content/about.md:4:1: 警告：图片的文件 content/图/a.png 不存在，页面上不会显示",
		"content/about.md:6:1: 警告：图片没有说明文字，读屏软件读不出它的内容；请在方括号中写上，如 ![图片内容的说明](https://www.gov.cn/b.png)",
		"content/about.md:6:1: 警告：图片 https://www.gov.cn/b.png 来自其他网站：读者每次打开页面，浏览器都会向那个网站请求它（那个网站因此知道谁在看），https 的页面不显示 http 的图片，那个网站改动后图片也会消失；请把图片下载下来，放在本文件旁边，用相对路径链接",
		"content/about.md:8:1: 警告：图片的文件 content/图/c.png 不存在，页面上不会显示",
		"content/about.md:10:29: 警告：链接的 content/circulars/2023-03.md 不存在，这个链接会失效",
		"content/about.md:10:58: 警告：链接的 content/2023-02.md 不存在，这个链接会失效；是不是 content/circulars/2023-02.md？路径从 content/about.md 所在的文件夹写起，应写作 circulars/2023-02.md",
		fmt.Sprintf("content/about.md:12:1: 警告：图片 content/图/照片.png 有 %.1f MB，700×500 像素，手机上要等很久才显示；宜缩小到 1 MB 以内（宽 1600 像素左右已足够清楚）", float64(pic.Len())/(1<<20)),
		"content/about.md:14:16: 警告：链接的文件 content/附件/表.xlsx 不存在，这个链接会失效",
		"content/about.md:14:46: 警告：图片的文件 content/图/标志.PNG 不存在，页面上不会显示；是不是 content/图/标志.png？文件名的大小写须一致",
		"content/about.md:14:87: 警告：链接的文件 content/附件/data.csv 不存在，这个链接会失效",
		"content/about.md:16:1: 警告：链接的文件 content/总表.xlsx 不存在，这个链接会失效；是不是 content/附件/其他/总表.xlsx？路径从 content/about.md 所在的文件夹写起，应写作 附件/其他/总表.xlsx",
		"content/about.md:18:1: 警告：链接的路径 附件\\得分表.xlsx 中有“\\”，网址中的文件夹用“/”分隔，这个链接会失效；写作 附件/得分表.xlsx",
		"content/附件/其他/总表.xlsx:1:1: 警告：这个文件既没有被任何通报或页面列为附件（[[attachment]]），也没有在正文中链接，不会发布",
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPictureSizeThroughTheCache: a linked picture's size in pixels is
// read from its header once, and again when the file changes.
func TestPictureSizeThroughTheCache(t *testing.T) {
	pngOf := func(w, h int) string {
		var b bytes.Buffer
		if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	files := miniSite()
	files["content/about.md"] = "+++\ntitle = \"关于\"\n+++\n![图](图/a.png)\n"
	files["content/图/a.png"] = pngOf(40, 30)
	dir := writeSite(t, files)
	cache := &Cache{}
	size := func() [2]int {
		t.Helper()
		s, err := LoadCached(dir, cache)
		if err != nil {
			t.Fatal(err)
		}
		a := s.Pages[0].Linked[0]
		return [2]int{a.Width, a.Height}
	}
	if got := size(); got != [2]int{40, 30} {
		t.Errorf("first load: %v, want 40×30", got)
	}
	if got := size(); got != [2]int{40, 30} {
		t.Errorf("from the cache: %v, want 40×30", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/图/a.png"), []byte(pngOf(1200, 800)), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := size(); got != [2]int{1200, 800} {
		t.Errorf("after the picture changed: %v, want 1200×800", got)
	}
}

// TestRawHTMLWarned: HTML in a body, which the page leaves out, is warned
// of once a body, at the first tag, with how many more; a comment is a
// note, not content, and is not; nor is code.
func TestRawHTMLWarned(t *testing.T) {
	files := miniSite()
	files["content/about.md"] = "+++\ntitle = \"关于\"\n+++\n<!-- 内部备注 -->\n\n各单位得分：\n\n<table><tr><td>甲镇</td><td>95</td></tr>\n</table>\n\n联系电话<br>0000。\n"
	files["content/guide.md"] = "+++\ntitle = \"说明\"\n+++\n正文<!-- 备注 -->，`<b>` 和\n\n    <table>\n\n都是文字。\n"
	got := loadWarnings(t, files)
	want := []string{"content/about.md:8:1: 警告：正文中的 HTML（<table><tr><td>甲镇</td><td>95</td></tr>）不会出现在页面上（本文另有 1 处）；表格请用 Markdown 表格（| 单位 | 得分 |），其他格式也用 Markdown 的写法"}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// loadWarnings loads a site of files and returns its warnings, a line
// each.
// warnedOf checks that got, warnings as loadWarnings gives them, has one
// starting with each of wants.
func warnedOf(t *testing.T, got []string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, want) }) {
			t.Errorf("no warning %q among\n%s", want, strings.Join(got, "\n"))
		}
	}
}

func loadWarnings(t *testing.T, files map[string]string) []string {
	t.Helper()
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	return warningLines(s)
}

// warningLines are s's warnings, a line each.
func warningLines(s *Site) []string {
	var got []string
	for _, d := range s.Warnings {
		got = append(got, d.String())
	}
	return got
}

// TestCircularDatedBeforeItsMonth: a circular dated before the period it
// reports begins, or more than six months after it ends, or in another
// year than its 文号's (测政办函〔2023〕5号), is warned of at its date,
// once; one dated within the month (its data closed early) or up to six
// months after is not.
func TestCircularDatedBeforeItsMonth(t *testing.T) {
	for date, want := range map[string][]string{
		"2023-01-20": {"content/circulars/2023-02.md:4:1: 警告：成文日期 2023-01-20 早于所通报的2023年2月；是不是年份或月份写错了？"},
		"2022-02-20": {"content/circulars/2023-02.md:4:1: 警告：成文日期 2022-02-20 早于所通报的2023年2月；是不是年份或月份写错了？"},
		"2023-02-27": nil,
		"2023-04-03": nil,
		"2023-08-31": nil, // six months after February
		"2023-09-01": {"content/circulars/2023-02.md:4:1: 警告：成文日期 2023-09-01 晚于所通报的2023年2月半年以上；是不是年份或月份写错了？"},
		"2024-03-15": {"content/circulars/2023-02.md:4:1: 警告：成文日期 2024-03-15 晚于所通报的2023年2月半年以上；是不是年份或月份写错了？"},
	} {
		files := miniSite()
		files["content/circulars/2023-02.md"] = strings.Replace(files["content/circulars/2023-02.md"], "date = 2023-04-03", "date = "+date, 1)
		if got := loadWarnings(t, files); !slices.Equal(got, want) {
			t.Errorf("dated %s: warnings %q, want %q", date, got, want)
		}
	}
	// A 文号 of another year than the date's, the date in its period.
	files := miniSite()
	files["content/circulars/2023-02.md"] = strings.Replace(files["content/circulars/2023-02.md"], "〔2023〕", "〔2022〕", 1)
	want := []string{"content/circulars/2023-02.md:4:1: 警告：成文日期 2023-04-03 与文号“测政办函〔2022〕5号”的年份不同（文号中的年份是成文的年份）；是不是写错了其中一个？"}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("numbered 〔2022〕: warnings %q, want %q", got, want)
	}
}

// BenchmarkNearestManyMissing is an archive moved from another system:
// 20,000 files under content/ and 5,000 links to files not there, each
// told whether a file of its name is elsewhere.
//
//	go test -run '^$' -bench NearestManyMissing ./internal/site
func BenchmarkNearestManyMissing(b *testing.B) {
	var files []string
	for i := range 20000 {
		files = append(files, fmt.Sprintf("content/archive/%d/附件%d.pdf", i/100, i))
	}
	for b.Loop() {
		l := &loader{contentFiles: files}
		for i := range 5000 {
			hint := l.nearest("content/archive/1/index.md", fmt.Sprintf("content/archive/%d/附件%d.PDF", i/100, i))
			if !strings.Contains(hint, "大小写须一致") {
				b.Fatalf("link %d: %q", i, hint)
			}
		}
	}
}

// TestForeignImagesAndCopiesWarned: a picture shown from another site is
// warned of at its place; a link to another site is not (it is the
// reader's to follow). A page whose file name is a copy's (about - 副本.md,
// about(1).md, about.bak.md) is warned of: it would be published too.
func TestForeignImagesAndCopiesWarned(t *testing.T) {
	files := miniSite()
	files["content/about.md"] = "+++\ntitle = \"关于\"\n+++\n正文。\n\n![标志](https://cdn.example.com/logo.png)\n\n[上级网站](https://www.gov.cn/)\n"
	files["content/about - 副本.md"] = "+++\ntitle = \"关于\"\n+++\n正文。\n"
	files["content/about(1).md"] = "+++\ntitle = \"关于\"\n+++\n正文。\n"
	files["content/about.bak.md"] = "+++\ntitle = \"关于\"\n+++\n正文。\n"
	files["content/copyright.md"] = "+++\ntitle = \"版权\"\n+++\n正文。\n"
	got := loadWarnings(t, files)
	warnedOf(t, got,
		"content/about.md:6:1: 警告：图片 https://cdn.example.com/logo.png 来自其他网站",
		"content/about - 副本.md:1:1: 警告：about - 副本.md 的文件名像是另一个文件的副本或备份",
		"content/about(1).md:1:1: 警告：about(1).md 的文件名像是另一个文件的副本或备份",
		"content/about.bak.md:1:1: 警告：about.bak.md 的文件名像是另一个文件的副本或备份",
	)
	for _, g := range got {
		if strings.Contains(g, "www.gov.cn") || strings.HasPrefix(g, "content/copyright.md") {
			t.Errorf("warned of %s", g)
		}
	}
}
