/* soak SECONDS: for SECONDS, every rank repeats many short MPI calls and
 * creates and frees communicators, groups, datatypes, requests, info
 * objects and ops, checking every result. Run under --max-memory 64MiB,
 * where each kind of object is limited to 4096 live ones: a leaked handle
 * would make a creation fail within a few thousand rounds, and errors are
 * fatal. Prints "rank R: N rounds, all correct" at the end. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int rank, size;

static void check(int ok, const char *what, long round) {
    if (!ok) {
        fprintf(stderr, "rank %d: round %ld: wrong result: %s\n", rank, round, what);
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
}

static void maxop(void *in, void *inout, int *len, MPI_Datatype *t) {
    (void)t;
    for (int i = 0; i < *len; i++)
        if (((int *)in)[i] > ((int *)inout)[i]) ((int *)inout)[i] = ((int *)in)[i];
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    double seconds = argc > 1 ? atof(argv[1]) : 10, start = MPI_Wtime(), last = start;
    int right = (rank + 1) % size, left = (rank + size - 1) % size;
    long round = 0;
    int go = 1;
    int sbuf[64], rbuf[64];
    while (go) {
        round++;
        /* communicators and groups */
        MPI_Comm dup, split;
        MPI_Comm_dup(MPI_COMM_WORLD, &dup);
        MPI_Comm_split(dup, rank % 2, rank, &split);
        int ssize;
        MPI_Comm_size(split, &ssize);
        check(ssize == (size + 1 - rank % 2) / 2, "split size", round);
        MPI_Group g, g2;
        MPI_Comm_group(dup, &g);
        int first = 0;
        MPI_Group_incl(g, 1, &first, &g2);
        MPI_Group_free(&g2);
        MPI_Group_free(&g);
        /* a derived datatype through a ring */
        MPI_Datatype vec;
        MPI_Type_vector(8, 2, 4, MPI_INT, &vec);
        MPI_Type_commit(&vec);
        for (int i = 0; i < 64; i++) sbuf[i] = rank * 1000 + i, rbuf[i] = -1;
        MPI_Sendrecv(sbuf, 1, vec, right, 1, rbuf, 1, vec, left, 1, dup, MPI_STATUS_IGNORE);
        for (int b = 0; b < 8; b++)
            for (int k = 0; k < 2; k++)
                check(rbuf[b * 4 + k] == left * 1000 + b * 4 + k, "vector ring", round);
        MPI_Type_free(&vec);
        /* nonblocking requests */
        MPI_Request reqs[8];
        int out[4], in[4];
        for (int i = 0; i < 4; i++) {
            out[i] = rank + i + (int)round;
            MPI_Irecv(&in[i], 1, MPI_INT, left, 10 + i, dup, &reqs[i]);
            MPI_Isend(&out[i], 1, MPI_INT, right, 10 + i, dup, &reqs[4 + i]);
        }
        MPI_Waitall(8, reqs, MPI_STATUSES_IGNORE);
        for (int i = 0; i < 4; i++) check(in[i] == left + i + (int)round, "isend ring", round);
        /* collectives, a user op, an info object */
        int sum = 0, mx = 0, mine = rank + (int)round;
        MPI_Allreduce(&mine, &sum, 1, MPI_INT, MPI_SUM, split);
        int expect = 0;
        for (int r = rank % 2; r < size; r += 2) expect += r + (int)round;
        check(sum == expect, "allreduce on split", round);
        MPI_Op op;
        MPI_Op_create(maxop, 1, &op);
        MPI_Allreduce(&mine, &mx, 1, MPI_INT, op, dup);
        check(mx == size - 1 + (int)round, "user op", round);
        MPI_Op_free(&op);
        MPI_Info info;
        MPI_Info_create(&info);
        MPI_Info_set(info, "key", "value");
        MPI_Info_free(&info);
        MPI_Comm_free(&split);
        MPI_Comm_free(&dup);
        /* rank 0 decides whether to go on */
        double now = MPI_Wtime();
        go = now - start < seconds;
        MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD);
        if (rank == 0 && now - last >= 10) {
            printf("rank 0: %ld rounds after %.0f s\n", round, now - start);
            fflush(stdout);
            last = now;
        }
    }
    printf("rank %d: %ld rounds, all correct\n", rank, round);
    MPI_Finalize();
    return 0;
}
