/* The host side of wasmrun's MPI bridge: a plain C API over the host MPI
 * library. Arguments are integers, host addresses (uintptr_t, already
 * bounds-checked by the Go side) and host handles (uintptr_t, translated from
 * guest handles by the Go side). Ranks, tags and other sentinels arrive in the
 * standard ABI's values and are translated here. Each function is one call
 * from Go and returns the host MPI's error code (map it with
 * wr_abi_errclass). Guest statuses are 8 int32s: source, tag, error, count
 * (bytes, low then high word), cancelled, two unused.
 *
 * The functions live in a plugin per MPI family (the C files of plugin/, built against
 * that family's mpi.h into plugin/lib/FAMILY.so and embedded in wasmrun);
 * wasmrun itself calls them through dispatch.c, which load.c binds to the
 * plugin it loads at run time. */
#ifndef WASMRUN_CALLS_H
#define WASMRUN_CALLS_H
#include <stdint.h>

#define WR_IN_PLACE ((uintptr_t)1) /* guest MPI_IN_PLACE */

/* send modes */
enum { WR_STANDARD = 0, WR_SYNC = 1, WR_READY = 2, WR_BUFFERED = 3 };

/* environment */
int wr_init(int required, int *provided);
int wr_initialized(int *flag);
int wr_finalized(int *flag);
int wr_finalize(void);
int wr_abort(uintptr_t comm, int code);
double wr_wtime(void);
double wr_wtick(void);
int wr_processor_name(char *out, int cap, int *len);
int wr_library_version(char *out, int cap, int *len);
int wr_comm_attr(uintptr_t comm, int abi_key, int32_t *value, int *flag);

/* point to point */
int wr_send(uintptr_t buf, int count, uintptr_t type, int dest, int tag, uintptr_t comm, int mode);
int wr_isend(uintptr_t buf, int count, uintptr_t type, int dest, int tag, uintptr_t comm, int mode, uintptr_t *req);
int wr_recv(uintptr_t buf, int count, uintptr_t type, int src, int tag, uintptr_t comm, int32_t *status);
int wr_irecv(uintptr_t buf, int count, uintptr_t type, int src, int tag, uintptr_t comm, uintptr_t *req);
int wr_sendrecv(uintptr_t sbuf, int scount, uintptr_t stype, int dest, int stag,
                uintptr_t rbuf, int rcount, uintptr_t rtype, int src, int rtag, uintptr_t comm, int32_t *status);
int wr_sendrecv_replace(uintptr_t buf, int count, uintptr_t type, int dest, int stag, int src, int rtag,
                        uintptr_t comm, int32_t *status);
/* MPI-4.0; built on MPI_Grequest_start where the host is MPI-3.1 */
int wr_isendrecv(uintptr_t sbuf, int scount, uintptr_t stype, int dest, int stag, uintptr_t rbuf, int rcount,
                 uintptr_t rtype, int src, int rtag, uintptr_t comm, uintptr_t *req);
int wr_isendrecv_replace(uintptr_t buf, int count, uintptr_t type, int dest, int stag, int src, int rtag,
                         uintptr_t comm, uintptr_t *req);
/* generalized requests (calls_pair.c): id is the bridge's; the guest's
 * functions are called through the function given to wr_set_greq, with
 * kind WR_GREQ_*, id, cancel's complete flag, and for a query the guest
 * status (8 int32) to fill; it returns the guest function's result. */
enum { WR_GREQ_QUERY = 0, WR_GREQ_FREE = 1, WR_GREQ_CANCEL = 2 };
typedef int wr_greq_fn(int kind, int id, int complete, int32_t *status);
void wr_set_greq(wr_greq_fn *fn);
int wr_grequest_start(int id, uintptr_t *req);
int wr_grequest_complete(uintptr_t req);
int wr_probe(int src, int tag, uintptr_t comm, int32_t *status);
int wr_iprobe(int src, int tag, uintptr_t comm, int *flag, int32_t *status);
int wr_buffer_attach(int size); /* a host buffer of size bytes */
int wr_buffer_detach(int *size);

/* completion: reqs are host requests, updated in place (MPI_REQUEST_NULL
 * when freed); statuses are guest statuses or NULL. */
int wr_wait(uintptr_t *req, int32_t *status);
int wr_test(uintptr_t *req, int *flag, int32_t *status);
int wr_waitall(int n, uintptr_t *reqs, int32_t *statuses);
int wr_testall(int n, uintptr_t *reqs, int *flag, int32_t *statuses);
int wr_waitany(int n, uintptr_t *reqs, int *index, int32_t *status);
int wr_testany(int n, uintptr_t *reqs, int *index, int *flag, int32_t *status);
int wr_waitsome(int n, uintptr_t *reqs, int *outcount, int *indices, int32_t *statuses);
int wr_testsome(int n, uintptr_t *reqs, int *outcount, int *indices, int32_t *statuses);
int wr_request_free(uintptr_t *req);
int wr_cancel(uintptr_t req);
uintptr_t wr_request_null(void);

/* collectives */
int wr_barrier(uintptr_t comm);
int wr_bcast(uintptr_t buf, int count, uintptr_t type, int root, uintptr_t comm);
int wr_gather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm);
int wr_gatherv(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, const int *rcounts, const int *displs, uintptr_t rtype, int root, uintptr_t comm);
int wr_scatter(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm);
int wr_scatterv(uintptr_t sbuf, const int *scounts, const int *displs, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm);
int wr_allgather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm);
int wr_allgatherv(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, const int *rcounts, const int *displs, uintptr_t rtype, uintptr_t comm);
int wr_alltoall(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm);
int wr_alltoallv(uintptr_t sbuf, const int *scounts, const int *sdispls, uintptr_t stype,
                 uintptr_t rbuf, const int *rcounts, const int *rdispls, uintptr_t rtype, uintptr_t comm);
int wr_reduce(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, int root, uintptr_t comm);
int wr_allreduce(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm);
int wr_reduce_scatter(uintptr_t sbuf, uintptr_t rbuf, const int *rcounts, uintptr_t type, uintptr_t op, uintptr_t comm);
int wr_reduce_scatter_block(uintptr_t sbuf, uintptr_t rbuf, int rcount, uintptr_t type, uintptr_t op, uintptr_t comm);
int wr_scan(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm);
int wr_exscan(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm);
int wr_reduce_local(uintptr_t in, uintptr_t inout, int count, uintptr_t type, uintptr_t op);

/* communicators and groups: new handles come back through out pointers;
 * null results are the host's null handle (compare with wr_comm_null). */
uintptr_t wr_comm_null(void);
uintptr_t wr_group_null(void);
int wr_comm_size(uintptr_t comm, int *size);
int wr_comm_rank(uintptr_t comm, int *rank);
int wr_comm_dup(uintptr_t comm, uintptr_t *out);
int wr_comm_split(uintptr_t comm, int color, int key, uintptr_t *out);
int wr_comm_split_type(uintptr_t comm, int abi_type, int key, uintptr_t *out);
int wr_comm_create(uintptr_t comm, uintptr_t group, uintptr_t *out);
int wr_comm_free(uintptr_t *comm);
int wr_comm_compare(uintptr_t a, uintptr_t b, int *result);
int wr_comm_set_name(uintptr_t comm, const char *name);
int wr_comm_get_name(uintptr_t comm, char *out, int cap, int *len);
int wr_comm_group(uintptr_t comm, uintptr_t *out);
int wr_comm_remote_group(uintptr_t comm, uintptr_t *out);
int wr_group_size(uintptr_t g, int *size);
int wr_group_rank(uintptr_t g, int *rank);
int wr_group_incl(uintptr_t g, int n, const int *ranks, uintptr_t *out);
int wr_group_excl(uintptr_t g, int n, const int *ranks, uintptr_t *out);
int wr_group_range_incl(uintptr_t g, int n, int (*ranges)[3], uintptr_t *out);
int wr_group_union(uintptr_t a, uintptr_t b, uintptr_t *out);
int wr_group_intersection(uintptr_t a, uintptr_t b, uintptr_t *out);
int wr_group_difference(uintptr_t a, uintptr_t b, uintptr_t *out);
int wr_group_translate_ranks(uintptr_t a, int n, const int *ranks, uintptr_t b, int *out);
int wr_group_compare(uintptr_t a, uintptr_t b, int *result);
int wr_group_free(uintptr_t *g);

/* datatypes */
int wr_type_size(uintptr_t type, int64_t *size);


/* derived datatypes (calls_type.c): guest MPI_Aint arrays arrive as int32. */
int wr_type_contiguous(int count, uintptr_t old, uintptr_t *out);
int wr_type_vector(int count, int blocklen, int stride, uintptr_t old, uintptr_t *out);
int wr_type_hvector(int count, int blocklen, int64_t stride, uintptr_t old, uintptr_t *out);
int wr_type_indexed(int count, const int *blocklens, const int *displs, uintptr_t old, uintptr_t *out);
int wr_type_indexed_block(int count, int blocklen, const int *displs, uintptr_t old, uintptr_t *out);
int wr_type_hindexed(int count, const int *blocklens, const int32_t *gdispls, uintptr_t old, uintptr_t *out);
int wr_type_hindexed_block(int count, int blocklen, const int32_t *gdispls, uintptr_t old, uintptr_t *out);
int wr_type_struct(int count, const int *blocklens, const int32_t *gdispls, const uintptr_t *types, uintptr_t *out);
int wr_type_subarray(int ndims, const int *sizes, const int *subsizes, const int *starts, int abi_order,
                     uintptr_t old, uintptr_t *out);
int wr_type_darray(int size, int rank, int ndims, const int *gsizes, const int *distribs, const int *dargs,
                   const int *psizes, int abi_order, uintptr_t old, uintptr_t *out);
int wr_type_resized(uintptr_t old, int64_t lb, int64_t extent, uintptr_t *out);
int wr_type_dup(uintptr_t old, uintptr_t *out);
int wr_type_commit(uintptr_t *type);
int wr_type_free(uintptr_t *type);
/* info: size, lb, extent, true lb, true extent */
int wr_type_info(uintptr_t type, int64_t *info);
int wr_pack(uintptr_t in, int incount, uintptr_t type, uintptr_t out, int outsize, int *position, uintptr_t comm);
int wr_unpack(uintptr_t in, int insize, int *position, uintptr_t out, int outcount, uintptr_t type, uintptr_t comm);
int wr_pack_size(int incount, uintptr_t type, uintptr_t comm, int *size);
int wr_pack_external(uintptr_t in, int incount, uintptr_t type, uintptr_t out, int64_t outsize, int32_t *position);
int wr_unpack_external(uintptr_t in, int64_t insize, int32_t *position, uintptr_t out, int outcount, uintptr_t type);
int wr_pack_external_size(int incount, uintptr_t type, int64_t *size);
/* basic elements of type in a message of bytes bytes (-1: MPI_UNDEFINED) */
int wr_get_elements(int64_t bytes, uintptr_t type, int64_t *count);
/* user-defined ops (calls_op.c): slot picks one of WR_OP_SLOTS trampolines
 * that calls the function given to wr_set_user_op (wasmrun's Go
 * wasmrunUserOp) with that slot, the operands, their count and the host
 * datatype. */
#define WR_OP_SLOTS 64
typedef void wr_user_op_fn(int slot, void *in, void *inout, int *len, uintptr_t type);
void wr_set_user_op(wr_user_op_fn *fn);
int wr_op_create(int slot, int commute, uintptr_t *op);
int wr_op_free(uintptr_t *op);
int wr_op_commutative(uintptr_t op, int *commute);

/* nonblocking collectives, Alltoallw, neighbourhood collectives and
 * persistent requests (calls_icoll.c) */
int wr_ibarrier(uintptr_t comm, uintptr_t *req);
int wr_ibcast(uintptr_t buf, int count, uintptr_t type, int root, uintptr_t comm, uintptr_t *req);
int wr_igather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm, uintptr_t *req);
int wr_iscatter(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm, uintptr_t *req);
int wr_igatherv(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, const int *rcounts, const int *displs, uintptr_t rtype, int root, uintptr_t comm, uintptr_t *req);
int wr_iscatterv(uintptr_t sbuf, const int *scounts, const int *displs, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm, uintptr_t *req);
int wr_iallgather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm, uintptr_t *req);
int wr_iallgatherv(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, const int *rcounts, const int *displs, uintptr_t rtype, uintptr_t comm, uintptr_t *req);
int wr_ialltoall(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm, uintptr_t *req);
int wr_ialltoallv(uintptr_t sbuf, const int *scounts, const int *sdispls, uintptr_t stype,
                  uintptr_t rbuf, const int *rcounts, const int *rdispls, uintptr_t rtype, uintptr_t comm, uintptr_t *req);
int wr_ireduce(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, int root, uintptr_t comm, uintptr_t *req);
int wr_iallreduce(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm, uintptr_t *req);
int wr_iscan(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm, uintptr_t *req);
int wr_iexscan(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm, uintptr_t *req);
int wr_ireduce_scatter(uintptr_t sbuf, uintptr_t rbuf, const int *rcounts, uintptr_t type, uintptr_t op, uintptr_t comm, uintptr_t *req);
int wr_ireduce_scatter_block(uintptr_t sbuf, uintptr_t rbuf, int rcount, uintptr_t type, uintptr_t op, uintptr_t comm, uintptr_t *req);
int wr_alltoallw(uintptr_t sbuf, const int *scounts, const int *sdispls, const uintptr_t *stypes,
                 uintptr_t rbuf, const int *rcounts, const int *rdispls, const uintptr_t *rtypes, int n, uintptr_t comm);
int wr_neighbor_allgather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm);
int wr_neighbor_alltoall(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm);
int wr_send_init(uintptr_t buf, int count, uintptr_t type, int dest, int tag, uintptr_t comm, int mode, uintptr_t *req);
int wr_recv_init(uintptr_t buf, int count, uintptr_t type, int src, int tag, uintptr_t comm, uintptr_t *req);
int wr_start(uintptr_t *req);

/* process topologies (calls_topo.c) */
enum { WR_WEIGHTS_GIVEN = 0, WR_UNWEIGHTED = 1, WR_WEIGHTS_EMPTY = 2 };
int wr_dims_create(int nnodes, int ndims, int *dims);
int wr_cart_create(uintptr_t comm, int ndims, const int *dims, const int *periods, int reorder, uintptr_t *out);
int wr_cart_get(uintptr_t comm, int maxdims, int *dims, int *periods, int *coords);
int wr_cart_rank(uintptr_t comm, const int *coords, int *rank);
int wr_cart_coords(uintptr_t comm, int rank, int maxdims, int *coords);
int wr_cart_shift(uintptr_t comm, int direction, int disp, int *src, int *dst);
int wr_cart_sub(uintptr_t comm, const int *remain, uintptr_t *out);
int wr_cartdim_get(uintptr_t comm, int *ndims);
int wr_topo_test(uintptr_t comm, int *status);
int wr_graph_create(uintptr_t comm, int nnodes, const int *index, const int *edges, int reorder, uintptr_t *out);
int wr_dist_graph_create_adjacent(uintptr_t comm, int indegree, const int *sources, int srcw_kind, const int *srcw,
                                  int outdegree, const int *dests, int dstw_kind, const int *dstw,
                                  uintptr_t info, int reorder, uintptr_t *out);
/* neighbour counts of this rank (0, 0 without a topology) */
int wr_topo_degrees(uintptr_t comm, int *indegree, int *outdegree);
int wr_graphdims_get(uintptr_t comm, int *nnodes, int *nedges);
int wr_graph_get(uintptr_t comm, int maxindex, int maxedges, int *index, int *edges);
int wr_graph_neighbors_count(uintptr_t comm, int rank, int *n);
int wr_graph_neighbors(uintptr_t comm, int rank, int max, int *neighbors);
int wr_dist_graph_neighbors_count(uintptr_t comm, int *indegree, int *outdegree, int *weighted);
int wr_dist_graph_neighbors(uintptr_t comm, int maxin, int *sources, int srcw_kind, int *srcw, int maxout, int *dests,
                            int dstw_kind, int *dstw);
/* info: size, rank, is inter, remote size, topology in- and out-degree */
int wr_comm_info(uintptr_t comm, int *info);
/* MPI_Comm_idup writes the new communicator when its request completes:
 * into a heap cell (*cell) that wr_comm_idup_take reads and frees then. */
int wr_comm_idup(uintptr_t comm, uintptr_t *cell, uintptr_t *req);
uintptr_t wr_comm_idup_take(uintptr_t cell);
int wr_intercomm_create(uintptr_t local, int local_leader, uintptr_t peer, int remote_leader, int tag, uintptr_t *out);
int wr_intercomm_merge(uintptr_t inter, int high, uintptr_t *out);

/* matched probes and request status (calls.c) */
uintptr_t wr_message_null(void);
uintptr_t wr_message_no_proc(void);
int wr_mprobe(int src, int tag, uintptr_t comm, uintptr_t *msg, int32_t *status);
int wr_improbe(int src, int tag, uintptr_t comm, int *flag, uintptr_t *msg, int32_t *status);
int wr_mrecv(uintptr_t buf, int count, uintptr_t type, uintptr_t *msg, int32_t *status);
int wr_imrecv(uintptr_t buf, int count, uintptr_t type, uintptr_t *msg, uintptr_t *req);
int wr_request_get_status(uintptr_t req, int *flag, int32_t *status);
int wr_group_range_excl(uintptr_t grp, int n, int (*ranges)[3], uintptr_t *out);
int wr_comm_create_group(uintptr_t comm, uintptr_t group, int tag, uintptr_t *out);
int wr_comm_dup_with_info(uintptr_t comm, uintptr_t info, uintptr_t *out);
int wr_comm_set_info(uintptr_t comm, uintptr_t info);
int wr_comm_get_info(uintptr_t comm, uintptr_t *out);
int wr_ialltoallw(uintptr_t sbuf, const int *scounts, const int *sdispls, const uintptr_t *stypes,
                  uintptr_t rbuf, const int *rcounts, const int *rdispls, const uintptr_t *rtypes, int n, uintptr_t comm,
                  uintptr_t *req, uintptr_t *keep);
void wr_free(uintptr_t p);
/* req NULL: blocking */
int wr_neighbor_allgatherv(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, const int *rcounts,
                           const int *displs, uintptr_t rtype, uintptr_t comm, uintptr_t *req);
int wr_neighbor_alltoallv(uintptr_t sbuf, const int *scounts, const int *sdispls, uintptr_t stype, uintptr_t rbuf,
                          const int *rcounts, const int *rdispls, uintptr_t rtype, uintptr_t comm, uintptr_t *req);
int wr_neighbor_alltoallw(uintptr_t sbuf, const int *scounts, const int32_t *gsdispls, const uintptr_t *stypes, int outdeg,
                          uintptr_t rbuf, const int *rcounts, const int32_t *grdispls, const uintptr_t *rtypes, int indeg,
                          uintptr_t comm, uintptr_t *req, uintptr_t *keep);
int wr_ineighbor_allgather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm, uintptr_t *req);
int wr_ineighbor_alltoall(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm, uintptr_t *req);
int wr_dist_graph_create(uintptr_t comm, int n, const int *sources, const int *degrees, const int *dests, int w_kind,
                         const int *weights, uintptr_t info, int reorder, uintptr_t *out);
int wr_cart_map(uintptr_t comm, int ndims, const int *dims, const int *periods, int *newrank);
int wr_graph_map(uintptr_t comm, int nnodes, const int *index, const int *edges, int *newrank);
#endif
