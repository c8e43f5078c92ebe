package build

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestReadMapped holds readMapped to os.ReadFile's bytes for files of
// sizes around a page's, and to the bytes it read when the file is then
// replaced by a rename (as loa writes every cache file): what was decoded
// from them must not change under a build.
func TestReadMapped(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, size := range []int{0, 1, 100, 4095, 4096, 4097, 3*4096 + 17, 1 << 20} {
		name := filepath.Join(dir, "f")
		want := make([]byte, size)
		for i := range want {
			want[i] = byte(rng.Uint32())
		}
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readMapped(name)
		if err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("size %d: readMapped gave %d bytes, not the file's %d (or other bytes)", size, len(got), len(want))
		}
		if runtime.GOOS == "linux" && cap(got) != len(got) && size > 0 { // (os.ReadFile's room elsewhere)
			t.Errorf("size %d: capacity %d beyond the file's bytes (an append would write into them)", size, cap(got))
		}
		// Replaced by a rename: what was read stays.
		if err := writeFileAtomic(name, bytes.Repeat([]byte{'x'}, size/2+1)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("size %d: the bytes read changed when the file was replaced", size)
		}
	}
	if _, err := readMapped(filepath.Join(dir, "none")); !os.IsNotExist(err) {
		t.Errorf("a file that is not there: %v, want a not-exist error", err)
	}
}
