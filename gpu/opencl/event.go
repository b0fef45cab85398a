package opencl

// #include "driver.h"
import "C"

import "unsafe"

var eventFunctions = []function{
	// clWaitForEvents(num_events, event_list)
	{"clWaitForEvents", waitForEvents, "num_events event_list"},
	// clGetEventInfo(event, param_name, param_value_size, param_value, param_value_size_ret)
	{"clGetEventInfo", func(b *Bridge, s []uint64) { s[0] = ret(b.eventInfo("clGetEventInfo", s, eventInfo)) },
		"event param_name param_value_size param_value param_value_size_ret"},
	// clGetEventProfilingInfo(event, param_name, param_value_size, param_value, param_value_size_ret)
	{"clGetEventProfilingInfo", func(b *Bridge, s []uint64) { s[0] = ret(b.eventInfo("clGetEventProfilingInfo", s, nil)) },
		"event param_name param_value_size param_value param_value_size_ret"},
	// clRetainEvent(event)
	{"clRetainEvent", func(b *Bridge, s []uint64) {
		s[0] = ret(b.retain("clRetainEvent", b.events, uint32(s[0]), clInvalidEvent, retainEvent))
	}, "event"},
	// clReleaseEvent(event)
	{"clReleaseEvent", func(b *Bridge, s []uint64) {
		s[0] = ret(b.release("clReleaseEvent", b.events, uint32(s[0]), clInvalidEvent, releaseEvent))
	}, "event"},
	// clEnqueueMarkerWithWaitList(command_queue, num_events_in_wait_list, event_wait_list, event)
	{"clEnqueueMarkerWithWaitList", func(b *Bridge, s []uint64) {
		s[0] = ret(b.marker("clEnqueueMarkerWithWaitList", s, false))
	}, "command_queue num_events_in_wait_list event_wait_list event"},
	// clEnqueueBarrierWithWaitList(command_queue, num_events_in_wait_list, event_wait_list, event)
	{"clEnqueueBarrierWithWaitList", func(b *Bridge, s []uint64) {
		s[0] = ret(b.marker("clEnqueueBarrierWithWaitList", s, true))
	}, "command_queue num_events_in_wait_list event_wait_list event"},
}

func retainEvent(h C.wr_h) C.wr_int  { return C.wr_clRetainEvent(h) }
func releaseEvent(h C.wr_h) C.wr_int { return C.wr_clReleaseEvent(h) }

func uintptrOf(p *C.wr_h) uintptr { return uintptr(unsafe.Pointer(p)) }

func waitForEvents(b *Bridge, stack []uint64) {
	n, list := uint32(stack[0]), uint32(stack[1])
	const fn = "clWaitForEvents"
	stack[0] = ret(func() int32 {
		if !b.ready() {
			return clInvalidEvent
		}
		if n == 0 || list == 0 {
			return b.fail(fn, clInvalidValue, "%d events at %#x", n, list)
		}
		if n > maxWaitList || !b.InBounds(list, uint64(n)*4) {
			return b.fail(fn, clInvalidValue, "%d events at %#x are outside guest memory", n, list)
		}
		b.wait = b.wait[:0]
		for i := range n {
			h := b.ReadU32(list + 4*i)
			e, ok := b.events.Get(h)
			if !ok {
				return b.fail(fn, clInvalidEvent, "event %d of the list, %#x, is not a live event", i, h)
			}
			b.wait = append(b.wait, e.host)
		}
		return int32(C.wr_clWaitForEvents(C.wr_uint(n), &b.wait[0]))
	}())
}

func (b *Bridge) eventInfo(fn string, stack []uint64, params map[uint32]infoParam) int32 {
	h, name, size, value, retOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4])
	if !b.ready() {
		return clInvalidEvent
	}
	e, ok := b.events.Get(h)
	if !ok {
		return b.fail(fn, clInvalidEvent, "%#x is not a live event", h)
	}
	host := e.host
	profiling := params == nil
	return b.info(fn, params, name, size, value, retOff, func(s C.size_t, v C.wr_h, r *C.size_t) C.wr_int {
		if profiling {
			return C.wr_clGetEventProfilingInfo(host, C.wr_uint(name), s, v, r)
		}
		return C.wr_clGetEventInfo(host, C.wr_uint(name), s, v, r)
	})
}

func (b *Bridge) marker(fn string, stack []uint64, barrier bool) int32 {
	qh, nwait, waitOff, evOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3])
	if !b.ready() {
		return clInvalidCommandQueue
	}
	q, rc := b.queue(fn, qh)
	if rc != clSuccess {
		return rc
	}
	wait, ev, rc := b.waitAndEvent(fn, nwait, waitOff, evOff)
	if rc != clSuccess {
		return rc
	}
	var r C.wr_int
	if barrier {
		r = C.wr_clEnqueueBarrierWithWaitList(q, C.wr_uint(nwait), wait, ev)
	} else {
		r = C.wr_clEnqueueMarkerWithWaitList(q, C.wr_uint(nwait), wait, ev)
	}
	return b.newEvent(evOff, r)
}
