/* wasm only: with the default MPI_ERRORS_ARE_FATAL a bad rank ends the job
 * with a report naming rank, function and cause. */
#include <mpi.h>
#include <stdio.h>
int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, x = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    printf("rank %d started\n", rank);
    fflush(stdout);
    MPI_Barrier(MPI_COMM_WORLD);
    if (rank == 1 || argc > 1) MPI_Send(&x, 1, MPI_INT, 1000, 0, MPI_COMM_WORLD);
    MPI_Barrier(MPI_COMM_WORLD);
    MPI_Finalize();
    printf("not reached\n");
    return 0;
}
