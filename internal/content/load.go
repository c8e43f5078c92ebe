package content

import (
	"cmp"
	"hash/crc64"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unsafe"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/fold"
	"github.com/loa-ssg/loa/internal/textfile"

	"golang.org/x/text/unicode/norm"
)

// Root is the content folder, relative to the site's source folder.
const Root = "content"

// Options control Load. The zero value loads published pages serially.
type Options struct {
	// Drafts includes pages whose front matter says draft: true.
	Drafts bool
	// Skip lists content-relative folders that hold data, not pages
	// ("support/services"); they are not walked.
	Skip []string
	// ForEach runs fn(i) for every i in [0, n), possibly in parallel, and
	// returns when all have returned. Nil means a plain loop.
	ForEach func(n int, fn func(i int))
	// Now is the time of the build: a published page dated after it gets a
	// warning. Zero means no such check.
	Now time.Time
	// Cache, when set, keeps each file as read for the next Load, which
	// then reads only the files it does not have (see Cache.Forget).
	Cache *Cache
	// Reuse, when set, is asked about each Markdown file the walk finds
	// (its source-relative path) before Load reads it: when it returns
	// true, Load makes the page from what it returns (an earlier Load's
	// Parsed of the same file, as Keep got it) without reading the file.
	// Such a page's Text and Body are nil; Page.ReadText reads them,
	// checking that the text still has the checksum Parsed.Sum. Reuse must
	// answer true only for a file it knows unchanged since (loa build's
	// cache: its size, times and inode), read with the same site.yaml.
	Reuse func(file string) (Parsed, bool)
	// Keep, when set, gets what Load read from each file it read (not
	// those Reuse gave), for a later Load's Reuse.
	Keep func(file string, p Parsed)
	// HoldText is the most page files whose text Load keeps. When the site
	// has more, Load lets each page's Text and Body go once its front
	// matter is read (they are nil in the pages returned), so that memory
	// does not grow with the text of the whole site, and the caller reads
	// them again with Page.ReadText. 0 means no limit.
	HoldText int
	// LettingGo, when set, is called once before the files are read when
	// Load is to let their text go (HoldText), so that the caller can
	// prepare for a large site (loa build gives its collector more room).
	LettingGo func()
}

// Site is the loaded content: every page in every language.
type Site struct {
	// Pages holds every page, sorted by source file.
	Pages []*Page
	// Homes maps a language code to its home page, when it has one.
	Homes map[string]*Page
	// Files are the other files outside page bundles (an image beside a
	// single-file page), by content-relative path. A page that links one
	// gets it published beside it; the build reports those no page links.
	Files []Attachment
	// byFile maps a source file to its page in NFC, made on the first
	// ByFile when nfd says that some page's File is not in NFC (else
	// ByFile finds the page in Pages, sorted by File, without a map).
	byFile     map[string]*Page
	byFileOnce sync.Once
	nfd        bool
	// loose indexes Files by their path in NFC.
	loose map[string]Attachment
	// slabs hold the pages a Load through a Cache copied from it
	// (Cache.Recycle).
	slabs [][]Page
	// conf is the site.yaml the pages were placed with; clean says that
	// pairing and placing them reported nothing (placeLike).
	conf  *config.Site
	clean bool
	// likePrev says that Load placed the pages as those of the last
	// Load (placeLike), for tests.
	likePrev bool
}

// File returns the one of Files at rel (content-relative, "news/anh.jpg";
// names compare in NFC, as links and pages do).
func (s *Site) File(rel string) (Attachment, bool) {
	a, ok := s.loose[norm.NFC.String(rel)]
	return a, ok
}

// ByFile returns the page read from file (a slash-separated path relative
// to the source folder, "content/plan/_index.vi.md"), or nil.
func (s *Site) ByFile(file string) *Page {
	file = norm.NFC.String(file)
	if !s.nfd {
		i, ok := slices.BinarySearchFunc(s.Pages, file, func(p *Page, file string) int { return strings.Compare(p.File, file) })
		if ok {
			return s.Pages[i]
		}
		return nil
	}
	s.byFileOnce.Do(func() {
		s.byFile = make(map[string]*Page, len(s.Pages))
		for _, p := range s.Pages {
			s.byFile[norm.NFC.String(p.File)] = p
		}
	})
	return s.byFile[file]
}

// pathMaps holds the emptied maps of URL paths that Site.place made, for
// the next Load (loa serve loads the site again at every rebuild): a map
// of 20,000 paths made anew took memory the system had to hand over
// again.
var pathMaps sync.Pool // of map[string]*Page, empty

// slabPages is how many pages Load copies from its Cache into one
// allocation: arrays of at most 8 KiB. One array for all the pages (10 MB
// at 20,000 pages) is a large object: the heap grows for it, into memory
// the system must hand over page by page, and as much is given back
// elsewhere, which cost a rebuild of loa serve more than the copies
// themselves (BenchmarkRebuildTitle at 10,000 pages per language). The
// arrays of a Site no longer read are used again (Cache.Recycle).
const slabPages = 8192 / int(unsafe.Sizeof(Page{}))

// file is one Markdown file found by the walk.
type file struct {
	path   string // source-relative, "content/plan/x.vi.md"
	lang   string
	kind   Kind
	dir    string // content-relative folder of the page (bundle folder for bundles)
	name   string // file stem or bundle folder name, for the default slug
	bundle bool
}

// Load walks content/ in fsys (the site's source folder) and returns its
// pages. I/O failures are returned as the error; problems with the content
// as diagnostics. Pages with errors are left out of the Site.
func Load(fsys fs.FS, site *config.Site, opts Options) (*Site, diag.List, error) {
	files, attachments, loose, l, err := walkCached(opts.Cache, fsys, site, opts)
	if err != nil {
		return nil, l, err
	}
	forEach := opts.ForEach
	if forEach == nil {
		forEach = func(n int, fn func(int)) {
			for i := range n {
				fn(i)
			}
		}
	}
	pages := make([]*Page, len(files))
	diags := make([]diag.List, len(files))
	errs := make([]error, len(files))
	letGo := opts.HoldText > 0 && len(files) > opts.HoldText
	if letGo && opts.LettingGo != nil {
		opts.LettingGo()
	}
	slabs := opts.Cache.slabs(len(files))       // the copies of the pages the cache holds
	slots, forgets := opts.Cache.byOrder(files) // what the cache holds or is given, by file
	forEach(len(files), func(i int) {
		if opts.Reuse != nil {
			if pd, ok := opts.Reuse(files[i].path); ok {
				pages[i], diags[i] = pd.page(files[i])
				return
			}
		}
		if opts.Keep != nil {
			var pd Parsed
			pages[i], diags[i], pd, errs[i] = readParsed(fsys, site, files[i])
			if errs[i] == nil {
				opts.Keep(files[i].path, pd)
			}
		} else {
			var (
				into *Page
				slot *cachedFile
			)
			if slabs != nil {
				into, slot = &slabs[i/slabPages][i%slabPages], &slots[i]
			}
			pages[i], diags[i], errs[i] = readCached(opts.Cache, fsys, site, files[i], into, slot)
		}
		if letGo && pages[i] != nil {
			pages[i].letGoText() // a copy when cached: the cache keeps its text
		}
	})
	for i := range files {
		if errs[i] != nil {
			return nil, l, errs[i]
		}
		l.Append(diags[i])
	}
	opts.Cache.keepOrder(slots, forgets)
	published := pages[:0]
	drafts := map[string][]string{} // Key → languages left out as drafts
	for _, p := range pages {
		switch {
		case p == nil:
		case opts.Drafts || !p.Draft:
			published = append(published, p)
		default:
			drafts[p.Key] = append(drafts[p.Key], p.Lang)
		}
	}
	for _, p := range published {
		for _, lang := range site.Languages {
			if slices.Contains(drafts[p.Key], lang.Code) {
				p.DraftLangs = append(p.DraftLangs, lang.Code)
			}
		}
		if !opts.Now.IsZero() && !p.Draft && p.Date.After(opts.Now) {
			l.Add(diag.Warningf(p.At("date"), "the date %s is in the future, but the page is published now, showing that date",
				p.Date.In(site.Location).Format("2006-01-02 15:04")).
				WithHint("check the date: write the day the news was published (today is %s)", opts.Now.In(site.Location).Format("2006-01-02")))
		}
	}
	slices.SortFunc(published, func(a, b *Page) int { return cmp.Compare(a.File, b.File) })
	s := &Site{Pages: published, Homes: map[string]*Page{}, Files: loose, loose: map[string]Attachment{}, slabs: slabs}
	for _, f := range loose {
		s.loose[norm.NFC.String(f.Path)] = f
	}
	for i, p := range s.Pages {
		p.order = int32(i)
		s.nfd = s.nfd || !norm.NFC.IsNormalString(p.File)
		if p.Kind == KindHome {
			s.Homes[p.Lang] = p
		}
		if p.IsBundle() {
			p.Attachments = attachments[p.Dir]
		}
	}
	prev := opts.Cache.lastSite()
	if !s.placeLike(prev, site) {
		placed := s.pair(site)
		placed.Append(s.place(site, prev))
		s.conf, s.clean = site, len(placed) == 0
		l.Append(placed)
	}
	opts.Cache.keepSite(s)
	return s, l, nil
}

// walk lists the Markdown files under content/, each bundle's attachments
// and the other files.
func walk(fsys fs.FS, site *config.Site, opts Options) ([]file, map[string][]Attachment, []Attachment, diag.List, error) {
	var (
		files       []file
		loose       []Attachment
		l           diag.List
		attachments = map[string][]Attachment{}
		bundles     = map[string]bool{}
	)
	skip := map[string]bool{"i18n": true}
	for _, s := range opts.Skip {
		skip[s] = true
	}
	walked := &readDirOnce{FS: fsys}
	err := fs.WalkDir(walked, Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, Root), "/")
		base := d.Name()
		if p != Root && (strings.HasPrefix(base, ".") || (base[0] == '_' && !strings.HasPrefix(base, "_index."))) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if skip[rel] {
				return fs.SkipDir
			}
			if p != Root && strings.HasSuffix(strings.ToLower(base), ".md") {
				// A page's file replaced by a folder of its name: read as
				// a folder, its page would vanish without a word.
				l.Add(diag.Errorf(diag.Position{File: p}, "this is a folder, but its name ends in .md like a page's file, so it is not read as a page").
					WithHint("if it holds other files, give the folder a name without .md; if it should be a page, first move what is inside it elsewhere, then delete the folder and save the page as a file with this name"))
				return fs.SkipDir
			}
			if p != Root && isBundleDir(walked, p) {
				bundles[rel] = true
			}
			return nil
		}
		dir := path.Dir(rel)
		if dir == "." {
			dir = ""
		}
		if bundle := enclosingBundle(bundles, dir); bundle != "" {
			if isIndex(base) && dir == bundle {
				f, d := classify(p, rel, site)
				if d != nil {
					l.Add(*d)
				} else {
					files = append(files, f)
				}
			} else if strings.HasSuffix(base, ".md") {
				l.Add(diag.Errorf(diag.Position{File: p}, "this Markdown file is inside the page bundle %q, so it is not a page of its own", bundle).
					WithHint("move it out of the bundle folder, or rename it if it is an attachment"))
			} else {
				info, err := d.Info()
				if err != nil {
					return err
				}
				attachments[norm.NFC.String(bundle)] = append(attachments[norm.NFC.String(bundle)], Attachment{Path: rel, Name: norm.NFC.String(base), Size: info.Size()})
			}
			return nil
		}
		switch {
		case rel == "site.yaml", path.Join(Root, rel) == config.SearchFile:
			// Read by config, not published.
		case strings.HasSuffix(base, ".md"):
			f, d := classify(p, rel, site)
			if d != nil {
				l.Add(*d)
			} else {
				files = append(files, f)
			}
		default:
			info, err := d.Info()
			if err != nil {
				return err
			}
			loose = append(loose, Attachment{Path: rel, Name: norm.NFC.String(base), Size: info.Size()})
		}
		return nil
	})
	return files, attachments, loose, l, err
}

// readDirOnce is a file system whose ReadDir gives the listing it read
// last once more, without reading the folder again: WalkDir lists the
// folder isBundleDir has just listed (a section of 10,000 pages was read
// twice).
type readDirOnce struct {
	fs.FS
	name    string
	entries []fs.DirEntry
}

// ReadDir is fs.ReadDir of the file system below, or the listing of name
// kept from the call before.
func (f *readDirOnce) ReadDir(name string) ([]fs.DirEntry, error) {
	if f.entries != nil && name == f.name {
		entries := f.entries
		f.name, f.entries = "", nil
		return entries, nil
	}
	entries, err := fs.ReadDir(f.FS, name)
	if err == nil {
		f.name, f.entries = name, entries
	}
	return entries, err
}

func isBundleDir(fsys fs.FS, dir string) bool {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && isIndex(e.Name()) {
			return true
		}
	}
	return false
}

func enclosingBundle(bundles map[string]bool, dir string) string {
	for d := dir; d != ""; d = parentDir(d) {
		if bundles[d] {
			return d
		}
	}
	return ""
}

// isIndex reports whether a file name (or path) is a bundle's index.<lang>.md.
func isIndex(name string) bool {
	base := path.Base(name)
	return base == "index.md" || (strings.HasPrefix(base, "index.") && strings.HasSuffix(base, ".md") && strings.Count(base, ".") == 2)
}

// unknownLanguage is the error for a Markdown file whose name ends in
// ".<code>.md" with a code the site does not have (name is the part
// before it). The hint names the file as it should be: with the site's
// language the code most likely meant (writers type "EN", "eng",
// "english" or the country's code "vn"), else with each of the site's
// codes; a code that is no word ("v1.2.md": a dot inside the name) gets
// "-" for the dot.
func unknownLanguage(p, name, code string, site *config.Site) diag.Diagnostic {
	var codes []string
	for _, l := range site.Languages {
		codes = append(codes, l.Code)
	}
	d := diag.Errorf(diag.Position{File: p}, "the file name says language %q, but the site's languages are %s", code, strings.Join(codes, ", "))
	if meant := meantLanguage(code, site); meant != "" {
		return d.WithHint("did you mean %s? Name the file %s.%s.md", meant, name, meant)
	}
	if strings.IndexFunc(code, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) >= 0 || len(code) > 12 {
		return d.WithHint("a dot before .md marks the language: write %s-%s.md (a \"-\" for the dot), or %s.%s.%s.md", name, code, name, code, site.Default())
	}
	var names []string
	for _, c := range codes {
		names = append(names, name+"."+c+".md")
	}
	return d.WithHint("name the file as one of: %s", strings.Join(names, ", "))
}

// countryLanguages maps the country codes a writer types for a language
// (ISO 3166-1) to that language's code (ISO 639-1).
var countryLanguages = map[string]string{"vn": "vi", "gb": "en", "uk": "en", "us": "en"}

// meantLanguage returns the site's language code that code most likely
// means, or "": the same letters in another case, a code or name it
// begins or that begins it ("eng", "english", "viet"), a country's code,
// or a code one letter away.
func meantLanguage(code string, site *config.Site) string {
	low := strings.ToLower(code)
	if c, ok := countryLanguages[low]; ok && site.Language(c) != nil {
		return c
	}
	var codes []string
	for _, l := range site.Languages {
		lc, ln := strings.ToLower(l.Code), strings.ToLower(l.Name)
		if low == lc || (len(low) >= 2 && (strings.HasPrefix(low, lc) || strings.HasPrefix(ln, low))) {
			return l.Code
		}
		codes = append(codes, l.Code)
	}
	return diag.Suggest(low, codes)
}

// classify reads what a Markdown file is from its path. Names are
// normalized to NFC, so that a file named in decomposed Unicode (as some
// systems write them) pairs with its translation and gets the same slug.
func classify(p, rel string, site *config.Site) (file, *diag.Diagnostic) {
	rel = norm.NFC.String(rel)
	base := path.Base(rel)
	stem := strings.TrimSuffix(base, ".md")
	lang := site.Default()
	if i := strings.LastIndexByte(stem, '.'); i >= 0 {
		code := stem[i+1:]
		if site.Language(code) == nil {
			d := unknownLanguage(p, stem[:i], code, site)
			return file{}, &d
		}
		lang, stem = code, stem[:i]
	}
	dir := path.Dir(rel)
	if dir == "." {
		dir = ""
	}
	f := file{path: p, lang: lang, dir: dir, name: stem}
	switch {
	case stem == "_index" && dir == "":
		f.kind = KindHome
	case stem == "_index":
		f.kind = KindSection
		f.name = path.Base(dir)
	case stem == "index" && dir != "":
		f.bundle = true
		f.name = path.Base(dir)
	default:
		f.dir = dir
	}
	return f, nil
}

// read loads one file into a Page, or returns nil and diagnostics.
func read(fsys fs.FS, site *config.Site, f file) (*Page, diag.List, error) {
	p, l, _, err := readParsed(fsys, site, f)
	return p, l, err
}

// Parsed is what Load reads from a Markdown file, as Options.Keep gets
// it and Options.Reuse gives it back: enough to make the page again
// without the file. Failed says the file had errors (no page).
type Parsed struct {
	FrontMatter FrontMatter
	Slug        string
	BodyOffset  int
	// Sum is Checksum of the file's normalized text.
	Sum    uint64
	Diags  diag.List
	Failed bool
}

// Checksum is the checksum of a page's normalized text that Parsed.Sum
// holds: CRC-64 (ECMA), its length in the top bits.
func Checksum(text []byte) uint64 {
	return crc64.Checksum(text, crcTable) ^ uint64(len(text))<<48
}

var crcTable = crc64.MakeTable(crc64.ECMA)

// readParsed is read, returning what it read as a Parsed too.
func readParsed(fsys fs.FS, site *config.Site, f file) (*Page, diag.List, Parsed, error) {
	text, asIs, d, err := textfile.ReadAsIs(fsys, f.path)
	if err != nil {
		return nil, nil, Parsed{}, err
	}
	if d != nil {
		return nil, diag.List{*d}, Parsed{Diags: diag.List{*d}, Failed: true}, nil
	}
	fm, slug, bodyOff, l := parseFrontMatter(f.path, text, site.Location)
	if len(l) > 0 {
		l.FillSources(diag.NewLineIndex(f.path, text))
	}
	if !fm.Draft && !l.HasErrors() {
		if u := unfinished(f, fm, site); len(u) > 0 {
			// (a line index only when there is something to show:
			// making one for every page was 1 % of a cold build)
			l.Append(u)
			l.FillSources(diag.NewLineIndex(f.path, text))
		}
	}
	pd := Parsed{FrontMatter: fm, Slug: slug, BodyOffset: bodyOff, Sum: Checksum(text), Diags: l, Failed: l.HasErrors()}
	p, l := pd.page(f)
	if p != nil {
		p.Text, p.Body, p.asIs = text, text[bodyOff:], asIs
	}
	return p, l, pd, nil
}

// page makes the page of f from pd, without its text (nil and the
// diagnostics when pd failed or the slug cannot be made).
func (pd Parsed) page(f file) (*Page, diag.List) {
	l := slices.Clone(pd.Diags)
	if pd.Failed {
		return nil, l
	}
	fm := pd.FrontMatter
	p := &Page{
		Kind: f.kind, Lang: f.lang, File: f.path, Dir: f.dir,
		FrontMatter: fm, BodyOffset: pd.BodyOffset, sum: pd.Sum,
	}
	switch {
	case f.kind == KindHome:
		p.Key = ""
	case f.kind == KindSection, f.bundle:
		p.Key = f.dir
	default:
		p.Key = path.Join(f.dir, f.name)
	}
	if fm.TranslationKey != "" {
		p.Key = "key:" + fm.TranslationKey
	}
	if f.kind != KindHome {
		p.Slug = pd.Slug
		if p.Slug == "" {
			p.Slug = fold.Slug(f.name)
		}
		if p.Slug == "" {
			l.Add(diag.Errorf(fm.Pos, "no URL slug can be made from the file name %q", f.name).
				WithHint("add slug: … to the front matter"))
			return nil, l
		}
	}
	return p, l
}

// unfinished reports a page that is published (not a draft) but still as
// loa new wrote it: a translation whose title is still the placeholder
// "<title> (<language name>)". (A page with no text is package check's
// rule empty-page.)
func unfinished(f file, fm FrontMatter, site *config.Site) diag.List {
	var l diag.List
	if lang := site.Language(f.lang); lang != nil && f.lang != site.Default() && strings.HasSuffix(fm.Title, " ("+lang.Name+")") {
		pos := fm.At("title")
		l.Add(diag.Errorf(pos, "the title %q is still the placeholder that loa new wrote", fm.Title).
			WithHint("translate the title and the text into %s, or keep draft: true until the translation is done", lang.Name))
	}
	return l
}

// pair links translations: pages with the same Key in different languages.
func (s *Site) pair(site *config.Site) diag.List {
	// The pages in one array, grouped by key, each group in the order of
	// s.Pages: pages sorted by file mostly have their translations next
	// to them, so the sort has little to do, and no map or slice is made
	// per key.
	pages := slices.Clone(s.Pages)
	index := make([]int32, len(pages))
	for i := range index {
		index[i] = int32(i)
	}
	slices.SortFunc(index, func(a, b int32) int {
		if c := strings.Compare(s.Pages[a].Key, s.Pages[b].Key); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for i, j := range index {
		pages[i] = s.Pages[j]
	}
	order := func(lang string) int {
		for i, l := range site.Languages {
			if l.Code == lang {
				return i
			}
		}
		return 0
	}
	type found struct {
		first int32 // the group's first page in s.Pages
		d     diag.Diagnostic
	}
	var dups []found
	for lo := 0; lo < len(pages); {
		hi := lo + 1
		for hi < len(pages) && pages[hi].Key == pages[lo].Key {
			hi++
		}
		g := pages[lo:hi:hi]
		first := index[lo]
		lo = hi
		slices.SortStableFunc(g, func(a, b *Page) int { return cmp.Compare(order(a.Lang), order(b.Lang)) })
		kept := g[:0]
		for i, p := range g {
			if i > 0 && g[i-1].Lang == p.Lang {
				dups = append(dups, found{first, diag.Errorf(p.FrontMatter.Pos, "this page and %s are both the %s version of the same page", g[i-1].File, p.Lang).
					WithHint("give one of them a different translation_key, or remove one")})
				continue
			}
			kept = append(kept, p)
		}
		kept = kept[:len(kept):len(kept)]
		for _, p := range kept {
			p.Translations = kept
		}
	}
	// In the order of the groups' first pages, as they were found.
	slices.SortStableFunc(dups, func(a, b found) int { return cmp.Compare(a.first, b.first) })
	var l diag.List
	for _, d := range dups {
		l.Add(d.d)
	}
	return l
}

// place gives every page its parent, URL path and children, and reports
// pages that would be written to the same URL. prev, when not nil, is an
// earlier Load of the same site (Cache.lastSite), whose lists give the
// sort of each section's children its starting order (childrenFrom).
func (s *Site) place(site *config.Site, prev *Site) diag.List {
	m := s.match(prev)
	type langDir struct{ lang, dir string }
	sections := map[langDir]*Page{}
	for _, p := range s.Pages {
		if p.Kind != KindPage {
			sections[langDir{p.Lang, p.Dir}] = p
		}
	}
	segment := func(lang, dir string) string {
		if sec := sections[langDir{lang, dir}]; sec != nil {
			return sec.Slug
		}
		return fold.Slug(path.Base(dir))
	}
	makePrefix := func(lang, dir string) string {
		var parts []string
		for d := dir; d != ""; d = parentDir(d) {
			parts = append(parts, segment(lang, d))
		}
		slices.Reverse(parts)
		out := site.LangPrefix(lang)
		for _, part := range parts {
			out += part + "/"
		}
		return out
	}
	// The URL path of a folder, made once per folder and language.
	prefixes := map[langDir]string{}
	prefix := func(lang, dir string) string {
		if out, ok := prefixes[langDir{lang, dir}]; ok {
			return out
		}
		out := makePrefix(lang, dir)
		prefixes[langDir{lang, dir}] = out
		return out
	}
	var l diag.List
	byPath, ok := pathMaps.Get().(map[string]*Page)
	if !ok {
		byPath = make(map[string]*Page, len(s.Pages))
	}
	defer func() {
		clear(byPath) // no page kept alive by the pool
		pathMaps.Put(byPath)
	}()
	for _, p := range s.Pages {
		sectionDir := p.Dir
		switch p.Kind {
		case KindHome:
			p.Path = site.LangPrefix(p.Lang)
		case KindSection:
			p.Path = prefix(p.Lang, p.Dir)
			sectionDir = parentDir(p.Dir)
		default:
			if p.IsBundle() {
				sectionDir = parentDir(p.Dir)
			}
			pre := prefix(p.Lang, sectionDir)
			if q := m.old(p); q != nil && len(q.Path) == len(pre)+len(p.Slug)+1 && strings.HasPrefix(q.Path, pre) &&
				q.Path[len(pre):len(q.Path)-1] == p.Slug {
				p.Path = q.Path // the same string: no copy, and compared by its pointer first
			} else {
				p.Path = pre + p.Slug + "/"
			}
		}
		if other := byPath[p.Path]; other != nil {
			pos := p.At("slug")
			l.Add(diag.Errorf(pos, "this page and %s would both be published at %s", other.File, p.Path).
				WithHint("give one of them a different slug in its front matter"))
			continue
		}
		byPath[p.Path] = p
		if p.Kind == KindHome {
			continue
		}
		for d := sectionDir; ; d = parentDir(d) {
			if sec := sections[langDir{p.Lang, d}]; sec != nil && sec != p {
				p.Parent = sec
				sec.Children = append(sec.Children, p)
				break
			}
			if d == "" {
				break
			}
		}
	}
	from := m.childrenFrom()
	for _, p := range s.Pages {
		if len(p.Children) < 2 {
			continue
		}
		if from != nil {
			from(p)
		}
		// compareForList is a total order (no two pages share a path), so
		// the faster unstable sort gives the one result, whatever the
		// order it starts from: from the last Load's, nearly sorted, it
		// has little to do.
		slices.SortFunc(p.Children, compareForList)
	}
	for _, p := range s.Pages {
		for _, a := range p.Aliases {
			at := AliasPath(site, a.Value)
			if other := byPath[at]; other != nil {
				l.Add(diag.Errorf(a.Pos, "alias %s is the address of %s", a.Value, other.File).
					WithHint("remove the alias, or change that page's slug"))
				continue
			}
			byPath[at] = p
		}
	}
	return l
}

// matched pairs the pages of a Load with those of an earlier one, by
// source file.
type matched struct {
	s, prev *Site
	newOf   []*Page // by index in prev.Pages: the page of s, or nil
	oldOf   []int32 // by index in s.Pages: the index in prev.Pages, or -1
}

// match pairs the pages of s with those of prev by source file (both
// Pages are sorted by it), so that no map is made; nil when prev is nil.
func (s *Site) match(prev *Site) *matched {
	if prev == nil || prev == s {
		return nil
	}
	m := &matched{s: s, prev: prev, newOf: make([]*Page, len(prev.Pages)), oldOf: make([]int32, len(s.Pages))}
	for i, j := 0, 0; i < len(s.Pages); {
		switch {
		case j == len(prev.Pages) || s.Pages[i].File < prev.Pages[j].File:
			m.oldOf[i] = -1
			i++
		case s.Pages[i].File > prev.Pages[j].File:
			j++
		default:
			m.newOf[j], m.oldOf[i] = s.Pages[i], int32(j)
			i++
			j++
		}
	}
	return m
}

// old returns the earlier version of p, a page of m.s, or nil (also for
// a nil m).
func (m *matched) old(p *Page) *Page {
	if m == nil || m.oldOf[p.order] < 0 {
		return nil
	}
	return m.prev.Pages[m.oldOf[p.order]]
}

// childrenFrom returns a function that puts a page's Children (in the
// order place found them) in the order of its earlier version's, the
// children that had none after them; nil for a nil m.
func (m *matched) childrenFrom() func(p *Page) {
	if m == nil {
		return nil
	}
	prev := m.prev
	placed := make([]bool, len(m.s.Pages))
	var out []*Page
	return func(p *Page) {
		q := m.old(p)
		if q == nil {
			return
		}
		out = out[:0]
		for _, c := range q.Children {
			if int(c.order) >= len(prev.Pages) || prev.Pages[c.order] != c {
				return // not prev's page: keep the order found
			}
			if n := m.newOf[c.order]; n != nil && n.Parent == p && !placed[n.order] {
				placed[n.order] = true
				out = append(out, n)
			}
		}
		for _, c := range p.Children {
			if !placed[c.order] {
				placed[c.order] = true
				out = append(out, c)
			}
		}
		if len(out) == len(p.Children) {
			copy(p.Children, out)
		}
	}
}

// AliasPath returns the URL path an alias redirects from: the alias under
// the site's base path, ending in "/" unless it names a file ("x.html").
func AliasPath(site *config.Site, alias string) string {
	p := site.BasePath + strings.TrimPrefix(alias, "/")
	if !strings.HasSuffix(p, "/") && path.Ext(p) != ".html" {
		p += "/"
	}
	return p
}

// compareForList orders pages for lists: weight (unset last), then date
// newest first, then title, then path, then source file (for pages place
// did not keep, whose path another page has).
func compareForList(a, b *Page) int {
	wa, wb := a.Weight, b.Weight
	if wa == 0 {
		wa = int(^uint(0) >> 1)
	}
	if wb == 0 {
		wb = int(^uint(0) >> 1)
	}
	// Each comparison only when those before tie (cmp.Or would make
	// them all: this is the comparison of every sort of every list).
	if c := cmp.Compare(wa, wb); c != 0 {
		return c
	}
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	if c := strings.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	return strings.Compare(a.File, b.File)
}

func parentDir(d string) string {
	if i := strings.LastIndexByte(d, '/'); i >= 0 {
		return d[:i]
	}
	return ""
}
