package site

import "testing"

// A share's count over n units, worked by hand: 20% of 12 is 2.4, 25% of
// 10 is 2.5 (四舍五入 takes the half up), 12.5% of 12 is 1.5, 33.33% of 3
// is 0.9999 (up is 1, nearest 1, down 0), 20% of 4 is 0.8; minCount
// lifts a share to at least that many, no more than are ranked.
func TestShareOf(t *testing.T) {
	for _, c := range []struct {
		hundredths int
		round      Rounding
		min, n     int
		want       int
	}{
		{2000, RoundNearest, 0, 12, 2},
		{2000, RoundDown, 0, 12, 2},
		{2000, RoundUp, 0, 12, 3},
		{2500, RoundNearest, 0, 10, 3},
		{2500, RoundDown, 0, 10, 2},
		{1250, RoundNearest, 0, 12, 2},
		{3333, RoundUp, 0, 3, 1},
		{3333, RoundNearest, 0, 3, 1},
		{3333, RoundDown, 0, 3, 0},
		{2000, RoundDown, 0, 4, 0},
		{2000, RoundDown, 1, 4, 1},
		{2000, RoundNearest, 1, 0, 0},
		{1000, RoundDown, 3, 2, 2},
		{10000, RoundDown, 0, 7, 7},
		{2000, RoundUp, 0, 10, 2}, // exactly 2: nothing to round up
	} {
		s := Share{Hundredths: c.hundredths, Round: c.round, Min: c.min}
		if got := s.Of(c.n); got != c.want {
			t.Errorf("%s %s, minCount %d, of %d = %d, want %d", s.Percent(), c.round.Words(), c.min, c.n, got, c.want)
		}
	}
}

// Bounds say themselves as a 考核办法 does, 以上 and 以下 including the
// number, and hold on their edges as they say.
func TestBoundsWords(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	for _, c := range []struct {
		b    Bounds
		unit string
		want string
		in   []float64
		out  []float64
	}{
		{Bounds{AtLeast: v(90)}, "分", "90分以上", []float64{90, 99.5}, []float64{89.99}},
		{Bounds{Below: v(60)}, "分", "低于60分", []float64{59.99, 0}, []float64{60}},
		{Bounds{Above: v(10)}, "件", "超过10件", []float64{11}, []float64{10}},
		{Bounds{AtMost: v(60)}, "分", "60分以下", []float64{60}, []float64{60.01}},
		{Bounds{AtLeast: v(60), Below: v(70)}, "分", "60分以上、低于70分", []float64{60, 69.99}, []float64{70, 59.99}},
		{Bounds{Below: v(2.5)}, "%", "低于2.5%", []float64{2.49}, []float64{2.5}},
	} {
		if got := c.b.Words(c.unit); got != c.want {
			t.Errorf("words %q, want %q", got, c.want)
		}
		for _, x := range c.in {
			if !c.b.Holds(x) {
				t.Errorf("%s does not hold %g", c.want, x)
			}
		}
		for _, x := range c.out {
			if c.b.Holds(x) {
				t.Errorf("%s holds %g", c.want, x)
			}
		}
	}
}
