// Package numlib is the host side of wasmrun's bridge to the node's
// numerical libraries: the wasm import modules "wasmrun_blas" (CBLAS,
// levels 1, 2 and 3, single, double, complex and double complex),
// "wasmrun_lapack" (LAPACKE drivers and computational routines) and
// "wasmrun_fftw" (FFTW 3 plans in double and single precision), which a
// guest built with `wasmrun cc` calls through the cblas.h, lapacke.h and
// fftw3.h in include/.
//
// Each library is opened with dlopen at its first call (libblas.so.3,
// liblapack.so.3 with liblapacke.so.3, libfftw3.so.3, libfftw3f.so.3, or
// the paths given with --blas, --lapack, --fftw, --fftwf), so wasmrun links
// none of them and starts on nodes without them; a module that calls into
// a missing library ends at that first call with one line saying which
// library is missing and how to name one.
//
// Arguments go to the host library in place: every pointer is the guest's
// address plus the base of its linear memory, which never moves (embedder
// reserves it once), so no array is copied and FFTW plans may keep the
// guest's arrays. Before that, every array argument is checked over the
// whole extent the routine may touch, computed from the dimensions, the
// leading dimension, the increment and the layout; an illegal argument is
// reported the way the reference BLAS's xerbla reports it ("parameter 9 had
// an illegal value", with the routine's name) and the routine is not
// called: CBLAS routines return, LAPACKE routines return -(the parameter's
// position), FFTW planners return NULL.
//
// The CBLAS and LAPACKE routines are declared once, in spec.txt, from which
// internal/gen writes the host functions, the C calls and the guest
// headers' declarations; each shape of argument check is one function in
// shapes.go. FFTW plans live in a handle table (internal/handle), so a
// destroyed or forged plan is caught.
package numlib
