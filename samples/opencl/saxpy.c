/* SAXPY on the first OpenCL device: y = a*x + y, with the kernel in a
 * string, buffers written and read back, a nonblocking read waited on
 * through its event, and a mapped buffer. Builds natively
 * (cc saxpy.c -lOpenCL) and with `wasmrun cc saxpy.c -lOpenCL`. */
#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>
#include <stdio.h>
#include <stdlib.h>

static const char *source =
    "__kernel void saxpy(float a, __global const float *x, __global float *y, int n) {\n"
    "    int i = get_global_id(0);\n"
    "    if (i < n) y[i] = a * x[i] + y[i];\n"
    "}\n";

#define CHECK(call)                                                          \
    do {                                                                     \
        cl_int rc_ = (call);                                                 \
        if (rc_ != CL_SUCCESS) {                                             \
            fprintf(stderr, "%s:%d: %s failed: %d\n", __FILE__, __LINE__, #call, rc_); \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 100000;
    float a = 2.5f;
    float *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y), *out = malloc(n * sizeof *out);
    for (int i = 0; i < n; i++) {
        x[i] = (float)(i % 1000) * 0.5f;
        y[i] = (float)(i % 7) - 3.0f;
    }

    cl_platform_id platform;
    cl_uint np;
    CHECK(clGetPlatformIDs(1, &platform, &np));
    cl_device_id dev;
    CHECK(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 1, &dev, NULL));
    cl_int err;
    cl_context_properties props[] = {CL_CONTEXT_PLATFORM, (cl_context_properties)platform, 0};
    cl_context ctx = clCreateContext(props, 1, &dev, NULL, NULL, &err);
    CHECK(err);
    cl_command_queue q = clCreateCommandQueueWithProperties(ctx, dev, NULL, &err);
    CHECK(err);

    cl_mem dx = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, n * sizeof(float), x, &err);
    CHECK(err);
    cl_mem dy = clCreateBuffer(ctx, CL_MEM_READ_WRITE, n * sizeof(float), NULL, &err);
    CHECK(err);
    CHECK(clEnqueueWriteBuffer(q, dy, CL_TRUE, 0, n * sizeof(float), y, 0, NULL, NULL));

    cl_program prog = clCreateProgramWithSource(ctx, 1, &source, NULL, &err);
    CHECK(err);
    CHECK(clBuildProgram(prog, 1, &dev, "", NULL, NULL));
    cl_kernel k = clCreateKernel(prog, "saxpy", &err);
    CHECK(err);
    CHECK(clSetKernelArg(k, 0, sizeof a, &a));
    CHECK(clSetKernelArg(k, 1, sizeof dx, &dx));
    CHECK(clSetKernelArg(k, 2, sizeof dy, &dy));
    CHECK(clSetKernelArg(k, 3, sizeof n, &n));
    size_t global = (size_t)n;
    cl_event done, read;
    CHECK(clEnqueueNDRangeKernel(q, k, 1, NULL, &global, NULL, 0, NULL, &done));
    CHECK(clEnqueueReadBuffer(q, dy, CL_FALSE, 0, n * sizeof(float), out, 1, &done, &read));
    CHECK(clWaitForEvents(1, &read));
    cl_int status;
    CHECK(clGetEventInfo(read, CL_EVENT_COMMAND_EXECUTION_STATUS, sizeof status, &status, NULL));

    int bad = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
        float want = a * x[i] + y[i];
        if (out[i] != want)
            bad++;
        sum += out[i];
    }
    /* Map the result: the first and last elements as the driver has them. */
    float *m = clEnqueueMapBuffer(q, dy, CL_TRUE, CL_MAP_READ, 0, n * sizeof(float), 0, NULL, NULL, &err);
    CHECK(err);
    float first = m[0], last = m[n - 1];
    CHECK(clEnqueueUnmapMemObject(q, dy, m, 0, NULL, NULL));
    CHECK(clFinish(q));

    printf("saxpy n=%d status=%d mismatches=%d sum=%.6e first=%g last=%g\n", n, status, bad, sum, first, last);
    clReleaseEvent(done);
    clReleaseEvent(read);
    clReleaseKernel(k);
    clReleaseProgram(prog);
    clReleaseMemObject(dx);
    clReleaseMemObject(dy);
    clReleaseCommandQueue(q);
    clReleaseContext(ctx);
    free(x), free(y), free(out);
    return bad != 0;
}
