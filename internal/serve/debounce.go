package serve

import (
	"sync"
	"time"
)

// A clock schedules calls; tests replace the real one with a fake so that
// debouncing is checked without sleeping.
type clock interface {
	AfterFunc(d time.Duration, f func()) timer
}

type timer interface {
	Stop() bool
}

type realClock struct{}

func (realClock) AfterFunc(d time.Duration, f func()) timer { return time.AfterFunc(d, f) }

// A debouncer turns a burst of triggers into one call of run.
//
// Every trigger restarts one trailing timer, so run starts delay after the
// last event of a burst (an editor's save is several events). Calls of run
// never overlap: a timer that fires while run is busy leaves one call
// queued, and any further ones fold into it. The queued call is what picks
// up a save made during a slow build.
type debouncer struct {
	delay time.Duration
	clock clock
	run   func()

	mu      sync.Mutex
	timer   timer
	gen     uint64 // the trigger a pending timer belongs to
	running bool
	queued  bool
	stopped bool
}

func newDebouncer(delay time.Duration, c clock, run func()) *debouncer {
	if c == nil {
		c = realClock{}
	}
	return &debouncer{delay: delay, clock: c, run: run}
}

// Trigger records an event and (re)starts the trailing timer.
func (d *debouncer) Trigger() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stopped {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	d.gen++
	gen := d.gen
	d.timer = d.clock.AfterFunc(d.delay, func() { d.fire(gen) })
}

// fire runs when a timer expires. A timer whose Stop came too late (it
// was already firing) finds a newer generation and does nothing, so a
// burst can never produce two runs.
func (d *debouncer) fire(gen uint64) {
	d.mu.Lock()
	if gen != d.gen || d.stopped {
		d.mu.Unlock()
		return
	}
	d.timer = nil
	if d.running {
		d.queued = true
		d.mu.Unlock()
		return
	}
	d.running = true
	d.mu.Unlock()
	for {
		d.run()
		d.mu.Lock()
		if !d.queued || d.stopped {
			d.running = false
			d.mu.Unlock()
			return
		}
		d.queued = false
		d.mu.Unlock()
	}
}

// Stop cancels a pending run; a run in progress finishes.
func (d *debouncer) Stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stopped = true
	if d.timer != nil {
		d.timer.Stop()
	}
}
