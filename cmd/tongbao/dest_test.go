package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongbao/internal/build"
)

// TestDestinationRefused is issue 11's first finding: `build -d` pointed at
// something that is not tongbao's — the site itself, a folder above it, its
// input folders, someone's documents, a file — must refuse before anything
// is written, exit 1 and say why in Chinese, and leave everything as it was.
// Every path here is absolute and inside the test's temporary folder: a
// build that deletes what it is pointed at deletes only that.
func TestDestinationRefused(t *testing.T) {
	root := t.TempDir()
	root, _ = filepath.EvalSymlinks(root)
	dir := filepath.Join(root, "site")
	copyDir(t, filepath.Join(badRoot, "_base"), dir)
	for name, body := range map[string]string{
		"site/docs/说明.md":            "# 说明\n",
		"site/layouts/404.html":      "{{define \"main\"}}<p>没有这个页面</p>{{end}}\n",
		"site/.git/HEAD":             "ref: refs/heads/main\n",
		"home/Documents/report.docx": "报告\n",
		"home/Documents/照片/2023.jpg": "jpg\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(dir, filepath.Join(root, "link-to-site")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "content"), filepath.Join(root, "link-to-content")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "nowhere"), filepath.Join(root, "dangling")); err != nil {
		t.Fatal(err)
	}
	const (
		other  = "请用 -d 指定另一个目录（默认是站点里的 public/）"
		source = "生成会覆盖站点的源文件；" + other
	)
	for _, c := range []struct{ dest, want string }{
		{dir, "不能输出到 " + dir + "：这是站点目录本身，" + source},
		{dir + "/", "不能输出到 " + dir + "/：这是站点目录本身，" + source},
		{dir + "/..", "不能输出到 " + dir + "/..（即 " + root + "）：站点目录在它里面，" + source},
		{"/", "不能输出到 /：站点目录在它里面，" + source},
		{filepath.Join(root, "link-to-site"), "不能输出到 " + filepath.Join(root, "link-to-site") + "（即 " + dir + "）：这是站点目录本身，" + source},
		{filepath.Join(dir, "content"), "不能输出到 " + filepath.Join(dir, "content") + "：它在站点的 content/ 里，那里是输入文件；" + other},
		{filepath.Join(dir, "data"), "不能输出到 " + filepath.Join(dir, "data") + "：它在站点的 data/ 里，那里是输入文件；" + other},
		{filepath.Join(dir, "layouts"), "不能输出到 " + filepath.Join(dir, "layouts") + "：它在站点的 layouts/ 里，那里是输入文件；" + other},
		{filepath.Join(dir, "content", "new"), "不能输出到 " + filepath.Join(dir, "content", "new") + "：它在站点的 content/ 里，那里是输入文件；" + other},
		{dir + "/data/../content", "不能输出到 " + dir + "/data/../content（即 " + filepath.Join(dir, "content") + "）：它在站点的 content/ 里，那里是输入文件；" + other},
		{filepath.Join(root, "link-to-content"), "不能输出到 " + filepath.Join(root, "link-to-content") + "（即 " + filepath.Join(dir, "content") + "）：它在站点的 content/ 里，那里是输入文件；" + other},
		{filepath.Join(dir, ".git"), "不能输出到 " + filepath.Join(dir, ".git") + "：它在站点的 .git/ 里，那里是输入文件；" + other},
		{filepath.Join(dir, "static", "pub"), "不能输出到 " + filepath.Join(dir, "static", "pub") + "：它在站点的 static/ 里，那里是输入文件；" + other},
		{filepath.Join(dir, "docs"), "不能输出到 " + filepath.Join(dir, "docs") + "：" + foreign},
		{filepath.Join(root, "home", "Documents"), "不能输出到 " + filepath.Join(root, "home", "Documents") + "：" + foreign},
		{filepath.Join(dir, "config.toml"), "不能输出到 " + filepath.Join(dir, "config.toml") + "：它是一个文件，不是目录；请用 -d 指定一个目录"},
		{filepath.Join(root, "dangling"), "不能输出到 " + filepath.Join(root, "dangling") + "：它是指向 " + filepath.Join(root, "nowhere") + " 的符号链接，目标不存在；请先创建目标目录，或删除这个链接"},
	} {
		before := treeDigest(t, root)
		code, stdout, stderr := runSafely(t, "build", "-s", dir, "-d", c.dest)
		if want := "tongbao: " + c.want + "\n"; code != 1 || stdout != "" || stderr != want {
			t.Errorf("-d %s: exit %d, stdout %q, stderr:\n%s\nwant exit 1 and:\n%s", c.dest, code, stdout, stderr, want)
		}
		if treeDigest(t, root) != before {
			t.Fatalf("-d %s changed the files", c.dest)
		}
	}
}

// foreign is the reason a folder that is neither empty nor tongbao's is
// refused.
const foreign = "这个目录里已有别的文件，却没有 tongbao 的清单 " + build.ManifestName + "，不是 tongbao 生成的；tongbao 只写入不存在的、空的或它生成过的目录。请确认里面的文件不再需要后清空它，或用 -d 指定另一个目录"

// TestDestinationAccepted: a missing folder, an empty one and one that a
// build made are tongbao's.
func TestDestinationAccepted(t *testing.T) {
	dir := badSite(t, "")
	root := filepath.Dir(dir)
	empty := filepath.Join(root, "empty")
	os.Mkdir(empty, 0o755)
	for _, dest := range []string{filepath.Join(root, "missing", "public"), empty, empty, filepath.Join(dir, "public")} {
		if code, _, stderr := runCmd("build", "-s", dir, "-d", dest); code != 0 {
			t.Errorf("-d %s: exit %d: %s", dest, code, stderr)
			continue
		}
		if err := checkTree(dest); err != nil {
			t.Errorf("-d %s: %v", dest, err)
		}
	}
	if !strings.HasPrefix(dir, root) {
		t.Fatal(dir, root)
	}
}
