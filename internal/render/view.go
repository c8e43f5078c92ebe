package render

import (
	"html/template"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/i18n"
	"github.com/loa-ssg/loa/internal/markdown"
)

// View is what a page template sees as ".".
type View struct {
	// S holds the interface strings of the page's language by key:
	// {{.S.skip_to_content}} (cheaper in templates than {{.T "…"}}).
	S map[string]string
	// Site is the site's configuration (categories, areas, languages).
	Site      *config.Site
	Lang      string // the page's language code
	LangName  string
	SiteTitle string
	// Page is the page being rendered; nil for 404.html.
	Page *content.Page
	// Draft marks a page with draft: true (built with --drafts): it gets
	// <meta name="robots" content="noindex"> and a visible banner.
	Draft bool
	// Title is the page title; for the home page, the site title.
	Title string
	// MetaDescription is the page's <meta name="description">: its front
	// matter's description, else the first paragraph of its text, else the
	// site's description (on a directory provider's page, the provider's
	// description). The page's own description, without fallbacks, is
	// .Page.Description.
	MetaDescription string
	Content         template.HTML
	TOC             []markdown.Heading
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
	// MenuKey tells apart the states of the menu (which entry is current,
	// and how) and BreadcrumbKey the trails (the URL of the page above),
	// for CachedFor: {{.CachedFor "menu" .MenuKey .}}.
	MenuKey, BreadcrumbKey string
	Children               []Item
	// Related and Latest are the news items shown beside a news item (and
	// Latest on the home page); NewsItem marks a news item (a page of the
	// news section: og:type article, NewsArticle JSON-LD).
	Related  []Item
	NewsItem bool
	// Feed is the URL path of the language's Atom feed, "" when it has none.
	Feed string
	// Pager links the pages of a long list; nil when it fits on one.
	Pager *Pager
	// Tags lists a language's tags (the tag index page).
	Tags []Tag
	// Letters is the A–Z index of pages; SearchAZ the URL of that index.
	Letters  []Letter
	SearchAZ string
	// SearchIndex is the URL of the language's search index folder, and
	// SearchPage of its search page ("" when the site has none).
	SearchIndex, SearchPage string
	// SearchHelp is the directory's home (URL and title), offered on the
	// search page with the emergency numbers when nothing is found; nil
	// when the site has no directory.
	SearchHelp  *Link
	Latest      []Item
	Attachments []Attachment
	// PageTags are the page's tags, linked to their pages.
	PageTags  []Tag
	Emergency []Emergency
	// Directory is set on the directory's pages: the providers to show, and
	// for category and area pages the term they list.
	Directory *DirectoryView
	// JSONLD is the page's schema.org description, when it has one.
	JSONLD  template.JS
	HomeURL string
	// FooterLinks are the pages site.yaml's footer: names (the About
	// page), in this language; SafetyPage is the URL of the page on
	// browsing safely, linked beside the quick exit ("" for none).
	FooterLinks []Link
	SafetyPage  string
	// Publisher is who publishes the site, in this language; nil when
	// site.yaml names no publisher.
	Publisher *Publisher
	// ReportMistake is a mailto: URL for reporting a mistake on this page,
	// with the page in the subject; "" when the publisher has no email.
	ReportMistake string
	// Portable is true in a copy built to be opened from a folder
	// (build --portable), where search cannot work.
	Portable bool
	// Print links the printed pieces the page offers: its leaflet, the
	// poster, the directory as a list (see Renderer.Printouts).
	Print []Link

	r      *Renderer
	layout string // the template being executed, for Cached
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

// Link is a titled URL. Current is the aria-current value of a menu entry:
// "page" for the page itself, "true" for the section it is in, else "".
type Link struct {
	Title, URL, Current string
}

// Attachment is a file published beside a page: its name, URL, and what
// a reader needs to know before opening it ("PDF, 245 KB").
type Attachment struct {
	Name, URL, About string
}

// Item is a page in a list.
type Item struct {
	Title, URL, Summary string
	Date                time.Time
	// DateISO (RFC 3339) and DateText (as View.Date writes it) are Date
	// formatted once for every list that shows the page; both are "" when
	// the page has no date.
	DateISO, DateText string
}

// Publisher is site.yaml's publisher in one language; empty fields are
// not shown. Dial is Phone's digits, for its tel: link.
type Publisher struct {
	Name, Address, Phone, Dial, Email string
}

// Emergency is a number in the band on every page.
type Emergency struct {
	Number, Name string
}

// Lead is the part of Content before its first second-level heading: the
// page's opening lines (a warning, a number to call), which page.html
// shows above the table of contents so that they are on a phone's first
// screen. Rest is Content from that heading on; Lead + Rest is Content.
func (v *View) Lead() template.HTML { return v.Content[:v.leadEnd()] }

// Rest is Content from its first second-level heading on (see Lead).
func (v *View) Rest() template.HTML { return v.Content[v.leadEnd():] }

func (v *View) leadEnd() int {
	if i := strings.Index(string(v.Content), "<h2"); i >= 0 {
		return i
	}
	return len(v.Content)
}

// Cached renders the template called name with this view once per layout
// and language, and gives every later page of that layout and language the
// same HTML: {{.Cached "footer"}}. It is for the parts of a layout that
// depend only on the language (Hugo's partialCached), and saves executing
// them on every page. The template must start and end in HTML text (not
// inside a tag or an attribute).
func (v *View) Cached(name string) (template.HTML, error) {
	return v.r.cached(v.layout, name, v.Lang, "", v)
}

// CachedFor renders the template called name with data as its dot, once
// per layout, language and key, like Cached: for the parts that depend only
// on data, which key names. {{range .Related}}{{$.CachedFor "dated-item"
// .URL .}}{{end}} renders each news item's list entry once, however many
// pages list it (Hugo's partialCached with a variant key).
func (v *View) CachedFor(name, key string, data any) (template.HTML, error) {
	return v.r.cached(v.layout, name, v.Lang, key, data)
}

// CachedEach renders the template called name once for each of items, with
// the item as its dot and its URL as key, and returns the entries one after
// the other: {{$.CachedEach "list-item" .Children}} writes the same bytes as
// {{range .Children}}{{$.CachedFor "list-item" .URL .}}{{end}}, in one call
// from the template instead of one per entry (a long list, such as the A–Z
// index of every page, then costs a lookup per entry rather than a
// template call). The error is the first entry's that failed: no template
// called name, or its execution's error.
func (v *View) CachedEach(name string, items []Item) (template.HTML, error) {
	return v.r.cachedEach(v.layout, name, v.Lang, items)
}

// Description returns MetaDescription.
//
// Deprecated: use .MetaDescription (the meta description, with fallbacks)
// or .Page.Description (the page's own); removed in the next release.
func (v *View) Description() string { return v.MetaDescription }

// Article returns NewsItem.
//
// Deprecated: use .NewsItem; removed in the next release.
func (v *View) Article() bool { return v.NewsItem }

// Locale returns the page's Open Graph locale ("vi_VN", "en_GB").
func (v *View) Locale() string {
	switch v.Lang {
	case "vi":
		return "vi_VN"
	case "en":
		return "en_GB"
	}
	return v.Lang
}

// CSP returns the content attribute of the page's Content-Security-Policy
// <meta> tag, unescaped (the policy's quotes are meant literally).
func (v *View) CSP() template.HTMLAttr { return template.HTMLAttr(`content="` + CSP + `"`) }

// Asset returns the URL of a static file, its content-hashed copy when it
// has one: {{.Asset "css/site.css"}}.
func (v *View) Asset(name string) string {
	if u, ok := v.r.assets[name]; ok {
		return u
	}
	return v.r.Site.BasePath + name
}

// Card pairs a provider with the view, for the provider-card template.
func (v *View) Card(p Provider) Card { return Card{V: v, P: p} }

// Card is a provider and the page it is shown on.
type Card struct {
	V *View
	P Provider
}

// T returns the interface string key in the page's language.
func (v *View) T(key string) string { return v.r.Catalog.T(v.Lang, key) }

// Date formats t for the page's language.
func (v *View) Date(t time.Time) string { return v.r.date(v.Lang, t) }

// LongDate formats t with its weekday, and its time when it has one.
func (v *View) LongDate(t time.Time) string {
	return i18n.LongDate(v.Lang, t.In(v.r.Site.Location), v.r.Site.TwelveHour)
}

// ISODate formats t for <time datetime>: a calendar day (a date written
// without a time) as "2024-09-08", anything else as RFC 3339 in the site's
// time zone ("2021-11-05T08:30:00+07:00"), for a page's own dates. For
// .Now, or any time a template works out, use Day: with its time and zone
// the page would differ on every build.
func (v *View) ISODate(t time.Time) string { return v.r.isoDate(t) }

// Day writes the day t falls on in the site's time zone as "2024-09-08"
// (ISO 8601, valid in <time datetime>), without a time or zone:
// {{.Day .Now}}.
func (v *View) Day(t time.Time) string { return isoDay(v.r.Site, t) }

// Now returns the build time (build.Options.Now), the same for every page
// of a build: {{if .Page.Date.After .Now}}. Show it with Day or Date,
// which write the day only, so that pages change at most once a day.
func (v *View) Now() time.Time { return v.r.Now }

// Past reports whether t is over at the build time (.Now): a date written
// without a time (config.IsDay) once its whole day is over in the site's
// time zone, a date with a time once that instant is; false for the zero
// time (a key not written). For a front-matter date after which a page
// says something: {{if .Past .Page.Expires}}…{{end}}.
func (v *View) Past(t time.Time) bool {
	switch {
	case t.IsZero():
		return false
	case config.IsDay(t):
		y, m, d := t.Date()
		return !v.r.Now.Before(config.Day(y, m, d+1, t.Location()))
	}
	return v.r.Now.After(t)
}

// Text returns t in the page's language.
func (v *View) Text(t config.Text) string { return t.Get(v.Lang) }
