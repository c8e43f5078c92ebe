package build

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// relinkSite is incSite with pages that link one another in every way a
// link resolves: by Markdown file with and without its language, across
// languages, to a bundle, to an attachment, by site path, to an alias and
// to the site's own address. Plan pages p0–p5 exist in both languages
// (p0 holds the alias /cu/x/); q0–q2 (Vietnamese) are linked by site path
// alone, and q2 links the page of a tag only q0 has; each q links the
// file so-do.txt where it is published beside the next q.
func relinkSite() map[string]string {
	files := incSite(3)
	for i := range 6 {
		for _, lang := range []string{"vi", "en"} {
			other := map[string]string{"vi": "en", "en": "vi"}[lang]
			body := fmt.Sprintf("Xem [một](p%d.%s.md), [hai](p%d.md#muc), [ba](../plan/p%d.%s.md), [gói](../guide/goi/index.%s.md), [văn bản](../plan/164/van-ban.txt), [cũ](/cu/x/), [địa chỉ](https://hungyen.gov.vn/cu/x/#a) và [q](/ke-hoach/q%d/).\n",
				(i+1)%6, lang, (i+2)%6, (i+3)%6, other, lang, i%3)
			if i == 5 {
				body = "Không có liên kết nội bộ, chỉ [ngoài](https://example.com/).\n"
			}
			extra := ""
			if i == 0 && lang == "vi" {
				extra = "aliases: [/cu/x/]\n"
			}
			files[fmt.Sprintf("content/plan/p%d.%s.md", i, lang)] = fmt.Sprintf("---\ntitle: Trang %d %s\nslug: p%d\n%s---\n## Mục\n\n%s", i, lang, i, extra, body)
		}
	}
	for i := range 3 {
		files[fmt.Sprintf("content/plan/q%d.vi.md", i)] = fmt.Sprintf("---\ntitle: Trang q%d\nslug: q%d\n---\nNội dung.\n", i, i)
	}
	// q0 alone has the tag "riêng", whose page q2 links by site path.
	files["content/plan/q0.vi.md"] = "---\ntags: [riêng]\ntitle: Trang q0\nslug: q0\n---\nNội dung.\n"
	files["content/plan/q2.vi.md"] += "Xem [chủ đề](/chu-de/rieng/).\n"
	// A file outside bundles, linked by where it is published beside q0
	// (builder.loosePath): q0 moved, the link moves with it.
	files["content/plan/so-do.txt"] = "Sơ đồ.\n"
	for i := range 3 {
		files[fmt.Sprintf("content/plan/q%d.vi.md", i)] += fmt.Sprintf("Xem [sơ đồ](/ke-hoach/q%d/so-do.txt).\n", (i+1)%3)
	}
	return files
}

// TestIncrementalRelinkFew moves pages at random (a slug, a file renamed
// with its URL kept, an alias moved to another page, a page added or
// deleted; titles too; a tag page made or gone, one of them linked) in a
// site whose pages link one another in every way, and compares each
// rebuild with a clean build, byte for byte: a rebuild resolves again
// only the links that name a page that moved (linkChange), and sums the
// link world from the last one's (movedFew), which checkKeys holds to the
// world summed whole.
func TestIncrementalRelinkFew(t *testing.T) {
	steps := 24
	if testing.Short() {
		steps = 8
	}
	for seed := range uint64(3) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			it := newIncTest(t, relinkSite(), seed)
			it.check("first build", Result{})
			aliasAt := "content/plan/p0.vi.md"
			for n := range steps {
				r := it.rng
				isP := func(name string) bool { return strings.HasPrefix(name, "content/plan/p") }
				var what string
				var changed []string
				switch r.IntN(8) {
				case 0: // a page's URL
					name := it.pick(isP)
					what, changed = "slug of "+name, it.edit(name, "slug", fmt.Sprintf("trang-%d", n))
				case 1: // a page's file, its URL kept
					name := it.pick(func(name string) bool { return strings.HasPrefix(name, "content/plan/q") })
					to := fmt.Sprintf("content/plan/q%s-%d.vi.md", name[len("content/plan/q"):len("content/plan/q")+1], n)
					text := it.files[name]
					it.remove(name)
					it.write(to, text)
					what, changed = "renamed "+name+" to "+to, []string{name, to}
				case 2: // the alias, to another page
					to := it.pick(func(name string) bool { return isP(name) && name != aliasAt })
					it.edit(aliasAt, "aliases", "")
					it.edit(to, "aliases", "[/cu/x/]")
					what, changed = "alias from "+aliasAt+" to "+to, []string{aliasAt, to}
					aliasAt = to
				case 3: // a title (nothing moves)
					name := it.pick(isP)
					what, changed = "title of "+name, it.edit(name, "title", fmt.Sprintf("Tiêu đề %d", n))
				case 4: // a link broken (the alias gone, or a page linked
					// by site path moved), then mended
					name, key, value := aliasAt, "aliases", "[/cu/x/]"
					if r.IntN(2) == 0 {
						name = it.pick(func(name string) bool { return strings.HasPrefix(name, "content/plan/q") })
						slug := it.files[name][strings.Index(it.files[name], "slug: ")+len("slug: "):]
						key, value = "slug", slug[:strings.IndexByte(slug, '\n')]
					}
					it.edit(name, key, map[string]string{"aliases": "", "slug": "khac"}[key])
					it.brokenLink("broke a link in "+name, name)
					what, changed = "mended "+name, it.edit(name, key, value)
				case 6: // a tag page no page links, made or gone
					name := it.pick(isP)
					tags := ""
					if !strings.Contains(it.files[name], "tags:") {
						tags = fmt.Sprintf("[mới %d]", n)
					}
					what, changed = "tags of "+name+": "+tags, it.edit(name, "tags", tags)
				case 7: // the linked tag page gone, then made again
					name := it.pick(func(name string) bool { return strings.Contains(it.files[name], "tags: [riêng]") })
					it.edit(name, "tags", "")
					it.brokenLink("took the tag off "+name, name)
					what, changed = "mended "+name, it.edit(name, "tags", "[riêng]")
				default: // a page no page links, added or deleted
					name := "content/plan/moi.vi.md"
					if _, ok := it.files[name]; ok {
						it.remove(name)
						what = "deleted " + name
					} else {
						it.write(name, "---\ntitle: Mới\n---\nXem [một](p1.vi.md).\n")
						what = "new " + name
					}
					changed = []string{name}
				}
				res := it.rebuild(changed...)
				if res.Stages[0].Name != "incremental" && !strings.HasPrefix(what, "mended") { // (after a failed rebuild: a whole one)
					t.Errorf("%s: not an incremental rebuild (%v)", what, res.Stages)
				}
				it.check(what, res)
			}
		})
	}
}

// brokenLink rebuilds after the file name changed so that a link of
// another page no longer resolves: the rebuild must fail with the problems
// of a clean build.
func (it *incTest) brokenLink(what, name string) {
	it.t.Helper()
	res, err := it.s.Rebuild(context.Background(), []string{filepath.Join(it.dir, filepath.FromSlash(name))})
	clean, cerr := Run(context.Background(), Options{Source: it.dir, Out: filepath.Join(it.dir, "clean"), Now: fixedNow, NoCache: true})
	if !errors.Is(err, ErrContent) || !errors.Is(cerr, ErrContent) {
		it.t.Fatalf("%s: rebuild: %v, clean build: %v; want both to fail", what, err, cerr)
	}
	if diagText(res) != diagText(clean) {
		it.t.Errorf("%s: problems differ from a clean build's:\n%s\nwant:\n%s", what, diagText(res), diagText(clean))
	}
}
