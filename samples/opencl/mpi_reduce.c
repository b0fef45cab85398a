/* MPI + OpenCL: each rank integrates f(x) = 4/(1+x^2) over its share of
 * [0, 1) on its own OpenCL device (one work-item per point, a work-group
 * reduction in local memory, partial sums read back), and MPI_Allreduce
 * combines the ranks' sums into pi. Every rank also checks a
 * histogram-like vector reduced element-wise across ranks. */
#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define WG 64
#define BINS 16

static const char *source =
    "__kernel void part(int first, int count, double h, __global double *sums, __local double *tmp) {\n"
    "    int g = get_global_id(0), l = get_local_id(0);\n"
    "    double v = 0.0;\n"
    "    if (g < count) { double x = h * ((double)(first + g) + 0.5); v = 4.0 / (1.0 + x * x); }\n"
    "    tmp[l] = v;\n"
    "    barrier(CLK_LOCAL_MEM_FENCE);\n"
    "    for (int s = get_local_size(0) / 2; s > 0; s >>= 1) {\n"
    "        if (l < s) tmp[l] += tmp[l + s];\n"
    "        barrier(CLK_LOCAL_MEM_FENCE);\n"
    "    }\n"
    "    if (l == 0) sums[get_group_id(0)] = tmp[0];\n"
    "}\n"
    "__kernel void bins(int rank, __global int *h) { int i = get_global_id(0); h[i] = (rank + 1) * (i + 1); }\n";

#define CHECK(call)                                                                                   \
    do {                                                                                              \
        cl_int rc_ = (call);                                                                          \
        if (rc_ != CL_SUCCESS) {                                                                      \
            fprintf(stderr, "%s:%d: %s failed: %d\n", __FILE__, __LINE__, #call, rc_);               \
            MPI_Abort(MPI_COMM_WORLD, 1);                                                             \
        }                                                                                             \
    } while (0)

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int n = argc > 1 ? atoi(argv[1]) : 1 << 16;
    int first = (int)((long)n * rank / size), count = (int)((long)n * (rank + 1) / size) - first;
    double h = 1.0 / n;

    cl_platform_id platform;
    CHECK(clGetPlatformIDs(1, &platform, NULL));
    cl_device_id dev;
    CHECK(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 1, &dev, NULL));
    cl_int err;
    cl_context ctx = clCreateContext(NULL, 1, &dev, NULL, NULL, &err);
    CHECK(err);
    cl_command_queue q = clCreateCommandQueueWithProperties(ctx, dev, NULL, &err);
    CHECK(err);
    cl_program prog = clCreateProgramWithSource(ctx, 1, &source, NULL, &err);
    CHECK(err);
    CHECK(clBuildProgram(prog, 1, &dev, NULL, NULL, NULL));

    int groups = (count + WG - 1) / WG;
    if (groups == 0)
        groups = 1;
    cl_mem sums = clCreateBuffer(ctx, CL_MEM_READ_WRITE, sizeof(double) * groups, NULL, &err);
    CHECK(err);
    cl_kernel part = clCreateKernel(prog, "part", &err);
    CHECK(err);
    CHECK(clSetKernelArg(part, 0, sizeof first, &first));
    CHECK(clSetKernelArg(part, 1, sizeof count, &count));
    CHECK(clSetKernelArg(part, 2, sizeof h, &h));
    CHECK(clSetKernelArg(part, 3, sizeof sums, &sums));
    CHECK(clSetKernelArg(part, 4, sizeof(double) * WG, NULL));
    size_t global = (size_t)groups * WG, local = WG;
    CHECK(clEnqueueNDRangeKernel(q, part, 1, NULL, &global, &local, 0, NULL, NULL));
    double *partial = malloc(sizeof(double) * groups);
    CHECK(clEnqueueReadBuffer(q, sums, CL_TRUE, 0, sizeof(double) * groups, partial, 0, NULL, NULL));
    double mine = 0;
    for (int i = 0; i < groups; i++)
        mine += partial[i];
    mine *= h;

    cl_mem hb = clCreateBuffer(ctx, CL_MEM_READ_WRITE, sizeof(int) * BINS, NULL, &err);
    CHECK(err);
    cl_kernel bins = clCreateKernel(prog, "bins", &err);
    CHECK(err);
    CHECK(clSetKernelArg(bins, 0, sizeof rank, &rank));
    CHECK(clSetKernelArg(bins, 1, sizeof hb, &hb));
    size_t nb = BINS;
    cl_event ev;
    CHECK(clEnqueueNDRangeKernel(q, bins, 1, NULL, &nb, NULL, 0, NULL, &ev));
    int *hist = clEnqueueMapBuffer(q, hb, CL_TRUE, CL_MAP_READ | CL_MAP_WRITE, 0, sizeof(int) * BINS, 1, &ev, NULL, &err);
    CHECK(err);
    int local_hist[BINS], total[BINS];
    for (int i = 0; i < BINS; i++)
        local_hist[i] = hist[i];
    CHECK(clEnqueueUnmapMemObject(q, hb, hist, 0, NULL, NULL));
    CHECK(clFinish(q));

    double pi;
    MPI_Allreduce(&mine, &pi, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    MPI_Allreduce(local_hist, total, BINS, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    int ok = 1;
    for (int i = 0; i < BINS; i++)
        ok &= total[i] == (i + 1) * size * (size + 1) / 2;
    if (rank == 0)
        printf("ranks=%d n=%d pi=%.12f hist_ok=%d\n", size, n, pi, ok);

    clReleaseEvent(ev);
    clReleaseKernel(part);
    clReleaseKernel(bins);
    clReleaseMemObject(sums);
    clReleaseMemObject(hb);
    clReleaseProgram(prog);
    clReleaseCommandQueue(q);
    clReleaseContext(ctx);
    free(partial);
    MPI_Finalize();
    return ok ? 0 : 1;
}
