/* The host side of one-sided communication (calls_rma.c), MPI-IO
 * (calls_io.c) and info objects (calls_info.c): the same plain C API as
 * calls.h. Arguments are integers, host addresses (uintptr_t, already
 * bounds-checked by the Go side), host handles (uintptr_t) and guest ABI
 * values (ranks, assertion and mode bits, lock types, whence), which are
 * translated here. Each function returns the host MPI's error code (map it
 * with wr_abi_errclass).
 *
 * Like calls.c, the files build against any MPI-3.1 mpi.h (Open MPI 4.1,
 * MPICH 4.0) and live in the per-family plugin (see calls.h). */
#ifndef WASMRUN_CALLS_EXT_H
#define WASMRUN_CALLS_EXT_H
#include <stdint.h>

/* ---- one-sided communication ---- */

/* Call before MPI_Init: on Open MPI 4.x hosts whose configuration excludes
 * the osc/pt2pt component (Debian does), re-enable it through
 * OMPI_MCA_osc unless the user set that variable. Without it, MPI_Win_create
 * fails on one-process communicators (open-mpi/ompi#10726), and wasmrun's
 * MPI_Win_allocate, which must place the window in guest memory, is an
 * MPI_Win_create. Does nothing on other hosts. */
void wr_rma_preinit(void);

/* MPI_Win_create over [base, base+size) with the host's error handler set
 * to MPI_ERRORS_RETURN. layout receives 2 int64 per rank of comm (window
 * size in bytes, displacement unit), gathered from every rank, so that the
 * bridge checks the target range of every access before the host sees it. */
int wr_win_create(uintptr_t base, int64_t size, int disp_unit, uintptr_t info, uintptr_t comm,
                  int64_t *layout, uintptr_t *win);
int wr_win_free(uintptr_t *win);

/* Shared-memory windows (calls_rma.c explains the steps of
 * MPI_Win_allocate_shared). */
int wr_win_shared_layout(uintptr_t comm, int64_t size, int64_t memsize, int64_t *sizes, int64_t *offset,
                         int *shared);
int wr_win_shared_map(uintptr_t comm, int grown, uintptr_t addr, int64_t length, int *mapped, int *why);
int wr_win_shared_unmap(uintptr_t addr, int64_t length);

/* MPI_Win_set_info, MPI_Win_get_info (a new info object in *out) */
int wr_win_set_info(uintptr_t win, uintptr_t info);
int wr_win_get_info(uintptr_t win, uintptr_t *out);

/* MPI_Win_create_dynamic. Target displacements of a dynamic window are
 * host addresses, and a guest names its memory by offset: layout receives
 * 2 int64 per rank of comm, the host address of that rank's guest offset 0
 * (base) and how many bytes of its guest memory are mapped (memsize), so
 * an origin translates an offset into an address and checks it. *bounds
 * is a second, host-allocated window with one int64 per rank, under an
 * MPI_Win_lock_all epoch for its lifetime: the rank's memsize, raised by
 * every wr_win_attach, which an origin reads (wr_win_bound) when an access
 * lies beyond what it last knew. Guest memory never shrinks or moves, so
 * an address below a memsize the target once had is always mapped. */
int wr_win_create_dynamic(uintptr_t info, uintptr_t comm, uintptr_t base, int64_t memsize,
                          int64_t *layout, uintptr_t *win, uintptr_t *bounds);
/* MPI_Win_attach of [addr, addr+size); then this rank's (rank in the
 * window's group) bound is raised to memsize */
int wr_win_attach(uintptr_t win, uintptr_t bounds, int rank, uintptr_t addr, int64_t size, int64_t memsize);
int wr_win_detach(uintptr_t win, uintptr_t addr);
/* the current memsize of rank in bounds */
int wr_win_bound(uintptr_t bounds, int rank, int64_t *memsize);
/* MPI_Win_free of a dynamic window and its bounds window */
int wr_win_free_dynamic(uintptr_t *win, uintptr_t *bounds);
int wr_win_get_group(uintptr_t win, uintptr_t *group);
int wr_win_set_name(uintptr_t win, const char *name);
int wr_win_get_name(uintptr_t win, char *out, int cap, int *len);

int wr_put(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
           uintptr_t ttype, uintptr_t win);
int wr_get(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
           uintptr_t ttype, uintptr_t win);
int wr_accumulate(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
                  uintptr_t ttype, uintptr_t op, uintptr_t win);
int wr_get_accumulate(uintptr_t origin, int ocount, uintptr_t otype, uintptr_t result, int rcount,
                      uintptr_t rtype, int target, int64_t disp, int tcount, uintptr_t ttype,
                      uintptr_t op, uintptr_t win);
int wr_fetch_and_op(uintptr_t origin, uintptr_t result, uintptr_t type, int target, int64_t disp,
                    uintptr_t op, uintptr_t win);
int wr_compare_and_swap(uintptr_t origin, uintptr_t compare, uintptr_t result, uintptr_t type,
                        int target, int64_t disp, uintptr_t win);
/* request-based: the host request comes back through req */
int wr_rput(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
            uintptr_t ttype, uintptr_t win, uintptr_t *req);
int wr_rget(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
            uintptr_t ttype, uintptr_t win, uintptr_t *req);
int wr_raccumulate(uintptr_t origin, int ocount, uintptr_t otype, int target, int64_t disp, int tcount,
                   uintptr_t ttype, uintptr_t op, uintptr_t win, uintptr_t *req);
int wr_rget_accumulate(uintptr_t origin, int ocount, uintptr_t otype, uintptr_t result, int rcount,
                       uintptr_t rtype, int target, int64_t disp, int tcount, uintptr_t ttype,
                       uintptr_t op, uintptr_t win, uintptr_t *req);

/* synchronization: abi_assert is a set of guest MPI_MODE_* bits, abi_lock
 * MPI_LOCK_EXCLUSIVE or MPI_LOCK_SHARED (guest values) */
enum {
    WR_SYNC_UNLOCK_ALL, WR_SYNC_FLUSH, WR_SYNC_FLUSH_ALL, WR_SYNC_FLUSH_LOCAL,
    WR_SYNC_FLUSH_LOCAL_ALL, WR_SYNC_SYNC, WR_SYNC_COMPLETE, WR_SYNC_WAIT, WR_SYNC_UNLOCK
};
int wr_win_fence(int abi_assert, uintptr_t win);
int wr_win_lock(int abi_lock, int rank, int abi_assert, uintptr_t win);
int wr_win_lock_all(int abi_assert, uintptr_t win);
/* what: WR_SYNC_*; rank is used by WR_SYNC_FLUSH, _FLUSH_LOCAL, _UNLOCK */
int wr_win_sync(int what, int rank, uintptr_t win);
int wr_win_start(uintptr_t group, int abi_assert, uintptr_t win);
int wr_win_post(uintptr_t group, int abi_assert, uintptr_t win);
int wr_win_test(uintptr_t win, int *flag);

/* ---- MPI-IO ---- */

/* MPI_File_open of path (the bridge passes /proc/self/fd/N of a file it
 * opened itself, never a guest string) with the guest's amode bits,
 * translated; the new handle's error handler is MPI_ERRORS_RETURN. *dup
 * receives a duplicate of comm for the bridge's own collectives on the
 * file (shared file pointers). With append (the guest's MPI_MODE_APPEND,
 * which the bridge keeps from the host) the individual file pointer moves
 * to the end of the file. shared holds 2 int64: in, a random number; out,
 * rank 0's random number (which names the side file of the shared file
 * pointer) and the shared file pointer's initial value (the file's size
 * with append, else 0). */
int wr_file_open(uintptr_t comm, const char *path, int abi_amode, int append, uintptr_t info,
                 uintptr_t *fh, uintptr_t *dup, int64_t *shared);
/* MPI_File_close, then a barrier and MPI_Comm_free on the duplicate */
int wr_file_close(uintptr_t *fh, uintptr_t *comm);
/* MPI_File_set_view (disp: a guest MPI_Offset, MPI_DISPLACEMENT_CURRENT
 * (-1) translated), which resets the shared file pointer to 0: between
 * two barriers on comm, this rank writes 0 to the side file when it has
 * it open (fd >= 0) */
int wr_file_set_view(uintptr_t fh, uintptr_t comm, int fd, int64_t disp, uintptr_t etype, uintptr_t filetype,
                     const char *datarep, uintptr_t info);

/* Shared file pointers (MPI_File_*_shared, *_ordered): ROMIO keeps the
 * shared file pointer in a side file whose name it derives from the file
 * name, and the host sees only /proc/self/fd/N; so the bridge keeps the
 * pointer itself, in a side file it opened inside the guest's mount (fd:
 * -1 when it has none), and makes explicit-offset accesses. The pointer
 * counts etypes; an empty side file holds initial. incr is what the
 * access moves the pointer by (count * size / etype size). An update
 * without a side file fails with MPI_ERR_IO, or MPI_ERR_READ_ONLY when fd
 * is WR_SHFP_READ_ONLY (the mount is read-only). */
enum { WR_SHFP_READ_ONLY = -2 };
int wr_file_shared_io(int kind, uintptr_t fh, int fd, int64_t initial, int64_t incr, uintptr_t buf, int count,
                      uintptr_t type, int32_t *status, uintptr_t *req);
/* MPI_File_{read,write}_ordered: collective over comm (the duplicate);
 * only the last rank uses fd. incr < 0: this rank's access is invalid
 * (not a whole number of etypes); it takes part with nothing and gets
 * MPI_ERR_ARG. */
int wr_file_ordered(int kind, uintptr_t fh, uintptr_t comm, int fd, int64_t initial, int64_t incr, uintptr_t buf,
                    int count, uintptr_t type, int32_t *status);
/* MPI_File_seek_shared: collective; rank 0 sets the pointer */
int wr_file_seek_shared(uintptr_t fh, uintptr_t comm, int fd, int64_t initial, int64_t offset, int abi_whence);
int wr_file_get_position_shared(int fd, int64_t initial, int64_t *offset);

/* split collectives: begin (1) or end (0) of MPI_File_{read,write}[_at]_all_*
 * (kind: WR_IO_ALL and maybe WR_IO_AT, WR_IO_WRITE); status only at the end */
int wr_file_split(int kind, int begin, uintptr_t fh, int64_t offset, uintptr_t buf, int count, uintptr_t type,
                  int32_t *status);

/* MPI_File_get_view: the host's etype and filetype are kept (returned)
 * when keep_*, else freed if derived; datarep receives at most cap bytes,
 * NUL included */
int wr_file_get_view(uintptr_t fh, int64_t *disp, int keep_etype, int keep_filetype, uintptr_t *etype,
                     uintptr_t *filetype, char *datarep, int cap);
int wr_file_get_type_extent(uintptr_t fh, uintptr_t type, int64_t *extent);
int wr_file_get_info(uintptr_t fh, uintptr_t *info);
int wr_file_set_info(uintptr_t fh, uintptr_t info);

/* kinds of data access: or-ed */
enum { WR_IO_WRITE = 1, WR_IO_AT = 2, WR_IO_ALL = 4 };
/* MPI_File_{read,write}[_at][_all]: offset is used with WR_IO_AT; status
 * is a guest status or NULL */
int wr_file_io(int kind, uintptr_t fh, int64_t offset, uintptr_t buf, int count, uintptr_t type,
               int32_t *status);
/* MPI_File_i{read,write}[_at][_all] */
int wr_file_iio(int kind, uintptr_t fh, int64_t offset, uintptr_t buf, int count, uintptr_t type,
                uintptr_t *req);

int wr_file_get_size(uintptr_t fh, int64_t *size);
int wr_file_set_size(uintptr_t fh, int64_t size);
int wr_file_preallocate(uintptr_t fh, int64_t size);
int wr_file_sync(uintptr_t fh);
/* abi_whence: guest MPI_SEEK_SET, MPI_SEEK_CUR or MPI_SEEK_END */
int wr_file_seek(uintptr_t fh, int64_t offset, int abi_whence);
int wr_file_get_position(uintptr_t fh, int64_t *offset);
int wr_file_get_byte_offset(uintptr_t fh, int64_t offset, int64_t *disp);
int wr_file_get_group(uintptr_t fh, uintptr_t *group);
int wr_file_set_atomicity(uintptr_t fh, int flag);
int wr_file_get_atomicity(uintptr_t fh, int *flag);

/* Collective agreement for MPI_File_open: MPI_Bcast of *v from rank 0 and
 * MPI_Allreduce(MPI_MAX) of *v over comm. */
int wr_comm_bcast_int(uintptr_t comm, int *v);
int wr_comm_max_int(uintptr_t comm, int *v);

/* ---- info objects ---- */

uintptr_t wr_info_host_null(void);
/* A copy of the host's MPI_INFO_ENV without the keys that describe the
 * host rather than the job (command, argv, wdir, file). */
int wr_info_env(uintptr_t *out);
int wr_info_create(uintptr_t *out);
int wr_info_dup(uintptr_t info, uintptr_t *out);
int wr_info_free(uintptr_t *info);
int wr_info_set(uintptr_t info, const char *key, const char *value);
int wr_info_delete(uintptr_t info, const char *key);
/* MPI_Info_get: writes at most valuelen characters and a NUL to value */
int wr_info_get(uintptr_t info, const char *key, int valuelen, char *value, int *flag);
int wr_info_get_valuelen(uintptr_t info, const char *key, int *valuelen, int *flag);
/* MPI_Info_get_string (MPI-4.0), also over MPI-3.1 hosts: *buflen in is
 * the size of value, out the value's length + 1 */
int wr_info_get_string(uintptr_t info, const char *key, int *buflen, char *value, int *flag);
int wr_info_get_nkeys(uintptr_t info, int *nkeys);
/* writes at most cap bytes, NUL included */
int wr_info_get_nthkey(uintptr_t info, int n, char *key, int cap);

#endif
