package numlib

import (
	"io"
	"testing"
)

// BenchmarkDdot8 is the host side of a bridged cblas_ddot of length 8:
// the argument checks and the cgo call, without wazero's call into the
// host function.
func BenchmarkDdot8(b *testing.B) {
	br := New(io.Discard, nil, Libraries{})
	br.Attach(guestMemory(b))
	var r routine
	for _, x := range blasRoutines {
		if x.name == "cblas_ddot" {
			r = x
		}
	}
	s := []uint64{8, 4096, 1, 8192, 1}
	r.fn(br, s) // loads the library
	for b.Loop() {
		s[0], s[1], s[2], s[3], s[4] = 8, 4096, 1, 8192, 1
		r.fn(br, s)
	}
}

// BenchmarkDdot8Check is the argument checks alone.
func BenchmarkDdot8Check(b *testing.B) {
	br := New(io.Discard, nil, Libraries{})
	br.Attach(guestMemory(b))
	s := []uint64{8, 4096, 1, 8192, 1}
	for b.Loop() {
		c := call{b: br, name: "cblas_ddot", s: s, elem: 8, real: 8}
		checkCblasDdot(&c)
	}
}
