package build

import (
	"math"
	"runtime/debug"
	"sync"
	"testing"
)

// gcPercent returns the collector's percent (GOGC) as it is.
func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// TestPaceCollector holds that a build that lets its pages' text go (more
// pages than holdText) runs with the collector's percent raised
// lessCollecting times when a memory limit is set, from the reading of
// its pages on, and puts it back after; that a build holding the text, or
// one without a memory limit, or with the collector off, leaves it as it
// is. (TestHoldText holds that such a build makes the same site.)
func TestPaceCollector(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer func(prev int) { holdText = prev }(holdText)
	defer func() { stagedWrite, afterLoad = nil, nil }()
	for _, c := range []struct {
		name       string
		hold       int
		limit      int64
		percent    int
		wantDuring int
	}{
		{"text let go, limit", 1, 1 << 30, 100, 100 * lessCollecting},
		{"text let go, limit, GOGC=50", 1, 1 << 30, 50, 50 * lessCollecting},
		{"text held, limit", 1 << 20, 1 << 30, 100, 100},
		{"text let go, no limit", 1, math.MaxInt64, 100, 100},
		{"text let go, collector off", 1, 1 << 30, -1, -1},
	} {
		holdText = c.hold
		debug.SetMemoryLimit(c.limit)
		debug.SetGCPercent(c.percent)
		during := map[int]bool{}
		var mu sync.Mutex // (reading the percent sets it for a moment)
		var loaded int
		stagedWrite = func(string) error {
			mu.Lock()
			during[gcPercent()] = true
			mu.Unlock()
			return nil
		}
		afterLoad = func() {
			mu.Lock()
			loaded = gcPercent()
			mu.Unlock()
		}
		if _, _, err := buildTxtar(t, smallSite, Options{}); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		stagedWrite, afterLoad = nil, nil
		if loaded != c.wantDuring {
			t.Errorf("%s: the collector's percent once the pages were read was %d, want %d", c.name, loaded, c.wantDuring)
		}
		if len(during) != 1 || !during[c.wantDuring] {
			t.Errorf("%s: the collector's percent while the site was written was %v, want %d", c.name, during, c.wantDuring)
		}
		if got := gcPercent(); got != c.percent {
			t.Errorf("%s: after the build the collector's percent is %d, want %d as before", c.name, got, c.percent)
		}
		if paced.n != 0 {
			t.Errorf("%s: %d builds still counted as paced", c.name, paced.n)
		}
	}
}
