/* One rank traps; the whole job must end with a report naming it. */
#include <mpi.h>
#include <stdio.h>
__attribute__((noinline)) int divide(int a, int b) { return a / b; }
int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Barrier(MPI_COMM_WORLD);
    if (rank == 1) printf("%d\n", divide(rank, rank - 1));
    MPI_Barrier(MPI_COMM_WORLD); /* the other ranks wait here until the abort */
    MPI_Finalize();
    return 0;
}
