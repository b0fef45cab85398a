package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/mpibridge"
	"github.com/wasmrun/wasmrun/numlib"
	"github.com/wasmrun/wasmrun/wasi"
)

// exitError carries a guest's exit code out of cobra.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// runOptions are the flags of `wasmrun [run] app.wasm args...`.
type runOptions struct {
	Dirs      []string
	Env       []string
	CacheDir  string
	NoCache   bool
	MaxMemory string
	Timeout   time.Duration
	Verbose   bool
	VerifyKey string
	MPI       string
	Libs      numlib.Libraries
}

func newRootCmd(s streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "wasmrun [flags] app.wasm [args...]",
		Short: "Run WebAssembly HPC applications, one process per MPI rank",
		Long: `wasmrun runs a WebAssembly module built with 'wasmrun cc' as an ordinary
unprivileged process: under mpirun each rank is one wasmrun, its MPI calls
go to the node's MPI library and its files are limited to the directories
mounted with --dir. Everything after the module path goes to the module.`,
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	opts := addRunFlags(root)
	root.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return cmd.Help()
		}
		return runModule(cmd.Context(), opts, args, s)
	}
	root.AddCommand(newRunCmd(s), newCCCmd("cc", "c", s), newCCCmd("c++", "c++", s), newVersionCmd(s),
		newInspectCmd(s), newCompileCmd(s), newCacheCmd(s), newDoctorCmd(s),
		newKeygenCmd(s), newSignCmd(s), newVerifyCmd(s))
	return root
}

// addRunFlags declares the run flags on cmd. Flag parsing stops at the
// module path so the module's own flags reach it unchanged.
func addRunFlags(cmd *cobra.Command) *runOptions {
	o := &runOptions{}
	f := cmd.Flags()
	f.SetInterspersed(false)
	f.StringArrayVar(&o.Dirs, "dir", nil, "mount host directory `HOST[:GUEST][:ro]` (repeatable)")
	f.StringArrayVar(&o.Env, "env", nil, "set `NAME=VALUE` in the guest, or pass NAME through from the host (repeatable)")
	f.StringVar(&o.CacheDir, "cache", embedder.DefaultCacheDir(), "compiled code cache `DIR`")
	f.BoolVar(&o.NoCache, "no-cache", false, "do not cache compiled code")
	f.StringVar(&o.MaxMemory, "max-memory", "", "cap the module's linear memory at `SIZE` (e.g. 2GiB)")
	f.DurationVar(&o.Timeout, "timeout", 0, "end the module after `DURATION` (e.g. 10m, 2h; under MPI the whole job)")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "explain what wasmrun does on stderr")
	f.StringVar(&o.VerifyKey, "verify-key", "", "run the module only if it is signed with the key `PUB` (default $"+verifyKeyEnv+")")
	f.StringVar(&o.MPI, "mpi", "", "host MPI: openmpi, mpich, a library `PATH` or FAMILY:PATH (default $"+mpibridge.EnvVar+", else the launcher's, else the first found)")
	addLibraryFlags(f, &o.Libs)
	return o
}

func runRoot(root *cobra.Command) (int, error) {
	err := root.ExecuteContext(context.Background())
	var exit exitError
	if errors.As(err, &exit) {
		return exit.code, nil
	}
	if err != nil {
		return 1, err
	}
	return 0, nil
}

// runModule turns the flags into embedder.Options and runs args[0].
func runModule(ctx context.Context, o *runOptions, args []string, s streams) error {
	eo := embedder.Options{
		Path:   args[0],
		Args:   args[1:],
		Stdin:  s.In,
		Stdout: s.Out,
		Stderr: s.Err,
		// The process ends by the signal, after the guest's output is out.
		Signals: true,
	}
	if o.Verbose {
		eo.Log = s.Err
	}
	if !o.NoCache {
		eo.CacheDir = o.CacheDir
	}
	verify, err := verifier(o.VerifyKey)
	if err != nil {
		return err
	}
	eo.Verify = verify
	if o.MaxMemory != "" {
		n, err := embedder.ParseSize(o.MaxMemory)
		if err != nil {
			return fmt.Errorf("--max-memory: %w", err)
		}
		eo.MaxMemory = n
	}
	if o.Timeout < 0 {
		return fmt.Errorf("--timeout %v: want a positive duration", o.Timeout)
	}
	eo.Timeout = o.Timeout
	for _, e := range o.Env {
		name, value, err := wasi.ParseEnv(e, os.LookupEnv)
		if err != nil {
			return err
		}
		eo.Env = append(eo.Env, [2]string{name, value})
	}
	var mounts []wasi.Mount
	for _, d := range o.Dirs {
		m, err := wasi.ParseMount(d)
		if err != nil {
			return err
		}
		mounts = append(mounts, m)
	}
	table, err := wasi.NewTable(mounts)
	if err != nil {
		return err
	}
	defer table.Close()
	eo.FS = table.FSConfig()
	if err := mpibridge.CheckSpec(o.MPI); err != nil {
		return err
	}
	eo.Hosts = hosts(s, table, o.MPI, eo.Log, o.Libs)

	code, err := embedder.Run(ctx, eo)
	if err != nil {
		return err
	}
	if code != 0 {
		return exitError{code}
	}
	return nil
}
