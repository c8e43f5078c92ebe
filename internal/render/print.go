package render

import (
	"fmt"
	"html/template"
	"io"
	"maps"
	"strings"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/markdown"
	"github.com/loa-ssg/loa/internal/paper"
)

// PrintCSS is the static file that lays out the printed pieces.
const PrintCSS = "css/print.css"

// Printout is a printed piece made from data rather than from one page:
// the poster of the emergency numbers and the directory as a list, in each
// language. Leaflets, made from a page, are written with the page (see
// Renderer.Leaflet).
type Printout struct {
	Lang string
	// Path is the URL path: "/in/ap-phich/", "/en/print/directory/".
	Path string
	// Kind is "poster" or "list".
	Kind string
	// back is the page the piece is linked from.
	back *content.Page
}

// What names the kind of piece p is, for messages.
func (p *Printout) What() string {
	if p.Kind == "poster" {
		return "the printable poster"
	}
	return "the printable directory list"
}

// printPath returns the URL path of a printed piece in lang ("poster",
// "directory_list"): the language's prefix, url_print, then the piece.
func (r *Renderer) printPath(lang, piece string) string {
	return r.Site.LangPrefix(lang) + r.Catalog.T(lang, "url_print") + "/" + r.Catalog.T(lang, "url_"+piece) + "/"
}

// LeafletPath returns the URL path of p's leaflet, "" when p has none:
// the page's path followed by url_leaflet ("/huong-dan/x/to-roi/").
func (r *Renderer) LeafletPath(p *content.Page) string {
	if p.Leaflet == "" {
		return ""
	}
	return p.Path + r.Catalog.T(p.Lang, "url_leaflet") + "/"
}

// Printouts returns the posters (one per language that has a home page)
// and the directory lists (one per language whose directory section
// exists, when there are providers).
func (r *Renderer) Printouts() []*Printout {
	var out []*Printout
	for _, l := range r.Site.Languages {
		home := r.home(l.Code)
		if home == nil {
			continue
		}
		out = append(out, &Printout{Lang: l.Code, Path: r.printPath(l.Code, "poster"), Kind: "poster", back: home})
		if sec := r.directorySection(l.Code); sec != nil && len(r.Providers) > 0 {
			out = append(out, &Printout{Lang: l.Code, Path: r.printPath(l.Code, "directory_list"), Kind: "list", back: sec})
		}
	}
	return out
}

// home returns the home page of lang, or nil.
func (r *Renderer) home(lang string) *content.Page {
	for _, p := range r.Content.Pages {
		if p.Kind == content.KindHome && p.Lang == lang {
			return p
		}
	}
	return nil
}

// printLinks returns the links to the printed pieces a page offers: the
// poster on the home page, the poster and the list on the directory's
// home, and a page's own leaflet.
func (r *Renderer) printLinks(p *content.Page) []Link {
	var links []Link
	if u := r.LeafletPath(p); u != "" {
		links = append(links, Link{Title: r.Catalog.T(p.Lang, "print_leaflet"), URL: u})
	}
	switch {
	case p.Kind == content.KindHome:
		links = append(links, Link{Title: r.Catalog.T(p.Lang, "print_poster"), URL: r.printPath(p.Lang, "poster")})
	case p.Kind == content.KindSection && p.Dir == DirectorySection:
		links = append(links, Link{Title: r.Catalog.T(p.Lang, "print_poster"), URL: r.printPath(p.Lang, "poster")})
		if len(r.Providers) > 0 {
			links = append(links, Link{Title: r.Catalog.T(p.Lang, "print_directory"), URL: r.printPath(p.Lang, "directory_list")})
		}
	}
	return links
}

// sheet fills what every printed piece of lang shows; target is the URL
// path the QR code opens and back the page the piece is made from.
func (r *Renderer) sheet(lang, title, target, back string) paper.Sheet {
	made := r.Now.In(r.Site.Location)
	s := paper.Sheet{
		Lang: lang, S: r.Catalog.Strings(lang), Title: title, SiteTitle: r.Site.Title.Get(lang),
		CSS: r.asset(PrintCSS), CSP: template.HTMLAttr(`content="` + CSP + `"`),
		Target: r.Site.AbsURL(target), Address: r.address(), Back: back, QuickExit: r.Site.QuickExit,
		Made: r.date(lang, made), MadeISO: isoDay(r.Site, made),
		Unreachable: r.unreachable(),
	}
	for _, e := range r.Site.Emergency {
		s.Emergency = append(s.Emergency, paper.Number{Number: e.Number, Name: e.Name.Get(lang)})
	}
	return s
}

// unreachable returns the key of the string that says a printed piece's
// address and QR code open on no one else's phone (paper.Sheet.Unreachable),
// or "" when they open for everyone.
func (r *Renderer) unreachable() string {
	switch {
	case r.Site.ReservedHost() != "":
		return "print_placeholder"
	case r.Site.LoopbackHost() != "":
		return "print_preview"
	}
	return ""
}

// address returns the site's address as people type it: base_url without
// "https://" and the final "/".
func (r *Renderer) address() string {
	a := strings.TrimSuffix(r.Site.AbsURL(r.Site.BasePath), "/")
	a = strings.TrimPrefix(a, "https://")
	return strings.TrimPrefix(a, "http://")
}

// asset is View.Asset for code outside a view.
func (r *Renderer) asset(name string) string {
	if u, ok := r.assets[name]; ok {
		return u
	}
	return r.Site.BasePath + name
}

// Printout renders p to w.
func (r *Renderer) Printout(w io.Writer, p *Printout) error {
	lang := p.Lang
	switch p.Kind {
	case "poster":
		return paper.Render(w, &paper.Poster{
			Sheet:   r.sheet(lang, r.Catalog.T(lang, "poster_title"), r.Site.LangPrefix(lang), p.back.Path),
			Message: r.Catalog.T(lang, "poster_message"),
		})
	case "list":
		l := &paper.List{Sheet: r.sheet(lang, p.back.Title, p.back.Path, p.back.Path)}
		for _, pr := range r.Providers {
			v := r.provider(pr, lang, p.back)
			e := paper.Entry{Name: v.Name}
			var helps []string
			for _, s := range v.Services {
				helps = appendNew(helps, s.Name)
				for _, h := range s.Hours {
					line := h.Days + ": " + h.Opens + "–" + h.Closes
					if h.Note != "" {
						line += " (" + h.Note + ")"
					}
					e.Hours = appendNew(e.Hours, line)
				}
			}
			if v.Open247 {
				e.Hours = append([]string{r.Catalog.T(lang, "open_24_7")}, e.Hours...)
			}
			e.Helps = paper.Shorten(strings.Join(helps, "; "), 160)
			for _, ph := range v.Phones {
				label := ph.Label
				if label == "" && ph.Hotline {
					label = r.Catalog.T(lang, "hotline")
				}
				if ph.Type == "text" {
					label = strings.TrimSpace(r.Catalog.T(lang, "sms") + " " + label)
				}
				e.Phones = append(e.Phones, paper.Phone{Display: ph.Display, Dial: ph.Dial, Label: label})
			}
			l.Entries = append(l.Entries, e)
		}
		return paper.Render(w, l)
	}
	return fmt.Errorf("no printed piece of kind %q", p.Kind)
}

// Leaflet renders the leaflet of p, whose body converted to res, to w: its
// title, its description and first paragraph, the titles of its
// sections, the emergency numbers and a QR code that opens the page.
func (r *Renderer) Leaflet(w io.Writer, p *content.Page, res markdown.Result) error {
	s := r.sheet(p.Lang, p.Title, p.Path, p.Path)
	s.Size = paper.Size(p.Leaflet)
	l := &paper.Leaflet{Sheet: s, Lead: p.Description, Summary: res.Summary}
	if l.Lead == l.Summary {
		l.Lead = ""
	}
	for _, h := range res.TOC {
		if h.Level == 2 {
			l.Points = append(l.Points, h.Text)
		}
	}
	return paper.Render(w, l)
}

// checkPrints reports a page whose address a printed piece would take, or
// whose leaflet would take another page's: both would be written to the
// same file.
func (r *Renderer) checkPrints() diag.List {
	var l diag.List
	taken := r.pageAt
	for _, pr := range r.Printouts() {
		p := taken(pr.Path)
		if p == nil {
			continue
		}
		d := diag.Errorf(p.FrontMatter.Pos, "this page is published at %s, where the build puts the printable poster", pr.Path)
		if pr.Kind == "list" {
			d = diag.Errorf(p.FrontMatter.Pos, "this page is published at %s, where the build puts the printable directory list", pr.Path)
		}
		l.Add(d.WithHint("give the page another slug"))
	}
	for _, p := range r.Content.Pages {
		if q := taken(r.LeafletPath(p)); q != nil {
			l.Add(diag.Errorf(q.FrontMatter.Pos, "this page is published at %s, where the build puts the leaflet of %s", q.Path, p.File).
				WithHint("give the page another slug, or remove leaflet: from %s", p.File))
		}
	}
	return l
}

// placesAgain returns the map of pageAt for pages from places, the map
// of the pages old (as many as pages, no two at one URL path: a Renderer
// that made places rendered a site), when only a few pages have another
// URL path than the page at their place in old (a page renamed): a copy
// of places with those few paths moved. It returns nil when more pages
// moved, or when a moved page's new path is taken (pages sharing a path:
// the map is made from nothing, which keeps the last one's place).
func placesAgain(places map[string]int32, old, pages []*content.Page) map[string]int32 {
	var moved []int32
	for i, p := range pages {
		if p.Path != old[i].Path {
			if len(moved) == 8 {
				return nil
			}
			moved = append(moved, int32(i))
		}
	}
	out := maps.Clone(places)
	for _, i := range moved {
		if j, ok := out[old[i].Path]; ok && j == i {
			delete(out, old[i].Path)
		}
	}
	for _, i := range moved {
		if _, ok := out[pages[i].Path]; ok {
			return nil
		}
		out[pages[i].Path] = i
	}
	return out
}

// pageAt returns the page of r.Content at the URL path path (the last
// one, when pages share it), or nil. The map it reads (pathPlaces) is
// made at its first call while prepare runs, or taken over from
// Input.Parsed when the pages have its URL paths at the same places.
func (r *Renderer) pageAt(path string) *content.Page {
	if r.pathPlaces == nil {
		pages := r.Content.Pages
		switch {
		case r.prev != nil && r.sameOrder && r.prev.pathPlaces != nil:
			// The same URL paths at the same places.
			r.pathPlaces = r.prev.pathPlaces
		case r.prev != nil && r.prev.pathPlaces != nil && len(r.prev.Content.Pages) == len(pages):
			r.pathPlaces = placesAgain(r.prev.pathPlaces, r.prev.Content.Pages, pages)
			r.placesAgain = r.pathPlaces != nil
		}
		if r.pathPlaces == nil {
			r.pathPlaces = make(map[string]int32, len(pages))
			for i, p := range pages {
				r.pathPlaces[p.Path] = int32(i)
			}
		}
	}
	if i, ok := r.pathPlaces[path]; ok {
		return r.Content.Pages[i]
	}
	return nil
}
