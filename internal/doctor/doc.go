// Package doctor checks what a node offers wasmrun, for `wasmrun doctor`:
// the CPU, the host MPI library and launchers, OpenCL and CUDA drivers, the
// compiled-code cache, and that nothing runs with privilege. Each check is
// a small function returning one line with a verdict, so the checks of
// host modules (MPI, GPU) can live with those modules and be handed in.
package doctor
