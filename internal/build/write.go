package build

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // image sizes for width/height attributes
	_ "image/jpeg" // image sizes
	_ "image/png"  // image sizes
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"github.com/loa-ssg/loa/internal/check"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/directory"
	"github.com/loa-ssg/loa/internal/markdown"
	"github.com/loa-ssg/loa/internal/render"
	"github.com/loa-ssg/loa/internal/search"
	"github.com/loa-ssg/loa/static"
)

// stylesheet is the site's CSS: static/css/site.css followed by the code
// highlighting rules, published under a content-hashed name.
type stylesheet struct {
	url, path string
	data      []byte
}

const cssSource = "css/site.css"

func (b *builder) stylesheet() (stylesheet, error) {
	data, err := fs.ReadFile(b.fsys, path.Join(static.Folder, cssSource))
	if errors.Is(err, fs.ErrNotExist) {
		data, err = fs.ReadFile(b.opts.Static, cssSource)
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return stylesheet{}, fmt.Errorf("read %s: %w", cssSource, err)
	}
	data = append(data, "\n/* code highlighting (chroma) */\n"+markdown.CSS()...)
	p := hashName(cssSource, data)
	return stylesheet{url: b.site.BasePath + p, path: p, data: data}, nil
}

// write renders and writes everything into the staging folder.
func (b *builder) write(ctx context.Context) error {
	b.inc.setPhase(phaseStatic)
	if err := b.copyStatic(); err != nil {
		return err
	}
	if err := b.writeFile(b.css.path, b.css.data); err != nil {
		return err
	}
	b.renderer.SetAssets(b.assets)
	pages := b.content.Pages
	diags := make([]diag.List, len(pages))
	errs := make([]error, len(pages))
	checked := make([]check.Page, len(pages)) // what the cross-page checks need
	analyzed := make([]search.Analyzed, len(pages))
	spool, err := b.searchSpool()
	if err != nil {
		return err
	}
	if spool != nil {
		defer spool.Close()
	}
	if b.cache != nil && !b.keepSources && b.staging != "" && !b.inPlace && b.pending == nil {
		b.cache.streams = newShardStreams(b.staging, len(pages), b.res.Languages)
	}
	b.renderingProgress(len(pages))
	b.inc.setPhase(phasePages)
	mid := newMidProfile(len(pages))
	b.forEach(len(pages), func(i int) {
		if ctx.Err() != nil {
			errs[i] = ctx.Err()
			return
		}
		w := b.workers.Get().(*worker)
		checked[i].Page = pages[i]
		diags[i], errs[i] = b.page(w, &checked[i], &analyzed[i])
		b.workers.Put(w)
		if !b.keepSources {
			// The checks need only the positions they may report: let
			// the source go now, so that a large site is not held whole
			// (the lines its problems quote are read again when printed).
			checked[i].Locate(b.fsys)
			pages[i].LetGoText()
		}
		if b.cache != nil && b.cache.streams != nil {
			b.cache.streams.put(b, i, &checked[i]) // before the spool takes the terms
		}
		if spool != nil {
			spool.Put(&analyzed[i])
		}
		mid.pageDone()
	})
	b.end("render")
	stageProfile("LOA_HEAPPROFILE_RENDERED")
	if err := ctx.Err(); err != nil {
		// Stopped: the pages not rendered have no check data.
		return err
	}
	for i := range pages {
		b.res.Diagnostics.Append(diags[i])
	}
	for _, f := range b.content.Files {
		if _, ok := b.linked.Load(f.Path); !ok {
			b.res.Diagnostics.Add(diag.Warningf(diag.Position{File: path.Join(content.Root, f.Path)}, "no page links to this file, so it is not published").
				WithHint("link it from the page beside it: ![what it shows](%s) for an image, [title](%s) for a document; or put site-wide files in static/", path.Base(f.Path), path.Base(f.Path)))
		}
	}
	b.res.Images = int(b.imgCount.Load())
	b.res.ImageBytes = [2]int64{b.imgBefore.Load(), b.imgAfter.Load()}
	if b.inc != nil && b.cache == nil {
		// A Session keeps each page's problems for the next rebuild.
		l, own := check.RunAgain(b.site, checked, nil, nil)
		b.res.Diagnostics.Append(l)
		b.inc.checks, b.inc.checkList = own, &l
	} else {
		// Put before the checks' problems rather than copying those
		// (hundreds of thousands on a large site) after the others.
		b.res.Diagnostics = slices.Insert(check.Run(b.site, checked), 0, b.res.Diagnostics...)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if b.res.Diagnostics.HasErrors() {
		return ErrContent
	}
	if b.keepSources || b.cache != nil && b.cache.streams == nil {
		b.checked = checked // (for the build cache: check.Page.Location)
	}
	checked = nil
	for _, p := range pages {
		b.res.Pages[p.Lang]++
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	b.inc.setPhase(phaseExtras)
	if !b.keepSources {
		// No later renderer takes the list entries over (loa serve's
		// do): each is held only until the last generated page that
		// lists it is written.
		b.renderer.LetGoEntries()
	}
	extraDocs, err := b.writeExtras()
	if err != nil {
		return err
	}
	b.analyzed, b.extraDocs = analyzed, extraDocs
	if !b.keepSources {
		// No later renderer takes them over (loa serve's do).
		b.renderer.ForgetFragments()
	}
	b.inc.setPhase(phaseSite)
	if err := b.writePrintouts(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	b.inc.setPhase(phaseSearch)
	stageProfile("LOA_HEAPPROFILE_END")
	if err := b.writeSearch(pages, analyzed, extraDocs); err != nil {
		return err
	}
	if spool != nil {
		if err := spool.Err(); err != nil {
			return fmt.Errorf("search index: read back the pages' terms: %w", err)
		}
		b.analyzed = nil // they point into the spool, gone after the build
	}
	b.inc.setPhase(phaseSite)
	if err := b.writeSiteFiles(); err != nil {
		return err
	}
	if b.res.Diagnostics.HasErrors() {
		return ErrContent
	}
	b.end("write")
	b.res.Files = int(b.files.Load())
	return nil
}

// searchSpool returns a spool for the pages' search terms in the staging
// folder (removed before the site is put in place), so that a build does
// not hold every page's terms and passages until it writes the index
// (a build writing the cache too: it has encoded them by then); nil for
// a dry run and for Session, which keeps them between rebuilds.
func (b *builder) searchSpool() (*search.Spool, error) {
	if b.keepSources || b.inc != nil && b.cache == nil || b.staging == "" || b.inPlace || b.pending != nil {
		return nil, nil
	}
	s, err := search.NewSpool(b.staging, ".loa-search-")
	if err != nil {
		return nil, fmt.Errorf("make the search spool: %w", err)
	}
	return s, nil
}

// writeSiteFiles writes the files made from the whole site: 404.html,
// sitemap.xml, robots.txt, the feeds, the headers for hosts, the marker
// and the aliases' redirect pages, last, so that they can be checked
// against every other file.
func (b *builder) writeSiteFiles() error {
	var buf bytes.Buffer
	for _, f := range []struct {
		name string
		fn   func(*bytes.Buffer) error
	}{
		{"404.html", func(w *bytes.Buffer) error { return b.renderer.NotFound(w) }},
		{"sitemap.xml", func(w *bytes.Buffer) error { return b.renderer.Sitemap(w) }},
		{"robots.txt", func(w *bytes.Buffer) error { return b.renderer.Robots(w) }},
	} {
		if f.name == "sitemap.xml" && b.inc.keepsSitemap() {
			continue // unchanged since the last build (Session)
		}
		// sitemap.xml is megabytes on a large site: in a Session, made
		// in a buffer kept from rebuild to rebuild, handed to the files
		// pending as it is (as a large generated page, below).
		w, owned := b.inc.largeBuffer(f.name, new(bytes.Buffer), b.pending != nil)
		if err := f.fn(w); err != nil {
			return fmt.Errorf("render %s: %w", f.name, err)
		}
		owned = owned || b.inc.keepLarge(f.name, w, b.pending != nil)
		if err := b.writeFileOf(f.name, w.Bytes(), owned); err != nil {
			return err
		}
	}
	for _, lang := range b.res.Languages {
		buf.Reset()
		ok, err := b.renderer.Feed(&buf, lang)
		if err != nil {
			return fmt.Errorf("render the %s feed: %w", lang, err)
		}
		if ok {
			if err := b.writeFile(b.local(b.renderer.FeedPath(lang)), buf.Bytes()); err != nil {
				return err
			}
		}
	}
	for name, data := range render.HeaderFiles(b.site.BasePath) {
		if err := b.writeFile(name, data); err != nil {
			return err
		}
	}
	if err := b.writeFile(Marker, []byte("This folder is written by loa. loa replaces it on every build.\n")); err != nil {
		return err
	}
	// Aliases last, so that they can be checked against every other file.
	return b.writeAliases()
}

// worker is what one goroutine of the build reuses from page to page.
type worker struct {
	conv     *markdown.Converter
	analyzer *search.Analyzer
}

// newWorkers returns a pool of workers for b.
func (b *builder) newWorkers() *sync.Pool {
	opts := markdown.Options{UnsafeHTML: b.site.UnsafeHTML, Phones: render.CallNumbers(b.site, b.providers)}
	return &sync.Pool{New: func() any {
		return &worker{conv: markdown.New(opts), analyzer: search.NewAnalyzer(b.dict)}
	}}
}

// page converts, renders and writes one page with its attachments, and
// keeps in c what the cross-page checks need of it and in a its terms for
// the search index.
func (b *builder) page(w *worker, c *check.Page, a *search.Analyzed) (diag.List, error) {
	if err := c.Page.ReadText(b.fsys); err != nil { // when load let it go (holdText)
		return nil, err
	}
	cv := b.convert(w, c, a)
	b.inc.converted(b, c, a, cv)
	if cv.diags.HasErrors() {
		return cv.diags, nil
	}
	l, err := b.renderPage(c.Page, cv)
	b.cache.rendered(c.Page, l[len(cv.diags):])
	return l, err
}

// conversion is one page's Markdown as converted, with what the rest of
// its build needs.
type conversion struct {
	res   markdown.Result
	used  []content.Attachment // files outside bundles that the page links
	diags diag.List            // the problems conversion found
	links []resolved           // every link resolved, in order (Session only)
}

// resolved is one link as the resolver saw it: a rebuild that changed
// pages resolves it again to see whether the page must be converted again.
type resolved struct {
	dest, url, lang, err string
}

// convert converts p's Markdown and keeps in c what the cross-page checks
// need of it and in a its terms for the search index.
func (b *builder) convert(w *worker, c *check.Page, a *search.Analyzed) conversion {
	cv := b.convertText(w, c)
	*a = b.analyze(w, c.Page, cv.res)
	return cv
}

// analyze returns the terms of p for the search index, res being its
// conversion.
func (b *builder) analyze(w *worker, p *content.Page, res markdown.Result) search.Analyzed {
	headings := make([]string, len(res.TOC))
	for i, h := range res.TOC {
		headings[i] = h.Text
	}
	return w.analyzer.Analyze(search.Doc{URL: p.Path, Title: p.Title, Section: render.SectionTitle(p),
		SectionKey: p.Section(), Headings: headings, Summary: p.Description, Text: res.Text})
}

// convertText is convert without the search terms.
func (b *builder) convertText(w *worker, c *check.Page) conversion {
	p := c.Page
	var cv conversion
	var langs map[string]string // URL → language, of the pages in other languages p links to
	var lastLang string
	resolve := b.resolver(p, func(url, lang string) {
		lastLang = lang
		if lang != p.Lang {
			if langs == nil {
				langs = map[string]string{}
			}
			langs[url] = lang
		}
	}, &cv.used)
	if b.keepSources || b.cache != nil {
		// Kept with the page's record, so that a later build can tell
		// whether its links still lead where they did (pageRecord.reusable).
		inner := resolve
		resolve = func(dest string) (string, error) {
			lastLang = ""
			url, err := inner(dest)
			r := resolved{dest: dest, url: url, lang: lastLang}
			if err != nil {
				r.err = err.Error()
			}
			cv.links = append(cv.links, r)
			return url, err
		}
	}
	hooks := markdown.Hooks{
		Resolve:     resolve,
		ImageSize:   b.imageSize(p, &cv.used),
		Srcset:      b.srcset(p, &cv.used),
		LinkLang:    func(url string) string { return langs[url] },
		ReservedIDs: b.renderer.ReservedIDs(p),
	}
	res := w.conv.ConvertWith(p.Body, hooks)
	cv.res = res
	c.Links, c.TOC, c.Numbers = res.Links, res.TOC, res.Numbers
	if len(res.Problems) > 0 {
		idx := diag.NewLineIndex(p.File, p.Text)
		for _, pr := range res.Problems {
			pos := idx.Position(p.BodyOffset + pr.Offset)
			d := diag.Errorf(pos, "%s", pr.Message)
			if pr.Warning {
				d.Severity = diag.Warning
			}
			if pr.Hint != "" {
				d.Hint = pr.Hint
			}
			cv.diags.Add(d.WithSource(idx.Line(pos.Line), max(1, pr.Span)))
		}
	}
	return cv
}

// renderPage renders and writes p, converted as cv, with its leaflet and
// attachments.
func (b *builder) renderPage(p *content.Page, cv conversion) (diag.List, error) {
	l, res := slices.Clone(cv.diags), cv.res
	buf := render.GetBuffer()
	defer render.PutBuffer(buf)
	if err := b.renderer.Page(buf, p, res); err != nil {
		l.Add(diag.Errorf(p.FrontMatter.Pos, "the page could not be rendered: %v", err))
		return l, nil
	}
	if foreign := render.ForeignRequests(buf.Bytes()); len(foreign) > 0 {
		layout, _ := b.renderer.Layout(p)
		for _, f := range foreign {
			l.Add(diag.Errorf(p.FrontMatter.Pos, "this page would load %s from another website (%s); the site never does", foreignKind(f.What), f.URL).
				WithHint("the request comes from the template %s or from raw HTML in this page: serve the file from static/ instead", layout))
		}
		return l, nil
	}
	if dups := render.DuplicateIDs(buf.Bytes()); len(dups) > 0 {
		layout, _ := b.renderer.Layout(p)
		for _, id := range dups {
			l.Add(duplicateID(p.FrontMatter.Pos, id, diag.T("the template %s or raw HTML in this page", layout)))
		}
		return l, nil
	}
	if err := b.writeFile(b.local(p.Path)+"index.html", buf.Bytes()); err != nil {
		return l, err
	}
	if err := b.writeLeaflet(p, res); err != nil {
		return l, err
	}
	for _, a := range append(slices.Clip(p.Attachments), cv.used...) {
		if err := b.publishFile(p, a); err != nil {
			return l, err
		}
	}
	return l, nil
}

// publishFile writes the content file rel beside page p; a photo as
// processed (see MaxImageWidth), with its phone copy and, when site.yaml
// asks, its original.
func (b *builder) publishFile(p *content.Page, a content.Attachment) error {
	dir, name, rel := b.local(p.Path), a.Name, a.Path
	if isPhoto(rel) {
		img := b.image(rel)
		if img.err != nil {
			return img.err
		}
		if img.small != nil {
			if err := b.writeFile(dir+smallName(name), img.small); err != nil {
				return err
			}
		}
		if img.data != nil {
			if b.site.KeepOriginalImages {
				data, err := fs.ReadFile(b.fsys, path.Join(content.Root, rel))
				if err != nil {
					return err
				}
				if err := b.writeFile(dir+originalName(name), data); err != nil {
					return err
				}
			}
			return b.writeFile(dir+name, img.data)
		}
	}
	data, err := fs.ReadFile(b.fsys, path.Join(content.Root, rel))
	if err != nil {
		return err
	}
	return b.writeFile(dir+name, data)
}

// writeExtras writes the generated pages (directory, later list pages,
// tags, search) and the directory's open-data export in every language.
// It returns the search documents of the generated pages that have one
// (nil entries for the others), in the order of Extras.
func (b *builder) writeExtras() ([]*search.Analyzed, error) {
	extras := b.renderer.Extras()
	errs := make([]error, len(extras))
	docs := make([]*search.Analyzed, len(extras))
	dups := make([][]string, len(extras))
	b.forEach(len(extras), func(i int) {
		if b.inc.keepsExtra(extras[i]) {
			// unchanged since the last build (Session)
		} else {
			pooled := render.GetBuffer()
			buf, kept := b.inc.largeBuffer(extras[i].Path, pooled, b.pending != nil)
			if kept {
				render.PutBuffer(pooled)
			}
			if errs[i] = b.renderer.Extra(buf, extras[i]); errs[i] == nil {
				// A large page's buffer is kept for the next rebuild,
				// the files pending holding its bytes until then.
				owned := kept || b.inc.keepLarge(extras[i].Path, buf, b.pending != nil)
				dups[i] = render.DuplicateIDs(buf.Bytes())
				errs[i] = b.writeFileOf(b.local(extras[i].Path)+"index.html", buf.Bytes(), owned)
				kept = owned
			}
			if !kept {
				render.PutBuffer(buf)
			}
		}
		b.renderer.ExtraWritten(extras[i])
		if title, section, text, ok := b.renderer.SearchText(extras[i]); ok {
			w := b.workers.Get().(*worker)
			a := w.analyzer.Analyze(search.Doc{URL: extras[i].Path, Title: title, Section: section, SectionKey: extras[i].SectionKey(), Text: text})
			b.workers.Put(w)
			docs[i] = &a
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("render generated pages: %w", err)
	}
	for i, ids := range dups {
		for _, id := range ids {
			at := diag.Position{File: render.Folder + "/" + extras[i].Layout}
			b.res.Diagnostics.Add(duplicateID(at, id, diag.T("the template %s (the page %s)", extras[i].Layout, extras[i].Path)))
		}
	}
	for _, e := range extras {
		b.res.Pages[e.Lang]++
	}
	if b.inc.keepsExport() {
		return docs, nil
	}
	return docs, b.writeExport()
}

// callPattern is the rule of the site's call links as one regular
// expression of a number's digits, for the search client's snippets: the
// numbers that become call links wherever a page shows them
// (render.CallNumbers), or any number of the shape of a phone number
// (markdown.PhoneLikePattern), which a page must link.
func (b *builder) callPattern() string {
	var known []string
	for _, n := range render.CallNumbers(b.site, b.providers) {
		if d := markdown.Digits(n); d != "" && !markdown.PhoneLike(d) {
			known = append(known, regexp.QuoteMeta(d))
		}
	}
	slices.Sort(known)
	return strings.Join(append([]string{markdown.PhoneLikePattern}, slices.Compact(known)...), "|")
}

// writeSearch builds and writes each language's search index: its pages
// in order but drafts (built with --drafts), then its generated pages that
// have text.
func (b *builder) writeSearch(pages []*content.Page, analyzed []search.Analyzed, extraDocs []*search.Analyzed) error {
	return b.writeSearchOf(pages, analyzed, extraDocs, nil, nil)
}

// traceSearch, when set (tests), is told of each language's search index
// made, and whether it was updated (search.UpdateWith) rather than made
// whole.
var traceSearch func(lang string, updated bool)

// writeSearchOf is writeSearch for the languages not in kept (the build
// cache keeps the others as they are); the index of a language in
// updates is made from the output's (search.UpdateWith), or whole when
// that fails.
func (b *builder) writeSearchOf(pages []*content.Page, analyzed []search.Analyzed, extraDocs []*search.Analyzed, kept map[string]bool, updates map[string]*searchUpdate) error {
	extras := b.renderer.Extras()
	langs := b.res.Languages
	errs := make([]error, len(langs))
	each := b.forEach
	sideBySide := func(fns ...func()) { b.forEach(len(fns), func(i int) { fns[i]() }) }
	// beside runs a language's passes side by side (search.BuildBeside)
	// when the languages are made one after the other.
	var beside func(fns ...func())
	if len(pages) > holdText {
		// A large site's indexes are made one after the other: each
		// holds its postings and files while it is made (about 75 MB at
		// 30,000 pages per language), and with both at once they were the
		// most a build held after its pages were rendered, raising the
		// peak and, at 100,000 pages, crowding the memory limit (more
		// collections). The words and the pairs of each are gathered side
		// by side instead, which holds nothing more.
		beside = sideBySide
		each = func(n int, fn func(i int)) {
			for i := range n {
				if !b.stopped() {
					fn(i)
				}
			}
		}
	}
	each(len(langs), func(li int) {
		if kept[langs[li]] {
			return
		}
		var docs []search.Analyzed
		for i, p := range pages {
			if p.Lang == langs[li] && !p.Draft {
				docs = append(docs, analyzed[i])
			}
		}
		for i, e := range extras {
			if e.Lang == langs[li] && extraDocs[i] != nil {
				docs = append(docs, *extraDocs[i])
			}
		}
		// Written as soon as made: a language's index (hundreds of MB at
		// 100,000 pages) is not held while the next is built.
		var files map[string][]byte
		dir := filepath.Join(b.out, filepath.FromSlash(render.SearchFolder), langs[li])
		// What an update reads of the earlier index, for a warm build
		// (pending) to tell the files that come out the same (most of
		// them: every other word's shard and document chunk) without
		// reading them again when it commits.
		var readMu sync.Mutex
		read := map[string][]byte{}
		prev := func(name string) ([]byte, error) {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if err == nil && b.pending != nil {
				readMu.Lock()
				read[name] = data
				readMu.Unlock()
			}
			return data, err
		}
		if u := updates[langs[li]]; u != nil && u.post != nil {
			files, errs[li] = b.updateFromPostings(langs[li], docs, u, prev)
			if errs[li] != nil {
				return
			}
		} else if u != nil {
			// (its words and pairs gathered side by side: with one
			// language's index made again, as after an edit, the other
			// core would wait)
			files, _ = search.UpdateBeside(sideBySide, b.dict, docs, b.searchOptions(langs[li]), u.changed, u.before, prev)
		}
		if traceSearch != nil {
			traceSearch(langs[li], files != nil)
		}
		if files == nil {
			files = search.BuildBeside(beside, b.dict, docs, b.searchOptions(langs[li]))
		}
		names := slices.Sorted(maps.Keys(files))
		write := func(name string) error {
			p := render.SearchFolder + "/" + langs[li] + "/" + name
			if old, ok := read[name]; ok && bytes.Equal(old, files[name]) {
				b.sameFile(p)
				return nil
			}
			return b.writeFile(p, files[name])
		}
		if beside != nil {
			// (written side by side too, as the other language waits:
			// tens of thousands of files at 100,000 pages; the first
			// error in the names' order is the one reported)
			werrs := make([]error, len(names))
			b.forEach(len(names), func(i int) { werrs[i] = write(names[i]) })
			if errs[li] = cmp.Or(werrs...); errs[li] != nil {
				return
			}
		} else {
			for _, name := range names {
				if errs[li] = write(name); errs[li] != nil {
					return
				}
			}
		}
		if (updates[langs[li]] == nil || updates[langs[li]].post == nil) && b.keepsPostings() {
			// (after the files, which are not held while it runs)
			meta := files["meta.json"]
			files = nil
			b.writePostings(langs[li], docs, b.searchOptions(langs[li]), meta)
		}
	})
	if b.stopped() {
		return b.ctx.Err()
	}
	return errors.Join(errs...)
}

// searchOptions returns the options of lang's search index.
func (b *builder) searchOptions(lang string) search.Options {
	opts := search.Options{Languages: b.res.Languages, Calls: b.callPattern()}
	if b.searchConf != nil {
		opts.Synonyms = b.searchConf.Synonyms[lang]
		opts.Boost = b.searchConf.Boost
	}
	return opts
}

// writeExport writes the directory as HSDS open data in every language.
func (b *builder) writeExport() error {
	if len(b.providers) == 0 {
		return nil
	}
	for _, lang := range b.res.Languages {
		files := directory.Export(b.providers, b.site, lang)
		for _, name := range slices.Sorted(maps.Keys(files)) {
			if err := b.writeFile(directory.ExportFolder+"/"+lang+"/"+name, files[name]); err != nil {
				return err
			}
		}
	}
	return nil
}

// duplicateID is the error for a page that would have the id attribute id
// twice, which HTML forbids; from says where the ids come from.
func duplicateID(pos diag.Position, id string, from diag.Text) diag.Diagnostic {
	return diag.Errorf(pos, "this page would have the id %q twice, so a link to #%s or a screen reader could land on the wrong element", id, id).
		WithHint("the id comes from %s: give one of the two elements another id", from)
}

// ownFile returns the content-relative path of the file that page p
// publishes at url: one of its attachments, or of the files it links
// (used).
func ownFile(p *content.Page, used *[]content.Attachment, url string) (content.Attachment, bool) {
	for _, list := range [][]content.Attachment{p.Attachments, *used} {
		for _, a := range list {
			if p.Path+a.Name == url {
				return a, true
			}
		}
	}
	return content.Attachment{}, false
}

// srcset returns, for a photo page p publishes at url that has a phone
// copy, the srcset and sizes attributes offering both, by names relative
// to the page.
func (b *builder) srcset(p *content.Page, used *[]content.Attachment) func(string) (string, string, bool) {
	return func(url string) (string, string, bool) {
		a, ok := ownFile(p, used, url)
		if !ok || !isPhoto(a.Path) {
			return "", "", false
		}
		img := b.image(a.Path)
		if img.small == nil {
			return "", "", false
		}
		// Names relative to the page, which the images sit beside: they
		// hold in a copy opened from a folder (--portable) too.
		return fmt.Sprintf("%s %dw, %s %dw", smallName(a.Name), img.smallW, a.Name, img.w), imageSizes, true
	}
}

// imageSize returns the pixel size of the images p publishes, by their
// published URL: its attachments and the files it links (PNG, JPEG and
// GIF; others are unknown). Photos have the size they are published at.
func (b *builder) imageSize(p *content.Page, used *[]content.Attachment) func(string) (int, int, bool) {
	return func(url string) (int, int, bool) {
		if a, ok := ownFile(p, used, url); ok {
			if isPhoto(a.Path) {
				img := b.image(a.Path)
				return img.w, img.h, img.w > 0
			}
			f, err := b.fsys.Open(path.Join(content.Root, a.Path))
			if err != nil {
				return 0, 0, false
			}
			defer f.Close()
			cfg, _, err := image.DecodeConfig(f)
			if err != nil {
				return 0, 0, false
			}
			return cfg.Width, cfg.Height, true
		}
		return 0, 0, false
	}
}

// local turns a URL path ("/sub/en/plan/") into a path in the output
// folder ("en/plan/") by removing the site's base path.
func (b *builder) local(urlPath string) string {
	return strings.TrimPrefix(urlPath, b.site.BasePath)
}

// resolver rewrites p's relative links: a link to a Markdown file becomes
// that page's URL (a file name without language means the page's own
// language); a link to a bundle's attachment becomes its published URL.
// A link to a Markdown file that is not a published page is an error.
// Links by site path ("/ho-tro/") and to the site's own address
// ("https://<base_url>/ho-tro/") are checked against what the build
// publishes (see sitePath). Other links are left as written. found, when
// not nil, is told the URL and language of every page a link resolves to;
// used collects the files outside bundles that the links name.
func (b *builder) resolver(p *content.Page, found func(url, lang string), used *[]content.Attachment) markdown.Resolver {
	// beside publishes a file outside bundles beside p (an image beside
	// a single-file page, linked by its name or by where another page
	// publishes it) and returns its URL there.
	beside := func(f content.Attachment) string {
		b.linked.Store(f.Path, true)
		if !slices.ContainsFunc(*used, func(a content.Attachment) bool { return a.Path == f.Path }) {
			*used = append(*used, f)
		}
		return p.Path + f.Name
	}
	return func(dest string) (string, error) {
		if strings.HasPrefix(dest, "http:") || strings.HasPrefix(dest, "https:") {
			own, ok, err := b.ownSite(dest)
			if !ok || err != nil {
				return dest, err
			}
			return b.sitePath(own, dest, found, beside)
		}
		if strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "?") {
			return dest, nil
		}
		if strings.HasPrefix(dest, "/") {
			return b.sitePath(dest, dest, found, beside)
		}
		target, frag, hasFrag := strings.Cut(dest, "#")
		if hasFrag {
			frag = "#" + frag
		}
		target, _, _ = strings.Cut(target, "?")
		if t, err := url.PathUnescape(target); err == nil {
			target = t
		}
		// Names compare in NFC on both sides: a link typed in composed
		// letters finds a file saved with decomposed ones, and the reverse.
		target = norm.NFC.String(target)
		file := norm.NFC.String(path.Join(path.Dir(p.File), target))
		isMD := strings.HasSuffix(file, ".md")
		if !strings.HasPrefix(file, content.Root+"/") {
			if isMD {
				return "", fmt.Errorf("the link %q points outside the content folder", dest)
			}
			return dest, nil
		}
		if isMD {
			q := b.content.ByFile(file)
			if q == nil {
				q = b.content.ByFile(strings.TrimSuffix(file, ".md") + "." + p.Lang + ".md")
			}
			if q != nil {
				if found != nil {
					found(q.Path+frag, q.Lang)
				}
				return q.Path + frag, nil
			}
			if _, err := fs.Stat(b.fsys, file); err == nil {
				return "", fmt.Errorf("the link %q goes to %s, which is not published (a draft, or a page with errors)", dest, file)
			}
			return "", b.missing(dest, file)
		}
		dir := path.Dir(file)
		for _, name := range []string{"index." + p.Lang + ".md", "index.md"} {
			if q := b.content.ByFile(path.Join(dir, name)); q != nil {
				rel := strings.TrimPrefix(file, content.Root+"/")
				for _, a := range q.Attachments {
					if norm.NFC.String(a.Path) == rel {
						return q.Path + a.Name + frag, nil
					}
				}
			}
		}
		// A file outside bundles (an image beside a single-file page) is
		// published beside the page that links it.
		if f, ok := b.content.File(strings.TrimPrefix(file, content.Root+"/")); ok && f.Name != "index.html" {
			return beside(f) + frag, nil
		}
		// A link with a file extension names a file: it must be an
		// attachment. A link without one ("../plan/x/") is a URL path, left
		// as written.
		if ext := path.Ext(target); ext != "" && ext != ".html" && !strings.HasSuffix(target, "/") {
			if _, err := fs.Stat(b.fsys, file); err == nil {
				return "", fmt.Errorf("the link %q goes to %s, which is not in a page bundle, so it is not published", dest, file)
			}
			return "", b.missing(dest, file)
		}
		return dest, nil
	}
}

// foreignKind names what a page would load from another website, for a
// message.
func foreignKind(what string) diag.Text {
	switch what {
	case "script":
		return diag.T("a script")
	case "stylesheet":
		return diag.T("a stylesheet")
	case "stylesheet url()":
		return diag.T("a stylesheet url()")
	case "img", "image", "picture", "source", "input":
		return diag.T("an image")
	case "iframe", "frame", "embed", "object":
		return diag.T("a frame")
	case "audio", "video", "track":
		return diag.T("a sound or a video")
	case "icon", "shortcut icon", "apple-touch-icon":
		return diag.T("an icon")
	}
	return diag.T("a file (%s)", what)
}

// missing explains a link to a file that does not exist, suggesting the
// closest name in the same folder.
func (b *builder) missing(dest, file string) error {
	msg := fmt.Sprintf("the link %q goes to %s, which does not exist", dest, file)
	if strings.Contains(dest, "\\") {
		return linkError{msg, `write links with "/" between folders, not "\\"`}
	}
	entries, _ := fs.ReadDir(b.fsys, path.Dir(file))
	var names []string
	for _, e := range entries {
		names = append(names, norm.NFC.String(e.Name()))
	}
	if s := diag.Suggest(path.Base(file), names); s != "" {
		return linkError{msg, fmt.Sprintf("did you mean %q?", path.Join(path.Dir(dest), s))}
	}
	if isImageName(file) {
		return linkError{msg, fmt.Sprintf("save the image in the folder %s/ with the name %s, or write the name of an image that is there", path.Dir(file), path.Base(file))}
	}
	return linkError{msg, "link to the page's Markdown file, relative to this file, e.g. ../plan/164-kh-ubnd/index.vi.md"}
}

// linkError is a broken link with a hint for fixing it.
type linkError struct{ msg, hint string }

func (e linkError) Error() string { return e.msg }

// Hint returns how to fix the link.
func (e linkError) Hint() string { return e.hint }
