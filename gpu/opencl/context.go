package opencl

// #include "driver.h"
import "C"

var contextFunctions = []function{
	// clCreateContext(properties, num_devices, devices, pfn_notify, user_data, errcode_ret)
	{"clCreateContext", createContext, "properties num_devices devices pfn_notify user_data errcode_ret"},
	// clCreateContextFromType(properties, device_type, pfn_notify, user_data, errcode_ret)
	{"clCreateContextFromType", createContextFromType, "properties device_type:i64 pfn_notify user_data errcode_ret"},
	// clRetainContext(context)
	{"clRetainContext", func(b *Bridge, s []uint64) {
		s[0] = ret(b.retain("clRetainContext", b.contexts, uint32(s[0]), clInvalidContext, retainContext))
	}, "context"},
	// clReleaseContext(context)
	{"clReleaseContext", func(b *Bridge, s []uint64) {
		s[0] = ret(b.release("clReleaseContext", b.contexts, uint32(s[0]), clInvalidContext, releaseContext))
	}, "context"},
	// clGetContextInfo(context, param_name, param_value_size, param_value, param_value_size_ret)
	{"clGetContextInfo", getContextInfo, "context param_name param_value_size param_value param_value_size_ret"},
	// clCreateCommandQueue(context, device, properties, errcode_ret)
	{"clCreateCommandQueue", createCommandQueue, "context device properties:i64 errcode_ret"},
	// clCreateCommandQueueWithProperties(context, device, properties, errcode_ret)
	{"clCreateCommandQueueWithProperties", createCommandQueueWithProperties, "context device properties errcode_ret"},
	// clRetainCommandQueue(command_queue)
	{"clRetainCommandQueue", func(b *Bridge, s []uint64) {
		s[0] = ret(b.retain("clRetainCommandQueue", b.queues, uint32(s[0]), clInvalidCommandQueue, retainQueue))
	}, "command_queue"},
	// clReleaseCommandQueue(command_queue)
	{"clReleaseCommandQueue", func(b *Bridge, s []uint64) {
		s[0] = ret(b.release("clReleaseCommandQueue", b.queues, uint32(s[0]), clInvalidCommandQueue, releaseQueue))
	}, "command_queue"},
	// clFlush(command_queue)
	{"clFlush", func(b *Bridge, s []uint64) { s[0] = ret(b.queueCall("clFlush", uint32(s[0]), flush)) }, "command_queue"},
	// clFinish(command_queue)
	{"clFinish", func(b *Bridge, s []uint64) { s[0] = ret(b.queueCall("clFinish", uint32(s[0]), finish)) }, "command_queue"},
}

func retainContext(h C.wr_h) C.wr_int  { return C.wr_clRetainContext(h) }
func releaseContext(h C.wr_h) C.wr_int { return C.wr_clReleaseContext(h) }
func retainQueue(h C.wr_h) C.wr_int    { return C.wr_clRetainCommandQueue(h) }
func releaseQueue(h C.wr_h) C.wr_int   { return C.wr_clReleaseCommandQueue(h) }
func flush(h C.wr_h) C.wr_int          { return C.wr_clFlush(h) }
func finish(h C.wr_h) C.wr_int         { return C.wr_clFinish(h) }

// ret puts an error code or handle on the result stack.
func ret[T ~int32 | ~uint32](v T) uint64 { return uint64(uint32(v)) }

func (b *Bridge) queueCall(fn string, h uint32, call func(C.wr_h) C.wr_int) int32 {
	if !b.ready() {
		return clInvalidCommandQueue
	}
	q, rc := b.queue(fn, h)
	if rc != clSuccess {
		return rc
	}
	return int32(call(q))
}

// errOut checks the errcode_ret of a create call. When it is bad, the call
// does nothing and returns NULL: there is nowhere to say why but the log.
func (b *Bridge) errOut(fn string, off uint32) bool {
	if b.Out(off, 4) {
		return true
	}
	b.fail(fn, clInvalidValue, "errcode_ret pointer %#x is outside guest memory", off)
	return false
}

// createResult finishes a create call: it writes code to errcode_ret and
// returns the guest handle (0 on failure).
func (b *Bridge) createResult(errOff uint32, code int32, h uint32) uint64 {
	if code == clSuccess && h == 0 {
		code = clOutOfHostMemory
	}
	b.PutU32(errOff, uint32(code))
	if code != clSuccess {
		return 0
	}
	return uint64(h)
}

// contextProps translates a guest cl_context_properties list (intptr_t
// pairs ending in 0) into the driver's, with platform handles translated.
func (b *Bridge) contextProps(fn string, off uint32) ([]C.intptr_t, int32) {
	if off == 0 {
		return nil, clSuccess
	}
	var props []C.intptr_t
	for i := uint32(0); ; i += 2 {
		if i >= maxContextProperties {
			return nil, b.fail(fn, clInvalidValue, "properties at %#x have no terminating 0 within %d entries", off, maxContextProperties)
		}
		if !b.InBounds(off+4*i, 4) {
			return nil, b.fail(fn, clInvalidValue, "properties at %#x run outside guest memory", off)
		}
		name := b.ReadU32(off + 4*i)
		if name == 0 {
			return append(props, 0), clSuccess
		}
		if !b.InBounds(off+4*i+4, 4) {
			return nil, b.fail(fn, clInvalidValue, "properties at %#x run outside guest memory", off)
		}
		v := b.ReadU32(off + 4*i + 4)
		host := C.intptr_t(int32(v))
		if name == clContextPlatform {
			p, ok := b.platforms.Get(v)
			if !ok {
				return nil, b.fail(fn, clInvalidPlatform, "CL_CONTEXT_PLATFORM %#x is not a platform", v)
			}
			host = C.intptr_t(*p)
		}
		props = append(props, C.intptr_t(name), host)
	}
}

func first[T any](s []T) *T {
	if len(s) == 0 {
		return nil
	}
	return &s[0]
}

func createContext(b *Bridge, stack []uint64) {
	propsOff, n, devs, _, _, errOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4]), uint32(stack[5])
	const fn = "clCreateContext"
	if !b.errOut(fn, errOff) {
		stack[0] = 0
		return
	}
	if !b.ready() {
		stack[0] = b.createResult(errOff, b.fail(fn, clInvalidPlatform, "%v", b.loadErr), 0)
		return
	}
	props, rc := b.contextProps(fn, propsOff)
	if rc != clSuccess {
		stack[0] = b.createResult(errOff, rc, 0)
		return
	}
	if n == 0 || devs == 0 {
		stack[0] = b.createResult(errOff, b.fail(fn, clInvalidValue, "no devices"), 0)
		return
	}
	list, rc := b.devicesArg(fn, n, devs)
	if rc != clSuccess {
		stack[0] = b.createResult(errOff, rc, 0)
		return
	}
	b.outErr = 0
	c := C.wr_clCreateContext(first(props), C.wr_uint(n), list, &b.outErr)
	if b.outErr != clSuccess {
		stack[0] = b.createResult(errOff, int32(b.outErr), 0)
		return
	}
	stack[0] = b.createResult(errOff, clSuccess, b.created(b.contexts, c, releaseContext))
}

func createContextFromType(b *Bridge, stack []uint64) {
	propsOff, typ, errOff := uint32(stack[0]), stack[1], uint32(stack[4])
	const fn = "clCreateContextFromType"
	if !b.errOut(fn, errOff) {
		stack[0] = 0
		return
	}
	if !b.ready() {
		stack[0] = b.createResult(errOff, b.fail(fn, clInvalidPlatform, "%v", b.loadErr), 0)
		return
	}
	props, rc := b.contextProps(fn, propsOff)
	if rc != clSuccess {
		stack[0] = b.createResult(errOff, rc, 0)
		return
	}
	b.outErr = 0
	c := C.wr_clCreateContextFromType(first(props), C.wr_ulong(typ), &b.outErr)
	if b.outErr != clSuccess {
		stack[0] = b.createResult(errOff, int32(b.outErr), 0)
		return
	}
	stack[0] = b.createResult(errOff, clSuccess, b.created(b.contexts, c, releaseContext))
}

func getContextInfo(b *Bridge, stack []uint64) {
	h, name, size, value, retOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4])
	const fn = "clGetContextInfo"
	if !b.ready() {
		stack[0] = ret(int32(clInvalidContext))
		return
	}
	c, ok := b.contexts.Get(h)
	if !ok {
		stack[0] = ret(b.fail(fn, clInvalidContext, "%#x is not a live context", h))
		return
	}
	host := c.host
	stack[0] = ret(b.info(fn, contextInfo, name, size, value, retOff, func(s C.size_t, v C.wr_h, r *C.size_t) C.wr_int {
		return C.wr_clGetContextInfo(host, C.wr_uint(name), s, v, r)
	}))
}

// queueArgs checks the context and device of a queue creation.
func (b *Bridge) queueArgs(fn string, ch, dh uint32) (C.wr_h, C.wr_h, int32) {
	if !b.ready() {
		return 0, 0, clInvalidContext
	}
	c, ok := b.contexts.Get(ch)
	if !ok {
		return 0, 0, b.fail(fn, clInvalidContext, "%#x is not a live context", ch)
	}
	d, ok := b.devices.Get(dh)
	if !ok {
		return 0, 0, b.fail(fn, clInvalidDevice, "%#x is not a device", dh)
	}
	return c.host, *d, clSuccess
}

func createCommandQueue(b *Bridge, stack []uint64) {
	ch, dh, props, errOff := uint32(stack[0]), uint32(stack[1]), stack[2], uint32(stack[3])
	const fn = "clCreateCommandQueue"
	if !b.errOut(fn, errOff) {
		stack[0] = 0
		return
	}
	c, d, rc := b.queueArgs(fn, ch, dh)
	if rc != clSuccess {
		stack[0] = b.createResult(errOff, rc, 0)
		return
	}
	b.outErr = 0
	q := C.wr_clCreateCommandQueue(c, d, C.wr_ulong(props), &b.outErr)
	if b.outErr != clSuccess {
		stack[0] = b.createResult(errOff, int32(b.outErr), 0)
		return
	}
	stack[0] = b.createResult(errOff, clSuccess, b.created(b.queues, q, releaseQueue))
}

func createCommandQueueWithProperties(b *Bridge, stack []uint64) {
	ch, dh, propsOff, errOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3])
	const fn = "clCreateCommandQueueWithProperties"
	if !b.errOut(fn, errOff) {
		stack[0] = 0
		return
	}
	c, d, rc := b.queueArgs(fn, ch, dh)
	if rc != clSuccess {
		stack[0] = b.createResult(errOff, rc, 0)
		return
	}
	// cl_queue_properties are 64-bit in the guest too: the list is read as
	// it is, up to its terminating 0.
	var props []C.wr_ulong
	if propsOff != 0 {
		for i := uint32(0); ; i += 2 {
			if i >= maxQueueProperties || !b.InBounds(propsOff+8*i, 8) {
				stack[0] = b.createResult(errOff, b.fail(fn, clInvalidValue, "properties at %#x run outside guest memory or past %d entries", propsOff, maxQueueProperties), 0)
				return
			}
			name := b.ReadU64(propsOff + 8*i)
			if name == 0 {
				props = append(props, 0)
				break
			}
			if !b.InBounds(propsOff+8*i+8, 8) {
				stack[0] = b.createResult(errOff, b.fail(fn, clInvalidValue, "properties at %#x run outside guest memory", propsOff), 0)
				return
			}
			props = append(props, C.wr_ulong(name), C.wr_ulong(b.ReadU64(propsOff+8*i+8)))
		}
	}
	b.outErr = 0
	var q C.wr_h
	if C.wr_cl_has_queue_properties() != 0 {
		q = C.wr_clCreateCommandQueueWithProperties(c, d, first(props), &b.outErr)
	} else {
		// An OpenCL 1.2 loader: CL_QUEUE_PROPERTIES is the one property
		// that clCreateCommandQueue can take.
		var bits C.wr_ulong
		for i := 0; i+1 < len(props); i += 2 {
			if props[i] != clQueueProperties {
				stack[0] = b.createResult(errOff, b.fail(fn, clInvalidValue, "queue property %#x needs an OpenCL 2.0 library", uint64(props[i])), 0)
				return
			}
			bits = props[i+1]
		}
		q = C.wr_clCreateCommandQueue(c, d, bits, &b.outErr)
	}
	if b.outErr != clSuccess {
		stack[0] = b.createResult(errOff, int32(b.outErr), 0)
		return
	}
	stack[0] = b.createResult(errOff, clSuccess, b.created(b.queues, q, releaseQueue))
}
