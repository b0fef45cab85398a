// Package yield keeps the Go runtime quiet while a guest makes many short
// host calls (MPI_Send, MPI_Test ...) from one goroutine that never returns
// to the scheduler.
//
// Go's sysmon treats a goroutine that has run for 10 ms without being
// rescheduled as one to preempt. While it keeps calling into C, sysmon then
// wakes every 20 µs to take its P away, which on a core shared with a
// polling MPI rank costs thousands of context switches a second and
// microseconds per message. A yield every few milliseconds starts a fresh
// time slice and sysmon goes back to sleeping.
package yield

import (
	"runtime"
	"time"
)

const (
	checkEvery = 256                  // host calls between clock reads
	slice      = 4 * time.Millisecond // well under sysmon's 10 ms
)

// Ticker counts host calls and yields when a time slice has passed.
type Ticker struct {
	calls uint32
	last  time.Time
}

// Tick is called on every host call; it is allocation-free and reads the
// clock once per checkEvery calls.
func (t *Ticker) Tick() {
	t.calls++
	if t.calls%checkEvery != 0 {
		return
	}
	now := time.Now()
	if now.Sub(t.last) < slice {
		return
	}
	t.last = now
	runtime.Gosched()
}
