package mpibridge

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/wasmrun/wasmrun/mpibridge/internal/dispatch"
)

// TestDispatchIsCurrent: dispatch.c declares a stub for every function of
// calls.h, calls_ext.h and shim.h (go run ./mpibridge/internal/gendispatch
// rewrites it).
func TestDispatchIsCurrent(t *testing.T) {
	want, err := dispatch.Generate(".")
	require.NoError(t, err)
	got, err := os.ReadFile("dispatch.c")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "dispatch.c is stale: go run ./mpibridge/internal/gendispatch")
}

func TestDispatchParse(t *testing.T) {
	fs, err := dispatch.Parse(`/* c */ #define X 1
int wr_a(void);
uintptr_t wr_b(int x, int (*ranges)[3], const char *s);
void wr_c(wr_user_op_fn *fn);
typedef void wr_t(int a);`)
	require.NoError(t, err)
	require.Len(t, fs, 3)
	require.Empty(t, fs[0].Args)
	require.Equal(t, []string{"x", "ranges", "s"}, fs[1].Args)
	require.Equal(t, "uintptr_t", fs[1].Ret)
	require.Equal(t, "void", fs[2].Ret)
	_, err = dispatch.Parse("int wr_d(int);")
	require.Error(t, err, "a parameter without a name cannot be forwarded")
}

// TestChooseSpec: the forms of --mpi and $WASMRUN_MPI.
func TestChooseSpec(t *testing.T) {
	require.NoError(t, CheckSpec(""))
	require.NoError(t, CheckSpec("openmpi"))
	require.NoError(t, CheckSpec("mpich"))
	require.ErrorContains(t, CheckSpec("lam"), "neither openmpi, mpich nor a library path")
	require.ErrorContains(t, CheckSpec("/no/such/libmpi.so.40"), "no such file")
	dir := t.TempDir()
	odd := dir + "/libfoo.so"
	require.NoError(t, os.WriteFile(odd, nil, 0o644))
	require.ErrorContains(t, CheckSpec(odd), "cannot tell the MPI family")
	require.NoError(t, CheckSpec("mpich:"+odd))
	require.ErrorContains(t, CheckSpec("lam:"+odd), "unknown MPI family")
	c, err := chooseSpec(dir+"/libmpich.so.12.2", "--mpi")
	if err == nil {
		t.Fatalf("a missing file must not be chosen: %+v", c)
	}
}
