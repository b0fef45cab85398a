package mpibridge

import (
	"unsafe"

	"github.com/tetratelabs/wazero/sys"
)

// Table sizes of the predefined handles, which index arrays directly.
const (
	predefTypeCount = datatypeLastFixed - datatypeFirst + 1
	predefOpCount   = opNoOp - opNull + 1
)

func unsafePointer[T any](p *T) unsafe.Pointer { return unsafe.Pointer(p) }

func exitErr(code uint32) error { return sys.NewExitError(code) }

// errorText is MPI_Error_string's text for code; wasmrun's error codes are
// the standard classes.
func errorText(code int32) (string, bool) {
	if code == success {
		return "MPI_SUCCESS: no error", true
	}
	text := errClassText(code)
	if text == "" {
		return "", false
	}
	return errClassName(code) + ": " + text, true
}

func isPairType(h uint32) bool {
	t, ok := predefType(h)
	return ok && t.kind == kindPair
}
