package tests

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var (
	wasmrun string // the binary under test
	work    string // scratch for builds shared by all tests
)

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
	wasmrun = os.Getenv("WASMRUN_BIN")
	if wasmrun == "" {
		wasmrun = filepath.Join(work, "wasmrun")
		out, err := exec.Command("go", "build", "-o", wasmrun, "../cmd/wasmrun").CombinedOutput()
		if err != nil {
			fmt.Fprintf(os.Stderr, "build wasmrun: %v\n%s", err, out)
			return 1
		}
	}
	return m.Run()
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
	return run(t, nil, "mpirun", append([]string{"--oversubscribe", "-np", fmt.Sprint(np)}, args...)...)
}

var (
	buildMu sync.Mutex
	built   = map[string]string{}
)

// build compiles src once per test binary, with "wasm" (wasmrun cc or
// c++), "native" (cc/c++) or "mpicc", and returns the output path.
func build(t *testing.T, kind, src string, flags ...string) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
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
	case kind == "mpicc":
		cmd = []string{"mpicc"}
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
