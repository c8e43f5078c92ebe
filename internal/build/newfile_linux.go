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
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
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
