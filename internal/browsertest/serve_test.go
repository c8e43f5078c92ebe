package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/loa-ssg/loa/internal/build"
	"github.com/loa-ssg/loa/internal/serve"
)

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
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve.Run(ctx, serve.Options{Build: build.Options{Source: dir}, Ready: func(u string) { ready <- u }})
	}()
	t.Cleanup(func() { cancel(); <-done })
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
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
