package embedder

import (
	"context"
	"sort"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/wasmrun/wasmrun/internal/wasmfile"
)

// coreFeatures map the features wasmfile detects onto wazero's.
var coreFeatures = map[wasmfile.Feature]api.CoreFeatures{
	wasmfile.MutableGlobals:   api.CoreFeatureMutableGlobal,
	wasmfile.SignExtension:    api.CoreFeatureSignExtensionOps,
	wasmfile.NonTrappingFloat: api.CoreFeatureNonTrappingFloatToIntConversion,
	wasmfile.MultiValue:       api.CoreFeatureMultiValue,
	wasmfile.BulkMemory:       api.CoreFeatureBulkMemoryOperations,
	wasmfile.ReferenceTypes:   api.CoreFeatureReferenceTypes,
	wasmfile.SIMD:             api.CoreFeatureSIMD,
}

// Supports reports whether wasmrun runs modules that use feature f.
func Supports(f wasmfile.Feature) bool {
	cf, ok := coreFeatures[f]
	return ok && api.CoreFeaturesV2.IsEnabled(cf)
}

// WASIFunctions are the functions of wasi_snapshot_preview1 that wazero
// provides, sorted.
func WASIFunctions() []string {
	ctx := context.Background()
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter())
	defer r.Close(ctx)
	m, err := wasi_snapshot_preview1.NewBuilder(r).Compile(ctx)
	if err != nil {
		return nil
	}
	var names []string
	for name := range m.ExportedFunctions() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
