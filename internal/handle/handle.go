// Package handle keeps the objects a guest creates through a host module
// (MPI communicators, groups, requests, datatypes, ops; OpenCL contexts,
// queues, buffers, programs, kernels, events; FFTW plans) in per-kind tables indexed by
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
	// FFTW plans (numlib).
	FFTWPlan
)

// Table holds the live objects of one kind.
type Table[T any] struct {
	kind  Kind
	slots []entry[T]
	free  []uint32
	live  int
}

type entry[T any] struct {
	v    T
	live bool
}

// New returns an empty table for objects of kind k.
func New[T any](k Kind) *Table[T] {
	return &Table[T]{kind: k}
}

// Add stores v and returns its guest handle, or 0 when the table is full.
func (t *Table[T]) Add(v T) uint32 {
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
