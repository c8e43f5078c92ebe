package search

import (
	"encoding/binary"
	"errors"
)

// Names returns the Dict's forms by number, as they are now: NewDictOf
// makes a Dict that numbers them the same, so that Analyzed kept from an
// earlier build (loa build's cache) stay valid with it.
func (d *Dict) Names() []string { return d.snapshot() }

// NewDictOf returns a Dict numbering names[i] as i (names as Names
// returned them; no name twice).
func NewDictOf(names []string) *Dict {
	d := &Dict{ids: make(map[string]uint32, len(names)), names: names[:len(names):len(names)]}
	for i, n := range names {
		d.ids[n] = uint32(i)
	}
	return d
}

// GobEncode writes a for encoding/gob: each string (the section key
// too, which the index weighs by: Options.Boost) and the terms as a
// length (unsigned varint) and bytes. Its term numbers are those of the
// Dict it was analyzed with (see Names).
func (a Analyzed) GobEncode() ([]byte, error) {
	n := len(a.url) + len(a.title) + len(a.section) + len(a.snippet) + len(a.sectionKey) + len(a.terms) + 8*binary.MaxVarintLen64
	for _, p := range a.passages {
		n += len(p) + binary.MaxVarintLen64
	}
	buf := make([]byte, 0, n)
	str := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	str(a.url)
	str(a.title)
	str(a.section)
	str(a.snippet)
	str(a.sectionKey)
	buf = binary.AppendUvarint(buf, uint64(len(a.passages)))
	for _, p := range a.passages {
		str(p)
	}
	str(string(a.terms))
	return buf, nil
}

// GobDecode reads what GobEncode wrote. a's terms share data's array
// (they are most of it: at 10,000 pages per language a warm build would
// copy 60 MB), so data must not change while a is in use; its strings
// are copies.
func (a *Analyzed) GobDecode(data []byte) error {
	bad := errors.New("search: a kept analysis is damaged")
	next := func() (string, bool) {
		n, k := binary.Uvarint(data)
		if k <= 0 || n > uint64(len(data)-k) {
			return "", false
		}
		s := string(data[k : k+int(n)])
		data = data[k+int(n):]
		return s, true
	}
	var v Analyzed
	var ok bool
	for _, f := range []*string{&v.url, &v.title, &v.section, &v.snippet, &v.sectionKey} {
		if *f, ok = next(); !ok {
			return bad
		}
	}
	count, k := binary.Uvarint(data)
	if k <= 0 || count > uint64(len(data)) {
		return bad
	}
	data = data[k:]
	if count > 0 {
		v.passages = make([]string, count)
	}
	for i := range v.passages {
		if v.passages[i], ok = next(); !ok {
			return bad
		}
	}
	// The terms, the bulk of it, are read in place (see the doc).
	n, k := binary.Uvarint(data)
	if k <= 0 || n != uint64(len(data)-k) {
		return bad
	}
	if n > 0 {
		v.terms = data[k:len(data):len(data)]
	}
	*a = v
	return nil
}
