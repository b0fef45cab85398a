package mpibridge

import (
	"encoding/binary"
	"unsafe"

	"github.com/tetratelabs/wazero/api"
)

// attach finds the guest's linear memory. wasmrun reserves it once at its
// maximum (see embedder), so its base never moves and host MPI may keep
// pointers into it across nonblocking calls.
func (b *Bridge) attach(m api.Module) {
	mem := m.Memory()
	if mem == nil {
		return
	}
	buf, ok := mem.Read(0, mem.Size())
	if !ok || len(buf) == 0 {
		return
	}
	b.module = m
	b.mem = mem
	b.full = buf
	b.base = uintptr(unsafe.Pointer(&buf[0]))
}

// inBounds reports whether [off, off+n) lies in the guest's memory. When the
// guest has grown its memory since the last look, b.full is extended: in
// place, since the memory never moves.
func (b *Bridge) inBounds(off uint32, n uint64) bool {
	if b.mem == nil {
		return false
	}
	end := uint64(off) + n
	if end <= uint64(len(b.full)) {
		return true
	}
	size := b.mem.Size()
	if end > uint64(size) {
		return false
	}
	if buf, ok := b.mem.Read(0, size); ok {
		b.full = buf
	}
	return end <= uint64(len(b.full))
}

// addr is the host address of guest offset off after checking the n bytes
// there. A zero-length range is valid anywhere (count 0 with a NULL buffer).
func (b *Bridge) addr(off uint32, n uint64) (uintptr, bool) {
	if n == 0 {
		return b.base + uintptr(off), b.mem != nil
	}
	if !b.inBounds(off, n) {
		return 0, false
	}
	return b.base + uintptr(off), true
}

// ptr is like addr for out-parameters the C layer writes through.
func (b *Bridge) ptr(off uint32, n uint64) (unsafe.Pointer, bool) {
	if n == 0 || !b.inBounds(off, n) {
		return nil, false
	}
	return unsafe.Pointer(&b.full[off]), true
}

func (b *Bridge) readI32(off uint32) (int32, bool) {
	if !b.inBounds(off, 4) {
		return 0, false
	}
	return int32(binary.LittleEndian.Uint32(b.full[off:])), true
}

func (b *Bridge) writeI32(off uint32, v int32) bool {
	if !b.inBounds(off, 4) {
		return false
	}
	binary.LittleEndian.PutUint32(b.full[off:], uint32(v))
	return true
}

// i32s returns the guest int array at off with n elements, unchecked
// otherwise; nil if it does not fit.
func (b *Bridge) i32s(off uint32, n int32) []int32 {
	if n < 0 || !b.inBounds(off, uint64(n)*4) {
		return nil
	}
	if n == 0 {
		return []int32{}
	}
	return unsafe.Slice((*int32)(unsafe.Pointer(&b.full[off])), n)
}
