package tests

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMPISamplesPart2: the 3D halo exchange (Cartesian topology, subarray
// types) and the MPI-IO checkpoint (collective write into a mounted
// directory) print exactly what their native builds print, at 1, 2 and 4
// ranks, over both host families.
func TestMPISamplesPart2(t *testing.T) {
	halo := "../samples/halo3d/halo3d.c"
	ckpt := "../samples/io_checkpoint/io_checkpoint.c"
	haloWasm, ckptWasm := build(t, "wasm", halo), build(t, "wasm", ckpt)
	forHosts(t, func(t *testing.T, h *host) {
		haloNative, ckptNative := build(t, h.mpicc, halo), build(t, h.mpicc, ckpt)
		for _, np := range []int{1, 2, 4} {
			n := h.run(t, np, haloNative, "24", "40")
			require.Equal(t, 0, n.Code, n.Stderr)
			w := h.run(t, np, h.wasmrun, haloWasm, "24", "40")
			require.Equal(t, 0, w.Code, w.Stderr)
			require.Equal(t, n.Stdout, w.Stdout, "halo3d -np %d", np)

			nd, wd := t.TempDir(), t.TempDir()
			n = h.run(t, np, ckptNative, nd, "96", "50", "keep")
			require.Equal(t, 0, n.Code, n.Stderr)
			w = h.run(t, np, h.wasmrun, "--dir", wd+":/out", ckptWasm, "/out", "96", "50", "keep")
			require.Equal(t, 0, w.Code, w.Stderr)
			require.Equal(t, n.Stdout, w.Stdout, "io_checkpoint -np %d", np)
			native, err := os.ReadFile(filepath.Join(nd, "io_checkpoint.dat"))
			require.NoError(t, err)
			wasm, err := os.ReadFile(filepath.Join(wd, "io_checkpoint.dat"))
			require.NoError(t, err)
			require.Equal(t, native, wasm, "the checkpoint files are byte-identical")
		}
	})
}
