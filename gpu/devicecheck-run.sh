#!/bin/bash
# The device-side half of gpu/devicecheck.sh (copied there as run.sh):
#   run.sh OUTDIR
# OUTDIR gets report.txt (everything below), each run's stdout/stderr, and
# cuda-bench.csv (native and wasm rows of bench/kernels/cuda.c).
here=$(cd "$(dirname "$0")" && pwd)
O=${1:-/tmp/devicecheck}
mkdir -p "$O"
exec > >(tee "$O/report.txt") 2>&1
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
W=$here/ocl/bin/wasmrun
C=$here/cuda
B=/tmp/devicecheck-build
mkdir -p "$B"
MPIRUN="mpirun --allow-run-as-root --oversubscribe -np 2"
fails=0
note() { echo "== $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

note "machine"
date -u; uname -srm
grep PRETTY_NAME /etc/os-release
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | head -4
mpirun --version 2>&1 | head -1
ldd "$W" | grep -E 'not found|libmpi' || true
"$W" version 2>&1 | head -8

# Native twins, from the same sources.
note "native builds"
CUINC=/usr/local/cuda/include
CULIB="-L/usr/local/cuda/lib64 -l:libcuda.so.1"
ldconfig -p | grep -q 'libcuda.so.1 ' || CULIB="-L/usr/local/cuda/lib64/stubs -lcuda"
native_ok=1
for s in vadd errors; do
  gcc -O2 -I"$CUINC" "$C/src/$s.c" -o "$B/$s.native" $CULIB -lm || { bad "native build of $s"; native_ok=0; }
done
for s in mpi_quad cudabench; do
  mpicc -O2 -I"$CUINC" "$C/src/$s.c" -o "$B/$s.native" $CULIB -lm || { bad "native build of $s"; native_ok=0; }
done
mpicc -O2 -I"$CUINC" "$C/src/mpi_reduce.c" -o "$B/mpi_reduce.native" -L/usr/local/cuda/lib64 -l:libOpenCL.so.1 ||
  bad "native build of mpi_reduce"

n=$(grep -c _Static_assert "$C/src/hdrcheck.c")
if gcc -I"$CUINC" -c "$C/src/hdrcheck.c" -o "$B/hdrcheck.o" 2> "$O/hdrcheck.err"; then
  echo "wasmrun's cuda.h: all $n constants have the values of $CUINC/cuda.h ($(grep -m1 '#define CUDA_VERSION' $CUINC/cuda.h))"
else
  bad "wasmrun's cuda.h differs from $CUINC/cuda.h:"; grep -E 'error' "$O/hdrcheck.err" | head -20
fi

# t NAME CMD...: run, keep stdout/stderr, print rc and wall time.
t() {
  local name=$1; shift
  local s e
  s=$(date +%s.%N)
  timeout 120 "$@" > "$O/$name.out" 2> "$O/$name.err"
  local rc=$?
  e=$(date +%s.%N)
  awk -v n="$name" -v rc="$rc" -v s="$s" -v e="$e" 'BEGIN { printf "%-28s rc=%d wall=%.3fs\n", n, rc, e - s }' 
  return $rc
}
same() {
  if cmp -s "$O/$1.native.out" "$O/$1.wasm.out"; then echo "$1: native and wasm print the same"; else
    bad "$1: outputs differ"; diff "$O/$1.native.out" "$O/$1.wasm.out" | head -20; fi
}

note "CUDA samples (native, then wasm through $W)"
rm -rf /tmp/wasmrun-cache
t vadd.native "$B/vadd.native"
t vadd.wasm.cold "$W" --cache /tmp/wasmrun-cache "$C/wasm/vadd.wasm"
t vadd.wasm "$W" --cache /tmp/wasmrun-cache "$C/wasm/vadd.wasm"
same vadd
"$W" compile --cache /tmp/wasmrun-cache "$C"/wasm/*.wasm > "$O/compile.txt" 2>&1 || bad "wasmrun compile"
cat "$O/vadd.native.out"; echo "native: $(cat "$O/vadd.native.err")"; echo "wasm:   $(cat "$O/vadd.wasm.err")"
t vadd.big.native "$B/vadd.native" 67108864
t vadd.big.wasm "$W" --cache /tmp/wasmrun-cache "$C/wasm/vadd.wasm" 67108864
same vadd.big
cat "$O/vadd.big.native.out"; echo "native: $(cat "$O/vadd.big.native.err")"; echo "wasm:   $(cat "$O/vadd.big.wasm.err")"
t vadd.verbose "$W" -v --cache /tmp/wasmrun-cache "$C/wasm/vadd.wasm" 1000
grep -E 'cuda|cuModule' "$O/vadd.verbose.err"

t mpi_quad.native $MPIRUN "$B/mpi_quad.native"
t mpi_quad.wasm $MPIRUN "$W" --cache /tmp/wasmrun-cache "$C/wasm/mpi_quad.wasm"
same mpi_quad
cat "$O/mpi_quad.native.out"
t mpi_quad.big.native $MPIRUN "$B/mpi_quad.native" 268435456
t mpi_quad.big.wasm $MPIRUN "$W" --cache /tmp/wasmrun-cache "$C/wasm/mpi_quad.wasm" 268435456
same mpi_quad.big
cat "$O/mpi_quad.big.native.out"

t mpi_quad.verbose mpirun --allow-run-as-root -np 1 "$W" -v --cache /tmp/wasmrun-cache "$C/wasm/mpi_quad.wasm" 4096
grep -E 'cuModule' "$O/mpi_quad.verbose.err"
note "CUDA error paths"
t errors.native "$B/errors.native"
t errors.wasm "$W" --cache /tmp/wasmrun-cache "$C/wasm/errors.wasm"
same errors
cat "$O/errors.native.out"
t errors.wasmonly "$W" -v --cache /tmp/wasmrun-cache "$C/wasm/errors.wasm" wasm
cat "$O/errors.wasmonly.out"
grep -c wasmrun: "$O/errors.wasmonly.err" | sed 's/^/-v lines: /'

note "CUDA benchmark (bench/kernels/cuda.c), 3 runs each"
echo "build,run,kernel,problem,time_s,rate,unit" > "$O/cuda-bench.csv"
for r in 1 2 3; do
  t cudabench.native.$r mpirun --allow-run-as-root -np 1 "$B/cudabench.native"
  t cudabench.wasm.$r mpirun --allow-run-as-root -np 1 "$W" --cache /tmp/wasmrun-cache "$C/wasm/cudabench.wasm"
  for b in native wasm; do
    tail -n +2 "$O/cudabench.$b.$r.out" | sed "s/^/$b,$r,/" >> "$O/cuda-bench.csv"
  done
done
cat "$O/cuda-bench.csv"

note "OpenCL + MPI on the NVIDIA platform (samples/opencl/mpi_reduce.c)"
lib=$(ldconfig -p | awk '/libnvidia-opencl.so.1 .*x86-64/{print $NF; exit}')
[ -n "$lib" ] || lib=$(find / -xdev -name 'libnvidia-opencl.so.1' 2>/dev/null | head -1)
echo "NVIDIA OpenCL driver: ${lib:-none}"
export OPENCL_ICD=$lib
mkdir -p /tmp/vendors && echo "$lib" > /tmp/vendors/nvidia.icd
export OCL_ICD_VENDORS=/tmp/vendors
t mpi_reduce.native $MPIRUN "$B/mpi_reduce.native" 1048576
t mpi_reduce.wasm $MPIRUN "$W" --cache /tmp/wasmrun-cache "$C/wasm/mpi_reduce.wasm" 1048576
same mpi_reduce
cat "$O/mpi_reduce.native.out"

note "OpenCL check bundle (scripts/opencl-gpu-check.sh)"
mkdir -p "$O/ocl"
OUT=$O/ocl timeout 240 "$here/ocl/run.sh" || bad "OpenCL check rc=$?"

note "summary: $fails failure(s)"
tar -C "$O" -czf /tmp/details.tar.gz --exclude report.txt --exclude cuda-bench.csv . &&
  find "$O" -mindepth 1 -maxdepth 1 ! -name report.txt ! -name cuda-bench.csv -exec rm -rf {} + &&
  mv /tmp/details.tar.gz "$O/details.tar.gz"
exit $((fails > 0))
