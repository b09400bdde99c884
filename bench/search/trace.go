package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// A recorder holds Chromium's trace events of one page load (see -trace):
// where -timings shows when files came, the trace shows what the page's
// main thread was doing meanwhile, which on a slow machine is most of a
// first query's time.
type recorder struct {
	mu     sync.Mutex
	events []traceEvent
	done   chan struct{}
}

type traceEvent struct {
	Name string          `json:"name"`
	Ph   string          `json:"ph"`
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Ts   float64         `json:"ts"`  // µs
	Dur  float64         `json:"dur"` // µs
	Args json.RawMessage `json:"args"`
}

// traceCategories are those of DevTools' performance panel, and
// blink.user_timing for the navigation's start, from which the page's
// own timings count.
var traceCategories = []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing", "loading", "toplevel", "fonts", "blink", "v8"}

func startTrace(ctx context.Context) (*recorder, error) {
	r := &recorder{done: make(chan struct{})}
	var once sync.Once
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			r.mu.Lock()
			defer r.mu.Unlock()
			for _, v := range ev.Value {
				var e traceEvent
				if json.Unmarshal(v, &e) == nil {
					r.events = append(r.events, e)
				}
			}
		case *tracing.EventTracingComplete:
			once.Do(func() { close(r.done) })
		}
	}); err != nil {
		return nil, err
	}
	_, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig:  &tracing.TraceConfig{IncludedCategories: traceCategories},
	})
	return r, err
}

// stop ends the trace and describes the main thread of the page's
// renderer until listed (ms from the navigation's start): each task of
// 2 ms or more, when it began, how long it took and what took most of
// it, then the time by kind of work.
func (r *recorder) stop(ctx context.Context, listed float64) (string, error) {
	if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
		return "", err
	}
	select {
	case <-r.done:
	case <-time.After(30 * time.Second):
		return "", fmt.Errorf("no end of the trace within 30 s")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return describeTrace(r.events, listed), nil
}

// describeTrace is stop's description of events, the page's main thread
// found by the navigation's start.
func describeTrace(events []traceEvent, listed float64) string {
	type thread struct{ pid, tid int }
	var main thread
	var start float64
	for _, e := range events {
		if e.Name == "navigationStart" && start == 0 {
			main, start = thread{e.Pid, e.Tid}, e.Ts
		}
	}
	if start == 0 {
		return "  (no navigationStart in the trace)\n"
	}
	var tasks []traceEvent
	for _, e := range events {
		if (thread{e.Pid, e.Tid}) == main && e.Ph == "X" {
			tasks = append(tasks, e)
		}
	}
	slices.SortStableFunc(tasks, func(a, b traceEvent) int { return cmp.Or(cmp.Compare(a.Ts, b.Ts), cmp.Compare(b.Dur, a.Dur)) })
	end := start + listed*1000
	ms := func(us float64) float64 { return us / 1000 }
	// Each event's own time (less its children's), under the top-level
	// task holding it.
	type frame struct {
		e     traceEvent
		child float64
	}
	var stack []frame
	self := map[string]float64{} // by name, until listed
	var lines strings.Builder
	var taskSelf map[string]float64
	var task traceEvent
	var scripts []string // the files whose scripts the task ran
	flushTask := func() {
		if task.Dur >= 2000 && task.Ts < end {
			names := byTime(taskSelf)
			var parts []string
			for _, n := range names[:min(3, len(names))] {
				parts = append(parts, fmt.Sprintf("%s %.1f", n, ms(taskSelf[n])))
			}
			if len(scripts) > 0 {
				parts = append(parts, "scripts "+strings.Join(scripts, " "))
			}
			fmt.Fprintf(&lines, "  %6.0f  %5.1f ms  %s\n", ms(task.Ts-start), ms(task.Dur), strings.Join(parts, ", "))
		}
	}
	pop := func() {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		own := f.e.Dur - f.child
		if len(stack) > 0 {
			stack[len(stack)-1].child += f.e.Dur
		}
		taskSelf[f.e.Name] += own
		if f.e.Ts < end && f.e.Ts >= start {
			self[f.e.Name] += own
		}
	}
	for _, e := range tasks {
		for len(stack) > 0 && e.Ts >= stack[len(stack)-1].e.Ts+stack[len(stack)-1].e.Dur {
			pop()
		}
		if len(stack) == 0 {
			flushTask()
			task, taskSelf, scripts = e, map[string]float64{}, nil
		}
		if e.Name == "EvaluateScript" {
			var a struct {
				Data struct {
					URL string `json:"url"`
				} `json:"data"`
			}
			if json.Unmarshal(e.Args, &a) == nil && a.Data.URL != "" {
				scripts = append(scripts, path.Base(a.Data.URL))
			}
		}
		stack = append(stack, frame{e: e})
	}
	for len(stack) > 0 {
		pop()
	}
	flushTask()
	names := byTime(self)
	total := 0.0
	for _, v := range self {
		total += v
	}
	fmt.Fprintf(&lines, "  main thread busy %.0f of %.0f ms until listed:", ms(total), listed)
	for _, n := range names[:min(12, len(names))] {
		fmt.Fprintf(&lines, " %s %.1f;", n, ms(self[n]))
	}
	lines.WriteString("\n")
	return lines.String()
}

// byTime lists the kinds of work of times, the longest first (equal ones
// by name: the same trace, the same lines).
func byTime(times map[string]float64) []string {
	names := make([]string, 0, len(times))
	for n := range times {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(times[b], times[a]), strings.Compare(a, b)) })
	return names
}
