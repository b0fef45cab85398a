/* cblas_scabs1 and cblas_dcabs1, which not every CBLAS exports (OpenBLAS
 * does not): |Re z| + |Im z|. */
#include <cblas.h>
#include <math.h>

float cblas_scabs1(const void *z) {
    const float *v = z;
    return fabsf(v[0]) + fabsf(v[1]);
}

double cblas_dcabs1(const void *z) {
    const double *v = z;
    return fabs(v[0]) + fabs(v[1]);
}
