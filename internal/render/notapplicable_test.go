package render

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/site"
)

// notApplicableSite is five townships ranked on two indicators in
// 2023-02, 戊镇 left out of the first (不涉及, with its reason), and a
// sixth, 己镇, exempted from the month with its reason. scoring is the
// [scoring] method.
func notApplicableSite(method string) map[string]string {
	return map[string]string{
		"config.toml": "title = \"测试区通报\"\nbaseURL = \"/\"\n[issuer]\nname = \"测试区人民政府办公室\"\n" +
			"[ranking]\ngroupSize = 2\ncityUnits = 12\ndistrictUnits = 3\n[scoring]\nmethod = \"" + method + "\"\ndecimals = 2\n",
		"data/units.toml": `[[township]]
name = "甲镇"
slug = "jia"
[[township]]
name = "乙镇"
slug = "yi"
[[township]]
name = "丙镇"
slug = "bing"
[[township]]
name = "丁镇"
slug = "ding"
[[township]]
name = "戊镇"
slug = "wu"
[[township]]
name = "己镇"
slug = "ji"
exempt = [{month = "2023-02", reason = "数据报送不全"}]
[[department]]
name = "区发改局"
slug = "fagai"
`,
		"data/indicators.toml": `[[indicator]]
id = "gongye"
name = "规模工业增加值"
section = "重点工作"
owners = ["区发改局"]
townships = "all"
[[indicator]]
id = "anquan"
name = "安全生产"
section = "重点工作"
owners = ["区发改局"]
townships = "all"
`,
		"data/2023-02.toml": `[[result]]
indicator = "gongye"
notApplicable = [{township = "戊镇", reason = "本月无规模以上工业企业"}]
[result.townships]
"甲镇" = 90
"乙镇" = 80
"丙镇" = 70
"丁镇" = 60
[[result]]
indicator = "anquan"
[result.townships]
"戊镇" = 95
"丁镇" = 88
"丙镇" = 75
"乙镇" = 64
"甲镇" = 51
`,
		"content/circulars/2023-02.md": "+++\nnumber = \"测政办函〔2023〕5号\"\ntitle = \"关于2月的通报\"\ndate = 2023-03-10\ndata = \"2023-02\"\n+++\n" +
			"{{< indicators \"重点工作\" >}}\n\n{{< township-ranking >}}\n\n{{< table \"gongye\" >}}\n",
	}
}

// TestNotApplicable: a township an indicator does not apply to in a month
// (notApplicable) is ranked on it nowhere, the indicator's sentence counts
// the four it applies to (DESIGN §5.3), and its composite is of the one
// indicator left (§5.5), by rank points and by scores alike. By hand:
//
// 规模工业增加值, 4 townships: 甲90 乙80 丙70 丁60 → ranks 1–4, k = 2, n ≥ 2k:
// 前两名 甲、乙, 后两名 丙、丁; rank points 100·(4−r+1)/4: 甲100 乙75 丙50 丁25.
// 安全生产, 5 townships: 戊95 丁88 丙75 乙64 甲51 → ranks 1–5: 前两名 戊、丁,
// 后两名 乙、甲 (best first); points 100·(5−r+1)/5: 戊100 丁80 丙60 乙40 甲20.
// rank-points composite (weights 1): 甲(100+20)/2 = 60, 乙(75+40)/2 = 57.5,
// 丙(50+60)/2 = 55, 丁(25+80)/2 = 52.5, 戊 100/1 = 100 — not 50, as it would
// be were 不涉及 scored 0. score composite: 甲(90+51)/2 = 70.5, 乙(80+64)/2 =
// 72, 丙(70+75)/2 = 72.5, 丁(60+88)/2 = 74, 戊 95.
func TestNotApplicable(t *testing.T) {
	for _, c := range []struct {
		method string
		want   map[string]float64
		order  []string
	}{
		{"rank-points", map[string]float64{"甲镇": 60, "乙镇": 57.5, "丙镇": 55, "丁镇": 52.5, "戊镇": 100}, []string{"戊镇", "甲镇", "乙镇", "丙镇", "丁镇"}},
		{"score", map[string]float64{"甲镇": 70.5, "乙镇": 72, "丙镇": 72.5, "丁镇": 74, "戊镇": 95}, []string{"戊镇", "丁镇", "丙镇", "乙镇", "甲镇"}},
	} {
		files := renderFiles(t, loadFiles(t, notApplicableSite(c.method)), "/")
		page := string(files["circulars/2023/5/index.html"])
		for _, want := range []string{
			// Its four are all 镇: 乡镇, not the term 乡镇（街道） whole (zh.Kind).
			"涉及该项工作共4个乡镇，其中排名前两名的为：甲镇、乙镇；排名后两名的为：丙镇、丁镇。",
			"排名全区前两名的为：戊镇、丁镇；排名全区后两名的为：乙镇、甲镇。",
			// The appendix says why 己镇 is missing from every table, at
			// its head; why 戊镇 has no rank, right under its table, whose
			// row says 不涉及 (in the score's column its reason squeezed
			// the table on a phone), and the table points at the note.
			"己镇2023年2月免于考核（数据报送不全），不参加本月各项排名。",
			`<table class="data-table score-last" id="appendix-gongye" aria-describedby="appendix-gongye-note">`,
			`<td class="num">不涉及</td></tr>
      </tbody>
    </table>
  </div>
  <p class="note table-note" id="appendix-gongye-note">注：戊镇2023年2月不涉及规模工业增加值（本月无规模以上工业企业），不参加该项排名，综合考核按其余各项计算。</p>
`,
			// The table shortcode lists it last, saying so; the dash is
			// no rank to a screen reader, and the reason may wrap.
			`<tr><td><span aria-hidden="true">—</span><span class="visually-hidden">无排名</span></td><th scope="row">戊镇</th><td class="excluded">不涉及（本月无规模以上工业企业）</td></tr>`,
			// 己镇, which it would have ranked, has no row: the note under
			// the table says why, in the appendix's words, where only the
			// appendix had, tables away.
			`<table class="ranking-table score-last" aria-describedby="table-gongye-note">`,
			`</table></div>
<p class="note table-note" id="table-gongye-note">注：己镇2023年2月免于考核（数据报送不全），不参加本月各项排名。</p>`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the circular lacks %q", c.method, want)
			}
		}
		// Only the appendix's 规模工业增加值 has a note of 不涉及 (安全生产
		// ranks all five), and the shortcode's its note of 己镇.
		if n := strings.Count(page, `class="note table-note"`); n != 2 {
			t.Errorf("%s: %d tables' notes in the circular; want 2 (the appendix's 规模工业增加值 and the shortcode's)", c.method, n)
		}

		var d struct {
			Indicators []struct {
				ID            string
				Townships     []struct{ Name string }
				NotApplicable []struct{ Name, Slug, Reason string }
			}
			Composite []struct {
				Name  string
				Score float64
				Rank  int
			}
			Exempt, ExemptReasons []string
		}
		if err := json.Unmarshal(files["circulars/2023/5/data.json"], &d); err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{}
		var order []string
		for _, tw := range d.Composite {
			got[tw.Name] = tw.Score
			order = append(order, tw.Name)
		}
		if !maps.Equal(got, c.want) || strings.Join(order, "、") != strings.Join(c.order, "、") {
			t.Errorf("%s: composite %v in order %v, by hand %v in order %v", c.method, got, order, c.want, c.order)
		}
		if len(d.Indicators) != 2 || d.Indicators[0].ID != "gongye" || len(d.Indicators[0].Townships) != 4 ||
			len(d.Indicators[0].NotApplicable) != 1 || d.Indicators[0].NotApplicable[0] != (struct{ Name, Slug, Reason string }{"戊镇", "wu", "本月无规模以上工业企业"}) ||
			len(d.Indicators[1].NotApplicable) != 0 {
			t.Errorf("%s: data.json's indicators %+v, want gongye with 4 townships and 戊镇 (wu) not applicable for its reason, anquan with none", c.method, d.Indicators)
		}
		if strings.Join(d.Exempt, ",") != "己镇" || strings.Join(d.ExemptReasons, ",") != "数据报送不全" {
			t.Errorf("%s: data.json's exempt %v, reasons %v; want 己镇 for 数据报送不全", c.method, d.Exempt, d.ExemptReasons)
		}
	}

	files := renderFiles(t, loadFiles(t, notApplicableSite("rank-points")), "/")
	for path, wants := range map[string][]string{
		// Its cell says 不涉及, the reason its title, and a line says it whole.
		"units/wu/index.html": {`<td title="本月无规模以上工业企业">不涉及</td>`, "不涉及：2023年2月规模工业增加值（本月无规模以上工业企业）。"},
		"units/ji/index.html": {"免于考核：2023年2月（数据报送不全）。"},
		// The indicator's matrix says why under itself too: a phone shows
		// no title. 己镇, exempted from 2023's only month, keeps its row,
		// 免考, where a row of dashes alone was left out and the township
		// gone from a page that counted it; the note says why.
		"indicators/gongye/index.html": {`<td title="本月无规模以上工业企业">不涉及</td>`, ` aria-describedby="y2023-note">`,
			`<tr><th scope="row"><a href="/units/ji/">己镇</a></th><td title="数据报送不全">免考</td></tr>`,
			"共6个乡镇参与",
			`<p class="note table-note" id="y2023-note">注：2023年2月戊镇不涉及（本月无规模以上工业企业）。2023年2月己镇免于考核（数据报送不全）。</p>`},
		"indicators/anquan/index.html": {`<tr><th scope="row"><a href="/units/ji/">己镇</a></th><td title="数据报送不全">免考</td></tr>`,
			`<p class="note table-note" id="y2023-note">注：2023年2月己镇免于考核（数据报送不全）。</p>`},
		"rankings/index.html": {`<tr><th scope="row"><a href="/units/ji/">己镇</a></th><td title="数据报送不全">免考</td></tr>`,
			`<table class="data-table matrix heatmap" aria-describedby="y2023-note">`,
			`<p class="note table-note" id="y2023-note">注：2023年2月己镇免于考核（数据报送不全）。</p>`},
	} {
		for _, want := range wants {
			if !strings.Contains(string(files[path]), want) {
				t.Errorf("%s lacks %q", path, want)
			}
		}
	}
	var cat struct {
		Units []struct {
			Slug                  string
			Exempt, ExemptReasons []string
		}
	}
	if err := json.Unmarshal(files["data/catalogue.json"], &cat); err != nil {
		t.Fatal(err)
	}
	for _, u := range cat.Units {
		reasons := strings.Join(u.ExemptReasons, ",")
		if (u.Slug == "ji") != (reasons == "数据报送不全" && strings.Join(u.Exempt, ",") == "2023-02") || u.Slug != "ji" && reasons != "" {
			t.Errorf("catalogue.json: %s exempt %v for %v; want only ji, 2023-02 for 数据报送不全", u.Slug, u.Exempt, u.ExemptReasons)
		}
	}
}

// TestNotApplicableInCSV: data.csv and data/ranks.csv say that 戊镇 was
// 不涉及 规模工业增加值 in 2023-02 (notApplicableSite), where they had no row
// of it and a reader could not tell 不涉及 from data left out: its row
// closes the indicator's, as the circular's table does, with 得分, 排名
// and 并列 empty — so that those columns hold numbers only, as Excel
// sums them — and the last column, 备注, saying 不涉及 and why, as the
// table's cell does; and that 己镇 was exempted from the month (免于
// 考核, units.toml exempt), where it had no row at all: a row of it
// closes each indicator's and the composite's, after those 不涉及, 备注
// saying 免于考核 and why, as the appendix does. Every other row's 备注
// is empty. By hand (see
// TestNotApplicable): 甲90 乙80 丙70 丁60 ranked 1–4; the rank-points
// composite 戊100 甲60 乙57.5 丙55 丁52.5. With groups, the row is in its
// group's, and data.json's notApplicable names the group too.
func TestNotApplicableInCSV(t *testing.T) {
	files := renderFiles(t, loadFiles(t, notApplicableSite("rank-points")), "/")
	const head = "月份,指标,乡镇（街道）,得分,排名,并列,得分方向,单位代号,指标代号,期别,备注"
	want := []string{
		head,
		"202302,规模工业增加值,甲镇,90.00,1,否,越高越好,jia,gongye,2023年2月,",
		"202302,规模工业增加值,乙镇,80.00,2,否,越高越好,yi,gongye,2023年2月,",
		"202302,规模工业增加值,丙镇,70.00,3,否,越高越好,bing,gongye,2023年2月,",
		"202302,规模工业增加值,丁镇,60.00,4,否,越高越好,ding,gongye,2023年2月,",
		"202302,规模工业增加值,戊镇,,,,越高越好,wu,gongye,2023年2月,不涉及（本月无规模以上工业企业）",
		"202302,规模工业增加值,己镇,,,,越高越好,ji,gongye,2023年2月,免于考核（数据报送不全）",
		"202302,安全生产,戊镇,95.00,1,否,越高越好,wu,anquan,2023年2月,",
		"202302,安全生产,丁镇,88.00,2,否,越高越好,ding,anquan,2023年2月,",
		"202302,安全生产,丙镇,75.00,3,否,越高越好,bing,anquan,2023年2月,",
		"202302,安全生产,乙镇,64.00,4,否,越高越好,yi,anquan,2023年2月,",
		"202302,安全生产,甲镇,51.00,5,否,越高越好,jia,anquan,2023年2月,",
		"202302,安全生产,己镇,,,,越高越好,ji,anquan,2023年2月,免于考核（数据报送不全）",
		"202302,综合,戊镇,100.00,1,否,越高越好,wu,,2023年2月,",
		"202302,综合,甲镇,60.00,2,否,越高越好,jia,,2023年2月,",
		"202302,综合,乙镇,57.50,3,否,越高越好,yi,,2023年2月,",
		"202302,综合,丙镇,55.00,4,否,越高越好,bing,,2023年2月,",
		"202302,综合,丁镇,52.50,5,否,越高越好,ding,,2023年2月,",
		"202302,综合,己镇,,,,越高越好,ji,,2023年2月,免于考核（数据报送不全）",
	}
	for _, path := range []string{"circulars/2023/5/data.csv", "data/ranks.csv"} {
		got := csvLines(t, files[path])
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", path, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	// The catalogue's sizes of both, counted apart from the files: the
	// BOM's 3 bytes, and each line with its CRLF.
	size := int64(3)
	for _, l := range want {
		size += int64(len(l)) + 2
	}
	var cat struct {
		Periods   []struct{ CSVSize int64 }
		RanksSize int64
	}
	if err := json.Unmarshal(files["data/catalogue.json"], &cat); err != nil {
		t.Fatal(err)
	}
	if len(cat.Periods) != 1 || cat.Periods[0].CSVSize != size || cat.RanksSize != size {
		t.Errorf("the catalogue's sizes %+v, want data.csv and data/ranks.csv of %d bytes", cat, size)
	}

	// Grouped: 甲乙丙 in 一组, 丁戊己 in 二组; 二组's 规模工业增加值 ranks 丁
	// alone (戊 不涉及, 己 exempt), and 己's rows are in 二组's.
	f := notApplicableSite("rank-points")
	f["data/units.toml"] = "[[group]]\nname = \"一组\"\n[[group]]\nname = \"二组\"\n" +
		regexp.MustCompile(`(?m)^slug = "(jia|yi|bing)"$`).ReplaceAllString(
			regexp.MustCompile(`(?m)^slug = "(ding|wu|ji)"$`).ReplaceAllString(f["data/units.toml"], "$0\ngroup = \"二组\""), "$0\ngroup = \"一组\"")
	files = renderFiles(t, loadFiles(t, f), "/")
	// The circular's table of 二组 says that 己镇 was exempted, under
	// itself, numbered as the appendix's tables of groups are; 一组's
	// has no note.
	page := string(files["circulars/2023/5/index.html"])
	if want := `<p class="note table-note" id="table-gongye-2-note">注：己镇2023年2月免于考核（数据报送不全），不参加本月各项排名。</p>`; !strings.Contains(page, want) ||
		!strings.Contains(page, `aria-describedby="table-gongye-2-note"`) || strings.Contains(page, "table-gongye-1-note") {
		t.Errorf("grouped, the circular's tables of 规模工业增加值 do not note 己镇 under 二组's alone")
	}
	var rows []string
	for _, l := range csvLines(t, files["circulars/2023/5/data.csv"]) {
		if strings.Contains(l, ",规模工业增加值,") {
			rows = append(rows, l)
		}
	}
	wantRows := []string{
		"202302,规模工业增加值,甲镇,一组,90.00,1,否,越高越好,jia,gongye,2023年2月,",
		"202302,规模工业增加值,乙镇,一组,80.00,2,否,越高越好,yi,gongye,2023年2月,",
		"202302,规模工业增加值,丙镇,一组,70.00,3,否,越高越好,bing,gongye,2023年2月,",
		"202302,规模工业增加值,丁镇,二组,60.00,1,否,越高越好,ding,gongye,2023年2月,",
		"202302,规模工业增加值,戊镇,二组,,,,越高越好,wu,gongye,2023年2月,不涉及（本月无规模以上工业企业）",
		"202302,规模工业增加值,己镇,二组,,,,越高越好,ji,gongye,2023年2月,免于考核（数据报送不全）",
	}
	if strings.Join(rows, "\n") != strings.Join(wantRows, "\n") {
		t.Errorf("grouped, the rows of 规模工业增加值:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(wantRows, "\n"))
	}
	var composite []string
	for _, l := range csvLines(t, files["circulars/2023/5/data.csv"]) {
		if strings.Contains(l, ",综合,") {
			composite = append(composite, l)
		}
	}
	if want := "202302,综合,己镇,二组,,,,越高越好,ji,,2023年2月,免于考核（数据报送不全）"; len(composite) != 6 || composite[5] != want {
		t.Errorf("grouped, the composite's rows:\n%s\nwant 6, the last\n%s", strings.Join(composite, "\n"), want)
	}
	var d struct {
		Indicators []struct {
			ID            string
			NotApplicable []map[string]string
		}
		Exempt, ExemptGroups []string
	}
	if err := json.Unmarshal(files["circulars/2023/5/data.json"], &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Indicators) == 0 || d.Indicators[0].ID != "gongye" || len(d.Indicators[0].NotApplicable) != 1 ||
		!maps.Equal(d.Indicators[0].NotApplicable[0], map[string]string{"name": "戊镇", "slug": "wu", "group": "二组", "reason": "本月无规模以上工业企业"}) {
		t.Errorf("grouped, data.json's indicators %+v, want gongye's notApplicable 戊镇 of 二组", d.Indicators)
	}
	if !slices.Equal(d.Exempt, []string{"己镇"}) || !slices.Equal(d.ExemptGroups, []string{"二组"}) {
		t.Errorf("grouped, data.json's exempt %v of groups %v, want 己镇 of 二组", d.Exempt, d.ExemptGroups)
	}
}

// TestExemptInCSV: a township exempted from a month without a reason
// (exempt = ["2023-02"]) has rows whose 备注 is 免于考核 alone, in the
// indicators that would have ranked it only: 己镇 is not among those
// 安全生产 ranks here, so it has a row of 规模工业增加值 and of the
// composite, none of 安全生产. data.json, without groups, has no
// exemptGroups, nor exemptReasons when none is given.
func TestExemptInCSV(t *testing.T) {
	f := notApplicableSite("rank-points")
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], `exempt = [{month = "2023-02", reason = "数据报送不全"}]`, `exempt = ["2023-02"]`, 1)
	anquan := "id = \"anquan\"\nname = \"安全生产\"\nsection = \"重点工作\"\nowners = [\"区发改局\"]\ntownships = \"all\""
	if !strings.Contains(f["data/indicators.toml"], anquan) {
		t.Fatal("notApplicableSite's 安全生产 is not as this test knows it")
	}
	f["data/indicators.toml"] = strings.Replace(f["data/indicators.toml"], anquan, strings.Replace(anquan, `"all"`, `["甲镇", "乙镇", "丙镇", "丁镇", "戊镇"]`, 1), 1)
	files := renderFiles(t, loadFiles(t, f), "/")
	var got []string
	for _, l := range csvLines(t, files["circulars/2023/5/data.csv"]) {
		if strings.Contains(l, ",己镇,") {
			got = append(got, l)
		}
	}
	want := []string{
		"202302,规模工业增加值,己镇,,,,越高越好,ji,gongye,2023年2月,免于考核",
		"202302,综合,己镇,,,,越高越好,ji,,2023年2月,免于考核",
	}
	if !slices.Equal(got, want) {
		t.Errorf("己镇's rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var d map[string]any
	if err := json.Unmarshal(files["circulars/2023/5/data.json"], &d); err != nil {
		t.Fatal(err)
	}
	_, reasons := d["exemptReasons"]
	_, groups := d["exemptGroups"]
	if fmt.Sprint(d["exempt"]) != "[己镇]" || reasons || groups {
		t.Errorf("data.json's exempt %v, exemptReasons given %v, exemptGroups given %v; want [己镇] and neither", d["exempt"], reasons, groups)
	}
}

// csvLines are a CSV file's lines after its BOM, CRLF cut.
func csvLines(t *testing.T, data []byte) []string {
	t.Helper()
	body, ok := strings.CutPrefix(string(data), "\xEF\xBB\xBF")
	if !ok {
		t.Fatal("the CSV has no BOM")
	}
	return strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n")
}

// TestExemptMonthAsItsRowNamesIt: a township's page names the month it
// was exempted from as its table's row and its circular do, by the month
// file's period (2023年1-2月), not by the file's name (2023年2月), which
// the reader would look for among the rows in vain; so does its entry in
// the search index, which a search for 免于考核 or the reason finds, where
// it said only 己镇历次综合考核排名和各单项指标排名 of a township ranked in
// no month there is.
func TestExemptMonthAsItsRowNamesIt(t *testing.T) {
	files := notApplicableSite("rank-points")
	files["data/2023-02.toml"] = "period = \"1-2月\"\n" + files["data/2023-02.toml"]
	out := renderFiles(t, loadFiles(t, files), "/")
	texts := map[string]string{}
	for _, d := range searchIndexDocs(t, out) {
		texts[d.URL] = d.Text
	}
	if got, want := texts["units/ji/"], "己镇历次综合考核排名和各单项指标排名。免于考核：2023年1-2月（数据报送不全）"; got != want {
		t.Errorf("己镇's entry in the search index reads %q, want %q", got, want)
	}
	if got, want := texts["units/jia/"], "甲镇历次综合考核排名和各单项指标排名"; got != want {
		t.Errorf("甲镇's entry in the search index reads %q, want %q", got, want)
	}
	page := string(out["units/ji/index.html"])
	if want := "免于考核：2023年1-2月（数据报送不全）。"; !strings.Contains(page, want) {
		t.Errorf("units/ji/ lacks %q", want)
	}
	if !strings.Contains(page, `<a href="/circulars/2023/5/">2023年1-2月</a>`) {
		t.Errorf("units/ji/ has no row 2023年1-2月 linking its circular")
	}
}

// TestExemptMonthsNoted: a year's matrix on /rankings/ and on an
// indicator's page keeps the row of a township exempted from every month
// of the year, each cell 免考, and the note under it names each township's
// exempt months with their reason, once a reason, three months or more
// in a row written from the first to the last; a month without a reason
// is in no note (its cell says 免考, which is all there is to say). By
// hand, notApplicableSite over 2023-01 to 2023-04: 己镇 exempt in 1–3月
// for 数据报送不全 and in 4月 for none, 丙镇 in 1月 and 3月 for 乡镇换届
// and in 2月 for none, which a run of 1月 to 3月 would give its reason:
// 2023年1月、3月丙镇免于考核（乡镇换届）。2023年1月至3月己镇免于考核（数据报送不全）。
func TestExemptMonthsNoted(t *testing.T) {
	f := notApplicableSite("rank-points")
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], `exempt = [{month = "2023-02", reason = "数据报送不全"}]`,
		`exempt = [{month = "2023-01", reason = "数据报送不全"}, {month = "2023-02", reason = "数据报送不全"}, {month = "2023-03", reason = "数据报送不全"}, "2023-04"]`, 1)
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n",
		"slug = \"bing\"\nexempt = [{month = \"2023-01\", reason = \"乡镇换届\"}, {month = \"2023-03\", reason = \"乡镇换届\"}]\n", 1)
	month := func(bing bool) string {
		b := "[[result]]\nindicator = \"gongye\"\n[result.townships]\n\"甲镇\" = 90\n\"乙镇\" = 80\n"
		if bing {
			b += "\"丙镇\" = 70\n"
		}
		b += "\"丁镇\" = 60\n\"戊镇\" = 50\n[[result]]\nindicator = \"anquan\"\n[result.townships]\n\"戊镇\" = 95\n\"丁镇\" = 88\n"
		if bing {
			b += "\"丙镇\" = 75\n"
		}
		return b + "\"乙镇\" = 64\n\"甲镇\" = 51\n"
	}
	f["data/2023-01.toml"] = month(false)
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "\"丙镇\" = 70\n", "", 1)
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "\"丙镇\" = 75\n", "", 1)
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "乡镇换届\"}]", "乡镇换届\"}, \"2023-02\"]", 1) // 丙镇's February too, for no reason: no run across it
	f["data/2023-03.toml"] = month(false)
	f["data/2023-04.toml"] = month(true)
	files := renderFiles(t, loadFiles(t, f), "/")
	const ji = `<tr><th scope="row"><a href="/units/ji/">己镇</a></th>` + `<td title="数据报送不全">免考</td>` + `<td title="数据报送不全">免考</td>` + `<td title="数据报送不全">免考</td>` + `<td>免考</td></tr>`
	const note = `<p class="note table-note" id="y2023-note">注：2023年1月、3月丙镇免于考核（乡镇换届）。2023年1月至3月己镇免于考核（数据报送不全）。</p>`
	for _, path := range []string{"rankings/index.html", "indicators/anquan/index.html"} {
		for _, want := range []string{ji, note} {
			if !strings.Contains(string(files[path]), want) {
				t.Errorf("%s lacks %s", path, want)
			}
		}
	}
	// 规模工业增加值's note says first why 戊镇 was 不涉及 in February.
	if want := `注：2023年2月戊镇不涉及（本月无规模以上工业企业）。2023年1月、3月丙镇`; !strings.Contains(string(files["indicators/gongye/index.html"]), want) {
		t.Errorf("indicators/gongye/ lacks %s", want)
	}
}

// TestMonthRuns: months named as a note names them — a run of three or
// more consecutive months from its first to its last, a month file's own
// period (1-2月) as its column does.
func TestMonthRuns(t *testing.T) {
	m := func(n int, period string) *site.Month { return &site.Month{Year: 2024, Month: n, Period: period} }
	for _, c := range []struct {
		months []*site.Month
		want   string
	}{
		{[]*site.Month{m(5, "")}, "2024年5月"},
		{[]*site.Month{m(1, ""), m(2, "")}, "2024年1月、2月"},
		{[]*site.Month{m(1, ""), m(3, ""), m(4, ""), m(5, ""), m(6, ""), m(9, "")}, "2024年1月、3月至6月、9月"},
		{[]*site.Month{m(2, "1-2月"), m(3, ""), m(4, ""), m(12, "")}, "2024年1-2月至4月、12月"},
		{[]*site.Month{m(10, ""), m(11, ""), m(12, "")}, "2024年10月至12月"},
	} {
		if got := monthRuns(c.months); got != c.want {
			t.Errorf("monthRuns of %d months = %q, want %q", len(c.months), got, c.want)
		}
	}
}

// TestTableNoteIDsUnique: a circular showing one indicator's table twice
// gets two notes of its exempt township, each with an id of its own that
// its own table is described by; no id of the page is given twice.
func TestTableNoteIDsUnique(t *testing.T) {
	files := notApplicableSite("rank-points")
	files["content/circulars/2023-02.md"] += "\n再列一次：\n\n{{< table \"gongye\" >}}\n"
	page := string(renderFiles(t, loadFiles(t, files), "/")["circulars/2023/5/index.html"])
	for _, want := range []string{
		`<table class="ranking-table score-last" aria-describedby="table-gongye-note">`,
		`<p class="note table-note" id="table-gongye-note">注：己镇2023年2月免于考核`,
		`<table class="ranking-table score-last" aria-describedby="table-gongye-2-note">`,
		`<p class="note table-note" id="table-gongye-2-note">注：己镇2023年2月免于考核`,
	} {
		if strings.Count(page, want) != 1 {
			t.Errorf("the circular has %d of %q; want 1", strings.Count(page, want), want)
		}
	}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if seen[m[1]] {
			t.Errorf("id %q given twice", m[1])
		}
		seen[m[1]] = true
	}
}

// TestExemptMonthToComeUnsaid: units.toml exempts 己镇 from April as well,
// decided ahead; while March is the newest month the site publishes, its
// page and its search entry say only February's exemption, and once
// April's month file is there, April's too.
func TestExemptMonthToComeUnsaid(t *testing.T) {
	f := notApplicableSite("rank-points")
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], `exempt = [{month = "2023-02", reason = "数据报送不全"}]`,
		`exempt = [{month = "2023-02", reason = "数据报送不全"}, {month = "2023-04", reason = "乡镇换届"}]`, 1)
	if !strings.Contains(f["data/units.toml"], "乡镇换届") {
		t.Fatal("the fixture's exempt line moved")
	}
	entry := func(files map[string][]byte) string {
		for _, d := range searchIndexDocs(t, files) {
			if d.URL == "units/ji/" {
				return d.Text
			}
		}
		return ""
	}
	files := renderFiles(t, loadFiles(t, f), "/")
	if got, want := entry(files), "己镇历次综合考核排名和各单项指标排名。免于考核：2023年2月（数据报送不全）"; got != want {
		t.Errorf("before April, 己镇's search entry reads %q, want %q", got, want)
	}
	if page := string(files["units/ji/index.html"]); !strings.Contains(page, "免于考核：2023年2月（数据报送不全）。") || strings.Contains(page, "乡镇换届") {
		t.Errorf("before April, 己镇's page should say February's exemption alone")
	}

	f["data/2023-04.toml"] = strings.Replace(strings.Replace(f["data/2023-02.toml"], "2023年2月", "2023年4月", -1), "\"己镇\" = ", "# ", -1)
	files = renderFiles(t, loadFiles(t, f), "/")
	if got, want := entry(files), "己镇历次综合考核排名和各单项指标排名。免于考核：2023年2月（数据报送不全）、2023年4月（乡镇换届）"; got != want {
		t.Errorf("with April, 己镇's search entry reads %q, want %q", got, want)
	}
}
