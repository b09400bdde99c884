package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCheckFindsStaticCollisions: check finds every file of static/ that
// the build could not publish, as build and build --verify do, with the
// same lines and exit 1 — one on the path of an output, one below a path
// the build writes a file to (a folder of them told once), one on a
// folder the build writes into (tongbao's own, a page's, a circular's,
// named by that folder's own page) — and passes over one that sits
// beside the build's files in a folder of theirs.
func TestCheckFindsStaticCollisions(t *testing.T) {
	dir := sampleSiteCopy(t)
	for name, body := range map[string]string{
		"static/index.html":        "<p>自制首页</p>",
		"static/feed.xml/a.txt":    "a",
		"static/feed.xml/b.txt":    "b",
		"static/units":             "u",
		"static/about":             "关于",
		"static/circulars/2023/14": "x",
		"static/circulars/x.pdf":   "%PDF",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		"static/about:1:1: static/ 中的文件原样发布在 /about，而 content/about.md 生成的 /about/index.html 要以 /about/ 为文件夹；请给它改名或删去它",
		"static/circulars/2023/14:1:1: static/ 中的文件原样发布在 /circulars/2023/14，而 content/circulars/2023-02.md 生成的 /circulars/2023/14/index.html 要以 /circulars/2023/14/ 为文件夹；请给它改名或删去它",
		"static/feed.xml/a.txt:1:1: static/ 中的文件原样发布在 /feed.xml/a.txt，要有文件夹 /feed.xml/，而 /feed.xml 已由 tongbao 的Atom 订阅 生成为文件；请给文件夹 static/feed.xml/ 改名或删去它",
		"static/index.html:1:1: static/ 中的文件原样发布在 /index.html，而这个路径已由 tongbao 的首页 生成；请给它改名或删去它",
		"static/units:1:1: static/ 中的文件原样发布在 /units，而 tongbao 的单位索引页 生成的 /units/index.html 要以 /units/ 为文件夹；请给它改名或删去它",
		"tongbao: 发现 5 个问题，未写入任何文件",
	}
	for _, args := range [][]string{{"check"}, {"build"}, {"build", "--verify"}} {
		code, out, errOut := runCmd(append(args, "-s", dir)...)
		got := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
		if code != 1 || out != "" || !slices.Equal(got, want) {
			t.Errorf("%v: exit %d, stdout %q, stderr\n%s\nwant exit 1 and\n%s", args, code, out, errOut, strings.Join(want, "\n"))
		}
	}
}
