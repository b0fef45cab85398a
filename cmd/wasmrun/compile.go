package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/wasmrun/wasmrun/embedder"
)

func newCompileCmd(s streams) *cobra.Command {
	var cache string
	cmd := &cobra.Command{
		Use:   "compile [--cache DIR] app.wasm...",
		Short: "Compile modules ahead of time into the cache, for this node's CPU",
		Long: `Compiles each module into the compiled-code cache for this node's CPU and
this wasmrun, so that a job starts without compiling. With --cache on
shared storage, nodes with different CPUs keep separate entries. Many
processes compiling the same module at once compile it once: the others
wait for it.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, path := range args {
				res, err := embedder.Compile(cmd.Context(), path, cache, s.Err)
				if err != nil {
					return err
				}
				verb := "compiled in"
				if res.Outcome == embedder.Loaded {
					verb = "already compiled, checked in"
				}
				fmt.Fprintf(s.Out, "%s: %s %.2fs: %s\n", path, verb, res.Duration.Seconds(), res.Dir)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&cache, "cache", embedder.DefaultCacheDir(), "compiled code cache `DIR`")
	return cmd
}
