package cuda

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
	"sort"
	"strings"
	"unsafe"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/wasmrun/wasmrun/internal/handle"
)

// ModuleName is the wasm import module of the guest's CUDA functions.
const ModuleName = "wasmrun_cuda"

// DefaultLibrary is the NVIDIA driver opened unless $WASMRUN_CUDA_LIBRARY
// names another library.
const DefaultLibrary = "libcuda.so.1"

// LibraryEnv names the environment variable that overrides DefaultLibrary.
const LibraryEnv = "WASMRUN_CUDA_LIBRARY"

// Bridge is one process's CUDA bridge, used by one guest on one (locked)
// OS thread: the driver's current context is per thread.
type Bridge struct {
	log     io.Writer // verbose diagnostics; nil discards them
	library string

	loaded  bool  // the library was tried
	loadErr error // why it could not be used

	guestmem.Memory // the guest's linear memory

	contexts  *handle.Table[cuContext]
	modules   *handle.Table[cuModule]
	functions *handle.Table[cuFunction]
	streams   *handle.Table[owned]
	events    *handle.Table[owned]
	// guest maps each driver context and function to its guest handle.
	guest map[C.wr_h]uint32
	// allocs are the guest's device allocations, by base address.
	allocs []alloc
	// params is cuLaunchKernel's array of host pointers, reused.
	params []C.wr_h
	// scratch is C memory for values the driver reads through a pointer
	// inside an array the bridge builds (cuLaunchKernel's extra size).
	scratch *C.size_t
}

// cuContext is a context the guest created or retained.
type cuContext struct {
	host    C.wr_h
	primary bool
	dev     int32
	refs    int32 // primary: the guest's retains
}

// owned is a driver object made in a context (stream, event).
type owned struct {
	host C.wr_h
	ctx  C.wr_h
}

// cuModule is a loaded module, with the parameter lists of its PTX entries.
type cuModule struct {
	owned
	entries map[string][]param
}

// cuFunction is a kernel, with the sizes of its parameters (nil: unknown).
type cuFunction struct {
	host   C.wr_h
	module uint32
	name   string
	sizes  []uint64
	source string // where the sizes came from
}

// alloc is one device allocation.
type alloc struct {
	base, size uint64
	ctx        C.wr_h
}

// New returns a bridge that writes diagnostics to log (nil: none) and opens
// the driver named by $WASMRUN_CUDA_LIBRARY or DefaultLibrary at the first
// CUDA call.
func New(log io.Writer) *Bridge {
	lib := os.Getenv(LibraryEnv)
	if lib == "" {
		lib = DefaultLibrary
	}
	return &Bridge{
		log:       log,
		library:   lib,
		contexts:  handle.New[cuContext](handle.CUContext),
		modules:   handle.New[cuModule](handle.CUModule),
		functions: handle.New[cuFunction](handle.CUFunction),
		streams:   handle.New[owned](handle.CUStream),
		events:    handle.New[owned](handle.CUEvent),
		guest:     map[C.wr_h]uint32{},
	}
}

// Name implements embedder.Host.
func (b *Bridge) Name() string { return ModuleName }

// Instantiate implements embedder.Host: it defines every CUDA function.
func (b *Bridge) Instantiate(ctx context.Context, r wazero.Runtime) error {
	builder := r.NewHostModuleBuilder(ModuleName)
	for _, group := range groups {
		for _, f := range group.functions {
			params, names := f.signature()
			builder.NewFunctionBuilder().
				WithGoModuleFunction(api.GoModuleFunc(func(_ context.Context, m api.Module, stack []uint64) {
					if b.Mem == nil {
						b.Attach(m)
					}
					stack[0] = uint64(uint32(f.fn(b, stack)))
				}), params, []api.ValueType{api.ValueTypeI32}).
				WithParameterNames(names...).
				WithName(f.name).
				Export(f.name)
		}
	}
	_, err := builder.Instantiate(ctx)
	return err
}

// load opens the driver at the first call. It reports whether it can be
// used.
func (b *Bridge) load() bool {
	if !b.loaded {
		b.loaded = true
		var msg [512]C.char
		path := C.CString(b.library)
		defer C.free(unsafe.Pointer(path))
		if C.wr_cu_load(path, &msg[0], C.size_t(len(msg))) != 0 {
			b.loadErr = fmt.Errorf("cuda: cannot load the NVIDIA driver %s: %s", b.library, C.GoString(&msg[0]))
			b.logf("%v; cuInit returns CUDA_ERROR_NO_DEVICE, other CUDA calls CUDA_ERROR_NOT_INITIALIZED; set $%s to libcuda.so.1's path", b.loadErr, LibraryEnv)
		} else {
			how := "kernel parameter sizes from cuFuncGetParamInfo"
			if C.wr_cu_has_param_info() == 0 {
				how = "no cuFuncGetParamInfo: kernel parameter sizes from the PTX"
			}
			b.logf("cuda: loaded %s (entry points by %s; %s)", b.library, C.GoString(C.wr_cu_resolver()), how)
		}
	}
	return b.loadErr == nil
}

// ready reports whether fn can reach the driver; where it cannot, fn
// returns CUDA_ERROR_NOT_INITIALIZED, as the driver does before cuInit.
func (b *Bridge) ready(fn string) (int32, bool) {
	if b.load() {
		return cuSuccess, true
	}
	return b.fail(fn, cuNotInitialized, "no CUDA driver: %v", b.loadErr), false
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

// context returns the context behind guest handle h.
func (b *Bridge) context(fn string, h uint32) (*cuContext, int32) {
	c, ok := b.contexts.Get(h)
	if !ok {
		return nil, b.fail(fn, cuInvalidContext, "%#x is not a live context", h)
	}
	return c, cuSuccess
}

// stream returns the driver's stream behind guest handle h: 0 (the
// default stream), CU_STREAM_LEGACY and CU_STREAM_PER_THREAD pass as they
// are.
func (b *Bridge) stream(fn string, h uint32) (C.wr_h, int32) {
	if h == 0 || h == streamLegacy || h == streamPerThread {
		return C.wr_h(h), cuSuccess
	}
	s, ok := b.streams.Get(h)
	if !ok {
		return 0, b.fail(fn, cuInvalidHandle, "%#x is not a live stream", h)
	}
	return s.host, cuSuccess
}

// event returns the driver's event behind guest handle h.
func (b *Bridge) event(fn string, h uint32) (C.wr_h, int32) {
	e, ok := b.events.Get(h)
	if !ok {
		return 0, b.fail(fn, cuInvalidHandle, "%#x is not a live event", h)
	}
	return e.host, cuSuccess
}

// current is the driver's current context (0: none).
func current() C.wr_h {
	var c C.wr_h
	if C.wr_cuCtxGetCurrent(&c) != cuSuccess {
		return 0
	}
	return c
}

// device checks that [p, p+n) lies in one of the guest's allocations.
func (b *Bridge) device(fn, what string, p, n uint64) int32 {
	if n == 0 {
		return cuSuccess
	}
	i := sort.Search(len(b.allocs), func(i int) bool { return b.allocs[i].base > p }) - 1
	if i < 0 || p+n < p || p+n > b.allocs[i].base+b.allocs[i].size {
		return b.fail(fn, cuInvalidValue, "%s %#x with %d bytes is not inside one cuMemAlloc allocation", what, p, n)
	}
	return cuSuccess
}

func (b *Bridge) addAlloc(a alloc) {
	i := sort.Search(len(b.allocs), func(i int) bool { return b.allocs[i].base >= a.base })
	b.allocs = append(b.allocs, alloc{})
	copy(b.allocs[i+1:], b.allocs[i:])
	b.allocs[i] = a
}

// dropContext forgets everything that lived in a context the driver has
// destroyed (cuCtxDestroy, or the last release of a primary context).
func (b *Bridge) dropContext(ctx C.wr_h) {
	b.allocs = slicesDelete(b.allocs, func(a alloc) bool { return a.ctx == ctx })
	b.modules.Each(func(h uint32, m *cuModule) {
		if m.ctx == ctx {
			b.dropModule(h)
		}
	})
	b.streams.Each(func(h uint32, s *owned) {
		if s.ctx == ctx {
			b.streams.Remove(h)
		}
	})
	b.events.Each(func(h uint32, e *owned) {
		if e.ctx == ctx {
			b.events.Remove(h)
		}
	})
}

// dropModule forgets a module and its functions.
func (b *Bridge) dropModule(h uint32) {
	b.functions.Each(func(fh uint32, f *cuFunction) {
		if f.module == h {
			delete(b.guest, f.host)
			b.functions.Remove(fh)
		}
	})
	b.modules.Remove(h)
}

func slicesDelete[T any](s []T, del func(T) bool) []T {
	out := s[:0]
	for _, v := range s {
		if !del(v) {
			out = append(out, v)
		}
	}
	return out
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

// GuestFunctions are the driver API functions the guest library provides
// itself, without a host call.
var GuestFunctions = []string{"cuGetErrorName", "cuGetErrorString"}

// API lists the CUDA functions a guest can call, by group.
func API() [][2]string {
	var out [][2]string
	for _, group := range groups {
		var names []string
		for _, f := range group.functions {
			names = append(names, f.name)
		}
		out = append(out, [2]string{group.name, strings.Join(names, " ")})
	}
	return append(out, [2]string{"errors", strings.Join(GuestFunctions, " ")})
}

// function is one host function: its import name, its Go implementation
// and its parameters ("name" is an i32; "name:i64" an i64). Every function
// returns its CUresult.
type function struct {
	name   string
	fn     func(b *Bridge, stack []uint64) int32
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
	{"devices and contexts", deviceFunctions},
	{"modules and launches", moduleFunctions},
	{"memory", memFunctions},
	{"streams and events", streamFunctions},
}

// Aliases of the C layer's types, for tests (which cannot use cgo).
type wrH = C.wr_h
