package mpibridge

// #include "calls.h"
// #include "calls_ext.h"
// #include "shim.h"
import "C"

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// MPI-IO. File names are guest paths: the bridge resolves them through the
// WASI mount table (the --dir mounts) and opens or creates the file itself
// through the mount's os.Root, which confines "..", absolute symlinks and
// symlinks leading out of the mount. The host MPI then opens
// /proc/self/fd/N, the bridge's own descriptor: it never sees a path the
// guest chose, and the file cannot be swapped for another between the
// check and the open. MPI_MODE_DELETE_ON_CLOSE and MPI_File_delete remove
// files through the root too.
var ioFunctions = []function{
	// MPI_File_open(comm, filename, amode, info, fh): collective; every
	// rank opens the file in its own mounts, and if any rank cannot, all
	// return the error (the highest class) without calling the host.
	// Errors go to MPI_FILE_NULL's error handler (MPI_ERRORS_RETURN unless
	// set); a new file inherits that handler.
	{"MPI_File_open", (*Bridge).fileOpen, "comm filename amode info fh", false},
	{"MPI_File_close", (*Bridge).fileClose, "fh", false},
	// MPI_File_delete(filename, info): a regular file in a writable mount.
	{"MPI_File_delete", (*Bridge).fileDelete, "filename info", false},
	// MPI_File_set_view(fh, disp, etype, filetype, datarep, info): disp is
	// an MPI_Offset or MPI_DISPLACEMENT_CURRENT.
	{"MPI_File_set_view", (*Bridge).fileSetView, "fh disp:i64 etype filetype datarep info", false},
	// Data access: the buffer is checked over its true extent.
	{"MPI_File_read", func(b *Bridge, s []uint64) { b.fileIO(s, "MPI_File_read", 0) }, "fh buf count datatype status", false},
	{"MPI_File_write", func(b *Bridge, s []uint64) { b.fileIO(s, "MPI_File_write", C.WR_IO_WRITE) }, "fh buf count datatype status", false},
	{"MPI_File_read_all", func(b *Bridge, s []uint64) { b.fileIO(s, "MPI_File_read_all", C.WR_IO_ALL) }, "fh buf count datatype status", false},
	{"MPI_File_write_all", func(b *Bridge, s []uint64) { b.fileIO(s, "MPI_File_write_all", C.WR_IO_ALL|C.WR_IO_WRITE) }, "fh buf count datatype status", false},
	{"MPI_File_read_at", func(b *Bridge, s []uint64) { b.fileIO(s, "MPI_File_read_at", C.WR_IO_AT) }, "fh offset:i64 buf count datatype status", false},
	{"MPI_File_write_at", func(b *Bridge, s []uint64) { b.fileIO(s, "MPI_File_write_at", C.WR_IO_AT|C.WR_IO_WRITE) }, "fh offset:i64 buf count datatype status", false},
	{"MPI_File_read_at_all", func(b *Bridge, s []uint64) { b.fileIO(s, "MPI_File_read_at_all", C.WR_IO_AT|C.WR_IO_ALL) }, "fh offset:i64 buf count datatype status", false},
	{"MPI_File_write_at_all", func(b *Bridge, s []uint64) {
		b.fileIO(s, "MPI_File_write_at_all", C.WR_IO_AT|C.WR_IO_ALL|C.WR_IO_WRITE)
	}, "fh offset:i64 buf count datatype status", false},
	// Nonblocking data access: complete with MPI_Wait & co.
	{"MPI_File_iread", func(b *Bridge, s []uint64) { b.fileIIO(s, "MPI_File_iread", 0) }, "fh buf count datatype request", false},
	{"MPI_File_iwrite", func(b *Bridge, s []uint64) { b.fileIIO(s, "MPI_File_iwrite", C.WR_IO_WRITE) }, "fh buf count datatype request", false},
	{"MPI_File_iread_all", func(b *Bridge, s []uint64) { b.fileIIO(s, "MPI_File_iread_all", C.WR_IO_ALL) }, "fh buf count datatype request", false},
	{"MPI_File_iwrite_all", func(b *Bridge, s []uint64) { b.fileIIO(s, "MPI_File_iwrite_all", C.WR_IO_ALL|C.WR_IO_WRITE) }, "fh buf count datatype request", false},
	{"MPI_File_iread_at", func(b *Bridge, s []uint64) { b.fileIIO(s, "MPI_File_iread_at", C.WR_IO_AT) }, "fh offset:i64 buf count datatype request", false},
	{"MPI_File_iwrite_at", func(b *Bridge, s []uint64) { b.fileIIO(s, "MPI_File_iwrite_at", C.WR_IO_AT|C.WR_IO_WRITE) }, "fh offset:i64 buf count datatype request", false},
	{"MPI_File_iread_at_all", func(b *Bridge, s []uint64) { b.fileIIO(s, "MPI_File_iread_at_all", C.WR_IO_AT|C.WR_IO_ALL) }, "fh offset:i64 buf count datatype request", false},
	{"MPI_File_iwrite_at_all", func(b *Bridge, s []uint64) {
		b.fileIIO(s, "MPI_File_iwrite_at_all", C.WR_IO_AT|C.WR_IO_ALL|C.WR_IO_WRITE)
	}, "fh offset:i64 buf count datatype request", false},
	{"MPI_File_get_size", func(b *Bridge, s []uint64) { b.fileOffsetOut(s, "MPI_File_get_size") }, "fh size", false},
	{"MPI_File_set_size", func(b *Bridge, s []uint64) { b.fileSize(s, "MPI_File_set_size", false) }, "fh size:i64", false},
	{"MPI_File_preallocate", func(b *Bridge, s []uint64) { b.fileSize(s, "MPI_File_preallocate", true) }, "fh size:i64", false},
	{"MPI_File_sync", (*Bridge).fileSync, "fh", false},
	// MPI_File_seek(fh, offset, whence): MPI_SEEK_SET, _CUR or _END.
	{"MPI_File_seek", (*Bridge).fileSeek, "fh offset:i64 whence", false},
	{"MPI_File_get_position", func(b *Bridge, s []uint64) { b.fileOffsetOut(s, "MPI_File_get_position") }, "fh offset", false},
	{"MPI_File_get_byte_offset", (*Bridge).fileGetByteOffset, "fh offset:i64 disp", false},
	// MPI_File_get_amode(fh, amode): as given to MPI_File_open.
	{"MPI_File_get_amode", (*Bridge).fileGetAmode, "fh amode", false},
	{"MPI_File_get_group", (*Bridge).fileGetGroup, "fh group", false},
	{"MPI_File_set_atomicity", (*Bridge).fileSetAtomicity, "fh flag", false},
	{"MPI_File_get_atomicity", (*Bridge).fileGetAtomicity, "fh flag", false},
	// MPI_File_set_errhandler(fh, errhandler): fh may be MPI_FILE_NULL,
	// whose handler applies to MPI_File_open and MPI_File_delete. The
	// default for files is MPI_ERRORS_RETURN.
	{"MPI_File_set_errhandler", (*Bridge).fileSetErrhandler, "file errhandler", false},
	{"MPI_File_get_errhandler", (*Bridge).fileGetErrhandler, "file errhandler", false},
}

// file is a guest MPI_File.
type file struct {
	host  C.uintptr_t
	errh  uint32
	amode int32
	// the bridge's own descriptor, which the host opened as
	// /proc/self/fd/N; closed after the host's MPI_File_close
	local *os.File
	root  *os.Root // of the mount, for MPI_MODE_DELETE_ON_CLOSE
	rel   string
}

// maxPath is the longest file name the bridge reads from the guest.
const maxPath = 4096

// failFile applies f's error handler, or MPI_FILE_NULL's when f is nil.
func (b *Bridge) failFile(f *file, fn string, class int32, format string, args ...any) int32 {
	return b.failErrh(b.fileErrh(f), fn, class, format, args...)
}

func (b *Bridge) fileErrh(f *file) uint32 {
	if f != nil {
		return f.errh
	}
	if e := b.extra().fileNullErrh; e != 0 {
		return e
	}
	return errorsReturn
}

func (b *Bridge) fileHostError(f *file, fn string, rc C.int) int32 {
	if rc == 0 {
		return 0
	}
	return b.failFile(f, fn, int32(C.wr_abi_errclass(rc)), "the host MPI library returned error %d", int(rc))
}

// fileArg checks MPI state and a file handle; an invalid one is reported
// through MPI_FILE_NULL's error handler.
func (b *Bridge) fileArg(fn string, h uint32) (*file, int32, bool) {
	if rc, ok := b.ready(fn); !ok {
		return nil, rc, false
	}
	f, ok := b.files.Get(h)
	if !ok {
		return nil, b.failFile(nil, fn, errFile, "invalid file handle %#x", h), false
	}
	return f, 0, true
}

// ---- opening, closing, deleting ----

const accessModes = modeRdonly | modeWronly | modeRdwr

// amodeCheck validates an access mode (MPI-3.1 13.2.1).
func amodeCheck(a int32) string {
	const all = modeAppend | modeCreate | modeDeleteOnClose | modeExcl | accessModes | modeSequential | modeUniqueOpen
	n := 0
	for _, m := range [...]int32{modeRdonly, modeWronly, modeRdwr} {
		if a&m != 0 {
			n++
		}
	}
	switch {
	case a&^all != 0:
		return "unknown bits"
	case n != 1:
		return "not exactly one of MPI_MODE_RDONLY, MPI_MODE_WRONLY and MPI_MODE_RDWR"
	case a&modeRdonly != 0 && a&(modeCreate|modeExcl) != 0:
		return "MPI_MODE_RDONLY with MPI_MODE_CREATE or MPI_MODE_EXCL"
	case a&modeRdwr != 0 && a&modeSequential != 0:
		return "MPI_MODE_RDWR with MPI_MODE_SEQUENTIAL"
	}
	return ""
}

// guestPath reads the file name at off. Relative names are taken from the
// guest's root, wasi-libc's initial working directory.
func (b *Bridge) guestPath(off uint32) (string, bool) {
	name, ok := b.cString(off, maxPath)
	if !ok {
		return "", false
	}
	p := string(name)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p, true
}

// openLocal opens (or creates) guest path p for amode through the mounts.
// It returns the error class and why when it cannot.
func (b *Bridge) openLocal(p string, amode int32, create, excl bool) (*os.File, *os.Root, string, int32, string) {
	if b.mounts == nil {
		return nil, nil, "", errAccess, p + ": no directory is mounted (wasmrun --dir)"
	}
	root, rel, ro, err := b.mounts.Resolve(p)
	if err != nil {
		return nil, nil, "", errAccess, p + " is outside every mounted directory"
	}
	if ro && (amode&(modeWronly|modeRdwr|modeDeleteOnClose) != 0 || create) {
		return nil, nil, "", errReadOnly, p + " is in a read-only mount"
	}
	flags := os.O_RDONLY
	switch {
	case amode&modeWronly != 0:
		flags = os.O_WRONLY
	case amode&modeRdwr != 0:
		flags = os.O_RDWR
	}
	if create {
		flags |= os.O_CREATE
		if excl {
			flags |= os.O_EXCL
		}
	}
	// O_NONBLOCK: a FIFO must not block the open; it is refused below.
	f, err := root.OpenFile(rel, flags|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0o666)
	if err != nil {
		class := ioClass(err)
		return nil, nil, "", class, p + ": " + strings.TrimPrefix(err.Error(), "openat ")
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, "", errBadFile, p + " is not a regular file"
	}
	return f, root, rel, 0, ""
}

// ioClass is the MPI error class for a failed file operation.
func ioClass(err error) int32 {
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errNoSuchFile
	case errors.Is(err, fs.ErrExist):
		return errFileExists
	case errors.Is(err, syscall.EISDIR), errors.Is(err, syscall.ENOTDIR), errors.Is(err, syscall.ENAMETOOLONG):
		return errBadFile
	case errors.Is(err, syscall.EROFS):
		return errReadOnly
	case errors.Is(err, syscall.ENOSPC):
		return errNoSpace
	case errors.Is(err, syscall.EDQUOT):
		return errQuota
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.ELOOP):
		return errAccess
	case errors.As(err, &errno):
		return errIO
	}
	// os.Root's refusal of a path that leaves the root is not an errno.
	return errAccess
}

func (b *Bridge) fileOpen(s []uint64) {
	const fn = "MPI_File_open"
	ch, nameOff, amode, ih, out := uint32(s[0]), uint32(s[1]), int32(s[2]), uint32(s[3]), uint32(s[4])
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	c, ok := b.comm(ch)
	if !ok {
		s[0] = ret(b.failFile(nil, fn, errComm, "invalid communicator %#x", ch))
		return
	}
	if !b.inBounds(out, 4) {
		s[0] = ret(b.failFile(nil, fn, errArg, "fh pointer %#x is outside guest memory", out))
		return
	}
	b.writeI32(out, int32(fileNull))
	p, ok := b.guestPath(nameOff)
	if !ok {
		s[0] = ret(b.failFile(nil, fn, errBadFile, "the file name at %#x is not a NUL-terminated string of at most %d bytes within guest memory", nameOff, maxPath))
		return
	}
	if why := amodeCheck(amode); why != "" {
		s[0] = ret(b.failFile(nil, fn, errAmode, "invalid amode %#x: %s", amode, why))
		return
	}
	info, ok := b.info(ih)
	if !ok {
		s[0] = ret(b.failFile(nil, fn, errInfo, "invalid info %#x", ih))
		return
	}

	// Every rank opens the file itself. With MPI_MODE_CREATE rank 0
	// creates it first (honouring MPI_MODE_EXCL) and the others follow;
	// then all agree, so that either all call the host or none does.
	create, excl := amode&modeCreate != 0, amode&modeExcl != 0
	var (
		local *os.File
		root  *os.Root
		rel   string
		class int32
		why   string
	)
	if c.size > 1 && create {
		if c.rank == 0 {
			local, root, rel, class, why = b.openLocal(p, amode, true, excl)
		}
		b.outInt[0] = C.int(class)
		if rc := C.wr_comm_bcast_int(c.host, &b.outInt[0]); rc != 0 {
			closeLocal(local)
			s[0] = ret(b.fileHostError(nil, fn, rc))
			return
		}
		if first := int32(b.outInt[0]); first != 0 {
			if why == "" {
				why = p + ": rank 0 could not create it"
			}
			s[0] = ret(b.failFile(nil, fn, first, "%s", why))
			return
		}
		if c.rank != 0 {
			local, root, rel, class, why = b.openLocal(p, amode, true, false)
		}
	} else {
		local, root, rel, class, why = b.openLocal(p, amode, create, excl)
	}
	if c.size > 1 {
		b.outInt[0] = C.int(class)
		if rc := C.wr_comm_max_int(c.host, &b.outInt[0]); rc != 0 {
			closeLocal(local)
			s[0] = ret(b.fileHostError(nil, fn, rc))
			return
		}
		if all := int32(b.outInt[0]); all != 0 {
			closeLocal(local)
			if why == "" {
				why = p + ": another rank could not open it"
			}
			s[0] = ret(b.failFile(nil, fn, all, "%s", why))
			return
		}
	} else if class != 0 {
		s[0] = ret(b.failFile(nil, fn, class, "%s", why))
		return
	}

	hostPath := append([]byte("/proc/self/fd/"+strconv.Itoa(int(local.Fd()))), 0)
	hostMode := amode &^ (modeCreate | modeExcl | modeDeleteOnClose)
	rc := C.wr_file_open(c.host, (*C.char)(unsafePointer(&hostPath[0])), C.int(hostMode), info, &b.outHandle)
	if rc != 0 {
		local.Close()
		s[0] = ret(b.fileHostError(nil, fn, rc))
		return
	}
	f := file{host: b.outHandle, errh: b.fileErrh(nil), amode: amode, local: local}
	if amode&modeDeleteOnClose != 0 {
		f.root, f.rel = root, rel
	}
	h := b.files.Add(f)
	if h == 0 {
		C.wr_file_close(&b.outHandle)
		local.Close()
		s[0] = ret(b.failFile(nil, fn, errIntern, "too many open files"))
		return
	}
	b.writeI32(out, int32(h))
	s[0] = 0
}

func closeLocal(f *os.File) {
	if f != nil {
		f.Close()
	}
}

func (b *Bridge) fileClose(s []uint64) {
	const fn = "MPI_File_close"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	off := uint32(s[0])
	h, ok := b.readI32(off)
	if !ok {
		s[0] = ret(b.failFile(nil, fn, errArg, "fh pointer %#x is outside guest memory", off))
		return
	}
	f, rc, ok := b.fileArg(fn, uint32(h))
	if !ok {
		s[0] = ret(rc)
		return
	}
	b.outHandle = f.host
	if rcC := C.wr_file_close(&b.outHandle); rcC != 0 {
		s[0] = ret(b.fileHostError(f, fn, rcC))
		return
	}
	if f.root != nil {
		// Remove the name only while it still is this file.
		st, err1 := f.local.Stat()
		cur, err2 := f.root.Lstat(f.rel)
		if err1 == nil && err2 == nil && os.SameFile(st, cur) {
			_ = f.root.Remove(f.rel)
		}
	}
	f.local.Close()
	b.files.Remove(uint32(h))
	b.writeI32(off, int32(fileNull))
	s[0] = 0
}

func (b *Bridge) fileDelete(s []uint64) {
	const fn = "MPI_File_delete"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	nameOff, ih := uint32(s[0]), uint32(s[1])
	p, ok := b.guestPath(nameOff)
	if !ok {
		s[0] = ret(b.failFile(nil, fn, errBadFile, "the file name at %#x is not a NUL-terminated string of at most %d bytes within guest memory", nameOff, maxPath))
		return
	}
	if _, ok := b.info(ih); !ok {
		s[0] = ret(b.failFile(nil, fn, errInfo, "invalid info %#x", ih))
		return
	}
	if b.mounts == nil {
		s[0] = ret(b.failFile(nil, fn, errAccess, "%s: no directory is mounted (wasmrun --dir)", p))
		return
	}
	root, rel, ro, err := b.mounts.Resolve(p)
	if err != nil {
		s[0] = ret(b.failFile(nil, fn, errAccess, "%s is outside every mounted directory", p))
		return
	}
	st, err := root.Stat(rel)
	if err != nil {
		s[0] = ret(b.failFile(nil, fn, ioClass(err), "%s: %v", p, err))
		return
	}
	if ro {
		s[0] = ret(b.failFile(nil, fn, errReadOnly, "%s is in a read-only mount", p))
		return
	}
	if !st.Mode().IsRegular() {
		s[0] = ret(b.failFile(nil, fn, errBadFile, "%s is not a regular file", p))
		return
	}
	if err := root.Remove(rel); err != nil {
		s[0] = ret(b.failFile(nil, fn, ioClass(err), "%s: %v", p, err))
		return
	}
	s[0] = 0
}

// ---- views and data access ----

func (b *Bridge) fileSetView(s []uint64) {
	const fn = "MPI_File_set_view"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	disp, eh, fh, repOff, ih := int64(s[1]), uint32(s[2]), uint32(s[3]), uint32(s[4]), uint32(s[5])
	if disp < 0 && disp != displacementCurrent {
		s[0] = ret(b.failFile(f, fn, errArg, "negative displacement %d", disp))
		return
	}
	et, ok := b.dtype(eh)
	if !ok {
		s[0] = ret(b.failFile(f, fn, errType, "invalid etype %#x", eh))
		return
	}
	ft, ok := b.dtype(fh)
	if !ok {
		s[0] = ret(b.failFile(f, fn, errType, "invalid filetype %#x", fh))
		return
	}
	if _, ok := b.cString(repOff, maxDatarepString-1); !ok {
		s[0] = ret(b.failFile(f, fn, errArg, "datarep at %#x is not a NUL-terminated string of fewer than %d bytes within guest memory", repOff, maxDatarepString))
		return
	}
	info, ok := b.info(ih)
	if !ok {
		s[0] = ret(b.failFile(f, fn, errInfo, "invalid info %#x", ih))
		return
	}
	s[0] = ret(b.fileHostError(f, fn, C.wr_file_set_view(f.host, C.int64_t(disp), et.host, ft.host,
		(*C.char)(unsafePointer(&b.full[repOff])), info)))
}

// fileBuf checks a data access buffer.
func (b *Bridge) fileBuf(fn string, f *file, off uint32, count int32, th uint32) (C.uintptr_t, C.uintptr_t, int32, bool) {
	if count < 0 {
		return 0, 0, b.failFile(f, fn, errCount, "negative count %d", count), false
	}
	t, ok := b.dtype(th)
	if !ok {
		return 0, 0, b.failFile(f, fn, errType, "invalid datatype %#x", th), false
	}
	a, ok := b.spanAddr(off, int64(count), t)
	if !ok {
		return 0, 0, b.failFile(f, fn, errBuffer, "buffer of %d x %s at %#x is outside guest memory", count, t.name, off), false
	}
	return C.uintptr_t(a), t.host, 0, true
}

// fileIO is MPI_File_{read,write}[_at][_all]: (fh, [offset,] buf, count,
// datatype, status).
func (b *Bridge) fileIO(s []uint64, fn string, kind C.int) {
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	i, offset := 1, int64(0)
	if kind&C.WR_IO_AT != 0 {
		i, offset = 2, int64(s[1])
	}
	count := int32(s[i+1])
	a, t, rc, ok := b.fileBuf(fn, f, uint32(s[i]), count, uint32(s[i+2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	var st *C.int32_t
	if off := uint32(s[i+3]); off != statusIgnore {
		p, ok := b.ptr(off, statusBytes)
		if !ok {
			s[0] = ret(b.failFile(f, fn, errArg, "status at %#x is outside guest memory", off))
			return
		}
		st = (*C.int32_t)(p)
	}
	s[0] = ret(b.fileHostError(f, fn, C.wr_file_io(kind, f.host, C.int64_t(offset), a, C.int(count), t, st)))
}

// fileIIO is MPI_File_i{read,write}[_at][_all]: (fh, [offset,] buf,
// count, datatype, request).
func (b *Bridge) fileIIO(s []uint64, fn string, kind C.int) {
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	i, offset := 1, int64(0)
	if kind&C.WR_IO_AT != 0 {
		i, offset = 2, int64(s[1])
	}
	count, reqOff := int32(s[i+1]), uint32(s[i+3])
	a, t, rc, ok := b.fileBuf(fn, f, uint32(s[i]), count, uint32(s[i+2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.inBounds(reqOff, 4) {
		s[0] = ret(b.failFile(f, fn, errArg, "request pointer %#x is outside guest memory", reqOff))
		return
	}
	if rcC := C.wr_file_iio(kind, f.host, C.int64_t(offset), a, C.int(count), t, &b.outHandle); rcC != 0 {
		b.writeI32(reqOff, int32(requestNull))
		s[0] = ret(b.fileHostError(f, fn, rcC))
		return
	}
	h := b.reqs.Add(b.outHandle)
	if h == 0 {
		s[0] = ret(b.failFile(f, fn, errIntern, "too many active requests"))
		return
	}
	b.writeI32(reqOff, int32(h))
	s[0] = 0
}

// ---- size, position, consistency ----

// offsetOut checks a guest MPI_Offset out-parameter.
func (b *Bridge) offsetOut(fn string, f *file, off uint32) (*C.int64_t, int32, bool) {
	p, ok := b.ptr(off, 8)
	if !ok {
		return nil, b.failFile(f, fn, errArg, "output pointer %#x is outside guest memory", off), false
	}
	return (*C.int64_t)(p), 0, true
}

// fileOffsetOut is MPI_File_get_size and MPI_File_get_position(fh, out).
func (b *Bridge) fileOffsetOut(s []uint64, fn string) {
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.offsetOut(fn, f, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	var rcC C.int
	if fn == "MPI_File_get_size" {
		rcC = C.wr_file_get_size(f.host, out)
	} else {
		rcC = C.wr_file_get_position(f.host, out)
	}
	s[0] = ret(b.fileHostError(f, fn, rcC))
}

// fileSize is MPI_File_set_size and MPI_File_preallocate(fh, size).
func (b *Bridge) fileSize(s []uint64, fn string, prealloc bool) {
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	size := int64(s[1])
	if size < 0 {
		s[0] = ret(b.failFile(f, fn, errArg, "negative size %d", size))
		return
	}
	if prealloc {
		s[0] = ret(b.fileHostError(f, fn, C.wr_file_preallocate(f.host, C.int64_t(size))))
	} else {
		s[0] = ret(b.fileHostError(f, fn, C.wr_file_set_size(f.host, C.int64_t(size))))
	}
}

func (b *Bridge) fileSync(s []uint64) {
	const fn = "MPI_File_sync"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.fileHostError(f, fn, C.wr_file_sync(f.host)))
}

func (b *Bridge) fileSeek(s []uint64) {
	const fn = "MPI_File_seek"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	whence := int32(s[2])
	if whence != seekSet && whence != seekCur && whence != seekEnd {
		s[0] = ret(b.failFile(f, fn, errArg, "invalid whence %d", whence))
		return
	}
	s[0] = ret(b.fileHostError(f, fn, C.wr_file_seek(f.host, C.int64_t(int64(s[1])), C.int(whence))))
}

func (b *Bridge) fileGetByteOffset(s []uint64) {
	const fn = "MPI_File_get_byte_offset"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.offsetOut(fn, f, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.fileHostError(f, fn, C.wr_file_get_byte_offset(f.host, C.int64_t(int64(s[1])), out)))
}

func (b *Bridge) fileGetAmode(s []uint64) {
	const fn = "MPI_File_get_amode"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.writeI32(uint32(s[1]), f.amode) {
		s[0] = ret(b.failFile(f, fn, errArg, "amode pointer %#x is outside guest memory", uint32(s[1])))
		return
	}
	s[0] = 0
}

func (b *Bridge) fileGetGroup(s []uint64) {
	const fn = "MPI_File_get_group"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	out := uint32(s[1])
	if !b.inBounds(out, 4) {
		s[0] = ret(b.failFile(f, fn, errArg, "group pointer %#x is outside guest memory", out))
		return
	}
	if rcC := C.wr_file_get_group(f.host, &b.outHandle); rcC != 0 {
		s[0] = ret(b.fileHostError(f, fn, rcC))
		return
	}
	s[0] = ret(b.newGroup(fn, commWorld, 0, out))
}

func (b *Bridge) fileSetAtomicity(s []uint64) {
	const fn = "MPI_File_set_atomicity"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	flag := C.int(0)
	if int32(s[1]) != 0 {
		flag = 1
	}
	s[0] = ret(b.fileHostError(f, fn, C.wr_file_set_atomicity(f.host, flag)))
}

func (b *Bridge) fileGetAtomicity(s []uint64) {
	const fn = "MPI_File_get_atomicity"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	p, ok := b.ptr(uint32(s[1]), 4)
	if !ok {
		s[0] = ret(b.failFile(f, fn, errArg, "flag pointer %#x is outside guest memory", uint32(s[1])))
		return
	}
	s[0] = ret(b.fileHostError(f, fn, C.wr_file_get_atomicity(f.host, (*C.int)(p))))
}

// ---- error handlers ----

func (b *Bridge) fileSetErrhandler(s []uint64) {
	const fn = "MPI_File_set_errhandler"
	h := uint32(s[0])
	var f *file
	if h != fileNull {
		var rc int32
		var ok bool
		if f, rc, ok = b.fileArg(fn, h); !ok {
			s[0] = ret(rc)
			return
		}
	}
	e, ok := errhArg(uint32(s[1]))
	if !ok {
		s[0] = ret(b.failFile(f, fn, errArg, "invalid or unsupported error handler %#x (wasmrun supports MPI_ERRORS_ARE_FATAL, MPI_ERRORS_ABORT and MPI_ERRORS_RETURN)", uint32(s[1])))
		return
	}
	if f != nil {
		f.errh = e
	} else {
		b.extra().fileNullErrh = e
	}
	s[0] = 0
}

func (b *Bridge) fileGetErrhandler(s []uint64) {
	const fn = "MPI_File_get_errhandler"
	h := uint32(s[0])
	var f *file
	if h != fileNull {
		var rc int32
		var ok bool
		if f, rc, ok = b.fileArg(fn, h); !ok {
			s[0] = ret(rc)
			return
		}
	}
	if !b.writeI32(uint32(s[1]), int32(b.fileErrh(f))) {
		s[0] = ret(b.failFile(f, fn, errArg, "errhandler pointer %#x is outside guest memory", uint32(s[1])))
		return
	}
	s[0] = 0
}
