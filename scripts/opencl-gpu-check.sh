#!/usr/bin/env bash
# Checks wasmrun's OpenCL bridge on a GPU node that has an OpenCL driver
# (NVIDIA's libnvidia-opencl) but none of wasmrun's build tools:
#
#   scripts/opencl-gpu-check.sh pack DIR   # here: build bin/wasmrun, the
#                                          # samples and the benchmark kernel
#                                          # natively and to wasm, and copy
#                                          # them with every library they
#                                          # need (glibc included) into DIR
#   DIR/run.sh                             # there: run each native and wasm
#                                          # build side by side ($OUT keeps
#                                          # the outputs, default /tmp/out;
#                                          # $OPENCL_ICD names another driver)
#
# The benchmark kernel is built with three stand-in MPI calls, so neither
# side needs an MPI library on the GPU node.
set -euo pipefail
[ "${1:-}" = pack ] && [ -n "${2:-}" ] || { echo "usage: $0 pack DIR" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$2
mkdir -p "$dir/lib" "$dir/bin"
make -C "$root" build >/dev/null
wr=$root/bin/wasmrun
for l in $(ldd "$wr" | awk '/=>/{print $3}') $(ldconfig -p | awk '/libOpenCL.so.1 .*x86-64/{print $NF; exit}') \
  /lib64/ld-linux-x86-64.so.2; do cp -L "$l" "$dir/lib/"; done
for l in libdl.so.2 libpthread.so.0 librt.so.1 libgcc_s.so.1; do
  cp -L "$(ldconfig -p | awk -v n="$l" '$1 == n && /x86-64/{print $NF; exit}')" "$dir/lib/"
done
cp "$wr" "$dir/bin/"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/mpistub.h" <<'STUB'
#include <stdlib.h>
#include <time.h>
#define MPI_COMM_WORLD 0
static inline int MPI_Init(int *c, char ***v) { (void)c; (void)v; return 0; }
static inline int MPI_Finalize(void) { return 0; }
static inline int MPI_Abort(int comm, int code) { (void)comm; exit(code); }
static inline double MPI_Wtime(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }
STUB
sed 's/#include <mpi.h>/#include "mpistub.h"/' "$root/bench/kernels/opencl.c" > "$tmp/oclbench.c"
cc -O3 "$tmp/oclbench.c" -o "$dir/bin/oclbench.native" -lOpenCL
"$wr" cc -O3 "$tmp/oclbench.c" -o "$dir/bin/oclbench.wasm" -lOpenCL
for s in saxpy matmul; do
  cc -O2 "$root/samples/opencl/$s.c" -o "$dir/bin/$s.native" -lOpenCL -lm
  "$wr" cc -O2 "$root/samples/opencl/$s.c" -o "$dir/bin/$s.wasm" -lOpenCL -lm
done
cc -O2 "$root/tests/testdata/opencl/errors.c" -o "$dir/bin/errors.native" -lOpenCL
"$wr" cc -O2 "$root/tests/testdata/opencl/errors.c" -o "$dir/bin/errors.wasm"
cat > "$dir/run.sh" <<'RUN'
#!/bin/bash
cd "$(dirname "$0")"
L=$PWD/lib; B=$PWD/bin; O=${OUT:-/tmp/out}; mkdir -p "$O"
run() { timeout 120 "$L/ld-linux-x86-64.so.2" --library-path "$L" "$@"; }
uname -a; nvidia-smi -L 2>&1 | head -3
lib=${OPENCL_ICD:-$(find / -xdev -name 'libnvidia-opencl.so.1' 2>/dev/null | head -1)}
echo "OpenCL driver (ICD): ${lib:-none}"
[ -n "$lib" ] || exit 3
mkdir -p /tmp/vendors && echo "$lib" > /tmp/vendors/nvidia.icd
export OCL_ICD_VENDORS=/tmp/vendors
W="$B/wasmrun --cache /tmp/wasmrun-cache"
for s in "saxpy 4000000" "matmul 512" "errors"; do
  set -- $s
  run "$B/$1.native" ${2:-} > "$O/$1.native.txt"; echo "$1 native rc=$?"
  run $W "$B/$1.wasm" ${2:-} > "$O/$1.wasm.txt"; echo "$1 wasm rc=$?"
  cmp -s "$O/$1.native.txt" "$O/$1.wasm.txt" && echo "$1: same output" || { echo "$1: DIFFERENT"; diff "$O/$1.native.txt" "$O/$1.wasm.txt" | head; }
done
run $W -v "$B/errors.wasm" wasm > "$O/errors.wasmonly.txt" 2> "$O/errors.wasmonly.err"; echo "errors (wasm-only checks) rc=$?"
for r in 1 2 3; do
  echo "== native $r"; run "$B/oclbench.native"
  echo "== wasm $r"; run $W "$B/oclbench.wasm"
done
RUN
chmod +x "$dir/run.sh"
echo "packed $(du -sh "$dir" | cut -f1) into $dir: copy it to the GPU node and run $dir/run.sh"
