package toolchain

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// separateValue are the compiler flags whose value is the next argument.
var separateValue = map[string]bool{
	"-o": true, "-I": true, "-L": true, "-D": true, "-U": true, "-l": true, "-u": true, "-z": true,
	"-MF": true, "-MT": true, "-MQ": true, "-MJ": true, "-dependency-file": true,
	"-include": true, "-imacros": true, "-isystem": true, "-idirafter": true, "-iquote": true,
	"-iprefix": true, "-iwithprefix": true, "-iwithprefixbefore": true, "-isysroot": true,
	"-x": true, "-T": true, "-target": true, "--param": true, "-aux-info": true,
	"-Xlinker": true, "-Xclang": true, "-Xpreprocessor": true, "-Xassembler": true,
	"-mllvm": true, "-mthread-model": true,
}

// providedLibs are the libraries that wasmrun provides itself (the MPI,
// OpenCL, CUDA and BLAS/LAPACK/FFTW bridges and the guest library's
// OpenMP), or under another name: -l of one of them is dropped or
// replaced, so link lines written for mpicc (and cc -lOpenCL -lcuda
// -lopenblas -lfftw3) work.
var providedLibs = map[string][]string{
	"mpi": nil, "mpi_cxx": nil, "mpi_mpifh": nil, "pmpi": nil, "open-rte": nil, "open-pal": nil,
	"mpich": nil, "mpichcxx": nil, "mpicxx": nil, "mpl": nil, "opa": nil,
	"gomp": nil, "omp": nil, "iomp5": nil,
	"OpenCL": nil, // the OpenCL bridge (wasmrun_cl)
	"cuda":   nil, // the CUDA bridge (wasmrun_cuda)
	// the BLAS, LAPACK and FFTW bridge (wasmrun_blas, wasmrun_lapack,
	// wasmrun_fftw)
	"blas": nil, "cblas": nil, "openblas": nil, "lapack": nil, "lapacke": nil, "fftw3": nil, "fftw3f": nil,
	"fftw3_threads": nil, "fftw3f_threads": nil, "fftw3_omp": nil, "fftw3f_omp": nil,
	"stdc++": {"-lc++", "-lc++abi"},
}

// hostMPILibrary reports whether an input file is a host MPI or OpenMP
// library given by path (/usr/lib/.../libmpi.so, as a native FindMPI
// reports it): wasmrun provides those, so it is dropped.
func hostMPILibrary(path string) bool {
	base := filepath.Base(path)
	name, ok := strings.CutPrefix(base, "lib")
	if !ok {
		return false
	}
	name, ext, ok := strings.Cut(name, ".")
	if !ok || !(strings.HasPrefix(ext, "so") || ext == "a" || ext == "dylib") {
		return false
	}
	libs, provided := providedLibs[name]
	return provided && libs == nil
}

// wasmFeatures are the -m flags that mean something for wasm32 (with or
// without no-): clang's WebAssembly features.
var wasmFeatures = map[string]bool{
	"simd128": true, "relaxed-simd": true, "bulk-memory": true, "nontrapping-fptoint": true,
	"sign-ext": true, "mutable-globals": true, "multivalue": true, "reference-types": true,
	"tail-call": true, "extended-const": true, "multimemory": true, "atomics": true, "half-precision": true,
}

// hostOnly reports whether a compiler flag has no meaning for wasm32 and
// is dropped (with one warning for all of them): the host CPU's -m flags
// (-march=native, -mtune=..., -mavx2, -m64 ...), -pthread (wasmrun runs one
// thread per rank; clang would build for shared memory), and hardening
// flags clang refuses for wasm32.
func hostOnly(a string) bool {
	switch {
	case a == "-pthread" || a == "-pthreads":
		return true
	case strings.HasPrefix(a, "-fcf-protection"), strings.HasPrefix(a, "-fuse-ld="), strings.HasPrefix(a, "-fopenmp-targets="):
		return true
	case strings.HasPrefix(a, "-m"):
		m := a[2:]
		switch {
		case wasmFeatures[strings.TrimPrefix(m, "no-")]:
			return false
		case strings.HasPrefix(m, "exec-model="), strings.HasPrefix(m, "stack-alignment="):
			return false
		case strings.HasPrefix(m, "cpu="):
			switch m[len("cpu="):] {
			case "mvp", "generic", "bleeding-edge", "lime1":
				return false
			}
		}
		return true
	}
	return false
}

// linkerFilter drops the linker options that only ELF linkers know (wasm-ld
// refuses most of them), as libtool, CMake and MPI wrappers pass them:
// -Wl,--as-needed, -Wl,-rpath,DIR, -Wl,-z,relro ... An option and its value
// may come in separate -Wl or -Xlinker arguments; pending holds the option.
type linkerFilter struct{ pending string }

// elfWithValue are ELF linker options that take the next item as value.
var elfWithValue = map[string]bool{
	"-rpath": true, "--rpath": true, "-rpath-link": true, "--rpath-link": true,
	"--version-script": true, "-version-script": true, "--dynamic-list": true,
	"-dynamic-linker": true, "--dynamic-linker": true, "--exclude-libs": true,
}

// elfOnly are ELF linker options without a value.
var elfOnly = map[string]bool{
	"--as-needed": true, "--no-as-needed": true, "-as-needed": true, "-no-as-needed": true,
	"--enable-new-dtags": true, "--disable-new-dtags": true, "--start-group": true, "--end-group": true,
	"-(": true, "-)": true, "--no-undefined": true, "-no-undefined": true, "--eh-frame-hdr": true,
	"--copy-dt-needed-entries": true, "--no-copy-dt-needed-entries": true, "--warn-common": true,
	"--sort-common": true, "--allow-shlib-undefined": true, "--no-allow-shlib-undefined": true,
}

var elfOnlyPrefixes = []string{
	"--hash-style=", "-hash-style=", "-rpath=", "--rpath=", "-rpath-link=", "--rpath-link=",
	"--version-script=", "-version-script=", "--dynamic-list=", "--exclude-libs=",
	"-dynamic-linker=", "--dynamic-linker=",
}

// filter splits linker items into those wasm-ld gets and those dropped.
func (f *linkerFilter) filter(items []string) (kept, dropped []string) {
	for _, it := range items {
		if p := f.pending; p != "" {
			f.pending = ""
			if p == "-z" && strings.HasPrefix(it, "stack-size=") {
				kept = append(kept, p, it)
			} else {
				dropped = append(dropped, p, it)
			}
			continue
		}
		switch {
		case it == "-z" || elfWithValue[it]:
			f.pending = it
		case strings.HasPrefix(it, "-z"): // -zrelro; wasm-ld knows only -z stack-size=
			if strings.HasPrefix(it, "-zstack-size=") {
				kept = append(kept, it)
			} else {
				dropped = append(dropped, it)
			}
		case elfOnly[it] || hasAnyPrefix(it, elfOnlyPrefixes):
			dropped = append(dropped, it)
		default:
			kept = append(kept, it)
		}
	}
	return kept, dropped
}

// flush returns an option still waiting for its value, which is dropped.
func (f *linkerFilter) flush() []string {
	if f.pending == "" {
		return nil
	}
	p := f.pending
	f.pending = ""
	return []string{p}
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// expandResponseFiles replaces each @file argument with the arguments the
// file holds (GNU syntax: blanks separate, quotes group, a backslash
// escapes the next character), recursively, as gcc and clang do. An @file
// that does not exist stays as it is.
func expandResponseFiles(args []string) ([]string, error) { return expand(args, "", 0) }

func expand(args []string, dir string, depth int) ([]string, error) {
	var out []string
	for _, a := range args {
		if len(a) < 2 || a[0] != '@' {
			out = append(out, a)
			continue
		}
		path := a[1:]
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) && dir != "" && !filepath.IsAbs(path) {
			// a nested response file may name a path relative to its parent
			path = filepath.Join(dir, path)
			data, err = os.ReadFile(path)
		}
		if errors.Is(err, fs.ErrNotExist) {
			out = append(out, a)
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read response file: %w", err)
		}
		if depth >= 16 {
			return nil, fmt.Errorf("response file %s: nested too deeply", path)
		}
		inner, err := expand(splitGNU(string(data)), filepath.Dir(path), depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, inner...)
	}
	return out, nil
}

// splitGNU splits a response file's text into arguments.
func splitGNU(s string) []string {
	var (
		args  []string
		cur   strings.Builder
		in    bool
		quote byte
	)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
			in = true
		case quote != 0:
			if c == quote {
				quote = 0
			} else {
				cur.WriteByte(c)
			}
		case c == '\'' || c == '"':
			quote = c
			in = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			if in {
				args = append(args, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteByte(c)
			in = true
		}
	}
	if in {
		args = append(args, cur.String())
	}
	return args
}

// quoteGNU writes args as a response file that splitGNU (and clang) read
// back unchanged.
func quoteGNU(args []string) string {
	var b strings.Builder
	for _, a := range args {
		if a == "" {
			b.WriteString(`""`)
		}
		for i := 0; i < len(a); i++ {
			switch c := a[i]; c {
			case '\\', '"', '\'', ' ', '\t', '\n', '\r', '\f', '\v':
				b.WriteByte('\\')
				b.WriteByte(c)
			default:
				b.WriteByte(c)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}
