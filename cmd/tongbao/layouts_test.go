package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tongbao/internal/theme"
)

// copied are built-in files of every kind a record is written in: page
// layouts (base.html's <!DOCTYPE> must stay first), partials, one that
// begins with white space (year-matrix.html), a shortcode's markup.
var copied = []string{"base.html", "circular.html", "home.html", "partials/footer.html", "partials/head.html", "partials/year-matrix.html", "shortcodes/rewards.html"}

// TestLayoutsCopyRecord: tongbao layouts --copy writes, first, a record
// of the built-in file and its hash (a template comment; a CSS or JS
// comment in a stylesheet or script), and the record changes no byte of
// the built site: a stylesheet or script is published without it — it
// was published with it, under another name than the built-in file's,
// which every page then linked.
func TestLayoutsCopyRecord(t *testing.T) {
	dir := initSite(t)
	plain := filepath.Join(t.TempDir(), "plain")
	if code, _, errOut := runSafely(t, "build", "-s", dir, "-d", plain); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	assets := []string{"assets/css/site.css", "assets/js/page.js", "assets/js/search.js", "assets/js/senior.js"}
	args := append(append([]string{"layouts", "--copy", "-s", dir}, assets...), copied...)
	if code, _, errOut := runSafely(t, args...); code != 0 {
		t.Fatalf("layouts --copy: exit %d: %s", code, errOut)
	}
	for _, name := range append(assets, copied...) {
		builtin, _ := theme.Read(name)
		sum := sha256.Sum256(builtin)
		record := "tongbao layouts --copy：复制自内置的 " + name + "（" + hex.EncodeToString(sum[:4]) + "）"
		want := "{{- /* " + record + " */ -}}\n"
		switch {
		case strings.HasSuffix(name, ".css") || strings.HasSuffix(name, ".js"):
			want = "/* " + record + " */\n"
		case builtin[0] == ' ':
			want = "{{/* " + record + " */}}"
		}
		if got := readText(t, filepath.Join(dir, "layouts", name)); got != want+string(builtin) {
			t.Errorf("layouts/%s begins %q, want the record %q, then the built-in file", name, got[:min(len(got), len(want)+20)], want)
		}
	}
	// The stylesheet's record ended as Windows ends a line: the record
	// goes with its line end.
	edit(t, dir, "layouts/assets/css/site.css", " */\n", " */\r\n")
	// The site's layouts render every page as the built-in ones did.
	own := filepath.Join(t.TempDir(), "own")
	if code, _, errOut := runSafely(t, "build", "-s", dir, "-d", own); code != 0 {
		t.Fatalf("build with the copies: exit %d: %s", code, errOut)
	}
	n := 0
	filepath.WalkDir(plain, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(plain, p)
		if want, got := readText(t, p), readText(t, filepath.Join(own, rel)); got != want {
			t.Errorf("%s differs when built with the copies", rel)
		}
		if strings.HasSuffix(rel, ".html") {
			n++
		}
		return nil
	})
	if n < 10 {
		t.Errorf("only %d pages compared", n)
	}
	if home := readText(t, filepath.Join(own, "index.html")); !strings.HasPrefix(home, "<!DOCTYPE html>") {
		t.Errorf("the home page begins %q", home[:40])
	}
}

// TestLayoutsChangedSinceCopy: a copy whose record names another hash
// than the built-in file's now (as after a tongbao that changed the file)
// is warned of at its first line, with the hash to write; one without a
// record (copied by hand) or with the current hash is not.
func TestLayoutsChangedSinceCopy(t *testing.T) {
	dir := initSite(t)
	if code, _, errOut := runSafely(t, "layouts", "--copy", "partials/footer.html", "assets/css/site.css", "-s", dir); code != 0 {
		t.Fatalf("layouts --copy: exit %d: %s", code, errOut)
	}
	footer, _ := theme.Hash("partials/footer.html")
	css, _ := theme.Hash("assets/css/site.css")
	const warned = "layouts/partials/footer.html:1:1: 警告：复制以后"
	if _, _, errOut := runSafely(t, "check", "-s", dir); strings.Contains(errOut, "复制以后") {
		t.Errorf("fresh copies are warned of:\n%s", errOut)
	}
	edit(t, dir, "layouts/partials/footer.html", "（"+footer+"）", "（0123abcd）")
	// The stylesheet saved by an editor that writes a byte order mark.
	edit(t, dir, "layouts/assets/css/site.css", "/* tongbao layouts --copy：", "\uFEFF/* tongbao layouts --copy：")
	edit(t, dir, "layouts/assets/css/site.css", "（"+css+"）", "（89abcdef）")
	_, _, errOut := runSafely(t, "check", "-s", dir)
	for _, want := range []string{
		warned + "，内置的 partials/footer.html 已经改了：运行 tongbao layouts --diff partials/footer.html 查看改了什么；合并后把第一行的 0123abcd 改为 " + footer + "\n",
		"layouts/assets/css/site.css:1:1: 警告：复制以后，内置的 assets/css/site.css 已经改了：运行 tongbao layouts --diff assets/css/site.css 查看改了什么；合并后把第一行的 89abcdef 改为 " + css + "\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("check does not warn\n%s\nit says:\n%s", want, errOut)
		}
	}
	// The listing marks the copies to merge, and only those.
	_, out, _ := runSafely(t, "layouts", "-s", dir)
	for _, want := range []string{
		"已覆盖：layouts/partials/footer.html（复制以后内置文件已改：tongbao layouts --diff partials/footer.html）\n",
		"已覆盖：layouts/assets/css/site.css（复制以后内置文件已改：tongbao layouts --diff assets/css/site.css）\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the listing lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "复制以后") != 2 {
		t.Errorf("the listing marks other files:\n%s", out)
	}
	// Copied by hand: no record, nothing to compare.
	builtin, _ := theme.Read("partials/footer.html")
	os.WriteFile(filepath.Join(dir, "layouts", "partials", "footer.html"), builtin, 0o644)
	os.Remove(filepath.Join(dir, "layouts", "assets", "css", "site.css"))
	if _, _, errOut := runSafely(t, "check", "-s", dir); strings.Contains(errOut, "复制以后") {
		t.Errorf("a copy without a record is warned of:\n%s", errOut)
	}
	if _, out, _ := runSafely(t, "layouts", "-s", dir); strings.Contains(out, "复制以后") {
		t.Errorf("a copy without a record is marked in the listing:\n%s", out)
	}
}

// TestLayoutsDiff: --diff compares the site's file, its record left out
// but counted in its line numbers, with the built-in file now.
func TestLayoutsDiff(t *testing.T) {
	dir := initSite(t)
	runSafely(t, "layouts", "--copy", "partials/footer.html", "-s", dir)
	code, out, errOut := runSafely(t, "layouts", "--diff", "partials/footer.html", "-s", dir)
	if code != 0 || out != "layouts/partials/footer.html 与内置的 partials/footer.html 相同（第一行的复制记录除外）\n" {
		t.Errorf("--diff of a fresh copy: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// A record before the copy's first line (which begins with white
	// space) is left out too.
	runSafely(t, "layouts", "--copy", "partials/year-matrix.html", "-s", dir)
	code, out, _ = runSafely(t, "layouts", "--diff", "partials/year-matrix.html", "-s", dir)
	if code != 0 || out != "layouts/partials/year-matrix.html 与内置的 partials/year-matrix.html 相同（第一行的复制记录除外）\n" {
		t.Errorf("--diff of a fresh copy of year-matrix.html: exit %d, stdout %q", code, out)
	}
	edit(t, dir, "layouts/partials/footer.html", `<footer class="site-footer">`, `<footer class="site-footer portal">`)
	builtin, _ := theme.Read("partials/footer.html")
	lines := strings.SplitAfter(string(builtin), "\n")
	// The footer's line is the built-in file's second: the site's third.
	if lines[1] != "<footer class=\"site-footer\">\n" {
		t.Fatalf("the built-in footer's second line is %q", lines[1])
	}
	want := "--- layouts/partials/footer.html（本站）\n+++ 内置的 partials/footer.html（现在的）\n" +
		"@@ -2,5 +1,5 @@\n" +
		" " + lines[0] +
		"-<footer class=\"site-footer portal\">\n" +
		"+<footer class=\"site-footer\">\n" +
		" " + lines[2] + " " + lines[3] + " " + lines[4]
	if code, out, _ := runSafely(t, "layouts", "--diff", "partials/footer.html", "-s", dir); code != 0 || out != want {
		t.Errorf("--diff: exit %d, printed\n%s\nwant\n%s", code, out, want)
	}
	code, _, errOut = runSafely(t, "layouts", "--diff", "partials/header.html", "-s", dir)
	if code != 1 || !regexp.MustCompile(`站点没有 layouts/partials/header\.html`).MatchString(errOut) {
		t.Errorf("--diff of a file the site has not: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := runSafely(t, "layouts", "--diff", "--copy", "partials/footer.html", "-s", dir); code != 2 {
		t.Errorf("--diff with --copy: exit %d, want 2", code)
	}
}

// TestLayoutsWindowsNames: a name typed with Windows's backslashes
// (partials\footer.html, as PowerShell's completion writes it) is the
// built-in file of that name, shown, copied and compared as with /;
// it was told the theme has no such file, and no nearer name.
func TestLayoutsWindowsNames(t *testing.T) {
	dir := initSite(t)
	builtin, _ := theme.Read("partials/footer.html")
	if code, out, errOut := runSafely(t, "layouts", "-s", dir, `partials\footer.html`); code != 0 || out != string(builtin) {
		t.Errorf(`layouts partials\footer.html: exit %d, stderr %q`, code, errOut)
	}
	if code, _, errOut := runSafely(t, "layouts", "--copy", "-s", dir, `partials\footer.html`); code != 0 {
		t.Errorf(`layouts --copy partials\footer.html: exit %d, stderr %q`, code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "layouts", "partials", "footer.html")); err != nil {
		t.Errorf("the copy is not layouts/partials/footer.html: %v", err)
	}
	code, out, errOut := runSafely(t, "layouts", "--diff", "-s", dir, `partials\footer.html`)
	if code != 0 || out != "layouts/partials/footer.html 与内置的 partials/footer.html 相同（第一行的复制记录除外）\n" {
		t.Errorf(`layouts --diff partials\footer.html: exit %d, stdout %q, stderr %q`, code, out, errOut)
	}
}

// TestLayoutsDiffNotUTF8: a file of the site's saved in UTF-16 — what
// PowerShell's > writes, the very redirect the README warns of — is told
// so by --diff, as build tells it, not called a file that is no text.
func TestLayoutsDiffNotUTF8(t *testing.T) {
	dir := initSite(t)
	builtin, _ := theme.Read("partials/footer.html")
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range string(builtin) {
		if r > 0xFFFF {
			t.Fatal("the footer has a character beyond the BMP")
		}
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	os.MkdirAll(filepath.Join(dir, "layouts", "partials"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "layouts", "partials", "footer.html"), utf16, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runSafely(t, "layouts", "--diff", "-s", dir, "partials/footer.html")
	if code != 1 || !strings.Contains(errOut, "layouts/partials/footer.html 不是 UTF-8 编码") || strings.Contains(out, "不是文本文件") {
		t.Errorf("--diff of a UTF-16 file: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
