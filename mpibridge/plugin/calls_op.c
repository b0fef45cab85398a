/* Host side of user-defined reduction operators: a fixed pool of C
 * trampolines, one per live operator, because MPI_User_function carries no
 * user data. Each calls back into wasmrun (the function wr_set_user_op
 * gave, which runs the guest's function). */
#include <mpi.h>
#include <stddef.h>

#include "calls.h"

static wr_user_op_fn *user_op;

void wr_set_user_op(wr_user_op_fn *fn) { user_op = fn; }

#define T(i) \
    static void tramp##i(void *in, void *inout, int *len, MPI_Datatype *type) { \
        if (user_op != NULL) user_op(0##i, in, inout, len, (uintptr_t)*type); \
    }
#define T8(i) T(i##0) T(i##1) T(i##2) T(i##3) T(i##4) T(i##5) T(i##6) T(i##7)
T8(0) T8(1) T8(2) T8(3) T8(4) T8(5) T8(6) T8(7)

#define R(i) tramp##i,
#define R8(i) R(i##0) R(i##1) R(i##2) R(i##3) R(i##4) R(i##5) R(i##6) R(i##7)
static MPI_User_function *const tramps[WR_OP_SLOTS] = {R8(0) R8(1) R8(2) R8(3) R8(4) R8(5) R8(6) R8(7)};

int wr_op_create(int slot, int commute, uintptr_t *op) {
    MPI_Op o = MPI_OP_NULL;
    if (slot < 0 || slot >= WR_OP_SLOTS) return MPI_ERR_INTERN;
    int rc = MPI_Op_create(tramps[slot], commute, &o);
    *op = (uintptr_t)o;
    return rc;
}

int wr_op_free(uintptr_t *op) {
    MPI_Op o = (MPI_Op)(*op);
    int rc = MPI_Op_free(&o);
    *op = (uintptr_t)o;
    return rc;
}

int wr_op_commutative(uintptr_t op, int *commute) {
    return MPI_Op_commutative((MPI_Op)(op), commute);
}
