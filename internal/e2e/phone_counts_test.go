package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// countsSite is testdata/offices/deduct with 群众满意 reckoned from two
// counts, 群众投诉件数 and 办件超时次数 (each 0.5 分 an item), and units of
// six characters where three had four (县发展改革委, 县市场监管局,
// 县卫生健康委), as a 市直机关工委's are; its March circular shows the
// score's table (the table shortcode) besides the appendix's.
func countsSite(t *testing.T) string {
	t.Helper()
	dir := copySite(t, officeSite(t, "deduct"))
	names := strings.NewReplacer("县发改局", "县发展改革委", "县财政局", "县市场监管局", "县公安局", "县卫生健康委")
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(p, []byte(names.Replace(string(b))), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	editFile(t, filepath.Join(dir, "data", "indicators.toml"), `deduct    = [{ indicator = "tousu", per = 0.5 }]`,
		`deduct    = [{ indicator = "tousu", per = 0.5 }, { indicator = "chaoshi", per = 0.5 }]`)
	appendFile(t, filepath.Join(dir, "data", "indicators.toml"), `
[[indicator]]
id        = "chaoshi"
name      = "办件超时次数"
parent    = "tousu-df"
townships = "all"
better    = "lower"
weight    = 0
scoreUnit = "件"
`)
	for _, month := range []string{"2025-03", "2025-04"} {
		appendFile(t, filepath.Join(dir, "data", month+".toml"), `
[[result]]
indicator = "chaoshi"
[result.townships]
"县发展改革委" = 2
"县市场监管局" = 0
"县教育局" = 1
"县卫生健康委" = 4
"县民政局" = 0
"县住建局" = 3
`)
	}
	editFile(t, filepath.Join(dir, "content", "circulars", "2025-03.md"), "## 二、考核排名", "{{< table \"tousu-df\" >}}\n\n## 二、考核排名")
	return dir
}

// scoreInViewJS measures each table of the page whose last column is
// the score (the circular's 群众满意 tables, the home page's ranking), or
// the level after it where the ranking is graded (.graded: the score is
// the one before), with its box scrolled to its start: the units' names
// it breaks across lines or the score's column covers, and, where %[1]t
// is true, the cells of its last column — of a graded table's, its score
// and, unless the score sticks alone (data-stick-score), its level — and
// the names that are not wholly within the box's visible part. It returns for each table the caption, the box's scroll
// width and width, then the faults.
const scoreInViewJS = `new Promise(done => {
  const tables = [...document.querySelectorAll(".table-wrap > table")].filter(t =>
    t.caption && (t.caption.textContent.includes("群众满意") || t.closest(".home-ranking")));
  tables.forEach(t => t.parentElement.scrollLeft = 0);
  requestAnimationFrame(() => done(tables.map(t => {
    const wrap = t.parentElement, box = wrap.getBoundingClientRect();
    const left = box.left + wrap.clientLeft, right = left + wrap.clientWidth;
    const out = [t.caption.textContent + " " + wrap.scrollWidth + "/" + wrap.clientWidth];
    for (const row of [t.tHead.rows[t.tHead.rows.length - 1], ...[...t.tBodies].flatMap(b => [...b.rows])]) {
      const last = row.cells[row.cells.length - 1];
      if (row.matches(".matrix-group")) { // a group's name (经济发展类) over its units' rows
        const range = document.createRange(); range.selectNodeContents(last);
        if (new Set([...range.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.bottom))).size > 1)
          out.push("a group's name broken: " + last.textContent.trim());
        continue;
      }
      // A graded table's score, and its level where both stick (not the
      // score alone: data-stick-score).
      const ends = !t.classList.contains("graded") ? [last] :
        wrap.matches("[data-stick-score]") ? [row.cells[row.cells.length - 2]] : [row.cells[row.cells.length - 2], last];
      for (const [i, cell] of ends.entries()) {
        const c = cell.getBoundingClientRect();
        if (%[1]t && (c.left < left - 0.5 || c.right > right + 0.5))
          out.push("its " + ["last", "score's"][ends.length - 1 - i] + " column's " + JSON.stringify(cell.textContent.trim()) + " from " + Math.round(c.left - left) + " to " + Math.round(c.right - left) + " px");
      }
      const r = ends[0].getBoundingClientRect();
      const name = row.querySelector("tbody th");
      if (name) {
        const n = name.getBoundingClientRect();
        if (n.right > r.left + 0.5 || %[1]t && (n.left < left - 0.5 || n.right > right + 0.5))
          out.push("the name " + name.textContent.trim() + " from " + Math.round(n.left - left) + " to " + Math.round(n.right - left) + " px, the score's column from " + Math.round(r.left - left));
        // The lines of its text, not the boxes of the elements it is in
        // (the 适老模式's link fills its cell), nor the text only a screen
        // reader hears (its group, in a 1 px box).
        const bottoms = new Set(), texts = document.createTreeWalker(name, NodeFilter.SHOW_TEXT);
        for (let n; (n = texts.nextNode());) {
          if (n.parentElement.closest(".visually-hidden")) continue;
          const range = document.createRange(); range.selectNodeContents(n);
          for (const x of range.getClientRects()) if (x.width > 0) bottoms.add(Math.round(x.bottom));
        }
        if (bottoms.size > 1)
          out.push("a name broken: " + name.textContent.trim());
      }
    }
    return out.join("; ");
  })));
})`

// TestPhoneHomeGroups: the home page's ranking of an office that ranks
// its units in groups with names of five characters (经济发展类, 社会民生类,
// testdata/offices/city-groups' renamed) names each group once, as the
// heading of its table's section (folded on a phone, as /rankings/), and
// on phones of 320 to 414 px, the sections opened, breaks no unit's name,
// the score in view: a column of the group on every row took a fifth of
// the width and broke its name (社会民 / 生类) even at 414 px.
func TestPhoneHomeGroups(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := copySite(t, officeSite(t, "city-groups"))
	groups := groupNames(t, dir)
	srv := serveOutputs(t, renderSite(t, dir))
	for _, c := range []struct {
		w int64
		d display
	}{{320, normal}, {360, normal}, {414, normal}, {360, senior}, {320, largest}} {
		emulate(t, ctx, phone{c.w, 740})
		choose(t, ctx, srv.URL, c.d)
		navigate(t, ctx, srv.URL+"/")
		heads := eval[[]string](t, ctx, `[...document.querySelectorAll(".home-ranking details.fold .fold-heading")].map(h => h.textContent)`)
		if !slices.Equal(heads, groups) {
			t.Fatalf("%d px, %s: the ranking's group headings are %q, want %q", c.w, c.d.name, heads, groups)
		}
		if folded := eval[int](t, ctx, `document.querySelectorAll(".home-ranking details.fold:not([open])").length`); folded != len(groups) {
			t.Errorf("%d px, %s: %d of the %d groups folded on the phone", c.w, c.d.name, folded, len(groups))
		}
		eval[bool](t, ctx, `document.querySelectorAll(".home-ranking details.fold").forEach(d => d.open = true); true`)
		got := eval[[]string](t, ctx, fmt.Sprintf(scoreInViewJS, c.d != largest))
		if len(got) != len(groups) {
			t.Errorf("%d px, %s: %d tables of the ranking, want one a group: %q", c.w, c.d.name, len(got), got)
		}
		for _, g := range got {
			if strings.Contains(g, "; ") {
				t.Errorf("%d px, %s: %q", c.w, c.d.name, g)
			}
		}
	}
}

// groupNames renames the unit groups of the site in dir to 经济发展类 and
// 社会民生类, a 市直部门's, and returns the new names in their order.
func groupNames(t *testing.T, dir string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "data", "units.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var old []string
	for _, m := range regexp.MustCompile(`(?m)^\[\[group\]\]\s*\nname\s*=\s*"([^"]+)"`).FindAllStringSubmatch(string(b), -1) {
		old = append(old, m[1])
	}
	want := []string{"经济发展类", "社会民生类"}
	if len(old) != len(want) {
		t.Fatalf("units.toml has groups %q, want two", old)
	}
	r := strings.NewReplacer(`"`+old[0]+`"`, `"`+want[0]+`"`, `"`+old[1]+`"`, `"`+want[1]+`"`)
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(p, []byte(r.Replace(string(b))), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// TestPhoneCountsTable: a score reckoned from two counts (扣分制), whose
// tables — the circular's table shortcode and its appendix — put a
// column for each count before 得分, keeps 得分 in view on phones of 320,
// 360 and 414 px, in the normal display and the 适老模式, beside the rank
// and the name; with the 适老模式's 大 text, where the rank and the name
// fill the box, it scrolls and covers neither. No unit's name is broken
// (县发展改革委, not 县发展改革 / 委). So too the home page's ranking. On main the two counts' headings, unbroken, took
// 得分 out of sight on a 360 px phone and squeezed the names to four
// characters a line, as they did a 市直机关工委's 市委统战部.
//
// Graded (群众满意 by a [[grade]]: gradedCountsSite), the tables end with
// each unit's level after 得分: the level and 得分 both stay in view, in
// the same displays; on main 等次 alone stuck, and 得分 scrolled away
// with the counts.
func TestPhoneCountsTable(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	srv := serveOutputs(t, renderSite(t, countsSite(t)))
	graded := serveOutputs(t, renderSite(t, gradedCountsSite(t)))
	for _, c := range []struct {
		w int64
		d display
	}{{320, normal}, {360, normal}, {414, normal}, {360, senior}, {320, largest}, {414, largest}} {
		emulate(t, ctx, phone{c.w, 740})
		choose(t, ctx, srv.URL, c.d)
		choose(t, ctx, graded.URL, c.d)
		for _, path := range []string{"circulars/2025/3/", "", "graded/circulars/2025/3/"} {
			url := srv.URL + "/" + path
			if after, ok := strings.CutPrefix(path, "graded/"); ok {
				url = graded.URL + "/" + after
			}
			navigate(t, ctx, url)
			eval[bool](t, ctx, openAll)
			// With 大 text, 并列第一 and 县发展改革委 fill the box (106 and
			// 152 px of 231 at 320 px, of 325 at 414 beside a score of
			// 73): the score scrolls, and does not cover them.
			inView := c.d != largest
			got := eval[[]string](t, ctx, fmt.Sprintf(scoreInViewJS, inView))
			want := 2 // the table shortcode's and the appendix's
			if path == "" {
				want = 1
			}
			if len(got) != want {
				t.Fatalf("%d px, %s, /%s: %d tables ranked by a score, want %d: %q", c.w, c.d.name, path, len(got), want, got)
			}
			for _, table := range got {
				if strings.Contains(table, "; ") {
					t.Errorf("%d px, %s, /%s: %s", c.w, c.d.name, path, table)
				}
			}
			if strings.HasPrefix(path, "graded/") {
				if n := eval[int](t, ctx, `document.querySelectorAll(".table-wrap > table.graded").length`); n != 2 {
					t.Fatalf("%d px, %s, /%s: %d graded tables, want 2", c.w, c.d.name, path, n)
				}
				// Each that scrolls sticks its score and level, or where
				// they do not both fit beside the rank and the name (320
				// px; the 适老模式) its score alone; at 360 px both.
				stuck := eval[[]string](t, ctx, `[...document.querySelectorAll(".table-wrap[data-scroll] > table.graded")].map(t =>
				  t.parentElement.matches("[data-stick-end]") ? "both" : t.parentElement.matches("[data-stick-score]") ? "score" : "none")`)
				t.Logf("%d px, %s: %q; %q", c.w, c.d.name, stuck, got)
				if inView && slices.Contains(stuck, "none") || c.w == 360 && c.d == normal && !slices.Equal(stuck, []string{"both", "both"}) {
					t.Errorf("%d px, %s, /%s: the graded tables that scroll stick %q", c.w, c.d.name, path, stuck)
				}
			}
		}
	}
}

// gradedCountsSite is countsSite with its 群众满意 graded by score: 9.0
// and above 优秀, 7.0 to 9.0 良好, the rest 合格. Its tables of 群众满意
// (the table shortcode's and the appendix's) end with a column 等次.
func gradedCountsSite(t *testing.T) string {
	t.Helper()
	dir := countsSite(t)
	appendFile(t, filepath.Join(dir, "config.toml"), `
[[grade]]
on        = "indicator"
indicator = "tousu-df"
[[grade.level]]
name    = "优秀"
atLeast = 9
[[grade.level]]
name    = "良好"
atLeast = 7
below   = 9
[[grade.level]]
name    = "合格"
below   = 7
`)
	return dir
}

// TestPhonePeriodTable reads a period's table (each unit's months' ranks,
// the period's score and rank) of a circular of each kind of office on a
// 360 px phone, and with 大 text on a 320 px one: no unit's name is broken
// (县委办公室, not 县委办公 / 室: the names' column was squeezed beside
// ranks that do not wrap), and with the table scrolled to its end — the
// period's score and rank, which the reader came for — the names are
// still there at the left edge of the box, not scrolled away with the
// months. The demo's last quarter (names of up to five characters) and
// the deduct office's first half, of six (县发展改革委).
func TestPhonePeriodTable(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	for _, s := range []struct{ name, dir string }{{"demo", demoSite(t)}, {"counts", countsQuarterSite(t)}} {
		outs := renderSite(t, s.dir)
		srv := serveOutputs(t, outs)
		var path string
		for _, o := range outs {
			if circularRE.MatchString(o.Path) && strings.Contains(string(o.Data), `period-table`) {
				path = strings.TrimSuffix(o.Path, "index.html") // the last in path order
			}
		}
		if path == "" {
			t.Fatalf("%s: no circular with a period's table", s.name)
		}
		for _, c := range []struct {
			w int64
			d display
		}{{360, normal}, {320, largest}} {
			emulate(t, ctx, phone{c.w, 740})
			choose(t, ctx, srv.URL, c.d)
			navigate(t, ctx, srv.URL+"/"+path)
			got := eval[[]string](t, ctx, `new Promise(done => {
			  const tables = [...document.querySelectorAll(".table-wrap > .period-table")];
			  tables.forEach(t => t.parentElement.scrollLeft = t.parentElement.scrollWidth);
			  requestAnimationFrame(() => done(tables.map(t => {
			    const wrap = t.parentElement, left = wrap.getBoundingClientRect().left + wrap.clientLeft;
			    const out = [t.caption.textContent + " " + wrap.scrollWidth + "/" + wrap.clientWidth + " scrolled " + Math.round(wrap.scrollLeft)];
			    for (const name of t.querySelectorAll("tbody th")) {
			      const bottoms = new Set(), texts = document.createTreeWalker(name, NodeFilter.SHOW_TEXT);
			      for (let n; (n = texts.nextNode());) {
			        const range = document.createRange(); range.selectNodeContents(n);
			        for (const x of range.getClientRects()) if (x.width > 0) bottoms.add(Math.round(x.bottom));
			      }
			      if (bottoms.size > 1) out.push("a name broken: " + name.textContent);
			      const at = name.getBoundingClientRect().left - left;
			      if (Math.abs(at) > 0.5) out.push(name.textContent + " at " + Math.round(at) + " px");
			    }
			    return out.join("; ");
			  })));
			})`)
			if len(got) == 0 {
				t.Fatalf("%s, /%s: no period's table", s.name, path)
			}
			for _, table := range got {
				if !strings.Contains(table, " scrolled ") || strings.Contains(table, " scrolled 0") {
					t.Errorf("%s, %d px, %s, /%s: %s: the table does not scroll; the test reads nothing", s.name, c.w, c.d.name, path, table)
				}
				if strings.Contains(table, "; ") {
					t.Errorf("%s, %d px, %s, /%s: %s", s.name, c.w, c.d.name, path, table)
				}
			}
		}
	}
}

// countsQuarterSite is countsSite with a half-year's circular of its two
// months, which tables each unit's months' ranks beside the half's
// score and rank.
func countsQuarterSite(t *testing.T) string {
	t.Helper()
	dir := countsSite(t)
	err := os.WriteFile(filepath.Join(dir, "content", "circulars", "2025-H1.md"), []byte(`+++
number = "某督通〔2025〕7号"
title  = "关于2025年上半年县直单位工作督查考核情况的通报"
date   = 2025-07-10
to     = "县直各单位"
data   = "2025-H1"
+++
现将2025年上半年县直单位考核情况通报如下：

{{< period-table >}}
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestPhoneFooterLongName: an office whose 主办单位 is a name of thirteen
// characters (中共某市直属机关工作委员会, a 市直机关工委's) keeps every page
// within a 320 px phone with the 适老模式's 大 text: the footer's entry
// goes under its colon and breaks inside the name only where the line
// cannot hold it. Its box was as wide as the whole name, and the page
// 342 px wide.
func TestPhoneFooterLongName(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	dir := copySite(t, officeSite(t, "deduct"))
	editFile(t, filepath.Join(dir, "config.toml"), `name    = "中共某县委办公室"`, `name    = "中共某市直属机关工作委员会"`)
	srv := serveOutputs(t, renderSite(t, dir))
	emulate(t, ctx, phones[0])
	choose(t, ctx, srv.URL, largest)
	for _, path := range []string{"", "circulars/2025/3/"} {
		navigate(t, ctx, srv.URL+"/"+path)
		if got := eval[[]string](t, ctx, fmt.Sprintf(overflowJS, phones[0].w)); len(got) > 1 {
			t.Errorf("/%s is %s px wide: %q", path, got[0], got[1:])
		}
		if got := eval[string](t, ctx, `[...document.querySelectorAll(".site-footer p > span")].map(s => s.textContent).join("|")`); !strings.Contains(got, "主办单位：中共某市直属机关工作委员会") {
			t.Errorf("/%s: the footer's entries are %q, want one of 主办单位：中共某市直属机关工作委员会", path, got)
		}
	}
}
