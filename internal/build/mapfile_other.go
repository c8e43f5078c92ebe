//go:build !linux

package build

import "os"

// readMapped returns the bytes of the file name (os.ReadFile: see the
// Linux version, which maps the file instead).
func readMapped(name string) ([]byte, error) { return os.ReadFile(name) }
