package render

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// TestSlipsWarned: a slip of a body's Markdown (a heading without its
// blank, a footnote never defined) is told to Options.Warn at its file's
// line, and is no problem: the site renders. A render through a Cache
// that takes the pages from it tells the same again, and a render without
// one too; once a slip is mended, it is not told.
func TestSlipsWarned(t *testing.T) {
	files := historySite()
	const circ, page = "content/circulars/2023-02.md", "content/notes.md"
	files[circ] = strings.Replace(files[circ], "正文。\n", "正文。\n\n##二、问题\n", 1)
	files[page] = "+++\ntitle = \"说明\"\n+++\n说明[^1]。\n"
	pv := &preview{dir: writeFiles(t, files)}
	heading := circ + ":9:1: 警告：“##”后要有一个空格才是标题（写作“## 二、问题”）"
	footnote := page + ":4:3: 警告：脚注“[^1]”没有定义，会照原样显示：在正文末尾另起一段，写“[^1]: 注释的内容”"
	for _, step := range []struct {
		name  string
		cache *Cache
		want  []string
	}{
		{"first render", &pv.rc, []string{heading, footnote}},
		{"from the cache", &pv.rc, []string{heading, footnote}},
		{"without a cache", nil, []string{heading, footnote}},
	} {
		if got := pv.warned(t, step.cache); !reflect.DeepEqual(got, step.want) {
			t.Errorf("%s: warned\n%q\nwant\n%q", step.name, got, step.want)
		}
	}
	mended := strings.Replace(files[page], "[^1]", "", 1)
	if err := os.WriteFile(filepath.Join(pv.dir, page), []byte(mended), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := pv.warned(t, &pv.rc), []string{heading}; !reflect.DeepEqual(got, want) {
		t.Errorf("mended: warned\n%q\nwant\n%q", got, want)
	}
}

// TestCityBottomWithoutHigherRanks: city-bottom in the circular of a
// month without any rank from above (no overallCity, no city or district
// rank of any indicator) would publish 本期没有排全市后三的单项目标 of ranks
// the office was never given: it renders, and is warned of at the
// shortcode. Once the month has a rank from above it is not, through the
// same Cache, whose page of the circular the month's change renders
// again; and when the rank is taken out again, it is told again. The
// warning points at [ranking] cityRanks = false until config.toml says
// it.
func TestCityBottomWithoutHigherRanks(t *testing.T) {
	files := historySite()
	const circ, month = "content/circulars/2023-02.md", "data/2023-02.toml"
	files[circ] = strings.Replace(files[circ], "正文。\n", "正文。\n\n{{< city-bottom >}}\n", 1)
	unranked := strings.NewReplacer("city = 1\n", "", "district = 3\n", "").Replace(files[month])
	ranked := files[month]
	if unranked == ranked {
		t.Fatal("the month had no ranks from above to take out")
	}
	files[month] = unranked
	dir := writeFiles(t, files)
	pv := &preview{dir: dir}
	render := func() (warned []string, none bool) {
		t.Helper()
		warn := func(d diag.Diagnostic) { warned = append(warned, d.String()) }
		for _, o := range pv.renderWith(t, Options{Cache: &pv.rc, Warn: warn}) {
			if o.Path == "circulars/2023/5/index.html" {
				return warned, strings.Contains(string(o.Data), "<p>本期没有排全市后三的单项目标。</p>")
			}
		}
		t.Fatal("no page circulars/2023/5/")
		return nil, false
	}
	const told = ":9:1: 警告：data/2023-02.toml 没有一项全市排名（overallCity、各项的 city、district 都没有填），" +
		"这里会写出“本期没有排全市后三的单项目标。”：本地区没有全市排名的，请删去这个短代码"
	// Pointed at cityRanks = false while config.toml does not say it.
	want := []string{circ + told + "，并在 config.toml 的 [ranking] 中写 cityRanks = false，" +
		"以后新月份的文件和填报工作簿就不再列出全市排名；排名还没下发的，填好再发布"}
	said := []string{circ + told + "；排名还没下发的，填好再发布"}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	config := files["config.toml"]
	saysNone := strings.Replace(config, "[ranking]\n", "[ranking]\ncityRanks = false\n", 1)
	for _, step := range []struct {
		name   string
		config string
		month  string
		warned []string
	}{
		{"no rank from above", config, unranked, want},
		{"a rank from above", config, ranked, nil},
		{"the ranks taken out again", config, unranked, want},
		{"config.toml says there are none", saysNone, unranked, said},
		{"says there are", strings.Replace(saysNone, "= false", "= true", 1), unranked, want},
	} {
		write("config.toml", step.config)
		write(month, step.month)
		got, none := render()
		if !reflect.DeepEqual(got, step.warned) {
			t.Errorf("%s: warned\n%q\nwant\n%q", step.name, got, step.warned)
		}
		if none != (step.warned != nil) {
			t.Errorf("%s: the page says 本期没有排全市后三的单项目标: %v", step.name, none)
		}
	}
}

// TestCityBottomWithoutCityRank: an office ranked by the province and
// given no peer ranking ([ranking] districtRanks = false), whose month's
// province ranks have not come, is warned at city-bottom of the keys it
// writes — overallCity and each result's city — not of a district it
// never writes.
func TestCityBottomWithoutCityRank(t *testing.T) {
	files := historySite()
	const circ, month = "content/circulars/2023-02.md", "data/2023-02.toml"
	files["config.toml"] = strings.NewReplacer("peer = \"三区\"\n", "city = \"全省\"\n", "districtUnits = 3\n", "districtRanks = false\n").Replace(files["config.toml"])
	files[circ] = strings.Replace(files[circ], "正文。\n", "正文。\n\n{{< city-bottom >}}\n", 1)
	for _, m := range []string{"data/2022-12.toml", "data/2023-01.toml", month} {
		files[m] = strings.NewReplacer("district = 2\n", "", "district = 1\n", "", "district = 3\n", "").Replace(files[m])
	}
	files[month] = strings.Replace(files[month], "city = 1\n", "", 1)
	s := loadFiles(t, files)
	var warned []string
	if _, err := Render(s, rank.Archive(s), Options{Warn: func(d diag.Diagnostic) { warned = append(warned, d.String()) }}); err != nil {
		t.Fatal(err)
	}
	want := []string{circ + ":9:1: 警告：data/2023-02.toml 没有一项全省排名（overallCity、各项的 city 都没有填），" +
		"这里会写出“本期没有排全省后三的单项目标。”：本地区没有全省排名的，请删去这个短代码，并在 config.toml 的 [ranking] 中写 cityRanks = false，" +
		"以后新月份的文件和填报工作簿就不再列出全省排名；排名还没下发的，填好再发布"}
	if !reflect.DeepEqual(warned, want) {
		t.Errorf("warned\n%q\nwant\n%q", warned, want)
	}
}

// TestSlipsWarnedOnlyDrafts: a render of some circulars only (the
// preview's drafts, Options.Only) tells the slips of those circulars'
// bodies, not of the pages or circulars it does not render, though its
// Cache keeps theirs from a whole render before; again from the Cache,
// which then converts nothing.
func TestSlipsWarnedOnlyDrafts(t *testing.T) {
	files := historySite()
	const draft, other, page = "content/circulars/2023-02.md", "content/circulars/2023-01.md", "content/notes.md"
	files[draft] = strings.Replace(files[draft], "正文。\n", "正文。\n\n##二、问题\n", 1)
	files[other] = strings.Replace(files[other], "正文。\n", "正文。\n\n##三、其他\n", 1)
	files[page] = "+++\ntitle = \"说明\"\n+++\n说明[^1]。\n"
	var sc site.Cache
	s, err := site.LoadCached(writeFiles(t, files), &sc)
	if err != nil {
		t.Fatal(err)
	}
	results := rank.Archive(s)
	var rc Cache
	draftSlip := draft + ":9:1: 警告：“##”后要有一个空格才是标题（写作“## 二、问题”）"
	for _, step := range []struct {
		name string
		only []string
		want []string
	}{
		{"the whole site", nil, []string{other + ":9:1: 警告：“##”后要有一个空格才是标题（写作“## 三、其他”）", draftSlip,
			page + ":4:3: 警告：脚注“[^1]”没有定义，会照原样显示：在正文末尾另起一段，写“[^1]: 注释的内容”"}},
		{"the draft alone", []string{draft}, []string{draftSlip}},
		{"the draft alone, from the cache", []string{draft}, []string{draftSlip}},
	} {
		var got []string
		warn := func(d diag.Diagnostic) { got = append(got, d.String()) }
		if _, err := Render(s, results, Options{Cache: &rc, Only: step.only, Warn: warn}); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, step.want) {
			t.Errorf("%s: warned\n%q\nwant\n%q", step.name, got, step.want)
		}
	}
}
