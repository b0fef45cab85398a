#!/usr/bin/env bash
# Installs what wasmrun needs to build and test on Debian 12, and nothing
# else: the wasm toolchain (clang-19, wasi-libc, libc++ for wasm32), the two
# host MPI families wasmrun is built and tested against (Open MPI, the
# default, and MPICH), pkg-config, for the OpenCL tests the ICD loader,
# its headers, clinfo and PoCL (an OpenCL driver for the CPU), and Slurm
# with munge (the tests start a private single-node cluster; nothing is
# configured system-wide), for the BLAS, LAPACK and FFTW bridge OpenBLAS,
# the reference BLAS/LAPACK, LAPACKE and FFTW 3, and for the arm64 build
# and its test under qemu the aarch64 cross compiler, qemu-user-static and,
# through Debian multiarch (dpkg --add-architecture arm64), the arm64 MPICH
# library (Open MPI's arm64 library cannot be installed beside the amd64
# one: apt would remove Open MPI and Slurm, so the arm64 packages are
# installed with --no-remove). Safe to run again: it installs only what is
# missing. As root it runs apt-get; otherwise it prints the sudo command.
set -euo pipefail

packages=(
  clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32
  libc++-19-dev-wasm32 libc++abi-19-dev-wasm32
  libopenmpi-dev openmpi-bin libmpich-dev mpich
  wabt binaryen pkg-config make gcc g++
  cmake autoconf automake libtool llvm-19
  ocl-icd-opencl-dev opencl-headers pocl-opencl-icd clinfo
  slurmd slurmctld slurm-client munge
  libopenblas-dev libblas-dev liblapack-dev liblapacke-dev libfftw3-dev
  gcc-aarch64-linux-gnu qemu-user-static
)
# arm64 libraries for running the arm64 wasmrun under qemu (multiarch).
arm64_packages=(libc6:arm64 libmpich12:arm64)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

missing_arm64=()
for p in "${arm64_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing_arm64+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ] || [ ${#missing_arm64[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    if [ ${#missing_arm64[@]} -gt 0 ] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
      echo "install-deps: adding the arm64 architecture (multiarch)"
      dpkg --add-architecture arm64
    fi
    apt-get update -qq
    if [ ${#missing[@]} -gt 0 ]; then
      echo "install-deps: installing ${missing[*]}"
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    if [ ${#missing_arm64[@]} -gt 0 ]; then
      echo "install-deps: installing ${missing_arm64[*]}"
      apt-get install -y -qq --no-install-recommends --no-remove "${missing_arm64[@]}" >/dev/null
    fi
  else
    echo "install-deps: missing Debian packages: ${missing[*]} ${missing_arm64[*]}" >&2
    [ ${#missing_arm64[@]} -eq 0 ] || echo "install-deps: run first: sudo dpkg --add-architecture arm64" >&2
    echo "install-deps: run: sudo apt-get update && sudo apt-get install -y ${missing[*]} ${missing_arm64[*]}" >&2
    exit 1
  fi
fi

# Go: Debian 12's golang-go (1.19) is too old for wazero; wasmrun needs the
# Go named in go.mod, found on PATH or at /usr/local/go.
need=$(sed -n 's/^go \([0-9.]*\)$/\1/p' "$(dirname "$0")/../go.mod")
gobin=$(command -v go || true)
[ -n "$gobin" ] || { [ -x /usr/local/go/bin/go ] && gobin=/usr/local/go/bin/go; }
if [ -z "$gobin" ]; then
  echo "install-deps: Go $need or newer is needed (Debian 12's golang-go is too old): install it from https://go.dev/dl into /usr/local/go" >&2
  exit 1
fi
have=$("$gobin" env GOVERSION | sed 's/^go//')
if [ "$(printf '%s\n%s\n' "$need" "$have" | sort -V | head -1)" != "$need" ]; then
  echo "install-deps: Go $have at $gobin is older than the $need that go.mod needs" >&2
  exit 1
fi
echo "install-deps: all present (Go $have)"
