package inspect

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/wasmrun/wasmrun/internal/signature"
	"github.com/wasmrun/wasmrun/internal/toolchain"
	"github.com/wasmrun/wasmrun/internal/wasmfile"
)

func name(s string) []byte { return append([]byte{byte(len(s))}, s...) }

// module imports wasmrun_mpi.MPI_Init and .MPI_Spawn_everything,
// mystery.f and wasi_snapshot_preview1.fd_write; it has a memory of 2 to
// 10 pages and exports it.
func module() []byte {
	var imp []byte
	imp = append(imp, 4)
	for _, im := range [][2]string{{"wasmrun_mpi", "MPI_Init"}, {"wasmrun_mpi", "MPI_Spawn_everything"}, {"mystery", "f"}, {"wasi_snapshot_preview1", "fd_write"}} {
		imp = append(append(append(imp, name(im[0])...), name(im[1])...), 0, 0)
	}
	out := []byte("\x00asm\x01\x00\x00\x00")
	out = append(out, 1, 4, 1, 0x60, 0, 0)
	out = append(out, 2, byte(len(imp)))
	out = append(out, imp...)
	out = append(out, 5, 4, 1, 1, 2, 10)
	exp := append(append([]byte{1}, name("memory")...), 2, 0)
	out = append(out, 7, byte(len(exp)))
	return append(out, exp...)
}

var hosts = map[string][]string{
	"wasi_snapshot_preview1": {"fd_write", "proc_exit"},
	"wasmrun_mpi":            {"MPI_Init", "MPI_Finalize"},
}

func TestReport(t *testing.T) {
	mod := module()
	r, err := Module("m.wasm", mod, Options{Hosts: hosts})
	require.NoError(t, err)
	require.Equal(t, len(mod), r.Size)
	require.Equal(t, uint64(2), r.Memory.MinPages)
	require.Equal(t, uint64(10), *r.Memory.MaxPages)
	require.Len(t, r.Imports, 3)
	require.Equal(t, []string{"WASI", "MPI", "mystery"}, []string{r.Imports[0].Label, r.Imports[1].Label, r.Imports[2].Label}, "known host modules first")
	require.Equal(t, 1, r.Imports[0].Supported)
	require.Equal(t, 1, r.Imports[1].Supported)
	require.False(t, r.Imports[1].Imports[1].Supported)
	require.False(t, r.Imports[2].Provided)
	require.False(t, r.Runnable)
	require.Equal(t, []string{"1 import(s) from wasmrun_mpi that wasmrun does not provide", "1 import(s) from mystery that wasmrun does not provide"}, r.Problems)
	require.Equal(t, "unsigned", r.Signature.Status)
	require.Nil(t, r.Build)

	var text bytes.Buffer
	require.NoError(t, r.WriteText(&text))
	for _, want := range []string{
		"memory     2 pages (128.0 KiB) at start, up to 10 pages (640.0 KiB)\n",
		"MPI (wasmrun_mpi): 2, 1 NOT supported\n",
		"  MPI_Spawn_everything  NOT supported\n",
		"mystery: 1, not supported: this wasmrun has no such host module\n",
		"exports    memory (memory)\n",
		"runnable   no: ",
	} {
		require.Contains(t, text.String(), want)
	}
	data, err := json.Marshal(r)
	require.NoError(t, err)
	require.Contains(t, string(data), `"label":"MPI"`)
}

func TestBuildAndSignature(t *testing.T) {
	info, err := json.Marshal(toolchain.BuildInfo{Tool: "wasmrun cc 1.0", Compiler: "clang 19", Flags: []string{"-O3"}, Sources: []string{"a.c"}})
	require.NoError(t, err)
	mod, err := wasmfile.AppendCustom(module(), toolchain.BuildSection, info)
	require.NoError(t, err)
	pub, priv, err := ed25519.GenerateKey(nil)
	require.NoError(t, err)
	signed, err := signature.Sign(mod, priv)
	require.NoError(t, err)

	r, err := Module("m.wasm", signed, Options{Hosts: hosts, Trusted: pub})
	require.NoError(t, err)
	require.Equal(t, "wasmrun cc 1.0", r.Build.Tool)
	require.Equal(t, []string{"a.c"}, r.Build.Sources)
	require.Equal(t, "signed", r.Signature.Status)
	require.True(t, *r.Signature.Trusted)

	other, _, err := ed25519.GenerateKey(nil)
	require.NoError(t, err)
	r, err = Module("m.wasm", signed, Options{Hosts: hosts, Trusted: other})
	require.NoError(t, err)
	require.False(t, *r.Signature.Trusted)
	require.Contains(t, r.Signature.Explanation, "signed by another key")

	tampered := bytes.Clone(signed)
	tampered[len(module())+10] ^= 1 // in the build info
	r, err = Module("m.wasm", tampered, Options{Hosts: hosts})
	require.NoError(t, err)
	require.Equal(t, "tampered", r.Signature.Status)

	_, err = Module("m.wasm", signed[:20], Options{})
	require.ErrorContains(t, err, "m.wasm: ")
}
