package render

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/loa-ssg/loa/internal/content"
)

// SearchFolder is where the search index is published; each language has
// its own folder below it ("search/vi/").
const SearchFolder = "search"

// searchIndexURL is the URL of lang's search index folder.
func (r *Renderer) searchIndexURL(lang string) string {
	return r.Site.BasePath + SearchFolder + "/" + lang + "/"
}

// SearchPath returns the URL path of lang's search page ("/tim-kiem/").
func (r *Renderer) SearchPath(lang string) string {
	return r.Site.LangPrefix(lang) + r.Catalog.T(lang, "url_search") + "/"
}

// searchExtras adds each language's search page and A–Z index of pages.
func (r *Renderer) searchExtras() {
	if r.tmpl["search.html"] == nil || r.tmpl["az.html"] == nil {
		return
	}
	for _, lang := range r.Site.Languages {
		home := r.Content.Homes[lang.Code]
		search := &Extra{Lang: lang.Code, Path: r.SearchPath(lang.Code), Title: r.Catalog.T(lang.Code, "search"),
			Layout: "search.html", Key: "search", section: home, kind: "search"}
		az := &Extra{Lang: lang.Code, Path: search.Path + r.Catalog.T(lang.Code, "url_az") + "/",
			Title: r.Catalog.T(lang.Code, "az"), Layout: "az.html", Key: "az", section: home, kind: "az"}
		in := func(p *content.Page) bool { return p != nil && p.Lang == lang.Code && p.Kind != content.KindHome }
		for _, p := range r.Content.Pages {
			if in(p) {
				az.list = append(az.list, p)
			}
		}
		prev := r.prevList(func(q *Renderer) []*content.Page {
			for _, e := range q.extras {
				if e.kind == "az" && e.Lang == lang.Code {
					return e.list
				}
			}
			return nil
		})
		if !r.sortFrom(az.list, prev, r.compareAZ) {
			// Each title folded once, beside its page (not looked up in
			// a map at every comparison of the sort).
			type entry struct {
				key string
				p   *content.Page
			}
			entries := make([]entry, len(az.list))
			for i, p := range az.list {
				entries[i] = entry{r.titleKey(p.Title), p}
			}
			slices.SortFunc(entries, func(a, b entry) int {
				if c := strings.Compare(a.key, b.key); c != 0 {
					return c
				}
				return r.compareAZ(a.p, b.p)
			})
			for i, e := range entries {
				az.list[i] = e.p
			}
		}
		r.extras = append(r.extras, search, az)
	}
}

// compareAZ is the order of the A–Z list: folded title, title, URL path.
func (r *Renderer) compareAZ(a, b *content.Page) int {
	if c := strings.Compare(r.titleKey(a.Title), r.titleKey(b.Title)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	return strings.Compare(a.Path, b.Path)
}

// Letter groups the A–Z index.
type Letter struct {
	Letter string
	Items  []Item
}

// azView groups e's pages by the first letter of their folded title.
func (r *Renderer) azView(v *View, e *Extra) {
	// The items of every letter in one array, each letter's a part of it
	// (not grown letter by letter: the index lists every page).
	items := r.azItems(len(e.list))
	start := 0
	// The first rune of the last title key, when it was not empty: a key
	// with the same first rune is in the same group (no string made).
	var first rune
	have := false
	for i, p := range e.list {
		items[i] = r.item(p)
		key := r.titleKey(p.Title)
		f, _ := utf8.DecodeRuneInString(key)
		if have && key != "" && f == first {
			continue
		}
		first, have = f, key != ""
		l := strings.ToUpper(firstLetter(key))
		if n := len(v.Letters); n == 0 || v.Letters[n-1].Letter != l {
			if n > 0 {
				v.Letters[n-1].Items = items[start:i:i]
			}
			v.Letters = append(v.Letters, Letter{Letter: l})
			start = i
		}
	}
	if n := len(v.Letters); n > 0 {
		v.Letters[n-1].Items = items[start:]
	}
	v.SearchAZ = e.Path
}

// azItems returns an array of n items for an A–Z view: the smallest of
// spareAZ that is large enough, else a new one; either is kept in azArrays
// when r was made with Input.Parsed (a Renderer of loa serve, whose
// next one may take them: a whole build keeps none).
// Its items are all overwritten by the caller.
func (r *Renderer) azItems(n int) []Item {
	r.azMu.Lock()
	defer r.azMu.Unlock()
	i := -1 // the smallest that is large enough
	for j, a := range r.spareAZ {
		if cap(a) >= n && (i < 0 || cap(a) < cap(r.spareAZ[i])) {
			i = j
		}
	}
	if i >= 0 {
		items := r.spareAZ[i][:n]
		r.spareAZ = slices.Delete(r.spareAZ, i, i+1)
		r.azArrays = append(r.azArrays, items)
		return items
	}
	items := make([]Item, n)
	if r.keepAZ {
		r.azArrays = append(r.azArrays, items)
	}
	return items
}

// firstLetter names the group of a folded title in the A–Z index: its
// first letter, "0–9" for a digit, "#" for an empty title.
func firstLetter(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case s == "":
		return "#"
	case r >= '0' && r <= '9':
		return "0–9"
	}
	return string(r)
}

// SectionTitle returns the title of the top-level section p is in, for
// search results ("Hướng dẫn phòng ngừa"); "" at the top.
func SectionTitle(p *content.Page) string {
	for s := p; s != nil; s = s.Parent {
		if s.Parent != nil && s.Parent.Kind == content.KindHome && s.Kind == content.KindSection {
			return s.Title
		}
	}
	return ""
}

// SearchText returns what the search index should hold for a generated
// page: a directory provider's name, section, and the text of its
// description, services, categories and areas. ok is false for pages that
// are only lists. The text starts with the provider's phone numbers
// (searchPhones of them, " · " after each), so that the snippet of a
// result found by its title alone ("helpline" for "111 national
// hotline") shows a number to call: the search page makes it a call link.
func (r *Renderer) SearchText(e *Extra) (title, section, text string, ok bool) {
	if e.kind != "provider" {
		return "", "", "", false
	}
	p := r.provider(e.prov, e.Lang, e.section)
	var b strings.Builder
	var seen []string
	for _, s := range p.Services {
		for _, ph := range s.Phones {
			if len(seen) < searchPhones && !slices.Contains(seen, ph.Display) {
				seen = append(seen, ph.Display)
				b.WriteString(ph.Display + " · ")
			}
		}
	}
	// Fields are blocks ("\n" between them, as search.Doc.Text has), so
	// that a service's name does not run into its description in a
	// snippet.
	b.WriteString(p.Description)
	for _, s := range p.Services {
		for _, t := range []string{s.Name, s.Description, s.Eligibility, s.Cost, s.Confidential} {
			b.WriteString("\n" + t)
		}
		for _, l := range append(slices.Clone(s.Categories), s.Areas...) {
			b.WriteString("\n" + l.Title)
		}
		for _, ph := range s.Phones {
			b.WriteString("\n" + ph.Display + " " + ph.Label)
		}
	}
	return p.Name, e.section.Title, b.String(), true
}

// searchPhones is how many of a provider's numbers start its search text:
// few, so that the snippet of the start (the first 160 characters) still
// shows them.
const searchPhones = 2
