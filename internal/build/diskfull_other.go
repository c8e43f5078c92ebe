//go:build !windows

package build

import (
	"errors"
	"syscall"
)

// DiskFull reports whether err says the disk had no room left: ENOSPC, or
// EDQUOT (the user's quota on it is used up).
func DiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
