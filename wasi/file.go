package wasi

import (
	"io"
	"os"

	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"
	"github.com/tetratelabs/wazero/sys"
)

// file is an experimentalsys.File over an *os.File opened through an
// os.Root.
type file struct {
	fileBase[int64]

	f        *os.File
	append   bool // O_APPEND is set on the descriptor
	readOnly bool // on a read-only mount
	closed   bool

	// Cached by Stat: Dev, Ino and IsDir do not change while open.
	statted bool
	dev     uint64
	ino     sys.Inode
	dir     bool
}

var _ experimentalsys.File = (*file)(nil)

func newFile(f *os.File, flag experimentalsys.Oflag, readOnly bool) *file {
	nf := &file{f: f, append: flag&experimentalsys.O_APPEND != 0, readOnly: readOnly}
	nf.fileBase.file = nf
	return nf
}

func (f *file) cached() experimentalsys.Errno {
	if f.statted {
		return 0
	}
	_, errno := f.Stat()
	return errno
}

// Dev implements experimentalsys.File.Dev.
func (f *file) Dev() (uint64, experimentalsys.Errno) {
	errno := f.cached()
	return f.dev, errno
}

// Ino implements experimentalsys.File.Ino.
func (f *file) Ino() (sys.Inode, experimentalsys.Errno) {
	errno := f.cached()
	return f.ino, errno
}

// IsDir implements experimentalsys.File.IsDir.
func (f *file) IsDir() (bool, experimentalsys.Errno) {
	errno := f.cached()
	return f.dir, errno
}

// IsAppend implements experimentalsys.File.IsAppend.
func (f *file) IsAppend() bool { return f.append }

// SetAppend implements experimentalsys.File.SetAppend.
func (f *file) SetAppend(enable bool) experimentalsys.Errno {
	if f.closed {
		return experimentalsys.EBADF
	}
	if dir, errno := f.IsDir(); errno != 0 {
		return errno
	} else if dir {
		return experimentalsys.EISDIR
	}
	if errno := toErrno(setAppend(f.f, enable)); errno != 0 {
		return errno
	}
	f.append = enable
	return 0
}

// Stat implements experimentalsys.File.Stat.
func (f *file) Stat() (sys.Stat_t, experimentalsys.Errno) {
	if f.closed {
		return sys.Stat_t{}, experimentalsys.EBADF
	}
	fi, err := f.f.Stat()
	if err != nil {
		return sys.Stat_t{}, toErrno(err)
	}
	st := sys.NewStat_t(fi)
	f.dev, f.ino, f.dir, f.statted = st.Dev, st.Ino, fi.IsDir(), true
	return st, 0
}

// Read implements experimentalsys.File.Read. At the end of the file it
// returns (0, 0).
func (f *file) Read(buf []byte) (int, experimentalsys.Errno) {
	if len(buf) == 0 {
		return 0, 0
	}
	n, err := f.f.Read(buf)
	return n, f.fileErr(err)
}

// Pread implements experimentalsys.File.Pread.
func (f *file) Pread(buf []byte, off int64) (int, experimentalsys.Errno) {
	if off < 0 {
		return 0, experimentalsys.EINVAL
	}
	if len(buf) == 0 {
		return 0, 0
	}
	n, err := f.f.ReadAt(buf, off)
	return n, f.fileErr(err)
}

// fileBase embeds UnimplementedFile for forward compatibility and
// implements Seek. Seek is declared here, with a type parameter for its
// offset, only because go vet's stdmethods check wants every
// Seek(int64, int) method to return error, while wazero's returns Errno.
type fileBase[Off ~int64] struct {
	experimentalsys.UnimplementedFile

	file *file
}

// Seek implements experimentalsys.File.Seek. A directory can only be
// sought to zero, which rewinds Readdir.
func (b fileBase[Off]) Seek(offset Off, whence int) (int64, experimentalsys.Errno) {
	f := b.file
	if uint(whence) > io.SeekEnd {
		return 0, experimentalsys.EINVAL
	}
	if offset != 0 || whence != io.SeekStart {
		if dir, errno := f.IsDir(); errno != 0 {
			return 0, errno
		} else if dir {
			return 0, experimentalsys.EISDIR
		}
	}
	n, err := f.f.Seek(int64(offset), whence)
	if err != nil {
		return 0, toErrno(err)
	}
	return n, 0
}

// Readdir implements experimentalsys.File.Readdir. Like os.File, it never
// returns "." or ".."; wazero adds those itself.
func (f *file) Readdir(n int) ([]experimentalsys.Dirent, experimentalsys.Errno) {
	if f.closed {
		return nil, experimentalsys.EBADF
	}
	fis, err := f.f.Readdir(n)
	if errno := toErrno(err); errno != 0 {
		switch errno {
		case experimentalsys.ENOTDIR, experimentalsys.EINVAL:
			errno = experimentalsys.EBADF
		}
		return nil, errno
	}
	dirents := make([]experimentalsys.Dirent, 0, len(fis))
	for _, fi := range fis {
		dirents = append(dirents, experimentalsys.Dirent{
			Name: fi.Name(),
			Ino:  sys.NewStat_t(fi).Ino,
			Type: fi.Mode().Type(),
		})
	}
	return dirents, 0
}

// Write implements experimentalsys.File.Write.
func (f *file) Write(buf []byte) (int, experimentalsys.Errno) {
	if f.readOnly {
		return 0, f.writeErr()
	}
	if len(buf) == 0 {
		return 0, 0
	}
	n, err := f.f.Write(buf)
	return n, f.fileErr(err)
}

// Pwrite implements experimentalsys.File.Pwrite. As on Linux, a file in
// append mode appends whatever the offset.
func (f *file) Pwrite(buf []byte, off int64) (int, experimentalsys.Errno) {
	if f.readOnly {
		return 0, f.writeErr()
	}
	if off < 0 {
		return 0, experimentalsys.EINVAL
	}
	if len(buf) == 0 {
		return 0, 0
	}
	n, err := pwrite(f.f, buf, off)
	return n, f.fileErr(err)
}

// Truncate implements experimentalsys.File.Truncate.
func (f *file) Truncate(size int64) experimentalsys.Errno {
	if f.readOnly {
		return f.writeErr()
	}
	if size < 0 {
		return experimentalsys.EINVAL
	}
	return f.fileErr(f.f.Truncate(size))
}

// Sync implements experimentalsys.File.Sync.
func (f *file) Sync() experimentalsys.Errno {
	if f.closed {
		return experimentalsys.EBADF
	}
	return toErrno(f.f.Sync())
}

// Datasync implements experimentalsys.File.Datasync.
func (f *file) Datasync() experimentalsys.Errno {
	if f.closed {
		return experimentalsys.EBADF
	}
	return toErrno(datasync(f.f))
}

// Utimens implements experimentalsys.File.Utimens.
func (f *file) Utimens(atim, mtim int64) experimentalsys.Errno {
	switch {
	case f.closed:
		return experimentalsys.EBADF
	case f.readOnly:
		return experimentalsys.EROFS
	}
	return toErrno(futimens(f.f, atim, mtim))
}

// Close implements experimentalsys.File.Close. Closing twice is not an
// error.
func (f *file) Close() experimentalsys.Errno {
	if f.closed {
		return 0
	}
	f.closed = true
	return toErrno(f.f.Close())
}

// fileErr maps err from an operation on a regular file: EBADF once closed
// and EISDIR on a directory, whatever the system said.
func (f *file) fileErr(err error) experimentalsys.Errno {
	errno := toErrno(err)
	if errno == 0 {
		return 0
	}
	if f.closed {
		return experimentalsys.EBADF
	}
	if dir, e := f.IsDir(); e == 0 && dir {
		return experimentalsys.EISDIR
	}
	return errno
}

// writeErr is the error of a write on a read-only mount, where every file
// is open for reading only.
func (f *file) writeErr() experimentalsys.Errno {
	if f.closed {
		return experimentalsys.EBADF
	}
	if dir, e := f.IsDir(); e == 0 && dir {
		return experimentalsys.EISDIR
	}
	return experimentalsys.EBADF
}
