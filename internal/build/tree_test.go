package build

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSame holds that same, whose read buffers are pooled (sameBuffers),
// says a file holds data only when it holds exactly those bytes, whatever
// files of other sizes and contents it compared before: a file of the
// same size that differs in its last byte, read after one that holds the
// same first 64 KiB, is not the same.
func TestSame(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("Phòng, chống tệ nạn xã hội. "), 5000) // > 64 KiB: read in chunks
	other := bytes.Clone(big)
	other[len(other)-1] ^= 1
	small := []byte("<p>Chào</p>\n")
	files := map[string][]byte{"big": big, "other": other, "small": small}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	perm := fileInfoPerm(t, filepath.Join(dir, "big"))
	for range 3 { // the pooled buffers come back holding earlier files
		for _, c := range []struct {
			name string
			data []byte
			want bool
		}{
			{"big", big, true},
			{"other", big, false},
			{"big", other, false},
			{"other", other, true},
			{"small", small, true},
			{"small", []byte("<p>Chàp</p>\n"), false},
			{"small", big[:len(small)], false},
			{"missing", small, false},
		} {
			if got := same(filepath.Join(dir, c.name), c.data, perm); got != c.want {
				t.Errorf("same(%s, %d bytes) = %v, want %v", c.name, len(c.data), got, c.want)
			}
		}
	}
}

func fileInfoPerm(t *testing.T, name string) os.FileMode {
	t.Helper()
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}
