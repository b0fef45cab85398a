package cuda

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite README.md's CUDA function table from the bridge's tables")

// groupNotes are the README's remarks on each group.
var groupNotes = map[string]string{
	"devices and contexts": "devices are the driver's ordinals; contexts 32-bit handles; cuCtxCreate has the CUDA 12 signature (flags, dev); cuDeviceTotalMem saturates at 4 GiB - 1 (a 32-bit size_t)",
	"modules and launches": "PTX text only (a cubin or fatbin gets CUDA_ERROR_INVALID_IMAGE); JIT options with guest log buffers; kernelParams sized by cuFuncGetParamInfo or the PTX .entry; extra with CU_LAUNCH_PARAM_BUFFER_POINTER/SIZE",
	"memory":               "device pointers 64-bit; copies and memsets must stay inside one cuMemAlloc allocation; host ranges checked in guest memory",
	"streams and events":   "the default, legacy and per-thread streams pass as they are",
	"errors":               "in the guest library: the driver's names and descriptions, no host call",
}

const (
	tableStart = "<!-- cuda:start (go test ./gpu/cuda -run README -update) -->"
	tableEnd   = "<!-- cuda:end -->"
)

func functionTable() string {
	var b strings.Builder
	b.WriteString(tableStart + "\n| group | functions | notes |\n|---|---|---|\n")
	for _, g := range API() {
		b.WriteString("| " + g[0] + " | " + strings.ReplaceAll(g[1], " ", ", ") + " | " + groupNotes[g[0]] + " |\n")
	}
	b.WriteString(tableEnd)
	return b.String()
}

// TestREADMEListsEveryFunction keeps the README's CUDA table true: it is
// generated from the bridge's own tables.
func TestREADMEListsEveryFunction(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := string(raw)
	i, j := strings.Index(readme, tableStart), strings.Index(readme, tableEnd)
	require.True(t, i >= 0 && j > i, "README.md lacks the CUDA table markers")
	want := functionTable()
	if *update {
		readme = readme[:i] + want + readme[j+len(tableEnd):]
		require.NoError(t, os.WriteFile("../../README.md", []byte(readme), 0o644))
		return
	}
	require.Equal(t, want, readme[i:j+len(tableEnd)], "README.md's CUDA table is stale: go test ./gpu/cuda -run README -update")
}
