package build

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
)

// What loa build's cache keeps of each Markdown file so that the next
// build neither reads nor parses the files unchanged since: its stamp
// (size, modification and change times, inode and device) and what
// content.Load read from it (content.Parsed). A file whose stamp is the
// one kept is taken as unchanged. The change time (ctime) is set by the
// system at every write and cannot be set back, so a file edited with
// its modification time put back (touch -d, an editor keeping times, a
// copy with cp -p) has another stamp and is read again; a file touched
// without a change is read again, and its page, text the same, reused.
// A stamp is kept only when the file's change time is older than
// racyMargin before the build started: a file changed again within the
// system clock's granularity of the last change could keep its stamp
// (git's "racily clean" files), so such a file is read by the next build
// too. Where no change time can be had (not Linux), every file is read.

// fileStamp says which version of a file the cache saw (see above).
type fileStamp struct {
	Size, ModTime, ChangeTime int64 // bytes, ns since 1970
	Inode, Device             uint64
}

// outStamp is what the cache checks of a file or folder of the output
// (cachedFile, cacheState.Dirs).
type outStamp struct {
	regular, dir              bool
	size, modTime, changeTime int64 // bytes, ns
	inode                     uint64
}

// traceSources, when set (tests), is told of each file not read because
// the cache had it.
var traceSources func(file string)

// racyMargin: a file whose change time is less than this before the
// build started is not stamped (see above). A variable for tests.
var racyMargin = 2 * time.Second

// cachedSource is a Markdown file as the cache keeps it: content.Parsed
// with its diagnostics stored and the time zones of its dates.
type cachedSource struct {
	Stamp       fileStamp
	FrontMatter content.FrontMatter
	Slug        string
	BodyOffset  int
	Sum         uint64
	Failed      bool
	Diags       []diag.Stored
	// Zones are the time zones of FrontMatter.Date and Lastmod, which
	// encoding/gob keeps only as an offset.
	Zones [2]cachedZone
}

// cachedZone is how a time read from front matter is placed: Kind 's' in
// the site's time zone, 'u' in UTC, 'f' a fixed offset (Offset seconds,
// Name) as time.Parse makes for a written offset.
type cachedZone struct {
	Kind   byte
	Name   string
	Offset int
}

func zoneOf(t time.Time, site *time.Location) cachedZone {
	switch t.Location() {
	case site:
		return cachedZone{Kind: 's'}
	case time.UTC:
		return cachedZone{Kind: 'u'}
	}
	name, off := t.Zone()
	return cachedZone{Kind: 'f', Name: name, Offset: off}
}

func (z cachedZone) place(t time.Time, site *time.Location) time.Time {
	switch z.Kind {
	case 's':
		return t.In(site)
	case 'u':
		return t.UTC()
	}
	return t.In(time.FixedZone(z.Name, z.Offset))
}

func toSource(stamp fileStamp, pd content.Parsed, site *time.Location) cachedSource {
	s := cachedSource{Stamp: stamp, FrontMatter: pd.FrontMatter, Slug: pd.Slug, BodyOffset: pd.BodyOffset, Sum: pd.Sum, Failed: pd.Failed,
		Zones: [2]cachedZone{zoneOf(pd.FrontMatter.Date, site), zoneOf(pd.FrontMatter.Lastmod, site)}}
	for _, d := range pd.Diags {
		s.Diags = append(s.Diags, d.Stored())
	}
	return s
}

func (s *cachedSource) parsed(site *time.Location) content.Parsed {
	pd := content.Parsed{FrontMatter: s.FrontMatter, Slug: s.Slug, BodyOffset: s.BodyOffset, Sum: s.Sum, Failed: s.Failed, Diags: storedDiags(s.Diags)}
	pd.FrontMatter.Date = s.Zones[0].place(pd.FrontMatter.Date, site)
	pd.FrontMatter.Lastmod = s.Zones[1].place(pd.FrontMatter.Lastmod, site)
	return pd
}

// loadKey hashes what content.Load's reading of a file depends on
// besides the file: loa and site.yaml (the time zone, the languages), as
// load read it (configText); ok is false when load has not read it.
func (b *builder) loadKey() (key [32]byte, ok bool) {
	h := sha256.New()
	data, ok := b.configText[config.File]
	if !ok {
		return key, false
	}
	for _, s := range []string{fmt.Sprint(cacheFormat), loaVersion(), data} {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	h.Sum(key[:0])
	return key, true
}

// sourceOptions sets Reuse and Keep of content.Options for a build with
// the cache: files whose stamp the cache read before loading (early)
// holds are not read; every file read is kept, with the stamp taken
// before reading it, for the cache written at the end.
func (b *builder) sourceOptions(opts *content.Options) {
	c := b.cache
	if c == nil || b.opts.NoCache || b.opts.DryRun {
		return
	}
	key, ok := b.loadKey()
	if !ok {
		return
	}
	c.loadKey = key
	var known map[string]*cachedSource
	if c.early != nil && c.early.LoadKey == key {
		known = c.early.sources
	}
	loc := b.site.Location
	limit := c.started.Add(-racyMargin).UnixNano()
	opts.Reuse = func(file string) (content.Parsed, bool) {
		stamp, ok := statStamp(filepath.Join(b.source, filepath.FromSlash(file)))
		if !ok {
			return content.Parsed{}, false
		}
		if s := known[file]; s != nil && s.Stamp == stamp {
			c.sources.Store(file, s)
			c.stored.Add(1)
			if traceSources != nil {
				traceSources(file)
			}
			return s.parsed(loc), true
		}
		if stamp.ChangeTime < limit {
			c.stamps.Store(file, stamp)
		}
		return content.Parsed{}, false
	}
	opts.Keep = func(file string, pd content.Parsed) {
		if stamp, ok := c.stamps.Load(file); ok {
			s := toSource(stamp.(fileStamp), pd, loc)
			c.sources.Store(file, &s)
			c.stored.Add(1)
			c.fresh.Store(file, true)
		}
	}
}

// keptSources returns the sources the cache written at the end holds.
func (c *buildCache) keptSources() map[string]*cachedSource {
	m := make(map[string]*cachedSource, c.stored.Load())
	c.sources.Range(func(k, v any) bool {
		m[k.(string)] = v.(*cachedSource)
		return true
	})
	return m
}
