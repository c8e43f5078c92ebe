package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/loa-ssg/loa/internal/diag"
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
// that loa did not make, unless it holds nothing but what keep names
// (site.yaml's keep:, such as a deploy repository's .git and CNAME). out
// and source must be absolute, clean and free of symbolic links (see
// realPath).
func checkOut(out, source string, keep []string) error {
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
	if len(entries) > 0 && !hasMarker(out) && !onlyKept(entries, keep) {
		return &OptionError{fmt.Sprintf("refusing to replace %s: it is not empty and was not made by loa (there is no %s file in it)", out, Marker),
			"empty or remove that folder yourself, or choose another --out; files that must stay in it (CNAME, .git) can be listed in site.yaml: keep: [CNAME, .git]"}
	}
	return nil
}

// onlyKept reports whether every entry is named in keep.
func onlyKept(entries []os.DirEntry, keep []string) bool {
	for _, e := range entries {
		if !slices.Contains(keep, e.Name()) {
			return false
		}
	}
	return true
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

// stagingInfix names loa's staging folders: out's parent holds
// "." + base(out) + stagingInfix + digits while a build writes, and the
// same with ".old" appended while the previous output is put aside.
const stagingInfix = ".staging-"

// reportRemoved warns about each entry at the top of the previous output
// that the new site does not have and site.yaml does not keep: a file an
// author put there (CNAME, .git) is deleted with the old output.
func (b *builder) reportRemoved(staging string) {
	entries, err := os.ReadDir(b.out)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if name == Marker || slices.Contains(b.site.Keep, name) {
			continue
		}
		if _, err := os.Lstat(filepath.Join(staging, name)); err == nil {
			continue
		}
		what := name
		if e.IsDir() {
			what += "/"
		}
		b.res.Diagnostics.Add(diag.Warningf(diag.Position{File: filepath.Join(b.out, what)},
			"%s was in the output folder but is not part of the new site, so this build removed it", what).
			WithHint("if you put it there yourself: list it in site.yaml to keep it at every build (keep: [%s]), or put it in static/ to publish it with the site", name))
	}
}

// stage makes an empty staging folder next to out, on the same file system
// so that the final rename is atomic, and locks it (see LockDir) so that
// another build's removeLeftovers leaves it alone. unlock releases the
// lock once the build is over.
func stage(out string) (staging string, unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", nil, err
	}
	staging, err = os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+stagingInfix)
	if err != nil {
		return "", nil, err
	}
	unlock, err = LockDir(staging)
	if err != nil {
		_ = os.Remove(staging)
		return "", nil, err
	}
	return staging, unlock, nil
}

// leftover is a folder removeLeftovers could not delete.
type leftover struct {
	path string
	err  error
}

// removeLeftovers deletes the staging folders that earlier builds into
// out left beside it when they were stopped before they could clean up
// (killed, a second Ctrl-C, a power cut): only folders named as stage and
// swap name them ("." + base(out) + ".staging-" + digits, optionally
// ".old"), never a symbolic link, and never one a running build holds
// locked. When out itself is missing and a previous output put aside by
// swap is there (".old", with the marker), it is put back as out instead:
// a build stopped between swap's two renames loses nothing. It returns the
// folders it could not delete.
func removeLeftovers(out string) []leftover {
	dir, base := filepath.Split(out)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // no parent yet: nothing left over
	}
	prefix := "." + base + stagingInfix
	var failed []leftover
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue
		}
		digits, old := strings.CutSuffix(rest, ".old")
		if digits == "" || strings.Trim(digits, "0123456789") != "" {
			continue
		}
		p := filepath.Join(dir, e.Name())
		// A staging folder in use, or the old output of a build that is
		// swapping right now (its staging folder is still locked).
		if Locked(filepath.Join(dir, prefix+digits)) {
			continue
		}
		if old && hasMarker(p) {
			if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) && os.Rename(p, out) == nil {
				continue
			}
		}
		if err := os.RemoveAll(p); err != nil {
			failed = append(failed, leftover{p, err})
		}
	}
	return failed
}

// swap replaces out with staging: the old output is renamed aside, the
// staging folder renamed into place, the entries of the old one named in
// keep (top-level names, site.yaml's keep:) moved into the new one unless
// the build wrote the same name, and only then the old one removed (it
// holds the marker: checkOut made sure). err means out was not replaced;
// cleanup, that it was but the old output (left at the path named in the
// error) could not be removed entirely, or a kept entry not moved (then
// the old output is left as it is).
func swap(staging, out string, keep []string) (cleanup, err error) {
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
	for _, name := range keep {
		if old == "" {
			break
		}
		from, to := filepath.Join(old, name), filepath.Join(out, name)
		if _, err := os.Lstat(from); err != nil {
			continue
		}
		if _, err := os.Lstat(to); err == nil {
			continue // the build wrote it: the new one wins
		}
		if err := os.Rename(from, to); err != nil {
			return fmt.Errorf("keep %s: %w", name, err), nil
		}
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
