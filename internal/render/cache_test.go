package render

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tongbao/internal/demo"
	"tongbao/internal/diag"
	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/theme"
)

// TestCacheMatchesFreshRender edits a one-year demo archive the ways
// staff do — a month's scores, a circular's text, the stylesheet, the
// units — and after each edit renders through one long-lived cache, as
// the preview server does, and from nothing, as a build does. The two
// must agree byte for byte; and what an edit does not touch must come
// back from the cache rather than be rendered again.
func TestCacheMatchesFreshRender(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, loadSample(t), 1, 1); err != nil {
		t.Fatal(err)
	}
	pv := &preview{dir: dir}
	render := func() (cached, fresh map[string][]byte) { t.Helper(); return pv.renderChecked(t) }
	edit := func(name, from, to string) { t.Helper(); editFile(t, dir, name, from, to) }
	// same reports whether an output came back as the very bytes of the
	// previous render: reused, not rendered again.
	same := func(a, b []byte) bool { return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0] }

	before, _ := render()
	circulars, _ := filepath.Glob(filepath.Join(dir, "content", "circulars", "*.md"))
	if len(circulars) < 3 {
		t.Fatalf("the demo has %d circulars", len(circulars))
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	first, last := s.Circulars[0], s.Circulars[len(s.Circulars)-1]
	middle := s.Circulars[len(s.Circulars)/2]

	// A month's data: its circular and open data change, a circular two
	// months away is reused.
	m := monthOf(s, first)
	edit(m.File, fmt.Sprintf("overallCity = %d", m.OverallCity), fmt.Sprintf("overallCity = %d", m.OverallCity%12+1))
	after, _ := render()
	if !same(before[middle.URLPath()+"index.html"], after[middle.URLPath()+"index.html"]) {
		t.Error("editing the first month rendered a circular of another month again")
	}

	// A township's score in another month: its ranks move on the history
	// pages, whose other years come from the cache (checked equal to a
	// fresh render inside render).
	before = after
	mm := monthOf(s, middle)
	score := mm.Results[0].Scores[0]
	old := strconv.FormatFloat(score.Value, 'f', -1, 64)
	edit(mm.File, fmt.Sprintf("%q = %s", score.Unit.Name, old), fmt.Sprintf("%q = %s", score.Unit.Name, strconv.FormatFloat(score.Value-40, 'f', -1, 64)))
	after, _ = render()
	if bytes.Equal(before["rankings/index.html"], after["rankings/index.html"]) {
		t.Error("moving a score by 40 points changed nothing on /rankings/")
	}

	// A city rank: the indicator's and its owner's pages show it; the
	// other indicators' pages come from the cache.
	before = after
	res := mm.Results[len(mm.Results)-1]
	for _, rr := range mm.Results {
		if rr.City > 0 {
			res = rr
			break
		}
	}
	if res.City == 0 {
		t.Fatal("no city rank in the middle month")
	}
	// setCity writes res's city rank in its month file m.
	setCity := func(m *site.Month, res *site.Result, city int) {
		t.Helper()
		src, err := os.ReadFile(filepath.Join(dir, m.File))
		if err != nil {
			t.Fatal(err)
		}
		at := bytes.Index(src, []byte(fmt.Sprintf("indicator = %q", res.Indicator.ID)))
		cityAt := bytes.Index(src[at:], []byte(fmt.Sprintf("city = %d", res.City)))
		if at < 0 || cityAt < 0 {
			t.Fatalf("cannot find the city rank of %s in %s", res.Indicator.ID, m.File)
		}
		cityAt += at
		edited := fmt.Appendf(slices.Clone(src[:cityAt]), "city = %d", city)
		edited = append(edited, src[cityAt+len(fmt.Sprintf("city = %d", res.City)):]...)
		if err := os.WriteFile(filepath.Join(dir, m.File), edited, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	setCity(mm, res, res.City%12+1)
	after, _ = render()
	changed := "indicators/" + res.Indicator.ID + "/index.html"
	if bytes.Equal(before[changed], after[changed]) {
		t.Errorf("moving the city rank of %s did not change its page", res.Indicator.ID)
	}
	for _, ind := range s.Indicators {
		p := "indicators/" + ind.ID + "/index.html"
		if ind != res.Indicator && ind != res.Indicator.Parent && !same(before[p], after[p]) {
			t.Errorf("moving the city rank of %s rendered %s again", res.Indicator.ID, p)
			break
		}
	}

	// A city rank of the newest month moved into the city-bottom list
	// (第十二 of 12): its owner's page opens saying so; the page of a
	// department owning no entry of it is reused.
	before = after
	lm := s.Months[len(s.Months)-1]
	var low *site.Result
	for _, r := range lm.Results {
		if r.City > 0 && r.City < 10 && r.Indicator.Parent == nil && len(r.Indicator.OwnersIn(lm.Key)) > 0 {
			low = r
			break
		}
	}
	if low == nil {
		t.Fatal("no entry of the newest month ranked above the city-bottom list")
	}
	setCity(lm, low, 12)
	after, _ = render()
	owner := low.Indicator.OwnersIn(lm.Key)[0]
	said := fmt.Sprintf(`<a href="/indicators/%s/">%s</a>，排名第十二`, low.Indicator.ID, low.Indicator.NameIn(lm.Key))
	if p := unitPath(owner) + "index.html"; bytes.Contains(before[p], []byte(said)) || !bytes.Contains(after[p], []byte(said)) {
		t.Errorf("moving %s to 第十二 in the newest month: %s's lead does not come to say %s", low.Indicator.ID, owner.Name, said)
	}
	for _, d := range s.Departments {
		if p := unitPath(d) + "index.html"; !slices.Contains(low.Indicator.Owners, d) && !same(before[p], after[p]) {
			t.Errorf("moving the city rank of %s rendered %s again", low.Indicator.ID, p)
			break
		}
	}

	// A progress text, the commonest save in the preview: the circular
	// shows it; no township's page does (its lead reads the period's
	// rankings, not its results' texts), so every one is reused.
	before = after
	src, err := os.ReadFile(filepath.Join(dir, mm.File))
	if err != nil {
		t.Fatal(err)
	}
	loc := progressLineRE.FindIndex(src)
	if loc == nil {
		t.Fatalf("no progress text in %s", mm.File)
	}
	edited := append(slices.Clone(src[:loc[0]]), `progress  = "本句为缓存测试修改。"`...)
	edited = append(edited, src[loc[1]:]...)
	if err := os.WriteFile(filepath.Join(dir, mm.File), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	after, _ = render()
	if !bytes.Contains(after[middle.URLPath()+"index.html"], []byte("本句为缓存测试修改。")) {
		t.Error("the circular does not show the edited progress text")
	}
	for _, u := range s.Townships {
		if p := unitPath(u) + "index.html"; !same(before[p], after[p]) {
			t.Errorf("editing a progress text rendered %s again", p)
			break
		}
	}

	// A rule's measure of a month withheld ([[waiver]]): the unit's page
	// says so (equal to a fresh render, checked inside render), though
	// the period's ranks, which the rest of the page reads, are the same.
	before = after
	var waived *rank.Measure
	var wm *site.Month
	for _, p := range pv.results.Periods {
		for i, m := range p.Measures {
			if p.Month != nil && m.Source.Rule && waived == nil {
				waived, wm = &p.Measures[i], p.Month
			}
		}
	}
	if waived == nil {
		t.Fatal("no rule gives a measure in any month")
	}
	edit(wm.File, "[[result]]", fmt.Sprintf("[[waiver]]\nunit = %q\naction = %q\nreason = \"缓存测试\"\n\n[[result]]", waived.Unit.Name, waived.Action))
	after, _ = render()
	if p := unitPath(waived.Unit) + "index.html"; !bytes.Contains(after[p], []byte("不予"+waived.Action+"（缓存测试）")) {
		t.Errorf("%s's page does not say the %s withheld from it", waived.Unit.Name, waived.Action)
	}
	// Its reason reworded: nothing else of the period changes.
	edit(wm.File, `reason = "缓存测试"`, `reason = "缓存测试，改写"`)
	if after, _ = render(); !bytes.Contains(after[unitPath(waived.Unit)+"index.html"], []byte("（缓存测试，改写）")) {
		t.Errorf("%s's page does not say the waiver's reason as reworded", waived.Unit.Name)
	}

	// A circular's text: that page changes, its neighbours' do not need to.
	before = after
	edit(middle.File, "\n\n", "\n\n本段为缓存测试新增。\n\n")
	after, _ = render()
	if !bytes.Contains(after[middle.URLPath()+"index.html"], []byte("本段为缓存测试新增。")) {
		t.Error("the edited circular does not show the new paragraph")
	}
	if !same(before[last.URLPath()+"index.html"], after[last.URLPath()+"index.html"]) {
		t.Error("editing one circular's text rendered the newest circular again")
	}
	for _, p := range []string{"index.html", "circulars/index.html", "feed.xml", "rankings/index.html"} {
		if before[p] == nil {
			t.Errorf("no %s", p)
		} else if !same(before[p], after[p]) {
			t.Errorf("editing one circular's text rendered %s again", p)
		}
	}

	// An old address in a circular's aliases: its feed entry's id is made
	// of it (firstPath), so the feed is rendered again (equal to a fresh
	// render, checked inside render).
	before = after
	edit(last.File, "+++\n", "+++\naliases = [\"/circulars/2000/1/\"]\n")
	after, _ = render()
	if !bytes.Contains(after["feed.xml"], []byte(",2000:/circulars/2000/1/</id>")) {
		t.Error("the feed's entry of a circular given an old address has not its id")
	}

	// A top page's title, which every page's footer lists (网站导航): the
	// pages are rendered again (and equal to a fresh render); so when a
	// top page is added.
	before = after
	edit("content/about.md", `title = "关于本站`, `title = "本站说明`)
	after, _ = render()
	if same(before["index.html"], after["index.html"]) || !bytes.Contains(after["index.html"], []byte(`/about/">本站说明（演示数据）</a>`)) {
		t.Error("retitling /about/ did not change the home page's footer")
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "contact.md"), []byte("+++\ntitle = \"联系我们\"\n+++\n电话。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	render()

	// The stylesheet overridden and edited, then the override removed,
	// and the units: everything is rendered again, and still equal to a
	// fresh render (checked inside render).
	css, err := theme.Copy(dir, "assets/css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	edit("layouts/assets/css/site.css", "{", "{ /* 缓存测试 */")
	render()
	os.Remove(css)
	render()
	edit("data/units.toml", "[[township]]", "# 缓存测试\n[[township]]")
	render()

	// A township exempted ahead from the month after the newest: its page
	// and search entry say it only once that month's file is there (equal
	// to a fresh render both times, checked inside render, though no
	// period of the first render reads the month to come).
	s, err = site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	lastMonth := s.Months[len(s.Months)-1]
	y, mo := lastMonth.Year, lastMonth.Month+1
	if mo > 12 {
		y, mo = y+1, 1
	}
	next := fmt.Sprintf("%d-%02d", y, mo)
	u := s.Townships[0]
	edit("data/units.toml", fmt.Sprintf("slug = %q\n", u.Slug), fmt.Sprintf("slug = %q\nexempt = [%q]\n", u.Slug, next))
	if after, _ = render(); bytes.Contains(after["units/"+u.Slug+"/index.html"], []byte("免于考核：")) {
		t.Errorf("%s's page says an exemption from %s before the month is there", u.Name, next)
	}
	src, err = os.ReadFile(filepath.Join(dir, lastMonth.File))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, line := range strings.Split(string(src), "\n") {
		// Without its scores, nor the period it was written for (2月).
		if !strings.HasPrefix(line, strconv.Quote(u.Name)+" =") && !strings.HasPrefix(line, "period ") {
			lines = append(lines, line)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "data", next+".toml"), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if after, _ = render(); !bytes.Contains(after["units/"+u.Slug+"/index.html"], fmt.Appendf(nil, "免于考核：%d年%d月", y, mo)) {
		t.Errorf("%s's page does not say its exemption from %s, whose file is there", u.Name, next)
	}
	for _, d := range searchIndexDocs(t, after) {
		if d.URL == "units/"+u.Slug+"/" && !strings.HasSuffix(d.Text, fmt.Sprintf("免于考核：%d年%d月", y, mo)) {
			t.Errorf("%s's search entry reads %q, without its exemption from %s, whose file is there", u.Name, d.Text, next)
		}
	}
}

// A render cache keys on the files' sums: a site loaded without them is
// refused, rather than rendered from whatever an earlier render stored.
func TestCacheNeedsHashedSite(t *testing.T) {
	s := loadSample(t) // site.Load: no sums
	if s.Hashed || s.Pages[0].Sum != ([32]byte{}) {
		t.Fatalf("site.Load hashed the pages")
	}
	if _, err := Render(s, rank.Archive(s), Options{Cache: &Cache{}}); err == nil || !strings.Contains(err.Error(), "site.Cache") {
		t.Errorf("Render with a Cache of an unhashed site = %v, want the error", err)
	}
	var sc site.Cache
	h, err := site.LoadCached("../..", &sc)
	if err != nil {
		t.Fatal(err)
	}
	if !h.Hashed || h.Pages[0].Sum == ([32]byte{}) || h.Circulars[0].Sum == ([32]byte{}) || h.Months[0].Sum == ([32]byte{}) {
		t.Fatalf("site.LoadCached left sums unset")
	}
	if _, err := Render(h, rank.Archive(h), Options{Cache: &Cache{}}); err != nil {
		t.Errorf("Render with a Cache of a hashed site: %v", err)
	}
}

// monthOf is the month file a circular reports.
func monthOf(s *site.Site, c *site.Circular) *site.Month {
	for _, m := range s.Months {
		if m.Span() == c.Data {
			return m
		}
	}
	return nil
}

// A preview renders a site's folder as the preview server does after
// each save: through one long-lived site and render cache.
type preview struct {
	dir     string
	sc      site.Cache
	rc      Cache
	results *rank.Results // the last render's, which the next updates
}

// render renders the folder through the render cache.
func (p *preview) render(t *testing.T) []Output {
	t.Helper()
	return p.renderWith(t, Options{Cache: &p.rc})
}

// renderWith loads the folder through the site cache, ranks it again
// from the last render's results, and renders it with opts.
func (p *preview) renderWith(t *testing.T, opts Options) []Output {
	t.Helper()
	s, err := site.LoadCached(p.dir, &p.sc)
	if err != nil {
		t.Fatal(err)
	}
	p.results = rank.Update(p.results, s)
	out, err := Render(s, p.results, opts)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// page renders the folder through the render cache and gives the page
// at path.
func (p *preview) page(t *testing.T, path string) string {
	t.Helper()
	for _, o := range p.render(t) {
		if o.Path == path {
			return string(contentOf(t, o))
		}
	}
	t.Fatalf("no page %s", path)
	return ""
}

// warned renders the folder through cache (nil for none) and gives what
// the render warned of.
func (p *preview) warned(t *testing.T, cache *Cache) []string {
	t.Helper()
	var got []string
	p.renderWith(t, Options{Cache: cache, Warn: func(d diag.Diagnostic) { got = append(got, d.String()) }})
	return got
}

// renderChecked is render, and a render of the folder from nothing, as
// a build makes it, which must give the same files byte for byte; it
// gives each's content by its path.
func (p *preview) renderChecked(t *testing.T) (cached, fresh map[string][]byte) {
	t.Helper()
	cached = map[string][]byte{}
	for _, o := range p.render(t) {
		cached[o.Path] = contentOf(t, o)
	}
	s, err := site.Load(p.dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(s, rank.Archive(s), Options{})
	if err != nil {
		t.Fatal(err)
	}
	fresh = map[string][]byte{}
	for _, o := range out {
		fresh[o.Path] = contentOf(t, o)
	}
	if len(cached) != len(fresh) {
		t.Fatalf("cached render has %d files, fresh %d", len(cached), len(fresh))
	}
	for path, want := range fresh {
		if !bytes.Equal(cached[path], want) {
			t.Errorf("%s differs between the cached and the fresh render", path)
		}
	}
	return cached, fresh
}

// editFile replaces old with new in the file name below dir, as staff
// saving it do.
func editFile(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %q", name, old)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}
