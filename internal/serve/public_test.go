package serve

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/loa-ssg/loa/internal/build"
)

// TestPublicHandler serves a built site as a host would: pages with the
// security headers, the site's own 404 page with status 404 for a missing
// page, and never the files meant for the host.
func TestPublicHandler(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"content/site.yaml":    "title: {vi: Thử}\nbase_url: https://loa.test/\nlanguages: [{code: vi, name: Tiếng Việt}]\n",
		"content/_index.vi.md": "---\ntitle: Trang chủ\n---\nXin chào.\n",
		"content/bai.vi.md":    "---\ntitle: Bài\n---\nMột bài.\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	if _, err := build.Run(context.Background(), build.Options{Source: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(PublicHandler(out))
	defer srv.Close()
	get := func(p string) (int, http.Header, string) {
		t.Helper()
		c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := c.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header, string(b)
	}
	notFound, _ := os.ReadFile(filepath.Join(out, "404.html"))
	for _, tc := range []struct {
		path   string
		status int
		body   string
	}{
		{"/", 200, "Xin chào."},
		{"/bai/", 200, "Một bài."},
		{"/bai", 301, ""},
		{"/khong-co/", 404, string(notFound)},
		{"/_headers", 404, string(notFound)},
		{"/nginx-headers.conf", 404, string(notFound)},
		{"/.loa-output", 404, string(notFound)},
		{"/../content/site.yaml", 404, string(notFound)},
	} {
		status, h, body := get(tc.path)
		if status != tc.status || !strings.Contains(body, tc.body) {
			t.Errorf("GET %s: %d, want %d with %q; got\n%.200s", tc.path, status, tc.status, tc.body, body)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("GET %s: security headers missing: %v", tc.path, h)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "_headers")); err != nil {
		t.Errorf("the build should still write _headers for the host: %v", err)
	}
}
