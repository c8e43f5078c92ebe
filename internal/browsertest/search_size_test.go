package browsertest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// sizeQueries are typed on the Vietnamese search page of a generated site.
var sizeQueries = []string{"phòng chống mại dâm", "tuyên truyền", "hưng yên", "duong day nong", "dduwowngf daay nongs", "maidam", "xyzzy"}

// TestSearchSize reports, for a built site in LOA_SEARCH_SITE (such as the
// 10,000-pages-per-language corpus of ../shared/bench/gencorpus.py), what
// the first search of each query downloads from the index (gzip bytes, as
// a server compressing them would send) and how long it takes in Chromium
// with the cache off. It reports only; it checks nothing.
func TestSearchSize(t *testing.T) {
	dir := os.Getenv("LOA_SEARCH_SITE")
	if dir == "" {
		t.Skip("report only: set LOA_SEARCH_SITE to a built site")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	p := page{t, browser(t)}
	err := chromedp.Do(p.ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return chromedp.Void{}, err
		}
		_, err := cdp.Call(ctx, tg, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	gz := func(path string) (raw, zipped int) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil {
			return 0, 0
		}
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(b)
		w.Close()
		return len(b), buf.Len()
	}
	js, _ := filepath.Glob(filepath.Join(dir, "js", "search.*.js"))
	for _, f := range js {
		rel, _ := filepath.Rel(dir, f)
		r, z := gz(rel)
		fmt.Printf("script %s: %d bytes, %d gzip\n", rel, r, z)
	}
	for _, q := range sizeQueries {
		p.open(srv.URL + "/tim-kiem/?q=" + url.QueryEscape(q))
		waitFor(t, p, `document.getElementById("search-status").textContent !== "" &&
			(document.querySelectorAll("#search-results li").length > 0 || document.getElementById("search-results").previousElementSibling.textContent.indexOf("Tìm thấy") < 0)`)
		files := eval[[]string](p, `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.startsWith("/search/"))`)
		total, totalZ, docsZ := 0, 0, 0
		for _, f := range files {
			r, z := gz(f)
			total += r
			totalZ += z
			if strings.Contains(f, "/d/") {
				docsZ += z
			}
		}
		status := eval[string](p, `document.getElementById("search-status").textContent`)
		// The documented call, timed from call to results, cache off, on a
		// fresh page.
		p.open(srv.URL + "/tim-kiem/")
		ms := eval[float64](p, `(async () => { const t0 = performance.now(); await window.siteSearch(`+quote(q)+`); return performance.now() - t0; })()`)
		warm := eval[float64](p, `(async () => { const t0 = performance.now(); await window.siteSearch(`+quote(q)+`); return performance.now() - t0; })()`)
		p.open(srv.URL + "/tim-kiem/")
		ms10 := eval[float64](p, `(async () => { const t0 = performance.now(); await window.siteSearch(`+quote(q)+`, 10); return performance.now() - t0; })()`)
		warm10 := eval[float64](p, `(async () => { const t0 = performance.now(); await window.siteSearch(`+quote(q)+` + " ", 10); return performance.now() - t0; })()`)
		n := eval[int](p, `window.siteSearch(`+quote(q)+`).then(rs => rs.length)`)
		fmt.Printf("%-24q page: %2d files %8d bytes %7d gzip (%d of them documents) | first 10: %6.1f ms cold, %5.1f ms warm | all %d: %6.1f ms cold, %5.1f ms warm | %s\n",
			q, len(files), total, totalZ, docsZ, ms10, warm10, n, ms, warm, strings.TrimSpace(status))
	}
}
