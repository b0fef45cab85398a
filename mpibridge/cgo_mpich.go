//go:build mpich

package mpibridge

// #cgo pkg-config: mpich
// #cgo CFLAGS: -O2 -Wall
import "C"

// Family is the host MPI family this wasmrun was built against.
const Family = "mpich"
