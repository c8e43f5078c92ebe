package content

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/tools/txtar"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/diag"
)

const siteYAML = `title: {vi: "Phòng, chống mại dâm", en: Prostitution prevention}
languages:
  - {code: vi, name: Tiếng Việt}
  - {code: en, name: English}
`

func testSite(t *testing.T) *config.Site {
	t.Helper()
	s, l := config.Parse(config.File, []byte(siteYAML), "")
	if len(l) != 0 || s == nil {
		t.Fatalf("site.yaml: %v", l)
	}
	return s
}

// archive turns a txtar literal into a file system rooted at the site's
// source folder.
func archive(a string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(a)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

func load(t *testing.T, fsys fstest.MapFS, opts Options) (*Site, diag.List) {
	t.Helper()
	s, l, err := Load(fsys, testSite(t), opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return s, l
}

// mustLoad loads fsys and fails on any diagnostic.
func mustLoad(t *testing.T, fsys fstest.MapFS, opts Options) *Site {
	t.Helper()
	s, l := load(t, fsys, opts)
	if len(l) != 0 {
		t.Fatalf("diagnostics:\n%s", text(l))
	}
	return s
}

// text renders l as "file:line:col: severity: message" lines.
func text(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Pos.String() + ": " + d.Severity.String() + ": " + d.Message + "\n")
	}
	return b.String()
}

// loadBoth loads fsys through c and from nothing, failing the test on an
// error: the Site and problems of each, to compare.
func loadBoth(t *testing.T, fsys fs.FS, site *config.Site, c *Cache) (got *Site, gl diag.List, want *Site, wl diag.List) {
	t.Helper()
	got, gl, err := Load(fsys, site, Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	want, wl, err = Load(fsys, site, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return got, gl, want, wl
}

// page returns the page read from file, failing the test when there is none.
func page(t *testing.T, s *Site, file string) *Page {
	t.Helper()
	p := s.ByFile(file)
	if p == nil {
		t.Fatalf("no page from %s", file)
	}
	return p
}

func files(pages []*Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.File)
	}
	return out
}

const siteArchive = `
-- content/site.yaml --
not read by content
-- content/_index.vi.md --
---
title: Trang chủ
---
Chào.
-- content/_index.en.md --
---
title: Home
---
-- content/plan/_index.vi.md --
---
title: Kế hoạch
slug: ke-hoach
weight: 1
---
-- content/plan/_index.en.md --
---
title: Plan
slug: plan
weight: 1
---
-- content/plan/x.vi.md --
---
title: Trang X
---
Thân bài.
-- content/plan/x.en.md --
---
title: Page X
---
-- content/plan/164-kh-ubnd/index.vi.md --
---
title: Kế hoạch 164/KH-UBND
---
-- content/plan/164-kh-ubnd/index.en.md --
---
title: Plan 164/KH-UBND
---
-- content/plan/164-kh-ubnd/ke-hoach-164.pdf --
%PDF-1.4
-- content/plan/164-kh-ubnd/anh/so-do.png --
PNG
-- content/plan/mot.vi.md --
---
title: Một
translation_key: one
---
-- content/plan/one.en.md --
---
title: One
translation_key: one
---
-- content/plan/phòng-chống.vi.md --
---
title: Phòng, chống
---
-- content/plan/chi-tieng-viet.md --
---
title: Chỉ có tiếng Việt
---
-- content/news/_index.vi.md --
---
title: Tin tức
weight: 2
---
-- content/news/bai.en.md --
---
title: An English-only story
---
-- content/_nhap/khong.vi.md --
---
title: Folders starting with _ are skipped
---
-- content/.git/HEAD --
ref
`

func TestLoadSite(t *testing.T) {
	s := mustLoad(t, archive(siteArchive), Options{})
	paths := map[string]string{}
	for _, p := range s.Pages {
		paths[p.File] = p.Path
	}
	want := map[string]string{
		"content/_index.vi.md":                 "/",
		"content/_index.en.md":                 "/en/",
		"content/plan/_index.vi.md":            "/ke-hoach/",
		"content/plan/_index.en.md":            "/en/plan/",
		"content/plan/x.vi.md":                 "/ke-hoach/x/",
		"content/plan/x.en.md":                 "/en/plan/x/",
		"content/plan/164-kh-ubnd/index.vi.md": "/ke-hoach/164-kh-ubnd/",
		"content/plan/164-kh-ubnd/index.en.md": "/en/plan/164-kh-ubnd/",
		"content/plan/mot.vi.md":               "/ke-hoach/mot/",
		"content/plan/one.en.md":               "/en/plan/one/",
		"content/plan/phòng-chống.vi.md":       "/ke-hoach/phong-chong/",
		"content/plan/chi-tieng-viet.md":       "/ke-hoach/chi-tieng-viet/",
		"content/news/_index.vi.md":            "/news/",
		"content/news/bai.en.md":               "/en/news/bai/", // no English section page: the folder name
	}
	if len(paths) != len(want) {
		t.Errorf("%d pages, want %d: %q", len(paths), len(want), files(s.Pages))
	}
	for f, w := range want {
		if got, ok := paths[f]; !ok || got != w {
			t.Errorf("%s: path %q, want %q", f, got, w)
		}
	}

	if s.Homes["vi"] != page(t, s, "content/_index.vi.md") || s.Homes["en"] != page(t, s, "content/_index.en.md") || len(s.Homes) != 2 {
		t.Errorf("Homes = %v", s.Homes)
	}

	x := page(t, s, "content/plan/x.vi.md")
	if x.Kind != KindPage || x.Lang != "vi" || x.Slug != "x" || x.Dir != "plan" || x.Key != "plan/x" || x.Title != "Trang X" {
		t.Errorf("x.vi = %+v", x)
	}
	if string(x.Body) != "Thân bài.\n" || string(x.Text[x.BodyOffset:]) != "Thân bài.\n" || x.BodyOffset != len("---\ntitle: Trang X\n---\n") {
		t.Errorf("x.vi body %q at %d", x.Body, x.BodyOffset)
	}
	if x.Section() != "plan" || x.IsBundle() {
		t.Errorf("x.vi section %q bundle %v", x.Section(), x.IsBundle())
	}
	if x.FrontMatter.Pos != (diag.Position{File: "content/plan/x.vi.md", Line: 1, Col: 1}) {
		t.Errorf("x.vi front matter pos = %v", x.FrontMatter.Pos)
	}

	// Single-file pages pair by file name, bundles by folder, others by
	// translation_key; the default language comes first.
	for _, tc := range []struct{ vi, en, key string }{
		{"content/plan/x.vi.md", "content/plan/x.en.md", "plan/x"},
		{"content/plan/164-kh-ubnd/index.vi.md", "content/plan/164-kh-ubnd/index.en.md", "plan/164-kh-ubnd"},
		{"content/plan/mot.vi.md", "content/plan/one.en.md", "key:one"},
		{"content/plan/_index.vi.md", "content/plan/_index.en.md", "plan"},
		{"content/_index.vi.md", "content/_index.en.md", ""},
	} {
		vi, en := page(t, s, tc.vi), page(t, s, tc.en)
		for _, p := range []*Page{vi, en} {
			if !slices.Equal(p.Translations, []*Page{vi, en}) || p.Key != tc.key {
				t.Errorf("%s: translations %q, key %q; want [%s %s], key %q", p.File, files(p.Translations), p.Key, tc.vi, tc.en, tc.key)
			}
		}
		if vi.Translation("en") != en || en.Translation("vi") != vi || vi.Translation("vi") != vi {
			t.Errorf("%s: Translation() does not find its pair", tc.vi)
		}
	}

	// A page missing in English has only itself.
	only := page(t, s, "content/plan/chi-tieng-viet.md")
	if only.Lang != "vi" || len(only.Translations) != 1 || only.Translation("en") != nil {
		t.Errorf("chi-tieng-viet: lang %q translations %q", only.Lang, files(only.Translations))
	}

	b := page(t, s, "content/plan/164-kh-ubnd/index.vi.md")
	if !b.IsBundle() || b.Slug != "164-kh-ubnd" || b.Dir != "plan/164-kh-ubnd" || b.Section() != "plan" {
		t.Errorf("bundle: bundle %v slug %q dir %q", b.IsBundle(), b.Slug, b.Dir)
	}
	attPaths := func(as []Attachment) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.Path)
		}
		return out
	}
	wantAtt := []string{"plan/164-kh-ubnd/anh/so-do.png", "plan/164-kh-ubnd/ke-hoach-164.pdf"}
	if got := attPaths(b.Attachments); !slices.Equal(got, wantAtt) || !slices.Equal(attPaths(page(t, s, "content/plan/164-kh-ubnd/index.en.md").Attachments), wantAtt) {
		t.Errorf("attachments = %q, want %q", got, wantAtt)
	}
	if b.Attachments[0].Size <= 0 {
		t.Errorf("attachment size = %d", b.Attachments[0].Size)
	}

	if got := page(t, s, "content/plan/phòng-chống.vi.md").Slug; got != "phong-chong" {
		t.Errorf("slug from Vietnamese file name = %q", got)
	}

	sec := page(t, s, "content/plan/_index.vi.md")
	if sec.Kind != KindSection || sec.Slug != "ke-hoach" || sec.Parent != s.Homes["vi"] || sec.Kind.String() != "section" {
		t.Errorf("plan section: kind %v slug %q parent %v", sec.Kind, sec.Slug, sec.Parent)
	}
	if x.Parent != sec || b.Parent != sec {
		t.Errorf("parents: x %v, bundle %v", x.Parent, b.Parent)
	}
	// With no English news section, the nearest English page above is the parent.
	if got := page(t, s, "content/news/bai.en.md").Parent; got != s.Homes["en"] {
		t.Errorf("English page in a Vietnamese-only section: parent %v", got)
	}
	home := s.Homes["vi"]
	if home.Kind != KindHome || home.Slug != "" || home.Parent != nil || home.Kind.String() != "home" {
		t.Errorf("home: %+v", home)
	}
	if got, want := files(home.Children), []string{"content/plan/_index.vi.md", "content/news/_index.vi.md"}; !slices.Equal(got, want) {
		t.Errorf("home children = %q, want %q", got, want)
	}
	if got := files(s.Homes["en"].Children); !slices.Equal(got, []string{"content/plan/_index.en.md", "content/news/bai.en.md"}) {
		t.Errorf("en home children = %q", got)
	}
	if s.ByFile("content/_nhap/khong.vi.md") != nil {
		t.Error("a page under _nhap/ was loaded")
	}
}

func TestLoadDeterministic(t *testing.T) {
	serial := mustLoad(t, archive(siteArchive), Options{})
	parallel := mustLoad(t, archive(siteArchive), Options{ForEach: func(n int, fn func(int)) {
		done := make(chan struct{})
		for i := n - 1; i >= 0; i-- { // out of order, concurrently
			go func() { fn(i); done <- struct{}{} }()
		}
		for range n {
			<-done
		}
	}})
	if a, b := files(serial.Pages), files(parallel.Pages); !slices.Equal(a, b) {
		t.Errorf("pages differ:\n%q\n%q", a, b)
	}
	for i, p := range serial.Pages {
		q := parallel.Pages[i]
		if p.Path != q.Path || !slices.Equal(files(p.Children), files(q.Children)) {
			t.Errorf("%s differs: %s %q / %s %q", p.File, p.Path, files(p.Children), q.Path, files(q.Children))
		}
	}
}

func TestLoadDrafts(t *testing.T) {
	fsys := archive(`
-- content/plan/_index.vi.md --
---
title: Kế hoạch
slug: ke-hoach
---
-- content/plan/nhap.vi.md --
---
title: Bản nháp
draft: true
---
-- content/plan/nhap.en.md --
---
title: Draft translation, published
---
`)
	s := mustLoad(t, fsys, Options{})
	if s.ByFile("content/plan/nhap.vi.md") != nil {
		t.Error("draft page loaded without Options.Drafts")
	}
	en := page(t, s, "content/plan/nhap.en.md")
	if len(en.Translations) != 1 {
		t.Errorf("a draft is a translation: %q", files(en.Translations))
	}
	if got := files(page(t, s, "content/plan/_index.vi.md").Children); len(got) != 0 {
		t.Errorf("draft listed as a child: %q", got)
	}

	s = mustLoad(t, fsys, Options{Drafts: true})
	p := page(t, s, "content/plan/nhap.vi.md")
	if !p.Draft || p.Path != "/ke-hoach/nhap/" || len(p.Translations) != 2 {
		t.Errorf("with drafts: draft %v path %q translations %q", p.Draft, p.Path, files(p.Translations))
	}
}

func TestLoadSkip(t *testing.T) {
	fsys := archive(`
-- content/support/_index.vi.md --
---
title: Hỗ trợ
---
-- content/support/services/tong-dai-111.yaml --
id: tong-dai-111
-- content/i18n/vi.yaml --
x: y
`)
	s := mustLoad(t, fsys, Options{})
	if len(s.Files) != 1 || s.Files[0].Path != "support/services/tong-dai-111.yaml" {
		t.Errorf("without Skip: files %+v", s.Files)
	}
	if s = mustLoad(t, fsys, Options{Skip: []string{"support/services"}}); len(s.Files) != 0 {
		t.Errorf("with Skip: files %+v", s.Files)
	}
}

func TestLoadProblems(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files string
		want  string // the diagnostics, one per line
		hint  string // the first diagnostic's hint, when not empty
	}{
		{"duplicate URL", `
-- content/plan/a.vi.md --
---
title: A
slug: trung
---
-- content/plan/b.vi.md --
---
title: B
slug: trung
---
`, "content/plan/b.vi.md:3:7: error: this page and content/plan/a.vi.md would both be published at /plan/trung/",
			"give one of them a different slug in its front matter"},
		{"two files for one language", `
-- content/plan/x.md --
---
title: A
---
-- content/plan/x.vi.md --
---
title: B
---
`, "content/plan/x.vi.md:1:1: error: this page and content/plan/x.md are both the vi version of the same page\n" +
			"content/plan/x.vi.md:1:1: error: this page and content/plan/x.md would both be published at /plan/x/",
			"give one of them a different translation_key, or remove one"},
		{"no slug from the file name", `
-- content/plan/!!!.vi.md --
---
title: A
---
`, `content/plan/!!!.vi.md:1:1: error: no URL slug can be made from the file name "!!!"`, "add slug: … to the front matter"},
		{"unknown front-matter key", `
-- content/plan/x.vi.md --
---
titel: Kế hoạch 164/KH-UBND
---
`, `content/plan/x.vi.md:2:1: error: unknown key "titel"`, `did you mean "title"?`},
		{"leaflet on an unknown paper size", `
-- content/plan/x.vi.md --
---
title: A
leaflet: yes
---
`, `content/plan/x.vi.md:3:10: error: leaflet: "yes" is not a paper size loa prints leaflets on`,
			"write leaflet: A5 (half a sheet, the usual leaflet) or leaflet: A4"},
		{"unknown key further down", `
-- content/plan/x.vi.md --
---
title: Kế hoạch
  
wieght: 2
---
`, `content/plan/x.vi.md:4:1: error: unknown key "wieght"`, `did you mean "weight"?`},
		{"YAML syntax error", `
-- content/plan/x.vi.md --
---
title: Kế hoạch: 2021–2025
---
`, `content/plan/x.vi.md:2:16: error: this line has a second colon (":") inside a value`, ""},
		{"wrong kind of value", `
-- content/plan/x.vi.md --
---
title: Kế hoạch
weight: nhiều
---
`, `content/plan/x.vi.md:3:9: error: "weight" should be a whole number, not "nhiều"`, ""},
		{"bad date", `
-- content/plan/x.vi.md --
---
title: Kế hoạch
date: 05/11/2021
---
`, `content/plan/x.vi.md:3:7: error: "05/11/2021" is not a date loa can read`, "write the year first: 2021-11-05 (or 2021-11-05T08:30 with a time, 2021-11-05T08:30:00+07:00 with the offset from UTC)"},
		{"no title", `
-- content/plan/x.vi.md --
---
weight: 1
---
`, "content/plan/x.vi.md:1:1: error: this page has no title", ""},
		{"no front matter", `
-- content/plan/x.vi.md --
# Kế hoạch
`, "content/plan/x.vi.md:1:1: error: this page has no front matter",
			"start the file with a line ---, then title: …, then a line ---"},
		{"no front matter, a rule in the text", `
-- content/plan/x.vi.md --
# Kế hoạch

---
`, "content/plan/x.vi.md:1:1: error: this page has no front matter",
			"start the file with a line ---, then title: …, then a line ---"},
		{"front matter without its opening line", "\n-- content/plan/x.vi.md --\ntitle: Kế hoạch\r\ndate: 2026-12-02\r\n# ghi chú\r\n---\r\nThân.\r\n",
			`content/plan/x.vi.md:1:1: error: the front matter does not begin with a line "---"`,
			"add a line --- as the very first line of the file, above the first key; keep the line --- on line 4, which ends the front matter"},
		{"unclosed front matter", `
-- content/plan/x.vi.md --
---
title: Kế hoạch

Thân.
`, `content/plan/x.vi.md:4:1: error: the front matter is not closed: no line "---" ends it`,
			"add a line --- above this line: the lines between the two --- are title:, date:, draft: and the like; the page's text comes after the second ---"},
		{"unknown language", `
-- content/plan/x.fr.md --
---
title: Plan
---
`, `content/plan/x.fr.md: error: the file name says language "fr", but the site's languages are vi, en`, "name the file as one of: x.vi.md, x.en.md"},
		{"Markdown inside a bundle", `
-- content/plan/b/index.vi.md --
---
title: B
---
-- content/plan/b/ghi-chu.md --
notes
`, `content/plan/b/ghi-chu.md: error: this Markdown file is inside the page bundle "plan/b", so it is not a page of its own`, ""},
		{"a folder named like a page", `
-- content/plan/x.vi.md/index.vi.md --
---
title: X
---
-- content/plan/Y.MD/anh.png --
`, "content/plan/Y.MD: error: this is a folder, but its name ends in .md like a page's file, so it is not read as a page\n" +
			"content/plan/x.vi.md: error: this is a folder, but its name ends in .md like a page's file, so it is not read as a page",
			"if it holds other files, give the folder a name without .md; if it should be a page, first move what is inside it elsewhere, then delete the folder and save the page as a file with this name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, l := load(t, archive(tc.files), Options{})
			if got := strings.TrimSuffix(text(l), "\n"); got != tc.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tc.want)
			}
			if tc.hint != "" && (len(l) == 0 || l[0].Hint != tc.hint) {
				t.Errorf("hint = %q, want %q", l[0].Hint, tc.hint)
			}
			if !l.HasErrors() {
				t.Error("no error")
			}
			if s == nil {
				t.Error("nil Site")
			}
		})
	}
}

// TestUnknownLanguageHint: a language code a writer mistyped gets the
// file name they meant, in every way seen (case, a longer code or the
// language's name, a country's code, one letter off); a dot inside a
// name gets "-" for it.
func TestUnknownLanguageHint(t *testing.T) {
	for name, want := range map[string]string{
		"tin.EN.md":       "did you mean en? Name the file tin.en.md",
		"tin.eng.md":      "did you mean en? Name the file tin.en.md",
		"tin.english.md":  "did you mean en? Name the file tin.en.md",
		"tin.Vie.md":      "did you mean vi? Name the file tin.vi.md",
		"tin.vn.md":       "did you mean vi? Name the file tin.vi.md",
		"tin.uk.md":       "did you mean en? Name the file tin.en.md",
		"tin.em.md":       "did you mean en? Name the file tin.en.md",
		"tin.fr.md":       "name the file as one of: tin.vi.md, tin.en.md",
		"bao-cao.2021.md": `a dot before .md marks the language: write bao-cao-2021.md (a "-" for the dot), or bao-cao.2021.vi.md`,
		"v1.2.md":         `a dot before .md marks the language: write v1-2.md (a "-" for the dot), or v1.2.vi.md`,
	} {
		_, l := load(t, archive("-- content/news/"+name+" --\n---\ntitle: A\n---\n"), Options{})
		if len(l) != 1 || l[0].Hint != want {
			t.Errorf("%s: %s\nhint %q, want %q", name, text(l), l[0].Hint, want)
		}
	}
}

func TestLoadPageWithErrorsLeftOut(t *testing.T) {
	s, l := load(t, archive(`
-- content/plan/x.vi.md --
---
titel: A
---
-- content/plan/x.en.md --
---
title: X
---
`), Options{})
	if len(l) != 1 || s.ByFile("content/plan/x.vi.md") != nil {
		t.Fatalf("page with errors kept, or diagnostics %v", l)
	}
	if en := page(t, s, "content/plan/x.en.md"); len(en.Translations) != 1 {
		t.Errorf("translations of en = %q", files(en.Translations))
	}
}

func TestInvalidSlug(t *testing.T) {
	for _, slug := range []string{"../x", "a/b", "Ke-hoach", "kế-hoạch", "a--b"} {
		s, l := load(t, archive("-- content/plan/x.vi.md --\n---\ntitle: A\nslug: "+slug+"\n---\n"), Options{})
		if len(l) != 1 || l[0].Severity != diag.Error || l[0].Pos.File != "content/plan/x.vi.md" ||
			l[0].Message != fmt.Sprintf("slug %q may hold only lower-case letters a–z, digits and single hyphens", slug) {
			t.Errorf("slug %q: diagnostics:\n%s", slug, text(l))
			continue
		}
		if s.ByFile("content/plan/x.vi.md") != nil {
			t.Errorf("slug %q: page kept", slug)
		}
	}
	_, l := load(t, archive("-- content/plan/x.vi.md --\n---\ntitle: A\nslug: ../x\n---\n"), Options{})
	if len(l) != 1 || l[0].Hint != "try slug: x" {
		t.Errorf("hint: %+v", l)
	}
}

func TestSlugErrorPosition(t *testing.T) {
	_, l := load(t, archive("-- content/plan/x.vi.md --\n---\ntitle: A\nslug: ../x\n---\n"), Options{})
	if len(l) != 1 || l[0].Pos.String() != "content/plan/x.vi.md:3:7" {
		t.Errorf("diagnostics:\n%s", text(l))
	}
}

func TestLoadTextForms(t *testing.T) {
	const title = "Phòng, chống mại dâm"
	fsys := fstest.MapFS{
		"content/plan/nfc.vi.md":  {Data: []byte("---\ntitle: " + title + "\n---\n")},
		"content/plan/nfd.vi.md":  {Data: []byte("---\ntitle: " + norm.NFD.String(title) + "\n---\n" + norm.NFD.String("Thân bài.") + "\n")},
		"content/plan/crlf.vi.md": {Data: []byte("\xEF\xBB\xBF---\r\ntitle: " + title + "\r\nweight: 3\r\n---\r\nDòng một\r\nDòng hai\r\n")},
		"content/plan/bom.vi.md":  {Data: []byte("\xEF\xBB\xBF---\ntitle: " + title + "\n---\n")},
	}
	s := mustLoad(t, fsys, Options{})
	for _, f := range []string{"nfc", "nfd", "crlf", "bom"} {
		p := page(t, s, "content/plan/"+f+".vi.md")
		if p.Title != title {
			t.Errorf("%s: title %q (% x), want %q", f, p.Title, p.Title, title)
		}
	}
	if got := string(page(t, s, "content/plan/nfd.vi.md").Body); got != "Thân bài.\n" {
		t.Errorf("NFD body = %q", got)
	}
	crlf := page(t, s, "content/plan/crlf.vi.md")
	if crlf.Weight != 3 || string(crlf.Body) != "Dòng một\nDòng hai\n" {
		t.Errorf("CRLF: weight %d body %q", crlf.Weight, crlf.Body)
	}

	// An unknown key in a CRLF file with a BOM is still at line 3, column 1.
	_, l := load(t, fstest.MapFS{
		"content/x.vi.md": {Data: []byte("\xEF\xBB\xBF---\r\ntitle: a\r\ntitel: b\r\n---\r\n")},
	}, Options{})
	if got := text(l); got != "content/x.vi.md:3:1: error: unknown key \"titel\"\n" {
		t.Errorf("CRLF diagnostics:\n%s", got)
	}
}

func TestLoadNotUTF8(t *testing.T) {
	// "Café" saved as Windows-1252: é is the single byte 0xE9.
	_, l := load(t, fstest.MapFS{
		"content/plan/x.vi.md": {Data: []byte("---\ntitle: Café\nslug: x\ndescription: Caf\xe9\n---\n")},
	}, Options{})
	if len(l) != 1 {
		t.Fatalf("diagnostics:\n%s", text(l))
	}
	d := l[0]
	// Line 4, after the 16 characters of "description: Caf".
	if d.Pos.String() != "content/plan/x.vi.md:4:17" || d.Severity != diag.Error ||
		d.Message != "this file is not saved as UTF-8 (byte 0xE9 cannot be read)" {
		t.Errorf("got %s: %s: %s", d.Pos, d.Severity, d.Message)
	}
}

func TestLoadDates(t *testing.T) {
	// time.Local was read when the process started, so this does not change
	// it; it only documents that the machine's zone must not matter.
	t.Setenv("TZ", "America/New_York")
	s := mustLoad(t, archive(`
-- content/news/a.vi.md --
---
title: A
date: 2021-11-05
lastmod: 2021-11-05 23:30
---
-- content/news/b.vi.md --
---
title: B
date: 2021-11-05T08:30:15
lastmod: "2021-11-06T01:00"
---
-- content/news/c.vi.md --
---
title: C
date: 2021-11-05T08:30:00Z
lastmod: 2021-11-05T08:30:00+09:00
---
`), Options{})
	ict := 7 * 3600
	check := func(name string, got time.Time, y int, mo time.Month, d, h, mi, sec, offset int) {
		t.Helper()
		_, off := got.Zone()
		if got.Year() != y || got.Month() != mo || got.Day() != d || got.Hour() != h || got.Minute() != mi || got.Second() != sec || off != offset {
			t.Errorf("%s = %v, want %04d-%02d-%02d %02d:%02d:%02d offset %d", name, got, y, mo, d, h, mi, sec, offset)
		}
	}
	a := page(t, s, "content/news/a.vi.md")
	check("a.date", a.Date, 2021, 11, 5, 0, 0, 0, ict)
	if a.Date.Location().String() != "Asia/Ho_Chi_Minh" {
		t.Errorf("a.date location = %v", a.Date.Location())
	}
	if want := time.Date(2021, 11, 4, 17, 0, 0, 0, time.UTC); !a.Date.Equal(want) {
		t.Errorf("a.date = %v, want the instant %v", a.Date.UTC(), want)
	}
	check("a.lastmod", a.Lastmod, 2021, 11, 5, 23, 30, 0, ict)
	b := page(t, s, "content/news/b.vi.md")
	check("b.date", b.Date, 2021, 11, 5, 8, 30, 15, ict)
	check("b.lastmod", b.Lastmod, 2021, 11, 6, 1, 0, 0, ict)
	c := page(t, s, "content/news/c.vi.md")
	check("c.date", c.Date, 2021, 11, 5, 8, 30, 0, 0)
	check("c.lastmod", c.Lastmod, 2021, 11, 5, 8, 30, 0, 9*3600)
	if !page(t, s, "content/news/a.vi.md").Lastmod.After(a.Date) {
		t.Error("lastmod before date")
	}
}

func TestChildrenOrder(t *testing.T) {
	s := mustLoad(t, archive(`
-- content/news/_index.vi.md --
---
title: Tin tức
---
-- content/news/nang.vi.md --
---
title: Weight 2
weight: 2
date: 2025-01-01
---
-- content/news/nhe.vi.md --
---
title: Weight 1
weight: 1
date: 2020-01-01
---
-- content/news/cu.vi.md --
---
title: Old
date: 2021-11-05
---
-- content/news/moi.vi.md --
---
title: New
date: 2025-06-12
---
-- content/news/moi-hon.vi.md --
---
title: Newer, same day
date: 2025-06-12T09:00
---
-- content/news/khong-ngay-b.vi.md --
---
title: Undated B
---
-- content/news/khong-ngay-a.vi.md --
---
title: Undated A
---
-- content/news/con/_index.vi.md --
---
title: Subsection
weight: 3
---
-- content/news/con/sau.vi.md --
---
title: Deeper
weight: 1
---
`), Options{})
	got := files(page(t, s, "content/news/_index.vi.md").Children)
	want := []string{
		"content/news/nhe.vi.md",        // weight 1
		"content/news/nang.vi.md",       // weight 2
		"content/news/con/_index.vi.md", // weight 3
		"content/news/moi-hon.vi.md",    // unweighted, newest first
		"content/news/moi.vi.md",
		"content/news/cu.vi.md",
		"content/news/khong-ngay-a.vi.md", // undated last, by title
		"content/news/khong-ngay-b.vi.md",
	}
	if !slices.Equal(got, want) {
		t.Errorf("children =\n%q\nwant\n%q", got, want)
	}
	if got := files(page(t, s, "content/news/con/_index.vi.md").Children); !slices.Equal(got, []string{"content/news/con/sau.vi.md"}) {
		t.Errorf("subsection children = %q", got)
	}
	if p := page(t, s, "content/news/con/sau.vi.md"); p.Path != "/news/con/sau/" || p.Section() != "news" {
		t.Errorf("deeper page: path %q section %q", p.Path, p.Section())
	}
}

func TestNFDFileNamePairs(t *testing.T) {
	name := "phòng-chống"
	s := mustLoad(t, fstest.MapFS{
		"content/plan/" + norm.NFD.String(name) + ".vi.md": {Data: []byte("---\ntitle: A\n---\n")},
		"content/plan/" + name + ".en.md":                  {Data: []byte("---\ntitle: B\n---\n")},
	}, Options{})
	for _, p := range s.Pages {
		if len(p.Translations) != 2 || p.Slug != "phong-chong" {
			t.Errorf("%+q: slug %q, translations %q", p.File, p.Slug, files(p.Translations))
		}
	}
}

// TestByFile: ByFile finds a page by its source file written in NFC or
// NFD, whether every file name is in NFC (a search of Pages) or some is
// not (a map by the names in NFC), and nothing for a file that is no page.
func TestByFile(t *testing.T) {
	name := "phòng-chống"
	for _, stored := range []string{name, norm.NFD.String(name)} {
		s := mustLoad(t, fstest.MapFS{
			"content/_index.vi.md":                 {Data: []byte("---\ntitle: Trang chủ\n---\n")},
			"content/plan/" + stored + ".vi.md":    {Data: []byte("---\ntitle: A\n---\n")},
			"content/plan/" + name + "-khac.en.md": {Data: []byte("---\ntitle: B\n---\n")},
			"content/plan/z.vi.md":                 {Data: []byte("---\ntitle: C\n---\n")},
		}, Options{})
		for _, asked := range []string{name, norm.NFD.String(name)} {
			if p := s.ByFile("content/plan/" + asked + ".vi.md"); p == nil || p.Title != "A" {
				t.Errorf("stored %+q, asked %+q: %v", stored, asked, p)
			}
		}
		for _, f := range []string{"content/_index.vi.md", "content/plan/z.vi.md", "content/plan/" + name + "-khac.en.md"} {
			if p := s.ByFile(f); p == nil || p.File != f {
				t.Errorf("stored %+q: ByFile(%q) = %v", stored, f, p)
			}
		}
		for _, f := range []string{"content/plan/" + name + ".en.md", "content/a.vi.md", "content/plan/zz.vi.md", ""} {
			if p := s.ByFile(f); p != nil {
				t.Errorf("stored %+q: ByFile(%q) = %s", stored, f, p.File)
			}
		}
	}
}
