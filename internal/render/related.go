package render

import (
	"cmp"
	"slices"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/fold"
)

// Related is how many related items a news item lists.
const Related = 5

// relatedCandidates bounds how many of each tag's newest pages are looked
// at, so that the cost per page does not grow with the size of the site.
const relatedCandidates = 50

// indexTags builds, per language and tag slug, the news items newest first.
func (r *Renderer) indexTags() {
	r.byTag = map[string]map[string][]*content.Page{}
	for lang, items := range r.news {
		m := map[string][]*content.Page{}
		for _, p := range items { // already newest first
			for _, t := range p.Tags {
				if slug := fold.Slug(t); slug != "" {
					m[slug] = append(m[slug], p)
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
	score := map[*content.Page]int{}
	for _, t := range p.Tags {
		list := r.byTag[p.Lang][fold.Slug(t)]
		for _, q := range list[:min(relatedCandidates, len(list))] {
			if q != p {
				score[q]++
			}
		}
	}
	cands := make([]*content.Page, 0, len(score))
	for q := range score {
		cands = append(cands, q)
	}
	slices.SortFunc(cands, func(a, b *content.Page) int {
		return cmp.Or(cmp.Compare(score[b], score[a]), b.Date.Compare(a.Date), cmp.Compare(a.Path, b.Path))
	})
	for _, q := range r.news[p.Lang] {
		if len(cands) >= Related {
			break
		}
		if q != p && q.Parent == p.Parent && score[q] == 0 {
			cands = append(cands, q)
		}
	}
	var out []Item
	for _, q := range cands[:min(Related, len(cands))] {
		out = append(out, item(q))
	}
	return out
}

// latest returns the newest news items of p's language, p left out.
func (r *Renderer) latest(p *content.Page) []Item {
	var out []Item
	for _, q := range r.news[p.Lang] {
		if len(out) == LatestNews {
			break
		}
		if q != p {
			out = append(out, item(q))
		}
	}
	return out
}
