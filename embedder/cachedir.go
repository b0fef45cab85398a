package embedder

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/wasmrun/wasmrun/internal/filelock"
)

// The compiled-code cache is laid out as
//
//	DIR/code/wazero-VERSION/CPUKEY/locks/SHA256.lock
//	DIR/code/wazero-VERSION/CPUKEY/SHA256/module.json
//	DIR/code/wazero-VERSION/CPUKEY/SHA256/wazero-.../ENTRY
//
// one directory per module (SHA256 of its bytes), wazero version and CPU
// (CPUKey), holding wazero's entry and what the entry is of. Nodes with
// other CPUs sharing DIR keep their own entries beside.

// Entry is one module's compiled code in a cache.
type Entry struct {
	Module    string    `json:"module"`   // SHA-256 of the module
	Name      string    `json:"name"`     // its file name when it was compiled
	Size      int64     `json:"size"`     // the module's size
	CodeSize  int64     `json:"codeSize"` // bytes of compiled code
	Compiled  time.Time `json:"compiled"`
	Wazero    string    `json:"wazero"` // wazero version it was compiled by
	CPU       string    `json:"cpu"`    // CPUKey of the node it was compiled for
	Usable    bool      `json:"usable"` // this wasmrun on this node can use it
	Complete  bool      `json:"complete"`
	Leftovers int       `json:"leftovers"` // temporary files of killed compiles
	Dir       string    `json:"dir"`
}

var moduleKey = regexp.MustCompile(`^[0-9a-f]{64}$`)

// CacheEntries lists the compiled code in a cache directory, for every
// wazero version and CPU, sorted by wazero version, CPU and name.
func CacheEntries(cacheDir string) ([]Entry, error) {
	versions, err := os.ReadDir(filepath.Join(cacheDir, "code"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list cache: %w", err)
	}
	var out []Entry
	for _, v := range versions {
		if !v.IsDir() || !strings.HasPrefix(v.Name(), "wazero-") {
			continue
		}
		wz := strings.TrimPrefix(v.Name(), "wazero-")
		cpus, err := os.ReadDir(filepath.Join(cacheDir, "code", v.Name()))
		if err != nil {
			return nil, fmt.Errorf("list cache: %w", err)
		}
		for _, c := range cpus {
			if !c.IsDir() {
				continue
			}
			mods, err := os.ReadDir(filepath.Join(cacheDir, "code", v.Name(), c.Name()))
			if err != nil {
				return nil, fmt.Errorf("list cache: %w", err)
			}
			for _, m := range mods {
				if !m.IsDir() || m.Name() == "locks" {
					continue
				}
				out = append(out, readEntry(filepath.Join(cacheDir, "code", v.Name(), c.Name(), m.Name()), wz, c.Name()))
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Wazero != b.Wazero {
			return a.Wazero < b.Wazero
		}
		if a.CPU != b.CPU {
			return a.CPU < b.CPU
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Module < b.Module
	})
	return out, nil
}

func readEntry(dir, wz, cpu string) Entry {
	e := Entry{Module: filepath.Base(dir), Wazero: wz, CPU: cpu, Dir: dir}
	code, leftovers := codeFiles(dir)
	e.Leftovers = len(leftovers)
	for _, p := range code {
		if st, err := os.Stat(p); err == nil {
			e.CodeSize += st.Size()
		}
	}
	var m meta
	if data, err := os.ReadFile(filepath.Join(dir, metaFile)); err == nil && json.Unmarshal(data, &m) == nil {
		e.Name, e.Size, e.Compiled = m.Name, m.Size, m.Compiled
	}
	e.Complete = len(code) > 0 && moduleKey.MatchString(e.Module)
	e.Usable = e.Complete && wz == WazeroVersion() && cpu == CPUKey()
	return e
}

// CleanCache removes from a cache directory what this wasmrun cannot use:
// code compiled by another wazero version, incomplete entries and what
// killed compiles left. Code for other CPUs stays: nodes of another kind
// may share the directory. With all, every entry goes. Each entry is
// removed holding its lock, so a rank compiling it is not disturbed.
func CleanCache(cacheDir string, all bool) (removed []Entry, err error) {
	entries, err := CacheEntries(cacheDir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		var gone bool
		err := withLock(e, func() error {
			// Again under the lock: a compile may have just finished.
			now := readEntry(e.Dir, e.Wazero, e.CPU)
			if !all && now.Complete && now.Wazero == WazeroVersion() {
				removeLeftovers(e.Dir)
				return nil
			}
			gone = true
			return os.RemoveAll(e.Dir)
		})
		if err != nil {
			return removed, fmt.Errorf("clean cache: %w", err)
		}
		if gone {
			removed = append(removed, e)
		}
	}
	return removed, nil
}

func withLock(e Entry, f func() error) error {
	if !moduleKey.MatchString(e.Module) {
		return f()
	}
	unlock, err := filelock.Lock(filepath.Join(filepath.Dir(e.Dir), "locks", e.Module+".lock"))
	if err != nil {
		return err
	}
	defer unlock()
	return f()
}
