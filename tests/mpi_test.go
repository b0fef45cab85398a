package tests

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMPIConformance builds every program of the conformance suite with
// wasmrun cc and with mpicc, runs both under mpirun with 1, 2 and 4 ranks,
// and requires the same verdicts.
func TestMPIConformance(t *testing.T) {
	srcs, err := filepath.Glob("mpi/*.c")
	require.NoError(t, err)
	require.NotEmpty(t, srcs)
	for _, src := range srcs {
		name := strings.TrimSuffix(filepath.Base(src), ".c")
		t.Run(name, func(t *testing.T) {
			native := build(t, "mpicc", src)
			wasm := build(t, "wasm", src)
			for _, np := range []int{1, 2, 4} {
				n := mpirun(t, np, native)
				require.Equal(t, 0, n.Code, "native %s -np %d failed (a host MPI problem?):\n%s%s", name, np, n.Stdout, n.Stderr)
				w := mpirun(t, np, wasmrun, wasm)
				require.Equal(t, 0, w.Code, "wasm %s -np %d:\n%s%s", name, np, w.Stdout, w.Stderr)
				require.Equal(t, n.Stdout, w.Stdout, "%s -np %d: wasm and native disagree", name, np)
				require.Contains(t, w.Stdout, "PASS "+name)
			}
		})
	}
}

func TestMPISample(t *testing.T) {
	src := "../samples/heat2d_mpi/heat2d_mpi.c"
	native, wasm := build(t, "mpicc", src), build(t, "wasm", src)
	for _, np := range []int{1, 2, 4} {
		n := mpirun(t, np, native, "128", "200")
		require.Equal(t, 0, n.Code, n.Stderr)
		w := mpirun(t, np, wasmrun, wasm, "128", "200")
		require.Equal(t, 0, w.Code, w.Stderr)
		require.Equal(t, n.Stdout, w.Stdout, "-np %d", np)
	}
}

func TestMPISingleton(t *testing.T) {
	src := "../samples/heat2d_mpi/heat2d_mpi.c"
	n := run(t, nil, build(t, "mpicc", src), "64", "50")
	w := wr(t, build(t, "wasm", src), "64", "50")
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, n.Stdout, w.Stdout, "without mpirun the program is a one-rank world")
}

func TestMPIBadInputReturnsErrors(t *testing.T) {
	prog := build(t, "wasm", "testdata/mpi_badinput.c")
	for _, np := range []int{1, 2} {
		res := mpirun(t, np, wasmrun, prog)
		require.Equal(t, 0, res.Code, res.Stdout+res.Stderr)
		for r := 0; r < np; r++ {
			require.Contains(t, res.Stdout, fmt.Sprintf("PASS rank %d", r))
		}
		require.NotContains(t, res.Stdout, "FAIL")
	}
}

func TestMPIFatalErrorEndsJob(t *testing.T) {
	prog := build(t, "wasm", "testdata/mpi_fatal.c")
	res := mpirun(t, 2, wasmrun, prog)
	require.NotEqual(t, 0, res.Code)
	require.Contains(t, res.Stderr, "wasmrun: rank 1: MPI_Send: MPI_ERR_RANK")
	require.NotContains(t, res.Stdout, "not reached")
	require.NotContains(t, res.Stderr, "goroutine")

	// Without mpirun too: the singleton reports and exits non-zero.
	res = wr(t, prog, "fail")
	require.NotEqual(t, 0, res.Code)
	require.Contains(t, res.Stderr, "rank 0: MPI_Send: MPI_ERR_RANK")
}

func TestMPITrapEndsJob(t *testing.T) {
	prog := build(t, "wasm", "testdata/mpi_trap.c")
	res := mpirun(t, 3, wasmrun, prog)
	require.NotEqual(t, 0, res.Code)
	require.Contains(t, res.Stderr, "wasmrun: rank 1 (")
	require.Contains(t, res.Stderr, "trapped: integer divide by zero")
	require.Contains(t, res.Stderr, "divide")
	// The other ranks wait in a barrier: only MPI_Abort ends them, and run
	// would have failed the test had the job hung.
}
