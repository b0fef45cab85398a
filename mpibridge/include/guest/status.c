/* Status and request queries that need nothing from the host: the guest's
 * MPI_Status is eight ints (source, tag, error, then the byte count's low
 * and high words and the cancelled flag, as the bridge writes them), so
 * they are read and written here.
 *
 * MPI-4.1: MPI_Status_get/set_source, _tag, _error and
 * MPI_Request_get_status_all, _any, _some (on top of
 * MPI_Request_get_status, which leaves the requests as they are).
 * MPI-2/3: MPI_Status_set_elements(_x, _c), MPI_Status_set_cancelled,
 * MPI_Get_elements_x, MPI_Type_match_size and MPI-4.0's
 * MPI_Info_create_env. */
#include <mpi.h>
#include <stddef.h>
#include <stdint.h>

int wasmrun_comm_raise(MPI_Comm, const char *, int, const char *);

#define WEAK_ALIAS(name) __attribute__((weak, alias("PMPI_" #name)))
#define COUNT_LO 0
#define COUNT_HI 1
#define CANCELLED 2

#define GETTER(Field, field)                                             \
    int PMPI_Status_get_##field(const MPI_Status *status, int *field)    \
    {                                                                     \
        if (status == NULL || field == NULL)                             \
            return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Status_get_" #field, MPI_ERR_ARG, "NULL argument"); \
        *field = status->Field;                                           \
        return MPI_SUCCESS;                                               \
    }                                                                     \
    int MPI_Status_get_##field(const MPI_Status *, int *) WEAK_ALIAS(Status_get_##field); \
    int PMPI_Status_set_##field(MPI_Status *status, int field)           \
    {                                                                     \
        if (status == NULL)                                               \
            return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Status_set_" #field, MPI_ERR_ARG, "NULL status"); \
        status->Field = field;                                            \
        return MPI_SUCCESS;                                               \
    }                                                                     \
    int MPI_Status_set_##field(MPI_Status *, int) WEAK_ALIAS(Status_set_##field);

GETTER(MPI_SOURCE, source)
GETTER(MPI_TAG, tag)
GETTER(MPI_ERROR, error)

int PMPI_Status_set_cancelled(MPI_Status *status, int flag)
{
    if (status == NULL)
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Status_set_cancelled", MPI_ERR_ARG, "NULL status");
    status->MPI_internal[CANCELLED] = flag != 0;
    return MPI_SUCCESS;
}
int MPI_Status_set_cancelled(MPI_Status *, int) WEAK_ALIAS(Status_set_cancelled);

/* The status says count elements of datatype: the bridge keeps bytes. */
int PMPI_Status_set_elements_c(MPI_Status *status, MPI_Datatype datatype, MPI_Count count)
{
    MPI_Count size = 0;
    if (status == NULL)
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Status_set_elements", MPI_ERR_ARG, "NULL status");
    if (count < 0)
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Status_set_elements", MPI_ERR_COUNT, "negative count");
    int rc = PMPI_Type_size_x(datatype, &size);
    if (rc != MPI_SUCCESS)
        return rc;
    uint64_t bytes = (uint64_t)count * (uint64_t)size;
    status->MPI_internal[COUNT_LO] = (int)(uint32_t)bytes;
    status->MPI_internal[COUNT_HI] = (int)(uint32_t)(bytes >> 32);
    return MPI_SUCCESS;
}
int MPI_Status_set_elements_c(MPI_Status *, MPI_Datatype, MPI_Count) WEAK_ALIAS(Status_set_elements_c);

int PMPI_Status_set_elements_x(MPI_Status *status, MPI_Datatype datatype, MPI_Count count)
{
    return PMPI_Status_set_elements_c(status, datatype, count);
}
int MPI_Status_set_elements_x(MPI_Status *, MPI_Datatype, MPI_Count) WEAK_ALIAS(Status_set_elements_x);

int PMPI_Status_set_elements(MPI_Status *status, MPI_Datatype datatype, int count)
{
    return PMPI_Status_set_elements_c(status, datatype, count);
}
int MPI_Status_set_elements(MPI_Status *, MPI_Datatype, int) WEAK_ALIAS(Status_set_elements);

int PMPI_Get_elements_x(const MPI_Status *status, MPI_Datatype datatype, MPI_Count *count)
{
    return PMPI_Get_elements_c(status, datatype, count);
}
int MPI_Get_elements_x(const MPI_Status *, MPI_Datatype, MPI_Count *) WEAK_ALIAS(Get_elements_x);

/* The predefined type of typeclass with size bytes (MPI-4.0 §19.1.9). */
int PMPI_Type_match_size(int typeclass, int size, MPI_Datatype *datatype)
{
    MPI_Datatype t = MPI_DATATYPE_NULL;
    switch (typeclass) {
    case MPI_TYPECLASS_INTEGER:
        t = size == 1 ? MPI_INTEGER1 : size == 2 ? MPI_INTEGER2 : size == 4 ? MPI_INTEGER4 : size == 8 ? MPI_INTEGER8 : MPI_DATATYPE_NULL;
        break;
    case MPI_TYPECLASS_REAL:
        t = size == 4 ? MPI_REAL4 : size == 8 ? MPI_REAL8 : size == 16 ? MPI_REAL16 : MPI_DATATYPE_NULL;
        break;
    case MPI_TYPECLASS_COMPLEX:
        t = size == 8 ? MPI_COMPLEX8 : size == 16 ? MPI_COMPLEX16 : size == 32 ? MPI_COMPLEX32 : MPI_DATATYPE_NULL;
        break;
    default:
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Type_match_size", MPI_ERR_ARG, "typeclass is not MPI_TYPECLASS_INTEGER, _REAL or _COMPLEX");
    }
    if (datatype == NULL)
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Type_match_size", MPI_ERR_ARG, "NULL datatype pointer");
    if (t == MPI_DATATYPE_NULL)
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Type_match_size", MPI_ERR_ARG, "no predefined type of that class has that size");
    *datatype = t;
    return MPI_SUCCESS;
}
int MPI_Type_match_size(int, int, MPI_Datatype *) WEAK_ALIAS(Type_match_size);

int PMPI_Info_create_env(int argc, char *argv[], MPI_Info *info)
{
    (void)argc;
    (void)argv;
    return PMPI_Info_dup(MPI_INFO_ENV, info);
}
int MPI_Info_create_env(int, char *[], MPI_Info *) WEAK_ALIAS(Info_create_env);

int PMPI_Request_get_status_all(int count, const MPI_Request requests[], int *flag, MPI_Status statuses[])
{
    if (count < 0 || flag == NULL || (count > 0 && requests == NULL))
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Request_get_status_all", MPI_ERR_ARG, "invalid count or NULL array");
    int all = 1;
    for (int i = 0; i < count; i++) {
        int f = 0;
        MPI_Status st;
        int rc = PMPI_Request_get_status(requests[i], &f, &st);
        if (rc != MPI_SUCCESS)
            return rc;
        if (statuses != MPI_STATUSES_IGNORE)
            statuses[i] = st;
        all = all && f;
    }
    *flag = all;
    return MPI_SUCCESS;
}
int MPI_Request_get_status_all(int, const MPI_Request[], int *, MPI_Status[]) WEAK_ALIAS(Request_get_status_all);

int PMPI_Request_get_status_any(int count, const MPI_Request requests[], int *index, int *flag, MPI_Status *status)
{
    if (count < 0 || flag == NULL || index == NULL || (count > 0 && requests == NULL))
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Request_get_status_any", MPI_ERR_ARG, "invalid count or NULL argument");
    int active = 0;
    *index = MPI_UNDEFINED;
    *flag = 0;
    for (int i = 0; i < count; i++) {
        if (requests[i] == MPI_REQUEST_NULL)
            continue;
        active = 1;
        int f = 0;
        int rc = PMPI_Request_get_status(requests[i], &f, status == MPI_STATUS_IGNORE ? MPI_STATUS_IGNORE : status);
        if (rc != MPI_SUCCESS)
            return rc;
        if (f) {
            *index = i;
            *flag = 1;
            return MPI_SUCCESS;
        }
    }
    if (!active) {
        *flag = 1; /* every request is null: an empty status */
        if (status != MPI_STATUS_IGNORE)
            PMPI_Request_get_status(MPI_REQUEST_NULL, flag, status);
    }
    return MPI_SUCCESS;
}
int MPI_Request_get_status_any(int, const MPI_Request[], int *, int *, MPI_Status *) WEAK_ALIAS(Request_get_status_any);

int PMPI_Request_get_status_some(int incount, const MPI_Request requests[], int *outcount, int indices[], MPI_Status statuses[])
{
    if (incount < 0 || outcount == NULL || (incount > 0 && (requests == NULL || indices == NULL)))
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Request_get_status_some", MPI_ERR_ARG, "invalid count or NULL array");
    int active = 0, n = 0;
    for (int i = 0; i < incount; i++) {
        if (requests[i] == MPI_REQUEST_NULL)
            continue;
        active = 1;
        int f = 0;
        MPI_Status st;
        int rc = PMPI_Request_get_status(requests[i], &f, &st);
        if (rc != MPI_SUCCESS)
            return rc;
        if (f) {
            indices[n] = i;
            if (statuses != MPI_STATUSES_IGNORE)
                statuses[n] = st;
            n++;
        }
    }
    *outcount = active ? n : MPI_UNDEFINED;
    return MPI_SUCCESS;
}
int MPI_Request_get_status_some(int, const MPI_Request[], int *, int[], MPI_Status[]) WEAK_ALIAS(Request_get_status_some);
