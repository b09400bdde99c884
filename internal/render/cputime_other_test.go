//go:build !unix

package render

import "time"

// cpuTime is not measured where getrusage is missing (Windows): the
// benchmark's cpu-ms/op then reads 0. CI vets the tests for Windows.
func cpuTime() time.Duration { return 0 }
