package main

import (
	"crypto/ed25519"
	"encoding/json"

	"github.com/spf13/cobra"
	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/internal/inspect"
	"github.com/wasmrun/wasmrun/internal/signature"
)

type inspectOptions struct {
	JSON bool
	Key  string
}

func newInspectCmd(s streams) *cobra.Command {
	o := &inspectOptions{}
	cmd := &cobra.Command{
		Use:   "inspect [--json] [--key PUB] app.wasm",
		Short: "Describe a module: hash, memory, features, imports (supported or not), exports, build info, signature",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			bin, err := embedder.Load(args[0])
			if err != nil {
				return err
			}
			var trusted ed25519.PublicKey
			if o.Key != "" {
				if trusted, err = signature.ReadPublicKey(o.Key); err != nil {
					return err
				}
			}
			r, err := inspect.Module(args[0], bin, inspect.Options{Hosts: hostImports(), Trusted: trusted})
			if err != nil {
				return err
			}
			if o.JSON {
				enc := json.NewEncoder(s.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(r)
			}
			return r.WriteText(s.Out)
		},
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON for scripts")
	cmd.Flags().StringVar(&o.Key, "key", "", "check the signature against the public key `PUB`")
	return cmd
}
