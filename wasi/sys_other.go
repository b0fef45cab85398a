//go:build !linux

package wasi

import (
	"io/fs"
	"os"

	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"
)

// Open flags wazero has but package os lacks; outside Linux they are not
// passed on (wazero checks O_DIRECTORY itself after opening).
const (
	dirFlag   = 0
	dsyncFlag = 0
	rsyncFlag = 0
	pathFlag  = 0
)

// remove checks the kind of name, then removes it with os.Root.Remove.
func (r *rootFS) remove(name string, dir bool) experimentalsys.Errno {
	if _, _, errno := split(name); errno != 0 {
		if errno == experimentalsys.EINVAL && !dir {
			errno = experimentalsys.EISDIR
		}
		return errno
	}
	fi, err := r.root.Lstat(rel(name))
	if err != nil {
		return toErrno(err)
	}
	switch isDir := fi.Mode().Type() == fs.ModeDir; {
	case dir && !isDir:
		return experimentalsys.ENOTDIR
	case !dir && isDir:
		return experimentalsys.EISDIR
	}
	return toErrno(r.root.Remove(rel(name)))
}

// rename is os.Root.Rename, which cannot replace a directory.
func (r *rootFS) rename(from, to string) experimentalsys.Errno {
	return toErrno(r.root.Rename(rel(from), rel(to)))
}

func setAppend(*os.File, bool) error { return experimentalsys.ENOSYS }

func pwrite(f *os.File, buf []byte, off int64) (int, error) { return f.WriteAt(buf, off) }

func datasync(f *os.File) error { return f.Sync() }

func futimens(*os.File, int64, int64) error { return experimentalsys.ENOSYS }
