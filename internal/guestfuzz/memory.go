package guestfuzz

import (
	"context"
	"fmt"

	"github.com/tetratelabs/wazero/experimental"
	"golang.org/x/sys/unix"
)

// guardBytes of PROT_NONE lie before the guest memory; after it,
// tailBytes: any 32-bit guest offset from its base, and then some, lands
// in the guard (the address space costs nothing: nothing is reserved).
const (
	guardBytes = 1 << 20
	tailBytes  = 1<<32 + guardBytes
)

// Memory is a fixed-size guest linear memory between two guard regions
// that fault on any access.
type Memory struct {
	whole []byte // guard, memory, guard
	Bytes []byte // the guest memory itself, read-write
}

// NewMemory maps size bytes (a multiple of the 64 KiB wasm page) between
// two inaccessible guard regions: 1 MiB before it, and after it 4 GiB and
// 1 MiB, so that the host address of any guest offset (a 32-bit value
// added to the base) faults unless it lies inside the memory.
func NewMemory(size int) (*Memory, error) {
	whole, err := unix.Mmap(-1, 0, size+guardBytes+tailBytes, unix.PROT_NONE, unix.MAP_PRIVATE|unix.MAP_ANON|unix.MAP_NORESERVE)
	if err != nil {
		return nil, fmt.Errorf("map guest memory: %w", err)
	}
	mem := whole[guardBytes : guardBytes+size : guardBytes+size]
	if err := unix.Mprotect(mem, unix.PROT_READ|unix.PROT_WRITE); err != nil {
		unix.Munmap(whole)
		return nil, fmt.Errorf("protect guest memory: %w", err)
	}
	return &Memory{whole: whole, Bytes: mem}, nil
}

// Context returns ctx with an allocator that backs the next linear memory
// wazero creates with m. The module must declare a memory no larger than m
// (a fixed minimum and maximum is best).
func (m *Memory) Context(ctx context.Context) context.Context {
	return experimental.WithMemoryAllocator(ctx, experimental.MemoryAllocatorFunc(func(capacity, max uint64) experimental.LinearMemory {
		return m
	}))
}

// Reallocate implements experimental.LinearMemory: the memory never grows
// past its fixed size.
func (m *Memory) Reallocate(size uint64) []byte {
	if size > uint64(len(m.Bytes)) {
		return nil
	}
	return m.Bytes[:size]
}

// Free implements experimental.LinearMemory; the mapping lives as long as
// the process (the host may hold pointers into it).
func (m *Memory) Free() {}

// Fill writes a pattern derived from seed over the whole of mem, then data
// at off (clipped to mem).
func Fill(mem []byte, seed byte, off int, data []byte) {
	for i := range mem {
		mem[i] = byte(i*7) ^ seed
	}
	if off < len(mem) {
		copy(mem[off:], data)
	}
}
