// Package guestmem is how wasmrun's host modules (the MPI, OpenCL, CUDA
// and BLAS/LAPACK/FFTW bridges) reach a guest's linear memory: found once,
// checked over the full extent of every range before use. wasmrun
// reserves the memory at its maximum size (see embedder), so its base
// never moves and host libraries may keep pointers into it across calls.
package guestmem
