package main

import (
	"fmt"
	"io"
	"io/fs"
	"slices"

	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/gpu/cuda"
	cuinclude "github.com/wasmrun/wasmrun/gpu/cuda/include"
	"github.com/wasmrun/wasmrun/gpu/opencl"
	clinclude "github.com/wasmrun/wasmrun/gpu/opencl/include"
	"github.com/wasmrun/wasmrun/mpibridge"
	"github.com/wasmrun/wasmrun/mpibridge/include"
	"github.com/wasmrun/wasmrun/numlib"
	nlinclude "github.com/wasmrun/wasmrun/numlib/include"
	"github.com/wasmrun/wasmrun/wasi"
)

// hosts are the host modules a guest may import besides WASI; mounts is
// the run's mount table, through which MPI-IO opens files; mpi chooses
// the host MPI (--mpi); log takes the verbose diagnostics (nil: none);
// libs name the BLAS, LAPACK and FFTW libraries (--blas ...).
func hosts(s streams, mounts *wasi.Table, mpi string, log io.Writer, libs numlib.Libraries) []embedder.Host {
	m := mpibridge.New(mpibridge.Options{Stderr: s.Err, Mounts: mounts, MPI: mpi, Log: log})
	nl := numlib.New(s.Err, log, libs)
	nl.Label = m.Label
	return append([]embedder.Host{m, opencl.New(log), cuda.New(log)}, nl.Hosts()...)
}

// hostImports are the functions each host module provides, by import
// module name, for `wasmrun inspect` to mark a module's imports supported
// or not. A new host module adds its entry here.
func hostImports() map[string][]string {
	return map[string][]string{
		"wasi_snapshot_preview1": embedder.WASIFunctions(),
		mpibridge.ModuleName:     mpibridge.Functions(),
		opencl.ModuleName:        opencl.Functions(),
		cuda.ModuleName:          cuda.Functions(),
		numlib.BLASModule:        numlib.Functions(numlib.BLASModule),
		numlib.LAPACKModule:      numlib.Functions(numlib.LAPACKModule),
		numlib.FFTWModule:        numlib.Functions(numlib.FFTWModule),
	}
}

// guestFiles are the host modules' guest headers and library sources.
func guestFiles() []fs.FS {
	return []fs.FS{include.FS, clinclude.FS, cuinclude.FS, nlinclude.FS}
}

// hostFunctions are the import names of every host function, which a link
// may leave undefined.
func hostFunctions() []string {
	return slices.Concat(mpibridge.Functions(), opencl.Functions(), cuda.Functions(),
		numlib.Functions(numlib.BLASModule), numlib.Functions(numlib.LAPACKModule), numlib.Functions(numlib.FFTWModule))
}

// hostVersions name the host libraries this wasmrun uses.
func hostVersions() []string {
	return []string{
		mpiVersion(),
		"opencl  " + opencl.DefaultLibrary + " (or $" + opencl.LibraryEnv + "), loaded at the first OpenCL call",
		"cuda    " + cuda.DefaultLibrary + " (or $" + cuda.LibraryEnv + "), loaded at the first CUDA call",
		"blas    " + numlib.DefaultBLAS + " (or --blas, $WASMRUN_BLAS), loaded at the first CBLAS call",
		"lapack  " + numlib.DefaultLAPACK + " with " + numlib.DefaultLAPACKE + " (or --lapack, $WASMRUN_LAPACK), loaded at the first LAPACKE call",
		"fftw    " + numlib.DefaultFFTW + ", " + numlib.DefaultFFTWF + " (or --fftw, --fftwf, $WASMRUN_FFTW, $WASMRUN_FFTWF), loaded at the first FFTW call",
	}
}

// mpiVersion says which host MPI a run would use, and what else is there.
func mpiVersion() string {
	c, err := mpibridge.Load("")
	if err != nil {
		return "mpi     none: " + err.Error()
	}
	line := fmt.Sprintf("mpi     %s: %s (%s, chosen by %s)", c.Family, firstLine(mpibridge.HostLibrary()), c.Library, c.Why)
	for _, a := range mpibridge.Available() {
		if a.Family != c.Family {
			line += "; also found " + a.Family + " (" + a.Library + ")"
		}
	}
	return line
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' || c == ',' {
			return s[:i]
		}
	}
	return s
}
