package content

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/strictyaml"
	"github.com/loa-ssg/loa/internal/textfile"
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

// frontMatterFiles are whole page files of the shapes editors write, for
// TestFrontMatterFastPath and FuzzFrontMatterFastPath: Vietnamese in NFC
// and NFD, CRLF line ends, a BOM, quotes, dates, colons in values,
// comments, empty values, repeated keys, tabs.
var frontMatterFiles = []string{
	"---\ntitle: Kế hoạch 164/KH-UBND\ndate: 2021-11-02\nweight: 3\ntags: [\"Phụ nữ\", Tuyên truyền]\n---\nThân bài.\n",
	"---\ntitle: Ke\u0302\u0301 hoa\u0323ch\ndescription: Pho\u0300ng, cho\u0302\u0301ng ma\u0323i da\u0302m\n---\nThân.\n",
	"\ufeff---\r\ntitle: Tin mới\r\ndate: 2024-05-01T08:30\r\ntags:\r\n  - a\r\n  - b\r\n---\r\nThân.\r\n",
	"---\ntitle: \"Chương trình: 2021–2025\"\nslug: chuong-trinh\naliases:\n  - /cu/\n  - \"/cũ-hơn/\"\n---\n",
	"---\ntitle: Hỏi: đáp\n---\n",
	"---\ntitle: Hỏi:\n---\n",
	"---\ntitle: 'Hỏi: đáp'\n---\n",
	"---\ntitle: \"Hỏi \\\"đáp\\\"\"\n---\n",
	"---\n# ghi chú\ntitle: Tin # ghi chú\ndraft: không # chưa đăng\nweight: 2\n---\n",
	"---\ntitle: Tin\ndescription:\nslug:\ntags:\nleaflet: a5\n---\n",
	"---\ntitle: Tin\ntitle: Tin khác\n---\n",
	"---\ntitle: Tin\n\tweight: 1\n---\n",
	"---\ntitle:\tTin\n---\n",
	"---\ntitle: Tin\ndate: 05/11/2021\n---\n",
	"---\ntitle: Tin\ndate: \"2021-11-05\"\nlastmod: 2021-11-05 08:30\n---\n",
	"---\ntitle: Tin\ntags: [\"Tuyên truyền, \"Phụ nữ\"]\n---\n",
	"---\ntitle: Tin\ntranslation_key: k\nlayout: tin\nleaflet: A4\ndraft: có\n---\n",
	"---\ntitel: Tin\n---\n",
	"---\ntitle: Tin\nslug: Tin Mới\n---\n",
	"---\ntitle: Tin\naliases: [/a/, b]\n---\n",
	"---\ntitle: Tin\nweight: 08\n---\n",
}

// frontMatterBothPaths reads file as a page is read (Normalize, Split)
// and decodes its front matter on the fast path and on the full one.
func frontMatterBothPaths(t *testing.T, file string) (fast, full rawFrontMatter, lFast, lFull diag.List, ok bool) {
	t.Helper()
	text, d := textfile.Normalize("p.vi.md", []byte(file))
	if d != nil {
		return fast, full, nil, nil, false
	}
	yml, _, ok := Split(text)
	if !ok {
		return fast, full, nil, nil, false
	}
	src := strictyaml.Source{File: "p.vi.md", Text: yml, LineOffset: 1}
	lFast = strictyaml.Decode(src, &fast)
	src.Full = true
	lFull = strictyaml.Decode(src, &full)
	return fast, full, lFast, lFull, true
}

// TestFrontMatterFastPath holds the front matter as pages are read to one
// result on both of strictyaml's paths: values, key positions, problems.
func TestFrontMatterFastPath(t *testing.T) {
	for _, file := range frontMatterFiles {
		fast, full, lFast, lFull, ok := frontMatterBothPaths(t, file)
		if !ok {
			t.Fatalf("%q: not read", file)
		}
		if !reflect.DeepEqual(fast, full) || text(lFast) != text(lFull) {
			t.Errorf("%q:\nfast %+v %s\nfull %+v %s", file, fast, text(lFast), full, text(lFull))
		}
	}
	// And the values themselves, through parseFrontMatter.
	page, _ := textfile.Normalize("p.vi.md", []byte(frontMatterFiles[2]))
	fm, _, _, l := parseFrontMatter("p.vi.md", page, time.UTC)
	if len(l) > 0 || fm.Title != "Tin mới" || !slices.Equal(fm.Tags, []string{"a", "b"}) ||
		fm.Date != time.Date(2024, 5, 1, 8, 30, 0, 0, time.UTC) || fm.At("tags") != (diag.Position{File: "p.vi.md", Line: 5, Col: 3}) {
		t.Errorf("CRLF and BOM: %+v %v", fm, l)
	}
	page, _ = textfile.Normalize("p.vi.md", []byte(frontMatterFiles[1]))
	fm, _, _, _ = parseFrontMatter("p.vi.md", page, time.UTC)
	if fm.Title != "Kế hoạch" || fm.At("description") != (diag.Position{File: "p.vi.md", Line: 3, Col: 14}) {
		t.Errorf("NFD: %+v", fm)
	}
}

// FuzzFrontMatterFastPath is TestFrontMatterFastPath on any file.
func FuzzFrontMatterFastPath(f *testing.F) {
	for _, s := range frontMatterFiles {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, file string) {
		fast, full, lFast, lFull, ok := frontMatterBothPaths(t, file)
		if ok && (!reflect.DeepEqual(fast, full) || text(lFast) != text(lFull)) {
			t.Errorf("%q:\nfast %+v %s\nfull %+v %s", file, fast, text(lFast), full, text(lFull))
		}
	})
}
