package build

import (
	"regexp"
	"strings"
	"testing"
)

// directorySite has a directory with three entries: one a person checked
// recently, one based only on an old source, one with a long review period
// set by its category; and a category and an area no entry uses.
const directorySite = `-- content/site.yaml --
title: {vi: Trang thử, en: Test site}
base_url: https://hungyen.gov.vn/
languages:
  - {code: vi, name: Tiếng Việt}
  - {code: en, name: English}
review_days: 180
emergency:
  - {number: "111", name: {vi: Bảo vệ trẻ em, en: Child protection}}
  - {number: "113", name: {vi: Công an, en: Police}}
categories:
  - {id: emergency, name: {vi: Khẩn cấp, en: Emergency}, review_days: 1825}
  - {id: legal-aid, name: {vi: Trợ giúp pháp lý, en: Legal aid}}
  - {id: hiv-testing, name: {vi: Xét nghiệm HIV, en: HIV testing}}
areas:
  - {id: national, name: {vi: Toàn quốc, en: Nationwide}}
  - {id: hung-yen, name: {vi: Hưng Yên, en: Hưng Yên}}
  - {id: nowhere, name: {vi: Không đâu, en: Nowhere}}
-- content/support/_index.vi.md --
---
title: Hỗ trợ
---
Danh bạ.
-- content/support/_index.en.md --
---
title: Support
---
The directory.
-- content/support/services/checked.yaml --
id: checked
name: {vi: Trợ giúp pháp lý, en: Legal aid}
description: {vi: Tư vấn., en: Advice.}
checked: 2026-11-20
sources: [{url: "https://example.vn/a", date: 2024-01-15, title: Trang A}]
services:
  - id: s
    name: {vi: Tư vấn, en: Advice}
    categories: [legal-aid]
    areas: [hung-yen]
    phones: [{number: "0221 3862 000"}]
-- content/support/services/old.yaml --
id: old
name: {vi: Văn phòng cũ, en: Old office}
description: {vi: Văn phòng., en: Office.}
sources: [{url: "https://example.vn/b", date: 2025-01-10}]
services:
  - id: s
    name: {vi: Tư vấn, en: Advice}
    categories: [legal-aid]
    areas: [hung-yen]
    phones: [{number: "0221 3862 001"}]
-- content/support/services/police.yaml --
id: police
name: {vi: Công an, en: Police}
description: {vi: Gọi 113., en: Call 113.}
sources: [{url: "https://example.vn/113", date: 2023-03-01}]
services:
  - id: s
    name: {vi: Báo tin, en: Report}
    categories: [emergency]
    areas: [national]
    phones: [{number: "113", hotline: true}]
`

// TestDirectoryFreshness: every entry says neutrally when it was checked,
// or which source date it rests on; only the entry past its review period
// advises calling to confirm, after its numbers; the terminal gets one
// warning for it.
func TestDirectoryFreshness(t *testing.T) {
	res, dir := mustBuild(t, directorySite)
	if got, want := diagText(res), "content/support/services/old.yaml:4:47: warning: \"Văn phòng cũ\" has not been checked by a person, and its newest source (2025-01-10) is more than 180 days old\n"; got != want {
		t.Errorf("diagnostics:\n%swant:\n%s", got, want)
	}
	for _, tc := range []struct{ page, want, notWant string }{
		{"support/checked/index.html", `<p class="meta">Kiểm tra lần cuối <time datetime="2026-11-20">20/11/2026</time>.</p>`, "review-due"},
		{"support/checked/index.html", `<li><a href="https://example.vn/a" rel="noopener noreferrer">Trang A</a> (<time datetime="2024-01-15">15/01/2024</time>)</li>`, ""},
		{"en/support/checked/index.html", `<p class="meta">Checked on <time datetime="2026-11-20">20 November 2026</time>.</p>`, "review-due"},
		{"support/police/index.html", `<p class="meta">Thông tin theo các nguồn, mới nhất ngày <time datetime="2023-03-01">01/03/2023</time>.</p>`, "review-due"},
		{"en/support/police/index.html", `<p class="meta">From the sources listed, the newest dated <time datetime="2023-03-01">1 March 2023</time>.</p>`, "review-due"},
		{"support/index.html", `<p class="meta"><a href="/support/checked/#sources">Nguồn (1)</a></p>`, ""},
		{"support/checked/index.html", `<p class="meta" id="sources">Nguồn:</p>`, ""},
		{"support/old/index.html", `<p class="review-due">Thông tin này đã lâu chưa được xem lại và có thể đã thay đổi. Hãy hỏi lại trước khi đến.</p>`, ""},
		{"en/support/old/index.html", `<p class="review-due">These details have not been reviewed for a while and may have changed. Check before you go.</p>`, ""},
	} {
		html := readOut(t, dir, tc.page)
		if !strings.Contains(html, tc.want) {
			t.Errorf("%s lacks %s", tc.page, tc.want)
		}
		if tc.notWant != "" && strings.Contains(html, tc.notWant) {
			t.Errorf("%s has %q", tc.page, tc.notWant)
		}
	}
	// On the directory home and on the provider page, the advice comes
	// after every call link of the entry, never before.
	for _, page := range []string{"support/index.html", "support/old/index.html"} {
		html := readOut(t, dir, page)
		card := html[strings.Index(html, "Văn phòng cũ"):]
		advice, call := strings.Index(card, "review-due"), strings.Index(card, `href="tel:02213862001"`)
		if advice < 0 || call < 0 || advice < call {
			t.Errorf("%s: advice at %d, the entry's number at %d", page, advice, call)
		}
	}
	if n := strings.Count(readOut(t, dir, "support/index.html"), `class="review-due"`); n != 1 {
		t.Errorf("directory home shows %d warnings, want 1 (the old entry only)", n)
	}
}

// TestDirectoryEntry holds what a site's own directory template can show
// without a change to render: the entry as written (.Entry), its texts
// in the page's language ($.Text) and a number's tel: form (dial).
func TestDirectoryEntry(t *testing.T) {
	site := directorySite + `-- templates/provider.html --
{{define "main"}}{{with .Directory}}{{range .Providers}}entry={{.Entry.ID}} name={{$.Text .Entry.Name}} dial={{dial (index (index .Entry.Services 0).Phones 0).Number}}{{end}}{{end}}{{end}}
`
	_, dir := mustBuild(t, site)
	for page, want := range map[string]string{
		"support/checked/index.html":    "entry=checked name=Trợ giúp pháp lý dial=02213862000",
		"en/support/checked/index.html": "entry=checked name=Legal aid dial=02213862000",
	} {
		if html := readOut(t, dir, page); !strings.Contains(html, want) {
			t.Errorf("%s lacks %q", page, want)
		}
	}
}

// TestDirectoryEmptyTerms: a category or area no entry uses is not offered
// in the filter or the index, is not in the sitemap, and its page says what
// to do instead.
func TestDirectoryEmptyTerms(t *testing.T) {
	_, dir := mustBuild(t, directorySite)
	home := readOut(t, dir, "support/index.html")
	options := regexp.MustCompile(`<option value="([^"]*)">`).FindAllStringSubmatch(home, -1)
	var got []string
	for _, o := range options {
		got = append(got, o[1])
	}
	if want := []string{"", "emergency", "legal-aid", "", "national", "hung-yen"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("filter options = %q, want %q", got, want)
	}
	for _, bad := range []string{"hiv-testing", "nowhere", "Xét nghiệm HIV", "Không đâu"} {
		if strings.Contains(home, bad) {
			t.Errorf("directory home offers %q", bad)
		}
	}
	sitemap := readOut(t, dir, "sitemap.xml")
	for _, bad := range []string{"hiv-testing", "nowhere"} {
		if strings.Contains(sitemap, bad) {
			t.Errorf("sitemap lists the empty %q page", bad)
		}
	}
	if !strings.Contains(sitemap, "/support/nhom/legal-aid/") {
		t.Error("sitemap lacks a category page with entries")
	}
	for _, tc := range []struct{ page, want string }{
		{"support/nhom/hiv-testing/index.html", "Mục này chưa có nơi hỗ trợ nào ở địa phương."},
		{"support/nhom/hiv-testing/index.html", `<a class="call" href="tel:111">`},
		{"support/nhom/hiv-testing/index.html", `<a class="call" href="tel:113">`},
		{"en/support/category/hiv-testing/index.html", "There is no local listing in this group yet."},
		{"en/support/category/hiv-testing/index.html", "call 113 if you or someone else is in danger now"},
		{"en/support/area/nowhere/index.html", "There is no local listing in this group yet."},
	} {
		if html := readOut(t, dir, tc.page); !strings.Contains(html, tc.want) {
			t.Errorf("%s lacks %s", tc.page, tc.want)
		}
	}
	if html := readOut(t, dir, "support/nhom/legal-aid/index.html"); strings.Contains(html, "none-local") {
		t.Error("a category with entries says it has none")
	}
}

// TestDirectoryOldKeys: an entry in the old format fails the build with the
// fix at the key's line.
func TestDirectoryOldKeys(t *testing.T) {
	site := strings.Replace(directorySite, `checked: 2026-11-20
sources: [{url: "https://example.vn/a", date: 2024-01-15, title: Trang A}]`, `verified: 2026-11-20
source: https://example.vn/a`, 1)
	got := mustFail(t, site)
	for _, want := range []string{
		"content/support/services/checked.yaml:4:11: error: verified: is no longer used",
		"content/support/services/checked.yaml:5:9: error: source: is no longer used",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
}
