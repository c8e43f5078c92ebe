package content

import (
	"testing"
	"testing/fstest"

	"github.com/loa-ssg/loa/internal/diag"
)

const reloadPage = "---\ntitle: Tin\ndate: 2025-01-02\nslug: tin\nweight: 2\n---\nThân bài.\n"

// TestFrontMatterAt holds that each key written has its value's position
// and that a key not written gives the front matter's start.
func TestFrontMatterAt(t *testing.T) {
	s := mustLoad(t, fstest.MapFS{"content/tin.vi.md": {Data: []byte(reloadPage)}}, Options{})
	p := page(t, s, "content/tin.vi.md")
	for key, want := range map[string]diag.Position{
		"title":  {File: "content/tin.vi.md", Line: 2, Col: 8},
		"date":   {File: "content/tin.vi.md", Line: 3, Col: 7},
		"slug":   {File: "content/tin.vi.md", Line: 4, Col: 7},
		"weight": {File: "content/tin.vi.md", Line: 5, Col: 9},
		"tags":   {File: "content/tin.vi.md", Line: 1, Col: 1},
	} {
		if got := p.At(key); got != want {
			t.Errorf("At(%q) = %v, want %v", key, got, want)
		}
	}
}

// TestReloadBody holds that an edit of the body only is taken in place,
// and that any edit of the front matter (a value of any key, a key added,
// the same values laid out anew) asks for the site to be loaded again.
func TestReloadBody(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		inPlace    bool
	}{
		{"body", reloadPage + "Thêm một câu.\n", true},
		{"title", "---\ntitle: Tin mới\ndate: 2025-01-02\nslug: tin\nweight: 2\n---\nThân bài.\n", false},
		{"date", "---\ntitle: Tin\ndate: 2025-01-03\nslug: tin\nweight: 2\n---\nThân bài.\n", false},
		{"weight", "---\ntitle: Tin\ndate: 2025-01-02\nslug: tin\nweight: 3\n---\nThân bài.\n", false},
		{"new key", "---\ntitle: Tin\ndate: 2025-01-02\nslug: tin\nweight: 2\nleaflet: A5\n---\nThân bài.\n", false},
		{"layout", "---\n\ntitle: Tin\ndate: 2025-01-02\nslug: tin\nweight: 2\n---\nThân bài.\n", false},
	} {
		fsys := fstest.MapFS{"content/tin.vi.md": {Data: []byte(reloadPage)}}
		s := mustLoad(t, fsys, Options{})
		fsys["content/tin.vi.md"] = &fstest.MapFile{Data: []byte(tc.text)}
		p, ok, err := s.ReloadBody(fsys, testSite(t), "content/tin.vi.md")
		if err != nil || ok != tc.inPlace {
			t.Errorf("%s: ReloadBody = %v, %v; want %v", tc.name, ok, err, tc.inPlace)
			continue
		}
		if ok && string(p.Body) != "Thân bài.\nThêm một câu.\n" {
			t.Errorf("%s: body %q", tc.name, p.Body)
		}
	}
}
