//go:build unix

package build

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process used so far (user and
// system), for benchmarks on a machine other jobs share.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
