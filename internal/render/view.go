package render

import (
	"html/template"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/directory"
	"github.com/loa-ssg/loa/internal/markdown"
)

// View is what a page template sees as ".".
type View struct {
	Lang      string // the page's language code
	LangName  string
	SiteTitle string
	// Page is the page being rendered; nil for 404.html.
	Page *content.Page
	// Title is the page title; for the home page, the site title.
	Title       string
	Description string
	Content     template.HTML
	TOC         []markdown.Heading
	// Canonical is the page's absolute URL (site-relative when the site has
	// no base_url).
	Canonical string
	// Alternates are the hreflang links: every translation that exists, this
	// page included, then x-default for the default language's version.
	Alternates []Alternate
	// Languages is the language switcher: one entry per other language.
	Languages   []LangLink
	Menu        []Link
	Breadcrumbs []Link
	Children    []Item
	Latest      []Item
	Attachments []Link
	Emergency   []Emergency
	// Stylesheet is the URL of the site's CSS.
	Stylesheet string
	HomeURL    string
	// Build is when the build ran, in the site's zone (for "verified" ages).
	Build time.Time

	r *Renderer
}

// Alternate is one <link rel="alternate" hreflang> target.
type Alternate struct {
	Hreflang string // "vi", "en" or "x-default"
	Href     string // absolute URL
}

// LangLink is an entry of the language switcher.
type LangLink struct {
	Code, Name, URL string
	// Missing is true when the page has no translation in this language and
	// URL points to that language's home page instead.
	Missing bool
}

// Link is a titled URL; Current marks the menu entry of the section the
// page is in.
type Link struct {
	Title, URL string
	Current    bool
}

// Item is a page in a list.
type Item struct {
	Title, URL, Summary string
	Date                time.Time
}

// Emergency is a number in the band on every page.
type Emergency struct {
	Number, Name string
}

// Provider is a directory entry in the page's language.
type Provider struct {
	ID, Name, Description, Website string
	Services                       []Service
	Sources                        []string
	Verified                       time.Time
	Stale                          bool
}

// Service is a provider's service in the page's language.
type Service struct {
	Name, Description, Confidential string
	Categories, Areas, Languages    []string
	Free, Open247                   bool
	Phones                          []Phone
}

// Phone is a phone in the page's language: Display for reading, Dial for
// the tel: link.
type Phone struct {
	Display, Dial, Label, Type string
	Hotline                    bool
}

// Providers returns the directory in the page's language, for the
// templates that list it; it is computed on each call.
func (v *View) Providers() []Provider {
	out := make([]Provider, len(v.r.Providers))
	for i, p := range v.r.Providers {
		out[i] = v.r.provider(p, v.Lang)
	}
	return out
}

// T returns the interface string key in the page's language.
func (v *View) T(key string) string { return v.r.catalog.T(v.Lang, key) }

// Date formats t for the page's language.
func (v *View) Date(t time.Time) string { return v.r.date(v.Lang, t) }

// ISODate formats t as RFC 3339, for <time datetime>.
func (v *View) ISODate(t time.Time) string { return t.Format(time.RFC3339) }

// Text returns t in the page's language.
func (v *View) Text(t config.Text) string { return t.Get(v.Lang) }

// provider converts p for lang.
func (r *Renderer) provider(p *directory.Provider, lang string) Provider {
	out := Provider{
		ID: p.ID, Name: p.Name.Get(lang), Description: p.Description.Get(lang),
		Website: p.Website, Sources: p.Source, Verified: p.Verified.Time,
		Stale: p.Stale(r.now, r.site.ReviewDays),
	}
	for _, s := range p.Services {
		sv := Service{
			Name: s.Name.Get(lang), Description: s.Description.Get(lang),
			Confidential: s.Confidential.Get(lang), Free: s.Free, Open247: s.Open247,
			Languages: s.Languages,
		}
		for _, c := range s.Categories {
			sv.Categories = append(sv.Categories, r.site.Category(c).Name.Get(lang))
		}
		for _, a := range s.Areas {
			sv.Areas = append(sv.Areas, r.site.Area(a).Name.Get(lang))
		}
		for _, ph := range s.Phones {
			typ := ph.Type
			if typ == "" {
				typ = "voice"
			}
			sv.Phones = append(sv.Phones, Phone{
				Display: ph.Number, Dial: directory.Digits(ph.Number),
				Label: ph.Label.Get(lang), Type: typ, Hotline: ph.Hotline,
			})
		}
		out.Services = append(out.Services, sv)
	}
	return out
}
