package main

import (
	"crypto/ed25519"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/wasmrun/wasmrun/internal/signature"
)

type signOptions struct {
	Key, Output string
}

func newSignCmd(s streams) *cobra.Command {
	o := &signOptions{}
	cmd := &cobra.Command{
		Use:   "sign --key KEY [-o FILE] app.wasm",
		Short: "Sign a module with an ed25519 private key (in place, or into -o FILE)",
		Long: `Signs the module with the private key KEY (from wasmrun keygen) and keeps
the signature in a custom section of the module, so the signed module
stays one file. A signature it had is replaced.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if o.Key == "" {
				return fmt.Errorf("sign: --key KEY is required")
			}
			key, err := signature.ReadPrivateKey(o.Key)
			if err != nil {
				return err
			}
			if err := signature.SignFile(args[0], o.Output, key); err != nil {
				return err
			}
			out := o.Output
			if out == "" {
				out = args[0]
			}
			fmt.Fprintf(s.Out, "signed %s with %s\n", out, signature.Fingerprint(key.Public().(ed25519.PublicKey)))
			return nil
		},
	}
	cmd.Flags().StringVar(&o.Key, "key", "", "private key `KEY` (NAME.key)")
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "write the signed module to `FILE` instead of in place")
	return cmd
}
