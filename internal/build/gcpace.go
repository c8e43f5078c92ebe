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
// times for the rest of a build that lets its pages' text go (more than
// holdText pages; not Session, which keeps it), when a memory limit is set
// (loa build sets one: runtime/debug.SetMemoryLimit), and returns what
// puts it back; it does nothing (and returns a function that does
// nothing) otherwise, and when the collector is off.
//
// Letting the text go makes the live heap smaller, and the collector, which
// lets the heap grow by a percent of what is live, then collects more often
// for the same work: about twice as often at 30,000 pages per language
// (55 collections against 25 at 10,000). With the text let go at 10,000
// pages per language, that cost 9 % more user CPU than holding it; with the
// percent doubled, 15 % less than holding it, at the same peak memory. The
// memory limit still caps the heap, so that a site of 100,000 pages per
// language stays within it (the limit is soft: a build whose live data
// alone needs more still runs, collecting more).
func (b *builder) paceCollector() (restore func()) {
	if b.keepSources || b.content == nil || len(b.content.Pages) <= holdText ||
		debug.SetMemoryLimit(-1) == math.MaxInt64 {
		return func() {}
	}
	paced.Lock()
	defer paced.Unlock()
	if paced.n == 0 {
		prev := debug.SetGCPercent(-1) // (read; set again below)
		if prev < 0 {
			return func() {} // off: nothing to raise
		}
		paced.prev = prev
		debug.SetGCPercent(prev * lessCollecting)
	}
	paced.n++
	return func() {
		paced.Lock()
		defer paced.Unlock()
		if paced.n--; paced.n == 0 {
			debug.SetGCPercent(paced.prev)
		}
	}
}
