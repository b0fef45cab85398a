package mpibridge

// #include "calls.h"
// #include "calls_ext.h"
// #include "shim.h"
import "C"

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path"
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
//
// Shared file pointers are the bridge's own, the same over every host:
// ROMIO (MPICH) keeps its shared file pointer in a side file named after
// the file name, which for /proc/self/fd/N it cannot create, and a side
// file the host named after a guest path would leave the mounts. So the
// bridge keeps the pointer (in etypes) in a side file that it creates
// itself through the mount's root, next to the file as ROMIO would
// (".NAME.shfp.RANDOM", removed at MPI_File_close), updates it under an
// fcntl lock and accesses the file at explicit offsets; ordered accesses
// add an MPI_Scan on a duplicate of the file's communicator. A guest can
// at worst point that name at another file of its own mounts.
// MPI_MODE_APPEND is not passed to the host (ROMIO would set its own
// shared file pointer at the open): the bridge moves the individual file
// pointer to the end and starts the shared one there.
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

	// Shared file pointer: (fh, buf, count, datatype, status|request).
	{"MPI_File_read_shared", func(b *Bridge, s []uint64) { b.fileSharedIO(s, "MPI_File_read_shared", 0, false) }, "fh buf count datatype status", false},
	{"MPI_File_write_shared", func(b *Bridge, s []uint64) { b.fileSharedIO(s, "MPI_File_write_shared", C.WR_IO_WRITE, false) }, "fh buf count datatype status", false},
	{"MPI_File_iread_shared", func(b *Bridge, s []uint64) { b.fileSharedIO(s, "MPI_File_iread_shared", 0, true) }, "fh buf count datatype request", false},
	{"MPI_File_iwrite_shared", func(b *Bridge, s []uint64) { b.fileSharedIO(s, "MPI_File_iwrite_shared", C.WR_IO_WRITE, true) }, "fh buf count datatype request", false},
	// Collective, in rank order.
	{"MPI_File_read_ordered", func(b *Bridge, s []uint64) { b.fileOrdered(s, "MPI_File_read_ordered", 0) }, "fh buf count datatype status", false},
	{"MPI_File_write_ordered", func(b *Bridge, s []uint64) { b.fileOrdered(s, "MPI_File_write_ordered", C.WR_IO_WRITE) }, "fh buf count datatype status", false},
	// MPI_File_seek_shared(fh, offset, whence): collective, the same
	// arguments on every rank.
	{"MPI_File_seek_shared", (*Bridge).fileSeekShared, "fh offset:i64 whence", false},
	{"MPI_File_get_position_shared", (*Bridge).fileGetPositionShared, "fh offset", false},

	// Split collectives: one in progress per file; the _end call names
	// the buffer given to _begin again.
	{"MPI_File_read_all_begin", func(b *Bridge, s []uint64) { b.fileSplitBegin(s, "MPI_File_read_all_begin", C.WR_IO_ALL) }, "fh buf count datatype", false},
	{"MPI_File_read_all_end", func(b *Bridge, s []uint64) {
		b.fileSplitEnd(s, "MPI_File_read_all_end", "MPI_File_read_all_begin", C.WR_IO_ALL)
	}, "fh buf status", false},
	{"MPI_File_write_all_begin", func(b *Bridge, s []uint64) {
		b.fileSplitBegin(s, "MPI_File_write_all_begin", C.WR_IO_ALL|C.WR_IO_WRITE)
	}, "fh buf count datatype", false},
	{"MPI_File_write_all_end", func(b *Bridge, s []uint64) {
		b.fileSplitEnd(s, "MPI_File_write_all_end", "MPI_File_write_all_begin", C.WR_IO_ALL|C.WR_IO_WRITE)
	}, "fh buf status", false},
	{"MPI_File_read_at_all_begin", func(b *Bridge, s []uint64) {
		b.fileSplitBegin(s, "MPI_File_read_at_all_begin", C.WR_IO_ALL|C.WR_IO_AT)
	}, "fh offset:i64 buf count datatype", false},
	{"MPI_File_read_at_all_end", func(b *Bridge, s []uint64) {
		b.fileSplitEnd(s, "MPI_File_read_at_all_end", "MPI_File_read_at_all_begin", C.WR_IO_ALL|C.WR_IO_AT)
	}, "fh buf status", false},
	{"MPI_File_write_at_all_begin", func(b *Bridge, s []uint64) {
		b.fileSplitBegin(s, "MPI_File_write_at_all_begin", C.WR_IO_ALL|C.WR_IO_AT|C.WR_IO_WRITE)
	}, "fh offset:i64 buf count datatype", false},
	{"MPI_File_write_at_all_end", func(b *Bridge, s []uint64) {
		b.fileSplitEnd(s, "MPI_File_write_at_all_end", "MPI_File_write_at_all_begin", C.WR_IO_ALL|C.WR_IO_AT|C.WR_IO_WRITE)
	}, "fh buf status", false},
	{"MPI_File_read_ordered_begin", func(b *Bridge, s []uint64) { b.fileSplitBegin(s, "MPI_File_read_ordered_begin", splitOrdered) }, "fh buf count datatype", false},
	{"MPI_File_read_ordered_end", func(b *Bridge, s []uint64) {
		b.fileSplitEnd(s, "MPI_File_read_ordered_end", "MPI_File_read_ordered_begin", splitOrdered)
	}, "fh buf status", false},
	{"MPI_File_write_ordered_begin", func(b *Bridge, s []uint64) {
		b.fileSplitBegin(s, "MPI_File_write_ordered_begin", splitOrdered|C.WR_IO_WRITE)
	}, "fh buf count datatype", false},
	{"MPI_File_write_ordered_end", func(b *Bridge, s []uint64) {
		b.fileSplitEnd(s, "MPI_File_write_ordered_end", "MPI_File_write_ordered_begin", splitOrdered|C.WR_IO_WRITE)
	}, "fh buf status", false},

	// MPI_File_get_view(fh, disp, etype, filetype, datarep): derived types
	// come back as new handles (the caller frees them); datarep has
	// MPI_MAX_DATAREP_STRING bytes.
	{"MPI_File_get_view", (*Bridge).fileGetView, "fh disp etype filetype datarep", false},
	// MPI_File_get_type_extent(fh, datatype, extent): MPI_Aint (4 bytes).
	{"MPI_File_get_type_extent", (*Bridge).fileGetTypeExtent, "fh datatype extent", false},
	// MPI_File_get_info(fh, info_used): a new info object; MPI_File_set_info
	// is collective.
	{"MPI_File_get_info", (*Bridge).fileGetInfo, "fh info_used", false},
	{"MPI_File_set_info", (*Bridge).fileSetInfo, "fh info", false},
}

// splitOrdered marks the ordered split collectives, which the bridge does
// whole at _begin (as the standard allows) and completes at _end.
const splitOrdered = 8

// file is a guest MPI_File.
type file struct {
	host  C.uintptr_t
	h     uint32 // the guest's handle of this file
	errh  uint32
	amode int32
	// the bridge's own descriptor, which the host opened as
	// /proc/self/fd/N; closed after the host's MPI_File_close
	local         *os.File
	root          *os.Root // of the mount
	rel           string
	readOnly      bool // the mount is
	deleteOnClose bool

	// Shared file pointer: comm duplicates the file's communicator
	// (rank, size); side is the side file (sideRel in root), opened on
	// first use; initial is the pointer while the side file is empty.
	comm       C.uintptr_t
	rank, size int32
	sideRel    string
	side       *os.File
	sideFd     C.int
	initial    int64
	esz        int64 // size of the view's etype

	view  fileView
	split splitColl
}

// fileView is what MPI_File_get_view gives back: the guest's etype and
// filetype handles and a copy of their records (derived types are
// returned as new handles, made from the host's copies).
type fileView struct {
	etype, filetype uint32
	et, ft          dtype
}

// splitColl is the split collective in progress on a file.
type splitColl struct {
	begin  string // the _begin function; "" when none
	buf    uint32
	lo, hi int64             // the range of buf it touches
	status [statusInts]int32 // of an ordered access, done at _begin
}

// maxPath is the longest file name the bridge reads from the guest.
const maxPath = 4096

// failFile applies f's error handler, or MPI_FILE_NULL's when f is nil.
func (b *Bridge) failFile(f *file, fn string, class int32, format string, args ...any) int32 {
	obj := uint32(fileNull)
	if f != nil {
		obj = f.h
	}
	return b.failErrh(b.fileErrh(f), obj, fn, class, format, args...)
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

// openLocal opens (or creates) guest path p for amode through the mounts,
// and says whether its mount is read-only. It returns the error class and
// why when it cannot.
func (b *Bridge) openLocal(p string, amode int32, create, excl bool) (*os.File, *os.Root, string, bool, int32, string) {
	if b.mounts == nil {
		return nil, nil, "", false, errAccess, p + ": no directory is mounted (wasmrun --dir)"
	}
	root, rel, ro, err := b.mounts.Resolve(p)
	if err != nil {
		return nil, nil, "", false, errAccess, p + " is outside every mounted directory"
	}
	if ro && (amode&(modeWronly|modeRdwr|modeDeleteOnClose) != 0 || create) {
		return nil, nil, "", false, errReadOnly, p + " is in a read-only mount"
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
		return nil, nil, "", false, class, p + ": " + strings.TrimPrefix(err.Error(), "openat ")
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, "", false, errBadFile, p + " is not a regular file"
	}
	return f, root, rel, ro, 0, ""
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
	if !b.InBounds(out, 4) {
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
		ro    bool
		class int32
		why   string
	)
	if c.size > 1 && create {
		if c.rank == 0 {
			local, root, rel, ro, class, why = b.openLocal(p, amode, true, excl)
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
			local, root, rel, ro, class, why = b.openLocal(p, amode, true, false)
		}
	} else {
		local, root, rel, ro, class, why = b.openLocal(p, amode, create, excl)
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
	hostMode := amode &^ (modeCreate | modeExcl | modeDeleteOnClose | modeAppend)
	appendMode := C.int(0)
	if amode&modeAppend != 0 {
		appendMode = 1
	}
	b.ext.shared = [2]C.int64_t{C.int64_t(rand.Int64()), 0}
	rc := C.wr_file_open(c.host, (*C.char)(unsafePointer(&hostPath[0])), C.int(hostMode), appendMode, info,
		&b.outHandle, &b.ext.outHandle2, &b.ext.shared[0])
	if rc != 0 {
		local.Close()
		s[0] = ret(b.fileHostError(nil, fn, rc))
		return
	}
	f := file{host: b.outHandle, errh: b.fileErrh(nil), amode: amode, local: local, root: root, rel: rel, readOnly: ro,
		deleteOnClose: amode&modeDeleteOnClose != 0,
		comm:          b.ext.outHandle2, rank: c.rank, size: c.size, sideFd: -1,
		sideRel: sideName(rel, uint64(b.ext.shared[0])), initial: int64(b.ext.shared[1]), esz: 1,
		view: fileView{etype: typeByte, filetype: typeByte}}
	h := b.files.Add(f)
	if h == 0 {
		C.wr_file_close(&b.outHandle, &b.ext.outHandle2)
		local.Close()
		s[0] = ret(b.failFile(nil, fn, errIntern, "too many open files"))
		return
	}
	if f, ok := b.files.Get(h); ok {
		f.h = h
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
	b.outHandle, b.ext.outHandle2 = f.host, f.comm
	if rcC := C.wr_file_close(&b.outHandle, &b.ext.outHandle2); rcC != 0 {
		s[0] = ret(b.fileHostError(f, fn, rcC))
		return
	}
	if f.side != nil {
		f.side.Close()
	}
	if f.rank == 0 && !f.readOnly {
		// Every rank has closed (wr_file_close ends with a barrier).
		if st, err := f.root.Lstat(f.sideRel); err == nil && st.Mode().IsRegular() {
			_ = f.root.Remove(f.sideRel)
		}
	}
	if f.deleteOnClose {
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
	rc = b.fileHostError(f, fn, C.wr_file_set_view(f.host, f.comm, f.sideFd, C.int64_t(disp), et.host, ft.host,
		(*C.char)(unsafePointer(&b.Full[repOff])), info))
	if rc == 0 {
		f.view = fileView{etype: eh, filetype: fh, et: *et, ft: *ft}
		f.esz, f.initial = max(et.size, 1), 0
	}
	s[0] = ret(rc)
}

// fileBuf checks a data access buffer.
func (b *Bridge) fileBuf(fn string, f *file, off uint32, count int32, th uint32) (C.uintptr_t, *dtype, int32, bool) {
	if count < 0 {
		return 0, nil, b.failFile(f, fn, errCount, "negative count %d", count), false
	}
	t, ok := b.dtype(th)
	if !ok {
		return 0, nil, b.failFile(f, fn, errType, "invalid datatype %#x", th), false
	}
	a, ok := b.spanAddr(off, int64(count), t)
	if !ok {
		return 0, nil, b.failFile(f, fn, errBuffer, "buffer of %d x %s at %#x is outside guest memory", count, t.name, off), false
	}
	return C.uintptr_t(a), t, 0, true
}

// fileStatus checks a guest status pointer of a file access (0 is
// MPI_STATUS_IGNORE).
func (b *Bridge) fileStatus(fn string, f *file, off uint32) (*C.int32_t, int32, bool) {
	if off == statusIgnore {
		return nil, 0, true
	}
	p, ok := b.ptr(off, statusBytes)
	if !ok {
		return nil, b.failFile(f, fn, errArg, "status at %#x is outside guest memory", off), false
	}
	return (*C.int32_t)(p), 0, true
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
	st, rc, ok := b.fileStatus(fn, f, uint32(s[i+3]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.fileHostError(f, fn, C.wr_file_io(kind, f.host, C.int64_t(offset), a, C.int(count), t.host, st)))
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
	if !b.InBounds(reqOff, 4) {
		s[0] = ret(b.failFile(f, fn, errArg, "request pointer %#x is outside guest memory", reqOff))
		return
	}
	s[0] = ret(b.fileRequest(fn, f, reqOff, C.wr_file_iio(kind, f.host, C.int64_t(offset), a, C.int(count), t.host, &b.outHandle)))
}

// fileRequest gives the guest the request that a nonblocking access left
// in b.outHandle, at reqOff (checked), or the host's error.
func (b *Bridge) fileRequest(fn string, f *file, reqOff uint32, rcC C.int) int32 {
	if rcC != 0 {
		b.writeI32(reqOff, int32(requestNull))
		return b.fileHostError(f, fn, rcC)
	}
	h := b.addRequest(b.outHandle, false)
	if h == 0 {
		C.wr_wait(&b.outHandle, nil)
		b.writeI32(reqOff, int32(requestNull))
		return b.failFile(f, fn, errIntern, "too many active requests")
	}
	b.writeI32(reqOff, int32(h))
	return 0
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
	if !b.InBounds(out, 4) {
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
	e, why, ok := b.errhFor(uint32(s[1]), errhFile)
	if !ok {
		s[0] = ret(b.failFile(f, fn, errArg, "%s", why))
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

// ---- shared file pointers ----

// sideName is the side file of the shared file pointer of the file at rel
// (in its mount's root): ".NAME.shfp.RANDOM" beside it, like ROMIO's.
func sideName(rel string, salt uint64) string {
	base := path.Base(rel)
	if len(base) > 200 {
		base = base[:200]
	}
	return path.Join(path.Dir(rel), fmt.Sprintf(".%s.shfp.%016x", base, salt))
}

// sideFD returns the descriptor of f's side file, opening it (creating it
// when create) on first use; -1 and no error when it does not exist and
// create is false.
func (b *Bridge) sideFD(f *file, create bool) (C.int, error) {
	if f.side != nil {
		return f.sideFd, nil
	}
	if f.readOnly {
		// never opened for writing in a read-only mount, so never made
		if !create {
			return -1, nil
		}
		return -1, &fs.PathError{Op: "create", Path: f.sideRel, Err: syscall.EROFS}
	}
	flags := os.O_RDWR | syscall.O_NONBLOCK | syscall.O_CLOEXEC
	if create {
		flags |= os.O_CREATE
	}
	side, err := f.root.OpenFile(f.sideRel, flags, 0o600)
	if err != nil {
		if !create && errors.Is(err, fs.ErrNotExist) {
			return -1, nil
		}
		return -1, err
	}
	if st, err := side.Stat(); err != nil || !st.Mode().IsRegular() {
		side.Close()
		return -1, fmt.Errorf("%s is not a regular file", f.sideRel)
	}
	f.side, f.sideFd = side, C.int(side.Fd())
	return f.sideFd, nil
}

// sideFail reports that the side file of the shared file pointer cannot be
// used.
func (b *Bridge) sideFail(fn string, f *file, err error) int32 {
	return b.failFile(f, fn, ioClass(err), "the shared file pointer needs a file of its own beside the file, in a writable mount: %v", err)
}

// etypes is how far count elements of t move a file pointer: count x size
// over the view's etype size; ok is false when that is not a whole number.
func (f *file) etypes(count int32, t *dtype) (int64, bool) {
	n := int64(count) * t.size
	return n / f.esz, n%f.esz == 0
}

// fileSharedIO is MPI_File_{read,write}_shared and
// MPI_File_i{read,write}_shared(fh, buf, count, datatype, status|request).
func (b *Bridge) fileSharedIO(s []uint64, fn string, kind C.int, nonblocking bool) {
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	count, last := int32(s[2]), uint32(s[4])
	a, t, rc, ok := b.fileBuf(fn, f, uint32(s[1]), count, uint32(s[3]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	incr, ok := f.etypes(count, t)
	if !ok {
		s[0] = ret(b.failFile(f, fn, errArg, "%d x %s is not a whole number of etypes of %d bytes", count, t.name, f.esz))
		return
	}
	var (
		st  *C.int32_t
		req *C.uintptr_t
	)
	if nonblocking {
		if !b.InBounds(last, 4) {
			s[0] = ret(b.failFile(f, fn, errArg, "request pointer %#x is outside guest memory", last))
			return
		}
		req = &b.outHandle
	} else if st, rc, ok = b.fileStatus(fn, f, last); !ok {
		s[0] = ret(rc)
		return
	}
	fd, err := b.sideFD(f, incr != 0)
	if err != nil {
		s[0] = ret(b.sideFail(fn, f, err))
		return
	}
	rcC := C.wr_file_shared_io(kind, f.host, fd, C.int64_t(f.initial), C.int64_t(incr), a, C.int(count), t.host, st, req)
	if nonblocking {
		s[0] = ret(b.fileRequest(fn, f, last, rcC))
		return
	}
	s[0] = ret(b.fileHostError(f, fn, rcC))
}

// collectiveSide is the side file descriptor for a collective call in
// which only rank owner updates the shared file pointer: if owner cannot
// open it, the C layer has every rank fail (MPI_ERR_READ_ONLY in a
// read-only mount, else MPI_ERR_IO); err says why, on owner.
func (b *Bridge) collectiveSide(f *file, owner int32) (C.int, error) {
	if f.rank != owner {
		return f.sideFd, nil
	}
	fd, err := b.sideFD(f, true)
	if errors.Is(err, syscall.EROFS) {
		fd = C.WR_SHFP_READ_ONLY
	}
	return fd, err
}

// collectiveError reports the result of a collective shared file pointer
// call: this rank's own reason when it could not open the side file.
func (b *Bridge) collectiveError(fn string, f *file, rcC C.int, err error) int32 {
	if rcC != 0 && err != nil {
		return b.sideFail(fn, f, err)
	}
	return b.fileHostError(f, fn, rcC)
}

// ordered makes the collective access of an ordered call; the status goes
// to st. Only the last rank moves the shared file pointer, so only it
// needs the side file.
func (b *Bridge) ordered(fn string, f *file, kind C.int, a C.uintptr_t, count int32, t *dtype, st *C.int32_t) int32 {
	incr, ok := f.etypes(count, t)
	if !ok {
		incr = -1 // the C layer takes part with nothing and returns MPI_ERR_ARG
	}
	fd, err := b.collectiveSide(f, f.size-1)
	rcC := C.wr_file_ordered(kind, f.host, f.comm, fd, C.int64_t(f.initial), C.int64_t(incr), a, C.int(count), t.host, st)
	return b.collectiveError(fn, f, rcC, err)
}

// fileOrdered is MPI_File_{read,write}_ordered(fh, buf, count, datatype, status).
func (b *Bridge) fileOrdered(s []uint64, fn string, kind C.int) {
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	count := int32(s[2])
	a, t, rc, ok := b.fileBuf(fn, f, uint32(s[1]), count, uint32(s[3]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	st, rc, ok := b.fileStatus(fn, f, uint32(s[4]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.ordered(fn, f, kind, a, count, t, st))
}

func (b *Bridge) fileSeekShared(s []uint64) {
	const fn = "MPI_File_seek_shared"
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
	fd, err := b.collectiveSide(f, 0)
	rcC := C.wr_file_seek_shared(f.host, f.comm, fd, C.int64_t(f.initial), C.int64_t(int64(s[1])), C.int(whence))
	s[0] = ret(b.collectiveError(fn, f, rcC, err))
}

func (b *Bridge) fileGetPositionShared(s []uint64) {
	const fn = "MPI_File_get_position_shared"
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
	fd, err := b.sideFD(f, false)
	if err != nil {
		s[0] = ret(b.sideFail(fn, f, err))
		return
	}
	s[0] = ret(b.fileHostError(f, fn, C.wr_file_get_position_shared(fd, C.int64_t(f.initial), out)))
}

// ---- split collectives ----

// fileSplitBegin is MPI_File_{read,write}[_at]_all_begin and
// MPI_File_{read,write}_ordered_begin(fh, [offset,] buf, count, datatype).
func (b *Bridge) fileSplitBegin(s []uint64, fn string, kind C.int) {
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if f.split.begin != "" {
		s[0] = ret(b.failFile(f, fn, errOther, "%s is still in progress on this file", f.split.begin))
		return
	}
	i, offset := 1, int64(0)
	if kind&C.WR_IO_AT != 0 {
		i, offset = 2, int64(s[1])
	}
	buf, count := uint32(s[i]), int32(s[i+1])
	a, t, rc, ok := b.fileBuf(fn, f, buf, count, uint32(s[i+2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if kind&splitOrdered != 0 {
		rc = b.ordered(fn, f, kind&^splitOrdered, a, count, t, &b.ext.status[0])
		for k, v := range b.ext.status {
			f.split.status[k] = int32(v)
		}
	} else {
		rc = b.fileHostError(f, fn, C.wr_file_split(kind, 1, f.host, C.int64_t(offset), a, C.int(count), t.host, nil))
	}
	if rc != 0 {
		s[0] = ret(rc)
		return
	}
	lo, hi := t.span(int64(count))
	f.split.begin, f.split.buf, f.split.lo, f.split.hi = fn, buf, lo, hi
	s[0] = 0
}

// fileSplitEnd is the matching _end(fh, buf, status): buf must be the
// buffer given to begin, and is checked again.
func (b *Bridge) fileSplitEnd(s []uint64, fn, begin string, kind C.int) {
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if f.split.begin != begin {
		what := "no split collective"
		if f.split.begin != "" {
			what = f.split.begin
		}
		s[0] = ret(b.failFile(f, fn, errOther, "%s is in progress on this file, not %s", what, begin))
		return
	}
	buf, lo, hi := uint32(s[1]), f.split.lo, f.split.hi
	if buf != f.split.buf {
		s[0] = ret(b.failFile(f, fn, errBuffer, "buffer %#x is not the one given to %s (%#x)", buf, begin, f.split.buf))
		return
	}
	if lo != hi && !b.InBounds(uint32(int64(buf)+lo), uint64(hi-lo)) {
		s[0] = ret(b.failFile(f, fn, errBuffer, "buffer at %#x is outside guest memory", buf))
		return
	}
	stOff := uint32(s[2])
	st, rc, ok := b.fileStatus(fn, f, stOff)
	if !ok {
		s[0] = ret(rc)
		return
	}
	f.split.begin = ""
	if kind&splitOrdered != 0 {
		if st != nil {
			for k, v := range f.split.status {
				binary.LittleEndian.PutUint32(b.Full[stOff+uint32(4*k):], uint32(v))
			}
		}
		s[0] = 0
		return
	}
	s[0] = ret(b.fileHostError(f, fn, C.wr_file_split(kind, 0, f.host, 0, C.uintptr_t(b.Base+uintptr(buf)), 0, 0, st)))
}

// ---- views, extents, info ----

func (b *Bridge) fileGetView(s []uint64) {
	const fn = "MPI_File_get_view"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	disp, rc, ok := b.offsetOut(fn, f, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	etOff, ftOff, repOff := uint32(s[2]), uint32(s[3]), uint32(s[4])
	if !b.InBounds(etOff, 4) || !b.InBounds(ftOff, 4) {
		s[0] = ret(b.failFile(f, fn, errArg, "etype or filetype pointer (%#x, %#x) is outside guest memory", etOff, ftOff))
		return
	}
	rep, ok := b.ptr(repOff, maxDatarepString)
	if !ok {
		s[0] = ret(b.failFile(f, fn, errArg, "datarep buffer of %d bytes at %#x is outside guest memory", maxDatarepString, repOff))
		return
	}
	keepE, keepF := cBool(f.view.et.derived), cBool(f.view.ft.derived)
	if rcC := C.wr_file_get_view(f.host, disp, keepE, keepF, &b.outHandle, &b.ext.outHandle2, (*C.char)(rep), maxDatarepString); rcC != 0 {
		s[0] = ret(b.fileHostError(f, fn, rcC))
		return
	}
	eh, fh, hostFt := f.view.etype, f.view.filetype, b.ext.outHandle2
	if keepE != 0 {
		eh = b.viewType(f.view.et, b.outHandle)
	}
	if keepF != 0 {
		if eh != 0 {
			fh = b.viewType(f.view.ft, hostFt)
		} else {
			b.outHandle = hostFt
			C.wr_type_free(&b.outHandle)
		}
	}
	if eh == 0 || fh == 0 {
		if t, ok := b.dtypes.Get(eh); ok && keepE != 0 {
			b.outHandle = t.host
			C.wr_type_free(&b.outHandle)
			b.limits.typeUsed -= t.cost
			b.dtypes.Remove(eh)
		}
		s[0] = ret(b.failFile(f, fn, errIntern, "too many datatypes"))
		return
	}
	b.writeI32(etOff, int32(eh))
	b.writeI32(ftOff, int32(fh))
	s[0] = 0
}

// viewType gives the guest a new handle for host, the host's copy of a
// view's derived type t; 0 (and host freed) when the table is full.
func (b *Bridge) viewType(t dtype, host C.uintptr_t) uint32 {
	t.host, t.committed = host, true
	h := b.dtypes.Add(t)
	if h == 0 {
		b.outHandle = host
		C.wr_type_free(&b.outHandle)
		return 0
	}
	b.limits.typeUsed += t.cost // another host copy
	return h
}

func cBool(v bool) C.int {
	if v {
		return 1
	}
	return 0
}

func (b *Bridge) fileGetTypeExtent(s []uint64) {
	const fn = "MPI_File_get_type_extent"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	t, ok := b.dtype(uint32(s[1]))
	if !ok {
		s[0] = ret(b.failFile(f, fn, errType, "invalid datatype %#x", uint32(s[1])))
		return
	}
	out := uint32(s[2])
	if !b.InBounds(out, 4) {
		s[0] = ret(b.failFile(f, fn, errArg, "extent pointer %#x is outside guest memory", out))
		return
	}
	if rcC := C.wr_file_get_type_extent(f.host, t.host, &b.ext.outI64); rcC != 0 {
		s[0] = ret(b.fileHostError(f, fn, rcC))
		return
	}
	if e := int64(b.ext.outI64); e > math.MaxInt32 || e < math.MinInt32 {
		s[0] = ret(b.failFile(f, fn, errValueTooLarge, "the extent of %s in the file, %d bytes, does not fit in an MPI_Aint", t.name, e))
		return
	}
	b.writeI32(out, int32(b.ext.outI64))
	s[0] = 0
}

func (b *Bridge) fileGetInfo(s []uint64) {
	const fn = "MPI_File_get_info"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	out := uint32(s[1])
	if !b.InBounds(out, 4) {
		s[0] = ret(b.failFile(f, fn, errArg, "info pointer %#x is outside guest memory", out))
		return
	}
	if rcC := C.wr_file_get_info(f.host, &b.outHandle); rcC != 0 {
		s[0] = ret(b.fileHostError(f, fn, rcC))
		return
	}
	h := b.infos.Add(b.outHandle)
	if h == 0 {
		C.wr_info_free(&b.outHandle)
		s[0] = ret(b.failFile(f, fn, errIntern, "too many info objects"))
		return
	}
	b.writeI32(out, int32(h))
	s[0] = 0
}

func (b *Bridge) fileSetInfo(s []uint64) {
	const fn = "MPI_File_set_info"
	f, rc, ok := b.fileArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	info, ok := b.info(uint32(s[1]))
	if !ok {
		s[0] = ret(b.failFile(f, fn, errInfo, "invalid info %#x", uint32(s[1])))
		return
	}
	s[0] = ret(b.fileHostError(f, fn, C.wr_file_set_info(f.host, info)))
}
