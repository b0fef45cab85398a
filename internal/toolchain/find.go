package toolchain

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// The Debian packages that provide the wasm toolchain, for error messages.
const (
	clangPackages   = "clang-19 lld-19 libclang-rt-19-dev-wasm32"
	sysrootPackages = "wasi-libc libc++-19-dev-wasm32 libc++abi-19-dev-wasm32"
)

// Env looks up environment variables; os.LookupEnv in production.
type Env func(string) (string, bool)

// FindClang returns the clang (lang "c") or clang++ (lang "c++") to run:
// $WASMRUN_CLANG if set, else clang-19, else clang on PATH.
func FindClang(lang string, env Env) (string, error) {
	if p, ok := env("WASMRUN_CLANG"); ok && p != "" {
		path, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("WASMRUN_CLANG=%s: %w", p, err)
		}
		return path, nil
	}
	names := []string{"clang-19", "clang"}
	if lang == "c++" {
		names = []string{"clang++-19", "clang++"}
	}
	for _, n := range names {
		if path, err := exec.LookPath(n); err == nil {
			return path, nil
		}
	}
	return "", fmt.Errorf("%s not found on PATH: install it (apt-get install %s) or set WASMRUN_CLANG", names[0], clangPackages)
}

// FindSysroot returns the WASI sysroot: $WASI_SYSROOT if set, else /usr when
// Debian's wasi-libc is installed, else a wasi-sdk install.
func FindSysroot(env Env) (string, error) {
	if p, ok := env("WASI_SYSROOT"); ok && p != "" {
		if !hasLibc(p) {
			return "", fmt.Errorf("WASI_SYSROOT=%s: no wasm32-wasi libc.a under it", p)
		}
		return p, nil
	}
	for _, p := range []string{"/usr", "/opt/wasi-sdk/share/wasi-sysroot", "/usr/share/wasi-sysroot"} {
		if hasLibc(p) {
			return p, nil
		}
	}
	return "", errors.New("WASI sysroot not found: install it (apt-get install " + sysrootPackages + ") or set WASI_SYSROOT")
}

func hasLibc(root string) bool {
	for _, dir := range []string{"wasm32-wasi", "wasm32-wasip1"} {
		if _, err := os.Stat(filepath.Join(root, "lib", dir, "libc.a")); err == nil {
			return true
		}
	}
	return false
}
