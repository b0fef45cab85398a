/* Rank 1 returns from main without MPI_Finalize. */
#include <mpi.h>
#include <stdio.h>
int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    if (rank == 1) return 3;
    MPI_Finalize();
    return 0;
}
