package mpibridge

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestREADMEListsEveryFunction keeps the README's support table true: every
// MPI function the bridge provides is named there.
func TestREADMEListsEveryFunction(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	for _, name := range Functions() {
		if !strings.HasPrefix(name, "MPI_") {
			continue // wasmrun's own imports, used by the guest library
		}
		require.True(t, strings.Contains(string(readme), name), "README.md does not list %s", name)
	}
}
