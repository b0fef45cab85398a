/* The OpenMP runtime API for a team of one thread (see omp.h). Linked only
 * into modules that call it. */
#include <omp.h>
#include <stdlib.h>
#include <time.h>

static int max_active_levels = 1;
static int dynamic;
static int nested;
static omp_sched_t sched_kind = omp_sched_static;
static int sched_chunk;
static int default_device;
static omp_allocator_handle_t default_allocator = omp_default_mem_alloc;

void omp_set_num_threads(int num_threads) { (void)num_threads; }
int omp_get_num_threads(void) { return 1; }
int omp_get_max_threads(void) { return 1; }
int omp_get_thread_num(void) { return 0; }
int omp_get_num_procs(void) { return 1; }
/* A region executed by a team of one is not an active parallel region. */
int omp_in_parallel(void) { return 0; }
void omp_set_dynamic(int dynamic_threads) { dynamic = dynamic_threads != 0; }
int omp_get_dynamic(void) { return dynamic; }
int omp_get_cancellation(void) { return 0; }
void omp_set_nested(int n) { nested = n != 0; }
int omp_get_nested(void) { return nested; }
void omp_set_schedule(omp_sched_t kind, int chunk_size) {
    sched_kind = kind;
    sched_chunk = chunk_size;
}
void omp_get_schedule(omp_sched_t *kind, int *chunk_size) {
    if (kind) *kind = sched_kind;
    if (chunk_size) *chunk_size = sched_chunk;
}
int omp_get_thread_limit(void) { return 1; }
int omp_get_supported_active_levels(void) { return 1; }
void omp_set_max_active_levels(int max_levels) {
    if (max_levels >= 0) max_active_levels = max_levels > 1 ? 1 : max_levels;
}
int omp_get_max_active_levels(void) { return max_active_levels; }
int omp_get_level(void) { return 0; }
int omp_get_ancestor_thread_num(int level) { return level == 0 ? 0 : -1; }
int omp_get_team_size(int level) { return level == 0 ? 1 : -1; }
int omp_get_active_level(void) { return 0; }
int omp_in_final(void) { return 0; }
omp_proc_bind_t omp_get_proc_bind(void) { return omp_proc_bind_false; }
int omp_get_num_places(void) { return 0; }
int omp_get_place_num_procs(int place_num) { (void)place_num; return 0; }
void omp_get_place_proc_ids(int place_num, int *ids) { (void)place_num; (void)ids; }
int omp_get_place_num(void) { return -1; }
int omp_get_partition_num_places(void) { return 0; }
void omp_get_partition_place_nums(int *place_nums) { (void)place_nums; }
int omp_get_max_task_priority(void) { return 0; }
int omp_pause_resource(omp_pause_resource_t kind, int device_num) { (void)kind; (void)device_num; return 0; }
int omp_pause_resource_all(omp_pause_resource_t kind) { (void)kind; return 0; }

void omp_set_default_device(int device_num) { default_device = device_num; }
int omp_get_default_device(void) { return default_device; }
int omp_get_num_devices(void) { return 0; }
int omp_get_device_num(void) { return 0; }
int omp_get_num_teams(void) { return 1; }
int omp_get_team_num(void) { return 0; }
int omp_is_initial_device(void) { return 1; }
int omp_get_initial_device(void) { return 0; }

void omp_init_lock(omp_lock_t *lock) { lock->count = 0; }
void omp_init_lock_with_hint(omp_lock_t *lock, omp_sync_hint_t hint) { (void)hint; lock->count = 0; }
void omp_destroy_lock(omp_lock_t *lock) { lock->count = 0; }
void omp_set_lock(omp_lock_t *lock) { lock->count = 1; }
void omp_unset_lock(omp_lock_t *lock) { lock->count = 0; }
int omp_test_lock(omp_lock_t *lock) {
    if (lock->count) return 0;
    lock->count = 1;
    return 1;
}
void omp_init_nest_lock(omp_nest_lock_t *lock) { lock->count = 0; }
void omp_init_nest_lock_with_hint(omp_nest_lock_t *lock, omp_sync_hint_t hint) { (void)hint; lock->count = 0; }
void omp_destroy_nest_lock(omp_nest_lock_t *lock) { lock->count = 0; }
void omp_set_nest_lock(omp_nest_lock_t *lock) { lock->count++; }
void omp_unset_nest_lock(omp_nest_lock_t *lock) {
    if (lock->count > 0) lock->count--;
}
int omp_test_nest_lock(omp_nest_lock_t *lock) { return ++lock->count; }

double omp_get_wtime(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}
double omp_get_wtick(void) {
    struct timespec ts;
    if (clock_getres(CLOCK_MONOTONIC, &ts) != 0 || (ts.tv_sec == 0 && ts.tv_nsec == 0)) return 1e-9;
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

omp_allocator_handle_t omp_get_default_allocator(void) { return default_allocator; }
void omp_set_default_allocator(omp_allocator_handle_t allocator) { default_allocator = allocator; }
void *omp_alloc(size_t size, omp_allocator_handle_t allocator) { (void)allocator; return malloc(size); }
void *omp_aligned_alloc(size_t alignment, size_t size, omp_allocator_handle_t allocator) {
    (void)allocator;
    if (alignment < sizeof(void *)) alignment = sizeof(void *);
    return aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
}
void *omp_calloc(size_t nmemb, size_t size, omp_allocator_handle_t allocator) { (void)allocator; return calloc(nmemb, size); }
void *omp_realloc(void *ptr, size_t size, omp_allocator_handle_t allocator, omp_allocator_handle_t free_allocator) {
    (void)allocator;
    (void)free_allocator;
    return realloc(ptr, size);
}
void omp_free(void *ptr, omp_allocator_handle_t allocator) { (void)allocator; free(ptr); }

void omp_set_affinity_format(const char *format) { (void)format; }
size_t omp_get_affinity_format(char *buffer, size_t size) {
    if (buffer && size) buffer[0] = 0;
    return 0;
}
void omp_display_affinity(const char *format) { (void)format; }
size_t omp_capture_affinity(char *buffer, size_t size, const char *format) {
    (void)format;
    if (buffer && size) buffer[0] = 0;
    return 0;
}
