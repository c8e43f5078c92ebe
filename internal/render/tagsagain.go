package render

import (
	"maps"
	"slices"

	"github.com/loa-ssg/loa/internal/content"
)

// maxTagsAgain is how many tagged pages of a language may have changed
// (added, gone, or read from other text) for tagStateFrom to put them in
// and out of Input.Parsed's tag lists; above it, the lists are made
// afresh.
const maxTagsAgain = 64

// tagStateFrom is tagIndex's state for lang, and the tagged pages newest
// first, made from Input.Parsed's when a few pages changed but not every
// page kept its place (so that tagStateOf cannot keep the state as it
// is): a page added or gone, a file renamed. The pages unchanged since
// (fromOld: the same text at the same URL path, so the same language,
// date and tags) keep their order in each list, at their new places;
// the others are taken out and put in by binary search (compareNewest is
// a total order). The first spelling of a tag is found again only for
// the tags of the pages changed. It returns nil when there is no earlier
// state to start from, when the pages are placed alike with the same
// tags (tagStateOf keeps that state whole), or when more than maxTagsAgain tagged pages of lang
// changed.
func (r *Renderer) tagStateFrom(lang string) (*tagState, []*content.Page) {
	if r.prev == nil || r.fromOld == nil || r.sameOrder && r.sameTags {
		return nil, nil
	}
	prev := r.prev.tagStates[lang]
	if prev == nil {
		return nil, nil
	}
	all, olds := r.Content.Pages, r.prev.Content.Pages
	kept := make([]bool, len(all)) // pages of r.Content that are an old page unchanged
	for _, p := range r.fromOld {
		if p != nil {
			kept[p.Index()] = true
		}
	}
	var fresh []int32 // tagged pages of lang that are not
	for i, p := range all {
		if !kept[i] && p.Lang == lang && len(p.Tags) > 0 {
			if fresh = append(fresh, int32(i)); len(fresh) > maxTagsAgain {
				return nil, nil
			}
		}
	}
	touched := map[string]bool{} // slugs of the tags of the pages changed
	// at is the new place of a page of prev, or false for a page changed
	// or gone (whose tags it counts as touched).
	gone := 0
	at := func(i int32) (int32, bool) {
		if p := r.fromOld[i]; p != nil {
			return int32(p.Index()), true
		}
		return 0, false
	}
	st := &tagState{tagged: make([]int32, 0, len(prev.tagged)+len(fresh)), lists: make(map[string][]int32, len(prev.lists))}
	for _, i := range prev.tagged {
		if j, ok := at(i); ok {
			st.tagged = append(st.tagged, j)
			continue
		}
		if gone++; gone+len(fresh) > maxTagsAgain {
			return nil, nil
		}
		for _, t := range olds[i].Tags {
			touched[r.slug(t)] = true
		}
	}
	newer := func(i, j int32) int { return compareNewest(all[i], all[j]) }
	for _, i := range fresh {
		k, _ := slices.BinarySearchFunc(st.tagged, i, newer)
		st.tagged = slices.Insert(st.tagged, k, i)
	}
	for slug, places := range prev.lists {
		list := make([]int32, 0, len(places))
		for _, i := range places {
			if j, ok := at(i); ok {
				list = append(list, j)
			}
		}
		st.lists[slug] = list
	}
	for _, i := range fresh {
		for _, t := range all[i].Tags {
			slug := r.slug(t)
			if slug == "" {
				continue
			}
			touched[slug] = true
			list := st.lists[slug]
			k, found := slices.BinarySearchFunc(list, i, newer)
			if !found { // (a tag written twice on a page lists it once)
				st.lists[slug] = slices.Insert(list, k, i)
			}
		}
	}
	st.first = maps.Clone(prev.first)
	for slug := range touched {
		list := st.lists[slug]
		if len(list) == 0 {
			delete(st.lists, slug)
			delete(st.first, slug)
			continue
		}
		// The spelling of the page first in Content.Pages: its first tag
		// of that slug.
		first := slices.Min(list)
		for _, t := range all[first].Tags {
			if r.slug(t) == slug {
				st.first[slug] = t
				break
			}
		}
	}
	tagged := make([]*content.Page, len(st.tagged))
	for k, i := range st.tagged {
		tagged[k] = all[i]
	}
	return st, tagged
}
