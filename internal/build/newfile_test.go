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

// TestRootDir: folders and files made relative to an open rootDir get the
// modes os.Mkdir and os.WriteFile give, hold the bytes written, and fail
// as those do on the joined path (the same Op, Path and error kind); a path
// that climbs out of the folder is made where the joined path says.
func TestRootDir(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "staging")
	if err := os.Mkdir(root, 0o755); err != nil {
		t.Fatal(err)
	}
	d, err := openRootDir(root + "/") // a trailing separator changes nothing
	if err != nil {
		t.Fatal(err)
	}
	defer d.close()
	if err := d.mkdir("tin-tuc"); err != nil {
		t.Fatal(err)
	}
	if err := d.mkdir("tin-tuc/bai-1"); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(base, "want-dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	gi, _ := os.Stat(filepath.Join(root, "tin-tuc", "bai-1"))
	wi, _ := os.Stat(filepath.Join(base, "want-dir"))
	if gi == nil || !gi.IsDir() || gi.Mode() != wi.Mode() {
		t.Errorf("folder %v, os.Mkdir gives %v", gi, wi.Mode())
	}
	data := []byte("<p>Đường dây nóng</p>")
	if err := d.writeNew("tin-tuc/bai-1/index.html", data); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(base, "want.html"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, "tin-tuc", "bai-1", "index.html"))
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("read back %q (%v), want %q", got, err, data)
	}
	gi, _ = os.Stat(filepath.Join(root, "tin-tuc", "bai-1", "index.html"))
	wi, _ = os.Stat(filepath.Join(base, "want.html"))
	if gi.Mode() != wi.Mode() {
		t.Errorf("file mode %v, os.WriteFile gives %v", gi.Mode(), wi.Mode())
	}

	// Errors, each compared with what os gives for the joined path.
	same := func(what string, got, want error) {
		t.Helper()
		var gp, wp *fs.PathError
		if !errors.As(got, &gp) || !errors.As(want, &wp) || gp.Op != wp.Op || gp.Path != wp.Path || !errors.Is(gp.Err, wp.Err) {
			t.Errorf("%s: %v, os gives %v", what, got, want)
		}
	}
	same("folder already there", d.mkdir("tin-tuc"), os.Mkdir(filepath.Join(root, "tin-tuc"), 0o755))
	if err := d.mkdir("tin-tuc"); !errors.Is(err, fs.ErrExist) {
		t.Errorf("folder already there: %v, want fs.ErrExist", err)
	}
	same("folder in a missing folder", d.mkdir("khong-co/bai"), os.Mkdir(filepath.Join(root, "khong-co", "bai"), 0o755))
	same("file in a missing folder", d.writeNew("khong-co/index.html", data),
		os.WriteFile(filepath.Join(root, "khong-co", "index.html"), data, 0o644))
	same("file where a folder is", d.writeNew("tin-tuc", data), os.WriteFile(filepath.Join(root, "tin-tuc"), data, 0o644))

	// Out of the folder: made at the joined path.
	if err := d.writeNew("../ngoai.html", data); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(base, "ngoai.html")); err != nil || !bytes.Equal(got, data) {
		t.Errorf("../ngoai.html: read back %q (%v)", got, err)
	}
	if err := d.mkdir("../ngoai"); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(base, "ngoai")); err != nil || !fi.IsDir() {
		t.Errorf("../ngoai: %v, %v", fi, err)
	}
}
