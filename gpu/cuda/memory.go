package cuda

// #include "driver.h"
import "C"

import (
	"bytes"
	"encoding/binary"
	"unsafe"

	"github.com/tetratelabs/wazero/api"
)

// attach finds the guest's linear memory. wasmrun reserves it once at its
// maximum (see embedder), so its base never moves and the driver may keep
// pointers into it (asynchronous copies).
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

// inBounds reports whether [off, off+n) lies in the guest's memory, taking
// in memory the guest has grown since the last look.
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

// addr is the host address of the n guest bytes at off, checked; a
// guest NULL is the host NULL.
func (b *Bridge) addr(off uint32, n uint64) (C.wr_h, bool) {
	if off == 0 {
		return 0, n == 0
	}
	if !b.inBounds(off, n) {
		return 0, false
	}
	return C.wr_h(b.base + uintptr(off)), true
}

// guestAddr turns a host address inside guest memory back into the guest
// address; 0 if it is outside.
func (b *Bridge) guestAddr(p uintptr) uint32 {
	if p < b.base || p >= b.base+uintptr(len(b.full)) {
		return 0
	}
	return uint32(p - b.base)
}

// out checks an optional out-parameter of n bytes (0 is NULL: none).
func (b *Bridge) out(off uint32, n uint64) bool {
	return off == 0 || b.inBounds(off, n)
}

func (b *Bridge) readU32(off uint32) uint32 {
	return binary.LittleEndian.Uint32(b.full[off:])
}

func (b *Bridge) readU64(off uint32) uint64 {
	return binary.LittleEndian.Uint64(b.full[off:])
}

// put32 writes v at a checked out-parameter; NULL is skipped.
func (b *Bridge) put32(off uint32, v uint32) {
	if off != 0 {
		binary.LittleEndian.PutUint32(b.full[off:], v)
	}
}

// cstring checks the NUL-terminated string at off and returns its host
// address and length.
func (b *Bridge) cstring(off uint32) (C.wr_h, int, bool) {
	if off == 0 || !b.inBounds(off, 1) {
		return 0, 0, false
	}
	if uint64(b.mem.Size()) > uint64(len(b.full)) {
		b.inBounds(0, uint64(b.mem.Size()))
	}
	n := bytes.IndexByte(b.full[off:len(b.full)], 0)
	if n < 0 {
		return 0, 0, false
	}
	return C.wr_h(b.base + uintptr(off)), n, true
}

// put64 writes v at a checked out-parameter; NULL is skipped.
func (b *Bridge) put64(off uint32, v uint64) {
	if off != 0 {
		binary.LittleEndian.PutUint64(b.full[off:], v)
	}
}
