/*
 * heat2d.c - serial 2D heat diffusion (explicit Jacobi-style time stepping).
 *
 * Grid: N x N points. The outer ring is a fixed (Dirichlet) boundary: the top
 * row (i = 0) is held at T_TOP, the other three edges at 0. The (N-2)x(N-2)
 * interior starts at 0 and is advanced with the explicit 5-point scheme
 *
 *   u'[i][j] = u[i][j] + ALPHA * (u[i-1][j] + u[i+1][j] + u[i][j-1]
 *                                 + u[i][j+1] - 4 u[i][j]) + s[i][j]
 *
 * where s is a constant heat source (SOURCE per step) on a square in the
 * middle of the grid. ALPHA = 0.2 <= 0.25 keeps the scheme stable.
 *
 * Self-check (discrete energy balance): the sum of the 5-point Laplacian over
 * the interior telescopes to the flux through the boundary, so
 *   total(final) = total(initial) + injected + ALPHA * sum(boundary flux)
 * must hold to rounding error. The program also checks that every value is
 * finite and non-negative (discrete maximum principle).
 *
 * Usage: heat2d [N] [steps]      (defaults: N = 256, steps = 500)
 * Output (stdout) is deterministic; the run time goes to stderr. Apart from
 * the program name on the first line it is identical to heat2d_mpi's.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ALPHA 0.2
#define T_TOP 1.0
#define SOURCE 1.0e-3
#define K_REPORT 100 /* print the max change every K_REPORT steps */

static long parse_arg(const char *s, long lo, long hi, const char *name)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < lo || v > hi) {
        fprintf(stderr, "heat2d: invalid %s '%s' (expected %ld..%ld)\n", name, s, lo, hi);
        exit(2);
    }
    return v;
}

/* The heat source: interior points with lo <= i < hi and lo <= j < hi. */
typedef struct { int lo, hi; } source_t;

static source_t make_source(int n)
{
    int c = n / 2, h = n / 16 < 1 ? 1 : n / 16;
    source_t s = { c - h, c + h };
    if (s.lo < 1) s.lo = 1;
    if (s.hi > n - 1) s.hi = n - 1;
    return s;
}

/* Wall-clock seconds (C11 timespec_get; WASI has no process CPU clock). */
static double wall_seconds(void)
{
    struct timespec ts;
    if (timespec_get(&ts, TIME_UTC) != TIME_UTC)
        return 0.0;
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Checksum weight of interior point (i, j): a fixed pattern in 1..101. */
static double weight(int i, int j) { return (double)(1 + (i * 131 + j * 71) % 101); }

static void set_boundary(double *u, int n)
{
    for (int j = 0; j < n; ++j) {
        u[j] = T_TOP;                   /* top row    */
        u[(size_t)(n - 1) * n + j] = 0; /* bottom row */
    }
    for (int i = 1; i < n - 1; ++i) {
        u[(size_t)i * n] = 0;           /* left column  */
        u[(size_t)i * n + n - 1] = 0;   /* right column */
    }
}

/* Sum over the interior in row-major order. */
static double interior_sum(const double *u, int n)
{
    double s = 0.0;
    for (int i = 1; i < n - 1; ++i)
        for (int j = 1; j < n - 1; ++j)
            s += u[(size_t)i * n + j];
    return s;
}

/* Flux into the interior through the boundary, sum of (u_boundary - u_adjacent). */
static double boundary_flux(const double *u, int n)
{
    double f = 0.0;
    for (int i = 1; i < n - 1; ++i) {
        const double *r = u + (size_t)i * n;
        for (int j = 1; j < n - 1; ++j) {
            if (i == 1)     f += u[j] - r[j];
            if (i == n - 2) f += u[(size_t)(n - 1) * n + j] - r[j];
            if (j == 1)     f += r[0] - r[1];
            if (j == n - 2) f += r[n - 1] - r[n - 2];
        }
    }
    return f;
}

/* One explicit step u -> v; returns max |v - u| over the interior. */
static double step(const double *u, double *v, int n, source_t src)
{
    double maxdiff = 0.0;
    for (int i = 1; i < n - 1; ++i) {
        int srow = i >= src.lo && i < src.hi;
        const double *up = u + (size_t)(i - 1) * n;
        const double *c = u + (size_t)i * n;
        const double *dn = u + (size_t)(i + 1) * n;
        double *o = v + (size_t)i * n;
        for (int j = 1; j < n - 1; ++j) {
            double lap = up[j] + dn[j] + c[j - 1] + c[j + 1] - 4.0 * c[j];
            double nv = c[j] + ALPHA * lap;
            if (srow && j >= src.lo && j < src.hi)
                nv += SOURCE;
            o[j] = nv;
            double d = fabs(nv - c[j]);
            if (d > maxdiff)
                maxdiff = d;
        }
    }
    return maxdiff;
}

int main(int argc, char **argv)
{
    int n = 256, steps = 500;
    if (argc > 3) {
        fprintf(stderr, "usage: %s [N] [steps]\n", argv[0]);
        return 2;
    }
    if (argc > 1) n = (int)parse_arg(argv[1], 3, 8192, "N");
    if (argc > 2) steps = (int)parse_arg(argv[2], 0, 100000000, "steps");

    double t0 = wall_seconds();

    size_t cells = (size_t)n * n;
    double *u = calloc(cells, sizeof *u);
    double *v = calloc(cells, sizeof *v);
    if (!u || !v) {
        fprintf(stderr, "heat2d: out of memory\n");
        return 3;
    }
    set_boundary(u, n);
    set_boundary(v, n);

    source_t src = make_source(n);
    int nsrc = (src.hi - src.lo) * (src.hi - src.lo);

    printf("heat2d: grid %d x %d, %d steps, alpha %.3f, source %d cells\n", n, n, steps, ALPHA, nsrc);

    double initial = interior_sum(u, n);
    double flux = 0.0, injected = 0.0, maxdiff = 0.0;
    for (int s = 1; s <= steps; ++s) {
        flux += boundary_flux(u, n);
        injected += SOURCE * nsrc;
        maxdiff = step(u, v, n, src);
        double *t = u; u = v; v = t;
        if (s % K_REPORT == 0 || s == steps)
            printf("step %6d: max change %.8e\n", s, maxdiff);
    }

    double total = interior_sum(u, n);
    double checksum = 0.0, umin = INFINITY, umax = -INFINITY;
    int bad = 0;
    for (int i = 1; i < n - 1; ++i)
        for (int j = 1; j < n - 1; ++j) {
            double x = u[(size_t)i * n + j];
            if (!isfinite(x)) bad = 1;
            if (x < umin) umin = x;
            if (x > umax) umax = x;
            checksum += weight(i, j) * x;
        }
    double center = u[(size_t)(n / 2) * n + n / 2];

    double expected = initial + injected + ALPHA * flux;
    double scale = fabs(initial) + injected + ALPHA * fabs(flux) + 1.0;
    double relerr = fabs(total - expected) / scale;
    int ok = !bad && umin >= 0.0 && relerr < 1e-10;

    printf("total heat      = %.10e\n", total);
    printf("heat injected   = %.10e\n", injected);
    printf("center value    = %.10e\n", center);
    printf("max value       = %.10e\n", umax);
    printf("last max change = %.10e\n", maxdiff);
    printf("checksum        = %.10e\n", checksum);
    printf("self-check (energy balance, u >= 0): %s\n", ok ? "PASS" : "FAIL");

    fprintf(stderr, "heat2d: %.3f s wall, energy balance rel. error %.3e\n",
            wall_seconds() - t0, relerr);
    free(u);
    free(v);
    return ok ? 0 : 1;
}
