/* Host side of MPI-IO: see calls_ext.h. The bridge opens every file itself,
 * inside the guest's mounts, and hands the host MPI only the name of its
 * open descriptor (/proc/self/fd/N), never a path the guest chose. */
#include <mpi.h>
#include <string.h>

#include "calls_ext.h"
#include "shim.h"

/* Standard ABI values (include/mpi.h). */
enum {
    ABI_ANY_SOURCE = -1, ABI_ANY_TAG = -2, ABI_PROC_NULL = -3, ABI_UNDEFINED = -32766,
    ABI_MODE_APPEND = 1, ABI_MODE_CREATE = 2, ABI_MODE_DELETE_ON_CLOSE = 4, ABI_MODE_EXCL = 8,
    ABI_MODE_RDONLY = 16, ABI_MODE_RDWR = 32, ABI_MODE_SEQUENTIAL = 64, ABI_MODE_UNIQUE_OPEN = 128,
    ABI_MODE_WRONLY = 256,
    ABI_SEEK_SET = 401, ABI_SEEK_CUR = 402, ABI_SEEK_END = 403,
    ABI_DISPLACEMENT_CURRENT = -1,
};

#define FILEH(h) ((MPI_File)(h))
#define TYPE(h) ((MPI_Datatype)(h))

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

/* The guest status layout of calls.h (calls.c's status_out, for statuses
 * of data access). */
static void io_status_out(const MPI_Status *s, int32_t *g) {
    MPI_Count bytes = 0;
    int cancelled = 0;
    if (g == NULL) return;
    int src = s->MPI_SOURCE, tag = s->MPI_TAG;
    g[0] = src == MPI_ANY_SOURCE ? ABI_ANY_SOURCE : src == MPI_PROC_NULL ? ABI_PROC_NULL
         : src == MPI_UNDEFINED ? ABI_UNDEFINED : src;
    g[1] = tag == MPI_ANY_TAG ? ABI_ANY_TAG : tag;
    g[2] = s->MPI_ERROR == MPI_SUCCESS ? 0 : wr_abi_errclass(s->MPI_ERROR);
#if defined(OPEN_MPI)
    bytes = (MPI_Count)s->_ucount;
    cancelled = s->_cancelled;
#elif defined(MPICH)
    bytes = (MPI_Count)(((uint64_t)((uint32_t)s->count_hi_and_cancelled >> 1) << 32) | (uint32_t)s->count_lo);
    cancelled = s->count_hi_and_cancelled & 1;
#else
    MPI_Get_elements_x(s, MPI_BYTE, &bytes);
    MPI_Test_cancelled(s, &cancelled);
#endif
    g[3] = (int32_t)(uint32_t)((uint64_t)bytes & 0xffffffffu);
    g[4] = (int32_t)(uint32_t)((uint64_t)bytes >> 32);
    g[5] = cancelled ? 1 : 0;
}

int wr_file_open(uintptr_t comm, const char *path, int abi_amode, uintptr_t info, uintptr_t *fh) {
    MPI_File f = MPI_FILE_NULL;
    int rc = MPI_File_open((MPI_Comm)comm, path, amode_in(abi_amode), (MPI_Info)info, &f);
    *fh = (uintptr_t)f;
    if (rc == MPI_SUCCESS) MPI_File_set_errhandler(f, MPI_ERRORS_RETURN);
    return rc;
}

int wr_file_close(uintptr_t *fh) {
    MPI_File f = FILEH(*fh);
    int rc = MPI_File_close(&f);
    *fh = (uintptr_t)f;
    return rc;
}

int wr_file_set_view(uintptr_t fh, int64_t disp, uintptr_t etype, uintptr_t filetype,
                     const char *datarep, uintptr_t info) {
    MPI_Offset d = disp == ABI_DISPLACEMENT_CURRENT ? (MPI_Offset)MPI_DISPLACEMENT_CURRENT : (MPI_Offset)disp;
    return MPI_File_set_view(FILEH(fh), d, TYPE(etype), TYPE(filetype), datarep, (MPI_Info)info);
}

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
    if (status) io_status_out(&s, status);
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
