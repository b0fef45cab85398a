package guestmem

import (
	"bytes"
	"encoding/binary"
	"unsafe"

	"github.com/tetratelabs/wazero/api"
)

// Memory is a guest's linear memory as a host module sees it. Embed it in
// the module's state and call Attach on the first host call.
type Memory struct {
	Module api.Module // the guest, once attached
	Mem    api.Memory
	Full   []byte  // [0, Mem.Size()) as of the last look; it only grows
	Base   uintptr // the host address of Full[0]
}

// Attach finds m's linear memory; without one every range is out of
// bounds.
func (g *Memory) Attach(m api.Module) {
	mem := m.Memory()
	if mem == nil {
		return
	}
	buf, ok := mem.Read(0, mem.Size())
	if !ok || len(buf) == 0 {
		return
	}
	g.Module, g.Mem, g.Full = m, mem, buf
	g.Base = uintptr(unsafe.Pointer(&buf[0]))
}

// InBounds reports whether [off, off+n) lies in the guest's memory. When
// the guest has grown its memory since the last look, Full is extended: in
// place, since the memory never moves.
func (g *Memory) InBounds(off uint32, n uint64) bool {
	if g.Mem == nil {
		return false
	}
	end := uint64(off) + n
	if end <= uint64(len(g.Full)) {
		return true
	}
	size := g.Mem.Size()
	if end > uint64(size) {
		return false
	}
	if buf, ok := g.Mem.Read(0, size); ok {
		g.Full = buf
	}
	return end <= uint64(len(g.Full))
}

// Ptr is the host address of the n guest bytes at off, checked; the guest
// NULL (0) is the host NULL, valid only for an empty range.
func (g *Memory) Ptr(off uint32, n uint64) (uintptr, bool) {
	if off == 0 {
		return 0, n == 0
	}
	if !g.InBounds(off, n) {
		return 0, false
	}
	return g.Base + uintptr(off), true
}

// GuestAddr turns a host address inside guest memory back into the guest
// address; 0 if it is outside.
func (g *Memory) GuestAddr(p uintptr) uint32 {
	if p < g.Base || p >= g.Base+uintptr(len(g.Full)) {
		return 0
	}
	return uint32(p - g.Base)
}

// Out checks an optional out-parameter of n bytes (0 is NULL: none).
func (g *Memory) Out(off uint32, n uint64) bool {
	return off == 0 || g.InBounds(off, n)
}

// ReadU32 and ReadU64 read a checked guest value.
func (g *Memory) ReadU32(off uint32) uint32 { return binary.LittleEndian.Uint32(g.Full[off:]) }
func (g *Memory) ReadU64(off uint32) uint64 { return binary.LittleEndian.Uint64(g.Full[off:]) }

// PutU32 and PutU64 write v at a checked out-parameter; NULL is skipped.
func (g *Memory) PutU32(off uint32, v uint32) {
	if off != 0 {
		binary.LittleEndian.PutUint32(g.Full[off:], v)
	}
}

func (g *Memory) PutU64(off uint32, v uint64) {
	if off != 0 {
		binary.LittleEndian.PutUint64(g.Full[off:], v)
	}
}

// CString checks the NUL-terminated string at off and returns its host
// address and length.
func (g *Memory) CString(off uint32) (uintptr, int, bool) {
	if off == 0 || !g.InBounds(off, 1) {
		return 0, 0, false
	}
	if uint64(g.Mem.Size()) > uint64(len(g.Full)) {
		g.InBounds(0, uint64(g.Mem.Size()))
	}
	n := bytes.IndexByte(g.Full[off:len(g.Full)], 0)
	if n < 0 {
		return 0, 0, false
	}
	return g.Base + uintptr(off), n, true
}
