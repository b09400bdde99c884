package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestDescribeTrace: a task's own time is less its children's (equal
// times by name), tasks under 2 ms and other threads are left out, the
// scripts a task ran are named, and the busy time stops at listed.
func TestDescribeTrace(t *testing.T) {
	const main, other = 7, 9
	ev := func(name string, tid int, ts, dur float64, args string) traceEvent {
		e := traceEvent{Name: name, Ph: "X", Pid: 1, Tid: tid, Ts: ts, Dur: dur}
		if args != "" {
			e.Args = json.RawMessage(args)
		}
		return e
	}
	nav := traceEvent{Name: "navigationStart", Ph: "R", Pid: 1, Tid: main, Ts: 1000}
	events := []traceEvent{
		nav,
		// 10 ms in: a task of 8 ms, 5 of them evaluating search.js, of
		// which 3 sending a request.
		ev("RunTask", main, 11000, 8000, ""),
		ev("EvaluateScript", main, 11500, 5000, `{"data":{"url":"http://x/assets/js/search.ab12.js"}}`),
		ev("ResourceFetcher::requestResource", main, 12000, 3000, ""),
		// A task of 1 ms: not listed, but counted.
		ev("RunTask", main, 30000, 1000, ""),
		// Another thread's work is not the page's.
		ev("Layout", other, 11000, 50000, ""),
		// 40 ms in: a layout of 20 ms.
		ev("RunTask", main, 41000, 20000, ""),
		ev("Layout", main, 41000, 19000, ""),
		// After the results were listed (70 ms): left out.
		ev("RunTask", main, 80000, 10000, ""),
		ev("Paint", main, 80000, 9000, ""),
	}
	got := describeTrace(events, 70)
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want 2 tasks and the total:\n%s", len(lines), got)
	}
	for i, want := range []string{
		"10    8.0 ms  ResourceFetcher::requestResource 3.0, RunTask 3.0, EvaluateScript 2.0, scripts search.ab12.js",
		"40   20.0 ms  Layout 19.0, RunTask 1.0",
	} {
		if strings.TrimSpace(lines[i]) != want {
			t.Errorf("line %d = %q, want %q", i, strings.TrimSpace(lines[i]), want)
		}
	}
	for _, want := range []string{"busy 29 of 70 ms", "Layout 19.0;", "RunTask 5.0;", "EvaluateScript 2.0;"} {
		if !strings.Contains(lines[2], want) {
			t.Errorf("the total %q does not say %q", lines[2], want)
		}
	}
	if strings.Contains(got, "Paint") {
		t.Errorf("work after the results were listed is counted:\n%s", got)
	}
	if got := describeTrace(events[1:], 70); !strings.Contains(got, "no navigationStart") {
		t.Errorf("without a navigationStart: %q", got)
	}
}
