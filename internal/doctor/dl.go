package doctor

/*
#cgo LDFLAGS: -ldl
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>

static void *wr_dlopen(const char *name) { return dlopen(name, RTLD_LAZY | RTLD_LOCAL); }
static const char *wr_dlerror(void) { const char *e = dlerror(); return e ? e : "unknown error"; }

// OpenCL: the number of platforms and of devices of every type.
typedef int32_t (*cl_get_platforms)(uint32_t, void **, uint32_t *);
typedef int32_t (*cl_get_devices)(void *, uint64_t, uint32_t, void **, uint32_t *);

static int32_t wr_cl_count(void *h, uint32_t *platforms, uint32_t *devices) {
	cl_get_platforms gp = (cl_get_platforms)dlsym(h, "clGetPlatformIDs");
	cl_get_devices gd = (cl_get_devices)dlsym(h, "clGetDeviceIDs");
	if (!gp || !gd) return -10000;
	uint32_t n = 0;
	int32_t rc = gp(0, NULL, &n);
	if (rc != 0) return rc;
	*platforms = n;
	if (n > 64) n = 64;
	void *ids[64];
	if ((rc = gp(n, ids, NULL)) != 0) return rc;
	uint32_t total = 0;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t d = 0;
		if (gd(ids[i], 0xFFFFFFFFu, 0, NULL, &d) == 0) total += d;
	}
	*devices = total;
	return 0;
}

// CUDA: the driver version and the number of devices.
typedef int (*cu_init)(unsigned);
typedef int (*cu_int)(int *);

static int wr_cuda_count(void *h, int *version, int *devices) {
	cu_init init = (cu_init)dlsym(h, "cuInit");
	cu_int ver = (cu_int)dlsym(h, "cuDriverGetVersion");
	cu_int count = (cu_int)dlsym(h, "cuDeviceGetCount");
	if (!init || !ver || !count) return -10000;
	int rc = init(0);
	if (rc != 0) return rc;
	if ((rc = ver(version)) != 0) return rc;
	return count(devices);
}
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// Library reports whether a shared library loads (dlopen), for drivers
// that wasmrun loads at run time only when a module needs them.
func Library(soname string) (handle unsafe.Pointer, err error) {
	name := C.CString(soname)
	defer C.free(unsafe.Pointer(name))
	h := C.wr_dlopen(name)
	if h == nil {
		return nil, fmt.Errorf("%s", C.GoString(C.wr_dlerror()))
	}
	return h, nil
}

// OpenCL checks the OpenCL ICD loader and counts platforms and devices.
// Without it, only OpenCL programs cannot run.
func OpenCL() Check {
	const lib = "libOpenCL.so.1"
	h, err := Library(lib)
	if err != nil {
		return Check{Name: "opencl", Verdict: Absent, Detail: lib + " does not load (" + err.Error() + "): OpenCL programs cannot run here"}
	}
	defer C.dlclose(h)
	var platforms, devices C.uint32_t
	switch rc := C.wr_cl_count(h, &platforms, &devices); {
	case rc == -1001: // CL_PLATFORM_NOT_FOUND_KHR
		return Check{Name: "opencl", Verdict: Absent, Detail: lib + " loads, but no platform is installed (no ICD in /etc/OpenCL/vendors)"}
	case rc != 0:
		return Check{Name: "opencl", Verdict: Warn, Detail: fmt.Sprintf("%s loads, but listing platforms fails (OpenCL error %d)", lib, rc)}
	case devices == 0:
		return Check{Name: "opencl", Verdict: Absent, Detail: fmt.Sprintf("%s loads, %d platform(s), no device", lib, platforms)}
	}
	return Check{Name: "opencl", Verdict: OK, Detail: fmt.Sprintf("%s loads: %d platform(s), %d device(s)", lib, platforms, devices)}
}

// CUDA checks the CUDA driver and counts devices.
func CUDA() Check {
	const lib = "libcuda.so.1"
	h, err := Library(lib)
	if err != nil {
		return Check{Name: "cuda", Verdict: Absent, Detail: lib + " does not load: no CUDA driver, CUDA programs cannot run here"}
	}
	defer C.dlclose(h)
	var version, devices C.int
	switch rc := C.wr_cuda_count(h, &version, &devices); {
	case rc == 100: // CUDA_ERROR_NO_DEVICE
		return Check{Name: "cuda", Verdict: Absent, Detail: lib + " loads, but there is no CUDA device"}
	case rc != 0:
		return Check{Name: "cuda", Verdict: Warn, Detail: fmt.Sprintf("%s loads, but the driver fails (CUresult %d)", lib, rc)}
	}
	return Check{Name: "cuda", Verdict: OK, Detail: fmt.Sprintf("%s loads: driver %d.%d, %d device(s)", lib, version/1000, version%1000/10, devices)}
}
