package serve

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/loa-ssg/loa/internal/build"
)

// limitChild is set in the environment of the test binary re-run with a
// low limit on inotify watches.
const limitChild = "LOA_TEST_WATCH_LIMIT_CHILD"

// underWatchLimit runs the calling test again in a user namespace of its
// own (unshare -Ur) where at most limit inotify watches may be added
// (user.max_inotify_watches: fs.inotify.max_user_watches, per namespace),
// and reports its output. It returns true in that child, where the test
// goes on. Where user namespaces are not allowed the test is skipped.
func underWatchLimit(t *testing.T, limit int) bool {
	t.Helper()
	if os.Getenv(limitChild) == "1" {
		return true
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("unshare(1) is missing: the watch limit cannot be lowered for the test")
	}
	if err := exec.Command(unshare, "-Ur", "sh", "-c", "echo 1 > /proc/sys/user/max_inotify_watches").Run(); err != nil {
		t.Skipf("cannot lower the watch limit in a user namespace here (unshare -Ur: %v)", err)
	}
	cmd := exec.Command(unshare, "-Ur", "sh", "-c",
		`echo "$1" > /proc/sys/user/max_inotify_watches && exec "$0" -test.run="^$2\$" -test.v -test.count=1`,
		os.Args[0], strconv.Itoa(limit), t.Name())
	cmd.Env = append(os.Environ(), limitChild+"=1")
	out, err := cmd.CombinedOutput()
	t.Logf("in a user namespace with max_inotify_watches=%d:\n%s", limit, out)
	if err != nil {
		t.Errorf("the test failed there: %v", err)
	}
	return false
}

// TestWatchLimit: when the system's limit on watches is reached, Watch
// still watches what it can and says which folders it cannot, in plain
// words with the fix; a folder made later that cannot be watched is said
// too. The watcher never goes silently deaf.
func TestWatchLimit(t *testing.T) {
	if !underWatchLimit(t, 4) {
		return
	}
	dir := t.TempDir()
	for _, d := range []string{"a", "b", "c", "d", "e", "f"} {
		mkdirs(t, filepath.Join(dir, d))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w, err := Watch(ctx, []string{dir})
	var limit *LimitError
	if w == nil || !errors.As(err, &limit) {
		t.Fatalf("Watch: %v, %v; want a watcher and a *LimitError", w, err)
	}
	// The four watches: dir's parent (to see dir re-made), dir, a and b.
	if len(limit.Folders) != 4 || limit.Setting != "fs.inotify.max_user_watches" {
		t.Errorf("unwatched %v, setting %q; want 4 folders and fs.inotify.max_user_watches", limit.Folders, limit.Setting)
	}
	for _, want := range []string{"cannot watch these folders for changes: " + strings.Join(limit.Folders[:3], ", ") + ", …",
		"limit for watching folders (fs.inotify.max_user_watches = 4)", "will NOT show",
		"sudo sysctl fs.inotify.max_user_watches=524288", "/etc/sysctl.d/"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q:\n%s", want, err)
		}
	}
	// What is watched still is.
	write(t, filepath.Join(dir, "x.md"), "một")
	seen(t, w, filepath.Join(dir, "x.md"))
	// A folder made later.
	mkdirs(t, filepath.Join(dir, "moi"))
	select {
	case err := <-w.Errors:
		if !errors.As(err, &limit) || len(limit.Folders) != 1 || limit.Folders[0] != filepath.Join(dir, "moi") {
			t.Errorf("error for the new folder: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("a new folder that could not be watched was not reported")
	}
}

// logBuffer is a Log for Run that a test can wait on.
type logBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n, err := l.buf.Write(p)
	select {
	case l.changed <- struct{}{}:
	default:
	}
	return n, err
}

// waitFor waits until the log holds want.
func (l *logBuffer) waitFor(t *testing.T, want string) {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		l.mu.Lock()
		text := l.buf.String()
		l.mu.Unlock()
		if strings.Contains(text, want) {
			return
		}
		select {
		case <-l.changed:
		case <-timeout:
			t.Fatalf("the log never said %q:\n%s", want, text)
		}
	}
}

// TestServeWatchLimit: loa serve tells the terminal when folders cannot be
// watched, at start and for a folder made later, and goes on serving.
func TestServeWatchLimit(t *testing.T) {
	if !underWatchLimit(t, 2) {
		return
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"content/site.yaml":            "title: {vi: Thử}\nlanguages: [{code: vi, name: Tiếng Việt}]\n",
		"content/_index.vi.md":         "---\ntitle: Trang chủ\n---\nXin chào.\n",
		"content/tin-tuc/_index.vi.md": "---\ntitle: Tin tức\n---\n",
		"content/tin-tuc/mot.vi.md":    "---\ntitle: Một\n---\nMột.\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		mkdirs(t, filepath.Dir(p))
		write(t, p, text)
	}
	ctx, cancel := context.WithCancel(context.Background())
	log := &logBuffer{changed: make(chan struct{}, 1)}
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Build: build.Options{Source: dir}, Log: log, Ready: func(u string) { ready <- u }})
	}()
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("Run: %v", err)
	}
	// The site's folder (to see content/, templates/ and static/ made) and
	// content/ take the two watches.
	log.waitFor(t, "loa: cannot watch these folders for changes: "+filepath.Join(dir, "content", "tin-tuc")+"\n")
	log.waitFor(t, "sudo sysctl fs.inotify.max_user_watches=524288")
	mkdirs(t, filepath.Join(dir, "content", "moi"))
	log.waitFor(t, "loa: cannot watch these folders for changes: "+filepath.Join(dir, "content", "moi")+"\n")
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}
