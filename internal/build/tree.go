package build

import (
	"bytes"
	"errors"
	"io"
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
	prev string // previous output folder, or ""
	dirs sync.Map
	// kept counts files taken over unchanged from prev.
	kept atomic.Int64
}

// write writes data to the slash-separated path p under the root.
func (t *tree) write(p string, data []byte) error {
	full := filepath.Join(t.root, filepath.FromSlash(p))
	if err := t.mkdirs(path.Dir(p)); err != nil {
		return err
	}
	if t.prev != "" {
		old := filepath.Join(t.prev, filepath.FromSlash(p))
		if same(old, data) && os.Link(old, full) == nil {
			t.kept.Add(1)
			return nil
		}
	}
	return os.WriteFile(full, data, 0o644)
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
	err := os.Mkdir(filepath.Join(t.root, filepath.FromSlash(dir)), 0o755)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	t.dirs.Store(dir, struct{}{})
	return nil
}

// same reports whether the regular file at name holds exactly data.
func same(name string, data []byte) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	buf := make([]byte, len(data)+1) // one more, to see the end
	n, err := io.ReadFull(f, buf)
	return errors.Is(err, io.ErrUnexpectedEOF) && n == len(data) && bytes.Equal(buf[:n], data)
}
