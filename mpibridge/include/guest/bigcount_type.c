/* Large-count (_c) datatype, status and pack functions, on top of the int
 * forms (see bigcount_util.c for the rules):
 *
 * - MPI_Type_contiguous_c carries a count that does not fit in an int
 *   with the carrier datatype (so MPI_Type_get_envelope reports
 *   MPI_COMBINER_STRUCT or MPI_COMBINER_RESIZED for it); the other
 *   constructors fail with MPI_ERR_COUNT when a count, blocklength,
 *   stride or displacement does not fit (a 4-byte MPI_Aint could not hold
 *   the displacements of such a type anyway);
 * - MPI_Type_size_c, MPI_Type_get_extent_c and MPI_Type_get_true_extent_c
 *   are the host's _x forms; envelopes and contents report no large
 *   counts, since every type is built with int counts;
 * - MPI_Get_count_c and MPI_Get_elements_c answer from the int forms, and
 *   beyond an int from the byte count that the bridge keeps in the status
 *   (MPI_internal[0] and [1], low and high word);
 * - MPI_Pack_c and MPI_Unpack_c pack at outbuf + position (the packed
 *   form of both host families is the data's own bytes), so positions and
 *   sizes beyond an int work; MPI_Pack_size_c beyond an int is count x
 *   MPI_Type_size, which is what both host families answer. */
#include <limits.h>
#include <mpi.h>
#include <stdint.h>
#include <stdlib.h>

int wasmrun_fits(MPI_Count);
int wasmrun_fits_aint(MPI_Count);
int wasmrun_carry(MPI_Count, MPI_Datatype, int *, MPI_Datatype *);
void wasmrun_uncarry(MPI_Datatype, MPI_Datatype);
int wasmrun_ints(const MPI_Count *, int, int **);
int wasmrun_comm_raise(MPI_Comm, const char *, int, const char *);

#define WEAK_ALIAS(name) __attribute__((weak, alias("PMPI_" #name)))

static int fail(const char *fn, int class, const char *cause)
{
    return wasmrun_comm_raise(MPI_COMM_WORLD, fn, class, cause);
}

static int too_big(const char *fn)
{
    return fail(fn, MPI_ERR_COUNT, "a count, blocklength, stride or displacement does not fit in an int or MPI_Aint");
}

/* aints copies n MPI_Count byte displacements into a new MPI_Aint
 * array. */
static int aints(const MPI_Count *in, int n, MPI_Aint **out)
{
    *out = NULL;
    if (in == NULL || n <= 0)
        return MPI_SUCCESS;
    MPI_Aint *p = malloc((size_t)n * sizeof *p);
    if (p == NULL)
        return MPI_ERR_NO_MEM;
    for (int i = 0; i < n; i++) {
        if (!wasmrun_fits_aint(in[i])) {
            free(p);
            return MPI_ERR_COUNT;
        }
        p[i] = (MPI_Aint)in[i];
    }
    *out = p;
    return MPI_SUCCESS;
}

/* arrays_failed reports a failed conversion (count or memory). */
static int arrays_failed(const char *fn, int rc)
{
    return rc == MPI_ERR_COUNT ? too_big(fn) : fail(fn, rc, "no memory for the converted arrays");
}

int PMPI_Type_contiguous_c(MPI_Count count, MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    if (wasmrun_fits(count))
        return PMPI_Type_contiguous((int)count, oldtype, newtype);
    int n;
    MPI_Datatype t;
    int rc = wasmrun_carry(count, oldtype, &n, &t);
    if (rc != MPI_SUCCESS)
        return fail("MPI_Type_contiguous_c", rc, "count does not fit in an int and no datatype can carry it");
    *newtype = t;
    return MPI_SUCCESS;
}
int MPI_Type_contiguous_c(MPI_Count, MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_contiguous_c);

int PMPI_Type_vector_c(MPI_Count count, MPI_Count blocklength, MPI_Count stride, MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    if (!wasmrun_fits(count) || !wasmrun_fits(blocklength) || !wasmrun_fits(stride))
        return too_big("MPI_Type_vector_c");
    return PMPI_Type_vector((int)count, (int)blocklength, (int)stride, oldtype, newtype);
}
int MPI_Type_vector_c(MPI_Count, MPI_Count, MPI_Count, MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_vector_c);

int PMPI_Type_create_hvector_c(MPI_Count count, MPI_Count blocklength, MPI_Count stride, MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    if (!wasmrun_fits(count) || !wasmrun_fits(blocklength) || !wasmrun_fits_aint(stride))
        return too_big("MPI_Type_create_hvector_c");
    return PMPI_Type_create_hvector((int)count, (int)blocklength, (MPI_Aint)stride, oldtype, newtype);
}
int MPI_Type_create_hvector_c(MPI_Count, MPI_Count, MPI_Count, MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_create_hvector_c);

int PMPI_Type_indexed_c(MPI_Count count, const MPI_Count array_of_blocklengths[], const MPI_Count array_of_displacements[], MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    const char *fn = "MPI_Type_indexed_c";
    if (!wasmrun_fits(count))
        return too_big(fn);
    int *bl, *disp = NULL;
    int rc = wasmrun_ints(array_of_blocklengths, (int)count, &bl);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(array_of_displacements, (int)count, &disp);
    if (rc != MPI_SUCCESS) {
        free(bl);
        return arrays_failed(fn, rc);
    }
    rc = PMPI_Type_indexed((int)count, bl, disp, oldtype, newtype);
    free(bl);
    free(disp);
    return rc;
}
int MPI_Type_indexed_c(MPI_Count, const MPI_Count[], const MPI_Count[], MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_indexed_c);

int PMPI_Type_create_hindexed_c(MPI_Count count, const MPI_Count array_of_blocklengths[], const MPI_Count array_of_displacements[], MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    const char *fn = "MPI_Type_create_hindexed_c";
    if (!wasmrun_fits(count))
        return too_big(fn);
    int *bl;
    MPI_Aint *disp = NULL;
    int rc = wasmrun_ints(array_of_blocklengths, (int)count, &bl);
    if (rc == MPI_SUCCESS)
        rc = aints(array_of_displacements, (int)count, &disp);
    if (rc != MPI_SUCCESS) {
        free(bl);
        return arrays_failed(fn, rc);
    }
    rc = PMPI_Type_create_hindexed((int)count, bl, disp, oldtype, newtype);
    free(bl);
    free(disp);
    return rc;
}
int MPI_Type_create_hindexed_c(MPI_Count, const MPI_Count[], const MPI_Count[], MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_create_hindexed_c);

int PMPI_Type_create_indexed_block_c(MPI_Count count, MPI_Count blocklength, const MPI_Count array_of_displacements[], MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    const char *fn = "MPI_Type_create_indexed_block_c";
    if (!wasmrun_fits(count) || !wasmrun_fits(blocklength))
        return too_big(fn);
    int *disp;
    int rc = wasmrun_ints(array_of_displacements, (int)count, &disp);
    if (rc != MPI_SUCCESS)
        return arrays_failed(fn, rc);
    rc = PMPI_Type_create_indexed_block((int)count, (int)blocklength, disp, oldtype, newtype);
    free(disp);
    return rc;
}
int MPI_Type_create_indexed_block_c(MPI_Count, MPI_Count, const MPI_Count[], MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_create_indexed_block_c);

int PMPI_Type_create_hindexed_block_c(MPI_Count count, MPI_Count blocklength, const MPI_Count array_of_displacements[], MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    const char *fn = "MPI_Type_create_hindexed_block_c";
    if (!wasmrun_fits(count) || !wasmrun_fits(blocklength))
        return too_big(fn);
    MPI_Aint *disp;
    int rc = aints(array_of_displacements, (int)count, &disp);
    if (rc != MPI_SUCCESS)
        return arrays_failed(fn, rc);
    rc = PMPI_Type_create_hindexed_block((int)count, (int)blocklength, disp, oldtype, newtype);
    free(disp);
    return rc;
}
int MPI_Type_create_hindexed_block_c(MPI_Count, MPI_Count, const MPI_Count[], MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_create_hindexed_block_c);

int PMPI_Type_create_struct_c(MPI_Count count, const MPI_Count array_of_blocklengths[], const MPI_Count array_of_displacements[], const MPI_Datatype array_of_types[], MPI_Datatype *newtype)
{
    const char *fn = "MPI_Type_create_struct_c";
    if (!wasmrun_fits(count))
        return too_big(fn);
    int *bl;
    MPI_Aint *disp = NULL;
    int rc = wasmrun_ints(array_of_blocklengths, (int)count, &bl);
    if (rc == MPI_SUCCESS)
        rc = aints(array_of_displacements, (int)count, &disp);
    if (rc != MPI_SUCCESS) {
        free(bl);
        return arrays_failed(fn, rc);
    }
    rc = PMPI_Type_create_struct((int)count, bl, disp, array_of_types, newtype);
    free(bl);
    free(disp);
    return rc;
}
int MPI_Type_create_struct_c(MPI_Count, const MPI_Count[], const MPI_Count[], const MPI_Datatype[], MPI_Datatype *) WEAK_ALIAS(Type_create_struct_c);

int PMPI_Type_create_subarray_c(int ndims, const MPI_Count array_of_sizes[], const MPI_Count array_of_subsizes[], const MPI_Count array_of_starts[], int order, MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    const char *fn = "MPI_Type_create_subarray_c";
    int *sizes, *subsizes = NULL, *starts = NULL;
    int rc = wasmrun_ints(array_of_sizes, ndims, &sizes);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(array_of_subsizes, ndims, &subsizes);
    if (rc == MPI_SUCCESS)
        rc = wasmrun_ints(array_of_starts, ndims, &starts);
    if (rc != MPI_SUCCESS) {
        free(sizes);
        free(subsizes);
        return arrays_failed(fn, rc);
    }
    rc = PMPI_Type_create_subarray(ndims, sizes, subsizes, starts, order, oldtype, newtype);
    free(sizes);
    free(subsizes);
    free(starts);
    return rc;
}
int MPI_Type_create_subarray_c(int, const MPI_Count[], const MPI_Count[], const MPI_Count[], int, MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_create_subarray_c);

int PMPI_Type_create_darray_c(int size, int rank, int ndims, const MPI_Count array_of_gsizes[], const int array_of_distribs[], const int array_of_dargs[], const int array_of_psizes[], int order, MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    int *gsizes;
    int rc = wasmrun_ints(array_of_gsizes, ndims, &gsizes);
    if (rc != MPI_SUCCESS)
        return arrays_failed("MPI_Type_create_darray_c", rc);
    rc = PMPI_Type_create_darray(size, rank, ndims, gsizes, array_of_distribs, array_of_dargs, array_of_psizes, order, oldtype, newtype);
    free(gsizes);
    return rc;
}
int MPI_Type_create_darray_c(int, int, int, const MPI_Count[], const int[], const int[], const int[], int, MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_create_darray_c);

int PMPI_Type_create_resized_c(MPI_Datatype oldtype, MPI_Count lb, MPI_Count extent, MPI_Datatype *newtype)
{
    if (!wasmrun_fits_aint(lb) || !wasmrun_fits_aint(extent))
        return too_big("MPI_Type_create_resized_c");
    return PMPI_Type_create_resized(oldtype, (MPI_Aint)lb, (MPI_Aint)extent, newtype);
}
int MPI_Type_create_resized_c(MPI_Datatype, MPI_Count, MPI_Count, MPI_Datatype *) WEAK_ALIAS(Type_create_resized_c);

int PMPI_Type_size_c(MPI_Datatype datatype, MPI_Count *size)
{
    return PMPI_Type_size_x(datatype, size);
}
int MPI_Type_size_c(MPI_Datatype, MPI_Count *) WEAK_ALIAS(Type_size_c);

int PMPI_Type_get_extent_c(MPI_Datatype datatype, MPI_Count *lb, MPI_Count *extent)
{
    return PMPI_Type_get_extent_x(datatype, lb, extent);
}
int MPI_Type_get_extent_c(MPI_Datatype, MPI_Count *, MPI_Count *) WEAK_ALIAS(Type_get_extent_c);

int PMPI_Type_get_true_extent_c(MPI_Datatype datatype, MPI_Count *true_lb, MPI_Count *true_extent)
{
    return PMPI_Type_get_true_extent_x(datatype, true_lb, true_extent);
}
int MPI_Type_get_true_extent_c(MPI_Datatype, MPI_Count *, MPI_Count *) WEAK_ALIAS(Type_get_true_extent_c);

int PMPI_Type_get_envelope_c(MPI_Datatype datatype, MPI_Count *num_integers, MPI_Count *num_addresses, MPI_Count *num_large_counts, MPI_Count *num_datatypes, int *combiner)
{
    int ni, na, nd;
    int rc = PMPI_Type_get_envelope(datatype, &ni, &na, &nd, combiner);
    if (rc != MPI_SUCCESS)
        return rc;
    *num_integers = ni;
    *num_addresses = na;
    *num_large_counts = 0;
    *num_datatypes = nd;
    return MPI_SUCCESS;
}
int MPI_Type_get_envelope_c(MPI_Datatype, MPI_Count *, MPI_Count *, MPI_Count *, MPI_Count *, int *) WEAK_ALIAS(Type_get_envelope_c);

static int clamp(MPI_Count n)
{
    return n > INT_MAX ? INT_MAX : n < 0 ? -1 : (int)n;
}

int PMPI_Type_get_contents_c(MPI_Datatype datatype, MPI_Count max_integers, MPI_Count max_addresses, MPI_Count max_large_counts, MPI_Count max_datatypes, int array_of_integers[], MPI_Aint array_of_addresses[], MPI_Count array_of_large_counts[], MPI_Datatype array_of_datatypes[])
{
    (void)max_large_counts;
    (void)array_of_large_counts;
    /* the maxima are buffer capacities: an int form that can fill at most
     * INT_MAX entries needs no more */
    return PMPI_Type_get_contents(datatype, clamp(max_integers), clamp(max_addresses), clamp(max_datatypes), array_of_integers, array_of_addresses, array_of_datatypes);
}
int MPI_Type_get_contents_c(MPI_Datatype, MPI_Count, MPI_Count, MPI_Count, MPI_Count, int[], MPI_Aint[], MPI_Count[], MPI_Datatype[]) WEAK_ALIAS(Type_get_contents_c);

/* status_bytes is the byte count the bridge keeps in a status. */
static MPI_Count status_bytes(const MPI_Status *status)
{
    return (MPI_Count)((uint64_t)(uint32_t)status->MPI_internal[0] | (uint64_t)(uint32_t)status->MPI_internal[1] << 32);
}

static void set_status_bytes(MPI_Status *status, MPI_Count bytes)
{
    status->MPI_internal[0] = (int)(uint32_t)(uint64_t)bytes;
    status->MPI_internal[1] = (int)(uint32_t)((uint64_t)bytes >> 32);
}

int PMPI_Get_count_c(const MPI_Status *status, MPI_Datatype datatype, MPI_Count *count)
{
    int n;
    int rc = PMPI_Get_count(status, datatype, &n);
    if (rc != MPI_SUCCESS)
        return rc;
    *count = n;
    if (n != MPI_UNDEFINED)
        return MPI_SUCCESS;
    MPI_Count size, bytes = status_bytes(status);
    if (PMPI_Type_size_x(datatype, &size) == MPI_SUCCESS && size > 0 && bytes % size == 0)
        *count = bytes / size;
    return MPI_SUCCESS;
}
int MPI_Get_count_c(const MPI_Status *, MPI_Datatype, MPI_Count *) WEAK_ALIAS(Get_count_c);

int PMPI_Get_elements_c(const MPI_Status *status, MPI_Datatype datatype, MPI_Count *count)
{
    int n;
    int rc = PMPI_Get_elements(status, datatype, &n);
    if (rc != MPI_SUCCESS)
        return rc;
    *count = n;
    if (n != MPI_UNDEFINED)
        return MPI_SUCCESS;
    /* whole copies of the datatype times the elements of one, plus the
     * elements of the partial copy at the end */
    MPI_Count size, bytes = status_bytes(status);
    if (PMPI_Type_size_x(datatype, &size) != MPI_SUCCESS || size <= 0 || bytes <= INT_MAX)
        return MPI_SUCCESS;
    MPI_Status one = *status, rest = *status;
    set_status_bytes(&one, size);
    set_status_bytes(&rest, bytes % size);
    int per = MPI_UNDEFINED, tail = MPI_UNDEFINED;
    PMPI_Get_elements(&one, datatype, &per);
    PMPI_Get_elements(&rest, datatype, &tail);
    if (per != MPI_UNDEFINED && tail != MPI_UNDEFINED)
        *count = bytes / size * per + tail;
    return MPI_SUCCESS;
}
int MPI_Get_elements_c(const MPI_Status *, MPI_Datatype, MPI_Count *) WEAK_ALIAS(Get_elements_c);

int PMPI_Pack_c(const void *inbuf, MPI_Count incount, MPI_Datatype datatype, void *outbuf, MPI_Count outsize, MPI_Count *position, MPI_Comm comm)
{
    const char *fn = "MPI_Pack_c";
    if (position == NULL)
        return wasmrun_comm_raise(comm, fn, MPI_ERR_ARG, "position is NULL");
    if (wasmrun_fits(incount) && wasmrun_fits(outsize) && wasmrun_fits(*position)) {
        int pos = (int)*position;
        int rc = PMPI_Pack(inbuf, (int)incount, datatype, outbuf, (int)outsize, &pos, comm);
        if (rc == MPI_SUCCESS)
            *position = pos;
        return rc;
    }
    if (*position < 0 || *position > outsize)
        return wasmrun_comm_raise(comm, fn, MPI_ERR_ARG, "position is outside the output buffer");
    int n, pos = 0;
    MPI_Datatype t;
    int rc = wasmrun_carry(incount, datatype, &n, &t);
    if (rc != MPI_SUCCESS)
        return wasmrun_comm_raise(comm, fn, rc, "incount does not fit in an int and no datatype can carry it");
    MPI_Count room = outsize - *position;
    rc = PMPI_Pack(inbuf, n, t, (char *)outbuf + (intptr_t)*position, room > INT_MAX ? INT_MAX : (int)room, &pos, comm);
    wasmrun_uncarry(t, datatype);
    if (rc == MPI_SUCCESS)
        *position += pos;
    return rc;
}
int MPI_Pack_c(const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Count *, MPI_Comm) WEAK_ALIAS(Pack_c);

int PMPI_Unpack_c(const void *inbuf, MPI_Count insize, MPI_Count *position, void *outbuf, MPI_Count outcount, MPI_Datatype datatype, MPI_Comm comm)
{
    const char *fn = "MPI_Unpack_c";
    if (position == NULL)
        return wasmrun_comm_raise(comm, fn, MPI_ERR_ARG, "position is NULL");
    if (wasmrun_fits(insize) && wasmrun_fits(outcount) && wasmrun_fits(*position)) {
        int pos = (int)*position;
        int rc = PMPI_Unpack(inbuf, (int)insize, &pos, outbuf, (int)outcount, datatype, comm);
        if (rc == MPI_SUCCESS)
            *position = pos;
        return rc;
    }
    if (*position < 0 || *position > insize)
        return wasmrun_comm_raise(comm, fn, MPI_ERR_ARG, "position is outside the input buffer");
    int n, pos = 0;
    MPI_Datatype t;
    int rc = wasmrun_carry(outcount, datatype, &n, &t);
    if (rc != MPI_SUCCESS)
        return wasmrun_comm_raise(comm, fn, rc, "outcount does not fit in an int and no datatype can carry it");
    MPI_Count left = insize - *position;
    rc = PMPI_Unpack((const char *)inbuf + (intptr_t)*position, left > INT_MAX ? INT_MAX : (int)left, &pos, outbuf, n, t, comm);
    wasmrun_uncarry(t, datatype);
    if (rc == MPI_SUCCESS)
        *position += pos;
    return rc;
}
int MPI_Unpack_c(const void *, MPI_Count, MPI_Count *, void *, MPI_Count, MPI_Datatype, MPI_Comm) WEAK_ALIAS(Unpack_c);

int PMPI_Pack_size_c(MPI_Count incount, MPI_Datatype datatype, MPI_Comm comm, MPI_Count *size)
{
    if (wasmrun_fits(incount)) {
        int n;
        int rc = PMPI_Pack_size((int)incount, datatype, comm, &n);
        if (rc == MPI_SUCCESS)
            *size = n;
        return rc;
    }
    if (incount < 0)
        return wasmrun_comm_raise(comm, "MPI_Pack_size_c", MPI_ERR_COUNT, "negative count");
    MPI_Count one;
    int rc = PMPI_Type_size_x(datatype, &one);
    if (rc == MPI_SUCCESS)
        *size = incount * one;
    return rc;
}
int MPI_Pack_size_c(MPI_Count, MPI_Datatype, MPI_Comm, MPI_Count *) WEAK_ALIAS(Pack_size_c);

int PMPI_Pack_external_c(const char *datarep, const void *inbuf, MPI_Count incount, MPI_Datatype datatype, void *outbuf, MPI_Count outsize, MPI_Count *position)
{
    const char *fn = "MPI_Pack_external_c";
    if (position == NULL)
        return fail(fn, MPI_ERR_ARG, "position is NULL");
    if (!wasmrun_fits_aint(outsize) || !wasmrun_fits_aint(*position))
        return too_big(fn);
    int n;
    MPI_Datatype t;
    int rc = wasmrun_carry(incount, datatype, &n, &t);
    if (rc != MPI_SUCCESS)
        return fail(fn, rc, "incount does not fit in an int and no datatype can carry it");
    MPI_Aint pos = (MPI_Aint)*position;
    rc = PMPI_Pack_external(datarep, inbuf, n, t, outbuf, (MPI_Aint)outsize, &pos);
    wasmrun_uncarry(t, datatype);
    if (rc == MPI_SUCCESS)
        *position = pos;
    return rc;
}
int MPI_Pack_external_c(const char *, const void *, MPI_Count, MPI_Datatype, void *, MPI_Count, MPI_Count *) WEAK_ALIAS(Pack_external_c);

int PMPI_Unpack_external_c(const char datarep[], const void *inbuf, MPI_Count insize, MPI_Count *position, void *outbuf, MPI_Count outcount, MPI_Datatype datatype)
{
    const char *fn = "MPI_Unpack_external_c";
    if (position == NULL)
        return fail(fn, MPI_ERR_ARG, "position is NULL");
    if (!wasmrun_fits_aint(insize) || !wasmrun_fits_aint(*position))
        return too_big(fn);
    int n;
    MPI_Datatype t;
    int rc = wasmrun_carry(outcount, datatype, &n, &t);
    if (rc != MPI_SUCCESS)
        return fail(fn, rc, "outcount does not fit in an int and no datatype can carry it");
    MPI_Aint pos = (MPI_Aint)*position;
    rc = PMPI_Unpack_external(datarep, inbuf, (MPI_Aint)insize, &pos, outbuf, n, t);
    wasmrun_uncarry(t, datatype);
    if (rc == MPI_SUCCESS)
        *position = pos;
    return rc;
}
int MPI_Unpack_external_c(const char[], const void *, MPI_Count, MPI_Count *, void *, MPI_Count, MPI_Datatype) WEAK_ALIAS(Unpack_external_c);

int PMPI_Pack_external_size_c(const char *datarep, MPI_Count incount, MPI_Datatype datatype, MPI_Count *size)
{
    int n;
    MPI_Datatype t;
    int rc = wasmrun_carry(incount, datatype, &n, &t);
    if (rc != MPI_SUCCESS)
        return fail("MPI_Pack_external_size_c", rc, "incount does not fit in an int and no datatype can carry it");
    MPI_Aint s;
    rc = PMPI_Pack_external_size(datarep, n, t, &s);
    wasmrun_uncarry(t, datatype);
    if (rc == MPI_SUCCESS)
        *size = s;
    return rc;
}
int MPI_Pack_external_size_c(const char *, MPI_Count, MPI_Datatype, MPI_Count *) WEAK_ALIAS(Pack_external_size_c);
