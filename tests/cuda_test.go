package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/wasmrun/wasmrun/internal/doctor"
)

// The CUDA tests run where there is no GPU (the build machines and CI):
// the guest header compiles and links as imports from wasmrun_cuda, the
// missing driver gives CUDA_ERROR_NO_DEVICE with -v saying why, and the
// bridge refuses bad handles and guest ranges before any driver call.
// gpu/devicecheck.sh runs the samples on an NVIDIA GPU; its report is in
// gpu/results/.

// TestCUDAHeader: the samples, the benchmark kernel and a C++ program
// build with cuda.h and -lcuda, link no CUDA library and import only
// functions the bridge provides.
func TestCUDAHeader(t *testing.T) {
	for _, src := range []string{"../samples/cuda/vadd.c", "../samples/cuda/mpi_quad.c", "../bench/kernels/cuda.c", "testdata/cuda/header.cpp"} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			wasm := build(t, "wasm", src, "-lcuda")
			bin, err := os.ReadFile(wasm)
			require.NoError(t, err)
			require.Contains(t, string(bin), "wasmrun_cuda", "CUDA calls are imports from wasmrun")
			r := wr(t, "inspect", wasm)
			require.Equal(t, 0, r.Code, r.Stderr)
			require.Regexp(t, `CUDA \(wasmrun_cuda\): \d+, all supported`, r.Stdout)
		})
	}
	w := wr(t, build(t, "wasm", "testdata/cuda/header.cpp"))
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, "cuInit=100 CUDA_ERROR_NO_DEVICE\n", w.Stdout)
}

// TestCUDANoDriver: without libcuda.so.1, cuInit returns
// CUDA_ERROR_NO_DEVICE and wasmrun -v names the library and why it did not
// load; a library that is no CUDA driver is refused the same way, and a
// program that makes no CUDA call never loads it.
func TestCUDANoDriver(t *testing.T) {
	wasm := build(t, "wasm", "../samples/cuda/vadd.c", "-lcuda")
	for _, env := range [][]string{
		{"WASMRUN_CUDA_LIBRARY=" + filepath.Join(t.TempDir(), "libcuda.so.1")},
		{"WASMRUN_CUDA_LIBRARY=libm.so.6"},
	} {
		w := run(t, env, wasmrun, wasm)
		require.Equal(t, 2, w.Code, w.Stderr)
		require.Equal(t, "cuInit: CUDA_ERROR_NO_DEVICE\n", w.Stdout)
		require.Empty(t, w.Stderr, "without -v the bridge says nothing")
		w = run(t, env, wasmrun, "-v", wasm)
		require.Equal(t, 2, w.Code, w.Stderr)
		require.Contains(t, w.Stderr, "cuda: cannot load the NVIDIA driver")
		require.Contains(t, w.Stderr, "cuInit returns CUDA_ERROR_NO_DEVICE")
		require.Contains(t, w.Stderr, "cuInit: CUDA_ERROR_NO_DEVICE: no CUDA driver on this node")
	}
	w := run(t, []string{"WASMRUN_CUDA_LIBRARY=libm.so.6"}, wasmrun, "-v", wasm)
	require.Contains(t, w.Stderr, "libm.so.6 has no cuInit (not a CUDA 12 driver)")

	hello := build(t, "wasm", "testdata/env.c")
	w = run(t, []string{"WASMRUN_CUDA_LIBRARY=/nonexistent"}, wasmrun, "-v", hello)
	require.Equal(t, 0, w.Code, w.Stderr)
	require.NotContains(t, w.Stderr, "cuda")
}

// TestCUDABadInput: forged and wrong-kind handles and guest ranges outside
// memory get the code the driver API names for the argument, with -v
// saying what was wrong, driver or none. Without a driver, every other
// call returns CUDA_ERROR_NOT_INITIALIZED and the version is 0.
func TestCUDABadInput(t *testing.T) {
	wasm := build(t, "wasm", "testdata/cuda/errors.c", "-lcuda")
	w := run(t, []string{"WASMRUN_CUDA_LIBRARY=/nonexistent/libcuda.so.1"}, wasmrun, "-v", wasm, "wasm")
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, `init rc=100
version rc=0 has_driver=0
error name rc=0 CUDA_ERROR_INVALID_PTX
error string rc=0 out of memory
unknown error name rc=1 null=1
count before init rc=3
forged context rc=201
forged module rc=400
forged function rc=400
forged stream rc=400
forged event rc=400
forged device pointer rc=1
free of non-allocation rc=1
count past memory end rc=1
name past memory end rc=1
alloc out past memory end rc=1
image past memory end rc=1
done
`, w.Stdout)
	for _, msg := range []string{
		"cuDeviceGetCount: CUDA_ERROR_NOT_INITIALIZED: no CUDA driver",
		"cuCtxSetCurrent: CUDA_ERROR_INVALID_CONTEXT: 0x12345678 is not a live context",
		"cuModuleGetFunction: CUDA_ERROR_INVALID_HANDLE: 0x1234 is not a live module",
		"cuLaunchKernel: CUDA_ERROR_INVALID_HANDLE: 0x42 is not a live function",
		"cuStreamSynchronize: CUDA_ERROR_INVALID_HANDLE: 0x777 is not a live stream",
		"cuEventRecord: CUDA_ERROR_INVALID_HANDLE: 0x999 is not a live event",
		"cuMemcpyHtoD: CUDA_ERROR_INVALID_VALUE: dstDevice 0xdead0000 with 16 bytes is not inside one cuMemAlloc allocation",
		"cuMemFree: CUDA_ERROR_INVALID_VALUE: 0x1000 is not the start of a live cuMemAlloc allocation",
		"cuDeviceGetCount: CUDA_ERROR_INVALID_VALUE: out-parameter 0x",
		"cuDeviceGetName: CUDA_ERROR_INVALID_VALUE: name 0x",
		"with 64 bytes is outside guest memory",
		"cuModuleLoadData: CUDA_ERROR_INVALID_VALUE: image 0x",
	} {
		require.Contains(t, w.Stderr, msg)
	}
	require.Equal(t, 1, strings.Count(w.Stderr, "wasmrun: cuda: cannot load the NVIDIA driver"), "the load is tried once")
}

// TestCUDAOnGPU runs where the node has an NVIDIA driver with a device and
// NVIDIA's cuda.h (/usr/local/cuda): the samples and the error program
// print what their native builds print, MPI + CUDA at 2 ranks over Open
// MPI. It is skipped elsewhere, CI included; on the GPU machine, which
// has no Go, gpu/devicecheck.sh makes the same comparisons (its report:
// gpu/results/devicecheck-h200.txt).
func TestCUDAOnGPU(t *testing.T) {
	if c := doctor.CUDA(); c.Verdict != doctor.OK {
		t.Skip("no CUDA device: " + c.Detail)
	}
	const inc = "/usr/local/cuda/include"
	if _, err := os.Stat(filepath.Join(inc, "cuda.h")); err != nil {
		t.Skip("no NVIDIA cuda.h for the native builds: " + err.Error())
	}
	native := []string{"-I" + inc, "-L/usr/local/cuda/lib64", "-l:libcuda.so.1"}
	for _, c := range []struct {
		src  string
		args []string
	}{
		{"../samples/cuda/vadd.c", []string{"1000000"}},
		{"testdata/cuda/errors.c", nil},
	} {
		t.Run(filepath.Base(c.src), func(t *testing.T) {
			n := run(t, nil, build(t, "native", c.src, native...), c.args...)
			require.Equal(t, 0, n.Code, n.Stderr)
			w := wr(t, append([]string{build(t, "wasm", c.src, "-lcuda")}, c.args...)...)
			require.Equal(t, 0, w.Code, w.Stderr)
			require.Equal(t, n.Stdout, w.Stdout)
		})
	}
	h := hosts[0]
	src := "../samples/cuda/mpi_quad.c"
	n := h.run(t, 2, build(t, h.mpicc, src, native...), "1048576")
	require.Equal(t, 0, n.Code, n.Stderr)
	require.Contains(t, n.Stdout, "err_ok=1")
	w := h.run(t, 2, h.wasmrun, build(t, "wasm", src, "-lcuda"), "1048576")
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, n.Stdout, w.Stdout)
}
