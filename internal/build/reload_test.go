package build

import (
	"fmt"
	"strings"
	"testing"
)

// TestIncrementalKeepsLoad: an incremental rebuild after edits of the
// interface strings or the directory alone takes the last load of
// content/ as it is (the same content.Site, with its problems: here a
// news item dated after the build's time, of which the load warns);
// after an edit of a page, of a string and a page together, or a body
// rebuilt alone (whose page the rebuild changed in place), it loads
// content/ again. Each result is held to a clean build: the output, and
// the problems printed.
func TestIncrementalKeepsLoad(t *testing.T) {
	files := incSite(5)
	files["content/news/tin-99.vi.md"] = newsItem(99, "vi", "2030-01-01", []string{"a"}, "")
	it := newIncTest(t, files, 1)
	it.check("first build", Result{})
	n := 0
	str := func() []string {
		n++
		it.write("content/i18n/vi.yaml", fmt.Sprintf("tag_a: Chủ đề %d\nmain_menu: Mục lục %d\n", n, n))
		return []string{"content/i18n/vi.yaml"}
	}
	police := "content/support/services/police.yaml"
	steps := []struct {
		what string
		edit func() []string
		kept bool // the load of content/ is the last build's
	}{
		{"a string", str, true},
		{"the directory", func() []string {
			it.write(police, strings.Replace(it.files[police], "name: {vi: Công an", "name: {vi: Công an tỉnh", 1))
			return []string{police}
		}, true},
		{"a string again", str, true},
		{"a title", func() []string { return it.edit("content/news/tin-99.vi.md", "title", "Tin sắp tới") }, false},
		{"a string after a title", str, true},
		{"a string and a title", func() []string {
			return append(str(), it.edit("content/news/tin-01.vi.md", "title", "Tin một")...)
		}, false},
		{"a body", func() []string {
			name := "content/news/tin-02.vi.md"
			it.write(name, it.files[name]+"\nThêm một câu.\n")
			return []string{name}
		}, true}, // rebuilt alone, in place (Stages: "rebuild")
		{"a string after a body rebuilt alone", str, false},
		{"a string once more", str, true},
	}
	for _, step := range steps {
		before := it.s.b.content
		res := it.rebuild(step.edit()...)
		if it.s.state.checkList == nil {
			t.Errorf("%s: the checks' problems are not kept for the next rebuild", step.what)
		}
		if kept := it.s.b.content == before; kept != step.kept {
			t.Errorf("%s: the last load taken again: %v, want %v (%v)", step.what, kept, step.kept, res.Stages)
		}
		if res.Stages[0].Name == "rebuild" {
			it.check(step.what, res)
			continue
		}
		if res.Stages[0].Name != "incremental" {
			t.Errorf("%s: %v, want an incremental rebuild", step.what, res.Stages)
		}
		if !strings.Contains(diagText(res), "is in the future") {
			t.Errorf("%s: the load's warning is not printed:\n%s", step.what, diagText(res))
		}
		it.check(step.what, res)
	}
}
