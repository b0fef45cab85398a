package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// options are the harness's flags.
type options struct {
	reps    int
	quick   bool
	out     string
	wasmrun string
	work    string
}

func main() {
	var o options
	flag.IntVar(&o.reps, "reps", 5, "repetitions of each build, interleaved")
	flag.BoolVar(&o.quick, "quick", false, "fewer iterations and repetitions (a smoke run)")
	flag.StringVar(&o.out, "out", "bench/results", "results directory")
	flag.StringVar(&o.wasmrun, "wasmrun", "bin/wasmrun", "the wasmrun binary")
	flag.Parse()
	if o.quick && o.reps > 3 {
		o.reps = 3
	}
	if err := run(o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(o options, log io.Writer) error {
	work, err := os.MkdirTemp("", "wasmrun-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	o.work = work
	os.Setenv("OMPI_ALLOW_RUN_AS_ROOT", "1")
	os.Setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	return pingpong(o, log)
}

// builds is one kernel built natively and to wasm.
type builds struct{ native, wasm string }

func build(o options, src string) (builds, error) {
	name := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	b := builds{native: filepath.Join(o.work, name+".native"), wasm: filepath.Join(o.work, name+".wasm")}
	for _, cmd := range [][]string{
		{"mpicc", "-O3", "-march=native", src, "-o", b.native, "-lm"},
		{o.wasmrun, "cc", "-O3", src, "-o", b.wasm, "-lm"},
	} {
		if out, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput(); err != nil {
			return b, fmt.Errorf("%s: %w\n%s", strings.Join(cmd, " "), err, out)
		}
	}
	return b, nil
}

// mpirun runs one build with np ranks and returns its stdout.
func mpirun(np int, args ...string) (string, error) {
	cmd := exec.Command("mpirun", append([]string{"--oversubscribe", "--bind-to", "core", "-np", strconv.Itoa(np)}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("mpirun %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), nil
}

// table parses CSV output with a header line into rows keyed by column.
func table(out string) ([]map[string]float64, error) {
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(records) < 2 {
		return nil, errors.Join(fmt.Errorf("unexpected kernel output %q", out), err)
	}
	var rows []map[string]float64
	for _, rec := range records[1:] {
		row := map[string]float64{}
		for i, col := range records[0] {
			v, err := strconv.ParseFloat(rec[i], 64)
			if err != nil {
				return nil, fmt.Errorf("column %s: %w", col, err)
			}
			row[col] = v
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// stats are the median and the spread (min, max) of repeated measurements.
type stats struct{ median, min, max float64 }

func summarise(xs []float64) stats {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return stats{median: med, min: s[0], max: s[n-1]}
}

func (s stats) String() string {
	return fmt.Sprintf("%.3g [%.3g–%.3g]", s.median, s.min, s.max)
}

func stamp() string { return time.Now().UTC().Format("2006-01-02 15:04 UTC") }
