package build

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteNew: writeNew makes a file with the bytes given and the
// permissions os.WriteFile gives (0644 less the umask), truncates a longer
// file it replaces, and fails as os.WriteFile does where it cannot open.
func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	name, want := filepath.Join(dir, "index.html"), filepath.Join(dir, "want.html")
	long := bytes.Repeat([]byte("trang "), 10_000)
	for _, data := range [][]byte{long, []byte("<p>ngắn</p>"), nil} {
		if err := writeNew(name, data); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(want, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("read back %d bytes (%v), want %d", len(got), err, len(data))
		}
		gi, _ := os.Stat(name)
		wi, _ := os.Stat(want)
		if gi.Mode() != wi.Mode() {
			t.Errorf("mode %v, os.WriteFile gives %v", gi.Mode(), wi.Mode())
		}
	}
	err := writeNew(filepath.Join(dir, "missing", "index.html"), []byte("x"))
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Op != "open" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("into a missing folder: %v, want open …: no such file or directory", err)
	}
}
