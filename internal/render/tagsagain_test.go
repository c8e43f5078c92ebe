package render

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/i18n"
	"github.com/loa-ssg/loa/templates"
)

// TestTagsFromEarlierRenderer makes random edits to a site of tagged
// pages in two languages (tags spelt several ways, written twice, a tag
// with a name of its own; pages renamed, added, deleted, retagged,
// redated), loading it through a content cache as loa serve does, and
// after each one holds the tag lists of a Renderer made with the one
// before as Input.Parsed to those of a Renderer made from nothing: every
// tag's slug, name, URL and count, its pages in order, and each
// language's tagged pages in order, and its pages by URL path (pageAt)
// to the map made from nothing. It checks that the lists were made from
// the earlier ones (tagStateFrom), and the map (placesAgain), in some
// steps.
func TestTagsFromEarlierRenderer(t *testing.T) {
	site := viewSiteConfig(t)
	cat, _, err := i18n.Load(fstest.MapFS{"content/i18n/vi.yaml": {Data: []byte("tag_tap-huan: Tập huấn cán bộ\n")}}, []string{"vi", "en"})
	if err != nil {
		t.Fatal(err)
	}
	spellings := []string{"Mại dâm", "mại dâm", "Tập huấn", "tap huan", "Phòng chống", "Hỗ trợ", "hỗ trợ"}
	for seed := range uint64(4) {
		rng := rand.New(rand.NewPCG(seed, 32))
		page := func(lang string, n int) string {
			tags := make([]string, rng.IntN(4))
			for k := range tags {
				tags[k] = spellings[rng.IntN(len(spellings))]
			}
			return fmt.Sprintf("---\ntitle: Tin %d\ndate: 2025-%02d-%02d\ntags: [%s]\n---\nChữ %s.\n", n, 1+rng.IntN(3), 1+rng.IntN(28), strings.Join(tags, ", "), lang)
		}
		fsys := fstest.MapFS{
			"content/_index.vi.md": {Data: []byte("---\ntitle: Trang chủ\n---\nChào.\n")},
			"content/_index.en.md": {Data: []byte("---\ntitle: Home\n---\nHello.\n")},
		}
		names := func() []string {
			var out []string
			for name := range fsys {
				if strings.HasPrefix(name, "content/news/") {
					out = append(out, name)
				}
			}
			slices.Sort(out)
			return out
		}
		for i := range 30 {
			for _, lang := range []string{"vi", "en"} {
				fsys[fmt.Sprintf("content/news/tin-%02d.%s.md", i, lang)] = &fstest.MapFile{Data: []byte(page(lang, i))}
			}
		}
		cache := content.NewCache()
		load := func(c *content.Cache) *content.Site {
			cs, l, err := content.Load(fsys, site, content.Options{Cache: c})
			if err != nil || l.HasErrors() {
				t.Fatalf("content: %v %v", err, l)
			}
			return cs
		}
		newRenderer := func(cs *content.Site, parsed *Renderer) *Renderer {
			r, l, err := New(Input{Site: site, Content: cs, Catalog: cat, Builtin: templates.FS, Parsed: parsed, Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
			if err != nil || l.HasErrors() {
				t.Fatalf("render.New: %v %v", err, l)
			}
			return r
		}
		prev := newRenderer(load(cache), nil)
		again, moved := 0, 0
		for step := range 40 {
			all := names()
			name := all[rng.IntN(len(all))]
			lang := name[len(name)-len("vi.md") : len(name)-len(".md")]
			var what string
			switch rng.IntN(5) {
			case 0:
				to := fmt.Sprintf("content/news/tin-%02d-%d.%s.md", rng.IntN(40), step, lang)
				fsys[to] = fsys[name]
				delete(fsys, name)
				cache.Forget(name)
				cache.Forget(to) // (as loa serve forgets every path changed)
				what = "renamed " + name + " to " + to
			case 1:
				to := fmt.Sprintf("content/news/moi-%d.%s.md", step, lang)
				fsys[to] = &fstest.MapFile{Data: []byte(page(lang, 100+step))}
				cache.Forget(to)
				what = "new " + to
			case 2:
				delete(fsys, name)
				cache.Forget(name)
				what = "deleted " + name
			default:
				fsys[name] = &fstest.MapFile{Data: []byte(page(lang, step))}
				cache.Forget(name)
				what = "tags and date of " + name
			}
			got := newRenderer(load(cache), prev)
			want := newRenderer(load(nil), nil)
			if got.tagsAgain {
				again++
			}
			if g, w := tagLists(got), tagLists(want); !slices.Equal(g, w) {
				t.Fatalf("seed %d, %s: tag lists\n%s\nwant\n%s", seed, what, strings.Join(g, "\n"), strings.Join(w, "\n"))
			}
			// The pages' places by URL path (pageAt), whether taken
			// over, moved (placesAgain) or made.
			if got.pathPlaces == nil || !maps.Equal(got.pathPlaces, want.pathPlaces) {
				t.Fatalf("seed %d, %s: pages by URL path\n%v\nwant\n%v", seed, what, got.pathPlaces, want.pathPlaces)
			}
			if got.placesAgain {
				moved++
			}
			prev = got
		}
		if again < 10 {
			t.Errorf("seed %d: the tag lists were made from the earlier ones in %d steps of 40", seed, again)
		}
		if moved == 0 {
			t.Errorf("seed %d: no step moved a few pages' URL paths in the earlier map (placesAgain)", seed)
		}
	}
}

// tagLists describes what r's tag pages show as New made them: the list
// of tags of each language (slug, name, URL, count), each tag page's
// path, title and whole list of pages, and each language's tagged pages.
func tagLists(r *Renderer) []string {
	files := func(ps []*content.Page) string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = p.File
		}
		return strings.Join(out, " ")
	}
	var out []string
	for _, e := range r.Extras() {
		switch e.kind {
		case "tags":
			out = append(out, fmt.Sprintf("%s tags %v", e.Lang, e.tags))
		case "tag":
			out = append(out, fmt.Sprintf("%s %s %q: %s", e.Lang, e.Path, e.Title, files(e.list)))
		}
	}
	for _, lang := range []string{"vi", "en"} {
		out = append(out, lang+" tagged: "+files(r.tagged[lang]))
	}
	return out
}
