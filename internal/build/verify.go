package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// A Reproduction says how the second build of a verified build was run and
// what it matched.
type Reproduction struct {
	TZ         string // the child's time zone
	GOMAXPROCS int    // the child's GOMAXPROCS
	Files      int    // files compared besides the manifest, as Stats counts them
}

func (r Reproduction) String() string {
	return fmt.Sprintf("已验证可复现：另一进程（TZ=%s，GOMAXPROCS=%d）生成的 %d 个文件和清单 %s 逐字节相同", r.TZ, r.GOMAXPROCS, r.Files, ManifestName)
}

// NotReproducibleError is returned by BuildVerified when the two builds
// differ. Paths are the differing files, sorted.
type NotReproducibleError struct {
	Reproduction
	Paths []string
}

func (e *NotReproducibleError) Error() string {
	return fmt.Sprintf("两次生成的结果不同（第二次在 TZ=%s、GOMAXPROCS=%d 下运行），共 %d 个文件不同：%s；输出目录保持不变",
		e.TZ, e.GOMAXPROCS, len(e.Paths), listPaths(e.Paths, 5))
}

// BuildVerified is Build that publishes only a reproducible result. It
// renders the site here and writes it beside the output, then has exe (a
// tongbao binary, normally this very one) build the same input again in a
// child process with another time zone and another GOMAXPROCS, into a
// temporary folder. Only when the two trees are byte-for-byte the same —
// every file and the manifest — is the first swapped in, as Build would;
// otherwise the output is left as it was and a *NotReproducibleError names
// the differing files.
//
// Nothing the output depends on may vary with the clock, the zone, the
// scheduler or map order; this is how that promise is checked on the
// machine that publishes.
//
// Cancelling ctx stops the child too and leaves the output as it was.
func BuildVerified(ctx context.Context, opts Options, exe string) (Stats, Reproduction, error) {
	start := time.Now()
	rep := Reproduction{TZ: otherZone(), GOMAXPROCS: otherProcs()}
	outputs, s, held, err := renderHeld(opts)
	if err != nil {
		return Stats{}, rep, err
	}
	p, err := prepare(opts, source(opts), outputs, s.Example)
	if err != nil {
		return Stats{}, rep, err
	}
	published := false
	defer func() {
		if !published {
			p.discard()
		}
	}()
	first := p.written()
	rep.Files = len(first.Files) - 1 // the manifest is named apart

	second, err := os.MkdirTemp("", "tongbao-verify-")
	if err != nil {
		return Stats{}, rep, err
	}
	defer os.RemoveAll(second)
	if err := rebuild(ctx, exe, opts, filepath.Join(second, "public"), rep); err != nil {
		if ctx.Err() != nil {
			return Stats{}, rep, ErrInterrupted
		}
		return Stats{}, rep, err
	}
	other, err := scanAll(filepath.Join(second, "public"))
	if err != nil {
		return Stats{}, rep, err
	}
	if diff := DiffManifests(first, other); len(diff) > 0 {
		return Stats{}, rep, &NotReproducibleError{Reproduction: rep, Paths: diff}
	}
	if ctx.Err() != nil {
		return Stats{}, rep, ErrInterrupted
	}
	published = true
	if err := p.publish(); err != nil {
		return Stats{}, rep, err
	}
	st := stats(outputs, start)
	st.Held = held
	st.changes(p.previous(), first)
	st.foreign(p.foreign())
	warnGone(s, st, opts)
	warnDisplaced(st, opts)
	return st, rep, nil
}

// rebuild runs `exe build` on the same input into dest, with the child's
// zone and GOMAXPROCS.
func rebuild(ctx context.Context, exe string, opts Options, dest string, rep Reproduction) error {
	src, err := filepath.Abs(source(opts))
	if err != nil {
		return err
	}
	args := []string{"build", "-s", src, "-d", dest}
	if opts.BaseURL != "" {
		args = append(args, "--baseURL", opts.BaseURL)
	}
	for _, m := range opts.Without {
		args = append(args, "--without", m)
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Env = append(withoutVars(os.Environ(), "TZ", "GOMAXPROCS"), "TZ="+rep.TZ, "GOMAXPROCS="+strconv.Itoa(rep.GOMAXPROCS))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("验证用的第二次生成失败（%s %s）：%v\n%s", exe, strings.Join(args, " "), err, strings.TrimSpace(out.String()))
	}
	return nil
}

// scanAll describes every file of a tree, the manifest included, so that a
// manifest that differs is caught as well as a page.
func scanAll(root string) (Manifest, error) {
	m, err := ScanTree(root)
	if err != nil {
		return m, err
	}
	data, err := os.ReadFile(filepath.Join(root, ManifestName))
	if err != nil {
		return m, err
	}
	m.Files = append(m.Files, entry(ManifestName, data, nil))
	m.sort()
	return m, nil
}

// otherZone is a time zone whose offset differs from this process's now:
// China's when this one is not, else UTC.
func otherZone() string {
	if _, off := time.Now().Zone(); off == 8*3600 {
		return "UTC"
	}
	return "Asia/Shanghai"
}

// otherProcs is a GOMAXPROCS other than this process's.
func otherProcs() int {
	if runtime.GOMAXPROCS(0) == 1 {
		return 2
	}
	return 1
}

func withoutVars(env []string, names ...string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		keep := true
		for _, n := range names {
			if name == n {
				keep = false
			}
		}
		if keep {
			out = append(out, kv)
		}
	}
	return out
}
