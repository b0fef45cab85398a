/* User-defined reduction operators. The host MPI applies an operator
 * created with MPI_Op_create by calling back into the guest: wasmrun copies
 * the operands into guest memory where needed (wasmrun_scratch) and calls
 * the guest's function through wasmrun_call_op, which makes the indirect
 * call with the right signature. MPI_Op_create hands the host both as
 * function-table indices: exported functions of a command module would run
 * the guest's atexit handlers and stdio teardown after every call. */
#include <mpi.h>
#include <stdlib.h>

typedef void call_op_t(MPI_User_function *, void *, void *, int *, MPI_Datatype *);
typedef void *scratch_t(unsigned long);

int wasmrun_op_create(MPI_User_function *fn, int commute, MPI_Op *op, call_op_t *call, scratch_t *scratch)
    __attribute__((import_module("wasmrun_mpi"), import_name("MPI_Op_create")));

static void wasmrun_call_op(MPI_User_function *fn, void *in, void *inout, int *len, MPI_Datatype *type) {
    fn(in, inout, len, type);
}

static void *scratch;
static unsigned long scratch_len;

static void *wasmrun_scratch(unsigned long n) {
    if (n > scratch_len) {
        void *p = realloc(scratch, n);
        if (p == NULL) return NULL;
        scratch = p;
        scratch_len = n;
    }
    return scratch;
}

int MPI_Op_create(MPI_User_function *fn, int commute, MPI_Op *op) {
    return wasmrun_op_create(fn, commute, op, wasmrun_call_op, wasmrun_scratch);
}

int PMPI_Op_create(MPI_User_function *fn, int commute, MPI_Op *op) {
    return MPI_Op_create(fn, commute, op);
}
