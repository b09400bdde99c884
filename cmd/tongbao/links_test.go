package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckLinksSample(t *testing.T) {
	dir := sampleSiteCopy(t)
	code, out, errOut := runCmd("check", "--links", "-s", dir)
	if code != 0 || errOut != "" || !strings.HasPrefix(out, "tongbao: 链接全部有效：") {
		t.Fatalf("check --links on the sample: exit %d, stdout %q, stderr %q; want 0 and “链接全部有效”", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("check --links wrote public/")
	}
}

// A relative link in the about page to a page that does not exist is
// reported at its output file and line, under both base URLs; exit 1.
func TestCheckLinksBroken(t *testing.T) {
	dir := sampleSiteCopy(t)
	about := filepath.Join(dir, "content", "about.md")
	b, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(about, append(b, "\n另见[旧版通报](../old/)。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd("check", "-s", dir, "--links")
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q; want 1 and nothing on stdout", code, out)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if len(lines) != 3 {
		t.Fatalf("stderr has %d lines, want 2 diagnostics and a summary:\n%s", len(lines), errOut)
	}
	for i, suffix := range []string{
		": 链接失效：../old/（找不到 old/index.html）",
		": 链接失效：../old/（找不到 old/index.html）（baseURL 为 /tongbao/ 时）",
	} {
		if !strings.HasPrefix(lines[i], "public/about/index.html:") || !strings.HasSuffix(lines[i], suffix) {
			t.Errorf("line %d = %q, want public/about/index.html:<line>:<col>%s", i+1, lines[i], suffix)
		}
	}
	if !strings.HasPrefix(lines[2], "tongbao: 发现 2 个失效链接") {
		t.Errorf("summary %q", lines[2])
	}
}
