package toolchain

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// CMakeOptions say what the CMake toolchain file points at.
type CMakeOptions struct {
	Wasmrun  string // the wasmrun executable: compilers and the emulator that runs try_run and tests
	Cache    string // the WASMRUN_CACHE the compiler wrappers use
	Launcher string // the MPI launcher (mpiexec.openmpi ...) that tests run ranks with; "" to let FindMPI look
}

// CMakeToolchain writes a CMake toolchain file that builds with this
// wasmrun (cmake -DCMAKE_TOOLCHAIN_FILE=...), and returns its path. Beside
// it go two wrapper scripts, wasmrun-cc and wasmrun-c++, because CMake
// wants a compiler to be one program, and Platform/WASI.cmake, which tells
// CMake that executables are .wasm files and libraries are static. The
// compilers build MPI code by themselves, so find_package(MPI) finds MPI
// without interrogating a wrapper, and the MPI::MPI_C target adds nothing.
// The files live under cacheDir in a directory of their own for each
// wasmrun executable, and are rewritten when they would change.
func (d *Driver) CMakeToolchain(cacheDir string, o CMakeOptions) (string, error) {
	sum := sha256.Sum256([]byte(o.Wasmrun + "\n" + o.Cache))
	dir := filepath.Join(cacheDir, "toolchain", "cmake-"+hex.EncodeToString(sum[:])[:12])
	cc, cxx := filepath.Join(dir, "wasmrun-cc"), filepath.Join(dir, "wasmrun-c++")
	ar, ranlib := d.llvmTool("ar"), d.llvmTool("ranlib")

	var tc strings.Builder
	fmt.Fprintf(&tc, `# CMake toolchain file for wasmrun, written by 'wasmrun cc --cmake-toolchain':
#   cmake -DCMAKE_TOOLCHAIN_FILE=%s ...
# builds wasm32-wasi modules (.wasm) with wasmrun cc and wasmrun c++, which
# compile and link MPI code by themselves: find_package(MPI) finds MPI
# through them and MPI::MPI_C adds nothing. try_run and tests run the
# modules with wasmrun; MPI tests run them under mpiexec ... wasmrun.
set(CMAKE_SYSTEM_NAME WASI)
set(CMAKE_SYSTEM_VERSION 1)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
list(APPEND CMAKE_MODULE_PATH %s)
set(CMAKE_C_COMPILER %s)
set(CMAKE_CXX_COMPILER %s)
set(CMAKE_LIBRARY_ARCHITECTURE wasm32-wasi)
set(CMAKE_CROSSCOMPILING_EMULATOR %s)
set(MPIEXEC_PREFLAGS %s CACHE STRING "Flags before the executable: MPI ranks run under wasmrun")
`, filepath.Join(dir, "wasmrun.cmake"), cmakeQuote(dir), cmakeQuote(cc), cmakeQuote(cxx), cmakeQuote(o.Wasmrun), cmakeQuote(o.Wasmrun))
	if ar != "" {
		fmt.Fprintf(&tc, "set(CMAKE_AR %s CACHE FILEPATH \"Archiver for wasm objects\")\n", cmakeQuote(ar))
	}
	if ranlib != "" {
		fmt.Fprintf(&tc, "set(CMAKE_RANLIB %s CACHE FILEPATH \"Ranlib for wasm archives\")\n", cmakeQuote(ranlib))
	}
	if o.Launcher != "" {
		if path, err := exec.LookPath(o.Launcher); err == nil {
			fmt.Fprintf(&tc, "set(MPIEXEC_EXECUTABLE %s CACHE FILEPATH \"The MPI launcher of wasmrun's MPI family\")\n", cmakeQuote(path))
		}
	}

	const platform = `# wasm32-wasi for CMake, written by wasmrun: POSIX-like (wasi-libc), static
# executables named .wasm, static libraries only.
set(WASI 1)
set(UNIX 1)
set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
set(CMAKE_STATIC_LIBRARY_PREFIX "lib")
set(CMAKE_STATIC_LIBRARY_SUFFIX ".a")
set(CMAKE_FIND_LIBRARY_PREFIXES "lib")
set(CMAKE_FIND_LIBRARY_SUFFIXES ".a")
set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)
include(Platform/UnixPaths)
`
	wrapper := func(cmd string) string {
		return fmt.Sprintf(`#!/bin/sh
# wasmrun %s as one program, for build systems (written by wasmrun).
if [ -z "${WASMRUN_CACHE:-}" ]; then WASMRUN_CACHE=%s; export WASMRUN_CACHE; fi
exec %s %s "$@"
`, cmd, shQuote(o.Cache), shQuote(o.Wasmrun), cmd)
	}
	for _, f := range []struct {
		path string
		data string
		mode os.FileMode
	}{
		{cc, wrapper("cc"), 0o755},
		{cxx, wrapper("c++"), 0o755},
		{filepath.Join(dir, "Platform", "WASI.cmake"), platform, 0o644},
		{filepath.Join(dir, "wasmrun.cmake"), tc.String(), 0o644},
	} {
		if err := writeIfChanged(f.path, []byte(f.data), f.mode); err != nil {
			return "", fmt.Errorf("write CMake toolchain: %w", err)
		}
	}
	return filepath.Join(dir, "wasmrun.cmake"), nil
}

// llvmTool finds llvm-<name> of the clang in use (its own directory first,
// then llvm-<name>-19 and llvm-<name> on PATH); "" when there is none.
func (d *Driver) llvmTool(name string) string {
	if real, err := filepath.EvalSymlinks(d.Clang); err == nil {
		p := filepath.Join(filepath.Dir(real), "llvm-"+name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	for _, n := range []string{"llvm-" + name + "-19", "llvm-" + name} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// shQuote quotes s as one sh word.
func shQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// cmakeQuote quotes s as one CMake argument.
func cmakeQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`, `;`, `\;`)
	return `"` + r.Replace(s) + `"`
}

// writeIfChanged writes data to path atomically unless it already holds it.
func writeIfChanged(path string, data []byte, mode os.FileMode) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
