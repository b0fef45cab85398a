/* OpenCL through the bridge, one rank, on the first OpenCL device:
 *   opencl [quick]
 * write: blocking clEnqueueWriteBuffer of 64 MiB (quick: 16 MiB) from
 * host memory; read: blocking clEnqueueReadBuffer back; each GB/s over
 * 10 transfers (quick: 4) after an untimed one (GB = 1e9 bytes).
 * saxpy: y = a*x + y over 2^22 floats (quick: 2^20), the time of 10
 * launches each followed by clFinish after an untimed one; GFLOP/s counts
 * 2 flops an element. launch: an empty kernel of 64 work-items, launch +
 * clFinish, mean of 200 (quick: 50): the fixed cost of one kernel
 * (its rate: launches a second).
 * Prints CSV: kernel,problem,time_s,rate,unit. The result of the saxpy
 * launches is checked element by element; a mismatch exits 1. */
#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *source =
    "__kernel void saxpy(float a, __global const float *x, __global float *y) {\n"
    "    size_t i = get_global_id(0); y[i] = a * x[i] + y[i]; }\n"
    "__kernel void empty(__global int *p) { }\n";

#define CHECK(call)                                                                     \
    do {                                                                                \
        cl_int rc_ = (call);                                                            \
        if (rc_ != CL_SUCCESS) {                                                        \
            fprintf(stderr, "%s:%d: %s failed: %d\n", __FILE__, __LINE__, #call, rc_); \
            MPI_Abort(MPI_COMM_WORLD, 1);                                               \
        }                                                                               \
    } while (0)

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    size_t bytes = (size_t)(quick ? 16 : 64) << 20;
    int xfers = quick ? 4 : 10, launches = 10, empties = quick ? 50 : 200;
    size_t n = (size_t)1 << (quick ? 20 : 22);

    cl_platform_id platform;
    CHECK(clGetPlatformIDs(1, &platform, NULL));
    cl_device_id dev;
    CHECK(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 1, &dev, NULL));
    cl_int err;
    cl_context ctx = clCreateContext(NULL, 1, &dev, NULL, NULL, &err);
    CHECK(err);
    cl_command_queue q = clCreateCommandQueueWithProperties(ctx, dev, NULL, &err);
    CHECK(err);

    char *host = malloc(bytes);
    for (size_t i = 0; i < bytes; i++)
        host[i] = (char)(i * 31);
    cl_mem big = clCreateBuffer(ctx, CL_MEM_READ_WRITE, bytes, NULL, &err);
    CHECK(err);
    CHECK(clEnqueueWriteBuffer(q, big, CL_TRUE, 0, bytes, host, 0, NULL, NULL));
    double t0 = MPI_Wtime();
    for (int r = 0; r < xfers; r++)
        CHECK(clEnqueueWriteBuffer(q, big, CL_TRUE, 0, bytes, host, 0, NULL, NULL));
    double tw = MPI_Wtime() - t0;
    CHECK(clEnqueueReadBuffer(q, big, CL_TRUE, 0, bytes, host, 0, NULL, NULL));
    t0 = MPI_Wtime();
    for (int r = 0; r < xfers; r++)
        CHECK(clEnqueueReadBuffer(q, big, CL_TRUE, 0, bytes, host, 0, NULL, NULL));
    double tr = MPI_Wtime() - t0;
    for (size_t i = 0; i < bytes; i++)
        if (host[i] != (char)(i * 31)) {
            fprintf(stderr, "read back byte %zu wrong\n", i);
            MPI_Abort(MPI_COMM_WORLD, 1);
        }

    cl_program prog = clCreateProgramWithSource(ctx, 1, &source, NULL, &err);
    CHECK(err);
    CHECK(clBuildProgram(prog, 1, &dev, NULL, NULL, NULL));
    cl_kernel saxpy = clCreateKernel(prog, "saxpy", &err);
    CHECK(err);
    float *x = malloc(n * sizeof(float)), *y = malloc(n * sizeof(float));
    for (size_t i = 0; i < n; i++)
        x[i] = (float)(i % 97), y[i] = (float)(i % 13);
    cl_mem dx = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, n * sizeof(float), x, &err);
    CHECK(err);
    cl_mem dy = clCreateBuffer(ctx, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, n * sizeof(float), y, &err);
    CHECK(err);
    float a = 0.5f;
    CHECK(clSetKernelArg(saxpy, 0, sizeof a, &a));
    CHECK(clSetKernelArg(saxpy, 1, sizeof dx, &dx));
    CHECK(clSetKernelArg(saxpy, 2, sizeof dy, &dy));
    CHECK(clEnqueueNDRangeKernel(q, saxpy, 1, NULL, &n, NULL, 0, NULL, NULL));
    CHECK(clFinish(q));
    t0 = MPI_Wtime();
    for (int r = 0; r < launches; r++) {
        CHECK(clEnqueueNDRangeKernel(q, saxpy, 1, NULL, &n, NULL, 0, NULL, NULL));
        CHECK(clFinish(q));
    }
    double tk = MPI_Wtime() - t0;
    float *out = malloc(n * sizeof(float));
    CHECK(clEnqueueReadBuffer(q, dy, CL_TRUE, 0, n * sizeof(float), out, 0, NULL, NULL));
    for (size_t i = 0; i < n; i++) {
        float want = y[i];
        for (int r = 0; r < launches + 1; r++)
            want = a * x[i] + want;
        if (out[i] != want) {
            fprintf(stderr, "saxpy element %zu: %g, want %g\n", i, out[i], want);
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
    }

    cl_kernel empty = clCreateKernel(prog, "empty", &err);
    CHECK(err);
    CHECK(clSetKernelArg(empty, 0, sizeof dx, &dx));
    size_t small = 64;
    CHECK(clEnqueueNDRangeKernel(q, empty, 1, NULL, &small, NULL, 0, NULL, NULL));
    CHECK(clFinish(q));
    t0 = MPI_Wtime();
    for (int r = 0; r < empties; r++) {
        CHECK(clEnqueueNDRangeKernel(q, empty, 1, NULL, &small, NULL, 0, NULL, NULL));
        CHECK(clFinish(q));
    }
    double te = (MPI_Wtime() - t0) / empties;

    printf("kernel,problem,time_s,rate,unit\n");
    printf("write,%zuMiB,%.6f,%.3f,GB/s\n", bytes >> 20, tw, (double)bytes * xfers / tw / 1e9);
    printf("read,%zuMiB,%.6f,%.3f,GB/s\n", bytes >> 20, tr, (double)bytes * xfers / tr / 1e9);
    printf("saxpy,%zu,%.6f,%.3f,GFLOP/s\n", n, tk, 2.0 * n * launches / tk / 1e9);
    printf("launch,64,%.6f,%.1f,launches/s\n", te, 1.0 / te);

    clReleaseKernel(saxpy);
    clReleaseKernel(empty);
    clReleaseProgram(prog);
    clReleaseMemObject(big);
    clReleaseMemObject(dx);
    clReleaseMemObject(dy);
    clReleaseCommandQueue(q);
    clReleaseContext(ctx);
    free(host), free(x), free(y), free(out);
    MPI_Finalize();
    return 0;
}
