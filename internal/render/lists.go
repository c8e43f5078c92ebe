package render

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/fold"
)

// PerPage is how many entries a list page shows before it continues on
// .../<url_page>/2/.
const PerPage = 20

// Pager links the pages of a long list.
type Pager struct {
	Current, Total int
	Prev, Next     string // URLs, "" at either end
	// Pages holds the first and last page, and the pages within
	// PagerReach of the current one (marked Current "page"); a gap between
	// them is a Link with Title "…" and no URL. A list of 500 pages shows
	// 1 … 48 49 50 51 52 … 500, as the GOV.UK pagination pattern does.
	Pages []Link
}

// PagerReach is how many pages on each side of the current one the pager
// links by number.
const PagerReach = 2

// Tag is a tag of one language with its pages.
type Tag struct {
	Slug, Name, URL string
	Count           int
}

// sortNewest orders pages by date, newest first, then by path (then by
// source file, so that the order is total and the faster unstable sort
// gives the one result).
func sortNewest(pages []*content.Page) {
	slices.SortFunc(pages, compareNewest)
}

// compareNewest is sortNewest's order.
func compareNewest(a, b *content.Page) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	return strings.Compare(a.File, b.File)
}

// prevList returns list(Input.Parsed) while prepare runs with one, else nil.
func (r *Renderer) prevList(list func(*Renderer) []*content.Page) []*content.Page {
	if r.prev == nil {
		return nil
	}
	return list(r.prev)
}

// sortAgain sorts list by cmp, a total order that reads only fields a
// page's text, source file and URL path decide, as slices.SortFunc
// would; prev is the same list as Input.Parsed made it, sorted (nil for
// none). The pages unchanged since (fromOld) keep the order they had in
// prev; the others are put in place by binary search. When that would
// not be faster, or prev and list do not hold the same unchanged pages,
// list is sorted afresh.
func (r *Renderer) sortAgain(list, prev []*content.Page, cmp func(a, b *content.Page) int) {
	if !r.sortFrom(list, prev, cmp) {
		slices.SortFunc(list, cmp)
	}
}

// sortFrom is sortAgain, but returns false, list untouched, instead of
// sorting list afresh.
func (r *Renderer) sortFrom(list, prev []*content.Page, cmp func(a, b *content.Page) int) bool {
	if r.fromOld == nil || len(prev) == 0 {
		return false
	}
	// Each page of list marked by its place in r.Content.Pages: 1 in
	// list, 2 kept from prev.
	pages := r.Content.Pages
	in := make([]uint8, len(pages))
	for _, p := range list {
		i := p.Index()
		if i >= len(pages) || pages[i] != p || in[i] != 0 {
			return false // not a page of r.Content, or twice in list
		}
		in[i] = 1
	}
	kept := make([]*content.Page, 0, len(list))
	for _, q := range prev {
		if p := r.newOf(q); p != nil && in[p.Index()] == 1 {
			kept = append(kept, p)
			in[p.Index()] = 2
		}
	}
	if len(list)-len(kept) > 64 {
		return false
	}
	for _, p := range list {
		if in[p.Index()] == 1 {
			i, _ := slices.BinarySearchFunc(kept, p, cmp)
			kept = slices.Insert(kept, i, p)
		}
	}
	copy(list, kept)
	return true
}

// newOf returns the page of r.Content that q, a page of r.prev, became
// unchanged (fromOld), or nil.
func (r *Renderer) newOf(q *content.Page) *content.Page {
	if i := q.Index(); i < len(r.fromOld) && r.prev.Content.Pages[i] == q {
		return r.fromOld[i]
	}
	return nil
}

// children returns what a section lists: its pages and subsections in
// display order, except that the news section lists newest first.
func (r *Renderer) children(p *content.Page) []*content.Page {
	if p.Kind != content.KindSection || p.Dir != NewsSection {
		return p.Children
	}
	if out, ok := r.newsChildren[p]; ok {
		return out
	}
	out := slices.Clone(p.Children)
	sortNewest(out)
	return out
}

// pageURL is the URL of page n (1-based) of a list whose first page is at base.
func (r *Renderer) pageURL(lang, base string, n int) string {
	if n == 1 {
		return base
	}
	return base + r.Catalog.T(lang, "url_page") + "/" + strconv.Itoa(n) + "/"
}

// pager returns the pager for page n of a list of count entries at base,
// or nil when the list fits on one page.
func (r *Renderer) pager(lang, base string, n, count int) *Pager {
	total := (count + PerPage - 1) / PerPage
	if total <= 1 {
		return nil
	}
	p := &Pager{Current: n, Total: total}
	if n > 1 {
		p.Prev = r.pageURL(lang, base, n-1)
	}
	if n < total {
		p.Next = r.pageURL(lang, base, n+1)
	}
	link := func(i int) {
		l := Link{Title: strconv.Itoa(i), URL: r.pageURL(lang, base, i)}
		if i == n {
			l.Current = "page"
		}
		p.Pages = append(p.Pages, l)
	}
	gap := Link{Title: "…"}
	lo, hi := max(2, n-PagerReach), min(total-1, n+PagerReach)
	if lo == 3 { // a gap of one page shows that page instead
		lo = 2
	}
	if hi == total-2 {
		hi = total - 1
	}
	link(1)
	if lo > 2 {
		p.Pages = append(p.Pages, gap)
	}
	for i := lo; i <= hi; i++ {
		link(i)
	}
	if hi < total-1 {
		p.Pages = append(p.Pages, gap)
	}
	link(total)
	return p
}

// window returns the entries of page n of list.
func window[T any](list []T, n int) []T {
	lo := min((n-1)*PerPage, len(list))
	return list[lo:min(lo+PerPage, len(list))]
}

// listExtras adds the later pages of long section lists, and the tag pages.
func (r *Renderer) listExtras() {
	for _, p := range r.Content.Pages {
		children := r.children(p)
		if p.Kind == content.KindPage || len(children) <= PerPage || (p.Kind == content.KindSection && p.Dir == DirectorySection) {
			continue
		}
		layout, err := r.Layout(p)
		if err != nil {
			continue
		}
		for n := 2; (n-1)*PerPage < len(children); n++ {
			r.extras = append(r.extras, &Extra{Lang: p.Lang, Path: r.pageURL(p.Lang, p.Path, n),
				Title: p.Title, Layout: layout, Key: "page:" + p.Key + ":" + strconv.Itoa(n),
				section: p, kind: "page", list: children, base: p.Path, n: n})
		}
	}
	if r.tmpl["tag.html"] == nil || r.tmpl["tags.html"] == nil {
		return
	}
	for _, lang := range r.Site.Languages {
		tags, pages := r.tagIndex(lang.Code)
		if len(tags) == 0 {
			continue
		}
		home := r.Content.Homes[lang.Code]
		index := &Extra{Lang: lang.Code, Path: r.tagsURL(lang.Code), Title: r.Catalog.T(lang.Code, "tags"),
			Layout: "tags.html", Key: "tags", section: home, kind: "tags", tags: tags}
		r.extras = append(r.extras, index)
		for _, t := range tags {
			list := pages[t.Slug]
			for n := 1; (n-1)*PerPage < len(list); n++ {
				r.extras = append(r.extras, &Extra{Lang: lang.Code, Path: r.pageURL(lang.Code, t.URL, n),
					Title: t.Name, Layout: "tag.html", Key: "tag:" + t.Slug + ":" + strconv.Itoa(n),
					section: home, kind: "tag", list: list, base: t.URL, n: n})
			}
		}
	}
}

func (r *Renderer) tagsURL(lang string) string {
	return r.Site.LangPrefix(lang) + r.Catalog.T(lang, "url_tags") + "/"
}

// tagState is what tagIndex found for one language, as places in
// Content.Pages, for the next Renderer made with Input.Parsed from this
// one. Its slices and maps are not changed once made (the next Renderer
// may share them).
type tagState struct {
	tagged []int32            // the pages that have tags, newest first
	lists  map[string][]int32 // tag slug → its pages, newest first
	first  map[string]string  // tag slug → its first spelling in Content.Pages
}

// tagIndex returns lang's tags in name order and, per tag slug, its pages
// newest first. A tag's name is the interface string "tag_<slug>" when the
// site defines one, else its first spelling in the content.
//
// With Input.Parsed, when the pages are its pages place for place with
// the same languages, dates, URL paths and having tags or not
// (Renderer.sameOrder), the tagged pages keep its order, unsorted; with
// the same tags too (sameTags), each tag keeps its pages and first
// spelling: only the pages themselves, names and URLs are taken anew.
// Else, when a few pages changed, the lists are Input.Parsed's with those
// pages taken out and put in (tagStateFrom).
func (r *Renderer) tagIndex(lang string) ([]Tag, map[string][]*content.Page) {
	st, tagged := r.tagStateFrom(lang)
	if st == nil {
		st, tagged = r.tagStateOf(lang)
	} else {
		r.tagsAgain = true
	}
	all := r.Content.Pages
	if r.tagged == nil {
		r.tagged = map[string][]*content.Page{}
	}
	r.tagged[lang] = tagged
	if r.tagStates == nil {
		r.tagStates = map[string]*tagState{}
	}
	r.tagStates[lang] = st
	pages := make(map[string][]*content.Page, len(st.lists))
	var tags []Tag
	for slug, places := range st.lists {
		list := make([]*content.Page, len(places))
		for k, i := range places {
			list[k] = all[i]
		}
		pages[slug] = list
		tags = append(tags, Tag{Slug: slug, Name: r.tagName(lang, slug, st.first[slug]), URL: r.tagsURL(lang) + slug + "/", Count: len(list)})
	}
	slices.SortFunc(tags, func(a, b Tag) int {
		return cmp.Or(cmp.Compare(fold.Key(a.Name), fold.Key(b.Name)), cmp.Compare(a.Slug, b.Slug))
	})
	return tags, pages
}

// tagStateOf is tagIndex's state for lang, made from the pages (with
// Input.Parsed's state when its pages are placed alike: see tagIndex),
// and the tagged pages, newest first.
func (r *Renderer) tagStateOf(lang string) (*tagState, []*content.Page) {
	var prev *tagState
	if r.prev != nil && r.sameOrder {
		prev = r.prev.tagStates[lang]
	}
	st := &tagState{}
	if prev != nil && r.sameTags {
		st.lists, st.first = prev.lists, prev.first
	} else {
		st.lists, st.first = map[string][]int32{}, map[string]string{}
	}
	all := r.Content.Pages
	var tagged []*content.Page
	if prev != nil {
		st.tagged = prev.tagged
		tagged = make([]*content.Page, len(st.tagged))
		for k, i := range st.tagged {
			tagged[k] = all[i]
		}
	}
	if prev == nil || !r.sameTags {
		place := map[*content.Page]int32{}
		for i, p := range all {
			if p.Lang != lang || len(p.Tags) == 0 {
				continue
			}
			if prev == nil {
				tagged = append(tagged, p)
				place[p] = int32(i)
			}
			for _, t := range p.Tags {
				slug := r.slug(t)
				if _, ok := st.first[slug]; !ok && slug != "" {
					st.first[slug] = t
				}
			}
		}
		if prev == nil {
			// The tagged pages sorted once, newest first, then shared
			// out: each tag's list comes out in that order
			// (sortNewest's order is total).
			r.sortAgain(tagged, r.prevList(func(q *Renderer) []*content.Page { return q.tagged[lang] }), compareNewest)
			st.tagged = make([]int32, len(tagged))
			for k, p := range tagged {
				st.tagged[k] = place[p]
			}
		}
		for _, i := range st.tagged {
			for _, t := range all[i].Tags {
				slug := r.slug(t)
				// A tag written twice on a page lists it once. The pages
				// of a slug are added page by page, so a repeat is the
				// last one (looking through the whole list made this
				// quadratic).
				if list := st.lists[slug]; slug == "" || len(list) > 0 && list[len(list)-1] == i {
					continue
				}
				st.lists[slug] = append(st.lists[slug], i)
			}
		}
	}
	return st, tagged
}

// listView fills a list page's view: its window of entries and pager.
func (r *Renderer) listView(v *View, e *Extra) {
	n := max(e.n, 1)
	if v.Pager = r.pager(e.Lang, e.base, n, len(e.list)); v.Pager != nil {
		v.Title = e.Title + " – " + r.Catalog.T(e.Lang, "page") + " " + strconv.Itoa(n)
	}
	for _, p := range window(e.list, n) {
		v.Children = append(v.Children, r.item(p))
	}
	v.Tags = e.tags
}
