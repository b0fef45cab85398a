package numlib

// #include <stdlib.h>
// #include "loader.h"
import "C"

import (
	"encoding/binary"
	"fmt"
	"unsafe"
)

// The FFTW transform kinds, as loader.h numbers the planners.
const (
	kindDFT = C.WR_FFTW_PLAN_DFT
	kindR2C = C.WR_FFTW_PLAN_R2C
	kindC2R = C.WR_FFTW_PLAN_C2R
)

// fftwMaxRank bounds the rank of a plan (FFTW's own limit is far above
// what any grid needs).
const fftwMaxRank = 16

// fftwAlign is the alignment modulo which the arrays of a new-array
// execute must match the planned ones: FFTW's SIMD codelets need the same
// alignment, and fftw_malloc gives this one.
const fftwAlign = 64

// plan is an FFTW plan with what new-array execution is checked against.
type plan struct {
	host    uintptr
	single  C.int
	kind    int
	in, out uint32 // the planned arrays (guest addresses)
	// lo and hi bound the bytes each transform touches, relative to its
	// array's address.
	inLo, inHi, outLo, outHi int64
}

// hostRoutine is a host function without a spec.txt line.
func hostRoutine(name, params, result string, fn func(b *Bridge, s []uint64)) routine {
	return routine{name: name, params: params, result: result, fn: fn}
}

// fftwPrefix is the name prefix of precision single (0 double, 1 single).
func fftwPrefix(single C.int) string {
	if single != 0 {
		return "fftwf_"
	}
	return "fftw_"
}

// fftwRoutines are the host functions of the FFTW module, both precisions.
var fftwRoutines = func() []routine {
	var out []routine
	for single := C.int(0); single < 2; single++ {
		p := fftwPrefix(single)
		out = append(out,
			hostRoutine(p+"plan_many_dft", "i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32", "i32",
				func(b *Bridge, s []uint64) { b.planMany(single, kindDFT, p+"plan_many_dft", s) }),
			hostRoutine(p+"plan_many_dft_r2c", "i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32", "i32",
				func(b *Bridge, s []uint64) { b.planMany(single, kindR2C, p+"plan_many_dft_r2c", s) }),
			hostRoutine(p+"plan_many_dft_c2r", "i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32", "i32",
				func(b *Bridge, s []uint64) { b.planMany(single, kindC2R, p+"plan_many_dft_c2r", s) }),
			hostRoutine(p+"execute", "i32", "", func(b *Bridge, s []uint64) {
				if pl := b.plan(single, p+"execute", uint32(s[0])); pl != nil {
					C.wr_fftw_execute(single, C.uintptr_t(pl.host))
				}
			}),
			hostRoutine(p+"execute_dft", "i32 i32 i32", "", func(b *Bridge, s []uint64) {
				b.executeNew(single, kindDFT, p+"execute_dft", s)
			}),
			hostRoutine(p+"execute_dft_r2c", "i32 i32 i32", "", func(b *Bridge, s []uint64) {
				b.executeNew(single, kindR2C, p+"execute_dft_r2c", s)
			}),
			hostRoutine(p+"execute_dft_c2r", "i32 i32 i32", "", func(b *Bridge, s []uint64) {
				b.executeNew(single, kindC2R, p+"execute_dft_c2r", s)
			}),
			hostRoutine(p+"destroy_plan", "i32", "", func(b *Bridge, s []uint64) {
				h := uint32(s[0])
				if h == 0 {
					return // FFTW ignores NULL
				}
				if pl := b.plan(single, p+"destroy_plan", h); pl != nil {
					C.wr_fftw_destroy(single, C.uintptr_t(pl.host))
					b.plans.Remove(h)
				}
			}),
			hostRoutine(p+"cleanup", "", "", func(b *Bridge, s []uint64) {
				if !b.fftwReady(single, p+"cleanup") {
					return
				}
				b.destroyPlans(single)
				C.wr_fftw_cleanup(single)
			}),
			hostRoutine(p+"forget_wisdom", "", "", func(b *Bridge, s []uint64) {
				if b.fftwReady(single, p+"forget_wisdom") {
					C.wr_fftw_forget(single)
				}
			}),
			hostRoutine(p+"import_wisdom_from_string", "i32", "i32", func(b *Bridge, s []uint64) {
				b.importWisdom(single, p+"import_wisdom_from_string", s)
			}),
			hostRoutine(p+"init_threads", "", "i32", func(b *Bridge, s []uint64) {
				s[0] = uint64(b.initThreads(single, p+"init_threads"))
			}),
			hostRoutine(p+"plan_with_nthreads", "i32", "", func(b *Bridge, s []uint64) {
				n := int32(s[0])
				if !b.nthreads[single] {
					fmt.Fprintf(b.stderr, "%s: %splan_with_nthreads: %sinit_threads has not succeeded; plans stay on one thread\n", b.who(), p, p)
					return
				}
				C.wr_fftw_plan_with_nthreads(single, C.int(max(n, 1)))
			}),
			hostRoutine(p+"cleanup_threads", "", "", func(b *Bridge, s []uint64) {
				if !b.nthreads[single] {
					return
				}
				b.destroyPlans(single)
				C.wr_fftw_cleanup_threads(single)
				b.nthreads[single] = false
			}),
			hostRoutine("wasmrun_"+p+"export_wisdom", "i32 i32", "i32", func(b *Bridge, s []uint64) {
				b.exportWisdom(single, p+"export_wisdom_to_string", s)
			}),
		)
	}
	return out
}()

// destroyPlans destroys the live plans of a precision before
// fftw_cleanup, after which FFTW leaves them undefined: their handles are
// refused from then on.
func (b *Bridge) destroyPlans(single C.int) {
	b.plans.Each(func(h uint32, pl *plan) {
		if pl.single == single {
			C.wr_fftw_destroy(single, C.uintptr_t(pl.host))
			b.plans.Remove(h)
		}
	})
}

// initThreads is fftw_init_threads: it opens FFTW's threads library and
// returns its answer, or 0 (FFTW's failure) where there is none.
func (b *Bridge) initThreads(single C.int, fn string) int32 {
	if !b.fftwReady(single, fn) {
		return 0
	}
	l := &b.fftwThreads[single]
	if err := l.load(); err != nil {
		fmt.Fprintf(b.stderr, "%s: %s: %v (or name one with $%s); plans stay on one thread\n", b.who(), fn, err, l.env)
		return 0
	}
	for i, h := range l.have {
		if !h {
			fmt.Fprintf(b.stderr, "%s: %s: the FFTW threads library %s has no %s; plans stay on one thread\n", b.who(),
				fn, l.found, C.GoString(l.names[i]))
			return 0
		}
	}
	rc := int32(C.wr_fftw_init_threads(single))
	b.nthreads[single] = rc != 0
	b.logf("fftw: loaded %s", l.found)
	return rc
}

// fftwReady loads the FFTW library of the precision at the first call.
func (b *Bridge) fftwReady(single C.int, fn string) bool {
	l := &b.fftw[single]
	if !l.tried || l.err != nil {
		l.open(&call{b: b, name: fn})
		for i, h := range l.have {
			if !h {
				b.fatal(fn, "the %s library %s (%s) has no %s; name another with %s PATH or $%s",
					l.what, l.path, l.found, C.GoString(l.names[i]), l.flag, l.env)
			}
		}
	}
	return true
}

// fftwFail reports an illegal planner argument; the planner returns NULL.
func (b *Bridge) fftwFail(fn string, pos int, format string, args ...any) {
	fmt.Fprintf(b.stderr, "%s: %s: parameter %d had an illegal value (%s)\n", b.who(), fn, pos, fmt.Sprintf(format, args...))
}

// dims reads count ints at the guest pointer at off (parameter pos); nil
// for NULL when optional.
func (b *Bridge) dims(fn string, pos int, off uint32, count int, optional bool) ([]int64, bool) {
	if off == 0 {
		if optional {
			return nil, true
		}
		b.fftwFail(fn, pos, "NULL")
		return nil, false
	}
	if !b.InBounds(off, uint64(count)*4) {
		b.fftwFail(fn, pos, "%d ints at 0x%x run past the end of guest memory", count, off)
		return nil, false
	}
	out := make([]int64, count)
	for i := range out {
		out[i] = int64(int32(binary.LittleEndian.Uint32(b.Full[off+uint32(4*i):])))
	}
	return out, true
}

// reach returns the lowest and one past the highest element index an
// advanced-interface array touches: howmany transforms dist apart, each over
// dims n laid out in embed (rows of the last dimension) with stride.
func reach(n, embed []int64, howmany, stride, dist int64) (lo, hi int64, ok bool) {
	add := func(count, step int64) bool {
		if count <= 1 {
			return true
		}
		span := (count - 1) * step
		if step > maxExtent || step < -maxExtent || span > maxExtent || span < -maxExtent {
			return false
		}
		if span < 0 {
			lo += span
		} else {
			hi += span
		}
		return lo > -maxExtent && hi < maxExtent
	}
	if !add(howmany, dist) {
		return 0, 0, false
	}
	step := stride
	for d := len(n) - 1; d >= 0; d-- {
		if !add(n[d], step) {
			return 0, 0, false
		}
		if step *= embed[d]; step > maxExtent || step < -maxExtent {
			if d > 0 {
				return 0, 0, false
			}
		}
	}
	return lo, hi + 1, true
}

// side computes one array's logical dims and default embedding for a
// transform of kind: complex sides of r2c and c2r keep n/2+1 in the last
// dimension, the real side of an in-place one is padded to 2*(n/2+1).
func side(n []int64, complexSide, realTransform bool) []int64 {
	out := append([]int64(nil), n...)
	last := len(out) - 1
	if realTransform && complexSide {
		out[last] = n[last]/2 + 1
	}
	return out
}

func defaultEmbed(n []int64, complexSide, realTransform, inplace bool) []int64 {
	out := side(n, complexSide, realTransform)
	if realTransform && !complexSide && inplace {
		out[len(out)-1] = 2 * (n[len(n)-1]/2 + 1)
	}
	return out
}

// planMany is fftw_plan_many_dft and its r2c and c2r kin:
// (rank, n, howmany, in, inembed, istride, idist, out, onembed, ostride,
// odist, [sign,] flags).
func (b *Bridge) planMany(single C.int, kind int, fn string, s []uint64) {
	var a [13]uint64 // the arguments; s[0] becomes the result
	copy(a[:], s)
	s[0] = 0
	if !b.fftwReady(single, fn) {
		return
	}
	arg := func(pos int) int64 { return int64(int32(a[pos-1])) }
	ptr := func(pos int) uint32 { return uint32(a[pos-1]) }
	rank, howmany := arg(1), arg(3)
	if rank < 1 || rank > fftwMaxRank {
		b.fftwFail(fn, 1, "rank %d is not 1..%d", rank, fftwMaxRank)
		return
	}
	n, ok := b.dims(fn, 2, ptr(2), int(rank), false)
	if !ok {
		return
	}
	for d, v := range n {
		if v < 1 {
			b.fftwFail(fn, 2, "n[%d]=%d is not positive", d, v)
			return
		}
	}
	if howmany < 1 {
		b.fftwFail(fn, 3, "howmany %d is not positive", howmany)
		return
	}
	in, out := ptr(4), ptr(8)
	inplace := in == out
	real := kind != kindDFT
	realSize, cplxSize := int64(16), int64(16)
	if single != 0 {
		cplxSize = 8
	}
	realSize = cplxSize / 2
	inSize, outSize := cplxSize, cplxSize
	inComplex, outComplex := true, true
	switch kind {
	case kindR2C:
		inSize, inComplex = realSize, false
	case kindC2R:
		outSize, outComplex = realSize, false
	}
	pl := plan{single: single, kind: kind, in: in, out: out}
	for _, x := range []struct {
		ptrPos, embedPos, stridePos, distPos int
		complexSide                          bool
		size                                 int64
		lo, hi                               *int64
	}{
		{4, 5, 6, 7, inComplex, inSize, &pl.inLo, &pl.inHi},
		{8, 9, 10, 11, outComplex, outSize, &pl.outLo, &pl.outHi},
	} {
		embed, ok := b.dims(fn, x.embedPos, ptr(x.embedPos), int(rank), true)
		if !ok {
			return
		}
		logical := side(n, x.complexSide, real)
		if embed == nil {
			embed = defaultEmbed(n, x.complexSide, real, inplace)
		}
		for d := 1; d < len(embed); d++ {
			if embed[d] < logical[d] {
				b.fftwFail(fn, x.embedPos, "embed[%d]=%d is less than the transform's %d", d, embed[d], logical[d])
				return
			}
		}
		lo, hi, ok := reach(logical, embed, howmany, arg(x.stridePos), arg(x.distPos))
		if !ok {
			b.fftwFail(fn, x.stridePos, "the array's extent is more than guest memory holds")
			return
		}
		*x.lo, *x.hi = lo*x.size, hi*x.size
		if !b.arrayIn(ptr(x.ptrPos), *x.lo, *x.hi) {
			b.fftwFail(fn, x.ptrPos, "the transform touches bytes %d..%d from 0x%x, outside guest memory (%d bytes)",
				*x.lo, *x.hi, ptr(x.ptrPos), b.memSize())
			return
		}
	}
	// With FFTW_MEASURE the planner writes into the arrays: they are
	// checked above.
	var nembed [2][fftwMaxRank]C.int
	var nn [fftwMaxRank]C.int
	for d := range n {
		nn[d] = C.int(n[d])
	}
	embedArg := func(i, pos int) *C.int {
		e, _ := b.dims(fn, pos, ptr(pos), int(rank), true)
		if e == nil {
			return nil
		}
		for d := range e {
			nembed[i][d] = C.int(e[d])
		}
		return &nembed[i][0]
	}
	sign, flags := C.int(0), C.uint(uint32(a[11]))
	if kind == kindDFT {
		sign, flags = C.int(arg(12)), C.uint(uint32(a[12]))
		if sign != -1 && sign != 1 {
			b.fftwFail(fn, 12, "sign %d is neither FFTW_FORWARD (-1) nor FFTW_BACKWARD (+1)", sign)
			return
		}
	}
	host := C.wr_fftw_plan_many(single, C.int(kind), C.int(rank), &nn[0], C.int(howmany),
		C.uintptr_t(b.Base+uintptr(in)), embedArg(0, 5), C.int(arg(6)), C.int(arg(7)),
		C.uintptr_t(b.Base+uintptr(out)), embedArg(1, 9), C.int(arg(10)), C.int(arg(11)), sign, flags)
	if host == 0 {
		b.logf("%s: FFTW made no plan (flags 0x%x)", fn, uint32(flags))
		return
	}
	pl.host = uintptr(host)
	h := b.plans.Add(pl)
	if h == 0 {
		C.wr_fftw_destroy(single, host)
		fmt.Fprintf(b.stderr, "%s: %s: too many plans\n", b.who(), fn)
		return
	}
	s[0] = uint64(h)
}

// arrayIn reports whether bytes [lo, hi) from guest address p lie in guest
// memory (p itself may be past the first byte touched, for negative
// strides).
func (b *Bridge) arrayIn(p uint32, lo, hi int64) bool {
	start := int64(p) + lo
	if p == 0 || start < 0 || hi <= lo {
		return false
	}
	return b.InBounds(uint32(start), uint64(hi-lo))
}

func (b *Bridge) memSize() uint32 {
	if b.Mem == nil {
		return 0
	}
	return b.Mem.Size()
}

// plan finds the live plan h of the precision; anything else ends the run,
// since FFTW itself would crash on it.
func (b *Bridge) plan(single C.int, fn string, h uint32) *plan {
	pl, ok := b.plans.Get(h)
	switch {
	case !ok && b.plans.Owns(h):
		b.fatal(fn, "plan 0x%x was destroyed (or fftw_cleanup ended it)", h)
	case !ok:
		b.fatal(fn, "0x%x is not a plan made by fftw_plan_* or fftwf_plan_*", h)
	case pl.single != single:
		b.fatal(fn, "plan 0x%x is a %s plan (%splan)", h, map[C.int]string{0: "double-precision", 1: "single-precision"}[pl.single], fftwPrefix(pl.single))
	}
	return pl
}

// executeNew is fftw_execute_dft and its r2c and c2r kin: (plan, in, out),
// with arrays of the planned shape, in place if and only if the plan was,
// and aligned alike.
func (b *Bridge) executeNew(single C.int, kind int, fn string, s []uint64) {
	h, in, out := uint32(s[0]), uint32(s[1]), uint32(s[2])
	pl := b.plan(single, fn, h)
	switch {
	case pl.kind != kind:
		b.fatal(fn, "plan 0x%x is not a %s plan", h, map[int]string{kindDFT: "complex DFT", kindR2C: "r2c", kindC2R: "c2r"}[kind])
	case (in == out) != (pl.in == pl.out):
		b.fatal(fn, "the new arrays must be in place exactly when the planned ones were")
	case in%fftwAlign != pl.in%fftwAlign || out%fftwAlign != pl.out%fftwAlign:
		b.fatal(fn, "the new arrays (0x%x, 0x%x) are not aligned like the planned ones (0x%x, 0x%x) modulo %d; use fftw_malloc",
			in, out, pl.in, pl.out, fftwAlign)
	case !b.arrayIn(in, pl.inLo, pl.inHi):
		b.fatal(fn, "the input array at 0x%x runs past the end of guest memory (%d bytes)", in, b.memSize())
	case !b.arrayIn(out, pl.outLo, pl.outHi):
		b.fatal(fn, "the output array at 0x%x runs past the end of guest memory (%d bytes)", out, b.memSize())
	}
	C.wr_fftw_execute_new(single, C.int(kind+C.WR_FFTW_EXECUTE_DFT), C.uintptr_t(pl.host),
		C.uintptr_t(b.Base+uintptr(in)), C.uintptr_t(b.Base+uintptr(out)))
}

// importWisdom is fftw_import_wisdom_from_string(const char *).
func (b *Bridge) importWisdom(single C.int, fn string, s []uint64) {
	off := uint32(s[0])
	s[0] = 0
	if !b.fftwReady(single, fn) {
		return
	}
	if off == 0 || !b.InBounds(off, 1) {
		b.fftwFail(fn, 1, "the string at 0x%x is not in guest memory", off)
		return
	}
	b.InBounds(0, uint64(b.memSize()))
	end := -1
	for i := int(off); i < len(b.Full); i++ {
		if b.Full[i] == 0 {
			end = i
			break
		}
	}
	if end < 0 {
		b.fftwFail(fn, 1, "the string at 0x%x has no terminating NUL in guest memory", off)
		return
	}
	cs := C.CString(string(b.Full[off:end]))
	defer C.free(unsafe.Pointer(cs))
	s[0] = uint64(uint32(C.wr_fftw_import(single, cs)))
}

// exportWisdom is the guest library's fftw_export_wisdom_to_string: it
// copies the wisdom, NUL-terminated, into the guest's buffer (buf, size)
// when it fits, and returns its size with the NUL.
func (b *Bridge) exportWisdom(single C.int, fn string, s []uint64) {
	buf, size := uint32(s[0]), uint32(s[1])
	s[0] = 0
	if !b.fftwReady(single, fn) {
		return
	}
	cs := C.wr_fftw_export(single)
	if cs == nil {
		return
	}
	w := C.GoString(cs)
	C.wr_fftw_free_string(single, cs)
	need := uint32(len(w) + 1)
	if buf != 0 && size >= need {
		if !b.InBounds(buf, uint64(need)) {
			fmt.Fprintf(b.stderr, "%s: %s: the buffer at 0x%x runs past the end of guest memory\n", b.who(), fn, buf)
			return
		}
		copy(b.Full[buf:], w)
		b.Full[buf+need-1] = 0
	}
	s[0] = uint64(need)
}
