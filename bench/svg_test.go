package main

import (
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// svgStats parses an SVG document completely (so it must be well-formed
// XML) and counts its elements by name, elements by class, and collects its
// text.
type svgStats struct {
	root    string
	elems   map[string]int
	classes map[string]int
	texts   []string
}

func parseSVG(t *testing.T, doc string) svgStats {
	t.Helper()
	s := svgStats{elems: map[string]int{}, classes: map[string]int{}}
	dec := xml.NewDecoder(strings.NewReader(doc))
	var inText bool
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "the SVG must be well-formed XML")
		switch e := tok.(type) {
		case xml.StartElement:
			if s.root == "" {
				s.root = e.Name.Local
				assert.Equal(t, "http://www.w3.org/2000/svg", e.Name.Space)
			}
			s.elems[e.Name.Local]++
			for _, a := range e.Attr {
				if a.Name.Local == "class" {
					s.classes[a.Value]++
				}
			}
			inText = e.Name.Local == "text" || e.Name.Local == "title"
		case xml.CharData:
			if inText {
				s.texts = append(s.texts, string(e))
			}
		case xml.EndElement:
			inText = false
		}
	}
	return s
}

func (s svgStats) hasText(sub string) bool {
	for _, t := range s.texts {
		if strings.Contains(t, sub) {
			return true
		}
	}
	return false
}

func latencyRecords() []record {
	var recs []record
	for i, size := range []string{"0", "1", "8", "1024", "65536", "1048576", "4194304"} {
		n := []float64{0.14 * float64(i+1), 0.13 * float64(i+1), 0.5 * float64(i+1)}
		w := []float64{0.24 * float64(i+1), 0.22 * float64(i+1), 0.7 * float64(i+1)}
		recs = append(recs, record{bench: "pingpong", param: size, metric: "latency", unit: "us", comparison: compare(n, w)})
	}
	return recs
}

func TestLineFigure(t *testing.T) {
	info := runInfo{Measured: "2026-01-01 00:00 UTC", Reps: 3, Host: "Test CPU, 2 CPUs", Ranks: 2}
	s := parseSVG(t, latencyFigure(latencyRecords(), info))
	assert.Equal(t, "svg", s.root)
	assert.Equal(t, 2, s.classes["series"], "one line per build")
	assert.Equal(t, 2, s.classes["band"], "one min–max band per build")
	assert.Equal(t, 1, s.classes["legend"])
	// 6 drawable sizes per build (0 B cannot sit on a log axis), plus one
	// legend marker each.
	assert.Equal(t, 6+1, s.elems["circle"], "native markers")
	for _, want := range []string{"Ping-pong latency", "message size (bytes)", "one-way latency (µs)", "native", "wasm (wasmrun)",
		"1 B", "1 MiB", "0.1", "1", "10", "3 interleaved repetitions", "Test CPU"} {
		assert.True(t, s.hasText(want), "missing text %q", want)
	}

	panels := parseSVG(t, bandwidthFigure([]record{
		{bench: "bw", param: "1", metric: "bandwidth", unit: "MB/s", comparison: compare([]float64{2}, []float64{1})},
		{bench: "bw", param: "1048576", metric: "bandwidth", unit: "MB/s", comparison: compare([]float64{9000}, []float64{8500})},
		{bench: "bibw", param: "1", metric: "bandwidth", unit: "MB/s", comparison: compare([]float64{3}, []float64{2})},
		{bench: "bibw", param: "1048576", metric: "bandwidth", unit: "MB/s", comparison: compare([]float64{15000}, []float64{14000})},
	}, info))
	assert.Equal(t, 2, panels.classes["panel"])
	assert.Equal(t, 4, panels.classes["series"])
	assert.True(t, panels.hasText("osu_bw"))
	assert.True(t, panels.hasText("bandwidth (MB/s)"))
}

func TestLineFigureEscapesAndEmpty(t *testing.T) {
	s := parseSVG(t, lineFigure(`a <b> & "c"`, "", []panel{{title: "empty", xscale: log2bytes, yscale: log10,
		lines: []series{{name: "x<y", color: colNative}}}}))
	assert.True(t, s.hasText(`a <b> & "c"`))
	assert.True(t, s.hasText("x<y"))
}

func TestBarFigure(t *testing.T) {
	bars := []bar{
		{label: "STREAM triad", sub: "n=2^24", value: 1.3, lo: 1.2, hi: 1.5},
		{label: "DGEMM", sub: "n=512", value: 4.1, lo: 3.9, hi: 4.4},
		{label: "no spread", sub: "", value: 0.9, lo: math.NaN(), hi: math.NaN()},
	}
	s := parseSVG(t, barFigure("Compute", "sub", "wasm time ÷ native time", bars, 1, "native = 1"))
	assert.Equal(t, 3, s.classes["bar"])
	assert.Equal(t, 2, s.classes["whisker"])
	assert.Equal(t, 1, s.classes["reference"], "the line at 1.0")
	for _, want := range []string{"Compute", "STREAM triad", "n=512", "4.10×", "0.90×", "native = 1", "wasm time ÷ native time", "0", "5"} {
		assert.True(t, s.hasText(want), "missing text %q", want)
	}
}

func TestAxes(t *testing.T) {
	labels := func(a axis) []string {
		var out []string
		for _, tk := range a.ticks {
			if tk.label != "" {
				out = append(out, tk.label)
			}
		}
		return out
	}
	a := newAxis(log10, 0.13, 520)
	assert.Equal(t, 0.1, a.min)
	assert.Equal(t, 1000.0, a.max)
	assert.Equal(t, []string{"0.1", "1", "10", "100", "1000"}, labels(a))
	assert.Len(t, a.ticks, 4*9+1, "minor ticks at 2..9 of each decade")
	assert.InDelta(t, 0.5, a.frac(math.Sqrt(0.1*1000)), 1e-12)

	narrow := newAxis(log10, 3, 40)
	assert.Equal(t, []string{"1", "2", "5", "10", "20", "50", "100"}, labels(narrow), "few decades get 2 and 5 too")

	b := newAxis(log2bytes, 1, 4<<20)
	assert.Equal(t, 1.0, b.min)
	assert.Equal(t, float64(4<<20), b.max)
	assert.Equal(t, []string{"1 B", "16 B", "256 B", "4 KiB", "64 KiB", "1 MiB"}, labels(b))

	l := newAxis(linear, 0, 4.4)
	assert.Equal(t, 0.0, l.min)
	assert.Equal(t, []string{"0", "1", "2", "3", "4", "5"}, labels(l))

	assert.Equal(t, 2.5, niceStep(2.1))
	assert.Equal(t, 0.5, niceStep(0.31))
	assert.Equal(t, "1 MiB", sizeLabel("1048576"))
	assert.Equal(t, "4 KiB", sizeLabel("4096"))
	assert.Equal(t, "1000 B", sizeLabel("1000"))
	assert.Equal(t, "n=512", sizeLabel("n=512"))
}

// TestRender writes synthetic results and renders every report from them,
// as -report does.
func TestRender(t *testing.T) {
	dir := t.TempDir()
	info := runInfo{Measured: "2026-01-01 00:00 UTC", Duration: "1m0s", Reps: 3, Host: "Test CPU, 2 CPUs", Ranks: 2,
		Launch: "mpirun -np 2", Native: "`mpicc -O3`", Wasm: "`wasmrun cc -O3`", Wasmrun: "wasmrun test"}
	cmp := func(n, w float64) comparison {
		return compare([]float64{n, n * 1.1, n * 0.9}, []float64{w, w * 1.1, w * 0.9})
	}
	groups := map[string][]record{
		"pingpong": latencyRecords(),
		"bandwidth": {
			{bench: "bw", param: "1048576", metric: "bandwidth", unit: "MB/s", comparison: cmp(9000, 8500)},
			{bench: "bibw", param: "1048576", metric: "bandwidth", unit: "MB/s", comparison: cmp(15000, 14000)},
		},
		"collectives": {
			{bench: "allreduce", param: "8", metric: "latency", unit: "us", comparison: cmp(0.5, 0.7)},
			{bench: "allreduce", param: "1048576", metric: "latency", unit: "us", comparison: cmp(300, 310)},
			{bench: "alltoall", param: "8", metric: "latency", unit: "us", comparison: cmp(0.6, 0.8)},
		},
		"compute": {
			{bench: "stream", param: "n=2^24", metric: "time", unit: "s", comparison: cmp(0.2, 0.26)},
			{bench: "stream", param: "n=2^24", metric: "rate", unit: "GB/s", comparison: cmp(20, 15.4)},
		},
	}
	for name, recs := range groups {
		require.NoError(t, writeCSV(dir, name, recs))
		require.NoError(t, writeMeta(dir, name, info))
	}
	var log strings.Builder
	require.NoError(t, render(dir, &log))
	for _, f := range []string{"latency.svg", "bandwidth.svg", "collectives.svg", "compute.svg"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		parseSVG(t, string(b))
	}
	sum, err := os.ReadFile(filepath.Join(dir, "summary.md"))
	require.NoError(t, err)
	for _, want := range []string{
		"| ping-pong | one-way latency, 8 B |",
		"| osu_bw (window 64) | bandwidth, 1 MiB | 9000 MB/s | 8500 MB/s | 0.94 | 0.94 |",
		"| MPI_Allreduce (2 ranks) | latency, 1 MiB | 300 µs | 310 µs | 1.03 | 1.03 |",
		"| STREAM triad | time, n=2^24 | 0.2 s (20.0 GB/s) | 0.26 s (15.4 GB/s) | 1.30 | 1.30 |",
		"8-byte ping-pong, one way: wasm − native = +0.300 µs (medians), +0.270 µs (best repetitions).",
	} {
		assert.Contains(t, string(sum), want)
	}
	assert.Equal(t, log.String(), "\n"+string(sum), "the summary is printed too")
	md, err := os.ReadFile(filepath.Join(dir, "compute.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "| stream | n=2^24 | 0.2 [0.18–0.22] | 0.26 [0.234–0.286] | 1.30 [1.30–1.30] | 20.0 GB/s | 15.4 GB/s |")
	md, err = os.ReadFile(filepath.Join(dir, "collectives.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "## MPI_Alltoall")
	assert.NotContains(t, string(md), "## MPI_Bcast", "no results, no section")

	assert.ErrorContains(t, render(t.TempDir(), io.Discard), "no results")
}

func TestParseFlags(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	o, err := parseFlags(nil, env())
	require.NoError(t, err)
	assert.Equal(t, 9, o.reps)
	assert.False(t, o.quick)
	assert.Equal(t, "bin/wasmrun", o.wasmrun)
	assert.Equal(t, []string{"pingpong", "bandwidth", "collectives", "compute", "opencl", "cuda", "numlib", "startup"}, o.groups)

	o, err = parseFlags(nil, env("QUICK", "1"))
	require.NoError(t, err)
	assert.True(t, o.quick)
	assert.Equal(t, 3, o.reps)
	o, err = parseFlags([]string{"-quick", "-reps", "5", "-mpi", "mpich", "-groups", "compute, pingpong"}, env())
	require.NoError(t, err)
	assert.Equal(t, 5, o.reps, "an explicit -reps wins over -quick")
	assert.Equal(t, "bin/wasmrun", o.wasmrun, "one binary for every MPI")
	assert.Equal(t, []string{"compute", "pingpong"}, o.groups)
	o, err = parseFlags(nil, env("QUICK", "0"))
	require.NoError(t, err)
	assert.False(t, o.quick)

	for _, bad := range [][]string{
		{"-groups", "nope"}, {"-mpi", "lam"}, {"-np", "1"}, {"-reps", "-1"}, {"extra"},
	} {
		_, err := parseFlags(bad, env())
		assert.Error(t, err, "%q", bad)
	}
}

func TestLaunch(t *testing.T) {
	f, err := familyFor("openmpi")
	require.NoError(t, err)
	assert.Contains(t, f.launch(1), "core")
	many := f.launch(1000)
	assert.Contains(t, many, "--oversubscribe")
	assert.Contains(t, many, "none")
	assert.Equal(t, "1000", many[len(many)-1])
}
