package toolchain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
)

func testDriver(lang string) *Driver {
	return &Driver{Lang: lang, Clang: "/usr/bin/clang-19", Sysroot: "/usr", Dir: "/cache/tc", objects: []string{"/cache/tc/lib/wasmrun.o"}, allowed: "/cache/tc/lib/allowed-undefined.txt", supported: map[string]bool{"MPI_Send": true}}
}

func TestCommand(t *testing.T) {
	dir := t.TempDir()
	rsp := filepath.Join(dir, "args.rsp")
	require.NoError(t, os.WriteFile(rsp, []byte("-c 'a b.c'\n-DX=\"1 2\" -O3 @"+filepath.Join(dir, "inner.rsp")+"\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "inner.rsp"), []byte(`-I\ inc -MD -MF a.d`), 0o644))
	for _, tc := range []struct {
		name       string
		lang       string
		args       []string
		want, not  []string
		show, link bool
		output     string
		warning    string
		info       string
		errContain string
	}{
		{name: "link", args: []string{"a.c", "-o", "a.wasm"}, link: true, output: "a.wasm",
			want: []string{"--target=wasm32-wasi", "--sysroot=/usr", "-isystem /cache/tc/include", "-B /cache/tc/bin", "-O2", "-msimd128", "a.c -o a.wasm",
				"-Wl,-z,stack-size=8388608", "-Wl,--max-memory=4294967296", "-Wl,--stack-first", "-Wl,--strip-debug",
				"-Wl,--allow-undefined-file=/cache/tc/lib/allowed-undefined.txt",
				"-Wl,--start-lib /cache/tc/lib/wasmrun.o -Wl,--end-lib", "-lwasi-emulated-mman", "-D_WASI_EMULATED_PROCESS_CLOCKS"},
			not: []string{"-fignore-exceptions", "-fno-exceptions"}},
		{name: "default output", args: []string{"a.c"}, link: true, output: "a.out"},
		{name: "joined output", args: []string{"a.c", "-oprog"}, link: true, output: "prog"},
		{name: "user optimisation wins", args: []string{"-O3", "a.c"}, link: true, want: []string{"-O3"}, not: []string{"-O2"}, output: "a.out"},
		{name: "compile only", args: []string{"-c", "a.c"}, not: []string{"stack-size", "--start-lib", "-lwasi", "allow-undefined"}},
		{name: "dependency flags pass", args: []string{"-c", "a.c", "-MD", "-MT", "a.o", "-MF", "a.d", "-I", "inc", "-DN=1", "-g"}, want: []string{"-MD -MT a.o -MF a.d -I inc -DN=1 -g"}},
		{name: "no inputs: no link", args: []string{"--version"}, not: []string{"stack-size"}},
		{name: "debug keeps DWARF", args: []string{"-g", "a.c"}, link: true, output: "a.out", not: []string{"--strip-debug"}},
		{name: "show", args: []string{"-show", "a.c"}, show: true, link: true, output: "a.out", not: []string{"-show"}},
		{name: "show alone shows the link", args: []string{"-showme"}, show: true, link: true, output: "a.out", want: []string{"stack-size", "--start-lib"}},
		{name: "exceptions", args: []string{"-fexceptions", "a.c"}, errContain: "exceptions are not supported"},
		{name: "wasm exceptions", lang: "c++", args: []string{"-fwasm-exceptions", "a.cpp"}, errContain: "exceptions are not supported"},
		{name: "c++ ignores exceptions", lang: "c++", args: []string{"-c", "a.cpp"}, want: []string{"-fignore-exceptions"}, not: []string{"-fno-exceptions"}},
		{name: "mpi and openmp libraries are provided", args: []string{"a.c", "-lmpi", "-l", "mpich", "-lgomp", "-lm", "-lpthread", "/usr/lib/x86_64-linux-gnu/libmpi.so", "-lstdc++"}, link: true, output: "a.out",
			want: []string{"a.c -lm -lpthread -lc++ -lc++abi"}, not: []string{"-lmpi", "mpich", "gomp", "libmpi.so"}},
		{name: "OpenCL library is provided", args: []string{"a.c", "-lOpenCL", "-l", "OpenCL", "/usr/lib/x86_64-linux-gnu/libOpenCL.so", "-lm"}, link: true, output: "a.out",
			want: []string{"a.c -lm"}, not: []string{"OpenCL"}},
		{name: "CUDA driver library is provided", args: []string{"a.c", "-lcuda", "-l", "cuda", "/usr/lib/x86_64-linux-gnu/libcuda.so", "-lm"}, link: true, output: "a.out",
			want: []string{"a.c -lm"}, not: []string{"cuda"}},
		{name: "BLAS, LAPACK and FFTW libraries are provided", args: []string{"a.c", "-lopenblas", "-lblas", "-l", "cblas", "-llapacke", "-llapack",
			"-lfftw3_threads", "-lfftw3", "-lfftw3f", "/usr/lib/x86_64-linux-gnu/libopenblas.so", "-lm"}, link: true, output: "a.out",
			want: []string{"a.c -lm"}, not: []string{"blas", "lapack", "fftw"}},
		{name: "host-only flags dropped", args: []string{"-c", "-march=native", "-mtune=generic", "-mavx2", "-mfma", "-m64", "-msimd128", "-mno-bulk-memory", "-mllvm", "-x", "-pthread", "a.c", "-fcf-protection=full"},
			want: []string{"-msimd128 -mno-bulk-memory -mllvm -x a.c"}, not: []string{"march", "mtune", "avx", "mfma", "-m64", "-pthread", "cf-protection"},
			warning: "wasmrun cc: warning: option not supported for wasm32, ignored: -march=native -mtune=generic -mavx2 -mfma -m64 -pthread -fcf-protection=full"},
		{name: "ELF linker options dropped", args: []string{"a.o", "-Wl,--as-needed,-O1", "-Wl,-rpath", "-Wl,/usr/lib", "-Wl,-rpath,/opt/lib", "-Xlinker", "-z", "-Xlinker", "relro", "-z", "now", "-Wl,-z,stack-size=65536", "-Wl,--no-undefined"}, link: true, output: "a.out",
			want: []string{"a.o -Wl,-O1 -Wl,-z,stack-size=65536 -Wl,-z,stack-size=8388608"}, not: []string{"as-needed", "rpath", "/usr/lib", "/opt/lib", "relro", "now", "no-undefined"},
			warning: "wasmrun cc: warning: option not supported for wasm32, ignored: -Wl,--as-needed -Wl,-rpath -Wl,/usr/lib -Wl,-rpath -Wl,/opt/lib -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now -Wl,--no-undefined"},
		{name: "openmp", args: []string{"-fopenmp", "-c", "a.c", "-fopenmp=libomp"}, want: []string{"-fopenmp-simd -D_OPENMP=202011 -c a.c"}, not: []string{"-fopenmp ", "libomp"}},
		{name: "openmp through Xclang", args: []string{"-Xclang", "-fopenmp", "a.o", "-lomp"}, link: true, output: "a.out", want: []string{"-fopenmp-simd"}, not: []string{"Xclang", "-lomp"}},
		{name: "response files", args: []string{"@" + rsp, "-o", "a.o"}, want: []string{"-c a b.c -DX=1 2 -O3 -I inc -MD -MF a.d -o a.o"}, not: []string{"@"}},
		{name: "language for stdin, objects after", args: []string{"-x", "c", "-", "-o", "a.wasm"}, link: true, output: "a.wasm",
			want: []string{"-x c - -o a.wasm -x none -Wl,-z,stack-size"}},
		{name: "missing response file is an argument", args: []string{"-c", "@/nonexistent.rsp"}, want: []string{"@/nonexistent.rsp"}},
		{name: "showme:compile", args: []string{"-showme:compile"}, info: "--target=wasm32-wasi --sysroot=/usr -I/cache/tc/include -msimd128 -B /cache/tc/bin -D_WASI_EMULATED_MMAN -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_GETPID"},
		{name: "showme:link", args: []string{"-showme:link"}, info: "--target=wasm32-wasi --sysroot=/usr -B /cache/tc/bin -Wl,-z,stack-size=8388608"},
		{name: "showme:incdirs", args: []string{"-showme:incdirs"}, info: "/cache/tc/include"},
		{name: "compile-info", args: []string{"-compile-info"}, info: "/usr/bin/clang-19 --target=wasm32-wasi"},
		{name: "link-info", args: []string{"-link-info"}, info: "/usr/bin/clang-19 --target=wasm32-wasi"},
		{name: "unknown showme", args: []string{"-showme:bogus"}, errContain: "unknown option -showme:bogus"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lang := tc.lang
			if lang == "" {
				lang = "c"
			}
			c, err := testDriver(lang).Command(tc.args)
			if tc.errContain != "" {
				require.ErrorContains(t, err, tc.errContain)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.warning, c.Warning)
			if tc.info != "" {
				require.True(t, strings.HasPrefix(c.Info, tc.info), c.Info)
				return
			}
			require.Empty(t, c.Info)
			require.Equal(t, tc.show, c.Show)
			require.Equal(t, tc.link, c.Link)
			require.Equal(t, tc.output, c.Output)
			line := strings.Join(c.Args, " ")
			for _, w := range tc.want {
				require.Contains(t, line, w)
			}
			for _, n := range tc.not {
				require.NotContains(t, line, n)
			}
		})
	}
	require.Equal(t, "clang++-19 'a b.c'", Command{Path: "clang++-19", Args: []string{"a b.c"}}.String())

	// A link checks the module's imports, unless the user lets undefined
	// symbols become imports.
	c, err := testDriver("c").Command([]string{"a.c"})
	require.NoError(t, err)
	require.True(t, c.CheckImports)
	c, err = testDriver("c").Command([]string{"a.c", "-Wl,--allow-undefined"})
	require.NoError(t, err)
	require.False(t, c.CheckImports)
	require.Contains(t, c.Args, "-Wl,--allow-undefined")
	c, err = (&Driver{Lang: "c"}).Command([]string{"a.c"})
	require.NoError(t, err)
	require.False(t, c.CheckImports, "no supported set, no check")
}

func TestResponseFileQuoting(t *testing.T) {
	args := []string{"plain", "a b", `q"uote`, "it's", `back\slash`, "", "tab\there", "new\nline"}
	require.Equal(t, args, splitGNU(quoteGNU(args)))
	require.Equal(t, []string{"a", "b c", "d'e", `f"g`}, splitGNU(`a "b c" "d'e" 'f"g'`))
}

func TestHostMPILibrary(t *testing.T) {
	for path, want := range map[string]bool{
		"/usr/lib/x86_64-linux-gnu/openmpi/lib/libmpi.so": true, "libmpich.so.12": true, "libgomp.a": true,
		"libmpix.so": false, "mpi.o": false, "libm.a": false, "libstdc++.so": false, "libmpi": false,
	} {
		require.Equal(t, want, hostMPILibrary(path), path)
	}
}

type wasmImport struct{ module, name string }

// module builds a wasm module whose import section holds imports.
func module(imports ...wasmImport) []byte {
	var sec []byte
	uleb := func(b []byte, v int) []byte {
		for {
			c := byte(v & 0x7f)
			v >>= 7
			if v != 0 {
				b = append(b, c|0x80)
				continue
			}
			return append(b, c)
		}
	}
	name := func(b []byte, s string) []byte { return append(uleb(b, len(s)), s...) }
	sec = uleb(sec, len(imports)+1)
	for _, im := range imports {
		sec = name(name(sec, im.module), im.name)
		sec = append(sec, 0, 0) // function, type 0
	}
	sec = name(name(sec, "env"), "memory")
	sec = append(sec, 2, 1, 1, 200, 1) // memory, limits min 1 max 200
	out := []byte("\x00asm\x01\x00\x00\x00")
	out = append(out, 1, 4, 1, 0x60, 0, 0) // type section: () -> ()
	out = append(out, 2)
	out = uleb(out, len(sec))
	return append(out, sec...)
}

func TestUnsupportedImports(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.wasm")
	require.NoError(t, os.WriteFile(path, module(
		wasmImport{"wasi_snapshot_preview1", "fd_write"},
		wasmImport{"wasmrun_mpi", "MPI_Send"},
		wasmImport{"wasmrun_mpi", "MPI_Comm_spawn"},
		wasmImport{"wasmrun_mpi", "MPI_Comm_spawn"},
		wasmImport{"env", "MPI_Recv"},
		wasmImport{"wasmrun_mpi", "MPI_Mprobe"},
	), 0o644))
	d := &Driver{supported: map[string]bool{"MPI_Send": true, "MPI_Recv": true}}
	missing, err := d.unsupportedImports(path)
	require.NoError(t, err)
	require.Equal(t, []string{"MPI_Comm_spawn", "MPI_Mprobe"}, missing)

	notModule := filepath.Join(t.TempDir(), "script")
	require.NoError(t, os.WriteFile(notModule, []byte("#!/bin/sh\n"), 0o644))
	missing, err = d.unsupportedImports(notModule)
	require.NoError(t, err)
	require.Empty(t, missing, "a file that is not a module is not checked")

	require.Equal(t, "MPI_Send\nPMPI_Send\nwasmrun_win_free\n", allowedSymbols([]string{"MPI_Send", "wasmrun_win_free"}))
}

func TestFind(t *testing.T) {
	env := func(m map[string]string) Env {
		return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
	}
	_, err := FindClang("c", env(map[string]string{"WASMRUN_CLANG": "/nonexistent/clang"}))
	require.ErrorContains(t, err, "WASMRUN_CLANG=/nonexistent/clang")
	_, err = FindSysroot(env(map[string]string{"WASI_SYSROOT": "/nonexistent"}))
	require.ErrorContains(t, err, "WASI_SYSROOT=/nonexistent")
	_, err = New("fortran", t.TempDir(), env(nil), nil)
	require.ErrorContains(t, err, "unknown language")
}

// TestPrepare builds the guest library into a cache directory once and
// reuses it; it needs the wasm toolchain that make deps installs.
func TestPrepare(t *testing.T) {
	cache := t.TempDir()
	noEnv := func(string) (string, bool) { return "", false }
	bundle := fstest.MapFS{"extra.h": {Data: []byte("#define EXTRA 1\n")}, "guest/extra.c": {Data: []byte("#include <extra.h>\nint extra(void) { return EXTRA; }\n")}}
	d, err := New("c", cache, noEnv, []string{"MPI_Send"}, bundle)
	require.NoError(t, err)
	require.FileExists(t, d.Dir+"/include/extra.h")
	require.FileExists(t, d.Dir+"/include/omp.h")
	require.Len(t, d.objects, 4, "wasmrun.c, omp.c, cxa.cc and extra.c")
	data, err := os.ReadFile(d.allowed)
	require.NoError(t, err)
	require.Equal(t, "MPI_Send\nPMPI_Send\n", string(data))
	again, err := New("c", cache, noEnv, []string{"MPI_Send"}, bundle)
	require.NoError(t, err)
	require.Equal(t, d.Dir, again.Dir)
	other, err := New("c", cache, noEnv, []string{"MPI_Send", "MPI_Recv"}, bundle)
	require.NoError(t, err)
	require.NotEqual(t, d.Dir, other.Dir, "a new supported set is a new directory")

	// The CMake toolchain file and its wrappers.
	path, err := d.CMakeToolchain(cache, CMakeOptions{Wasmrun: "/opt/wasm run/wasmrun", Cache: cache})
	require.NoError(t, err)
	tc, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Contains(t, string(tc), "set(CMAKE_SYSTEM_NAME WASI)")
	require.Contains(t, string(tc), `set(CMAKE_CROSSCOMPILING_EMULATOR "/opt/wasm run/wasmrun")`)
	wrapper, err := os.ReadFile(filepath.Join(filepath.Dir(path), "wasmrun-cc"))
	require.NoError(t, err)
	require.Contains(t, string(wrapper), `exec '/opt/wasm run/wasmrun' cc "$@"`)
	require.FileExists(t, filepath.Join(filepath.Dir(path), "Platform", "WASI.cmake"))
	same, err := d.CMakeToolchain(cache, CMakeOptions{Wasmrun: "/opt/wasm run/wasmrun", Cache: cache})
	require.NoError(t, err)
	require.Equal(t, path, same)
}

func TestVectorInterleave(t *testing.T) {
	d := &Driver{Lang: "c", Clang: "clang-19", Sysroot: "/usr", Dir: "/x"}
	c, err := d.Command([]string{"-c", "a.c"})
	require.NoError(t, err)
	require.Contains(t, strings.Join(c.Args, " "), "-mllvm -force-vector-interleave=4")
	c, err = d.Command([]string{"-c", "-mllvm", "-force-vector-interleave=2", "a.c"})
	require.NoError(t, err)
	line := strings.Join(c.Args, " ")
	require.Equal(t, 1, strings.Count(line, "-force-vector-interleave"), "clang takes the option once: the user's wins")
	require.Contains(t, line, "-force-vector-interleave=2")
}
