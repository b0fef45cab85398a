// Package wasmfile reads the parts of a WebAssembly binary that wasmrun
// shows or checks without compiling it: the sections, imports, exports,
// memory limits, custom sections and the features its code uses. It also
// adds and removes custom sections, which is how `wasmrun cc` records build
// information and `wasmrun sign` keeps a signature inside the module.
//
// It decodes only what it needs and never trusts a length it has not
// checked against the bytes it has: a corrupt module gives an error naming
// the offset, never a panic.
package wasmfile
