//go:build linux

package build

import (
	"io/fs"
	"syscall"
)

// statStamp returns the stamp of the file at name (see fileStamp), ok
// false when it cannot be had.
func statStamp(name string) (fileStamp, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(name, &st); err != nil {
		return fileStamp{}, false
	}
	return fileStamp{Size: st.Size, ModTime: st.Mtim.Nano(), ChangeTime: st.Ctim.Nano(), Inode: st.Ino, Device: uint64(st.Dev)}, true //nolint:unconvert // Dev is uint32 on some architectures
}

// changeStamp returns the change time (ctime, ns) and inode of the file
// info describes (from os.Lstat), or zeros when the system does not give
// them.
func changeStamp(info fs.FileInfo) (ctime int64, inode uint64) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Ctim.Nano(), st.Ino
	}
	return 0, 0
}
