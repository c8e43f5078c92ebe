package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Format is the version of the index files, checked by the client.
const Format = 3

// DocChunk is how many documents one d/<n>.json file holds.
const DocChunk = 4

// MaxPostings caps how many documents a term lists (the ones where it
// weighs most): enough to rank, small enough to download.
const MaxPostings = 200

// MaxPairPostings caps how many documents a pair of words lists: pairs
// only rank pages that have both words higher, and there are many.
const MaxPairPostings = 20

// RarePairs is the number of documents above which a pair of words found
// in a single document is left out of the index: in a large site such
// pairs are most of the index and rarely what anyone searches for as a
// phrase (the words themselves are still found).
const RarePairs = 500

// SnippetLen is how many characters of the start of a document's text
// the index keeps for result snippets.
const SnippetLen = 160

// Passages: past the start, the index keeps for each document a few
// short passages of its text, one around the first place each word
// appears that no earlier passage holds (from the start of its sentence,
// or PassageBefore bytes before the word, and PassageAfter after, cut at
// spaces: see passageBounds), up to PassageCap bytes of text in all or
// an eighth of the text when that is more (text that two passages share
// counted once); a word's entry lists, for
// its FragmentsPerWord heaviest documents whose start lacks it (all of
// them in a site of RarePairs documents or fewer), the passage around it,
// so that a snippet can show the word where it first appears without
// downloading whole pages.
const (
	PassageBefore    = 40
	PassageAfter     = 80
	PassageCap       = 1200
	FragmentsPerWord = 6
)

// Field weights: a word in a title counts like ten in the body.
const (
	titleWeight   = 10
	headingWeight = 4
	bodyWeight    = 1
	maxWeight     = 255
)

// titleLengthWeight is the weight of each word of title: titleWeight for
// a title of six words, more for a shorter one, less for a longer one
// (titleWeight×12/(6+words), at least headingWeight+1), so that among
// pages with the query in their title the one whose title is mostly the
// query ("111 national hotline") comes before one where it is a small
// part ("Citizen protection hotline, Ministry of Foreign Affairs"), as
// field-length normalization in BM25F.
func titleLengthWeight(title string) int {
	n := 0
	words(title, func(string) { n++ })
	return max(headingWeight+1, (titleWeight*12+(6+n)/2)/(6+n))
}

// Doc is a page to index. Its text must be NFC, as everything loa reads
// is normalized when it is read.
type Doc struct {
	URL, Title, Section string
	// SectionKey is the top-level section folder the page is in
	// ("support"), "" for pages at the top: Options.Boost is by it.
	SectionKey string
	Headings   []string
	// Summary is shown first in snippets (the description); Text is the
	// body as plain text, with "\n" between blocks (headings, paragraphs,
	// list items): passages begin at them, and snippets show them as ". "
	// (or " " after a block that ends a sentence).
	Summary, Text string
}

// Dict numbers the distinct term forms of a build, so that what is kept
// of every page until Build holds numbers instead of strings. Numbers are
// given in the order forms are first met, which varies between runs with
// more than one worker; nothing written depends on them. A Dict is safe
// for concurrent use.
type Dict struct {
	mu    sync.Mutex
	ids   map[string]uint32
	names []string
}

// NewDict returns an empty Dict.
func NewDict() *Dict { return &Dict{ids: map[string]uint32{}} }

// intern returns the number of form (copying it when it is new) and the
// Dict's own copy of it.
func (d *Dict) intern(form []byte) (uint32, string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if id, ok := d.ids[string(form)]; ok {
		return id, d.names[id]
	}
	name := string(form)
	id := uint32(len(d.names))
	d.ids[name] = id
	d.names = append(d.names, name)
	return id, name
}

// snapshot returns the names by number as they are now.
func (d *Dict) snapshot() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.names[:len(d.names):len(d.names)]
}

// Analyzed is a Doc cut into weighted terms, compact enough to keep for
// every page until Build: term forms are numbers in the Analyzer's Dict,
// packed as unsigned varints (encoding/binary).
type Analyzed struct {
	url, title, section, snippet string
	sectionKey                   string // Doc.SectionKey
	// passages are the text around first appearances past the snippet
	// (see PassageCap).
	passages []string
	// terms holds the count of words, then per word in order of first
	// appearance: its folded form's number, its weight (capped at
	// maxWeight) times 2 plus 1 when it is in the title, the count n of its other exact forms (at most maxExact),
	// their n numbers and the number of the passage around its first
	// appearance in the text (1 for the first passage; 0 when it appears
	// in the snippet, not at all, or past PassageCap); then per pair of
	// neighbouring words: the two folded numbers and the weight (times 2,
	// plus 1 in the title).
	terms []byte
	// When the document is in a Spool (Spool.Put), the fields above are
	// empty and its record is size bytes at offset at of spool's file;
	// npassages is how many passages it has.
	spool     *Spool
	at        int64
	size      uint32
	npassages uint8
}

// numPassages returns how many passages d keeps.
func (d *Analyzed) numPassages() int {
	if d.spool != nil {
		return int(d.npassages)
	}
	return len(d.passages)
}

// maxExact is how many exact forms of a word one document contributes.
const maxExact = 8

type wordStat struct {
	id     uint32
	weight int
	n      int
	exact  [maxExact]uint32
	win    uint8 // passage number (see Analyzed.terms)
	body   bool  // met in the text already
	title  bool  // in the title
}

type pairStat struct {
	key    uint64
	weight int
	title  bool
}

// weightTitle packs a weight (capped) and whether the term is in the title.
func weightTitle(w int, title bool) uint64 {
	v := uint64(min(w, maxWeight)) << 1
	if title {
		v |= 1
	}
	return v
}

// Analyzer cuts documents into terms. It keeps buffers and a private view
// of its Dict between documents, so that a word already seen costs no
// allocation and no lock. An Analyzer is not safe for concurrent use: use
// one per goroutine, all sharing one Dict.
type Analyzer struct {
	dict  *Dict
	known map[string]uint32 // forms this Analyzer has looked up in dict
	// seen maps each word as written (NFC) to its forms' numbers, so that
	// a word met before is neither folded nor looked up twice.
	seen map[string]wordForms
	sc   scanner
	// slot[id] is the index in ws of the word numbered id, valid when
	// stamp[id] == gen (a number per document, so nothing is cleared).
	slot  []int32
	stamp []uint32
	gen   uint32
	pairs map[uint64]int // pair → index in ps
	ws    []wordStat
	ps    []pairStat
	buf   []byte
	// inTitle is true while the title is counted; inText while the text
	// is, when firsts records where each word first appears in it.
	inTitle, inText bool
	firsts          []firstAt
}

// firstAt is where a word first appears in a document's text: its byte
// offset and length, and the index of its stat in Analyzer.ws.
type firstAt struct {
	at, n int
	slot  int32
}

// NewAnalyzer returns an Analyzer numbering forms in dict.
func NewAnalyzer(dict *Dict) *Analyzer {
	return &Analyzer{dict: dict, known: map[string]uint32{}, seen: map[string]wordForms{}, pairs: map[uint64]int{}}
}

func (a *Analyzer) id(form []byte) uint32 {
	if id, ok := a.known[string(form)]; ok {
		return id
	}
	id, name := a.dict.intern(form)
	a.known[name] = id
	return id
}

// Analyze cuts d into terms: each word and each pair of neighbouring words
// (for phrases), weighted by field and count.
func (a *Analyzer) Analyze(d Doc) Analyzed {
	if a.gen++; a.gen == 0 { // wrapped: forget every stamp
		clear(a.stamp)
		a.gen = 1
	}
	clear(a.pairs)
	a.ws, a.ps = a.ws[:0], a.ps[:0]
	a.inTitle = true
	a.add(d.Title, titleLengthWeight(d.Title))
	a.inTitle = false
	for _, h := range d.Headings {
		a.add(h, headingWeight)
	}
	a.add(d.Summary, bodyWeight)
	a.firsts = a.firsts[:0]
	a.inText = true
	a.add(d.Text, bodyWeight)
	a.inText = false
	snip, cut := snippet(d)
	passages := a.passages(d, cut)
	buf := binary.AppendUvarint(a.buf[:0], uint64(len(a.ws)))
	for i := range a.ws {
		w := &a.ws[i]
		buf = binary.AppendUvarint(buf, uint64(w.id))
		buf = binary.AppendUvarint(buf, weightTitle(w.weight, w.title))
		buf = binary.AppendUvarint(buf, uint64(w.n))
		for _, e := range w.exact[:w.n] {
			buf = binary.AppendUvarint(buf, uint64(e))
		}
		buf = binary.AppendUvarint(buf, uint64(w.win))
	}
	for _, p := range a.ps {
		buf = binary.AppendUvarint(buf, p.key>>32)
		buf = binary.AppendUvarint(buf, uint64(uint32(p.key)))
		buf = binary.AppendUvarint(buf, weightTitle(p.weight, p.title))
	}
	a.buf = buf
	return Analyzed{url: d.URL, title: d.Title, section: d.Section, sectionKey: d.SectionKey, snippet: snip, passages: passages, terms: bytes.Clone(buf)}
}

// passages cuts the passages of d's text past its first skip bytes (the
// snippet) and records in each word's stat the passage around its first
// appearance. The first appearances in the text are those add recorded
// while counting it (a.firsts), so that the text is not cut into words
// twice; a document whose text is blank has its summary cut here instead.
func (a *Analyzer) passages(d Doc, skip int) []string {
	text := strings.TrimLeftFunc(d.Text, unicode.IsSpace)
	lead := len(d.Text) - len(text) // a.firsts' offsets are in d.Text
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	if text == "" {
		text, lead = d.Summary, 0
		a.firsts = a.firsts[:0]
		wordsAt(text, func(at int, word string) {
			f := a.lookup(word)
			if !f.ok || int(f.folded) >= len(a.stamp) || a.stamp[f.folded] != a.gen {
				return
			}
			a.first(at, len(word), a.slot[f.folded])
		})
	}
	var out []string
	size, end := 0, 0 // bytes kept; end of the last passage in text
	limit := max(PassageCap, len(text)/8)
	for _, f := range a.firsts {
		s, at := &a.ws[f.slot], f.at-lead
		switch {
		case at < skip:
		case at+f.n <= end && len(out) > 0:
			s.win = uint8(len(out))
		case size < limit && len(out) < maxPassages:
			// A passage may begin inside the one before (where the
			// word's sentence begins), never right after a negation.
			from, to := passageBounds(text, at, f.n)
			out = append(out, display(text[from:to]))
			size += to - max(from, end)
			end = to
			s.win = uint8(len(out))
		}
	}
	return out
}

// first records, the first time the word whose stat is a.ws[slot] is met
// in the text, that it appears at byte offset at, n bytes long.
func (a *Analyzer) first(at, n int, slot int32) {
	if s := &a.ws[slot]; !s.body {
		s.body = true
		a.firsts = append(a.firsts, firstAt{at: at, n: n, slot: slot})
	}
}

// wordForms are the numbers of a word's folded and exact forms; ok is false
// for a word with no term (stray marks), same when the forms are equal.
type wordForms struct {
	folded, exact uint32
	ok, same      bool
}

// lookup returns the forms of word (as written), cutting it into its term
// only the first time this Analyzer meets it.
func (a *Analyzer) lookup(word string) wordForms {
	if f, ok := a.seen[word]; ok {
		return f
	}
	var f wordForms
	if a.sc.term(word) {
		f = wordForms{folded: a.id(a.sc.folded), ok: true, same: bytes.Equal(a.sc.exact, a.sc.folded)}
		if !f.same {
			f.exact = a.id(a.sc.exact)
		}
	}
	a.seen[strings.Clone(word)] = f
	return f
}

// add counts the terms of text (NFC: see Doc) with weight w, and the
// phone numbers written in groups as one term of their digits.
func (a *Analyzer) add(text string, w int) {
	prev, first := uint32(0), true
	wordsAt(text, func(at int, word string) {
		id, ok := a.count(word, w)
		if !ok {
			return
		}
		if a.inText {
			a.first(at, len(word), a.slot[id])
		}
		if !first {
			key := uint64(prev)<<32 | uint64(id)
			j, ok := a.pairs[key]
			if !ok {
				j = len(a.ps)
				a.pairs[key] = j
				a.ps = append(a.ps, pairStat{key: key})
			}
			a.ps[j].weight += w
			a.ps[j].title = a.ps[j].title || a.inTitle
		}
		prev, first = id, false
	})
	phoneNumbers(text, func(digits string) { a.count(digits, w) })
}

// count adds weight w to word's folded form, and its exact form, in the
// document being analyzed; it returns the folded form's number.
func (a *Analyzer) count(word string, w int) (uint32, bool) {
	f := a.lookup(word)
	if !f.ok {
		return 0, false
	}
	id := f.folded
	if int(id) >= len(a.slot) {
		n := max(2*len(a.slot), int(id)+1, 1024)
		a.slot = append(a.slot, make([]int32, n-len(a.slot))...)
		a.stamp = append(a.stamp, make([]uint32, n-len(a.stamp))...)
	}
	if a.stamp[id] != a.gen {
		a.stamp[id], a.slot[id] = a.gen, int32(len(a.ws))
		a.ws = append(a.ws, wordStat{id: id})
	}
	s := &a.ws[a.slot[id]]
	s.weight += w
	s.title = s.title || a.inTitle
	if !f.same && s.n < maxExact && !slices.Contains(s.exact[:s.n], f.exact) {
		s.exact[s.n] = f.exact
		s.n++
	}
	return id, true
}

// phoneNumbers calls fn with the forms under which each phone number in
// text is found when typed without spaces or dots: the digits of a number
// written in groups (two or more groups of digits joined by one space, dot
// or hyphen, starting with 0 or 1, 8 to 12 digits in all: "0221 3862 000",
// "0221.3862.000" → "02213862000"), and of every Vietnamese number its
// other written form (ITU-T E.164, country code 84: the national form
// drops its leading 0 after +84): "0981 848 484" and "0981848484" also
// give "84981848484", "+84 981 848 484" and "+84981848484" give
// "0981848484" (and "84981848484" when written in groups). A national
// number is 9 to 11 digits starting with 0; an international one 10 to 12
// starting with 84, after a "+" or written in groups.
func phoneNumbers(text string, fn func(digits string)) {
	isDigit := func(i int) bool { return i < len(text) && text[i] >= '0' && text[i] <= '9' }
	var buf []byte
	for i := 0; i < len(text); i++ {
		if !isDigit(i) || i > 0 && (isDigit(i-1) || isWordByte(text[i-1])) {
			continue
		}
		plus := i > 0 && text[i-1] == '+'
		buf, groups := buf[:0], 0
		j := i
		for {
			for isDigit(j) {
				buf = append(buf, text[j])
				j++
			}
			groups++
			if j+1 < len(text) && (text[j] == ' ' || text[j] == '.' || text[j] == '-') && isDigit(j+1) {
				j++
				continue
			}
			break
		}
		i = j
		if j < len(text) && isWordByte(text[j]) {
			continue
		}
		n := len(buf)
		if groups >= 2 && n >= 8 && n <= 12 && (buf[0] == '0' || buf[0] == '1') {
			fn(string(buf))
		}
		switch {
		case buf[0] == '0' && n >= 9 && n <= 11:
			fn("84" + string(buf[1:]))
		case (plus || groups >= 2) && n >= 10 && n <= 12 && buf[0] == '8' && buf[1] == '4':
			if groups >= 2 {
				fn(string(buf))
			}
			fn("0" + string(buf[2:]))
		}
	}
}

// isWordByte reports whether an ASCII byte is a letter (or the start of a
// letter beyond ASCII), so that digits glued to a word are not a number.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// snippet is the start of d's text (or its summary when it has no text),
// at most SnippetLen characters, as display shows it; a longer text is
// cut after its last whole word that fits (never inside a word), without
// the spaces and commas before the cut, and ends in "…". cut is the
// length in bytes of the text it shows (without "…").
func snippet(d Doc) (s string, cut int) {
	s = strings.TrimSpace(d.Text)
	if s == "" {
		s = d.Summary
	}
	n := 0
	for i, r := range s {
		if n == SnippetLen {
			cut := i
			if isWordRune(r) {
				cut = strings.LastIndexFunc(s[:i], func(r rune) bool { return !isWordRune(r) })
				if cut <= 0 {
					cut = i // one long word: cut it where it must be
				}
			}
			kept := strings.TrimRight(s[:cut], " \t\n,;:-–(")
			return display(kept) + "…", len(kept)
		}
		n++
	}
	return display(s), len(s)
}

// FunctionWords are the small words of questions ("có bị phạt không",
// "will I be fined"), as typed, lower case, NFC: the client neither
// highlights them nor lets them choose a snippet's passage (unless the
// query is only such words), and does not require one that no page has.
// The Vietnamese ones are listed with their marks, and without them only
// where that spelling is no other common word ("khong", not "ban", which
// is also "bán"). meta.json gives them as "s", space-separated.
var FunctionWords = strings.Fields(`a an the is am are be do does can will what how i me my you your to of in on at for and or it this that if
có bị không khong là của và thì mà được duoc cho với các những nhung một này đó khi nếu ở tại để gì ai nào sao thế như
tôi em mình bạn đã đang sẽ rồi nhé ạ hay hoặc cũng vẫn rất làm`)

// posting is one document in a term's list: 8 bytes, as there are
// millions in a large site.
type posting struct {
	doc    int32
	mask   uint16 // which of the term's exact forms the document has
	weight uint8
	// flags holds the passage around the term's first appearance (1 for
	// the first; 0 none) and titleFlag when the term is in the title.
	flags uint8
}

const titleFlag = 0x80

// maxPassages is how many passages a document keeps, below titleFlag.
const maxPassages = titleFlag - 1

func (p posting) win() int { return int(p.flags &^ titleFlag) }

// termPostings gathers a term's documents and exact forms.
type termPostings struct {
	variants []uint32 // exact forms' numbers, at most 16, in order of first appearance
	df       int      // how many documents have the term
	limit    int      // how many documents list keeps; 0 for MaxPostings
	// list holds the MaxPostings heaviest documents (the earlier one among
	// equals); once full, it is a heap with the one to drop first at 0.
	list []posting
}

// variantBit returns the bit of the exact form e (its number) among tp's
// variants, adding e when it is new and there is room (16 at most): 0
// when there is none.
func (tp *termPostings) variantBit(e uint32) uint16 {
	k := slices.Index(tp.variants, e)
	if k < 0 && len(tp.variants) < 16 {
		tp.variants = append(tp.variants, e)
		k = len(tp.variants) - 1
	}
	if k < 0 {
		return 0
	}
	return 1 << k
}

// add records that document p.doc, later than every document before it,
// has the term.
func (tp *termPostings) add(p posting) {
	tp.df++
	limit := tp.limit
	if limit == 0 {
		limit = MaxPostings
	}
	if len(tp.list) < limit {
		tp.list = append(tp.list, p)
		if len(tp.list) == limit {
			for i := limit/2 - 1; i >= 0; i-- {
				tp.down(i)
			}
		}
		return
	}
	if p.weight <= tp.list[0].weight {
		return // lighter, or as heavy and later: the kept one wins
	}
	tp.list[0] = p
	tp.down(0)
}

// weaker reports whether list[i] would be dropped before list[j]: it
// weighs less, or as much and comes later.
func (tp *termPostings) weaker(i, j int) bool {
	a, b := tp.list[i], tp.list[j]
	return a.weight < b.weight || a.weight == b.weight && a.doc > b.doc
}

// down restores the heap order below i.
func (tp *termPostings) down(i int) {
	n := len(tp.list)
	for {
		m := i
		if l := 2*i + 1; l < n && tp.weaker(l, m) {
			m = l
		}
		if r := 2*i + 2; r < n && tp.weaker(r, m) {
			m = r
		}
		if m == i {
			return
		}
		tp.list[i], tp.list[m] = tp.list[m], tp.list[i]
		i = m
	}
}

// reader reads the varints of Analyzed.terms, which Analyze wrote.
type reader struct{ b []byte }

func (r *reader) next() uint64 {
	v, n := binary.Uvarint(r.b)
	r.b = r.b[n:]
	return v
}

// pair reads the two folded numbers of a pair as first<<32 | second.
func (r *reader) pair() uint64 {
	first := r.next()
	return first<<32 | r.next()
}

// pairReader returns a reader of terms (Analyzed.terms) placed at its
// first pair.
func pairReader(terms []byte) reader {
	r := reader{b: terms}
	for range r.next() {
		r.next() // number
		r.next() // weight
		for range r.next() {
			r.next() // exact form
		}
		r.next() // passage
	}
	return r
}

// entry is one term of a shard, ready to write.
type entry struct {
	name string
	tp   *termPostings
	id   uint32 // a word's folded number (for its pairs)
	// json is a word's entry as an earlier index wrote it (UpdateWith),
	// tp then holding only its df; nil for one written from tp.
	json []byte
}

// Options are what an index holds besides its documents.
type Options struct {
	// Synonyms are the groups of words that mean the same (see
	// config.Search), as written; the client expands queries with them.
	Synonyms [][]string
	// Languages are the site's language codes, the index's own among them,
	// so that the client can search the others when its own finds nothing.
	Languages []string
	// Boost maps a section key (Doc.SectionKey) to how much more its pages
	// weigh than others' for the same words (2: twice; 0.5: half; a
	// section not listed: 1), so that among equal matches the pages of a
	// boosted section come first. It multiplies each of the page's term
	// and pair weights (capped at 255, at least 1), the counts the client
	// ranks by (see appendEntry), not the idf.
	Boost map[string]float64
	// Calls is the rule of the site's call links, a regular expression of
	// a number's digits (RE2 and JavaScript alike) that the client makes a
	// call link in result snippets when it matches all of them: the
	// numbers the site knows and the shape of a phone number (see
	// build). meta.json gives it as "c".
	Calls string
}

// Build writes the index of one language's documents, analyzed with dict:
// file names relative to the language's index folder ("meta.json",
// "t/ph.json", "d/0.json") mapped to their bytes. The output depends only
// on docs and their order, not on the numbers dict gave.
func Build(dict *Dict, docs []Analyzed) map[string][]byte {
	return BuildWith(dict, docs, Options{})
}

// BuildWith is Build with opts written to meta.json: "syn" (the synonym
// groups), "langs" (the languages), "s" (FunctionWords) and "pairs", true
// when every pair of neighbouring words is indexed (see RarePairs), so that
// a quoted phrase can be required.
func BuildWith(dict *Dict, docs []Analyzed, opts Options) map[string][]byte {
	return BuildBeside(nil, dict, docs, opts)
}

// BuildBeside is BuildWith with the postings of the words and those of
// the pairs gathered side by side (in a site of more than RarePairs
// documents, the pairs in two halves besides): run must call the
// functions it is given at once and return when all have returned; nil
// calls them one after the other. The files are the same
// (TestGatherPairs). For a caller that makes one language's index at a
// time, so that the second core is not idle during the passes over every
// document; it holds no more than BuildWith but a batch of documents'
// terms (about 1 MB) and a second map of the pairs' counts while they
// are counted.
func BuildBeside(run func(fns ...func()), dict *Dict, docs []Analyzed, opts Options) map[string][]byte {
	return gather(dict, docs, opts, nil, nil, run).write(docs, opts, nil, nil)
}

// gathered is what an index's files are written from (gather).
type gathered struct {
	names []string
	words []*termPostings // by folded form's number; nil: none (or not gathered)
	// pairList holds the postings of the pair pairKeys[k] (first<<32 |
	// second).
	pairList []termPostings
	pairKeys []uint64
	sr       spoolReader // for the documents in a Spool
	rare     bool        // pairs in a single document left out (see RarePairs)
}

// gather gathers the postings of docs' terms: of every word and pair, or
// with only set, of the words whose folded number it marks and the pairs
// in pairs (first<<32 | second), whose first words it marks. In a site
// of more than RarePairs documents, every pair gathered, the pairs are
// counted first. With run set (see UpdateBeside, BuildBeside), the work
// is split into functions that run gives side by side, each writing
// what no other reads: the words and the pairs (each pass reading
// the documents in a Spool with its own reader), or, with the pairs
// counted first, the words and two halves of the pairs, on batches of
// documents read once for all of them (inBatches). Otherwise it is one
// pass (after the count).
func gather(dict *Dict, docs []Analyzed, opts Options, only []bool, pairs map[uint64]bool, run func(fns ...func())) *gathered {
	names := dict.snapshot()
	g := &gathered{names: names, words: make([]*termPostings, len(names)), rare: len(docs) > RarePairs}
	wanted := func(id uint64) bool { return only == nil || id < uint64(len(only)) && only[id] }
	// (both words of a pair are words of its documents: two looks at
	// only before one in the map)
	wantedPair := func(key uint64) bool {
		return only == nil || wanted(key>>32) && wanted(key&math.MaxUint32) && pairs[key]
	}
	for i := range docs {
		if docs[i].spool != nil {
			g.sr.s = docs[i].spool
			break
		}
	}
	rare := g.rare
	pc := pairCounts{g: g}
	if rare && only != nil {
		// With only set, the few pairs wanted are gathered in one pass:
		// their postings held until it is known which are in two
		// documents.
		pc.held = map[uint64][]posting{}
	}
	words := g.words
	weigher := func(i int) func(wt uint64) uint8 {
		boost := opts.Boost[docs[i].sectionKey]
		if boost <= 0 {
			boost = 1
		}
		return func(wt uint64) uint8 { return uint8(min(maxWeight, max(1, math.Round(float64(wt>>1)*boost)))) }
	}
	// wordsOf gathers the words of document i, read by r, leaving r at its
	// first pair; pairsOf its pairs, from there.
	wordsOf := func(i int, r *reader, weigh func(uint64) uint8) {
		nwords := r.next()
		for range nwords {
			id, wt, n := uint32(r.next()), r.next(), r.next()
			if !wanted(uint64(id)) {
				for range n + 1 {
					r.next() // exact forms, passage
				}
				continue
			}
			tp := words[id]
			if tp == nil {
				tp = &termPostings{}
				words[id] = tp
			}
			var mask uint16
			for range n {
				mask |= tp.variantBit(uint32(r.next()))
			}
			tp.add(posting{doc: int32(i), mask: mask, weight: weigh(wt), flags: uint8(r.next()) | uint8(wt&1)<<7})
		}
	}
	pairsOf := func(i int, r *reader, weigh func(uint64) uint8) {
		for len(r.b) > 0 {
			key, wt := r.pair(), r.next()
			if wantedPair(key) {
				pc.add(key, posting{doc: int32(i), weight: weigh(wt), flags: uint8(wt&1) << 7})
			}
		}
	}
	// countPairs counts, in a site of more than RarePairs documents, the
	// documents that have each pair, when every pair is gathered.
	countPairs := func(sr *spoolReader) {
		if !rare || only != nil {
			return
		}
		counts := map[uint64]int32{}
		for i := range docs {
			for r := pairReader(sr.terms(&docs[i])); len(r.b) > 0; r.next() {
				if key := r.pair(); wantedPair(key) {
					counts[key]++
				}
			}
		}
		pc.keep(counts)
	}
	switch {
	case run != nil && rare && only == nil:
		// In batches of documents, their terms read once into memory for
		// the functions run gives side by side: the words, and the pairs
		// counted, then gathered, in two halves (by halfOf) that share no
		// pair, each reading every pair of the batch.
		halfOf := func(key uint64) int { return int((key>>32 ^ key) & 1) }
		counts := [2]map[uint64]int32{{}, {}}
		inBatches(&g.sr, docs, func(start int, terms [][]byte) {
			count := func(h int) func() {
				return func() {
					for _, t := range terms {
						for r := pairReader(t); len(r.b) > 0; r.next() {
							if key := r.pair(); halfOf(key) == h {
								counts[h][key]++
							}
						}
					}
				}
			}
			run(func() {
				for j, t := range terms {
					r := reader{b: t}
					wordsOf(start+j, &r, weigher(start+j))
				}
			}, count(0), count(1))
		})
		pc.keep(counts[0], counts[1])
		counts = [2]map[uint64]int32{}
		inBatches(&g.sr, docs, func(start int, terms [][]byte) {
			part := func(h int) func() {
				return func() {
					for j, t := range terms {
						weigh := weigher(start + j)
						for r := pairReader(t); len(r.b) > 0; {
							key, wt := r.pair(), r.next()
							if halfOf(key) == h {
								pc.add(key, posting{doc: int32(start + j), weight: weigh(wt), flags: uint8(wt&1) << 7})
							}
						}
					}
				}
			}
			run(part(0), part(1))
		})
	case run != nil:
		// (each pass with its own reader of the Spool: its file is read
		// at an offset, safe side by side)
		run(func() {
			sr := spoolReader{s: g.sr.s}
			for i := range docs {
				r := reader{b: sr.terms(&docs[i])}
				wordsOf(i, &r, weigher(i))
			}
		}, func() {
			sr := spoolReader{s: g.sr.s}
			countPairs(&sr)
			for i := range docs {
				r := pairReader(sr.terms(&docs[i]))
				pairsOf(i, &r, weigher(i))
			}
		})
	default:
		countPairs(&g.sr)
		for i := range docs {
			weigh := weigher(i)
			r := reader{b: g.sr.terms(&docs[i])}
			wordsOf(i, &r, weigh)
			pairsOf(i, &r, weigh)
		}
	}
	pc.finish()
	return g
}

// batchBytes is about how many bytes of documents' terms inBatches
// holds at once (a variable for tests).
var batchBytes = 1 << 20

// inBatches calls fn with the terms of docs in batches of consecutive
// documents (start, the first one's place), read through sr and copied
// into memory, where they stay until fn returns.
func inBatches(sr *spoolReader, docs []Analyzed, fn func(start int, terms [][]byte)) {
	var buf []byte
	var ends []int
	var terms [][]byte
	start := 0
	flush := func(end int) {
		terms, prev := terms[:0], 0
		for _, e := range ends {
			terms = append(terms, buf[prev:e:e])
			prev = e
		}
		fn(start, terms)
		buf, ends, start = buf[:0], ends[:0], end
	}
	for i := range docs {
		buf = append(buf, sr.terms(&docs[i])...)
		ends = append(ends, len(buf))
		if len(buf) >= batchBytes {
			flush(i + 1)
		}
	}
	if len(ends) > 0 {
		flush(len(docs))
	}
}

// pairCounts gathers the postings of pairs into a gathered's pairList.
type pairCounts struct {
	g *gathered
	// ids maps a pair to -(1 + its place in pairList) (one map lookup
	// per pair of a document, no pointers in the map); with the pairs
	// counted first (keep), it holds only those kept.
	ids map[uint64]int32
	// thresh[k], with the pairs counted first, is once pairList[k] holds
	// MaxPairPostings postings the weight of the one it would drop first
	// (0 before: every weight is 1 or more): a posting no heavier is
	// dropped by a look at one byte, not at the pair's list (most of a
	// large site's pairs are in far more documents than they list). df[k]
	// is how many documents have it.
	thresh []uint8
	df     []int32
	// held, when set, holds every pair's postings, until finish keeps
	// those in two documents or more.
	held map[uint64][]posting
}

// newPair adds the pair key to g's pairList, and returns its number in
// ids.
func (pc *pairCounts) newPair(key uint64) int32 {
	g := pc.g
	g.pairList = append(g.pairList, termPostings{limit: MaxPairPostings})
	g.pairKeys = append(g.pairKeys, key)
	return -int32(len(g.pairList))
}

// keep makes the pairs in two documents or more (by counts, how many
// documents have each, in one map or more that share no pair) the only
// ones gathered. How many postings each will hold is known: their lists
// are cut from one array, each with room for exactly that many, so that
// add never grows one.
func (pc *pairCounts) keep(counts ...map[uint64]int32) {
	var keys []uint64
	total := 0
	for _, m := range counts {
		for key, n := range m {
			if n >= 2 {
				keys = append(keys, key)
				total += min(int(n), MaxPairPostings)
			}
		}
	}
	slices.Sort(keys)
	g := pc.g
	pc.ids = make(map[uint64]int32, len(keys))
	g.pairList, g.pairKeys = make([]termPostings, 0, len(keys)), make([]uint64, 0, len(keys))
	pc.thresh, pc.df = make([]uint8, len(keys)), make([]int32, len(keys))
	lists := make([]posting, total)
	for k, key := range keys {
		var n int32
		for _, m := range counts {
			n += m[key]
		}
		pc.df[k] = n
		pc.ids[key] = pc.newPair(key)
		room := min(int(n), MaxPairPostings)
		g.pairList[k].list, lists = lists[:0:room], lists[room:]
	}
}

// add records that document p.doc, later than every document before it,
// has the pair key.
func (pc *pairCounts) add(key uint64, p posting) {
	if pc.held != nil {
		pc.held[key] = append(pc.held[key], p)
		return
	}
	if pc.thresh == nil {
		// Every pair kept: a new one is listed.
		if pc.ids == nil {
			pc.ids = map[uint64]int32{}
		}
		id, ok := pc.ids[key]
		if !ok {
			id = pc.newPair(key)
			pc.ids[key] = id
		}
		pc.g.pairList[-id-1].add(p)
		return
	}
	id, ok := pc.ids[key]
	if !ok {
		return // in a single document
	}
	if k := -id - 1; p.weight > pc.thresh[k] {
		tp := &pc.g.pairList[k]
		tp.add(p)
		if len(tp.list) == MaxPairPostings {
			pc.thresh[k] = tp.list[0].weight
		}
	}
}

// finish ends the gathering: the pairs counted first get their number of
// documents (add counted only the postings it was given), and the pairs
// held in two documents or more their postings.
func (pc *pairCounts) finish() {
	for k, n := range pc.df {
		pc.g.pairList[k].df = int(n)
	}
	for key, list := range pc.held {
		if len(list) >= 2 {
			pc.newPair(key)
			for _, p := range list {
				pc.g.pairList[len(pc.g.pairList)-1].add(p)
			}
		}
	}
}

// write writes the index files of docs from what g gathered and, when
// kept is not nil, the entries of words kept from an earlier index as
// they were written (UpdateWith), none of them gathered in g; keptPairs
// holds by word gathered the pairs it begins that are kept from the
// earlier index, none of them gathered.
func (g *gathered) write(docs []Analyzed, opts Options, kept []entry, keptPairs map[string][]entry) map[string][]byte {
	v := docView{
		n:      len(docs),
		listed: func(p posting) bool { return p.win() <= docs[p.doc].numPassages() },
		passage: func(b []byte, doc int32, win int) []byte {
			return appendString(b, docs[doc].passages[win-1])
		},
		chunk: func(k int) ([]byte, error) {
			var chunk [][4]string
			for i := k * DocChunk; i < min((k+1)*DocChunk, len(docs)); i++ {
				d := g.sr.load(&docs[i])
				chunk = append(chunk, [4]string{d.url, d.title, d.section, d.snippet})
			}
			return json.Marshal(chunk)
		},
	}
	if g.sr.s != nil {
		v.prepare = func(v *docView, words []entry) {
			got := spooledPassages(&g.sr, words, docs, v)
			v.passage = func(b []byte, doc int32, win int) []byte {
				return appendString(b, got(doc, win))
			}
		}
	}
	files, _ := g.writeView(&v, opts, kept, keptPairs)
	return files
}

// docView is what writeView needs of an index's documents.
type docView struct {
	n int // how many
	// listed reports whether a posting's passage number (> 0) is one
	// of its document's passages.
	listed func(p posting) bool
	// passage appends passage number win (from 1) of document doc as a
	// JSON string (appendString).
	passage func(b []byte, doc int32, win int) []byte
	// chunk returns the file d/<k>.json.
	chunk func(k int) ([]byte, error)
	// prepare, when set, is called with every entry to write before the
	// first call of passage.
	prepare func(v *docView, words []entry)
}

// writeView is write with the documents seen through v. Its error is
// v.chunk's.
func (g *gathered) writeView(v *docView, opts Options, kept []entry, keptPairs map[string][]entry) (map[string][]byte, error) {
	names := g.names
	// Pairs go in the entry of their first word, by their second.
	pairsOf := map[uint32][]entry{}
	for k, key := range g.pairKeys {
		first := uint32(key >> 32)
		pairsOf[first] = append(pairsOf[first], entry{name: names[uint32(key)], tp: &g.pairList[k]})
	}
	var all []entry
	for id, tp := range g.words {
		if tp != nil {
			all = append(all, entry{name: names[id], tp: tp, id: uint32(id)})
		}
	}
	all = append(all, kept...)
	if v.prepare != nil {
		v.prepare(v, all)
	}
	files := map[string][]byte{}
	order := sortJS(all)
	m := map[string]any{"v": Format, "docs": v.n, "chunk": DocChunk, "pairs": !g.rare, "s": strings.Join(FunctionWords, " ")}
	// The first names, space-separated (words have no spaces): shorter
	// than a JSON list.
	m["t"] = strings.Join(writeListings(files, all, order), " ")
	m["w"] = strings.Join(writeWords(files, all, order, func(i int) []byte {
		if all[i].json != nil {
			return all[i].json
		}
		return wordJSON(all[i].tp, append(pairsOf[all[i].id], keptPairs[all[i].name]...), names, v)
	}), " ")
	for start := 0; start < v.n; start += DocChunk {
		b, err := v.chunk(start / DocChunk)
		if err != nil {
			return nil, err
		}
		files[fmt.Sprintf("d/%d.json", start/DocChunk)] = b
	}
	if len(opts.Synonyms) > 0 {
		m["syn"] = opts.Synonyms
	}
	if opts.Calls != "" {
		m["c"] = opts.Calls
	}
	if len(opts.Languages) > 0 {
		m["langs"] = opts.Languages
	}
	m["id"] = indexID(files)
	meta, _ := json.Marshal(m)
	files["meta.json"] = meta
	return files, nil
}

// indexID names one state of an index's files (all but meta.json): the
// first 8 hex digits of a SHA-256 over their names and bytes in name
// order. meta.json gives it as "id" and the client asks for every other
// file as name?id, so that a browser's cached copy of a file from an
// earlier build (files keep their names from build to build, and hosts
// rarely say how long to cache them) is never read with a newer
// meta.json: the documents' numbers would name the wrong pages.
func indexID(files map[string][]byte) string {
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "%s %d\n", name, len(files[name]))
		h.Write(files[name])
	}
	return hex.EncodeToString(h.Sum(nil)[:4])
}

// wordJSON writes a word's entry with its passages and its pairs, sorted
// by their second word: {"n":…,"p":[…],"v":[…],"f":{…},"x":{"second":
// {"n":…,"p":[…]},…}}.
func wordJSON(tp *termPostings, pairs []entry, names []string, v *docView) []byte {
	b := appendEntry(nil, tp, names)
	b = appendFragments(b, tp, v)
	if len(pairs) > 0 {
		slices.SortFunc(pairs, func(a, b entry) int { return strings.Compare(a.name, b.name) })
		b = append(b, `,"x":{`...)
		for i, e := range pairs {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, e.name)
			b = append(b, ':')
			if e.json != nil {
				b = append(b, e.json...) // kept from an earlier index
				continue
			}
			b = appendEntry(b, e.tp, names)
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

// appendFragments appends "f": the passages around the term in the
// documents whose snippet lacks it (its FragmentsPerWord heaviest, the
// earlier among equals, in a site of more than RarePairs documents), {"doc": [passage number, "text"], …}; nothing
// when there are none. tp.list must be in document order; v.passage
// appends a document's passage by number (from 1).
func appendFragments(b []byte, tp *termPostings, v *docView) []byte {
	with := fragments(tp, v)
	if len(with) == 0 {
		return b
	}
	b = append(b, `,"f":{`...)
	for i, p := range with {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = strconv.AppendInt(b, int64(p.doc), 10)
		b = append(b, `":[`...)
		b = strconv.AppendInt(b, int64(p.win()), 10)
		b = append(b, ',')
		b = v.passage(b, p.doc, p.win())
		b = append(b, ']')
	}
	return append(b, '}')
}

// fragments returns the postings of tp whose passages its entry lists (see
// appendFragments), in document order. tp.list must be in document order.
func fragments(tp *termPostings, v *docView) []posting {
	var with []posting
	for _, p := range tp.list {
		if p.win() > 0 && v.listed(p) {
			with = append(with, p)
		}
	}
	if len(with) == 0 {
		return nil
	}
	slices.SortStableFunc(with, func(a, b posting) int { return cmp.Compare(b.weight, a.weight) })
	if v.n > RarePairs {
		with = with[:min(len(with), FragmentsPerWord)]
	}
	slices.SortFunc(with, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
	return with
}

// spooledPassages reads, each document once and in document order, the
// passages that the entries of words list (fragments), and returns them by
// document and number. It sorts each term's list by document, as
// appendEntry does.
func spooledPassages(sr *spoolReader, words []entry, docs []Analyzed, v *docView) func(doc int32, win int) string {
	var need []uint64 // doc<<8 | passage number
	for _, e := range words {
		if e.json != nil {
			continue // (kept as written: no passage to read)
		}
		slices.SortFunc(e.tp.list, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
		for _, p := range fragments(e.tp, v) {
			need = append(need, uint64(p.doc)<<8|uint64(p.win()))
		}
	}
	slices.Sort(need)
	need = slices.Compact(need)
	got := make(map[uint64]string, len(need))
	for i := 0; i < len(need); {
		doc := int32(need[i] >> 8)
		d := sr.load(&docs[doc])
		for ; i < len(need) && int32(need[i]>>8) == doc; i++ {
			if win := int(need[i] & 0xFF); win <= len(d.passages) {
				got[need[i]] = d.passages[win-1]
			}
		}
	}
	return func(doc int32, win int) string { return got[uint64(doc)<<8|uint64(win)] }
}

// appendEntry appends a term's entry without its closing brace:
// {"n":documents,"p":[gap,weight+256×mask+2²⁴×title,…],"v":[exact forms]. It sorts
// tp.list by document.
func appendEntry(b []byte, tp *termPostings, names []string) []byte {
	list := tp.list
	slices.SortFunc(list, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) }) // a heap when full: see termPostings.add
	b = append(b, `{"n":`...)
	b = strconv.AppendInt(b, int64(tp.df), 10)
	b = append(b, `,"p":[`...)
	prev := int32(0)
	for j, p := range list {
		if j > 0 {
			b = append(b, ',')
		}
		// Two numbers a posting: the document (as the gap from the
		// previous one) and weight + 256 × the mask of exact forms
		// + 2²⁴ when the term is in the title.
		b = strconv.AppendInt(b, int64(p.doc-prev), 10)
		b = append(b, ',')
		t := int64(0)
		if p.flags&titleFlag != 0 {
			t = 1 << 24
		}
		b = strconv.AppendInt(b, int64(p.weight)+256*int64(p.mask)+t, 10)
		prev = p.doc
	}
	b = append(b, ']')
	if len(tp.variants) > 0 {
		b = append(b, `,"v":[`...)
		for j, v := range tp.variants {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendString(b, names[v])
		}
		b = append(b, ']')
	}
	return b
}

// appendString appends s as a JSON string, escaped as encoding/json does
// by default (HTML-safe: <, > and & as \u escapes; U+2028 and U+2029
// escaped; invalid UTF-8 as U+FFFD), so that the files are what
// json.Marshal would write.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
