package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVersion(t *testing.T) {
	res := wr(t, "version")
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Regexp(t, `(?m)^wasmrun \S+\nwazero  v1\.\d+\.\d+\ngo      go1\.`, res.Stdout)
	require.Contains(t, res.Stdout, "Open MPI")
}

func TestArgumentsAndExitCodes(t *testing.T) {
	prog := build(t, "wasm", "testdata/exitcode.c")
	// Everything after the module goes to the guest, flags included.
	res := wr(t, "--env", "X=1", prog, "7", "--dir", "-v")
	require.Equal(t, 7, res.Code)
	require.Equal(t, "arg[0]=exitcode.0.wasm\narg[1]=7\narg[2]=--dir\narg[3]=-v\n", strings.ReplaceAll(res.Stdout, filepath.Base(prog), "exitcode.0.wasm"))
	res = wr(t, "run", prog, "exit", "42")
	require.Equal(t, 42, res.Code, "exit() code")
	res = wr(t, prog)
	require.Equal(t, 0, res.Code)
	require.Empty(t, res.Stderr)
}

func TestTrapReports(t *testing.T) {
	prog := build(t, "wasm", "testdata/trap.c")
	for _, tc := range []struct{ how, cause, frame string }{
		{"div", "integer divide by zero", "divide"},
		{"unreachable", "unreachable", "main"},
		{"oob", "out of bounds memory access", "poke"},
		{"stack", "stack overflow", "recurse"},
		{"abort", "unreachable", "abort"},
	} {
		t.Run(tc.how, func(t *testing.T) {
			res := wr(t, prog, tc.how)
			require.Equal(t, 134, res.Code, res.Stderr)
			require.Equal(t, "before the trap", res.Stdout, "buffered output is flushed before the report")
			lines := strings.Split(res.Stderr, "\n")
			require.Contains(t, lines[0], "trapped: "+tc.cause)
			require.Equal(t, "wasm stack:", lines[1])
			require.Contains(t, res.Stderr, tc.frame, "the stack names the function")
			require.NotContains(t, res.Stderr, "goroutine", "no Go panic")
		})
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	notWasm := filepath.Join(dir, "notwasm.wasm")
	require.NoError(t, os.WriteFile(notWasm, []byte("#!/bin/sh\necho hi\n"), 0o644))
	good, err := os.ReadFile(build(t, "wasm", "testdata/exitcode.c"))
	require.NoError(t, err)
	truncated := filepath.Join(dir, "truncated.wasm")
	require.NoError(t, os.WriteFile(truncated, good[:len(good)/2], 0o644))
	imports := build(t, "wasm", "testdata/unknown_import.c", "-Wl,--allow-undefined")

	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{filepath.Join(dir, "nope.wasm")}, "no such file or directory"},
		{"not wasm", []string{notWasm}, "not a WebAssembly module"},
		{"truncated", []string{truncated}, "compile " + truncated},
		{"unknown imports", []string{imports}, "imports 2 function(s) that wasmrun does not provide:\n  mystery.frobnicate\n  wasmrun_mpi.MPI_Not_a_function"},
		{"missing dir", []string{"--dir", filepath.Join(dir, "absent"), imports}, "does not exist"},
		{"malformed env", []string{"--env", "=x", imports}, "--env"},
		{"unset env passthrough", []string{"--env", "WASMRUN_SURELY_UNSET_VAR", imports}, "WASMRUN_SURELY_UNSET_VAR"},
		{"malformed max-memory", []string{"--max-memory", "lots", imports}, "--max-memory"},
		{"max-memory too small", []string{"--max-memory", "64KiB", imports}, "--max-memory"},
		{"unknown flag", []string{"--frobnicate", imports}, "unknown flag"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := wr(t, tc.args...)
			assert.NotEqual(t, 0, res.Code)
			assert.Contains(t, res.Stderr, tc.want)
			assert.True(t, strings.HasPrefix(res.Stderr, "wasmrun: ") || strings.HasPrefix(res.Stderr, "Error: "), res.Stderr)
			assert.NotContains(t, res.Stderr, "goroutine")
			assert.Empty(t, res.Stdout, "nothing ran")
		})
	}
}

func TestCompilerDriver(t *testing.T) {
	res := wr(t, "cc", "-show", "x.c", "-o", "x.wasm")
	require.Equal(t, 0, res.Code, res.Stderr)
	for _, want := range []string{"--target=wasm32-wasi", "-O2", "-msimd128", "x.c", "-lwasi-emulated-mman", "stack-size=8388608", "--max-memory=4294967296", "-isystem"} {
		require.Contains(t, res.Stdout, want)
	}
	res = wr(t, "cc", "-show", "-O3", "-c", "x.c")
	require.NotContains(t, res.Stdout, "-O2", "the user's -O wins")
	require.NotContains(t, res.Stdout, "stack-size", "no link flags with -c")

	res = run(t, []string{"WASMRUN_CLANG=/nonexistent/clang"}, wasmrun, "cc", "x.c")
	require.NotEqual(t, 0, res.Code)
	require.Contains(t, res.Stderr, "WASMRUN_CLANG=/nonexistent/clang")
	res = run(t, []string{"WASI_SYSROOT=/nonexistent"}, wasmrun, "cc", "x.c")
	require.NotEqual(t, 0, res.Code)
	require.Contains(t, res.Stderr, "WASI_SYSROOT=/nonexistent")
	res = wr(t, "c++", "-fexceptions", "x.cpp")
	require.NotEqual(t, 0, res.Code)
	require.Contains(t, res.Stderr, "exceptions are not supported")

	// C++ through libc++ builds and runs.
	cpp := build(t, "wasm", "testdata/hello.cpp")
	res = wr(t, cpp)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Equal(t, "max=100\nsum=5050\n", res.Stdout)
}

func TestEnvironment(t *testing.T) {
	prog := build(t, "wasm", "testdata/env.c")
	res := run(t, []string{"WASMRUN_HOST_ONLY=secret", "PASSME=through"}, wasmrun, "--env", "A=1", "--env", "PASSME", "--env", "EMPTY=", prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Equal(t, "A=1\nPASSME=through\nEMPTY=\ncount=3\n", res.Stdout, "only what --env names reaches the guest")
}

func TestMaxMemory(t *testing.T) {
	prog := build(t, "wasm", "testdata/memory.c")
	res := wr(t, prog, "100")
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Equal(t, "malloc 100 MiB: ok (25600 pages touched)\n", res.Stdout)
	res = wr(t, "--max-memory", "64MiB", prog, "100")
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Equal(t, "malloc 100 MiB: null\n", res.Stdout)
}

func TestSamples(t *testing.T) {
	for _, src := range []string{"../samples/heat2d/heat2d.c", "../samples/cg/cg.cpp"} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			native := run(t, nil, build(t, "native", src))
			require.Equal(t, 0, native.Code, native.Stderr)
			wasm := wr(t, build(t, "wasm", src))
			require.Equal(t, 0, wasm.Code, wasm.Stderr)
			require.Equal(t, native.Stdout, wasm.Stdout)
			require.Contains(t, wasm.Stdout, "PASS")
		})
	}
}
