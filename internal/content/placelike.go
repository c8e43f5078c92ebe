package content

import (
	"slices"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/strictyaml"
)

// placeLike pairs and places the pages of s as those of prev, the last
// Load through the same Cache, when that gives what pair and place would
// (loa serve, after an edit that moves no page: a title, a weight, a
// date, a body): s has prev's source files in the same order, each with
// the same kind, language, folder, translation key, slug and aliases,
// placed with the same site.yaml, and pairing and placing prev reported
// nothing. The translations, parents and URL paths (the same strings)
// are then prev's, and every list of children holds the same pages in
// prev's order, put in list order again (compareForList, a total order
// here) when one of them has another weight, date or title. It reports
// whether it did so; when it did not, s is as it was.
func (s *Site) placeLike(prev *Site, site *config.Site) bool {
	if prev == nil || prev == s || !prev.clean || prev.conf != site || len(prev.Pages) != len(s.Pages) {
		return false
	}
	// A page of prev, read through its place (Page.order), or nil when
	// prev does not hold it there.
	ours := func(q *Page) bool {
		return q != nil && q.order >= 0 && int(q.order) < len(prev.Pages) && prev.Pages[q.order] == q
	}
	trans, kids := 0, 0
	// The lists a page's place in may change (its weight, date or title
	// changed), by their page's place in Pages.
	var resort []int32
	for i, p := range s.Pages {
		q := prev.Pages[i]
		if int(q.order) != i || p.File != q.File || p.Kind != q.Kind || p.Lang != q.Lang || p.Dir != q.Dir ||
			p.Key != q.Key || p.Slug != q.Slug || !SameAliases(p, q) ||
			(q.Parent != nil && !ours(q.Parent)) ||
			!slices.ContainsFunc(q.Translations, func(t *Page) bool { return t == q }) {
			return false
		}
		for _, t := range q.Translations {
			if !ours(t) {
				return false
			}
		}
		for _, c := range q.Children {
			if !ours(c) {
				return false
			}
		}
		if q.Translations[0] == q {
			trans += len(q.Translations)
		}
		if q.Parent != nil && (p.Weight != q.Weight || !p.Date.Equal(q.Date) || p.Title != q.Title) {
			resort = append(resort, q.Parent.order)
		}
		kids += len(q.Children)
	}
	// One array for every group of translations, one for every list of
	// children, as pair and place share theirs.
	at := func(q *Page) *Page { return s.Pages[q.order] }
	tr, ch := make([]*Page, 0, trans), make([]*Page, 0, kids)
	for i, p := range s.Pages {
		q := prev.Pages[i]
		p.Path = q.Path
		if q.Parent != nil {
			p.Parent = at(q.Parent)
		}
		if q.Translations[0] == q {
			start := len(tr)
			for _, t := range q.Translations {
				tr = append(tr, at(t))
			}
			g := tr[start:len(tr):len(tr)]
			for _, t := range g {
				t.Translations = g
			}
		}
		if len(q.Children) > 0 {
			start := len(ch)
			for _, c := range q.Children {
				ch = append(ch, at(c))
			}
			p.Children = ch[start:len(ch):len(ch)]
		}
	}
	// The other lists are in prev's order, which is list order.
	for _, i := range resort {
		if p := s.Pages[i]; !slices.IsSortedFunc(p.Children, compareForList) {
			slices.SortFunc(p.Children, compareForList)
		}
	}
	s.conf, s.clean, s.likePrev = site, true, true
	return true
}

// SameAliases reports whether p and q have the same aliases, in the same
// order (where they are written aside): whether they claim the same
// redirect addresses.
func SameAliases(p, q *Page) bool {
	return slices.EqualFunc(p.Aliases, q.Aliases, func(a, b strictyaml.Scalar) bool { return a.Value == b.Value })
}

// PlacedAsBefore reports whether Load placed the pages as those of the
// last Load through its Options.Cache, without pairing and placing them
// afresh (see Options.Cache), for tests and traces.
func (s *Site) PlacedAsBefore() bool { return s.likePrev }
