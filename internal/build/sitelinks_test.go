package build

import (
	"strings"
	"testing"
)

// TestOnlyLonger: a site path cut short suggests the one page it begins
// (a communicator's trial copied "/huong-dan/cach-bao-tin/"), and nothing
// when it begins none or several.
func TestOnlyLonger(t *testing.T) {
	pages := []string{"/", "/huong-dan/", "/huong-dan/cach-bao-tin-va-tim-su-giup-do/", "/huong-dan/phap-luat/", "/tin-tuc/a-1/", "/tin-tuc/a-2/"}
	for p, want := range map[string]string{
		"/huong-dan/cach-bao-tin/": "/huong-dan/cach-bao-tin-va-tim-su-giup-do/",
		"/huong-dan/cach-bao-tin":  "/huong-dan/cach-bao-tin-va-tim-su-giup-do/",
		"/tin-tuc/a":               "", // two pages begin so
		"/khong-co/":               "",
	} {
		if got := onlyLonger(p, pages); got != want {
			t.Errorf("onlyLonger(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestLinkByPathToFileBeside: a file outside bundles is published beside
// each page that links it, so the address a browser shows for it
// ("/tin-tuc/hoi-thao/so-do.txt") names it even when the page linking it
// so is another one, in any spelling of a site path: with the page's
// folder, as the site's own address, with a fragment. The file is then
// published beside the linking page too, and the link goes there. A name
// that is no file beside that page is still an error.
func TestLinkByPathToFileBeside(t *testing.T) {
	site := imageSite + `-- content/news/so-do.txt --
Sơ đồ.
-- content/news/hop.vi.md --
---
title: Họp
date: 2026-11-21
---
[Sơ đồ](/tin-tuc/hoi-thao/so-do.txt), [lần nữa](https://loa.test/tin-tuc/hoi-thao/so-do.txt#dau) và [ảnh](/tin-tuc/hoi-thao/anh.jpg).
-- content/guide/doc.vi.md --
---
title: Đọc
---
[Sơ đồ](/tin-tuc/hop/so-do.txt).
-- content/news/anh.jpg --
-- content/news/nho.png --
`
	res, dir := mustBuild(t, site)
	if got := diagText(res); strings.Contains(got, "error") {
		t.Errorf("diagnostics:\n%s", got)
	}
	for page, hrefs := range map[string][]string{
		"tin-tuc/hop/index.html": {`href="/tin-tuc/hop/so-do.txt"`, `href="/tin-tuc/hop/so-do.txt#dau"`, `href="/tin-tuc/hop/anh.jpg"`},
		"guide/doc/index.html":   {`href="/guide/doc/so-do.txt"`},
	} {
		html := readOut(t, dir, page)
		for _, h := range hrefs {
			if !strings.Contains(html, h) {
				t.Errorf("%s has no %s", page, h)
			}
		}
	}
	for _, f := range []string{"tin-tuc/hop/so-do.txt", "guide/doc/so-do.txt"} {
		if got := readOut(t, dir, f); got != "Sơ đồ.\n" {
			t.Errorf("%s = %q", f, got)
		}
	}
	got := mustFail(t, site+"-- content/news/sai.vi.md --\n---\ntitle: Sai\ndate: 2026-11-22\n---\n[x](/tin-tuc/hoi-thao/khong-co.txt) [y](/tin-tuc/khong-co/so-do.txt)\n")
	for _, want := range []string{`"/tin-tuc/hoi-thao/khong-co.txt"`, `"/tin-tuc/khong-co/so-do.txt"`} {
		if !strings.Contains(got, want) {
			t.Errorf("no error for %s:\n%s", want, got)
		}
	}
}
