/*
 * rowhalo.c - an integer 2D stencil on rows split over the ranks, built by
 * a plain Makefile (samples/buildsys/make).
 *
 * The NY x NX grid is split into blocks of rows (the first NY % P ranks get
 * one more). Each rank keeps its rows between two ghost rows, exchanged
 * every step with its neighbours in a 1D Cartesian communicator
 * (MPI_Cart_create, MPI_Cart_shift, MPI_Sendrecv; MPI_PROC_NULL at the
 * ends). The update is integer arithmetic, so every build and every rank
 * count computes the same numbers. At the end rank 0 receives every
 * block straight into the global grid, which it allocates with
 * MPI_Alloc_mem, through an MPI_Type_create_subarray type per block;
 * every rank sends its interior with a subarray type of its ghost-framed
 * array. Rank 0 prints the grid's checksum and a few values.
 *
 * Usage: mpirun -np P rowhalo [steps]   (default 20; P <= 32)
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define NX 40
#define NY 32

static void block(int rank, int size, int *first, int *rows) {
    int base = NY / size, extra = NY % size;
    *rows = base + (rank < extra);
    *first = rank * base + (rank < extra ? rank : extra);
}

int main(int argc, char **argv) {
    int steps = argc > 1 ? atoi(argv[1]) : 20;
    int size, rank, up, down, first, rows;
    int periodic = 0, reorder = 0;
    MPI_Comm ring;

    MPI_Init(&argc, &argv);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size > NY) {
        fprintf(stderr, "rowhalo: at most %d ranks\n", NY);
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    MPI_Cart_create(MPI_COMM_WORLD, 1, &size, &periodic, reorder, &ring);
    MPI_Comm_rank(ring, &rank);
    MPI_Cart_shift(ring, 0, 1, &up, &down);
    block(rank, size, &first, &rows);

    /* rows + 2 ghost rows of NX values, twice (old and new) */
    int *u = calloc((size_t)(rows + 2) * NX, sizeof *u);
    int *v = calloc((size_t)(rows + 2) * NX, sizeof *v);
    for (int i = 1; i <= rows; i++)
        for (int j = 0; j < NX; j++) u[i * NX + j] = v[i * NX + j] = ((first + i - 1) * 7 + j * 3) % 11 * 100;

    for (int s = 0; s < steps; s++) {
        MPI_Sendrecv(&u[1 * NX], NX, MPI_INT, up, 0, &u[(rows + 1) * NX], NX, MPI_INT, down, 0, ring, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&u[rows * NX], NX, MPI_INT, down, 1, &u[0], NX, MPI_INT, up, 1, ring, MPI_STATUS_IGNORE);
        for (int i = 1; i <= rows; i++) {
            int gi = first + i - 1;
            if (gi == 0 || gi == NY - 1) continue; /* fixed top and bottom rows */
            for (int j = 1; j < NX - 1; j++) {     /* fixed left and right columns */
                int c = i * NX + j;
                v[c] = (4 * u[c] + u[c - NX] + u[c + NX] + u[c - 1] + u[c + 1]) / 8;
            }
        }
        int *t = u;
        u = v;
        v = t;
    }

    /* My interior, out of the ghost-framed array. */
    int local_sizes[2] = {rows + 2, NX}, local_sub[2] = {rows, NX}, local_start[2] = {1, 0};
    MPI_Datatype interior;
    MPI_Type_create_subarray(2, local_sizes, local_sub, local_start, MPI_ORDER_C, MPI_INT, &interior);
    MPI_Type_commit(&interior);
    MPI_Request send;
    MPI_Isend(u, 1, interior, 0, 2, ring, &send);

    if (rank == 0) {
        int *grid;
        MPI_Alloc_mem((MPI_Aint)NY * NX * sizeof(int), MPI_INFO_NULL, &grid);
        MPI_Request *recv = malloc(size * sizeof *recv);
        MPI_Datatype *types = malloc(size * sizeof *types);
        for (int r = 0; r < size; r++) {
            int f, n;
            block(r, size, &f, &n);
            int sizes[2] = {NY, NX}, sub[2] = {n, NX}, start[2] = {f, 0};
            MPI_Type_create_subarray(2, sizes, sub, start, MPI_ORDER_C, MPI_INT, &types[r]);
            MPI_Type_commit(&types[r]);
            MPI_Irecv(grid, 1, types[r], r, 2, ring, &recv[r]);
        }
        MPI_Waitall(size, recv, MPI_STATUSES_IGNORE);
        long long sum = 0, weighted = 0;
        int max = 0;
        for (int i = 0; i < NY * NX; i++) {
            sum += grid[i];
            weighted += (long long)(i % 97 + 1) * grid[i];
            if (grid[i] > max) max = grid[i];
        }
        printf("rowhalo: %dx%d grid, %d steps\n", NY, NX, steps);
        printf("sum %lld weighted %lld max %d\n", sum, weighted, max);
        printf("centre row:");
        for (int j = 0; j < NX; j += 4) printf(" %d", grid[(NY / 2) * NX + j]);
        printf("\n");
        for (int r = 0; r < size; r++) MPI_Type_free(&types[r]);
        free(types);
        free(recv);
        MPI_Free_mem(grid);
    }
    MPI_Wait(&send, MPI_STATUS_IGNORE);
    MPI_Type_free(&interior);
    MPI_Comm_free(&ring);
    free(u);
    free(v);
    MPI_Finalize();
    return 0;
}
