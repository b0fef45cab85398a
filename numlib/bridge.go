package numlib

// #cgo LDFLAGS: -ldl
// #include <stdlib.h>
// #include "loader.h"
// #include "zroutines.h"
import "C"

import (
	"context"
	"fmt"
	"github.com/wasmrun/wasmrun/internal/guestmem"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unsafe"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/sys"
	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/internal/handle"
)

// The import modules.
const (
	BLASModule   = "wasmrun_blas"
	LAPACKModule = "wasmrun_lapack"
	FFTWModule   = "wasmrun_fftw"
)

// The libraries opened unless a flag or the environment names others.
// LAPACKE's functions are looked up in the LAPACK library first (MKL and
// OpenBLAS's own libopenblas have them), then in DefaultLAPACKE.
const (
	DefaultBLAS    = "libblas.so.3"
	DefaultLAPACK  = "liblapack.so.3"
	DefaultLAPACKE = "liblapacke.so.3"
	DefaultFFTW    = "libfftw3.so.3"
	DefaultFFTWF   = "libfftw3f.so.3"
	// FFTW's threads libraries, opened at fftw_init_threads (or
	// $WASMRUN_FFTW_THREADS, $WASMRUN_FFTWF_THREADS).
	DefaultFFTWThreads  = "libfftw3_threads.so.3"
	DefaultFFTWFThreads = "libfftw3f_threads.so.3"
)

// Libraries names the host libraries; an empty field takes its
// environment variable ($WASMRUN_BLAS, $WASMRUN_LAPACK, $WASMRUN_FFTW,
// $WASMRUN_FFTWF), then its default.
type Libraries struct {
	BLAS, LAPACK, FFTW, FFTWF string
}

// Resolved fills the empty fields from the environment and the defaults.
func (l Libraries) Resolved() Libraries {
	pick := func(v, env, def string) string {
		if v != "" {
			return v
		}
		if e := os.Getenv(env); e != "" {
			return e
		}
		return def
	}
	return Libraries{
		BLAS:   pick(l.BLAS, "WASMRUN_BLAS", DefaultBLAS),
		LAPACK: pick(l.LAPACK, "WASMRUN_LAPACK", DefaultLAPACK),
		FFTW:   pick(l.FFTW, "WASMRUN_FFTW", DefaultFFTW),
		FFTWF:  pick(l.FFTWF, "WASMRUN_FFTWF", DefaultFFTWF),
	}
}

// Bridge is one process's bridge to the numerical libraries, used by one
// guest on one thread. Its three import modules are the Hosts it returns.
type Bridge struct {
	// Label, when set, names this process in a larger job ("rank 3"); it
	// opens the bridge's messages (the MPI bridge's Label).
	Label func() string

	stderr io.Writer // bad arguments and missing libraries
	log    io.Writer // verbose diagnostics; nil discards them

	blas, lapack library
	fftw         [2]library // double, single
	fftwThreads  [2]library
	nthreads     [2]bool // fftw_init_threads succeeded

	ctx             context.Context
	guestmem.Memory // the guest's linear memory

	plans *handle.Table[plan]
}

// New returns a bridge that reports bad arguments on stderr, writes
// verbose diagnostics to log (nil: none) and opens libs (see Libraries) at
// their first use.
func New(stderr, log io.Writer, libs Libraries) *Bridge {
	libs = libs.Resolved()
	b := &Bridge{stderr: stderr, log: log, plans: handle.New[plan](handle.FFTWPlan)}
	b.blas = library{what: "BLAS", flag: "--blas", env: "WASMRUN_BLAS", path: libs.BLAS,
		names: C.wr_blas_names[:], fn: C.wr_blas_fn[:], short: "blas"}
	b.lapack = library{what: "LAPACK", flag: "--lapack", env: "WASMRUN_LAPACK", path: libs.LAPACK, extra: DefaultLAPACKE,
		names: C.wr_lapack_names[:], fn: C.wr_lapack_fn[:], short: "lapack", before: &b.blas}
	b.fftw[0] = library{what: "FFTW (double precision)", flag: "--fftw", env: "WASMRUN_FFTW", path: libs.FFTW,
		names: C.wr_fftw_names[0][:], fn: C.wr_fftw_fn[0][:], short: "fftw"}
	b.fftw[1] = library{what: "FFTW (single precision)", flag: "--fftwf", env: "WASMRUN_FFTWF", path: libs.FFTWF,
		names: C.wr_fftw_names[1][:], fn: C.wr_fftw_fn[1][:], short: "fftwf"}
	for i, def := range []string{DefaultFFTWThreads, DefaultFFTWFThreads} {
		env := []string{"WASMRUN_FFTW_THREADS", "WASMRUN_FFTWF_THREADS"}[i]
		path := os.Getenv(env)
		if path == "" {
			path = def
		}
		b.fftwThreads[i] = library{what: []string{"FFTW threads (double precision)", "FFTW threads (single precision)"}[i],
			short: []string{"fftw_thr", "fftwf_thr"}[i], env: env, path: path,
			names: C.wr_fftw_threads_names[i][:], fn: C.wr_fftw_threads_fn[i][:], before: &b.fftw[i]}
	}
	return b
}

// Hosts are the bridge's import modules, for embedder.Options.Hosts.
func (b *Bridge) Hosts() []embedder.Host {
	return []embedder.Host{module{b, BLASModule}, module{b, LAPACKModule}, module{b, FFTWModule}}
}

// module is one of the bridge's import modules.
type module struct {
	b    *Bridge
	name string
}

// Name implements embedder.Host.
func (m module) Name() string { return m.name }

// Instantiate implements embedder.Host: it defines the module's functions.
func (m module) Instantiate(ctx context.Context, r wazero.Runtime) error {
	b := m.b
	builder := r.NewHostModuleBuilder(m.name)
	for _, f := range moduleRoutines(m.name) {
		params, results := f.signature()
		builder.NewFunctionBuilder().
			WithGoModuleFunction(api.GoModuleFunc(func(ctx context.Context, mod api.Module, stack []uint64) {
				if b.Mem == nil {
					b.Attach(mod)
				}
				b.ctx = ctx
				f.fn(b, stack)
			}), params, results).
			WithName(f.name).
			Export(f.name)
	}
	_, err := builder.Instantiate(ctx)
	return err
}

// Finish implements embedder.Finisher: what the libraries printed through
// the C library's stdout is flushed, and plans are destroyed before the
// guest's memory, which they point into, goes away.
func (m module) Finish() {
	C.wr_nl_flush()
	if m.name != FFTWModule {
		return
	}
	b := m.b
	b.plans.Each(func(h uint32, p *plan) {
		C.wr_fftw_destroy(p.single, C.uintptr_t(p.host))
		b.plans.Remove(h)
	})
}

// routine is one host function: its import name, its wasm parameter types
// ("i32 f64 ...") and result type ("" for none), and its implementation.
// CBLAS and LAPACKE routines also have their parameters as spec.txt gives
// them and their argument check.
type routine struct {
	name, params, result string
	fn                   func(b *Bridge, s []uint64)
	sig                  string
	elem, real           uint64 // bytes per element, per real number
	check                func(c *call)
}

func (r routine) signature() (params, results []api.ValueType) {
	types := map[string]api.ValueType{"i32": api.ValueTypeI32, "i64": api.ValueTypeI64, "f32": api.ValueTypeF32, "f64": api.ValueTypeF64}
	for _, p := range strings.Fields(r.params) {
		params = append(params, types[p])
	}
	if r.result != "" {
		results = []api.ValueType{types[r.result]}
	}
	return params, results
}

func moduleRoutines(name string) []routine {
	switch name {
	case BLASModule:
		return append(slices.Clip(blasRoutines), openblasRoutines...)
	case LAPACKModule:
		return lapackRoutines
	}
	return fftwRoutines
}

// Functions lists the import names of every host function of module (one
// of BLASModule, LAPACKModule, FFTWModule).
func Functions(module string) []string {
	var names []string
	for _, r := range moduleRoutines(module) {
		names = append(names, r.name)
	}
	return names
}

// library is one host library, opened at its first use.
type library struct {
	what, flag, env string
	path            string
	extra           string // a second library searched for what path lacks
	short           string // its name in `wasmrun doctor`
	names           []*C.char
	fn              []unsafe.Pointer
	before          *library // opened first, so that this one binds to it

	tried bool
	err   error
	have  []bool
	found string // the file opened, for -v
}

// load opens the library once; it reports why it cannot be used.
func (l *library) load() error {
	if l.tried {
		return l.err
	}
	l.tried = true
	if l.before != nil {
		_ = l.before.load() // a LAPACK without its BLAS names its own error
	}
	var msg [512]C.char
	path := C.CString(l.path)
	defer C.free(unsafe.Pointer(path))
	h := C.wr_nl_open(path, &msg[0], C.size_t(len(msg)))
	if h == nil {
		l.err = fmt.Errorf("cannot load the %s library %s: %s", l.what, l.path, C.GoString(&msg[0]))
		return l.err
	}
	have := make([]C.uchar, len(l.names))
	C.wr_nl_bind(h, nil, &l.fn[0], &l.names[0], C.int(len(l.names)), &have[0])
	var h2 unsafe.Pointer
	if l.extra != "" && have[0] == 0 {
		extra := C.CString(l.extra)
		h2 = C.wr_nl_open(extra, &msg[0], C.size_t(len(msg)))
		C.free(unsafe.Pointer(extra))
		if h2 == nil {
			l.err = fmt.Errorf("the %s library %s has no LAPACKE functions and %s cannot be loaded: %s", l.what, l.path, l.extra, C.GoString(&msg[0]))
			return l.err
		}
		C.wr_nl_bind(h, h2, &l.fn[0], &l.names[0], C.int(len(l.names)), &have[0])
	}
	l.have = make([]bool, len(have))
	n := 0
	for i, v := range have {
		l.have[i] = v != 0
		if v != 0 {
			n++
		}
	}
	if l.short == "blas" {
		C.wr_openblas_bind(h)
	}
	var buf [4096]C.char
	l.found = resolve(C.GoString(C.wr_nl_path(h, &buf[0], C.size_t(len(buf)))))
	if h2 != nil {
		l.found += " + " + resolve(C.GoString(C.wr_nl_path(h2, &buf[0], C.size_t(len(buf)))))
	}
	if n == 0 {
		l.err = fmt.Errorf("the %s library %s (%s) has none of the %s functions", l.what, l.path, l.found, l.what)
	}
	return l.err
}

// open loads the library at the first call; one the node lacks ends the
// run with one line.
func (l *library) open(c *call) {
	if !l.tried || l.err != nil {
		if err := l.load(); err != nil {
			c.b.fatal(c.name, "%v; install it or name one with %s PATH or $%s", err, l.flag, l.env)
		}
		c.b.logf("%s: loaded %s", strings.ToLower(strings.Fields(l.what)[0]), l.found)
	}
}

// resolve follows the symbolic links (Debian's alternatives) to the file.
func resolve(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p
	}
	return path
}

// ready loads the library at the first call and checks that it has
// routine idx; a library or function the node lacks ends the run with one
// line.
func (l *library) ready(c *call, idx int) bool {
	l.open(c)
	if !l.have[idx] {
		c.b.fatal(c.name, "the %s library %s (%s) has no %s; name another with %s PATH or $%s",
			l.what, l.path, l.found, c.name, l.flag, l.env)
	}
	return true
}

// Status reports, for `wasmrun doctor`, which libraries libs resolves to
// and whether each loads (err nil) and how many of the bridged functions it
// has.
func Status(libs Libraries) []LibraryStatus {
	b := New(io.Discard, nil, libs)
	var out []LibraryStatus
	for _, l := range []*library{&b.blas, &b.lapack, &b.fftw[0], &b.fftw[1], &b.fftwThreads[0], &b.fftwThreads[1]} {
		s := LibraryStatus{Name: l.short, What: l.what, Path: l.path, Flag: l.flag, Env: l.env, Err: l.load(), Total: len(l.names)}
		s.Found = l.found
		for _, h := range l.have {
			if h {
				s.Have++
			}
		}
		out = append(out, s)
	}
	return out
}

// LibraryStatus is what Status found for one library.
type LibraryStatus struct {
	Name                  string // short: blas, lapack, fftw, fftwf ...
	What, Path, Flag, Env string
	Found                 string // the file(s) opened
	Err                   error
	Have, Total           int // bridged functions it has, of all
}

// fatal reports a problem that leaves no result to return (a missing
// library, a plan that is not one) and ends this process, after writing
// out what the guest had buffered in stdio.
func (b *Bridge) fatal(fn, format string, args ...any) {
	if b.Module != nil && b.ctx != nil {
		embedder.Flush(b.ctx, b.Module)
	}
	C.wr_nl_flush()
	fmt.Fprintf(b.stderr, "%s: %s: %s\n", b.who(), fn, fmt.Sprintf(format, args...))
	panic(sys.NewExitError(1))
}

// who opens every message: "wasmrun", or "wasmrun: rank 3" when Label
// names this process's rank, as MPI errors are reported.
func (b *Bridge) who() string {
	if b.Label != nil {
		if l := b.Label(); l != "" {
			return "wasmrun: " + l
		}
	}
	return "wasmrun"
}

// logf writes one line of verbose diagnostics.
func (b *Bridge) logf(format string, args ...any) {
	if b.log != nil {
		fmt.Fprintf(b.log, "wasmrun: "+format+"\n", args...)
	}
}
