package opencl

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/wasmrun/wasmrun/internal/handle"
)

func words(vs ...uint64) []byte {
	var b []byte
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	return b
}

func guestWords(b []byte) []uint32 {
	var out []uint32
	for i := 0; i+4 <= len(b); i += 4 {
		out = append(out, binary.LittleEndian.Uint32(b[i:]))
	}
	return out
}

// TestTranslate: driver values become guest values: size_t narrowed (and
// clamped), intptr_t lists keep their sign, handles become the guest's
// (0 for objects the guest holds none of), platforms are named on first
// sight and the CL_CONTEXT_PLATFORM value of a property list is one.
func TestTranslate(t *testing.T) {
	b := New(nil)
	require.Equal(t, []uint32{1024, 64, math.MaxUint32, 0xffffffff}, guestWords(b.translate(sizeT, words(1024, 64, 1<<40, math.MaxUint64))))

	ctx := b.created(b.contexts, 0x5000, func(wrH) wrInt { return 0 })
	require.Equal(t, []uint32{ctx, 0}, guestWords(b.translate(contextArg, words(0x5000, 0x6000))))

	p := b.translate(infoParam{kind: ctxProps}, words(clContextPlatform, 0x7000, 0))
	got := guestWords(p)
	require.Len(t, got, 3)
	require.Equal(t, uint32(clContextPlatform), got[0])
	require.True(t, b.platforms.Owns(got[1]), "the platform got a guest handle")
	require.Equal(t, got[1], b.enumerated(b.platforms, 0x7000), "and keeps it")
	require.Equal(t, uint32(0), got[2])

	d := b.translate(infoParam{handles, handle.CLDevice}, words(0x8000))
	require.True(t, b.devices.Owns(guestWords(d)[0]))
}
