/* wasm only (Open MPI 4.1 has no MPI-4 persistent collectives natively):
 * persistent collectives restarted several times give the same results as
 * their blocking forms in the same run. */
#include <mpi.h>
#include <stdio.h>
#include <string.h>

/* (at most 64 ranks) */

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

    /* MPI_Alltoallw_init with a derived type per peer, all freed once the
     * request exists (MPI allows that; the arrays must stay unchanged):
     * each peer gets its own (rank+1)-int block. */
    {
        MPI_Datatype st[64], rt[64];
        int sc[64], sd[64], rc[64], rd[64], sbuf[64 * 64], rbuf[64 * 64];
        for (int i = 0; i < size; i++) {
            MPI_Type_contiguous(i + 1, MPI_INT, &st[i]);
            MPI_Type_commit(&st[i]);
            MPI_Type_contiguous(rank + 1, MPI_INT, &rt[i]);
            MPI_Type_commit(&rt[i]);
            sc[i] = rc[i] = 1;
            sd[i] = rd[i] = i * 64 * (int)sizeof(int);
        }
        MPI_Request w;
        MPI_Alltoallw_init(sbuf, sc, sd, st, rbuf, rc, rd, rt, MPI_COMM_WORLD, MPI_INFO_NULL, &w);
        /* through copies: the arrays themselves must stay as they are */
        for (int i = 0; i < size; i++) {
            MPI_Datatype a = st[i], b2 = rt[i];
            MPI_Type_free(&a);
            MPI_Type_free(&b2);
        }
        for (int it = 0; it < 3; it++) {
            for (int i = 0; i < size; i++)
                for (int j = 0; j < 64; j++) sbuf[i * 64 + j] = rank * 1000 + i * 10 + j + it;
            MPI_Start(&w);
            MPI_Wait(&w, MPI_STATUS_IGNORE);
            for (int i = 0; i < size; i++)
                for (int j = 0; j <= rank; j++) bad += rbuf[i * 64 + j] != i * 1000 + rank * 10 + j + it;
        }
        MPI_Request_free(&w);
    }

    /* neighbourhood persistent collectives on a periodic ring (of 3 or
     * more: with fewer, both neighbours are one process and which block
     * meets which receive is up to the implementation) */
    if (size >= 3) {
        MPI_Comm ring;
        int dims[1] = {size}, periods[1] = {1};
        MPI_Cart_create(MPI_COMM_WORLD, 1, dims, periods, 0, &ring);
        int left = (rank + size - 1) % size, right = (rank + 1) % size;
        int v, ng[2], na_s[2], na_r[2], cnt[2] = {1, 1}, dsp[2] = {0, 1}, nv[2];
        int ws[2], wr[2], wcnt[2] = {1, 1};
        MPI_Aint wd[2] = {0, sizeof(int)};
        MPI_Datatype wt[2];
        MPI_Type_dup(MPI_INT, &wt[0]);
        MPI_Type_dup(MPI_INT, &wt[1]);
        MPI_Request nr[5];
        MPI_Neighbor_allgather_init(&v, 1, MPI_INT, ng, 1, MPI_INT, ring, MPI_INFO_NULL, &nr[0]);
        MPI_Neighbor_alltoall_init(na_s, 1, MPI_INT, na_r, 1, MPI_INT, ring, MPI_INFO_NULL, &nr[1]);
        MPI_Neighbor_allgatherv_init(&v, 1, MPI_INT, nv, cnt, dsp, MPI_INT, ring, MPI_INFO_NULL, &nr[2]);
        MPI_Neighbor_alltoallv_init(na_s, cnt, dsp, MPI_INT, na_r, cnt, dsp, MPI_INT, ring, MPI_INFO_NULL, &nr[3]);
        MPI_Neighbor_alltoallw_init(ws, wcnt, wd, wt, wr, wcnt, wd, wt, ring, MPI_INFO_NULL, &nr[4]);
        MPI_Datatype wt0 = wt[0], wt1 = wt[1];
        MPI_Type_free(&wt0);
        MPI_Type_free(&wt1);
        for (int it = 0; it < 3; it++) {
            v = rank * 10 + it;
            na_s[0] = rank * 100 + it;     /* to the left neighbour */
            na_s[1] = rank * 100 + 50 + it; /* to the right one */
            ws[0] = -rank - it;
            ws[1] = rank + it;
            for (int i = 0; i < 5; i++) {
                MPI_Start(&nr[i]);
                MPI_Wait(&nr[i], MPI_STATUS_IGNORE);
                if (i == 1) {
                    bad += na_r[0] != left * 100 + 50 + it || na_r[1] != right * 100 + it;
                    na_r[0] = na_r[1] = -1;
                }
            }
            bad += ng[0] != left * 10 + it || ng[1] != right * 10 + it;
            bad += nv[0] != left * 10 + it || nv[1] != right * 10 + it;
            bad += na_r[0] != left * 100 + 50 + it || na_r[1] != right * 100 + it;
            bad += wr[0] != left + it || wr[1] != -right - it;
        }
        for (int i = 0; i < 5; i++) MPI_Request_free(&nr[i]);
        MPI_Comm_free(&ring);
    }
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
