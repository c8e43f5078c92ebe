package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/i18n"
)

// TestPagerWindow checks which page numbers a long list links: the first,
// the last, the current one with PagerReach on each side, and "…" for
// the gaps (a gap of one page shows that page).
func TestPagerWindow(t *testing.T) {
	cat, _, err := i18n.Load(fstest.MapFS{}, []string{"vi", "en"})
	if err != nil {
		t.Fatal(err)
	}
	r := &Renderer{Input: Input{Catalog: cat}}
	for _, tc := range []struct {
		n, total int
		want     string
	}{
		{1, 2, "[1] 2"},
		{2, 2, "1 [2]"},
		{1, 7, "[1] 2 3 … 7"},
		{4, 7, "1 2 3 [4] 5 6 7"},
		{5, 8, "1 2 3 4 [5] 6 7 8"},
		{1, 500, "[1] 2 3 … 500"},
		{50, 500, "1 … 48 49 [50] 51 52 … 500"},
		{500, 500, "1 … 498 499 [500]"},
		{496, 500, "1 … 494 495 [496] 497 498 499 500"},
	} {
		p := r.pager("en", "/en/news/", tc.n, tc.total*PerPage)
		var got []string
		for _, l := range p.Pages {
			switch {
			case l.Current != "":
				got = append(got, "["+l.Title+"]")
			default:
				got = append(got, l.Title)
			}
			if (l.URL == "") != (l.Title == "…") {
				t.Errorf("n=%d total=%d: link %q has URL %q", tc.n, tc.total, l.Title, l.URL)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("pager(%d of %d) = %s, want %s", tc.n, tc.total, g, tc.want)
		}
	}
	p := r.pager("en", "/en/news/", 2, 3*PerPage)
	if p.Prev != "/en/news/" || p.Next != "/en/news/page/3/" || p.Pages[2].URL != "/en/news/page/3/" {
		t.Errorf("URLs: prev %q next %q third %q", p.Prev, p.Next, p.Pages[2].URL)
	}
	if r.pager("en", "/en/news/", 1, PerPage) != nil {
		t.Error("a list that fits on one page has a pager")
	}
}

// TestReportMistake checks the "report a mistake" link of provider pages:
// a mailto: URL with the page's title and address in the subject, spaces
// as %20 (RFC 6068), and none when the publisher has no email.
func TestReportMistake(t *testing.T) {
	cat, _, err := i18n.Load(fstest.MapFS{}, []string{"vi", "en"})
	if err != nil {
		t.Fatal(err)
	}
	site := &config.Site{}
	r := &Renderer{Input: Input{Catalog: cat, Site: site}}
	v := &View{Lang: "vi", Title: "Tổng đài 111 & 113", Canonical: "https://example.org/ho-tro/tong-dai-111/"}
	if got := r.reportMistake(v); got != "" {
		t.Errorf("no email: got %q, want none", got)
	}
	site.Publisher.Email = "gopy@example.gov.vn"
	want := "mailto:gopy@example.gov.vn?subject=B%C3%A1o%20th%C3%B4ng%20tin%20sai%3A%20T%E1%BB%95ng%20%C4%91%C3%A0i%20111%20%26%20113%20%28https%3A%2F%2Fexample.org%2Fho-tro%2Ftong-dai-111%2F%29"
	if got := r.reportMistake(v); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestTagWrittenTwice: a page with the same tag twice (in two spellings)
// is listed once under it.
func TestTagWrittenTwice(t *testing.T) {
	r, _ := renderer(t, map[string]string{
		"_index.vi.md": "---\ntitle: Trang chủ\n---\n",
		"a.vi.md":      "---\ntitle: A\ntags: [Mại dâm, mai dam, khác]\n---\nChữ.\n",
		"b.vi.md":      "---\ntitle: B\ntags: [mại dâm]\n---\nChữ.\n",
	})
	tags, pages := r.tagIndex("vi")
	if len(tags) != 2 || len(pages["mai-dam"]) != 2 || len(pages["khac"]) != 1 {
		t.Errorf("tags %v, pages %v", tags, pages)
	}
}
