#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <string.h>

#include "loader.h"

void wr_nl_stdio(void) {
    static int done;
    if (!done) {
        done = 1;
        setvbuf(stdout, NULL, _IOLBF, 0);
    }
}

void wr_nl_flush(void) { fflush(NULL); }

void *wr_nl_open(const char *path, char *err, size_t errlen) {
    wr_nl_stdio();
    void *h = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    if (h == NULL) {
        const char *e = dlerror();
        snprintf(err, errlen, "%s", e ? e : "dlopen failed");
    }
    return h;
}

void wr_nl_bind(void *h, void *h2, void **fn, const char *const *names, int n, unsigned char *have) {
    for (int i = 0; i < n; i++) {
        void *p = dlsym(h, names[i]);
        if (p == NULL && h2 != NULL) {
            p = dlsym(h2, names[i]);
        }
        fn[i] = p;
        have[i] = p != NULL;
    }
}

const char *wr_nl_path(void *h, char *buf, size_t len) {
    struct link_map *lm = NULL;
    buf[0] = 0;
    if (h != NULL && dlinfo(h, RTLD_DI_LINKMAP, &lm) == 0 && lm != NULL && lm->l_name != NULL) {
        snprintf(buf, len, "%s", lm->l_name);
    }
    return buf;
}

/* The FFTW API's types, as fftw3.h defines them: plans are opaque
 * pointers, complex arrays pairs of reals. wasmrun needs no FFTW headers to
 * build. */
typedef void *plan;
typedef plan (*plan_many_dft)(int, const int *, int, void *, const int *, int, int, void *, const int *, int, int,
                              int, unsigned);
typedef plan (*plan_many_real)(int, const int *, int, void *, const int *, int, int, void *, const int *, int, int,
                               unsigned);

#define NAMES(p)                                                                                                \
    {                                                                                                           \
        p "plan_many_dft", p "plan_many_dft_r2c", p "plan_many_dft_c2r", p "execute", p "execute_dft",        \
            p "execute_dft_r2c", p "execute_dft_c2r", p "destroy_plan", p "cleanup", p "export_wisdom_to_string", \
            p "import_wisdom_from_string", p "forget_wisdom", p "free"                                          \
    }
const char *const wr_fftw_names[2][WR_FFTW_COUNT] = {NAMES("fftw_"), NAMES("fftwf_")};
void *wr_fftw_fn[2][WR_FFTW_COUNT];

uintptr_t wr_fftw_plan_many(int single, int kind, int rank, const int *n, int howmany, uintptr_t in,
                            const int *inembed, int istride, int idist, uintptr_t out, const int *onembed,
                            int ostride, int odist, int sign, unsigned flags) {
    void **f = wr_fftw_fn[single];
    if (kind == WR_FFTW_PLAN_DFT) {
        return (uintptr_t)((plan_many_dft)f[kind])(rank, n, howmany, (void *)in, inembed, istride, idist,
                                                   (void *)out, onembed, ostride, odist, sign, flags);
    }
    return (uintptr_t)((plan_many_real)f[kind])(rank, n, howmany, (void *)in, inembed, istride, idist, (void *)out,
                                                onembed, ostride, odist, flags);
}

void wr_fftw_execute(int single, uintptr_t p) { ((void (*)(plan))wr_fftw_fn[single][WR_FFTW_EXECUTE])((plan)p); }

void wr_fftw_execute_new(int single, int kind, uintptr_t p, uintptr_t in, uintptr_t out) {
    ((void (*)(plan, void *, void *))wr_fftw_fn[single][kind])((plan)p, (void *)in, (void *)out);
}

void wr_fftw_destroy(int single, uintptr_t p) { ((void (*)(plan))wr_fftw_fn[single][WR_FFTW_DESTROY])((plan)p); }

void wr_fftw_cleanup(int single) { ((void (*)(void))wr_fftw_fn[single][WR_FFTW_CLEANUP])(); }

char *wr_fftw_export(int single) { return ((char *(*)(void))wr_fftw_fn[single][WR_FFTW_EXPORT])(); }

void wr_fftw_free_string(int single, char *s) { ((void (*)(void *))wr_fftw_fn[single][WR_FFTW_FREE])(s); }

int wr_fftw_import(int single, const char *s) {
    return ((int (*)(const char *))wr_fftw_fn[single][WR_FFTW_IMPORT])(s);
}

void wr_fftw_forget(int single) { ((void (*)(void))wr_fftw_fn[single][WR_FFTW_FORGET])(); }

const char *const wr_fftw_threads_names[2][WR_FFTW_THREADS_COUNT] = {
    {"fftw_init_threads", "fftw_plan_with_nthreads", "fftw_cleanup_threads"},
    {"fftwf_init_threads", "fftwf_plan_with_nthreads", "fftwf_cleanup_threads"}};
void *wr_fftw_threads_fn[2][WR_FFTW_THREADS_COUNT];

int wr_fftw_init_threads(int single) {
    return ((int (*)(void))wr_fftw_threads_fn[single][WR_FFTW_INIT_THREADS])();
}

void wr_fftw_plan_with_nthreads(int single, int n) {
    ((void (*)(int))wr_fftw_threads_fn[single][WR_FFTW_PLAN_WITH_NTHREADS])(n);
}

void wr_fftw_cleanup_threads(int single) {
    ((void (*)(void))wr_fftw_threads_fn[single][WR_FFTW_CLEANUP_THREADS])();
}

static void (*openblas_set)(int);
static int (*openblas_get)(void);

void wr_openblas_bind(void *h) {
    openblas_set = (void (*)(int))dlsym(h, "openblas_set_num_threads");
    openblas_get = (int (*)(void))dlsym(h, "openblas_get_num_threads");
}

int wr_openblas_has(void) { return openblas_set != NULL && openblas_get != NULL; }

void wr_openblas_set_num_threads(int n) { openblas_set(n); }

int wr_openblas_get_num_threads(void) { return openblas_get(); }
