package content

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// countDirs is a file system that counts the folders read.
type countDirs struct {
	fstest.MapFS
	reads int
}

func (c *countDirs) ReadDir(name string) ([]fs.DirEntry, error) {
	c.reads++
	return c.MapFS.ReadDir(name)
}

// TestCacheWalk: after edits of Markdown files, a Load through a Cache
// finds the pages a Load from nothing finds, and walks content/ again only
// when an edit is not a page added, edited or deleted within a folder
// walked before.
func TestCacheWalk(t *testing.T) {
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\nText.\n")}
	}
	fsys := &countDirs{MapFS: fstest.MapFS{
		"content/_index.vi.md":         page("Trang chủ"),
		"content/news/_index.vi.md":    page("Tin"),
		"content/news/a.vi.md":         page("A"),
		"content/news/b.vi.md":         page("B"),
		"content/news/b/index.vi.md":   page("Bó"),
		"content/news/b/anh.jpg":       &fstest.MapFile{Data: []byte("x")},
		"content/news/b.c.vi.md":       page("B.C"),
		"content/i18n/vi.yaml":         &fstest.MapFile{Data: []byte("x: y\n")},
		"content/news/sub/x.vi.md":     page("X"),
		"content/news/anh-roi.jpg":     &fstest.MapFile{Data: []byte("x")},
		"content/plan/_index.en.md":    page("Plans"),
		"content/plan/164/index.en.md": page("Plan"),
	}}
	site := testSite(t)
	c := NewCache()
	files := func(s *Site) []string {
		var out []string
		for _, p := range s.Pages {
			out = append(out, p.File+" "+p.Path+" "+p.Title)
		}
		return out
	}
	for _, step := range []struct {
		name    string
		edit    func()
		changed []string
		walks   bool
	}{
		{"first", func() {}, nil, true},
		{"edit", func() { fsys.MapFS["content/news/a.vi.md"] = page("A2") }, []string{"content/news/a.vi.md"}, false},
		{"add", func() { fsys.MapFS["content/news/aa.vi.md"] = page("AA") }, []string{"content/news/aa.vi.md"}, false},
		{"add at the top", func() { fsys.MapFS["content/z.vi.md"] = page("Z") }, []string{"content/z.vi.md"}, false},
		{"add a section", func() { fsys.MapFS["content/news/sub/_index.vi.md"] = page("Sub") }, []string{"content/news/sub/_index.vi.md"}, false},
		{"delete", func() { delete(fsys.MapFS, "content/news/b.c.vi.md") }, []string{"content/news/b.c.vi.md"}, false},
		{"rename", func() {
			fsys.MapFS["content/news/0.vi.md"] = fsys.MapFS["content/news/aa.vi.md"]
			delete(fsys.MapFS, "content/news/aa.vi.md")
		}, []string{"content/news/aa.vi.md", "content/news/0.vi.md"}, false},
		{"interface strings", func() { fsys.MapFS["content/i18n/vi.yaml"] = &fstest.MapFile{Data: []byte("x: z\n")} }, []string{"content/i18n/vi.yaml"}, false},
		{"new folder", func() { fsys.MapFS["content/guide/g.vi.md"] = page("G") }, []string{"content/guide/g.vi.md"}, true},
		{"in a bundle", func() { fsys.MapFS["content/plan/164/index.vi.md"] = page("KH") }, []string{"content/plan/164/index.vi.md"}, true},
		{"a bundle made", func() { fsys.MapFS["content/news/sub/index.vi.md"] = page("Bó") }, []string{"content/news/sub/index.vi.md"}, true},
		{"a bundle gone", func() { delete(fsys.MapFS, "content/news/sub/index.vi.md") }, []string{"content/news/sub/index.vi.md"}, true},
		{"not Markdown", func() { fsys.MapFS["content/news/c.jpg"] = &fstest.MapFile{Data: []byte("x")} }, []string{"content/news/c.jpg"}, true},
		{"after a walk", func() { delete(fsys.MapFS, "content/news/a.vi.md") }, []string{"content/news/a.vi.md"}, false},
	} {
		step.edit()
		for _, name := range step.changed {
			c.Forget(name)
		}
		fsys.reads = 0
		got, gl, err := Load(fsys, site, Options{Cache: c, Skip: []string{"support/services"}})
		if err != nil {
			t.Fatal(err)
		}
		walked := fsys.reads > 0
		want, wl, err := Load(fsys.MapFS, site, Options{Skip: []string{"support/services"}})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(files(got), files(want)) || text(gl) != text(wl) {
			t.Errorf("%s: pages %q\nwant %q\n%s\nwant %s", step.name, files(got), files(want), text(gl), text(wl))
		}
		if walked != step.walks {
			t.Errorf("%s: walked %v, want %v", step.name, walked, step.walks)
		}
	}
}

// TestCacheChildrenOrder: a Load through a Cache starts each section's
// sort from the last Load's order (Site.childrenFrom); after random edits
// of weights, dates and titles, pages moved between sections, added and
// deleted, a section made and removed, every page's parent and children are those of a Load from
// nothing, and its URL path (taken over when it is the same).
func TestCacheChildrenOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 27))
	fsys := fstest.MapFS{
		"content/_index.vi.md":       {Data: []byte("---\ntitle: Trang chủ\n---\n")},
		"content/a/_index.vi.md":     {Data: []byte("---\ntitle: A\n---\n")},
		"content/b/_index.vi.md":     {Data: []byte("---\ntitle: B\n---\n")},
		"content/b/c/_index.vi.md":   {Data: []byte("---\ntitle: C\n---\n")},
		"content/b/c/_index.en.md":   {Data: []byte("---\ntitle: C\n---\n")},
		"content/a/_index.en.md":     {Data: []byte("---\ntitle: A\n---\n")},
		"content/_index.en.md":       {Data: []byte("---\ntitle: Home\n---\n")},
		"content/b/c/bo/index.vi.md": {Data: []byte("---\ntitle: Bó\n---\n")},
	}
	dirs := []string{"a", "b", "b/c"}
	page := func() []byte {
		fm := fmt.Sprintf("---\ntitle: T%d\ndate: 2024-01-%02d\n", rng.IntN(4), 1+rng.IntN(3))
		if rng.IntN(3) == 0 {
			fm += fmt.Sprintf("weight: %d\n", rng.IntN(3))
		}
		if rng.IntN(4) == 0 {
			fm += fmt.Sprintf("slug: s%d\n", rng.IntN(40))
		}
		return []byte(fm + "---\nText.\n")
	}
	name := func() string {
		return fmt.Sprintf("content/%s/p%d.%s.md", dirs[rng.IntN(len(dirs))], rng.IntN(12), []string{"vi", "en"}[rng.IntN(2)])
	}
	for range 30 {
		fsys[name()] = &fstest.MapFile{Data: page()}
	}
	site := testSite(t)
	c := NewCache()
	shape := func(s *Site) []string {
		var out []string
		for _, p := range s.Pages {
			line := p.File + " " + p.Path + " <"
			if p.Parent != nil {
				line += p.Parent.File
			}
			line += ">"
			for _, ch := range p.Children {
				line += " " + ch.File
			}
			out = append(out, line)
		}
		return out
	}
	for step := range 60 {
		var changed []string
		for range 1 + rng.IntN(3) {
			switch f := name(); rng.IntN(5) {
			case 4: // a section made or gone: its pages change parent
				sec := "content/b/c/_index." + []string{"vi", "en"}[rng.IntN(2)] + ".md"
				if fsys[sec] != nil {
					delete(fsys, sec)
				} else {
					fsys[sec] = &fstest.MapFile{Data: []byte("---\ntitle: C\n---\n")}
				}
				changed = append(changed, sec)
			case 0: // deleted (or nothing, when there is no such page)
				delete(fsys, f)
				changed = append(changed, f)
			case 1: // moved to another section
				for g := range fsys {
					if strings.Contains(g, "/p") {
						fsys[f] = fsys[g]
						delete(fsys, g)
						changed = append(changed, f, g)
						break
					}
				}
			default: // added or edited
				fsys[f] = &fstest.MapFile{Data: page()}
				changed = append(changed, f)
			}
		}
		for _, f := range changed {
			c.Forget(f)
		}
		got, gl, want, wl := loadBoth(t, fsys, site, c)
		if g, w := shape(got), shape(want); !slices.Equal(g, w) || text(gl) != text(wl) {
			t.Fatalf("step %d (%q): pages\n%s\nwant\n%s\n%s\nwant %s", step, changed, strings.Join(g, "\n"), strings.Join(w, "\n"), text(gl), text(wl))
		}
	}
}
