package numlib

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGenerated: the committed zroutines.* and guest headers are what
// internal/gen writes from spec.txt now.
func TestGenerated(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "include"), 0o755))
	spec, err := os.ReadFile("spec.txt")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "spec.txt"), spec, 0o644))
	out, err := exec.Command("go", "run", "./internal/gen", dir).CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, f := range []string{"zroutines.go", "zroutines.h", "zroutines.c", "include/cblas.h", "include/lapacke.h"} {
		want, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		have, err := os.ReadFile(f)
		require.NoError(t, err)
		require.True(t, bytes.Equal(want, have), "%s is stale: run go generate ./numlib", f)
	}
}

// TestFunctions: every CBLAS routine of the reference CBLAS is bridged
// (cabs1 lives in the guest library), and the LAPACKE and FFTW sets.
func TestFunctions(t *testing.T) {
	require.Len(t, Functions(BLASModule), 146)
	require.Len(t, Functions(LAPACKModule), 68)
	require.Len(t, Functions(FFTWModule), 24)
	require.Contains(t, Functions(BLASModule), "cblas_zher2k")
	require.Contains(t, Functions(LAPACKModule), "LAPACKE_cungqr")
	require.Contains(t, Functions(FFTWModule), "fftwf_execute_dft_c2r")
}

// TestReach: the extent of an advanced-interface FFTW array, in elements.
func TestReach(t *testing.T) {
	for _, c := range []struct {
		name                  string
		n, embed              []int64
		howmany, stride, dist int64
		lo, hi                int64
	}{
		{"1d", []int64{8}, []int64{8}, 1, 1, 0, 0, 8},
		{"3d", []int64{4, 6, 8}, []int64{4, 6, 8}, 1, 1, 0, 0, 192},
		{"embedded rows", []int64{3, 4}, []int64{3, 10}, 1, 1, 0, 0, 24},
		{"strided batch", []int64{8}, []int64{10}, 3, 2, 20, 0, 55},
		{"transposed", []int64{16}, []int64{16}, 64, 64, 1, 0, 1024},
		{"negative stride", []int64{4}, []int64{4}, 1, -2, 0, -6, 1},
	} {
		lo, hi, ok := reach(c.n, c.embed, c.howmany, c.stride, c.dist)
		require.True(t, ok, c.name)
		require.Equal(t, [2]int64{c.lo, c.hi}, [2]int64{lo, hi}, c.name)
	}
	_, _, ok := reach([]int64{1 << 30, 1 << 30}, []int64{1 << 30, 1 << 30}, 1, 1, 0)
	require.False(t, ok, "an extent beyond any guest memory is refused, not wrapped")
}

// TestEmbed: FFTW's default layouts for r2c and c2r arrays.
func TestEmbed(t *testing.T) {
	n := []int64{4, 6, 9}
	require.Equal(t, []int64{4, 6, 5}, side(n, true, true))
	require.Equal(t, []int64{4, 6, 9}, side(n, false, true))
	require.Equal(t, []int64{4, 6, 10}, defaultEmbed(n, false, true, true), "in-place real arrays are padded")
	require.Equal(t, []int64{4, 6, 9}, defaultEmbed(n, false, true, false))
	require.Equal(t, []int64{4, 6, 9}, defaultEmbed(n, true, false, true), "complex transforms keep n")
}
