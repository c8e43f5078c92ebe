package render

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/i18n"
	"github.com/loa-ssg/loa/internal/markdown"
)

// viewTemplates print the parts of View a test looks at, one per line,
// instead of a page: the tests below hold the View, not the HTML.
var viewTemplates = fstest.MapFS{
	"base.html": {Data: []byte(`{{template "main" .}}`)},
	"page.html": {Data: []byte(`{{define "main"}}title={{.Title}}
description={{.MetaDescription}}
canonical={{.Canonical}}
alternates={{range .Alternates}}{{.Hreflang}}:{{.Href}} {{end}}
languages={{range .Languages}}{{.Code}}:{{.URL}}:{{.Missing}} {{end}}
breadcrumbs={{range .Breadcrumbs}}{{.Title}}:{{.URL}} {{end}}
newsitem={{.NewsItem}}
deprecated={{.Description}}|{{.Article}}
builtday={{.Day .Now}}
content={{.Content}}
{{end}}`)},
	"home.html":    {Data: []byte(`{{define "main"}}home {{.Title}}{{end}}`)},
	"section.html": {Data: []byte(`{{define "main"}}section {{.Title}}:{{range .Children}} {{.Title}}{{end}}{{end}}`)},
	"404.html":     {Data: []byte(`{{define "main"}}404 {{.Lang}}{{end}}`)},
}

const viewSite = `title: {vi: Trang thử, en: Test site}
description: {vi: Mô tả của trang web., en: The site's description.}
base_url: https://example.vn/
languages:
  - {code: vi, name: Tiếng Việt}
  - {code: en, name: English}
`

// viewSiteConfig returns viewSite parsed; a problem in it fails t.
func viewSiteConfig(t *testing.T) *config.Site {
	t.Helper()
	site, l := config.Parse(config.File, []byte(viewSite), "")
	if len(l) != 0 {
		t.Fatalf("site.yaml: %v", l)
	}
	return site
}

// renderer makes a Renderer of the pages in files (content-relative
// names), with viewTemplates.
func renderer(t *testing.T, files map[string]string) (*Renderer, *content.Site) {
	t.Helper()
	site := viewSiteConfig(t)
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["content/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	cs, l, err := content.Load(fsys, site, content.Options{})
	if err != nil || len(l) != 0 {
		t.Fatalf("content: %v %v", err, l)
	}
	cat, _, err := i18n.Load(fstest.MapFS{}, []string{"vi", "en"})
	if err != nil {
		t.Fatal(err)
	}
	r, l, err := New(Input{Site: site, Content: cs, Catalog: cat, Builtin: viewTemplates, Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil || len(l) != 0 {
		t.Fatalf("render.New: %v %v", err, l)
	}
	return r, cs
}

// lines renders the page from file and returns what viewTemplates print,
// by name.
func lines(t *testing.T, r *Renderer, cs *content.Site, file string) map[string]string {
	t.Helper()
	p := cs.ByFile("content/" + file)
	if p == nil {
		t.Fatalf("no page from %s", file)
	}
	res := markdown.New(markdown.Options{}).Convert(p.Body, nil)
	var b strings.Builder
	if err := r.Page(&b, p, res); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(b.String(), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			out[k] = v
		}
	}
	return out
}

const viewHome = "---\ntitle: Trang chủ\n---\nChào.\n"

// TestViewPage holds what a page's View carries for a page with a
// translation and one without: hreflang alternates for the translations
// that exist, the language switcher pointing at the other language's
// home when there is none, breadcrumbs, and the meta description (the
// page's own, else its first paragraph), also under its deprecated name
// .Description.
func TestViewPage(t *testing.T) {
	r, cs := renderer(t, map[string]string{
		"_index.vi.md":      viewHome,
		"_index.en.md":      "---\ntitle: Home\n---\nHello.\n",
		"plan/_index.vi.md": "---\ntitle: Kế hoạch\n---\nCác kế hoạch.\n",
		"plan/x.vi.md":      "---\ntitle: Trang X\ndescription: Mô tả riêng.\n---\nĐoạn đầu.\n",
		"plan/x.en.md":      "---\ntitle: Page X\n---\nFirst paragraph.\n\nSecond.\n",
		"plan/y.vi.md":      "---\ntitle: Trang Y\n---\nChỉ tiếng Việt.\n",
	})
	for file, want := range map[string]map[string]string{
		"plan/x.vi.md": {
			"title": "Trang X", "description": "Mô tả riêng.", "canonical": "https://example.vn/plan/x/",
			"alternates":  "vi:https://example.vn/plan/x/ en:https://example.vn/en/plan/x/ x-default:https://example.vn/plan/x/ ",
			"languages":   "en:/en/plan/x/:false ",
			"breadcrumbs": "Trang chủ:/ Kế hoạch:/plan/ ",
			"newsitem":    "false",
			"deprecated":  "Mô tả riêng.|false",
			"content":     "<p>Đoạn đầu.</p>",
		},
		"plan/x.en.md": {"title": "Page X", "description": "First paragraph.", "languages": "vi:/plan/x/:false "},
		"plan/y.vi.md": {
			"alternates": "vi:https://example.vn/plan/y/ x-default:https://example.vn/plan/y/ ",
			"languages":  "en:/en/:true ",
		},
	} {
		got := lines(t, r, cs, file)
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s: %s = %q, want %q", file, k, got[k], w)
			}
		}
	}
}

// TestViewNewsItem holds that a page of the news section is a news item
// for its template, and that its section lists it.
func TestViewNewsItem(t *testing.T) {
	r, cs := renderer(t, map[string]string{
		"_index.vi.md":      viewHome,
		"news/_index.vi.md": "---\ntitle: Tin tức\n---\nTin.\n",
		"news/a.vi.md":      "---\ntitle: Tin A\ndate: 2026-11-01\n---\nNội dung.\n",
	})
	got := lines(t, r, cs, "news/a.vi.md")
	if got["newsitem"] != "true" {
		t.Errorf("news item: newsitem = %q, want true", got["newsitem"])
	}
	// The deprecated names (one release) still give the same values.
	if got["deprecated"] != got["description"]+"|true" {
		t.Errorf("news item: deprecated = %q, want %q", got["deprecated"], got["description"]+"|true")
	}
	var b strings.Builder
	if err := r.Page(&b, cs.ByFile("content/news/_index.vi.md"), markdown.Result{}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "section Tin tức: Tin A" {
		t.Errorf("news section: %q", got)
	}
}

// TestViewBuildTime holds the one build time templates see (.Now, the
// Input's Now) and Day, which writes a day without a time or zone, in
// the site's time zone: 20:00 UTC on 29 November is already 30 November
// in Hà Nội.
func TestViewBuildTime(t *testing.T) {
	r, cs := renderer(t, map[string]string{"_index.vi.md": viewHome, "plan/x.vi.md": "---\ntitle: X\n---\nY.\n"})
	if got := lines(t, r, cs, "plan/x.vi.md")["builtday"]; got != "2026-11-30" {
		t.Errorf("{{.Day .Now}} = %q, want 2026-11-30", got)
	}
	v := r.base("vi")
	if !v.Now().Equal(r.Now) {
		t.Errorf(".Now = %v, want the Input's %v", v.Now(), r.Now)
	}
	for in, want := range map[time.Time]string{
		time.Date(2026, 11, 29, 20, 0, 0, 0, time.UTC):     "2026-11-30",
		time.Date(2026, 11, 29, 16, 59, 59, 0, time.UTC):   "2026-11-29",
		time.Date(2024, 9, 8, 0, 0, 0, 0, r.Site.Location): "2024-09-08",
	} {
		if got := v.Day(in); got != want {
			t.Errorf("Day(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestViewPast: a day is over only when the whole day is, in the site's
// time zone; a time is over once it has passed; the zero time never is.
func TestViewPast(t *testing.T) {
	r, _ := renderer(t, map[string]string{"_index.vi.md": viewHome})
	v := r.base("vi")
	now := r.Now.In(r.Site.Location)
	y, m, d := now.Date()
	loc := r.Site.Location
	for _, tc := range []struct {
		t    time.Time
		want bool
	}{
		{time.Time{}, false},
		{config.Day(y, m, d, loc), false},  // today: not over until midnight
		{config.Day(y, m, d-1, loc), true}, // yesterday
		{config.Day(y, m, d+1, loc), false},
		{now.Add(-time.Minute), true},
		{now.Add(time.Minute), false},
	} {
		if got := v.Past(tc.t); got != tc.want {
			t.Errorf("Past(%v) = %v, want %v (now %v)", tc.t, got, tc.want, now)
		}
	}
}
