/* Calls an MPI function that wasmrun does not provide: linking it with
 * wasmrun cc must fail, as with an MPI library that lacks the function. */
#include <mpi.h>

int main(int argc, char **argv) {
    MPI_Comm children;
    MPI_Init(&argc, &argv);
    MPI_Comm_spawn("worker", MPI_ARGV_NULL, 2, MPI_INFO_NULL, 0, MPI_COMM_WORLD, &children, MPI_ERRCODES_IGNORE);
    MPI_Finalize();
    return 0;
}
