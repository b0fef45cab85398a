package wasi

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"
	"time"

	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"
	"github.com/tetratelabs/wazero/sys"
)

// rootFS is an experimentalsys.FS confined to one os.Root. Paths are
// relative to the root; wazero passes them cleaned and without "..", but
// rootFS does not rely on that: os.Root refuses any path, symbolic link or
// ".." component that would leave the root.
type rootFS struct {
	experimentalsys.UnimplementedFS

	root     *os.Root
	readOnly bool
}

var _ experimentalsys.FS = (*rootFS)(nil)

// String implements fmt.Stringer.
func (r *rootFS) String() string { return r.root.Name() }

// permBits is the part of an fs.FileMode that Chmod may set.
const permBits = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

// OpenFile implements experimentalsys.FS.OpenFile.
func (r *rootFS) OpenFile(name string, flag experimentalsys.Oflag, perm fs.FileMode) (experimentalsys.File, experimentalsys.Errno) {
	name = rel(name)
	const dirCreate = experimentalsys.O_DIRECTORY | experimentalsys.O_CREAT
	if flag&dirCreate == dirCreate {
		return nil, experimentalsys.EINVAL
	}
	osFlag, ok := openFlag(flag)
	if !ok {
		return nil, experimentalsys.EINVAL
	}
	if r.readOnly {
		var errno experimentalsys.Errno
		if osFlag, errno = r.readOnlyFlag(name, osFlag); errno != 0 {
			return nil, errno
		}
	}
	if flag&experimentalsys.O_NOFOLLOW != 0 {
		// os.Root follows a symbolic link in the last element; refuse it
		// first, like open(2) with O_NOFOLLOW. Losing a race here only means
		// following a link, which os.Root still confines.
		if fi, err := r.root.Lstat(name); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			if osFlag&(os.O_CREATE|os.O_EXCL) == os.O_CREATE|os.O_EXCL {
				return nil, experimentalsys.EEXIST
			}
			return nil, experimentalsys.ELOOP
		}
	}
	f, err := r.root.OpenFile(name, osFlag, perm&fs.ModePerm)
	if err != nil && name == "." && osFlag == os.O_RDONLY && errors.Is(err, fs.ErrPermission) {
		// wazero opens each mount's root lazily and fails the whole run on
		// any error but ENOENT. Keep an unreadable root usable for lookups.
		f, err = r.root.OpenFile(name, osFlag|pathFlag, 0)
	}
	if err != nil {
		return nil, toErrno(err)
	}
	return newFile(f, flag, r.readOnly), 0
}

// readOnlyFlag adjusts the os flags of an open on a read-only mount: writing
// and truncating fail with EROFS (EISDIR for a directory), and O_CREAT only
// stands when the file already exists.
func (r *rootFS) readOnlyFlag(name string, osFlag int) (int, experimentalsys.Errno) {
	if osFlag&(os.O_WRONLY|os.O_RDWR|os.O_TRUNC|os.O_CREATE) == 0 {
		return osFlag, 0
	}
	fi, err := r.root.Stat(name)
	exists := err == nil
	switch {
	case exists && fi.IsDir() && osFlag&(os.O_WRONLY|os.O_RDWR) != 0:
		return 0, experimentalsys.EISDIR
	case osFlag&(os.O_WRONLY|os.O_RDWR|os.O_TRUNC) != 0:
		return 0, experimentalsys.EROFS
	case !exists && errors.Is(err, fs.ErrNotExist):
		return 0, experimentalsys.EROFS // O_CREAT of a new file
	case !exists:
		return 0, toErrno(err)
	case osFlag&os.O_EXCL != 0:
		return 0, experimentalsys.EEXIST
	}
	return osFlag &^ os.O_CREATE, 0
}

// Lstat implements experimentalsys.FS.Lstat.
func (r *rootFS) Lstat(name string) (sys.Stat_t, experimentalsys.Errno) {
	fi, err := r.root.Lstat(rel(name))
	if err != nil {
		return sys.Stat_t{}, toErrno(err)
	}
	return sys.NewStat_t(fi), 0
}

// Stat implements experimentalsys.FS.Stat.
func (r *rootFS) Stat(name string) (sys.Stat_t, experimentalsys.Errno) {
	fi, err := r.root.Stat(rel(name))
	if err != nil {
		return sys.Stat_t{}, toErrno(err)
	}
	return sys.NewStat_t(fi), 0
}

// Mkdir implements experimentalsys.FS.Mkdir.
func (r *rootFS) Mkdir(name string, perm fs.FileMode) experimentalsys.Errno {
	if r.readOnly {
		return experimentalsys.EROFS
	}
	return toErrno(r.root.Mkdir(rel(name), perm&fs.ModePerm))
}

// Chmod implements experimentalsys.FS.Chmod.
func (r *rootFS) Chmod(name string, perm fs.FileMode) experimentalsys.Errno {
	if r.readOnly {
		return experimentalsys.EROFS
	}
	return toErrno(r.root.Chmod(rel(name), perm&permBits))
}

// Rename implements experimentalsys.FS.Rename with the semantics of
// rename(2): a directory may replace an empty directory.
func (r *rootFS) Rename(from, to string) experimentalsys.Errno {
	if r.readOnly {
		return experimentalsys.EROFS
	}
	return r.rename(from, to)
}

// Rmdir implements experimentalsys.FS.Rmdir.
func (r *rootFS) Rmdir(name string) experimentalsys.Errno {
	if r.readOnly {
		return experimentalsys.EROFS
	}
	return r.remove(name, true)
}

// Unlink implements experimentalsys.FS.Unlink.
func (r *rootFS) Unlink(name string) experimentalsys.Errno {
	if r.readOnly {
		return experimentalsys.EROFS
	}
	return r.remove(name, false)
}

// Link implements experimentalsys.FS.Link. Both paths are inside the root;
// a symbolic link oldName is linked itself, not its target.
func (r *rootFS) Link(oldName, newName string) experimentalsys.Errno {
	if r.readOnly {
		return experimentalsys.EROFS
	}
	return toErrno(r.root.Link(rel(oldName), rel(newName)))
}

// Symlink implements experimentalsys.FS.Symlink. The target is stored as
// given and only resolved, inside the root, when the link is followed. An
// absolute target fails with EPERM, as WASI requires (os.Root would refuse
// to follow it anyway).
func (r *rootFS) Symlink(target, link string) experimentalsys.Errno {
	if r.readOnly {
		return experimentalsys.EROFS
	}
	if strings.HasPrefix(target, "/") {
		return experimentalsys.EPERM
	}
	return toErrno(r.root.Symlink(strings.Clone(target), rel(link)))
}

// Readlink implements experimentalsys.FS.Readlink.
func (r *rootFS) Readlink(name string) (string, experimentalsys.Errno) {
	s, err := r.root.Readlink(rel(name))
	if err != nil {
		return "", toErrno(err)
	}
	return s, 0
}

// Utimens implements experimentalsys.FS.Utimens, following a symbolic link
// inside the root. experimentalsys.UTIME_OMIT keeps a time unchanged.
func (r *rootFS) Utimens(name string, atim, mtim int64) experimentalsys.Errno {
	if r.readOnly {
		return experimentalsys.EROFS
	}
	return toErrno(r.root.Chtimes(rel(name), nanoTime(atim), nanoTime(mtim)))
}

// nanoTime converts wazero's nanoseconds to what os.Chtimes expects: the
// zero time.Time leaves the time unchanged.
func nanoTime(ns int64) time.Time {
	if ns == experimentalsys.UTIME_OMIT {
		return time.Time{}
	}
	return time.Unix(0, ns)
}

// rel turns a path wazero passes into one os.Root accepts: wazero passes
// paths relative to the mount, but "/x" for a file in a directory it opened
// as "" and "" or "/" for the root itself.
func rel(name string) string {
	name = strings.TrimLeft(name, "/")
	if name == "" {
		return "."
	}
	return name
}

// split cleans name and splits it into the directory holding its last
// element and that element. A trailing slash stays on the element, so that
// the *at system calls still require a directory. It fails with EPERM for a
// path leaving the root and EINVAL for the root itself.
func split(name string) (dir, base string, errno experimentalsys.Errno) {
	slash := strings.HasSuffix(name, "/")
	c := path.Clean(rel(name))
	switch {
	case c == "..", strings.HasPrefix(c, "../"):
		return "", "", experimentalsys.EPERM
	case c == ".":
		return "", "", experimentalsys.EINVAL
	}
	dir, base = path.Split(c)
	if dir = strings.TrimSuffix(dir, "/"); dir == "" {
		dir = "."
	}
	if slash {
		base += "/"
	}
	return dir, base, 0
}

// openFlag converts wazero's open flags to os flags. O_NOFOLLOW is handled
// by the caller. It reports false for an invalid access mode.
func openFlag(flag experimentalsys.Oflag) (int, bool) {
	var f int
	switch flag & (experimentalsys.O_RDONLY | experimentalsys.O_RDWR | experimentalsys.O_WRONLY) {
	case experimentalsys.O_RDONLY:
		f = os.O_RDONLY
	case experimentalsys.O_RDWR:
		f = os.O_RDWR
	case experimentalsys.O_WRONLY:
		f = os.O_WRONLY
	default:
		return 0, false
	}
	for _, m := range [...]struct {
		from experimentalsys.Oflag
		to   int
	}{
		{experimentalsys.O_APPEND, os.O_APPEND},
		{experimentalsys.O_CREAT, os.O_CREATE},
		{experimentalsys.O_EXCL, os.O_EXCL},
		{experimentalsys.O_TRUNC, os.O_TRUNC},
		{experimentalsys.O_SYNC, os.O_SYNC},
		{experimentalsys.O_DIRECTORY, dirFlag},
		{experimentalsys.O_DSYNC, dsyncFlag},
		{experimentalsys.O_RSYNC, rsyncFlag},
	} {
		if flag&m.from != 0 {
			f |= m.to
		}
	}
	return f, true
}

// toErrno maps an error from os or os.Root to a wazero Errno: a path that
// would leave the root gives EPERM, and errors wazero does not know give EIO.
func toErrno(err error) experimentalsys.Errno {
	if err == nil {
		return 0
	}
	var en syscall.Errno
	if errors.As(err, &en) {
		return experimentalsys.UnwrapOSError(en)
	}
	switch {
	case errors.Is(err, io.EOF):
		return 0
	case errors.Is(err, fs.ErrClosed):
		return experimentalsys.EBADF
	}
	for u := errors.Unwrap(err); u != nil; u = errors.Unwrap(err) {
		err = u
	}
	switch err.Error() {
	case "path escapes from parent": // os.Root's unexported errPathEscapes
		return experimentalsys.EPERM
	case "empty path", "unsupported file mode":
		return experimentalsys.EINVAL
	}
	return experimentalsys.UnwrapOSError(err)
}
