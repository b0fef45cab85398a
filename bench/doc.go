// Command bench measures wasmrun against the native build of the same
// source, in one run. It builds each kernel in bench/kernels twice, natively
// (mpicc -O3 -march=native) and to wasm (wasmrun cc -O3, SIMD on), runs both
// under mpirun, interleaved (native and wasm back to back in each
// repetition, native first in odd repetitions and wasm first in even ones),
// and writes to bench/results, per group (pingpong, bandwidth, collectives,
// compute, opencl, cuda, numlib, startup), a CSV and a Markdown report of the medians, the min–max spreads
// and the wasm/native ratios; then summary.md and the SVG figures
// latency.svg, bandwidth.svg, collectives.svg, compute.svg and numlib.svg, drawn by the
// harness itself.
//
// Each kernel is a C program that times itself with MPI_Wtime (so process
// start-up is not measured), checks its own answer, exits non-zero when it is
// wrong, and prints CSV with a header line. A failed check, crash or timeout
// stops the harness with exit status 1.
//
// The opencl group (kernels/opencl.c, linked with -lOpenCL natively and
// through wasmrun's OpenCL bridge in wasm) needs an OpenCL driver: PoCL's
// CPU device where no GPU is at hand. The cuda group (kernels/cuda.c,
// natively against NVIDIA's cuda.h and libcuda.so.1, in wasm through the
// CUDA bridge) runs only where wasmrun doctor finds a CUDA device; elsewhere
// it is skipped with the reason. On a GPU node without Go or clang,
// gpu/devicecheck.sh runs the same kernel (results in gpu/results).
// The numlib group (kernels/numlib.c,
// linked with -lopenblas -llapacke -lfftw3 natively and through wasmrun's
// BLAS, LAPACK and FFTW bridge in wasm) needs those libraries.
//
// The startup group (startup.go) is the exception: it generates a small
// module and a ~5 MB one into its work directory, builds each natively and
// to wasm, and times whole processes from launch to exit: each module with
// an empty --cache directory and a warm one, and 8 ranks of the big module
// started together on one empty cache, after which the cache must hold
// exactly one compiled-code entry (else the harness fails).
//
// From the repository root:
//
//	go run ./bench                          # full run, 9 repetitions
//	go run ./bench -quick                   # smoke run, 3 repetitions (or QUICK=1)
//	go run ./bench -groups compute -reps 5  # one group
//	go run ./bench -np 4                    # collectives on 4 ranks
//	go run ./bench -mpi mpich               # over MPICH (mpirun.mpich, the same bin/wasmrun)
//	go run ./bench -report                  # re-render reports from the CSVs
package main
