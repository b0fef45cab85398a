package toolchain

import (
	"os"
	"sort"

	"github.com/wasmrun/wasmrun/internal/wasmfile"
)

// hostModules are the import modules of wasmrun's host functions besides
// WASI (whose imports wasi-libc declares itself).
var hostModules = map[string]bool{"wasmrun_mpi": true, "wasmrun_cl": true, "wasmrun_cuda": true,
	"wasmrun_blas": true, "wasmrun_lapack": true, "wasmrun_fftw": true}

// unsupportedImports lists the functions a linked module imports from
// wasmrun's host modules that the host does not provide. mpi.h declares
// every MPI function of the standard as an import (wasm-ld never refuses a
// symbol declared with an import name), so a call to one the bridge lacks
// links; this check is what makes that link fail, as it would with a
// native MPI library that lacks the function. A file that is not a wasm
// module is not checked.
func (d *Driver) unsupportedImports(path string) ([]string, error) {
	if d.supported == nil {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := wasmfile.Parse(data)
	if err != nil {
		return nil, nil
	}
	seen := map[string]bool{}
	var missing []string
	for _, im := range m.Imports {
		if hostModules[im.Module] && !d.supported[im.Name] && !seen[im.Name] {
			seen[im.Name] = true
			missing = append(missing, im.Name)
		}
	}
	sort.Strings(missing)
	return missing, nil
}
