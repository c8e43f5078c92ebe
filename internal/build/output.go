package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/loa-ssg/loa/internal/render"
)

// Marker is the file every output folder made by loa holds. loa replaces or
// deletes a folder only when the marker is in it.
const Marker = ".loa-output"

// OptionError is a mistake in the options rather than in the content: an
// unsafe --out, a --base-url that is no address, a --source that is no
// site. Msg says what is wrong, Hint how to fix it.
type OptionError struct{ Msg, Hint string }

func (e *OptionError) Error() string { return e.Msg }

// checkOut refuses output folders that would destroy something: the file
// system root, the source folder, a folder containing it, a folder inside
// content/, templates/ or static/, a file, or an existing non-empty folder
// that loa did not make. out and source must be absolute, clean and free of
// symbolic links (see realPath).
func checkOut(out, source string) error {
	elsewhere := "choose a folder of its own for the site, e.g. --out public"
	switch {
	case out == filepath.Dir(out):
		return &OptionError{fmt.Sprintf("refusing to write the site to %s: that is the root of the file system", out), elsewhere}
	case out == source:
		return &OptionError{fmt.Sprintf("refusing to write the site to %s: that is the source folder", out), elsewhere}
	case within(source, out):
		return &OptionError{fmt.Sprintf("refusing to write the site to %s: it contains the source folder %s", out, source), elsewhere}
	}
	for _, dir := range []string{"content", "templates", "static"} {
		if d := filepath.Join(source, dir); out == d || within(out, d) {
			return &OptionError{fmt.Sprintf("refusing to write the site to %s: it is inside the site's %s/ folder", out, dir),
				"the output must be outside content/, templates/ and static/, e.g. --out public"}
		}
	}
	info, err := os.Stat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return &OptionError{fmt.Sprintf("refusing to write the site to %s: it is a file, not a folder", out), elsewhere}
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) > 0 && !hasMarker(out) {
		return &OptionError{fmt.Sprintf("refusing to replace %s: it is not empty and was not made by loa (there is no %s file in it)", out, Marker),
			"empty or remove that folder yourself, or choose another --out"}
	}
	return nil
}

// realPath returns p absolute, with every symbolic link in it resolved, so
// that checkOut cannot be led around by a link. Parts of p that do not
// exist yet are kept as they are.
func realPath(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for dir := p; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		}
		if dir == filepath.Dir(dir) {
			return p, nil
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
	}
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
// (it holds the marker: checkOut made sure). err means out was not
// replaced; cleanup, that it was but the old output (left at the path
// named in the error) could not be removed entirely.
func swap(staging, out string) (cleanup, err error) {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = staging + ".old"
		if err := os.Rename(out, old); err != nil {
			return nil, err
		}
	}
	if err := os.Rename(staging, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		return nil, err
	}
	switch {
	case old == "":
		return nil, nil
	case hasMarker(old):
		return os.RemoveAll(old), nil
	default:
		return os.Remove(old), nil // an empty folder; Remove refuses anything else
	}
}

// HostFiles are the files at the root of the output folder that are for
// the host, not for visitors (_headers, nginx-headers.conf, Marker); a host
// should not serve them (see README.md, "Hosting").
var HostFiles = render.HostFiles

// HostHeaders returns the response headers a host should send with every
// file of the site (the same as in _headers), as name and value pairs.
func HostHeaders() [][2]string { return render.Headers() }
