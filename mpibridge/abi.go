package mpibridge

// This file records, for the Go side of the bridge, the guest's view of MPI:
// the MPI 5.0 standard ABI values that include/mpi.h gives to wasm32 guest
// programs.  Handles arrive from the guest as 32-bit integers and are
// compared against these constants; integer arguments and results that have
// a different value on the host (error classes, MPI_UNDEFINED, mode bits,
// ...) are translated using them.
//
// abi_test.go parses include/mpi.h and fails if any constant below differs
// from the header, so the two cannot drift apart.  All constants here are
// untyped on purpose: they are used both as uint32 handles and as int32
// values.

// Predefined reduction operations (MPI_Op).
const (
	opNull    = 0x020 // MPI_OP_NULL
	opSum     = 0x021 // MPI_SUM
	opMin     = 0x022 // MPI_MIN
	opMax     = 0x023 // MPI_MAX
	opProd    = 0x024 // MPI_PROD
	opBand    = 0x028 // MPI_BAND
	opBor     = 0x029 // MPI_BOR
	opBxor    = 0x02a // MPI_BXOR
	opLand    = 0x030 // MPI_LAND
	opLor     = 0x031 // MPI_LOR
	opLxor    = 0x032 // MPI_LXOR
	opMinloc  = 0x038 // MPI_MINLOC
	opMaxloc  = 0x039 // MPI_MAXLOC
	opReplace = 0x03c // MPI_REPLACE
	opNoOp    = 0x03d // MPI_NO_OP
)

// Other predefined handles.
const (
	commNull  = 0x100 // MPI_COMM_NULL
	commWorld = 0x101 // MPI_COMM_WORLD
	commSelf  = 0x102 // MPI_COMM_SELF

	groupNull  = 0x108 // MPI_GROUP_NULL
	groupEmpty = 0x109 // MPI_GROUP_EMPTY

	winNull       = 0x110 // MPI_WIN_NULL
	fileNull      = 0x118 // MPI_FILE_NULL
	sessionNull   = 0x120 // MPI_SESSION_NULL
	messageNull   = 0x128 // MPI_MESSAGE_NULL
	messageNoProc = 0x129 // MPI_MESSAGE_NO_PROC
	infoNull      = 0x130 // MPI_INFO_NULL
	infoEnv       = 0x131 // MPI_INFO_ENV

	errhandlerNull = 0x140 // MPI_ERRHANDLER_NULL
	errorsAreFatal = 0x141 // MPI_ERRORS_ARE_FATAL
	errorsReturn   = 0x142 // MPI_ERRORS_RETURN
	errorsAbort    = 0x143 // MPI_ERRORS_ABORT

	requestNull = 0x180 // MPI_REQUEST_NULL
)

// Predefined datatypes (MPI_Datatype).
const (
	datatypeNull = 0x200 // MPI_DATATYPE_NULL

	typeAint   = 0x201 // MPI_AINT
	typeCount  = 0x202 // MPI_COUNT
	typeOffset = 0x203 // MPI_OFFSET
	typePacked = 0x207 // MPI_PACKED

	typeShort            = 0x208 // MPI_SHORT
	typeInt              = 0x209 // MPI_INT
	typeLong             = 0x20a // MPI_LONG
	typeLongLong         = 0x20b // MPI_LONG_LONG (also MPI_LONG_LONG_INT)
	typeUnsignedShort    = 0x20c // MPI_UNSIGNED_SHORT
	typeUnsigned         = 0x20d // MPI_UNSIGNED
	typeUnsignedLong     = 0x20e // MPI_UNSIGNED_LONG
	typeUnsignedLongLong = 0x20f // MPI_UNSIGNED_LONG_LONG
	typeFloat            = 0x210 // MPI_FLOAT
	typeCFloatComplex    = 0x212 // MPI_C_FLOAT_COMPLEX (also MPI_C_COMPLEX)
	typeCXXFloatComplex  = 0x213 // MPI_CXX_FLOAT_COMPLEX
	typeDouble           = 0x214 // MPI_DOUBLE
	typeCDoubleComplex   = 0x216 // MPI_C_DOUBLE_COMPLEX
	typeCXXDoubleComplex = 0x217 // MPI_CXX_DOUBLE_COMPLEX

	typeLogical         = 0x218 // MPI_LOGICAL
	typeInteger         = 0x219 // MPI_INTEGER
	typeReal            = 0x21a // MPI_REAL
	typeComplex         = 0x21b // MPI_COMPLEX
	typeDoublePrecision = 0x21c // MPI_DOUBLE_PRECISION
	typeDoubleComplex   = 0x21d // MPI_DOUBLE_COMPLEX
	typeCharacter       = 0x21e // MPI_CHARACTER

	typeLongDouble           = 0x220 // MPI_LONG_DOUBLE
	typeCLongDoubleComplex   = 0x224 // MPI_C_LONG_DOUBLE_COMPLEX
	typeCXXLongDoubleComplex = 0x225 // MPI_CXX_LONG_DOUBLE_COMPLEX

	typeFloatInt         = 0x228 // MPI_FLOAT_INT
	typeDoubleInt        = 0x229 // MPI_DOUBLE_INT
	typeLongInt          = 0x22a // MPI_LONG_INT
	type2Int             = 0x22b // MPI_2INT
	typeShortInt         = 0x22c // MPI_SHORT_INT
	typeLongDoubleInt    = 0x22d // MPI_LONG_DOUBLE_INT
	type2Real            = 0x230 // MPI_2REAL
	type2DoublePrecision = 0x231 // MPI_2DOUBLE_PRECISION
	type2Integer         = 0x232 // MPI_2INTEGER

	typeCBool   = 0x238 // MPI_C_BOOL
	typeCXXBool = 0x239 // MPI_CXX_BOOL
	typeWchar   = 0x23c // MPI_WCHAR

	typeInt8          = 0x240 // MPI_INT8_T
	typeUint8         = 0x241 // MPI_UINT8_T
	typeChar          = 0x243 // MPI_CHAR
	typeSignedChar    = 0x244 // MPI_SIGNED_CHAR
	typeUnsignedChar  = 0x245 // MPI_UNSIGNED_CHAR
	typeByte          = 0x247 // MPI_BYTE
	typeInt16         = 0x248 // MPI_INT16_T
	typeUint16        = 0x249 // MPI_UINT16_T
	typeInt32         = 0x250 // MPI_INT32_T
	typeUint32        = 0x251 // MPI_UINT32_T
	typeInt64         = 0x258 // MPI_INT64_T
	typeUint64        = 0x259 // MPI_UINT64_T
	typeLogical1      = 0x2c0 // MPI_LOGICAL1
	typeInteger1      = 0x2c1 // MPI_INTEGER1
	typeLogical2      = 0x2c8 // MPI_LOGICAL2
	typeInteger2      = 0x2c9 // MPI_INTEGER2
	typeReal2         = 0x2ca // MPI_REAL2
	typeLogical4      = 0x2d0 // MPI_LOGICAL4
	typeInteger4      = 0x2d1 // MPI_INTEGER4
	typeReal4         = 0x2d2 // MPI_REAL4
	typeComplex4      = 0x2d3 // MPI_COMPLEX4
	typeLogical8      = 0x2d8 // MPI_LOGICAL8
	typeInteger8      = 0x2d9 // MPI_INTEGER8
	typeReal8         = 0x2da // MPI_REAL8
	typeComplex8      = 0x2db // MPI_COMPLEX8
	typeLogical16     = 0x2e0 // MPI_LOGICAL16
	typeInteger16     = 0x2e1 // MPI_INTEGER16
	typeReal16        = 0x2e2 // MPI_REAL16
	typeComplex16     = 0x2e3 // MPI_COMPLEX16
	typeComplex32     = 0x2eb // MPI_COMPLEX32
	datatypeFirst     = datatypeNull
	datatypeLastFixed = typeComplex32
)

// Error classes.  The guest only ever sees these values; host error codes
// are converted with wr_abi_errclass (predef.c).
const (
	success                 = 0      // MPI_SUCCESS
	errBuffer               = 1      // MPI_ERR_BUFFER
	errCount                = 2      // MPI_ERR_COUNT
	errType                 = 3      // MPI_ERR_TYPE
	errTag                  = 4      // MPI_ERR_TAG
	errComm                 = 5      // MPI_ERR_COMM
	errRank                 = 6      // MPI_ERR_RANK
	errRequest              = 7      // MPI_ERR_REQUEST
	errRoot                 = 8      // MPI_ERR_ROOT
	errGroup                = 9      // MPI_ERR_GROUP
	errOp                   = 10     // MPI_ERR_OP
	errTopology             = 11     // MPI_ERR_TOPOLOGY
	errDims                 = 12     // MPI_ERR_DIMS
	errArg                  = 13     // MPI_ERR_ARG
	errUnknown              = 14     // MPI_ERR_UNKNOWN
	errTruncate             = 15     // MPI_ERR_TRUNCATE
	errOther                = 16     // MPI_ERR_OTHER
	errIntern               = 17     // MPI_ERR_INTERN
	errPending              = 18     // MPI_ERR_PENDING
	errInStatus             = 19     // MPI_ERR_IN_STATUS
	errAccess               = 20     // MPI_ERR_ACCESS
	errAmode                = 21     // MPI_ERR_AMODE
	errAssert               = 22     // MPI_ERR_ASSERT
	errBadFile              = 23     // MPI_ERR_BAD_FILE
	errBase                 = 24     // MPI_ERR_BASE
	errConversion           = 25     // MPI_ERR_CONVERSION
	errDisp                 = 26     // MPI_ERR_DISP
	errDupDatarep           = 27     // MPI_ERR_DUP_DATAREP
	errFileExists           = 28     // MPI_ERR_FILE_EXISTS
	errFileInUse            = 29     // MPI_ERR_FILE_IN_USE
	errFile                 = 30     // MPI_ERR_FILE
	errInfoKey              = 31     // MPI_ERR_INFO_KEY
	errInfoNokey            = 32     // MPI_ERR_INFO_NOKEY
	errInfoValue            = 33     // MPI_ERR_INFO_VALUE
	errInfo                 = 34     // MPI_ERR_INFO
	errIO                   = 35     // MPI_ERR_IO
	errKeyval               = 36     // MPI_ERR_KEYVAL
	errLocktype             = 37     // MPI_ERR_LOCKTYPE
	errName                 = 38     // MPI_ERR_NAME
	errNoMem                = 39     // MPI_ERR_NO_MEM
	errNotSame              = 40     // MPI_ERR_NOT_SAME
	errNoSpace              = 41     // MPI_ERR_NO_SPACE
	errNoSuchFile           = 42     // MPI_ERR_NO_SUCH_FILE
	errPort                 = 43     // MPI_ERR_PORT
	errQuota                = 44     // MPI_ERR_QUOTA
	errReadOnly             = 45     // MPI_ERR_READ_ONLY
	errRMAAttach            = 46     // MPI_ERR_RMA_ATTACH
	errRMAConflict          = 47     // MPI_ERR_RMA_CONFLICT
	errRMARange             = 48     // MPI_ERR_RMA_RANGE
	errRMAShared            = 49     // MPI_ERR_RMA_SHARED
	errRMASync              = 50     // MPI_ERR_RMA_SYNC
	errService              = 51     // MPI_ERR_SERVICE
	errSize                 = 52     // MPI_ERR_SIZE
	errSpawn                = 53     // MPI_ERR_SPAWN
	errUnsupportedDatarep   = 54     // MPI_ERR_UNSUPPORTED_DATAREP
	errUnsupportedOperation = 55     // MPI_ERR_UNSUPPORTED_OPERATION
	errWin                  = 56     // MPI_ERR_WIN
	errRMAFlavor            = 57     // MPI_ERR_RMA_FLAVOR
	errProcAborted          = 58     // MPI_ERR_PROC_ABORTED
	errValueTooLarge        = 59     // MPI_ERR_VALUE_TOO_LARGE
	errSession              = 60     // MPI_ERR_SESSION
	errErrhandler           = 61     // MPI_ERR_ERRHANDLER
	errABI                  = 62     // MPI_ERR_ABI
	errLastcode             = 0x3fff // MPI_ERR_LASTCODE
)

// Wildcards, rank sentinels and MPI_UNDEFINED (all negative).
const (
	anySource = -1     // MPI_ANY_SOURCE
	anyTag    = -2     // MPI_ANY_TAG
	procNull  = -3     // MPI_PROC_NULL
	root      = -4     // MPI_ROOT
	undefined = -32766 // MPI_UNDEFINED
)

// Special buffer addresses and "ignore" pointers, as guest addresses.
const (
	bottom              = 0  // MPI_BOTTOM
	inPlace             = 1  // MPI_IN_PLACE
	bufferAutomatic     = 2  // MPI_BUFFER_AUTOMATIC
	argvNull            = 0  // MPI_ARGV_NULL
	argvsNull           = 0  // MPI_ARGVS_NULL
	errcodesIgnore      = 0  // MPI_ERRCODES_IGNORE
	statusIgnore        = 0  // MPI_STATUS_IGNORE
	statusesIgnore      = 0  // MPI_STATUSES_IGNORE
	unweighted          = 10 // MPI_UNWEIGHTED
	weightsEmpty        = 11 // MPI_WEIGHTS_EMPTY
	displacementCurrent = -1 // MPI_DISPLACEMENT_CURRENT (an MPI_Offset)
)

// Predefined attribute callbacks are small integers in the guest.
const (
	nullCopyFn       = 0 // MPI_COMM_NULL_COPY_FN, MPI_NULL_COPY_FN, MPI_TYPE_/MPI_WIN_NULL_COPY_FN
	dupFn            = 1 // MPI_COMM_DUP_FN, MPI_DUP_FN, MPI_TYPE_DUP_FN, MPI_WIN_DUP_FN
	nullDeleteFn     = 0 // MPI_COMM_NULL_DELETE_FN, MPI_NULL_DELETE_FN, ...
	conversionFnNull = 0 // MPI_CONVERSION_FN_NULL, MPI_CONVERSION_FN_NULL_C
)

// Thread support levels.
const (
	threadSingle     = 0    // MPI_THREAD_SINGLE
	threadFunneled   = 1024 // MPI_THREAD_FUNNELED
	threadSerialized = 2048 // MPI_THREAD_SERIALIZED
	threadMultiple   = 4096 // MPI_THREAD_MULTIPLE
)

// Array order and distribution (MPI_Type_create_subarray/darray).
const (
	orderC             = 12 // MPI_ORDER_C
	orderFortran       = 15 // MPI_ORDER_FORTRAN
	distributeNone     = 16 // MPI_DISTRIBUTE_NONE
	distributeBlock    = 17 // MPI_DISTRIBUTE_BLOCK
	distributeCyclic   = 18 // MPI_DISTRIBUTE_CYCLIC
	distributeDfltDarg = 19 // MPI_DISTRIBUTE_DFLT_DARG
)

// Datatype combiners (MPI_Type_get_envelope).
const (
	combinerNamed         = 101 // MPI_COMBINER_NAMED
	combinerDup           = 102 // MPI_COMBINER_DUP
	combinerContiguous    = 103 // MPI_COMBINER_CONTIGUOUS
	combinerVector        = 104 // MPI_COMBINER_VECTOR
	combinerHvector       = 105 // MPI_COMBINER_HVECTOR
	combinerIndexed       = 106 // MPI_COMBINER_INDEXED
	combinerHindexed      = 107 // MPI_COMBINER_HINDEXED
	combinerIndexedBlock  = 108 // MPI_COMBINER_INDEXED_BLOCK
	combinerHindexedBlock = 109 // MPI_COMBINER_HINDEXED_BLOCK
	combinerStruct        = 110 // MPI_COMBINER_STRUCT
	combinerSubarray      = 111 // MPI_COMBINER_SUBARRAY
	combinerDarray        = 112 // MPI_COMBINER_DARRAY
	combinerF90Integer    = 113 // MPI_COMBINER_F90_INTEGER
	combinerF90Real       = 114 // MPI_COMBINER_F90_REAL
	combinerF90Complex    = 115 // MPI_COMBINER_F90_COMPLEX
	combinerResized       = 116 // MPI_COMBINER_RESIZED
	combinerValueIndex    = 117 // MPI_COMBINER_VALUE_INDEX
)

// Type classes (MPI_Type_match_size).
const (
	typeclassLogical = 191 // MPIX_TYPECLASS_LOGICAL
	typeclassInteger = 192 // MPI_TYPECLASS_INTEGER
	typeclassReal    = 193 // MPI_TYPECLASS_REAL
	typeclassComplex = 194 // MPI_TYPECLASS_COMPLEX
)

// Comparison results, topology kinds, split types.
const (
	cmpIdent     = 201 // MPI_IDENT
	cmpCongruent = 202 // MPI_CONGRUENT
	cmpSimilar   = 203 // MPI_SIMILAR
	cmpUnequal   = 204 // MPI_UNEQUAL

	topoCart      = 211 // MPI_CART
	topoGraph     = 212 // MPI_GRAPH
	topoDistGraph = 213 // MPI_DIST_GRAPH

	commTypeShared         = 221 // MPI_COMM_TYPE_SHARED
	commTypeHwUnguided     = 222 // MPI_COMM_TYPE_HW_UNGUIDED
	commTypeHwGuided       = 223 // MPI_COMM_TYPE_HW_GUIDED
	commTypeResourceGuided = 224 // MPI_COMM_TYPE_RESOURCE_GUIDED
)

// One-sided communication and file positioning.
const (
	lockExclusive = 301 // MPI_LOCK_EXCLUSIVE
	lockShared    = 302 // MPI_LOCK_SHARED

	winFlavorCreate   = 311 // MPI_WIN_FLAVOR_CREATE
	winFlavorAllocate = 312 // MPI_WIN_FLAVOR_ALLOCATE
	winFlavorDynamic  = 313 // MPI_WIN_FLAVOR_DYNAMIC
	winFlavorShared   = 314 // MPI_WIN_FLAVOR_SHARED
	winUnified        = 321 // MPI_WIN_UNIFIED
	winSeparate       = 322 // MPI_WIN_SEPARATE

	seekSet = 401 // MPI_SEEK_SET
	seekCur = 402 // MPI_SEEK_CUR
	seekEnd = 403 // MPI_SEEK_END
)

// Predefined attribute keys.
const (
	keyvalInvalid       = 0   // MPI_KEYVAL_INVALID
	attrTagUB           = 501 // MPI_TAG_UB
	attrIO              = 502 // MPI_IO
	attrHost            = 503 // MPI_HOST
	attrWtimeIsGlobal   = 504 // MPI_WTIME_IS_GLOBAL
	attrUniverseSize    = 505 // MPI_UNIVERSE_SIZE
	attrAppnum          = 506 // MPI_APPNUM
	attrLastUsedCode    = 507 // MPI_LASTUSEDCODE
	attrWinBase         = 601 // MPI_WIN_BASE
	attrWinDispUnit     = 602 // MPI_WIN_DISP_UNIT
	attrWinSize         = 603 // MPI_WIN_SIZE
	attrWinCreateFlavor = 604 // MPI_WIN_CREATE_FLAVOR
	attrWinModel        = 605 // MPI_WIN_MODEL
)

// Mode bits: file access modes and RMA assertions.  Host values differ
// (Open MPI and MPICH disagree), so these must be translated bit by bit.
const (
	modeAppend        = 1     // MPI_MODE_APPEND
	modeCreate        = 2     // MPI_MODE_CREATE
	modeDeleteOnClose = 4     // MPI_MODE_DELETE_ON_CLOSE
	modeExcl          = 8     // MPI_MODE_EXCL
	modeRdonly        = 16    // MPI_MODE_RDONLY
	modeRdwr          = 32    // MPI_MODE_RDWR
	modeSequential    = 64    // MPI_MODE_SEQUENTIAL
	modeUniqueOpen    = 128   // MPI_MODE_UNIQUE_OPEN
	modeWronly        = 256   // MPI_MODE_WRONLY
	modeNocheck       = 1024  // MPI_MODE_NOCHECK
	modeNoprecede     = 2048  // MPI_MODE_NOPRECEDE
	modeNoput         = 4096  // MPI_MODE_NOPUT
	modeNostore       = 8192  // MPI_MODE_NOSTORE
	modeNosucceed     = 16384 // MPI_MODE_NOSUCCEED
)

// String limits: the size of the buffers the guest passes in.
const (
	maxDatarepString        = 128  // MPI_MAX_DATAREP_STRING
	maxErrorString          = 512  // MPI_MAX_ERROR_STRING
	maxInfoKey              = 256  // MPI_MAX_INFO_KEY
	maxInfoVal              = 1024 // MPI_MAX_INFO_VAL
	maxLibraryVersionString = 8192 // MPI_MAX_LIBRARY_VERSION_STRING
	maxObjectName           = 128  // MPI_MAX_OBJECT_NAME
	maxPortName             = 1024 // MPI_MAX_PORT_NAME
	maxProcessorName        = 256  // MPI_MAX_PROCESSOR_NAME
	maxStringtagLen         = 1024 // MPI_MAX_STRINGTAG_LEN
	maxPsetNameLen          = 1024 // MPI_MAX_PSET_NAME_LEN
	bsendOverhead           = 512  // MPI_BSEND_OVERHEAD
)

// Versions and the guest MPI_Status layout (eight int32, 32 bytes).
const (
	stdVersion     = 4               // MPI_VERSION
	stdSubversion  = 0               // MPI_SUBVERSION
	abiVersion     = 1               // MPI_ABI_VERSION
	abiSubversion  = 0               // MPI_ABI_SUBVERSION
	statusInts     = 8               // MPI_F_STATUS_SIZE: ints in a status
	statusSource   = 0               // MPI_F_SOURCE: index of MPI_SOURCE
	statusTag      = 1               // MPI_F_TAG: index of MPI_TAG
	statusError    = 2               // MPI_F_ERROR: index of MPI_ERROR
	statusInternal = statusError + 1 // first of the five implementation-owned ints
	statusBytes    = statusInts * 4
)

// ---------------------------------------------------------------------------
// Error classes: names and descriptions.

// errClassNames[c] is the C name of error class c (0..errABI).
var errClassNames = [...]string{
	success: "MPI_SUCCESS", errBuffer: "MPI_ERR_BUFFER", errCount: "MPI_ERR_COUNT",
	errType: "MPI_ERR_TYPE", errTag: "MPI_ERR_TAG", errComm: "MPI_ERR_COMM",
	errRank: "MPI_ERR_RANK", errRequest: "MPI_ERR_REQUEST", errRoot: "MPI_ERR_ROOT",
	errGroup: "MPI_ERR_GROUP", errOp: "MPI_ERR_OP", errTopology: "MPI_ERR_TOPOLOGY",
	errDims: "MPI_ERR_DIMS", errArg: "MPI_ERR_ARG", errUnknown: "MPI_ERR_UNKNOWN",
	errTruncate: "MPI_ERR_TRUNCATE", errOther: "MPI_ERR_OTHER", errIntern: "MPI_ERR_INTERN",
	errPending: "MPI_ERR_PENDING", errInStatus: "MPI_ERR_IN_STATUS", errAccess: "MPI_ERR_ACCESS",
	errAmode: "MPI_ERR_AMODE", errAssert: "MPI_ERR_ASSERT", errBadFile: "MPI_ERR_BAD_FILE",
	errBase: "MPI_ERR_BASE", errConversion: "MPI_ERR_CONVERSION", errDisp: "MPI_ERR_DISP",
	errDupDatarep: "MPI_ERR_DUP_DATAREP", errFileExists: "MPI_ERR_FILE_EXISTS",
	errFileInUse: "MPI_ERR_FILE_IN_USE", errFile: "MPI_ERR_FILE", errInfoKey: "MPI_ERR_INFO_KEY",
	errInfoNokey: "MPI_ERR_INFO_NOKEY", errInfoValue: "MPI_ERR_INFO_VALUE", errInfo: "MPI_ERR_INFO",
	errIO: "MPI_ERR_IO", errKeyval: "MPI_ERR_KEYVAL", errLocktype: "MPI_ERR_LOCKTYPE",
	errName: "MPI_ERR_NAME", errNoMem: "MPI_ERR_NO_MEM", errNotSame: "MPI_ERR_NOT_SAME",
	errNoSpace: "MPI_ERR_NO_SPACE", errNoSuchFile: "MPI_ERR_NO_SUCH_FILE", errPort: "MPI_ERR_PORT",
	errQuota: "MPI_ERR_QUOTA", errReadOnly: "MPI_ERR_READ_ONLY", errRMAAttach: "MPI_ERR_RMA_ATTACH",
	errRMAConflict: "MPI_ERR_RMA_CONFLICT", errRMARange: "MPI_ERR_RMA_RANGE",
	errRMAShared: "MPI_ERR_RMA_SHARED", errRMASync: "MPI_ERR_RMA_SYNC", errService: "MPI_ERR_SERVICE",
	errSize: "MPI_ERR_SIZE", errSpawn: "MPI_ERR_SPAWN",
	errUnsupportedDatarep: "MPI_ERR_UNSUPPORTED_DATAREP", errUnsupportedOperation: "MPI_ERR_UNSUPPORTED_OPERATION",
	errWin: "MPI_ERR_WIN", errRMAFlavor: "MPI_ERR_RMA_FLAVOR", errProcAborted: "MPI_ERR_PROC_ABORTED",
	errValueTooLarge: "MPI_ERR_VALUE_TOO_LARGE", errSession: "MPI_ERR_SESSION",
	errErrhandler: "MPI_ERR_ERRHANDLER", errABI: "MPI_ERR_ABI",
}

// errClassTexts[c] is the message MPI_Error_string reports for class c.
var errClassTexts = [...]string{
	success:                 "no error",
	errBuffer:               "invalid buffer pointer",
	errCount:                "invalid count argument",
	errType:                 "invalid datatype",
	errTag:                  "invalid tag",
	errComm:                 "invalid communicator",
	errRank:                 "invalid rank",
	errRequest:              "invalid request handle",
	errRoot:                 "invalid root rank",
	errGroup:                "invalid group",
	errOp:                   "invalid reduction operation, or operation not defined for this datatype",
	errTopology:             "invalid topology",
	errDims:                 "invalid dimension argument",
	errArg:                  "invalid argument",
	errUnknown:              "unknown error",
	errTruncate:             "message truncated: receive buffer too small",
	errOther:                "other error; see the error string",
	errIntern:               "internal error in the MPI bridge or library",
	errPending:              "operation not complete (pending request)",
	errInStatus:             "error code is in the status object",
	errAccess:               "permission denied",
	errAmode:                "invalid file access mode",
	errAssert:               "invalid assertion argument",
	errBadFile:              "invalid file name",
	errBase:                 "invalid base address",
	errConversion:           "data conversion function failed",
	errDisp:                 "invalid displacement",
	errDupDatarep:           "data representation already registered",
	errFileExists:           "file already exists",
	errFileInUse:            "file is in use by some process",
	errFile:                 "invalid file handle",
	errInfoKey:              "info key too long",
	errInfoNokey:            "info key not defined",
	errInfoValue:            "info value too long",
	errInfo:                 "invalid info object",
	errIO:                   "I/O error",
	errKeyval:               "invalid attribute key",
	errLocktype:             "invalid lock type",
	errName:                 "service name not published",
	errNoMem:                "out of memory for MPI_Alloc_mem",
	errNotSame:              "collective argument not the same on all processes",
	errNoSpace:              "no space left on device",
	errNoSuchFile:           "file does not exist",
	errPort:                 "invalid port name",
	errQuota:                "quota exceeded",
	errReadOnly:             "file system is read-only",
	errRMAAttach:            "memory cannot be attached to the window",
	errRMAConflict:          "conflicting accesses to a window",
	errRMARange:             "target memory outside the window",
	errRMAShared:            "memory cannot be shared",
	errRMASync:              "invalid synchronization of one-sided operations",
	errService:              "invalid service name",
	errSize:                 "invalid size argument",
	errSpawn:                "error spawning processes",
	errUnsupportedDatarep:   "unsupported data representation",
	errUnsupportedOperation: "operation not supported",
	errWin:                  "invalid window",
	errRMAFlavor:            "wrong window flavor for this operation",
	errProcAborted:          "peer process has aborted",
	errValueTooLarge:        "value too large to be returned in the output argument",
	errSession:              "invalid session",
	errErrhandler:           "invalid error handler",
	errABI:                  "ABI mismatch between the program and the MPI library",
}

// errClassName returns the C name of an error class, or "" if c is not a
// predefined class.
func errClassName(c int32) string {
	if c < 0 || int(c) >= len(errClassNames) {
		return ""
	}
	return errClassNames[c]
}

// errClassText returns the MPI_Error_string text for a predefined class, or
// "" if c is not one.
func errClassText(c int32) string {
	if c < 0 || int(c) >= len(errClassTexts) {
		return ""
	}
	return errClassTexts[c]
}

// ---------------------------------------------------------------------------
// Predefined datatypes and reduction operations.

// typeKind groups predefined datatypes the way the MPI standard does when
// it says which reduction operations apply to which types.
type typeKind uint8

const (
	kindOther    typeKind = iota // no arithmetic: MPI_CHAR, MPI_WCHAR, MPI_CHARACTER, MPI_PACKED
	kindInteger                  // C/Fortran integers and MPI_AINT, MPI_OFFSET, MPI_COUNT
	kindFloating                 // floating point
	kindComplex                  // complex
	kindLogical                  // MPI_C_BOOL, MPI_CXX_BOOL, Fortran LOGICAL
	kindByte                     // MPI_BYTE
	kindPair                     // value/index pairs for MPI_MINLOC, MPI_MAXLOC
)

var typeKindNames = [...]string{
	kindOther: "other", kindInteger: "integer", kindFloating: "floating point",
	kindComplex: "complex", kindLogical: "logical", kindByte: "byte", kindPair: "pair",
}

func (k typeKind) String() string {
	if int(k) < len(typeKindNames) {
		return typeKindNames[k]
	}
	return "invalid"
}

// kindSet is a set of typeKinds.
type kindSet uint8

func kinds(ks ...typeKind) kindSet {
	var s kindSet
	for _, k := range ks {
		s |= 1 << k
	}
	return s
}

func (s kindSet) has(k typeKind) bool { return s&(1<<k) != 0 }

const anyKind kindSet = 1<<(kindPair+1) - 1

// typeInfo describes a predefined datatype as the guest sees it.
type typeInfo struct {
	name string   // C name, e.g. "MPI_LONG"
	size uint32   // bytes in guest (wasm32) memory; also the extent, lower bound 0
	kind typeKind // class for reduction-operation checks
	// opaque: the guest's representation (IEEE binary128 long double and
	// types built from it) has no arithmetic counterpart on the host, which
	// only moves the bytes.  Transfers work; reductions other than
	// MPI_REPLACE and MPI_NO_OP are refused.
	opaque bool
}

// predefTypes is indexed by handle - datatypeFirst.
var predefTypes = [datatypeLastFixed - datatypeFirst + 1]typeInfo{
	typeAint - datatypeFirst:   {"MPI_AINT", 4, kindInteger, false},
	typeCount - datatypeFirst:  {"MPI_COUNT", 8, kindInteger, false},
	typeOffset - datatypeFirst: {"MPI_OFFSET", 8, kindInteger, false},
	typePacked - datatypeFirst: {"MPI_PACKED", 1, kindOther, false},

	typeShort - datatypeFirst:            {"MPI_SHORT", 2, kindInteger, false},
	typeInt - datatypeFirst:              {"MPI_INT", 4, kindInteger, false},
	typeLong - datatypeFirst:             {"MPI_LONG", 4, kindInteger, false},
	typeLongLong - datatypeFirst:         {"MPI_LONG_LONG", 8, kindInteger, false},
	typeUnsignedShort - datatypeFirst:    {"MPI_UNSIGNED_SHORT", 2, kindInteger, false},
	typeUnsigned - datatypeFirst:         {"MPI_UNSIGNED", 4, kindInteger, false},
	typeUnsignedLong - datatypeFirst:     {"MPI_UNSIGNED_LONG", 4, kindInteger, false},
	typeUnsignedLongLong - datatypeFirst: {"MPI_UNSIGNED_LONG_LONG", 8, kindInteger, false},
	typeFloat - datatypeFirst:            {"MPI_FLOAT", 4, kindFloating, false},
	typeCFloatComplex - datatypeFirst:    {"MPI_C_FLOAT_COMPLEX", 8, kindComplex, false},
	typeCXXFloatComplex - datatypeFirst:  {"MPI_CXX_FLOAT_COMPLEX", 8, kindComplex, false},
	typeDouble - datatypeFirst:           {"MPI_DOUBLE", 8, kindFloating, false},
	typeCDoubleComplex - datatypeFirst:   {"MPI_C_DOUBLE_COMPLEX", 16, kindComplex, false},
	typeCXXDoubleComplex - datatypeFirst: {"MPI_CXX_DOUBLE_COMPLEX", 16, kindComplex, false},

	typeLogical - datatypeFirst:         {"MPI_LOGICAL", 4, kindLogical, false},
	typeInteger - datatypeFirst:         {"MPI_INTEGER", 4, kindInteger, false},
	typeReal - datatypeFirst:            {"MPI_REAL", 4, kindFloating, false},
	typeComplex - datatypeFirst:         {"MPI_COMPLEX", 8, kindComplex, false},
	typeDoublePrecision - datatypeFirst: {"MPI_DOUBLE_PRECISION", 8, kindFloating, false},
	typeDoubleComplex - datatypeFirst:   {"MPI_DOUBLE_COMPLEX", 16, kindComplex, false},
	typeCharacter - datatypeFirst:       {"MPI_CHARACTER", 1, kindOther, false},

	typeLongDouble - datatypeFirst:           {"MPI_LONG_DOUBLE", 16, kindFloating, true},
	typeCLongDoubleComplex - datatypeFirst:   {"MPI_C_LONG_DOUBLE_COMPLEX", 32, kindComplex, true},
	typeCXXLongDoubleComplex - datatypeFirst: {"MPI_CXX_LONG_DOUBLE_COMPLEX", 32, kindComplex, true},

	typeFloatInt - datatypeFirst:         {"MPI_FLOAT_INT", 8, kindPair, false},
	typeDoubleInt - datatypeFirst:        {"MPI_DOUBLE_INT", 16, kindPair, false},
	typeLongInt - datatypeFirst:          {"MPI_LONG_INT", 8, kindPair, false},
	type2Int - datatypeFirst:             {"MPI_2INT", 8, kindPair, false},
	typeShortInt - datatypeFirst:         {"MPI_SHORT_INT", 8, kindPair, false},
	typeLongDoubleInt - datatypeFirst:    {"MPI_LONG_DOUBLE_INT", 32, kindPair, true},
	type2Real - datatypeFirst:            {"MPI_2REAL", 8, kindPair, false},
	type2DoublePrecision - datatypeFirst: {"MPI_2DOUBLE_PRECISION", 16, kindPair, false},
	type2Integer - datatypeFirst:         {"MPI_2INTEGER", 8, kindPair, false},

	typeCBool - datatypeFirst:   {"MPI_C_BOOL", 1, kindLogical, false},
	typeCXXBool - datatypeFirst: {"MPI_CXX_BOOL", 1, kindLogical, false},
	typeWchar - datatypeFirst:   {"MPI_WCHAR", 4, kindOther, false},

	typeInt8 - datatypeFirst:         {"MPI_INT8_T", 1, kindInteger, false},
	typeUint8 - datatypeFirst:        {"MPI_UINT8_T", 1, kindInteger, false},
	typeChar - datatypeFirst:         {"MPI_CHAR", 1, kindOther, false},
	typeSignedChar - datatypeFirst:   {"MPI_SIGNED_CHAR", 1, kindInteger, false},
	typeUnsignedChar - datatypeFirst: {"MPI_UNSIGNED_CHAR", 1, kindInteger, false},
	typeByte - datatypeFirst:         {"MPI_BYTE", 1, kindByte, false},
	typeInt16 - datatypeFirst:        {"MPI_INT16_T", 2, kindInteger, false},
	typeUint16 - datatypeFirst:       {"MPI_UINT16_T", 2, kindInteger, false},
	typeInt32 - datatypeFirst:        {"MPI_INT32_T", 4, kindInteger, false},
	typeUint32 - datatypeFirst:       {"MPI_UINT32_T", 4, kindInteger, false},
	typeInt64 - datatypeFirst:        {"MPI_INT64_T", 8, kindInteger, false},
	typeUint64 - datatypeFirst:       {"MPI_UINT64_T", 8, kindInteger, false},

	// Sized Fortran types: the number is the size in bytes, except that
	// MPI_COMPLEXn is a pair of n/2-byte reals.
	typeLogical1 - datatypeFirst:  {"MPI_LOGICAL1", 1, kindLogical, false},
	typeInteger1 - datatypeFirst:  {"MPI_INTEGER1", 1, kindInteger, false},
	typeLogical2 - datatypeFirst:  {"MPI_LOGICAL2", 2, kindLogical, false},
	typeInteger2 - datatypeFirst:  {"MPI_INTEGER2", 2, kindInteger, false},
	typeReal2 - datatypeFirst:     {"MPI_REAL2", 2, kindFloating, false},
	typeLogical4 - datatypeFirst:  {"MPI_LOGICAL4", 4, kindLogical, false},
	typeInteger4 - datatypeFirst:  {"MPI_INTEGER4", 4, kindInteger, false},
	typeReal4 - datatypeFirst:     {"MPI_REAL4", 4, kindFloating, false},
	typeComplex4 - datatypeFirst:  {"MPI_COMPLEX4", 4, kindComplex, false},
	typeLogical8 - datatypeFirst:  {"MPI_LOGICAL8", 8, kindLogical, false},
	typeInteger8 - datatypeFirst:  {"MPI_INTEGER8", 8, kindInteger, false},
	typeReal8 - datatypeFirst:     {"MPI_REAL8", 8, kindFloating, false},
	typeComplex8 - datatypeFirst:  {"MPI_COMPLEX8", 8, kindComplex, false},
	typeLogical16 - datatypeFirst: {"MPI_LOGICAL16", 16, kindLogical, false},
	typeInteger16 - datatypeFirst: {"MPI_INTEGER16", 16, kindInteger, false},
	typeReal16 - datatypeFirst:    {"MPI_REAL16", 16, kindFloating, true},
	typeComplex16 - datatypeFirst: {"MPI_COMPLEX16", 16, kindComplex, false},
	typeComplex32 - datatypeFirst: {"MPI_COMPLEX32", 32, kindComplex, true},
}

// predefType reports what the guest means by predefined datatype handle h.
// MPI_DATATYPE_NULL and user-defined handles give ok == false.  Whether the
// host can represent the type at all is decided by wr_predef_datatype.
func predefType(h uint32) (t typeInfo, ok bool) {
	if h <= datatypeFirst || h > datatypeLastFixed {
		return typeInfo{}, false
	}
	t = predefTypes[h-datatypeFirst]
	return t, t.name != ""
}

// opInfo describes a predefined reduction operation.
type opInfo struct {
	name    string  // C name, e.g. "MPI_SUM"
	accepts kindSet // datatype kinds the operation is defined on
}

// predefOps is indexed by handle - opNull.
var predefOps = [opNoOp - opNull + 1]opInfo{
	opSum - opNull:     {"MPI_SUM", kinds(kindInteger, kindFloating, kindComplex)},
	opProd - opNull:    {"MPI_PROD", kinds(kindInteger, kindFloating, kindComplex)},
	opMin - opNull:     {"MPI_MIN", kinds(kindInteger, kindFloating)},
	opMax - opNull:     {"MPI_MAX", kinds(kindInteger, kindFloating)},
	opLand - opNull:    {"MPI_LAND", kinds(kindInteger, kindLogical)},
	opLor - opNull:     {"MPI_LOR", kinds(kindInteger, kindLogical)},
	opLxor - opNull:    {"MPI_LXOR", kinds(kindInteger, kindLogical)},
	opBand - opNull:    {"MPI_BAND", kinds(kindInteger, kindByte)},
	opBor - opNull:     {"MPI_BOR", kinds(kindInteger, kindByte)},
	opBxor - opNull:    {"MPI_BXOR", kinds(kindInteger, kindByte)},
	opMinloc - opNull:  {"MPI_MINLOC", kinds(kindPair)},
	opMaxloc - opNull:  {"MPI_MAXLOC", kinds(kindPair)},
	opReplace - opNull: {"MPI_REPLACE", anyKind},
	opNoOp - opNull:    {"MPI_NO_OP", anyKind},
}

// predefOp reports the predefined operation with handle h.  MPI_OP_NULL and
// user-defined operations give ok == false.
func predefOp(h uint32) (o opInfo, ok bool) {
	if h <= opNull || h > opNoOp {
		return opInfo{}, false
	}
	o = predefOps[h-opNull]
	return o, o.name != ""
}

// movesOnly reports whether the operation only moves data (MPI_REPLACE,
// MPI_NO_OP) instead of computing with it.
func (o opInfo) movesOnly() bool { return o.accepts == anyKind }

// reduceCheck validates a predefined operation applied to a predefined
// datatype.  known is false when op or dt is not predefined (user-defined
// operations and derived datatypes are the host's business).  Otherwise
// class is success, errOp when the standard does not define op on dt's kind,
// or errUnsupportedOperation when the combination is valid MPI but dt is
// opaque to the host (see typeInfo.opaque).
func reduceCheck(op, dt uint32) (class int32, known bool) {
	o, ok := predefOp(op)
	if !ok {
		return 0, false
	}
	t, ok := predefType(dt)
	if !ok {
		return 0, false
	}
	switch {
	case !o.accepts.has(t.kind):
		return errOp, true
	case t.opaque && !o.movesOnly():
		return errUnsupportedOperation, true
	}
	return success, true
}
