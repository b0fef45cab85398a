//go:build linux

package wasi

import (
	"os"
	"unsafe"

	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"
	"golang.org/x/sys/unix"
)

// Open flags wazero has but package os lacks.
const (
	dirFlag   = unix.O_DIRECTORY
	dsyncFlag = unix.O_DSYNC
	rsyncFlag = unix.O_RSYNC
	pathFlag  = unix.O_PATH
)

// remove removes name with unlinkat(2), as rmdir when dir is set. The
// directory holding name is opened through the os.Root, and unlinkat does
// not follow a symbolic link in the last element, so this cannot leave the
// root; unlike os.Root.Remove it does exactly one of unlink and rmdir.
func (r *rootFS) remove(name string, dir bool) experimentalsys.Errno {
	d, base, errno := r.parent(name)
	if errno != 0 {
		if errno == experimentalsys.EINVAL && !dir {
			errno = experimentalsys.EISDIR // unlink of the mount's root
		}
		return errno
	}
	defer d.Close()
	flags := 0
	if dir {
		flags = unix.AT_REMOVEDIR
	}
	return toErrno(control(d, func(fd int) error { return unix.Unlinkat(fd, base, flags) }))
}

// rename is rename(2) between two directories opened through the os.Root:
// unlike os.Root.Rename, a directory replaces an empty directory and a file
// onto a directory fails with EISDIR.
func (r *rootFS) rename(from, to string) experimentalsys.Errno {
	d1, b1, errno := r.parent(from)
	if errno != 0 {
		return errno
	}
	defer d1.Close()
	d2, b2, errno := r.parent(to)
	if errno != 0 {
		return errno
	}
	defer d2.Close()
	return toErrno(control(d1, func(fd1 int) error {
		return control(d2, func(fd2 int) error { return unix.Renameat(fd1, b1, fd2, b2) })
	}))
}

// parent opens the directory holding name, confined by the os.Root, and
// returns it with the last element of name.
func (r *rootFS) parent(name string) (*os.File, string, experimentalsys.Errno) {
	dir, base, errno := split(name)
	if errno != 0 {
		return nil, "", errno
	}
	d, err := r.root.OpenFile(dir, os.O_RDONLY|unix.O_DIRECTORY|unix.O_PATH, 0)
	if err != nil {
		return nil, "", toErrno(err)
	}
	return d, base, 0
}

// control runs fn with the descriptor of f.
func control(f *os.File, fn func(fd int) error) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	if err := rc.Control(func(fd uintptr) { ferr = fn(int(fd)) }); err != nil {
		return err
	}
	return ferr
}

// setAppend sets or clears O_APPEND on f's descriptor.
func setAppend(f *os.File, enable bool) error {
	return control(f, func(fd int) error {
		fl, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
		if err != nil {
			return err
		}
		if enable {
			fl |= unix.O_APPEND
		} else {
			fl &^= unix.O_APPEND
		}
		_, err = unix.FcntlInt(uintptr(fd), unix.F_SETFL, fl)
		return err
	})
}

// pwrite is pwrite(2) until buf is written or an error occurs. Unlike
// os.File.WriteAt it works in append mode, where Linux appends.
func pwrite(f *os.File, buf []byte, off int64) (n int, err error) {
	err = control(f, func(fd int) error {
		for len(buf) > 0 {
			m, err := unix.Pwrite(fd, buf, off)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				return err
			}
			if m <= 0 {
				return unix.EIO
			}
			n += m
			buf = buf[m:]
			off += int64(m)
		}
		return nil
	})
	return n, err
}

// datasync is fdatasync(2).
func datasync(f *os.File) error {
	return control(f, unix.Fdatasync)
}

// futimens is futimens(3): utimensat(2) on the descriptor with a NULL path.
func futimens(f *os.File, atim, mtim int64) error {
	if atim == experimentalsys.UTIME_OMIT && mtim == experimentalsys.UTIME_OMIT {
		return nil
	}
	ts := [2]unix.Timespec{timespec(atim), timespec(mtim)}
	return control(f, func(fd int) error {
		_, _, e := unix.Syscall6(unix.SYS_UTIMENSAT, uintptr(fd), 0, uintptr(unsafe.Pointer(&ts[0])), 0, 0, 0)
		if e != 0 {
			return e
		}
		return nil
	})
}

func timespec(ns int64) unix.Timespec {
	if ns == experimentalsys.UTIME_OMIT {
		return unix.Timespec{Nsec: unix.UTIME_OMIT}
	}
	return unix.NsecToTimespec(ns)
}
