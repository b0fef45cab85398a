package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// table is what a kernel prints: a CSV header line, then one row per
// measurement.
type table struct {
	cols []string
	rows [][]string
}

// parseTable reads a kernel's output. Every row must have as many fields as
// the header, the header's names must be distinct, and there must be at
// least one row.
func parseTable(out string) (table, error) {
	r := csv.NewReader(strings.NewReader(out))
	records, err := r.ReadAll()
	if err != nil {
		return table{}, fmt.Errorf("kernel output is not CSV: %w", err)
	}
	if len(records) < 2 {
		return table{}, fmt.Errorf("kernel output has no data rows: %q", out)
	}
	t := table{cols: records[0], rows: records[1:]}
	for i, c := range t.cols {
		if c == "" || slices.Index(t.cols, c) != i {
			return table{}, fmt.Errorf("kernel output header %q: empty or repeated column %q", strings.Join(t.cols, ","), c)
		}
	}
	return t, nil
}

func (t table) index(col string) (int, error) {
	i := slices.Index(t.cols, col)
	if i < 0 {
		return 0, fmt.Errorf("kernel output has no column %q (has %s)", col, strings.Join(t.cols, ","))
	}
	return i, nil
}

// str is the field col of row r.
func (t table) str(r int, col string) (string, error) {
	i, err := t.index(col)
	if err != nil {
		return "", err
	}
	return t.rows[r][i], nil
}

// float is the field col of row r as a finite number.
func (t table) float(r int, col string) (float64, error) {
	s, err := t.str(r, col)
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("row %d, column %s: %q is not a finite number", r+1, col, s)
	}
	return v, nil
}

// record is one line of a results CSV: a quantity measured natively and
// under wasmrun, over several repetitions.
type record struct {
	bench  string // pingpong, bw, bibw, allreduce, bcast, alltoall, stream, dgemm, ...
	param  string // the message size in bytes, or the problem size of a compute kernel
	metric string // latency, bandwidth, time, rate
	unit   string // us, MB/s, s, GB/s, GFLOP/s, ...
	comparison
}

var recordHeader = []string{
	"benchmark", "param", "metric", "unit",
	"native_median", "native_min", "native_max",
	"wasm_median", "wasm_min", "wasm_max",
	"ratio", "ratio_min", "ratio_max", "reps",
}

func writeRecords(w io.Writer, recs []record) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(recordHeader); err != nil {
		return err
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }
	for _, r := range recs {
		c := r.comparison
		if err := cw.Write([]string{
			r.bench, r.param, r.metric, r.unit,
			f(c.native.median), f(c.native.min), f(c.native.max),
			f(c.wasm.median), f(c.wasm.min), f(c.wasm.max),
			f(c.ratio), f(c.ratioMin), f(c.ratioMax), strconv.Itoa(c.reps),
		}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// readRecords reads a results CSV written by writeRecords.
func readRecords(r io.Reader) ([]record, error) {
	all, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(all) == 0 || !slices.Equal(all[0], recordHeader) {
		return nil, errors.New("not a results CSV: the header differs from " + strings.Join(recordHeader, ","))
	}
	var recs []record
	for n, row := range all[1:] {
		var v [9]float64
		for i := range v {
			if v[i], err = strconv.ParseFloat(row[4+i], 64); err != nil {
				return nil, fmt.Errorf("line %d: %s: %w", n+2, recordHeader[4+i], err)
			}
		}
		reps, err := strconv.Atoi(row[13])
		if err != nil {
			return nil, fmt.Errorf("line %d: reps: %w", n+2, err)
		}
		recs = append(recs, record{bench: row[0], param: row[1], metric: row[2], unit: row[3], comparison: comparison{
			native: stats{v[0], v[1], v[2]}, wasm: stats{v[3], v[4], v[5]},
			ratio: v[6], ratioMin: v[7], ratioMax: v[8], reps: reps,
		}})
	}
	return recs, nil
}

// find returns the record for bench, param and metric.
func find(recs []record, bench, param, metric string) (record, bool) {
	for _, r := range recs {
		if r.bench == bench && r.param == param && r.metric == metric {
			return r, true
		}
	}
	return record{}, false
}

// pick returns the records of one benchmark and metric, in order.
func pick(recs []record, bench, metric string) []record {
	var out []record
	for _, r := range recs {
		if r.bench == bench && r.metric == metric {
			out = append(out, r)
		}
	}
	return out
}
