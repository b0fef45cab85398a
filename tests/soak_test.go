package tests

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSoak runs testdata/soak.c on 4 ranks for WASMRUN_SOAK (a duration,
// e.g. 3m; `make soak` sets it, `make test` leaves it unset and the test is
// skipped) under --max-memory 64MiB, so that a leaked handle would make a
// creation fail within 4096 rounds. It samples the resident memory of every
// wasmrun process every 2 s and requires it flat: after the first quarter
// of the run it may not grow by more than 8 MiB.
func TestSoak(t *testing.T) {
	spec := os.Getenv("WASMRUN_SOAK")
	if spec == "" {
		t.Skip("WASMRUN_SOAK unset: the soak test runs with `make soak`")
	}
	d, err := time.ParseDuration(spec)
	require.NoError(t, err, "WASMRUN_SOAK")
	prog := build(t, "wasm", "testdata/soak.c")
	forHosts(t, func(t *testing.T, h *host) {
		j := &job{done: make(chan struct{})}
		argv := append(append(slices.Clone(h.mpirun[1:]), "-np", "4"), h.wasmrun, "--max-memory", "64MiB", prog, fmt.Sprint(d.Seconds()))
		j.cmd = exec.Command(h.mpirun[0], argv...)
		j.cmd.Env = append(os.Environ(), h.env...)
		j.cmd.Stdout, j.cmd.Stderr = &j.stdout, &j.stderr
		start := time.Now()
		require.NoError(t, j.cmd.Start())
		go func() { j.cmd.Wait(); close(j.done) }()

		rss := map[string][]sample{} // by pid
	sampling:
		for {
			select {
			case <-j.done:
				break sampling
			case <-time.After(2 * time.Second):
			}
			if time.Since(start) > d+2*time.Minute {
				j.cmd.Process.Kill()
				<-j.done
				t.Fatalf("the soak did not end:\n%s%s", j.stdout.String(), j.stderr.String())
			}
			for _, p := range processes(h.wasmrun, prog) {
				pid, _, _ := strings.Cut(p, ":")
				if kb, ok := residentKiB(pid); ok {
					rss[pid] = append(rss[pid], sample{time.Since(start), kb})
				}
			}
		}
		require.Equal(t, 0, j.cmd.ProcessState.ExitCode(), j.stdout.String()+j.stderr.String())
		for r := range 4 {
			require.Regexp(t, fmt.Sprintf(`rank %d: \d+ rounds, all correct`, r), j.stdout.String())
		}
		require.Len(t, rss, 4, "resident memory of 4 wasmrun processes")
		var report strings.Builder
		fmt.Fprintf(&report, "%s, %v, 4 ranks: %s", h.name, d, lastLine(j.stdout.String()))
		fmt.Fprintf(&report, "\n  resident memory (MiB) at 25%%, 50%%, 75%%, end of the run; growth after the first quarter:")
		pids := make([]string, 0, len(rss))
		for pid := range rss {
			pids = append(pids, pid)
		}
		sort.Strings(pids)
		for _, pid := range pids {
			s := rss[pid]
			at := func(f float64) int64 { return s[min(len(s)-1, int(f*float64(len(s))))].kib }
			q, end := at(0.25), s[len(s)-1].kib
			fmt.Fprintf(&report, "\n  pid %s: %.1f %.1f %.1f %.1f  %+.1f (%d samples)", pid,
				mib(q), mib(at(0.5)), mib(at(0.75)), mib(end), mib(end-q), len(s))
			require.Less(t, end-q, int64(8<<10), "pid %s grew by %d KiB after the first quarter", pid, end-q)
		}
		t.Log(report.String())
		if out := os.Getenv("WASMRUN_SOAK_REPORT"); out != "" {
			f, err := os.OpenFile(out, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
			require.NoError(t, err)
			fmt.Fprintln(f, report.String())
			f.Close()
		}
	})
}

type sample struct {
	at  time.Duration
	kib int64
}

func mib(kib int64) float64 { return float64(kib) / 1024 }

// residentKiB reads VmRSS of a process.
func residentKiB(pid string) (int64, bool) {
	f, err := os.Open(filepath.Join("/proc", pid, "status"))
	if err != nil {
		return 0, false
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
