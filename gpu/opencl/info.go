package opencl

// #include "driver.h"
import "C"

import (
	"encoding/binary"
	"math"
	"unsafe"

	"github.com/wasmrun/wasmrun/internal/handle"
)

// infoKind says how a clGet*Info value differs between the driver (LP64)
// and the guest (wasm32).
type infoKind int

const (
	raw      infoKind = iota // the same bytes: numbers, strings, bitfields
	sizes                    // size_t or intptr_t array: 8 bytes on the host, 4 in the guest
	handles                  // array of object handles (kind in infoParam.kind)
	hostPtr                  // a pointer that is a guest address
	ctxProps                 // cl_context_properties list, holding a platform
	refused                  // cannot be given to a wasm32 guest
)

type infoParam struct {
	kind infoKind
	obj  handle.Kind
}

var (
	sizeT       = infoParam{kind: sizes}
	platformArg = infoParam{handles, handle.CLPlatform}
	deviceArg   = infoParam{handles, handle.CLDevice}
	contextArg  = infoParam{handles, handle.CLContext}
	queueArg    = infoParam{handles, handle.CLQueue}
	memArg      = infoParam{handles, handle.CLMem}
	programArg  = infoParam{handles, handle.CLProgram}
)

// The params whose values need translating, per info call; every other
// param's value is passed through as the driver writes it.
var (
	deviceInfo = map[uint32]infoParam{
		0x1004: sizeT, 0x1005: sizeT, 0x1011: sizeT, 0x1012: sizeT, 0x1013: sizeT, 0x1014: sizeT,
		0x1015: sizeT, 0x1017: sizeT, 0x1025: sizeT, 0x1040: sizeT, 0x1041: sizeT, 0x1049: sizeT,
		0x104D: sizeT, 0x1054: sizeT, 0x1067: sizeT,
		0x1044: sizeT, 0x1046: sizeT, // partition properties: intptr_t lists
		0x1031: platformArg, 0x1042: deviceArg,
	}
	contextInfo = map[uint32]infoParam{0x1081: deviceArg, 0x1082: {kind: ctxProps}}
	memInfo     = map[uint32]infoParam{0x1102: sizeT, 0x1103: {kind: hostPtr}, 0x1106: contextArg, 0x1107: memArg, 0x1108: sizeT}
	programInfo = map[uint32]infoParam{0x1161: contextArg, 0x1163: deviceArg, 0x1165: sizeT, 0x1166: {kind: refused}, 0x1167: sizeT}
	buildInfo   = map[uint32]infoParam{0x1185: sizeT}
	kernelInfo  = map[uint32]infoParam{0x1193: contextArg, 0x1194: programArg}
	groupInfo   = map[uint32]infoParam{0x11B0: sizeT, 0x11B1: sizeT, 0x11B3: sizeT, 0x11B5: sizeT}
	eventInfo   = map[uint32]infoParam{0x11D0: queueArg, 0x11D4: contextArg}
)

// query is one clGet*Info call with its object arguments bound.
type query func(size C.size_t, value C.wr_h, ret *C.size_t) C.wr_int

// info answers a clGet*Info call: size, value and ret are the guest's
// param_value_size, param_value and param_value_size_ret.
func (b *Bridge) info(fn string, params map[uint32]infoParam, name, size, value, ret uint32, q query) int32 {
	if value != 0 && !b.InBounds(value, uint64(size)) {
		return b.fail(fn, clInvalidValue, "param_value of %d bytes at %#x is outside guest memory", size, value)
	}
	if !b.Out(ret, 4) {
		return b.fail(fn, clInvalidValue, "param_value_size_ret pointer %#x is outside guest memory", ret)
	}
	p := params[name]
	if p.kind == raw {
		// Zero-copy: the driver writes into guest memory directly.
		ptr, _ := b.addr(value, uint64(size))
		b.outSize = 0
		rc := q(C.size_t(size), ptr, &b.outSize)
		if rc == clSuccess {
			b.PutU32(ret, clampU32(uint64(b.outSize)))
		}
		return int32(rc)
	}
	if p.kind == refused {
		return b.fail(fn, clInvalidValue, "param %#x holds host pointers, which a wasm32 guest cannot use", name)
	}
	b.outSize = 0
	if rc := q(0, 0, &b.outSize); rc != clSuccess {
		return int32(rc)
	}
	n := uint64(b.outSize)
	if n > 1<<20 {
		return b.fail(fn, clOutOfHostMemory, "param %#x has %d bytes", name, n)
	}
	host := make([]byte, n+8)
	if rc := q(C.size_t(n), C.wr_h(uintptr(unsafe.Pointer(&host[0]))), nil); rc != clSuccess {
		return int32(rc)
	}
	out := b.translate(p, host[:n])
	if value != 0 {
		if uint64(size) < uint64(len(out)) {
			return b.fail(fn, clInvalidValue, "param_value_size %d is less than the %d bytes of param %#x", size, len(out), name)
		}
		copy(b.Full[value:], out)
	}
	b.PutU32(ret, uint32(len(out)))
	return clSuccess
}

// translate turns a driver's info value into the guest's.
func (b *Bridge) translate(p infoParam, host []byte) []byte {
	words := len(host) / 8
	out := make([]byte, 0, words*4)
	for i := range words {
		v := binary.LittleEndian.Uint64(host[8*i:])
		var g uint32
		switch p.kind {
		case sizes:
			if int64(v) < 0 && int64(v) >= math.MinInt32 { // intptr_t lists
				g = uint32(int32(int64(v)))
			} else {
				g = clampU32(v)
			}
		case handles:
			g = b.guestHandle(p.obj, C.wr_h(v))
		case hostPtr:
			g = b.GuestAddr(uintptr(v))
		case ctxProps:
			g = clampU32(v)
			if i%2 == 1 && binary.LittleEndian.Uint64(host[8*(i-1):]) == clContextPlatform {
				g = b.enumerated(b.platforms, C.wr_h(v))
			}
		}
		out = binary.LittleEndian.AppendUint32(out, g)
	}
	return out
}

// guestHandle is the guest's handle for a driver object of kind k (0 if
// the guest holds none).
func (b *Bridge) guestHandle(k handle.Kind, host C.wr_h) uint32 {
	switch k {
	case handle.CLPlatform:
		return b.enumerated(b.platforms, host)
	case handle.CLDevice:
		return b.enumerated(b.devices, host)
	}
	return b.guest[host]
}

func clampU32(v uint64) uint32 {
	if v > math.MaxUint32 {
		return math.MaxUint32
	}
	return uint32(v)
}
