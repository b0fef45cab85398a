/*
 * blocks.c - a 2D block decomposition gathered through subarray types,
 * built with autotools (samples/buildsys/autotools).
 *
 * MPI_Dims_create and MPI_Cart_create arrange the ranks in a 2D grid; each
 * owns a block of the global NY x NX matrix (blocks need not be even),
 * fills it from its global coordinates and smooths it a few times with
 * integer arithmetic, exchanging nothing (each block is its own domain).
 * Rank 0 then receives every block straight into the global matrix, which
 * it allocates with MPI_Alloc_mem, through one MPI_Type_create_subarray
 * type per block, and prints checksums. The result is the same for every
 * build and rank count.
 *
 * configure's AC_CHECK_FUNCS decides what the program may use: without
 * MPI_Type_create_subarray it gathers row by row instead; it prints
 * whether the MPI library offers MPI_Comm_spawn (Open MPI and MPICH do;
 * wasmrun does not, so configure leaves HAVE_MPI_COMM_SPAWN undefined).
 *
 * Usage: mpirun -np P blocks
 */
#include "config.h"

#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define NX 30
#define NY 20

static void split(int n, int parts, int index, int *first, int *count) {
    int base = n / parts, extra = n % parts;
    *count = base + (index < extra);
    *first = index * base + (index < extra ? index : extra);
}

int main(int argc, char **argv) {
    int size, rank, dims[2] = {0, 0}, periods[2] = {0, 0}, coords[2];
    MPI_Comm cart;
    MPI_Init(&argc, &argv);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Dims_create(size, 2, dims);
    MPI_Cart_create(MPI_COMM_WORLD, 2, dims, periods, 0, &cart);
    MPI_Comm_rank(cart, &rank);
    MPI_Cart_coords(cart, rank, 2, coords);

    int y0, ny, x0, nx;
    split(NY, dims[0], coords[0], &y0, &ny);
    split(NX, dims[1], coords[1], &x0, &nx);
    int *b = malloc((size_t)(ny * nx + 1) * sizeof *b), *t = malloc((size_t)(ny * nx + 1) * sizeof *t);
    for (int i = 0; i < ny; i++)
        for (int j = 0; j < nx; j++) b[i * nx + j] = ((y0 + i) * 131 + (x0 + j) * 71) % 1000;
    for (int pass = 0; pass < 5; pass++) {
        for (int i = 0; i < ny; i++)
            for (int j = 0; j < nx; j++) {
                int c = b[i * nx + j], s = 2 * c, w = 2;
                if (i > 0) s += b[(i - 1) * nx + j], w++;
                if (i < ny - 1) s += b[(i + 1) * nx + j], w++;
                if (j > 0) s += b[i * nx + j - 1], w++;
                if (j < nx - 1) s += b[i * nx + j + 1], w++;
                t[i * nx + j] = s / w;
            }
        int *x = b;
        b = t;
        t = x;
    }

    MPI_Request send;
    MPI_Isend(b, ny * nx, MPI_INT, 0, 0, cart, &send);
    if (rank == 0) {
        int *m;
        MPI_Alloc_mem((MPI_Aint)NY * NX * sizeof *m, MPI_INFO_NULL, &m);
        for (int r = 0; r < size; r++) {
            int c[2], ry0, rny, rx0, rnx;
            MPI_Cart_coords(cart, r, 2, c);
            split(NY, dims[0], c[0], &ry0, &rny);
            split(NX, dims[1], c[1], &rx0, &rnx);
#ifdef HAVE_MPI_TYPE_CREATE_SUBARRAY
            int sizes[2] = {NY, NX}, sub[2] = {rny, rnx}, start[2] = {ry0, rx0};
            MPI_Datatype block;
            MPI_Type_create_subarray(2, sizes, sub, start, MPI_ORDER_C, MPI_INT, &block);
            MPI_Type_commit(&block);
            MPI_Recv(m, 1, block, r, 0, cart, MPI_STATUS_IGNORE);
            MPI_Type_free(&block);
#else
            int *rows = malloc((size_t)rny * rnx * sizeof *rows);
            MPI_Recv(rows, rny * rnx, MPI_INT, r, 0, cart, MPI_STATUS_IGNORE);
            for (int i = 0; i < rny; i++)
                for (int j = 0; j < rnx; j++) m[(ry0 + i) * NX + rx0 + j] = rows[i * rnx + j];
            free(rows);
#endif
        }
        long long sum = 0, weighted = 0;
        double norm = 0;
        for (int i = 0; i < NY * NX; i++) {
            sum += m[i];
            weighted += (long long)(i % 89 + 1) * m[i];
            norm += (double)m[i] * m[i];
        }
        printf("blocks: %dx%d matrix on a %dx%d process grid\n", NY, NX, dims[0], dims[1]);
        printf("sum %lld weighted %lld norm %.0f\n", sum, weighted, sqrt(norm));
        printf("corner %d %d %d %d\n", m[0], m[NX - 1], m[(NY - 1) * NX], m[NY * NX - 1]);
#ifdef HAVE_MPI_TYPE_CREATE_SUBARRAY
        printf("gathered with MPI_Type_create_subarray\n");
#else
        printf("gathered row by row\n");
#endif
#ifdef HAVE_MPI_COMM_SPAWN
        printf("MPI_Comm_spawn: available\n");
#else
        printf("MPI_Comm_spawn: not available\n");
#endif
        MPI_Free_mem(m);
    }
    MPI_Wait(&send, MPI_STATUS_IGNORE);
    free(b);
    free(t);
    MPI_Comm_free(&cart);
    MPI_Finalize();
    return 0;
}
