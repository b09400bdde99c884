package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// higherKeyRE is a line of the month file giving a rank from above.
var higherKeyRE = regexp.MustCompile(`(?m)^(overallCity|city|cityTie|district|districtTie|districtLabel|districtUnits)\s*=.*\n`)

// withoutHigher is a copy of the sample site whose month has no rank from
// above, as a 县政府督查室 ranking its townships is never given one, with
// ranking added to config.toml's [ranking] (the file ends in [[rule]]s).
func withoutHigher(t *testing.T, ranking string) string {
	t.Helper()
	dir := withRanking(t, ranking)
	editFile(t, dir, "data/2023-02.toml", func(b []byte) []byte { return higherKeyRE.ReplaceAll(b, nil) })
	return dir
}

// withRanking is a copy of the sample site with ranking added to
// config.toml's [ranking].
func withRanking(t *testing.T, ranking string) string {
	t.Helper()
	dir := copySite(t)
	editFile(t, dir, "config.toml", func(b []byte) []byte {
		return bytes.Replace(b, []byte("[ranking]\n"), []byte("[ranking]\n"+ranking), 1)
	})
	return dir
}

// editFile rewrites the file name (a slash path) of the site dir by edit.
func editFile(t *testing.T, dir, name string, edit func([]byte) []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, edit(b), 0o644); err != nil {
		t.Fatal(err)
	}
}

// layoutOf is what a workbook asks for: the headings of the results
// sheet after its fixed four, the labels of 本月概况 after 月份, and the
// keys the 说明 sheet explains.
func layoutOf(t *testing.T, book []byte) (columns, overview []string, keys map[string]bool) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("考核结果")
	columns = rows[0][resFirst-1:]
	rows, _ = f.GetRows("本月概况") // a monthly office's
	for _, r := range rows[2:] {
		overview = append(overview, r[0])
	}
	rows, _ = f.GetRows(readmeSheet)
	keys = map[string]bool{}
	for _, r := range rows {
		if len(r) == 4 {
			keys[r[2]] = true
		}
	}
	return columns, overview, keys
}

// readmeLine is the line of a workbook's 说明 sheet that starts so.
func readmeLine(t *testing.T, book []byte, start string) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(readmeSheet)
	for _, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], start) {
			return r[0]
		}
	}
	return ""
}

// TestWorkbookFollowsHigherRanks: the fill-in workbook asks only for the
// ranks from above the office is given (site.Higher). The sample is given
// both a city and a peer rank (全市, 三区); the same office whose month has
// neither is asked for neither, in the workbook of a month to come as in
// its month's export, unless config.toml says it has them; one that says
// it is ranked in the city only is asked for that only. A workbook with
// the columns, as the sample's, is still read whole by the office without.
func TestWorkbookFollowsHigherRanks(t *testing.T) {
	all := []string{"全市排名", "全市并列", "同级排名", "同级并列", "同级排名名称", "同级单位数", "进展情况"}
	for _, c := range []struct {
		name     string
		config   string // appended to config.toml; "-" for the sample as it is
		columns  []string
		overview []string
	}{
		{"sample", "-", all, []string{"期别", "全市综合排名"}},
		{"none", "", []string{"进展情况"}, []string{"期别"}},
		{"said to have both", "cityRanks = true\ndistrictRanks = true\n", all, []string{"期别", "全市综合排名"}},
		{"city only", "cityRanks = true\n", []string{"全市排名", "全市并列", "进展情况"}, []string{"期别", "全市综合排名"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := copySite(t)
			if c.config != "-" {
				dir = withoutHigher(t, c.config)
			}
			s := load(t, dir)
			exported, err := Export(s, s.Month("2023-02"))
			if err != nil {
				t.Fatal(err)
			}
			blank, err := Blank(s, "2023-03", "", s.Month("2023-02"), nil)
			if err != nil {
				t.Fatal(err)
			}
			for name, book := range map[string][]byte{"export": exported, "blank": blank} {
				columns, overview, keys := layoutOf(t, book)
				if !slices.Equal(columns, c.columns) {
					t.Errorf("%s: 考核结果 columns %q, want %q", name, columns, c.columns)
				}
				if !slices.Equal(overview, c.overview) {
					t.Errorf("%s: 本月概况 rows %q, want %q", name, overview, c.overview)
				}
				if got, want := keys["result.city"], slices.Contains(c.columns, "全市排名"); got != want {
					t.Errorf("%s: 说明 lists result.city %v, want %v", name, got, want)
				}
				if got, want := keys["result.district"], slices.Contains(c.columns, "同级排名"); got != want {
					t.Errorf("%s: 说明 lists result.district %v, want %v", name, got, want)
				}
				// The 说明 asks for 名次 only where there are columns of them.
				fill := "并填写其进展。"
				if len(c.columns) > 1 {
					fill = "并填写其名次和进展。"
				}
				if line := readmeLine(t, book, "「考核结果」"); !strings.HasSuffix(line, fill) {
					t.Errorf("%s: 说明 says %q, want it to end %q", name, line, fill)
				}
			}
		})
	}

	// The sample's own workbook, read by the office whose months have no
	// rank from above, gives the sample's month, ranks and all.
	full := sample(t)
	book, _ := exportSample(t, full)
	want, err := Import(full, "2023-02", "2023-02.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Import(load(t, withoutHigher(t, "")), "2023-02", "2023-02.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.TOML, want.TOML) {
		t.Errorf("the sample's workbook read without higher ranks:\n%s\nwant:\n%s", got.TOML, want.TOML)
	}
	if !bytes.Contains(got.TOML, []byte("\ncity")) {
		t.Errorf("the sample's workbook lost its city ranks:\n%s", got.TOML)
	}
}

// TestRoundTripWithoutHigherRanks: a month without ranks from above comes
// back from its workbook, which has no columns of them, as it was.
func TestRoundTripWithoutHigherRanks(t *testing.T) {
	roundTrip(t, withoutHigher(t, ""))
}

// TestWorkbookNoLongerRanked: an office no longer ranked from above says
// so in config.toml (cityRanks = false, districtRanks = false), and its
// next month's workbook asks for neither, though its month of before has
// both; that month's own export keeps both, which it holds: a workbook
// without them would lose them when imported back.
func TestWorkbookNoLongerRanked(t *testing.T) {
	s := load(t, withRanking(t, "cityRanks = false\ndistrictRanks = false\n"))
	blank, err := Blank(s, "2023-03", "", s.Month("2023-02"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if columns, overview, _ := layoutOf(t, blank); !slices.Equal(columns, []string{"进展情况"}) || !slices.Equal(overview, []string{"期别"}) {
		t.Errorf("2023-03's blank workbook: 考核结果 columns %q, 本月概况 rows %q; want only 进展情况 and 期别", columns, overview)
	}
	exported, err := Export(s, s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"全市排名", "全市并列", "同级排名", "同级并列", "同级排名名称", "同级单位数", "进展情况"}
	if columns, overview, _ := layoutOf(t, exported); !slices.Equal(columns, want) || !slices.Equal(overview, []string{"期别", "全市综合排名"}) {
		t.Errorf("2023-02's export: 考核结果 columns %q, 本月概况 rows %q; want %q and 期别, 全市综合排名", columns, overview, want)
	}
}
