package rank

import (
	"reflect"
	"testing"

	"tongbao/internal/site"
)

// notDigested are the fields of a period (and of the month data it
// carries) that its digest leaves out, each for a reason.
var notDigested = map[string]string{
	"Month.Sum":        "the hash of the month file's bytes: the file is an input of its own",
	"Result.Line":      "where a [[result]] stands: read by diagnostics only",
	"Period.Conflicts": "hand entries that repeat a rule's measure: an error (Results.Err), so nothing is rendered",
}

// TestDigestCoversEveryField changes every value a period holds, one at a
// time, and checks that the period's digest changes with it: a field
// added to Period (or to the month data it carries) and forgotten in
// digest.go fails here. Units and indicators are the catalogue's, an
// input of their own, and are not followed.
func TestDigestCoversEveryField(t *testing.T) {
	s, err := site.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	p := Archive(s).Periods[0]
	// The sample leaves no township out of a result (notApplicable): one
	// is, so that the walk reaches its fields.
	p.Month.Results[0].NotApplicable = []site.Exclusion{{Unit: s.Townships[0], Reason: "本月无此项工作"}}
	// Nor does it waive a measure: one is.
	p.Month.Waivers = []site.Waiver{{Unit: s.Townships[0], Action: "约谈", Reason: "防汛", Line: 3}}
	p.Waived = []Waived{{Measure: p.Measures[0], Matched: true, Reason: "防汛", Source: Source{File: "data/2023-02.toml", Line: 3, Table: "waiver", N: 1}}}
	digest := func() [32]byte {
		p.digests = digests{}
		return p.Digest()
	}
	before := digest()
	seen := map[any]bool{}
	leaves := 0
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || v.Type() == reflect.TypeFor[*site.Unit]() || v.Type() == reflect.TypeFor[*site.Indicator]() {
				return
			}
			if seen[v.Interface()] {
				return
			}
			seen[v.Interface()] = true
			walk(v.Elem(), v.Elem().Type().Name())
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				name := v.Type().Name() + "." + f.Name
				if !f.IsExported() || notDigested[name] != "" {
					continue
				}
				walk(v.Field(i), name)
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), path)
			}
		case reflect.Array:
			t.Errorf("%s: an array the digest does not know how to cover", path)
		case reflect.String, reflect.Int, reflect.Int64, reflect.Float64, reflect.Bool:
			leaves++
			old := reflect.ValueOf(v.Interface())
			switch v.Kind() {
			case reflect.String:
				v.SetString(v.String() + "变")
			case reflect.Int, reflect.Int64:
				v.SetInt(v.Int() + 7)
			case reflect.Float64:
				v.SetFloat(v.Float() + 0.5)
			case reflect.Bool:
				v.SetBool(!v.Bool())
			}
			if digest() == before {
				t.Errorf("changing %s leaves the period's digest as it was", path)
			}
			v.Set(old)
		default:
			t.Errorf("%s: a %s the digest test does not know", path, v.Kind())
		}
	}
	walk(reflect.ValueOf(p), "Period")
	if digest() != before {
		t.Fatal("the period did not come back to its digest")
	}
	if leaves < 500 {
		t.Errorf("only %d values changed: the walk missed the period's contents", leaves)
	}
}

// The parts: a unit's digest follows its own ranks only, an indicator's
// its own result; the composite's every composite rank.
func TestPartDigests(t *testing.T) {
	s, err := site.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	p := Archive(s).Periods[0]
	g := p.Groups[0]
	first, other := g.Composite[0].Unit, g.Composite[1].Unit
	ind := g.Indicators[0].Result.Indicator
	oldFirst, oldOther, oldInd, oldComp := p.UnitDigest(first), p.UnitDigest(other), p.IndicatorDigest(ind), p.CompositeDigest()

	g.Composite[0].Value += 1
	p.digests = digests{}
	if p.UnitDigest(first) == oldFirst || p.CompositeDigest() == oldComp {
		t.Error("a composite score moved, and neither its unit's nor the composite's digest changed")
	}
	if p.UnitDigest(other) != oldOther || p.IndicatorDigest(ind) != oldInd {
		t.Error("a composite score moved, and another unit's or an indicator's digest changed")
	}
	g.Composite[0].Value -= 1

	g.Indicators[0].Result.Progress += "。"
	p.digests = digests{}
	if p.IndicatorDigest(ind) == oldInd {
		t.Error("the indicator's progress text changed, and its digest did not")
	}
	if p.UnitDigest(first) != oldFirst || p.CompositeDigest() != oldComp {
		t.Error("a progress text changed a unit's or the composite's digest")
	}
	var nobody site.Unit
	if p.UnitDigest(&nobody) != p.digests.none {
		t.Error("a unit the period does not name has a digest of something")
	}
}

// Update reuses the period of an unchanged month and ranks a changed one
// again.
func TestUpdateReusesUnchangedPeriods(t *testing.T) {
	s, err := site.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	old := Archive(s)
	again := Update(old, s)
	if again.Periods[0] != old.Periods[0] {
		t.Error("the same month was ranked again")
	}
	changed := *s.Months[0]
	s.Months = []*site.Month{&changed}
	fresh := Update(old, s)
	if fresh.Periods[0] == old.Periods[0] || fresh.Of(&changed) == nil {
		t.Error("a month loaded anew was taken from the earlier results")
	}
	if fresh.Periods[0].Digest() != old.Periods[0].Digest() {
		t.Error("the same data ranked again has another digest")
	}
}

// An aggregate's digest follows its own composite and its months'
// composites, which period-table shows beside it.
func TestAggregateDigest(t *testing.T) {
	s := loadSite(t, "", towns("甲", "乙", "丙"), map[string]string{
		"data/2024-01.toml":         month("甲=9 乙=8 丙=7"),
		"data/2024-02.toml":         month("甲=9 乙=7 丙=8"),
		"content/circulars/2024.md": "+++\nnumber = \"测政办函〔2025〕1号\"\ntitle = \"年度\"\ndate = 2025-01-10\ndata = \"2024\"\n+++\n",
	})
	y := Archive(s).Period("2024")
	if y == nil || len(y.Months) != 2 {
		t.Fatalf("the year: %+v", y)
	}
	reset := func() {
		y.digests = digests{}
		for _, m := range y.Months {
			m.digests = digests{}
		}
	}
	before, comp := y.Digest(), y.CompositeDigest()
	y.Months[1].Groups[0].Composite[0].Rank = 3
	reset()
	if y.Digest() == before || y.CompositeDigest() == comp {
		t.Error("a month's composite changed, and the year's digest did not")
	}
	y.Months[1].Groups[0].Composite[0].Rank = 1
	reset()
	if y.Digest() != before {
		t.Fatal("the year did not come back to its digest")
	}
	last := y.Groups[0].Composite[2]
	unit := y.UnitDigest(last.Unit)
	y.Groups[0].Composite[2].Value += 1
	reset()
	if y.Digest() == before || y.UnitDigest(last.Unit) == unit {
		t.Error("the year's own composite changed, and its or its unit's digest did not")
	}
}

// TestUnitDigestNotApplicable: the reason a township was left out of a
// result (不涉及) is on its page, and so in its digest; another's is not.
func TestUnitDigestNotApplicable(t *testing.T) {
	s, err := site.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	p := Archive(s).Periods[0]
	out, other := s.Townships[0], s.Townships[1]
	r := p.Month.Results[0]
	r.NotApplicable = []site.Exclusion{{Unit: out, Reason: "本月无此项工作"}}
	oldOut, oldOther := p.UnitDigest(out), p.UnitDigest(other)
	r.NotApplicable[0].Reason = "本月无规模以上工业企业"
	p.digests = digests{}
	if p.UnitDigest(out) == oldOut {
		t.Error("the reason of a township's 不涉及 changed, and its digest did not")
	}
	if p.UnitDigest(other) != oldOther {
		t.Error("the reason of a township's 不涉及 changed, and another's digest did")
	}
}
