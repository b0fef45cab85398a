package mpibridge

// #include "calls.h"
import "C"

import (
	"encoding/binary"
	"unsafe"
)

var datatypeFunctions = []function{
	// Constructors: guest displacements are wasm32 offsets and guest
	// MPI_Aint arguments are 4 bytes; the host type gets the same layout.
	{"MPI_Type_contiguous", (*Bridge).typeContiguous, "count oldtype newtype", false},
	{"MPI_Type_vector", (*Bridge).typeVector, "count blocklength stride oldtype newtype", false},
	{"MPI_Type_create_hvector", (*Bridge).typeHvector, "count blocklength stride oldtype newtype", false},
	{"MPI_Type_indexed", func(b *Bridge, s []uint64) { b.typeIndexed(s, "MPI_Type_indexed", combinerIndexed) }, "count array_of_blocklengths array_of_displacements oldtype newtype", false},
	{"MPI_Type_create_hindexed", func(b *Bridge, s []uint64) { b.typeIndexed(s, "MPI_Type_create_hindexed", combinerHindexed) }, "count array_of_blocklengths array_of_displacements oldtype newtype", false},
	{"MPI_Type_create_indexed_block", func(b *Bridge, s []uint64) {
		b.typeIndexedBlock(s, "MPI_Type_create_indexed_block", combinerIndexedBlock)
	}, "count blocklength array_of_displacements oldtype newtype", false},
	{"MPI_Type_create_hindexed_block", func(b *Bridge, s []uint64) {
		b.typeIndexedBlock(s, "MPI_Type_create_hindexed_block", combinerHindexedBlock)
	}, "count blocklength array_of_displacements oldtype newtype", false},
	{"MPI_Type_create_struct", (*Bridge).typeStruct, "count array_of_blocklengths array_of_displacements array_of_types newtype", false},
	{"MPI_Type_create_subarray", (*Bridge).typeSubarray, "ndims array_of_sizes array_of_subsizes array_of_starts order oldtype newtype", false},
	{"MPI_Type_create_darray", (*Bridge).typeDarray, "size rank ndims array_of_gsizes array_of_distribs array_of_dargs array_of_psizes order oldtype newtype", false},
	{"MPI_Type_create_resized", (*Bridge).typeResized, "oldtype lb extent newtype", false},
	{"MPI_Type_dup", (*Bridge).typeDup, "oldtype newtype", false},
	{"MPI_Type_commit", (*Bridge).typeCommit, "datatype", false},
	{"MPI_Type_free", (*Bridge).typeFree, "datatype", false},
	// MPI_Type_size(datatype, size): the size in the guest (MPI_LONG is 4).
	{"MPI_Type_size", func(b *Bridge, s []uint64) { b.typeQuery(s, "MPI_Type_size", querySize, false) }, "datatype size", false},
	{"MPI_Type_size_x", func(b *Bridge, s []uint64) { b.typeQuery(s, "MPI_Type_size_x", querySize, true) }, "datatype size", false},
	// MPI_Type_get_extent(datatype, lb, extent): MPI_Aint results (4 bytes).
	{"MPI_Type_get_extent", func(b *Bridge, s []uint64) { b.typeQuery(s, "MPI_Type_get_extent", queryExtent, false) }, "datatype lb extent", false},
	{"MPI_Type_get_extent_x", func(b *Bridge, s []uint64) { b.typeQuery(s, "MPI_Type_get_extent_x", queryExtent, true) }, "datatype lb extent", false},
	{"MPI_Type_get_true_extent", func(b *Bridge, s []uint64) { b.typeQuery(s, "MPI_Type_get_true_extent", queryTrueExtent, false) }, "datatype true_lb true_extent", false},
	{"MPI_Type_get_true_extent_x", func(b *Bridge, s []uint64) { b.typeQuery(s, "MPI_Type_get_true_extent_x", queryTrueExtent, true) }, "datatype true_lb true_extent", false},
	{"MPI_Type_get_envelope", (*Bridge).typeGetEnvelope, "datatype num_integers num_addresses num_datatypes combiner", false},
	{"MPI_Type_get_contents", (*Bridge).typeGetContents, "datatype max_integers max_addresses max_datatypes array_of_integers array_of_addresses array_of_datatypes", false},
	// MPI_Get_address(location, address): a guest address is its offset.
	{"MPI_Get_address", (*Bridge).getAddress, "location address", false},
	{"MPI_Aint_add", (*Bridge).aintAdd, "base disp", false},
	{"MPI_Aint_diff", (*Bridge).aintDiff, "addr1 addr2", false},
	{"MPI_Pack", (*Bridge).pack, "inbuf incount datatype outbuf outsize position comm", false},
	{"MPI_Unpack", (*Bridge).unpack, "inbuf insize position outbuf outcount datatype comm", false},
	// MPI_Pack_size(incount, datatype, comm, size): what MPI_Pack would write.
	{"MPI_Pack_size", (*Bridge).packSize, "incount datatype comm size", false},
	// The portable "external32" representation (the only datarep MPI
	// names); positions and sizes are the guest's 4-byte MPI_Aint.
	{"MPI_Pack_external", (*Bridge).packExternal, "datarep inbuf incount datatype outbuf outsize position", false},
	{"MPI_Unpack_external", (*Bridge).unpackExternal, "datarep inbuf insize position outbuf outcount datatype", false},
	{"MPI_Pack_external_size", (*Bridge).packExternalSize, "datarep incount datatype size", false},
}

// envelope records how a derived type was built, in the guest's terms.
type envelope struct {
	combiner int32
	ints     []int32
	aints    []int32
	types    []uint32
}

// typeArg checks MPI state and a datatype argument.
func (b *Bridge) typeArg(fn string, h uint32) (*dtype, int32, bool) {
	if rc, ok := b.ready(fn); !ok {
		return nil, rc, false
	}
	t, ok := b.dtype(h)
	if !ok {
		return nil, b.fail(commWorld, fn, errType, "invalid datatype %#x", h), false
	}
	return t, 0, true
}

// ints reads a guest int array of n elements for fn, as a copy.
func (b *Bridge) intArray(fn, what string, off uint32, n int32) ([]int32, int32, bool) {
	if n < 0 {
		return nil, b.fail(commWorld, fn, errCount, "negative count %d", n), false
	}
	a := b.i32s(off, n)
	if a == nil {
		return nil, b.fail(commWorld, fn, errArg, "%s (%d ints at %#x) is outside guest memory", what, n, off), false
	}
	return append([]int32(nil), a...), 0, true
}

// newType records the host type C left in b.outHandle, queries its layout
// and writes its guest handle to off.
func (b *Bridge) newType(fn string, rc C.int, env envelope, name string, off uint32) int32 {
	if rc != 0 {
		return b.hostError(commWorld, fn, rc)
	}
	t := dtype{host: b.outHandle, derived: true, env: env, name: name}
	var info [5]C.int64_t
	if rc := C.wr_type_info(t.host, &info[0]); rc != 0 {
		C.wr_type_free(&b.outHandle)
		return b.hostError(commWorld, fn, rc)
	}
	t.size, t.lb, t.extent, t.tlb, t.textent = int64(info[0]), int64(info[1]), int64(info[2]), int64(info[3]), int64(info[4])
	t.cost = typeCost(env)
	if b.limits.typeUsed+t.cost > b.limits.typeBytes {
		C.wr_type_free(&b.outHandle)
		return b.fail(commWorld, fn, errIntern, "derived datatypes would hold more than %d bytes of host memory (the --max-memory limit)", b.limits.typeBytes)
	}
	h := b.dtypes.Add(t)
	if h == 0 {
		C.wr_type_free(&b.outHandle)
		return b.fail(commWorld, fn, errIntern, "too many datatypes (%d live, the --max-memory limit)", b.dtypes.Limit())
	}
	b.limits.typeUsed += t.cost
	b.writeI32(off, int32(h))
	return 0
}

// newTypeArgs checks the old type and the output pointer of a constructor.
func (b *Bridge) newTypeArgs(fn string, old, out uint32) (*dtype, int32, bool) {
	t, rc, ok := b.typeArg(fn, old)
	if !ok {
		return nil, rc, false
	}
	if !b.InBounds(out, 4) {
		return nil, b.fail(commWorld, fn, errArg, "newtype pointer %#x is outside guest memory", out), false
	}
	return t, 0, true
}

func (b *Bridge) typeContiguous(s []uint64) {
	const fn = "MPI_Type_contiguous"
	count, old, out := int32(s[0]), uint32(s[1]), uint32(s[2])
	t, rc, ok := b.newTypeArgs(fn, old, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if count < 0 {
		s[0] = ret(b.fail(commWorld, fn, errCount, "negative count %d", count))
		return
	}
	env := envelope{combiner: combinerContiguous, ints: []int32{count}, types: []uint32{old}}
	s[0] = ret(b.newType(fn, C.wr_type_contiguous(C.int(count), t.host, &b.outHandle), env, "contiguous", out))
}

func (b *Bridge) typeVector(s []uint64) {
	const fn = "MPI_Type_vector"
	count, blen, stride, old, out := int32(s[0]), int32(s[1]), int32(s[2]), uint32(s[3]), uint32(s[4])
	t, rc, ok := b.newTypeArgs(fn, old, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if count < 0 || blen < 0 {
		s[0] = ret(b.fail(commWorld, fn, errCount, "negative count %d or blocklength %d", count, blen))
		return
	}
	env := envelope{combiner: combinerVector, ints: []int32{count, blen, stride}, types: []uint32{old}}
	s[0] = ret(b.newType(fn, C.wr_type_vector(C.int(count), C.int(blen), C.int(stride), t.host, &b.outHandle), env, "vector", out))
}

func (b *Bridge) typeHvector(s []uint64) {
	const fn = "MPI_Type_create_hvector"
	count, blen, stride, old, out := int32(s[0]), int32(s[1]), int32(s[2]), uint32(s[3]), uint32(s[4])
	t, rc, ok := b.newTypeArgs(fn, old, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if count < 0 || blen < 0 {
		s[0] = ret(b.fail(commWorld, fn, errCount, "negative count %d or blocklength %d", count, blen))
		return
	}
	env := envelope{combiner: combinerHvector, ints: []int32{count, blen}, aints: []int32{stride}, types: []uint32{old}}
	s[0] = ret(b.newType(fn, C.wr_type_hvector(C.int(count), C.int(blen), C.int64_t(stride), t.host, &b.outHandle), env, "hvector", out))
}

// typeIndexed is MPI_Type_indexed and MPI_Type_create_hindexed(count,
// blocklengths, displacements, oldtype, newtype).
func (b *Bridge) typeIndexed(s []uint64, fn string, combiner int32) {
	count, old, out := int32(s[0]), uint32(s[3]), uint32(s[4])
	t, rc, ok := b.newTypeArgs(fn, old, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	blens, rc, ok := b.intArray(fn, "array_of_blocklengths", uint32(s[1]), count)
	if !ok {
		s[0] = ret(rc)
		return
	}
	displs, rc, ok := b.intArray(fn, "array_of_displacements", uint32(s[2]), count)
	if !ok {
		s[0] = ret(rc)
		return
	}
	var rcC C.int
	env := envelope{combiner: combiner, ints: append([]int32{count}, blens...), types: []uint32{old}}
	if combiner == combinerIndexed {
		env.ints = append(env.ints, displs...)
		rcC = C.wr_type_indexed(C.int(count), cInts(blens), cInts(displs), t.host, &b.outHandle)
	} else {
		env.aints = displs
		rcC = C.wr_type_hindexed(C.int(count), cInts(blens), cI32s(displs), t.host, &b.outHandle)
	}
	s[0] = ret(b.newType(fn, rcC, env, "indexed", out))
}

// typeIndexedBlock is MPI_Type_create_indexed_block and
// MPI_Type_create_hindexed_block(count, blocklength, displacements, oldtype, newtype).
func (b *Bridge) typeIndexedBlock(s []uint64, fn string, combiner int32) {
	count, blen, old, out := int32(s[0]), int32(s[1]), uint32(s[3]), uint32(s[4])
	t, rc, ok := b.newTypeArgs(fn, old, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	displs, rc, ok := b.intArray(fn, "array_of_displacements", uint32(s[2]), count)
	if !ok {
		s[0] = ret(rc)
		return
	}
	var rcC C.int
	env := envelope{combiner: combiner, ints: []int32{count, blen}, types: []uint32{old}}
	if combiner == combinerIndexedBlock {
		env.ints = append(env.ints, displs...)
		rcC = C.wr_type_indexed_block(C.int(count), C.int(blen), cInts(displs), t.host, &b.outHandle)
	} else {
		env.aints = displs
		rcC = C.wr_type_hindexed_block(C.int(count), C.int(blen), cI32s(displs), t.host, &b.outHandle)
	}
	s[0] = ret(b.newType(fn, rcC, env, "indexed_block", out))
}

func (b *Bridge) typeStruct(s []uint64) {
	const fn = "MPI_Type_create_struct"
	count, out := int32(s[0]), uint32(s[4])
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	blens, rc, ok := b.intArray(fn, "array_of_blocklengths", uint32(s[1]), count)
	if !ok {
		s[0] = ret(rc)
		return
	}
	displs, rc, ok := b.intArray(fn, "array_of_displacements", uint32(s[2]), count)
	if !ok {
		s[0] = ret(rc)
		return
	}
	guestTypes, rc, ok := b.intArray(fn, "array_of_types", uint32(s[3]), count)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.InBounds(out, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "newtype pointer %#x is outside guest memory", out))
		return
	}
	host := make([]C.uintptr_t, max(count, 1))
	env := envelope{combiner: combinerStruct, ints: append([]int32{count}, blens...), aints: displs}
	for i, h := range guestTypes {
		t, ok := b.dtype(uint32(h))
		if !ok {
			s[0] = ret(b.fail(commWorld, fn, errType, "invalid datatype %#x at index %d", uint32(h), i))
			return
		}
		host[i] = t.host
		env.types = append(env.types, uint32(h))
	}
	s[0] = ret(b.newType(fn, C.wr_type_struct(C.int(count), cInts(blens), cI32s(displs), &host[0], &b.outHandle), env, "struct", out))
}

func (b *Bridge) typeSubarray(s []uint64) {
	const fn = "MPI_Type_create_subarray"
	n, order, old, out := int32(s[0]), int32(s[4]), uint32(s[5]), uint32(s[6])
	t, rc, ok := b.newTypeArgs(fn, old, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	var arrays [3][]int32
	for i, what := range []string{"array_of_sizes", "array_of_subsizes", "array_of_starts"} {
		if arrays[i], rc, ok = b.intArray(fn, what, uint32(s[1+i]), n); !ok {
			s[0] = ret(rc)
			return
		}
	}
	env := envelope{combiner: combinerSubarray, ints: append(append(append(append([]int32{n}, arrays[0]...), arrays[1]...), arrays[2]...), order), types: []uint32{old}}
	rcC := C.wr_type_subarray(C.int(n), cInts(arrays[0]), cInts(arrays[1]), cInts(arrays[2]), C.int(order), t.host, &b.outHandle)
	s[0] = ret(b.newType(fn, rcC, env, "subarray", out))
}

func (b *Bridge) typeDarray(s []uint64) {
	const fn = "MPI_Type_create_darray"
	size, rank, n, order, old, out := int32(s[0]), int32(s[1]), int32(s[2]), int32(s[7]), uint32(s[8]), uint32(s[9])
	t, rc, ok := b.newTypeArgs(fn, old, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	var arrays [4][]int32
	for i, what := range []string{"array_of_gsizes", "array_of_distribs", "array_of_dargs", "array_of_psizes"} {
		if arrays[i], rc, ok = b.intArray(fn, what, uint32(s[3+i]), n); !ok {
			s[0] = ret(rc)
			return
		}
	}
	ints := []int32{size, rank, n}
	for _, a := range arrays {
		ints = append(ints, a...)
	}
	env := envelope{combiner: combinerDarray, ints: append(ints, order), types: []uint32{old}}
	rcC := C.wr_type_darray(C.int(size), C.int(rank), C.int(n), cInts(arrays[0]), cInts(arrays[1]), cInts(arrays[2]), cInts(arrays[3]), C.int(order), t.host, &b.outHandle)
	s[0] = ret(b.newType(fn, rcC, env, "darray", out))
}

func (b *Bridge) typeResized(s []uint64) {
	const fn = "MPI_Type_create_resized"
	old, lb, extent, out := uint32(s[0]), int32(s[1]), int32(s[2]), uint32(s[3])
	t, rc, ok := b.newTypeArgs(fn, old, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	env := envelope{combiner: combinerResized, aints: []int32{lb, extent}, types: []uint32{old}}
	s[0] = ret(b.newType(fn, C.wr_type_resized(t.host, C.int64_t(lb), C.int64_t(extent), &b.outHandle), env, "resized", out))
}

func (b *Bridge) typeDup(s []uint64) {
	const fn = "MPI_Type_dup"
	old, out := uint32(s[0]), uint32(s[1])
	t, rc, ok := b.newTypeArgs(fn, old, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	env := envelope{combiner: combinerDup, types: []uint32{old}}
	name := t.name
	rc = b.newType(fn, C.wr_type_dup(t.host, &b.outHandle), env, name, out)
	if rc == 0 {
		if h, ok := b.readI32(out); ok {
			if nt, ok := b.dtypes.Get(uint32(h)); ok {
				nt.committed = t.committed
			}
		}
	}
	s[0] = ret(rc)
}

// derivedAt reads the guest handle at off and returns the derived type.
func (b *Bridge) derivedAt(fn string, off uint32) (uint32, *dtype, int32, bool) {
	if rc, ok := b.ready(fn); !ok {
		return 0, nil, rc, false
	}
	h, ok := b.readI32(off)
	if !ok {
		return 0, nil, b.fail(commWorld, fn, errArg, "datatype pointer %#x is outside guest memory", off), false
	}
	if _, ok := b.dtype(uint32(h)); ok && uint32(h)-datatypeFirst < predefTypeCount {
		return uint32(h), nil, 0, true // predefined
	}
	t, ok := b.dtypes.Get(uint32(h))
	if !ok {
		return 0, nil, b.fail(commWorld, fn, errType, "invalid datatype %#x", uint32(h)), false
	}
	return uint32(h), t, 0, true
}

func (b *Bridge) typeCommit(s []uint64) {
	const fn = "MPI_Type_commit"
	_, t, rc, ok := b.derivedAt(fn, uint32(s[0]))
	if !ok || t == nil {
		s[0] = ret(rc) // committing a predefined type is allowed and does nothing
		return
	}
	b.outHandle = t.host
	rcC := C.wr_type_commit(&b.outHandle)
	t.host = b.outHandle
	t.committed = rcC == 0
	s[0] = ret(b.hostError(commWorld, fn, rcC))
}

func (b *Bridge) typeFree(s []uint64) {
	const fn = "MPI_Type_free"
	off := uint32(s[0])
	h, t, rc, ok := b.derivedAt(fn, off)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if t == nil || t.freed {
		s[0] = ret(b.fail(commWorld, fn, errType, "datatype %#x cannot be freed (predefined or already freed)", h))
		return
	}
	b.writeI32(off, int32(datatypeNull))
	if t.pins > 0 {
		// A persistent collective still uses it: MPI lets the guest free it
		// now; the host type goes when the last such request does.
		t.freed = true
		s[0] = 0
		return
	}
	s[0] = ret(b.releaseType(fn, h, t))
}

// releaseType frees derived type h on the host and forgets it.
func (b *Bridge) releaseType(fn string, h uint32, t *dtype) int32 {
	b.outHandle = t.host
	rc := C.wr_type_free(&b.outHandle)
	b.limits.typeUsed -= t.cost
	b.dtypes.Remove(h)
	return b.hostError(commWorld, fn, rc)
}

// What typeQuery reports.
const (
	querySize = iota
	queryExtent
	queryTrueExtent
)

// typeQuery is MPI_Type_size(_x), MPI_Type_get_extent(_x) and
// MPI_Type_get_true_extent(_x): plain results are int (size) or MPI_Aint
// (4 bytes in the guest); _x results are MPI_Count (8 bytes).
func (b *Bridge) typeQuery(s []uint64, fn string, what int, wide bool) {
	t, rc, ok := b.typeArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	var vals []int64
	switch what {
	case querySize:
		vals = []int64{t.size}
	case queryExtent:
		vals = []int64{t.lb, t.extent}
	default:
		vals = []int64{t.tlb, t.textent}
	}
	width := uint64(4)
	if wide {
		width = 8
	}
	for i, v := range vals {
		off := uint32(s[1+i])
		if !b.InBounds(off, width) {
			s[0] = ret(b.fail(commWorld, fn, errArg, "output pointer %#x is outside guest memory", off))
			return
		}
		if !wide && (v > 1<<31-1 || v < -1<<31) {
			v = undefined // does not fit: MPI_UNDEFINED, as the standard says
		}
		if wide {
			binary.LittleEndian.PutUint64(b.Full[off:], uint64(v))
		} else {
			binary.LittleEndian.PutUint32(b.Full[off:], uint32(int32(v)))
		}
	}
	s[0] = 0
}

func (b *Bridge) typeGetEnvelope(s []uint64) {
	const fn = "MPI_Type_get_envelope"
	t, rc, ok := b.typeArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	vals := [4]int32{0, 0, 0, combinerNamed}
	if t.derived {
		vals = [4]int32{int32(len(t.env.ints)), int32(len(t.env.aints)), int32(len(t.env.types)), t.env.combiner}
	}
	for i, v := range vals {
		if !b.writeI32(uint32(s[1+i]), v) {
			s[0] = ret(b.fail(commWorld, fn, errArg, "output pointer %#x is outside guest memory", uint32(s[1+i])))
			return
		}
	}
	s[0] = 0
}

func (b *Bridge) typeGetContents(s []uint64) {
	const fn = "MPI_Type_get_contents"
	t, rc, ok := b.typeArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !t.derived {
		s[0] = ret(b.fail(commWorld, fn, errArg, "%s is predefined: it has no contents", t.name))
		return
	}
	maxInts, maxAints, maxTypes := int32(s[1]), int32(s[2]), int32(s[3])
	e := t.env
	if maxInts < int32(len(e.ints)) || maxAints < int32(len(e.aints)) || maxTypes < int32(len(e.types)) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "arrays too small for the contents (%d ints, %d addresses, %d types)", len(e.ints), len(e.aints), len(e.types)))
		return
	}
	outs := []struct {
		off  uint32
		vals []int32
	}{{uint32(s[4]), e.ints}, {uint32(s[5]), e.aints}}
	types := make([]int32, len(e.types))
	for i, h := range e.types {
		types[i] = int32(h)
	}
	outs = append(outs, struct {
		off  uint32
		vals []int32
	}{uint32(s[6]), types})
	for _, o := range outs {
		dst := b.i32s(o.off, int32(len(o.vals)))
		if dst == nil {
			s[0] = ret(b.fail(commWorld, fn, errArg, "output array at %#x is outside guest memory", o.off))
			return
		}
		copy(dst, o.vals)
	}
	// Derived component types come back as new handles, equivalent to the
	// originals (same envelope), that the caller frees.
	dst := b.i32s(uint32(s[6]), int32(len(types)))
	for i, h := range e.types {
		inner, ok := b.dtypes.Get(h)
		if !ok {
			continue
		}
		env, name, committed := inner.env, inner.name, inner.committed
		if rc := b.newType(fn, C.wr_type_dup(inner.host, &b.outHandle), env, name, uint32(s[6])+uint32(4*i)); rc != 0 {
			s[0] = ret(rc)
			return
		}
		if nt, ok := b.dtypes.Get(uint32(dst[i])); ok {
			nt.committed = committed
		}
	}
	s[0] = 0
}

func (b *Bridge) getAddress(s []uint64) {
	if !b.writeI32(uint32(s[1]), int32(uint32(s[0]))) {
		s[0] = ret(b.fail(commWorld, "MPI_Get_address", errArg, "address pointer %#x is outside guest memory", uint32(s[1])))
		return
	}
	s[0] = 0
}

// MPI_Aint_add and MPI_Aint_diff return MPI_Aint (an i32 in wasm32).
func (b *Bridge) aintAdd(s []uint64)  { s[0] = uint64(uint32(int32(s[0]) + int32(s[1]))) }
func (b *Bridge) aintDiff(s []uint64) { s[0] = uint64(uint32(int32(s[0]) - int32(s[1]))) }

func (b *Bridge) pack(s []uint64) {
	const fn = "MPI_Pack"
	ch := uint32(s[6])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	a, rc, ok := b.packArgs(fn, ch, uint32(s[0]), int32(s[1]), uint32(s[2]), uint32(s[3]), int32(s[4]), uint32(s[5]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_pack(a.data, C.int(a.count), a.t, a.packed, C.int(a.size), a.pos, c.host)))
}

// packed are the checked arguments of a pack or unpack: count elements of
// datatype t at data, and the packed buffer of size bytes with the
// position in it.
type packed struct {
	data, packed C.uintptr_t
	count, size  int32
	t            C.uintptr_t
	pos          *C.int
}

// packArgs checks the arguments of MPI_Pack(inbuf, incount, datatype,
// outbuf, outsize, position) and its external form.
func (b *Bridge) packArgs(fn string, ch, inOff uint32, count int32, th, outOff uint32, outSize int32, posOff uint32) (packed, int32, bool) {
	in, t, rc, ok := b.buf(fn, ch, inOff, count, th)
	if !ok {
		return packed{}, rc, false
	}
	out, rc, ok := b.packedBuf(fn, ch, "output", outOff, outSize)
	if !ok {
		return packed{}, rc, false
	}
	pos, rc, ok := b.position(fn, ch, posOff, outSize)
	if !ok {
		return packed{}, rc, false
	}
	return packed{data: in, packed: out, count: count, size: outSize, t: t, pos: pos}, 0, true
}

// unpackArgs checks the arguments of MPI_Unpack(inbuf, insize, position,
// outbuf, outcount, datatype) and its external form.
func (b *Bridge) unpackArgs(fn string, ch, inOff uint32, inSize int32, posOff, outOff uint32, count int32, th uint32) (packed, int32, bool) {
	in, rc, ok := b.packedBuf(fn, ch, "input", inOff, inSize)
	if !ok {
		return packed{}, rc, false
	}
	out, t, rc, ok := b.buf(fn, ch, outOff, count, th)
	if !ok {
		return packed{}, rc, false
	}
	pos, rc, ok := b.position(fn, ch, posOff, inSize)
	if !ok {
		return packed{}, rc, false
	}
	return packed{data: out, packed: in, count: count, size: inSize, t: t, pos: pos}, 0, true
}

// packedBuf checks a packed buffer of size bytes at off.
func (b *Bridge) packedBuf(fn string, ch uint32, what string, off uint32, size int32) (C.uintptr_t, int32, bool) {
	if size < 0 {
		return 0, b.fail(ch, fn, errArg, "negative %s size %d", what, size), false
	}
	a, ok := b.addr(off, uint64(size))
	if !ok {
		return 0, b.fail(ch, fn, errBuffer, "%s buffer of %d bytes at %#x is outside guest memory", what, size, off), false
	}
	return C.uintptr_t(a), 0, true
}

func (b *Bridge) unpack(s []uint64) {
	const fn = "MPI_Unpack"
	ch := uint32(s[6])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	a, rc, ok := b.unpackArgs(fn, ch, uint32(s[0]), int32(s[1]), uint32(s[2]), uint32(s[3]), int32(s[4]), uint32(s[5]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_unpack(a.packed, C.int(a.size), a.pos, a.data, C.int(a.count), a.t, c.host)))
}

func (b *Bridge) packSize(s []uint64) {
	const fn = "MPI_Pack_size"
	count, ch := int32(s[0]), uint32(s[2])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	t, rc, ok := b.typeArg(fn, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if count < 0 {
		s[0] = ret(b.fail(ch, fn, errCount, "negative count %d", count))
		return
	}
	out, rc, ok := b.outPtr(fn, ch, uint32(s[3]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_pack_size(C.int(count), t.host, c.host, out)))
}

// position checks the in-out position of a pack or unpack into a buffer
// of size bytes: it must lie in [0, size], or the host would read or write
// outside the buffer.
func (b *Bridge) position(fn string, ch, off uint32, size int32) (*C.int, int32, bool) {
	p, rc, ok := b.outPtr(fn, ch, off)
	if !ok {
		return nil, rc, false
	}
	if pos := int32(*p); pos < 0 || pos > size {
		return nil, b.fail(ch, fn, errArg, "position %d is outside the %d-byte buffer", pos, size), false
	}
	return p, 0, true
}

// datarep checks the datarep argument of the external32 calls.
func (b *Bridge) datarep(fn string, off uint32) (int32, bool) {
	rep, ok := b.cString(off, 64)
	if !ok {
		return b.fail(commWorld, fn, errArg, "datarep at %#x is not a NUL-terminated string within guest memory", off), false
	}
	if string(rep) != "external32" {
		return b.fail(commWorld, fn, errArg, "datarep %q is not \"external32\"", rep), false
	}
	return 0, true
}

func (b *Bridge) packExternal(s []uint64) {
	const fn = "MPI_Pack_external"
	if rc, ok := b.datarep(fn, uint32(s[0])); !ok {
		s[0] = ret(rc)
		return
	}
	a, rc, ok := b.packArgs(fn, commWorld, uint32(s[1]), int32(s[2]), uint32(s[3]), uint32(s[4]), int32(s[5]), uint32(s[6]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_pack_external(a.data, C.int(a.count), a.t, a.packed, C.int64_t(a.size), (*C.int32_t)(unsafe.Pointer(a.pos)))))
}

func (b *Bridge) unpackExternal(s []uint64) {
	const fn = "MPI_Unpack_external"
	if rc, ok := b.datarep(fn, uint32(s[0])); !ok {
		s[0] = ret(rc)
		return
	}
	a, rc, ok := b.unpackArgs(fn, commWorld, uint32(s[1]), int32(s[2]), uint32(s[3]), uint32(s[4]), int32(s[5]), uint32(s[6]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_unpack_external(a.packed, C.int64_t(a.size), (*C.int32_t)(unsafe.Pointer(a.pos)), a.data, C.int(a.count), a.t)))
}

func (b *Bridge) packExternalSize(s []uint64) {
	const fn = "MPI_Pack_external_size"
	count, sizeOff := int32(s[1]), uint32(s[3])
	if rc, ok := b.datarep(fn, uint32(s[0])); !ok {
		s[0] = ret(rc)
		return
	}
	t, rc, ok := b.typeArg(fn, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if count < 0 {
		s[0] = ret(b.fail(commWorld, fn, errCount, "negative count %d", count))
		return
	}
	if !b.InBounds(sizeOff, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "size pointer %#x is outside guest memory", sizeOff))
		return
	}
	var n C.int64_t
	if rcC := C.wr_pack_external_size(C.int(count), t.host, &n); rcC != 0 {
		s[0] = ret(b.hostError(commWorld, fn, rcC))
		return
	}
	if n > 1<<31-1 {
		s[0] = ret(b.fail(commWorld, fn, errSize, "the packed size %d does not fit in the guest's MPI_Aint; use MPI_Pack_external_size_c", n))
		return
	}
	b.writeI32(sizeOff, int32(n))
	s[0] = 0
}

// cInts passes a Go copy of a guest int array to C (nil for none).
func cInts(a []int32) *C.int {
	if len(a) == 0 {
		return nil
	}
	return (*C.int)(unsafe.Pointer(&a[0]))
}

func cI32s(a []int32) *C.int32_t {
	if len(a) == 0 {
		return nil
	}
	return (*C.int32_t)(unsafe.Pointer(&a[0]))
}
