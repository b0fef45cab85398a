// Package guestfuzz is the shared harness of wasmrun's fuzz tests of host
// modules (the MPI bridge, WASI, and any host module added later). A host
// module's fuzz test decodes a fuzz input into a few calls of its host
// functions, with arguments drawn by an Arg picker from a mix of raw values
// and values that pass some of the checks (offsets into guest memory, live
// and predefined handles, small and negative counts), and runs them against
// a guest memory with inaccessible guard pages on both sides (after it, as
// far as any 32-bit guest offset reaches), so that any
// host read or write just outside guest memory faults at once. After each
// call, Leaks looks for host addresses written into guest memory.
//
// To fuzz another host module: attach it to Memory.Module (or instantiate
// it with Memory's allocator on the context), describe its functions, from
// its own function table, as Funcs, decode each input with Args.Plan and
// Args.Fill, and make the calls with Run, which watches for hangs and
// checks Leaks after each call (see gpu/opencl/fuzz_test.go; the MPI bridge
// and WASI, in mpibridge/fuzz_test.go and wasi/fuzz_wasi_test.go, decode
// their inputs the same way by hand).
package guestfuzz
