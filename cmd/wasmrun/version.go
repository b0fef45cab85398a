package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/internal/toolchain"
	"github.com/wasmrun/wasmrun/mpibridge"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func init() {
	mpibridge.Version = version
	toolchain.Version = version
}

func newVersionCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the versions of wasmrun, wazero, Go and the host libraries",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(s.Out, "wasmrun %s\nwazero  %s\ngo      %s %s/%s\n", version, embedder.WazeroVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			for _, line := range hostVersions() {
				fmt.Fprintln(s.Out, line)
			}
			return nil
		},
	}
}
