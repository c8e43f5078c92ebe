package content

import (
	"fmt"
	"slices"
	"testing"
	"testing/fstest"
)

// TestCacheRecycle: a Load through a Cache copies its pages into the
// memory of a Site given back (Recycle), and gives the pages a Load
// without the cache gives; the last Load's Site, and any Site not given
// back, keep their pages as they were.
func TestCacheRecycle(t *testing.T) {
	fsys := fstest.MapFS{"content/_index.vi.md": {Data: []byte("---\ntitle: Trang chủ\n---\nChào.\n")}}
	for i := range 2*slabPages + 3 { // more than one array of pages
		fsys[fmt.Sprintf("content/news/%03d.vi.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Tin %d\ndate: 2024-01-%02d\n---\nBài %d.\n", i, 1+i%28, i))}
	}
	site := testSite(t)
	c := NewCache()
	load := func() *Site {
		t.Helper()
		s, _, err := Load(fsys, site, Options{Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	shown := func(s *Site) []string {
		var out []string
		for _, p := range s.Pages {
			out = append(out, fmt.Sprintf("%s %s %s %d %v", p.File, p.Path, p.Title, len(p.Children), p.Parent != nil))
		}
		return out
	}
	in := func(s *Site, p *Page) bool {
		for _, slab := range s.slabs {
			for i := range slab {
				if &slab[i] == p {
					return true
				}
			}
		}
		return false
	}
	first := load()
	second := load() // copies from the cache
	before := shown(second)
	c.Recycle(second) // the last Load's: not given back
	if c.spare != nil {
		t.Fatal("the last Load's Site was given back")
	}
	third := load()
	if !slices.Equal(shown(second), before) {
		t.Fatal("a Load changed the pages of a Site not given back")
	}
	slabs := second.slabs
	c.Recycle(second) // now an older one
	edit := "content/news/001.vi.md"
	fsys[edit] = &fstest.MapFile{Data: []byte("---\ntitle: Tin sửa\n---\nBài sửa.\n")}
	c.Forget(edit)
	fourth := load()
	want, _, err := Load(fsys, site, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(shown(fourth), shown(want)) {
		t.Errorf("pages after a recycled Load:\n%q\nwant\n%q", shown(fourth), shown(want))
	}
	reused := 0
	for _, p := range fourth.Pages {
		if in(&Site{slabs: slabs}, p) {
			reused++
		}
		if in(third, p) || in(first, p) {
			t.Fatalf("%s was copied into a Site not given back", p.File)
		}
	}
	if reused != len(fourth.Pages)-1 { // all but the page read again
		t.Errorf("%d of %d pages in the memory given back", reused, len(fourth.Pages))
	}
}
