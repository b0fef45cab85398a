package opencl

// #include "driver.h"
import "C"

import (
	"unsafe"

	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental/table"
)

var programFunctions = []function{
	// clCreateProgramWithSource(context, count, strings, lengths, errcode_ret)
	{"clCreateProgramWithSource", createProgramWithSource, "context count strings lengths errcode_ret"},
	// clRetainProgram(program)
	{"clRetainProgram", func(b *Bridge, s []uint64) {
		s[0] = ret(b.retain("clRetainProgram", b.programs, uint32(s[0]), clInvalidProgram, retainProgram))
	}, "program"},
	// clReleaseProgram(program)
	{"clReleaseProgram", func(b *Bridge, s []uint64) {
		s[0] = ret(b.release("clReleaseProgram", b.programs, uint32(s[0]), clInvalidProgram, releaseProgram))
	}, "program"},
	// clBuildProgram(program, num_devices, device_list, options, pfn_notify, user_data)
	{"clBuildProgram", buildProgram, "program num_devices device_list options pfn_notify user_data"},
	// clGetProgramInfo(program, param_name, param_value_size, param_value, param_value_size_ret)
	{"clGetProgramInfo", getProgramInfo, "program param_name param_value_size param_value param_value_size_ret"},
	// clGetProgramBuildInfo(program, device, param_name, param_value_size, param_value, param_value_size_ret)
	{"clGetProgramBuildInfo", getProgramBuildInfo, "program device param_name param_value_size param_value param_value_size_ret"},
	// clCreateKernel(program, kernel_name, errcode_ret)
	{"clCreateKernel", createKernel, "program kernel_name errcode_ret"},
	// clCreateKernelsInProgram(program, num_kernels, kernels, num_kernels_ret)
	{"clCreateKernelsInProgram", createKernelsInProgram, "program num_kernels kernels num_kernels_ret"},
	// clRetainKernel(kernel)
	{"clRetainKernel", func(b *Bridge, s []uint64) {
		s[0] = ret(b.retain("clRetainKernel", b.kernels, uint32(s[0]), clInvalidKernel, retainKernel))
	}, "kernel"},
	// clReleaseKernel(kernel)
	{"clReleaseKernel", func(b *Bridge, s []uint64) {
		s[0] = ret(b.release("clReleaseKernel", b.kernels, uint32(s[0]), clInvalidKernel, releaseKernel))
	}, "kernel"},
	// clSetKernelArg(kernel, arg_index, arg_size, arg_value)
	{"clSetKernelArg", setKernelArg, "kernel arg_index arg_size arg_value"},
	// clGetKernelInfo(kernel, param_name, param_value_size, param_value, param_value_size_ret)
	{"clGetKernelInfo", getKernelInfo, "kernel param_name param_value_size param_value param_value_size_ret"},
	// clGetKernelWorkGroupInfo(kernel, device, param_name, param_value_size, param_value, param_value_size_ret)
	{"clGetKernelWorkGroupInfo", getKernelWorkGroupInfo, "kernel device param_name param_value_size param_value param_value_size_ret"},
	// clEnqueueNDRangeKernel(command_queue, kernel, work_dim, global_work_offset, global_work_size, local_work_size, num_events_in_wait_list, event_wait_list, event)
	{"clEnqueueNDRangeKernel", enqueueNDRangeKernel,
		"command_queue kernel work_dim global_work_offset global_work_size local_work_size num_events_in_wait_list event_wait_list event"},
}

func retainProgram(h C.wr_h) C.wr_int  { return C.wr_clRetainProgram(h) }
func releaseProgram(h C.wr_h) C.wr_int { return C.wr_clReleaseProgram(h) }
func retainKernel(h C.wr_h) C.wr_int   { return C.wr_clRetainKernel(h) }
func releaseKernel(h C.wr_h) C.wr_int  { return C.wr_clReleaseKernel(h) }

func createProgramWithSource(b *Bridge, stack []uint64) {
	ch, count, strs, lens, errOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4])
	const fn = "clCreateProgramWithSource"
	if !b.errOut(fn, errOff) {
		stack[0] = 0
		return
	}
	var prog uint32
	rc := func() int32 {
		if !b.ready() {
			return clInvalidContext
		}
		c, ok := b.contexts.Get(ch)
		if !ok {
			return b.fail(fn, clInvalidContext, "%#x is not a live context", ch)
		}
		if count == 0 || strs == 0 || count > maxProgramStrings || !b.InBounds(strs, uint64(count)*4) {
			return b.fail(fn, clInvalidValue, "%d strings at %#x", count, strs)
		}
		if lens != 0 && !b.InBounds(lens, uint64(count)*4) {
			return b.fail(fn, clInvalidValue, "%d lengths at %#x are outside guest memory", count, lens)
		}
		ptrs := make([]C.wr_h, count)
		lengths := make([]C.size_t, count)
		for i := range count {
			s := b.ReadU32(strs + 4*i)
			var n uint32
			if lens != 0 {
				n = b.ReadU32(lens + 4*i)
			}
			if n == 0 {
				p, l, ok := b.cstring(s)
				if !ok {
					return b.fail(fn, clInvalidValue, "string %d at %#x is NULL or has no terminating NUL inside guest memory", i, s)
				}
				ptrs[i], lengths[i] = p, C.size_t(l)
				continue
			}
			p, ok := b.addr(s, uint64(n))
			if !ok || s == 0 {
				return b.fail(fn, clInvalidValue, "string %d at %#x with %d bytes is outside guest memory", i, s, n)
			}
			ptrs[i], lengths[i] = p, C.size_t(n)
		}
		b.outErr = 0
		p := C.wr_clCreateProgramWithSource(c.host, C.wr_uint(count), &ptrs[0], &lengths[0], &b.outErr)
		if b.outErr != clSuccess {
			return int32(b.outErr)
		}
		prog = b.created(b.programs, p, releaseProgram)
		return clSuccess
	}()
	stack[0] = b.createResult(errOff, rc, prog)
}

func buildProgram(b *Bridge, stack []uint64) {
	ph, n, devs, opts, notify, user := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4]), uint32(stack[5])
	const fn = "clBuildProgram"
	rc := func() int32 {
		if !b.ready() {
			return clInvalidProgram
		}
		p, ok := b.programs.Get(ph)
		if !ok {
			return b.fail(fn, clInvalidProgram, "%#x is not a live program", ph)
		}
		list, rc := b.devicesArg(fn, n, devs)
		if rc != clSuccess {
			return rc
		}
		var options C.wr_h
		if opts != 0 {
			o, _, ok := b.cstring(opts)
			if !ok {
				return b.fail(fn, clInvalidValue, "options at %#x have no terminating NUL inside guest memory", opts)
			}
			options = o
		}
		if notify == 0 && user != 0 {
			return b.fail(fn, clInvalidValue, "user_data without pfn_notify")
		}
		return int32(C.wr_clBuildProgram(p.host, C.wr_uint(n), list, options))
	}()
	if notify != 0 && (rc == clSuccess || rc == -11) { // CL_BUILD_PROGRAM_FAILURE
		// The build is done: the guest's callback runs now, on the
		// guest's own thread, before clBuildProgram returns.
		b.callback(notify, ph, user)
	}
	stack[0] = ret(rc)
}

var notifyParams = []api.ValueType{api.ValueTypeI32, api.ValueTypeI32}

// callback calls the guest function at table index idx with (a, c). A bad
// index or signature traps the guest, as calling it natively would crash.
func (b *Bridge) callback(idx, a, c uint32) {
	f := table.LookupFunction(b.Module, 0, idx, notifyParams, nil)
	if _, err := f.Call(b.ctx, uint64(a), uint64(c)); err != nil {
		panic(err)
	}
}

func getProgramInfo(b *Bridge, stack []uint64) {
	h, name, size, value, retOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4])
	const fn = "clGetProgramInfo"
	if !b.ready() {
		stack[0] = ret(int32(clInvalidProgram))
		return
	}
	p, ok := b.programs.Get(h)
	if !ok {
		stack[0] = ret(b.fail(fn, clInvalidProgram, "%#x is not a live program", h))
		return
	}
	host := p.host
	stack[0] = ret(b.info(fn, programInfo, name, size, value, retOff, func(s C.size_t, v C.wr_h, r *C.size_t) C.wr_int {
		return C.wr_clGetProgramInfo(host, C.wr_uint(name), s, v, r)
	}))
}

func getProgramBuildInfo(b *Bridge, stack []uint64) {
	h, dh, name, size, value, retOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4]), uint32(stack[5])
	const fn = "clGetProgramBuildInfo"
	if !b.ready() {
		stack[0] = ret(int32(clInvalidProgram))
		return
	}
	p, ok := b.programs.Get(h)
	if !ok {
		stack[0] = ret(b.fail(fn, clInvalidProgram, "%#x is not a live program", h))
		return
	}
	d, ok := b.devices.Get(dh)
	if !ok {
		stack[0] = ret(b.fail(fn, clInvalidDevice, "%#x is not a device", dh))
		return
	}
	host, dev := p.host, *d
	stack[0] = ret(b.info(fn, buildInfo, name, size, value, retOff, func(s C.size_t, v C.wr_h, r *C.size_t) C.wr_int {
		return C.wr_clGetProgramBuildInfo(host, dev, C.wr_uint(name), s, v, r)
	}))
}

func createKernel(b *Bridge, stack []uint64) {
	ph, nameOff, errOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2])
	const fn = "clCreateKernel"
	if !b.errOut(fn, errOff) {
		stack[0] = 0
		return
	}
	var k uint32
	rc := func() int32 {
		if !b.ready() {
			return clInvalidProgram
		}
		p, ok := b.programs.Get(ph)
		if !ok {
			return b.fail(fn, clInvalidProgram, "%#x is not a live program", ph)
		}
		name, _, ok := b.cstring(nameOff)
		if !ok {
			return b.fail(fn, clInvalidValue, "kernel_name at %#x is NULL or has no terminating NUL inside guest memory", nameOff)
		}
		b.outErr = 0
		host := C.wr_clCreateKernel(p.host, name, &b.outErr)
		if b.outErr != clSuccess {
			return int32(b.outErr)
		}
		k = b.created(b.kernels, host, releaseKernel)
		return clSuccess
	}()
	stack[0] = b.createResult(errOff, rc, k)
}

func createKernelsInProgram(b *Bridge, stack []uint64) {
	ph, n, out, numOut := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3])
	const fn = "clCreateKernelsInProgram"
	stack[0] = ret(func() int32 {
		if !b.ready() {
			return clInvalidProgram
		}
		p, ok := b.programs.Get(ph)
		if !ok {
			return b.fail(fn, clInvalidProgram, "%#x is not a live program", ph)
		}
		if out != 0 && (n == 0 || n > maxKernelsInProgram || !b.InBounds(out, uint64(n)*4)) {
			return b.fail(fn, clInvalidValue, "a list of %d kernels at %#x is outside guest memory", n, out)
		}
		if !b.Out(numOut, 4) {
			return b.fail(fn, clInvalidValue, "num_kernels_ret pointer %#x is outside guest memory", numOut)
		}
		if out == 0 {
			b.outU = 0
			rc := C.wr_clCreateKernelsInProgram(p.host, 0, nil, &b.outU)
			if rc == clSuccess {
				b.PutU32(numOut, uint32(b.outU))
			}
			return int32(rc)
		}
		ks := make([]C.wr_h, n)
		b.outU = 0
		rc := C.wr_clCreateKernelsInProgram(p.host, C.wr_uint(n), &ks[0], &b.outU)
		if rc != clSuccess {
			return int32(rc)
		}
		got := min(uint32(b.outU), n)
		for i := range got {
			b.PutU32(out+4*i, b.created(b.kernels, ks[i], releaseKernel))
		}
		b.PutU32(numOut, got)
		return clSuccess
	}())
}

// setKernelArg passes an argument. The guest's cl_mem is 4 bytes and the
// driver's 8, so the bridge must know which arguments are buffers. It asks
// the driver (clGetKernelArgInfo: the argument's address space, kept per
// kernel and index); a driver that cannot say (programs built without
// -cl-kernel-arg-info need not be described) gets the rule: a 4-byte value
// that is a live buffer handle, or 0, is first offered as that buffer (or
// a NULL buffer); when the driver refuses the size (the argument is no
// buffer), the 4 bytes go as they are, and a 4-byte value the driver takes
// neither way is a bad buffer handle. A NULL arg_value with a size is local
// memory.
func setKernelArg(b *Bridge, stack []uint64) {
	kh, idx, size, value := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3])
	const fn = "clSetKernelArg"
	stack[0] = ret(func() int32 {
		if !b.ready() {
			return clInvalidKernel
		}
		k, ok := b.kernels.Get(kh)
		if !ok {
			return b.fail(fn, clInvalidKernel, "%#x is not a live kernel", kh)
		}
		if value == 0 {
			return int32(C.wr_clSetKernelArg(k.host, C.wr_uint(idx), C.size_t(size), 0))
		}
		host, ok := b.addr(value, uint64(size))
		if !ok {
			return b.fail(fn, clInvalidArgValue, "arg_value %#x of %d bytes is outside guest memory", value, size)
		}
		if size != 4 {
			return int32(C.wr_clSetKernelArg(k.host, C.wr_uint(idx), C.size_t(size), host))
		}
		v := b.ReadU32(value)
		switch b.argSpace(k.host, idx) {
		case argValue:
			return int32(C.wr_clSetKernelArg(k.host, C.wr_uint(idx), 4, host))
		case argBuffer:
			m, ok := b.mems.Get(v)
			if !ok && v != 0 {
				return b.fail(fn, clInvalidMemObject, "argument %d is a buffer and %#x is not a live memory object", idx, v)
			}
			b.outH = 0
			if ok {
				b.outH = m.host
			}
			return int32(C.wr_clSetKernelArg(k.host, C.wr_uint(idx), 8, C.wr_h(uintptrOf(&b.outH))))
		}
		if m, ok := b.mems.Get(v); ok || v == 0 {
			b.outH = 0
			if ok {
				b.outH = m.host
			}
			rc := C.wr_clSetKernelArg(k.host, C.wr_uint(idx), 8, C.wr_h(uintptrOf(&b.outH)))
			if rc != clInvalidArgSize {
				return int32(rc)
			}
		}
		rc := C.wr_clSetKernelArg(k.host, C.wr_uint(idx), 4, host)
		if rc == clInvalidArgSize {
			// The driver wants 8 bytes: a buffer, and v is none.
			return b.fail(fn, clInvalidMemObject, "argument %d is a buffer and %#x is not a live memory object", idx, v)
		}
		return int32(rc)
	}())
}

// What the driver says a kernel argument is.
const (
	argUnknown = iota // the driver cannot say
	argValue          // __private: passed by value
	argBuffer         // __global or __constant: a cl_mem
)

// argSpace asks the driver for the address space of argument idx of kernel
// k, once per kernel and index.
func (b *Bridge) argSpace(k C.wr_h, idx uint32) int8 {
	spaces := b.argSpaces[k]
	if int(idx) < len(spaces) && spaces[idx] != 0 {
		return spaces[idx] - 1
	}
	kind := int8(argUnknown)
	var q C.wr_uint
	if C.wr_clGetKernelArgInfo(k, C.wr_uint(idx), clKernelArgAddressQualifier, 4, C.wr_h(uintptr(unsafe.Pointer(&q))), nil) == clSuccess {
		switch q {
		case clKernelArgAddressGlobal, clKernelArgAddressConstant:
			kind = argBuffer
		case clKernelArgAddressPrivate:
			kind = argValue
		}
	}
	if idx < maxKernelArgs {
		for len(spaces) <= int(idx) {
			spaces = append(spaces, 0)
		}
		spaces[idx] = kind + 1
		b.argSpaces[k] = spaces
	}
	return kind
}

func getKernelInfo(b *Bridge, stack []uint64) {
	h, name, size, value, retOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4])
	const fn = "clGetKernelInfo"
	if !b.ready() {
		stack[0] = ret(int32(clInvalidKernel))
		return
	}
	k, ok := b.kernels.Get(h)
	if !ok {
		stack[0] = ret(b.fail(fn, clInvalidKernel, "%#x is not a live kernel", h))
		return
	}
	host := k.host
	stack[0] = ret(b.info(fn, kernelInfo, name, size, value, retOff, func(s C.size_t, v C.wr_h, r *C.size_t) C.wr_int {
		return C.wr_clGetKernelInfo(host, C.wr_uint(name), s, v, r)
	}))
}

func getKernelWorkGroupInfo(b *Bridge, stack []uint64) {
	h, dh, name, size, value, retOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4]), uint32(stack[5])
	const fn = "clGetKernelWorkGroupInfo"
	if !b.ready() {
		stack[0] = ret(int32(clInvalidKernel))
		return
	}
	k, ok := b.kernels.Get(h)
	if !ok {
		stack[0] = ret(b.fail(fn, clInvalidKernel, "%#x is not a live kernel", h))
		return
	}
	var dev C.wr_h
	if dh != 0 {
		d, ok := b.devices.Get(dh)
		if !ok {
			stack[0] = ret(b.fail(fn, clInvalidDevice, "%#x is not a device", dh))
			return
		}
		dev = *d
	}
	host := k.host
	stack[0] = ret(b.info(fn, groupInfo, name, size, value, retOff, func(s C.size_t, v C.wr_h, r *C.size_t) C.wr_int {
		return C.wr_clGetKernelWorkGroupInfo(host, dev, C.wr_uint(name), s, v, r)
	}))
}

// sizesArg reads a guest size_t[dim] array into the scratch row i (nil for
// a NULL array).
func (b *Bridge) sizesArg(i int, off, dim uint32) (*C.size_t, bool) {
	if off == 0 {
		return nil, true
	}
	if !b.InBounds(off, uint64(dim)*4) {
		return nil, false
	}
	for j := range dim {
		b.sizes[i][j] = C.size_t(b.ReadU32(off + 4*j))
	}
	return &b.sizes[i][0], true
}

func enqueueNDRangeKernel(b *Bridge, stack []uint64) {
	qh, kh, dim, offOff, globOff, locOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4]), uint32(stack[5])
	nwait, waitOff, evOff := uint32(stack[6]), uint32(stack[7]), uint32(stack[8])
	const fn = "clEnqueueNDRangeKernel"
	stack[0] = ret(func() int32 {
		if !b.ready() {
			return clInvalidCommandQueue
		}
		q, rc := b.queue(fn, qh)
		if rc != clSuccess {
			return rc
		}
		k, ok := b.kernels.Get(kh)
		if !ok {
			return b.fail(fn, clInvalidKernel, "%#x is not a live kernel", kh)
		}
		if dim < 1 || dim > 3 {
			return b.fail(fn, clInvalidWorkDimension, "work_dim %d", dim)
		}
		offset, ok1 := b.sizesArg(0, offOff, dim)
		global, ok2 := b.sizesArg(1, globOff, dim)
		local, ok3 := b.sizesArg(2, locOff, dim)
		if !ok1 || !ok3 {
			return b.fail(fn, clInvalidValue, "global_work_offset %#x or local_work_size %#x is outside guest memory", offOff, locOff)
		}
		if !ok2 || global == nil {
			return b.fail(fn, clInvalidGlobalWorkSize, "global_work_size %#x is NULL or outside guest memory", globOff)
		}
		wait, ev, rc := b.waitAndEvent(fn, nwait, waitOff, evOff)
		if rc != clSuccess {
			return rc
		}
		r := C.wr_clEnqueueNDRangeKernel(q, k.host, C.wr_uint(dim), offset, global, local, C.wr_uint(nwait), wait, ev)
		return b.newEvent(evOff, r)
	}())
}
