/*
 * fftw3.h for wasmrun guests: FFTW 3's basic, advanced and new-array
 * interfaces in double (fftw_) and single (fftwf_) precision. The planners,
 * executors and wisdom functions are imports from the "wasmrun_fftw"
 * module, which calls the node's FFTW (libfftw3.so.3, libfftw3f.so.3, and
 * for fftw_init_threads libfftw3_threads.so.3) on the guest's arrays in place; the basic planners, fftw_malloc and the
 * wisdom string export are in the guest library. A plan is a handle the
 * bridge checks at each use. Constant values are FFTW's.
 */
#ifndef WASMRUN_FFTW3_H
#define WASMRUN_FFTW3_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WASMRUN_FFTW_IMPORT(name) __attribute__((import_module("wasmrun_fftw"), import_name(#name)))

/* As in FFTW's own header: C99 complex numbers where <complex.h> came
 * first, pairs of reals otherwise (the same layout). */
#if !defined(FFTW_NO_Complex) && defined(_Complex_I) && defined(complex) && defined(I)
typedef double _Complex fftw_complex;
typedef float _Complex fftwf_complex;
#else
typedef double fftw_complex[2];
typedef float fftwf_complex[2];
#endif
typedef struct fftw_plan_s *fftw_plan;
typedef struct fftwf_plan_s *fftwf_plan;

#define FFTW_FORWARD (-1)
#define FFTW_BACKWARD (+1)
#define FFTW_NO_TIMELIMIT (-1.0)

#define FFTW_MEASURE (0U)
#define FFTW_DESTROY_INPUT (1U << 0)
#define FFTW_UNALIGNED (1U << 1)
#define FFTW_CONSERVE_MEMORY (1U << 2)
#define FFTW_EXHAUSTIVE (1U << 3)
#define FFTW_PRESERVE_INPUT (1U << 4)
#define FFTW_PATIENT (1U << 5)
#define FFTW_ESTIMATE (1U << 6)
#define FFTW_WISDOM_ONLY (1U << 21)

#define WASMRUN_FFTW_DECLARE(X, R, C)                                                                             \
    WASMRUN_FFTW_IMPORT(X##plan_many_dft)                                                                       \
    X##plan X##plan_many_dft(int rank, const int *n, int howmany, C *in, const int *inembed, int istride,         \
                             int idist, C *out, const int *onembed, int ostride, int odist, int sign,             \
                             unsigned flags);                                                                   \
    WASMRUN_FFTW_IMPORT(X##plan_many_dft_r2c)                                                                   \
    X##plan X##plan_many_dft_r2c(int rank, const int *n, int howmany, R *in, const int *inembed, int istride,     \
                                 int idist, C *out, const int *onembed, int ostride, int odist, unsigned flags);  \
    WASMRUN_FFTW_IMPORT(X##plan_many_dft_c2r)                                                                   \
    X##plan X##plan_many_dft_c2r(int rank, const int *n, int howmany, C *in, const int *inembed, int istride,     \
                                 int idist, R *out, const int *onembed, int ostride, int odist, unsigned flags);  \
    X##plan X##plan_dft(int rank, const int *n, C *in, C *out, int sign, unsigned flags);                        \
    X##plan X##plan_dft_1d(int n0, C *in, C *out, int sign, unsigned flags);                                     \
    X##plan X##plan_dft_2d(int n0, int n1, C *in, C *out, int sign, unsigned flags);                             \
    X##plan X##plan_dft_3d(int n0, int n1, int n2, C *in, C *out, int sign, unsigned flags);                     \
    X##plan X##plan_dft_r2c(int rank, const int *n, R *in, C *out, unsigned flags);                              \
    X##plan X##plan_dft_r2c_1d(int n0, R *in, C *out, unsigned flags);                                           \
    X##plan X##plan_dft_r2c_2d(int n0, int n1, R *in, C *out, unsigned flags);                                   \
    X##plan X##plan_dft_r2c_3d(int n0, int n1, int n2, R *in, C *out, unsigned flags);                           \
    X##plan X##plan_dft_c2r(int rank, const int *n, C *in, R *out, unsigned flags);                              \
    X##plan X##plan_dft_c2r_1d(int n0, C *in, R *out, unsigned flags);                                           \
    X##plan X##plan_dft_c2r_2d(int n0, int n1, C *in, R *out, unsigned flags);                                   \
    X##plan X##plan_dft_c2r_3d(int n0, int n1, int n2, C *in, R *out, unsigned flags);                           \
    WASMRUN_FFTW_IMPORT(X##execute) void X##execute(const X##plan p);                                            \
    WASMRUN_FFTW_IMPORT(X##execute_dft) void X##execute_dft(const X##plan p, C *in, C *out);                     \
    WASMRUN_FFTW_IMPORT(X##execute_dft_r2c) void X##execute_dft_r2c(const X##plan p, R *in, C *out);             \
    WASMRUN_FFTW_IMPORT(X##execute_dft_c2r) void X##execute_dft_c2r(const X##plan p, C *in, R *out);             \
    WASMRUN_FFTW_IMPORT(X##destroy_plan) void X##destroy_plan(X##plan p);                                        \
    WASMRUN_FFTW_IMPORT(X##cleanup) void X##cleanup(void);                                                       \
    WASMRUN_FFTW_IMPORT(X##forget_wisdom) void X##forget_wisdom(void);                                           \
    WASMRUN_FFTW_IMPORT(X##init_threads) int X##init_threads(void);                                              \
    WASMRUN_FFTW_IMPORT(X##plan_with_nthreads) void X##plan_with_nthreads(int nthreads);                         \
    WASMRUN_FFTW_IMPORT(X##cleanup_threads) void X##cleanup_threads(void);                                       \
    WASMRUN_FFTW_IMPORT(X##import_wisdom_from_string) int X##import_wisdom_from_string(const char *input_string); \
    char *X##export_wisdom_to_string(void);                                                                      \
    void *X##malloc(size_t n);                                                                                   \
    R *X##alloc_real(size_t n);                                                                                  \
    C *X##alloc_complex(size_t n);                                                                               \
    void X##free(void *p);                                                                                       \
    int X##alignment_of(R *p);

WASMRUN_FFTW_DECLARE(fftw_, double, fftw_complex)
WASMRUN_FFTW_DECLARE(fftwf_, float, fftwf_complex)

#ifdef __cplusplus
}
#endif

#endif
