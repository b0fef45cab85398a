package main

import "github.com/spf13/cobra"

func newRunCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run [flags] app.wasm [args...]",
		Short: "Run a module (the same as wasmrun app.wasm)",
		Args:  cobra.MinimumNArgs(1),
	}
	opts := addRunFlags(cmd)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		return runModule(cmd.Context(), opts, args, s)
	}
	return cmd
}
