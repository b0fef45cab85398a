/* CL/opencl.h for wasmrun guests: the core API (see CL/cl.h). */
#ifndef WASMRUN_OPENCL_H
#define WASMRUN_OPENCL_H
#include <CL/cl.h>
#endif
