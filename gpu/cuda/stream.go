package cuda

// #include "driver.h"
import "C"

import "math"

var streamFunctions = []function{
	// cuStreamCreate(phStream, Flags)
	{"cuStreamCreate", func(b *Bridge, s []uint64) int32 {
		flags := C.wr_uint(uint32(s[1]))
		return b.create("cuStreamCreate", b.streams, uint32(s[0]),
			func(h *C.wr_h) C.wr_int { return C.wr_cuStreamCreate(h, flags) },
			func(h C.wr_h) { C.wr_cuStreamDestroy(h) })
	}, "phStream flags"},
	// cuStreamSynchronize(hStream)
	{"cuStreamSynchronize", func(b *Bridge, s []uint64) int32 {
		return b.streamCall("cuStreamSynchronize", uint32(s[0]), func(h C.wr_h) C.wr_int { return C.wr_cuStreamSynchronize(h) })
	}, "hStream"},
	// cuStreamQuery(hStream)
	{"cuStreamQuery", func(b *Bridge, s []uint64) int32 {
		return b.streamCall("cuStreamQuery", uint32(s[0]), func(h C.wr_h) C.wr_int { return C.wr_cuStreamQuery(h) })
	}, "hStream"},
	// cuStreamDestroy(hStream)
	{"cuStreamDestroy", func(b *Bridge, s []uint64) int32 {
		return b.destroy("cuStreamDestroy", b.streams, "stream", uint32(s[0]), func(h C.wr_h) C.wr_int { return C.wr_cuStreamDestroy(h) })
	}, "hStream"},
	// cuEventCreate(phEvent, Flags)
	{"cuEventCreate", func(b *Bridge, s []uint64) int32 {
		flags := C.wr_uint(uint32(s[1]))
		return b.create("cuEventCreate", b.events, uint32(s[0]),
			func(h *C.wr_h) C.wr_int { return C.wr_cuEventCreate(h, flags) },
			func(h C.wr_h) { C.wr_cuEventDestroy(h) })
	}, "phEvent flags"},
	// cuEventRecord(hEvent, hStream)
	{"cuEventRecord", func(b *Bridge, s []uint64) int32 {
		const fn = "cuEventRecord"
		e, rc := b.event(fn, uint32(s[0]))
		if rc != cuSuccess {
			return rc
		}
		st, rc := b.stream(fn, uint32(s[1]))
		if rc != cuSuccess {
			return rc
		}
		if rc, ok := b.ready(fn); !ok {
			return rc
		}
		return int32(C.wr_cuEventRecord(e, st))
	}, "hEvent hStream"},
	// cuEventSynchronize(hEvent)
	{"cuEventSynchronize", func(b *Bridge, s []uint64) int32 {
		return b.eventCall("cuEventSynchronize", uint32(s[0]), func(h C.wr_h) C.wr_int { return C.wr_cuEventSynchronize(h) })
	}, "hEvent"},
	// cuEventQuery(hEvent)
	{"cuEventQuery", func(b *Bridge, s []uint64) int32 {
		return b.eventCall("cuEventQuery", uint32(s[0]), func(h C.wr_h) C.wr_int { return C.wr_cuEventQuery(h) })
	}, "hEvent"},
	// cuEventElapsedTime(pMilliseconds, hStart, hEnd)
	{"cuEventElapsedTime", cuEventElapsedTime, "pMilliseconds hStart hEnd"},
	// cuEventDestroy(hEvent)
	{"cuEventDestroy", func(b *Bridge, s []uint64) int32 {
		return b.destroy("cuEventDestroy", b.events, "event", uint32(s[0]), func(h C.wr_h) C.wr_int { return C.wr_cuEventDestroy(h) })
	}, "hEvent"},
}

// create makes a stream or event and gives the guest its handle.
func (b *Bridge) create(fn string, t interface {
	Add(owned) uint32
}, off uint32, make func(*C.wr_h) C.wr_int, undo func(C.wr_h)) int32 {
	if off == 0 || !b.InBounds(off, 4) {
		return b.fail(fn, cuInvalidValue, "out-parameter %#x is outside guest memory", off)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	var host C.wr_h
	if rc := int32(make(&host)); rc != cuSuccess {
		return rc
	}
	g := t.Add(owned{host: host, ctx: current()})
	if g == 0 {
		undo(host)
		return b.fail(fn, cuOutOfMemory, "too many objects")
	}
	b.PutU32(off, g)
	return cuSuccess
}

// destroy destroys a stream or event; its handle dies with it.
func (b *Bridge) destroy(fn string, t interface {
	Get(uint32) (*owned, bool)
	Remove(uint32) bool
}, what string, h uint32, call func(C.wr_h) C.wr_int) int32 {
	o, ok := t.Get(h)
	if !ok {
		return b.fail(fn, cuInvalidHandle, "%#x is not a live %s", h, what)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	if rc := int32(call(o.host)); rc != cuSuccess {
		return rc
	}
	t.Remove(h)
	return cuSuccess
}

func (b *Bridge) streamCall(fn string, h uint32, call func(C.wr_h) C.wr_int) int32 {
	s, rc := b.stream(fn, h)
	if rc != cuSuccess {
		return rc
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	return int32(call(s))
}

func (b *Bridge) eventCall(fn string, h uint32, call func(C.wr_h) C.wr_int) int32 {
	e, rc := b.event(fn, h)
	if rc != cuSuccess {
		return rc
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	return int32(call(e))
}

func cuEventElapsedTime(b *Bridge, s []uint64) int32 {
	const fn = "cuEventElapsedTime"
	off := uint32(s[0])
	if off == 0 || !b.InBounds(off, 4) {
		return b.fail(fn, cuInvalidValue, "pMilliseconds %#x is outside guest memory", off)
	}
	start, rc := b.event(fn, uint32(s[1]))
	if rc != cuSuccess {
		return rc
	}
	end, rc := b.event(fn, uint32(s[2]))
	if rc != cuSuccess {
		return rc
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	var ms C.float
	rc = int32(C.wr_cuEventElapsedTime(&ms, start, end))
	if rc == cuSuccess {
		b.PutU32(off, math32bits(float32(ms)))
	}
	return rc
}

func math32bits(f float32) uint32 { return math.Float32bits(f) }
