// Package mpibridge is the host side of wasmrun's MPI: the wasm import
// module "wasmrun_mpi" whose functions a guest built with `wasmrun cc`
// calls through the standard-ABI mpi.h in include/. Each host function
// checks the guest's handles, ranks, counts and every buffer over the full
// range the call will touch, translates handles to the host MPI library's
// and makes one call into the small C layer (calls.c), which is built
// against the host family's mpi.h. Bad input goes through the
// communicator's error handler: MPI_ERRORS_RETURN returns the error class,
// MPI_ERRORS_ARE_FATAL reports rank, function and cause and aborts the job.
//
// The functions are declared once, as table entries, one file per chapter
// of the standard (env, pt2pt, coll, comm, group, datatype), so the
// supported set can be listed, tested and documented from one place.
package mpibridge
