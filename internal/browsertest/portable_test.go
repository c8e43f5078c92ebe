package browsertest

import (
	"context"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"github.com/loa-ssg/loa/internal/build"
)

// buildPortable builds the site in src with --portable into a fresh folder.
func buildPortable(t *testing.T, src string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "portable")
	res, err := build.Run(context.Background(), build.Options{Source: src, Out: out, Portable: true,
		Now: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("build --portable: %v %v", err, res.Diagnostics)
	}
	return out
}

func fileURL(p string) string { return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String() }

// refs collects, in the open page, every URL the page links or loads,
// resolved by the browser: links, stylesheets, scripts, images, forms and
// an alias's refresh. Each entry is "tag url".
const refs = `(() => {
	const out = [];
	for (const e of document.querySelectorAll("a[href], link[href], script[src], img[src], source[src], form[action], iframe[src]")) {
		out.push(e.tagName.toLowerCase() + " " + (e.href || e.src || e.action));
	}
	for (const m of document.querySelectorAll('meta[http-equiv="refresh"]')) {
		const u = m.content.replace(/^\d+;\s*url=/i, "");
		out.push("meta " + new URL(u, location.href).href);
	}
	return out;
})()`

// TestPortable opens every page of the real site built with --portable
// from file:// in Chromium and checks that every link and every file a
// page loads is a file of the copy (no folder links: there is no server to
// add index.html), that the stylesheet and the scripts work, that no link
// in a page leads to the live site, and that the search page falls back
// to the A–Z list with a line saying why.
func TestPortable(t *testing.T) {
	ctx := browser(t)
	out := buildPortable(t, filepath.Join("..", ".."))
	var pages []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return nil
	})
	p := page{t, ctx}
	checked, broken, styled := 0, 0, 0
	for _, file := range pages {
		rel, _ := filepath.Rel(out, file)
		p.open(fileURL(file))
		got := eval[[]string](p, refs)
		style := eval[string](p, `(() => { const e = document.querySelector(".exit-bar, .sheet");
			return e ? getComputedStyle(e).display : "none"; })()`)
		if style == "flex" {
			styled++
		}
		for _, r := range got {
			tag, u, _ := strings.Cut(r, " ")
			pu, err := url.Parse(u)
			if err != nil {
				t.Errorf("%s: %s %q is not a URL", rel, tag, u)
				continue
			}
			switch pu.Scheme {
			case "file":
				checked++
				if fi, err := os.Stat(pu.Path); err != nil || fi.IsDir() {
					broken++
					t.Errorf("%s: %s %s is not a file of the copy", rel, tag, u)
				}
			case "https", "http":
				if tag == "a" && pu.Host == "phongchongmaidam.hungyen.example" {
					t.Errorf("%s: a link to the live site, %s", rel, u)
				}
			}
		}
	}
	t.Logf("%d pages opened from file://, %d links and files checked, %d broken; styled: %d", len(pages), checked, broken, styled)
	if styled < len(pages)/2 {
		t.Errorf("the stylesheet applied on %d of %d pages", styled, len(pages))
	}
	if checked < 1000 {
		t.Errorf("only %d links checked", checked)
	}

	// The scripts run: site.js shows the print button of an article.
	p.open(fileURL(filepath.Join(out, "huong-dan", "cach-bao-tin-va-tim-su-giup-do", "index.html")))
	if !eval[bool](p, `document.querySelector("[data-print]").hidden === false`) {
		t.Error("site.js did not run from file://")
	}
	// Search falls back to the A–Z list, saying why.
	for _, s := range []string{"tim-kiem", filepath.Join("en", "search")} {
		p.open(fileURL(filepath.Join(out, s, "index.html")))
		if eval[bool](p, `!!document.getElementById("search-form")`) {
			t.Errorf("%s: a search form that cannot work from file://", s)
		}
		line := eval[string](p, `(document.querySelector(".search-portable") || {}).textContent || ""`)
		az := eval[string](p, `[...document.querySelectorAll("main a")].map(a => a.href).join(" ")`)
		if line == "" || !strings.Contains(az, "/a-z/index.html") {
			t.Errorf("%s: no fallback: line %q, links %s", s, line, az)
		}
	}
}

// TestPortableQuickExit presses the quick exit of a page opened from
// file:// and checks that the browser leaves for the neutral page,
// replacing the page in history.
func TestPortableQuickExit(t *testing.T) {
	p := page{t, browser(t)}
	base := serveExit(t)
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(exitSite(base + "/neutral/"))).Files {
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := buildPortable(t, dir)
	p.open(fileURL(filepath.Join(out, "index.html")))
	eval[chromedp.Void](p, `document.querySelector("main a[href$='hai/index.html']").click()`)
	waitFor(t, p, `location.href.endsWith("/hai/index.html") && document.readyState === "complete"`)
	before := eval[int](p, `history.length`)
	eval[chromedp.Void](p, `document.querySelector(".quick-exit").click()`)
	waitFor(t, p, `location.href === `+quote(base+"/neutral/"))
	if after := eval[int](p, `history.length`); after != before {
		t.Errorf("history.length %d → %d: the page should be replaced, not added to", before, after)
	}
}
