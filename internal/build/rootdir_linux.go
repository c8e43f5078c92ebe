//go:build linux

package build

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// rootDir is a folder that a build makes folders and files in by paths
// relative to it. On Linux it holds the folder open and makes them with
// mkdirat and openat relative to that descriptor, which spares the kernel
// walking the folder's own path (the staging folder's, five or more names
// deep) again for each of a build's folders and files.
type rootDir struct {
	path string // the folder, as given to openRootDir
	fd   int
}

// openRootDir opens the folder path for mkdir and writeNew; close lets it
// go.
func openRootDir(path string) (*rootDir, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: path, Err: err}
		}
		return &rootDir{path: path, fd: fd}, nil
	}
}

// close closes the folder's descriptor; d must not be used after.
func (d *rootDir) close() error {
	if err := syscall.Close(d.fd); err != nil {
		return &os.PathError{Op: "close", Path: d.path, Err: err}
	}
	return nil
}

// mkdir makes the folder rel (slash- or OS-separated, below d) with
// permissions 0755 less the umask, and fails as os.Mkdir on the joined
// path does (an *os.PathError with Op "mkdir" and the joined path;
// errors.Is(err, fs.ErrExist) for a folder already there).
func (d *rootDir) mkdir(rel string) error {
	full, rel, ok := d.under(rel)
	if !ok {
		return os.Mkdir(full, 0o755)
	}
	for {
		err := syscall.Mkdirat(d.fd, rel, 0o755)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return &os.PathError{Op: "mkdir", Path: full, Err: err}
		}
		return nil
	}
}

// writeNew writes data to the new file rel below d, as writeNew on the
// joined path does (the same bytes, modes and errors).
func (d *rootDir) writeNew(rel string, data []byte) error {
	full, rel, ok := d.under(rel)
	if !ok {
		return writeNew(full, data)
	}
	return writeNewAt(d.fd, rel, full, data)
}

// under returns filepath.Join(d.path, rel), and that path relative to d
// with ok true when it lies below d (a rel with ".." climbing out of d, or
// d itself, gives ok false: the caller then uses the joined path).
func (d *rootDir) under(rel string) (full, relative string, ok bool) {
	full = filepath.Join(d.path, filepath.FromSlash(rel))
	root := filepath.Clean(d.path)
	if len(full) > len(root)+1 && full[:len(root)] == root && full[len(root)] == filepath.Separator {
		return full, full[len(root)+1:], true
	}
	return full, "", false
}
