/* Generated from mpi.h by _gen/bigcount.py: do not edit; see
 * bigcount_util.c for how large counts are handled.
 *
 * One-sided large-count communication functions. */
#include <mpi.h>
#include <stdint.h>
#include <stdlib.h>

int wasmrun_fits(MPI_Count);
MPI_Count wasmrun_count_limit(void);
int wasmrun_carry(MPI_Count, MPI_Datatype, int *, MPI_Datatype *);
void wasmrun_uncarry(MPI_Datatype, MPI_Datatype);
MPI_Count wasmrun_extent(MPI_Datatype);
int wasmrun_ints(const MPI_Count *, int, int **);
int wasmrun_aints(const MPI_Aint *, int, int **);
int wasmrun_byte_ints(const MPI_Aint *, int, int **);
int *wasmrun_keep(int *, int);
int wasmrun_peers(MPI_Comm);
int wasmrun_local_size(MPI_Comm);
int wasmrun_is_root(MPI_Comm, int);
void wasmrun_neighbors(MPI_Comm, int *, int *);
int wasmrun_comm_raise(MPI_Comm, const char *, int, const char *);
int wasmrun_win_raise(MPI_Win, const char *, int, const char *);
int wasmrun_file_raise(MPI_File, const char *, int, const char *);

#define WEAK_ALIAS(name) __attribute__((weak, alias("PMPI_" #name)))

int PMPI_Put_c(const void *origin_addr, MPI_Count origin_count, MPI_Datatype origin_datatype, int target_rank, MPI_Aint target_disp, MPI_Count target_count, MPI_Datatype target_datatype, MPI_Win win)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = origin_datatype;
    int n1 = 0;
    MPI_Datatype t1 = target_datatype;
    if ((rc = wasmrun_carry(origin_count, origin_datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_win_raise(win, "MPI_Put_c", rc, "origin_count does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(target_count, target_datatype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        return wasmrun_win_raise(win, "MPI_Put_c", rc, "target_count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Put(origin_addr, n0, t0, target_rank, target_disp, n1, t1, win);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        wasmrun_uncarry(t1, target_datatype);
    }
    return rc;
}
int MPI_Put_c(const void *, MPI_Count, MPI_Datatype, int, MPI_Aint, MPI_Count, MPI_Datatype, MPI_Win) WEAK_ALIAS(Put_c);

int PMPI_Get_c(void *origin_addr, MPI_Count origin_count, MPI_Datatype origin_datatype, int target_rank, MPI_Aint target_disp, MPI_Count target_count, MPI_Datatype target_datatype, MPI_Win win)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = origin_datatype;
    int n1 = 0;
    MPI_Datatype t1 = target_datatype;
    if ((rc = wasmrun_carry(origin_count, origin_datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_win_raise(win, "MPI_Get_c", rc, "origin_count does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(target_count, target_datatype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        return wasmrun_win_raise(win, "MPI_Get_c", rc, "target_count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Get(origin_addr, n0, t0, target_rank, target_disp, n1, t1, win);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        wasmrun_uncarry(t1, target_datatype);
    }
    return rc;
}
int MPI_Get_c(void *, MPI_Count, MPI_Datatype, int, MPI_Aint, MPI_Count, MPI_Datatype, MPI_Win) WEAK_ALIAS(Get_c);

int PMPI_Accumulate_c(const void *origin_addr, MPI_Count origin_count, MPI_Datatype origin_datatype, int target_rank, MPI_Aint target_disp, MPI_Count target_count, MPI_Datatype target_datatype, MPI_Op op, MPI_Win win)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = origin_datatype;
    int n1 = 0;
    MPI_Datatype t1 = target_datatype;
    if ((rc = wasmrun_carry(origin_count, origin_datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_win_raise(win, "MPI_Accumulate_c", rc, "origin_count does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(target_count, target_datatype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        return wasmrun_win_raise(win, "MPI_Accumulate_c", rc, "target_count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Accumulate(origin_addr, n0, t0, target_rank, target_disp, n1, t1, op, win);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        wasmrun_uncarry(t1, target_datatype);
    }
    return rc;
}
int MPI_Accumulate_c(const void *, MPI_Count, MPI_Datatype, int, MPI_Aint, MPI_Count, MPI_Datatype, MPI_Op, MPI_Win) WEAK_ALIAS(Accumulate_c);

int PMPI_Get_accumulate_c(const void *origin_addr, MPI_Count origin_count, MPI_Datatype origin_datatype, void *result_addr, MPI_Count result_count, MPI_Datatype result_datatype, int target_rank, MPI_Aint target_disp, MPI_Count target_count, MPI_Datatype target_datatype, MPI_Op op, MPI_Win win)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = origin_datatype;
    int n1 = 0;
    MPI_Datatype t1 = result_datatype;
    int n2 = 0;
    MPI_Datatype t2 = target_datatype;
    if ((rc = wasmrun_carry(origin_count, origin_datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_win_raise(win, "MPI_Get_accumulate_c", rc, "origin_count does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(result_count, result_datatype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        return wasmrun_win_raise(win, "MPI_Get_accumulate_c", rc, "result_count does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(target_count, target_datatype, &n2, &t2)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        wasmrun_uncarry(t1, result_datatype);
        return wasmrun_win_raise(win, "MPI_Get_accumulate_c", rc, "target_count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Get_accumulate(origin_addr, n0, t0, result_addr, n1, t1, target_rank, target_disp, n2, t2, op, win);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        wasmrun_uncarry(t1, result_datatype);
        wasmrun_uncarry(t2, target_datatype);
    }
    return rc;
}
int MPI_Get_accumulate_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, int, MPI_Aint, MPI_Count, MPI_Datatype, MPI_Op, MPI_Win) WEAK_ALIAS(Get_accumulate_c);

int PMPI_Rput_c(const void *origin_addr, MPI_Count origin_count, MPI_Datatype origin_datatype, int target_rank, MPI_Aint target_disp, MPI_Count target_count, MPI_Datatype target_datatype, MPI_Win win, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = origin_datatype;
    int n1 = 0;
    MPI_Datatype t1 = target_datatype;
    if ((rc = wasmrun_carry(origin_count, origin_datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_win_raise(win, "MPI_Rput_c", rc, "origin_count does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(target_count, target_datatype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        return wasmrun_win_raise(win, "MPI_Rput_c", rc, "target_count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Rput(origin_addr, n0, t0, target_rank, target_disp, n1, t1, win, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        wasmrun_uncarry(t1, target_datatype);
    }
    return rc;
}
int MPI_Rput_c(const void *, MPI_Count, MPI_Datatype, int, MPI_Aint, MPI_Count, MPI_Datatype, MPI_Win, MPI_Request *) WEAK_ALIAS(Rput_c);

int PMPI_Rget_c(void *origin_addr, MPI_Count origin_count, MPI_Datatype origin_datatype, int target_rank, MPI_Aint target_disp, MPI_Count target_count, MPI_Datatype target_datatype, MPI_Win win, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = origin_datatype;
    int n1 = 0;
    MPI_Datatype t1 = target_datatype;
    if ((rc = wasmrun_carry(origin_count, origin_datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_win_raise(win, "MPI_Rget_c", rc, "origin_count does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(target_count, target_datatype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        return wasmrun_win_raise(win, "MPI_Rget_c", rc, "target_count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Rget(origin_addr, n0, t0, target_rank, target_disp, n1, t1, win, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        wasmrun_uncarry(t1, target_datatype);
    }
    return rc;
}
int MPI_Rget_c(void *, MPI_Count, MPI_Datatype, int, MPI_Aint, MPI_Count, MPI_Datatype, MPI_Win, MPI_Request *) WEAK_ALIAS(Rget_c);

int PMPI_Raccumulate_c(const void *origin_addr, MPI_Count origin_count, MPI_Datatype origin_datatype, int target_rank, MPI_Aint target_disp, MPI_Count target_count, MPI_Datatype target_datatype, MPI_Op op, MPI_Win win, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = origin_datatype;
    int n1 = 0;
    MPI_Datatype t1 = target_datatype;
    if ((rc = wasmrun_carry(origin_count, origin_datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_win_raise(win, "MPI_Raccumulate_c", rc, "origin_count does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(target_count, target_datatype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        return wasmrun_win_raise(win, "MPI_Raccumulate_c", rc, "target_count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Raccumulate(origin_addr, n0, t0, target_rank, target_disp, n1, t1, op, win, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        wasmrun_uncarry(t1, target_datatype);
    }
    return rc;
}
int MPI_Raccumulate_c(const void *, MPI_Count, MPI_Datatype, int, MPI_Aint, MPI_Count, MPI_Datatype, MPI_Op, MPI_Win, MPI_Request *) WEAK_ALIAS(Raccumulate_c);

int PMPI_Rget_accumulate_c(const void *origin_addr, MPI_Count origin_count, MPI_Datatype origin_datatype, void *result_addr, MPI_Count result_count, MPI_Datatype result_datatype, int target_rank, MPI_Aint target_disp, MPI_Count target_count, MPI_Datatype target_datatype, MPI_Op op, MPI_Win win, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = origin_datatype;
    int n1 = 0;
    MPI_Datatype t1 = result_datatype;
    int n2 = 0;
    MPI_Datatype t2 = target_datatype;
    if ((rc = wasmrun_carry(origin_count, origin_datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_win_raise(win, "MPI_Rget_accumulate_c", rc, "origin_count does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(result_count, result_datatype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        return wasmrun_win_raise(win, "MPI_Rget_accumulate_c", rc, "result_count does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(target_count, target_datatype, &n2, &t2)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        wasmrun_uncarry(t1, result_datatype);
        return wasmrun_win_raise(win, "MPI_Rget_accumulate_c", rc, "target_count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Rget_accumulate(origin_addr, n0, t0, result_addr, n1, t1, target_rank, target_disp, n2, t2, op, win, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, origin_datatype);
        wasmrun_uncarry(t1, result_datatype);
        wasmrun_uncarry(t2, target_datatype);
    }
    return rc;
}
int MPI_Rget_accumulate_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, int, MPI_Aint, MPI_Count, MPI_Datatype, MPI_Op, MPI_Win, MPI_Request *) WEAK_ALIAS(Rget_accumulate_c);
