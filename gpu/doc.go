// Package gpu gathers wasmrun's bridges to accelerator drivers. Each lives
// in a subpackage of its own (opencl: the OpenCL API, forwarded to the
// node's OpenCL driver) with its guest headers; drivers are loaded at run
// time, so wasmrun needs no GPU library to start.
package gpu
