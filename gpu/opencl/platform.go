package opencl

// #include "driver.h"
import "C"

var platformFunctions = []function{
	// clGetPlatformIDs(num_entries, platforms, num_platforms)
	{"clGetPlatformIDs", getPlatformIDs, "num_entries platforms num_platforms"},
	// clGetPlatformInfo(platform, param_name, param_value_size, param_value, param_value_size_ret)
	{"clGetPlatformInfo", getPlatformInfo, "platform param_name param_value_size param_value param_value_size_ret"},
	// clGetDeviceIDs(platform, device_type, num_entries, devices, num_devices)
	{"clGetDeviceIDs", getDeviceIDs, "platform device_type:i64 num_entries devices num_devices"},
	// clGetDeviceInfo(device, param_name, param_value_size, param_value, param_value_size_ret)
	{"clGetDeviceInfo", getDeviceInfo, "device param_name param_value_size param_value param_value_size_ret"},
}

// list runs a clGet*IDs-style enumeration: count returns how many objects
// there are, fill writes them; each becomes a guest handle in t's kind.
func (b *Bridge) list(fn string, entries, out, numOut uint32, count func(*C.wr_uint) C.wr_int, fill func(C.wr_uint, *C.wr_h) C.wr_int, add func(C.wr_h) uint32) int32 {
	if out == 0 && numOut == 0 {
		return b.fail(fn, clInvalidValue, "neither a list nor a count pointer")
	}
	if entries == 0 && out != 0 {
		return b.fail(fn, clInvalidValue, "num_entries is 0 with a list")
	}
	if out != 0 && !b.InBounds(out, uint64(entries)*4) {
		return b.fail(fn, clInvalidValue, "a list of %d handles at %#x is outside guest memory", entries, out)
	}
	if !b.Out(numOut, 4) {
		return b.fail(fn, clInvalidValue, "count pointer %#x is outside guest memory", numOut)
	}
	b.outU = 0
	if rc := count(&b.outU); rc != clSuccess {
		return int32(rc)
	}
	n := uint32(b.outU)
	b.PutU32(numOut, n)
	if out == 0 || n == 0 {
		return clSuccess
	}
	all := make([]C.wr_h, n)
	if rc := fill(C.wr_uint(n), &all[0]); rc != clSuccess {
		return int32(rc)
	}
	for i := uint32(0); i < min(n, entries); i++ {
		b.PutU32(out+4*i, add(all[i]))
	}
	return clSuccess
}

func getPlatformIDs(b *Bridge, stack []uint64) {
	entries, out, numOut := uint32(stack[0]), uint32(stack[1]), uint32(stack[2])
	const fn = "clGetPlatformIDs"
	if !b.ready() {
		if b.Out(numOut, 4) {
			b.PutU32(numOut, 0)
		}
		stack[0] = ret(b.fail(fn, clPlatformNotFoundKHR, "%v", b.loadErr))
		return
	}
	rc := b.list(fn, entries, out, numOut,
		func(n *C.wr_uint) C.wr_int { return C.wr_clGetPlatformIDs(0, nil, n) },
		func(n C.wr_uint, hs *C.wr_h) C.wr_int { return C.wr_clGetPlatformIDs(n, hs, nil) },
		func(h C.wr_h) uint32 { return b.enumerated(b.platforms, h) })
	if rc == clPlatformNotFoundKHR {
		b.fail(fn, rc, "%s has no OpenCL driver (ICD) installed: none under /etc/OpenCL/vendors or $OCL_ICD_VENDORS", b.library)
	}
	stack[0] = ret(rc)
}

func getPlatformInfo(b *Bridge, stack []uint64) {
	h, name, size, value, retOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4])
	const fn = "clGetPlatformInfo"
	if !b.ready() {
		stack[0] = ret(int32(clInvalidPlatform))
		return
	}
	p, ok := b.platforms.Get(h)
	if !ok {
		stack[0] = ret(b.fail(fn, clInvalidPlatform, "%#x is not a platform", h))
		return
	}
	host := *p
	stack[0] = uint64(uint32(b.info(fn, nil, name, size, value, retOff, func(s C.size_t, v C.wr_h, r *C.size_t) C.wr_int {
		return C.wr_clGetPlatformInfo(host, C.wr_uint(name), s, v, r)
	})))
}

func getDeviceIDs(b *Bridge, stack []uint64) {
	h, typ, entries, out, numOut := uint32(stack[0]), stack[1], uint32(stack[2]), uint32(stack[3]), uint32(stack[4])
	const fn = "clGetDeviceIDs"
	if !b.ready() {
		stack[0] = ret(int32(clInvalidPlatform))
		return
	}
	var host C.wr_h
	if h != 0 {
		p, ok := b.platforms.Get(h)
		if !ok {
			stack[0] = ret(b.fail(fn, clInvalidPlatform, "%#x is not a platform", h))
			return
		}
		host = *p
	}
	rc := b.list(fn, entries, out, numOut,
		func(n *C.wr_uint) C.wr_int { return C.wr_clGetDeviceIDs(host, C.wr_ulong(typ), 0, nil, n) },
		func(n C.wr_uint, hs *C.wr_h) C.wr_int { return C.wr_clGetDeviceIDs(host, C.wr_ulong(typ), n, hs, nil) },
		func(d C.wr_h) uint32 { return b.enumerated(b.devices, d) })
	stack[0] = ret(rc)
}

func getDeviceInfo(b *Bridge, stack []uint64) {
	h, name, size, value, retOff := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3]), uint32(stack[4])
	const fn = "clGetDeviceInfo"
	if !b.ready() {
		stack[0] = ret(int32(clInvalidDevice))
		return
	}
	d, ok := b.devices.Get(h)
	if !ok {
		stack[0] = ret(b.fail(fn, clInvalidDevice, "%#x is not a device", h))
		return
	}
	host := *d
	stack[0] = uint64(uint32(b.info(fn, deviceInfo, name, size, value, retOff, func(s C.size_t, v C.wr_h, r *C.size_t) C.wr_int {
		return C.wr_clGetDeviceInfo(host, C.wr_uint(name), s, v, r)
	})))
}
