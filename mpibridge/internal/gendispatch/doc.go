// Command gendispatch writes mpibridge/dispatch.c: for every function the
// MPI plugin exports (the wr_* declarations of calls.h, calls_ext.h and
// shim.h), a stub of the same name and signature that calls through a
// pointer, and the table wr_bind fills from the plugin with dlsym.
//
//	go run ./mpibridge/internal/gendispatch   (from the repository root)
//
// mpibridge's TestDispatchIsCurrent fails when dispatch.c is stale.
package main
