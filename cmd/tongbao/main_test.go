package main

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/theme"
)

// sampleSiteCopy copies the repository's own site (the seed circular) into
// a temporary folder, so tests can break it without touching the original.
func sampleSiteCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"config.toml", "data", "content"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("..", "..", name))); err != nil {
			if err2 := copyFile(filepath.Join("..", "..", name), filepath.Join(dir, name)); err2 != nil {
				t.Fatal(err, err2)
			}
		}
	}
	return dir
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestCheckSampleIsClean(t *testing.T) {
	dir := sampleSiteCopy(t)
	code, out, errOut := runCmd("check", "-s", dir)
	if code != 0 || out != "" || errOut != "" {
		t.Fatalf("check on the sample: exit %d, stdout %q, stderr %q; want 0 and silence", code, out, errOut)
	}
}

// TestCheckWarnsWithoutHost: with baseURL a bare path and no [site]
// domain, no absolute address can be written (DESIGN.md §7): check and
// build say so on stderr and still succeed; --baseURL with a host, or a
// domain, silences it.
func TestCheckWarnsWithoutHost(t *testing.T) {
	dir := sampleSiteCopy(t)
	edit(t, dir, "config.toml", `domain   = "www.example.gov.cn"`, `domain   = ""`)
	for _, args := range [][]string{{"check"}, {"check", "--links"}, {"build"}} {
		code, _, errOut := runCmd(append(args, "-s", dir)...)
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %q; want 0", args, code, errOut)
		}
		want := "config.toml:2:1: 警告：baseURL（/）不含域名，[site] 也没有 domain："
		if !strings.HasPrefix(errOut, want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: stderr %q; want one line starting %q", args, errOut, want)
		}
	}
	if code, _, errOut := runCmd("build", "-s", dir, "--baseURL", "https://portal.example.gov.cn/tongbao/"); code != 0 || errOut != "" {
		t.Errorf("build --baseURL with a host: exit %d, stderr %q; want 0 and silence", code, errOut)
	}
	edit(t, dir, "config.toml", `baseURL  = "/"`, `baseURL  = "https://portal.example.gov.cn/tongbao/"`)
	if code, _, errOut := runCmd("check", "-s", dir); code != 0 || errOut != "" {
		t.Errorf("check with a host in baseURL: exit %d, stderr %q; want 0 and silence", code, errOut)
	}
}

// TestBuildWarnsOfTwoHosts: a baseURL whose host is not [site] domain
// publishes two names (the sitemap's and the feed's, the footer's and the
// portal's tags): build says so; the same host in other capitals, or with
// https's port, is the same.
func TestBuildWarnsOfTwoHosts(t *testing.T) {
	dir := sampleSiteCopy(t)
	want := "config.toml:7:1: 警告：baseURL（https://www.shuangqing.gov.cn/tb/）的域名与 [site] domain（www.example.gov.cn）不同：网站地图、订阅和规范链接用前者，页脚的网站域名和门户网站的元数据用后者；请改为同一个\n"
	if code, _, errOut := runCmd("build", "-s", dir, "--baseURL", "https://www.shuangqing.gov.cn/tb/"); code != 0 || errOut != want {
		t.Errorf("build under another host: exit %d, stderr %q; want 0 and %q", code, errOut, want)
	}
	if code, _, errOut := runCmd("build", "-s", dir, "--baseURL", "https://WWW.Example.gov.cn:443/tb/"); code != 0 || errOut != "" {
		t.Errorf("build under the same host: exit %d, stderr %q; want 0 and silence", code, errOut)
	}
}

// edit replaces the first occurrence of old in a file of the site, failing
// the test when it is not there.
func edit(t *testing.T, dir, file, old, new string) {
	t.Helper()
	p := filepath.Join(dir, file)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// lineOf is the 1-based line of the first occurrence of s in a file.
func lineOf(t *testing.T, dir, file, s string) int {
	t.Helper()
	b, _ := os.ReadFile(filepath.Join(dir, file))
	i := bytes.Index(b, []byte(s))
	if i < 0 {
		t.Fatalf("%s does not contain %q", file, s)
	}
	return 1 + bytes.Count(b[:i], []byte("\n"))
}

// TestCheckReportsEveryProblem is the acceptance case: five
// different mistakes, all reported at once with their lines, exit 1, and a
// build that leaves public/ as it was.
func TestCheckReportsEveryProblem(t *testing.T) {
	dir := sampleSiteCopy(t)
	if code, _, errOut := runCmd("build", "-s", dir); code != 0 {
		t.Fatalf("first build failed: %s", errOut)
	}
	before := snapshot(t, filepath.Join(dir, "public"))

	const month = "data/2023-02.toml"
	edit(t, dir, month, `"龙须塘街道" =`, `"龙虚塘街道" =`)
	edit(t, dir, month, "\ncity = 12", "\ncity = 13")
	edit(t, dir, month, "[[result]]\n", "[[result]]\ncolour = \"red\"\n")
	edit(t, dir, month, `, "区禁毒办"]`, `]`)
	// The syntax error goes in another file: a syntax error stops the
	// reading of its own file, and the other four must still be found.
	edit(t, dir, "content/about.md", "title", "title = = ")

	want := []string{
		fmt.Sprintf("content/about.md:%d:", lineOf(t, dir, "content/about.md", "title = = ")),
		fmt.Sprintf("%s:%d:1: 未知乡镇（街道）“龙虚塘街道”，是否为“龙须塘街道”？", month, lineOf(t, dir, month, "龙虚塘街道")),
		fmt.Sprintf("%s:%d:1: 全市排名 13 超出范围（应为 1～12）", month, lineOf(t, dir, month, "city = 13")),
		fmt.Sprintf("%s:%d:1: 未知的键“result.colour”", month, lineOf(t, dir, month, "colour")),
		fmt.Sprintf("%s:%d:1: 区直单位“区禁毒办”未列入 [categories]", month, lineOf(t, dir, month, "[categories]")),
	}
	for _, cmd := range []string{"check", "build"} {
		code, out, errOut := runCmd(cmd, "-s", dir)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1", cmd, code)
		}
		if out != "" {
			t.Errorf("%s wrote to stdout: %q", cmd, out)
		}
		for _, w := range want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%s: diagnostics lack %q; got:\n%s", cmd, w, errOut)
			}
		}
		if strings.Contains(errOut, "panic") {
			t.Errorf("%s panicked:\n%s", cmd, errOut)
		}
	}
	if after := snapshot(t, filepath.Join(dir, "public")); !equalTrees(before, after) {
		t.Error("a failed build changed public/")
	}
}

// snapshot reads a whole tree into memory: path → bytes.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestBuildTwiceIsByteIdentical(t *testing.T) {
	dir := sampleSiteCopy(t)
	outA, outB := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, out := range []string{outA, outB} {
		if code, _, errOut := runCmd("build", "-s", dir, "-d", out); code != 0 {
			t.Fatalf("build: %s", errOut)
		}
	}
	a, b := snapshot(t, outA), snapshot(t, outB)
	if len(a) < 5 || !equalTrees(a, b) {
		t.Fatalf("two builds differ (or are nearly empty: %d files)", len(a))
	}
	if _, ok := a["circulars/2023/14/index.html"]; !ok {
		t.Fatalf("no circular at circulars/2023/14/index.html; files: %v", keysOf(a))
	}
}

func keysOf(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestBuildRemovesStaleFiles: the pages an earlier build wrote that the
// site no longer makes are gone after the next build. (Files put into
// public/ by hand, which no build wrote, stay: TestBuildKeepsHandPlaced.)
func TestBuildRemovesStaleFiles(t *testing.T) {
	dir := sampleSiteCopy(t)
	old := filepath.Join(dir, "content", "old-page.md")
	if err := os.WriteFile(old, []byte("+++\ntitle = \"旧页面\"\n+++\n旧页面。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd("build", "-s", dir); code != 0 {
		t.Fatal(errOut)
	}
	stale := filepath.Join(dir, "public", "old-page", "index.html")
	if _, err := os.Stat(stale); err != nil {
		t.Fatalf("the first build did not write %s: %v", stale, err)
	}
	for _, p := range []string{old, filepath.Join(dir, "content", "about.md")} {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errOut := runCmd("build", "-s", dir); code != 0 {
		t.Fatal(errOut)
	}
	for _, p := range []string{stale, filepath.Join(dir, "public", "about", "index.html")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s survived the rebuild", p)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

// TestBaseURLWithPath checks that every link and asset reference of every
// page starts with the base path, so the site works from a sub-folder.
func TestBaseURLWithPath(t *testing.T) {
	dir := sampleSiteCopy(t)
	out := t.TempDir()
	if code, _, errOut := runCmd("build", "-s", dir, "-d", out, "--baseURL", "https://portal.example.gov.cn/tongbao/"); code != 0 {
		t.Fatal(errOut)
	}
	pages := snapshot(t, out)
	n := 0
	for p, body := range pages {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, attr := range []string{`href="`, `src="`} {
			for rest := body; ; {
				i := strings.Index(rest, attr)
				if i < 0 {
					break
				}
				rest = rest[i+len(attr):]
				link := rest[:strings.IndexByte(rest, '"')]
				n++
				if strings.HasPrefix(link, "#") || strings.HasPrefix(link, "https://portal.example.gov.cn/tongbao/") {
					continue
				}
				if !strings.HasPrefix(link, "/tongbao/") {
					t.Errorf("%s: link %q ignores the base path /tongbao/", p, link)
					continue
				}
				target := strings.TrimPrefix(link, "/tongbao/")
				if i := strings.IndexAny(target, "#?"); i >= 0 {
					target = target[:i]
				}
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
				if _, ok := pages[target]; !ok {
					t.Errorf("%s: link %q points at nothing", p, link)
				}
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d links found: the layouts link nothing?", n)
	}
}

// TestShortcodeAndTemplateErrors: problems found while rendering are
// reported at their file and line like the data's.
func TestShortcodeAndTemplateErrors(t *testing.T) {
	dir := sampleSiteCopy(t)
	const circ = "content/circulars/2023-02.md"
	edit(t, dir, circ, "{{< township-ranking >}}", "{{< township-rankin >}}")
	edit(t, dir, circ, `{{< indicators "重点项目" >}}`, `{{< indicators >}}`)
	edit(t, dir, circ, `{{< interviews "约谈" >}}`, `{{< interviews "约谈 >}}`)
	if _, err := theme.Copy(dir, "home.html"); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "layouts/home.html", "{{define \"main\"}}", "{{define \"main\"}}\n{{.NoSuchField}}")
	want := []string{
		fmt.Sprintf("%s:%d:1: 未知短代码“township-rankin”", circ, lineOf(t, dir, circ, "township-rankin")),
		fmt.Sprintf("%s:%d:1: 短代码“indicators”需要一个参数", circ, lineOf(t, dir, circ, "{{< indicators >}}")),
		fmt.Sprintf("%s:%d:", circ, lineOf(t, dir, circ, `{{< interviews "约谈 >}}`)),
		fmt.Sprintf("layouts/home.html:%d:", lineOf(t, dir, "layouts/home.html", "NoSuchField")),
	}
	code, _, errOut := runCmd("check", "-s", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, w := range want {
		if !strings.Contains(errOut, w) {
			t.Errorf("diagnostics lack %q; got:\n%s", w, errOut)
		}
	}
}

// TestBaseURLFlagRefused: --baseURL is held to config.toml's rule, with
// the same reasons, before anything is written.
func TestBaseURLFlagRefused(t *testing.T) {
	dir := badSite(t, "")
	public := filepath.Join(dir, "public")
	oldSite(t, public)
	before := treeDigest(t, public)
	for flag, why := range map[string]string{
		"javascript:alert(1)//": "应以 http:// 或 https:// 开头，或为以一个 / 开头的路径",
		"//evil.example/":       "不能以 // 开头（浏览器会把它读作另一个网站的地址）",
		"/a\"b/":                "不能含有“\"”",
		"/a\x1b[2Jb/":           "不能含有<U+001B>",
	} {
		code, stdout, stderr := runCmd("build", "-s", dir, "--baseURL", flag)
		want := "tongbao: --baseURL “" + diag.Visible(flag) + "” 无效：" + why + "\n"
		if code != 1 || stdout != "" || stderr != want {
			t.Errorf("--baseURL %q: exit %d, stdout %q, stderr %q; want 1 and %q", flag, code, stdout, stderr, want)
		}
	}
	if treeDigest(t, public) != before {
		t.Error("a refused --baseURL changed public/")
	}
}

// TestBuildChangesList: build says what it changed since the build before
// and, with --changes, lists it in a file a script can read; the list may
// not be written inside the output.
func TestBuildChangesList(t *testing.T) {
	dir := sampleSiteCopy(t)
	pub := filepath.Join(t.TempDir(), "public")
	list := filepath.Join(t.TempDir(), "改动.txt")
	code, out, errOut := runCmd("build", "-s", dir, "-d", pub, "--changes", list)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	lines := readLines(t, list)
	// Every file on disk is listed, the manifest among them; the message
	// counts the others and names the manifest, as the build's statistics do.
	if n := len(snapshot(t, pub)); len(lines) != n || !strings.HasSuffix(out, fmt.Sprintf("tongbao: 输出目录中没有上次生成的清单，%d 个文件和清单 .tongbao-manifest.json 都算作新增，改动清单已写入 %s\n", n-1, list)) {
		t.Errorf("first build: %d lines listed for %d files; said\n%s", len(lines), n, out)
	}
	if !slices.Contains(lines, "新增\t.tongbao-manifest.json") {
		t.Errorf("first build's list lacks the manifest: %q", lines[:min(len(lines), 5)])
	}
	if !slices.Contains(lines, "新增\tabout/index.html") {
		t.Errorf("first build's list lacks about/index.html: %q", lines[:min(len(lines), 5)])
	}
	if code, out, _ := runCmd("build", "-s", dir, "-d", pub); code != 0 || !strings.HasSuffix(out, "tongbao: 与上次生成的完全相同，不必重新上传\n") {
		t.Errorf("the same build again says:\n%s", out)
	}

	edit(t, dir, "content/about.md", "本站是", "本网站是")
	code, out, errOut = runCmd("build", "-s", dir, "-d", pub, "--changes", list)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	lines = readLines(t, list)
	count := map[string]int{}
	for _, l := range lines {
		kind, _, _ := strings.Cut(l, "\t")
		count[kind]++
	}
	want := fmt.Sprintf("tongbao: 与上次生成相比，新增 %d 个、改动 %d 个、删去 %d 个文件，另有清单 .tongbao-manifest.json 改动，改动清单已写入 %s\n", count["新增"], count["改动"]-1, count["删去"], list)
	if !strings.HasSuffix(out, want) || !slices.Contains(lines, "改动\tabout/index.html") || !slices.Contains(lines, "改动\t.tongbao-manifest.json") || slices.Contains(lines, "改动\tcirculars/2023/14/index.html") {
		t.Errorf("after editing about.md: said\n%s\nlisted %q", out, lines)
	}
	// Kinds in order: every 新增 before every 改动, every 改动 before every 删去.
	order := map[string]int{"新增": 0, "改动": 1, "删去": 2}
	if !slices.IsSortedFunc(lines, func(a, b string) int {
		ka, pa, _ := strings.Cut(a, "\t")
		kb, pb, _ := strings.Cut(b, "\t")
		return cmp.Or(order[ka]-order[kb], strings.Compare(pa, pb))
	}) {
		t.Errorf("the list is not in order: %q", lines)
	}

	inside := filepath.Join(pub, "改动.txt")
	if code, _, errOut := runCmd("build", "-s", dir, "-d", pub, "--changes", inside); code != 1 || !strings.Contains(errOut, "在输出目录") {
		t.Errorf("--changes inside the output: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(inside); err == nil {
		t.Error("the list was written inside the output")
	}
}

// TestBuildKeepsHandPlaced is the reviewer's report from the command
// line: after `build -d pub`, three files put into pub/ by hand were
// deleted by the next build, which said nothing had changed. They stay,
// the build names them, and the list of changes leaves them out.
func TestBuildKeepsHandPlaced(t *testing.T) {
	dir := sampleSiteCopy(t)
	pub := filepath.Join(t.TempDir(), "pub")
	list := filepath.Join(t.TempDir(), "改动.txt")
	if code, _, errOut := runCmd("build", "-s", dir, "-d", pub); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	hand := map[string]string{"baidu_verify_abc.html": "abc", "我的笔记.docx": "笔记", "upload/a.pdf": "%PDF"}
	for rel, text := range hand {
		p := filepath.Join(pub, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCmd("build", "-s", dir, "-d", pub, "--changes", list)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	want := "tongbao: " + pub + " 中有 3 个文件不是 tongbao 生成的，已原样保留（不列入清单和改动）：baidu_verify_abc.html、upload/a.pdf、我的笔记.docx；要随网站发布，请放到站点的 static/ 文件夹\n" +
		"tongbao: 与上次生成的完全相同，不必重新上传，改动清单已写入 " + list + "\n"
	if _, said, _ := strings.Cut(out, "\n"); said != want {
		t.Errorf("the build says\n%s\nwant after its first line\n%s", out, want)
	}
	if b, err := os.ReadFile(list); err != nil || len(b) != 0 {
		t.Errorf("the list of changes: %q, %v; want it empty", b, err)
	}
	for rel, text := range hand {
		if b, err := os.ReadFile(filepath.Join(pub, filepath.FromSlash(rel))); err != nil || string(b) != text {
			t.Errorf("%s: %q, %v; want it kept", rel, b, err)
		}
	}
}

// TestBuildChangesListsManifest is the administrator's report: an upload
// of the files --changes lists left the portal's manifest missing (first
// build) or stale (every other), for the list never named it. It is
// listed whenever its bytes change, and the counts said name it apart
// from the files, as the build's own line does. A file of static/ is
// the edit: it changes no page, so the lists can be written by hand.
func TestBuildChangesListsManifest(t *testing.T) {
	dir := sampleSiteCopy(t)
	pub := filepath.Join(t.TempDir(), "public")
	list := filepath.Join(t.TempDir(), "改动.txt")
	verify := filepath.Join(dir, "static", "baidu_verify_abc.html")
	if err := os.MkdirAll(filepath.Dir(verify), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd("build", "-s", dir, "-d", pub); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	for _, step := range []struct {
		what, text string // the verification file's text; "" removes it
		said, list string
	}{
		{"added", "abc", "新增 1 个文件，另有清单 .tongbao-manifest.json 改动", "新增\tbaidu_verify_abc.html\n改动\t.tongbao-manifest.json\n"},
		{"edited", "abcd", "改动 1 个文件，另有清单 .tongbao-manifest.json 改动", "改动\t.tongbao-manifest.json\n改动\tbaidu_verify_abc.html\n"},
		{"unchanged", "abcd", "", ""},
		{"removed", "", "删去 1 个文件，另有清单 .tongbao-manifest.json 改动", "改动\t.tongbao-manifest.json\n删去\tbaidu_verify_abc.html\n"},
	} {
		if step.text != "" {
			if err := os.WriteFile(verify, []byte(step.text), 0o644); err != nil {
				t.Fatal(err)
			}
		} else if err := os.Remove(verify); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runCmd("build", "-s", dir, "-d", pub, "--changes", list)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", step.what, code, errOut)
		}
		said := "tongbao: 与上次生成相比，" + step.said + "，改动清单已写入 " + list + "\n"
		if step.said == "" {
			said = "tongbao: 与上次生成的完全相同，不必重新上传，改动清单已写入 " + list + "\n"
		}
		if !strings.HasSuffix(out, said) {
			t.Errorf("%s: said\n%s\nwant it to end with\n%s", step.what, out, said)
		}
		if b, err := os.ReadFile(list); err != nil || string(b) != step.list {
			t.Errorf("%s: listed\n%s(%v)\nwant\n%s", step.what, b, err, step.list)
		}
	}
}

// TestBuildCountsAgree: the build's line, --verify's and the first
// build's list of changes count the same files, 128 for the sample (its
// files on disk, the manifest named apart), as the preview does.
func TestBuildCountsAgree(t *testing.T) {
	dir := sampleSiteCopy(t)
	pub := filepath.Join(t.TempDir(), "public")
	list := filepath.Join(t.TempDir(), "改动.txt")
	code, out, errOut := runCmd("build", "-s", dir, "-d", pub, "--changes", list)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	n := len(snapshot(t, pub)) - 1
	for _, want := range []string{
		fmt.Sprintf("%d 个文件（另有清单 .tongbao-manifest.json），", n),
		fmt.Sprintf("，%d 个文件和清单 .tongbao-manifest.json 都算作新增，", n),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("build says\n%s\nwant it to say %q", out, want)
		}
	}
	if lines := readLines(t, list); len(lines) != n+1 {
		t.Errorf("%d lines listed; want %d, the manifest's among them", len(lines), n+1)
	}
}

func readLines(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// TestShellWord: the advice's arguments are typed back as they were given,
// a folder with a space or a quote in its name quoted for the shell.
func TestShellWord(t *testing.T) {
	for in, want := range map[string]string{
		"-d":             "-d",
		"/srv/站点/public": "/srv/站点/public",
		"my site":        "'my site'",
		"it's":           `'it'\''s'`,
		"":               "''",
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestCheckComparesWithDest: check compares with the last build where
// it went, -d as for build: a circular whose 文号 was corrected after a
// build into out/ takes its address off the portal, which check -d out
// warns of (aliases), as the next build would; check without -d
// compares with public/, where no build is, and says nothing of it.
func TestCheckComparesWithDest(t *testing.T) {
	dir := sampleSiteCopy(t)
	out := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := runCmd("build", "-s", dir, "-d", out); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	edit(t, dir, "content/circulars/2023-02.md", "〔2023〕14号", "〔2023〕15号")
	const warned = "content/circulars/2023-02.md:2:1: 警告：上次生成的页面 /circulars/2023/14/ 这次没有了"
	code, _, errOut := runCmd("check", "-s", dir, "-d", out)
	if code != 0 || !strings.Contains(errOut, warned) {
		t.Errorf("check -d: exit %d, said\n%s\nwant %q", code, errOut, warned)
	}
	if code, _, errOut := runCmd("check", "-s", dir); code != 0 || strings.Contains(errOut, "上次生成") {
		t.Errorf("check without -d (no build in public/): exit %d, said\n%s", code, errOut)
	}
}
