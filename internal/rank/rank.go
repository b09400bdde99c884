// Package rank turns township scores into the ranks, groups and composites
// that a circular states (DESIGN.md §5).
//
// Everything here is arithmetic on plain values: units are identified by
// their index in canonical (units.toml) order, so the package needs neither
// names nor I/O, and the same input always yields the same output.
package rank

import (
	"cmp"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// Ties selects how equal values share ranks.
type Ties int

const (
	// Competition gives equal values the best shared rank and skips the
	// ranks they use up: 1, 2, 2, 4. It is what the city's circulars do.
	Competition Ties = iota
	// Dense gives equal values a shared rank and skips nothing: 1, 2, 2, 3.
	Dense
)

// A Score is one unit's value. Unit is the unit's index in canonical
// (units.toml) order. The order of a list of scores orders the members of
// a tie (DESIGN.md §5.1): a month file's, as staff wrote it, so that they
// can reproduce any published listing; units.toml's for a composite.
type Score struct {
	Unit  int
	Value float64
}

// A Placed is a unit with its value, rounded as it was compared, and its rank.
type Placed struct {
	Unit  int
	Value float64
	Rank  int
}

// Round rounds v to decimals places, half away from zero.
//
// It rounds the shortest decimal representation of v rather than v·10ⁿ,
// because staff read 2.675 as 2.675 and expect 2.68, while the binary
// value (2.67499999…) multiplied out would round to 2.67. A negative
// decimals is treated as 0. NaN and infinities are returned unchanged.
func Round(v float64, decimals int) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	decimals = max(decimals, 0)
	s := strconv.FormatFloat(v, 'f', -1, 64) // never uses an exponent
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) <= decimals {
		return v
	}
	digits := []byte(whole + frac[:decimals])
	if frac[decimals] >= '5' {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i >= 0 {
			digits[i]++
		} else {
			digits = append([]byte{'1'}, digits...)
		}
	}
	cut := len(digits) - decimals
	r, err := strconv.ParseFloat(string(digits[:cut])+"."+string(digits[cut:])+"0", 64)
	if err != nil {
		// Unreachable: the string is digits, a dot and digits.
		panic("rank: rounding produced " + string(digits))
	}
	if r == 0 {
		return 0 // no negative zero: −0.001 rounds to 0, not −0
	}
	if neg {
		return -r
	}
	return r
}

// better orders two values best first. NaN is worse than any number so that
// a missing value can never be placed first; NaNs tie with each other.
func better(a, b float64, higherBetter bool) int {
	switch an, bn := math.IsNaN(a), math.IsNaN(b); {
	case an && bn:
		return 0
	case an:
		return 1
	case bn:
		return -1
	}
	if higherBetter {
		return cmp.Compare(b, a)
	}
	return cmp.Compare(a, b)
}

// Rank rounds every value to decimals, orders the units by value (higher
// first when higherBetter, lower first otherwise) and assigns ranks by ties.
// Values equal after rounding are tied; members of a tie keep the order
// they have in scores. It returns a new slice, best first; scores is not
// modified.
func Rank(scores []Score, decimals int, higherBetter bool, ties Ties) []Placed {
	out := make([]Placed, len(scores))
	for i, s := range scores {
		out[i] = Placed{Unit: s.Unit, Value: Round(s.Value, decimals)}
	}
	slices.SortStableFunc(out, func(a, b Placed) int {
		return better(a.Value, b.Value, higherBetter)
	})
	for i := range out {
		switch {
		case i > 0 && better(out[i-1].Value, out[i].Value, higherBetter) == 0:
			out[i].Rank = out[i-1].Rank
		case ties == Dense && i > 0:
			out[i].Rank = out[i-1].Rank + 1
		default:
			out[i].Rank = i + 1
		}
	}
	return out
}

// Tied reports whether placed[i] shares its rank with another member of
// placed, which must be ordered by rank as Rank returns it.
func Tied(placed []Placed, i int) bool {
	return i > 0 && placed[i-1].Rank == placed[i].Rank ||
		i+1 < len(placed) && placed[i+1].Rank == placed[i].Rank
}

// A Group is the top or bottom group of one indicator (DESIGN §5.2).
type Group struct {
	Members []Placed // best first
	// Exact says the group may be labelled 前三/后三; otherwise it is
	// 靠前/靠后, because a tie or a short list makes "the first three" untrue.
	Exact bool
}

// Groups returns the top and bottom groups of a ranked list (as Rank
// returns it) for group size k, following DESIGN §5.2 with n = len(placed)
// and each member's standing (see standings) for its rank:
//
//   - top: every member with standing ≤ k;
//   - bottom: every member whose standing is at least that of the member
//     at position n−k+1 (1-based; position 1 when n < k), except those in
//     top. It may be empty.
//
// A group is Exact when it has exactly k members, none of them tied with
// any other member of the list, and n ≥ 2k: only then are its members
// really "the first (last) k" and disjoint from the other group.
// A k below 1 yields two empty groups.
func Groups(placed []Placed, k int) (top, bottom Group) {
	n := len(placed)
	if k < 1 || n == 0 {
		return Group{}, Group{}
	}
	st := standings(placed)
	var topIdx, bottomIdx []int
	for i := range placed {
		if st[i] <= k {
			topIdx = append(topIdx, i)
		}
	}
	for _, i := range lastK(st, k) {
		if st[i] > k {
			bottomIdx = append(bottomIdx, i)
		}
	}
	return group(placed, topIdx, k), group(placed, bottomIdx, k)
}

// lastK are the members, by index, whose standing (st) is at least that
// of the member at position n−k+1 (1-based; every member when n ≤ k):
// the last k as they stand, a tie across the edge taken whole.
func lastK(st []int, k int) []int {
	threshold := st[max(len(st)-k, 0)]
	var idx []int
	for i, s := range st {
		if s >= threshold {
			idx = append(idx, i)
		}
	}
	return idx
}

// Last is the last k of placed, by §5.2's bottom rule without taking
// the top group out: every member whose standing is at least that of the
// member at position n−k+1 (1-based; every member when n ≤ k). A rule
// with overlap selects it (site.Rule.Overlap): an office whose 考核办法
// says 后三名约谈 over five townships means places 3 to 5, which §5.2's
// bottom group, the last three less the first three, is not.
func Last(placed []Placed, k int) []Placed {
	if k < 1 || len(placed) == 0 {
		return nil
	}
	var out []Placed
	for _, i := range lastK(standings(placed), k) {
		out = append(out, placed[i])
	}
	return out
}

// standings are the members' standings: one more than the number of
// members ranked ahead, which is the rank itself with competition ties.
// Dense ranks (1, 2, 2, 3) number the places differently but leave the
// members where they stand: with ranks the groups and the rank points
// counted, ten units ranked 1, 1, 1, 2, 2, 2, 3, 3, 4, 5 were all 前五 —
// the last of them 倒数第一 in the same circular — and the last earned 60
// points of 100 where the competition ranks' gave it 10.
func standings(placed []Placed) []int {
	ranks := make([]int, len(placed))
	for i, p := range placed {
		ranks[i] = p.Rank
	}
	slices.Sort(ranks)
	st := make([]int, len(placed))
	for i, p := range placed {
		ahead, _ := slices.BinarySearch(ranks, p.Rank)
		st[i] = ahead + 1
	}
	return st
}

// group collects placed[idx] and decides whether the group is exact.
func group(placed []Placed, idx []int, k int) Group {
	g := Group{Exact: len(idx) == k && len(placed) >= 2*k}
	for _, i := range idx {
		g.Members = append(g.Members, placed[i])
		if Tied(placed, i) {
			g.Exact = false
		}
	}
	return g
}

// Runs splits a group's members into runs of equal rank, in order. A run of
// more than one member is a tie, which the sentence writes as （并列）.
func Runs(members []Placed) [][]Placed {
	var runs [][]Placed
	for i, p := range members {
		if i > 0 && members[i-1].Rank == p.Rank {
			runs[len(runs)-1] = append(runs[len(runs)-1], p)
			continue
		}
		runs = append(runs, []Placed{p})
	}
	return runs
}

// Method selects how the township composite is computed (DESIGN §5.5).
type Method int

const (
	// RankPoints scores each indicator by rank, so that indicators measured
	// in different units (percentages, counts, 元) weigh alike.
	RankPoints Method = iota
	// RawScore takes the weighted mean of the (rounded) values themselves,
	// for when every indicator is already scored on the same 100-point scale.
	RawScore
	// RawSum takes the weighted sum of the values, Σw·v, not divided by
	// Σw: for an office whose indicators are parts of a total (重点工作
	// 40分, 督查督办 30分…) and whose composite is that total (总分). A
	// unit earns nothing for an indicator that does not apply to it.
	RawSum
)

// A Column is one indicator's township results for the composite.
type Column struct {
	Weight float64 // 0 (or less): shown in the circular but not scored
	Placed []Placed
}

// Composite computes the township composite of DESIGN §5.5.
//
// With RankPoints a unit of standing r (its rank, with competition ties;
// see standings) in a column of n units earns p = 100·(n−r+1)/n; with
// RawScore and RawSum it earns its Value. Its composite is Σw·p / Σw over
// the columns with weight > 0 that contain it (RawSum: Σw·p, undivided),
// plus adjust[unit], rounded to decimals — as if summed in exact decimals
// (see nearHalf). Averaging only over the columns that contain a unit
// keeps a township from being penalised for indicators that do not apply
// to it. Units in no column with weight > 0 are left out, even when they
// have an adjustment. The result is sorted by Unit and is ready for Rank
// (higher is better).
func Composite(cols []Column, adjust map[int]float64, m Method, decimals int) []Score {
	type acc struct{ w, wp float64 }
	sums := map[int]*acc{}
	for _, c := range cols {
		if !(c.Weight > 0) {
			continue
		}
		n := float64(len(c.Placed))
		st := standings(c.Placed)
		for i, p := range c.Placed {
			v := p.Value
			if m == RankPoints {
				v = 100 * (n - float64(st[i]) + 1) / n
			}
			a := sums[p.Unit]
			if a == nil {
				a = &acc{}
				sums[p.Unit] = a
			}
			a.w += c.Weight
			a.wp += c.Weight * v
		}
	}
	out := make([]Score, 0, len(sums))
	for u, a := range sums {
		v := a.wp
		if m != RawSum {
			v /= a.w
		}
		v += adjust[u]
		if nearHalf(v, decimals) {
			// In binary floats a weight of 0.7 or an adjustment of −0.25
			// drifts, and a composite of exactly half a last digit (99.75
			// at one decimal) may round the wrong way: sum it again
			// exactly. Rarely, so the rationals cost a month nothing.
			out = append(out, Score{Unit: u, Value: exactComposite(cols, u, adjust[u], m, decimals)})
			continue
		}
		out = append(out, Score{Unit: u, Value: Round(v, decimals)})
	}
	slices.SortFunc(out, func(a, b Score) int { return cmp.Compare(a.Unit, b.Unit) })
	return out
}

// nearHalf reports whether v, a sum in binary floats, may lie so near
// half a last digit at decimals places that its drift could decide the
// rounding — or is too large for a float to tell.
func nearHalf(v float64, decimals int) bool {
	x := math.Abs(v) * math.Pow10(max(decimals, 0))
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return false // Round passes it through
	case x >= 1e12:
		return true
	}
	return math.Abs(x-math.Floor(x)-0.5) < 1e-6
}

// exactComposite is unit u's composite (see Composite) summed in exact
// rationals of the decimals staff wrote, and rounded once.
func exactComposite(cols []Column, u int, adjust float64, m Method, decimals int) float64 {
	var w, wp, sum, v, t big.Rat
	for _, c := range cols {
		if !(c.Weight > 0) {
			continue
		}
		n := int64(len(c.Placed))
		st := standings(c.Placed)
		for i, p := range c.Placed {
			if p.Unit != u {
				continue
			}
			if m == RankPoints {
				v.SetFrac64(100*(n-int64(st[i])+1), n)
			} else {
				decimal(&v, p.Value)
			}
			decimal(&t, c.Weight)
			w.Add(&w, &t)
			wp.Add(&wp, t.Mul(&t, &v))
		}
	}
	if m == RawSum {
		sum.Set(&wp)
	} else {
		sum.Quo(&wp, &w)
	}
	sum.Add(&sum, decimal(&t, adjust))
	return roundRat(&sum, decimals)
}

// decimal sets r to f as staff wrote it: the shortest decimal that reads
// back as f (0.7 is 7/10, not the binary 0.6999…).
func decimal(r *big.Rat, f float64) *big.Rat {
	if _, ok := r.SetString(strconv.FormatFloat(f, 'g', -1, 64)); !ok {
		r.SetInt64(0) // NaN or an infinity: not written by staff
	}
	return r
}

// roundRat rounds r to decimals places, half away from zero, as Round does
// for a float.
func roundRat(r *big.Rat, decimals int) float64 {
	decimals = max(decimals, 0)
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	num := new(big.Int).Mul(new(big.Int).Abs(r.Num()), scale)
	num.Mul(num, big.NewInt(2))
	num.Add(num, r.Denom())
	den := new(big.Int).Mul(r.Denom(), big.NewInt(2))
	q := num.Quo(num, den) // ⌊|r|·10^d + ½⌋
	if q.Sign() == 0 {
		return 0 // no negative zero
	}
	f, _ := new(big.Rat).SetFrac(q, scale).Float64() // the float nearest the decimal
	if r.Sign() < 0 {
		return -f
	}
	return f
}

// An Entry is one entry of the circular (a group or an indicator) as the
// city-bottom list sees it. A zero field means the entry has no such rank.
type Entry struct {
	City          int // the city rank ([terms] city)
	District      int // the peer rank ([terms] peer)
	DistrictUnits int // size of the peer group
}

// CityBottom returns, in document order, the indexes of the entries for the
// list 排全市后三的单项目标 (DESIGN §5.6): those whose city rank is greater
// than cityUnits−k, and those with only a peer rank (City == 0) that are
// ranked last among their peers (District == DistrictUnits). An entry with
// both ranks is judged by its city rank alone.
func CityBottom(entries []Entry, cityUnits, k int) []int {
	var idx []int
	for i, e := range entries {
		switch {
		case e.City > 0 && e.City > cityUnits-k:
			idx = append(idx, i)
		case e.City == 0 && e.District > 0 && e.District == e.DistrictUnits:
			idx = append(idx, i)
		}
	}
	return idx
}
