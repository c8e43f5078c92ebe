package content

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCacheByOrder: after each random edit (a page's text, a page added,
// deleted or renamed, a page made broken and mended, a page edited and
// its folder forgotten whole), a Load through a Cache gives the pages and problems of a Load
// from nothing, and finds every file it does not read again without a
// look-up in the cache's map (Cache.byOrder): it looks up at most the
// files forgotten.
func TestCacheByOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 33))
	fsys := fstest.MapFS{"content/_index.vi.md": {Data: []byte("---\ntitle: Trang chủ\n---\nChào.\n")}}
	page := func(n int) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Tin %d\ndate: 2024-01-%02d\nweight: %d\ntags: [t%d]\n---\nBài %d.\n", n, 1+n%28, n%3, n%4, n))}
	}
	for _, d := range []string{"a", "b", "c/d"} {
		fsys["content/"+d+"/_index.vi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Mục " + d + "\n---\n")}
		for i := range 6 {
			fsys[fmt.Sprintf("content/%s/p%d.vi.md", d, i)] = page(i)
		}
	}
	site := testSite(t)
	c := NewCache()
	shown := func(s *Site) []string {
		var out []string
		for _, p := range s.Pages {
			out = append(out, fmt.Sprintf("%s %s %q %s %d %v %q %d", p.File, p.Path, p.Title, p.Date.Format("2006-01-02"), p.Weight, p.Tags, p.Body, len(p.Children)))
		}
		return out
	}
	pages := func() []string {
		var names []string
		for name := range fsys {
			if !strings.Contains(name, "_index") {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		return names
	}
	for step := range 60 {
		var changed []string
		what := ""
		switch names := pages(); rng.IntN(6) {
		case 0, 1:
			name := names[rng.IntN(len(names))]
			fsys[name] = page(rng.IntN(100))
			what, changed = "edited "+name, []string{name}
		case 2:
			name := fmt.Sprintf("content/%s/n%d.vi.md", []string{"a", "b", "c/d"}[rng.IntN(3)], step)
			fsys[name] = page(step)
			what, changed = "added "+name, []string{name}
		case 3:
			name := names[rng.IntN(len(names))]
			delete(fsys, name)
			what, changed = "deleted "+name, []string{name}
		case 4:
			name := names[rng.IntN(len(names))]
			to := strings.TrimSuffix(name, ".vi.md") + fmt.Sprintf("-%d.vi.md", step)
			fsys[to] = fsys[name]
			delete(fsys, name)
			what, changed = "renamed "+name, []string{name, to}
		default:
			// A page broken (the cache keeps its problem) or mended, or
			// a folder forgotten whole.
			if rng.IntN(2) == 0 {
				name := names[rng.IntN(len(names))]
				fsys[name] = &fstest.MapFile{Data: []byte("---\ntitle: [\n---\n")}
				what, changed = "broke "+name, []string{name}
			} else {
				// (a page below edited: the folder forgotten whole)
				fsys["content/c/d/p1.vi.md"] = page(rng.IntN(100))
				what, changed = "forgot content/c", []string{"content/c"}
			}
		}
		for _, name := range changed {
			c.Forget(name)
		}
		before := c.lookups
		got, gl, want, wl := loadBoth(t, fsys, site, c)
		if !slices.Equal(shown(got), shown(want)) || text(gl) != text(wl) {
			t.Errorf("%s: pages %q\nwant %q\n%s\nwant %s", what, shown(got), shown(want), text(gl), text(wl))
		}
		limit := len(changed)
		if what == "forgot content/c" {
			limit = 0
			for name := range fsys {
				if strings.HasPrefix(name, "content/c/") {
					limit++
				}
			}
		}
		if step > 0 && c.lookups-before > limit {
			t.Errorf("%s: %d files looked up, want at most %d", what, c.lookups-before, limit)
		}
	}
}
