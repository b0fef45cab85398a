// Package toolchain is the compiler driver behind `wasmrun cc` and
// `wasmrun c++`: it finds clang and the WASI sysroot, writes the guest
// headers and the small guest library (embedded in wasmrun) into the cache
// directory, and builds the clang command line that targets wasm32-wasi with
// the flags HPC code needs.
package toolchain
