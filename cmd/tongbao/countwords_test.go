package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCountCommandWords: new, import and export speak of a count's
// values as 件数 where they speak of an office's values together, by
// hand for an office of one score (督办件按期办结率) and one count (信访件数,
// scoreUnit 件) over three units: new asks for 得分或件数 and its file
// says check lists the 得分或件数 missing; the 督办 scores imported are
// 得分 3 个, and the counts still owed 3 个件数; the counts imported next
// are 件数 3 个; exported before them, the month lacks 3 个件数.
func TestCountCommandWords(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"config.toml": "title = \"青山县县直单位重点工作督查通报\"\n[site]\ndomain = \"www.example.gov.cn\"\n[issuer]\nname = \"中共青山县委督查室\"\n" +
			"[terms]\nunit = \"县直单位\"\nsections = [\"督查督办\"]\n" +
			"[ranking]\ncityRanks = false\ndistrictRanks = false\n",
		"data/units.toml": "[[township]]\nname = \"县委办公室\"\nslug = \"xianweiban\"\n" +
			"[[township]]\nname = \"县信访局\"\nslug = \"xinfang\"\n" +
			"[[township]]\nname = \"县政务服务中心\"\nslug = \"zhengwu\"\n",
		"data/indicators.toml": "[[indicator]]\nid = \"duban\"\nname = \"督办件按期办结率\"\nsection = \"督查督办\"\ntownships = \"all\"\n" +
			"[[indicator]]\nid = \"xinfang\"\nname = \"信访件数\"\nsection = \"督查督办\"\ntownships = \"all\"\nbetter = \"lower\"\nscoreUnit = \"件\"\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCmd("new", "2024-01", "-s", dir)
	if want := "请填写标有“待填写”的名次、得分或件数、进展和成文日期"; code != 0 || !strings.Contains(out, want) {
		t.Fatalf("new: exit %d, %q, %q; want %q", code, out, errOut, want)
	}
	if want := "tongbao check 会列出尚缺的得分或件数。"; !strings.Contains(readText(t, filepath.Join(dir, "data", "2024-01.toml")), want) {
		t.Errorf("the new month file lacks %q", want)
	}
	code, out, errOut = runCmd("export", "2024-01", filepath.Join(t.TempDir(), "2024-01.xlsx"), "-s", dir)
	if want := "本月尚有 6 个得分或件数未填"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("export: exit %d, %q, %q; want %q", code, out, errOut, want)
	}
	write := func(name, text string) string {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	code, out, errOut = runCmd("import", "2024-01", write("督办.csv", "县直单位,督办件按期办结率\n县委办公室,98.5\n县信访局,90\n县政务服务中心,95\n"), "-s", dir)
	for _, want := range []string{"填入得分 3 个", "\n本月尚有 3 个件数未填，运行 tongbao check 查看\n"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("import of the scores: exit %d, %q, %q; want %q", code, out, errOut, want)
		}
	}
	code, out, errOut = runCmd("import", "2024-01", write("信访.csv", "县直单位,信访件数\n县委办公室,0\n县信访局,2\n县政务服务中心,1\n"), "-s", dir)
	if want := "填入件数 3 个"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("import of the counts: exit %d, %q, %q; want %q", code, out, errOut, want)
	}
}

// TestInitCountTable: the starter's month file heads 信访总量's table, a
// count in 件, as one of 件数 (件数相同的乡镇并列), a score's as before.
func TestInitCountTable(t *testing.T) {
	month := readText(t, filepath.Join(initSite(t), "data", "2024-01.toml"))
	for id, want := range map[string]string{
		"xinfang": "# 件数；件数相同的乡镇并列，按这里写的顺序列出",
		"gongye":  "# 得分；同分的乡镇并列，按这里写的顺序列出",
	} {
		_, rest, _ := strings.Cut(month, "indicator = \""+id+"\"")
		result, _, _ := strings.Cut(rest, "[[result]]")
		if !strings.Contains(result, want) {
			t.Errorf("the starter's %s result lacks %q:\n%s", id, want, result)
		}
	}
}
