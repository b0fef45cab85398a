/* OpenBLAS's thread controls: one BLAS thread for this rank, then a
 * product that uses it. */
#include <cblas.h>
#include <stdio.h>

int main(void) {
    int before = openblas_get_num_threads();
    openblas_set_num_threads(1);
    double a[4] = {1, 2, 3, 4}, c[4];
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1, a, 2, a, 2, 0, c, 2);
    printf("before=%d after=%d c=%g %g %g %g\n", before, openblas_get_num_threads(), c[0], c[1], c[2], c[3]);
    return 0;
}
