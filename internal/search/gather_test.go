package search

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"slices"
	"sync"
	"testing"
)

// beside runs fns side by side, each on its own goroutine, as the build
// does (search.BuildBeside).
func beside(fns ...func()) {
	var wg sync.WaitGroup
	for _, fn := range fns {
		wg.Go(fn)
	}
	wg.Wait()
}

// wantPairs returns every pair's postings by the plain rule, read from
// each document's terms with eachTerm (not gather's way): how many
// documents have it, and its MaxPairPostings heaviest documents (the
// earlier among equal weights) in document order; in a site of more than
// RarePairs documents, only the pairs in two documents or more.
func wantPairs(docs []Analyzed, opts Options) map[uint64]termPostings {
	all := map[uint64][]posting{}
	var sr spoolReader
	for i := range docs {
		d := &docs[i]
		if d.spool != nil {
			sr.s = d.spool
		}
		eachTerm(sr.terms(d), d.numPassages(), weigherOf(opts, d.sectionKey), func(uint32, wordPost) {}, func(first uint32, p pairPost) {
			key := uint64(first)<<32 | uint64(p.second)
			all[key] = append(all[key], posting{doc: int32(i), weight: p.weight, flags: p.flags})
		})
	}
	want := map[uint64]termPostings{}
	for key, list := range all {
		if len(docs) > RarePairs && len(list) < 2 {
			continue
		}
		heavy := slices.Clone(list)
		slices.SortStableFunc(heavy, func(a, b posting) int { return cmp.Compare(b.weight, a.weight) })
		heavy = heavy[:min(MaxPairPostings, len(heavy))]
		slices.SortFunc(heavy, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
		want[key] = termPostings{df: len(list), list: heavy}
	}
	return want
}

// TestGatherPairs holds the pairs gather gathers to the plain rule
// (wantPairs): in a site above RarePairs documents (pairs counted first,
// those in a single document left out, most lists full so that a posting
// no heavier than a list's lightest is dropped at a glance) and one below
// (every pair kept as it comes), with sections boosted so that weights
// differ; in one pass and side by side (BuildBeside); with the documents
// in memory and most of them in a Spool, in one batch and in many
// (inBatches). The files BuildBeside writes are BuildWith's byte for
// byte.
func TestGatherPairs(t *testing.T) {
	for _, n := range []int{RarePairs + 300, 200} {
		site := newUpdateSite(n, 7)
		dict, docs, opts := site.dict, site.docs, site.opts
		s, err := NewSpool(t.TempDir(), ".spool-")
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		spooled := slices.Clone(docs)
		for i := range spooled {
			if i%7 != 3 { // some stay in memory
				s.Put(&spooled[i])
			}
		}
		want := wantPairs(docs, opts)
		full, weights := 0, map[uint8]bool{}
		for _, tp := range want {
			if tp.df > MaxPairPostings {
				full++
			}
			for _, p := range tp.list {
				weights[p.weight] = true
			}
		}
		if n > RarePairs && (full < 20 || len(weights) < 4 || len(want) < 100) {
			t.Fatalf("%d pairs, %d with full lists, %d weights: the test tests too little", len(want), full, len(weights))
		}
		files := BuildWith(dict, docs, opts)
		for _, c := range []struct {
			name  string
			docs  []Analyzed
			run   func(fns ...func())
			batch int // bytes of terms in a batch (inBatches)
		}{
			{"memory", docs, nil, 0}, {"memory beside", docs, beside, 0},
			{"spool", spooled, nil, 0}, {"spool beside", spooled, beside, 0},
			{"spool beside, small batches", spooled, beside, 3000},
		} {
			t.Run(fmt.Sprintf("%d %s", n, c.name), func(t *testing.T) {
				if c.batch > 0 {
					defer func(b int) { batchBytes = b }(batchBytes)
					batchBytes = c.batch
				}
				g := gather(dict, c.docs, opts, nil, nil, c.run)
				if err := s.Err(); err != nil {
					t.Fatal(err)
				}
				if len(g.pairKeys) != len(want) {
					t.Errorf("%d pairs gathered, want %d", len(g.pairKeys), len(want))
				}
				for k, key := range g.pairKeys {
					w, ok := want[key]
					got := slices.Clone(g.pairList[k].list)
					slices.SortFunc(got, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
					if !ok || g.pairList[k].df != w.df || !slices.Equal(got, w.list) {
						t.Fatalf("pair %d·%d: df %d, %v; want %v (df %d, %v)", key>>32, uint32(key), g.pairList[k].df, got, ok, w.df, w.list)
					}
				}
				got := BuildBeside(c.run, dict, c.docs, opts)
				if !maps.EqualFunc(got, files, bytes.Equal) {
					t.Fatalf("the files differ from BuildWith's on the documents in memory")
				}
			})
		}
	}
}
