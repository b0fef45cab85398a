package toolchain

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/wasmrun/wasmrun/internal/wasmfile"
)

func TestBuildInfo(t *testing.T) {
	dir := t.TempDir()
	rsp := filepath.Join(dir, "args.rsp")
	require.NoError(t, os.WriteFile(rsp, []byte("-DN=3 -I inc\n"), 0o644))
	clang := filepath.Join(dir, "clang")
	require.NoError(t, os.WriteFile(clang, []byte("#!/bin/sh\necho \"fake clang version 19.0 ($*)\"\necho 'Target: wasm32'\n"), 0o755))
	d := &Driver{Lang: "c", Clang: clang}
	info, err := d.buildInfo([]string{"-O3", "-o", "app.wasm", "main.c", "@" + rsp, "util.o", "-lm", "-ofoo", "x.cpp"})
	require.NoError(t, err)
	require.Equal(t, BuildInfo{Tool: "wasmrun cc dev", Compiler: "fake clang version 19.0 (--version)", Flags: []string{"-O3", "-DN=3", "-I", "inc", "-lm"},
		Sources: []string{"main.c", "x.cpp"}, Inputs: []string{"util.o"}}, info)

	// Recorded into a linked module, replacing an earlier record, keeping
	// the file's mode.
	mod := filepath.Join(dir, "app.wasm")
	require.NoError(t, os.WriteFile(mod, []byte("\x00asm\x01\x00\x00\x00\x01\x04\x01\x60\x00\x00"), 0o751))
	require.NoError(t, d.recordBuild(mod, []string{"-O1", "a.c"}))
	require.NoError(t, d.recordBuild(mod, []string{"-O2", "b.c"}))
	data, err := os.ReadFile(mod)
	require.NoError(t, err)
	sections, err := wasmfile.Custom(data, BuildSection)
	require.NoError(t, err)
	require.Len(t, sections, 1)
	got, ok, err := ReadBuildInfo(data)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, []string{"b.c"}, got.Sources)
	st, err := os.Stat(mod)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o751), st.Mode().Perm())

	// Not a module, not a file: left alone.
	script := filepath.Join(dir, "script")
	require.NoError(t, os.WriteFile(script, []byte("#!/bin/sh\n"), 0o755))
	require.NoError(t, d.recordBuild(script, nil))
	require.NoError(t, d.recordBuild(os.DevNull, nil))
	require.NoError(t, d.recordBuild(filepath.Join(dir, "absent"), nil))

	bad := filepath.Join(dir, "bad.wasm")
	require.NoError(t, os.WriteFile(bad, []byte("\x00asm\x01\x00\x00\x00\x01\x09"), 0o644))
	require.ErrorContains(t, d.recordBuild(bad, nil), "record build info in "+bad)
}
