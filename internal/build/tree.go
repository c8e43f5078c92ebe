package build

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// tree writes the files of one build under root. It makes each folder
// once, and when prev names the previous output, a file whose bytes did
// not change is hard-linked from there instead of written, so that it
// keeps its modification time (rsync-style deploys then upload only what
// changed) and costs no data write. It is safe for concurrent use.
type tree struct {
	root string // folder written into (the staging folder)
	dir  *rootDir
	prev string // previous output folder, or ""
	// perm is the permission a file written now gets (0644 less the
	// umask): a previous file is taken over only with the same.
	perm fs.FileMode
	dirs sync.Map
	// kept counts files taken over unchanged from prev.
	kept atomic.Int64
}

// newTree returns a tree writing into root, which must exist and be
// empty, taking unchanged files over from prev ("" for none). It gives root
// the permissions of a new folder (os.MkdirTemp made it private), and
// learns those of a new file, by making one of each. The tree holds root
// open until close.
func newTree(root, prev string) (*tree, error) {
	probe := filepath.Join(root, ".loa-probe")
	dirPerm, err := newPerm(probe, func(name string) error { return os.Mkdir(name, 0o755) })
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(root, dirPerm); err != nil {
		return nil, err
	}
	filePerm, err := newPerm(probe, func(name string) error { return os.WriteFile(name, nil, 0o644) })
	if err != nil {
		return nil, err
	}
	dir, err := openRootDir(root)
	if err != nil {
		return nil, err
	}
	return &tree{root: root, dir: dir, prev: prev, perm: filePerm}, nil
}

// close lets the tree's root go; t must not be written to after.
func (t *tree) close() error { return t.dir.close() }

// newPerm makes name with create, removes it again, and returns the
// permissions it was given (those asked for, less the umask).
func newPerm(name string, create func(string) error) (fs.FileMode, error) {
	if err := create(name); err != nil {
		return 0, err
	}
	info, err := os.Stat(name)
	if rmErr := os.Remove(name); err == nil {
		err = rmErr
	}
	if err != nil {
		return 0, err
	}
	return info.Mode().Perm(), nil
}

// write writes data to the slash-separated path p under the root.
func (t *tree) write(p string, data []byte) error {
	if err := t.mkdirs(path.Dir(p)); err != nil {
		return err
	}
	if t.prev != "" {
		old := filepath.Join(t.prev, filepath.FromSlash(p))
		if same(old, data, t.perm) && os.Link(old, filepath.Join(t.root, filepath.FromSlash(p))) == nil {
			t.kept.Add(1)
			return nil
		}
	}
	return t.dir.writeNew(p, data)
}

// mkdirs makes the slash-separated folder dir under the root and its
// parents, each once per tree.
func (t *tree) mkdirs(dir string) error {
	if dir == "." || dir == "/" || dir == "" {
		return nil
	}
	if _, ok := t.dirs.Load(dir); ok {
		return nil
	}
	if err := t.mkdirs(path.Dir(dir)); err != nil {
		return err
	}
	err := t.dir.mkdir(dir)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	t.dirs.Store(dir, struct{}{})
	return nil
}

// same reports whether name is a regular file (not a symbolic link) with
// permissions perm that holds exactly data.
func same(name string, data []byte, perm fs.FileMode) bool {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != perm || info.Size() != int64(len(data)) {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := sameBuffers.Get().(*[]byte)
	defer sameBuffers.Put(buf)
	return holds(f, data, (*buf)[:min(len(data)+1, len(*buf))])
}

// sameBuffers holds same's read buffers (*[]byte, 64 KiB each): one made
// per file compared was a tenth of the bytes a 30,000-page build over its
// previous output allocated (0.8 of 8.5 GB), each zeroed, and each a
// share of the collections.
var sameBuffers = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}
