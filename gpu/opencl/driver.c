#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "driver.h"

/* The OpenCL API's own types, as the Khronos headers define them for
 * LP64 hosts; wasmrun needs no OpenCL headers to build. */
typedef void *obj;
typedef void (*notify)(void);

static struct {
    wr_int (*clGetPlatformIDs)(wr_uint, obj *, wr_uint *);
    wr_int (*clGetPlatformInfo)(obj, wr_uint, size_t, void *, size_t *);
    wr_int (*clGetDeviceIDs)(obj, wr_ulong, wr_uint, obj *, wr_uint *);
    wr_int (*clGetDeviceInfo)(obj, wr_uint, size_t, void *, size_t *);
    obj (*clCreateContext)(const intptr_t *, wr_uint, const obj *, notify, void *, wr_int *);
    obj (*clCreateContextFromType)(const intptr_t *, wr_ulong, notify, void *, wr_int *);
    wr_int (*clRetainContext)(obj);
    wr_int (*clReleaseContext)(obj);
    wr_int (*clGetContextInfo)(obj, wr_uint, size_t, void *, size_t *);
    obj (*clCreateCommandQueue)(obj, obj, wr_ulong, wr_int *);
    obj (*clCreateCommandQueueWithProperties)(obj, obj, const wr_ulong *, wr_int *);
    wr_int (*clRetainCommandQueue)(obj);
    wr_int (*clReleaseCommandQueue)(obj);
    wr_int (*clFlush)(obj);
    wr_int (*clFinish)(obj);
    obj (*clCreateBuffer)(obj, wr_ulong, size_t, void *, wr_int *);
    wr_int (*clRetainMemObject)(obj);
    wr_int (*clReleaseMemObject)(obj);
    wr_int (*clGetMemObjectInfo)(obj, wr_uint, size_t, void *, size_t *);
    wr_int (*clEnqueueReadBuffer)(obj, obj, wr_uint, size_t, size_t, void *, wr_uint, const obj *, obj *);
    wr_int (*clEnqueueWriteBuffer)(obj, obj, wr_uint, size_t, size_t, const void *, wr_uint, const obj *, obj *);
    wr_int (*clEnqueueCopyBuffer)(obj, obj, obj, size_t, size_t, size_t, wr_uint, const obj *, obj *);
    wr_int (*clEnqueueFillBuffer)(obj, obj, const void *, size_t, size_t, size_t, wr_uint, const obj *, obj *);
    obj (*clCreateProgramWithSource)(obj, wr_uint, const char **, const size_t *, wr_int *);
    wr_int (*clRetainProgram)(obj);
    wr_int (*clReleaseProgram)(obj);
    wr_int (*clBuildProgram)(obj, wr_uint, const obj *, const char *, notify, void *);
    wr_int (*clGetProgramInfo)(obj, wr_uint, size_t, void *, size_t *);
    wr_int (*clGetProgramBuildInfo)(obj, obj, wr_uint, size_t, void *, size_t *);
    obj (*clCreateKernel)(obj, const char *, wr_int *);
    wr_int (*clCreateKernelsInProgram)(obj, wr_uint, obj *, wr_uint *);
    wr_int (*clRetainKernel)(obj);
    wr_int (*clReleaseKernel)(obj);
    wr_int (*clSetKernelArg)(obj, wr_uint, size_t, const void *);
    wr_int (*clGetKernelArgInfo)(obj, wr_uint, wr_uint, size_t, void *, size_t *);
    wr_int (*clGetKernelInfo)(obj, wr_uint, size_t, void *, size_t *);
    wr_int (*clGetKernelWorkGroupInfo)(obj, obj, wr_uint, size_t, void *, size_t *);
    wr_int (*clEnqueueNDRangeKernel)(obj, obj, wr_uint, const size_t *, const size_t *, const size_t *,
                                     wr_uint, const obj *, obj *);
    wr_int (*clWaitForEvents)(wr_uint, const obj *);
    wr_int (*clGetEventInfo)(obj, wr_uint, size_t, void *, size_t *);
    wr_int (*clGetEventProfilingInfo)(obj, wr_uint, size_t, void *, size_t *);
    wr_int (*clRetainEvent)(obj);
    wr_int (*clReleaseEvent)(obj);
    wr_int (*clEnqueueMarkerWithWaitList)(obj, wr_uint, const obj *, obj *);
    wr_int (*clEnqueueBarrierWithWaitList)(obj, wr_uint, const obj *, obj *);
} cl;

/* Every function is required (OpenCL 1.2) but the OpenCL 2.0 queue call
 * and clGetKernelArgInfo, which the bridge can do without. */
#define REQUIRED(name) {#name, (void **)&cl.name, 1}
#define OPTIONAL(name) {#name, (void **)&cl.name, 0}
static const struct {
    const char *name;
    void **slot;
    int required;
} symbols[] = {
    REQUIRED(clGetPlatformIDs), REQUIRED(clGetPlatformInfo), REQUIRED(clGetDeviceIDs),
    REQUIRED(clGetDeviceInfo), REQUIRED(clCreateContext), REQUIRED(clCreateContextFromType),
    REQUIRED(clRetainContext), REQUIRED(clReleaseContext), REQUIRED(clGetContextInfo),
    REQUIRED(clCreateCommandQueue), OPTIONAL(clCreateCommandQueueWithProperties),
    REQUIRED(clRetainCommandQueue), REQUIRED(clReleaseCommandQueue), REQUIRED(clFlush),
    REQUIRED(clFinish), REQUIRED(clCreateBuffer), REQUIRED(clRetainMemObject),
    REQUIRED(clReleaseMemObject), REQUIRED(clGetMemObjectInfo), REQUIRED(clEnqueueReadBuffer),
    REQUIRED(clEnqueueWriteBuffer), REQUIRED(clEnqueueCopyBuffer), REQUIRED(clEnqueueFillBuffer),
    REQUIRED(clCreateProgramWithSource), REQUIRED(clRetainProgram), REQUIRED(clReleaseProgram),
    REQUIRED(clBuildProgram), REQUIRED(clGetProgramInfo), REQUIRED(clGetProgramBuildInfo),
    REQUIRED(clCreateKernel), REQUIRED(clCreateKernelsInProgram), REQUIRED(clRetainKernel),
    REQUIRED(clReleaseKernel), REQUIRED(clSetKernelArg), OPTIONAL(clGetKernelArgInfo), REQUIRED(clGetKernelInfo),
    REQUIRED(clGetKernelWorkGroupInfo), REQUIRED(clEnqueueNDRangeKernel), REQUIRED(clWaitForEvents),
    REQUIRED(clGetEventInfo), REQUIRED(clGetEventProfilingInfo), REQUIRED(clRetainEvent),
    REQUIRED(clReleaseEvent), REQUIRED(clEnqueueMarkerWithWaitList),
    REQUIRED(clEnqueueBarrierWithWaitList),
};

int wr_cl_load(const char *path, char *err, size_t errlen) {
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        const char *e = dlerror();
        snprintf(err, errlen, "%s", e ? e : "dlopen failed");
        return -1;
    }
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        *symbols[i].slot = dlsym(lib, symbols[i].name);
        if (*symbols[i].slot == NULL && symbols[i].required) {
            snprintf(err, errlen, "%s has no %s (not an OpenCL 1.2 library)", path, symbols[i].name);
            memset(&cl, 0, sizeof cl);
            dlclose(lib);
            return -1;
        }
    }
    return 0;
}

int wr_cl_has_queue_properties(void) { return cl.clCreateCommandQueueWithProperties != NULL; }

#define O(x) ((obj)(x))
#define P(x) ((void *)(x))
#define H(x) ((wr_h)(x))

wr_int wr_clGetPlatformIDs(wr_uint n, wr_h *p, wr_uint *num) { return cl.clGetPlatformIDs(n, (obj *)p, num); }
wr_int wr_clGetPlatformInfo(wr_h p, wr_uint name, size_t size, wr_h value, size_t *ret) {
    return cl.clGetPlatformInfo(O(p), name, size, P(value), ret);
}
wr_int wr_clGetDeviceIDs(wr_h p, wr_ulong type, wr_uint n, wr_h *devices, wr_uint *num) {
    return cl.clGetDeviceIDs(O(p), type, n, (obj *)devices, num);
}
wr_int wr_clGetDeviceInfo(wr_h d, wr_uint name, size_t size, wr_h value, size_t *ret) {
    return cl.clGetDeviceInfo(O(d), name, size, P(value), ret);
}
wr_h wr_clCreateContext(const intptr_t *props, wr_uint n, const wr_h *devices, wr_int *err) {
    return H(cl.clCreateContext(props, n, (const obj *)devices, NULL, NULL, err));
}
wr_h wr_clCreateContextFromType(const intptr_t *props, wr_ulong type, wr_int *err) {
    return H(cl.clCreateContextFromType(props, type, NULL, NULL, err));
}
wr_int wr_clRetainContext(wr_h c) { return cl.clRetainContext(O(c)); }
wr_int wr_clReleaseContext(wr_h c) { return cl.clReleaseContext(O(c)); }
wr_int wr_clGetContextInfo(wr_h c, wr_uint name, size_t size, wr_h value, size_t *ret) {
    return cl.clGetContextInfo(O(c), name, size, P(value), ret);
}
wr_h wr_clCreateCommandQueue(wr_h c, wr_h d, wr_ulong props, wr_int *err) {
    return H(cl.clCreateCommandQueue(O(c), O(d), props, err));
}
wr_h wr_clCreateCommandQueueWithProperties(wr_h c, wr_h d, const wr_ulong *props, wr_int *err) {
    return H(cl.clCreateCommandQueueWithProperties(O(c), O(d), props, err));
}
wr_int wr_clRetainCommandQueue(wr_h q) { return cl.clRetainCommandQueue(O(q)); }
wr_int wr_clReleaseCommandQueue(wr_h q) { return cl.clReleaseCommandQueue(O(q)); }
wr_int wr_clFlush(wr_h q) { return cl.clFlush(O(q)); }
wr_int wr_clFinish(wr_h q) { return cl.clFinish(O(q)); }
wr_h wr_clCreateBuffer(wr_h c, wr_ulong flags, size_t size, wr_h host, wr_int *err) {
    return H(cl.clCreateBuffer(O(c), flags, size, P(host), err));
}
wr_int wr_clRetainMemObject(wr_h m) { return cl.clRetainMemObject(O(m)); }
wr_int wr_clReleaseMemObject(wr_h m) { return cl.clReleaseMemObject(O(m)); }
wr_int wr_clGetMemObjectInfo(wr_h m, wr_uint name, size_t size, wr_h value, size_t *ret) {
    return cl.clGetMemObjectInfo(O(m), name, size, P(value), ret);
}
wr_int wr_clEnqueueReadBuffer(wr_h q, wr_h m, wr_uint blocking, size_t off, size_t size, wr_h ptr,
                              wr_uint nwait, const wr_h *wait, wr_h *event) {
    return cl.clEnqueueReadBuffer(O(q), O(m), blocking, off, size, P(ptr), nwait, (const obj *)wait, (obj *)event);
}
wr_int wr_clEnqueueWriteBuffer(wr_h q, wr_h m, wr_uint blocking, size_t off, size_t size, wr_h ptr,
                               wr_uint nwait, const wr_h *wait, wr_h *event) {
    return cl.clEnqueueWriteBuffer(O(q), O(m), blocking, off, size, P(ptr), nwait, (const obj *)wait, (obj *)event);
}
wr_int wr_clEnqueueCopyBuffer(wr_h q, wr_h src, wr_h dst, size_t soff, size_t doff, size_t size,
                              wr_uint nwait, const wr_h *wait, wr_h *event) {
    return cl.clEnqueueCopyBuffer(O(q), O(src), O(dst), soff, doff, size, nwait, (const obj *)wait, (obj *)event);
}
wr_int wr_clEnqueueFillBuffer(wr_h q, wr_h m, wr_h pattern, size_t psize, size_t off, size_t size,
                              wr_uint nwait, const wr_h *wait, wr_h *event) {
    return cl.clEnqueueFillBuffer(O(q), O(m), P(pattern), psize, off, size, nwait, (const obj *)wait, (obj *)event);
}
wr_h wr_clCreateProgramWithSource(wr_h c, wr_uint n, const wr_h *strings, const size_t *lengths, wr_int *err) {
    return H(cl.clCreateProgramWithSource(O(c), n, (const char **)strings, lengths, err));
}
wr_int wr_clRetainProgram(wr_h p) { return cl.clRetainProgram(O(p)); }
wr_int wr_clReleaseProgram(wr_h p) { return cl.clReleaseProgram(O(p)); }
wr_int wr_clBuildProgram(wr_h p, wr_uint n, const wr_h *devices, wr_h options) {
    return cl.clBuildProgram(O(p), n, (const obj *)devices, (const char *)options, NULL, NULL);
}
wr_int wr_clGetProgramInfo(wr_h p, wr_uint name, size_t size, wr_h value, size_t *ret) {
    return cl.clGetProgramInfo(O(p), name, size, P(value), ret);
}
wr_int wr_clGetProgramBuildInfo(wr_h p, wr_h d, wr_uint name, size_t size, wr_h value, size_t *ret) {
    return cl.clGetProgramBuildInfo(O(p), O(d), name, size, P(value), ret);
}
wr_h wr_clCreateKernel(wr_h p, wr_h name, wr_int *err) { return H(cl.clCreateKernel(O(p), (const char *)name, err)); }
wr_int wr_clCreateKernelsInProgram(wr_h p, wr_uint n, wr_h *kernels, wr_uint *num) {
    return cl.clCreateKernelsInProgram(O(p), n, (obj *)kernels, num);
}
wr_int wr_clRetainKernel(wr_h k) { return cl.clRetainKernel(O(k)); }
wr_int wr_clReleaseKernel(wr_h k) { return cl.clReleaseKernel(O(k)); }
wr_int wr_clSetKernelArg(wr_h k, wr_uint index, size_t size, wr_h value) {
    return cl.clSetKernelArg(O(k), index, size, P(value));
}
wr_int wr_clGetKernelArgInfo(wr_h k, wr_uint index, wr_uint name, size_t size, wr_h value, size_t *ret) {
    if (cl.clGetKernelArgInfo == NULL)
        return -19; /* CL_KERNEL_ARG_INFO_NOT_AVAILABLE */
    return cl.clGetKernelArgInfo(O(k), index, name, size, P(value), ret);
}
wr_int wr_clGetKernelInfo(wr_h k, wr_uint name, size_t size, wr_h value, size_t *ret) {
    return cl.clGetKernelInfo(O(k), name, size, P(value), ret);
}
wr_int wr_clGetKernelWorkGroupInfo(wr_h k, wr_h d, wr_uint name, size_t size, wr_h value, size_t *ret) {
    return cl.clGetKernelWorkGroupInfo(O(k), O(d), name, size, P(value), ret);
}
wr_int wr_clEnqueueNDRangeKernel(wr_h q, wr_h k, wr_uint dim, const size_t *offset, const size_t *global,
                                 const size_t *local, wr_uint nwait, const wr_h *wait, wr_h *event) {
    return cl.clEnqueueNDRangeKernel(O(q), O(k), dim, offset, global, local, nwait, (const obj *)wait, (obj *)event);
}
wr_int wr_clWaitForEvents(wr_uint n, const wr_h *events) { return cl.clWaitForEvents(n, (const obj *)events); }
wr_int wr_clGetEventInfo(wr_h e, wr_uint name, size_t size, wr_h value, size_t *ret) {
    return cl.clGetEventInfo(O(e), name, size, P(value), ret);
}
wr_int wr_clGetEventProfilingInfo(wr_h e, wr_uint name, size_t size, wr_h value, size_t *ret) {
    return cl.clGetEventProfilingInfo(O(e), name, size, P(value), ret);
}
wr_int wr_clRetainEvent(wr_h e) { return cl.clRetainEvent(O(e)); }
wr_int wr_clReleaseEvent(wr_h e) { return cl.clReleaseEvent(O(e)); }
wr_int wr_clEnqueueMarkerWithWaitList(wr_h q, wr_uint nwait, const wr_h *wait, wr_h *event) {
    return cl.clEnqueueMarkerWithWaitList(O(q), nwait, (const obj *)wait, (obj *)event);
}
wr_int wr_clEnqueueBarrierWithWaitList(wr_h q, wr_uint nwait, const wr_h *wait, wr_h *event) {
    return cl.clEnqueueBarrierWithWaitList(O(q), nwait, (const obj *)wait, (obj *)event);
}
