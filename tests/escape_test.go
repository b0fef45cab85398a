package tests

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// escapeWant is what tests/testdata/escape.c must print: every attempt to
// leave the mounts fails with the errno or MPI error class given. The only
// "ok" lines are set-up steps inside the writable mount (a symlink or hard
// link made there is harmless as long as nothing can follow it out).
// ENOSYS for link and rename across two mounts comes from wazero, which
// refuses them before they reach wasmrun's file system.
var escapeWant = `01 dotdot out of a mount: EPERM
02 long dotdot chain: EPERM
03 relative dotdot: ENOTCAPABLE
04 dot then dotdot: EPERM
05 double slashes: EPERM
06 file as a directory, then dotdot: EPERM
07 dotdot from the read-only mount: EPERM
08 absolute host path: ENOTCAPABLE
09 etc passwd: ENOTCAPABLE
10 host symlink, absolute target: EPERM
11 host symlink, relative target: EPERM
12 host symlink to a directory: EPERM
13 host symlink to a directory, absolute: EPERM
14 write through a host symlink: EPERM
15 create through a host directory symlink: EPERM
16 opendir through a host directory symlink: EPERM
17 stat through a host directory symlink: EPERM
18 guest symlink to a directory outside (made): ok
19 guest symlink to a directory outside: EPERM
20 guest symlink, absolute target (made): EPERM
21 guest symlink, absolute target: ENOENT
22 guest symlink up to the root (made): ok
23 guest symlink up to the root: EPERM
24 guest symlink chain (made): ok
25 guest symlink chain: EPERM
26 create through a guest symlink: EPERM
27 hard link from the read-only mount: ENOSYS
28 hard link to a file outside: EPERM
29 hard link of a host symlink (made): ok
30 read the hard-linked symlink: EPERM
31 rename from the read-only mount: ENOSYS
32 rename out of the mount: EPERM
33 rename into the read-only mount: ENOSYS
34 rename through a host directory symlink: EPERM
35 write a read-only file: EROFS
36 create in a read-only mount: EROFS
37 unlink in a read-only mount: EROFS
38 mkdir in a read-only mount: EROFS
39 symlink in a read-only mount: EROFS
40 truncate in a read-only mount: EROFS
41 utimes in a read-only mount: EROFS
42 proc environ: ENOTCAPABLE
43 proc root: ENOTCAPABLE
44 proc fd: ENOTCAPABLE
45 dev urandom: ENOTCAPABLE
46 dev null: ENOTCAPABLE
47 very long path: ENOENT
48 newline and dotdot: EPERM
49 embedded NUL: EISDIR
50 chdir through a host directory symlink: EPERM
51 chdir into the mount (set-up): ok
52 dotdot from the working directory: EPERM
53 host environment: - - -
54 MPI-IO long dotdot chain: MPI_ERR_ACCESS
55 MPI-IO guest symlink to a directory: MPI_ERR_ACCESS
56 MPI-IO create through a guest symlink: MPI_ERR_ACCESS
57 MPI-IO guest symlink up to the root: MPI_ERR_ACCESS
58 MPI-IO hard-linked symlink: MPI_ERR_ACCESS
59 MPI-IO proc: MPI_ERR_ACCESS
60 MPI-IO dev: MPI_ERR_ACCESS
61 MPI-IO very long path: MPI_ERR_NO_SUCH_FILE
62 MPI-IO write a read-only file: MPI_ERR_READ_ONLY
63 MPI-IO delete outside: MPI_ERR_ACCESS
64 MPI-IO delete in the read-only mount: MPI_ERR_READ_ONLY
`

// TestEscape runs 59 attempts to leave the mounts (escape.c: .. chains,
// absolute paths, host- and guest-made symlinks to files and directories,
// hard links, renames across mounts, writes to a read-only mount, /proc,
// /dev, long and odd paths, MPI-IO opens and deletes of the same, host
// environment variables) over each host MPI, and checks that the host
// files are as they were, byte for byte, mode and time.
func TestEscape(t *testing.T) {
	prog := build(t, "wasm", "testdata/escape.c")
	t.Setenv("WASMRUN_ESCAPE_SECRET", "host only")
	forHosts(t, func(t *testing.T, h *host) {
		base := t.TempDir()
		data, ro, outside := filepath.Join(base, "data"), filepath.Join(base, "ro"), filepath.Join(base, "outside")
		for _, d := range []string{data, ro, outside} {
			require.NoError(t, os.Mkdir(d, 0o755))
		}
		secret := filepath.Join(outside, "secret")
		require.NoError(t, os.WriteFile(secret, []byte("host secret"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(ro, "in.txt"), []byte("read me"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(data, "f"), []byte("f"), 0o644))
		for link, target := range map[string]string{"abs-link": secret, "rel-link": "../outside/secret", "dir-link": "../outside", "abs-dir-link": outside} {
			require.NoError(t, os.Symlink(target, filepath.Join(data, link)))
		}
		before := tree(t, base, data)

		res := h.wr(t, "--dir", data+":/data", "--dir", ro+":/ro:ro", prog, secret, outside)
		require.Equal(t, 0, res.Code, res.Stderr)
		require.Equal(t, escapeWant, res.Stdout)
		require.NotContains(t, res.Stderr, "goroutine")

		// Outside the writable mount nothing changed; inside it only the
		// guest's own links appeared and f is intact.
		require.Equal(t, before, tree(t, base, data))
		entries, err := os.ReadDir(data)
		require.NoError(t, err)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		require.Equal(t, []string{"abs-dir-link", "abs-link", "dir-link", "f", "g-chain", "g-dir", "g-up", "hl-sym", "rel-link"}, names)
		got, err := os.ReadFile(filepath.Join(data, "f"))
		require.NoError(t, err)
		require.Equal(t, "f", string(got))
	})
}

// tree describes every file under base but those under skip: path, mode,
// modification time and content (or link target).
func tree(t *testing.T, base, skip string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == skip {
			return filepath.SkipDir
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		line := p + " " + fi.Mode().String() + " " + fi.ModTime().String()
		switch {
		case fi.Mode().IsRegular():
			c, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			line += " " + string(c)
		case fi.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			line += " -> " + target
		}
		lines = append(lines, line)
		return nil
	})
	require.NoError(t, err)
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
