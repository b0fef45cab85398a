// Command wasmrun runs WebAssembly HPC applications: `wasmrun app.wasm` (one
// process, or one MPI rank under mpirun), `wasmrun cc`/`c++` to build them,
// and `wasmrun version`. Each command lives in a file of its own and only
// turns flags into the Options of the package that does the work.
package main
