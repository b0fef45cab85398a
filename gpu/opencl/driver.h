/*
 * The host side of wasmrun's OpenCL: the OpenCL ICD loader (libOpenCL.so.1)
 * is opened with dlopen at the first OpenCL call, so wasmrun links no
 * OpenCL library and starts on nodes without one. Each wr_cl* function
 * calls the loader's function of the same name; handles and host
 * addresses travel as uintptr_t, sizes as size_t.
 */
#ifndef WASMRUN_CL_DRIVER_H
#define WASMRUN_CL_DRIVER_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t wr_int;
typedef uint32_t wr_uint;
typedef uint64_t wr_ulong;
typedef uintptr_t wr_h; /* a driver handle or a host address */

/* wr_cl_load opens path and looks up every function. It returns 0, or -1
 * with the reason in err. */
int wr_cl_load(const char *path, char *err, size_t errlen);
/* wr_cl_has_queue_properties: the loader has the OpenCL 2.0 call. */
int wr_cl_has_queue_properties(void);

wr_int wr_clGetPlatformIDs(wr_uint n, wr_h *platforms, wr_uint *num);
wr_int wr_clGetPlatformInfo(wr_h p, wr_uint name, size_t size, wr_h value, size_t *ret);
wr_int wr_clGetDeviceIDs(wr_h p, wr_ulong type, wr_uint n, wr_h *devices, wr_uint *num);
wr_int wr_clGetDeviceInfo(wr_h d, wr_uint name, size_t size, wr_h value, size_t *ret);
wr_h wr_clCreateContext(const intptr_t *props, wr_uint n, const wr_h *devices, wr_int *err);
wr_h wr_clCreateContextFromType(const intptr_t *props, wr_ulong type, wr_int *err);
wr_int wr_clRetainContext(wr_h c);
wr_int wr_clReleaseContext(wr_h c);
wr_int wr_clGetContextInfo(wr_h c, wr_uint name, size_t size, wr_h value, size_t *ret);
wr_h wr_clCreateCommandQueue(wr_h c, wr_h d, wr_ulong props, wr_int *err);
wr_h wr_clCreateCommandQueueWithProperties(wr_h c, wr_h d, const wr_ulong *props, wr_int *err);
wr_int wr_clRetainCommandQueue(wr_h q);
wr_int wr_clReleaseCommandQueue(wr_h q);
wr_int wr_clFlush(wr_h q);
wr_int wr_clFinish(wr_h q);
wr_h wr_clCreateBuffer(wr_h c, wr_ulong flags, size_t size, wr_h host, wr_int *err);
wr_int wr_clRetainMemObject(wr_h m);
wr_int wr_clReleaseMemObject(wr_h m);
wr_int wr_clGetMemObjectInfo(wr_h m, wr_uint name, size_t size, wr_h value, size_t *ret);
wr_int wr_clEnqueueReadBuffer(wr_h q, wr_h m, wr_uint blocking, size_t off, size_t size, wr_h ptr,
                              wr_uint nwait, const wr_h *wait, wr_h *event);
wr_int wr_clEnqueueWriteBuffer(wr_h q, wr_h m, wr_uint blocking, size_t off, size_t size, wr_h ptr,
                               wr_uint nwait, const wr_h *wait, wr_h *event);
wr_int wr_clEnqueueCopyBuffer(wr_h q, wr_h src, wr_h dst, size_t soff, size_t doff, size_t size,
                              wr_uint nwait, const wr_h *wait, wr_h *event);
wr_int wr_clEnqueueFillBuffer(wr_h q, wr_h m, wr_h pattern, size_t psize, size_t off, size_t size,
                              wr_uint nwait, const wr_h *wait, wr_h *event);
wr_h wr_clCreateProgramWithSource(wr_h c, wr_uint n, const wr_h *strings, const size_t *lengths, wr_int *err);
wr_int wr_clRetainProgram(wr_h p);
wr_int wr_clReleaseProgram(wr_h p);
wr_int wr_clBuildProgram(wr_h p, wr_uint n, const wr_h *devices, wr_h options);
wr_int wr_clGetProgramInfo(wr_h p, wr_uint name, size_t size, wr_h value, size_t *ret);
wr_int wr_clGetProgramBuildInfo(wr_h p, wr_h d, wr_uint name, size_t size, wr_h value, size_t *ret);
wr_h wr_clCreateKernel(wr_h p, wr_h name, wr_int *err);
wr_int wr_clCreateKernelsInProgram(wr_h p, wr_uint n, wr_h *kernels, wr_uint *num);
wr_int wr_clRetainKernel(wr_h k);
wr_int wr_clReleaseKernel(wr_h k);
wr_int wr_clSetKernelArg(wr_h k, wr_uint index, size_t size, wr_h value);
/* wr_clGetKernelArgInfo returns CL_KERNEL_ARG_INFO_NOT_AVAILABLE where the
 * loader lacks the call. */
wr_int wr_clGetKernelArgInfo(wr_h k, wr_uint index, wr_uint name, size_t size, wr_h value, size_t *ret);
wr_int wr_clGetKernelInfo(wr_h k, wr_uint name, size_t size, wr_h value, size_t *ret);
wr_int wr_clGetKernelWorkGroupInfo(wr_h k, wr_h d, wr_uint name, size_t size, wr_h value, size_t *ret);
wr_int wr_clEnqueueNDRangeKernel(wr_h q, wr_h k, wr_uint dim, const size_t *offset, const size_t *global,
                                 const size_t *local, wr_uint nwait, const wr_h *wait, wr_h *event);
wr_int wr_clWaitForEvents(wr_uint n, const wr_h *events);
wr_int wr_clGetEventInfo(wr_h e, wr_uint name, size_t size, wr_h value, size_t *ret);
wr_int wr_clGetEventProfilingInfo(wr_h e, wr_uint name, size_t size, wr_h value, size_t *ret);
wr_int wr_clRetainEvent(wr_h e);
wr_int wr_clReleaseEvent(wr_h e);
wr_int wr_clEnqueueMarkerWithWaitList(wr_h q, wr_uint nwait, const wr_h *wait, wr_h *event);
wr_int wr_clEnqueueBarrierWithWaitList(wr_h q, wr_uint nwait, const wr_h *wait, wr_h *event);

#endif
