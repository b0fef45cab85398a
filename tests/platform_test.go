package tests

import (
	"os"
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
