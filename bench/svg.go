package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A small SVG plotter, enough for the harness's figures and nothing more:
// line charts on log or linear axes with min–max bands, in one or more
// panels side by side, and a bar chart with whiskers and a reference line.

const (
	colNative = "#1f77b4" // blue
	colWasm   = "#d95f02" // orange
	colGrid   = "#e3e3e3"
	colAxis   = "#444444"
	colText   = "#222222"
	colMuted  = "#666666"
)

// point is one value of a series; lo and hi (NaN for none) bound its band.
type point struct{ x, y, lo, hi float64 }

// series is one line of a panel.
type series struct {
	name   string
	color  string
	dashed bool
	square bool // square markers instead of round ones
	pts    []point
}

type scaleKind int

const (
	linear    scaleKind = iota
	log10               // decades
	log2bytes           // powers of two, labelled as byte sizes
)

// panel is one chart: its axes and lines.
type panel struct {
	title, xlabel, ylabel string
	xscale, yscale        scaleKind
	lines                 []series
}

type tick struct {
	v     float64
	label string // "" for a minor tick
}

// axis maps data values onto a pixel range.
type axis struct {
	kind     scaleKind
	min, max float64
	ticks    []tick
}

func (a axis) frac(v float64) float64 {
	if a.kind == linear {
		return (v - a.min) / (a.max - a.min)
	}
	return (math.Log(v) - math.Log(a.min)) / (math.Log(a.max) - math.Log(a.min))
}

// newAxis chooses the range and ticks for data between lo and hi (for the
// log scales only positive data counts).
func newAxis(kind scaleKind, lo, hi float64) axis {
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsNaN(lo) || math.IsNaN(hi) {
		lo, hi = 1, 10
	}
	switch kind {
	case log10:
		e0, e1 := math.Floor(math.Log10(lo)+1e-9), math.Ceil(math.Log10(hi)-1e-9)
		if e1 <= e0 {
			e1 = e0 + 1
		}
		a := axis{kind: kind, min: math.Pow(10, e0), max: math.Pow(10, e1)}
		few := e1-e0 <= 2
		for e := e0; e <= e1; e++ {
			d := math.Pow(10, e)
			a.ticks = append(a.ticks, tick{d, decimal(d)})
			if e == e1 {
				break
			}
			for m := 2.0; m <= 9; m++ {
				label := ""
				if few && (m == 2 || m == 5) {
					label = decimal(m * d)
				}
				a.ticks = append(a.ticks, tick{m * d, label})
			}
		}
		return a
	case log2bytes:
		e0, e1 := math.Floor(math.Log2(lo)+1e-9), math.Ceil(math.Log2(hi)-1e-9)
		if e1 <= e0 {
			e1 = e0 + 1
		}
		a := axis{kind: kind, min: math.Exp2(e0), max: math.Exp2(e1)}
		step := 1.0
		for (e1-e0)/step > 7 {
			step *= 2
		}
		for e := e0; e <= e1; e++ {
			label := ""
			if math.Mod(e, step) == 0 {
				label = sizeLabel(strconv.FormatFloat(math.Exp2(e), 'f', 0, 64))
			}
			a.ticks = append(a.ticks, tick{math.Exp2(e), label})
		}
		return a
	}
	if lo > 0 {
		lo = 0
	}
	step := niceStep((hi - lo) / 6)
	a := axis{kind: linear, min: lo, max: math.Ceil(hi/step-1e-9) * step}
	if a.max <= a.min {
		a.max = a.min + step
	}
	for v := a.min; v <= a.max+step/2; v += step {
		a.ticks = append(a.ticks, tick{v, decimal(math.Round(v/step) * step)})
	}
	return a
}

// niceStep is the smallest of 1, 2, 2.5, 5 × 10^k not below x.
func niceStep(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// decimal formats a tick value without exponent or trailing zeros, rounded
// to 12 significant digits (3 × 0.2 is 0.6000000000000001).
func decimal(v float64) string {
	if r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64); err == nil {
		v = r
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// svgDoc accumulates the elements of one figure.
type svgDoc struct {
	b    strings.Builder
	w, h int
}

func newSVG(w, h int, title string) *svgDoc {
	d := &svgDoc{w: w, h: h}
	fmt.Fprintf(&d.b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(&d.b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12" fill="%s">`+"\n", w, h, w, h, colText)
	fmt.Fprintf(&d.b, "<title>%s</title>\n", esc(title))
	fmt.Fprintf(&d.b, `<rect x="0" y="0" width="%d" height="%d" fill="white"/>`+"\n", w, h)
	return d
}

func (d *svgDoc) raw(format string, args ...any) { fmt.Fprintf(&d.b, format+"\n", args...) }

// text draws s; anchor is start, middle or end; extra holds more attributes.
func (d *svgDoc) text(x, y float64, anchor, extra, s string) {
	d.raw(`<text x="%.1f" y="%.1f" text-anchor="%s"%s>%s</text>`, x, y, anchor, extra, esc(s))
}

func (d *svgDoc) line(x1, y1, x2, y2 float64, stroke string, width float64, extra string) {
	d.raw(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"%s/>`, x1, y1, x2, y2, stroke, width, extra)
}

func (d *svgDoc) String() string { return d.b.String() + "</svg>\n" }

// header draws a figure's title and subtitle (at most two lines).
func (d *svgDoc) header(title, subtitle string) {
	d.text(float64(d.w)/2, 24, "middle", ` font-size="16" font-weight="bold"`, title)
	for i, line := range strings.SplitN(subtitle, "\n", 2) {
		d.text(float64(d.w)/2, 42+14*float64(i), "middle", ` font-size="11" fill="`+colMuted+`"`, line)
	}
}

func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace(s)
}

// Layout of a line-chart panel.
const (
	panelW, panelH                = 460, 400
	padL, padR, padTop, padBottom = 70, 20, 30, 52
	figTop                        = 66 // room for the figure's title and two lines of subtitle
)

// lineFigure draws panels side by side under one title.
func lineFigure(title, subtitle string, panels []panel) string {
	w := panelW * len(panels)
	if len(panels) == 1 {
		w = 680
	}
	pw := w / len(panels)
	d := newSVG(w, figTop+panelH, title)
	d.header(title, subtitle)
	for i, p := range panels {
		d.panel(float64(i*pw), figTop, float64(pw), panelH, p)
	}
	return d.String()
}

// panel draws one line chart into the box at (ox, oy) of size w × h.
func (d *svgDoc) panel(ox, oy, w, h float64, p panel) {
	x0, x1 := ox+padL, ox+w-padR
	y0, y1 := oy+h-padBottom, oy+padTop // y0 is the bottom
	xlo, xhi, ylo, yhi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, s := range p.lines {
		for _, pt := range s.pts {
			if !usable(p.xscale, pt.x) || !usable(p.yscale, pt.y) {
				continue
			}
			xlo, xhi = math.Min(xlo, pt.x), math.Max(xhi, pt.x)
			for _, v := range []float64{pt.y, pt.lo, pt.hi} {
				if usable(p.yscale, v) {
					ylo, yhi = math.Min(ylo, v), math.Max(yhi, v)
				}
			}
		}
	}
	xa, ya := newAxis(p.xscale, xlo, xhi), newAxis(p.yscale, ylo, yhi)
	px := func(v float64) float64 { return x0 + xa.frac(v)*(x1-x0) }
	py := func(v float64) float64 { return y0 - ya.frac(v)*(y0-y1) }

	d.raw(`<g class="panel">`)
	d.text((x0+x1)/2, y1-10, "middle", ` font-size="13" font-weight="bold"`, p.title)
	// Grid and ticks.
	for _, t := range xa.ticks {
		x := px(t.v)
		if t.label != "" {
			d.line(x, y0, x, y1, colGrid, 1, "")
			d.line(x, y0, x, y0+5, colAxis, 1, "")
			d.text(x, y0+18, "middle", "", t.label)
		} else {
			d.line(x, y0, x, y0+3, colAxis, 1, "")
		}
	}
	for _, t := range ya.ticks {
		y := py(t.v)
		if t.label != "" {
			d.line(x0, y, x1, y, colGrid, 1, "")
			d.line(x0-5, y, x0, y, colAxis, 1, "")
			d.text(x0-8, y+4, "end", "", t.label)
		} else {
			d.line(x0-3, y, x0, y, colAxis, 1, "")
		}
	}
	d.raw(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="none" stroke="%s"/>`, x0, y1, x1-x0, y0-y1, colAxis)
	d.text((x0+x1)/2, y0+38, "middle", "", p.xlabel)
	d.text(0, 0, "middle", fmt.Sprintf(` transform="translate(%.1f %.1f) rotate(-90)"`, ox+18, (y0+y1)/2), p.ylabel)

	// Bands, then lines and markers on top.
	for _, s := range p.lines {
		var upper, lower []string
		for _, pt := range s.pts {
			if usable(p.xscale, pt.x) && usable(p.yscale, pt.lo) && usable(p.yscale, pt.hi) {
				upper = append(upper, fmt.Sprintf("%.1f,%.1f", px(pt.x), py(pt.hi)))
				lower = append([]string{fmt.Sprintf("%.1f,%.1f", px(pt.x), py(pt.lo))}, lower...)
			}
		}
		if len(upper) > 1 {
			d.raw(`<polygon class="band" points="%s" fill="%s" fill-opacity="0.15" stroke="none"/>`, strings.Join(append(upper, lower...), " "), s.color)
		}
	}
	for _, s := range p.lines {
		var pts []string
		var xy [][2]float64
		for _, pt := range s.pts {
			if usable(p.xscale, pt.x) && usable(p.yscale, pt.y) {
				xy = append(xy, [2]float64{px(pt.x), py(pt.y)})
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", px(pt.x), py(pt.y)))
			}
		}
		d.raw(`<polyline class="series" points="%s" fill="none" stroke="%s" stroke-width="2"%s><title>%s</title></polyline>`, strings.Join(pts, " "), s.color, dashAttr(s), esc(s.name))
		for _, c := range xy {
			d.marker(c[0], c[1], s)
		}
	}
	// Legend, top left inside the plot area.
	lx, ly := x0+10, y1+10
	width := 0
	for _, s := range p.lines {
		width = max(width, len([]rune(s.name)))
	}
	d.raw(`<rect class="legend" x="%.1f" y="%.1f" width="%.1f" height="%d" fill="white" fill-opacity="0.9" stroke="#cccccc"/>`, lx, ly, 46+7.2*float64(width), 8+18*len(p.lines))
	for i, s := range p.lines {
		y := ly + 14 + 18*float64(i)
		d.line(lx+6, y, lx+34, y, s.color, 2, dashAttr(s))
		d.marker(lx+20, y, s)
		d.text(lx+40, y+4, "start", "", s.name)
	}
	d.raw(`</g>`)
}

func (d *svgDoc) marker(x, y float64, s series) {
	if s.square {
		d.raw(`<rect x="%.1f" y="%.1f" width="6" height="6" fill="white" stroke="%s" stroke-width="1.5"/>`, x-3, y-3, s.color)
		return
	}
	d.raw(`<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>`, x, y, s.color)
}

func dashAttr(s series) string {
	if s.dashed {
		return ` stroke-dasharray="7 4"`
	}
	return ""
}

// usable says whether v can be drawn on a scale (positive, for log scales).
func usable(k scaleKind, v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	return k == linear || v > 0
}

// bar is one bar of a bar chart: value, and a whisker from lo to hi (NaN
// for none).
type bar struct {
	label, sub    string
	value, lo, hi float64
}

// barFigure draws bars on a linear axis from 0 with a dashed reference
// line at ref.
func barFigure(title, subtitle, ylabel string, bars []bar, ref float64, refLabel string) string {
	const slot, h = 104.0, 440.0
	w := math.Max(600, padL+90+slot*float64(len(bars)))
	d := newSVG(int(w), int(h), title)
	d.header(title, subtitle)
	x0, x1 := float64(padL), w-90
	y0, y1 := h-64, float64(figTop)+16
	top := ref
	for _, b := range bars {
		for _, v := range []float64{b.value, b.hi} {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				top = math.Max(top, v)
			}
		}
	}
	ya := newAxis(linear, 0, top*1.1)
	py := func(v float64) float64 { return y0 - ya.frac(v)*(y0-y1) }
	for _, t := range ya.ticks {
		y := py(t.v)
		d.line(x0, y, x1, y, colGrid, 1, "")
		d.line(x0-5, y, x0, y, colAxis, 1, "")
		d.text(x0-8, y+4, "end", "", t.label)
	}
	d.text(0, 0, "middle", fmt.Sprintf(` transform="translate(18 %.1f) rotate(-90)"`, (y0+y1)/2), ylabel)
	step := (x1 - x0) / float64(max(len(bars), 1))
	for i, b := range bars {
		cx := x0 + step*(float64(i)+0.5)
		bw := math.Min(56, step*0.6)
		v := b.value
		if math.IsNaN(v) || math.IsInf(v, 0) {
			v = 0
		}
		d.raw(`<rect class="bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s: %.2f</title></rect>`, cx-bw/2, py(v), bw, y0-py(v), colWasm, esc(b.label), v)
		if !math.IsNaN(b.lo) && !math.IsNaN(b.hi) {
			d.line(cx, py(b.lo), cx, py(b.hi), colAxis, 1.5, ` class="whisker"`)
			d.line(cx-6, py(b.lo), cx+6, py(b.lo), colAxis, 1.5, "")
			d.line(cx-6, py(b.hi), cx+6, py(b.hi), colAxis, 1.5, "")
		}
		// The value sits beside the top of its bar, clear of the whisker.
		d.text(cx+bw/2+3, math.Max(py(v)+4, y1+10), "start", ` font-weight="bold"`, fmt.Sprintf("%.2f×", v))
		d.text(cx, y0+18, "middle", ` font-size="13"`, b.label)
		d.text(cx, y0+34, "middle", ` font-size="10" fill="`+colMuted+`"`, b.sub)
	}
	d.raw(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="none" stroke="%s"/>`, x0, y1, x1-x0, y0-y1, colAxis)
	ry := py(ref)
	d.line(x0, ry, x1, ry, colNative, 2, ` class="reference" stroke-dasharray="8 4"`)
	d.text(x1+4, ry+4, "start", ` fill="`+colNative+`" font-weight="bold"`, refLabel)
	return d.String()
}
