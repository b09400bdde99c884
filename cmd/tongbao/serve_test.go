package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"tongbao/internal/serve"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeUntilCancelled runs the command's server on a free port, gets
// a page, and stops it as Ctrl-C would; public/ is never written.
func TestServeUntilCancelled(t *testing.T) {
	dir := sampleSiteCopy(t)
	var out, errOut lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- serveUntil(ctx, serve.Options{Source: dir, AllowHosts: []string{"preview.example.gov.cn"}}, "127.0.0.1:0", &out, &errOut)
	}()

	addrRE := regexp.MustCompile(`预览地址 (http://127\.0\.0\.1:\d+/)`)
	var url string
	for deadline := time.Now().Add(10 * time.Second); url == ""; {
		if m := addrRE.FindStringSubmatch(out.String()); m != nil {
			url = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("no address printed: %q %q", out.String(), errOut.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	resp, err := http.Get(url + "circulars/2023/14/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "双政办函〔2023〕14号") {
		t.Errorf("GET the circular: %d", resp.StatusCode)
	}
	for host, want := range map[string]int{"preview.example.gov.cn": 200, "attacker.example": 403} {
		req, _ := http.NewRequest("GET", url+"circulars/2023/14/", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
	// baseURL's path changed: the pages move, and the terminal says where.
	config := filepath.Join(dir, "config.toml")
	b, _ := os.ReadFile(config)
	if err := os.WriteFile(config, []byte(strings.Replace(string(b), `baseURL  = "/"`, `baseURL  = "/tongbao/"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	moved := "tongbao: baseURL 的路径改为 /tongbao/，预览地址现在是 " + url + "tongbao/\n"
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(out.String(), moved); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no new address printed: %q %q", out.String(), errOut.String())
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d: %s", code, errOut.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not stop")
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("serve wrote public/")
	}
	if !strings.Contains(out.String(), "已生成") || !strings.Contains(out.String(), "ms") {
		t.Errorf("no build line: %q", out.String())
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--port", "70000"},
		{"serve", "extra"},
		{"serve", "--nope"},
		{"serve", "--allow-host", "http://preview.example"},
		{"serve", "--allow-host", "preview.example:1313"},
		{"serve", "--allow-host", ""},
	} {
		if code, _, _ := runCmd(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, errOut := runCmd("serve", "-s", filepath.Join(t.TempDir(), "missing"), "--port", "0"); code != 1 || !strings.Contains(errOut, "不存在") {
		t.Errorf("missing site: exit %d, %q", code, errOut)
	}
	// -s given the site's config.toml, not its folder.
	file := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(file, nil, 0o644)
	if code, _, errOut := runCmd("serve", "-s", file, "--port", "0"); code != 1 || errOut != "tongbao serve: “"+file+"”是一个文件，不是站点目录：-s 应指定站点的目录（其中有 config.toml）\n" {
		t.Errorf("a file as the site: exit %d, %q", code, errOut)
	}
	// Started in a folder of a site: it says where the site is and
	// stops, rather than hold the port and wait for a save that would
	// never make the folder a site.
	site := t.TempDir()
	os.WriteFile(filepath.Join(site, "config.toml"), []byte("title = \"测试\"\n"), 0o644)
	data := filepath.Join(site, "data")
	os.Mkdir(data, 0o755)
	if code, _, errOut := runCmd("serve", "-s", data, "--port", "0"); code != 1 || !strings.Contains(errOut, "站点目录似乎是 "+site+"：在那里运行") {
		t.Errorf("a folder of a site: exit %d, %q", code, errOut)
	}
}

// TestFlagErrorsInChinese: the flag package's English is said in Chinese,
// followed by the command's options, with their defaults.
func TestFlagErrorsInChinese(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--port", "abc"}, "tongbao serve: --port 的值“abc”无效：应为整数\ntongbao serve 的选项：\n"},
		{[]string{"build", "--nope"}, "tongbao build: 没有 --nope 这个选项\ntongbao build 的选项：\n"},
		{[]string{"check", "-s"}, "tongbao check: --s 后面缺少值\ntongbao check 的选项：\n"},
		{[]string{"serve", "--allow-host", "a b"}, "tongbao serve: --allow-host 的值“a b”无效：主机名“a b”无效（只写名字，不带端口和 http://）\n"},
	} {
		code, _, errOut := runCmd(c.args...)
		if code != 2 || !strings.HasPrefix(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q first", c.args, code, errOut, c.want)
		}
		if strings.Contains(errOut, "flag") || strings.Contains(errOut, "Usage") || strings.Contains(errOut, "default") {
			t.Errorf("%v: English left in %q", c.args, errOut)
		}
	}
	if _, _, errOut := runCmd("serve", "--port", "x"); !strings.Contains(errOut, "  --port 值\n    \t端口（0 为任选一个空闲端口）（默认 1313）\n") {
		t.Errorf("the options of serve: %q", errOut)
	}
}
