package rank

import (
	"fmt"
	"strings"
	"testing"
)

// levels writes a grading as "优秀：甲 乙；良好：丙", every level, an
// empty one too.
func levels(g Grading) string {
	var parts []string
	for i, ts := range g.Levels {
		var names []string
		for _, t := range ts {
			names = append(names, t.Unit.Name)
		}
		parts = append(parts, fmt.Sprintf("%s：%s", g.Grade.Levels[i].Name, strings.Join(names, " ")))
	}
	return strings.Join(parts, "；")
}

// Bands of score partition the units ranked, on the scores as ranked
// (rounded to 2 decimals: 丙's 89.996 is 90.00, 优秀 as 乙's 90 is);
// the unit exempt this month (庚) has no score and no level.
//
//	指标X: 甲 95, 乙 90, 丙 90.00, 丁 80, 戊 60, 己 59.99
//	优秀 ≥ 90: 甲 乙 丙; 良好 80–90: 丁; 合格 60–80: 戊; 不合格 < 60: 己
func TestGradeByBands(t *testing.T) {
	units := strings.Replace(towns("甲", "乙", "丙", "丁", "戊", "己", "庚"), "slug = \"t6\"\n",
		"slug = \"t6\"\nexempt = [\"2024-01\"]\n", 1)
	config := `
[[grade]]
on        = "indicator"
indicator = "x"
[[grade.level]]
name    = "优秀"
atLeast = 90
[[grade.level]]
name    = "良好"
atLeast = 80
below   = 90
[[grade.level]]
name    = "合格"
atLeast = 60
below   = 80
[[grade.level]]
name    = "不合格"
below   = 60
`
	s := loadSite(t, config, units, map[string]string{"data/2024-01.toml": month("甲=95 乙=90 丙=89.996 丁=80 戊=60 己=59.99")})
	gs := Archive(s).Months()[0].Gradings(s)
	if len(gs) != 1 {
		t.Fatalf("%d gradings, want 1", len(gs))
	}
	if got, want := levels(gs[0]), "优秀：甲 乙 丙；良好：丁；合格：戊；不合格：己"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got := gs[0].Level(s.Townships[6]); got != "" {
		t.Errorf("the exempt unit is graded %q", got)
	}
}

// Levels by share count the units ranked and take them in rank order;
// a tie across a share's edge is taken whole by default, and left whole
// to the next level with ties = "exclude".
//
//	composite ranks: 甲 1, 乙 2, 丙 2, 丁 4, 戊 5, 己 6 (n = 6)
//	优秀 40% down: 2.4 → 2: 甲, then 乙 丙 tied at the edge
//	  include: 甲 乙 丙;  then 良好 30% down: 1.8 → 1 of 丁 戊 己: 丁; rest 戊 己
//	  exclude: 甲;        then 良好 1 of 乙 丙 丁…: 乙 丙 tied at the edge,
//	                      none; rest 乙 丙 丁 戊 己
func TestGradeByShareTies(t *testing.T) {
	for _, c := range []struct{ ties, want string }{
		{"", "优秀：甲 乙 丙；良好：丁；一般：戊 己"},
		{"ties = \"exclude\"\n", "优秀：甲；良好：；一般：乙 丙 丁 戊 己"},
	} {
		config := "\n[[grade]]\non = \"composite\"\n" + c.ties +
			"[[grade.level]]\nname = \"优秀\"\npercent = 40\nround = \"down\"\n" +
			"[[grade.level]]\nname = \"良好\"\npercent = 30\nround = \"down\"\n" +
			"[[grade.level]]\nname = \"一般\"\n"
		s := loadSite(t, config, towns("甲", "乙", "丙", "丁", "戊", "己"), map[string]string{"data/2024-01.toml": month("甲=90 乙=85 丙=85 丁=80 戊=70 己=60")})
		gs := Archive(s).Months()[0].Gradings(s)
		if len(gs) != 1 {
			t.Fatalf("%d gradings, want 1", len(gs))
		}
		if got := levels(gs[0]); got != c.want {
			t.Errorf("%sgot %s, want %s", c.ties, got, c.want)
		}
	}
}

// A level by score and share together (优秀须90分以上，且不超过34%)
// takes the first of those within its bounds; one within them but past
// the share goes on to the next level. 己, not applicable this month,
// is neither counted nor graded.
//
//	指标X: 甲 95, 乙 92, 丙 91, 丁 85, 戊 70, 己 —; n = 5
//	优秀 ≥ 90 and 34% down (1.7 → 1): of 甲 乙 丙, 甲
//	良好 ≥ 80: 乙 丙 丁; 合格 60–80: 戊; 不合格 < 60: none
func TestGradeByScoreAndShare(t *testing.T) {
	config := `
[[grade]]
on        = "indicator"
indicator = "x"
name      = "档次"
[[grade.level]]
name    = "优秀"
atLeast = 90
percent = 34
round   = "down"
[[grade.level]]
name    = "良好"
atLeast = 80
[[grade.level]]
name    = "合格"
atLeast = 60
below   = 80
[[grade.level]]
name    = "不合格"
below   = 60
`
	s := loadSite(t, config, towns("甲", "乙", "丙", "丁", "戊", "己"), map[string]string{
		"data/2024-01.toml": "[[result]]\nindicator = \"x\"\nnotApplicable = [\"己\"]\n[result.townships]\n" +
			"\"甲\" = 95\n\"乙\" = 92\n\"丙\" = 91\n\"丁\" = 85\n\"戊\" = 70\n",
	})
	gs := Archive(s).Months()[0].Gradings(s)
	if len(gs) != 1 {
		t.Fatalf("%d gradings, want 1", len(gs))
	}
	if got, want := levels(gs[0]), "优秀：甲；良好：乙 丙 丁；合格：戊；不合格："; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// A year's grading grades the year's composite, the mean of its months'
// (mean-points), and only the year's: its months are not graded. By hand,
// five units, rank points 100, 80, 60, 40, 20:
//
//	2024-03: 甲 90 乙 80 丙 70 丁 60 戊 50 → 甲 100 乙 80 丙 60 丁 40 戊 20
//	2024-06: 乙 90 甲 80 丙 70 丁 60 戊 50 → 乙 100 甲 80 丙 60 丁 40 戊 20
//	2024:    甲 90, 乙 90 (tied first), 丙 60, 丁 40, 戊 20
//	  优秀 ≥ 85: 甲 乙; 良好 50–85: 丙; 不合格 < 50: 丁 戊
func TestGradeYear(t *testing.T) {
	config := `
[[grade]]
on     = "composite"
period = "year"
[[grade.level]]
name    = "优秀"
atLeast = 85
[[grade.level]]
name    = "良好"
atLeast = 50
below   = 85
[[grade.level]]
name    = "不合格"
below   = 50
`
	s := loadSite(t, config, towns("甲", "乙", "丙", "丁", "戊"), map[string]string{
		"data/2024-03.toml":      month("甲=90 乙=80 丙=70 丁=60 戊=50"),
		"data/2024-06.toml":      month("乙=90 甲=80 丙=70 丁=60 戊=50"),
		"content/circulars/y.md": "+++\nnumber = \"测政办函〔2025〕1号\"\ntitle = \"年度\"\ndate = 2025-01-10\ndata = \"2024\"\n+++\n",
	})
	res := Archive(s)
	for _, m := range res.Months() {
		if gs := m.Gradings(s); len(gs) != 0 {
			t.Errorf("%s is graded: %s", m.Label, levels(gs[0]))
		}
	}
	gs := res.Period("2024").Gradings(s)
	if len(gs) != 1 {
		t.Fatalf("the year has %d gradings, want 1", len(gs))
	}
	if got, want := levels(gs[0]), "优秀：甲 乙；良好：丙；不合格：丁 戊"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
