/* Host side of one-sided communication: see calls_ext.h. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "calls_ext.h"
#include "conv.h"

/* Standard ABI values (include/mpi.h). */
enum {
    ABI_LOCK_EXCLUSIVE = 301, ABI_LOCK_SHARED = 302,
    ABI_MODE_NOCHECK = 1024, ABI_MODE_NOPRECEDE = 2048, ABI_MODE_NOPUT = 4096,
    ABI_MODE_NOSTORE = 8192, ABI_MODE_NOSUCCEED = 16384,
};

#define WIN(h) ((MPI_Win)(h))
#define ADDR(p) ((void *)(p))


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

/* ---- shared-memory windows ----
 * MPI_Win_allocate_shared places one segment of POSIX shared memory in
 * every rank's linear memory at the same guest offset, so a guest pointer
 * into it means the same bytes in every rank. The bridge asks for the
 * layout (wr_win_shared_layout), grows each guest memory to the agreed
 * offset plus the segment, and has the segment mapped over those pages
 * (wr_win_shared_map); the window itself is an MPI_Win_create over each
 * rank's part, so one-sided calls work on it as on any other. */

/* wr_win_shared_layout checks that every rank of comm shares this node and
 * gathers what the segment needs: sizes (one int64 per rank of comm, the
 * bytes each asks for) and *offset, the largest memsize (guest memory in
 * bytes) of any rank, where the segment will start. *shared says whether
 * the ranks share a node; the same on every rank. */
int wr_win_shared_layout(uintptr_t comm, int64_t size, int64_t memsize, int64_t *sizes, int64_t *offset,
                         int *shared) {
    MPI_Comm c = (MPI_Comm)comm, node = MPI_COMM_NULL;
    int n = 0, nn = 0, ok;
    int rc = MPI_Comm_size(c, &n);
    if (rc == MPI_SUCCESS) rc = MPI_Comm_split_type(c, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node);
    if (rc != MPI_SUCCESS) return rc;
    MPI_Comm_size(node, &nn);
    MPI_Comm_free(&node);
    ok = nn == n;
    rc = MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_MIN, c);
    if (rc == MPI_SUCCESS) rc = MPI_Allgather(&size, 1, MPI_INT64_T, sizes, 1, MPI_INT64_T, c);
    if (rc == MPI_SUCCESS) rc = MPI_Allreduce(&memsize, offset, 1, MPI_INT64_T, MPI_MAX, c);
    *shared = ok;
    return rc;
}

/* wr_win_shared_map maps a fresh shared segment of length bytes at host
 * address addr in every rank of comm, where grown says this rank's guest
 * memory now covers it. Rank 0 creates the segment in /dev/shm under a
 * unique name, the others open it, and it is unlinked once all have it.
 * *mapped is 1 when every rank mapped it, the same on every rank; when
 * not, no rank keeps it and *why is the errno of the first failure. */
int wr_win_shared_map(uintptr_t comm, int grown, uintptr_t addr, int64_t length, int *mapped, int *why) {
    MPI_Comm c = (MPI_Comm)comm;
    int rank = 0, fd = -1, err = 0, ok;
    char name[64] = {0};
    static unsigned serial;
    *mapped = 0;
    *why = 0;
    MPI_Comm_rank(c, &rank);
    if (rank == 0) {
        snprintf(name, sizeof name, "/wasmrun-%ld-%u", (long)getpid(), serial++);
        fd = grown ? shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600) : -1;
        if (grown && fd < 0) err = errno;
        else if (fd >= 0 && ftruncate(fd, (off_t)length) != 0) err = errno;
        if (!grown) err = ENOMEM;
        if (err != 0) name[0] = '\0';
    }
    int rc = MPI_Bcast(name, sizeof name, MPI_CHAR, 0, c);
    if (rc != MPI_SUCCESS) goto out;
    if (rank != 0 && name[0] != '\0' && grown) {
        fd = shm_open(name, O_RDWR, 0600);
        if (fd < 0) err = errno;
    }
    if (rank != 0 && !grown) err = ENOMEM;
    if (fd >= 0 && err == 0 &&
        mmap((void *)addr, (size_t)length, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0) == MAP_FAILED)
        err = errno;
    ok = err == 0 && name[0] != '\0';
    rc = MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_MIN, c);
    if (rc == MPI_SUCCESS) rc = MPI_Barrier(c); /* every rank has opened it */
    if (rank == 0 && name[0] != '\0') shm_unlink(name);
    if (rc == MPI_SUCCESS && !ok && fd >= 0 && err == 0) wr_win_shared_unmap(addr, length);
    *mapped = rc == MPI_SUCCESS && ok;
    *why = err != 0 ? err : ok ? 0 : EAGAIN;
out:
    if (fd >= 0) close(fd);
    return rc;
}

/* wr_win_shared_unmap puts private zeroed pages back where a segment was:
 * the guest's memory keeps its size, and the pages are its own again. */
int wr_win_shared_unmap(uintptr_t addr, int64_t length) {
    void *p = mmap((void *)addr, (size_t)length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    return p == MAP_FAILED ? errno : 0;
}

int wr_win_set_info(uintptr_t win, uintptr_t info) { return MPI_Win_set_info(WIN(win), (MPI_Info)info); }

int wr_win_get_info(uintptr_t win, uintptr_t *out) {
    MPI_Info i = MPI_INFO_NULL;
    int rc = MPI_Win_get_info(WIN(win), &i);
    *out = (uintptr_t)i;
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
    return MPI_Put(ADDR(origin), ocount, TYPE(otype), rank_in(target), (MPI_Aint)disp, tcount,
                   TYPE(ttype), WIN(win));
}

int wr_get(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
           uintptr_t ttype, uintptr_t win) {
    return MPI_Get(ADDR(origin), ocount, TYPE(otype), rank_in(target), (MPI_Aint)disp, tcount,
                   TYPE(ttype), WIN(win));
}

int wr_accumulate(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
                  uintptr_t ttype, uintptr_t op, uintptr_t win) {
    return MPI_Accumulate(ADDR(origin), ocount, TYPE(otype), rank_in(target), (MPI_Aint)disp, tcount,
                          TYPE(ttype), OP(op), WIN(win));
}

int wr_get_accumulate(uintptr_t origin, int ocount, uintptr_t otype, uintptr_t result, int rcount,
                      uintptr_t rtype, int target, int64_t disp, int tcount, uintptr_t ttype,
                      uintptr_t op, uintptr_t win) {
    return MPI_Get_accumulate(ADDR(origin), ocount, TYPE(otype), ADDR(result), rcount, TYPE(rtype),
                              rank_in(target), (MPI_Aint)disp, tcount, TYPE(ttype), OP(op), WIN(win));
}

int wr_fetch_and_op(uintptr_t origin, uintptr_t result, uintptr_t type, int target, int64_t disp,
                    uintptr_t op, uintptr_t win) {
    return MPI_Fetch_and_op(ADDR(origin), ADDR(result), TYPE(type), rank_in(target), (MPI_Aint)disp,
                            OP(op), WIN(win));
}

int wr_compare_and_swap(uintptr_t origin, uintptr_t compare, uintptr_t result, uintptr_t type,
                        int target, int64_t disp, uintptr_t win) {
    return MPI_Compare_and_swap(ADDR(origin), ADDR(compare), ADDR(result), TYPE(type), rank_in(target),
                                (MPI_Aint)disp, WIN(win));
}

int wr_rput(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
            uintptr_t ttype, uintptr_t win, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Rput(ADDR(origin), ocount, TYPE(otype), rank_in(target), (MPI_Aint)disp, tcount,
                      TYPE(ttype), WIN(win), &r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_rget(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
            uintptr_t ttype, uintptr_t win, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Rget(ADDR(origin), ocount, TYPE(otype), rank_in(target), (MPI_Aint)disp, tcount,
                      TYPE(ttype), WIN(win), &r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_raccumulate(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
                   uintptr_t ttype, uintptr_t op, uintptr_t win, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Raccumulate(ADDR(origin), ocount, TYPE(otype), rank_in(target), (MPI_Aint)disp, tcount,
                             TYPE(ttype), OP(op), WIN(win), &r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_rget_accumulate(uintptr_t origin, int ocount, uintptr_t otype, uintptr_t result, int rcount,
                       uintptr_t rtype, int target, int64_t disp, int tcount, uintptr_t ttype,
                       uintptr_t op, uintptr_t win, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Rget_accumulate(ADDR(origin), ocount, TYPE(otype), ADDR(result), rcount, TYPE(rtype),
                                 rank_in(target), (MPI_Aint)disp, tcount, TYPE(ttype), OP(op), WIN(win), &r);
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
    return MPI_Win_lock(type, rank_in(rank), assert_in(abi_assert), WIN(win));
}

int wr_win_lock_all(int abi_assert, uintptr_t win) { return MPI_Win_lock_all(assert_in(abi_assert), WIN(win)); }

int wr_win_sync(int what, int rank, uintptr_t win) {
    MPI_Win w = WIN(win);
    switch (what) {
    case WR_SYNC_UNLOCK_ALL: return MPI_Win_unlock_all(w);
    case WR_SYNC_FLUSH: return MPI_Win_flush(rank_in(rank), w);
    case WR_SYNC_FLUSH_ALL: return MPI_Win_flush_all(w);
    case WR_SYNC_FLUSH_LOCAL: return MPI_Win_flush_local(rank_in(rank), w);
    case WR_SYNC_FLUSH_LOCAL_ALL: return MPI_Win_flush_local_all(w);
    case WR_SYNC_SYNC: return MPI_Win_sync(w);
    case WR_SYNC_COMPLETE: return MPI_Win_complete(w);
    case WR_SYNC_WAIT: return MPI_Win_wait(w);
    case WR_SYNC_UNLOCK: return MPI_Win_unlock(rank_in(rank), w);
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
