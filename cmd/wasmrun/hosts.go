package main

import (
	"io/fs"

	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/mpibridge"
	"github.com/wasmrun/wasmrun/mpibridge/include"
)

// hosts are the host modules a guest may import besides WASI.
func hosts(s streams) []embedder.Host {
	return []embedder.Host{mpibridge.New(s.Err)}
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
