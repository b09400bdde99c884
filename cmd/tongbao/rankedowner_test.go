package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestExportRankedOwners: an office that ranks its 县直单位 hands a
// workbook to each unit responsible for an indicator, those it ranks too
// (县信访局, 县政务服务中心) as well as 县委督查室, which it does not
// rank; and says who still owes scores by the same list.
func TestExportRankedOwners(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"config.toml": "title = \"青山县县直单位重点工作督查通报\"\n[site]\ndomain = \"www.example.gov.cn\"\n[issuer]\nname = \"中共青山县委督查室\"\n" +
			"[terms]\nunit = \"县直单位\"\ndepartment = \"责任单位\"\nsections = [\"督查督办\"]\nactions = [\"奖励\", \"提醒约谈\"]\n" +
			"[ranking]\ncityRanks = false\ndistrictRanks = false\n",
		"data/units.toml": "[[township]]\nname = \"县委办公室\"\nslug = \"xianweiban\"\n" +
			"[[township]]\nname = \"县信访局\"\nslug = \"xinfang\"\n" +
			"[[township]]\nname = \"县政务服务中心\"\nslug = \"zhengwu\"\n" +
			"[[department]]\nname = \"县委督查室\"\nslug = \"duchashi\"\n",
		"data/indicators.toml": "[[indicator]]\nid = \"duban\"\nname = \"督办件按期办结率\"\nsection = \"督查督办\"\nowners = [\"县委督查室\"]\ntownships = \"all\"\n" +
			"[[indicator]]\nid = \"rexian\"\nname = \"12345热线满意度\"\nsection = \"督查督办\"\nowners = [\"县政务服务中心\"]\ntownships = \"all\"\n" +
			"[[indicator]]\nid = \"xinfang\"\nname = \"信访件办理\"\nsection = \"督查督办\"\nowners = [\"县信访局\"]\ntownships = \"all\"\nbetter = \"lower\"\ndecimals = 0\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := runCmd("new", "2024-01", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d, %q, %q", code, out, errOut)
	}
	dist := filepath.Join(t.TempDir(), "分发")
	code, out, errOut := runCmd("export", "2024-01", dist, "--departments", "-s", dir)
	if want := "tongbao: 已将 2024-01 的数据按责任单位写入 " + dist + "：县信访局.xlsx、县政务服务中心.xlsx、县委督查室.xlsx\n"; code != 0 || !strings.HasPrefix(out, want) {
		t.Fatalf("export --departments: exit %d, %q, %q; want %q first", code, out, errOut, want)
	}
	if got, want := listDir(t, dist), []string{"县信访局.xlsx", "县委督查室.xlsx", "县政务服务中心.xlsx"}; !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("workbooks %q, want %q", got, want)
	}
	// 县委督查室 sends in its scores; the other two owe theirs.
	csv := filepath.Join(t.TempDir(), "督办.csv")
	if err := os.WriteFile(csv, []byte("县直单位,督办件按期办结率\n县委办公室,98.5\n县信访局,90\n县政务服务中心,95\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCmd("import", "2024-01", csv, "-s", dir)
	if want := "\n本月尚有 6 个得分未填，待县信访局、县政务服务中心填报，运行 tongbao check 查看\n"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("import: exit %d, %q, %q; want %q", code, out, errOut, want)
	}
}
