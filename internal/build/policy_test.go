package build

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/loa-ssg/loa/internal/render"
)

// TestEveryPageHasPolicy checks every HTML file a build writes (pages,
// generated pages, 404.html, alias redirects, drafts) for the
// Content-Security-Policy and referrer <meta> tags.
func TestEveryPageHasPolicy(t *testing.T) {
	site := smallSite + `-- content/cu.vi.md --
---
title: Trang có địa chỉ cũ
aliases: [/dia-chi-cu/, /trang-cu.html]
---
Nội dung.
-- content/nhap.vi.md --
---
title: Bản nháp
draft: true
---
Chưa xong.
`
	_, dir, err := buildTxtar(t, site, Options{Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	files := outputFiles(t, filepath.Join(dir, "public"))
	csp := `<meta http-equiv="Content-Security-Policy" content="` + render.CSP + `">`
	var n int
	for _, name := range []string{"dia-chi-cu/index.html", "trang-cu.html", "nhap/index.html"} {
		if files[name] == nil {
			t.Errorf("%s was not written", name)
		}
	}
	for name, b := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		n++
		if !strings.Contains(string(b), csp) {
			t.Errorf("%s lacks the Content-Security-Policy <meta>", name)
		}
		if !strings.Contains(string(b), `<meta name="referrer" content="no-referrer">`) {
			t.Errorf("%s lacks the referrer <meta>", name)
		}
	}
	if n < 15 {
		t.Errorf("only %d HTML files", n)
	}
}
