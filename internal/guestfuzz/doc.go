// Package guestfuzz is the shared harness of wasmrun's fuzz tests of host
// modules (the MPI, OpenCL, CUDA and BLAS/LAPACK/FFTW bridges, WASI, and
// any host module added later). A host module's fuzz test decodes a fuzz
// input into a few calls of its host functions, with arguments drawn by an
// Arg picker from a mix of raw values and values that pass some of the
// checks (offsets into guest memory, live and predefined handles, small
// and negative counts), and runs them against a guest memory with
// inaccessible guard pages on both sides (after it, as far as any 32-bit
// guest offset reaches), so that any host read or write outside guest
// memory faults at once. After each call, Leaks looks for host addresses
// written into guest memory.
//
// To fuzz another host module: attach it to Memory.Module (or instantiate
// it with Memory's allocator on the context), describe its functions, from
// its own function table, as Funcs, decode each input with Args.Plan and
// Args.Fill, and make the calls with Run, which watches for hangs and
// checks Leaks after each call. The targets: mpibridge, wasi (FuzzWASI),
// gpu/opencl, gpu/cuda and numlib, each in its fuzz_test.go.
package guestfuzz
