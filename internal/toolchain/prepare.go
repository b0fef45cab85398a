package toolchain

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/wasmrun/wasmrun/internal/filelock"
)

// prepare writes the guest headers and builds the guest library objects into
// a directory under cacheDir named by a hash of everything that goes into
// them, so a new wasmrun or a new clang never reuses stale files. Ranks or
// make -j jobs that prepare at once wait on a lock; the directory appears
// whole or not at all. Beside the objects it writes the list of symbols
// that may stay undefined in a link (become imports): those whose import
// name is in supported.
func (d *Driver) prepare(cacheDir string, supported []string, bundles []fs.FS) error {
	files := map[string][]byte{}
	h := sha256.New()
	fmt.Fprintf(h, "clang=%s\nsysroot=%s\n", d.Clang, d.Sysroot)
	allowed := allowedSymbols(supported)
	fmt.Fprintf(h, "checked=%v allowed=%d\n%s", supported != nil, len(allowed), allowed)
	own, err := fs.Sub(guest, "guest")
	if err != nil {
		return fmt.Errorf("read guest files: %w", err)
	}
	for _, b := range append([]fs.FS{own}, bundles...) {
		err := fs.WalkDir(b, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			data, err := fs.ReadFile(b, p)
			if err != nil {
				return err
			}
			if _, dup := files[p]; dup {
				return fmt.Errorf("two guest files named %s", p)
			}
			files[p] = data
			return nil
		})
		if err != nil {
			return fmt.Errorf("read guest files: %w", err)
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "%s %d\n", n, len(files[n]))
		h.Write(files[n])
	}
	sum := hex.EncodeToString(h.Sum(nil))[:16]
	d.Dir = filepath.Join(cacheDir, "toolchain", sum)
	if _, err := os.Stat(filepath.Join(d.Dir, ".complete")); err == nil {
		return d.loadObjects()
	}

	unlock, err := filelock.Lock(d.Dir + ".lock")
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := os.Stat(filepath.Join(d.Dir, ".complete")); err == nil {
		return d.loadObjects()
	}
	tmp, err := os.MkdirTemp(filepath.Dir(d.Dir), sum+".tmp")
	if err != nil {
		return fmt.Errorf("prepare toolchain: %w", err)
	}
	defer os.RemoveAll(tmp)
	for _, n := range names {
		dir := "include"
		if isSource(n) {
			dir = "src"
		}
		dst := filepath.Join(tmp, dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("prepare toolchain: %w", err)
		}
		if err := os.WriteFile(dst, files[n], 0o644); err != nil {
			return fmt.Errorf("prepare toolchain: %w", err)
		}
	}
	// clang-19 runs binaryen's wasm-opt after linking whenever one is on
	// PATH. wasm-opt inlines across noinline and drops the name section,
	// so trap reports would lose their function names, and the same
	// source would build differently on machines with and without
	// binaryen. clang finds this stand-in (through -B) first; it leaves the
	// linked module as wasm-ld wrote it.
	if err := os.MkdirAll(filepath.Join(tmp, "bin"), 0o755); err != nil {
		return fmt.Errorf("prepare toolchain: %w", err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "bin", "wasm-opt"), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		return fmt.Errorf("prepare toolchain: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(tmp, "lib"), 0o755); err != nil {
		return fmt.Errorf("prepare toolchain: %w", err)
	}
	for _, n := range names {
		if !isSource(n) {
			continue
		}
		obj := filepath.Join(tmp, "lib", strings.ReplaceAll(strings.TrimSuffix(n, path.Ext(n)), "/", "_")+".o")
		// The guest library is C whichever driver builds it (clang++
		// would read a .c file as C++).
		lang := "c"
		if strings.HasSuffix(n, ".cc") {
			lang = "c++"
		}
		args := append(d.baseFlags(filepath.Join(tmp, "include"), ""), "-O2", "-Wall")
		if lang == "c++" {
			args = append(args, "-fno-exceptions")
		}
		args = append(args, "-x", lang, "-c", filepath.Join(tmp, "src", n), "-o", obj)
		cmd := exec.Command(d.Clang, args...)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("build guest library %s: %w\n%s", n, err, out)
		}
	}
	if supported != nil {
		if err := os.WriteFile(filepath.Join(tmp, "lib", allowedFile), []byte(allowed), 0o644); err != nil {
			return fmt.Errorf("prepare toolchain: %w", err)
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, ".complete"), nil, 0o644); err != nil {
		return fmt.Errorf("prepare toolchain: %w", err)
	}
	if err := os.Rename(tmp, d.Dir); err != nil {
		return fmt.Errorf("prepare toolchain: %w", err)
	}
	return d.loadObjects()
}

func (d *Driver) loadObjects() error {
	objs, err := filepath.Glob(filepath.Join(d.Dir, "lib", "*.o"))
	if err != nil {
		return fmt.Errorf("prepare toolchain: %w", err)
	}
	sort.Strings(objs)
	d.objects = objs
	if _, err := os.Stat(filepath.Join(d.Dir, "lib", allowedFile)); err == nil {
		d.allowed = filepath.Join(d.Dir, "lib", allowedFile)
	}
	return nil
}

// allowedFile names, one a line, the symbols a module may leave undefined,
// for wasm-ld's --allow-undefined-file.
const allowedFile = "allowed-undefined.txt"

// allowedSymbols are the symbols that become imports when a module leaves
// them undefined: every supported import name, and for MPI_X also PMPI_X,
// which mpi.h declares with the same import name.
func allowedSymbols(supported []string) string {
	set := map[string]bool{}
	for _, s := range supported {
		set[s] = true
		if strings.HasPrefix(s, "MPI_") {
			set["P"+s] = true
		}
	}
	names := make([]string, 0, len(set))
	for s := range set {
		names = append(names, s)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, s := range names {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	return b.String()
}

func isSource(name string) bool {
	return strings.HasSuffix(name, ".c") || strings.HasSuffix(name, ".cc")
}
