package tests

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var (
	wasmrun string // the binary under test, built against Open MPI
	work    string // scratch for builds shared by all tests
)

// host is one host MPI family that the MPI integration tests run over. The
// .wasm files are built once (build kind "wasm") and run over every host;
// each host has its own wasmrun binary, launcher and native compiler.
type host struct {
	name    string   // "openmpi", "mpich": the subtest name
	library string   // what the host's MPI_Get_library_version starts with
	mpirun  []string // the launcher and its flags, before -np N
	mpicc   string   // the native compiler, also the build kind
	wasmrun string   // wasmrun built against this host MPI
	env     []string // extra environment for the runs
}

// hosts are the MPI families under test. Each family's tools are named
// explicitly: with both installed, Debian's alternatives decide what plain
// mpicc and mpirun mean. Open MPI's root and oversubscription settings are
// in TestMain's environment; MPICH's hydra launcher needs neither.
var hosts = []*host{
	{name: "openmpi", library: "Open MPI", mpirun: []string{"mpirun.openmpi", "--oversubscribe"}, mpicc: "mpicc.openmpi"},
	{name: "mpich", library: "MPICH", mpirun: []string{"mpirun.mpich"}, mpicc: "mpicc.mpich"},
}

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	var err error
	work, err = os.MkdirTemp("", "wasmrun-tests-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(work)
	// A private cache, and Open MPI allowed as root on small machines.
	for k, v := range map[string]string{
		"XDG_CACHE_HOME":                    filepath.Join(work, "cache"),
		"OMPI_ALLOW_RUN_AS_ROOT":            "1",
		"OMPI_ALLOW_RUN_AS_ROOT_CONFIRM":    "1",
		"OMPI_MCA_rmaps_base_oversubscribe": "1",
	} {
		os.Setenv(k, v)
	}
	// One binary serves both families: it comes from the Makefile
	// (WASMRUN_BIN) or is built here with its plugins. Under a launcher it
	// finds the family by itself; runs without one say which (h.wr).
	// WASMRUN_HOSTS=openmpi leaves the MPICH subtests out (they skip, saying
	// so).
	wasmrun = os.Getenv("WASMRUN_BIN")
	if wasmrun == "" {
		wasmrun = filepath.Join(work, "wasmrun")
		if err := goBuild(wasmrun); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	for _, h := range hosts {
		h.wasmrun = wasmrun
	}
	code := m.Run()
	reportHostBugs()
	return code
}

func goBuild(out string) error {
	if msg, err := exec.Command("make", "-C", "..", "plugins").CombinedOutput(); err != nil {
		return fmt.Errorf("make plugins: %v (is the host MPI installed? scripts/install-deps.sh)\n%s", err, msg)
	}
	if msg, err := exec.Command("go", "build", "-o", out, "../cmd/wasmrun").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, msg)
	}
	return nil
}

// forHosts runs f as one subtest per host MPI family.
func forHosts(t *testing.T, f func(t *testing.T, h *host)) {
	t.Helper()
	only := os.Getenv("WASMRUN_HOSTS") // e.g. "openmpi"; empty: all
	for _, h := range hosts {
		t.Run(h.name, func(t *testing.T) {
			if only != "" && !slices.Contains(strings.Split(only, ","), h.name) {
				t.Skipf("WASMRUN_HOSTS=%s leaves out %s", only, h.name)
			}
			f(t, h)
		})
	}
}

// run runs args under this host's launcher with np ranks.
func (h *host) run(t *testing.T, np int, args ...string) result {
	t.Helper()
	argv := append(append(slices.Clone(h.mpirun[1:]), "-np", fmt.Sprint(np)), args...)
	return run(t, h.env, h.mpirun[0], argv...)
}

// wr runs wasmrun without a launcher (a one-rank world) over this host's
// MPI, which $WASMRUN_MPI names since no launcher does.
func (h *host) wr(t *testing.T, args ...string) result {
	t.Helper()
	return run(t, append(slices.Clone(h.env), "WASMRUN_MPI="+h.name), h.wasmrun, args...)
}

// result is what a command did.
type result struct {
	Stdout, Stderr string
	Code           int
}

// run runs a command with a time limit and returns its result; it fails
// the test only if the command could not start or hung.
func run(t *testing.T, env []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, ctx.Err(), "%s %v hung", name, args)
	res := result{Stdout: stdout.String(), Stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.Code = exit.ExitCode()
	case err != nil:
		t.Fatalf("run %s: %v", name, err)
	}
	return res
}

// wr runs bin/wasmrun.
func wr(t *testing.T, args ...string) result {
	t.Helper()
	return run(t, nil, wasmrun, args...)
}

// mpirun runs args under Open MPI's mpirun with np ranks.
func mpirun(t *testing.T, np int, args ...string) result {
	t.Helper()
	return hosts[0].run(t, np, args...)
}

var (
	buildMu sync.Mutex
	built   = map[string]string{}
)

// build compiles src once per test binary, with "wasm" (wasmrun cc or
// c++; one build serves every host MPI), "native" (cc/c++), or a host's
// native MPI compiler: "mpicc.openmpi" (also "mpicc") or "mpicc.mpich";
// it returns the output path.
func build(t *testing.T, kind, src string, flags ...string) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if kind == "mpicc" {
		kind = hosts[0].mpicc
	}
	key := kind + "|" + src + "|" + strings.Join(flags, " ")
	if out, ok := built[key]; ok {
		return out
	}
	cxx := strings.HasSuffix(src, ".cpp")
	out := filepath.Join(work, "bin", fmt.Sprintf("%s.%d.%s", strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)), len(built), kind))
	require.NoError(t, os.MkdirAll(filepath.Dir(out), 0o755))
	var cmd []string
	switch {
	case kind == "wasm" && cxx:
		cmd = []string{wasmrun, "c++"}
	case kind == "wasm":
		cmd = []string{wasmrun, "cc"}
	case strings.HasPrefix(kind, "mpicc."):
		cmd = []string{kind}
	case cxx:
		cmd = []string{"c++", "-fno-exceptions"}
	default:
		cmd = []string{"cc"}
	}
	cmd = append(cmd, "-O2", src, "-o", out)
	cmd = append(cmd, flags...)
	if kind != "wasm" {
		cmd = append(cmd, "-lm")
	}
	res := run(t, nil, cmd[0], cmd[1:]...)
	require.Equal(t, 0, res.Code, "%v failed:\n%s%s", cmd, res.Stdout, res.Stderr)
	built[key] = out
	return out
}
