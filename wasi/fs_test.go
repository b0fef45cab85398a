package wasi

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"
)

const (
	rdwr   = experimentalsys.O_RDWR
	create = experimentalsys.O_CREAT
	excl   = experimentalsys.O_EXCL
)

// sandbox makes base/outside/secret ("secret") next to base/mnt, and
// returns a rootFS over base/mnt with both directories. populate, if not
// nil, runs on mnt before the root is opened.
func sandbox(t *testing.T, readOnly bool, populate func(mnt string)) (r *rootFS, mnt, outside string) {
	t.Helper()
	base := t.TempDir()
	mnt, outside = filepath.Join(base, "mnt"), filepath.Join(base, "outside")
	require.NoError(t, os.Mkdir(mnt, 0o755))
	require.NoError(t, os.Mkdir(outside, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(outside, "secret"), []byte("secret"), 0o644))
	if populate != nil {
		populate(mnt)
	}
	root, err := os.OpenRoot(mnt)
	require.NoError(t, err)
	t.Cleanup(func() { root.Close() })
	return &rootFS{root: root, readOnly: readOnly}, mnt, outside
}

// open opens name in r, failing the test on an error.
func open(t *testing.T, r *rootFS, name string, flag experimentalsys.Oflag) experimentalsys.File {
	t.Helper()
	f, errno := r.OpenFile(name, flag, 0o644)
	require.Zero(t, errno, "open %s", name)
	t.Cleanup(func() { f.Close() })
	return f
}

func write(t *testing.T, name, data string) {
	t.Helper()
	require.NoError(t, os.WriteFile(name, []byte(data), 0o644))
}

func content(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}

func names(dirents []experimentalsys.Dirent) []string {
	var s []string
	for _, d := range dirents {
		s = append(s, d.Name)
	}
	slices.Sort(s)
	return s
}

func TestReadWrite(t *testing.T) {
	r, mnt, _ := sandbox(t, false, nil)

	f := open(t, r, "f", rdwr|create|excl)
	_, errno := r.OpenFile("f", rdwr|create|excl, 0o644)
	assert.Equal(t, experimentalsys.EEXIST, errno)
	_, errno = r.OpenFile("missing", rdwr, 0)
	assert.Equal(t, experimentalsys.ENOENT, errno)

	n, errno := f.Write([]byte("hello world"))
	require.Zero(t, errno)
	assert.Equal(t, 11, n)
	n, errno = f.Write(nil)
	assert.Zero(t, errno)
	assert.Zero(t, n)
	assert.Equal(t, "hello world", content(t, filepath.Join(mnt, "f")))

	off, errno := f.Seek(0, io.SeekStart)
	require.Zero(t, errno)
	assert.Zero(t, off)
	buf := make([]byte, 5)
	n, errno = f.Read(buf)
	require.Zero(t, errno)
	assert.Equal(t, "hello", string(buf[:n]))
	off, errno = f.Seek(1, io.SeekCurrent)
	require.Zero(t, errno)
	assert.Equal(t, int64(6), off)
	n, errno = f.Read(make([]byte, 100))
	require.Zero(t, errno)
	assert.Equal(t, 5, n)
	n, errno = f.Read(buf) // EOF is (0, 0)
	assert.Zero(t, errno)
	assert.Zero(t, n)
	_, errno = f.Seek(0, 3)
	assert.Equal(t, experimentalsys.EINVAL, errno)
	_, errno = f.Seek(-1, io.SeekStart)
	assert.Equal(t, experimentalsys.EINVAL, errno)
	off, errno = f.Seek(-5, io.SeekEnd)
	require.Zero(t, errno)
	assert.Equal(t, int64(6), off)

	n, errno = f.Pread(buf, 6)
	require.Zero(t, errno)
	assert.Equal(t, "world", string(buf[:n]))
	n, errno = f.Pread(buf, 8) // short read at the end
	require.Zero(t, errno)
	assert.Equal(t, "rld", string(buf[:n]))
	n, errno = f.Pread(buf, 100)
	assert.Zero(t, errno)
	assert.Zero(t, n)
	_, errno = f.Pread(buf, -1)
	assert.Equal(t, experimentalsys.EINVAL, errno)

	n, errno = f.Pwrite([]byte("W"), 6)
	require.Zero(t, errno)
	assert.Equal(t, 1, n)
	_, errno = f.Pwrite([]byte("W"), -1)
	assert.Equal(t, experimentalsys.EINVAL, errno)
	off, errno = f.Seek(0, io.SeekCurrent) // Pwrite keeps the offset
	require.Zero(t, errno)
	assert.Equal(t, int64(6), off)
	assert.Equal(t, "hello World", content(t, filepath.Join(mnt, "f")))

	st, errno := f.Stat()
	require.Zero(t, errno)
	assert.Equal(t, int64(11), st.Size)
	assert.True(t, st.Mode.IsRegular())
	assert.Equal(t, fs.FileMode(0o644), st.Mode.Perm()&^0o022)
	assert.Equal(t, uint64(1), st.Nlink)
	ino, errno := f.Ino()
	require.Zero(t, errno)
	assert.Equal(t, st.Ino, ino)
	assert.NotZero(t, ino)
	dev, errno := f.Dev()
	require.Zero(t, errno)
	assert.Equal(t, st.Dev, dev)
	dir, errno := f.IsDir()
	require.Zero(t, errno)
	assert.False(t, dir)
	fi, err := os.Stat(filepath.Join(mnt, "f"))
	require.NoError(t, err)
	assert.Equal(t, fi.ModTime().UnixNano(), st.Mtim)

	assert.Zero(t, f.Sync())
	assert.Zero(t, f.Datasync())

	// A read-only descriptor cannot write; a write-only one cannot read.
	ro := open(t, r, "f", experimentalsys.O_RDONLY)
	_, errno = ro.Write([]byte("x"))
	assert.Equal(t, experimentalsys.EBADF, errno)
	wo := open(t, r, "f", experimentalsys.O_WRONLY)
	_, errno = wo.Read(buf)
	assert.Equal(t, experimentalsys.EBADF, errno)

	_, errno = r.OpenFile("f", experimentalsys.O_RDWR|experimentalsys.O_WRONLY, 0)
	assert.Equal(t, experimentalsys.EINVAL, errno)

	// Closing twice is fine; everything else then fails with EBADF.
	require.Zero(t, f.Close())
	assert.Zero(t, f.Close())
	_, errno = f.Read(buf)
	assert.Equal(t, experimentalsys.EBADF, errno)
	_, errno = f.Write(buf)
	assert.Equal(t, experimentalsys.EBADF, errno)
	_, errno = f.Pread(buf, 0)
	assert.Equal(t, experimentalsys.EBADF, errno)
	_, errno = f.Pwrite(buf, 0)
	assert.Equal(t, experimentalsys.EBADF, errno)
	_, errno = f.Seek(0, io.SeekStart)
	assert.Equal(t, experimentalsys.EBADF, errno)
	_, errno = f.Stat()
	assert.Equal(t, experimentalsys.EBADF, errno)
	_, errno = f.Readdir(-1)
	assert.Equal(t, experimentalsys.EBADF, errno)
	assert.Equal(t, experimentalsys.EBADF, f.Truncate(0))
	assert.Equal(t, experimentalsys.EBADF, f.Sync())
	assert.Equal(t, experimentalsys.EBADF, f.Datasync())
	assert.Equal(t, experimentalsys.EBADF, f.Utimens(0, 0))
	assert.Equal(t, experimentalsys.EBADF, f.SetAppend(true))
}

func TestAppendTruncate(t *testing.T) {
	r, mnt, _ := sandbox(t, false, func(mnt string) { write(t, filepath.Join(mnt, "f"), "abc") })
	host := filepath.Join(mnt, "f")

	f := open(t, r, "f", experimentalsys.O_WRONLY|experimentalsys.O_APPEND)
	assert.True(t, f.IsAppend())
	_, errno := f.Write([]byte("def"))
	require.Zero(t, errno)
	_, errno = f.Pwrite([]byte("ghi"), 0) // Linux appends whatever the offset
	require.Zero(t, errno)
	assert.Equal(t, "abcdefghi", content(t, host))

	require.Zero(t, f.SetAppend(false))
	assert.False(t, f.IsAppend())
	_, errno = f.Pwrite([]byte("A"), 0)
	require.Zero(t, errno)
	_, errno = f.Seek(1, io.SeekStart)
	require.Zero(t, errno)
	_, errno = f.Write([]byte("B"))
	require.Zero(t, errno)
	assert.Equal(t, "ABcdefghi", content(t, host))

	require.Zero(t, f.SetAppend(true))
	assert.True(t, f.IsAppend())
	_, errno = f.Seek(0, io.SeekStart)
	require.Zero(t, errno)
	_, errno = f.Write([]byte("!"))
	require.Zero(t, errno)
	assert.Equal(t, "ABcdefghi!", content(t, host))

	require.Zero(t, f.Truncate(2))
	assert.Equal(t, "AB", content(t, host))
	require.Zero(t, f.Truncate(4))
	assert.Equal(t, "AB\x00\x00", content(t, host))
	assert.Equal(t, experimentalsys.EINVAL, f.Truncate(-1))

	open(t, r, "f", experimentalsys.O_WRONLY|experimentalsys.O_TRUNC)
	assert.Empty(t, content(t, host))

	ro := open(t, r, "f", experimentalsys.O_RDONLY)
	assert.NotZero(t, ro.Truncate(0))
}

func TestDirectories(t *testing.T) {
	r, mnt, _ := sandbox(t, false, nil)

	require.Zero(t, r.Mkdir("d", 0o755))
	assert.Equal(t, experimentalsys.EEXIST, r.Mkdir("d", 0o755))
	assert.Equal(t, experimentalsys.EEXIST, r.Mkdir(".", 0o755))
	assert.Equal(t, experimentalsys.ENOENT, r.Mkdir("no/d", 0o755))
	require.Zero(t, r.Mkdir("d/sub/", 0o700))
	fi, err := os.Stat(filepath.Join(mnt, "d", "sub"))
	require.NoError(t, err)
	assert.True(t, fi.IsDir())
	assert.Equal(t, fs.FileMode(0o700), fi.Mode().Perm())
	for i, name := range []string{"a", "b", "c", "d/x"} {
		open(t, r, name, rdwr|create)
		if i == 0 {
			assert.Equal(t, experimentalsys.ENOTDIR, r.Mkdir("a/d", 0o755))
			assert.Equal(t, experimentalsys.EEXIST, r.Mkdir("a", 0o755))
		}
	}
	require.Zero(t, r.Symlink("d", "link"))

	// The root, however wazero names it.
	for _, name := range []string{".", "", "/", "d/..", "./d/../."} {
		d := open(t, r, name, experimentalsys.O_RDONLY|experimentalsys.O_DIRECTORY)
		isDir, errno := d.IsDir()
		require.Zero(t, errno)
		assert.True(t, isDir)
		dirents, errno := d.Readdir(-1)
		require.Zero(t, errno)
		assert.Equal(t, []string{"a", "b", "c", "d", "link"}, names(dirents), name)
	}

	d := open(t, r, "/d", experimentalsys.O_RDONLY)
	dirents, errno := d.Readdir(-1)
	require.Zero(t, errno)
	assert.Equal(t, []string{"sub", "x"}, names(dirents))
	for _, de := range dirents {
		st, errno := r.Lstat("d/" + de.Name)
		require.Zero(t, errno)
		assert.Equal(t, st.Ino, de.Ino, de.Name)
		assert.Equal(t, st.Mode.Type(), de.Type, de.Name)
	}
	dirents, errno = d.Readdir(-1) // at the end
	require.Zero(t, errno)
	assert.Empty(t, dirents)
	_, errno = d.Seek(0, io.SeekStart) // rewind
	require.Zero(t, errno)
	var got []experimentalsys.Dirent
	for {
		batch, errno := d.Readdir(1)
		require.Zero(t, errno)
		require.LessOrEqual(t, len(batch), 1)
		if len(batch) == 0 {
			break
		}
		got = append(got, batch...)
	}
	assert.Equal(t, []string{"sub", "x"}, names(got))
	_, errno = d.Seek(1, io.SeekStart)
	assert.Equal(t, experimentalsys.EISDIR, errno)

	// Symbolic links to directories are followed; types are reported.
	l := open(t, r, "link", experimentalsys.O_RDONLY|experimentalsys.O_DIRECTORY)
	dirents, errno = l.Readdir(-1)
	require.Zero(t, errno)
	assert.Equal(t, []string{"sub", "x"}, names(dirents))
	root := open(t, r, ".", experimentalsys.O_RDONLY)
	dirents, errno = root.Readdir(-1)
	require.Zero(t, errno)
	types := map[string]fs.FileMode{}
	for _, de := range dirents {
		types[de.Name] = de.Type
	}
	assert.Equal(t, map[string]fs.FileMode{"a": 0, "b": 0, "c": 0, "d": fs.ModeDir, "link": fs.ModeSymlink}, types)

	// Directories are not files.
	_, errno = d.Read(make([]byte, 1))
	assert.Equal(t, experimentalsys.EISDIR, errno)
	_, errno = d.Pread(make([]byte, 1), 0)
	assert.Equal(t, experimentalsys.EISDIR, errno)
	_, errno = d.Write([]byte("x"))
	assert.Equal(t, experimentalsys.EISDIR, errno)
	assert.Equal(t, experimentalsys.EISDIR, d.Truncate(0))
	assert.Equal(t, experimentalsys.EISDIR, d.SetAppend(true))
	assert.Zero(t, d.Sync())
	_, errno = r.OpenFile("d", rdwr, 0)
	assert.Equal(t, experimentalsys.EISDIR, errno)
	_, errno = r.OpenFile("d", experimentalsys.O_WRONLY|experimentalsys.O_DIRECTORY, 0)
	assert.Equal(t, experimentalsys.EISDIR, errno)
	_, errno = r.OpenFile("a", experimentalsys.O_RDONLY|experimentalsys.O_DIRECTORY, 0)
	assert.Equal(t, experimentalsys.ENOTDIR, errno)
	_, errno = r.OpenFile("a/", experimentalsys.O_RDONLY, 0)
	assert.Equal(t, experimentalsys.ENOTDIR, errno)
	_, errno = r.OpenFile("new", create|experimentalsys.O_DIRECTORY, 0)
	assert.Equal(t, experimentalsys.EINVAL, errno)

	// Readdir on a file.
	a := open(t, r, "a", experimentalsys.O_RDONLY)
	_, errno = a.Readdir(-1)
	assert.Equal(t, experimentalsys.EBADF, errno)
}

func TestRemoveRename(t *testing.T) {
	r, mnt, _ := sandbox(t, false, nil)
	host := func(p string) string { return filepath.Join(mnt, p) }
	exists := func(p string) bool { _, err := os.Lstat(host(p)); return err == nil }
	for _, d := range []string{"d", "e", "full", "full/x"} {
		require.NoError(t, os.Mkdir(host(d), 0o755))
	}
	for _, f := range []string{"f", "g"} {
		write(t, host(f), f)
	}
	require.NoError(t, os.Symlink("d", host("ld")))

	// Unlink removes files and links, never directories.
	assert.Equal(t, experimentalsys.EISDIR, r.Unlink("d"))
	assert.Equal(t, experimentalsys.EISDIR, r.Unlink("."))
	assert.Equal(t, experimentalsys.EISDIR, r.Unlink(""))
	assert.Equal(t, experimentalsys.ENOENT, r.Unlink("missing"))
	assert.Equal(t, experimentalsys.ENOTDIR, r.Unlink("f/"))
	assert.Equal(t, experimentalsys.ENOTDIR, r.Unlink("f/x"))
	require.Zero(t, r.Unlink("ld"))
	assert.False(t, exists("ld"))
	assert.True(t, exists("d"))

	// Rmdir removes empty directories only.
	assert.Equal(t, experimentalsys.ENOTDIR, r.Rmdir("f"))
	assert.Equal(t, experimentalsys.ENOTEMPTY, r.Rmdir("full"))
	assert.Equal(t, experimentalsys.ENOENT, r.Rmdir("missing"))
	assert.Equal(t, experimentalsys.EINVAL, r.Rmdir("."))
	assert.Equal(t, experimentalsys.EINVAL, r.Rmdir("/"))
	require.Zero(t, r.Rmdir("full/x/"))
	assert.False(t, exists("full/x"))

	// Rename follows rename(2).
	require.Zero(t, r.Rename("f", "g"))
	assert.False(t, exists("f"))
	assert.Equal(t, "f", content(t, host("g")))
	require.Zero(t, r.Rename("g", "g"))
	assert.Equal(t, "f", content(t, host("g")))
	require.Zero(t, r.Rename("g", "d/g"))
	assert.Equal(t, "f", content(t, host("d/g")))
	require.Zero(t, r.Rename("e", "full")) // replaces an empty directory
	assert.False(t, exists("e"))
	require.NoError(t, os.Mkdir(host("e"), 0o755))
	assert.Equal(t, experimentalsys.ENOTEMPTY, r.Rename("e", "d"))
	write(t, host("f"), "f")
	assert.Equal(t, experimentalsys.EISDIR, r.Rename("f", "e"))
	assert.Equal(t, experimentalsys.ENOTDIR, r.Rename("e", "f"))
	assert.Equal(t, experimentalsys.ENOTDIR, r.Rename("f/", "h"))
	assert.Equal(t, experimentalsys.ENOENT, r.Rename("missing", "h"))
	assert.Equal(t, experimentalsys.EINVAL, r.Rename("d", "d/sub"))
	assert.Equal(t, experimentalsys.EINVAL, r.Rename(".", "h"))
	assert.Equal(t, experimentalsys.EINVAL, r.Rename("f", "."))
	require.Zero(t, r.Rename("e/", "h/"))
	assert.True(t, exists("h"))
	assert.True(t, exists("f"))
}

func TestLinks(t *testing.T) {
	r, mnt, _ := sandbox(t, false, nil)
	write(t, filepath.Join(mnt, "f"), "data")

	require.Zero(t, r.Symlink("f", "l"))
	assert.Equal(t, experimentalsys.EEXIST, r.Symlink("f", "l"))
	assert.Equal(t, experimentalsys.EPERM, r.Symlink("/f", "abs"))
	target, errno := r.Readlink("l")
	require.Zero(t, errno)
	assert.Equal(t, "f", target)
	_, errno = r.Readlink("f")
	assert.Equal(t, experimentalsys.EINVAL, errno)
	_, errno = r.Readlink("missing")
	assert.Equal(t, experimentalsys.ENOENT, errno)

	lst, errno := r.Lstat("l")
	require.Zero(t, errno)
	assert.Equal(t, fs.ModeSymlink, lst.Mode.Type())
	st, errno := r.Stat("l")
	require.Zero(t, errno)
	assert.True(t, st.Mode.IsRegular())
	assert.Equal(t, int64(4), st.Size)
	_, errno = r.Stat("missing")
	assert.Equal(t, experimentalsys.ENOENT, errno)

	f := open(t, r, "l", experimentalsys.O_RDONLY)
	buf := make([]byte, 10)
	n, errno := f.Read(buf)
	require.Zero(t, errno)
	assert.Equal(t, "data", string(buf[:n]))
	_, errno = r.OpenFile("l", experimentalsys.O_RDONLY|experimentalsys.O_NOFOLLOW, 0)
	assert.Equal(t, experimentalsys.ELOOP, errno)
	_, errno = r.OpenFile("l", rdwr|create|excl, 0)
	assert.Equal(t, experimentalsys.EEXIST, errno)
	open(t, r, "f", experimentalsys.O_RDONLY|experimentalsys.O_NOFOLLOW)

	// A dangling link, then one the guest creates a file through.
	require.Zero(t, r.Symlink("sub/new", "dangling"))
	_, errno = r.Stat("dangling")
	assert.Equal(t, experimentalsys.ENOENT, errno)
	require.Zero(t, r.Mkdir("sub", 0o755))
	open(t, r, "dangling", rdwr|create)
	_, err := os.Stat(filepath.Join(mnt, "sub", "new"))
	assert.NoError(t, err)

	// Hard links share the inode.
	require.Zero(t, r.Link("f", "h"))
	assert.Equal(t, experimentalsys.EEXIST, r.Link("f", "h"))
	assert.Equal(t, experimentalsys.ENOENT, r.Link("missing", "h2"))
	hst, errno := r.Stat("h")
	require.Zero(t, errno)
	fst, errno := r.Stat("f")
	require.Zero(t, errno)
	assert.Equal(t, fst.Ino, hst.Ino)
	assert.Equal(t, uint64(2), hst.Nlink)
	// A hard link to a symbolic link links the symbolic link.
	require.Zero(t, r.Link("l", "hl"))
	hl, errno := r.Lstat("hl")
	require.Zero(t, errno)
	assert.Equal(t, fs.ModeSymlink, hl.Mode.Type())
}

func TestTimesAndMode(t *testing.T) {
	r, mnt, _ := sandbox(t, false, func(mnt string) { write(t, filepath.Join(mnt, "f"), "x") })
	require.Zero(t, r.Symlink("f", "l"))

	at := time.Date(2001, 2, 3, 4, 5, 6, 7, time.UTC).UnixNano()
	mt := time.Date(2002, 2, 3, 4, 5, 6, 8, time.UTC).UnixNano()
	require.Zero(t, r.Utimens("l", at, mt)) // follows the link
	st, errno := r.Stat("f")
	require.Zero(t, errno)
	assert.Equal(t, at, st.Atim)
	assert.Equal(t, mt, st.Mtim)
	lst, errno := r.Lstat("l")
	require.Zero(t, errno)
	assert.NotEqual(t, mt, lst.Mtim)

	require.Zero(t, r.Utimens("f", experimentalsys.UTIME_OMIT, mt+1))
	st, _ = r.Stat("f")
	assert.Equal(t, at, st.Atim)
	assert.Equal(t, mt+1, st.Mtim)
	require.Zero(t, r.Utimens("f", at+1, experimentalsys.UTIME_OMIT))
	st, _ = r.Stat("f")
	assert.Equal(t, at+1, st.Atim)
	assert.Equal(t, mt+1, st.Mtim)
	require.Zero(t, r.Utimens("f", experimentalsys.UTIME_OMIT, experimentalsys.UTIME_OMIT))
	assert.Equal(t, experimentalsys.ENOENT, r.Utimens("missing", at, mt))

	f := open(t, r, "f", experimentalsys.O_RDONLY)
	require.Zero(t, f.Utimens(at, experimentalsys.UTIME_OMIT))
	require.Zero(t, f.Utimens(experimentalsys.UTIME_OMIT, mt))
	require.Zero(t, f.Utimens(experimentalsys.UTIME_OMIT, experimentalsys.UTIME_OMIT))
	st, errno = f.Stat()
	require.Zero(t, errno)
	assert.Equal(t, at, st.Atim)
	assert.Equal(t, mt, st.Mtim)
	d := open(t, r, ".", experimentalsys.O_RDONLY)
	require.Zero(t, d.Utimens(at, mt))
	fi, err := os.Stat(mnt)
	require.NoError(t, err)
	assert.Equal(t, mt, fi.ModTime().UnixNano())

	require.Zero(t, r.Chmod("l", 0o600)) // follows the link
	fi, err = os.Stat(filepath.Join(mnt, "f"))
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o600), fi.Mode().Perm())
	assert.Equal(t, experimentalsys.ENOENT, r.Chmod("missing", 0o600))
}

// TestEscapes checks that nothing reaches base/outside, next to the mount.
func TestEscapes(t *testing.T) {
	r, mnt, outside := sandbox(t, false, nil)
	secret := filepath.Join(outside, "secret")
	write(t, filepath.Join(mnt, "f"), "f")
	require.NoError(t, os.Mkdir(filepath.Join(mnt, "d"), 0o755))
	// Links made on the host, to a file and a directory outside.
	require.NoError(t, os.Symlink(secret, filepath.Join(mnt, "abs-file")))
	require.NoError(t, os.Symlink("../outside/secret", filepath.Join(mnt, "rel-file")))
	require.NoError(t, os.Symlink(outside, filepath.Join(mnt, "abs-dir")))
	require.NoError(t, os.Symlink("../../outside", filepath.Join(mnt, "d", "rel-dir")))
	// Dangling links to files outside, which O_CREAT would create.
	require.NoError(t, os.Symlink(filepath.Join(outside, "new"), filepath.Join(mnt, "abs-dangling")))
	require.NoError(t, os.Symlink("../outside/new", filepath.Join(mnt, "rel-dangling")))
	// A link made by the guest.
	require.Zero(t, r.Symlink("../../../../etc", "etc"))
	target, errno := r.Readlink("etc")
	require.Zero(t, errno)
	assert.Equal(t, "../../../../etc", target)
	require.Zero(t, r.Symlink("../../outside", "d/up"))

	before, err := os.Stat(secret)
	require.NoError(t, err)
	outsideBefore, err := os.ReadDir(outside)
	require.NoError(t, err)

	leaving := []string{
		"..", "../", "../outside/secret", "../outside", "/../outside/secret",
		"d/../../outside/secret", "d/../..", "./../mnt/../outside",
		"abs-file", "rel-file", "abs-dir", "abs-dir/secret", "abs-dir/new",
		"d/rel-dir", "d/rel-dir/secret", "etc", "etc/passwd", "etc/", "d/up/secret",
		"abs-dangling", "rel-dangling",
	}
	for _, name := range leaving {
		t.Run(name, func(t *testing.T) {
			for _, flag := range []experimentalsys.Oflag{
				experimentalsys.O_RDONLY,
				experimentalsys.O_RDONLY | experimentalsys.O_DIRECTORY,
				rdwr | create,
				rdwr | experimentalsys.O_TRUNC,
				experimentalsys.O_WRONLY | experimentalsys.O_APPEND,
			} {
				f, errno := r.OpenFile(name, flag, 0o644)
				assert.Equal(t, experimentalsys.EPERM, errno, "OpenFile flag %#x", flag)
				assert.Nil(t, f)
			}
			_, errno := r.Stat(name)
			assert.Equal(t, experimentalsys.EPERM, errno, "Stat")
			assert.Equal(t, experimentalsys.EPERM, r.Chmod(name, 0o777), "Chmod")
			assert.Equal(t, experimentalsys.EPERM, r.Utimens(name, 0, 0), "Utimens")
			assert.Equal(t, experimentalsys.EPERM, r.Mkdir(name+"/x", 0o755), "Mkdir")
			assert.Equal(t, experimentalsys.EPERM, r.Symlink("f", name+"/x"), "Symlink")
			assert.Equal(t, experimentalsys.EPERM, r.Link("f", name+"/x"), "Link new")
			assert.Equal(t, experimentalsys.EPERM, r.Link(name+"/secret", "x"), "Link old")
			assert.Equal(t, experimentalsys.EPERM, r.Rename("f", name+"/f"), "Rename to")
			assert.Equal(t, experimentalsys.EPERM, r.Rename(name+"/secret", "x"), "Rename from")
			assert.Equal(t, experimentalsys.EPERM, r.Unlink(name+"/secret"), "Unlink")
			assert.Equal(t, experimentalsys.EPERM, r.Rmdir(name+"/x"), "Rmdir")
			_, errno = r.Readlink(name + "/x")
			assert.Equal(t, experimentalsys.EPERM, errno, "Readlink")
			_, errno = r.Lstat(name + "/secret")
			assert.Equal(t, experimentalsys.EPERM, errno, "Lstat")
		})
	}

	// Names that start with ".." escape even for operations on the link
	// itself.
	for _, name := range []string{"../outside/secret", "d/../../outside/secret"} {
		_, errno = r.Lstat(name)
		assert.Equal(t, experimentalsys.EPERM, errno)
		assert.Equal(t, experimentalsys.EPERM, r.Unlink(name))
		assert.Equal(t, experimentalsys.EPERM, r.Link(name, "x"))
		assert.Equal(t, experimentalsys.EPERM, r.Rename(name, "x"))
		_, errno = r.Readlink(name)
		assert.Equal(t, experimentalsys.EPERM, errno)
	}
	assert.Equal(t, experimentalsys.EPERM, r.Rmdir("../outside"))
	assert.Equal(t, experimentalsys.EPERM, r.Rename("f", "../f"))

	// A hard link to a link leading outside links the link, which still
	// cannot be followed.
	require.Zero(t, r.Link("abs-file", "hard"))
	_, errno = r.OpenFile("hard", experimentalsys.O_RDONLY, 0)
	assert.Equal(t, experimentalsys.EPERM, errno)
	// Links leading outside can be looked at, moved and removed.
	lst, errno := r.Lstat("abs-file")
	require.Zero(t, errno)
	assert.Equal(t, fs.ModeSymlink, lst.Mode.Type())
	require.Zero(t, r.Rename("rel-file", "d/rel-file")) // now mnt/outside/secret
	_, errno = r.OpenFile("d/rel-file", experimentalsys.O_RDONLY, 0)
	assert.Equal(t, experimentalsys.ENOENT, errno)
	require.Zero(t, r.Unlink("abs-dir"))
	require.Zero(t, r.Unlink("etc"))

	// Paths with a leading slash are relative to the mount.
	_, errno = r.Stat("/etc/passwd")
	assert.Equal(t, experimentalsys.ENOENT, errno)
	// ".." that stays inside is fine.
	open(t, r, "d/../f", experimentalsys.O_RDONLY)

	after, err := os.Stat(secret)
	require.NoError(t, err)
	assert.Equal(t, before.ModTime(), after.ModTime())
	assert.Equal(t, before.Mode(), after.Mode())
	assert.Equal(t, "secret", content(t, secret))
	outsideAfter, err := os.ReadDir(outside)
	require.NoError(t, err)
	assert.Equal(t, len(outsideBefore), len(outsideAfter))
	entries, err := os.ReadDir(filepath.Dir(mnt))
	require.NoError(t, err)
	assert.Len(t, entries, 2, "nothing new next to the mount")
}

func TestReadOnly(t *testing.T) {
	r, mnt, _ := sandbox(t, true, func(mnt string) {
		write(t, filepath.Join(mnt, "f"), "data")
		require.NoError(t, os.Mkdir(filepath.Join(mnt, "d"), 0o755))
		require.NoError(t, os.Symlink("f", filepath.Join(mnt, "l")))
	})
	snapshot := func() map[string]string {
		m := map[string]string{}
		require.NoError(t, filepath.WalkDir(mnt, func(p string, d fs.DirEntry, err error) error {
			require.NoError(t, err)
			info, err := d.Info()
			require.NoError(t, err)
			m[p] = info.Mode().String() + " " + info.ModTime().String()
			if info.Mode().IsRegular() {
				m[p] += " " + content(t, p)
			}
			return nil
		}))
		return m
	}
	before := snapshot()

	assert.Equal(t, experimentalsys.EROFS, r.Mkdir("new", 0o755))
	assert.Equal(t, experimentalsys.EROFS, r.Chmod("f", 0o777))
	assert.Equal(t, experimentalsys.EROFS, r.Rename("f", "g"))
	assert.Equal(t, experimentalsys.EROFS, r.Rmdir("d"))
	assert.Equal(t, experimentalsys.EROFS, r.Unlink("f"))
	assert.Equal(t, experimentalsys.EROFS, r.Link("f", "h"))
	assert.Equal(t, experimentalsys.EROFS, r.Symlink("f", "s"))
	assert.Equal(t, experimentalsys.EROFS, r.Utimens("f", 0, 0))

	for _, tc := range []struct {
		name string
		flag experimentalsys.Oflag
		want experimentalsys.Errno
	}{
		{"f", experimentalsys.O_WRONLY, experimentalsys.EROFS},
		{"f", rdwr, experimentalsys.EROFS},
		{"l", rdwr, experimentalsys.EROFS},
		{"f", experimentalsys.O_RDONLY | experimentalsys.O_TRUNC, experimentalsys.EROFS},
		{"new", rdwr | create, experimentalsys.EROFS},
		{"new", experimentalsys.O_RDONLY | create, experimentalsys.EROFS},
		{"f", experimentalsys.O_RDONLY | create | excl, experimentalsys.EEXIST},
		{"d", rdwr, experimentalsys.EISDIR},
		{"d", experimentalsys.O_WRONLY | experimentalsys.O_DIRECTORY, experimentalsys.EISDIR},
		{"missing", experimentalsys.O_RDONLY, experimentalsys.ENOENT},
		{"../outside/secret", experimentalsys.O_RDONLY, experimentalsys.EPERM},
	} {
		_, errno := r.OpenFile(tc.name, tc.flag, 0o644)
		assert.Equal(t, tc.want, errno, "OpenFile %s %#x", tc.name, tc.flag)
	}

	// Reading works, including O_CREAT of an existing file.
	f := open(t, r, "l", experimentalsys.O_RDONLY|create)
	buf := make([]byte, 10)
	n, errno := f.Read(buf)
	require.Zero(t, errno)
	assert.Equal(t, "data", string(buf[:n]))
	_, errno = f.Write([]byte("x"))
	assert.Equal(t, experimentalsys.EBADF, errno)
	_, errno = f.Pwrite([]byte("x"), 0)
	assert.Equal(t, experimentalsys.EBADF, errno)
	assert.Equal(t, experimentalsys.EBADF, f.Truncate(0))
	assert.Equal(t, experimentalsys.EROFS, f.Utimens(0, 0))
	assert.Zero(t, f.Sync())
	st, errno := r.Stat("f")
	require.Zero(t, errno)
	assert.Equal(t, int64(4), st.Size)
	target, errno := r.Readlink("l")
	require.Zero(t, errno)
	assert.Equal(t, "f", target)

	d := open(t, r, ".", experimentalsys.O_RDONLY)
	dirents, errno := d.Readdir(-1)
	require.Zero(t, errno)
	assert.Equal(t, []string{"d", "f", "l"}, names(dirents))
	_, errno = d.Write([]byte("x"))
	assert.Equal(t, experimentalsys.EISDIR, errno)
	assert.Equal(t, experimentalsys.EROFS, d.Utimens(0, 0))

	assert.Equal(t, before, snapshot())
}

func TestClosedRoot(t *testing.T) {
	r, _, _ := sandbox(t, false, func(mnt string) { write(t, filepath.Join(mnt, "f"), "x") })
	f := open(t, r, "f", experimentalsys.O_RDONLY)
	require.NoError(t, r.root.Close())
	_, errno := r.OpenFile("f", experimentalsys.O_RDONLY, 0)
	assert.Equal(t, experimentalsys.EBADF, errno)
	_, errno = r.Stat("f")
	assert.Equal(t, experimentalsys.EBADF, errno)
	assert.Equal(t, experimentalsys.EBADF, r.Unlink("f"))
	// Files opened before stay usable.
	n, errno := f.Read(make([]byte, 1))
	assert.Zero(t, errno)
	assert.Equal(t, 1, n)
}

func TestToErrno(t *testing.T) {
	assert.Zero(t, toErrno(nil))
	assert.Zero(t, toErrno(io.EOF))
	assert.Equal(t, experimentalsys.EBADF, toErrno(os.ErrClosed))
	assert.Equal(t, experimentalsys.ENOENT, toErrno(&fs.PathError{Op: "open", Path: "x", Err: fs.ErrNotExist}))
	assert.Equal(t, experimentalsys.EIO, toErrno(io.ErrUnexpectedEOF))
}

// TestUnreadableRoot checks that the root of a mount the guest may search
// but not read still opens, as wazero requires of every mount.
func TestUnreadableRoot(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every directory")
	}
	r, mnt, _ := sandbox(t, false, func(mnt string) { write(t, filepath.Join(mnt, "f"), "x") })
	require.NoError(t, os.Chmod(mnt, 0o311))
	t.Cleanup(func() { os.Chmod(mnt, 0o755) })

	d := open(t, r, ".", experimentalsys.O_RDONLY)
	isDir, errno := d.IsDir()
	require.Zero(t, errno)
	assert.True(t, isDir)
	_, errno = d.Readdir(-1)
	assert.NotZero(t, errno)
	_, errno = r.OpenFile(".", experimentalsys.O_RDONLY|experimentalsys.O_DIRECTORY, 0)
	assert.Equal(t, experimentalsys.EACCES, errno, "only wazero's own open of the root is eased")
	open(t, r, "f", experimentalsys.O_RDONLY)
}
