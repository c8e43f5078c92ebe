//go:build !linux

package build

import "os"

// writeNew writes data to a new file at name (os.WriteFile).
func writeNew(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
