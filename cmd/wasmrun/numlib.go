package main

import (
	"github.com/spf13/pflag"
	"github.com/wasmrun/wasmrun/internal/doctor"
	"github.com/wasmrun/wasmrun/numlib"
)

// addLibraryFlags declares the run flags that name the BLAS, LAPACK and
// FFTW libraries the numlib bridge opens.
func addLibraryFlags(f *pflag.FlagSet, l *numlib.Libraries) {
	f.StringVar(&l.BLAS, "blas", "", "BLAS library `PATH` with CBLAS (default $WASMRUN_BLAS or "+numlib.DefaultBLAS+")")
	f.StringVar(&l.LAPACK, "lapack", "", "LAPACK library `PATH` (default $WASMRUN_LAPACK or "+numlib.DefaultLAPACK+"; LAPACKE from it or "+numlib.DefaultLAPACKE+")")
	f.StringVar(&l.FFTW, "fftw", "", "FFTW double-precision library `PATH` (default $WASMRUN_FFTW or "+numlib.DefaultFFTW+")")
	f.StringVar(&l.FFTWF, "fftwf", "", "FFTW single-precision library `PATH` (default $WASMRUN_FFTWF or "+numlib.DefaultFFTWF+")")
}

// numlibChecks report the BLAS, LAPACK and FFTW libraries the bridge
// would open; none is needed for MPI jobs.
func numlibChecks() []doctor.Check {
	var out []doctor.Check
	for _, s := range numlib.Status(numlib.Libraries{}) {
		out = append(out, doctor.NumLibrary(s.Name, s.What, s.Path, s.Found, s.Err, s.Have, s.Total))
	}
	return out
}
