package build

import (
	"math"
	"runtime/debug"
	"sync"
)

// lessCollecting is how many times the collector's percent (GOGC) a build
// that lets its pages' text go runs with (see paceCollector).
const lessCollecting = 2

// paced counts the builds running with the collector's percent raised
// (paceCollector), and keeps the percent the first of them found, for the
// last of them to put back: builds in one process (tests) may overlap.
var paced struct {
	sync.Mutex
	n    int
	prev int
}

// paceCollector raises the collector's percent (GOGC) lessCollecting
// times for the rest of a build that lets its pages' text go, from the
// moment content.Load says so (content.Options.LettingGo: more page
// files than holdText; never in a Session, which keeps the text), when a
// memory limit is set (loa build sets one: runtime/debug.SetMemoryLimit).
// b.unpace puts the percent back (run calls it as it returns). Nothing is
// raised without a memory limit, with the collector off, or a second time
// in one build.
//
// Letting the text go makes the live heap smaller, and the collector, which
// lets the heap grow by a percent of what is live before it collects
// again, then collects more often for the same work: at 10,000 pages per
// language made to let the text go (holdText lowered), 58 collections
// against 36 holding it, and 5–9 % more user CPU; with the percent
// doubled, 15 % less user CPU than holding the text, at the same peak
// memory. The memory limit still caps the heap: at 100,000 pages per
// language it, not the percent, sets when the collector runs (no change
// there), and the build stays within it (the limit is soft: a build whose
// live data alone needs more still runs, collecting more).
func (b *builder) paceCollector() {
	if b.unpace != nil || debug.SetMemoryLimit(-1) == math.MaxInt64 {
		return
	}
	paced.Lock()
	defer paced.Unlock()
	if paced.n == 0 {
		prev := debug.SetGCPercent(-1) // (read; set again below)
		if prev < 0 {
			return // off: nothing to raise
		}
		paced.prev = prev
		debug.SetGCPercent(prev * lessCollecting)
	}
	paced.n++
	b.unpace = func() {
		paced.Lock()
		defer paced.Unlock()
		if paced.n--; paced.n == 0 {
			debug.SetGCPercent(paced.prev)
		}
	}
}

// unpaceCollector puts back the collector's percent that paceCollector
// raised, if it did.
func (b *builder) unpaceCollector() {
	if b.unpace != nil {
		b.unpace()
		b.unpace = nil
	}
}
