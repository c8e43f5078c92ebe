package build

import (
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"
)

// Heap profiles for measuring what a build holds (issue 17), written only
// when the environment asks; loa build's -memprofile writes one after the
// build, when most of it is gone:
//
//   - LOA_HEAPPROFILE_MID=FILE: once half of the pages are rendered, after
//     a collection (in-use figures are what is live per page while pages
//     render, which the collector marks on each cycle);
//   - LOA_HEAPPROFILE_RENDERED=FILE: after a collection, when every page
//     is rendered and the cross-page checks are about to run (the most
//     pages' check data is held);
//   - LOA_HEAPPROFILE_END=FILE: after a collection, when the generated
//     pages are written and the search index is about to be made (what
//     the end of a build holds besides the index);
//   - LOA_HEAPPROFILE_PEAK=FILE: rewritten whenever the live heap the last
//     collection found is 5 % above the largest so far (polled every 50
//     ms), so that FILE ends as the profile nearest the build's peak.
type midProfile struct {
	name string
	at   int64
	done atomic.Int64
	once sync.Once
}

// newMidProfile returns the profile hook for a build of n pages, or nil.
func newMidProfile(n int) *midProfile {
	name := os.Getenv("LOA_HEAPPROFILE_MID")
	if name == "" || n == 0 {
		return nil
	}
	return &midProfile{name: name, at: int64(n+1) / 2}
}

// pageDone counts one page rendered and writes the profile at the half.
func (m *midProfile) pageDone() {
	if m == nil || m.done.Add(1) != m.at {
		return
	}
	m.once.Do(func() { writeHeap(m.name, true) })
}

// writeHeap writes a heap profile to name, after a collection when gc.
func writeHeap(name string, gc bool) {
	f, err := os.Create(name)
	if err != nil {
		return
	}
	defer f.Close()
	if gc {
		runtime.GC()
	}
	_ = pprof.WriteHeapProfile(f)
}

// watchPeak starts LOA_HEAPPROFILE_PEAK's watcher; the returned function
// stops it.
func watchPeak() (stop func()) {
	name := os.Getenv("LOA_HEAPPROFILE_PEAK")
	if name == "" {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var peak uint64
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			metrics.Read(s)
			if live := s[0].Value.Uint64(); live > peak+peak/20 {
				peak = live
				writeHeap(name, false)
			}
		}
	})
	return func() { close(done); wg.Wait() }
}

// stageProfile writes the profile that the environment variable env
// names, when it is set (LOA_HEAPPROFILE_RENDERED, LOA_HEAPPROFILE_END).
func stageProfile(env string) {
	if name := os.Getenv(env); name != "" {
		writeHeap(name, true)
	}
}
