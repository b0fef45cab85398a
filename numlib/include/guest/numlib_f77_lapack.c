/*
 * The Fortran-style BLAS and LAPACK names that C codes call (dgemm_,
 * dgesv_ ...: column-major, every argument by pointer, options as
 * characters), as calls of the bridged CBLAS and LAPACKE routines, so they
 * run in the node's library with the same checks. A LAPACK info < 0 counts
 * parameters as LAPACK does (without LAPACKE's layout).
 */
#include <lapacke.h>

static int f77_info(int info) { return info < 0 ? info + 1 : info; }

#define F77_LAPACK(P, T)                                                                                    \
    void P##gesv_(const int *n, const int *nrhs, T *a, const int *lda, int *ipiv, T *b, const int *ldb,       \
                  int *info) {                                                                                \
        *info = f77_info(LAPACKE_##P##gesv(LAPACK_COL_MAJOR, *n, *nrhs, (void *)a, *lda, ipiv, (void *)b, *ldb)); \
    }                                                                                                       \
    void P##getrf_(const int *m, const int *n, T *a, const int *lda, int *ipiv, int *info) {                  \
        *info = f77_info(LAPACKE_##P##getrf(LAPACK_COL_MAJOR, *m, *n, (void *)a, *lda, ipiv));              \
    }                                                                                                       \
    void P##getrs_(const char *t, const int *n, const int *nrhs, const T *a, const int *lda, const int *ipiv, \
                   T *b, const int *ldb, int *info) {                                                         \
        *info = f77_info(                                                                                   \
            LAPACKE_##P##getrs(LAPACK_COL_MAJOR, *t, *n, *nrhs, (const void *)a, *lda, ipiv, (void *)b, *ldb)); \
    }                                                                                                       \
    void P##potrf_(const char *uplo, const int *n, T *a, const int *lda, int *info) {                         \
        *info = f77_info(LAPACKE_##P##potrf(LAPACK_COL_MAJOR, *uplo, *n, (void *)a, *lda));                 \
    }                                                                                                       \
    void P##potrs_(const char *uplo, const int *n, const int *nrhs, const T *a, const int *lda, T *b,         \
                   const int *ldb, int *info) {                                                               \
        *info = f77_info(                                                                                   \
            LAPACKE_##P##potrs(LAPACK_COL_MAJOR, *uplo, *n, *nrhs, (void *)a, *lda, (void *)b, *ldb));      \
    }                                                                                                       \
    void P##posv_(const char *uplo, const int *n, const int *nrhs, T *a, const int *lda, T *b, const int *ldb, \
                  int *info) {                                                                                \
        *info = f77_info(                                                                                   \
            LAPACKE_##P##posv(LAPACK_COL_MAJOR, *uplo, *n, *nrhs, (void *)a, *lda, (void *)b, *ldb));       \
    }                                                                                                       \
    void P##trtrs_(const char *uplo, const char *t, const char *diag, const int *n, const int *nrhs,          \
                   const T *a, const int *lda, T *b, const int *ldb, int *info) {                             \
        *info = f77_info(LAPACKE_##P##trtrs(LAPACK_COL_MAJOR, *uplo, *t, *diag, *n, *nrhs, (const void *)a,  \
                                            *lda, (void *)b, *ldb));                                        \
    }

F77_LAPACK(s, float)
F77_LAPACK(d, double)
F77_LAPACK(c, void)
F77_LAPACK(z, void)
