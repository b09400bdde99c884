package site

import (
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
	want := []string{"static/upload/扫描件.pdf: 文件过大（52428801 字节），上限为 50 MB"}
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
