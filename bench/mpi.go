package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// family is a host MPI: its compiler wrapper, its launcher and the wasmrun
// binary built against it. Debian's alternatives decide what plain mpicc
// and mpirun mean when both families are installed, so each is named
// explicitly where it exists.
type family struct {
	name, mpicc, mpirun, wasmrun string
}

func familyFor(name string) (family, error) {
	switch name {
	case "openmpi":
		return family{name, command("mpicc.openmpi", "mpicc"), command("mpirun.openmpi", "mpirun"), "bin/wasmrun"}, nil
	case "mpich":
		return family{name, command("mpicc.mpich", "mpicc"), command("mpirun.mpich", "mpirun"), "bin/wasmrun"}, nil
	}
	return family{}, fmt.Errorf("-mpi %s: use openmpi or mpich", name)
}

// command is the first of names found on PATH, else the last.
func command(names ...string) string {
	for _, n := range names {
		if _, err := exec.LookPath(n); err == nil {
			return n
		}
	}
	return names[len(names)-1]
}

// launch is the launcher's command line for np ranks, before the program.
// Each rank is bound to a core while there are cores enough; beyond that
// the ranks float (and Open MPI must be told to oversubscribe).
func (f family) launch(np int) []string {
	n := strconv.Itoa(np)
	bind := np <= runtime.NumCPU()
	if f.name == "mpich" {
		if bind {
			return []string{f.mpirun, "-bind-to", "core", "-np", n}
		}
		return []string{f.mpirun, "-bind-to", "none", "-np", n}
	}
	if bind {
		return []string{f.mpirun, "--bind-to", "core", "-np", n}
	}
	return []string{f.mpirun, "--oversubscribe", "--bind-to", "none", "-np", n}
}

// builds is one kernel built natively and to wasm.
type builds struct{ native, wasm string }

// buildAll compiles every kernel twice from the same source, natively
// (mpicc -O3 -march=native) and to wasm (wasmrun cc -O3, SIMD on), as many
// at a time as there are CPUs.
func buildAll(o options, names []string, log *progress) (map[string]builds, error) {
	out := map[string]builds{}
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		errs []error
		sem  = make(chan struct{}, runtime.NumCPU())
	)
	for _, name := range names {
		src := filepath.Join(o.kernels, name+".c")
		b := builds{native: filepath.Join(o.work, name+".native"), wasm: filepath.Join(o.work, name+".wasm")}
		out[name] = b
		for _, cmd := range [][]string{
			slices.Concat([]string{o.fam.mpicc}, nativeFlags, []string{src, "-o", b.native, "-lm"}, kernelLibs[name], kernelNativeFlags[name]),
			slices.Concat([]string{o.wasmrun, "cc"}, wasmFlags, []string{src, "-o", b.wasm, "-lm"}, kernelLibs[name], kernelWasmFlags[name]),
		} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				if msg, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput(); err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("%s: %w\n%s", strings.Join(cmd, " "), err, msg))
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	log.printf("built %d kernels natively and to wasm: %s\n", len(names), strings.Join(names, " "))
	return out, errors.Join(errs...)
}

var (
	nativeFlags = []string{"-O3", "-march=native"}
	wasmFlags   = []string{"-O3"}
)

// mpirun runs one build of a kernel with np ranks and returns its stdout.
// A kernel whose check fails exits non-zero, and so does mpirun: that is an
// error carrying the kernel's stderr.
func mpirun(o options, np int, prog []string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	args := append(o.fam.launch(np), prog...)
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		err = fmt.Errorf("no result after %v (-timeout)", o.timeout)
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w\nstderr:\n%s\nstdout:\n%s", strings.Join(args, " "), err, tail(stderr.String()), tail(stdout.String()))
	}
	return stdout.String(), nil
}

func tail(s string) string {
	const max = 4000
	if len(s) > max {
		return "..." + s[len(s)-max:]
	}
	return s
}

// environ sets what Open MPI needs to run as root, as the Makefile does.
func environ() {
	for _, kv := range [][2]string{
		{"OMPI_ALLOW_RUN_AS_ROOT", "1"},
		{"OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1"},
	} {
		if _, ok := os.LookupEnv(kv[0]); !ok {
			os.Setenv(kv[0], kv[1])
		}
	}
}

// firstLine is the first line of a command's output, or "" when it fails.
func firstLine(name string, args ...string) string {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return ""
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return strings.TrimSpace(line)
}

// hostInfo describes the machine: CPU model and count.
func hostInfo() string {
	model := runtime.GOARCH
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	return fmt.Sprintf("%s, %d CPUs", model, runtime.NumCPU())
}

// wasmrunVersion is `wasmrun version` on one line.
func wasmrunVersion(bin string) string {
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		return bin
	}
	var lines []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		lines = append(lines, strings.Join(strings.Fields(line), " "))
	}
	return strings.Join(lines, ", ")
}
