package render

import (
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/loa-ssg/loa/internal/content"
)

// The keys below let a rebuild (loa serve) tell which pages can look
// different after an edit without rendering them: a page whose key, its
// converted Markdown and its language's key are the same as before
// renders to the same bytes. Each key writes what the page's View is made
// of besides those, taken from the same functions View uses (children,
// related, latest, pager, tags, print links): a new input of view, frame
// or Extra must be written here too (TestKeyCoversFrontMatter holds the
// front matter to PageKey). With a *maphash.Hash, keys compare within
// one process only (its seed); with a hash of fixed algorithm (the build
// cache of loa build), across runs of the same loa.

// KeyHash is what the keys are written to: *maphash.Hash, or any hash
// with these methods.
type KeyHash interface {
	Write(p []byte) (int, error)
	WriteString(s string) (int, error)
	WriteByte(c byte) error
}

// LangKey writes to h what every page of lang shows: its interface
// strings, menu, footer links, safety page, feed and search page.
func (r *Renderer) LangKey(h KeyHash, lang string) {
	k := keyWriter{h}
	strs := r.Catalog.Strings(lang)
	for _, name := range slices.Sorted(maps.Keys(strs)) {
		k.str(name)
		k.str(strs[name])
	}
	r.langKey(k, lang)
}

// LangKeyBesideStrings is LangKey with, of the interface strings, only
// those Go code reads into what pages show (goStrings, goPrefixes: URL
// paths, titles of generated pages, labels), for a rebuild that keys each
// layout's strings apart (StringsKey) and tag names with the pages that
// show them (PageKey, ExtraKey).
func (r *Renderer) LangKeyBesideStrings(h KeyHash, lang string) {
	k := keyWriter{h}
	strs := r.Catalog.Strings(lang)
	k.str("\x00go")
	for _, name := range slices.Sorted(maps.Keys(strs)) {
		if goString(name) {
			k.str(name)
			k.str(strs[name])
		}
	}
	r.langKey(k, lang)
}

// langKey writes what LangKey writes besides the interface strings.
func (r *Renderer) langKey(k keyWriter, lang string) {
	k.str("\x00menu")
	for _, l := range r.menus[lang] {
		k.link(l)
	}
	k.str("\x00footer")
	for _, l := range r.footers[lang] {
		k.link(l)
	}
	k.str(r.safety[lang])
	k.bool(len(r.feed[lang]) > 0)
	k.bool(r.tmpl["search.html"] != nil)
}

// PageKey writes to h what p's page shows besides its converted Markdown
// and its language's LangKey. Of a list longer than a page (PerPage) it
// writes the count and the first page's entries, which is what the page
// shows (the later pages are generated pages with keys of their own).
func (r *Renderer) PageKey(h KeyHash, p *content.Page) {
	r.pageKey(h, p, nil)
}

// PageKeyRefs is PageKey that also appends to refs the source files
// (content.Page.File) of the other pages whose fields the key writes: p's
// translations, the sections above it, the pages it lists (children,
// related and latest news). As long as none of those pages changes, and
// no page joins or leaves p's lists, p's key stays the same; a rebuild
// uses this to compute again only the keys that may have changed.
func (r *Renderer) PageKeyRefs(h KeyHash, p *content.Page, refs []string) []string {
	r.pageKey(h, p, &refs)
	return refs
}

func (r *Renderer) pageKey(h KeyHash, p *content.Page, refs *[]string) {
	k := keyWriter{h}
	ref := func(q *content.Page) {
		if refs != nil && q != p {
			*refs = append(*refs, q.File)
		}
	}
	layout, err := r.Layout(p)
	k.str(layout)
	k.bool(err == nil)
	k.page(p)
	for _, t := range p.Translations {
		ref(t)
		k.str(t.Lang)
		k.str(t.Path)
		k.str(t.Title)
		k.bool(t.Draft)
	}
	k.str("\x00parents")
	k.parents(p.Parent)
	for q := p.Parent; q != nil; q = q.Parent {
		ref(q)
	}
	children := r.children(p)
	k.int(len(children))
	for _, c := range children {
		ref(c)
	}
	if p.Kind != content.KindPage && !(p.Kind == content.KindSection && p.Dir == DirectorySection) && len(children) > PerPage {
		// The page shows the first page of its list and a pager (view):
		// the count above and these entries.
		children = window(children, 1)
	}
	for _, c := range children {
		k.item(r.item(c))
	}
	var listed []*content.Page
	switch {
	case p.Kind == content.KindHome:
		var buf [LatestNews]*content.Page
		listed = r.latestPages(p, nil, buf[:0])
		k.pages(r, listed)
	case p.Kind == content.KindPage && p.Section() == NewsSection:
		var buf [Related + LatestNews]*content.Page
		related := r.relatedPages(p, buf[:0])
		k.pages(r, related)
		latest := r.latestPages(p, related, related[len(related):])
		k.pages(r, latest)
		listed = buf[:len(related)+len(latest)]
	}
	for _, q := range listed {
		ref(q)
	}
	// What pageTags returns, written without making it.
	if r.tmpl["tag.html"] != nil && len(p.Tags) > 0 {
		k.str(r.tagsURL(p.Lang))
		for _, t := range p.Tags {
			if slug := r.slug(t); slug != "" {
				k.str(slug)
				k.str(r.tagName(p.Lang, slug, t))
			}
		}
	}
	for _, l := range r.printLinks(p) {
		k.link(l)
	}
	if p.Kind == content.KindSection && p.Dir == DirectorySection {
		k.str(r.DirectoryKey)
	}
}

// ExtraKey writes to h what the generated page e shows besides its
// language's LangKey.
func (r *Renderer) ExtraKey(h KeyHash, e *Extra) {
	k := keyWriter{h}
	for _, s := range []string{e.Lang, e.Path, e.Title, e.Layout, e.Key, e.kind, e.termID, e.base} {
		k.str(s)
	}
	k.int(e.n)
	k.bool(e.empty)
	paths := r.extraKeys[e.Key]
	for _, l := range r.Site.Languages {
		k.str(l.Code)
		k.str(paths[l.Code])
	}
	k.str("\x00parents")
	k.parents(e.section)
	switch e.kind {
	case "page", "tag":
		// The pager shows how many pages the list has, not how many
		// entries: a page joining or leaving a list changes its later
		// pages, not every page.
		k.int((len(e.list) + PerPage - 1) / PerPage)
		for _, p := range window(e.list, max(e.n, 1)) {
			k.item(r.item(p))
		}
	case "tags":
		for _, t := range e.tags {
			k.str(t.Slug)
			k.str(t.Name)
			k.str(t.URL)
			k.int(t.Count)
		}
	case "search":
		if sec := r.directorySection(e.Lang); sec != nil {
			k.str(sec.Title)
			k.str(sec.Path)
		}
	case "az":
		for _, p := range e.list {
			k.item(r.item(p))
		}
	default: // the directory's pages
		k.str(r.DirectoryKey)
	}
}

// keyWriter writes values to a hash, each ended so that two different
// sequences never write the same bytes.
type keyWriter struct{ h KeyHash }

func (k keyWriter) str(s string) {
	k.int(len(s))
	k.h.WriteString(s)
}

// int writes n's 8 bytes, little-endian, a byte at a time: an array
// handed to the interface's Write escaped to the heap, once for each of
// the ~1,000,000 numbers a warm build at 10,000 pages per language keys.
func (k keyWriter) int(n int) {
	for i := range 8 {
		k.h.WriteByte(byte(uint64(n) >> (8 * i)))
	}
}

func (k keyWriter) bool(v bool) {
	if v {
		k.h.WriteByte(1)
	} else {
		k.h.WriteByte(0)
	}
}

func (k keyWriter) time(t time.Time) {
	k.bool(t.IsZero())
	k.int(int(t.UnixNano()))
}

func (k keyWriter) link(l Link) {
	k.str(l.Title)
	k.str(l.URL)
	k.str(l.Current)
}

func (k keyWriter) item(it Item) {
	k.str(it.Title)
	k.str(it.URL)
	k.str(it.Summary)
	k.str(it.DateISO)
	k.str(it.DateText)
}

// pages writes pages as r lists them (as items would).
func (k keyWriter) pages(r *Renderer, pages []*content.Page) {
	k.int(len(pages))
	for _, p := range pages {
		k.item(r.item(p))
	}
}

// parents writes the trail above a page: breadcrumbs, and which menu
// entry is current.
func (k keyWriter) parents(p *content.Page) {
	for ; p != nil; p = p.Parent {
		k.str(p.Path)
		k.str(p.Title)
		k.int(int(p.Kind))
	}
}

// page writes p's own fields, its front matter but the positions
// included.
func (k keyWriter) page(p *content.Page) {
	k.int(int(p.Kind))
	for _, s := range []string{p.Lang, p.File, p.Dir, p.Key, p.Slug, p.Path} {
		k.str(s)
	}
	fm := p.FrontMatter
	k.str(fm.Title)
	k.str(fm.Description)
	k.time(fm.Date)
	k.time(fm.Lastmod)
	k.bool(fm.Draft)
	k.int(fm.Weight)
	k.int(len(fm.Aliases))
	for _, a := range fm.Aliases {
		k.str(a.Value)
	}
	k.int(len(fm.Tags))
	for _, t := range fm.Tags {
		k.str(t)
	}
	k.str(fm.TranslationKey)
	k.str(fm.Layout)
	k.str(fm.Leaflet)
	k.int(len(p.Attachments))
	for _, a := range p.Attachments {
		k.str(a.Path)
		k.str(a.Name)
		k.int(int(a.Size))
	}
	k.str(strconv.Itoa(len(p.DraftLangs)))
	for _, l := range p.DraftLangs {
		k.str(l)
	}
}

// SitemapKey writes to h what sitemap.xml lists (Sitemap): every page but
// drafts with its date and translations, and the generated pages.
func (r *Renderer) SitemapKey(h KeyHash) {
	k := keyWriter{h}
	for _, p := range r.Content.Pages {
		if p.Draft {
			continue
		}
		k.str(p.Path)
		k.time(lastmod(p))
		for _, t := range p.Translations {
			if !t.Draft {
				k.str(t.Lang)
				k.str(t.Path)
			}
		}
		k.str("")
	}
	k.str("\x00extras")
	for _, e := range r.extras {
		if e.empty {
			continue
		}
		k.str(e.Path)
		paths := r.extraKeys[e.Key]
		for _, l := range r.Site.Languages {
			k.str(paths[l.Code])
		}
	}
}

// SameExtra reports, without computing either key, that the generated
// page e has the ExtraKey of old, the generated page at the same path made
// by an earlier Renderer, given that: changed reports the source file of
// every page that differs between the two Renderers (its fields, or its
// place or membership in any list), entryChanged those of them whose
// list entry differs (SameItem false; it may report more, as changed
// does), both Renderers have the same LangKey for e's language, and both
// put the generated pages of e's Key (e and its translations) at the
// same paths (SameTranslations). It holds for a later page of a list or a
// tag page whose own fields, the sections above it (none changed), the
// number of pages of its list and its window's pages (the same files in
// the same order, none with another entry) are as before; for an A–Z list
// whose pages are the same in the same order, none with another entry;
// for the list of tags when every tag has the same name, URL and count.
// It reports false for the other kinds, whose keys read more.
func SameExtra(e, old *Extra, changed, entryChanged func(file string) bool) bool {
	if old == nil || (e.kind != "page" && e.kind != "tag" && e.kind != "az" && e.kind != "tags") ||
		e.Lang != old.Lang || e.Path != old.Path || e.Title != old.Title || e.Layout != old.Layout || e.Key != old.Key ||
		e.kind != old.kind || e.termID != old.termID || e.base != old.base || e.n != old.n || e.empty != old.empty ||
		(len(e.list)+PerPage-1)/PerPage != (len(old.list)+PerPage-1)/PerPage {
		return false
	}
	a, b := e.section, old.section
	for ; a != nil && b != nil; a, b = a.Parent, b.Parent {
		if a.File != b.File || changed(a.File) {
			return false
		}
	}
	if a != nil || b != nil {
		return false
	}
	switch e.kind {
	case "tags":
		return slices.Equal(e.tags, old.tags)
	case "az":
		return samePages(e.list, old.list, entryChanged)
	}
	return samePages(window(e.list, max(e.n, 1)), window(old.list, max(old.n, 1)), entryChanged)
}

// SameItem reports whether p has, in r's lists, the entry that q had in
// those of old, an earlier Renderer: what ExtraKey writes of a listed
// page (its title, URL, summary and date as shown).
func (r *Renderer) SameItem(p *content.Page, old *Renderer, q *content.Page) bool {
	a, b := r.item(p), old.item(q)
	return a.Title == b.Title && a.URL == b.URL && a.Summary == b.Summary && a.DateISO == b.DateISO && a.DateText == b.DateText
}

// SameExtraKey reports, without computing either key, that the generated
// page e has the ExtraKey that the generated page at its path had in an
// earlier build, given that: every page of the two builds has the same
// place (PageSums' place sum, the pages in the same order), both builds
// have the same LangKey for e's language, and changed reports each page
// whose own sum (PageSums' own) differs. It holds for a page of a list,
// a tag page and the A–Z list, whose keys read besides places only the
// own fields of the sections above them and of the pages of their whole
// list (not only its window: a changed title can move a page into it);
// it reports false for the other kinds, whose keys read more (the list
// of tags, the search page, the directory's pages).
func SameExtraKey(e *Extra, changed func(p *content.Page) bool) bool {
	if e.kind != "page" && e.kind != "tag" && e.kind != "az" {
		return false
	}
	for p := e.section; p != nil; p = p.Parent {
		if changed(p) {
			return false
		}
	}
	return !slices.ContainsFunc(e.list, changed)
}

// SameTranslations reports whether r and old, an earlier Renderer, put
// the generated pages of e's Key (e and its translations, which its
// ExtraKey writes) at the same paths in the same languages.
func (r *Renderer) SameTranslations(e *Extra, old *Renderer) bool {
	return maps.Equal(r.extraKeys[e.Key], old.extraKeys[e.Key])
}

// samePages reports whether two lists hold the pages of the same files in
// the same order, none of them changed.
func samePages(w, ow []*content.Page, changed func(file string) bool) bool {
	if len(w) != len(ow) {
		return false
	}
	for i := range w {
		if w[i].File != ow[i].File || changed(w[i].File) {
			return false
		}
	}
	return true
}

// PageSums writes to own what p shows of itself to its own key and to the
// keys of other pages (its fields and front matter, its layout and its
// list item: the part of PageKey that is p's), and to place what puts p
// in the lists and trails of other pages: the same but its title and
// description, with the files of its parent and translations. When every
// page of a site has the place it had in an earlier build (the same
// pages, in the same order: the caller checks), a page's key can differ
// from that build's only if its own sum or the own sum of a page its key
// read (PageKeyRefs) differs, or its language's LangKey: a title moves a
// page in its section's list (which reads it) and nowhere else.
func (r *Renderer) PageSums(own, place KeyHash, p *content.Page) {
	o := keyWriter{own}
	layout, err := r.Layout(p)
	o.str(layout)
	o.bool(err == nil)
	o.page(p)
	o.item(r.item(p))
	q := *p
	q.Title, q.Description = "", ""
	pl := keyWriter{place}
	pl.page(&q)
	if p.Parent != nil {
		pl.str(p.Parent.File)
	}
	pl.str("\x00translations")
	for _, t := range p.Translations {
		pl.str(t.File)
	}
}
