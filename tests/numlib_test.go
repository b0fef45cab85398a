package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The numlib tests run the bridged BLAS, LAPACK and FFTW calls for real,
// over the node's libraries (scripts/install-deps.sh installs OpenBLAS, the
// reference BLAS and LAPACK, LAPACKE and FFTW), against native builds of
// the same sources linked with the same libraries. Sizes are small: each
// run takes well under a second on two cores.

// referenceLibs are Debian's reference BLAS and LAPACK (the alternatives
// beside OpenBLAS): the wasm run names them with --blas and --lapack, the
// native run finds them first on LD_LIBRARY_PATH.
func referenceLibs(t *testing.T) (flags, env []string) {
	t.Helper()
	blas, _ := filepath.Glob("/usr/lib/*/blas/libblas.so.3")
	lapack, _ := filepath.Glob("/usr/lib/*/lapack/liblapack.so.3")
	require.NotEmpty(t, blas, "the reference BLAS (libblas3) is not installed: scripts/install-deps.sh")
	require.NotEmpty(t, lapack, "the reference LAPACK (liblapack3) is not installed: scripts/install-deps.sh")
	return []string{"--blas", blas[0], "--lapack", lapack[0]},
		[]string{"LD_LIBRARY_PATH=" + filepath.Dir(blas[0]) + ":" + filepath.Dir(lapack[0])}
}

// TestNumlibRoutines: every CBLAS family in s, d, c and z, row- and
// column-major, the LAPACKE routines and FFTW's planners, executors and
// wisdom in both precisions print what the native build prints, over
// OpenBLAS (the default alternative) and over the reference BLAS and
// LAPACK chosen with --blas and --lapack.
func TestNumlibRoutines(t *testing.T) {
	src := "testdata/numlib/routines.c"
	libs := []string{"-lblas", "-llapacke", "-lfftw3_threads", "-lfftw3f_threads", "-lfftw3", "-lfftw3f"}
	native, wasm := build(t, "native", src, libs...), build(t, "wasm", src, libs...)
	bin, err := os.ReadFile(wasm)
	require.NoError(t, err)
	for _, m := range []string{"wasmrun_blas", "wasmrun_lapack", "wasmrun_fftw"} {
		require.Contains(t, string(bin), m, "the calls are imports from %s", m)
	}
	in := wr(t, "inspect", wasm)
	require.Equal(t, 0, in.Code, in.Stderr)
	require.Contains(t, in.Stdout, "BLAS (wasmrun_blas): 146, all supported", "every CBLAS routine is called")
	require.Contains(t, in.Stdout, "LAPACK (wasmrun_lapack): 68, all supported", "every LAPACKE routine is called")
	require.Contains(t, in.Stdout, "FFTW (wasmrun_fftw): 30, all supported", "every FFTW import is called")

	t.Run("openblas", func(t *testing.T) {
		n := run(t, nil, native)
		require.Equal(t, 0, n.Code, n.Stderr)
		require.Contains(t, n.Stdout, "dgemm      row")
		require.Contains(t, n.Stdout, "wisdom=1/1 aligned=1 threads=1")
		w := wr(t, "-v", wasm)
		require.Equal(t, 0, w.Code, w.Stderr)
		require.Equal(t, n.Stdout, w.Stdout)
		require.Contains(t, w.Stderr, "openblas", "-v names the BLAS it loaded")
	})
	t.Run("no FFTW threads library", func(t *testing.T) {
		w := run(t, []string{"WASMRUN_FFTW_THREADS=/nonexistent/libfftw3_threads.so.3"}, wasmrun, wasm)
		require.Equal(t, 0, w.Code, w.Stderr)
		require.Contains(t, w.Stdout, "threads=0\n", "fftw_init_threads fails as FFTW's does")
		require.Contains(t, w.Stderr, "wasmrun: fftw_init_threads: cannot load the FFTW threads (double precision) library /nonexistent/libfftw3_threads.so.3")
		require.Contains(t, w.Stderr, "wasmrun: fftw_plan_with_nthreads: fftw_init_threads has not succeeded; plans stay on one thread")
	})
	t.Run("reference", func(t *testing.T) {
		flags, env := referenceLibs(t)
		n := run(t, env, native)
		require.Equal(t, 0, n.Code, n.Stderr)
		w := wr(t, append(append([]string{"-v"}, flags...), wasm)...)
		require.Equal(t, 0, w.Code, w.Stderr)
		require.Equal(t, n.Stdout, w.Stdout)
		require.Contains(t, w.Stderr, "blas: loaded "+flags[1])
		require.Contains(t, w.Stderr, "lapack: loaded "+flags[3])
	})
}

// TestNumlibFortranNames: dgemm_, dgesv_ and the other Fortran-style names
// (column-major, arguments by pointer) give the native results.
func TestNumlibFortranNames(t *testing.T) {
	src := "testdata/numlib/f77.c"
	native, wasm := build(t, "native", src, "-lblas", "-llapack"), build(t, "wasm", src, "-lblas", "-llapack")
	n := run(t, nil, native)
	require.Equal(t, 0, n.Code, n.Stderr)
	w := wr(t, wasm)
	require.Equal(t, 0, w.Code, w.Stderr)
	// OpenBLAS's xerbla prints its own line on stdout for dgesv_(n=-1);
	// the bridge refuses the call before and says so on stderr.
	want := strings.ReplaceAll(n.Stdout, " ** On entry to  DGESV parameter number  1 had an illegal value\n", "")
	require.Equal(t, want, w.Stdout)
	require.Contains(t, w.Stdout, "dgesv_ n=-1 info=-1\n")
	require.Contains(t, w.Stderr, "LAPACKE_dgesv: parameter 2 had an illegal value")
}

// TestNumlibThreads: openblas_set_num_threads and openblas_get_num_threads
// reach OpenBLAS; with the reference BLAS, which has no threads, setting
// does nothing and the count is 1.
func TestNumlibThreads(t *testing.T) {
	src := "testdata/numlib/threads.c"
	native, wasm := build(t, "native", src, "-lopenblas"), build(t, "wasm", src, "-lopenblas")
	n := run(t, []string{"OPENBLAS_NUM_THREADS=2"}, native)
	require.Equal(t, 0, n.Code, n.Stderr)
	require.Equal(t, "before=2 after=1 c=7 10 15 22\n", n.Stdout)
	w := run(t, []string{"OPENBLAS_NUM_THREADS=2"}, wasmrun, wasm)
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, n.Stdout, w.Stdout)
	flags, _ := referenceLibs(t)
	w = run(t, nil, wasmrun, append(flags, wasm)...)
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, "before=1 after=1 c=7 10 15 22\n", w.Stdout)
}

// TestNumlibDenseSolve: the dense solver sample (LAPACKE_dgesv, zgesv,
// residuals through cblas_dgemv) over OpenBLAS and the reference libraries.
func TestNumlibDenseSolve(t *testing.T) {
	src := "../samples/numlib/dense_solve.c"
	native, wasm := build(t, "native", src, "-lopenblas", "-llapacke"), build(t, "wasm", src, "-lopenblas", "-llapacke")
	n := run(t, nil, native, "150")
	require.Equal(t, 0, n.Code, n.Stderr)
	require.Contains(t, n.Stdout, "all_ok=1")
	w := wr(t, wasm, "150")
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, n.Stdout, w.Stdout)
	flags, _ := referenceLibs(t)
	w = wr(t, append(flags, wasm, "150")...)
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Contains(t, w.Stdout, "all_ok=1")
}

// TestNumlibMPISamples: the blocked matrix multiply (cblas_dgemm per block,
// blocks passed around a ring) and the slab-decomposed spectral Poisson
// solver (FFTW, MPI_Alltoall) print what their native mpicc builds print,
// at 1 and 2 ranks over both host MPI families.
func TestNumlibMPISamples(t *testing.T) {
	for _, c := range []struct {
		src, arg, want string
	}{
		{"../samples/numlib/matmul_mpi.c", "128", "entries_ok=1"},
		{"../samples/numlib/poisson3d_fft.c", "16", "err_ok=1"},
	} {
		t.Run(filepath.Base(c.src), func(t *testing.T) {
			wasm := build(t, "wasm", c.src, "-lopenblas", "-lfftw3")
			forHosts(t, func(t *testing.T, h *host) {
				native := build(t, h.mpicc, c.src, "-lopenblas", "-lfftw3")
				for _, np := range []int{1, 2} {
					n := h.run(t, np, native, c.arg)
					require.Equal(t, 0, n.Code, n.Stderr)
					require.Contains(t, n.Stdout, c.want)
					w := h.run(t, np, h.wasmrun, wasm, c.arg)
					require.Equal(t, 0, w.Code, w.Stderr)
					require.Equal(t, n.Stdout, w.Stdout, "-np %d", np)
				}
			})
		})
	}
}

// TestNumlibBadInput: illegal dimensions, leading dimensions, increments
// and options and arrays past the end of guest memory are refused before
// the library sees them, with the parameter's position as xerbla counts
// it, and nothing is written; destroyed, forged and wrong-precision plans,
// misplaced new arrays and a missing library end the run with one line,
// after what the program had printed.
func TestNumlibBadInput(t *testing.T) {
	wasm := build(t, "wasm", "testdata/numlib/bad.c", "-lopenblas", "-llapacke", "-lfftw3")
	w := wr(t, wasm)
	require.Equal(t, 0, w.Code, w.Stderr)
	require.Equal(t, `mode args
cblas nothing written=1
dnrm2 past end=0
dgesv n<0 info=-2
dgesv lda info=-5
dgesv ldb info=-8
dgesv layout info=-1
dgesv b past end info=-7
dgesv ipiv past end info=-6
dpotrf uplo info=-2
dorgqr k>n info=-4
lapacke nothing written=1
plan n=0 NULL
plan past end NULL
plan howmany NULL
plan sign NULL
`, w.Stdout)
	for _, line := range []string{
		"wasmrun: cblas_dgemm: parameter 4 had an illegal value (dimension -1 is negative)",
		"wasmrun: cblas_dgemm: parameter 9 had an illegal value (leading dimension 2 is less than max(1, 3))",
		"wasmrun: cblas_dgemm: parameter 11 had an illegal value (leading dimension 2 is less than max(1, 3))",
		"wasmrun: cblas_dgemm: parameter 1 had an illegal value (layout 99",
		"wasmrun: cblas_dgemm: parameter 13 had an illegal value (128 bytes at",
		"wasmrun: cblas_dgemv: parameter 9 had an illegal value (increment 0)",
		"wasmrun: cblas_dcopy: parameter 4 had an illegal value (32 bytes at",
		"wasmrun: cblas_zherk: parameter 3 had an illegal value",
		"wasmrun: cblas_dnrm2: parameter 2 had an illegal value",
		"wasmrun: LAPACKE_dgesv: parameter 5 had an illegal value (leading dimension 3 is less than max(1, 4))",
		"wasmrun: LAPACKE_dpotrf: parameter 2 had an illegal value (option 'X' is not one of \"UL\")",
		"wasmrun: fftw_plan_many_dft: parameter 2 had an illegal value (n[0]=0 is not positive)",
		"wasmrun: fftw_plan_many_dft: parameter 8 had an illegal value (the transform touches bytes 0..128",
		"wasmrun: fftw_plan_many_dft: parameter 12 had an illegal value (sign 3",
	} {
		require.Contains(t, w.Stderr, line)
	}
	require.Len(t, strings.Split(strings.TrimSpace(w.Stderr), "\n"), 21, "one line per refused call:\n%s", w.Stderr)

	for _, c := range []struct {
		mode string
		args []string
		want string
	}{
		{"freed", nil, "wasmrun: fftw_execute: plan 0x19000001 was destroyed"},
		{"cleaned", nil, "wasmrun: fftw_execute: plan 0x19000001 was destroyed (or fftw_cleanup ended it)"},
		{"forged", nil, "wasmrun: fftw_execute: 0x1234 is not a plan made by fftw_plan_* or fftwf_plan_*"},
		{"precision", nil, "wasmrun: fftwf_execute: plan 0x19000001 is a double-precision plan (fftw_plan)"},
		{"misaligned", nil, "wasmrun: fftw_execute_dft: the new arrays (0x"},
		{"newpast", nil, "wasmrun: fftw_execute_dft: the input array at 0x"},
		{"blas", []string{"--blas", "/nonexistent/libblas.so.3"},
			"wasmrun: cblas_dgemm: cannot load the BLAS library /nonexistent/libblas.so.3: "},
	} {
		t.Run(c.mode, func(t *testing.T) {
			w := wr(t, append(c.args, wasm, c.mode)...)
			require.Equal(t, 1, w.Code, w.Stderr)
			require.Equal(t, "mode "+c.mode+"\n", w.Stdout, "what was printed before comes out; nothing after")
			require.Len(t, strings.Split(strings.TrimSpace(w.Stderr), "\n"), 1, w.Stderr)
			require.Contains(t, w.Stderr, c.want)
		})
	}
	// Under mpirun each rank's line names the rank, as MPI errors do, and
	// the job ends.
	forHosts(t, func(t *testing.T, h *host) {
		r := h.run(t, 2, h.wasmrun, wasm, "freed")
		require.NotEqual(t, 0, r.Code)
		require.Contains(t, r.Stderr, "wasmrun: rank 1: fftw_execute: plan 0x19000001 was destroyed")
		require.NotContains(t, r.Stdout, "not reached")
	})
	// A BLAS that has cblas_ddot and not cblas_dgemm: the first call runs,
	// what the library printed comes out, the second ends the run.
	fake := filepath.Join(t.TempDir(), "libfakeblas.so")
	c := run(t, nil, "cc", "-shared", "-fPIC", "-o", fake, "testdata/numlib/fakeblas.c")
	require.Equal(t, 0, c.Code, c.Stderr)
	w = wr(t, "--blas", fake, wasm, "fake")
	require.Equal(t, 1, w.Code, w.Stderr)
	require.Contains(t, w.Stdout, "mode fake\n")
	require.Contains(t, w.Stdout, "ddot=44\n")
	require.Contains(t, w.Stdout, "fake cblas_ddot n=2")
	require.Equal(t, "wasmrun: cblas_dgemm: the BLAS library "+fake+" ("+fake+") has no cblas_dgemm; name another with --blas PATH or $WASMRUN_BLAS\n", w.Stderr)
	// A library named in the environment, missing: the same one line.
	r := run(t, []string{"WASMRUN_FFTW=/nonexistent/libfftw3.so.3"}, wasmrun, wasm, "freed")
	require.Equal(t, 1, r.Code)
	require.Equal(t, "mode freed\n", r.Stdout)
	require.Contains(t, r.Stderr, "wasmrun: fftw_plan_many_dft: cannot load the FFTW (double precision) library /nonexistent/libfftw3.so.3")
	require.Contains(t, r.Stderr, "--fftw PATH or $WASMRUN_FFTW")
}

// TestNumlibDoctor: wasmrun doctor lists the libraries it finds.
func TestNumlibDoctor(t *testing.T) {
	r := wr(t, "doctor")
	for _, lib := range []string{"blas       BLAS libblas.so.3 (", "lapack     LAPACK liblapack.so.3 (", "fftw       FFTW (double precision) libfftw3.so.3 (",
		"fftwf      FFTW (single precision) libfftw3f.so.3 (", "fftw_thr   FFTW threads (double precision) libfftw3_threads.so.3 ("} {
		require.Contains(t, r.Stdout, lib)
	}
	require.Contains(t, r.Stdout, "): all 146 bridged functions")
	missing := run(t, []string{"WASMRUN_BLAS=/nonexistent/libblas.so.3"}, wasmrun, "doctor")
	require.Equal(t, r.Code, missing.Code, "a missing BLAS does not stop MPI jobs")
	require.Contains(t, missing.Stdout, "[ -- ] blas       cannot load the BLAS library /nonexistent/libblas.so.3")
}
