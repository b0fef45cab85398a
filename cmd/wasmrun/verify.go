package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/internal/signature"
)

// verifyKeyEnv names the public key that every run must be signed with,
// for an administrator to set for all users (as --verify-key does).
const verifyKeyEnv = "WASMRUN_VERIFY_KEY"

func newVerifyCmd(s streams) *cobra.Command {
	var key string
	cmd := &cobra.Command{
		Use:   "verify --key PUB app.wasm",
		Short: "Check that a module is signed with the key PUB and unchanged since",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if key == "" {
				return fmt.Errorf("verify: --key PUB is required")
			}
			pub, err := signature.ReadPublicKey(key)
			if err != nil {
				return err
			}
			bin, err := embedder.Load(args[0])
			if err != nil {
				return err
			}
			if err := signature.Verify(bin, pub); err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			fmt.Fprintf(s.Out, "%s: signed with %s, unchanged since\n", args[0], signature.Fingerprint(pub))
			return nil
		},
	}
	cmd.Flags().StringVar(&key, "key", "", "public key `PUB` (NAME.pub)")
	return cmd
}

// verifier returns the check a run makes before anything of the module
// runs: its signature under the key of --verify-key, else of
// $WASMRUN_VERIFY_KEY; nil when neither is set.
func verifier(flag string) (func([]byte) error, error) {
	path, from := flag, "--verify-key"
	if path == "" {
		path, from = os.Getenv(verifyKeyEnv), "$"+verifyKeyEnv
	}
	if path == "" {
		return nil, nil
	}
	key, err := signature.ReadPublicKey(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	return func(bin []byte) error {
		if err := signature.Verify(bin, key); err != nil {
			return fmt.Errorf("refused: %w (%s=%s: only modules signed with that key run)", err, from, path)
		}
		return nil
	}, nil
}
