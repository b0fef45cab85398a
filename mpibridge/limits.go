package mpibridge

// #include "calls.h"
// #include "calls_ext.h"
import "C"

// What a guest can make the host hold on its behalf is bounded by the
// memory limit of the run (--max-memory, else the 4 GiB of wasm32), so a
// guest cannot exhaust the node through the bridge:
//
//   - live objects of each kind (communicators, groups, requests, datatypes,
//     ops, error handlers, windows, files, info objects, matched messages)
//     and error classes and codes added by the guest: one per 16 KiB of the
//     limit, at least 4096 (262,144 at 4 GiB);
//   - the host memory derived datatypes hold (the host MPI's representation
//     and the bridge's record of the constructor, counted at 64 bytes per
//     element of the constructor's arrays plus 1 KiB): at most the limit;
//   - keys of one info object: 1024.
//
// Arrays the bridge copies for one call (request, datatype, count and
// displacement arrays) are read from guest memory, so they are no larger
// than the guest's own memory; the guest's buffers, MPI_Buffer_attach's
// buffer and windows are guest memory and never copied.
const (
	bytesPerObject = 16 << 10
	minObjects     = 4096
	typeBaseBytes  = 1 << 10
	typeElemBytes  = 64
	maxInfoKeys    = 1024
	defaultLimit   = 4 << 30
)

// SetMemoryLimit implements embedder.MemoryLimiter: it bounds what the guest
// can make the host allocate, in proportion to limit, the guest's memory
// cap in bytes.
func (b *Bridge) SetMemoryLimit(limit uint64) {
	if limit == 0 {
		limit = defaultLimit
	}
	n := max(minObjects, int(limit/bytesPerObject))
	b.comms.SetLimit(n)
	b.groups.SetLimit(n)
	b.dtypes.SetLimit(n)
	b.users.SetLimit(n)
	b.wins.SetLimit(n)
	b.files.SetLimit(n)
	b.infos.SetLimit(n)
	b.msgs.SetLimit(n)
	b.errhs.SetLimit(n)
	b.reqs.SetLimit(n)
	b.limits.objects = n
	b.limits.typeBytes = int64(limit)
}

// limits are the bounds SetMemoryLimit set and what is used of them.
type limits struct {
	objects   int   // live objects per kind, added error codes
	typeBytes int64 // host bytes of derived datatypes
	typeUsed  int64
}

// typeCost is what the bridge counts for a derived datatype built as env.
func typeCost(env envelope) int64 {
	return typeBaseBytes + typeElemBytes*int64(len(env.ints)+len(env.aints)+len(env.types))
}

// infoRoom checks that key may be set in info without passing maxInfoKeys.
func (b *Bridge) infoRoom(info C.uintptr_t, key *C.char) bool {
	var n C.int
	if C.wr_info_get_nkeys(info, &n) != 0 || n < maxInfoKeys {
		return true
	}
	var vlen, flag C.int
	return C.wr_info_get_valuelen(info, key, &vlen, &flag) == 0 && flag != 0
}
