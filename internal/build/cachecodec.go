package build

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"time"
	"unsafe"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/markdown"
)

// The shard files of the cache (see recordShards) are written with this
// hand-made binary encoding instead of encoding/gob, which was a sixth of
// a warm build's CPU at 10,000 pages per language (its decoder copies
// every message and reaches every field through reflection).
//
// A shard is a sequence of frames, each the length of its payload (an
// unsigned varint) then the payload: a kind byte, frameRecord (one
// fileRecord), frameSource (one fileSource) or frameTerms (one
// fileTerms, in a terms shard: see termShards), then the value's fields
// in the order of their declaration (but a page's Terms first, and a
// record's location's numbers, so that the rest, which is copied, can be
// read as one string). Integers are varints (signed ones
// zig-zag, encoding/binary), strings and byte slices a length then
// their bytes, booleans a byte, float64 its IEEE 754 bits as an unsigned
// varint, slices their length then their elements (an empty slice is
// read back as nil, as encoding/gob does), maps (in the main file) their
// length then their entries in no particular order, and a time.Time its MarshalBinary bytes, which keep
// the instant and the offset as encoding/gob did (the time zone itself
// is in cachedSource.Zones). Nothing in it is checked but its shape: the
// main file holds each shard's size and CRC-32C (shardRef).
//
// TestShardCodec fills every field of fileRecord and fileSource (through
// reflection, so that a field added later is filled too) and holds the
// value read back equal to the one written: a field the codec forgets
// fails it.
const (
	frameRecord = 'r'
	frameSource = 's'
	frameTerms  = 't'
)

// errShard is the error for a shard whose frames do not decode.
var errShard = errors.New("a shard of the build cache is damaged")

// Within a frame, a string the frame has already written in full (one of
// refMin bytes or more) is written again as a reference to it: an
// unsigned varint of its number among those strings, in the order
// written, times two plus one; a string in full has its length times two
// before its bytes. A page's file is in each position of its front
// matter's keys, and a link's address in its destination, its resolved
// address and the checks' copy of both: the references make a shard
// about a third smaller (50 to 32 MB at 10,000 pages per language),
// which a warm build reads and decodes whole.
const refMin = 4

// enc appends values to b; err is the first value it could not encode.
type enc struct {
	b   []byte
	err error
	// refs, in a frame (framed), are the strings of refMin bytes or
	// more that it has written in full.
	refs   []string
	framed bool
	// spill, when set, is given what b holds, and b emptied, whenever b
	// holds spillSize bytes or more at a point where encodeState calls
	// spilled: writeCache writes the main file (~10 MB at 10,000 pages
	// per language) in pieces, not made whole in memory at the end of
	// the build, where its heap is largest.
	spill func([]byte)
}

// spillSize is how many bytes enc holds before it gives them to spill.
const spillSize = 64 << 10

// spilled gives b to spill when it holds spillSize bytes or more.
func (e *enc) spilled() {
	if e.spill != nil && len(e.b) >= spillSize {
		e.spill(e.b)
		e.b = e.b[:0]
	}
}

func (e *enc) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *enc) str(s string) {
	if !e.framed {
		e.uint(uint64(len(s)))
		e.b = append(e.b, s...)
		return
	}
	if len(s) >= refMin {
		for i, r := range e.refs {
			if len(r) == len(s) && r == s {
				e.uint(uint64(i)<<1 | 1)
				return
			}
		}
		e.refs = append(e.refs, s)
	}
	e.uint(uint64(len(s)) << 1)
	e.b = append(e.b, s...)
}
func (e *enc) bytes(p []byte) {
	e.uint(uint64(len(p)))
	e.b = append(e.b, p...)
}
func (e *enc) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *enc) time(t time.Time) {
	p, err := t.MarshalBinary()
	if err != nil && e.err == nil {
		// (an offset out of range: as with encoding/gob, the cache is
		// then not written)
		e.err = err
	}
	e.bytes(p)
}

func (e *enc) position(p diag.Position) {
	e.str(p.File)
	e.int(int64(p.Line))
	e.int(int64(p.Col))
}

func (e *enc) args(args []diag.StoredArg) {
	e.uint(uint64(len(args)))
	for _, a := range args {
		e.b = append(e.b, a.Kind)
		e.str(a.S)
		e.int(a.I)
		e.uint(a.U)
		e.uint(math.Float64bits(a.F))
		e.str(a.Format)
		e.args(a.Args)
	}
}

func (e *enc) diags(l []diag.Stored) {
	e.uint(uint64(len(l)))
	for _, d := range l {
		e.position(d.Pos)
		e.int(int64(d.Severity))
		e.str(d.Code)
		e.str(d.Check)
		e.str(d.Message)
		e.str(d.Hint)
		e.str(d.Source)
		e.int(int64(d.Span))
		e.str(d.HintCode)
		e.args(d.Args)
		e.args(d.HintArgs)
		e.bool(d.HasArgs)
		e.bool(d.HasHintArgs)
	}
}

func (e *enc) attachments(l []content.Attachment) {
	e.uint(uint64(len(l)))
	for _, a := range l {
		e.str(a.Path)
		e.str(a.Name)
		e.int(a.Size)
	}
}

func (e *enc) strs(l []string) {
	e.uint(uint64(len(l)))
	for _, s := range l {
		e.str(s)
		e.spilled()
	}
}

func (e *enc) int32s(l []int32) {
	e.uint(uint64(len(l)))
	for _, v := range l {
		e.int(int64(v))
	}
}

// frame appends a frame of the kind, whose payload fill appends.
func (e *enc) frame(kind byte, fill func()) {
	start := len(e.b)
	e.b = append(e.b, kind)
	e.refs, e.framed = e.refs[:0], true
	fill()
	e.framed = false
	// The length goes before the payload: moved up by its size.
	var n [binary.MaxVarintLen64]byte
	k := binary.PutUvarint(n[:], uint64(len(e.b)-start))
	e.b = slices.Insert(e.b, start, n[:k]...)
}

// record appends fr as a frame.
func (e *enc) record(fr *fileRecord) {
	e.frame(frameRecord, func() {
		r := &fr.Record
		// First the numbers of its location, a third of a record's
		// bytes: the rest, read as one string (dec.text), is copied
		// without them.
		e.int32s(r.Location.At)
		e.int32s(r.Location.Lines)
		e.str(fr.File)
		e.uint(r.Text)
		e.str(r.Path)
		e.str(r.Lang)
		e.str(r.Layout)
		e.str(r.Title)
		e.str(r.Description)
		e.str(r.Section)
		e.attachments(r.Attachments)
		e.attachments(r.Used)
		e.uint(uint64(len(r.Links)))
		for _, l := range r.Links {
			e.str(l.Dest)
			e.str(l.URL)
			e.str(l.Lang)
			e.str(l.Err)
		}
		e.diags(r.Diags)
		e.diags(r.RenderDiags)
		e.uint(uint64(len(r.CheckLinks)))
		for _, l := range r.CheckLinks {
			e.int(int64(l.Offset))
			e.str(l.Dest)
			e.str(l.URL)
			e.bool(l.Image)
			e.str(l.Alt)
		}
		e.uint(uint64(len(r.TOC)))
		for _, h := range r.TOC {
			e.int(int64(h.Level))
			e.str(h.ID)
			e.str(h.Text)
			e.int(int64(h.Offset))
		}
		e.uint(uint64(len(r.Numbers)))
		for _, n := range r.Numbers {
			e.int(int64(n.Offset))
			e.str(n.Text)
			e.str(n.Dial)
		}
		e.uint(r.AnalyzedSum)
		e.uint(uint64(len(r.Photos)))
		for _, p := range r.Photos {
			e.str(p.Path)
			e.int(p.Before)
			e.int(p.After)
		}
		e.strs(r.Location.Texts)
		e.bool(r.Location.Blank)
		e.bool(r.Located)
	})
}

// terms appends ft as a frame.
func (e *enc) terms(ft *fileTerms) {
	e.frame(frameTerms, func() {
		e.bytes(ft.Terms) // first: the rest is read as one string (dec.text)
		e.str(ft.File)
	})
}

// source appends fs as a frame.
func (e *enc) source(fs *fileSource) {
	e.frame(frameSource, func() {
		e.str(fs.File)
		s := &fs.Source
		e.int(s.Stamp.Size)
		e.int(s.Stamp.ModTime)
		e.int(s.Stamp.ChangeTime)
		e.uint(s.Stamp.Inode)
		e.uint(s.Stamp.Device)
		fm := &s.FrontMatter
		e.str(fm.Title)
		e.str(fm.Description)
		e.time(fm.Date)
		e.time(fm.Lastmod)
		e.bool(fm.Draft)
		e.int(int64(fm.Weight))
		e.uint(uint64(len(fm.Aliases)))
		for _, a := range fm.Aliases {
			e.str(a.Value)
			e.position(a.Pos)
		}
		e.strs(fm.Tags)
		e.str(fm.TranslationKey)
		e.str(fm.Layout)
		e.str(fm.Leaflet)
		e.position(fm.Pos)
		e.uint(uint64(len(fm.Keys)))
		for _, k := range fm.Keys { // (in the order written)
			e.str(k.Key)
			e.position(k.Pos)
		}
		e.str(s.Slug)
		e.int(int64(s.BodyOffset))
		e.uint(s.Sum)
		e.bool(s.Failed)
		e.diags(s.Diags)
		for _, z := range s.Zones {
			e.b = append(e.b, z.Kind)
			e.str(z.Name)
			e.int(int64(z.Offset))
		}
	})
}

// dec reads values from b; past its end, or on a length longer than what
// is left, it sets bad and reads zeros.
type dec struct {
	b   []byte
	bad bool
	// s, when set (text), is what was left of b then, as a string: str
	// returns parts of it instead of a string each.
	s string
	// refs, in a frame (framed), are the strings that enc.str numbered
	// for references.
	refs   []string
	framed bool
	// sl gives the slices decoded (see slabs); a dec must have one.
	sl *slabs
}

// slabs gives the slices of what one shard's frames of a kind decode to
// (records, or sources) as parts of a few larger arrays: a record has ten
// slices or so, and making each alone was ~200,000 allocations in a warm
// build at 10,000 pages per language. A shard's records are let go
// together (letGoRecords), so its arrays are too; its sources have slabs
// of their own, as they may be kept when its records are not.
type slabs struct {
	i32    slab[int32]
	atts   slab[content.Attachment]
	links  slab[cachedLink]
	diags  slab[diag.Stored]
	args   slab[diag.StoredArg]
	checks slab[markdown.Link]
	toc    slab[markdown.Heading]
	nums   slab[markdown.Number]
	photos slab[cachedPhoto]
	strs   slab[string]
}

// slab hands out slices of E, each a part of an array made for several
// (the next one twice as large as the last, up to slabMax elements).
type slab[E any] struct {
	free []E // what is left of the last array
	next int
}

// slabMax is the most elements a slab's array is made for, but for a
// slice asked larger.
const slabMax = 1024

// take returns a slice of n zero elements of s. Its capacity is n:
// appending to it copies, never reaching another's elements.
func take[E any](s *slab[E], n int) []E {
	if n > len(s.free) {
		s.next = min(max(2*s.next, 16), slabMax)
		s.free = make([]E, max(n, s.next))
	}
	l := s.free[:n:n]
	s.free = s.free[n:]
	return l
}

// text makes the strings read from here on parts of what is left of b,
// as one string that shares b's array: no copy is made, so the bytes a
// dec reads must not change while anything decoded from them lives
// (decodeShard's and decodeState's callers give them files read for
// that alone). The cache's strings were ~30 MB of copies at 10,000 pages
// per language, memory the system hands over fresh (page faults are most
// of a warm build's system time).
func (d *dec) text() {
	if len(d.b) > 0 {
		d.s = unsafe.String(unsafe.SliceData(d.b), len(d.b))
	}
}

func (d *dec) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) byte() byte {
	if len(d.b) == 0 {
		d.bad = true
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *dec) bool() bool { return d.byte() != 0 }

// raw returns the next length-prefixed bytes, in d's own array.
func (d *dec) raw() []byte {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return nil
	}
	p := d.b[:n:n]
	d.b = d.b[n:]
	return p
}

func (d *dec) str() string {
	if !d.framed {
		return d.stringOf(d.raw())
	}
	v := d.uint()
	if v&1 == 1 {
		if v>>1 >= uint64(len(d.refs)) {
			d.bad, d.b = true, nil
			return ""
		}
		return d.refs[v>>1]
	}
	if v>>1 > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return ""
	}
	p := d.b[:v>>1]
	d.b = d.b[v>>1:]
	s := d.stringOf(p)
	if len(s) >= refMin {
		d.refs = append(d.refs, s)
	}
	return s
}

// stringOf returns p, which was just read from b, as a string: a part of s
// when set.
func (d *dec) stringOf(p []byte) string {
	if d.s == "" {
		return string(p)
	}
	if len(p) == 0 {
		return ""
	}
	// (p ends where what is left of b starts, as in s)
	end := len(d.s) - len(d.b)
	return d.s[end-len(p) : end]
}

// bytes returns the next byte slice, nil when empty; it shares the
// shard's array (full slice expression: appending copies), as the
// strings do (text).
func (d *dec) bytes() []byte {
	p := d.raw()
	if len(p) == 0 {
		return nil
	}
	return p
}

// count reads a slice's length: each element takes a byte at least, so a
// damaged length cannot make a slice larger than what is left.
func (d *dec) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return 0
	}
	return int(n)
}

func (d *dec) time() time.Time {
	var t time.Time
	if err := t.UnmarshalBinary(d.raw()); err != nil {
		d.bad = true
	}
	return t
}

func (d *dec) position() diag.Position {
	return diag.Position{File: d.str(), Line: int(d.int()), Col: int(d.int())}
}

func (d *dec) args() []diag.StoredArg {
	n := d.count()
	if n == 0 {
		return nil
	}
	l := take(&d.sl.args, n)
	for i := range l {
		a := &l[i]
		a.Kind = d.byte()
		a.S = d.str()
		a.I = d.int()
		a.U = d.uint()
		a.F = math.Float64frombits(d.uint())
		a.Format = d.str()
		a.Args = d.args()
	}
	return l
}

func (d *dec) diags() []diag.Stored {
	n := d.count()
	if n == 0 {
		return nil
	}
	l := take(&d.sl.diags, n)
	for i := range l {
		s := &l[i]
		s.Pos = d.position()
		s.Severity = diag.Severity(d.int())
		s.Code = d.str()
		s.Check = d.str()
		s.Message = d.str()
		s.Hint = d.str()
		s.Source = d.str()
		s.Span = int(d.int())
		s.HintCode = d.str()
		s.Args = d.args()
		s.HintArgs = d.args()
		s.HasArgs = d.bool()
		s.HasHintArgs = d.bool()
	}
	return l
}

func (d *dec) attachments() []content.Attachment {
	n := d.count()
	if n == 0 {
		return nil
	}
	l := take(&d.sl.atts, n)
	for i := range l {
		l[i] = content.Attachment{Path: d.str(), Name: d.str(), Size: d.int()}
	}
	return l
}

func (d *dec) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	l := take(&d.sl.strs, n)
	for i := range l {
		l[i] = d.str()
	}
	return l
}

func (d *dec) int32s() []int32 {
	n := d.count()
	if n == 0 {
		return nil
	}
	l := take(&d.sl.i32, n)
	for i := range l {
		l[i] = int32(d.int())
	}
	return l
}

// record reads a record frame's payload (after its kind) into fr.
func (d *dec) record(fr *fileRecord) {
	r := &fr.Record
	r.Location.At, r.Location.Lines = d.int32s(), d.int32s()
	d.text()
	fr.File = d.str()
	r.Text = d.uint()
	r.Path = d.str()
	r.Lang = d.str()
	r.Layout = d.str()
	r.Title = d.str()
	r.Description = d.str()
	r.Section = d.str()
	r.Attachments = d.attachments()
	r.Used = d.attachments()
	if n := d.count(); n > 0 {
		r.Links = take(&d.sl.links, n)
		for i := range r.Links {
			r.Links[i] = cachedLink{Dest: d.str(), URL: d.str(), Lang: d.str(), Err: d.str()}
		}
	}
	r.Diags = d.diags()
	r.RenderDiags = d.diags()
	if n := d.count(); n > 0 {
		r.CheckLinks = take(&d.sl.checks, n)
		for i := range r.CheckLinks {
			r.CheckLinks[i] = markdown.Link{Offset: int(d.int()), Dest: d.str(), URL: d.str(), Image: d.bool(), Alt: d.str()}
		}
	}
	if n := d.count(); n > 0 {
		r.TOC = take(&d.sl.toc, n)
		for i := range r.TOC {
			r.TOC[i] = markdown.Heading{Level: int(d.int()), ID: d.str(), Text: d.str(), Offset: int(d.int())}
		}
	}
	if n := d.count(); n > 0 {
		r.Numbers = take(&d.sl.nums, n)
		for i := range r.Numbers {
			r.Numbers[i] = markdown.Number{Offset: int(d.int()), Text: d.str(), Dial: d.str()}
		}
	}
	r.AnalyzedSum = d.uint()
	if n := d.count(); n > 0 {
		r.Photos = take(&d.sl.photos, n)
		for i := range r.Photos {
			r.Photos[i] = cachedPhoto{Path: d.str(), Before: d.int(), After: d.int()}
		}
	}
	r.Location.Texts, r.Location.Blank = d.strs(), d.bool()
	r.Located = d.bool()
}

// terms reads a terms frame's payload (after its kind) into ft.
func (d *dec) terms(ft *fileTerms) {
	ft.Terms = d.bytes()
	d.text()
	ft.File = d.str()
}

// source reads a source frame's payload (after its kind) into fs.
func (d *dec) source(fs *fileSource) {
	d.text()
	fs.File = d.str()
	s := &fs.Source
	s.Stamp = fileStamp{Size: d.int(), ModTime: d.int(), ChangeTime: d.int(), Inode: d.uint(), Device: d.uint()}
	fm := &s.FrontMatter
	fm.Title = d.str()
	fm.Description = d.str()
	fm.Date = d.time()
	fm.Lastmod = d.time()
	fm.Draft = d.bool()
	fm.Weight = int(d.int())
	if n := d.count(); n > 0 {
		fm.Aliases = sliceOf(fm.Aliases, n)
		for i := range fm.Aliases {
			fm.Aliases[i].Value = d.str()
			fm.Aliases[i].Pos = d.position()
		}
	}
	fm.Tags = d.strs()
	fm.TranslationKey = d.str()
	fm.Layout = d.str()
	fm.Leaflet = d.str()
	fm.Pos = d.position()
	if n := d.count(); n > 0 {
		fm.Keys = sliceOf(fm.Keys, n)
		for i := range fm.Keys {
			fm.Keys[i].Key = d.str()
			fm.Keys[i].Pos = d.position()
		}
	}
	s.Slug = d.str()
	s.BodyOffset = int(d.int())
	s.Sum = d.uint()
	s.Failed = d.bool()
	s.Diags = d.diags()
	for i := range s.Zones {
		s.Zones[i] = cachedZone{Kind: d.byte(), Name: d.str(), Offset: int(d.int())}
	}
}

// sliceOf makes a slice of S's type (the front matter's, whose package
// the build does not import: layers_test.go).
func sliceOf[S ~[]E, E any](_ S, n int) S { return make(S, n) }

// appendShard appends the frames of sd's records, its terms then its
// sources to b.
func appendShard(b []byte, sd *shardData) ([]byte, error) {
	e := enc{b: b}
	for i := range sd.Records {
		e.record(&sd.Records[i])
	}
	for i := range sd.Terms {
		e.terms(&sd.Terms[i])
	}
	for i := range sd.Sources {
		e.source(&sd.Sources[i])
	}
	return e.b, e.err
}

// decodeShard decodes a shard file's frames (see appendShard) and
// appends their records, terms and sources to sd's. A shard of no page
// holds none (an empty file). What it decodes shares data's array (its
// strings and the Terms, see dec.text): data must not change after.
func decodeShard(data []byte, sd *shardData) error {
	var refs []string // (one array for every frame's)
	var records, sources slabs
	for len(data) > 0 {
		n, k := binary.Uvarint(data)
		if k <= 0 || n == 0 || n > uint64(len(data)-k) {
			return errShard
		}
		d := dec{b: data[k : k+int(n)], framed: true, refs: refs[:0], sl: &records}
		data = data[k+int(n):]
		switch d.byte() {
		case frameRecord:
			sd.Records = append(sd.Records, fileRecord{})
			d.record(&sd.Records[len(sd.Records)-1])
		case frameSource:
			d.sl = &sources
			sd.Sources = append(sd.Sources, fileSource{})
			d.source(&sd.Sources[len(sd.Sources)-1])
		case frameTerms:
			sd.Terms = append(sd.Terms, fileTerms{})
			d.terms(&sd.Terms[len(sd.Terms)-1])
		default:
			return errShard
		}
		if d.bad || len(d.b) > 0 {
			return errShard
		}
		refs = d.refs
	}
	return nil
}

// The main file's payload (after its header and checksum) is a
// cacheState in the same encoding: its exported fields in the order of
// their declaration (maps in no particular order; nothing reads the file
// in order). TestMainCodec holds every field through, as TestShardCodec
// does for the shards.

func (e *enc) strUints(m map[string]uint64) {
	e.uint(uint64(len(m)))
	for k, v := range m {
		e.str(k)
		e.uint(v)
		e.spilled()
	}
}

func (d *dec) strUints() map[string]uint64 {
	n := d.count()
	if n == 0 {
		return nil
	}
	m := make(map[string]uint64, n)
	for range n {
		k := d.str()
		m[k] = d.uint()
	}
	return m
}

// appendState appends st's exported fields to b.
func appendState(b []byte, st *cacheState) []byte {
	e := enc{b: b}
	encodeState(&e, st)
	return e.b
}

// encodeState appends st's exported fields to e's bytes (see enc.spill).
func encodeState(e *enc, st *cacheState) {
	e.b = append(e.b, st.Global[:]...)
	e.b = append(e.b, st.Tool[:]...)
	e.uint(uint64(len(st.Shards)))
	for _, s := range st.Shards {
		e.uint(uint64(s.Sum))
		e.int(s.Size)
		e.int(int64(s.Records))
		e.int(int64(s.Sources))
	}
	e.uint(uint64(len(st.TermShards)))
	for lang, refs := range st.TermShards {
		e.str(lang)
		e.uint(uint64(len(refs)))
		for _, s := range refs {
			e.uint(uint64(s.Sum))
			e.int(s.Size)
			e.int(int64(s.Records))
			e.int(int64(s.Sources))
		}
	}
	e.strUints(st.Keys)
	e.uint(uint64(len(st.Files)))
	for f, c := range st.Files {
		e.str(f)
		e.str(c.Owner)
		e.int(c.Size)
		e.int(c.ModTime)
		e.int(c.ChangeTime)
		e.uint(c.Inode)
		e.spilled()
	}
	e.uint(uint64(len(st.Dirs)))
	for f, t := range st.Dirs {
		e.str(f)
		e.int(t)
		e.spilled()
	}
	e.uint(st.World)
	e.strs(st.Phones)
	e.uint(st.DirKey)
	e.strs(st.Dict)
	e.strUints(st.SearchKeys)
	e.uint(uint64(len(st.SearchDocs)))
	for lang, docs := range st.SearchDocs {
		e.str(lang)
		e.uint(uint64(len(docs)))
		for _, d := range docs {
			e.uint(d.Sum)
			e.int(int64(d.Page))
			e.spilled()
		}
	}
	e.b = append(e.b, st.LoadKey[:]...)
	e.bool(st.ExtraDiags)
	e.strs(st.PageFiles)
	e.uint(uint64(len(st.PageSums)))
	for _, s := range st.PageSums {
		e.uint(s[0])
		e.uint(s[1])
		e.spilled()
	}
	e.uint(uint64(len(st.PageRefs)))
	for _, r := range st.PageRefs {
		e.int32s(r)
		e.spilled()
	}
	e.strUints(st.LangKeys)
}

// decodeState decodes what appendState wrote into st. Its strings share
// data's array (dec.text): data must not change after.
func decodeState(data []byte, st *cacheState) error {
	d := dec{b: data, sl: &slabs{}}
	// Its strings (the output's files, their owners, the pages' files:
	// ~100,000 at 10,000 pages per language) parts of one string.
	d.text()
	key := func(k *[32]byte) {
		if len(d.b) < len(k) {
			d.bad, d.b = true, nil
			return
		}
		d.b = d.b[copy(k[:], d.b):]
	}
	key(&st.Global)
	key(&st.Tool)
	if n := d.count(); n > 0 {
		st.Shards = make([]shardRef, n)
		for i := range st.Shards {
			st.Shards[i] = shardRef{Sum: uint32(d.uint()), Size: d.int(), Records: int(d.int()), Sources: int(d.int())}
		}
	}
	if n := d.count(); n > 0 {
		st.TermShards = make(map[string][]shardRef, n)
		for range n {
			lang := d.str()
			var refs []shardRef
			if n := d.count(); n > 0 {
				refs = make([]shardRef, n)
				for i := range refs {
					refs[i] = shardRef{Sum: uint32(d.uint()), Size: d.int(), Records: int(d.int()), Sources: int(d.int())}
				}
			}
			st.TermShards[lang] = refs
		}
	}
	st.Keys = d.strUints()
	if n := d.count(); n > 0 {
		st.Files = make(map[string]cachedFile, n)
		for range n {
			f := d.str()
			st.Files[f] = cachedFile{Owner: d.str(), Size: d.int(), ModTime: d.int(), ChangeTime: d.int(), Inode: d.uint()}
		}
	}
	if n := d.count(); n > 0 {
		st.Dirs = make(map[string]int64, n)
		for range n {
			f := d.str()
			st.Dirs[f] = d.int()
		}
	}
	st.World = d.uint()
	st.Phones = d.strs()
	st.DirKey = d.uint()
	st.Dict = d.strs()
	st.SearchKeys = d.strUints()
	if n := d.count(); n > 0 {
		st.SearchDocs = make(map[string][]searchDoc, n)
		for range n {
			lang := d.str()
			var docs []searchDoc
			if n := d.count(); n > 0 {
				docs = make([]searchDoc, n)
				for i := range docs {
					docs[i] = searchDoc{Sum: d.uint(), Page: int32(d.int())}
				}
			}
			st.SearchDocs[lang] = docs
		}
	}
	key(&st.LoadKey)
	st.ExtraDiags = d.bool()
	st.PageFiles = d.strs()
	if n := d.count(); n > 0 {
		st.PageSums = make([][2]uint64, n)
		for i := range st.PageSums {
			st.PageSums[i] = [2]uint64{d.uint(), d.uint()}
		}
	}
	if n := d.count(); n > 0 {
		st.PageRefs = make([][]int32, n)
		for i := range st.PageRefs {
			st.PageRefs[i] = d.int32s()
		}
	}
	st.LangKeys = d.strUints()
	if d.bad || len(d.b) > 0 {
		return errShard
	}
	return nil
}
