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

// lstatOut returns the stamp of the file or folder at name, not following
// a symbolic link (os.Lstat's, with no FileInfo made for each of the
// output's tens of thousands of files).
func lstatOut(name string) (outStamp, error) {
	var st syscall.Stat_t
	if err := syscall.Lstat(name, &st); err != nil {
		return outStamp{}, err
	}
	return outStamp{regular: st.Mode&syscall.S_IFMT == syscall.S_IFREG, dir: st.Mode&syscall.S_IFMT == syscall.S_IFDIR,
		size: st.Size, modTime: st.Mtim.Nano(), changeTime: st.Ctim.Nano(), inode: st.Ino}, nil
}
