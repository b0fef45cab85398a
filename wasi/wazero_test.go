package wasi

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// WASI errno values.
const (
	wasiOK     = 0
	wasiExist  = 20
	wasiNoent  = 44
	wasiPerm   = 63
	wasiRofs   = 69
	wasiNotdir = 54
)

// wasiFuncs are the WASI functions the test module imports and exports
// again through a wrapper of the same type, so Go can call them.
var wasiFuncs = []wasiFunc{
	{"path_open", []byte{i32, i32, i32, i32, i32, i64, i64, i32, i32}},
	{"path_create_directory", []byte{i32, i32, i32}},
	{"path_symlink", []byte{i32, i32, i32, i32, i32}},
	{"fd_readdir", []byte{i32, i32, i32, i64, i32}},
	{"fd_close", []byte{i32}},
}

const (
	i32 = 0x7f
	i64 = 0x7e
)

// wasiFunc is a WASI function a test module imports, with its parameter types.
type wasiFunc = struct {
	name   string
	params []byte
}

// guestModule assembles a wasm module with one page of memory, exported as
// "memory", that imports wasiFuncs and exports wrappers under the same names.
func guestModule() []byte { return moduleOf(wasiFuncs, []byte{0x00, 0x01}) }

// moduleOf assembles a wasm module with the memory limits given (wasm's
// encoding), exported as "memory", that imports fs and exports wrappers
// under the same names.
func moduleOf(wasiFuncs []wasiFunc, limits []byte) []byte {
	leb := func(v int) []byte { return binary.AppendUvarint(nil, uint64(v)) }
	cat := func(bs ...[]byte) []byte {
		var out []byte
		for _, b := range bs {
			out = append(out, b...)
		}
		return out
	}
	vec := func(items ...[]byte) []byte { return cat(append([][]byte{leb(len(items))}, items...)...) }
	name := func(s string) []byte { return cat(leb(len(s)), []byte(s)) }
	section := func(id byte, content []byte) []byte { return cat([]byte{id}, leb(len(content)), content) }

	var types, imports, funcs, exports, codes [][]byte
	n := len(wasiFuncs)
	for i, f := range wasiFuncs {
		types = append(types, cat([]byte{0x60}, vec(bytesOf(f.params)...), vec([]byte{i32})))
		imports = append(imports, cat(name("wasi_snapshot_preview1"), name(f.name), []byte{0x00}, leb(i)))
		funcs = append(funcs, leb(i))
		exports = append(exports, cat(name(f.name), []byte{0x00}, leb(n+i)))
		body := []byte{0x00} // no locals
		for p := range f.params {
			body = append(body, 0x20, byte(p)) // local.get p
		}
		body = append(body, 0x10, byte(i), 0x0b) // call i; end
		codes = append(codes, cat(leb(len(body)), body))
	}
	exports = append(exports, cat(name("memory"), []byte{0x02, 0x00}))
	return cat(
		[]byte("\x00asm\x01\x00\x00\x00"),
		section(1, vec(types...)),
		section(2, vec(imports...)),
		section(3, vec(funcs...)),
		section(5, vec(limits)),
		section(7, vec(exports...)),
		section(10, vec(codes...)),
	)
}

func bytesOf(b []byte) [][]byte {
	out := make([][]byte, len(b))
	for i := range b {
		out[i] = b[i : i+1]
	}
	return out
}

// guest calls WASI functions of an instantiated guestModule.
type guest struct {
	t   *testing.T
	ctx context.Context
	mod api.Module
}

const (
	resultAt = 0    // a result written by WASI
	path1At  = 1024 // a first path argument
	path2At  = 2048 // a second path argument
	bufAt    = 4096 // a buffer
)

func (g *guest) call(name string, args ...uint64) uint32 {
	g.t.Helper()
	res, err := g.mod.ExportedFunction(name).Call(g.ctx, args...)
	require.NoError(g.t, err, name)
	return uint32(res[0])
}

func (g *guest) put(at uint32, s string) (uint64, uint64) {
	g.t.Helper()
	require.True(g.t, g.mod.Memory().WriteString(at, s))
	return uint64(at), uint64(len(s))
}

// open is path_open relative to dirfd, following symbolic links, with the
// read right and, if write, the write right. It returns the errno and the
// new descriptor.
func (g *guest) open(dirfd uint64, name string, oflags uint64, write bool) (uint32, uint64) {
	g.t.Helper()
	p, l := g.put(path1At, name)
	rights := uint64(2) // RIGHT_FD_READ
	if write {
		rights |= 64 // RIGHT_FD_WRITE
	}
	errno := g.call("path_open", dirfd, 1, p, l, oflags, rights, rights, 0, resultAt)
	fd, _ := g.mod.Memory().ReadUint32Le(resultAt)
	return errno, uint64(fd)
}

func (g *guest) mkdir(dirfd uint64, name string) uint32 {
	p, l := g.put(path1At, name)
	return g.call("path_create_directory", dirfd, p, l)
}

func (g *guest) symlink(target string, dirfd uint64, name string) uint32 {
	tp, tl := g.put(path1At, target)
	np, nl := g.put(path2At, name)
	return g.call("path_symlink", tp, tl, dirfd, np, nl)
}

// readdir lists dirfd with fd_readdir.
func (g *guest) readdir(fd uint64) []string {
	g.t.Helper()
	require.EqualValues(g.t, wasiOK, g.call("fd_readdir", fd, bufAt, 4096, 0, resultAt))
	used, _ := g.mod.Memory().ReadUint32Le(resultAt)
	buf, _ := g.mod.Memory().Read(bufAt, used)
	var names []string
	for len(buf) >= 24 {
		n := binary.LittleEndian.Uint32(buf[16:])
		names = append(names, string(buf[24:24+n]))
		buf = buf[24+n:]
	}
	return names
}

// TestWazero runs WASI calls from a guest against a Table's FSConfig.
func TestWazero(t *testing.T) {
	base := t.TempDir()
	data, ro, outside := filepath.Join(base, "data"), filepath.Join(base, "ro"), filepath.Join(base, "outside")
	for _, d := range []string{data, ro, outside} {
		require.NoError(t, os.Mkdir(d, 0o755))
	}
	write(t, filepath.Join(outside, "secret"), "secret")
	write(t, filepath.Join(ro, "f"), "f")
	require.NoError(t, os.Symlink(outside, filepath.Join(data, "out")))

	tbl, err := NewTable([]Mount{{Host: data, Guest: "/data"}, {Host: ro, Guest: "/ro", ReadOnly: true}})
	require.NoError(t, err)
	defer tbl.Close()

	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	mod, err := r.InstantiateWithConfig(ctx, guestModule(), wazero.NewModuleConfig().WithFSConfig(tbl.FSConfig()))
	require.NoError(t, err)
	g := &guest{t: t, ctx: ctx, mod: mod}
	const dataFD, roFD = 3, 4 // preopens, in mount order
	const creat, directory = 1, 2

	assert.EqualValues(t, wasiOK, g.mkdir(dataFD, "d"))
	assert.DirExists(t, filepath.Join(data, "d"))
	assert.EqualValues(t, wasiExist, g.mkdir(dataFD, "d"))
	errno, fd := g.open(dataFD, "d/f", creat, true)
	require.EqualValues(t, wasiOK, errno)
	assert.EqualValues(t, wasiOK, g.call("fd_close", fd))
	assert.FileExists(t, filepath.Join(data, "d", "f"))
	errno, _ = g.open(dataFD, "missing", 0, false)
	assert.EqualValues(t, wasiNoent, errno)
	errno, _ = g.open(dataFD, "d/f", directory, false)
	assert.EqualValues(t, wasiNotdir, errno)

	// Directory listings, of the mount and of a directory in it.
	assert.ElementsMatch(t, []string{".", "..", "d", "out"}, g.readdir(dataFD))
	errno, fd = g.open(dataFD, "d", directory, false)
	require.EqualValues(t, wasiOK, errno)
	assert.ElementsMatch(t, []string{".", "..", "f"}, g.readdir(fd))

	// Escapes.
	assert.EqualValues(t, wasiOK, g.symlink("../../../../etc", dataFD, "etc"))
	target, err := os.Readlink(filepath.Join(data, "etc"))
	require.NoError(t, err)
	assert.Equal(t, "../../../../etc", target)
	for _, name := range []string{"etc/passwd", "etc", "out/secret", "out", "../outside/secret", "d/../../outside"} {
		errno, _ = g.open(dataFD, name, 0, false)
		assert.EqualValues(t, wasiPerm, errno, name)
		errno, _ = g.open(dataFD, name+"/new", creat, true)
		assert.EqualValues(t, wasiPerm, errno, name+"/new")
	}
	assert.EqualValues(t, wasiPerm, g.mkdir(dataFD, "out/new"))
	assert.NoFileExists(t, filepath.Join(outside, "new"))

	// The read-only mount.
	errno, fd = g.open(roFD, "f", 0, false)
	assert.EqualValues(t, wasiOK, errno)
	assert.EqualValues(t, wasiOK, g.call("fd_close", fd))
	errno, _ = g.open(roFD, "f", 0, true)
	assert.EqualValues(t, wasiRofs, errno)
	errno, _ = g.open(roFD, "new", creat, true)
	assert.EqualValues(t, wasiRofs, errno)
	assert.EqualValues(t, wasiRofs, g.mkdir(roFD, "d"))
	assert.EqualValues(t, wasiRofs, g.symlink("f", roFD, "l"))
	assert.ElementsMatch(t, []string{".", "..", "f"}, g.readdir(roFD))
	entries, err := os.ReadDir(ro)
	require.NoError(t, err)
	assert.Len(t, entries, 1)
}
