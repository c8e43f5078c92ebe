package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/i18n"
	"github.com/loa-ssg/loa/templates"
)

// TestLetGoEntries holds what a build that lets list entries go
// (LetGoEntries, then ExtraWritten after each generated page) writes to
// the bytes a Renderer keeping every entry writes, for each generated
// page of a site with the built-in templates: later pages of the news
// list, tag pages (pages with two tags and with one), the list of tags
// and the A–Z list. It holds which entries are kept: a page's entry on
// the tag pages while one of its tags' pages is still to be written (two
// tags), never when only one lists it (one tag), none once every
// generated page is written.
func TestLetGoEntries(t *testing.T) {
	site := viewSiteConfig(t)
	fsys := fstest.MapFS{
		"content/_index.vi.md":      {Data: []byte("---\ntitle: Trang chủ\n---\nChào.\n")},
		"content/news/_index.vi.md": {Data: []byte("---\ntitle: Tin tức\n---\n")},
	}
	for i := range 45 {
		tags := "[Mại dâm]"
		if i%2 == 0 {
			tags = "[Mại dâm, Tập huấn]"
		}
		fsys[fmt.Sprintf("content/news/tin-%02d.vi.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitle: Tin số %d\ndate: 2025-01-%02d\ndescription: Tóm tắt %d.\ntags: %s\n---\nChữ.\n", i, i%28+1, i, tags)}
	}
	cs, l, err := content.Load(fsys, site, content.Options{})
	if err != nil || len(l) != 0 {
		t.Fatalf("content: %v %v", err, l)
	}
	cat, _, err := i18n.Load(fstest.MapFS{}, []string{"vi", "en"})
	if err != nil {
		t.Fatal(err)
	}
	newRenderer := func() *Renderer {
		t.Helper()
		r, l, err := New(Input{Site: site, Content: cs, Catalog: cat, Builtin: templates.FS, Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
		if err != nil || l.HasErrors() {
			t.Fatalf("render.New: %v %v", err, l)
		}
		return r
	}
	render := func(r *Renderer, e *Extra) string {
		t.Helper()
		var b strings.Builder
		if err := r.Extra(&b, e); err != nil {
			t.Fatalf("%s: %v", e.Path, err)
		}
		return b.String()
	}
	keeping, letting := newRenderer(), newRenderer()
	letting.LetGoEntries()
	kinds := map[string]int{}
	// The entry of a page with two tags (tin-00) and of one with one
	// (tin-01) on the tag pages, and whether the first was seen kept.
	two, one := cs.ByFile("content/news/tin-00.vi.md"), cs.ByFile("content/news/tin-01.vi.md")
	twoKey := cacheKey{"tag.html", "list-item", "vi", two.Path}
	oneKey := cacheKey{"tag.html", "list-item", "vi", one.Path}
	tagPagesLeft := 2 // those that list tin-00: one per tag
	sawKept := false
	for _, e := range keeping.Extras() {
		kinds[e.kind]++
		want := render(keeping, e)
		var le *Extra
		for _, x := range letting.Extras() {
			if x.Path == e.Path {
				le = x
			}
		}
		if got := render(letting, le); got != want {
			t.Errorf("%s (%s) differs when entries are let go:\n%s\nwant:\n%s", e.Path, e.kind, got, want)
		}
		// (before ExtraWritten, which lets go what no page still to be
		// written lists)
		if _, ok := letting.fragments[oneKey]; ok {
			t.Errorf("%s: the entry of %s, which one tag page lists, is kept", e.Path, one.Path)
		}
		letting.ExtraWritten(le)
		if e.kind == "tag" && slices.Contains(e.listed(), two) {
			tagPagesLeft--
			_, kept := letting.fragments[twoKey]
			if tagPagesLeft == 1 {
				sawKept = kept
			} else if kept {
				t.Errorf("%s: the entry of %s is kept after the last tag page that lists it", e.Path, two.Path)
			}
		}
	}
	if kinds["page"] != 2 || kinds["tag"] != 5 || kinds["az"] != 2 || kinds["tags"] != 1 {
		t.Errorf("generated pages by kind: %v; want 2 later news pages, 5 tag pages, 2 A–Z lists, 1 list of tags", kinds)
	}
	if !sawKept {
		t.Errorf("the entry of %s, which two tag pages list, was not kept between them", two.Path)
	}
	if len(keeping.fragments) == 0 {
		t.Error("the Renderer keeping entries kept none: the test shows nothing")
	}
	if n := len(letting.fragments); n != 0 {
		t.Errorf("%d entries kept once every generated page is written, want 0", n)
	}
}
