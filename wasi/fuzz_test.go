package wasi

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"
)

func FuzzParseMount(f *testing.F) {
	dir := f.TempDir()
	for _, s := range []string{"", ":", "::", ":::", dir, dir + ":/x:ro", dir + ":ro", "/nope", "a:b:c:d", dir + ":/\x00", "\x00", "\n", "\xff:/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		m, err := ParseMount(spec)
		if err != nil {
			assert.True(t, strings.HasPrefix(err.Error(), "--dir "), err.Error())
			assert.NotContains(t, err.Error(), "\n")
			return
		}
		assert.True(t, filepath.IsAbs(m.Host))
		assert.True(t, strings.HasPrefix(m.Guest, "/"))
	})
}

func FuzzParseEnv(f *testing.F) {
	for _, s := range []string{"", "=", "A=", "A", "=x", "A=b=c", "A\x00=x", "MISSING"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		name, value, err := ParseEnv(spec, func(k string) (string, bool) { return "v" + k, k == "A" })
		if err != nil {
			assert.True(t, strings.HasPrefix(err.Error(), "--env "), err.Error())
			return
		}
		assert.True(t, validName(name))
		assert.NotContains(t, value, "\x00")
		assert.NotContains(t, name, "=")
	})
}

func FuzzResolve(f *testing.F) {
	dir := f.TempDir()
	tbl, err := NewTable([]Mount{{Host: dir, Guest: "/data"}, {Host: dir, Guest: "/data/sub"}, {Host: dir, Guest: "/x/y"}})
	require.NoError(f, err)
	f.Cleanup(func() { tbl.Close() })
	for _, s := range []string{"", "/", "/data", "/data/..", "/data/../x", "//data/./a/../b", "/x/y/../../data", "/x", "rel", "/data/sub/..", "/data/\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		root, rel, _, err := tbl.Resolve(p)
		if err != nil {
			assert.Nil(t, root)
			return
		}
		assert.NotNil(t, root)
		assert.False(t, strings.HasPrefix(rel, "/"), rel)
		assert.False(t, rel == ".." || strings.HasPrefix(rel, "../"), rel)
	})
}

// FuzzFS runs one operation with fuzzed names and flags on a fresh mount
// and checks that nothing outside it changed.
func FuzzFS(f *testing.F) {
	for _, s := range []struct {
		op         byte
		a, b       string
		flag, perm uint32
		atim, mtim int64
	}{
		{0, "f", "", uint32(rdwr | create), 0o644, 0, 0},
		{0, "../outside/secret", "", uint32(experimentalsys.O_WRONLY | experimentalsys.O_TRUNC), 0, 0, 0},
		{0, "link/secret", "", uint32(rdwr | create), 0, 0, 0},
		{0, "\x00", "", 0xffffffff, 0xffffffff, 0, 0},
		{1, "link/x", "", 0, 0o777, 0, 0},
		{2, "../outside/secret", "l", 0, 0, 0, 0},
		{3, "../outside/secret", "h", 0, 0, 0, 0},
		{4, "f", "link/f", 0, 0, 0, 0},
		{5, "link/secret", "", 0, 0, 0, 0},
		{6, "link", "", 0, 0, 0, 0},
		{7, "link/secret", "", 0, 0, 0, 0},
		{8, "link/secret", "", 0, 0o777, 0, 0},
		{9, "link/secret", "", 0, 0, 1, 1},
		{10, strings.Repeat("a/", 3000), "", 0, 0, 0, 0},
	} {
		f.Add(s.op, s.a, s.b, s.flag, s.perm, s.atim, s.mtim)
	}
	f.Fuzz(func(t *testing.T, op byte, a, b string, flag, perm uint32, atim, mtim int64) {
		r, mnt, outside := sandbox(t, op&0x80 != 0, func(mnt string) {
			write(t, filepath.Join(mnt, "f"), "f")
			require.NoError(t, os.Symlink("../outside", filepath.Join(mnt, "link")))
		})
		secret := filepath.Join(outside, "secret")
		before, err := os.Stat(secret)
		require.NoError(t, err)

		mode := fs.FileMode(perm) | 0o700
		switch op % 16 {
		case 0:
			if file, errno := r.OpenFile(a, experimentalsys.Oflag(flag), mode); errno == 0 {
				file.Write([]byte("x"))
				file.Pwrite([]byte("y"), int64(perm))
				file.Read(make([]byte, 4))
				file.Readdir(-1)
				file.Truncate(int64(perm))
				file.Utimens(atim, mtim)
				file.SetAppend(perm&1 != 0)
				file.Stat()
				file.Close()
			}
		case 1:
			r.Mkdir(a, mode)
		case 2:
			r.Symlink(a, b)
		case 3:
			r.Link(a, b)
		case 4:
			r.Rename(a, b)
		case 5:
			r.Unlink(a)
		case 6:
			r.Rmdir(a)
		case 7:
			r.Stat(a)
			r.Lstat(a)
			r.Readlink(a)
		case 8:
			r.Chmod(a, mode)
		case 9:
			r.Utimens(a, atim, mtim)
		default:
			r.Symlink(b, "s")
			if file, errno := r.OpenFile("s/"+a, experimentalsys.Oflag(flag), mode); errno == 0 {
				file.Write([]byte("x"))
				file.Close()
			}
		}

		after, err := os.Stat(secret)
		require.NoError(t, err)
		assert.Equal(t, before.ModTime(), after.ModTime())
		assert.Equal(t, before.Mode(), after.Mode())
		assert.Equal(t, "secret", content(t, secret))
		entries, err := os.ReadDir(outside)
		require.NoError(t, err)
		assert.Len(t, entries, 1)
		entries, err = os.ReadDir(filepath.Dir(mnt))
		require.NoError(t, err)
		assert.Len(t, entries, 2)
	})
}
