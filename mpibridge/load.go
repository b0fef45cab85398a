package mpibridge

// #cgo CFLAGS: -O2 -Wall
// #cgo LDFLAGS: -ldl
// #include <stdlib.h>
// int wr_load(const char *lib, const char *marker, const char *plugin, char *err, int cap);
// int wr_lib_probe(const char *lib, const char *marker);
import "C"

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// wasmrun links no MPI library. The C layer over the host MPI is a plugin
// per MPI family (the C files of plugin/ built against that family's mpi.h
// into plugin/lib/GOARCH/FAMILY.so by `make build` and `make dist`),
// embedded here. The first MPI call
// of a module chooses the family, opens the host library with its symbols
// global, loads the plugin from an anonymous in-memory file (nothing is
// written to disk, so no cache directory or stale file is involved) and
// binds dispatch.c's stubs to it.

// EnvVar names the environment variable that chooses the host MPI, as
// the --mpi flag does (the flag wins).
const EnvVar = "WASMRUN_MPI"

// family is an MPI ABI: the libraries that provide it, in the order they
// are tried, and a symbol only its libraries export.
type family struct {
	name, what string
	libs       []string
	marker     string
}

var families = []family{
	{"openmpi", "Open MPI", []string{"libmpi.so.40"}, "ompi_mpi_comm_world"},
	{"mpich", "MPICH ABI (MPICH, MVAPICH, Intel MPI, Cray MPICH)", []string{"libmpich.so.12", "libmpi.so.12"}, "MPIR_Err_return_comm"},
}

func familyNamed(name string) (family, bool) {
	for _, f := range families {
		if f.name == name {
			return f, true
		}
	}
	return family{}, false
}

// Choice is the host MPI wasmrun uses: its family, the library and why.
type Choice struct {
	Family  string // "openmpi" or "mpich"
	Library string // what is passed to dlopen
	Why     string // how it was chosen
}

// Choose picks the host MPI from spec (the --mpi flag: "openmpi",
// "mpich", "FAMILY:PATH" or a library PATH whose name tells its family),
// else $WASMRUN_MPI, else the launcher's environment, else the first
// family whose library loads. It opens the library it picks.
func Choose(spec string) (Choice, error) {
	why := "--mpi=" + spec
	if spec == "" {
		spec, why = os.Getenv(EnvVar), "$"+EnvVar
	}
	if spec != "" {
		return chooseSpec(spec, why)
	}
	if name, v := launcherFamily(); name != "" {
		f, _ := familyNamed(name)
		c, err := firstLoading(f)
		if err != nil {
			return Choice{}, fmt.Errorf("launched by %s's launcher (%s), but %w", f.what, v, err)
		}
		c.Why = "launcher (" + v + ")"
		return c, nil
	}
	var tried []string
	for _, f := range families {
		if c, err := firstLoading(f); err == nil {
			c.Why = "the first MPI library found"
			return c, nil
		}
		tried = append(tried, strings.Join(f.libs, " or ")+" ("+f.what+")")
	}
	return Choice{}, fmt.Errorf("no MPI library found: looked for %s on the loader's path; install one, add its directory to LD_LIBRARY_PATH, or name it with --mpi=PATH or $%s", strings.Join(tried, ", "), EnvVar)
}

func chooseSpec(spec, why string) (Choice, error) {
	if f, ok := familyNamed(spec); ok {
		c, err := firstLoading(f)
		if err != nil {
			return Choice{}, fmt.Errorf("%s: %w", why, err)
		}
		c.Why = why
		return c, nil
	}
	name, path, explicit := strings.Cut(spec, ":")
	if !explicit {
		name, path = "", spec
	}
	if !strings.Contains(path, "/") {
		return Choice{}, fmt.Errorf("%s: %q is neither openmpi, mpich nor a library path", why, spec)
	}
	if _, err := os.Stat(path); err != nil {
		return Choice{}, fmt.Errorf("%s: %w", why, err)
	}
	if name == "" {
		base := filepath.Base(path)
		for _, f := range families {
			for _, l := range f.libs {
				if strings.HasPrefix(base, l) {
					name = f.name
				}
			}
		}
		if name == "" {
			return Choice{}, fmt.Errorf("%s: cannot tell the MPI family of %s from its name: write openmpi:%s or mpich:%s", why, path, path, path)
		}
	}
	f, ok := familyNamed(name)
	if !ok {
		return Choice{}, fmt.Errorf("%s: unknown MPI family %q (openmpi or mpich)", why, name)
	}
	return Choice{Family: f.name, Library: path, Why: why}, nil
}

// CheckSpec checks the form of a --mpi value without loading anything, so
// that a wrong one is reported before the module runs.
func CheckSpec(spec string) error {
	if _, ok := familyNamed(spec); ok || spec == "" {
		return nil
	}
	_, err := chooseSpec(spec, "--mpi="+spec)
	return err
}

// Available lists the families whose library loads on this node.
func Available() []Choice {
	var out []Choice
	for _, f := range families {
		if c, err := firstLoading(f); err == nil {
			out = append(out, c)
		}
	}
	return out
}

// firstLoading is the first library of f that loads.
func firstLoading(f family) (Choice, error) {
	marker := C.CString(f.marker)
	defer C.free(unsafe.Pointer(marker))
	for _, l := range f.libs {
		cl := C.CString(l)
		ok := C.wr_lib_probe(cl, marker) != 0
		C.free(unsafe.Pointer(cl))
		if ok {
			return Choice{Family: f.name, Library: l}, nil
		}
	}
	return Choice{}, fmt.Errorf("no %s library (%s) could be loaded", f.what, strings.Join(f.libs, " or "))
}

// launcherFamily names the family whose launcher started this process, and
// the variable that says so.
func launcherFamily() (string, string) {
	for _, v := range []struct{ env, family string }{
		{"OMPI_COMM_WORLD_SIZE", "openmpi"}, // Open MPI's mpirun
		{"PMI_RANK", "mpich"},               // Hydra's mpiexec, srun --mpi=pmi2
		{"PMI_FD", "mpich"},
	} {
		if os.Getenv(v.env) != "" {
			return v.family, v.env
		}
	}
	return "", ""
}

var (
	loadOnce sync.Once
	loaded   Choice
	loadErr  error
)

// Load chooses the host MPI (see Choose) and loads its plugin, once per
// process; later calls return the first result.
func Load(spec string) (Choice, error) {
	loadOnce.Do(func() { loaded, loadErr = load(spec) })
	return loaded, loadErr
}

// Loaded is the host MPI in use, if Load succeeded.
func Loaded() (Choice, bool) {
	if loadErr != nil || loaded.Family == "" {
		return Choice{}, false
	}
	return loaded, true
}

func load(spec string) (Choice, error) {
	c, err := Choose(spec)
	if err != nil {
		return Choice{}, err
	}
	f, _ := familyNamed(c.Family)
	so, err := plugins.ReadFile(pluginDir + "/" + c.Family + ".so")
	if errors.Is(err, os.ErrNotExist) {
		return Choice{}, fmt.Errorf("this wasmrun was built without its %s plugin for %s (build it with make build, or make dist)", f.what, runtime.GOARCH)
	}
	if err != nil {
		return Choice{}, err
	}
	fd, err := unix.MemfdCreate("wasmrun-mpi-"+c.Family, unix.MFD_CLOEXEC)
	if err != nil {
		return Choice{}, fmt.Errorf("load the %s plugin: %w", f.what, err)
	}
	file := os.NewFile(uintptr(fd), "wasmrun-mpi-"+c.Family)
	defer file.Close() // dlopen maps it; the mapping outlives the descriptor
	if _, err := file.Write(so); err != nil {
		return Choice{}, fmt.Errorf("load the %s plugin: %w", f.what, err)
	}
	lib, marker, path := C.CString(c.Library), C.CString(f.marker), C.CString(fmt.Sprintf("/proc/self/fd/%d", fd))
	defer C.free(unsafe.Pointer(lib))
	defer C.free(unsafe.Pointer(marker))
	defer C.free(unsafe.Pointer(path))
	var msg [512]C.char
	if C.wr_load(lib, marker, path, &msg[0], C.int(len(msg))) != 0 {
		return Choice{}, fmt.Errorf("%s (chosen by %s): %s", f.what, c.Why, C.GoString(&msg[0]))
	}
	return c, nil
}
