// Package include holds the guest side of wasmrun's BLAS, LAPACK and FFTW
// bridge, embedded in wasmrun and written out by `wasmrun cc`: cblas.h and
// lapacke.h (generated from ../spec.txt, every function an import from
// "wasmrun_blas" or "wasmrun_lapack"), fftw3.h, and the guest library's
// part: FFTW's basic planners, fftw_malloc and the wisdom export
// (guest/numlib_fftw.c), and the Fortran-style BLAS and LAPACK names
// (guest/numlib_f77_blas.c, guest/numlib_f77_lapack.c).
package include

import "embed"

// FS holds the headers and the guest library sources.
//
//go:embed cblas.h lapacke.h fftw3.h guest
var FS embed.FS
