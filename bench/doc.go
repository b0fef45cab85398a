// Command bench measures wasmrun against the native build of the same
// source, in one run: it builds each kernel in bench/kernels twice (mpicc
// -O3 -march=native, and wasmrun cc -O3 with SIMD), runs both under mpirun,
// interleaved, several times, and writes the medians, spreads and
// wasm/native ratios to bench/results as CSV and Markdown.
//
//	go run ./bench [-reps 5] [-quick] [-out bench/results]
package main
