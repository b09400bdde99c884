package site

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
)

// TestStatic: static/ holds what is published as it is — .well-known/ at
// its root among it — but not what the loader passes over everywhere:
// hidden files, a system's or an office program's leavings, editors'
// backups, a .well-known folder anywhere else. Each file is looked at,
// not read, and held to an attachment's limit of size.
func TestStatic(t *testing.T) {
	files := miniSite()
	for name, body := range map[string]string{
		"static/baidu_verify_abc.html":    "abc",
		"static/.well-known/security.txt": "Contact: x",
		"static/upload/通知.pdf":            "%PDF-1.4",
		"static/.DS_Store":                "junk",
		"static/._baidu_verify_abc.html":  "junk",
		"static/Thumbs.db":                "junk",
		"static/upload/DESKTOP.INI":       "junk",
		"static/upload/~$通知.docx":         "junk",
		"static/upload/通知.pdf~":           "junk",
		"static/upload/.well-known/x":     "junk",
		"static/.git/config":              "junk",
	} {
		files[name] = body
	}
	dir := writeSite(t, files)
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range s.Static {
		got = append(got, a.File)
		if want, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(a.File))); a.Size != int64(len(want)) || a.Line != 1 || a.Col != 1 {
			t.Errorf("%s: size %d at %d:%d, want %d at 1:1", a.File, a.Size, a.Line, a.Col, len(want))
		}
	}
	if want := []string{"static/.well-known/security.txt", "static/baidu_verify_abc.html", "static/upload/通知.pdf"}; !slices.Equal(got, want) {
		t.Errorf("static files %q, want %q", got, want)
	}

	// Changed while the site is built, a file is said to be static/'s.
	a := s.Static[1]
	if err := os.WriteFile(filepath.Join(dir, "static", "baidu_verify_abc.html"), []byte("abcd"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := a.Copy(io.Discard); err == nil || err.Error() != "文件 static/baidu_verify_abc.html 在生成时被改动（原为 3 字节，现为 4 字节），请再生成一次" {
		t.Errorf("copying a file changed since the load: %v", err)
	}

	big := filepath.Join(dir, "static", "upload", "扫描件.pdf")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxAttachmentSize+1); err != nil {
		t.Fatal(err)
	}
	_, err = Load(dir)
	want := []string{"static/upload/扫描件.pdf:1:1: 文件过大（52428801 字节），上限为 50 MB"}
	if got := diag.Lines(err); err == nil || !slices.Equal(got, want) {
		t.Errorf("a file too large: %q, want %q", got, want)
	}
}

// TestStaticDotfileWarned: a file of static/ whose name starts with a dot
// is not published; one that staff put there on purpose — a server's
// configuration, a host's switch — is warned of at the file, saying why,
// at any depth and inside .well-known/ too. What a system, an editor or
// git leaves is passed over without a word, and so is what is inside a
// hidden folder.
func TestStaticDotfileWarned(t *testing.T) {
	files := miniSite()
	for _, name := range []string{
		"static/.htaccess", "static/upload/.user.ini", "static/.well-known/.nojekyll",
		"static/.DS_Store", "static/upload/._通知.pdf", "static/.~lock.通知.docx#", "static/upload/.通知.pdf.swp",
		"static/.gitkeep", "static/.git/config", "static/.vscode/.htaccess",
	} {
		files[name] = "x"
	}
	const why = " 以“.”开头，是隐藏文件，不会发布（static/ 中只有 .well-known/ 下的文件例外）。服务器的设置（改写、跳转、访问限制等）由门户网站的服务器决定，不由本站的文件决定；需要时请交给门户网站的管理员"
	want := []string{
		"static/.htaccess:1:1: 警告：.htaccess" + why,
		"static/.well-known/.nojekyll:1:1: 警告：.nojekyll" + why,
		"static/upload/.user.ini:1:1: 警告：.user.ini" + why,
	}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestStaticHiddenFolderWarned: a hidden folder of static/ holding files
// is warned of, by name, with how many of its files are not published: a
// misspelt .well-known at static/'s root is asked whether it is meant, a
// .well-known below the root is told where to go, any other is told to
// be renamed. One that holds nothing to publish, and what git, an editor
// or a system keeps, are passed over without a word; .well-known itself
// is published.
func TestStaticHiddenFolderWarned(t *testing.T) {
	files := miniSite()
	for _, name := range []string{
		"static/.well-known/security.txt",
		"static/.well_known/security.txt", "static/.well_known/sub/x.txt", "static/.well_known/.DS_Store",
		"static/.Well-Known/assetlinks.json",
		"static/upload/.well-known/x",
		"static/.baidu/verify.html",
		"static/.empty/.DS_Store", "static/.empty/Thumbs.db",
		"static/.git/config", "static/.vscode/settings.json", "static/.Trash-1000/files/a.pdf",
	} {
		files[name] = "x"
	}
	const hidden = "，是隐藏文件夹，其中的 "
	want := []string{
		"static/.Well-Known/: 警告：文件夹 .Well-Known 以“.”开头" + hidden + "1 个文件不会发布：是否为“.well-known”？只有名为 .well-known 的文件夹发布（网址 /.well-known/，须全为小写、用“-”连接）",
		"static/.baidu/: 警告：文件夹 .baidu 以“.”开头" + hidden + "1 个文件不会发布（static/ 中只有 .well-known/ 例外）；要发布，请给文件夹改个不以“.”开头的名字",
		"static/.well_known/: 警告：文件夹 .well_known 以“.”开头" + hidden + "2 个文件不会发布：是否为“.well-known”？只有名为 .well-known 的文件夹发布（网址 /.well-known/，须全为小写、用“-”连接）",
		"static/upload/.well-known/: 警告：文件夹 .well-known 以“.”开头" + hidden + "1 个文件不会发布：只有 static/ 下一级的 .well-known/ 发布（网址 /.well-known/）；要发布，请把它移到 static/.well-known/",
	}
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	got := warningLines(s)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var published []string
	for _, a := range s.Static {
		published = append(published, a.File)
	}
	if want := []string{"static/.well-known/security.txt"}; !slices.Equal(published, want) {
		t.Errorf("published %q, want %q", published, want)
	}
}

// TestStaticAssetWarned: a stylesheet put in static/ under an asset's
// name — as a Hugo site overrides its theme's static/css/site.css, or at
// the address the pages show, static/assets/css/site.css, or the site's
// own colours as static/css/custom.css — was published as it was and
// linked by no page: the site looked as before, and nothing said why. It
// is warned of, saying where it goes. A file of another name is not.
func TestStaticAssetWarned(t *testing.T) {
	files := miniSite()
	for _, name := range []string{"static/css/site.css", "static/assets/js/page.js", "static/css/custom.css", "static/css/portal.css", "static/img/logo.png"} {
		files[name] = "x"
	}
	const what = " 原样发布在 /%s，页面却不链接它：页面用的样式表、脚本和图片来自 layouts/assets/（以带指纹的文件名发布）。" +
		"要覆盖内置主题的 assets/%s，把它放在 layouts/assets/%s；只改颜色和字体，写在 layouts/assets/css/custom.css（tongbao layouts assets/css/site.css 开头列出可改的变量）"
	want := []string{
		"static/assets/js/page.js:1:1: 警告：static/assets/js/page.js" + fmt.Sprintf(what, "assets/js/page.js", "js/page.js", "js/page.js"),
		"static/css/custom.css:1:1: 警告：static/css/custom.css 原样发布在 /css/custom.css，页面却不链接它：页面用的样式表、脚本和图片来自 layouts/assets/（以带指纹的文件名发布）。" +
			"本站自己的样式表放在 layouts/assets/css/custom.css，每个页面在内置的样式表之后链接它",
		"static/css/site.css:1:1: 警告：static/css/site.css" + fmt.Sprintf(what, "css/site.css", "css/site.css", "css/site.css"),
	}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
