package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tongbao/internal/site"
	"tongbao/internal/theme"
)

// initSite runs tongbao init into a fresh folder and returns it.
func initSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errOut := runSafely(t, "init", dir); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	return dir
}

// TestInitBuildsAtOnce: a site made by init checks and builds, with no
// layouts/ of its own, warned only of what is still init's imaginary
// office — its domain, its organisation code left out, its name in config.toml (each key named, at the
// first: the title, col 13 after `title    = "`) and the about page's text
// (at 本站公布某某县, col 5) — each at the line init wrote it on, until the
// office writes its own; its circular states what its data says — each
// sentence worked out by hand from data/2024-01.toml — in its own words,
// none of the seed office's.
func TestInitBuildsAtOnce(t *testing.T) {
	dir := initSite(t)
	if _, err := os.Stat(filepath.Join(dir, "layouts")); err == nil {
		t.Fatal("init wrote a layouts/ folder: the built-in theme is meant to need none")
	}
	county := fmt.Sprintf("config.toml:%d:13: 警告：title、site.name、issuer.name、terms.column 仍是 tongbao init 所写的虚构机关“某某县”，会出现在页面的标题、页脚和通报中；发布前请改为本机关的\n",
		lineOf(t, dir, "config.toml", `title    = "某某县重点工作落实情况通报"`))
	domain := fmt.Sprintf("config.toml:%d:17: 警告：[site] domain 仍是示例域名 www.mouxian.example.gov.cn（tongbao init 所写的虚构域名），网站地图、订阅、规范链接和页脚都会用它；发布前请改为本站的实际域名\n",
		lineOf(t, dir, "config.toml", `domain       = "www.mouxian.example.gov.cn"`))
	about := fmt.Sprintf("content/about.md:%d:5: 警告：这个页面仍有 tongbao init 所写的示例文字（“某某县”）；发布前请改为本机关的\n",
		lineOf(t, dir, "content/about.md", "本站公布某某县"))
	// The organisation code, commented out: at [site], the 索引号 of the
	// circular (文号〔2024〕3号) shown as it would be published.
	orgCode := fmt.Sprintf("config.toml:%d:1: 警告：[site] orgCode（机构代码）未填写，通报的索引号都以“/”开头（如 /2024-00003）；索引号发布后不应再改，发布前请填写本机关的9位组织机构代码\n",
		lineOf(t, dir, "config.toml", "[site]"))
	want := county + orgCode + domain + about
	for _, cmd := range []string{"check", "build"} {
		if code, out, errOut := runSafely(t, cmd, "-s", dir); code != 0 || cmd == "check" && out != "" || errOut != want {
			t.Fatalf("%s: exit %d, stdout %q, stderr %q; want 0 and only %q", cmd, code, out, errOut, want)
		}
	}
	edit(t, dir, "config.toml", `"www.mouxian.example.gov.cn"`, `"www.mouxian.gov.cn"`)
	if code, out, errOut := runSafely(t, "check", "-s", dir); code != 0 || out != "" || errOut != county+orgCode+about {
		t.Fatalf("check with the office's domain: exit %d, stdout %q, stderr %q; want 0 and the county's name, the organisation code and the about page", code, out, errOut)
	}
	edit(t, dir, "config.toml", `# orgCode      = "000000000"`, `orgCode = "123456789"`)
	for _, file := range []string{"config.toml", "content/about.md"} {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("某某县"), []byte("平江县")), []byte("0000-0000000"), []byte("0730-5621234"))
		if err := os.WriteFile(filepath.Join(dir, file), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := runSafely(t, "check", "-s", dir); code != 0 || out != "" || errOut != "" {
		t.Fatalf("check with the office's own name: exit %d, stdout %q, stderr %q; want 0 and silence", code, out, errOut)
	}
	page := readText(t, filepath.Join(dir, "public", "circulars", "2024", "3", "index.html"))
	for _, want := range []string{
		// gongye, higher is better: 8.5, 7.2, 7.2, 6.8, 5.1, 4.3 — the
		// first three hold a tie, so not 前三 but 靠前.
		"排名全县靠前的为：甲镇，乙镇、丙镇（并列）；排名全县后三的为：丁乡、戊乡、己乡。",
		// xinfang, lower is better: 甲3 乙5 丙2 丁4 戊6 己1.
		"排名全县前三的为：己乡、丙镇、甲镇；排名全县后三的为：丁乡、乙镇、戊乡。",
		// xiangmu: four of the six townships, 95 88 91 80.
		"涉及该项工作共4个乡镇，其中排名靠前的为：甲镇、丙镇、乙镇；排名靠后的为：丁乡。",
		"全省综合排名第三十六，同类县第三。",
		"1月份全县重点工作综合排名全省第四十一。",
		"安全生产，排名第九十八。（责任单位：县应急管理局）",
		// The composite by rank points (100·(n−r+1)/n, averaged over the
		// indicators that rank the township): 甲 91.67, 丙 72.92,
		// 乙 58.33, 丁 52.08, 己 44.44, 戊 27.78.
		"甲镇、丙镇、乙镇、丁乡、己乡、戊乡。",
		"甲镇，奖励2万元（乡镇综合考核排名第一）。",
		"戊乡主要负责人（乡镇综合考核排名倒数第一）。",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the circular does not state %s", want)
		}
	}
	seed := []string{"全区", "三区", "乡镇（街道）", "区直单位", "区政府", "三重点", "双政办"}
	filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		text := readText(t, p)
		for _, w := range seed {
			if strings.Contains(text, w) {
				t.Errorf("%s holds the seed office's word %s", p, w)
			}
		}
		return nil
	})
}

func readText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestInitRefusesNonEmpty: init writes only into a folder that is empty
// or missing, and says so in Chinese otherwise, touching nothing.
func TestInitRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(mine, []byte("title = \"我的站点\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runSafely(t, "init", dir)
	if code != 1 || out != "" || !strings.Contains(errOut, "目录“"+dir+"”不为空") {
		t.Fatalf("init into a non-empty folder: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || readText(t, mine) != "title = \"我的站点\"\n" {
		t.Errorf("init changed the folder: %v", entries)
	}
	if code, _, _ := runSafely(t, "init"); code != 2 {
		t.Errorf("init without a folder: exit %d, want 2", code)
	}
}

// TestInitConfigHasEveryKey walks config.toml's description, ConfigFile:
// every key it holds is in the config.toml init writes, set or commented
// out, in its own section, under a comment that carries its label.
func TestInitConfigHasEveryKey(t *testing.T) {
	text := readText(t, filepath.Join(initSite(t), "config.toml"))
	// The file split into its sections: "" is the top, before any [...].
	parts := map[string]string{}
	section := ""
	for _, line := range strings.Split(text, "\n") {
		if m := regexp.MustCompile(`^(?:# )?\[\[?([a-z]+)\]\]?$`).FindStringSubmatch(line); m != nil {
			section = m[1]
		}
		parts[section] += line + "\n"
	}
	has := func(part string, f site.Field) bool {
		re := regexp.MustCompile(`(?m)^(# )?` + regexp.QuoteMeta(f.Key) + ` *=.*$`)
		if f.Kind == site.Tables { // a table of tables' own: # [[grade.level]]
			re = regexp.MustCompile(`(?m)^(# )?\[\[[a-z]+\.` + regexp.QuoteMeta(f.Key) + `\]\].*$`)
		}
		return re.MatchString(part) && strings.Contains(part, f.Label)
	}
	n := 0
	for _, f := range site.ConfigFile.Fields {
		switch f.Kind {
		case site.Section, site.Tables:
			if parts[f.Key] == "" {
				t.Errorf("config.toml has no [%s]", f.Key)
			}
			for _, sub := range f.Fields {
				n++
				if !has(parts[f.Key], sub) {
					t.Errorf("config.toml's [%s] lacks %s (%s)", f.Key, sub.Key, sub.Label)
				}
			}
		default:
			n++
			if !has(parts[""], f) {
				t.Errorf("config.toml lacks %s (%s) before its first section", f.Key, f.Label)
			}
		}
	}
	if n < 40 {
		t.Errorf("only %d keys walked", n)
	}
}

// TestInitExplainsReasons: the units and the month init writes explain,
// among their keys, how a unit is exempted for a month and an indicator
// left out for a township, each with the table form that says why —
// the short form alone would leave an office writing its reason in a
// comment nobody publishes.
func TestInitExplainsReasons(t *testing.T) {
	dir := initSite(t)
	for file, want := range map[string][]string{
		"data/units.toml": {
			"\n#   exempt  免考月份：本单位免于考核的月份，如 [\"2024-02\"]：",
			`要写明原因的，把那一项写作 {month = "2024-02", reason = "数据报送不全"}，`,
		},
		"data/2024-01.toml": {
			"\n#   notApplicable  不涉及的单位：本月不涉及本项工作的单位",
			`要写明原因的，把那一项写作 {township = "甲镇", reason = "本月无规模以上工业企业"}；`,
			// A waiver's reason, in words any office may use: not
			// 经县政府研究, which a 县委督查室 started from init read too.
			"# reason = \"\"              # 原因：不予采取的原因，如“全力投入防汛救灾，经研究不予约谈”\n",
		},
	} {
		text := readText(t, filepath.Join(dir, file))
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", file, w)
			}
		}
	}
}

// TestLayoutOverrides: a site made by init overrides one layout and one
// asset, each started from the built-in file with tongbao layouts
// --copy; the build uses both. Removing the override brings the built-in
// file back.
func TestLayoutOverrides(t *testing.T) {
	dir := initSite(t)
	code, out, errOut := runSafely(t, "layouts", "--copy", "partials/footer.html", "assets/css/site.css", "-s", dir)
	if code != 0 || errOut != "" || strings.Count(out, "已复制到") != 2 {
		t.Fatalf("layouts --copy: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	footer := filepath.Join(dir, "layouts", "partials", "footer.html")
	css := filepath.Join(dir, "layouts", "assets", "css", "site.css")
	builtinFooter, _ := theme.Read("partials/footer.html")
	if got := readText(t, footer); !strings.HasPrefix(got, "{{- /* tongbao layouts --copy：") || !strings.HasSuffix(got, " */ -}}\n"+string(builtinFooter)) {
		t.Fatal("the copy is not the built-in footer after its record")
	}
	edit(t, dir, "layouts/partials/footer.html", "</footer>", "<p class=\"own-footer\">本机关自己的页脚</p></footer>")
	if err := os.WriteFile(css, append([]byte(readText(t, css)), ".own-footer{color:#123456}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	// The list marks both as overridden.
	_, out, _ = runSafely(t, "layouts", "-s", dir)
	if !regexp.MustCompile(`(?m)^  partials/footer\.html +已覆盖：layouts/partials/footer\.html$`).MatchString(out) ||
		!regexp.MustCompile(`(?m)^  assets/css/site\.css +已覆盖`).MatchString(out) ||
		!regexp.MustCompile(`(?m)^  base\.html$`).MatchString(out) {
		t.Errorf("layouts does not mark the overrides:\n%s", out)
	}
	if code, _, errOut := runSafely(t, "build", "-s", dir); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	home := readText(t, filepath.Join(dir, "public", "index.html"))
	if !strings.Contains(home, "本机关自己的页脚") {
		t.Error("the home page does not show the overriding footer")
	}
	link := regexp.MustCompile(`href="/(assets/css/site\.[0-9a-f]{8}\.css)"`).FindStringSubmatch(home)
	if link == nil {
		t.Fatal("the home page links no stylesheet")
	}
	if !strings.Contains(readText(t, filepath.Join(dir, "public", link[1])), ".own-footer{color:#123456}") {
		t.Errorf("%s is not the overriding stylesheet", link[1])
	}

	// Gone again: the built-in footer is back.
	os.Remove(footer)
	if code, _, errOut := runSafely(t, "build", "-s", dir); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	if home := readText(t, filepath.Join(dir, "public", "index.html")); strings.Contains(home, "本机关自己的页脚") {
		t.Error("the override was removed, but the home page still shows it")
	}
}

// TestLayoutsCommand: tongbao layouts prints a built-in file as it is,
// names a misspelt one's nearest, copies without replacing, and lists the
// site's files that override nothing — a misspelt one with its nearest,
// an asset of the site's own (css/portal.css, js/portal.js) as it is, and
// the site's stylesheet (custom.css) as what it is.
func TestLayoutsCommand(t *testing.T) {
	code, out, _ := runSafely(t, "layouts", "shortcodes/rewards.html")
	if want, _ := theme.Read("shortcodes/rewards.html"); code != 0 || out != string(want) {
		t.Errorf("layouts shortcodes/rewards.html: exit %d, printed %q", code, out)
	}
	code, _, errOut := runSafely(t, "layouts", "footer.html")
	if code != 1 || !strings.Contains(errOut, "内置主题没有“footer.html”（是否为“partials/footer.html”？") {
		t.Errorf("layouts footer.html: exit %d, stderr %q", code, errOut)
	}
	dir := t.TempDir()
	if code, _, errOut := runSafely(t, "layouts", "--copy", "404.html", "-s", dir); code != 0 {
		t.Fatalf("--copy: exit %d: %s", code, errOut)
	}
	mine := filepath.Join(dir, "layouts", "404.html")
	os.WriteFile(mine, []byte("{{define \"main\"}}找不到{{end}}"), 0o644)
	code, _, errOut = runSafely(t, "layouts", "--copy", "404.html", "-s", dir)
	if code != 1 || !strings.Contains(errOut, "已存在，未改动") || readText(t, mine) != "{{define \"main\"}}找不到{{end}}" {
		t.Errorf("a second --copy: exit %d, stderr %q; the override must stay", code, errOut)
	}
	os.MkdirAll(filepath.Join(dir, "layouts", "partials"), 0o755)
	os.WriteFile(filepath.Join(dir, "layouts", "partials", "foter.html"), nil, 0o644)
	// Assets of the site's own, not misspelt built-in ones.
	os.MkdirAll(filepath.Join(dir, "layouts", "assets", "css"), 0o755)
	os.MkdirAll(filepath.Join(dir, "layouts", "assets", "js"), 0o755)
	os.WriteFile(filepath.Join(dir, "layouts", "assets", "css", "portal.css"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "layouts", "assets", "js", "portal.js"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "layouts", "assets", "css", "custom.css"), nil, 0o644)
	_, out, _ = runSafely(t, "layouts", "-s", dir)
	if !strings.Contains(out, "\n  layouts/assets/css/custom.css（站点自己的样式表：内置的 partials/head.html 在 site.css 之后链接它）\n") {
		t.Errorf("layouts does not say what custom.css is:\n%s", out)
	}
	// A head.html of the site's own that does not link it: said so there.
	os.WriteFile(filepath.Join(dir, "layouts", "partials", "head.html"), []byte("<title>{{.Title}}</title>\n"), 0o644)
	_, out, _ = runSafely(t, "layouts", "-s", dir)
	if !strings.Contains(out, "\n  layouts/assets/css/custom.css（站点自己的样式表：内置的 partials/head.html 在 site.css 之后链接它；站点自己的 partials/head.html 却没有链接它，它的样式不会用到）\n") {
		t.Errorf("layouts says custom.css is linked where the site's head.html does not link it:\n%s", out)
	}
	os.Remove(filepath.Join(dir, "layouts", "partials", "head.html"))
	_, out, _ = runSafely(t, "layouts", "-s", dir)
	if !strings.Contains(out, "\n  layouts/partials/foter.html（是否应为 layouts/partials/footer.html？）\n") {
		t.Errorf("layouts does not list the site's file that overrides nothing:\n%s", out)
	}
	if !strings.Contains(out, "\n  layouts/assets/css/portal.css\n  layouts/assets/js/portal.js\n") {
		t.Errorf("layouts takes the site's own assets for misspelt built-in ones:\n%s", out)
	}
	if !strings.Contains(out, "\n  404.html") || !strings.Contains(out, "已覆盖：layouts/404.html") {
		t.Errorf("layouts does not list 404.html as overridden:\n%s", out)
	}
}

// TestInitTryOutNotCompared: a build of init's imaginary office is a
// try-out, and its manifest says so; once the site is the office's own,
// neither check nor the build tells of 某某县's pages as gone or of its
// circular as rewritten — the office's first circular, 5号 where the
// sample's was 3号, was told to take 3号's address and 索引号 — and every
// file is 新增 to upload. The builds after it compare as ever.
func TestInitTryOutNotCompared(t *testing.T) {
	dir := initSite(t)
	if code, _, errOut := runSafely(t, "build", "-s", dir); code != 0 {
		t.Fatalf("build of init's site: exit %d: %s", code, errOut)
	}
	manifest := filepath.Join(dir, "public", ".tongbao-manifest.json")
	if m := readText(t, manifest); !strings.HasPrefix(m, `{"example": true, "files": [`) {
		t.Errorf("the try-out's manifest does not say it is one: %.60s", m)
	}

	// The office's own: its name, domain and code, a township of its own
	// (甲镇 → 城关镇, a new page), its first circular 5号.
	config := readText(t, filepath.Join(dir, "config.toml"))
	config = strings.ReplaceAll(config, "某某县", "青山县")
	config = strings.Replace(config, `"www.mouxian.example.gov.cn"`, `"www.qingshan.gov.cn"`, 1)
	config = strings.Replace(config, `# orgCode      = "000000000"`, `orgCode      = "006123456"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "data/units.toml", "name = \"甲镇\"\nslug = \"jiazhen\"", "name = \"城关镇\"\nslug = \"chengguan\"")
	edit(t, dir, "data/2024-01.toml", `"甲镇" = 8.5`, `"城关镇" = 8.5`)
	edit(t, dir, "data/2024-01.toml", `"甲镇" = 12`, `"城关镇" = 12`)
	edit(t, dir, "data/2024-01.toml", `"甲镇" = 3`, `"城关镇" = 3`)
	edit(t, dir, "data/2024-01.toml", `"甲镇" = 95`, `"城关镇" = 95`)
	edit(t, dir, "data/indicators.toml", `["甲镇", "乙镇"`, `["城关镇", "乙镇"`)
	edit(t, dir, "content/circulars/2024-01.md", "〔2024〕3号", "〔2024〕5号")
	edit(t, dir, "content/about.md", "某某县", "青山县")
	edit(t, dir, "content/about.md", "0000-0000000", "0731-1234567")

	if code, out, errOut := runSafely(t, "check", "-s", dir); code != 0 || out != "" || errOut != "" {
		t.Errorf("check of the office's own site after the try-out: exit %d, stdout %q, stderr %q; want 0 and nothing", code, out, errOut)
	}
	changes := filepath.Join(t.TempDir(), "改动.txt")
	code, out, errOut := runSafely(t, "build", "-s", dir, "--changes", changes)
	if code != 0 || errOut != "" || !strings.Contains(out, "tongbao: 输出目录中上次生成的是 tongbao init 的示例站点，不与它比较：") {
		t.Fatalf("build after the try-out: exit %d, stdout %q, stderr %q; want 0, no warning and the try-out named", code, out, errOut)
	}
	for _, line := range strings.Split(strings.TrimSuffix(readText(t, changes), "\n"), "\n") {
		if !strings.HasPrefix(line, "新增\t") {
			t.Errorf("after the try-out, %q: every file is 新增", line)
			break
		}
	}
	if m := readText(t, manifest); !strings.HasPrefix(m, `{"files": [`) {
		t.Errorf("the office's manifest still says it is a try-out: %.60s", m)
	}

	// From now on the builds compare: 5号 corrected to 6号 is told of.
	edit(t, dir, "content/circulars/2024-01.md", "〔2024〕5号", "〔2024〕6号")
	want := fmt.Sprintf("content/circulars/2024-01.md:%d:1: 警告：上次生成的页面 /circulars/2024/5/ 这次没有了；如果就是本文换了网址，在前置信息中写 aliases = [\"/circulars/2024/5/\"]，旧网址会转到本文，别处指向它的链接仍然有效；它的索引号也随之由 006123456/2024-00005 变为 006123456/2024-00006，而索引号发布后不应改变：要保持原来的，再写 indexNo = \"006123456/2024-00005\"\n",
		lineOf(t, dir, "content/circulars/2024-01.md", "number"))
	if code, _, errOut := runSafely(t, "check", "-s", dir); code != 0 || errOut != want {
		t.Errorf("check of 6号 after the office's build: exit %d, stderr %q; want 0 and %q", code, errOut, want)
	}
}
