package numlib

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
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
	require.Len(t, Functions(BLASModule), 148)
	require.Len(t, Functions(LAPACKModule), 68)
	require.Len(t, Functions(FFTWModule), 30)
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

// guestMemory is a module with 32 pages of memory, as the bridge sees a
// guest's.
func guestMemory(t testing.TB) api.Module {
	t.Helper()
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	t.Cleanup(func() { r.Close(ctx) })
	// (module (memory (export "memory") 32))
	bin := []byte{0, 'a', 's', 'm', 1, 0, 0, 0, 5, 3, 1, 0, 32, 7, 10, 1, 6, 'm', 'e', 'm', 'o', 'r', 'y', 2, 0}
	m, err := r.Instantiate(ctx, bin)
	require.NoError(t, err)
	return m
}

// args builds valid arguments for a routine from its spec.txt parameters:
// dimensions 4 (band widths 2), leading dimensions 16, increments 1, each
// array in a region of its own, options chosen by trying letters until the
// check takes them.
func args(sig string, layout uint64) (s []uint64, ptrs, lds []int) {
	for i, p := range strings.Fields(sig) {
		kind, name, _ := strings.Cut(p, ":")
		name = strings.TrimSuffix(name, "=")
		var v uint64
		switch kind {
		case "o":
			v = layout
		case "t":
			v = 111
		case "u":
			v = 121
		case "g":
			v = 131
		case "s":
			v = 141
		case "c":
			v = 'A'
		case "i":
			switch {
			case strings.HasPrefix(name, "ld"):
				v = 16
				lds = append(lds, i+1)
			case strings.HasPrefix(name, "inc"):
				v = 1
			case name == "KL" || name == "KU" || name == "K" || name == "k":
				v = 2
			default:
				v = 4
			}
		case "r":
			v = api.EncodeF64(1)
		case "a", "p", "q", "I", "x", "y", "P":
			v = uint64(4096 + 16384*len(ptrs))
			ptrs = append(ptrs, i+1)
		}
		s = append(s, v)
	}
	return s, ptrs, lds
}

// TestChecks: for every CBLAS and LAPACKE routine, in both layouts, valid
// arguments pass and leave every array argument checked (a host address
// for each pointer), an array that starts at the last byte of guest
// memory is refused, and so is a leading dimension of 1 where the matrix
// needs more.
func TestChecks(t *testing.T) {
	b := New(io.Discard, nil, Libraries{})
	b.Attach(guestMemory(t))
	last := uint64(b.Mem.Size() - 1)
	letters := "AVNUT1"
	for _, r := range append(append([]routine(nil), blasRoutines...), lapackRoutines...) {
		for _, layout := range []uint64{101, 102} {
			s, ptrs, lds := args(r.sig, layout)
			kinds := strings.Fields(r.sig)
			run := func() call {
				c := call{b: b, name: r.name, s: slices.Clone(s), elem: r.elem, real: r.real}
				r.check(&c)
				return c
			}
			c := run()
			for tries := 0; c.bad != 0 && kinds[c.bad-1][0] == 'c' && tries < 20; tries++ {
				cur := strings.IndexByte(letters, byte(s[c.bad-1]))
				require.Less(t, cur+1, len(letters), "%s: no option letter for parameter %d", r.name, c.bad)
				s[c.bad-1] = uint64(letters[cur+1])
				c = run()
			}
			require.Zero(t, c.bad, "%s layout %d: valid arguments refused (%s)", r.name, layout, r.sig)
			for _, p := range ptrs {
				if kinds[p-1][0] == 'a' && r.elem != 2*r.real {
					continue // a real alpha, by value
				}
				require.NotZero(t, c.addr[p], "%s: parameter %d is not checked", r.name, p)
				bad := slices.Clone(s)
				bad[p-1] = last
				c := call{b: b, name: r.name, s: bad, elem: r.elem, real: r.real}
				r.check(&c)
				require.NotZero(t, c.bad, "%s: parameter %d at the last byte of memory passes", r.name, p)
			}
			for _, ld := range lds {
				bad := slices.Clone(s)
				bad[ld-1] = 1
				c := call{b: b, name: r.name, s: bad, elem: r.elem, real: r.real}
				r.check(&c)
				require.Equal(t, ld, c.bad, "%s layout %d: leading dimension %d of 1 passes", r.name, layout, ld)
			}
		}
	}
}

// TestComplexDotNegativeIncrement: OpenBLAS reads |incX| elements before X
// in the complex dot products when incX is negative; X must leave room
// for that inside guest memory, and only then.
func TestComplexDotNegativeIncrement(t *testing.T) {
	b := New(io.Discard, nil, Libraries{})
	b.Attach(guestMemory(t))
	for _, name := range []string{"cblas_cdotu_sub", "cblas_cdotc_sub", "cblas_zdotu_sub", "cblas_zdotc_sub"} {
		r := fuzzRoutines()[name]
		run := func(x uint64, incx int32) int {
			c := call{b: b, name: name, s: []uint64{4, x, uint64(uint32(incx)), 8192, 1, 16384}, elem: r.elem, real: r.real}
			r.check(&c)
			return c.bad
		}
		require.Zero(t, run(0x100, 1), name)
		require.Zero(t, run(3*r.elem, -3), name)
		require.Equal(t, 2, run(3*r.elem-r.real, -3), "%s: X too close to the start of guest memory", name)
		require.Zero(t, run(r.real, 3), name)
		require.Equal(t, 2, run(r.real+1, 3), "%s: X misaligned", name)
	}
}

// TestAlignment: arrays of numbers must be aligned to the size of the
// numbers (of their parts, for complex ones), as C requires; OpenBLAS's and
// LAPACK's kernels fault on misaligned ones. An empty array may be
// anywhere.
func TestAlignment(t *testing.T) {
	b := New(io.Discard, nil, Libraries{})
	b.Attach(guestMemory(t))
	for _, c := range []struct {
		name string
		s    []uint64
		bad  int
	}{
		{"cblas_ddot", []uint64{4, 4100, 1, 8192, 1}, 2},
		{"cblas_ddot", []uint64{4, 4096, 1, 8196, 1}, 4},
		{"cblas_ddot", []uint64{0, 4100, 1, 8196, 1}, 0},
		{"cblas_sdot", []uint64{4, 4100, 1, 8196, 1}, 0},
		{"cblas_sdot", []uint64{4, 4098, 1, 8196, 1}, 2},
		{"cblas_zdotc_sub", []uint64{4, 4104, 1, 8192, 1, 12288}, 0},
		{"cblas_zdotc_sub", []uint64{4, 4096, 1, 8192, 1, 12292}, 6},
		{"LAPACKE_dgesv", []uint64{101, 4, 1, 4096, 4, 8194, 12288, 1}, 6},
		{"LAPACKE_dgesv", []uint64{101, 4, 1, 4100, 4, 8192, 12288, 1}, 4},
	} {
		r := fuzzRoutines()[c.name]
		k := call{b: b, name: c.name, s: c.s, elem: r.elem, real: r.real}
		r.check(&k)
		require.Equal(t, c.bad, k.bad, "%s%v", c.name, c.s)
	}
}
