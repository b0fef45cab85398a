package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/spf13/cobra"
	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/internal/toolchain"
)

func newCCCmd(name, lang string, s streams) *cobra.Command {
	return &cobra.Command{
		Use:   name + " [clang flags] files...",
		Short: "Compile " + map[string]string{"c": "C", "c++": "C++"}[lang] + " to WebAssembly (like mpicc; -show prints the clang command)",
		Long: `Runs clang for wasm32-wasi with the WASI sysroot, wasmrun's headers (mpi.h)
and guest library, -O2 -msimd128 unless you give your own -O, an 8 MiB stack,
memory growable to 4 GiB and the name section kept for trap reports.
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

func compile(lang string, args []string, s streams) error {
	cache := os.Getenv("WASMRUN_CACHE")
	if cache == "" {
		cache = embedder.DefaultCacheDir()
	}
	d, err := toolchain.New(lang, cache, os.LookupEnv, guestFiles()...)
	if err != nil {
		return err
	}
	c, err := d.Command(args)
	if err != nil {
		return err
	}
	if c.Show {
		fmt.Fprintln(s.Out, c.String())
		return nil
	}
	cmd := exec.Command(c.Path, c.Args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = s.In, s.Out, s.Err
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exitError{exit.ExitCode()}
		}
		return fmt.Errorf("run %s: %w", c.Path, err)
	}
	return nil
}
