package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func runCLI(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := execute(args, streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}

func TestCLI(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.wasm")
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"no arguments prints help", nil, 0, "wasmrun [flags] app.wasm [args...]", ""},
		{"version", []string{"version"}, 0, "wazero  v1.", ""},
		{"version takes no arguments", []string{"version", "x"}, 1, "", "unknown command"},
		{"missing module", []string{missing}, 1, "", "wasmrun: read module: open " + missing},
		{"run needs a module", []string{"run"}, 1, "", "requires at least 1 arg"},
		{"bad dir", []string{"--dir", "", missing}, 1, "", "--dir"},
		{"bad env", []string{"--env", "1BAD=x", missing}, 1, "", "--env"},
		{"bad max-memory", []string{"--max-memory", "3 parsecs", missing}, 1, "", "--max-memory"},
		{"bad timeout", []string{"--timeout", "soon", missing}, 1, "", "--timeout"},
		{"negative timeout", []string{"--timeout", "-5s", missing}, 1, "", "--timeout -5s: want a positive duration"},
		{"help names --timeout", []string{"--help"}, 0, "--timeout DURATION", ""},
		{"flags after the module belong to it", []string{missing, "--max-memory", "bogus"}, 1, "", "read module"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(tc.args...)
			require.Equal(t, tc.code, code, errs)
			require.Contains(t, out, tc.out)
			require.Contains(t, errs, tc.err)
			require.NotContains(t, errs, "goroutine")
		})
	}
}
