//go:build !linux

package build

import (
	"os"
	"path/filepath"
)

// rootDir is a folder that a build makes folders and files in by paths
// relative to it (on systems other than Linux, through the joined paths).
type rootDir struct {
	path string // the folder, as given to openRootDir
}

// openRootDir returns the folder path for mkdir and writeNew.
func openRootDir(path string) (*rootDir, error) { return &rootDir{path: path}, nil }

// close lets the folder go.
func (d *rootDir) close() error { return nil }

// mkdir makes the folder rel below d, as os.Mkdir on the joined path.
func (d *rootDir) mkdir(rel string) error {
	return os.Mkdir(filepath.Join(d.path, filepath.FromSlash(rel)), 0o755)
}

// writeNew writes data to the new file rel below d, as writeNew on the
// joined path.
func (d *rootDir) writeNew(rel string, data []byte) error {
	return writeNew(filepath.Join(d.path, filepath.FromSlash(rel)), data)
}
