package tests

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Tests of operating wasmrun on a cluster: inspect, signed modules,
// ahead-of-time compilation and its cache, doctor, and the launchers.

func TestInspect(t *testing.T) {
	prog := build(t, "wasm", "testdata/ops_ring.c")
	data, err := os.ReadFile(prog)
	require.NoError(t, err)
	sum := sha256.Sum256(data)

	res := wr(t, "inspect", prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	out := res.Stdout
	require.Contains(t, out, "sha256     "+hex.EncodeToString(sum[:]))
	require.Contains(t, out, fmt.Sprintf("size       %d bytes", len(data)))
	require.Contains(t, out, "memory     129 pages (8.1 MiB) at start, up to 65536 pages (4.0 GiB)")
	require.Regexp(t, `(?m)^built by   wasmrun cc \S+\n  compiler .*clang version 19`, out)
	require.Contains(t, out, "  sources  testdata/ops_ring.c")
	require.Contains(t, out, "  flags    -O2")
	require.Contains(t, out, "MPI (wasmrun_mpi): 8, all supported")
	require.Contains(t, out, "WASI (wasi_snapshot_preview1):")
	require.Contains(t, out, "signature  unsigned")
	require.Contains(t, out, "runnable   yes")

	res = wr(t, "inspect", "--json", prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	var r struct {
		SHA256  string
		Size    int
		Imports []struct {
			Module, Label string
			Provided      bool
			Supported     int
			Imports       []struct{ Name string }
		}
		Exports []struct{ Name, Kind string }
		Build   struct {
			Tool, Compiler string
			Sources, Flags []string
		}
		Runnable bool
	}
	require.NoError(t, json.Unmarshal([]byte(res.Stdout), &r), res.Stdout)
	require.Equal(t, hex.EncodeToString(sum[:]), r.SHA256)
	require.True(t, r.Runnable)
	require.Equal(t, []string{"testdata/ops_ring.c"}, r.Build.Sources)
	var mpi []string
	for _, g := range r.Imports {
		if g.Label == "MPI" {
			for _, im := range g.Imports {
				mpi = append(mpi, im.Name)
			}
			require.Equal(t, len(g.Imports), g.Supported)
		}
	}
	require.ElementsMatch(t, []string{"MPI_Init", "MPI_Comm_rank", "MPI_Comm_size", "MPI_Send", "MPI_Recv", "MPI_Allreduce", "MPI_Gather", "MPI_Finalize"}, mpi)
	require.Contains(t, r.Exports, struct{ Name, Kind string }{"_start", "func"})

	// Imports wasmrun does not provide are marked, by module.
	imports := build(t, "wasm", "testdata/unknown_import.c", "-Wl,--allow-undefined")
	res = wr(t, "inspect", imports)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Contains(t, res.Stdout, "MPI (wasmrun_mpi): 1, 1 NOT supported")
	require.Contains(t, res.Stdout, "MPI_Not_a_function  NOT supported")
	require.Contains(t, res.Stdout, "mystery: 1, not supported: this wasmrun has no such host module")
	require.Contains(t, res.Stdout, "runnable   no: 1 import(s) from wasmrun_mpi that wasmrun does not provide; 1 import(s) from mystery")

	// A corrupt module: a clear error, no report.
	dir := t.TempDir()
	cut := filepath.Join(dir, "cut.wasm")
	require.NoError(t, os.WriteFile(cut, data[:len(data)/3], 0o644))
	res = wr(t, "inspect", cut)
	require.Equal(t, 1, res.Code)
	require.Regexp(t, `^wasmrun: .*cut\.wasm: section \d+ at offset \d+: size \d+ runs past the end of the file`, res.Stderr)
	require.Empty(t, res.Stdout)
	notWasm := filepath.Join(dir, "script.wasm")
	require.NoError(t, os.WriteFile(notWasm, []byte("#!/bin/sh\n"), 0o644))
	res = wr(t, "inspect", notWasm)
	require.Equal(t, 1, res.Code)
	require.Contains(t, res.Stderr, "not a WebAssembly module")
}

func TestSignedModules(t *testing.T) {
	dir := t.TempDir()
	prog := build(t, "wasm", "testdata/ops_ring.c")
	other := build(t, "wasm", "testdata/exitcode.c")
	key, otherKey := filepath.Join(dir, "site"), filepath.Join(dir, "rogue")
	for _, k := range []string{key, otherKey} {
		res := wr(t, "keygen", k)
		require.Equal(t, 0, res.Code, res.Stderr)
		require.Regexp(t, `key SHA256:\S+`, res.Stdout)
	}
	st, err := os.Stat(key + ".key")
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	res := wr(t, "keygen", key)
	require.Equal(t, 1, res.Code, "keygen never overwrites a key")
	require.Contains(t, res.Stderr, "file exists")

	signed := filepath.Join(dir, "ring.wasm")
	res = wr(t, "sign", "--key", key+".key", "-o", signed, prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	res = wr(t, "verify", "--key", key+".pub", signed)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Contains(t, res.Stdout, "unchanged since")
	res = wr(t, "inspect", "--key", key+".pub", signed)
	require.Contains(t, res.Stdout, "verified with the trusted key")

	// In place, keeping the file one file that still runs.
	inPlace := filepath.Join(dir, "inplace.wasm")
	data, err := os.ReadFile(other)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(inPlace, data, 0o755))
	res = wr(t, "sign", "--key", key+".key", inPlace)
	require.Equal(t, 0, res.Code, res.Stderr)
	res = wr(t, "--verify-key", key+".pub", inPlace, "3")
	require.Equal(t, 3, res.Code, res.Stderr)

	ring, err := os.ReadFile(signed)
	require.NoError(t, err)
	tampered := filepath.Join(dir, "tampered.wasm")
	mod := bytes.Clone(ring)
	i := bytes.Index(mod, []byte("ring of %d"))
	require.Positive(t, i)
	mod[i] = 'R' // the guest's own data: it would still run, and print "Ring"
	require.NoError(t, os.WriteFile(tampered, mod, 0o644))
	res = wr(t, "inspect", tampered)
	require.Contains(t, res.Stdout, "signature  tampered")

	// A signature over other bytes, moved onto this module.
	moved := filepath.Join(dir, "moved.wasm")
	otherSigned, err := os.ReadFile(inPlace)
	require.NoError(t, err)
	section := otherSigned[len(data):]
	require.NoError(t, os.WriteFile(moved, append(bytes.Clone(ring[:len(ring)-len(section)]), section...), 0o644))

	foreign := filepath.Join(dir, "foreign.wasm")
	res = wr(t, "sign", "--key", otherKey+".key", "-o", foreign, prog)
	require.Equal(t, 0, res.Code, res.Stderr)

	junk := filepath.Join(dir, "junk.pub")
	require.NoError(t, os.WriteFile(junk, []byte("ssh-ed25519 AAAA... user@host\n"), 0o644))

	for _, tc := range []struct {
		name string
		args []string
		env  []string
		want string
	}{
		{"unsigned", []string{"--verify-key", key + ".pub", prog}, nil, "refused: module is not signed"},
		{"tampered", []string{"--verify-key", key + ".pub", tampered}, nil, "refused: signature does not match the module"},
		{"signature over other bytes", []string{"--verify-key", key + ".pub", moved}, nil, "refused: signature does not match the module"},
		{"another key", []string{"--verify-key", key + ".pub", foreign}, nil, "refused: module is signed by another key"},
		{"from the environment", []string{prog}, []string{"WASMRUN_VERIFY_KEY=" + key + ".pub"}, "$WASMRUN_VERIFY_KEY=" + key + ".pub"},
		{"the flag wins over the environment", []string{"--verify-key", otherKey + ".pub", signed}, []string{"WASMRUN_VERIFY_KEY=" + key + ".pub"}, "signed by another key"},
		{"private key given to verify", []string{"--verify-key", key + ".key", signed}, nil, "a private key; verifying takes the public key"},
		{"not a key file", []string{"--verify-key", junk, signed}, nil, "not a PEM key file"},
		{"missing key file", []string{"--verify-key", filepath.Join(dir, "none.pub"), signed}, nil, "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, tc.env, wasmrun, tc.args...)
			require.Equal(t, 1, res.Code, res.Stderr)
			require.Contains(t, res.Stderr, tc.want)
			require.Empty(t, res.Stdout, "nothing of the module ran")
			require.NotContains(t, res.Stderr, "goroutine")
		})
	}
	res = wr(t, "verify", "--key", key+".pub", tampered)
	require.Equal(t, 1, res.Code)
	require.Contains(t, res.Stderr, "signature does not match the module")
	res = wr(t, "sign", "--key", key+".pub", prog)
	require.Equal(t, 1, res.Code)
	require.Contains(t, res.Stderr, "a public key; signing needs the private key")
	res = wr(t, "sign", "--key", junk, prog)
	require.Equal(t, 1, res.Code)
	require.Contains(t, res.Stderr, "not a PEM key file")

	// Under the launchers: a refused module ends every rank, a signed one
	// runs as it would unsigned.
	forHosts(t, func(t *testing.T, h *host) {
		res := h.run(t, 2, h.wasmrun, "--verify-key", key+".pub", tampered)
		require.NotEqual(t, 0, res.Code)
		require.Contains(t, res.Stderr, "refused")
		require.NotContains(t, res.Stdout, "ing of")
		res = h.run(t, 2, h.wasmrun, "--verify-key", key+".pub", signed)
		require.Equal(t, 0, res.Code, res.Stderr)
		require.Equal(t, "ring of 2: token 4\nrank 0: 100\nrank 1: 101\n", res.Stdout)
	})
}

// bigSource writes a C program of n functions, to give the compiler work.
func bigSource(t *testing.T, n int) string {
	var b strings.Builder
	b.WriteString("#include <stdio.h>\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "__attribute__((noinline)) double f%d(double *x, int n) {\n  double s = %d.0;\n"+
			"  for (int k = 0; k < n; k++) { s += x[k] * %d.5 - (double)(k ^ %d); if (s > 1e9) s = s / 3.0 + x[(k * %d) %% n]; }\n  return s;\n}\n",
			i, i, i%7+1, i, i%13+1)
	}
	b.WriteString("typedef double (*fn)(double *, int);\nstatic fn tab[] = {")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "f%d,", i)
	}
	fmt.Fprintf(&b, "};\nint main(void) {\n  double x[16], s = 0;\n  for (int i = 0; i < 16; i++) x[i] = i;\n"+
		"  for (int i = 0; i < %d; i++) s += tab[i](x, 16);\n  printf(\"%%.1f\\n\", s);\n  return 0;\n}\n", n)
	p := filepath.Join(work, fmt.Sprintf("big%d.c", n))
	require.NoError(t, os.WriteFile(p, []byte(b.String()), 0o644))
	return p
}

// cacheState lists a cache with `wasmrun cache ls --json`.
func cacheState(t *testing.T, dir string) []struct {
	Name      string
	Complete  bool
	Usable    bool
	Leftovers int
} {
	t.Helper()
	res := wr(t, "cache", "ls", "--json", "--cache", dir)
	require.Equal(t, 0, res.Code, res.Stderr)
	var entries []struct {
		Name      string
		Complete  bool
		Usable    bool
		Leftovers int
	}
	require.NoError(t, json.Unmarshal([]byte(res.Stdout), &entries), res.Stdout)
	return entries
}

func TestCompileAheadOfTime(t *testing.T) {
	prog := build(t, "wasm", "testdata/ops_ring.c")
	cache := filepath.Join(t.TempDir(), "cache")
	res := wr(t, "compile", "--cache", cache, prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Contains(t, res.Stdout, ": compiled in ")
	res = wr(t, "cache", "ls", "--cache", cache)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Contains(t, res.Stdout, filepath.Base(prog))
	require.Contains(t, res.Stdout, "usable here")
	// A job then starts without compiling: every rank loads.
	res = mpirun(t, 4, wasmrun, "-v", "--cache", cache, prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Equal(t, 4, strings.Count(res.Stderr, ": loaded from the cache in"), res.Stderr)
	require.Contains(t, res.Stdout, "ring of 4: token 45")

	// An entry damaged on disk (cut short) is compiled again, once.
	entries, err := filepath.Glob(filepath.Join(cache, "code", "*", "*", "*", "wazero-*", "*"))
	require.NoError(t, err)
	require.Len(t, entries, 1)
	require.NoError(t, os.Truncate(entries[0], 100))
	res = mpirun(t, 2, wasmrun, "-v", "--cache", cache, prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Equal(t, 1, strings.Count(res.Stderr, "is damaged"), res.Stderr)
	require.Equal(t, 1, strings.Count(res.Stderr, ": compiled in"), res.Stderr)
	require.Equal(t, 1, strings.Count(res.Stderr, ": loaded from the cache in"), res.Stderr)
	require.Contains(t, res.Stdout, "ring of 2: token 4")

	res = wr(t, "compile", "--cache", cache, filepath.Join(t.TempDir(), "absent.wasm"))
	require.Equal(t, 1, res.Code)
	require.Contains(t, res.Stderr, "no such file")
	res = wr(t, "cache", "clean", "--all", "--cache", cache)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Contains(t, res.Stdout, "removed 1 entries")
	require.Empty(t, cacheState(t, cache))
}

func TestCompileRacing(t *testing.T) {
	prog := build(t, "wasm", "testdata/ops_ring.c", "-DRACE")
	cache := filepath.Join(t.TempDir(), "cache")
	const n = 8
	outs := make([]result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i] = wr(t, "compile", "--cache", cache, prog)
		}()
	}
	wg.Wait()
	compiled := 0
	for _, o := range outs {
		require.Equal(t, 0, o.Code, o.Stderr)
		if strings.Contains(o.Stdout, ": compiled in") {
			compiled++
		} else {
			require.Contains(t, o.Stdout, "already compiled")
		}
	}
	require.Equal(t, 1, compiled, "eight processes at once compile once")
	require.Len(t, cacheState(t, cache), 1)

	// Eight ranks starting together on an empty cache: one compiles.
	cold := filepath.Join(t.TempDir(), "cold")
	res := mpirun(t, 8, wasmrun, "-v", "--cache", cold, prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Equal(t, 1, strings.Count(res.Stderr, ": compiled in"), res.Stderr)
	require.Equal(t, 7, strings.Count(res.Stderr, ": loaded from the cache in"), res.Stderr)
	require.Len(t, cacheState(t, cold), 1)
}

// TestCompileKilled kills compiles at moments spread over their run, and
// once as soon as the entry's temporary file appears: the cache never
// serves a partial entry, and the next run is right.
func TestCompileKilled(t *testing.T) {
	prog := build(t, "wasm", bigSource(t, 1500), "-O1")
	want := wr(t, "--no-cache", prog)
	require.Equal(t, 0, want.Code, want.Stderr)
	start := time.Now()
	res := wr(t, "compile", "--cache", filepath.Join(t.TempDir(), "timing"), prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	full := time.Since(start)

	for i, delay := range []time.Duration{0, full / 4, full / 2, full * 3 / 4, -1} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			cache := filepath.Join(t.TempDir(), "cache")
			cmd := exec.Command(wasmrun, "compile", "--cache", cache, prog)
			require.NoError(t, cmd.Start())
			if delay >= 0 {
				time.Sleep(delay)
			} else {
				// Until wazero writes its temporary file (or finishes).
				deadline := time.Now().Add(time.Minute)
				for time.Now().Before(deadline) {
					tmps, _ := filepath.Glob(filepath.Join(cache, "code", "*", "*", "*", "wazero-*", "*.tmp"))
					if len(tmps) > 0 || cmd.ProcessState != nil {
						break
					}
					time.Sleep(200 * time.Microsecond)
				}
			}
			require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
			_ = cmd.Wait()
			before := cacheState(t, cache)
			for _, e := range before {
				t.Logf("after the kill at %v: complete %v, leftovers %d", delay, e.Complete, e.Leftovers)
			}
			res := wr(t, "-v", "--cache", cache, prog)
			require.Equal(t, 0, res.Code, res.Stderr)
			require.Equal(t, want.Stdout, res.Stdout)
			if len(before) == 0 || !before[0].Complete {
				require.Contains(t, res.Stderr, ": compiled in", "an incomplete entry is not served")
			}
			after := cacheState(t, cache)
			require.Len(t, after, 1)
			require.True(t, after[0].Complete && after[0].Usable)
			require.Zero(t, after[0].Leftovers, "the next compile clears what the killed one left")
		})
	}
}

// TestCacheFull fills the cache: a file size limit (as a full disk would)
// makes writing the compiled code fail half way.
func TestCacheFull(t *testing.T) {
	// Not an MPI program: Open MPI's start-up writes files too.
	prog := build(t, "wasm", "testdata/exitcode.c", "-DFULL")
	cache := filepath.Join(t.TempDir(), "cache")
	limited := func(args ...string) result {
		return run(t, nil, "bash", append([]string{"-c", `ulimit -f 16 && exec "$@"`, "bash", wasmrun}, args...)...)
	}
	res := limited("compile", "--cache", cache, prog)
	require.Equal(t, 1, res.Code)
	require.Regexp(t, `^wasmrun: compile .*: write cache .*: file too large`, res.Stderr)
	for _, e := range cacheState(t, cache) {
		require.False(t, e.Complete)
		require.Zero(t, e.Leftovers, "no half-written entry stays")
	}
	// A run goes on, compiling in memory, and says why.
	res = limited("--cache", cache, prog, "4")
	require.Equal(t, 4, res.Code, res.Stderr)
	require.Contains(t, res.Stdout, "arg[1]=4")
	require.Contains(t, res.Stderr, "wasmrun: warning: cannot write cache")
	// With room again, the entry is written.
	res = wr(t, "compile", "--cache", cache, prog)
	require.Equal(t, 0, res.Code, res.Stderr)
	require.Contains(t, res.Stdout, ": compiled in")
}

// TestCacheReadOnly: a cache prepared ahead of time and then read-only
// (shared storage mounted read-only on the nodes) serves what it holds;
// `wasmrun compile` into it fails clearly and runs of other modules compile
// in memory. Root writes to read-only directories, so as root the runs
// are made as the user nobody.
func TestCacheReadOnly(t *testing.T) {
	dir, err := os.MkdirTemp("", "wasmrun-ro-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	require.NoError(t, os.Chmod(dir, 0o755))
	copyModule := func(src, name string) string {
		data, err := os.ReadFile(src)
		require.NoError(t, err)
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	prog := copyModule(build(t, "wasm", "testdata/exitcode.c"), "app.wasm")
	other := copyModule(build(t, "wasm", "testdata/exitcode.c", "-DOTHER"), "other.wasm")
	bin := copyModule(wasmrun, "wasmrun")
	require.NoError(t, os.Chmod(bin, 0o755))
	cache := filepath.Join(dir, "cache")
	res := wr(t, "compile", "--cache", cache, prog)
	require.Equal(t, 0, res.Code, res.Stderr)

	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
	} else {
		require.NoError(t, filepath.Walk(cache, func(p string, info os.FileInfo, err error) error {
			if err == nil && info.IsDir() {
				err = os.Chmod(p, 0o555)
			}
			return err
		}))
		t.Cleanup(func() {
			filepath.Walk(cache, func(p string, info os.FileInfo, err error) error {
				if err == nil && info.IsDir() {
					os.Chmod(p, 0o755)
				}
				return nil
			})
		})
	}
	as := func(args ...string) result {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CACHE_HOME="+filepath.Join(dir, "nocache"))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		res := result{Stdout: stdout.String(), Stderr: stderr.String()}
		if exit, ok := err.(*exec.ExitError); ok {
			res.Code = exit.ExitCode()
		} else {
			require.NoError(t, err)
		}
		return res
	}
	res = as("-v", "--cache", cache, prog, "5")
	require.Equal(t, 5, res.Code, res.Stderr)
	require.Contains(t, res.Stderr, ": loaded from the cache in")
	require.NotContains(t, res.Stderr, "warning")

	res = as("compile", "--cache", cache, other)
	require.Equal(t, 1, res.Code)
	require.Contains(t, res.Stderr, "wasmrun: cache "+cache+" is not writable")

	res = as("--cache", cache, other, "6")
	require.Equal(t, 6, res.Code, res.Stderr)
	require.Contains(t, res.Stderr, "wasmrun: warning: cache "+cache+" is not writable")
	require.Contains(t, res.Stderr, "compiling in memory")
}

// TestDoctor runs `wasmrun doctor` on this node (which runs the MPI tests,
// so it must pass) and on one whose PATH has no launcher.
func TestDoctor(t *testing.T) {
	forHosts(t, func(t *testing.T, h *host) {
		res := h.wr(t, "doctor", "--cache", filepath.Join(t.TempDir(), "cache"))
		t.Logf("wasmrun doctor over %s:\n%s", h.name, res.Stdout)
		require.Equal(t, 0, res.Code, res.Stdout+res.Stderr)
		for _, check := range []string{"cpu", "mpi", "launcher", "opencl", "cuda", "cache", "privilege"} {
			require.Regexp(t, `(?m)^\[( ok |warn| -- )\] `+check+` `, res.Stdout)
		}
		require.Contains(t, res.Stdout, "[ ok ] mpi        "+h.name+" plugin over ")
		require.Regexp(t, `(?m)^\[ ok \] mpi .*: `+h.library+`.*chosen by \$WASMRUN_MPI`, res.Stdout)
		require.Contains(t, res.Stdout, "verdict: this node can run MPI jobs")

		res = run(t, []string{"PATH=" + t.TempDir()}, h.wasmrun, "doctor")
		require.Equal(t, 1, res.Code, res.Stdout)
		require.Contains(t, res.Stdout, "[FAIL] launcher")
		require.Contains(t, res.Stdout, "verdict: this node cannot run MPI jobs under wasmrun (launcher)")

		res = h.wr(t, "doctor", "--json")
		var out struct {
			CanRunMPI bool
			Checks    []struct{ Name, Verdict string }
		}
		require.NoError(t, json.Unmarshal([]byte(res.Stdout), &out))
		require.True(t, out.CanRunMPI)
	})
}

// TestLaunchers runs the same module under each family's mpirun and
// mpiexec (the standard's launcher name and -n), compared with the native
// build under the same launcher.
func TestLaunchers(t *testing.T) {
	prog := build(t, "wasm", "testdata/ops_ring.c")
	forHosts(t, func(t *testing.T, h *host) {
		native := build(t, h.mpicc, "testdata/ops_ring.c")
		mpiexec := strings.Replace(h.mpirun[0], "mpirun", "mpiexec", 1)
		for _, launcher := range [][]string{h.mpirun, slices.Concat([]string{mpiexec}, h.mpirun[1:])} {
			t.Run(filepath.Base(launcher[0]), func(t *testing.T) {
				args := slices.Concat(launcher[1:], []string{"-n", "3"})
				want := run(t, h.env, launcher[0], slices.Concat(args, []string{native})...)
				require.Equal(t, 0, want.Code, want.Stderr)
				got := run(t, h.env, launcher[0], slices.Concat(args, []string{h.wasmrun, prog})...)
				require.Equal(t, 0, got.Code, got.Stderr)
				require.Equal(t, want.Stdout, got.Stdout)
				require.Contains(t, got.Stdout, "ring of 3: token 14")
			})
		}
	})
}
