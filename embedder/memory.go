package embedder

import (
	"github.com/tetratelabs/wazero/experimental"
	"golang.org/x/sys/unix"
)

const pageSize = 65536

// reservation is a linear memory reserved once at its maximum size with
// PROT_NONE and made accessible in place as the guest grows it, so that its
// base address never changes. Host libraries (MPI, GPU drivers) may
// therefore keep pointers into it across calls.
type reservation struct {
	buf  []byte // whole reservation, len == cap == reserved bytes
	used uint64 // bytes currently readable and writable
}

// allocator returns the memory allocator that wazero uses for every linear
// memory it creates. limit caps the reservation (0 means 4 GiB).
func allocator(limit uint64) experimental.MemoryAllocator {
	return experimental.MemoryAllocatorFunc(func(capacity, max uint64) experimental.LinearMemory {
		if limit > 0 && max > limit {
			max = limit
		}
		if max < capacity {
			max = capacity
		}
		return reserve(max)
	})
}

func reserve(max uint64) experimental.LinearMemory {
	if max == 0 {
		max = pageSize
	}
	buf, err := unix.Mmap(-1, 0, int(max), unix.PROT_NONE, unix.MAP_PRIVATE|unix.MAP_ANON|unix.MAP_NORESERVE)
	if err != nil {
		// wazero treats a nil slice from Reallocate as out of memory.
		return &reservation{}
	}
	return &reservation{buf: buf}
}

// Reallocate makes the first size bytes accessible and returns them. It
// returns nil when size exceeds the reservation, which wazero reports to the
// guest as a failed memory.grow.
func (r *reservation) Reallocate(size uint64) []byte {
	if size > uint64(len(r.buf)) {
		return nil
	}
	if size > r.used {
		// Round to whole OS pages; wasm pages are multiples of them.
		if err := unix.Mprotect(r.buf[r.used:size], unix.PROT_READ|unix.PROT_WRITE); err != nil {
			return nil
		}
		r.used = size
	}
	return r.buf[:size:len(r.buf)]
}

// Free releases the reservation.
func (r *reservation) Free() {
	if r.buf != nil {
		_ = unix.Munmap(r.buf)
		r.buf = nil
		r.used = 0
	}
}
