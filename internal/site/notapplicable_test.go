package site

import (
	"strings"
	"testing"
)

// TestExcludedThroughout: a township left out (notApplicable) of every
// result that ranks it, and so of the composite, is warned of once, at
// its first notApplicable, with how to exempt it instead; left out of one
// result but scored in another, it is not.
func TestExcludedThroughout(t *testing.T) {
	files := miniSite()
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "city = 3\n[result.townships]\n", "city = 3\nnotApplicable = [\"丙镇\"]\n[result.townships]\n", 1)
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "\"丙镇\" = 70\n", "", 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	// Line 5 of the month file, its item at column 18 (notApplicable = [ is 17 columns).
	want := "data/2023-02.toml:5:18: 警告：乡镇（街道）“丙镇”这个月不涉及它参与排名的每一项，没有任何得分，也就不参加综合考核排名；这个月它免于考核的，在 data/units.toml 中写 exempt = [\"2023-02\"]"
	if len(s.Warnings) != 1 || s.Warnings[0].String() != want {
		t.Errorf("warnings %q, want %s", s.Warnings, want)
	}

	files["data/indicators.toml"] += "[[indicator]]\nid = \"anquan\"\nname = \"安全\"\nsection = \"重点工作\"\nowners = [\"区发改局\"]\ntownships = \"all\"\n"
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "[categories]", "[[result]]\nindicator = \"anquan\"\n[result.townships]\n\"甲街道\" = 1\n\"乙街道\" = 2\n\"丙镇\" = 3\n[categories]", 1)
	s, err = Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 0 {
		t.Errorf("丙镇 scored on 安全: warnings %q, want none", s.Warnings)
	}
}
