package tests

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMPIExitWithoutFinalize: a rank that leaves main without MPI_Finalize
// is reported by the host MPI exactly as for the native build.
func TestMPIExitWithoutFinalize(t *testing.T) {
	src := "testdata/mpi_nofinalize.c"
	n := mpirun(t, 2, build(t, "mpicc", src))
	w := mpirun(t, 2, wasmrun, build(t, "wasm", src))
	require.Equal(t, n.Code, w.Code)
	require.Equal(t, 3, w.Code)
	require.Contains(t, n.Stderr, "Exit code:    3")
	require.Contains(t, w.Stderr, "Exit code:    3")
}
