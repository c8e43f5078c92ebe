package content

import (
	"io/fs"
	"strings"
	"sync"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
)

// Cache keeps what Load read from each Markdown file, so that a later Load
// (loa serve, after an edit) reads again only the files the caller says
// changed (Forget) and those it has not seen. A file is reused only when
// the walk finds it with the same role (language, kind, folder, bundle or
// not): a folder that becomes a bundle reads its files again. When the
// files read again move no page (the same files, kinds, languages,
// folders, translation keys, slugs and aliases as the last Load, which
// reported no clash), Load takes the last Load's translations, parents
// and URL paths instead of pairing and placing every page (placeLike).
// It is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	files map[string]cachedFile
	// walk is the last walk of content/, changed the paths forgotten
	// since (rewalk.go).
	walk    *walked
	changed []string
	// site is what the last Load through the cache returned, whose lists
	// give the next Load's sorts their starting order (Site.place).
	site *Site
	// spare holds the arrays of pages of a Site given back (Recycle),
	// for the next Load.
	spare [][]Page
}

// cachedFile is one file as read: the page before Load links it to the
// others (nil when the file has errors), and its diagnostics.
type cachedFile struct {
	f     file
	page  *Page
	diags diag.List
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]cachedFile{}} }

// Forget drops the file at rel (source-relative, slash-separated,
// "content/news/x.vi.md") and every file below it when rel is a folder, so
// that the next Load reads them again.
func (c *Cache) Forget(rel string) {
	rel = strings.TrimSuffix(rel, "/")
	c.mu.Lock()
	defer c.mu.Unlock()
	c.changed = append(c.changed, rel)
	for name := range c.files {
		if name == rel || strings.HasPrefix(name, rel+"/") {
			delete(c.files, name)
		}
	}
}

// get returns a fresh copy of the page read from f, made in into, with
// its diagnostics.
func (c *Cache) get(f file, into *Page) (*Page, diag.List, bool) {
	c.mu.Lock()
	cf, ok := c.files[f.path]
	c.mu.Unlock()
	if !ok || cf.f != f {
		return nil, nil, false
	}
	if cf.page == nil {
		return nil, cf.diags, true
	}
	*into = *cf.page // the links Load adds go into the copy
	return into, cf.diags, true
}

// put keeps what read returned for f: p is copied before Load links it.
func (c *Cache) put(f file, p *Page, l diag.List) {
	cf := cachedFile{f: f, diags: l}
	if p != nil {
		q := *p
		cf.page = &q
	}
	c.mu.Lock()
	c.files[f.path] = cf
	c.mu.Unlock()
}

// readCached is read through c, when c is not nil; a page c holds is
// copied into into.
func readCached(c *Cache, fsys fs.FS, site *config.Site, f file, into *Page) (*Page, diag.List, error) {
	if c != nil {
		if p, l, ok := c.get(f, into); ok {
			return p, l, nil
		}
	}
	p, l, err := read(fsys, site, f)
	if err == nil && c != nil {
		c.put(f, p, l)
	}
	return p, l, err
}

// lastSite returns what the last Load through c returned (nil for a nil
// Cache, or before the first).
func (c *Cache) lastSite() *Site {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.site
}

// keepSite keeps s as the last Load's site (nothing for a nil Cache).
func (c *Cache) keepSite(s *Site) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.site = s
	c.mu.Unlock()
}

// Recycle tells c that nothing reads s, a Site that a Load through c
// returned, any more (not its pages, nor anything they point to from s):
// the next Load through c copies the pages it holds into the memory of
// s's pages, not into new memory. The last Load's Site, which the next
// Load reads, is never used so; nor is a Site given back twice. A nil
// Cache or Site does nothing.
func (c *Cache) Recycle(s *Site) {
	if c == nil || s == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s != c.site {
		c.spare, s.slabs = s.slabs, nil
	}
}

// slabs returns the arrays of slabPages pages (the last one shorter) that
// a Load of n files copies its pages into: the spare ones first, cleared,
// then new ones. A nil Cache gives none.
func (c *Cache) slabs(n int) [][]Page {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	spare := c.spare
	c.spare = nil
	c.mu.Unlock()
	slabs := make([][]Page, (n+slabPages-1)/slabPages)
	for i := range slabs {
		size := min(slabPages, n-i*slabPages)
		if len(spare) > 0 && cap(spare[0]) >= size {
			slabs[i], spare = spare[0][:size], spare[1:]
			clear(slabs[i])
			continue
		}
		slabs[i] = make([]Page, size)
	}
	return slabs
}
