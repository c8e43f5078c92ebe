package render

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/directory"
)

// Extra is a page made from data rather than from a Markdown file: a
// provider, category or area page of the directory (in each language whose
// directory section exists), the second and later pages of a long list,
// and the tag pages.
type Extra struct {
	Lang string
	// Path is the URL path.
	Path  string
	Title string
	// Layout is the template: provider.html, directory-list.html,
	// tags.html, tag.html, or a section's own layout for its later pages.
	Layout string
	// Key pairs translations: "provider:<id>", "category:<id>", "area:<id>",
	// "page:<section key>:<n>", "tag:<slug>", "tags".
	Key     string
	section *content.Page // the page above it, for breadcrumbs and the menu
	prov    *directory.Provider
	kind    string // "provider", "category", "area", "page", "tag", "tags", "search" or "az"
	termID  string
	list    []*content.Page // the pages a list shows (page, tag)
	base    string          // the URL of the list's first page (page, tag)
	n       int             // which page of the list this is, from 1 (page, tag)
	tags    []Tag           // tags
	// empty marks a category or area page no provider uses: it is left
	// out of the sitemap and says what to do instead.
	empty bool
}

// makeExtras lists the directory's generated pages, sorted by path, and
// reports those whose URL a content page already has.
func (r *Renderer) makeExtras() diag.List {
	var l diag.List
	for _, lang := range r.Site.Languages {
		sec := r.directorySection(lang.Code)
		if sec == nil {
			continue
		}
		for _, p := range r.Providers {
			r.extras = append(r.extras, &Extra{Lang: lang.Code, Path: r.providerPath(sec, p.ID),
				Title: p.Name.Get(lang.Code), Layout: "provider.html", Key: "provider:" + p.ID,
				section: sec, prov: p, kind: "provider"})
		}
		for _, c := range r.Site.Categories {
			r.extras = append(r.extras, &Extra{Lang: lang.Code, Path: r.termPath(sec, "category", c.ID),
				Title: c.Name.Get(lang.Code), Layout: "directory-list.html", Key: "category:" + c.ID,
				section: sec, kind: "category", termID: c.ID, empty: !r.termUsed("category", c.ID)})
		}
		for _, a := range r.Site.Areas {
			r.extras = append(r.extras, &Extra{Lang: lang.Code, Path: r.termPath(sec, "area", a.ID),
				Title: a.Name.Get(lang.Code), Layout: "directory-list.html", Key: "area:" + a.ID,
				section: sec, kind: "area", termID: a.ID, empty: !r.termUsed("area", a.ID)})
		}
	}
	r.listExtras()
	r.searchExtras()
	slices.SortFunc(r.extras, func(a, b *Extra) int { return cmp.Compare(a.Path, b.Path) })
	kept := r.extras[:0]
	for _, e := range r.extras {
		if p := r.pageAt(e.Path); p != nil {
			kind := diag.T("%s", e.kind)
			switch e.kind {
			case "category":
				kind = diag.T("category")
			case "area":
				kind = diag.T("area")
			case "provider":
				kind = diag.T("provider")
			}
			l.Add(diag.Errorf(p.FrontMatter.Pos, "this page is published at %s, where the directory puts its %s page %q", e.Path, kind, e.Key[len(e.kind)+1:]).
				WithHint("give the page another slug"))
			continue
		}
		kept = append(kept, e)
	}
	r.extras = kept
	r.extraKeys = map[string]map[string]string{}
	for _, e := range r.extras {
		if r.extraKeys[e.Key] == nil {
			r.extraKeys[e.Key] = map[string]string{}
		}
		r.extraKeys[e.Key][e.Lang] = e.Path
	}
	for _, name := range []string{"provider.html", "directory-list.html"} {
		if len(r.extras) > 0 && r.tmpl[name] == nil {
			l.Add(diag.Errorf(diag.Position{File: Folder + "/" + name}, "the %s template is missing", name))
		}
	}
	return l
}

// reportMistake returns a mailto: URL to the publisher's email with the
// page's title and address in the subject (RFC 6068), or "" when site.yaml
// gives the publisher no email.
func (r *Renderer) reportMistake(v *View) string {
	email := r.Site.Publisher.Email
	if email == "" {
		return ""
	}
	subject := strings.ReplaceAll(r.Catalog.T(v.Lang, "report_mistake_subject"), "{page}", v.Title+" ("+v.Canonical+")")
	return "mailto:" + email + "?subject=" + strings.ReplaceAll(url.QueryEscape(subject), "+", "%20")
}

// Extras returns the directory's generated pages, sorted by path.
func (r *Renderer) Extras() []*Extra { return r.extras }

// SectionKey returns the top-level section folder e belongs to
// ("support" for the directory's pages), or "" for pages at the top: the
// key of its section in content/search.yaml's boost.
func (e *Extra) SectionKey() string {
	if e.section == nil {
		return ""
	}
	return e.section.Section()
}

// listed returns the pages e's list shows: its window of the list (a
// later page of a section's list, a tag's page), every page (the A–Z
// list), or none (the other kinds).
func (e *Extra) listed() []*content.Page {
	switch e.kind {
	case "page", "tag":
		return window(e.list, max(e.n, 1))
	case "az":
		return e.list
	}
	return nil
}

// What names the kind of generated page e is, for messages: "the tag
// page", "the search page", "page 2 of the list", ….
func (e *Extra) What() string {
	switch e.kind {
	case "provider":
		return "the directory's page of an organization"
	case "category":
		return "the directory's page of a category"
	case "area":
		return "the directory's page of an area"
	case "page":
		return fmt.Sprintf("page %d of a list", e.n)
	case "tag":
		if e.n > 1 {
			return fmt.Sprintf("page %d of a tag page", e.n)
		}
		return "the tag page"
	case "tags":
		return "the list of tags"
	case "search":
		return "the search page"
	case "az":
		return "the A–Z list of pages"
	}
	return "a generated page"
}

// Extra renders e to w.
func (r *Renderer) Extra(w io.Writer, e *Extra) error {
	v := r.frame(e.Lang, e.Path, e.section, r.extraKeys[e.Key])
	v.Title = e.Title
	if r.tmpl[e.Layout] == nil {
		return fmt.Errorf("no template %s", e.Layout)
	}
	switch e.kind {
	case "page", "tag", "tags":
		r.listView(v, e)
		return r.execute(w, e.Layout, v)
	case "search":
		v.SearchAZ = e.Path + r.Catalog.T(e.Lang, "url_az") + "/"
		if sec := r.directorySection(e.Lang); sec != nil {
			v.SearchHelp = &Link{Title: sec.Title, URL: sec.Path}
		}
		return r.execute(w, e.Layout, v)
	case "az":
		r.azView(v, e)
		return r.execute(w, e.Layout, v)
	}
	d := r.directoryView(e.section)
	switch e.kind {
	case "provider":
		i := slices.Index(r.Providers, e.prov)
		d.Providers = d.Providers[i : i+1]
		v.MetaDescription = d.Providers[0].Description
		v.JSONLD = r.jsonLD(e.prov, e.Lang)
		v.ReportMistake = r.reportMistake(v)
	default:
		d.Term = &Link{Title: e.Title, URL: e.Path}
		d.Providers = slices.DeleteFunc(d.Providers, func(p Provider) bool {
			ids := p.CategoryIDs
			if e.kind == "area" {
				ids = p.AreaIDs
			}
			return !slices.Contains(strings.Fields(ids), e.termID)
		})
	}
	d.Groups = nil
	v.Directory = d
	return r.execute(w, e.Layout, v)
}
