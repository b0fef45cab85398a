package mpibridge

// #include "calls.h"
import "C"

var rmaFunctions = []function{}

// window is a guest MPI_Win.
type window struct {
	host C.uintptr_t
}
