//go:build !linux && !darwin && !windows

package build

// DiskSpace says the system cannot tell the disk's space (ok false):
// statfs differs too much between the other systems.
func DiskSpace(dir string) (free, total int64, ok bool) { return 0, 0, false }
