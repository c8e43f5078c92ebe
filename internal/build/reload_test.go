package build

import (
	"fmt"
	"path/filepath"
	"slices"
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

// TestIncrementalPlacedAsBefore: front-matter edits that move no page
// (weights, titles and dates that reorder a section's list and the home
// page's, a body with them) are loaded with the pages placed as the last
// load's (content.Site.PlacedAsBefore); edits that move one (a slug, a
// new page, a translation key) are not. After each step the output and
// problems are those of a clean build, byte for byte.
func TestIncrementalPlacedAsBefore(t *testing.T) {
	files := incSite(3)
	for i, title := range []string{"Bước một", "Bước hai", "Bước ba"} {
		files[fmt.Sprintf("content/plan/b%d.vi.md", i)] = fmt.Sprintf("---\ntitle: %s\ndate: 2024-02-01\n---\nNội dung %d.\n", title, i)
	}
	files["content/plan/buoc.en.md"] = "---\ntitle: A step\ntranslation_key: buoc\n---\nText.\n"
	it := newIncTest(t, files, 1)
	it.check("first build", Result{})
	steps := []struct {
		what  string
		edit  func() []string
		as    bool // placed as before
		wrote string
	}{
		{"a weight that moves a page first", func() []string { return it.edit("content/plan/b0.vi.md", "weight", "1") }, true, "ke-hoach/index.html"},
		{"a title that moves a page last", func() []string { return it.edit("content/plan/b2.vi.md", "title", "Về sau") }, true, "ke-hoach/index.html"},
		{"a date that reorders", func() []string { return it.edit("content/plan/b1.vi.md", "date", "2020-01-01") }, true, "ke-hoach/index.html"},
		{"a section's weight (the home page's list)", func() []string { return it.edit("content/guide/_index.vi.md", "weight", "1") }, true, ""},
		{"two titles at once", func() []string {
			return append(it.edit("content/plan/b0.vi.md", "title", "Ấn"), it.edit("content/plan/b1.vi.md", "title", "Zê")...)
		}, true, "ke-hoach/index.html"},
		{"a slug", func() []string { return it.edit("content/plan/b1.vi.md", "slug", "buoc-moi") }, false, "ke-hoach/buoc-moi/index.html"},
		{"a weight after a slug", func() []string { return it.edit("content/plan/b1.vi.md", "weight", "2") }, true, "ke-hoach/index.html"},
		{"a translation key (a translation found)", func() []string { return it.edit("content/plan/b2.vi.md", "translation_key", "buoc") }, false, "en/plan/buoc/index.html"},
		{"a new page", func() []string {
			it.write("content/plan/b3.vi.md", "---\ntitle: Bước bốn\nweight: 1\n---\nMới.\n")
			return []string{"content/plan/b3.vi.md"}
		}, false, "ke-hoach/b3/index.html"},
		{"a weight after a new page", func() []string { return it.edit("content/plan/b3.vi.md", "weight", "") }, true, "ke-hoach/index.html"},
	}
	out := filepath.Join(it.dir, "public")
	for _, step := range steps {
		before := snapshot(t, out)
		res := it.rebuild(step.edit()...)
		if res.Stages[0].Name != "incremental" {
			t.Fatalf("%s: %v, want an incremental rebuild", step.what, res.Stages)
		}
		if as := it.s.b.content.PlacedAsBefore(); as != step.as {
			t.Errorf("%s: placed as before %v, want %v", step.what, as, step.as)
		}
		written, _ := rewrites(t, before, snapshot(t, out))
		if step.wrote != "" && !slices.Contains(written, step.wrote) {
			t.Errorf("%s: %s not written (%q)", step.what, step.wrote, written)
		}
		it.check(step.what, res)
	}
}

// TestIncrementalReorders makes random front-matter edits that reorder
// lists content keeps in its own order (a section's pages by weight, date
// and title; the home page's sections by weight), one or two pages at a
// time, with bodies and a slug now and then, and after each rebuild
// compares the output and problems with a clean build's, byte for byte.
// TestIncrementalMatchesCleanBuild's random edits seldom reach such a list
// (its weights and titles land mostly on news, which render orders by
// date); this one edits nothing else.
func TestIncrementalReorders(t *testing.T) {
	steps := 24
	if testing.Short() {
		steps = 12
	}
	files := incSite(3)
	titles := []string{"Bước một", "Bước hai", "Bước ba", "Ấn định", "Zê", "an toàn", "Đường dây", "ương"}
	for i := range 5 {
		files[fmt.Sprintf("content/plan/b%d.vi.md", i)] = fmt.Sprintf("---\ntitle: %s\ndate: 2024-02-0%d\n---\nNội dung %d.\n", titles[i], 1+i%2, i)
	}
	files["content/plan/b0.en.md"] = "---\ntitle: Step one\n---\nText.\n"
	files["content/plan/b1.en.md"] = "---\ntitle: Step two\nweight: 2\n---\nText.\n"
	it := newIncTest(t, files, 11)
	it.check("first build", Result{})
	r := it.rng
	isPlan := func(n string) bool { return strings.HasPrefix(n, "content/plan/b") }
	isSection := func(n string) bool { return strings.HasSuffix(n, "/_index.vi.md") && n != "content/_index.vi.md" }
	placed := 0
	for range steps {
		var what string
		var changed []string
		for range 1 + r.IntN(2) {
			name := it.pick(isPlan)
			switch k := r.IntN(6); k {
			case 0, 1:
				w := []string{"", "1", "2", "3"}[r.IntN(4)]
				if r.IntN(3) == 0 {
					name = it.pick(isSection)
				}
				changed = append(changed, it.edit(name, "weight", w)...)
				what += fmt.Sprintf("weight %q of %s; ", w, name)
			case 2, 3:
				title := titles[r.IntN(len(titles))]
				changed = append(changed, it.edit(name, "title", title)...)
				what += fmt.Sprintf("title %q of %s; ", title, name)
			case 4:
				date := fmt.Sprintf("2024-0%d-0%d", 1+r.IntN(3), 1+r.IntN(3))
				changed = append(changed, it.edit(name, "date", date)...)
				what += fmt.Sprintf("date %s of %s; ", date, name)
			default:
				if r.IntN(4) == 0 {
					slug := fmt.Sprint("buoc-", r.IntN(100))
					changed = append(changed, it.edit(name, "slug", slug)...)
					what += fmt.Sprintf("slug %s of %s; ", slug, name)
				} else {
					it.write(name, it.files[name]+fmt.Sprintf("\nThêm %d.\n", r.IntN(1000)))
					changed = append(changed, name)
					what += "body of " + name + "; "
				}
			}
		}
		res := it.rebuild(changed...)
		if res.Stages[0].Name != "incremental" && res.Stages[0].Name != "rebuild" {
			t.Fatalf("%s: %v, want an incremental rebuild", what, res.Stages)
		}
		if it.s.b.content.PlacedAsBefore() {
			placed++
		}
		it.check(what, res)
	}
	if placed < steps/2 {
		t.Errorf("%d of %d rebuilds placed the pages as before, want half or more", placed, steps)
	}
}

// TestIncrementalLargeExtras: with every generated page counted as large
// (largeExtra), so that each is made in the buffer the rebuild before
// made it in and the files pending hold those bytes as they are
// (incBuild.largeBuffer), random edits of every kind give, after each
// rebuild, the output and problems of a clean build, byte for byte.
func TestIncrementalLargeExtras(t *testing.T) {
	defer func(n int) { largeExtra = n }(largeExtra)
	largeExtra = 1
	it := newIncTest(t, incSite(25), 7)
	it.check("first build", Result{})
	steps := 16
	if testing.Short() {
		steps = 6
	}
	for range steps {
		what, changed := it.step()
		it.check(what, it.rebuild(changed...))
	}
	if it.s.large.taken < 20 {
		t.Errorf("%d generated pages made in a buffer kept from the rebuild before, want 20 or more", it.s.large.taken)
	}
}
