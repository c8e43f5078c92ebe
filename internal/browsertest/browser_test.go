package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/loa-ssg/loa/internal/build"
)

// site builds the real site once per test binary and serves it.
func site(t *testing.T) string {
	t.Helper()
	siteOnce.Do(func() {
		siteDir, siteErr = os.MkdirTemp("", "loa-browser-")
		if siteErr != nil {
			return
		}
		out := filepath.Join(siteDir, "public")
		_, siteErr = build.Run(context.Background(), build.Options{
			Source: filepath.Join("..", ".."), Out: out,
			Now: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
		})
		siteServer = httptest.NewServer(http.FileServer(http.Dir(out)))
	})
	if siteErr != nil {
		t.Fatalf("build the real site: %v", siteErr)
	}
	return siteServer.URL
}

// browser starts headless Chromium with the flags this machine needs, or
// skips the test when there is none (fails under LOA_BROWSER_TESTS=1).
func browser(t testing.TB) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("LOA_BROWSER_TESTS") == "1" {
			t.Fatal("LOA_BROWSER_TESTS=1 but no Chromium found (apt-get install -y chromium)")
		}
		t.Skip("browser test skipped: no Chromium on this machine (apt-get install -y chromium, or set LOA_BROWSER_TESTS=1 to make this a failure)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("ignore-certificate-errors", true), // the test servers use self-signed TLS
		chromedp.WindowSize(412, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	if _, bench := t.(*testing.B); !bench {
		var cancel3 context.CancelFunc
		ctx, cancel3 = context.WithTimeout(ctx, 60*time.Second)
		t.Cleanup(cancel3)
	}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// visibleCards lists the names of the provider cards shown on the page.
const visibleCards = `Array.from(new Set(Array.from(document.querySelectorAll(".provider-card"))
	.filter(c => c.offsetParent !== null).map(c => c.querySelector("h3 a").textContent))).sort()`

// page drives one browser tab.
type page struct {
	t   testing.TB
	ctx context.Context
}

func (p page) open(url string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		p.t.Fatalf("open %s: %v", url, err)
	}
}

func eval[T any](p page, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// choose sets a form control as a visitor would and fires its change event.
func (p page) choose(id, value string) {
	p.t.Helper()
	eval[chromedp.Void](p, `(() => { const e = document.getElementById(`+quote(id)+`);
		if (e.type === "checkbox") { e.click(); } else { e.value = `+quote(value)+`;
		e.dispatchEvent(new Event("change", {bubbles: true})); } })()`)
}

func quote(s string) string { return "\"" + strings.ReplaceAll(s, "\"", "\\\"") + "\"" }

// providerCount is the number of directory entries in the real site.
func providerCount(t *testing.T) int {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "content", "support", "services", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no directory entries found: %v", err)
	}
	return len(files)
}

// TestDirectoryFilter checks the directory's filter in a real browser: it
// appears only with JavaScript, and narrows the list in place.
func TestDirectoryFilter(t *testing.T) {
	p := page{t, browser(t)}
	base := site(t)
	p.open(base + "/ho-tro/")
	if eval[bool](p, `document.getElementById("dir-filter").hidden`) {
		t.Error("with JavaScript on, the filter form should be shown")
	}
	all := eval[[]string](p, visibleCards)
	if want := providerCount(t); len(all) != want {
		t.Errorf("all cards = %v, want %d, one per file in content/support/services", all, want)
	}
	// No national number within its review period carries the advice to
	// call to confirm.
	if n := eval[int](p, `Array.from(document.querySelectorAll(".provider-card")).filter(c => c.querySelector('a[href^="tel:11"]') && c.querySelector(".review-due")).length`); n != 0 {
		t.Errorf("%d national-number cards advise calling to confirm", n)
	}
	p.choose("f-category", "child-protection")
	child := eval[[]string](p, visibleCards)
	if len(child) != 1 || !strings.Contains(child[0], "111") {
		t.Errorf("category child-protection shows %v, want only the 111 line", child)
	}
	if status := eval[string](p, `document.getElementById("f-status").textContent`); !strings.HasSuffix(status, ": 1") {
		t.Errorf("status = %q, want a count of 1", status)
	}
	p.choose("f-category", "")
	// A nationwide service (site.yaml nationwide: true) serves Hưng Yên
	// too: choosing the province keeps 111 and 113 beside the province's
	// own entries (a trial found only an entry with no number left).
	p.choose("f-area", "hung-yen")
	local := eval[[]string](p, visibleCards)
	for _, want := range []string{"111", "113", "Sở Y tế"} {
		if !slices.ContainsFunc(local, func(c string) bool { return strings.Contains(c, want) }) {
			t.Errorf("area hung-yen shows %v, without %s", local, want)
		}
	}
	p.choose("f-area", "")
	p.choose("f-free", "")
	free := eval[[]string](p, visibleCards)
	for _, name := range free {
		if strings.Contains(name, "114") || strings.Contains(name, "115") {
			t.Errorf("free filter shows %q, whose entry does not say it is free", name)
		}
	}
	if len(free) == 0 || len(free) >= len(all) {
		t.Errorf("free filter shows %v", free)
	}
	// Categories no entry uses (HIV testing, legal aid in the real
	// content) are not offered at all.
	if opts := eval[[]string](p, `Array.from(document.querySelectorAll("#f-category option")).map(o => o.value)`); strings.Contains(strings.Join(opts, " "), "hiv-testing") || strings.Contains(strings.Join(opts, " "), "legal-aid") {
		t.Errorf("the filter offers empty categories: %q", opts)
	}
	p.choose("f-area", "hung-yen")
	if got := eval[[]string](p, visibleCards); !slices.Equal(got, free) {
		t.Errorf("hung-yen + free shows %v, want the free nationwide entries %v", got, free)
	}
	p.choose("f-category", "health")
	if none := eval[[]string](p, visibleCards); len(none) != 0 {
		t.Errorf("health + hung-yen + free shows %v, want nothing", none)
	}
	if status := eval[string](p, `document.getElementById("f-status").textContent`); !strings.Contains(status, "Không có") {
		t.Errorf("status with no match = %q", status)
	}
}

// TestDirectoryWithoutJavaScript checks that with JavaScript off the filter
// stays hidden, every provider is listed, and the category pages work.
func TestDirectoryWithoutJavaScript(t *testing.T) {
	p := page{t, browser(t)}
	base := site(t)
	err := chromedp.Do(p.ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Evaluate goes through the DevTools protocol, which works with page
	// scripts disabled: it reads the page as the visitor sees it.
	p.open(base + "/en/support/")
	if !eval[bool](p, `document.getElementById("dir-filter").hidden`) {
		t.Error("with JavaScript off, the filter form should stay hidden")
	}
	if all, want := eval[[]string](p, visibleCards), providerCount(t); len(all) != want {
		t.Errorf("cards = %v, want %d", all, want)
	}
	p.open(base + "/tim-kiem/")
	if text := eval[string](p, `document.querySelector("main").innerText`); !strings.Contains(text, "cần JavaScript") {
		t.Errorf("search page without JavaScript does not say so:\n%s", text)
	}
	p.open(base + "/tim-kiem/a-z/")
	if n := eval[int](p, `document.querySelectorAll("main li a").length`); n < 20 {
		t.Errorf("A–Z index lists %d pages", n)
	}
	p.open(base + "/en/support/category/anti-trafficking/")
	title := eval[string](p, `document.querySelector("h1").textContent`)
	category := eval[[]string](p, visibleCards)
	// The anti-trafficking category holds 111 and the Foreign Ministry's
	// citizen-protection hotline, and nothing of another category.
	if title != "Anti-trafficking" || len(category) != 2 || !slices.ContainsFunc(category, func(c string) bool { return strings.Contains(c, "111") }) ||
		!slices.ContainsFunc(category, func(c string) bool { return strings.Contains(c, "Citizen protection") }) {
		t.Errorf("category page %q lists %v", title, category)
	}
}
