package mpibridge

// #include "calls.h"
// #include "shim.h"
import "C"

import "math"

// Version is wasmrun's version, named by MPI_Get_library_version; cmd sets it.
var Version = "dev"

var envFunctions = []function{
	// MPI_Init(argc, argv): argc and argv are ignored, as MPI allows.
	{"MPI_Init", (*Bridge).init, "argc argv", false},
	// MPI_Init_thread(argc, argv, required, provided): provides at most
	// MPI_THREAD_FUNNELED (the guest has one thread).
	{"MPI_Init_thread", (*Bridge).initThread, "argc argv required provided", false},
	{"MPI_Initialized", (*Bridge).initializedFn, "flag", false},
	{"MPI_Finalize", (*Bridge).finalize, "", false},
	{"MPI_Finalized", (*Bridge).finalizedFn, "flag", false},
	{"MPI_Query_thread", (*Bridge).queryThread, "provided", false},
	{"MPI_Is_thread_main", (*Bridge).isThreadMain, "flag", false},
	// MPI_Abort(comm, errorcode) ends every rank of the job.
	{"MPI_Abort", (*Bridge).abort, "comm errorcode", false},
	{"MPI_Wtime", (*Bridge).wtime, "", true},
	{"MPI_Wtick", (*Bridge).wtick, "", true},
	// MPI_Get_processor_name(name, resultlen): name has MPI_MAX_PROCESSOR_NAME bytes.
	{"MPI_Get_processor_name", (*Bridge).processorName, "name resultlen", false},
	{"MPI_Get_version", (*Bridge).getVersion, "version subversion", false},
	// MPI_Get_library_version(version, resultlen): "wasmrun V over HOST".
	{"MPI_Get_library_version", (*Bridge).libraryVersion, "version resultlen", false},
	{"MPI_Error_string", (*Bridge).errorString, "errorcode string resultlen", false},
	{"MPI_Error_class", (*Bridge).errorClass, "errorcode errorclass", false},
	{"MPI_Comm_set_errhandler", (*Bridge).commSetErrhandler, "comm errhandler", false},
	{"MPI_Comm_get_errhandler", (*Bridge).commGetErrhandler, "comm errhandler", false},
	{"MPI_Errhandler_free", (*Bridge).errhandlerFree, "errhandler", false},
	// wasmrun_comm_get_attr(comm, keyval, value, flag): the guest library's
	// MPI_Comm_get_attr keeps the value and hands the guest a pointer to it.
	{"wasmrun_comm_get_attr", (*Bridge).commGetAttr, "comm keyval value flag", false},
}

func (b *Bridge) init(s []uint64) {
	s[0] = uint64(uint32(b.start("MPI_Init", threadSingle, 0)))
}

func (b *Bridge) initThread(s []uint64) {
	s[0] = uint64(uint32(b.start("MPI_Init_thread", int32(s[2]), uint32(s[3]))))
}

// start initialises the host MPI and the handle tables.
func (b *Bridge) start(fn string, required int32, providedOut uint32) int32 {
	if b.initialized || b.finalized {
		return b.fail(commNull, fn, errOther, "MPI is already initialised")
	}
	if providedOut != 0 && !b.InBounds(providedOut, 4) {
		return b.fail(commNull, fn, errArg, "provided pointer %#x is outside guest memory", providedOut)
	}
	rc := C.wr_init(C.int(required), &b.outInt[0])
	if rc != 0 {
		return b.fail(commNull, fn, errOther, "host MPI_Init_thread failed with code %d", int(rc))
	}
	b.initialized = true
	active = b
	b.provided = int32(b.outInt[0])
	if providedOut != 0 {
		b.writeI32(providedOut, b.provided)
	}
	b.world = comm{host: C.wr_predef_comm(commWorld), errh: errorsAreFatal}
	b.self = comm{host: C.wr_predef_comm(commSelf), errh: errorsAreFatal}
	b.hostNull.comm = C.wr_comm_null()
	b.hostNull.group = C.wr_group_null()
	b.hostNull.req = C.wr_request_null()
	b.groupEmpty = C.wr_predef_group(groupEmpty)
	for i := range b.types {
		h := uint32(datatypeFirst + i)
		info, ok := predefType(h)
		if !ok {
			continue
		}
		host := C.wr_predef_datatype(C.int32_t(h))
		if host == 0 {
			continue
		}
		n := int64(info.size)
		b.types[i] = dtype{host: host, size: n, extent: n, textent: n, name: info.name, committed: true}
	}
	for i := range b.ops {
		b.ops[i] = C.wr_predef_op(C.int32_t(opNull + i))
	}
	C.wr_comm_size(b.world.host, &b.outInt[0])
	C.wr_comm_rank(b.world.host, &b.outInt[1])
	b.world.size, b.world.rank = int32(b.outInt[0]), int32(b.outInt[1])
	b.self.size, b.self.rank = 1, 0
	b.rank = b.world.rank
	return 0
}

func (b *Bridge) initializedFn(s []uint64) {
	s[0] = b.flagOut("MPI_Initialized", uint32(s[0]), b.initialized)
}

func (b *Bridge) finalizedFn(s []uint64) {
	s[0] = b.flagOut("MPI_Finalized", uint32(s[0]), b.finalized)
}

// flagOut writes a boolean to the guest int at off.
func (b *Bridge) flagOut(fn string, off uint32, v bool) uint64 {
	f := int32(0)
	if v {
		f = 1
	}
	if !b.writeI32(off, f) {
		return ret(b.fail(commWorld, fn, errArg, "flag pointer %#x is outside guest memory", off))
	}
	return 0
}

func (b *Bridge) finalize(s []uint64) {
	if rc, ok := b.ready("MPI_Finalize"); !ok {
		s[0] = ret(rc)
		return
	}
	rc := C.wr_finalize()
	b.finalized = true
	s[0] = ret(b.hostError(commNull, "MPI_Finalize", rc))
}

func (b *Bridge) queryThread(s []uint64) {
	if rc, ok := b.ready("MPI_Query_thread"); !ok {
		s[0] = ret(rc)
		return
	}
	if !b.writeI32(uint32(s[0]), b.provided) {
		s[0] = ret(b.fail(commWorld, "MPI_Query_thread", errArg, "provided pointer is outside guest memory"))
		return
	}
	s[0] = 0
}

func (b *Bridge) isThreadMain(s []uint64) {
	if rc, ok := b.ready("MPI_Is_thread_main"); !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = b.flagOut("MPI_Is_thread_main", uint32(s[0]), true)
}

func (b *Bridge) abort(s []uint64) {
	code := int32(s[1])
	if !b.initialized || b.finalized {
		panic(exitCode(code))
	}
	c, ok := b.comm(uint32(s[0]))
	if !ok {
		c = &b.world
	}
	C.wr_abort(c.host, C.int(code))
	panic(exitCode(code)) // not reached: the host MPI ends the process
}

func (b *Bridge) wtime(s []uint64) {
	if b.initialized {
		s[0] = math.Float64bits(float64(C.wr_wtime()))
		return
	}
	s[0] = math.Float64bits(0)
}

func (b *Bridge) wtick(s []uint64) {
	s[0] = math.Float64bits(float64(C.wr_wtick()))
}

func (b *Bridge) processorName(s []uint64) {
	const fn = "MPI_Get_processor_name"
	out, lenOut := uint32(s[0]), uint32(s[1])
	p, ok := b.ptr(out, maxProcessorName)
	if !ok || !b.InBounds(lenOut, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "name buffer of %d bytes at %#x is outside guest memory", maxProcessorName, out))
		return
	}
	rc := C.wr_processor_name((*C.char)(p), maxProcessorName, &b.outInt[0])
	if rc == 0 {
		b.writeI32(lenOut, int32(b.outInt[0]))
	}
	s[0] = ret(b.hostError(commWorld, fn, rc))
}

func (b *Bridge) getVersion(s []uint64) {
	if !b.writeI32(uint32(s[0]), stdVersion) || !b.writeI32(uint32(s[1]), stdSubversion) {
		s[0] = ret(b.fail(commWorld, "MPI_Get_version", errArg, "output pointer is outside guest memory"))
		return
	}
	s[0] = 0
}

// HostLibrary is the loaded host MPI library's own version string, or ""
// before Load.
func HostLibrary() string {
	c, ok := Loaded()
	if !ok {
		return ""
	}
	var buf [maxLibraryVersionString]byte
	var n C.int
	if rc := C.wr_library_version((*C.char)(unsafePointer(&buf[0])), C.int(len(buf)), &n); rc != 0 {
		return "unknown host MPI (" + c.Family + ")"
	}
	return trimVersion(string(buf[:n]))
}

func (b *Bridge) libraryVersion(s []uint64) {
	const fn = "MPI_Get_library_version"
	out, lenOut := uint32(s[0]), uint32(s[1])
	if !b.InBounds(out, maxLibraryVersionString) || !b.InBounds(lenOut, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "version buffer of %d bytes at %#x is outside guest memory", maxLibraryVersionString, out))
		return
	}
	v := "wasmrun " + Version + " over " + HostLibrary()
	if len(v) > maxLibraryVersionString-1 {
		v = v[:maxLibraryVersionString-1]
	}
	n := copy(b.Full[out:out+maxLibraryVersionString-1], v)
	b.Full[out+uint32(n)] = 0
	b.writeI32(lenOut, int32(n))
	s[0] = 0
}

func (b *Bridge) errorString(s []uint64) {
	const fn = "MPI_Error_string"
	code, out, lenOut := int32(s[0]), uint32(s[1]), uint32(s[2])
	if !b.InBounds(out, maxErrorString) || !b.InBounds(lenOut, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "string buffer of %d bytes at %#x is outside guest memory", maxErrorString, out))
		return
	}
	text, ok := errorText(code)
	if u, added := b.addedCode(code); added {
		text, ok = u.text, true
	}
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errArg, "unknown error code %d", code))
		return
	}
	n := copy(b.Full[out:out+maxErrorString-1], text)
	b.Full[out+uint32(n)] = 0
	b.writeI32(lenOut, int32(n))
	s[0] = 0
}

func (b *Bridge) errorClass(s []uint64) {
	code := int32(s[0])
	class, ok := b.classOf(code)
	if !ok {
		s[0] = ret(b.fail(commWorld, "MPI_Error_class", errArg, "unknown error code %d", code))
		return
	}
	if !b.writeI32(uint32(s[1]), class) {
		s[0] = ret(b.fail(commWorld, "MPI_Error_class", errArg, "errorclass pointer is outside guest memory"))
		return
	}
	s[0] = 0
}

func (b *Bridge) commSetErrhandler(s []uint64) {
	const fn = "MPI_Comm_set_errhandler"
	h, e := uint32(s[0]), uint32(s[1])
	c, ok := b.comm(h)
	if !ok {
		s[0] = ret(b.fail(h, fn, errComm, "invalid communicator %#x", h))
		return
	}
	e, why, ok := b.errhFor(e, errhComm)
	if !ok {
		s[0] = ret(b.fail(h, fn, errArg, "%s", why))
		return
	}
	c.errh = e
	s[0] = 0
}

func (b *Bridge) commGetErrhandler(s []uint64) {
	const fn = "MPI_Comm_get_errhandler"
	h := uint32(s[0])
	c, ok := b.comm(h)
	if !ok {
		s[0] = ret(b.fail(h, fn, errComm, "invalid communicator %#x", h))
		return
	}
	if !b.writeI32(uint32(s[1]), int32(c.errh)) {
		s[0] = ret(b.fail(h, fn, errArg, "errhandler pointer is outside guest memory"))
		return
	}
	s[0] = 0
}

// errhandlerFree accepts the predefined handlers (freeing one is a no-op
// that nulls the guest's handle, as MPI allows).
func (b *Bridge) errhandlerFree(s []uint64) {
	off := uint32(s[0])
	e, ok := b.readI32(off)
	if !ok {
		s[0] = ret(b.fail(commWorld, "MPI_Errhandler_free", errArg, "errhandler pointer is outside guest memory"))
		return
	}
	if _, user := b.errhs.Get(uint32(e)); !user && uint32(e) != errorsAreFatal && uint32(e) != errorsReturn && uint32(e) != errorsAbort {
		s[0] = ret(b.fail(commWorld, "MPI_Errhandler_free", errArg, "invalid error handler %#x", uint32(e)))
		return
	}
	// A user handler stays valid while communicators use it (MPI keeps it
	// until the last one goes): the guest's handle is nulled, the entry kept.
	b.writeI32(off, int32(errhandlerNull))
	s[0] = 0
}

func (b *Bridge) commGetAttr(s []uint64) {
	const fn = "MPI_Comm_get_attr"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	h, key, val, flag := uint32(s[0]), int32(s[1]), uint32(s[2]), uint32(s[3])
	c, ok := b.comm(h)
	if !ok {
		s[0] = ret(b.fail(h, fn, errComm, "invalid communicator %#x", h))
		return
	}
	vp, ok1 := b.ptr(val, 4)
	fp, ok2 := b.ptr(flag, 4)
	if !ok1 || !ok2 {
		s[0] = ret(b.fail(h, fn, errArg, "attribute or flag pointer is outside guest memory"))
		return
	}
	if key == attrLastUsedCode {
		// The guest's error codes are the bridge's, not the host's.
		b.writeI32(val, int32(firstUserCode+len(b.userCodes)-1))
		b.writeI32(flag, 1)
		s[0] = 0
		return
	}
	rc := C.wr_comm_attr(c.host, C.int(key), (*C.int32_t)(vp), (*C.int)(fp))
	if rc != 0 {
		s[0] = ret(b.fail(h, fn, errKeyval, "keyval %d is not a predefined attribute (user keyvals are not supported yet)", key))
		return
	}
	s[0] = 0
}

func trimVersion(v string) string {
	for len(v) > 0 && (v[len(v)-1] == '\n' || v[len(v)-1] == ' ' || v[len(v)-1] == 0) {
		v = v[:len(v)-1]
	}
	return v
}

// exitCode ends the guest as proc_exit does.
func exitCode(code int32) error {
	return exitErr(uint32(code))
}

// ret packs an int32 result for the wasm stack.
func ret(v int32) uint64 { return uint64(uint32(v)) }
