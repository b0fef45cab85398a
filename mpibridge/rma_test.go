package mpibridge

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
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
		req    = 9404
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

	t.Run("dynamic window", func(t *testing.T) {
		const region = 10000 // 64 bytes attached
		require.Zero(t, call(b, find("MPI_Win_create_dynamic"), stack, infoNull, commSelf, hdl))
		dw, _ := mem.ReadUint32Le(hdl)
		require.Zero(t, call(b, find("MPI_Win_set_errhandler"), stack, uint64(dw), errorsReturn))
		require.Zero(t, call(b, find("MPI_Win_attach"), stack, uint64(dw), region, 64))
		require.Zero(t, call(b, fence, stack, 0, uint64(dw)))
		mem.WriteUint32Le(buf, 0x5151)
		// the target displacement is the guest address (MPI_Get_address)
		require.Zero(t, call(b, put, stack, buf, 1, typeInt, 0, region+8, 1, typeInt, uint64(dw)))
		require.Zero(t, call(b, fence, stack, 0, uint64(dw)))
		v, _ := mem.ReadUint32Le(region + 8)
		require.Equal(t, uint32(0x5151), v)
		require.Zero(t, call(b, get, stack, buf2, 1, typeInt, 0, region+8, 1, typeInt, uint64(dw)))
		require.Zero(t, call(b, fence, stack, 0, uint64(dw)))
		v, _ = mem.ReadUint32Le(buf2)
		require.Equal(t, uint32(0x5151), v)
		require.Zero(t, testing.AllocsPerRun(100, func() {
			call(b, put, stack, buf, 4, typeInt, 0, region, 4, typeInt, uint64(dw))
			call(b, get, stack, buf2, 4, typeInt, 0, region+16, 4, typeInt, uint64(dw))
		}), "MPI_Put/MPI_Get on a dynamic window")
		require.Zero(t, call(b, fence, stack, 0, uint64(dw)))

		// request-based accumulates, completed with MPI_Wait
		wait := find("MPI_Wait")
		mem.WriteUint32Le(buf, 5)
		mem.WriteUint32Le(region+32, 10)
		require.Zero(t, call(b, find("MPI_Win_lock"), stack, lockExclusive, 0, 0, uint64(dw)))
		require.Zero(t, call(b, find("MPI_Raccumulate"), stack, buf, 1, typeInt, 0, region+32, 1, typeInt, opSum, uint64(dw), req))
		require.Zero(t, call(b, wait, stack, req, statusIgnore))
		require.Zero(t, call(b, find("MPI_Rget_accumulate"), stack, buf, 1, typeInt, buf2, 1, typeInt, 0, region+32, 1, typeInt, opSum, uint64(dw), req))
		require.Zero(t, call(b, wait, stack, req, statusIgnore))
		require.Zero(t, call(b, find("MPI_Win_unlock"), stack, 0, uint64(dw)))
		require.Zero(t, call(b, find("MPI_Win_lock_all"), stack, 0, uint64(dw)))
		require.Zero(t, testing.AllocsPerRun(100, func() {
			call(b, find("MPI_Raccumulate"), stack, buf, 1, typeInt, 0, region+36, 1, typeInt, opSum, uint64(dw), req)
			call(b, wait, stack, req, statusIgnore)
		}), "MPI_Raccumulate and MPI_Wait")
		require.Zero(t, call(b, find("MPI_Win_unlock_all"), stack, uint64(dw)))
		v, _ = mem.ReadUint32Le(buf2)
		require.Equal(t, uint32(15), v, "fetched by MPI_Rget_accumulate")
		v, _ = mem.ReadUint32Le(region + 32)
		require.Equal(t, uint32(20), v)
		r, _ := mem.ReadUint32Le(req)
		require.Equal(t, uint32(requestNull), r)

		size := uint64(mem.Size())
		require.Zero(t, call(b, find("MPI_Win_create"), stack, winMem, 16, 1, infoNull, commSelf, out))
		cw, _ := mem.ReadUint32Le(out)
		require.Zero(t, call(b, find("MPI_Win_set_errhandler"), stack, uint64(cw), errorsReturn))
		for _, tc := range []struct {
			name   string
			fn     string
			params []uint64
			class  int32
		}{
			{"address past the memory", "MPI_Put", []uint64{buf, 1, typeInt, 0, size - 2, 1, typeInt, uint64(dw)}, errRMARange},
			{"far address", "MPI_Get", []uint64{buf, 1, typeInt, 0, 0xfffffffe, 1, typeInt, uint64(dw)}, errRMARange},
			{"Raccumulate past the memory", "MPI_Raccumulate", []uint64{buf, 1, typeInt, 0, size, 1, typeInt, opSum, uint64(dw), req}, errRMARange},
			{"Rget_accumulate request outside memory", "MPI_Rget_accumulate", []uint64{buf, 1, typeInt, buf2, 1, typeInt, 0, region, 1, typeInt, opSum, uint64(dw), size}, errArg},
			{"attach outside memory", "MPI_Win_attach", []uint64{uint64(dw), size - 8, 16}, errBase},
			{"attach negative size", "MPI_Win_attach", []uint64{uint64(dw), region, neg1}, errSize},
			{"attach to a created window", "MPI_Win_attach", []uint64{uint64(cw), region, 8}, errRMAFlavor},
			{"detach from a created window", "MPI_Win_detach", []uint64{uint64(cw), region}, errRMAFlavor},
			{"dynamic window on a forged communicator", "MPI_Win_create_dynamic", []uint64{infoNull, 0x01000077, out}, errComm},
		} {
			t.Run(tc.name, func(t *testing.T) {
				require.Equal(t, tc.class, call(b, find(tc.fn), stack, tc.params...))
			})
		}
		require.Zero(t, call(b, find("MPI_Win_free"), stack, out))
		require.Zero(t, call(b, find("MPI_Win_detach"), stack, uint64(dw), region))
		require.Zero(t, call(b, find("MPI_Win_free"), stack, hdl))
		require.Zero(t, b.wins.Len())
	})

	t.Run("shared file pointers, split collectives, views", func(t *testing.T) {
		mem.Write(name, []byte("/data/g.dat\x00"))
		require.Zero(t, call(b, find("MPI_File_open"), stack, commSelf, name, modeCreate|modeRdwr|modeDeleteOnClose, infoNull, hdl))
		fh, _ := mem.ReadUint32Le(hdl)
		require.Zero(t, call(b, find("MPI_File_set_errhandler"), stack, uint64(fh), errorsReturn))
		f, _ := b.files.Get(fh)
		sidePath := filepath.Join(root.Name(), f.sideRel)
		require.True(t, strings.HasPrefix(filepath.Base(sidePath), ".g.dat.shfp."), sidePath)
		require.NoFileExists(t, sidePath, "made on first use")
		pos := func() uint64 {
			require.Zero(t, call(b, find("MPI_File_get_position_shared"), stack, uint64(fh), out))
			v, _ := mem.ReadUint64Le(out)
			return v
		}
		require.Zero(t, pos())
		writeShared, readShared := find("MPI_File_write_shared"), find("MPI_File_read_shared")
		for i := uint32(0); i < 4; i++ {
			mem.WriteUint32Le(buf+4*i, 100+i)
		}
		require.Zero(t, call(b, writeShared, stack, uint64(fh), buf, 2, typeInt, statusIgnore))
		require.FileExists(t, sidePath)
		require.Zero(t, call(b, writeShared, stack, uint64(fh), buf+8, 2, typeInt, out2))
		st, _ := mem.Read(out2, statusBytes)
		require.Equal(t, uint32(8), binary.LittleEndian.Uint32(st[12:]), "status count")
		require.Equal(t, uint64(16), pos())
		require.Zero(t, call(b, find("MPI_File_seek_shared"), stack, uint64(fh), 4, seekSet))
		require.Zero(t, call(b, readShared, stack, uint64(fh), buf2, 3, typeInt, statusIgnore))
		for i := uint32(0); i < 3; i++ {
			v, _ := mem.ReadUint32Le(buf2 + 4*i)
			require.Equal(t, 101+i, v)
		}
		require.Zero(t, call(b, find("MPI_File_seek_shared"), stack, uint64(fh), ^uint64(15), seekEnd)) // -16
		require.Zero(t, pos())
		require.Zero(t, testing.AllocsPerRun(100, func() {
			call(b, writeShared, stack, uint64(fh), buf, 4, typeInt, statusIgnore)
			call(b, readShared, stack, uint64(fh), buf2, 4, typeInt, statusIgnore)
			call(b, find("MPI_File_write_ordered"), stack, uint64(fh), buf, 4, typeInt, statusIgnore)
		}), "shared file pointer accesses")

		// split collectives: _end takes the buffer of _begin again
		begin, end := find("MPI_File_write_at_all_begin"), find("MPI_File_write_at_all_end")
		require.Zero(t, call(b, begin, stack, uint64(fh), 0, buf, 4, typeInt))
		require.Equal(t, int32(errOther), call(b, find("MPI_File_read_all_begin"), stack, uint64(fh), buf, 1, typeInt), "two at once")
		require.Equal(t, int32(errOther), call(b, find("MPI_File_read_all_end"), stack, uint64(fh), buf, statusIgnore), "not the one in progress")
		require.Equal(t, int32(errBuffer), call(b, end, stack, uint64(fh), buf2, statusIgnore), "another buffer")
		require.Equal(t, int32(errArg), call(b, end, stack, uint64(fh), buf, uint64(mem.Size())-4), "status outside memory")
		require.Zero(t, call(b, end, stack, uint64(fh), buf, out2))
		st, _ = mem.Read(out2, statusBytes)
		require.Equal(t, uint32(16), binary.LittleEndian.Uint32(st[12:]))
		require.Equal(t, int32(errOther), call(b, end, stack, uint64(fh), buf, statusIgnore), "ended already")
		rob, roe := find("MPI_File_read_ordered_begin"), find("MPI_File_read_ordered_end")
		require.Zero(t, call(b, find("MPI_File_seek_shared"), stack, uint64(fh), 0, seekSet))
		require.Zero(t, call(b, rob, stack, uint64(fh), buf2, 2, typeInt))
		require.Zero(t, call(b, roe, stack, uint64(fh), buf2, out2))
		st, _ = mem.Read(out2, statusBytes)
		require.Equal(t, uint32(8), binary.LittleEndian.Uint32(st[12:]))
		require.Zero(t, testing.AllocsPerRun(100, func() {
			call(b, begin, stack, uint64(fh), 0, buf, 4, typeInt)
			call(b, end, stack, uint64(fh), buf, statusIgnore)
			call(b, rob, stack, uint64(fh), buf2, 1, typeInt)
			call(b, roe, stack, uint64(fh), buf2, statusIgnore)
		}), "split collectives")

		// views: an etype of ints; MPI_File_get_view
		getView := find("MPI_File_get_view")
		mem.Write(name+64, []byte("native\x00"))
		require.Zero(t, call(b, getView, stack, uint64(fh), out, buf, buf+4, buf+64))
		et, _ := mem.ReadUint32Le(buf)
		require.Equal(t, uint32(typeByte), et)
		require.Zero(t, call(b, find("MPI_Type_contiguous"), stack, 2, typeInt, buf2))
		ft, _ := mem.ReadUint32Le(buf2)
		require.Zero(t, call(b, find("MPI_Type_commit"), stack, buf2))
		require.Zero(t, call(b, find("MPI_File_set_view"), stack, uint64(fh), 8, typeInt, uint64(ft), name+64, infoNull))
		require.Zero(t, pos(), "MPI_File_set_view resets the shared file pointer")
		require.Zero(t, call(b, find("MPI_Type_free"), stack, buf2))
		require.Zero(t, call(b, getView, stack, uint64(fh), out, buf, buf+4, buf+64))
		disp, _ := mem.ReadUint64Le(out)
		require.Equal(t, uint64(8), disp)
		et, _ = mem.ReadUint32Le(buf)
		require.Equal(t, uint32(typeInt), et)
		ft2, _ := mem.ReadUint32Le(buf + 4)
		nt, ok := b.dtypes.Get(ft2)
		require.True(t, ok, "a new handle for the filetype")
		require.Equal(t, int64(8), nt.size)
		rep, _ := mem.Read(buf+64, 7)
		require.Equal(t, "native\x00", string(rep))
		require.Zero(t, call(b, find("MPI_File_get_type_extent"), stack, uint64(fh), uint64(ft2), out))
		ext, _ := mem.ReadUint32Le(out)
		require.Equal(t, uint32(8), ext)
		mem.WriteUint32Le(buf2, ft2)
		require.Zero(t, call(b, find("MPI_Type_free"), stack, buf2))
		require.Zero(t, call(b, writeShared, stack, uint64(fh), buf, 3, typeInt, statusIgnore))
		require.Equal(t, uint64(3), pos(), "in etypes")
		require.Equal(t, int32(errArg), call(b, writeShared, stack, uint64(fh), buf, 3, typeShort, statusIgnore), "not a whole etype")

		// info
		require.Zero(t, call(b, find("MPI_File_get_info"), stack, uint64(fh), out))
		info, _ := mem.ReadUint32Le(out)
		require.Zero(t, call(b, find("MPI_File_set_info"), stack, uint64(fh), uint64(info)))
		require.Zero(t, call(b, find("MPI_Info_free"), stack, out))

		for _, tc := range []struct {
			name   string
			fn     string
			params []uint64
			class  int32
		}{
			{"shared read outside memory", "MPI_File_read_shared", []uint64{uint64(fh), uint64(mem.Size()) - 4, 2, typeInt, statusIgnore}, errBuffer},
			{"shared request outside memory", "MPI_File_iwrite_shared", []uint64{uint64(fh), buf, 1, typeInt, uint64(mem.Size())}, errArg},
			{"bad whence", "MPI_File_seek_shared", []uint64{uint64(fh), 0, 7}, errArg},
			{"negative shared position", "MPI_File_seek_shared", []uint64{uint64(fh), ^uint64(0), seekSet}, errArg},
			{"view datarep outside memory", "MPI_File_get_view", []uint64{uint64(fh), out, buf, buf + 4, uint64(mem.Size()) - 8}, errArg},
			{"forged file", "MPI_File_get_position_shared", []uint64{0x08000077, out}, errFile},
			{"bad type extent datatype", "MPI_File_get_type_extent", []uint64{uint64(fh), datatypeNull, out}, errType},
		} {
			t.Run(tc.name, func(t *testing.T) {
				require.Equal(t, tc.class, call(b, find(tc.fn), stack, tc.params...))
			})
		}
		require.Zero(t, call(b, find("MPI_File_close"), stack, hdl))
		require.NoFileExists(t, sidePath)
		require.NoFileExists(t, filepath.Join(root.Name(), "g.dat"))
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
