/* wasm only (Open MPI 4.1 has no MPI-4 persistent collectives natively):
 * persistent collectives restarted several times give the same results as
 * their blocking forms in the same run. */
#include <mpi.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size, bad = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int x, sum, b, g[64], ga[64], a2a_s[64], a2a_r[64], scan, red;
    MPI_Request r[7];
    MPI_Allreduce_init(&x, &sum, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD, MPI_INFO_NULL, &r[0]);
    MPI_Bcast_init(&b, 1, MPI_INT, 0, MPI_COMM_WORLD, MPI_INFO_NULL, &r[1]);
    MPI_Barrier_init(MPI_COMM_WORLD, MPI_INFO_NULL, &r[2]);
    MPI_Allgather_init(&x, 1, MPI_INT, g, 1, MPI_INT, MPI_COMM_WORLD, MPI_INFO_NULL, &r[3]);
    MPI_Alltoall_init(a2a_s, 1, MPI_INT, a2a_r, 1, MPI_INT, MPI_COMM_WORLD, MPI_INFO_NULL, &r[4]);
    MPI_Scan_init(&x, &scan, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD, MPI_INFO_NULL, &r[5]);
    MPI_Reduce_init(&x, &red, 1, MPI_INT, MPI_MAX, 0, MPI_COMM_WORLD, MPI_INFO_NULL, &r[6]);
    for (int it = 0; it < 5; it++) {
        x = rank * 10 + it;
        b = rank == 0 ? 100 + it : -1;
        for (int i = 0; i < size; i++) a2a_s[i] = rank * 100 + i + it;
        if (it % 2) {
            MPI_Startall(7, r);
            MPI_Waitall(7, r, MPI_STATUSES_IGNORE);
        } else {
            for (int i = 0; i < 7; i++) {
                MPI_Start(&r[i]);
                MPI_Wait(&r[i], MPI_STATUS_IGNORE);
            }
        }
        int want_sum, want_scan, want_red;
        MPI_Allreduce(&x, &want_sum, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
        MPI_Scan(&x, &want_scan, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
        MPI_Reduce(&x, &want_red, 1, MPI_INT, MPI_MAX, 0, MPI_COMM_WORLD);
        MPI_Allgather(&x, 1, MPI_INT, ga, 1, MPI_INT, MPI_COMM_WORLD);
        bad += sum != want_sum || b != 100 + it || scan != want_scan || (rank == 0 && red != want_red);
        bad += memcmp(g, ga, (size_t)size * sizeof(int)) != 0;
        for (int i = 0; i < size; i++) bad += a2a_r[i] != i * 100 + rank + it;
    }
    /* MPI allows freeing a datatype once the persistent request exists. */
    MPI_Datatype pair;
    MPI_Type_contiguous(2, MPI_INT, &pair);
    MPI_Type_commit(&pair);
    int pv[2], pr[2];
    MPI_Request pb;
    MPI_Bcast_init(pv, 1, pair, 0, MPI_COMM_WORLD, MPI_INFO_NULL, &pb);
    MPI_Type_free(&pair);
    bad += pair != MPI_DATATYPE_NULL;
    for (int it = 0; it < 3; it++) {
        pv[0] = rank == 0 ? 7 + it : -1;
        pv[1] = rank == 0 ? 70 + it : -1;
        MPI_Start(&pb);
        MPI_Wait(&pb, MPI_STATUS_IGNORE);
        bad += pv[0] != 7 + it || pv[1] != 70 + it;
    }
    MPI_Request_free(&pb);
    (void)pr;
    int inactive = 0;
    MPI_Test(&r[0], &inactive, MPI_STATUS_IGNORE); /* inactive: completes at once */
    bad += !inactive || r[0] == MPI_REQUEST_NULL;
    for (int i = 0; i < 7; i++) MPI_Request_free(&r[i]);
    for (int i = 0; i < 7; i++) bad += r[i] != MPI_REQUEST_NULL;
    int all;
    MPI_Allreduce(&bad, &all, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0) printf("%s persistent collectives\n", all ? "FAIL" : "PASS");
    MPI_Finalize();
    return all != 0;
}
