package guestfuzz

import (
	"context"
	"encoding/binary"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero/api"
)

func TestMemory(t *testing.T) {
	m, err := NewMemory(2 << 16)
	require.NoError(t, err)
	require.Len(t, m.Bytes, 2<<16)
	require.Len(t, m.Reallocate(1<<16), 1<<16)
	require.Nil(t, m.Reallocate(3<<16), "the memory never grows")
	Fill(m.Bytes, 7, 100, []byte("abc"))
	require.Equal(t, "abc", string(m.Bytes[100:103]))
	// The guards are mapped but inaccessible.
	require.Len(t, m.whole, 2<<16+guardBytes+tailBytes)
}

func TestLeaks(t *testing.T) {
	before := make([]byte, 64)
	after := make([]byte, 64)
	copy(after, before)
	host := new(int64)
	binary.LittleEndian.PutUint64(after[8:], uint64(uintptr(unsafe.Pointer(host))))
	binary.LittleEndian.PutUint64(after[24:], 0x1234_0000_0000) // not mapped
	hits, err := Leaks(before, after)
	require.NoError(t, err)
	require.Len(t, hits, 1)
	require.Contains(t, hits[0], "offset 0x8")
	// The same value already there before the call is the guest's own.
	hits, err = Leaks(after, after)
	require.NoError(t, err)
	require.Empty(t, hits)
}

func TestArgs(t *testing.T) {
	a := Args{MemSize: 1 << 16, Data: 1024, DataLen: 4096, Predef: []uint32{0x101}, Live: func(v uint32) uint32 { return 0x01000000 | v%4 }}
	for v := uint32(0); v < 1000; v += 37 {
		require.Less(t, a.Arg(1, v), uint32(16))
		require.GreaterOrEqual(t, a.Arg(2, v), uint32(1024))
		require.Less(t, a.Arg(2, v), uint32(1024+4096))
		require.Zero(t, a.Arg(3, v)%4)
		require.Greater(t, a.Arg(4, v), uint32(1<<16-64))
		require.Equal(t, uint32(0x101), a.Arg(5, v))
		require.Equal(t, uint32(0x01000000), a.Arg(6, v)&0xff000000)
		require.GreaterOrEqual(t, int32(a.Arg(7, v)), int32(-4))
		require.Less(t, int32(a.Arg(7, v)), int32(0))
		require.GreaterOrEqual(t, a.Arg(9, v), uint32(1<<16))
	}
	in := NewInput([]byte{1, 2, 3})
	require.Equal(t, byte(1), in.Byte())
	require.Equal(t, uint32(0x0302), in.U32(), "short reads are zero-padded")
	require.Zero(t, in.U16())
}

func TestModule(t *testing.T) {
	m, err := NewMemory(3 << 16)
	require.NoError(t, err)
	mod, err := m.Module(context.Background())
	require.NoError(t, err)
	require.Equal(t, uint32(3<<16), mod.Memory().Size())
	require.True(t, mod.Memory().WriteByte(5, 42))
	require.Equal(t, byte(42), m.Bytes[5], "the module's memory is m")
	_, grown := mod.Memory().Grow(1)
	require.False(t, grown, "it cannot grow")
	require.NotNil(t, mod.ExportedMemory("memory"))
}

func TestPlan(t *testing.T) {
	funcs := []Func{{"a", nil}, {"b", []api.ValueType{api.ValueTypeI32, api.ValueTypeI64}}}
	a := Args{MemSize: 1 << 16, Data: 1024, DataLen: 64}
	in := NewInput([]byte{1, 0, 0, 1, 0, 0, 7, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 9, 'x', 'y'})
	calls := a.Plan(in, 4, funcs)
	require.Equal(t, []Call{{Func: 0, Name: "a", Params: []uint64{}}, {Func: 1, Name: "b", Params: []uint64{7, 2<<32 | 1}}}, calls)
	mem := make([]byte, 2048)
	a.Fill(mem, in)
	require.Equal(t, "xy", string(mem[1024:1026]))
	require.Equal(t, byte(7)^9, mem[1], "the seed byte")
}

// TestLeaksAcrossBlocks: a host address written across the boundary of
// two of the blocks Leaks skips when unchanged is found.
func TestLeaksAcrossBlocks(t *testing.T) {
	before := make([]byte, 3*leakBlock)
	host := uint64(uintptr(unsafe.Pointer(new(int64))))
	for _, off := range []int{leakBlock - 4, leakBlock, 2*leakBlock - 8, 3*leakBlock - 8} {
		after := make([]byte, len(before))
		binary.LittleEndian.PutUint64(after[off:], host)
		hits, err := Leaks(before, after)
		require.NoError(t, err)
		require.NotEmpty(t, hits, "offset %d", off)
	}
}
