package wasmfile

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// build assembles a module from (id, body) pairs.
func build(sections ...any) []byte {
	out := []byte("\x00asm\x01\x00\x00\x00")
	for i := 0; i < len(sections); i += 2 {
		body := sections[i+1].([]byte)
		out = append(out, byte(sections[i].(int)))
		out = appendU32(out, uint32(len(body)))
		out = append(out, body...)
	}
	return out
}

func name(s string) []byte { return append(appendU32(nil, uint32(len(s))), s...) }

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestParse(t *testing.T) {
	types := []byte{2, 0x60, 0, 0, 0x60, 1, 0x7f, 2, 0x7f, 0x7f} // () -> (); (i32) -> (i32, i32)
	imports := cat([]byte{3},
		name("wasi_snapshot_preview1"), name("fd_write"), []byte{0, 0},
		name("wasmrun_mpi"), name("MPI_Init"), []byte{0, 0},
		name("env"), name("memory"), []byte{2, 1, 2, 0x80, 0x80, 0x04}) // min 2, max 65536
	funcs := []byte{1, 0}
	globals := []byte{1, 0x7f, 1, 0x41, 0x80, 0x80, 0x04, 0x0b} // mutable i32 = 65536
	exports := cat([]byte{2}, name("_start"), []byte{0, 2}, name("__stack_pointer"), []byte{3, 0})
	// One body: v128.const; drop; i32.const 0; i32.extend8_s; drop;
	// i32.const 0 i32.const 0 i32.const 0 memory.fill; end.
	body := cat([]byte{0, 0xfd, 12}, make([]byte, 16), []byte{0x1a, 0x41, 0, 0xc0, 0x1a, 0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 11, 0, 0x0b})
	code := cat([]byte{1}, appendU32(nil, uint32(len(body))), body)
	custom := cat(name("producers"), []byte("xyz"))
	mod := build(1, types, 2, imports, 3, funcs, 6, globals, 7, exports, 10, code, 0, custom)

	m, err := Parse(mod)
	require.NoError(t, err)
	require.Equal(t, []Import{
		{Module: "wasi_snapshot_preview1", Name: "fd_write", Kind: KindFunc},
		{Module: "wasmrun_mpi", Name: "MPI_Init", Kind: KindFunc},
		{Module: "env", Name: "memory", Kind: KindMemory, Memory: &Limits{Min: 2, Max: 65536, HasMax: true}},
	}, m.Imports)
	require.Equal(t, []Export{{"_start", KindFunc}, {"__stack_pointer", KindGlobal}}, m.Exports)
	require.Equal(t, []Limits{{Min: 2, Max: 65536, HasMax: true}}, m.Memories)
	require.Equal(t, []Feature{BulkMemory, MultiValue, MutableGlobals, SignExtension, SIMD}, m.Features.List())
	require.Len(t, m.Custom, 1)
	require.Equal(t, "producers", m.Custom[0].Name)
	require.Equal(t, []byte("xyz"), m.Custom[0].Body)
}

func TestCorrupt(t *testing.T) {
	good := build(1, []byte{1, 0x60, 0, 0}, 3, []byte{1, 0}, 10, []byte{1, 2, 0, 0x0b})
	_, err := Parse(good)
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "no \\0asm header"},
		{"script", []byte("#!/bin/sh\necho\n"), "no \\0asm header"},
		{"version 2", []byte("\x00asm\x02\x00\x00\x00"), "version 2"},
		{"truncated", good[:len(good)-2], "runs past the end"},
		{"section size too long", append(good[:len(good):len(good)], 1, 0xff, 0xff, 0xff, 0xff, 0x7f), "integer too large"},
		{"unknown section", append(good[:len(good):len(good)], 42, 0), "unknown section id 42"},
		{"huge vector", build(2, []byte{0xff, 0xff, 0xff, 0xff, 0x0f}), "vector of 4294967295 elements"},
		{"bad import kind", build(2, cat([]byte{1}, name("a"), name("b"), []byte{9})), "import a.b: unknown kind 9"},
		{"bad opcode", build(1, []byte{1, 0x60, 0, 0}, 3, []byte{1, 0}, 10, []byte{1, 2, 0, 0xf0}), "unknown opcode 0xf0"},
		{"body past section", build(10, []byte{1, 9, 0, 0x0b}), "code section"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.data)
			require.ErrorContains(t, err, tc.want)
		})
	}
}

func TestCustomSections(t *testing.T) {
	mod := build(1, []byte{1, 0x60, 0, 0}, 0, cat(name("a"), []byte("1")))
	signed, err := AppendCustom(mod, "sig", []byte("payload"))
	require.NoError(t, err)
	got, err := Custom(signed, "sig")
	require.NoError(t, err)
	require.Equal(t, [][]byte{[]byte("payload")}, got)
	back, n, err := RemoveCustom(signed, "sig")
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.Equal(t, mod, back)
	_, err = AppendCustom([]byte("nope"), "x", nil)
	require.ErrorIs(t, err, ErrNotModule)
}
