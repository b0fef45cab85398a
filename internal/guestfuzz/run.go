package guestfuzz

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// Func is a host function a fuzz test may call: its name and parameter
// types, from the host module's own function table.
type Func struct {
	Name   string
	Params []api.ValueType
}

// Call is one planned host call: an index into the functions given to
// Plan, their name, and the arguments.
type Call struct {
	Func   int
	Name   string
	Params []uint64
}

func (c Call) String() string { return fmt.Sprintf("%s%v", c.Name, c.Params) }

// Plan decodes 1 to maxCalls calls from in: a count byte, then for each
// call a function (Input.Pick) and one Arg per parameter; a 64-bit
// parameter takes two, the low half first.
func (a *Args) Plan(in *Input, maxCalls int, funcs []Func) []Call {
	calls := make([]Call, int(in.Byte())%maxCalls+1)
	for i := range calls {
		k := in.Pick(len(funcs))
		p := make([]uint64, len(funcs[k].Params))
		for j, ty := range funcs[k].Params {
			p[j] = uint64(a.Next(in))
			if ty == api.ValueTypeI64 || ty == api.ValueTypeF64 {
				p[j] |= uint64(a.Next(in)) << 32
			}
		}
		calls[i] = Call{Func: k, Name: funcs[k].Name, Params: p}
	}
	return calls
}

// Fill fills guest memory for the calls Plan took from in: the next byte
// seeds the pattern, the rest of the input (at most DataLen bytes) goes
// at Data.
func (a *Args) Fill(mem []byte, in *Input) {
	seed := in.Byte()
	rest := in.Rest()
	Fill(mem, seed, int(a.Data), rest[:min(len(rest), int(a.DataLen))])
}

// Debug (FUZZ_DEBUG=1) makes Run print each call and its result on
// stderr: to see what a failing input does.
var Debug = os.Getenv("FUZZ_DEBUG") != ""

// Run makes the calls one after the other with do, which returns the
// call's result. Each call is watched: one that has not returned for a
// minute panics, naming it (a hang is a finding too). After each call,
// Leaks must find no host address written into mem, else t fails. do
// itself decides which panics are allowed outcomes (a guest trap, an exit
// by design) and recovers those.
func Run(t testing.TB, mem []byte, calls []Call, do func(Call) uint64) {
	t.Helper()
	before := make([]byte, len(mem))
	for _, c := range calls {
		copy(before, mem)
		done := Watch(c.Name)
		r := do(c)
		done()
		if Debug {
			fmt.Fprintf(os.Stderr, "%v = %d\n", c, int64(int32(r)))
		}
		leaks, err := Leaks(before, mem)
		if err != nil {
			t.Fatal(err)
		}
		if len(leaks) > 0 {
			t.Fatalf("%v wrote host addresses into guest memory: %s", c, strings.Join(leaks, "; "))
		}
	}
}

var watchdog struct {
	once  sync.Once
	name  atomic.Value
	since atomic.Int64
}

// Watch notes that the host call name starts now; until done is called,
// a minute later the process panics, naming it. Run watches each call;
// a fuzz test watches its own cleanup calls with it.
func Watch(name string) (done func()) {
	watchdog.once.Do(func() {
		go func() {
			for range time.Tick(time.Second) {
				if t := watchdog.since.Load(); t != 0 && time.Since(time.Unix(0, t)) > time.Minute {
					panic(fmt.Sprintf("host call %v has not returned for a minute", watchdog.name.Load()))
				}
			}
		}()
	})
	watchdog.name.Store(name)
	watchdog.since.Store(time.Now().UnixNano())
	return func() { watchdog.since.Store(0) }
}

// Module instantiates, in a runtime of its own, a wasm module that has m
// as its memory, of fixed size and exported as "memory", and nothing else:
// what a bridge attaches to in a fuzz test. Both live as long as the
// process.
func (m *Memory) Module(ctx context.Context) (api.Module, error) {
	pages := uleb(uint32(len(m.Bytes) >> 16))
	mem := append(append([]byte{1, 1}, pages...), pages...) // one memory, min = max
	exp := append([]byte{1, 6}, "memory"...)
	exp = append(exp, 2, 0) // memory 0
	bin := []byte{0, 'a', 's', 'm', 1, 0, 0, 0}
	bin = append(append(append(bin, 5), uleb(uint32(len(mem)))...), mem...)
	bin = append(append(append(bin, 7), uleb(uint32(len(exp)))...), exp...)
	mod, err := wazero.NewRuntime(ctx).Instantiate(m.Context(ctx), bin)
	if err != nil {
		return nil, fmt.Errorf("instantiate guest memory: %w", err)
	}
	return mod, nil
}

func uleb(v uint32) []byte {
	var out []byte
	for {
		b := byte(v & 0x7f)
		if v >>= 7; v == 0 {
			return append(out, b)
		}
		out = append(out, b|0x80)
	}
}
