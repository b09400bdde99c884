package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
)

// writeSite writes files into the site in dir.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestStaticPublished: every file of static/ is published as it is at the
// same path below the output, .well-known/ too, and listed in the
// manifest; what the loader passes over elsewhere — a system's or an
// office program's leavings, an editor's backup, a hidden folder — is
// not; nor is any of it a page of the sitemap.
func TestStaticPublished(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	published := map[string]string{
		"baidu_verify_codeva-abc.html": "7f2d9c\n",
		"googleabc.html":               "google-site-verification: googleabc.html",
		"MP_verify_xyz.txt":            "xyz",
		".well-known/security.txt":     "Contact: mailto:web@example.gov.cn\n",
		"upload/通知.pdf":                "%PDF-1.4 通知",
		"guide/index.html":             "<!doctype html><title>办事指南</title>",
	}
	junk := []string{".DS_Store", "._googleabc.html", "Thumbs.db", "upload/desktop.ini", "upload/~$通知.docx", "草稿.html~", "#草稿.html#", ".git/config", ".well-known/.DS_Store", "upload/.hidden/a.txt"}
	files := map[string]string{}
	for rel, text := range published {
		files["static/"+rel] = text
	}
	for _, rel := range junk {
		files["static/"+rel] = "junk"
	}
	writeSite(t, dir, files)
	st, err := Build(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	listed := listedFiles(t, dest)
	for rel, text := range published {
		if b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(rel))); err != nil || string(b) != text {
			t.Errorf("%s: %q, %v; want static/'s bytes", rel, b, err)
		}
		if e, ok := listed[rel]; !ok || e != entry(rel, []byte(text), nil) {
			t.Errorf("%s in the manifest: %+v, %v", rel, e, ok)
		}
		if !slices.Contains(st.Changes.Added, rel) {
			t.Errorf("%s is not among the files added", rel)
		}
	}
	for _, rel := range junk {
		if _, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(rel))); err == nil {
			t.Errorf("%s was published", rel)
		}
		if _, ok := listed[rel]; ok {
			t.Errorf("%s is in the manifest", rel)
		}
	}
	sitemap, err := os.ReadFile(filepath.Join(dest, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(sitemap), "guide/") || !strings.Contains(string(sitemap), "about/") {
		t.Errorf("the sitemap lists static/guide/index.html, or not about/:\n%s", sitemap)
	}
	search, _ := os.ReadFile(filepath.Join(dest, "search-index.json"))
	if len(search) == 0 || strings.Contains(string(search), "guide/") || strings.Contains(string(search), "办事指南") {
		t.Errorf("the search index lists static/'s page, or is not there (%d bytes)", len(search))
	}
}

// TestStaticCollides: a file of static/ on the path of one of the build's
// own outputs — tongbao's home page, a page of content/, a folder's list
// of pages (which would otherwise give way) — is an error at the file,
// line 1, column 1, naming what makes that path; nothing is written.
func TestStaticCollides(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	mustBuild(t, Options{Source: dir})
	before := treeState(t, dest)
	writeSite(t, dir, map[string]string{
		"static/index.html":       "<p>自制首页</p>",
		"static/about/index.html": "<p>自制关于</p>",
		"content/notes/a.md":      "+++\ntitle = \"笔记一\"\n+++\n正文。\n",
		"static/notes/index.html": "<p>自制列表</p>",
		"static/notes/b.pdf":      "%PDF",
	})
	_, err := Build(context.Background(), Options{Source: dir})
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("build: %v; want the collisions", err)
	}
	want := []string{
		"static/about/index.html:1:1: static/ 中的文件原样发布在 /about/index.html，而这个路径已由 content/about.md 生成；请给它改名或删去它",
		"static/index.html:1:1: static/ 中的文件原样发布在 /index.html，而这个路径已由 tongbao 的首页 生成；请给它改名或删去它",
		"static/notes/index.html:1:1: static/ 中的文件原样发布在 /notes/index.html，而这个路径已由 tongbao 的页面列表 /notes/ 生成；请给它改名或删去它",
	}
	if got := diag.Lines(err); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	sameTree(t, before, treeState(t, dest))
}

// TestStaticReplacesDefaults: tongbao's robots.txt and icon are defaults.
// A static/robots.txt with the portal's own rules, or a static/favicon.ico
// (where a Hugo user puts a site's icon), is published in their place,
// with no error: the file written, the manifest, the changes since the
// last build and a verified build all speak of static/'s bytes, and the
// pages' icon is /favicon.ico below baseURL's path. With [site] favicon
// also set, the icon is set twice: an error naming the key.
func TestStaticReplacesDefaults(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	opts := Options{Source: dir, BaseURL: "https://www.example.gov.cn/tongbao/"}
	mustBuild(t, opts)
	own := map[string]string{
		"robots.txt":  "User-agent: *\nDisallow: /tongbao/data/\n\nSitemap: https://www.example.gov.cn/sitemap_index.xml\n",
		"favicon.ico": "\x00\x00\x01\x00 the portal's icon",
	}
	for rel, text := range own {
		writeSite(t, dir, map[string]string{"static/" + rel: text})
	}
	st, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	listed := listedFiles(t, dest)
	for rel, text := range own {
		if b, err := os.ReadFile(filepath.Join(dest, rel)); err != nil || string(b) != text {
			t.Errorf("%s: %q, %v; want static/'s bytes", rel, b, err)
		}
		if e := listed[rel]; e != entry(rel, []byte(text), nil) {
			t.Errorf("%s in the manifest: %+v, want static/'s", rel, e)
		}
	}
	// (The manifest, which lists them, changes with them.)
	if want := []string{".tongbao-manifest.json", "favicon.ico", "robots.txt"}; !slices.Equal(st.Changes.Changed, want) || len(st.Changes.Added) > 0 || len(st.Changes.Removed) > 0 {
		t.Errorf("changes %+v, want only %q changed", st.Changes, want)
	}
	home, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if link := `<link rel="icon" href="/tongbao/favicon.ico" type="image/x-icon">`; !strings.Contains(string(home), link) {
		t.Errorf("the home page lacks %s", link)
	}
	if _, _, err := BuildVerified(context.Background(), opts, tongbaoBinary(t)); err != nil {
		t.Errorf("a verified build: %v", err)
	}

	cfg, err := os.ReadFile(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	writeSite(t, dir, map[string]string{
		"config.toml":                 strings.Replace(string(cfg), "[site]\n", "[site]\nfavicon = \"img/icon.png\"\n", 1),
		"layouts/assets/img/icon.png": "\x89PNG\r\n\x1a\n",
	})
	before := treeState(t, dest)
	_, err = Build(context.Background(), opts)
	want := []string{"static/favicon.ico:1:1: static/ 中的 favicon.ico 是网站图标，而 config.toml 的 [site] favicon 已把网站图标设为 layouts/assets/img/icon.png；只留一处：删去这个文件，或删去 favicon 这一项"}
	if got := diag.Lines(err); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	sameTree(t, before, treeState(t, dest))
}

// listedFiles is the manifest of the build in dest, by path.
func listedFiles(t *testing.T, dest string) map[string]ManifestEntry {
	t.Helper()
	m, err := ReadManifest(dest)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]ManifestEntry{}
	for _, e := range m.Files {
		listed[e.Path] = e
	}
	return listed
}
