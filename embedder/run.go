package embedder

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/experimental/table"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"
)

// TrapExitCode is wasmrun's exit code when the guest traps (as a native
// program killed by SIGABRT would exit under a shell).
const TrapExitCode = 134

// stackRedZone: a C stack pointer this close to 0 at a trap means the stack
// (placed first in memory by wasmrun cc) overflowed.
const stackRedZone = 4096

// Host is a host module that a guest may import, such as the MPI bridge.
type Host interface {
	// Name is the import module name the guest uses.
	Name() string
	// Instantiate defines the module's functions in r.
	Instantiate(ctx context.Context, r wazero.Runtime) error
}

// Labeler is implemented by hosts that know who this process is in a larger
// job; the label ("rank 3") then opens every trap report.
type Labeler interface {
	Label() string
}

// Aborter is implemented by hosts that must end a larger job when this
// process traps (the MPI bridge calls MPI_Abort).
type Aborter interface {
	Abort(code int)
}

// Finisher is implemented by hosts whose library may still be using guest
// memory when the guest ends (a GPU driver finishing a nonblocking
// transfer): Finish is called after _start returns or traps, before the
// memory is freed.
type Finisher interface {
	Finish()
}

// MemoryLimiter is implemented by hosts that allocate host memory on the
// guest's behalf (handles, copies of its arguments): Run tells them the
// guest's memory limit before instantiating them, and they bound what the
// guest can make them hold in proportion.
type MemoryLimiter interface {
	SetMemoryLimit(bytes uint64)
}

// Options describe one run.
type Options struct {
	Path      string   // module file
	Args      []string // guest argv after argv[0]
	Env       [][2]string
	FS        wazero.FSConfig // mounts; nil gives the guest no files
	CacheDir  string          // compiled code cache; "" disables caching
	MaxMemory uint64          // linear memory cap in bytes; 0 means the module's own maximum
	Hosts     []Host
	Stdin     io.Reader
	Stdout    io.Writer
	Stderr    io.Writer
	Log       io.Writer // verbose diagnostics; nil discards them
	// Verify, when set, checks the module's bytes before anything of it
	// is compiled or run (its signature); an error refuses the module.
	Verify func(module []byte) error
	// Timeout ends a guest that runs longer (0: no limit): its output is
	// flushed, the reason reported, the job aborted, and the exit code is
	// TimeoutExitCode.
	Timeout time.Duration
	// Signals makes SIGINT and SIGTERM flush the guest's output and report
	// before the process ends by the signal.
	Signals bool
	// Exit ends the process when a timeout or signal stops the guest
	// (os.Exit when nil; tests replace it).
	Exit func(code int)
}

// Run loads, compiles and runs the module and returns the guest's exit code.
// An error means the module never ran (bad file, missing import, bad
// option); a trap is not an error: it is reported on Stderr and gives
// TrapExitCode.
func Run(ctx context.Context, o Options) (int, error) {
	logf := func(format string, args ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, "wasmrun: "+format+"\n", args...)
		}
	}
	bin, err := Load(o.Path)
	if err != nil {
		return 1, err
	}
	if o.Verify != nil {
		// Before anything of the module is compiled or run.
		if err := o.Verify(bin); err != nil {
			return 1, fmt.Errorf("%s: %w", o.Path, err)
		}
	}
	ctx = experimental.WithMemoryAllocator(ctx, allocator(o.MaxMemory))

	start := time.Now()
	stderr := o.Stderr
	if stderr == nil {
		stderr = os.Stderr
	}
	c := compiler{path: o.Path, cacheDir: o.CacheDir, warn: warnTo(stderr)}
	r, compiled, outcome, err := c.compile(ctx, bin)
	if err != nil {
		return 1, err
	}
	defer r.Close(ctx)
	logf("%s: %s in %v", o.Path, outcome, time.Since(start).Round(time.Millisecond))

	if err := checkMemory(compiled, o.MaxMemory); err != nil {
		return 1, fmt.Errorf("%s: %w", o.Path, err)
	}
	limit := o.MaxMemory
	if limit == 0 {
		limit = 4 << 30
	}
	for _, h := range o.Hosts {
		if l, ok := h.(MemoryLimiter); ok {
			l.SetMemoryLimit(limit)
		}
	}
	hosts, err := instantiateHosts(ctx, r, compiled, o.Hosts)
	if err != nil {
		return 1, err
	}
	defer finish(hosts) // runs before r.Close frees the guest's memory
	if err := checkImports(r, compiled); err != nil {
		return 1, fmt.Errorf("%s: %w", o.Path, err)
	}

	mod, err := r.InstantiateModule(ctx, compiled, moduleConfig(o))
	if err != nil {
		return exitOrTrap(ctx, nil, 0, err, o, hosts)
	}
	startFn := mod.ExportedFunction("_start")
	if startFn == nil {
		return 1, fmt.Errorf("%s: no _start export: not a WASI command module (build it with `wasmrun cc`)", o.Path)
	}
	// The guest runs on this one goroutine. While it waits in a long host
	// call (an MPI_Recv of a large message), Go's sysmon takes its P away
	// unless another P is idle, and getting a P back costs microseconds
	// per call. Two Ps keep one idle, whatever CPU set mpirun binds us to.
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(2)
	}
	var sp0 uint64
	if g, ok := mod.ExportedGlobal("__stack_pointer").(api.MutableGlobal); ok {
		sp0 = g.Get()
	}
	st := newStopper(ctx, mod, o, hosts)
	_, err = startFn.Call(ctx)
	if !st.finish() {
		<-st.ended // the stopper ends the process, or with Options.Exit returns
		return st.code, nil
	}
	return exitOrTrap(ctx, mod, sp0, err, o, hosts)
}

// Load reads a module file and checks that it is WebAssembly.
func Load(path string) ([]byte, error) {
	bin, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read module: %w", err)
	}
	if len(bin) < 8 || !bytes.Equal(bin[:4], []byte("\x00asm")) {
		return nil, fmt.Errorf("%s: not a WebAssembly module (no \\0asm header)", path)
	}
	if bin[4] != 1 || bin[5] != 0 || bin[6] != 0 || bin[7] != 0 {
		return nil, fmt.Errorf("%s: unsupported WebAssembly binary version %d (want 1)", path, bin[4])
	}
	return bin, nil
}

func checkMemory(compiled wazero.CompiledModule, limit uint64) error {
	if limit == 0 {
		return nil
	}
	for _, m := range compiled.ExportedMemories() {
		if need := uint64(m.Min()) * pageSize; need > limit {
			return fmt.Errorf("needs %d bytes of memory at start, more than --max-memory %d", need, limit)
		}
	}
	return nil
}

// instantiateHosts instantiates WASI and each host module the guest imports,
// and returns those hosts.
func instantiateHosts(ctx context.Context, r wazero.Runtime, compiled wazero.CompiledModule, all []Host) ([]Host, error) {
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, r); err != nil {
		return nil, fmt.Errorf("instantiate WASI: %w", err)
	}
	imported := map[string]bool{}
	for _, f := range compiled.ImportedFunctions() {
		mod, _, _ := f.Import()
		imported[mod] = true
	}
	var used []Host
	for _, h := range all {
		if !imported[h.Name()] {
			continue
		}
		if err := h.Instantiate(ctx, r); err != nil {
			return nil, fmt.Errorf("instantiate %s: %w", h.Name(), err)
		}
		used = append(used, h)
	}
	return used, nil
}

func finish(hosts []Host) {
	for _, h := range hosts {
		if f, ok := h.(Finisher); ok {
			f.Finish()
		}
	}
}

// checkImports lists every import that no instantiated module provides.
func checkImports(r wazero.Runtime, compiled wazero.CompiledModule) error {
	var missing []string
	for _, f := range compiled.ImportedFunctions() {
		mod, name, _ := f.Import()
		m := r.Module(mod)
		if m == nil {
			missing = append(missing, mod+"."+name)
			continue
		}
		if _, ok := m.ExportedFunctionDefinitions()[name]; !ok {
			missing = append(missing, mod+"."+name)
		}
	}
	for _, m := range compiled.ImportedMemories() {
		mod, name, _ := m.Import()
		missing = append(missing, mod+"."+name+" (memory)")
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	return fmt.Errorf("imports %d function(s) that wasmrun does not provide:\n  %s", len(missing), strings.Join(missing, "\n  "))
}

func moduleConfig(o Options) wazero.ModuleConfig {
	cfg := wazero.NewModuleConfig().
		WithName("").
		WithStartFunctions(). // _start is called by Run so a trap can be reported
		WithArgs(append([]string{filepath.Base(o.Path)}, o.Args...)...).
		WithSysWalltime().WithSysNanotime().WithSysNanosleep().
		WithRandSource(rand.Reader)
	for _, kv := range o.Env {
		cfg = cfg.WithEnv(kv[0], kv[1])
	}
	if o.FS != nil {
		cfg = cfg.WithFSConfig(o.FS)
	}
	if o.Stdin != nil {
		cfg = cfg.WithStdin(o.Stdin)
	}
	if o.Stdout != nil {
		cfg = cfg.WithStdout(o.Stdout)
	}
	if o.Stderr != nil {
		cfg = cfg.WithStderr(o.Stderr)
	}
	return cfg
}

// exitOrTrap turns the result of _start into an exit code. On a trap it
// flushes the guest's stdio buffers, prints the report and lets every host
// end the job.
//
// sp0 is the guest's initial C stack pointer (0 if it does not export
// __stack_pointer, as modules built by wasmrun cc do): a trap with the stack
// pointer past either end of the stack is reported as a stack overflow, and
// the pointer is reset so that flushing can run.
func exitOrTrap(ctx context.Context, mod api.Module, sp0 uint64, err error, o Options, hosts []Host) (int, error) {
	if err == nil {
		return 0, nil
	}
	var exit *sys.ExitError
	if errors.As(err, &exit) {
		return int(exit.ExitCode()), nil
	}
	trap := ParseTrap(err)
	if mod != nil {
		if g, ok := mod.ExportedGlobal("__stack_pointer").(api.MutableGlobal); ok && sp0 != 0 {
			if sp := uint32(g.Get()); uint64(sp) > sp0 || sp < stackRedZone {
				trap.Cause = "stack overflow: the C stack (" + fmt.Sprint(sp0>>20) + " MiB, set at link time) is used up (" + trap.Cause + ")"
			}
			g.Set(sp0)
		}
		Flush(ctx, mod)
	}
	label := ""
	for _, h := range hosts {
		if l, ok := h.(Labeler); ok {
			label = l.Label()
		}
	}
	stderr := o.Stderr
	if stderr == nil {
		stderr = os.Stderr
	}
	fmt.Fprint(stderr, trap.Report(label, filepath.Base(o.Path)))
	for _, h := range hosts {
		if a, ok := h.(Aborter); ok {
			a.Abort(TrapExitCode)
		}
	}
	return TrapExitCode, nil
}

// Flush writes out what the guest had buffered in stdio, after a trap. A
// module built by wasmrun cc exports the address of its flush function
// (wasmrun_flush_hook); the function is called through the table, because
// an exported function of a command module would also run the guest's
// atexit handlers. A module without the hook, or with a broken one, is
// left as it is.
func Flush(ctx context.Context, mod api.Module) {
	defer func() { _ = recover() }() // a bad table index or type: nothing to flush
	g := mod.ExportedGlobal("wasmrun_flush_hook")
	if g == nil || mod.Memory() == nil {
		return
	}
	idx, ok := mod.Memory().ReadUint32Le(uint32(g.Get()))
	if !ok {
		return
	}
	if f := table.LookupFunction(mod, 0, idx, nil, nil); f != nil {
		_, _ = f.Call(ctx)
	}
}
