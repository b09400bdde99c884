package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"tongbao/internal/build"
	"tongbao/internal/diag"
	"tongbao/internal/sheet"
	"tongbao/internal/site"
)

// cmdExport writes a month's data as a workbook in the fill-in layout.
func cmdExport(args []string, stdout, stderr io.Writer) int {
	var departments bool
	opts, key, out, force, code := monthFileArgs("export", "文件.xlsx [-s 目录] [--force] [--departments]", "覆盖已有的文件", "2023-02 2023-02.xlsx", args, stderr, func(fs *flag.FlagSet) {
		fs.BoolVar(&departments, "departments", false, "为每个责任单位各写一份工作簿（只含其负责的指标），放在给出的文件夹中")
	})
	if code != 0 {
		return code
	}
	if !departments && filepath.Ext(out) != ".xlsx" {
		fmt.Fprintf(stderr, "tongbao export: 文件名“%s”应以 .xlsx 结尾\n", out)
		return 2
	}
	// Only the catalogue and this month need to be right: another month
	// half filled in (as new leaves it) is no reason not to export this one.
	s, err := site.LoadCatalogue(opts.Source)
	if err != nil {
		fmt.Fprintln(stderr, "tongbao export: 站点的设置、单位或指标有问题，请先修正（tongbao check）：")
		return report(stderr, err)
	}
	rel := "data/" + key + ".toml"
	src, err := os.ReadFile(filepath.Join(opts.Source, filepath.FromSlash(rel)))
	if err != nil {
		fmt.Fprintf(stderr, "tongbao export: 没有 %s 的数据（无法读取 %s）\n", key, rel)
		return 1
	}
	// A month still being filled in goes out with its missing scores as
	// empty cells: the workbook is where they may be filled.
	m, err := s.ParseDraftMonth(rel, src)
	if err != nil {
		fmt.Fprintf(stderr, "tongbao export: %s 有问题，请先修正：\n", rel)
		return report(stderr, err)
	}
	if departments {
		return exportDepartments(s, m, out, force, stdout, stderr)
	}
	book, err := sheet.Export(s, m)
	if err != nil {
		return report(stderr, err)
	}
	if err := writeAtomic(out, book, force); err != nil {
		return writeError(stderr, "export", out, err)
	}
	fmt.Fprintf(stdout, "tongbao: 已将 %s 的数据写入 %s\n", key, out)
	if n, noun := unscored(m); n > 0 {
		fmt.Fprintf(stdout, "本%s尚有 %d 个%s未填，在工作簿中留空；填好后用 tongbao import 导入\n", s.Assesses().Each(), n, noun)
	}
	return 0
}

// exportDepartments writes month m as one workbook for each department
// responsible for an indicator, into the folder dir, named by the
// department: what the office sends to each, to be merged when it comes
// back (import --merge).
func exportDepartments(s *site.Site, m *site.Month, dir string, force bool, stdout, stderr io.Writer) int {
	var written []string
	for _, d := range s.Owners() {
		if !d.InSpan(m.Key) { // renamed or merged before the month: its successor's; exempted from its rankings, still its owner
			continue
		}
		book, err := sheet.ExportFor(s, m, d)
		if err != nil {
			return report(stderr, err)
		}
		if book == nil {
			continue
		}
		name := filepath.Join(dir, fileName(d.Name)+".xlsx")
		if err := writeAtomic(name, book, force); err != nil {
			return writeError(stderr, "export", name, err)
		}
		written = append(written, filepath.Base(name))
	}
	if len(written) == 0 {
		fmt.Fprintln(stderr, "tongbao export: 没有指标写了责任单位（indicators.toml 的 owners），无法按责任单位分发")
		return 1
	}
	fmt.Fprintf(stdout, "tongbao: 已将 %s 的数据按责任单位写入 %s：%s\n", m.Key, dir, strings.Join(written, "、"))
	var orphans []string
	for _, ind := range s.Indicators {
		if len(ind.Owners) == 0 { // neither its scores nor its row of results is in any
			orphans = append(orphans, ind.Name)
		}
	}
	if len(orphans) > 0 {
		fmt.Fprintf(stdout, "没有责任单位的指标不在其中：%s\n", strings.Join(orphans, "、"))
	}
	fmt.Fprintf(stdout, "交回后运行 tongbao import %s 交回的工作簿.xlsx… --merge\n", m.Key)
	return 0
}

// fileName is name made safe as a file's name on every system.
func fileName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name)
}

// cmdImport reads a filled workbook or a CSV of scores into
// data/YYYY-MM.toml, checked as check would check the site with it
// (checkSite); on any problem it writes nothing. A CSV, or a workbook
// with --merge, is merged into the month's file if it has one
// (mergeFile); a workbook otherwise is the whole month and replaces it.
// Several files are merged in turn, and written once, all or none: the
// copies every department returned, in one command; the problems of
// each are said, named by the file. With --dry-run it says what it would
// do and how the file would change, and writes nothing.
func cmdImport(args []string, stdout, stderr io.Writer) int {
	var merge, dryRun bool
	opts, key, files, force, code := monthFilesArgs("import", "文件…（.xlsx 或 .csv） [-s 目录] [--force] [--merge] [--dry-run]", "覆盖已有的月份文件；并入时，与已有的不同的以导入的为准", "2023-03 2023-03.xlsx", true, args, stderr, func(fs *flag.FlagSet) {
		fs.BoolVar(&merge, "merge", false, "只把工作簿中新填的内容（各项的数值、排名、进展、加减分、奖励和约谈）并入已有的月份文件（CSV 总是并入）")
		fs.BoolVar(&dryRun, "dry-run", false, "只列出月份文件将有的改动，不写入")
	})
	if code != 0 {
		return code
	}
	inputs := make([][]byte, len(files))
	for i, in := range files {
		data, err := readInput(in)
		if err != nil {
			fmt.Fprintf(stderr, "tongbao import: 无法读取 %s：%v\n", in, err)
			return 1
		}
		inputs[i] = data
	}
	s, err := site.LoadCatalogue(opts.Source)
	if err != nil {
		fmt.Fprintln(stderr, "tongbao import: 站点的设置、单位或指标有问题，请先修正（tongbao check）：")
		return report(stderr, err)
	}
	rel := "data/" + key + ".toml"
	target := filepath.Join(opts.Source, filepath.FromSlash(rel))
	old, err := os.ReadFile(target)
	exists := err == nil
	in, data := files[0], inputs[0]
	if merge && !exists {
		fmt.Fprintf(stderr, "tongbao import: 没有 %s 可以并入：先运行 tongbao new %s，或去掉 --merge 以 %s 生成它\n", rel, key, in)
		return 1
	}
	workbooks := 0
	for i, f := range files {
		if sheet.IsWorkbook(f, inputs[i]) {
			workbooks++
		}
	}
	if exists && (merge || workbooks == 0) {
		return mergeFiles(s, opts.Source, rel, target, key, files, inputs, old, force, dryRun, stdout, stderr)
	}
	if len(files) > 1 {
		fmt.Fprintf(stderr, "tongbao import: 多个文件只能逐个并入已有的 %s（先用 tongbao new %s 生成它；工作簿加 --merge），不能都作为整月导入\n", rel, key)
		return 1
	}
	// The file there may be replaced if told to, or if it is the scaffold
	// `new --xlsx` wrote beside this workbook, untouched; any other is
	// merged into (--merge), which the problems' message says.
	replace := !exists || force || sheet.Untouched(data, old)
	m, err := sheet.Import(s, key, in, data)
	if err != nil {
		code := report(stderr, err)
		// Only problems of what the cells hold: a file that is no
		// workbook would not merge either, and a department's workbook
		// says to merge itself.
		var cells diag.List
		if !replace && errors.As(err, &cells) {
			fmt.Fprintf(stderr, "%s 已存在：只并入 %s 中新填的内容，请加 --merge\n", rel, filepath.Base(in))
		}
		return code
	}
	if !replace {
		fmt.Fprintf(stderr, "tongbao import: %s 已存在，没有覆盖；确认要以 %s 的内容替换它，请加 --force；只并入其中新填的内容，请加 --merge\n", rel, in)
		return 1
	}
	warnings, err := checkSite(opts.Source, rel, m.TOML, true, m.Place)
	if err != nil {
		return report(stderr, err)
	}
	warnings = append(m.Warnings, warnings...) // the workbook's cells' own first
	if dryRun {
		if exists {
			printChanges(stdout, rel, old, m.TOML)
		}
		fmt.Fprintf(stdout, "tongbao: 将从 %s 导入 %s：%d 项考核结果，%d 个%s%s；--dry-run，未写入任何文件\n", in, rel, m.Results, m.Scores, scoredNoun(s), warned(stderr, warnings))
		return 0
	}
	if err := writeAtomic(target, m.TOML, exists); err != nil {
		return writeError(stderr, "import", rel, err)
	}
	fmt.Fprintf(stdout, "tongbao: 已从 %s 导入 %s：%d 项考核结果，%d 个%s%s\n", in, rel, m.Results, m.Scores, scoredNoun(s), warned(stderr, warnings))
	return 0
}

// warned prints the warnings of the month file an import writes, as check
// would print them, and returns what the message of the import adds: how
// many there are, to be looked at before the site is published with
// them. The import is done all the same (the exit status is 0): a
// warning may be of a score that is right.
func warned(stderr io.Writer, warnings diag.List) string {
	if len(warnings) == 0 {
		return ""
	}
	for _, d := range warnings {
		warn(stderr)(d)
	}
	return fmt.Sprintf("；有 %d 个警告，请核对", len(warnings))
}

// checkSite returns the problems the site in dir would have with text as
// its month file rel that it does not have now, and the warnings it would
// have of that file, as check gives them: what check would find —
// the load's, the file's own and those it gives other files, and the
// ranking's (a [[interview]] repeating what a [[rule]] does) — each at
// the cell it came from when place, where the file's values were typed,
// says (site.Placed), else at the file's line. The site's problems
// elsewhere (the undated circular of a month being gathered) are not the
// import's; nor, when it merges into the file rather than replacing it,
// are the file's own problems of before, which are the office's to mend
// (as site.MergeMonth has it). The warnings are all the file's, of before
// too, placed as the problems are: what check would say of the month.
func checkSite(dir, rel string, text []byte, replace bool, place func(path string) string) (diag.List, error) {
	before, _, err := build.Problems(dir, nil)
	if err != nil {
		return nil, err
	}
	after, warnings, err := build.Problems(dir, map[string][]byte{rel: text})
	if err != nil {
		return nil, err
	}
	had := map[string]int{}
	key := func(d diag.Diagnostic) string { return d.File + "\x00" + d.Msg } // lines move as the file changes
	for _, d := range before {
		if !(replace && d.File == rel) {
			had[key(d)]++
		}
	}
	var added diag.List
	for _, d := range after {
		if had[key(d)] > 0 {
			had[key(d)]--
			continue
		}
		added = append(added, d)
	}
	if len(added) > 0 {
		return nil, site.Placed(added, rel, text, place).Err()
	}
	var month diag.List
	for _, d := range warnings {
		if d.File == rel {
			month = append(month, d)
		}
	}
	return site.Placed(month, rel, text, place), nil
}

// mergeFiles lays what each of the CSVs or workbooks files (their bytes
// inputs) holds over the month file rel (at target) of the site in dir,
// whose bytes are old, in turn: each department may send the scores,
// ranks, progress and entries of its own indicators, and the month is
// gathered file by file, or all at once. Every file's problems are said,
// each named by the file; the file is written once, after the last, and
// only if none has any, nor the site with it (checkSite).
func mergeFiles(s *site.Site, dir, rel, target, key string, files []string, inputs [][]byte, old []byte, force, dryRun bool, stdout, stderr io.Writer) int {
	text := old
	var done []merged
	var bad []string
	var edits site.MonthEdits // every file's, for where the file's values came from
	empty, taken, count := 0, 0, 0
	for i, in := range files {
		out, d, notes, err := mergeFile(s, rel, key, in, inputs[i], text, taken, force)
		if err != nil {
			bad = append(bad, in)
			count += problems(stderr, err)
			if len(files) == 1 && isList(err) {
				fmt.Fprintf(stderr, "tongbao: 发现 %d 个问题，未写入任何文件\n", count)
			}
			for _, note := range notes {
				fmt.Fprintln(stderr, note)
			}
			continue
		}
		if d.empty != "" {
			// A department with nothing to report this month may send
			// its copy back as it was: that says so, and does not hold
			// up the others' (it alone is a mistake, said as one).
			empty++
			if len(files) == 1 {
				fmt.Fprintf(stderr, "tongbao import: %s，%s 未改动\n", d.empty, rel)
				return 1
			}
		} else {
			text = out
			taken++
			edits.Values = append(edits.Values, d.edits.Values...)
			edits.Scores = append(edits.Scores, d.edits.Scores...)
			edits.Excluded = append(edits.Excluded, d.edits.Excluded...)
			edits.Unreported = append(edits.Unreported, d.edits.Unreported...)
			edits.Rows = append(edits.Rows, d.edits.Rows...)
		}
		done = append(done, d)
	}
	switch {
	case len(bad) > 0 && len(files) == 1:
		return 1
	case len(bad) > 0:
		fmt.Fprintf(stderr, "tongbao import: %s 中有 %d 个问题，%d 个文件都没有并入，%s 未改动\n", strings.Join(bad, "、"), count, len(files), rel)
		return 1
	case empty == len(files):
		fmt.Fprintf(stderr, "tongbao import: %d 个文件都没有新填的内容，%s 未改动\n", len(files), rel)
		return 1
	}
	changed := !bytes.Equal(text, old)
	var warnings, cells diag.List // the month file's, and the files' cells' own
	for _, d := range done {
		cells = append(cells, d.warnings...)
	}
	if changed {
		var err error
		if warnings, err = checkSite(dir, rel, text, false, edits.Where(text)); err != nil {
			code := report(stderr, err)
			if taken > 1 {
				fmt.Fprintf(stderr, "（%s 的行号指并入 %d 个文件之后的内容）\n", rel, taken)
			}
			return code
		}
	}
	switch {
	case dryRun && changed:
		printChanges(stdout, rel, old, text)
	case changed:
		if err := writeAtomic(target, text, true); err != nil {
			return writeError(stderr, "import", rel, err)
		}
	}
	verb, end := "已将", "；文件中的其他内容未改动"
	if dryRun {
		verb, end = "将把", "；--dry-run，未写入任何文件"
	}
	if len(files) > 1 {
		end = ""
	}
	for _, d := range done {
		if d.empty != "" {
			fmt.Fprintf(stdout, "tongbao: %s，略过\n", d.empty)
			continue
		}
		if d.same {
			fmt.Fprintf(stdout, "tongbao: %s 已有 %s 的全部内容（%s），未改动\n", rel, d.in, d.msg)
		} else {
			fmt.Fprintf(stdout, "tongbao: %s %s 并入 %s：%s%s\n", verb, d.in, rel, d.msg, end)
		}
	}
	switch {
	case len(files) > 1 && dryRun:
		fmt.Fprintln(stdout, "（--dry-run，未写入任何文件）")
	case len(files) > 1 && changed:
		fmt.Fprintf(stdout, "已写入 %s；文件中的其他内容未改动\n", rel)
	}
	if said := warned(stderr, append(cells, warnings...)); said != "" {
		fmt.Fprintf(stdout, "%s 并入后%s\n", rel, strings.TrimPrefix(said, "；"))
	}
	if !dryRun && changed {
		var l diag.List
		switch m, err := s.ParseDraftMonth(rel, text); {
		case errors.As(err, &l):
			fmt.Fprintf(stdout, "本%s的数据尚有 %d 个问题，运行 tongbao check 查看\n", s.Assesses().Each(), len(l))
		case err == nil:
			if n, noun := unscored(m); n > 0 {
				fmt.Fprintf(stdout, "本%s尚有 %d 个%s未填%s，运行 tongbao check 查看\n", s.Assesses().Each(), n, noun, owing(s, m))
			}
		}
	}
	for _, d := range done {
		if len(d.unread) > 0 {
			fmt.Fprintf(stdout, "（%s 的“%s”表没有并入：这些请在 %s 中修改）\n", filepath.Base(d.in), strings.Join(d.unread, "”“"), rel)
		}
	}
	return 0
}

// merged is what mergeFile did with one file.
type merged struct {
	in     string
	msg    string   // 填入得分 12 个，…; or, when same, what the file had already
	same   bool     // nothing changed
	empty  string   // why nothing was read from it: it holds nothing new
	unread []string // its sheets not merged (sheet.Month.Unread)
	edits  site.MonthEdits
	// warnings are of its cells (sheet.Month.Warnings).
	warnings diag.List
}

// mergeFile lays what the file in (its bytes data) holds over text, the
// month file rel as the before files merged ahead of it left it, and
// returns the new text and what it did (with no text if the file holds
// nothing new: merged.empty says so); or the problems, and notes to say
// after them.
func mergeFile(s *site.Site, rel, key, in string, data, text []byte, before int, force bool) ([]byte, merged, []string, error) {
	current, _ := s.ParseDraftMonth(rel, text)
	m, err := sheet.ImportScores(s, key, in, data, current)
	if err != nil {
		return nil, merged{}, nil, err
	}
	switch {
	case m.Edits.Empty() && m.AsSent > 0:
		all := "都"
		if m.AsSent == 1 {
			all = ""
		}
		return nil, merged{in: in, empty: fmt.Sprintf("%s 的 %d 个格子%s与发出时相同，没有新填的内容", in, m.AsSent, all)}, nil, nil
	case m.Edits.Empty():
		return nil, merged{in: in, empty: in + " 中没有已填的内容"}, nil, nil
	}
	out, n, err := s.MergeMonth(rel, text, m.Edits, force)
	if err != nil {
		var notes []string
		if before > 0 {
			notes = append(notes, fmt.Sprintf("（%s 的行号指并入前面 %d 个文件之后的内容）", rel, before))
		}
		if n.Conflicts > 0 {
			notes = append(notes, fmt.Sprintf("要以 %s 为准，请加 --force", filepath.Base(in)))
		}
		return nil, merged{}, notes, err
	}
	d := merged{in: in, unread: m.Unread, edits: m.Edits, warnings: m.Warnings}
	var inds []*site.Indicator // of the scores read: what counted calls them
	for _, e := range m.Edits.Scores {
		inds = append(inds, e.Indicator)
	}
	noun := site.ValuesName(inds)
	if n.Filled+n.Changed+n.Excluded+n.Unreported+n.ValuesFilled+n.ValuesChanged+n.RowsAdded+n.RowsChanged+n.Results == 0 {
		d.msg, d.same = counted(noun, n.Same, n.ValuesSame+n.RowsSame), true
		return text, d, nil, nil
	}
	var parts []string
	for _, p := range []struct {
		what           string
		scores, values int
	}{{"填入", n.Filled, n.ValuesFilled}, {"改动", n.Changed, n.ValuesChanged}} {
		if p.scores+p.values > 0 {
			parts = append(parts, p.what+counted(noun, p.scores, p.values))
		}
	}
	if n.Excluded > 0 {
		parts = append(parts, fmt.Sprintf("标为不涉及 %d 个", n.Excluded))
	}
	if n.Unreported > 0 {
		parts = append(parts, fmt.Sprintf("标为未报送 %d 个", n.Unreported))
	}
	if n.Same+n.ValuesSame+n.RowsSame > 0 {
		parts = append(parts, counted(noun, n.Same, n.ValuesSame+n.RowsSame)+"与原有的相同")
	}
	var tables []string // 奖励、约谈, in the order of the copy's rows
	for _, r := range m.Edits.Rows {
		if !slices.Contains(tables, r.Table.Label) {
			tables = append(tables, r.Table.Label)
		}
	}
	for _, p := range []struct {
		what string
		by   map[string]int
	}{{"新增", n.Added}, {"改动已有的", n.Altered}} {
		var each []string // 奖励 1 项、约谈 2 项
		for _, t := range tables {
			if k := p.by[t]; k > 0 {
				each = append(each, fmt.Sprintf("%s %d 项", t, k))
			}
		}
		if len(each) > 0 {
			parts = append(parts, p.what+strings.Join(each, "、"))
		}
	}
	d.msg = strings.Join(parts, "，")
	if n.Results > 0 {
		d.msg += fmt.Sprintf("；新增 %d 项考核结果", n.Results)
	}
	return out, d, nil, nil
}

// readInput reads a file to import, refusing one larger than any month
// file may be.
func readInput(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err == nil && fi.Size() > site.MaxFileSize {
		return nil, fmt.Errorf("文件过大（%d 字节），上限为 %d MB", fi.Size(), site.MaxFileSize>>20)
	}
	if err != nil {
		return nil, err
	}
	return os.ReadFile(name)
}

// counted says how many scores and other values (ranks, progress,
// entries of tables) there were: "得分 12 个、其他数据 3 项"; noun is what
// the scores are called (site.ValuesName): 件数 of counts.
func counted(noun string, scores, values int) string {
	var parts []string
	if scores > 0 {
		parts = append(parts, fmt.Sprintf("%s %d 个", noun, scores))
	}
	if values > 0 {
		parts = append(parts, fmt.Sprintf("其他数据 %d 项", values))
	}
	return strings.Join(parts, "、")
}

// unscored counts the scores a month read as a draft lacks, and says
// what they are called together (site.ValuesName): 件数 of counts.
func unscored(m *site.Month) (int, string) {
	n := 0
	var inds []*site.Indicator
	for _, r := range m.Results {
		if len(r.Unscored) > 0 {
			n += len(r.Unscored)
			inds = append(inds, r.Indicator)
		}
	}
	return n, site.ValuesName(inds)
}

// scoredNoun is what the values a workbook or CSV of s gives are called
// together (site.ValuesName): those of the indicators ranked by township
// whose scores are typed, not derived (扣分制) — its columns.
func scoredNoun(s *site.Site) string {
	var inds []*site.Indicator
	for _, ind := range s.Indicators {
		if ind.Townships != nil && ind.Deduct == nil {
			inds = append(inds, ind)
		}
	}
	return site.ValuesName(inds)
}

// owing says who is to send the scores month m lacks, as the office
// gathering the month from its departments needs to know: "，待区商务局、
// 区人社局填报", in the order of units.toml, and the indicators no
// department is responsible for; "" if no indicator lacking scores has
// a department.
func owing(s *site.Site, m *site.Month) string {
	due := map[*site.Unit]bool{}
	var orphans []string
	for _, r := range m.Results {
		if len(r.Unscored) == 0 {
			continue
		}
		for _, u := range r.Indicator.OwnersIn(m.Key) {
			due[u] = true
		}
		if len(r.Indicator.Owners) == 0 {
			orphans = append(orphans, "“"+r.Indicator.Name+"”")
		}
	}
	var names []string
	for _, u := range s.Owners() {
		if due[u] {
			names = append(names, u.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	msg := "，待" + strings.Join(names, "、") + "填报"
	if len(orphans) > 0 {
		msg += "（" + strings.Join(orphans, "、") + "没有责任单位）"
	}
	return msg
}

// monthFileArgs reads the arguments of `tongbao cmd YYYY-MM FILE [-s 目录]
// [--force]`, and the flags more adds; usage is what follows YYYY-MM in
// the usage line. code is the exit status when they are wrong, 0
// otherwise.
func monthFileArgs(cmd, usage, forceHelp, example string, args []string, stderr io.Writer, more ...func(*flag.FlagSet)) (opts build.Options, key, name string, force bool, code int) {
	opts, key, names, force, code := monthFilesArgs(cmd, usage, forceHelp, example, false, args, stderr, more...)
	if code != 0 {
		return opts, "", "", false, code
	}
	return opts, key, names[0], force, 0
}

// monthFilesArgs is monthFileArgs for a command that takes several files
// when many.
func monthFilesArgs(cmd, usage, forceHelp, example string, many bool, args []string, stderr io.Writer, more ...func(*flag.FlagSet)) (opts build.Options, key string, names []string, force bool, code int) {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	siteFlags(fs, &opts)
	fs.BoolVar(&force, "force", false, forceHelp)
	for _, f := range more {
		f(fs)
	}
	rest, ok := parse(fs, args, stderr)
	if !ok {
		return opts, "", nil, false, 2
	}
	if len(rest) < 2 || len(rest) > 2 && !many {
		fmt.Fprintf(stderr, "用法：tongbao %s YYYY-MM %s，如 tongbao %s %s\n", cmd, usage, cmd, example)
		return opts, "", nil, false, 2
	}
	if _, _, ok := parseMonth(rest[0]); !ok {
		fmt.Fprintf(stderr, "tongbao %s: 月份“%s”格式不对，应为 YYYY-MM%s\n", cmd, rest[0], monthFix(rest[0], strings.Fields(example)[0]))
		return opts, "", nil, false, 2
	}
	return opts, rest[0], rest[1:], force, 0
}

func writeError(stderr io.Writer, cmd, name string, err error) int {
	if errors.Is(err, os.ErrExist) {
		fmt.Fprintf(stderr, "tongbao %s: %s 已存在，没有覆盖；要覆盖请加 --force\n", cmd, name)
	} else {
		fmt.Fprintf(stderr, "tongbao %s: 无法写入 %s：%v\n", cmd, name, err)
	}
	return 1
}

// writeAtomic writes data to name through a temporary file beside it, so
// that name holds either what it held or all of data, never a part. When
// replace is false an existing name is left alone and the error is
// os.ErrExist, even if another process made it meanwhile.
func writeAtomic(name string, data []byte, replace bool) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // gone after a rename; after a link, the second name
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err != nil {
		return err
	}
	if replace {
		return os.Rename(tmp, name)
	}
	if err := os.Link(tmp, name); err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	// No hard links here (FAT, some network drives): check, then rename.
	if _, err := os.Lstat(name); err == nil {
		return os.ErrExist
	}
	return os.Rename(tmp, name)
}
