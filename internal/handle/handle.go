// Package handle keeps the objects a guest creates through a host module
// (MPI communicators, groups, requests, datatypes, ops; OpenCL contexts,
// queues, buffers, programs, kernels, events; CUDA contexts, modules,
// functions, streams, events; FFTW plans) in per-kind tables indexed by
// the guest handle, so a stale, forged or wrong-kind handle is caught
// before it reaches the host library.
package handle

// Guest handles of created objects carry their kind in the top byte and
// their slot + 1 below it. Predefined handles of the standard ABI are all
// below 0x1000, so the two never meet.
const (
	kindShift = 24
	slotMask  = 1<<kindShift - 1
)

// Kind tells which table a handle belongs to.
type Kind uint32

// The kinds of created objects.
const (
	Comm Kind = iota + 1
	Group
	Request
	Datatype
	Op
	Errhandler
	Win
	File
	Info
	Keyval
	Message
	// OpenCL objects. Platforms and devices are not created by the guest
	// but enumerated; they get handles all the same.
	CLPlatform
	CLDevice
	CLContext
	CLQueue
	CLMem
	CLProgram
	CLKernel
	CLEvent
	// CUDA objects (devices are the driver's ordinals, not handles).
	CUContext
	CUModule
	CUFunction
	CUStream
	CUEvent
	// FFTW plans (numlib).
	FFTWPlan
)

// Table holds the live objects of one kind.
type Table[T any] struct {
	kind  Kind
	slots []entry[T]
	free  []uint32
	live  int
	limit int // most live objects; 0: only the handle space bounds it
}

type entry[T any] struct {
	v    T
	live bool
}

// New returns an empty table for objects of kind k.
func New[T any](k Kind) *Table[T] {
	return &Table[T]{kind: k}
}

// SetLimit bounds the number of live objects (0: no bound but the handle
// space); objects already live stay.
func (t *Table[T]) SetLimit(n int) { t.limit = n }

// Limit is the bound set with SetLimit.
func (t *Table[T]) Limit() int { return t.limit }

// Add stores v and returns its guest handle, or 0 when the table is full.
func (t *Table[T]) Add(v T) uint32 {
	if t.limit > 0 && t.live >= t.limit {
		return 0
	}
	var i uint32
	if n := len(t.free); n > 0 {
		i = t.free[n-1]
		t.free = t.free[:n-1]
		t.slots[i] = entry[T]{v: v, live: true}
	} else {
		if len(t.slots) >= slotMask {
			return 0
		}
		i = uint32(len(t.slots))
		t.slots = append(t.slots, entry[T]{v: v, live: true})
	}
	t.live++
	return uint32(t.kind)<<kindShift | (i + 1)
}

// Get returns the object behind h. The pointer is valid until the next Add.
func (t *Table[T]) Get(h uint32) (*T, bool) {
	i, ok := t.slot(h)
	if !ok {
		return nil, false
	}
	return &t.slots[i].v, true
}

// Remove frees h's slot for reuse; it reports whether h was live.
func (t *Table[T]) Remove(h uint32) bool {
	i, ok := t.slot(h)
	if !ok {
		return false
	}
	var zero T
	t.slots[i] = entry[T]{v: zero}
	t.free = append(t.free, i)
	t.live--
	return true
}

// Len is the number of live objects.
func (t *Table[T]) Len() int { return t.live }

// Handles returns the guest handles of the live objects, oldest slot first.
func (t *Table[T]) Handles() []uint32 {
	var hs []uint32
	for i, e := range t.slots {
		if e.live {
			hs = append(hs, uint32(t.kind)<<kindShift|uint32(i+1))
		}
	}
	return hs
}

// Owns reports whether h has this table's kind (live or not).
func (t *Table[T]) Owns(h uint32) bool {
	return Kind(h>>kindShift) == t.kind && h&slotMask != 0
}

func (t *Table[T]) slot(h uint32) (uint32, bool) {
	if !t.Owns(h) {
		return 0, false
	}
	i := h&slotMask - 1
	if int(i) >= len(t.slots) || !t.slots[i].live {
		return 0, false
	}
	return i, true
}

// Each calls f for every live object, in slot order.
func (t *Table[T]) Each(f func(h uint32, v *T)) {
	for i := range t.slots {
		if t.slots[i].live {
			f(uint32(t.kind)<<kindShift|uint32(i+1), &t.slots[i].v)
		}
	}
}
