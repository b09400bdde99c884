package par

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestDoRunsEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		counts := make([]atomic.Int32, n)
		Do(n, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d ran %d times", n, i, c)
			}
		}
	}
}

// Until stops starting calls after a failure and reports the failure of
// the lowest index among those that ran.
func TestUntil(t *testing.T) {
	var ran atomic.Int32
	err := Until(10000, func(i int) error {
		ran.Add(1)
		if i >= 5 {
			return errors.New("failed")
		}
		return nil
	})
	if err == nil || err.Error() != "failed" {
		t.Fatalf("Until = %v", err)
	}
	if n := ran.Load(); n >= 10000 {
		t.Errorf("every call ran (%d) after the first failure", n)
	}
	if err := Until(100, func(int) error { return nil }); err != nil {
		t.Errorf("Until without failures = %v", err)
	}
}
