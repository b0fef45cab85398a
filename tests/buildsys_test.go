package tests

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The build-system samples (samples/buildsys) build twice, in temporary
// build directories: natively with each host family's mpicc, and with
// wasmrun (make CC="wasmrun cc", CMake with wasmrun's toolchain file,
// configure --host=wasm32-wasi CC="wasmrun cc"); the one .wasm runs over
// every host family under mpirun -np 4 beside the native build, with the
// same output.

const buildsysDir = "../samples/buildsys"

// needTools fails the test when a build tool is missing.
func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		_, err := exec.LookPath(tool)
		require.NoError(t, err, "%s is missing: scripts/install-deps.sh installs it (apt-get install make cmake autoconf automake)", tool)
	}
}

// runIn runs a command in dir (with extra environment) and fails the test
// unless it succeeds.
func runIn(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, ctx.Err(), "%s %v hung", name, args)
	res := result{Stdout: stdout.String(), Stderr: stderr.String()}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		res.Code = exit.ExitCode()
	} else {
		require.NoError(t, err)
	}
	require.Equal(t, 0, res.Code, "in %s: %s %s failed:\n%s%s", dir, name, strings.Join(args, " "), res.Stdout, res.Stderr)
	return res
}

func mkdir(t *testing.T, parts ...string) string {
	t.Helper()
	dir := filepath.Join(parts...)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

// runBoth runs the native and the wasm build of a program under this
// host's launcher with 4 ranks; both must succeed.
func runBoth(t *testing.T, h *host, native, wasm string) (n, w result) {
	t.Helper()
	n = h.run(t, 4, native)
	require.Equal(t, 0, n.Code, "native: %s", n.Stderr)
	w = h.run(t, 4, h.wasmrun, wasm)
	require.Equal(t, 0, w.Code, "wasm: %s", w.Stderr)
	return n, w
}

func TestBuildSystemMake(t *testing.T) {
	needTools(t, "make")
	makefile, err := filepath.Abs(filepath.Join(buildsysDir, "make", "Makefile"))
	require.NoError(t, err)
	dir := t.TempDir()
	wdir := mkdir(t, dir, "wasm")
	res := runIn(t, wdir, nil, "make", "-f", makefile, "CC="+wasmrun+" cc")
	require.NotContains(t, res.Stderr, "warning")
	wasm := filepath.Join(wdir, "rowhalo")
	forHosts(t, func(t *testing.T, h *host) {
		ndir := mkdir(t, dir, h.name)
		runIn(t, ndir, nil, "make", "-f", makefile, "CC="+h.mpicc)
		n, w := runBoth(t, h, filepath.Join(ndir, "rowhalo"), wasm)
		require.Equal(t, n.Stdout, w.Stdout)
		require.Contains(t, w.Stdout, "rowhalo: 32x40 grid, 20 steps")
	})
}

func TestBuildSystemCMake(t *testing.T) {
	needTools(t, "cmake", "make")
	src, err := filepath.Abs(filepath.Join(buildsysDir, "cmake"))
	require.NoError(t, err)
	dir := t.TempDir()

	toolchain := strings.TrimSpace(wr(t, "cc", "--cmake-toolchain").Stdout)
	require.FileExists(t, toolchain)
	wdir := filepath.Join(dir, "wasm")
	res := runIn(t, dir, nil, "cmake", "-S", src, "-B", wdir, "-DCMAKE_TOOLCHAIN_FILE="+toolchain)
	require.Contains(t, res.Stdout, "Found MPI_C:")
	require.Contains(t, res.Stdout, "Looking for MPI_Comm_spawn - not found")
	require.Contains(t, res.Stdout, "Looking for MPI_Dist_graph_create_adjacent - found")
	runIn(t, dir, nil, "cmake", "--build", wdir)
	wasm := filepath.Join(wdir, "neighbours.wasm")
	require.FileExists(t, wasm)
	require.FileExists(t, filepath.Join(wdir, "libstats.a"))

	forHosts(t, func(t *testing.T, h *host) {
		ndir := filepath.Join(dir, h.name)
		res := runIn(t, dir, []string{"CC=" + h.mpicc}, "cmake", "-S", src, "-B", ndir)
		require.Contains(t, res.Stdout, "Looking for MPI_Comm_spawn - found", "the native MPI has it")
		runIn(t, dir, nil, "cmake", "--build", ndir)
		n, w := runBoth(t, h, filepath.Join(ndir, "neighbours"), wasm)
		require.Equal(t, n.Stdout, w.Stdout)
		require.Contains(t, w.Stdout, "neighbours: 4 ranks, 10 steps")
	})
}

func TestBuildSystemAutotools(t *testing.T) {
	needTools(t, "autoreconf", "automake", "make")
	dir := t.TempDir()
	// autoreconf writes into the source tree: run it on a copy.
	src := mkdir(t, dir, "src")
	for _, f := range []string{"configure.ac", "Makefile.am", "blocks.c"} {
		data, err := os.ReadFile(filepath.Join(buildsysDir, "autotools", f))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(src, f), data, 0o644))
	}
	runIn(t, src, nil, "autoreconf", "-i")

	wdir := mkdir(t, dir, "wasm")
	res := runIn(t, wdir, nil, "../src/configure", "--host=wasm32-wasi", "CC="+wasmrun+" cc")
	require.Contains(t, res.Stdout, "checking whether we are cross compiling... yes")
	require.Contains(t, res.Stdout, "checking for MPI_Type_create_subarray... yes")
	require.Contains(t, res.Stdout, "checking for MPI_Comm_spawn... no")
	runIn(t, wdir, nil, "make")
	config, err := os.ReadFile(filepath.Join(wdir, "config.h"))
	require.NoError(t, err)
	require.Contains(t, string(config), "#define HAVE_MPI_TYPE_CREATE_SUBARRAY 1")
	require.Contains(t, string(config), "/* #undef HAVE_MPI_COMM_SPAWN */")
	wasm := filepath.Join(wdir, "blocks")

	forHosts(t, func(t *testing.T, h *host) {
		ndir := mkdir(t, dir, h.name)
		res := runIn(t, ndir, nil, "../src/configure", "CC="+h.mpicc)
		require.Contains(t, res.Stdout, "checking for MPI_Comm_spawn... yes")
		runIn(t, ndir, nil, "make")
		n, w := runBoth(t, h, filepath.Join(ndir, "blocks"), wasm)
		require.Contains(t, n.Stdout, "MPI_Comm_spawn: available\n")
		require.Contains(t, w.Stdout, "MPI_Comm_spawn: not available\n")
		require.Contains(t, w.Stdout, "gathered with MPI_Type_create_subarray\n")
		require.Equal(t, strings.Replace(n.Stdout, "MPI_Comm_spawn: available", "MPI_Comm_spawn: not available", 1), w.Stdout)
	})
}

// TestUnsupportedMPIFunctionFailsToLink: a call to an MPI function that
// wasmrun does not provide fails at link time, with or without mpi.h (the
// latter is how autoconf and CMake check for a function), and a supported
// one links either way.
func TestUnsupportedMPIFunctionFailsToLink(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "spawn.wasm")
	res := wr(t, "cc", "testdata/mpi_unsupported.c", "-o", out)
	require.Equal(t, 1, res.Code, res.Stderr)
	require.Contains(t, res.Stderr, "wasmrun cc: error: undefined symbol: MPI_Comm_spawn (an MPI function that wasmrun does not provide)")
	require.NoFileExists(t, out, "no module is left behind")

	check := func(fn string) result {
		src := filepath.Join(dir, fn+".c")
		require.NoError(t, os.WriteFile(src, []byte("char "+fn+"(void);\nint main(void) { return "+fn+"(); }\n"), 0o644))
		return wr(t, "cc", src, "-o", filepath.Join(dir, fn))
	}
	res = check("MPI_Comm_spawn")
	require.NotEqual(t, 0, res.Code)
	require.Contains(t, res.Stderr, "undefined symbol: MPI_Comm_spawn")
	for _, fn := range []string{"MPI_Type_create_subarray", "PMPI_Send", "MPI_Alloc_mem"} {
		res = check(fn)
		require.Equal(t, 0, res.Code, "%s: %s", fn, res.Stderr)
	}
}

// TestCompilerFlags: the flags build systems pass to mpicc reach clang or
// are dropped with one warning, through the real binary.
func TestCompilerFlags(t *testing.T) {
	dir := t.TempDir()
	obj, dep := filepath.Join(dir, "env.o"), filepath.Join(dir, "env.d")
	rsp := filepath.Join(dir, "flags.rsp")
	require.NoError(t, os.WriteFile(rsp, []byte("-c -MD -MF '"+dep+"' -g -O1\n-DUNUSED=\"a b\"\n"), 0o644))
	res := wr(t, "cc", "@"+rsp, "-march=native", "-mtune=native", "-mavx2", "-pthread", "testdata/env.c", "-o", obj)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Equal(t, "wasmrun cc: warning: option not supported for wasm32, ignored: -march=native -mtune=native -mavx2 -pthread\n", res.Stderr)
	require.FileExists(t, obj)
	deps, err := os.ReadFile(dep)
	require.NoError(t, err)
	require.Contains(t, string(deps), "env.c")

	prog := filepath.Join(dir, "env.wasm")
	res = wr(t, "cc", obj, "-o", prog, "-L"+dir, "-lmpi", "-lm", "-lpthread", "-Wl,--as-needed", "-Wl,-rpath,/usr/lib", "-Wl,-O1")
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Equal(t, "wasmrun cc: warning: option not supported for wasm32, ignored: -Wl,--as-needed -Wl,-rpath -Wl,/usr/lib\n", res.Stderr)
	res = wr(t, "--env", "A=1", prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Contains(t, res.Stdout, "A=1\n")

	for _, q := range []string{"-showme:compile", "-compile-info"} {
		res = wr(t, "cc", q)
		require.Equal(t, 0, res.Code, res.Stderr)
		require.Contains(t, res.Stdout, "--target=wasm32-wasi")
		require.Regexp(t, `-I/\S+/include`, res.Stdout, "FindMPI takes include directories from -I")
	}
	for _, q := range []string{"-showme:link", "-link-info"} {
		res = wr(t, "cc", q)
		require.Equal(t, 0, res.Code, res.Stderr)
		require.Contains(t, res.Stdout, "stack-size=8388608")
	}
}

// TestCxxExceptions: C++ with try, catch and throw builds by default; a
// run that throws nothing runs normally, and a throw ends the rank (and the
// job) with the exception's type and what().
func TestCxxExceptions(t *testing.T) {
	prog := build(t, "wasm", "testdata/throw.cpp")
	res := wr(t, prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Equal(t, "sum 30.0\n", res.Stdout)

	res = wr(t, prog, "runtime")
	require.Equal(t, 134, res.Code, res.Stderr)
	require.Contains(t, res.Stderr, "wasmrun: terminate called after throwing an instance of 'std::runtime_error'\n  what():  boom\n")
	require.Contains(t, res.Stderr, "trapped: unreachable")
	require.NotContains(t, res.Stdout, "caught")

	res = wr(t, prog, "derived")
	require.Equal(t, 134, res.Code, res.Stderr)
	require.Contains(t, res.Stderr, "wasmrun: terminate called after throwing an instance of 'SolverError'\n  what():  matrix not positive definite\n")

	res = wr(t, prog, "int")
	require.Equal(t, 134, res.Code, res.Stderr)
	require.Contains(t, res.Stderr, "wasmrun: terminate called after throwing an instance of 'int'\n")
	require.NotContains(t, res.Stderr, "what()")

	forHosts(t, func(t *testing.T, h *host) {
		res := h.run(t, 2, h.wasmrun, prog)
		require.Equal(t, 0, res.Code, res.Stderr)
		require.Equal(t, "sum 60.0\n", res.Stdout)
		res = h.run(t, 2, h.wasmrun, prog, "runtime", "1")
		require.NotEqual(t, 0, res.Code)
		require.Contains(t, res.Stderr, "terminate called after throwing an instance of 'std::runtime_error'")
		require.Contains(t, res.Stderr, "wasmrun: rank 1 (")
		require.NotContains(t, res.Stdout, "sum")
	})
}

// TestOpenMP: -fopenmp builds and runs with one thread per rank, and gives
// what the native build gives with OMP_NUM_THREADS=1.
func TestOpenMP(t *testing.T) {
	native := run(t, []string{"OMP_NUM_THREADS=1"}, build(t, "native", "testdata/openmp.c", "-fopenmp"))
	require.Equal(t, 0, native.Code, native.Stderr)
	wasm := wr(t, build(t, "wasm", "testdata/openmp.c", "-fopenmp", "-lgomp"))
	require.Equal(t, 0, wasm.Code, wasm.Stderr)
	require.Equal(t, native.Stdout, wasm.Stdout)
	require.Contains(t, wasm.Stdout, "reduction: sum 399983.5 isum 599982 max 1008\n")
}
