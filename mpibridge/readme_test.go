package mpibridge

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite README.md's function table from the bridge's tables")

// chapterNotes are the README's remarks on each chapter.
var chapterNotes = map[string]string{
	"environment":              `MPI_Init_thread provides at most MPI_THREAD_FUNNELED (MPI_THREAD_MULTIPLE is refused: the guest has one thread); MPI_Get_library_version says "wasmrun V over" the host library`,
	"error handlers and codes": "MPI_ERRORS_ARE_FATAL (default), MPI_ERRORS_ABORT, MPI_ERRORS_RETURN and the guest's own handlers for communicators, windows and files (each refused on another kind of object)",
	"point to point":           "MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_PROC_NULL, MPI_STATUS(ES)_IGNORE, MPI_REQUEST_NULL; MPI_Isendrecv(_replace) is built from a send and a receive under one request on hosts without a working one (Open MPI 4.1, MPICH 4.0)",
	"collectives":              "MPI_IN_PLACE wherever the standard allows it; inter-communicators for all but MPI_Reduce_scatter(_block)",
	"persistent collectives":   "MPI-4; built on the nonblocking collectives over every host, each MPI_Start checks the buffers again; the datatypes (also those in the w forms' arrays) may be freed once the request exists",
	"communicators":            "attribute caching is in the guest library (last row): MPI_Comm_dup/idup/free run the guest's copy and delete callbacks",
	"datatypes":                "every predefined C datatype at the guest's widths (`long` is 4 bytes) and the MAXLOC/MINLOC pairs; derived types are built on the host from the guest's description and checked over their true extent",
	"user-defined ops":         "the guest's C function is called back from the host MPI's reductions (64 live operators at most)",
	"one-sided":                "windows lie in guest memory (MPI_Win_allocate, MPI_Alloc_mem, MPI_Free_mem are in the guest library); every target range is checked against the target's window; MPI_Win_allocate_shared maps one shared segment at the same guest address in every rank of a node",
	"MPI-IO":                   "paths go through the `--dir` mounts: outside them MPI_ERR_ACCESS, writes to `:ro` mounts MPI_ERR_READ_ONLY; the host MPI only sees files wasmrun opened",
	"info":                     "MPI_INFO_NULL, MPI_INFO_ENV",
}

const (
	tableStart = "<!-- functions:start (go test ./mpibridge -run README -update) -->"
	tableEnd   = "<!-- functions:end -->"
)

// guestLibrary lists the functions that include/mpi.h declares as defined
// by the guest library (WASMRUN_MPI_LOCAL) rather than imported.
func guestLibrary() []string {
	raw, err := os.ReadFile("include/mpi.h")
	if err != nil {
		return nil
	}
	var names []string
	for _, m := range regexp.MustCompile(`(?m)^WASMRUN_MPI_LOCAL\([^,]+, (\w+),`).FindAllStringSubmatch(string(raw), -1) {
		names = append(names, "MPI_"+m[1])
	}
	return names
}

// functionTable renders the README's supported-function table.
func functionTable() string {
	var b strings.Builder
	b.WriteString(tableStart + "\n| chapter | functions | notes |\n|---|---|---|\n")
	for _, c := range chapters {
		var names []string
		for _, f := range c.functions {
			if strings.HasPrefix(f.name, "MPI_") {
				names = append(names, f.name)
			}
		}
		b.WriteString("| " + c.name + " | " + strings.Join(names, ", ") + " | " + chapterNotes[c.name] + " |\n")
	}
	b.WriteString("| in the guest library | " + strings.Join(guestLibrary(), ", ") + " | C code linked into the module by wasmrun cc, on top of the functions above |\n")
	b.WriteString(tableEnd)
	return b.String()
}

// TestREADMEListsEveryFunction keeps the README's support table true: it
// is generated from the bridge's own tables.
func TestREADMEListsEveryFunction(t *testing.T) {
	raw, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	readme := string(raw)
	i, j := strings.Index(readme, tableStart), strings.Index(readme, tableEnd)
	require.True(t, i >= 0 && j > i, "README.md lacks the function table markers")
	want := functionTable()
	if *update {
		readme = readme[:i] + want + readme[j+len(tableEnd):]
		require.NoError(t, os.WriteFile("../README.md", []byte(readme), 0o644))
		return
	}
	require.True(t, readme[i:j+len(tableEnd)] == want, "README.md's function table is stale: run go test ./mpibridge -run README -update")
}
