/*
 * clEnqueueMapBuffer and clEnqueueUnmapMemObject for wasmrun guests. A
 * mapped region must be memory the guest can address, so the guest
 * allocates it and the host reads the buffer into it (or, for a
 * CL_MEM_USE_HOST_PTR buffer, uses host_ptr + offset and leaves the
 * allocation unused); at unmap the host writes the region back and says
 * whether the allocation is to be freed.
 */
#include <stdlib.h>
#include <CL/cl.h>

__attribute__((import_module("wasmrun_cl"), import_name("wasmrun_clEnqueueMapBuffer")))
void *wasmrun_clEnqueueMapBuffer(cl_command_queue, cl_mem, cl_bool, cl_map_flags, size_t, size_t,
                                 cl_uint, const cl_event *, cl_event *, cl_int *, void *stage);
__attribute__((import_module("wasmrun_cl"), import_name("wasmrun_clEnqueueUnmapMemObject")))
cl_int wasmrun_clEnqueueUnmapMemObject(cl_command_queue, cl_mem, void *, cl_uint, const cl_event *,
                                       cl_event *, cl_int *staged);

void *clEnqueueMapBuffer(cl_command_queue queue, cl_mem buffer, cl_bool blocking, cl_map_flags flags,
                         size_t offset, size_t size, cl_uint nwait, const cl_event *wait,
                         cl_event *event, cl_int *errcode_ret) {
    void *stage = malloc(size ? size : 1);
    if (stage == NULL) {
        if (errcode_ret)
            *errcode_ret = CL_OUT_OF_HOST_MEMORY;
        return NULL;
    }
    void *p = wasmrun_clEnqueueMapBuffer(queue, buffer, blocking, flags, offset, size, nwait, wait,
                                         event, errcode_ret, stage);
    if (p != stage)
        free(stage);
    return p;
}

cl_int clEnqueueUnmapMemObject(cl_command_queue queue, cl_mem mem, void *ptr, cl_uint nwait,
                               const cl_event *wait, cl_event *event) {
    cl_int staged = 0;
    cl_int rc = wasmrun_clEnqueueUnmapMemObject(queue, mem, ptr, nwait, wait, event, &staged);
    if (rc == CL_SUCCESS && staged)
        free(ptr);
    return rc;
}
