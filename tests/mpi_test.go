package tests

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMPIConformance builds every program of the conformance suite once with
// wasmrun cc and, for each host MPI, natively with that host's mpicc; it runs
// both under the host's launcher with 1, 2 and 4 ranks and requires the same
// verdicts (see compareVerdicts).
func TestMPIConformance(t *testing.T) {
	srcs, err := filepath.Glob("mpi/*.c")
	require.NoError(t, err)
	require.NotEmpty(t, srcs)
	for _, src := range srcs {
		name := strings.TrimSuffix(filepath.Base(src), ".c")
		t.Run(name, func(t *testing.T) {
			wasm := build(t, "wasm", src)
			forHosts(t, func(t *testing.T, h *host) {
				native := build(t, h.mpicc, src)
				for _, np := range []int{1, 2, 4} {
					var nargs, wargs []string
					if scratchDir[name] {
						// Each build gets an empty directory of its own; the
						// guest sees its one mounted at /scratch.
						d := t.TempDir()
						nargs, wargs = []string{d}, []string{"--dir", t.TempDir() + ":/scratch", wasm, "/scratch"}
					} else {
						wargs = []string{wasm}
					}
					n := h.run(t, np, append([]string{native}, nargs...)...)
					w := h.run(t, np, append([]string{h.wasmrun}, wargs...)...)
					compareVerdicts(t, h, name, np, n, w)
				}
			})
		})
	}
}

// scratchDir names the conformance programs whose one argument is a
// directory to make their files in.
var scratchDir = map[string]bool{"io": true, "io2": true}

// hostBugs are the conformance groups whose native build fails on a host
// because the host MPI itself is wrong (each is in the README's Limits,
// with the native evidence). In these groups, and only there, a native FAIL
// is accepted; the wasm build must then fail the same way, or fail fewer
// checks, or pass where the bridge handles the case itself.
var hostBugs = map[string]map[string]map[string]string{
	"openmpi": {
		"io2": {
			"seek-shared-end-with-view": "Open MPI 4.1.4: MPI_File_seek_shared(MPI_SEEK_END) through a view counts etypes from the start of the file, not from the view's displacement (its MPI_File_seek is right)",
		},
	},
	"mpich": {
		"coll": {
			"allgatherv": "MPICH 4.0.2: MPI_Allgatherv on one rank copies to the start of recvbuf, ignoring displs (pmodels/mpich#6374)",
		},
		"icoll": {
			"iallgatherv": "MPICH 4.0.2: MPI_Iallgatherv on one rank copies to the start of recvbuf, ignoring displs (pmodels/mpich#6374)",
		},
		"nonblocking": {
			"request-null": "MPICH 4.0.2: MPI_Irecv from MPI_PROC_NULL completes with MPI_SOURCE and MPI_TAG 0, not MPI_PROC_NULL and MPI_ANY_TAG (pmodels/mpich#6805)",
		},
		"persistent": {
			"proc-null": "MPICH 4.0.2: a persistent receive (MPI_Recv_init) from MPI_PROC_NULL completes with MPI_SOURCE = MPI_ANY_SOURCE, not MPI_PROC_NULL",
		},
		"io": {
			"info": "MPICH 4.0.2: MPI_Info_get truncates a value longer than valuelen, as it should, but returns MPI_ERR_INFO_VALUE",
		},
		"ops": unsignedMinMax,
		"errors": {
			"err-arg": "MPICH 4.0.2: a negative count in MPI_Waitany/Waitall/Testall gives MPI_ERR_COUNT, not MPI_ERR_ARG; MPI_Error_class and MPI_Error_string accept an invalid code and return MPI_SUCCESS",
		},
	},
}

var unsignedMinMax = func() map[string]string {
	m := map[string]string{}
	for _, g := range []string{"unsigned-short", "unsigned", "unsigned-long-long", "unsigned-char", "uint8", "uint16", "uint32", "uint64"} {
		m["allreduce-"+g] = "MPICH 4.0.2: MPI_MAX/MPI_MIN compare unsigned integers as signed (pmodels/mpich#6083)"
	}
	return m
}()

// verdict is one line of a conformance program's stdout: a group's
// "ok <group>" or "FAIL <group>: ...", or the final "PASS|FAIL <prog>".
type verdict struct {
	group, text string
	ok          bool
}

func verdicts(stdout string) []verdict {
	var vs []verdict
	for _, line := range strings.Split(strings.TrimRight(stdout, "\n"), "\n") {
		v := verdict{text: line}
		switch {
		case strings.HasPrefix(line, "ok "):
			v.group, v.ok = strings.TrimPrefix(line, "ok "), true
		case strings.HasPrefix(line, "FAIL ") && strings.Contains(line, ":"):
			v.group = strings.TrimPrefix(line[:strings.Index(line, ":")], "FAIL ")
		}
		vs = append(vs, v)
	}
	return vs
}

// failedChecks are the source lines of the failed checks of one group, from
// the "[rank R] group: file:line: check failed: ..." reports on stderr.
func failedChecks(stderr, group string) []string {
	re := regexp.MustCompile(`\[rank \d+\] ` + regexp.QuoteMeta(group) + `: \S+?:(\d+): check failed`)
	var lines []string
	for _, m := range re.FindAllStringSubmatch(stderr, -1) {
		if !slices.Contains(lines, m[1]) {
			lines = append(lines, m[1])
		}
	}
	return lines
}

// hostBugsSeen collects, for TestMain's closing summary, the known host bugs
// that this run met natively, and what the wasm build did there.
var (
	hostBugsMu   sync.Mutex
	hostBugsSeen = map[string]*seenBug{} // by host, program, reason and wasm outcome
)

type seenBug struct {
	groups []string
	nps    []int
}

func noteHostBug(h *host, prog, group string, np int, wasm string) {
	hostBugsMu.Lock()
	defer hostBugsMu.Unlock()
	k := fmt.Sprintf("%s %s: %s; the wasm build %s", h.name, prog, hostBugs[h.name][prog][group], wasm)
	b := hostBugsSeen[k]
	if b == nil {
		b = &seenBug{}
		hostBugsSeen[k] = b
	}
	if !slices.Contains(b.groups, group) {
		b.groups = append(b.groups, group)
	}
	if !slices.Contains(b.nps, np) {
		b.nps = append(b.nps, np)
	}
}

// reportHostBugs prints which known host bugs the native builds showed, so
// that a passing run does not hide them.
func reportHostBugs() {
	if len(hostBugsSeen) == 0 {
		return
	}
	keys := make([]string, 0, len(hostBugsSeen))
	for k := range hostBugsSeen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fmt.Println("Native conformance failures accepted as known host MPI bugs (README, Limits):")
	for _, k := range keys {
		b := hostBugsSeen[k]
		slices.Sort(b.nps)
		fmt.Printf("  %s\n    groups %s, -np %v\n", k, strings.Join(b.groups, " "), b.nps)
	}
}

// compareVerdicts requires a wasm run to agree with the native run of the
// same program over the same host MPI with the same np (see agree), and
// records the known host bugs it met for TestMain's summary.
func compareVerdicts(t *testing.T, h *host, prog string, np int, n, w result) {
	t.Helper()
	notes, err := agree(hostBugs[h.name][prog], prog, n, w)
	require.NoError(t, err, "%s -np %d over %s\nnative (exit %d):\n%s%s\nwasm (exit %d):\n%s%s",
		prog, np, h.name, n.Code, n.Stdout, n.Stderr, w.Code, w.Stdout, w.Stderr)
	for group, wasm := range notes {
		noteHostBug(h, prog, group, np, wasm)
	}
}

// agree compares a wasm run of conformance program prog with the native run
// over the same host MPI, whose known bugs in this program are known (group
// -> reason).
//
// The native run must end with a verdict, and may fail only in known groups.
// Where the native run passes a group, the wasm run must print the same
// line. Where it fails a known group, the wasm run may print the same FAIL
// line (the bridge passes the host's behaviour through), pass (the bridge
// checks the case itself), or fail only checks that failed natively too.
// notes says, for each failing known group, what the wasm run did.
func agree(known map[string]string, prog string, n, w result) (notes map[string]string, err error) {
	nv, wv := verdicts(n.Stdout), verdicts(w.Stdout)
	final := func(vs []verdict, code int) bool {
		last := vs[len(vs)-1].text
		return code == 0 && last == "PASS "+prog || code == 1 && last == "FAIL "+prog
	}
	if !final(nv, n.Code) {
		return nil, fmt.Errorf("the native build did not end with a verdict (a host MPI problem?)")
	}
	for _, v := range nv {
		if _, ok := known[v.group]; v.group != "" && !v.ok && !ok {
			return nil, fmt.Errorf("the native build fails group %q, which is no known bug of this host MPI: run the "+
				"native build alone (tests/mpi/run_native.sh with MPICC and MPIRUN set); if the host MPI is wrong, "+
				"add the group to hostBugs and to the README's Limits, otherwise fix the test", v.group)
		}
	}
	if !final(wv, w.Code) {
		return nil, fmt.Errorf("the wasm build did not end with a verdict")
	}
	if len(nv) != len(wv) {
		return nil, fmt.Errorf("wasm and native print different groups")
	}
	notes = map[string]string{}
	for i, v := range nv {
		x := wv[i]
		switch {
		case v.group != x.group:
			return nil, fmt.Errorf("wasm and native print different groups: %q, %q", v.text, x.text)
		case v.text == x.text && (v.ok || v.group == ""):
		case v.group == "" && i == len(nv)-1 && v.text == "FAIL "+prog:
			// The program's verdict: the groups above decide.
		case v.ok || v.group == "":
			return nil, fmt.Errorf("wasm and native disagree: native %q, wasm %q", v.text, x.text)
		case v.text == x.text:
			notes[v.group] = "fails the same way"
		case x.ok:
			notes[v.group] = "passes (the bridge handles the case itself)"
		default:
			nc, wc := failedChecks(n.Stderr, v.group), failedChecks(w.Stderr, v.group)
			if len(wc) == 0 {
				return nil, fmt.Errorf("group %s: the wasm build fails with no check reported on stderr", v.group)
			}
			for _, l := range wc {
				if !slices.Contains(nc, l) {
					return nil, fmt.Errorf("group %s: the wasm build fails the check at line %s, the native build does not", v.group, l)
				}
			}
			notes[v.group] = fmt.Sprintf("fails only the checks at lines %v of %v", wc, nc)
		}
	}
	return notes, nil
}

// TestAgree checks the verdict comparison itself on made-up runs.
func TestAgree(t *testing.T) {
	known := map[string]string{"b": "a host bug"}
	pass := result{Stdout: "ok a\nok b\nPASS p\n"}
	failB := result{Stdout: "ok a\nFAIL b: 2 failed check(s) on 1 rank(s); rank 0 line 7: x\nFAIL p\n", Code: 1,
		Stderr: "[rank 0] b: mpi/p.c:7: check failed: x: 1\n[rank 0] b: mpi/p.c:9: check failed: y: 2\n"}
	failBline9 := result{Stdout: "ok a\nFAIL b: 1 failed check(s) on 1 rank(s); rank 0 line 9: y\nFAIL p\n", Code: 1,
		Stderr: "[rank 0] b: mpi/p.c:9: check failed: y: 2\n"}
	failBline8 := result{Stdout: "ok a\nFAIL b: 1 failed check(s) on 1 rank(s); rank 0 line 8: z\nFAIL p\n", Code: 1,
		Stderr: "[rank 0] b: mpi/p.c:8: check failed: z: 2\n"}
	failA := result{Stdout: "FAIL a: 1 failed check(s) on 1 rank(s); rank 0 line 3: x\nok b\nFAIL p\n", Code: 1,
		Stderr: "[rank 0] a: mpi/p.c:3: check failed: x: 1\n"}
	crash := result{Stdout: "ok a\n", Code: 139}
	for _, tc := range []struct {
		name         string
		known        map[string]string
		native, wasm result
		ok           bool
		note         string
	}{
		{"both pass", known, pass, pass, true, ""},
		{"wasm fails where native passes", known, pass, failB, false, ""},
		{"wasm fails an unknown group", known, pass, failA, false, ""},
		{"native fails an unknown group", known, failA, failA, false, ""},
		{"native fails with no known bugs", nil, failB, failB, false, ""},
		{"same host bug", known, failB, failB, true, "fails the same way"},
		{"bridge passes a host bug", known, failB, pass, true, "passes (the bridge handles the case itself)"},
		{"wasm fails fewer checks", known, failB, failBline9, true, "fails only the checks at lines [9] of [7 9]"},
		{"wasm fails another check", known, failB, failBline8, false, ""},
		{"native crashes", known, crash, pass, false, ""},
		{"wasm crashes", known, pass, crash, false, ""},
		{"wasm prints fewer groups", known, pass, result{Stdout: "ok a\nPASS p\n"}, false, ""},
		{"wasm exit code contradicts its verdict", known, pass, result{Stdout: pass.Stdout, Code: 1}, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			notes, err := agree(tc.known, "p", tc.native, tc.wasm)
			if !tc.ok {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			if tc.note == "" {
				require.Empty(t, notes)
			} else {
				require.Equal(t, map[string]string{"b": tc.note}, notes)
			}
		})
	}
}

func TestMPISample(t *testing.T) {
	src := "../samples/heat2d_mpi/heat2d_mpi.c"
	wasm := build(t, "wasm", src)
	forHosts(t, func(t *testing.T, h *host) {
		native := build(t, h.mpicc, src)
		for _, np := range []int{1, 2, 4} {
			n := h.run(t, np, native, "128", "200")
			require.Equal(t, 0, n.Code, n.Stderr)
			w := h.run(t, np, h.wasmrun, wasm, "128", "200")
			require.Equal(t, 0, w.Code, w.Stderr)
			require.Equal(t, n.Stdout, w.Stdout, "-np %d", np)
		}
	})
}

func TestMPISingleton(t *testing.T) {
	src := "../samples/heat2d_mpi/heat2d_mpi.c"
	wasm := build(t, "wasm", src)
	forHosts(t, func(t *testing.T, h *host) {
		n := run(t, h.env, build(t, h.mpicc, src), "64", "50")
		require.Equal(t, 0, n.Code, n.Stderr)
		w := h.wr(t, wasm, "64", "50")
		require.Equal(t, 0, w.Code, w.Stderr)
		require.Equal(t, n.Stdout, w.Stdout, "without a launcher the program is a one-rank world")
	})
}

// libraryVersion prints what MPI_Get_library_version returns in the guest.
const libraryVersion = `#include <mpi.h>
#include <stdio.h>
int main(int argc, char **argv) {
    char v[MPI_MAX_LIBRARY_VERSION_STRING];
    int n = 0;
    MPI_Init(&argc, &argv);
    MPI_Get_library_version(v, &n);
    printf("%d %s\n", n, v);
    MPI_Finalize();
    return 0;
}
`

// TestMPIHostLibrary: `wasmrun version` and the guest's
// MPI_Get_library_version name the host MPI library in use.
func TestMPIHostLibrary(t *testing.T) {
	src := filepath.Join(work, "library_version.c")
	require.NoError(t, os.WriteFile(src, []byte(libraryVersion), 0o644))
	wasm := build(t, "wasm", src)
	forHosts(t, func(t *testing.T, h *host) {
		res := h.wr(t, "version")
		require.Equal(t, 0, res.Code, res.Stderr)
		require.Contains(t, res.Stdout, "\nmpi     "+h.name+": "+h.library)
		res = h.run(t, 1, h.wasmrun, wasm)
		require.Equal(t, 0, res.Code, res.Stderr)
		require.Regexp(t, `^\d+ wasmrun \S+ over `+regexp.QuoteMeta(h.library), res.Stdout)
	})
}

func TestMPIBadInputReturnsErrors(t *testing.T) {
	prog := build(t, "wasm", "testdata/mpi_badinput.c")
	forHosts(t, func(t *testing.T, h *host) {
		for _, np := range []int{1, 2} {
			res := h.run(t, np, h.wasmrun, prog)
			require.Equal(t, 0, res.Code, res.Stdout+res.Stderr)
			for r := 0; r < np; r++ {
				require.Contains(t, res.Stdout, fmt.Sprintf("PASS rank %d", r))
			}
			require.NotContains(t, res.Stdout, "FAIL")
		}
	})
}

func TestMPIFatalErrorEndsJob(t *testing.T) {
	prog := build(t, "wasm", "testdata/mpi_fatal.c")
	forHosts(t, func(t *testing.T, h *host) {
		res := h.run(t, 2, h.wasmrun, prog)
		require.NotEqual(t, 0, res.Code)
		require.Contains(t, res.Stderr, "wasmrun: rank 1: MPI_Send: MPI_ERR_RANK")
		require.NotContains(t, res.Stdout, "not reached")
		require.NotContains(t, res.Stderr, "goroutine")

		// Without a launcher too: the singleton reports and exits non-zero.
		res = h.wr(t, prog, "fail")
		require.NotEqual(t, 0, res.Code)
		require.Contains(t, res.Stderr, "rank 0: MPI_Send: MPI_ERR_RANK")
	})
}

func TestMPITrapEndsJob(t *testing.T) {
	prog := build(t, "wasm", "testdata/mpi_trap.c")
	forHosts(t, func(t *testing.T, h *host) {
		res := h.run(t, 3, h.wasmrun, prog)
		require.NotEqual(t, 0, res.Code)
		require.Contains(t, res.Stderr, "wasmrun: rank 1 (")
		require.Contains(t, res.Stderr, "trapped: integer divide by zero")
		require.Contains(t, res.Stderr, "divide")
		// The other ranks wait in a barrier: only MPI_Abort ends them, and run
		// would have failed the test had the job hung.
	})
}
