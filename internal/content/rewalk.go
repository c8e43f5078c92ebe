package content

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
)

// walked is a walk of content/ (walk) that found no problem, kept by a
// Cache so that the next Load after an edit of single Markdown files
// updates it with those files instead of walking the whole tree again.
type walked struct {
	skip        string // Options.Skip, joined: a walk with other options is not reused
	files       []file // in walk order
	attachments map[string][]Attachment
	loose       []Attachment
	bundles     map[string]bool // content-relative bundle folders
	dirs        map[string]bool // content-relative folders walked ("" for content/ itself)
}

// walkCached is walk through c: when c holds the last walk and every path
// forgotten since is a Markdown file that is not a bundle's index, in a
// folder that was walked and is not in a bundle (a page added, edited,
// deleted or renamed within its folder), the last walk is updated with
// those files; otherwise content/ is walked again.
func walkCached(c *Cache, fsys fs.FS, site *config.Site, opts Options) ([]file, map[string][]Attachment, []Attachment, diag.List, error) {
	if c == nil {
		return walk(fsys, site, opts)
	}
	skip := strings.Join(opts.Skip, "\x00")
	c.mu.Lock()
	last, changed := c.walk, c.changed
	c.walk, c.changed = nil, nil
	c.mu.Unlock()
	if last != nil && last.skip == skip {
		if w, ok := last.update(fsys, site, opts, changed); ok {
			c.keepWalk(w)
			return w.files, w.attachments, w.loose, nil, nil
		}
	}
	files, attachments, loose, l, err := walk(fsys, site, opts)
	if err == nil && len(l) == 0 {
		w := &walked{skip: skip, files: files, attachments: attachments, loose: loose, bundles: map[string]bool{}, dirs: map[string]bool{"": true}}
		for _, f := range files {
			if f.bundle {
				w.bundles[f.dir] = true
			}
		}
		for _, f := range files {
			for d := path.Dir(strings.TrimPrefix(f.path, Root+"/")); d != "." && !w.dirs[d]; d = path.Dir(d) {
				w.dirs[d] = true
			}
		}
		for _, a := range loose {
			for d := path.Dir(a.Path); d != "." && !w.dirs[d]; d = path.Dir(d) {
				w.dirs[d] = true
			}
		}
		c.keepWalk(w)
	}
	return files, attachments, loose, l, err
}

// keepWalk keeps w as the last walk, unless a path was forgotten since it
// began.
func (c *Cache) keepWalk(w *walked) {
	c.mu.Lock()
	if len(c.changed) == 0 {
		c.walk = w
	}
	c.mu.Unlock()
}

// update returns the walk w after the files at the source-relative paths
// changed were added, edited or deleted, or false when one of them is not
// such a file (see walkCached).
func (w *walked) update(fsys fs.FS, site *config.Site, opts Options, changed []string) (*walked, bool) {
	files := w.files // changed in place: the cache gave w up (walkCached)
	skip := append([]string{"i18n"}, opts.Skip...)
	for _, name := range changed {
		rel, ok := strings.CutPrefix(name, Root+"/")
		if !ok {
			return nil, false
		}
		if slices.ContainsFunc(skip, func(s string) bool { return rel == s || strings.HasPrefix(rel, s+"/") }) {
			continue // not walked: no page there
		}
		dir, base := path.Split(rel)
		dir = strings.TrimSuffix(dir, "/")
		if !strings.HasSuffix(base, ".md") || isIndex(base) || !w.dirs[dir] || w.dirs[rel] || enclosingBundle(w.bundles, dir) != "" ||
			strings.HasPrefix(base, ".") || (base[0] == '_' && !strings.HasPrefix(base, "_index.")) {
			return nil, false
		}
		for d := dir; d != ""; d = parentDir(d) {
			if b := path.Base(d); strings.HasPrefix(b, ".") || strings.HasPrefix(b, "_") {
				return nil, false
			}
		}
		info, err := fs.Stat(fsys, name)
		exists := err == nil
		if (err != nil && !errors.Is(err, fs.ErrNotExist)) || (exists && !info.Mode().IsRegular()) {
			return nil, false
		}
		var f file
		if exists {
			var d *diag.Diagnostic
			if f, d = classify(name, rel, site); d != nil {
				return nil, false
			}
		}
		i, found := slices.BinarySearchFunc(files, name, func(f file, name string) int { return walkOrder(f.path, name) })
		switch {
		case found && exists:
			files[i] = f
		case found:
			files = slices.Delete(files, i, i+1)
		case exists:
			files = slices.Insert(files, i, f)
		}
	}
	out := *w
	out.files = files
	return &out, true
}

// walkOrder compares two slash paths in the order fs.WalkDir visits them:
// name by name, each folder's entries in lexical order.
func walkOrder(a, b string) int {
	for {
		ea, ra, moreA := strings.Cut(a, "/")
		eb, rb, moreB := strings.Cut(b, "/")
		if c := strings.Compare(ea, eb); c != 0 {
			return c
		}
		switch {
		case !moreA && !moreB:
			return 0
		case !moreA:
			return -1
		case !moreB:
			return 1
		}
		a, b = ra, rb
	}
}
