/* Host side of MPI-IO: see calls_ext.h. The bridge opens every file itself,
 * inside the guest's mounts, and hands the host MPI only the name of its
 * open descriptor (/proc/self/fd/N), never a path the guest chose. */
#include <mpi.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "calls_ext.h"
#include "conv.h"

/* Standard ABI values (include/mpi.h). */
enum {
    ABI_MODE_APPEND = 1, ABI_MODE_CREATE = 2, ABI_MODE_DELETE_ON_CLOSE = 4, ABI_MODE_EXCL = 8,
    ABI_MODE_RDONLY = 16, ABI_MODE_RDWR = 32, ABI_MODE_SEQUENTIAL = 64, ABI_MODE_UNIQUE_OPEN = 128,
    ABI_MODE_WRONLY = 256,
    ABI_SEEK_SET = 401, ABI_SEEK_CUR = 402, ABI_SEEK_END = 403,
    ABI_DISPLACEMENT_CURRENT = -1,
};

#define FILEH(h) ((MPI_File)(h))

static int amode_in(int a) {
    int h = 0;
    if (a & ABI_MODE_APPEND) h |= MPI_MODE_APPEND;
    if (a & ABI_MODE_CREATE) h |= MPI_MODE_CREATE;
    if (a & ABI_MODE_DELETE_ON_CLOSE) h |= MPI_MODE_DELETE_ON_CLOSE;
    if (a & ABI_MODE_EXCL) h |= MPI_MODE_EXCL;
    if (a & ABI_MODE_RDONLY) h |= MPI_MODE_RDONLY;
    if (a & ABI_MODE_RDWR) h |= MPI_MODE_RDWR;
    if (a & ABI_MODE_SEQUENTIAL) h |= MPI_MODE_SEQUENTIAL;
    if (a & ABI_MODE_UNIQUE_OPEN) h |= MPI_MODE_UNIQUE_OPEN;
    if (a & ABI_MODE_WRONLY) h |= MPI_MODE_WRONLY;
    return h;
}

/* ---- shared file pointers ----
 * The shared file pointer lives in a side file that the bridge opened
 * inside the guest's mount (fd), as 8 bytes at offset 0 in etype units;
 * an empty side file holds the pointer's initial value. Updates take an
 * fcntl lock on those bytes, as ROMIO does with its own side file. */

static int shfp_lock(int fd, short type) {
    struct flock l;
    memset(&l, 0, sizeof l);
    l.l_type = type;
    l.l_whence = SEEK_SET;
    l.l_start = 0;
    l.l_len = (off_t)sizeof(int64_t);
    while (fcntl(fd, F_SETLKW, &l) == -1)
        if (errno != EINTR) return -1;
    return 0;
}

/* *old receives the shared file pointer; then it becomes value (set) or
 * *old + incr. A pure read (no set, incr 0) without a side file gives
 * initial. */
static int shfp_update(int fd, int64_t initial, int64_t incr, int set, int64_t value, int64_t *old) {
    int64_t v = initial, nv;
    int rc = MPI_SUCCESS, write = set || incr != 0;
    ssize_t n;
    if (fd < 0) {
        *old = initial;
        return !write ? MPI_SUCCESS : fd == WR_SHFP_READ_ONLY ? MPI_ERR_READ_ONLY : MPI_ERR_IO;
    }
    if (shfp_lock(fd, write ? F_WRLCK : F_RDLCK) != 0) return MPI_ERR_IO;
    do n = pread(fd, &v, sizeof v, 0); while (n < 0 && errno == EINTR);
    if (n < 0) rc = MPI_ERR_IO;
    else if (n != (ssize_t)sizeof v) v = initial;
    if (rc == MPI_SUCCESS) {
        *old = v;
        nv = set ? value : v + incr;
        if (write) {
            do n = pwrite(fd, &nv, sizeof nv, 0); while (n < 0 && errno == EINTR);
            if (n != (ssize_t)sizeof nv) rc = MPI_ERR_IO;
        }
    }
    shfp_lock(fd, F_UNLCK);
    return rc;
}

int wr_file_open(uintptr_t comm, const char *path, int abi_amode, int append, uintptr_t info,
                 uintptr_t *fh, uintptr_t *dup, int64_t *shared) {
    MPI_File f = MPI_FILE_NULL;
    MPI_Comm d = MPI_COMM_NULL;
    MPI_Offset size = 0;
    int rc = MPI_File_open((MPI_Comm)comm, path, amode_in(abi_amode), (MPI_Info)info, &f);
    *fh = (uintptr_t)f;
    *dup = (uintptr_t)MPI_COMM_NULL;
    if (rc != MPI_SUCCESS) return rc;
    MPI_File_set_errhandler(f, MPI_ERRORS_RETURN);
    rc = MPI_Comm_dup((MPI_Comm)comm, &d);
    if (rc == MPI_SUCCESS) {
        MPI_Comm_set_errhandler(d, MPI_ERRORS_RETURN);
        if (append) {
            /* MPI_MODE_APPEND: every file pointer starts at the end */
            rc = MPI_File_seek(f, 0, MPI_SEEK_END);
            if (rc == MPI_SUCCESS) rc = MPI_File_get_size(f, &size);
        }
        shared[1] = (int64_t)size;
        if (rc == MPI_SUCCESS) rc = MPI_Bcast(shared, 2, MPI_INT64_T, 0, d);
        if (rc != MPI_SUCCESS) MPI_Comm_free(&d);
    }
    if (rc != MPI_SUCCESS) {
        MPI_File_close(&f);
        *fh = (uintptr_t)f;
        return rc;
    }
    *dup = (uintptr_t)d;
    return MPI_SUCCESS;
}

int wr_file_close(uintptr_t *fh, uintptr_t *comm) {
    MPI_File f = FILEH(*fh);
    MPI_Comm c = (MPI_Comm)*comm;
    int rc = MPI_File_close(&f);
    *fh = (uintptr_t)f;
    if (rc != MPI_SUCCESS) return rc;
    /* nobody touches the side file any more */
    MPI_Barrier(c);
    MPI_Comm_free(&c);
    *comm = (uintptr_t)c;
    return MPI_SUCCESS;
}

int wr_file_set_view(uintptr_t fh, uintptr_t comm, int fd, int64_t disp, uintptr_t etype, uintptr_t filetype,
                     const char *datarep, uintptr_t info) {
    MPI_Offset d = disp == ABI_DISPLACEMENT_CURRENT ? (MPI_Offset)MPI_DISPLACEMENT_CURRENT : (MPI_Offset)disp;
    int64_t old = 0;
    int rc = MPI_File_set_view(FILEH(fh), d, TYPE(etype), TYPE(filetype), datarep, (MPI_Info)info);
    /* the shared file pointer becomes 0: after every rank's earlier
     * accesses, before any later one */
    MPI_Barrier((MPI_Comm)comm);
    if (rc == MPI_SUCCESS && fd >= 0) rc = shfp_update(fd, 0, 0, 1, 0, &old);
    MPI_Barrier((MPI_Comm)comm);
    return rc;
}

int wr_file_shared_io(int kind, uintptr_t fh, int fd, int64_t initial, int64_t incr, uintptr_t buf, int count,
                      uintptr_t type, int32_t *status, uintptr_t *req) {
    int64_t off = 0;
    int rc = shfp_update(fd, initial, incr, 0, 0, &off);
    if (rc != MPI_SUCCESS) return rc;
    if (req != NULL) return wr_file_iio(WR_IO_AT | (kind & WR_IO_WRITE), fh, off, buf, count, type, req);
    return wr_file_io(WR_IO_AT | (kind & WR_IO_WRITE), fh, off, buf, count, type, status);
}

int wr_file_ordered(int kind, uintptr_t fh, uintptr_t comm, int fd, int64_t initial, int64_t incr, uintptr_t buf,
                    int count, uintptr_t type, int32_t *status) {
    MPI_Comm c = (MPI_Comm)comm;
    int64_t incl = 0, base[2] = {0, MPI_SUCCESS};
    int rank = 0, size = 1, bad = incr < 0, rc;
    if (bad) {
        incr = 0;
        count = 0;
    }
    MPI_Comm_rank(c, &rank);
    MPI_Comm_size(c, &size);
    rc = MPI_Scan(&incr, &incl, 1, MPI_INT64_T, MPI_SUM, c);
    if (rc != MPI_SUCCESS) return rc;
    /* the last rank moves the pointer past everybody's data */
    if (rank == size - 1) base[1] = shfp_update(fd, initial, incl, 0, 0, &base[0]);
    rc = MPI_Bcast(base, 2, MPI_INT64_T, size - 1, c);
    if (rc != MPI_SUCCESS) return rc;
    if (base[1] != MPI_SUCCESS) return (int)base[1];
    rc = wr_file_io(WR_IO_AT | WR_IO_ALL | (kind & WR_IO_WRITE), fh, base[0] + incl - incr, buf, count, type, status);
    return rc == MPI_SUCCESS && bad ? MPI_ERR_ARG : rc;
}

int wr_file_seek_shared(uintptr_t fh, uintptr_t comm, int fd, int64_t initial, int64_t offset, int abi_whence) {
    MPI_Comm c = (MPI_Comm)comm;
    MPI_File f = FILEH(fh);
    int64_t res = MPI_SUCCESS, cur = 0, pos = offset;
    int rank = 0, rc = MPI_Barrier(c);
    if (rc != MPI_SUCCESS) return rc;
    MPI_Comm_rank(c, &rank);
    if (rank == 0) {
        switch (abi_whence) {
        case ABI_SEEK_SET: break;
        case ABI_SEEK_CUR:
            res = shfp_update(fd, initial, 0, 0, 0, &cur);
            pos = cur + offset;
            break;
        case ABI_SEEK_END: {
            /* the end of the file in etypes of the view, as the
             * individual file pointer counts it; that pointer is restored */
            MPI_Offset save = 0, end = 0;
            res = MPI_File_get_position(f, &save);
            if (res == MPI_SUCCESS) res = MPI_File_seek(f, 0, MPI_SEEK_END);
            if (res == MPI_SUCCESS) res = MPI_File_get_position(f, &end);
            if (res == MPI_SUCCESS) res = MPI_File_seek(f, save, MPI_SEEK_SET);
            pos = (int64_t)end + offset;
            break;
        }
        default: res = MPI_ERR_ARG;
        }
        if (res == MPI_SUCCESS && pos < 0) res = MPI_ERR_ARG;
        if (res == MPI_SUCCESS) res = shfp_update(fd, initial, 0, 1, pos, &cur);
    }
    rc = MPI_Bcast(&res, 1, MPI_INT64_T, 0, c);
    return rc != MPI_SUCCESS ? rc : (int)res;
}

int wr_file_get_position_shared(int fd, int64_t initial, int64_t *offset) {
    return shfp_update(fd, initial, 0, 0, 0, offset);
}

/* ---- split collectives ---- */

int wr_file_split(int kind, int begin, uintptr_t fh, int64_t offset, uintptr_t buf, int count, uintptr_t type,
                  int32_t *status) {
    MPI_File f = FILEH(fh);
    MPI_Datatype t = TYPE(type);
    MPI_Offset o = (MPI_Offset)offset;
    void *b = (void *)buf;
    MPI_Status s, *sp = status ? &s : MPI_STATUS_IGNORE;
    int rc;
    if (begin) {
        switch (kind) {
        case WR_IO_ALL: return MPI_File_read_all_begin(f, b, count, t);
        case WR_IO_ALL | WR_IO_WRITE: return MPI_File_write_all_begin(f, b, count, t);
        case WR_IO_ALL | WR_IO_AT: return MPI_File_read_at_all_begin(f, o, b, count, t);
        case WR_IO_ALL | WR_IO_AT | WR_IO_WRITE: return MPI_File_write_at_all_begin(f, o, b, count, t);
        }
        return MPI_ERR_INTERN;
    }
    memset(&s, 0, sizeof s);
    switch (kind) {
    case WR_IO_ALL: rc = MPI_File_read_all_end(f, b, sp); break;
    case WR_IO_ALL | WR_IO_WRITE: rc = MPI_File_write_all_end(f, b, sp); break;
    case WR_IO_ALL | WR_IO_AT: rc = MPI_File_read_at_all_end(f, b, sp); break;
    case WR_IO_ALL | WR_IO_AT | WR_IO_WRITE: rc = MPI_File_write_at_all_end(f, b, sp); break;
    default: return MPI_ERR_INTERN;
    }
    if (status) status_out(&s, status);
    return rc;
}

/* ---- views, info, extents ---- */

static void free_if_derived(MPI_Datatype *t) {
    int ni = 0, na = 0, nd = 0, combiner = MPI_COMBINER_NAMED;
    if (MPI_Type_get_envelope(*t, &ni, &na, &nd, &combiner) == MPI_SUCCESS && combiner != MPI_COMBINER_NAMED)
        MPI_Type_free(t);
}

int wr_file_get_view(uintptr_t fh, int64_t *disp, int keep_etype, int keep_filetype, uintptr_t *etype,
                     uintptr_t *filetype, char *datarep, int cap) {
    static char rep[MPI_MAX_DATAREP_STRING + 1];
    MPI_Offset d = 0;
    MPI_Datatype et = MPI_DATATYPE_NULL, ft = MPI_DATATYPE_NULL;
    int rc = MPI_File_get_view(FILEH(fh), &d, &et, &ft, rep);
    if (rc != MPI_SUCCESS) return rc;
    rep[MPI_MAX_DATAREP_STRING] = 0;
    size_t n = strlen(rep);
    if (cap <= 0) n = 0;
    else if (n > (size_t)cap - 1) n = (size_t)cap - 1;
    memcpy(datarep, rep, n);
    if (cap > 0) datarep[n] = 0;
    *disp = (int64_t)d;
    if (keep_etype) *etype = (uintptr_t)et;
    else free_if_derived(&et);
    if (keep_filetype) *filetype = (uintptr_t)ft;
    else free_if_derived(&ft);
    return MPI_SUCCESS;
}

int wr_file_get_type_extent(uintptr_t fh, uintptr_t type, int64_t *extent) {
    MPI_Aint e = 0;
    int rc = MPI_File_get_type_extent(FILEH(fh), TYPE(type), &e);
    *extent = (int64_t)e;
    return rc;
}

int wr_file_get_info(uintptr_t fh, uintptr_t *info) {
    MPI_Info i = MPI_INFO_NULL;
    int rc = MPI_File_get_info(FILEH(fh), &i);
    *info = (uintptr_t)i;
    return rc;
}

int wr_file_set_info(uintptr_t fh, uintptr_t info) { return MPI_File_set_info(FILEH(fh), (MPI_Info)info); }

int wr_file_io(int kind, uintptr_t fh, int64_t offset, uintptr_t buf, int count, uintptr_t type,
               int32_t *status) {
    MPI_File f = FILEH(fh);
    MPI_Datatype t = TYPE(type);
    MPI_Offset o = (MPI_Offset)offset;
    void *b = (void *)buf;
    MPI_Status s, *sp = status ? &s : MPI_STATUS_IGNORE;
    int rc;
    memset(&s, 0, sizeof s);
    switch (kind) {
    case 0: rc = MPI_File_read(f, b, count, t, sp); break;
    case WR_IO_WRITE: rc = MPI_File_write(f, b, count, t, sp); break;
    case WR_IO_AT: rc = MPI_File_read_at(f, o, b, count, t, sp); break;
    case WR_IO_AT | WR_IO_WRITE: rc = MPI_File_write_at(f, o, b, count, t, sp); break;
    case WR_IO_ALL: rc = MPI_File_read_all(f, b, count, t, sp); break;
    case WR_IO_ALL | WR_IO_WRITE: rc = MPI_File_write_all(f, b, count, t, sp); break;
    case WR_IO_ALL | WR_IO_AT: rc = MPI_File_read_at_all(f, o, b, count, t, sp); break;
    case WR_IO_ALL | WR_IO_AT | WR_IO_WRITE: rc = MPI_File_write_at_all(f, o, b, count, t, sp); break;
    default: return MPI_ERR_INTERN;
    }
    if (status) status_out(&s, status);
    return rc;
}

int wr_file_iio(int kind, uintptr_t fh, int64_t offset, uintptr_t buf, int count, uintptr_t type,
                uintptr_t *req) {
    MPI_File f = FILEH(fh);
    MPI_Datatype t = TYPE(type);
    MPI_Offset o = (MPI_Offset)offset;
    void *b = (void *)buf;
    MPI_Request r = MPI_REQUEST_NULL;
    int rc;
    switch (kind) {
    case 0: rc = MPI_File_iread(f, b, count, t, &r); break;
    case WR_IO_WRITE: rc = MPI_File_iwrite(f, b, count, t, &r); break;
    case WR_IO_AT: rc = MPI_File_iread_at(f, o, b, count, t, &r); break;
    case WR_IO_AT | WR_IO_WRITE: rc = MPI_File_iwrite_at(f, o, b, count, t, &r); break;
    case WR_IO_ALL: rc = MPI_File_iread_all(f, b, count, t, &r); break;
    case WR_IO_ALL | WR_IO_WRITE: rc = MPI_File_iwrite_all(f, b, count, t, &r); break;
    case WR_IO_ALL | WR_IO_AT: rc = MPI_File_iread_at_all(f, o, b, count, t, &r); break;
    case WR_IO_ALL | WR_IO_AT | WR_IO_WRITE: rc = MPI_File_iwrite_at_all(f, o, b, count, t, &r); break;
    default: return MPI_ERR_INTERN;
    }
    *req = (uintptr_t)r;
    return rc;
}

int wr_file_get_size(uintptr_t fh, int64_t *size) {
    MPI_Offset n = 0;
    int rc = MPI_File_get_size(FILEH(fh), &n);
    *size = (int64_t)n;
    return rc;
}

int wr_file_set_size(uintptr_t fh, int64_t size) { return MPI_File_set_size(FILEH(fh), (MPI_Offset)size); }
int wr_file_preallocate(uintptr_t fh, int64_t size) { return MPI_File_preallocate(FILEH(fh), (MPI_Offset)size); }
int wr_file_sync(uintptr_t fh) { return MPI_File_sync(FILEH(fh)); }

int wr_file_seek(uintptr_t fh, int64_t offset, int abi_whence) {
    int w;
    switch (abi_whence) {
    case ABI_SEEK_SET: w = MPI_SEEK_SET; break;
    case ABI_SEEK_CUR: w = MPI_SEEK_CUR; break;
    case ABI_SEEK_END: w = MPI_SEEK_END; break;
    default: return MPI_ERR_ARG;
    }
    return MPI_File_seek(FILEH(fh), (MPI_Offset)offset, w);
}

int wr_file_get_position(uintptr_t fh, int64_t *offset) {
    MPI_Offset o = 0;
    int rc = MPI_File_get_position(FILEH(fh), &o);
    *offset = (int64_t)o;
    return rc;
}

int wr_file_get_byte_offset(uintptr_t fh, int64_t offset, int64_t *disp) {
    MPI_Offset d = 0;
    int rc = MPI_File_get_byte_offset(FILEH(fh), (MPI_Offset)offset, &d);
    *disp = (int64_t)d;
    return rc;
}

int wr_file_get_group(uintptr_t fh, uintptr_t *group) {
    MPI_Group g = MPI_GROUP_NULL;
    int rc = MPI_File_get_group(FILEH(fh), &g);
    *group = (uintptr_t)g;
    return rc;
}

int wr_file_set_atomicity(uintptr_t fh, int flag) { return MPI_File_set_atomicity(FILEH(fh), flag); }
int wr_file_get_atomicity(uintptr_t fh, int *flag) { return MPI_File_get_atomicity(FILEH(fh), flag); }

int wr_comm_bcast_int(uintptr_t comm, int *v) { return MPI_Bcast(v, 1, MPI_INT, 0, (MPI_Comm)comm); }

int wr_comm_max_int(uintptr_t comm, int *v) {
    return MPI_Allreduce(MPI_IN_PLACE, v, 1, MPI_INT, MPI_MAX, (MPI_Comm)comm);
}
