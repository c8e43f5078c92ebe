package render

import (
	"bytes"
	"fmt"
	"github.com/loa-ssg/loa/internal/phone"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/directory"
	"github.com/loa-ssg/loa/internal/fold"
	"github.com/loa-ssg/loa/internal/i18n"
	"github.com/loa-ssg/loa/internal/markdown"
)

// LatestNews is how many news items the home page lists.
const LatestNews = 5

// NewsSection is the top-level section whose pages are news items: they use
// page-news.html and are listed as latest news on the home page.
const NewsSection = "news"

// Input is everything a Renderer presents. It must not change while the
// Renderer is in use.
type Input struct {
	Site      *config.Site
	Content   *content.Site
	Providers []*directory.Provider
	Catalog   *i18n.Catalog
	// Builtin holds the built-in templates (*.html at its root); Source is
	// the site's source folder, whose templates/ override them. Either may
	// be nil.
	Builtin, Source fs.FS
	// Now is the build time (build.Options.Now), render's only clock:
	// directory entries past their review period, the day printed pieces
	// were made, today in hints, and View.Now for templates.
	Now time.Time
	// Portable marks a copy to open from a folder (file://), where the
	// search script cannot fetch its index: pages then load no search
	// script and the search page says so and offers the A–Z list.
	Portable bool
	// Parsed, when set, is a Renderer made from the same templates and
	// the same call numbers (CallNumbers) whose parsed templates New
	// takes instead of reading them again (loa serve, after an edit of
	// the content).
	Parsed *Renderer
	// DirectoryKey identifies the directory's data (a hash of its files),
	// for the keys of the pages that show it (PageKey, ExtraKey); "" is
	// fine when nothing compares keys.
	DirectoryKey string
}

// Renderer renders pages. It is safe for concurrent use once made.
type Renderer struct {
	Input
	tmpl   set
	news   map[string][]*content.Page // lang → news items, newest first
	feed   map[string][]*content.Page // lang → news items but drafts, newest first
	extras []*Extra
	byTag  map[string]map[string][]int32 // lang → tag slug → places in news, newest first
	// newsPlace is each news item's place in news[its language].
	newsPlace map[*content.Page]int32
	assets    map[string]string
	// extraKeys maps an Extra's Key to its path per language.
	extraKeys map[string]map[string]string
	cache     map[cacheKey]template.HTML // for View.Cached; a map, as a sync.Map boxes each key looked up (an allocation)
	cacheMu   sync.RWMutex               // guards cache and fragments
	// fragments holds what View.CachedFor rendered with an Item as its
	// dot (a list's entry), by cache key, with the Item. The HTML is a
	// function of the templates and the Item alone (the dot is all a
	// template called so can read; its functions are pure), so the map
	// is shared with the Renderers made with Input.Parsed from this one,
	// which have the same templates: an entry whose Item did not change
	// is not rendered again by an incremental rebuild.
	fragments map[cacheKey]fragment
	menus     map[string][]Link // lang → the menu, no entry current
	footers   map[string][]Link // lang → the footer links
	safety    map[string]string // lang → URL of the page on browsing safely

	// items holds each page of Content as lists show it, by its place
	// in Content.Pages (Page.Index). spareItems is the array of items of
	// a Renderer no longer used (Recycle), for the next Renderer made
	// with this one as Input.Parsed.
	items, spareItems []Item
	// azArrays holds the arrays of items the A–Z views of r used
	// (azView), spareAZ those of a Renderer given back (Recycle), which
	// azView takes before making new ones (an A–Z list of 10,000 pages
	// is a megabyte of items, in memory the system hands over page by
	// page when new). azMu guards both.
	azMu              sync.Mutex
	azArrays, spareAZ [][]Item
	keepAZ            bool // made with Input.Parsed

	// ids are, per layout, the IDs its templates write literally; strs
	// the interface strings they read (StringsKey).
	ids  map[string][]string
	strs map[string]stringUse

	// slugs holds fold.Slug of every tag the pages write, titleKeys
	// fold.Key of every page's title: made in prepare (titleKeys taken
	// over from Input.Parsed's where it has them, as both are functions
	// of the string alone), read only after.
	slugs, titleKeys map[string]string
	// prevItems is, while prepare runs, Input.Parsed's pages in the
	// order of r.Content.Pages (nil where none has the same file; nil
	// without Input.Parsed).
	prevItems []*content.Page
	// prev is, while prepare runs, Input.Parsed (nil without one), and
	// fromOld holds for each of its pages (by its place in its
	// Content.Pages) the page of r.Content read from the same unchanged
	// text at the same URL path, or nil (sortAgain, newOf).
	prev    *Renderer
	fromOld []*content.Page
	// tagged holds each language's pages that have tags, newest first;
	// newsChildren the news section pages' children, newest first.
	tagged       map[string][]*content.Page
	newsChildren map[*content.Page][]*content.Page
	// tagStates is what tagIndex found, per language, kept for the next
	// Renderer made with Input.Parsed from this one.
	tagStates map[string]*tagState
	// sameOrder is, while prepare runs, whether r.Content.Pages are
	// Input.Parsed's pages, place for place (the same source files),
	// each with the same language, date, URL path and having tags or
	// not: the fields that decide which pages a tag list holds, and in
	// which order. sameTags is sameOrder with the same tags too.
	sameOrder, sameTags bool
	// pathPlaces maps each page's URL path to its place in
	// r.Content.Pages (the last one's, when pages share a path), for
	// checkPrints; taken over from Input.Parsed when sameOrder.
	pathPlaces map[string]int32
	// tagsAgain says that tagIndex made a language's tag lists from
	// Input.Parsed's, a few pages taken out and put in (tagStateFrom),
	// for tests.
	tagsAgain bool
	// placesAgain says that pathPlaces was made from Input.Parsed's,
	// a few pages' URL paths moved (placesAgain), for tests.
	placesAgain bool

	// uses counts, once LetGoEntries has run, per layout, the generated
	// pages of that layout not yet written (ExtraWritten) whose list
	// shows a page, by the page's place in Content.Pages as pageAt finds
	// it from its URL path; entryNames holds the template names of the
	// entries kept since (nil uses: every entry is kept).
	uses       map[string][]int32
	entryNames map[string]bool
}

// templateFuncs returns the functions templates may call besides Go's
// own; phones are the numbers that become call links (markdown.PhoneSet).
func templateFuncs(phones map[string]bool) template.FuncMap {
	return template.FuncMap{"hasPrefix": strings.HasPrefix,
		// calls shows plain text (a directory description) with the
		// site's known numbers as call links: {{calls .Description}}.
		"calls": func(s string) template.HTML { return template.HTML(markdown.LinkText(s, phones)) },
		// dial gives a phone number's digits for its tel: link
		// (phone.Dial): {{dial .Entry.Fax}} for a field that is a
		// string, {{dial .Entry.Fax.Value}} for a strictyaml.Scalar (a
		// field that keeps its position for diagnostics).
		"dial": phone.Dial}
}

// New parses the templates and prepares shared lists. Template errors are
// diagnostics.
func New(in Input) (*Renderer, diag.List, error) {
	r := &Renderer{Input: in}
	if p := in.Parsed; p != nil {
		r.Parsed = nil // keep no chain of renderers (and their content) alive
		r.titleKeys, r.slugs = p.titleKeys, p.slugs
		r.fragments = p.fragments
		r.spareAZ, p.spareAZ, r.keepAZ = p.spareAZ, nil, true
		if len(r.fragments) > maxFragments(len(in.Content.Pages)) {
			r.fragments = nil // mostly entries of pages gone or changed
		}
		r.prevItems = pairPages(p, in.Content.Pages)
		olds := p.Content.Pages
		r.prev, r.fromOld = p, make([]*content.Page, len(olds))
		for i, q := range r.prevItems {
			if p := in.Content.Pages[i]; q != nil && len(p.Text) > 0 && len(q.Text) == len(p.Text) &&
				&q.Text[0] == &p.Text[0] && q.Path == p.Path && q.Index() < len(olds) && olds[q.Index()] == q {
				r.fromOld[q.Index()] = p
			}
		}
		r.sameOrder, r.sameTags = samePlaces(p.Content.Pages, in.Content.Pages, r.prevItems)
		defer func() { r.prevItems, r.prev, r.fromOld, r.sameOrder, r.sameTags = nil, nil, nil, false, false }()
		return r.prepare(p.tmpl, p.ids, p.strs, nil)
	}
	phones := markdown.PhoneSet(CallNumbers(in.Site, in.Providers))
	t, l, err := loadTemplates(in.Builtin, in.Source, templateFuncs(phones))
	if err != nil || l.HasErrors() {
		return nil, l, err
	}
	ids, strs := map[string][]string{}, map[string]stringUse{}
	for name, t := range t {
		ids[name] = layoutIDs(t)
		strs[name] = layoutStrings(t)
	}
	return r.prepare(t, ids, strs, l)
}

// Recycle tells r that nothing uses old, a Renderer made before r, any
// more (not even as Input.Parsed): the next Renderer made with r as its
// Input.Parsed keeps its lists' entries in old's memory, not in new
// memory. It must not run beside New or another method of r or old.
func (r *Renderer) Recycle(old *Renderer) {
	if old != nil && old != r {
		r.spareItems, old.items = old.items, nil
		r.spareAZ, old.azArrays = old.azArrays, nil
	}
}

// prepare is New once the templates are parsed: t, with the IDs each
// layout writes literally and the interface strings it reads, and l the
// problems found so far.
func (r *Renderer) prepare(t set, ids map[string][]string, strs map[string]stringUse, l diag.List) (*Renderer, diag.List, error) {
	in := r.Input
	r.tmpl, r.ids, r.strs = t, ids, strs
	if r.fragments == nil {
		r.fragments = map[cacheKey]fragment{}
	}
	r.memoFold()
	for _, name := range []string{"home.html", "section.html", "page.html", "404.html"} {
		if t[name] == nil {
			l.Add(diag.Errorf(diag.Position{File: Folder + "/" + name}, "the %s template is missing", name))
		}
	}
	r.news = map[string][]*content.Page{}
	for _, p := range in.Content.Pages {
		if p.Kind == content.KindPage && p.Section() == NewsSection {
			if p.Date.IsZero() {
				// Feeds, lists and JSON-LD order and date news by it.
				today := isoDay(in.Site, in.Now)
				l.Add(diag.Errorf(p.FrontMatter.Pos, "this news item has no date").
					WithHint("add a line date: %s (the day it was published; %sT08:30 with the time) to its front matter", today, today))
				continue
			}
			r.news[p.Lang] = append(r.news[p.Lang], p)
		}
	}
	r.feed = map[string][]*content.Page{}
	for lang, items := range r.news {
		r.sortAgain(items, r.prevList(func(q *Renderer) []*content.Page { return q.news[lang] }), compareNewest)
		for _, p := range items {
			if !p.Draft {
				r.feed[lang] = append(r.feed[lang], p)
			}
		}
	}
	r.menus = map[string][]Link{}
	for _, l := range in.Site.Languages {
		for _, dir := range in.Site.Menu {
			sec := in.Content.ByFile(path.Join(content.Root, dir, "_index."+l.Code+".md"))
			if sec == nil && l.Code == in.Site.Default() {
				sec = in.Content.ByFile(path.Join(content.Root, dir, "_index.md"))
			}
			if sec != nil {
				r.menus[l.Code] = append(r.menus[l.Code], Link{Title: sec.Title, URL: sec.Path})
			}
		}
	}
	l.Append(r.sitePages())
	r.newsChildren = map[*content.Page][]*content.Page{}
	for _, p := range in.Content.Pages {
		if p.Kind == content.KindSection && p.Dir == NewsSection {
			out := slices.Clone(p.Children)
			var prev []*content.Page
			if r.prev != nil {
				if q := r.prev.Content.ByFile(p.File); q != nil {
					prev = r.prev.newsChildren[q]
				}
			}
			r.sortAgain(out, prev, compareNewest)
			r.newsChildren[p] = out
		}
	}
	if r.prev != nil && cap(r.prev.spareItems) >= len(in.Content.Pages) {
		r.items, r.prev.spareItems = r.prev.spareItems[:len(in.Content.Pages)], nil // each entry set below
	} else {
		r.items = make([]Item, len(in.Content.Pages))
	}
	for i, p := range in.Content.Pages {
		if r.prevItems != nil {
			// An item is a function of the fields compared (and the
			// site's time zone and dates, which a Renderer made with
			// Parsed shares).
			if q := r.prevItems[i]; q != nil && q.Title == p.Title && q.Path == p.Path &&
				q.Description == p.Description && q.Date == p.Date && q.Lang == p.Lang {
				if j := q.Index(); j < len(r.prev.items) && r.prev.Content.Pages[j] == q {
					r.items[i] = r.prev.items[j]
					continue
				}
			}
		}
		r.items[i] = r.makeItem(p)
	}
	r.indexTags()
	l.Append(r.makeExtras())
	l.Append(r.checkPrints())
	return r, l, nil
}

// pairPages returns, for each of pages (sorted by source file, as
// content.Site.Pages is), the page of old of the same source file, or
// nil. Both lists are sorted by file: one walk pairs them.
func pairPages(old *Renderer, pages []*content.Page) []*content.Page {
	out := make([]*content.Page, len(pages))
	olds := old.Content.Pages
	j := 0
	for i, p := range pages {
		for j < len(olds) && olds[j].File < p.File {
			j++
		}
		if j < len(olds) && olds[j].File == p.File {
			out[i] = olds[j]
		}
	}
	return out
}

// samePlaces reports whether pages (paired with old's pages by
// pairPages as prev) are old's, place for place, each with the same
// language, date, URL path and having tags or not (order), and with the
// same tags too (tags).
func samePlaces(old, pages, prev []*content.Page) (order, tags bool) {
	if len(old) != len(pages) {
		return false, false
	}
	tags = true
	for i, p := range pages {
		q := prev[i]
		if q == nil || q != old[i] || q.Lang != p.Lang || q.Path != p.Path || !q.Date.Equal(p.Date) ||
			(len(q.Tags) > 0) != (len(p.Tags) > 0) {
			return false, false
		}
		if tags && !slices.Equal(q.Tags, p.Tags) {
			tags = false
		}
	}
	return true, tags
}

// memoFold fills r.slugs and r.titleKeys for the pages of r.Content,
// adding to the maps they hold on entry (an earlier Renderer's, which
// keeps its entries: both are functions of the string alone).
func (r *Renderer) memoFold() {
	if r.slugs == nil {
		r.slugs = map[string]string{}
	}
	if r.titleKeys == nil {
		r.titleKeys = make(map[string]string, len(r.Content.Pages))
	}
	for i, p := range r.Content.Pages {
		if r.prevItems != nil {
			// The maps are Input.Parsed's, which holds its pages' tags
			// and titles.
			if q := r.prevItems[i]; q != nil && q.Title == p.Title && slices.Equal(q.Tags, p.Tags) {
				continue
			}
		}
		for _, t := range p.Tags {
			if _, ok := r.slugs[t]; !ok {
				r.slugs[t] = fold.Slug(t)
			}
		}
		if _, ok := r.titleKeys[p.Title]; !ok {
			r.titleKeys[p.Title] = fold.Key(p.Title)
		}
	}
}

// slug is fold.Slug(t), from r.slugs when it holds t.
func (r *Renderer) slug(t string) string {
	if s, ok := r.slugs[t]; ok {
		return s
	}
	return fold.Slug(t)
}

// titleKey is fold.Key(title), from r.titleKeys when it holds title.
func (r *Renderer) titleKey(title string) string {
	if k, ok := r.titleKeys[title]; ok {
		return k
	}
	return fold.Key(title)
}

// SetAssets records the published URL of each static file that has a
// content-hashed copy ("css/site.css" → "/css/site.3f2a9c01de.css"), for
// View.Asset. Call it once, before rendering.
func (r *Renderer) SetAssets(assets map[string]string) { r.assets = assets }

// cacheKey names an entry of Renderer.cache: a template of a layout, as
// rendered for a language and a key (see View.CachedFor).
type cacheKey struct{ layout, name, lang, key string }

// fragment is an entry of Renderer.fragments.
type fragment struct {
	item Item
	html template.HTML
}

// maxFragments is the most entries Renderer.fragments keeps from one
// Renderer to the next for a site of n pages: a few layouts show each
// page's entry; more are mostly of pages gone or changed.
func maxFragments(n int) int { return 8*n + 1024 }

// cached is View.Cached and View.CachedFor.
func (r *Renderer) cached(layout, name, lang, key string, data any) (template.HTML, error) {
	k := cacheKey{layout, name, lang, key}
	if it, ok := data.(Item); ok {
		return r.cachedItem(k, it)
	}
	r.cacheMu.RLock()
	h, ok := r.cache[k]
	r.cacheMu.RUnlock()
	if ok {
		return h, nil
	}
	t := r.tmpl[layout]
	if t == nil || t.Lookup(name) == nil {
		return "", fmt.Errorf("there is no template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	h = template.HTML(buf.String())
	r.cacheMu.Lock()
	if r.cache == nil {
		r.cache = map[cacheKey]template.HTML{}
	}
	r.cache[k] = h
	r.cacheMu.Unlock()
	return h, nil
}

// cachedItem is cached for an Item as data: from r.fragments when it
// holds the key with the same Item (as rendered by this Renderer, or by
// an earlier one with the same templates).
func (r *Renderer) cachedItem(k cacheKey, it Item) (template.HTML, error) {
	r.cacheMu.RLock()
	f, ok := r.fragments[k]
	r.cacheMu.RUnlock()
	if ok && f.item == it {
		return f.html, nil
	}
	t := r.tmpl[k.layout]
	if t == nil || t.Lookup(k.name) == nil {
		return "", fmt.Errorf("there is no template %q", k.name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, k.name, it); err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	r.cacheMu.Lock()
	// (LetGoEntries: an entry that no other generated page still to be
	// written lists is not kept; one of a page not counted is)
	if r.uses == nil || r.usesOf(k.layout, k.key) != 1 {
		r.fragments[k] = fragment{it, h}
		if r.uses != nil {
			r.entryNames[k.name] = true
		}
	}
	r.cacheMu.Unlock()
	return h, nil
}

// ForgetFragments lets go of the list entries rendered so far (what
// View.CachedFor rendered with an Item as its dot), which a build that
// will render no more lists need not hold to its end: a third of what a
// large site holds once its generated pages are written (100 MB at 30,000
// pages per language). Output is unchanged: an entry asked for again is
// rendered again. A Renderer whose entries a later one takes over
// (Input.Parsed, loa serve) must keep them.
func (r *Renderer) ForgetFragments() {
	r.cacheMu.Lock()
	r.fragments = map[cacheKey]fragment{}
	r.uses, r.entryNames = nil, nil
	r.cacheMu.Unlock()
}

// LetGoEntries makes r keep a list entry (what View.CachedFor renders
// with an Item as its dot) only while a generated page of the same layout
// still to be written lists the page it is of, and lets go of the entries
// rendered so far, as ForgetFragments: for a build that renders its
// generated pages (Extras) once, after its content pages, telling r of
// each written (ExtraWritten), and keeps r for no later Renderer (not loa
// serve's, whose next Renderer takes the entries over). The entries of a
// large site's lists are then not all held to the end of the build
// (about a quarter of what a build of 30,000 pages per language held
// there). An entry that no other generated page lists (a later page of a
// section's list, the A–Z list, a page with one tag) is not kept at all;
// one of a page a template shows outside its lists' windows is kept as
// before. Output is unchanged: an entry asked for again is rendered
// again. It must not run beside another method of r.
func (r *Renderer) LetGoEntries() {
	r.pageAt("") // (makes the map of places, read from here on)
	uses := map[string][]int32{}
	for _, e := range r.extras {
		pages := e.listed()
		if len(pages) == 0 {
			continue
		}
		counts := uses[e.Layout]
		if counts == nil {
			counts = make([]int32, len(r.Content.Pages))
			uses[e.Layout] = counts
		}
		for _, p := range pages {
			if i, ok := r.pathPlaces[p.Path]; ok {
				counts[i]++
			}
		}
	}
	r.cacheMu.Lock()
	r.fragments = map[cacheKey]fragment{}
	r.uses, r.entryNames = uses, map[string]bool{}
	r.cacheMu.Unlock()
}

// usesOf returns how many generated pages of layout still to be written
// list the page at URL path url (LetGoEntries); 0 when not counted. The
// caller holds cacheMu.
func (r *Renderer) usesOf(layout, url string) int32 {
	counts := r.uses[layout]
	if counts == nil {
		return 0
	}
	i, ok := r.pathPlaces[url]
	if !ok {
		return 0
	}
	return counts[i]
}

// ExtraWritten tells r, after LetGoEntries, that e (one of Extras) is
// written and will not be rendered again: the entries of the pages its
// list showed that no generated page of its layout still to be written
// lists are let go. Without LetGoEntries it does nothing. Safe beside the
// rendering of other generated pages; r must be told of each once.
func (r *Renderer) ExtraWritten(e *Extra) {
	if r.uses == nil {
		return
	}
	pages := e.listed()
	r.cacheMu.Lock()
	defer r.cacheMu.Unlock()
	counts := r.uses[e.Layout]
	if counts == nil {
		return
	}
	for _, p := range pages {
		i, ok := r.pathPlaces[p.Path]
		if !ok || counts[i] == 0 {
			continue
		}
		if counts[i]--; counts[i] > 0 {
			continue
		}
		for name := range r.entryNames {
			delete(r.fragments, cacheKey{e.Layout, name, e.Lang, p.Path})
		}
	}
}

// cachedEach is View.CachedEach: cachedItem for each item, keyed by its
// URL, the entries joined.
func (r *Renderer) cachedEach(layout, name, lang string, items []Item) (template.HTML, error) {
	entries := make([]template.HTML, len(items))
	n := 0
	for i, it := range items {
		h, err := r.cachedItem(cacheKey{layout, name, lang, it.URL}, it)
		if err != nil {
			return "", err
		}
		entries[i] = h
		n += len(h)
	}
	var b strings.Builder
	b.Grow(n) // one allocation for the whole list
	for _, h := range entries {
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// Layout returns the template a page uses: its front matter's layout, or
// "section-<folder>.html" / "page-<section>.html" when the site has one,
// else home.html, section.html or page.html.
func (r *Renderer) Layout(p *content.Page) (string, error) {
	if p.Layout != "" {
		name := p.Layout + ".html"
		if r.tmpl[name] == nil {
			return "", fmt.Errorf("layout %q names no template (there is no templates/%s)", p.Layout, name)
		}
		return name, nil
	}
	var special, general string
	switch p.Kind {
	case content.KindHome:
		return "home.html", nil
	case content.KindSection:
		special, general = "section-"+flat(p.Dir)+".html", "section.html"
	default:
		special, general = "page-"+p.Section()+".html", "page.html"
	}
	if r.tmpl[special] != nil {
		return special, nil
	}
	return general, nil
}

func flat(dir string) string {
	b := []byte(dir)
	for i := range b {
		if b[i] == '/' {
			b[i] = '-'
		}
	}
	return string(b)
}

// Page renders p, whose body converted to res, to w.
func (r *Renderer) Page(w io.Writer, p *content.Page, res markdown.Result) error {
	name, err := r.Layout(p)
	if err != nil {
		return err
	}
	v := r.view(p, res)
	return r.execute(w, name, v)
}

// NotFound renders 404.html in the default language.
func (r *Renderer) NotFound(w io.Writer) error {
	lang := r.Site.Default()
	v := r.base(lang)
	v.Title = r.Catalog.T(lang, "not_found_title")
	for _, l := range r.Site.Languages {
		if l.Code != lang {
			v.Languages = append(v.Languages, LangLink{Code: l.Code, Name: l.Name, URL: r.Site.LangPrefix(l.Code)})
		}
	}
	return r.execute(w, "404.html", v)
}

func (r *Renderer) execute(w io.Writer, name string, v *View) error {
	v.layout = name
	if b, ok := w.(*bytes.Buffer); ok {
		// Straight into b, what a failed template wrote cut off again
		// (not through a buffer of its own copied into b: a page of a
		// megabyte, the A–Z list, grew one more at each rebuild).
		n := b.Len()
		if err := r.tmpl[name].ExecuteTemplate(b, baseName, v); err != nil {
			b.Truncate(n)
			return fmt.Errorf("template %s: %w", name, err)
		}
		return nil
	}
	buf := GetBuffer()
	defer PutBuffer(buf)
	if err := r.tmpl[name].ExecuteTemplate(buf, baseName, v); err != nil {
		return fmt.Errorf("template %s: %w", name, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// buffers holds the buffers pages are rendered into (here, and by the
// build that writes them), so that a page is not rendered into a buffer
// grown from nothing (a profile of a build showed that growing as a fifth
// of its allocations).
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// GetBuffer returns an empty buffer from a pool shared by every page
// rendered; give it back with PutBuffer once its bytes are no longer
// used.
func GetBuffer() *bytes.Buffer {
	b := buffers.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// PutBuffer gives b (from GetBuffer) back to the pool, unless it grew
// past 1 MB, larger than pages usually are (an A–Z list of a large site),
// so that the pool does not keep megabytes alive.
func PutBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		buffers.Put(b)
	}
}

func (r *Renderer) base(lang string) *View {
	v := &View{
		Site: r.Site, S: r.Catalog.Strings(lang), Lang: lang, LangName: r.Site.Language(lang).Name, SiteTitle: r.Site.Title.Get(lang),
		MetaDescription: r.Site.Description.Get(lang),
		HomeURL:         r.Site.LangPrefix(lang), r: r,
	}
	for _, e := range r.Site.Emergency {
		v.Emergency = append(v.Emergency, Emergency{Number: e.Number, Name: e.Name.Get(lang)})
	}
	if r.tmpl["search.html"] != nil {
		v.SearchIndex, v.SearchPage = r.searchIndexURL(lang), r.SearchPath(lang)
		if r.Portable {
			v.SearchIndex, v.Portable = "", true
		}
	}
	v.Menu = slices.Clone(r.menus[lang]) // frame marks the current entry
	v.FooterLinks, v.SafetyPage = r.footers[lang], r.safety[lang]
	if pub := r.Site.Publisher; pub.Name.ByLang != nil || pub.Address.ByLang != nil || pub.Phone != "" || pub.Email != "" {
		v.Publisher = &Publisher{Name: pub.Name.Get(lang), Address: pub.Address.Get(lang),
			Phone: pub.Phone, Dial: phone.Dial(pub.Phone), Email: pub.Email}
	}
	return v
}

// CallNumbers lists the numbers that become call links wherever a page's
// text shows them (Markdown bodies and directory texts): the emergency
// numbers, the publisher's phone and every directory phone that takes
// calls (not SMS-only or fax lines).
func CallNumbers(site *config.Site, providers []*directory.Provider) []string {
	var out []string
	for _, e := range site.Emergency {
		out = append(out, e.Number)
	}
	if ph := site.Publisher.Phone; ph != "" {
		out = append(out, ph)
	}
	for _, p := range providers {
		for _, s := range p.Services {
			for _, ph := range s.Phones {
				if t := ph.Type.Value; t != "text" && t != "fax" {
					out = append(out, ph.Number)
				}
			}
		}
	}
	return out
}

// pageNamed finds the page site.yaml names as name (a section folder, a
// page bundle or a single-file page, without its language:
// "about", "guidance/duyet-web-an-toan") in lang.
func (r *Renderer) pageNamed(name, lang string) *content.Page {
	name = strings.Trim(name, "/")
	for _, f := range []string{"/_index.", "/index.", "."} {
		if p := r.Content.ByFile(path.Join(content.Root, name) + f + lang + ".md"); p != nil {
			return p
		}
		if lang == r.Site.Default() {
			if p := r.Content.ByFile(path.Join(content.Root, name) + f + "md"); p != nil {
				return p
			}
		}
	}
	return nil
}

// sitePages finds the pages site.yaml's footer: and safety_page: name in
// each language, and reports names that match no page at all.
func (r *Renderer) sitePages() diag.List {
	var l diag.List
	r.footers, r.safety = map[string][]Link{}, map[string]string{}
	top := diag.Position{File: config.File}
	found := func(name string) bool {
		for _, lang := range r.Site.Languages {
			if r.pageNamed(name, lang.Code) != nil {
				return true
			}
		}
		return false
	}
	for _, name := range r.Site.Footer {
		if !found(name) {
			l.Add(diag.Errorf(top, "footer: names %q, which is no page or section", name).
				WithHint("write the folder under content/ (e.g. about for content/about/_index.vi.md), without the language"))
		}
	}
	if name := r.Site.SafetyPage; name != "" && !found(name) {
		l.Add(diag.Errorf(top, "safety_page: names %q, which is no page", name).
			WithHint("write the file under content/ without its language, e.g. guidance/duyet-web-an-toan"))
	}
	for _, lang := range r.Site.Languages {
		for _, name := range r.Site.Footer {
			if p := r.pageNamed(name, lang.Code); p != nil {
				r.footers[lang.Code] = append(r.footers[lang.Code], Link{Title: p.Title, URL: p.Path})
			}
		}
		if p := r.pageNamed(r.Site.SafetyPage, lang.Code); r.Site.SafetyPage != "" && p != nil {
			r.safety[lang.Code] = p.Path
		}
	}
	return l
}

func (r *Renderer) view(p *content.Page, res markdown.Result) *View {
	paths := map[string]string{}
	for _, t := range p.Translations {
		paths[t.Lang] = t.Path
	}
	v := r.frame(p.Lang, p.Path, p.Parent, paths)
	v.Page, v.Title, v.Content, v.TOC, v.Draft = p, p.Title, template.HTML(res.HTML), res.TOC, p.Draft
	if p.Description != "" {
		v.MetaDescription = p.Description
	} else if res.Summary != "" {
		v.MetaDescription = res.Summary
	}
	children := r.children(p)
	if p.Kind != content.KindPage && !(p.Kind == content.KindSection && p.Dir == DirectorySection) {
		if v.Pager = r.pager(p.Lang, p.Path, 1, len(children)); v.Pager != nil {
			children = window(children, 1)
		}
	}
	for _, c := range children {
		v.Children = append(v.Children, r.item(c))
	}
	switch {
	case p.Kind == content.KindHome:
		v.Latest = r.latest(p, nil)
		// The pages the footer links (About) are not background reading:
		// the home page lists the sections only.
		v.Children = slices.DeleteFunc(v.Children, func(it Item) bool {
			return slices.ContainsFunc(v.FooterLinks, func(l Link) bool { return l.URL == it.URL })
		})
		site := map[string]any{"@context": "https://schema.org", "@type": "WebSite",
			"name": r.Site.Title.Get(p.Lang), "url": v.Canonical, "inLanguage": p.Lang}
		if v.SearchPage != "" {
			site["potentialAction"] = map[string]any{"@type": "SearchAction",
				"target":      r.Site.AbsURL(v.SearchPage) + "?q={search_term_string}",
				"query-input": "required name=search_term_string"}
		}
		v.JSONLD = jsonLD(site)
	case p.Kind == content.KindPage && p.Section() == NewsSection:
		var buf [Related]*content.Page
		related := r.relatedPages(p, buf[:0])
		v.Related, v.NewsItem = r.itemsOf(related), true
		v.Latest = r.latest(p, related)
		article := map[string]any{"@context": "https://schema.org", "@type": "NewsArticle",
			"headline": p.Title, "inLanguage": p.Lang, "mainEntityOfPage": v.Canonical,
			"publisher": map[string]any{"@type": "Organization", "name": r.Site.Title.Get(p.Lang)}}
		if !p.Date.IsZero() {
			article["datePublished"] = r.isoDate(p.Date)
			article["dateModified"] = r.isoDate(lastmod(p))
		}
		if v.MetaDescription != "" {
			article["description"] = v.MetaDescription
		}
		v.JSONLD = jsonLD(article)
	}
	for _, a := range p.Attachments {
		name := a.Name
		v.Attachments = append(v.Attachments, Attachment{Name: name, URL: p.Path + name,
			About: fileKind(name) + ", " + i18n.Size(p.Lang, a.Size)})
	}
	v.PageTags = r.pageTags(p)
	v.Print = r.printLinks(p)
	if p.Kind == content.KindSection && p.Dir == DirectorySection {
		v.Directory = r.directoryView(p)
	}
	return v
}

// frame fills what every page shows: canonical URL, hreflang alternates and
// language switcher from paths (language → URL path of this page, itself
// included), the menu with the page's own entry marked aria-current="page"
// or the section it is in marked aria-current="true" (WAI-ARIA 1.2), and
// breadcrumbs from parent up.
func (r *Renderer) frame(lang, urlPath string, parent *content.Page, paths map[string]string) *View {
	v := r.base(lang)
	v.Canonical = r.Site.AbsURL(urlPath)
	if len(r.feed[lang]) > 0 {
		v.Feed = r.FeedPath(lang)
	}
	for _, l := range r.Site.Languages {
		if p, ok := paths[l.Code]; ok {
			v.Alternates = append(v.Alternates, Alternate{Hreflang: l.Code, Href: r.Site.AbsURL(p)})
		}
	}
	if p, ok := paths[r.Site.Default()]; ok {
		v.Alternates = append(v.Alternates, Alternate{Hreflang: "x-default", Href: r.Site.AbsURL(p)})
	}
	for _, l := range r.Site.Languages {
		if l.Code == lang {
			continue
		}
		link := LangLink{Code: l.Code, Name: l.Name}
		if p, ok := paths[l.Code]; ok {
			link.URL = p
		} else {
			link.URL, link.Missing = r.Site.LangPrefix(l.Code), true
		}
		v.Languages = append(v.Languages, link)
	}
	for i := range v.Menu {
		if v.Menu[i].URL == urlPath {
			v.Menu[i].Current = "page"
		}
		for a := parent; a != nil && v.Menu[i].Current == ""; a = a.Parent {
			if a.Path == v.Menu[i].URL {
				v.Menu[i].Current = "true"
			}
		}
	}
	var key strings.Builder
	for i, m := range v.Menu {
		if m.Current != "" {
			key.WriteString(strconv.Itoa(i) + m.Current)
		}
	}
	v.MenuKey = key.String()
	if parent != nil {
		v.BreadcrumbKey = parent.Path
	}
	for a := parent; a != nil; a = a.Parent {
		title := a.Title
		if a.Kind == content.KindHome {
			title = r.Catalog.T(lang, "home")
		}
		v.Breadcrumbs = append([]Link{{Title: title, URL: a.Path}}, v.Breadcrumbs...)
	}
	return v
}

// item returns p as a list shows it.
func (r *Renderer) item(p *content.Page) Item {
	if i := p.Index(); i < len(r.items) && r.Content.Pages[i] == p {
		return r.items[i]
	}
	return r.makeItem(p)
}

func (r *Renderer) makeItem(p *content.Page) Item {
	it := Item{Title: p.Title, URL: p.Path, Summary: p.Description, Date: p.Date}
	if !p.Date.IsZero() {
		it.DateISO, it.DateText = r.isoDate(p.Date), r.date(p.Lang, p.Date)
	}
	return it
}

func (r *Renderer) date(lang string, t time.Time) string {
	return i18n.Date(lang, t.In(r.Site.Location))
}

// day returns the calendar day t names in UTC (a directory entry's
// YYYY-MM-DD date) as that day in the site's time zone, so that it is not
// shown as the day before in zones behind UTC; the zero time stays zero.
func (r *Renderer) day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return config.Day(y, m, d, r.Site.Location)
}

// isoDay writes the day t falls on in the site's time zone as
// "2024-09-08", without a time or zone (View.Day).
func isoDay(site *config.Site, t time.Time) string {
	return t.In(site.Location).Format(time.DateOnly)
}

// isoDate writes t in the site's time zone for machines (<time datetime>,
// sitemap.xml, JSON-LD): a calendar day (a date written without a time,
// config.IsDay) as the date alone, "2024-09-08", which all three accept
// (HTML's valid date string, W3C Datetime, ISO 8601); anything else as
// RFC 3339, "2021-11-05T08:30:00+07:00".
func (r *Renderer) isoDate(t time.Time) string {
	t = t.In(r.Site.Location)
	if config.IsDay(t) {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}
