package main

import (
	"fmt"
	"math"
	"slices"
)

// stats are the median and the spread (min, max) of repeated measurements.
type stats struct{ median, min, max float64 }

// summarise returns the median, min and max of xs (NaN for all three when
// xs is empty). The median of an even count is the mean of the middle two.
func summarise(xs []float64) stats {
	if len(xs) == 0 {
		return stats{math.NaN(), math.NaN(), math.NaN()}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return stats{median: med, min: s[0], max: s[n-1]}
}

// ratios pairs wasm[i] with native[i] (the two runs of one repetition, run
// back to back) and summarises wasm[i]/native[i]. The median it returns is
// not used as the headline ratio, which is the ratio of the two medians
// (see compare); its min and max say how far single pairs strayed.
func ratios(native, wasm []float64) stats {
	var r []float64
	for i := range min(len(native), len(wasm)) {
		if native[i] != 0 {
			r = append(r, wasm[i]/native[i])
		}
	}
	return summarise(r)
}

// comparison is one measured quantity, native beside wasm.
type comparison struct {
	native, wasm stats
	// ratio is wasm median / native median; ratioMin and ratioMax are the
	// extremes of the per-repetition ratios.
	ratio, ratioMin, ratioMax float64
	reps                      int
}

func compare(native, wasm []float64) comparison {
	c := comparison{native: summarise(native), wasm: summarise(wasm), reps: min(len(native), len(wasm))}
	c.ratio = math.NaN()
	if c.native.median != 0 {
		c.ratio = c.wasm.median / c.native.median
	}
	r := ratios(native, wasm)
	c.ratioMin, c.ratioMax = r.min, r.max
	return c
}

// num formats a measurement with three significant digits, without
// exponents for the magnitudes benchmarks produce.
func num(v float64) string {
	switch a := math.Abs(v); {
	case math.IsNaN(v):
		return "–"
	case a == 0:
		return "0"
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	case a >= 1:
		return fmt.Sprintf("%.2f", v)
	case a >= 0.01:
		return fmt.Sprintf("%.3g", v)
	default:
		return fmt.Sprintf("%.2g", v)
	}
}

func (s stats) String() string {
	return fmt.Sprintf("%s [%s–%s]", num(s.median), num(s.min), num(s.max))
}
