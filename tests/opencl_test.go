package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The OpenCL tests run for real on the node's OpenCL driver: PoCL's CPU
// device in CI (scripts/install-deps.sh installs it). Problem sizes are
// small, so each run takes a fraction of a second on two cores.

// TestOpenCLSamples: SAXPY and the tiled matrix multiply print exactly
// what their native builds (cc -lOpenCL) print, and the module links no
// OpenCL library: its OpenCL calls are imports from wasmrun_cl.
func TestOpenCLSamples(t *testing.T) {
	for _, c := range []struct {
		src  string
		args []string
		want string
	}{
		{"../samples/opencl/saxpy.c", []string{"20000"}, "mismatches=0"},
		{"../samples/opencl/matmul.c", []string{"64"}, "maxerr_ok=1"},
	} {
		t.Run(filepath.Base(c.src), func(t *testing.T) {
			native := build(t, "native", c.src, "-lOpenCL")
			wasm := build(t, "wasm", c.src, "-lOpenCL")
			n := run(t, nil, native, c.args...)
			require.Equal(t, 0, n.Code, n.Stderr)
			require.Contains(t, n.Stdout, c.want)
			w := wr(t, append([]string{wasm}, c.args...)...)
			require.Equal(t, 0, w.Code, w.Stderr)
			require.Equal(t, n.Stdout, w.Stdout)
			bin, err := os.ReadFile(wasm)
			require.NoError(t, err)
			require.Contains(t, string(bin), "wasmrun_cl", "OpenCL calls are imports from wasmrun")
		})
	}
}

// TestOpenCLWithMPI: each rank computes on its own OpenCL device and
// MPI_Allreduce combines the results, at 1 and 2 ranks over both host MPI
// families, as the native build does.
func TestOpenCLWithMPI(t *testing.T) {
	src := "../samples/opencl/mpi_reduce.c"
	wasm := build(t, "wasm", src, "-lOpenCL")
	forHosts(t, func(t *testing.T, h *host) {
		native := build(t, h.mpicc, src, "-lOpenCL")
		for _, np := range []int{1, 2} {
			n := h.run(t, np, native, "8192")
			require.Equal(t, 0, n.Code, n.Stderr)
			require.Contains(t, n.Stdout, "hist_ok=1")
			w := h.run(t, np, h.wasmrun, wasm, "8192")
			require.Equal(t, 0, w.Code, w.Stderr)
			require.Equal(t, n.Stdout, w.Stdout, "-np %d", np)
		}
	})
}

// TestOpenCLBadInput: the calls a native program can also get wrong
// (failed build with its log, missing kernel, region past a buffer, bad
// work dimension or argument index) return what the native build gets;
// forged and wrong-kind handles and guest ranges out of bounds get the
// error code the standard names for the argument, with -v naming it.
func TestOpenCLBadInput(t *testing.T) {
	src := "testdata/opencl/errors.c"
	native, wasm := build(t, "native", src, "-lOpenCL"), build(t, "wasm", src)
	n := run(t, nil, native)
	require.Equal(t, 0, n.Code, n.Stderr)
	require.Contains(t, n.Stdout, "build status=-2 log_names_symbol=1 log_len_ok=1", "the native build log names the error")
	require.Contains(t, n.Stdout, "map host ptr err=0 at_host_ptr=1 value=4\nunmap rc=0\nafter unmap: 3 100 107 12\n")
	require.Contains(t, n.Stdout, "write status=0 queue_ok=1 data=7 105\n")
	w := wr(t, wasm)
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, n.Stdout, w.Stdout)

	w = wr(t, "-v", wasm, "wasm")
	require.Equal(t, 0, w.Code, w.Stderr)
	require.True(t, strings.HasPrefix(w.Stdout, strings.TrimSuffix(n.Stdout, "done\n")), "the common part agrees with native:\n%s", w.Stdout)
	for _, line := range []string{
		"build with callback rc=0 notified=42",    // pfn_notify ran before clBuildProgram returned
		"forged context err=-34",                  // CL_INVALID_CONTEXT
		"buffer as context err=-34",               // CL_INVALID_CONTEXT
		"context as queue rc=-36",                 // CL_INVALID_COMMAND_QUEUE
		"queue as buffer rc=-38",                  // CL_INVALID_MEM_OBJECT
		"released buffer rc=-38",                  // CL_INVALID_MEM_OBJECT
		"kernel as program rc=-44",                // CL_INVALID_PROGRAM
		"program as kernel rc=-48",                // CL_INVALID_KERNEL
		"device as platform rc=-32",               // CL_INVALID_PLATFORM
		"forged buffer as kernel arg rc=-38",      // CL_INVALID_MEM_OBJECT
		"forged event in wait list rc=-57",        // CL_INVALID_EVENT_WAIT_LIST
		"read into range past memory end rc=-30",  // CL_INVALID_VALUE
		"write from range past memory end rc=-30", // CL_INVALID_VALUE
		"host_ptr past memory end err=-37",        // CL_INVALID_HOST_PTR
		"info value past memory end rc=-30",       // CL_INVALID_VALUE
		"kernel arg past memory end rc=-50",       // CL_INVALID_ARG_VALUE
		"source past memory end err=-30",          // CL_INVALID_VALUE
		"wait list past memory end rc=-57",        // CL_INVALID_EVENT_WAIT_LIST
		"fill pattern past memory end rc=-30",     // CL_INVALID_VALUE
		"map past buffer end err=-30 null=1",      // CL_INVALID_VALUE
		"unmap of unmapped pointer rc=-30",        // CL_INVALID_VALUE
	} {
		require.Contains(t, w.Stdout, line+"\n")
	}
	require.True(t, strings.HasSuffix(w.Stdout, "done\n"), "the program ran to its end")
	require.Contains(t, w.Stderr, "clCreateBuffer: CL_INVALID_CONTEXT: 0x12345678 is not a live context")
	require.Contains(t, w.Stderr, "clEnqueueReadBuffer: CL_INVALID_VALUE: ptr 0x")
	require.Contains(t, w.Stderr, "with 64 bytes is outside guest memory")
}

// TestOpenCLMissingDriver: where the loader finds no driver, or the
// OpenCL library itself cannot be loaded, clGetPlatformIDs returns
// CL_PLATFORM_NOT_FOUND_KHR (as natively) and wasmrun -v says why.
func TestOpenCLMissingDriver(t *testing.T) {
	src := "testdata/opencl/errors.c"
	native, wasm := build(t, "native", src, "-lOpenCL"), build(t, "wasm", src)
	empty := []string{"OCL_ICD_VENDORS=" + t.TempDir()}
	n := run(t, empty, native)
	require.Equal(t, 0, n.Code, n.Stderr)
	require.Equal(t, "platforms rc=-1001\n", n.Stdout)
	w := run(t, empty, wasmrun, "-v", wasm)
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, n.Stdout, w.Stdout)
	require.Contains(t, w.Stderr, "has no OpenCL driver (ICD) installed")

	w = run(t, []string{"WASMRUN_OPENCL_LIBRARY=" + filepath.Join(t.TempDir(), "libOpenCL.so.1")}, wasmrun, "-v", wasm)
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, "platforms rc=-1001\n", w.Stdout)
	require.Contains(t, w.Stderr, "opencl: cannot load the OpenCL library")
	require.Contains(t, w.Stderr, "CL_PLATFORM_NOT_FOUND_KHR")

	// A library that is no OpenCL library is refused the same way.
	w = run(t, []string{"WASMRUN_OPENCL_LIBRARY=libm.so.6"}, wasmrun, "-v", wasm)
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, "platforms rc=-1001\n", w.Stdout)
	require.Contains(t, w.Stderr, "libm.so.6 has no clGetPlatformIDs")

	// Programs that use no OpenCL never load it.
	hello := build(t, "wasm", "testdata/env.c")
	w = run(t, []string{"WASMRUN_OPENCL_LIBRARY=/nonexistent"}, wasmrun, "-v", hello)
	require.Equal(t, 0, w.Code, w.Stderr)
	require.NotContains(t, w.Stderr, "opencl")
}
