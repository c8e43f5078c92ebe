package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long the watcher waits after the last change before it
// reports a batch: editors save in bursts (write, rename, chmod), and a
// file is briefly empty mid-save.
const Debounce = 10 * time.Millisecond

// Watcher reports changes below a set of folders, in debounced batches.
// Folders created after it started are watched too.
type Watcher struct {
	w *fsnotify.Watcher
	// Changes receives the paths changed in each batch, de-duplicated.
	Changes chan []string
	// Errors receives watcher failures (they do not stop it).
	Errors chan error
}

// Watch starts watching roots (folders that do not exist are skipped) and
// every folder below them. It stops when ctx ends.
func Watch(ctx context.Context, roots []string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{w: fw, Changes: make(chan []string, 1), Errors: make(chan error, 1)}
	for _, r := range roots {
		if err := w.addTree(r); err != nil && !os.IsNotExist(err) {
			fw.Close()
			return nil, err
		}
	}
	go w.loop(ctx)
	return w, nil
}

func (w *Watcher) addTree(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return w.w.Add(p)
		}
		return nil
	})
}

// ignored reports whether a file name is an editor's scratch file: hidden
// files, backups (name~), vim's swap files and its 4913 write test.
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || base == "4913" ||
		strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") || strings.HasSuffix(base, ".tmp")
}

func (w *Watcher) loop(ctx context.Context) {
	defer w.w.Close()
	var (
		pending = map[string]bool{}
		timer   = time.NewTimer(time.Hour)
	)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if ignored(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					_ = w.addTree(ev.Name) // a new folder, perhaps with files already in it
				}
			}
			pending[ev.Name] = true
			timer.Reset(Debounce)
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			select {
			case w.Errors <- err:
			default:
			}
		case <-timer.C:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			pending = map[string]bool{}
			select {
			case w.Changes <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}
