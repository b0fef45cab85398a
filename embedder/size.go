package embedder

import (
	"fmt"
	"strconv"
	"strings"
)

var sizeUnits = []struct {
	suffix string
	mult   uint64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30},
	{"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000},
	{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1},
}

// ParseSize parses a memory size such as "512MiB", "2GiB", "1G" or "65536".
// The result is a whole number of 64 KiB wasm pages between one page and 4 GiB.
func ParseSize(s string) (uint64, error) {
	num, mult := strings.TrimSpace(s), uint64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(num, u.suffix) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseUint(num, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("size %q: want a number with an optional unit (KiB, MiB, GiB)", s)
	}
	if n > (8<<30)/mult {
		return 0, fmt.Errorf("size %q: more than the 4GiB a wasm32 module can address", s)
	}
	n *= mult
	switch {
	case n < pageSize:
		return 0, fmt.Errorf("size %q: less than one 64KiB wasm page", s)
	case n > 4<<30:
		return 0, fmt.Errorf("size %q: more than the 4GiB a wasm32 module can address", s)
	case n%pageSize != 0:
		return 0, fmt.Errorf("size %q: not a multiple of the 64KiB wasm page", s)
	}
	return n, nil
}
