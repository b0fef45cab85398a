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
