package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCacheEntries(t *testing.T) {
	dir := t.TempDir()
	n, err := cacheEntries(dir)
	require.NoError(t, err)
	assert.Equal(t, 0, n, "empty cache")

	plat := filepath.Join(dir, "code", "wazero-v1.12.0", "amd64-x")
	mod := strings.Repeat("ab", 32)
	for _, f := range []string{"locks/a.lock", "locks/b.lock", mod + "/module.json", mod + "/wazero-v1.12.0-amd64-linux/0123abcd"} {
		p := filepath.Join(plat, f)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
	}
	n, err = cacheEntries(dir)
	require.NoError(t, err)
	assert.Equal(t, 1, n, "one module entry; lock files do not count")

	p := filepath.Join(plat, strings.Repeat("cd", 32), "wazero-v1.12.0-amd64-linux", "4567ef01")
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
	n, err = cacheEntries(dir)
	require.NoError(t, err)
	assert.Equal(t, 2, n, "a second compilation shows")
}

func TestStartupBigC(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.c")
	require.NoError(t, startupBigC(p))
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	s := string(b)
	assert.Equal(t, bigFuncs, strings.Count(s, "(double *x) {"), "functions")
	assert.Contains(t, s, "tab[argc % 1000](x)")
	assert.Contains(t, s, "return 0;\n}\n")
	assert.Greater(t, len(b), 5_000_000, "the source of ~5 MB of code")
}
