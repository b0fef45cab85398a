package mpibridge

import (
	"encoding/binary"
	"unsafe"
)

// addr is the host address of guest offset off after checking the n bytes
// there. A zero-length range is valid anywhere (count 0 with a NULL buffer).
func (b *Bridge) addr(off uint32, n uint64) (uintptr, bool) {
	if n == 0 {
		return b.Base + uintptr(off), b.Mem != nil
	}
	if !b.InBounds(off, n) {
		return 0, false
	}
	return b.Base + uintptr(off), true
}

// ptr is like addr for out-parameters the C layer writes through.
func (b *Bridge) ptr(off uint32, n uint64) (unsafe.Pointer, bool) {
	if n == 0 || !b.InBounds(off, n) {
		return nil, false
	}
	return unsafe.Pointer(&b.Full[off]), true
}

func (b *Bridge) readI32(off uint32) (int32, bool) {
	if !b.InBounds(off, 4) {
		return 0, false
	}
	return int32(binary.LittleEndian.Uint32(b.Full[off:])), true
}

func (b *Bridge) writeI32(off uint32, v int32) bool {
	if !b.InBounds(off, 4) {
		return false
	}
	binary.LittleEndian.PutUint32(b.Full[off:], uint32(v))
	return true
}

// i32s returns the guest int array at off with n elements, unchecked
// otherwise; nil if it does not fit.
func (b *Bridge) i32s(off uint32, n int32) []int32 {
	if n < 0 || !b.InBounds(off, uint64(n)*4) {
		return nil
	}
	if n == 0 {
		return []int32{}
	}
	return unsafe.Slice((*int32)(unsafe.Pointer(&b.Full[off])), n)
}
