#!/usr/bin/env bash
# The GPU device check of wasmrun's CUDA and OpenCL bridges, in two steps:
#
#   gpu/devicecheck.sh pack DIR   # here (a build machine): build bin/wasmrun
#                                 # and the CUDA samples, test and benchmark
#                                 # to wasm, copy their sources (the native
#                                 # twins are built on the GPU machine, which
#                                 # has cuda.h, libcuda and mpicc), pack the
#                                 # OpenCL check (scripts/opencl-gpu-check.sh)
#                                 # into DIR/ocl, and write DIR/run.sh
#   DIR/run.sh OUTDIR             # there: build the native twins, run every
#                                 # sample natively and through wasmrun (MPI
#                                 # ones under mpirun -np 2), compare outputs,
#                                 # time both, run the CUDA benchmark, then
#                                 # the OpenCL check; report in OUTDIR
#
# Without a GPU, run.sh says what is missing and runs what it can.
set -euo pipefail
[ "${1:-}" = pack ] && [ -n "${2:-}" ] || { echo "usage: $0 pack DIR" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mkdir -p "$2" && cd "$2" && pwd)
make -C "$root" build >/dev/null
wr=$root/bin/wasmrun
"$root/scripts/opencl-gpu-check.sh" pack "$dir/ocl" >/dev/null
mkdir -p "$dir/cuda/src" "$dir/cuda/wasm"
cp "$root"/samples/cuda/{vadd.c,mpi_quad.c,common.h,kernels_ptx.h,kernels.cu} "$dir/cuda/src/"
cp "$root/tests/testdata/cuda/errors.c" "$dir/cuda/src/"
sed 's|#include "../../samples/cuda/kernels_ptx.h"|#include "kernels_ptx.h"|' "$root/bench/kernels/cuda.c" > "$dir/cuda/src/cudabench.c"
cp "$root/samples/opencl/mpi_reduce.c" "$dir/cuda/src/"
for s in vadd mpi_quad errors cudabench; do
  "$wr" cc -O2 "$dir/cuda/src/$s.c" -o "$dir/cuda/wasm/$s.wasm" -lcuda -lm
done
"$wr" cc -O2 "$dir/cuda/src/mpi_reduce.c" -o "$dir/cuda/wasm/mpi_reduce.wasm" -lOpenCL
# hdrcheck.c: every enumerator and numeric constant of wasmrun's cuda.h
# must have the same value in NVIDIA's cuda.h (compiled there).
{
  echo '#include <cuda.h>'
  sed -nE 's/^ +(CU[A-Z0-9_]+) = ([0-9]+),?$/_Static_assert(\1 == \2, "\1");/p; s/^#define (CU_[A-Z0-9_]+) (0x[0-9a-fA-F]+)$/_Static_assert(\1 == \2, "\1");/p' \
    "$root/gpu/cuda/include/cuda.h"
  echo 'int main(void) { return 0; }'
} > "$dir/cuda/src/hdrcheck.c"
cp "$root/gpu/devicecheck-run.sh" "$dir/run.sh"
chmod +x "$dir/run.sh"
echo "packed $(du -sh "$dir" | cut -f1) into $dir"
