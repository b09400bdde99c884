package rank

import (
	"crypto/sha256"
	"encoding/binary"
	"math"

	"tongbao/internal/site"
)

// A period's digests let a page that shows a period be keyed on what the
// period says, whatever made it so: its own month file, or — once a rule
// reads consecutive months (issue 13) — the months before it. A cache
// that keys a page on the digests of the parts it reads can then never
// serve it stale, and a save that changes nothing a page shows (a
// progress text, for a unit's history) leaves the page as it was.
//
// The digests cover the period and the month data it carries; units and
// indicators are written by name and id, so the catalogue's own contents
// (an indicator's name, a unit's slug) are an input of their own.
// TestDigestCoversEveryField holds this file to every field of Period.

// Digest is the digest of everything the period holds.
func (p *Period) Digest() [32]byte {
	p.digests.once.Do(p.makeDigests)
	return p.digests.whole
}

// UnitDigest is the digest of what the period says about one unit: its
// place in every ranking, its adjustments, its category and its
// measures. A unit the period does not name has the digest of nothing.
func (p *Period) UnitDigest(u *site.Unit) [32]byte {
	p.digests.once.Do(p.makeDigests)
	if d, ok := p.digests.units[u]; ok {
		return d
	}
	return p.digests.none
}

// IndicatorDigest is the digest of what the period says about one
// indicator: its result (ranks, progress, scores) and its township
// rankings.
func (p *Period) IndicatorDigest(ind *site.Indicator) [32]byte {
	p.digests.once.Do(p.makeDigests)
	if d, ok := p.digests.indicators[ind]; ok {
		return d
	}
	return p.digests.none
}

// CompositeDigest is the digest of the period's composite rankings.
func (p *Period) CompositeDigest() [32]byte {
	p.digests.once.Do(p.makeDigests)
	return p.digests.composite
}

// RankingsDigest is the digest of the period's township rankings, each
// indicator's and the composite, in every group: who stands where, with
// what score, and who is in the top and bottom groups — not the results'
// progress texts, which a page reading where every unit stands (a unit's
// lead: how many were ranked, the indicators it was last in, its runs
// toward a rule) does not show, and which a save changes most.
func (p *Period) RankingsDigest() [32]byte {
	p.digests.once.Do(p.makeDigests)
	return p.digests.rankings
}

// A partKey names a part of a period a digest is made of.
type partKey struct {
	unit      *site.Unit
	indicator *site.Indicator
	composite bool
	rankings  bool
}

// makeDigests encodes the period once, part by part. Every part starts
// with the period's key and label, which every page that shows a part
// shows too.
func (p *Period) makeDigests() {
	var head encoder
	head.str(p.Span.Key())
	head.str(p.Label)
	parts := map[partKey]*encoder{}
	part := func(k partKey) *encoder {
		e := parts[k]
		if e == nil {
			e = &encoder{b: append([]byte(nil), head.b...)}
			parts[k] = e
		}
		return e
	}
	m := p.Month
	if m == nil {
		m = &site.Month{} // an aggregate: no month data of its own
	}
	for _, r := range m.Results {
		part(partKey{indicator: r.Indicator}).result(r)
		// A township the result leaves out shows 不涉及, and why, on its
		// page: no ranking names it.
		for _, e := range r.NotApplicable {
			u := part(partKey{unit: e.Unit})
			u.str(r.Indicator.ID)
			u.str(e.Reason)
		}
		for _, e := range r.Unreported {
			u := part(partKey{unit: e.Unit})
			u.str(r.Indicator.ID)
			u.str("unreported:" + e.Reason)
		}
	}
	comp := part(partKey{composite: true})
	ranks := part(partKey{rankings: true})
	// An aggregate shows its months' composites beside its own
	// (period-table), and is made of them.
	for _, mp := range p.Months {
		comp.str(mp.Span.Key())
		sum := mp.CompositeDigest()
		comp.b = append(comp.b, sum[:]...)
	}
	for _, g := range p.Rankings() {
		comp.str(g.Name)
		ranks.str(g.Name)
		for _, ir := range g.Indicators {
			for _, e := range []*encoder{part(partKey{indicator: ir.Result.Indicator}), ranks} {
				e.str(ir.Result.Indicator.ID)
				e.str(g.Name)
				e.townships(ir.Ranked)
				for _, tg := range []TownshipGroup{ir.Top, ir.Bottom} {
					e.bool(tg.Exact)
					for _, run := range tg.Runs {
						e.townships(run)
					}
				}
			}
			for _, t := range ir.Ranked {
				u := part(partKey{unit: t.Unit})
				u.str(ir.Result.Indicator.ID)
				u.township(t)
			}
		}
		comp.townships(g.Composite)
		ranks.townships(g.Composite)
		for _, t := range g.Composite {
			u := part(partKey{unit: t.Unit})
			u.str("")
			u.township(t)
		}
	}
	for _, a := range m.Adjustments {
		part(partKey{unit: a.Unit}).float(a.Points)
		part(partKey{unit: a.Unit}).str(a.Reason)
	}
	for _, c := range m.Categories {
		for _, u := range c.Units {
			part(partKey{unit: u}).str(c.Name)
		}
	}
	for _, ms := range p.Measures {
		part(partKey{unit: ms.Unit}).measure(ms)
	}
	// A unit's page lists a rule's measure withheld from it, and why.
	for _, wd := range p.Waived {
		u := part(partKey{unit: wd.Measure.Unit})
		u.measure(wd.Measure)
		u.bool(wd.Matched)
		u.str(wd.Reason)
		u.bool(wd.Last)
	}

	d := &p.digests
	d.none = sha256.Sum256(head.b)
	d.units = map[*site.Unit][32]byte{}
	d.indicators = map[*site.Indicator][32]byte{}
	for k, e := range parts {
		sum := sha256.Sum256(e.b)
		switch {
		case k.unit != nil:
			d.units[k.unit] = sum
		case k.indicator != nil:
			d.indicators[k.indicator] = sum
		case k.rankings:
			d.rankings = sum
		default:
			d.composite = sum
		}
	}
	var w encoder
	w.str(p.Span.Key())
	w.int(int(p.Span.Kind))
	w.int(p.Span.Year)
	w.int(p.Span.N)
	w.str(p.Label)
	w.int(p.GroupSize)
	w.int(p.OverallSize)
	w.str(m.Key)
	w.int(m.Year)
	w.int(m.Month)
	w.str(m.File)
	w.str(m.Period)
	w.int(m.OverallCity)
	for _, r := range m.Results {
		sum := d.indicators[r.Indicator]
		w.b = append(w.b, sum[:]...)
	}
	w.b = append(w.b, d.composite[:]...)
	for _, g := range p.Rankings() {
		w.str(g.Name)
		w.int(len(g.Units))
		for _, u := range g.Units {
			w.str(u.Name)
		}
	}
	for _, r := range p.CityBottom {
		w.str(r.Indicator.ID)
	}
	for _, c := range m.Categories {
		w.str(c.Name)
		w.int(len(c.Units))
		for _, u := range c.Units {
			w.str(u.Name)
		}
	}
	for _, a := range m.Adjustments {
		w.str(a.Unit.Name)
		w.float(a.Points)
		w.str(a.Reason)
	}
	for _, r := range m.Rewards {
		w.str(r.Unit.Name)
		w.int(int(r.Amount))
		w.str(r.Reason)
		w.int(r.Line)
	}
	for _, iv := range m.Interviews {
		w.str(iv.Unit.Name)
		w.str(iv.Who)
		w.str(iv.Kind)
		w.str(iv.Reason)
		w.int(iv.Line)
	}
	for _, ms := range p.Measures {
		w.measure(ms)
	}
	for _, wv := range m.Waivers {
		w.str(wv.Unit.Name)
		w.str(wv.Action)
		w.str(wv.Reason)
		w.int(wv.Line)
		w.int(wv.Col)
		w.bool(wv.Last)
	}
	for _, wd := range p.Waived {
		w.measure(wd.Measure)
		w.bool(wd.Matched)
		w.str(wd.Reason)
		w.source(wd.Source)
		w.bool(wd.Last)
		w.bool(wd.Unranked)
	}
	p.digests.whole = sha256.Sum256(w.b)
}

// An encoder writes values unambiguously, for hashing.
type encoder struct{ b []byte }

func (e *encoder) int(n int)       { e.b = binary.AppendVarint(e.b, int64(n)) }
func (e *encoder) str(s string)    { e.int(len(s)); e.b = append(e.b, s...) }
func (e *encoder) float(f float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f)) }

func (e *encoder) bool(b bool) {
	if b {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) township(t Township) {
	e.str(t.Unit.Name)
	e.float(t.Value)
	e.int(t.Rank)
	e.bool(t.Tied)
	e.bool(t.Unreported)
	e.bool(t.Vetoed)
}

func (e *encoder) townships(ts []Township) {
	e.int(len(ts))
	for _, t := range ts {
		e.township(t)
	}
}

// result writes an entry's ranks, progress and raw scores.
func (e *encoder) result(r *site.Result) {
	e.str(r.Indicator.ID)
	e.int(r.City)
	e.bool(r.CityTie)
	e.int(r.District)
	e.bool(r.DistrictTie)
	e.str(r.DistrictLabel)
	e.int(r.DistrictUnits)
	e.str(r.Progress)
	e.int(len(r.Scores))
	for _, s := range r.Scores {
		e.str(s.Unit.Name)
		e.float(s.Value)
	}
	e.int(len(r.NotApplicable))
	for _, x := range r.NotApplicable {
		e.str(x.Unit.Name)
		e.str(x.Reason)
	}
	e.int(len(r.Unreported))
	for _, x := range r.Unreported {
		e.str(x.Unit.Name)
		e.str(x.Reason)
	}
}

func (e *encoder) measure(m Measure) {
	e.str(m.Unit.Name)
	e.str(m.Action)
	e.int(int(m.Amount))
	e.str(m.Who)
	e.str(m.By)
	e.str(m.Reason)
	e.source(m.Source)
}

func (e *encoder) source(s Source) {
	e.str(s.File)
	e.int(s.Line)
	e.int(s.Col)
	e.str(s.Table)
	e.int(s.N)
	e.bool(s.Rule)
}
