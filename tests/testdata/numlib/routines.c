/*
 * Calls every bridged CBLAS routine family in s, d, c and z, row- and
 * column-major, the LAPACKE routines, and FFTW plans of every kind in
 * double and single precision, and prints a checksum of each result: the
 * wasm build must print what the native build prints.
 */
#include <fftw3.h>
#include <cblas.h>
#include <lapacke.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define N 6
#define NN (N * N)

static void fill(double *v, int n, int salt) {
    for (int i = 0; i < n; i++) v[i] = ((i * 7 + salt * 3) % 11 - 5) / 8.0;
}

/* Diagonally dominant N x N (real: n = NN values; complex: 2*NN). */
static void dominant(double *v, int complex_, int salt) {
    int s = complex_ ? 2 : 1;
    fill(v, s * NN, salt);
    for (int i = 0; i < N; i++) v[s * (i * N + i)] += 4;
}

static double sum(const double *v, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += v[i] * (1 + (i % 5));
    return s;
}
static double sumf(const float *v, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += v[i] * (1 + (i % 5));
    return s;
}

static void tofloat(float *d, const double *s, int n) {
    for (int i = 0; i < n; i++) d[i] = (float)s[i];
}

#define SHOW(name, v) printf("%-10s %s %.5e\n", name, lay == CblasRowMajor ? "row" : "col", v)

/* Real precision P (s or d) with element type T and checksum SUM; the
 * double-precision data is converted for s. */
#define REAL_TESTS(P, T, SUM, CONV)                                                                        \
    static void real_##P(CBLAS_LAYOUT lay) {                                                               \
        double ad[NN], bd[NN], cd[NN], xd[N], yd[N], pd[NN];                                             \
        T a[NN], b[NN], c[NN], x[N], y[N], ap[NN], band[NN];                                             \
        dominant(ad, 0, 1), fill(bd, NN, 2), fill(cd, NN, 3), fill(xd, N, 4), fill(yd, N, 5);            \
        fill(pd, NN, 6);                                                                                   \
        CONV(a, ad, NN), CONV(b, bd, NN), CONV(c, cd, NN), CONV(x, xd, N), CONV(y, yd, N);               \
        CONV(ap, pd, N *(N + 1) / 2);                                                                      \
        for (int i = 0; i < N * (N + 1) / 2; i++) ap[i] += 4;                         \
        CONV(band, pd, NN);                                                                                \
        for (int i = 0; i < NN; i++) band[i] += 4;                                                         \
        if (lay == CblasRowMajor) {                                                                        \
            printf(#P "asum      %.5e\n", (double)cblas_##P##asum(N, x, 1));                                \
            printf(#P "nrm2      %.5e\n", (double)cblas_##P##nrm2(N, x, 2 - 1));                            \
            printf("i" #P "amax     %d\n", (int)cblas_i##P##amax(N, x, 1));                                  \
            printf(#P "dot       %.5e\n", (double)cblas_##P##dot(N / 2, x, 2, y, -2));                       \
            T x2[N], y2[N];                                                                                \
            memcpy(x2, x, sizeof x), memcpy(y2, y, sizeof y);                                              \
            cblas_##P##axpy(N, (T)0.5, x2, 1, y2, 1);                                                      \
            cblas_##P##scal(N, (T)1.5, x2, 1);                                                             \
            cblas_##P##swap(N / 2, x2, 2, y2, 1);                                                          \
            cblas_##P##rot(N, x2, 1, y2, 1, (T)0.6, (T)0.8);                                               \
            T param[5] = {-1, 0.5, 0.25, -0.25, 2};                                                        \
            cblas_##P##rotm(N, x2, 1, y2, 1, param);                                                       \
            T ra = 3, rb = 4, rc, rs;                                                                      \
            cblas_##P##rotg(&ra, &rb, &rc, &rs);                                                           \
            T d1 = 2, d2 = 3, b1 = 1, mp[5];                                                               \
            cblas_##P##rotmg(&d1, &d2, &b1, (T)2, mp);                                                     \
            cblas_##P##copy(N, x2, 1, y, 1);                                                               \
            printf(#P "level1    %.5e %.5e %.5e %.5e\n", SUM(x2, N) + SUM(y2, N), (double)(ra + rc + rs),   \
                   (double)(d1 + d2 + b1), SUM(y, N));                                                     \
        }                                                                                                  \
        int ld = N;                                                                                        \
        T y1[N];                                                                                           \
        memcpy(y1, y, sizeof y);                                                                           \
        cblas_##P##gemv(lay, CblasTrans, N, N - 1, 1.5, a, ld, x, 1, 0.5, y1, 1);                          \
        SHOW(#P "gemv", SUM(y1, N));                                                                       \
        cblas_##P##gbmv(lay, CblasNoTrans, N, N, 1, 2, 1.0, band, 4, x, 1, 0.5, y1, 1);                    \
        SHOW(#P "gbmv", SUM(y1, N));                                                                       \
        T x1[N];                                                                                           \
        memcpy(x1, x, sizeof x);                                                                           \
        cblas_##P##trmv(lay, CblasUpper, CblasNoTrans, CblasNonUnit, N, a, ld, x1, 1);                     \
        cblas_##P##trsv(lay, CblasLower, CblasTrans, CblasNonUnit, N, a, ld, x1, 1);                       \
        SHOW(#P "trmv/trsv", SUM(x1, N));                                                                  \
        cblas_##P##tbmv(lay, CblasUpper, CblasNoTrans, CblasNonUnit, N, 2, band, 3, x1, 1);                \
        cblas_##P##tbsv(lay, CblasLower, CblasNoTrans, CblasUnit, N, 1, band, 2, x1, 1);                   \
        SHOW(#P "tbmv/tbsv", SUM(x1, N));                                                                  \
        cblas_##P##tpmv(lay, CblasUpper, CblasTrans, CblasNonUnit, N, ap, x1, 1);                          \
        cblas_##P##tpsv(lay, CblasLower, CblasNoTrans, CblasNonUnit, N, ap, x1, 1);                        \
        SHOW(#P "tpmv/tpsv", SUM(x1, N));                                                                  \
        cblas_##P##symv(lay, CblasUpper, N, 1.0, a, ld, x, 1, 0.5, y1, 1);                                 \
        cblas_##P##sbmv(lay, CblasLower, N, 1, 1.0, band, 2, x, 1, 0.5, y1, 1);                            \
        cblas_##P##spmv(lay, CblasUpper, N, 1.0, ap, x, 1, 0.5, y1, 1);                                    \
        SHOW(#P "symv..", SUM(y1, N));                                                                     \
        T a1[NN], p1[NN];                                                                                  \
        memcpy(a1, a, sizeof a), memcpy(p1, ap, sizeof ap);                                                \
        cblas_##P##ger(lay, N, N, 0.5, x, 1, y, 1, a1, ld);                                                \
        cblas_##P##syr(lay, CblasUpper, N, 0.5, x, 1, a1, ld);                                             \
        cblas_##P##syr2(lay, CblasLower, N, 0.5, x, 1, y, 1, a1, ld);                                      \
        cblas_##P##spr(lay, CblasUpper, N, 0.5, x, 1, p1);                                                 \
        cblas_##P##spr2(lay, CblasLower, N, 0.5, x, 1, y, 1, p1);                                          \
        SHOW(#P "ger..", SUM(a1, NN) + SUM(p1, N * (N + 1) / 2));                                          \
        T c1[NN];                                                                                          \
        memcpy(c1, c, sizeof c);                                                                           \
        cblas_##P##gemm(lay, CblasNoTrans, CblasTrans, N - 1, N, N - 2, 1.0, a, ld, b, ld, 0.5, c1, ld);   \
        SHOW(#P "gemm", SUM(c1, NN));                                                                      \
        cblas_##P##symm(lay, CblasLeft, CblasUpper, N, N - 1, 1.0, a, ld, b, ld, 0.5, c1, ld);             \
        cblas_##P##syrk(lay, CblasUpper, CblasTrans, N, N - 1, 1.0, a, ld, 0.5, c1, ld);                   \
        cblas_##P##syr2k(lay, CblasLower, CblasNoTrans, N, N - 1, 1.0, a, ld, b, ld, 0.5, c1, ld);         \
        SHOW(#P "symm..", SUM(c1, NN));                                                                    \
        cblas_##P##trmm(lay, CblasRight, CblasUpper, CblasNoTrans, CblasNonUnit, N, N, 1.0, a, ld, c1, ld); \
        cblas_##P##trsm(lay, CblasLeft, CblasLower, CblasTrans, CblasNonUnit, N, N, 2.0, a, ld, c1, ld);    \
        SHOW(#P "trmm/trsm", SUM(c1, NN));                                                                 \
        /* LAPACKE */                                                                                      \
        int lapl = lay == CblasRowMajor ? LAPACK_ROW_MAJOR : LAPACK_COL_MAJOR, ipiv[N], info;              \
        T m[NN], r[NN], s[N], u[NN], vt[NN], w[N], wi[N], tau[N], sup[N];                                  \
        memcpy(m, a, sizeof a), memcpy(r, b, sizeof b);                                                    \
        info = LAPACKE_##P##gesv(lapl, N, 2, m, N, ipiv, r, lapl == LAPACK_ROW_MAJOR ? 2 : N);             \
        SHOW(#P "gesv", SUM(r, 2 * N) + info);                                                             \
        memcpy(m, a, sizeof a), memcpy(r, b, sizeof b);                                                    \
        info = LAPACKE_##P##getrf(lapl, N, N, m, N, ipiv);                                                 \
        info += LAPACKE_##P##getrs(lapl, 'T', N, N, m, N, ipiv, r, N);                                     \
        info += LAPACKE_##P##getri(lapl, N, m, N, ipiv);                                                   \
        SHOW(#P "getrf..", SUM(r, NN) + SUM(m, NN) + info);                                                \
        for (int i = 0; i < N; i++)                                                                        \
            for (int j = 0; j < N; j++) m[i * N + j] = a[i * N + j] + a[j * N + i];                        \
        memcpy(r, b, sizeof b);                                                                            \
        info = LAPACKE_##P##potrf(lapl, 'U', N, m, N);                                                     \
        info += LAPACKE_##P##potrs(lapl, 'U', N, N, m, N, r, N);                                           \
        SHOW(#P "potrf..", SUM(r, NN) + info);                                                             \
        for (int i = 0; i < N; i++)                                                                        \
            for (int j = 0; j < N; j++) m[i * N + j] = a[i * N + j] + a[j * N + i];                        \
        memcpy(r, b, sizeof b);                                                                            \
        info = LAPACKE_##P##posv(lapl, 'L', N, 1, m, N, r, lapl == LAPACK_ROW_MAJOR ? 1 : N);              \
        SHOW(#P "posv", SUM(r, N) + info);                                                                 \
        memcpy(m, a, sizeof a);                                                                            \
        info = LAPACKE_##P##geqrf(lapl, N, N - 1, m, N, tau);                                              \
        info += LAPACKE_##P##orgqr(lapl, N, N - 1, N - 1, m, N, tau);                                      \
        SHOW(#P "geqrf..", fabs(SUM(m, NN)) + info);                                                       \
        memcpy(m, a, sizeof a), memcpy(r, b, sizeof b);                                                    \
        info = LAPACKE_##P##gels(lapl, 'N', N, N - 2, 1, m, N, r, lapl == LAPACK_ROW_MAJOR ? 1 : N);       \
        SHOW(#P "gels", SUM(r, N - 2) + info);                                                             \
        memcpy(m, a, sizeof a);                                                                            \
        info = LAPACKE_##P##gesvd(lapl, 'N', 'N', N, N - 1, m, N, s, u, 1, vt, 1, sup);                    \
        SHOW(#P "gesvd", SUM(s, N - 1) + info);                                                            \
        memcpy(m, a, sizeof a);                                                                            \
        info = LAPACKE_##P##gesdd(lapl, 'N', N - 1, N, m, N, s, u, 1, vt, N);                              \
        SHOW(#P "gesdd", SUM(s, N - 1) + info);                                                            \
        for (int i = 0; i < N; i++)                                                                        \
            for (int j = 0; j < N; j++) m[i * N + j] = a[i * N + j] + a[j * N + i];                        \
        memcpy(u, m, sizeof m);                                                                            \
        info = LAPACKE_##P##syev(lapl, 'N', 'U', N, m, N, w);                                              \
        info += LAPACKE_##P##syevd(lapl, 'N', 'L', N, u, N, s);                                            \
        SHOW(#P "syev..", SUM(w, N) + SUM(s, N) + info);                                                   \
        memcpy(m, a, sizeof a);                                                                            \
        info = LAPACKE_##P##geev(lapl, 'N', 'N', N, m, N, w, wi, u, 1, vt, 1);                             \
        SHOW(#P "geev", SUM(w, N) + fabs(SUM(wi, N)) + info);                                              \
        memcpy(r, b, sizeof b);                                                                            \
        info = LAPACKE_##P##trtrs(lapl, 'U', 'N', 'N', N, N, a, N, r, N);                                  \
        SHOW(#P "trtrs", SUM(r, NN) + info);                                                               \
        SHOW(#P "lange", (double)LAPACKE_##P##lange(lapl, '1', N, N - 1, a, N));                           \
    }

#define COPY(d, s, n) memcpy(d, s, (n) * sizeof(double))
REAL_TESTS(d, double, sum, COPY)
REAL_TESTS(s, float, sumf, tofloat)

/* Complex precision P (c or z) over reals T. */
#define CPLX_TESTS(P, R, T, CT, SUM, CONV)                                                                 \
    static void cplx_##P(CBLAS_LAYOUT lay) {                                                               \
        double ad[2 * NN], bd[2 * NN], cd[2 * NN], xd[2 * N], yd[2 * N];                                  \
        T a[2 * NN], b[2 * NN], c[2 * NN], x[2 * N], y[2 * N], ap[2 * NN], band[2 * NN];                  \
        dominant(ad, 1, 1), fill(bd, 2 * NN, 2), fill(cd, 2 * NN, 3), fill(xd, 2 * N, 4), fill(yd, 2 * N, 5); \
        CONV(a, ad, 2 * NN), CONV(b, bd, 2 * NN), CONV(c, cd, 2 * NN), CONV(x, xd, 2 * N), CONV(y, yd, 2 * N); \
        CONV(ap, bd, 2 * NN), CONV(band, cd, 2 * NN);                                                     \
        for (int i = 0; i < 2 * NN; i += 2) ap[i] += 4, band[i] += 4;                                      \
        T al[2] = {1.0, 0.5}, be[2] = {0.5, -0.25};                                                        \
        if (lay == CblasRowMajor) {                                                                        \
            T x2[2 * N], y2[2 * N], d1[2], d2[2];                                                          \
            memcpy(x2, x, sizeof x), memcpy(y2, y, sizeof y);                                              \
            cblas_##P##axpy(N, al, x2, 1, y2, 1);                                                          \
            cblas_##P##scal(N, be, x2, 1);                                                                 \
            cblas_##R##scal(N, 1.5, x2, 1);                                                                \
            cblas_##P##swap(N / 2, x2, 2, y2, 1);                                                          \
            cblas_##R##rot(N, x2, 1, y2, 1, 0.6, 0.8);                                                     \
            cblas_##P##dotu_sub(N, x2, 1, y2, 1, d1);                                                      \
            cblas_##P##dotc_sub(N, x2, 1, y2, -1, d2);                                                     \
            cblas_##P##copy(N, x2, 1, y, 1);                                                               \
            T ra[2] = {3, 1}, rb[2] = {4, -1}, rs[2], rc;                                                  \
            cblas_##P##rotg(ra, rb, &rc, rs);                                                              \
            printf(#P "level1    %.5e %.5e %.5e %d %.5e\n", SUM(x2, 2 * N) + SUM(y, 2 * N),                 \
                   (double)(d1[0] + d1[1] + d2[0] + d2[1]), (double)(CT##asum(N, x, 1) + CT##nrm2(N, x, 1)), \
                   (int)cblas_i##P##amax(N, x, 1), (double)(ra[0] + ra[1] + rc + rs[0] + rs[1]));          \
        }                                                                                                  \
        T y1[2 * N], x1[2 * N], a1[2 * NN], p1[2 * NN], c1[2 * NN];                                        \
        memcpy(y1, y, sizeof y);                                                                           \
        cblas_##P##gemv(lay, CblasConjTrans, N, N - 1, al, a, N, x, 1, be, y1, 1);                         \
        cblas_##P##gbmv(lay, CblasNoTrans, N, N, 1, 2, al, band, 4, x, 1, be, y1, 1);                      \
        SHOW(#P "gemv/gbmv", SUM(y1, 2 * N));                                                              \
        memcpy(x1, x, sizeof x);                                                                           \
        cblas_##P##trmv(lay, CblasUpper, CblasConjTrans, CblasNonUnit, N, a, N, x1, 1);                    \
        cblas_##P##trsv(lay, CblasLower, CblasNoTrans, CblasNonUnit, N, a, N, x1, 1);                      \
        cblas_##P##tbmv(lay, CblasUpper, CblasTrans, CblasNonUnit, N, 2, band, 3, x1, 1);                  \
        cblas_##P##tbsv(lay, CblasLower, CblasNoTrans, CblasNonUnit, N, 1, band, 2, x1, 1);                \
        cblas_##P##tpmv(lay, CblasUpper, CblasNoTrans, CblasNonUnit, N, ap, x1, 1);                        \
        cblas_##P##tpsv(lay, CblasLower, CblasConjTrans, CblasNonUnit, N, ap, x1, 1);                      \
        SHOW(#P "trmv..", SUM(x1, 2 * N));                                                                 \
        cblas_##P##hemv(lay, CblasUpper, N, al, a, N, x, 1, be, y1, 1);                                    \
        cblas_##P##hbmv(lay, CblasLower, N, 1, al, band, 2, x, 1, be, y1, 1);                              \
        cblas_##P##hpmv(lay, CblasUpper, N, al, ap, x, 1, be, y1, 1);                                      \
        SHOW(#P "hemv..", SUM(y1, 2 * N));                                                                 \
        memcpy(a1, a, sizeof a), memcpy(p1, ap, sizeof ap);                                                \
        cblas_##P##geru(lay, N, N, al, x, 1, y, 1, a1, N);                                                 \
        cblas_##P##gerc(lay, N, N, be, x, 1, y, 1, a1, N);                                                 \
        cblas_##P##her(lay, CblasUpper, N, 0.5, x, 1, a1, N);                                              \
        cblas_##P##her2(lay, CblasLower, N, al, x, 1, y, 1, a1, N);                                        \
        cblas_##P##hpr(lay, CblasUpper, N, 0.5, x, 1, p1);                                                 \
        cblas_##P##hpr2(lay, CblasLower, N, al, x, 1, y, 1, p1);                                           \
        SHOW(#P "geru..", SUM(a1, 2 * NN) + SUM(p1, N * (N + 1)));                                         \
        memcpy(c1, c, sizeof c);                                                                           \
        cblas_##P##gemm(lay, CblasConjTrans, CblasNoTrans, N, N - 1, N - 2, al, a, N, b, N, be, c1, N);    \
        cblas_##P##symm(lay, CblasRight, CblasUpper, N, N, al, a, N, b, N, be, c1, N);                     \
        cblas_##P##hemm(lay, CblasLeft, CblasLower, N, N, al, a, N, b, N, be, c1, N);                      \
        SHOW(#P "gemm..", SUM(c1, 2 * NN));                                                                \
        cblas_##P##syrk(lay, CblasUpper, CblasTrans, N, N - 1, al, a, N, be, c1, N);                       \
        cblas_##P##herk(lay, CblasLower, CblasConjTrans, N, N - 1, 1.0, a, N, 0.5, c1, N);                 \
        cblas_##P##syr2k(lay, CblasLower, CblasNoTrans, N, N - 1, al, a, N, b, N, be, c1, N);              \
        cblas_##P##her2k(lay, CblasUpper, CblasNoTrans, N, N - 1, al, a, N, b, N, 0.5, c1, N);             \
        cblas_##P##trmm(lay, CblasRight, CblasUpper, CblasConjTrans, CblasNonUnit, N, N, al, a, N, c1, N); \
        cblas_##P##trsm(lay, CblasLeft, CblasLower, CblasNoTrans, CblasUnit, N, N, be, a, N, c1, N);       \
        SHOW(#P "syrk..", SUM(c1, 2 * NN));                                                                \
        int lapl = lay == CblasRowMajor ? LAPACK_ROW_MAJOR : LAPACK_COL_MAJOR, ipiv[N], info;              \
        T m[2 * NN], r[2 * NN], s[N], u[2 * NN], vt[2 * NN], w[2 * N], tau[2 * N], sup[N];                 \
        memcpy(m, a, sizeof a), memcpy(r, b, sizeof b);                                                    \
        info = LAPACKE_##P##gesv(lapl, N, 2, (void *)m, N, ipiv, (void *)r, lapl == LAPACK_ROW_MAJOR ? 2 : N); \
        SHOW(#P "gesv", SUM(r, 4 * N) + info);                                                             \
        memcpy(m, a, sizeof a), memcpy(r, b, sizeof b);                                                    \
        info = LAPACKE_##P##getrf(lapl, N, N, (void *)m, N, ipiv);                                         \
        info += LAPACKE_##P##getrs(lapl, 'C', N, N, (void *)m, N, ipiv, (void *)r, N);                     \
        info += LAPACKE_##P##getri(lapl, N, (void *)m, N, ipiv);                                           \
        SHOW(#P "getrf..", SUM(r, 2 * NN) + SUM(m, 2 * NN) + info);                                        \
        for (int i = 0; i < N; i++)                                                                        \
            for (int j = 0; j < N; j++) {                                                                  \
                m[2 * (i * N + j)] = a[2 * (i * N + j)] + a[2 * (j * N + i)];                              \
                m[2 * (i * N + j) + 1] = a[2 * (i * N + j) + 1] - a[2 * (j * N + i) + 1];                  \
            }                                                                                              \
        memcpy(u, m, sizeof m), memcpy(vt, m, sizeof m), memcpy(r, b, sizeof b);                           \
        info = LAPACKE_##P##potrf(lapl, 'U', N, (void *)m, N);                                             \
        info += LAPACKE_##P##potrs(lapl, 'U', N, N, (void *)m, N, (void *)r, N);                           \
        info += LAPACKE_##P##posv(lapl, 'L', N, 1, (void *)u, N, (void *)r, lapl == LAPACK_ROW_MAJOR ? 1 : N); \
        SHOW(#P "potrf..", SUM(r, 2 * NN) + info);                                                         \
        memcpy(u, vt, sizeof vt);                                                                          \
        info = LAPACKE_##P##heev(lapl, 'N', 'U', N, (void *)vt, N, s);                                     \
        info += LAPACKE_##P##heevd(lapl, 'N', 'L', N, (void *)u, N, sup);                                  \
        SHOW(#P "heev..", SUM(s, N) + SUM(sup, N) + info);                                                 \
        memcpy(m, a, sizeof a);                                                                            \
        info = LAPACKE_##P##geqrf(lapl, N, N - 1, (void *)m, N, (void *)tau);                              \
        info += LAPACKE_##P##ungqr(lapl, N, N - 1, N - 1, (void *)m, N, (void *)tau);                      \
        SHOW(#P "geqrf..", fabs(SUM(m, 2 * NN)) + info);                                                   \
        memcpy(m, a, sizeof a), memcpy(r, b, sizeof b);                                                    \
        info = LAPACKE_##P##gels(lapl, 'N', N, N - 2, 1, (void *)m, N, (void *)r, lapl == LAPACK_ROW_MAJOR ? 1 : N); \
        SHOW(#P "gels", SUM(r, 2 * (N - 2)) + info);                                                       \
        memcpy(m, a, sizeof a);                                                                            \
        info = LAPACKE_##P##gesvd(lapl, 'N', 'N', N, N - 1, (void *)m, N, s, (void *)u, 1, (void *)vt, 1, sup); \
        memcpy(m, a, sizeof a);                                                                            \
        info += LAPACKE_##P##gesdd(lapl, 'N', N - 1, N, (void *)m, N, sup, (void *)u, 1, (void *)vt, N);   \
        SHOW(#P "gesvd..", SUM(s, N - 1) + SUM(sup, N - 1) + info);                                        \
        memcpy(m, a, sizeof a);                                                                            \
        info = LAPACKE_##P##geev(lapl, 'N', 'N', N, (void *)m, N, (void *)w, (void *)u, 1, (void *)vt, 1); \
        SHOW(#P "geev", fabs(w[0]) + fabs(w[1]) + info);                                                   \
        memcpy(r, b, sizeof b);                                                                            \
        info = LAPACKE_##P##trtrs(lapl, 'L', 'C', 'N', N, N, (void *)a, N, (void *)r, N);                  \
        SHOW(#P "trtrs", SUM(r, 2 * NN) + info);                                                           \
        SHOW(#P "lange", (double)LAPACKE_##P##lange(lapl, 'F', N, N - 1, (void *)a, N));                   \
    }

CPLX_TESTS(z, zd, double, cblas_dz, sum, COPY)
CPLX_TESTS(c, cs, float, cblas_sc, sumf, tofloat)

/* FFTW: every planner kind, new-array execution and wisdom. */
#define FFT_TESTS(X, R, C)                                                                                  \
    static void fft_##X(void) {                                                                            \
        int n3[3] = {4, 6, 8}, n = 4 * 6 * 8;                                                              \
        C *a = X##alloc_complex(n), *b = X##alloc_complex(n), *c = X##alloc_complex(n);                   \
        R *r = X##alloc_real(2 * n);                                                                       \
        double s = 0;                                                                                      \
        int threads = X##init_threads();                                                                   \
        X##plan_with_nthreads(2);                                                                          \
        for (int i = 0; i < n; i++) a[i][0] = (i % 7) - 3, a[i][1] = (i % 5) - 2;                           \
        X##plan p = X##plan_dft_1d(8, a, b, FFTW_FORWARD, FFTW_ESTIMATE);                                  \
        X##execute(p);                                                                                     \
        X##execute_dft(p, a + 8, c);                                                                       \
        X##destroy_plan(p);                                                                                \
        for (int i = 0; i < 8; i++) s += b[i][0] + 2 * b[i][1] + 3 * c[i][0];                              \
        p = X##plan_dft_2d(6, 8, a, b, FFTW_BACKWARD, FFTW_ESTIMATE);                                      \
        X##execute(p), X##destroy_plan(p);                                                                 \
        for (int i = 0; i < 48; i++) s += b[i][0] * (i % 3) - b[i][1];                                     \
        p = X##plan_dft_3d(4, 6, 8, a, b, FFTW_FORWARD, FFTW_MEASURE);                                     \
        for (int i = 0; i < n; i++) a[i][0] = (i % 7) - 3, a[i][1] = (i % 5) - 2;                           \
        X##execute(p), X##destroy_plan(p);                                                                 \
        for (int i = 0; i < n; i++) s += b[i][0] * (i % 3) - b[i][1];                                      \
        p = X##plan_dft(3, n3, b, b, FFTW_BACKWARD, FFTW_ESTIMATE);                                        \
        X##execute(p), X##destroy_plan(p);                                                                 \
        s += b[5][0] / n;                                                                                  \
        for (int i = 0; i < n; i++) r[i] = (i % 9) - 4;                                                    \
        p = X##plan_dft_r2c_3d(4, 6, 8, r, c, FFTW_ESTIMATE);                                              \
        X##execute(p), X##destroy_plan(p);                                                                 \
        for (int i = 0; i < 4 * 6 * 5; i++) s += c[i][0] * (i % 3) - c[i][1];                              \
        p = X##plan_dft_c2r_3d(4, 6, 8, c, r, FFTW_ESTIMATE);                                              \
        X##execute(p), X##destroy_plan(p);                                                                 \
        s += r[7] / n;                                                                                     \
        p = X##plan_dft_r2c_1d(8, r, c, FFTW_ESTIMATE);                                                    \
        X##execute_dft_r2c(p, r + 16, c + 8);                                                              \
        X##destroy_plan(p);                                                                                \
        p = X##plan_dft_c2r_2d(6, 8, c, r, FFTW_ESTIMATE);                                                 \
        X##execute_dft_c2r(p, c, r);                                                                       \
        X##destroy_plan(p);                                                                                \
        s += r[3] + c[9][1];                                                                               \
        int n1[1] = {8}, emb[1] = {10};                                                                    \
        p = X##plan_many_dft(1, n1, 3, a, emb, 2, 20, b, NULL, 1, 8, FFTW_FORWARD, FFTW_ESTIMATE);         \
        X##execute(p), X##destroy_plan(p);                                                                 \
        for (int i = 0; i < 24; i++) s += b[i][0] - b[i][1] * (i % 4);                                     \
        p = X##plan_many_dft_r2c(1, n1, 2, r, NULL, 1, 8, c, NULL, 1, 5, FFTW_ESTIMATE);                   \
        X##execute(p), X##destroy_plan(p);                                                                 \
        p = X##plan_many_dft_c2r(1, n1, 2, c, NULL, 1, 5, r, NULL, 1, 8, FFTW_ESTIMATE);                   \
        X##execute(p), X##destroy_plan(p);                                                                 \
        s += r[9] / 8;                                                                                     \
        char *w = X##export_wisdom_to_string();                                                            \
        int has = w != NULL && strlen(w) > 10;                                                             \
        X##forget_wisdom();                                                                                \
        int back = w != NULL && X##import_wisdom_from_string(w);                                           \
        X##free(w);                                                                                        \
        printf(#X "    %.5e wisdom=%d/%d aligned=%d threads=%d\n", s, has, back,                           \
               X##alignment_of((R *)a) == 0, threads);                                                     \
        X##free(a), X##free(b), X##free(c), X##free(r);                                                    \
        X##cleanup_threads();                                                                              \
        X##cleanup();                                                                                      \
    }

FFT_TESTS(fftw_, double, fftw_complex)
FFT_TESTS(fftwf_, float, fftwf_complex)

int main(void) {
    CBLAS_LAYOUT lays[2] = {CblasRowMajor, CblasColMajor};
    for (int i = 0; i < 2; i++) {
        real_d(lays[i]), real_s(lays[i]), cplx_z(lays[i]), cplx_c(lays[i]);
    }
    float fx[5] = {1.5f, -2, 3, 0.25f, 1e7f}, fy[5] = {2, 1, -0.5f, 4, 1e-7f};
    printf("dsdot      %.10e\nsdsdot     %.5e\n", cblas_dsdot(5, fx, 1, fy, 1), (double)cblas_sdsdot(4, 0.5f, fx, 1, fy, 1));
    fft_fftw_(), fft_fftwf_();
    return 0;
}
