package wasi

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"
	"github.com/wasmrun/wasmrun/internal/guestfuzz"
)

// fuzzWASIFuncs are the WASI functions FuzzWASI calls: every one of
// wasi_snapshot_preview1 but proc_exit, proc_raise and the sockets.
var fuzzWASIFuncs = []wasiFunc{
	{"args_get", []byte{i32, i32}},
	{"args_sizes_get", []byte{i32, i32}},
	{"environ_get", []byte{i32, i32}},
	{"environ_sizes_get", []byte{i32, i32}},
	{"clock_res_get", []byte{i32, i32}},
	{"clock_time_get", []byte{i32, i64, i32}},
	{"fd_advise", []byte{i32, i64, i64, i32}},
	{"fd_allocate", []byte{i32, i64, i64}},
	{"fd_close", []byte{i32}},
	{"fd_datasync", []byte{i32}},
	{"fd_fdstat_get", []byte{i32, i32}},
	{"fd_fdstat_set_flags", []byte{i32, i32}},
	{"fd_fdstat_set_rights", []byte{i32, i64, i64}},
	{"fd_filestat_get", []byte{i32, i32}},
	{"fd_filestat_set_size", []byte{i32, i64}},
	{"fd_filestat_set_times", []byte{i32, i64, i64, i32}},
	{"fd_pread", []byte{i32, i32, i32, i64, i32}},
	{"fd_prestat_get", []byte{i32, i32}},
	{"fd_prestat_dir_name", []byte{i32, i32, i32}},
	{"fd_pwrite", []byte{i32, i32, i32, i64, i32}},
	{"fd_read", []byte{i32, i32, i32, i32}},
	{"fd_readdir", []byte{i32, i32, i32, i64, i32}},
	{"fd_renumber", []byte{i32, i32}},
	{"fd_seek", []byte{i32, i64, i32, i32}},
	{"fd_sync", []byte{i32}},
	{"fd_tell", []byte{i32, i32}},
	{"fd_write", []byte{i32, i32, i32, i32}},
	{"path_create_directory", []byte{i32, i32, i32}},
	{"path_filestat_get", []byte{i32, i32, i32, i32, i32}},
	{"path_filestat_set_times", []byte{i32, i32, i32, i32, i64, i64, i32}},
	{"path_link", []byte{i32, i32, i32, i32, i32, i32, i32}},
	{"path_open", []byte{i32, i32, i32, i32, i32, i64, i64, i32, i32}},
	{"path_readlink", []byte{i32, i32, i32, i32, i32, i32}},
	{"path_remove_directory", []byte{i32, i32, i32}},
	{"path_rename", []byte{i32, i32, i32, i32, i32, i32}},
	{"path_symlink", []byte{i32, i32, i32, i32, i32}},
	{"path_unlink_file", []byte{i32, i32, i32}},
	{"poll_oneoff", []byte{i32, i32, i32, i32}},
	{"random_get", []byte{i32, i32}},
	{"sched_yield", nil},
}

// Guest memory of FuzzWASI: the input fills the data area; fuzzWASIPaths
// lie at pathsAt, each NUL-terminated.
const (
	wasiData    = 1024
	wasiDataLen = 8 << 10
	pathsAt     = 12 << 10
)

var fuzzWASIPaths = []string{
	"f", "d", "d/f", "..", "../outside/secret", "../outside", "abs-link", "rel-link", "dir-link",
	"dir-link/secret", "guest-link", "guest-link/outside/secret", "/etc/passwd", "/proc/self/environ",
	"d/../../outside/secret", "./f/", "f\x00x", strings.Repeat("a/", 2000), strings.Repeat("../", 40) + "etc/passwd",
}

// FuzzWASI calls up to eight WASI functions, wazero's own, on top of the
// mount table (a writable mount with symlinks to a directory outside it, and
// a read-only mount), with arguments drawn from the input: descriptors,
// offsets into guest memory and past its end, paths that try to leave the
// mounts, flags, rights and sizes. The guest memory lies between guard
// pages. After each call no host address may be in guest memory; after
// the input, nothing outside the writable mount may have changed, and the
// guest must not have seen a host environment variable.
func FuzzWASI(f *testing.F) {
	gm, err := guestfuzz.NewMemory(4 << 16)
	if err != nil {
		f.Fatal(err)
	}
	var paths []uint32
	var table []byte
	for _, p := range fuzzWASIPaths {
		paths = append(paths, pathsAt+uint32(len(table)), uint32(len(p)))
		table = append(append(table, p...), 0)
	}
	args := guestfuzz.Args{MemSize: uint32(len(gm.Bytes)), Data: wasiData, DataLen: wasiDataLen,
		Predef: append(paths, 3, 4, 5, 0xffffffff, 1, 2)}
	mod := moduleOf(fuzzWASIFuncs, []byte{0x01, 0x04, 0x04})
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	f.Cleanup(func() { r.Close(ctx) })
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	compiled, err := r.CompileModule(ctx, mod)
	if err != nil {
		f.Fatal(err)
	}
	os.Setenv("WASMRUN_FUZZ_SECRET", "host-only")

	funcs := make([]guestfuzz.Func, len(fuzzWASIFuncs))
	for i, fn := range fuzzWASIFuncs {
		funcs[i].Name = fn.name
		for _, p := range fn.params {
			funcs[i].Params = append(funcs[i].Params, api.ValueType(p))
		}
	}
	for _, seed := range [][]byte{
		// path_open("../outside/secret") on the writable mount
		{0, 31, 0, 5, 3, 0, 0, 0, 1, 0, 0, 0, 0, 5, 8, 0, 0, 0, 5, 9, 0, 0, 0, 1, 1, 0, 0, 0},
		// path_symlink of a long .. chain, then open through it
		{1, 35, 0, 5, 36, 0, 0, 0, 5, 37, 0, 0, 0, 5, 2, 0, 0, 0, 5, 20, 0, 0, 0, 5, 21, 0, 0, 0,
			31, 0, 5, 2, 0, 0, 0, 1, 1, 0, 0, 0, 5, 22, 0, 0, 0, 5, 23, 0, 0, 0},
		// path_rename from the read-only mount
		{0, 34, 0, 5, 3, 0, 0, 0, 5, 0, 0, 0, 0, 5, 1, 0, 0, 0, 5, 2, 0, 0, 0, 5, 0, 0, 0, 0, 5, 1, 0, 0, 0},
		// fd_write with iovecs past the end of memory
		{0, 26, 0, 1, 1, 0, 0, 0, 4, 8, 0, 0, 0, 1, 3, 0, 0, 0, 9, 0, 0, 0, 0},
		// fd_readdir of the mount into a buffer at the end of memory
		{0, 21, 0, 5, 38, 0, 0, 0, 4, 30, 0, 0, 0, 1, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 2, 0, 0, 0},
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		base := t.TempDir()
		data, ro, outside := filepath.Join(base, "data"), filepath.Join(base, "ro"), filepath.Join(base, "outside")
		for _, d := range []string{data, ro, outside} {
			if err := os.Mkdir(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		secret := filepath.Join(outside, "secret")
		write(t, secret, "secret")
		write(t, filepath.Join(ro, "f"), "f")
		write(t, filepath.Join(data, "f"), "f")
		for link, target := range map[string]string{"abs-link": secret, "rel-link": "../outside/secret", "dir-link": "../outside"} {
			if err := os.Symlink(target, filepath.Join(data, link)); err != nil {
				t.Fatal(err)
			}
		}
		before := snapshot(t, base, data)
		tbl, err := NewTable([]Mount{{Host: data, Guest: "/data"}, {Host: ro, Guest: "/ro", ReadOnly: true}})
		if err != nil {
			t.Fatal(err)
		}
		defer tbl.Close()
		cfg := wazero.NewModuleConfig().WithName("").WithFSConfig(tbl.FSConfig()).WithArgs("guest", "a").WithEnv("A", "1")
		m, err := r.InstantiateModule(gm.Context(ctx), compiled, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close(ctx)

		in := guestfuzz.NewInput(input)
		calls := args.Plan(in, 8, funcs)
		args.Fill(gm.Bytes, in)
		copy(gm.Bytes[pathsAt:], table)
		guestfuzz.Run(t, gm.Bytes, calls, func(c guestfuzz.Call) uint64 {
			if c.Name == "fd_filestat_set_times" && uint32(c.Params[0]) <= 2 {
				// wazero 1.12 dereferences a nil FS for stdio here (found by
				// this test): the guest gets a trap, the host is unharmed.
				return 0
			}
			res, err := m.ExportedFunction(c.Name).Call(ctx, c.Params...)
			if err != nil {
				if _, exit := err.(*sys.ExitError); !exit {
					t.Fatalf("%v: %v", c, err)
				}
			}
			if strings.Contains(string(gm.Bytes), "host-only") {
				t.Fatalf("%v: a host environment variable reached the guest", c)
			}
			if len(res) > 0 {
				return res[0]
			}
			return 0
		})
		if after := snapshot(t, base, data); after != before {
			t.Fatalf("the host changed outside the writable mount:\nbefore %s\nafter  %s", before, after)
		}
	})
}

// snapshot describes every file under base outside skip: name, mode,
// modification time and content.
func snapshot(t *testing.T, base, skip string) string {
	var b strings.Builder
	err := filepath.Walk(base, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if p == skip {
			return filepath.SkipDir
		}
		b.WriteString(p + " " + fi.Mode().String() + " " + fi.ModTime().String())
		if fi.Mode().IsRegular() {
			c, _ := os.ReadFile(p)
			b.WriteString(" " + string(c))
		}
		b.WriteString("\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
