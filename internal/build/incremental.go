package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/loa-ssg/loa/internal/check"
	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/directory"
	"github.com/loa-ssg/loa/internal/i18n"
	"github.com/loa-ssg/loa/internal/markdown"
	"github.com/loa-ssg/loa/internal/render"
	"github.com/loa-ssg/loa/internal/search"
)

// An incremental rebuild (Session.Rebuild after an edit of Markdown pages,
// interface strings or the directory) loads the site again from memory,
// reading only the files that changed (after edits of the interface
// strings or the directory alone it takes the last load as it is, and
// with it the last checks' problems: keptContent), and renders only the
// pages whose output can differ. It knows which by keys: each page's key
// covers its converted Markdown (a hash of it), what its View is made of
// besides (render.PageKey: front matter, translations, the trail above
// it, the lists it shows, related news, the names of its tags…), what its language
// shares (render.LangKeyBesideStrings) and the interface strings its
// layout reads (render.StringsKey, stringKeys); each generated page's key
// likewise (render.ExtraKey). So an edit of content/i18n renders the
// pages whose layout reads a string that changed, or that show a tag
// whose name changed (staleKeys); a string that Go code reads changes
// the language's key, and every page of the language is rendered.
// A page whose key did not change is neither converted nor rendered. A
// page's Markdown is converted again when its text, URL, layout, title or
// attachments changed, or when the pages or files its links name changed
// (each link is resolved again and compared). The files made from the
// whole site (sitemap, feeds, aliases, printed pieces, 404) are rendered
// every time. Every file is compared with the one on disk and written only
// when its bytes differ; files no longer made are deleted. Errors leave
// the output as it was. The search index follows in Settle.

// The phases of a build, which tell who owns a file it writes.
const (
	phaseStatic = "static" // static files and the stylesheet
	phasePages  = "pages"  // a page, its leaflet and its files
	phaseExtras = "extras" // a generated page, or the directory's export
	phaseSite   = "site"   // files made from the whole site
	phaseSearch = "search" // the search index
)

// Owners of files that are not pages or generated pages.
const (
	ownerStatic  = "static"
	ownerSite    = "site"
	ownerSearch  = "search"
	ownerExport  = "export"
	ownerSitemap = "sitemap"
)

// incBuild is what a build in a Session records for the next rebuild and,
// in an incremental rebuild, what it may keep from the last one. Its
// methods do nothing on a nil *incBuild (a build by Run).
type incBuild struct {
	seed  maphash.Seed
	phase string // set between stages only
	mu    sync.Mutex
	// written maps every file written (slash path relative to the
	// output) to the phase that wrote it.
	written map[string]string
	// records holds each page's conversion, by page.
	records sync.Map
	// On an incremental rebuild: the last good build's state, the keys of
	// this build's languages, the keys of the generated pages computed
	// so far, and whether the directory's export is kept.
	prev     *incState
	renderer *render.Renderer
	langKeys map[string]uint64
	// strKeys holds render.StringsKey of every language and layout
	// (stringKeys), tagsChanged per language the slugs of the tags whose
	// names (render.TagPrefix strings) changed since the last build.
	strKeys     map[strKeyOf]uint64
	tagsChanged map[string]map[string]bool
	extraKeys   sync.Map // path → uint64
	kept        sync.Map // owners of the generated pages kept → true
	export      bool
	world       uint64 // linkWorld, once known
	// sitemapSum is the key of sitemap.xml, once sitemapDone; samePages
	// says that sitemap.xml lists the same pages with the same dates and
	// translations as the last build (staleKeys).
	sitemapSum  uint64
	sitemapDone bool
	samePages   bool
	// samePaths says that the generated pages are at the paths of the
	// last build's, in the same languages.
	samePaths bool
	// cache keeps the content files read, for the next rebuild.
	cache *content.Cache
	// checks holds the problems of each page's own checks, by source
	// file (check.RunAgain).
	checks map[string]diag.List
	// checkList is every problem check.RunAgain reported, site-wide
	// rules' included, for a rebuild that checks the very same pages
	// (nil: not known; an empty list: none).
	checkList *diag.List
	// sameExtra, when set, reports a generated page whose key is the
	// last build's (render.SameExtra).
	sameExtra func(e *render.Extra) bool
	// large, when set, holds the buffers large generated files
	// (sitemap.xml, the A–Z lists) are made in, kept by the Session from
	// rebuild to rebuild (largeBuffer).
	large *largeBuffers
	// det, when set (a warm build: cache.go), makes the keys of the
	// generated pages and sitemap.xml, so that they compare with the
	// build cache's as they are.
	det *detKeys
}

func (ib *incBuild) setPhase(phase string) {
	if ib != nil {
		ib.phase = phase
	}
}

func (ib *incBuild) wrote(file string) {
	if ib == nil {
		return
	}
	ib.mu.Lock()
	ib.written[file] = ib.phase
	ib.mu.Unlock()
}

// converted records page c.Page's conversion.
func (ib *incBuild) converted(b *builder, c *check.Page, a *search.Analyzed, cv conversion) {
	if ib == nil {
		return
	}
	ib.records.Store(c.Page, newRecord(b, c, a, cv))
}

// keepsExtra reports whether e's file can stay as the last build wrote it.
func (ib *incBuild) keepsExtra(e *render.Extra) bool {
	if ib == nil || ib.prev == nil {
		return false
	}
	if ib.sameExtra != nil && ib.sameExtra(e) {
		if old, ok := ib.prev.keys[extraOwner(e)]; ok {
			ib.extraKeys.Store(e.Path, old)
			ib.kept.Store(extraOwner(e), true)
			return true
		}
	}
	key := ib.extraKey(e)
	ib.extraKeys.Store(e.Path, key)
	old, ok := ib.prev.keys[extraOwner(e)]
	if ok && old == key {
		ib.kept.Store(extraOwner(e), true)
		return true
	}
	return false
}

// largeExtra is the size in bytes from which a generated file's buffer
// is kept for the next rebuild (largeBuffers): sitemap.xml or an A–Z list
// of a large site. A variable for tests.
var largeExtra = 256 << 10

// largeBuffers holds, by the name of the file made in it, the buffers of
// the generated files a rebuild made of largeExtra bytes or more, for the
// next rebuild to make them in again: a megabyte grown afresh at each
// rebuild, then copied for the files pending, took memory the system
// hands over page by page, and as much given back (BenchmarkRebuildTitle
// at 10,000 pages per language: sitemap.xml and the A–Z page). Safe for
// concurrent use.
type largeBuffers struct {
	mu   sync.Mutex
	bufs map[string]*bytes.Buffer
	// taken counts the pages made in a buffer kept, for tests.
	taken int
}

// largeBuffer returns the buffer to make the file name in, and whether
// the files pending may hold its bytes as they are (the rebuild writes
// them before it returns, so the next rebuild may take the buffer again):
// the one the last rebuild made name in when it was large, emptied, and
// then true; else buf and false (see keepLarge). Without a Session's
// buffers, or files pending, it returns buf and false.
func (ib *incBuild) largeBuffer(name string, buf *bytes.Buffer, pending bool) (*bytes.Buffer, bool) {
	if ib == nil || ib.large == nil || !pending {
		return buf, false
	}
	ib.large.mu.Lock()
	defer ib.large.mu.Unlock()
	if kept := ib.large.bufs[name]; kept != nil {
		kept.Reset()
		ib.large.taken++
		return kept, true
	}
	return buf, false
}

// keepLarge keeps buf, which the file name was just made in (not a
// buffer largeBuffer returned as kept), for the next rebuild when it is
// large, and reports whether it did: the files pending may then hold its
// bytes as they are, and buf must not be given back to a pool.
func (ib *incBuild) keepLarge(name string, buf *bytes.Buffer, pending bool) bool {
	if ib == nil || ib.large == nil || !pending || buf.Len() < largeExtra {
		return false
	}
	ib.large.mu.Lock()
	defer ib.large.mu.Unlock()
	if ib.large.bufs == nil {
		ib.large.bufs = map[string]*bytes.Buffer{}
	}
	ib.large.bufs[name] = buf
	return true
}

// contentCache returns the content cache Load reads through, or nil.
func (ib *incBuild) contentCache() *content.Cache {
	if ib == nil {
		return nil
	}
	return ib.cache
}

// keepsSitemap reports whether sitemap.xml can stay as it is.
func (ib *incBuild) keepsSitemap() bool {
	if ib == nil || ib.prev == nil {
		return false
	}
	old, ok := ib.prev.keys[ownerSitemap]
	if ok && old == ib.sitemapKey() {
		ib.kept.Store(ownerSitemap, true)
		return true
	}
	return false
}

func (ib *incBuild) sitemapKey() uint64 {
	if !ib.sitemapDone && ib.samePages && ib.sameExtras() {
		if old, ok := ib.prev.keys[ownerSitemap]; ok {
			ib.sitemapSum, ib.sitemapDone = old, true
		}
	}
	if !ib.sitemapDone && ib.det != nil {
		ib.sitemapSum, ib.sitemapDone = ib.det.sitemap(), true
	}
	if !ib.sitemapDone {
		var h maphash.Hash
		h.SetSeed(ib.seed)
		ib.renderer.SitemapKey(&h)
		ib.sitemapSum, ib.sitemapDone = h.Sum64(), true
	}
	return ib.sitemapSum
}

// sameExtras reports whether the generated pages are those of the last
// build at the same paths, the directory unchanged (what SitemapKey reads
// of them).
func (ib *incBuild) sameExtras() bool { return ib.samePaths && ib.export }

// keepsExport reports whether the directory's export can stay as it is.
func (ib *incBuild) keepsExport() bool { return ib != nil && ib.prev != nil && ib.export }

func (ib *incBuild) extraKey(e *render.Extra) uint64 {
	if ib.det != nil {
		return ib.det.extra(e)
	}
	var h maphash.Hash
	h.SetSeed(ib.seed)
	ib.renderer.ExtraKey(&h, e)
	return h.Sum64() ^ ib.langKeys[e.Lang] ^ ib.strKeys[strKeyOf{e.Lang, e.Layout}]*37
}

// pageOwner names the owner of p's files: its source file, which starts
// with "content/" and so is none of the other owners' names (no string
// made per page and rebuild).
func pageOwner(p *content.Page) string { return p.File }

// owner is pageOwner(p).
func (ib *incBuild) owner(p *content.Page) string { return pageOwner(p) }

func extraOwner(e *render.Extra) string { return "extra:" + e.Path }

// pageRecord is one page's conversion as a rebuild may reuse it: what the
// conversion depended on, a hash of what it made, and what the checks and
// the search index need of it.
type pageRecord struct {
	text               []byte // the page's Text, compared by identity
	path, lang, layout string
	title, description string
	section            string
	attachments        []content.Attachment
	sum                uint64 // hash of the HTML, summary and headings
	links              []resolved
	used               []content.Attachment
	diags              diag.List
	checkLinks         check.Page // Links, TOC, Numbers (Page unset)
	analyzed           search.Analyzed
	hasErrors          bool
	// linkKeys, linkMask and linkAlways are what linkChange.touches
	// reads of links, made at its first call (makeLinkKeys; linkKeys nil
	// until then).
	linkKeys   []linkKey
	linkMask   uint64
	linkAlways bool
}

func newRecord(b *builder, c *check.Page, a *search.Analyzed, cv conversion) *pageRecord {
	p := c.Page
	layout, _ := b.renderer.Layout(p)
	r := &pageRecord{
		text: p.Text, path: p.Path, lang: p.Lang, layout: layout,
		title: p.Title, description: p.Description, section: render.SectionTitle(p),
		attachments: p.Attachments, links: cv.links, used: cv.used, diags: cv.diags,
		analyzed: *a, hasErrors: cv.diags.HasErrors(),
	}
	r.checkLinks = *c
	r.checkLinks.Page = nil
	if r.checkLinks.TitleKey == "" { // a whole build's record
		r.checkLinks.TitleKey = check.TitleKey(p.Title)
	}
	var h maphash.Hash
	h.SetSeed(b.inc.seed)
	h.Write(cv.res.HTML)
	h.WriteByte(0)
	h.WriteString(cv.res.Summary)
	for _, t := range cv.res.TOC {
		fmt.Fprintf(&h, "\x00%d %s %s %d", t.Level, t.ID, t.Text, t.Offset)
	}
	r.sum = h.Sum64()
	return r
}

// reusable reports whether r still holds p's conversion, p being the page
// of the same file in the new build b; relink asks to resolve its links
// again first.
func (r *pageRecord) reusable(b *builder, p *content.Page, relink bool) bool {
	if r == nil || r.hasErrors || !sameBytes(r.text, p.Text) || r.path != p.Path || r.lang != p.Lang ||
		r.title != p.Title || r.description != p.Description || !slices.Equal(r.attachments, p.Attachments) {
		return false
	}
	if layout, _ := b.renderer.Layout(p); layout != r.layout || render.SectionTitle(p) != r.section {
		return false
	}
	if !relink {
		for _, u := range r.used {
			b.linked.Store(u.Path, true)
		}
		return true
	}
	var used []content.Attachment
	var lang string
	resolve := b.resolver(p, func(_, l string) { lang = l }, &used)
	for _, l := range r.links {
		lang = ""
		url, err := resolve(l.dest)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if url != l.url || lang != l.lang || msg != l.err {
			return false
		}
	}
	return slices.Equal(used, r.used)
}

// sameBytes reports whether a and b are the same slice of the same array.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// incState is what a Session keeps of its last good build for the next
// incremental rebuild, in one place:
//
//   - pages: per page of the build, by source file, its conversion, its
//     key and the pages its key reads (pageState);
//   - keys: the key of each generated page and of sitemap.xml, by owner
//     (extraOwner, ownerSitemap);
//   - files: every file in the output, by slash path, with its owner;
//   - world, phones, langKeys, strKeys: what links resolved against
//     (linkWorld), the numbers made call links (render.CallNumbers), each
//     language's key and the key of the interface strings each layout
//     reads (stringKeys);
//   - checks: the problems of each page's own checks, by source file
//     (check.RunAgain).
//
// A rebuild only reads it while it runs; once the rebuild has succeeded,
// newState updates it in place (no copy of the maps) so that it describes
// the new build and nothing more: every page and generated page has its
// entry, and none is left for one no longer made. The incremental tests
// hold it to a build from scratch after every random edit (checkKeys).
// Besides newState, only Session.Rebuild (forget: a body rebuilt alone)
// and Session.Settle (the search index's files) change it. A warm build
// (cache.go) makes one holding keys alone, for keepsExtra and
// keepsSitemap.
type incState struct {
	pages    map[string]*pageState
	keys     map[string]uint64
	files    map[string]string
	world    uint64
	phones   []string
	langKeys map[string]uint64
	strKeys  map[strKeyOf]uint64
	checks   map[string]diag.List
	// checkList is what check.RunAgain returned for the build, whole
	// (incBuild.checkList; nil: not known).
	checkList *diag.List
	// order holds pages' entries again, in the order of the build's
	// content.Pages (by source file), so that the next rebuild finds
	// each page's entry while it pairs the pages of the two builds,
	// without a lookup in pages (nil: look them up).
	order []*pageState
}

// pageState is what incState keeps of one page.
type pageState struct {
	// record is the page's conversion; nil when the page must be
	// converted again (forget).
	record *pageRecord
	// key is the page's key (pageKey); 0 when it has none.
	key uint64
	// refs lists the pages the key reads (render.PageKeyRefs); nil when
	// not known (key 0).
	refs []string
	// made is set, while newState runs, on the entries of the pages of
	// the build it describes.
	made bool
}

// forget drops the conversion kept for the page of file, whose body
// Session.Rebuild converted alone: the next incremental rebuild converts
// it again (a record is reused only for the very bytes it was made from,
// so this frees memory rather than stopping a stale reuse). Its key
// stays, for comparison.
func (st *incState) forget(file string) {
	if ps := st.pages[file]; ps != nil {
		ps.record = nil
	}
}

// newState makes the state of the build b, which succeeded, and returns
// with it the files of before that b no longer makes. prev is the state b
// was made from (nil after a full build; it is changed into the new one:
// its maps are updated in place), kept holds the owners whose files b
// kept, keys and refs the keys of b's pages and the pages each key reads
// when known (else nil), olds prev's entry of each of b's pages (nil for
// one it has none of; olds nil: look them up). After an incremental
// rebuild, ib.records holds only the pages converted again: the others
// keep prev's record.
func newState(b *builder, prev *incState, kept func(owner string) bool, keys []uint64, refs [][]string, olds []*pageState) (st *incState, gone []string) {
	ib := b.inc
	n := len(b.content.Pages)
	extras := b.renderer.Extras()
	st = &incState{files: map[string]string{}, phones: render.CallNumbers(b.site, b.providers)}
	if prev != nil && keys != nil {
		st.pages, st.keys = prev.pages, prev.keys
	} else {
		st.pages, st.keys = make(map[string]*pageState, n), make(map[string]uint64, len(extras)+1)
		olds = nil
	}
	// The entry of f, made when there is none.
	entry := func(f string) *pageState {
		ps := st.pages[f]
		if ps == nil {
			ps = &pageState{}
			st.pages[f] = ps
		}
		return ps
	}
	ib.records.Range(func(k, v any) bool {
		entry(k.(*content.Page).File).record = v.(*pageRecord)
		return true
	})
	if ib.langKeys == nil {
		ib.renderer = b.renderer
		ib.langKeys, ib.strKeys = b.langKeys(), b.stringKeys()
	}
	st.langKeys, st.strKeys = ib.langKeys, ib.strKeys
	st.checks, st.checkList = ib.checks, ib.checkList
	pages := b.content.Pages
	if keys == nil {
		keys, refs = make([]uint64, len(pages)), make([][]string, len(pages))
		b.forEach(len(pages), func(i int) {
			if ps := st.pages[pages[i].File]; ps != nil && ps.record != nil {
				keys[i], refs[i] = b.pageKeyRefs(pages[i], ps.record)
			}
		})
	}
	st.order = make([]*pageState, len(pages))
	for i, p := range pages {
		var ps *pageState
		if olds != nil {
			ps = olds[i]
		}
		if ps == nil {
			ps = entry(p.File)
		}
		st.order[i] = ps
		ps.key, ps.refs, ps.made = keys[i], nil, true
		if keys[i] != 0 {
			ps.refs = refs[i]
			if ps.refs == nil {
				ps.refs = []string{} // known: the key reads no other page
			}
		}
	}
	st.keys[ownerSitemap] = ib.sitemapKey()
	for _, e := range extras {
		if k, ok := ib.extraKeys.Load(e.Path); ok {
			st.keys[extraOwner(e)] = k.(uint64)
		} else {
			st.keys[extraOwner(e)] = ib.extraKey(e)
		}
	}
	// Maps taken over from prev hold every page and generated page of b;
	// one larger holds some no longer made too.
	// (The pages' entries are marked made, not looked up in a map of
	// every page's file, which a page renamed or deleted would make.)
	if len(st.pages) > n {
		maps.DeleteFunc(st.pages, func(_ string, ps *pageState) bool { return !ps.made })
	}
	for _, ps := range st.order {
		ps.made = false
	}
	if len(st.keys) > len(extras)+1 {
		owners := make(map[string]bool, len(extras)+1)
		for _, e := range extras {
			owners[extraOwner(e)] = true
		}
		owners[ownerSitemap] = true
		maps.DeleteFunc(st.keys, func(o string, _ uint64) bool { return !owners[o] })
	}
	var rendered func(string) bool
	var dropped []string
	if prev != nil {
		// The files of the owners kept stay; prev is not used again.
		st.files = prev.files
		maps.DeleteFunc(st.files, func(f, o string) bool {
			k := kept(o)
			if !k {
				dropped = append(dropped, f)
			}
			return !k
		})
		rendered = func(o string) bool { return !kept(o) }
	}
	owners := b.fileOwners(rendered)
	for f, phase := range ib.written {
		st.files[f] = owners(f, phase)
	}
	for _, f := range dropped {
		if _, ok := st.files[f]; !ok {
			gone = append(gone, f)
		}
	}
	slices.Sort(gone)
	st.world = ib.world
	if st.world == 0 {
		st.world = b.linkWorld(ib.seed)
	}
	return st, gone
}

// langKeys returns render.LangKeyBesideStrings of every language, hashed:
// the interface strings each layout reads are keyed apart (stringKeys).
func (b *builder) langKeys() map[string]uint64 {
	keys := map[string]uint64{}
	for _, lang := range b.res.Languages {
		var h maphash.Hash
		h.SetSeed(b.inc.seed)
		b.renderer.LangKeyBesideStrings(&h, lang)
		keys[lang] = h.Sum64()
	}
	return keys
}

// strKeyOf names the key of the interface strings of a language that a
// layout reads ("" for every string: render.StringsLayout).
type strKeyOf struct{ lang, layout string }

// stringKeys returns render.StringsKey of every language and layout, and
// of layout "" (every string), hashed.
func (b *builder) stringKeys() map[strKeyOf]uint64 {
	layouts := append(b.renderer.Layouts(), "")
	keys := make(map[strKeyOf]uint64, len(layouts)*len(b.res.Languages))
	for _, lang := range b.res.Languages {
		for _, layout := range layouts {
			var h maphash.Hash
			h.SetSeed(b.inc.seed)
			b.renderer.StringsKey(&h, lang, layout)
			keys[strKeyOf{lang, layout}] = h.Sum64()
		}
	}
	return keys
}

// strKey is the key of the interface strings p can show (stringKeys).
func (b *builder) strKey(p *content.Page) uint64 {
	return b.inc.strKeys[strKeyOf{p.Lang, b.renderer.StringsLayout(p)}]
}

// pageKey is p's key: render.PageKey, its language's, its interface
// strings' and its conversion's.
func (b *builder) pageKey(p *content.Page, r *pageRecord) uint64 {
	var h maphash.Hash
	h.SetSeed(b.inc.seed)
	b.renderer.PageKey(&h, p)
	return h.Sum64() ^ b.inc.langKeys[p.Lang] ^ b.strKey(p)*37 ^ r.sum*31
}

// pageKeyRefs is pageKey, with the pages it reads (render.PageKeyRefs).
func (b *builder) pageKeyRefs(p *content.Page, r *pageRecord) (uint64, []string) {
	var h maphash.Hash
	h.SetSeed(b.inc.seed)
	refs := b.renderer.PageKeyRefs(&h, p, []string{})
	return h.Sum64() ^ b.inc.langKeys[p.Lang] ^ b.strKey(p)*37 ^ r.sum*31, refs
}

// changedTags returns, per language, the slugs of the tags whose names
// (render.TagPrefix strings) differ between the catalogs of old and r.
func changedTags(old, r *render.Renderer, langs []string) map[string]map[string]bool {
	var out map[string]map[string]bool
	for _, lang := range langs {
		a, b := old.Catalog.Strings(lang), r.Catalog.Strings(lang)
		note := func(key string) {
			if out == nil {
				out = map[string]map[string]bool{}
			}
			if out[lang] == nil {
				out[lang] = map[string]bool{}
			}
			out[lang][strings.TrimPrefix(key, render.TagPrefix)] = true
		}
		for key, v := range a {
			if w, ok := b[key]; strings.HasPrefix(key, render.TagPrefix) && (!ok || v != w) {
				note(key)
			}
		}
		for key := range b {
			if _, ok := a[key]; strings.HasPrefix(key, render.TagPrefix) && !ok {
				note(key)
			}
		}
	}
	return out
}

// staleKeys tells, for each page of b, whether its key may differ from the
// one prev holds for its file, beyond its conversion (which the caller
// compares): old holds the pages of the build prev was made from. A page
// keeps its key when it and the pages its key reads (pageState.refs) are
// as before, its language's key is the same, and no page joined or left
// its lists: a page added, gone or changed marks its parent and its
// translations, and a news item added, gone, moved in the news order or
// retagged marks every news item of its language and the home page, whose
// related and latest news may change. Two versions of a page are the same
// when they were read from the same text (Text, the same bytes of the
// content cache) and have the same URL, parent, attachments and draft
// translations. The directory's page is marked when the directory's
// files changed (its key reads render.Input.DirectoryKey; incBuild.export
// set before), and so is a page
// whose layout's interface strings changed (stringKeys) or that shows a
// tag whose name changed (incBuild.tagsChanged). moved reports a
// page added or gone, or one whose URL, aliases or attachments changed:
// what links resolve against (linkWorld) may then differ. touched holds
// the URL paths, before and after, of the pages changed, added or gone and
// of their translations, changed their source files. olds holds prev's
// entry of each page of b (nil for a page it has none of).
func (b *builder) staleKeys(old []*content.Page, prev *incState) (stale []bool, moved bool, touched, changed map[string]bool, olds []*pageState) {
	pages := b.content.Pages
	stale = make([]bool, len(pages))
	olds = make([]*pageState, len(pages))
	touched = map[string]bool{}
	changed = map[string]bool{}  // files of the pages changed, added or gone
	marked := map[string]bool{}  // files of the pages whose key is made again
	shifted := map[string]bool{} // languages whose news lists may change
	note := func(p *content.Page) {
		changed[p.File] = true
		touched[p.Path] = true
		if p.Parent != nil {
			marked[p.Parent.File] = true
		}
		for _, t := range p.Translations {
			marked[t.File] = true
			touched[t.Path] = true
		}
	}
	shift := func(p *content.Page) {
		if isNewsItem(p) {
			shifted[p.Lang] = true
		}
	}
	// prev's entries in old's order, when it has them (incState.order).
	aligned := prev.order
	if len(aligned) != len(old) {
		aligned = nil
	}
	// Whether the pages changed keep what sitemap.xml shows of them.
	listed := true
	for i, j := 0, 0; i < len(pages) || j < len(old); {
		switch {
		case j == len(old) || i < len(pages) && pages[i].File < old[j].File:
			note(pages[i])
			shift(pages[i])
			moved = true
			i++
		case i == len(pages) || old[j].File < pages[i].File:
			note(old[j])
			shift(old[j])
			moved = true
			j++
		default:
			p, q := pages[i], old[j]
			if aligned != nil {
				olds[i] = aligned[j]
			}
			if !samePage(p, q) {
				note(p)
				note(q)
				listed = listed && p.Key == q.Key && p.Draft == q.Draft && p.Date.Equal(q.Date) && p.Lastmod.Equal(q.Lastmod) &&
					p.Date.IsZero() == q.Date.IsZero() && p.Lastmod.IsZero() == q.Lastmod.IsZero()
				moved = moved || p.Path != q.Path || !slices.Equal(p.Attachments, q.Attachments) ||
					!content.SameAliases(p, q)
				if isNewsItem(p) != isNewsItem(q) || !p.Date.Equal(q.Date) || !slices.Equal(p.Tags, q.Tags) || p.Draft != q.Draft ||
					p.Path != q.Path || parentFile(p) != parentFile(q) {
					shift(p)
					shift(q)
				}
			}
			i++
			j++
		}
	}
	// Asked for every page each key reads: a few files are compared
	// faster than looked up.
	isChanged := func(f string) bool { return changed[f] }
	if len(changed) <= 8 {
		files := slices.Collect(maps.Keys(changed))
		isChanged = func(f string) bool { return slices.Contains(files, f) }
	}
	// The languages some of whose layouts read interface strings that
	// changed; in those, a page whose layout's strings changed, or that
	// shows a tag whose name changed, has a key to make again.
	// pageLayouts says whether a layout a page may take without naming
	// one (render.Layout: home, section-*, section, page-*, page)
	// changed: else only pages that name a layout or have a leaflet
	// need theirs looked up (render.StringsLayout: "" for those with a
	// leaflet).
	strChanged, pageLayouts := map[string]bool{}, map[string]bool{}
	for k, v := range b.inc.strKeys {
		if prev.strKeys[k] != v {
			strChanged[k.lang] = true // (layout "": every string)
			if k.layout == "home.html" || strings.HasPrefix(k.layout, "section") || strings.HasPrefix(k.layout, "page") {
				pageLayouts[k.lang] = true
			}
		}
	}
	strStale := func(p *content.Page) bool {
		if strChanged[p.Lang] && (pageLayouts[p.Lang] || p.Layout != "" || p.Leaflet != "") {
			k := strKeyOf{p.Lang, b.renderer.StringsLayout(p)}
			if prev.strKeys[k] != b.inc.strKeys[k] {
				return true
			}
		}
		if tags := b.inc.tagsChanged[p.Lang]; tags != nil {
			return slices.ContainsFunc(p.Tags, func(t string) bool { return tags[b.renderer.TagSlug(t)] })
		}
		return false
	}
	for i, p := range pages {
		var refs []string
		if aligned == nil {
			olds[i] = prev.pages[p.File]
		}
		if ps := olds[i]; ps != nil {
			refs = ps.refs
		}
		switch {
		case refs == nil: // not known
			stale[i] = true
		case changed[p.File], marked[p.File], prev.langKeys[p.Lang] != b.inc.langKeys[p.Lang],
			shifted[p.Lang] && (p.Kind == content.KindHome || isNewsItem(p)),
			p.Kind == content.KindSection && p.Dir == render.DirectorySection && !b.inc.export, strStale(p):
			stale[i] = true
		case len(changed) > 0:
			stale[i] = slices.ContainsFunc(refs, isChanged)
		}
	}
	b.inc.samePages = listed && !moved
	return stale, moved, touched, changed, olds
}

// samePaths reports whether two lists of generated pages have the same
// paths in the same languages.
func samePaths(a, b []*render.Extra) bool {
	return slices.EqualFunc(a, b, func(x, y *render.Extra) bool { return x.Path == y.Path && x.Lang == y.Lang })
}

// samePage reports whether p and q, two versions of the page of one
// file, show the same (staleKeys).
func samePage(p, q *content.Page) bool {
	return sameBytes(p.Text, q.Text) && p.Path == q.Path && parentFile(p) == parentFile(q) &&
		slices.Equal(p.Attachments, q.Attachments) && slices.Equal(p.DraftLangs, q.DraftLangs)
}

func parentFile(p *content.Page) string {
	if p.Parent == nil {
		return ""
	}
	return p.Parent.File
}

// isNewsItem reports whether p is a news item (render.NewsSection).
func isNewsItem(p *content.Page) bool {
	return p.Kind == content.KindPage && p.Section() == render.NewsSection
}

// fileOwners returns a function naming the owner of a file written in a
// phase: the page whose folder holds it (a page, its leaflet, its files),
// the generated page it is, or the phase's own owner.
// Only the pages and generated pages for which rendered is true wrote
// files (nil: all of them).
func (b *builder) fileOwners(rendered func(owner string) bool) func(file, phase string) string {
	pageDirs := map[string]string{}
	for _, p := range b.content.Pages {
		if o := b.inc.owner(p); rendered == nil || rendered(o) {
			pageDirs[b.local(p.Path)] = o
		}
	}
	extraFiles := map[string]string{}
	for _, e := range b.renderer.Extras() {
		if o := extraOwner(e); rendered == nil || rendered(o) {
			extraFiles[b.local(e.Path)+"index.html"] = o
		}
	}
	return func(file, phase string) string {
		switch phase {
		case phasePages:
			for d := path.Dir(file); ; d = path.Dir(d) {
				dir := d + "/"
				if d == "." || d == "/" {
					dir = ""
				}
				if o, ok := pageDirs[dir]; ok {
					return o
				}
				if dir == "" {
					return ownerSite
				}
			}
		case phaseExtras:
			if o, ok := extraFiles[file]; ok {
				return o
			}
			return ownerExport
		case phaseStatic:
			return ownerStatic
		case phaseSearch:
			return ownerSearch
		}
		if file == "sitemap.xml" {
			return ownerSitemap
		}
		return ownerSite
	}
}

// linkWorld hashes what links resolve against: every page's file, URL,
// language, attachments and aliases, the files outside bundles, the
// generated pages, the feeds, the site-wide files and the static files
// (everything publishedPaths holds). Two builds with the same linkWorld
// resolve every link alike.
func (b *builder) linkWorld(seed maphash.Seed) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	return b.world(&h)
}

// keyHash64 is the hash the link world and the directory are summed with:
// a *maphash.Hash (within a Session) or a detHash (the build cache).
type keyHash64 interface {
	Write([]byte) (int, error)
	WriteString(string) (int, error)
	WriteByte(byte) error
	Sum64() uint64
	Reset()
}

// worldSum adds up the hashes by h (reset for each) of parts of the site
// that links resolve against. A sum, so that a rebuild can take a page's
// part out and put its new one in (movedFew).
type worldSum struct {
	h   keyHash64
	sum uint64
}

func (w *worldSum) add(parts ...string) {
	w.h.Reset()
	for _, s := range parts {
		w.h.WriteString(s)
		w.h.WriteByte(0)
	}
	w.sum += w.h.Sum64()
}

// page adds p's part: its file, URL and language, its attachments and its
// aliases (the paths publishedPaths takes from it).
func (w *worldSum) page(b *builder, p *content.Page) {
	w.add("page", p.File, p.Path, p.Lang)
	for _, a := range p.Attachments {
		w.add("attachment", p.File, a.Path, a.Name)
	}
	for _, a := range p.Aliases {
		w.add("alias", p.File, content.AliasPath(b.site, a.Value))
	}
}

// world sums by h every part of the site that links resolve against (see
// linkWorld): each page's (worldSum.page), then the rest.
func (b *builder) world(h keyHash64) uint64 {
	w := worldSum{h: h}
	for _, p := range b.content.Pages {
		w.page(b, p)
	}
	for _, f := range b.content.Files {
		w.add("file", f.Path, f.Name)
	}
	for _, e := range b.renderer.Extras() {
		w.add("extra", e.Path, e.Lang)
	}
	for _, u := range b.sitePaths() {
		w.add("published", u)
	}
	return w.sum
}

// directoryKey hashes the directory's files, for render.Input.DirectoryKey
// ("" for a build outside a Session, which compares no keys).
func (b *builder) directoryKey() string {
	if b.inc == nil {
		return ""
	}
	if b.cache != nil {
		// loa build with the build cache: a key that compares across
		// runs, so that the directory's pages are kept while it is
		// unchanged.
		return fmt.Sprintf("%016x", b.detDirectoryKey())
	}
	var h maphash.Hash
	h.SetSeed(b.inc.seed)
	return fmt.Sprintf("%016x", b.directorySum(&h))
}

// directorySum sums with h (reset first) the name and bytes of every file
// of the directory, the file names in walk order.
func (b *builder) directorySum(h keyHash64) uint64 {
	h.Reset()
	_ = fs.WalkDir(b.fsys, directory.Folder, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(b.fsys, name)
		if err == nil {
			h.WriteString(name)
			h.WriteByte(0)
			h.Write(data)
			h.WriteByte(0)
		}
		return nil
	})
	return h.Sum64()
}

// errFull says that a change needs a whole build.
var errFull = errors.New("a whole build is needed")

// plan says what an incremental rebuild must read again: it forgets the
// changed Markdown files in the content cache, and returns errFull for a
// change it does not handle (templates, static files, site.yaml,
// search.yaml, attachments and other files under content/).
func (s *Session) plan(changed []string) error {
	b := s.b
	for _, c := range changed {
		abs, err := realPath(c)
		if err != nil {
			return errFull
		}
		rel, err := filepath.Rel(b.source, abs)
		if err != nil {
			return errFull
		}
		rel = filepath.ToSlash(rel)
		if !strings.HasPrefix(rel, content.Root+"/") || rel == config.File || rel == config.SearchFile {
			return errFull
		}
		s.cache.Forget(rel)
		info, err := os.Stat(abs)
		switch {
		case err == nil && info.IsDir():
			// A folder made, renamed or moved in: only Markdown files in it.
			if s.hasOtherFiles(rel) {
				return errFull
			}
		case strings.HasSuffix(rel, ".md"), strings.HasSuffix(rel, ".yaml") && (strings.HasPrefix(rel, directory.Folder+"/") || strings.HasPrefix(rel, content.Root+"/i18n/")):
		case errors.Is(err, fs.ErrNotExist):
			// A file or folder gone: fine if no attachment or other file
			// of the last build was there.
			for _, f := range b.content.Files {
				if under(path.Join(content.Root, f.Path), rel) {
					return errFull
				}
			}
			for _, p := range b.content.Pages {
				for _, a := range p.Attachments {
					if under(path.Join(content.Root, a.Path), rel) {
						return errFull
					}
				}
			}
		default:
			return errFull
		}
	}
	return nil
}

// loadedContent is a load of content/: the Site content.Load returned
// and the problems it reported.
type loadedContent struct {
	site  *content.Site
	diags diag.List
}

// keptContent returns the last build's load of content/ when the paths
// changed (as plan accepted them) are all in folders content.Load does
// not walk (the interface strings, the directory): loading again would
// read the same files into the same pages, with the same problems. Else,
// or when the last build's load cannot be taken again (builder.loaded),
// it returns nil.
func (s *Session) keptContent(changed []string) *loadedContent {
	if s.b.loaded == nil {
		return nil
	}
	for _, c := range changed {
		abs, err := realPath(c)
		if err != nil {
			return nil
		}
		rel, err := filepath.Rel(s.b.source, abs)
		if err != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if !under(rel, i18n.Folder) && !under(rel, directory.Folder) {
			return nil
		}
	}
	return s.b.loaded
}

// under reports whether file is dir or below it.
func under(file, dir string) bool { return file == dir || strings.HasPrefix(file, dir+"/") }

// hasOtherFiles reports whether the folder rel (source-relative) holds a
// file that is not Markdown, or a file that cannot be read.
func (s *Session) hasOtherFiles(rel string) bool {
	found := false
	err := fs.WalkDir(s.b.fsys, rel, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasSuffix(name, ".md") &&
			!(strings.HasSuffix(name, ".yaml") && strings.HasPrefix(name, directory.Folder+"/")) {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found || err != nil
}

// owners is a set of owners of files (pageOwner, extraOwner, owner*),
// for a few: a list while it is short.
type owners struct {
	few  []string
	many map[string]bool
}

func (s *owners) add(o string) {
	if s.many == nil && len(s.few) < 8 {
		s.few = append(s.few, o)
		return
	}
	if s.many == nil {
		s.many = make(map[string]bool, 16)
		for _, f := range s.few {
			s.many[f] = true
		}
	}
	s.many[o] = true
}

func (s *owners) has(o string) bool {
	if s.many != nil {
		return s.many[o]
	}
	return slices.Contains(s.few, o)
}

// incremental rebuilds after changed as the package comment above says.
// It returns errFull when the change needs a whole build.
func (s *Session) incremental(ctx context.Context, changed []string) (Result, error) {
	if err := s.plan(changed); err != nil {
		return Result{}, err
	}
	keep := s.keptContent(changed)
	start := time.Now()
	old, prev := s.b, s.state
	b := &builder{opts: old.opts, source: old.source, out: old.out, fsys: old.fsys, site: old.site,
		searchConf: old.searchConf, css: old.css, assets: old.assets, dict: old.dict, keepSources: true,
		workers: old.workers, ctx: ctx}
	b.imgs.m = old.imgs.m
	b.res = Result{Out: old.out, Pages: map[string]int{}, Languages: old.res.Languages}
	ib := &incBuild{seed: s.seed, written: map[string]string{}, prev: prev, cache: s.cache, large: &s.large}
	b.inc = ib
	b.reuse = keep
	b.begin()
	if err := b.reload(s.cache, old.renderer); err != nil {
		return b.finish(err)
	}
	b.end("load")
	if !slices.Equal(render.CallNumbers(b.site, b.providers), prev.phones) {
		return Result{}, errFull // every page's call links would change
	}
	b.renderer.SetAssets(b.assets)
	ib.renderer, ib.langKeys, ib.strKeys = b.renderer, b.langKeys(), b.stringKeys()
	ib.tagsChanged = changedTags(old.renderer, b.renderer, b.res.Languages)
	ib.export = b.renderer.DirectoryKey == old.renderer.DirectoryKey
	stale, moved, touched, edited, prevs := b.staleKeys(old.content.Pages, prev)
	sameExtras := samePaths(b.renderer.Extras(), old.renderer.Extras())
	ib.samePaths = sameExtras
	// A generated page keeps its key when render.SameExtra says so.
	olds := old.renderer.Extras()
	// Asked for every entry of every list page: a few files are compared
	// faster than looked up.
	isEdited := func(f string) bool { return edited[f] }
	entryChanged := isEdited // the edited pages whose list entry changed
	if len(edited) <= 8 {
		files := slices.Collect(maps.Keys(edited))
		isEdited = func(f string) bool { return slices.Contains(files, f) }
		// A weight, a tag or a body edited leaves the page's entry in
		// the lists (render.SameItem): the lists showing it, the A–Z
		// list first (every page's entry hashed), keep their keys.
		differ := slices.DeleteFunc(slices.Clone(files), func(f string) bool {
			p, q := b.content.ByFile(f), old.content.ByFile(f)
			return p != nil && q != nil && b.renderer.SameItem(p, old.renderer, q)
		})
		entryChanged = func(f string) bool { return slices.Contains(differ, f) }
	}
	ib.sameExtra = func(e *render.Extra) bool {
		i, ok := slices.BinarySearchFunc(olds, e.Path, func(o *render.Extra, path string) int { return strings.Compare(o.Path, path) })
		sk := strKeyOf{e.Lang, e.Layout}
		return ok && prev.langKeys[e.Lang] == ib.langKeys[e.Lang] && prev.strKeys[sk] == ib.strKeys[sk] && b.renderer.SameTranslations(e, old.renderer) &&
			render.SameExtra(e, olds[i], isEdited, entryChanged)
	}
	// What links may resolve to otherwise (nil: anything).
	var links *linkChange
	switch {
	case !moved && sameExtras:
		ib.world = prev.world // the same pages at the same paths
	case prev.world != 0:
		var h maphash.Hash
		h.SetSeed(s.seed)
		var ok bool
		if ib.world, links, ok = b.movedFew(old, &h, prev.world, edited, sameExtras); ok {
			break
		}
		fallthrough
	default:
		ib.world, links = b.linkWorld(s.seed), nil
	}
	relink := ib.world != prev.world
	b.inPlace, b.staging, b.pending = true, b.out, map[string][]byte{}

	pages := b.content.Pages
	arr := &s.arrays
	checked, analyzed := arr.take(len(pages))
	diags, errs, rendered, converted := arr.diags, arr.errs, arr.rendered, arr.converted
	keys, refs := arr.keys, arr.refs
	ib.setPhase(phasePages)
	b.forEach(len(pages), func(i int) {
		p := pages[i]
		checked[i].Page = p
		ps := prevs[i]
		ok := ps != nil
		if !ok {
			ps = &pageState{}
		}
		var kept *pageRecord // a conversion that stands, when its key changed
		if r := ps.record; r.reusable(b, p, relink && (links == nil || links.touches(b, r))) {
			checked[i].Links, checked[i].TOC, checked[i].Numbers = r.checkLinks.Links, r.checkLinks.TOC, r.checkLinks.Numbers
			checked[i].TitleKey = r.checkLinks.TitleKey // r.title is p.Title
			analyzed[i], diags[i] = r.analyzed, r.diags
			// prev.pages keeps r (newState).
			if ok && !stale[i] {
				keys[i], refs[i] = ps.key, ps.refs
				return
			}
			keys[i], refs[i] = b.pageKeyRefs(p, r)
			if ok && ps.key == keys[i] {
				return
			}
			kept = r
		}
		w := b.workers.Get().(*worker)
		defer b.workers.Put(w)
		var cv conversion
		if kept != nil {
			// Converted again for its HTML alone (records keep none):
			// its search terms are the record's (analyzed[i]), when the
			// conversion comes out as it did (below).
			cv = b.convertText(w, &checked[i])
		} else {
			cv = b.convert(w, &checked[i], &analyzed[i])
		}
		converted[i] = true
		checked[i].TitleKey = check.TitleKey(p.Title) // kept in the record
		ib.converted(b, &checked[i], &analyzed[i], cv)
		v, _ := ib.records.Load(p)
		r := v.(*pageRecord)
		if kept != nil && r.sum != kept.sum {
			analyzed[i] = b.analyze(w, p, cv.res)
			r.analyzed = analyzed[i]
		}
		diags[i] = cv.diags
		if cv.diags.HasErrors() {
			return
		}
		keys[i], refs[i] = b.pageKeyRefs(p, r)
		if ok && ps.key == keys[i] {
			return
		}
		rendered[i] = true
		diags[i], errs[i] = b.renderPage(p, cv)
	})
	if err := errors.Join(errs...); err != nil {
		return b.res, err
	}
	if err := ctx.Err(); err != nil {
		return b.res, err
	}
	for i, p := range pages {
		b.res.Diagnostics.Append(diags[i])
		if rendered[i] {
			b.res.Pages[p.Lang]++
		}
	}
	b.end("pages")
	b.warnUnlinked()
	// Each page's own checks again only for the pages converted, changed,
	// or linking one of those (its headings, URL, title, translations).
	for i, p := range pages {
		if converted[i] {
			touched[p.Path] = true
		}
	}
	// Asked for every link of every page: a few paths are compared
	// faster than looked up.
	isTouched := func(path string) bool { return touched[path] }
	if len(touched) <= 8 {
		paths := slices.Collect(maps.Keys(touched))
		isTouched = func(path string) bool { return slices.Contains(paths, path) }
	}
	again := arr.again
	for i, p := range pages {
		again[i] = converted[i] || isTouched(p.Path) || slices.ContainsFunc(checked[i].Links, func(ln markdown.Link) bool {
			path, _, _ := strings.Cut(ln.URL, "#")
			return isTouched(path)
		})
	}
	if prev.checks == nil {
		again = nil // every page
	}
	var (
		l   diag.List
		own map[string]diag.List
	)
	if b.reuse != nil && !relink && prev.checks != nil && prev.checkList != nil {
		// The last build's pages (keptContent), their links resolved
		// against the same site: the same check data (a page converted
		// again for its HTML alone converts as before), so the same
		// problems, site-wide too.
		l, own = *prev.checkList, prev.checks
	} else {
		l, own = check.RunAgain(b.site, checked, again, prev.checks)
	}
	ib.checks, ib.checkList = own, &l
	b.res.Diagnostics.Append(l)
	b.end("check")
	if b.res.Diagnostics.HasErrors() {
		return b.finish(ErrContent)
	}
	ib.setPhase(phaseExtras)
	counts := maps.Clone(b.res.Pages)
	extraDocs, err := b.writeExtras()
	if err != nil {
		return b.res, err
	}
	b.res.Pages = counts // only the pages rendered count
	// Which owners of the last build do not keep their files: the pages
	// and generated pages rendered again or gone, the site's own files,
	// the export when the directory changed, sitemap.xml when made again.
	// The others (pages and generated pages not rendered again, static
	// files, the search index until Settle) keep theirs. A few owners,
	// so that the files kept are told without a map of every owner.
	var redone owners
	for i, p := range pages {
		if rendered[i] {
			redone.add(ib.owner(p))
		}
	}
	for f := range edited {
		if b.content.ByFile(f) == nil {
			redone.add(f) // a page gone (pageOwner)
		}
	}
	extras := b.renderer.Extras()
	for _, e := range extras {
		if _, ok := ib.kept.Load(extraOwner(e)); !ok {
			b.res.Pages[e.Lang]++
			redone.add(extraOwner(e))
		}
	}
	for _, e := range olds { // both sorted by path
		if _, ok := slices.BinarySearchFunc(extras, e.Path, func(x *render.Extra, path string) int { return strings.Compare(x.Path, path) }); !ok {
			redone.add(extraOwner(e)) // gone
		}
	}
	b.end("extras")
	redone.add(ownerSite)
	if !ib.export {
		redone.add(ownerExport)
	}
	if !ib.keepsSitemap() { // decided now, for the aliases' check below
		redone.add(ownerSitemap)
	}
	kept := func(o string) bool { return !redone.has(o) }
	if b.outputs != nil {
		// Aliases are checked against every file of the site.
		for f, o := range prev.files {
			if kept(o) {
				b.outputs.add(f)
			}
		}
	}
	ib.setPhase(phaseSite)
	if err := b.writePrintouts(); err != nil {
		return b.res, err
	}
	if err := b.writeSiteFiles(); err != nil {
		return b.res, err
	}
	if b.res.Diagnostics.HasErrors() {
		return b.finish(ErrContent)
	}
	if err := ctx.Err(); err != nil {
		return b.res, err
	}
	b.end("site")
	st, gone := newState(b, prev, kept, keys, refs, prevs)
	written, err := b.flush(gone)
	if err != nil {
		return b.res, err
	}
	b.end("write")
	b.res.Files, b.res.Unchanged = written, len(b.pending)-written
	b.inPlace, b.staging, b.pending = false, "", nil
	b.checked, b.analyzed, b.extraDocs = checked, analyzed, extraDocs
	s.b, s.state, s.stale = b, st, true
	arr.recycle(old) // no longer read: s.b is b
	s.cache.Recycle(old.content)
	b.renderer.Recycle(old.renderer)
	b.res.Stages = append([]Stage{{Name: "incremental", Duration: time.Since(start)}}, b.res.Stages...)
	return b.finish(nil)
}

// reload loads what an incremental rebuild reads again: the interface
// strings, the directory and the content (through cache), and makes the
// renderer with the templates of parsed. site.yaml, search.yaml, the
// templates, the stylesheet and the static files are those of the last
// build.
func (b *builder) reload(cache *content.Cache, parsed *render.Renderer) error {
	b.res.Diagnostics.Append(b.checkBaseURL())
	catalog, err := b.loadSources(cache, 0)
	if err != nil {
		return err
	}
	return b.newRenderer(catalog, parsed)
}

// warnUnlinked warns about the files outside bundles that no page links.
func (b *builder) warnUnlinked() {
	for _, f := range b.content.Files {
		if _, ok := b.linked.Load(f.Path); !ok {
			b.res.Diagnostics.Add(diag.Warningf(diag.Position{File: path.Join(content.Root, f.Path)}, "no page links to this file, so it is not published").
				WithHint("link it from the page beside it: ![what it shows](%s) for an image, [title](%s) for a document; or put site-wide files in static/", path.Base(f.Path), path.Base(f.Path)))
		}
	}
}

// sameFile reports whether the file at name holds data, reading it through
// buf (not allocating a copy of a large file such as sitemap.xml, and not
// opening one whose size differs: one stat instead of open, stat and
// close, for most of the files a rebuild writes again), and whether there
// is a file at name.
func sameFile(name string, data, buf []byte) (same, there bool) {
	info, err := os.Stat(name)
	if err != nil {
		return false, false
	}
	if !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false, true
	}
	f, err := os.Open(name)
	if err != nil {
		return false, true
	}
	defer f.Close()
	return holds(f, data, buf), true
}

// holds reports whether r gives exactly data and then ends, reading it
// through buf (any length above 0); a read error gives false.
func holds(r io.Reader, data, buf []byte) bool {
	for {
		n, err := io.ReadFull(r, buf)
		if n > len(data) || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
		switch {
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return len(data) == 0
		case err != nil:
			return false
		}
	}
}

// flush writes the pending files whose bytes differ from those in the
// output folder, each through a temporary file and a rename, and deletes
// the files gone (and the folders they leave empty). It returns how many
// files it wrote.
func (b *builder) flush(gone []string) (int, error) {
	names := slices.Sorted(maps.Keys(b.pending))
	// In b.opts.Workers goroutines: a date edit rewrites thousands of
	// files, each a few system calls. Every file is written (no stop on
	// a cancelled context: the state already counts them).
	var written atomic.Int64
	var next atomic.Int64
	errs := make([]error, len(names))
	work := func() {
		buf := make([]byte, 64<<10)
		for {
			i := int(next.Add(1)) - 1
			if i >= len(names) {
				return
			}
			wrote, err := b.flushFile(names[i], buf)
			if wrote {
				written.Add(1)
			}
			if err != nil {
				errs[i] = err
				next.Store(int64(len(names))) // the others stop too
				return
			}
		}
	}
	if workers := min(b.opts.Workers, len(names)); workers > 1 {
		var wg sync.WaitGroup
		for range workers {
			wg.Go(work)
		}
		wg.Wait()
	} else {
		work()
	}
	if err := errors.Join(errs...); err != nil {
		return int(written.Load()), err
	}
	return int(written.Load()), b.removeGone(gone)
}

// flushFile writes the pending file name (a slash path) unless the file
// on disk holds its bytes, reading through buf, and reports whether it
// wrote it.
func (b *builder) flushFile(name string, buf []byte) (bool, error) {
	data := b.pending[name]
	rel := strings.TrimPrefix(name, "/")
	full := filepath.Join(b.out, filepath.FromSlash(rel))
	same, there := sameFile(full, data, buf)
	if same {
		return false, nil
	}
	if !there { // else its folder is there
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return false, err
		}
	}
	tmp := full + ".loa-tmp"
	if err := writeNew(tmp, data); err != nil {
		return false, err
	}
	if err := os.Rename(tmp, full); err != nil {
		return false, err
	}
	return true, nil
}

// removeGone deletes the files gone (slash paths) and the folders they
// leave empty.
func (b *builder) removeGone(gone []string) error {
	for _, f := range gone {
		full := filepath.Join(b.out, filepath.FromSlash(f))
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		// Folders left empty go too (os.Remove fails on the others).
		for d := filepath.Dir(full); d != b.out && strings.HasPrefix(d, b.out+string(filepath.Separator)); d = filepath.Dir(d) {
			if os.Remove(d) != nil {
				break
			}
		}
	}
	return nil
}
