package cuda

// #include "driver.h"
import "C"

import "math"

var deviceFunctions = []function{
	// cuInit(Flags)
	{"cuInit", cuInit, "flags"},
	// cuDriverGetVersion(driverVersion)
	{"cuDriverGetVersion", cuDriverGetVersion, "driverVersion"},
	// cuDeviceGetCount(count)
	{"cuDeviceGetCount", func(b *Bridge, s []uint64) int32 {
		return b.outInt("cuDeviceGetCount", uint32(s[0]), func(v *C.wr_int) C.wr_int { return C.wr_cuDeviceGetCount(v) })
	}, "count"},
	// cuDeviceGet(device, ordinal)
	{"cuDeviceGet", func(b *Bridge, s []uint64) int32 {
		ord := C.wr_int(int32(s[1]))
		return b.outInt("cuDeviceGet", uint32(s[0]), func(v *C.wr_int) C.wr_int { return C.wr_cuDeviceGet(v, ord) })
	}, "device ordinal"},
	// cuDeviceGetName(name, len, dev)
	{"cuDeviceGetName", cuDeviceGetName, "name len dev"},
	// cuDeviceGetAttribute(pi, attrib, dev)
	{"cuDeviceGetAttribute", func(b *Bridge, s []uint64) int32 {
		attr, dev := C.wr_int(int32(s[1])), C.wr_int(int32(s[2]))
		return b.outInt("cuDeviceGetAttribute", uint32(s[0]), func(v *C.wr_int) C.wr_int { return C.wr_cuDeviceGetAttribute(v, attr, dev) })
	}, "pi attrib dev"},
	// cuDeviceTotalMem(bytes, dev)
	{"cuDeviceTotalMem", cuDeviceTotalMem, "bytes dev"},
	// cuDevicePrimaryCtxRetain(pctx, dev)
	{"cuDevicePrimaryCtxRetain", cuDevicePrimaryCtxRetain, "pctx dev"},
	// cuDevicePrimaryCtxRelease(dev)
	{"cuDevicePrimaryCtxRelease", cuDevicePrimaryCtxRelease, "dev"},
	// cuCtxCreate(pctx, flags, dev)
	{"cuCtxCreate", cuCtxCreate, "pctx flags dev"},
	// cuCtxDestroy(ctx)
	{"cuCtxDestroy", cuCtxDestroy, "ctx"},
	// cuCtxSetCurrent(ctx)
	{"cuCtxSetCurrent", cuCtxSetCurrent, "ctx"},
	// cuCtxGetCurrent(pctx)
	{"cuCtxGetCurrent", cuCtxGetCurrent, "pctx"},
	// cuCtxGetDevice(device)
	{"cuCtxGetDevice", func(b *Bridge, s []uint64) int32 {
		return b.outInt("cuCtxGetDevice", uint32(s[0]), func(v *C.wr_int) C.wr_int { return C.wr_cuCtxGetDevice(v) })
	}, "device"},
	// cuCtxSynchronize()
	{"cuCtxSynchronize", func(b *Bridge, _ []uint64) int32 {
		if rc, ok := b.ready("cuCtxSynchronize"); !ok {
			return rc
		}
		return int32(C.wr_cuCtxSynchronize())
	}, ""},
}

// outInt calls a driver function that writes one int to a guest
// out-parameter.
func (b *Bridge) outInt(fn string, off uint32, call func(*C.wr_int) C.wr_int) int32 {
	if off == 0 || !b.InBounds(off, 4) {
		return b.fail(fn, cuInvalidValue, "out-parameter %#x is outside guest memory", off)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	var v C.wr_int
	rc := int32(call(&v))
	if rc == cuSuccess {
		b.PutU32(off, uint32(v))
	}
	return rc
}

func cuInit(b *Bridge, s []uint64) int32 {
	if !b.load() {
		return b.fail("cuInit", cuNoDevice, "no CUDA driver on this node (above)")
	}
	rc := int32(C.wr_cuInit(C.wr_uint(uint32(s[0]))))
	if rc != cuSuccess {
		b.logf("cuInit: the driver %s returns %s (%d)", b.library, errName(rc), rc)
	}
	return rc
}

// cuDriverGetVersion writes 0 where no driver is installed, as the CUDA
// runtime's cudaDriverGetVersion does, and succeeds.
func cuDriverGetVersion(b *Bridge, s []uint64) int32 {
	off := uint32(s[0])
	if off == 0 || !b.InBounds(off, 4) {
		return b.fail("cuDriverGetVersion", cuInvalidValue, "out-parameter %#x is outside guest memory", off)
	}
	if !b.load() {
		b.PutU32(off, 0)
		return cuSuccess
	}
	var v C.wr_int
	rc := int32(C.wr_cuDriverGetVersion(&v))
	if rc == cuSuccess {
		b.PutU32(off, uint32(v))
	}
	return rc
}

func cuDeviceGetName(b *Bridge, s []uint64) int32 {
	const fn = "cuDeviceGetName"
	name, n, dev := uint32(s[0]), int32(s[1]), C.wr_int(int32(s[2]))
	if name == 0 || n <= 0 || !b.InBounds(name, uint64(n)) {
		return b.fail(fn, cuInvalidValue, "name %#x with %d bytes is outside guest memory", name, n)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	return int32(C.wr_cuDeviceGetName(C.wr_h(b.Base+uintptr(name)), C.wr_int(n), dev))
}

// cuDeviceTotalMem writes a guest size_t (32 bits): a device with 4 GiB or
// more reports SIZE_MAX, and -v says so.
func cuDeviceTotalMem(b *Bridge, s []uint64) int32 {
	const fn = "cuDeviceTotalMem"
	off, dev := uint32(s[0]), C.wr_int(int32(s[1]))
	if off == 0 || !b.InBounds(off, 4) {
		return b.fail(fn, cuInvalidValue, "out-parameter %#x is outside guest memory", off)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	var v C.size_t
	rc := int32(C.wr_cuDeviceTotalMem(&v, dev))
	if rc == cuSuccess {
		if uint64(v) > math.MaxUint32 {
			b.logf("%s: device %d has %d bytes, more than a wasm32 size_t holds: the guest gets SIZE_MAX", fn, dev, uint64(v))
			v = math.MaxUint32
		}
		b.PutU32(off, uint32(v))
	}
	return rc
}

func cuDevicePrimaryCtxRetain(b *Bridge, s []uint64) int32 {
	const fn = "cuDevicePrimaryCtxRetain"
	off, dev := uint32(s[0]), int32(s[1])
	if off == 0 || !b.InBounds(off, 4) {
		return b.fail(fn, cuInvalidValue, "pctx %#x is outside guest memory", off)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	var host C.wr_h
	rc := int32(C.wr_cuDevicePrimaryCtxRetain(&host, C.wr_int(dev)))
	if rc != cuSuccess {
		return rc
	}
	if g, ok := b.guest[host]; ok {
		if c, ok := b.contexts.Get(g); ok {
			c.refs++
			b.PutU32(off, g)
			return cuSuccess
		}
	}
	g := b.contexts.Add(cuContext{host: host, primary: true, dev: dev, refs: 1})
	if g == 0 {
		C.wr_cuDevicePrimaryCtxRelease(C.wr_int(dev))
		return b.fail(fn, cuOutOfMemory, "too many contexts")
	}
	b.guest[host] = g
	b.PutU32(off, g)
	return cuSuccess
}

func cuDevicePrimaryCtxRelease(b *Bridge, s []uint64) int32 {
	const fn = "cuDevicePrimaryCtxRelease"
	dev := int32(s[0])
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	rc := int32(C.wr_cuDevicePrimaryCtxRelease(C.wr_int(dev)))
	if rc != cuSuccess {
		return rc
	}
	b.contexts.Each(func(h uint32, c *cuContext) {
		if c.primary && c.dev == dev {
			if c.refs--; c.refs <= 0 {
				host := c.host
				b.contexts.Remove(h)
				delete(b.guest, host)
				b.dropContext(host)
			}
		}
	})
	return cuSuccess
}

func cuCtxCreate(b *Bridge, s []uint64) int32 {
	const fn = "cuCtxCreate"
	off, flags, dev := uint32(s[0]), C.wr_uint(uint32(s[1])), int32(s[2])
	if off == 0 || !b.InBounds(off, 4) {
		return b.fail(fn, cuInvalidValue, "pctx %#x is outside guest memory", off)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	var host C.wr_h
	rc := int32(C.wr_cuCtxCreate(&host, flags, C.wr_int(dev)))
	if rc != cuSuccess {
		return rc
	}
	g := b.contexts.Add(cuContext{host: host, dev: dev})
	if g == 0 {
		C.wr_cuCtxDestroy(host)
		return b.fail(fn, cuOutOfMemory, "too many contexts")
	}
	b.guest[host] = g
	b.PutU32(off, g)
	return cuSuccess
}

func cuCtxDestroy(b *Bridge, s []uint64) int32 {
	const fn = "cuCtxDestroy"
	h := uint32(s[0])
	c, rc := b.context(fn, h)
	if rc != cuSuccess {
		return rc
	}
	if c.primary {
		return b.fail(fn, cuInvalidContext, "%#x is a primary context: release it with cuDevicePrimaryCtxRelease", h)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	host := c.host
	if rc := int32(C.wr_cuCtxDestroy(host)); rc != cuSuccess {
		return rc
	}
	b.contexts.Remove(h)
	delete(b.guest, host)
	b.dropContext(host)
	return cuSuccess
}

func cuCtxSetCurrent(b *Bridge, s []uint64) int32 {
	const fn = "cuCtxSetCurrent"
	h := uint32(s[0])
	var host C.wr_h
	if h != 0 {
		c, rc := b.context(fn, h)
		if rc != cuSuccess {
			return rc
		}
		host = c.host
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	return int32(C.wr_cuCtxSetCurrent(host))
}

func cuCtxGetCurrent(b *Bridge, s []uint64) int32 {
	const fn = "cuCtxGetCurrent"
	off := uint32(s[0])
	if off == 0 || !b.InBounds(off, 4) {
		return b.fail(fn, cuInvalidValue, "pctx %#x is outside guest memory", off)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	var host C.wr_h
	rc := int32(C.wr_cuCtxGetCurrent(&host))
	if rc == cuSuccess {
		b.PutU32(off, b.guest[host])
	}
	return rc
}
