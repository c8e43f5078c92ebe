//go:build !unix

package build

// lockDir does nothing where flock(2) is missing (Windows, where a folder
// a process has open cannot be deleted anyway).
func lockDir(string) (unlock func(), err error) { return func() {}, nil }

// locked reports false: see lockDir.
func locked(string) bool { return false }
