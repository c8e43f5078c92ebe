package build

import (
	"context"
	"errors"
	"hash/maphash"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/check"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/diag"
)

// Session keeps a built site in memory so that an edit is rebuilt in
// proportion to what it changed (loa serve). It is not safe for
// concurrent use.
type Session struct {
	opts Options
	b    *builder // the last good build
	// stale is set when pages changed since the search index was written.
	stale bool
	// broken is set when the last rebuild failed: the files on disk then
	// differ from the last good build in memory, so the next rebuild must
	// read everything again, or an edit elsewhere would hide the problem.
	broken bool
	// state is what the last good build keeps for an incremental rebuild
	// (incremental.go), cache the content files it read, seed the seed
	// of the keys it compares.
	state *incState
	cache *content.Cache
	// arrays are the arrays of one entry per page an incremental rebuild
	// fills, kept for the next one.
	arrays pageArrays
	seed   maphash.Seed
	// large holds the buffers an incremental rebuild makes its large
	// generated files in (sitemap.xml, the A–Z lists: megabytes at 10,000
	// pages per language), kept for the next one: the files of a rebuild
	// are written before it returns (incBuild.largeBuffer).
	large largeBuffers
}

// NewSession builds the site as Run does and keeps what it loaded.
func NewSession(ctx context.Context, opts Options) (*Session, Result, error) {
	s := &Session{opts: opts, seed: maphash.MakeSeed()}
	res, err := s.full(ctx)
	return s, res, err
}

func (s *Session) full(ctx context.Context) (Result, error) {
	b, err := newBuilder(s.opts)
	if err != nil {
		return Result{}, err
	}
	b.keepSources = true // Rebuild reconverts and rechecks pages
	// Everything is read again: the cache starts empty.
	cache := content.NewCache()
	b.inc = &incBuild{seed: s.seed, written: map[string]string{}, cache: cache}
	res, err := b.run(ctx)
	if err == nil {
		s.b, s.stale, s.cache = b, false, cache
		s.state, _ = newState(b, nil, nil, nil, nil, nil)
	}
	s.broken = err != nil
	return res, err
}

// notBodyOnly rebuilds after a change that is not only an edit of page
// bodies: incrementally when it can, else the whole site.
func (s *Session) notBodyOnly(ctx context.Context, changed []string) (Result, error) {
	res, err := s.incremental(ctx, changed)
	if errors.Is(err, errFull) {
		return s.full(ctx)
	}
	s.broken = err != nil
	return res, err
}

// Rebuild brings the output up to date after the files in changed (paths
// as the watcher reports them) changed. When every change is an edit of a
// Markdown page's body, only those pages are converted, checked and
// written again, in place (Result.Stages: "rebuild"). Other edits of
// Markdown pages (front matter, new, deleted or renamed files and
// bundles), of the interface strings (content/i18n) and of the directory
// are rebuilt incrementally (incremental.go; Stages: "incremental", then
// each step): only the pages whose output can change are rendered, and
// only files whose bytes changed are written. Templates, static files,
// site.yaml, search.yaml, attachments and other files, and a directory
// edit that changes the numbers made call links, rebuild the whole site.
// Errors leave the output as it was; after an error, the next Rebuild is a
// whole one, whatever changed, so that problems still on disk are reported
// until they are fixed. After a Rebuild the search index is out of date
// until Settle.
func (s *Session) Rebuild(ctx context.Context, changed []string) (res Result, err error) {
	if s.b == nil || s.broken {
		return s.full(ctx)
	}
	defer func() {
		if err != nil {
			s.broken = true
		}
	}()
	start := time.Now()
	var (
		pages []*content.Page
		old   []content.Page // their text before the edit, to put back on errors
	)
	revert := func() {
		for i, p := range pages {
			p.Text, p.Body, p.BodyOffset = old[i].Text, old[i].Body, old[i].BodyOffset
		}
	}
	for _, c := range changed {
		file, ok := s.contentFile(c)
		p := s.b.content.ByFile(file)
		if !ok || p == nil || slices.Contains(pages, p) {
			if ok && p != nil {
				continue // the same file twice in one batch
			}
			revert()
			return s.notBodyOnly(ctx, changed)
		}
		before := *p
		if _, ok, err := s.b.content.ReloadBody(s.b.fsys, s.b.site, file); err != nil || !ok {
			revert()
			return s.notBodyOnly(ctx, changed)
		}
		pages, old = append(pages, p), append(old, before)
	}
	b := s.b
	res = Result{Pages: map[string]int{}, Languages: b.res.Languages, Out: b.out}
	w := b.workers.Get().(*worker)
	defer b.workers.Put(w)
	b.inPlace, b.staging, b.pending = true, b.out, map[string][]byte{}
	defer func() { b.inPlace, b.staging, b.pending = false, "", nil }()
	var l diag.List
	updated := slices.Clone(b.checked)
	analyzed := slices.Clone(b.analyzed)
	var changedIdx []int
	for _, p := range pages {
		i := slices.IndexFunc(updated, func(c check.Page) bool { return c.Page == p })
		changedIdx = append(changedIdx, i)
		updated[i] = check.Page{Page: p}
		d, err := b.page(w, &updated[i], &analyzed[i])
		if err != nil {
			return res, err
		}
		l.Append(d)
		res.Pages[p.Lang]++
	}
	l.Append(check.RunChanged(b.site, updated, changedIdx))
	res.Diagnostics = l
	res.Diagnostics.Sort()
	res.Stages = []Stage{{Name: "rebuild", Duration: time.Since(start)}}
	if l.HasErrors() {
		revert() // nothing was written: the last good site stays
		return res, ErrContent
	}
	pending := b.pending
	b.pending = nil
	for _, name := range slices.Sorted(maps.Keys(pending)) {
		if err := b.writeFile(name, pending[name]); err != nil {
			return res, err
		}
	}
	b.checked, b.analyzed, s.stale = updated, analyzed, true
	b.loaded = nil // b.content's pages hold text that Load did not read
	for _, p := range pages {
		// What an incremental rebuild kept of them is out of date.
		s.cache.Forget(p.File)
		s.state.forget(p.File)
	}
	return res, nil
}

// Settle writes what a Rebuild left out of date: the search index (only
// its files whose bytes changed; those no longer made are deleted). It
// does nothing when nothing is stale.
func (s *Session) Settle() error {
	if !s.stale || s.b == nil {
		return nil
	}
	b := s.b
	b.inPlace, b.staging, b.pending = true, b.out, map[string][]byte{}
	defer func() { b.inPlace, b.staging, b.pending = false, "", nil }()
	if err := b.writeSearch(b.content.Pages, b.analyzed, b.extraDocs); err != nil {
		return err
	}
	after := map[string]bool{}
	for name := range b.pending {
		after[strings.TrimPrefix(name, "/")] = true
	}
	var gone []string
	for f, o := range s.state.files {
		if o == ownerSearch && !after[f] {
			gone = append(gone, f)
		}
	}
	slices.Sort(gone)
	if _, err := b.flush(gone); err != nil {
		return err
	}
	for _, f := range gone {
		delete(s.state.files, f)
	}
	for f := range after {
		s.state.files[f] = ownerSearch
	}
	s.stale = false
	return nil
}

// contentFile turns a changed path into a Markdown page's source-relative
// file ("content/plan/x.vi.md").
func (s *Session) contentFile(changed string) (string, bool) {
	if !strings.HasSuffix(changed, ".md") {
		return "", false
	}
	abs, err := realPath(changed)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(s.b.source, abs)
	if err != nil || !strings.HasPrefix(filepath.ToSlash(rel), content.Root+"/") {
		return "", false
	}
	if _, err := os.Stat(abs); errors.Is(err, os.ErrNotExist) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
