package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// runInfo says how a group was measured; meta.json in the results
// directory keeps one per group, so that the reports can be rendered again
// from the CSVs alone (-report).
type runInfo struct {
	Measured string `json:"measured"` // UTC
	Duration string `json:"duration"`
	Reps     int    `json:"reps"`
	Quick    bool   `json:"quick"`
	Ranks    int    `json:"ranks"`
	Host     string `json:"host"`
	Launch   string `json:"launch"`
	Native   string `json:"native"`
	Wasm     string `json:"wasm"`
	Wasmrun  string `json:"wasmrun"`
}

func readMeta(dir string) (map[string]runInfo, error) {
	m := map[string]runInfo{}
	b, err := os.ReadFile(filepath.Join(dir, "meta.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	return m, json.Unmarshal(b, &m)
}

func writeMeta(dir, groupName string, info runInfo) error {
	m, err := readMeta(dir)
	if err != nil {
		return err
	}
	m[groupName] = info
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "meta.json"), append(b, '\n'), 0o644)
}

// writeCSV writes a group's records to <dir>/<group>.csv.
func writeCSV(dir, groupName string, recs []record) error {
	f, err := os.Create(filepath.Join(dir, groupName+".csv"))
	if err != nil {
		return err
	}
	if err := writeRecords(f, recs); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeRuns writes every value of a group's runs to <dir>/<group>-runs.csv.
func writeRuns(dir, groupName string, acc *accum) error {
	f, err := os.Create(filepath.Join(dir, groupName+"-runs.csv"))
	if err != nil {
		return err
	}
	if err := acc.writeRuns(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// render writes every report that the CSVs in dir allow: one Markdown file
// per group, summary.md, and the SVG figures; it prints the summary to log.
func render(dir string, log io.Writer) error {
	meta, err := readMeta(dir)
	if err != nil {
		return err
	}
	results := map[string][]record{}
	for _, g := range allGroups() {
		f, err := os.Open(filepath.Join(dir, g.name+".csv"))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		recs, err := readRecords(f)
		f.Close()
		if err != nil {
			// Left by an older harness, say: measure the group again.
			fmt.Fprintf(log, "bench: skipping %s.csv: %v\n", g.name, err)
			continue
		}
		results[g.name] = recs
	}
	if len(results) == 0 {
		return fmt.Errorf("no results in %s: run the benchmarks first", dir)
	}
	files := map[string]string{}
	for name, recs := range results {
		files[name+".md"] = groupMarkdown(name, recs, meta[name])
	}
	if recs, ok := results["pingpong"]; ok {
		files["latency.svg"] = latencyFigure(recs, meta["pingpong"])
	}
	if recs, ok := results["bandwidth"]; ok {
		files["bandwidth.svg"] = bandwidthFigure(recs, meta["bandwidth"])
	}
	if recs, ok := results["collectives"]; ok {
		files["collectives.svg"] = collectivesFigure(recs, meta["collectives"])
	}
	if recs, ok := results["compute"]; ok {
		files["compute.svg"] = computeFigure(recs, meta["compute"])
	}
	if recs, ok := results["numlib"]; ok {
		files["numlib.svg"] = numlibFigure(recs, meta["numlib"])
	}
	files["summary.md"] = summary(results, meta)
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprint(log, "\n"+files["summary.md"])
	return nil
}

// sizeLabel writes a byte count the way people read message sizes.
func sizeLabel(p string) string {
	n, err := strconv.ParseInt(p, 10, 64)
	if err != nil {
		return p
	}
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func unitLabel(u string) string {
	if u == "us" {
		return "µs"
	}
	return u
}

func ratioCell(c comparison) string {
	if math.IsNaN(c.ratioMin) {
		return fmt.Sprintf("%.2f", c.ratio)
	}
	return fmt.Sprintf("%.2f [%.2f–%.2f]", c.ratio, c.ratioMin, c.ratioMax)
}

var (
	titles = map[string]string{
		"pingpong":    "Ping-pong latency",
		"bandwidth":   "Point-to-point bandwidth",
		"collectives": "Collective latency",
		"compute":     "Compute kernels, one rank",
		"opencl":      "OpenCL through the bridge, one rank",
		"cuda":        "CUDA through the bridge, one rank",
		"numlib":      "BLAS, LAPACK and FFTW through the bridge, one rank",
		"startup":     "Start-up",
	}
	descriptions = map[string]string{
		"pingpong": "One-way latency between two ranks on one node, as osu_latency measures it " +
			"(`bench/kernels/pingpong.c`): rank 0 sends a message and rank 1 sends it back, " +
			"MPI_Send/MPI_Recv; the latency is half the round trip. The round trips of a size run in 10 " +
			"batches and the latency is the median of the batches' means, so that a neighbour taking the " +
			"CPU for a while spoils one batch rather than the whole size. Buffers are page-aligned, as in OSU.",
		"bandwidth": "Bandwidth between two ranks on one node (`bench/kernels/bandwidth.c`). " +
			"**osu_bw**: rank 0 posts a window of 64 MPI_Isend, rank 1 as many MPI_Irecv, both wait, " +
			"rank 1 acknowledges; MB/s = bytes of the window / time. **osu_bibw**: both ranks send a " +
			"window to each other at once; both directions count. Each pending receive has a buffer of " +
			"its own, so the window shrinks to 32 at 2 MiB and 16 at 4 MiB (64 MiB in flight at most). " +
			"Buffers are page-aligned, as in OSU. MB = 10⁶ bytes.",
		"collectives": "Time per call of back-to-back collectives on MPI_COMM_WORLD, averaged over " +
			"the ranks, as the OSU collective benchmarks measure it (`bench/kernels/collectives.c`), except " +
			"that each rank's time is the median of 10 batches' means rather than one mean: " +
			"MPI_Allreduce sums size/8 doubles; MPI_Bcast sends size bytes from rank 0; MPI_Alltoall " +
			"sends size bytes from every rank to every rank.",
		"opencl": "One rank on the first OpenCL device (`bench/kernels/opencl.c`), the same source built " +
			"natively against libOpenCL and to wasm: **write**/**read**: blocking clEnqueueWriteBuffer/ReadBuffer of " +
			"64 MiB between host memory and a device buffer, GB/s over 10 transfers (GB = 10⁹ bytes); **saxpy**: " +
			"y = a·x + y over 2²² floats, 10 launches each followed by clFinish; **launch**: an empty kernel of 64 " +
			"work-items, launch + clFinish, the fixed cost of one kernel (µs). On PoCL the device is the CPU, so " +
			"transfers are memory copies. The ratio is wasm / native.",
		"cuda": "One rank on CUDA device 0 (`bench/kernels/cuda.c`, its PTX from `samples/cuda/kernels.cu`), the " +
			"same source built natively against NVIDIA's cuda.h and libcuda and to wasm: **h2d**/**d2h**: " +
			"cuMemcpyHtoD/DtoH of 64 MiB from pageable host memory, GB/s over 10 transfers (GB = 10⁹ bytes); " +
			"**vadd**: c = a + s·b over 2²⁴ floats, one launch + cuCtxSynchronize, mean of 10; **launch**: an empty " +
			"kernel launched 10,000 times, then one synchronize (the host's cost of cuLaunchKernel); " +
			"**launch_sync**: launch + synchronize, mean of 1,000. Runs only where `wasmrun doctor` finds a CUDA " +
			"device; elsewhere the harness skips the group and says so. The ratio is wasm / native.",
		"numlib": "One rank (`bench/kernels/numlib.c`), the same source built natively against OpenBLAS, LAPACKE and " +
			"FFTW and to wasm, whose calls the bridge passes to the same libraries: **dgemm**: cblas_dgemm, n×n, best of 3; " +
			"**dgemm_c**: the same product written in C (64³ blocks, i-k-j), which is what the guest runs without the " +
			"library; **dgesv**: LAPACKE_dgesv, one right-hand side, (2/3)n³ flops; **fft3d**: in-place complex 3D FFT " +
			"(FFTW_ESTIMATE), 5·N·log₂N flops a transform; **dgemm4**, **ddot8**: the fixed cost of one tiny call (4×4 " +
			"cblas_dgemm, cblas_ddot of length 8), time per call. OpenBLAS uses its default threads (one per core). " +
			"The ratio is wasm / native.",
		"compute": "One-rank kernels, each timed with MPI_Wtime over a fixed amount of work after an " +
			"untimed warm-up pass, and each checking its own answer. The ratio is wasm time / native " +
			"time (above 1: wasm is slower).\n\n" +
			"- **stream**: STREAM triad `a = b + q·c` on three arrays of 2²⁴ doubles (384 MiB), the arrays changing roles each pass; GB/s count 24 bytes per element (`stream.c`).\n" +
			"- **dgemm**: C = A·B, n = 512, 64×64×64 blocks, i-k-j order inside a block (`dgemm.c`).\n" +
			"- **jacobi2d**: 5-point Jacobi sweeps on a 2048² grid (`jacobi2d.c`).\n" +
			"- **jacobi3d**: 7-point Jacobi sweeps on a 192³ grid (`jacobi3d.c`).\n" +
			"- **spmv**: CSR y = A·x for the 7-point Poisson matrix of a 96³ grid, products chained (`spmv.c`).\n" +
			"- **is**: NPB IS-style counting sort of 2²³ keys in [0, 2¹⁹), 10 ranking iterations then the sort (`is.c`).\n" +
			"- **cg**: HPCG-style conjugate gradient on the 27-point stencil matrix of a 64³ grid, preconditioned by one symmetric Gauss-Seidel sweep, 50 iterations; GFLOP/s counted as HPCG does; the residual must fall below 1e-6 (`cg.c`).",
	}
	startupDescription = "Wall time of a whole process, from launch to exit, for modules whose main returns at once " +
		"(generated by the harness into its work directory): `wasmrun --cache DIR app.wasm` against the native build " +
		"of the same source run directly (native has no cache: its cold and warm rows measure the same thing). " +
		"**small**: `int main(void) { return 0; }` at -O3. **big**: 1000 generated functions of 320 chained " +
		"floating-point statements, all reachable through a function table, at -O1: about 5 MB of wasm code. " +
		"**cold**: --cache is a fresh, empty directory in every repetition, so the module is compiled; **warm**: " +
		"a directory primed once before the first repetition, so the compiled code is loaded from it. " +
		"**big8**: `mpirun --oversubscribe --bind-to none -np 8` ranks of the big module at once on one fresh " +
		"cache directory, total wall time of mpirun; afterwards the compiled-code entries in DIR/code/*/*/ " +
		"(the locks aside) are counted, and anything but 1 fails the run (the module must be compiled once per " +
		"node, the other ranks waiting on the lock and loading it). The 8 native ranks run the native big build " +
		"under the same mpirun. Neither module calls MPI_Init. Target (issue 6): warm start of the small module under 50 ms."
	kernelNames = map[string]string{
		"stream": "STREAM triad", "dgemm": "DGEMM", "jacobi2d": "Jacobi 2D", "jacobi3d": "Jacobi 3D",
		"spmv": "SpMV (CSR)", "is": "IS (sort)", "cg": "HPCG-style CG",
	}
	opNames = map[string]string{"allreduce": "MPI_Allreduce", "bcast": "MPI_Bcast", "alltoall": "MPI_Alltoall"}
)

// howMeasured is the paragraph and list every group report starts with.
func howMeasured(info runInfo) string {
	var b strings.Builder
	if info.Measured == "" {
		return "(No run information: meta.json has no entry for this group.)\n\n"
	}
	quick := ""
	if info.Quick {
		quick = " **Quick run** (-quick): fewer iterations and repetitions, for a smoke test, not for quoting."
	}
	fmt.Fprintf(&b, "Measured %s in %s: %d repetitions of each build, interleaved: in each repetition the two builds run "+
		"back to back, native first in odd repetitions and wasm first in even ones (native, wasm, wasm, native, native, ...). "+
		"Each cell is the median [min–max] over the repetitions; a ratio's range is that of the per-repetition "+
		"ratios (each wasm run against the native run beside it).%s\n\n", info.Measured, info.Duration, info.Reps, quick)
	fmt.Fprintf(&b, "- host: %s\n- native: %s\n- wasm: %s\n- launched as: `%s ...`\n- wasmrun: %s\n\n",
		info.Host, info.Native, info.Wasm, info.Launch, info.Wasmrun)
	return b.String()
}

// groupMarkdown is the report of one group.
func groupMarkdown(name string, recs []record, info runInfo) string {
	var b strings.Builder
	title := titles[name]
	if info.Ranks > 1 {
		title += fmt.Sprintf(", %d ranks, one node", info.Ranks)
	}
	desc := descriptions[name]
	if name == "startup" {
		title = titles[name]
		desc = startupDescription
	}
	fmt.Fprintf(&b, "# %s\n\n%s\n\n%s", title, desc, howMeasured(info))
	switch name {
	case "pingpong":
		b.WriteString("| size | native (µs) | wasm (µs) | wasm − native (µs) | wasm / native |\n|---:|---:|---:|---:|---:|\n")
		for _, r := range pick(recs, "pingpong", "latency") {
			fmt.Fprintf(&b, "| %s | %s | %s | %+.3f | %s |\n", sizeLabel(r.param), r.native, r.wasm, r.wasm.median-r.native.median, ratioCell(r.comparison))
		}
	case "bandwidth":
		b.WriteString("| size | osu_bw native (MB/s) | osu_bw wasm (MB/s) | wasm / native | osu_bibw native (MB/s) | osu_bibw wasm (MB/s) | wasm / native |\n|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, r := range pick(recs, "bw", "bandwidth") {
			bi, ok := find(recs, "bibw", r.param, "bandwidth")
			cells := "| – | – | – |"
			if ok {
				cells = fmt.Sprintf("| %s | %s | %s |", bi.native, bi.wasm, ratioCell(bi.comparison))
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s %s\n", sizeLabel(r.param), r.native, r.wasm, ratioCell(r.comparison), cells)
		}
	case "collectives":
		for _, op := range []string{"allreduce", "bcast", "alltoall"} {
			rows := pick(recs, op, "latency")
			if len(rows) == 0 {
				continue
			}
			fmt.Fprintf(&b, "## %s\n\n| size | native (µs) | wasm (µs) | wasm / native |\n|---:|---:|---:|---:|\n", opNames[op])
			for _, r := range rows {
				fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", sizeLabel(r.param), r.native, r.wasm, ratioCell(r.comparison))
			}
			b.WriteString("\n")
		}
	case "startup":
		b.WriteString("| module | cache | native, launch to exit (ms) | wasm, launch to exit (ms) | wasm / native | wasm − native (ms) |\n|---|---|---:|---:|---:|---:|\n")
		for _, r := range recs {
			if r.metric != "time" {
				continue
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %+.1f |\n", startupModule(r.bench), r.param, r.native, r.wasm, ratioCell(r.comparison), r.wasm.median-r.native.median)
		}
		b.WriteString("\n")
		for _, m := range []string{"small", "big"} {
			if r, ok := find(recs, m, "file", "size"); ok {
				fmt.Fprintf(&b, "- %s module: %s of wasm; native executable %s\n", m, megabytes(r.wasm.median), megabytes(r.native.median))
			}
		}
		if r, ok := find(recs, "big8", "cold", "entries"); ok {
			fmt.Fprintf(&b, "- compiled-code cache entries after 8 ranks started together on an empty cache: %.0f (median over the repetitions; min %.0f, max %.0f)\n",
				r.wasm.median, r.wasm.min, r.wasm.max)
		}
	case "compute", "opencl", "cuda", "numlib":
		b.WriteString("| kernel | problem | native time (s) | wasm time (s) | wasm / native time | native rate | wasm rate |\n|---|---|---:|---:|---:|---:|---:|\n")
		for _, r := range recs {
			if r.metric != "time" {
				continue
			}
			rate, _ := find(recs, r.bench, r.param, "rate")
			u := unitLabel(rate.unit)
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s %s | %s %s |\n", r.bench, r.param, r.native, r.wasm, ratioCell(r.comparison),
				num(rate.native.median), u, num(rate.wasm.median), u)
		}
	}
	return b.String()
}

// summary is the compact table for the README: for each benchmark its
// headline quantities.
func summary(results map[string][]record, meta map[string]runInfo) string {
	var b strings.Builder
	b.WriteString("# wasmrun against native: summary\n\n")
	b.WriteString("Each row: the median over interleaved repetitions of the same source built natively " +
		"(`mpicc -O3 -march=native`) and to wasm (`wasmrun cc -O3`), run in the same invocation of the harness. " +
		"The ratio is wasm ÷ native of the value in that row: above 1 is slower for latencies and times, " +
		"below 1 is slower for bandwidths.")
	var tables []string
	for _, g := range allGroups() {
		if results[g.name] != nil {
			tables = append(tables, g.name+".md")
		}
	}
	fmt.Fprintf(&b, " Full tables: %s; figures: the .svg files beside them.\n\n", strings.Join(tables, ", "))
	var when []string
	for _, g := range allGroups() {
		if info, ok := meta[g.name]; ok && results[g.name] != nil {
			q := ""
			if info.Quick {
				q = ", quick"
			}
			when = append(when, fmt.Sprintf("%s: %s, %d reps%s", g.name, info.Measured, info.Reps, q))
		}
	}
	for _, g := range allGroups() {
		if info, ok := meta[g.name]; ok {
			fmt.Fprintf(&b, "Host: %s. %s. Measured (%s).\n\n", info.Host, info.Wasmrun, strings.Join(when, "; "))
			break
		}
	}
	b.WriteString("| benchmark | measure | native | wasm | wasm / native | best wasm / best native |\n|---|---|---:|---:|---:|---:|\n")
	row := func(bench, measure string, r record, ok bool) {
		if ok {
			u := unitLabel(r.unit)
			fmt.Fprintf(&b, "| %s | %s | %s %s | %s %s | %.2f%s | %.2f |\n", bench, measure, num(r.native.median), u, num(r.wasm.median), u, r.ratio, noisy(r), bestRatio(r))
		}
	}
	pp := results["pingpong"]
	for _, size := range []string{"8", "1048576"} {
		r, ok := find(pp, "pingpong", size, "latency")
		row("ping-pong", "one-way latency, "+sizeLabel(size), r, ok)
	}
	bw := results["bandwidth"]
	r, ok := find(bw, "bw", "1048576", "bandwidth")
	row("osu_bw (window 64)", "bandwidth, 1 MiB", r, ok)
	r, ok = find(bw, "bibw", "1048576", "bandwidth")
	row("osu_bibw (window 64)", "bandwidth, 1 MiB", r, ok)
	ranks := ""
	if n := meta["collectives"].Ranks; n > 0 {
		ranks = fmt.Sprintf(" (%d ranks)", n)
	}
	for _, op := range []string{"allreduce", "bcast", "alltoall"} {
		for _, size := range []string{"8", "1048576"} {
			r, ok := find(results["collectives"], op, size, "latency")
			row(opNames[op]+ranks, "latency, "+sizeLabel(size), r, ok)
		}
	}
	for _, r := range results["compute"] {
		if r.metric != "time" {
			continue
		}
		rate, _ := find(results["compute"], r.bench, r.param, "rate")
		u := unitLabel(rate.unit)
		fmt.Fprintf(&b, "| %s | time, %s | %s s (%s %s) | %s s (%s %s) | %.2f%s | %.2f |\n", kernelNames[r.bench], r.param,
			num(r.native.median), num(rate.native.median), u, num(r.wasm.median), num(rate.wasm.median), u, r.ratio, noisy(r), bestRatio(r))
	}
	for _, c := range [][3]string{{"write", "rate", "OpenCL host → device, blocking"}, {"read", "rate", "OpenCL device → host, blocking"},
		{"saxpy", "time", "OpenCL SAXPY kernel"}, {"launch", "time", "OpenCL empty kernel launch + finish"}} {
		for _, r := range results["opencl"] {
			if r.bench == c[0] && r.metric == c[1] {
				row(c[2], r.metric+", "+r.param, r, true)
			}
		}
	}
	for _, c := range [][3]string{{"dgemm", "rate", "cblas_dgemm through the bridge"}, {"dgemm_c", "rate", "the same DGEMM as guest C code"},
		{"dgesv", "rate", "LAPACKE_dgesv through the bridge"}, {"fft3d", "rate", "FFTW 3D complex FFT through the bridge"},
		{"dgemm4", "time", "tiny call: 4×4 cblas_dgemm"}, {"ddot8", "time", "tiny call: cblas_ddot of 8"}} {
		for _, r := range results["numlib"] {
			if r.bench == c[0] && r.metric == c[1] {
				row(c[2], r.metric+", "+r.param, r, true)
			}
		}
	}
	st := results["startup"]
	for _, c := range [][3]string{{"small", "warm", "small module, warm cache"}, {"small", "cold", "small module, empty cache"},
		{"big", "warm", "5 MB module, warm cache"}, {"big", "cold", "5 MB module, empty cache"}, {"big8", "cold", "8 ranks, 5 MB module, one empty cache"}} {
		r, ok := find(st, c[0], c[1], "time")
		if !ok {
			continue
		}
		measure := "launch to exit, " + c[2]
		if e, ok := find(st, c[0], c[1], "entries"); ok {
			measure += fmt.Sprintf(" (compiled-code entries after: %.0f)", e.wasm.max)
		}
		row("start-up", measure, r, ok)
	}
	b.WriteString("\nThe last column compares each build's best repetition (the fastest time, the highest bandwidth): " +
		"on a machine with noisy neighbours it is often the steadier comparison. " +
		"(noisy): the two ratios of that row differ by more than 25%; trust neither to better than that.\n")
	if r, ok := find(pp, "pingpong", "8", "latency"); ok {
		fmt.Fprintf(&b, "\n8-byte ping-pong, one way: wasm − native = %+.3f µs (medians), %+.3f µs (best repetitions).\n",
			r.wasm.median-r.native.median, r.wasm.min-r.native.min)
	}
	return b.String()
}

// megabytes writes a size given in MB, in kB below 1 MB.
func megabytes(mb float64) string {
	if mb < 1 {
		return num(mb*1000) + " kB"
	}
	return num(mb) + " MB"
}

func startupModule(b string) string {
	switch b {
	case "small":
		return "small"
	case "big":
		return "5 MB"
	case "big8":
		return "5 MB, 8 ranks at once"
	}
	return b
}

// bestRatio is wasm's best repetition over native's: the lowest value for
// latencies and times, the highest for bandwidths and rates.
func bestRatio(r record) float64 {
	if r.metric == "bandwidth" || r.metric == "rate" {
		return r.wasm.max / r.native.max
	}
	return r.wasm.min / r.native.min
}

// noisy marks a row whose two estimates of the ratio, from the medians and
// from the best repetitions, differ by more than 25%.
func noisy(r record) string {
	if q := r.ratio / bestRatio(r); q > 1.25 || q < 1/1.25 {
		return " (noisy)"
	}
	return ""
}

// Figures.

func subtitle(info runInfo, what string) string {
	if info.Measured == "" {
		return what
	}
	return fmt.Sprintf("%s; median of %d interleaved repetitions, band = min–max\n%s; %s", what, info.Reps, info.Host, info.Measured)
}

func pair(recs []record, bench, metric, label string) []series {
	var n, w []point
	for _, r := range pick(recs, bench, metric) {
		x, err := strconv.ParseFloat(r.param, 64)
		if err != nil {
			continue
		}
		n = append(n, point{x, r.native.median, r.native.min, r.native.max})
		w = append(w, point{x, r.wasm.median, r.wasm.min, r.wasm.max})
	}
	if label != "" {
		label += " "
	}
	return []series{
		{name: label + "native", color: colNative, pts: n},
		{name: label + "wasm (wasmrun)", color: colWasm, dashed: true, square: true, pts: w},
	}
}

func latencyFigure(recs []record, info runInfo) string {
	return lineFigure("Ping-pong latency: native vs wasmrun", subtitle(info, "2 ranks, one node; 0 B not shown"), []panel{{
		title: "MPI_Send / MPI_Recv ping-pong", xlabel: "message size (bytes)", ylabel: "one-way latency (µs)",
		xscale: log2bytes, yscale: log10, lines: pair(recs, "pingpong", "latency", ""),
	}})
}

func bandwidthFigure(recs []record, info runInfo) string {
	return lineFigure("Point-to-point bandwidth: native vs wasmrun", subtitle(info, "2 ranks, one node; MB = 10⁶ bytes"), []panel{
		{title: "osu_bw: window of 64 MPI_Isend", xlabel: "message size (bytes)", ylabel: "bandwidth (MB/s)",
			xscale: log2bytes, yscale: log10, lines: pair(recs, "bw", "bandwidth", "")},
		{title: "osu_bibw: both directions at once", xlabel: "message size (bytes)", ylabel: "bandwidth, both directions (MB/s)",
			xscale: log2bytes, yscale: log10, lines: pair(recs, "bibw", "bandwidth", "")},
	})
}

func collectivesFigure(recs []record, info runInfo) string {
	var panels []panel
	for _, op := range []string{"allreduce", "bcast", "alltoall"} {
		xl := "message size (bytes)"
		switch op {
		case "allreduce":
			xl = "message size (bytes of doubles summed)"
		case "alltoall":
			xl = "message size (bytes per pair of ranks)"
		}
		panels = append(panels, panel{title: opNames[op], xlabel: xl, ylabel: "latency per call (µs)",
			xscale: log2bytes, yscale: log10, lines: pair(recs, op, "latency", "")})
	}
	return lineFigure("Collective latency: native vs wasmrun", subtitle(info, fmt.Sprintf("%d ranks, one node", info.Ranks)), panels)
}

func computeFigure(recs []record, info runInfo) string {
	var bars []bar
	for _, r := range recs {
		if r.metric != "time" {
			continue
		}
		name := kernelNames[r.bench]
		if name == "" {
			name = r.bench
		}
		bars = append(bars, bar{label: name, sub: r.param, value: r.ratio, lo: r.ratioMin, hi: r.ratioMax})
	}
	sub := "one rank; whiskers = range of per-repetition ratios"
	if info.Measured != "" {
		sub = fmt.Sprintf("one rank; median of %d interleaved repetitions, whiskers = range of per-repetition ratios\n%s; %s", info.Reps, info.Host, info.Measured)
	}
	return barFigure("Compute kernels: wasm time ÷ native time", sub, "wasm time ÷ native time (lower is better)", bars, 1, "native = 1")
}

// numlibFigure draws each numlib rate of the wasm build against the native
// build's rate of the library call: the bridged calls sit at 1, and the
// guest's own C DGEMM shows what a module gets without the library.
func numlibFigure(recs []record, info runInfo) string {
	var bars []bar
	for _, r := range recs {
		if r.metric != "rate" || r.bench == "dgemm4" || r.bench == "ddot8" {
			continue
		}
		label, against := r.bench, r
		switch r.bench {
		case "dgemm_c":
			label = "C dgemm"
			if lib, ok := find(recs, "dgemm", r.param, "rate"); ok {
				against = lib
			}
		}
		v := r.wasm.max / against.native.max
		bars = append(bars, bar{label: label, sub: r.param, value: v, lo: math.NaN(), hi: math.NaN()})
	}
	sub := "one rank; best wasm rate ÷ best native rate of the library call; C dgemm: the same product in guest C"
	if info.Measured != "" {
		sub = fmt.Sprintf("one rank; best wasm rate ÷ best native rate of the library call over %d interleaved repetitions;\n"+
			"C dgemm: the same product written in C, in the guest. %s; %s", info.Reps, info.Host, info.Measured)
	}
	return barFigure("BLAS, LAPACK, FFTW through the bridge, and DGEMM in guest C", sub,
		"wasm rate ÷ native library rate (higher is better)", bars, 1, "native = 1")
}
