package mpibridge

import (
	"fmt"

	"github.com/tetratelabs/wazero/api"
)

var errhFunctions = []function{
	// MPI_Comm_create_errhandler(function, errhandler): function is a guest
	// MPI_Comm_errhandler_function, called with the communicator and the
	// error code when a call on a communicator it is set on fails.
	{"MPI_Comm_create_errhandler", func(b *Bridge, s []uint64) { b.createErrhandler(s, "MPI_Comm_create_errhandler", errhComm) }, "comm_errhandler_fn errhandler", false},
	{"MPI_Comm_call_errhandler", (*Bridge).commCallErrhandler, "comm errorcode", false},
	// The same for windows and files: a handler applies to the kind of
	// object it was created for.
	{"MPI_Win_create_errhandler", func(b *Bridge, s []uint64) { b.createErrhandler(s, "MPI_Win_create_errhandler", errhWin) }, "win_errhandler_fn errhandler", false},
	{"MPI_Win_call_errhandler", (*Bridge).winCallErrhandler, "win errorcode", false},
	{"MPI_File_create_errhandler", func(b *Bridge, s []uint64) { b.createErrhandler(s, "MPI_File_create_errhandler", errhFile) }, "file_errhandler_fn errhandler", false},
	{"MPI_File_call_errhandler", (*Bridge).fileCallErrhandler, "file errorcode", false},
	// MPI_Add_error_class(errorclass), MPI_Add_error_code(errorclass, errorcode),
	// MPI_Add_error_string(errorcode, string): codes above MPI_ERR_LASTCODE.
	{"MPI_Add_error_class", (*Bridge).addErrorClass, "errorclass", false},
	{"MPI_Add_error_code", (*Bridge).addErrorCode, "errorclass errorcode", false},
	{"MPI_Add_error_string", (*Bridge).addErrorString, "errorcode string", false},
	{"MPI_Type_set_name", (*Bridge).typeSetName, "datatype type_name", false},
	// MPI_Type_get_name(datatype, type_name, resultlen): predefined types
	// answer with the guest's name (MPI_LONG, not the host type it maps to).
	{"MPI_Type_get_name", (*Bridge).typeGetName, "datatype type_name resultlen", false},
}

// userErrh is an error handler the guest created.
type userErrh struct {
	fn   uint32 // guest function table index
	kind int    // errhComm, errhWin or errhFile: what it may be set on
}

// The kinds of object a user error handler is created for.
const (
	errhComm = iota
	errhWin
	errhFile
)

var errhKindNames = [...]string{"communicator", "window", "file"}

// errhFor checks error handler e for an object of kind: a predefined one
// (MPI_ERRORS_ABORT acts as MPI_ERRORS_ARE_FATAL) or one the guest created
// for that kind.
func (b *Bridge) errhFor(e uint32, kind int) (uint32, string, bool) {
	switch e {
	case errorsAreFatal, errorsReturn:
		return e, "", true
	case errorsAbort:
		return errorsAreFatal, "", true
	}
	u, ok := b.errhs.Get(e)
	if !ok {
		return 0, fmt.Sprintf("invalid error handler %#x", e), false
	}
	if u.kind != kind {
		return 0, fmt.Sprintf("error handler %#x was created for a %s, not a %s", e, errhKindNames[u.kind], errhKindNames[kind]), false
	}
	return e, "", true
}

// userCode is an error class or code the guest added.
type userCode struct {
	class int32
	text  string
}

// firstUserCode is where added classes and codes start: above every
// standard one.
const firstUserCode = errLastcode + 1

// addedCode returns a class or code from MPI_Add_error_class/_code.
func (b *Bridge) addedCode(code int32) (*userCode, bool) {
	i := int(code) - firstUserCode
	if i < 0 || i >= len(b.userCodes) {
		return nil, false
	}
	return &b.userCodes[i], true
}

// classOf is MPI_Error_class for standard and added codes.
func (b *Bridge) classOf(code int32) (int32, bool) {
	if u, ok := b.addedCode(code); ok {
		return u.class, true
	}
	_, ok := errorText(code)
	return code, ok
}

func (b *Bridge) addErrorClass(s []uint64) {
	const fn = "MPI_Add_error_class"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	code := int32(firstUserCode + len(b.userCodes))
	if !b.writeI32(uint32(s[0]), code) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "errorclass pointer is outside guest memory"))
		return
	}
	if len(b.userCodes) >= b.limits.objects {
		s[0] = ret(b.fail(commWorld, fn, errIntern, "too many added error classes and codes (%d, the --max-memory limit)", len(b.userCodes)))
		return
	}
	b.userCodes = append(b.userCodes, userCode{class: code})
	s[0] = 0
}

func (b *Bridge) addErrorCode(s []uint64) {
	const fn = "MPI_Add_error_code"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	class := int32(s[0])
	if c, ok := b.classOf(class); !ok || c != class {
		s[0] = ret(b.fail(commWorld, fn, errArg, "%d is not an error class", class))
		return
	}
	code := int32(firstUserCode + len(b.userCodes))
	if !b.writeI32(uint32(s[1]), code) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "errorcode pointer is outside guest memory"))
		return
	}
	if len(b.userCodes) >= b.limits.objects {
		s[0] = ret(b.fail(commWorld, fn, errIntern, "too many added error classes and codes (%d, the --max-memory limit)", len(b.userCodes)))
		return
	}
	b.userCodes = append(b.userCodes, userCode{class: class})
	s[0] = 0
}

func (b *Bridge) addErrorString(s []uint64) {
	const fn = "MPI_Add_error_string"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	u, ok := b.addedCode(int32(s[0]))
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errArg, "%d is not an added error code (standard ones keep their strings)", int32(s[0])))
		return
	}
	text, ok := b.cString(uint32(s[1]), maxErrorString-1)
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errArg, "string at %#x is not NUL-terminated within %d bytes of guest memory", uint32(s[1]), maxErrorString))
		return
	}
	u.text = string(text)
	s[0] = 0
}

// createErrhandler is MPI_{Comm,Win,File}_create_errhandler(function,
// errhandler): function is a guest function of the kind's handler type.
func (b *Bridge) createErrhandler(s []uint64, fn string, kind int) {
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	idx, out := uint32(s[0]), uint32(s[1])
	if b.lookup(idx, errhParams, nil) == nil {
		s[0] = ret(b.fail(commWorld, fn, errArg, "%d is not a function of an error handler's type", idx))
		return
	}
	if !b.InBounds(out, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "errhandler pointer %#x is outside guest memory", out))
		return
	}
	h := b.errhs.Add(userErrh{fn: idx, kind: kind})
	if h == 0 {
		s[0] = ret(b.fail(commWorld, fn, errIntern, "too many error handlers"))
		return
	}
	b.writeI32(out, int32(h))
	s[0] = 0
}

func (b *Bridge) commCallErrhandler(s []uint64) {
	const fn = "MPI_Comm_call_errhandler"
	ch, code := uint32(s[0]), int32(s[1])
	if _, rc, ok := b.commArg(fn, ch); !ok {
		s[0] = ret(rc)
		return
	}
	if b.fail(ch, fn, code, "raised by MPI_Comm_call_errhandler") == code {
		s[0] = 0 // the handler returned
	}
}

func (b *Bridge) winCallErrhandler(s []uint64) {
	const fn = "MPI_Win_call_errhandler"
	w, rc, ok := b.winArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	code := int32(s[1])
	if b.failWin(w, fn, code, "raised by MPI_Win_call_errhandler") == code {
		s[0] = 0 // the handler returned
	}
}

func (b *Bridge) fileCallErrhandler(s []uint64) {
	const fn = "MPI_File_call_errhandler"
	h := uint32(s[0])
	var f *file
	if h != fileNull {
		var rc int32
		var ok bool
		if f, rc, ok = b.fileArg(fn, h); !ok {
			s[0] = ret(rc)
			return
		}
	}
	code := int32(s[1])
	if b.failFile(f, fn, code, "raised by MPI_File_call_errhandler") == code {
		s[0] = 0
	}
}

// errhParams is the wasm signature of the error handler functions
// (MPI_Comm *, int *, ...; the same for windows and files): the variadic
// part is a pointer.
var errhParams = []api.ValueType{api.ValueTypeI32, api.ValueTypeI32, api.ValueTypeI32}

// callErrh runs a guest error handler on object (a communicator, window
// or file handle) with code: the two arguments are passed by pointer, so
// they go on the guest's C stack.
func (b *Bridge) callErrh(u *userErrh, ch uint32, code int32) {
	f := b.lookup(u.fn, errhParams, nil)
	if f == nil {
		fmt.Fprintf(b.stderr, "wasmrun: %s: cannot call the guest's error handler (build the module with wasmrun cc)\n", b.Label())
		return
	}
	frame, restore, ok := b.stackFrame(16)
	if !ok {
		return
	}
	b.writeI32(frame, int32(ch))
	b.writeI32(frame+4, code)
	_, err := f.Call(b.ctx, uint64(frame), uint64(frame+4), 0)
	restore()
	if err != nil {
		b.guestFatal("in an MPI error handler", err)
	}
}

// stackFrame takes n bytes (a multiple of 16) of the guest's C stack for
// the arguments of a guest function the bridge calls; restore gives them
// back. Without an exported __stack_pointer (a module not built with
// wasmrun cc) or room on the stack, it says so and fails.
func (b *Bridge) stackFrame(n uint32) (frame uint32, restore func(), ok bool) {
	sp, ok := b.Module.ExportedGlobal("__stack_pointer").(api.MutableGlobal)
	if !ok {
		fmt.Fprintf(b.stderr, "wasmrun: %s: cannot call the guest back: the module exports no __stack_pointer (build it with wasmrun cc)\n", b.Label())
		return 0, nil, false
	}
	old := uint32(sp.Get())
	n = (n + 15) &^ 15
	frame = old - n
	if old < n || !b.InBounds(frame, uint64(n)) {
		fmt.Fprintf(b.stderr, "wasmrun: %s: no room on the guest's stack to call it back\n", b.Label())
		return 0, nil, false
	}
	sp.Set(uint64(frame))
	return frame, func() { sp.Set(uint64(old)) }, true
}

func (b *Bridge) typeSetName(s []uint64) {
	const fn = "MPI_Type_set_name"
	t, rc, ok := b.typeArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	name, ok := b.cString(uint32(s[1]), maxObjectName-1)
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errArg, "name at %#x is not NUL-terminated within %d bytes of guest memory", uint32(s[1]), maxObjectName))
		return
	}
	t.userName = string(name)
	t.named = true
	s[0] = 0
}

func (b *Bridge) typeGetName(s []uint64) {
	const fn = "MPI_Type_get_name"
	t, rc, ok := b.typeArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, lenOut := uint32(s[1]), uint32(s[2])
	if !b.InBounds(out, maxObjectName) || !b.InBounds(lenOut, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "name buffer of %d bytes at %#x is outside guest memory", maxObjectName, out))
		return
	}
	name := t.userName
	if !t.named && !t.derived {
		name = t.name
	}
	n := copy(b.Full[out:out+maxObjectName-1], name)
	b.Full[out+uint32(n)] = 0
	b.writeI32(lenOut, int32(n))
	s[0] = 0
}
