/* A BLAS with one CBLAS function, which prints through the C library's
 * stdout as some libraries' error handlers do: `--blas` can name it, its
 * output comes out, and a call of a function it lacks ends the run with one
 * line. Built with cc -shared -fPIC. */
#include <stdio.h>

double cblas_ddot(int n, const double *x, int incx, const double *y, int incy) {
    double s = 0;
    for (int i = 0; i < n; i++) s += x[i * incx] * y[i * incy];
    printf("fake cblas_ddot n=%d", n); /* no newline: flushed at the end */
    return s + 40;
}
