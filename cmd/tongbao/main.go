// Command tongbao builds, checks and previews a site of government
// circulars (通报). See README.md and DESIGN.md §10.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"

	"tongbao/internal/build"
	"tongbao/internal/diag"
)

const usage = `tongbao —— 政府通报静态网站生成器

用法：
  tongbao init   目录                                       新建一个机关的站点：每个配置项都有说明，可立即生成
  tongbao build  [-s 目录] [-d 输出目录] [--baseURL 网址] [--verify] [--without YYYY-MM] [--changes 文件]
                                                           生成网站到 public/；--verify：另一进程再生成一次，逐字节相同才发布；
                                                           --without：不含最新的这个月的数据和通报（尚未齐全时先发布其余页面）；
                                                           --changes：把与上次生成相比新增、改动、删去的文件列入这个文件
  tongbao check  [-s 目录] [--links] [--without YYYY-MM]    检查全部输入，不写任何文件；--links 另查站内链接
  tongbao gen-demo 目录 [--years N] [--seed N] [-s 目录]     生成演示站点（虚构数据，默认5年）
  tongbao serve  [-s 目录] [--bind 地址] [--port 端口] [--allow-host 主机名]
                                                           本地预览（默认 127.0.0.1:1313），保存即刷新
  tongbao new    YYYY-MM [-s 目录] [--xlsx]                 根据上月生成新月份的数据文件和通报草稿；--xlsx：另生成填报工作簿 data/YYYY-MM.xlsx
  tongbao export YYYY-MM 文件.xlsx [-s 目录] [--force] [--departments]
                                                           把一个月的数据导出为填报工作簿（尚未填写的数值留空）；
                                                           --departments：给每个责任单位各写一份只含其指标的工作簿，放在给出的文件夹中
  tongbao import YYYY-MM 文件… [-s 目录] [--force] [--merge] [--dry-run]
                                                           从填好的工作簿（.xlsx）或 CSV 表（.csv）生成 data/YYYY-MM.toml，先检查，有问题什么也不写；
                                                           CSV 表并入已有的月份文件，--merge：工作簿也只并入新填的内容
                                                           （与已有的不同时，--force 以导入的为准）；多个文件逐个并入，一起写入；
                                                           --dry-run：只列出将有的改动
  tongbao layouts [文件名…] [--copy | --diff] [-s 目录]      列出内置主题的文件（标出站点已覆盖的）；带文件名则显示其内容；
                                                           --copy：复制到站点的 layouts/ 下，修改它即覆盖内置文件（第一行记下内置文件的指纹，
                                                           内置文件此后改了，build、check 和预览提醒）；
                                                           --diff：逐行比较站点的这个文件和现在的内置文件（列出全部不同，站点自己的修改也在内）
  tongbao version                                          显示版本
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status, so tests
// can drive every command in-process.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "build":
		return cmdBuild(args, stdout, stderr)
	case "check":
		return cmdCheck(args, stdout, stderr)
	case "gen-demo":
		return cmdGenDemo(args, stdout, stderr)
	case "serve", "server":
		return cmdServe(args, stdout, stderr)
	case "new":
		return cmdNew(args, stdout, stderr)
	case "export":
		return cmdExport(args, stdout, stderr)
	case "import":
		return cmdImport(args, stdout, stderr)
	case "init":
		return cmdInit(args, stdout, stderr)
	case "layouts":
		return cmdLayouts(args, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "tongbao", version())
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "tongbao: 未知命令“%s”\n\n%s", cmd, usage)
	return 2
}

// stampedVersion is the release's version, set when the binary is linked
// (scripts/release.sh: -ldflags "-X main.stampedVersion=v1.2.0").
var stampedVersion string

// version says which tongbao this is: the stamped release version, the
// module version of `go install tongbao@v…`, or a development build with
// the commit it was built from when the build recorded one — and the Go
// release and platform it was built with.
func version() string {
	v := stampedVersion
	if v == "" {
		bi, ok := debug.ReadBuildInfo()
		switch {
		case ok && bi.Main.Version != "" && bi.Main.Version != "(devel)":
			v = bi.Main.Version
		case ok:
			settings := map[string]string{}
			for _, s := range bi.Settings {
				settings[s.Key] = s.Value
			}
			v = develVersion(settings)
		default:
			v = develVersion(nil)
		}
	}
	return fmt.Sprintf("%s (%s %s/%s)", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// develVersion describes a build that was not released, from the version
// control settings the Go tool recorded in it (vcs.revision, vcs.time,
// vcs.modified).
func develVersion(vcs map[string]string) string {
	rev := vcs["vcs.revision"]
	if rev == "" {
		return "开发版本"
	}
	var parts []string
	parts = append(parts, "提交 "+rev[:min(12, len(rev))])
	if t := vcs["vcs.time"]; t != "" {
		parts = append(parts, t)
	}
	if vcs["vcs.modified"] == "true" {
		parts = append(parts, "有未提交的修改")
	}
	return "开发版本（" + strings.Join(parts, "，") + "）"
}

// parse parses flags wherever they stand among the arguments (Go's flag
// package stops at the first non-flag), returning the positional ones.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, bool) {
	// The flag package's own words are English ("flag provided but not
	// defined"); its errors are said here in Chinese, with the options.
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if !errors.Is(err, flag.ErrHelp) {
				fmt.Fprintf(stderr, "tongbao %s: %s\n", fs.Name(), flagError(err))
			}
			printFlags(stderr, fs)
			return nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, true
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), true
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// flagError says in Chinese what the flag package's err says.
func flagError(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "没有 --" + name + " 这个选项"
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return "--" + name + " 后面缺少值"
	}
	if m := flagValueRE.FindStringSubmatch(msg); m != nil {
		why := m[3]
		switch why {
		case "parse error", "value out of range":
			why = "应为整数"
		}
		return fmt.Sprintf("--%s 的值“%s”无效：%s", m[2], m[1], why)
	}
	return msg
}

// flagValueRE is the flag package's error for a value its flag refused.
var flagValueRE = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for flag -(\S+): (.*)$`)

// printFlags lists fs's options in Chinese, as -h shows them.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "tongbao %s 的选项：\n", fs.Name())
	fs.VisitAll(func(f *flag.Flag) {
		value := " 值"
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			value = ""
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" {
			def = "（默认 " + f.DefValue + "）"
		}
		fmt.Fprintf(w, "  --%s%s\n    \t%s%s\n", f.Name, value, f.Usage, def)
	})
}

func siteFlags(fs *flag.FlagSet, opts *build.Options) {
	fs.StringVar(&opts.Source, "s", ".", "站点目录")
	fs.StringVar(&opts.Source, "source", ".", "站点目录")
}

// withoutFlag adds --without, which may be given more than once or
// list months with commas.
func withoutFlag(fs *flag.FlagSet, opts *build.Options) {
	fs.Func("without", "不含这个月（最新的，YYYY-MM）的数据和通报；可重复", func(v string) error {
		for m := range strings.SplitSeq(v, ",") {
			if m = strings.TrimSpace(m); m != "" {
				opts.Without = append(opts.Without, m)
			}
		}
		return nil
	})
}

// reportBuild is report for build and check, which also says, when every
// problem is in the newest months, how to go on without them.
func reportBuild(stderr io.Writer, cmd string, args []string, err error) int {
	code := report(stderr, err)
	var inc *build.IncompleteError
	if errors.As(err, &inc) {
		line := "tongbao " + cmd
		for _, a := range args {
			line += " " + shellWord(a)
		}
		for _, m := range inc.Months {
			line += " --without " + m
		}
		what := "要先发布其余页面，运行"
		if cmd == "check" {
			what = "要只检查其余部分，运行"
		}
		fmt.Fprintf(stderr, inc.Kind.Reword().Replace("tongbao: 这些问题都在最新的 %s 的数据和通报中（这个月尚未齐全）；%s %s\n"), strings.Join(inc.Months, "、"), what, line)
	}
	return code
}

// shellWord is a command-line argument as it would be typed in a shell.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?&;|<>()[]{}~#") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	var opts build.Options
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	siteFlags(fs, &opts)
	withoutFlag(fs, &opts)
	fs.StringVar(&opts.Dest, "d", "", "输出目录（默认为站点目录下的 public/）")
	fs.StringVar(&opts.Dest, "destination", "", "输出目录")
	fs.StringVar(&opts.BaseURL, "baseURL", "", "覆盖 config.toml 的 baseURL")
	verify := fs.Bool("verify", false, "在另一进程（不同时区和 GOMAXPROCS）中再生成一次，两次逐字节相同才发布")
	changes := fs.String("changes", "", "把与上次生成相比新增、改动、删去的文件列入这个文件（每行：新增、改动或删去，制表符，路径），供上传时对照")
	if rest, ok := parse(fs, args, stderr); !ok || len(rest) > 0 {
		return usageError(stderr, "build", rest)
	}
	opts.Warn = warn(stderr)
	if *changes != "" {
		if err := checkChangesFile(*changes, build.Dest(opts)); err != nil {
			return report(stderr, err)
		}
	}
	// Not a flag: only bench/run.sh builds without the search index, to
	// measure what the index costs.
	opts.NoSearchIndex = os.Getenv("TONGBAO_BENCH_NO_SEARCH_INDEX") == "1"
	// Ctrl+C (SIGINT) or SIGTERM stops the build, which removes what it
	// had written and leaves the output as it was; one that has begun to
	// replace the output finishes first.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *verify {
		exe, err := os.Executable()
		if err != nil {
			return report(stderr, err)
		}
		st, rep, err := build.BuildVerified(ctx, opts, exe)
		if err != nil {
			return reportBuild(stderr, "build", args, err)
		}
		fmt.Fprintf(stdout, "tongbao: 已生成 %s：%s\ntongbao: %s\n", build.Dest(opts), st, rep)
		return built(stdout, stderr, opts, st, *changes)
	}
	st, err := build.Build(ctx, opts)
	if err != nil {
		return reportBuild(stderr, "build", args, err)
	}
	fmt.Fprintf(stdout, "tongbao: 已生成 %s：%s\n", build.Dest(opts), st)
	return built(stdout, stderr, opts, st, *changes)
}

// built says what a build published beyond its statistics: what it left
// out (--without), the files in the output that are not tongbao's, which
// it kept, and what it changed since the build before, whose list it
// writes to the file --changes names.
func built(stdout, stderr io.Writer, opts build.Options, st build.Stats, changes string) int {
	sayWithout(stdout, opts, st)
	if note := st.ForeignNote(build.Dest(opts)); note != "" {
		fmt.Fprintf(stdout, "tongbao: %s\n", note)
	}
	c := st.Changes
	listed := ""
	if changes != "" {
		if err := writeChanges(changes, c); err != nil {
			fmt.Fprintf(stderr, "tongbao: 已生成，但无法写入改动清单：%v\n", err)
			return 1
		}
		listed = "，改动清单已写入 " + changes
	}
	// The manifest is named apart from the files it lists, as the
	// build's statistics and --verify count them.
	var parts []string
	manifest, added := "", 0
	for _, p := range kinds(c) {
		n := len(p.paths)
		if slices.Contains(p.paths, build.ManifestName) {
			manifest = p.what
			n--
		}
		if p.what == "新增" {
			added = n
		}
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 个", p.what, n))
		}
	}
	switch {
	case st.AfterExample:
		fmt.Fprintf(stdout, "tongbao: 输出目录中上次生成的是 tongbao init 的示例站点，不与它比较：%d 个文件和清单 %s 都算作新增，上传时请上传整个输出目录%s\n", added, build.ManifestName, listed)
	case st.First:
		if listed != "" {
			fmt.Fprintf(stdout, "tongbao: 输出目录中没有上次生成的清单，%d 个文件和清单 %s 都算作新增%s\n", added, build.ManifestName, listed)
		}
	case c.None():
		fmt.Fprintf(stdout, "tongbao: 与上次生成的完全相同，不必重新上传%s\n", listed)
	default:
		said := strings.Join(parts, "、") + "文件"
		switch {
		case len(parts) == 0: // a manifest an older tongbao wrote otherwise
			said = "只有清单 " + build.ManifestName + " " + manifest
		case manifest != "":
			said += "，另有清单 " + build.ManifestName + " " + manifest
		}
		if listed == "" {
			listed = "（--changes 文件 可列出它们）"
		}
		fmt.Fprintf(stdout, "tongbao: 与上次生成相比，%s%s\n", said, listed)
	}
	return 0
}

// checkChangesFile refuses a list of changes inside the output, which the
// build replaces, before anything is built.
func checkChangesFile(name, dest string) error {
	file, err := filepath.Abs(name)
	if err != nil {
		return err
	}
	out, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(out, file); err == nil && filepath.IsLocal(rel) {
		return fmt.Errorf("--changes 的文件 %s 在输出目录 %s 中：生成会替换输出目录，请写在它外面", name, dest)
	}
	return nil
}

// A change is a kind of change, in the words of the list, and its files.
type change struct {
	what  string
	paths []string
}

func kinds(c *build.Changes) []change {
	return []change{{"新增", c.Added}, {"改动", c.Changed}, {"删去", c.Removed}}
}

// writeChanges writes the list of changes: a line for each file, its
// change (新增, 改动, 删去), a tab and its path, the kinds in that order
// and paths sorted within each — for a script to read as for a person.
func writeChanges(name string, c *build.Changes) error {
	var b strings.Builder
	for _, p := range kinds(c) {
		for _, path := range p.paths {
			b.WriteString(p.what + "\t" + path + "\n")
		}
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// sayWithout names what a build with --without left out.
func sayWithout(stdout io.Writer, opts build.Options, st build.Stats) {
	if len(opts.Without) == 0 {
		return
	}
	what := "的数据"
	if len(st.Held) > 0 {
		what += "和通报 " + strings.Join(st.Held, "、")
	}
	fmt.Fprintf(stdout, "tongbao: 未包含 %s %s（--without）\n", strings.Join(opts.Without, "、"), what)
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	var opts build.Options
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	siteFlags(fs, &opts)
	withoutFlag(fs, &opts)
	// Where the last build went, which check compares with (addresses
	// taken away, results changed): an office that builds elsewhere
	// than public/ says so here as to build.
	fs.StringVar(&opts.Dest, "d", "", "上次生成的输出目录，与之对照（默认为站点目录下的 public/）")
	fs.StringVar(&opts.Dest, "destination", "", "上次生成的输出目录")
	links := fs.Bool("links", false, "另外检查每个站内链接和资源引用（以 baseURL “/” 和子路径 “"+build.SubPath+"” 各生成一次，不写文件）")
	if rest, ok := parse(fs, args, stderr); !ok || len(rest) > 0 {
		return usageError(stderr, "check", rest)
	}
	opts.Warn = warn(stderr)
	if !*links {
		if _, err := build.Render(opts); err != nil {
			return reportBuild(stderr, "check", args, err)
		}
		return 0
	}
	rep, err := build.CheckLinks(opts)
	if err != nil {
		return reportBuild(stderr, "check", args, err)
	}
	if len(rep.Broken) > 0 {
		for _, d := range rep.Broken {
			fmt.Fprintln(stderr, d)
		}
		fmt.Fprintf(stderr, "tongbao: 发现 %d 个失效链接（%s）\n", len(rep.Broken), rep)
		return 1
	}
	fmt.Fprintf(stdout, "tongbao: 链接全部有效：%s\n", rep)
	return 0
}

// warn prints each warning on a line of its own; it leaves the exit
// status 0.
func warn(stderr io.Writer) func(diag.Diagnostic) {
	return func(d diag.Diagnostic) { fmt.Fprintln(stderr, d) }
}

func usageError(stderr io.Writer, cmd string, rest []string) int {
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "tongbao %s: 多余的参数：%s\n", cmd, strings.Join(rest, " "))
	}
	return 2
}

// report prints every diagnostic, one per line, and returns exit status 1.
func report(stderr io.Writer, err error) int {
	if n := problems(stderr, err); isList(err) {
		fmt.Fprintf(stderr, "tongbao: 发现 %d 个问题，未写入任何文件\n", n)
	}
	return 1
}

// isList reports whether err is diagnostics, and some.
func isList(err error) bool {
	var l diag.List
	return errors.As(err, &l) && len(l) > 0
}

// problems prints every diagnostic of err, one per line, or err, and
// returns how many problems that is: a diag.List's length, else 1. The
// count of every file's, when several are read, is said once after.
func problems(stderr io.Writer, err error) int {
	lines := diag.Lines(err)
	var l diag.List
	if errors.As(err, &l) && len(l) > 0 {
		for _, line := range lines {
			fmt.Fprintln(stderr, line)
		}
		return len(l)
	}
	fmt.Fprintln(stderr, "tongbao:", strings.Join(lines, "\n"))
	return 1
}
