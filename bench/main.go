package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
)

// options are the harness's flags.
type options struct {
	reps    int
	quick   bool
	out     string
	wasmrun string
	fam     family
	np      int
	groups  []string
	timeout time.Duration
	report  bool
	kernels string
	work    string
}

func main() {
	o, err := parseFlags(os.Args[1:], os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	if err := run(o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "\nbench: FAILED:", err)
		os.Exit(1)
	}
}

func groupNames() []string {
	var names []string
	for _, g := range allGroups() {
		names = append(names, g.name)
	}
	return names
}

// parseFlags reads the command line; QUICK=1 in the environment means
// -quick.
func parseFlags(args []string, getenv func(string) string) (options, error) {
	var o options
	fl := flag.NewFlagSet("bench", flag.ContinueOnError)
	fl.Usage = func() {
		fmt.Fprintf(fl.Output(), "usage: go run ./bench [flags]   (from the repository root)\n\n"+
			"Builds each kernel in bench/kernels natively and to wasm, runs both under mpirun,\n"+
			"interleaved, and writes CSV, Markdown and SVG results to -out.\n\n")
		fl.PrintDefaults()
	}
	quickEnv := getenv("QUICK")
	fl.BoolVar(&o.quick, "quick", quickEnv != "" && quickEnv != "0", "a smoke run: 3 repetitions, fewer iterations and sizes (also QUICK=1)")
	fl.IntVar(&o.reps, "reps", 0, "repetitions of each build, interleaved (default 9, 3 with -quick)")
	fl.StringVar(&o.out, "out", "bench/results", "results directory")
	wasmrun := fl.String("wasmrun", "", "the wasmrun binary (default bin/wasmrun; it finds the MPI family from the launcher)")
	mpi := fl.String("mpi", "openmpi", "host MPI family: openmpi or mpich")
	fl.IntVar(&o.np, "np", 2, "ranks for the collectives (point-to-point uses 2, compute 1)")
	groups := fl.String("groups", strings.Join(groupNames(), ","), "the groups to measure, comma-separated")
	fl.DurationVar(&o.timeout, "timeout", 5*time.Minute, "limit for one run of one kernel")
	fl.BoolVar(&o.report, "report", false, "measure nothing: render the Markdown and SVG reports again from the CSVs in -out")
	fl.StringVar(&o.kernels, "kernels", "bench/kernels", "directory of the kernels' C sources")
	if err := fl.Parse(args); err != nil {
		return o, err
	}
	if fl.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	var err error
	if o.fam, err = familyFor(*mpi); err != nil {
		return o, err
	}
	o.wasmrun = *wasmrun
	if o.wasmrun == "" {
		o.wasmrun = o.fam.wasmrun
	}
	if o.reps == 0 {
		o.reps = 9
		if o.quick {
			o.reps = 3
		}
	}
	if o.reps < 1 {
		return o, fmt.Errorf("-reps %d: need at least 1", o.reps)
	}
	if o.np < 2 {
		return o, fmt.Errorf("-np %d: the collectives need at least 2 ranks", o.np)
	}
	for _, g := range strings.Split(*groups, ",") {
		if g = strings.TrimSpace(g); g == "" {
			continue
		}
		if !slices.Contains(groupNames(), g) {
			return o, fmt.Errorf("-groups: no group %q (have %s)", g, strings.Join(groupNames(), ", "))
		}
		if !slices.Contains(o.groups, g) {
			o.groups = append(o.groups, g)
		}
	}
	if len(o.groups) == 0 {
		return o, errors.New("-groups: none given")
	}
	return o, nil
}

func run(o options, log io.Writer) error {
	if o.report {
		return render(o.out, log)
	}
	if _, err := os.Stat(o.kernels); err != nil {
		return fmt.Errorf("kernels: %w (run from the repository root, or pass -kernels)", err)
	}
	if _, err := os.Stat(o.wasmrun); err != nil {
		return fmt.Errorf("wasmrun: %w (make build, or pass -wasmrun)", err)
	}
	environ()
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "wasmrun-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	o.work = work

	var todo []group
	var names []string
	total := 0
	var skipped []string
	for _, g := range allGroups() {
		if slices.Contains(o.groups, g.name) {
			if g.available != nil {
				if err := g.available(); err != nil {
					skipped = append(skipped, fmt.Sprintf("bench: group %s skipped: %v\n", g.name, err))
					continue
				}
			}
			todo = append(todo, g)
			for _, k := range g.kernels {
				names = append(names, k.name)
			}
			total += 2 * o.reps * len(g.kernels)
			if g.runs != nil {
				total += g.runs(o)
			}
		}
	}
	if len(todo) == 0 {
		return fmt.Errorf("nothing to measure here: %s", strings.TrimSpace(strings.Join(skipped, "")))
	}
	p := &progress{w: log, total: total, start: time.Now()}
	mode := "full"
	if o.quick {
		mode = "quick"
	}
	p.printf("bench: %s run, %d repetitions, groups %s; %s; results in %s\n", mode, o.reps, strings.Join(o.groups, ","), hostInfo(), o.out)
	for _, msg := range skipped {
		p.printf("%s", msg)
	}
	bins, err := buildAll(o, names, p)
	if err != nil {
		return err
	}
	base := runInfo{
		Reps:    o.reps,
		Quick:   o.quick,
		Host:    hostInfo(),
		Native:  fmt.Sprintf("`%s %s` (%s)", o.fam.mpicc, strings.Join(nativeFlags, " "), firstLine(o.fam.mpicc, "--version")),
		Wasm:    fmt.Sprintf("`wasmrun cc %s` (%s; -msimd128 is on by default)", strings.Join(wasmFlags, " "), firstLine(o.wasmrun, "cc", "--version")),
		Wasmrun: wasmrunVersion(o.wasmrun),
	}
	for _, g := range todo {
		start := time.Now()
		var acc *accum
		if g.custom != nil {
			acc, err = g.custom(o, p)
		} else {
			acc, err = measure(o, g, bins, p)
		}
		if err == nil {
			err = writeRuns(o.out, g.name, acc)
		}
		var recs []record
		if err == nil {
			recs, err = acc.records(o.reps)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", g.name, err)
		}
		info := base
		info.Measured = start.UTC().Format("2006-01-02 15:04 UTC")
		info.Duration = time.Since(start).Round(time.Second).String()
		info.Ranks = 1
		if len(g.kernels) > 0 {
			info.Ranks = g.kernels[0].np(o)
		}
		info.Launch = strings.Join(o.fam.launch(info.Ranks), " ")
		if g.custom != nil {
			info.Launch = "(directly, no launcher; 8 ranks:) " + strings.Join(o.fam.launch(8), " ")
		}
		if err := writeCSV(o.out, g.name, recs); err != nil {
			return err
		}
		if err := writeMeta(o.out, g.name, info); err != nil {
			return err
		}
		p.printf("%s: done in %s, wrote %s.csv and %s-runs.csv\n", g.name, info.Duration, g.name, g.name)
	}
	if err := render(o.out, log); err != nil {
		return err
	}
	p.printf("bench: all done in %s\n", clock(time.Since(p.start)))
	return nil
}

// progress prints one line per run: its number, the time so far, what runs,
// how long it took, what it measured, and the time left at the pace so far.
type progress struct {
	w           io.Writer
	total, done int
	start       time.Time
}

func (p *progress) printf(format string, args ...any) { fmt.Fprintf(p.w, format, args...) }

func (p *progress) begin(what string) {
	p.printf("[%*d/%d %s] %s ", len(fmt.Sprint(p.total)), p.done+1, p.total, clock(time.Since(p.start)), what)
}

func (p *progress) end(d time.Duration, note string) {
	p.done++
	left := ""
	if p.done < p.total && note != "FAILED" {
		per := time.Since(p.start) / time.Duration(p.done)
		left = fmt.Sprintf("  (~%s left)", clock(per*time.Duration(p.total-p.done)))
	}
	p.printf("%5.1fs  %s%s\n", d.Seconds(), note, left)
}

// clock formats a duration as m:ss.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
