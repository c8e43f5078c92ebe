//go:build linux

package build

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// writeNew writes data to a new file at name, as os.WriteFile(name, data,
// 0o644) does, with the open, write and close system calls alone: an
// *os.File also asks the kernel whether the file can join the runtime's
// poller (epoll_ctl, refused for a regular file) and reads and sets its
// flags (fcntl), five calls more for every file of a build.
func writeNew(name string, data []byte) error {
	return writeNewAt(atFDCWD, name, name, data)
}

// atFDCWD is AT_FDCWD of <linux/fcntl.h> (the same on every architecture),
// which package syscall does not export: a path relative to it is relative
// to the working folder, as for open.
const atFDCWD = -100

// writeNewAt is writeNew for the file at path relative to the folder open
// as dirfd (atFDCWD: the working folder); errors name the file
// name.
func writeNewAt(dirfd int, path, name string, data []byte) error {
	var fd int
	var err error
	for {
		fd, err = syscall.Openat(dirfd, path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		return &os.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		n, err = syscall.Write(fd, data)
		switch {
		case errors.Is(err, syscall.EINTR):
			err = nil
		case err != nil:
			err = &os.PathError{Op: "write", Path: name, Err: err}
		case n == 0:
			err = io.ErrShortWrite
		default:
			data = data[n:]
		}
	}
	if cerr := syscall.Close(fd); cerr != nil && err == nil {
		err = &os.PathError{Op: "close", Path: name, Err: cerr}
	}
	return err
}
