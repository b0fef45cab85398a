package cuda

import (
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPTXEntriesOfTheSamples: the parameter lists clang-19 wrote for the
// samples' kernels, a struct passed by value included.
func TestPTXEntriesOfTheSamples(t *testing.T) {
	ptx, err := os.ReadFile("../../samples/cuda/kernels.ptx")
	require.NoError(t, err)
	got := ptxEntries(string(ptx))
	require.Equal(t, map[string][]param{
		"vadd":     {{8, 8}, {8, 8}, {8, 8}, {4, 4}, {4, 4}},
		"quad":     {{8, 8}, {24, 8}},
		"blocksum": {{8, 8}, {8, 8}, {4, 4}},
		"empty":    {{8, 8}},
	}, got)
}

func TestPTXEntries(t *testing.T) {
	for _, c := range []struct {
		name, ptx string
		want      map[string][]param
	}{
		{"no parameters", ".visible .entry k()\n{\n ret;\n}\n", map[string][]param{"k": {}}},
		{"no list", ".entry k\n{\n ret;\n}\n", map[string][]param{"k": {}}},
		{"pointer attributes", ".entry k(.param .u64 .ptr .global .align 16 p, .param .f64 x, .param .b16 h)\n{}",
			map[string][]param{"k": {{8, 16}, {8, 8}, {2, 2}}}},
		{"commented out", "// .entry gone(.param .u32 a)\n/* .entry also(.param .u32 a) */ .entry k(.param .s32 a){}",
			map[string][]param{"k": {{4, 4}}}},
		{"array without align", ".entry k(.param .b8 s[12]){}", map[string][]param{"k": {{12, 1}}}},
		{"two kernels", ".entry a(.param .u32 x){}\n.func f(.param .u64 y){}\n.entry b(.param .u64 y, .param .u8 z){}",
			map[string][]param{"a": {{4, 4}}, "b": {{8, 8}, {1, 1}}}},
		// A list the parser cannot read leaves the kernel out: its sizes are
		// unknown, never guessed.
		{"unknown type", ".entry k(.param .texref t){}", map[string][]param{}},
		{"bad align", ".entry k(.param .align x .b8 s[4]){}", map[string][]param{}},
		{"not a param", ".entry k(.reg .u32 r){}", map[string][]param{}},
		{"unterminated", ".entry k(.param .u32 a", map[string][]param{}},
		{"longer word", ".entry_point k(.param .u32 a){}", map[string][]param{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, ptxEntries(c.ptx))
		})
	}
}

// TestDeviceRanges: a copy or memset must lie inside one live allocation.
func TestDeviceRanges(t *testing.T) {
	b := New(nil)
	b.addAlloc(alloc{base: 0x2000, size: 0x100})
	b.addAlloc(alloc{base: 0x1000, size: 0x100})
	b.addAlloc(alloc{base: 0x1100, size: 0x10})
	require.Equal(t, []uint64{0x1000, 0x1100, 0x2000}, []uint64{b.allocs[0].base, b.allocs[1].base, b.allocs[2].base})
	for _, c := range []struct {
		p, n uint64
		ok   bool
	}{
		{0x1000, 0x100, true},
		{0x10f0, 0x10, true},
		{0x10f0, 0x20, false}, // runs into the next allocation: two, not one
		{0x1100, 0x10, true},
		{0x2000, 0x101, false},
		{0x0fff, 1, false},
		{0x3000, 1, false},
		{0x1000, 0, true}, // nothing to check
		{0x2000, ^uint64(0), false},
	} {
		rc := b.device("test", "p", c.p, c.n)
		require.Equal(t, c.ok, rc == cuSuccess, "%#x+%#x", c.p, c.n)
		if !c.ok {
			require.Equal(t, int32(cuInvalidValue), rc)
		}
	}
}

// TestFunctionsAreUnique: every host function has one entry, the guest
// library's functions are not host functions, and cuda.h imports exactly
// the host functions.
func TestFunctionsAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Functions() {
		require.False(t, seen[f], f)
		seen[f] = true
	}
	for _, f := range GuestFunctions {
		require.False(t, seen[f], f)
	}
	// cuda.h declares exactly the host functions as imports.
	h, err := os.ReadFile("include/cuda.h")
	require.NoError(t, err)
	var declared []string
	for _, m := range regexp.MustCompile(`WASMRUN_CUDA_IMPORT\((cu\w+)\)`).FindAllStringSubmatch(string(h), -1) {
		declared = append(declared, m[1])
	}
	require.ElementsMatch(t, Functions(), declared)
}
