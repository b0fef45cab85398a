/* Memory that MPI hands the guest must lie in guest memory. MPI_Win_allocate
 * mallocs it here and has the host make an MPI_Win_create over it
 * (wasmrun_win_allocate); MPI_Win_free frees it once the host has freed the
 * window. MPI_Alloc_mem and MPI_Free_mem are malloc and free.
 *
 * Window attributes live in winattr.c, which is linked only into programs
 * that use them (or MPI_Win_create): the weak hooks below are null
 * otherwise. wasmrun_win_created records a new window's MPI_WIN_BASE,
 * MPI_WIN_SIZE ...; wasmrun_win_freeing runs the delete callbacks of its
 * attributes before the host frees it. */
#include <mpi.h>
#include <stdlib.h>

int wasmrun_win_allocate(void *base, MPI_Aint size, int disp_unit, MPI_Info info, MPI_Comm comm, MPI_Win *win)
    __attribute__((import_module("wasmrun_mpi"), import_name("wasmrun_win_allocate")));
int wasmrun_win_free(MPI_Win *win, void **base)
    __attribute__((import_module("wasmrun_mpi"), import_name("wasmrun_win_free")));
extern void wasmrun_win_created(MPI_Win win, void *base, MPI_Aint size, int disp_unit, int flavor) __attribute__((weak));
extern int wasmrun_win_freeing(MPI_Win win) __attribute__((weak));

int MPI_Win_allocate(MPI_Aint size, int disp_unit, MPI_Info info, MPI_Comm comm, void *baseptr, MPI_Win *win) {
    void *p = size > 0 ? malloc((size_t)size) : NULL;
    int rc = wasmrun_win_allocate(p, size, disp_unit, info, comm, win);
    if (rc != MPI_SUCCESS) {
        free(p);
        return rc;
    }
    *(void **)baseptr = p;
    if (wasmrun_win_created)
        wasmrun_win_created(*win, p, size, disp_unit, MPI_WIN_FLAVOR_ALLOCATE);
    return MPI_SUCCESS;
}

int MPI_Win_free(MPI_Win *win) {
    if (wasmrun_win_freeing && win != NULL && *win != MPI_WIN_NULL) {
        int rc = wasmrun_win_freeing(*win);
        if (rc != MPI_SUCCESS) return rc;
    }
    void *base = NULL;
    int rc = wasmrun_win_free(win, &base);
    free(base);
    return rc;
}

int MPI_Alloc_mem(MPI_Aint size, MPI_Info info, void *baseptr) {
    (void)info;
    void *p = malloc(size > 0 ? (size_t)size : 1);
    if (p == NULL) return MPI_ERR_NO_MEM;
    *(void **)baseptr = p;
    return MPI_SUCCESS;
}

int MPI_Free_mem(void *base) {
    free(base);
    return MPI_SUCCESS;
}

int PMPI_Win_allocate(MPI_Aint size, int disp_unit, MPI_Info info, MPI_Comm comm, void *baseptr, MPI_Win *win) {
    return MPI_Win_allocate(size, disp_unit, info, comm, baseptr, win);
}
int PMPI_Win_free(MPI_Win *win) { return MPI_Win_free(win); }
int PMPI_Alloc_mem(MPI_Aint size, MPI_Info info, void *baseptr) { return MPI_Alloc_mem(size, info, baseptr); }
int PMPI_Free_mem(void *base) { return MPI_Free_mem(base); }
