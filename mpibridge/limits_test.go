package mpibridge

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLimits: with a 64 MiB memory limit the guest can hold 4096 objects
// of a kind, derived datatypes worth 64 MiB of host memory and 1024 keys in
// an info object; past that the calls fail with MPI_ERR_INTERN and freeing
// makes room again.
func TestLimits(t *testing.T) {
	b, mem := guest(t)
	stack := make([]uint64, 16)
	require.Zero(t, call(b, find("MPI_Comm_set_errhandler"), stack, commWorld, errorsReturn))
	require.Zero(t, call(b, find("MPI_Comm_set_errhandler"), stack, commSelf, errorsReturn))
	b.SetMemoryLimit(64 << 20)
	t.Cleanup(func() { b.SetMemoryLimit(defaultLimit) })
	const (
		out    = 1024
		displs = 2048 // 4000 ints
		key    = 20000
		value  = 20100
	)

	t.Run("groups", func(t *testing.T) {
		var handles []uint32
		for {
			rc := call(b, find("MPI_Comm_group"), stack, commSelf, out)
			if rc != 0 {
				require.Equal(t, int32(errIntern), rc)
				break
			}
			h, _ := mem.ReadUint32Le(out)
			handles = append(handles, h)
			require.LessOrEqual(t, len(handles), minObjects)
		}
		require.Len(t, handles, minObjects)
		for _, h := range handles {
			mem.WriteUint32Le(out, h)
			require.Zero(t, call(b, find("MPI_Group_free"), stack, out))
		}
		require.Zero(t, call(b, find("MPI_Comm_group"), stack, commSelf, out), "room again")
		require.Zero(t, call(b, find("MPI_Group_free"), stack, out))
	})

	t.Run("datatype bytes", func(t *testing.T) {
		for i := uint32(0); i < 4000; i++ {
			mem.WriteUint32Le(displs+4*i, i*2)
		}
		var handles []uint32
		for {
			rc := call(b, find("MPI_Type_create_indexed_block"), stack, 4000, 1, displs, typeInt, out)
			if rc != 0 {
				require.Equal(t, int32(errIntern), rc)
				break
			}
			h, _ := mem.ReadUint32Le(out)
			handles = append(handles, h)
			require.Less(t, len(handles), 1000)
		}
		cost := typeCost(envelope{ints: make([]int32, 4002)})
		require.Equal(t, int((64<<20)/cost), len(handles))
		for _, h := range handles {
			mem.WriteUint32Le(out, h)
			require.Zero(t, call(b, find("MPI_Type_free"), stack, out))
		}
		require.Zero(t, b.limits.typeUsed)
	})

	t.Run("info keys", func(t *testing.T) {
		require.Zero(t, call(b, find("MPI_Info_create"), stack, out))
		info, _ := mem.ReadUint32Le(out)
		mem.Write(value, []byte("v\x00"))
		for i := 0; i < maxInfoKeys; i++ {
			mem.Write(key, []byte(fmt.Sprintf("k%d\x00", i)))
			require.Zero(t, call(b, find("MPI_Info_set"), stack, uint64(info), key, value))
		}
		mem.Write(key, []byte("one-too-many\x00"))
		require.Equal(t, int32(errIntern), call(b, find("MPI_Info_set"), stack, uint64(info), key, value))
		mem.Write(key, []byte("k7\x00"))
		require.Zero(t, call(b, find("MPI_Info_set"), stack, uint64(info), key, value), "an existing key may change")
		require.Zero(t, call(b, find("MPI_Info_free"), stack, out))
	})

	t.Run("added error codes", func(t *testing.T) {
		n := len(b.userCodes)
		for len(b.userCodes) < minObjects {
			require.Zero(t, call(b, find("MPI_Add_error_class"), stack, out))
		}
		require.Equal(t, int32(errIntern), call(b, find("MPI_Add_error_class"), stack, out))
		require.Greater(t, len(b.userCodes), n)
	})
}
