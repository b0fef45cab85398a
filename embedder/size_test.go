package embedder

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint64
		err  string
	}{
		{in: "2GiB", want: 2 << 30},
		{in: "4GiB", want: 4 << 30},
		{in: "512MiB", want: 512 << 20},
		{in: "64K", want: 64 << 10},
		{in: "131072", want: 131072},
		{in: "1G", want: 1 << 30},
		{in: "", err: "want a number"},
		{in: "lots", err: "want a number"},
		{in: "-1GiB", err: "want a number"},
		{in: "5GiB", err: "more than the 4GiB"},
		{in: "99999999999999GiB", err: "more than the 4GiB"},
		{in: "1KiB", err: "less than one 64KiB"},
		{in: "100000", err: "not a multiple"},
	} {
		got, err := ParseSize(tc.in)
		if tc.err != "" {
			require.ErrorContains(t, err, tc.err, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, got, tc.in)
	}
}

func TestParseTrap(t *testing.T) {
	err := errorString("wasm error: integer divide by zero\nwasm stack trace:\n\t.divide(i32,i32) i32\n\t.main(i32,i32) i32\n\t._start()")
	trap := ParseTrap(err)
	require.Equal(t, "integer divide by zero", trap.Cause)
	require.Equal(t, []string{".divide(i32,i32) i32", ".main(i32,i32) i32", "._start()"}, trap.Stack)
	require.Equal(t, "wasmrun: rank 2 (app.wasm) trapped: integer divide by zero\nwasm stack:\n    .divide(i32,i32) i32\n    .main(i32,i32) i32\n    ._start()\n",
		trap.Report("rank 2", "app.wasm"))
}

type errorString string

func (e errorString) Error() string { return string(e) }
