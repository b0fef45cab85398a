#!/usr/bin/env bash
# Runs the MPI heat-diffusion sample under mpirun -np N, natively and
# through wasmrun, and prints both outputs and both times.
#
#   scripts/demo.sh BIN DIR [NP] [MPI]
#
# MPI is openmpi (the default) or mpich: it picks the launcher by its
# explicit name (mpirun.openmpi, mpirun.mpich), whatever Debian's
# alternatives make plain mpirun mean, and the native build
# DIR/heat2d_mpi.MPI.native.
set -euo pipefail
bin=$1 dir=$2 np=${3:-4} mpi=${4:-openmpi}
case $mpi in
openmpi) mpirun=(mpirun.openmpi --oversubscribe -np "$np") ;;
mpich) mpirun=(mpirun.mpich -np "$np") ;;
*) echo "demo: unknown MPI family '$mpi' (openmpi or mpich)" >&2; exit 2 ;;
esac

run() { # label, command...
  local label=$1; shift
  echo "== $label: ${*}"
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$dir/$label.out"
  t1=$(date +%s.%N)
  cat "$dir/$label.out"
  awk -v l="$label" -v a="$t0" -v b="$t1" 'BEGIN{printf "-- %s: %.2f s wall (including MPI start-up)\n\n", l, b-a}'
}

run native "${mpirun[@]}" "$dir/heat2d_mpi.$mpi.native" 512 1000
run wasm "${mpirun[@]}" "$bin" "$dir/heat2d_mpi.wasm" 512 1000
if cmp -s "$dir/native.out" "$dir/wasm.out"; then
  echo "demo: the wasm run printed exactly what the native run printed ($np ranks, $mpi)"
else
  echo "demo: outputs differ:" >&2
  diff "$dir/native.out" "$dir/wasm.out" >&2 || true
  exit 1
fi
