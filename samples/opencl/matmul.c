/* Tiled matrix multiply C = A*B on the first OpenCL device: each work
 * group stages TILE x TILE blocks of A and B in local memory (passed as
 * clSetKernelArg(k, i, bytes, NULL)). A and B are CL_MEM_USE_HOST_PTR
 * buffers over the program's own arrays; C is filled, computed, and read
 * back. Prints a checksum and the largest error against a CPU product. */
#define CL_TARGET_OPENCL_VERSION 300
#define CL_USE_DEPRECATED_OPENCL_1_2_APIS
#include <CL/cl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define TILE 8

static const char *source =
    "__kernel void matmul(int n, __global const float *a, __global const float *b, __global float *c,\n"
    "                     __local float *ta, __local float *tb) {\n"
    "    int T = get_local_size(0);\n"
    "    int li = get_local_id(1), lj = get_local_id(0);\n"
    "    int i = get_global_id(1), j = get_global_id(0);\n"
    "    float s = 0.0f;\n"
    "    for (int t = 0; t < n; t += T) {\n"
    "        ta[li * T + lj] = a[i * n + t + lj];\n"
    "        tb[li * T + lj] = b[(t + li) * n + j];\n"
    "        barrier(CLK_LOCAL_MEM_FENCE);\n"
    "        for (int k = 0; k < T; k++) s += ta[li * T + k] * tb[k * T + lj];\n"
    "        barrier(CLK_LOCAL_MEM_FENCE);\n"
    "    }\n"
    "    c[i * n + j] = s;\n"
    "}\n";

#define CHECK(call)                                                                     \
    do {                                                                                \
        cl_int rc_ = (call);                                                            \
        if (rc_ != CL_SUCCESS) {                                                        \
            fprintf(stderr, "%s:%d: %s failed: %d\n", __FILE__, __LINE__, #call, rc_); \
            exit(1);                                                                    \
        }                                                                               \
    } while (0)

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 128;
    if (n <= 0 || n % TILE) {
        fprintf(stderr, "n must be a positive multiple of %d\n", TILE);
        return 2;
    }
    float *a = malloc(sizeof(float) * n * n), *b = malloc(sizeof(float) * n * n), *c = malloc(sizeof(float) * n * n);
    for (int i = 0; i < n * n; i++) {
        a[i] = (float)((i * 7) % 13) / 13.0f - 0.5f;
        b[i] = (float)((i * 5) % 11) / 11.0f - 0.5f;
    }
    cl_platform_id platform;
    CHECK(clGetPlatformIDs(1, &platform, NULL));
    cl_device_id dev;
    CHECK(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 1, &dev, NULL));
    size_t maxwg;
    CHECK(clGetDeviceInfo(dev, CL_DEVICE_MAX_WORK_GROUP_SIZE, sizeof maxwg, &maxwg, NULL));
    cl_int err;
    /* NVIDIA's driver wants the platform named; PoCL takes NULL too. */
    cl_context_properties props[] = {CL_CONTEXT_PLATFORM, (cl_context_properties)platform, 0};
    cl_context ctx = clCreateContextFromType(props, CL_DEVICE_TYPE_ALL, NULL, NULL, &err);
    CHECK(err);
    cl_uint ndev;
    CHECK(clGetContextInfo(ctx, CL_CONTEXT_NUM_DEVICES, sizeof ndev, &ndev, NULL));
    cl_device_id cdev;
    CHECK(clGetContextInfo(ctx, CL_CONTEXT_DEVICES, sizeof cdev, &cdev, NULL));
    cl_command_queue q = clCreateCommandQueue(ctx, cdev, CL_QUEUE_PROFILING_ENABLE, &err);
    CHECK(err);
    size_t bytes = sizeof(float) * n * n;
    cl_mem da = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_USE_HOST_PTR, bytes, a, &err);
    CHECK(err);
    cl_mem db = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_USE_HOST_PTR, bytes, b, &err);
    CHECK(err);
    cl_mem dc = clCreateBuffer(ctx, CL_MEM_WRITE_ONLY, bytes, NULL, &err);
    CHECK(err);
    size_t got;
    CHECK(clGetMemObjectInfo(dc, CL_MEM_SIZE, sizeof got, &got, NULL));
    float nan = NAN;
    CHECK(clEnqueueFillBuffer(q, dc, &nan, sizeof nan, 0, bytes, 0, NULL, NULL));

    cl_program prog = clCreateProgramWithSource(ctx, 1, &source, NULL, &err);
    CHECK(err);
    CHECK(clBuildProgram(prog, 0, NULL, NULL, NULL, NULL));
    cl_kernel ks[4];
    cl_uint nk;
    CHECK(clCreateKernelsInProgram(prog, 4, ks, &nk));
    cl_kernel k = ks[0];
    char name[64];
    CHECK(clGetKernelInfo(k, CL_KERNEL_FUNCTION_NAME, sizeof name, name, NULL));
    cl_uint nargs;
    CHECK(clGetKernelInfo(k, CL_KERNEL_NUM_ARGS, sizeof nargs, &nargs, NULL));
    size_t kwg;
    CHECK(clGetKernelWorkGroupInfo(k, cdev, CL_KERNEL_WORK_GROUP_SIZE, sizeof kwg, &kwg, NULL));
    CHECK(clSetKernelArg(k, 0, sizeof n, &n));
    CHECK(clSetKernelArg(k, 1, sizeof(cl_mem), &da));
    CHECK(clSetKernelArg(k, 2, sizeof(cl_mem), &db));
    CHECK(clSetKernelArg(k, 3, sizeof(cl_mem), &dc));
    CHECK(clSetKernelArg(k, 4, sizeof(float) * TILE * TILE, NULL));
    CHECK(clSetKernelArg(k, 5, sizeof(float) * TILE * TILE, NULL));
    size_t global[2] = {(size_t)n, (size_t)n}, local[2] = {TILE, TILE};
    cl_event ev;
    CHECK(clEnqueueNDRangeKernel(q, k, 2, NULL, global, local, 0, NULL, &ev));
    CHECK(clEnqueueBarrierWithWaitList(q, 1, &ev, NULL));
    CHECK(clEnqueueReadBuffer(q, dc, CL_TRUE, 0, bytes, c, 0, NULL, NULL));
    cl_ulong t0, t1;
    CHECK(clGetEventProfilingInfo(ev, CL_PROFILING_COMMAND_START, sizeof t0, &t0, NULL));
    CHECK(clGetEventProfilingInfo(ev, CL_PROFILING_COMMAND_END, sizeof t1, &t1, NULL));

    double maxerr = 0, sum = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            float s = 0;
            for (int t = 0; t < n; t++)
                s += a[i * n + t] * b[t * n + j];
            double e = fabs((double)s - c[i * n + j]);
            if (!(e <= maxerr))
                maxerr = e;
            sum += c[i * n + j];
        }
    printf("matmul n=%d kernel=%s args=%u kernels=%u devices=%u size_ok=%d wg_ok=%d timed=%d sum=%.4f maxerr_ok=%d\n", n,
           name, nargs, nk, ndev, got == bytes, kwg >= 1 && kwg <= maxwg, t1 >= t0, sum, maxerr < 1e-3);
    clReleaseEvent(ev);
    for (cl_uint i = 0; i < nk; i++)
        clReleaseKernel(ks[i]);
    clReleaseProgram(prog);
    clReleaseMemObject(da);
    clReleaseMemObject(db);
    clReleaseMemObject(dc);
    clReleaseCommandQueue(q);
    clReleaseContext(ctx);
    return maxerr < 1e-3 ? 0 : 1;
}
