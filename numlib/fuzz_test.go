package numlib

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/tetratelabs/wazero/sys"
	"github.com/wasmrun/wasmrun/internal/guestfuzz"
	"github.com/wasmrun/wasmrun/internal/handle"
)

// The guest memory of FuzzBridge: the input fills [fuzzData,
// fuzzData+fuzzDataLen), the rest is the pattern guestfuzz.Fill writes;
// fuzzText holds FFTW wisdom.
const (
	fuzzMem     = 2 << 16
	fuzzData    = 1024
	fuzzDataLen = 32 << 10
	fuzzText    = fuzzData + fuzzDataLen
	fuzzMaxCall = 4
	// fuzzMaxWork bounds the elements an FFTW plan transforms (n times
	// howmany) that the harness lets through: with a stride or distance of
	// 0 every transform fits in a few bytes of guest memory, and FFTW
	// would then plan and run billions of them (natively too).
	fuzzMaxWork = 1 << 20
)

const fuzzWisdom = "(fftw-3.3.10 fftw_wisdom #x0 #x0 #x0 #x0\n  (fftw_codelet_n1_8 0 #x1040 #x1040 #x0 #x0 #x0 #x0)\n)\n"

// fuzzPlan lists every host function of the three modules, from their
// tables, so that a new routine in spec.txt is fuzzed with no change here.
var fuzzPlan = sync.OnceValue(func() []guestfuzz.Func {
	var fs []guestfuzz.Func
	for _, m := range []string{BLASModule, LAPACKModule, FFTWModule} {
		for _, r := range moduleRoutines(m) {
			params, _ := r.signature()
			fs = append(fs, guestfuzz.Func{Name: r.name, Params: params})
		}
	}
	return fs
})

var fuzzRoutines = sync.OnceValue(func() map[string]routine {
	m := map[string]routine{}
	for _, mod := range []string{BLASModule, LAPACKModule, FFTWModule} {
		for _, r := range moduleRoutines(mod) {
			m[r.name] = r
		}
	}
	return m
})

// fuzzFlags is the position of an FFTW planner's flags, by routine.
func fuzzFlags(name string) int {
	for _, p := range []string{"fftw_", "fftwf_"} {
		switch name {
		case p + "plan_many_dft":
			return 13
		case p + "plan_many_dft_r2c", p + "plan_many_dft_c2r":
			return 12
		}
	}
	return 0
}

// fuzzAdjust keeps each input quick, in place of a call's arguments: an
// FFTW planner always estimates (measuring runs transforms for up to
// minutes, by design) and is skipped past fuzzMaxWork elements; FFTW and
// OpenBLAS get at most two threads (the machine is shared). It reports
// whether to make the call.
func fuzzAdjust(c guestfuzz.Call, mem []byte) bool {
	if pos := fuzzFlags(c.Name); pos != 0 {
		c.Params[pos-1] = c.Params[pos-1]&^(1<<3|1<<5) | 1<<6
		rank, n, howmany := int32(c.Params[0]), uint32(c.Params[1]), int64(int32(c.Params[2]))
		if rank < 1 || rank > fftwMaxRank || uint64(n)+4*uint64(rank) > uint64(len(mem)) || howmany < 1 {
			return true // refused by the checks
		}
		work := howmany
		for d := range uint32(rank) {
			work *= max(1, int64(int32(binary.LittleEndian.Uint32(mem[n+4*d:]))))
			if work > fuzzMaxWork {
				return false
			}
		}
		return true
	}
	switch c.Name {
	case "fftw_plan_with_nthreads", "fftwf_plan_with_nthreads", "openblas_set_num_threads":
		return int32(c.Params[0]) <= 2
	}
	return true
}

// FuzzBridge calls up to four CBLAS, LAPACKE and FFTW host functions,
// picked from the bridge's own tables, on the node's libraries (OpenBLAS,
// LAPACKE and FFTW 3 in CI), with arguments drawn from the input: raw
// values, layouts, transposes, option letters, offsets into guest memory
// near and past its end, small, negative and huge dimensions, leading
// dimensions and increments, live, destroyed and forged FFTW plans. The
// guest memory lies between guard regions that reach past any 32-bit
// offset, so an array the checks let through that the host library then
// reads or writes outside guest memory faults. After each call no host
// address may be in guest memory. Nothing may panic but the bridge's exit
// on FFTW plan misuse (one line, exit status 1, by design).
func FuzzBridge(f *testing.F) {
	os.Setenv("OPENBLAS_NUM_THREADS", "1")
	os.Setenv("OMP_NUM_THREADS", "1")
	gm, err := guestfuzz.NewMemory(fuzzMem)
	if err != nil {
		f.Fatal(err)
	}
	mod, err := gm.Module(context.Background())
	if err != nil {
		f.Fatal(err)
	}
	b := New(io.Discard, nil, Libraries{})
	b.Attach(mod)
	for _, l := range []*library{&b.blas, &b.lapack, &b.fftw[0], &b.fftw[1]} {
		if err := l.load(); err != nil {
			f.Skipf("the fuzz test needs BLAS, LAPACKE and FFTW (scripts/install-deps.sh): %v", err)
		}
	}
	live := func(v uint32) uint32 {
		hs := b.plans.Handles()
		if len(hs) == 0 || v%4 == 3 {
			return uint32(handle.FFTWPlan)<<24 | (v>>8)%4 + 1 // forged or destroyed
		}
		return hs[int(v>>8)%len(hs)]
	}
	args := guestfuzz.Args{MemSize: fuzzMem, Data: fuzzData, DataLen: fuzzDataLen,
		Predef: []uint32{fuzzText, 101, 102, 111, 112, 113, 121, 122, 131, 132, 141, 142,
			'N', 'T', 'C', 'U', 'L', 'A', 'V', 'S', 'O', 'E', 'B', 'I', 0xffffffff, 1, 1 << 6},
		Live: live}
	for _, seed := range fuzzSeeds() {
		f.Add(seed)
	}
	stack := make([]uint64, 16)
	f.Fuzz(func(t *testing.T, input []byte) {
		in := guestfuzz.NewInput(input)
		calls := args.Plan(in, fuzzMaxCall, fuzzPlan())
		args.Fill(gm.Bytes, in)
		copy(gm.Bytes[fuzzText:], fuzzWisdom+"\x00")
		guestfuzz.Run(t, gm.Bytes, calls, func(c guestfuzz.Call) uint64 {
			if !fuzzAdjust(c, gm.Bytes) {
				return 0
			}
			defer func() {
				if r := recover(); r != nil {
					var exit *sys.ExitError
					if err, ok := r.(error); ok && errors.As(err, &exit) && exit.ExitCode() == 1 {
						return // the bridge ends the guest on plan misuse
					}
					t.Fatalf("%v panicked: %v", c, r)
				}
			}()
			clear(stack)
			copy(stack, c.Params)
			fuzzRoutines()[c.Name].fn(b, stack)
			return stack[0]
		})
		b.plans.Each(func(h uint32, _ *plan) {
			destroy := "fftw_destroy_plan"
			if p, _ := b.plans.Get(h); p.single != 0 {
				destroy = "fftwf_destroy_plan"
			}
			clear(stack)
			stack[0] = uint64(h)
			fuzzRoutines()[destroy].fn(b, stack)
		})
	})
}

// fuzzSeeds are valid calls of a few routines, which the fuzzer mutates
// into invalid ones; the committed corpus in testdata/fuzz/FuzzBridge
// holds more.
func fuzzSeeds() [][]byte {
	enc := func(calls ...[]any) []byte {
		out := []byte{byte(len(calls) - 1)}
		for _, c := range calls {
			idx := slices.IndexFunc(fuzzPlan(), func(f guestfuzz.Func) bool { return f.Name == c[0].(string) })
			if idx < 0 {
				panic("no routine " + c[0].(string))
			}
			out = append(out, byte(idx), byte(idx>>8))
			for _, p := range c[1:] {
				var v uint64
				switch p := p.(type) {
				case int:
					v = uint64(uint32(p))
				case rune:
					v = uint64(p)
				case float64:
					v = uint64(int64(p)) // small integral values only
					if p == 1 {
						v = 0x3ff0000000000000
					}
				}
				out = append(out, 0, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
				if _, ok := p.(float64); ok {
					out = append(out, 0, byte(v>>32), byte(v>>40), byte(v>>48), byte(v>>56))
				}
			}
		}
		// The data area: small integers as ints and doubles.
		data := []byte{0}
		for i := range 64 {
			data = binary.LittleEndian.AppendUint32(data, uint32(i%7+1))
		}
		return append(out, data...)
	}
	const d = fuzzData
	return [][]byte{
		enc([]any{"cblas_ddot", 8, d, 1, d + 64, 1}, []any{"cblas_daxpy", 8, 1.0, d, -1, d + 128, 2}),
		enc([]any{"cblas_dgemm", 101, 111, 112, 4, 4, 4, 1.0, d, 4, d + 256, 4, 1.0, d + 512, 4}),
		enc([]any{"cblas_zgbmv", 102, 113, 6, 6, 1, 2, d, d + 16, 4, d + 1024, 1, d, d + 2048, 1}),
		enc([]any{"cblas_dtpsv", 101, 121, 111, 131, 8, d, d + 512, 1}),
		enc([]any{"LAPACKE_dgesv", 101, 4, 1, d, 4, d + 256, d + 512, 1}),
		enc([]any{"LAPACKE_dsyev", 102, 'V', 'U', 4, d, 4, d + 256}),
		enc([]any{"fftw_plan_many_dft", 1, d, 1, d + 64, 0, 1, 0, d + 1024, 0, 1, 0, -1, 1 << 6},
			[]any{"fftw_execute", int(handle.FFTWPlan)<<24 | 1}, []any{"fftw_execute_dft", int(handle.FFTWPlan)<<24 | 1, d + 128, d + 1088}),
		enc([]any{"fftwf_plan_many_dft_r2c", 2, d, 3, d + 64, d + 8, 2, 40, d + 2048, 0, 1, 32, 1 << 6},
			[]any{"fftwf_execute_dft_r2c", int(handle.FFTWPlan)<<24 | 1, d + 64, d + 2048}),
		enc([]any{"fftw_import_wisdom_from_string", fuzzText}, []any{"wasmrun_fftw_export_wisdom", d, 4096}),
	}
}
