//go:build !linux

package build

import (
	"io/fs"
	"os"
)

// statStamp says no stamp can be had: without a change time (ctime) a
// file edited with its modification time put back would look unchanged,
// so every content file is read, as without the cache.
func statStamp(string) (fileStamp, bool) { return fileStamp{}, false }

// changeStamp returns zeros: without a change time an output file
// changed with its size and time put back is not seen.
func changeStamp(fs.FileInfo) (ctime int64, inode uint64) { return 0, 0 }

// lstatOut returns the stamp of the file or folder at name, not following
// a symbolic link, without its change time and inode.
func lstatOut(name string) (outStamp, error) {
	info, err := os.Lstat(name)
	if err != nil {
		return outStamp{}, err
	}
	return outStamp{regular: info.Mode().IsRegular(), dir: info.IsDir(), size: info.Size(), modTime: info.ModTime().UnixNano()}, nil
}
