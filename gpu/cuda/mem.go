package cuda

// #include "driver.h"
import "C"

var memFunctions = []function{
	// cuMemAlloc(dptr, bytesize)
	{"cuMemAlloc", cuMemAlloc, "dptr bytesize"},
	// cuMemFree(dptr)
	{"cuMemFree", cuMemFree, "dptr:i64"},
	// cuMemcpyHtoD(dstDevice, srcHost, ByteCount)
	{"cuMemcpyHtoD", func(b *Bridge, s []uint64) int32 {
		return b.htod("cuMemcpyHtoD", s[0], uint32(s[1]), uint32(s[2]), 0, false)
	}, "dstDevice:i64 srcHost ByteCount"},
	// cuMemcpyDtoH(dstHost, srcDevice, ByteCount)
	{"cuMemcpyDtoH", func(b *Bridge, s []uint64) int32 {
		return b.dtoh("cuMemcpyDtoH", uint32(s[0]), s[1], uint32(s[2]), 0, false)
	}, "dstHost srcDevice:i64 ByteCount"},
	// cuMemcpyDtoD(dstDevice, srcDevice, ByteCount)
	{"cuMemcpyDtoD", cuMemcpyDtoD, "dstDevice:i64 srcDevice:i64 ByteCount"},
	// cuMemcpyHtoDAsync(dstDevice, srcHost, ByteCount, hStream)
	{"cuMemcpyHtoDAsync", func(b *Bridge, s []uint64) int32 {
		return b.htod("cuMemcpyHtoDAsync", s[0], uint32(s[1]), uint32(s[2]), uint32(s[3]), true)
	}, "dstDevice:i64 srcHost ByteCount hStream"},
	// cuMemcpyDtoHAsync(dstHost, srcDevice, ByteCount, hStream)
	{"cuMemcpyDtoHAsync", func(b *Bridge, s []uint64) int32 {
		return b.dtoh("cuMemcpyDtoHAsync", uint32(s[0]), s[1], uint32(s[2]), uint32(s[3]), true)
	}, "dstHost srcDevice:i64 ByteCount hStream"},
	// cuMemsetD8(dstDevice, uc, N)
	{"cuMemsetD8", func(b *Bridge, s []uint64) int32 {
		const fn = "cuMemsetD8"
		p, v, n := s[0], C.uchar(uint8(s[1])), uint32(s[2])
		if rc := b.device(fn, "dstDevice", p, uint64(n)); rc != cuSuccess {
			return rc
		}
		if rc, ok := b.ready(fn); !ok {
			return rc
		}
		return int32(C.wr_cuMemsetD8(C.wr_ptr(p), v, C.size_t(n)))
	}, "dstDevice:i64 uc N"},
	// cuMemsetD32(dstDevice, ui, N)
	{"cuMemsetD32", func(b *Bridge, s []uint64) int32 {
		const fn = "cuMemsetD32"
		p, v, n := s[0], C.wr_uint(uint32(s[1])), uint32(s[2])
		if rc := b.device(fn, "dstDevice", p, 4*uint64(n)); rc != cuSuccess {
			return rc
		}
		if rc, ok := b.ready(fn); !ok {
			return rc
		}
		return int32(C.wr_cuMemsetD32(C.wr_ptr(p), v, C.size_t(n)))
	}, "dstDevice:i64 ui N"},
}

func cuMemAlloc(b *Bridge, s []uint64) int32 {
	const fn = "cuMemAlloc"
	off, size := uint32(s[0]), uint32(s[1])
	if off == 0 || !b.InBounds(off, 8) {
		return b.fail(fn, cuInvalidValue, "dptr %#x is outside guest memory", off)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	var p C.wr_ptr
	rc := int32(C.wr_cuMemAlloc(&p, C.size_t(size)))
	if rc != cuSuccess {
		return rc
	}
	b.addAlloc(alloc{base: uint64(p), size: uint64(size), ctx: current()})
	b.PutU64(off, uint64(p))
	return cuSuccess
}

func cuMemFree(b *Bridge, s []uint64) int32 {
	const fn = "cuMemFree"
	p := s[0]
	i := -1
	for j, a := range b.allocs {
		if a.base == p {
			i = j
			break
		}
	}
	if i < 0 {
		return b.fail(fn, cuInvalidValue, "%#x is not the start of a live cuMemAlloc allocation", p)
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	if rc := int32(C.wr_cuMemFree(C.wr_ptr(p))); rc != cuSuccess {
		return rc
	}
	b.allocs = append(b.allocs[:i], b.allocs[i+1:]...)
	return cuSuccess
}

// htod copies n guest bytes at src to device memory at dst. With pageable
// memory the driver has staged the bytes when the call returns, so the
// guest may reuse them at once, as natively.
func (b *Bridge) htod(fn string, dst uint64, src, n, sh uint32, async bool) int32 {
	if rc := b.device(fn, "dstDevice", dst, uint64(n)); rc != cuSuccess {
		return rc
	}
	host, ok := b.addr(src, uint64(n))
	if !ok {
		return b.fail(fn, cuInvalidValue, "srcHost %#x with %d bytes is outside guest memory", src, n)
	}
	stream, rc := b.stream(fn, sh)
	if rc != cuSuccess {
		return rc
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	if async {
		return int32(C.wr_cuMemcpyHtoDAsync(C.wr_ptr(dst), host, C.size_t(n), stream))
	}
	return int32(C.wr_cuMemcpyHtoD(C.wr_ptr(dst), host, C.size_t(n)))
}

// dtoh copies n device bytes at src into guest memory at dst. The
// asynchronous form may still be writing when it returns; guest memory
// never moves, so the driver's pointer stays valid.
func (b *Bridge) dtoh(fn string, dst uint32, src uint64, n, sh uint32, async bool) int32 {
	if rc := b.device(fn, "srcDevice", src, uint64(n)); rc != cuSuccess {
		return rc
	}
	host, ok := b.addr(dst, uint64(n))
	if !ok {
		return b.fail(fn, cuInvalidValue, "dstHost %#x with %d bytes is outside guest memory", dst, n)
	}
	stream, rc := b.stream(fn, sh)
	if rc != cuSuccess {
		return rc
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	if async {
		return int32(C.wr_cuMemcpyDtoHAsync(host, C.wr_ptr(src), C.size_t(n), stream))
	}
	return int32(C.wr_cuMemcpyDtoH(host, C.wr_ptr(src), C.size_t(n)))
}

func cuMemcpyDtoD(b *Bridge, s []uint64) int32 {
	const fn = "cuMemcpyDtoD"
	dst, src, n := s[0], s[1], uint32(s[2])
	if rc := b.device(fn, "dstDevice", dst, uint64(n)); rc != cuSuccess {
		return rc
	}
	if rc := b.device(fn, "srcDevice", src, uint64(n)); rc != cuSuccess {
		return rc
	}
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	return int32(C.wr_cuMemcpyDtoD(C.wr_ptr(dst), C.wr_ptr(src), C.size_t(n)))
}
