package build

import (
	"bufio"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/loa-ssg/loa/internal/check"
)

// shardStreams writes the shard files of the cache a whole build keeps
// (see recordShards) while the build runs: each page's record is encoded
// into its shard's file as soon as the page is rendered and located
// (check.Page.Locate), and let go, so that the build does not hold every
// page's record (its text, search terms, links and check data) until the
// end: that made a build writing the cache use 4 times the memory of one
// with --no-cache (1.6 GB against 0.4 GB at 10,000 pages per language).
// The files are made in the staging folder (.loa-cache-NN), so that a
// build that fails or is stopped leaves none behind: the staging folder
// goes with it. place adds each shard's sources and renames the files
// beside the main file once the old main file is deleted; the new main
// file, written last (saveCache), is what makes them a cache.
type shardStreams struct {
	dir string // the staging folder
	// shards holds the record shards (0 … recordShards-1), then per
	// language (langs) its terms shards (see termsPath).
	shards []shardStream
	langs  []string
	// sums holds the docSum of each page's search terms, by its index in
	// the site's pages (0: not rendered), for searchKeys.
	sums []uint64
}

// shardStream is one shard file being written: frames (cachecodec.go),
// one per record, through the checksum the main file keeps (shardRef).
type shardStream struct {
	mu      sync.Mutex
	f       *os.File
	w       *bufio.Writer
	buf     []byte // the frames of the value being written
	sum     hash.Hash32
	size    int64
	records int
	err     error // the first failure: the cache is then not written
}

func (s *shardStream) Write(p []byte) (int, error) {
	s.sum.Write(p)
	s.size += int64(len(p))
	return s.w.Write(p)
}

// newShardStreams returns streams into the folder dir for a site of n
// pages in the languages langs. The files are made when their first
// record comes.
func newShardStreams(dir string, n int, langs []string) *shardStreams {
	return &shardStreams{dir: dir, sums: make([]uint64, n), langs: langs, shards: make([]shardStream, recordShards*(1+len(langs)))}
}

// name returns the file of stream k in the staging folder.
func (ss *shardStreams) name(k int) string {
	if k < recordShards {
		return filepath.Join(ss.dir, fmt.Sprintf(".loa-cache-%02d", k))
	}
	return filepath.Join(ss.dir, fmt.Sprintf(".loa-cache-%02d.%s", k%recordShards, ss.langs[k/recordShards-1]))
}

// placed returns where stream k goes beside the main file of out.
func (ss *shardStreams) placed(out string, k int) string {
	if k < recordShards {
		return shardPath(out, k)
	}
	return termsPath(out, k%recordShards, ss.langs[k/recordShards-1])
}

// termsStream returns the stream of the terms shard k of lang.
func (ss *shardStreams) termsStream(k int, lang string) int {
	return (1+slices.Index(ss.langs, lang))*recordShards + k
}

// open makes shard k's file; s.mu is held.
func (ss *shardStreams) open(k int) error {
	s := &ss.shards[k]
	f, err := os.Create(ss.name(k))
	if err != nil {
		return err
	}
	s.f, s.w, s.sum = f, bufio.NewWriterSize(f, 16<<10), crc32.New(castagnoli)
	return nil
}

// encode writes v to shard k, making its file first when needed.
func (ss *shardStreams) encode(k int, v *shardData) error {
	s := &ss.shards[k]
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil && s.f == nil {
		s.err = ss.open(k)
	}
	if s.err == nil {
		s.buf, s.err = appendShard(s.buf[:0], v)
	}
	if s.err == nil {
		_, s.err = s.Write(s.buf)
	}
	return s.err
}

// put encodes the record of page c.Page, the i-th of the site, which
// was rendered and located, into its shard, and lets it go. A failure to
// write fails the cache, not the build (place reports it).
func (ss *shardStreams) put(b *builder, i int, c *check.Page) {
	p := c.Page
	v, ok := b.inc.records.LoadAndDelete(p)
	if !ok {
		return
	}
	r := v.(*pageRecord)
	fr := fileRecord{File: p.File, Record: toCached(r, b.cache.renderDiagsOf(p))}
	b.cache.renderDiags.Delete(p)
	terms, _ := r.analyzed.GobEncode()
	fr.Record.AnalyzedSum = textSum(terms) | 1 // docSum
	ss.sums[i] = fr.Record.AnalyzedSum
	fr.Record.Photos = b.photosOf(r)
	fr.Record.Location, fr.Record.Located = c.Location()
	k := shardOf(p.File)
	for _, put := range []struct {
		k  int
		sd shardData
	}{
		{k, shardData{Records: []fileRecord{fr}}},
		{ss.termsStream(k, p.Lang), shardData{Terms: []fileTerms{{p.File, terms}}}},
	} {
		if ss.encode(put.k, &put.sd) == nil {
			s := &ss.shards[put.k]
			s.mu.Lock()
			s.records++
			s.mu.Unlock()
		}
	}
}

// place ends each record shard with its sources (by file) and renames
// it, and each terms shard, to its place beside the main file of the
// cache of out, which must be deleted already. It returns each record
// shard and, by language, each terms shard as the main file knows them.
// Whatever happens, no file of ss is left open nor in the staging
// folder.
func (ss *shardStreams) place(out string, sources map[string]*cachedSource) ([]shardRef, map[string][]shardRef, error) {
	defer ss.abort()
	bySource := make([][]string, recordShards)
	for file := range sources {
		k := shardOf(file)
		bySource[k] = append(bySource[k], file)
	}
	if err := os.MkdirAll(filepath.Dir(cachePath(out)), 0o755); err != nil {
		return nil, nil, err
	}
	refs := make([]shardRef, len(ss.shards))
	for k := range ss.shards {
		var sd shardData // (a terms shard: nothing more, but made if empty)
		if k < recordShards {
			slices.Sort(bySource[k])
			sd.Sources = make([]fileSource, len(bySource[k]))
			for j, file := range bySource[k] {
				sd.Sources[j] = fileSource{file, *sources[file]}
			}
		}
		if err := ss.encode(k, &sd); err != nil {
			return nil, nil, err
		}
		s := &ss.shards[k]
		err := s.w.Flush()
		if cerr := s.f.Close(); err == nil {
			err = cerr
		}
		s.f = nil
		if err == nil {
			err = os.Rename(ss.name(k), ss.placed(out, k))
		}
		if err != nil {
			_ = os.Remove(ss.name(k))
			s.err = err
			return nil, nil, err
		}
		refs[k] = shardRef{Sum: s.sum.Sum32(), Size: s.size, Records: s.records, Sources: len(sd.Sources)}
	}
	terms := make(map[string][]shardRef, len(ss.langs))
	for li, lang := range ss.langs {
		terms[lang] = refs[(1+li)*recordShards : (2+li)*recordShards]
	}
	return refs[:recordShards], terms, nil
}

// abort closes and removes the files not placed.
func (ss *shardStreams) abort() {
	for k := range ss.shards {
		s := &ss.shards[k]
		s.mu.Lock()
		if s.f != nil {
			_ = s.f.Close()
			_ = os.Remove(ss.name(k))
			s.f = nil
			if s.err == nil {
				s.err = errors.New("not placed")
			}
		}
		s.mu.Unlock()
	}
}

// placeShards places the shards the build streamed (shardStreams.place)
// once the old main file is deleted; a failure is reported by
// saveColdCache, which then writes no main file.
func (c *buildCache) placeShards(out string) {
	if c == nil || c.streams == nil {
		return
	}
	c.shardRefs, c.termRefs, c.shardErr = c.streams.place(out, c.keptSources())
}
