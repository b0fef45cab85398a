package opencl

import (
	"flag"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite README.md's OpenCL function table from the bridge's tables")

// groupNotes are the README's remarks on each group.
var groupNotes = map[string]string{
	"platforms and devices": "the driver's platforms and devices, by 32-bit handle; size_t and handle values of clGetDeviceInfo are translated to the guest's widths",
	"contexts and queues":   "pfn_notify of clCreateContext is accepted and never called; clCreateCommandQueueWithProperties falls back to clCreateCommandQueue on an OpenCL 1.2 loader",
	"buffers":               "CL_MEM_USE_HOST_PTR and nonblocking transfers use guest memory in place; clEnqueueMapBuffer returns guest memory (above)",
	"programs and kernels":  "source programs only; clBuildProgram's pfn_notify is called before it returns; clSetKernelArg takes values, buffers and local memory",
	"events":                "every enqueue call can return an event and take a wait list",
}

const (
	tableStart = "<!-- opencl:start (go test ./gpu/opencl -run README -update) -->"
	tableEnd   = "<!-- opencl:end -->"
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

// TestREADMEListsEveryFunction keeps the README's OpenCL table true: it is
// generated from the bridge's own tables.
func TestREADMEListsEveryFunction(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := string(raw)
	i, j := strings.Index(readme, tableStart), strings.Index(readme, tableEnd)
	require.True(t, i >= 0 && j > i, "README.md lacks the OpenCL table markers")
	want := functionTable()
	if *update {
		readme = readme[:i] + want + readme[j+len(tableEnd):]
		require.NoError(t, os.WriteFile("../../README.md", []byte(readme), 0o644))
		return
	}
	require.Equal(t, want, readme[i:j+len(tableEnd)], "README.md's OpenCL table is stale: go test ./gpu/opencl -run README -update")
}

// TestHeaderDeclaresEveryFunction: CL/cl.h imports exactly the functions
// the bridge provides, each under its own name, and the guest library
// imports the two that it wraps.
func TestHeaderDeclaresEveryFunction(t *testing.T) {
	header, err := os.ReadFile("include/CL/cl.h")
	require.NoError(t, err)
	lib, err := os.ReadFile("include/guest/cl_map.c")
	require.NoError(t, err)
	var declared []string
	for _, m := range regexp.MustCompile(`(?m)^WASMRUN_CL_IMPORT\((\w+)\) [\w ]+?\**\s*(\w+)\(`).FindAllStringSubmatch(string(header), -1) {
		require.Equal(t, m[1], m[2], "import name and C name differ")
		declared = append(declared, m[1])
	}
	for _, m := range regexp.MustCompile(`import_name\("(\w+)"\)`).FindAllStringSubmatch(string(lib), -1) {
		declared = append(declared, m[1])
	}
	slices.Sort(declared)
	provided := Functions()
	slices.Sort(provided)
	require.Equal(t, provided, declared)
	for _, f := range []string{"clEnqueueMapBuffer", "clEnqueueUnmapMemObject"} {
		require.Regexp(t, `(?m)^\w[\w *]* \*?`+f+`\(`, string(header), "the guest library's %s is declared", f)
	}
}

// TestHeaderConstantsMatchKhronos: every constant CL/cl.h defines has the
// value of the Khronos header, where one is installed (opencl-headers).
func TestHeaderConstantsMatchKhronos(t *testing.T) {
	khronos, err := os.ReadFile("/usr/include/CL/cl.h")
	if err != nil {
		t.Skip("no /usr/include/CL/cl.h (opencl-headers) to compare with")
	}
	ours, err := os.ReadFile("include/CL/cl.h")
	require.NoError(t, err)
	define := regexp.MustCompile(`(?m)^#define (CL_[A-Z0-9_]+)[ \t]+([^/\n]+?)\s*(?:/\*.*)?$`)
	want := map[string]string{}
	for _, m := range define.FindAllStringSubmatch(string(khronos), -1) {
		want[m[1]] = strings.Join(strings.Fields(m[2]), " ")
	}
	checked := 0
	for _, m := range define.FindAllStringSubmatch(string(ours), -1) {
		if v, ok := want[m[1]]; ok {
			require.Equal(t, v, strings.Join(strings.Fields(m[2]), " "), m[1])
			checked++
		}
	}
	require.Greater(t, checked, 400, "most constants were compared")
}
