/* Generated from mpi.h by _gen/bigcount.py: do not edit; see
 * bigcount_util.c for how large counts are handled.
 *
 * Point-to-point large-count functions. */
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

int PMPI_Send_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Send_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Send(buf, n0, t0, dest, tag, comm);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_Send_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm) WEAK_ALIAS(Send_c);

int PMPI_Recv_c(void *buf, MPI_Count count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Recv_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Recv(buf, n0, t0, source, tag, comm, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_Recv_c(void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Status *) WEAK_ALIAS(Recv_c);

int PMPI_Bsend_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Bsend_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Bsend(buf, n0, t0, dest, tag, comm);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_Bsend_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm) WEAK_ALIAS(Bsend_c);

int PMPI_Ssend_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Ssend_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Ssend(buf, n0, t0, dest, tag, comm);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_Ssend_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm) WEAK_ALIAS(Ssend_c);

int PMPI_Rsend_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Rsend_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Rsend(buf, n0, t0, dest, tag, comm);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_Rsend_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm) WEAK_ALIAS(Rsend_c);

int PMPI_Isend_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Isend_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Isend(buf, n0, t0, dest, tag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Isend_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Isend_c);

int PMPI_Ibsend_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Ibsend_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Ibsend(buf, n0, t0, dest, tag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Ibsend_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ibsend_c);

int PMPI_Issend_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Issend_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Issend(buf, n0, t0, dest, tag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Issend_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Issend_c);

int PMPI_Irsend_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Irsend_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Irsend(buf, n0, t0, dest, tag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Irsend_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Irsend_c);

int PMPI_Irecv_c(void *buf, MPI_Count count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Irecv_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Irecv(buf, n0, t0, source, tag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Irecv_c(void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Irecv_c);

int PMPI_Mrecv_c(void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Message *message, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Mrecv_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Mrecv(buf, n0, t0, message, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_Mrecv_c(void *, MPI_Count, MPI_Datatype, MPI_Message *, MPI_Status *) WEAK_ALIAS(Mrecv_c);

int PMPI_Imrecv_c(void *buf, MPI_Count count, MPI_Datatype datatype, MPI_Message *message, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Imrecv_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Imrecv(buf, n0, t0, message, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Imrecv_c(void *, MPI_Count, MPI_Datatype, MPI_Message *, MPI_Request *) WEAK_ALIAS(Imrecv_c);

int PMPI_Send_init_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Send_init_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Send_init(buf, n0, t0, dest, tag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Send_init_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Send_init_c);

int PMPI_Bsend_init_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Bsend_init_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Bsend_init(buf, n0, t0, dest, tag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Bsend_init_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Bsend_init_c);

int PMPI_Ssend_init_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Ssend_init_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Ssend_init(buf, n0, t0, dest, tag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Ssend_init_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Ssend_init_c);

int PMPI_Rsend_init_c(const void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Rsend_init_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Rsend_init(buf, n0, t0, dest, tag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Rsend_init_c(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Rsend_init_c);

int PMPI_Recv_init_c(void *buf, MPI_Count count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Recv_init_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Recv_init(buf, n0, t0, source, tag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Recv_init_c(void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Recv_init_c);

int PMPI_Sendrecv_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, int dest, int sendtag, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, int source, int recvtag, MPI_Comm comm, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Sendrecv_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Sendrecv_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Sendrecv(sendbuf, n0, t0, dest, sendtag, recvbuf, n1, t1, source, recvtag, comm, status);
    wasmrun_uncarry(t0, sendtype);
    wasmrun_uncarry(t1, recvtype);
    return rc;
}
int MPI_Sendrecv_c(const void *, MPI_Count, MPI_Datatype, int, int, void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Status *) WEAK_ALIAS(Sendrecv_c);

int PMPI_Sendrecv_replace_c(void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int sendtag, int source, int recvtag, MPI_Comm comm, MPI_Status *status)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Sendrecv_replace_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Sendrecv_replace(buf, n0, t0, dest, sendtag, source, recvtag, comm, status);
    wasmrun_uncarry(t0, datatype);
    return rc;
}
int MPI_Sendrecv_replace_c(void *, MPI_Count, MPI_Datatype, int, int, int, int, MPI_Comm, MPI_Status *) WEAK_ALIAS(Sendrecv_replace_c);

int PMPI_Isendrecv_c(const void *sendbuf, MPI_Count sendcount, MPI_Datatype sendtype, int dest, int sendtag, void *recvbuf, MPI_Count recvcount, MPI_Datatype recvtype, int source, int recvtag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = sendtype;
    int n1 = 0;
    MPI_Datatype t1 = recvtype;
    if ((rc = wasmrun_carry(sendcount, sendtype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Isendrecv_c", rc, "sendcount does not fit in an int and no datatype can carry it");
    }
    if ((rc = wasmrun_carry(recvcount, recvtype, &n1, &t1)) != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        return wasmrun_comm_raise(comm, "MPI_Isendrecv_c", rc, "recvcount does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Isendrecv(sendbuf, n0, t0, dest, sendtag, recvbuf, n1, t1, source, recvtag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, sendtype);
        wasmrun_uncarry(t1, recvtype);
    }
    return rc;
}
int MPI_Isendrecv_c(const void *, MPI_Count, MPI_Datatype, int, int, void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Isendrecv_c);

int PMPI_Isendrecv_replace_c(void *buf, MPI_Count count, MPI_Datatype datatype, int dest, int sendtag, int source, int recvtag, MPI_Comm comm, MPI_Request *request)
{
    int rc = MPI_SUCCESS;
    int n0 = 0;
    MPI_Datatype t0 = datatype;
    if ((rc = wasmrun_carry(count, datatype, &n0, &t0)) != MPI_SUCCESS) {
        return wasmrun_comm_raise(comm, "MPI_Isendrecv_replace_c", rc, "count does not fit in an int and no datatype can carry it");
    }
    rc = PMPI_Isendrecv_replace(buf, n0, t0, dest, sendtag, source, recvtag, comm, request);
    if (rc != MPI_SUCCESS) {
        wasmrun_uncarry(t0, datatype);
    }
    return rc;
}
int MPI_Isendrecv_replace_c(void *, MPI_Count, MPI_Datatype, int, int, int, int, MPI_Comm, MPI_Request *) WEAK_ALIAS(Isendrecv_replace_c);
