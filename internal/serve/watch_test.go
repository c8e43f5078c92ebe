package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
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
		// One batch when the writes come faster than Debounce; on a loaded
		// machine they may not, so what is required is that each batch
		// names each file once and that together they name both. A last
		// write to z.md marks the end.
		dir, w := watchDir(t)
		for i := range 10 {
			write(t, filepath.Join(dir, "a.md"), "x"+string(rune('0'+i)))
			write(t, filepath.Join(dir, "b.md"), "y")
		}
		write(t, filepath.Join(dir, "z.md"), "z")
		names := map[string]bool{}
		for batches := 1; !names[filepath.Join(dir, "z.md")]; batches++ {
			b := next(t, w)
			if len(slices.Compact(slices.Clone(b))) != len(b) {
				t.Errorf("batch %v names a file twice", b)
			}
			for _, p := range b {
				names[p] = true
			}
			if batches > 1 {
				t.Logf("the burst came in %d batches (a loaded machine)", batches)
			}
		}
		if len(names) != 3 || !names[filepath.Join(dir, "a.md")] || !names[filepath.Join(dir, "b.md")] {
			t.Errorf("batches named %v, want a.md, b.md and z.md", names)
		}
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

// seen waits until a batch names want, passing over batches that do not
// (a rename reports both names, then the files of the folder moved in).
func seen(t *testing.T, w *Watcher, want string) {
	t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case b := <-w.Changes:
			if slices.Contains(b, want) {
				return
			}
		case err := <-w.Errors:
			t.Fatalf("watcher error: %v", err)
		case <-timeout:
			t.Fatalf("the change to %s was never reported", want)
		}
	}
}

func mkdirs(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

// TestWatchRenamedFolders renames, moves and recreates folders over and
// over, with the real watcher, and edits a file at every depth of the
// folder's new self each time: every edit must be reported, under the new
// name. Repeated, so that the race between the folder's own move event
// and watching its new name shows (it lost 10 edits in 11 before).
func TestWatchRenamedFolders(t *testing.T) {
	dir := t.TempDir()
	guidance := filepath.Join(dir, "guidance")
	mkdirs(t, filepath.Join(guidance, "a", "sub", "deeper"))
	write(t, filepath.Join(guidance, "a", "index.vi.md"), "một")
	write(t, filepath.Join(guidance, "a", "sub", "deeper", "index.vi.md"), "một")
	outside := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w, err := Watch(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	// editAll edits a file at each depth of folder and waits for each.
	editAll := func(round int, folder string) {
		t.Helper()
		for _, p := range []string{
			filepath.Join(folder, "index.vi.md"),
			filepath.Join(folder, "sub", "deeper", "index.vi.md"),
		} {
			write(t, p, "lần "+strconv.Itoa(round))
			seen(t, w, p)
		}
	}
	section, name := guidance, "a"
	for round := range 20 {
		// A page bundle renamed within its section.
		next := "b"
		if name == "b" {
			next = "a"
		}
		rename(t, filepath.Join(section, name), filepath.Join(section, next))
		name = next
		editAll(round, filepath.Join(section, name))
		// The section folder renamed.
		nextSection := filepath.Join(dir, "huong-dan")
		if section == nextSection {
			nextSection = guidance
		}
		rename(t, section, nextSection)
		section = nextSection
		editAll(round, filepath.Join(section, name))
		// Moved out of the watched tree, then back in.
		rename(t, filepath.Join(section, name), filepath.Join(outside, name))
		seen(t, w, filepath.Join(section, name))
		write(t, filepath.Join(outside, name, "index.vi.md"), "ngoài") // not watched any more
		rename(t, filepath.Join(outside, name), filepath.Join(section, name))
		editAll(round, filepath.Join(section, name))
		// Deleted and made again, files and all, at once.
		if err := os.RemoveAll(filepath.Join(section, name)); err != nil {
			t.Fatal(err)
		}
		mkdirs(t, filepath.Join(section, name, "sub", "deeper"))
		write(t, filepath.Join(section, name, "index.vi.md"), "mới")
		write(t, filepath.Join(section, name, "sub", "deeper", "index.vi.md"), "mới")
		editAll(round, filepath.Join(section, name))
	}
	// Nothing is watched twice or under a name that is gone.
	for p := range w.watched {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("still watching %s, which is gone", p)
		}
	}
	want := len(w.watched)
	for p := range w.parents {
		if !w.watched[p] {
			want++
		}
	}
	if got := len(w.w.WatchList()); got != want {
		t.Errorf("fsnotify holds %d watches, the watcher knows of %d", got, want)
	}
}

// TestWatchRootsRemade: a watched root that is missing at start, deleted
// and made again, or renamed away and back, is watched once it is there,
// with what it holds; changes beside the roots are not reported.
func TestWatchRootsRemade(t *testing.T) {
	dir := t.TempDir()
	content, static := filepath.Join(dir, "content"), filepath.Join(dir, "static")
	mkdirs(t, filepath.Join(content, "tin-tuc"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w, err := Watch(ctx, []string{content, static})
	if err != nil {
		t.Fatal(err)
	}
	// Beside the roots: not reported (the next batch names static/).
	mkdirs(t, filepath.Join(dir, "public"))
	write(t, filepath.Join(dir, "README.md"), "x")
	// Missing at start, made later, with a file already in it.
	mkdirs(t, filepath.Join(static, "css"))
	write(t, filepath.Join(static, "css", "a.css"), "a{}")
	seen(t, w, filepath.Join(static, "css", "a.css"))
	for round := range 20 {
		text := "lần " + strconv.Itoa(round)
		// Deleted and made again.
		if err := os.RemoveAll(content); err != nil {
			t.Fatal(err)
		}
		mkdirs(t, filepath.Join(content, "tin-tuc"))
		write(t, filepath.Join(content, "tin-tuc", "a.vi.md"), text)
		seen(t, w, filepath.Join(content, "tin-tuc", "a.vi.md"))
		write(t, filepath.Join(content, "tin-tuc", "a.vi.md"), text+" sửa")
		seen(t, w, filepath.Join(content, "tin-tuc", "a.vi.md"))
		// Renamed away and back.
		rename(t, content, content+".bak")
		seen(t, w, content)
		rename(t, content+".bak", content)
		write(t, filepath.Join(content, "tin-tuc", "a.vi.md"), text+" lại")
		seen(t, w, filepath.Join(content, "tin-tuc", "a.vi.md"))
	}
	for p := range w.watched {
		if !strings.HasPrefix(p, content) && !strings.HasPrefix(p, static) {
			t.Errorf("watching %s, beside the roots", p)
		}
	}
}
