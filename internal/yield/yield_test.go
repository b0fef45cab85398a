package yield

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestTickYieldsOncePerSlice(t *testing.T) {
	var tk Ticker
	for i := 0; i < checkEvery-1; i++ {
		tk.Tick()
	}
	require.True(t, tk.last.IsZero(), "no clock read before checkEvery calls")
	tk.Tick()
	first := tk.last
	require.False(t, first.IsZero())
	for i := 0; i < checkEvery; i++ {
		tk.Tick()
	}
	require.Equal(t, first, tk.last, "no second yield within one slice")
	tk.last = time.Now().Add(-2 * slice)
	for i := 0; i < checkEvery; i++ {
		tk.Tick()
	}
	require.True(t, tk.last.After(first))
}

func TestTickDoesNotAllocate(t *testing.T) {
	var tk Ticker
	require.Zero(t, testing.AllocsPerRun(10000, tk.Tick))
}
