package content

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCachePlaceLike: a Load through a Cache that places its pages as
// the last Load's (placeLike) gives, after each random edit, the pages
// (URL paths, parents, children in order, translations) and problems of a
// Load from nothing; it is taken for edits that move no page (a title, a
// date, a weight, a body) and not for those that do (a slug, a
// translation key, an alias, a page added or deleted), nor after a Load
// that reported a clash.
func TestCachePlaceLike(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 17))
	fsys := fstest.MapFS{
		"content/_index.vi.md":       {Data: []byte("---\ntitle: Trang chủ\n---\n")},
		"content/_index.en.md":       {Data: []byte("---\ntitle: Home\n---\n")},
		"content/a/_index.vi.md":     {Data: []byte("---\ntitle: A\n---\n")},
		"content/a/_index.en.md":     {Data: []byte("---\ntitle: A\n---\n")},
		"content/b/_index.vi.md":     {Data: []byte("---\ntitle: B\n---\n")},
		"content/b/c/_index.vi.md":   {Data: []byte("---\ntitle: C\n---\n")},
		"content/b/c/bo/index.vi.md": {Data: []byte("---\ntitle: Bó\n---\n")},
		"content/b/c/bo/index.en.md": {Data: []byte("---\ntitle: Bundle\n---\n")},
	}
	dirs := []string{"a", "b", "b/c"}
	// What moves a page: its slug, translation key and aliases, kept per
	// file so that an edit can leave them as they are.
	type placing struct{ slug, key, alias string }
	placed := map[string]placing{}
	order := map[string][3]string{} // title, day, weight ("-1": none) of each file
	page := func(f string, move bool) []byte {
		pl := placed[f]
		if move {
			pl = placing{}
			if rng.IntN(3) == 0 {
				pl.slug = fmt.Sprintf("slug: s%d\n", rng.IntN(200))
			}
			if rng.IntN(3) == 0 {
				pl.key = fmt.Sprintf("translation_key: k%d\n", rng.IntN(200))
			}
			if rng.IntN(4) == 0 {
				pl.alias = fmt.Sprintf("aliases: [/cu/%d/]\n", rng.IntN(80))
			}
			placed[f] = pl
		}
		// One of the title, date, weight or body changes, or all.
		o := order[f]
		switch what := rng.IntN(5); {
		case what == 0 || move || o == [3]string{}:
			o = [3]string{fmt.Sprint(rng.IntN(4)), fmt.Sprint(1 + rng.IntN(3)), fmt.Sprint(rng.IntN(3) - 1)}
		case what < 4:
			o[what-1] = [3]string{fmt.Sprint(rng.IntN(4)), fmt.Sprint(1 + rng.IntN(3)), fmt.Sprint(rng.IntN(3) - 1)}[what-1]
		}
		order[f] = o
		fm := fmt.Sprintf("---\ntitle: T%s\ndate: 2024-01-0%s\n", o[0], o[1])
		if o[2] != "-1" {
			fm += "weight: " + o[2] + "\n"
		}
		return []byte(fm + pl.slug + pl.key + pl.alias + "---\nText " + fmt.Sprint(rng.IntN(9)) + ".\n")
	}
	name := func() string {
		return fmt.Sprintf("content/%s/p%d.%s.md", dirs[rng.IntN(len(dirs))], rng.IntN(10), []string{"vi", "en"}[rng.IntN(2)])
	}
	pages := func() []string {
		var out []string
		for f := range fsys {
			if strings.Contains(f, "/p") {
				out = append(out, f)
			}
		}
		slices.Sort(out)
		return out
	}
	for range 30 {
		f := name()
		fsys[f] = &fstest.MapFile{Data: page(f, true)}
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
			line += "> ["
			for _, ch := range p.Children {
				line += " " + ch.File
			}
			line += " ] {"
			for _, tr := range p.Translations {
				line += " " + tr.File
			}
			out = append(out, line+" }")
		}
		return out
	}
	if _, _, err := Load(fsys, site, Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	likes, moves, clashes := 0, 0, 0
	for step := range 150 {
		var changed []string
		stays := true // every edit keeps the pages where they are
		for range 1 + rng.IntN(2) {
			all := pages()
			f := all[rng.IntN(len(all))]
			switch rng.IntN(8) {
			case 0: // added (or edited, when it is there)
				f = name()
				_, there := fsys[f]
				stays = stays && there
				fsys[f] = &fstest.MapFile{Data: page(f, !there)}
			case 1: // deleted
				delete(fsys, f)
				delete(placed, f)
				stays = false
			case 2: // moved: a slug, key or alias
				old := placed[f]
				fsys[f] = &fstest.MapFile{Data: page(f, true)}
				stays = stays && placed[f] == old
			default: // a title, date, weight or body
				fsys[f] = &fstest.MapFile{Data: page(f, false)}
			}
			changed = append(changed, f)
		}
		for _, f := range changed {
			c.Forget(f)
		}
		last := c.lastSite()
		got, gl, want, wl := loadBoth(t, fsys, site, c)
		if g, w := shape(got), shape(want); !slices.Equal(g, w) || text(gl) != text(wl) {
			t.Fatalf("step %d (%q, placed like the last Load: %v): pages\n%s\nwant\n%s\n%s\nwant %s", step, changed, got.likePrev, strings.Join(g, "\n"), strings.Join(w, "\n"), text(gl), text(wl))
		}
		for i, p := range got.Pages {
			if q := last.Pages[min(i, len(last.Pages)-1)]; got.likePrev && p.Path != q.Path {
				t.Fatalf("step %d: %s has a path %q not the last Load's %q", step, p.File, p.Path, q.Path)
			}
		}
		switch {
		case got.likePrev:
			likes++
		case stays && last.clean:
			t.Errorf("step %d (%q): an edit that moves no page was not placed like the last Load", step, changed)
		default:
			moves++
			if !last.clean {
				clashes++
			}
		}
		if got.likePrev && !last.clean {
			t.Errorf("step %d: placed like a Load that reported a clash", step)
		}
	}
	if likes < 50 || moves < 30 {
		t.Errorf("%d Loads placed like the last one, %d not: the edits do not try both", likes, moves)
	}
	t.Logf("%d placed like the last Load, %d not (%d after a Load that reported a clash)", likes, moves, clashes)
}

// TestCachePlaceLikeClash: an alias made or changed, and a clash of two
// aliases, are not placed like the last Load (the clash is reported as a
// Load from nothing reports it), nor is the Load after one that reported
// a clash.
func TestCachePlaceLikeClash(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.vi.md":   {Data: []byte("---\ntitle: Trang chủ\n---\n")},
		"content/a/_index.vi.md": {Data: []byte("---\ntitle: A\n---\n")},
		"content/a/x.vi.md":      {Data: []byte("---\ntitle: X\n---\n")},
		"content/a/y.vi.md":      {Data: []byte("---\ntitle: Y\n---\n")},
		"content/a/z.en.md":      {Data: []byte("---\ntitle: Z\ntranslation_key: k\n---\n")},
	}
	site := testSite(t)
	c := NewCache()
	if _, _, err := Load(fsys, site, Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	for i, step := range []struct {
		file, text string
		like       bool
		problems   int
	}{
		{"content/a/y.vi.md", "---\ntitle: Y\naliases: [/cu/]\n---\n", false, 0},
		{"content/a/y.vi.md", "---\ntitle: Y2\naliases: [/cu/]\n---\n", true, 0},
		{"content/a/x.vi.md", "---\ntitle: X\naliases: [/cu/]\n---\n", false, 1},
		{"content/a/x.vi.md", "---\ntitle: X2\naliases: [/cu/]\n---\n", false, 1},
		{"content/a/x.vi.md", "---\ntitle: X2\naliases: [/moi/]\n---\n", false, 0},
		{"content/a/x.vi.md", "---\ntitle: X3\naliases: [/moi/]\nweight: 1\n---\n", true, 0},
		{"content/a/x.vi.md", "---\ntitle: X3\naliases: [/moi/]\nweight: 1\ntranslation_key: k\n---\n", false, 0},
		{"content/a/x.vi.md", "---\ntitle: X4\naliases: [/moi/]\nweight: 1\ntranslation_key: k\n---\n", true, 0},
	} {
		fsys[step.file] = &fstest.MapFile{Data: []byte(step.text)}
		c.Forget(step.file)
		got, gl, _, wl := loadBoth(t, fsys, site, c)
		if got.likePrev != step.like || len(gl) != step.problems || text(gl) != text(wl) {
			t.Errorf("step %d: placed like the last Load %v, want %v; problems\n%s\nwant %d:\n%s", i, got.likePrev, step.like, text(gl), step.problems, text(wl))
		}
		if x := got.ByFile("content/a/x.vi.md"); len(x.Translations) != 1+strings.Count(step.text, "translation_key") {
			t.Errorf("step %d: %d translations", i, len(x.Translations))
		}
		if kids := got.ByFile("content/a/_index.vi.md").Children; len(kids) != 2 || kids[0].Title > kids[1].Title && kids[0].Weight == 0 {
			t.Errorf("step %d: children %s, %s", i, kids[0].File, kids[1].File)
		}
	}
}
