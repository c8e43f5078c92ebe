package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"hash/crc64"
	"hash/maphash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"github.com/loa-ssg/loa/internal/check"
	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/markdown"
	"github.com/loa-ssg/loa/internal/render"
	"github.com/loa-ssg/loa/internal/search"
	"github.com/loa-ssg/loa/static"
)

// The build cache lets a `loa build` after an edit do work in proportion
// to the edit, as loa serve's incremental rebuild does (incremental.go),
// across runs. After a successful build, loa keeps in CacheDir beside the
// output folder a main file per output folder (<out's name>.cache) and
// recordShards shard files beside it (<out's name>.cache.NN): what each
// Markdown file gave when read, with its stamp (sources.go), what each
// page's Markdown conversion found (its links, headings, numbers, problems,
// what the checks quote of its lines, and its search terms, with a
// checksum of the text it came from) and the
// photos its rendering made smaller (for Result.Images), the key of
// every page and generated page (render.PageKey, ExtraKey, LangKey,
// SitemapKey, hashed with CRC-64 so that they compare across runs), each
// page's render.PageSums and the pages its key read (so that a warm build
// computes again only the page keys that may have changed), the
// owner, size and modification time of every file of the output and the
// modification time of every folder, and the search index's term numbers.
//
// The next build reads the cache first, then the site (a Markdown file
// whose stamp is unchanged is not read: sources.go), then, when the cache
// is trustworthy, works like an incremental rebuild: a page whose
// text, links and key are unchanged is neither converted nor rendered;
// every other file is made in memory and written only when its bytes
// differ from those in the output, in place (no staging folder). Such a
// build writes nothing when the content has errors; otherwise it writes
// the changed files through a rollback journal (commit, journal.go),
// deletes the cache, renames them into place, deletes the files no longer
// made, and writes the cache again. A build stopped in between leaves the
// journal, from which the next build puts the output back as it was
// before (rollBack), and no cache, so that build is a whole one.
//
// The cache is used only when every input it does not track is the same:
// loa's version (and a checksum of its executable), the templates, the static files,
// site.yaml, search.yaml, the attachments and other files under content/
// (by size and time), the build options that change output (--base-url,
// --drafts, --portable) and the day (the build time shows in printouts and
// reviews). When only the site's own inputs changed (site.yaml,
// search.yaml, an attachment, the day) the build builds everything without
// a word: that is an ordinary edit. A cache that is damaged, made by
// another loa or with other templates, static files or options, or an
// output folder changed since (a file's size or time, a folder's time) is
// not trusted: the build warns and builds everything.
// Deleting the cache is always safe.

// CacheDir is the folder, beside the output folder, that holds loa build's
// cache (see the comment above): for --out public, .loa-cache/public.cache.
// It is safe to delete.
const CacheDir = ".loa-cache"

// cacheMagic starts every cache file, then cacheFormat's version.
const (
	cacheMagic  = "loa build cache\n"
	cacheFormat = 17 // 17: a shard's strings written again as references (cachecodec.go); 16: the search postings of each language (cachepost.go)
)

// The cache file's checksum, over all of it after the header: CRC-32C
// (Castagnoli), which the processor computes (SHA-256 was a twentieth
// of a warm build at 10,000 pages per language). It finds damage, not
// forgery: whoever can write the cache can write the output too.
const cacheSumSize = crc32.Size

func newCacheSum() hash.Hash { return crc32.New(castagnoli) }

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// The records and sources are kept in recordShards files beside the
// main one (<out>.cache.00 …), by a checksum of their file's path, so
// that a build after an edit writes again only the shards that hold
// something new: the main file holds each shard's size and checksum
// (shardRef), and is deleted before any shard is written and written
// last, so a build stopped in between leaves no main file (the next
// build is whole) and a shard changed since is found damaged.
const recordShards = 128

// shardRef is a shard file as the main file knows it.
type shardRef struct {
	Sum              uint32 // CRC-32C of the file
	Size             int64
	Records, Sources int // how many of each it holds
}

// shardData is what a shard file holds: frames of one record or one
// source each (cachecodec.go), or, in a terms shard, of one page's terms
// each. A cold build writes a page's record as each page is done
// (shardStreams) and the Sources last; a warm build writes a shard again
// at once.
type shardData struct {
	Records []fileRecord
	Sources []fileSource
	Terms   []fileTerms
}

// The pages' search terms (search.Analyzed as GobEncode writes it, about
// two thirds of the cache's bytes) are kept apart from their records, in
// terms shards per language: <out>.cache.NN.<language>, holding the terms
// of the pages of that language whose records are in shard NN, in the
// order of the site's pages. A warm build reads a language's terms only
// when it makes that language's search index again (loadTerms), and a
// shard's when it writes that shard again with some page's terms
// unchanged. The main file holds each terms shard's size and checksum
// (cacheState.TermShards); a terms shard found damaged when it is read
// makes the build start again as a whole one, with a warning
// (errDamaged), as nothing is written before commit.

// fileTerms is a page's search terms, with its page file, as a terms
// shard holds them.
type fileTerms struct {
	File  string
	Terms []byte
}

// termsPath returns the terms shard k of the language lang of the cache
// of the output folder out.
func termsPath(out string, k int, lang string) string { return shardPath(out, k) + "." + lang }

type fileSource struct {
	File   string
	Source cachedSource
}

// shardOf returns the shard (0 to recordShards-1) that holds the record
// and source of file, a page's or Markdown file's path.
// (file's bytes are read in place: a copy of each name, ~8 MB of fresh
// memory in a warm build at 10,000 pages per language, where it is asked
// several times per page; crc32 only reads them)
func shardOf(file string) int {
	return int(crc32.ChecksumIEEE(unsafe.Slice(unsafe.StringData(file), len(file))) % recordShards)
}

func shardPath(out string, k int) string { return fmt.Sprintf("%s.%02d", cachePath(out), k) }

// cachePath returns the cache file of the output folder out.
func cachePath(out string) string {
	return filepath.Join(filepath.Dir(out), CacheDir, filepath.Base(out)+".cache")
}

// errCold says that the cache cannot be used: build everything.
var errCold = errors.New("build everything")

// cacheState is what the cache file holds.
type cacheState struct {
	Global [32]byte // globalKey of the build
	// Tool is the part of Global that a communicator's edits do not
	// change (loa, templates, static files, build options): a cache whose
	// Global differs but whose Tool is the same is out of date because of
	// an ordinary edit (a photo added, site.yaml, a new day), and is set
	// aside without a warning.
	Tool [32]byte
	// records holds each page's record by page file, sources each
	// Markdown file as read (sources.go), by source-relative path: both
	// in the shard files (see recordShards).
	// (pointers into the shards as decoded: a record is ~400 bytes, and
	// copying 20,000 of them into maps was a tenth of reading the cache)
	records map[string]*cachedRecord
	sources map[string]*cachedSource
	Shards  []shardRef
	// TermShards holds by language its terms shards, as the main file
	// knows them (Records: how many pages' terms each holds).
	TermShards map[string][]shardRef
	// terms holds by language the terms shards read so far (nil: not
	// read), by shard (loadTerms, termShard).
	terms  map[string][][]fileTerms
	Keys   map[string]uint64     // by owner, as detKey writes them
	Files  map[string]cachedFile // every file of the output (slash path) → owner, stamp
	Dirs   map[string]int64      // every folder ("" the output) → modification time (ns)
	World  uint64                // detWorld
	Phones []string              // render.CallNumbers
	DirKey uint64                // detDirectoryKey
	Dict   []string              // the search Dict's names
	// SearchKeys holds per language a checksum of what its search index
	// is made from (searchKeys).
	SearchKeys map[string]uint64
	// SearchDocs holds per language the documents of its search index in
	// their order (searchKeys), so that a warm build can make it again
	// from the changed ones (search.UpdateWith).
	SearchDocs map[string][]searchDoc
	// LoadKey is the loadKey of the build: Sources are good for a build
	// with the same one.
	LoadKey [32]byte
	// ExtraDiags says that some problem was reported in the templates:
	// generated pages are then all rendered again, so that none is lost.
	ExtraDiags bool
	// What lets a warm build compute again only the page keys that may
	// have changed (staleKeysOf): the pages' files in the build's order,
	// each one's render.PageSums (own, place) and the pages its key read
	// (render.PageKeyRefs) as indexes into PageFiles (-1: one not found,
	// the key is always computed), and each language's key.
	PageFiles []string
	PageSums  [][2]uint64
	PageRefs  [][]int32
	LangKeys  map[string]uint64
}

// searchDoc is a document of a search index: its docSum and the page it
// is, by its place in the build's pages (PageFiles); -1 for a generated
// page.
type searchDoc struct {
	Sum  uint64
	Page int32
}

type cachedFile struct {
	Owner   string
	Size    int64
	ModTime int64 // ns
	// ChangeTime (ns) and Inode, where the system gives them (see
	// lstatOut; 0 elsewhere): a file changed with its size and time
	// put back (touch -r, cp -p) has another, since nothing sets them
	// back.
	ChangeTime int64
	Inode      uint64
}

// cachedRecord is a pageRecord as the cache keeps it.
type cachedRecord struct {
	Text                                   uint64 // textSum of the page's text
	Path, Lang, Layout, Title, Description string
	Section                                string
	Attachments, Used                      []content.Attachment
	Links                                  []cachedLink
	Diags, RenderDiags                     []diag.Stored
	CheckLinks                             []markdown.Link
	TOC                                    []markdown.Heading
	Numbers                                []markdown.Number
	// AnalyzedSum is the docSum of the page's search terms
	// (search.Analyzed, as GobEncode writes them), which its language's
	// terms shard holds (see termsPath).
	AnalyzedSum uint64
	// Photos holds the photos the page publishes that the build made
	// smaller, so that a warm build that does not render the page again
	// still counts them in Result.Images and Result.ImageBytes.
	Photos []cachedPhoto
	// Location is what check.Page.Locate recorded of the page, for a
	// build that does not read its text (Located: there is one).
	Location check.Location
	Located  bool
}

type cachedLink struct{ Dest, URL, Lang, Err string }

// cachedPhoto is a photo made smaller (see MaxImageWidth): its path under
// content/ and its bytes before and after.
type cachedPhoto struct {
	Path          string
	Before, After int64
}

// fileRecord is a record with its page file, as the cache file holds it.
type fileRecord struct {
	File   string
	Record cachedRecord
}

// writeFileAtomic writes data to name through a temporary file beside
// it and a rename.
func writeFileAtomic(name string, data []byte) error {
	f, err := createTemp(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return placeTemp(f, err, name)
}

// createTemp creates a temporary file beside name (and name's folder if
// it is missing), for placeTemp to put in its place.
func createTemp(name string) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return nil, err
	}
	return os.CreateTemp(filepath.Dir(name), filepath.Base(name)+".tmp-*")
}

// placeTemp closes f (from createTemp) and, when err (how writing it
// went) and closing are nil, renames it to name; otherwise it removes f
// and returns the first error.
func placeTemp(f *os.File, err error, name string) error {
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}

// buildCache is what a build keeps while it runs for the cache it
// writes at the end.
type buildCache struct {
	renderDiags sync.Map // *content.Page → diag.List the rendering added
	written     sync.Map // files a warm build wrote (slash paths) → true
	tool        [32]byte // toolKey of this build (see globalKey)
	// early is the cache as read before loading (nil: none, or not
	// trusted, as earlyDiag says), for Sources; openCache checks the rest.
	early     *cacheState
	earlyDiag *diag.Diagnostic
	started   time.Time // when the build started (sources.go)
	// pageSums and pageRefs are what a warm build found of each page
	// (render.PageSums; the pages its key read, nil: not computed), for
	// saveCache.
	pageSums [][2]uint64
	pageRefs [][]int32
	// world is detWorld, once a warm build has computed it (hasWorld).
	world    uint64
	hasWorld bool
	loadKey  [32]byte // of this build (sources.go)
	stamps   sync.Map // file → fileStamp, taken before reading it
	sources  sync.Map // file → *cachedSource, for the cache written
	fresh    sync.Map // files of sources read in this build → true
	// stored counts the stores into sources (a size for keptSources'
	// map: one grown from nothing to ~20,000 entries rehashed it again
	// and again).
	stored atomic.Int64
	// streams writes the shards of a whole build as its pages are done
	// (nil: saveCache writes them); shardRefs and shardErr are what
	// placing them gave.
	streams   *shardStreams
	shardRefs []shardRef
	termRefs  map[string][]shardRef
	shardErr  error
}

// rendered records the problems rendering p added to those of its
// conversion (nil-safe).
func (c *buildCache) rendered(p *content.Page, l diag.List) {
	if c != nil && len(l) > 0 {
		c.renderDiags.Store(p, slices.Clone(l))
	}
}

func (c *buildCache) renderDiagsOf(p *content.Page) diag.List {
	if c == nil {
		return nil
	}
	if l, ok := c.renderDiags.Load(p); ok {
		return l.(diag.List)
	}
	return nil
}

// textSum is a checksum of a page's text (CRC-64, ECMA).
func textSum(text []byte) uint64 { return content.Checksum(text) }

// detHash is a render.KeyHash that gives the same sums in every run:
// textSum of all that is written (CRC-64, ECMA, with the length), taken
// as it comes through a buffer of detChunk bytes, so that a key of
// hundreds of KB (a list page's names its pages) is not held whole (the
// copies were a tenth of a warm build).
type detHash struct{ s *detState }

type detState struct {
	crc uint64 // of what went through buf so far
	n   int    // bytes written since the last Reset
	buf []byte // what is not in crc yet (cap detChunk)
}

// detChunk is the size of a detHash's buffer: small writes are gathered
// there, since CRC-64 sums short pieces one byte at a time.
const detChunk = 4096

var detTable = crc64.MakeTable(crc64.ECMA)

func newDetHash() detHash {
	return detHash{&detState{buf: make([]byte, 0, detChunk)}}
}

func (d detHash) Write(p []byte) (int, error) {
	s := d.s
	s.n += len(p)
	if len(s.buf)+len(p) > detChunk {
		s.crc = crc64.Update(s.crc, detTable, s.buf)
		s.buf = s.buf[:0]
		if len(p) >= detChunk {
			s.crc = crc64.Update(s.crc, detTable, p)
			return len(p), nil
		}
	}
	s.buf = append(s.buf, p...)
	return len(p), nil
}

func (d detHash) WriteString(s string) (int, error) {
	st := d.s
	st.n += len(s)
	for rest := s; ; {
		k := min(len(rest), detChunk-len(st.buf))
		st.buf = append(st.buf, rest[:k]...)
		if rest = rest[k:]; rest == "" {
			return len(s), nil
		}
		st.crc = crc64.Update(st.crc, detTable, st.buf)
		st.buf = st.buf[:0]
	}
}

func (d detHash) WriteByte(c byte) error {
	s := d.s
	if len(s.buf) == detChunk {
		s.crc = crc64.Update(s.crc, detTable, s.buf)
		s.buf = s.buf[:0]
	}
	s.n++
	s.buf = append(s.buf, c)
	return nil
}

// Sum64 is textSum of all written since the last Reset.
func (d detHash) Sum64() uint64 {
	return crc64.Update(d.s.crc, detTable, d.s.buf) ^ uint64(d.s.n)<<48
}

// Reset empties d for the next sum.
func (d detHash) Reset() { d.s.crc, d.s.n, d.s.buf = 0, 0, d.s.buf[:0] }

// detKeys computes the keys the cache keeps, as incremental.go's but
// with detHash; langs holds each language's.
type detKeys struct {
	r     *render.Renderer
	langs map[string]uint64
}

func newDetKeys(b *builder) *detKeys {
	k := &detKeys{r: b.renderer, langs: map[string]uint64{}}
	for _, lang := range b.res.Languages {
		h := newDetHash()
		b.renderer.LangKey(h, lang)
		k.langs[lang] = h.Sum64()
	}
	return k
}

func (k *detKeys) page(p *content.Page) uint64 {
	h := pooledDetHash()
	defer h.put()
	k.r.PageKey(h, p)
	return h.Sum64() ^ k.langs[p.Lang]
}

// pageRefs is page, with the files of the pages the key read appended
// to refs (render.PageKeyRefs).
func (k *detKeys) pageRefs(p *content.Page, refs []string) (uint64, []string) {
	h := pooledDetHash()
	defer h.put()
	refs = k.r.PageKeyRefs(h, p, refs)
	return h.Sum64() ^ k.langs[p.Lang], refs
}

// sums returns render.PageSums of p: own, place.
func (k *detKeys) sums(p *content.Page) [2]uint64 {
	own, place := pooledDetHash(), pooledDetHash()
	defer own.put()
	defer place.put()
	k.r.PageSums(own, place, p)
	return [2]uint64{own.Sum64(), place.Sum64()}
}

// refIndexes returns refs (page files) as indexes into the pages of b,
// by index; -1 for one not found.
func refIndexes(refs []string, index map[string]int32) []int32 {
	out := make([]int32, len(refs))
	for i, f := range refs {
		j, ok := index[f]
		if !ok {
			j = -1
		}
		out[i] = j
	}
	return out
}

// staleKeysOf tells, for each page of b, whether its key may differ from
// the one the cache st holds (see render.PageSums): nil when every key
// must be computed (pages added, gone, moved in the order, or one whose
// place in lists changed: its dates, tags, weight, path, parent,
// translations…), else true for a page whose own sum changed, that reads
// such a page (PageRefs), whose language's key changed, or the
// directory's section page (whose key reads the directory). sums holds
// each page's PageSums, for the cache written next.
func (b *builder) staleKeysOf(st *cacheState, keys *detKeys) (stale []bool, sums [][2]uint64) {
	pages := b.content.Pages
	sums = make([][2]uint64, len(pages))
	b.forEach(len(pages), func(i int) { sums[i] = keys.sums(pages[i]) })
	if len(st.PageFiles) != len(pages) || len(st.PageSums) != len(pages) || len(st.PageRefs) != len(pages) {
		return nil, sums
	}
	changed := make([]bool, len(pages))
	for i, p := range pages {
		if st.PageFiles[i] != p.File || st.PageSums[i][1] != sums[i][1] {
			return nil, sums
		}
		changed[i] = st.PageSums[i][0] != sums[i][0]
	}
	stale = make([]bool, len(pages))
	for i, p := range pages {
		if old, ok := st.LangKeys[p.Lang]; !ok || old != keys.langs[p.Lang] ||
			changed[i] || p.Kind == content.KindSection && p.Dir == render.DirectorySection {
			stale[i] = true
			continue
		}
		for _, j := range st.PageRefs[i] {
			if j < 0 || int(j) >= len(pages) || changed[j] {
				stale[i] = true
				break
			}
		}
	}
	return stale, sums
}

// sameExtraSince returns incBuild.sameExtra for a warm build from st in
// which every page has the place it had (staleKeysOf returned stale
// slices): render.SameExtraKey, with the pages whose own sum (sums, as
// staleKeysOf returned them) is not st's, for a generated page whose
// language's key is st's. (Computing the keys of the A–Z lists, 10,000
// entries each, was 5 % of a warm build after a body edit.)
func sameExtraSince(st *cacheState, keys *detKeys, pages []*content.Page, sums [][2]uint64) func(*render.Extra) bool {
	changed := map[*content.Page]bool{}
	for i, p := range pages {
		if st.PageSums[i][0] != sums[i][0] {
			changed[p] = true
		}
	}
	isChanged := func(p *content.Page) bool { return changed[p] }
	if len(changed) <= 8 {
		// (asked for each entry of every list: a few pages are compared
		// faster than looked up, and none at once)
		few := slices.Collect(maps.Keys(changed))
		isChanged = func(p *content.Page) bool { return slices.Contains(few, p) }
	}
	return func(e *render.Extra) bool {
		old, ok := st.LangKeys[e.Lang]
		return ok && old == keys.langs[e.Lang] && render.SameExtraKey(e, isChanged)
	}
}

func (k *detKeys) extra(e *render.Extra) uint64 {
	h := pooledDetHash()
	defer h.put()
	k.r.ExtraKey(h, e)
	return h.Sum64() ^ k.langs[e.Lang]
}

// detBuffers keeps detHash states between keys: a build computes tens
// of thousands.
var detBuffers = sync.Pool{New: func() any { return newDetHash().s }}

func pooledDetHash() detHash {
	d := detHash{detBuffers.Get().(*detState)}
	d.Reset()
	return d
}

// put gives d's state back to detBuffers; d must not be used after.
func (d detHash) put() { detBuffers.Put(d.s) }

func (k *detKeys) sitemap() uint64 {
	h := newDetHash()
	k.r.SitemapKey(h)
	return h.Sum64()
}

// detWorld is linkWorld with detHash.
func (b *builder) detWorld() uint64 {
	return b.world(newDetHash())
}

// detDirectoryKey hashes the directory's files as directoryKey does.
func (b *builder) detDirectoryKey() uint64 {
	return b.directorySum(newDetHash())
}

// loaVersion names the loa that runs: its module version and commit when
// known, and a SHA-256 of its executable, so that a loa built again from
// changed code (go run included) does not trust the cache of the one
// before. Worked out once per process.
var loaVersion = sync.OnceValue(func() string {
	var b strings.Builder
	if info, ok := debug.ReadBuildInfo(); ok {
		b.WriteString(info.Main.Path + "@" + info.Main.Version)
		for _, s := range info.Settings {
			if strings.HasPrefix(s.Key, "vcs.") {
				b.WriteString(" " + s.Key + "=" + s.Value)
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			h := sha256.New()
			if _, err := io.Copy(h, f); err == nil {
				fmt.Fprintf(&b, " exe %x", h.Sum(nil))
			}
			f.Close()
		}
	}
	return b.String()
})

// globalKey hashes every input of the build that the cache does not
// track page by page (see the comment at the top). tool hashes the part of
// them that ordinary edits of the site do not change: loa itself, the
// templates, the static files and the build options.
//
// It must not key the cache with an input saved after the build read it
// (a save during a build), which would have the next build trust output
// made from the version before. site.yaml and search.yaml, read by load
// before this runs, are hashed as load read them (configText). The
// site's templates and stylesheets may be read before this runs too (a
// whole build parses the templates in load): one of the site's templates
// or static files whose change time is less than racyMargin before the
// build started, or later, makes global one that no later build matches
// (racyKey), so that the next build builds everything again. The
// attachments and other files under content/ are stamped here before the
// build reads them (it copies them as it writes), so a save after the
// stamp gives the next build another stamp.
func (b *builder) globalKey() (global, tool [32]byte, err error) {
	h := sha256.New()
	field := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	field(fmt.Sprint(cacheFormat))
	field(loaVersion())
	field(b.opts.BaseURL)
	field(fmt.Sprint(b.opts.Drafts, b.opts.Portable))
	limit := b.cache.started.Add(-racyMargin).UnixNano()
	racy := false
	tree := func(fsys fs.FS, root string) error {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if fsys == b.fsys && !racy {
				// (the site's own files; loa's built-in ones cannot change)
				racy = changedSince(filepath.Join(b.source, filepath.FromSlash(p)), limit)
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			field(p)
			field(string(data))
			return nil
		})
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	for _, t := range []struct {
		fsys fs.FS
		root string
	}{{b.opts.Templates, "."}, {b.opts.Static, "."}, {b.fsys, render.Folder}, {b.fsys, static.Folder}} {
		field("\x00tree " + t.root)
		if err := tree(t.fsys, t.root); err != nil {
			return global, tool, err
		}
	}
	h.Sum(tool[:0])
	field(b.opts.Now.In(b.site.Location).Format("2006-01-02"))
	for _, name := range []string{config.File, config.SearchFile} {
		field(name)
		field(b.configText[name])
	}
	// A file's stamp has its change time and inode where the system
	// gives them (statStamp), so that a photo replaced by another of the
	// same size with its time put back (cp -p, exiftool -P) is seen.
	stamp := func(p string) {
		field(p)
		if st, ok := statStamp(filepath.Join(b.source, content.Root, filepath.FromSlash(p))); ok {
			field(fmt.Sprint(st.Size, st.ModTime, st.ChangeTime, st.Inode, st.Device))
		} else if info, err := fs.Stat(b.fsys, path.Join(content.Root, p)); err == nil {
			field(fmt.Sprint(info.Size(), info.ModTime().UnixNano()))
		}
	}
	for _, f := range b.content.Files {
		stamp(f.Path)
	}
	for _, p := range b.content.Pages {
		for _, a := range p.Attachments {
			stamp(a.Path)
		}
	}
	if racy {
		field(racyKey())
	}
	h.Sum(global[:0])
	return global, tool, nil
}

// racyKey returns a string that no other call returns, in this process or
// another: hashed into a key, it makes a key no later build matches.
func racyKey() string {
	return fmt.Sprintf("\x00racy %d %d", time.Now().UnixNano(), racyCount.Add(1))
}

var racyCount atomic.Int64

// changedSince reports whether the file at name (a path on disk) changed
// at limit (ns since 1970) or later, by its change time where the system
// gives one (statStamp), else by its modification time; a file that
// cannot be stat'ed counts as changed.
func changedSince(name string, limit int64) bool {
	if st, ok := statStamp(name); ok {
		return max(st.ModTime, st.ChangeTime) >= limit
	}
	info, err := os.Stat(name)
	return err != nil || info.ModTime().UnixNano() >= limit
}

// cacheUsable reports whether this build may use and write a cache: a
// real build of a site small enough that its pages' text is held
// (holdText), since a warm build holds every record of the cache (a
// whole build streams them: shardStreams).
func (b *builder) cacheUsable() bool {
	return !b.opts.DryRun && !b.opts.NoCache && b.content != nil && len(b.content.Pages) <= holdText
}

// readCache reads the cache of b.out. It returns nil and no warning when
// there is none; nil and a warning when it is damaged or made by another
// format. Whether its Global fits is for openCache to check.
func (b *builder) readCache() (*cacheState, *diag.Diagnostic) {
	file := cachePath(b.out)
	// (mapped, not copied: readMapped)
	data, err := readMapped(file)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return nil, nil // (ENOTDIR: CacheDir is a file, see openCache)
	}
	// damaged names the file of the cache found damaged (the main file
	// or one of its shards).
	damaged := func(file string) (*cacheState, *diag.Diagnostic) {
		d := damagedCache(file)
		return nil, &d
	}
	if err != nil {
		return damaged(file)
	}
	header := fmt.Sprintf("%s%d\n", cacheMagic, cacheFormat)
	if len(data) < len(header)+cacheSumSize || string(data[:len(header)]) != header {
		if bytes.HasPrefix(data, []byte(cacheMagic)) && !bytes.HasPrefix(data, []byte(header)) &&
			bytes.IndexByte(data[len(cacheMagic):], '\n') >= 0 {
			return b.foreignCache(file) // (a whole header of another format)
		}
		return damaged(file)
	}
	// The payload is trusted only once its checksum, over all of it, is
	// right.
	sum, payload := data[len(header):len(header)+cacheSumSize], data[len(header)+cacheSumSize:]
	h := newCacheSum()
	h.Write(payload)
	st := cacheState{}
	if !bytes.Equal(h.Sum(nil), sum) || decodeState(payload, &st) != nil || len(st.Shards) != recordShards {
		return damaged(file)
	}
	// The shards, each checked against the size and checksum the main
	// file gives it.
	shards := make([]shardData, recordShards)
	bad := make([]bool, recordShards)
	// What is decoded stays (the records and sources), but for the
	// files' bytes: the collector is off meanwhile, as each cycle would
	// mark the growing cache again (~6 % of a warm build's CPU at 10,000
	// pages per language; the peak grows by about the shards' bytes; a
	// memory limit, which loa build sets, still holds).
	gc := debug.SetGCPercent(-1)
	// What is decoded from a shard shares its bytes (dec.text: a frame's
	// strings are parts of them, not copies), so each is mapped
	// (readMapped) for as long as the process lives: 22 MB at 10,000
	// pages per language, against ~30 MB of copies of its strings before
	// and, until round 34, a buffer of fresh memory per shard.
	b.forEach(recordShards, func(k int) {
		data, err := readMapped(shardPath(b.out, k))
		ref := st.Shards[k]
		if err != nil || int64(len(data)) != ref.Size || crc32.Checksum(data, castagnoli) != ref.Sum {
			bad[k] = true
			return
		}
		// (each takes a byte at least: no more room than that)
		shards[k].Records = make([]fileRecord, 0, min(ref.Records, len(data)))
		shards[k].Sources = make([]fileSource, 0, min(ref.Sources, len(data)))
		// (a terms frame here would share the buffer)
		bad[k] = decodeShard(data, &shards[k]) != nil || len(shards[k].Terms) > 0
	})
	debug.SetGCPercent(gc)
	if k := slices.Index(bad, true); k >= 0 {
		return damaged(shardPath(b.out, k))
	}
	if b.stopped() {
		return damaged(file)
	}
	nr, ns := 0, 0
	for k := range shards {
		nr += len(shards[k].Records)
		ns += len(shards[k].Sources)
	}
	st.records, st.sources = make(map[string]*cachedRecord, nr), make(map[string]*cachedSource, ns)
	for k := range shards {
		sd := &shards[k]
		for i := range sd.Records {
			st.records[sd.Records[i].File] = &sd.Records[i].Record
		}
		for i := range sd.Sources {
			st.sources[sd.Sources[i].File] = &sd.Sources[i].Source
		}
	}
	return &st, nil
}

func (b *builder) foreignCache(file string) (*cacheState, *diag.Diagnostic) {
	d := diag.Warningf(diag.Position{File: file}, "the build cache was made by another version of loa, or with other templates, static files or build options, so this build does not use it and builds the whole site").
		WithHint("nothing to do: this build writes a new one (the folder %s is always safe to delete)", CacheDir)
	return nil, &d
}

// removeCache deletes the cache of b.out, so that no build trusts it
// while the output changes. None there, or a file where CacheDir goes
// (ENOTDIR, see openCache), is not an error.
func (b *builder) removeCache() error {
	err := removeCacheFile(cachePath(b.out))
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return nil
	}
	return err
}

// removeCacheFile is os.Remove; tests make it fail, as it does in a
// folder loa may not write in (which a test run as root cannot make).
var removeCacheFile = os.Remove

// writeCache writes st as the cache of b.out, through a temporary file
// and a rename.
func (b *builder) writeCache(st *cacheState) error {
	file := cachePath(b.out)
	f, err := createTemp(file)
	if err != nil {
		return err
	}
	// The header, the checksum, then the payload (cachecodec.go),
	// written in pieces as it is encoded (enc.spill); the checksum, over
	// the payload, is put in its place last.
	header := fmt.Sprintf("%s%d\n", cacheMagic, cacheFormat)
	_, err = f.Write(append([]byte(header), make([]byte, cacheSumSize)...))
	h := newCacheSum()
	e := enc{b: make([]byte, 0, 2*spillSize), spill: func(p []byte) {
		h.Write(p)
		if err == nil {
			_, err = f.Write(p)
		}
	}}
	encodeState(&e, st)
	e.spill(e.b)
	if err == nil {
		_, err = f.WriteAt(h.Sum(nil), int64(len(header)))
	}
	return placeTemp(f, err, file)
}

// saveCache writes the cache after a successful build b (cold or warm):
// prev is the state the build started from (nil for a cold one), files
// the output's files with their owners.
func (b *builder) saveCache(global [32]byte, keys *detKeys, pageKeys, sums []uint64, searchKeys map[string]uint64, searchDocs map[string][]searchDoc, prev *cacheState, reused map[string]*cachedRecord, files map[string]string) error {
	st := &cacheState{Global: global, Tool: b.cache.tool,
		Keys:  make(map[string]uint64, len(b.content.Pages)+len(b.renderer.Extras())+1),
		Files: make(map[string]cachedFile, len(files)), Dirs: make(map[string]int64, len(prev.dirsOrNone())),
		World: b.cache.world, Phones: render.CallNumbers(b.site, b.providers), DirKey: b.detDirectoryKey(),
		Dict: b.dict.Names(), SearchKeys: searchKeys, SearchDocs: searchDocs, LoadKey: b.cache.loadKey}
	if !b.cache.hasWorld {
		st.World = b.detWorld()
	}
	var err error
	pages := b.content.Pages
	if pageKeys == nil {
		pageKeys = make([]uint64, len(pages))
	}
	// Each page's sums and the pages its key read, for the next warm
	// build (staleKeysOf): those of this build's keys, or the last
	// cache's for a key not computed again (then the pages are those of
	// the last build, in the same order).
	st.LangKeys = keys.langs
	st.PageFiles = make([]string, len(pages))
	st.PageSums = b.cache.pageSums
	if len(st.PageSums) != len(pages) {
		st.PageSums = make([][2]uint64, len(pages))
		b.forEach(len(pages), func(i int) { st.PageSums[i] = keys.sums(pages[i]) })
	}
	st.PageRefs = make([][]int32, len(pages))
	index := make(map[string]int32, len(pages))
	for i, p := range pages {
		index[p.File] = int32(i)
		st.PageFiles[i] = p.File
	}
	known := b.cache.pageRefs
	b.forEach(len(pages), func(i int) {
		switch {
		case pageKeys[i] == 0:
			var refs []string
			pageKeys[i], refs = keys.pageRefs(pages[i], nil)
			st.PageRefs[i] = refIndexes(refs, index)
		case i < len(known) && known[i] != nil:
			st.PageRefs[i] = known[i]
		default:
			st.PageRefs[i] = []int32{-1} // (not known: computed next time)
		}
	})
	if err := b.ctx.Err(); err != nil {
		return err
	}
	for i, p := range pages {
		st.Keys[pageOwner(p)] = pageKeys[i]
	}
	// The records and sources by shard: a shard holding only what the
	// last cache held (reused records and sources, as many) keeps its
	// file; the others are written again.
	if err := b.removeCache(); err != nil { // no main file while shards change
		return err
	}
	if err := b.savePostings(); err != nil {
		return err
	}
	st.Shards = make([]shardRef, recordShards)
	sources := b.cache.keptSources()
	plan := b.planShards(prev, sources, func(i int) (has, made bool) {
		p := pages[i]
		if _, found := reused[p.File]; found {
			return true, false
		}
		_, found := b.inc.records.Load(p)
		return found, found
	})
	shardErrs := make([]error, recordShards)
	b.forEach(recordShards, func(k int) {
		if b.cache.shardRefs != nil {
			st.Shards[k] = b.cache.shardRefs[k] // written as the pages were done
			return
		}
		if !plan.write[k] {
			st.Shards[k] = prev.Shards[k]
			return
		}
		var sd shardData
		for _, i := range plan.pages[k] {
			p := pages[i]
			fr := fileRecord{File: p.File}
			if r, found := reused[p.File]; found {
				if r == nil { // (let go: see letGoRecords)
					shardErrs[k] = fmt.Errorf("the record of %s was let go, but its shard is written again", p.File)
					return
				}
				fr.Record = *r
			} else {
				v, _ := b.inc.records.Load(p)
				fr.Record = b.cachedOf(i, v.(*pageRecord), sums[i])
			}
			sd.Records = append(sd.Records, fr)
		}
		slices.Sort(plan.sources[k])
		for _, file := range plan.sources[k] {
			sd.Sources = append(sd.Sources, fileSource{file, *sources[file]})
		}
		buf, err := appendShard(nil, &sd)
		if err != nil {
			shardErrs[k] = err
			return
		}
		st.Shards[k] = shardRef{Sum: crc32.Checksum(buf, castagnoli), Size: int64(len(buf)), Records: len(plan.pages[k]), Sources: len(plan.sources[k])}
		shardErrs[k] = writeFileAtomic(shardPath(b.out, k), buf)
	})
	if err := errors.Join(shardErrs...); err != nil {
		return err
	}
	if b.cache.shardRefs != nil {
		st.TermShards = b.cache.termRefs // (written as the pages were done)
	} else if st.TermShards, err = b.saveTerms(prev, plan.pages, reused); err != nil {
		return err
	}
	if err := b.ctx.Err(); err != nil {
		return err
	}
	// The keys a warm build computed already (incBuild.det) are not
	// computed again.
	det := b.inc.det == keys
	for _, e := range b.renderer.Extras() {
		if k, ok := b.inc.extraKeys.Load(e.Path); ok && det {
			st.Keys[extraOwner(e)] = k.(uint64)
		} else {
			st.Keys[extraOwner(e)] = keys.extra(e)
		}
	}
	if det && b.inc.sitemapDone {
		st.Keys[ownerSitemap] = b.inc.sitemapSum
	} else {
		st.Keys[ownerSitemap] = keys.sitemap()
	}
	for _, d := range b.res.Diagnostics {
		if strings.HasPrefix(d.Pos.File, render.Folder+"/") {
			st.ExtraDiags = true
		}
	}
	// Stamps: a file that was not written again keeps its stamp; the
	// others' are taken (a warm build's few: no list of every file).
	var names []string
	for name, owner := range files {
		if prev != nil {
			if old, ok := prev.Files[name]; ok && !b.cache.touched(name) {
				old.Owner = owner
				st.Files[name] = old
				continue
			}
		}
		names = append(names, name)
	}
	stamps := make([]cachedFile, len(names))
	errs := make([]error, max(len(names), 1))
	b.forEach(len(names), func(i int) {
		s, err := lstatOut(filepath.Join(b.out, filepath.FromSlash(names[i])))
		if err != nil {
			errs[i] = err
			return
		}
		stamps[i] = cachedFile{Owner: files[names[i]], Size: s.size, ModTime: s.modTime, ChangeTime: s.changeTime, Inode: s.inode}
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i, name := range names {
		st.Files[name] = stamps[i]
	}
	for name := range files {
		for d := path.Dir(name); ; d = path.Dir(d) {
			if d == "." {
				d = ""
			}
			if _, seen := st.Dirs[d]; seen {
				break
			}
			st.Dirs[d] = 0
			if d == "" {
				break
			}
		}
	}
	// A folder keeps its stamp unless this build may have changed its
	// entries (see movedDirs): the others were checked as they are at its
	// start (outputChanged), and nothing else writes to the output.
	moved := movedDirs(prev, st, b.cache)
	dirs := make([]string, 0, len(moved))
	for d := range st.Dirs {
		if old, ok := prev.dirStamp(d); ok && !moved[d] {
			st.Dirs[d] = old
		} else {
			dirs = append(dirs, d)
		}
	}
	times := make([]int64, len(dirs))
	b.forEach(len(dirs), func(i int) {
		if s, err := lstatOut(filepath.Join(b.out, filepath.FromSlash(dirs[i]))); err == nil {
			times[i] = s.modTime
		} else {
			errs[0] = err
		}
	})
	if errs[0] != nil {
		return errs[0]
	}
	for i, d := range dirs {
		st.Dirs[d] = times[i]
	}
	return b.writeCache(st)
}

// shardPlan is what the cache written at the end holds per shard (see
// recordShards): the pages with a record (by index into the build's
// pages), the sources' files, and whether the shard is written again.
type shardPlan struct {
	pages   [][]int
	sources [][]string
	write   []bool
}

// planShards returns the shardPlan of the cache written after b: record
// says of a page (by index) whether the cache holds a record of it (has) and
// whether this build made that record (made); sources are the sources
// the cache holds (keptSources). A shard is written again when it holds
// a record made or a source read in this build, or when it holds other
// counts than prev's (a page or source added or gone); every shard is
// written when prev is nil or has not every shard. A record that is not
// made comes out of a shard not written again only when it is in prev's
// shard as it was (letGoRecords counts on it).
func (b *builder) planShards(prev *cacheState, sources map[string]*cachedSource, record func(i int) (has, made bool)) shardPlan {
	plan := shardPlan{pages: make([][]int, recordShards), sources: make([][]string, recordShards), write: make([]bool, recordShards)}
	counts := make([][2]int, recordShards)
	for i, p := range b.content.Pages {
		has, made := record(i)
		if !has {
			continue
		}
		k := shardOf(p.File)
		plan.pages[k] = append(plan.pages[k], i)
		counts[k][0]++
		plan.write[k] = plan.write[k] || made
	}
	for file := range sources {
		k := shardOf(file)
		plan.sources[k] = append(plan.sources[k], file)
		counts[k][1]++
		if _, fresh := b.cache.fresh.Load(file); fresh {
			plan.write[k] = true
		}
	}
	for k := range plan.write {
		if prev == nil || len(prev.Shards) != recordShards ||
			prev.Shards[k].Records != counts[k][0] || prev.Shards[k].Sources != counts[k][1] {
			plan.write[k] = true
		}
	}
	return plan
}

// movedDirs returns the folders of the output (as in cacheState.Dirs)
// whose entries a warm build from prev may have changed, when it is to
// save st: the folder of every file it wrote (commit renames a file into
// place), every folder above a file gone (commit removes the folders it
// leaves empty, and the folder above those), the folder above every
// folder new or gone, and the output folder itself. nil when prev is
// nil (a whole build: every folder is new).
func movedDirs(prev, st *cacheState, c *buildCache) map[string]bool {
	if prev == nil {
		return nil
	}
	moved := map[string]bool{"": true}
	parent := func(name string) string {
		if d := path.Dir(name); d != "." {
			return d
		}
		return ""
	}
	c.written.Range(func(f, _ any) bool {
		moved[parent(f.(string))] = true
		return true
	})
	for f := range prev.Files {
		if _, ok := st.Files[f]; !ok {
			for d := parent(f); d != ""; d = parent(d) {
				moved[d] = true
			}
		}
	}
	for d := range st.Dirs {
		if _, ok := prev.Dirs[d]; !ok && d != "" {
			moved[parent(d)] = true
		}
	}
	for d := range prev.Dirs {
		if _, ok := st.Dirs[d]; !ok && d != "" {
			moved[parent(d)] = true
		}
	}
	return moved
}

// dirsOrNone returns st.Dirs (nil-safe).
func (st *cacheState) dirsOrNone() map[string]int64 {
	if st == nil {
		return nil
	}
	return st.Dirs
}

// dirStamp returns the stamp st holds for the output's folder d (nil-safe).
func (st *cacheState) dirStamp(d string) (int64, bool) {
	if st == nil {
		return 0, false
	}
	t, ok := st.Dirs[d]
	return t, ok
}

// cachedOf returns the record the cache keeps of the page pages[i], done
// by this build as r, whose terms have the docSum sum.
func (b *builder) cachedOf(i int, r *pageRecord, sum uint64) cachedRecord {
	p := b.content.Pages[i]
	c := toCached(r, b.cache.renderDiagsOf(p))
	c.AnalyzedSum = sum
	c.Photos = b.photosOf(r)
	if i < len(b.checked) && b.checked[i].Page == p {
		c.Location, c.Located = b.checked[i].Location()
	}
	return c
}

func toCached(r *pageRecord, renderDiags diag.List) cachedRecord {
	c := cachedRecord{Text: textSum(r.text), Path: r.path, Lang: r.lang, Layout: r.layout, Title: r.title,
		Description: r.description, Section: r.section, Attachments: r.attachments, Used: r.used,
		CheckLinks: r.checkLinks.Links, TOC: r.checkLinks.TOC, Numbers: r.checkLinks.Numbers}
	for _, l := range r.links {
		c.Links = append(c.Links, cachedLink{l.dest, l.url, l.lang, l.err})
	}
	for _, d := range r.diags {
		c.Diags = append(c.Diags, d.Stored())
	}
	for _, d := range renderDiags {
		c.RenderDiags = append(c.RenderDiags, d.Stored())
	}
	return c
}

// record sets r to c as a pageRecord for p, whose text it was made from.
// (r is the caller's: a warm build asks it of every page it may reuse,
// and a pageRecord made on the heap for each was ~20 MB of fresh memory
// at 10,000 pages per language.)
func (c *cachedRecord) record(p *content.Page, r *pageRecord) {
	*r = pageRecord{text: p.Text, path: c.Path, lang: c.Lang, layout: c.Layout, title: c.Title,
		description: c.Description, section: c.Section, attachments: c.Attachments, used: c.Used}
	r.checkLinks.Links, r.checkLinks.TOC, r.checkLinks.Numbers = c.CheckLinks, c.TOC, c.Numbers
	if len(c.Links) > 0 {
		r.links = make([]resolved, len(c.Links))
		for i, l := range c.Links {
			r.links[i] = resolved{l.Dest, l.URL, l.Lang, l.Err}
		}
	}
	r.diags = storedDiags(c.Diags)
	r.hasErrors = r.diags.HasErrors()
}

// photosOf returns the photos the page of r publishes (its attachments
// and the files it links) that the build made smaller. The page was
// rendered in this build, so they are processed already.
func (b *builder) photosOf(r *pageRecord) []cachedPhoto {
	var photos []cachedPhoto
	for _, list := range [][]content.Attachment{r.attachments, r.used} {
		for _, a := range list {
			if !isPhoto(a.Path) || slices.ContainsFunc(photos, func(c cachedPhoto) bool { return c.Path == a.Path }) {
				continue
			}
			if img := b.image(a.Path); img.data != nil {
				photos = append(photos, cachedPhoto{a.Path, img.before, img.after})
			}
		}
	}
	return photos
}

// countPhotos sets Result.Images and ImageBytes of a warm build as a cold
// build counts them (each photo made smaller once, whichever pages publish
// it): those this build processed, and those of the pages it reused
// (records, nil for a page rendered) that it did not process.
func (b *builder) countPhotos(records []*cachedRecord) {
	count, before, after := b.imgCount.Load(), b.imgBefore.Load(), b.imgAfter.Load()
	seen := map[string]bool{}
	b.imgs.mu.Lock()
	for rel := range b.imgs.m {
		seen[rel] = true
	}
	b.imgs.mu.Unlock()
	for _, c := range records {
		if c == nil {
			continue
		}
		for _, ph := range c.Photos {
			if !seen[ph.Path] {
				seen[ph.Path] = true
				count++
				before += ph.Before
				after += ph.After
			}
		}
	}
	b.res.Images, b.res.ImageBytes = int(count), [2]int64{before, after}
}

func storedDiags(s []diag.Stored) diag.List {
	if len(s) == 0 {
		return nil
	}
	l := make(diag.List, len(s))
	for i := range s {
		l[i] = s[i].Diagnostic()
	}
	return l
}

// outputChanged reports a file or folder of the output whose stamp is
// not the one st recorded ("" when none; a folder ends in "/", the output
// folder itself is "/"): the first in name order of the files, else of
// the folders. When it is gone, the highest folder gone with it is named
// instead ("en/plan/" after rm -rf out/en/plan), as the editor did it.
func (b *builder) outputChanged(st *cacheState) string {
	names := slices.Collect(maps.Keys(st.Files))
	bad := make([]bool, len(names))
	b.forEach(len(names), func(i int) {
		f := st.Files[names[i]]
		s, err := lstatOut(filepath.Join(b.out, filepath.FromSlash(names[i])))
		bad[i] = err != nil || !s.regular || s.size != f.Size || s.modTime != f.ModTime || s.changeTime != f.ChangeTime || s.inode != f.Inode
	})
	if first, ok := firstBad(names, bad, ""); ok {
		return b.goneFrom(first)
	}
	dirs := slices.Collect(maps.Keys(st.Dirs))
	bad = make([]bool, len(dirs))
	b.forEach(len(dirs), func(i int) {
		s, err := lstatOut(filepath.Join(b.out, filepath.FromSlash(dirs[i])))
		bad[i] = err != nil || !s.dir || s.modTime != st.Dirs[dirs[i]]
	})
	if first, ok := firstBad(dirs, bad, "/"); ok {
		return b.goneFrom(first)
	}
	return ""
}

// firstBad returns the first in name order of the names whose bad is
// true, with suffix, and true; false when none is. (The output folder's
// own name is "".)
func firstBad(names []string, bad []bool, suffix string) (string, bool) {
	first := -1
	for i, n := range names {
		if bad[i] && (first < 0 || n < names[first]) {
			first = i
		}
	}
	if first < 0 {
		return "", false
	}
	return names[first] + suffix, true
}

// goneFrom returns name (slash-separated, relative to the output; a
// folder ends in "/") or, when it is gone, the highest of its folders
// gone with it, as a folder name.
func (b *builder) goneFrom(name string) string {
	if _, err := os.Lstat(filepath.Join(b.out, filepath.FromSlash(name))); !errors.Is(err, fs.ErrNotExist) {
		return name
	}
	for dir := path.Dir(strings.TrimSuffix(name, "/")); dir != "."; dir = path.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(b.out, filepath.FromSlash(dir))); !errors.Is(err, fs.ErrNotExist) {
			break
		}
		name = dir + "/"
	}
	return name
}

// touched reports whether the warm build wrote or deleted file (nil-safe).
func (c *buildCache) touched(file string) bool {
	if c == nil {
		return false
	}
	_, ok := c.written.Load(file)
	return ok
}

// warm builds from the cache st, as the comment at the top says. It
// returns errCold, having added no diagnostic, when the cache turns out
// not to fit.
func (b *builder) warm(ctx context.Context, global [32]byte, st *cacheState) error {
	if !slices.Equal(render.CallNumbers(b.site, b.providers), st.Phones) {
		return errCold // every page's call links would change
	}
	if !hasMarker(b.out) {
		return errCold
	}
	// One warm build at a time writes into an output folder; another
	// one meanwhile builds from nothing into its own staging folder.
	unlock, err := LockDir(filepath.Dir(cachePath(b.out)))
	if err != nil {
		return errCold
	}
	defer unlock()
	// The renderer (render.New, a tenth of this build's CPU, on one
	// core) is made beside the check of the output, which waits on the
	// system for every file's stamp.
	b.startRenderer()
	if changed := b.outputChanged(st); changed != "" {
		name := filepath.Join(b.out, filepath.FromSlash(changed))
		if strings.HasSuffix(changed, "/") {
			name += string(filepath.Separator) // a folder, as the reader should see
		}
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			b.res.Diagnostics.Add(diag.Warningf(diag.Position{File: name},
				"this file or folder of the output was deleted since the last build, so this build does not use the build cache and builds the whole site").
				WithHint("nothing to do: this build puts it back (the output folder is made again at every build)"))
			return errCold
		}
		b.res.Diagnostics.Add(diag.Warningf(diag.Position{File: name},
			"this file or folder of the output was changed since the last build, so this build does not use the build cache and builds the whole site").
			WithHint("the output folder is made again at every build: change the site in content/, templates/ or static/ instead"))
		return errCold
	}
	if err := b.made(); err != nil {
		return err
	}
	ib := b.inc
	keys := newDetKeys(b)
	b.dict = search.NewDictOf(st.Dict)
	b.workers = b.newWorkers()
	b.renderer.SetAssets(b.assets)
	ib.renderer, ib.langKeys = b.renderer, b.langKeys()
	b.cache.world, b.cache.hasWorld = b.detWorld(), true // (for saveCache: the pages do not change)
	relink := b.cache.world != st.World
	// The state of the last build in the terms of this run's keys: an
	// owner whose key is unchanged gets the key it has now.
	// (the keys of the generated pages and sitemap.xml: the cache's, each
	// computed once, when writeExtras and writeSiteFiles ask for it)
	prev := &incState{keys: map[string]uint64{}}
	ib.prev, ib.det = prev, keys
	ib.export = b.detDirectoryKey() == st.DirKey
	if !st.ExtraDiags {
		for _, e := range b.renderer.Extras() {
			if old, ok := st.Keys[extraOwner(e)]; ok {
				prev.keys[extraOwner(e)] = old
			}
		}
	}
	if old, ok := st.Keys[ownerSitemap]; ok {
		prev.keys[ownerSitemap] = old
	}
	b.inPlace, b.staging, b.pending = true, b.out, map[string][]byte{}
	defer func() { b.inPlace, b.staging, b.pending = false, "", nil }()

	ib.setPhase(phaseStatic)
	if err := b.copyStatic(); err != nil {
		return err
	}
	if err := b.writeFile(b.css.path, b.css.data); err != nil {
		return err
	}
	pages := b.content.Pages
	checked := make([]check.Page, len(pages))
	analyzed := make([]search.Analyzed, len(pages))
	diags := make([]diag.List, len(pages))
	errs := make([]error, len(pages))
	rendered := make([]bool, len(pages))
	reused := make([]*cachedRecord, len(pages))
	pageKeys := make([]uint64, len(pages))
	sums := make([]uint64, len(pages))
	// Keys computed again only where they may have changed.
	stale, pageSums := b.staleKeysOf(st, keys)
	if stale != nil {
		ib.sameExtra = sameExtraSince(st, keys, pages, pageSums)
	}
	b.cache.pageSums = pageSums
	b.cache.pageRefs = make([][]int32, len(pages))
	index := make(map[string]int32, len(pages))
	for i, p := range pages {
		index[p.File] = int32(i)
	}
	b.renderingProgress(len(pages))
	ib.setPhase(phasePages)
	b.forEach(len(pages), func(i int) {
		p := pages[i]
		checked[i].Page = p
		// A page loaded from the cache's Sources has no text yet: its
		// checksum says whether the record fits.
		sum, known := p.TextSum()
		if !known {
			if err := p.ReadText(b.fsys); err != nil {
				errs[i] = err
				return
			}
			sum = textSum(p.Text)
		}
		if c := st.records[p.File]; c != nil && c.Text == sum && c.AnalyzedSum != 0 {
			var r pageRecord
			if c.record(p, &r); r.reusable(b, p, relink) {
				checked[i].Links, checked[i].TOC, checked[i].Numbers = r.checkLinks.Links, r.checkLinks.TOC, r.checkLinks.Numbers
				if c.Located {
					checked[i].Relocate(c.Location, b.fsys)
				} else if err := p.ReadText(b.fsys); err != nil {
					errs[i] = err
					return
				}
				diags[i] = r.diags // (analyzed[i]: its terms, decoded when needed)
				// (r is not kept in ib.records: nothing of this build
				// reads it there, and the 20,000 records would stay live
				// to the end, where the heap is at its largest)
				if old, ok := st.Keys[pageOwner(p)]; ok && stale != nil && !stale[i] {
					pageKeys[i] = old // (its key is the cache's)
					b.cache.pageRefs[i] = st.PageRefs[i]
				} else {
					var refs []string
					pageKeys[i], refs = keys.pageRefs(p, nil)
					b.cache.pageRefs[i] = refIndexes(refs, index)
				}
				if old, ok := st.Keys[pageOwner(p)]; ok && old == pageKeys[i] {
					diags[i] = append(diags[i], storedDiags(c.RenderDiags)...)
					reused[i] = c
					sums[i] = c.AnalyzedSum
					return
				}
			}
		}
		if err := p.ReadText(b.fsys); err != nil {
			errs[i] = err
			return
		}
		w := b.workers.Get().(*worker)
		defer b.workers.Put(w)
		cv := b.convert(w, &checked[i], &analyzed[i])
		ib.converted(b, &checked[i], &analyzed[i], cv)
		sums[i] = docSum(&analyzed[i])
		diags[i] = cv.diags
		if cv.diags.HasErrors() {
			return
		}
		rendered[i] = true
		diags[i], errs[i] = b.renderPage(p, cv)
		b.cache.rendered(p, diags[i][len(cv.diags):])
		checked[i].Locate(b.fsys) // for the cache, as a cold build does
	})
	b.end("reuse")
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for i, p := range pages {
		b.res.Diagnostics.Append(diags[i])
		b.res.Pages[p.Lang]++
	}
	b.countPhotos(reused)
	reusedByFile, olds, isReused := b.letGoRecords(st, reused, rendered)
	b.checked = checked
	b.warnUnlinked()
	// The site-wide checks, which read only checked, run beside the
	// generated pages and the search indexes (nothing reaches the output
	// before commit: b.pending), for the build's wall time. Their
	// problems go where they went when they ran first; an error among
	// them stops the build as it did then, with the Result it had then
	// (fail).
	checkAt, pageCounts := len(b.res.Diagnostics), maps.Clone(b.res.Pages)
	checks := make(chan diag.List, 1)
	go func() { checks <- check.Run(b.site, checked) }()
	var found diag.List
	joined := false
	join := func() bool {
		if !joined {
			found, joined = <-checks, true
			b.res.Diagnostics = insertChecks(b.res.Diagnostics, checkAt, found)
		}
		return b.res.Diagnostics[:checkAt+len(found)].HasErrors()
	}
	defer join() // (never left running)
	fail := func(err error) error {
		if join() {
			b.res.Diagnostics, b.res.Pages = b.res.Diagnostics[:checkAt+len(found)], pageCounts
			return ErrContent
		}
		return err
	}
	if b.res.Diagnostics.HasErrors() {
		return fail(ErrContent)
	}
	kept := make(map[string]bool, len(pages)+1) // (sized: see files below)
	kept[ownerExport] = ib.export
	for i, p := range pages {
		if !rendered[i] {
			kept[pageOwner(p)] = true
		}
	}
	ib.setPhase(phaseExtras)
	counts := maps.Clone(b.res.Pages)
	extraDocs, err := b.writeExtras()
	if err != nil {
		return fail(err)
	}
	b.res.Pages = counts
	for _, e := range b.renderer.Extras() {
		b.res.Pages[e.Lang]++
	}
	ib.keepsSitemap()
	ib.kept.Range(func(k, _ any) bool {
		kept[k.(string)] = true
		return true
	})
	if b.outputs != nil {
		for f, c := range st.Files {
			if kept[c.Owner] {
				b.outputs.add(f)
			}
		}
	}
	ib.setPhase(phaseSite)
	if err := b.writePrintouts(); err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	ib.setPhase(phaseSearch)
	b.analyzed, b.extraDocs = analyzed, extraDocs
	keptSearch := map[string]bool{}
	searchKeys, searchDocs := b.searchKeys(pages, analyzed, sums, extraDocs)
	for lang, key := range searchKeys {
		if old, ok := st.SearchKeys[lang]; ok && old == key {
			keptSearch[lang] = true
		}
	}
	keptFile := func(f string, c cachedFile) bool {
		if c.Owner == ownerSearch {
			lang, _, _ := strings.Cut(strings.TrimPrefix(f, render.SearchFolder+"/"), "/")
			return keptSearch[lang]
		}
		return kept[c.Owner]
	}
	// The terms of the pages reused, for the indexes made again: only
	// those languages' terms shards are read.
	// Those updated from their postings read only the terms shards of
	// the pages that changed.
	plans, err := b.postPlans(st, searchDocs, keptSearch, isReused)
	if err != nil {
		return fail(err)
	}
	var remade []string
	for _, lang := range b.res.Languages {
		if !keptSearch[lang] && plans[lang] == nil {
			remade = append(remade, lang)
		}
	}
	terms, err := b.loadTerms(st, remade)
	if err != nil {
		return fail(err)
	}
	if err := b.loadBefore(st, plans, searchDocs, terms); err != nil {
		return fail(err)
	}
	b.forEach(len(pages), func(i int) {
		if isReused[i] && !keptSearch[pages[i].Lang] && plans[pages[i].Lang] == nil {
			t, ok := terms[pages[i].File]
			if !ok { // (its sum is not checked: the shard's is)
				errs[i] = &errDamaged{damagedCache(termsPath(b.out, shardOf(pages[i].File), pages[i].Lang))}
				return
			}
			errs[i] = analyzed[i].GobDecode(t)
		}
	})
	for _, err := range errs {
		if d := (*errDamaged)(nil); errors.As(err, &d) {
			return fail(d)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	updates := b.searchUpdates(st, terms, searchDocs, keptSearch)
	for lang, p := range plans {
		u := updates[lang]
		if u == nil { // (its terms then are not those the cache says)
			return fail(&errDamaged{damagedCache(postTablePath(b.out, lang))})
		}
		u.post = p
	}
	if err := b.writeSearchOf(pages, analyzed, extraDocs, keptSearch, updates); err != nil {
		return fail(err)
	}
	ib.setPhase(phaseSite)
	if b.outputs != nil {
		for f, c := range st.Files {
			if c.Owner == ownerSearch && keptFile(f, c) {
				b.outputs.add(f)
			}
		}
	}
	if join() {
		return fail(ErrContent)
	}
	// The checks are done: what they read of a page reused (its links,
	// headings, numbers and where they are, from its record) is let go
	// before the end of the build, where the heap is at its largest.
	// (cachedOf reads checked[i] of the pages rendered only.)
	for i := range checked {
		if isReused[i] {
			checked[i] = check.Page{Page: checked[i].Page}
		}
	}
	if err := b.writeSiteFiles(); err != nil {
		return err
	}
	if b.res.Diagnostics.HasErrors() {
		return ErrContent
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	b.end("write")
	// The files of the new output: those of owners kept, and those
	// written now.
	// (sized at once: grown from nothing to the output's ~31,000 files at
	// 10,000 pages per language it was rehashed again and again)
	files := make(map[string]string, len(st.Files))
	var gone []string
	for f, c := range st.Files {
		if keptFile(f, c) {
			files[f] = c.Owner
		}
	}
	owners := b.fileOwners(func(o string) bool { return !kept[o] })
	for f, phase := range ib.written {
		files[f] = owners(f, phase)
	}
	for f := range st.Files {
		if _, ok := files[f]; !ok {
			gone = append(gone, f)
		}
	}
	slices.Sort(gone)
	written, err := b.commit(gone)
	if err != nil {
		return err
	}
	b.res.Files, b.res.Unchanged = len(files), len(files)-written
	b.pending = nil
	// A page rendered again whose record came out the same as the one the
	// cache holds (most pages rendered again because another page's title
	// or place changed) counts as reused: its shard need not be written
	// again for it.
	for i, p := range pages {
		if !rendered[i] {
			continue
		}
		old := olds[p.File]
		v, done := ib.records.Load(p)
		if old != nil && done && reflect.DeepEqual(b.cachedOf(i, v.(*pageRecord), sums[i]), *old) {
			reusedByFile[p.File] = old
		}
	}
	if err := b.saveCache(global, keys, pageKeys, sums, searchKeys, searchDocs, st, reusedByFile, files); err != nil {
		b.res.Diagnostics.Add(cacheNotWritten(b.out, err))
	}
	b.end("cache")
	return nil
}

// letGoRecords lets go of the records of st (the last build's) that the
// cache written at the end does not need, after the page loop of a warm
// build: that of a page reused (reused[i], nil when rendered[i] or
// failed) is needed only when its shard is written again (planShards:
// one holding a record made or a source read in this build, or other
// counts); elsewhere it is let go, and with it its shard's records, which
// held ~40 MB live to the end at 10,000 pages per language, where the
// heap is at its largest. It returns the reused pages' records by file
// (nil for one let go: its shard keeps its file), the last records of the
// pages rendered (for saveCache: one that came out the same counts as
// reused), and whether each page was reused; st.records is nil after.
func (b *builder) letGoRecords(st *cacheState, reused []*cachedRecord, rendered []bool) (byFile, olds map[string]*cachedRecord, isReused []bool) {
	pages := b.content.Pages
	// (the shards written again with the records as they are now: a
	// rendered record that comes out the same only makes fewer)
	plan := b.planShards(st, b.cache.keptSources(), func(i int) (has, made bool) {
		if reused[i] != nil {
			return true, false
		}
		_, made = b.inc.records.Load(pages[i])
		return made, made
	})
	byFile, olds, isReused = make(map[string]*cachedRecord, len(pages)), map[string]*cachedRecord{}, make([]bool, len(pages))
	for i, p := range pages {
		switch {
		case reused[i] != nil:
			isReused[i] = true
			if plan.write[shardOf(p.File)] {
				byFile[p.File] = reused[i]
			} else {
				byFile[p.File] = nil
			}
		case rendered[i]:
			if c := st.records[p.File]; c != nil {
				olds[p.File] = c
			}
		}
	}
	st.records = nil
	return byFile, olds, isReused
}

// insertChecks returns l with found inserted at i, as slices.Insert(l, i,
// found...), but in found's array when it has room for l's (the checks'
// list of tens of thousands of problems is then not copied into a new
// one: 11 MB at 10,000 pages per language). found is not used after.
func insertChecks(l diag.List, i int, found diag.List) diag.List {
	if cap(found)-len(found) < len(l) {
		return slices.Insert(l, i, found...)
	}
	return slices.Insert(append(found, l[i:]...), 0, l[:i]...)
}

// searchKeys returns per language a checksum of what its search index is
// made from (the languages, its synonyms and its documents, in the order
// writeSearch gives them), and its documents (searchDoc) in that order.
// sums holds docSum of each page's analysis (0: not known, made here).
func (b *builder) searchKeys(pages []*content.Page, analyzed []search.Analyzed, sums []uint64, extraDocs []*search.Analyzed) (map[string]uint64, map[string][]searchDoc) {
	langs := b.res.Languages
	keys := make([]uint64, len(langs))
	docs := make([][]searchDoc, len(langs))
	extras := b.renderer.Extras()
	b.forEach(len(langs), func(li int) {
		h := newDetHash()
		// Every option, printed (maps in the order of their keys).
		fmt.Fprintf(h, "%#v\x00", b.searchOptions(langs[li]))
		var n [8]byte
		add := func(sum uint64, page int) {
			binary.LittleEndian.PutUint64(n[:], sum)
			h.Write(n[:])
			docs[li] = append(docs[li], searchDoc{sum, int32(page)})
		}
		for i, p := range pages {
			if p.Lang == langs[li] && !p.Draft {
				if i < len(sums) && sums[i] != 0 {
					add(sums[i], i)
				} else if i < len(analyzed) {
					add(docSum(&analyzed[i]), i)
				}
			}
		}
		for i, e := range extras {
			if e.Lang == langs[li] && i < len(extraDocs) && extraDocs[i] != nil {
				add(docSum(extraDocs[i]), -1)
			}
		}
		keys[li] = h.Sum64()
	})
	m := make(map[string]uint64, len(langs))
	d := make(map[string][]searchDoc, len(langs))
	for li, lang := range langs {
		m[lang] = keys[li]
		d[lang] = docs[li]
	}
	return m, d
}

// searchUpdate is what a language's search index is made again from
// (search.UpdateWith): the places of its documents that changed since
// the build before, and what each was then.
type searchUpdate struct {
	changed []int
	before  []search.Analyzed
	post    *postUpdate // (search.UpdateFrom; nil: search.UpdateWith)
}

// maxUpdated is the share of a language's documents above which its
// search index is made again whole rather than updated.
const maxUpdated = 8 // an eighth

// searchUpdates returns, for each language whose search index a warm
// build makes again (not in kept), how to update the index of the build
// before (st), when it can be: the same number of documents, each
// changed one a page whose terms the cache holds (terms, by page file,
// as loadTerms read them), those that give its docSum then, and at most
// 1/maxUpdated of them changed. docs are the documents now (searchKeys).
func (b *builder) searchUpdates(st *cacheState, terms map[string][]byte, docs map[string][]searchDoc, kept map[string]bool) map[string]*searchUpdate {
	ups := map[string]*searchUpdate{}
	for lang, now := range docs {
		then, ok := st.SearchDocs[lang]
		if kept[lang] || !ok || len(then) != len(now) {
			continue
		}
		u := &searchUpdate{}
		for j := range now {
			if now[j].Sum == then[j].Sum {
				continue
			}
			if then[j].Page < 0 || int(then[j].Page) >= len(st.PageFiles) || len(u.changed) >= len(now)/maxUpdated {
				u = nil
				break
			}
			t, ok := terms[st.PageFiles[then[j].Page]]
			var a search.Analyzed
			if !ok || a.GobDecode(t) != nil || docSum(&a) != then[j].Sum {
				u = nil
				break
			}
			u.changed = append(u.changed, j)
			u.before = append(u.before, a)
		}
		if u != nil {
			ups[lang] = u
		}
	}
	return ups
}

// docSum is a checksum of a document as analyzed.
func docSum(a *search.Analyzed) uint64 {
	data, _ := a.GobEncode()
	return textSum(data) | 1 // never 0
}

// commit writes the pending files whose bytes differ from those in the
// output, and deletes the files gone (and the folders they leave empty),
// through a rollback journal (journal.go): the new files are written
// into the journal's folder; only when all are, the cache is deleted,
// the files to be replaced or deleted are kept there too and the list
// of changes is written; then the files are renamed into place and the
// others deleted, and the journal removed. A failure before the renames
// leaves the output as it was; a failure during them puts it back as it
// was; a build stopped during them (killed) leaves the journal, and the
// next build puts the output back first (rollBack). It returns how many
// files it wrote.
func (b *builder) commit(gone []string) (int, error) {
	names := slices.Sorted(maps.Keys(b.pending))
	same := make([]bool, len(names))
	there := make([]bool, len(names))
	b.forEach(len(names), func(i int) {
		full := filepath.Join(b.out, filepath.FromSlash(strings.TrimPrefix(names[i], "/")))
		old, err := os.ReadFile(full)
		same[i] = err == nil && bytes.Equal(old, b.pending[names[i]])
		there[i] = !errors.Is(err, fs.ErrNotExist)
	})
	j := &journal{out: b.out, dir: journalDir(b.out)}
	var data [][]byte // of each entry added or replaced
	for i, name := range names {
		if same[i] {
			continue
		}
		rel := strings.TrimPrefix(name, "/")
		op := opAdd
		if there[i] {
			op = opReplace
		}
		j.entries = append(j.entries, journalEntry{op, rel})
		data = append(data, b.pending[name])
		b.cache.written.Store(rel, true)
	}
	written := len(data)
	for _, f := range gone {
		if _, err := os.Lstat(filepath.Join(b.out, filepath.FromSlash(f))); err == nil {
			j.entries = append(j.entries, journalEntry{opDelete, f})
		}
	}
	if len(j.entries) == 0 {
		return 0, nil
	}
	err := j.prepare(data)
	if err == nil {
		err = b.removeCache()
	}
	if err == nil {
		err = j.keep()
	}
	if err != nil {
		_ = j.discard() // the output is as it was
		return 0, err
	}
	err = j.apply()
	if err == nil {
		err = j.end()
	}
	if err != nil {
		if rerr := j.rollback(); rerr != nil {
			return 0, notKept{fmt.Errorf("%w (and the output could not be put back as it was: %v; the next build does)", err, rerr)}
		}
		return 0, err
	}
	return written, nil
}

func cacheNotWritten(out string, err error) diag.Diagnostic {
	return diag.Warningf(diag.Position{File: cachePath(out)}, "the site is built, but the build cache could not be written, so the next build builds the whole site again: %v", err).
		WithHint("check that loa may write to the folder %s beside the output folder", CacheDir)
}

// openCache decides whether this build keeps a cache, and returns the
// cache to build from when there is one that can be trusted (a warning
// says why not, when it cannot). global is the build's globalKey.
func (b *builder) openCache() (global [32]byte, st *cacheState) {
	if b.cache == nil {
		return global, nil
	}
	var err error
	if b.cacheUsable() {
		if err = cacheFolderWritable(b.out); err != nil {
			// The cache is not used, nor deleted (it cannot be): an old
			// one left there describes an older output, which the output's
			// stamps tell a later build (cacheState.Files).
			dir := filepath.Dir(cachePath(b.out))
			d := diag.Warningf(diag.Position{File: dir},
				"the build cache cannot be kept in this folder (%v), so this build builds the whole site without it", err).
				WithHint("delete %s beside the output folder (it is always safe to delete), or let loa write there; or build with --no-cache", CacheDir)
			if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
				// A file where the cache's folder goes (a writer's
				// trial made one): say so, without Go's words for it.
				d = diag.Warningf(diag.Position{File: dir},
					"%s is a file, not a folder, so the build cache cannot be kept in it; this build builds the whole site without it", CacheDir).
					WithHint("delete the file %s beside the output folder: loa makes the folder itself, and deleting it is always safe", CacheDir)
			}
			b.res.Diagnostics.Add(d)
			b.inc, b.cache = nil, nil
			return global, nil
		}
		global, b.cache.tool, err = b.globalKey()
	}
	if !b.cacheUsable() || err != nil {
		// No cache: what there is describes an older output.
		b.inc, b.cache = nil, nil
		b.dropCache()
		return global, nil
	}
	st, d := b.cache.early, b.cache.earlyDiag
	b.cache.early = nil
	if d != nil {
		b.res.Diagnostics.Add(*d)
	}
	if st != nil && st.Global != global {
		if st.Tool != b.cache.tool {
			_, d := b.foreignCache(cachePath(b.out))
			b.res.Diagnostics.Add(*d)
		}
		st = nil // (the same Tool: out of date after an ordinary edit)
	}
	return global, st
}

// dropCache deletes the cache of b.out and its shards, for a build that
// keeps none: they describe an older output. It leaves them to a warm
// build that holds the cache folder's lock (LockDir), one writing into
// the same output at the same time: deleted under it, its cache would not
// be written, and the warning would blame the folder's permissions. Left,
// a cache is not trusted blindly: a later build checks the output's
// stamps against it (cacheState.Files), and this build's output, put in
// place after, does not match them.
func (b *builder) dropCache() {
	if unlock, err := LockDir(filepath.Dir(cachePath(b.out))); err == nil {
		defer unlock()
	} else if errors.Is(err, syscall.EWOULDBLOCK) {
		return
	}
	if err := b.removeCache(); err != nil {
		b.res.Diagnostics.Add(diag.Warningf(diag.Position{File: cachePath(b.out)},
			"the old build cache could not be deleted (%v); a later build checks it against the output before it uses it", err).
			WithHint("delete the folder %s beside the output folder yourself (it is always safe to delete)", CacheDir))
	}
	for k := range recordShards {
		_ = os.Remove(shardPath(b.out, k))
		for _, lang := range b.res.Languages {
			_ = os.Remove(termsPath(b.out, k, lang))
		}
	}
	removePostings(b.out, b.res.Languages)
}

// cacheFolderWritable returns why the build cache of out cannot be kept
// (CacheDir is a file, or loa may not write in it), or nil: it makes the
// folder when there is none, and a file in it, deleted at once.
func cacheFolderWritable(out string) error {
	f, err := createTemp(filepath.Join(filepath.Dir(cachePath(out)), "probe"))
	if err != nil {
		return err
	}
	return errors.Join(f.Close(), os.Remove(f.Name()))
}

// saveColdCache writes the cache after a successful whole build.
func (b *builder) saveColdCache(global [32]byte) {
	if b.cache == nil {
		return
	}
	owners := b.fileOwners(nil)
	files := make(map[string]string, len(b.inc.written))
	for f, phase := range b.inc.written {
		files[f] = owners(f, phase)
	}
	if b.cache.streams != nil && b.cache.shardRefs == nil {
		err := b.cache.shardErr
		if err == nil {
			err = errors.New("the shards were not written")
		}
		b.res.Diagnostics.Add(cacheNotWritten(b.out, err))
		return
	}
	var sums []uint64
	if b.cache.streams != nil {
		sums = b.cache.streams.sums // (b.analyzed went to the search spool)
	} else {
		sums = make([]uint64, len(b.analyzed))
		b.forEach(len(sums), func(i int) { sums[i] = docSum(&b.analyzed[i]) })
	}
	searchKeys, searchDocs := b.searchKeys(b.content.Pages, b.analyzed, sums, b.extraDocs)
	if err := b.saveCache(global, newDetKeys(b), nil, sums, searchKeys, searchDocs, nil, nil, files); err != nil {
		b.res.Diagnostics.Add(cacheNotWritten(b.out, err))
	}
	b.end("cache")
}

// newCacheBuild prepares b, before load, to record what the cache needs.
func (b *builder) newCacheBuild() {
	b.inc = &incBuild{seed: maphash.MakeSeed(), written: map[string]string{}}
	b.cache = &buildCache{started: time.Now()}
}

// readEarly reads the cache before loading, for its Sources (see
// buildCache.early).
func (b *builder) readEarly() {
	if b.cache != nil && !b.opts.NoCache {
		b.cache.early, b.cache.earlyDiag = b.readCache()
	}
}
