package mpibridge

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/wasmrun/wasmrun/internal/guestfuzz"
)

// process is the one MPI bridge of the test process: MPI can be
// initialised once per process, so the unit tests and the fuzz tests share
// it, and TestMain finalises it after all of them.
var process struct {
	once sync.Once
	b    *Bridge
	mem  api.Memory
	err  error
}

// fixedMemory is a wasm module that defines one 64 KiB memory that cannot
// grow, and nothing else.
var fixedMemory = []byte{0, 'a', 's', 'm', 1, 0, 0, 0, 5, 4, 1, 1, 1, 1}

// guest returns the process's bridge, attached to a 64 KiB guest memory
// between guard pages (see internal/guestfuzz), with MPI initialised as a
// singleton (the go test process itself).
func guest(t testing.TB) (*Bridge, api.Memory) {
	t.Helper()
	process.once.Do(func() {
		gm, err := guestfuzz.NewMemory(1 << 16)
		if err != nil {
			process.err = err
			return
		}
		ctx := context.Background()
		r := wazero.NewRuntime(ctx)
		mod, err := r.Instantiate(gm.Context(ctx), fixedMemory)
		if err != nil {
			process.err = err
			return
		}
		b := New(Options{Stderr: io.Discard})
		b.load() // $WASMRUN_MPI picks the family, else the first found
		b.Attach(mod)
		s := make([]uint64, 2)
		b.init(s)
		if s[0] != 0 {
			process.err = fmt.Errorf("MPI_Init returned %d", int32(s[0]))
			return
		}
		process.b, process.mem = b, mod.Memory()
	})
	require.NoError(t, process.err)
	return process.b, process.mem
}

func TestMain(m *testing.M) {
	code := m.Run()
	if b := process.b; b != nil {
		// MPI_Finalize once every test has run, then the bridge refuses calls.
		stack := make([]uint64, 16)
		if rc := call(b, find("MPI_Finalize"), stack); rc != 0 {
			fmt.Fprintf(os.Stderr, "MPI_Finalize returned %d\n", rc)
			code = 1
		}
		if rc := call(b, find("MPI_Send"), stack, 1024, 1, typeInt, 0, 0, commSelf); rc != errOther {
			fmt.Fprintf(os.Stderr, "MPI_Send after MPI_Finalize returned %d, want MPI_ERR_OTHER\n", rc)
			code = 1
		}
	}
	os.Exit(code)
}

// call runs one host function the way wazero would, with the given
// parameters, and returns its result.
func call(b *Bridge, fn func(*Bridge, []uint64), stack []uint64, params ...uint64) int32 {
	copy(stack, params)
	fn(b, stack)
	return int32(stack[0])
}

// Negative int arguments as the wasm stack carries them.
const (
	pnull = uint64(0xfffffffd) // MPI_PROC_NULL (-3)
	neg1  = uint64(0xffffffff)
	neg16 = uint64(0xfffffff0)
)

func find(name string) func(*Bridge, []uint64) {
	for _, g := range chapters {
		for _, f := range g.functions {
			if f.name == name {
				return f.fn
			}
		}
	}
	panic("no host function " + name)
}

// TestBridge covers the hot path and the checks with the real host MPI, in
// one MPI_Init/MPI_Finalize (a process can initialise MPI once).
func TestBridge(t *testing.T) {
	b, mem := guest(t)
	stack := make([]uint64, 16)
	const (
		buf    = 1024
		buf2   = 2048
		status = 4096
		req    = 4200
		reqs   = 4300
		out    = 4400
	)
	send, recv := find("MPI_Send"), find("MPI_Recv")
	isend, irecv, waitall := find("MPI_Isend"), find("MPI_Irecv"), find("MPI_Waitall")
	allreduce := find("MPI_Allreduce")

	t.Run("no allocation on the call path", func(t *testing.T) {
		for name, f := range map[string]func(){
			"MPI_Send to MPI_PROC_NULL": func() {
				call(b, send, stack, buf, 8, typeByte, pnull, 0, commWorld)
			},
			"MPI_Recv from MPI_PROC_NULL": func() {
				call(b, recv, stack, buf, 8, typeByte, pnull, 0, commWorld, status)
			},
			"MPI_Isend/Irecv/Waitall to self": func() {
				call(b, irecv, stack, buf2, 4, typeInt, 0, 7, commSelf, reqs)
				call(b, isend, stack, buf, 4, typeInt, 0, 7, commSelf, reqs+4)
				call(b, waitall, stack, 2, reqs, statusIgnore)
			},
			"MPI_Allreduce on MPI_COMM_SELF": func() {
				call(b, allreduce, stack, buf, buf2, 4, typeDouble, opSum, commSelf)
			},
		} {
			require.Zero(t, testing.AllocsPerRun(1000, f), name)
		}
	})

	t.Run("status of a PROC_NULL receive", func(t *testing.T) {
		require.Zero(t, call(b, recv, stack, buf, 8, typeByte, pnull, 0, commWorld, status))
		st, _ := mem.Read(status, statusBytes)
		require.Equal(t, int32(procNull), int32(binary.LittleEndian.Uint32(st[0:])))
		require.Equal(t, int32(anyTag), int32(binary.LittleEndian.Uint32(st[4:])))
		require.Zero(t, binary.LittleEndian.Uint32(st[12:]), "count")
	})

	t.Run("messages arrive and requests are freed", func(t *testing.T) {
		mem.WriteUint32Le(buf, 0xdeadbeef)
		require.Zero(t, call(b, irecv, stack, buf2, 1, typeInt, 0, 3, commSelf, req))
		h, _ := mem.ReadUint32Le(req)
		require.NotEqual(t, uint32(requestNull), h)
		require.Zero(t, call(b, send, stack, buf, 1, typeInt, 0, 3, commSelf))
		require.Zero(t, call(b, find("MPI_Wait"), stack, req, status))
		v, _ := mem.ReadUint32Le(buf2)
		require.Equal(t, uint32(0xdeadbeef), v)
		h, _ = mem.ReadUint32Le(req)
		require.Equal(t, uint32(requestNull), h)
		require.Zero(t, b.reqs.Len())
		require.Zero(t, call(b, find("MPI_Get_count"), stack, status, typeInt, out))
		n, _ := mem.ReadUint32Le(out)
		require.Equal(t, uint32(1), n)
	})

	// Bad input, with MPI_ERRORS_RETURN on MPI_COMM_WORLD and MPI_COMM_SELF.
	require.Zero(t, call(b, find("MPI_Comm_set_errhandler"), stack, commWorld, errorsReturn))
	require.Zero(t, call(b, find("MPI_Comm_set_errhandler"), stack, commSelf, errorsReturn))
	t.Run("one-sided, I/O and info", func(t *testing.T) { testRMAIO(t, b, mem) })
	size := uint64(mem.Size())
	for _, tc := range []struct {
		name   string
		fn     string
		params []uint64
		class  int32
	}{
		{"buffer past the end", "MPI_Send", []uint64{size - 8, 4, typeInt, 0, 0, commSelf}, errBuffer},
		{"whole extent is checked", "MPI_Send", []uint64{size - 16, 3, typeDouble, 0, 0, commSelf}, errBuffer},
		{"far pointer", "MPI_Recv", []uint64{0xfffffff0, 1, typeByte, 0, 0, commSelf, statusIgnore}, errBuffer},
		{"huge count", "MPI_Bcast", []uint64{buf, 0x7fffffff, typeDouble, 0, commSelf}, errBuffer},
		{"negative count", "MPI_Send", []uint64{buf, neg1, typeInt, 0, 0, commSelf}, errCount},
		{"datatype null", "MPI_Send", []uint64{buf, 1, datatypeNull, 0, 0, commSelf}, errType},
		{"unknown datatype", "MPI_Send", []uint64{buf, 1, 0x2ff, 0, 0, commSelf}, errType},
		{"comm null", "MPI_Send", []uint64{buf, 1, typeInt, 0, 0, commNull}, errComm},
		{"forged comm", "MPI_Send", []uint64{buf, 1, typeInt, 0, 0, 0x01000077}, errComm},
		{"group handle as comm", "MPI_Barrier", []uint64{0x02000001}, errComm},
		{"bad rank", "MPI_Send", []uint64{buf, 1, typeInt, 5, 0, commSelf}, errRank},
		{"bad tag", "MPI_Send", []uint64{buf, 1, typeInt, 0, neg16, commSelf}, errTag},
		{"bad root", "MPI_Bcast", []uint64{buf, 1, typeInt, 3, commSelf}, errRoot},
		{"bad op", "MPI_Allreduce", []uint64{buf, buf2, 1, typeInt, 0x7f, commSelf}, errOp},
		{"status outside memory", "MPI_Recv", []uint64{buf, 0, typeInt, pnull, 0, commSelf, size - 4}, errArg},
		{"request pointer outside memory", "MPI_Wait", []uint64{size, statusIgnore}, errArg},
		{"forged request", "MPI_Wait", []uint64{buf, statusIgnore}, errRequest},
		{"gatherv block outside memory", "MPI_Gatherv", []uint64{buf, 1, typeInt, buf2, out, out + 4, typeInt, 0, commSelf}, errBuffer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mem.WriteUint32Le(buf, 0x12345) // a forged request handle
			mem.WriteUint32Le(out, 1)
			mem.WriteUint32Le(out+4, 0x7fffffff)
			require.Equal(t, tc.class, call(b, find(tc.fn), stack, tc.params...))
		})
	}
	// MPI_Finalize is checked by TestMain, after the fuzz tests' seeds.
}
