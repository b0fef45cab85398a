package mpibridge

// #include "calls.h"
// #include "calls_ext.h"
import "C"

// Info objects live in the host MPI; the guest names them by handle.
// Keys and values are guest strings, checked to end in a NUL within the
// guest's MPI_MAX_INFO_KEY / MPI_MAX_INFO_VAL and handed to the host in
// place. MPI_INFO_ENV is a copy of the host's without the keys that
// describe the host rather than the job (command, argv, wdir, file).
var infoFunctions = []function{
	{"MPI_Info_create", (*Bridge).infoCreate, "info", false},
	{"MPI_Info_dup", (*Bridge).infoDup, "info newinfo", false},
	// MPI_Info_free(info): MPI_INFO_NULL and MPI_INFO_ENV cannot be freed.
	{"MPI_Info_free", (*Bridge).infoFree, "info", false},
	{"MPI_Info_set", (*Bridge).infoSet, "info key value", false},
	{"MPI_Info_delete", (*Bridge).infoDelete, "info key", false},
	// MPI_Info_get(info, key, valuelen, value, flag): value has room for
	// valuelen characters and a NUL; longer values are truncated.
	{"MPI_Info_get", (*Bridge).infoGet, "info key valuelen value flag", false},
	{"MPI_Info_get_valuelen", (*Bridge).infoGetValuelen, "info key valuelen flag", false},
	// MPI_Info_get_string(info, key, buflen, value, flag) (MPI-4.0), also
	// over MPI-3.1 hosts.
	{"MPI_Info_get_string", (*Bridge).infoGetString, "info key buflen value flag", false},
	{"MPI_Info_get_nkeys", (*Bridge).infoGetNkeys, "info nkeys", false},
	// MPI_Info_get_nthkey(info, n, key): key has MPI_MAX_INFO_KEY bytes.
	{"MPI_Info_get_nthkey", (*Bridge).infoGetNthkey, "info n key", false},
}

// info returns the host info object behind guest handle h, for the
// functions that take an info argument: MPI_INFO_NULL is the host's.
func (b *Bridge) info(h uint32) (C.uintptr_t, bool) {
	switch h {
	case infoNull:
		return C.wr_info_host_null(), true
	case infoEnv:
		e := b.extra()
		if e.infoEnv == 0 {
			if C.wr_info_env(&b.outHandle) != 0 {
				return 0, false
			}
			e.infoEnv = b.outHandle
		}
		return e.infoEnv, true
	}
	p, ok := b.infos.Get(h)
	if !ok {
		return 0, false
	}
	return *p, true
}

// infoArg checks MPI state and an info argument, which may not be
// MPI_INFO_NULL.
func (b *Bridge) infoArg(fn string, h uint32) (C.uintptr_t, int32, bool) {
	if rc, ok := b.ready(fn); !ok {
		return 0, rc, false
	}
	if h != infoNull {
		if info, ok := b.info(h); ok {
			return info, 0, true
		}
	}
	return 0, b.fail(commWorld, fn, errInfo, "invalid info %#x", h), false
}

// infoString checks a key (class errInfoKey) or value (errInfoValue)
// string at off: NUL-terminated within max-1 bytes.
func (b *Bridge) infoString(fn string, off uint32, max int, class int32, what string) (*C.char, int32, bool) {
	if _, ok := b.cString(off, max-1); !ok {
		if !b.InBounds(off, 1) {
			return nil, b.fail(commWorld, fn, errArg, "%s at %#x is outside guest memory", what, off), false
		}
		return nil, b.fail(commWorld, fn, class, "%s at %#x is not a NUL-terminated string of fewer than %d bytes within guest memory", what, off, max), false
	}
	return (*C.char)(unsafePointer(&b.Full[off])), 0, true
}

// newInfo records the host info C left in b.outHandle and writes the guest
// handle to off.
func (b *Bridge) newInfo(fn string, rc C.int, off uint32) int32 {
	if rc != 0 {
		return b.hostError(commWorld, fn, rc)
	}
	h := b.infos.Add(b.outHandle)
	if h == 0 {
		C.wr_info_free(&b.outHandle)
		return b.fail(commWorld, fn, errIntern, "too many info objects")
	}
	b.writeI32(off, int32(h))
	return 0
}

func (b *Bridge) infoCreate(s []uint64) {
	const fn = "MPI_Info_create"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	out := uint32(s[0])
	if !b.InBounds(out, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "info pointer %#x is outside guest memory", out))
		return
	}
	s[0] = ret(b.newInfo(fn, C.wr_info_create(&b.outHandle), out))
}

func (b *Bridge) infoDup(s []uint64) {
	const fn = "MPI_Info_dup"
	info, rc, ok := b.infoArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	out := uint32(s[1])
	if !b.InBounds(out, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "newinfo pointer %#x is outside guest memory", out))
		return
	}
	s[0] = ret(b.newInfo(fn, C.wr_info_dup(info, &b.outHandle), out))
}

func (b *Bridge) infoFree(s []uint64) {
	const fn = "MPI_Info_free"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	off := uint32(s[0])
	h, ok := b.readI32(off)
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errArg, "info pointer %#x is outside guest memory", off))
		return
	}
	p, ok := b.infos.Get(uint32(h))
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errInfo, "invalid or predefined info %#x", uint32(h)))
		return
	}
	b.outHandle = *p
	rc := C.wr_info_free(&b.outHandle)
	b.infos.Remove(uint32(h))
	b.writeI32(off, int32(infoNull))
	s[0] = ret(b.hostError(commWorld, fn, rc))
}

func (b *Bridge) infoSet(s []uint64) {
	const fn = "MPI_Info_set"
	info, rc, ok := b.infoArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if uint32(s[0]) == infoEnv {
		s[0] = ret(b.fail(commWorld, fn, errInfo, "MPI_INFO_ENV cannot be changed"))
		return
	}
	key, rc, ok := b.infoString(fn, uint32(s[1]), maxInfoKey, errInfoKey, "key")
	if !ok {
		s[0] = ret(rc)
		return
	}
	value, rc, ok := b.infoString(fn, uint32(s[2]), maxInfoVal, errInfoValue, "value")
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.infoRoom(info, key) {
		s[0] = ret(b.fail(commWorld, fn, errIntern, "info object %#x already has %d keys, the most wasmrun allows", uint32(s[0]), maxInfoKeys))
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_info_set(info, key, value)))
}

func (b *Bridge) infoDelete(s []uint64) {
	const fn = "MPI_Info_delete"
	info, rc, ok := b.infoArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if uint32(s[0]) == infoEnv {
		s[0] = ret(b.fail(commWorld, fn, errInfo, "MPI_INFO_ENV cannot be changed"))
		return
	}
	key, rc, ok := b.infoString(fn, uint32(s[1]), maxInfoKey, errInfoKey, "key")
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_info_delete(info, key)))
}

// infoQuery checks the info and key arguments and an int out-parameter
// (the flag) of a query.
func (b *Bridge) infoQuery(fn string, s []uint64, flagOff uint32) (C.uintptr_t, *C.char, *C.int, int32, bool) {
	info, rc, ok := b.infoArg(fn, uint32(s[0]))
	if !ok {
		return 0, nil, nil, rc, false
	}
	key, rc, ok := b.infoString(fn, uint32(s[1]), maxInfoKey, errInfoKey, "key")
	if !ok {
		return 0, nil, nil, rc, false
	}
	flag, rc, ok := b.outPtr(fn, commWorld, flagOff)
	if !ok {
		return 0, nil, nil, rc, false
	}
	return info, key, flag, 0, true
}

func (b *Bridge) infoGet(s []uint64) {
	const fn = "MPI_Info_get"
	info, key, flag, rc, ok := b.infoQuery(fn, s, uint32(s[4]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	n, off := int32(s[2]), uint32(s[3])
	if n < 0 {
		s[0] = ret(b.fail(commWorld, fn, errArg, "negative valuelen %d", n))
		return
	}
	value, ok := b.ptr(off, uint64(n)+1)
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errArg, "value buffer of %d bytes at %#x is outside guest memory", n+1, off))
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_info_get(info, key, C.int(n), (*C.char)(value), flag)))
}

func (b *Bridge) infoGetValuelen(s []uint64) {
	const fn = "MPI_Info_get_valuelen"
	info, key, flag, rc, ok := b.infoQuery(fn, s, uint32(s[3]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	n, rc, ok := b.outPtr(fn, commWorld, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_info_get_valuelen(info, key, n, flag)))
}

func (b *Bridge) infoGetString(s []uint64) {
	const fn = "MPI_Info_get_string"
	info, key, flag, rc, ok := b.infoQuery(fn, s, uint32(s[4]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	lenOff, off := uint32(s[2]), uint32(s[3])
	n, ok := b.readI32(lenOff)
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errArg, "buflen pointer %#x is outside guest memory", lenOff))
		return
	}
	if n < 0 {
		s[0] = ret(b.fail(commWorld, fn, errArg, "negative buflen %d", n))
		return
	}
	var value *C.char
	if n > 0 {
		p, ok := b.ptr(off, uint64(n))
		if !ok {
			s[0] = ret(b.fail(commWorld, fn, errArg, "value buffer of %d bytes at %#x is outside guest memory", n, off))
			return
		}
		value = (*C.char)(p)
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_info_get_string(info, key, (*C.int)(unsafePointer(&b.Full[lenOff])), value, flag)))
}

func (b *Bridge) infoGetNkeys(s []uint64) {
	const fn = "MPI_Info_get_nkeys"
	info, rc, ok := b.infoArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	n, rc, ok := b.outPtr(fn, commWorld, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_info_get_nkeys(info, n)))
}

func (b *Bridge) infoGetNthkey(s []uint64) {
	const fn = "MPI_Info_get_nthkey"
	info, rc, ok := b.infoArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	off := uint32(s[2])
	key, ok := b.ptr(off, maxInfoKey)
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errArg, "key buffer of %d bytes at %#x is outside guest memory", maxInfoKey, off))
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_info_get_nthkey(info, C.int(int32(s[1])), (*C.char)(key), maxInfoKey)))
}
