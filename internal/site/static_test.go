package site

import (
	"io"
	"os"
	"path/filepath"
	"slices"
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
