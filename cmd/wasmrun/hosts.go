package main

import (
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
	"github.com/wasmrun/wasmrun/wasi"
)

// hosts are the host modules a guest may import besides WASI; mounts is
// the run's mount table, through which MPI-IO opens files; log takes the
// verbose diagnostics (nil: none).
func hosts(s streams, mounts *wasi.Table, log io.Writer) []embedder.Host {
	return []embedder.Host{mpibridge.New(s.Err, mounts), opencl.New(log), cuda.New(log)}
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
	}
}

// guestFiles are the host modules' guest headers and library sources.
func guestFiles() []fs.FS {
	return []fs.FS{include.FS, clinclude.FS, cuinclude.FS}
}

// hostFunctions are the import names of every host function, which a link
// may leave undefined.
func hostFunctions() []string {
	return slices.Concat(mpibridge.Functions(), opencl.Functions(), cuda.Functions())
}

// hostVersions name the host libraries this wasmrun uses.
func hostVersions() []string {
	return []string{
		"mpi     " + mpibridge.Family + ": " + firstLine(mpibridge.HostLibrary()),
		"opencl  " + opencl.DefaultLibrary + " (or $" + opencl.LibraryEnv + "), loaded at the first OpenCL call",
		"cuda    " + cuda.DefaultLibrary + " (or $" + cuda.LibraryEnv + "), loaded at the first CUDA call",
	}
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' || c == ',' {
			return s[:i]
		}
	}
	return s
}
