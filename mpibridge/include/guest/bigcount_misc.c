/* Large-count (_c) forms of the buffer, operator, window and file-extent
 * functions, on top of the int forms:
 *
 * - MPI_Buffer_attach_c fails with MPI_ERR_COUNT for a buffer larger than
 *   an int can say (attaching less would shrink it silently);
 * - MPI_Op_create_c registers the operator with the bridge like
 *   MPI_Op_create, with a caller that hands the guest's function an
 *   MPI_Count length;
 * - the window functions take an MPI_Aint displacement unit, which must
 *   fit in an int (else MPI_ERR_DISP). */
#include <limits.h>
#include <mpi.h>
#include <stdlib.h>

int wasmrun_fits(MPI_Count);
int wasmrun_comm_raise(MPI_Comm, const char *, int, const char *);
int wasmrun_win_raise(MPI_Win, const char *, int, const char *);

#define WEAK_ALIAS(name) __attribute__((weak, alias("PMPI_" #name)))

int PMPI_Buffer_attach_c(void *buffer, MPI_Count size)
{
    if (!wasmrun_fits(size))
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Buffer_attach_c", MPI_ERR_COUNT, "the buffer is larger than an int can say");
    return PMPI_Buffer_attach(buffer, (int)size);
}
int MPI_Buffer_attach_c(void *, MPI_Count) WEAK_ALIAS(Buffer_attach_c);

int PMPI_Buffer_detach_c(void *buffer_addr, MPI_Count *size)
{
    int n = 0;
    int rc = PMPI_Buffer_detach(buffer_addr, &n);
    if (rc == MPI_SUCCESS)
        *size = n;
    return rc;
}
int MPI_Buffer_detach_c(void *, MPI_Count *) WEAK_ALIAS(Buffer_detach_c);

/* The bridge calls an operator through call_op(fn, in, inout, len, type)
 * and asks scratch(n) for guest memory to copy host operands into; op.c
 * does the same for MPI_Op_create. */
typedef void call_op_t(MPI_User_function *, void *, void *, int *, MPI_Datatype *);
typedef void *scratch_t(unsigned long);
int wasmrun_op_create(MPI_User_function *fn, int commute, MPI_Op *op, call_op_t *call, scratch_t *scratch)
    __attribute__((import_module("wasmrun_mpi"), import_name("MPI_Op_create")));

static void call_op_c(MPI_User_function *fn, void *in, void *inout, int *len, MPI_Datatype *type)
{
    MPI_Count n = *len;
    ((MPI_User_function_c *)fn)(in, inout, &n, type);
}

static void *scratch;
static unsigned long scratch_len;

static void *scratch_c(unsigned long n)
{
    if (n > scratch_len) {
        void *p = realloc(scratch, n);
        if (p == NULL)
            return NULL;
        scratch = p;
        scratch_len = n;
    }
    return scratch;
}

int PMPI_Op_create_c(MPI_User_function_c *user_fn, int commute, MPI_Op *op)
{
    return wasmrun_op_create((MPI_User_function *)user_fn, commute, op, call_op_c, scratch_c);
}
int MPI_Op_create_c(MPI_User_function_c *, int, MPI_Op *) WEAK_ALIAS(Op_create_c);

int PMPI_Win_create_c(void *base, MPI_Aint size, MPI_Aint disp_unit, MPI_Info info, MPI_Comm comm, MPI_Win *win)
{
    if (disp_unit > INT_MAX || disp_unit < INT_MIN)
        return wasmrun_comm_raise(comm, "MPI_Win_create_c", MPI_ERR_DISP, "disp_unit does not fit in an int");
    return PMPI_Win_create(base, size, (int)disp_unit, info, comm, win);
}
int MPI_Win_create_c(void *, MPI_Aint, MPI_Aint, MPI_Info, MPI_Comm, MPI_Win *) WEAK_ALIAS(Win_create_c);

int PMPI_Win_allocate_c(MPI_Aint size, MPI_Aint disp_unit, MPI_Info info, MPI_Comm comm, void *baseptr, MPI_Win *win)
{
    if (disp_unit > INT_MAX || disp_unit < INT_MIN)
        return wasmrun_comm_raise(comm, "MPI_Win_allocate_c", MPI_ERR_DISP, "disp_unit does not fit in an int");
    return PMPI_Win_allocate(size, (int)disp_unit, info, comm, baseptr, win);
}
int MPI_Win_allocate_c(MPI_Aint, MPI_Aint, MPI_Info, MPI_Comm, void *, MPI_Win *) WEAK_ALIAS(Win_allocate_c);

int PMPI_Win_allocate_shared_c(MPI_Aint size, MPI_Aint disp_unit, MPI_Info info, MPI_Comm comm, void *baseptr, MPI_Win *win)
{
    if (disp_unit > INT_MAX || disp_unit < INT_MIN)
        return wasmrun_comm_raise(comm, "MPI_Win_allocate_shared_c", MPI_ERR_DISP, "disp_unit does not fit in an int");
    return PMPI_Win_allocate_shared(size, (int)disp_unit, info, comm, baseptr, win);
}
int MPI_Win_allocate_shared_c(MPI_Aint, MPI_Aint, MPI_Info, MPI_Comm, void *, MPI_Win *) WEAK_ALIAS(Win_allocate_shared_c);

int PMPI_Win_shared_query_c(MPI_Win win, int rank, MPI_Aint *size, MPI_Aint *disp_unit, void *baseptr)
{
    int du = 0;
    int rc = PMPI_Win_shared_query(win, rank, size, &du, baseptr);
    if (rc == MPI_SUCCESS && disp_unit != NULL)
        *disp_unit = du;
    return rc;
}
int MPI_Win_shared_query_c(MPI_Win, int, MPI_Aint *, MPI_Aint *, void *) WEAK_ALIAS(Win_shared_query_c);

int PMPI_File_get_type_extent_c(MPI_File fh, MPI_Datatype datatype, MPI_Count *extent)
{
    MPI_Aint e = 0;
    int rc = PMPI_File_get_type_extent(fh, datatype, &e);
    if (rc == MPI_SUCCESS)
        *extent = e;
    return rc;
}
int MPI_File_get_type_extent_c(MPI_File, MPI_Datatype, MPI_Count *) WEAK_ALIAS(File_get_type_extent_c);
