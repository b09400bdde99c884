package main

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestVersionStamped builds tongbao as scripts/release.sh does, with the
// version stamped in by the linker, and runs `tongbao version`.
func TestVersionStamped(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	exe := filepath.Join(t.TempDir(), "tongbao")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-X main.stampedVersion=v9.8.7-test", "-o", exe, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(exe, "version").CombinedOutput()
	want := "tongbao v9.8.7-test (" + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + ")\n"
	if err != nil || string(out) != want {
		t.Errorf("tongbao version: %q, %v; want %q", out, err, want)
	}
}

// TestVersionDevelopment: a build that was not stamped says it is a
// development build, with its commit when the build recorded one.
func TestVersionDevelopment(t *testing.T) {
	code, out, _ := runCmd("version")
	if code != 0 || !strings.HasPrefix(out, "tongbao 开发版本") || !strings.HasSuffix(out, " ("+runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH+")\n") {
		t.Errorf("version of a test binary: %q", out)
	}
	for _, c := range []struct {
		settings map[string]string
		want     string
	}{
		{nil, "开发版本"},
		{map[string]string{"vcs.revision": "0123456789abcdef0123", "vcs.time": "2026-11-26T10:00:00Z"}, "开发版本（提交 0123456789ab，2026-11-26T10:00:00Z）"},
		{map[string]string{"vcs.revision": "0123456789abcdef0123", "vcs.time": "2026-11-26T10:00:00Z", "vcs.modified": "true"}, "开发版本（提交 0123456789ab，2026-11-26T10:00:00Z，有未提交的修改）"},
	} {
		if got := develVersion(c.settings); got != c.want {
			t.Errorf("develVersion(%v) = %q, want %q", c.settings, got, c.want)
		}
	}
}
