package render

import (
	"bytes"
	"encoding/binary"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/site"
)

var anchorRE = regexp.MustCompile(`<a href="([^"]*)"[^>]*>(.*?)</a>`)

// links lists the links of html between the first from and the next to,
// as "href text".
func links(t *testing.T, html []byte, from, to string) []string {
	t.Helper()
	s := string(html)
	i := strings.Index(s, from)
	if i < 0 {
		t.Fatalf("no %q on the page", from)
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		s = s[:j]
	}
	var out []string
	for _, m := range anchorRE.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1]+" "+text(m[2]))
	}
	return out
}

// TestUnitIndex: /units/ lists the sample's twelve townships and then its
// departments in units.toml order, under a heading each, below baseURL's
// path; unit pages link back to their group.
func TestUnitIndex(t *testing.T) {
	files := renderFiles(t, loadSample(t), "/tongbao/")
	page := files["units/index.html"]
	if page == nil {
		t.Fatal("no units/index.html")
	}
	// data/units.toml, in file order.
	var want []string
	for _, u := range []string{"qichezhan 汽车站街道", "xiaojianghu 小江湖街道", "xinglong 兴隆街道", "binjiang 滨江街道",
		"qiaotou 桥头街道", "dutouqiao 渡头桥镇", "ailian 爱莲街道", "longxutang 龙须塘街道", "huochezhan 火车站乡",
		"dongfenglu 东风路街道", "shiqiao 石桥街道", "gaochongshan 高崇山镇"} {
		slug, name, _ := strings.Cut(u, " ")
		want = append(want, "/tongbao/units/"+slug+"/ "+name)
	}
	got := links(t, page, `<h2 id="townships">乡镇（街道）<span class="count">（12个）</span></h2>`, "</section>")
	if !slices.Equal(got, want) {
		t.Errorf("townships:\n got %q\nwant %q", got, want)
	}
	deps := links(t, page, `<h2 id="departments">区直单位<span class="count">（34个）</span></h2>`, "</section>")
	if len(deps) != 34 || deps[0] != "/tongbao/units/xinfang/ 区信访局" || deps[33] != "/tongbao/units/jindu/ 区禁毒办" {
		t.Errorf("departments: %d, first %q, last %q; want 34, 区信访局 first and 区禁毒办 last", len(deps), deps[0], deps[len(deps)-1])
	}
	for p, group := range map[string]string{"units/dongfenglu/index.html": "townships", "units/fagai/index.html": "departments"} {
		if !bytes.Contains(files[p], []byte(`<a href="/tongbao/units/#`+group+`">`)) {
			t.Errorf("%s does not link its group on /units/ (#%s)", p, group)
		}
	}
}

// TestUnitIndexWithoutDepartments: an office with no departments (a
// 督查室 ranking its townships, no [[department]] in units.toml) is shown
// its townships alone on /units/ and /rankings/: no heading of the
// default 区直单位 over (0个), and no tabs to jump between one section.
func TestUnitIndexWithoutDepartments(t *testing.T) {
	f := historySite()
	f["data/units.toml"], _, _ = strings.Cut(f["data/units.toml"], "[[department]]")
	f["data/indicators.toml"] = regexp.MustCompile(`owners = \[[^]]*\]\n`).ReplaceAllString(f["data/indicators.toml"], "")
	f["data/indicators.toml"], _, _ = strings.Cut(f["data/indicators.toml"], "[[indicator]]\nid = \"caizheng\"")
	for _, m := range []string{"data/2022-12.toml", "data/2023-01.toml", "data/2023-02.toml"} {
		f[m], _, _ = strings.Cut(f[m], "[[result]]\nindicator = \"caizheng\"")
	}
	files := renderFiles(t, loadFiles(t, f), "/")
	for _, p := range []string{"units/index.html", "rankings/index.html"} {
		page := files[p]
		if page == nil {
			t.Fatalf("no %s", p)
		}
		if bytes.Contains(page, []byte("区直单位")) || bytes.Contains(page, []byte(`id="departments"`)) || bytes.Contains(page, []byte(`href="#departments"`)) {
			t.Errorf("%s has a section of departments the office has none of", p)
		}
	}
	got := links(t, files["units/index.html"], `<h2 id="townships">乡镇（街道）<span class="count">（3个）</span></h2>`, "</section>")
	if want := []string{"/units/jia/ 甲街道", "/units/yi/ 乙街道", "/units/bing/ 丙镇"}; !slices.Equal(got, want) {
		t.Errorf("townships %q, want %q", got, want)
	}
	if bytes.Contains(files["units/index.html"], []byte(`href="#townships"`)) {
		t.Error("/units/ has a tab to its only section")
	}
}

// TestIndicatorIndex: /indicators/ is the catalogue by section in
// document order, a group's children nested under it, numbered as the
// circular numbers them, each with its owners.
func TestIndicatorIndex(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "")
	page := string(files["indicators/index.html"])
	// historySite's catalogue: jingji and caizheng in 重点工作, anquan in 重点任务.
	for _, want := range []string{
		`<h2 id="section-0">重点工作</h2>`,
		`<li><a href="/indicators/jingji/">1. 经济运行</a><span class="link-note">责任单位：区发改局</span>`,
		`<li><a href="/indicators/caizheng/">2. 财政收入</a><span class="link-note">责任单位：区财政局</span>`,
		`<h2 id="section-1">重点任务</h2>`,
		`<li><a href="/indicators/anquan/">1. 安全生产</a><span class="link-note">责任单位：区财政局</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/indicators/ lacks %s", want)
		}
	}
	if strings.Index(page, "重点工作") > strings.Index(page, "重点任务") || strings.Index(page, "1. 经济运行") > strings.Index(page, "2. 财政收入") {
		t.Error("/indicators/ is not in document order")
	}
	// The sample nests 规模工业增加值 under 主要经济工作运行调度.
	sample := string(renderFiles(t, loadSample(t), "")["indicators/index.html"])
	nested := regexp.MustCompile(`(?s)<li><a href="/indicators/jingji/">1\. 主要经济工作运行调度</a>\s*<ul role="list">\s*<li><a href="/indicators/gongye/">（1）规模工业增加值</a><span class="link-note">责任单位：区科工信局</span></li>`)
	if !nested.MatchString(sample) {
		t.Error("the sample's /indicators/ does not nest （1）规模工业增加值 under 1. 主要经济工作运行调度")
	}
}

// TestYearPages: each year of circulars has its list at circulars/<year>/,
// newest first, and the archive links every year and lists the newest
// two in full. historySite has circulars of 2022 and 2023; one of 2021
// is added.
func TestYearPages(t *testing.T) {
	s := loadHistorySite(t)
	old := *s.Circulars[0]
	old.Number, old.Year, old.Serial, old.Date, old.Title = "测政办函〔2021〕30号", 2021, 30, site.Date{Year: 2021, Month: 12, Day: 30}, "关于2021年的通报"
	s.Circulars = append([]*site.Circular{&old}, s.Circulars...)
	files := renderFiles(t, s, "")

	y2023 := files["circulars/2023/index.html"]
	if got, want := links(t, y2023, `<main`, `<footer`), []string{
		"/circulars/ 通报归档",
		"/circulars/2023/ 2023年（2件）", "/circulars/2022/ 2022年（1件）", "/circulars/2021/ 2021年（1件）",
		"/circulars/2023/5/ 2023年2月 · ，关于测试的通报",
		"/circulars/2023/2/ 2023年1月 · ，关于测试的通报",
	}; !slices.Equal(got, want) {
		t.Errorf("circulars/2023/ links:\n got %q\nwant %q", got, want)
	}
	if !bytes.Contains(y2023, []byte(`<a href="/circulars/2023/" aria-current="page">`)) {
		t.Error("circulars/2023/ does not mark its own year")
	}
	if got := links(t, files["circulars/2021/index.html"], `<ul class="doc-list" role="list">`, `</ul>`); !slices.Equal(got, []string{"/circulars/2021/30/ 2022年12月 · ，关于2021年的通报"}) {
		t.Errorf("circulars/2021/ lists %q", got)
	}

	archive := string(files["circulars/index.html"])
	for _, want := range []string{
		`<a href="/circulars/2021/">2021年<span class="count">（1件）</span></a>`, // the year navigation
		`<h2 id="year-2023"><a href="/circulars/2023/">2023年</a><span class="count">（2件）</span></h2>`,
		`<h2 id="year-2022">`,
		`<p class="more">更早的通报：<a href="/circulars/2021/">2021年</a> </p>`,
	} {
		if !strings.Contains(archive, want) {
			t.Errorf("the archive lacks %s", want)
		}
	}
	if strings.Contains(archive, `id="year-2021"`) || strings.Contains(archive, "/circulars/2021/30/") {
		t.Error("the archive lists 2021 in full: it lists the newest two years only")
	}
	if _, ok := files["circulars/2024/index.html"]; ok {
		t.Error("a year without circulars has a page")
	}
}

// TestListTitlesLeadWithPeriod: lists and the feed name a circular by its
// period first, then its title without the issuer.
func TestListTitlesLeadWithPeriod(t *testing.T) {
	files := renderFiles(t, loadSample(t), "")
	want := `<a href="/circulars/2023/14/"><span class="doc-list-period">2023年1-2月</span><span class="doc-list-sep" aria-hidden="true"> · </span><span class="visually-hidden">，</span>关于区政府2023年1-2月“三重点”落实情况的通报</a>`
	for _, p := range []string{"index.html", "circulars/index.html", "circulars/2023/index.html"} {
		if !bytes.Contains(files[p], []byte(want)) {
			t.Errorf("%s does not lead the title with its period", p)
		}
	}
	var f testFeed
	parseXML(t, files, "feed.xml", &f)
	if got := f.Entries[0].Title; got != "2023年1-2月 · 关于区政府2023年1-2月“三重点”落实情况的通报" {
		t.Errorf("feed entry title %q", got)
	}
}

// TestFavicon: the built-in icon is a 16 and 32 pixel ICO at the root of
// the output, linked below baseURL's path from every page; [site] favicon
// replaces it with a file of layouts/assets/, linked by its fingerprinted
// name.
func TestFavicon(t *testing.T) {
	s := loadSample(t)
	files := renderFiles(t, s, "/tongbao/")
	ico := files["favicon.ico"]
	if len(ico) < 6+2*16 || !bytes.Equal(ico[:6], []byte{0, 0, 1, 0, 2, 0}) {
		t.Fatalf("favicon.ico does not start as an icon of two images: % x", ico[:min(len(ico), 6)])
	}
	for i, size := range []int{16, 32} {
		e := ico[6+16*i:]
		if int(e[0]) != size || int(e[1]) != size || binary.LittleEndian.Uint16(e[6:]) != 32 {
			t.Errorf("image %d is %d×%d at %d bits, want %d×%d at 32", i, e[0], e[1], binary.LittleEndian.Uint16(e[6:]), size, size)
		}
	}
	// The 16 px image, rows bottom up after its 40-byte header: the top
	// left corner is transparent, the paper white, the first line of text
	// (row 4, columns 5-10) red, the row above it white.
	px := ico[binary.LittleEndian.Uint32(ico[6+12:])+40:]
	at := func(x, y int) [4]byte { return [4]byte(px[((15-y)*16+x)*4:]) }
	for _, c := range []struct {
		x, y int
		bgra [4]byte
	}{
		{0, 0, [4]byte{}},
		{5, 3, [4]byte{0xff, 0xff, 0xff, 0xff}},
		{5, 4, [4]byte{0, 0, 0x8f, 0xff}},
		{1, 8, [4]byte{0, 0, 0x8f, 0xff}},
	} {
		if got := at(c.x, c.y); got != c.bgra {
			t.Errorf("pixel (%d,%d) = % x, want % x", c.x, c.y, got, c.bgra)
		}
	}
	link := []byte(`<link rel="icon" href="/tongbao/favicon.ico" type="image/x-icon">`)
	for _, p := range []string{"index.html", "circulars/2023/14/index.html", "units/index.html", "404.html"} {
		if !bytes.Contains(files[p], link) {
			t.Errorf("%s lacks %s", p, link)
		}
	}

	png := []byte("\x89PNG\r\n\x1a\n a site's own icon")
	s.Assets = append(s.Assets, site.File{Name: "img/icon.png", Data: png})
	s.Config.Site.Favicon = "img/icon.png"
	files = renderFiles(t, s, "/tongbao/")
	if !bytes.Equal(files["favicon.ico"], png) {
		t.Error("favicon.ico is not the file [site] favicon names")
	}
	name := fingerprint("assets/img/icon.png", png)
	if !bytes.Contains(files["index.html"], []byte(`<link rel="icon" href="/tongbao/`+name+`" type="image/png">`)) || files[name] == nil {
		t.Errorf("the home page does not link the site's icon as /tongbao/%s", name)
	}
}

// TestValidShown: 有效性 in a circular's metadata block is its front
// matter's valid, 有效 by default; a plain page says so only when it is
// not in force.
func TestValidShown(t *testing.T) {
	s := loadSample(t)
	files := renderFiles(t, s, "")
	if !bytes.Contains(files["circulars/2023/14/index.html"], []byte(`<dt>有效性</dt><dd>有效</dd>`)) {
		t.Error("the circular is not shown 有效 by default")
	}
	if bytes.Contains(files["about/index.html"], []byte("有效性")) {
		t.Error("a plain page in force says 有效性")
	}
	s.Circulars[0].Valid = "废止"
	s.Pages[0].Valid = "失效"
	files = renderFiles(t, s, "")
	if !bytes.Contains(files["circulars/2023/14/index.html"], []byte(`<dt>有效性</dt><dd>废止</dd>`)) {
		t.Error("the circular's valid = 废止 is not shown")
	}
	if !bytes.Contains(files["about/index.html"], []byte(`<p class="page-valid">有效性：<strong>失效</strong></p>`)) {
		t.Error("the plain page's valid = 失效 is not shown")
	}
}

// TestFooterFields: the footer prints [site]'s ICP备案号 linked to the
// MIIT's register, the 公安备案号 linked to its record, 联系我们, 纠错 and
// the 党政机关网站标识, below baseURL's path where they are pages of the
// site; and nothing of them when none is set (the sample). Above them, on
// every page, the 网站导航: the indexes, and the plain pages at the top of
// the site (/about/, not a page a folder down).
func TestFooterFields(t *testing.T) {
	s := loadSample(t)
	if files := renderFiles(t, s, ""); bytes.Contains(files["index.html"], []byte("site-footer-links")) {
		t.Error("the sample, which sets none of the footer's fields, prints their line")
	}
	badge := []byte("\x89PNG badge")
	s.Assets = append(s.Assets, site.File{Name: "img/dzjg.png", Data: badge})
	s.Config.Site.ICP = "湘ICP备12345678号-1"
	s.Config.Site.Police = "湘公网安备 43050202000123号"
	s.Config.Site.Contact = site.Target{Text: "about/", Page: "about/"}
	s.Config.Site.Errata = site.Target{Text: "https://zfwzzc.www.gov.cn/", URL: "https://zfwzzc.www.gov.cn/"}
	s.Config.Site.Badge = "img/dzjg.png"
	s.Config.Site.BadgeLink = site.Target{Text: "https://bszs.conac.cn/", URL: "https://bszs.conac.cn/"}
	s.Pages = append(s.Pages, &site.Page{File: "content/guide/more.md", Title: "更多说明", Path: "guide/more/", Body: []byte("正文。\n"), BodyLine: 4})
	files := renderFiles(t, s, "/tongbao/")
	for _, p := range []string{"index.html", "circulars/2023/14/index.html", "404.html"} {
		got := links(t, files[p], `<footer class="site-footer">`, `</footer>`)
		want := []string{
			"/tongbao/circulars/ 通报归档", "/tongbao/rankings/ 考核排名", "/tongbao/units/ 考核单位", "/tongbao/indicators/ 考核指标",
			"/tongbao/data/ 考核数据下载", "/tongbao/search/ 站内搜索", "/tongbao/about/ 关于本站",
			"https://beian.miit.gov.cn/ 湘ICP备12345678号-1",
			"https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=43050202000123 湘公网安备 43050202000123号",
			"/tongbao/about/ 联系我们",
			"https://zfwzzc.www.gov.cn/ 纠错",
			"https://bszs.conac.cn/ ",
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: footer links\n got %q\nwant %q", p, got, want)
		}
		if img := `<img src="/tongbao/` + fingerprint("assets/img/dzjg.png", badge) + `" alt="党政机关网站标识"`; !bytes.Contains(files[p], []byte(img)) {
			t.Errorf("%s lacks %s", p, img)
		}
	}
	// A telephone number is printed, not linked; a 公安备案号 without its
	// record number is not linked either.
	s.Config.Site.Contact = site.Target{Text: "0739-5555555"}
	s.Config.Site.Police = "湘公网安备号待补"
	files = renderFiles(t, s, "/tongbao/")
	for _, want := range []string{"<span>联系我们：0739-5555555</span>", "<span>湘公网安备号待补</span>"} {
		if !bytes.Contains(files["index.html"], []byte(want)) {
			t.Errorf("the footer lacks %s", want)
		}
	}
}
