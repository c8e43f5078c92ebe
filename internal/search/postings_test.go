package search

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// postingsOf returns the sections Postings writes, by word.
func postingsOf(t *testing.T, dict *Dict, docs []Analyzed, opts Options) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	if err := Postings(dict, docs, opts, func(word string, s []byte) error {
		m[word] = bytes.Clone(s)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestUpdateFrom holds UpdateFrom to BuildWith, and the sections it
// returns to Postings', over random sequences of edits of one to three
// documents each, each update made from the files and sections of the
// one before: a document replaced by another, a sentence added to its
// text, its title changed, its section (boosted or not) changed, a word
// of every document taken out of one; in a site above RarePairs
// documents and one below.
func TestUpdateFrom(t *testing.T) {
	for _, n := range []int{RarePairs + 40, 150} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			site := newUpdateSite(n, 29)
			rng, dict, a, opts, src, docs := site.rng, site.dict, site.a, site.opts, site.src, site.docs
			files := BuildWith(dict, docs, opts)
			sections := postingsOf(t, dict, docs, opts)
			for round := range 40 {
				change := map[int]Doc{}
				for range 1 + rng.IntN(3) {
					i := rng.IntN(n)
					d := src[i]
					switch rng.IntN(5) {
					case 0:
						d = updateDoc(rng, i, round+1)
					case 1:
						d.Text += fmt.Sprintf(" Một câu thêm vào lần %d nhà trợ.", round)
					case 2:
						d.Title = fmt.Sprintf("Sửa %d %s", round, d.Title)
					case 3:
						d.SectionKey = []string{"news", "support", ""}[rng.IntN(3)]
					case 4:
						d.Text = strings.Replace(d.Text, "chung ", "", 1)
					}
					change[i] = d
				}
				var changed []int
				var before, after []Analyzed
				for _, i := range slices.Sorted(maps.Keys(change)) {
					changed = append(changed, i)
					before = append(before, docs[i])
					src[i] = change[i]
					docs[i] = a.Analyze(src[i])
					after = append(after, docs[i])
				}
				asked := 0
				got, secs, err := UpdateFrom(&Update{
					Dict: dict, Options: opts, Docs: n, Changed: changed, Before: before, After: after,
					Prev: func(name string) ([]byte, error) {
						if b, ok := files[name]; ok {
							return b, nil
						}
						return nil, fmt.Errorf("no %s", name)
					},
					Section: func(word string) ([]byte, error) {
						asked++
						return sections[word], nil
					},
					Doc: func(i int) (*Analyzed, error) { return &docs[i], nil },
				})
				if err != nil {
					t.Fatalf("round %d: %v", round, err)
				}
				want := BuildWith(dict, docs, opts)
				for _, name := range slices.Sorted(maps.Keys(want)) {
					if !bytes.Equal(got[name], want[name]) {
						t.Fatalf("round %d: %s differs from BuildWith's\n%.600s\nwant\n%.600s", round, name, got[name], want[name])
					}
				}
				if len(got) != len(want) {
					t.Fatalf("round %d: %d files, want %d", round, len(got), len(want))
				}
				files = got
				for w, s := range secs {
					if s == nil {
						delete(sections, w)
					} else {
						sections[w] = s
					}
				}
				if wantSecs := postingsOf(t, dict, docs, opts); !maps.EqualFunc(sections, wantSecs, bytes.Equal) {
					t.Fatalf("round %d: the sections kept differ from Postings'", round)
				}
				if asked > len(sections)/2 {
					t.Errorf("round %d: %d sections read of %d", round, asked, len(sections))
				}
			}
		})
	}
}

// TestUpdateFromRefuses: a section damaged, a shard missing, or a
// document the update needs that cannot be had gives an error.
func TestUpdateFromRefuses(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 29))
	dict := NewDict()
	a := NewAnalyzer(dict)
	var docs []Analyzed
	for i := range 600 {
		docs = append(docs, a.Analyze(updateDoc(rng, i, 0)))
	}
	files := Build(dict, docs)
	sections := postingsOf(t, dict, docs, Options{})
	before := docs[7]
	docs[7] = a.Analyze(updateDoc(rng, 7, 1))
	u := func() *Update {
		return &Update{
			Dict: dict, Docs: len(docs), Changed: []int{7}, Before: []Analyzed{before}, After: []Analyzed{docs[7]},
			Prev: func(name string) ([]byte, error) {
				if b, ok := files[name]; ok {
					return b, nil
				}
				return nil, fmt.Errorf("no %s", name)
			},
			Section: func(word string) ([]byte, error) { return sections[word], nil },
			Doc:     func(i int) (*Analyzed, error) { return &docs[i], nil },
		}
	}
	if _, _, err := UpdateFrom(u()); err != nil {
		t.Fatal(err)
	}
	spoilt := u()
	spoilt.Section = func(word string) ([]byte, error) {
		s := sections[word]
		return s[:len(s)-1], nil
	}
	if _, _, err := UpdateFrom(spoilt); err == nil {
		t.Error("a section cut short was read")
	}
	spoilt = u()
	prev := spoilt.Prev
	spoilt.Prev = func(name string) ([]byte, error) {
		if name == "w/1.json" {
			return nil, errors.New("gone")
		}
		return prev(name)
	}
	if _, _, err := UpdateFrom(spoilt); err == nil {
		t.Error("a shard missing was not noticed")
	}
	spoilt = u()
	spoilt.Docs--
	if _, _, err := UpdateFrom(spoilt); err == nil {
		t.Error("an index of other documents was updated")
	}
}
