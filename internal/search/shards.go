package search

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf16"
)

// Shard sizes, in bytes of JSON before compression (about a third after
// gzip). Words are written in files of neighbouring words, so that the
// number of files grows with the size of the index, not with the number
// of words or pages: a query word downloads one listing and one shard.
const (
	// ListingBytes is the size at which a listing (t/<n>.json: the words
	// of a few first-two-letter groups and how many documents have each)
	// is closed. A group is never split, so that completing a word or
	// finding a near miss reads one listing.
	ListingBytes = 2500
	// ShardBytes is the size at which a shard of word entries
	// (w/<n>.json) is closed; a word larger than that has a shard of its
	// own.
	ShardBytes = 4000
)

// sortJS returns the order of es by name as JavaScript compares strings
// (UTF-16 code units), which the client uses to find a word's listing and
// shard among the first names meta.json gives.
func sortJS(es []entry) []int {
	keys := make([][]uint16, len(es))
	order := make([]int, len(es))
	for i, e := range es {
		keys[i] = utf16.Encode([]rune(e.name))
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return slices.Compare(keys[a], keys[b]) })
	return order
}

// writeListings writes the listings t/<n>.json, {"word": documents, …},
// and returns the first two-letter group of each.
func writeListings(files map[string][]byte, es []entry, order []int) []string {
	var firsts []string
	var b []byte
	flush := func() {
		if len(b) > 0 {
			files[fmt.Sprintf("t/%d.json", len(firsts)-1)] = append(b, '}')
			b = nil
		}
	}
	group := ""
	for _, i := range order {
		e := es[i]
		if p := Prefix(e.name); p != group || len(b) == 0 {
			group = p
			if len(b) >= ListingBytes || len(b) == 0 {
				flush()
				firsts = append(firsts, p)
				b = append(b, '{')
			}
		}
		if b[len(b)-1] != '{' {
			b = append(b, ',')
		}
		b = appendString(b, e.name)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(e.tp.df), 10)
	}
	flush()
	return firsts
}

// writeWords writes the shards w/<n>.json, {"word": entry, …}, with
// entry(i) the entry of es[i], and returns the first word of each.
func writeWords(files map[string][]byte, es []entry, order []int, entry func(i int) []byte) []string {
	var firsts []string
	var b []byte
	flush := func() {
		if len(b) > 0 {
			files[fmt.Sprintf("w/%d.json", len(firsts)-1)] = append(b, '}')
			b = nil
		}
	}
	last := ""
	for _, i := range order {
		e := entry(i)
		if len(b) > 0 && len(b)+len(e) > ShardBytes {
			flush()
		}
		if len(b) == 0 {
			firsts = append(firsts, between(last, es[i].name))
			b = append(b, '{')
		} else {
			b = append(b, ',')
		}
		b = appendString(b, es[i].name)
		b = append(b, ':')
		b = append(b, e...)
		last = es[i].name
	}
	flush()
	return firsts
}

// between returns the shortest start of next (whole characters) that
// JavaScript orders after prev, given prev before next: the first name a
// shard needs in meta.json.
func between(prev, next string) string {
	if prev == "" {
		return ""
	}
	p := utf16.Encode([]rune(prev))
	for i := range next {
		if i > 0 && slices.Compare(utf16.Encode([]rune(next[:i])), p) > 0 {
			return next[:i]
		}
	}
	return next
}

// Changed compares two indexes of one language as Build returns them and
// lists the files to write (new or different) and to remove (gone), each
// sorted: what an incremental rebuild must touch after some pages changed.
// A changed page alters the shards of its words, their listings, its
// document chunk and meta.json's counts; as shards are cut by size, a
// word that grows can move the first words of the shards after it, and
// those then change too.
func Changed(old, new map[string][]byte) (write, remove []string) {
	for name, b := range new {
		if o, ok := old[name]; !ok || string(o) != string(b) {
			write = append(write, name)
		}
	}
	for name := range old {
		if _, ok := new[name]; !ok {
			remove = append(remove, name)
		}
	}
	slices.Sort(write)
	slices.Sort(remove)
	return write, remove
}
