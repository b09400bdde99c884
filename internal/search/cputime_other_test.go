//go:build !unix

package search

import "time"

// cpuTime is not measured where getrusage is missing: the benchmark's
// cpu-ms/op then reads 0.
func cpuTime() time.Duration { return 0 }
