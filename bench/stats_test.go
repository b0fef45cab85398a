package main

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSummarise(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []float64
		want stats
	}{
		{"one", []float64{3}, stats{3, 3, 3}},
		{"odd, unsorted", []float64{5, 1, 4, 2, 3}, stats{3, 1, 5}},
		{"even: mean of the middle two", []float64{4, 1, 3, 2}, stats{2.5, 1, 4}},
		{"outlier moves min–max, not the median", []float64{1, 1, 1, 1, 1, 1, 30}, stats{1, 1, 30}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := append([]float64(nil), tc.in...)
			assert.Equal(t, tc.want, summarise(tc.in))
			assert.Equal(t, in, tc.in, "summarise must not reorder its input")
		})
	}
	s := summarise(nil)
	assert.True(t, math.IsNaN(s.median) && math.IsNaN(s.min) && math.IsNaN(s.max))
}

func TestCompare(t *testing.T) {
	// Repetition 3 was slow for both builds: the paired ratios stay tight.
	native := []float64{1.0, 1.1, 3.0, 0.9, 1.0}
	wasm := []float64{2.0, 2.2, 6.3, 1.8, 2.1}
	c := compare(native, wasm)
	assert.Equal(t, stats{1.0, 0.9, 3.0}, c.native)
	assert.Equal(t, stats{2.1, 1.8, 6.3}, c.wasm)
	assert.InDelta(t, 2.1, c.ratio, 1e-12, "ratio of the medians")
	assert.InDelta(t, 2.0, c.ratioMin, 1e-12)
	assert.InDelta(t, 2.1, c.ratioMax, 1e-12)
	assert.Equal(t, 5, c.reps)

	z := compare([]float64{0, 0}, []float64{1, 1})
	assert.True(t, math.IsNaN(z.ratio), "no ratio to a zero median")
	assert.True(t, math.IsNaN(z.ratioMin), "pairs with a zero native value are skipped")
}

func TestNum(t *testing.T) {
	for in, want := range map[float64]string{
		0: "0", 0.13849: "0.138", 0.0042: "0.0042", 1.234: "1.23", 12.34: "12.3",
		123.4: "123", 10523.6: "10524", -0.5: "-0.5", math.NaN(): "–",
	} {
		assert.Equal(t, want, num(in), "%v", in)
	}
	require.Equal(t, "2.00 [1.00–3.00]", stats{2, 1, 3}.String())
}

func TestBestRatio(t *testing.T) {
	lat := record{metric: "latency", comparison: compare([]float64{1, 2, 3}, []float64{3, 4, 5})}
	assert.InDelta(t, 3.0, bestRatio(lat), 1e-12, "fastest wasm over fastest native")
	bw := record{metric: "bandwidth", comparison: compare([]float64{100, 200, 400}, []float64{50, 300, 100})}
	assert.InDelta(t, 0.75, bestRatio(bw), 1e-12, "highest wasm over highest native")
}

func TestNoisy(t *testing.T) {
	// Medians 1 and 1.5, best 1 and 1.3: the ratios 1.5 and 1.3 agree.
	assert.Empty(t, noisy(record{metric: "time", comparison: compare([]float64{1, 1, 1}, []float64{1.3, 1.5, 2.0})}))
	// Best 1 and 1.0: 1.5 against 1.0.
	assert.Equal(t, " (noisy)", noisy(record{metric: "time", comparison: compare([]float64{1, 1, 1}, []float64{1.0, 1.5, 2.5})}))
}
