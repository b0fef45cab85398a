package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
)

func init() {
	// MPI libraries initialised for MPI_THREAD_FUNNELED expect every call
	// from the thread that called MPI_Init: keep the guest on one OS thread.
	runtime.LockOSThread()
}

// streams are a command's standard I/O, injectable for tests.
type streams struct {
	In       io.Reader
	Out, Err io.Writer
}

func main() {
	os.Exit(execute(os.Args[1:], streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}

// execute runs the command line and returns the process exit code.
func execute(args []string, s streams) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	code, err := runRoot(root)
	if err != nil {
		fmt.Fprintf(s.Err, "wasmrun: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}
