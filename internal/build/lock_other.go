//go:build !unix

package build

// LockDir does nothing where flock(2) is missing (Windows).
func LockDir(string) (unlock func(), err error) { return func() {}, nil }

// Locked reports true where flock(2) is missing: without a lock, a folder
// in use cannot be told from a leftover, so none is removed.
func Locked(string) bool { return true }
