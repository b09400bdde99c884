package rank

import (
	"math"
	"slices"
	"testing"
)

func TestRound(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		want     float64
	}{
		{2.675, 2, 2.68}, // binary 2.67499999… but written 2.675
		{1.005, 2, 1.01}, // binary 1.00499999…
		{2.665, 2, 2.67},
		{2.5, 0, 3},
		{3.5, 0, 4}, // half away from zero, not half to even
		{-2.5, 0, -3},
		{-2.675, 2, -2.68},
		{-2.45, 1, -2.5}, // docs/rules.md 四舍五入: a growth of −2.45% ties −2.5% at decimals = 1
		{98.504, 2, 98.5},
		{98.496, 2, 98.5},
		{98.495, 2, 98.5},
		{98.4949, 2, 98.49},
		{9.995, 2, 10},
		{99.9999, 3, 100},
		{0.0049, 2, 0},
		{-0.001, 2, 0},
		{12, 2, 12},
		{1.25, 5, 1.25},
		{55.55555555555556, 2, 55.56},
		{1234.5, -1, 1235}, // negative decimals act as 0
	}
	for _, tt := range tests {
		if got := Round(tt.v, tt.decimals); got != tt.want {
			t.Errorf("Round(%v, %d) = %v, want %v", tt.v, tt.decimals, got, tt.want)
		}
	}
	if got := Round(-0.001, 2); math.Signbit(got) {
		t.Errorf("Round(-0.001, 2) = %v, want +0", got)
	}
	if got := Round(math.NaN(), 2); !math.IsNaN(got) {
		t.Errorf("Round(NaN, 2) = %v, want NaN", got)
	}
	if got := Round(math.Inf(-1), 2); !math.IsInf(got, -1) {
		t.Errorf("Round(-Inf, 2) = %v, want -Inf", got)
	}
}

func TestRank(t *testing.T) {
	tests := []struct {
		name         string
		scores       []Score
		decimals     int
		higherBetter bool
		ties         Ties
		want         []Placed
	}{
		{
			name:         "no ties, higher better",
			scores:       []Score{{0, 90}, {1, 95}, {2, 80}},
			decimals:     2,
			higherBetter: true,
			want:         []Placed{{1, 95, 1}, {0, 90, 2}, {2, 80, 3}},
		},
		{
			name:     "lower better",
			scores:   []Score{{0, 90}, {1, 95}, {2, 80}},
			decimals: 2,
			want:     []Placed{{2, 80, 1}, {0, 90, 2}, {1, 95, 3}},
		},
		{
			// §5.1: the members of a tie are listed as the month file
			// writes them (2 before 1 here), whatever units.toml's order.
			name: "competition 1,2,2,4; tie in input order, not by unit",
			scores: []Score{
				{3, 70}, {2, 80}, {0, 90}, {1, 80},
			},
			decimals:     2,
			higherBetter: true,
			ties:         Competition,
			want:         []Placed{{0, 90, 1}, {2, 80, 2}, {1, 80, 2}, {3, 70, 4}},
		},
		{
			name: "dense 1,2,2,3",
			scores: []Score{
				{3, 70}, {1, 80}, {0, 90}, {2, 80},
			},
			decimals:     2,
			higherBetter: true,
			ties:         Dense,
			want:         []Placed{{0, 90, 1}, {1, 80, 2}, {2, 80, 2}, {3, 70, 3}},
		},
		{
			name:         "dense lower better with two ties",
			scores:       []Score{{0, 1}, {1, 1}, {2, 2}, {3, 3}, {4, 3}, {5, 4}},
			decimals:     0,
			higherBetter: false,
			ties:         Dense,
			want:         []Placed{{0, 1, 1}, {1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {4, 3, 3}, {5, 4, 4}},
		},
		{
			name:         "competition lower better with two ties",
			scores:       []Score{{0, 1}, {1, 1}, {2, 2}, {3, 3}, {4, 3}, {5, 4}},
			decimals:     0,
			higherBetter: false,
			ties:         Competition,
			want:         []Placed{{0, 1, 1}, {1, 1, 1}, {2, 2, 3}, {3, 3, 4}, {4, 3, 4}, {5, 4, 6}},
		},
		{
			name:         "rounding makes values equal: 98.504 and 98.496 both 98.50",
			scores:       []Score{{0, 97}, {1, 98.496}, {2, 98.504}},
			decimals:     2,
			higherBetter: true,
			want:         []Placed{{1, 98.5, 1}, {2, 98.5, 1}, {0, 97, 3}},
		},
		{
			name:         "more decimals keep them apart",
			scores:       []Score{{0, 97}, {1, 98.496}, {2, 98.504}},
			decimals:     3,
			higherBetter: true,
			want:         []Placed{{2, 98.504, 1}, {1, 98.496, 2}, {0, 97, 3}},
		},
		{
			name:         "everyone tied, in input order",
			scores:       []Score{{2, 5}, {0, 5}, {1, 5}},
			decimals:     2,
			higherBetter: true,
			want:         []Placed{{2, 5, 1}, {0, 5, 1}, {1, 5, 1}},
		},
		{
			name:         "NaN is worst whichever way is better",
			scores:       []Score{{0, math.NaN()}, {1, 3}, {2, 4}},
			decimals:     2,
			higherBetter: false,
			want:         []Placed{{1, 3, 1}, {2, 4, 2}, {0, math.NaN(), 3}},
		},
		{
			name:         "NaNs tie with each other, last",
			scores:       []Score{{3, math.NaN()}, {1, 3}, {0, math.NaN()}, {2, 4}},
			decimals:     2,
			higherBetter: true,
			want:         []Placed{{2, 4, 1}, {1, 3, 2}, {3, math.NaN(), 3}, {0, math.NaN(), 3}},
		},
		{
			name: "empty",
			want: []Placed{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.scores)
			got := Rank(tt.scores, tt.decimals, tt.higherBetter, tt.ties)
			if !slices.EqualFunc(got, tt.want, samePlaced) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if !slices.EqualFunc(in, tt.scores, func(a, b Score) bool {
				return a.Unit == b.Unit && (a.Value == b.Value || math.IsNaN(a.Value) && math.IsNaN(b.Value))
			}) {
				t.Errorf("Rank modified its input: %v", tt.scores)
			}
		})
	}
}

func samePlaced(a, b Placed) bool {
	return a.Unit == b.Unit && a.Rank == b.Rank &&
		(a.Value == b.Value || math.IsNaN(a.Value) && math.IsNaN(b.Value))
}

// ranked builds a ranked list whose member i is unit i with the given rank.
func ranked(ranks ...int) []Placed {
	p := make([]Placed, len(ranks))
	for i, r := range ranks {
		p[i] = Placed{Unit: i, Value: float64(100 - r), Rank: r}
	}
	return p
}

func units(ps []Placed) []int {
	u := []int{}
	for _, p := range ps {
		u = append(u, p.Unit)
	}
	return u
}

func TestTied(t *testing.T) {
	p := ranked(1, 2, 2, 4, 5, 5)
	want := []bool{false, true, true, false, true, true}
	for i, w := range want {
		if got := Tied(p, i); got != w {
			t.Errorf("Tied(%v, %d) = %v, want %v", p, i, got, w)
		}
	}
}

func TestGroups(t *testing.T) {
	tests := []struct {
		name        string
		ranks       []int // rank of unit i, in ranked order
		k           int
		top, bottom []int // units
		topExact    bool
		bottomExact bool
	}{
		{
			name:  "n=12 no ties: 前三/后三",
			ranks: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
			k:     3,
			top:   []int{0, 1, 2}, bottom: []int{9, 10, 11},
			topExact: true, bottomExact: true,
		},
		{
			// Ranks ≤ 3: 1, 2, 3, 3 → four members, tied → 靠前.
			name:  "tie at rank 3 grows the top",
			ranks: []int{1, 2, 3, 3, 5, 6, 7, 8, 9, 10, 11, 12},
			k:     3,
			top:   []int{0, 1, 2, 3}, bottom: []int{9, 10, 11},
			topExact: false, bottomExact: true,
		},
		{
			// Ranks ≤ 3: 1, 2, 2 → three members but two tied → 靠前.
			name:  "tie inside the top",
			ranks: []int{1, 2, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12},
			k:     3,
			top:   []int{0, 1, 2}, bottom: []int{9, 10, 11},
			topExact: false, bottomExact: true,
		},
		{
			// Position n−k+1 = 10 holds rank 9 (tied with position 9), so
			// the bottom is every rank ≥ 9: positions 9–12.
			name:  "tie straddling position n-k+1 grows the bottom",
			ranks: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 11, 12},
			k:     3,
			top:   []int{0, 1, 2}, bottom: []int{8, 9, 10, 11},
			topExact: true, bottomExact: false,
		},
		{
			// Position 10 holds rank 10; ranks ≥ 10 are 10, 11, 11.
			name:  "tie at last place, inside the bottom",
			ranks: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11},
			k:     3,
			top:   []int{0, 1, 2}, bottom: []int{9, 10, 11},
			topExact: true, bottomExact: false,
		},
		{
			// Position 10 holds rank 10; all three last are tied at 10.
			name:  "three tied at last place",
			ranks: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10},
			k:     3,
			top:   []int{0, 1, 2}, bottom: []int{9, 10, 11},
			topExact: true, bottomExact: false,
		},
		{
			// Position 10 holds rank 9; ranks ≥ 9: four members.
			name:  "four tied at last place",
			ranks: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9},
			k:     3,
			top:   []int{0, 1, 2}, bottom: []int{8, 9, 10, 11},
			topExact: true, bottomExact: false,
		},
		{
			// Top: every rank ≤ 3 = all 12. Position 10 holds rank 1, so the
			// bottom would be everyone, minus the top: empty.
			name:  "everyone tied",
			ranks: []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
			k:     3,
			top:   []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, bottom: []int{},
			topExact: false, bottomExact: false,
		},
		{
			// Top: 1, 2, 3 (n = 5 < 2k = 6 → 靠前). Position 3 holds rank 3;
			// ranks ≥ 3 are 3, 4, 4, minus the top: the two 4s.
			name:  "n=5 k=3 subset: 1,2,3,4,4",
			ranks: []int{1, 2, 3, 4, 4},
			k:     3,
			top:   []int{0, 1, 2}, bottom: []int{3, 4},
			topExact: false, bottomExact: false,
		},
		{
			// n = 6 = 2k: exact is still allowed.
			name:  "n=2k no ties",
			ranks: []int{1, 2, 3, 4, 5, 6},
			k:     3,
			top:   []int{0, 1, 2}, bottom: []int{3, 4, 5},
			topExact: true, bottomExact: true,
		},
		{
			// Top: 1, 2, 3, 3. Position 4 holds rank 3; ranks ≥ 3 are
			// 3, 3, 5, 6, minus the top: 5, 6.
			name:  "n=2k, tie at 3 overlaps the bottom",
			ranks: []int{1, 2, 3, 3, 5, 6},
			k:     3,
			top:   []int{0, 1, 2, 3}, bottom: []int{4, 5},
			topExact: false, bottomExact: false,
		},
		{
			// Top: ranks ≤ 3 = everyone (n < k). Bottom from position 1:
			// everyone, minus the top: empty.
			name:  "n < k",
			ranks: []int{1, 2},
			k:     3,
			top:   []int{0, 1}, bottom: []int{},
			topExact: false, bottomExact: false,
		},
		{
			// Dense ranks 1, 2, 2, 3 stand 1, 2, 2, 4: three members
			// stand within 3, the fourth has three ahead of it. Position
			// 10 holds rank 9, standing 10 → standings ≥ 10: 9, 10, 11.
			name:  "dense ranks",
			ranks: []int{1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
			k:     3,
			top:   []int{0, 1, 2}, bottom: []int{9, 10, 11},
			topExact: false, bottomExact: true,
		},
		{
			// Competition ranks of the same values: 1, 2, 2, 4 → the top
			// is three members, two of them tied.
			name:  "competition ranks of the dense case",
			ranks: []int{1, 2, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12},
			k:     3,
			top:   []int{0, 1, 2}, bottom: []int{9, 10, 11},
			topExact: false, bottomExact: true,
		},
		{
			name:  "k=1",
			ranks: []int{1, 2, 3, 4},
			k:     1,
			top:   []int{0}, bottom: []int{3},
			topExact: true, bottomExact: true,
		},
		{
			name:  "k=0",
			ranks: []int{1, 2, 3},
			k:     0,
			top:   []int{}, bottom: []int{},
		},
		{
			name:  "empty",
			ranks: []int{},
			k:     3,
			top:   []int{}, bottom: []int{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top, bottom := Groups(ranked(tt.ranks...), tt.k)
			if got := units(top.Members); !slices.Equal(got, tt.top) {
				t.Errorf("top = %v, want %v", got, tt.top)
			}
			if got := units(bottom.Members); !slices.Equal(got, tt.bottom) {
				t.Errorf("bottom = %v, want %v", got, tt.bottom)
			}
			if top.Exact != tt.topExact {
				t.Errorf("top.Exact = %v, want %v", top.Exact, tt.topExact)
			}
			if bottom.Exact != tt.bottomExact {
				t.Errorf("bottom.Exact = %v, want %v", bottom.Exact, tt.bottomExact)
			}
		})
	}
}

// TestGroupsFromScores runs Rank and Groups together on lower-is-better
// scores with a tie made by rounding.
func TestGroupsFromScores(t *testing.T) {
	// Lower is better. Rounded to 1 decimal: u0 1.0, u1 2.0, u2 3.0, u3 4.0,
	// u4 5.0, u5 6.0, u6 7.0 (7.04), u7 7.0 (6.96).
	// Ranks: 1 2 3 4 5 6 7 7 (u7 and u6 tied, u7 first as written).
	// Top: u0 u1 u2, exact. Position n−k+1 = 6 holds u5, rank 6: the
	// bottom is u5, u6, u7, with a tie → 靠后.
	scores := []Score{{7, 6.96}, {6, 7.04}, {5, 6}, {4, 5}, {3, 4}, {2, 3}, {1, 2}, {0, 1}}
	placed := Rank(scores, 1, false, Competition)
	top, bottom := Groups(placed, 3)
	if got, want := units(top.Members), []int{0, 1, 2}; !slices.Equal(got, want) || !top.Exact {
		t.Errorf("top = %v exact %v, want %v exact true", got, top.Exact, want)
	}
	if got, want := units(bottom.Members), []int{5, 7, 6}; !slices.Equal(got, want) || bottom.Exact {
		t.Errorf("bottom = %v exact %v, want %v exact false", got, bottom.Exact, want)
	}
	runs := Runs(bottom.Members)
	if len(runs) != 2 || !slices.Equal(units(runs[0]), []int{5}) || !slices.Equal(units(runs[1]), []int{7, 6}) {
		t.Errorf("Runs(bottom) = %v, want [[u5] [u7 u6]]", runs)
	}
}

func TestRuns(t *testing.T) {
	tests := []struct {
		ranks []int
		want  [][]int // units per run
	}{
		{nil, nil},
		{[]int{1}, [][]int{{0}}},
		{[]int{1, 2, 3}, [][]int{{0}, {1}, {2}}},
		{[]int{1, 2, 2}, [][]int{{0}, {1, 2}}},
		{[]int{1, 1, 1, 4}, [][]int{{0, 1, 2}, {3}}},
		{[]int{10, 11, 11}, [][]int{{0}, {1, 2}}},
	}
	for _, tt := range tests {
		runs := Runs(ranked(tt.ranks...))
		var got [][]int
		for _, r := range runs {
			got = append(got, units(r))
		}
		if !slices.EqualFunc(got, tt.want, slices.Equal) {
			t.Errorf("Runs(%v) = %v, want %v", tt.ranks, got, tt.want)
		}
	}
}

func TestComposite(t *testing.T) {
	// Three townships (units 0, 1, 2), two indicators.
	//   A, weight 1: ranks 0→1, 1→2, 2→3 (n = 3)
	//     points 100·3/3 = 100, 100·2/3 = 66.667, 100·1/3 = 33.333
	//   B, weight 2: ranks 1→1, 2→1 (tie), 0→3 (n = 3)
	//     points 100, 100, 100·1/3 = 33.333
	// Rank points, Σw = 3:
	//   u0: (1·100    + 2·33.333)/3 = 166.667/3 = 55.5556 → 55.56
	//   u1: (1·66.667 + 2·100)/3    = 266.667/3 = 88.8889 → 88.89
	//   u2: (1·33.333 + 2·100)/3    = 233.333/3 = 77.7778 → 77.78
	// With adjustments u2 −1, u0 +0.5: u0 56.06, u2 76.78.
	// Raw values: A u0 90, u1 80, u2 70; B u1 95, u2 95, u0 60.
	//   u0: (90 + 2·60)/3 = 210/3 = 70
	//   u1: (80 + 2·95)/3 = 270/3 = 90
	//   u2: (70 + 2·95)/3 = 260/3 = 86.667 → 86.67
	a := Column{Weight: 1, Placed: []Placed{{0, 90, 1}, {1, 80, 2}, {2, 70, 3}}}
	b := Column{Weight: 2, Placed: []Placed{{1, 95, 1}, {2, 95, 1}, {0, 60, 3}}}
	// Weight 0: shown, not scored; unit 3 appears only here.
	z := Column{Weight: 0, Placed: []Placed{{3, 100, 1}, {0, 0, 2}}}
	// A subset indicator: only units 0 and 1, weight 1.
	//   points u1 100·2/2 = 100, u0 100·1/2 = 50.
	//   u0: (100 + 2·33.333 + 50)/4 = 216.667/4 = 54.1667 → 54.17
	//   u1: (66.667 + 200 + 100)/4  = 366.667/4 = 91.6667 → 91.67
	//   u2 unchanged: 77.78.
	s := Column{Weight: 1, Placed: []Placed{{1, 9, 1}, {0, 8, 2}}}

	tests := []struct {
		name   string
		cols   []Column
		adjust map[int]float64
		m      Method
		want   []Score
	}{
		{"rank points", []Column{a, b}, nil, RankPoints,
			[]Score{{0, 55.56}, {1, 88.89}, {2, 77.78}}},
		{"rank points with adjustments", []Column{b, a}, map[int]float64{2: -1, 0: 0.5, 9: 3}, RankPoints,
			[]Score{{0, 56.06}, {1, 88.89}, {2, 76.78}}},
		{"weight 0 column ignored", []Column{a, z, b}, nil, RankPoints,
			[]Score{{0, 55.56}, {1, 88.89}, {2, 77.78}}},
		{"subset column averages only where it applies", []Column{a, b, s}, nil, RankPoints,
			[]Score{{0, 54.17}, {1, 91.67}, {2, 77.78}}},
		{"raw score", []Column{a, b}, nil, RawScore,
			[]Score{{0, 70}, {1, 90}, {2, 86.67}}},
		{"raw score with adjustment", []Column{a, b}, map[int]float64{1: -0.25}, RawScore,
			[]Score{{0, 70}, {1, 89.75}, {2, 86.67}}},
		// Raw sum, Σw·v undivided: u0 90 + 2·60 = 210, u1 80 + 2·95 = 270,
		// u2 70 + 2·95 = 260; with s, where u2 takes no part, u0 218,
		// u1 279, u2 still 260 (nothing for s); adjustments add as ever.
		{"raw sum", []Column{a, b}, nil, RawSum,
			[]Score{{0, 210}, {1, 270}, {2, 260}}},
		{"raw sum of a subset column", []Column{a, b, s}, map[int]float64{2: 1.5}, RawSum,
			[]Score{{0, 218}, {1, 279}, {2, 261.5}}},
		{"no columns", nil, map[int]float64{0: 1}, RankPoints, []Score{}},
		// Dense ranks 1, 2, 2, 3 of four: the points go by standing,
		// 1, 2, 2, 4 — 100, 75, 75, 25 — not by the dense 3's 50.
		{"rank points of dense ranks", []Column{{Weight: 1, Placed: []Placed{{0, 9, 1}, {1, 8, 2}, {2, 8, 2}, {3, 7, 3}}}}, nil, RankPoints,
			[]Score{{0, 100}, {1, 75}, {2, 75}, {3, 25}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Composite(tt.cols, tt.adjust, tt.m, 2)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}

	// The composite order: u1 88.89, u2 77.78, u0 55.56.
	order := Rank(Composite([]Column{a, b}, nil, RankPoints, 2), 2, true, Competition)
	if got, want := units(order), []int{1, 2, 0}; !slices.Equal(got, want) {
		t.Errorf("composite order = %v, want %v", got, want)
	}
}

// Composites are computed from the decimals staff wrote (weights 0.7,
// adjustments −0.25) and rounded once, half away from zero (DESIGN §5.5):
// in binary floats 0.7·100 + … over 0.7 + 1 + 0.5 came to 99.74999… and
// published 99.7 where the rule gives 99.8.
func TestCompositeIsExact(t *testing.T) {
	// Two townships, n = 2; one decimal.
	//   T, weight 0.7: u0 1, u1 1 (tie) → 100, 100
	//   X, weight 1:   u0 1, u1 1 (tie) → 100, 100
	//   M, weight 0.5: u0 1, u1 2       → 100, 50
	//   u0: (70 + 100 + 50)/2.2 = 100,      −0.25 → 99.75  → 99.8
	//   u1: (70 + 100 + 25)/2.2 = 88.636…,  +2    → 90.636 → 90.6
	cols := []Column{
		{Weight: 0.7, Placed: []Placed{{0, 1.01, 1}, {1, 1.01, 1}}},
		{Weight: 1, Placed: []Placed{{0, 5, 1}, {1, 5, 1}}},
		{Weight: 0.5, Placed: []Placed{{0, 90.15, 1}, {1, 90.05, 2}}},
	}
	if got, want := Composite(cols, map[int]float64{0: -0.25, 1: 2}, RankPoints, 1), []Score{{0, 99.8}, {1, 90.6}}; !slices.Equal(got, want) {
		t.Errorf("rank points: got %v, want %v", got, want)
	}
	// Raw scores 90.15 and 90.15 with weights 0.1 and 0.2: the mean is
	// 90.15, 90.2 at one decimal (in floats 90.14999…, 90.1).
	raw := []Column{
		{Weight: 0.1, Placed: []Placed{{0, 90.15, 1}}},
		{Weight: 0.2, Placed: []Placed{{0, 90.15, 1}}},
	}
	if got, want := Composite(raw, nil, RawScore, 1), []Score{{0, 90.2}}; !slices.Equal(got, want) {
		t.Errorf("raw score: got %v, want %v", got, want)
	}
}

func TestCityBottom(t *testing.T) {
	entries := []Entry{
		{City: 10, District: 3, DistrictUnits: 3}, // 0: 第十 of 12 → 后三
		{City: 11, District: 2, DistrictUnits: 3}, // 1: 第十一 → 后三
		{City: 4, District: 1, DistrictUnits: 3},  // 2: no
		{City: 12},                                // 3: 第十二 → 后三
		{City: 9, District: 3, DistrictUnits: 3},  // 4: 第九: no, peer rank ignored
		{District: 3, DistrictUnits: 3},           // 5: 三区第三, last → yes
		{District: 1, DistrictUnits: 4},           // 6: 四区第一 → no
		{District: 4, DistrictUnits: 4},           // 7: 四区第四 → yes
		{District: 2, DistrictUnits: 3},           // 8: 三区第二 → no
		{},                                        // 9: no ranks
		{District: 3},                             // 10: peer size unknown → no
		{City: 1},                                 // 11: no
	}
	if got, want := CityBottom(entries, 12, 3), []int{0, 1, 3, 5, 7}; !slices.Equal(got, want) {
		t.Errorf("CityBottom(12, 3) = %v, want %v", got, want)
	}
	// k = 4 takes 第九 in too (9 > 12−4 = 8).
	if got, want := CityBottom(entries, 12, 4), []int{0, 1, 3, 4, 5, 7}; !slices.Equal(got, want) {
		t.Errorf("CityBottom(12, 4) = %v, want %v", got, want)
	}
	if got := CityBottom(nil, 12, 3); len(got) != 0 {
		t.Errorf("CityBottom(nil) = %v, want empty", got)
	}
}

// TestGroupsDense is a reviewer's month: ten units' 事故起数, lower
// better, 0, 0, 0, 1, 1, 1, 2, 2, 3, 5, ranked dense 1, 1, 1, 2, 2, 2,
// 3, 3, 4, 5, with groups of five. By ranks all ten were ≤ 5, 前五 (靠前),
// and no one 靠后, while the same circular called the last 倒数第一. By
// standing (1, 1, 1, 4, 4, 4, 7, 7, 9, 10): the top is the six standing
// within five; position 6 stands 4, within the top, so the bottom is
// those standing past five: 7, 7, 9, 10 — the groups of competition ranks.
func TestGroupsDense(t *testing.T) {
	var scores []Score
	for i, v := range []float64{0, 0, 0, 1, 1, 1, 2, 2, 3, 5} {
		scores = append(scores, Score{Unit: i, Value: v})
	}
	for _, ties := range []Ties{Dense, Competition} {
		top, bottom := Groups(Rank(scores, 0, false, ties), 5)
		if got, want := units(top.Members), []int{0, 1, 2, 3, 4, 5}; !slices.Equal(got, want) {
			t.Errorf("ties %v: top = %v, want %v", ties, got, want)
		}
		if got, want := units(bottom.Members), []int{6, 7, 8, 9}; !slices.Equal(got, want) {
			t.Errorf("ties %v: bottom = %v, want %v", ties, got, want)
		}
		if top.Exact || bottom.Exact {
			t.Errorf("ties %v: exact %v, %v; want 靠前/靠后", ties, top.Exact, bottom.Exact)
		}
	}
}
