/*
 * Bad arguments to the bridged libraries. "args": illegal dimensions,
 * leading dimensions, increments and options, and arrays past the end of
 * guest memory: each call is refused with the parameter's position, and
 * nothing is written. The other modes end the run: a destroyed, forged or
 * wrong-precision FFTW plan, a new-array execute with a misaligned array,
 * a BLAS call run with a library that does not exist, and ("fake") a BLAS
 * that has cblas_ddot but no cblas_dgemm.
 */
#include <fftw3.h>
#include <cblas.h>
#include <lapacke.h>
#include <stdio.h>
#include <string.h>

static double a[16], b[16], c[16];

static int unchanged(void) {
    for (int i = 0; i < 16; i++)
        if (c[i] != 7) return 0;
    return 1;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "args";
    for (int i = 0; i < 16; i++) a[i] = 1, b[i] = 2, c[i] = 7;
    /* The last 16 bytes of guest memory. */
    double *end = (double *)(__builtin_wasm_memory_size(0) * 65536 - 16);
    printf("mode %s\n", mode);
    if (strcmp(mode, "args") == 0) {
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, -1, 2, 2, 1, a, 2, b, 2, 0, c, 2);
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 3, 1, a, 2, b, 2, 0, c, 2);
        cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, 2, 2, 3, 1, a, 3, b, 2, 0, c, 2);
        cblas_dgemm(99, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2);
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 4, 4, 1, a, 4, b, 4, 0, end, 4);
        cblas_dgemv(CblasRowMajor, CblasNoTrans, 2, 2, 1, a, 2, b, 0, 0, c, 1);
        cblas_dcopy(4, a, 1, end, 1);
        cblas_zherk(CblasRowMajor, CblasUpper, CblasTrans, 2, 2, 1, a, 2, 0, c, 2);
        printf("cblas nothing written=%d\n", unchanged());
        printf("dnrm2 past end=%g\n", cblas_dnrm2(1000, end, 1));
        int ipiv[4];
        printf("dgesv n<0 info=%d\n", LAPACKE_dgesv(LAPACK_ROW_MAJOR, -3, 1, c, 4, ipiv, b, 1));
        printf("dgesv lda info=%d\n", LAPACKE_dgesv(LAPACK_COL_MAJOR, 4, 1, c, 3, ipiv, b, 4));
        printf("dgesv ldb info=%d\n", LAPACKE_dgesv(LAPACK_ROW_MAJOR, 4, 2, c, 4, ipiv, b, 1));
        printf("dgesv layout info=%d\n", LAPACKE_dgesv(7, 4, 1, c, 4, ipiv, b, 1));
        printf("dgesv b past end info=%d\n", LAPACKE_dgesv(LAPACK_ROW_MAJOR, 4, 1, c, 4, ipiv, end, 1));
        printf("dgesv ipiv past end info=%d\n", LAPACKE_dgesv(LAPACK_ROW_MAJOR, 4, 1, c, 4, (int *)end + 2, b, 1));
        printf("dpotrf uplo info=%d\n", LAPACKE_dpotrf(LAPACK_ROW_MAJOR, 'X', 4, c, 4));
        printf("dorgqr k>n info=%d\n", LAPACKE_dorgqr(LAPACK_ROW_MAJOR, 4, 2, 3, c, 4, b));
        printf("lapacke nothing written=%d\n", unchanged());
        int n[1] = {8}, bad[1] = {0};
        fftw_complex *x = fftw_alloc_complex(8);
        printf("plan n=0 %s\n", fftw_plan_dft(1, bad, x, x, FFTW_FORWARD, FFTW_ESTIMATE) ? "made" : "NULL");
        printf("plan past end %s\n",
               fftw_plan_dft_1d(8, x, (fftw_complex *)end, FFTW_FORWARD, FFTW_ESTIMATE) ? "made" : "NULL");
        printf("plan howmany %s\n",
               fftw_plan_many_dft(1, n, 1000000, x, NULL, 1, 8, x, NULL, 1, 8, FFTW_FORWARD, FFTW_ESTIMATE) ? "made"
                                                                                                              : "NULL");
        printf("plan sign %s\n", fftw_plan_dft_1d(8, x, x, 3, FFTW_ESTIMATE) ? "made" : "NULL");
        fftw_destroy_plan(NULL);
        fftw_free(x);
        return 0;
    }
    fftw_complex *x = fftw_alloc_complex(16);
    fftw_plan p = fftw_plan_dft_1d(8, x, x, FFTW_FORWARD, FFTW_ESTIMATE);
    if (strcmp(mode, "freed") == 0) {
        fftw_destroy_plan(p);
        fftw_execute(p);
    } else if (strcmp(mode, "cleaned") == 0) {
        fftw_cleanup();
        fftw_execute(p);
    } else if (strcmp(mode, "forged") == 0) {
        fftw_execute((fftw_plan)0x1234);
    } else if (strcmp(mode, "precision") == 0) {
        fftwf_execute((fftwf_plan)p);
    } else if (strcmp(mode, "misaligned") == 0) {
        fftw_execute_dft(p, (fftw_complex *)((char *)x + 16), (fftw_complex *)((char *)x + 16));
    } else if (strcmp(mode, "newpast") == 0) {
        fftw_execute_dft(p, (fftw_complex *)((char *)end - 48), (fftw_complex *)((char *)end - 48));
    } else if (strcmp(mode, "fake") == 0) {
        printf("ddot=%g\n", cblas_ddot(2, a, 1, b, 1));
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2);
    } else if (strcmp(mode, "blas") == 0) {
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2);
    }
    printf("not reached\n");
    return 0;
}
