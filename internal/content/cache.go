package content

import (
	"io/fs"
	"slices"
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
	// order holds what the last Load read from each of its files, in
	// walk order, so that the next Load finds most files without a
	// look-up in files (byOrder); an entry Forget dropped is marked
	// forgotten. forgets counts the calls of Forget, so that a Load
	// keeps its order only when no file was forgotten while it ran.
	order   []cachedFile
	forgets int
	// spareOrder is the array of the order before the last, for the
	// next Load's (byOrder).
	spareOrder []cachedFile
	// lookups counts the entries looked up in files, for tests.
	lookups int
}

// cachedFile is one file as read: the page before Load links it to the
// others (nil when the file has errors), and its diagnostics. forgotten
// marks an entry of Cache.order that Forget dropped.
type cachedFile struct {
	f         file
	page      *Page
	diags     diag.List
	forgotten bool
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
	c.forgets++
	for name := range c.files {
		if name == rel || strings.HasPrefix(name, rel+"/") {
			delete(c.files, name)
		}
	}
	// rel and the files below it are side by side in walk order.
	i, _ := slices.BinarySearchFunc(c.order, rel, func(cf cachedFile, rel string) int { return walkOrder(cf.f.path, rel) })
	for ; i < len(c.order); i++ {
		if name := c.order[i].f.path; name != rel && !strings.HasPrefix(name, rel+"/") {
			break
		}
		c.order[i].forgotten = true
	}
}

// get returns what c holds for f: slot, when it is an entry for f that
// Forget did not drop (byOrder), else the entry of files, looked up.
func (c *Cache) get(f file, slot *cachedFile) (cachedFile, bool) {
	if !slot.forgotten && slot.f == f {
		return *slot, true
	}
	c.mu.Lock()
	cf, ok := c.files[f.path]
	c.lookups++
	c.mu.Unlock()
	return cf, ok && cf.f == f
}

// put keeps what read returned for f (p is copied before Load links it)
// and returns the entry kept.
func (c *Cache) put(f file, p *Page, l diag.List) cachedFile {
	cf := cachedFile{f: f, diags: l}
	if p != nil {
		q := *p
		cf.page = &q
	}
	c.mu.Lock()
	c.files[f.path] = cf
	c.mu.Unlock()
	return cf
}

// readCached is read through c, when c is not nil: a page c holds (in
// *slot, when it is f's, else c's entry for f) is copied into into, and
// *slot is set to the entry used or made (marked forgotten when read
// failed).
func readCached(c *Cache, fsys fs.FS, site *config.Site, f file, into *Page, slot *cachedFile) (*Page, diag.List, error) {
	if c != nil {
		cf, ok := c.get(f, slot)
		if ok {
			*slot = cf
			if cf.page == nil {
				return nil, cf.diags, nil
			}
			*into = *cf.page // the links Load adds go into the copy
			return into, cf.diags, nil
		}
		*slot = cachedFile{f: f, forgotten: true} // (the path keeps the order sorted)
	}
	p, l, err := read(fsys, site, f)
	if err == nil && c != nil {
		*slot = c.put(f, p, l)
	}
	return p, l, err
}

// byOrder returns, for each of files (in walk order), a copy of the entry
// the last Load through c kept for the file at its path (one marked
// forgotten for a file it did not read), found by walking both lists side by side (a
// file added or deleted since shifts the others): no look-up in c.files,
// whose 20,000 paths hashed and compared cost a rebuild of loa serve more
// than copying the pages. The Load puts what it reads in the same slots
// and gives them back with keepOrder; the array is the one the Load
// before last kept, when large enough (an array of 20,000 entries made
// anew at each rebuild took memory the system had to hand over again).
// It also returns the count of Forget calls so far, for keepOrder. A nil
// Cache gives nil.
func (c *Cache) byOrder(files []file) ([]cachedFile, int) {
	if c == nil {
		return nil, 0
	}
	c.mu.Lock() // Forget marks entries of c.order
	defer c.mu.Unlock()
	prev, slots, forgets := c.order, c.spareOrder, c.forgets
	c.spareOrder = nil
	if cap(slots) >= len(files) {
		slots = slots[:len(files)]
	} else {
		slots = make([]cachedFile, len(files))
	}
	j := 0
	for i := range files {
		name := files[i].path
		for j < len(prev) && prev[j].f.path != name && walkOrder(prev[j].f.path, name) < 0 {
			j++ // a file deleted since
		}
		if j < len(prev) && prev[j].f.path == name {
			slots[i] = prev[j] // get checks that it is f's, not forgotten
			j++
		} else {
			slots[i] = cachedFile{f: file{path: name}, forgotten: true}
		}
	}
	return slots, forgets
}

// keepOrder keeps slots, what a Load through c read from each of its
// files in walk order (byOrder), as the order the next Load starts from,
// unless Forget was called since byOrder returned forgets. The last
// order's array is kept for the Load after next.
func (c *Cache) keepOrder(slots []cachedFile, forgets int) {
	if c == nil {
		return
	}
	c.mu.Lock()
	if c.forgets == forgets {
		c.order, c.spareOrder = slots, c.order
	} else {
		c.order = nil
	}
	c.mu.Unlock()
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
