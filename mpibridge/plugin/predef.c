/* Guest predefined MPI objects -> host MPI objects.  See shim.h.
 *
 * Built against the host's mpi.h (Open MPI 4.1 or MPICH 4.0); it uses only
 * MPI-3.1 names, plus MPI-4.0 error classes where the host defines them.
 * The only state is the few datatypes made by wr_predef_init (freed again
 * when MPI_Finalize deletes MPI_COMM_SELF's attributes); no call allocates.
 */
#include <mpi.h>
#include <stdint.h>
#include <wchar.h>

#include "shim.h"

/* Host C types must have the guest's (wasm32) sizes and layouts wherever a
 * guest type is mapped to the host type of the same name. */
_Static_assert(sizeof(short) == 2, "MPI_SHORT: guest short is 2 bytes");
_Static_assert(sizeof(int) == 4, "MPI_INT: guest int is 4 bytes");
_Static_assert(sizeof(long long) == 8, "MPI_LONG_LONG: guest long long is 8 bytes");
_Static_assert(sizeof(float) == 4 && sizeof(double) == 8, "guest float/double are IEEE 4/8 bytes");
_Static_assert(sizeof(_Bool) == 1, "MPI_C_BOOL: guest _Bool is 1 byte");
_Static_assert(sizeof(float _Complex) == 8 && sizeof(double _Complex) == 16, "guest complex sizes");
_Static_assert(sizeof(struct { float v; int i; }) == 8, "MPI_FLOAT_INT is 8 bytes in the guest");
_Static_assert(sizeof(struct { double v; int i; }) == 16, "MPI_DOUBLE_INT is 16 bytes in the guest");
_Static_assert(sizeof(struct { short v; int i; }) == 8, "MPI_SHORT_INT is 8 bytes in the guest");
_Static_assert(sizeof(struct { int v; int i; }) == 8, "MPI_2INT is 8 bytes in the guest");

/* Guest handle and error-class values (MPI 5.0 standard ABI).  abi_test.go
 * checks every WRG_ value below against include/mpi.h. */
#define WRG_MPI_OP_NULL                  0x020
#define WRG_MPI_SUM                      0x021
#define WRG_MPI_MIN                      0x022
#define WRG_MPI_MAX                      0x023
#define WRG_MPI_PROD                     0x024
#define WRG_MPI_BAND                     0x028
#define WRG_MPI_BOR                      0x029
#define WRG_MPI_BXOR                     0x02a
#define WRG_MPI_LAND                     0x030
#define WRG_MPI_LOR                      0x031
#define WRG_MPI_LXOR                     0x032
#define WRG_MPI_MINLOC                   0x038
#define WRG_MPI_MAXLOC                   0x039
#define WRG_MPI_REPLACE                  0x03c
#define WRG_MPI_NO_OP                    0x03d

#define WRG_MPI_COMM_NULL                0x100
#define WRG_MPI_COMM_WORLD               0x101
#define WRG_MPI_COMM_SELF                0x102
#define WRG_MPI_GROUP_NULL               0x108
#define WRG_MPI_GROUP_EMPTY              0x109

#define WRG_MPI_DATATYPE_NULL            0x200
#define WRG_MPI_AINT                     0x201
#define WRG_MPI_COUNT                    0x202
#define WRG_MPI_OFFSET                   0x203
#define WRG_MPI_PACKED                   0x207
#define WRG_MPI_SHORT                    0x208
#define WRG_MPI_INT                      0x209
#define WRG_MPI_LONG                     0x20a
#define WRG_MPI_LONG_LONG                0x20b
#define WRG_MPI_UNSIGNED_SHORT           0x20c
#define WRG_MPI_UNSIGNED                 0x20d
#define WRG_MPI_UNSIGNED_LONG            0x20e
#define WRG_MPI_UNSIGNED_LONG_LONG       0x20f
#define WRG_MPI_FLOAT                    0x210
#define WRG_MPI_C_FLOAT_COMPLEX          0x212
#define WRG_MPI_CXX_FLOAT_COMPLEX        0x213
#define WRG_MPI_DOUBLE                   0x214
#define WRG_MPI_C_DOUBLE_COMPLEX         0x216
#define WRG_MPI_CXX_DOUBLE_COMPLEX       0x217
#define WRG_MPI_LOGICAL                  0x218
#define WRG_MPI_INTEGER                  0x219
#define WRG_MPI_REAL                     0x21a
#define WRG_MPI_COMPLEX                  0x21b
#define WRG_MPI_DOUBLE_PRECISION         0x21c
#define WRG_MPI_DOUBLE_COMPLEX           0x21d
#define WRG_MPI_CHARACTER                0x21e
#define WRG_MPI_LONG_DOUBLE              0x220
#define WRG_MPI_C_LONG_DOUBLE_COMPLEX    0x224
#define WRG_MPI_CXX_LONG_DOUBLE_COMPLEX  0x225
#define WRG_MPI_FLOAT_INT                0x228
#define WRG_MPI_DOUBLE_INT               0x229
#define WRG_MPI_LONG_INT                 0x22a
#define WRG_MPI_2INT                     0x22b
#define WRG_MPI_SHORT_INT                0x22c
#define WRG_MPI_LONG_DOUBLE_INT          0x22d
#define WRG_MPI_2REAL                    0x230
#define WRG_MPI_2DOUBLE_PRECISION        0x231
#define WRG_MPI_2INTEGER                 0x232
#define WRG_MPI_C_BOOL                   0x238
#define WRG_MPI_CXX_BOOL                 0x239
#define WRG_MPI_WCHAR                    0x23c
#define WRG_MPI_INT8_T                   0x240
#define WRG_MPI_UINT8_T                  0x241
#define WRG_MPI_CHAR                     0x243
#define WRG_MPI_SIGNED_CHAR              0x244
#define WRG_MPI_UNSIGNED_CHAR            0x245
#define WRG_MPI_BYTE                     0x247
#define WRG_MPI_INT16_T                  0x248
#define WRG_MPI_UINT16_T                 0x249
#define WRG_MPI_INT32_T                  0x250
#define WRG_MPI_UINT32_T                 0x251
#define WRG_MPI_INT64_T                  0x258
#define WRG_MPI_UINT64_T                 0x259
#define WRG_MPI_LOGICAL1                 0x2c0
#define WRG_MPI_INTEGER1                 0x2c1
#define WRG_MPI_LOGICAL2                 0x2c8
#define WRG_MPI_INTEGER2                 0x2c9
#define WRG_MPI_REAL2                    0x2ca
#define WRG_MPI_LOGICAL4                 0x2d0
#define WRG_MPI_INTEGER4                 0x2d1
#define WRG_MPI_REAL4                    0x2d2
#define WRG_MPI_COMPLEX4                 0x2d3
#define WRG_MPI_LOGICAL8                 0x2d8
#define WRG_MPI_INTEGER8                 0x2d9
#define WRG_MPI_REAL8                    0x2da
#define WRG_MPI_COMPLEX8                 0x2db
#define WRG_MPI_LOGICAL16                0x2e0
#define WRG_MPI_INTEGER16                0x2e1
#define WRG_MPI_REAL16                   0x2e2
#define WRG_MPI_COMPLEX16                0x2e3
#define WRG_MPI_COMPLEX32                0x2eb

#define WRG_MPI_SUCCESS                  0
#define WRG_MPI_ERR_BUFFER               1
#define WRG_MPI_ERR_COUNT                2
#define WRG_MPI_ERR_TYPE                 3
#define WRG_MPI_ERR_TAG                  4
#define WRG_MPI_ERR_COMM                 5
#define WRG_MPI_ERR_RANK                 6
#define WRG_MPI_ERR_REQUEST              7
#define WRG_MPI_ERR_ROOT                 8
#define WRG_MPI_ERR_GROUP                9
#define WRG_MPI_ERR_OP                   10
#define WRG_MPI_ERR_TOPOLOGY             11
#define WRG_MPI_ERR_DIMS                 12
#define WRG_MPI_ERR_ARG                  13
#define WRG_MPI_ERR_UNKNOWN              14
#define WRG_MPI_ERR_TRUNCATE             15
#define WRG_MPI_ERR_OTHER                16
#define WRG_MPI_ERR_INTERN               17
#define WRG_MPI_ERR_PENDING              18
#define WRG_MPI_ERR_IN_STATUS            19
#define WRG_MPI_ERR_ACCESS               20
#define WRG_MPI_ERR_AMODE                21
#define WRG_MPI_ERR_ASSERT               22
#define WRG_MPI_ERR_BAD_FILE             23
#define WRG_MPI_ERR_BASE                 24
#define WRG_MPI_ERR_CONVERSION           25
#define WRG_MPI_ERR_DISP                 26
#define WRG_MPI_ERR_DUP_DATAREP          27
#define WRG_MPI_ERR_FILE_EXISTS          28
#define WRG_MPI_ERR_FILE_IN_USE          29
#define WRG_MPI_ERR_FILE                 30
#define WRG_MPI_ERR_INFO_KEY             31
#define WRG_MPI_ERR_INFO_NOKEY           32
#define WRG_MPI_ERR_INFO_VALUE           33
#define WRG_MPI_ERR_INFO                 34
#define WRG_MPI_ERR_IO                   35
#define WRG_MPI_ERR_KEYVAL               36
#define WRG_MPI_ERR_LOCKTYPE             37
#define WRG_MPI_ERR_NAME                 38
#define WRG_MPI_ERR_NO_MEM               39
#define WRG_MPI_ERR_NOT_SAME             40
#define WRG_MPI_ERR_NO_SPACE             41
#define WRG_MPI_ERR_NO_SUCH_FILE         42
#define WRG_MPI_ERR_PORT                 43
#define WRG_MPI_ERR_QUOTA                44
#define WRG_MPI_ERR_READ_ONLY            45
#define WRG_MPI_ERR_RMA_ATTACH           46
#define WRG_MPI_ERR_RMA_CONFLICT         47
#define WRG_MPI_ERR_RMA_RANGE            48
#define WRG_MPI_ERR_RMA_SHARED           49
#define WRG_MPI_ERR_RMA_SYNC             50
#define WRG_MPI_ERR_SERVICE              51
#define WRG_MPI_ERR_SIZE                 52
#define WRG_MPI_ERR_SPAWN                53
#define WRG_MPI_ERR_UNSUPPORTED_DATAREP  54
#define WRG_MPI_ERR_UNSUPPORTED_OPERATION 55
#define WRG_MPI_ERR_WIN                  56
#define WRG_MPI_ERR_RMA_FLAVOR           57
#define WRG_MPI_ERR_PROC_ABORTED         58
#define WRG_MPI_ERR_VALUE_TOO_LARGE      59
#define WRG_MPI_ERR_SESSION              60

/* A host handle (pointer in Open MPI, int in MPICH) as uintptr_t. */
#define WR_HANDLE(h) ((uintptr_t)(h))

/* Stand-ins for guest types built on IEEE binary128 long double: 16 and 32
 * raw bytes.  MPI_DATATYPE_NULL until wr_predef_init has run. */
static MPI_Datatype wr_bytes16 = MPI_DATATYPE_NULL;
static MPI_Datatype wr_bytes32 = MPI_DATATYPE_NULL;

static int wr_make_bytes(int n, const char *name, MPI_Datatype *out)
{
    MPI_Datatype t;
    int rc;

    if (*out != MPI_DATATYPE_NULL)
        return MPI_SUCCESS;
    rc = MPI_Type_contiguous(n, MPI_BYTE, &t);
    if (rc != MPI_SUCCESS)
        return rc;
    rc = MPI_Type_commit(&t);
    if (rc != MPI_SUCCESS) {
        MPI_Type_free(&t);
        return rc;
    }
    /* Only for the host's diagnostics; failure does not matter. */
    (void)MPI_Type_set_name(t, name);
    *out = t;
    return MPI_SUCCESS;
}

/* Keyval of the MPI_COMM_SELF attribute whose deletion, the first thing
 * MPI_Finalize does (MPI-3.1 section 8.7.1), frees the types above, so the
 * host sees no leaked datatypes: MPICH prints "yaksa: 2 leaked handle pool
 * objects" on every rank otherwise. */
static int wr_fini_keyval = MPI_KEYVAL_INVALID;

static int wr_free_at_finalize(MPI_Comm comm, int keyval, void *value, void *extra)
{
    (void)comm;
    (void)keyval;
    (void)value;
    (void)extra;
    if (wr_bytes16 != MPI_DATATYPE_NULL)
        MPI_Type_free(&wr_bytes16);
    if (wr_bytes32 != MPI_DATATYPE_NULL)
        MPI_Type_free(&wr_bytes32);
    if (wr_fini_keyval != MPI_KEYVAL_INVALID)
        MPI_Comm_free_keyval(&wr_fini_keyval);
    return MPI_SUCCESS;
}

int wr_predef_init(void)
{
    int rc = wr_make_bytes(16, "wasmrun_binary128", &wr_bytes16);
    if (rc != MPI_SUCCESS)
        return rc;
    rc = wr_make_bytes(32, "wasmrun_binary128x2", &wr_bytes32);
    if (rc != MPI_SUCCESS || wr_fini_keyval != MPI_KEYVAL_INVALID)
        return rc;
    rc = MPI_Comm_create_keyval(MPI_COMM_NULL_COPY_FN, wr_free_at_finalize, &wr_fini_keyval, NULL);
    if (rc != MPI_SUCCESS)
        return rc;
    return MPI_Comm_set_attr(MPI_COMM_SELF, wr_fini_keyval, NULL);
}

/* 0 for a created type that does not exist yet. */
static uintptr_t wr_created(MPI_Datatype t)
{
    return t == MPI_DATATYPE_NULL ? 0 : WR_HANDLE(t);
}

/* A host predefined type, or 0 when the host has none (some builds define
 * optional types as MPI_DATATYPE_NULL). */
static uintptr_t wr_host_type(MPI_Datatype t)
{
    return t == MPI_DATATYPE_NULL ? 0 : WR_HANDLE(t);
}

uintptr_t wr_predef_datatype(int32_t guest)
{
    switch (guest) {
    case WRG_MPI_DATATYPE_NULL:           return WR_HANDLE(MPI_DATATYPE_NULL);

    /* guest MPI_Aint is intptr_t: 4 bytes on wasm32 */
    case WRG_MPI_AINT:                    return wr_host_type(MPI_INT32_T);
    case WRG_MPI_COUNT:                   return wr_host_type(MPI_INT64_T);
    case WRG_MPI_OFFSET:                  return wr_host_type(MPI_INT64_T);
    case WRG_MPI_PACKED:                  return wr_host_type(MPI_PACKED);

    case WRG_MPI_SHORT:                   return wr_host_type(MPI_SHORT);
    case WRG_MPI_INT:                     return wr_host_type(MPI_INT);
    /* guest long is 4 bytes (ILP32) */
    case WRG_MPI_LONG:                    return wr_host_type(MPI_INT32_T);
    case WRG_MPI_LONG_LONG:               return wr_host_type(MPI_LONG_LONG);
    case WRG_MPI_UNSIGNED_SHORT:          return wr_host_type(MPI_UNSIGNED_SHORT);
    case WRG_MPI_UNSIGNED:                return wr_host_type(MPI_UNSIGNED);
    case WRG_MPI_UNSIGNED_LONG:           return wr_host_type(MPI_UINT32_T);
    case WRG_MPI_UNSIGNED_LONG_LONG:      return wr_host_type(MPI_UNSIGNED_LONG_LONG);
    case WRG_MPI_FLOAT:                   return wr_host_type(MPI_FLOAT);
    case WRG_MPI_DOUBLE:                  return wr_host_type(MPI_DOUBLE);
    case WRG_MPI_C_FLOAT_COMPLEX:
    case WRG_MPI_CXX_FLOAT_COMPLEX:       return wr_host_type(MPI_C_FLOAT_COMPLEX);
    case WRG_MPI_C_DOUBLE_COMPLEX:
    case WRG_MPI_CXX_DOUBLE_COMPLEX:      return wr_host_type(MPI_C_DOUBLE_COMPLEX);

    /* binary128 long double and the types built on it: raw bytes */
    case WRG_MPI_LONG_DOUBLE:             return wr_created(wr_bytes16);
    case WRG_MPI_C_LONG_DOUBLE_COMPLEX:
    case WRG_MPI_CXX_LONG_DOUBLE_COMPLEX: return wr_created(wr_bytes32);
    case WRG_MPI_LONG_DOUBLE_INT:         return wr_created(wr_bytes32);

    /* value/index pairs: same layout on wasm32 and the host */
    case WRG_MPI_FLOAT_INT:               return wr_host_type(MPI_FLOAT_INT);
    case WRG_MPI_DOUBLE_INT:              return wr_host_type(MPI_DOUBLE_INT);
    case WRG_MPI_LONG_INT:                return wr_host_type(MPI_2INT);
    case WRG_MPI_2INT:                    return wr_host_type(MPI_2INT);
    case WRG_MPI_SHORT_INT:               return wr_host_type(MPI_SHORT_INT);

    case WRG_MPI_C_BOOL:
    case WRG_MPI_CXX_BOOL:                return wr_host_type(MPI_C_BOOL);
    case WRG_MPI_WCHAR:
        /* guest wchar_t is 4 bytes */
        return sizeof(wchar_t) == 4 ? wr_host_type(MPI_WCHAR) : wr_host_type(MPI_INT32_T);

    case WRG_MPI_INT8_T:                  return wr_host_type(MPI_INT8_T);
    case WRG_MPI_UINT8_T:                 return wr_host_type(MPI_UINT8_T);
    case WRG_MPI_CHAR:                    return wr_host_type(MPI_CHAR);
    case WRG_MPI_SIGNED_CHAR:             return wr_host_type(MPI_SIGNED_CHAR);
    case WRG_MPI_UNSIGNED_CHAR:           return wr_host_type(MPI_UNSIGNED_CHAR);
    case WRG_MPI_BYTE:                    return wr_host_type(MPI_BYTE);
    case WRG_MPI_INT16_T:                 return wr_host_type(MPI_INT16_T);
    case WRG_MPI_UINT16_T:                return wr_host_type(MPI_UINT16_T);
    case WRG_MPI_INT32_T:                 return wr_host_type(MPI_INT32_T);
    case WRG_MPI_UINT32_T:                return wr_host_type(MPI_UINT32_T);
    case WRG_MPI_INT64_T:                 return wr_host_type(MPI_INT64_T);
    case WRG_MPI_UINT64_T:                return wr_host_type(MPI_UINT64_T);

    /* Fortran types, by their C equivalents (no Fortran runtime needed
     * on the host).  LOGICAL is a C integer of the same size. */
    case WRG_MPI_LOGICAL:                 return wr_host_type(MPI_INT);
    case WRG_MPI_INTEGER:                 return wr_host_type(MPI_INT);
    case WRG_MPI_REAL:                    return wr_host_type(MPI_FLOAT);
    case WRG_MPI_COMPLEX:                 return wr_host_type(MPI_C_FLOAT_COMPLEX);
    case WRG_MPI_DOUBLE_PRECISION:        return wr_host_type(MPI_DOUBLE);
    case WRG_MPI_DOUBLE_COMPLEX:          return wr_host_type(MPI_C_DOUBLE_COMPLEX);
    case WRG_MPI_CHARACTER:               return wr_host_type(MPI_CHAR);
    case WRG_MPI_2INTEGER:                return wr_host_type(MPI_2INT);
    case WRG_MPI_LOGICAL1:                return wr_host_type(MPI_INT8_T);
    case WRG_MPI_INTEGER1:                return wr_host_type(MPI_INT8_T);
    case WRG_MPI_LOGICAL2:                return wr_host_type(MPI_INT16_T);
    case WRG_MPI_INTEGER2:                return wr_host_type(MPI_INT16_T);
    case WRG_MPI_LOGICAL4:                return wr_host_type(MPI_INT32_T);
    case WRG_MPI_INTEGER4:                return wr_host_type(MPI_INT32_T);
    case WRG_MPI_REAL4:                   return wr_host_type(MPI_FLOAT);
    case WRG_MPI_LOGICAL8:                return wr_host_type(MPI_INT64_T);
    case WRG_MPI_INTEGER8:                return wr_host_type(MPI_INT64_T);
    case WRG_MPI_REAL8:                   return wr_host_type(MPI_DOUBLE);
    case WRG_MPI_COMPLEX8:                return wr_host_type(MPI_C_FLOAT_COMPLEX);
    case WRG_MPI_COMPLEX16:               return wr_host_type(MPI_C_DOUBLE_COMPLEX);
    case WRG_MPI_REAL16:                  return wr_created(wr_bytes16);
    case WRG_MPI_COMPLEX32:               return wr_created(wr_bytes32);

    /* No faithful host type: half precision, 128-bit integers/logicals,
     * and pairs of Fortran reals. */
    case WRG_MPI_REAL2:
    case WRG_MPI_COMPLEX4:
    case WRG_MPI_INTEGER16:
    case WRG_MPI_LOGICAL16:
    case WRG_MPI_2REAL:
    case WRG_MPI_2DOUBLE_PRECISION:
        return 0;
    }
    return 0;
}

uintptr_t wr_predef_op(int32_t guest)
{
    switch (guest) {
    case WRG_MPI_OP_NULL: return WR_HANDLE(MPI_OP_NULL);
    case WRG_MPI_SUM:     return WR_HANDLE(MPI_SUM);
    case WRG_MPI_MIN:     return WR_HANDLE(MPI_MIN);
    case WRG_MPI_MAX:     return WR_HANDLE(MPI_MAX);
    case WRG_MPI_PROD:    return WR_HANDLE(MPI_PROD);
    case WRG_MPI_BAND:    return WR_HANDLE(MPI_BAND);
    case WRG_MPI_BOR:     return WR_HANDLE(MPI_BOR);
    case WRG_MPI_BXOR:    return WR_HANDLE(MPI_BXOR);
    case WRG_MPI_LAND:    return WR_HANDLE(MPI_LAND);
    case WRG_MPI_LOR:     return WR_HANDLE(MPI_LOR);
    case WRG_MPI_LXOR:    return WR_HANDLE(MPI_LXOR);
    case WRG_MPI_MINLOC:  return WR_HANDLE(MPI_MINLOC);
    case WRG_MPI_MAXLOC:  return WR_HANDLE(MPI_MAXLOC);
    case WRG_MPI_REPLACE: return WR_HANDLE(MPI_REPLACE);
    case WRG_MPI_NO_OP:   return WR_HANDLE(MPI_NO_OP);
    }
    return 0;
}

uintptr_t wr_predef_comm(int32_t guest)
{
    switch (guest) {
    case WRG_MPI_COMM_NULL:  return WR_HANDLE(MPI_COMM_NULL);
    case WRG_MPI_COMM_WORLD: return WR_HANDLE(MPI_COMM_WORLD);
    case WRG_MPI_COMM_SELF:  return WR_HANDLE(MPI_COMM_SELF);
    }
    return 0;
}

uintptr_t wr_predef_group(int32_t guest)
{
    switch (guest) {
    case WRG_MPI_GROUP_NULL:  return WR_HANDLE(MPI_GROUP_NULL);
    case WRG_MPI_GROUP_EMPTY: return WR_HANDLE(MPI_GROUP_EMPTY);
    }
    return 0;
}

int wr_abi_errclass(int host_code)
{
    int cls;

    if (host_code == MPI_SUCCESS)
        return WRG_MPI_SUCCESS;
    if (host_code < 0)
        return WRG_MPI_ERR_UNKNOWN; /* never a valid code */
    /* An unknown code makes the host raise MPI_ERR_ARG through
     * MPI_COMM_WORLD's error handler, so that handler must be
     * MPI_ERRORS_RETURN (wr_init sets it). */
    if (MPI_Error_class(host_code, &cls) != MPI_SUCCESS)
        return WRG_MPI_ERR_UNKNOWN;
    /* Host class values differ between families (Open MPI swaps PENDING and
     * IN_STATUS and numbers the RMA classes differently), hence the case
     * by case mapping.  A switch also rejects duplicate host values at
     * compile time. */
    switch (cls) {
    case MPI_SUCCESS:                   return WRG_MPI_SUCCESS;
    case MPI_ERR_BUFFER:                return WRG_MPI_ERR_BUFFER;
    case MPI_ERR_COUNT:                 return WRG_MPI_ERR_COUNT;
    case MPI_ERR_TYPE:                  return WRG_MPI_ERR_TYPE;
    case MPI_ERR_TAG:                   return WRG_MPI_ERR_TAG;
    case MPI_ERR_COMM:                  return WRG_MPI_ERR_COMM;
    case MPI_ERR_RANK:                  return WRG_MPI_ERR_RANK;
    case MPI_ERR_REQUEST:               return WRG_MPI_ERR_REQUEST;
    case MPI_ERR_ROOT:                  return WRG_MPI_ERR_ROOT;
    case MPI_ERR_GROUP:                 return WRG_MPI_ERR_GROUP;
    case MPI_ERR_OP:                    return WRG_MPI_ERR_OP;
    case MPI_ERR_TOPOLOGY:              return WRG_MPI_ERR_TOPOLOGY;
    case MPI_ERR_DIMS:                  return WRG_MPI_ERR_DIMS;
    case MPI_ERR_ARG:                   return WRG_MPI_ERR_ARG;
    case MPI_ERR_UNKNOWN:               return WRG_MPI_ERR_UNKNOWN;
    case MPI_ERR_TRUNCATE:              return WRG_MPI_ERR_TRUNCATE;
    case MPI_ERR_OTHER:                 return WRG_MPI_ERR_OTHER;
    case MPI_ERR_INTERN:                return WRG_MPI_ERR_INTERN;
    case MPI_ERR_PENDING:               return WRG_MPI_ERR_PENDING;
    case MPI_ERR_IN_STATUS:             return WRG_MPI_ERR_IN_STATUS;
    case MPI_ERR_ACCESS:                return WRG_MPI_ERR_ACCESS;
    case MPI_ERR_AMODE:                 return WRG_MPI_ERR_AMODE;
    case MPI_ERR_ASSERT:                return WRG_MPI_ERR_ASSERT;
    case MPI_ERR_BAD_FILE:              return WRG_MPI_ERR_BAD_FILE;
    case MPI_ERR_BASE:                  return WRG_MPI_ERR_BASE;
    case MPI_ERR_CONVERSION:            return WRG_MPI_ERR_CONVERSION;
    case MPI_ERR_DISP:                  return WRG_MPI_ERR_DISP;
    case MPI_ERR_DUP_DATAREP:           return WRG_MPI_ERR_DUP_DATAREP;
    case MPI_ERR_FILE_EXISTS:           return WRG_MPI_ERR_FILE_EXISTS;
    case MPI_ERR_FILE_IN_USE:           return WRG_MPI_ERR_FILE_IN_USE;
    case MPI_ERR_FILE:                  return WRG_MPI_ERR_FILE;
    case MPI_ERR_INFO_KEY:              return WRG_MPI_ERR_INFO_KEY;
    case MPI_ERR_INFO_NOKEY:            return WRG_MPI_ERR_INFO_NOKEY;
    case MPI_ERR_INFO_VALUE:            return WRG_MPI_ERR_INFO_VALUE;
    case MPI_ERR_INFO:                  return WRG_MPI_ERR_INFO;
    case MPI_ERR_IO:                    return WRG_MPI_ERR_IO;
    case MPI_ERR_KEYVAL:                return WRG_MPI_ERR_KEYVAL;
    case MPI_ERR_LOCKTYPE:              return WRG_MPI_ERR_LOCKTYPE;
    case MPI_ERR_NAME:                  return WRG_MPI_ERR_NAME;
    case MPI_ERR_NO_MEM:                return WRG_MPI_ERR_NO_MEM;
    case MPI_ERR_NOT_SAME:              return WRG_MPI_ERR_NOT_SAME;
    case MPI_ERR_NO_SPACE:              return WRG_MPI_ERR_NO_SPACE;
    case MPI_ERR_NO_SUCH_FILE:          return WRG_MPI_ERR_NO_SUCH_FILE;
    case MPI_ERR_PORT:                  return WRG_MPI_ERR_PORT;
    case MPI_ERR_QUOTA:                 return WRG_MPI_ERR_QUOTA;
    case MPI_ERR_READ_ONLY:             return WRG_MPI_ERR_READ_ONLY;
    case MPI_ERR_RMA_ATTACH:            return WRG_MPI_ERR_RMA_ATTACH;
    case MPI_ERR_RMA_CONFLICT:          return WRG_MPI_ERR_RMA_CONFLICT;
    case MPI_ERR_RMA_RANGE:             return WRG_MPI_ERR_RMA_RANGE;
    case MPI_ERR_RMA_SHARED:            return WRG_MPI_ERR_RMA_SHARED;
    case MPI_ERR_RMA_SYNC:              return WRG_MPI_ERR_RMA_SYNC;
    case MPI_ERR_SERVICE:               return WRG_MPI_ERR_SERVICE;
    case MPI_ERR_SIZE:                  return WRG_MPI_ERR_SIZE;
    case MPI_ERR_SPAWN:                 return WRG_MPI_ERR_SPAWN;
    case MPI_ERR_UNSUPPORTED_DATAREP:   return WRG_MPI_ERR_UNSUPPORTED_DATAREP;
    case MPI_ERR_UNSUPPORTED_OPERATION: return WRG_MPI_ERR_UNSUPPORTED_OPERATION;
    case MPI_ERR_WIN:                   return WRG_MPI_ERR_WIN;
    case MPI_ERR_RMA_FLAVOR:            return WRG_MPI_ERR_RMA_FLAVOR;
#ifdef MPI_ERR_PROC_ABORTED
    case MPI_ERR_PROC_ABORTED:          return WRG_MPI_ERR_PROC_ABORTED;
#endif
#ifdef MPI_ERR_VALUE_TOO_LARGE
    case MPI_ERR_VALUE_TOO_LARGE:       return WRG_MPI_ERR_VALUE_TOO_LARGE;
#endif
#ifdef MPI_ERR_SESSION
    case MPI_ERR_SESSION:               return WRG_MPI_ERR_SESSION;
#endif
    }
    return WRG_MPI_ERR_UNKNOWN;
}
