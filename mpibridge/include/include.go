// Package include holds the guest side of wasmrun's MPI ABI, embedded in
// wasmrun and written out by `wasmrun cc`: mpi.h (the MPI 5.0 standard ABI
// for wasm32) and the part of the guest library that lives in the guest
// (storage for predefined attribute values).
package include

import "embed"

// FS holds mpi.h and the guest library sources.
//
//go:embed mpi.h guest
var FS embed.FS
