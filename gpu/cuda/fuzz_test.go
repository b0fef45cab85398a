package cuda

import (
	"bytes"
	"context"
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tetratelabs/wazero/api"
	"github.com/wasmrun/wasmrun/internal/guestfuzz"
	"github.com/wasmrun/wasmrun/internal/handle"
)

// The guest memory of FuzzBridge: the input fills [fuzzData,
// fuzzData+fuzzDataLen); fuzzText (PTX, a kernel name) sits above.
const (
	fuzzMem     = 2 << 16
	fuzzData    = 1024
	fuzzDataLen = 16 << 10
	fuzzText    = fuzzData + fuzzDataLen
	fuzzMaxCall = 6
)

var fuzzTexts = []string{
	".version 7.0\n.target sm_50\n.address_size 64\n.visible .entry k(.param .u64 p, .param .align 16 .b8 s[24])\n{\n ret;\n}\n",
	"k", "\x7fELF\x02\x01", "",
}

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

// fuzzFunctions are the table entries by name.
var fuzzFunctions = sync.OnceValue(func() map[string]function {
	m := map[string]function{}
	for _, g := range groups {
		for _, f := range g.functions {
			m[f.name] = f
		}
	}
	return m
})

// fuzzHandle returns a handle of some CUDA kind: none is live without a
// driver, so each is forged.
func fuzzHandle(v uint32) uint32 {
	return uint32(handle.CUContext+handle.Kind(v%5))<<24 | (v>>8)%4 + 1
}

// FuzzBridge calls up to six CUDA host functions, picked from the bridge's
// own table, with the driver missing (no node in CI has one; the GPU
// device check runs the bridge on a real one), with arguments drawn from
// the input: raw values, offsets into guest memory, near and past its
// end, forged handles of every CUDA kind, PTX text, cubin images, JIT
// option arrays, small, negative and huge sizes. The guest memory lies
// between guard pages, so a host access just outside it faults. Each call
// must refuse with CUDA_ERROR_NO_DEVICE (cuInit), CUDA_ERROR_NOT_INITIALIZED
// or an argument error of the bridge's own checks, which run first, and
// must leave guest memory untouched; only cuDriverGetVersion succeeds, and
// writes a version of 0.
func FuzzBridge(f *testing.F) {
	gm, err := guestfuzz.NewMemory(fuzzMem)
	if err != nil {
		f.Fatal(err)
	}
	mod, err := gm.Module(context.Background())
	if err != nil {
		f.Fatal(err)
	}
	b := New(nil)
	b.library = "/nonexistent/libcuda.so.1"
	b.Attach(mod)
	var text []uint32
	off := uint32(fuzzText)
	for _, s := range fuzzTexts {
		text = append(text, off)
		off += uint32(len(s)) + 1
	}
	args := guestfuzz.Args{MemSize: fuzzMem, Data: fuzzData, DataLen: fuzzDataLen,
		Predef: append(text, 0, 1, 2, 3, 4, 5, 6, 0xffffffff), Live: fuzzHandle}
	for _, seed := range fuzzSeeds(text) {
		f.Add(seed)
	}
	stack := make([]uint64, 16)
	f.Fuzz(func(t *testing.T, input []byte) {
		in := guestfuzz.NewInput(input)
		calls := args.Plan(in, fuzzMaxCall, fuzzPlan())
		args.Fill(gm.Bytes, in)
		for i, off := range text {
			copy(gm.Bytes[off:], fuzzTexts[i]+"\x00")
		}
		before := make([]byte, fuzzMem)
		guestfuzz.Run(t, gm.Bytes, calls, func(c guestfuzz.Call) uint64 {
			copy(before, gm.Bytes)
			clear(stack)
			copy(stack, c.Params)
			rc := fuzzFunctions()[c.Name].fn(b, stack)
			switch {
			case c.Name == "cuDriverGetVersion" && rc == cuSuccess:
				off := uint32(c.Params[0])
				if binary.LittleEndian.Uint32(gm.Bytes[off:]) != 0 {
					t.Fatalf("%v: version %d without a driver", c, binary.LittleEndian.Uint32(gm.Bytes[off:]))
				}
				copy(gm.Bytes[off:off+4], before[off:])
			case c.Name == "cuInit" && rc != cuNoDevice:
				t.Fatalf("%v = %d without a driver, want CUDA_ERROR_NO_DEVICE", c, rc)
			case rc == cuSuccess:
				t.Fatalf("%v succeeded without a driver", c)
			case !strings.HasPrefix(errName(rc), "CUDA_ERROR_"):
				t.Fatalf("%v = %d, no CUDA error", c, rc)
			}
			if !bytes.Equal(before, gm.Bytes) {
				i := 0
				for before[i] == gm.Bytes[i] {
					i++
				}
				t.Fatalf("%v = %d wrote guest memory at %#x without a driver", c, rc, i)
			}
			return uint64(rc)
		})
	})
}

// fuzzSeeds reach past the argument checks of a few functions.
func fuzzSeeds(text []uint32) [][]byte {
	enc := func(calls ...[]any) []byte {
		out := []byte{byte(len(calls) - 1)}
		for _, c := range calls {
			idx := slices.IndexFunc(fuzzPlan(), func(f guestfuzz.Func) bool { return f.Name == c[0].(string) })
			if idx < 0 {
				panic("no function " + c[0].(string))
			}
			out = append(out, byte(idx), byte(idx>>8))
			for j, p := range c[1:] {
				v := uint32(p.(int))
				out = append(out, 0, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
				if fuzzPlan()[idx].Params[j] == api.ValueTypeI64 {
					out = append(out, 0, 0, 0, 0, 0) // the high half
				}
			}
		}
		return append(out, 0)
	}
	return [][]byte{
		enc([]any{"cuInit", 0}, []any{"cuDriverGetVersion", fuzzData}, []any{"cuDeviceGetCount", fuzzData + 4}),
		enc([]any{"cuModuleLoadData", fuzzData, int(text[0])}, []any{"cuModuleLoadData", fuzzData, int(text[2])}),
		enc([]any{"cuModuleLoadDataEx", fuzzData, int(text[0]), 3, fuzzData + 16, fuzzData + 32}),
		enc([]any{"cuDeviceGetName", fuzzData, 256, 0}, []any{"cuDeviceGetName", fuzzMem - 8, 256, 0}),
		enc([]any{"cuMemcpyHtoD", 0x1000, fuzzData, 1 << 20}, []any{"cuMemcpyDtoH", fuzzMem - 16, 0x1000, 32}),
		enc([]any{"cuLaunchKernel", 0x16000001, 1, 1, 1, 1, 1, 1, 0, 0, fuzzData, 0}),
		enc([]any{"cuEventElapsedTime", fuzzData, 0x18000001, 0x18000002}, []any{"cuStreamCreate", fuzzData, 0}),
	}
}

// FuzzPTX: the parameter lists read from any PTX text (the guest's own
// bytes) are sizes and alignments the launch checks can use: every size
// and alignment above zero, every kernel name a single word.
func FuzzPTX(f *testing.F) {
	for _, s := range []string{fuzzTexts[0], ".entry k(.param .b8 s[4294967295])", ".entry k(.param .align 0 .u32 a)",
		".entry k(.param .u32 a[", ".entry k(.param .u32 a]x[)", "/* .entry", ".entry\n(", ".entry k(,)", ".entry k{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ptx string) {
		for name, params := range ptxEntries(ptx) {
			if name == "" || strings.ContainsAny(name, " \t\r\n;({") {
				t.Fatalf("kernel name %q", name)
			}
			for _, p := range params {
				if p.size == 0 || p.align == 0 {
					t.Fatalf("%s: parameter %+v", name, p)
				}
			}
		}
	})
}
