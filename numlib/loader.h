/*
 * The host side of wasmrun's BLAS, LAPACK and FFTW bridge: the libraries
 * are opened with dlopen at their first call, so wasmrun links none of
 * them and starts on nodes that lack them.
 */
#ifndef WASMRUN_NUMLIB_LOADER_H
#define WASMRUN_NUMLIB_LOADER_H

#include <stddef.h>
#include <stdint.h>

/* wr_nl_stdio makes the C library's stdout line-buffered, once, before a
 * library is opened: the libraries print there (LAPACKE_xerbla, OpenBLAS's
 * xerbla, FFTW's warnings), and a Go process never flushes it at exit.
 * wr_nl_flush flushes every C stream. */
void wr_nl_stdio(void);
void wr_nl_flush(void);

/* wr_nl_open opens path with RTLD_NOW | RTLD_GLOBAL (so that a LAPACK
 * opened later binds to this BLAS). It returns the handle, or NULL with
 * dlerror's text in err. */
void *wr_nl_open(const char *path, char *err, size_t errlen);
/* wr_nl_bind looks every name up in h, then in h2 (may be NULL), filling
 * fn; have[i] is 1 where names[i] was found. */
void wr_nl_bind(void *h, void *h2, void **fn, const char *const *names, int n, unsigned char *have);
/* wr_nl_path names the file a handle came from ("" if unknown). */
const char *wr_nl_path(void *h, char *buf, size_t len);

/* OpenBLAS's thread controls, where the BLAS has them (h: its handle). */
void wr_openblas_bind(void *h);
int wr_openblas_has(void);
void wr_openblas_set_num_threads(int n);
int wr_openblas_get_num_threads(void);

/* FFTW, double (single = 0) and single precision (single = 1). */
enum { WR_FFTW_PLAN_DFT, WR_FFTW_PLAN_R2C, WR_FFTW_PLAN_C2R, WR_FFTW_EXECUTE, WR_FFTW_EXECUTE_DFT,
       WR_FFTW_EXECUTE_R2C, WR_FFTW_EXECUTE_C2R, WR_FFTW_DESTROY, WR_FFTW_CLEANUP, WR_FFTW_EXPORT,
       WR_FFTW_IMPORT, WR_FFTW_FORGET, WR_FFTW_FREE, WR_FFTW_COUNT };
extern const char *const wr_fftw_names[2][WR_FFTW_COUNT];
extern void *wr_fftw_fn[2][WR_FFTW_COUNT];

/* FFTW's threads library (libfftw3_threads.so.3, libfftw3f_threads.so.3). */
enum { WR_FFTW_INIT_THREADS, WR_FFTW_PLAN_WITH_NTHREADS, WR_FFTW_CLEANUP_THREADS, WR_FFTW_THREADS_COUNT };
extern const char *const wr_fftw_threads_names[2][WR_FFTW_THREADS_COUNT];
extern void *wr_fftw_threads_fn[2][WR_FFTW_THREADS_COUNT];
int wr_fftw_init_threads(int single);
void wr_fftw_plan_with_nthreads(int single, int n);
void wr_fftw_cleanup_threads(int single);

uintptr_t wr_fftw_plan_many(int single, int kind, int rank, const int *n, int howmany, uintptr_t in,
                            const int *inembed, int istride, int idist, uintptr_t out, const int *onembed,
                            int ostride, int odist, int sign, unsigned flags);
void wr_fftw_execute(int single, uintptr_t plan);
void wr_fftw_execute_new(int single, int kind, uintptr_t plan, uintptr_t in, uintptr_t out);
void wr_fftw_destroy(int single, uintptr_t plan);
void wr_fftw_cleanup(int single);
/* wr_fftw_export returns the wisdom as a string the caller frees with
 * wr_fftw_free_string. */
char *wr_fftw_export(int single);
void wr_fftw_free_string(int single, char *s);
int wr_fftw_import(int single, const char *s);
void wr_fftw_forget(int single);

#endif
