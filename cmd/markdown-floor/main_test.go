package main

import (
	"path/filepath"
	"testing"
)

// TestPagePath holds that the floor writes a page where loa does: a
// folder per page, the other languages under their code.
func TestPagePath(t *testing.T) {
	src := filepath.FromSlash("site/content")
	for name, want := range map[string]string{
		"site/content/_index.vi.md":            "index.html",
		"site/content/_index.en.md":            "en/index.html",
		"site/content/plan/_index.vi.md":       "plan/index.html",
		"site/content/plan/x-2.vi.md":          "plan/x-2/index.html",
		"site/content/plan/x-2.en.md":          "en/plan/x-2/index.html",
		"site/content/plan/bundle/index.en.md": "en/plan/bundle/index.html",
		"site/content/news/2021.11.05-tin.md":  "news/2021.11.05-tin/index.html",
	} {
		if got := pagePath(src, filepath.FromSlash(name)); got != filepath.FromSlash(want) {
			t.Errorf("pagePath(%s) = %s, want %s", name, got, want)
		}
	}
}
