package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"tongbao/internal/site"
	"tongbao/internal/theme"
)

// cmdLayouts shows the built-in theme (internal/theme), the start of any
// override: with no name it lists every built-in file, saying which the
// site in -s overrides and which files of its layouts/ override nothing
// (a misspelt name is never used); with names it prints each file, or
// with --copy writes each into the site's layouts/, where an edit of it
// overrides the built-in one. Copying is safer than redirecting the
// printed file: Windows PowerShell's > writes UTF-16, which tongbao
// refuses. A copy's first line records the built-in file's hash, by
// which the loader tells when that file has changed since; --diff shows
// how the site's file and the built-in one differ now.
func cmdLayouts(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("layouts", flag.ContinueOnError)
	src := flags.String("s", ".", "站点目录")
	flags.StringVar(src, "source", ".", "站点目录")
	cp := flags.Bool("copy", false, "把内置文件复制到站点的 layouts/ 下，作为修改的起点")
	diff := flags.Bool("diff", false, "逐行比较站点 layouts/ 下的文件和现在的内置文件（列出全部不同，站点自己的修改也在内）")
	names, ok := parse(flags, args, stderr)
	if !ok {
		return 2
	}
	builtin := theme.Names()
	for i, name := range names {
		// Windows's separator, as PowerShell's completion writes a
		// path: no built-in name has a backslash.
		name = strings.ReplaceAll(name, `\`, "/")
		names[i] = name
		if !slices.Contains(builtin, name) {
			hint := "不带参数运行 tongbao layouts 可列出全部内置文件"
			if near := site.NearestPath(name, builtin); near != "" {
				hint = "是否为“" + near + "”？" + hint
			}
			fmt.Fprintf(stderr, "tongbao layouts: 内置主题没有“%s”（%s）\n", name, hint)
			return 1
		}
	}
	switch {
	case *cp && *diff:
		fmt.Fprintln(stderr, "tongbao layouts: --copy 和 --diff 只能用一个")
		return 2
	case len(names) == 0 && *cp:
		fmt.Fprintln(stderr, "tongbao layouts: --copy 需要文件名，如：tongbao layouts --copy partials/footer.html")
		return 2
	case len(names) == 0 && *diff:
		fmt.Fprintln(stderr, "tongbao layouts: --diff 需要文件名，如：tongbao layouts --diff partials/footer.html")
		return 2
	case *diff:
		return diffLayouts(*src, names, stdout, stderr)
	case len(names) == 0:
		listLayouts(*src, builtin, stdout)
		return 0
	case !*cp:
		for _, name := range names {
			b, _ := theme.Read(name)
			stdout.Write(b)
		}
		return 0
	}
	if fi, err := os.Stat(*src); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "tongbao layouts: 站点目录“%s”不存在\n", *src)
		return 1
	}
	for _, name := range names {
		p, err := theme.Copy(*src, name)
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(stderr, "tongbao layouts: %s 已存在，未改动（它已覆盖内置文件；要从内置文件重新开始，请先删除它）\n", filepath.Join(*src, "layouts", filepath.FromSlash(name)))
			return 1
		}
		if err != nil {
			fmt.Fprintln(stderr, "tongbao layouts:", err)
			return 1
		}
		fmt.Fprintf(stdout, "tongbao: 已复制到 %s，修改它即覆盖内置的 %s\n", p, name)
	}
	return 0
}

// diffLayouts prints, for each name, how the site's layouts/<name> in
// dir differs from the built-in file now, as a unified diff from the
// site's file to the built-in one. The built-in file as it was when
// copied is not at hand (a copy's record keeps only its hash), so the
// diff shows every difference, the site's own edits among them. The
// copy's record (its first line) is left out of the comparison.
func diffLayouts(dir string, names []string, stdout, stderr io.Writer) int {
	code := 0
	for _, name := range names {
		rel := "layouts/" + name
		mine, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "tongbao layouts: 站点没有 %s，没有可比较的（站点用的就是内置的 %s）\n", rel, name)
			return 1
		}
		if err != nil {
			fmt.Fprintln(stderr, "tongbao layouts:", err)
			return 1
		}
		builtin, _ := theme.Read(name)
		if !utf8.Valid(mine) && utf8.Valid(builtin) {
			// A text saved in another encoding, which build refuses
			// too: UTF-16 from PowerShell's >, GBK from an old editor.
			refused := "生成时也不接受它："
			if strings.HasPrefix(name, "assets/") {
				refused = "" // published as it is
			}
			fmt.Fprintf(stderr, "tongbao layouts: %s 不是 UTF-8 编码，不逐行比较（%s请以 UTF-8 保存；Windows PowerShell 的 > 写的是 UTF-16）\n", rel, refused)
			code = 1
			continue
		}
		if !utf8.Valid(mine) || !utf8.Valid(builtin) {
			if bytes.Equal(mine, builtin) {
				fmt.Fprintf(stdout, "%s 与内置的 %s 相同\n", rel, name)
			} else {
				fmt.Fprintf(stdout, "%s 与内置的 %s 不同（不是文本文件，不逐行比较）\n", rel, name)
			}
			continue
		}
		text := strings.ReplaceAll(strings.TrimPrefix(string(mine), "\ufeff"), "\r\n", "\n")
		skip, same := 0, ""
		if _, _, n, ok := theme.ParseRecord([]byte(text)); ok {
			if strings.HasSuffix(text[:n], "\n") {
				skip = 1
			}
			text, same = text[n:], "（第一行的复制记录除外）"
		}
		d, ok := lineDiff(rel+"（本站）", "内置的 "+name+"（现在的）", splitLines(text), splitLines(string(builtin)), skip)
		if !ok {
			fmt.Fprintf(stdout, "%s 与内置的 %s 不同（不同之处过长，不逐行比较）\n", rel, name)
			continue
		}
		if d == "" {
			fmt.Fprintf(stdout, "%s 与内置的 %s 相同%s\n", rel, name, same)
		}
		io.WriteString(stdout, d)
	}
	return code
}

// changedSince is what the listing adds to a copy, at path, of the
// built-in file name that has changed since (site.ChangedSinceCopy, what
// the loader warns of too), but the listing is where one looks for what
// to merge.
func changedSince(path, name string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	if recorded, _, _, changed := site.ChangedSinceCopy(b); !changed || recorded != name {
		return ""
	}
	return "（复制以后内置文件已改：tongbao layouts --diff " + name + "）"
}

// customCSS is the stylesheet of a site's own that the built-in
// partials/head.html links after the theme's, where the site has it.
const customCSS = "assets/css/custom.css"

// customCSSUnlinked is what the listing adds to custom.css when the site's
// own partials/head.html, in place of the built-in one that links it,
// does not name it: the listing is read for what a site's files do, and
// would otherwise say of its colours what is not so (the loader warns of
// it too, with base.html's case).
func customCSSUnlinked(root string) string {
	b, err := os.ReadFile(filepath.Join(root, "partials", "head.html"))
	if err != nil || bytes.Contains(b, []byte("custom.css")) {
		return ""
	}
	return "；站点自己的 partials/head.html 却没有链接它，它的样式不会用到"
}

// listLayouts prints every built-in file, those the site in dir overrides
// marked, then the files of the site's layouts/ that override none.
func listLayouts(dir string, builtin []string, stdout io.Writer) {
	own := map[string]bool{}
	root := filepath.Join(dir, "layouts")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
			rel, _ := filepath.Rel(root, p)
			own[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	fmt.Fprintln(stdout, "内置主题的文件（站点 layouts/ 下同名的文件覆盖它们）：")
	for _, name := range builtin {
		if own[name] {
			fmt.Fprintf(stdout, "  %-32s 已覆盖：layouts/%s%s\n", name, name, changedSince(filepath.Join(root, filepath.FromSlash(name)), name))
			delete(own, name)
		} else {
			fmt.Fprintf(stdout, "  %s\n", name)
		}
	}
	if len(own) > 0 {
		fmt.Fprintln(stdout, "站点 layouts/ 中不覆盖任何内置文件的文件（自己的模板、资源，或写错了名字）：")
		var rest []string
		for name := range own {
			rest = append(rest, name)
		}
		slices.Sort(rest)
		for _, name := range rest {
			if name == customCSS {
				fmt.Fprintf(stdout, "  layouts/%s（站点自己的样式表：内置的 partials/head.html 在 site.css 之后链接它%s）\n", name, customCSSUnlinked(root))
			} else if near := site.NearestPath(name, builtin); near != "" {
				fmt.Fprintf(stdout, "  layouts/%s（是否应为 layouts/%s？）\n", name, near)
			} else {
				fmt.Fprintf(stdout, "  layouts/%s\n", name)
			}
		}
	}
	fmt.Fprintln(stdout, "查看：tongbao layouts 文件名；复制到站点再修改：tongbao layouts --copy 文件名")
}
