// Package tests holds wasmrun's integration tests: they build C and C++
// programs with `wasmrun cc` and natively, run them through bin/wasmrun
// (under mpirun for MPI programs), and compare outputs, exit codes and
// stderr. Set WASMRUN_BIN to test a given binary; otherwise one is built.
package tests
