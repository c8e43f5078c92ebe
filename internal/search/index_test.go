package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestBuildLargeSite indexes more than RarePairs documents: a pair of
// words found in one document only is left out, a pair found in two is
// kept, every word is kept, and the exact spellings of a word are listed
// in the order they first appear.
func TestBuildLargeSite(t *testing.T) {
	dict := NewDict()
	a := NewAnalyzer(dict)
	var docs []Analyzed
	for i := range RarePairs + 10 {
		text := fmt.Sprintf("chung chung lần%d", i)
		switch i {
		case 3:
			text += " hiếm có"
		case 7, 9:
			text += " đôi bạn"
		case 8:
			text += " Hòa hoà hoa"
		}
		if i < MaxPostings {
			text += " vừa đủ" // exactly MaxPostings documents
		}
		docs = append(docs, a.Analyze(Doc{URL: fmt.Sprintf("/p/%d/", i), Title: fmt.Sprintf("Trang %d", i), Text: text}))
	}
	files := Build(dict, docs)
	type ent struct {
		N int            `json:"n"`
		P []int          `json:"p"`
		V []string       `json:"v"`
		W int            `json:"w"`
		X map[string]ent `json:"x"`
	}
	// lookup finds a word in its shard, and in its own file when it has one.
	lookup := func(word string) ent {
		var m map[string]ent
		if err := json.Unmarshal(files["t/"+ShardKey(word)+".json"], &m); err != nil {
			t.Fatalf("t/%s.json: %v", ShardKey(word), err)
		}
		e := m[word]
		if e.W == 1 {
			key, _ := FileKey(word)
			if err := json.Unmarshal(files["w/"+key+".json"], &e); err != nil {
				t.Fatalf("w/%s.json: %v", key, err)
			}
		}
		return e
	}
	if _, ok := lookup("hiem").X["co"]; ok {
		t.Error(`the pair "hiem co" (one document) is in the index`)
	}
	if e := lookup("hiem"); e.N != 1 || e.P[0] != 3 {
		t.Errorf(`"hiem" = %+v, want document 3`, e)
	}
	if e := lookup("doi").X["ban"]; e.N != 2 || len(e.P) != 4 || e.P[0] != 7 || e.P[2] != 2 {
		t.Errorf(`"doi ban" = %+v, want documents 7 and 9 (gaps 7, 2)`, e)
	}
	if e := lookup("chung"); e.N != len(docs) || len(e.P) != 2*MaxPostings {
		t.Errorf(`"chung": n=%d, %d numbers; want n=%d and %d postings`, e.N, len(e.P), len(docs), MaxPostings)
	}
	if e := lookup("vua"); e.N != MaxPostings || e.P[0] != 0 || e.P[2] != 1 || e.P[2*MaxPostings-2] != 1 {
		t.Errorf(`"vua": n=%d, first gaps %v; want documents 0, 1, 2, … in order`, e.N, e.P[:4])
	}
	if e := lookup("hoa"); strings.Join(e.V, " ") != "hoa2" || e.P[1] != 1+2+256*1 {
		t.Errorf(`"hoa" = %+v, want exact form hoa2 and weight 3 with mask 1`, e)
	}
}

// BenchmarkAnalyze cuts a page of about 700 Vietnamese words into terms.
func BenchmarkAnalyze(b *testing.B) {
	para := "Ủy ban nhân dân tỉnh Hưng Yên ban hành Kế hoạch 164/KH-UBND về phòng, chống mại dâm giai đoạn 2021–2025, " +
		"tập trung tuyên truyền, giáo dục, hỗ trợ người bán dâm hòa nhập cộng đồng và xử lý nghiêm các hành vi vi phạm pháp luật. "
	doc := Doc{URL: "/p/", Title: "Kế hoạch phòng, chống mại dâm", Headings: []string{"Mục tiêu", "Nhiệm vụ"},
		Summary: "Kế hoạch của tỉnh.", Text: strings.Repeat(para, 16)}
	a := NewAnalyzer(NewDict())
	b.ReportAllocs()
	for b.Loop() {
		a.Analyze(doc)
	}
}

// BenchmarkIndex builds the index of 2,000 pages of about 300 words drawn
// from a vocabulary of 3,000.
func BenchmarkIndex(b *testing.B) {
	dict := NewDict()
	a := NewAnalyzer(dict)
	docs := make([]Analyzed, 2000)
	seed := uint32(1)
	for i := range docs {
		var text strings.Builder
		for range 300 {
			seed = seed*1664525 + 1013904223
			fmt.Fprintf(&text, "từ%d ", seed>>8%3000)
		}
		docs[i] = a.Analyze(Doc{URL: fmt.Sprintf("/p/%d/", i), Title: fmt.Sprintf("Trang %d", i), Text: text.String()})
	}
	b.ReportAllocs()
	for b.Loop() {
		Build(dict, docs)
	}
}

// FuzzPostingsHeap checks the bounded heap of termPostings against the
// plain rule: the MaxPostings heaviest documents, the earlier document
// first among equal weights, listed in document order.
func FuzzPostingsHeap(f *testing.F) {
	f.Add([]byte{1, 2, 3}, uint16(250))
	f.Add([]byte{5, 5, 5, 5}, uint16(600))
	f.Fuzz(func(t *testing.T, weights []byte, n uint16) {
		if len(weights) == 0 {
			return
		}
		var tp termPostings
		var all []posting
		for i := range int(n)%1000 + 1 {
			p := posting{doc: int32(i), weight: weights[i%len(weights)] % 8}
			tp.add(p)
			all = append(all, p)
		}
		slices.SortStableFunc(all, func(a, b posting) int { return cmp.Compare(b.weight, a.weight) })
		want := all[:min(MaxPostings, len(all))]
		slices.SortFunc(want, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
		got := slices.Clone(tp.list)
		slices.SortFunc(got, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
		if tp.df != int(n)%1000+1 || !slices.Equal(got, want) {
			t.Fatalf("df %d, kept %v, want %v", tp.df, got, want)
		}
	})
}

// FuzzAnalyzerReuse checks that what an Analyzer keeps between documents
// (its caches, stamps and buffers) never changes a result: the same text
// analyzed fresh, again after another text, and by another Analyzer on
// the same Dict gives the same terms.
func FuzzAnalyzerReuse(f *testing.F) {
	f.Add("Phòng, chống mại dâm 164/KH-UBND", "hoà hòa Kỳ kì")
	f.Fuzz(func(t *testing.T, x, y string) {
		x, y = norm.NFC.String(x), norm.NFC.String(y) // Doc text is NFC
		dict := NewDict()
		a := NewAnalyzer(dict)
		first := a.Analyze(Doc{Title: x, Text: y + " " + x})
		a.Analyze(Doc{Title: y, Text: x})
		again := a.Analyze(Doc{Title: x, Text: y + " " + x})
		other := NewAnalyzer(dict).Analyze(Doc{Title: x, Text: y + " " + x})
		if !bytes.Equal(first.terms, again.terms) || !bytes.Equal(first.terms, other.terms) {
			t.Fatalf("terms differ: %v / %v / %v", first.terms, again.terms, other.terms)
		}
	})
}
