package opencl

// #include "driver.h"
import "C"

import (
	"encoding/binary"
	"unsafe"

	"golang.org/x/sys/unix"
)

var memFunctions = []function{
	// clCreateBuffer(context, flags, size, host_ptr, errcode_ret)
	{"clCreateBuffer", createBuffer, "context flags:i64 size host_ptr errcode_ret"},
	// clRetainMemObject(memobj)
	{"clRetainMemObject", func(b *Bridge, s []uint64) {
		s[0] = ret(b.retainMem("clRetainMemObject", uint32(s[0]), 1))
	}, "memobj"},
	// clReleaseMemObject(memobj)
	{"clReleaseMemObject", func(b *Bridge, s []uint64) {
		s[0] = ret(b.retainMem("clReleaseMemObject", uint32(s[0]), -1))
	}, "memobj"},
	// clGetMemObjectInfo(memobj, param_name, param_value_size, param_value, param_value_size_ret)
	{"clGetMemObjectInfo", getMemObjectInfo, "memobj param_name param_value_size param_value param_value_size_ret"},
	// clEnqueueReadBuffer(command_queue, buffer, blocking_read, offset, size, ptr, num_events_in_wait_list, event_wait_list, event)
	{"clEnqueueReadBuffer", func(b *Bridge, s []uint64) { s[0] = ret(b.transfer("clEnqueueReadBuffer", s, false)) },
		"command_queue buffer blocking_read offset size ptr num_events_in_wait_list event_wait_list event"},
	// clEnqueueWriteBuffer(command_queue, buffer, blocking_write, offset, size, ptr, num_events_in_wait_list, event_wait_list, event)
	{"clEnqueueWriteBuffer", func(b *Bridge, s []uint64) { s[0] = ret(b.transfer("clEnqueueWriteBuffer", s, true)) },
		"command_queue buffer blocking_write offset size ptr num_events_in_wait_list event_wait_list event"},
	// clEnqueueCopyBuffer(command_queue, src_buffer, dst_buffer, src_offset, dst_offset, size, num_events_in_wait_list, event_wait_list, event)
	{"clEnqueueCopyBuffer", copyBuffer,
		"command_queue src_buffer dst_buffer src_offset dst_offset size num_events_in_wait_list event_wait_list event"},
	// clEnqueueFillBuffer(command_queue, buffer, pattern, pattern_size, offset, size, num_events_in_wait_list, event_wait_list, event)
	{"clEnqueueFillBuffer", fillBuffer,
		"command_queue buffer pattern pattern_size offset size num_events_in_wait_list event_wait_list event"},
	// wasmrun_clEnqueueMapBuffer(command_queue, buffer, blocking_map, map_flags, offset, size, num_events_in_wait_list, event_wait_list, event, errcode_ret, stage)
	// is clEnqueueMapBuffer with stage, a guest allocation of size bytes
	// made by the guest library, into which a buffer that does not use a
	// host pointer is read.
	{"wasmrun_clEnqueueMapBuffer", mapBuffer,
		"command_queue buffer blocking_map map_flags:i64 offset size num_events_in_wait_list event_wait_list event errcode_ret stage"},
	// wasmrun_clEnqueueUnmapMemObject(command_queue, memobj, mapped_ptr, num_events_in_wait_list, event_wait_list, event, staged)
	// is clEnqueueUnmapMemObject; *staged says whether the guest library
	// frees mapped_ptr.
	{"wasmrun_clEnqueueUnmapMemObject", unmapMemObject,
		"command_queue memobj mapped_ptr num_events_in_wait_list event_wait_list event staged"},
}

func createBuffer(b *Bridge, stack []uint64) {
	ch, flags, size, hostOff, errOff := uint32(stack[0]), stack[1], uint32(stack[2]), uint32(stack[3]), uint32(stack[4])
	const fn = "clCreateBuffer"
	if !b.errOut(fn, errOff) {
		stack[0] = 0
		return
	}
	if !b.ready() {
		stack[0] = b.createResult(errOff, clInvalidContext, 0)
		return
	}
	c, ok := b.contexts.Get(ch)
	if !ok {
		stack[0] = b.createResult(errOff, b.fail(fn, clInvalidContext, "%#x is not a live context", ch), 0)
		return
	}
	usesHost := flags&(clMemUseHostPtr|clMemCopyHostPtr) != 0
	if usesHost != (hostOff != 0) {
		stack[0] = b.createResult(errOff, b.fail(fn, clInvalidHostPtr, "host_ptr %#x does not agree with flags %#x", hostOff, flags), 0)
		return
	}
	if flags&clMemUseHostPtr != 0 && flags&(clMemAllocHostPtr|clMemCopyHostPtr) != 0 {
		stack[0] = b.createResult(errOff, b.fail(fn, clInvalidValue, "CL_MEM_USE_HOST_PTR with CL_MEM_ALLOC_HOST_PTR or CL_MEM_COPY_HOST_PTR"), 0)
		return
	}
	host, ok := b.addr(hostOff, uint64(size))
	if usesHost && (!ok || size == 0) {
		stack[0] = b.createResult(errOff, b.fail(fn, clInvalidHostPtr, "host_ptr %#x with %d bytes is outside guest memory", hostOff, size), 0)
		return
	}
	// A buffer without a host pointer starts as whatever the driver's
	// allocation held: on a CPU device, freed memory of this very process
	// (found by FuzzBridge: heap pointers read back into the guest). It is
	// made from zeros instead, copied from a fresh anonymous mapping,
	// which costs no memory.
	var zeroed []byte
	if !usesHost && size != 0 {
		z, err := unix.Mmap(-1, 0, int(size), unix.PROT_READ, unix.MAP_PRIVATE|unix.MAP_ANON|unix.MAP_NORESERVE)
		if err != nil {
			stack[0] = b.createResult(errOff, b.fail(fn, clOutOfHostMemory, "map %d zero bytes: %v", size, err), 0)
			return
		}
		defer unix.Munmap(z)
		zeroed = z
		host = C.wr_h(uintptr(unsafe.Pointer(&z[0])))
	}
	b.outErr = 0
	hostFlags := flags
	if zeroed != nil {
		hostFlags |= clMemCopyHostPtr
	}
	m := C.wr_clCreateBuffer(c.host, C.wr_ulong(hostFlags), C.size_t(size), host, &b.outErr)
	if b.outErr != clSuccess {
		stack[0] = b.createResult(errOff, int32(b.outErr), 0)
		return
	}
	g := b.mems.Add(buffer{object: object{host: m, refs: 1}, size: uint64(size), hostPtr: hostOff, useHost: flags&clMemUseHostPtr != 0, zeroed: zeroed != nil})
	if g == 0 {
		C.wr_clReleaseMemObject(m)
	} else {
		b.guest[m] = g
	}
	stack[0] = b.createResult(errOff, clSuccess, g)
}

// retainMem adds delta (1 or -1) to the guest's references to a buffer.
func (b *Bridge) retainMem(fn string, h uint32, delta int32) int32 {
	if !b.ready() {
		return clInvalidMemObject
	}
	m, rc := b.buffer(fn, h)
	if rc != clSuccess {
		return rc
	}
	host := m.host
	if delta > 0 {
		if rc := C.wr_clRetainMemObject(host); rc != clSuccess {
			return int32(rc)
		}
		m.refs++
		return clSuccess
	}
	if rc := C.wr_clReleaseMemObject(host); rc != clSuccess {
		return int32(rc)
	}
	if m.refs--; m.refs == 0 {
		b.mems.Remove(h)
		delete(b.guest, host)
		for p, mp := range b.maps {
			if mp.mem == h {
				delete(b.maps, p)
			}
		}
	}
	return clSuccess
}

func getMemObjectInfo(b *Bridge, stack []uint64) {
	h, name, size, value, retOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4])
	const fn = "clGetMemObjectInfo"
	if !b.ready() {
		stack[0] = ret(int32(clInvalidMemObject))
		return
	}
	m, rc := b.buffer(fn, h)
	if rc != clSuccess {
		stack[0] = ret(rc)
		return
	}
	host, zeroed := m.host, m.zeroed
	rc = b.info(fn, memInfo, name, size, value, retOff, func(s C.size_t, v C.wr_h, r *C.size_t) C.wr_int {
		return C.wr_clGetMemObjectInfo(host, C.wr_uint(name), s, v, r)
	})
	if rc == clSuccess && name == clMemFlags && zeroed && value != 0 && size >= 8 {
		// The guest's own flags, without the copy that zeroed the buffer.
		binary.LittleEndian.PutUint64(b.Full[value:], b.ReadU64(value)&^clMemCopyHostPtr)
	}
	stack[0] = ret(rc)
}

// region checks that [off, off+size) lies in buffer m.
func (b *Bridge) region(fn string, m *buffer, off, size uint32) int32 {
	if uint64(off)+uint64(size) > m.size {
		return b.fail(fn, clInvalidValue, "%d bytes at offset %d run past the buffer's %d", size, off, m.size)
	}
	return clSuccess
}

// transfer is clEnqueueReadBuffer (write false) and clEnqueueWriteBuffer.
// A nonblocking transfer uses the guest's memory in place until its event
// completes; the memory never moves, and every queue is finished before
// wasmrun frees it.
func (b *Bridge) transfer(fn string, stack []uint64, write bool) int32 {
	qh, mh, blocking, off, size, ptr := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4]), uint32(stack[5])
	nwait, waitOff, evOff := uint32(stack[6]), uint32(stack[7]), uint32(stack[8])
	if !b.ready() {
		return clInvalidCommandQueue
	}
	q, rc := b.queue(fn, qh)
	if rc != clSuccess {
		return rc
	}
	m, rc := b.buffer(fn, mh)
	if rc != clSuccess {
		return rc
	}
	if rc := b.region(fn, m, off, size); rc != clSuccess {
		return rc
	}
	host, ok := b.addr(ptr, uint64(size))
	if !ok || ptr == 0 {
		return b.fail(fn, clInvalidValue, "ptr %#x with %d bytes is outside guest memory", ptr, size)
	}
	wait, ev, rc := b.waitAndEvent(fn, nwait, waitOff, evOff)
	if rc != clSuccess {
		return rc
	}
	var r C.wr_int
	if write {
		r = C.wr_clEnqueueWriteBuffer(q, m.host, C.wr_uint(blocking), C.size_t(off), C.size_t(size), host, C.wr_uint(nwait), wait, ev)
	} else {
		r = C.wr_clEnqueueReadBuffer(q, m.host, C.wr_uint(blocking), C.size_t(off), C.size_t(size), host, C.wr_uint(nwait), wait, ev)
	}
	return b.newEvent(evOff, r)
}

func copyBuffer(b *Bridge, stack []uint64) {
	qh, sh, dh, soff, doff, size := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4]), uint32(stack[5])
	nwait, waitOff, evOff := uint32(stack[6]), uint32(stack[7]), uint32(stack[8])
	const fn = "clEnqueueCopyBuffer"
	stack[0] = ret(func() int32 {
		if !b.ready() {
			return clInvalidCommandQueue
		}
		q, rc := b.queue(fn, qh)
		if rc != clSuccess {
			return rc
		}
		src, rc := b.buffer(fn, sh)
		if rc != clSuccess {
			return rc
		}
		dst, rc := b.buffer(fn, dh)
		if rc != clSuccess {
			return rc
		}
		wait, ev, rc := b.waitAndEvent(fn, nwait, waitOff, evOff)
		if rc != clSuccess {
			return rc
		}
		r := C.wr_clEnqueueCopyBuffer(q, src.host, dst.host, C.size_t(soff), C.size_t(doff), C.size_t(size), C.wr_uint(nwait), wait, ev)
		return b.newEvent(evOff, r)
	}())
}

func fillBuffer(b *Bridge, stack []uint64) {
	qh, mh, pat, psize, off, size := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4]), uint32(stack[5])
	nwait, waitOff, evOff := uint32(stack[6]), uint32(stack[7]), uint32(stack[8])
	const fn = "clEnqueueFillBuffer"
	stack[0] = ret(func() int32 {
		if !b.ready() {
			return clInvalidCommandQueue
		}
		q, rc := b.queue(fn, qh)
		if rc != clSuccess {
			return rc
		}
		m, rc := b.buffer(fn, mh)
		if rc != clSuccess {
			return rc
		}
		host, ok := b.addr(pat, uint64(psize))
		if !ok || pat == 0 || psize == 0 {
			return b.fail(fn, clInvalidValue, "pattern %#x of %d bytes is outside guest memory", pat, psize)
		}
		wait, ev, rc := b.waitAndEvent(fn, nwait, waitOff, evOff)
		if rc != clSuccess {
			return rc
		}
		r := C.wr_clEnqueueFillBuffer(q, m.host, host, C.size_t(psize), C.size_t(off), C.size_t(size), C.wr_uint(nwait), wait, ev)
		return b.newEvent(evOff, r)
	}())
}

// mapBuffer maps a region into guest memory: host_ptr + offset for a
// CL_MEM_USE_HOST_PTR buffer, otherwise the guest library's stage. The
// region is read there (not for CL_MAP_WRITE_INVALIDATE_REGION) and, when
// mapped for writing, written back at unmap.
func mapBuffer(b *Bridge, stack []uint64) {
	qh, mh, blocking, flags, off, size := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), stack[3], uint32(stack[4]), uint32(stack[5])
	nwait, waitOff, evOff, errOff, stage := uint32(stack[6]), uint32(stack[7]), uint32(stack[8]), uint32(stack[9]), uint32(stack[10])
	const fn = "clEnqueueMapBuffer"
	if !b.errOut(fn, errOff) {
		stack[0] = 0
		return
	}
	var target uint32
	rc := func() int32 {
		if !b.ready() {
			return clInvalidCommandQueue
		}
		q, rc := b.queue(fn, qh)
		if rc != clSuccess {
			return rc
		}
		m, rc := b.buffer(fn, mh)
		if rc != clSuccess {
			return rc
		}
		if rc := b.region(fn, m, off, size); rc != clSuccess {
			return rc
		}
		if size == 0 {
			return b.fail(fn, clInvalidValue, "size is 0")
		}
		mp := mapping{mem: mh, offset: uint64(off), size: uint64(size), write: flags&(clMapWrite|clMapWriteInvalidRegion) != 0}
		if m.useHost {
			target = m.hostPtr + off
		} else {
			if !b.InBounds(stage, uint64(size)) || stage == 0 {
				return b.fail(fn, clInvalidValue, "stage %#x of %d bytes is outside guest memory", stage, size)
			}
			target, mp.staged = stage, true
		}
		if _, busy := b.maps[target]; busy {
			return b.fail(fn, clInvalidOperation, "the region at guest address %#x is mapped already", target)
		}
		wait, ev, rc := b.waitAndEvent(fn, nwait, waitOff, evOff)
		if rc != clSuccess {
			return rc
		}
		host, _ := b.addr(target, uint64(size))
		var r C.wr_int
		if flags&clMapWriteInvalidRegion != 0 {
			r = C.wr_clEnqueueMarkerWithWaitList(q, C.wr_uint(nwait), wait, ev)
			if r == clSuccess && blocking != 0 {
				r = C.wr_clFinish(q)
			}
		} else {
			r = C.wr_clEnqueueReadBuffer(q, m.host, C.wr_uint(blocking), C.size_t(off), C.size_t(size), host, C.wr_uint(nwait), wait, ev)
		}
		if r == clSuccess {
			b.maps[target] = mp
		}
		return b.newEvent(evOff, r)
	}()
	if rc != clSuccess {
		target = 0
	}
	b.PutU32(errOff, uint32(rc))
	stack[0] = uint64(target)
}

func unmapMemObject(b *Bridge, stack []uint64) {
	qh, mh, ptr, nwait, waitOff, evOff, stagedOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4]), uint32(stack[5]), uint32(stack[6])
	const fn = "clEnqueueUnmapMemObject"
	stack[0] = ret(func() int32 {
		if !b.ready() {
			return clInvalidCommandQueue
		}
		if !b.InBounds(stagedOff, 4) || stagedOff == 0 {
			return b.fail(fn, clInvalidValue, "guest library flag %#x is outside guest memory", stagedOff)
		}
		q, rc := b.queue(fn, qh)
		if rc != clSuccess {
			return rc
		}
		m, rc := b.buffer(fn, mh)
		if rc != clSuccess {
			return rc
		}
		mp, ok := b.maps[ptr]
		if !ok || mp.mem != mh {
			return b.fail(fn, clInvalidValue, "%#x is not a region of buffer %#x mapped by clEnqueueMapBuffer", ptr, mh)
		}
		wait, ev, rc := b.waitAndEvent(fn, nwait, waitOff, evOff)
		if rc != clSuccess {
			return rc
		}
		var r C.wr_int
		if mp.write {
			// Blocking, so that the guest library may free the stage
			// as soon as this returns.
			host, _ := b.addr(ptr, mp.size)
			r = C.wr_clEnqueueWriteBuffer(q, m.host, 1, C.size_t(mp.offset), C.size_t(mp.size), host, C.wr_uint(nwait), wait, ev)
		} else {
			r = C.wr_clEnqueueMarkerWithWaitList(q, C.wr_uint(nwait), wait, ev)
		}
		if r == clSuccess {
			delete(b.maps, ptr)
			staged := uint32(0)
			if mp.staged {
				staged = 1
			}
			b.PutU32(stagedOff, staged)
		}
		return b.newEvent(evOff, r)
	}())
}
