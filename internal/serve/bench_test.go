package serve

import (
	"bufio"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/loa-ssg/loa/internal/build"
)

// BenchmarkSaveToReload measures, on the site in $LOA_BENCH_SITE (for
// example a gencorpus.py site; it is copied first), the time from saving
// an edit of one page's body to the reload event reaching the browser's
// event stream. It skips when the variable is not set.
func BenchmarkSaveToReload(b *testing.B) {
	src := os.Getenv("LOA_BENCH_SITE")
	if src == "" {
		b.Skip("set LOA_BENCH_SITE to a site folder (python3 ../shared/bench/gencorpus.py --pages 1000 --out DIR --format loa --no-directory)")
	}
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	var page string
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if page == "" && err == nil && strings.HasSuffix(p, ".vi.md") && !strings.Contains(p, "_index") {
			page = p
		}
		return nil
	})
	text, _ := os.ReadFile(page)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	go Run(ctx, Options{Build: build.Options{Source: dir}, Ready: func(u string) { ready <- u }})
	url := <-ready
	resp, err := http.Get(url + "__loa/events")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if line := sc.Text(); strings.HasPrefix(line, "event: ") {
				events <- strings.TrimPrefix(line, "event: ")
			}
		}
	}()
	<-events // "ok"
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := os.WriteFile(page, append(text, []byte("\nSửa "+strings.Repeat("x", i%9)+".\n")...), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case ev := <-events:
			if ev != "reload" {
				b.Fatalf("event %q", ev)
			}
		case <-time.After(60 * time.Second):
			b.Fatal("no reload")
		}
	}
}
