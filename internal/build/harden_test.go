package build

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/loa-ssg/loa/internal/render"
)

// headingsLikeLayout is a page whose headings fold to IDs the layout uses.
const headingsLikeLayout = siteYAML + `-- content/_index.vi.md --
---
title: Trang chủ
---
Chào.
-- content/_index.en.md --
---
title: Home
---
Hi.
-- content/plan/_index.vi.md --
---
title: Kế hoạch
---
## Main

## Exit status

Xem [thoát](#exit-status-1).
-- content/plan/_index.en.md --
---
title: Plans
---
Plans.
-- content/plan/x.vi.md --
---
title: Trang
---
## Main

## Exit status

## Emergency title

## TOC title

## Sources
`

// TestHeadingIDsAvoidLayoutIDs holds that a heading never takes an id the
// layout uses (issue 12: "## Main" made a second id="main" and the table
// of contents' #exit-status landed on the exit bar): it gets a suffix, the
// table of contents links the suffixed id, and no built page has an id
// twice.
func TestHeadingIDsAvoidLayoutIDs(t *testing.T) {
	res, dir := mustBuild(t, headingsLikeLayout)
	if len(res.Diagnostics) > 0 {
		t.Logf("%s", diagText(res))
	}
	// A page with a table of contents (page.html).
	html := readOut(t, dir, "plan/x/index.html")
	for _, want := range []string{`<h2 id="main-1">Main</h2>`, `<h2 id="exit-status-1">Exit status</h2>`,
		`<h2 id="emergency-title-1">Emergency title</h2>`, `<h2 id="toc-title-1">TOC title</h2>`,
		`<li><a href="#exit-status-1">Exit status</a></li>`, `id="main"`, `id="exit-status"`,
		// id="sources" is only on directory entries (provider.html): free here.
		`<h2 id="sources">Sources</h2>`} {
		if !strings.Contains(html, want) {
			t.Errorf("plan/x/index.html lacks %s", want)
		}
	}
	// A section (section.html) has no table of contents: its id is free.
	section := readOut(t, dir, "plan/index.html")
	for _, want := range []string{`<h2 id="main-1">Main</h2>`, `<h2 id="exit-status-1">Exit status</h2>`, `href="#exit-status-1"`} {
		if !strings.Contains(section, want) {
			t.Errorf("plan/index.html lacks %s", want)
		}
	}
	for _, page := range []string{html, section} {
		if dups := render.DuplicateIDs([]byte(page)); len(dups) > 0 {
			t.Errorf("duplicate ids %q", dups)
		}
	}
}

// TestDuplicateIDFromTemplate holds that a built page with an id twice,
// here from a site's own template, stops the build with the template named.
func TestDuplicateIDFromTemplate(t *testing.T) {
	site := strings.Replace(headingsLikeLayout, "-- content/plan/_index.en.md --", `-- templates/section.html --
{{define "main"}}<h1 id="main">{{.Title}}</h1>{{.Content}}{{end}}
-- content/plan/_index.en.md --`, 1)
	got := mustFail(t, site)
	if !strings.Contains(got, `error: this page would have the id "main" twice`) {
		t.Errorf("diagnostics:\n%s", got)
	}
}

// TestPathologicalMarkdownRefused holds that a body goldmark would take
// minutes on stops the build with the file, line and reason (issue 12:
// "[a](" × 250,000 did not finish in 120 s).
func TestPathologicalMarkdownRefused(t *testing.T) {
	site := strings.Replace(headingsLikeLayout, "Xem [thoát](#exit-status-1).", "Xem [thoát](#exit-status-1).\n\n"+strings.Repeat("[a](", 250_000), 1)
	got := mustFail(t, site)
	if want := "content/plan/_index.vi.md:10:3: error: a link here is not closed"; !strings.Contains(got, want) {
		t.Errorf("diagnostics:\n%s\nwant %s", got, want)
	}
}

// TestNFDFileNames holds that file names compare in NFC on both sides
// (issue 12: a link typed in composed letters to a page saved with
// decomposed ones said "does not exist"): pages and attachments saved in
// NFD are found by links typed in NFC or percent-encoded in NFD, and are
// published under NFC names.
func TestNFDFileNames(t *testing.T) {
	nfd := norm.NFD.String
	site := siteYAML + `-- content/_index.vi.md --
---
title: Trang chủ
---
Xem [hướng dẫn](news/hướng-dẫn.vi.md), [lần nữa](news/hu%CC%9Bo%CC%9B%CC%81ng-da%CC%82%CC%83n.vi.md),
[gói](plan/gói-tin/index.vi.md) và [tệp](plan/gói-tin/tài-liệu.txt).
-- content/_index.en.md --
---
title: Home
---
Hi.
-- content/news/` + nfd("hướng-dẫn") + `.vi.md --
---
title: Hướng dẫn
date: 2026-01-02
---
Bài.
-- content/plan/` + nfd("gói-tin") + `/index.vi.md --
---
title: Gói tin
---
Tải [tài liệu](` + "tài-liệu.txt" + `).
-- content/plan/` + nfd("gói-tin") + `/` + nfd("tài-liệu") + `.txt --
tệp
`
	res, dir := mustBuild(t, site)
	for _, d := range res.Diagnostics {
		if strings.Contains(d.Message, "does not exist") {
			t.Errorf("%s: %s", d.Pos, d.Message)
		}
	}
	home := readOut(t, dir, "index.html")
	for _, want := range []string{`href="/news/huong-dan/">hướng dẫn</a>`, `href="/news/huong-dan/">lần nữa</a>`,
		`href="/plan/goi-tin/">gói</a>`, `href="/plan/goi-tin/t%C3%A0i-li%E1%BB%87u.txt">tệp</a>`} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if got := readOut(t, dir, "plan/goi-tin/tài-liệu.txt"); got != "tệp\n" {
		t.Errorf("attachment = %q", got)
	}
	if page := readOut(t, dir, "plan/goi-tin/index.html"); !strings.Contains(page, `href="/plan/goi-tin/t%C3%A0i-li%E1%BB%87u.txt"`) {
		t.Error("the bundle's own link to its attachment is not its NFC URL")
	}
}

// TestForbiddenCharacters holds that a character no web page may hold
// never reaches one: written raw in a body, as an escape in front matter,
// site.yaml or an interface string, or as a character reference, it is an
// error at its file, line and column (issue 12: `title: "Tin\x1d một"` put
// U+001D into <title>, <h1> and og:title).
func TestForbiddenCharacters(t *testing.T) {
	for _, tc := range []struct{ site, want string }{
		{strings.Replace(smallSite, "title: {vi: Trang thử, en: Test site}", `title: {vi: "Trang\u0085 thử", en: Test site}`, 1),
			`content/site.yaml:1:13: error: the text "Trang\u0085 thử" holds the invisible character U+0085, which a web page cannot contain`},
		{smallSite + "-- content/news/x.vi.md --\n---\ntitle: \"Tin\\x1d một\"\ndate: 2026-01-02\n---\nBài.\n",
			`content/news/x.vi.md:2:8: error: the text "Tin\x1d một" holds the invisible character U+001D, which a web page cannot contain`},
		{smallSite + "-- content/news/y.vi.md --\n---\ntitle: Tin hai\ndate: 2026-01-03\n---\nMột\x1f hai.\n",
			`content/news/y.vi.md:5:4: error: this file holds the invisible character U+001F, which a web page cannot contain`},
		{smallSite + "-- content/i18n/vi.yaml --\nhome: \"Trang\\x0c chủ\"\n",
			`content/i18n/vi.yaml:1:7: error: the text "Trang\f chủ" holds the invisible character U+000C, which a web page cannot contain`},
		{strings.Replace(smallSite, "Các kế hoạch.", "Các &#x7f; kế hoạch.", 1),
			`content/plan/_index.vi.md:6:5: error: this character reference writes the invisible character U+007F, which a web page cannot contain`},
	} {
		if got := mustFail(t, tc.site); !strings.Contains(got, tc.want) {
			t.Errorf("want %s\ngot:\n%s", tc.want, got)
		}
	}
}

// TestCrossLanguageLinks holds that a link to a page in another language
// carries hreflang, and a link in the page's own language does not; neither
// gets lang, since the link's words are the author's own (issue 12).
func TestCrossLanguageLinks(t *testing.T) {
	site := strings.Replace(smallSite, "Chào mừng. Xem [kế hoạch](plan/164-kh-ubnd/index.vi.md#muc-tieu).",
		"Chào mừng. Xem [kế hoạch](plan/164-kh-ubnd/index.vi.md#muc-tieu), [in English](plan/164-kh-ubnd/index.en.md) "+
			"và [tiếng Anh](plan/_index.en.md).", 1)
	_, dir := mustBuild(t, site)
	home := readOut(t, dir, "index.html")
	for _, want := range []string{`<a href="/ke-hoach/164-kh-ubnd/#muc-tieu">kế hoạch</a>`,
		`<a href="/en/plan/164-kh-ubnd/" hreflang="en">in English</a>`,
		`<a href="/en/plan/" hreflang="en">tiếng Anh</a>`} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

// TestDuplicateIDOnGeneratedPage holds that the duplicate-id check covers
// generated pages too (search, lists, the directory), naming the template.
func TestDuplicateIDOnGeneratedPage(t *testing.T) {
	site := smallSite + `-- templates/search.html --
{{define "main"}}<h1 id="main">{{.Title}}</h1>{{end}}
`
	got := mustFail(t, site)
	if !strings.Contains(got, `templates/search.html: error: this page would have the id "main" twice`) {
		t.Errorf("diagnostics:\n%s", got)
	}
}
