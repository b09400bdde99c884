// Package par is the worker pool every stage of tongbao shares: loading
// parses files, rendering runs pages, building writes files and the
// preview server hashes outputs, each on every core.
//
// Workers take the next index from a counter rather than from a channel:
// handing thousands of small jobs over a channel costs a wake-up of the
// sender for each, and loading a long archive went from 50 to 28 ms when
// the loader's pool stopped doing so.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do runs fn(0) … fn(n-1) on every core and returns when all have run.
// The calls are in no particular order.
func Do(n int, fn func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(i)
			}
		})
	}
	wg.Wait()
}

// Until is Do for work that can fail: once a call has returned an error,
// no further call is started. It returns the error of the lowest index
// that failed, so that the same failure is reported whatever the timing.
func Until(n int, fn func(i int) error) error {
	errs := make([]error, n)
	var failed atomic.Bool
	Do(n, func(i int) {
		if failed.Load() {
			return
		}
		if errs[i] = fn(i); errs[i] != nil {
			failed.Store(true)
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
