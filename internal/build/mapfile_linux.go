//go:build linux

package build

import (
	"os"
	"syscall"
)

// readMapped returns the bytes of the file name, for a reader that
// keeps them as long as the process lives and never changes them (the
// cache's main file and shards: what is decoded from them shares their
// bytes, see dec.text). On Linux they are the file's pages in the
// system's cache, mapped read-only with their page tables filled at once
// (MAP_POPULATE), not a copy: reading the 35 MB of a warm build's cache
// at 10,000 pages per language into fresh memory took the system a page
// fault per 4 KB, most of the time of decoding it. The mapping is never
// undone (a warm build's Result quotes strings from it), so name must be
// a file that is replaced by rename, never written in place: loa writes
// every such file through a temporary file (writeFileAtomic, or a shard
// stream renamed into place). One truncated by hand while it is mapped
// makes a later read of its lost pages a fault that ends the process, as
// a kill would (the journal, journal.go, covers that). A file that cannot
// be mapped (empty, not regular, or mmap refused) is read as os.ReadFile
// reads it. Errors are os.Open's and Stat's.
func readMapped(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	if size <= 0 || size != int64(int(size)) || !info.Mode().IsRegular() {
		return os.ReadFile(name)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_PRIVATE|syscall.MAP_POPULATE)
	if err != nil {
		return os.ReadFile(name)
	}
	return data, nil
}
