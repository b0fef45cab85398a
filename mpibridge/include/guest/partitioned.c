/* MPI-4 partitioned communication, built on persistent point-to-point
 * requests (neither Open MPI 4.1 nor the bridge has it natively):
 * MPI_Psend_init / MPI_Precv_init make an MPI_Send_init / MPI_Recv_init
 * of all partitions, which the guest holds as its request. MPI_Start of a
 * partitioned send starts nothing: the whole message is sent once every
 * partition is marked ready (MPI_Pready, _range, _list), which is when the
 * standard lets the last partition's data go. MPI_Start of a partitioned
 * receive starts the receive; MPI_Parrived says whether the whole message
 * has arrived (a partition cannot arrive before the message does here).
 * MPI_Wait/Test complete them as the persistent requests they are.
 *
 * Unlike a native implementation, a partitioned send is an ordinary
 * message on the wire: it can match an ordinary receive with the same
 * source, tag and communicator. Programs that keep those apart (as the
 * standard asks of portable programs) see no difference. */
#include <limits.h>
#include <mpi.h>
#include <stdlib.h>

#define IMPORT(name) __attribute__((import_module("wasmrun_mpi"), import_name(name)))
IMPORT("MPI_Start") int wasmrun_start(MPI_Request *);
IMPORT("MPI_Request_free") int wasmrun_request_free(MPI_Request *);
int wasmrun_comm_raise(MPI_Comm, const char *, int, const char *);

#define WEAK_ALIAS(name) __attribute__((weak, alias("PMPI_" #name)))

typedef struct part {
    MPI_Request req; /* the persistent send or receive */
    int send;
    int partitions;
    int ready;       /* partitions marked ready since the last start */
    int started;     /* MPI_Start was called and the send is not yet out */
    char *marked;    /* per partition: marked ready */
    struct part *next;
} part_t;

static part_t *parts;

static part_t *find(MPI_Request r)
{
    for (part_t *p = parts; p != NULL; p = p->next)
        if (p->req == r)
            return p;
    return NULL;
}

static int pinit(const char *fn, int send, void *buf, int partitions, MPI_Count count, MPI_Datatype type, int peer,
                 int tag, MPI_Comm comm, MPI_Request *request)
{
    if (partitions < 1 || count < 0)
        return wasmrun_comm_raise(comm, fn, partitions < 1 ? MPI_ERR_ARG : MPI_ERR_COUNT, "partitions must be positive and count not negative");
    if (count > 0 && (MPI_Count)partitions > LLONG_MAX / count)
        return wasmrun_comm_raise(comm, fn, MPI_ERR_COUNT, "partitions x count overflows");
    part_t *p = calloc(1, sizeof *p);
    char *marked = calloc((size_t)partitions, 1);
    if (p == NULL || marked == NULL) {
        free(p);
        free(marked);
        return wasmrun_comm_raise(comm, fn, MPI_ERR_NO_MEM, "out of memory");
    }
    MPI_Count total = (MPI_Count)partitions * count;
    int rc = send ? PMPI_Send_init_c(buf, total, type, peer, tag, comm, request)
                  : PMPI_Recv_init_c(buf, total, type, peer, tag, comm, request);
    if (rc != MPI_SUCCESS) {
        free(p);
        free(marked);
        return rc;
    }
    p->req = *request;
    p->send = send;
    p->partitions = partitions;
    p->marked = marked;
    p->next = parts;
    parts = p;
    return MPI_SUCCESS;
}

int PMPI_Psend_init_c(const void *buf, int partitions, MPI_Count count, MPI_Datatype datatype, int dest, int tag,
                      MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    (void)info;
    return pinit("MPI_Psend_init", 1, (void *)buf, partitions, count, datatype, dest, tag, comm, request);
}
int MPI_Psend_init_c(const void *, int, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Psend_init_c);

int PMPI_Psend_init(const void *buf, int partitions, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm,
                    MPI_Info info, MPI_Request *request)
{
    return PMPI_Psend_init_c(buf, partitions, count, datatype, dest, tag, comm, info, request);
}
int MPI_Psend_init(const void *, int, int, MPI_Datatype, int, int, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Psend_init);

int PMPI_Precv_init_c(void *buf, int partitions, MPI_Count count, MPI_Datatype datatype, int source, int tag,
                      MPI_Comm comm, MPI_Info info, MPI_Request *request)
{
    (void)info;
    return pinit("MPI_Precv_init", 0, buf, partitions, count, datatype, source, tag, comm, request);
}
int MPI_Precv_init_c(void *, int, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Precv_init_c);

int PMPI_Precv_init(void *buf, int partitions, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm,
                    MPI_Info info, MPI_Request *request)
{
    return PMPI_Precv_init_c(buf, partitions, count, datatype, source, tag, comm, info, request);
}
int MPI_Precv_init(void *, int, int, MPI_Datatype, int, int, MPI_Comm, MPI_Info, MPI_Request *) WEAK_ALIAS(Precv_init);

/* MPI_Start and MPI_Startall hold back partitioned sends. */
int PMPI_Start(MPI_Request *request)
{
    part_t *p = request != NULL ? find(*request) : NULL;
    if (p == NULL || !p->send)
        return wasmrun_start(request);
    if (p->started)
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Start", MPI_ERR_REQUEST, "the partitioned send is already active");
    p->started = 1;
    p->ready = 0;
    for (int i = 0; i < p->partitions; i++)
        p->marked[i] = 0;
    return MPI_SUCCESS;
}
int MPI_Start(MPI_Request *) WEAK_ALIAS(Start);

int PMPI_Startall(int count, MPI_Request requests[])
{
    if (count < 0 || (count > 0 && requests == NULL))
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Startall", MPI_ERR_ARG, "invalid count or NULL array");
    for (int i = 0; i < count; i++) {
        int rc = PMPI_Start(&requests[i]);
        if (rc != MPI_SUCCESS)
            return rc;
    }
    return MPI_SUCCESS;
}
int MPI_Startall(int, MPI_Request[]) WEAK_ALIAS(Startall);

static int mark(const char *fn, part_t *p, int partition)
{
    if (p == NULL || !p->send)
        return wasmrun_comm_raise(MPI_COMM_WORLD, fn, MPI_ERR_REQUEST, "not a partitioned send request");
    if (!p->started)
        return wasmrun_comm_raise(MPI_COMM_WORLD, fn, MPI_ERR_REQUEST, "the partitioned send is not started");
    if (partition < 0 || partition >= p->partitions)
        return wasmrun_comm_raise(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "partition out of range");
    if (p->marked[partition])
        return wasmrun_comm_raise(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "partition already marked ready");
    p->marked[partition] = 1;
    if (++p->ready == p->partitions) {
        p->started = 0;
        return wasmrun_start(&p->req);
    }
    return MPI_SUCCESS;
}

int PMPI_Pready(int partition, MPI_Request request) { return mark("MPI_Pready", find(request), partition); }
int MPI_Pready(int, MPI_Request) WEAK_ALIAS(Pready);

int PMPI_Pready_range(int low, int high, MPI_Request request)
{
    part_t *p = find(request);
    for (int i = low; i <= high; i++) {
        int rc = mark("MPI_Pready_range", p, i);
        if (rc != MPI_SUCCESS)
            return rc;
    }
    return MPI_SUCCESS;
}
int MPI_Pready_range(int, int, MPI_Request) WEAK_ALIAS(Pready_range);

int PMPI_Pready_list(int length, const int partitions[], MPI_Request request)
{
    part_t *p = find(request);
    if (length < 0 || (length > 0 && partitions == NULL))
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Pready_list", MPI_ERR_ARG, "invalid length or NULL array");
    for (int i = 0; i < length; i++) {
        int rc = mark("MPI_Pready_list", p, partitions[i]);
        if (rc != MPI_SUCCESS)
            return rc;
    }
    return MPI_SUCCESS;
}
int MPI_Pready_list(int, const int[], MPI_Request) WEAK_ALIAS(Pready_list);

int PMPI_Parrived(MPI_Request request, int partition, int *flag)
{
    part_t *p = find(request);
    if (p == NULL || p->send)
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Parrived", MPI_ERR_REQUEST, "not a partitioned receive request");
    if (partition < 0 || partition >= p->partitions || flag == NULL)
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Parrived", MPI_ERR_ARG, "partition out of range or NULL flag");
    return PMPI_Request_get_status(request, flag, MPI_STATUS_IGNORE);
}
int MPI_Parrived(MPI_Request, int, int *) WEAK_ALIAS(Parrived);

/* MPI_Request_free forgets a partitioned request. */
int PMPI_Request_free(MPI_Request *request)
{
    if (request != NULL) {
        for (part_t **q = &parts; *q != NULL; q = &(*q)->next) {
            if ((*q)->req == *request) {
                part_t *p = *q;
                *q = p->next;
                free(p->marked);
                free(p);
                break;
            }
        }
    }
    return wasmrun_request_free(request);
}
int MPI_Request_free(MPI_Request *) WEAK_ALIAS(Request_free);
