package demo

import (
	"bytes"
	"cmp"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tongbao/internal/rank"
	"tongbao/internal/site"
)

func loadSample(t *testing.T) *site.Site {
	t.Helper()
	s, err := site.Load("../..")
	if err != nil {
		t.Fatalf("loading the sample site: %v", err)
	}
	return s
}

func TestMonths(t *testing.T) {
	m := Months(2)
	if len(m) != 24 || m[0] != "2021-03" || m[23] != Last || m[12] != "2022-03" {
		t.Errorf("Months(2) = %v", m)
	}
	if len(Months(0)) != 0 {
		t.Error("Months(0) is not empty")
	}
}

func TestFilesDeterministicAndComplete(t *testing.T) {
	s := loadSample(t)
	a, b := Files(s, 2, 7), Files(s, 2, 7)
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("the same seed gave different files")
	}
	if maps.EqualFunc(a, Files(s, 2, 8), bytes.Equal) {
		t.Error("a different seed gave the same files")
	}
	for _, key := range Months(2) {
		for _, name := range []string{"data/" + key + ".toml", "content/circulars/" + key + ".md"} {
			if !bytes.Contains(a[name], []byte(Marker)) {
				t.Errorf("%s missing or without %s", name, Marker)
			}
		}
	}
	for _, name := range []string{"config.toml", "data/units.toml", "data/indicators.toml", "content/about.md"} {
		if a[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	if !strings.Contains(string(a["config.toml"]), `title    = "演示数据·`+s.Config.Title+`"`) {
		t.Errorf("config title:\n%s", a["config.toml"])
	}
	// The sample uses the built-in theme: so does the demo.
	for name := range a {
		if strings.HasPrefix(name, "layouts/") {
			t.Errorf("the demo holds %s; the sample overrides no layout", name)
		}
	}

	// 文号 unique, serials rising within each year, and some ties.
	numberRE := regexp.MustCompile(`number = "双政办函〔(\d{4})〕(\d+)号"`)
	seen := map[string]bool{}
	for _, key := range Months(2) {
		m := numberRE.FindSubmatch(a["content/circulars/"+key+".md"])
		if m == nil {
			t.Fatalf("%s: no 文号", key)
		}
		if seen[string(m[0])] {
			t.Errorf("%s: 文号 %s repeated", key, m[0])
		}
		seen[string(m[0])] = true
	}
	body := string(a["content/circulars/2022-06.md"])
	for _, sc := range []string{`{{< indicators "重点工作" >}}`, `{{< indicators "重点项目" >}}`, `{{< indicators "重点任务" >}}`,
		"{{< city-bottom", "{{< township-ranking >}}", "{{< categories >}}", "{{< rewards >}}", `{{< measures "约谈" >}}`, `{{< measures "提醒约谈" >}}`} {
		if !strings.Contains(body, sc) {
			t.Errorf("circular lacks %s", sc)
		}
	}
	// A year's and a quarter's circular, and rules that read them and
	// earlier months: the consistency test edits such a site.
	for name, want := range map[string]string{
		"content/circulars/2022.md":    `data   = "2022"`,
		"content/circulars/2022-Q4.md": "{{< period-table >}}",
		"config.toml":                  "streak = 2",
	} {
		if !strings.Contains(string(a[name]), want) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
	if !strings.Contains(string(a["config.toml"]), `period = "year"`) {
		t.Error("config.toml has no rule for the annual circulars")
	}
}

func TestWriteRefusesNonEmpty(t *testing.T) {
	s := loadSample(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, s, 1, 1); err != ErrNotEmpty {
		t.Fatalf("Write into a non-empty folder: %v, want ErrNotEmpty", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("Write wrote into a non-empty folder")
	}
}

// writtenDemo writes a demo of years years from s (seed 1) and loads it.
func writtenDemo(t *testing.T, s *site.Site, years int) *site.Site {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "demo")
	if err := Write(dir, s, years, 1); err != nil {
		t.Fatal(err)
	}
	d, err := site.Load(dir)
	if err != nil {
		t.Fatalf("loading the demo site: %v", err)
	}
	return d
}

func TestWrittenSiteLoads(t *testing.T) {
	s := loadSample(t)
	d := writtenDemo(t, s, 1)
	// Twelve months, a circular for each and one for each of the three
	// whole quarters after the first month (2022-Q2, Q3, Q4).
	if len(d.Months) != 12 || len(d.Circulars) != 15 {
		t.Errorf("%d months, %d circulars; want 12 and 15", len(d.Months), len(d.Circulars))
	}
	if !slices.EqualFunc(d.Indicators, s.Indicators, func(a, b *site.Indicator) bool {
		return a.ID == b.ID && a.Name == b.Name && a.Weight == b.Weight && a.HigherBetter == b.HigherBetter && len(a.Townships) == len(b.Townships)
	}) {
		t.Error("the demo's indicators differ from the sample's")
	}
	ties := 0
	for _, m := range d.Months {
		for _, r := range m.Results {
			vals := map[float64]int{}
			for _, sc := range r.Scores {
				vals[sc.Value]++
			}
			for _, n := range vals {
				if n > 1 {
					ties++
				}
			}
		}
	}
	if ties == 0 {
		t.Error("no tied scores in a year of demo data")
	}
}

// A demo of an office whose townships are ranked in groups keeps the
// groups: its rules name them (city-groups rewards each group's first),
// and the demo rank them apart as the office does.
func TestDemoOfGroupedSiteLoads(t *testing.T) {
	s, err := site.Load("../../testdata/offices/city-groups")
	if err != nil {
		t.Fatal(err)
	}
	d := writtenDemo(t, s, 1)
	if len(d.Groups) != 2 || d.Groups[0].Name != "县（市）组" || d.Groups[1].Name != "市辖区组" {
		t.Fatalf("groups %v, want 县（市）组 and 市辖区组", d.Groups)
	}
	for i, u := range d.Townships {
		if u.Group == nil || u.Group.Name != s.Townships[i].Group.Name {
			t.Errorf("%s in group %v, want %s", u.Name, u.Group, s.Townships[i].Group.Name)
		}
	}
}

// The demo writes a hand 约谈 (its last action) for the owner of an entry
// ranked low in the city; when the sample has a rule that takes that
// action by city rank, the rule does, and the hand entry would repeat it
// (an error: 与规则重复). A copy of county-streak with such a rule.
func TestDemoLeavesCityMeasuresToTheRules(t *testing.T) {
	src := "../../testdata/offices/county-streak"
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.toml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, "\n[[rule]]\non = \"city\"\nselect = \"bottom\"\naction = \"约谈\"\nwho = \"分管领导\"\n"...)
	if err := os.WriteFile(cfg, b, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := writtenDemo(t, s, 3)
	if err := rank.Archive(d).Err(); err != nil {
		t.Errorf("ranking the demo site: %v", err)
	}
}

// TestFilesCopyOverrides: a sample that overrides a layout and an asset
// of the built-in theme gives a demo with those two files of its own, and
// no copy of the built-in ones.
func TestFilesCopyOverrides(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("../..", name))); err != nil {
			t.Fatal(err)
		}
	}
	own := map[string]string{
		"config.toml":                  "",
		"layouts/partials/footer.html": "<footer>自己的页脚</footer>\n",
		"layouts/assets/css/site.css":  "body{}\n",
	}
	for name, text := range own {
		b := []byte(text)
		if name == "config.toml" {
			var err error
			if b, err = os.ReadFile("../../config.toml"); err != nil {
				t.Fatal(err)
			}
		}
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for name := range Files(s, 1, 1) {
		if strings.HasPrefix(name, "layouts/") {
			got = append(got, name)
		}
	}
	slices.Sort(got)
	if want := []string{"layouts/assets/css/site.css", "layouts/partials/footer.html"}; !slices.Equal(got, want) {
		t.Errorf("the demo's layouts are %q, want %q", got, want)
	}
}

// TestSerialsFollowDates: within a year, a circular numbered after
// another is not dated before it (a year's circular is numbered after
// December's and was dated before it in seven places of the 20-year demo).
func TestSerialsFollowDates(t *testing.T) {
	files := Files(loadSample(t), 20, 1)
	numberRE := regexp.MustCompile(`number = "[^"]*〔(\d{4})〕(\d+)号"\ntitle  = "[^"]*"\ndate   = (\S+)\n`)
	type circ struct {
		year, serial int
		date         string
	}
	var all []circ
	for name, b := range files {
		if !strings.HasPrefix(name, "content/circulars/") {
			continue
		}
		m := numberRE.FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s: no number, title and date", name)
		}
		y, _ := strconv.Atoi(string(m[1]))
		n, _ := strconv.Atoi(string(m[2]))
		all = append(all, circ{y, n, string(m[3])})
	}
	slices.SortFunc(all, func(a, b circ) int { return cmp.Or(cmp.Compare(a.year, b.year), cmp.Compare(a.serial, b.serial)) })
	if len(all) < 240 {
		t.Fatalf("%d circulars", len(all))
	}
	for i := 1; i < len(all); i++ {
		if a, b := all[i-1], all[i]; a.year == b.year && a.date > b.date {
			t.Errorf("〔%d〕%d号 is dated %s, after 〔%d〕%d号 of %s", a.year, a.serial, a.date, b.year, b.serial, b.date)
		}
	}
}

// TestMethodsKept: the demo's config.toml writes the sample's methods —
// a sum's office got rank-points, ranked otherwise than the office ranks.
func TestMethodsKept(t *testing.T) {
	s := loadSample(t)
	s.Config.Scoring = site.Scoring{RawSum: true, Decimals: 1}
	s.Config.Aggregate.Method = site.MeanRank
	config := string(Files(s, 1, 1)["config.toml"])
	for _, want := range []string{"[scoring]\nmethod   = \"sum\"\ndecimals = 1\n", "[aggregate]\nmethod    = \"mean-rank\"\n"} {
		if !strings.Contains(config, want) {
			t.Errorf("config.toml lacks %q:\n%s", want, config)
		}
	}
}

// TestChangesKept: a demo of an office whose 考核办法 changed writes the
// changes and the short names of its indicators — it wrote the base
// settings only, so its months were ranked by a weight the office had
// given up, and its pages found by a short name the office's were not.
func TestChangesKept(t *testing.T) {
	s := loadSample(t)
	byID := map[string]*site.Indicator{}
	for _, ind := range s.Indicators {
		byID[ind.ID] = ind
	}
	gongye, shexiao := byID["gongye"], byID["shexiao"]
	gongye.Changes = []site.Change{{From: "2022-01", Setting: site.Setting{HigherBetter: true, Weight: 2, Decimals: 1}, Set: []string{"weight"}}}
	shexiao.ShortNames = []string{"社消零"}
	shexiao.Changes = []site.Change{{From: "2022-07", Setting: site.Setting{HigherBetter: true, Weight: 1, Decimals: 0}, Set: []string{"decimals"}}}
	d := writtenDemo(t, s, 3)
	got := map[string]*site.Indicator{}
	for _, ind := range d.Indicators {
		got[ind.ID] = ind
	}
	g, x := got["gongye"].Changes, got["shexiao"].Changes
	if len(g) != 1 || g[0].From != "2022-01" || g[0].Weight != 2 || g[0].Decimals != 1 || !g[0].HigherBetter || !slices.Equal(g[0].Set, []string{"weight"}) {
		t.Errorf("规模工业增加值's changes: %+v; want weight 2 from 2022-01", g)
	}
	if len(x) != 1 || x[0].From != "2022-07" || x[0].Decimals != 0 || x[0].Weight != 1 || !slices.Equal(x[0].Set, []string{"decimals"}) {
		t.Errorf("社会消费品零售总额's changes: %+v; want 0 decimals from 2022-07", x)
	}
	if !slices.Equal(got["shexiao"].ShortNames, []string{"社消零"}) {
		t.Errorf("short names %q, want 社消零", got["shexiao"].ShortNames)
	}
	// A month after the change is scored at its decimals: whole numbers.
	aug := string(Files(s, 3, 1)["data/2022-08.toml"])
	i := strings.Index(aug, `indicator = "shexiao"`)
	if i < 0 {
		t.Fatal("the demo's August 2022 has no 社会消费品零售总额")
	}
	j := strings.Index(aug[i:], "[result.townships]")
	if j < 0 {
		t.Fatal("the demo's August 2022 has no scores of 社会消费品零售总额")
	}
	for _, line := range strings.Split(strings.SplitN(aug[i+j:], "\n\n", 2)[0], "\n")[1:] {
		_, v, _ := strings.Cut(line, " = ")
		if f, err := strconv.ParseFloat(v, 64); err != nil || f != float64(int(f)) {
			t.Errorf("社会消费品零售总额 in 2022-08: %s, want a whole number", line)
		}
	}
}
