package search

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"sync"
)

// Spool keeps Analyzed documents in a file instead of memory, so that a
// build of a large site does not hold every page's terms and passages
// (about 5 KB a page) from rendering it to writing the index. Put moves a
// document's data to the file and leaves a small reference in its place;
// Build reads it back, in about the order it was put. The index written
// is the same as from the documents in memory.
//
// Put is safe for concurrent use; Build must not run concurrently with
// Put. A failure to write keeps the document in memory, and the spool
// writes nothing more: the index stays right (a full disk then fails the
// build where the site is written, not here). A failure to read the file
// is kept and reported by Err: an index built after one is wrong, and the
// caller must not publish it.
type Spool struct {
	mu   sync.Mutex
	f    *os.File
	name string
	off  int64 // where the next record goes
	buf  []byte
	err  error
	full bool // a write failed: Put leaves documents in memory
}

// NewSpool creates the spool's file in dir, under a name beginning with
// prefix (os.CreateTemp); Close removes it.
func NewSpool(dir, prefix string) (*Spool, error) {
	f, err := os.CreateTemp(dir, prefix+"*")
	if err != nil {
		return nil, err
	}
	return &Spool{f: f, name: f.Name()}, nil
}

// Err reports the first failure to read the spool's file.
func (s *Spool) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Close closes and removes the file.
func (s *Spool) Close() error {
	err := s.f.Close()
	if rmErr := os.Remove(s.name); err == nil {
		err = rmErr
	}
	return err
}

func (s *Spool) fail(err error) {
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.mu.Unlock()
}

// Put writes a's terms, passages, URL, title, section and snippet to the
// file and leaves in a only where they are (and its section key, short). A document already in a
// spool, or one Analyze did not make, is left as it is.
func (s *Spool) Put(a *Analyzed) {
	if a.spool != nil || a.terms == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil || s.full {
		return
	}
	b := binary.AppendUvarint(s.buf[:0], uint64(len(a.terms)))
	b = append(b, a.terms...)
	for _, str := range [...]string{a.url, a.title, a.section, a.snippet} {
		b = binary.AppendUvarint(b, uint64(len(str)))
		b = append(b, str...)
	}
	b = binary.AppendUvarint(b, uint64(len(a.passages)))
	for _, p := range a.passages {
		b = binary.AppendUvarint(b, uint64(len(p)))
		b = append(b, p...)
	}
	s.buf = b
	if _, err := s.f.WriteAt(b, s.off); err != nil {
		s.full = true // a is left as it was, in memory
		return
	}
	*a = Analyzed{sectionKey: a.sectionKey, spool: s, at: s.off, size: uint32(len(b)), npassages: uint8(len(a.passages))}
	s.off += int64(len(b))
}

// spoolReader reads records back, a block at a time: records of one
// language come back in about the order they were put, so that most are
// found in the block read last.
type spoolReader struct {
	s     *Spool
	block []byte
	start int64 // offset of block in the file
}

// blockSize is how much a spoolReader reads at once.
const blockSize = 1 << 18

// record returns d's record, valid until the next call; nil when the file
// could not be read (the Spool keeps the error).
func (r *spoolReader) record(d *Analyzed) []byte {
	end := d.at + int64(d.size)
	if d.at < r.start || end > r.start+int64(len(r.block)) {
		n := max(int64(blockSize), int64(d.size))
		if cap(r.block) < int(n) {
			r.block = make([]byte, n)
		}
		r.block = r.block[:n]
		m, err := d.spool.f.ReadAt(r.block, d.at)
		if m < int(d.size) {
			if err == nil || errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			d.spool.fail(err)
			r.block, r.start = r.block[:0], 0
			return nil
		}
		r.block, r.start = r.block[:m], d.at
	}
	return r.block[d.at-r.start : end-r.start]
}

// terms returns d's terms: from memory, or read from the spool (valid
// until the reader's next call).
func (r *spoolReader) terms(d *Analyzed) []byte {
	if d.spool == nil {
		return d.terms
	}
	rec := r.record(d)
	n, k := binary.Uvarint(rec)
	if k <= 0 || uint64(len(rec)-k) < n {
		return nil
	}
	return rec[k : k+int(n)]
}

// load returns d with its URL, title, section, snippet and passages in
// memory (not its terms), read from the spool when it is there.
func (r *spoolReader) load(d *Analyzed) Analyzed {
	if d.spool == nil {
		return *d
	}
	rec := r.record(d)
	next := func() []byte {
		n, k := binary.Uvarint(rec)
		if k <= 0 || uint64(len(rec)-k) < n {
			rec = nil
			return nil
		}
		v := rec[k : k+int(n)]
		rec = rec[k+int(n):]
		return v
	}
	var a Analyzed
	next() // the terms
	a.url, a.title, a.section, a.snippet = string(next()), string(next()), string(next()), string(next())
	n, k := binary.Uvarint(rec)
	if k > 0 {
		rec = rec[k:]
		a.passages = make([]string, 0, n)
		for range n {
			a.passages = append(a.passages, string(next()))
		}
	}
	return a
}
