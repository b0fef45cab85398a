package embedder

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/klauspost/cpuid/v2"
)

// DefaultCacheDir is $XDG_CACHE_HOME/wasmrun, else ~/.cache/wasmrun.
func DefaultCacheDir() string {
	if dir := os.Getenv("XDG_CACHE_HOME"); dir != "" {
		return filepath.Join(dir, "wasmrun")
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		return filepath.Join(home, ".cache", "wasmrun")
	}
	return filepath.Join(os.TempDir(), "wasmrun-cache")
}

// WazeroVersion is the version of wazero linked into this binary.
func WazeroVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	for _, dep := range info.Deps {
		if dep.Path == "github.com/tetratelabs/wazero" {
			if dep.Replace != nil {
				return dep.Replace.Version
			}
			return dep.Version
		}
	}
	return "unknown"
}

// CPUKey names this machine's code-generation target: the architecture, the
// CPU's vendor and family and every feature flag cpuid reports. Two nodes
// share compiled code only when their keys are equal.
func CPUKey() string {
	flags := cpuid.CPU.FeatureSet()
	sort.Strings(flags)
	sum := sha256.Sum256([]byte(strings.Join(flags, ",")))
	return fmt.Sprintf("%s-%s-f%d-m%d-%s", runtime.GOARCH, cpuid.CPU.VendorID, cpuid.CPU.Family, cpuid.CPU.Model, hex.EncodeToString(sum[:6]))
}

// codeDir is where compiled code for this wazero version and CPU lives.
func codeDir(cacheDir string) string {
	return filepath.Join(cacheDir, "code", "wazero-"+WazeroVersion(), CPUKey())
}
