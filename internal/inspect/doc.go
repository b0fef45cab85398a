// Package inspect describes a WebAssembly module for `wasmrun inspect`:
// its hash and size, memory limits, the features its code uses, its
// imports grouped by host module and marked supported or not, its exports,
// the build information `wasmrun cc` recorded and its signature. The
// report prints as text for people and marshals as JSON for scripts.
package inspect
