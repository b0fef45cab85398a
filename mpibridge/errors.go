package mpibridge

// #include "calls.h"
// #include "shim.h"
import "C"

import (
	"fmt"

	"github.com/wasmrun/wasmrun/embedder"
)

// fail applies the error handler of guest communicator c (MPI_COMM_WORLD's
// when c is not a valid communicator) to error class class, raised by MPI
// function fn. With MPI_ERRORS_RETURN it returns the class for the guest;
// with MPI_ERRORS_ARE_FATAL it reports rank, function and cause and ends the
// job. Only error paths call it, so its formatting may allocate.
func (b *Bridge) fail(c uint32, fn string, class int32, format string, args ...any) int32 {
	errh := uint32(errorsAreFatal)
	if cm, ok := b.comm(c); ok {
		errh = cm.errh
	} else if b.initialized {
		errh = b.world.errh
	}
	if errh == errorsReturn {
		return class
	}
	if u, ok := b.errhs.Get(errh); ok {
		b.callErrh(u, c, class)
		return class
	}
	who := "wasmrun"
	if b.rank >= 0 {
		who = fmt.Sprintf("wasmrun: rank %d", b.rank)
	}
	name := errClassName(class)
	if name == "" {
		name = fmt.Sprintf("error code %d", class)
	}
	fmt.Fprintf(b.stderr, "%s: %s: %s: %s\n", who, fn, name, fmt.Sprintf(format, args...))
	if b.initialized && !b.finalized {
		hostAbort(b, int(class))
	}
	// MPI never started (or already ended): end this process the way
	// proc_exit does.
	panic(exitErr(uint32(class)))
}

// hostAbort ends the whole job with code through the host MPI (MPI_Abort
// on MPI_COMM_WORLD). The fuzz tests replace it to see a fatal error
// handler fire without ending the test process.
var hostAbort = func(b *Bridge, code int) {
	// What the guest wrote to stdout and files before the error comes out
	// first, as after a trap.
	if b.Module != nil && b.ctx != nil {
		embedder.Flush(b.ctx, b.Module)
	}
	C.wr_abort(b.world.host, C.int(code))
}

// hostError turns the host MPI's return code rc into the guest's: success,
// or the standard class through the communicator's error handler.
func (b *Bridge) hostError(c uint32, fn string, rc C.int) int32 {
	if rc == 0 {
		return 0
	}
	class := int32(C.wr_abi_errclass(rc))
	return b.fail(c, fn, class, "the host MPI library returned error %d", int(rc))
}

// ready checks that MPI is initialised and not finalised.
func (b *Bridge) ready(fn string) (int32, bool) {
	if b.initialized && !b.finalized {
		return 0, true
	}
	when := "before MPI_Init"
	if b.finalized {
		when = "after MPI_Finalize"
	}
	return b.fail(commNull, fn, errOther, "called %s", when), false
}
