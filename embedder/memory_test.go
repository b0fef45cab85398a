package embedder

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

func TestReservationGrowsInPlace(t *testing.T) {
	mem := allocator(0).Allocate(pageSize, 64*pageSize)
	defer mem.Free()

	first := mem.Reallocate(pageSize)
	require.Len(t, first, pageSize)
	base := unsafe.Pointer(&first[0])
	first[0] = 42
	for pages := uint64(2); pages <= 64; pages *= 2 {
		buf := mem.Reallocate(pages * pageSize)
		require.Len(t, buf, int(pages*pageSize))
		require.Equal(t, base, unsafe.Pointer(&buf[0]), "memory moved at %d pages", pages)
		require.Equal(t, byte(42), buf[0])
		buf[len(buf)-1] = 7 // the new tail is writable
	}
	require.Nil(t, mem.Reallocate(65*pageSize), "growing past the reservation must fail")
}

func TestAllocatorHonoursLimit(t *testing.T) {
	mem := allocator(4*pageSize).Allocate(pageSize, 1<<32)
	defer mem.Free()
	require.NotNil(t, mem.Reallocate(4*pageSize))
	require.Nil(t, mem.Reallocate(5*pageSize))
}
