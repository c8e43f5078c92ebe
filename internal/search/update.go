package search

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// UpdateWith returns the files BuildWith(dict, docs, opts) returns, with
// work in proportion to the documents that changed rather than to all:
// the postings of a word or pair are gathered again only when a changed
// document has it (now or before); every other word's entry, and every
// other pair's within the entry of its first word, is taken as it is
// from the earlier index's files, which prev reads by name ("w/3.json"). That index is the one BuildWith (or
// UpdateWith) made, with the same opts, of as many documents as docs,
// the same in the same order but at the places changed, where
// docs[changed[k]] was before[k] (analyzed with dict, whose numbers do not
// change). A word's entry depends only on its own postings and pairs, the
// number of documents and the passages of the documents it lists, so the
// files are byte for byte those of BuildWith (TestUpdateWith).
//
// It returns an error when prev's files are not such an index (a file
// missing or not as BuildWith writes it, another number of documents):
// then call BuildWith.
func UpdateWith(dict *Dict, docs []Analyzed, opts Options, changed []int, before []Analyzed, prev func(name string) ([]byte, error)) (map[string][]byte, error) {
	return UpdateBeside(nil, dict, docs, opts, changed, before, prev)
}

// UpdateBeside is UpdateWith with the postings of the words and those of
// the pairs gathered side by side: run must call the functions it is
// given at once (the package starts no goroutine itself) and return
// when all have returned; nil calls them one after the other. The
// files are the same (TestUpdateWith); on two cores the update takes
// about half the time of its largest part, the pass over every
// document.
func UpdateBeside(run func(fns ...func()), dict *Dict, docs []Analyzed, opts Options, changed []int, before []Analyzed, prev func(name string) ([]byte, error)) (map[string][]byte, error) {
	if len(changed) != len(before) {
		return nil, errors.New("search: changed and before differ in length")
	}
	data, err := prev("meta.json")
	if err != nil {
		return nil, err
	}
	if err := Updatable(data, len(docs)); err != nil {
		return nil, err
	}
	var meta meta
	_ = json.Unmarshal(data, &meta)
	// The words changed documents have or had, by folded number (their
	// own and, though it is one of them already, the first of each pair),
	// and their pairs.
	names := dict.snapshot()
	only := make([]bool, len(names))
	pairs := map[uint64]bool{}
	var sr spoolReader
	mark := func(d *Analyzed) {
		if d.spool != nil {
			sr.s = d.spool
		}
		r := reader{b: sr.terms(d)}
		for range r.next() {
			id, _, n := r.next(), r.next(), r.next()
			if id < uint64(len(only)) {
				only[id] = true
			}
			for range n + 1 {
				r.next() // exact forms, passage
			}
		}
		for len(r.b) > 0 {
			key := r.pair()
			r.next() // weight
			if first := key >> 32; first < uint64(len(only)) {
				only[first] = true
			}
			pairs[key] = true
		}
	}
	for k, i := range changed {
		if i < 0 || i >= len(docs) {
			return nil, errors.New("search: a changed document out of range")
		}
		mark(&before[k])
		mark(&docs[i])
	}
	// redo holds by word gathered again the second words of its pairs
	// gathered again.
	redo := map[string]map[string]bool{}
	for id, ok := range only {
		if ok {
			redo[names[id]] = map[string]bool{}
		}
	}
	for key := range pairs {
		if first := key >> 32; first < uint64(len(names)) && uint32(key) < uint32(len(names)) {
			redo[names[first]][names[uint32(key)]] = true
		}
	}
	// The entries of the other words, as the shards have them, and the
	// other pairs of the words gathered again.
	keptPairs := map[string][]entry{}
	kept, err := earlierEntries(prev, strings.Count(meta.W, " ")+1, func(word string, e []byte) (bool, error) {
		seconds, ok := redo[word]
		if !ok {
			return false, nil
		}
		return true, members(e, func(key string, x []byte) error {
			if key != "x" {
				return nil
			}
			return members(x, func(second string, p []byte) error {
				if !seconds[second] {
					keptPairs[word] = append(keptPairs[word], entry{name: second, json: p})
				}
				return nil
			})
		})
	})
	if err != nil {
		return nil, err
	}
	return gather(dict, docs, opts, only, pairs, run).write(docs, opts, kept, keptPairs), nil
}

var errNotShard = errors.New("not a shard as BuildWith writes it")

// splitShard calls fn with each word of a shard w/<n>.json ({"word":
// entry,…}, as writeWords writes it) and its entry's bytes (a JSON
// object, in data's array).
func splitShard(data []byte, fn func(word string, entry []byte) error) error {
	return members(data, func(word string, e []byte) error {
		if len(e) == 0 || e[0] != '{' {
			return errNotShard
		}
		return fn(word, e)
	})
}

// members calls fn with each member of the JSON object data, as the index
// writes them (no spaces; keys escaped by appendString), and its value's
// bytes (in data's array).
func members(data []byte, fn func(key string, value []byte) error) error {
	if len(data) < 2 || data[0] != '{' || data[len(data)-1] != '}' {
		return errNotShard
	}
	for i := 1; i < len(data)-1; {
		j := skipString(data, i)
		if j < 0 || j >= len(data) || data[j] != ':' {
			return errNotShard
		}
		key := data[i:j]
		k := skipValue(data, j+1)
		if k < 0 || k >= len(data) {
			return errNotShard
		}
		word, err := strconv.Unquote(string(key))
		if err != nil || string(appendString(nil, word)) != string(key) {
			// (a key whose JSON escape does not come back as written)
			return errNotShard
		}
		if err := fn(word, data[j+1:k]); err != nil {
			return err
		}
		switch {
		case data[k] == ',' && k+1 < len(data)-1: // (another member follows)
			i = k + 1
		case k == len(data)-1:
			i = k
		default:
			return errNotShard
		}
	}
	return nil
}

// skipString returns the index just past the JSON string at data[i], or
// -1.
func skipString(data []byte, i int) int {
	if i >= len(data) || data[i] != '"' {
		return -1
	}
	for i++; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// skipValue returns the index just past the JSON value at data[i] (an
// object, array, string or number), or -1.
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
	default: // a number, true, false or null
		for i < len(data) && data[i] != ',' && data[i] != '}' && data[i] != ']' {
			i++
		}
		return i
	}
	depth := 0
	for i < len(data) {
		switch data[i] {
		case '"':
			if i = skipString(data, i); i < 0 {
				return -1
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
		i++
	}
	return -1
}

// entryDF reads the number of documents ("n") at the start of an entry.
func entryDF(e []byte) (int, error) {
	rest, ok := strings.CutPrefix(string(e[:min(len(e), 24)]), `{"n":`)
	if !ok {
		return 0, errNotShard
	}
	end := strings.IndexAny(rest, ",}")
	if end < 0 {
		return 0, errNotShard
	}
	return strconv.Atoi(rest[:end])
}
