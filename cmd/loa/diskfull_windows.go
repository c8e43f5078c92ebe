package main

import (
	"errors"
	"syscall"
)

// diskFull reports whether err says the disk had no room left:
// ERROR_HANDLE_DISK_FULL (39) or ERROR_DISK_FULL (112) of the Windows API.
func diskFull(err error) bool {
	return errors.Is(err, syscall.Errno(39)) || errors.Is(err, syscall.Errno(112))
}
