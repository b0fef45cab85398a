package tests

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMPIPersistentCollectives: MPI-4 persistent collectives, which
// wasmrun builds on the nonblocking ones over every host, restart cleanly
// and agree with the blocking collectives in the same run.
func TestMPIPersistentCollectives(t *testing.T) {
	prog := build(t, "wasm", "testdata/pcoll.c")
	forHosts(t, func(t *testing.T, h *host) {
		for _, np := range []int{1, 2, 4} {
			res := h.run(t, np, h.wasmrun, prog)
			require.Equal(t, 0, res.Code, res.Stdout+res.Stderr)
			require.Equal(t, "PASS persistent collectives\n", res.Stdout, "-np %d", np)
		}
	})
}
