package guestmem

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
)

// oneGrowablePage is a wasm module with a memory of 1 page, growable.
var oneGrowablePage = []byte{0, 'a', 's', 'm', 1, 0, 0, 0, 5, 3, 1, 0, 1}

func TestInBounds(t *testing.T) {
	var g Memory
	require.False(t, g.InBounds(0, 1), "nothing is in bounds before Attach")
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	m, err := r.Instantiate(ctx, oneGrowablePage)
	require.NoError(t, err)
	g.Attach(m)
	require.NotZero(t, g.Base)
	require.True(t, g.InBounds(0, 65536))
	require.True(t, g.InBounds(65535, 1))
	require.False(t, g.InBounds(65535, 2), "the whole extent is checked")
	require.False(t, g.InBounds(0xffffffff, 1<<40), "no overflow")
	_, ok := g.Mem.Grow(1)
	require.True(t, ok)
	require.True(t, g.InBounds(65535, 2), "growth is seen")
	require.Len(t, g.Full, 2*65536)
}
