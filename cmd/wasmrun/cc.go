package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/internal/toolchain"
	"github.com/wasmrun/wasmrun/mpibridge"
)

func newCCCmd(name, lang string, s streams) *cobra.Command {
	return &cobra.Command{
		Use:   name + " [clang flags] files...",
		Short: "Compile " + map[string]string{"c": "C", "c++": "C++"}[lang] + " to WebAssembly (like mpicc; -show prints the clang command)",
		Long: `Runs clang for wasm32-wasi with the WASI sysroot, wasmrun's headers (mpi.h,
omp.h, CL/cl.h, cuda.h) and guest library, -O2 -msimd128 unless you give your own
-O, an 8 MiB stack, memory growable to 4 GiB and the name section kept for
trap reports. It stands in for mpicc/mpicxx in build systems: -lmpi,
-lgomp, -lOpenCL and -lcuda are provided, -fopenmp builds for one thread per rank,
host-only flags (-march=native, -pthread, -Wl,-rpath ...) are dropped with
a warning, response files (@file) are read, and -show, -showme:compile,
-showme:link, -compile-info and -link-info answer as the MPI wrappers do.
A link that calls an MPI function wasmrun does not provide fails.

  --cmake-toolchain   write a CMake toolchain file for this wasmrun and
                      print its path (cmake -DCMAKE_TOOLCHAIN_FILE=...)

$WASMRUN_CLANG picks the clang, $WASI_SYSROOT the sysroot, $WASMRUN_CACHE
the directory for headers (default: the run cache).`,
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				if a == "-h" || a == "--help" {
					return cmd.Help()
				}
			}
			return compile(lang, args, s)
		},
	}
}

// launchers are the MPI launchers of each host MPI family, for the CMake
// toolchain's MPIEXEC_EXECUTABLE.
var launchers = map[string]string{"openmpi": "mpiexec.openmpi", "mpich": "mpiexec.mpich"}

// ccFamily is the MPI family this node's runs would use, for the CMake
// toolchain's launcher (Open MPI when none is found).
func ccFamily() string {
	if c, err := mpibridge.Choose(""); err == nil {
		return c.Family
	}
	return "openmpi"
}

func compile(lang string, args []string, s streams) error {
	cache := os.Getenv("WASMRUN_CACHE")
	if cache == "" {
		cache = embedder.DefaultCacheDir()
	}
	d, err := toolchain.New(lang, cache, os.LookupEnv, hostFunctions(), guestFiles()...)
	if err != nil {
		return err
	}
	if len(args) == 1 && args[0] == "--cmake-toolchain" {
		exe, err := os.Executable()
		if err != nil {
			return fmt.Errorf("--cmake-toolchain: %w", err)
		}
		path, err := d.CMakeToolchain(cache, toolchain.CMakeOptions{Wasmrun: exe, Cache: cache, Launcher: launchers[ccFamily()]})
		if err != nil {
			return err
		}
		fmt.Fprintln(s.Out, path)
		return nil
	}
	code, err := d.Run(args, s.In, s.Out, s.Err)
	if err != nil {
		return err
	}
	if code != 0 {
		return exitError{code}
	}
	return nil
}
