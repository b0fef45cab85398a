// Package toolchain is the compiler driver behind `wasmrun cc` and
// `wasmrun c++`: it finds clang and the WASI sysroot, writes the guest
// headers and the small guest library (embedded in wasmrun) into the cache
// directory, and builds the clang command line that targets wasm32-wasi with
// the flags HPC code needs. It stands in for mpicc and mpicxx inside build
// systems: response files, dependency flags, -lmpi, -fopenmp (one thread per
// rank), C++ try/catch/throw (-fignore-exceptions), the MPI wrappers'
// -showme and -compile-info interrogation, a CMake toolchain file, and a
// link that fails when a module calls an MPI function wasmrun does not
// provide.
package toolchain
