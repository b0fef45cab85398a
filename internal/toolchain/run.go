package toolchain

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
)

// maxCommandLine is the length of clang's arguments beyond which they go
// through a response file (Linux limits one argument to 128 KiB and all of
// them to a quarter of the stack limit).
const maxCommandLine = 64 << 10

// Run does what the user's compiler command asks: it prints what -show and
// the -showme family ask for, or runs clang and, after a link, refuses a
// module that imports a function wasmrun does not provide (the module is
// removed and the link fails, naming the functions). It returns the exit
// code for the command; err is set when clang could not be run at all.
func (d *Driver) Run(user []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	c, err := d.Command(user)
	if err != nil {
		return 1, err
	}
	if c.Warning != "" {
		fmt.Fprintln(stderr, c.Warning)
	}
	switch {
	case c.Info != "":
		fmt.Fprintln(stdout, c.Info)
		return 0, nil
	case c.Show:
		fmt.Fprintln(stdout, c.String())
		return 0, nil
	}
	args := c.Args
	if n := commandLength(args); n > maxCommandLine {
		rsp, err := os.CreateTemp("", "wasmrun-cc-*.rsp")
		if err != nil {
			return 1, fmt.Errorf("response file: %w", err)
		}
		defer os.Remove(rsp.Name())
		_, err = rsp.WriteString(quoteGNU(args))
		if cerr := rsp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return 1, fmt.Errorf("response file: %w", err)
		}
		args = []string{"@" + rsp.Name()}
	}
	cmd := exec.Command(c.Path, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), nil
		}
		return 1, fmt.Errorf("run %s: %w", c.Path, err)
	}
	if c.Link && c.Output != "-" {
		if err := d.recordBuild(c.Output, user); err != nil {
			fmt.Fprintf(stderr, "%s: error: %v\n", d.Name(), err)
			return 1, nil
		}
	}
	if !c.CheckImports || c.Output == "-" {
		return 0, nil
	}
	missing, err := d.unsupportedImports(c.Output)
	if err != nil || len(missing) == 0 {
		return 0, nil
	}
	os.Remove(c.Output)
	for _, m := range missing {
		fmt.Fprintf(stderr, "%s: error: undefined symbol: %s (an MPI function that wasmrun does not provide)\n", d.Name(), m)
	}
	fmt.Fprintf(stderr, "%s: error: link failed: %d function(s) that wasmrun does not provide; see the README's MPI support table\n", d.Name(), len(missing))
	return 1, nil
}

func commandLength(args []string) int {
	n := 0
	for _, a := range args {
		n += len(a) + 1
	}
	return n
}
