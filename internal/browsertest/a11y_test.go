package browsertest

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource returns axe-core's script (from the npm registry; .ci/run
// installs it and sets LOA_AXE to axe.min.js), or skips the test.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("LOA_AXE")
	if path == "" {
		if os.Getenv("LOA_BROWSER_TESTS") == "1" {
			t.Fatal("LOA_BROWSER_TESTS=1 but LOA_AXE is not set (npm install axe-core, then LOA_AXE=…/node_modules/axe-core/axe.min.js)")
		}
		t.Skip("accessibility test skipped: set LOA_AXE to axe-core's axe.min.js (npm install axe-core)")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("LOA_AXE: %v", err)
	}
	return string(b)
}

// templatePages lists one page of every template type in both languages.
func templatePages(t *testing.T) []string {
	t.Helper()
	newsItem := func(section string) string {
		entries, err := os.ReadDir(filepath.Join(siteDir, "public", filepath.FromSlash(section)))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				return "/" + section + "/" + e.Name() + "/"
			}
		}
		t.Fatalf("no news item in %s", section)
		return ""
	}
	return []string{
		"/", "/en/",
		"/ke-hoach/", "/en/plan/",
		"/ke-hoach/ke-hoach-164-kh-ubnd/", "/en/plan/plan-164-kh-ubnd/",
		newsItem("tin-tuc"), newsItem("en/news"),
		"/ho-tro/", "/en/support/",
		"/ho-tro/tong-dai-111/", "/en/support/tong-dai-111/",
		"/ho-tro/nhom/emergency/", "/en/support/area/national/",
		"/tim-kiem/", "/en/search/", "/tim-kiem/a-z/", "/en/search/a-z/",
		"/chu-de/", "/en/tags/",
		"/404.html",
	}
}

// axeRun runs the WCAG 2.2 A/AA rules and returns the number of rules that
// passed and one line per violation.
const axeRun = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
	.then(r => ({passes: r.passes.length, violations: r.violations.map(v => v.id + " (" + v.impact + "): " +
		v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", "))}))`

type axeResult struct {
	Passes     int      `json:"passes"`
	Violations []string `json:"violations"`
}

// TestAccessibility runs axe-core's WCAG 2.2 A and AA rules on every
// template type of the real site in both languages: no violations.
func TestAccessibility(t *testing.T) {
	p := page{t, browser(t)}
	axe := axeSource(t)
	base := site(t)
	for _, path := range templatePages(t) {
		p.open(base + path)
		eval[chromedp.Void](p, axe)
		res, err := chromedp.Run(p.ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: axe: %v", path, err)
		}
		if res.Passes < 10 {
			t.Errorf("%s: axe passed only %d rules: did it run?", path, res.Passes)
		}
		t.Logf("%-45s axe: %d rules passed, %d violations", path, res.Passes, len(res.Violations))
		for _, v := range res.Violations {
			t.Errorf("%s: %s", path, v)
		}
	}
}

var assetRef = regexp.MustCompile(`<(?:link rel="stylesheet" href|script src)="([^"]+)"`)

// TestPageWeight checks what a visitor downloads for each template type:
// the page, its stylesheet and scripts, gzip-compressed, under 30 KB; and
// that nothing is requested from another origin.
func TestPageWeight(t *testing.T) {
	p := page{t, browser(t)}
	base := site(t)
	out := filepath.Join(siteDir, "public")
	for _, path := range templatePages(t) {
		file := filepath.Join(out, filepath.FromSlash(path))
		if strings.HasSuffix(path, "/") {
			file = filepath.Join(file, "index.html")
		}
		html, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		total, parts := gz(html), []string{"html"}
		for _, m := range assetRef.FindAllSubmatch(html, -1) {
			asset, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(string(m[1]))))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			total += gz(asset)
			parts = append(parts, filepath.Base(string(m[1])))
		}
		t.Logf("%-45s %5.1f KB compressed (%s)", path, float64(total)/1024, strings.Join(parts, " + "))
		if total > 30*1024 {
			t.Errorf("%s weighs %d bytes compressed, over the 30 KB budget", path, total)
		}
		p.open(base + path)
		foreign := eval[[]string](p, `performance.getEntriesByType("resource").map(e => e.name).filter(n => !n.startsWith(location.origin))`)
		if len(foreign) > 0 {
			t.Errorf("%s requests other origins: %v", path, foreign)
		}
	}
}

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}
