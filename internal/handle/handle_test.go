package handle

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTableLifecycle(t *testing.T) {
	comms := New[string](Comm)
	a := comms.Add("a")
	b := comms.Add("b")
	require.NotEqual(t, a, b)
	require.GreaterOrEqual(t, a, uint32(0x1000), "created handles never collide with predefined ones")

	v, ok := comms.Get(a)
	require.True(t, ok)
	require.Equal(t, "a", *v)
	require.Equal(t, 2, comms.Len())

	require.True(t, comms.Remove(a))
	_, ok = comms.Get(a)
	require.False(t, ok, "a freed handle is dead")
	require.False(t, comms.Remove(a), "double free is caught")
	require.Equal(t, 1, comms.Len())

	c := comms.Add("c")
	require.Equal(t, a, c, "slots are reused")
	v, _ = comms.Get(c)
	require.Equal(t, "c", *v)
}

func TestTableRejectsForeignHandles(t *testing.T) {
	comms := New[int](Comm)
	groups := New[int](Group)
	g := groups.Add(1)
	comms.Add(2)
	for _, h := range []uint32{0, 0x101, 0x200, g, 0xffffffff, uint32(Comm) << kindShift, uint32(Comm)<<kindShift | 99} {
		_, ok := comms.Get(h)
		require.False(t, ok, "handle %#x", h)
	}
}

func TestGetDoesNotAllocate(t *testing.T) {
	reqs := New[uintptr](Request)
	h := reqs.Add(7)
	allocs := testing.AllocsPerRun(1000, func() {
		if _, ok := reqs.Get(h); !ok {
			t.Fatal("lost")
		}
	})
	require.Zero(t, allocs)
	allocs = testing.AllocsPerRun(1000, func() {
		reqs.Remove(reqs.Add(1))
	})
	require.Zero(t, allocs, "steady-state add/remove reuses slots")
}

func TestTableEach(t *testing.T) {
	tab := New[int](CLMem)
	a := tab.Add(1)
	tab.Add(2)
	c := tab.Add(3)
	require.True(t, tab.Remove(a))
	var seen []int
	var handles []uint32
	tab.Each(func(h uint32, v *int) { seen = append(seen, *v); handles = append(handles, h) })
	require.Equal(t, []int{2, 3}, seen, "only live objects")
	require.Equal(t, c, handles[1])
}

func TestLimit(t *testing.T) {
	tbl := New[int](Comm)
	tbl.SetLimit(2)
	a, b := tbl.Add(1), tbl.Add(2)
	if a == 0 || b == 0 {
		t.Fatal("below the limit Add must succeed")
	}
	if tbl.Add(3) != 0 {
		t.Fatal("Add past the limit must fail")
	}
	tbl.Remove(a)
	if tbl.Add(4) == 0 {
		t.Fatal("a freed slot is usable again")
	}
}
