// Package dispatch generates the C stubs through which wasmrun calls the
// MPI plugin it loads at run time: one stub per function the plugin
// exports, and the table that binds them (see gendispatch).
package dispatch
