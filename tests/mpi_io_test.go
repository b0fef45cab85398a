package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMPIIOSandbox: MPI_File_open and MPI_File_delete go through the same
// mounts as WASI file access. Every attempt to leave them fails with the
// standard error class, and the host files outside are untouched.
func TestMPIIOSandbox(t *testing.T) {
	prog := build(t, "wasm", "testdata/mpi_io_sandbox.c")
	want := strings.Join([]string{
		"create in a mount: ok",
		"reopen in a mount: ok",
		"relative to the guest root: ok",
		"read a read-only mount: ok",
		"no mount: MPI_ERR_ACCESS",
		"relative, no mount: MPI_ERR_ACCESS",
		"absolute host path: MPI_ERR_ACCESS",
		"absolute host path, create: MPI_ERR_ACCESS",
		"etc passwd: MPI_ERR_ACCESS",
		"proc: MPI_ERR_ACCESS",
		"dotdot out of a mount: MPI_ERR_ACCESS",
		"dotdot, create: MPI_ERR_ACCESS",
		"dotdot to the other mount: MPI_ERR_ACCESS",
		"host symlink, absolute target: MPI_ERR_ACCESS",
		"host symlink, relative target: MPI_ERR_ACCESS",
		"write through a host symlink: MPI_ERR_ACCESS",
		"create through a host symlink: MPI_ERR_ACCESS",
		"host symlink to a directory: MPI_ERR_ACCESS",
		"create in a symlinked directory: MPI_ERR_ACCESS",
		"guest-made symlink out: MPI_ERR_ACCESS",
		"write a read-only mount: MPI_ERR_READ_ONLY",
		"write-only on a read-only mount: MPI_ERR_READ_ONLY",
		"create in a read-only mount: MPI_ERR_READ_ONLY",
		"delete-on-close in a read-only mount: MPI_ERR_READ_ONLY",
		"a directory: MPI_ERR_BAD_FILE",
		"delete absolute host path: MPI_ERR_ACCESS",
		"delete dotdot out of a mount: MPI_ERR_ACCESS",
		"delete through a host symlink: MPI_ERR_ACCESS",
		"delete in a symlinked directory: MPI_ERR_ACCESS",
		"delete in a read-only mount: MPI_ERR_READ_ONLY",
		"delete a missing file: MPI_ERR_NO_SUCH_FILE",
		"delete in a mount: ok",
	}, "\n") + "\n"
	forHosts(t, func(t *testing.T, h *host) {
		for _, np := range []int{1, 2} {
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

			res := h.run(t, np, h.wasmrun, "--dir", data+":/data", "--dir", ro+":/ro:ro", prog, secret)
			require.Equal(t, 0, res.Code, res.Stdout+res.Stderr)
			require.Equal(t, want, res.Stdout, "-np %d", np)

			got, err := os.ReadFile(secret)
			require.NoError(t, err)
			require.Equal(t, "host secret", string(got))
			entries, err := os.ReadDir(outside)
			require.NoError(t, err)
			require.Len(t, entries, 1, "nothing new outside the mounts")
			got, err = os.ReadFile(filepath.Join(ro, "in.txt"))
			require.NoError(t, err)
			require.Equal(t, "read me", string(got))
			entries, err = os.ReadDir(ro)
			require.NoError(t, err)
			require.Len(t, entries, 1, "nothing new in the read-only mount")
		}
	})
}
