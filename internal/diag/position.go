package diag

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// Position is a place in a source file. Line and Col are 1-based; Col counts
// characters (runes), not bytes. A zero Line means "the whole file"; a zero
// Col means "the whole line".
type Position struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// String formats p as file:line:col, dropping the parts that are zero.
func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// LineIndex maps byte offsets in one file's text to line and column.
// Build it once per file with NewLineIndex; it keeps a reference to src.
type LineIndex struct {
	file   string
	src    []byte
	starts []int // byte offset of the first byte of each line
}

// NewLineIndex indexes the line starts of src. Lines end at '\n'.
func NewLineIndex(file string, src []byte) *LineIndex {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &LineIndex{file: file, src: src, starts: starts}
}

// Position returns the position of byte offset off. Offsets outside src are
// clamped to its ends, and an offset inside a multi-byte character moves
// to that character's first byte. The column counts runes from the line
// start.
func (x *LineIndex) Position(off int) Position {
	off = max(0, min(off, len(x.src)))
	for off > 0 && off < len(x.src) && !utf8.RuneStart(x.src[off]) {
		off--
	}
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	col := utf8.RuneCount(x.src[x.starts[line]:off]) + 1
	return Position{File: x.file, Line: line + 1, Col: col}
}

// Line returns the text of 1-based line n without its line end, or "" when
// n is out of range.
func (x *LineIndex) Line(n int) string {
	if n < 1 || n > len(x.starts) {
		return ""
	}
	end := len(x.src)
	if n < len(x.starts) {
		end = x.starts[n] - 1
	}
	s := x.src[x.starts[n-1]:end]
	if len(s) > 0 && s[len(s)-1] == '\r' {
		s = s[:len(s)-1]
	}
	return string(s)
}
