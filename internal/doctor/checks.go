package doctor

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/cpuid/v2"
	"golang.org/x/sys/unix"
)

// CPU describes the processor and whether wazero compiles to native code
// on it (amd64 needs SSE4.1; arm64 always); otherwise wazero interprets,
// many times slower.
func CPU() Check {
	c := cpuid.CPU
	var feats []string
	for _, f := range []struct {
		name string
		id   cpuid.FeatureID
	}{{"SSE4.1", cpuid.SSE4}, {"SSE4.2", cpuid.SSE42}, {"AVX", cpuid.AVX}, {"AVX2", cpuid.AVX2}, {"FMA", cpuid.FMA3}, {"AVX-512", cpuid.AVX512F}, {"ASIMD", cpuid.ASIMD}} {
		if c.Supports(f.id) {
			feats = append(feats, f.name)
		}
	}
	detail := fmt.Sprintf("%s (%s, %d logical cores, %d features: %s)", strings.TrimSpace(c.BrandName), runtime.GOARCH, c.LogicalCores, len(c.FeatureSet()), strings.Join(feats, " "))
	switch {
	case runtime.GOARCH == "arm64", runtime.GOARCH == "amd64" && c.Supports(cpuid.SSE4):
		return Check{Name: "cpu", Verdict: OK, Detail: detail + "; wazero compiles to native code", Needed: true}
	}
	return Check{Name: "cpu", Verdict: Warn, Detail: detail + "; no wazero compiler for this CPU (amd64 needs SSE4.1): modules are interpreted, many times slower", Needed: true}
}

// MPI reports the host MPI library wasmrun is linked with. library is its
// MPI_Get_library_version, "" if it did not answer.
func MPI(family, library, why string, others []string, err error) Check {
	also := ""
	if len(others) > 0 {
		also = "; also on this node: " + strings.Join(others, ", ")
	}
	if err != nil {
		return Check{Name: "mpi", Verdict: Fail, Detail: err.Error() + also, Needed: true}
	}
	if library == "" || strings.Contains(library, "unknown host MPI") {
		return Check{Name: "mpi", Verdict: Fail, Detail: fmt.Sprintf("the %s library does not answer MPI_Get_library_version%s", family, also), Needed: true}
	}
	return Check{Name: "mpi", Verdict: OK, Detail: fmt.Sprintf("%s plugin over %s (chosen by %s)%s", family, library, why, also), Needed: true}
}

// launcherFamily tells Open MPI's and MPICH's launchers apart by what
// their --version says.
func launcherFamily(version string) string {
	switch {
	case strings.Contains(version, "Open MPI"), strings.Contains(version, "OpenRTE"):
		return "openmpi"
	case strings.Contains(version, "HYDRA"), strings.Contains(version, "MPICH"):
		return "mpich"
	}
	return ""
}

// Launcher looks for an MPI launcher of the family wasmrun is built for:
// plain mpirun or mpiexec when it is of that family, else the family's own
// (mpirun.openmpi, mpirun.mpich), and Slurm's srun.
func Launcher(family string, lookPath func(string) (string, error)) Check {
	var found, other []string
	version := ""
	for _, name := range []string{"mpirun", "mpiexec", "mpirun." + family, "mpiexec." + family} {
		path, err := lookPath(name)
		if err != nil {
			continue
		}
		ver := firstLine(commandOutput(path, "--version"))
		fam := launcherFamily(ver)
		if strings.Contains(name, ".") {
			fam = family
		}
		if fam != family {
			other = append(other, name+" ("+ver+")")
			continue
		}
		found = append(found, name)
		if version == "" && ver != "" {
			version = " (" + ver + ")"
		}
	}
	if len(found) > 0 {
		found[len(found)-1] += version
	}
	var notes []string
	if path, err := lookPath("srun"); err == nil {
		notes = append(notes, "srun at "+path+" (use srun --mpi=pmix)")
	}
	if len(other) > 0 {
		notes = append(notes, "of another MPI: "+strings.Join(other, ", "))
	}
	note := ""
	if len(notes) > 0 {
		note = "; " + strings.Join(notes, "; ")
	}
	switch {
	case len(found) > 0:
		return Check{Name: "launcher", Verdict: OK, Detail: strings.Join(found, ", ") + note, Needed: true}
	case strings.Contains(note, "srun"):
		return Check{Name: "launcher", Verdict: Warn, Detail: "no " + family + " mpirun on PATH" + note, Needed: true}
	}
	return Check{Name: "launcher", Verdict: Fail, Detail: "no mpirun or mpiexec of " + family + " on PATH" + note, Needed: true}
}

func commandOutput(path string, args ...string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, _ := exec.CommandContext(ctx, path, args...).CombinedOutput()
	return string(out)
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// Cache reports the compiled-code cache directory: whether it exists and
// can be written, its free space, and how many entries this node can use.
func Cache(dir string, usable int) Check {
	c := Check{Name: "cache", Detail: dir + ": "}
	st, err := os.Stat(dir)
	parent := dir
	switch {
	case err == nil && !st.IsDir():
		c.Verdict, c.Detail = Warn, c.Detail+"not a directory: runs compile in memory"
		return c
	case err == nil:
		c.Detail += fmt.Sprintf("entries usable here: %d, ", usable)
	case os.IsNotExist(err):
		c.Detail += "not created yet (the first run creates it), "
		for {
			parent = filepath.Dir(parent)
			if _, err := os.Stat(parent); err == nil || parent == filepath.Dir(parent) {
				break
			}
		}
	default:
		c.Verdict, c.Detail = Warn, c.Detail+err.Error()
		return c
	}
	var fs unix.Statfs_t
	if err := unix.Statfs(parent, &fs); err == nil {
		free := fs.Bavail * uint64(fs.Bsize)
		c.Detail += fmt.Sprintf("%.1f GiB free", float64(free)/(1<<30))
		if free < 256<<20 {
			c.Verdict = Warn
			c.Detail += " (little: a large module's code takes tens of MB)"
		}
	}
	if err := unix.Access(parent, unix.W_OK); err != nil {
		c.Verdict = Warn
		c.Detail += ", not writable (" + err.Error() + "): runs use the entries there and compile the rest in memory"
	} else {
		c.Detail += ", writable"
	}
	return c
}

// Privilege checks that wasmrun runs as an ordinary user: it needs no root,
// no capabilities and no setuid bit.
func Privilege() Check {
	caps := effectiveCaps()
	euid := os.Geteuid()
	c := Check{Name: "privilege", Verdict: OK}
	exe, _ := os.Executable()
	setuid := false
	if st, err := os.Stat(exe); err == nil && st.Mode()&(os.ModeSetuid|os.ModeSetgid) != 0 {
		setuid = true
	}
	switch {
	case setuid:
		c.Verdict = Warn
		c.Detail = exe + " is setuid or setgid: wasmrun needs no privilege, remove the bit (chmod u-s,g-s)"
	case euid == 0:
		c.Verdict = Warn
		c.Detail = "running as root (uid 0): wasmrun needs no privilege; run it as an ordinary user"
	case caps != 0:
		c.Verdict = Warn
		c.Detail = fmt.Sprintf("uid %d with capabilities 0x%x: wasmrun needs none", euid, caps)
	default:
		c.Detail = fmt.Sprintf("uid %d, no capabilities, no setuid bit: wasmrun needs no privilege", euid)
	}
	return c
}

// effectiveCaps reads CapEff from /proc/self/status (0 where unknown).
func effectiveCaps() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "CapEff:"); ok {
			n, _ := strconv.ParseUint(strings.TrimSpace(v), 16, 64)
			return n
		}
	}
	return 0
}
