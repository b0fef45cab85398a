package tests

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// faultLimit is how long a job may take, from launch to exit, when one rank
// faults or is killed: 4 ranks on a 2-core machine start in about a second.
const faultLimit = 10 * time.Second

// TestMPIFaultEndsJob: a trap, an abort(), a guest out of memory and a fatal
// MPI error in one rank of 4 end the whole job quickly with a non-zero exit
// code, stderr names the rank and the cause, and what every rank wrote to
// stdout and to files before the fault is there, also what the faulting
// rank left in its stdio buffers.
func TestMPIFaultEndsJob(t *testing.T) {
	prog := build(t, "wasm", "testdata/mpi_fault.c")
	forHosts(t, func(t *testing.T, h *host) {
		for _, tc := range []struct {
			mode  string
			code  int
			cause []string
		}{
			{"trap", 134, []string{"wasmrun: rank 1 (", "trapped: integer divide by zero", "divide"}},
			{"abort", 134, []string{"wasmrun: rank 1 (", "trapped: unreachable", "abort"}},
			{"oom", 134, []string{"rank 1: out of memory after", "wasmrun: rank 1 (", "trapped: unreachable"}},
			{"mpierr", 6, []string{"wasmrun: rank 1: MPI_Send: MPI_ERR_RANK"}},
		} {
			t.Run(tc.mode, func(t *testing.T) {
				dir := t.TempDir()
				start := time.Now()
				res := h.run(t, 4, h.wasmrun, "--max-memory", "256MiB", "--dir", dir+":/out", prog, tc.mode, "/out")
				took := time.Since(start)
				require.Less(t, took, faultLimit, "the job took %v to end", took)
				require.Equal(t, tc.code, res.Code, res.Stderr)
				for _, c := range tc.cause {
					require.Contains(t, res.Stderr, c)
				}
				require.NotContains(t, res.Stderr, "goroutine", "no Go panic")
				requireWritten(t, res.Stdout, dir)
				require.NotContains(t, res.Stdout, "not reached")
				requireNoProcess(t, h.wasmrun, prog)
			})
		}
	})
}

// requireWritten checks that each of the 4 ranks' line is in stdout and its
// file in dir is complete.
func requireWritten(t *testing.T, stdout, dir string) {
	t.Helper()
	// MPICH's launcher may interleave the ranks' lines within a line:
	// wazero writes a line that stdio hands over in two pieces (writev) as
	// two writes.
	require.Equal(t, 4, strings.Count(stdout, " before the fault\n"), stdout)
	for r := range 4 {
		require.Contains(t, stdout, fmt.Sprintf("rank %d", r))
		got, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("rank.%d", r)))
		require.NoError(t, err)
		require.Equal(t, fmt.Sprintf("rank %d wrote this before the fault\n", r), string(got))
	}
}

// requireNoProcess fails if a process of bin running prog is still alive.
func requireNoProcess(t *testing.T, bin, prog string) {
	t.Helper()
	var left []string
	deadline := time.Now().Add(2 * time.Second)
	for {
		left = processes(bin, prog)
		if len(left) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	require.Empty(t, left, "processes left behind")
}

// processes lists the pids (and command lines) of live processes of bin
// (the program itself, not a launcher) running prog.
func processes(bin, prog string) []string {
	var out []string
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		args := strings.Split(string(cmdline), "\x00")
		if args[0] == bin && slices.Contains(args, prog) && !zombie(e.Name()) {
			out = append(out, e.Name()+": "+strings.Join(args, " "))
		}
	}
	return out
}

func zombie(pid string) bool {
	stat, err := os.ReadFile(filepath.Join("/proc", pid, "stat"))
	if err != nil {
		return true
	}
	i := bytes.LastIndexByte(stat, ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] == 'Z'
}

// rankProcess returns the pid of the process of rank r running prog.
func rankProcess(t *testing.T, prog string, r int) int {
	t.Helper()
	want := []string{fmt.Sprintf("OMPI_COMM_WORLD_RANK=%d", r), fmt.Sprintf("PMI_RANK=%d", r)}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil || !slices.Contains(strings.Split(string(cmdline), "\x00"), prog) {
			continue
		}
		env, err := os.ReadFile(filepath.Join("/proc", e.Name(), "environ"))
		if err != nil {
			continue
		}
		vars := strings.Split(string(env), "\x00")
		if slices.Contains(vars, want[0]) || slices.Contains(vars, want[1]) {
			var pid int
			fmt.Sscan(e.Name(), &pid)
			return pid
		}
	}
	t.Fatalf("no process of rank %d runs %s", r, prog)
	return 0
}

// job is a launcher running in the background.
type job struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	done           chan struct{}
}

// startJob starts h's launcher with 4 ranks of args and waits until every
// rank wrote dir/ready.R.
func startJob(t *testing.T, h *host, dir string, args ...string) *job {
	t.Helper()
	argv := append(append(slices.Clone(h.mpirun[1:]), "-np", "4"), args...)
	j := &job{cmd: exec.Command(h.mpirun[0], argv...), done: make(chan struct{})}
	j.cmd.Env = append(os.Environ(), h.env...)
	j.cmd.Stdout, j.cmd.Stderr = &j.stdout, &j.stderr
	require.NoError(t, j.cmd.Start())
	go func() { j.cmd.Wait(); close(j.done) }()
	t.Cleanup(func() {
		select {
		case <-j.done:
		default:
			j.cmd.Process.Kill()
			<-j.done
		}
	})
	deadline := time.Now().Add(time.Minute)
	for r := 0; r < 4; {
		if _, err := os.Stat(filepath.Join(dir, fmt.Sprintf("ready.%d", r))); err == nil {
			r++
			continue
		}
		select {
		case <-j.done:
			t.Fatalf("the job ended before every rank was ready:\n%s%s", j.stdout.String(), j.stderr.String())
		default:
		}
		require.True(t, time.Now().Before(deadline), "the ranks never got ready")
		time.Sleep(20 * time.Millisecond)
	}
	return j
}

// wait waits for the job to end within faultLimit of start and returns its
// exit code.
func (j *job) wait(t *testing.T, start time.Time) int {
	t.Helper()
	code, ok := j.waitFor(start.Add(faultLimit))
	if !ok {
		t.Fatalf("the job did not end within %v:\n%s%s", faultLimit, j.stdout.String(), j.stderr.String())
	}
	return code
}

// waitFor waits until deadline for the job to end; it reports false (and
// kills the launcher) if it did not.
func (j *job) waitFor(deadline time.Time) (int, bool) {
	select {
	case <-j.done:
		return j.cmd.ProcessState.ExitCode(), true
	case <-time.After(time.Until(deadline)):
		j.cmd.Process.Kill()
		<-j.done
		return 0, false
	}
}

// TestMPIRankKilled: a rank killed by SIGKILL or sent SIGSEGV by another
// process ends the job with the exit code the native build gets, and no
// wasmrun process is left behind.
func TestMPIRankKilled(t *testing.T) {
	src := "testdata/mpi_fault.c"
	prog := build(t, "wasm", src)
	forHosts(t, func(t *testing.T, h *host) {
		native := build(t, h.mpicc, src)
		for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGSEGV} {
			t.Run(sig.String(), func(t *testing.T) {
				codes := map[string]int{}
				for _, kind := range []string{"native", "wasm"} {
					dir := t.TempDir()
					var j *job
					var target string
					if kind == "native" {
						j, target = startJob(t, h, dir, native, "wait", dir), native
					} else {
						j, target = startJob(t, h, dir, h.wasmrun, "--dir", dir+":/out", prog, "wait", "/out"), prog
					}
					start := time.Now()
					require.NoError(t, syscall.Kill(rankProcess(t, target, 1), sig))
					if kind == "native" {
						code, ended := j.waitFor(start.Add(faultLimit))
						if !ended {
							// MPICH 4.0.2 on Debian: a native rank sent
							// SIGSEGV keeps running and the job hangs.
							// The MPI library's own SIGSEGV handler (installed
							// by MPI_Init over Go's in wasmrun too) keeps the
							// rank alive: there is no native behaviour to match.
							t.Skipf("%s: the native job did not end within %v after %v to rank 1 (the host MPI library's signal handler)", h.name, faultLimit, sig)
						}
						codes[kind] = code
					} else {
						codes[kind] = j.wait(t, start)
					}
					require.NotEqual(t, 0, codes[kind], kind)
					if kind == "wasm" {
						requireWritten(t, j.stdout.String(), dir)
						require.NotContains(t, j.stderr.String(), "goroutine", "no Go panic")
						requireNoProcess(t, h.wasmrun, prog)
					}
				}
				require.Equal(t, codes["native"], codes["wasm"], "exit codes")
			})
		}
	})
}

// TestMPILauncherSignalled: SIGINT or SIGTERM to the launcher stops every
// rank, whether it waits in MPI or computes, the output is there, and no
// wasmrun process is left.
func TestMPILauncherSignalled(t *testing.T) {
	prog := build(t, "wasm", "testdata/mpi_fault.c")
	forHosts(t, func(t *testing.T, h *host) {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			for _, mode := range []string{"wait", "spin"} {
				t.Run(sig.String()+"/"+mode, func(t *testing.T) {
					dir := t.TempDir()
					j := startJob(t, h, dir, h.wasmrun, "--dir", dir+":/out", prog, mode, "/out")
					start := time.Now()
					require.NoError(t, j.cmd.Process.Signal(sig))
					code := j.wait(t, start)
					// Open MPI's mpirun always reports the signal. MPICH
					// 4.0.2's Hydra sometimes exits 0 after forwarding it,
					// natively too (the native mpi_fault built with
					// mpicc.mpich, SIGTERM in wait mode: 1 run in 80 exited
					// 0), so under Hydra only the rest is checked.
					if h.name != "mpich" {
						require.NotEqual(t, 0, code)
					}
					requireWritten(t, j.stdout.String(), dir)
					require.NotContains(t, j.stderr.String(), "goroutine", "no Go panic")
					requireNoProcess(t, h.wasmrun, prog)
				})
			}
		}
	})
}

// TestTimeout: --timeout ends a guest that never returns, alone or as one
// rank of a job, with a message naming the limit, exit code 124 and its
// buffered output flushed.
func TestTimeout(t *testing.T) {
	prog := build(t, "wasm", "testdata/mpi_fault.c")
	spin := build(t, "wasm", "testdata/spin.c")
	res := wr(t, "--timeout", "500ms", spin)
	require.Equal(t, 124, res.Code, res.Stderr)
	require.Equal(t, "spinning\n", res.Stdout)
	require.Contains(t, res.Stderr, "wasmrun: spin.")
	require.Contains(t, res.Stderr, "timed out after 500ms (--timeout)")
	res = wr(t, "--timeout", "-1s", spin)
	require.Equal(t, 1, res.Code)
	require.Contains(t, res.Stderr, "--timeout -1s: want a positive duration")
	forHosts(t, func(t *testing.T, h *host) {
		dir := t.TempDir()
		start := time.Now()
		res := h.run(t, 4, h.wasmrun, "--timeout", "3s", "--dir", dir+":/out", prog, "spin", "/out")
		require.Less(t, time.Since(start), faultLimit+3*time.Second)
		require.Equal(t, 124, res.Code, res.Stderr)
		require.Regexp(t, `wasmrun: rank \d \(mpi_fault\.\d+\.wasm\) timed out after 3s \(--timeout\)`, res.Stderr)
		requireWritten(t, res.Stdout, dir)
		requireNoProcess(t, h.wasmrun, prog)
	})
}
