package render

import (
	"cmp"
	"slices"

	"github.com/loa-ssg/loa/internal/content"
)

// Related is how many related items a news item lists.
const Related = 5

// relatedCandidates bounds how many of each tag's newest pages are looked
// at, so that the cost per page does not grow with the size of the site.
const relatedCandidates = 50

// indexTags builds, per language and tag slug, the news items newest
// first, as their places in r.news.
func (r *Renderer) indexTags() {
	r.byTag = map[string]map[string][]int32{}
	r.newsPlace = map[*content.Page]int32{}
	for lang, items := range r.news {
		m := map[string][]int32{}
		for i, p := range items { // already newest first
			r.newsPlace[p] = int32(i)
			for _, t := range p.Tags {
				if slug := r.slug(t); slug != "" {
					m[slug] = append(m[slug], int32(i))
				}
			}
		}
		r.byTag[lang] = m
	}
}

// related returns up to Related news items like p: those sharing the most
// tags with it first (newer first among equals), then the newest of its
// section.
func (r *Renderer) related(p *content.Page) []Item {
	var buf [Related]*content.Page
	return r.itemsOf(r.relatedPages(p, buf[:0]))
}

// relatedPages appends to out the news items related returns, as pages.
func (r *Renderer) relatedPages(p *content.Page, out []*content.Page) []*content.Page {
	news := r.news[p.Lang]
	self, isNews := r.newsPlace[p]
	if !isNews {
		self = -1
	}
	// Places in news, one per shared tag: after sorting, a place seen k
	// times is an item sharing k tags.
	var placesBuf [2 * relatedCandidates]int32
	places := placesBuf[:0]
	for _, t := range p.Tags {
		list := r.byTag[p.Lang][r.slug(t)]
		places = append(places, list[:min(relatedCandidates, len(list))]...)
	}
	slices.Sort(places)
	type cand struct{ place, score int32 }
	var candsBuf [2 * relatedCandidates]cand
	cands := candsBuf[:0]
	for i := 0; i < len(places); {
		j := i + 1
		for j < len(places) && places[j] == places[i] {
			j++
		}
		if places[i] != self {
			cands = append(cands, cand{places[i], int32(j - i)})
		}
		i = j
	}
	// More shared tags first, then newer (a smaller place).
	slices.SortFunc(cands, func(a, b cand) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.place, b.place)) })
	start := len(out)
	for _, c := range cands[:min(Related, len(cands))] {
		out = append(out, news[c.place])
	}
	for i, q := range news {
		if len(out)-start >= Related {
			break
		}
		if int32(i) != self && q.Parent == p.Parent && !slices.ContainsFunc(cands, func(c cand) bool { return c.place == int32(i) }) {
			out = append(out, q)
		}
	}
	return out
}

// latest returns the newest news items of p's language, p and the items
// of shown (already on the page, as related news) left out, so that no
// page lists an item twice.
func (r *Renderer) latest(p *content.Page, shown []*content.Page) []Item {
	var buf [LatestNews]*content.Page
	return r.itemsOf(r.latestPages(p, shown, buf[:0]))
}

// latestPages appends to out the news items latest returns, as pages.
func (r *Renderer) latestPages(p *content.Page, shown, out []*content.Page) []*content.Page {
	start := len(out)
	for _, q := range r.news[p.Lang] {
		if len(out)-start == LatestNews {
			break
		}
		if q != p && !slices.ContainsFunc(shown, func(s *content.Page) bool { return s.Path == q.Path }) {
			out = append(out, q)
		}
	}
	return out
}

// itemsOf returns pages as lists show them (nil for none).
func (r *Renderer) itemsOf(pages []*content.Page) []Item {
	if len(pages) == 0 {
		return nil
	}
	out := make([]Item, len(pages))
	for i, q := range pages {
		out[i] = r.item(q)
	}
	return out
}
