package main

import (
	"io/fs"

	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/mpibridge"
	"github.com/wasmrun/wasmrun/mpibridge/include"
	"github.com/wasmrun/wasmrun/wasi"
)

// hosts are the host modules a guest may import besides WASI; mounts is
// the run's mount table, through which MPI-IO opens files.
func hosts(s streams, mounts *wasi.Table) []embedder.Host {
	return []embedder.Host{mpibridge.New(s.Err, mounts)}
}

// hostImports are the functions each host module provides, by import
// module name, for `wasmrun inspect` to mark a module's imports supported
// or not. A new host module adds its entry here.
func hostImports() map[string][]string {
	return map[string][]string{
		"wasi_snapshot_preview1": embedder.WASIFunctions(),
		mpibridge.ModuleName:     mpibridge.Functions(),
	}
}

// guestFiles are the host modules' guest headers and library sources.
func guestFiles() []fs.FS {
	return []fs.FS{include.FS}
}

// hostVersions name the host libraries this wasmrun uses.
func hostVersions() []string {
	return []string{"mpi     " + mpibridge.Family + ": " + firstLine(mpibridge.HostLibrary())}
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' || c == ',' {
			return s[:i]
		}
	}
	return s
}
