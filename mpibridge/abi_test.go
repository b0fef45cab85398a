package mpibridge

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
)

const abiGuestHeaderPath = "include/mpi.h"

// ---------------------------------------------------------------------------
// Parsing include/mpi.h

var (
	abiReDefine  = regexp.MustCompile(`^\s*#\s*define\s+(MPIX?_\w+|WASMRUN_MPI)\s+(.+?)\s*$`)
	abiReEnum    = regexp.MustCompile(`^\s*(MPIX?_\w+)\s*=\s*(-?(?:0[xX][0-9a-fA-F]+|\d+))\s*,?\s*$`)
	abiReCast    = regexp.MustCompile(`^\(\(\s*([A-Za-z_][\w ]*?\s*\**)\s*\)\s*(-?(?:0[xX][0-9a-fA-F]+|\d+))\s*\)$`)
	abiReNumber  = regexp.MustCompile(`^-?(?:0[xX][0-9a-fA-F]+|\d+)$`)
	abiReIdent   = regexp.MustCompile(`^[A-Za-z_]\w*$`)
	abiReComment = regexp.MustCompile(`/\*.*?\*/|//.*$`)
)

// abiHeader holds the integer value of every object-like macro and enumerator
// of a C header, with casts such as ((MPI_Comm)0x101) removed (the cast
// type is kept in cast) and aliases (#define MPI_LONG_LONG_INT
// MPI_LONG_LONG) resolved.
type abiHeader struct {
	vals map[string]int64
	cast map[string]string // "MPI_Datatype" for MPI_INT, "" for plain numbers
}

func abiParseHeader(t *testing.T, path string) abiHeader {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	vals := map[string]int64{}
	cast := map[string]string{}
	aliases := map[string]string{}
	for _, line := range strings.Split(string(src), "\n") {
		line = abiReComment.ReplaceAllString(line, "")
		if m := abiReDefine.FindStringSubmatch(line); m != nil {
			name, v := m[1], strings.TrimSpace(m[2])
			if c := abiReCast.FindStringSubmatch(v); c != nil {
				cast[name] = strings.TrimSpace(c[1])
				v = c[2]
			}
			switch {
			case abiReNumber.MatchString(v):
				vals[name] = abiParseInt(t, v)
			case abiReIdent.MatchString(v):
				aliases[name] = v
			}
			continue
		}
		if m := abiReEnum.FindStringSubmatch(line); m != nil {
			vals[m[1]] = abiParseInt(t, m[2])
		}
	}
	for name, target := range aliases {
		if v, ok := vals[target]; ok {
			vals[name] = v
			cast[name] = cast[target]
		}
	}
	return abiHeader{vals, cast}
}

func abiParseInt(t *testing.T, s string) int64 {
	t.Helper()
	v, err := strconv.ParseInt(s, 0, 64)
	require.NoError(t, err, s)
	return v
}

func abiHeaderValues(t *testing.T) map[string]int64 {
	t.Helper()
	return abiGuestHeader(t).vals
}

func abiGuestHeader(t *testing.T) abiHeader {
	t.Helper()
	h := abiParseHeader(t, abiGuestHeaderPath)
	vals := h.vals
	// Sanity: the parser sees each kind of line.
	require.Equal(t, int64(0x101), vals["MPI_COMM_WORLD"])
	require.Equal(t, int64(0x20b), vals["MPI_LONG_LONG_INT"], "alias")
	require.Equal(t, int64(-32766), vals["MPI_UNDEFINED"], "enum")
	require.Equal(t, int64(1), vals["MPI_IN_PLACE"], "pointer cast")
	require.Equal(t, int64(-1), vals["MPI_DISPLACEMENT_CURRENT"], "negative cast")
	require.Equal(t, "MPI_Datatype", h.cast["MPI_LONG_LONG_INT"])
	return h
}

// namesOfType returns the header names defined as constants of C type
// typ (e.g. "MPI_Datatype"), sorted.
func (h abiHeader) namesOfType(typ string) []string {
	var names []string
	for n, c := range h.cast {
		if c == typ {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// errorClassNames returns MPI_SUCCESS and the MPI_ERR_* classes, sorted.
func (h abiHeader) errorClassNames() []string {
	names := []string{"MPI_SUCCESS"}
	for n := range h.vals {
		if strings.HasPrefix(n, "MPI_ERR_") && n != "MPI_ERR_LASTCODE" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

var abiHeaderAliases = map[string]bool{"MPI_LONG_LONG_INT": true, "MPI_C_COMPLEX": true}

// ---------------------------------------------------------------------------
// Go constants <-> header

// abiConsts lists every ABI constant of abi.go with the header name(s) it
// stands for.  TestABIConstantsAreAllListed makes sure nothing is missing.
var abiConsts = []struct {
	goName string
	val    int64
	hdr    string // comma-separated when several header names share the value
}{
	{"opNull", opNull, "MPI_OP_NULL"}, {"opSum", opSum, "MPI_SUM"}, {"opMin", opMin, "MPI_MIN"},
	{"opMax", opMax, "MPI_MAX"}, {"opProd", opProd, "MPI_PROD"}, {"opBand", opBand, "MPI_BAND"},
	{"opBor", opBor, "MPI_BOR"}, {"opBxor", opBxor, "MPI_BXOR"}, {"opLand", opLand, "MPI_LAND"},
	{"opLor", opLor, "MPI_LOR"}, {"opLxor", opLxor, "MPI_LXOR"}, {"opMinloc", opMinloc, "MPI_MINLOC"},
	{"opMaxloc", opMaxloc, "MPI_MAXLOC"}, {"opReplace", opReplace, "MPI_REPLACE"}, {"opNoOp", opNoOp, "MPI_NO_OP"},

	{"commNull", commNull, "MPI_COMM_NULL"}, {"commWorld", commWorld, "MPI_COMM_WORLD"},
	{"commSelf", commSelf, "MPI_COMM_SELF"}, {"groupNull", groupNull, "MPI_GROUP_NULL"},
	{"groupEmpty", groupEmpty, "MPI_GROUP_EMPTY"}, {"winNull", winNull, "MPI_WIN_NULL"},
	{"fileNull", fileNull, "MPI_FILE_NULL"}, {"sessionNull", sessionNull, "MPI_SESSION_NULL"},
	{"messageNull", messageNull, "MPI_MESSAGE_NULL"}, {"messageNoProc", messageNoProc, "MPI_MESSAGE_NO_PROC"},
	{"infoNull", infoNull, "MPI_INFO_NULL"}, {"infoEnv", infoEnv, "MPI_INFO_ENV"},
	{"errhandlerNull", errhandlerNull, "MPI_ERRHANDLER_NULL"}, {"errorsAreFatal", errorsAreFatal, "MPI_ERRORS_ARE_FATAL"},
	{"errorsReturn", errorsReturn, "MPI_ERRORS_RETURN"}, {"errorsAbort", errorsAbort, "MPI_ERRORS_ABORT"},
	{"requestNull", requestNull, "MPI_REQUEST_NULL"},

	{"datatypeNull", datatypeNull, "MPI_DATATYPE_NULL"}, {"typeAint", typeAint, "MPI_AINT"},
	{"typeCount", typeCount, "MPI_COUNT"}, {"typeOffset", typeOffset, "MPI_OFFSET"},
	{"typePacked", typePacked, "MPI_PACKED"}, {"typeShort", typeShort, "MPI_SHORT"},
	{"typeInt", typeInt, "MPI_INT"}, {"typeLong", typeLong, "MPI_LONG"},
	{"typeLongLong", typeLongLong, "MPI_LONG_LONG,MPI_LONG_LONG_INT"},
	{"typeUnsignedShort", typeUnsignedShort, "MPI_UNSIGNED_SHORT"}, {"typeUnsigned", typeUnsigned, "MPI_UNSIGNED"},
	{"typeUnsignedLong", typeUnsignedLong, "MPI_UNSIGNED_LONG"},
	{"typeUnsignedLongLong", typeUnsignedLongLong, "MPI_UNSIGNED_LONG_LONG"}, {"typeFloat", typeFloat, "MPI_FLOAT"},
	{"typeCFloatComplex", typeCFloatComplex, "MPI_C_FLOAT_COMPLEX,MPI_C_COMPLEX"},
	{"typeCXXFloatComplex", typeCXXFloatComplex, "MPI_CXX_FLOAT_COMPLEX"}, {"typeDouble", typeDouble, "MPI_DOUBLE"},
	{"typeCDoubleComplex", typeCDoubleComplex, "MPI_C_DOUBLE_COMPLEX"},
	{"typeCXXDoubleComplex", typeCXXDoubleComplex, "MPI_CXX_DOUBLE_COMPLEX"},
	{"typeLogical", typeLogical, "MPI_LOGICAL"}, {"typeInteger", typeInteger, "MPI_INTEGER"},
	{"typeReal", typeReal, "MPI_REAL"}, {"typeComplex", typeComplex, "MPI_COMPLEX"},
	{"typeDoublePrecision", typeDoublePrecision, "MPI_DOUBLE_PRECISION"},
	{"typeDoubleComplex", typeDoubleComplex, "MPI_DOUBLE_COMPLEX"}, {"typeCharacter", typeCharacter, "MPI_CHARACTER"},
	{"typeLongDouble", typeLongDouble, "MPI_LONG_DOUBLE"},
	{"typeCLongDoubleComplex", typeCLongDoubleComplex, "MPI_C_LONG_DOUBLE_COMPLEX"},
	{"typeCXXLongDoubleComplex", typeCXXLongDoubleComplex, "MPI_CXX_LONG_DOUBLE_COMPLEX"},
	{"typeFloatInt", typeFloatInt, "MPI_FLOAT_INT"}, {"typeDoubleInt", typeDoubleInt, "MPI_DOUBLE_INT"},
	{"typeLongInt", typeLongInt, "MPI_LONG_INT"}, {"type2Int", type2Int, "MPI_2INT"},
	{"typeShortInt", typeShortInt, "MPI_SHORT_INT"}, {"typeLongDoubleInt", typeLongDoubleInt, "MPI_LONG_DOUBLE_INT"},
	{"type2Real", type2Real, "MPI_2REAL"}, {"type2DoublePrecision", type2DoublePrecision, "MPI_2DOUBLE_PRECISION"},
	{"type2Integer", type2Integer, "MPI_2INTEGER"}, {"typeCBool", typeCBool, "MPI_C_BOOL"},
	{"typeCXXBool", typeCXXBool, "MPI_CXX_BOOL"}, {"typeWchar", typeWchar, "MPI_WCHAR"},
	{"typeInt8", typeInt8, "MPI_INT8_T"}, {"typeUint8", typeUint8, "MPI_UINT8_T"},
	{"typeChar", typeChar, "MPI_CHAR"}, {"typeSignedChar", typeSignedChar, "MPI_SIGNED_CHAR"},
	{"typeUnsignedChar", typeUnsignedChar, "MPI_UNSIGNED_CHAR"}, {"typeByte", typeByte, "MPI_BYTE"},
	{"typeInt16", typeInt16, "MPI_INT16_T"}, {"typeUint16", typeUint16, "MPI_UINT16_T"},
	{"typeInt32", typeInt32, "MPI_INT32_T"}, {"typeUint32", typeUint32, "MPI_UINT32_T"},
	{"typeInt64", typeInt64, "MPI_INT64_T"}, {"typeUint64", typeUint64, "MPI_UINT64_T"},
	{"typeLogical1", typeLogical1, "MPI_LOGICAL1"}, {"typeInteger1", typeInteger1, "MPI_INTEGER1"},
	{"typeLogical2", typeLogical2, "MPI_LOGICAL2"}, {"typeInteger2", typeInteger2, "MPI_INTEGER2"},
	{"typeReal2", typeReal2, "MPI_REAL2"}, {"typeLogical4", typeLogical4, "MPI_LOGICAL4"},
	{"typeInteger4", typeInteger4, "MPI_INTEGER4"}, {"typeReal4", typeReal4, "MPI_REAL4"},
	{"typeComplex4", typeComplex4, "MPI_COMPLEX4"}, {"typeLogical8", typeLogical8, "MPI_LOGICAL8"},
	{"typeInteger8", typeInteger8, "MPI_INTEGER8"}, {"typeReal8", typeReal8, "MPI_REAL8"},
	{"typeComplex8", typeComplex8, "MPI_COMPLEX8"}, {"typeLogical16", typeLogical16, "MPI_LOGICAL16"},
	{"typeInteger16", typeInteger16, "MPI_INTEGER16"}, {"typeReal16", typeReal16, "MPI_REAL16"},
	{"typeComplex16", typeComplex16, "MPI_COMPLEX16"}, {"typeComplex32", typeComplex32, "MPI_COMPLEX32"},

	{"success", success, "MPI_SUCCESS"}, {"errBuffer", errBuffer, "MPI_ERR_BUFFER"},
	{"errCount", errCount, "MPI_ERR_COUNT"}, {"errType", errType, "MPI_ERR_TYPE"}, {"errTag", errTag, "MPI_ERR_TAG"},
	{"errComm", errComm, "MPI_ERR_COMM"}, {"errRank", errRank, "MPI_ERR_RANK"},
	{"errRequest", errRequest, "MPI_ERR_REQUEST"}, {"errRoot", errRoot, "MPI_ERR_ROOT"},
	{"errGroup", errGroup, "MPI_ERR_GROUP"}, {"errOp", errOp, "MPI_ERR_OP"},
	{"errTopology", errTopology, "MPI_ERR_TOPOLOGY"}, {"errDims", errDims, "MPI_ERR_DIMS"},
	{"errArg", errArg, "MPI_ERR_ARG"}, {"errUnknown", errUnknown, "MPI_ERR_UNKNOWN"},
	{"errTruncate", errTruncate, "MPI_ERR_TRUNCATE"}, {"errOther", errOther, "MPI_ERR_OTHER"},
	{"errIntern", errIntern, "MPI_ERR_INTERN"}, {"errPending", errPending, "MPI_ERR_PENDING"},
	{"errInStatus", errInStatus, "MPI_ERR_IN_STATUS"}, {"errAccess", errAccess, "MPI_ERR_ACCESS"},
	{"errAmode", errAmode, "MPI_ERR_AMODE"}, {"errAssert", errAssert, "MPI_ERR_ASSERT"},
	{"errBadFile", errBadFile, "MPI_ERR_BAD_FILE"}, {"errBase", errBase, "MPI_ERR_BASE"},
	{"errConversion", errConversion, "MPI_ERR_CONVERSION"}, {"errDisp", errDisp, "MPI_ERR_DISP"},
	{"errDupDatarep", errDupDatarep, "MPI_ERR_DUP_DATAREP"}, {"errFileExists", errFileExists, "MPI_ERR_FILE_EXISTS"},
	{"errFileInUse", errFileInUse, "MPI_ERR_FILE_IN_USE"}, {"errFile", errFile, "MPI_ERR_FILE"},
	{"errInfoKey", errInfoKey, "MPI_ERR_INFO_KEY"}, {"errInfoNokey", errInfoNokey, "MPI_ERR_INFO_NOKEY"},
	{"errInfoValue", errInfoValue, "MPI_ERR_INFO_VALUE"}, {"errInfo", errInfo, "MPI_ERR_INFO"},
	{"errIO", errIO, "MPI_ERR_IO"}, {"errKeyval", errKeyval, "MPI_ERR_KEYVAL"},
	{"errLocktype", errLocktype, "MPI_ERR_LOCKTYPE"}, {"errName", errName, "MPI_ERR_NAME"},
	{"errNoMem", errNoMem, "MPI_ERR_NO_MEM"}, {"errNotSame", errNotSame, "MPI_ERR_NOT_SAME"},
	{"errNoSpace", errNoSpace, "MPI_ERR_NO_SPACE"}, {"errNoSuchFile", errNoSuchFile, "MPI_ERR_NO_SUCH_FILE"},
	{"errPort", errPort, "MPI_ERR_PORT"}, {"errQuota", errQuota, "MPI_ERR_QUOTA"},
	{"errReadOnly", errReadOnly, "MPI_ERR_READ_ONLY"}, {"errRMAAttach", errRMAAttach, "MPI_ERR_RMA_ATTACH"},
	{"errRMAConflict", errRMAConflict, "MPI_ERR_RMA_CONFLICT"}, {"errRMARange", errRMARange, "MPI_ERR_RMA_RANGE"},
	{"errRMAShared", errRMAShared, "MPI_ERR_RMA_SHARED"}, {"errRMASync", errRMASync, "MPI_ERR_RMA_SYNC"},
	{"errService", errService, "MPI_ERR_SERVICE"}, {"errSize", errSize, "MPI_ERR_SIZE"},
	{"errSpawn", errSpawn, "MPI_ERR_SPAWN"},
	{"errUnsupportedDatarep", errUnsupportedDatarep, "MPI_ERR_UNSUPPORTED_DATAREP"},
	{"errUnsupportedOperation", errUnsupportedOperation, "MPI_ERR_UNSUPPORTED_OPERATION"},
	{"errWin", errWin, "MPI_ERR_WIN"}, {"errRMAFlavor", errRMAFlavor, "MPI_ERR_RMA_FLAVOR"},
	{"errProcAborted", errProcAborted, "MPI_ERR_PROC_ABORTED"},
	{"errValueTooLarge", errValueTooLarge, "MPI_ERR_VALUE_TOO_LARGE"}, {"errSession", errSession, "MPI_ERR_SESSION"},
	{"errErrhandler", errErrhandler, "MPI_ERR_ERRHANDLER"}, {"errABI", errABI, "MPI_ERR_ABI"},
	{"errLastcode", errLastcode, "MPI_ERR_LASTCODE"},

	{"anySource", anySource, "MPI_ANY_SOURCE"}, {"anyTag", anyTag, "MPI_ANY_TAG"},
	{"procNull", procNull, "MPI_PROC_NULL"}, {"root", root, "MPI_ROOT"}, {"undefined", undefined, "MPI_UNDEFINED"},

	{"bottom", bottom, "MPI_BOTTOM"}, {"inPlace", inPlace, "MPI_IN_PLACE"},
	{"bufferAutomatic", bufferAutomatic, "MPI_BUFFER_AUTOMATIC"}, {"argvNull", argvNull, "MPI_ARGV_NULL"},
	{"argvsNull", argvsNull, "MPI_ARGVS_NULL"}, {"errcodesIgnore", errcodesIgnore, "MPI_ERRCODES_IGNORE"},
	{"statusIgnore", statusIgnore, "MPI_STATUS_IGNORE"}, {"statusesIgnore", statusesIgnore, "MPI_STATUSES_IGNORE"},
	{"unweighted", unweighted, "MPI_UNWEIGHTED"}, {"weightsEmpty", weightsEmpty, "MPI_WEIGHTS_EMPTY"},
	{"displacementCurrent", displacementCurrent, "MPI_DISPLACEMENT_CURRENT"},

	{"nullCopyFn", nullCopyFn, "MPI_NULL_COPY_FN,MPI_COMM_NULL_COPY_FN,MPI_TYPE_NULL_COPY_FN,MPI_WIN_NULL_COPY_FN"},
	{"dupFn", dupFn, "MPI_DUP_FN,MPI_COMM_DUP_FN,MPI_TYPE_DUP_FN,MPI_WIN_DUP_FN"},
	{"nullDeleteFn", nullDeleteFn, "MPI_NULL_DELETE_FN,MPI_COMM_NULL_DELETE_FN,MPI_TYPE_NULL_DELETE_FN,MPI_WIN_NULL_DELETE_FN"},
	{"conversionFnNull", conversionFnNull, "MPI_CONVERSION_FN_NULL,MPI_CONVERSION_FN_NULL_C"},

	{"threadSingle", threadSingle, "MPI_THREAD_SINGLE"}, {"threadFunneled", threadFunneled, "MPI_THREAD_FUNNELED"},
	{"threadSerialized", threadSerialized, "MPI_THREAD_SERIALIZED"}, {"threadMultiple", threadMultiple, "MPI_THREAD_MULTIPLE"},

	{"orderC", orderC, "MPI_ORDER_C"}, {"orderFortran", orderFortran, "MPI_ORDER_FORTRAN"},
	{"distributeNone", distributeNone, "MPI_DISTRIBUTE_NONE"}, {"distributeBlock", distributeBlock, "MPI_DISTRIBUTE_BLOCK"},
	{"distributeCyclic", distributeCyclic, "MPI_DISTRIBUTE_CYCLIC"},
	{"distributeDfltDarg", distributeDfltDarg, "MPI_DISTRIBUTE_DFLT_DARG"},

	{"combinerNamed", combinerNamed, "MPI_COMBINER_NAMED"}, {"combinerDup", combinerDup, "MPI_COMBINER_DUP"},
	{"combinerContiguous", combinerContiguous, "MPI_COMBINER_CONTIGUOUS"},
	{"combinerVector", combinerVector, "MPI_COMBINER_VECTOR"}, {"combinerHvector", combinerHvector, "MPI_COMBINER_HVECTOR"},
	{"combinerIndexed", combinerIndexed, "MPI_COMBINER_INDEXED"},
	{"combinerHindexed", combinerHindexed, "MPI_COMBINER_HINDEXED"},
	{"combinerIndexedBlock", combinerIndexedBlock, "MPI_COMBINER_INDEXED_BLOCK"},
	{"combinerHindexedBlock", combinerHindexedBlock, "MPI_COMBINER_HINDEXED_BLOCK"},
	{"combinerStruct", combinerStruct, "MPI_COMBINER_STRUCT"}, {"combinerSubarray", combinerSubarray, "MPI_COMBINER_SUBARRAY"},
	{"combinerDarray", combinerDarray, "MPI_COMBINER_DARRAY"},
	{"combinerF90Integer", combinerF90Integer, "MPI_COMBINER_F90_INTEGER"},
	{"combinerF90Real", combinerF90Real, "MPI_COMBINER_F90_REAL"},
	{"combinerF90Complex", combinerF90Complex, "MPI_COMBINER_F90_COMPLEX"},
	{"combinerResized", combinerResized, "MPI_COMBINER_RESIZED"},
	{"combinerValueIndex", combinerValueIndex, "MPI_COMBINER_VALUE_INDEX"},

	{"typeclassLogical", typeclassLogical, "MPIX_TYPECLASS_LOGICAL"},
	{"typeclassInteger", typeclassInteger, "MPI_TYPECLASS_INTEGER"},
	{"typeclassReal", typeclassReal, "MPI_TYPECLASS_REAL"}, {"typeclassComplex", typeclassComplex, "MPI_TYPECLASS_COMPLEX"},

	{"cmpIdent", cmpIdent, "MPI_IDENT"}, {"cmpCongruent", cmpCongruent, "MPI_CONGRUENT"},
	{"cmpSimilar", cmpSimilar, "MPI_SIMILAR"}, {"cmpUnequal", cmpUnequal, "MPI_UNEQUAL"},
	{"topoCart", topoCart, "MPI_CART"}, {"topoGraph", topoGraph, "MPI_GRAPH"},
	{"topoDistGraph", topoDistGraph, "MPI_DIST_GRAPH"},
	{"commTypeShared", commTypeShared, "MPI_COMM_TYPE_SHARED"},
	{"commTypeHwUnguided", commTypeHwUnguided, "MPI_COMM_TYPE_HW_UNGUIDED"},
	{"commTypeHwGuided", commTypeHwGuided, "MPI_COMM_TYPE_HW_GUIDED"},
	{"commTypeResourceGuided", commTypeResourceGuided, "MPI_COMM_TYPE_RESOURCE_GUIDED"},

	{"lockExclusive", lockExclusive, "MPI_LOCK_EXCLUSIVE"}, {"lockShared", lockShared, "MPI_LOCK_SHARED"},
	{"winFlavorCreate", winFlavorCreate, "MPI_WIN_FLAVOR_CREATE"},
	{"winFlavorAllocate", winFlavorAllocate, "MPI_WIN_FLAVOR_ALLOCATE"},
	{"winFlavorDynamic", winFlavorDynamic, "MPI_WIN_FLAVOR_DYNAMIC"},
	{"winFlavorShared", winFlavorShared, "MPI_WIN_FLAVOR_SHARED"},
	{"winUnified", winUnified, "MPI_WIN_UNIFIED"}, {"winSeparate", winSeparate, "MPI_WIN_SEPARATE"},
	{"seekSet", seekSet, "MPI_SEEK_SET"}, {"seekCur", seekCur, "MPI_SEEK_CUR"}, {"seekEnd", seekEnd, "MPI_SEEK_END"},

	{"keyvalInvalid", keyvalInvalid, "MPI_KEYVAL_INVALID"}, {"attrTagUB", attrTagUB, "MPI_TAG_UB"},
	{"attrIO", attrIO, "MPI_IO"}, {"attrHost", attrHost, "MPI_HOST"},
	{"attrWtimeIsGlobal", attrWtimeIsGlobal, "MPI_WTIME_IS_GLOBAL"},
	{"attrUniverseSize", attrUniverseSize, "MPI_UNIVERSE_SIZE"}, {"attrAppnum", attrAppnum, "MPI_APPNUM"},
	{"attrLastUsedCode", attrLastUsedCode, "MPI_LASTUSEDCODE"}, {"attrWinBase", attrWinBase, "MPI_WIN_BASE"},
	{"attrWinDispUnit", attrWinDispUnit, "MPI_WIN_DISP_UNIT"}, {"attrWinSize", attrWinSize, "MPI_WIN_SIZE"},
	{"attrWinCreateFlavor", attrWinCreateFlavor, "MPI_WIN_CREATE_FLAVOR"},
	{"attrWinModel", attrWinModel, "MPI_WIN_MODEL"},

	{"modeAppend", modeAppend, "MPI_MODE_APPEND"}, {"modeCreate", modeCreate, "MPI_MODE_CREATE"},
	{"modeDeleteOnClose", modeDeleteOnClose, "MPI_MODE_DELETE_ON_CLOSE"}, {"modeExcl", modeExcl, "MPI_MODE_EXCL"},
	{"modeRdonly", modeRdonly, "MPI_MODE_RDONLY"}, {"modeRdwr", modeRdwr, "MPI_MODE_RDWR"},
	{"modeSequential", modeSequential, "MPI_MODE_SEQUENTIAL"}, {"modeUniqueOpen", modeUniqueOpen, "MPI_MODE_UNIQUE_OPEN"},
	{"modeWronly", modeWronly, "MPI_MODE_WRONLY"}, {"modeNocheck", modeNocheck, "MPI_MODE_NOCHECK"},
	{"modeNoprecede", modeNoprecede, "MPI_MODE_NOPRECEDE"}, {"modeNoput", modeNoput, "MPI_MODE_NOPUT"},
	{"modeNostore", modeNostore, "MPI_MODE_NOSTORE"}, {"modeNosucceed", modeNosucceed, "MPI_MODE_NOSUCCEED"},

	{"maxDatarepString", maxDatarepString, "MPI_MAX_DATAREP_STRING"},
	{"maxErrorString", maxErrorString, "MPI_MAX_ERROR_STRING"}, {"maxInfoKey", maxInfoKey, "MPI_MAX_INFO_KEY"},
	{"maxInfoVal", maxInfoVal, "MPI_MAX_INFO_VAL"},
	{"maxLibraryVersionString", maxLibraryVersionString, "MPI_MAX_LIBRARY_VERSION_STRING"},
	{"maxObjectName", maxObjectName, "MPI_MAX_OBJECT_NAME"}, {"maxPortName", maxPortName, "MPI_MAX_PORT_NAME"},
	{"maxProcessorName", maxProcessorName, "MPI_MAX_PROCESSOR_NAME"},
	{"maxStringtagLen", maxStringtagLen, "MPI_MAX_STRINGTAG_LEN"}, {"maxPsetNameLen", maxPsetNameLen, "MPI_MAX_PSET_NAME_LEN"},
	{"bsendOverhead", bsendOverhead, "MPI_BSEND_OVERHEAD"},

	{"stdVersion", stdVersion, "MPI_VERSION"}, {"stdSubversion", stdSubversion, "MPI_SUBVERSION"},
	{"abiVersion", abiVersion, "MPI_ABI_VERSION"}, {"abiSubversion", abiSubversion, "MPI_ABI_SUBVERSION"},
	{"statusInts", statusInts, "MPI_F_STATUS_SIZE"}, {"statusSource", statusSource, "MPI_F_SOURCE"},
	{"statusTag", statusTag, "MPI_F_TAG"}, {"statusError", statusError, "MPI_F_ERROR"},
}

func TestABIConstantsMatchHeader(t *testing.T) {
	hdr := abiHeaderValues(t)
	for _, c := range abiConsts {
		for _, name := range strings.Split(c.hdr, ",") {
			v, ok := hdr[name]
			require.True(t, ok, "%s (for %s) is not defined in %s", name, c.goName, abiGuestHeaderPath)
			require.Equal(t, v, c.val, "%s = %#x in Go, but %s = %#x in %s", c.goName, c.val, name, v, abiGuestHeaderPath)
		}
	}
	require.Equal(t, int64(1), hdr["WASMRUN_MPI"])
}

// TestABIConstantsAreAllListed parses abi.go: every untyped constant whose
// value is a literal must appear in abiConsts, so none escapes the check
// against the header.  Constants computed from others are exempt.
func TestABIConstantsAreAllListed(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "abi.go", nil, 0)
	require.NoError(t, err)
	listed := map[string]bool{}
	for _, c := range abiConsts {
		require.False(t, listed[c.goName], "%s listed twice", c.goName)
		listed[c.goName] = true
	}
	isLiteral := func(e ast.Expr) bool {
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.SUB {
			e = u.X
		}
		_, ok := e.(*ast.BasicLit)
		return ok
	}
	found := 0
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			if vs.Type != nil {
				continue
			}
			for i, n := range vs.Names {
				if i < len(vs.Values) && isLiteral(vs.Values[i]) {
					found++
					require.True(t, listed[n.Name], "constant %s in abi.go is not in abiConsts", n.Name)
				}
			}
		}
	}
	require.Equal(t, len(abiConsts), found, "abiConsts lists names that abi.go does not define as literals")
}

// The C sources keep their own copies of guest values: predef.c as WRG_<name>,
// and other files of the package as ABI_<name without MPI_>.  They must agree
// with the header too.
func TestABICSourcesMatchHeader(t *testing.T) {
	h := abiGuestHeader(t)
	hdr := h.vals
	reWRG := regexp.MustCompile(`(?m)^\s*#\s*define\s+WRG_(\w+)\s+(-?(?:0[xX][0-9a-fA-F]+|\d+))\s*$`)
	src, err := os.ReadFile("plugin/predef.c")
	require.NoError(t, err)
	wrg := map[string]bool{}
	for _, m := range reWRG.FindAllStringSubmatch(string(src), -1) {
		v, ok := hdr[m[1]]
		require.True(t, ok, "predef.c: WRG_%s has no counterpart in the header", m[1])
		require.Equal(t, v, abiParseInt(t, m[2]), "predef.c: WRG_%s", m[1])
		wrg[m[1]] = true
	}
	// Every predefined datatype, op, communicator and group is handled.
	var want []string
	for _, n := range h.namesOfType("MPI_Datatype") {
		if !guestOnlyMarkers[n] {
			want = append(want, n)
		}
	}
	want = append(want, h.namesOfType("MPI_Op")...)
	want = append(want, h.namesOfType("MPI_Comm")...)
	want = append(want, h.namesOfType("MPI_Group")...)
	require.Len(t, want, 73+15+3+2) // datatypes with the null handle and two aliases
	for _, n := range want {
		if abiHeaderAliases[n] {
			continue
		}
		require.True(t, wrg[n], "predef.c has no WRG_%s", n)
		require.Contains(t, string(src), "case WRG_"+n+":", "predef.c does not map %s", n)
	}
	// Error classes the host families know (up to MPI-4.0) are mapped.
	for c := int64(success); c <= errSession; c++ {
		require.Contains(t, string(src), "return WRG_"+errClassNames[c]+";", "wr_abi_errclass does not produce %s", errClassNames[c])
	}

	reABI := regexp.MustCompile(`\bABI_([A-Z][A-Z0-9_]*)\s*=\s*(-?(?:0[xX][0-9a-fA-F]+|\d+))`)
	files, err := filepath.Glob("plugin/*.[ch]")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		if f == "plugin/predef.c" {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range reABI.FindAllStringSubmatch(string(b), -1) {
			if v, ok := hdr["MPI_"+m[1]]; ok {
				require.Equal(t, v, abiParseInt(t, m[2]), "%s: ABI_%s", f, m[1])
			}
		}
	}
}

// ---------------------------------------------------------------------------
// Lookups

func TestABIPredefType(t *testing.T) {
	tests := []struct {
		h      uint32
		name   string
		size   uint32
		kind   typeKind
		opaque bool
	}{
		{typeInt, "MPI_INT", 4, kindInteger, false},
		{typeLong, "MPI_LONG", 4, kindInteger, false},
		{typeUnsignedLong, "MPI_UNSIGNED_LONG", 4, kindInteger, false},
		{typeLongLong, "MPI_LONG_LONG", 8, kindInteger, false},
		{typeAint, "MPI_AINT", 4, kindInteger, false},
		{typeCount, "MPI_COUNT", 8, kindInteger, false},
		{typeOffset, "MPI_OFFSET", 8, kindInteger, false},
		{typeDouble, "MPI_DOUBLE", 8, kindFloating, false},
		{typeLongDouble, "MPI_LONG_DOUBLE", 16, kindFloating, true},
		{typeCLongDoubleComplex, "MPI_C_LONG_DOUBLE_COMPLEX", 32, kindComplex, true},
		{typeCDoubleComplex, "MPI_C_DOUBLE_COMPLEX", 16, kindComplex, false},
		{typeCBool, "MPI_C_BOOL", 1, kindLogical, false},
		{typeWchar, "MPI_WCHAR", 4, kindOther, false},
		{typeChar, "MPI_CHAR", 1, kindOther, false},
		{typeSignedChar, "MPI_SIGNED_CHAR", 1, kindInteger, false},
		{typeByte, "MPI_BYTE", 1, kindByte, false},
		{typePacked, "MPI_PACKED", 1, kindOther, false},
		{typeFloatInt, "MPI_FLOAT_INT", 8, kindPair, false},
		{typeDoubleInt, "MPI_DOUBLE_INT", 16, kindPair, false},
		{typeLongInt, "MPI_LONG_INT", 8, kindPair, false},
		{typeShortInt, "MPI_SHORT_INT", 8, kindPair, false},
		{type2Int, "MPI_2INT", 8, kindPair, false},
		{typeLongDoubleInt, "MPI_LONG_DOUBLE_INT", 32, kindPair, true},
		{typeLogical, "MPI_LOGICAL", 4, kindLogical, false},
		{typeComplex4, "MPI_COMPLEX4", 4, kindComplex, false},
		{typeComplex32, "MPI_COMPLEX32", 32, kindComplex, true},
		{typeInteger16, "MPI_INTEGER16", 16, kindInteger, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ti, ok := predefType(tc.h)
			require.True(t, ok)
			require.Equal(t, typeInfo{tc.name, tc.size, tc.kind, tc.opaque}, ti)
		})
	}
	for _, h := range []uint32{0, datatypeNull, datatypeNull - 1, 0x204, 0x211, 0x2ec, datatypeLastFixed + 1, 0x300, commWorld, 0xffffffff} {
		_, ok := predefType(h)
		require.False(t, ok, "%#x", h)
	}
}

// Every datatype in the header is known under its own name, and only those.
func TestABIPredefTypeCoversHeader(t *testing.T) {
	hp := abiGuestHeader(t)
	seen := map[uint32]bool{}
	for _, n := range hp.namesOfType("MPI_Datatype") {
		if n == "MPI_DATATYPE_NULL" || guestOnlyMarkers[n] {
			continue
		}
		h := uint32(hp.vals[n])
		ti, ok := predefType(h)
		require.True(t, ok, n)
		if !abiHeaderAliases[n] {
			require.Equal(t, n, ti.name)
		}
		seen[h] = true
	}
	for h := uint32(datatypeNull); h <= 0x3ff; h++ {
		if _, ok := predefType(h); ok {
			require.True(t, seen[h], "predefType(%#x) is not in the header", h)
		}
	}
	require.Len(t, seen, 70)
}

func TestABIPredefOp(t *testing.T) {
	hp := abiGuestHeader(t)
	ops := hp.namesOfType("MPI_Op")
	require.Len(t, ops, 15)
	for _, n := range ops {
		if n == "MPI_OP_NULL" {
			continue
		}
		o, ok := predefOp(uint32(hp.vals[n]))
		require.True(t, ok, n)
		require.Equal(t, n, o.name)
	}
	for _, h := range []uint32{0, opNull, 0x25, 0x2b, 0x3b, opNoOp + 1, typeInt} {
		_, ok := predefOp(h)
		require.False(t, ok, "%#x", h)
	}

	all := []typeKind{kindOther, kindInteger, kindFloating, kindComplex, kindLogical, kindByte, kindPair}
	accepts := map[uint32][]typeKind{
		opSum:     {kindInteger, kindFloating, kindComplex},
		opProd:    {kindInteger, kindFloating, kindComplex},
		opMin:     {kindInteger, kindFloating},
		opMax:     {kindInteger, kindFloating},
		opLand:    {kindInteger, kindLogical},
		opLor:     {kindInteger, kindLogical},
		opLxor:    {kindInteger, kindLogical},
		opBand:    {kindInteger, kindByte},
		opBor:     {kindInteger, kindByte},
		opBxor:    {kindInteger, kindByte},
		opMinloc:  {kindPair},
		opMaxloc:  {kindPair},
		opReplace: all,
		opNoOp:    all,
	}
	for h, want := range accepts {
		o, ok := predefOp(h)
		require.True(t, ok)
		for _, k := range all {
			require.Equal(t, abiKindIn(want, k), o.accepts.has(k), "%s on %s", o.name, k)
		}
		require.Equal(t, h == opReplace || h == opNoOp, o.movesOnly(), o.name)
	}
}

func abiKindIn(ks []typeKind, k typeKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func TestABIReduceCheck(t *testing.T) {
	tests := []struct {
		op, dt uint32
		class  int32
		known  bool
	}{
		{opSum, typeInt, success, true},
		{opSum, typeDouble, success, true},
		{opSum, typeCDoubleComplex, success, true},
		{opSum, typeAint, success, true},
		{opSum, typeCBool, errOp, true},
		{opSum, typeChar, errOp, true},
		{opSum, typeByte, errOp, true},
		{opSum, type2Int, errOp, true},
		{opMax, typeCFloatComplex, errOp, true},
		{opMax, typeUnsignedChar, success, true},
		{opLand, typeCBool, success, true},
		{opLand, typeFloat, errOp, true},
		{opBor, typeByte, success, true},
		{opBor, typeDouble, errOp, true},
		{opMaxloc, typeDoubleInt, success, true},
		{opMinloc, typeLongInt, success, true},
		{opMinloc, typeInt, errOp, true},
		{opSum, typeLongDouble, errUnsupportedOperation, true},
		{opMaxloc, typeLongDoubleInt, errUnsupportedOperation, true},
		{opReplace, typeLongDouble, success, true},
		{opNoOp, typePacked, success, true},
		{opReplace, typeWchar, success, true},
		{opNull, typeInt, 0, false},
		{0x12345, typeInt, 0, false},
		{opSum, datatypeNull, 0, false},
		{opSum, 0x12345, 0, false},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%#x/%#x", tc.op, tc.dt), func(t *testing.T) {
			class, known := reduceCheck(tc.op, tc.dt)
			require.Equal(t, tc.known, known)
			require.Equal(t, tc.class, class)
		})
	}
}

func TestABIErrClassNames(t *testing.T) {
	hp := abiGuestHeader(t)
	hdr := hp.vals
	names := hp.errorClassNames()
	require.Len(t, names, errABI+1)
	require.Len(t, errClassNames, errABI+1)
	require.Len(t, errClassTexts, errABI+1)
	for _, n := range names {
		c := int32(hdr[n])
		require.Equal(t, n, errClassName(c))
		require.NotEmpty(t, errClassText(c), n)
	}
	for _, c := range []int32{-1, errABI + 1, errLastcode, 1001} {
		require.Empty(t, errClassName(c), c)
		require.Empty(t, errClassText(c), c)
	}
}

func TestABITypeKindString(t *testing.T) {
	require.Equal(t, "integer", kindInteger.String())
	require.Equal(t, "pair", kindPair.String())
	require.Equal(t, "invalid", typeKind(99).String())
	require.Equal(t, kinds(kindOther, kindInteger, kindFloating, kindComplex, kindLogical, kindByte, kindPair), anyKind)
	require.Equal(t, 32, statusBytes)
}

// ---------------------------------------------------------------------------
// The header as the guest compiler sees it (needs clang-19 and a wasm32-wasi
// sysroot; skipped otherwise).  CLANG and WASI_SYSROOT override the defaults.

func abiWasmToolchain(t *testing.T) (clang, clangxx, sysroot string) {
	t.Helper()
	clang, clangxx, sysroot = os.Getenv("CLANG"), os.Getenv("CLANGXX"), os.Getenv("WASI_SYSROOT")
	if clang == "" {
		clang = "clang-19"
	}
	if clangxx == "" {
		clangxx = "clang++-19"
	}
	if sysroot == "" {
		sysroot = "/usr"
	}
	if _, err := exec.LookPath(clang); err != nil {
		t.Skipf("%s not found", clang)
	}
	probe := filepath.Join(t.TempDir(), "probe.c")
	require.NoError(t, os.WriteFile(probe, []byte("#include <stdint.h>\n#include <wchar.h>\nint x;\n"), 0o644))
	if out, err := exec.Command(clang, "--target=wasm32-wasi", "--sysroot="+sysroot, "-fsyntax-only", probe).CombinedOutput(); err != nil {
		t.Skipf("no usable wasm32-wasi sysroot at %s: %s", sysroot, out)
	}
	return clang, clangxx, sysroot
}

func abiCompileGuest(t *testing.T, compiler, sysroot, name, src string, args ...string) []byte {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
	inc, err := filepath.Abs("include")
	require.NoError(t, err)
	out := filepath.Join(dir, "out")
	cmd := append([]string{"--target=wasm32-wasi", "--sysroot=" + sysroot, "-I" + inc,
		"-Wall", "-Wextra", "-Wpedantic", "-Werror", "-o", out}, args...)
	cmd = append(cmd, file)
	b, err := exec.Command(compiler, cmd...).CombinedOutput()
	require.NoError(t, err, "%s %s\n%s", compiler, strings.Join(cmd, " "), b)
	bin, err := os.ReadFile(out)
	if os.IsNotExist(err) { // -fsyntax-only
		return nil
	}
	require.NoError(t, err)
	return bin
}

// C type of each predefined datatype in the guest; Fortran types by the
// C type of the same size and shape.
var abiGuestCTypes = map[string]string{
	"MPI_AINT": "MPI_Aint", "MPI_COUNT": "MPI_Count", "MPI_OFFSET": "MPI_Offset",
	"MPI_PACKED": "unsigned char", "MPI_BYTE": "unsigned char",
	"MPI_SHORT": "short", "MPI_INT": "int", "MPI_LONG": "long", "MPI_LONG_LONG": "long long",
	"MPI_UNSIGNED_SHORT": "unsigned short", "MPI_UNSIGNED": "unsigned", "MPI_UNSIGNED_LONG": "unsigned long",
	"MPI_UNSIGNED_LONG_LONG": "unsigned long long", "MPI_FLOAT": "float", "MPI_DOUBLE": "double",
	"MPI_LONG_DOUBLE":     "long double",
	"MPI_C_FLOAT_COMPLEX": "float _Complex", "MPI_CXX_FLOAT_COMPLEX": "float _Complex",
	"MPI_C_DOUBLE_COMPLEX": "double _Complex", "MPI_CXX_DOUBLE_COMPLEX": "double _Complex",
	"MPI_C_LONG_DOUBLE_COMPLEX": "long double _Complex", "MPI_CXX_LONG_DOUBLE_COMPLEX": "long double _Complex",
	"MPI_FLOAT_INT": "struct wr_float_int", "MPI_DOUBLE_INT": "struct wr_double_int",
	"MPI_LONG_INT": "struct wr_long_int", "MPI_2INT": "struct wr_2int", "MPI_SHORT_INT": "struct wr_short_int",
	"MPI_LONG_DOUBLE_INT": "struct wr_long_double_int",
	"MPI_C_BOOL":          "_Bool", "MPI_CXX_BOOL": "_Bool", "MPI_WCHAR": "wchar_t",
	"MPI_INT8_T": "int8_t", "MPI_UINT8_T": "uint8_t", "MPI_INT16_T": "int16_t", "MPI_UINT16_T": "uint16_t",
	"MPI_INT32_T": "int32_t", "MPI_UINT32_T": "uint32_t", "MPI_INT64_T": "int64_t", "MPI_UINT64_T": "uint64_t",
	"MPI_CHAR": "char", "MPI_SIGNED_CHAR": "signed char", "MPI_UNSIGNED_CHAR": "unsigned char",
	"MPI_LOGICAL": "int32_t", "MPI_INTEGER": "int32_t", "MPI_REAL": "float", "MPI_COMPLEX": "float _Complex",
	"MPI_DOUBLE_PRECISION": "double", "MPI_DOUBLE_COMPLEX": "double _Complex", "MPI_CHARACTER": "char",
	"MPI_2REAL": "struct wr_2float", "MPI_2DOUBLE_PRECISION": "struct wr_2double", "MPI_2INTEGER": "struct wr_2int",
	"MPI_LOGICAL1": "int8_t", "MPI_INTEGER1": "int8_t", "MPI_LOGICAL2": "int16_t", "MPI_INTEGER2": "int16_t",
	"MPI_REAL2": "uint16_t", "MPI_LOGICAL4": "int32_t", "MPI_INTEGER4": "int32_t", "MPI_REAL4": "float",
	"MPI_COMPLEX4": "struct wr_2half", "MPI_LOGICAL8": "int64_t", "MPI_INTEGER8": "int64_t", "MPI_REAL8": "double",
	"MPI_COMPLEX8": "float _Complex", "MPI_LOGICAL16": "__int128", "MPI_INTEGER16": "__int128",
	"MPI_REAL16": "long double", "MPI_COMPLEX16": "double _Complex", "MPI_COMPLEX32": "long double _Complex",
}

// TestABIGuestSizes checks every size in predefTypes, the pair layouts and the
// ABI's basic types against clang's wasm32 target.
func TestABIGuestSizes(t *testing.T) {
	clang, _, sysroot := abiWasmToolchain(t)
	var b strings.Builder
	b.WriteString(`#include <mpi.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>
struct wr_float_int { float v; int i; };
struct wr_double_int { double v; int i; };
struct wr_long_int { long v; int i; };
struct wr_2int { int v; int i; };
struct wr_short_int { short v; int i; };
struct wr_long_double_int { long double v; int i; };
struct wr_2float { float v, i; };
struct wr_2double { double v, i; };
struct wr_2half { uint16_t re, im; }; /* no _Float16 on wasm32: size only */
_Static_assert(sizeof(MPI_Status) == 32, "status");
_Static_assert(offsetof(MPI_Status, MPI_ERROR) == 8, "status");
_Static_assert(sizeof(MPI_Aint) == 4 && sizeof(MPI_Offset) == 8 && sizeof(MPI_Count) == 8, "ints");
_Static_assert(sizeof(MPI_Fint) == 4 && sizeof(MPI_Comm) == 4 && sizeof(MPI_Datatype) == 4, "handles");
_Static_assert(offsetof(struct wr_double_int, i) == 8, "double_int");
_Static_assert(offsetof(struct wr_long_double_int, i) == 16, "long_double_int");
_Static_assert(_Alignof(long double) == 16 && sizeof(long double) == 16, "binary128");
`)
	n := 0
	for h := uint32(datatypeNull); h <= datatypeLastFixed; h++ {
		ti, ok := predefType(h)
		if !ok {
			continue
		}
		ct, ok := abiGuestCTypes[ti.name]
		require.True(t, ok, "no C type for %s", ti.name)
		fmt.Fprintf(&b, "_Static_assert(sizeof(%s) == %d, \"%s\");\n", ct, ti.size, ti.name)
		n++
	}
	require.Equal(t, 70, n)
	abiCompileGuest(t, clang, sysroot, "sizes.c", b.String(), "-std=c11", "-fsyntax-only")
}

// TestABIHeaderCompiles builds a program against include/mpi.h as C99, C11 and
// C++, links it and checks its imports: MPI_ and PMPI_ functions import
// wasmrun_mpi.MPI_xxx, and MPI_Comm_get_attr, the _c forms and the handle
// conversions stay for the guest library.
func TestABIHeaderCompiles(t *testing.T) {
	clang, clangxx, sysroot := abiWasmToolchain(t)
	prog := `#include <mpi.h>
int main(int argc, char **argv) {
    int rank = 0, size = 0, x = 1, flag = 0, *ub = 0, v = 0, sv = 0;
    MPI_Status st; MPI_Request rq; MPI_Comm dup; MPI_Aint lb, ext; MPI_Count c;
    double t0 = MPI_Wtime() + MPI_Wtick();
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Send(&x, 1, MPI_INT, (rank + 1) % size, 0, MPI_COMM_WORLD);
    PMPI_Send(&x, 1, MPI_INT, (rank + 1) % size, 0, MPI_COMM_WORLD);
    MPI_Recv(&x, 1, MPI_INT, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st);
    MPI_Irecv(&x, 1, MPI_LONG_LONG_INT, MPI_PROC_NULL, 0, MPI_COMM_WORLD, &rq);
    MPI_Wait(&rq, MPI_STATUS_IGNORE);
    MPI_Allreduce(MPI_IN_PLACE, &x, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    MPI_Comm_dup(MPI_COMM_WORLD, &dup);
    MPI_Comm_get_attr(dup, MPI_TAG_UB, &ub, &flag);
    MPI_Type_get_extent(MPI_DOUBLE_INT, &lb, &ext);
    MPI_Get_count_c(&st, MPI_BYTE, &c);
    MPI_Get_version(&v, &sv);
    MPI_Comm_free(&dup);
    MPI_Finalize();
    return (int)t0 + v + sv + st.MPI_SOURCE + MPI_Comm_c2f(MPI_COMM_SELF);
}
`
	for _, std := range []string{"c99", "c11", "c17"} {
		abiCompileGuest(t, clang, sysroot, "prog.c", prog, "-std="+std, "-c")
	}
	if _, err := exec.LookPath(clangxx); err == nil {
		for _, std := range []string{"c++11", "c++17"} {
			abiCompileGuest(t, clangxx, sysroot, "prog.cc", prog, "-std="+std, "-c")
		}
	}
	bin := abiCompileGuest(t, clang, sysroot, "prog.c", prog, "-Wl,--allow-undefined")

	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	cm, err := rt.CompileModule(ctx, bin)
	require.NoError(t, err)
	imports := map[string]string{}
	for _, f := range cm.ImportedFunctions() {
		mod, name, _ := f.Import()
		imports[name] = mod
	}
	for _, fn := range []string{"MPI_Init", "MPI_Send", "MPI_Recv", "MPI_Wtime", "MPI_Wtick"} {
		require.Equal(t, abiImportModule, imports[fn], fn)
	}
	require.NotContains(t, imports, "PMPI_Send", "PMPI_Send must import MPI_Send")
	require.NotEqual(t, abiImportModule, imports["MPI_Comm_get_attr"], "MPI_Comm_get_attr belongs to the guest library")
	require.NotEqual(t, abiImportModule, imports["MPI_Get_count_c"], "the large-count forms belong to the guest library")
	require.NotEqual(t, abiImportModule, imports["MPI_Comm_toint"], "MPI_Comm_c2f's conversion belongs to the guest library")
	require.Contains(t, imports, "MPI_Comm_toint")
	require.Contains(t, imports, "MPI_Comm_get_attr")
}

// importModule is the import module the header declares.
const abiImportModule = "wasmrun_mpi"

// guestOnlyMarkers are datatype handles only the guest library knows:
// MPI_LB and MPI_UB mark bounds in the removed MPI_Type_struct, which the
// guest library turns into MPI_Type_create_resized; the host never sees
// them.
var guestOnlyMarkers = map[string]bool{"MPI_LB": true, "MPI_UB": true}
