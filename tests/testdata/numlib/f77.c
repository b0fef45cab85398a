/* The Fortran-style names C codes call (dgemm_, dgesv_ ...), column-major
 * with every argument by pointer, against the native BLAS and LAPACK. */
#include <stdio.h>

void dgemm_(const char *, const char *, const int *, const int *, const int *, const double *, const double *,
            const int *, const double *, const int *, const double *, double *, const int *);
void sgemv_(const char *, const int *, const int *, const float *, const float *, const int *, const float *,
            const int *, const float *, float *, const int *);
void zgemm_(const char *, const char *, const int *, const int *, const int *, const double *, const double *,
            const int *, const double *, const int *, const double *, double *, const int *);
double ddot_(const int *, const double *, const int *, const double *, const int *);
void daxpy_(const int *, const double *, const double *, const int *, double *, const int *);
int idamax_(const int *, const double *, const int *);
void dtrsm_(const char *, const char *, const char *, const char *, const int *, const int *, const double *,
            const double *, const int *, double *, const int *);
void dgesv_(const int *, const int *, double *, const int *, int *, double *, const int *, int *);
void dpotrf_(const char *, const int *, double *, const int *, int *);
void zgesv_(const int *, const int *, double *, const int *, int *, double *, const int *, int *);

int main(void) {
    int n = 3, one = 1, info, ipiv[3], bad = -1;
    double a[9] = {4, 1, 0, 1, 3, 1, 0, 1, 2}, b[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, c[9] = {0};
    double alpha = 1, beta = 0, x[3] = {1, -2, 3};
    dgemm_("N", "T", &n, &n, &n, &alpha, a, &n, b, &n, &beta, c, &n);
    printf("dgemm_ %g %g %g\n", c[0], c[4], c[8]);
    printf("ddot_ %g idamax_ %d\n", ddot_(&n, a, &one, x, &one), idamax_(&n, x, &one));
    daxpy_(&n, &alpha, x, &one, c, &one);
    dtrsm_("L", "U", "N", "N", &n, &n, &alpha, a, &n, c, &n);
    printf("daxpy_/dtrsm_ %.6f %.6f\n", c[0], c[8]);
    float fa[4] = {1, 2, 3, 4}, fx[2] = {1, 1}, fy[2] = {0, 0}, fal = 2, fbe = 0;
    int two = 2;
    sgemv_("T", &two, &two, &fal, fa, &two, fx, &one, &fbe, fy, &one);
    printf("sgemv_ %g %g\n", fy[0], fy[1]);
    double za[8] = {1, 1, 2, 0, 0, 1, 1, -1}, zb[8] = {1, 0, 0, 1, 2, 2, 1, 0}, zc[8], zal[2] = {1, 0}, zbe[2] = {0, 0};
    zgemm_("C", "N", &two, &two, &two, zal, za, &two, zb, &two, zbe, zc, &two);
    printf("zgemm_ %g%+gi %g%+gi\n", zc[0], zc[1], zc[6], zc[7]);
    double m[9] = {4, 1, 0, 1, 3, 1, 0, 1, 2}, r[3] = {1, 2, 3};
    dgesv_(&n, &one, m, &n, ipiv, r, &n, &info);
    printf("dgesv_ info=%d %.6f %.6f %.6f ipiv=%d\n", info, r[0], r[1], r[2], ipiv[0]);
    double s[9] = {4, 1, 0, 1, 3, 1, 0, 1, 2};
    dpotrf_("L", &n, s, &n, &info);
    printf("dpotrf_ info=%d %.6f\n", info, s[8]);
    double zm[8] = {2, 0, 1, 1, 0, -1, 3, 0}, zr[4] = {1, 0, 0, 1};
    zgesv_(&two, &one, zm, &two, ipiv, zr, &two, &info);
    printf("zgesv_ info=%d %.6f%+.6fi\n", info, zr[0], zr[1]);
    double e[9];
    dgesv_(&bad, &one, e, &n, ipiv, r, &n, &info);
    printf("dgesv_ n=-1 info=%d\n", info);
    return 0;
}
