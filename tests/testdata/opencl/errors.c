/* Bad input to OpenCL: each line prints the error code a call returned.
 * Built natively and with wasmrun cc, the lines that a native run can
 * also make (bad handles of the right type, a kernel that fails to build)
 * must agree; the wasm-only checks (forged and wrong-kind handles, guest
 * ranges out of bounds) print what the bridge returns. */
#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int notified;
static void CL_CALLBACK on_build(cl_program p, void *user) {
    (void)p;
    notified = *(int *)user;
}

static const char *good = "__kernel void k(__global int *p, int v) { p[get_global_id(0)] = v; }\n";
static const char *bad = "__kernel void broken(__global int *p) { p[0] = undeclared_thing; }\n";

int main(int argc, char **argv) {
    int wasm_only = argc > 1 && strcmp(argv[1], "wasm") == 0;
    cl_platform_id platform;
    cl_uint np = 0;
    cl_int rc = clGetPlatformIDs(1, &platform, &np);
    printf("platforms rc=%d\n", rc);
    if (rc != CL_SUCCESS)
        return 0;
    cl_device_id dev;
    printf("devices rc=%d\n", clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 1, &dev, NULL));
    cl_int err;
    cl_context ctx = clCreateContext(NULL, 1, &dev, NULL, NULL, &err);
    cl_command_queue q = clCreateCommandQueueWithProperties(ctx, dev, NULL, &err);
    cl_mem buf = clCreateBuffer(ctx, CL_MEM_READ_WRITE, 64, NULL, &err);

    /* A kernel that fails to build: the log reaches the program. */
    cl_program bp = clCreateProgramWithSource(ctx, 1, &bad, NULL, &err);
    rc = clBuildProgram(bp, 1, &dev, NULL, NULL, NULL);
    printf("build broken rc=%d\n", rc);
    cl_build_status st;
    clGetProgramBuildInfo(bp, dev, CL_PROGRAM_BUILD_STATUS, sizeof st, &st, NULL);
    size_t loglen = 0;
    clGetProgramBuildInfo(bp, dev, CL_PROGRAM_BUILD_LOG, 0, NULL, &loglen);
    char log[8192] = {0};
    clGetProgramBuildInfo(bp, dev, CL_PROGRAM_BUILD_LOG, sizeof log - 1, log, NULL);
    printf("build status=%d log_names_symbol=%d log_len_ok=%d\n", st, strstr(log, "undeclared_thing") != NULL,
           loglen > 1 && loglen <= sizeof log);
    cl_kernel none = clCreateKernel(bp, "broken", &err);
    printf("kernel from failed build err=%d null=%d\n", err, none == NULL);

    /* Released objects. */
    cl_mem gone = clCreateBuffer(ctx, CL_MEM_READ_WRITE, 16, NULL, &err);
    clReleaseMemObject(gone);
    cl_program p = clCreateProgramWithSource(ctx, 1, &good, NULL, &err);
    printf("build good rc=%d\n", clBuildProgram(p, 1, &dev, NULL, NULL, NULL));
    cl_kernel k = clCreateKernel(p, "k", &err);
    printf("create missing kernel: ");
    clCreateKernel(p, "nope", &err);
    printf("err=%d\n", err);
    printf("read past end rc=%d\n", clEnqueueReadBuffer(q, buf, CL_TRUE, 32, 64, log, 0, NULL, NULL));
    printf("bad work dim rc=%d\n", clEnqueueNDRangeKernel(q, k, 0, NULL, NULL, NULL, 0, NULL, NULL));
    printf("arg index rc=%d\n", clSetKernelArg(k, 7, sizeof buf, &buf));
    printf("buffer size 0: ");
    clCreateBuffer(ctx, CL_MEM_READ_WRITE, 0, NULL, &err);
    printf("err=%d\n", err);
    printf("wait on nothing rc=%d\n", clWaitForEvents(0, NULL));

    /* Mapping a CL_MEM_USE_HOST_PTR buffer gives host_ptr + offset; what
     * is written there reaches the buffer at unmap. A nonblocking write
     * from guest memory completes through its event. */
    int hostarr[16];
    for (int i = 0; i < 16; i++)
        hostarr[i] = i;
    cl_mem hb = clCreateBuffer(ctx, CL_MEM_READ_WRITE | CL_MEM_USE_HOST_PTR, sizeof hostarr, hostarr, &err);
    int *mp = clEnqueueMapBuffer(q, hb, CL_TRUE, CL_MAP_READ | CL_MAP_WRITE, 4 * sizeof(int), 8 * sizeof(int), 0, NULL, NULL, &err);
    printf("map host ptr err=%d at_host_ptr=%d value=%d\n", err, mp == hostarr + 4, mp ? mp[0] : -1);
    if (mp)
        for (int i = 0; i < 8; i++)
            mp[i] = 100 + i;
    printf("unmap rc=%d\n", clEnqueueUnmapMemObject(q, hb, mp, 0, NULL, NULL));
    int back[16] = {0};
    clEnqueueReadBuffer(q, hb, CL_TRUE, 0, sizeof back, back, 0, NULL, NULL);
    printf("after unmap: %d %d %d %d\n", back[3], back[4], back[11], back[12]);
    int src[16];
    for (int i = 0; i < 16; i++)
        src[i] = 7 * i;
    cl_event wev;
    printf("nonblocking write rc=%d\n", clEnqueueWriteBuffer(q, buf, CL_FALSE, 0, sizeof src, src, 0, NULL, &wev));
    printf("wait rc=%d\n", clWaitForEvents(1, &wev));
    cl_int wst = -1;
    clGetEventInfo(wev, CL_EVENT_COMMAND_EXECUTION_STATUS, sizeof wst, &wst, NULL);
    cl_command_queue evq = NULL;
    clGetEventInfo(wev, CL_EVENT_COMMAND_QUEUE, sizeof evq, &evq, NULL);
    clEnqueueReadBuffer(q, buf, CL_TRUE, 0, sizeof back, back, 0, NULL, NULL);
    printf("write status=%d queue_ok=%d data=%d %d\n", wst, evq == q, back[1], back[15]);
    clReleaseEvent(wev);
    clReleaseMemObject(hb);

#ifdef __wasm__
    if (wasm_only) {
        /* The build callback runs before clBuildProgram returns. */
        int token = 42;
        cl_program p2 = clCreateProgramWithSource(ctx, 1, &good, NULL, &err);
        printf("build with callback rc=%d notified=%d\n", clBuildProgram(p2, 1, &dev, NULL, on_build, &token), notified);
        clReleaseProgram(p2);
        /* Forged handles and wrong kinds: the bridge's tables catch them. */
        cl_context fake_ctx = (cl_context)(uintptr_t)0x12345678;
        clCreateBuffer(fake_ctx, CL_MEM_READ_WRITE, 16, NULL, &err);
        printf("forged context err=%d\n", err);
        clCreateBuffer((cl_context)buf, CL_MEM_READ_WRITE, 16, NULL, &err);
        printf("buffer as context err=%d\n", err);
        printf("context as queue rc=%d\n", clFinish((cl_command_queue)ctx));
        printf("queue as buffer rc=%d\n", clReleaseMemObject((cl_mem)q));
        printf("released buffer rc=%d\n", clRetainMemObject(gone));
        printf("kernel as program rc=%d\n", clBuildProgram((cl_program)k, 0, NULL, NULL, NULL, NULL));
        printf("program as kernel rc=%d\n", clSetKernelArg((cl_kernel)p, 0, sizeof buf, &buf));
        printf("device as platform rc=%d\n", clGetPlatformInfo((cl_platform_id)dev, CL_PLATFORM_NAME, 0, NULL, NULL));
        cl_mem fake_mem = (cl_mem)(uintptr_t)0x7777;
        printf("forged buffer as kernel arg rc=%d\n", clSetKernelArg(k, 0, sizeof fake_mem, &fake_mem));
        cl_event fake_ev = (cl_event)(uintptr_t)0x99;
        printf("forged event in wait list rc=%d\n", clEnqueueBarrierWithWaitList(q, 1, &fake_ev, NULL));
        /* Guest ranges outside memory, checked over the full size. */
        char *edge = (char *)(uintptr_t)(__builtin_wasm_memory_size(0) * 65536 - 16);
        printf("read into range past memory end rc=%d\n", clEnqueueReadBuffer(q, buf, CL_TRUE, 0, 64, edge, 0, NULL, NULL));
        printf("write from range past memory end rc=%d\n", clEnqueueWriteBuffer(q, buf, CL_FALSE, 0, 64, edge, 0, NULL, NULL));
        clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_USE_HOST_PTR, 64, edge, &err);
        printf("host_ptr past memory end err=%d\n", err);
        printf("info value past memory end rc=%d\n", clGetDeviceInfo(dev, CL_DEVICE_NAME, 64, edge, NULL));
        printf("kernel arg past memory end rc=%d\n", clSetKernelArg(k, 1, 64, edge));
        const char *srcs[1] = {edge};
        size_t lens[1] = {64};
        clCreateProgramWithSource(ctx, 1, srcs, lens, &err);
        printf("source past memory end err=%d\n", err);
        printf("wait list past memory end rc=%d\n", clEnqueueMarkerWithWaitList(q, 8, (cl_event *)edge, NULL));
        printf("fill pattern past memory end rc=%d\n", clEnqueueFillBuffer(q, buf, edge, 32, 0, 64, 0, NULL, NULL));
        void *m = clEnqueueMapBuffer(q, buf, CL_TRUE, CL_MAP_READ, 32, 64, 0, NULL, NULL, &err);
        printf("map past buffer end err=%d null=%d\n", err, m == NULL);
        printf("unmap of unmapped pointer rc=%d\n", clEnqueueUnmapMemObject(q, buf, log, 0, NULL, NULL));
    }
#else
    (void)wasm_only;
#endif
    clFinish(q);
    printf("done\n");
    return 0;
}
