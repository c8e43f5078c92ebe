package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Format is the version of the index files, checked by the client.
const Format = 1

// DocChunk is how many documents one d/<n>.json file holds.
const DocChunk = 25

// MaxPostings caps how many documents a term lists (the ones where it
// weighs most): enough to rank, small enough to download.
const MaxPostings = 200

// RarePairs is the number of documents above which a pair of words found
// in a single document is left out of the index: in a large site such
// pairs are most of the index and rarely what anyone searches for as a
// phrase (the words themselves are still found).
const RarePairs = 500

// SnippetLen is how many characters of a document's text the index keeps
// for result snippets.
const SnippetLen = 200

// Field weights: a word in a title counts like ten in the body.
const (
	titleWeight   = 10
	headingWeight = 4
	bodyWeight    = 1
	maxWeight     = 255
)

// Doc is a page to index. Its text must be NFC, as everything loa reads
// is normalized when it is read.
type Doc struct {
	URL, Title, Section string
	Headings            []string
	// Summary is shown first in snippets (the description); Text is the
	// body as plain text.
	Summary, Text string
}

// Analyzed is a Doc cut into weighted terms, compact enough to keep for
// every page until Build.
type Analyzed struct {
	url, title, section, snippet string
	// terms holds "folded\texact\texact…\n" per term, weights its weight
	// (capped at maxWeight) in the same order.
	terms   string
	weights []uint8
}

type termStat struct {
	weight int
	exact  []string
}

// Analyze cuts d into terms: each word and each pair of neighbouring words
// (for phrases), weighted by field and count.
func Analyze(d Doc) Analyzed {
	var (
		words = map[string]*termStat{}
		pairs = map[[2]string]*termStat{}
		order []string
		pairO [][2]string
	)
	add := func(text string, w int) {
		terms := termsNFC(text) // Doc text is NFC: see Doc
		for i, t := range terms {
			s := words[t.Folded]
			if s == nil {
				s = &termStat{}
				words[t.Folded] = s
				order = append(order, t.Folded)
			}
			s.add(w, t.Exact, t.Folded)
			if i > 0 {
				k := [2]string{terms[i-1].Folded, t.Folded}
				p := pairs[k]
				if p == nil {
					p = &termStat{}
					pairs[k] = p
					pairO = append(pairO, k)
				}
				p.weight += w
			}
		}
	}
	add(d.Title, titleWeight)
	for _, h := range d.Headings {
		add(h, headingWeight)
	}
	add(d.Summary, bodyWeight)
	add(d.Text, bodyWeight)
	var b strings.Builder
	weights := make([]uint8, 0, len(order)+len(pairO))
	for _, f := range order {
		s := words[f]
		b.WriteString(f)
		for _, e := range s.exact {
			b.WriteByte('\t')
			b.WriteString(e)
		}
		b.WriteByte('\n')
		weights = append(weights, uint8(min(s.weight, maxWeight)))
	}
	for _, k := range pairO {
		b.WriteString(k[0])
		b.WriteByte(' ')
		b.WriteString(k[1])
		b.WriteByte('\n')
		weights = append(weights, uint8(min(pairs[k].weight, maxWeight)))
	}
	snippet := strings.TrimSpace(d.Text)
	if snippet == "" {
		snippet = d.Summary
	}
	if utf8.RuneCountInString(snippet) > SnippetLen {
		snippet = string([]rune(snippet)[:SnippetLen]) + "…"
	}
	return Analyzed{url: d.URL, title: d.Title, section: d.Section, snippet: snippet, terms: b.String(), weights: weights}
}

func (s *termStat) add(w int, exact, folded string) {
	s.weight += w
	if exact != folded && !slices.Contains(s.exact, exact) && len(s.exact) < 8 {
		s.exact = append(s.exact, exact)
	}
}

// posting is one document in a term's list: 8 bytes, as there are
// millions in a large site.
type posting struct {
	doc    int32
	mask   uint16 // which of the term's exact forms the document has
	weight uint8
}

// termPostings gathers a term's documents and exact forms.
type termPostings struct {
	variants []string // at most 16, in order of first appearance
	list     []posting
}

// Build writes the index of one language's documents: file names relative
// to the language's index folder ("meta.json", "t/ph.json", "d/0.json")
// mapped to their bytes. The output depends only on docs and their order.
func Build(docs []Analyzed) map[string][]byte {
	terms := map[string]*termPostings{}
	for i, d := range docs {
		rest := d.terms
		for j := 0; rest != ""; j++ {
			line := rest
			if k := strings.IndexByte(rest, '\n'); k >= 0 {
				line, rest = rest[:k], rest[k+1:]
			} else {
				rest = ""
			}
			name, exacts, _ := strings.Cut(line, "\t")
			tp := terms[name]
			if tp == nil {
				tp = &termPostings{}
				terms[name] = tp
			}
			var mask uint16
			for exacts != "" {
				e := exacts
				if k := strings.IndexByte(exacts, '\t'); k >= 0 {
					e, exacts = exacts[:k], exacts[k+1:]
				} else {
					exacts = ""
				}
				k := slices.Index(tp.variants, e)
				if k < 0 && len(tp.variants) < 16 {
					tp.variants = append(tp.variants, e)
					k = len(tp.variants) - 1
				}
				if k >= 0 {
					mask |= 1 << k
				}
			}
			tp.list = append(tp.list, posting{doc: int32(i), mask: mask, weight: d.weights[j]})
		}
	}
	shards := map[string]map[string]any{}
	for term, tp := range terms {
		list := tp.list
		df := len(list)
		pair := strings.Contains(term, " ")
		if pair && df == 1 && len(docs) > RarePairs {
			continue
		}
		if len(list) > MaxPostings {
			slices.SortStableFunc(list, func(a, b posting) int { return cmp.Compare(b.weight, a.weight) })
			list = list[:MaxPostings]
			slices.SortFunc(list, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
		}
		flat := make([]int, 0, 2*len(list))
		prev := int32(0)
		for _, p := range list {
			// Two numbers a posting: the document (as the gap from the
			// previous one) and weight + 256 × the mask of exact forms.
			flat = append(flat, int(p.doc-prev), int(p.weight)+256*int(p.mask))
			prev = p.doc
		}
		entry := map[string]any{"n": df, "p": flat}
		if len(tp.variants) > 0 {
			entry["v"] = tp.variants
		}
		key := ShardKey(term)
		if shards[key] == nil {
			shards[key] = map[string]any{}
		}
		shards[key][term] = entry
	}
	files := map[string][]byte{}
	keys := make([]string, 0, len(shards))
	for key, terms := range shards {
		b, _ := json.Marshal(terms) // maps marshal with sorted keys: deterministic
		files["t/"+key+".json"] = b
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for start := 0; start < len(docs); start += DocChunk {
		var chunk [][4]string
		for _, d := range docs[start:min(start+DocChunk, len(docs))] {
			chunk = append(chunk, [4]string{d.url, d.title, d.section, d.snippet})
		}
		b, _ := json.Marshal(chunk)
		files[fmt.Sprintf("d/%d.json", start/DocChunk)] = b
	}
	meta, _ := json.Marshal(map[string]any{"v": Format, "docs": len(docs), "chunk": DocChunk, "shards": keys})
	files["meta.json"] = meta
	return files
}

// ShardKey is the file name (without .json) of the shard holding a folded
// term: Prefix(term) when it is made of a–z and 0–9, else its UTF-8 bytes
// in hex (the client script computes the same).
func ShardKey(folded string) string {
	p := Prefix(folded)
	for i := 0; i < len(p); i++ {
		if !(p[i] >= 'a' && p[i] <= 'z' || p[i] >= '0' && p[i] <= '9') {
			return fmt.Sprintf("x%x", p)
		}
	}
	return p
}
