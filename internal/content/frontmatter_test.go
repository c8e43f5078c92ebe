package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestFrontMatterNull holds strictyaml's rule for YAML null in front
// matter: slug: ~, date: ~, aliases: ~ and leaflet: ~ are keys without a
// value, as if not written, and title: ~ is a page without a title (not
// a page titled "~").
func TestFrontMatterNull(t *testing.T) {
	s := mustLoad(t, fstest.MapFS{"content/tin.vi.md": {Data: []byte("---\ntitle: Tin\nslug: ~\ndate: null\naliases: ~\nleaflet: ~\n---\nThân bài.\n")}}, Options{})
	p := page(t, s, "content/tin.vi.md")
	if p.Slug != "tin" || !p.Date.IsZero() || p.Aliases != nil || p.Leaflet != "" {
		t.Errorf("slug %q, date %v, aliases %v, leaflet %q; want them unset", p.Slug, p.Date, p.Aliases, p.Leaflet)
	}
	_, l := load(t, fstest.MapFS{"content/tin.vi.md": {Data: []byte("---\ntitle: ~\n---\nThân bài.\n")}}, Options{})
	if got := text(l); !strings.Contains(got, "this page has no title") {
		t.Errorf("title: ~ gives %q, want that the page has no title", got)
	}
}
