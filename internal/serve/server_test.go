package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/loa-ssg/loa/internal/build"
)

// startSite writes a small site, serves it on a free port, and returns the
// site folder, the address and a stop function that waits for Run to end.
func startSite(t *testing.T) (string, string, func()) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"content/site.yaml":        "title: {vi: Thử}\nlanguages: [{code: vi, name: Tiếng Việt}]\n",
		"content/_index.vi.md":     "---\ntitle: Trang chủ\n---\nXin chào.\n",
		"content/gioi-thieu.vi.md": "---\ntitle: Giới thiệu\n---\nVề trang.\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Build: build.Options{Source: dir}, Port: 0, Ready: func(u string) { ready <- u }})
	}()
	select {
	case u := <-ready:
		return dir, strings.TrimSuffix(u, "/"), func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		}
	case err := <-done:
		cancel()
		t.Fatalf("Run: %v", err)
	case <-time.After(20 * time.Second):
		cancel()
		t.Fatal("serve did not start")
	}
	return "", "", nil
}

func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

func tempFolders(t *testing.T) map[string]bool {
	m := map[string]bool{}
	entries, _ := os.ReadDir(os.TempDir())
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "loa-serve-") {
			m[e.Name()] = true
		}
	}
	return m
}

func TestServe(t *testing.T) {
	before := tempFolders(t)
	_, base, stop := startSite(t)
	code, ctype, body := get(t, base+"/gioi-thieu/")
	if code != 200 || !strings.HasPrefix(ctype, "text/html") || !strings.Contains(body, `<script src="/__loa/live.js" data-build="1" defer></script></head>`) {
		t.Errorf("page: %d %s, live script injected: %v", code, ctype, strings.Contains(body, "/__loa/live.js"))
	}
	if code, _, body := get(t, base+"/khong-co/"); code != 404 || !strings.Contains(body, "Không tìm thấy trang") {
		t.Errorf("missing page: %d, site's 404.html served: %v", code, strings.Contains(body, "Không tìm thấy trang"))
	}
	if code, ctype, _ := get(t, base+"/sitemap.xml"); code != 200 || !strings.Contains(ctype, "xml") {
		t.Errorf("sitemap: %d %s", code, ctype)
	}
	if code, ctype, _ := get(t, base+"/__loa/live.js"); code != 200 || !strings.Contains(ctype, "javascript") {
		t.Errorf("live.js: %d %s", code, ctype)
	}
	// A raw request that climbs out of the site.
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(conn, "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	status, _ := bufio.NewReader(conn).ReadString('\n')
	conn.Close()
	if !strings.Contains(status, "400") {
		t.Errorf("path traversal answered %q", status)
	}
	stop()
	for name := range tempFolders(t) {
		if !before[name] {
			t.Errorf("temporary folder %s left behind", name)
		}
	}
}

func TestServeRebuilds(t *testing.T) {
	dir, base, stop := startSite(t)
	defer stop()
	page := filepath.Join(dir, "content", "gioi-thieu.vi.md")
	waitBody := func(want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if _, _, body := get(t, base+"/gioi-thieu/"); strings.Contains(body, want) {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("page never showed %q", want)
	}
	os.WriteFile(page, []byte("---\ntitle: Giới thiệu\n---\nĐã sửa.\n"), 0o644)
	waitBody("Đã sửa.")
	// A broken edit keeps the last good page.
	os.WriteFile(page, []byte("---\ntitel: Giới thiệu\n---\nHỏng.\n"), 0o644)
	time.Sleep(10 * Debounce)
	waitBody("Đã sửa.")
	os.WriteFile(page, []byte("---\ntitle: Giới thiệu\n---\nĐã sửa lại.\n"), 0o644)
	waitBody("Đã sửa lại.")
}

func TestHashedNames(t *testing.T) { // build.IsHashedName, as serve uses it
	for name, want := range map[string]bool{
		"out/css/site.3f2a9c01de.css": true,
		"out/js/search.cdd32eff1b.js": true,
		"out/css/site.css":            false,
		"out/css/site.3f2a9c01d.css":  false, // 9 digits
		"out/css/site.3F2A9C01DE.css": false,
		"out/a/index.html":            false,
	} {
		if got := build.IsHashedName(name); got != want {
			t.Errorf("IsHashedName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestServeRenamedFolders is the preview seen from the browser: a page
// bundle renamed, then its section renamed, then edited, round after
// round; every edit must show at the page's new address.
func TestServeRenamedFolders(t *testing.T) {
	dir, base, stop := startSite(t)
	defer stop()
	page := func(section, bundle, text string) {
		t.Helper()
		p := filepath.Join(dir, "content", section, bundle, "index.vi.md")
		if err := os.WriteFile(p, []byte("---\ntitle: Hướng dẫn\n---\n"+text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	waitBody := func(url, want string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			if _, _, body := get(t, base+url); strings.Contains(body, want) {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("%s never showed %q", url, want)
	}
	mkdirs(t, filepath.Join(dir, "content", "guidance", "a"))
	page("guidance", "a", "Bắt đầu.")
	waitBody("/guidance/a/", "Bắt đầu.")
	section, bundle, text := "guidance", "a", "Bắt đầu."
	// moved renames a folder, waits for the rebuild that shows the page
	// at its new address, then edits it there and waits for the edit.
	moved := func(from, to, round string) {
		t.Helper()
		rename(t, filepath.Join(dir, "content", from), filepath.Join(dir, "content", to))
		waitBody("/"+section+"/"+bundle+"/", text)
		text = "Lần " + round + "."
		page(section, bundle, text)
		waitBody("/"+section+"/"+bundle+"/", text)
	}
	for round := range 10 {
		next := map[string]string{"a": "b", "b": "a"}[bundle]
		from := filepath.Join(section, bundle)
		bundle = next
		moved(from, filepath.Join(section, bundle), strconv.Itoa(round))
		next = map[string]string{"guidance": "huong-dan", "huong-dan": "guidance"}[section]
		from = section
		section = next
		moved(from, section, strconv.Itoa(round)+" mục")
	}
}
