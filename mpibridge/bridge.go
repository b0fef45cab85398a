package mpibridge

// #include "calls.h"
import "C"

import (
	"context"
	"fmt"
	"github.com/wasmrun/wasmrun/internal/guestmem"
	"io"
	"os"
	"strings"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/wasmrun/wasmrun/internal/handle"
	"github.com/wasmrun/wasmrun/internal/yield"
)

// ModuleName is the wasm import module of the guest's MPI functions.
const ModuleName = "wasmrun_mpi"

// Mounts resolves guest paths for MPI-IO through the same mount table as
// WASI file access (wasi.Table), so there is one sandbox rule.
type Mounts interface {
	Resolve(guestPath string) (root *os.Root, rel string, readOnly bool, err error)
}

// Bridge is one process's MPI bridge. It is used by one guest on one OS
// thread (MPI_THREAD_FUNNELED at most).
type Bridge struct {
	stderr  io.Writer
	mounts  Mounts
	greqs   map[int32]greq // generalized requests, by the id the host passes back
	greqSeq int32
	mpi     string    // the --mpi flag
	log     io.Writer // -v diagnostics, or nil
	loaded  bool      // the host MPI's plugin is bound

	ctx             context.Context // of the host call in progress, for callbacks
	guestmem.Memory                 // the guest's linear memory

	initialized, finalized bool
	rank                   int32 // in MPI_COMM_WORLD, -1 before MPI_Init
	provided               int32 // thread level, ABI value

	world, self comm
	comms       *handle.Table[comm]
	groups      *handle.Table[C.uintptr_t]
	dtypes      *handle.Table[dtype]
	users       *handle.Table[userOp]
	callbacks   opCallbacks
	wins        *handle.Table[window]
	files       *handle.Table[file]
	infos       *handle.Table[C.uintptr_t]
	msgs        *handle.Table[C.uintptr_t]
	errhs       *handle.Table[userErrh]
	userCodes   []userCode // added with MPI_Add_error_class/_code
	ext         extra      // one-sided, I/O and info state
	reqs        *handle.Table[C.uintptr_t]
	types       [predefTypeCount]dtype // predefined, by handle - datatypeFirst
	ops         [predefOpCount]C.uintptr_t
	groupEmpty  C.uintptr_t
	hostNull    struct{ comm, group, req C.uintptr_t }

	// Scratch that C writes into: fields of a heap object, so passing their
	// addresses to C allocates nothing.
	outHandle C.uintptr_t
	outInt    [2]C.int
	commInfo  [6]C.int
	empty     [1]C.int // what empty int arrays point at
	// pendingComms maps MPI_Comm_idup requests to the communicators they
	// complete.
	pendingComms map[uint32]uint32
	// keep holds host copies of arguments that a nonblocking call reads
	// until its request (the key) completes.
	keep map[uint32]C.uintptr_t
	// Persistent collectives by guest request, and the state of the one
	// being started: newRequest hands its host request to startPcoll.
	pcolls   map[uint32]*pcoll
	capture  bool
	starting bool // a persistent collective is being started
	captured C.uintptr_t
	lastReq  uint32 // guest handle of the newest request
	name     [maxObjectName + 1]byte
	hostReqs []C.uintptr_t
	collReq  []bool // by request slot: made by a collective (not cancellable)
	bsend    struct{ off, size uint32 }

	ticker yield.Ticker
	limits limits
}

// comm is a communicator the guest can name.
type comm struct {
	host       C.uintptr_t
	errh       uint32 // guest errhandler: errorsAreFatal or errorsReturn
	size, rank int32  // kept so collectives check buffers without asking the host
	// Neighbours in a process topology, for neighbourhood collectives.
	inDeg, outDeg int32
	inter         bool        // an inter-communicator
	remoteSize    int32       // size of the remote group of an inter-communicator
	pending       bool        // created by MPI_Comm_idup and not yet complete
	idupCell      C.uintptr_t // where the host writes it (wr_comm_idup)
	idupInfo      C.uintptr_t // MPI_Comm_idup_with_info's hints, set on completion (0: none)
}

// peers is how many processes a collective on c exchanges blocks with:
// the remote group of an inter-communicator.
func (c *comm) peers() int32 {
	if c.inter {
		return c.remoteSize
	}
	return c.size
}

// dtype is a datatype the guest can name: its host handle, and its size,
// extent and true extent in guest bytes, with which the bridge checks
// buffers. The host type is built from the guest's description with the
// guest's displacements, so the two layouts agree.
type dtype struct {
	host         C.uintptr_t
	size         int64 // bytes of data in one element
	lb, extent   int64 // the stride between elements
	tlb, textent int64 // the bytes one element actually touches
	name         string
	derived      bool
	committed    bool
	env          envelope // how a derived type was built (MPI_Type_get_contents)
	userName     string   // set with MPI_Type_set_name
	named        bool
	pins         int32 // persistent collectives that use it
	freed        bool  // freed by the guest while pinned
	cost         int64 // host bytes counted against limits.typeBytes
}

// Options configure a bridge.
type Options struct {
	Stderr io.Writer // fatal MPI errors
	Mounts Mounts    // MPI-IO opens files through them (nil: none)
	MPI    string    // the host MPI (the --mpi flag; see Choose), loaded at the module's first MPI call
	Log    io.Writer // verbose diagnostics (nil: none)
}

// New returns a bridge.
func New(o Options) *Bridge {
	b := &Bridge{
		stderr: o.Stderr,
		mounts: o.Mounts,
		mpi:    o.MPI,
		log:    o.Log,
		rank:   -1,
		comms:  handle.New[comm](handle.Comm),
		groups: handle.New[C.uintptr_t](handle.Group),
		dtypes: handle.New[dtype](handle.Datatype),
		users:  handle.New[userOp](handle.Op),
		wins:   handle.New[window](handle.Win),
		files:  handle.New[file](handle.File),
		infos:  handle.New[C.uintptr_t](handle.Info),
		msgs:   handle.New[C.uintptr_t](handle.Message),
		errhs:  handle.New[userErrh](handle.Errhandler),
		reqs:   handle.New[C.uintptr_t](handle.Request),
	}
	b.SetMemoryLimit(defaultLimit)
	return b
}

// Name implements embedder.Host.
func (b *Bridge) Name() string { return ModuleName }

// Instantiate implements embedder.Host: it defines every MPI function.
func (b *Bridge) Instantiate(ctx context.Context, r wazero.Runtime) error {
	builder := r.NewHostModuleBuilder(ModuleName)
	for _, group := range chapters {
		for _, f := range group.functions {
			params, names := f.signature()
			results := []api.ValueType{api.ValueTypeI32}
			if f.double {
				results = []api.ValueType{api.ValueTypeF64}
			}
			builder.NewFunctionBuilder().
				WithGoModuleFunction(api.GoModuleFunc(func(ctx context.Context, m api.Module, stack []uint64) {
					if !b.loaded {
						b.load()
						b.Attach(m)
					}
					b.ctx = ctx
					b.ticker.Tick()
					f.fn(b, stack)
				}), params, results).
				WithParameterNames(names...).
				WithName(f.name).
				Export(f.name)
		}
	}
	_, err := builder.Instantiate(ctx)
	return err
}

// load loads the host MPI's plugin at the module's first MPI call; without
// one the run ends with the reason.
func (b *Bridge) load() {
	c, err := Load(b.mpi)
	if err != nil {
		fmt.Fprintf(b.stderr, "wasmrun: the module calls MPI: %v\n", err)
		panic(exitErr(1))
	}
	if b.log != nil {
		fmt.Fprintf(b.log, "wasmrun: MPI: %s plugin over %s (chosen by %s)\n", c.Family, c.Library, c.Why)
	}
	b.loaded = true
}

// Label implements embedder.Labeler: "rank N" once the rank is known.
func (b *Bridge) Label() string {
	if b.rank >= 0 {
		return fmt.Sprintf("rank %d", b.rank)
	}
	for _, v := range []string{"OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK", "SLURM_PROCID"} {
		if r := os.Getenv(v); r != "" {
			return "rank " + r
		}
	}
	return ""
}

// Abort implements embedder.Aborter: after a trap the whole job ends.
func (b *Bridge) Abort(code int) {
	if b.initialized && !b.finalized {
		C.wr_abort(b.world.host, C.int(code))
	}
}

// Functions lists every MPI function the bridge provides, in the order of
// the standard's chapters.
func Functions() []string {
	var names []string
	for _, group := range chapters {
		for _, f := range group.functions {
			names = append(names, f.name)
		}
	}
	return names
}

// function is one host function: its MPI name, its Go implementation and
// its parameters ("name" is an i32; "name:i64" an i64).
type function struct {
	name   string
	fn     func(b *Bridge, stack []uint64)
	params string
	double bool // returns f64 instead of an int error code
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

// chapters are the function tables, one per file, in the order of the
// standard's chapters.
var chapters = []chapter{
	{"environment", envFunctions},
	{"error handlers and codes", errhFunctions},
	{"point to point", pt2ptFunctions},
	{"matched probes", messageFunctions},
	{"persistent requests", persistentFunctions},
	{"collectives", collFunctions},
	{"persistent collectives", pcollFunctions},
	{"topologies", topoFunctions},
	{"communicators", commFunctions},
	{"groups", groupFunctions},
	{"datatypes", datatypeFunctions},
	{"user-defined ops", opFunctions},
	{"one-sided", rmaFunctions},
	{"MPI-IO", ioFunctions},
	{"info", infoFunctions},
}

// chapter is one table of host functions.
type chapter struct {
	name      string
	functions []function
}
