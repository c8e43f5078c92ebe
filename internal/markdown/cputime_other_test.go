//go:build !unix

package markdown

import "time"

var started = time.Now()

// cpuTime falls back to wall time where the process's CPU time is not
// known.
func cpuTime() time.Duration { return time.Since(started) }
