package e2e

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// axeRun runs axe-core on the page with the WCAG 2.0, 2.1 and 2.2 A and
// AA rules (GB/T 37668-2019 is aligned with WCAG 2.x) and returns the
// violations, one line per failing element.
const axeRun = `axe.run(document, {
  runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
  resultTypes: ["violations"],
}).then(r => r.violations.flatMap(v => v.nodes.map(n =>
  v.id + " [" + v.impact + "] " + n.target.join(" ") + ": " + v.help +
  (n.failureSummary ? " — " + n.failureSummary.replace(/\s+/g, " ") : ""))))`

// landmarks describes what DOMAIN.md §2 asks of every page besides axe's
// rules: the language, one site header, main navigation, main region and
// footer, and a skip link to the main region as the first focusable
// element.
const landmarks = `[
  document.documentElement.lang,
  document.querySelectorAll("body > header, [role=banner]").length,
  document.querySelectorAll("nav[aria-label='主导航']").length,
  document.querySelectorAll("main").length,
  document.querySelectorAll("body > footer, [role=contentinfo]").length,
  (document.querySelector("a[href], button, input, select, textarea") || {}).getAttribute?.("href"),
].join(" ")`

// TestAxe opens one page of every type of a five-year demo site in
// Chromium and runs axe-core on it, every <details> open, in the normal
// and in the 适老 mode, and once more in the 适老 mode on a phone 320 px
// wide, where tables scroll in their boxes: there must be no violation at
// all.
func TestAxe(t *testing.T) {
	t.Parallel()
	start := time.Now()
	ctx := tab(t)
	axe := axeSource(t)
	dir := demoSite(t)
	outs := renderSite(t, dir)
	srv := serveOutputs(t, outs)
	types := pageTypes(t, dir, outs)

	for _, mode := range []string{"normal", "senior", "senior on a phone"} {
		switch mode {
		case "senior":
			// The reader's choice, as the toggle stores it (senior.js).
			eval[bool](t, ctx, `localStorage.setItem("tongbao-senior", "on"), true`)
		case "senior on a phone":
			emulate(t, ctx, phones[0])
		}
		for _, p := range types {
			navigate(t, ctx, srv.URL+"/"+p.Path)
			eval[bool](t, ctx, openAll)
			if got := eval[bool](t, ctx, `document.documentElement.classList.contains("senior")`); got != (mode != "normal") {
				t.Fatalf("%s: html.senior is %v in the %s mode", describe(p), got, mode)
			}
			if got := eval[string](t, ctx, landmarks); got != "zh-CN 1 1 1 1 #main" {
				t.Errorf("%s: lang, banner, navigation, main, contentinfo, skip link = %q; want %q", describe(p), got, "zh-CN 1 1 1 1 #main")
			}
			eval[bool](t, ctx, axe+";\ntrue")
			for _, v := range eval[[]string](t, ctx, axeRun) {
				t.Errorf("%s, %s mode: %s", describe(p), mode, v)
			}
		}
	}
	// The harness itself: an image without a text alternative must be
	// reported, or the zero above proves nothing.
	navigate(t, ctx, srv.URL+"/")
	eval[bool](t, ctx, axe+";\ntrue")
	eval[bool](t, ctx, `document.querySelector("main").append(Object.assign(document.createElement("img"), {src: "data:image/gif;base64,R0lGODlhAQABAAAAACw="})), true`)
	if v := strings.Join(eval[[]string](t, ctx, axeRun), "\n"); !strings.Contains(v, "image-alt [critical] ") {
		t.Errorf("axe does not report an image without alt; it reported:\n%s", v)
	}

	var names []string
	for _, p := range types {
		names = append(names, describe(p))
	}
	t.Logf("axe checked %d pages × 3 modes in %v: %s", len(types), time.Since(start).Round(time.Millisecond), strings.Join(names, ", "))
	// demoSite adds a folder of plain pages: both kinds must be there; and
	// the index pages of issue 15.
	for _, kind := range []string{"kind-page", "kind-list", "shape:units", "shape:indicators", "shape:year"} {
		if !slices.ContainsFunc(types, func(p pageType) bool { return p.Name == kind }) {
			t.Errorf("no %s page was checked", kind)
		}
	}
}

// TestAxeUnitSpans runs axe-core, in the normal and the 适老 mode, on what
// a 行政区划调整 and a 机构改革 add to the sample's pages (units.toml until,
// became, from): a township's and a department's pages saying when each
// was assessed and linking the other, /units/ with the spans under the
// names, and an indicator's page naming its earlier owner.
func TestAxeUnitSpans(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	axe := axeSource(t)
	dir := copySite(t, sampleSite(t))
	units := filepath.Join(dir, "data", "units.toml")
	editFile(t, units, "name = \"火车站乡\"\nslug = \"huochezhan\"\n",
		"name = \"火车站乡\"\nslug = \"huochezhan\"\nuntil = \"2023-02\"\nbecame = \"火车站镇\"\n\n[[township]]\nname = \"火车站镇\"\nslug = \"huochezhanzhen\"\nfrom = \"2023-03\"\n")
	editFile(t, units, "name = \"区发改局\"\nslug = \"fagai\"\n",
		"name = \"区发改局\"\nslug = \"fagai\"\nuntil = \"2023-02\"\nbecame = \"区发展和改革局\"\n\n[[department]]\nname = \"区发展和改革局\"\nslug = \"fazhangaige\"\nfrom = \"2023-03\"\n")
	srv := serveOutputs(t, renderSite(t, dir))
	pages := map[string]string{ // each page and what it must show
		"units/huochezhan/":     "参加考核至2023年2月，此后由火车站镇接续。",
		"units/huochezhanzhen/": "2023年3月起参加考核，接续火车站乡。",
		"units/fagai/":          "参加考核至2023年2月，此后由区发展和改革局接续。",
		"units/fazhangaige/":    "2023年3月起参加考核，接续区发改局。",
		"units/":                "火车站镇\n2023年3月起参加考核",
		"indicators/fuwuye/":    "区发改局（至2023年2月）、区发展和改革局",
	}
	for _, mode := range []string{"normal", "senior"} {
		if mode == "senior" {
			eval[bool](t, ctx, `localStorage.setItem("tongbao-senior", "on"), true`)
		}
		for _, p := range slices.Sorted(maps.Keys(pages)) {
			navigate(t, ctx, srv.URL+"/"+p)
			if text := eval[string](t, ctx, `document.querySelector("main").innerText`); !strings.Contains(text, pages[p]) {
				t.Errorf("%s does not show %q", p, pages[p])
			}
			eval[bool](t, ctx, axe+";\ntrue")
			for _, v := range eval[[]string](t, ctx, axeRun) {
				t.Errorf("%s, %s mode: %s", p, mode, v)
			}
		}
	}
}

// TestAxeDeduct runs axe-core, in the normal and the 适老 mode, on what a
// 扣分制 office's derived scores add (testdata/offices/deduct): the
// appendix's and the table shortcode's column of counts before the
// score, with the dash of a township 不涉及, and the indicator pages
// saying how a score is reckoned and what a count is reckoned into.
func TestAxeDeduct(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	axe := axeSource(t)
	srv := serveOutputs(t, renderSite(t, officeSite(t, "deduct")))
	pages := map[string]string{ // each page and what it must show
		"circulars/2025/3/":      "并列第四县教育局150.0—无排名县住建局—不涉及不涉及",
		"circulars/2025/4/":      "第六县民政局76.5",
		"indicators/xinfang-df/": "满分10分，由信访件数折算（每件扣1分），最低0分",
		"indicators/xinfang/":    "按件数折算信访稳定的得分",
	}
	for _, mode := range []string{"normal", "senior"} {
		if mode == "senior" {
			eval[bool](t, ctx, `localStorage.setItem("tongbao-senior", "on"), true`)
		}
		for _, p := range slices.Sorted(maps.Keys(pages)) {
			navigate(t, ctx, srv.URL+"/"+p)
			eval[bool](t, ctx, openAll)
			text := strings.Join(strings.Fields(eval[string](t, ctx, `document.querySelector("main").innerText`)), "")
			if !strings.Contains(text, pages[p]) {
				t.Errorf("%s does not show %q:\n%s", p, pages[p], text)
			}
			eval[bool](t, ctx, axe+";\ntrue")
			for _, v := range eval[[]string](t, ctx, axeRun) {
				t.Errorf("%s, %s mode: %s", p, mode, v)
			}
		}
	}
}

// TestAxeGroupedMatrix runs axe-core on the rankings, an indicator's page
// and the home page of an office whose units are ranked in groups
// (groupedVillageSite),
// in the normal and the 适老 mode: each group ends with a row that heads
// it on paper (the group's name and the months), which on screen is not
// shown, nor read: /rankings/ and an indicator's page have a table per
// group and year, in the group's section, its caption naming the group. And on /data/, its
// field tables folded, and on a circular with the score-table shortcode.
func TestAxeGroupedMatrix(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	axe := axeSource(t)
	dir, group := groupedVillageSite(t)
	dir = copySite(t, dir) // its last circular is written below
	months, err := filepath.Glob(filepath.Join(dir, "content", "circulars", "[0-9][0-9][0-9][0-9]-[0-9][0-9].md"))
	if err != nil || len(months) == 0 {
		t.Fatalf("no month's circular in the demo: %v", err)
	}
	last := months[len(months)-1]
	appendFile(t, last, "\n{{< score-table \"gdp\" \"shouru\" \"minsheng\" >}}\n")
	srv := serveOutputs(t, renderSite(t, dir))
	var circular string
	for _, o := range renderSite(t, dir) {
		if strings.Contains(string(o.Data), `class="ranking-table score-table"`) {
			circular = strings.TrimSuffix(o.Path, "index.html")
		}
	}
	if circular == "" {
		t.Fatalf("no circular has the score-table of %s", last)
	}
	// What a reader is given of each matrix: its rows shown, and their
	// cells, as the accessibility tree has them (a hidden row has no box
	// and no role).
	const shown = `[...document.querySelectorAll(".matrix")].map(t => [...t.rows].filter(r => r.getClientRects().length > 0).length + " " + t.tHead.rows.length + " " + t.querySelectorAll(".matrix-print-head").length)`
	// By hand: 39 units (7 of city-groups and the 32 villages) in two
	// groups. On /rankings/ and an indicator's page (gdp, of every unit)
	// each group's own matrix, of the demo's two years: 县（市）组's 4
	// counties and 20 villages, 24 rows and the head row; 市辖区组's 3
	// districts and 12 villages, 15 and the head row; a row for paper
	// each, not shown.
	if len(group) != 39 {
		t.Fatalf("%d units, want 39", len(group))
	}
	for _, mode := range []string{"normal", "senior"} {
		if mode == "senior" {
			eval[bool](t, ctx, `localStorage.setItem("tongbao-senior", "on"), true`)
		}
		for _, p := range []struct {
			path     string
			matrices []string
		}{
			{"rankings/", []string{"25 1 1", "25 1 1", "16 1 1", "16 1 1"}},
			{"indicators/gdp/", []string{"25 1 1", "25 1 1", "16 1 1", "16 1 1"}},
			{"data/", nil},
			{circular, nil},
		} {
			navigate(t, ctx, srv.URL+"/"+p.path)
			if got := eval[[]string](t, ctx, shown); !slices.Equal(got, p.matrices) {
				t.Errorf("%s, %s mode: the matrices show %q (rows shown, head rows, rows for paper); want %q", p.path, mode, got, p.matrices)
			}
			p := p.path
			eval[bool](t, ctx, axe+";\ntrue")
			for _, v := range eval[[]string](t, ctx, axeRun) {
				t.Errorf("%s, %s mode: %s", p, mode, v)
			}
		}
		// The home page's ranking: a table per group, in the group's
		// section.
		navigate(t, ctx, srv.URL+"/")
		if n := eval[int](t, ctx, `document.querySelectorAll(".home-ranking details.fold table").length`); n != 2 {
			t.Errorf("home, %s mode: the ranking has %d groups' tables, want 2", mode, n)
		}
		eval[bool](t, ctx, axe+";\ntrue")
		for _, v := range eval[[]string](t, ctx, axeRun) {
			t.Errorf("home, %s mode: %s", mode, v)
		}
	}
}

// TestAxeGroupedHome runs axe-core on the home page of an office whose
// units are ranked in groups (groupedVillageSite), in the normal and the
// 适老 mode: its ranking is a table a group, in the group's section
// (headed by its name, the caption naming it too), and each unit's row
// heading still says, to a screen reader, the group it is ranked in
// (its text, hidden text included).
func TestAxeGroupedHome(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	axe := axeSource(t)
	dir, group := groupedVillageSite(t)
	srv := serveOutputs(t, renderSite(t, dir))
	const rows = `[...document.querySelectorAll(".home-ranking tbody th[scope=row]")].map(th => th.querySelector("a").textContent + " " + th.textContent)`
	const heads = `[...document.querySelectorAll(".home-ranking details.fold")].map(d => d.querySelector("summary").textContent + " " + d.querySelector("caption").textContent)`
	for _, mode := range []string{"normal", "senior"} {
		if mode == "senior" {
			eval[bool](t, ctx, `localStorage.setItem("tongbao-senior", "on"), true`)
		}
		navigate(t, ctx, srv.URL+"/")
		// By hand: 39 units in two groups, each named once.
		got := eval[[]string](t, ctx, rows)
		if len(got) != 39 {
			t.Errorf("%s mode: %d rows, want 39", mode, len(got))
		}
		for _, r := range got {
			name, text, _ := strings.Cut(r, " ")
			if want := name + "（" + group[name] + "）"; text != want {
				t.Errorf("%s mode: a row heading says %q, want %q", mode, text, want)
			}
		}
		h := eval[[]string](t, ctx, heads)
		if len(h) != 2 {
			t.Errorf("%s mode: group sections %q, want two", mode, h)
		}
		for i, g := range []string{"县（市）组", "市辖区组"} {
			if i < len(h) && !(strings.HasPrefix(h[i], g+" ") && strings.HasSuffix(h[i], g+"综合考核排名")) {
				t.Errorf("%s mode: group section %d is headed and captioned %q, want %s and …%s综合考核排名", mode, i+1, h[i], g, g)
			}
		}
		if n := eval[int](t, ctx, `document.querySelectorAll(".home-ranking tbody th[scope=rowgroup]").length`); n != 0 {
			t.Errorf("%s mode: %d rows head a group in its own table; its caption names it", mode, n)
		}
		eval[bool](t, ctx, axe+";\ntrue")
		for _, v := range eval[[]string](t, ctx, axeRun) {
			t.Errorf("home, %s mode: %s", mode, v)
		}
	}
}

// TestAxeOverall runs axe-core on the pages that show an overall ranking
// beside the groups' ([ranking] overall, docs/rules.md 全县排名), of
// groupedVillageSite ranked overall too: a circular (its sentences, the
// appendix's 全市排名 column and overall composite table), a unit's page
// (the column beside its composite ranks), an indicator's page, the
// rankings page (a second matrix a year, whose ids must not repeat the
// first's) and the home page (the column beside the groups' ranks, and
// the overall composite after them, which a phone folds and a desktop
// shows open).
func TestAxeOverall(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	axe := axeSource(t)
	dir, _ := groupedVillageSite(t)
	dir = copySite(t, dir) // its config.toml is written below
	config := filepath.Join(dir, "config.toml")
	b, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("\n[ranking]\n")) {
		t.Fatal("the demo's config.toml has no [ranking]")
	}
	if err := os.WriteFile(config, bytes.Replace(b, []byte("\n[ranking]\n"), []byte("\n[ranking]\noverall = true\n"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	outs := renderSite(t, dir)
	var circular string
	for _, o := range outs {
		if strings.HasPrefix(o.Path, "circulars/") && strings.HasSuffix(o.Path, "/index.html") && strings.Count(o.Path, "/") == 3 {
			circular = strings.TrimSuffix(o.Path, "index.html")
		}
	}
	srv := serveOutputs(t, outs)
	for _, p := range []string{circular, "units/cun01/", "indicators/gdp/", "rankings/", ""} {
		navigate(t, ctx, srv.URL+"/"+p)
		if !eval[bool](t, ctx, `[...document.querySelectorAll("th, h2")].some(e => e.textContent.startsWith("全市"))`) {
			t.Errorf("%s: no 全市排名 column or heading (全市…综合考核排名)", p)
		}
		eval[bool](t, ctx, axe+";\ntrue")
		for _, v := range eval[[]string](t, ctx, axeRun) {
			t.Errorf("%s: %s", p, v)
		}
	}
	for _, s := range phoneAndDesktop {
		use(t, ctx, s)
		navigate(t, ctx, srv.URL+"/")
		// The groups' tables, a section each, fold as the overall one does.
		want := []string{"group-1 open", "group-2 open", "overall-ranking open"}
		if s.phone {
			want = []string{"group-1 folded", "group-2 folded", "overall-ranking folded"}
		}
		if got := eval[[]string](t, ctx, foldsJS); !slices.Equal(got, want) {
			t.Errorf("%s: the home page's folds are %q; want %q", s, got, want)
		}
	}
}
