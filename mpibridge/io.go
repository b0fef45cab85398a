package mpibridge

// #include "calls.h"
import "C"

var ioFunctions = []function{}

// file is a guest MPI_File.
type file struct {
	host C.uintptr_t
}
