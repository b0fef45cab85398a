package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// pingpong measures point-to-point latency and bandwidth between two ranks,
// native and through wasmrun, interleaved rep by rep.
func pingpong(o options, log io.Writer) error {
	b, err := build(o, "bench/kernels/pingpong.c")
	if err != nil {
		return err
	}
	iters := "20000"
	if o.quick {
		iters = "4000"
	}
	type series struct{ lat, bw map[float64][]float64 }
	runs := map[string]*series{"native": {map[float64][]float64{}, map[float64][]float64{}}, "wasm": {map[float64][]float64{}, map[float64][]float64{}}}
	var sizes []float64
	for rep := 1; rep <= o.reps; rep++ {
		for _, kind := range []string{"native", "wasm"} {
			fmt.Fprintf(log, "pingpong: rep %d/%d %s\n", rep, o.reps, kind)
			args := []string{b.native, iters}
			if kind == "wasm" {
				args = []string{o.wasmrun, b.wasm, iters}
			}
			out, err := mpirun(2, args...)
			if err != nil {
				return err
			}
			rows, err := table(out)
			if err != nil {
				return err
			}
			if sizes == nil {
				for _, r := range rows {
					sizes = append(sizes, r["size"])
				}
			}
			for _, r := range rows {
				runs[kind].lat[r["size"]] = append(runs[kind].lat[r["size"]], r["latency_us"])
				runs[kind].bw[r["size"]] = append(runs[kind].bw[r["size"]], r["bandwidth_MBps"])
			}
		}
	}
	var csv, md strings.Builder
	csv.WriteString("size_bytes,native_latency_us,wasm_latency_us,latency_delta_ns,native_bw_MBps,wasm_bw_MBps,bw_ratio\n")
	fmt.Fprintf(&md, "# Ping-pong, 2 ranks, one node\n\nMeasured %s, %d interleaved repetitions of each build (median [min–max]). Native: `mpicc -O3 -march=native`; wasm: `wasmrun cc -O3`; both under `mpirun -np 2`.\n\n", stamp(), o.reps)
	md.WriteString("| size (B) | native latency (µs) | wasm latency (µs) | wasm − native (ns) | native MB/s | wasm MB/s | wasm/native bandwidth |\n|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, size := range sizes {
		nl, wl := summarise(runs["native"].lat[size]), summarise(runs["wasm"].lat[size])
		nb, wb := summarise(runs["native"].bw[size]), summarise(runs["wasm"].bw[size])
		delta := (wl.median - nl.median) * 1000
		ratio := 0.0
		if nb.median > 0 {
			ratio = wb.median / nb.median
		}
		fmt.Fprintf(&csv, "%.0f,%.4f,%.4f,%.1f,%.2f,%.2f,%.3f\n", size, nl.median, wl.median, delta, nb.median, wb.median, ratio)
		fmt.Fprintf(&md, "| %.0f | %s | %s | %+.0f | %s | %s | %.2f |\n", size, nl, wl, delta, nb, wb, ratio)
	}
	for name, text := range map[string]string{"pingpong.csv": csv.String(), "pingpong.md": md.String()} {
		if err := os.WriteFile(filepath.Join(o.out, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprint(log, md.String())
	return nil
}
