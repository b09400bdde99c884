package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestVerifyPasses runs `tongbao build --verify` as a user would, in
// Shanghai time with one processor; its second build must then run in UTC
// with two, and match byte for byte.
func TestVerifyPasses(t *testing.T) {
	exe := tongbaoBinary(t)
	dir := sampleCopy(t)
	cmd := exec.Command(exe, "build", "--verify", "-s", dir)
	cmd.Env = append(withoutVars(os.Environ(), "TZ", "GOMAXPROCS"), "TZ=Asia/Shanghai", "GOMAXPROCS=1")
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("build --verify: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	dest := filepath.Join(dir, "public")
	m, err := ReadManifest(dest)
	if err != nil {
		t.Fatal(err)
	}
	// The same count as the build's line, the manifest named apart.
	said := fmt.Sprintf("%d 个文件（另有清单 .tongbao-manifest.json），", len(m.Files))
	want := fmt.Sprintf("tongbao: 已验证可复现：另一进程（TZ=UTC，GOMAXPROCS=2）生成的 %d 个文件和清单 .tongbao-manifest.json 逐字节相同\n", len(m.Files))
	if !strings.HasSuffix(string(out), want) || !strings.Contains(string(out), said) {
		t.Errorf("output:\n%s\nwant it to say %q and end with:\n%s", out, said, want)
	}
	if err := CheckTree(dest); err != nil {
		t.Errorf("published tree: %v", err)
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("staging folders left: %v", l)
	}
}

// TestVerifyWithout: the second build of a verified build leaves out the
// months the first did; built with them, it would fail on the month being
// gathered.
func TestVerifyWithout(t *testing.T) {
	exe := tongbaoBinary(t)
	dir := sampleCopy(t)
	gatheringMarch(t, dir)
	var inc *IncompleteError
	if _, _, err := BuildVerified(context.Background(), Options{Source: dir}, exe); !errors.As(err, &inc) || !slices.Equal(inc.Months, []string{"2023-03"}) {
		t.Fatalf("build --verify while March is gathered: %v; want its problems, March named", err)
	}
	st, _, err := BuildVerified(context.Background(), Options{Source: dir, Without: []string{"2023-03"}}, exe)
	if err != nil {
		t.Fatalf("build --verify --without 2023-03: %v", err)
	}
	if !slices.Equal(st.Held, []string{"content/circulars/2023-03.md"}) {
		t.Errorf("left out %q, want March's circular", st.Held)
	}
}

// fakeTongbao writes a script that builds like tongbao and then runs
// tamper with the output folder ($dest) set: a build that is not
// reproducible, on demand.
func fakeTongbao(t *testing.T, exe, tamper string) string {
	t.Helper()
	script := filepath.Join(t.TempDir(), "tongbao-fake")
	body := `#!/bin/sh
"` + exe + `" "$@" || exit $?
while [ $# -gt 0 ]; do
  if [ "$1" = "-d" ]; then dest=$2; fi
  shift
done
` + tamper + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script
}

// TestVerifyCatchesDifference: when the second build differs, nothing is
// published, and the message names the differing files.
func TestVerifyCatchesDifference(t *testing.T) {
	exe := tongbaoBinary(t)
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	// A new page, so that a published tree would differ from the old one.
	if err := os.WriteFile(filepath.Join(dir, "content", "new.md"), []byte("+++\ntitle = \"新页面\"\n+++\n正文\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := treeState(t, dest)

	cases := []struct {
		name, tamper string
		paths        []string
	}{
		{"one page", `printf ' ' >> "$dest/index.html"`, []string{"index.html"}},
		{"an extra and a missing file", `touch "$dest/stray.txt"; rm "$dest/robots.txt"`, []string{"robots.txt", "stray.txt"}},
		{"the manifest", `printf ' ' >> "$dest/` + ManifestName + `"`, []string{ManifestName}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, rep, err := BuildVerified(context.Background(), Options{Source: dir}, fakeTongbao(t, exe, c.tamper))
			var nr *NotReproducibleError
			if !errors.As(err, &nr) {
				t.Fatalf("BuildVerified = %v, want a NotReproducibleError", err)
			}
			if !slices.Equal(nr.Paths, c.paths) {
				t.Errorf("differing files %v, want %v", nr.Paths, c.paths)
			}
			want := fmt.Sprintf("两次生成的结果不同（第二次在 TZ=%s、GOMAXPROCS=%d 下运行），共 %d 个文件不同：%s；输出目录保持不变",
				rep.TZ, rep.GOMAXPROCS, len(c.paths), strings.Join(c.paths, "、"))
			if err.Error() != want {
				t.Errorf("message:\n%s\nwant:\n%s", err, want)
			}
			sameTree(t, before, treeState(t, dest))
			if l := leftovers(t, dest); len(l) > 0 {
				t.Errorf("staging folders left: %v", l)
			}
		})
	}

	t.Run("second build fails", func(t *testing.T) {
		fail := filepath.Join(t.TempDir(), "tongbao-fail")
		os.WriteFile(fail, []byte("#!/bin/sh\necho 磁盘已满 >&2\nexit 1\n"), 0o755)
		_, _, err := BuildVerified(context.Background(), Options{Source: dir}, fail)
		if err == nil || !strings.HasPrefix(err.Error(), "验证用的第二次生成失败") || !strings.HasSuffix(err.Error(), "\n磁盘已满") {
			t.Errorf("BuildVerified = %v, want the second build's failure", err)
		}
		sameTree(t, before, treeState(t, dest))
	})

	// The same input with the real binary is published, the new page too.
	if _, _, err := BuildVerified(context.Background(), Options{Source: dir}, exe); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "new", "index.html")); err != nil {
		t.Errorf("the verified build was not published: %v", err)
	}
}

// TestVerifyRefusesBadBaseURL: a bad BaseURL is refused before the child
// build is started (the executable here does not exist).
func TestVerifyRefusesBadBaseURL(t *testing.T) {
	dir := sampleCopy(t)
	_, _, err := BuildVerified(context.Background(), Options{Source: dir, BaseURL: "//evil.example/"}, filepath.Join(t.TempDir(), "no-such-tongbao"))
	if err == nil || !strings.Contains(err.Error(), "--baseURL “//evil.example/” 无效") {
		t.Fatalf("err = %v, want the --baseURL refused", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("public/ was made: %v", err)
	}
}

// TestGatheringHidesNothing: while a month is being gathered, a problem
// of the rest of the site — a shortcode misspelt in a published circular
// — is told with the month's, and build does not advise --without the
// month, which would fail on it next.
func TestGatheringHidesNothing(t *testing.T) {
	dir := sampleCopy(t)
	gatheringMarch(t, dir)
	editSource(t, dir, "content/circulars/2023-02.md", `{{< indicators "重点工作" >}}`, `{{< indicator "重点工作" >}}`)
	_, err := Build(context.Background(), Options{Source: dir})
	var inc *IncompleteError
	if err == nil || errors.As(err, &inc) {
		t.Fatalf("build: %v; want the problems of March and of February's circular, without the advice to leave March out", err)
	}
	for _, want := range []string{"content/circulars/2023-02.md:16:", "content/circulars/2023-03.md:1:1"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("build: %v\nwant a problem at %s", err, want)
		}
	}
}

// gatheringMarch adds March to the sample in dir as tongbao new leaves
// it: a score to come, its circular not dated.
func gatheringMarch(t *testing.T, dir string) {
	t.Helper()
	feb, err := os.ReadFile(filepath.Join(dir, "data", "2023-02.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "2023-03.toml"), []byte(strings.Replace(string(feb), "[result.townships]\n", "[result.townships]\n# ", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	circular := "+++\nnumber = \"双政办函〔2023〕15号\"\ntitle = \"关于三月的通报\"\ndata = \"2023-03\"\n+++\n正文。\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "circulars", "2023-03.md"), []byte(circular), 0o644); err != nil {
		t.Fatal(err)
	}
}
