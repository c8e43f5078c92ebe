package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the file every output folder made by loa holds. loa replaces or
// deletes a folder only when the marker is in it.
const Marker = ".loa-output"

// checkOut refuses output folders that would destroy something: the file
// system root, the source folder, a folder containing it, a folder inside
// content/, templates/ or static/, or an existing non-empty folder that loa
// did not make. out and source must be absolute and clean.
func checkOut(out, source string) error {
	switch {
	case out == filepath.Dir(out):
		return fmt.Errorf("refusing to write the site to %s: that is the root of the file system", out)
	case out == source:
		return fmt.Errorf("refusing to write the site to %s: that is the source folder", out)
	case within(source, out):
		return fmt.Errorf("refusing to write the site to %s: it contains the source folder %s", out, source)
	}
	for _, dir := range []string{"content", "templates", "static"} {
		if d := filepath.Join(source, dir); out == d || within(out, d) {
			return fmt.Errorf("refusing to write the site to %s: it is inside the site's %s/ folder", out, dir)
		}
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 && !hasMarker(out) {
		return fmt.Errorf("refusing to replace %s: it is not empty and was not made by loa (no %s file in it); remove it or choose another --out", out, Marker)
	}
	return nil
}

// within reports whether path is strictly inside dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func hasMarker(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, Marker))
	return err == nil
}

// stage makes an empty staging folder next to out, on the same file system
// so that the final rename is atomic.
func stage(out string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".staging-")
}

// swap replaces out with staging: the old output is renamed aside, the
// staging folder renamed into place, and only then the old one removed
// (it holds the marker: checkOut made sure).
func swap(staging, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = staging + ".old"
		if err := os.Rename(out, old); err != nil {
			return err
		}
	}
	if err := os.Rename(staging, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		return err
	}
	switch {
	case old == "":
		return nil
	case hasMarker(old):
		return os.RemoveAll(old)
	default:
		return os.Remove(old) // an empty folder; Remove refuses anything else
	}
}
