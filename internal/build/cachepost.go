package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/loa-ssg/loa/internal/render"
	"github.com/loa-ssg/loa/internal/search"
)

// The postings of a language's search index (search.Postings: every
// document of each word, not only those the index lists) are kept so
// that a warm build updates the index from the sections of the words
// that changed (search.UpdateFrom), reading no other page's terms:
//
//	<out>.cache.post.<lang>      the table: which index the sections
//	                             describe (a SHA-256 of its meta.json),
//	                             which data file holds them, and where
//	                             each word's section is in it, with its
//	                             size and checksum (postTable)
//	<out>.cache.post.<lang>.0|1  the data file: sections one after the
//	                             other
//
// A build that makes a language's index whole writes all its sections
// into the data file the table does not name, then (in saveCache) the
// table. A warm build that updates the index appends the sections that
// changed after the table's end and writes the table again: the
// sections of the table before stay where they were until then. When
// the data file holds more than twice the sections in use (and more
// than postSlack), the next warm build makes the index whole instead,
// which writes a new one. A table that does not describe the output's
// index is not used (the index is made as without it); one that cannot
// be read, or a section whose checksum is wrong, makes the build start
// again as a whole one, with the "cache is damaged" warning.

// postMagic begins a postings table.
const postMagic = "loapost1"

// postSlack is the dead space a data file may hold before it is written
// anew (see above), in bytes.
const postSlack = 1 << 20

// postTable is a language's postings table.
type postTable struct {
	Meta  [32]byte // SHA-256 of the meta.json of the index the sections describe
	Gen   byte     // which data file (0 or 1)
	End   int64    // where the next section goes in it
	Words map[string]postRef
}

// postRef is where a word's section is in the data file.
type postRef struct {
	Off, Len int64
	Sum      uint32 // crc32 (Castagnoli) of the section
}

// postTablePath returns the postings table of lang of the cache of the
// output folder out; postDataPath its data file gen.
func postTablePath(out, lang string) string { return cachePath(out) + ".post." + lang }

func postDataPath(out, lang string, gen byte) string {
	return fmt.Sprintf("%s.%d", postTablePath(out, lang), gen)
}

// live returns the bytes of the data file that t's sections take.
func (t *postTable) live() int64 {
	n := int64(0)
	for _, r := range t.Words {
		n += r.Len
	}
	return n
}

// encode writes t, ending with a checksum of what comes before.
func (t *postTable) encode() []byte {
	b := append([]byte(postMagic), t.Meta[:]...)
	b = append(b, t.Gen)
	b = binary.AppendUvarint(b, uint64(t.End))
	b = binary.AppendUvarint(b, uint64(len(t.Words)))
	for _, w := range slices.Sorted(maps.Keys(t.Words)) {
		r := t.Words[w]
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
		b = binary.AppendUvarint(b, uint64(r.Off))
		b = binary.AppendUvarint(b, uint64(r.Len))
		b = binary.LittleEndian.AppendUint32(b, r.Sum)
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

var errPostTable = errors.New("not a postings table")

// decodePostTable reads a table that encode wrote.
func decodePostTable(data []byte) (*postTable, error) {
	n := len(data) - 4
	if n < len(postMagic)+34 || string(data[:len(postMagic)]) != postMagic ||
		crc32.Checksum(data[:n], castagnoli) != binary.LittleEndian.Uint32(data[n:]) {
		return nil, errPostTable
	}
	b := data[len(postMagic):n]
	t := &postTable{}
	copy(t.Meta[:], b)
	t.Gen, b = b[32], b[33:]
	bad := false
	uv := func() uint64 {
		v, k := binary.Uvarint(b)
		if k <= 0 {
			bad = true
			return 0
		}
		b = b[k:]
		return v
	}
	t.End = int64(uv())
	count := uv()
	if count > uint64(len(b)) || t.Gen > 1 {
		return nil, errPostTable
	}
	t.Words = make(map[string]postRef, count)
	for range count {
		k := uv()
		if bad || k > uint64(len(b)) {
			return nil, errPostTable
		}
		w := string(b[:k])
		b = b[k:]
		r := postRef{Off: int64(uv()), Len: int64(uv())}
		if bad || len(b) < 4 || r.Off+r.Len > t.End {
			return nil, errPostTable
		}
		r.Sum, b = binary.LittleEndian.Uint32(b), b[4:]
		t.Words[w] = r
	}
	if bad || len(b) > 0 {
		return nil, errPostTable
	}
	return t, nil
}

// readPostTable reads the postings table of lang of the cache of out.
func readPostTable(out, lang string) (*postTable, error) {
	data, err := os.ReadFile(postTablePath(out, lang))
	if err != nil {
		return nil, err
	}
	return decodePostTable(data)
}

// postUpdate is how a warm build updates a language's search index from
// its postings (search.UpdateFrom).
type postUpdate struct {
	table *postTable
	// doc returns document i of the index now (see search.Update.Doc),
	// given the documents writeSearchOf has (those of pages reused are
	// not decoded).
	doc func(i int, docs []search.Analyzed) (*search.Analyzed, error)
}

// postSections returns a reader of the sections of t (search.Update's
// Section) and a function that closes the data file.
func postSections(out, lang string, t *postTable) (func(word string) ([]byte, error), func(), error) {
	f, err := os.Open(postDataPath(out, lang, t.Gen))
	if err != nil {
		return nil, nil, err
	}
	return func(word string) ([]byte, error) {
		r, ok := t.Words[word]
		if !ok {
			return nil, nil
		}
		b := make([]byte, r.Len)
		if _, err := f.ReadAt(b, r.Off); err != nil {
			return nil, err
		}
		if crc32.Checksum(b, castagnoli) != r.Sum {
			return nil, errShard
		}
		return b, nil
	}, func() { _ = f.Close() }, nil
}

// postOut is what saveCache writes of a language's postings: its table,
// and the sections to append to its data file (an update; nil when
// the data file is written already).
type postOut struct {
	table   *postTable
	appends map[string][]byte // by word; nil: the word has no section any more
}

// postsOut holds the postOut of each language whose index this build
// made (nil: no cache kept).
type postsOut struct {
	mu   sync.Mutex
	lang map[string]*postOut
	err  error // writing a data file (see writePostings)
	// one lets one language's postings be gathered at a time: each
	// holds all its sections until they are written (about 40 MB at
	// 10,000 pages per language).
	one sync.Mutex
}

func (p *postsOut) set(lang string, o *postOut) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.lang == nil {
		p.lang = map[string]*postOut{}
	}
	p.lang[lang] = o
}

// keepsPostings reports whether this build keeps search postings in
// its cache.
func (b *builder) keepsPostings() bool {
	return b.cache != nil && b.cacheUsable()
}

// writePostings writes the sections of docs, the documents of lang's
// index whose meta.json is meta, into the data file that the table
// there now does not name, for saveCache to write the table. An error
// is kept for saveCache to report.
func (b *builder) writePostings(lang string, docs []search.Analyzed, opts search.Options, meta []byte) {
	b.posts.one.Lock()
	defer b.posts.one.Unlock()
	if err := b.writePostingsErr(lang, docs, opts, meta); err != nil {
		b.posts.mu.Lock()
		b.posts.err = errors.Join(b.posts.err, err)
		b.posts.mu.Unlock()
	}
}

func (b *builder) writePostingsErr(lang string, docs []search.Analyzed, opts search.Options, meta []byte) error {
	gen := byte(0)
	if old, err := os.ReadFile(postTablePath(b.out, lang)); err == nil && len(old) > len(postMagic)+32 && old[len(postMagic)+32] == 0 {
		gen = 1
	}
	t := &postTable{Meta: sha256.Sum256(meta), Gen: gen, Words: map[string]postRef{}}
	f, err := createTemp(postDataPath(b.out, lang, gen))
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	err = search.Postings(b.dict, docs, opts, func(word string, s []byte) error {
		t.Words[word] = postRef{Off: t.End, Len: int64(len(s)), Sum: crc32.Checksum(s, castagnoli)}
		t.End += int64(len(s))
		_, err := w.Write(s)
		return err
	})
	if err == nil {
		err = w.Flush()
	}
	if err = placeTemp(f, err, postDataPath(b.out, lang, gen)); err != nil {
		return err
	}
	b.posts.set(lang, &postOut{table: t})
	return nil
}

// savePostings writes the postings tables of the languages whose
// indexes this build made, after appending an update's sections to its
// data file.
func (b *builder) savePostings() error {
	if b.posts.err != nil {
		return b.posts.err
	}
	for _, lang := range slices.Sorted(maps.Keys(b.posts.lang)) {
		o := b.posts.lang[lang]
		t := o.table
		if o.appends != nil {
			f, err := os.OpenFile(postDataPath(b.out, lang, t.Gen), os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			var buf []byte
			for _, w := range slices.Sorted(maps.Keys(o.appends)) {
				s := o.appends[w]
				if s == nil {
					delete(t.Words, w)
					continue
				}
				t.Words[w] = postRef{Off: t.End + int64(len(buf)), Len: int64(len(s)), Sum: crc32.Checksum(s, castagnoli)}
				buf = append(buf, s...)
			}
			_, err = f.WriteAt(buf, t.End)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
			t.End += int64(len(buf))
		}
		if err := writeFileAtomic(postTablePath(b.out, lang), t.encode()); err != nil {
			return err
		}
		if o.appends == nil {
			_ = os.Remove(postDataPath(b.out, lang, 1-t.Gen)) // (the data file before)
		}
	}
	return nil
}

// removePostings removes the postings files of the languages langs of
// the cache of out.
func removePostings(out string, langs []string) {
	for _, lang := range langs {
		_ = os.Remove(postTablePath(out, lang))
		_ = os.Remove(postDataPath(out, lang, 0))
		_ = os.Remove(postDataPath(out, lang, 1))
	}
}

// updateFromPostings makes lang's index again from the earlier one,
// whose files prev reads, and its postings (search.UpdateFrom): docs
// are its documents now (those of reused pages not decoded), u the
// places that changed. A postings file that cannot be read, or an
// earlier index or section not as written, gives an *errDamaged.
func (b *builder) updateFromPostings(lang string, docs []search.Analyzed, u *searchUpdate, prev func(string) ([]byte, error)) (map[string][]byte, error) {
	if tracePostings != nil {
		tracePostings(lang)
	}
	damaged := &errDamaged{damagedCache(postTablePath(b.out, lang))}
	section, done, err := postSections(b.out, lang, u.post.table)
	if err != nil {
		return nil, damaged
	}
	defer done()
	after := make([]search.Analyzed, len(u.changed))
	for k, j := range u.changed {
		after[k] = docs[j]
	}
	files, secs, err := search.UpdateFrom(&search.Update{
		Dict: b.dict, Options: b.searchOptions(lang), Docs: len(docs),
		Changed: u.changed, Before: u.before, After: after,
		Prev: prev, Section: section,
		Doc: func(i int) (*search.Analyzed, error) { return u.post.doc(i, docs) },
	})
	if err != nil {
		return nil, damaged
	}
	t := *u.post.table
	t.Meta = sha256.Sum256(files["meta.json"])
	if secs == nil {
		secs = map[string][]byte{}
	}
	b.posts.set(lang, &postOut{table: &t, appends: secs})
	return files, nil
}

// tracePostings, when set (tests), is told of each language whose
// index updateFromPostings updates.
var tracePostings func(lang string)

// postPlans returns the languages whose search index a warm build
// updates from its postings (see updateFromPostings): made again (not
// in kept), as many documents as the index in the output (st's), fewer
// than 1/maxUpdated of them changed, each a page rendered again, a
// table describing that index, and not too much dead space. now holds
// each language's documents (searchKeys), reused the pages reused. A
// table that cannot be read gives an *errDamaged.
func (b *builder) postPlans(st *cacheState, now map[string][]searchDoc, kept map[string]bool, reused []bool) (map[string]*postUpdate, error) {
	plans := map[string]*postUpdate{}
	if !b.keepsPostings() {
		return plans, nil
	}
	for _, lang := range b.res.Languages {
		docs, then := now[lang], st.SearchDocs[lang]
		if kept[lang] || len(then) != len(docs) || len(docs) == 0 {
			continue
		}
		changed, ok := 0, true
		for j := range docs {
			if docs[j].Sum == then[j].Sum {
				continue
			}
			if changed >= len(docs)/maxUpdated || then[j].Page < 0 || docs[j].Page < 0 || int(docs[j].Page) >= len(reused) || reused[docs[j].Page] {
				ok = false
				break
			}
			changed++
		}
		if !ok {
			continue
		}
		meta, err := os.ReadFile(filepath.Join(b.out, filepath.FromSlash(render.SearchFolder), lang, "meta.json"))
		if err != nil || search.Updatable(meta, len(docs)) != nil {
			continue
		}
		t, err := readPostTable(b.out, lang)
		if err != nil {
			return nil, &errDamaged{damagedCache(postTablePath(b.out, lang))}
		}
		if t.Meta != sha256.Sum256(meta) || t.End > 2*t.live()+postSlack {
			continue // (made whole, which writes the postings anew)
		}
		plans[lang] = &postUpdate{table: t, doc: b.docOf(st, lang, docs, reused)}
	}
	return plans, nil
}

// docOf returns how to have document i of lang's index now (docs),
// given the documents writeSearchOf has: one of a page reused is
// decoded from its terms shard (read once).
func (b *builder) docOf(st *cacheState, lang string, docs []searchDoc, reused []bool) func(i int, have []search.Analyzed) (*search.Analyzed, error) {
	read := map[int]map[string][]byte{} // terms shard → page file → terms
	return func(i int, have []search.Analyzed) (*search.Analyzed, error) {
		if i < 0 || i >= len(docs) || i >= len(have) {
			return nil, errors.New("a document out of range")
		}
		page := docs[i].Page
		if page < 0 || !reused[page] {
			return &have[i], nil
		}
		file := b.content.Pages[page].File
		k := shardOf(file)
		if read[k] == nil {
			shard, err := st.termShardOf(b.out, lang, k)
			if err != nil {
				return nil, err
			}
			read[k] = map[string][]byte{}
			for _, ft := range shard {
				read[k][ft.File] = ft.Terms
			}
		}
		t, ok := read[k][file]
		if !ok {
			return nil, errShard
		}
		var a search.Analyzed
		if err := a.GobDecode(t); err != nil {
			return nil, err
		}
		return &a, nil
	}
}

// loadBefore adds to terms (by page file) the terms the cache st holds
// of the pages of plans' languages that changed: the terms shards that
// hold them, not the others. A shard missing or damaged gives an
// *errDamaged naming it.
func (b *builder) loadBefore(st *cacheState, plans map[string]*postUpdate, now map[string][]searchDoc, terms map[string][]byte) error {
	type job struct {
		lang string
		k    int
	}
	var jobs []job
	seen := map[job]bool{}
	for _, lang := range slices.Sorted(maps.Keys(plans)) {
		docs, then := now[lang], st.SearchDocs[lang]
		for j := range docs {
			if docs[j].Sum != then[j].Sum && int(then[j].Page) < len(st.PageFiles) {
				jb := job{lang, shardOf(st.PageFiles[then[j].Page])}
				if !seen[jb] {
					seen[jb] = true
					jobs = append(jobs, jb)
				}
			}
		}
	}
	shards := make([][]fileTerms, len(jobs))
	errs := make([]error, len(jobs))
	b.forEach(len(jobs), func(j int) {
		shards[j], errs[j] = st.termShardOf(b.out, jobs[j].lang, jobs[j].k)
	})
	for j, err := range errs {
		if err != nil {
			return &errDamaged{damagedCache(termsPath(b.out, jobs[j].k, jobs[j].lang))}
		}
		for _, ft := range shards[j] {
			terms[ft.File] = ft.Terms
		}
	}
	return nil
}
