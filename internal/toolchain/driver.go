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

	objects []string // guest library objects, linked lazily
}

// New finds clang and the sysroot and prepares the guest headers and
// library under cacheDir. bundles are the guest files of the host modules
// (the MPI bridge's mpi.h and its part of the guest library): each file
// ending in .c or .cc is compiled into the guest library, every other file
// is a header.
func New(lang, cacheDir string, env Env, bundles ...fs.FS) (*Driver, error) {
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
	if err := d.prepare(cacheDir, bundles); err != nil {
		return nil, err
	}
	return d, nil
}

// Command is a clang invocation built from the user's arguments.
type Command struct {
	Path string
	Args []string // without Path
	Show bool     // the user asked for -show: print, do not run
}

// String is the command as a shell would show it.
func (c Command) String() string {
	parts := append([]string{c.Path}, c.Args...)
	for i, p := range parts {
		if p == "" || strings.ContainsAny(p, " \t\"'$\\") {
			parts[i] = "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
		}
	}
	return strings.Join(parts, " ")
}

// Command builds the clang command for the user's arguments.
func (d *Driver) Command(user []string) (Command, error) {
	var (
		args                        []string
		show, link, optimise, debug = false, true, false, false
	)
	for _, a := range user {
		switch {
		case a == "-show" || a == "--show" || a == "-showme":
			show = true
			continue
		case a == "-c" || a == "-S" || a == "-E" || a == "-M" || a == "-MM" || a == "-fsyntax-only":
			link = false
		case strings.HasPrefix(a, "-O"):
			optimise = true
		case strings.HasPrefix(a, "-g") && a != "-g0":
			debug = true
		case a == "-fexceptions" || a == "-fcxx-exceptions":
			return Command{}, errors.New("C++ exceptions are not supported: wazero cannot run clang-19's wasm exception handling; build without " + a + " (wasmrun c++ uses -fno-exceptions)")
		}
		args = append(args, a)
	}
	flags := d.baseFlags(filepath.Join(d.Dir, "include"), filepath.Join(d.Dir, "bin"))
	if !optimise {
		flags = append(flags, "-O2")
	}
	if d.Lang == "c++" {
		flags = append(flags, "-fno-exceptions")
	}
	flags = append(flags, args...)
	if link {
		flags = append(flags,
			fmt.Sprintf("-Wl,-z,stack-size=%d", stackSize),
			fmt.Sprintf("-Wl,--max-memory=%d", maxMemory),
			"-Wl,--stack-first", // an overflowing stack traps instead of overwriting data
			// Function pointers are table indices, from 1 by default; the
			// MPI ABI's predefined callbacks (MPI_COMM_DUP_FN is (fn *)1)
			// need the low indices free.
			"-Wl,--table-base=16",
			"-Wl,--export=__stack_pointer",
			"-Wl,-u,wasmrun_flush_hook", "-Wl,--export=wasmrun_flush_hook",
		)
		if !debug {
			flags = append(flags, "-Wl,--strip-debug")
		}
		flags = append(flags, "-Wl,--start-lib")
		flags = append(flags, d.objects...)
		flags = append(flags, "-Wl,--end-lib")
		for _, e := range emulated {
			flags = append(flags, "-lwasi-emulated-"+e)
		}
	}
	return Command{Path: d.Clang, Args: flags, Show: show}, nil
}

// baseFlags are the flags for every compile: target, sysroot, our headers
// first, and the defines that enable wasi-libc's POSIX emulations.
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
