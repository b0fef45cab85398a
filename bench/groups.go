package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/wasmrun/wasmrun/internal/doctor"
)

// obs is one number a kernel printed, with what it measures.
type obs struct {
	bench, param, metric, unit string
	value                      float64
}

// kernel is one program in bench/kernels and how to read what it prints.
type kernel struct {
	name  string // bench/kernels/<name>.c
	np    func(o options) int
	parse func(t table) ([]obs, error)
	// note names the observation printed in the progress line.
	note obsKey
}

type obsKey struct{ bench, param, metric string }

// group is a set of kernels measured together, interleaved, and reported
// in one CSV and one Markdown file named after the group.
type group struct {
	name    string
	kernels []kernel
	// custom, when set, measures the group instead of the kernels loop:
	// it builds what it needs itself; runs is the number of runs it makes.
	custom func(o options, p *progress) (*accum, error)
	runs   func(o options) int
	// available, when set, says why the group cannot run on this node
	// (nil: it can); the harness then skips it and says so.
	available func() error
}

func two(options) int     { return 2 }
func one(options) int     { return 1 }
func ranks(o options) int { return o.np }
func sizeParam(s string) (string, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v != float64(int64(v)) {
		return "", fmt.Errorf("message size %q is not a byte count", s)
	}
	return strconv.FormatInt(int64(v), 10), nil
}

// columns reads the rows of t: for each, key gives the benchmark and
// parameter, and every (column, metric, unit) of cols one observation.
func columns(t table, key func(r int) (bench, param string, err error), cols ...[3]string) ([]obs, error) {
	var out []obs
	for r := range t.rows {
		bench, param, err := key(r)
		if err != nil {
			return nil, err
		}
		for _, c := range cols {
			v, err := t.float(r, c[0])
			if err != nil {
				return nil, err
			}
			unit := c[2]
			if unit[0] == '@' { // the unit is in a column of its own
				if unit, err = t.str(r, unit[1:]); err != nil {
					return nil, err
				}
			}
			out = append(out, obs{bench, param, c[1], unit, v})
		}
	}
	return out, nil
}

// bySize keys rows by their size column, under a fixed benchmark name
// (or the one in column benchCol when bench is "").
func bySize(t table, bench, benchCol string) func(int) (string, string, error) {
	return func(r int) (string, string, error) {
		s, err := t.str(r, "size")
		if err != nil {
			return "", "", err
		}
		p, err := sizeParam(s)
		if err != nil {
			return "", "", err
		}
		if bench == "" {
			bench, err := t.str(r, benchCol)
			return bench, p, err
		}
		return bench, p, nil
	}
}

var (
	pingpongKernel = kernel{name: "pingpong", np: two, note: obsKey{"pingpong", "8", "latency"},
		parse: func(t table) ([]obs, error) {
			return columns(t, bySize(t, "pingpong", ""), [3]string{"latency_us", "latency", "us"})
		}}
	bandwidthKernel = kernel{name: "bandwidth", np: two, note: obsKey{"bw", "1048576", "bandwidth"},
		parse: func(t table) ([]obs, error) {
			bw, err := columns(t, bySize(t, "bw", ""), [3]string{"bw_MBps", "bandwidth", "MB/s"})
			if err != nil {
				return nil, err
			}
			bibw, err := columns(t, bySize(t, "bibw", ""), [3]string{"bibw_MBps", "bandwidth", "MB/s"})
			return append(bw, bibw...), err
		}}
	collectivesKernel = kernel{name: "collectives", np: ranks, note: obsKey{"allreduce", "8", "latency"},
		parse: func(t table) ([]obs, error) {
			return columns(t, bySize(t, "", "op"), [3]string{"latency_us", "latency", "us"})
		}}
)

// computeKernel is a one-rank kernel printing kernel,problem,time_s,rate,unit.
func computeKernel(name string) kernel {
	return kernel{name: name, np: one, note: obsKey{name, "", "time"},
		parse: func(t table) ([]obs, error) {
			return columns(t, func(r int) (string, string, error) {
				b, err := t.str(r, "kernel")
				if err != nil {
					return "", "", err
				}
				if b != name {
					return "", "", fmt.Errorf("kernel %s printed rows of %q", name, b)
				}
				p, err := t.str(r, "problem")
				return b, p, err
			}, [3]string{"time_s", "time", "s"}, [3]string{"rate", "rate", "@unit"})
		}}
}

// openclKernel measures the OpenCL bridge: transfers between host and
// device, a kernel's time and the fixed cost of a launch.
var openclKernel = kernel{name: "opencl", np: one, note: obsKey{"saxpy", "", "time"},
	parse: func(t table) ([]obs, error) {
		return columns(t, func(r int) (string, string, error) {
			b, err := t.str(r, "kernel")
			if err != nil {
				return "", "", err
			}
			p, err := t.str(r, "problem")
			return b, p, err
		}, [3]string{"time_s", "time", "s"}, [3]string{"rate", "rate", "@unit"})
	}}

// cudaKernel measures the CUDA bridge: transfers between host and
// device, a kernel's time and the cost of a launch.
var cudaKernel = kernel{name: "cuda", np: one, note: obsKey{"vadd", "", "time"}, parse: openclKernel.parse}

// numlibKernel measures the BLAS, LAPACK and FFTW bridge: DGEMM, DGESV and
// a 3D FFT in the node's libraries, the guest's own C DGEMM beside them,
// and the fixed cost of a tiny call.
var numlibKernel = kernel{name: "numlib", np: one, note: obsKey{"dgemm", "512", "time"}, parse: openclKernel.parse}

// kernelLibs are the libraries a kernel links besides MPI and libm.
var kernelLibs = map[string][]string{"opencl": {"-lOpenCL"}, "numlib": {"-lopenblas", "-llapacke", "-lfftw3"}}

// nativeFlags and wasm flags of one kernel only: the native CUDA build
// takes NVIDIA's cuda.h and the driver's libcuda.so.1 from where the
// driver and toolkit put them; the wasm build, wasmrun's cuda.h.
var (
	kernelNativeFlags = map[string][]string{"cuda": {"-I/usr/local/cuda/include", "-L/usr/local/cuda/lib64", "-l:libcuda.so.1"}}
	kernelWasmFlags   = map[string][]string{"cuda": {"-lcuda"}}
)

// cudaDevice says why the cuda group cannot run here (nil: it can): it
// needs an NVIDIA driver with a device, as wasmrun doctor finds them.
func cudaDevice() error {
	if c := doctor.CUDA(); c.Verdict != doctor.OK {
		return errors.New(c.Detail)
	}
	return nil
}

// computeKernels are the one-rank kernels, in report order.
var computeKernels = []string{"stream", "dgemm", "jacobi2d", "jacobi3d", "spmv", "is", "cg"}

func allGroups() []group {
	c := group{name: "compute"}
	for _, k := range computeKernels {
		c.kernels = append(c.kernels, computeKernel(k))
	}
	return []group{
		{name: "pingpong", kernels: []kernel{pingpongKernel}},
		{name: "bandwidth", kernels: []kernel{bandwidthKernel}},
		{name: "collectives", kernels: []kernel{collectivesKernel}},
		c,
		{name: "opencl", kernels: []kernel{openclKernel}},
		{name: "cuda", kernels: []kernel{cudaKernel}, available: cudaDevice},

		{name: "numlib", kernels: []kernel{numlibKernel}},
		startupGroup,
	}
}

// accum collects observations over repetitions, native and wasm apart, in
// the order the kernels first printed them.
type accum struct {
	order []obsKey
	units map[obsKey]string
	vals  map[obsKey]*[2][]float64 // [native, wasm], one value per repetition
}

func newAccum() *accum {
	return &accum{units: map[obsKey]string{}, vals: map[obsKey]*[2][]float64{}}
}

// add records the observations of one run: build 0 is native, 1 wasm; rep
// counts from 1. Each quantity must be seen exactly once per run.
func (a *accum) add(build, rep int, got []obs) error {
	for _, o := range got {
		k := obsKey{o.bench, o.param, o.metric}
		v, ok := a.vals[k]
		if !ok {
			v = &[2][]float64{}
			a.vals[k] = v
			a.order = append(a.order, k)
			a.units[k] = o.unit
		}
		if a.units[k] != o.unit {
			return fmt.Errorf("%s %s %s: unit %q, was %q", o.bench, o.param, o.metric, o.unit, a.units[k])
		}
		if len(v[build]) != rep-1 {
			return fmt.Errorf("%s %s %s: printed twice in one run, or missing from an earlier one", o.bench, o.param, o.metric)
		}
		v[build] = append(v[build], o.value)
	}
	return nil
}

// writeRuns writes every value collected, one line per run of each
// quantity: what a report's medians and ranges come from.
func (a *accum) writeRuns(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"benchmark", "param", "metric", "unit", "rep", "build", "value"})
	for _, k := range a.order {
		v := a.vals[k]
		for i := range max(len(v[0]), len(v[1])) {
			for build := range 2 {
				if i < len(v[build]) {
					cw.Write([]string{k.bench, k.param, k.metric, a.units[k], strconv.Itoa(i + 1), buildNames[build],
						strconv.FormatFloat(v[build][i], 'g', 6, 64)})
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// records summarises what was collected; every quantity must have been
// measured reps times in both builds.
func (a *accum) records(reps int) ([]record, error) {
	var out []record
	for _, k := range a.order {
		v := a.vals[k]
		if len(v[0]) != reps || len(v[1]) != reps {
			return nil, fmt.Errorf("%s %s %s: %d native and %d wasm values for %d repetitions: the two builds printed different rows",
				k.bench, k.param, k.metric, len(v[0]), len(v[1]), reps)
		}
		out = append(out, record{bench: k.bench, param: k.param, metric: k.metric, unit: a.units[k], comparison: compare(v[0], v[1])})
	}
	return out, nil
}

var buildNames = [2]string{"native", "wasm"}

// runOrder is the order of the two builds (0 native, 1 wasm) in repetition
// rep, counted from 1.
func runOrder(rep int) [2]int {
	if rep%2 == 0 {
		return [2]int{1, 0}
	}
	return [2]int{0, 1}
}

// measure runs a group: for each repetition, each kernel natively and
// under wasmrun, back to back, so that slow spells of a noisy machine hit
// both builds alike; native goes first in odd repetitions and wasm in even
// ones, so that neither build always runs in the wake of the other.
func measure(o options, g group, bins map[string]builds, p *progress) (*accum, error) {
	acc := newAccum()
	args := []string{}
	if o.quick {
		args = append(args, "quick")
	}
	for rep := 1; rep <= o.reps; rep++ {
		for _, k := range g.kernels {
			b := bins[k.name]
			progs := [2][]string{
				append([]string{b.native}, args...),
				append([]string{o.wasmrun, b.wasm}, args...),
			}
			for _, build := range runOrder(rep) {
				p.begin(fmt.Sprintf("%-11s rep %d/%d  %-11s %-6s", g.name, rep, o.reps, k.name, buildNames[build]))
				start := time.Now()
				out, err := mpirun(o, k.np(o), progs[build])
				if err != nil {
					p.end(time.Since(start), "FAILED")
					return nil, fmt.Errorf("%s, repetition %d, %s build: %w", k.name, rep, buildNames[build], err)
				}
				t, err := parseTable(out)
				var got []obs
				if err == nil {
					got, err = k.parse(t)
				}
				if err == nil {
					err = acc.add(build, rep, got)
				}
				if err != nil {
					p.end(time.Since(start), "FAILED")
					return nil, fmt.Errorf("%s, repetition %d, %s build: %w\noutput:\n%s", k.name, rep, buildNames[build], err, tail(out))
				}
				p.end(time.Since(start), noteFor(k.note, got))
			}
		}
	}
	return acc, nil
}

// noteFor is the progress note of a run: the observation named by key (any
// parameter when key.param is "").
func noteFor(key obsKey, got []obs) string {
	for _, o := range got {
		if o.bench == key.bench && o.metric == key.metric && (key.param == "" || o.param == key.param) {
			what := o.bench
			if key.param != "" {
				what += " " + sizeLabel(o.param)
			}
			return fmt.Sprintf("%s %s %s %s", what, o.metric, num(o.value), unitLabel(o.unit))
		}
	}
	return ""
}
