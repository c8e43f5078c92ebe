package browsertest

import (
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// exitSite is a small site whose quick exit goes to a page on the test
// server, so that the test can watch where the browser ends up.
func exitSite(neutral string) string {
	return `-- content/site.yaml --
title: {vi: Thử, en: Test}
languages: [{code: vi, name: Tiếng Việt}, {code: en, name: English}]
base_url: https://example.org/
quick_exit: ` + neutral + `
-- content/_index.vi.md --
---
title: Trang chủ
---
Xin chào. [Trang hai](hai.vi.md)
-- content/hai.vi.md --
---
title: Trang hai
---
Nội dung nhạy cảm.
-- neutral/index.html --
<!DOCTYPE html><html lang="vi"><head><title>Thời tiết</title></head><body><main>Thời tiết</main></body></html>
`
}

// serveExit serves the built site at / and the neutral page at
// /neutral/, over TLS (quick_exit must be https).
func serveExit(t *testing.T) string {
	t.Helper()
	mux := http.NewServeMux()
	srv := httptest.NewTLSServer(mux)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // Chromium's first look at the self-signed certificate
	t.Cleanup(srv.Close)
	out := buildInline(t, exitSite(srv.URL+"/neutral/"))
	mux.Handle("/neutral/", http.StripPrefix("/neutral/", http.FileServer(http.Dir(filepath.Join(filepath.Dir(out), "neutral")))))
	mux.Handle("/", http.FileServer(http.Dir(out)))
	return srv.URL
}

// TestQuickExit presses the quick-exit button, and Shift three times, and
// checks that the browser lands on the neutral page with the page being
// read replaced in history (Back goes to the page before it).
func TestQuickExit(t *testing.T) {
	p := page{t, browser(t)}
	base := serveExit(t)
	for _, how := range []string{"click", "shift"} {
		t.Run(how, func(t *testing.T) {
			p := page{t, p.ctx}
			p.open(base + "/")
			p.open(base + "/hai/")
			if got := eval[string](p, `document.querySelector(".quick-exit").getAttribute("rel")`); !strings.Contains(got, "noreferrer") {
				t.Errorf("quick exit rel = %q", got)
			}
			before := eval[int](p, `history.length`)
			switch how {
			case "click":
				eval[chromedp.Void](p, `document.querySelector(".quick-exit").click()`)
			case "shift":
				eval[chromedp.Void](p, `for (let i = 0; i < 3; i++) {
					document.dispatchEvent(new KeyboardEvent("keydown", {key: "Shift", shiftKey: true}));
					document.dispatchEvent(new KeyboardEvent("keyup", {key: "Shift"}));
				}`)
			}
			waitFor(t, p, `location.pathname === "/neutral/"`)
			if after := eval[int](p, `history.length`); after != before {
				t.Errorf("history.length %d → %d: the page should be replaced, not added to", before, after)
			}
			eval[chromedp.Void](p, `history.back()`)
			waitFor(t, p, `location.pathname === "/" && document.readyState === "complete"`)
		})
	}
	// Shift used with another key does not count.
	p.open(base + "/hai/")
	eval[chromedp.Void](p, `for (let i = 0; i < 3; i++) {
		document.dispatchEvent(new KeyboardEvent("keydown", {key: "A", shiftKey: true}));
		document.dispatchEvent(new KeyboardEvent("keyup", {key: "Shift"}));
	}`)
	time.Sleep(300 * time.Millisecond)
	if got := eval[string](p, `location.pathname`); got != "/hai/" {
		t.Errorf("Shift+A three times left the page for %s", got)
	}
}

func waitFor(t testing.TB, p page, cond string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", cond)
}

// TestInjection feeds script injection attempts through every input an
// author controls and checks that nothing runs in the browser.
func TestInjection(t *testing.T) {
	p := page{t, browser(t)}
	const attack = `<script>document.documentElement.dataset.pwned = 1</script><img src=x onerror="document.documentElement.dataset.pwned = 1">`
	out := buildInline(t, `-- content/site.yaml --
title: {vi: "`+strings.ReplaceAll(attack, `"`, `\"`)+`", en: Test}
languages: [{code: vi, name: Tiếng Việt}, {code: en, name: English}]
base_url: https://example.org/
categories: [{id: c, name: {vi: "`+strings.ReplaceAll(attack, `"`, `\"`)+`", en: C}}]
areas: [{id: a, name: {vi: A, en: A}}]
-- content/_index.vi.md --
---
title: '`+attack+`'
description: '`+attack+`'
---
`+attack+`

(A javascript: link in Markdown stops the build: internal/markdown's TestDangerousLinks.)
-- content/support/_index.vi.md --
---
title: Hỗ trợ
---
-- content/support/services/x.yaml --
id: x
name: {vi: '`+attack+`', en: X}
description: {vi: '`+attack+`', en: X}
sources: [{url: "https://example.org/", date: 2026-01-01, title: '`+attack+`'}]
services:
  - id: s
    name: {vi: '`+attack+`', en: S}
    categories: [c]
    areas: [a]
`)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	for _, path := range []string{"/", "/support/", "/support/x/", "/support/nhom/c/"} {
		p.open(srv.URL + path)
		eval[chromedp.Void](p, `document.querySelectorAll("a").forEach(a => { if (a.href.startsWith("javascript:")) a.click(); })`)
		if pwned := eval[bool](p, `document.documentElement.dataset.pwned === "1"`); pwned {
			t.Errorf("%s: injected script ran", path)
		}
		if n := eval[int](p, `document.querySelectorAll("body script:not([src]), [onerror]").length`); n != 0 {
			t.Errorf("%s: %d inline scripts or handlers in the page", path, n)
		}
	}
}
