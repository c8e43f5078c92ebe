package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// watchDir starts a watcher on a fresh folder holding a.md.
func watchDir(t *testing.T) (string, *Watcher) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("một"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	w, err := Watch(ctx, []string{dir, filepath.Join(dir, "missing")})
	if err != nil {
		t.Fatal(err)
	}
	return dir, w
}

// next waits for one batch of changes.
func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b := <-w.Changes:
		slices.Sort(b)
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no change reported")
		return nil
	}
}

// quiet checks that no further batch arrives.
func quiet(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case b := <-w.Changes:
		t.Fatalf("unexpected batch %v", b)
	case <-time.After(4 * Debounce):
	}
}

func write(t *testing.T, p, text string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatchSavePatterns(t *testing.T) {
	t.Run("in place", func(t *testing.T) {
		dir, w := watchDir(t)
		write(t, filepath.Join(dir, "a.md"), "hai")
		if b := next(t, w); !slices.Contains(b, filepath.Join(dir, "a.md")) {
			t.Errorf("batch %v", b)
		}
	})
	t.Run("atomic rename over (vim, VS Code, JetBrains)", func(t *testing.T) {
		dir, w := watchDir(t)
		tmp := filepath.Join(dir, "a.md.tmp")
		write(t, tmp, "ba")
		if err := os.Rename(tmp, filepath.Join(dir, "a.md")); err != nil {
			t.Fatal(err)
		}
		if b := next(t, w); !slices.Contains(b, filepath.Join(dir, "a.md")) {
			t.Errorf("batch %v", b)
		}
		quiet(t, w)
	})
	t.Run("delete and create", func(t *testing.T) {
		dir, w := watchDir(t)
		os.Remove(filepath.Join(dir, "a.md"))
		write(t, filepath.Join(dir, "a.md"), "bốn")
		if b := next(t, w); len(b) != 1 || b[0] != filepath.Join(dir, "a.md") {
			t.Errorf("batch %v, want one entry for a.md", b)
		}
	})
	t.Run("a burst is one batch", func(t *testing.T) {
		dir, w := watchDir(t)
		for i := range 10 {
			write(t, filepath.Join(dir, "a.md"), "x"+string(rune('0'+i)))
			write(t, filepath.Join(dir, "b.md"), "y")
		}
		if b := next(t, w); len(b) != 2 {
			t.Errorf("batch %v, want a.md and b.md once", b)
		}
		quiet(t, w)
	})
	t.Run("new folder after start", func(t *testing.T) {
		dir, w := watchDir(t)
		sub := filepath.Join(dir, "tin-tuc")
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		next(t, w)
		write(t, filepath.Join(sub, "moi.vi.md"), "mới")
		if b := next(t, w); !slices.Contains(b, filepath.Join(sub, "moi.vi.md")) {
			t.Errorf("a file in a new folder was not seen: %v", b)
		}
	})
	t.Run("deleted file", func(t *testing.T) {
		dir, w := watchDir(t)
		os.Remove(filepath.Join(dir, "a.md"))
		if b := next(t, w); !slices.Contains(b, filepath.Join(dir, "a.md")) {
			t.Errorf("batch %v", b)
		}
	})
	t.Run("editor scratch files are ignored", func(t *testing.T) {
		dir, w := watchDir(t)
		write(t, filepath.Join(dir, ".a.md.swp"), "x")
		write(t, filepath.Join(dir, "a.md~"), "x")
		write(t, filepath.Join(dir, "4913"), "x")
		quiet(t, w)
	})
}
