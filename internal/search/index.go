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
const DocChunk = 100

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
const SnippetLen = 320

// Field weights: a word in a title counts like ten in the body.
const (
	titleWeight   = 10
	headingWeight = 4
	bodyWeight    = 1
	maxWeight     = 255
)

// Doc is a page to index.
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
	stats := map[string]*termStat{}
	var order []string
	add := func(text string, w int) {
		terms := Terms(text)
		for i, t := range terms {
			addTerm(stats, &order, t.Folded, t.Exact, w)
			if i > 0 {
				addTerm(stats, &order, terms[i-1].Folded+" "+t.Folded, "", w)
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
	weights := make([]uint8, 0, len(order))
	for _, f := range order {
		s := stats[f]
		b.WriteString(f)
		for _, e := range s.exact {
			b.WriteByte('\t')
			b.WriteString(e)
		}
		b.WriteByte('\n')
		weights = append(weights, uint8(min(s.weight, maxWeight)))
	}
	snippet := strings.TrimSpace(d.Summary + " " + d.Text)
	if utf8.RuneCountInString(snippet) > SnippetLen {
		snippet = string([]rune(snippet)[:SnippetLen]) + "…"
	}
	return Analyzed{url: d.URL, title: d.Title, section: d.Section, snippet: snippet, terms: b.String(), weights: weights}
}

func addTerm(stats map[string]*termStat, order *[]string, folded, exact string, w int) {
	s := stats[folded]
	if s == nil {
		s = &termStat{}
		stats[folded] = s
		*order = append(*order, folded)
	}
	s.weight += w
	if exact != "" && exact != folded && !slices.Contains(s.exact, exact) && len(s.exact) < 8 {
		s.exact = append(s.exact, exact)
	}
}

type posting struct {
	doc    int
	weight uint8
	exact  []string
}

// Build writes the index of one language's documents: file names relative
// to the language's index folder ("meta.json", "t/ph.json", "d/0.json")
// mapped to their bytes. The output depends only on docs and their order.
func Build(docs []Analyzed) map[string][]byte {
	postings := map[string][]posting{}
	for i, d := range docs {
		lines := strings.Split(strings.TrimSuffix(d.terms, "\n"), "\n")
		for j, line := range lines {
			if line == "" {
				continue
			}
			parts := strings.Split(line, "\t")
			postings[parts[0]] = append(postings[parts[0]], posting{doc: i, weight: d.weights[j], exact: parts[1:]})
		}
	}
	shards := map[string]map[string]any{}
	for term, list := range postings {
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
		var variants []string
		flat := make([]int, 0, 2*len(list))
		prev := 0
		for _, p := range list {
			mask := 0
			for _, e := range p.exact {
				k := slices.Index(variants, e)
				if k < 0 && len(variants) < 16 {
					variants = append(variants, e)
					k = len(variants) - 1
				}
				if k >= 0 {
					mask |= 1 << k
				}
			}
			// Two numbers a posting: the document (as the gap from the
			// previous one) and weight + 256 × the mask of exact forms.
			flat = append(flat, p.doc-prev, int(p.weight)+256*mask)
			prev = p.doc
		}
		entry := map[string]any{"n": df, "p": flat}
		if len(variants) > 0 {
			entry["v"] = variants
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
