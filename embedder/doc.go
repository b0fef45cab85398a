// Package embedder runs one WebAssembly module with wazero: it configures the
// runtime (features, memory limits, the compilation cache), reserves each
// module's linear memory once at its maximum so its address never moves,
// instantiates the host modules the module imports (WASI and whatever the
// caller hands in, such as the MPI bridge), refuses to start when an import
// is missing, runs _start, and turns the result into an exit code or a trap
// report.
//
// The embedder knows host modules only through the Host interface: it does
// not know MPI or OpenCL.
package embedder
