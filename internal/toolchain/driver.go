package toolchain

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
)

// Link settings every module gets.
const (
	stackSize = 8 << 20 // HPC codes keep large arrays on the stack
	maxMemory = 4 << 30 // the whole wasm32 address space; the runtime caps it
)

// openMPVersion is the _OPENMP that -fopenmp defines: the OpenMP version
// clang-19 implements (5.1), so that code and build systems (CMake's
// FindOpenMP) see what they would see natively.
const openMPVersion = "202011"

// emulated are wasi-libc's emulations of POSIX pieces that HPC code commonly
// uses: mmap, signal, clock() and getpid().
var emulated = []string{"mman", "signal", "process-clocks", "getpid"}

// Driver turns a user's compiler command line into a clang command line
// that targets wasm32-wasi.
type Driver struct {
	Lang    string // "c" or "c++"
	Clang   string // clang executable
	Sysroot string // WASI sysroot
	Dir     string // prepared headers and guest library

	objects   []string        // guest library objects, linked lazily
	allowed   string          // file naming the symbols that may stay undefined (become imports)
	supported map[string]bool // import names the host provides; nil: imports are not checked
}

// New finds clang and the sysroot and prepares the guest headers and
// library under cacheDir. supported are the import names of the functions
// the host modules provide (mpibridge.Functions()): a module that imports
// any other function from them fails to link. bundles are the guest files
// of the host modules (the MPI bridge's mpi.h and its part of the guest
// library): each file ending in .c or .cc is compiled into the guest
// library, every other file is a header.
func New(lang, cacheDir string, env Env, supported []string, bundles ...fs.FS) (*Driver, error) {
	if lang != "c" && lang != "c++" {
		return nil, fmt.Errorf("unknown language %q", lang)
	}
	clang, err := FindClang(lang, env)
	if err != nil {
		return nil, err
	}
	sysroot, err := FindSysroot(env)
	if err != nil {
		return nil, err
	}
	d := &Driver{Lang: lang, Clang: clang, Sysroot: sysroot}
	if supported != nil {
		d.supported = make(map[string]bool, len(supported))
		for _, s := range supported {
			d.supported[s] = true
		}
	}
	if err := d.prepare(cacheDir, supported, bundles); err != nil {
		return nil, err
	}
	return d, nil
}

// Name is the command as users type it: "wasmrun cc" or "wasmrun c++".
func (d *Driver) Name() string {
	return "wasmrun " + map[string]string{"c": "cc", "c++": "c++"}[d.Lang]
}

// Command is a clang invocation built from the user's arguments.
type Command struct {
	Path   string
	Args   []string // without Path
	Show   bool     // the user asked for -show: print, do not run
	Info   string   // the answer to -showme:..., -compile-info or -link-info: print it, do not run
	Link   bool     // the command links a module
	Output string   // the module it links
	// CheckImports: after the link, refuse a module that imports an MPI
	// function wasmrun does not provide; off when the user lets undefined
	// symbols through (-Wl,--allow-undefined).
	CheckImports bool
	Warning      string // one line for stderr: the flags that were dropped
}

// String is the command as a shell would show it.
func (c Command) String() string { return shellJoin(append([]string{c.Path}, c.Args...)) }

func shellJoin(args []string) string {
	parts := make([]string, len(args))
	for i, p := range args {
		parts[i] = p
		if p == "" || strings.ContainsAny(p, " \t\n\"'$\\`*?;&|<>()") {
			parts[i] = "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
		}
	}
	return strings.Join(parts, " ")
}

// Command builds the clang command for the user's arguments. It reads
// response files (@file), drops what has no meaning for wasm32 (host
// -m flags, -pthread, ELF-only linker options: one warning names them),
// drops the MPI and OpenMP libraries (-lmpi, -lgomp: the guest library
// provides them), turns -fopenmp into -fopenmp-simd, and answers the MPI
// wrappers' interrogation flags (-show, -showme:..., -compile-info,
// -link-info).
func (d *Driver) Command(user []string) (Command, error) {
	user, err := expandResponseFiles(user)
	if err != nil {
		return Command{}, err
	}
	var (
		args                    []string
		dropped                 []string
		info                    string
		show, compileOnly       bool
		inputs, optimise, debug bool
		sources                 bool // files clang compiles, not only links
		openmp, output          = false, ""
		mayImport               bool // the user lets undefined symbols become imports
		language                bool // the user named the input language (-x)
		lf                      linkerFilter
	)
	keepLinker := func(prefix string, items []string) {
		kept, drop := lf.filter(items)
		for _, k := range kept {
			if k == "--allow-undefined" || k == "--unresolved-symbols=ignore-all" || k == "--warn-unresolved-symbols" {
				mayImport = true
			}
			if prefix == "-Xlinker" {
				args = append(args, "-Xlinker", k)
			}
		}
		if prefix == "-Wl," && len(kept) > 0 {
			args = append(args, "-Wl,"+strings.Join(kept, ","))
		}
		for _, x := range drop {
			if prefix == "-Xlinker" {
				dropped = append(dropped, "-Xlinker "+x)
			} else {
				dropped = append(dropped, "-Wl,"+x)
			}
		}
	}
	useOpenMP := func() {
		if !openmp {
			args = append(args, "-fopenmp-simd", "-D_OPENMP="+openMPVersion)
		}
		openmp = true
	}
	for i := 0; i < len(user); i++ {
		a := user[i]
		if separateValue[a] && i+1 < len(user) {
			v := user[i+1]
			i++
			switch a {
			case "-o":
				output = v
			case "-l":
				if libs, ok := providedLibs[v]; ok {
					args = append(args, libs...)
					continue
				}
				inputs = true
			case "-Xlinker":
				keepLinker("-Xlinker", []string{v})
				continue
			case "-z":
				keepLinker("-Xlinker", []string{a, v})
				continue
			case "-x":
				language = true
			case "-Xclang":
				if v == "-fopenmp" {
					useOpenMP()
					continue
				}
			}
			args = append(args, a, v)
			continue
		}
		switch {
		case a == "-show" || a == "--show" || a == "-showme":
			show = true
			continue
		case strings.HasPrefix(a, "-showme:") || a == "-compile-info" || a == "-compile_info" || a == "-link-info" || a == "-link_info":
			if info == "" {
				info = a
			}
			continue
		case a == "-c" || a == "-S" || a == "-E" || a == "-M" || a == "-MM" || a == "-fsyntax-only" || a == "-r" || a == "--relocatable":
			compileOnly = true
		case strings.HasPrefix(a, "-x") && len(a) > 2:
			language = true
		case strings.HasPrefix(a, "-o") && len(a) > 2:
			output = a[2:]
		case strings.HasPrefix(a, "-O"):
			optimise = true
		case strings.HasPrefix(a, "-g") && a != "-g0":
			debug = true
		case a == "-fexceptions" || a == "-fcxx-exceptions" || a == "-fwasm-exceptions" || a == "-mexception-handling":
			return Command{}, errors.New(a + ": C++ exceptions are not supported: wazero cannot run clang-19's wasm exception handling, so no exception can be caught; " +
				"leave " + a + " out: wasmrun c++ builds try, catch and throw with -fignore-exceptions, and a throw ends the rank with a report of the exception")
		case a == "-fopenmp" || strings.HasPrefix(a, "-fopenmp=") || a == "-qopenmp" || a == "-fiopenmp":
			useOpenMP()
			continue
		case a == "-fno-openmp":
			continue
		case strings.HasPrefix(a, "-l"):
			if libs, ok := providedLibs[a[2:]]; ok {
				args = append(args, libs...)
				continue
			}
			inputs = true
		case strings.HasPrefix(a, "-Wl,"):
			keepLinker("-Wl,", strings.Split(a[len("-Wl,"):], ","))
			continue
		case hostOnly(a):
			dropped = append(dropped, a)
			continue
		case a == "-" || !strings.HasPrefix(a, "-"):
			if hostMPILibrary(a) {
				continue
			}
			inputs = true
			sources = sources || a == "-" || isCompiled(a)
		}
		args = append(args, a)
	}
	// A linker option whose value never came is dropped too.
	for _, x := range lf.flush() {
		dropped = append(dropped, "-Wl,"+x)
	}

	include, bin := filepath.Join(d.Dir, "include"), filepath.Join(d.Dir, "bin")
	c := Command{Path: d.Clang, Show: show}
	if len(dropped) > 0 {
		c.Warning = d.Name() + ": warning: option not supported for wasm32, ignored: " + strings.Join(dropped, " ")
	}
	if info != "" {
		text, err := d.info(info, args)
		if err != nil {
			return Command{}, err
		}
		c.Info = text
		return c, nil
	}
	flags := d.compileFlags(include, bin)
	if !optimise {
		flags = append(flags, "-O2")
	}
	if (sources || language) && !userSets(args, "-force-vector-interleave") {
		// wazero's code pays per instruction for each memory access's
		// bounds check; interleaving vector loops four ways hides more of
		// it (bench/results: Jacobi 2D 0.92 -> 0.55 s, 3D 0.92 -> 0.68 s,
		// STREAM 0.70 -> 0.59 s, CG 2.69 -> 2.49 s; others unchanged).
		flags = append(flags, "-mllvm", "-force-vector-interleave=4")
	}
	flags = append(flags, args...)
	// Without input files clang only answers (-v, --version, -print-...);
	// -show without them shows the whole wrapper, link flags included.
	c.Link = !compileOnly && (inputs || show)
	if c.Link {
		if language {
			// -x applies to every later input: the guest library's
			// objects are objects.
			flags = append(flags, "-x", "none")
		}
		flags = append(flags, d.linkFlags(debug)...)
		c.Output = output
		if c.Output == "" {
			c.Output = "a.out"
		}
		c.CheckImports = !mayImport && d.supported != nil
	}
	c.Args = flags
	return c, nil
}

// compileFlags are the flags for every compile: target, sysroot, our
// headers first, the defines that enable wasi-libc's POSIX emulations and,
// for C++, exceptions that compile but end the rank when thrown.
func (d *Driver) compileFlags(include, bin string) []string {
	f := d.baseFlags(include, bin)
	if d.Lang == "c++" {
		// try and catch compile; catch clauses are dropped and a throw
		// calls the guest library's __cxa_throw, which reports the
		// exception and aborts the rank.
		f = append(f, "-fignore-exceptions")
	}
	return f
}

// baseFlags are the flags the guest library is built with too.
func (d *Driver) baseFlags(include, bin string) []string {
	f := []string{"--target=wasm32-wasi", "--sysroot=" + d.Sysroot, "-isystem", include, "-msimd128"}
	if bin != "" {
		f = append(f, "-B", bin)
	}
	for _, e := range emulated {
		f = append(f, "-D_WASI_EMULATED_"+strings.ToUpper(strings.ReplaceAll(e, "-", "_")))
	}
	return f
}

// linkFlags are the flags for every link.
func (d *Driver) linkFlags(debug bool) []string {
	f := []string{
		fmt.Sprintf("-Wl,-z,stack-size=%d", stackSize),
		fmt.Sprintf("-Wl,--max-memory=%d", maxMemory),
		"-Wl,--stack-first", // an overflowing stack traps instead of overwriting data
		// Function pointers are table indices, from 1 by default; the
		// MPI ABI's predefined callbacks (MPI_COMM_DUP_FN is (fn *)1)
		// need the low indices free.
		"-Wl,--table-base=16",
		"-Wl,--export=__stack_pointer",
		"-Wl,-u,wasmrun_flush_hook", "-Wl,--export=wasmrun_flush_hook",
	}
	if !debug {
		f = append(f, "-Wl,--strip-debug")
	}
	if d.allowed != "" {
		// Functions declared without mpi.h (autoconf's AC_CHECK_FUNC,
		// CMake's check_function_exists) link when wasmrun provides them
		// and fail to link when it does not.
		f = append(f, "-Wl,--allow-undefined-file="+d.allowed)
	}
	f = append(f, "-Wl,--start-lib")
	f = append(f, d.objects...)
	f = append(f, "-Wl,--end-lib")
	for _, e := range emulated {
		f = append(f, "-lwasi-emulated-"+e)
	}
	return f
}

// info answers the interrogation flags of the MPI compiler wrappers, which
// build systems (CMake's FindMPI among them) use to learn how to compile
// and link MPI code: Open MPI's -showme:... and MPICH's -compile-info and
// -link-info.
func (d *Driver) info(flag string, user []string) (string, error) {
	include, bin, lib := filepath.Join(d.Dir, "include"), filepath.Join(d.Dir, "bin"), filepath.Join(d.Dir, "lib")
	// The include directory as -I, which is what interrogators look for
	// (FindMPI takes include directories from -I only).
	var compile []string
	for _, f := range d.compileFlags(include, bin) {
		if f == "-isystem" {
			continue
		}
		if f == include {
			f = "-I" + include
		}
		compile = append(compile, f)
	}
	link := append(d.baseFlags(include, bin)[:2:2], "-B", bin)
	link = append(link, d.linkFlags(false)...)
	switch flag {
	case "-showme:compile":
		return shellJoin(compile), nil
	case "-showme:link":
		return shellJoin(link), nil
	case "-showme:command":
		return shellJoin([]string{d.Clang}), nil
	case "-showme:incdirs":
		return shellJoin([]string{include}), nil
	case "-showme:libdirs":
		return shellJoin([]string{lib}), nil
	case "-showme:libs":
		var names []string
		for _, e := range emulated {
			names = append(names, "wasi-emulated-"+e)
		}
		return strings.Join(names, " "), nil
	case "-showme:version":
		return fmt.Sprintf("%s: clang %s for wasm32-wasi, sysroot %s", d.Name(), d.Clang, d.Sysroot), nil
	case "-showme:help":
		return d.Name() + ` answers the MPI wrapper interrogation flags:
  -show, -showme      the clang command for the given arguments
  -showme:compile     flags to compile MPI code (-compile-info: with the compiler)
  -showme:link        flags to link an MPI program (-link-info: with the compiler)
  -showme:command     the compiler
  -showme:incdirs     include directories
  -showme:libdirs     library directories
  -showme:libs        libraries
  -showme:version     the compiler and sysroot`, nil
	case "-compile-info", "-compile_info":
		return shellJoin(append(append([]string{d.Clang}, compile...), user...)), nil
	case "-link-info", "-link_info":
		all := append(append([]string{d.Clang}, compile...), user...)
		return shellJoin(append(all, d.linkFlags(false)...)), nil
	}
	return "", fmt.Errorf("unknown option %s (see -showme:help)", flag)
}

// userSets reports whether the user's arguments name an LLVM option
// (passed with -mllvm), which clang accepts once only.
func userSets(args []string, option string) bool {
	for i, a := range args {
		if a == "-mllvm" && i+1 < len(args) && strings.HasPrefix(args[i+1], option) {
			return true
		}
	}
	return false
}

// isCompiled reports whether clang compiles the input file name (as
// opposed to linking it): C, C++ and preprocessed sources.
func isCompiled(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".c", ".cc", ".cpp", ".cxx", ".c++", ".cp", ".i", ".ii":
		return true
	}
	return false
}
