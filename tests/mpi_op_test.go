package tests

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMPIUserOpTrapEndsJob: a user-defined operator that traps, called back
// from inside the host MPI's reduction, ends the job with a report naming
// the rank and the guest function.
func TestMPIUserOpTrapEndsJob(t *testing.T) {
	prog := build(t, "wasm", "testdata/mpi_optrap.c")
	forHosts(t, func(t *testing.T, h *host) {
		res := h.run(t, 2, h.wasmrun, prog)
		require.Equal(t, 134, res.Code, res.Stderr)
		require.Regexp(t, `wasmrun: rank [01] \(mpi_optrap[^)]*\) trapped: in a user-defined MPI operator: integer divide by zero`, res.Stderr)
		require.Contains(t, res.Stderr, "bad_divide")
		require.NotContains(t, res.Stdout, "not reached")
		require.NotContains(t, res.Stderr, "goroutine")
	})
}
