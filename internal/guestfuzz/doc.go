// Package guestfuzz is the shared harness of wasmrun's fuzz tests of host
// modules (the MPI bridge, WASI, and any host module added later). A host
// module's fuzz test decodes a fuzz input into a few calls of its host
// functions, with arguments drawn by an Arg picker from a mix of raw values
// and values that pass some of the checks (offsets into guest memory, live
// and predefined handles, small and negative counts), and runs them against
// a guest memory with inaccessible guard pages on both sides, so that any
// host read or write just outside guest memory faults at once. After each
// call, Leaks looks for host addresses written into guest memory.
//
// To fuzz another host module: instantiate it with Memory's allocator on
// the context, pick functions from its own function table with Input.Pick,
// draw each parameter with Arg, and check Leaks after each call (see
// mpibridge/fuzz_test.go and wasi/fuzz_test.go).
package guestfuzz
