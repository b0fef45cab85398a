/* A user-defined reduction operator that traps: the job must end with a
 * report naming the rank and the operator. */
#include <mpi.h>
#include <stdio.h>
static volatile int zero;
static void bad_divide(void *in, void *inout, int *len, MPI_Datatype *type) {
    int *a = in, *b = inout;
    for (int i = 0; i < *len; i++) b[i] = a[i] / zero;
    (void)type;
}
int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    MPI_Op op;
    MPI_Op_create(bad_divide, 1, &op);
    int x = 1, y = 0;
    MPI_Allreduce(&x, &y, 1, MPI_INT, op, MPI_COMM_WORLD);
    printf("not reached %d\n", y);
    MPI_Finalize();
    return 0;
}
