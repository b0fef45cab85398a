package wasi

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
)

func TestNewTable(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	file := filepath.Join(a, "file")
	write(t, file, "x")

	tbl, err := NewTable(nil)
	require.NoError(t, err)
	assert.NotNil(t, tbl.FSConfig())
	require.NoError(t, tbl.Close())

	tbl, err = NewTable([]Mount{{Host: a, Guest: "/a"}, {Host: b, Guest: "/b/"}, {Host: a}})
	require.NoError(t, err)
	require.NoError(t, tbl.Close())
	require.NoError(t, tbl.Close(), "closing twice")

	for _, tc := range []struct {
		mounts []Mount
		err    string
	}{
		{[]Mount{{Host: a, Guest: "/x"}, {Host: b, Guest: "/x/"}}, "mount " + b + ": guest path /x is mounted twice"},
		{[]Mount{{Host: a, Guest: "/"}, {Host: b, Guest: "/."}}, "mount " + b + ": guest path / is mounted twice"},
		{[]Mount{{Host: a, Guest: "x"}}, "mount " + a + `: guest path "x" is not absolute`},
		{[]Mount{{Host: a, Guest: "/a"}, {Host: filepath.Join(a, "nope"), Guest: "/n"}}, "mount " + filepath.Join(a, "nope") + ": open " + filepath.Join(a, "nope") + ": no such file or directory"},
		{[]Mount{{Host: file, Guest: "/f"}}, "mount " + file + ": open " + file + ": not a directory"},
	} {
		tbl, err := NewTable(tc.mounts)
		assert.EqualError(t, err, tc.err)
		assert.Nil(t, tbl)
	}
}

func TestResolve(t *testing.T) {
	base := t.TempDir()
	dirs := map[string]string{}
	for _, d := range []string{"root", "data", "sub", "ro", "outside"} {
		dirs[d] = filepath.Join(base, d)
		require.NoError(t, os.Mkdir(dirs[d], 0o755))
	}
	write(t, filepath.Join(dirs["outside"], "secret"), "secret")
	write(t, filepath.Join(dirs["data"], "in"), "in")
	require.NoError(t, os.Symlink("../outside/secret", filepath.Join(dirs["data"], "out")))

	tbl, err := NewTable([]Mount{
		{Host: dirs["data"], Guest: "/data"},
		{Host: dirs["root"], Guest: "/"},
		{Host: dirs["sub"], Guest: "/data/sub"},
		{Host: dirs["ro"], Guest: "/ro", ReadOnly: true},
	})
	require.NoError(t, err)
	t.Cleanup(func() { tbl.Close() })

	for _, tc := range []struct {
		path, host, rel string
		readOnly        bool
	}{
		{"/data", "data", ".", false},
		{"/data/", "data", ".", false},
		{"/data/x/y", "data", "x/y", false},
		{"//data//./x/", "data", "x", false},
		{"/data/x/../y", "data", "y", false},
		{"/data/x/..", "data", ".", false},
		{"/data/sub", "sub", ".", false},
		{"/data/sub/f", "sub", "f", false},
		{"/data/subway", "data", "subway", false},
		{"/database", "root", "database", false},
		{"/", "root", ".", false},
		{"/etc/passwd", "root", "etc/passwd", false},
		{"/ro/f", "ro", "f", true},
		{"/./ro", "ro", ".", true},
	} {
		t.Run(tc.path, func(t *testing.T) {
			root, rel, readOnly, err := tbl.Resolve(tc.path)
			require.NoError(t, err)
			assert.Equal(t, dirs[tc.host], root.Name())
			assert.Equal(t, tc.rel, rel)
			assert.Equal(t, tc.readOnly, readOnly)
		})
	}

	for _, tc := range []struct {
		path string
		is   error
		msg  string
	}{
		{"/data/../etc/passwd", fs.ErrPermission, "resolve /data/../etc/passwd: permission denied: path leaves mount /data"},
		{"/data/sub/../in", fs.ErrPermission, "resolve /data/sub/../in: permission denied: path leaves mount /data/sub"},
		{"/data/x/../../y", fs.ErrPermission, "resolve /data/x/../../y: permission denied: path leaves mount /data"},
		{"/..", fs.ErrPermission, "resolve /..: permission denied: path leaves mount /"},
		{"/../data", fs.ErrPermission, "resolve /../data: permission denied: path leaves mount /"},
		{"data/in", fs.ErrInvalid, `resolve "data/in": invalid argument: not an absolute path`},
		{"", fs.ErrInvalid, `resolve "": invalid argument: not an absolute path`},
	} {
		t.Run(tc.path, func(t *testing.T) {
			root, rel, _, err := tbl.Resolve(tc.path)
			require.ErrorIs(t, err, tc.is)
			assert.EqualError(t, err, tc.msg)
			assert.Nil(t, root)
			assert.Empty(t, rel)
		})
	}

	// Without a root mount, paths outside every mount do not exist.
	only, err := NewTable([]Mount{{Host: dirs["data"], Guest: "/data"}})
	require.NoError(t, err)
	defer only.Close()
	for _, p := range []string{"/", "/database", "/etc/passwd", "/dat"} {
		_, _, _, err := only.Resolve(p)
		require.ErrorIs(t, err, fs.ErrNotExist, p)
		assert.EqualError(t, err, "resolve "+p+": file does not exist: no mount holds it")
	}

	// The root Resolve returns still confines symbolic links.
	root, rel, _, err := only.Resolve("/data/out")
	require.NoError(t, err)
	_, err = root.Open(rel)
	assert.ErrorContains(t, err, "path escapes from parent")
	assert.Equal(t, "secret", content(t, filepath.Join(dirs["outside"], "secret")))
	root, rel, _, err = only.Resolve("/data/in")
	require.NoError(t, err)
	b, err := root.ReadFile(rel)
	require.NoError(t, err)
	assert.Equal(t, "in", string(b))

	// After Close, lookups through the roots fail.
	require.NoError(t, only.Close())
	root, rel, _, err = only.Resolve("/data/in")
	require.NoError(t, err)
	_, err = root.Open(rel)
	assert.ErrorIs(t, err, os.ErrClosed)
}

func TestFSConfig(t *testing.T) {
	tbl, err := NewTable([]Mount{{Host: t.TempDir(), Guest: "/data"}})
	require.NoError(t, err)
	defer tbl.Close()
	cfg := tbl.FSConfig()
	require.NotNil(t, cfg)
	// The config is usable in a module config.
	_ = wazero.NewModuleConfig().WithFSConfig(cfg)
}
