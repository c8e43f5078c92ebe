package search

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// A word's section holds every posting of the word in one language's
// documents, not only the MaxPostings an index lists, and every pair of
// neighbouring words it begins, so that an update reads the postings of
// the words that changed and nothing of the other documents (see
// UpdateFrom). As Postings writes it:
//
//	uvarint  how many documents have the word; per document, in order:
//	         uvarint the gap from the document before (from 0), byte its
//	         weight (boosted, as the index lists it), byte its flags (the
//	         passage number, 0 when it is not one of the document's
//	         passages, + titleFlag), uvarint n, n uvarint exact forms
//	uvarint  how many times a document has a pair that the word begins;
//	         per pair, in document order: uvarint the gap, uvarint the
//	         second word's number, byte weight, byte flags (titleFlag)
//
// Numbers are the Dict's, so a section is read with the Dict it was
// written with.

// wordPost is one document's posting of a word in a section.
type wordPost struct {
	doc           int32
	weight, flags uint8
	forms         []uint32
}

// pairPost is one document's posting of a pair in its first word's
// section.
type pairPost struct {
	doc           int32
	second        uint32
	weight, flags uint8
}

// section is a word's section decoded.
type section struct {
	words []wordPost
	pairs []pairPost
}

// weigherOf returns how gather weighs the terms of a document of the
// section sectionKey.
func weigherOf(opts Options, sectionKey string) func(wt uint64) uint8 {
	boost := opts.Boost[sectionKey]
	if boost <= 0 {
		boost = 1
	}
	return func(wt uint64) uint8 { return uint8(min(maxWeight, max(1, math.Round(float64(wt>>1)*boost)))) }
}

// eachTerm calls word with each word of a document (its terms, npass
// passages) and pair with each pair, as a section holds them (doc not
// set; forms valid until word returns).
func eachTerm(terms []byte, npass int, weigh func(uint64) uint8, word func(id uint32, p wordPost), pair func(first uint32, p pairPost)) {
	r := reader{b: terms}
	var forms []uint32
	for range r.next() {
		id, wt, n := uint32(r.next()), r.next(), r.next()
		forms = forms[:0]
		for range n {
			forms = append(forms, uint32(r.next()))
		}
		win := r.next()
		if win > uint64(npass) {
			win = 0 // (not one of its passages: never listed)
		}
		word(id, wordPost{weight: weigh(wt), flags: uint8(win) | uint8(wt&1)<<7, forms: forms})
	}
	for len(r.b) > 0 {
		key, wt := r.pair(), r.next()
		pair(uint32(key>>32), pairPost{second: uint32(key), weight: weigh(wt), flags: uint8(wt&1) << 7})
	}
}

// Postings calls fn with the section of each word of docs (analyzed with
// dict; weighed with opts.Boost, as BuildWith weighs them), in the order
// of the word's number. The section is valid until fn returns. It stops
// at fn's first error and returns it.
func Postings(dict *Dict, docs []Analyzed, opts Options, fn func(word string, section []byte) error) error {
	names := dict.snapshot()
	type acc struct {
		words, pairs     []byte
		nwords, npairs   int
		lastWord, lastPr int32
	}
	accs := make([]acc, len(names))
	var sr spoolReader
	for i := range docs {
		d := &docs[i]
		if d.spool != nil {
			sr.s = d.spool
		}
		doc := int32(i)
		eachTerm(sr.terms(d), d.numPassages(), weigherOf(opts, d.sectionKey), func(id uint32, p wordPost) {
			if id >= uint32(len(accs)) {
				return
			}
			a := &accs[id]
			a.words = appendWordPost(a.words, doc-a.lastWord, p)
			a.nwords++
			a.lastWord = doc
		}, func(first uint32, p pairPost) {
			if first >= uint32(len(accs)) {
				return
			}
			a := &accs[first]
			a.pairs = appendPairPost(a.pairs, doc-a.lastPr, p)
			a.npairs++
			a.lastPr = doc
		})
	}
	var b []byte
	for id := range accs {
		a := &accs[id]
		if a.nwords == 0 && a.npairs == 0 {
			continue
		}
		b = binary.AppendUvarint(b[:0], uint64(a.nwords))
		b = append(b, a.words...)
		b = binary.AppendUvarint(b, uint64(a.npairs))
		b = append(b, a.pairs...)
		if err := fn(names[id], b); err != nil {
			return err
		}
		*a = acc{}
	}
	return nil
}

func appendWordPost(b []byte, gap int32, p wordPost) []byte {
	b = binary.AppendUvarint(b, uint64(gap))
	b = append(b, p.weight, p.flags)
	b = binary.AppendUvarint(b, uint64(len(p.forms)))
	for _, f := range p.forms {
		b = binary.AppendUvarint(b, uint64(f))
	}
	return b
}

func appendPairPost(b []byte, gap int32, p pairPost) []byte {
	b = binary.AppendUvarint(b, uint64(gap))
	b = binary.AppendUvarint(b, uint64(p.second))
	return append(b, p.weight, p.flags)
}

var errSection = errors.New("search: a section not as Postings writes it")

// decodeSection reads a section that Postings (or encode) wrote.
func decodeSection(data []byte) (section, error) {
	var s section
	bad := false
	uv := func() uint64 {
		v, n := binary.Uvarint(data)
		if n <= 0 {
			bad = true
			return 0
		}
		data = data[n:]
		return v
	}
	by := func() uint8 {
		if len(data) == 0 {
			bad = true
			return 0
		}
		c := data[0]
		data = data[1:]
		return c
	}
	n := uv()
	if n > uint64(len(data)) {
		return s, errSection
	}
	s.words = make([]wordPost, 0, n)
	doc := int32(0)
	for range n {
		doc += int32(uv())
		p := wordPost{doc: doc, weight: by(), flags: by()}
		k := uv()
		if k > maxExact {
			return s, errSection
		}
		for range k {
			p.forms = append(p.forms, uint32(uv()))
		}
		s.words = append(s.words, p)
	}
	n = uv()
	if n > uint64(len(data)) {
		return s, errSection
	}
	s.pairs = make([]pairPost, 0, n)
	doc = 0
	for range n {
		doc += int32(uv())
		second := uint32(uv())
		s.pairs = append(s.pairs, pairPost{doc: doc, second: second, weight: by(), flags: by()})
	}
	if bad || len(data) > 0 {
		return s, errSection
	}
	return s, nil
}

// encode writes s as a section (nil when it holds nothing).
func (s *section) encode() []byte {
	if len(s.words) == 0 && len(s.pairs) == 0 {
		return nil
	}
	b := binary.AppendUvarint(nil, uint64(len(s.words)))
	last := int32(0)
	for _, p := range s.words {
		b = appendWordPost(b, p.doc-last, p)
		last = p.doc
	}
	b = binary.AppendUvarint(b, uint64(len(s.pairs)))
	last = 0
	for _, p := range s.pairs {
		b = appendPairPost(b, p.doc-last, p)
		last = p.doc
	}
	return b
}

// postings returns the word's postings as gather gathers them from
// the documents in s, and its pairs' (by second word; only those in two
// documents or more when rare), in the order of their second words'
// numbers.
func (s *section) postings(rare bool) (*termPostings, []uint32, []termPostings) {
	var tp *termPostings
	if len(s.words) > 0 {
		tp = &termPostings{}
		for _, p := range s.words {
			var mask uint16
			for _, e := range p.forms {
				mask |= tp.variantBit(e)
			}
			tp.add(posting{doc: p.doc, mask: mask, weight: p.weight, flags: p.flags})
		}
	}
	count := map[uint32]int{}
	for _, p := range s.pairs {
		count[p.second]++
	}
	var seconds []uint32
	for second, n := range count {
		if !rare || n >= 2 {
			seconds = append(seconds, second)
		}
	}
	slices.Sort(seconds)
	lists := make([]termPostings, len(seconds))
	for k := range lists {
		lists[k].limit = MaxPairPostings
	}
	for _, p := range s.pairs {
		if k, ok := slices.BinarySearch(seconds, p.second); ok {
			lists[k].add(posting{doc: p.doc, weight: p.weight, flags: p.flags})
		}
	}
	return tp, seconds, lists
}

// Update is what UpdateFrom makes a language's index again from.
type Update struct {
	Dict    *Dict
	Options Options
	// Docs is how many documents the index has, now as before.
	Docs int
	// Changed are the places of the documents that changed; Before[k]
	// and After[k] are document Changed[k] before and now.
	Changed       []int
	Before, After []Analyzed
	// Prev reads a file of the earlier index by name ("w/3.json").
	Prev func(name string) ([]byte, error)
	// Section returns the section (see Postings) of a word in the
	// earlier index's documents: nil when none has it.
	Section func(word string) ([]byte, error)
	// Doc returns document i as it is now; called only for a passage
	// that the earlier index's entries do not give.
	Doc func(i int) (*Analyzed, error)
}

// meta is what an update reads of the earlier index's meta.json.
type meta struct {
	V     int    `json:"v"`
	Docs  int    `json:"docs"`
	Pairs bool   `json:"pairs"`
	W     string `json:"w"`
}

// Updatable returns nil when the index whose meta.json is data can be
// updated (UpdateFrom, UpdateWith) to one of docs documents: of this
// format, as many documents, more than one shard.
func Updatable(data []byte, docs int) error {
	var m meta
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	if m.V != Format || m.Docs != docs || m.Pairs != (docs <= RarePairs) {
		return errors.New("search: the earlier index is of other documents")
	}
	if m.W == "" {
		// One shard or none: a small index, made again whole.
		return errors.New("search: the earlier index has a single shard")
	}
	return nil
}

// UpdateFrom returns the files BuildWith(u.Dict, docs, u.Options)
// returns for the documents now, and the sections (see Postings) that
// changed, by word (nil: no document has the word any more). Unlike
// UpdateWith it reads no other document: the postings of each word
// whose entry changes (a changed document's posting of it differs from
// before, or the passage it lists) come from its section, the passages
// its entry lists from the earlier entry (or u.Doc), the other words'
// entries and the document chunks without a changed document from the
// earlier index. A word's entry depends only on its postings, its pairs'
// and the passages it lists, so the files are byte for byte BuildWith's
// (TestUpdateFrom).
//
// It returns an error when the earlier index or a section is not as
// BuildWith and Postings write them, or from u's functions.
func UpdateFrom(u *Update) (files, sections map[string][]byte, err error) {
	if len(u.Changed) != len(u.Before) || len(u.Changed) != len(u.After) {
		return nil, nil, errors.New("search: changed, before and after differ in length")
	}
	data, err := u.Prev("meta.json")
	if err != nil {
		return nil, nil, err
	}
	if err := Updatable(data, u.Docs); err != nil {
		return nil, nil, err
	}
	var m meta
	_ = json.Unmarshal(data, &m)
	names := u.Dict.snapshot()
	rare := u.Docs > RarePairs
	at := map[int32]int{} // changed document → k
	for k, i := range u.Changed {
		if i < 0 || i >= u.Docs {
			return nil, nil, errors.New("search: a changed document out of range")
		}
		at[int32(i)] = k
	}
	var sr spoolReader
	redo, after, afterDocs := changedWords(&sr, u)
	// The words' sections now, and what gather would have gathered.
	g := &gathered{names: names, words: make([]*termPostings, len(names)), rare: rare}
	sections = map[string][]byte{}
	for _, id := range slices.Sorted(maps.Keys(redo)) {
		if id >= uint32(len(names)) {
			return nil, nil, errors.New("search: a word the Dict does not know")
		}
		data, err := u.Section(names[id])
		if err != nil {
			return nil, nil, err
		}
		var s section
		if data != nil {
			if s, err = decodeSection(data); err != nil {
				return nil, nil, fmt.Errorf("search: the section of %q: %w", names[id], err)
			}
		}
		s.words = slices.DeleteFunc(s.words, func(p wordPost) bool { _, ok := at[p.doc]; return ok })
		s.pairs = slices.DeleteFunc(s.pairs, func(p pairPost) bool { _, ok := at[p.doc]; return ok })
		for k, i := range u.Changed {
			if t := after[k][id]; t != nil {
				if t.has {
					p := t.word
					p.doc = int32(i)
					s.words = append(s.words, p)
				}
				for _, p := range t.pairs {
					p.doc = int32(i)
					s.pairs = append(s.pairs, p)
				}
			}
		}
		slices.SortStableFunc(s.words, func(a, b wordPost) int { return int(a.doc - b.doc) })
		slices.SortStableFunc(s.pairs, func(a, b pairPost) int { return int(a.doc - b.doc) })
		sections[names[id]] = s.encode()
		tp, seconds, lists := s.postings(rare)
		g.words[id] = tp
		for k, second := range seconds {
			g.pairList = append(g.pairList, lists[k])
			g.pairKeys = append(g.pairKeys, uint64(id)<<32|uint64(second))
		}
	}
	// The other words' entries as the shards have them, and the passages
	// the entries of the words made again listed.
	redoName := map[string]bool{}
	for id := range redo {
		redoName[names[id]] = true
	}
	kept, listed, err := keptEntries(u.Prev, strings.Count(m.W, " ")+1, redoName)
	if err != nil {
		return nil, nil, err
	}
	var docErr error
	v := docView{
		n:      u.Docs,
		listed: func(posting) bool { return true }, // (a section's passage numbers are)
		passage: func(b []byte, doc int32, win int) []byte {
			if k, ok := at[doc]; ok {
				return appendString(b, afterDocs[k].passages[win-1])
			}
			if s, ok := listed[uint64(doc)<<8|uint64(win)]; ok {
				return append(b, s...)
			}
			d, err := u.Doc(int(doc))
			if err != nil {
				docErr = err
				return appendString(b, "")
			}
			if d.spool != nil {
				sr.s = d.spool
			}
			a := sr.load(d)
			if win > len(a.passages) {
				docErr = errors.New("search: a passage the document does not have")
				return appendString(b, "")
			}
			return appendString(b, a.passages[win-1])
		},
		chunk: func(k int) ([]byte, error) {
			name := fmt.Sprintf("d/%d.json", k)
			data, err := u.Prev(name)
			if err != nil {
				return nil, err
			}
			var chunk [][4]string
			for j, i := range u.Changed {
				if i/DocChunk != k {
					continue
				}
				if chunk == nil {
					if err := json.Unmarshal(data, &chunk); err != nil || len(chunk) != min(DocChunk, u.Docs-k*DocChunk) {
						return nil, fmt.Errorf("search: %s of the earlier index: %w", name, errNotShard)
					}
				}
				d := &afterDocs[j]
				chunk[i%DocChunk] = [4]string{d.url, d.title, d.section, d.snippet}
			}
			if chunk == nil {
				return data, nil
			}
			return json.Marshal(chunk)
		},
	}
	files, err = g.writeView(&v, u.Options, kept, nil)
	if err == nil {
		err = docErr
	}
	if err != nil {
		return nil, nil, err
	}
	return files, sections, nil
}

// docTerm is what a document gives a word: its posting (has: it has the
// word) and the postings of the pairs it begins.
type docTerm struct {
	word  wordPost
	pairs []pairPost
	has   bool
}

// docTerms returns what document d gives each word, by number, weighed
// with opts.
func docTerms(sr *spoolReader, d *Analyzed, opts Options) map[uint32]*docTerm {
	if d.spool != nil {
		sr.s = d.spool
	}
	ts := map[uint32]*docTerm{}
	get := func(id uint32) *docTerm {
		t := ts[id]
		if t == nil {
			t = &docTerm{}
			ts[id] = t
		}
		return t
	}
	eachTerm(sr.terms(d), d.numPassages(), weigherOf(opts, d.sectionKey), func(id uint32, p wordPost) {
		p.forms = slices.Clone(p.forms)
		t := get(id)
		t.word, t.has = p, true
	}, func(first uint32, p pairPost) {
		t := get(first)
		t.pairs = append(t.pairs, p)
	})
	return ts
}

// same reports whether what a document gives a word is the same as t
// (before, the document's passages in pt) and as o (now, in po): the
// same posting (weight, flags, exact forms), the same text of the
// passage it names, the same pairs.
func (t *docTerm) same(o *docTerm, pt, po *Analyzed) bool {
	passage := func(d *Analyzed, win uint8) string {
		if w := int(win &^ titleFlag); w > 0 && w <= len(d.passages) {
			return d.passages[w-1]
		}
		return ""
	}
	if t.has != o.has || len(t.pairs) != len(o.pairs) {
		return false
	}
	if t.has && (t.word.weight != o.word.weight || t.word.flags != o.word.flags ||
		!slices.Equal(t.word.forms, o.word.forms) || passage(pt, t.word.flags) != passage(po, o.word.flags)) {
		return false
	}
	for j := range t.pairs {
		if t.pairs[j].second != o.pairs[j].second || t.pairs[j].weight != o.pairs[j].weight || t.pairs[j].flags != o.pairs[j].flags {
			return false
		}
	}
	return true
}

// changedWords returns the words (by number) whose entry u's changed
// documents may change: a document's posting of it, its passage or its
// pairs differ between before and after. It returns too what each
// changed document gives each word now, and the documents now with
// their passages in memory.
func changedWords(sr *spoolReader, u *Update) (redo map[uint32]bool, after []map[uint32]*docTerm, afterDocs []Analyzed) {
	redo = map[uint32]bool{}
	after = make([]map[uint32]*docTerm, len(u.Changed))
	afterDocs = make([]Analyzed, len(u.Changed))
	load := func(d *Analyzed) Analyzed {
		if d.spool != nil {
			sr.s = d.spool
		}
		return sr.load(d)
	}
	none := &docTerm{}
	for k := range u.Changed {
		then, now := docTerms(sr, &u.Before[k], u.Options), docTerms(sr, &u.After[k], u.Options)
		after[k] = now
		pb, pa := load(&u.Before[k]), load(&u.After[k])
		afterDocs[k] = pa
		for id, t := range then {
			if n := now[id]; n == nil || !t.same(n, &pb, &pa) {
				redo[id] = true
			}
		}
		for id, n := range now {
			if then[id] == nil && !none.same(n, &pb, &pa) {
				redo[id] = true
			}
		}
	}
	return redo, after, afterDocs
}

// keptEntries reads the earlier index's shards (w/0.json … w/<shards-1>.json,
// through prev) and returns the entries of the words not in redo as they
// are written, and the passages that the entries of those in redo list,
// by doc<<8 | passage number, as JSON strings.
func keptEntries(prev func(string) ([]byte, error), shards int, redo map[string]bool) ([]entry, map[uint64][]byte, error) {
	listed := map[uint64][]byte{}
	kept, err := earlierEntries(prev, shards, func(word string, e []byte) (bool, error) {
		if !redo[word] {
			return false, nil
		}
		return true, members(e, func(key string, f []byte) error {
			if key != "f" {
				return nil
			}
			return members(f, func(doc string, v []byte) error {
				d, err := strconv.Atoi(doc)
				if err != nil || len(v) < 4 || v[0] != '[' || v[len(v)-1] != ']' {
					return errNotShard
				}
				comma := strings.IndexByte(string(v), ',')
				win, err := strconv.Atoi(string(v[1:max(comma, 1)]))
				if comma < 0 || err != nil {
					return errNotShard
				}
				listed[uint64(d)<<8|uint64(win)] = v[comma+1 : len(v)-1]
				return nil
			})
		})
	})
	if err != nil {
		return nil, nil, err
	}
	return kept, listed, nil
}

// earlierEntries reads the earlier index's shards (w/0.json …
// w/<shards-1>.json, through prev) and returns the entries of every word
// as they are written, with their document counts, except those of the
// words redo takes (true): redo sees each word's entry, and an error it
// returns ends the reading. A shard that cannot be read or is not as
// BuildWith writes it is an error naming the shard.
func earlierEntries(prev func(string) ([]byte, error), shards int, redo func(word string, e []byte) (bool, error)) ([]entry, error) {
	var kept []entry
	for n := range shards {
		name := fmt.Sprintf("w/%d.json", n)
		data, err := prev(name)
		if err != nil {
			return nil, err
		}
		if err := splitShard(data, func(word string, e []byte) error {
			if taken, err := redo(word, e); taken || err != nil {
				return err
			}
			df, err := entryDF(e)
			if err != nil {
				return err
			}
			kept = append(kept, entry{name: word, tp: &termPostings{df: df}, json: e})
			return nil
		}); err != nil {
			return nil, fmt.Errorf("search: %s of the earlier index: %w", name, err)
		}
	}
	return kept, nil
}
