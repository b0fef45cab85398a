package tests

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMPIChoice: one wasmrun finds each family under its own launcher, the
// flag and $WASMRUN_MPI override that, and a wrong choice is one clear line
// and exit 1, while a module that makes no MPI call never loads any MPI.
func TestMPIChoice(t *testing.T) {
	mpiProg := build(t, "wasm", "testdata/isendrecv.c")
	plain := build(t, "wasm", "testdata/env.c")
	forHosts(t, func(t *testing.T, h *host) {
		res := h.run(t, 2, wasmrun, "-v", mpiProg)
		require.Equal(t, 0, res.Code, res.Stderr)
		require.Contains(t, res.Stderr, "wasmrun: MPI: "+h.name+" plugin over ")
		require.Contains(t, res.Stderr, "chosen by launcher")
	})

	lib := map[string]string{"openmpi": "libmpi.so.40", "mpich": "libmpich.so.12"}
	dir := t.TempDir()
	notLib := filepath.Join(dir, "libmpi.so.40")
	require.NoError(t, os.WriteFile(notLib, []byte("not a library"), 0o644))
	cases := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"missing path", nil, []string{"--mpi=/no/such/libmpi.so.40"}, "--mpi=/no/such/libmpi.so.40: stat /no/such/libmpi.so.40: no such file or directory"},
		{"unknown family", nil, []string{"--mpi=lam"}, `"lam" is neither openmpi, mpich nor a library path`},
		{"wrong family", nil, []string{"--mpi=mpich:" + libPath(t, lib["openmpi"])}, "is not a library of this MPI family: it lacks MPIR_Err_return_comm"},
		{"not a library", []string{"WASMRUN_MPI=" + notLib}, nil, "cannot load " + notLib},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := run(t, c.env, wasmrun, append(c.args, mpiProg)...)
			require.Equal(t, 1, res.Code, res.Stdout+res.Stderr)
			require.Contains(t, res.Stderr, c.want)
			require.Equal(t, 1, strings.Count(strings.TrimSpace(res.Stderr), "\n")+1, "one line:\n%s", res.Stderr)
			require.NotContains(t, res.Stderr, "goroutine")
		})
	}
	// A module without MPI calls runs whatever the MPI choice says.
	res := run(t, []string{"WASMRUN_MPI=" + notLib}, wasmrun, plain)
	require.Equal(t, 0, res.Code, res.Stderr)
}

// libPath finds a system library by name.
func libPath(t *testing.T, name string) string {
	t.Helper()
	for _, d := range []string{"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"} {
		if p := filepath.Join(d, name); fileExists(p) {
			return p
		}
	}
	t.Skipf("%s not found", name)
	return ""
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// arm64 runs the arm64 wasmrun (WASMRUN_ARM64_BIN, made by `make dist`)
// under qemu-user with the arm64 libraries of Debian's multiarch.
func arm64(t *testing.T) []string {
	t.Helper()
	bin := os.Getenv("WASMRUN_ARM64_BIN")
	if bin == "" {
		t.Skip("WASMRUN_ARM64_BIN is not set (make test builds dist/wasmrun-linux-arm64 and sets it)")
	}
	qemu, err := exec.LookPath("qemu-aarch64-static")
	require.NoError(t, err, "qemu-user-static is needed (scripts/install-deps.sh)")
	require.FileExists(t, bin)
	return []string{qemu, bin}
}

// TestArm64SameOutput: the .wasm files built once here run under the arm64
// wasmrun (qemu-user) and print byte for byte what they print under the
// x86_64 one: wasm arithmetic is IEEE 754 without contraction and libm is
// in the module. The MPI sample runs over MPICH (Open MPI's arm64 library
// cannot be installed beside the amd64 one on Debian 12) as a one-rank
// world, under mpirun.mpich -np 2, and as one job with an x86_64 and an
// arm64 rank.
func TestArm64SameOutput(t *testing.T) {
	a := arm64(t)
	heat := build(t, "wasm", "../samples/heat2d/heat2d.c")
	cg := build(t, "wasm", "../samples/cg/cg.cpp")
	mpiHeat := build(t, "wasm", "../samples/heat2d_mpi/heat2d_mpi.c")
	same := func(t *testing.T, x86, arm result) {
		t.Helper()
		require.Equal(t, 0, x86.Code, x86.Stderr)
		require.Equal(t, 0, arm.Code, arm.Stderr)
		require.NotEmpty(t, x86.Stdout)
		require.Equal(t, x86.Stdout, arm.Stdout, "arm64 output differs from x86_64")
	}
	for _, c := range []struct {
		name string
		args []string
	}{
		{"heat2d", []string{heat, "128", "200"}},
		{"cg", []string{cg}},
	} {
		t.Run(c.name, func(t *testing.T) {
			same(t, run(t, nil, wasmrun, c.args...), run(t, nil, a[0], append(a[1:], c.args...)...))
		})
	}
	mpich := []string{"WASMRUN_MPI=mpich"}
	t.Run("heat2d_mpi one rank", func(t *testing.T) {
		same(t, run(t, mpich, wasmrun, mpiHeat, "96", "50"), run(t, mpich, a[0], append(a[1:], mpiHeat, "96", "50")...))
	})
	// A launcher starts the arm64 wasmrun through a two-line wrapper.
	wrapper := filepath.Join(t.TempDir(), "wasmrun-arm64")
	require.NoError(t, os.WriteFile(wrapper, []byte("#!/bin/sh\nexec "+a[0]+" "+a[1]+" \"$@\"\n"), 0o755))
	x86 := run(t, nil, "mpirun.mpich", "-np", "2", wasmrun, mpiHeat, "96", "50")
	t.Run("heat2d_mpi two arm64 ranks", func(t *testing.T) {
		same(t, x86, run(t, nil, "mpirun.mpich", "-np", "2", wrapper, mpiHeat, "96", "50"))
	})
	t.Run("heat2d_mpi one x86_64 and one arm64 rank", func(t *testing.T) {
		same(t, x86, run(t, nil, "mpirun.mpich", "-np", "1", wasmrun, mpiHeat, "96", "50", ":", "-np", "1", wrapper, mpiHeat, "96", "50"))
	})
}
