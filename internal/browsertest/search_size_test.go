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
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// sizeQueries are typed on the Vietnamese search page of a generated site
// (LOA_SEARCH_QUERIES, queries separated by "|", replaces them).
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
	files := http.FileServer(http.Dir(dir))
	var mu sync.Mutex
	var asked []string // paths asked for since the last take
	take := func() []string {
		mu.Lock()
		defer mu.Unlock()
		out := asked
		asked = nil
		return out
	}
	// LOA_SEARCH_H2=1 serves over TLS with HTTP/2, as most hosts do: one
	// connection carries every file at once, where HTTP/1.1 opens six at
	// most, so that ten documents arrive in two waves.
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.Path)
		mu.Unlock()
		if r.URL.Path == "/__blank.html" { // a page without the site's CSP, for Pagefind's WebAssembly
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<!DOCTYPE html><html lang="vi"><title>x</title><body></body></html>`)
			return
		}
		files.ServeHTTP(w, r)
	}))
	if os.Getenv("LOA_SEARCH_H2") == "1" {
		srv.EnableHTTP2 = true
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	// fresh starts a browser with nothing cached, the cache off.
	fresh := func() page {
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
		return p
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
	if qs := os.Getenv("LOA_SEARCH_QUERIES"); qs != "" {
		sizeQueries = strings.Split(qs, "|")
	}
	runs := 1
	if n, err := strconv.Atoi(os.Getenv("LOA_SEARCH_RUNS")); err == nil && n > 0 {
		runs = n
	}
	js, _ := filepath.Glob(filepath.Join(dir, "js", "search.*.js"))
	for _, f := range js {
		rel, _ := filepath.Rel(dir, f)
		r, z := gz(rel)
		fmt.Printf("script %s: %d bytes, %d gzip\n", rel, r, z)
	}
	if _, err := os.Stat(filepath.Join(dir, "pagefind")); err == nil {
		// The same queries through Pagefind, when the site was indexed by it
		// (npx pagefind --site DIR): its script, its WebAssembly, the index
		// and the fragments of the first ten results. Pagefind's files are
		// already compressed.
		for _, q := range sizeQueries {
			p := fresh()
			p.open(srv.URL + "/__blank.html")
			take()
			ms := eval[float64](p, `(async () => { const t0 = performance.now(); const pf = await import("/pagefind/pagefind.js");
				const r = await pf.search(`+quote(q)+`); await Promise.all(r.results.slice(0, 10).map(x => x.data()));
				return performance.now() - t0; })()`)
			got := take()
			n := eval[int](p, `import("/pagefind/pagefind.js").then(pf => pf.search(`+quote(q)+`)).then(r => r.results.length)`)
			index, wasm, script := 0, 0, 0
			for _, f := range got {
				fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f)))
				if err != nil {
					continue
				}
				switch {
				case strings.HasSuffix(f, ".js"):
					_, z := gz(f)
					script += z
				case strings.Contains(f, "wasm"):
					wasm += int(fi.Size())
				default:
					index += int(fi.Size())
				}
			}
			fmt.Printf("pagefind %-24q %2d files: index %6d + wasm %6d + script %6d gzip | first 10: %6.1f ms cold | %d results\n", q, len(got), index, wasm, script, ms, n)
		}
	}
	for _, q := range sizeQueries {
		p := fresh()
		take()
		p.open(srv.URL + "/tim-kiem/?q=" + url.QueryEscape(q))
		// Until the results are shown (their documents counted too), or
		// the page says none were found.
		waitFor(t, p, `(st => st.textContent !== "" && st.textContent !== st.dataset.busy &&
			(document.querySelectorAll("#search-results li").length > 0 || st.textContent.includes(st.dataset.none)))(document.getElementById("search-status"))`)
		var fetched []string
		for _, f := range take() {
			if strings.HasPrefix(f, "/search/") {
				fetched = append(fetched, f)
			}
		}
		total, totalZ, docsZ := 0, 0, 0
		for _, f := range fetched {
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
		// The first ten, cold (a fresh page, the cache off) and warm, runs
		// times (LOA_SEARCH_RUNS, default 1): the medians, as the machine
		// is shared and noisy.
		var cold10, warms10 []float64
		for range runs {
			p.open(srv.URL + "/tim-kiem/")
			waitFor(t, p, `performance.getEntriesByType("resource").some(e => /meta\.json/.test(e.name) && e.responseEnd > 0)`)
			take()
			cold10 = append(cold10, eval[float64](p, `(async () => { const t0 = performance.now(); await window.siteSearch(`+quote(q)+`, 10); return performance.now() - t0; })()`))
			if os.Getenv("LOA_SEARCH_TRACE") == "1" && len(cold10) == 1 {
				// When each file was asked for and arrived, from the call.
				fmt.Println(eval[string](p, `(() => { const all = performance.getEntriesByType("resource").filter(e => /\/search\//.test(e.name));
					const t0 = Math.min(...all.filter(e => !/vi.meta/.test(e.name)).map(e => e.startTime)), es = all.filter(e => e.startTime >= t0);
					return es.map(e => "  " + e.name.replace(/^.*\/search\//, "").padEnd(28) + (e.startTime - t0).toFixed(1).padStart(7) + " →" + (e.responseEnd - t0).toFixed(1).padStart(7)).join("\n"); })()`))
			}
			warms10 = append(warms10, eval[float64](p, `(async () => { const t0 = performance.now(); await window.siteSearch(`+quote(q)+` + " ", 10); return performance.now() - t0; })()`))
		}
		ms10, warm10 := median(cold10), median(warms10)
		n := eval[int](p, `window.siteSearch(`+quote(q)+`).then(rs => rs.length)`)
		fmt.Printf("%-24q page: %2d files %8d bytes %7d gzip (%d of them documents) | first 10: %6.1f ms cold, %5.1f ms warm | all %d: %6.1f ms cold, %5.1f ms warm | %s\n",
			q, len(fetched), total, totalZ, docsZ, ms10, warm10, n, ms, warm, strings.TrimSpace(status))
	}
}

// median returns the middle of xs (the mean of the two middle ones for an
// even count).
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s) == 0 {
		return 0
	}
	return (s[(len(s)-1)/2] + s[len(s)/2]) / 2
}
