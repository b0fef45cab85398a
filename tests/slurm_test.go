package tests

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// slurm is a single-node Slurm cluster (munged, slurmctld and slurmd from
// Debian's slurm-wlm, started in the foreground) private to one test.
type slurm struct {
	conf string
	env  []string
}

// startSlurm starts the cluster and waits for its node to be idle; the
// daemons are stopped when the test ends.
func startSlurm(t *testing.T) *slurm {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("slurmd starts jobs as their owner and must run as root")
	}
	for _, p := range []string{"munged", "slurmctld", "slurmd", "srun", "sinfo"} {
		_, err := exec.LookPath(p)
		require.NoError(t, err, "%s: install slurmd, slurmctld, slurm-client and munge (scripts/install-deps.sh)", p)
	}
	dir, err := os.MkdirTemp("", "wasmrun-slurm-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	for _, d := range []string{"state", "spool"} {
		require.NoError(t, os.Mkdir(filepath.Join(dir, d), 0o700))
	}
	key := make([]byte, 1024)
	f, err := os.Open("/dev/urandom")
	require.NoError(t, err)
	_, err = f.Read(key)
	f.Close()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "munge.key"), key, 0o600))
	host, err := os.Hostname()
	require.NoError(t, err)
	host, _, _ = strings.Cut(host, ".")
	ports := freePorts(t, 2)
	conf := filepath.Join(dir, "slurm.conf")
	require.NoError(t, os.WriteFile(conf, []byte(fmt.Sprintf(`ClusterName=wasmrun
SlurmctldHost=%[1]s
SlurmUser=root
SlurmdUser=root
SlurmctldPort=%[3]d
SlurmdPort=%[4]d
AuthType=auth/munge
AuthInfo=socket=%[2]s/munge.sock
CredType=cred/munge
StateSaveLocation=%[2]s/state
SlurmdSpoolDir=%[2]s/spool
SlurmctldPidFile=%[2]s/slurmctld.pid
SlurmdPidFile=%[2]s/slurmd.pid
SlurmctldLogFile=%[2]s/slurmctld.log
SlurmdLogFile=%[2]s/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
SlurmdParameters=config_overrides
NodeName=%[1]s CPUs=8 State=UNKNOWN
PartitionName=wasmrun Nodes=ALL Default=YES MaxTime=10 State=UP OverSubscribe=FORCE
`, host, dir, ports[0], ports[1])), 0o644))

	s := &slurm{conf: conf, env: []string{"SLURM_CONF=" + conf}}
	daemon := func(name string, args ...string) {
		cmd := exec.Command(name, args...)
		cmd.Env = append(os.Environ(), s.env...)
		out, err := os.Create(filepath.Join(dir, name+".out"))
		require.NoError(t, err)
		cmd.Stdout, cmd.Stderr = out, out
		require.NoError(t, cmd.Start(), name)
		t.Cleanup(func() {
			_ = cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan struct{})
			go func() { _ = cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				<-done
			}
			out.Close()
		})
	}
	daemon("munged", "-F", "--force", "--key-file="+filepath.Join(dir, "munge.key"), "--socket="+filepath.Join(dir, "munge.sock"),
		"--pid-file="+filepath.Join(dir, "munged.pid"), "--log-file="+filepath.Join(dir, "munged.log"), "--seed-file="+filepath.Join(dir, "munge.seed"))
	waitFor(t, func() bool { _, err := os.Stat(filepath.Join(dir, "munge.sock")); return err == nil }, "munged")
	daemon("slurmctld", "-D", "-c", "-f", conf)
	daemon("slurmd", "-D", "-f", conf)
	waitFor(t, func() bool {
		cmd := exec.Command("sinfo", "-h", "-o", "%T")
		cmd.Env = append(os.Environ(), s.env...)
		out, _ := cmd.CombinedOutput()
		return strings.TrimSpace(string(out)) == "idle"
	}, "the Slurm node to be idle (logs in "+dir+")")
	return s
}

func waitFor(t *testing.T, ok func() bool, what string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func freePorts(t *testing.T, n int) []int {
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

// TestSlurm runs the same module under srun --mpi=pmix as the native
// build: Slurm starts the ranks, Open MPI's PMIx wires them up, wasmrun
// needs nothing of its own.
func TestSlurm(t *testing.T) {
	s := startSlurm(t)
	prog := build(t, "wasm", "testdata/ops_ring.c")
	native := build(t, hosts[0].mpicc, "testdata/ops_ring.c")
	srun := func(args ...string) result {
		return run(t, s.env, "srun", append([]string{"--mpi=pmix", "-n", "4"}, args...)...)
	}
	want := srun(native)
	require.Equal(t, 0, want.Code, want.Stderr)
	got := srun(wasmrun, prog)
	require.Equal(t, 0, got.Code, got.Stderr)
	require.Equal(t, want.Stdout, got.Stdout)
	require.Contains(t, got.Stdout, "ring of 4: token 45")

	// A trap in one rank ends the job step with the trap's code.
	trap := build(t, "wasm", "testdata/mpi_trap.c")
	res := srun(wasmrun, trap)
	require.NotEqual(t, 0, res.Code)
	require.Contains(t, res.Stderr, "trapped")
}
