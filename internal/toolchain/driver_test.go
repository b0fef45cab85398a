package toolchain

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
)

func TestCommand(t *testing.T) {
	d := &Driver{Lang: "c", Clang: "/usr/bin/clang-19", Sysroot: "/usr", Dir: "/cache/tc", objects: []string{"/cache/tc/lib/wasmrun.o"}}
	for _, tc := range []struct {
		name       string
		args       []string
		want, not  []string
		show       bool
		errContain string
	}{
		{name: "link", args: []string{"a.c", "-o", "a.wasm"},
			want: []string{"--target=wasm32-wasi", "--sysroot=/usr", "-isystem /cache/tc/include", "-B /cache/tc/bin", "-O2", "-msimd128", "a.c -o a.wasm",
				"-Wl,-z,stack-size=8388608", "-Wl,--max-memory=4294967296", "-Wl,--stack-first", "-Wl,--strip-debug",
				"-Wl,--start-lib /cache/tc/lib/wasmrun.o -Wl,--end-lib", "-lwasi-emulated-mman", "-D_WASI_EMULATED_PROCESS_CLOCKS"}},
		{name: "user optimisation wins", args: []string{"-O3", "a.c"}, want: []string{"-O3"}, not: []string{"-O2"}},
		{name: "compile only", args: []string{"-c", "a.c"}, not: []string{"stack-size", "--start-lib", "-lwasi"}},
		{name: "debug keeps DWARF", args: []string{"-g", "a.c"}, not: []string{"--strip-debug"}},
		{name: "show", args: []string{"-show", "a.c"}, show: true, not: []string{"-show"}},
		{name: "exceptions", args: []string{"-fexceptions", "a.c"}, errContain: "exceptions are not supported"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := d.Command(tc.args)
			if tc.errContain != "" {
				require.ErrorContains(t, err, tc.errContain)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.show, c.Show)
			line := strings.Join(c.Args, " ")
			for _, w := range tc.want {
				require.Contains(t, line, w)
			}
			for _, n := range tc.not {
				require.NotContains(t, line, n)
			}
		})
	}
	cxx := &Driver{Lang: "c++", Clang: "clang++-19", Sysroot: "/usr", Dir: "/x"}
	c, err := cxx.Command([]string{"a.cpp"})
	require.NoError(t, err)
	require.Contains(t, c.Args, "-fno-exceptions")
	require.Equal(t, "clang++-19 'a b.c'", Command{Path: "clang++-19", Args: []string{"a b.c"}}.String())
}

func TestFind(t *testing.T) {
	env := func(m map[string]string) Env {
		return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
	}
	_, err := FindClang("c", env(map[string]string{"WASMRUN_CLANG": "/nonexistent/clang"}))
	require.ErrorContains(t, err, "WASMRUN_CLANG=/nonexistent/clang")
	_, err = FindSysroot(env(map[string]string{"WASI_SYSROOT": "/nonexistent"}))
	require.ErrorContains(t, err, "WASI_SYSROOT=/nonexistent")
	_, err = New("fortran", t.TempDir(), env(nil))
	require.ErrorContains(t, err, "unknown language")
}

// TestPrepare builds the guest library into a cache directory once and
// reuses it; it needs the wasm toolchain that make deps installs.
func TestPrepare(t *testing.T) {
	cache := t.TempDir()
	bundle := fstest.MapFS{"extra.h": {Data: []byte("#define EXTRA 1\n")}, "guest/extra.c": {Data: []byte("#include <extra.h>\nint extra(void) { return EXTRA; }\n")}}
	d, err := New("c", cache, func(string) (string, bool) { return "", false }, bundle)
	require.NoError(t, err)
	require.FileExists(t, d.Dir+"/include/extra.h")
	require.Len(t, d.objects, 2, "wasmrun.c and extra.c")
	again, err := New("c", cache, func(string) (string, bool) { return "", false }, bundle)
	require.NoError(t, err)
	require.Equal(t, d.Dir, again.Dir)
}
