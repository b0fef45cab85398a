package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/wasmrun/wasmrun/internal/signature"
)

func newKeygenCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "keygen NAME",
		Short: "Write a new ed25519 key pair for signing modules: NAME.key (private, mode 0600) and NAME.pub",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			pub, err := signature.Keygen(args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(s.Out, "wrote %s.key (private: keep it secret) and %s.pub\nkey %s\n", args[0], args[0], signature.Fingerprint(pub))
			return nil
		},
	}
}
