package opencl

// #include "driver.h"
import "C"

import "github.com/wasmrun/wasmrun/internal/handle"

// enumerated returns the guest handle of a platform or device, adding it
// the first time the driver names it.
func (b *Bridge) enumerated(t *handle.Table[C.wr_h], host C.wr_h) uint32 {
	if host == 0 {
		return 0
	}
	if g, ok := b.guest[host]; ok && t.Owns(g) {
		return g
	}
	g := t.Add(host)
	if g != 0 {
		b.guest[host] = g
	}
	return g
}

// created stores an object the guest created and returns its handle (0 if
// the table is full: the driver's object is released).
func (b *Bridge) created(t *handle.Table[object], host C.wr_h, release func(C.wr_h) C.wr_int) uint32 {
	g := t.Add(object{host: host, refs: 1})
	if g == 0 {
		release(host)
		return 0
	}
	b.guest[host] = g
	return g
}

// retain counts one more guest reference to h.
func (b *Bridge) retain(fn string, t *handle.Table[object], h uint32, code int32, hostRetain func(C.wr_h) C.wr_int) int32 {
	if !b.ready() {
		return code
	}
	o, ok := t.Get(h)
	if !ok {
		return b.fail(fn, code, "no live object %#x of this kind", h)
	}
	if rc := int32(hostRetain(o.host)); rc != clSuccess {
		return rc
	}
	o.refs++
	return clSuccess
}

// release drops one guest reference to h; the handle dies with the last.
func (b *Bridge) release(fn string, t *handle.Table[object], h uint32, code int32, hostRelease func(C.wr_h) C.wr_int) int32 {
	if !b.ready() {
		return code
	}
	o, ok := t.Get(h)
	if !ok {
		return b.fail(fn, code, "no live object %#x of this kind", h)
	}
	host := o.host
	if rc := int32(hostRelease(host)); rc != clSuccess {
		return rc
	}
	if o.refs--; o.refs == 0 {
		t.Remove(h)
		delete(b.guest, host)
		delete(b.argSpaces, host)
	}
	return clSuccess
}

// waitList checks an event wait list of n guest events at off and returns
// the driver's events (nil for an empty list).
func (b *Bridge) waitList(fn string, n, off uint32) (*C.wr_h, int32) {
	if (n == 0) != (off == 0) {
		return nil, b.fail(fn, clInvalidEventWaitList, "%d events at %#x", n, off)
	}
	if n == 0 {
		return nil, clSuccess
	}
	if n > maxWaitList || !b.InBounds(off, uint64(n)*4) {
		return nil, b.fail(fn, clInvalidEventWaitList, "%d events at %#x are outside guest memory", n, off)
	}
	b.wait = b.wait[:0]
	for i := range n {
		h := b.ReadU32(off + 4*i)
		e, ok := b.events.Get(h)
		if !ok {
			return nil, b.fail(fn, clInvalidEventWaitList, "event %d of the wait list, %#x, is not a live event", i, h)
		}
		b.wait = append(b.wait, e.host)
	}
	return &b.wait[0], clSuccess
}

// eventOut checks the event out-parameter of an enqueue call and returns
// where the driver writes its event (nil: the guest wants none).
func (b *Bridge) eventOut(fn string, off uint32) (*C.wr_h, int32) {
	if off == 0 {
		return nil, clSuccess
	}
	if !b.InBounds(off, 4) {
		return nil, b.fail(fn, clInvalidValue, "event pointer %#x is outside guest memory", off)
	}
	b.outH = 0
	return &b.outH, clSuccess
}

// newEvent gives the guest the event an enqueue call made.
// waitAndEvent checks the event wait list and the event out-parameter
// that every enqueue call ends with.
func (b *Bridge) waitAndEvent(fn string, nwait, waitOff, evOff uint32) (wait, ev *C.wr_h, rc int32) {
	if wait, rc = b.waitList(fn, nwait, waitOff); rc != clSuccess {
		return nil, nil, rc
	}
	if ev, rc = b.eventOut(fn, evOff); rc != clSuccess {
		return nil, nil, rc
	}
	return wait, ev, clSuccess
}

func (b *Bridge) newEvent(off uint32, rc C.wr_int) int32 {
	if off != 0 && rc == clSuccess && b.outH != 0 {
		b.PutU32(off, b.created(b.events, b.outH, func(h C.wr_h) C.wr_int { return C.wr_clReleaseEvent(h) }))
	}
	return int32(rc)
}

// queue returns the driver's queue behind guest handle h.
func (b *Bridge) queue(fn string, h uint32) (C.wr_h, int32) {
	q, ok := b.queues.Get(h)
	if !ok {
		return 0, b.fail(fn, clInvalidCommandQueue, "%#x is not a live command queue", h)
	}
	return q.host, clSuccess
}

// buffer returns the buffer behind guest handle h.
func (b *Bridge) buffer(fn string, h uint32) (*buffer, int32) {
	m, ok := b.mems.Get(h)
	if !ok {
		return nil, b.fail(fn, clInvalidMemObject, "%#x is not a live memory object", h)
	}
	return m, clSuccess
}

// devicesArg checks a list of n guest devices at off (n == 0 with off == 0:
// none) and returns the driver's devices.
func (b *Bridge) devicesArg(fn string, n, off uint32) (*C.wr_h, int32) {
	if n == 0 && off == 0 {
		return nil, clSuccess
	}
	if n == 0 || off == 0 {
		return nil, b.fail(fn, clInvalidValue, "%d devices at %#x", n, off)
	}
	if n > maxDevices || !b.InBounds(off, uint64(n)*4) {
		return nil, b.fail(fn, clInvalidValue, "%d devices at %#x are outside guest memory", n, off)
	}
	b.hs = b.hs[:0]
	for i := range n {
		h := b.ReadU32(off + 4*i)
		d, ok := b.devices.Get(h)
		if !ok {
			return nil, b.fail(fn, clInvalidDevice, "device %d of the list, %#x, is not a device", i, h)
		}
		b.hs = append(b.hs, *d)
	}
	return &b.hs[0], clSuccess
}

// Aliases of the C layer's types, for tests (which cannot use cgo).
type (
	wrH   = C.wr_h
	wrInt = C.wr_int
)
