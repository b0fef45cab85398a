// Command wasmrun runs WebAssembly HPC applications: `wasmrun app.wasm` (one
// process, or one MPI rank under mpirun or srun), `wasmrun cc`/`c++` to
// build them, `inspect`, `compile` and `cache` to look at and prepare them,
// `keygen`, `sign` and `verify` to trust them, `doctor` to check a node,
// and `version`. Each command lives in a file of its own and only turns
// flags into the Options of the package that does the work.
package main
