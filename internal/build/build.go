package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/loa-ssg/loa/internal/check"
	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/directory"
	"github.com/loa-ssg/loa/internal/i18n"
	"github.com/loa-ssg/loa/internal/render"
	"github.com/loa-ssg/loa/internal/search"
	"github.com/loa-ssg/loa/internal/textfile"
	"github.com/loa-ssg/loa/static"
	"github.com/loa-ssg/loa/templates"
)

// ErrContent is returned (wrapped) when the content has errors; the
// diagnostics are in the Result and nothing was written.
var ErrContent = errors.New("the site has errors")

// notKept is an error of Run after which the output folder is not as it
// was before the build: a warm build's changes could be neither finished
// nor undone (the next build puts the output back from the journal).
type notKept struct{ error }

func (e notKept) Unwrap() error { return e.error }

// OutputKept reports whether the output folder is as it was before the
// build that returned err, a non-nil error of Run: true for every error
// but a warm build's commit that could be neither finished nor undone.
func OutputKept(err error) bool {
	var n notKept
	return !errors.As(err, &n)
}

// Result reports a build.
type Result struct {
	// Diagnostics holds every error and warning, sorted.
	Diagnostics diag.List
	// Pages counts the HTML pages written per language code.
	Pages map[string]int
	// Languages lists the site's language codes, default first.
	Languages []string
	// ContentPages counts the content pages read, every language: the
	// .md files, drafts only with Options.Drafts. Pages counts these and
	// the pages made from them (topic pages, the directory's pages, the
	// A–Z list, the search page).
	ContentPages int
	// Files counts every file written.
	Files int
	// Needed is set when the disk filled up (DiskFull) while a build
	// that writes the whole site (not a warm one) wrote it: about how
	// many bytes the whole site takes there, each file rounded up to
	// 4 KiB blocks and each index.html with a folder of its own. The
	// build went on to the end without writing, to count them. It is 0
	// otherwise, and when the build stopped for another reason first.
	Needed int64
	// Unchanged counts the files whose bytes were the same as in the
	// previous output: they were kept (hard-linked), with their old
	// modification time.
	Unchanged int
	// Out is the absolute output folder.
	Out string
	// Stages holds wall time per stage: "load", "render", "write".
	Stages []Stage
	// Images counts the photos made smaller (see MaxImageWidth), each
	// once, and ImageBytes their bytes before and after. A build with the
	// build cache counts those of the pages it did not render again too,
	// so that it says what a whole build says.
	Images     int
	ImageBytes [2]int64
}

// Stage is the wall time one stage of the build took.
type Stage struct {
	Name     string
	Duration time.Duration
}

// Run builds the site described by opts. It returns ErrContent when the
// content has errors (see Result.Diagnostics), an *OptionError for a
// mistake in opts (an unsafe Out, a bad BaseURL, a Source that is no site),
// and any other error for a failure of the system (I/O, permissions). On
// any error the previous output is untouched.
func Run(ctx context.Context, opts Options) (Result, error) {
	b, err := newBuilder(opts)
	if err != nil {
		return Result{}, err
	}
	return b.run(ctx)
}

type builder struct {
	opts        Options
	source, out string
	fsys        fs.FS
	res         Result
	site        *config.Site
	// configText holds the text of site.yaml and search.yaml as load read
	// them (by config.File, config.SearchFile; "" for a missing
	// search.yaml), for the cache's keys (globalKey, loadKey): hashing
	// the files read again later would key a cache with a file saved
	// while the build ran, not the one it was built from.
	configText map[string]string
	content    *content.Site
	renderer   *render.Renderer
	providers  []*directory.Provider
	css        stylesheet
	assets     map[string]string // static file → URL of its hashed copy
	published  published         // what links by site path may name
	imgs       images            // photos as published, made once per build
	imgBefore  atomic.Int64      // bytes of the photos made smaller...
	imgAfter   atomic.Int64      // ...and of what was published instead
	imgCount   atomic.Int64
	linked     sync.Map // content-relative paths of Files some page links
	// What the last write kept for Session: per page, the cross-page check
	// data and the search terms; per generated page, its search terms.
	checked      []check.Page
	analyzed     []search.Analyzed
	extraDocs    []*search.Analyzed
	dict         *search.Dict      // numbers the search terms of analyzed and extraDocs
	searchConf   *config.Search    // content/search.yaml
	posts        postsOut          // the search postings to keep in the cache (cachepost.go)
	workers      *sync.Pool        // of *worker
	keepSources  bool              // pages keep Text and Body after the checks (Session)
	inPlace      bool              // write files into the output folder itself (Session)
	pending      map[string][]byte // when set, writeFile keeps files here instead (Session)
	pendingMu    sync.Mutex
	inc          *incBuild // what Session keeps and reuses of a build (nil for Run)
	staging      string
	tree         *tree      // writes into staging (not for Session's in-place writes)
	outputs      *outputSet // every file written, when some page has an alias (else nil)
	files        atomic.Int64
	needed       atomic.Int64          // bytes on disk of the files given to writeFile (Result.Needed)
	full         atomic.Pointer[error] // the first disk-full error of writeFile
	progressMu   sync.Mutex
	stageStarted time.Time
	ctx          context.Context // while run runs; once it ends, forEach starts no item and writeFile fails

	// loaded is b.content as content.Load gave it, with its problems,
	// for a Session's next rebuild to take again (nil when the load let
	// page text go, or b.content changed in place since: Session.Rebuild);
	// reuse, when set, is the load loadSources takes instead of loading
	// content/ again (incremental.go: keptContent).
	loaded, reuse *loadedContent

	// cache is what Run keeps for the build cache (nil: none; cache.go).
	cache *buildCache
	// catalog, when set, is the interface strings of a renderer that
	// load left to make (see made); making is where startRenderer's
	// goroutine gives it.
	catalog *i18n.Catalog
	making  chan madeRenderer
	// unpace, when set, puts back the collector's percent that
	// paceCollector raised.
	unpace func()
}

func newBuilder(opts Options) (*builder, error) {
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Out == "" {
		opts.Out = "public"
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Templates == nil {
		opts.Templates = templates.FS
	}
	if opts.Static == nil {
		opts.Static = static.FS
	}
	source, err := realPath(opts.Source)
	if err != nil {
		return nil, err
	}
	out, err := realPath(opts.Out)
	if err != nil {
		return nil, err
	}
	if _, _, ok := config.ParseBaseURL(opts.BaseURL); !ok {
		return nil, &OptionError{fmt.Sprintf("--base-url %q is not an absolute http(s) address", opts.BaseURL), "write it as https://example.org/"}
	}
	if _, err := os.Stat(filepath.Join(source, filepath.FromSlash(config.File))); err != nil {
		return nil, &OptionError{fmt.Sprintf("no %s in %s: is this a loa site?", config.File, source),
			"run loa in the site's folder, or point --source at it"}
	}
	if !opts.DryRun {
		// What site.yaml keeps in the output folder (problems in it are
		// reported by the build itself).
		var keep []string
		if site, _, _, err := loadConfig(os.DirFS(source), opts.BaseURL); err == nil {
			keep = site.Keep
		}
		if err := checkOut(out, source, keep); err != nil {
			return nil, err
		}
	}
	b := &builder{opts: opts, source: source, out: out, fsys: os.DirFS(source)}
	b.res.Out = out
	b.res.Pages = map[string]int{}
	return b, nil
}

func (b *builder) run(ctx context.Context) (Result, error) {
	b.ctx = ctx
	defer func() { b.ctx = nil }()
	defer watchPeak()()
	b.begin()
	if !b.opts.DryRun && b.inc == nil {
		b.newCacheBuild()
	}
	if !b.opts.DryRun {
		// A warm build stopped while it changed the output: put it back.
		if err := b.rollBack(); err != nil {
			return b.finish(err)
		}
	}
	defer b.unpaceCollector() // (raised while loading a large site)
	b.readEarly()
	err := b.load()
	if afterLoad != nil {
		afterLoad()
	}
	if ctx.Err() != nil {
		// Stopped: what load found (or did not) may be incomplete.
		b.res.Diagnostics = nil
		return b.finish(ctx.Err())
	}
	if err != nil {
		return b.finish(err)
	}
	b.end("load")
	defer func() {
		if b.making != nil {
			<-b.making // (never left running)
		}
	}()
	if b.opts.DryRun {
		return b.finish(b.write(ctx))
	}
	for _, l := range removeLeftovers(b.out) {
		b.res.Diagnostics.Add(diag.Warningf(diag.Position{File: l.path},
			"a half-written site that an earlier, stopped build left could not be deleted: %v", l.err).
			WithHint("delete the folder %s yourself", l.path))
	}
	global, cached := b.openCache()
	if cached != nil {
		err := b.warm(ctx, global, cached)
		if d := (*errDamaged)(nil); errors.As(err, &d) {
			return b.again(ctx, d.d)
		}
		if !errors.Is(err, errCold) {
			return b.finish(err)
		}
	}
	if err := b.made(); err != nil {
		return b.finish(err)
	}
	staging, unlock, err := stage(b.out)
	if err != nil {
		return b.finish(fmt.Errorf("make staging folder: %w", err))
	}
	defer unlock()
	defer func() {
		if b.cache != nil && b.cache.streams != nil {
			b.cache.streams.abort() // (when the build failed before placing them)
		}
	}()
	b.staging = staging
	prev := ""
	if hasMarker(b.out) {
		prev = b.out
	}
	b.tree, err = newTree(staging, prev)
	if err == nil {
		defer b.tree.close()
		err = b.write(ctx)
	}
	if e := b.full.Load(); err == nil && e != nil {
		b.res.Needed = b.needed.Load()
		err = *e
	}
	if err == nil {
		// The last moment to stop: past it, the new site replaces the old.
		err = ctx.Err()
	}
	if err == nil {
		b.res.Unchanged = int(b.tree.kept.Load())
		if prev != "" {
			b.reportRemoved(staging)
		}
		if b.cache != nil {
			err = b.removeCache() // the cache describes the old output
			if err == nil {
				// Out of the staging folder before it becomes the output.
				b.cache.placeShards(b.out)
			}
		}
		var cleanup error
		if err != nil {
		} else if cleanup, err = swap(staging, b.out, b.site.Keep); cleanup != nil {
			b.res.Diagnostics.Add(diag.Warningf(diag.Position{File: b.out},
				"the new site is in place, but the previous one could not be deleted: %v", cleanup).
				WithHint("delete the folder %s yourself", staging+".old"))
		}
	}
	if err != nil {
		_ = os.RemoveAll(staging)
		if prev != "" && b.cache != nil {
			// The staging folder held hard links to the output's files
			// (newTree), which changed their change times: the cache's
			// stamps of the output no longer hold, and the next build
			// would take the output as edited by hand (and say so).
			// Without a cache it builds the whole site without a word.
			_ = b.removeCache()
		}
		return b.finish(err)
	}
	b.saveColdCache(global)
	return b.finish(nil)
}

// again builds the whole site with a fresh builder after a warm build
// found a part of the cache damaged (errDamaged) before it wrote
// anything: the cache is deleted first, and the warning d added to what
// that build reports.
func (b *builder) again(ctx context.Context, d diag.Diagnostic) (Result, error) {
	if err := b.removeCache(); err != nil {
		return b.finish(err)
	}
	nb, err := newBuilder(b.opts)
	if err != nil {
		return b.finish(err)
	}
	res, err := nb.run(ctx)
	res.Diagnostics.Add(d)
	res.Diagnostics.Sort()
	return res, err
}

func (b *builder) finish(err error) (Result, error) {
	b.res.Diagnostics.Sort()
	if err == nil && b.res.Diagnostics.HasErrors() {
		err = ErrContent
	}
	return b.res, err
}

func (b *builder) begin() { b.stageStarted = time.Now() }

func (b *builder) end(name string) {
	now := time.Now()
	b.res.Stages = append(b.res.Stages, Stage{Name: name, Duration: now.Sub(b.stageStarted)})
	b.stageStarted = now
}

// renderingProgress says that n content pages are rendered next: it
// counts the content pages only, so it names the lists and topic pages
// that follow, which the closing line's count of pages made includes.
func (b *builder) renderingProgress(n int) {
	if n == 1 {
		b.progress("rendering: the content page, then the lists and topic pages made from it")
		return
	}
	// How many at a time is left out: a writer reads this line on every
	// build, and the number means nothing to them.
	b.progress("rendering: the %d content pages, then the lists and topic pages made from them", n)
}

func (b *builder) progress(format string, args ...any) {
	if b.opts.Progress == nil {
		return
	}
	b.progressMu.Lock()
	defer b.progressMu.Unlock()
	_, _ = b.opts.Messages.Fprintf(b.opts.Progress, format, args...)
	fmt.Fprintln(b.opts.Progress)
}

// load reads and validates everything; content errors end the build here,
// before anything is written.
func (b *builder) load() error {
	site, text, l, err := loadConfig(b.fsys, b.opts.BaseURL)
	b.res.Diagnostics.Append(l)
	if err != nil {
		return err
	}
	b.site = site
	b.configText = map[string]string{config.File: text}
	b.res.Diagnostics.Append(b.checkBaseURL())
	langs := make([]string, len(site.Languages))
	for i, lang := range site.Languages {
		langs[i] = lang.Code
	}
	b.res.Languages = langs
	searchConf, text, l, err := loadSearchConfig(b.fsys, site)
	b.res.Diagnostics.Append(l)
	if err != nil {
		return err
	}
	b.configText[config.SearchFile] = text
	b.searchConf = searchConf
	hold := holdText
	if b.keepSources {
		hold = 0 // Session keeps every page's text between rebuilds anyway
	}
	catalog, err := b.loadSources(b.inc.contentCache(), hold)
	if err != nil {
		return err
	}
	b.res.ContentPages = len(b.content.Pages)
	if b.res.ContentPages == 1 {
		b.progress("read 1 content page (the .md file)")
	} else {
		b.progress("read %d content pages (the .md files)", b.res.ContentPages)
	}
	b.res.Diagnostics.Append(b.checkBoost())
	css, err := b.stylesheet()
	if err != nil {
		return err
	}
	if b.cache != nil && b.cache.early != nil {
		// A warm build is likely: the renderer is made beside its first
		// check of the output (warm), or before a whole build (made).
		b.catalog = catalog
	} else if err := b.newRenderer(catalog, nil); err != nil {
		return err
	}
	b.css = css
	b.dict = search.NewDict()
	b.workers = b.newWorkers()
	b.assets = map[string]string{cssSource: css.url}
	return nil
}

// checkBoost warns of a boost in search.yaml for a section folder that no
// page is in (a typing mistake: the boost would do nothing).
func (b *builder) checkBoost() diag.List {
	if b.searchConf == nil || len(b.searchConf.Boost) == 0 {
		return nil
	}
	sections := map[string]bool{}
	for _, p := range b.content.Pages {
		sections[p.Section()] = true
	}
	var l diag.List
	for _, key := range slices.Sorted(maps.Keys(b.searchConf.Boost)) {
		if !sections[key] {
			names := slices.Sorted(maps.Keys(sections))
			names = slices.DeleteFunc(names, func(s string) bool { return s == "" })
			l.Add(diag.Warningf(b.searchConf.BoostAt[key], "no section is in the folder content/%s, so this boost does nothing", key).
				WithHint("the sections are %s", strings.Join(names, ", ")))
		}
	}
	return l
}

// checkBaseURL reports a site without a public address, which its feeds,
// sitemap and canonical links need absolute (an error: loa serve gives its
// own), and an address on a name reserved for examples, which nobody can
// visit (a warning, in loa check too: the pages work, their links from
// outside do not, and the printed pieces leave out their QR code and
// address).
func (b *builder) checkBaseURL() diag.List {
	var l diag.List
	s := b.site
	if s.BaseURL == "/" {
		l.Add(diag.Errorf(s.BaseURLPos, "site.yaml has no base_url, the site's public address: the feeds, sitemap.xml and each page's canonical link need it in full").
			WithHint("add a line base_url: https://…/ with the address the site is published at to %s, or build with --base-url https://…/", config.File))
		return l
	}
	if host := s.ReservedHost(); host != "" {
		// Writers see this on every build until the site has its
		// address: what it changes for them, in plain words, and whose
		// job it is (round 34's trials); the feeds, sitemap.xml and
		// robots.txt point there too (README, "Publishing").
		w := diag.Warningf(s.BaseURLPos, "base_url %s is on %s, a name kept for examples that no one can visit: the pages work, but links to them from outside do not, and the poster, the directory and the leaflets are printed without a QR code or the site's address", s.BaseURL, host).
			WithHint("this is for whoever publishes the site, not for writers: when the site's real address is known, write it in %s as base_url: https://…/ (or build with --base-url https://…/)", config.File)
		if text, d, err := textfile.Read(b.fsys, config.File); err == nil && d == nil && w.Pos.Line > 0 {
			w = w.WithSource(diag.NewLineIndex(config.File, text).Line(w.Pos.Line), utf8.RuneCountInString(s.BaseURL))
		}
		l.Add(w)
	}
	return l
}

// loadSources reads what an incremental rebuild reads again too: the
// interface strings (returned, for render.New), the directory
// (b.providers) and the content through cache (b.content; nil cache: none),
// holding the text of at most hold page files (content.Options.HoldText).
// Problems go to b.res.Diagnostics; any error among them returns
// ErrContent, a failure to read returns that error.
func (b *builder) loadSources(cache *content.Cache, hold int) (*i18n.Catalog, error) {
	catalog, l, err := i18n.Load(b.fsys, b.res.Languages)
	if err != nil {
		return nil, fmt.Errorf("read interface strings: %w", err)
	}
	b.res.Diagnostics.Append(l)
	providers, l, err := directory.Load(b.fsys, b.site, b.opts.Now)
	if err != nil {
		return nil, fmt.Errorf("read directory: %w", err)
	}
	b.res.Diagnostics.Append(l)
	b.providers = providers
	opts := content.Options{
		Drafts: b.opts.Drafts, Skip: []string{directory.ContentFolder}, ForEach: b.forEach, Now: b.opts.Now,
		Cache: cache, HoldText: hold, LettingGo: b.paceCollector,
	}
	if cache == nil {
		b.sourceOptions(&opts)
	}
	var cs *content.Site
	if b.reuse != nil {
		cs, l = b.reuse.site, b.reuse.diags
	} else if cs, l, err = content.Load(b.fsys, b.site, opts); err != nil {
		return nil, fmt.Errorf("read content: %w", err)
	}
	if hold == 0 {
		b.loaded = &loadedContent{cs, l}
	}
	b.res.Diagnostics.Append(l)
	b.content = cs
	if hasAliases(cs) {
		b.outputs = &outputSet{files: map[string]struct{}{}}
	}
	if b.res.Diagnostics.HasErrors() {
		return nil, ErrContent
	}
	return catalog, nil
}

// newRenderer parses the templates (or takes those of parsed, when not
// nil: render.Input.Parsed) and makes b.renderer for b.content and
// b.providers with catalog. Template problems go to b.res.Diagnostics and
// return ErrContent when any is an error.
func (b *builder) newRenderer(catalog *i18n.Catalog, parsed *render.Renderer) error {
	return b.useRenderer(b.makeRenderer(catalog, parsed))
}

// madeRenderer is what makeRenderer gives.
type madeRenderer struct {
	r   *render.Renderer
	l   diag.List
	err error
}

// makeRenderer makes the renderer newRenderer makes, without changing b.
func (b *builder) makeRenderer(catalog *i18n.Catalog, parsed *render.Renderer) madeRenderer {
	r, l, err := render.New(render.Input{
		Site: b.site, Content: b.content, Providers: b.providers, Catalog: catalog,
		Builtin: b.opts.Templates, Source: b.fsys, Now: b.opts.Now, Portable: b.opts.Portable,
		DirectoryKey: b.directoryKey(), Parsed: parsed,
	})
	return madeRenderer{r, l, err}
}

// startRenderer makes, in a goroutine of its own, the renderer that load
// left to make (b.catalog set), for made to take.
func (b *builder) startRenderer() {
	if b.catalog == nil || b.making != nil {
		return
	}
	b.making = make(chan madeRenderer, 1)
	go func() { b.making <- b.makeRenderer(b.catalog, nil) }()
}

// made takes the renderer load left to make (b.catalog set), as
// newRenderer does, waiting for startRenderer's or making it now; nil
// at once when there is none to make.
func (b *builder) made() error {
	if b.catalog == nil {
		return nil
	}
	var m madeRenderer
	if b.making != nil {
		m = <-b.making
	} else {
		m = b.makeRenderer(b.catalog, nil)
	}
	b.catalog, b.making = nil, nil
	return b.useRenderer(m)
}

// useRenderer puts m in b: its problems into b.res.Diagnostics, its
// renderer into b.renderer unless there is an error among them
// (ErrContent) or it failed.
func (b *builder) useRenderer(m madeRenderer) error {
	r, l, err := m.r, m.l, m.err
	if err != nil {
		return fmt.Errorf("read templates: %w", err)
	}
	b.res.Diagnostics.Append(l)
	if l.HasErrors() {
		return ErrContent
	}
	b.renderer = r
	return nil
}

// holdText is the most page files whose text a build holds from loading
// them to rendering them (content.Options.HoldText). A larger site (more
// than 25,000 pages per language) has each page's file read again when the
// page is rendered: one more read per page, against memory that would
// otherwise grow with the text of the whole site (1.4 GB for the
// benchmark corpus at 100,000 pages per language). A variable for tests.
var holdText = 50_000

// afterLoad, when set (tests), runs in a build once it has read its
// inputs: a file it writes is one saved while the build runs.
var afterLoad func()

// loadConfig reads and parses content/site.yaml from fsys, and returns it
// with the text it was parsed from. Problems in it come back as
// diagnostics with ErrContent; a file that cannot be read (fs.ErrNotExist
// included) as a wrapped error.
func loadConfig(fsys fs.FS, baseURL string) (*config.Site, string, diag.List, error) {
	text, d, err := textfile.Read(fsys, config.File)
	if err != nil {
		return nil, "", nil, fmt.Errorf("read %s: %w", config.File, err)
	}
	if d != nil {
		return nil, "", diag.List{*d}, ErrContent
	}
	site, l := config.Parse(config.File, text, baseURL)
	if site == nil || l.HasErrors() {
		return nil, "", l, ErrContent
	}
	return site, string(text), l, nil
}

// loadSearchConfig reads content/search.yaml when there is one (it is
// optional), and returns it with the text it was parsed from ("" when
// there is none). Problems in it come back as diagnostics.
func loadSearchConfig(fsys fs.FS, site *config.Site) (*config.Search, string, diag.List, error) {
	text, d, err := textfile.Read(fsys, config.SearchFile)
	if errors.Is(err, fs.ErrNotExist) {
		return &config.Search{}, "", nil, nil
	}
	if err != nil {
		return nil, "", nil, fmt.Errorf("read %s: %w", config.SearchFile, err)
	}
	if d != nil {
		// (the file is not used: its bytes key the cache)
		return &config.Search{}, "\x00unreadable " + d.Message, diag.List{*d}, nil
	}
	s, l := config.ParseSearch(config.SearchFile, text, site)
	return s, string(text), l, nil
}

// forEach runs fn for 0..n-1 on the builder's workers. Once the build's
// context ends, the items not started are skipped: their results stay
// zero, and the caller must check the context before it uses them.
func (b *builder) forEach(n int, fn func(i int)) {
	workers := min(b.opts.Workers, n)
	if workers <= 1 {
		for i := range n {
			if b.stopped() {
				return
			}
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n || b.stopped() {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// stopped reports whether the context of the running build has ended.
func (b *builder) stopped() bool { return b.ctx != nil && b.ctx.Err() != nil }

// writeFile writes data to the site path p (slash-separated, relative to
// the output root) in the staging folder; in a dry run it only counts.
// In place (Session), it writes a temporary file and renames it, so that a
// reader never sees half a file.
func (b *builder) writeFile(p string, data []byte) error {
	return b.writeFileOf(p, data, false)
}

// writeFileOf is writeFile; owned says that the caller gives data up, so
// that the files pending (Session) may hold it without a copy.
func (b *builder) writeFileOf(p string, data []byte, owned bool) error {
	if b.stopped() {
		return b.ctx.Err()
	}
	if b.opts.Portable && strings.HasSuffix(p, ".html") {
		data = relativize(data, strings.TrimPrefix(p, "/"), b.site.BasePath)
	}
	if b.outputs != nil {
		b.outputs.add(strings.TrimPrefix(p, "/"))
	}
	if b.opts.DryRun {
		b.files.Add(1)
		return nil
	}
	if b.inc != nil {
		b.inc.wrote(strings.TrimPrefix(p, "/"))
	}
	if b.pending != nil {
		b.pendingMu.Lock()
		if !owned {
			data = slices.Clone(data) // callers reuse their buffers
		}
		b.pending[p] = data
		b.pendingMu.Unlock()
		return nil
	}
	p = strings.TrimPrefix(p, "/")
	b.files.Add(1)
	if !b.inPlace {
		return b.writeStaged(p, data)
	}
	full := filepath.Join(b.staging, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	tmp := full + ".loa-tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, full)
}

// sameFile is writeFile for a warm build (pending) of a file whose bytes
// are known to be those the output has at p: it is counted as made, but
// not held for commit, which would only read it again to find it the
// same.
func (b *builder) sameFile(p string) {
	if b.outputs != nil {
		b.outputs.add(strings.TrimPrefix(p, "/"))
	}
	b.inc.wrote(strings.TrimPrefix(p, "/"))
}

// writeStaged writes data to p in the staging folder. Once the disk is
// full (DiskFull), it writes nothing more and only counts, so that the
// build can say how much room the site needs (Result.Needed): run ends
// the build with the first disk-full error once every file is counted.
func (b *builder) writeStaged(p string, data []byte) error {
	if b.full.Load() == nil {
		var err error
		if stagedWrite != nil {
			err = stagedWrite(p)
		}
		if err == nil {
			err = b.tree.write(p, data)
		}
		if err != nil && !DiskFull(err) {
			return err
		}
		if err != nil && b.full.CompareAndSwap(nil, &err) {
			b.progress("the disk is full: loa stops writing there (what it wrote is deleted at the end) and touches nothing that was there before, but goes on to the end, to say how much room the site needs")
		}
	}
	b.needed.Add(onDisk(p, len(data)))
	return nil
}

// stagedWrite, when a test sets it, is asked before each file is written
// to the staging folder; an error it returns stands for the system's.
var stagedWrite func(p string) error

// onDisk is about how many bytes a file of n bytes at the site path p
// takes on a disk: n rounded up to 4 KiB blocks, and a block for the
// folder of an index.html (a page's folder of its own).
func onDisk(p string, n int) int64 {
	size := (int64(n) + 4095) &^ 4095
	if path.Base(p) == "index.html" {
		size += 4096
	}
	return size
}

// hashDigits is how many hex digits of a content hash a file name carries.
const hashDigits = 10

// hashName inserts the first hashDigits hex digits of data's SHA-256
// before the extension: "css/site.css" → "css/site.3f2a9c01de.css".
func hashName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:hashDigits] + ext
}

// IsHashedName reports whether a file name (a path; its last element
// counts) carries a content hash as hashName writes it, so that what it
// names never changes: "site.3f2a9c01de.css" yes, "site.css" no.
func IsHashedName(name string) bool {
	base := filepath.Base(name)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	dot := strings.LastIndexByte(stem, '.')
	if dot < 0 || len(stem)-dot-1 != hashDigits {
		return false
	}
	for _, c := range stem[dot+1:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
