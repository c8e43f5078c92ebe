package build

import (
	"syscall"
	"unsafe"
)

var getDiskFreeSpaceEx = syscall.NewLazyDLL("kernel32.dll").NewProc("GetDiskFreeSpaceExW")

// DiskSpace returns the bytes free (for the calling user) and the bytes
// in all of the disk that holds dir (GetDiskFreeSpaceExW of the Windows
// API); ok is false when the system cannot say.
func DiskSpace(dir string) (free, total int64, ok bool) {
	p, err := syscall.UTF16PtrFromString(dir)
	if err != nil {
		return 0, 0, false
	}
	var avail, all, totalFree uint64
	r, _, _ := getDiskFreeSpaceEx.Call(uintptr(unsafe.Pointer(p)),
		uintptr(unsafe.Pointer(&avail)), uintptr(unsafe.Pointer(&all)), uintptr(unsafe.Pointer(&totalFree)))
	if r == 0 {
		return 0, 0, false
	}
	return int64(avail), int64(all), true
}
