//go:build linux

package build

import "syscall"

// statStamp returns the stamp of the file at name (see fileStamp), ok
// false when it cannot be had.
func statStamp(name string) (fileStamp, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(name, &st); err != nil {
		return fileStamp{}, false
	}
	return fileStamp{Size: st.Size, ModTime: st.Mtim.Nano(), ChangeTime: st.Ctim.Nano(), Inode: st.Ino, Device: uint64(st.Dev)}, true //nolint:unconvert // Dev is uint32 on some architectures
}
