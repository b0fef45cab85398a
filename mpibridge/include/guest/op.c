/* User-defined reduction operators. The host MPI applies an operator
 * created with MPI_Op_create by calling back into the guest: wasmrun copies
 * the operands into guest memory where needed (wasmrun_scratch) and calls
 * the guest's function through wasmrun_call_op, which makes the indirect
 * call with the right signature. MPI_Op_create lives here so that any
 * program that creates an operator links both exports. */
#include <mpi.h>
#include <stdlib.h>

int wasmrun_op_create(MPI_User_function *fn, int commute, MPI_Op *op)
    __attribute__((import_module("wasmrun_mpi"), import_name("MPI_Op_create")));

__attribute__((export_name("wasmrun_call_op")))
void wasmrun_call_op(MPI_User_function *fn, void *in, void *inout, int *len, MPI_Datatype *type) {
    fn(in, inout, len, type);
}

static void *scratch;
static unsigned long scratch_len;

__attribute__((export_name("wasmrun_scratch")))
void *wasmrun_scratch(unsigned long n) {
    if (n > scratch_len) {
        void *p = realloc(scratch, n);
        if (p == NULL) return NULL;
        scratch = p;
        scratch_len = n;
    }
    return scratch;
}

int MPI_Op_create(MPI_User_function *fn, int commute, MPI_Op *op) {
    return wasmrun_op_create(fn, commute, op);
}

int PMPI_Op_create(MPI_User_function *fn, int commute, MPI_Op *op) {
    return wasmrun_op_create(fn, commute, op);
}
