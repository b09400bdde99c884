package serve

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"tongbao/internal/demo"
	"tongbao/internal/site"
)

// TestPreviewIsColdBuild: the preview re-ranks after a save with
// rank.Update, reusing what the load before ranked; after each of a
// random sequence of edits to the month files of a two-year archive whose
// townships are in two groups — a score changed, a tie made or broken, the
// order of a month's scores (which orders a tie) changed, in the newest
// month or in one a streak reads — every page it serves is byte for byte
// what a cold build of the same files writes.
func TestPreviewIsColdBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("a build of a two-year archive after each edit")
	}
	sample, err := site.Load(copySite(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, sample, 2, 5); err != nil {
		t.Fatal(err)
	}
	// Two groups of the sample's townships, the first half and the rest.
	unitsFile := filepath.Join(dir, "data", "units.toml")
	units, err := os.ReadFile(unitsFile)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	grouped := regexp.MustCompile(`(?m)^\[\[township\]\]\n(name = .*\n)`).ReplaceAllStringFunc(string(units), func(s string) string {
		n++
		g := "东组"
		if n > 6 {
			g = "西组"
		}
		return s + fmt.Sprintf("group = %q\n", g)
	})
	writeFile(t, unitsFile, "[[group]]\nname = \"东组\"\n[[group]]\nname = \"西组\"\n\n"+grouped)
	old := time.Now().Add(-time.Hour) // as files of a real session are: trusted by size and time
	filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		if err == nil {
			os.Chtimes(p, old, old)
		}
		return nil
	})

	s := New(Options{Source: dir})
	defer s.Close()
	s.Build()
	if st := s.state.Load(); st.errors != nil {
		t.Fatalf("the demo with groups: %q", st.errors)
	}
	months, _ := filepath.Glob(filepath.Join(dir, "data", "20*.toml"))
	slices.Sort(months)
	score := regexp.MustCompile(`(?m)^"[^"\n]+" += ([0-9.]+)$`)
	r := rand.New(rand.NewPCG(11, 3))
	var log []string
	for step := range 40 {
		// The newest months most often, as staff edit them; any other a
		// streak or a quarter reads.
		file := months[len(months)-1-min(r.IntN(6), r.IntN(len(months)))]
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		lines := score.FindAllStringSubmatchIndex(text, -1)
		// Two scores of one table: a township and the next one listed.
		k := r.IntN(len(lines) - 1)
		i, j := lines[k], lines[k+1]
		if strings.Contains(text[i[1]:j[0]], "[") {
			continue
		}
		var what string
		switch r.IntN(3) {
		case 0: // a score
			v := fmt.Sprintf("%.1f", 60+r.Float64()*40)
			text = text[:i[2]] + v + text[i[3]:]
			what = "score " + v
		case 1: // a tie: one township's score set to another's
			text = text[:i[2]] + text[j[2]:j[3]] + text[i[3]:]
			what = "tie"
		default: // two lines swapped: the order of a tie
			text = text[:i[0]] + text[j[0]:j[1]] + text[i[1]:j[0]] + text[i[0]:i[1]] + text[j[1]:]
			what = "swap"
		}
		log = append(log, fmt.Sprintf("%s %s", filepath.Base(file), what))
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		s.Build()
		st := s.state.Load()
		if st.errors != nil || st.held != nil {
			t.Fatalf("after %v: problems %q, held %q", log, st.errors, st.held)
		}
		t.Logf("step %d: %s", step, log[len(log)-1])
		sameAsBuild(t, st.snap, dir)
		if t.Failed() {
			t.Fatalf("after %v the preview differs from a build", log)
		}
	}
}
