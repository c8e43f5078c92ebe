package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/loa-ssg/loa/internal/diag"
)

// Debounce is how long the watcher waits after the last change before it
// reports a batch: editors save in bursts (write, rename, chmod), and a
// file is briefly empty mid-save.
const Debounce = 10 * time.Millisecond

// Watcher reports changes below a set of folders, in debounced batches.
// Folders created after it started are watched too, and so are folders
// renamed, moved in or recreated, at every depth.
type Watcher struct {
	w *fsnotify.Watcher
	// Changes receives the paths changed in each batch, de-duplicated.
	Changes chan []string
	// Errors receives watcher failures (they do not stop it). A folder
	// made later that cannot be watched comes as a *LimitError, and is
	// never dropped.
	Errors chan error
	roots  []string
	// parents holds the folders that hold roots, watched (not below) only
	// to see a root made, re-made or renamed; other changes in them are
	// not reported.
	parents map[string]bool
	// watched holds the folders watched now. fsnotify names a watch by the
	// path it was added under, while the kernel's watch follows the folder
	// when it is renamed: a renamed folder's watches are removed and added
	// again under the new name (see forget).
	watched map[string]bool
}

// LimitError says that folders could not be watched because the system's
// limit on watches (Linux: fs.inotify.max_user_watches, ENOSPC) or on
// watchers (fs.inotify.max_user_instances, EMFILE) is reached: edits in
// those folders go unseen. Its message says so in plain words, with the fix.
type LimitError struct {
	// Folders lists the folders not watched (for a watcher limit, the
	// roots).
	Folders []string
	// Setting is the sysctl setting that sets the limit, Limit its value
	// now (0 when it cannot be read).
	Setting string
	Limit   int
	// Err is the system's error.
	Err error
}

func (e *LimitError) Error() string { return e.Message(nil) }

// Message is the error's message in the language of m (nil: English).
func (e *LimitError) Message(m *diag.Catalogue) string {
	limit := ""
	if e.Limit > 0 {
		limit = fmt.Sprintf(" = %d", e.Limit)
	}
	folders := strings.Join(e.Folders, ", ")
	if len(e.Folders) > 3 {
		folders = strings.Join(e.Folders[:3], ", ") + ", …"
	}
	return m.Sprintf(`cannot watch these folders for changes: %s
  This computer's limit for watching folders (%s%s) is reached,
  so edits there will NOT show in the preview.
  fix: raise the limit, then stop and start loa serve again:
    sudo sysctl %s=524288
  to keep it after a restart:
    echo %s=524288 | sudo tee /etc/sysctl.d/90-loa-watch.conf`,
		folders, e.Setting, limit, e.Setting, e.Setting)
}

func (e *LimitError) Unwrap() error { return e.Err }

// limitSetting names the sysctl setting behind err, "" when err is not a
// limit of the system's.
func limitSetting(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "fs.inotify.max_user_watches"
	case errors.Is(err, syscall.EMFILE):
		return "fs.inotify.max_user_instances"
	}
	return ""
}

// newLimitError describes folders left unwatched by err, a limit of the
// system's.
func newLimitError(folders []string, err error) *LimitError {
	setting := limitSetting(err)
	// The limit is the system's, or a lower one of the user namespace
	// (Linux 5.11 and later: user.max_inotify_*).
	limit := 0
	for _, name := range []string{strings.ReplaceAll(setting, ".", "/"), strings.Replace(setting, "fs.inotify.max_user_", "user/max_inotify_", 1)} {
		if b, rerr := os.ReadFile("/proc/sys/" + name); rerr == nil {
			if n, _ := strconv.Atoi(strings.TrimSpace(string(b))); n > 0 && (limit == 0 || n < limit) {
				limit = n
			}
		}
	}
	return &LimitError{Folders: folders, Setting: setting, Limit: limit, Err: err}
}

// Watch starts watching roots and every folder below them. A root that
// does not exist, or is deleted or renamed, is watched once it is made
// (its parent folder is watched for that). It stops when ctx ends. When the system's limit
// on watches is reached, it returns a working Watcher and a *LimitError
// naming the folders it could not watch; when it cannot watch at all, a nil
// Watcher and the error (a *LimitError for the limit on watchers).
func Watch(ctx context.Context, roots []string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		if limitSetting(err) != "" {
			return nil, newLimitError(roots, err)
		}
		return nil, err
	}
	w := &Watcher{w: fw, Changes: make(chan []string, 1), Errors: make(chan error, 1),
		watched: map[string]bool{}, parents: map[string]bool{}}
	var unwatched []string
	var limitErr error
	for _, r := range roots {
		r = filepath.Clean(r)
		w.roots = append(w.roots, r)
		parent := filepath.Dir(r)
		if w.parents[parent] {
			continue
		}
		if err := fw.Add(parent); err != nil {
			if limitSetting(err) != "" {
				unwatched, limitErr = append(unwatched, parent), err
				continue
			}
			fw.Close()
			return nil, fmt.Errorf("watch %s: %w", parent, err)
		}
		w.parents[parent] = true
	}
	for _, r := range w.roots {
		failed, err := w.addTree(r, nil)
		switch {
		case len(failed) > 0:
			unwatched = append(unwatched, failed...)
			limitErr = err
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			fw.Close()
			return nil, err
		}
	}
	go w.loop(ctx)
	if len(unwatched) > 0 {
		return w, newLimitError(unwatched, limitErr)
	}
	return w, nil
}

// addTree watches root and every folder below it but hidden ones. The
// folders it could not watch because of the system's limit come back in
// failed (with that error); any other error stops it. found, when set,
// receives every file below root (a folder moved in arrives full).
func (w *Watcher) addTree(root string, found func(string)) (failed []string, err error) {
	var limitErr error
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != root && errors.Is(err, fs.ErrNotExist) {
				return nil // gone while walking
			}
			return err
		}
		if !d.IsDir() {
			if found != nil && !ignored(p) {
				found(p)
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.w.Add(p); err != nil {
			switch {
			case limitSetting(err) != "":
				failed, limitErr = append(failed, p), err
				return nil // its files are still listed; folders below fail too
			case errors.Is(err, fs.ErrNotExist) && p != root:
				return filepath.SkipDir
			}
			return err
		}
		w.watched[p] = true
		return nil
	})
	if err == nil {
		err = limitErr
	}
	return failed, err
}

// forget stops watching the folder name and every folder below it, after
// it was renamed, moved away or deleted. The kernel's watch of a renamed
// folder follows it, but fsnotify would keep reporting it (and the folders
// below) under the old name, and removes it once the folder's own
// move-event arrives, possibly after the new name was added with the same
// watch: the folder would go unwatched. Removing it first makes adding
// the new name a new watch.
func (w *Watcher) forget(name string) {
	if !w.watched[name] {
		return // a file, or not watched
	}
	prefix := name + string(filepath.Separator)
	for p := range w.watched {
		if p == name || strings.HasPrefix(p, prefix) {
			_ = w.w.Remove(p) // fails when the kernel already dropped it
			delete(w.watched, p)
		}
	}
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
	// report passes an error on, blocking: a folder left unwatched must
	// not go unsaid.
	report := func(err error) bool {
		select {
		case w.Errors <- err:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			ev.Name = filepath.Clean(ev.Name)
			if dir := filepath.Dir(ev.Name); w.parents[dir] && !w.watched[dir] && !slices.Contains(w.roots, ev.Name) {
				continue // a file or folder beside the roots
			}
			if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
				w.forget(ev.Name) // before ignored: a folder may be renamed to a hidden name
			}
			if ignored(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					// A new, renamed or moved-in folder, perhaps with
					// files and folders already in it.
					w.forget(ev.Name)
					failed, err := w.addTree(ev.Name, func(p string) { pending[p] = true })
					if len(failed) > 0 && limitSetting(err) != "" {
						if !report(newLimitError(failed, err)) {
							return
						}
					} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
						if !report(fmt.Errorf("watch %s: %w", ev.Name, err)) {
							return
						}
					}
				}
			}
			pending[ev.Name] = true
			timer.Reset(Debounce)
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: watch everything afresh and have the
				// whole site rebuilt.
				for p := range w.watched {
					_ = w.w.Remove(p)
				}
				w.watched = map[string]bool{}
				for _, r := range w.roots {
					if failed, err := w.addTree(r, nil); len(failed) > 0 {
						if !report(newLimitError(failed, err)) {
							return
						}
					}
					pending[r] = true
				}
				timer.Reset(Debounce)
				continue
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
