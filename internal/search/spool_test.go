package search

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestSpool: an index built from documents put in a Spool (in another
// order than theirs, some left in memory) is byte for byte the one built
// from the documents in memory, for a small site and for one of more than
// RarePairs documents (fragments cut to FragmentsPerWord), with pages long
// enough for several passages and a section boost.
func TestSpool(t *testing.T) {
	words := strings.Fields("đường dây nóng tổng đài hỗ trợ miễn phí gọi ngay bảo vệ trẻ em phòng chống mua bán người Hưng Yên 111 113 tư vấn pháp lý nhà tạm lánh")
	for _, n := range []int{7, RarePairs + 40} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(n)))
			dict := NewDict()
			a := NewAnalyzer(dict)
			docs := make([]Analyzed, n)
			for i := range docs {
				var text strings.Builder
				for range 50 + rng.IntN(900) {
					text.WriteString(words[rng.IntN(len(words))])
					text.WriteString(" ")
				}
				fmt.Fprintf(&text, "riêng%d.", i)
				docs[i] = a.Analyze(Doc{URL: fmt.Sprintf("/p/%d/", i), Title: fmt.Sprintf("Trang %d %s", i, words[i%len(words)]),
					Section: "tin", SectionKey: []string{"tin", ""}[i%2], Headings: []string{words[(i+3)%len(words)]}, Text: text.String()})
			}
			opts := Options{Boost: map[string]float64{"tin": 2}} // the section key stays with a spooled document
			want := BuildWith(dict, docs, opts)
			if !slices.ContainsFunc(slices.Collect(maps.Values(want)), func(b []byte) bool { return bytes.Contains(b, []byte(`"f":{`)) }) {
				t.Fatal("no passages in the index: the test tests nothing")
			}
			s, err := NewSpool(t.TempDir(), ".spool-")
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			spooled := slices.Clone(docs)
			for _, i := range rng.Perm(n) {
				if i%5 != 0 { // every fifth stays in memory
					s.Put(&spooled[i])
				}
			}
			if spooled[1].terms != nil || spooled[1].spool != s {
				t.Fatal("Put left the terms in memory")
			}
			got := BuildWith(dict, spooled, opts)
			if err := s.Err(); err != nil {
				t.Fatal(err)
			}
			if !maps.EqualFunc(got, want, bytes.Equal) {
				for name := range want {
					if !bytes.Equal(got[name], want[name]) {
						t.Errorf("%s differs:\n got %.300s\nwant %.300s", name, got[name], want[name])
					}
				}
				t.Fatalf("%d files, want %d", len(got), len(want))
			}
		})
	}
}

// TestSpoolWriteFailure: once the spool's file refuses writes (a full
// disk), documents stay in memory, the index is the same as without a
// spool, and no error is kept.
func TestSpoolWriteFailure(t *testing.T) {
	dict := NewDict()
	a := NewAnalyzer(dict)
	var docs []Analyzed
	for i, text := range []string{"đường dây nóng 111", "tổng đài hỗ trợ 113", "tư vấn pháp lý", "nhà tạm lánh"} {
		docs = append(docs, a.Analyze(Doc{URL: fmt.Sprintf("/p/%d/", i), Title: fmt.Sprintf("Trang %d", i), Text: text}))
	}
	want := Build(dict, docs)
	s, err := NewSpool(t.TempDir(), ".spool-")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	spooled := slices.Clone(docs)
	s.Put(&spooled[0])
	w := s.f
	r, err := os.Open(s.name) // reads still work, writes fail
	if err != nil {
		t.Fatal(err)
	}
	s.f = r
	defer w.Close()
	for i := 1; i < len(spooled); i++ {
		s.Put(&spooled[i])
	}
	if spooled[0].spool != s || spooled[2].spool != nil || spooled[2].terms == nil {
		t.Fatal("want the first document in the spool and the others in memory")
	}
	got := Build(dict, spooled)
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(got, want, bytes.Equal) {
		t.Fatal("the index differs from one made without a spool")
	}
}

// TestSpoolReadFailure: a spool whose file cannot be read reports it.
func TestSpoolReadFailure(t *testing.T) {
	dict := NewDict()
	docs := []Analyzed{NewAnalyzer(dict).Analyze(Doc{URL: "/p/", Title: "Trang", Text: "đường dây nóng"})}
	s, err := NewSpool(t.TempDir(), ".spool-")
	if err != nil {
		t.Fatal(err)
	}
	s.Put(&docs[0])
	s.f.Close()
	Build(dict, docs)
	if s.Err() == nil {
		t.Error("no error after reading a closed file")
	}
	s.Close()
}
