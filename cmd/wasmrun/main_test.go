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
	t.Setenv("WASMRUN_VERIFY_KEY", "")
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
		{"missing verify key", []string{"--verify-key", missing + ".pub", missing}, 1, "", "--verify-key: read key: open " + missing + ".pub"},
		{"inspect a missing module", []string{"inspect", missing}, 1, "", "read module: open " + missing},
		{"inspect takes one module", []string{"inspect"}, 1, "", "accepts 1 arg(s)"},
		{"sign needs a key", []string{"sign", missing}, 1, "", "sign: --key KEY is required"},
		{"verify needs a key", []string{"verify", missing}, 1, "", "verify: --key PUB is required"},
		{"keygen needs a name", []string{"keygen"}, 1, "", "accepts 1 arg(s)"},
		{"compile needs a module", []string{"compile"}, 1, "", "requires at least 1 arg"},
		{"compile a missing module", []string{"compile", "--cache", filepath.Dir(missing), missing}, 1, "", "read module: open " + missing},
		{"cache ls of an empty cache", []string{"cache", "ls", "--cache", filepath.Dir(missing)}, 0, "0 entries", ""},
		{"cache clean of an empty cache", []string{"cache", "clean", "--cache", filepath.Dir(missing)}, 0, "removed 0 entries", ""},
		{"doctor takes no arguments", []string{"doctor", "x"}, 1, "", "unknown command"},
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

func TestVerifyKeyFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("WASMRUN_VERIFY_KEY", filepath.Join(dir, "site.pub"))
	_, errs, code := runCLI(filepath.Join(dir, "app.wasm"))
	require.Equal(t, 1, code)
	require.Contains(t, errs, "$WASMRUN_VERIFY_KEY: read key: open "+filepath.Join(dir, "site.pub"))
	_, _, code = runCLI("keygen", filepath.Join(dir, "site"))
	require.Equal(t, 0, code)
	_, errs, code = runCLI(filepath.Join(dir, "app.wasm"))
	require.Equal(t, 1, code)
	require.Contains(t, errs, "read module", "the key is read, then the module")
}
