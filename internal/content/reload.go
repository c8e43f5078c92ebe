package content

import (
	"io/fs"
	"reflect"

	"github.com/loa-ssg/loa/internal/config"
)

// ReloadBody re-reads the page loaded from file (a source-relative path)
// for an edit made while the site is kept in memory (loa serve). When only
// the Markdown body changed, it puts the new text into the page in place
// and returns the page and true. When anything else changed (the front
// matter, the file is gone, it no longer reads cleanly) it changes nothing
// and returns false: the caller must load the whole site again. The caller
// must not use the Site from other goroutines meanwhile.
func (s *Site) ReloadBody(fsys fs.FS, site *config.Site, file string) (*Page, bool, error) {
	p := s.ByFile(file)
	if p == nil {
		return nil, false, nil
	}
	f, d := classify(file, file[len(Root)+1:], site)
	if d != nil {
		return nil, false, nil
	}
	fresh, l, err := read(fsys, site, f)
	if err != nil || fresh == nil || len(l) > 0 {
		return nil, false, err
	}
	if !sameFrontMatter(p.FrontMatter, fresh.FrontMatter) || fresh.Slug != p.Slug || fresh.Key != p.Key {
		return nil, false, nil
	}
	p.Text, p.Body, p.BodyOffset = fresh.Text, fresh.Body, fresh.BodyOffset
	return p, true, nil
}

// sameFrontMatter reports whether a and b are the same front matter,
// field by field, whatever its keys: a new key needs nothing here. The
// positions count too, so that front matter laid out anew (a line added
// above a key) loads the site again and no diagnostic keeps a stale line.
func sameFrontMatter(a, b FrontMatter) bool {
	return reflect.DeepEqual(a, b)
}
