package doctor

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReport(t *testing.T) {
	r := Report{{Name: "cpu", Verdict: OK, Detail: "fine", Needed: true}, {Name: "cuda", Verdict: Absent, Detail: "none"}, {Name: "mpi", Verdict: Fail, Detail: "broken", Needed: true}}
	require.False(t, r.CanRunMPI())
	var b bytes.Buffer
	require.NoError(t, r.Write(&b))
	require.Equal(t, "[ ok ] cpu   fine\n[ -- ] cuda  none\n[FAIL] mpi   broken\nverdict: this node cannot run MPI jobs under wasmrun (mpi)\n", b.String())
	r[2].Verdict = Warn
	require.True(t, r.CanRunMPI())
	r = append(r, Check{Name: "opencl", Verdict: Fail}) // not needed for MPI
	require.True(t, r.CanRunMPI())
}

func TestLauncher(t *testing.T) {
	bin := t.TempDir()
	script := func(name, version string) {
		require.NoError(t, os.WriteFile(filepath.Join(bin, name), []byte("#!/bin/sh\necho '"+version+"'\n"), 0o755))
	}
	script("mpirun", "HYDRA build details:")
	script("mpirun.openmpi", "mpirun.openmpi (OpenRTE) 4.1.4")
	script("srun", "slurm 22.05.8")
	look := func(names ...string) func(string) (string, error) {
		return func(n string) (string, error) {
			for _, m := range names {
				if m == n {
					return filepath.Join(bin, n), nil
				}
			}
			return "", errors.New("not found")
		}
	}
	c := Launcher("openmpi", look("mpirun", "mpirun.openmpi", "srun"))
	require.Equal(t, OK, c.Verdict)
	require.Equal(t, "mpirun.openmpi (mpirun.openmpi (OpenRTE) 4.1.4); srun at "+filepath.Join(bin, "srun")+" (use srun --mpi=pmix); of another MPI: mpirun (HYDRA build details:)", c.Detail)
	c = Launcher("openmpi", look("mpirun"))
	require.Equal(t, Fail, c.Verdict, "plain mpirun of another family")
	c = Launcher("mpich", look("mpirun"))
	require.Equal(t, OK, c.Verdict)
	c = Launcher("openmpi", look("srun"))
	require.Equal(t, Warn, c.Verdict)
	c = Launcher("openmpi", look())
	require.Equal(t, Fail, c.Verdict)
	require.True(t, c.Needed)
}

func TestMPIAndCache(t *testing.T) {
	require.Equal(t, Fail, MPI("mpich", "", "launcher", nil, nil).Verdict)
	require.Equal(t, Fail, MPI("mpich", "unknown host MPI (mpich)", "launcher", nil, nil).Verdict)
	m := MPI("", "", "", []string{"mpich (libmpich.so.12)"}, errors.New("no Open MPI library"))
	require.Equal(t, Fail, m.Verdict)
	require.Contains(t, m.Detail, "also on this node: mpich (libmpich.so.12)")
	require.Equal(t, OK, MPI("openmpi", "Open MPI v4.1.4", "the first MPI library found", nil, nil).Verdict)

	dir := t.TempDir()
	c := Cache(filepath.Join(dir, "a", "b"), 0)
	require.Contains(t, c.Detail, "not created yet")
	require.Contains(t, c.Detail, "writable")
	c = Cache(dir, 3)
	require.Contains(t, c.Detail, "entries usable here: 3")
	file := filepath.Join(dir, "f")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	require.Equal(t, Warn, Cache(file, 0).Verdict)
}

func TestPrivilege(t *testing.T) {
	c := Privilege()
	if os.Geteuid() == 0 {
		require.Equal(t, Warn, c.Verdict)
		require.Contains(t, c.Detail, "running as root")
	} else {
		require.Contains(t, c.Detail, "wasmrun needs")
	}
	require.False(t, c.Needed)
}
