/*
 * io_checkpoint.c - a 2D heat solver that checkpoints its final field with
 * collective MPI-IO and verifies the file with plain stdio.
 *
 * Problem (heat2d's, with all N x N points interior): the row above the
 * grid is held at T_TOP, the other three sides at 0, the interior starts
 * at 0, a constant source warms a central square, and each step applies the
 * explicit 5-point update with ALPHA = 0.2.
 *
 * Parallelisation: MPI_Dims_create + MPI_Cart_create give a 2D process grid
 * (the first N % p rows/columns of blocks are one larger). Each rank keeps
 * its block with a one-cell ghost frame, exchanged every step with
 * MPI_Sendrecv: rows as MPI_Type_contiguous, columns as MPI_Type_vector
 * (MPI_PROC_NULL at the outer sides).
 *
 * Checkpoint: the file DIR/io_checkpoint.dat holds a 16-byte header
 * ("HEAT2DCK", then N and the step count as 4-byte ints, written by rank 0
 * with MPI_File_write_at) followed by the N x N doubles in row-major order.
 * Every rank sets a file view at displacement 16 with a subarray filetype
 * (its block of the global array) and writes its block, taken from the
 * ghost-framed array by a subarray memory type, with one
 * MPI_File_write_all. After MPI_File_close, rank 0 reads the file back with
 * fopen/fread and prints the total and a weighted checksum computed from
 * the file in global order, so stdout is the same for any number of ranks.
 *
 * Self-check: the file has the expected size and header; an
 * order-independent 64-bit hash of the field's bit patterns, summed over the
 * ranks from memory with MPI_Reduce, equals the hash of the file's data;
 * and the discrete energy balance of heat2d holds to 1e-10 (relative).
 *
 * Usage: mpirun -np P io_checkpoint [DIR] [N] [steps] [keep]
 *        defaults: DIR = ".", N = 96, steps = 200; the file is deleted
 *        after the check unless the fourth argument is "keep".
 * Exit status: 0 self-check passed, 1 failed, 2 bad arguments, 3 no memory
 * or I/O failure. Timing and the process grid go to stderr.
 * MPI functions: Init, Comm_rank, Comm_size, Bcast, Dims_create,
 * Cart_create, Cart_coords, Cart_shift, Type_contiguous, Type_vector,
 * Type_create_subarray, Type_commit, Type_free, Sendrecv, Allreduce, Reduce,
 * Barrier, Wtime, File_delete, File_open, File_write_at, File_set_view,
 * File_write_all, File_close, Error_string, Comm_free, Finalize.
 */
#include <mpi.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALPHA 0.2
#define T_TOP 1.0
#define SOURCE 1.0e-3
#define HEADER 16 /* bytes before the field */

typedef struct {
    int n, rank, size;
    int dims[2], coords[2];
    int off[2], len[2];      /* my block: first global row/column, sizes */
    int up, down, left, right;
    int src_lo, src_hi;      /* the source square [lo, hi) in both dims */
    MPI_Comm cart;
    MPI_Datatype row, col;
} domain_t;

static void block_range(int n, int p, int c, int *off, int *len)
{
    int base = n / p, rem = n % p;
    *len = base + (c < rem ? 1 : 0);
    *off = c * base + (c < rem ? c : rem);
}

/* local index with the ghost frame: i in [0, len0+1], j in [0, len1+1] */
static size_t at(const domain_t *d, int i, int j)
{
    return (size_t)i * (size_t)(d->len[1] + 2) + (size_t)j;
}

static double weight(int i, int j) { return (double)(1 + (i * 131 + j * 71) % 101); }

/* order-independent hash of one value at global position g */
static uint64_t mix(double x, uint64_t g)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    b ^= g * UINT64_C(0x9e3779b97f4a7c15);
    b ^= b >> 31;
    b *= UINT64_C(0xbf58476d1ce4e5b9);
    b ^= b >> 29;
    return b;
}

static void exchange(double *u, const domain_t *d)
{
    int nx = d->len[0], ny = d->len[1];
    /* rows: first owned row up, last owned row down */
    MPI_Sendrecv(&u[at(d, 1, 1)], 1, d->row, d->up, 0, &u[at(d, nx + 1, 1)], 1, d->row, d->down, 0,
                 d->cart, MPI_STATUS_IGNORE);
    MPI_Sendrecv(&u[at(d, nx, 1)], 1, d->row, d->down, 1, &u[at(d, 0, 1)], 1, d->row, d->up, 1,
                 d->cart, MPI_STATUS_IGNORE);
    /* columns */
    MPI_Sendrecv(&u[at(d, 1, 1)], 1, d->col, d->left, 2, &u[at(d, 1, ny + 1)], 1, d->col, d->right,
                 2, d->cart, MPI_STATUS_IGNORE);
    MPI_Sendrecv(&u[at(d, 1, ny)], 1, d->col, d->right, 3, &u[at(d, 1, 0)], 1, d->col, d->left, 3,
                 d->cart, MPI_STATUS_IGNORE);
}

static double step(const double *u, double *v, const domain_t *d)
{
    double maxdiff = 0.0;
    size_t w = (size_t)(d->len[1] + 2);
    for (int i = 1; i <= d->len[0]; i++) {
        int gi = d->off[0] + i - 1, srow = gi >= d->src_lo && gi < d->src_hi;
        for (int j = 1; j <= d->len[1]; j++) {
            int gj = d->off[1] + j - 1;
            size_t p = at(d, i, j);
            double c = u[p];
            double lap = u[p - w] + u[p + w] + u[p - 1] + u[p + 1] - 4.0 * c;
            double nv = c + ALPHA * lap;
            if (srow && gj >= d->src_lo && gj < d->src_hi)
                nv += SOURCE;
            v[p] = nv;
            if (fabs(nv - c) > maxdiff)
                maxdiff = fabs(nv - c);
        }
    }
    return maxdiff;
}

static double boundary_flux(const double *u, const domain_t *d)
{
    double f = 0.0;
    for (int i = 1; i <= d->len[0]; i++)
        for (int j = 1; j <= d->len[1]; j++) {
            int gi = d->off[0] + i - 1, gj = d->off[1] + j - 1;
            double c = u[at(d, i, j)];
            if (gi == 0) f += u[at(d, i - 1, j)] - c;
            if (gi == d->n - 1) f += u[at(d, i + 1, j)] - c;
            if (gj == 0) f += u[at(d, i, j - 1)] - c;
            if (gj == d->n - 1) f += u[at(d, i, j + 1)] - c;
        }
    return f;
}

static double local_sum(const double *u, const domain_t *d)
{
    double s = 0.0;
    for (int i = 1; i <= d->len[0]; i++)
        for (int j = 1; j <= d->len[1]; j++)
            s += u[at(d, i, j)];
    return s;
}

static uint64_t local_hash(const double *u, const domain_t *d)
{
    uint64_t h = 0;
    for (int i = 1; i <= d->len[0]; i++)
        for (int j = 1; j <= d->len[1]; j++) {
            uint64_t g = (uint64_t)(d->off[0] + i - 1) * (uint64_t)d->n + (uint64_t)(d->off[1] + j - 1);
            h += mix(u[at(d, i, j)], g);
        }
    return h;
}

static void put_i32(unsigned char *p, int32_t v) { memcpy(p, &v, sizeof v); }
static int32_t get_i32(const unsigned char *p)
{
    int32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* collective checkpoint of the interior; returns MPI_SUCCESS or an error */
static int write_checkpoint(const char *path, const double *u, const domain_t *d, int steps)
{
    MPI_File fh;
    MPI_Datatype filetype, memtype;
    int gsizes[2] = {d->n, d->n};
    int lsizes[2] = {d->len[0] + 2, d->len[1] + 2}, ones[2] = {1, 1};
    int rc;

    /* start from an empty file: remove an old one (a missing file is fine) */
    if (d->rank == 0)
        MPI_File_delete(path, MPI_INFO_NULL);
    MPI_Barrier(d->cart);
    rc = MPI_File_open(d->cart, path, MPI_MODE_CREATE | MPI_MODE_WRONLY, MPI_INFO_NULL, &fh);
    if (rc != MPI_SUCCESS)
        return rc;
    if (d->rank == 0) {
        unsigned char hdr[HEADER];
        memcpy(hdr, "HEAT2DCK", 8);
        put_i32(hdr + 8, d->n);
        put_i32(hdr + 12, steps);
        rc = MPI_File_write_at(fh, 0, hdr, HEADER, MPI_BYTE, MPI_STATUS_IGNORE);
    }
    MPI_Type_create_subarray(2, gsizes, d->len, d->off, MPI_ORDER_C, MPI_DOUBLE, &filetype);
    MPI_Type_create_subarray(2, lsizes, d->len, ones, MPI_ORDER_C, MPI_DOUBLE, &memtype);
    MPI_Type_commit(&filetype);
    MPI_Type_commit(&memtype);
    int rc2 = MPI_File_set_view(fh, HEADER, MPI_DOUBLE, filetype, "native", MPI_INFO_NULL);
    if (rc2 == MPI_SUCCESS)
        rc2 = MPI_File_write_all(fh, u, 1, memtype, MPI_STATUS_IGNORE);
    int rc3 = MPI_File_close(&fh);
    MPI_Type_free(&filetype);
    MPI_Type_free(&memtype);
    if (rc == MPI_SUCCESS)
        rc = rc2;
    if (rc == MPI_SUCCESS)
        rc = rc3;
    return rc;
}

static long parse_arg(const char *s, long lo, long hi)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < lo || v > hi)
        return -1;
    return v;
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int wrank, wsize;
    MPI_Comm_rank(MPI_COMM_WORLD, &wrank);
    MPI_Comm_size(MPI_COMM_WORLD, &wsize);

    /* {N, steps, keep, error}, parsed on rank 0 */
    int params[4] = {96, 200, 0, 0};
    const char *dir = argc > 1 ? argv[1] : ".";
    if (wrank == 0) {
        if (argc > 5)
            params[3] = 1;
        if (argc > 2 && (params[0] = (int)parse_arg(argv[2], 1, 16384)) < 0)
            params[3] = 1;
        if (argc > 3 && (params[1] = (int)parse_arg(argv[3], 0, 100000000)) < 0)
            params[3] = 1;
        if (argc > 4) {
            if (strcmp(argv[4], "keep") == 0)
                params[2] = 1;
            else
                params[3] = 1;
        }
        if (params[3])
            fprintf(stderr, "usage: %s [DIR] [N >= 1] [steps >= 0] [keep]\n", argv[0]);
    }
    MPI_Bcast(params, 4, MPI_INT, 0, MPI_COMM_WORLD);
    char path[4096];
    if (!params[3] && snprintf(path, sizeof path, "%s/io_checkpoint.dat", dir) >= (int)sizeof path) {
        if (wrank == 0)
            fprintf(stderr, "io_checkpoint: directory name too long\n");
        params[3] = 1;
    }
    if (params[3]) {
        MPI_Finalize();
        return 2;
    }

    domain_t d;
    memset(&d, 0, sizeof d);
    d.n = params[0];
    int steps = params[1], keep = params[2], n = d.n;
    int periods[2] = {0, 0};
    MPI_Dims_create(wsize, 2, d.dims);
    if (d.dims[0] > n) {
        if (wrank == 0)
            fprintf(stderr, "io_checkpoint: N = %d is smaller than the process grid %d x %d\n", n,
                    d.dims[0], d.dims[1]);
        MPI_Finalize();
        return 2;
    }
    MPI_Cart_create(MPI_COMM_WORLD, 2, d.dims, periods, 1, &d.cart);
    MPI_Comm_rank(d.cart, &d.rank);
    MPI_Comm_size(d.cart, &d.size);
    MPI_Cart_coords(d.cart, d.rank, 2, d.coords);
    for (int k = 0; k < 2; k++)
        block_range(n, d.dims[k], d.coords[k], &d.off[k], &d.len[k]);
    MPI_Cart_shift(d.cart, 0, 1, &d.up, &d.down);
    MPI_Cart_shift(d.cart, 1, 1, &d.left, &d.right);
    int h = n / 16 < 1 ? 1 : n / 16;
    d.src_lo = n / 2 - h < 0 ? 0 : n / 2 - h;
    d.src_hi = n / 2 + h > n ? n : n / 2 + h;
    int nsrc = (d.src_hi - d.src_lo) * (d.src_hi - d.src_lo);
    MPI_Type_contiguous(d.len[1], MPI_DOUBLE, &d.row);
    MPI_Type_vector(d.len[0], 1, d.len[1] + 2, MPI_DOUBLE, &d.col);
    MPI_Type_commit(&d.row);
    MPI_Type_commit(&d.col);

    size_t local = (size_t)(d.len[0] + 2) * (size_t)(d.len[1] + 2);
    double *u = calloc(local, sizeof *u), *v = calloc(local, sizeof *v);
    int oom = !u || !v, any = 0;
    MPI_Allreduce(&oom, &any, 1, MPI_INT, MPI_MAX, d.cart);
    if (any) {
        if (d.rank == 0)
            fprintf(stderr, "io_checkpoint: out of memory\n");
        free(u);
        free(v);
        MPI_Finalize();
        return 3;
    }
    /* the hot row above the grid lives in the top ranks' ghost row */
    if (d.off[0] == 0)
        for (int j = 1; j <= d.len[1]; j++)
            u[at(&d, 0, j)] = v[at(&d, 0, j)] = T_TOP;

    if (d.rank == 0)
        printf("io_checkpoint: grid %d x %d, %d steps, alpha %.3f, source %d cells\n", n, n, steps,
               ALPHA, nsrc);
    double init_local = local_sum(u, &d), initial = 0.0;
    MPI_Allreduce(&init_local, &initial, 1, MPI_DOUBLE, MPI_SUM, d.cart);

    MPI_Barrier(d.cart);
    double t0 = MPI_Wtime(), flux = 0.0, injected = 0.0, maxdiff = 0.0;
    for (int s = 1; s <= steps; s++) {
        exchange(u, &d);
        flux += boundary_flux(u, &d);
        injected += SOURCE * nsrc;
        maxdiff = step(u, v, &d);
        double *t = u;
        u = v;
        v = t;
    }
    double gmax = 0.0;
    MPI_Allreduce(&maxdiff, &gmax, 1, MPI_DOUBLE, MPI_MAX, d.cart);
    double t1 = MPI_Wtime();

    int rc = write_checkpoint(path, u, &d, steps), io_ok = rc == MPI_SUCCESS, all_io = 0;
    if (!io_ok) {
        char msg[MPI_MAX_ERROR_STRING];
        int len = 0;
        MPI_Error_string(rc, msg, &len);
        fprintf(stderr, "io_checkpoint: rank %d: writing %s failed: %s\n", d.rank, path, msg);
    }
    MPI_Allreduce(&io_ok, &all_io, 1, MPI_INT, MPI_MIN, d.cart);
    double t2 = MPI_Wtime();

    uint64_t hash_local = local_hash(u, &d), hash = 0;
    MPI_Reduce(&hash_local, &hash, 1, MPI_UINT64_T, MPI_SUM, 0, d.cart);
    double flux_total = 0.0;
    MPI_Reduce(&flux, &flux_total, 1, MPI_DOUBLE, MPI_SUM, 0, d.cart);

    /* rank 0 reads the checkpoint back with stdio */
    int ok = all_io, status = all_io ? 0 : 3;
    if (d.rank == 0 && all_io) {
        FILE *f = fopen(path, "rb");
        unsigned char hdr[HEADER];
        size_t count = (size_t)n * (size_t)n;
        double *field = malloc(count * sizeof *field);
        int file_ok = f != NULL && field != NULL;
        long fsize = -1;
        if (file_ok && fseek(f, 0, SEEK_END) == 0) {
            fsize = ftell(f);
            rewind(f);
        }
        file_ok = file_ok && fsize == (long)(HEADER + count * sizeof(double));
        file_ok = file_ok && fread(hdr, 1, HEADER, f) == HEADER &&
                  memcmp(hdr, "HEAT2DCK", 8) == 0 && get_i32(hdr + 8) == n &&
                  get_i32(hdr + 12) == steps;
        file_ok = file_ok && fread(field, sizeof(double), count, f) == count;
        if (f)
            fclose(f);
        double total = 0.0, checksum = 0.0, umax = -INFINITY, umin = INFINITY;
        uint64_t fhash = 0;
        int finite = 1;
        if (file_ok)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) {
                    size_t g = (size_t)i * (size_t)n + (size_t)j;
                    double x = field[g];
                    if (!isfinite(x)) finite = 0;
                    if (x < umin) umin = x;
                    if (x > umax) umax = x;
                    total += x;
                    checksum += weight(i, j) * x;
                    fhash += mix(x, (uint64_t)g);
                }
        double expected = initial + injected + ALPHA * flux_total;
        double scale = fabs(initial) + injected + ALPHA * fabs(flux_total) + 1.0;
        double relerr = fabs(total - expected) / scale;
        int hash_ok = file_ok && fhash == hash;
        ok = file_ok && hash_ok && finite && umin >= 0.0 && relerr < 1e-10;
        if (file_ok) {
            printf("file            = io_checkpoint.dat, %ld bytes\n", fsize);
            printf("total heat      = %.10e\n", total);
            printf("heat injected   = %.10e\n", injected);
            printf("center value    = %.10e\n", field[(size_t)(n / 2) * n + n / 2]);
            printf("max value       = %.10e\n", umax);
            printf("last max change = %.10e\n", gmax);
            printf("checksum        = %.10e\n", checksum);
        }
        printf("self-check (file size and header, file hash = memory hash, energy balance): %s\n",
               ok ? "PASS" : "FAIL");
        fflush(stdout);
        if (!file_ok)
            fprintf(stderr, "io_checkpoint: %s: missing, short or bad header (size %ld)\n", path,
                    fsize);
        fprintf(stderr, "io_checkpoint: %d ranks as %d x %d, solve %.3f s, checkpoint %.3f s, "
                "energy balance rel. error %.3e, hash %s\n", d.size, d.dims[0], d.dims[1], t1 - t0,
                t2 - t1, relerr, hash_ok ? "matches" : "DIFFERS");
        free(field);
        status = ok ? 0 : 1;
    }
    if (d.rank == 0 && !all_io) {
        printf("self-check (file size and header, file hash = memory hash, energy balance): "
               "FAIL (no checkpoint)\n");
        fflush(stdout);
    }
    MPI_Bcast(&status, 1, MPI_INT, 0, d.cart);
    if (all_io && !keep && d.rank == 0)
        MPI_File_delete(path, MPI_INFO_NULL);

    MPI_Type_free(&d.row);
    MPI_Type_free(&d.col);
    MPI_Comm_free(&d.cart);
    free(u);
    free(v);
    MPI_Finalize();
    return status;
}
