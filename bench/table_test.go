package main

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTable(t *testing.T) {
	tb, err := parseTable("size,latency_us\n0,0.1380\n8,0.1581\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"size", "latency_us"}, tb.cols)
	require.Len(t, tb.rows, 2)
	v, err := tb.float(1, "latency_us")
	require.NoError(t, err)
	assert.Equal(t, 0.1581, v)
	s, err := tb.str(0, "size")
	require.NoError(t, err)
	assert.Equal(t, "0", s)
	_, err = tb.float(0, "bandwidth")
	assert.ErrorContains(t, err, `no column "bandwidth"`)

	// A field with a space, as the compute kernels print their problem.
	tb, err = parseTable("kernel,problem,time_s,rate,unit\nis,keys=2^23 max=2^19,0.25,130.4,Mkeys/s\n")
	require.NoError(t, err)
	p, _ := tb.str(0, "problem")
	assert.Equal(t, "keys=2^23 max=2^19", p)

	for name, bad := range map[string]string{
		"empty":           "",
		"header only":     "size,latency_us\n",
		"ragged row":      "size,latency_us\n8,0.1,extra\n",
		"repeated column": "size,size\n1,2\n",
		"empty column":    "size,\n1,2\n",
		"bare quote":      "a,b\n1,\"2\n",
	} {
		_, err := parseTable(bad)
		assert.Error(t, err, name)
	}
	tb, err = parseTable("size,latency_us\n8,nan\n16,fast\n32,+Inf\n")
	require.NoError(t, err)
	for r := range 3 {
		_, err := tb.float(r, "latency_us")
		assert.ErrorContains(t, err, "not a finite number", "row %d", r)
	}
}

func TestKernelParsers(t *testing.T) {
	tb, err := parseTable("size,bw_MBps,bibw_MBps\n1,2.5,4.0\n1048576,9000,15000\n")
	require.NoError(t, err)
	got, err := bandwidthKernel.parse(tb)
	require.NoError(t, err)
	assert.Equal(t, []obs{
		{"bw", "1", "bandwidth", "MB/s", 2.5},
		{"bw", "1048576", "bandwidth", "MB/s", 9000},
		{"bibw", "1", "bandwidth", "MB/s", 4},
		{"bibw", "1048576", "bandwidth", "MB/s", 15000},
	}, got)

	tb, _ = parseTable("op,size,latency_us\nallreduce,8,1.5\nbcast,8,0.3\n")
	got, err = collectivesKernel.parse(tb)
	require.NoError(t, err)
	assert.Equal(t, []obs{{"allreduce", "8", "latency", "us", 1.5}, {"bcast", "8", "latency", "us", 0.3}}, got)

	tb, _ = parseTable("kernel,problem,time_s,rate,unit\ndgemm,n=512,0.5,4.3,GFLOP/s\n")
	got, err = computeKernel("dgemm").parse(tb)
	require.NoError(t, err)
	assert.Equal(t, []obs{{"dgemm", "n=512", "time", "s", 0.5}, {"dgemm", "n=512", "rate", "GFLOP/s", 4.3}}, got)
	_, err = computeKernel("stream").parse(tb)
	assert.ErrorContains(t, err, "printed rows of")

	tb, _ = parseTable("size,latency_us\n1.5,3\n")
	_, err = pingpongKernel.parse(tb)
	assert.ErrorContains(t, err, "not a byte count")
}

func TestAccum(t *testing.T) {
	a := newAccum()
	run := func(v float64) []obs {
		return []obs{{"pingpong", "0", "latency", "us", v}, {"pingpong", "8", "latency", "us", 2 * v}}
	}
	for rep := 1; rep <= 3; rep++ {
		require.NoError(t, a.add(0, rep, run(float64(rep))))
		require.NoError(t, a.add(1, rep, run(float64(rep)+1)))
	}
	recs, err := a.records(3)
	require.NoError(t, err)
	require.Len(t, recs, 2)
	assert.Equal(t, "0", recs[0].param, "kept in the order printed")
	assert.Equal(t, stats{4, 2, 6}, recs[1].native)
	assert.Equal(t, stats{6, 4, 8}, recs[1].wasm)
	assert.InDelta(t, 1.5, recs[1].ratio, 1e-12)
	var runs strings.Builder
	require.NoError(t, a.writeRuns(&runs))
	lines := strings.Split(strings.TrimSpace(runs.String()), "\n")
	require.Len(t, lines, 1+2*3*2, "a header, then each quantity × repetition × build")
	assert.Equal(t, "benchmark,param,metric,unit,rep,build,value", lines[0])
	assert.Equal(t, "pingpong,0,latency,us,1,native,1", lines[1])
	assert.Equal(t, "pingpong,0,latency,us,1,wasm,2", lines[2])
	assert.Equal(t, "pingpong,8,latency,us,3,wasm,8", lines[12])

	b := newAccum()
	require.NoError(t, b.add(0, 1, run(1)))
	assert.ErrorContains(t, b.add(0, 1, run(1)), "printed twice")
	c := newAccum()
	require.NoError(t, c.add(0, 1, run(1)))
	require.NoError(t, c.add(1, 1, run(1)[:1]))
	_, err = c.records(1)
	assert.ErrorContains(t, err, "different rows")
	d := newAccum()
	require.NoError(t, d.add(0, 1, run(1)))
	assert.ErrorContains(t, d.add(1, 1, []obs{{"pingpong", "0", "latency", "ms", 1}}), "unit")
}

func TestRecordsRoundTrip(t *testing.T) {
	in := []record{
		{bench: "pingpong", param: "8", metric: "latency", unit: "us", comparison: compare([]float64{0.15, 0.14, 0.2}, []float64{0.25, 0.24, 0.31})},
		{bench: "spmv", param: "n=96^3, 7-point", metric: "time", unit: "s", comparison: compare([]float64{0.1}, []float64{0.25})},
	}
	var buf bytes.Buffer
	require.NoError(t, writeRecords(&buf, in))
	assert.True(t, strings.HasPrefix(buf.String(), strings.Join(recordHeader, ",")+"\n"))
	out, err := readRecords(&buf)
	require.NoError(t, err)
	require.Len(t, out, 2)
	for i := range in {
		assert.Equal(t, in[i].bench, out[i].bench)
		assert.Equal(t, in[i].param, out[i].param, "a comma in a field survives")
		assert.Equal(t, in[i].unit, out[i].unit)
		assert.Equal(t, in[i].reps, out[i].reps)
		for _, p := range [][2]float64{
			{in[i].native.median, out[i].native.median}, {in[i].wasm.max, out[i].wasm.max},
			{in[i].ratio, out[i].ratio}, {in[i].ratioMin, out[i].ratioMin},
		} {
			assert.InDelta(t, p[0], p[1], 1e-5*math.Abs(p[0]))
		}
	}
	r, ok := find(out, "spmv", "n=96^3, 7-point", "time")
	assert.True(t, ok)
	assert.Equal(t, "s", r.unit)
	_, ok = find(out, "spmv", "n=96^3, 7-point", "rate")
	assert.False(t, ok)

	_, err = readRecords(strings.NewReader("size,latency_us\n8,0.1\n"))
	assert.ErrorContains(t, err, "not a results CSV")
	_, err = readRecords(strings.NewReader(strings.Join(recordHeader, ",") + "\nx,1,latency,us,a,1,1,1,1,1,1,1,1,3\n"))
	assert.ErrorContains(t, err, "native_median")
}

func TestRunOrder(t *testing.T) {
	assert.Equal(t, [2]int{0, 1}, runOrder(1), "native first in odd repetitions")
	assert.Equal(t, [2]int{1, 0}, runOrder(2), "wasm first in even ones")
	assert.Equal(t, [2]int{0, 1}, runOrder(3))
}
