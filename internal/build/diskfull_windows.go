package build

import (
	"errors"
	"syscall"
)

// DiskFull reports whether err says the disk had no room left:
// ERROR_HANDLE_DISK_FULL (39) or ERROR_DISK_FULL (112) of the Windows API.
func DiskFull(err error) bool {
	return errors.Is(err, syscall.Errno(39)) || errors.Is(err, syscall.Errno(112))
}
