package search

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

// updateSite is a site of documents made by updateDoc (edit 0), analyzed,
// with the options the update tests build its index with.
type updateSite struct {
	rng  *rand.Rand
	dict *Dict
	a    *Analyzer
	opts Options
	src  []Doc
	docs []Analyzed
}

// newUpdateSite makes an updateSite of n documents from the random seed.
func newUpdateSite(n int, seed uint64) updateSite {
	s := updateSite{rng: rand.New(rand.NewPCG(uint64(n), seed)), dict: NewDict(),
		opts: Options{Languages: []string{"vi", "en"}, Boost: map[string]float64{"support": 2}, Synonyms: [][]string{{"nhà", "house"}}},
		src:  make([]Doc, n), docs: make([]Analyzed, n)}
	s.a = NewAnalyzer(s.dict)
	for i := range s.docs {
		s.src[i] = updateDoc(s.rng, i, 0)
		s.docs[i] = s.a.Analyze(s.src[i])
	}
	return s
}

// updateDoc is a random document of the test site: words from a small
// vocabulary (so that words have more than MaxPostings documents and
// pairs more than MaxPairPostings), "chung" in every body, a few exact
// forms, and sometimes a phone number or a section boosted.
func updateDoc(rng *rand.Rand, i, edit int) Doc {
	vocab := []string{"nhà", "Nhà", "nha", "hỗ", "trợ", "đường", "dây", "nóng", "phòng", "chống", "mua", "bán", "người", "help", "line", "<b>", "a&b", "trẻ", "em", "bạo", "lực"}
	word := func() string { return vocab[rng.IntN(len(vocab))] }
	var title, body strings.Builder
	for range 1 + rng.IntN(4) {
		title.WriteString(word() + " ")
	}
	body.WriteString("chung ")
	for range 20 + rng.IntN(60) {
		body.WriteString(word() + " ")
		if rng.IntN(15) == 0 {
			body.WriteString(". ")
		}
	}
	if rng.IntN(10) == 0 {
		body.WriteString("gọi 0221 3862 000 ")
	}
	fmt.Fprintf(&body, "riêng%d lần%d", i, edit)
	section := []string{"news", "support", ""}[rng.IntN(3)]
	return Doc{URL: fmt.Sprintf("/p/%d/", i), Title: title.String(), Section: section, SectionKey: section, Text: body.String()}
}

// TestUpdateWith holds UpdateWith to BuildWith over sequences of edits
// (random documents replaced by others, one to three at a time, each
// update made from the files of the one before), in a site above
// RarePairs documents (pairs in one document left out) and one below, and
// in particular: a document taking "chung" out of its text, so that the
// first document past the MaxPostings kept comes into its list; a late
// document putting it in its title, so that it comes in and another drops
// out; a pair going from one document (left out) to two (kept) and back.
func TestUpdateWith(t *testing.T) {
	for _, n := range []int{RarePairs + 40, 120} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			site := newUpdateSite(n, 26)
			rng, dict, a, opts, src, docs := site.rng, site.dict, site.a, site.opts, site.src, site.docs
			files := BuildWith(dict, docs, opts)
			lists := func(word string, doc int) bool {
				e := lookupWord(t, files, word)
				at := 0
				for k := 0; k < len(e.P); k += 2 {
					if at += e.P[k]; at == doc {
						return true
					}
				}
				return false
			}
			edit := func(step string, change map[int]Doc) {
				t.Helper()
				var changed []int
				var before []Analyzed
				for _, i := range slices.Sorted(maps.Keys(change)) {
					changed = append(changed, i)
					before = append(before, docs[i])
					src[i] = change[i]
					docs[i] = a.Analyze(src[i])
				}
				read := func(name string) ([]byte, error) {
					if b, ok := files[name]; ok {
						return b, nil
					}
					return nil, fmt.Errorf("no %s", name)
				}
				got, err := UpdateWith(dict, docs, opts, changed, before, read)
				if err != nil {
					t.Fatalf("%s: %v", step, err)
				}
				// Side by side (in a goroutine each), the same files.
				beside, err := UpdateBeside(runBeside, dict, docs, opts, changed, before, read)
				if err != nil {
					t.Fatalf("%s, side by side: %v", step, err)
				}
				if !maps.EqualFunc(beside, got, bytes.Equal) {
					t.Fatalf("%s: UpdateBeside's files differ from UpdateWith's", step)
				}
				want := BuildWith(dict, docs, opts)
				for _, name := range slices.Sorted(maps.Keys(want)) {
					if !bytes.Equal(got[name], want[name]) {
						t.Fatalf("%s: %s differs from BuildWith's\n%.600s\nwant\n%.600s", step, name, got[name], want[name])
					}
				}
				if len(got) != len(want) {
					t.Fatalf("%s: %d files, want %d", step, len(got), len(want))
				}
				files = got
			}
			for round := range 30 {
				change := map[int]Doc{}
				for range 1 + rng.IntN(3) {
					i := rng.IntN(n)
					change[i] = updateDoc(rng, i, round+1)
				}
				edit(fmt.Sprintf("round %d", round), change)
			}
			if n <= MaxPostings {
				return
			}
			// "mốc" put in the bodies of the first MaxPostings+1
			// documents, in no boosted section: all weigh 1, so its list is
			// the first MaxPostings.
			put := map[int]Doc{}
			for i := range MaxPostings + 1 {
				d := src[i]
				d.Section, d.SectionKey, d.Text = "", "", d.Text+" mốc"
				put[i] = d
			}
			edit("moc in the first documents", put)
			first, next := 0, MaxPostings
			if !lists("moc", first) || lists("moc", next) {
				t.Fatal(`"moc" does not list the first documents`)
			}
			d := src[first]
			d.Text = strings.Replace(d.Text, " mốc", "", 1)
			edit("moc out of the first document", map[int]Doc{first: d})
			if lists("moc", first) || !lists("moc", next) {
				t.Fatalf(`"moc" lists document %d: %v, %d: %v; want the second, not the first`, first, lists("moc", first), next, lists("moc", next))
			}
			late := n - 1
			d = src[late]
			d.Title = "mốc " + d.Title
			edit("moc into a late title", map[int]Doc{late: d})
			if !lists("moc", late) || lists("moc", next) {
				t.Fatalf(`"moc" lists %d: %v, %d: %v; want the first, not the second`, late, lists("moc", late), next, lists("moc", next))
			}
			// A pair in one document, then two, then one again.
			one, two := src[3], src[4]
			one.Text += " cặpđôi hiếmcó"
			edit("a pair in one document", map[int]Doc{3: one})
			if _, ok := lookupWord(t, files, "capdoi").X["hiemco"]; ok {
				t.Fatal("a pair in one document is in the index")
			}
			two.Text += " cặpđôi hiếmcó"
			edit("a pair in two documents", map[int]Doc{4: two})
			if _, ok := lookupWord(t, files, "capdoi").X["hiemco"]; !ok {
				t.Fatal("a pair in two documents is not in the index")
			}
			edit("a pair in one document again", map[int]Doc{4: src[5]})
		})
	}
}

// TestUpdateWithRefuses: an earlier index of another number of documents,
// or with a shard missing or not as BuildWith writes it, gives an error.
func TestUpdateWithRefuses(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 26))
	dict := NewDict()
	a := NewAnalyzer(dict)
	var docs []Analyzed
	for i := range 200 {
		docs = append(docs, a.Analyze(updateDoc(rng, i, 0)))
	}
	files := Build(dict, docs)
	read := func(files map[string][]byte) func(string) ([]byte, error) {
		return func(name string) ([]byte, error) {
			if b, ok := files[name]; ok {
				return b, nil
			}
			return nil, fmt.Errorf("no %s", name)
		}
	}
	if _, err := UpdateWith(dict, docs[:199], Options{}, nil, nil, read(files)); err == nil {
		t.Error("an index of 200 documents updated to 199")
	}
	if got, err := UpdateWith(dict, docs, Options{}, nil, nil, read(files)); err != nil || !maps.EqualFunc(got, files, bytes.Equal) {
		t.Errorf("nothing changed: %v, or other files", err)
	}
	// (nothing changed: every entry of the shards is read)
	for _, spoil := range []func(m map[string][]byte){
		func(m map[string][]byte) { delete(m, "w/1.json") },
		func(m map[string][]byte) { m["w/1.json"] = m["w/1.json"][:len(m["w/1.json"])-2] },
		func(m map[string][]byte) {
			m["w/1.json"] = bytes.Replace(m["w/1.json"], []byte(`{"n":`), []byte(`{"m":`), 1)
		},
	} {
		m := maps.Clone(files)
		spoil(m)
		if _, err := UpdateWith(dict, docs, Options{}, nil, nil, read(m)); err == nil {
			t.Error("an index spoilt was updated")
		}
	}
}

// BenchmarkUpdateWith: one document changed in benchIndex's corpus (2,000
// documents of 300 words from 3,000), against BenchmarkIndex's Build.
func BenchmarkUpdateWith(b *testing.B) {
	dict := NewDict()
	a := NewAnalyzer(dict)
	rng := rand.New(rand.NewPCG(1, 26))
	docs := make([]Analyzed, 2000)
	text := func() string {
		var s strings.Builder
		for range 300 {
			fmt.Fprintf(&s, "từ%d ", rng.IntN(3000))
		}
		return s.String()
	}
	for i := range docs {
		docs[i] = a.Analyze(Doc{URL: fmt.Sprintf("/p/%d/", i), Title: fmt.Sprintf("Trang %d", i), Text: text()})
	}
	files := Build(dict, docs)
	before := docs[7]
	docs[7] = a.Analyze(Doc{URL: "/p/7/", Title: "Trang 7", Text: text()})
	read := func(name string) ([]byte, error) { return files[name], nil }
	b.ReportAllocs()
	for b.Loop() {
		if _, err := UpdateWith(dict, docs, Options{}, []int{7}, []Analyzed{before}, read); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzMembers gives members, which reads the earlier index's shards from
// the output, any bytes: it refuses them or calls fn with members that,
// put back together as the index writes them, are the bytes given; it
// never panics.
func FuzzMembers(f *testing.F) {
	f.Add([]byte(`{"a":{"n":1,"p":[0]},"b\u00e9":[1,2],"c":"x","d":-1.5}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"a":{"x":{"b":[1]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var back []byte
		err := members(data, func(key string, value []byte) error {
			if len(back) > 0 {
				back = append(back, ',')
			}
			back = append(appendString(back, key), ':')
			back = append(back, value...)
			return nil
		})
		if err != nil {
			return
		}
		back = append(append([]byte{'{'}, back...), '}')
		if !bytes.Equal(back, data) {
			t.Fatalf("%q read as the members of %q", data, back)
		}
	})
}

// runBeside runs fns in a goroutine each and waits for them all.
func runBeside(fns ...func()) {
	var wg sync.WaitGroup
	for _, fn := range fns {
		wg.Go(fn)
	}
	wg.Wait()
}
