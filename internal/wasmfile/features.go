package wasmfile

import (
	"fmt"
	"sort"
)

// Feature is a WebAssembly feature (a proposal merged into the standard, or
// not yet) that a module's code or types use.
type Feature string

// The features wasmfile detects.
const (
	MutableGlobals     Feature = "mutable-globals"
	SignExtension      Feature = "sign-extension"
	NonTrappingFloat   Feature = "nontrapping-float-to-int"
	MultiValue         Feature = "multi-value"
	BulkMemory         Feature = "bulk-memory"
	ReferenceTypes     Feature = "reference-types"
	SIMD               Feature = "simd"
	RelaxedSIMD        Feature = "relaxed-simd"
	Threads            Feature = "threads"
	TailCall           Feature = "tail-call"
	ExceptionHandling  Feature = "exception-handling"
	Memory64           Feature = "memory64"
	MultiMemory        Feature = "multi-memory"
	FunctionReferences Feature = "function-references"
	GC                 Feature = "gc"
)

// Features is a set of features.
type Features map[Feature]bool

func (f *Features) add(x Feature) {
	if *f == nil {
		*f = Features{}
	}
	(*f)[x] = true
}

// List is the set, sorted.
func (f Features) List() []Feature {
	out := make([]Feature, 0, len(f))
	for x := range f {
		out = append(out, x)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// instructions walks instructions, noting the features they use, up to the
// end of r or, for a constant expression, its end opcode. It returns false
// when it meets instructions it does not decode (the GC proposal's): the
// rest of r is then skipped.
func (m *Module) instructions(r *reader, constExpr bool) bool {
	for !r.done() {
		op := r.byte()
		switch {
		case op == 0x0b: // end
			if constExpr {
				return true
			}
		case op == 0x02 || op == 0x03 || op == 0x04: // block, loop, if
			m.blockType(r)
		case op == 0x06: // try (legacy exception handling)
			m.Features.add(ExceptionHandling)
			m.blockType(r)
		case op == 0x07 || op == 0x08 || op == 0x09 || op == 0x18: // catch, throw, rethrow, delegate
			m.Features.add(ExceptionHandling)
			r.u32()
		case op == 0x0a || op == 0x19: // throw_ref, catch_all
			m.Features.add(ExceptionHandling)
		case op == 0x1f: // try_table
			m.Features.add(ExceptionHandling)
			m.blockType(r)
			for i, n := 0, r.count(); i < n && r.err == nil; i++ {
				if kind := r.byte(); kind < 2 {
					r.u32() // tag
				}
				r.u32() // label
			}
		case op == 0x0c || op == 0x0d || op == 0x10: // br, br_if, call
			r.u32()
		case op == 0x0e: // br_table
			for i, n := 0, r.count(); i <= n && r.err == nil; i++ {
				r.u32()
			}
		case op == 0x11: // call_indirect type table
			r.u32()
			if r.u32() != 0 {
				m.Features.add(ReferenceTypes)
			}
		case op == 0x12: // return_call
			m.Features.add(TailCall)
			r.u32()
		case op == 0x13: // return_call_indirect
			m.Features.add(TailCall)
			r.u32()
			r.u32()
		case op == 0x14 || op == 0x15: // call_ref, return_call_ref
			m.Features.add(FunctionReferences)
			if op == 0x15 {
				m.Features.add(TailCall)
			}
			r.u32()
		case op == 0x1c: // select t*
			m.Features.add(ReferenceTypes)
			for i, n := 0, r.count(); i < n && r.err == nil; i++ {
				m.noteValType(r.valType())
			}
		case op >= 0x20 && op <= 0x24: // local.*, global.*
			r.u32()
		case op == 0x25 || op == 0x26: // table.get, table.set
			m.Features.add(ReferenceTypes)
			r.u32()
		case op >= 0x28 && op <= 0x3e: // loads and stores
			m.memArg(r)
		case op == 0x3f || op == 0x40: // memory.size, memory.grow
			if r.u32() != 0 {
				m.Features.add(MultiMemory)
			}
		case op == 0x41:
			r.sleb(32)
		case op == 0x42:
			r.sleb(64)
		case op == 0x43:
			r.bytes(4)
		case op == 0x44:
			r.bytes(8)
		case op >= 0xc0 && op <= 0xc4:
			m.Features.add(SignExtension)
		case op == 0xd0: // ref.null ht
			m.Features.add(ReferenceTypes)
			r.sleb(33)
		case op == 0xd1: // ref.is_null
			m.Features.add(ReferenceTypes)
		case op == 0xd2: // ref.func
			m.Features.add(ReferenceTypes)
			r.u32()
		case op == 0xd3 || op == 0xd5: // ref.as_non_null, ref.eq
			m.Features.add(FunctionReferences)
		case op == 0xd4 || op == 0xd6: // br_on_null, br_on_non_null
			m.Features.add(FunctionReferences)
			r.u32()
		case op == 0xfc:
			m.miscOp(r)
		case op == 0xfd:
			m.simdOp(r)
		case op == 0xfe:
			m.atomicOp(r)
		case op == 0xfb:
			m.Features.add(GC)
			r.off = len(r.b)
			return false
		case op <= 0x01 || op == 0x05 || op == 0x0f || op == 0x1a || op == 0x1b || (op >= 0x45 && op <= 0xbf):
			// no immediates
		default:
			r.fail(fmt.Errorf("unknown opcode 0x%02x", op))
		}
	}
	if constExpr && r.err == nil {
		r.fail(errEOF)
	}
	return true
}

func (m *Module) blockType(r *reader) {
	c := r.sleb(33)
	switch {
	case c >= 0:
		m.Features.add(MultiValue) // a type index
	case byte(c&0x7f) == 0x40:
	default:
		t := byte(c & 0x7f)
		if t == 0x63 || t == 0x64 {
			r.sleb(33)
		}
		m.noteValType(t)
	}
}

func (m *Module) memArg(r *reader) {
	align := r.u32()
	if align&0x40 != 0 { // a memory index follows
		if r.u32() != 0 {
			m.Features.add(MultiMemory)
		}
	}
	r.uleb(64)
}

// miscOp decodes the 0xfc prefix.
func (m *Module) miscOp(r *reader) {
	sub := r.u32()
	switch {
	case sub <= 7:
		m.Features.add(NonTrappingFloat)
	case sub == 8: // memory.init data mem
		m.Features.add(BulkMemory)
		r.u32()
		r.u32()
	case sub == 9: // data.drop
		m.Features.add(BulkMemory)
		r.u32()
	case sub == 10: // memory.copy mem mem
		m.Features.add(BulkMemory)
		r.u32()
		r.u32()
	case sub == 11: // memory.fill mem
		m.Features.add(BulkMemory)
		r.u32()
	case sub == 12 || sub == 14: // table.init elem table, table.copy table table
		m.Features.add(BulkMemory)
		r.u32()
		r.u32()
	case sub == 13: // elem.drop
		m.Features.add(BulkMemory)
		r.u32()
	case sub >= 15 && sub <= 17: // table.grow, table.size, table.fill
		m.Features.add(ReferenceTypes)
		r.u32()
	default:
		r.fail(fmt.Errorf("unknown opcode 0xfc %d", sub))
	}
}

// simdOp decodes the 0xfd prefix.
func (m *Module) simdOp(r *reader) {
	m.Features.add(SIMD)
	sub := r.u32()
	switch {
	case sub <= 11 || sub == 92 || sub == 93: // loads, store, load32_zero, load64_zero
		m.memArg(r)
	case sub == 12 || sub == 13: // v128.const, i8x16.shuffle
		r.bytes(16)
	case sub >= 21 && sub <= 34: // extract_lane, replace_lane
		r.byte()
	case sub >= 84 && sub <= 91: // load/store lane
		m.memArg(r)
		r.byte()
	case sub >= 0x100 && sub <= 0x113:
		m.Features.add(RelaxedSIMD)
	case sub <= 0xff:
		// no immediates
	default:
		r.fail(fmt.Errorf("unknown opcode 0xfd %d", sub))
	}
}

// atomicOp decodes the 0xfe prefix.
func (m *Module) atomicOp(r *reader) {
	m.Features.add(Threads)
	sub := r.u32()
	switch {
	case sub == 3: // atomic.fence
		r.byte()
	case sub <= 2 || (sub >= 0x10 && sub <= 0x4e):
		m.memArg(r)
	default:
		r.fail(fmt.Errorf("unknown opcode 0xfe %d", sub))
	}
}
