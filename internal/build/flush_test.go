package build

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSameFile holds sameFile (incremental flush's comparison with the file
// on disk) to bytes.Equal of the file's bytes, for files larger than its
// buffer, of the same size with other bytes, of another size, empty, and
// missing or a folder.
func TestSameFile(t *testing.T) {
	dir := t.TempDir()
	buf := make([]byte, 4)
	for _, tc := range []struct{ file, data string }{
		{"", ""}, {"abc", "abc"}, {"abcdefghij", "abcdefghij"}, {"abcdefgh", "abcdefgh"},
		{"abcdefghij", "abcdefghiJ"}, {"abcdefghij", "Abcdefghij"}, {"abcd", "abcde"}, {"abcde", "abcd"}, {"", "a"},
	} {
		name := filepath.Join(dir, "f")
		if err := os.WriteFile(name, []byte(tc.file), 0o644); err != nil {
			t.Fatal(err)
		}
		same, there := sameFile(name, []byte(tc.data), buf)
		if same != (tc.file == tc.data) || !there {
			t.Errorf("sameFile(%q, %q) = %v, %v", tc.file, tc.data, same, there)
		}
	}
	if same, there := sameFile(filepath.Join(dir, "none"), nil, buf); same || there {
		t.Errorf("sameFile of no file = %v, %v", same, there)
	}
	if same, _ := sameFile(dir, nil, buf); same {
		t.Error("sameFile of a folder is true")
	}
}
