package render

import (
	"maps"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/fold"
	"github.com/loa-ssg/loa/internal/i18n"
)

// TestAZFromEarlierRenderer holds what New takes over from Input.Parsed
// (an incremental rebuild's renderer): the A–Z list, sorted from the
// earlier list's order, and the folded titles, kept from the earlier
// renderer, are those a renderer made from nothing has, after titles
// changed, pages came and went and two titles swapped places.
func TestAZFromEarlierRenderer(t *testing.T) {
	site, l := config.Parse(config.File, []byte(viewSite), "")
	if len(l) != 0 {
		t.Fatalf("site.yaml: %v", l)
	}
	tmpl := fstest.MapFS{}
	maps.Copy(tmpl, viewTemplates)
	tmpl["search.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}search{{end}}`)}
	for _, name := range []string{"az.html", "provider.html", "directory-list.html"} {
		tmpl[name] = &fstest.MapFile{Data: []byte(`{{define "main"}}` + name + `{{end}}`)}
	}
	cat, _, err := i18n.Load(fstest.MapFS{}, []string{"vi", "en"})
	if err != nil {
		t.Fatal(err)
	}
	build := func(files map[string]string, parsed *Renderer) *Renderer {
		t.Helper()
		fsys := fstest.MapFS{}
		for name, text := range files {
			fsys["content/"+name] = &fstest.MapFile{Data: []byte(text)}
		}
		cs, l, err := content.Load(fsys, site, content.Options{})
		if err != nil || len(l) != 0 {
			t.Fatalf("content: %v %v", err, l)
		}
		r, l, err := New(Input{Site: site, Content: cs, Catalog: cat, Builtin: tmpl, Parsed: parsed,
			Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
		if err != nil || len(l) != 0 {
			t.Fatalf("render.New: %v %v", err, l)
		}
		return r
	}
	page := func(title string) string { return "---\ntitle: " + title + "\n---\nChữ.\n" }
	before := map[string]string{
		"_index.vi.md": page("Trang chủ"), "_index.en.md": page("Home"),
		"a.vi.md": page("Đường dây nóng"), "b.vi.md": page("Ăn uống"), "c.vi.md": page("Bảo vệ"),
		"d.vi.md": page("ăn uống"), "e.vi.md": page("Zalo"), "a.en.md": page("Hotline"), "b.en.md": page("Eating"),
	}
	after := maps.Clone(before)
	after["a.vi.md"], after["e.vi.md"] = page("Zalo"), page("Đường dây nóng") // swapped
	after["c.vi.md"] = page("Ấp")                                             // renamed
	delete(after, "d.vi.md")
	after["f.vi.md"], after["g.en.md"] = page("Dịch vụ"), page("Advice") // new
	earlier := build(before, nil)
	got, want := build(after, earlier), build(after, nil)
	az := func(r *Renderer) map[string][]string {
		out := map[string][]string{}
		for _, e := range r.Extras() {
			if e.kind == "az" {
				for _, p := range e.list {
					out[e.Lang] = append(out[e.Lang], p.File+" "+p.Title)
				}
			}
		}
		return out
	}
	sorted := map[string][]string{
		"vi": {"content/b.vi.md Ăn uống", "content/c.vi.md Ấp", "content/f.vi.md Dịch vụ", "content/e.vi.md Đường dây nóng", "content/a.vi.md Zalo"},
		"en": {"content/g.en.md Advice", "content/b.en.md Eating", "content/a.en.md Hotline"},
	}
	if g, w := az(got), az(want); !maps.EqualFunc(g, sorted, slices.Equal) || !maps.EqualFunc(w, sorted, slices.Equal) {
		t.Errorf("A–Z lists from an earlier renderer:\n%q\nfrom nothing:\n%q\nwant:\n%q", g, w, sorted)
	}
	// The folded titles taken over keep the earlier ones too (a function
	// of the string alone): each must be right, and none missing.
	for title, key := range got.titleKeys {
		if key != fold.Key(title) {
			t.Errorf("folded title of %q from an earlier renderer: %q, want %q", title, key, fold.Key(title))
		}
	}
	for title := range want.titleKeys {
		if _, ok := got.titleKeys[title]; !ok {
			t.Errorf("no folded title of %q from an earlier renderer", title)
		}
	}
}
