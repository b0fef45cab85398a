package mpibridge

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero/api"
)

// rootMounts is a one-mount table for tests: the guest path /data is dir.
type rootMounts struct{ root *os.Root }

func (m rootMounts) Resolve(p string) (*os.Root, string, bool, error) {
	rel, err := filepath.Rel("/data", p)
	if err != nil || !filepath.IsLocal(rel) && rel != "." {
		return nil, "", false, os.ErrNotExist
	}
	return m.root, rel, false, nil
}

// testRMAIO covers windows, files and info objects with the real host MPI.
// It needs MPI initialised, so TestBridge calls it before MPI_Finalize,
// with MPI_ERRORS_RETURN on MPI_COMM_WORLD and MPI_COMM_SELF.
func testRMAIO(t *testing.T, b *Bridge, mem api.Memory) {
	stack := make([]uint64, 16)
	const (
		winMem = 8192 // 256 bytes of window
		buf    = 9000
		buf2   = 9100
		out    = 9200
		out2   = 9208
		name   = 9300
		hdl    = 9400
	)
	root, err := os.OpenRoot(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { root.Close() })
	saved := b.mounts
	b.mounts = rootMounts{root}
	t.Cleanup(func() { b.mounts = saved })

	require.Zero(t, call(b, find("MPI_Win_create"), stack, winMem, 256, 4, infoNull, commSelf, hdl))
	win, _ := mem.ReadUint32Le(hdl)
	require.Zero(t, call(b, find("MPI_Win_set_errhandler"), stack, uint64(win), errorsReturn))
	put, get, acc := find("MPI_Put"), find("MPI_Get"), find("MPI_Accumulate")
	fence := find("MPI_Win_fence")

	t.Run("put, get and accumulate on self", func(t *testing.T) {
		mem.WriteUint32Le(buf, 7)
		require.Zero(t, call(b, fence, stack, 0, uint64(win)))
		require.Zero(t, call(b, put, stack, buf, 1, typeInt, 0, 3, 1, typeInt, uint64(win)))
		require.Zero(t, call(b, fence, stack, 0, uint64(win)))
		require.Zero(t, call(b, acc, stack, buf, 1, typeInt, 0, 3, 1, typeInt, opSum, uint64(win)))
		require.Zero(t, call(b, fence, stack, 0, uint64(win)))
		require.Zero(t, call(b, get, stack, buf2, 1, typeInt, 0, 3, 1, typeInt, uint64(win)))
		require.Zero(t, call(b, fence, stack, 0, uint64(win)))
		v, _ := mem.ReadUint32Le(winMem + 12)
		require.Equal(t, uint32(14), v)
		v, _ = mem.ReadUint32Le(buf2)
		require.Equal(t, uint32(14), v)
	})

	t.Run("no allocation on the call path", func(t *testing.T) {
		require.Zero(t, call(b, fence, stack, 0, uint64(win)))
		for name, f := range map[string]func(){
			"MPI_Put":        func() { call(b, put, stack, buf, 4, typeInt, 0, 0, 4, typeInt, uint64(win)) },
			"MPI_Get":        func() { call(b, get, stack, buf2, 4, typeInt, 0, 4, 4, typeInt, uint64(win)) },
			"MPI_Accumulate": func() { call(b, acc, stack, buf, 4, typeInt, 0, 8, 4, typeInt, opSum, uint64(win)) },
		} {
			require.Zero(t, testing.AllocsPerRun(100, f), name)
		}
		require.Zero(t, call(b, fence, stack, 0, uint64(win)))
	})

	for _, tc := range []struct {
		name   string
		fn     string
		params []uint64
		class  int32
	}{
		{"target past the window", "MPI_Put", []uint64{buf, 1, typeInt, 0, 64, 1, typeInt, uint64(win)}, errRMARange},
		{"target extent past the window", "MPI_Get", []uint64{buf, 2, typeInt, 0, 63, 2, typeInt, uint64(win)}, errRMARange},
		{"negative displacement", "MPI_Put", []uint64{buf, 1, typeInt, 0, neg1, 1, typeInt, uint64(win)}, errRMARange},
		{"bad target rank", "MPI_Put", []uint64{buf, 1, typeInt, 1, 0, 1, typeInt, uint64(win)}, errRank},
		{"origin outside memory", "MPI_Put", []uint64{uint64(mem.Size()) - 2, 1, typeInt, 0, 0, 1, typeInt, uint64(win)}, errBuffer},
		{"negative count", "MPI_Get", []uint64{buf, neg1, typeInt, 0, 0, 1, typeInt, uint64(win)}, errCount},
		{"bad target type", "MPI_Get", []uint64{buf, 1, typeInt, 0, 0, 1, datatypeNull, uint64(win)}, errType},
		{"forged window", "MPI_Put", []uint64{buf, 1, typeInt, 0, 0, 1, typeInt, 0x07000077}, errWin},
		{"window null", "MPI_Win_fence", []uint64{0, winNull}, errWin},
		{"op null", "MPI_Accumulate", []uint64{buf, 1, typeInt, 0, 0, 1, typeInt, opNull, uint64(win)}, errOp},
		{"op on the wrong type", "MPI_Accumulate", []uint64{buf, 1, typeFloat, 0, 0, 1, typeFloat, opBand, uint64(win)}, errOp},
		{"bad lock type", "MPI_Win_lock", []uint64{3, 0, 0, uint64(win)}, errLocktype},
		{"bad assert", "MPI_Win_fence", []uint64{1, uint64(win)}, errAssert},
		{"window outside memory", "MPI_Win_create", []uint64{uint64(mem.Size()) - 8, 16, 1, infoNull, commSelf, out}, errBase},
		{"no guest allocator", "MPI_Win_allocate", []uint64{64, 1, infoNull, commSelf, out, out2}, errNoMem},
		{"file outside the mounts", "MPI_File_open", []uint64{commSelf, name, modeCreate | modeRdwr, infoNull, out}, errAccess},
		{"bad amode", "MPI_File_open", []uint64{commSelf, name + 32, modeRdonly | modeWronly, infoNull, out}, errAmode},
		{"forged file", "MPI_File_sync", []uint64{0x08000077}, errFile},
		{"forged info", "MPI_Info_set", []uint64{0x09000077, name, name}, errInfo},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mem.Write(name, []byte("/etc/passwd\x00"))
			mem.Write(name+32, []byte("/data/f\x00"))
			require.Equal(t, tc.class, call(b, find(tc.fn), stack, tc.params...))
		})
	}
	require.Zero(t, call(b, find("MPI_Win_free"), stack, hdl))
	h, _ := mem.ReadUint32Le(hdl)
	require.Equal(t, uint32(winNull), h)
	require.Zero(t, b.wins.Len())

	t.Run("guest library's MPI_Win_allocate and MPI_Win_free", func(t *testing.T) {
		require.Zero(t, call(b, find("wasmrun_win_allocate"), stack, winMem+512, 64, 8, infoNull, commSelf, hdl))
		require.Zero(t, call(b, find("wasmrun_win_free"), stack, hdl, out))
		base, _ := mem.ReadUint32Le(out)
		require.Equal(t, uint32(winMem+512), base, "the memory to free")
		require.Equal(t, int32(errNoMem), call(b, find("wasmrun_win_allocate"), stack, 0, 64, 8, infoNull, commSelf, hdl), "malloc failed")
		require.Zero(t, call(b, find("MPI_Win_create"), stack, winMem, 16, 1, infoNull, commSelf, hdl))
		mem.WriteUint32Le(out, 0x55)
		require.Zero(t, call(b, find("wasmrun_win_free"), stack, hdl, out))
		base, _ = mem.ReadUint32Le(out)
		require.Zero(t, base, "MPI_Win_create's memory is the guest's own")
		require.Zero(t, b.wins.Len())
	})

	t.Run("file in a mount", func(t *testing.T) {
		mem.Write(name, []byte("/data/f.dat\x00"))
		require.Zero(t, call(b, find("MPI_File_open"), stack, commSelf, name, modeCreate|modeRdwr|modeDeleteOnClose, infoNull, hdl))
		fh, _ := mem.ReadUint32Le(hdl)
		mem.WriteUint64Le(buf, 0x1122334455667788)
		writeAt, readAt := find("MPI_File_write_at"), find("MPI_File_read_at")
		require.Zero(t, call(b, writeAt, stack, uint64(fh), 8, buf, 1, typeInt64, statusIgnore))
		require.Zero(t, testing.AllocsPerRun(100, func() {
			call(b, writeAt, stack, uint64(fh), 8, buf, 1, typeInt64, statusIgnore)
			call(b, readAt, stack, uint64(fh), 8, buf2, 1, typeInt64, out)
		}), "MPI_File_write_at/read_at")
		v, _ := mem.ReadUint64Le(buf2)
		require.Equal(t, uint64(0x1122334455667788), v)
		st, _ := mem.Read(out, statusBytes)
		require.Equal(t, uint32(8), binary.LittleEndian.Uint32(st[12:]), "status count")
		require.Zero(t, call(b, find("MPI_File_get_size"), stack, uint64(fh), out))
		n, _ := mem.ReadUint64Le(out)
		require.Equal(t, uint64(16), n)
		require.FileExists(t, filepath.Join(root.Name(), "f.dat"))
		require.Zero(t, call(b, find("MPI_File_close"), stack, hdl))
		require.NoFileExists(t, filepath.Join(root.Name(), "f.dat"), "MPI_MODE_DELETE_ON_CLOSE")
		require.Zero(t, b.files.Len())
	})

	t.Run("info", func(t *testing.T) {
		require.Zero(t, call(b, find("MPI_Info_create"), stack, hdl))
		info, _ := mem.ReadUint32Le(hdl)
		mem.Write(name, []byte("key\x00value\x00"))
		require.Zero(t, call(b, find("MPI_Info_set"), stack, uint64(info), name, name+4))
		require.Zero(t, call(b, find("MPI_Info_get"), stack, uint64(info), name, 3, buf, out))
		v, _ := mem.Read(buf, 4)
		require.Equal(t, "val\x00", string(v), "truncated to valuelen")
		flag, _ := mem.ReadUint32Le(out)
		require.Equal(t, uint32(1), flag)
		require.Zero(t, call(b, find("MPI_Info_free"), stack, hdl))
		require.Zero(t, b.infos.Len())
	})
}
