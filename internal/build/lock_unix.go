//go:build unix

package build

import (
	"errors"
	"os"
	"syscall"
)

// LockDir takes an exclusive advisory lock (flock(2)) on the folder dir,
// held until unlock is called or the process ends, however it ends: a
// killed process's lock goes with it. A build locks its staging folder,
// loa serve its temporary folder, so that the leftovers of killed runs
// can be told from folders in use (Locked).
func LockDir(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// Locked reports whether a running process holds LockDir's lock on dir.
// A folder that does not exist is not locked.
func Locked(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == nil {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return false
	}
	return errors.Is(err, syscall.EWOULDBLOCK)
}
