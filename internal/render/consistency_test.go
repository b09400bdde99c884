package render

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tongbao/internal/demo"
	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/theme"
)

// The consistency test edits a demo archive at random, the ways staff
// edit one — an early month's scores, a city rank, a progress text, a
// circular's text and front matter, config.toml, the units and
// indicators, overrides of the built-in layouts and stylesheet made,
// edited and removed, a new and a deleted file —
// and after every edit renders it twice: through one long-lived cache,
// as the preview server does after each save, and from nothing, as a
// build does. The two must agree byte for byte, path for path. An output
// that reads something its job does not declare comes back stale from
// the cache sooner or later, and the test names it and the edits that
// led there.
//
// `go test` makes consistencyEdits edits; TONGBAO_CONSISTENCY_EDITS sets
// another number (.ci/run makes hundreds) and TONGBAO_CONSISTENCY_SEED
// another sequence.
const consistencyEdits = 20

func TestCacheConsistency(t *testing.T) {
	edits := consistencyEdits
	if v := os.Getenv("TONGBAO_CONSISTENCY_EDITS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("TONGBAO_CONSISTENCY_EDITS=%q", v)
		}
		edits = n
	}
	seed := uint64(1)
	if v := os.Getenv("TONGBAO_CONSISTENCY_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("TONGBAO_CONSISTENCY_SEED=%q", v)
		}
		seed = n
	}
	years := 1
	if edits > 100 {
		years = 3
	}
	dir := consistencyDemo(t, years)
	run := consistency(t, dir, seed, nil)
	for range edits {
		if err := run.step(); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
	}
	t.Logf("seed %d: %d edits (%d refused as invalid input and undone), %d outputs after the last", seed, run.edits, run.invalid, run.outputs)
	if run.invalid > run.edits/2 {
		t.Errorf("%d of %d edits made invalid input: the test edits too little", run.invalid, run.edits)
	}
}

// TestConsistencyCatchesMissingInputs leaves inputs out of declarations,
// as a job that reads what it does not declare would, and checks that
// the consistency test notices within a few edits: a test that could not
// fail would prove nothing.
func TestConsistencyCatchesMissingInputs(t *testing.T) {
	for _, c := range []struct {
		name string
		// drop reports whether to leave input in out of the declaration
		// of the output or fragment name.
		drop func(name string, in input) bool
		// favour is the edit that makes what is dropped matter, if it is
		// a rare one: it is made ten times as often.
		favour string
	}{
		// A circular page and its body keyed on their own files alone: a
		// rule reading the months before (issue 13's streaks) added the
		// obvious way would have done this.
		{"circular without its period", func(name string, in input) bool {
			circ := strings.HasPrefix(name, "circulars/") && strings.HasSuffix(name, "/index.html") || strings.HasPrefix(name, "body:")
			return circ && (in.kind == inPeriod || in.kind == inFile && strings.HasPrefix(in.file, "data/"))
		}, ""},
		// A unit's history page not keyed on what the periods say of it.
		{"unit page without its ranks", func(name string, in input) bool {
			return strings.Contains(name, "units/") && in.kind == inUnit
		}, ""},
		// A circular page keyed without its attachments, whose sizes it
		// states.
		{"circular without its attachments", func(name string, in input) bool {
			return strings.HasSuffix(name, "/index.html") && in.kind == inFile && strings.Contains(in.file, "/附件/")
		}, "editAttachment"},
		// A body keyed without the files it links to, which of its links
		// point to a file beside the page depends on.
		{"body without its linked files", func(name string, in input) bool {
			return in.kind == inFile && strings.HasPrefix(in.file, "content/图/")
		}, "editLinkedFile"},
		// A body keyed without the pages it links to, whose addresses it
		// gives.
		{"body without its linked pages", func(name string, in input) bool {
			return strings.HasPrefix(name, "body:") && in.kind == inFronts
		}, "editLinkedFile"},
		// The page at an earlier address keyed without the file that
		// gives the title it shows.
		{"earlier address without its file", func(name string, in input) bool {
			return strings.HasPrefix(name, "旧/") && in.kind == inFile
		}, "editCircularFront"},
		// The catalogue and /data/ keyed without the sizes of the files
		// they list, which a score edited changes.
		{"catalogue without its files' sizes", func(name string, in input) bool {
			return (name == catalogueFile || name == "data/index.html" || name == "catalogue") && in.kind == inMade
		}, "addAdjustment"},
		// Every page keyed without the layouts and the catalogue.
		{"pages without the global inputs", func(name string, in input) bool {
			return strings.HasSuffix(name, ".html") && in.kind == inGlobal
		}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := consistencyDemo(t, 1)
			declare := func(name string, in []input) []input {
				return slices.DeleteFunc(slices.Clone(in), func(x input) bool { return c.drop(name, x) })
			}
			run := consistency(t, dir, 1, declare)
			run.favour = c.favour
			for range 60 {
				if err := run.step(); err != nil {
					t.Logf("caught after %d edits: %v", run.edits, err)
					return
				}
			}
			t.Errorf("60 edits did not catch it")
		})
	}
}

func consistencyDemo(t *testing.T, years int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, loadSample(t), years, 1); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A consistencyRun is one long-lived preview of a site being edited.
type consistencyRun struct {
	t       *testing.T
	dir     string
	rng     *rand.Rand
	declare func(string, []input) []input

	sc      site.Cache
	rc      Cache
	results *rank.Results

	favour string // the edit made ten times as often (TestConsistencyCatchesMissingInputs)

	log              []string // the edits so far
	edits, invalid   int
	outputs, counter int
}

func consistency(t *testing.T, dir string, seed uint64, declare func(string, []input) []input) *consistencyRun {
	r := &consistencyRun{t: t, dir: dir, rng: rand.New(rand.NewPCG(seed, 0x636f6e73)), declare: declare}
	if err := r.compare(); err != nil {
		t.Fatalf("before any edit: %v", err)
	}
	return r
}

// step makes one random edit and compares the two renders. An edit that
// makes the input invalid must fail both ways; it is undone.
func (r *consistencyRun) step() error {
	r.edits++
	undo := map[string][]byte{} // the files the edit touched, as they were (nil: did not exist)
	what := r.edit(undo)
	r.log = append(r.log, what)
	err := r.compare()
	if err == errInvalid {
		r.invalid++
		r.log[len(r.log)-1] += "（无效，已撤销）"
		for name, old := range undo {
			p := filepath.Join(r.dir, name)
			if old == nil {
				os.Remove(p)
			} else {
				os.WriteFile(p, old, 0o644)
			}
		}
		err = r.compare()
	}
	if err != nil {
		return fmt.Errorf("%v\nedits:\n  %s", err, strings.Join(r.log, "\n  "))
	}
	return nil
}

var errInvalid = fmt.Errorf("invalid input")

// compare renders the site through the cache and afresh.
func (r *consistencyRun) compare() error {
	s, cerr := site.LoadCached(r.dir, &r.sc)
	fresh, ferr := site.Load(r.dir)
	if (cerr == nil) != (ferr == nil) {
		return fmt.Errorf("the cached load says %v, a fresh load %v", cerr, ferr)
	}
	if ferr != nil {
		return errInvalid
	}
	res := rank.Update(r.results, s)
	cached, cerr := Render(s, res, Options{Cache: &r.rc, declare: r.declare})
	want, ferr := Render(fresh, rank.Archive(fresh), Options{})
	if (cerr == nil) != (ferr == nil) {
		return fmt.Errorf("the cached render says %v, a fresh render %v", cerr, ferr)
	}
	if ferr != nil {
		return errInvalid
	}
	r.results = res
	r.outputs = len(want)
	got := map[string]Output{}
	for _, o := range cached {
		got[o.Path] = o
	}
	var differ []string
	for _, o := range want {
		if c, ok := got[o.Path]; !ok {
			differ = append(differ, o.Path+"（缓存渲染中没有）")
		} else if c.Size() != o.Size() || !bytes.Equal(contentOf(r.t, c), contentOf(r.t, o)) {
			// A file the output only names (Output.File) is read now:
			// one named as the load before found it is of another size.
			differ = append(differ, o.Path)
		}
		delete(got, o.Path)
	}
	for p := range got {
		differ = append(differ, p+"（多余）")
	}
	if len(differ) > 0 {
		slices.Sort(differ)
		return fmt.Errorf("after %d edits the cached render differs from a fresh one in %d files: %s",
			r.edits, len(differ), strings.Join(differ[:min(len(differ), 8)], ", "))
	}
	return nil
}

// The edits, each picked with its weight. Early months are picked more
// often: an edit there must reach every later page that reads them.
func (r *consistencyRun) edit(undo map[string][]byte) string {
	kinds := []struct {
		weight int
		name   string
		fn     func(undo map[string][]byte) string
	}{
		{6, "editScore", r.editScore},
		{2, "editCityRank", r.editCityRank},
		{2, "editProgress", r.editProgress},
		{1, "addAdjustment", r.addAdjustment},
		{1, "addInterview", r.addInterview},
		{3, "editCircularText", r.editCircularText},
		{2, "editCircularFront", r.editCircularFront},
		{2, "editAttachment", r.editAttachment},
		{3, "editLinkedFile", r.editLinkedFile},
		{2, "editConfig", r.editConfig},
		{1, "editUnits", r.editUnits},
		{1, "editIndicators", r.editIndicators},
		{3, "editLayout", r.editLayout},
		{1, "addPage", r.addPage},
		{1, "deletePage", r.deletePage},
		{2, "addMonth", r.addMonth},
		{1, "deleteMonth", r.deleteMonth},
		{1, "deleteEarlyMonth", r.deleteEarlyMonth},
	}
	total := 0
	for i, k := range kinds {
		if k.name == r.favour {
			kinds[i].weight *= 10
		}
		total += kinds[i].weight
	}
	n := r.rng.IntN(total)
	for _, k := range kinds {
		if n < k.weight {
			return k.fn(undo)
		}
		n -= k.weight
	}
	panic("unreachable")
}

func (r *consistencyRun) read(name string) []byte {
	b, err := os.ReadFile(filepath.Join(r.dir, name))
	if err != nil {
		r.t.Fatal(err)
	}
	return b
}

// write replaces a file, remembering how it was.
func (r *consistencyRun) write(undo map[string][]byte, name string, data []byte) {
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if _, seen := undo[name]; !seen {
		old, err := os.ReadFile(p)
		if err != nil {
			old = nil
		}
		undo[name] = old
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *consistencyRun) remove(undo map[string][]byte, name string) {
	if _, seen := undo[name]; !seen {
		undo[name] = r.read(name)
	}
	os.Remove(filepath.Join(r.dir, name))
}

// files lists the site's files matching a glob below the site, sorted.
func (r *consistencyRun) files(pattern string) []string {
	m, _ := filepath.Glob(filepath.Join(r.dir, filepath.FromSlash(pattern)))
	out := make([]string, len(m))
	for i, p := range m {
		out[i], _ = filepath.Rel(r.dir, p)
		out[i] = filepath.ToSlash(out[i])
	}
	slices.Sort(out)
	return out
}

// month picks a month file, an early one half of the time.
func (r *consistencyRun) month() string {
	months := r.files("data/[0-9][0-9][0-9][0-9]-[0-9][0-9].toml")
	if r.rng.IntN(2) == 0 {
		return months[r.rng.IntN(min(3, len(months)))]
	}
	return months[r.rng.IntN(len(months))]
}

// replaceLine replaces one random match of re in a file by what repl
// makes of it; it returns the line before and after, or "" when nothing
// matched.
func (r *consistencyRun) replaceLine(undo map[string][]byte, name string, re *regexp.Regexp, repl func(m []string) string) string {
	src := r.read(name)
	all := re.FindAllSubmatchIndex(src, -1)
	if len(all) == 0 {
		return ""
	}
	loc := all[r.rng.IntN(len(all))]
	var m []string
	for i := 0; i < len(loc); i += 2 {
		if loc[i] < 0 {
			m = append(m, "")
		} else {
			m = append(m, string(src[loc[i]:loc[i+1]]))
		}
	}
	line := repl(m)
	out := slices.Concat(src[:loc[0]], []byte(line), src[loc[1]:])
	r.write(undo, name, out)
	return m[0] + " → " + line
}

var (
	scoreLineRE    = regexp.MustCompile(`(?m)^("[^"]+") = (-?[0-9]+(?:\.[0-9]+)?)$`)
	cityLineRE     = regexp.MustCompile(`(?m)^city = ([0-9]+)$`)
	progressLineRE = regexp.MustCompile(`(?m)^progress  = "[^"\n]*"$`)
)

func (r *consistencyRun) editScore(undo map[string][]byte) string {
	name := r.month()
	d := r.replaceLine(undo, name, scoreLineRE, func(m []string) string {
		return fmt.Sprintf("%s = %.1f", m[1], 60+40*r.rng.Float64())
	})
	return name + " 得分 " + d
}

func (r *consistencyRun) editCityRank(undo map[string][]byte) string {
	name := r.month()
	d := r.replaceLine(undo, name, cityLineRE, func(m []string) string {
		return fmt.Sprintf("city = %d", 1+r.rng.IntN(12))
	})
	return name + " 全市排名 " + d
}

func (r *consistencyRun) editProgress(undo map[string][]byte) string {
	name := r.month()
	d := r.replaceLine(undo, name, progressLineRE, func(m []string) string {
		return fmt.Sprintf("progress  = \"（演示数据）进展第%d次修改。\"", r.rng.IntN(1000))
	})
	return name + " 进展 " + d
}

// townships and departments read the unit names of units.toml.
func (r *consistencyRun) unitNames(kind string) []string {
	re := regexp.MustCompile(`(?m)^\[\[` + kind + `\]\]\nname = "([^"]+)"`)
	var out []string
	for _, m := range re.FindAllSubmatch(r.read("data/units.toml"), -1) {
		out = append(out, string(m[1]))
	}
	return out
}

func (r *consistencyRun) appendTo(undo map[string][]byte, name, text string) {
	r.write(undo, name, append(r.read(name), text...))
}

func (r *consistencyRun) addAdjustment(undo map[string][]byte) string {
	name := r.month()
	towns := r.unitNames("township")
	u := towns[r.rng.IntN(len(towns))]
	pts := float64(r.rng.IntN(21)-10) / 2
	r.appendTo(undo, name, fmt.Sprintf("\n[[adjustment]]\ntownship = %q\npoints = %.1f\nreason = \"测试加减分\"\n", u, pts))
	return fmt.Sprintf("%s 加减分 %s %.1f", name, u, pts)
}

func (r *consistencyRun) addInterview(undo map[string][]byte) string {
	name := r.month()
	deps := r.unitNames("department")
	u := deps[r.rng.IntN(len(deps))]
	kind := []string{"约谈", "提醒约谈"}[r.rng.IntN(2)]
	r.appendTo(undo, name, fmt.Sprintf("\n[[interview]]\nunit = %q\nwho = \"分管领导\"\nkind = %q\nreason = \"测试约谈\"\n", u, kind))
	return name + " 约谈 " + u
}

func (r *consistencyRun) circular() string {
	circs := r.files("content/circulars/*.md")
	return circs[r.rng.IntN(len(circs))]
}

func (r *consistencyRun) editCircularText(undo map[string][]byte) string {
	name := r.circular()
	r.counter++
	text := fmt.Sprintf("\n测试段落第%d段。\n", r.counter)
	src := r.read(name)
	at := bytes.Index(src, []byte("\n## 二、"))
	if at < 0 || r.rng.IntN(2) == 0 {
		at = len(src)
	}
	r.write(undo, name, slices.Concat(src[:at], []byte(text), src[at:]))
	return name + " 正文" + strings.TrimSpace(text)
}

// editAttachment gives a circular an attachment, or writes a new version
// of the one it has: its page states the file's size and the file is an
// output of its own, both read from a file that the circular's parse,
// cached by the Markdown's hash, does not cover.
func (r *consistencyRun) editAttachment(undo map[string][]byte) string {
	r.counter++
	data := bytes.Repeat([]byte{'a' + byte(r.counter%26)}, 1+r.rng.IntN(3000))
	if files := r.files("content/circulars/附件/*.pdf"); len(files) > 0 && r.rng.IntN(3) > 0 {
		file := files[r.rng.IntN(len(files))]
		r.write(undo, file, data)
		return fmt.Sprintf("%s 改为 %d 字节", file, len(data))
	}
	// A circular, or a plain page now and then.
	name := r.circular()
	if pages := r.files("content/*.md"); len(pages) > 0 && r.rng.IntN(3) == 0 {
		name = pages[r.rng.IntN(len(pages))]
	}
	base := strings.TrimSuffix(path.Base(name), ".md") + ".pdf"
	file := "content/circulars/附件/" + base
	src := r.read(name)
	if bytes.Contains(src, []byte("[[attachment]]")) {
		r.write(undo, file, data)
		return fmt.Sprintf("%s 改为 %d 字节", file, len(data))
	}
	rel, err := filepath.Rel(filepath.Dir(filepath.FromSlash(name)), filepath.FromSlash(file))
	if err != nil {
		r.t.Fatal(err)
	}
	end := 4 + bytes.Index(src[4:], []byte("+++\n")) // the front matter's closing line
	r.write(undo, name, slices.Concat(src[:end], []byte("[[attachment]]\ntitle = \"原件\"\nfile = \""+filepath.ToSlash(rel)+"\"\n"), src[end:]))
	r.write(undo, file, data)
	return name + " 新增附件"
}

// editLinkedFile makes a circular's or a page's body link to one of the
// pictures in content/图/, or the picture it links to appear, change or go away;
// or link to another circular or page, or to the circular of the month
// after the last, which addMonth may write later: where a body's links
// point depends on files that its parse, cached by the Markdown's hash,
// does not cover.
func (r *consistencyRun) editLinkedFile(undo map[string][]byte) string {
	name := r.circular()
	if pages := r.files("content/*.md"); len(pages) > 0 && r.rng.IntN(3) == 0 {
		name = pages[r.rng.IntN(len(pages))]
	}
	relTo := func(file string) string {
		rel, err := filepath.Rel(filepath.Dir(filepath.FromSlash(name)), filepath.FromSlash(file))
		if err != nil {
			r.t.Fatal(err)
		}
		return filepath.ToSlash(rel)
	}
	switch r.rng.IntN(3) {
	case 0:
		targets := append(r.files("content/circulars/*.md"), r.files("content/*.md")...)
		target := targets[r.rng.IntN(len(targets))]
		if r.rng.IntN(2) == 0 {
			months := r.files("data/[0-9][0-9][0-9][0-9]-[0-9][0-9].toml")
			y, _ := strconv.Atoi(months[len(months)-1][5:9])
			m, _ := strconv.Atoi(months[len(months)-1][10:12])
			target = fmt.Sprintf("content/circulars/%04d-%02d.md", y+m/12, m%12+1)
		}
		r.appendTo(undo, name, "\n见[相关页面]("+relTo(target)+")。\n")
		return name + " 链接 " + target
	}
	// Three pictures that many pages link to: a link, or a picture
	// written or removed.
	file := fmt.Sprintf("content/图/%d.png", r.rng.IntN(3))
	if link := "![图](" + relTo(file) + ")"; r.rng.IntN(2) == 0 && !bytes.Contains(r.read(name), []byte(link)) {
		r.appendTo(undo, name, "\n"+link+"\n")
		return name + " 链接 " + file
	}
	if _, err := os.Stat(filepath.Join(r.dir, filepath.FromSlash(file))); err == nil && r.rng.IntN(3) == 0 {
		r.remove(undo, file)
		return file + " 删除"
	}
	r.counter++
	data := bytes.Repeat([]byte{'A' + byte(r.counter%26)}, 1+r.rng.IntN(3000))
	r.write(undo, file, data)
	return fmt.Sprintf("%s 改为 %d 字节", file, len(data))
}

var (
	titleLineRE   = regexp.MustCompile(`(?m)^title  = "([^"]*)"$`)
	dateLineRE    = regexp.MustCompile(`(?m)^date   = ([0-9]{4}-[0-9]{2})-([0-9]{2})$`)
	validLineRE   = regexp.MustCompile(`(?m)^valid  = "[^"]*"$`)
	aliasesLineRE = regexp.MustCompile(`(?m)^aliases = .*\n`)
	updatedLineRE = regexp.MustCompile(`(?m)^updated = .*\n`)
)

func (r *consistencyRun) editCircularFront(undo map[string][]byte) string {
	name := r.circular()
	switch r.rng.IntN(5) {
	case 3:
		// A correction's date (updated), which data.json, /data/'s rows
		// and the feed's order say.
		if d := r.replaceLine(undo, name, updatedLineRE, func([]string) string { return "" }); d != "" {
			return name + " 更正日期 " + d
		}
		return name + " 更正日期 " + r.replaceLine(undo, name, titleLineRE, func(m []string) string {
			return fmt.Sprintf("%s\nupdated = 2026-11-%02d", m[0], 1+r.rng.IntN(28))
		})
	case 2:
		// An earlier address, whose page shows the title: if there is
		// one, taken away or the title changed.
		r.counter++
		if aliasesLineRE.Match(r.read(name)) {
			if r.rng.IntN(2) == 0 {
				return name + " 旧网址 " + r.replaceLine(undo, name, aliasesLineRE, func([]string) string { return "" })
			}
			return name + " 有旧网址时的标题 " + r.replaceLine(undo, name, titleLineRE, func(m []string) string {
				return fmt.Sprintf("title  = \"%s（第%d次修改）\"", strings.Split(m[1], "（第")[0], r.counter)
			})
		}
		return name + " 旧网址 " + r.replaceLine(undo, name, titleLineRE, func(m []string) string {
			return fmt.Sprintf("%s\naliases = [\"/旧/%d/\"]", m[0], r.counter)
		})
	case 1:
		// 有效性, in the circular's metadata block.
		if d := r.replaceLine(undo, name, validLineRE, func([]string) string { return "" }); d != "" {
			return name + " 有效性 " + d
		}
		return name + " 有效性 " + r.replaceLine(undo, name, titleLineRE, func(m []string) string {
			return m[0] + "\nvalid  = \"" + []string{"失效", "废止"}[r.rng.IntN(2)] + "\""
		})
	case 0:
		r.counter++
		return name + " 标题 " + r.replaceLine(undo, name, titleLineRE, func(m []string) string {
			return fmt.Sprintf("title  = \"%s（第%d次修改）\"", strings.Split(m[1], "（第")[0], r.counter)
		})
	}
	// Another day of the month: circulars may change places, and with
	// them their neighbours' links.
	return name + " 日期 " + r.replaceLine(undo, name, dateLineRE, func(m []string) string {
		return fmt.Sprintf("date   = %s-%02d", m[1], 1+r.rng.IntN(28))
	})
}

var (
	groupSizeRE = regexp.MustCompile(`(?m)^groupSize     = [0-9]+$`)
	amountRE    = regexp.MustCompile(`(?m)^amount = [0-9]+$`)
	streakRE    = regexp.MustCompile(`(?m)^streak = [0-9]+$`)
	siteTitleRE = regexp.MustCompile(`(?m)^title    = "([^"]*)"$`)
	decimalsRE  = regexp.MustCompile(`(?m)^decimals = [0-9]$`)
	domainRE    = regexp.MustCompile(`(?m)^domain   = "[^"]*"$`)
)

func (r *consistencyRun) editConfig(undo map[string][]byte) string {
	switch r.rng.IntN(5) {
	case 3:
		// The host of every absolute address: canonical links, the
		// sitemap, the feed.
		r.counter++
		return "config.toml " + r.replaceLine(undo, "config.toml", domainRE, func([]string) string {
			return fmt.Sprintf("domain   = \"www%d.example.gov.cn\"", r.counter)
		})
	case 0:
		return "config.toml " + r.replaceLine(undo, "config.toml", groupSizeRE, func([]string) string {
			return fmt.Sprintf("groupSize     = %d", 2+r.rng.IntN(3))
		})
	case 1:
		if r.rng.IntN(2) == 0 {
			return "config.toml " + r.replaceLine(undo, "config.toml", streakRE, func([]string) string {
				return fmt.Sprintf("streak = %d", 2+r.rng.IntN(3))
			})
		}
		return "config.toml " + r.replaceLine(undo, "config.toml", amountRE, func([]string) string {
			return fmt.Sprintf("amount = %d", 10000*(1+r.rng.IntN(10)))
		})
	case 2:
		return "config.toml " + r.replaceLine(undo, "config.toml", decimalsRE, func([]string) string {
			return fmt.Sprintf("decimals = %d", 1+r.rng.IntN(3))
		})
	}
	r.counter++
	return "config.toml " + r.replaceLine(undo, "config.toml", siteTitleRE, func(m []string) string {
		return fmt.Sprintf("title    = \"%s%d\"", strings.TrimRight(m[1], "0123456789"), r.counter)
	})
}

var slugLineRE = regexp.MustCompile(`(?m)^slug = "([a-z0-9-]+?)(-[0-9]+)?"$`)

// editUnits gives a unit another slug: its page moves to another path,
// and every link to it changes.
func (r *consistencyRun) editUnits(undo map[string][]byte) string {
	r.counter++
	return "data/units.toml " + r.replaceLine(undo, "data/units.toml", slugLineRE, func(m []string) string {
		return fmt.Sprintf("slug = \"%s-%d\"", m[1], r.counter)
	})
}

var (
	weightLineRE = regexp.MustCompile(`(?m)^weight  = [0-9.]+$`)
	indNameRE    = regexp.MustCompile(`(?m)^name    = "([^"]*)"$`)
)

func (r *consistencyRun) editIndicators(undo map[string][]byte) string {
	if r.rng.IntN(2) == 0 {
		return "data/indicators.toml " + r.replaceLine(undo, "data/indicators.toml", weightLineRE, func([]string) string {
			return fmt.Sprintf("weight  = %d", r.rng.IntN(3))
		})
	}
	r.counter++
	return "data/indicators.toml " + r.replaceLine(undo, "data/indicators.toml", indNameRE, func(m []string) string {
		return fmt.Sprintf("name    = \"%s%d\"", strings.TrimRight(m[1], "0123456789"), r.counter)
	})
}

// editLayout overrides a file of the built-in theme — a partial, the
// stylesheet or a shortcode's markup — with a copy of it carrying a mark
// (a new file under layouts/), marks an override again, or removes it, so
// that the built-in file takes its place again. An override there is
// picked first, so that the few layout edits of a short run see one come
// and go. Each mark shows in the output: an HTML comment would not
// (html/template drops it).
func (r *consistencyRun) editLayout(undo map[string][]byte) string {
	r.counter++
	names := []string{"partials/footer.html", "assets/css/site.css", "shortcodes/rewards.html"}
	var overridden []string
	for _, name := range names {
		if _, err := os.Stat(filepath.Join(r.dir, "layouts", name)); err == nil {
			overridden = append(overridden, name)
		}
	}
	name := names[r.rng.IntN(len(names))]
	if len(overridden) > 0 && r.rng.IntN(4) > 0 {
		name = overridden[r.rng.IntN(len(overridden))]
	}
	rel := "layouts/" + name
	mark := fmt.Sprintf("<p hidden>%d</p>\n", r.counter)
	if strings.HasSuffix(name, ".css") {
		mark = fmt.Sprintf("/* %d */\n", r.counter)
	}
	switch {
	case !slices.Contains(overridden, name):
		builtin, ok := theme.Read(name)
		if !ok {
			r.t.Fatalf("the built-in theme has no %s", name)
		}
		r.write(undo, rel, append(builtin, mark...))
		return rel + " 新增"
	case r.rng.IntN(2) == 0:
		r.remove(undo, rel)
		return rel + " 删除"
	}
	r.appendTo(undo, rel, mark)
	return rel
}

func (r *consistencyRun) addPage(undo map[string][]byte) string {
	r.counter++
	name := fmt.Sprintf("content/notices/n%d.md", r.counter)
	r.write(undo, name, fmt.Appendf(nil, "+++\ntitle = \"通知%d\"\ndate = 2022-0%d-1%d\n+++\n通知正文%d。\n", r.counter, 1+r.rng.IntN(9), r.rng.IntN(10), r.counter))
	return name + " 新增"
}

func (r *consistencyRun) deletePage(undo map[string][]byte) string {
	pages := r.files("content/notices/*.md")
	if len(pages) == 0 {
		pages = r.files("content/*.md")
	}
	if len(pages) == 0 {
		return r.addPage(undo)
	}
	name := pages[r.rng.IntN(len(pages))]
	r.remove(undo, name)
	return name + " 删除"
}

// periodLine is a month file's period line.
var periodLine = regexp.MustCompile(`(?m)^period\s*=\s*"[^"\n]*"`)

// addMonth adds the month after the last, copied from the last, and its
// circular.
func (r *consistencyRun) addMonth(undo map[string][]byte) string {
	months := r.files("data/[0-9][0-9][0-9][0-9]-[0-9][0-9].toml")
	last := months[len(months)-1]
	y, _ := strconv.Atoi(last[5:9])
	m, _ := strconv.Atoi(last[10:12])
	if m++; m == 13 {
		y, m = y+1, 1
	}
	key := fmt.Sprintf("%04d-%02d", y, m)
	// Its period is its own month's, as tongbao new writes it: a copy
	// that kept the last month's is refused.
	r.write(undo, "data/"+key+".toml", periodLine.ReplaceAll(r.read(last), fmt.Appendf(nil, `period = "%d月"`, m)))
	r.counter++
	r.write(undo, "content/circulars/"+key+".md", fmt.Appendf(nil,
		"+++\nnumber = \"测政办函〔%d〕%d号\"\ntitle  = \"关于%s的通报\"\ndate   = %04d-%02d-28\ndata   = %q\n+++\n新增月份的通报。\n\n{{< township-ranking >}}\n\n{{< rewards >}}\n",
		y+1, 100+r.counter, key, y+1, 1, key))
	return "data/" + key + ".toml 新增（及其通报）"
}

// deleteEarlyMonth deletes one of the first months and the circular that
// reports it: the months after it are then one assessed period nearer to
// the ones before it, and their streaks (the demo's config has one) and
// quarters change without their files changing.
func (r *consistencyRun) deleteEarlyMonth(undo map[string][]byte) string {
	months := r.files("data/[0-9][0-9][0-9][0-9]-[0-9][0-9].toml")
	if len(months) < 4 {
		return r.addMonth(undo)
	}
	return r.deleteMonthFile(undo, months[1+r.rng.IntN(2)])
}

// deleteMonth deletes the last month and every circular that reports it.
func (r *consistencyRun) deleteMonth(undo map[string][]byte) string {
	months := r.files("data/[0-9][0-9][0-9][0-9]-[0-9][0-9].toml")
	if len(months) < 3 {
		return r.addMonth(undo)
	}
	return r.deleteMonthFile(undo, months[len(months)-1])
}

// deleteMonthFile deletes a month file and every circular that reports
// its month.
func (r *consistencyRun) deleteMonthFile(undo map[string][]byte, name string) string {
	key := strings.TrimSuffix(strings.TrimPrefix(name, "data/"), ".toml")
	for _, c := range r.files("content/circulars/*.md") {
		if bytes.Contains(r.read(c), []byte(fmt.Sprintf("data   = %q", key))) {
			r.remove(undo, c)
		}
	}
	r.remove(undo, name)
	return name + " 删除（及其通报）"
}
