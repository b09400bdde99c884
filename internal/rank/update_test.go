package rank

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/site"
)

// The preview (internal/serve) ranks again after every save with Update,
// reusing the periods of the load before through the loader's cache. What
// it serves must be what a cold build of the same files publishes. These
// tests drive a site through many random sequences of edits — a score
// changed, a tie made or broken, a month's order of townships (which
// orders a tie) changed, a month added or deleted, an adjustment or a
// hand 约谈 added or dropped, a quarter's or year's circular added or
// removed, a month exempted in units.toml, the newest month begun with a
// score still to come (held back, and ranked as a draft) — and after each
// compare Update's results, period by period, with Archive's of a cold
// load, and the drafts' as renderDrafts ranks them with a cold draft's.

// fuzzSite is a site's inputs, from which its files are written.
type fuzzSite struct {
	groups bool
	method string // [aggregate] method
	exempt []string
	months map[string]*fuzzMonth // by key, 2023-10
	spans  map[string]bool       // the quarters, halves and years with a circular
	// gathering is the newest month while a score is still to come (甲's
	// in x): the preview holds it back, and ranks it as a draft.
	gathering string
}

// fuzzMonth is a month's scores, in file order, and its extras.
type fuzzMonth struct {
	order     []string           // the townships in the order the file lists them
	x, y, z   map[string]float64 // the three indicators' scores
	adjust    map[string]float64 // [[adjustment]] points
	interview string             // a township given a hand 约谈, or ""
}

var fuzzTowns = []string{"甲", "乙", "丙乡", "丙镇", "丁", "戊", "己"}

// fuzzKeys are the months a fuzzed site may have files for.
var fuzzKeys = func() []string {
	var out []string
	for y, m := 2023, 10; y < 2025 || m <= 6; m++ {
		if m > 12 {
			y, m = y+1, 1
		}
		out = append(out, fmt.Sprintf("%d-%02d", y, m))
	}
	return out
}()

// assessed reports whether a township is assessed in month key: 丙乡
// until 2024-06, 丙镇 from 2024-07, 丁 not in its exempt months.
func (f *fuzzSite) assessed(u, key string) bool {
	switch {
	case u == "丙乡":
		return key <= "2024-06"
	case u == "丙镇":
		return key >= "2024-07"
	case u == "丁":
		return !slices.Contains(f.exempt, key)
	}
	return true
}

var fuzzValues = []float64{60, 70, 75, 80, 80.5, 85, 90, 95}

func (f *fuzzSite) newMonth(r *rand.Rand) *fuzzMonth {
	m := &fuzzMonth{order: slices.Clone(fuzzTowns), x: map[string]float64{}, y: map[string]float64{}, z: map[string]float64{}, adjust: map[string]float64{}}
	r.Shuffle(len(m.order), func(i, j int) { m.order[i], m.order[j] = m.order[j], m.order[i] })
	for _, u := range fuzzTowns {
		m.x[u] = fuzzValues[r.IntN(len(fuzzValues))]
		m.y[u] = fuzzValues[r.IntN(len(fuzzValues))]
		m.z[u] = float64(r.IntN(5))
	}
	return m
}

// spanKeys are the quarter, half and year of a month key.
func spanKeys(key string) []string {
	y, mo := key[:4], 0
	fmt.Sscanf(key[5:], "%d", &mo)
	return []string{fmt.Sprintf("%s-Q%d", y, (mo+2)/3), fmt.Sprintf("%s-H%d", y, (mo+5)/6), y}
}

func (f *fuzzSite) files() map[string]string {
	out := map[string]string{}
	var rules strings.Builder
	rules.WriteString("title = \"测试\"\n[issuer]\nname = \"测试市人民政府办公室\"\n[ranking]\ngroupSize = 2\n")
	fmt.Fprintf(&rules, "[aggregate]\nmethod = %q\ngroupSize = 2\n", f.method)
	rules.WriteString(`
[[rule]]
on = "composite"
select = "bottom"
streak = 2
action = "约谈"

[[rule]]
on = "indicator"
indicator = "x"
select = "first"
streak = 3
action = "奖励"
amount = 1000

[[rule]]
on = "composite"
select = "last"
period = "quarter"
streak = 2
action = "提醒约谈"

[[rule]]
on = "composite"
select = "top"
count = 1
period = "half"
streak = 2
action = "奖励"
amount = 20000

[[rule]]
on = "composite"
select = "first"
period = "year"
action = "奖励"
amount = 100000
`)
	out["config.toml"] = rules.String()
	var units strings.Builder
	if f.groups {
		units.WriteString("[[group]]\nname = \"东片\"\n[[group]]\nname = \"西片\"\n")
	}
	for i, u := range fuzzTowns {
		fmt.Fprintf(&units, "[[township]]\nname = %q\nslug = \"t%d\"\n", u, i)
		if f.groups {
			g := "东片"
			if i >= 4 {
				g = "西片"
			}
			fmt.Fprintf(&units, "group = %q\n", g)
		}
		switch u {
		case "丙乡":
			units.WriteString("until = \"2024-06\"\nbecame = \"丙镇\"\n")
		case "丙镇":
			units.WriteString("from = \"2024-07\"\n")
		case "丁":
			if len(f.exempt) > 0 {
				fmt.Fprintf(&units, "exempt = [\"%s\"]\n", strings.Join(f.exempt, "\", \""))
			}
		}
	}
	units.WriteString("[[department]]\nname = \"市发改委\"\nslug = \"fagai\"\n")
	out["data/units.toml"] = units.String()
	out["data/indicators.toml"] = `[[indicator]]
id = "x"
name = "指标X"
section = "重点工作"
owners = ["市发改委"]
townships = "all"

[[indicator]]
id = "y"
name = "指标Y"
section = "重点工作"
weight = 2
townships = ["甲", "乙", "丙乡", "丁"]

[[indicator]]
id = "z"
name = "指标Z"
section = "重点工作"
better = "lower"
decimals = 0
townships = "all"
`
	out["layouts/base.html"] = ""
	for key, m := range f.months {
		var b strings.Builder
		for _, ind := range []struct {
			id     string
			scores map[string]float64
			only   []string
		}{{"x", m.x, nil}, {"y", m.y, []string{"甲", "乙", "丙乡", "丙镇", "丁"}}, {"z", m.z, nil}} {
			fmt.Fprintf(&b, "[[result]]\nindicator = %q\n[result.townships]\n", ind.id)
			for _, u := range m.order {
				if key == f.gathering && ind.id == "x" && u == "甲" {
					continue
				}
				if f.assessed(u, key) && (ind.only == nil || slices.Contains(ind.only, u)) {
					fmt.Fprintf(&b, "%q = %g\n", u, ind.scores[u])
				}
			}
		}
		for _, u := range m.order {
			if p, ok := m.adjust[u]; ok && f.assessed(u, key) {
				fmt.Fprintf(&b, "[[adjustment]]\ntownship = %q\npoints = %g\nreason = \"加减分\"\n", u, p)
			}
		}
		if u := m.interview; u != "" && f.assessed(u, key) {
			fmt.Fprintf(&b, "[[interview]]\nunit = %q\nwho = \"主要负责人\"\nkind = \"约谈\"\nreason = \"手写\"\n", u)
		}
		out["data/"+key+".toml"] = b.String()
	}
	n := 0
	for _, span := range mapKeys(f.spans) {
		has := false
		for key := range f.months {
			has = has || slices.Contains(spanKeys(key), span)
		}
		if f.spans[span] && has {
			n++
			out["content/circulars/"+strings.ToLower(span)+".md"] = fmt.Sprintf("+++\nnumber = \"测政办函〔2025〕%d号\"\ntitle = \"通报%s\"\ndate = 2025-08-01\ndata = %q\n+++\n", n, span, span)
		}
	}
	return out
}

func mapKeys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// write makes dir hold exactly files, rewriting only those that changed,
// as an editor saving one file does.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for _, sub := range []string{"data", "content/circulars"} {
		ents, _ := os.ReadDir(filepath.Join(dir, sub))
		for _, e := range ents {
			rel := sub + "/" + e.Name()
			if _, ok := files[rel]; !ok {
				os.Remove(filepath.Join(dir, rel))
			}
		}
	}
	for rel, text := range files {
		p := filepath.Join(dir, rel)
		if old, err := os.ReadFile(p); err == nil && string(old) == text {
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dumpResults writes everything a Results holds, by names, one line a
// fact: what a page of it could show.
func dumpResults(r *Results) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	ts := func(list []Township) string {
		var b strings.Builder
		for _, t := range list {
			fmt.Fprintf(&b, " %s:%d:%v:%v", t.Unit.Name, t.Rank, t.Value, t.Tied)
		}
		return b.String()
	}
	group := func(g TownshipGroup) string {
		var parts []string
		for _, run := range g.Runs {
			parts = append(parts, ts(run))
		}
		return fmt.Sprintf("exact=%v %s", g.Exact, strings.Join(parts, " |"))
	}
	var months []string
	for _, p := range r.Months() {
		months = append(months, p.Span.Key())
	}
	add("months %v", months)
	for _, p := range r.Periods {
		if r.Period(p.Span.Key()) != p {
			add("%s: Period(key) is another period", p.Span.Key())
		}
		if p.Month != nil && r.Of(p.Month) != p {
			add("%s: Of(month) is another period", p.Span.Key())
		}
		var in []string
		for _, m := range p.Months {
			in = append(in, m.Span.Key())
		}
		add("period %s %s k=%d aggregate=%v of %v", p.Span.Key(), p.Label, p.GroupSize, p.Aggregate(), in)
		for _, g := range p.Groups {
			var names []string
			for _, u := range g.Units {
				names = append(names, u.Name)
			}
			add("  group %q %v", g.Name, names)
			for _, ir := range g.Indicators {
				add("    %s:%s", ir.Result.Indicator.ID, ts(ir.Ranked))
				add("      top %s", group(ir.Top))
				add("      bottom %s", group(ir.Bottom))
			}
			add("    composite:%s", ts(g.Composite))
			if p.Aggregate() {
				for _, t := range g.Composite {
					n, of := p.Assessed(t.Unit)
					add("    assessed %s %d/%d", t.Unit.Name, n, of)
				}
			}
		}
		for _, e := range p.CityBottom {
			add("  city-bottom %s", e.Indicator.ID)
		}
		for _, m := range p.Measures {
			add("  measure %s %s %d %s %s (%s) %s:%d %s", m.Unit.Name, m.Action, m.Amount, m.Who, m.By, m.Reason, m.Source, m.Source.Line, m.Source.Public())
		}
		for _, c := range p.Conflicts {
			add("  conflict %s %s %s / %s", c.Hand.Unit.Name, c.Hand.Action, c.Hand.Source, c.Rule.Source)
		}
		add("  digest %x composite %x", p.Digest(), p.CompositeDigest())
	}
	return out
}

func TestUpdateIsColdArchive(t *testing.T) {
	seeds, edits := 25, 30
	if testing.Short() {
		seeds = 8
	}
	reused, drafts := 0, 0
	for seed := range seeds {
		r := rand.New(rand.NewPCG(uint64(seed), 7))
		f := &fuzzSite{groups: seed%3 == 1, method: []string{"mean-points", "sum-points", "mean-rank"}[seed%3],
			months: map[string]*fuzzMonth{}, spans: map[string]bool{}}
		if seed%2 == 0 {
			f.exempt = []string{"2024-03"}
		}
		for _, k := range fuzzKeys {
			if r.IntN(2) == 0 {
				f.months[k] = f.newMonth(r)
			}
			for _, sp := range spanKeys(k) {
				f.spans[sp] = r.IntN(4) != 0
			}
		}
		dir := t.TempDir()
		var cache site.Cache
		var prev, prevDraft *Results
		var log []string
		for step := 0; step <= edits; step++ {
			if step > 0 {
				log = append(log, f.edit(r))
			}
			writeSite(t, dir, f.files())
			st, held, _ := site.LoadPreview(dir, &cache)
			if want := []string{f.gathering}; st == nil || f.gathering == "" && held != nil || f.gathering != "" && !slices.Equal(held, want) {
				t.Fatalf("seed %d after %v: the preview's load: held %v, want %q", seed, log, held, f.gathering)
			}
			before := map[*Period]bool{}
			if prev != nil {
				for _, p := range prev.Periods {
					before[p] = true
				}
			}
			prev = Update(prev, st)
			for _, p := range prev.Periods {
				if before[p] {
					reused++
				}
			}
			cold, _, err := site.LoadExcept(dir, held)
			if err != nil {
				t.Fatalf("seed %d after %v: %v", seed, log, err)
			}
			got, want := dumpResults(prev), dumpResults(Archive(cold))
			// The drafts of the month held back, ranked as renderDrafts does:
			// with the results of the drafts before, or none.
			if held == nil {
				prevDraft = nil
			} else {
				dst, _, _ := site.LoadDraft(dir, &cache, held)
				coldDraft, _, _ := site.LoadDraft(dir, nil, held)
				if dst == nil || coldDraft == nil {
					t.Fatalf("seed %d after %v: no draft of %v", seed, log, held)
				}
				prevDraft = Update(prevDraft, dst)
				got = append(got, dumpResults(prevDraft)...)
				want = append(want, dumpResults(Archive(coldDraft))...)
				drafts++
			}
			if !slices.Equal(got, want) {
				if d := os.Getenv("TONGBAO_DUMP"); d != "" { // for diff(1)
					os.WriteFile(d+".cold", []byte(strings.Join(want, "\n")+"\n"), 0o644)
					os.WriteFile(d+".update", []byte(strings.Join(got, "\n")+"\n"), 0o644)
				}
				t.Fatalf("seed %d, after the edits %v: Update differs from a cold Archive:\n%s", seed, log, lineDiff(want, got))
			}
		}
	}
	if reused == 0 || drafts == 0 {
		t.Errorf("%d periods reused, %d drafts ranked: the test does not exercise Update", reused, drafts)
	}
	t.Logf("%d periods reused, %d drafts ranked", reused, drafts)
}

// lineDiff lists the lines of want and got that differ, by index.
func lineDiff(want, got []string) string {
	var b strings.Builder
	for i := 0; i < max(len(want), len(got)); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			fmt.Fprintf(&b, "  cold:   %s\n  update: %s\n", w, g)
		}
	}
	return b.String()
}

// edit changes f at random, and says how.
func (f *fuzzSite) edit(r *rand.Rand) string {
	keys := mapKeys(f.months)
	pick := func() (string, *fuzzMonth) {
		if len(keys) == 0 {
			return "", nil
		}
		k := keys[r.IntN(len(keys))]
		return k, f.months[k]
	}
	unit := func() string { return fuzzTowns[r.IntN(len(fuzzTowns))] }
	switch op := r.IntN(22); {
	case op >= 20: // the newest month begun, a score still to come; or come
		if f.gathering != "" {
			f.gathering = ""
			return "gathered"
		}
		if len(keys) < 2 {
			break
		}
		f.gathering = keys[len(keys)-1]
		return "gathering " + f.gathering
	case op < 6: // a score
		k, m := pick()
		if m == nil {
			break
		}
		u := unit()
		m.x[u] = fuzzValues[r.IntN(len(fuzzValues))]
		return fmt.Sprintf("%s x[%s]=%g", k, u, m.x[u])
	case op < 9: // a tie made: one township's score set to another's
		k, m := pick()
		if m == nil {
			break
		}
		a, b := unit(), unit()
		m.x[a] = m.x[b]
		return fmt.Sprintf("%s x[%s]=x[%s]", k, a, b)
	case op < 11: // the order of the file, which orders a tie
		k, m := pick()
		if m == nil {
			break
		}
		i, j := r.IntN(len(m.order)), r.IntN(len(m.order))
		m.order[i], m.order[j] = m.order[j], m.order[i]
		return fmt.Sprintf("%s swap %s %s", k, m.order[j], m.order[i])
	case op < 13: // a month added
		k := fuzzKeys[r.IntN(len(fuzzKeys))]
		if f.months[k] != nil || k < f.gathering {
			break
		}
		f.months[k] = f.newMonth(r)
		if f.gathering != "" {
			f.gathering = k // the newest month is the one being gathered
		}
		return "+" + k
	case op < 15: // a month deleted
		k, m := pick()
		if m == nil || len(keys) < 3 {
			break
		}
		delete(f.months, k)
		if k == f.gathering {
			f.gathering = mapKeys(f.months)[len(f.months)-1]
		}
		return "-" + k
	case op < 16: // an adjustment
		k, m := pick()
		if m == nil {
			break
		}
		u := unit()
		if _, ok := m.adjust[u]; ok {
			delete(m.adjust, u)
			return fmt.Sprintf("%s -adjust %s", k, u)
		}
		m.adjust[u] = []float64{-20, 5, 12.5}[r.IntN(3)]
		return fmt.Sprintf("%s adjust %s %g", k, u, m.adjust[u])
	case op < 17: // a hand 约谈
		k, m := pick()
		if m == nil {
			break
		}
		if m.interview != "" {
			m.interview = ""
			return k + " -interview"
		}
		m.interview = unit()
		return k + " interview " + m.interview
	case op < 19: // a circular of a quarter, half or year
		k := fuzzKeys[r.IntN(len(fuzzKeys))]
		sp := spanKeys(k)[r.IntN(3)]
		f.spans[sp] = !f.spans[sp]
		return fmt.Sprintf("circular %s %v", sp, f.spans[sp])
	default: // units.toml: 丁 exempted, or no longer
		k := []string{"2024-03", "2024-08", "2025-02"}[r.IntN(3)]
		if i := slices.Index(f.exempt, k); i >= 0 {
			f.exempt = slices.Delete(f.exempt, i, i+1)
			return "丁 -exempt " + k
		}
		f.exempt = append(f.exempt, k)
		slices.Sort(f.exempt)
		return "丁 exempt " + k
	}
	return "nothing"
}
