package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/loa-ssg/loa/internal/build"
	"github.com/loa-ssg/loa/internal/serve"
)

// startServe runs loa serve on the site in dir until the test ends, and
// returns its address once it is served (serve.Options.Ready).
func startServe(tb testing.TB, dir string) string {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve.Run(ctx, serve.Options{Build: build.Options{Source: dir}, Ready: func(u string) { ready <- u }})
	}()
	tb.Cleanup(func() { cancel(); <-done })
	select {
	case url := <-ready:
		return url
	case err := <-done:
		tb.Fatalf("serve: %v", err)
	case <-time.After(120 * time.Second):
		tb.Fatal("serve did not start")
	}
	return ""
}

// TestLiveReload edits a page while it is open in the browser: the new text
// appears without the test navigating, a broken edit shows the problem over
// the page, and fixing it takes the problem away.
func TestLiveReload(t *testing.T) {
	p := page{t, browser(t)}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"content/site.yaml":    "title: {vi: Thử}\nlanguages: [{code: vi, name: Tiếng Việt}]\n",
		"content/_index.vi.md": "---\ntitle: Trang chủ\n---\nBản một.\n",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, []byte(text), 0o644)
	}
	url := startServe(t, dir)
	p.open(url)
	waitFor(t, p, `document.querySelector("main").innerText.includes("Bản một.")`)
	eval[bool](p, `window.__marker = true`) // gone after a reload: proves the page reloaded itself
	home := filepath.Join(dir, "content", "_index.vi.md")
	saved := time.Now()
	os.WriteFile(home, []byte("---\ntitle: Trang chủ\n---\nBản hai.\n"), 0o644)
	waitFor(t, p, `document.querySelector("main") && document.querySelector("main").innerText.includes("Bản hai.")`)
	t.Logf("save to new text in the browser: %s", time.Since(saved).Round(time.Millisecond))
	if eval[bool](p, `window.__marker === true`) {
		t.Error("the text changed without a reload?")
	}
	os.WriteFile(home, []byte("---\ntitel: Trang chủ\n---\nHỏng.\n"), 0o644)
	waitFor(t, p, `!!document.getElementById("loa-problems")`)
	text := eval[string](p, `document.getElementById("loa-problems").textContent`)
	if !strings.Contains(text, `content/_index.vi.md:2:1: error: unknown key "titel"`) {
		t.Errorf("overlay text:\n%s", text)
	}
	if !strings.Contains(eval[string](p, `document.querySelector("main").innerText`), "Bản hai.") {
		t.Error("the last good page is not shown under the problem")
	}
	os.WriteFile(home, []byte("---\ntitle: Trang chủ\n---\nBản ba.\n"), 0o644)
	waitFor(t, p, `!document.getElementById("loa-problems") && document.querySelector("main") && document.querySelector("main").innerText.includes("Bản ba.")`)
}

// BenchmarkSaveToReload measures, in the browser, the time from saving an
// edit of one news item's body to its new text showing in the open page
// (the watcher's debounce, the rebuild, the reload event, the page's
// reload). It runs on a copy of the site in $LOA_BENCH_SITE (a gencorpus.py
// site) and skips when that is not set.
func BenchmarkSaveToReload(b *testing.B) {
	src := os.Getenv("LOA_BENCH_SITE")
	if src == "" {
		b.Skip("set LOA_BENCH_SITE to a site folder (python3 ../shared/bench/gencorpus.py --pages 1000 --out DIR --format loa --no-directory)")
	}
	p := page{b, browser(b)}
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	items, _ := filepath.Glob(filepath.Join(dir, "content", "news", "*.vi.md"))
	var file string
	for _, f := range items {
		if !strings.HasPrefix(filepath.Base(f), "_index") {
			file = f
			break
		}
	}
	if file == "" {
		b.Fatal("no news item in content/news")
	}
	text, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	url := startServe(b, dir)
	slug := strings.TrimSuffix(filepath.Base(file), ".vi.md")
	for _, line := range strings.Split(string(text), "\n") {
		if s, ok := strings.CutPrefix(line, "slug: "); ok {
			slug = strings.TrimSpace(s)
		}
	}
	p.open(url + "news/" + slug + "/")
	waitFor(b, p, `!!document.querySelector("main h1")`)
	for i := 0; b.Loop(); i++ {
		mark := "Sửa lần " + strconv.Itoa(i) + "."
		if err := os.WriteFile(file, append(text, "\n"+mark+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		for deadline := time.Now().Add(30 * time.Second); ; {
			ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`!!document.querySelector("main") && document.querySelector("main").innerText.includes(`+quote(mark)+`)`))
			if err == nil && ok {
				break
			}
			if time.Now().After(deadline) {
				b.Fatalf("the edit did not show in the browser within 30 s (page %s, %s)", eval[string](p, "location.href"), eval[string](p, `Array.from(document.scripts).map(s => s.src).join(" ") + " found:" + JSON.stringify(document.body.innerText.slice(document.body.innerText.indexOf("Sửa")-80, document.body.innerText.indexOf("Sửa")+40))`))
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
}

// BenchmarkReload measures what BenchmarkSaveToReload cannot go below: the
// browser reloading the same news item of $LOA_BENCH_SITE, built and served
// as a plain folder (no watcher, no rebuild), until its main text is there.
func BenchmarkReload(b *testing.B) {
	src := os.Getenv("LOA_BENCH_SITE")
	if src == "" {
		b.Skip("set LOA_BENCH_SITE to a site folder (python3 ../shared/bench/gencorpus.py --pages 1000 --out DIR --format loa --no-directory)")
	}
	p := page{b, browser(b)}
	out := filepath.Join(b.TempDir(), "public")
	if res, err := build.Run(context.Background(), build.Options{Source: src, Out: out}); err != nil {
		b.Fatalf("build: %v (%d problems)", err, len(res.Diagnostics))
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	b.Cleanup(srv.Close)
	items, _ := filepath.Glob(filepath.Join(out, "news", "*", "index.html"))
	if len(items) == 0 {
		b.Fatal("no news item in the output")
	}
	p.open(srv.URL + "/news/" + filepath.Base(filepath.Dir(items[len(items)-1])) + "/")
	for b.Loop() {
		eval[bool](p, `window.__old = true`)
		if err := chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void](`location.reload()`)); err != nil {
			b.Fatal(err)
		}
		for {
			ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`!window.__old && !!document.querySelector("main") && document.readyState !== "loading"`))
			if err == nil && ok {
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
}
