package render

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/fold"
	"github.com/loa-ssg/loa/internal/i18n"
)

// azBuilder returns a function that loads files (content-relative) and
// makes a Renderer of them with parsed as Input.Parsed, whose az.html is
// az (the other layouts say their name).
func azBuilder(t *testing.T, az string) func(files map[string]string, parsed *Renderer) *Renderer {
	site := viewSiteConfig(t)
	tmpl := fstest.MapFS{}
	maps.Copy(tmpl, viewTemplates)
	tmpl["search.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}search{{end}}`)}
	for _, name := range []string{"az.html", "provider.html", "directory-list.html"} {
		tmpl[name] = &fstest.MapFile{Data: []byte(`{{define "main"}}` + name + `{{end}}`)}
	}
	if az != "" {
		tmpl["az.html"] = &fstest.MapFile{Data: []byte(az)}
	}
	cat, _, err := i18n.Load(fstest.MapFS{}, []string{"vi", "en"})
	if err != nil {
		t.Fatal(err)
	}
	return func(files map[string]string, parsed *Renderer) *Renderer {
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
}

// TestAZFromEarlierRenderer holds what New takes over from Input.Parsed
// (an incremental rebuild's renderer): the A–Z list, sorted from the
// earlier list's order, and the folded titles, kept from the earlier
// renderer, are those a renderer made from nothing has, after titles
// changed, pages came and went and two titles swapped places.
func TestAZFromEarlierRenderer(t *testing.T) {
	build := azBuilder(t, "")
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

// TestAZRecycled: the A–Z pages of a chain of Renderers, each made with
// the one before as Input.Parsed and given the one before that back
// (Recycle, as loa serve does), whose views take the arrays of items of
// the Renderer given back (azItems), are byte for byte those of a
// Renderer made from nothing, both languages rendered at once, after
// titles changed and pages came and went (as many in each language).
func TestAZRecycled(t *testing.T) {
	build := azBuilder(t, `{{define "main"}}{{range .Letters}}<h2>{{.Letter}}</h2>{{range .Items}}<a href="{{.URL}}">{{.Title}} {{.DateText}}</a>{{end}}{{end}}{{end}}`)
	page := func(title, date string) string { return "---\ntitle: " + title + "\ndate: " + date + "\n---\nChữ.\n" }
	sites := []map[string]string{{
		"_index.vi.md": page("Trang chủ", "2024-01-01"), "_index.en.md": page("Home", "2024-01-01"),
		"a.vi.md": page("Đường dây nóng", "2024-01-02"), "b.vi.md": page("Ăn uống", "2024-01-03"), "c.vi.md": page("Bảo vệ", "2024-01-04"),
		"a.en.md": page("Hotline", "2024-01-05"), "b.en.md": page("Eating", "2024-01-06"),
	}}
	for i := range 8 { // as many pages in each: every array fits the next list
		next := maps.Clone(sites[i])
		next["a.vi.md"] = page(fmt.Sprintf("Tin %d", i), "2024-02-01")
		delete(next, fmt.Sprintf("n%d.en.md", i-1))
		if i == 0 {
			delete(next, "b.en.md")
		}
		next[fmt.Sprintf("n%d.en.md", i)] = page(fmt.Sprintf("News %d", 9-i), "2024-03-01")
		next["c.vi.md"] = page([]string{"Zalo", "Bảo vệ"}[i%2], "2024-01-07")
		sites = append(sites, next)
	}
	render := func(r *Renderer) map[string]string {
		t.Helper()
		out := map[string]string{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for _, e := range r.Extras() {
			if e.kind != "az" {
				continue
			}
			wg.Go(func() {
				var b strings.Builder
				err := r.Extra(&b, e)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					t.Error(err)
				}
				out[e.Lang] = b.String()
			})
		}
		wg.Wait()
		return out
	}
	var older, last *Renderer
	reused := 0
	for i, files := range sites {
		r := build(files, last)
		spare := slices.Clone(r.spareAZ)
		got, want := render(r), render(build(files, nil))
		if len(got) != 2 || !maps.Equal(got, want) {
			t.Fatalf("site %d: A–Z pages\n%q\nwant\n%q", i, got, want)
		}
		for _, a := range r.azArrays {
			if slices.ContainsFunc(spare, func(s []Item) bool { return &s[:1][0] == &a[:1][0] }) {
				reused++
			}
		}
		if last != nil {
			r.Recycle(older) // nil the first time
		}
		older, last = last, r
	}
	if reused != 10 { // from the fifth Renderer on (the first keeps none), both languages'
		t.Errorf("%d arrays of A–Z items used again, want 10", reused)
	}
}
