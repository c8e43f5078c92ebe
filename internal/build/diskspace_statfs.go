//go:build linux || darwin

package build

import "syscall"

// DiskSpace returns the bytes free (for an unprivileged user) and the
// bytes in all of the disk that holds dir (statfs(2)); ok is false when
// the system cannot say.
func DiskSpace(dir string) (free, total int64, ok bool) {
	var st syscall.Statfs_t
	if syscall.Statfs(dir, &st) != nil {
		return 0, 0, false
	}
	return int64(st.Bavail) * int64(st.Bsize), int64(st.Blocks) * int64(st.Bsize), true
}
