/*
 * The Fortran-style BLAS and LAPACK names that C codes call (dgemm_,
 * dgesv_ ...: column-major, every argument by pointer, options as
 * characters), as calls of the bridged CBLAS and LAPACKE routines, so they
 * run in the node's library with the same checks. A LAPACK info < 0 counts
 * parameters as LAPACK does (without LAPACKE's layout).
 */
#include <cblas.h>

static CBLAS_TRANSPOSE f77_trans(const char *c) {
    switch (*c) {
    case 'N': case 'n': return CblasNoTrans;
    case 'T': case 't': return CblasTrans;
    case 'C': case 'c': return CblasConjTrans;
    }
    return (CBLAS_TRANSPOSE)0; /* refused by the bridge */
}

static CBLAS_UPLO f77_uplo(const char *c) {
    return *c == 'U' || *c == 'u' ? CblasUpper : *c == 'L' || *c == 'l' ? CblasLower : (CBLAS_UPLO)0;
}

static CBLAS_SIDE f77_side(const char *c) {
    return *c == 'L' || *c == 'l' ? CblasLeft : *c == 'R' || *c == 'r' ? CblasRight : (CBLAS_SIDE)0;
}

static CBLAS_DIAG f77_diag(const char *c) {
    return *c == 'N' || *c == 'n' ? CblasNonUnit : *c == 'U' || *c == 'u' ? CblasUnit : (CBLAS_DIAG)0;
}

/* Real scalars are passed by value to CBLAS, complex ones by pointer. */
#define VAL_s(p) (*(p))
#define VAL_d(p) (*(p))
#define VAL_c(p) (p)
#define VAL_z(p) (p)

#define F77_BLAS(P, T)                                                                                      \
    void P##gemm_(const char *ta, const char *tb, const int *m, const int *n, const int *k, const T *alpha,  \
                  const T *a, const int *lda, const T *b, const int *ldb, const T *beta, T *c, const int *ldc) { \
        cblas_##P##gemm(CblasColMajor, f77_trans(ta), f77_trans(tb), *m, *n, *k, VAL_##P(alpha), a, *lda, b,  \
                        *ldb, VAL_##P(beta), c, *ldc);                                                      \
    }                                                                                                       \
    void P##symm_(const char *side, const char *uplo, const int *m, const int *n, const T *alpha, const T *a, \
                  const int *lda, const T *b, const int *ldb, const T *beta, T *c, const int *ldc) {          \
        cblas_##P##symm(CblasColMajor, f77_side(side), f77_uplo(uplo), *m, *n, VAL_##P(alpha), a, *lda, b,   \
                        *ldb, VAL_##P(beta), c, *ldc);                                                      \
    }                                                                                                       \
    void P##syrk_(const char *uplo, const char *t, const int *n, const int *k, const T *alpha, const T *a,     \
                  const int *lda, const T *beta, T *c, const int *ldc) {                                      \
        cblas_##P##syrk(CblasColMajor, f77_uplo(uplo), f77_trans(t), *n, *k, VAL_##P(alpha), a, *lda,        \
                        VAL_##P(beta), c, *ldc);                                                            \
    }                                                                                                       \
    void P##trsm_(const char *side, const char *uplo, const char *ta, const char *diag, const int *m,         \
                  const int *n, const T *alpha, const T *a, const int *lda, T *b, const int *ldb) {           \
        cblas_##P##trsm(CblasColMajor, f77_side(side), f77_uplo(uplo), f77_trans(ta), f77_diag(diag), *m, *n, \
                        VAL_##P(alpha), a, *lda, b, *ldb);                                                  \
    }                                                                                                       \
    void P##trmm_(const char *side, const char *uplo, const char *ta, const char *diag, const int *m,         \
                  const int *n, const T *alpha, const T *a, const int *lda, T *b, const int *ldb) {           \
        cblas_##P##trmm(CblasColMajor, f77_side(side), f77_uplo(uplo), f77_trans(ta), f77_diag(diag), *m, *n, \
                        VAL_##P(alpha), a, *lda, b, *ldb);                                                  \
    }                                                                                                       \
    void P##gemv_(const char *t, const int *m, const int *n, const T *alpha, const T *a, const int *lda,      \
                  const T *x, const int *incx, const T *beta, T *y, const int *incy) {                        \
        cblas_##P##gemv(CblasColMajor, f77_trans(t), *m, *n, VAL_##P(alpha), a, *lda, x, *incx,             \
                        VAL_##P(beta), y, *incy);                                                           \
    }                                                                                                       \
    void P##axpy_(const int *n, const T *alpha, const T *x, const int *incx, T *y, const int *incy) {         \
        cblas_##P##axpy(*n, VAL_##P(alpha), x, *incx, y, *incy);                                            \
    }                                                                                                       \
    void P##copy_(const int *n, const T *x, const int *incx, T *y, const int *incy) {                         \
        cblas_##P##copy(*n, x, *incx, y, *incy);                                                            \
    }                                                                                                       \
    void P##swap_(const int *n, T *x, const int *incx, T *y, const int *incy) {                               \
        cblas_##P##swap(*n, x, *incx, y, *incy);                                                            \
    }                                                                                                       \
    void P##scal_(const int *n, const T *alpha, T *x, const int *incx) {                                      \
        cblas_##P##scal(*n, VAL_##P(alpha), x, *incx);                                                      \
    }

#define F77_BLAS_REAL(P, T)                                                                                 \
    T P##dot_(const int *n, const T *x, const int *incx, const T *y, const int *incy) {                       \
        return cblas_##P##dot(*n, x, *incx, y, *incy);                                                      \
    }                                                                                                       \
    T P##nrm2_(const int *n, const T *x, const int *incx) { return cblas_##P##nrm2(*n, x, *incx); }           \
    T P##asum_(const int *n, const T *x, const int *incx) { return cblas_##P##asum(*n, x, *incx); }           \
    int i##P##amax_(const int *n, const T *x, const int *incx) {                                              \
        return *n < 1 || *incx < 1 ? 0 : (int)cblas_i##P##amax(*n, x, *incx) + 1;                           \
    }                                                                                                       \
    void P##ger_(const int *m, const int *n, const T *alpha, const T *x, const int *incx, const T *y,         \
                 const int *incy, T *a, const int *lda) {                                                     \
        cblas_##P##ger(CblasColMajor, *m, *n, *alpha, x, *incx, y, *incy, a, *lda);                         \
    }

F77_BLAS(s, float)
F77_BLAS(d, double)
F77_BLAS(c, void)
F77_BLAS(z, void)
F77_BLAS_REAL(s, float)
F77_BLAS_REAL(d, double)
