package build

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/loa-ssg/loa/templates"
)

// TestIncrementalStrings holds, for edits of one interface string, the
// pages an incremental rebuild renders again (Result.Pages) and the files
// it writes (the search index apart): only the pages whose layout reads
// the string, or that show a tag whose name changed; every page of the
// language for a string Go code reads (a generated page's title). Each
// result equals a clean build byte for byte.
func TestIncrementalStrings(t *testing.T) {
	vi := "tag_a: Chủ đề A\n"
	for _, c := range []struct {
		name, file, text string
		rendered         map[string]int
		written          []string
	}{
		// In the header of every page (partials/header.html): every
		// Vietnamese page and generated page, none in English.
		{name: "every page", file: "content/i18n/vi.yaml", text: vi + "main_menu: Mục lục\n",
			rendered: map[string]int{"vi": 50},
			written: append(newsPages("tin-tuc/", 25), "404.html", "about/index.html", "chu-de/a/index.html", "chu-de/a/trang/2/index.html",
				"chu-de/b/index.html", "chu-de/c/index.html", "chu-de/index.html", "huong-dan/goi/index.html", "huong-dan/index.html",
				"index.html", "ke-hoach/164/index.html", "ke-hoach/index.html", "support/checked/index.html", "support/index.html",
				"support/khu-vuc/hung-yen/index.html", "support/khu-vuc/national/index.html", "support/khu-vuc/nowhere/index.html",
				"support/nhom/emergency/index.html", "support/nhom/hiv-testing/index.html", "support/nhom/legal-aid/index.html",
				"support/old/index.html", "support/police/index.html", "tim-kiem/a-z/index.html", "tim-kiem/index.html",
				"tin-tuc/index.html", "tin-tuc/trang/2/index.html")},
		// Read by home.html and section.html alone: the home page and
		// the sections (about has no list, so its bytes stay), and the
		// news section's second page.
		{name: "few pages", file: "content/i18n/vi.yaml", text: vi + "in_this_section: Trong mục đã sửa\n",
			rendered: map[string]int{"vi": 6},
			written:  []string{"huong-dan/index.html", "index.html", "ke-hoach/index.html", "tin-tuc/index.html", "tin-tuc/trang/2/index.html"}},
		// Read by page-news.html alone, in English.
		{name: "news items", file: "content/i18n/en.yaml", text: "related_news: Related\n",
			rendered: map[string]int{"en": 25}, written: newsPages("en/news/", 25)},
		// Shown on 404.html only, which every rebuild makes.
		{name: "no page", file: "content/i18n/vi.yaml", text: vi + "not_found_text: Không có trang này.\n",
			rendered: map[string]int{}, written: []string{"404.html"}},
		// A tag's name: the pages with that tag, its tag pages and the
		// list of tags.
		{name: "tag name", file: "content/i18n/vi.yaml", text: "tag_a: Chủ đề một\n",
			rendered: map[string]int{"vi": 28},
			written:  append(newsPages("tin-tuc/", 25), "chu-de/a/index.html", "chu-de/a/trang/2/index.html", "chu-de/index.html")},
		// The search page's title, which Go code reads (the page's title
		// and the header's link): every Vietnamese page, as before.
		{name: "read by Go", file: "content/i18n/vi.yaml", text: vi + "search: Tra cứu\n",
			rendered: map[string]int{"vi": 50}},
	} {
		t.Run(c.name, func(t *testing.T) {
			it := newIncTest(t, incSite(25), 1)
			out := filepath.Join(it.dir, "public")
			before := snapshot(t, out)
			it.write(c.file, c.text)
			res := it.rebuild(c.file)
			if res.Stages[0].Name != "incremental" {
				t.Fatalf("not an incremental rebuild: %v", res.Stages)
			}
			it.check(c.name, res)
			if len(res.Pages) != len(c.rendered) || !equalCounts(res.Pages, c.rendered) {
				t.Errorf("rendered %v, want %v", res.Pages, c.rendered)
			}
			if c.written == nil {
				return
			}
			written, deleted := rewrites(t, before, snapshot(t, out))
			written = slices.DeleteFunc(written, func(n string) bool { return strings.HasPrefix(n, "search/") })
			slices.Sort(c.written)
			if !slices.Equal(written, c.written) || len(deleted) > 0 {
				t.Errorf("written %q\nwant %q\ndeleted %q", written, c.written, deleted)
			}
		})
	}
}

func equalCounts(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestIncrementalStringsUnknown: a layout whose templates read a string
// by a key made at run time (index with a variable, .T with a variable)
// reads every string, so an edit of any string renders all its pages
// again; the result equals a clean build, and the new string shows.
func TestIncrementalStringsUnknown(t *testing.T) {
	news, err := fs.ReadFile(templates.FS, "page-news.html")
	if err != nil {
		t.Fatal(err)
	}
	const at = `{{template "tagged" .}}`
	if !strings.Contains(string(news), at) {
		t.Fatalf("page-news.html has no %s", at)
	}
	for _, read := range []string{
		`{{$k := "in_this_section"}}<p class="k">{{index $.S $k}}</p>`,
		`{{$k := "in_this_section"}}<p class="k">{{$.T $k}}</p>`,
		`{{with $.S}}<p class="k">{{.in_this_section}}</p>{{end}}`,
	} {
		t.Run(read, func(t *testing.T) {
			site := incSite(25)
			site["templates/page-news.html"] = strings.Replace(string(news), at, read+at, 1)
			it := newIncTest(t, site, 1)
			it.write("content/i18n/vi.yaml", "tag_a: Chủ đề A\nin_this_section: Trong mục đã sửa\n")
			res := it.rebuild("content/i18n/vi.yaml")
			if res.Stages[0].Name != "incremental" {
				t.Fatalf("not an incremental rebuild: %v", res.Stages)
			}
			it.check("a string read by a key made at run time", res)
			// The 25 news items, the home page and 4 sections (above).
			if res.Pages["vi"] != 31 || res.Pages["en"] != 0 {
				t.Errorf("rendered %v, want vi 31", res.Pages)
			}
			if got := readOut(t, it.dir, "tin-tuc/tin-03/index.html"); !strings.Contains(got, `<p class="k">Trong mục đã sửa</p>`) {
				t.Error("the new string does not show on a news item")
			}
		})
	}
}

// TestIncrementalStringsLeaflet: a string only printed pieces read (the
// caption under a leaflet's QR code) renders again the page with a
// leaflet, whose leaflet reads its language's strings whole, and no other
// page; the leaflet shows the new caption.
func TestIncrementalStringsLeaflet(t *testing.T) {
	site := incSite(5)
	site["content/guide/goi/index.vi.md"] = "---\ntitle: Gọi ai\nleaflet: a5\n---\nGọi 111.\n\n## Khi nguy hiểm\n\nGọi 113.\n"
	it := newIncTest(t, site, 1)
	out := filepath.Join(it.dir, "public")
	before := snapshot(t, out)
	it.write("content/i18n/vi.yaml", "tag_a: Chủ đề A\nscan_qr: Quét mã này\n")
	res := it.rebuild("content/i18n/vi.yaml")
	it.check("a string of the leaflets", res)
	if res.Pages["vi"] != 1 || res.Pages["en"] != 0 {
		t.Errorf("rendered %v, want vi 1 (the page with a leaflet)", res.Pages)
	}
	written, _ := rewrites(t, before, snapshot(t, out))
	written = slices.DeleteFunc(written, func(n string) bool { return strings.HasPrefix(n, "search/") })
	// The printed pieces are made at every rebuild: the poster and the
	// directory list show the caption too.
	if want := []string{"huong-dan/goi/to-roi/index.html", "in/ap-phich/index.html", "in/danh-ba/index.html"}; !slices.Equal(written, want) {
		t.Errorf("written %q, want %q", written, want)
	}
	if got := readOut(t, it.dir, "huong-dan/goi/to-roi/index.html"); !strings.Contains(got, "Quét mã này") {
		t.Error("the leaflet does not show the new caption")
	}
}
