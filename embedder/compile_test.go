package embedder

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// testModule is a module exporting f() -> i32 returning n, with more code
// the larger pad is (pad no-ops), so that modules differ by n.
func testModule(n byte, pad int) []byte {
	body := append([]byte{0}, bytes.Repeat([]byte{0x01}, pad)...) // no locals, nops
	body = append(body, 0x41, n&0x3f, 0x0b)                       // i32.const n; end
	code := append([]byte{1}, uleb(len(body))...)
	code = append(code, body...)
	out := []byte("\x00asm\x01\x00\x00\x00")
	out = append(out, 1, 5, 1, 0x60, 0, 1, 0x7f) // type () -> i32
	out = append(out, 3, 2, 1, 0)                // one function of type 0
	out = append(out, 7, 5, 1, 1, 'f', 0, 0)     // export "f"
	out = append(out, 10)
	out = append(out, uleb(len(code))...)
	return append(out, code...)
}

func uleb(v int) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func writeModule(t *testing.T, dir, name string, bin []byte) string {
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, bin, 0o644))
	return p
}

func TestCompileCache(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	mod := writeModule(t, dir, "app.wasm", testModule(7, 1000))

	res, err := Compile(ctx, mod, cache, nil)
	require.NoError(t, err)
	require.Equal(t, Compiled, res.Outcome)
	res, err = Compile(ctx, mod, cache, nil)
	require.NoError(t, err)
	require.Equal(t, Loaded, res.Outcome)

	entries, err := CacheEntries(cache)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	e := entries[0]
	require.Equal(t, "app.wasm", e.Name)
	require.True(t, e.Complete && e.Usable)
	require.Equal(t, CPUKey(), e.CPU)
	require.Equal(t, WazeroVersion(), e.Wazero)
	require.Positive(t, e.CodeSize)
	require.Equal(t, res.Dir, e.Dir)

	// A damaged entry (cut short on disk) is dropped and compiled again.
	code, _ := codeFiles(e.Dir)
	require.Len(t, code, 1)
	data, err := os.ReadFile(code[0])
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(code[0], data[:len(data)/2], 0o644))
	var warn bytes.Buffer
	res, err = Compile(ctx, mod, cache, &warn)
	require.NoError(t, err)
	require.Equal(t, Compiled, res.Outcome)
	require.Contains(t, warn.String(), "is damaged")
	res, err = Compile(ctx, mod, cache, nil)
	require.NoError(t, err)
	require.Equal(t, Loaded, res.Outcome, "the new entry is good")

	// What a killed compile leaves (wazero's temporary file, half
	// written, no entry) is never served, and is cleared by the next one.
	require.NoError(t, os.Remove(code[0]))
	tmp := code[0] + ".123456.tmp"
	require.NoError(t, os.WriteFile(tmp, data[:len(data)/3], 0o644))
	entries, err = CacheEntries(cache)
	require.NoError(t, err)
	require.False(t, entries[0].Complete)
	require.Equal(t, 1, entries[0].Leftovers)
	res, err = Compile(ctx, mod, cache, nil)
	require.NoError(t, err)
	require.Equal(t, Compiled, res.Outcome)
	require.NoFileExists(t, tmp)

	// A corrupt module is an error and leaves no entry.
	bad := writeModule(t, dir, "bad.wasm", testModule(8, 10)[:30])
	_, err = Compile(ctx, bad, cache, nil)
	require.ErrorContains(t, err, "compile "+bad)
	entries, err = CacheEntries(cache)
	require.NoError(t, err)
	require.Len(t, entries, 1)
}

func TestCompileRace(t *testing.T) {
	cache := t.TempDir()
	mod := writeModule(t, t.TempDir(), "race.wasm", testModule(9, 20000))
	const n = 8
	outcomes := make([]Outcome, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := Compile(context.Background(), mod, cache, nil)
			require.NoError(t, err)
			outcomes[i] = res.Outcome
		}()
	}
	wg.Wait()
	compiled := 0
	for _, o := range outcomes {
		if o == Compiled {
			compiled++
		}
	}
	require.Equal(t, 1, compiled, "one compiles, the others load: %v", outcomes)
	entries, err := CacheEntries(cache)
	require.NoError(t, err)
	require.Len(t, entries, 1)
}

func TestReadOnlyCache(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only directories; tests/ops_test.go runs this as another user")
	}
	ctx := context.Background()
	cache := t.TempDir()
	mod := writeModule(t, t.TempDir(), "ro.wasm", testModule(10, 100))
	other := writeModule(t, t.TempDir(), "other.wasm", testModule(11, 100))
	_, err := Compile(ctx, mod, cache, nil)
	require.NoError(t, err)
	require.NoError(t, filepathWalkChmod(cache, 0o555))
	t.Cleanup(func() { filepathWalkChmod(cache, 0o755) })

	_, err = Compile(ctx, other, cache, nil)
	require.ErrorContains(t, err, "is not writable")

	// A run reads what is there, and compiles the rest in memory.
	var warn bytes.Buffer
	c := compiler{path: mod, cacheDir: cache, warn: warnTo(&warn)}
	bin, _ := os.ReadFile(mod)
	r, _, outcome, err := c.compile(ctx, bin)
	require.NoError(t, err)
	r.Close(ctx)
	require.Equal(t, Loaded, outcome)
	require.Empty(t, warn.String())
	bin, _ = os.ReadFile(other)
	r, _, outcome, err = c.compile(ctx, bin)
	require.NoError(t, err)
	r.Close(ctx)
	require.Equal(t, InMemory, outcome)
	require.Contains(t, warn.String(), "not writable")
}

func filepathWalkChmod(root string, mode os.FileMode) error {
	return filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.IsDir() {
			err = os.Chmod(p, mode)
		}
		return err
	})
}

func TestCleanCache(t *testing.T) {
	ctx := context.Background()
	cache := t.TempDir()
	mod := writeModule(t, t.TempDir(), "keep.wasm", testModule(12, 10))
	_, err := Compile(ctx, mod, cache, nil)
	require.NoError(t, err)
	// Another wazero's entry, another CPU's, and an incomplete one.
	old := filepath.Join(cache, "code", "wazero-v0.9.0", CPUKey(), "ab"+string(bytes.Repeat([]byte("0"), 62)), "wazero-v0.9.0-amd64-linux")
	otherCPU := filepath.Join(codeDir(cache), "..", "arm64-x", "cd"+string(bytes.Repeat([]byte("0"), 62)), "wazero-v-arm64-linux")
	incomplete := filepath.Join(codeDir(cache), "ef"+string(bytes.Repeat([]byte("0"), 62)), "wazero-x")
	for _, d := range []string{old, otherCPU, incomplete} {
		require.NoError(t, os.MkdirAll(d, 0o755))
	}
	require.NoError(t, os.WriteFile(filepath.Join(old, "entry"), []byte("code"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(otherCPU, "entry"), []byte("code"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(incomplete, "entry.1.tmp"), []byte("co"), 0o644))
	entries, err := CacheEntries(cache)
	require.NoError(t, err)
	require.Len(t, entries, 4)

	removed, err := CleanCache(cache, false)
	require.NoError(t, err)
	require.Len(t, removed, 2, "the old wazero's and the incomplete entry")
	entries, err = CacheEntries(cache)
	require.NoError(t, err)
	require.Len(t, entries, 2)
	for _, e := range entries {
		require.True(t, e.Complete)
	}
	res, err := Compile(ctx, mod, cache, nil)
	require.NoError(t, err)
	require.Equal(t, Loaded, res.Outcome, "clean keeps what this node uses")

	removed, err = CleanCache(cache, true)
	require.NoError(t, err)
	require.Len(t, removed, 2)
	entries, err = CacheEntries(cache)
	require.NoError(t, err)
	require.Empty(t, entries)
}
