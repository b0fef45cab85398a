/* Imports functions wasmrun does not provide. */
__attribute__((import_module("mystery"), import_name("frobnicate"))) int frobnicate(int);
__attribute__((import_module("wasmrun_mpi"), import_name("MPI_Not_a_function"))) int not_mpi(void);
int main(void) { return frobnicate(1) + not_mpi(); }
