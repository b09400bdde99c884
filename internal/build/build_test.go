package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/demo"
	"tongbao/internal/diag"
	"tongbao/internal/site"
	"tongbao/internal/theme"
)

// repoRoot is the sample site: the repository is a tongbao site itself.
const repoRoot = "../.."

// sampleCopy copies the sample site's input into a fresh folder.
func sampleCopy(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"config.toml", "data", "content"} {
		src := filepath.Join(repoRoot, name)
		if fi, err := os.Stat(src); err == nil && !fi.IsDir() {
			b, err := os.ReadFile(src)
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, name), b, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// override copies the built-in layout name into the site in dir, whose
// copy then overrides it, and returns the copy's path.
func override(t testing.TB, dir, name string) string {
	t.Helper()
	p, err := theme.Copy(dir, name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// demoSite writes a synthetic archive of 12·years circulars.
func demoSite(t testing.TB, years int, seed int64) string {
	t.Helper()
	sample, err := site.Load(repoRoot)
	if err != nil {
		t.Fatalf("loading the sample site: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, sample, years, seed); err != nil {
		t.Fatal(err)
	}
	return dir
}

// treeState records every file and folder under root with the SHA-256 of
// its content, so that "left exactly as it was" can be asserted.
func treeState(t testing.TB, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			out[rel+"/"] = "dir"
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameTree fails the test with the first differences between two states.
func sameTree(t testing.TB, before, after map[string]string) {
	t.Helper()
	var diff []string
	for p, h := range before {
		if after[p] != h {
			diff = append(diff, p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			diff = append(diff, p)
		}
	}
	slices.Sort(diff)
	if len(diff) > 0 {
		t.Errorf("the output changed in %d places, first: %v", len(diff), diff[:min(5, len(diff))])
	}
}

// leftovers lists the staging folders beside dest.
func leftovers(t testing.TB, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(dest)+".new-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// tongbaoBinary compiles cmd/tongbao into a temporary folder.
func tongbaoBinary(t testing.TB) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	exe := filepath.Join(t.TempDir(), "tongbao")
	cmd := exec.Command(goTool, "build", "-o", exe, "tongbao/cmd/tongbao")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return exe
}

// TestLoadErrorLeavesOutput: a data file that does not load stops the
// build before anything is written.
func TestLoadErrorLeavesOutput(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	before := treeState(t, dest)
	month := filepath.Join(dir, "data", "2023-02.toml")
	b, _ := os.ReadFile(month)
	if err := os.WriteFile(month, append(b, "\n[[result]]\nindicator = \"gongy\"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), Options{Source: dir})
	var l diag.List
	if !errors.As(err, &l) || !strings.Contains(err.Error(), "未知指标“gongy”，是否为“gongye”？") {
		t.Fatalf("Build = %v, want the unknown indicator diagnostic", err)
	}
	sameTree(t, before, treeState(t, dest))
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("staging folders left: %v", l)
	}
}

// TestTemplateErrorOnHundredthPage: one layout fails for one circular of a
// 120-circular archive, deep into the rendering; nothing is published.
func TestTemplateErrorOnHundredthPage(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a 10-year archive")
	}
	dir := demoSite(t, 10, 1)
	dest := filepath.Join(dir, "public")
	if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	before := treeState(t, dest)

	// The 100th circular by month, and its 文号 read from its front matter.
	names, _ := filepath.Glob(filepath.Join(dir, "content", "circulars", "[0-9][0-9][0-9][0-9]-[0-9][0-9].md"))
	slices.Sort(names)
	if len(names) != 120 {
		t.Fatalf("%d circulars, want 120", len(names))
	}
	src, _ := os.ReadFile(names[99])
	m := regexp.MustCompile(`(?m)^number\s*=\s*"([^"]+)"`).FindSubmatch(src)
	if m == nil {
		t.Fatalf("no number in %s", names[99])
	}
	layout := override(t, dir, "circular.html")
	b, _ := os.ReadFile(layout)
	// The copy's first line is its record (tongbao layouts --copy).
	if !strings.Contains(string(b), " -}}\n{{define \"main\"}}\n") {
		t.Fatalf("layouts/circular.html does not start with its record and {{define \"main\"}}")
	}
	broken := strings.Replace(string(b), "{{define \"main\"}}\n", "{{define \"main\"}}\n{{if eq .Circular.Number \""+string(m[1])+"\"}}{{.Nope.X}}{{end}}\n", 1)
	if err := os.WriteFile(layout, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}

	_, err := Build(context.Background(), Options{Source: dir})
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("Build = %v, want diagnostics", err)
	}
	if len(l) != 1 || !strings.HasPrefix(l[0].String(), "layouts/circular.html:3:") || !strings.Contains(l[0].Msg, "Nope") {
		t.Errorf("want one template error at layouts/circular.html:3, got:\n%v", err)
	}
	sameTree(t, before, treeState(t, dest))
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("staging folders left: %v", l)
	}
}

// TestWriteFailureLeavesOutput makes the kernel refuse a write half-way
// through the tree: the tongbao binary runs under a file-size limit
// (RLIMIT_FSIZE, `ulimit -f`) below the size of the circular's page but
// above the small pages, so writing fails with EFBIG after many files are
// already in the staging folder — the same error path a full disk takes
// (ENOSPC from the same write call). It proves that a write error at any
// file removes the staging folder and never reaches the swap; it does not
// fill a real disk.
func TestWriteFailureLeavesOutput(t *testing.T) {
	exe := tongbaoBinary(t)
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	if out, err := exec.Command(exe, "build", "-s", dir).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := treeState(t, dest)
	small, big := 0, 0
	for p, h := range before {
		if h == "dir" {
			continue
		}
		fi, _ := os.Stat(filepath.Join(dest, p))
		if fi.Size() < 32<<10 {
			small++
		} else {
			big++
		}
	}
	if small < 10 || big == 0 {
		t.Fatalf("the sample no longer has both small and large files (%d < 32 KB, %d larger)", small, big)
	}

	// A build links the files that did not change from the last one (see
	// tree.reuse): change the circular, so that its large page is written.
	md := filepath.Join(dir, "content", "circulars", "2023-02.md")
	src, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(md, append(src, "\n本句为写入失败测试新增。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}

	// ulimit -f counts 512-byte blocks: 64 blocks = 32 KB.
	cmd := exec.Command("/bin/sh", "-c", `ulimit -f 64 && exec "$0" "$@"`, exe, "build", "-s", dir)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("build under a 32 KB file limit: %v, want exit 1\n%s", err, out)
	}
	if !regexp.MustCompile(`^tongbao: 无法写入 \S+：文件超过系统允许的大小（file too large）；.*public 保持不变\n$`).Match(out) {
		t.Errorf("unexpected message: %q", out)
	}
	sameTree(t, before, treeState(t, dest))
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("staging folders left: %v", l)
	}
}

// TestStaleLayoutWarning: a site's own circular.html or page.html, copied
// before the theme listed attachments, 附注 and 版记, is warned of when the
// site's circulars or pages have them, naming what it does not show; the
// built-in layouts, and an override that shows them, are not.
func TestStaleLayoutWarning(t *testing.T) {
	dir := sampleCopy(t)
	md := filepath.Join(dir, "content", "circulars", "2023-02.md")
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("format = \"letter\"\n"), []byte("format = \"letter\"\nnote = \"此件公开发布\"\n[[attachment]]\ntitle = \"得分表\"\nfile = \"得分表.csv\"\n"), 1)
	writeFiles(t, map[string][]byte{
		md: b,
		filepath.Join(dir, "content", "circulars", "得分表.csv"): []byte("a,b\n"),
		filepath.Join(dir, "content", "notices", "n.md"):      []byte("+++\ntitle = \"通知\"\n[[attachment]]\ntitle = \"表\"\nfile = \"../circulars/得分表.csv\"\n+++\n正文。\n"),
	})
	warnings := func() []string {
		t.Helper()
		var got []string
		if _, err := Build(context.Background(), Options{Source: dir, Dest: t.TempDir(), Warn: func(d diag.Diagnostic) {
			if strings.Contains(d.Msg, "模板") {
				got = append(got, d.String())
			}
		}}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := warnings(); len(got) != 0 {
		t.Errorf("the built-in layouts warned of: %q", got)
	}

	// Overrides: circular.html as it was before this stop, page.html
	// showing the attachments.
	old, ok := theme.Read("circular.html")
	if !ok {
		t.Fatal("no built-in circular.html")
	}
	old = regexp.MustCompile(`(?s)\{\{- with \.Attachments\}\}.*?\{\{- end\}\}|\{\{- range \.Notes\}\}.*?\{\{- end\}\}`).ReplaceAll(old, nil)
	page, ok := theme.Read("page.html")
	if !ok {
		t.Fatal("no built-in page.html")
	}
	writeFiles(t, map[string][]byte{filepath.Join(dir, "layouts", "circular.html"): old, filepath.Join(dir, "layouts", "page.html"): page})
	want := []string{"layouts/circular.html:1:1: 警告：这个模板覆盖了内置的 circular.html，却没有用到 .Attachments、.Note：页面上不会显示附件、附注、版记或联合发文机关（.Issuers：版头、落款只有主办机关）中的这些内容。运行 tongbao layouts circular.html 查看内置模板的写法"}
	if got := warnings(); !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}

	// A joint circular, and a layout of the site's own that names its
	// lead office alone.
	b = bytes.Replace(b, []byte("format = \"letter\"\n"), []byte("format = \"letter\"\nissuers = [\"中共邵阳市双清区委办公室\", \"邵阳市双清区人民政府办公室\"]\n"), 1)
	writeFiles(t, map[string][]byte{
		md: b,
		filepath.Join(dir, "layouts", "circular.html"): []byte(`{{define "main"}}{{with .Circular}}<article><h1>{{.Title}}</h1>{{.Body}}<p>{{.Issuer}}</p></article>{{end}}{{end}}`),
	})
	want = []string{"layouts/circular.html:1:1: 警告：这个模板覆盖了内置的 circular.html，却没有用到 .Attachments、.Issuers、.Note：页面上不会显示附件、附注、版记或联合发文机关（.Issuers：版头、落款只有主办机关）中的这些内容。运行 tongbao layouts circular.html 查看内置模板的写法"}
	if got := warnings(); !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestUnlistedFileWarning: a file put under content/ that no circular or
// page lists as an attachment or links to is published by nothing, and
// build says so, each file up to ten, then how many more; a listed or
// linked file is not named. A picture linked without a text alternative
// is warned of too.
func TestUnlistedFileWarning(t *testing.T) {
	dir := sampleCopy(t)
	md := filepath.Join(dir, "content", "circulars", "2023-02.md")
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{md: bytes.Replace(b, []byte("format = \"letter\"\n"), []byte("format = \"letter\"\n[[attachment]]\ntitle = \"原件\"\nfile = \"附件/原件.pdf\"\n"), 1)}
	files[filepath.Join(dir, "content", "circulars", "附件", "原件.pdf")] = []byte("%PDF")
	for i := range 13 {
		files[filepath.Join(dir, "content", "图", fmt.Sprintf("%02d.png", i))] = []byte("PNG")
	}
	about := filepath.Join(dir, "content", "about.md")
	if b, err = os.ReadFile(about); err != nil {
		t.Fatal(err)
	}
	files[about] = append(b, "\n![](图/12.png)\n"...)
	lines := bytes.Count(files[about], []byte("\n"))
	writeFiles(t, files)
	var got []string
	if _, err := Build(context.Background(), Options{Source: dir, Dest: t.TempDir(), Warn: func(d diag.Diagnostic) {
		if strings.Contains(d.Msg, "不会发布") || strings.Contains(d.Msg, "图片") {
			got = append(got, d.String())
		}
	}}); err != nil {
		t.Fatal(err)
	}
	want := []string{fmt.Sprintf("content/about.md:%d:1: 警告：图片没有说明文字，读屏软件读不出它的内容；请在方括号中写上，如 ![图片内容的说明](图/12.png)", lines)}
	for i := range 10 {
		want = append(want, fmt.Sprintf("content/图/%02d.png:1:1: 警告：这个文件既没有被任何通报或页面列为附件（[[attachment]]），也没有在正文中链接，不会发布", i))
	}
	want = append(want, "content: 警告：content/ 下另有 2 个这样的文件，同样不会发布")
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// writeFiles writes each file, making its folder.
func writeFiles(t *testing.T, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
