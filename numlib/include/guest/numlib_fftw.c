/*
 * The guest library's part of FFTW: the basic planners (FFTW defines each
 * as the advanced planner with one transform, unit stride and no
 * embedding, which is what these call), fftw_malloc (guest memory, aligned
 * for the host's SIMD codelets) and the wisdom string export.
 */
#include <fftw3.h>
#include <stdlib.h>
#include <string.h>

#define WASMRUN_FFTW_ALIGN 64

__attribute__((import_module("wasmrun_fftw"), import_name("wasmrun_fftw_export_wisdom"))) int
wasmrun_fftw_export_wisdom(char *buf, int size);
__attribute__((import_module("wasmrun_fftw"), import_name("wasmrun_fftwf_export_wisdom"))) int
wasmrun_fftwf_export_wisdom(char *buf, int size);

#define WASMRUN_FFTW_DEFINE(X, R, C)                                                                        \
    X##plan X##plan_dft(int rank, const int *n, C *in, C *out, int sign, unsigned flags) {                \
        return X##plan_many_dft(rank, n, 1, in, NULL, 1, 1, out, NULL, 1, 1, sign, flags);                \
    }                                                                                                     \
    X##plan X##plan_dft_1d(int n0, C *in, C *out, int sign, unsigned flags) {                             \
        int n[1] = {n0};                                                                                  \
        return X##plan_dft(1, n, in, out, sign, flags);                                                   \
    }                                                                                                     \
    X##plan X##plan_dft_2d(int n0, int n1, C *in, C *out, int sign, unsigned flags) {                     \
        int n[2] = {n0, n1};                                                                              \
        return X##plan_dft(2, n, in, out, sign, flags);                                                   \
    }                                                                                                     \
    X##plan X##plan_dft_3d(int n0, int n1, int n2, C *in, C *out, int sign, unsigned flags) {             \
        int n[3] = {n0, n1, n2};                                                                          \
        return X##plan_dft(3, n, in, out, sign, flags);                                                   \
    }                                                                                                     \
    X##plan X##plan_dft_r2c(int rank, const int *n, R *in, C *out, unsigned flags) {                      \
        return X##plan_many_dft_r2c(rank, n, 1, in, NULL, 1, 1, out, NULL, 1, 1, flags);                  \
    }                                                                                                     \
    X##plan X##plan_dft_r2c_1d(int n0, R *in, C *out, unsigned flags) {                                   \
        int n[1] = {n0};                                                                                  \
        return X##plan_dft_r2c(1, n, in, out, flags);                                                     \
    }                                                                                                     \
    X##plan X##plan_dft_r2c_2d(int n0, int n1, R *in, C *out, unsigned flags) {                           \
        int n[2] = {n0, n1};                                                                              \
        return X##plan_dft_r2c(2, n, in, out, flags);                                                     \
    }                                                                                                     \
    X##plan X##plan_dft_r2c_3d(int n0, int n1, int n2, R *in, C *out, unsigned flags) {                   \
        int n[3] = {n0, n1, n2};                                                                          \
        return X##plan_dft_r2c(3, n, in, out, flags);                                                     \
    }                                                                                                     \
    X##plan X##plan_dft_c2r(int rank, const int *n, C *in, R *out, unsigned flags) {                      \
        return X##plan_many_dft_c2r(rank, n, 1, in, NULL, 1, 1, out, NULL, 1, 1, flags);                  \
    }                                                                                                     \
    X##plan X##plan_dft_c2r_1d(int n0, C *in, R *out, unsigned flags) {                                   \
        int n[1] = {n0};                                                                                  \
        return X##plan_dft_c2r(1, n, in, out, flags);                                                     \
    }                                                                                                     \
    X##plan X##plan_dft_c2r_2d(int n0, int n1, C *in, R *out, unsigned flags) {                           \
        int n[2] = {n0, n1};                                                                              \
        return X##plan_dft_c2r(2, n, in, out, flags);                                                     \
    }                                                                                                     \
    X##plan X##plan_dft_c2r_3d(int n0, int n1, int n2, C *in, R *out, unsigned flags) {                   \
        int n[3] = {n0, n1, n2};                                                                          \
        return X##plan_dft_c2r(3, n, in, out, flags);                                                     \
    }                                                                                                     \
    void *X##malloc(size_t n) {                                                                           \
        void *p = NULL;                                                                                   \
        if (posix_memalign(&p, WASMRUN_FFTW_ALIGN, n ? n : 1) != 0) {                                     \
            return NULL;                                                                                  \
        }                                                                                                 \
        return p;                                                                                         \
    }                                                                                                     \
    R *X##alloc_real(size_t n) { return n > SIZE_MAX / sizeof(R) ? NULL : X##malloc(n * sizeof(R)); }     \
    C *X##alloc_complex(size_t n) { return n > SIZE_MAX / sizeof(C) ? NULL : X##malloc(n * sizeof(C)); }  \
    void X##free(void *p) { free(p); }                                                                    \
    int X##alignment_of(R *p) { return (int)((size_t)p % WASMRUN_FFTW_ALIGN); }                           \
    char *X##export_wisdom_to_string(void) {                                                              \
        int n = wasmrun_##X##export_wisdom(NULL, 0);                                                      \
        char *s = n > 0 ? malloc((size_t)n) : NULL;                                                       \
        if (s != NULL && wasmrun_##X##export_wisdom(s, n) != n) {                                         \
            free(s);                                                                                      \
            return NULL;                                                                                  \
        }                                                                                                 \
        return s;                                                                                         \
    }

WASMRUN_FFTW_DEFINE(fftw_, double, fftw_complex)
WASMRUN_FFTW_DEFINE(fftwf_, float, fftwf_complex)
