package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"maps"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestDataJSONSample(t *testing.T) {
	files := renderFiles(t, loadSample(t), "https://portal.example.gov.cn/tongbao/")
	data, ok := files["circulars/2023/14/data.json"]
	if !ok {
		t.Fatal("no circulars/2023/14/data.json")
	}
	var d OpenData
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("data.json: %v", err)
	}
	if d.Circular.Number != "双政办函〔2023〕14号" || d.Month != "2023-02" || d.Period != "2023年1-2月" || d.OverallCity != 8 {
		t.Errorf("head: %+v month %q period %q overall %d", d.Circular, d.Month, d.Period, d.OverallCity)
	}
	if d.Circular.URL != "https://portal.example.gov.cn/tongbao/circulars/2023/14/" {
		t.Errorf("url %q", d.Circular.URL)
	}
	if len(d.Composite) != 12 || d.Composite[0].Name != "东风路街道" || d.Composite[0].Rank != 1 || d.Composite[0].Slug != "dongfenglu" {
		t.Errorf("composite first: %+v", d.Composite)
	}
	if last := d.Composite[len(d.Composite)-1]; last.Name != "火车站乡" || last.Rank != 12 {
		t.Errorf("composite last: %+v", last)
	}
	var jindu *OpenIndicator
	for i := range d.Indicators {
		if d.Indicators[i].ID == "jindu" {
			jindu = &d.Indicators[i]
		}
	}
	if jindu == nil {
		t.Fatal("no jindu among the indicators")
	}
	if jindu.Name != "禁毒" || !slices.Equal(jindu.Owners, []string{"双清公安分局", "区禁毒办"}) || len(jindu.Townships) != 12 {
		t.Fatalf("jindu: %+v", jindu)
	}
	for i, want := range []string{"桥头街道", "石桥街道", "爱莲街道"} {
		if got := jindu.Townships[i]; got.Name != want || got.Rank != i+1 {
			t.Errorf("jindu #%d: %+v, want %s rank %d", i+1, got, want, i+1)
		}
	}
	// 规模工业增加值: four townships tied at 82.3, rank 9.
	for _, ind := range d.Indicators {
		if ind.ID != "gongye" {
			continue
		}
		if ind.City != 10 || ind.District != 3 {
			t.Errorf("gongye ranks: city %d district %d", ind.City, ind.District)
		}
		tied := 0
		for _, tw := range ind.Townships {
			if tw.Rank == 9 && tw.Tied && tw.Score != nil && *tw.Score == 82.3 {
				tied++
			}
		}
		if tied != 4 {
			t.Errorf("gongye: %d townships tied at rank 9 with 82.3, want 4", tied)
		}
	}
	if len(d.CityBottom) == 0 || d.CityBottom[0].ID == "" {
		t.Errorf("city bottom: %+v", d.CityBottom)
	}
	if len(d.Rewards) != 2 || d.Rewards[0].Unit != "东风路街道" || d.Rewards[0].Amount != 50000 || d.Rewards[1].Unit != "区信访局" {
		t.Errorf("rewards: %+v", d.Rewards)
	}
	if len(d.Interviews) != 2 || d.Interviews[0].Unit != "火车站乡" || d.Interviews[1].Kind != "提醒约谈" {
		t.Errorf("interviews: %+v", d.Interviews)
	}
	if len(d.Categories) != 3 || d.Categories[2].Name != "三类" {
		t.Errorf("categories: %+v", d.Categories)
	}
	// Stable field order: the encoding starts with the circular.
	if !bytes.HasPrefix(data, []byte(`{"circular":{"number":"双政办函〔2023〕14号",`)) {
		t.Errorf("data.json does not start as expected:\n%.200s", data)
	}
}

// readCSV checks the BOM and the header and returns the data rows.
func readCSV(t *testing.T, files map[string][]byte, name string) [][]string {
	t.Helper()
	data, ok := files[name]
	if !ok {
		t.Fatalf("no %s", name)
	}
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("%s has no UTF-8 BOM", name)
	}
	rows, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "月份,指标,乡镇（街道）,得分,排名,并列,得分方向,单位代号,指标代号,期别,备注" {
		t.Fatalf("%s header: %v", name, rows)
	}
	return rows[1:]
}

func find(rows [][]string, indicator, township string) []string {
	for _, r := range rows {
		if r[1] == indicator && r[2] == township {
			return r
		}
	}
	return nil
}

func TestDataCSVSample(t *testing.T) {
	files := renderFiles(t, loadSample(t), "")
	rows := readCSV(t, files, "circulars/2023/14/data.csv")
	// The codes last (data/units.toml's slug, indicators.toml's id); the
	// composite is no indicator and has none.
	// The month as 202302, which Excel keeps; the circular's 期别 last.
	if got := find(rows, "综合", "东风路街道"); got == nil || got[0] != "202302" || got[4] != "1" || got[5] != "否" || got[7] != "dongfenglu" || got[8] != "" || got[9] != "2023年1-2月" {
		t.Errorf("composite 东风路街道: %v", got)
	}
	for i, name := range []string{"桥头街道", "石桥街道", "爱莲街道"} {
		if got := find(rows, "禁毒", name); got == nil || got[4] != string(rune('1'+i)) || got[8] != "jindu" {
			t.Errorf("禁毒 %s: %v", name, got)
		}
	}
	if got := find(rows, "禁毒", "石桥街道"); got == nil || got[7] != "shiqiao" {
		t.Errorf("禁毒 石桥街道: %v, want the slug shiqiao", got)
	}
	if got := find(rows, "规模工业增加值", "东风路街道"); got == nil || got[3] != "82.3" || got[4] != "9" || got[5] != "是" || got[6] != "越高越好" {
		t.Errorf("规模工业增加值 东风路街道: %v", got)
	}
	// 信访维稳 is a rate of repeated petitions: 0.00 is first.
	if got := find(rows, "信访维稳", "滨江街道"); got == nil || got[3] != "0.00" || got[4] != "1" || got[6] != "越低越好" {
		t.Errorf("信访维稳 滨江街道: %v", got)
	}
	if !bytes.Contains(files["circulars/2023/14/data.csv"], []byte("\r\n")) {
		t.Error("data.csv lines do not end in CRLF")
	}

	all := readCSV(t, files, "data/ranks.csv")
	if len(all) != len(rows) {
		t.Errorf("data/ranks.csv has %d rows, the one month's data.csv %d", len(all), len(rows))
	}
	composite := 0
	for _, r := range all {
		if r[1] == CompositeLabel {
			composite++
		}
	}
	if composite != 12 {
		t.Errorf("%d composite rows, want 12", composite)
	}
}

func TestCSVCellNeutralised(t *testing.T) {
	for in, want := range map[string]string{
		"=SUM(A1:A2)":  "'=SUM(A1:A2)",
		"+1+1":         "'+1+1",
		"-1+cmd|' /C'": "'-1+cmd|' /C'",
		"@SUM(1)":      "'@SUM(1)",
		"\t=1":         "'\t=1",
		"-1.5":         "-1.5",
		"82.30":        "82.30",
		"东风路街道":        "东风路街道",
		"":             "",
	} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
	var b bytes.Buffer
	if err := appendCSV(&b, [][]string{{"=1", "a,b", `q"`}}); err != nil {
		t.Fatal(err)
	}
	if b.String() != "'=1,\"a,b\",\"q\"\"\"\r\n" {
		t.Errorf("appendCSV: %q", b.String())
	}
}

// TestDataPage: /data/ links every open data file of the sample, and
// explains each column of its CSV files and each field of its data.json
// as the files have them.
func TestDataPage(t *testing.T) {
	files := renderFiles(t, loadSample(t), "/tongbao/")
	page := files["data/index.html"]
	for _, href := range []string{"/tongbao/data/ranks.csv", "/tongbao/circulars/2023/14/data.csv", "/tongbao/circulars/2023/14/data.json", "/tongbao/circulars/2023/14/"} {
		if !bytes.Contains(page, []byte(`href="`+href+`"`)) {
			t.Errorf("/data/ does not link %s", href)
		}
	}
	// Each download is saved under a name that says what it is, not as
	// data (1).csv, data (2).csv, ….
	for file, links := range map[string][]string{
		"data/index.html": {`href="/tongbao/data/ranks.csv" type="text/csv" download="全部考核排名.csv"`,
			`href="/tongbao/circulars/2023/14/data.csv" type="text/csv" download="2023年1-2月考核数据.csv"`,
			`href="/tongbao/circulars/2023/14/data.json" type="application/json" download="2023年1-2月考核数据.json"`},
		"circulars/2023/14/index.html": {`href="/tongbao/circulars/2023/14/data.csv" type="text/csv" download="2023年1-2月考核数据.csv"`,
			`href="/tongbao/circulars/2023/14/data.json" type="application/json" download="2023年1-2月考核数据.json"`},
	} {
		for _, l := range links {
			if !bytes.Contains(files[file], []byte(l)) {
				t.Errorf("%s lacks the link %s", file, l)
			}
		}
	}
	// The seed's one period, of one year: one table, not folded.
	if !bytes.Contains(page, []byte("<caption>各期考核数据（新的在前）</caption>")) || bytes.Contains(page, []byte(`<details class="fold" id="periods-`)) {
		t.Error("/data/ of one year's periods does not list them in one table, unfolded")
	}
	for _, from := range []string{"rankings/index.html", "circulars/2023/14/index.html"} {
		if !bytes.Contains(files[from], []byte(`href="/tongbao/data/"`)) {
			t.Errorf("%s does not link /data/", from)
		}
	}

	// The columns: data/ranks.csv's header row, each explained.
	header, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files["data/ranks.csv"], []byte("\xEF\xBB\xBF")))).Read()
	if err != nil {
		t.Fatal(err)
	}
	var columns []string
	for _, r := range tableAfter(t, page, "CSV 文件的列") {
		columns = append(columns, text(r[0]))
		if text(r[1]) == "" {
			t.Errorf("column %s unexplained", text(r[0]))
		}
	}
	if !slices.Equal(columns, header) {
		t.Errorf("/data/ lists the columns %q; data/ranks.csv has %q", columns, header)
	}

	// The fields: every one explained, and every one data.json has among
	// them.
	explained := map[string]string{}
	for _, r := range tableAfter(t, page, "JSON 文件的字段") {
		name := text(r[0])
		if _, dup := explained[name]; dup || text(r[1]) == "" {
			t.Errorf("field %s listed twice or unexplained: %q", name, r[1])
		}
		explained[name] = text(r[1])
	}
	var doc any
	if err := json.Unmarshal(files["circulars/2023/14/data.json"], &doc); err != nil {
		t.Fatal(err)
	}
	paths := jsonPaths(nil, doc, "")
	if len(paths) < 40 {
		t.Fatalf("data.json has only %d fields: %q", len(paths), paths)
	}
	for _, p := range paths {
		if explained[p] == "" {
			t.Errorf("data.json's %s is not explained on /data/", p)
		}
	}
	if got := explained["indicators[].city"]; got != "全市排名（有则列出）" {
		t.Errorf("indicators[].city: %q, in the sample's words 全市排名（有则列出）", got)
	}
}

// jsonPaths appends the paths of every field in v: a.b in objects, a[].b
// in the objects of arrays.
func jsonPaths(out []string, v any, prefix string) []string {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			out = append(out, prefix+k)
			out = jsonPaths(out, x, prefix+k+".")
		}
	case []any:
		for _, x := range v {
			out = jsonPaths(out, x, strings.TrimSuffix(prefix, ".")+"[].")
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestDataPageInOfficeWords: another office's site, with its own words
// and a quarter's circular, lists its periods newest first and explains
// the fields in its words.
func TestDataPageInOfficeWords(t *testing.T) {
	f := historySite()
	f["config.toml"] = strings.Replace(f["config.toml"], `peer = "三区"`, "unit = \"乡镇\"\ncity = \"全省\"\npeer = \"同类县\"\ndepartment = \"县直单位\"\nactions = [\"奖励\", \"通报批评\", \"书面检查\"]", 1)
	f["content/circulars/2023-q1.md"] = "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-04-20\ndata = \"2023-Q1\"\n+++\n正文。\n"
	files := renderFiles(t, loadFiles(t, f), "/")
	page := files["data/index.html"]
	// Newest first, a table a year: 2023's open, 2022's folded.
	var periods []string
	for _, caption := range []string{"2023年各期考核数据（新的在前）", "2022年各期考核数据（新的在前）"} {
		for _, r := range tableAfter(t, page, caption) {
			periods = append(periods, text(r[0]))
		}
		periods = append(periods, "|")
	}
	if want := []string{"2023年第一季度", "2023年2月", "2023年1月", "|", "2022年12月", "|"}; !slices.Equal(periods, want) {
		t.Errorf("periods %q, want %q", periods, want)
	}
	folds := regexp.MustCompile(`<details class="fold" id="periods-[^>]*>\s*<summary><h3 class="fold-heading">[^<]*</h3>`).FindAllString(string(page), -1)
	if want := []string{`<details class="fold" id="periods-2023" open>
        <summary><h3 class="fold-heading">2023年</h3>`, `<details class="fold" id="periods-2022">
        <summary><h3 class="fold-heading">2022年</h3>`}; !slices.Equal(folds, want) {
		t.Errorf("the years' folds %q, want %q", folds, want)
	}
	for _, want := range []string{
		"：2022年12月至2023年2月，共 3 个月，各乡镇每项指标和综合考核的得分和名次",
		"JSON 格式另有全省排名、同类县排名、县直单位考核排类和奖惩",
		"<tr><th scope=\"row\">乡镇</th><td>乡镇名称</td></tr>",
		"<tr><th scope=\"row\"><code>indicators[].<wbr>district</code></th><td>同类县排名（有则列出）</td></tr>",
		"<tr><th scope=\"row\"><code>categories</code></th><td>县直单位考核排类</td></tr>",
		// A field of a circular's only when it has one: aggregate's, on
		// a quarter's, explained as scoring's are.
		"<tr><th scope=\"row\"><code>aggregate.<wbr>method</code></th><td>mean-points：各月综合得分的平均；sum-points：各月综合得分之和；mean-rank：各月综合名次的平均，越小越好</td></tr>",
		// The office's measures, not the sample's 约谈 and 提醒约谈.
		"<tr><th scope=\"row\"><code>interviews</code></th><td>奖励以外的措施（通报批评、书面检查）</td></tr>",
		"<tr><th scope=\"row\"><code>interviews[].<wbr>kind</code></th><td>措施（通报批评、书面检查）</td></tr>",
		"<tr><th scope=\"row\"><code>interviews[].<wbr>by</code></th><td>由谁实施（有则列出）</td></tr>",
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("/data/ lacks %s", want)
		}
	}
	if bytes.Contains(page, []byte("乡镇（街道）")) || bytes.Contains(page, []byte("全市")) || bytes.Contains(page, []byte("约谈")) {
		t.Error("/data/ speaks the sample's words")
	}

	// Ranked by the mean of its monthly ranks, a quarter's composite
	// score is an average place: lower is better, and /data/ says what it is.
	f["config.toml"] += "\n[aggregate]\nmethod = \"mean-rank\"\n"
	files = renderFiles(t, loadFiles(t, f), "/")
	for file, want := range map[string]string{"circulars/2023/9/data.csv": "越低越好", "circulars/2023/5/data.csv": "越高越好"} {
		var composite []string
		for _, r := range readCSVRows(t, files, file) {
			if r[1] == CompositeLabel {
				composite = append(composite, r[6]) // 得分方向
			}
		}
		if len(composite) == 0 || slices.ContainsFunc(composite, func(d string) bool { return d != want }) {
			t.Errorf("%s: the composite rows' direction %q, want %s in each", file, composite, want)
		}
	}
	if want := "<td>得分；“综合”一行为综合得分，季度、半年、年度为各月综合排名的平均（平均名次，越小越好）</td>"; !bytes.Contains(files["data/index.html"], []byte(want)) {
		t.Errorf("/data/ lacks %s", want)
	}
}

// readCSVRows is a CSV's rows after its header, whatever the header.
func readCSVRows(t *testing.T, files map[string][]byte, name string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files[name], []byte(utf8BOM)))).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("%s: %d rows, %v", name, len(rows), err)
	}
	return rows[1:]
}

// TestDataJSONSaysHowComposite: data.json states how its composite was
// made — [scoring] method and decimals, and on a quarter's, half's or
// year's [aggregate] method — so that a reader can reproduce it from
// the indicators' ranks, scores and weights. The reader here decodes the
// file as an outsider would, into its own types, and recomputes
// 2022-12 of historySite by the formulas of docs/rules.md; the
// composites are also held to hand values: rank points (n = 3) 乙83.33
// 甲66.67 丙50.00 (historySite), score 乙(80+95)/2 = 87.5 甲75 丙70, sum
// 乙175 甲150 丙140 (TestScoringSum).
func TestDataJSONSaysHowComposite(t *testing.T) {
	type township struct {
		Name  string
		Score float64
		Rank  int
	}
	type reader struct {
		Indicators []struct {
			Weight    *float64
			Townships []township
		}
		Scoring *struct {
			Method   string
			Decimals *int
		}
		Aggregate *struct{ Method string }
		Composite []township
	}
	recompute := func(d reader) map[string]float64 {
		sum, weights := map[string]float64{}, map[string]float64{}
		for _, ind := range d.Indicators {
			if ind.Weight == nil || *ind.Weight == 0 {
				continue
			}
			w, n := *ind.Weight, float64(len(ind.Townships))
			for _, tw := range ind.Townships {
				v := tw.Score
				if d.Scoring.Method == "rank-points" {
					v = 100 * (n - float64(tw.Rank) + 1) / n
				}
				sum[tw.Name] += w * v
				weights[tw.Name] += w
			}
		}
		scale := math.Pow10(*d.Scoring.Decimals)
		out := map[string]float64{}
		for name, s := range sum {
			if d.Scoring.Method != "sum" {
				s /= weights[name]
			}
			out[name] = math.Round(s*scale) / scale
		}
		return out
	}
	for _, c := range []struct {
		method, config string
		want           map[string]float64
	}{
		{"rank-points", "", map[string]float64{"乙街道": 83.33, "甲街道": 66.67, "丙镇": 50}},
		{"score", "method = \"score\"\n", map[string]float64{"乙街道": 87.5, "甲街道": 75, "丙镇": 70}},
		{"sum", "method = \"sum\"\n", map[string]float64{"乙街道": 175, "甲街道": 150, "丙镇": 140}},
	} {
		f := historySite()
		f["config.toml"] = strings.Replace(f["config.toml"], "[scoring]\n", "[scoring]\n"+c.config, 1) + "[aggregate]\nmethod = \"mean-rank\"\n"
		f["content/circulars/2023-q1.md"] = "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-04-20\ndata = \"2023-Q1\"\n+++\n正文。\n"
		files := renderFiles(t, loadFiles(t, f), "/")
		var d reader
		if err := json.Unmarshal(files["circulars/2022/9/data.json"], &d); err != nil {
			t.Fatal(err)
		}
		if d.Scoring == nil || d.Scoring.Method != c.method || d.Scoring.Decimals == nil || *d.Scoring.Decimals != 2 {
			t.Errorf("%s: 2022-12's data.json states the composite's method as %+v, want %s with 2 decimals", c.method, d.Scoring, c.method)
			continue
		}
		if d.Aggregate != nil {
			t.Errorf("%s: a month's data.json states an aggregate method %+v", c.method, d.Aggregate)
		}
		published := map[string]float64{}
		for _, tw := range d.Composite {
			published[tw.Name] = tw.Score
		}
		if !maps.Equal(published, c.want) {
			t.Errorf("%s: composite %v, by hand %v", c.method, published, c.want)
		}
		if got := recompute(d); !maps.Equal(got, published) {
			t.Errorf("%s: recomputed from data.json %v, published %v", c.method, got, published)
		}

		var q reader
		if err := json.Unmarshal(files["circulars/2023/9/data.json"], &q); err != nil {
			t.Fatal(err)
		}
		if q.Aggregate == nil || q.Aggregate.Method != "mean-rank" || q.Scoring == nil || q.Scoring.Method != c.method {
			t.Errorf("%s: the quarter's data.json states aggregate %+v, scoring %+v; want mean-rank over %s months", c.method, q.Aggregate, q.Scoring, c.method)
		}
	}
}

// TestDataSaysValidity: a circular no longer in force (front matter valid
// = "废止") says so in its data.json (circular.valid) and in its row on
// /data/; one in force, the default, has no valid in data.json and no
// mark on /data/.
func TestDataSaysValidity(t *testing.T) {
	s := loadSample(t)
	s.Circulars[0].Valid = "废止"
	files := renderFiles(t, s, "/")
	var d struct {
		Circular map[string]any `json:"circular"`
	}
	if err := json.Unmarshal(files["circulars/2023/14/data.json"], &d); err != nil {
		t.Fatal(err)
	}
	if d.Circular["valid"] != "废止" {
		t.Errorf("data.json's circular.valid is %v, want 废止", d.Circular["valid"])
	}
	row := `（2023年1-2月）</a></span></td>`
	if page := string(files["data/index.html"]); !strings.Contains(page, `</a><strong class="data-valid">（已废止）</strong><span class="data-number">双政办函〔2023〕14号</span>`) {
		t.Errorf("/data/'s row does not say 已废止:\n%s", page[strings.Index(page, "<tbody>"):strings.Index(page, row)+len(row)])
	}
	files = renderFiles(t, loadSample(t), "/")
	if bytes.Contains(files["circulars/2023/14/data.json"], []byte(`"valid"`)) || bytes.Contains(files["data/index.html"], []byte(`data-valid`)) {
		t.Error("a circular in force says a 有效性 in data.json or on /data/")
	}
}

// sampleSlugs are data/units.toml's slugs by name, read from the file
// itself rather than through the loader whose results are under test.
func sampleSlugs(t *testing.T) map[string]string {
	t.Helper()
	var f struct {
		Township, Department []struct{ Name, Slug string }
	}
	if _, err := toml.DecodeFile("../../data/units.toml", &f); err != nil {
		t.Fatal(err)
	}
	slugs := map[string]string{}
	for _, u := range slices.Concat(f.Township, f.Department) {
		slugs[u.Name] = u.Slug
	}
	return slugs
}

// TestDataJSONNamesUnitsBySlug: wherever the sample's data.json names a
// unit, its slug (units.toml's) is beside the name: one field beside a
// unit, one list beside a list of units, in the same order.
func TestDataJSONNamesUnitsBySlug(t *testing.T) {
	slugs := sampleSlugs(t)
	files := renderFiles(t, loadSample(t), "/")
	var d OpenData
	if err := json.Unmarshal(files["circulars/2023/14/data.json"], &d); err != nil {
		t.Fatal(err)
	}
	besides := func(what string, names, got []string) {
		t.Helper()
		var want []string
		for _, n := range names {
			want = append(want, slugs[n])
		}
		if len(names) == 0 || !slices.Equal(got, want) || slices.Contains(want, "") {
			t.Errorf("%s: names %q, slugs %q, want %q", what, names, got, want)
		}
	}
	for _, ind := range d.Indicators {
		besides("indicators "+ind.ID+" owners", ind.Owners, ind.OwnerSlugs)
		if ind.ID == "jindu" && !slices.Equal(ind.OwnerSlugs, []string{"gongan", "jindu"}) {
			t.Errorf("jindu's ownerSlugs %q, want [gongan jindu] (双清公安分局, 区禁毒办)", ind.OwnerSlugs)
		}
	}
	for _, e := range d.CityBottom {
		besides("cityBottom "+e.ID+" owners", e.Owners, e.OwnerSlugs)
	}
	for _, c := range d.Categories {
		besides("categories "+c.Name, c.Units, c.UnitSlugs)
	}
	for _, r := range d.Rewards {
		besides("rewards", []string{r.Unit}, []string{r.Slug})
	}
	for _, i := range d.Interviews {
		besides("interviews", []string{i.Unit}, []string{i.Slug})
	}
	if len(d.Rewards) != 2 || d.Rewards[0].Slug != "dongfenglu" || d.Rewards[1].Slug != "xinfang" || d.Interviews[0].Slug != "huochezhan" {
		t.Errorf("rewards %+v, interviews %+v", d.Rewards, d.Interviews)
	}
}

// TestCatalogue: data/catalogue.json lists every unit and indicator by
// code, and follows a renamed township: historySite after 丙镇 became 丁镇
// in 2023-02 (until, became, from), where data/ranks.csv names the same
// place by two names and two slugs, which the catalogue joins. /data/
// links the file and explains each of its fields.
func TestCatalogue(t *testing.T) {
	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"丙镇\"\nslug = \"bing\"\n",
		"name = \"丙镇\"\nslug = \"bing\"\nuntil = \"2023-01\"\nbecame = \"丁镇\"\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\nfrom = \"2023-02\"\n", 1)
	f["data/2023-02.toml"] = strings.ReplaceAll(f["data/2023-02.toml"], "丙镇", "丁镇")
	files := renderFiles(t, loadFiles(t, f), "https://www.example.gov.cn/")
	var c OpenCatalogue
	dec := json.NewDecoder(bytes.NewReader(files["data/catalogue.json"]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("data/catalogue.json: %v", err)
	}
	want := []OpenCatalogueUnit{
		{Slug: "jia", Name: "甲街道", Kind: "township", URL: "https://www.example.gov.cn/units/jia/"},
		{Slug: "yi", Name: "乙街道", Kind: "township", URL: "https://www.example.gov.cn/units/yi/"},
		{Slug: "bing", Name: "丙镇", Kind: "township", Until: "2023-01", Became: "ding", URL: "https://www.example.gov.cn/units/bing/"},
		{Slug: "ding", Name: "丁镇", Kind: "township", From: "2023-02", URL: "https://www.example.gov.cn/units/ding/"},
		{Slug: "fagai", Name: "区发改局", Kind: "department", URL: "https://www.example.gov.cn/units/fagai/"},
		{Slug: "caizheng", Name: "区财政局", Kind: "department", URL: "https://www.example.gov.cn/units/caizheng/"},
	}
	if !reflect.DeepEqual(c.Units, want) {
		t.Errorf("units\n%+v\nwant\n%+v", c.Units, want)
	}
	// In document order: a section's indicators together, 重点工作's
	// (jingji, caizheng) before 重点任务's.
	wantInd := []OpenCatalogueIndicator{
		{ID: "jingji", Name: "经济运行", Section: "重点工作", Owners: []string{"区发改局"}, OwnerSlugs: []string{"fagai"}, URL: "https://www.example.gov.cn/indicators/jingji/"},
		{ID: "caizheng", Name: "财政收入", Section: "重点工作", Owners: []string{"区财政局"}, OwnerSlugs: []string{"caizheng"}, URL: "https://www.example.gov.cn/indicators/caizheng/"},
		{ID: "anquan", Name: "安全生产", Section: "重点任务", Owners: []string{"区财政局"}, OwnerSlugs: []string{"caizheng"}, URL: "https://www.example.gov.cn/indicators/anquan/"},
	}
	if !reflect.DeepEqual(c.Indicators, wantInd) {
		t.Errorf("indicators\n%+v\nwant\n%+v", c.Indicators, wantInd)
	}
	// The downloads, newest first, as /data/ lists them: historySite's
	// three circulars, of 2022年12月, 2023年1月 and 2023年2月.
	var periods []string
	for _, p := range c.Periods {
		periods = append(periods, strings.Join([]string{p.Period, p.Label, p.Number, p.Published, p.URL, p.JSON, p.CSV}, " "))
	}
	const site = "https://www.example.gov.cn/"
	if want := []string{
		"2023-02 2023年2月 测政办函〔2023〕5号 2023-04-03 " + site + "circulars/2023/5/ " + site + "circulars/2023/5/data.json " + site + "circulars/2023/5/data.csv",
		"2023-01 2023年1月 测政办函〔2023〕2号 2023-02-10 " + site + "circulars/2023/2/ " + site + "circulars/2023/2/data.json " + site + "circulars/2023/2/data.csv",
		"2022-12 2022年12月 测政办函〔2022〕9号 2022-12-28 " + site + "circulars/2022/9/ " + site + "circulars/2022/9/data.json " + site + "circulars/2022/9/data.csv",
	}; !slices.Equal(periods, want) || c.Ranks != site+"data/ranks.csv" {
		t.Errorf("periods\n%q\nwant\n%q\nranks %q", periods, want, c.Ranks)
	}
	for _, p := range c.Periods {
		if _, ok := files[strings.TrimPrefix(p.JSON, site)]; !ok {
			t.Errorf("the catalogue links %s, which the build does not write", p.JSON)
		}
	}

	// The place's composite rows in data/ranks.csv: by 丙镇/bing, then
	// 丁镇/ding, which became joins.
	var place []string
	for _, r := range readCSVRows(t, files, "data/ranks.csv") {
		if r[1] == CompositeLabel && (r[2] == "丙镇" || r[2] == "丁镇") {
			place = append(place, r[0]+" "+r[2]+" "+r[7]+" "+r[8])
		}
	}
	if want := []string{"202212 丙镇 bing ", "202301 丙镇 bing ", "202302 丁镇 ding "}; !slices.Equal(place, want) {
		t.Errorf("the place's composite rows %q, want %q", place, want)
	}
	for _, r := range readCSVRows(t, files, "data/ranks.csv") {
		if r[1] == "经济运行" && r[8] != "jingji" {
			t.Errorf("a row of 经济运行 with the code %q: %q", r[8], r)
		}
	}

	page := files["data/index.html"]
	if !bytes.Contains(page, []byte(`href="/data/catalogue.json" type="application/json" download="单位和指标目录.json"`)) {
		t.Error("/data/ does not link data/catalogue.json")
	}
	explained := map[string]bool{}
	for _, r := range tableAfter(t, page, "单位和指标目录的字段") {
		explained[text(r[0])] = text(r[1]) != ""
	}
	var doc any
	if err := json.Unmarshal(files["data/catalogue.json"], &doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range jsonPaths(nil, doc, "") {
		if !explained[p] {
			t.Errorf("data/catalogue.json's %s is not explained on /data/", p)
		}
	}
}

// TestFieldDocsSayWhenAbsent: /data/ explains each field of data.json and
// data/catalogue.json from its zh tag; a field left out when empty
// (omitempty) must say when it is there, as 有则列出 or 分项指标才有
// do, or a reader takes its absence for a broken file; and a field
// always there must not read as if it might not be.
func TestFieldDocsSayWhenAbsent(t *testing.T) {
	var check func(t reflect.Type, prefix string)
	check = func(st reflect.Type, prefix string) {
		for f := range st.Fields() {
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			doc := f.Tag.Get("zh")
			conditional := strings.Contains(doc, "列出") || strings.Contains(doc, "才有")
			switch omit := strings.Contains(opts, "omitempty"); {
			case omit && !conditional:
				t.Errorf("%s%s is left out when empty, and its doc does not say when it is there: %s", prefix, name, doc)
			case !omit && strings.Contains(doc, "有则列出"):
				t.Errorf("%s%s is always there, and its doc says 有则列出: %s", prefix, name, doc)
			}
			ft := f.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				check(ft, prefix+name+".")
			}
		}
	}
	check(reflect.TypeFor[OpenData](), "")
	check(reflect.TypeFor[OpenCatalogue](), "")

	// As /data/ shows them, in the sample's words.
	files := renderFiles(t, loadSample(t), "/")
	explained := map[string]string{}
	for _, r := range tableAfter(t, files["data/index.html"], "JSON 文件的字段") {
		explained[text(r[0])] = text(r[1])
	}
	for field, want := range map[string]string{
		"cityBottom[].city":          "全市排名（有则列出）",
		"cityBottom[].district":      "三区排名（有则列出）",
		"indicators[].districtUnits": "参加这一项三区排名的单位数（有三区排名时列出）",
	} {
		if got := explained[field]; got != want {
			t.Errorf("/data/ explains %s as %q, want %q", field, got, want)
		}
	}
}

// TestOpenDataCityBottomTies: the indicators ranked low from above say a
// tie as indicators[] does (cityTie, districtTie, true only when tied): a
// reader of cityBottom alone could not tell 全市排名并列第十 from 第十.
// The sample's 规模工业增加值 is tenth in the city and third of 三区, made
// tied in both here; 规模以上服务业营业收入 stays untied.
func TestOpenDataCityBottomTies(t *testing.T) {
	s := loadSample(t)
	for _, r := range s.Month("2023-02").Results {
		if r.Indicator.ID == "gongye" {
			r.CityTie, r.DistrictTie = true, true
		}
	}
	var d struct {
		CityBottom []struct {
			ID                   string
			City, District       int
			CityTie, DistrictTie bool
		}
	}
	if err := json.Unmarshal(renderFiles(t, s, "/")["circulars/2023/14/data.json"], &d); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range d.CityBottom {
		got[e.ID] = strconv.Itoa(e.City) + " " + strconv.FormatBool(e.CityTie) + " " + strconv.Itoa(e.District) + " " + strconv.FormatBool(e.DistrictTie)
	}
	if got["gongye"] != "10 true 3 true" || got["fuwuye"] != "11 false 2 false" {
		t.Errorf("cityBottom's ranks and ties: %v", got)
	}
}

// TestDataPageSaysOnlyWhatTheOfficeHas: /data/ says what a circular's
// data.json holds besides the CSV's; a county's 督查室, with no ranks from
// above and no departments, is not told its files hold 全市排名、三区排名
// and 区直单位考核排类, which it never had; the ranks and categories it has
// are named in its words.
// inspectorSite is a county's 督查室 ranking its three townships on one
// indicator in 2024-01: no ranks from above, no [[department]], and its
// own words for both kinds of unit ([terms] unit 乡镇, department 县直单位).
func inspectorSite() map[string]string {
	return map[string]string{
		"config.toml":                  "title = \"某县督查通报\"\n[issuer]\nname = \"某县人民政府督查室\"\n[terms]\nunit = \"乡镇\"\ncity = \"全省\"\npeer = \"同类县\"\ndepartment = \"县直单位\"\n[ranking]\ncityRanks = false\ndistrictRanks = false\n",
		"data/units.toml":              "[[township]]\nname = \"甲镇\"\nslug = \"jia\"\n[[township]]\nname = \"乙镇\"\nslug = \"yi\"\n[[township]]\nname = \"丙乡\"\nslug = \"bing\"\n",
		"data/indicators.toml":         "[[indicator]]\nid = \"gongye\"\nname = \"规模工业\"\nsection = \"重点工作\"\ntownships = \"all\"\n",
		"data/2024-01.toml":            "period = \"1月\"\n[[result]]\nindicator = \"gongye\"\n[result.townships]\n\"甲镇\" = 3\n\"乙镇\" = 2\n\"丙乡\" = 1\n",
		"content/circulars/2024-01.md": "+++\nnumber = \"某督查〔2024〕1号\"\ntitle = \"关于1月的通报\"\ndate = 2024-02-10\ndata = \"2024-01\"\n+++\n正文。\n",
	}
}

func TestDataPageSaysOnlyWhatTheOfficeHas(t *testing.T) {
	f := inspectorSite()
	const note = "；JSON 格式另有"
	for _, c := range []struct {
		name, config, units, month string
		want                       string
	}{
		{"none from above, no departments", "", "", "", "奖惩等当期全部数据。"},
		// A month with a rank from above has it, whatever the config says.
		{"a month's city rank", "\ncityUnits = 12\n", "", "indicator = \"gongye\"\ncity = 4\n", "全省排名和奖惩等当期全部数据。"},
		{"departments sorted into categories", "", "[[department]]\nname = \"县发改局\"\nslug = \"fagai\"\n",
			"", "县直单位考核排类和奖惩等当期全部数据。"},
		{"both from above by the config", "", "", "", "全省排名、同类县排名和奖惩等当期全部数据。"},
	} {
		g := maps.Clone(f)
		g["config.toml"] += c.config
		g["data/units.toml"] += c.units
		if c.month != "" {
			g["data/2024-01.toml"] = strings.Replace(g["data/2024-01.toml"], "indicator = \"gongye\"\n", c.month, 1)
		}
		if c.units != "" {
			g["data/2024-01.toml"] += "[categories]\n\"一类\" = [\"县发改局\"]\n"
		}
		if strings.HasPrefix(c.name, "both") {
			g["config.toml"] = strings.NewReplacer("cityRanks = false", "cityRanks = true", "districtRanks = false", "districtRanks = true").Replace(g["config.toml"])
		}
		files := renderFiles(t, loadFiles(t, g), "/")
		page := string(files["data/index.html"])
		_, said, _ := strings.Cut(page, note)
		said, _, _ = strings.Cut(said, "</p>")
		if said != c.want {
			t.Errorf("%s: /data/ says JSON 格式另有%s, want %s", c.name, said, c.want)
		}
		// The fields: of what the office lacks, those data.json leaves
		// out are not listed; those it always has are said to be empty.
		explained := map[string]string{}
		for _, r := range tableAfter(t, []byte(page), "JSON 文件的字段") {
			explained[text(r[0])] = text(r[1])
		}
		if c.name == "none from above, no departments" {
			for _, f := range []string{"overallCity", "indicators[].city", "indicators[].cityTie", "indicators[].district", "indicators[].districtLabel", "cityBottom[].id", "categories[].name"} {
				if doc, ok := explained[f]; ok {
					t.Errorf("%s: /data/ explains %s (%s), which the office never has", c.name, f, doc)
				}
			}
			for f, want := range map[string]string{"cityBottom": "上级排名靠后的指标（本站没有上级排名，总是空的）", "categories": "责任单位考核排类（本站没有考核排类，总是空的）",
				"indicators[].townships": "各{unit}的得分和排名，名次在前的在前（{unit}有得分时列出）"} {
				if want = strings.ReplaceAll(want, "{unit}", "乡镇"); explained[f] != want {
					t.Errorf("%s: /data/ explains %s as %q, want %q", c.name, f, explained[f], want)
				}
			}
		}
		if c.name == "both from above by the config" {
			for f, want := range map[string]string{"overallCity": "全省综合排名（有则列出）", "indicators[].district": "同类县排名（有则列出）", "cityBottom[].id": "指标代号",
				"categories": "责任单位考核排类（本站没有考核排类，总是空的）"} {
				if explained[f] != want {
					t.Errorf("%s: /data/ explains %s as %q, want %q", c.name, f, explained[f], want)
				}
			}
		}
		// Every field its data.json has is explained still.
		var doc any
		if err := json.Unmarshal(files["circulars/2024/1/data.json"], &doc); err != nil {
			t.Fatal(err)
		}
		for _, p := range jsonPaths(nil, doc, "") {
			if explained[p] == "" {
				t.Errorf("%s: data.json's %s is not explained on /data/", c.name, p)
			}
		}
	}
}

// TestCatalogueWithoutDepartments: /data/ explains data/catalogue.json to
// an office without a [[department]] (inspectorSite) by what it holds —
// townships only, in units.toml's order, never a kind department, no
// owner — where it read 先乡镇后区直单位 and department：区直单位 to an
// office that has none. With departments it names both kinds in the
// office's own words ([terms] unit and department), not the defaults'.
//
// An office ranking its 县直单位, whose ranked units own indicators with no
// [[department]] beside them, reads the owners explained, not 总是空的.
func TestCatalogueWithoutDepartments(t *testing.T) {
	for _, tc := range []struct{ departments, rankedOwner bool }{{false, false}, {true, false}, {false, true}} {
		departments := tc.departments
		f := inspectorSite()
		if departments {
			f["data/units.toml"] += "[[department]]\nname = \"县发改局\"\nslug = \"fagai\"\n"
			f["data/indicators.toml"] += "owners = [\"县发改局\"]\n"
		}
		if tc.rankedOwner {
			f["data/indicators.toml"] += "owners = [\"甲镇\"]\n"
		}
		files := renderFiles(t, loadFiles(t, f), "/")
		page := files["data/index.html"]
		explained := map[string]string{}
		for _, r := range tableAfter(t, page, "单位和指标目录的字段") {
			explained[text(r[0])] = text(r[1])
		}
		want := map[string]string{
			"units":                   "全部乡镇，按 data/units.toml 中的顺序",
			"units[].kind":            "总是 township：参加排名的乡镇",
			"indicators[].owners":     "责任单位（本站没有责任单位，总是空的）",
			"indicators[].ownerSlugs": "责任单位的代号（本站没有责任单位，总是空的）",
		}
		if tc.rankedOwner {
			want["indicators[].owners"] = "责任单位，机构改革前后的都列出（各月的见当月 data.json）"
			want["indicators[].ownerSlugs"] = "责任单位的代号，与 owners 一一对应"
		}
		if departments {
			want = map[string]string{
				"units":                   "全部单位，按 data/units.toml 中的顺序，先乡镇后县直单位",
				"units[].kind":            "township：参加排名的乡镇；department：县直单位",
				"indicators[].owners":     "责任单位，机构改革前后的都列出（各月的见当月 data.json）",
				"indicators[].ownerSlugs": "责任单位的代号，与 owners 一一对应",
			}
		}
		for field, w := range want {
			if explained[field] != w {
				t.Errorf("departments %v: /data/ explains the catalogue's %s as %q, want %q", departments, field, explained[field], w)
			}
		}
		// Nor the JSON of a circular, nor the words above the tables.
		jsonFields := map[string]string{}
		for _, r := range tableAfter(t, page, "JSON 文件的字段") {
			jsonFields[text(r[0])] = text(r[1])
		}
		ownerDoc := "责任单位（本站没有责任单位，总是空的）"
		if departments || tc.rankedOwner {
			ownerDoc = "责任单位"
		}
		if jsonFields["indicators[].owners"] != ownerDoc {
			t.Errorf("departments %v: /data/ explains data.json's indicators[].owners as %q, want %q", departments, jsonFields["indicators[].owners"], ownerDoc)
		}
		_, note, _ := strings.Cut(string(page), `download="单位和指标目录.json">`)
		_, note, _ = strings.Cut(note, "</a>")
		note, _, _ = strings.Cut(note, "</p>")
		wantNote := "：全部单位和指标的代号、名称，单位参加考核的起止月份和改名、合并后接续它的单位，指标的所属栏目。"
		if tc.rankedOwner {
			wantNote = "：全部单位和指标的代号、名称，单位参加考核的起止月份和改名、合并后接续它的单位，指标的所属栏目和责任单位。"
		}
		if departments {
			wantNote = "：全部单位和指标的代号、名称，单位的类别、参加考核的起止月份和改名、合并后接续它的单位，指标的所属栏目和责任单位。"
		}
		if !strings.HasPrefix(note, wantNote) {
			t.Errorf("departments %v: /data/ says of the catalogue %q, want it to start %q", departments, note, wantNote)
		}
		if !departments && (strings.Contains(string(page), "区直单位") || strings.Contains(string(page), "县直单位")) {
			t.Errorf("without departments, /data/ names a kind of unit the office has none of")
		}
		var c OpenCatalogue
		if err := json.Unmarshal(files["data/catalogue.json"], &c); err != nil {
			t.Fatal(err)
		}
		kinds := map[string]int{}
		for _, u := range c.Units {
			kinds[u.Kind]++
		}
		if wantKinds := map[string]int{"township": 3}; departments && !maps.Equal(kinds, map[string]int{"township": 3, "department": 1}) || !departments && !maps.Equal(kinds, wantKinds) {
			t.Errorf("departments %v: the catalogue's units by kind %v", departments, kinds)
		}
	}
}

// TestDataSizes: the catalogue states the size in bytes of each file it
// lists — each period's data.json and data.csv, data/ranks.csv — as a
// portal's open-data page does, and /data/ beside each link its size for
// a reader (fileSize, as a circular's attachments), the catalogue's too.
// The sizes are those of the files the same render writes; the catalogue
// does not list itself, which would have no size to state but its own.
func TestDataSizes(t *testing.T) {
	files := renderFiles(t, loadFiles(t, historySite()), "https://www.example.gov.cn/")
	var c OpenCatalogue
	dec := json.NewDecoder(bytes.NewReader(files[catalogueFile]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		t.Fatal(err)
	}
	const site = "https://www.example.gov.cn/"
	size := func(url string) int64 {
		t.Helper()
		data, ok := files[strings.TrimPrefix(url, site)]
		if !ok {
			t.Fatalf("the catalogue lists %s, which the render does not write", url)
		}
		return int64(len(data))
	}
	if len(c.Periods) != 3 {
		t.Fatalf("%d periods, want historySite's 3", len(c.Periods))
	}
	page := string(files["data/index.html"])
	for _, p := range c.Periods {
		if p.JSONSize != size(p.JSON) || p.CSVSize != size(p.CSV) || p.JSONSize == 0 || p.CSVSize == 0 {
			t.Errorf("%s: jsonSize %d, csvSize %d; the files are %d and %d bytes", p.Period, p.JSONSize, p.CSVSize, size(p.JSON), size(p.CSV))
		}
		path := strings.TrimPrefix(p.URL, site)
		for _, want := range []string{
			`download="` + p.Label + `考核数据.csv">CSV<span class="visually-hidden">（` + p.Label + `）</span></a><span class="data-size">（` + fileSize(p.CSVSize) + `）</span>`,
			`download="` + p.Label + `考核数据.json">JSON<span class="visually-hidden">（` + p.Label + `）</span></a><span class="data-size">（` + fileSize(p.JSONSize) + `）</span>`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("/data/ lacks, for %s (%s), %s", p.Label, path, want)
			}
		}
	}
	if c.RanksSize != size(c.Ranks) || c.RanksSize == 0 {
		t.Errorf("ranksSize %d; data/ranks.csv is %d bytes", c.RanksSize, size(c.Ranks))
	}
	for _, want := range []string{
		`download="全部考核排名.csv">全部排名（CSV 格式，` + fileSize(c.RanksSize) + `）</a>`,
		`download="单位和指标目录.json">单位和指标目录（JSON 格式，` + fileSize(int64(len(files[catalogueFile]))) + `）</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/data/ lacks %s", want)
		}
	}
	if bytes.Contains(files[catalogueFile], []byte("catalogue.json")) {
		t.Error("the catalogue lists itself")
	}
	// As every field, explained on /data/.
	explained := map[string]string{}
	for _, r := range tableAfter(t, []byte(page), "单位和指标目录的字段") {
		explained[text(r[0])] = text(r[1])
	}
	for field, want := range map[string]string{
		"periods[].jsonSize": "这一期 data.json 的大小（字节）",
		"periods[].csvSize":  "这一期 data.csv 的大小（字节）",
		"ranksSize":          "data/ranks.csv 的大小（字节；有月度数据时列出）",
	} {
		if explained[field] != want {
			t.Errorf("/data/ explains %s as %q, want %q", field, explained[field], want)
		}
	}
}

// TestOpenDataOfHalfYears: the open data of an office whose files are
// half years heads the period's code 期别代号, not 月份 — 202306 is its
// half 1-6月, no month — and /data/ tells the column by the office's own
// newest file and words its docs in periods (各期综合得分的平均, 这一期,
// 当期), its year's score being the mean of its halves'. A monthly
// office's column stays 月份 (readCSV, of every other test here).
func TestOpenDataOfHalfYears(t *testing.T) {
	files := renderFiles(t, loadFiles(t, halfYearHistorySite()), "")
	const header = "期别代号,指标,乡镇（街道）,得分,排名,并列,得分方向,单位代号,指标代号,期别,备注"
	for _, name := range []string{"data/ranks.csv", "circulars/2023/2/data.csv", "circulars/2023/9/data.csv"} {
		if got, _, _ := strings.Cut(strings.TrimPrefix(string(files[name]), utf8BOM), "\r\n"); got != header {
			t.Errorf("%s header %s, want %s", name, got, header)
		}
	}
	codes := map[string]bool{}
	for _, row := range readCSVRows(t, files, "data/ranks.csv") {
		codes[row[0]+" "+row[9]] = true
	}
	if want := map[string]bool{"202212 2022年7-12月": true, "202306 2023年1-6月": true, "202312 2023年7-12月": true}; !maps.Equal(codes, want) {
		t.Errorf("data/ranks.csv's codes and periods %v, want %v", codes, want)
	}
	page := string(files["data/index.html"])
	for _, want := range []string{
		"期别的代号：这一期数据文件的年和月（这一期的最后一个月）的六位数字，如 202312（2023年7-12月，即 data/2023-12.toml；data.json 写作 2023-12）",
		"“综合”一行为综合得分，季度、半年、年度为各期综合得分的平均",
		"这一期不涉及这项工作、不参加这一项排名的乡镇（街道）：写“不涉及”，当期数据写了原因的",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/data/ lacks %s", want)
		}
	}
	for _, month := range []string{"<td>月份</td>", "这个月", "当月", "各月"} {
		if i := strings.Index(page, month); i >= 0 {
			t.Errorf("/data/ speaks of months: …%s…", page[max(i-90, 0):min(i+60, len(page))])
		}
	}
}

// TestDataPageNamesTheBottomList: /data/ names data.json's cityBottom as
// the circulars name the list (§5.6), in the office's words, and says
// what it is made of. By hand from historySite: given city and peer
// ranks, 排全市后三; given the 三区's alone, 排三区最后, without a word of
// 全市 or 上级, which the list, holding 财政收入, is not; given a 全省
// ranking alone with groupSize 2, 排全省后两名.
func TestDataPageNamesTheBottomList(t *testing.T) {
	const tail = "，按通报中的顺序（季度、半年、年度为空）；通报正文经研究不列出的一项也在其中"
	strip := func(f map[string]string, key string) {
		for name, src := range f {
			if strings.HasPrefix(name, "data/20") {
				f[name] = regexp.MustCompile(`(?m)^`+key+` = \d+\n`).ReplaceAllString(src, "")
			}
		}
	}
	for _, c := range []struct {
		name  string
		edit  func(f map[string]string)
		want  string
		held  []string // data.json's cityBottom in 2023-02, by id
		there map[string]string
	}{
		{"city and peer", func(map[string]string) {},
			"排全市后三的单项目标，即全市排名后三的指标，和只有三区排名、排三区最后的指标" + tail, []string{"caizheng"},
			map[string]string{"cityBottom[].city": "全市排名（有则列出）", "cityBottom[].district": "三区排名（有则列出）"}},
		{"peer alone", func(f map[string]string) { strip(f, "city") },
			"排三区最后的单项目标，即三区排名最后的指标" + tail, []string{"caizheng"},
			map[string]string{"cityBottom[].city": "", "cityBottom[].district": "三区排名（有则列出）"}},
		{"a province's alone", func(f map[string]string) {
			strip(f, "district")
			f["config.toml"] = strings.NewReplacer("peer = \"三区\"\n", "city = \"全省\"\npeer = \"同类县\"\n", "[ranking]\n", "[ranking]\ngroupSize = 2\n").Replace(f["config.toml"])
			f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "city = 1\n", "city = 11\n", 1)
		}, "排全省后两名的单项目标，即全省排名后两名的指标" + tail, []string{"jingji"},
			map[string]string{"cityBottom[].city": "全省排名（有则列出）", "cityBottom[].district": ""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := historySite()
			c.edit(f)
			files := renderFiles(t, loadFiles(t, f), "/")
			explained := map[string]string{}
			for _, r := range tableAfter(t, files["data/index.html"], "JSON 文件的字段") {
				explained[text(r[0])] = text(r[1])
			}
			if got := explained["cityBottom"]; got != c.want {
				t.Errorf("/data/ explains cityBottom as\n%s\nwant\n%s", got, c.want)
			}
			for field, want := range c.there {
				if got := explained[field]; got != want {
					t.Errorf("/data/ explains %s as %q, want %q", field, got, want)
				}
			}
			var d OpenData
			if err := json.Unmarshal(files["circulars/2023/5/data.json"], &d); err != nil {
				t.Fatal(err)
			}
			var held []string
			for _, e := range d.CityBottom {
				held = append(held, e.ID)
			}
			if !slices.Equal(held, c.held) {
				t.Errorf("2023-02's cityBottom holds %q, want %q", held, c.held)
			}
		})
	}
}

// TestOpenDataBounds: the 满分 and 最低分 of an indicator whose scores
// are typed are in the open data, as a derived one's are in its deduct:
// each month's data.json the month's, the catalogue today's. By hand,
// historySite's 经济运行 bounded 60–100, from February 70–96
// ([[indicator.change]]): January's circular gives 100 and 60, February's
// 96 and 70, the catalogue 96 and 70; 安全生产, given neither, has no max
// or min in either, and an office none of whose indicators has one is
// not told of the fields on /data/.
func TestOpenDataBounds(t *testing.T) {
	f := historySite()
	f["data/indicators.toml"] = strings.Replace(f["data/indicators.toml"], "decimals = 1\n", "decimals = 1\nmax = 100\nmin = 60\n\n[[indicator.change]]\nfrom = \"2023-02\"\nmax = 96\nmin = 70\n", 1)
	out := renderFiles(t, loadFiles(t, f), "/")
	for _, c := range []struct{ page, want string }{
		{"circulars/2023/2/data.json", `"decimals":1,"max":100,"min":60,"townships":`},
		{"circulars/2023/5/data.json", `"decimals":1,"max":96,"min":70,"townships":`},
		{"data/catalogue.json", `"id":"jingji","name":"经济运行","section":"重点工作","max":96,"min":70,"owners":`},
		{"data/catalogue.json", `"id":"anquan","name":"安全生产","section":"重点任务","owners":`},
	} {
		if page := string(out[c.page]); !strings.Contains(page, c.want) {
			t.Errorf("%s lacks %s:\n%s", c.page, c.want, page)
		}
	}
	if feb := string(out["circulars/2023/5/data.json"]); !strings.Contains(feb, `"id":"anquan","name":"安全生产","section":"重点任务","owners":["区财政局"],"ownerSlugs":["caizheng"],"better":"higher","weight":1,"decimals":1,"townships":`) {
		t.Errorf("February's data.json gives 安全生产 a bound it has not:\n%s", feb)
	}
	const field = "这个月得分的上限（满分）"
	if page := string(out["data/index.html"]); !strings.Contains(page, field) {
		t.Errorf("/data/ does not describe max, which 经济运行 is given")
	}
	if page := string(renderFiles(t, loadHistorySite(t), "/")["data/index.html"]); strings.Contains(page, field) {
		t.Errorf("/data/ describes max to an office none of whose indicators has one")
	}
}
