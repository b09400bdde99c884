package build

import (
	"os"
	"time"
)

// A retryPolicy runs a file operation again, after a pause, while it fails
// for a reason that passes by itself.
type retryPolicy struct {
	transient func(error) bool
	delays    []time.Duration // the pauses before each new try
	sleep     func(time.Duration)
}

// do runs op until it succeeds, fails for a lasting reason, or the pauses
// are used up; it returns op's last error.
func (p retryPolicy) do(op func() error) error {
	err := op()
	for _, d := range p.delays {
		if err == nil || !p.transient(err) {
			return err
		}
		p.sleep(d)
		err = op()
	}
	return err
}

// backoff is pauses that double from first, as many as fit in total.
func backoff(first, total time.Duration) []time.Duration {
	var out []time.Duration
	for d, sum := first, time.Duration(0); sum+d <= total; d *= 2 {
		out = append(out, d)
		sum += d
	}
	return out
}

// fsRetry is the policy of renames and removals: on Windows another
// program holding a file open makes them fail for a moment (see
// transientFS), so they are tried for up to about two seconds; elsewhere
// nothing is transient and they run once.
var fsRetry = retryPolicy{transient: transientFS, delays: backoff(10*time.Millisecond, 2*time.Second), sleep: time.Sleep}

func rename(from, to string) error {
	return fsRetry.do(func() error { return os.Rename(from, to) })
}

func removeAll(path string) error {
	return fsRetry.do(func() error { return os.RemoveAll(path) })
}

func remove(path string) error {
	return fsRetry.do(func() error { return os.Remove(path) })
}
