package mpibridge

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/wasmrun/wasmrun/internal/guestfuzz"
	"github.com/wasmrun/wasmrun/internal/handle"
)

// notFuzzed are the host functions FuzzBridge never calls, and why.
var notFuzzed = map[string]string{
	"MPI_Init":        "MPI is initialised once per process",
	"MPI_Init_thread": "MPI is initialised once per process",
	"MPI_Finalize":    "TestMain finalises MPI after the fuzz tests",
	"MPI_Abort":       "ends the process by design",
	// A one-rank world: these wait for a message or a peer that nothing
	// sends (a guest that calls them so hangs natively too).
	"MPI_Recv":             "blocks for a message",
	"MPI_Probe":            "blocks for a message",
	"MPI_Mprobe":           "blocks for a message",
	"MPI_Sendrecv":         "blocks for a message",
	"MPI_Sendrecv_replace": "blocks for a message",
	"MPI_Ssend":            "blocks for a matching receive",
	"MPI_Send":             "blocks for a matching receive past the eager limit",
	"MPI_Rsend":            "blocks for a matching receive past the eager limit",
	"MPI_Wait":             "blocks for a request",
	"MPI_Waitall":          "blocks for a request",
	"MPI_Waitany":          "blocks for a request",
	"MPI_Waitsome":         "blocks for a request",
	"MPI_Win_wait":         "blocks for a peer's MPI_Win_complete",
	"MPI_Win_start":        "may block for a peer's MPI_Win_post",
	"MPI_Intercomm_create": "needs a remote group",
	// Callbacks into the guest need the guest library's function table;
	// tests/mpi_op_test.go and the conformance suite cover them.
	"MPI_Op_create": "calls back into guest code",
}

// fuzzed are the host functions FuzzBridge calls: all others.
var fuzzed = sync.OnceValue(func() []function {
	var fs []function
	for _, g := range chapters {
		for _, f := range g.functions {
			if _, skip := notFuzzed[f.name]; !skip {
				fs = append(fs, f)
			}
		}
	}
	return fs
})

// fuzzAbort is what a fatal error handler raises in FuzzBridge instead of
// ending the job.
type fuzzAbort struct{ code int }

// The guest memory layout of FuzzBridge: the fuzz input fills
// [fuzzData, fuzzData+fuzzDataLen); the harness's own scratch sits above.
const (
	fuzzData    = 1024
	fuzzDataLen = 16 << 10
	fuzzStrings = fuzzData + fuzzDataLen // fuzzPaths
	fuzzScratch = 32 << 10
	fuzzMaxCall = 6
)

// fuzzPaths are file names at fuzzStrings: in the mount, a symlink out of
// it, a .. out of it.
const fuzzPaths = "/data/f\x00/data/link\x00/data/../secret\x00"

var fuzzPredef = []uint32{
	fuzzStrings, fuzzStrings + 8, fuzzStrings + 19,
	commWorld, commSelf, commNull, groupEmpty, groupNull, winNull, fileNull, infoNull, infoEnv,
	errorsReturn, errorsAreFatal, errhandlerNull, requestNull, messageNull, messageNoProc,
	datatypeNull, typeInt, typeByte, typeDouble, typeChar, typeLongDouble, typeDoubleInt, typePacked, typeCount,
	opNull, opSum, opMaxloc, opReplace, opNoOp, opBand,
	uint32(0xffffffff) /* MPI_ANY_SOURCE */, uint32(0xfffffffe) /* MPI_ANY_TAG */, uint32(0xfffffffd), /* MPI_PROC_NULL */
	modeCreate | modeRdwr, modeRdonly, modeDeleteOnClose | modeCreate | modeWronly,
}

// fuzzLive returns a created handle of some kind, likely live.
func fuzzLive(v uint32) uint32 {
	kinds := []handle.Kind{handle.Comm, handle.Group, handle.Request, handle.Datatype, handle.Op,
		handle.Errhandler, handle.Win, handle.File, handle.Info, handle.Message}
	return uint32(kinds[v%uint32(len(kinds))])<<24 | (v>>8)%4 + 1
}

// FuzzBridge calls up to six MPI host functions, picked from the bridge's
// own function table, with arguments drawn from the input (raw values,
// offsets into guest memory, offsets near and past its end, predefined and
// created handles, negative and huge counts), on guest memory the input
// fills. The guest memory lies between guard pages, so a host access just
// outside it faults; after each call no host address may have been written
// into it; nothing may panic except a fatal error handler, which is what
// ends a job (it is caught here instead of calling MPI_Abort). MPI-IO opens
// files under a scratch directory mounted at /data and nothing may appear
// outside it.
func FuzzBridge(f *testing.F) {
	b, mem := guest(f)
	gm := b.Full[:mem.Size()]
	stack := make([]uint64, 16)
	require := func(ok bool, format string, args ...any) {
		if !ok {
			f.Fatalf(format, args...)
		}
	}
	require(call(b, find("MPI_Comm_set_errhandler"), stack, commWorld, errorsReturn) == 0, "set MPI_ERRORS_RETURN")
	require(call(b, find("MPI_Comm_set_errhandler"), stack, commSelf, errorsReturn) == 0, "set MPI_ERRORS_RETURN")
	saved := hostAbort
	hostAbort = func(_ *Bridge, code int) { panic(fuzzAbort{code}) }
	f.Cleanup(func() { hostAbort = saved })

	dir := f.TempDir()
	data := filepath.Join(dir, "data")
	require(os.Mkdir(data, 0o755) == nil, "mkdir")
	require(os.WriteFile(filepath.Join(dir, "secret"), []byte("secret"), 0o644) == nil, "secret")
	require(os.Symlink("../secret", filepath.Join(data, "link")) == nil, "symlink")
	root, err := os.OpenRoot(data)
	require(err == nil, "open root: %v", err)
	f.Cleanup(func() { root.Close() })
	savedMounts := b.mounts
	b.mounts = rootMounts{root}
	f.Cleanup(func() { b.mounts = savedMounts })

	args := guestfuzz.Args{MemSize: uint32(len(gm)), Data: fuzzData, DataLen: fuzzDataLen, Predef: fuzzPredef, Live: fuzzLive}
	for _, seed := range fuzzSeeds() {
		f.Add(seed)
	}
	funcs := make([]guestfuzz.Func, len(fuzzed()))
	for i, fn := range fuzzed() {
		types, _ := fn.signature()
		funcs[i] = guestfuzz.Func{Name: fn.name, Params: types}
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		in := guestfuzz.NewInput(input)
		calls := args.Plan(in, fuzzMaxCall, funcs)
		args.Fill(gm, in)
		copy(gm[fuzzStrings:], fuzzPaths)
		guestfuzz.Run(t, gm, calls, func(c guestfuzz.Call) uint64 {
			runFuzzCall(t, b, fuzzed()[c.Func], c.Params, stack)
			return stack[0]
		})
		fuzzCleanup(t, b, stack)
		entries, err := os.ReadDir(dir)
		if err != nil || len(entries) != 2 {
			t.Fatalf("a file appeared outside the mount: %v %v", entries, err)
		}
		if got, err := os.ReadFile(filepath.Join(dir, "secret")); err != nil || string(got) != "secret" {
			t.Fatalf("the file outside the mount changed: %q %v", got, err)
		}
	})
}

// runFuzzCall makes one host call; a fatal error handler's abort is an
// allowed outcome, any other panic is a finding.
func runFuzzCall(t *testing.T, b *Bridge, f function, params []uint64, stack []uint64) {
	defer guestfuzz.Watch(f.name)()
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(fuzzAbort); ok {
				return
			}
			t.Fatalf("%s%v panicked: %v", f.name, params, r)
		}
	}()
	clear(stack)
	copy(stack, params)
	f.fn(b, stack)
}

// fuzzCleanup frees what one input created, so inputs do not depend on
// each other, and puts MPI_ERRORS_RETURN back everywhere.
func fuzzCleanup(t *testing.T, b *Bridge, stack []uint64) {
	const h = fuzzScratch
	put := func(v uint32) { b.writeI32(h, int32(v)) }
	free := func(name string, hs []uint32, extra ...uint64) {
		fn := find(name)
		for _, x := range hs {
			put(x)
			runFuzzCall(t, b, function{name: name, fn: fn}, append([]uint64{h}, extra...), stack)
		}
	}
	b.world.errh, b.self.errh = errorsReturn, errorsReturn
	for _, x := range b.comms.Handles() {
		c, _ := b.comms.Get(x)
		c.errh = errorsReturn
	}
	for _, x := range b.wins.Handles() {
		w, _ := b.wins.Get(x)
		w.errh = errorsReturn
	}
	for _, x := range b.files.Handles() {
		fl, _ := b.files.Get(x)
		fl.errh = errorsReturn
	}
	b.ext.fileNullErrh = errorsReturn
	// MPI_Comm_idup requests complete (every communicator has one rank).
	for req := range b.pendingComms {
		put(req)
		runFuzzCall(t, b, function{name: "MPI_Wait", fn: find("MPI_Wait")}, []uint64{h, statusIgnore}, stack)
	}
	// Pending requests: cancel, then free.
	free("MPI_Cancel", b.reqs.Handles())
	free("MPI_Request_free", b.reqs.Handles())
	// Matched messages: receive them.
	for _, x := range b.msgs.Handles() {
		put(x)
		runFuzzCall(t, b, function{name: "MPI_Mrecv", fn: find("MPI_Mrecv")}, []uint64{fuzzScratch + 64, 0, typeByte, h, statusIgnore}, stack)
	}
	// Messages sent to this rank and never received.
	for _, c := range []uint64{commWorld, commSelf} {
		for i := 0; i < 1000; i++ {
			if call(b, find("MPI_Iprobe"), stack, uint64(0xffffffff), uint64(0xfffffffe), c, h, statusIgnore) != 0 {
				break
			}
			if v, _ := b.readI32(h); v == 0 {
				break
			}
			// Received by MPI_Mprobe/MPI_Mrecv with a zero count would
			// truncate; take it with MPI_Improbe into a big enough buffer.
			call(b, find("MPI_Improbe"), stack, uint64(0xffffffff), uint64(0xfffffffe), c, h, h+4, fuzzScratch+64)
			call(b, find("MPI_Get_count"), stack, fuzzScratch+64, typeByte, h+8)
			cnt, _ := b.readI32(h + 8)
			cnt = max(0, min(cnt, 16<<10))
			call(b, find("MPI_Mrecv"), stack, fuzzData, uint64(cnt), typeByte, h+4, statusIgnore)
		}
	}
	if d := b.bsend; d.size != 0 {
		call(b, find("MPI_Buffer_detach"), stack, h, h+4)
	}
	free("MPI_File_close", b.files.Handles())
	// Close any fence epoch first: MPICH's UCX layer aborts in
	// MPI_Finalize when a window was freed with a put still in its epoch.
	for _, x := range b.wins.Handles() {
		runFuzzCall(t, b, function{name: "MPI_Win_fence", fn: find("MPI_Win_fence")}, []uint64{0, uint64(x)}, stack)
	}
	free("MPI_Win_free", b.wins.Handles())
	free("MPI_Comm_free", b.comms.Handles())
	free("MPI_Group_free", b.groups.Handles())
	free("MPI_Type_free", b.dtypes.Handles())
	free("MPI_Info_free", b.infos.Handles())
	free("MPI_Errhandler_free", b.errhs.Handles())
	free("MPI_Op_free", b.users.Handles())
	// Objects that cannot be freed while in use (a type pinned by a
	// persistent request) stay for the next input.
}

// fuzzSeeds are inputs that reach deep into a few functions; the
// committed corpus in testdata/fuzz/FuzzBridge holds more.
func fuzzSeeds() [][]byte {
	enc := func(calls ...[]any) []byte {
		out := []byte{byte(len(calls) - 1)}
		for _, c := range calls {
			idx := slices.IndexFunc(fuzzed(), func(f function) bool { return f.name == c[0].(string) })
			if idx < 0 {
				panic("no fuzzed function " + c[0].(string))
			}
			out = append(out, byte(idx), byte(idx>>8))
			for _, p := range c[1:] {
				v := p.(int)
				out = append(out, 0, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
			}
		}
		return out
	}
	return [][]byte{
		enc([]any{"MPI_Isend", fuzzData, 4, typeInt, 0, 1, commSelf, fuzzData + 64},
			[]any{"MPI_Irecv", fuzzData + 128, 4, typeInt, 0, 1, commSelf, fuzzData + 68},
			[]any{"MPI_Testall", 2, fuzzData + 64, 0}),
		enc([]any{"MPI_Type_vector", 3, 2, 5, typeInt, fuzzData},
			[]any{"MPI_Type_commit", fuzzData},
			[]any{"MPI_Bcast", fuzzData + 64, 2, 0x04000001, 0, commWorld}),
		enc([]any{"MPI_Comm_split", commWorld, 0, 0, fuzzData},
			[]any{"MPI_Comm_group", 0x01000001, fuzzData + 4},
			[]any{"MPI_Group_incl", 0x02000001, 1, fuzzData + 8, fuzzData + 12}),
		enc([]any{"MPI_File_open", commSelf, fuzzStrings, modeCreate | modeRdwr, infoNull, fuzzData},
			[]any{"MPI_File_write_at", 0x08000001, 0, 0, fuzzData, 16, typeByte, 0}),
		enc([]any{"MPI_Win_create", fuzzData, 256, 4, infoNull, commSelf, fuzzData + 512},
			[]any{"MPI_Win_fence", 0, 0x07000001},
			[]any{"MPI_Put", fuzzData + 600, 4, typeInt, 0, 0, 4, typeInt, 0x07000001}),
		enc([]any{"MPI_Buffer_attach", fuzzData, 4096}, []any{"MPI_Bsend", fuzzData + 4096, 8, typeDouble, 0, 0, commSelf}),
		enc([]any{"MPI_Alltoallw", fuzzData, fuzzData + 16, fuzzData + 32, fuzzData + 48, fuzzData + 64, fuzzData + 80, fuzzData + 96, fuzzData + 112, commWorld}),
		enc([]any{"MPI_Info_create", fuzzData}, []any{"MPI_Info_set", 0x09000001, fuzzData + 8, fuzzData + 8}),
		enc([]any{"MPI_Type_create_struct", 3, fuzzData, fuzzData + 16, fuzzData + 32, fuzzData + 48}),
		enc([]any{"MPI_Cart_create", commWorld, 2, fuzzData, fuzzData + 8, 1, fuzzData + 16}),
	}
}
