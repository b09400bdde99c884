package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestNewWorkbookOfQuarter: tongbao new --xlsx after a quarter's file
// writes the workbook of the quarter the month file is of: its 期别 is
// 4-6月, as the new data/2024-06.toml's period (a 6月 there would make the
// imported file a month's, the office one of mixed periods), its
// overview sheet 本季度概况.
func TestNewWorkbookOfQuarter(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errOut := runCmd("init", dir); code != 0 {
		t.Fatalf("init: exit %d\n%s", code, errOut)
	}
	edit(t, dir, "data/2024-01.toml", `period      = "1月"`, `period      = "1-3月"`)
	edit(t, dir, "content/circulars/2024-01.md", `data   = "2024-01"`, `data   = "2024-03"`)
	edit(t, dir, "content/circulars/2024-01.md", `date   = 2024-02-20`, `date   = 2024-04-20`)
	if err := os.Rename(filepath.Join(dir, "data", "2024-01.toml"), filepath.Join(dir, "data", "2024-03.toml")); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd("new", "-s", dir, "2024-06", "--xlsx"); code != 0 {
		t.Fatalf("new: exit %d\n%s", code, errOut)
	}
	x, err := excelize.OpenFile(filepath.Join(dir, "data", "2024-06.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("本季度概况")
	if err != nil {
		t.Fatalf("no sheet 本季度概况 among %q: %v", x.GetSheetList(), err)
	}
	if len(rows) < 3 || len(rows[2]) < 2 || rows[2][0] != "期别" || rows[2][1] != "4-6月" {
		t.Errorf("本季度概况 has no 期别 4-6月: %q", rows)
	}
}
