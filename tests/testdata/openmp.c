/* OpenMP directives and runtime calls as hybrid MPI+OpenMP codes use them.
 * Built natively with -fopenmp and run with OMP_NUM_THREADS=1, and with
 * wasmrun cc -fopenmp (one thread per rank): the output is the same. */
#include <omp.h>
#include <stdio.h>

#define N 100000
static double a[N];

int main(void) {
    double sum = 0;
    long long isum = 0;
    int maxv = 0;
#pragma omp parallel for
    for (int i = 0; i < N; i++) a[i] = (i % 17) * 0.5;
#pragma omp parallel for reduction(+ : sum, isum) reduction(max : maxv) schedule(static)
    for (int i = 0; i < N; i++) {
        sum += a[i];
        isum += i % 13;
        if (i % 1009 > maxv) maxv = i % 1009;
    }
    printf("reduction: sum %.1f isum %lld max %d\n", sum, isum, maxv);

    int threads = 0, ids = 0, inside = -1, level = -1, sections = 0;
#pragma omp parallel
    {
#pragma omp atomic
        threads++;
#pragma omp critical
        ids += omp_get_thread_num();
#pragma omp barrier
#pragma omp single
        {
            inside = omp_get_num_threads();
            level = omp_get_level() >= 0;
        }
#pragma omp sections reduction(+ : sections)
        {
#pragma omp section
            sections += 1;
#pragma omp section
            sections += 10;
        }
    }
    printf("parallel: %d thread(s), ids %d, team %d, level %d, sections %d\n", threads, ids, inside, level, sections);

    double dot = 0;
#pragma omp simd reduction(+ : dot)
    for (int i = 0; i < N; i++) dot += a[i] * a[i];
    printf("simd: %.2f\n", dot);

    int tasks = 0;
#pragma omp parallel
#pragma omp single
    {
        for (int k = 1; k <= 4; k++) {
#pragma omp task shared(tasks) firstprivate(k)
            {
#pragma omp atomic
                tasks += k;
            }
        }
#pragma omp taskwait
    }
    printf("tasks: %d\n", tasks);

    omp_lock_t lock;
    omp_init_lock(&lock);
    int got = omp_test_lock(&lock);
    omp_unset_lock(&lock);
    omp_set_lock(&lock);
    omp_unset_lock(&lock);
    omp_destroy_lock(&lock);
    omp_nest_lock_t nest;
    omp_init_nest_lock(&nest);
    omp_set_nest_lock(&nest);
    omp_set_nest_lock(&nest);
    int depth = omp_test_nest_lock(&nest);
    omp_unset_nest_lock(&nest);
    omp_unset_nest_lock(&nest);
    omp_unset_nest_lock(&nest);
    omp_destroy_nest_lock(&nest);
    printf("locks: test %d, nest depth %d\n", got, depth);

    double t0 = omp_get_wtime(), x = 0;
    for (int i = 0; i < 1000000; i++) x += a[i % N];
    double t1 = omp_get_wtime();
    printf("runtime: max threads %d, threads %d, thread %d, in parallel %d, procs>=1 %d, wtime %s, wtick %s, x %.1f\n",
           omp_get_max_threads(), omp_get_num_threads(), omp_get_thread_num(), omp_in_parallel(),
           omp_get_num_procs() >= 1, t1 >= t0 && t1 - t0 < 60 ? "ok" : "bad", omp_get_wtick() > 0 ? "ok" : "bad", x);
#ifdef _OPENMP
    printf("_OPENMP >= 4.0: %d\n", _OPENMP >= 201307);
#endif
    return 0;
}
