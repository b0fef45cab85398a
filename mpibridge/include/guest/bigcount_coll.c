/* Generated from mpi.h by _gen/bigcount.py: do not edit; see
 * bigcount_util.c for how large counts are handled.
 *
 * Collective large-count functions. */
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

int PMPI_Bcast_c(void *buffer, MPI_Count count, MPI_Datatype datatype, int root, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Bcast_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Bcast(buffer, n0, t0, root, comm);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_Bcast_c(void *, MPI_Count, MPI_Datatype, int, MPI_Comm) WEAK_ALIAS(Bcast_c);

int PMPI_Ibcast_c(void *buffer, MPI_Count count, MPI_Datatype datatype, int root, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Ibcast_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Ibcast(buffer, n0, t0, root, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Ibcast_c(void *, MPI_Count, MPI_Datatype, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ibcast_c);

int PMPI_Bcast_init_c(void *buffer, MPI_Count count, MPI_Datatype datatype, int root, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Bcast_init_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Bcast_init(buffer, n0, t0, root, comm, info, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Bcast_init_c(void *, MPI_Count, MPI_Datatype, int, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Bcast_init_c);

int PMPI_Gather_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Gather_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Gather_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Gather(sendbuf, n0, t0, recvbuf, n1, t1, root, comm);
    wasmrun_uncarry(t0, sendtype);
    wasmrun_uncarry(t1, recvtype);
    return rc;
}
int MPI_Gather_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, int, MPI_Comm) WEAK_ALIAS(Gather_c);

int PMPI_Igather_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Igather_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Igather_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Igather(sendbuf, n0, t0, recvbuf, n1, t1, root, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Igather_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Igather_c);

int PMPI_Gather_init_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Gather_init_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Gather_init_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Gather_init(sendbuf, n0, t0, recvbuf, n1, t1, root, comm, info, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Gather_init_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, int, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Gather_init_c);

int PMPI_Gatherv_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint displs[], MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Gatherv_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    int peers = wasmrun_peers(comm);
    int at_root = wasmrun_is_root(comm, root);
    int *a_recvcounts = NULL;
    int *a_displs = NULL;
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, peers, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        free(a_displs);
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Gatherv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    rc = PMPI_Gatherv(sendbuf, n0, t0, recvbuf, a_recvcounts, a_displs, recvtype, root, comm);
    wasmrun_uncarry(t0, sendtype);
    free(a_recvcounts);
    free(a_displs);
    return rc;
}
int MPI_Gatherv_c(const void *, MPI_Count, MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, int, MPI_Comm) WEAK_ALIAS(Gatherv_c);

int PMPI_Igatherv_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint displs[], MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Igatherv_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    int peers = wasmrun_peers(comm);
    int at_root = wasmrun_is_root(comm, root);
    int *a_recvcounts = NULL;
    int *a_displs = NULL;
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, peers, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        free(a_displs);
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Igatherv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_recvcounts = wasmrun_keep(a_recvcounts, peers);
    a_displs = wasmrun_keep(a_displs, peers);
    rc = PMPI_Igatherv(sendbuf, n0, t0, recvbuf, a_recvcounts, a_displs, recvtype, root, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
    }
    return rc;
}
int MPI_Igatherv_c(const void *, MPI_Count, MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Igatherv_c);

int PMPI_Gatherv_init_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint displs[], MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Gatherv_init_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    int peers = wasmrun_peers(comm);
    int at_root = wasmrun_is_root(comm, root);
    int *a_recvcounts = NULL;
    int *a_displs = NULL;
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, peers, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        free(a_displs);
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Gatherv_init_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_recvcounts = wasmrun_keep(a_recvcounts, peers);
    a_displs = wasmrun_keep(a_displs, peers);
    rc = PMPI_Gatherv_init(sendbuf, n0, t0, recvbuf, a_recvcounts, a_displs, recvtype, root, comm, info, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
    }
    return rc;
}
int MPI_Gatherv_init_c(const void *, MPI_Count, MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, int, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Gatherv_init_c);

int PMPI_Scatter_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Scatter_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Scatter_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Scatter(sendbuf, n0, t0, recvbuf, n1, t1, root, comm);
    wasmrun_uncarry(t0, sendtype);
    wasmrun_uncarry(t1, recvtype);
    return rc;
}
int MPI_Scatter_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, int, MPI_Comm) WEAK_ALIAS(Scatter_c);

int PMPI_Iscatter_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Iscatter_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Iscatter_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Iscatter(sendbuf, n0, t0, recvbuf, n1, t1, root, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Iscatter_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Iscatter_c);

int PMPI_Scatter_init_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Scatter_init_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Scatter_init_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Scatter_init(sendbuf, n0, t0, recvbuf, n1, t1, root, comm, info, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Scatter_init_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, int, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Scatter_init_c);

int PMPI_Scatterv_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint displs[], MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = recvtype;
    if ((rc = wasmrun_carry(recvcount, recvtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Scatterv_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    int peers = wasmrun_peers(comm);
    int at_root = wasmrun_is_root(comm, root);
    int *a_sendcounts = NULL;
    int *a_displs = NULL;
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, peers, &a_sendcounts);
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, peers, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_displs);
        wasmrun_uncarry(t0, recvtype);
        return wasmrun_comm_raise(comm, "MPI_Scatterv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    rc = PMPI_Scatterv(sendbuf, a_sendcounts, a_displs, sendtype, recvbuf, n0, t0, root, comm);
    wasmrun_uncarry(t0, recvtype);
    free(a_sendcounts);
    free(a_displs);
    return rc;
}
int MPI_Scatterv_c(const void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, void *, MPI_Count, MPI_Datatype, int, MPI_Comm) WEAK_ALIAS(Scatterv_c);

int PMPI_Iscatterv_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint displs[], MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = recvtype;
    if ((rc = wasmrun_carry(recvcount, recvtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Iscatterv_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    int peers = wasmrun_peers(comm);
    int at_root = wasmrun_is_root(comm, root);
    int *a_sendcounts = NULL;
    int *a_displs = NULL;
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, peers, &a_sendcounts);
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, peers, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_displs);
        wasmrun_uncarry(t0, recvtype);
        return wasmrun_comm_raise(comm, "MPI_Iscatterv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_sendcounts = wasmrun_keep(a_sendcounts, peers);
    a_displs = wasmrun_keep(a_displs, peers);
    rc = PMPI_Iscatterv(sendbuf, a_sendcounts, a_displs, sendtype, recvbuf, n0, t0, root, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, recvtype);
    }
    return rc;
}
int MPI_Iscatterv_c(const void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, void *, MPI_Count, MPI_Datatype, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Iscatterv_c);

int PMPI_Scatterv_init_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint displs[], MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = recvtype;
    if ((rc = wasmrun_carry(recvcount, recvtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Scatterv_init_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    int peers = wasmrun_peers(comm);
    int at_root = wasmrun_is_root(comm, root);
    int *a_sendcounts = NULL;
    int *a_displs = NULL;
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, peers, &a_sendcounts);
    if (at_root && rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, peers, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_displs);
        wasmrun_uncarry(t0, recvtype);
        return wasmrun_comm_raise(comm, "MPI_Scatterv_init_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_sendcounts = wasmrun_keep(a_sendcounts, peers);
    a_displs = wasmrun_keep(a_displs, peers);
    rc = PMPI_Scatterv_init(sendbuf, a_sendcounts, a_displs, sendtype, recvbuf, n0, t0, root, comm, info, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, recvtype);
    }
    return rc;
}
int MPI_Scatterv_init_c(const void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, void *, MPI_Count, MPI_Datatype, int, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Scatterv_init_c);

int PMPI_Allgather_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Allgather_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Allgather_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Allgather(sendbuf, n0, t0, recvbuf, n1, t1, comm);
    wasmrun_uncarry(t0, sendtype);
    wasmrun_uncarry(t1, recvtype);
    return rc;
}
int MPI_Allgather_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm) WEAK_ALIAS(Allgather_c);

int PMPI_Iallgather_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Iallgather_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Iallgather_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Iallgather(sendbuf, n0, t0, recvbuf, n1, t1, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Iallgather_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm, MPI_Request *) WEAK_ALIAS(Iallgather_c);

int PMPI_Allgather_init_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Allgather_init_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Allgather_init_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Allgather_init(sendbuf, n0, t0, recvbuf, n1, t1, comm, info, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Allgather_init_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Allgather_init_c);

int PMPI_Allgatherv_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint displs[], MPI_Datatype recvtype, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Allgatherv_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    int peers = wasmrun_peers(comm);
    int *a_recvcounts = NULL;
    int *a_displs = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, peers, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        free(a_displs);
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Allgatherv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    rc = PMPI_Allgatherv(sendbuf, n0, t0, recvbuf, a_recvcounts, a_displs, recvtype, comm);
    wasmrun_uncarry(t0, sendtype);
    free(a_recvcounts);
    free(a_displs);
    return rc;
}
int MPI_Allgatherv_c(const void *, MPI_Count, MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm) WEAK_ALIAS(Allgatherv_c);

int PMPI_Iallgatherv_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint displs[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Iallgatherv_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    int peers = wasmrun_peers(comm);
    int *a_recvcounts = NULL;
    int *a_displs = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, peers, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        free(a_displs);
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Iallgatherv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_recvcounts = wasmrun_keep(a_recvcounts, peers);
    a_displs = wasmrun_keep(a_displs, peers);
    rc = PMPI_Iallgatherv(sendbuf, n0, t0, recvbuf, a_recvcounts, a_displs, recvtype, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
    }
    return rc;
}
int MPI_Iallgatherv_c(const void *, MPI_Count, MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm, MPI_Request *) WEAK_ALIAS(Iallgatherv_c);

int PMPI_Allgatherv_init_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint displs[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Allgatherv_init_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    int peers = wasmrun_peers(comm);
    int *a_recvcounts = NULL;
    int *a_displs = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, peers, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        free(a_displs);
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Allgatherv_init_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_recvcounts = wasmrun_keep(a_recvcounts, peers);
    a_displs = wasmrun_keep(a_displs, peers);
    rc = PMPI_Allgatherv_init(sendbuf, n0, t0, recvbuf, a_recvcounts, a_displs, recvtype, comm, info, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
    }
    return rc;
}
int MPI_Allgatherv_init_c(const void *, MPI_Count, MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Allgatherv_init_c);

int PMPI_Alltoall_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Alltoall_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Alltoall_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Alltoall(sendbuf, n0, t0, recvbuf, n1, t1, comm);
    wasmrun_uncarry(t0, sendtype);
    wasmrun_uncarry(t1, recvtype);
    return rc;
}
int MPI_Alltoall_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm) WEAK_ALIAS(Alltoall_c);

int PMPI_Ialltoall_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Ialltoall_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Ialltoall_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Ialltoall(sendbuf, n0, t0, recvbuf, n1, t1, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Ialltoall_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ialltoall_c);

int PMPI_Alltoall_init_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Alltoall_init_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Alltoall_init_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Alltoall_init(sendbuf, n0, t0, recvbuf, n1, t1, comm, info, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Alltoall_init_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Alltoall_init_c);

int PMPI_Alltoallv_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], MPI_Datatype recvtype, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int peers = wasmrun_peers(comm);
    int *a_sendcounts = NULL;
    int *a_sdispls = NULL;
    int *a_recvcounts = NULL;
    int *a_rdispls = NULL;
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, peers, &a_sendcounts);
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_aints(sdispls, peers, &a_sdispls);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(rdispls, peers, &a_rdispls);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_sdispls);
        free(a_recvcounts);
        free(a_rdispls);
        return wasmrun_comm_raise(comm, "MPI_Alltoallv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    rc = PMPI_Alltoallv(sendbuf, a_sendcounts, a_sdispls, sendtype, recvbuf, a_recvcounts, a_rdispls, recvtype, comm);
    free(a_sendcounts);
    free(a_sdispls);
    free(a_recvcounts);
    free(a_rdispls);
    return rc;
}
int MPI_Alltoallv_c(const void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm) WEAK_ALIAS(Alltoallv_c);

int PMPI_Ialltoallv_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int peers = wasmrun_peers(comm);
    int *a_sendcounts = NULL;
    int *a_sdispls = NULL;
    int *a_recvcounts = NULL;
    int *a_rdispls = NULL;
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, peers, &a_sendcounts);
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_aints(sdispls, peers, &a_sdispls);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(rdispls, peers, &a_rdispls);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_sdispls);
        free(a_recvcounts);
        free(a_rdispls);
        return wasmrun_comm_raise(comm, "MPI_Ialltoallv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_sendcounts = wasmrun_keep(a_sendcounts, peers);
    a_sdispls = wasmrun_keep(a_sdispls, peers);
    a_recvcounts = wasmrun_keep(a_recvcounts, peers);
    a_rdispls = wasmrun_keep(a_rdispls, peers);
    rc = PMPI_Ialltoallv(sendbuf, a_sendcounts, a_sdispls, sendtype, recvbuf, a_recvcounts, a_rdispls, recvtype, comm, request);
    return rc;
}
int MPI_Ialltoallv_c(const void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ialltoallv_c);

int PMPI_Alltoallv_init_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int peers = wasmrun_peers(comm);
    int *a_sendcounts = NULL;
    int *a_sdispls = NULL;
    int *a_recvcounts = NULL;
    int *a_rdispls = NULL;
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, peers, &a_sendcounts);
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_aints(sdispls, peers, &a_sdispls);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(rdispls, peers, &a_rdispls);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_sdispls);
        free(a_recvcounts);
        free(a_rdispls);
        return wasmrun_comm_raise(comm, "MPI_Alltoallv_init_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_sendcounts = wasmrun_keep(a_sendcounts, peers);
    a_sdispls = wasmrun_keep(a_sdispls, peers);
    a_recvcounts = wasmrun_keep(a_recvcounts, peers);
    a_rdispls = wasmrun_keep(a_rdispls, peers);
    rc = PMPI_Alltoallv_init(sendbuf, a_sendcounts, a_sdispls, sendtype, recvbuf, a_recvcounts, a_rdispls, recvtype, comm, info, request);
    return rc;
}
int MPI_Alltoallv_init_c(const void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Alltoallv_init_c);

int PMPI_Alltoallw_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], const MPI_Datatype sendtypes[], void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int peers = wasmrun_peers(comm);
    int *a_sendcounts = NULL;
    int *a_sdispls = NULL;
    int *a_recvcounts = NULL;
    int *a_rdispls = NULL;
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, peers, &a_sendcounts);
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_byte_ints(sdispls, peers, &a_sdispls);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_byte_ints(rdispls, peers, &a_rdispls);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_sdispls);
        free(a_recvcounts);
        free(a_rdispls);
        return wasmrun_comm_raise(comm, "MPI_Alltoallw_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    rc = PMPI_Alltoallw(sendbuf, a_sendcounts, a_sdispls, sendtypes, recvbuf, a_recvcounts, a_rdispls, recvtypes, comm);
    free(a_sendcounts);
    free(a_sdispls);
    free(a_recvcounts);
    free(a_rdispls);
    return rc;
}
int MPI_Alltoallw_c(const void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], MPI_Comm) WEAK_ALIAS(Alltoallw_c);

int PMPI_Ialltoallw_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], const MPI_Datatype sendtypes[], void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int peers = wasmrun_peers(comm);
    int *a_sendcounts = NULL;
    int *a_sdispls = NULL;
    int *a_recvcounts = NULL;
    int *a_rdispls = NULL;
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, peers, &a_sendcounts);
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_byte_ints(sdispls, peers, &a_sdispls);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_byte_ints(rdispls, peers, &a_rdispls);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_sdispls);
        free(a_recvcounts);
        free(a_rdispls);
        return wasmrun_comm_raise(comm, "MPI_Ialltoallw_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_sendcounts = wasmrun_keep(a_sendcounts, peers);
    a_sdispls = wasmrun_keep(a_sdispls, peers);
    a_recvcounts = wasmrun_keep(a_recvcounts, peers);
    a_rdispls = wasmrun_keep(a_rdispls, peers);
    rc = PMPI_Ialltoallw(sendbuf, a_sendcounts, a_sdispls, sendtypes, recvbuf, a_recvcounts, a_rdispls, recvtypes, comm, request);
    return rc;
}
int MPI_Ialltoallw_c(const void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], MPI_Comm, MPI_Request *) WEAK_ALIAS(Ialltoallw_c);

int PMPI_Alltoallw_init_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], const MPI_Datatype sendtypes[], void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int peers = wasmrun_peers(comm);
    int *a_sendcounts = NULL;
    int *a_sdispls = NULL;
    int *a_recvcounts = NULL;
    int *a_rdispls = NULL;
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, peers, &a_sendcounts);
    if (sendbuf != MPI_IN_PLACE && rc == MPI_SUCCESS)
        rc = wasmrun_byte_ints(sdispls, peers, &a_sdispls);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, peers, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_byte_ints(rdispls, peers, &a_rdispls);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_sdispls);
        free(a_recvcounts);
        free(a_rdispls);
        return wasmrun_comm_raise(comm, "MPI_Alltoallw_init_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_sendcounts = wasmrun_keep(a_sendcounts, peers);
    a_sdispls = wasmrun_keep(a_sdispls, peers);
    a_recvcounts = wasmrun_keep(a_recvcounts, peers);
    a_rdispls = wasmrun_keep(a_rdispls, peers);
    rc = PMPI_Alltoallw_init(sendbuf, a_sendcounts, a_sdispls, sendtypes, recvbuf, a_recvcounts, a_rdispls, recvtypes, comm, info, request);
    return rc;
}
int MPI_Alltoallw_init_c(const void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Alltoallw_init_c);

int PMPI_Reduce_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, int root, MPI_Comm comm)
{
    if (wasmrun_fits(count))
        return PMPI_Reduce(sendbuf, recvbuf, (int)count, datatype, op, root, comm);
    if (count < 0)
        return wasmrun_comm_raise(comm, "MPI_Reduce_c", MPI_ERR_COUNT, "negative count");
    MPI_Count ext = wasmrun_extent(datatype), step = wasmrun_count_limit();
    int at_root = wasmrun_is_root(comm, root);
    for (MPI_Count done = 0; done < count; done += step) {
        MPI_Count n = count - done < step ? count - done : step;
        intptr_t off = (intptr_t)(done * ext);
        int rc = PMPI_Reduce((sendbuf == MPI_IN_PLACE ? sendbuf : (const void *)((const char *)sendbuf + off)), (at_root ? (recvbuf == MPI_IN_PLACE ? recvbuf : (void *)((const char *)recvbuf + off)) : recvbuf), (int)n, datatype, op, root, comm);
        if (rc != MPI_SUCCESS)
            return rc;
    }
    return MPI_SUCCESS;
}
int MPI_Reduce_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, int, MPI_Comm) WEAK_ALIAS(Reduce_c);

int PMPI_Ireduce_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, int root, MPI_Comm comm, MPI_Request *request)
{
    if (wasmrun_fits(count))
        return PMPI_Ireduce(sendbuf, recvbuf, (int)count, datatype, op, root, comm, request);
    return wasmrun_comm_raise(comm, "MPI_Ireduce_c", MPI_ERR_COUNT, "the count does not fit in an int, and a reduction that is not blocking cannot be split");
}
int MPI_Ireduce_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ireduce_c);

int PMPI_Reduce_init_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, int root, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    if (wasmrun_fits(count))
        return PMPI_Reduce_init(sendbuf, recvbuf, (int)count, datatype, op, root, comm, info, request);
    return wasmrun_comm_raise(comm, "MPI_Reduce_init_c", MPI_ERR_COUNT, "the count does not fit in an int, and a reduction that is not blocking cannot be split");
}
int MPI_Reduce_init_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, int, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Reduce_init_c);

int PMPI_Reduce_local_c(const void *inbuf, void *inoutbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op)
{
    if (wasmrun_fits(count))
        return PMPI_Reduce_local(inbuf, inoutbuf, (int)count, datatype, op);
    if (count < 0)
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Reduce_local_c", MPI_ERR_COUNT, "negative count");
    MPI_Count ext = wasmrun_extent(datatype), step = wasmrun_count_limit();
    for (MPI_Count done = 0; done < count; done += step) {
        MPI_Count n = count - done < step ? count - done : step;
        intptr_t off = (intptr_t)(done * ext);
        int rc = PMPI_Reduce_local((inbuf == MPI_IN_PLACE ? inbuf : (const void *)((const char *)inbuf + off)), (inoutbuf == MPI_IN_PLACE ? inoutbuf : (void *)((const char *)inoutbuf + off)), (int)n, datatype, op);
        if (rc != MPI_SUCCESS)
            return rc;
    }
    return MPI_SUCCESS;
}
int MPI_Reduce_local_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op) WEAK_ALIAS(Reduce_local_c);

int PMPI_Allreduce_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
    if (wasmrun_fits(count))
        return PMPI_Allreduce(sendbuf, recvbuf, (int)count, datatype, op, comm);
    if (count < 0)
        return wasmrun_comm_raise(comm, "MPI_Allreduce_c", MPI_ERR_COUNT, "negative count");
    MPI_Count ext = wasmrun_extent(datatype), step = wasmrun_count_limit();
    for (MPI_Count done = 0; done < count; done += step) {
        MPI_Count n = count - done < step ? count - done : step;
        intptr_t off = (intptr_t)(done * ext);
        int rc = PMPI_Allreduce((sendbuf == MPI_IN_PLACE ? sendbuf : (const void *)((const char *)sendbuf + off)), (recvbuf == MPI_IN_PLACE ? recvbuf : (void *)((const char *)recvbuf + off)), (int)n, datatype, op, comm);
        if (rc != MPI_SUCCESS)
            return rc;
    }
    return MPI_SUCCESS;
}
int MPI_Allreduce_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm) WEAK_ALIAS(Allreduce_c);

int PMPI_Iallreduce_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
    if (wasmrun_fits(count))
        return PMPI_Iallreduce(sendbuf, recvbuf, (int)count, datatype, op, comm, request);
    return wasmrun_comm_raise(comm, "MPI_Iallreduce_c", MPI_ERR_COUNT, "the count does not fit in an int, and a reduction that is not blocking cannot be split");
}
int MPI_Iallreduce_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Request *) WEAK_ALIAS(Iallreduce_c);

int PMPI_Allreduce_init_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    if (wasmrun_fits(count))
        return PMPI_Allreduce_init(sendbuf, recvbuf, (int)count, datatype, op, comm, info, request);
    return wasmrun_comm_raise(comm, "MPI_Allreduce_init_c", MPI_ERR_COUNT, "the count does not fit in an int, and a reduction that is not blocking cannot be split");
}
int MPI_Allreduce_init_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Allreduce_init_c);

int PMPI_Reduce_scatter_block_c(const void *sendbuf, void *recvbuf, MPI_Count recvcount, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
    if (wasmrun_fits(recvcount))
        return PMPI_Reduce_scatter_block(sendbuf, recvbuf, (int)recvcount, datatype, op, comm);
    return wasmrun_comm_raise(comm, "MPI_Reduce_scatter_block_c", MPI_ERR_COUNT, "the count does not fit in an int, and a reduction that is not blocking cannot be split");
}
int MPI_Reduce_scatter_block_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm) WEAK_ALIAS(Reduce_scatter_block_c);

int PMPI_Ireduce_scatter_block_c(const void *sendbuf, void *recvbuf, MPI_Count recvcount, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
    if (wasmrun_fits(recvcount))
        return PMPI_Ireduce_scatter_block(sendbuf, recvbuf, (int)recvcount, datatype, op, comm, request);
    return wasmrun_comm_raise(comm, "MPI_Ireduce_scatter_block_c", MPI_ERR_COUNT, "the count does not fit in an int, and a reduction that is not blocking cannot be split");
}
int MPI_Ireduce_scatter_block_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ireduce_scatter_block_c);

int PMPI_Reduce_scatter_block_init_c(const void *sendbuf, void *recvbuf, MPI_Count recvcount, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    if (wasmrun_fits(recvcount))
        return PMPI_Reduce_scatter_block_init(sendbuf, recvbuf, (int)recvcount, datatype, op, comm, info, request);
    return wasmrun_comm_raise(comm, "MPI_Reduce_scatter_block_init_c", MPI_ERR_COUNT, "the count does not fit in an int, and a reduction that is not blocking cannot be split");
}
int MPI_Reduce_scatter_block_init_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Reduce_scatter_block_init_c);

int PMPI_Reduce_scatter_c(const void *sendbuf, void *recvbuf, const MPI_Count recvcounts[], MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int local = wasmrun_local_size(comm);
    int *a_recvcounts = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, local, &a_recvcounts);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        return wasmrun_comm_raise(comm, "MPI_Reduce_scatter_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    rc = PMPI_Reduce_scatter(sendbuf, recvbuf, a_recvcounts, datatype, op, comm);
    free(a_recvcounts);
    return rc;
}
int MPI_Reduce_scatter_c(const void *, void *, const MPI_Count[], MPI_Datatype, MPI_Op, MPI_Comm) WEAK_ALIAS(Reduce_scatter_c);

int PMPI_Ireduce_scatter_c(const void *sendbuf, void *recvbuf, const MPI_Count recvcounts[], MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int local = wasmrun_local_size(comm);
    int *a_recvcounts = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, local, &a_recvcounts);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        return wasmrun_comm_raise(comm, "MPI_Ireduce_scatter_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_recvcounts = wasmrun_keep(a_recvcounts, local);
    rc = PMPI_Ireduce_scatter(sendbuf, recvbuf, a_recvcounts, datatype, op, comm, request);
    return rc;
}
int MPI_Ireduce_scatter_c(const void *, void *, const MPI_Count[], MPI_Datatype, MPI_Op, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ireduce_scatter_c);

int PMPI_Reduce_scatter_init_c(const void *sendbuf, void *recvbuf, const MPI_Count recvcounts[], MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int local = wasmrun_local_size(comm);
    int *a_recvcounts = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, local, &a_recvcounts);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        return wasmrun_comm_raise(comm, "MPI_Reduce_scatter_init_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_recvcounts = wasmrun_keep(a_recvcounts, local);
    rc = PMPI_Reduce_scatter_init(sendbuf, recvbuf, a_recvcounts, datatype, op, comm, info, request);
    return rc;
}
int MPI_Reduce_scatter_init_c(const void *, void *, const MPI_Count[], MPI_Datatype, MPI_Op, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Reduce_scatter_init_c);

int PMPI_Scan_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
    if (wasmrun_fits(count))
        return PMPI_Scan(sendbuf, recvbuf, (int)count, datatype, op, comm);
    if (count < 0)
        return wasmrun_comm_raise(comm, "MPI_Scan_c", MPI_ERR_COUNT, "negative count");
    MPI_Count ext = wasmrun_extent(datatype), step = wasmrun_count_limit();
    for (MPI_Count done = 0; done < count; done += step) {
        MPI_Count n = count - done < step ? count - done : step;
        intptr_t off = (intptr_t)(done * ext);
        int rc = PMPI_Scan((sendbuf == MPI_IN_PLACE ? sendbuf : (const void *)((const char *)sendbuf + off)), (recvbuf == MPI_IN_PLACE ? recvbuf : (void *)((const char *)recvbuf + off)), (int)n, datatype, op, comm);
        if (rc != MPI_SUCCESS)
            return rc;
    }
    return MPI_SUCCESS;
}
int MPI_Scan_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm) WEAK_ALIAS(Scan_c);

int PMPI_Iscan_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
    if (wasmrun_fits(count))
        return PMPI_Iscan(sendbuf, recvbuf, (int)count, datatype, op, comm, request);
    return wasmrun_comm_raise(comm, "MPI_Iscan_c", MPI_ERR_COUNT, "the count does not fit in an int, and a reduction that is not blocking cannot be split");
}
int MPI_Iscan_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Request *) WEAK_ALIAS(Iscan_c);

int PMPI_Scan_init_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    if (wasmrun_fits(count))
        return PMPI_Scan_init(sendbuf, recvbuf, (int)count, datatype, op, comm, info, request);
    return wasmrun_comm_raise(comm, "MPI_Scan_init_c", MPI_ERR_COUNT, "the count does not fit in an int, and a reduction that is not blocking cannot be split");
}
int MPI_Scan_init_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Scan_init_c);

int PMPI_Exscan_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
    if (wasmrun_fits(count))
        return PMPI_Exscan(sendbuf, recvbuf, (int)count, datatype, op, comm);
    if (count < 0)
        return wasmrun_comm_raise(comm, "MPI_Exscan_c", MPI_ERR_COUNT, "negative count");
    MPI_Count ext = wasmrun_extent(datatype), step = wasmrun_count_limit();
    for (MPI_Count done = 0; done < count; done += step) {
        MPI_Count n = count - done < step ? count - done : step;
        intptr_t off = (intptr_t)(done * ext);
        int rc = PMPI_Exscan((sendbuf == MPI_IN_PLACE ? sendbuf : (const void *)((const char *)sendbuf + off)), (recvbuf == MPI_IN_PLACE ? recvbuf : (void *)((const char *)recvbuf + off)), (int)n, datatype, op, comm);
        if (rc != MPI_SUCCESS)
            return rc;
    }
    return MPI_SUCCESS;
}
int MPI_Exscan_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm) WEAK_ALIAS(Exscan_c);

int PMPI_Iexscan_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
    if (wasmrun_fits(count))
        return PMPI_Iexscan(sendbuf, recvbuf, (int)count, datatype, op, comm, request);
    return wasmrun_comm_raise(comm, "MPI_Iexscan_c", MPI_ERR_COUNT, "the count does not fit in an int, and a reduction that is not blocking cannot be split");
}
int MPI_Iexscan_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Request *) WEAK_ALIAS(Iexscan_c);

int PMPI_Exscan_init_c(const void *sendbuf, void *recvbuf, MPI_Count count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    if (wasmrun_fits(count))
        return PMPI_Exscan_init(sendbuf, recvbuf, (int)count, datatype, op, comm, info, request);
    return wasmrun_comm_raise(comm, "MPI_Exscan_init_c", MPI_ERR_COUNT, "the count does not fit in an int, and a reduction that is not blocking cannot be split");
}
int MPI_Exscan_init_c(const void *, void *, MPI_Count, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Exscan_init_c);

int PMPI_Neighbor_allgather_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Neighbor_allgather_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Neighbor_allgather_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Neighbor_allgather(sendbuf, n0, t0, recvbuf, n1, t1, comm);
    wasmrun_uncarry(t0, sendtype);
    wasmrun_uncarry(t1, recvtype);
    return rc;
}
int MPI_Neighbor_allgather_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm) WEAK_ALIAS(Neighbor_allgather_c);

int PMPI_Ineighbor_allgather_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Ineighbor_allgather_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Ineighbor_allgather_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Ineighbor_allgather(sendbuf, n0, t0, recvbuf, n1, t1, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Ineighbor_allgather_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ineighbor_allgather_c);

int PMPI_Neighbor_allgather_init_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Neighbor_allgather_init_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Neighbor_allgather_init_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Neighbor_allgather_init(sendbuf, n0, t0, recvbuf, n1, t1, comm, info, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Neighbor_allgather_init_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Neighbor_allgather_init_c);

int PMPI_Neighbor_allgatherv_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint displs[], MPI_Datatype recvtype, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Neighbor_allgatherv_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    int in = 0, out = 0;
    wasmrun_neighbors(comm, &in, &out);
    int *a_recvcounts = NULL;
    int *a_displs = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, in, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, in, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        free(a_displs);
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Neighbor_allgatherv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    rc = PMPI_Neighbor_allgatherv(sendbuf, n0, t0, recvbuf, a_recvcounts, a_displs, recvtype, comm);
    wasmrun_uncarry(t0, sendtype);
    free(a_recvcounts);
    free(a_displs);
    return rc;
}
int MPI_Neighbor_allgatherv_c(const void *, MPI_Count, MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm) WEAK_ALIAS(Neighbor_allgatherv_c);

int PMPI_Ineighbor_allgatherv_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint displs[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Ineighbor_allgatherv_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    int in = 0, out = 0;
    wasmrun_neighbors(comm, &in, &out);
    int *a_recvcounts = NULL;
    int *a_displs = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, in, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, in, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        free(a_displs);
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Ineighbor_allgatherv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_recvcounts = wasmrun_keep(a_recvcounts, in);
    a_displs = wasmrun_keep(a_displs, in);
    rc = PMPI_Ineighbor_allgatherv(sendbuf, n0, t0, recvbuf, a_recvcounts, a_displs, recvtype, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
    }
    return rc;
}
int MPI_Ineighbor_allgatherv_c(const void *, MPI_Count, MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ineighbor_allgatherv_c);

int PMPI_Neighbor_allgatherv_init_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint displs[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Neighbor_allgatherv_init_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    int in = 0, out = 0;
    wasmrun_neighbors(comm, &in, &out);
    int *a_recvcounts = NULL;
    int *a_displs = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, in, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(displs, in, &a_displs);
    if (rc != MPI_SUCCESS) {
        free(a_recvcounts);
        free(a_displs);
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Neighbor_allgatherv_init_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_recvcounts = wasmrun_keep(a_recvcounts, in);
    a_displs = wasmrun_keep(a_displs, in);
    rc = PMPI_Neighbor_allgatherv_init(sendbuf, n0, t0, recvbuf, a_recvcounts, a_displs, recvtype, comm, info, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
    }
    return rc;
}
int MPI_Neighbor_allgatherv_init_c(const void *, MPI_Count, MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Neighbor_allgatherv_init_c);

int PMPI_Neighbor_alltoall_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Neighbor_alltoall_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Neighbor_alltoall_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Neighbor_alltoall(sendbuf, n0, t0, recvbuf, n1, t1, comm);
    wasmrun_uncarry(t0, sendtype);
    wasmrun_uncarry(t1, recvtype);
    return rc;
}
int MPI_Neighbor_alltoall_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm) WEAK_ALIAS(Neighbor_alltoall_c);

int PMPI_Ineighbor_alltoall_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Ineighbor_alltoall_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Ineighbor_alltoall_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Ineighbor_alltoall(sendbuf, n0, t0, recvbuf, n1, t1, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Ineighbor_alltoall_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ineighbor_alltoall_c);

int PMPI_Neighbor_alltoall_init_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Neighbor_alltoall_init_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Neighbor_alltoall_init_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Neighbor_alltoall_init(sendbuf, n0, t0, recvbuf, n1, t1, comm, info, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Neighbor_alltoall_init_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Datatype, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Neighbor_alltoall_init_c);

int PMPI_Neighbor_alltoallv_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], MPI_Datatype recvtype, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int in = 0, out = 0;
    wasmrun_neighbors(comm, &in, &out);
    int *a_sendcounts = NULL;
    int *a_sdispls = NULL;
    int *a_recvcounts = NULL;
    int *a_rdispls = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, out, &a_sendcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(sdispls, out, &a_sdispls);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, in, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(rdispls, in, &a_rdispls);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_sdispls);
        free(a_recvcounts);
        free(a_rdispls);
        return wasmrun_comm_raise(comm, "MPI_Neighbor_alltoallv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    rc = PMPI_Neighbor_alltoallv(sendbuf, a_sendcounts, a_sdispls, sendtype, recvbuf, a_recvcounts, a_rdispls, recvtype, comm);
    free(a_sendcounts);
    free(a_sdispls);
    free(a_recvcounts);
    free(a_rdispls);
    return rc;
}
int MPI_Neighbor_alltoallv_c(const void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm) WEAK_ALIAS(Neighbor_alltoallv_c);

int PMPI_Ineighbor_alltoallv_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int in = 0, out = 0;
    wasmrun_neighbors(comm, &in, &out);
    int *a_sendcounts = NULL;
    int *a_sdispls = NULL;
    int *a_recvcounts = NULL;
    int *a_rdispls = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, out, &a_sendcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(sdispls, out, &a_sdispls);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, in, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(rdispls, in, &a_rdispls);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_sdispls);
        free(a_recvcounts);
        free(a_rdispls);
        return wasmrun_comm_raise(comm, "MPI_Ineighbor_alltoallv_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_sendcounts = wasmrun_keep(a_sendcounts, out);
    a_sdispls = wasmrun_keep(a_sdispls, out);
    a_recvcounts = wasmrun_keep(a_recvcounts, in);
    a_rdispls = wasmrun_keep(a_rdispls, in);
    rc = PMPI_Ineighbor_alltoallv(sendbuf, a_sendcounts, a_sdispls, sendtype, recvbuf, a_recvcounts, a_rdispls, recvtype, comm, request);
    return rc;
}
int MPI_Ineighbor_alltoallv_c(const void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ineighbor_alltoallv_c);

int PMPI_Neighbor_alltoallv_init_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], MPI_Datatype sendtype, void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int in = 0, out = 0;
    wasmrun_neighbors(comm, &in, &out);
    int *a_sendcounts = NULL;
    int *a_sdispls = NULL;
    int *a_recvcounts = NULL;
    int *a_rdispls = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, out, &a_sendcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(sdispls, out, &a_sdispls);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, in, &a_recvcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_aints(rdispls, in, &a_rdispls);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_sdispls);
        free(a_recvcounts);
        free(a_rdispls);
        return wasmrun_comm_raise(comm, "MPI_Neighbor_alltoallv_init_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_sendcounts = wasmrun_keep(a_sendcounts, out);
    a_sdispls = wasmrun_keep(a_sdispls, out);
    a_recvcounts = wasmrun_keep(a_recvcounts, in);
    a_rdispls = wasmrun_keep(a_rdispls, in);
    rc = PMPI_Neighbor_alltoallv_init(sendbuf, a_sendcounts, a_sdispls, sendtype, recvbuf, a_recvcounts, a_rdispls, recvtype, comm, info, request);
    return rc;
}
int MPI_Neighbor_alltoallv_init_c(const void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, void *, const MPI_Count[], const MPI_Aint[], MPI_Datatype, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Neighbor_alltoallv_init_c);

int PMPI_Neighbor_alltoallw_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], const MPI_Datatype sendtypes[], void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int in = 0, out = 0;
    wasmrun_neighbors(comm, &in, &out);
    int *a_sendcounts = NULL;
    int *a_recvcounts = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, out, &a_sendcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, in, &a_recvcounts);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_recvcounts);
        return wasmrun_comm_raise(comm, "MPI_Neighbor_alltoallw_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    rc = PMPI_Neighbor_alltoallw(sendbuf, a_sendcounts, sdispls, sendtypes, recvbuf, a_recvcounts, rdispls, recvtypes, comm);
    free(a_sendcounts);
    free(a_recvcounts);
    return rc;
}
int MPI_Neighbor_alltoallw_c(const void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], MPI_Comm) WEAK_ALIAS(Neighbor_alltoallw_c);

int PMPI_Ineighbor_alltoallw_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], const MPI_Datatype sendtypes[], void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int in = 0, out = 0;
    wasmrun_neighbors(comm, &in, &out);
    int *a_sendcounts = NULL;
    int *a_recvcounts = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, out, &a_sendcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, in, &a_recvcounts);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_recvcounts);
        return wasmrun_comm_raise(comm, "MPI_Ineighbor_alltoallw_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_sendcounts = wasmrun_keep(a_sendcounts, out);
    a_recvcounts = wasmrun_keep(a_recvcounts, in);
    rc = PMPI_Ineighbor_alltoallw(sendbuf, a_sendcounts, sdispls, sendtypes, recvbuf, a_recvcounts, rdispls, recvtypes, comm, request);
    return rc;
}
int MPI_Ineighbor_alltoallw_c(const void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], MPI_Comm, MPI_Request *) WEAK_ALIAS(Ineighbor_alltoallw_c);

int PMPI_Neighbor_alltoallw_init_c(const void *sendbuf, const MPI_Count sendcounts[], const MPI_Aint sdispls[], const MPI_Datatype sendtypes[], void *recvbuf, const MPI_Count recvcounts[], const MPI_Aint rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int in = 0, out = 0;
    wasmrun_neighbors(comm, &in, &out);
    int *a_sendcounts = NULL;
    int *a_recvcounts = NULL;
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(sendcounts, out, &a_sendcounts);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(recvcounts, in, &a_recvcounts);
    if (rc != MPI_SUCCESS) {
        free(a_sendcounts);
        free(a_recvcounts);
        return wasmrun_comm_raise(comm, "MPI_Neighbor_alltoallw_init_c", rc, rc == MPI_ERR_COUNT ? "a count or displacement does not fit in an int" : "no memory for the int arrays");
    }
    a_sendcounts = wasmrun_keep(a_sendcounts, out);
    a_recvcounts = wasmrun_keep(a_recvcounts, in);
    rc = PMPI_Neighbor_alltoallw_init(sendbuf, a_sendcounts, sdispls, sendtypes, recvbuf, a_recvcounts, rdispls, recvtypes, comm, info, request);
    return rc;
}
int MPI_Neighbor_alltoallw_init_c(const void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], void *, const MPI_Count[], const MPI_Aint[], const MPI_Datatype[], MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Neighbor_alltoallw_init_c);
