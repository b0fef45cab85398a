/* Generated from mpi.h by _gen/bigcount.py: do not edit; see
 * bigcount_util.c for how large counts are handled.
 *
 * MPI-IO large-count functions. */
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

int PMPI_File_read_at_c(MPI_File fh, MPI_Offset offset, void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_read_at_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_read_at(fh, offset, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_read_at_c(MPI_File, MPI_Offset, void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_read_at_c);

int PMPI_File_read_at_all_c(MPI_File fh, MPI_Offset offset, void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_read_at_all_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_read_at_all(fh, offset, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_read_at_all_c(MPI_File, MPI_Offset, void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_read_at_all_c);

int PMPI_File_write_at_c(MPI_File fh, MPI_Offset offset, const void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_write_at_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_write_at(fh, offset, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_write_at_c(MPI_File, MPI_Offset, const void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_write_at_c);

int PMPI_File_write_at_all_c(MPI_File fh, MPI_Offset offset, const void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_write_at_all_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_write_at_all(fh, offset, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_write_at_all_c(MPI_File, MPI_Offset, const void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_write_at_all_c);

int PMPI_File_iread_at_c(MPI_File fh, MPI_Offset offset, void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_iread_at_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_iread_at(fh, offset, buf, n0, t0, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_iread_at_c(MPI_File, MPI_Offset, void *, MPI_Count, MPI_Datatype, MPI_Request *) WEAK_ALIAS(File_iread_at_c);

int PMPI_File_iwrite_at_c(MPI_File fh, MPI_Offset offset, const void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_iwrite_at_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_iwrite_at(fh, offset, buf, n0, t0, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_iwrite_at_c(MPI_File, MPI_Offset, const void *, MPI_Count, MPI_Datatype, MPI_Request *) WEAK_ALIAS(File_iwrite_at_c);

int PMPI_File_iread_at_all_c(MPI_File fh, MPI_Offset offset, void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_iread_at_all_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_iread_at_all(fh, offset, buf, n0, t0, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_iread_at_all_c(MPI_File, MPI_Offset, void *, MPI_Count, MPI_Datatype, MPI_Request *) WEAK_ALIAS(File_iread_at_all_c);

int PMPI_File_iwrite_at_all_c(MPI_File fh, MPI_Offset offset, const void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_iwrite_at_all_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_iwrite_at_all(fh, offset, buf, n0, t0, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_iwrite_at_all_c(MPI_File, MPI_Offset, const void *, MPI_Count, MPI_Datatype, MPI_Request *) WEAK_ALIAS(File_iwrite_at_all_c);

int PMPI_File_read_c(MPI_File fh, void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_read_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_read(fh, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_read_c(MPI_File, void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_read_c);

int PMPI_File_read_all_c(MPI_File fh, void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_read_all_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_read_all(fh, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_read_all_c(MPI_File, void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_read_all_c);

int PMPI_File_write_c(MPI_File fh, const void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_write_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_write(fh, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_write_c(MPI_File, const void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_write_c);

int PMPI_File_write_all_c(MPI_File fh, const void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_write_all_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_write_all(fh, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_write_all_c(MPI_File, const void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_write_all_c);

int PMPI_File_iread_c(MPI_File fh, void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_iread_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_iread(fh, buf, n0, t0, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_iread_c(MPI_File, void *, MPI_Count, MPI_Datatype, MPI_Request *) WEAK_ALIAS(File_iread_c);

int PMPI_File_iwrite_c(MPI_File fh, const void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_iwrite_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_iwrite(fh, buf, n0, t0, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_iwrite_c(MPI_File, const void *, MPI_Count, MPI_Datatype, MPI_Request *) WEAK_ALIAS(File_iwrite_c);

int PMPI_File_iread_all_c(MPI_File fh, void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_iread_all_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_iread_all(fh, buf, n0, t0, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_iread_all_c(MPI_File, void *, MPI_Count, MPI_Datatype, MPI_Request *) WEAK_ALIAS(File_iread_all_c);

int PMPI_File_iwrite_all_c(MPI_File fh, const void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_iwrite_all_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_iwrite_all(fh, buf, n0, t0, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_iwrite_all_c(MPI_File, const void *, MPI_Count, MPI_Datatype, MPI_Request *) WEAK_ALIAS(File_iwrite_all_c);

int PMPI_File_read_shared_c(MPI_File fh, void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_read_shared_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_read_shared(fh, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_read_shared_c(MPI_File, void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_read_shared_c);

int PMPI_File_write_shared_c(MPI_File fh, const void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_write_shared_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_write_shared(fh, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_write_shared_c(MPI_File, const void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_write_shared_c);

int PMPI_File_iread_shared_c(MPI_File fh, void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_iread_shared_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_iread_shared(fh, buf, n0, t0, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_iread_shared_c(MPI_File, void *, MPI_Count, MPI_Datatype, MPI_Request *) WEAK_ALIAS(File_iread_shared_c);

int PMPI_File_iwrite_shared_c(MPI_File fh, const void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_iwrite_shared_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_iwrite_shared(fh, buf, n0, t0, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_iwrite_shared_c(MPI_File, const void *, MPI_Count, MPI_Datatype, MPI_Request *) WEAK_ALIAS(File_iwrite_shared_c);

int PMPI_File_read_ordered_c(MPI_File fh, void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_read_ordered_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_read_ordered(fh, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_read_ordered_c(MPI_File, void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_read_ordered_c);

int PMPI_File_write_ordered_c(MPI_File fh, const void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_write_ordered_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_write_ordered(fh, buf, n0, t0, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_File_write_ordered_c(MPI_File, const void *, MPI_Count, MPI_Datatype, MPI_Status *) WEAK_ALIAS(File_write_ordered_c);

int PMPI_File_read_at_all_begin_c(MPI_File fh, MPI_Offset offset, void *buf, MPI_Count count, MPI_Datatype datatype)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_read_at_all_begin_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_read_at_all_begin(fh, offset, buf, n0, t0);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_read_at_all_begin_c(MPI_File, MPI_Offset, void *, MPI_Count, MPI_Datatype) WEAK_ALIAS(File_read_at_all_begin_c);

int PMPI_File_write_at_all_begin_c(MPI_File fh, MPI_Offset offset, const void *buf, MPI_Count count, MPI_Datatype datatype)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_write_at_all_begin_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_write_at_all_begin(fh, offset, buf, n0, t0);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_write_at_all_begin_c(MPI_File, MPI_Offset, const void *, MPI_Count, MPI_Datatype) WEAK_ALIAS(File_write_at_all_begin_c);

int PMPI_File_read_all_begin_c(MPI_File fh, void *buf, MPI_Count count, MPI_Datatype datatype)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_read_all_begin_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_read_all_begin(fh, buf, n0, t0);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_read_all_begin_c(MPI_File, void *, MPI_Count, MPI_Datatype) WEAK_ALIAS(File_read_all_begin_c);

int PMPI_File_write_all_begin_c(MPI_File fh, const void *buf, MPI_Count count, MPI_Datatype datatype)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_write_all_begin_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_write_all_begin(fh, buf, n0, t0);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_write_all_begin_c(MPI_File, const void *, MPI_Count, MPI_Datatype) WEAK_ALIAS(File_write_all_begin_c);

int PMPI_File_read_ordered_begin_c(MPI_File fh, void *buf, MPI_Count count, MPI_Datatype datatype)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_read_ordered_begin_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_read_ordered_begin(fh, buf, n0, t0);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_read_ordered_begin_c(MPI_File, void *, MPI_Count, MPI_Datatype) WEAK_ALIAS(File_read_ordered_begin_c);

int PMPI_File_write_ordered_begin_c(MPI_File fh, const void *buf, MPI_Count count, MPI_Datatype datatype)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_file_raise(fh, "MPI_File_write_ordered_begin_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_File_write_ordered_begin(fh, buf, n0, t0);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_File_write_ordered_begin_c(MPI_File, const void *, MPI_Count, MPI_Datatype) WEAK_ALIAS(File_write_ordered_begin_c);
