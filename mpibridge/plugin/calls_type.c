/* Host side of derived datatypes: see calls.h. Guest MPI_Aint values are
 * 32-bit (wasm32) and are widened here; guest displacements are offsets in
 * guest memory, and every predefined guest type maps to a host type of the
 * same size, so the host type built from the guest's description has the
 * guest's layout. */
#include <mpi.h>
#include <stdlib.h>

#include "calls.h"

/* ABI values of the subarray/darray constants (guest mpi.h). */
enum {
    ABI_ORDER_C = 12, ABI_ORDER_FORTRAN = 15,
    ABI_DISTRIBUTE_NONE = 16, ABI_DISTRIBUTE_BLOCK = 17, ABI_DISTRIBUTE_CYCLIC = 18,
    ABI_DISTRIBUTE_DFLT_DARG = 19,
};

#define TYPE(h) ((MPI_Datatype)(h))

static int order_in(int o, int *host) {
    if (o == ABI_ORDER_C) *host = MPI_ORDER_C;
    else if (o == ABI_ORDER_FORTRAN) *host = MPI_ORDER_FORTRAN;
    else return MPI_ERR_ARG;
    return MPI_SUCCESS;
}

static MPI_Aint *aints(int n, const int32_t *g) {
    MPI_Aint *a = malloc((size_t)(n > 0 ? n : 1) * sizeof *a);
    if (a != NULL)
        for (int i = 0; i < n; i++) a[i] = (MPI_Aint)g[i];
    return a;
}

#define TYPE_OUT(call)                     \
    MPI_Datatype t = MPI_DATATYPE_NULL;    \
    int rc = call;                         \
    *out = (uintptr_t)t;                   \
    return rc

int wr_type_contiguous(int count, uintptr_t old, uintptr_t *out) {
    TYPE_OUT(MPI_Type_contiguous(count, TYPE(old), &t));
}

int wr_type_vector(int count, int blocklen, int stride, uintptr_t old, uintptr_t *out) {
    TYPE_OUT(MPI_Type_vector(count, blocklen, stride, TYPE(old), &t));
}

int wr_type_hvector(int count, int blocklen, int64_t stride, uintptr_t old, uintptr_t *out) {
    TYPE_OUT(MPI_Type_create_hvector(count, blocklen, (MPI_Aint)stride, TYPE(old), &t));
}

int wr_type_indexed(int count, const int *blocklens, const int *displs, uintptr_t old, uintptr_t *out) {
    TYPE_OUT(MPI_Type_indexed(count, blocklens, displs, TYPE(old), &t));
}

int wr_type_indexed_block(int count, int blocklen, const int *displs, uintptr_t old, uintptr_t *out) {
    TYPE_OUT(MPI_Type_create_indexed_block(count, blocklen, displs, TYPE(old), &t));
}

int wr_type_hindexed(int count, const int *blocklens, const int32_t *gdispls, uintptr_t old, uintptr_t *out) {
    MPI_Aint *d = aints(count, gdispls);
    if (d == NULL) return MPI_ERR_NO_MEM;
    MPI_Datatype t = MPI_DATATYPE_NULL;
    int rc = MPI_Type_create_hindexed(count, blocklens, d, TYPE(old), &t);
    free(d);
    *out = (uintptr_t)t;
    return rc;
}

int wr_type_hindexed_block(int count, int blocklen, const int32_t *gdispls, uintptr_t old, uintptr_t *out) {
    MPI_Aint *d = aints(count, gdispls);
    if (d == NULL) return MPI_ERR_NO_MEM;
    MPI_Datatype t = MPI_DATATYPE_NULL;
    int rc = MPI_Type_create_hindexed_block(count, blocklen, d, TYPE(old), &t);
    free(d);
    *out = (uintptr_t)t;
    return rc;
}

int wr_type_struct(int count, const int *blocklens, const int32_t *gdispls, const uintptr_t *types, uintptr_t *out) {
    MPI_Aint *d = aints(count, gdispls);
    MPI_Datatype *ts = malloc((size_t)(count > 0 ? count : 1) * sizeof *ts);
    MPI_Datatype t = MPI_DATATYPE_NULL;
    int rc = MPI_ERR_NO_MEM;
    if (d != NULL && ts != NULL) {
        for (int i = 0; i < count; i++) ts[i] = TYPE(types[i]);
        rc = MPI_Type_create_struct(count, blocklens, d, ts, &t);
    }
    free(d);
    free(ts);
    *out = (uintptr_t)t;
    return rc;
}

int wr_type_subarray(int ndims, const int *sizes, const int *subsizes, const int *starts, int abi_order,
                     uintptr_t old, uintptr_t *out) {
    int order;
    if (order_in(abi_order, &order) != MPI_SUCCESS) return MPI_ERR_ARG;
    TYPE_OUT(MPI_Type_create_subarray(ndims, sizes, subsizes, starts, order, TYPE(old), &t));
}

int wr_type_darray(int size, int rank, int ndims, const int *gsizes, const int *distribs, const int *dargs,
                   const int *psizes, int abi_order, uintptr_t old, uintptr_t *out) {
    int order, rc = order_in(abi_order, &order);
    if (rc != MPI_SUCCESS) return rc;
    int *dist = malloc((size_t)(ndims > 0 ? ndims : 1) * sizeof *dist);
    int *darg = malloc((size_t)(ndims > 0 ? ndims : 1) * sizeof *darg);
    MPI_Datatype t = MPI_DATATYPE_NULL;
    rc = MPI_ERR_NO_MEM;
    if (dist != NULL && darg != NULL) {
        rc = MPI_SUCCESS;
        for (int i = 0; i < ndims && rc == MPI_SUCCESS; i++) {
            switch (distribs[i]) {
            case ABI_DISTRIBUTE_NONE: dist[i] = MPI_DISTRIBUTE_NONE; break;
            case ABI_DISTRIBUTE_BLOCK: dist[i] = MPI_DISTRIBUTE_BLOCK; break;
            case ABI_DISTRIBUTE_CYCLIC: dist[i] = MPI_DISTRIBUTE_CYCLIC; break;
            default: rc = MPI_ERR_ARG;
            }
            darg[i] = dargs[i] == ABI_DISTRIBUTE_DFLT_DARG ? MPI_DISTRIBUTE_DFLT_DARG : dargs[i];
        }
        if (rc == MPI_SUCCESS)
            rc = MPI_Type_create_darray(size, rank, ndims, gsizes, dist, darg, psizes, order, TYPE(old), &t);
    }
    free(dist);
    free(darg);
    *out = (uintptr_t)t;
    return rc;
}

int wr_type_resized(uintptr_t old, int64_t lb, int64_t extent, uintptr_t *out) {
    TYPE_OUT(MPI_Type_create_resized(TYPE(old), (MPI_Aint)lb, (MPI_Aint)extent, &t));
}

int wr_type_dup(uintptr_t old, uintptr_t *out) {
    TYPE_OUT(MPI_Type_dup(TYPE(old), &t));
}

int wr_type_commit(uintptr_t *type) {
    MPI_Datatype t = TYPE(*type);
    int rc = MPI_Type_commit(&t);
    *type = (uintptr_t)t;
    return rc;
}

int wr_type_free(uintptr_t *type) {
    MPI_Datatype t = TYPE(*type);
    int rc = MPI_Type_free(&t);
    *type = (uintptr_t)t;
    return rc;
}

int wr_type_info(uintptr_t type, int64_t *info) {
    MPI_Count size = 0, lb = 0, extent = 0, tlb = 0, textent = 0;
    int rc = MPI_Type_size_x(TYPE(type), &size);
    if (rc == MPI_SUCCESS) rc = MPI_Type_get_extent_x(TYPE(type), &lb, &extent);
    if (rc == MPI_SUCCESS) rc = MPI_Type_get_true_extent_x(TYPE(type), &tlb, &textent);
    info[0] = size;
    info[1] = lb;
    info[2] = extent;
    info[3] = tlb;
    info[4] = textent;
    return rc;
}

int wr_pack(uintptr_t in, int incount, uintptr_t type, uintptr_t out, int outsize, int *position, uintptr_t comm) {
    return MPI_Pack((void *)in, incount, TYPE(type), (void *)out, outsize, position, (MPI_Comm)(comm));
}

int wr_unpack(uintptr_t in, int insize, int *position, uintptr_t out, int outcount, uintptr_t type, uintptr_t comm) {
    return MPI_Unpack((void *)in, insize, position, (void *)out, outcount, TYPE(type), (MPI_Comm)(comm));
}

int wr_pack_size(int incount, uintptr_t type, uintptr_t comm, int *size) {
    return MPI_Pack_size(incount, TYPE(type), (MPI_Comm)(comm), size);
}

/* MPI_Pack_external and friends in "external32"; positions and sizes are
 * the guest's 4-byte MPI_Aint. */
int wr_pack_external(uintptr_t in, int incount, uintptr_t type, uintptr_t out, int64_t outsize, int32_t *position) {
    MPI_Aint pos = *position;
    int rc = MPI_Pack_external("external32", (void *)in, incount, TYPE(type), (void *)out, (MPI_Aint)outsize, &pos);
    if (rc == MPI_SUCCESS) *position = (int32_t)pos;
    return rc;
}

int wr_unpack_external(uintptr_t in, int64_t insize, int32_t *position, uintptr_t out, int outcount, uintptr_t type) {
    MPI_Aint pos = *position;
    int rc = MPI_Unpack_external("external32", (void *)in, (MPI_Aint)insize, &pos, (void *)out, outcount, TYPE(type));
    if (rc == MPI_SUCCESS) *position = (int32_t)pos;
    return rc;
}

int wr_pack_external_size(int incount, uintptr_t type, int64_t *size) {
    MPI_Aint n = 0;
    int rc = MPI_Pack_external_size("external32", incount, TYPE(type), &n);
    *size = (int64_t)n;
    return rc;
}

int wr_get_elements(int64_t bytes, uintptr_t type, int64_t *count) {
    MPI_Status st;
    MPI_Count n = 0;
    int rc = MPI_Status_set_elements_x(&st, MPI_BYTE, (MPI_Count)bytes);
    if (rc == MPI_SUCCESS) rc = MPI_Get_elements_x(&st, TYPE(type), &n);
    *count = n == MPI_UNDEFINED ? -1 : (int64_t)n;
    return rc;
}
