package opencl

import (
	"context"
	"encoding/binary"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero/api"
	"github.com/wasmrun/wasmrun/internal/guestfuzz"
	"github.com/wasmrun/wasmrun/internal/handle"
)

// The guest memory of FuzzBridge: the input fills [fuzzData,
// fuzzData+fuzzDataLen); fuzzText (the kernel source and names) and the
// harness's scratch sit above.
const (
	fuzzMem     = 2 << 16
	fuzzData    = 1024
	fuzzDataLen = 16 << 10
	fuzzText    = fuzzData + fuzzDataLen
	fuzzScratch = 24 << 10
	fuzzMaxCall = 4
)

// fuzzSource is a kernel with a buffer, a value and a local argument that
// touches nothing, so that enqueuing it is quick and harmless whatever the
// arguments; fuzzTexts are the NUL-terminated strings at fuzzText.
const fuzzSource = "__kernel void k(__global int *a, int n, __local float *l) { }"

var fuzzTexts = []string{fuzzSource, "k", "nope", "-cl-std=CL1.2", "-bogus-option"}

// fuzzPlan lists the bridge's functions by their table, so that a new one
// is fuzzed with no change here.
var fuzzPlan = sync.OnceValue(func() []guestfuzz.Func {
	var fs []guestfuzz.Func
	for _, g := range groups {
		for _, f := range g.functions {
			types, _ := f.signature()
			fs = append(fs, guestfuzz.Func{Name: f.name, Params: types})
		}
	}
	return fs
})

// fuzzFunction returns the table entry of name.
func fuzzFunction(name string) function {
	for _, g := range groups {
		for _, f := range g.functions {
			if f.name == name {
				return f
			}
		}
	}
	panic("no OpenCL function " + name)
}

// fuzzBridge is a bridge on PoCL (or whatever ICD the node has) with one
// object of each kind the guest can create: the live handles of each input.
type fuzzBridge struct {
	*Bridge
	mem   []byte
	stack []uint64
	base  map[string]uint32
}

func (fb *fuzzBridge) call(name string, params ...uint64) uint32 {
	clear(fb.stack)
	copy(fb.stack, params)
	fuzzFunction(name).fn(fb.Bridge, fb.stack)
	return uint32(fb.stack[0])
}

// texts writes fuzzTexts at fuzzText and returns their addresses.
func (fb *fuzzBridge) texts() []uint32 {
	var at []uint32
	off := uint32(fuzzText)
	for _, s := range fuzzTexts {
		at = append(at, off)
		off += uint32(copy(fb.mem[off:], s+"\x00"))
	}
	return at
}

// ensureBase creates what the last input released (or all of it, at the
// start): a platform and device, a context, a queue, a plain buffer and
// one that uses guest memory, a built program, its kernel and an event.
func (fb *fuzzBridge) ensureBase(tb testing.TB) {
	live := func(kind string, owns func(uint32) bool) bool {
		h, ok := fb.base[kind]
		return ok && owns(h)
	}
	text := fb.texts()
	s := uint64(fuzzScratch)
	put := func(off uint64, v uint32) { binary.LittleEndian.PutUint32(fb.mem[off:], v) }
	get := func(off uint64) uint32 { return binary.LittleEndian.Uint32(fb.mem[off:]) }
	must := func(what string, h uint32) uint32 {
		if h == 0 || int32(get(s+60)) != 0 {
			tb.Fatalf("%s: handle %#x, error %d", what, h, int32(get(s+60)))
		}
		return h
	}
	if !live("platform", fb.platforms.Owns) || !live("device", fb.devices.Owns) {
		if rc := fb.call("clGetPlatformIDs", 1, s, 0); rc != 0 {
			tb.Skipf("no OpenCL platform (%d): the fuzz test needs one (PoCL: scripts/install-deps.sh)", int32(rc))
		}
		fb.base["platform"] = get(s)
		if rc := fb.call("clGetDeviceIDs", uint64(get(s)), 0xffffffff, 1, s+4, 0); rc != 0 {
			tb.Fatalf("clGetDeviceIDs: %d", int32(rc))
		}
		fb.base["device"] = get(s + 4)
	}
	dev := uint64(fb.base["device"])
	put(s+4, uint32(dev))
	put(s+60, 0)
	if !live("context", fb.contexts.Owns) {
		fb.base["context"] = must("clCreateContext", fb.call("clCreateContext", 0, 1, s+4, 0, 0, s+60))
		delete(fb.base, "program") // of the old context
	}
	ctx := uint64(fb.base["context"])
	if !live("queue", fb.queues.Owns) {
		fb.base["queue"] = must("clCreateCommandQueue", fb.call("clCreateCommandQueue", ctx, dev, 0, s+60))
	}
	if !live("buffer", fb.mems.Owns) {
		fb.base["buffer"] = must("clCreateBuffer", fb.call("clCreateBuffer", ctx, 1, 4096, 0, s+60))
	}
	if !live("hostbuffer", fb.mems.Owns) {
		fb.base["hostbuffer"] = must("clCreateBuffer", fb.call("clCreateBuffer", ctx, clMemUseHostPtr|1, 4096, fuzzData+4096, s+60))
	}
	if !live("program", fb.programs.Owns) {
		put(s+8, text[0])
		fb.base["program"] = must("clCreateProgramWithSource", fb.call("clCreateProgramWithSource", ctx, 1, s+8, 0, s+60))
		if rc := fb.call("clBuildProgram", uint64(fb.base["program"]), 0, 0, 0, 0, 0); rc != 0 {
			tb.Fatalf("clBuildProgram: %d", int32(rc))
		}
		delete(fb.base, "kernel")
	}
	if !live("kernel", fb.kernels.Owns) {
		fb.base["kernel"] = must("clCreateKernel", fb.call("clCreateKernel", uint64(fb.base["program"]), uint64(text[1]), s+60))
	}
	if !live("event", fb.events.Owns) {
		if rc := fb.call("clEnqueueMarkerWithWaitList", uint64(fb.base["queue"]), 0, 0, s+12); rc != 0 {
			tb.Fatalf("clEnqueueMarkerWithWaitList: %d", int32(rc))
		}
		fb.base["event"] = get(s + 12)
	}
}

// cleanup finishes every queue and releases every object the input made
// that is not one of the base objects, so inputs do not depend on each
// other.
func (fb *fuzzBridge) cleanup() {
	for _, q := range fb.queues.Handles() {
		fb.call("clFinish", uint64(q))
	}
	base := map[uint32]bool{}
	for _, h := range fb.base {
		base[h] = true
	}
	release := func(name string, hs []uint32, owns func(uint32) bool) {
		for _, h := range hs {
			for i := 0; i < 64 && !base[h] && owns(h); i++ {
				fb.call(name, uint64(h))
			}
		}
	}
	release("clReleaseEvent", fb.events.Handles(), fb.events.Owns)
	release("clReleaseKernel", fb.kernels.Handles(), fb.kernels.Owns)
	release("clReleaseProgram", fb.programs.Handles(), fb.programs.Owns)
	release("clReleaseMemObject", fb.mems.Handles(), fb.mems.Owns)
	release("clReleaseCommandQueue", fb.queues.Handles(), fb.queues.Owns)
	release("clReleaseContext", fb.contexts.Handles(), fb.contexts.Owns)
	clear(fb.maps)
}

// live returns a handle chosen by v: one of a live object, one of a live
// object with its slot changed (stale or forged), or one of another kind.
func (fb *fuzzBridge) live(v uint32) uint32 {
	var hs []uint32
	for _, t := range [][]uint32{fb.platforms.Handles(), fb.devices.Handles(), fb.contexts.Handles(), fb.queues.Handles(),
		fb.mems.Handles(), fb.programs.Handles(), fb.kernels.Handles(), fb.events.Handles()} {
		hs = append(hs, t...)
	}
	if len(hs) == 0 {
		return v
	}
	h := hs[int(v>>8)%len(hs)]
	switch v % 8 {
	case 6:
		return h + 1 + v>>16&0xff // a slot nothing holds, likely
	case 7:
		return uint32(handle.CLPlatform+handle.Kind(v>>4%8))<<24 | h&0xffffff // the slot, under some kind
	}
	return h
}

// skip says which planned calls the harness does not make, keeping an
// input quick: a kernel enqueued over more than 64 Ki work items, and a
// buffer of more than 1 MiB the driver would allocate (a guest asking for
// big ones runs natively too; the bridge passes the size on unchanged).
func (fb *fuzzBridge) skip(c guestfuzz.Call) bool {
	switch c.Name {
	case "clEnqueueNDRangeKernel":
		dim, glob := uint32(c.Params[2]), uint32(c.Params[4])
		if dim < 1 || dim > 3 || glob == 0 || uint64(glob)+4*uint64(dim) > uint64(len(fb.mem)) {
			return false
		}
		items := uint64(1)
		for i := range dim {
			items *= uint64(binary.LittleEndian.Uint32(fb.mem[glob+4*i:]))
		}
		return items > 1<<16
	case "clCreateBuffer":
		return c.Params[1]&clMemUseHostPtr == 0 && uint32(c.Params[2]) > 1<<20
	}
	return false
}

// fuzzMemory returns a guest memory between guard pages and a module
// that has it, for one test.
func fuzzMemory(tb testing.TB) (*guestfuzz.Memory, api.Module) {
	gm, err := guestfuzz.NewMemory(fuzzMem)
	if err != nil {
		tb.Fatal(err)
	}
	mod, err := gm.Module(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return gm, mod
}

// newFuzzBridge returns a bridge attached to mod, with its base objects;
// without an OpenCL platform the test is skipped.
func newFuzzBridge(tb testing.TB, mem []byte, mod api.Module) *fuzzBridge {
	fb := &fuzzBridge{Bridge: New(nil), mem: mem, stack: make([]uint64, 16), base: map[string]uint32{}}
	fb.Attach(mod)
	if !fb.ready() {
		tb.Skipf("no OpenCL library: %v", fb.loadErr)
	}
	fb.ensureBase(tb)
	return fb
}

// TestBufferZeroed: a buffer made without a host pointer reads back as
// zeros, not as what the driver's allocation held before (on a CPU device
// that is this process's freed heap), and CL_MEM_FLAGS reports the flags
// the guest gave.
func TestBufferZeroed(t *testing.T) {
	gm, mod := fuzzMemory(t)
	fb := newFuzzBridge(t, gm.Bytes, mod)
	ctx, q := uint64(fb.base["context"]), uint64(fb.base["queue"])
	const s = fuzzScratch
	for round := range 16 {
		size := uint64(64 << (round % 8))
		for _, flags := range []uint64{1, 1 | clMemAllocHostPtr} {
			m := fb.call("clCreateBuffer", ctx, flags, size, 0, s)
			require.NotZero(t, m)
			clear(gm.Bytes[fuzzData : fuzzData+size])
			gm.Bytes[fuzzData] = 0xaa
			require.Zero(t, fb.call("clEnqueueReadBuffer", q, uint64(m), 1, 0, size, fuzzData, 0, 0, 0))
			require.Equal(t, make([]byte, size), gm.Bytes[fuzzData:fuzzData+size], "buffer %d of %d bytes", round, size)
			require.Zero(t, fb.call("clGetMemObjectInfo", uint64(m), clMemFlags, 8, s+8, 0))
			require.Equal(t, flags, binary.LittleEndian.Uint64(gm.Bytes[s+8:]))
			// Garbage for the next allocation to find.
			require.Zero(t, fb.call("clEnqueueFillBuffer", q, uint64(m), s+8, 8, 0, size, 0, 0, 0))
			require.Zero(t, fb.call("clFinish", q))
			require.Zero(t, fb.call("clReleaseMemObject", uint64(m)))
		}
	}
}

// FuzzBridge calls up to four OpenCL host functions, picked from the
// bridge's own table, on the node's OpenCL (PoCL's CPU device in CI), with
// arguments drawn from the input: raw values, offsets into guest memory,
// near and past its end, live handles of every kind (a context, queue,
// buffers, a built program, a kernel, an event, and what the input
// creates), stale and wrong-kind handles, small, negative and huge sizes.
// The guest memory lies between guard pages, so a host access just outside
// it faults; after each call no host address may be in it. Nothing may
// panic but the one guest trap of the API: clBuildProgram calling a
// pfn_notify that is no function of the guest's table.
func FuzzBridge(f *testing.F) {
	gm, mod := fuzzMemory(f)
	fb := newFuzzBridge(f, gm.Bytes, mod)
	args := guestfuzz.Args{MemSize: fuzzMem, Data: fuzzData, DataLen: fuzzDataLen,
		Predef: append(fb.texts(), 0, 1, 2, 4, 0xffffffff, 0x1000, 0x1001, 0x1002, 0x1004, 0x1030, 0x1101, 0x1181, 0x1182, 0x1190, 0x11b0,
			clMemUseHostPtr|1, clMemCopyHostPtr|1, clMemAllocHostPtr, clMapWrite, clMapWriteInvalidRegion),
		Live: fb.live}
	for _, seed := range fuzzSeeds(fb) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		fb.ensureBase(t)
		in := guestfuzz.NewInput(input)
		calls := args.Plan(in, fuzzMaxCall, fuzzPlan())
		args.Fill(fb.mem, in)
		fb.texts()
		guestfuzz.Run(t, fb.mem, calls, func(c guestfuzz.Call) uint64 {
			if fb.skip(c) {
				return 0
			}
			defer func() {
				if r := recover(); r != nil {
					if c.Name == "clBuildProgram" && uint32(c.Params[4]) != 0 {
						return // the guest traps: its pfn_notify is no function
					}
					t.Fatalf("%v panicked: %v", c, r)
				}
			}()
			clear(fb.stack)
			copy(fb.stack, c.Params)
			fuzzFunction(c.Name).fn(fb.Bridge, fb.stack)
			return fb.stack[0]
		})
		fb.cleanup()
	})
}

// fuzzSeeds are inputs that reach past the checks of a few functions; the
// committed corpus in testdata/fuzz/FuzzBridge holds more.
func fuzzSeeds(fb *fuzzBridge) [][]byte {
	names := fuzzPlan()
	text := fb.texts()
	const raw, live = 0, 6
	enc := func(calls ...[]any) []byte {
		out := []byte{byte(len(calls) - 1)}
		for _, c := range calls {
			idx := slices.IndexFunc(names, func(f guestfuzz.Func) bool { return f.Name == c[0].(string) })
			if idx < 0 {
				panic("no function " + c[0].(string))
			}
			out = append(out, byte(idx), byte(idx>>8))
			for _, p := range c[1:] {
				sel, v := byte(raw), uint32(0)
				switch p := p.(type) {
				case int:
					v = uint32(p)
				case uint32:
					v = p
				case string: // a base object, by kind
					sel, v = live, fb.base[p]
				}
				if sel == live { // the index of the base handle among the live ones
					hs := []uint32{}
					for _, t := range [][]uint32{fb.platforms.Handles(), fb.devices.Handles(), fb.contexts.Handles(), fb.queues.Handles(),
						fb.mems.Handles(), fb.programs.Handles(), fb.kernels.Handles(), fb.events.Handles()} {
						hs = append(hs, t...)
					}
					v = uint32(slices.Index(hs, v)) << 8
				}
				out = append(out, sel, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
			}
		}
		return append(out, 0)
	}
	return [][]byte{
		enc([]any{"clEnqueueWriteBuffer", "queue", "buffer", 1, 4000, 200, fuzzData, 0, 0, 0}),
		enc([]any{"clEnqueueReadBuffer", "queue", "hostbuffer", 1, 0, 4096, fuzzMem - 100, 0, 0, 0}),
		enc([]any{"clSetKernelArg", "kernel", 0, 4, fuzzScratch + 4},
			[]any{"clSetKernelArg", "kernel", 2, 64, 0},
			[]any{"clEnqueueNDRangeKernel", "queue", "kernel", 1, 0, fuzzData, 0, 0, 0, fuzzData + 16}),
		enc([]any{"wasmrun_clEnqueueMapBuffer", "queue", "buffer", 1, clMapWrite, 0, 0, 64, 0, 0, 0, 0, fuzzData},
			[]any{"wasmrun_clEnqueueUnmapMemObject", "queue", "buffer", fuzzData, 0, 0, 0, fuzzData + 64}),
		enc([]any{"clGetDeviceInfo", "device", 0x1030, 64, fuzzMem - 8, fuzzData}),
		enc([]any{"clGetProgramInfo", "program", 0x1166, 8, fuzzData, fuzzData + 8}),
		enc([]any{"clCreateKernel", "program", text[2], fuzzData}, []any{"clCreateKernelsInProgram", "program", 4, fuzzData, fuzzData + 16}),
		enc([]any{"clBuildProgram", "program", 1, fuzzMem - 2, text[4], 0, 0}),
		enc([]any{"clEnqueueCopyBuffer", "queue", "buffer", "hostbuffer", 4000, 0, 200, 0, 0, 0}),
		enc([]any{"clEnqueueFillBuffer", "queue", "buffer", fuzzData, 8, 8, 4088, 1, fuzzData + 4, 0}),
		enc([]any{"clWaitForEvents", 2, fuzzData}, []any{"clGetEventProfilingInfo", "event", 0x1280, 8, fuzzData, 0}),
		enc([]any{"clCreateContextFromType", fuzzData, 0xffffffff, 0, 0, 0, fuzzData + 64}),
	}
}
