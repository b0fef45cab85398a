/* What the large-count (_c) functions of the guest library share
 * (bigcount_*.c). Each _c function calls the int form when every count
 * fits in an int. Otherwise:
 *
 * - a single count is carried by a derived datatype that holds `count`
 *   elements of the datatype (wasmrun_carry): count = q * C + r becomes a
 *   struct of contiguous(r) at 0 and contiguous(q) of contiguous(C) at
 *   r * extent, so the elements keep their order and the type signature is
 *   that of `count` elements; the int form then moves one carrier. The
 *   carrier is freed right after a blocking call. An operation that goes
 *   on after the call (nonblocking, persistent, split collective,
 *   one-sided) keeps its carrier for the rest of the run instead: the
 *   standard lets a datatype be freed while such an operation uses it,
 *   but the bridge checks a persistent request's datatypes again at every
 *   MPI_Start, and MPICH 4.0.2's ROMIO completes an MPI_File_iread_all
 *   whose datatype was freed with a garbage count in its status (natively
 *   too). Only counts above INT_MAX make carriers, so few are kept;
 * - reductions cannot be carried (predefined operators work on predefined
 *   types): the blocking ones are applied chunk by chunk, the
 *   nonblocking and persistent ones fail with MPI_ERR_COUNT;
 * - arrays of counts or displacements (the v and w forms, datatype
 *   constructors) are copied into int arrays, and a count or displacement
 *   that does not fit fails with MPI_ERR_COUNT. The int copies of the
 *   nonblocking and persistent forms are kept for the rest of the run (one
 *   copy per distinct content), because the host may read them until the
 *   operation completes, or at every start.
 *
 * Nothing is truncated silently. wasmrun_mpi_set_count_limit lowers the
 * threshold so that tests can exercise these paths with small buffers. */
#include <limits.h>
#include <mpi.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* carriers never carry attributes: free them with the host's
 * MPI_Type_free, not typeattr.c's */
__attribute__((import_module("wasmrun_mpi"), import_name("MPI_Type_free"))) int wasmrun_type_free(MPI_Datatype *);

static MPI_Count limit = INT_MAX;

/* wasmrun_mpi_set_count_limit makes counts, and displacements counted in
 * elements, above n be treated as if they did not fit in an int (n <= 0
 * or above INT_MAX restores INT_MAX). Byte displacements keep the range
 * of their type. For tests only. */
void wasmrun_mpi_set_count_limit(MPI_Count n)
{
    limit = n > 0 && n <= INT_MAX ? n : INT_MAX;
}

int wasmrun_fits(MPI_Count n)
{
    return n <= limit && n >= INT_MIN;
}

MPI_Count wasmrun_count_limit(void)
{
    return limit;
}

/* wasmrun_carry gives the count and datatype that move `count` elements
 * of `type` through an int-count function: the same ones when count
 * fits, else 1 and a committed carrier. It returns an error class (not
 * raised) when no carrier can be built. */
int wasmrun_carry(MPI_Count count, MPI_Datatype type, int *n, MPI_Datatype *t)
{
    if (wasmrun_fits(count)) {
        *n = (int)count;
        *t = type;
        return MPI_SUCCESS;
    }
    if (count < 0)
        return MPI_ERR_COUNT;
    MPI_Count lb, ext;
    int rc = PMPI_Type_get_extent_x(type, &lb, &ext);
    if (rc != MPI_SUCCESS)
        return MPI_ERR_TYPE;
    MPI_Count c = limit < (1 << 30) ? limit : (1 << 30);
    MPI_Count q = count / c, r = count % c;
    MPI_Count rdisp = r * ext;
    if (q > INT_MAX || rdisp > INTPTR_MAX || rdisp < INTPTR_MIN)
        return MPI_ERR_COUNT;
    MPI_Datatype tc, tq, tr, carrier;
    if ((rc = PMPI_Type_contiguous((int)c, type, &tc)) != MPI_SUCCESS)
        return rc;
    rc = PMPI_Type_contiguous((int)q, tc, &tq);
    wasmrun_type_free(&tc);
    if (rc != MPI_SUCCESS)
        return rc;
    if (r == 0) {
        carrier = tq;
    } else {
        if ((rc = PMPI_Type_contiguous((int)r, type, &tr)) != MPI_SUCCESS) {
            wasmrun_type_free(&tq);
            return rc;
        }
        int bl[2] = {1, 1};
        MPI_Aint disp[2] = {0, (MPI_Aint)rdisp};
        MPI_Datatype types[2] = {tr, tq};
        rc = PMPI_Type_create_struct(2, bl, disp, types, &carrier);
        wasmrun_type_free(&tr);
        wasmrun_type_free(&tq);
        if (rc != MPI_SUCCESS)
            return rc;
        /* a struct pads its extent to the alignment of its members; the
         * carrier must span exactly count extents */
        MPI_Count clb, cext;
        if ((rc = PMPI_Type_get_extent_x(carrier, &clb, &cext)) != MPI_SUCCESS) {
            wasmrun_type_free(&carrier);
            return rc;
        }
        if (clb != lb || cext != count * ext) {
            MPI_Count want = count * ext;
            MPI_Datatype resized;
            if (lb > INTPTR_MAX || lb < INTPTR_MIN || want > INTPTR_MAX || want < INTPTR_MIN) {
                wasmrun_type_free(&carrier);
                return MPI_ERR_COUNT;
            }
            rc = PMPI_Type_create_resized(carrier, (MPI_Aint)lb, (MPI_Aint)want, &resized);
            wasmrun_type_free(&carrier);
            if (rc != MPI_SUCCESS)
                return rc;
            carrier = resized;
        }
    }
    if ((rc = PMPI_Type_commit(&carrier)) != MPI_SUCCESS) {
        wasmrun_type_free(&carrier);
        return rc;
    }
    *n = 1;
    *t = carrier;
    return MPI_SUCCESS;
}

/* wasmrun_uncarry frees a carrier made by wasmrun_carry. */
void wasmrun_uncarry(MPI_Datatype t, MPI_Datatype type)
{
    if (t != type)
        wasmrun_type_free(&t);
}

/* wasmrun_extent is the extent of type (for stepping through a buffer in
 * chunks); 0 when type is invalid (the int form then reports it). */
MPI_Count wasmrun_extent(MPI_Datatype type)
{
    MPI_Count lb, ext;
    if (PMPI_Type_get_extent_x(type, &lb, &ext) != MPI_SUCCESS)
        return 0;
    return ext;
}

/* wasmrun_ints copies n counts into a new int array (NULL for a NULL
 * array); MPI_ERR_COUNT when one does not fit. */
int wasmrun_ints(const MPI_Count *in, int n, int **out)
{
    *out = NULL;
    if (in == NULL || n <= 0)
        return MPI_SUCCESS;
    int *p = malloc((size_t)n * sizeof *p);
    if (p == NULL)
        return MPI_ERR_NO_MEM;
    for (int i = 0; i < n; i++) {
        if (!wasmrun_fits(in[i])) {
            free(p);
            return MPI_ERR_COUNT;
        }
        p[i] = (int)in[i];
    }
    *out = p;
    return MPI_SUCCESS;
}

/* wasmrun_aints is wasmrun_ints for displacements given as MPI_Aint. */
int wasmrun_aints(const MPI_Aint *in, int n, int **out)
{
    *out = NULL;
    if (in == NULL || n <= 0)
        return MPI_SUCCESS;
    int *p = malloc((size_t)n * sizeof *p);
    if (p == NULL)
        return MPI_ERR_NO_MEM;
    for (int i = 0; i < n; i++) {
        if (!wasmrun_fits(in[i])) {
            free(p);
            return MPI_ERR_COUNT;
        }
        p[i] = (int)in[i];
    }
    *out = p;
    return MPI_SUCCESS;
}

/* wasmrun_byte_ints copies n byte displacements into a new int array;
 * MPI_ERR_COUNT when one is outside the range of an int. */
int wasmrun_byte_ints(const MPI_Aint *in, int n, int **out)
{
    *out = NULL;
    if (in == NULL || n <= 0)
        return MPI_SUCCESS;
    int *p = malloc((size_t)n * sizeof *p);
    if (p == NULL)
        return MPI_ERR_NO_MEM;
    for (int i = 0; i < n; i++) {
        if ((MPI_Count)in[i] > INT_MAX || (MPI_Count)in[i] < INT_MIN) {
            free(p);
            return MPI_ERR_COUNT;
        }
        p[i] = (int)in[i];
    }
    *out = p;
    return MPI_SUCCESS;
}

/* wasmrun_fits_aint reports whether a byte displacement fits in MPI_Aint. */
int wasmrun_fits_aint(MPI_Count n)
{
    return n <= INTPTR_MAX && n >= INTPTR_MIN;
}

/* Int arrays kept for nonblocking and persistent operations, one per
 * distinct content. */
typedef struct kept {
    struct kept *next;
    int n;
    int v[];
} kept_t;

static kept_t *kept;

/* wasmrun_keep returns a copy of the n ints at p that lives for the rest
 * of the run, and frees p. */
int *wasmrun_keep(int *p, int n)
{
    if (p == NULL)
        return NULL;
    for (kept_t *k = kept; k != NULL; k = k->next) {
        if (k->n == n && memcmp(k->v, p, (size_t)n * sizeof *p) == 0) {
            free(p);
            return k->v;
        }
    }
    kept_t *k = malloc(sizeof *k + (size_t)n * sizeof *p);
    if (k == NULL)
        return p; /* keep the caller's copy itself: never freed */
    k->n = n;
    memcpy(k->v, p, (size_t)n * sizeof *p);
    k->next = kept;
    kept = k;
    free(p);
    return k->v;
}

/* wasmrun_peers is the length of the per-process arrays of a collective
 * on comm: the remote group's size on an inter-communicator. */
int wasmrun_peers(MPI_Comm comm)
{
    int inter = 0, n = 0;
    if (PMPI_Comm_test_inter(comm, &inter) != MPI_SUCCESS)
        return 0;
    if (inter)
        PMPI_Comm_remote_size(comm, &n);
    else
        PMPI_Comm_size(comm, &n);
    return n;
}

/* wasmrun_local_size is the size of comm's (local) group. */
int wasmrun_local_size(MPI_Comm comm)
{
    int n = 0;
    PMPI_Comm_size(comm, &n);
    return n;
}

/* wasmrun_is_root reports whether this process supplies the root's
 * arguments of a rooted collective. */
int wasmrun_is_root(MPI_Comm comm, int root)
{
    int inter = 0, rank = -1;
    if (PMPI_Comm_test_inter(comm, &inter) != MPI_SUCCESS)
        return 0;
    if (inter)
        return root == MPI_ROOT;
    PMPI_Comm_rank(comm, &rank);
    return rank == root;
}

/* wasmrun_neighbors gives the in- and out-degree of comm's topology (0
 * without one: the int form then reports MPI_ERR_TOPOLOGY). */
void wasmrun_neighbors(MPI_Comm comm, int *indegree, int *outdegree)
{
    int topo = MPI_UNDEFINED, n = 0, rank = 0, weighted = 0;
    *indegree = *outdegree = 0;
    if (PMPI_Topo_test(comm, &topo) != MPI_SUCCESS)
        return;
    switch (topo) {
    case MPI_CART:
        PMPI_Cartdim_get(comm, &n);
        *indegree = *outdegree = 2 * n;
        break;
    case MPI_GRAPH:
        PMPI_Comm_rank(comm, &rank);
        PMPI_Graph_neighbors_count(comm, rank, &n);
        *indegree = *outdegree = n;
        break;
    case MPI_DIST_GRAPH:
        PMPI_Dist_graph_neighbors_count(comm, indegree, outdegree, &weighted);
        break;
    }
}
