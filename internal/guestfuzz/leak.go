package guestfuzz

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// leakBlock is the span Leaks compares at once before looking closer.
const leakBlock = 4096

// Leaks returns the offsets of 8-byte values that a call wrote into guest
// memory (they differ between before and after) and that are addresses in
// one of this process's mappings: host pointers the guest must never see.
func Leaks(before, after []byte) ([]string, error) {
	var hits []string
	var maps [][2]uint64
	n := min(len(before), len(after))
	for off := 0; off+8 <= n; off += 4 {
		if off%leakBlock == 0 {
			// Skip a block no 8-byte value of which changed (memcmp is
			// far quicker than a word at a time, and most calls write
			// little).
			end := min(off+leakBlock+4, n)
			if string(before[off:end]) == string(after[off:end]) {
				off += leakBlock - 4
				continue
			}
		}
		if string(before[off:off+8]) == string(after[off:off+8]) {
			continue
		}
		v := binary.LittleEndian.Uint64(after[off:])
		if v < 1<<32 || v > 1<<47 {
			continue // no user-space mapping lies there on x86-64 and arm64
		}
		if maps == nil {
			var err error
			if maps, err = mappings(); err != nil {
				return nil, err
			}
		}
		for _, m := range maps {
			if v >= m[0] && v < m[1] {
				hits = append(hits, fmt.Sprintf("offset %#x holds host address %#x", off, v))
				break
			}
		}
	}
	return hits, nil
}

// mappings reads the address ranges of /proc/self/maps.
func mappings() ([][2]uint64, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return nil, fmt.Errorf("read mappings: %w", err)
	}
	defer f.Close()
	var out [][2]uint64
	s := bufio.NewScanner(f)
	for s.Scan() {
		lo, hi, ok := strings.Cut(strings.Fields(s.Text())[0], "-")
		if !ok {
			continue
		}
		a, err1 := strconv.ParseUint(lo, 16, 64)
		b, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 == nil && err2 == nil {
			out = append(out, [2]uint64{a, b})
		}
	}
	return out, s.Err()
}
