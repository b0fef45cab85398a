package embedder

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/wasmrun/wasmrun/internal/filelock"
)

// Outcome says where a run's compiled code came from.
type Outcome int

// Outcomes of compiling a module.
const (
	Compiled Outcome = iota // compiled now, and written to the cache if there is one
	Loaded                  // read from the cache
	InMemory                // compiled now, not cached (no cache, or the cache could not be written)
)

func (o Outcome) String() string {
	return [...]string{"compiled", "loaded from the cache", "compiled in memory"}[o]
}

// metaFile, beside a module's compiled code, says what the code is of.
const metaFile = "module.json"

// meta is the contents of metaFile.
type meta struct {
	Name     string    `json:"name"`     // the module's file name when it was compiled
	Size     int64     `json:"size"`     // the module's size in bytes
	Compiled time.Time `json:"compiled"` // when
	Seconds  float64   `json:"seconds"`  // how long compiling took
}

// compiler compiles one module, through the cache directory when there
// is one. strict makes every problem with the cache an error (`wasmrun
// compile`); otherwise a cache that cannot be written is reported on warn
// and the module is compiled in memory, so a run never fails because of
// its cache.
type compiler struct {
	path     string
	cacheDir string
	strict   bool
	warn     func(format string, args ...any)
}

// Every compilation uses this configuration, so code compiled by `wasmrun
// compile` is what a run looks for.
func runtimeConfig() wazero.RuntimeConfig {
	return wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2)
}

// compile returns a runtime holding the compiled module; the caller closes
// the runtime.
func (c compiler) compile(ctx context.Context, bin []byte) (wazero.Runtime, wazero.CompiledModule, Outcome, error) {
	if c.cacheDir == "" {
		r, m, err := c.inMemory(ctx, bin)
		return r, m, InMemory, err
	}
	sum := sha256.Sum256(bin)
	key := hex.EncodeToString(sum[:])
	dir := filepath.Join(codeDir(c.cacheDir), key)
	unlock, err := filelock.Lock(filepath.Join(codeDir(c.cacheDir), "locks", key+".lock"))
	if err != nil {
		// A read-only cache (compiled ahead of time on shared storage,
		// mounted read-only on the nodes) serves what it has.
		if c.strict {
			return nil, nil, 0, fmt.Errorf("cache %s is not writable: %w", c.cacheDir, err)
		}
		if hasCode(dir) {
			if r, m, err := c.withCache(ctx, dir, bin); err == nil {
				return r, m, Loaded, nil
			}
		}
		c.warn("cache %s is not writable (%v): compiling in memory", c.cacheDir, unwrapPath(err))
		r, m, err := c.inMemory(ctx, bin)
		return r, m, InMemory, err
	}
	defer unlock()
	// Holding the lock, nobody else writes this module's entry: temporary
	// files in it are what a killed compile left.
	removeLeftovers(dir)
	had := hasCode(dir)
	start := time.Now()
	r, m, err := c.withCache(ctx, dir, bin)
	if err != nil && had && !isIOError(err) {
		// The entry is unreadable (damaged on disk, copied in part):
		// drop it and compile again.
		c.warn("cache entry %s is damaged (%v): compiling again", dir, err)
		if rerr := os.RemoveAll(dir); rerr != nil {
			return nil, nil, 0, fmt.Errorf("remove damaged cache entry: %w", rerr)
		}
		had = false
		start = time.Now()
		r, m, err = c.withCache(ctx, dir, bin)
	}
	switch {
	case err == nil && had:
		return r, m, Loaded, nil
	case err == nil:
		if werr := shareEntry(dir); werr != nil {
			c.warn("%v", werr)
		}
		info := meta{Name: filepath.Base(c.path), Size: int64(len(bin)), Compiled: start.UTC().Truncate(time.Second), Seconds: time.Since(start).Seconds()}
		if werr := writeMeta(dir, info); werr != nil {
			if c.strict {
				r.Close(ctx)
				return nil, nil, 0, werr
			}
			c.warn("%v", werr)
		}
		return r, m, Compiled, nil
	case !isIOError(err):
		if !had {
			os.RemoveAll(dir) // the empty entry made for a module that does not compile
		}
		return nil, nil, 0, fmt.Errorf("compile %s: %w", c.path, err)
	case c.strict:
		return nil, nil, 0, fmt.Errorf("compile %s: write cache %s: %w", c.path, c.cacheDir, unwrapPath(err))
	}
	c.warn("cannot write cache %s (%v): compiling in memory", c.cacheDir, unwrapPath(err))
	r, m, err = c.inMemory(ctx, bin)
	return r, m, InMemory, err
}

func (c compiler) inMemory(ctx context.Context, bin []byte) (wazero.Runtime, wazero.CompiledModule, error) {
	r := wazero.NewRuntimeWithConfig(ctx, runtimeConfig())
	m, err := r.CompileModule(ctx, bin)
	if err != nil {
		r.Close(ctx)
		return nil, nil, fmt.Errorf("compile %s: %w", c.path, err)
	}
	return r, m, nil
}

// withCache compiles with wazero's file cache in dir. wazero writes each
// entry to a temporary file, syncs it and renames it into place, so a
// reader never sees half an entry; it checks a CRC of the code it reads.
func (c compiler) withCache(ctx context.Context, dir string, bin []byte) (wazero.Runtime, wazero.CompiledModule, error) {
	cache, err := wazero.NewCompilationCacheWithDir(dir)
	if err != nil {
		return nil, nil, &fs.PathError{Op: "open cache", Path: dir, Err: err}
	}
	r := wazero.NewRuntimeWithConfig(ctx, runtimeConfig().WithCompilationCache(cache))
	m, err := r.CompileModule(ctx, bin)
	if err != nil {
		r.Close(ctx)
		cache.Close(ctx)
		return nil, nil, err
	}
	return closeBoth{r, cache}, m, nil
}

// closeBoth is a runtime whose Close also closes its compilation cache.
type closeBoth struct {
	wazero.Runtime
	cache wazero.CompilationCache
}

func (c closeBoth) Close(ctx context.Context) error {
	err := c.Runtime.Close(ctx)
	if cerr := c.cache.Close(ctx); err == nil {
		err = cerr
	}
	return err
}

// isIOError reports whether a compile failed reading or writing the cache,
// not because of the module.
func isIOError(err error) bool {
	var pe *fs.PathError
	var le *os.LinkError
	return errors.As(err, &pe) || errors.As(err, &le)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s %s: %w", pe.Op, pe.Path, pe.Err)
	}
	return err
}

// hasCode reports whether dir holds compiled code (wazero's entry, not a
// temporary file).
func hasCode(dir string) bool {
	files, _ := codeFiles(dir)
	return len(files) > 0
}

// codeFiles lists wazero's entries under a module's directory, and the
// temporary files that killed compiles left.
func codeFiles(dir string) (code, leftovers []string) {
	subs, _ := filepath.Glob(filepath.Join(dir, "wazero-*"))
	for _, s := range subs {
		entries, _ := os.ReadDir(s)
		for _, e := range entries {
			p := filepath.Join(s, e.Name())
			switch {
			case strings.HasSuffix(e.Name(), ".tmp"):
				leftovers = append(leftovers, p)
			case e.Type().IsRegular():
				code = append(code, p)
			}
		}
	}
	return code, leftovers
}

func removeLeftovers(dir string) {
	_, leftovers := codeFiles(dir)
	for _, p := range append(leftovers, filepath.Join(dir, metaFile+".tmp")) {
		os.Remove(p)
	}
}

// shareEntry gives a new entry the permissions of the directory it is in
// (wazero creates its files 0600 and directories 0700), so that a cache
// prepared on shared storage by one user serves the others whom its
// directories admit: created under umask 022, every user; under 077, only
// its owner.
func shareEntry(dir string) error {
	st, err := os.Stat(filepath.Dir(dir))
	if err != nil {
		return fmt.Errorf("share cache entry: %w", err)
	}
	perm := st.Mode().Perm()
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir():
			return os.Chmod(p, perm)
		case d.Type().IsRegular():
			return os.Chmod(p, perm&^0o111)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("share cache entry: %w", err)
	}
	return nil
}

// writeMeta writes dir's metaFile through a temporary file and a rename.
func writeMeta(dir string, m meta) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, metaFile+".tmp")
	if err := os.WriteFile(tmp, append(data, '\n'), 0o666); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write cache entry: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, metaFile)); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write cache entry: %w", err)
	}
	return nil
}

// CompileResult is what Compile did.
type CompileResult struct {
	Outcome  Outcome       // Compiled or Loaded
	Duration time.Duration // spent compiling or loading
	Dir      string        // the cache entry
}

// Compile compiles the module at path ahead of time into cacheDir, for
// this node's CPU and this wazero. Processes compiling the same module at
// once compile it once: the others wait and find it cached. Any problem
// with the cache directory is an error.
func Compile(ctx context.Context, path, cacheDir string, log io.Writer) (CompileResult, error) {
	if cacheDir == "" {
		return CompileResult{}, errors.New("compile: no cache directory")
	}
	bin, err := Load(path)
	if err != nil {
		return CompileResult{}, err
	}
	start := time.Now()
	c := compiler{path: path, cacheDir: cacheDir, strict: true, warn: warnTo(log)}
	r, _, outcome, err := c.compile(ctx, bin)
	if err != nil {
		return CompileResult{}, err
	}
	r.Close(ctx)
	sum := sha256.Sum256(bin)
	return CompileResult{Outcome: outcome, Duration: time.Since(start), Dir: filepath.Join(codeDir(cacheDir), hex.EncodeToString(sum[:]))}, nil
}

func warnTo(w io.Writer) func(string, ...any) {
	return func(format string, args ...any) {
		if w != nil {
			fmt.Fprintf(w, "wasmrun: warning: "+format+"\n", args...)
		}
	}
}
