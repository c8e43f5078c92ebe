package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

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
	lookup := func(word string) ent { return lookupWord(t, files, word) }
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

// ent is a word's entry in the index files.
type ent struct {
	N int               `json:"n"`
	P []int             `json:"p"`
	V []string          `json:"v"`
	F map[string][2]any `json:"f"`
	X map[string]ent    `json:"x"`
}

// lookupWord finds a folded word's entry as the client does: its shard is
// the last one whose first word is not after it; its listing must give
// the same count of documents.
func lookupWord(t *testing.T, files map[string][]byte, word string) ent {
	t.Helper()
	var m struct{ T, W string }
	if err := json.Unmarshal(files["meta.json"], &m); err != nil {
		t.Fatal(err)
	}
	meta := struct{ T, W []string }{strings.Split(m.T, " "), strings.Split(m.W, " ")}
	last := func(firsts []string, key string) int {
		i := 0
		for j, f := range firsts {
			if f <= key { // the test's words are ASCII: byte order is the client's
				i = j
			}
		}
		return i
	}
	var shard map[string]ent
	name := fmt.Sprintf("w/%d.json", last(meta.W, word))
	if err := json.Unmarshal(files[name], &shard); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var listing map[string]int
	name = fmt.Sprintf("t/%d.json", last(meta.T, Prefix(word)))
	if err := json.Unmarshal(files[name], &listing); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if e, ok := shard[word]; ok && listing[word] != e.N {
		t.Errorf("%q: listing says %d documents, entry %d", word, listing[word], e.N)
	}
	return shard[word]
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
	benchIndex(b, func(r uint32) uint32 { return r })
}

// BenchmarkIndexCommonPairs builds the index of 2,000 pages of about 300
// words drawn from a vocabulary of 3,000 whose first words are far more
// common than the last (as in prose), so that most neighbouring pairs are
// in many pages: the case of a real site's pairs above RarePairs.
func BenchmarkIndexCommonPairs(b *testing.B) {
	benchIndex(b, func(r uint32) uint32 { return r * r / 3000 * r / 3000 })
}

// benchIndex builds the index of 2,000 pages of 300 words each, word
// number word(r) for r drawn evenly from 0–2,999.
func benchIndex(b *testing.B, word func(r uint32) uint32) {
	dict := NewDict()
	a := NewAnalyzer(dict)
	docs := make([]Analyzed, 2000)
	seed := uint32(1)
	for i := range docs {
		var text strings.Builder
		for range 300 {
			seed = seed*1664525 + 1013904223
			fmt.Fprintf(&text, "từ%d ", word(seed>>8%3000))
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

// TestPassages: a word first met past the snippet gets, in its entry, the
// passage around it (whole words, the word inside); a word in the snippet
// gets none; a document's passages stop at PassageCap.
func TestPassages(t *testing.T) {
	dict := NewDict()
	a := NewAnalyzer(dict)
	filler := strings.Repeat("lời mở đầu dài dòng ", 20)
	docs := []Analyzed{
		a.Analyze(Doc{URL: "/a/", Title: "Trang A", Text: "Đường dây nóng ở đầu. " + filler + "Gọi tổng đài 111 miễn phí, mọi lúc. " + filler}),
		a.Analyze(Doc{URL: "/b/", Title: "Trang B", Text: strings.Repeat("chữ ", 400) + "hiếm"}),
	}
	for _, d := range docs {
		size := 0
		for _, p := range d.passages {
			size += len(p)
		}
		if size > PassageCap+PassageBefore+PassageAfter+20 {
			t.Errorf("%s: %d bytes of passages, cap %d", d.url, size, PassageCap)
		}
	}
	files := Build(dict, docs)
	e := lookupWord(t, files, "tong")
	f, ok := e.F["0"]
	if !ok {
		t.Fatalf(`"tong" has no passage for document 0: %+v`, e.F)
	}
	text := f[1].(string)
	if !strings.Contains(text, "tổng đài 111") || strings.HasPrefix(text, " ") || strings.HasSuffix(text, " ") {
		t.Errorf("passage %q: want the words around tổng đài 111, cut at spaces", text)
	}
	if e := lookupWord(t, files, "duong"); len(e.F) != 0 {
		t.Errorf(`"duong" is in the snippet, yet has passages %v`, e.F)
	}
	if e := lookupWord(t, files, "hiem"); e.F["1"] == [2]any{} {
		t.Errorf(`"hiem" far down document 1: no passage (%v)`, e.F)
	}
}

// TestChanged: editing one page of a site rewrites its document chunk and
// the shards and listings of the words it gained, and leaves the other
// files alone.
func TestChanged(t *testing.T) {
	build := func(last string) map[string][]byte {
		dict := NewDict()
		a := NewAnalyzer(dict)
		var docs []Analyzed
		for i := range 40 {
			text := fmt.Sprintf("trang số %d nói về chủ đề %c", i, 'a'+rune(i%20))
			if i == 39 {
				text = last
			}
			docs = append(docs, a.Analyze(Doc{URL: fmt.Sprintf("/p/%d/", i), Title: fmt.Sprintf("Trang %d", i), Text: text}))
		}
		return Build(dict, docs)
	}
	old, new := build("zzz"), build("zzz yyy")
	write, remove := Changed(old, new)
	if len(remove) != 0 || !slices.Contains(write, fmt.Sprintf("d/%d.json", 39/DocChunk)) || slices.Contains(write, "d/0.json") || len(write) >= len(new) {
		t.Errorf("write %v, remove %v (of %d files)", write, remove, len(new))
	}
	if w, r := Changed(new, new); len(w)+len(r) != 0 {
		t.Errorf("the same index: write %v, remove %v", w, r)
	}
}

// TestIndexID: meta.json names the state of the other files; the same
// documents give the same id, one changed word another.
func TestIndexID(t *testing.T) {
	build := func(text string) string {
		dict := NewDict()
		a := NewAnalyzer(dict)
		files := Build(dict, []Analyzed{a.Analyze(Doc{URL: "/p/", Title: "Trang", Text: text})})
		var m struct{ ID string }
		if err := json.Unmarshal(files["meta.json"], &m); err != nil {
			t.Fatal(err)
		}
		if len(m.ID) != 8 {
			t.Fatalf("meta.json id %q, want 8 hex digits", m.ID)
		}
		return m.ID
	}
	a, b, c := build("tổng đài 111"), build("tổng đài 111"), build("tổng đài 113")
	if a != b || a == c {
		t.Errorf("ids %s %s %s: want the first two equal, the third different", a, b, c)
	}
}

// TestSnippetWholeWords: the start kept for snippets is cut after a whole
// word (never inside one, as "mua bá…" or "tuyể…" were), without a comma
// or space before the "…"; a short text is kept whole.
func TestSnippetWholeWords(t *testing.T) {
	long := strings.Repeat("Theo Luật Phòng, chống mua bán người năm 2024, ", 6)
	got, _ := snippet(Doc{Text: long})
	if !strings.HasSuffix(got, "…") || utf8.RuneCountInString(got) > SnippetLen+1 {
		t.Fatalf("snippet %q: want at most %d characters and a closing …", got, SnippetLen)
	}
	body := strings.TrimSuffix(got, "…")
	if !strings.HasPrefix(long, body) {
		t.Fatalf("snippet %q is not the start of the text", got)
	}
	if next, _ := utf8.DecodeRuneInString(long[len(body):]); isWordRune(next) {
		t.Errorf("snippet %q is cut inside a word (the text goes on %q)", got, long[len(body):len(body)+8])
	}
	if last, _ := utf8.DecodeLastRuneInString(body); !isWordRune(last) {
		t.Errorf("snippet %q ends in %q before the …", got, last)
	}
	if got, _ := snippet(Doc{Text: "Gọi 111."}); got != "Gọi 111." {
		t.Errorf("short text: %q", got)
	}
	if got, _ := snippet(Doc{Text: strings.Repeat("a", 300)}); utf8.RuneCountInString(got) != SnippetLen+1 {
		t.Errorf("one long word: %q", got)
	}
}

// TestBoostAndTitleLength: Options.Boost multiplies the weights of a
// section's pages, and a word weighs more in a short title than in a long
// one.
func TestBoostAndTitleLength(t *testing.T) {
	dict := NewDict()
	a := NewAnalyzer(dict)
	docs := []Analyzed{
		a.Analyze(Doc{URL: "/a/", Title: "Tổng đài bảo hộ công dân, Bộ Ngoại giao", SectionKey: "support", Text: "gọi"}),
		a.Analyze(Doc{URL: "/b/", Title: "Tổng đài 111", SectionKey: "support", Text: "gọi"}),
		a.Analyze(Doc{URL: "/c/", Title: "Tin", SectionKey: "news", Text: "gọi"}),
	}
	weights := func(files map[string][]byte, word string) []int {
		var out []int
		for i, p := range lookupWord(t, files, word).P {
			if i%2 == 1 {
				out = append(out, p%256)
			}
		}
		return out
	}
	plain := Build(dict, docs)
	if w := weights(plain, "tong"); len(w) != 2 || w[0] >= w[1] {
		t.Errorf(`"tong" weighs %v in a title of 9 words and one of 3, want less in the longer`, w)
	}
	if w := weights(plain, "goi"); !slices.Equal(w, []int{1, 1, 1}) {
		t.Errorf(`"goi" without boost weighs %v, want 1 1 1`, w)
	}
	boosted := BuildWith(dict, docs, Options{Boost: map[string]float64{"support": 3, "news": 0.2}})
	if w := weights(boosted, "goi"); !slices.Equal(w, []int{3, 3, 1}) {
		t.Errorf(`"goi" with support ×3 and news ×0.2 weighs %v, want 3 3 1 (at least 1)`, w)
	}
}

// FuzzPassagesOneScan holds the passages, and each word's passage number,
// equal to what cutting the text into words a second time gave (the way
// passages worked before add recorded first appearances): leading and
// trailing white space (Unicode's too), a blank text (the summary's
// passages), words met in the title first.
func FuzzPassagesOneScan(f *testing.F) {
	filler := strings.Repeat("lời mở đầu dài dòng ", 20)
	f.Add("Trang A", "Tóm tắt.", "Đường dây nóng ở đầu. "+filler+"Gọi tổng đài 111 miễn phí, mọi lúc. "+filler)
	f.Add("Gọi", "Một tóm tắt khá dài "+filler+" về đường dây nóng", " \u00a0\n")
	f.Add("x", "", "\u00a0\u2003 "+strings.Repeat("chữ ", 400)+"hiếm 0221 3862 000 \u0085")
	f.Fuzz(func(t *testing.T, title, summary, text string) {
		d := Doc{URL: "/a/", Title: norm.NFC.String(title), Summary: norm.NFC.String(summary), Text: norm.NFC.String(text)}
		a := NewAnalyzer(NewDict())
		got := a.Analyze(d).passages
		gotWin := make([]uint8, len(a.ws))
		for i := range a.ws {
			gotWin[i], a.ws[i].win, a.ws[i].body = a.ws[i].win, 0, false
		}
		_, cut := snippet(d)
		want := passagesTwoScans(a, d, cut)
		if !slices.Equal(got, want) {
			t.Fatalf("passages\n got %q\nwant %q", got, want)
		}
		for i := range a.ws {
			if gotWin[i] != a.ws[i].win {
				t.Fatalf("word %d: passage %d, want %d", a.ws[i].id, gotWin[i], a.ws[i].win)
			}
		}
	})
}

// passagesTwoScans is Analyzer.passages as it was before add recorded
// where words first appear: the text cut into words again.
func passagesTwoScans(a *Analyzer, d Doc, skip int) []string {
	text := strings.TrimSpace(d.Text)
	if text == "" {
		text = d.Summary
	}
	var out []string
	size, end := 0, 0
	limit := max(PassageCap, len(text)/8)
	wordsAt(text, func(at int, word string) {
		f := a.lookup(word)
		if !f.ok || int(f.folded) >= len(a.stamp) || a.stamp[f.folded] != a.gen {
			return
		}
		s := &a.ws[a.slot[f.folded]]
		if s.body {
			return
		}
		s.body = true
		switch {
		case at < skip:
		case at+len(word) <= end && len(out) > 0:
			s.win = uint8(len(out))
		case size < limit && len(out) < maxPassages:
			from, to := passageBounds(text, at, len(word))
			out = append(out, display(text[from:to]))
			size += to - max(from, end)
			end = to
			s.win = uint8(len(out))
		}
	})
	return out
}
