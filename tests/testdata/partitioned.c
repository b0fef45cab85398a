/* Partitioned communication (MPI-4.0 chapter 4): each rank sends 8
 * partitions of 16 doubles to its right neighbour and receives as many
 * from its left one, 3 times with the same requests: MPI_Psend_init,
 * MPI_Precv_init, MPI_Startall, MPI_Pready of partitions in reverse order
 * (the last one through MPI_Pready_range, then MPI_Pready_list in the next
 * round), MPI_Parrived polled until the data is there, MPI_Waitall, and
 * MPI_Request_free. Misuse is refused: MPI_Pready of a partition out of
 * range or twice, MPI_Pready on a receive, MPI_Parrived on a send.
 * Self-checking: "PASS partitioned" from rank 0 and exit 0. Built with
 * wasmrun cc, and natively against MPICH 4 (Open MPI 4.1 has none). */
#include <mpi.h>
#include <stdio.h>

enum { PARTS = 8, COUNT = 16 };

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank, size, bad = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int right = (rank + 1) % size, left = (rank + size - 1) % size;
    double out[PARTS * COUNT], in[PARTS * COUNT];
    MPI_Request r[2];
    MPI_Psend_init(out, PARTS, COUNT, MPI_DOUBLE, right, 4, MPI_COMM_WORLD, MPI_INFO_NULL, &r[0]);
    MPI_Precv_init(in, PARTS, COUNT, MPI_DOUBLE, left, 4, MPI_COMM_WORLD, MPI_INFO_NULL, &r[1]);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < PARTS * COUNT; i++) {
            out[i] = rank * 1000 + round * 100 + i * 0.5;
            in[i] = -1;
        }
        MPI_Startall(2, r);
        if (round == 1) {
            int list[PARTS];
            for (int p = 0; p < PARTS; p++)
                list[p] = PARTS - 1 - p;
            MPI_Pready_list(PARTS, list, r[0]);
        } else {
            for (int p = PARTS - 1; p > 0; p--)
                MPI_Pready(p, r[0]);
            MPI_Pready_range(0, 0, r[0]);
        }
        int arrived = 0;
        for (long polls = 0; !arrived && polls < 100000000; polls++)
            MPI_Parrived(r[1], PARTS - 1, &arrived);
        bad += !arrived;
        MPI_Waitall(2, r, MPI_STATUSES_IGNORE);
        for (int i = 0; i < PARTS * COUNT; i++)
            bad += in[i] != left * 1000 + round * 100 + i * 0.5;
    }
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    MPI_Startall(2, r);
    bad += MPI_Pready(PARTS, r[0]) == MPI_SUCCESS;
    bad += MPI_Pready(0, r[1]) == MPI_SUCCESS;
    int flag;
    bad += MPI_Parrived(r[0], 0, &flag) == MPI_SUCCESS;
    MPI_Pready_range(0, PARTS - 1, r[0]);
    MPI_Waitall(2, r, MPI_STATUSES_IGNORE);
    MPI_Request_free(&r[0]);
    MPI_Request_free(&r[1]);
    bad += r[0] != MPI_REQUEST_NULL || r[1] != MPI_REQUEST_NULL;
    int all = 0;
    MPI_Allreduce(&bad, &all, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0)
        printf("%s partitioned\n", all ? "FAIL" : "PASS");
    MPI_Finalize();
    return all != 0;
}
