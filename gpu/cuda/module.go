package cuda

// #include <stdlib.h>
// #include "driver.h"
import "C"

import (
	"bytes"
	"unsafe"
)

var moduleFunctions = []function{
	// cuModuleLoadData(module, image)
	{"cuModuleLoadData", func(b *Bridge, s []uint64) int32 {
		return b.loadModule("cuModuleLoadData", uint32(s[0]), uint32(s[1]), 0, 0, 0)
	}, "module image"},
	// cuModuleLoadDataEx(module, image, numOptions, options, optionValues)
	{"cuModuleLoadDataEx", func(b *Bridge, s []uint64) int32 {
		return b.loadModule("cuModuleLoadDataEx", uint32(s[0]), uint32(s[1]), uint32(s[2]), uint32(s[3]), uint32(s[4]))
	}, "module image numOptions options optionValues"},
	// cuModuleGetFunction(hfunc, hmod, name)
	{"cuModuleGetFunction", cuModuleGetFunction, "hfunc hmod name"},
	// cuModuleUnload(hmod)
	{"cuModuleUnload", cuModuleUnload, "hmod"},
	// cuLaunchKernel(f, gridDimX, gridDimY, gridDimZ, blockDimX, blockDimY, blockDimZ, sharedMemBytes, hStream, kernelParams, extra)
	{"cuLaunchKernel", cuLaunchKernel,
		"f gridDimX gridDimY gridDimZ blockDimX blockDimY blockDimZ sharedMemBytes hStream kernelParams extra"},
}

// jitOpt is one translated JIT option.
type jitOpt struct {
	option uint32
	guest  uint32 // the guest's value (a scalar or a guest address)
	kind   jitKind
}

// loadModule loads PTX text from guest memory. The driver always gets an
// error log buffer (the guest's, or the bridge's own), so that -v can show
// why the JIT refused the PTX.
func (b *Bridge) loadModule(fn string, off, image, n, optsOff, valsOff uint32) int32 {
	if off == 0 || !b.InBounds(off, 4) {
		return b.fail(fn, cuInvalidValue, "module %#x is outside guest memory", off)
	}
	img, length, ok := b.cstring(image)
	if !ok {
		return b.fail(fn, cuInvalidValue, "image %#x is not a NUL-terminated string inside guest memory", image)
	}
	text := b.Full[image : image+uint32(length)]
	if bytes.HasPrefix(text, []byte("\x7fELF")) || bytes.HasPrefix(text, []byte{0x50, 0xed, 0x55, 0xba}) {
		return b.fail(fn, cuInvalidImage, "image %#x is a cubin or fatbin: wasmrun takes PTX text, which the driver compiles for its GPU", image)
	}
	opts, rc := b.jitOptions(fn, n, optsOff, valsOff)
	if rc != cuSuccess {
		return rc
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	// The host's option arrays, with an error log of the bridge's own
	// where the guest gave none.
	hostOpts := make([]C.wr_uint, 0, len(opts)+2)
	hostVals := make([]C.wr_h, 0, len(opts)+2)
	var guestLog uint32 // the guest's error log, if it gave one
	var ownLog unsafe.Pointer
	var logSize uint64
	for _, o := range opts {
		if o.option == jitErrorLogSize {
			logSize = uint64(o.guest)
		}
	}
	for _, o := range opts {
		v := C.wr_h(o.guest)
		if o.kind == jitBuffer {
			v = C.wr_h(b.Base + uintptr(o.guest))
			if o.option == jitErrorLogBuffer {
				guestLog = o.guest
			}
		}
		hostOpts = append(hostOpts, C.wr_uint(o.option))
		hostVals = append(hostVals, v)
	}
	if guestLog == 0 {
		ownLog = C.calloc(ownErrorLogSize, 1)
		defer C.free(ownLog)
		hostOpts = append(hostOpts, jitErrorLogBuffer, jitErrorLogSize)
		hostVals = append(hostVals, C.wr_h(uintptr(ownLog)), C.wr_h(ownErrorLogSize))
	}
	var host C.wr_h
	rc = int32(C.wr_cuModuleLoadDataEx(&host, img, C.wr_uint(len(hostOpts)), &hostOpts[0], &hostVals[0]))
	// The driver writes sizes and times back into the value array.
	for i, o := range opts {
		if o.kind == jitInOut || o.kind == jitOut {
			b.PutU32(valsOff+4*uint32(i), uint32(hostVals[i]))
		}
	}
	if rc != cuSuccess {
		var msg []byte
		if ownLog != nil {
			msg = C.GoBytes(ownLog, ownErrorLogSize)
		} else {
			msg = b.Full[guestLog : uint64(guestLog)+logSize]
		}
		if i := bytes.IndexByte(msg, 0); i >= 0 {
			msg = msg[:i]
		}
		b.logf("%s: the driver's JIT refused the PTX (%s): %s", fn, errName(rc), bytes.TrimSpace(msg))
		return rc
	}
	g := b.modules.Add(cuModule{owned: owned{host: host, ctx: current()}, entries: ptxEntries(string(text))})
	if g == 0 {
		C.wr_cuModuleUnload(host)
		return b.fail(fn, cuOutOfMemory, "too many modules")
	}
	b.PutU32(off, g)
	return cuSuccess
}

// jitOptions checks cuModuleLoadDataEx's option and value arrays: every
// option must be one the bridge translates, and a log buffer must come
// with its size and lie in guest memory over that size.
func (b *Bridge) jitOptions(fn string, n, optsOff, valsOff uint32) ([]jitOpt, int32) {
	if n == 0 {
		return nil, cuSuccess
	}
	if n > maxJITOptions || !b.InBounds(optsOff, uint64(n)*4) || !b.InBounds(valsOff, uint64(n)*4) || optsOff == 0 || valsOff == 0 {
		return nil, b.fail(fn, cuInvalidValue, "%d JIT options at %#x, values at %#x, are outside guest memory", n, optsOff, valsOff)
	}
	opts := make([]jitOpt, n)
	sizes := map[uint32]uint32{}
	for i := range n {
		o := b.ReadU32(optsOff + 4*i)
		kind, ok := jitOptions[o]
		if !ok {
			return nil, b.fail(fn, cuInvalidValue, "JIT option %d (%d) is not one wasmrun translates", i, o)
		}
		opts[i] = jitOpt{option: o, guest: b.ReadU32(valsOff + 4*i), kind: kind}
		sizes[o] = opts[i].guest
	}
	for i, o := range opts {
		if o.kind != jitBuffer {
			continue
		}
		size, ok := sizes[o.option+1] // each buffer's size option follows it
		if !ok {
			return nil, b.fail(fn, cuInvalidValue, "JIT option %d is a log buffer without its size option", i)
		}
		if o.guest == 0 || !b.InBounds(o.guest, uint64(size)) {
			return nil, b.fail(fn, cuInvalidValue, "JIT log buffer %#x with %d bytes is outside guest memory", o.guest, size)
		}
	}
	return opts, cuSuccess
}

func cuModuleGetFunction(b *Bridge, s []uint64) int32 {
	const fn = "cuModuleGetFunction"
	off, mh, nameOff := uint32(s[0]), uint32(s[1]), uint32(s[2])
	if off == 0 || !b.InBounds(off, 4) {
		return b.fail(fn, cuInvalidValue, "hfunc %#x is outside guest memory", off)
	}
	m, ok := b.modules.Get(mh)
	if !ok {
		return b.fail(fn, cuInvalidHandle, "%#x is not a live module", mh)
	}
	name, n, ok := b.cstring(nameOff)
	if !ok {
		return b.fail(fn, cuInvalidValue, "name %#x is not a NUL-terminated string inside guest memory", nameOff)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	var host C.wr_h
	if rc := int32(C.wr_cuModuleGetFunction(&host, m.host, name)); rc != cuSuccess {
		return rc
	}
	if g, ok := b.guest[host]; ok && b.functions.Owns(g) {
		b.PutU32(off, g)
		return cuSuccess
	}
	kernel := string(b.Full[nameOff : nameOff+uint32(n)])
	f := cuFunction{host: host, module: mh, name: kernel}
	ptx, inPTX := m.entries[kernel]
	f.sizes, f.source = b.paramSizes(host, ptx)
	if b.log != nil && f.sizes != nil {
		agree := ""
		if f.source != "the PTX .entry" {
			switch {
			case !inPTX:
				agree = "; the PTX gave no list"
			case ptxAgrees(ptx, f.sizes):
				agree = "; the PTX .entry agrees"
			default:
				agree = "; the PTX .entry disagrees"
			}
		}
		b.logf("%s: %s: %d parameters (%v bytes) from %s%s", fn, kernel, len(f.sizes), f.sizes, f.source, agree)
	}
	if f.sizes == nil {
		b.logf("%s: the driver has no cuFuncGetParamInfo and the PTX's .entry %s has no parameter list wasmrun can read: cuLaunchKernel with kernelParams will fail", fn, kernel)
	}
	g := b.functions.Add(f)
	if g == 0 {
		return b.fail(fn, cuOutOfMemory, "too many functions")
	}
	b.guest[host] = g
	b.PutU32(off, g)
	return cuSuccess
}

// paramSizes are a kernel's parameter sizes: from the driver where it has
// cuFuncGetParamInfo, else from the PTX (nil if neither knows them).
func (b *Bridge) paramSizes(f C.wr_h, ptx []param) ([]uint64, string) {
	if C.wr_cu_has_param_info() != 0 {
		sizes := []uint64{}
		for i := range maxKernelParams {
			var off, size C.size_t
			if C.wr_cuFuncGetParamInfo(f, C.size_t(i), &off, &size) != cuSuccess {
				return sizes, "cuFuncGetParamInfo"
			}
			sizes = append(sizes, uint64(size))
		}
		return nil, ""
	}
	if ptx == nil {
		return nil, ""
	}
	sizes := make([]uint64, len(ptx))
	for i, p := range ptx {
		sizes[i] = p.size
	}
	return sizes, "the PTX .entry"
}

func cuModuleUnload(b *Bridge, s []uint64) int32 {
	const fn = "cuModuleUnload"
	h := uint32(s[0])
	m, ok := b.modules.Get(h)
	if !ok {
		return b.fail(fn, cuInvalidHandle, "%#x is not a live module", h)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	if rc := int32(C.wr_cuModuleUnload(m.host)); rc != cuSuccess {
		return rc
	}
	b.dropModule(h)
	return cuSuccess
}

func cuLaunchKernel(b *Bridge, s []uint64) int32 {
	const fn = "cuLaunchKernel"
	fh := uint32(s[0])
	var dims [7]C.wr_uint
	for i := range dims {
		dims[i] = C.wr_uint(uint32(s[1+i]))
	}
	sh, paramsOff, extraOff := uint32(s[8]), uint32(s[9]), uint32(s[10])
	f, ok := b.functions.Get(fh)
	if !ok {
		return b.fail(fn, cuInvalidHandle, "%#x is not a live function", fh)
	}
	stream, rc := b.stream(fn, sh)
	if rc != cuSuccess {
		return rc
	}
	var params, extra *C.wr_h
	if paramsOff != 0 {
		if f.sizes == nil {
			return b.fail(fn, cuInvalidValue, "the sizes of %s's parameters are unknown: the driver has no cuFuncGetParamInfo and the PTX .entry gave none", f.name)
		}
		n := uint32(len(f.sizes))
		if n > 0 {
			if !b.InBounds(paramsOff, uint64(n)*4) {
				return b.fail(fn, cuInvalidValue, "kernelParams %#x with %d pointers is outside guest memory", paramsOff, n)
			}
			ptrs := b.params[:0]
			for i := range n {
				p := b.ReadU32(paramsOff + 4*i)
				if p == 0 || !b.InBounds(p, f.sizes[i]) {
					return b.fail(fn, cuInvalidValue, "parameter %d of %s (%d bytes) at %#x is outside guest memory", i, f.name, f.sizes[i], p)
				}
				ptrs = append(ptrs, C.wr_h(b.Base+uintptr(p)))
			}
			b.params = ptrs
			params = &ptrs[0]
		}
	} else if len(f.sizes) > 0 && extraOff == 0 {
		return b.fail(fn, cuInvalidValue, "%s takes %d parameters and both kernelParams and extra are NULL", f.name, len(f.sizes))
	}
	if extraOff != 0 {
		if extra, rc = b.launchExtra(fn, extraOff); rc != cuSuccess {
			return rc
		}
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	return int32(C.wr_cuLaunchKernel(f.host, dims[0], dims[1], dims[2], dims[3], dims[4], dims[5], dims[6],
		stream, params, extra))
}

// launchExtra translates cuLaunchKernel's extra array:
// CU_LAUNCH_PARAM_BUFFER_POINTER, buffer, CU_LAUNCH_PARAM_BUFFER_SIZE,
// &size, CU_LAUNCH_PARAM_END, with the buffer checked over its size.
func (b *Bridge) launchExtra(fn string, off uint32) (*C.wr_h, int32) {
	var buf, sizeAt uint32
	haveBuf, haveSize := false, false
	for i := uint32(0); ; i += 2 {
		if i >= maxLaunchExtra || !b.InBounds(off+4*i, 4) {
			return nil, b.fail(fn, cuInvalidValue, "extra %#x has no CU_LAUNCH_PARAM_END inside guest memory", off)
		}
		key := b.ReadU32(off + 4*i)
		if key == launchParamEnd {
			break
		}
		if !b.InBounds(off+4*i, 8) {
			return nil, b.fail(fn, cuInvalidValue, "extra %#x runs past guest memory", off)
		}
		v := b.ReadU32(off + 4*i + 4)
		switch key {
		case launchParamBuffer:
			buf, haveBuf = v, true
		case launchParamSize:
			sizeAt, haveSize = v, true
		default:
			return nil, b.fail(fn, cuInvalidValue, "extra entry %d is %#x, not a CU_LAUNCH_PARAM_* key", i/2, key)
		}
	}
	if !haveBuf || !haveSize {
		return nil, b.fail(fn, cuInvalidValue, "extra needs both CU_LAUNCH_PARAM_BUFFER_POINTER and CU_LAUNCH_PARAM_BUFFER_SIZE")
	}
	if sizeAt == 0 || !b.InBounds(sizeAt, 4) {
		return nil, b.fail(fn, cuInvalidValue, "the parameter buffer size %#x is outside guest memory", sizeAt)
	}
	size := b.ReadU32(sizeAt)
	if buf == 0 || !b.InBounds(buf, uint64(size)) {
		return nil, b.fail(fn, cuInvalidValue, "the parameter buffer %#x with %d bytes is outside guest memory", buf, size)
	}
	*b.scratchSize() = C.size_t(size)
	ex := make([]C.wr_h, 5)
	ex[0], ex[1] = launchParamBuffer, C.wr_h(b.Base+uintptr(buf))
	ex[2], ex[3] = launchParamSize, C.wr_h(uintptr(unsafe.Pointer(b.scratchSize())))
	ex[4] = launchParamEnd
	return &ex[0], cuSuccess
}

// scratchSize is C memory for the size of extra's parameter buffer.
func (b *Bridge) scratchSize() *C.size_t {
	if b.scratch == nil {
		b.scratch = (*C.size_t)(C.malloc(C.size_t(unsafe.Sizeof(C.size_t(0)))))
	}
	return b.scratch
}

// ptxAgrees reports whether the PTX's parameter sizes are the driver's.
func ptxAgrees(ptx []param, sizes []uint64) bool {
	if len(ptx) != len(sizes) {
		return false
	}
	for i, p := range ptx {
		if p.size != sizes[i] {
			return false
		}
	}
	return true
}
