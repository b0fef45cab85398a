#!/bin/sh
# Makes kernels.ptx from kernels.cu with clang's NVPTX target (no CUDA
# install needed) and kernels_ptx.h, the PTX as a C string the samples and
# the CUDA benchmark embed. Run from anywhere: samples/cuda/gen-ptx.sh
set -eu
cd "$(dirname "$0")"
${CLANG:-clang-19} -x cuda --cuda-device-only --cuda-gpu-arch=sm_52 -nocudainc -nocudalib -O3 -S kernels.cu -o kernels.ptx
{
  echo '/* Generated from kernels.ptx by gen-ptx.sh: do not edit. */'
  echo 'static const char kernels_ptx[] ='
  sed 's/\\/\\\\/g; s/"/\\"/g; s/^/    "/; s/$/\\n"/' kernels.ptx
  echo ';'
} > kernels_ptx.h
