package wasi

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMount(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(file, nil, 0o600))
	t.Chdir(dir)
	require.NoError(t, os.Mkdir("rel", 0o700))
	abs := func(p string) string { return filepath.Join(dir, p) }

	good := []struct {
		spec string
		want Mount
	}{
		{dir, Mount{Host: dir, Guest: dir}},
		{dir + "/", Mount{Host: dir, Guest: dir}},
		{dir + ":/data", Mount{Host: dir, Guest: "/data"}},
		{dir + ":/data/", Mount{Host: dir, Guest: "/data"}},
		{dir + ":/a/../data//x", Mount{Host: dir, Guest: "/data/x"}},
		{dir + ":/", Mount{Host: dir, Guest: "/"}},
		{dir + ":ro", Mount{Host: dir, Guest: dir, ReadOnly: true}},
		{dir + ":rw", Mount{Host: dir, Guest: dir}},
		{dir + ":/data:ro", Mount{Host: dir, Guest: "/data", ReadOnly: true}},
		{dir + ":/data:rw", Mount{Host: dir, Guest: "/data"}},
		{"rel", Mount{Host: abs("rel"), Guest: abs("rel")}},
		{"rel:/in", Mount{Host: abs("rel"), Guest: "/in"}},
		{".:/:ro", Mount{Host: dir, Guest: "/", ReadOnly: true}},
		{"./rel/../rel:ro", Mount{Host: abs("rel"), Guest: abs("rel"), ReadOnly: true}},
	}
	for _, tc := range good {
		t.Run(tc.spec, func(t *testing.T) {
			m, err := ParseMount(tc.spec)
			require.NoError(t, err)
			assert.Equal(t, tc.want, m)
		})
	}

	bad := []struct{ spec, err string }{
		{"", `--dir "": empty mount (want HOST[:GUEST][:ro])`},
		{"/nope", "--dir /nope: host directory does not exist"},
		{"/nope:/data:ro", "--dir /nope:/data:ro: host directory does not exist"},
		{file, "--dir " + file + ": host path is not a directory"},
		{":/data", "--dir :/data: empty host directory"},
		{":", "--dir :: empty host directory"},
		{dir + ":", "--dir " + dir + ":: empty guest path"},
		{dir + "::ro", "--dir " + dir + "::ro: empty guest path"},
		{dir + ":data", "--dir " + dir + `:data: guest path "data" is not absolute`},
		{dir + ":data:ro", "--dir " + dir + `:data:ro: guest path "data" is not absolute`},
		{dir + ":/data:rw2", "--dir " + dir + `:/data:rw2: unknown option "rw2" (want ro or rw)`},
		{dir + ":/data:", "--dir " + dir + `:/data:: unknown option "" (want ro or rw)`},
		{dir + ":/data:RO", "--dir " + dir + `:/data:RO: unknown option "RO" (want ro or rw)`},
		{dir + ":/a:/b:ro", "--dir " + dir + ":/a:/b:ro: too many ':' (want HOST[:GUEST][:ro])"},
		{"rel/missing:/x", "--dir rel/missing:/x: host directory does not exist"},
		{"no such:/x", "--dir no such:/x: host directory does not exist"},
		{"a\nb", `--dir "a\nb": host directory does not exist`},
		{"/x\x00", `--dir "/x\x00": invalid argument`},
		{file + "/x", "--dir " + file + "/x: not a directory"},
	}
	for _, tc := range bad {
		t.Run("bad "+tc.spec, func(t *testing.T) {
			m, err := ParseMount(tc.spec)
			require.EqualError(t, err, tc.err)
			assert.Zero(t, m)
		})
	}
}

func TestParseEnv(t *testing.T) {
	host := map[string]string{"HOME": "/home/u", "EMPTY": "", "NUL": "a\x00b"}
	lookup := func(k string) (string, bool) { v, ok := host[k]; return v, ok }

	good := []struct{ spec, name, value string }{
		{"A=1", "A", "1"},
		{"_x9=", "_x9", ""},
		{"PATH=/bin:/usr/bin", "PATH", "/bin:/usr/bin"},
		{"EQ=a=b=c", "EQ", "a=b=c"},
		{"SPACE= x ", "SPACE", " x "},
		{"UNI=é", "UNI", "é"},
		{"HOME", "HOME", "/home/u"},
		{"EMPTY", "EMPTY", ""},
	}
	for _, tc := range good {
		t.Run(tc.spec, func(t *testing.T) {
			name, value, err := ParseEnv(tc.spec, lookup)
			require.NoError(t, err)
			assert.Equal(t, tc.name, name)
			assert.Equal(t, tc.value, value)
		})
	}

	bad := []struct{ spec, err string }{
		{"", `--env "": malformed variable name (want NAME=VALUE or NAME)`},
		{"=x", `--env "=x": malformed variable name (want NAME=VALUE or NAME)`},
		{"1A=x", `--env "1A=x": malformed variable name (want NAME=VALUE or NAME)`},
		{"A-B=x", `--env "A-B=x": malformed variable name (want NAME=VALUE or NAME)`},
		{"A B", `--env "A B": malformed variable name (want NAME=VALUE or NAME)`},
		{"é=x", `--env "é=x": malformed variable name (want NAME=VALUE or NAME)`},
		{"MISSING", `--env "MISSING": variable MISSING is not set on the host`},
		{"home", `--env "home": variable home is not set on the host`},
		{"X=a\x00b", `--env "X=a\x00b": value contains a NUL byte`},
		{"NUL", `--env "NUL": value contains a NUL byte`},
	}
	for _, tc := range bad {
		t.Run("bad "+tc.spec, func(t *testing.T) {
			name, value, err := ParseEnv(tc.spec, lookup)
			require.EqualError(t, err, tc.err)
			assert.Empty(t, name)
			assert.Empty(t, value)
		})
	}

	t.Run("os.LookupEnv", func(t *testing.T) {
		t.Setenv("WASMRUN_TEST_VAR", "v")
		name, value, err := ParseEnv("WASMRUN_TEST_VAR", nil)
		require.NoError(t, err)
		assert.Equal(t, "WASMRUN_TEST_VAR", name)
		assert.Equal(t, "v", value)
	})
}
