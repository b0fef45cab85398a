package opencl

// #cgo LDFLAGS: -ldl
// #include <stdlib.h>
// #include "driver.h"
import "C"

import (
	"context"
	"fmt"
	"github.com/wasmrun/wasmrun/internal/guestmem"
	"io"
	"os"
	"strings"
	"unsafe"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/wasmrun/wasmrun/internal/handle"
)

// ModuleName is the wasm import module of the guest's OpenCL functions.
const ModuleName = "wasmrun_cl"

// DefaultLibrary is the OpenCL ICD loader opened unless
// $WASMRUN_OPENCL_LIBRARY names another library.
const DefaultLibrary = "libOpenCL.so.1"

// LibraryEnv names the environment variable that overrides DefaultLibrary.
const LibraryEnv = "WASMRUN_OPENCL_LIBRARY"

// Bridge is one process's OpenCL bridge, used by one guest on one thread.
type Bridge struct {
	log     io.Writer // verbose diagnostics; nil discards them
	library string

	loaded  bool  // the library was tried
	loadErr error // why it could not be used

	ctx             context.Context // of the host call in progress, for callbacks
	guestmem.Memory                 // the guest's linear memory

	platforms *handle.Table[C.wr_h]
	devices   *handle.Table[C.wr_h]
	contexts  *handle.Table[object]
	queues    *handle.Table[object]
	mems      *handle.Table[buffer]
	programs  *handle.Table[object]
	kernels   *handle.Table[object]
	events    *handle.Table[object]
	// guest maps each driver object to its guest handle.
	guest map[C.wr_h]uint32
	// maps are the regions mapped with clEnqueueMapBuffer, by guest
	// address.
	maps map[uint32]mapping
	// argSpaces caches, per driver kernel, what each argument is (see
	// argSpace), plus one; 0 is not yet asked.
	argSpaces map[C.wr_h][]int8

	// Scratch that C writes into: fields of a heap object.
	outErr  C.wr_int
	outH    C.wr_h
	outU    C.wr_uint
	outSize C.size_t
	wait    []C.wr_h
	hs      []C.wr_h
	sizes   [3][3]C.size_t
}

// object is a driver object the guest created, with the guest's own
// reference count: the handle dies when the guest's count reaches zero.
type object struct {
	host C.wr_h
	refs int32
}

// buffer is a cl_mem with what the bridge checks transfers against.
type buffer struct {
	object
	size    uint64
	hostPtr uint32 // guest address of a CL_MEM_USE_HOST_PTR buffer's storage
	useHost bool
	zeroed  bool // made from zeros with CL_MEM_COPY_HOST_PTR, which the guest did not ask for
}

// mapping is a region of a buffer mapped into guest memory.
type mapping struct {
	mem          uint32 // guest buffer handle
	offset, size uint64
	write        bool // written back at unmap
	staged       bool // a guest allocation the guest library frees at unmap
}

// New returns a bridge that writes diagnostics to log (nil: none) and opens
// the OpenCL library named by $WASMRUN_OPENCL_LIBRARY or DefaultLibrary at
// the first OpenCL call.
func New(log io.Writer) *Bridge {
	lib := os.Getenv(LibraryEnv)
	if lib == "" {
		lib = DefaultLibrary
	}
	return &Bridge{
		log:       log,
		library:   lib,
		platforms: handle.New[C.wr_h](handle.CLPlatform),
		devices:   handle.New[C.wr_h](handle.CLDevice),
		contexts:  handle.New[object](handle.CLContext),
		queues:    handle.New[object](handle.CLQueue),
		mems:      handle.New[buffer](handle.CLMem),
		programs:  handle.New[object](handle.CLProgram),
		kernels:   handle.New[object](handle.CLKernel),
		events:    handle.New[object](handle.CLEvent),
		guest:     map[C.wr_h]uint32{},
		maps:      map[uint32]mapping{},
		argSpaces: map[C.wr_h][]int8{},
	}
}

// Name implements embedder.Host.
func (b *Bridge) Name() string { return ModuleName }

// Instantiate implements embedder.Host: it defines every OpenCL function.
func (b *Bridge) Instantiate(ctx context.Context, r wazero.Runtime) error {
	builder := r.NewHostModuleBuilder(ModuleName)
	for _, group := range groups {
		for _, f := range group.functions {
			params, names := f.signature()
			builder.NewFunctionBuilder().
				WithGoModuleFunction(api.GoModuleFunc(func(ctx context.Context, m api.Module, stack []uint64) {
					if b.Mem == nil {
						b.Attach(m)
					}
					b.ctx = ctx
					f.fn(b, stack)
				}), params, []api.ValueType{api.ValueTypeI32}).
				WithParameterNames(names...).
				WithName(f.name).
				Export(f.name)
		}
	}
	_, err := builder.Instantiate(ctx)
	return err
}

// Finish implements embedder.Finisher: before the guest's memory goes
// away, every queue is finished, so no transfer still in flight can write
// into it.
func (b *Bridge) Finish() {
	if !b.loaded || b.loadErr != nil {
		return
	}
	b.queues.Each(func(_ uint32, q *object) { C.wr_clFinish(q.host) })
}

// ready loads the OpenCL library at the first call. It reports whether
// OpenCL can be used.
func (b *Bridge) ready() bool {
	if !b.loaded {
		b.loaded = true
		var msg [512]C.char
		path := C.CString(b.library)
		defer C.free(unsafe.Pointer(path))
		if C.wr_cl_load(path, &msg[0], C.size_t(len(msg))) != 0 {
			b.loadErr = fmt.Errorf("opencl: cannot load the OpenCL library %s: %s", b.library, C.GoString(&msg[0]))
			b.logf("%v; OpenCL calls find no platform (CL_PLATFORM_NOT_FOUND_KHR); set $%s to the OpenCL ICD loader's path", b.loadErr, LibraryEnv)
		} else {
			b.logf("opencl: loaded %s", b.library)
		}
	}
	return b.loadErr == nil
}

// logf writes one line of verbose diagnostics.
func (b *Bridge) logf(format string, args ...any) {
	if b.log != nil {
		fmt.Fprintf(b.log, "wasmrun: "+format+"\n", args...)
	}
}

// fail logs why fn refused its arguments (with -v) and returns code.
func (b *Bridge) fail(fn string, code int32, format string, args ...any) int32 {
	if b.log != nil {
		fmt.Fprintf(b.log, "wasmrun: %s: %s: %s\n", fn, errName(code), fmt.Sprintf(format, args...))
	}
	return code
}

// Functions lists the import names of every host function, in table order.
func Functions() []string {
	var names []string
	for _, group := range groups {
		for _, f := range group.functions {
			names = append(names, f.name)
		}
	}
	return names
}

// API lists the OpenCL functions a guest can call, by group: the host
// functions, with the guest library's clEnqueueMapBuffer and
// clEnqueueUnmapMemObject in place of the imports behind them.
func API() [][2]string {
	var out [][2]string
	for _, group := range groups {
		var names []string
		for _, f := range group.functions {
			names = append(names, strings.TrimPrefix(f.name, "wasmrun_"))
		}
		out = append(out, [2]string{group.name, strings.Join(names, " ")})
	}
	return out
}

// function is one host function: its import name, its Go implementation
// and its parameters ("name" is an i32; "name:i64" an i64). Every function
// returns one i32: an error code, a handle or a guest address.
type function struct {
	name   string
	fn     func(b *Bridge, stack []uint64)
	params string
}

func (f function) signature() ([]api.ValueType, []string) {
	var types []api.ValueType
	var names []string
	for _, p := range strings.Fields(f.params) {
		name, kind, _ := strings.Cut(p, ":")
		t := api.ValueTypeI32
		if kind == "i64" {
			t = api.ValueTypeI64
		}
		types = append(types, t)
		names = append(names, name)
	}
	return types, names
}

type group struct {
	name      string
	functions []function
}

// groups are the function tables, one per file.
var groups = []group{
	{"platforms and devices", platformFunctions},
	{"contexts and queues", contextFunctions},
	{"buffers", memFunctions},
	{"programs and kernels", programFunctions},
	{"events", eventFunctions},
}
