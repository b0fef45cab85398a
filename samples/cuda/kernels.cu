// The CUDA samples' kernels, compiled to PTX by clang's NVPTX target with
// no CUDA install (see the Makefile's samples/cuda/kernels.ptx rule):
//   clang-19 -x cuda --cuda-device-only --cuda-gpu-arch=sm_52 -nocudainc
//            -nocudalib -O3 -S kernels.cu -o kernels.ptx
// sm_52 PTX runs on every GPU since Maxwell: the driver JIT-compiles it.
#define __global__ __attribute__((global))
#define GLOBAL_ID() (__nvvm_read_ptx_sreg_ctaid_x() * __nvvm_read_ptx_sreg_ntid_x() + __nvvm_read_ptx_sreg_tid_x())

// c = a + s * b over n floats.
extern "C" __global__ void vadd(const float *a, const float *b, float *c, float s, unsigned n) {
    unsigned i = GLOBAL_ID();
    if (i < n)
        c[i] = a[i] + s * b[i];
}

// One rank's share of the midpoint rule for the integral of 4/(1+x^2) over
// [0, 1]: the struct is passed by value (24 bytes).
struct slice {
    double h;
    unsigned long long start;
    unsigned n;
};

extern "C" __global__ void quad(double *out, struct slice s) {
    unsigned i = GLOBAL_ID();
    if (i < s.n) {
        double x = ((double)(s.start + i) + 0.5) * s.h;
        out[i] = 4.0 / (1.0 + x * x) * s.h;
    }
}

// Sums blocks of 256 values in shared memory: one partial sum per block.
extern "C" __global__ void blocksum(const double *in, double *out, unsigned n) {
    __attribute__((shared)) static double acc[256];
    unsigned t = __nvvm_read_ptx_sreg_tid_x();
    unsigned i = GLOBAL_ID();
    acc[t] = i < n ? in[i] : 0.0;
    __syncthreads();
    for (unsigned w = 128; w > 0; w >>= 1) {
        if (t < w)
            acc[t] += acc[t + w];
        __syncthreads();
    }
    if (t == 0)
        out[__nvvm_read_ptx_sreg_ctaid_x()] = acc[0];
}

// Does nothing: the fixed cost of a launch (bench/kernels/cuda.c).
extern "C" __global__ void empty(int *p) {}
