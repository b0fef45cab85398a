package tests

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSandbox runs a guest that reads, writes and tries to leave its
// mounts, then checks the host files.
func TestSandbox(t *testing.T) {
	prog := build(t, "wasm", "testdata/files.c")
	root := t.TempDir()
	data, ro, outside := filepath.Join(root, "data"), filepath.Join(root, "ro"), filepath.Join(root, "outside")
	for _, d := range []string{data, ro, outside} {
		require.NoError(t, os.MkdirAll(d, 0o755))
	}
	secret := filepath.Join(outside, "secret.txt")
	require.NoError(t, os.WriteFile(secret, []byte("host secret"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(ro, "in.txt"), []byte("read me"), 0o644))
	require.NoError(t, os.Symlink(secret, filepath.Join(data, "abs-link")))
	require.NoError(t, os.Symlink("../outside/secret.txt", filepath.Join(data, "rel-link")))
	require.NoError(t, os.Symlink("../outside", filepath.Join(data, "dir-link")))

	mounts := []string{"--dir", data + ":/data", "--dir", ro + ":/ro:ro"}
	guest := func(args ...string) result {
		return wr(t, append(append(append([]string{}, mounts...), prog), args...)...)
	}
	for _, tc := range []struct {
		name string
		args []string
		ok   bool
		want string
	}{
		{"write in a mount", []string{"write", "/data/out.txt", "hello"}, true, "ok write"},
		{"append", []string{"append", "/data/out.txt", " world"}, true, "ok append"},
		{"read back", []string{"read", "/data/out.txt"}, true, "ok read hello world"},
		{"read a read-only mount", []string{"read", "/ro/in.txt"}, true, "ok read read me"},
		{"mkdir", []string{"mkdir", "/data/sub"}, true, "ok mkdir"},
		{"list", []string{"ls", "/data"}, true, "ok ls 5"},
		{"write to a read-only mount", []string{"write", "/ro/in.txt", "x"}, false, "errno=EROFS"},
		{"create in a read-only mount", []string{"write", "/ro/new.txt", "x"}, false, "errno="},
		{"dotdot out of a mount", []string{"read", "/data/../outside/secret.txt"}, false, "errno="},
		{"relative dotdot", []string{"read", "../outside/secret.txt"}, false, "errno="},
		{"absolute host path", []string{"read", secret}, false, "errno="},
		{"etc passwd", []string{"read", "/etc/passwd"}, false, "errno="},
		{"proc", []string{"read", "/proc/self/environ"}, false, "errno="},
		{"host symlink, absolute target", []string{"read", "/data/abs-link"}, false, "errno="},
		{"host symlink, relative target", []string{"read", "/data/rel-link"}, false, "errno="},
		{"host symlink to a directory", []string{"read", "/data/dir-link/secret.txt"}, false, "errno="},
		{"guest-made symlink out", []string{"symlink", "../../../../../..", "/data/escape"}, true, "ok symlink"},
		{"follow the guest-made symlink", []string{"read", "/data/escape" + outside + "/secret.txt"}, false, "errno="},
		{"write through a host symlink", []string{"write", "/data/rel-link", "pwned"}, false, "errno="},
		{"rename across mounts", []string{"rename", "/ro/in.txt", "/data/stolen.txt"}, false, "errno="},
		{"remove in a read-only mount", []string{"rm", "/ro/in.txt"}, false, "errno="},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := guest(tc.args...)
			require.Contains(t, res.Stdout, tc.want, res.Stderr)
			if tc.ok {
				require.Equal(t, 0, res.Code, res.Stdout+res.Stderr)
			} else {
				require.Equal(t, 1, res.Code, res.Stdout+res.Stderr)
			}
			require.NotContains(t, res.Stderr, "goroutine")
		})
	}
	// The host is untouched outside the writable mount.
	got, err := os.ReadFile(secret)
	require.NoError(t, err)
	require.Equal(t, "host secret", string(got))
	got, err = os.ReadFile(filepath.Join(ro, "in.txt"))
	require.NoError(t, err)
	require.Equal(t, "read me", string(got))
	entries, err := os.ReadDir(outside)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	entries, err = os.ReadDir(ro)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	got, err = os.ReadFile(filepath.Join(data, "out.txt"))
	require.NoError(t, err)
	require.Equal(t, "hello world", string(got))

	// Without --dir the guest sees no files at all.
	res := wr(t, prog, "read", "/data/out.txt")
	require.Equal(t, 1, res.Code)
	require.Contains(t, res.Stdout, "errno=")
	// With no GUEST part the guest path is the host path.
	res = wr(t, "--dir", data, prog, "read", filepath.Join(data, "out.txt"))
	require.Equal(t, 0, res.Code, res.Stdout+res.Stderr)
	require.Contains(t, res.Stdout, "ok read hello world")
}
