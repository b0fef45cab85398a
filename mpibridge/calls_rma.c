/* Host side of one-sided communication: see calls_ext.h. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls_ext.h"

/* Standard ABI values (include/mpi.h). */
enum {
    ABI_PROC_NULL = -3,
    ABI_LOCK_EXCLUSIVE = 301, ABI_LOCK_SHARED = 302,
    ABI_MODE_NOCHECK = 1024, ABI_MODE_NOPRECEDE = 2048, ABI_MODE_NOPUT = 4096,
    ABI_MODE_NOSTORE = 8192, ABI_MODE_NOSUCCEED = 16384,
};

#define WIN(h) ((MPI_Win)(h))
#define TYPE(h) ((MPI_Datatype)(h))
#define OP(h) ((MPI_Op)(h))
#define GROUP(h) ((MPI_Group)(h))
#define ADDR(p) ((void *)(p))

static inline int target_in(int r) { return r == ABI_PROC_NULL ? MPI_PROC_NULL : r; }

static int assert_in(int a) {
    int h = 0;
    if (a & ABI_MODE_NOCHECK) h |= MPI_MODE_NOCHECK;
    if (a & ABI_MODE_NOPRECEDE) h |= MPI_MODE_NOPRECEDE;
    if (a & ABI_MODE_NOPUT) h |= MPI_MODE_NOPUT;
    if (a & ABI_MODE_NOSTORE) h |= MPI_MODE_NOSTORE;
    if (a & ABI_MODE_NOSUCCEED) h |= MPI_MODE_NOSUCCEED;
    return h;
}

/* ---- Open MPI 4.x: one-process windows ---- */

#if defined(OPEN_MPI) && defined(OMPI_MAJOR_VERSION) && OMPI_MAJOR_VERSION < 5
/* The value of "osc" in an Open MPI parameter file, or NULL. */
static char *osc_param(const char *file, char *buf, size_t cap) {
    FILE *f = fopen(file, "r");
    char line[1024];
    char *found = NULL;
    if (f == NULL) return NULL;
    while (fgets(line, sizeof line, f) != NULL) {
        char *p = line, *eq, *end;
        char *hash = strchr(p, '#');
        if (hash != NULL) *hash = 0;
        while (*p == ' ' || *p == '\t') p++;
        eq = strchr(p, '=');
        if (eq == NULL) continue;
        end = eq;
        while (end > p && (end[-1] == ' ' || end[-1] == '\t')) end--;
        if (end - p != 3 || strncmp(p, "osc", 3) != 0) continue;
        p = eq + 1;
        while (*p == ' ' || *p == '\t') p++;
        end = p + strlen(p);
        while (end > p && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t')) end--;
        if ((size_t)(end - p) >= cap) continue;
        memcpy(buf, p, (size_t)(end - p));
        buf[end - p] = 0;
        found = buf; /* the last setting in a file wins */
    }
    fclose(f);
    return found;
}

void wr_rma_preinit(void) {
    char path[4096], value[512], out[512];
    const char *v = NULL, *home = getenv("HOME"), *dir;
    if (getenv("OMPI_MCA_osc") != NULL) return;
    if (home != NULL && snprintf(path, sizeof path, "%s/.openmpi/mca-params.conf", home) < (int)sizeof path)
        v = osc_param(path, value, sizeof value);
    if (v == NULL) {
        if ((dir = getenv("OPAL_SYSCONFDIR")) != NULL)
            snprintf(path, sizeof path, "%s/openmpi-mca-params.conf", dir);
        else if ((dir = getenv("OPAL_PREFIX")) != NULL)
            snprintf(path, sizeof path, "%s/etc/openmpi-mca-params.conf", dir);
        else
            snprintf(path, sizeof path, "/etc/openmpi/openmpi-mca-params.conf");
        v = osc_param(path, value, sizeof value);
    }
    if (v == NULL || v[0] != '^') return;
    /* an exclusion list: drop pt2pt from it */
    size_t n = 0;
    int dropped = 0;
    out[n++] = '^';
    for (char *tok = strtok(value + 1, ", \t"); tok != NULL; tok = strtok(NULL, ", \t")) {
        size_t l = strlen(tok);
        if (strcmp(tok, "pt2pt") == 0) {
            dropped = 1;
            continue;
        }
        if (n + l + 2 > sizeof out) return;
        if (n > 1) out[n++] = ',';
        memcpy(out + n, tok, l);
        n += l;
    }
    if (!dropped) return;
    out[n] = 0;
    setenv("OMPI_MCA_osc", n > 1 ? out : "", 0);
}
#else
void wr_rma_preinit(void) {}
#endif

/* ---- windows ---- */

int wr_win_create(uintptr_t base, int64_t size, int disp_unit, uintptr_t info, uintptr_t comm,
                  int64_t *layout, uintptr_t *win) {
    MPI_Win w = MPI_WIN_NULL;
    MPI_Comm c = (MPI_Comm)comm;
    int64_t mine[2] = {size, disp_unit};
    int rc = MPI_Win_create(ADDR(base), (MPI_Aint)size, disp_unit, (MPI_Info)info, c, &w);
    *win = (uintptr_t)w;
    if (rc != MPI_SUCCESS) return rc;
    MPI_Win_set_errhandler(w, MPI_ERRORS_RETURN);
    rc = MPI_Allgather(mine, 2, MPI_INT64_T, layout, 2, MPI_INT64_T, c);
    if (rc != MPI_SUCCESS) {
        MPI_Win_free(&w);
        *win = (uintptr_t)w;
    }
    return rc;
}

/* ---- dynamic windows ---- */

int wr_win_create_dynamic(uintptr_t info, uintptr_t comm, uintptr_t base, int64_t memsize,
                          int64_t *layout, uintptr_t *win, uintptr_t *bounds) {
    MPI_Win w = MPI_WIN_NULL, bw = MPI_WIN_NULL;
    MPI_Comm c = (MPI_Comm)comm;
    int64_t mine[2] = {(int64_t)base, memsize}, *cell = NULL;
    int rc = MPI_Win_create_dynamic((MPI_Info)info, c, &w);
    *win = (uintptr_t)w;
    *bounds = (uintptr_t)MPI_WIN_NULL;
    if (rc != MPI_SUCCESS) return rc;
    MPI_Win_set_errhandler(w, MPI_ERRORS_RETURN);
    rc = MPI_Allgather(mine, 2, MPI_INT64_T, layout, 2, MPI_INT64_T, c);
    if (rc == MPI_SUCCESS)
        rc = MPI_Win_allocate((MPI_Aint)sizeof(int64_t), (int)sizeof(int64_t), MPI_INFO_NULL, c, &cell, &bw);
    if (rc == MPI_SUCCESS) {
        MPI_Win_set_errhandler(bw, MPI_ERRORS_RETURN);
        *cell = memsize;
        rc = MPI_Win_lock_all(MPI_MODE_NOCHECK, bw);
        if (rc == MPI_SUCCESS) {
            MPI_Win_sync(bw);
            rc = MPI_Barrier(c);
            if (rc != MPI_SUCCESS) MPI_Win_unlock_all(bw);
        }
        if (rc != MPI_SUCCESS) MPI_Win_free(&bw);
    }
    if (rc != MPI_SUCCESS) {
        MPI_Win_free(&w);
        *win = (uintptr_t)w;
        return rc;
    }
    *bounds = (uintptr_t)bw;
    return MPI_SUCCESS;
}

int wr_win_attach(uintptr_t win, uintptr_t bounds, int rank, uintptr_t addr, int64_t size, int64_t memsize) {
    int rc = MPI_Win_attach(WIN(win), ADDR(addr), (MPI_Aint)size);
    if (rc != MPI_SUCCESS) return rc;
    rc = MPI_Accumulate(&memsize, 1, MPI_INT64_T, rank, 0, 1, MPI_INT64_T, MPI_MAX, WIN(bounds));
    if (rc == MPI_SUCCESS) rc = MPI_Win_flush(rank, WIN(bounds));
    return rc;
}

int wr_win_detach(uintptr_t win, uintptr_t addr) { return MPI_Win_detach(WIN(win), ADDR(addr)); }

int wr_win_bound(uintptr_t bounds, int rank, int64_t *memsize) {
    int64_t v = 0, unused = 0;
    int rc = MPI_Fetch_and_op(&unused, &v, MPI_INT64_T, rank, 0, MPI_NO_OP, WIN(bounds));
    if (rc == MPI_SUCCESS) rc = MPI_Win_flush(rank, WIN(bounds));
    if (rc == MPI_SUCCESS) *memsize = v;
    return rc;
}

int wr_win_free_dynamic(uintptr_t *win, uintptr_t *bounds) {
    MPI_Win w = WIN(*win), bw = WIN(*bounds);
    int rc = MPI_Win_free(&w);
    *win = (uintptr_t)w;
    if (rc != MPI_SUCCESS) return rc;
    MPI_Win_unlock_all(bw);
    rc = MPI_Win_free(&bw);
    *bounds = (uintptr_t)bw;
    return rc;
}

int wr_win_free(uintptr_t *win) {
    MPI_Win w = WIN(*win);
    int rc = MPI_Win_free(&w);
    *win = (uintptr_t)w;
    return rc;
}

int wr_win_get_group(uintptr_t win, uintptr_t *group) {
    MPI_Group g = MPI_GROUP_NULL;
    int rc = MPI_Win_get_group(WIN(win), &g);
    *group = (uintptr_t)g;
    return rc;
}

int wr_win_set_name(uintptr_t win, const char *name) { return MPI_Win_set_name(WIN(win), name); }

int wr_win_get_name(uintptr_t win, char *out, int cap, int *len) {
    char name[MPI_MAX_OBJECT_NAME + 1];
    int n = 0, rc = MPI_Win_get_name(WIN(win), name, &n);
    if (rc != MPI_SUCCESS) return rc;
    name[n < MPI_MAX_OBJECT_NAME ? n : MPI_MAX_OBJECT_NAME] = 0;
    n = (int)strlen(name);
    if (n > cap - 1) n = cap - 1;
    if (n < 0) n = 0;
    memcpy(out, name, (size_t)n);
    if (cap > 0) out[n] = 0;
    *len = n;
    return MPI_SUCCESS;
}

/* ---- communication ---- */

int wr_put(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
           uintptr_t ttype, uintptr_t win) {
    return MPI_Put(ADDR(origin), ocount, TYPE(otype), target_in(target), (MPI_Aint)disp, tcount,
                   TYPE(ttype), WIN(win));
}

int wr_get(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
           uintptr_t ttype, uintptr_t win) {
    return MPI_Get(ADDR(origin), ocount, TYPE(otype), target_in(target), (MPI_Aint)disp, tcount,
                   TYPE(ttype), WIN(win));
}

int wr_accumulate(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
                  uintptr_t ttype, uintptr_t op, uintptr_t win) {
    return MPI_Accumulate(ADDR(origin), ocount, TYPE(otype), target_in(target), (MPI_Aint)disp, tcount,
                          TYPE(ttype), OP(op), WIN(win));
}

int wr_get_accumulate(uintptr_t origin, int ocount, uintptr_t otype, uintptr_t result, int rcount,
                      uintptr_t rtype, int target, int64_t disp, int tcount, uintptr_t ttype,
                      uintptr_t op, uintptr_t win) {
    return MPI_Get_accumulate(ADDR(origin), ocount, TYPE(otype), ADDR(result), rcount, TYPE(rtype),
                              target_in(target), (MPI_Aint)disp, tcount, TYPE(ttype), OP(op), WIN(win));
}

int wr_fetch_and_op(uintptr_t origin, uintptr_t result, uintptr_t type, int target, int64_t disp,
                    uintptr_t op, uintptr_t win) {
    return MPI_Fetch_and_op(ADDR(origin), ADDR(result), TYPE(type), target_in(target), (MPI_Aint)disp,
                            OP(op), WIN(win));
}

int wr_compare_and_swap(uintptr_t origin, uintptr_t compare, uintptr_t result, uintptr_t type,
                        int target, int64_t disp, uintptr_t win) {
    return MPI_Compare_and_swap(ADDR(origin), ADDR(compare), ADDR(result), TYPE(type), target_in(target),
                                (MPI_Aint)disp, WIN(win));
}

int wr_rput(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
            uintptr_t ttype, uintptr_t win, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Rput(ADDR(origin), ocount, TYPE(otype), target_in(target), (MPI_Aint)disp, tcount,
                      TYPE(ttype), WIN(win), &r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_rget(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
            uintptr_t ttype, uintptr_t win, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Rget(ADDR(origin), ocount, TYPE(otype), target_in(target), (MPI_Aint)disp, tcount,
                      TYPE(ttype), WIN(win), &r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_raccumulate(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
                   uintptr_t ttype, uintptr_t op, uintptr_t win, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Raccumulate(ADDR(origin), ocount, TYPE(otype), target_in(target), (MPI_Aint)disp, tcount,
                             TYPE(ttype), OP(op), WIN(win), &r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_rget_accumulate(uintptr_t origin, int ocount, uintptr_t otype, uintptr_t result, int rcount,
                       uintptr_t rtype, int target, int64_t disp, int tcount, uintptr_t ttype,
                       uintptr_t op, uintptr_t win, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Rget_accumulate(ADDR(origin), ocount, TYPE(otype), ADDR(result), rcount, TYPE(rtype),
                                 target_in(target), (MPI_Aint)disp, tcount, TYPE(ttype), OP(op), WIN(win), &r);
    *req = (uintptr_t)r;
    return rc;
}

/* ---- synchronization ---- */

int wr_win_fence(int abi_assert, uintptr_t win) { return MPI_Win_fence(assert_in(abi_assert), WIN(win)); }

int wr_win_lock(int abi_lock, int rank, int abi_assert, uintptr_t win) {
    int type;
    if (abi_lock == ABI_LOCK_EXCLUSIVE) type = MPI_LOCK_EXCLUSIVE;
    else if (abi_lock == ABI_LOCK_SHARED) type = MPI_LOCK_SHARED;
    else return MPI_ERR_LOCKTYPE;
    return MPI_Win_lock(type, target_in(rank), assert_in(abi_assert), WIN(win));
}

int wr_win_lock_all(int abi_assert, uintptr_t win) { return MPI_Win_lock_all(assert_in(abi_assert), WIN(win)); }

int wr_win_sync(int what, int rank, uintptr_t win) {
    MPI_Win w = WIN(win);
    switch (what) {
    case WR_SYNC_UNLOCK_ALL: return MPI_Win_unlock_all(w);
    case WR_SYNC_FLUSH: return MPI_Win_flush(target_in(rank), w);
    case WR_SYNC_FLUSH_ALL: return MPI_Win_flush_all(w);
    case WR_SYNC_FLUSH_LOCAL: return MPI_Win_flush_local(target_in(rank), w);
    case WR_SYNC_FLUSH_LOCAL_ALL: return MPI_Win_flush_local_all(w);
    case WR_SYNC_SYNC: return MPI_Win_sync(w);
    case WR_SYNC_COMPLETE: return MPI_Win_complete(w);
    case WR_SYNC_WAIT: return MPI_Win_wait(w);
    case WR_SYNC_UNLOCK: return MPI_Win_unlock(target_in(rank), w);
    }
    return MPI_ERR_INTERN;
}

int wr_win_start(uintptr_t group, int abi_assert, uintptr_t win) {
    return MPI_Win_start(GROUP(group), assert_in(abi_assert), WIN(win));
}

int wr_win_post(uintptr_t group, int abi_assert, uintptr_t win) {
    return MPI_Win_post(GROUP(group), assert_in(abi_assert), WIN(win));
}

int wr_win_test(uintptr_t win, int *flag) { return MPI_Win_test(WIN(win), flag); }
