package opencl

// OpenCL error codes (values from the Khronos headers).
const (
	clSuccess               = 0
	clDeviceNotFound        = -1
	clOutOfResources        = -5
	clOutOfHostMemory       = -6
	clInvalidValue          = -30
	clInvalidDeviceType     = -31
	clInvalidPlatform       = -32
	clInvalidDevice         = -33
	clInvalidContext        = -34
	clInvalidCommandQueue   = -36
	clInvalidHostPtr        = -37
	clInvalidMemObject      = -38
	clInvalidProgram        = -44
	clInvalidKernelName     = -46
	clInvalidKernel         = -48
	clInvalidArgIndex       = -49
	clInvalidArgValue       = -50
	clInvalidArgSize        = -51
	clInvalidWorkDimension  = -53
	clInvalidEventWaitList  = -57
	clInvalidEvent          = -58
	clInvalidOperation      = -59
	clInvalidBufferSize     = -61
	clInvalidGlobalWorkSize = -63
	clPlatformNotFoundKHR   = -1001
	clContextPlatform       = 0x1084
	clMemUseHostPtr         = 1 << 3
	clMemAllocHostPtr       = 1 << 4
	clMemCopyHostPtr        = 1 << 5
	clMapWrite              = 1 << 1
	clMapWriteInvalidRegion = 1 << 2
	clQueueProperties       = 0x1093
	clMemFlags              = 0x1101
	maxWaitList             = 1 << 16
	maxProgramStrings       = 1 << 16
	maxDevices              = 1 << 12
	maxContextProperties    = 64
	maxKernelsInProgram     = 1 << 16
	maxQueueProperties      = 64
)

// names of the error codes, for the verbose log.
var errNames = map[int32]string{
	clSuccess: "CL_SUCCESS", clDeviceNotFound: "CL_DEVICE_NOT_FOUND", clOutOfResources: "CL_OUT_OF_RESOURCES",
	clOutOfHostMemory: "CL_OUT_OF_HOST_MEMORY", clInvalidValue: "CL_INVALID_VALUE",
	clInvalidDeviceType: "CL_INVALID_DEVICE_TYPE", clInvalidPlatform: "CL_INVALID_PLATFORM",
	clInvalidDevice: "CL_INVALID_DEVICE", clInvalidContext: "CL_INVALID_CONTEXT",
	clInvalidCommandQueue: "CL_INVALID_COMMAND_QUEUE", clInvalidHostPtr: "CL_INVALID_HOST_PTR",
	clInvalidMemObject: "CL_INVALID_MEM_OBJECT", clInvalidProgram: "CL_INVALID_PROGRAM",
	clInvalidKernelName: "CL_INVALID_KERNEL_NAME", clInvalidKernel: "CL_INVALID_KERNEL",
	clInvalidArgIndex: "CL_INVALID_ARG_INDEX", clInvalidArgValue: "CL_INVALID_ARG_VALUE",
	clInvalidArgSize: "CL_INVALID_ARG_SIZE", clInvalidWorkDimension: "CL_INVALID_WORK_DIMENSION",
	clInvalidEventWaitList: "CL_INVALID_EVENT_WAIT_LIST", clInvalidEvent: "CL_INVALID_EVENT",
	clInvalidOperation: "CL_INVALID_OPERATION", clInvalidBufferSize: "CL_INVALID_BUFFER_SIZE",
	clInvalidGlobalWorkSize: "CL_INVALID_GLOBAL_WORK_SIZE", clPlatformNotFoundKHR: "CL_PLATFORM_NOT_FOUND_KHR",
}

func errName(code int32) string {
	if n, ok := errNames[code]; ok {
		return n
	}
	return "OpenCL error"
}

// clGetKernelArgInfo's address qualifiers (values from the Khronos headers).
const (
	maxKernelArgs               = 1024
	clKernelArgAddressQualifier = 0x1196
	clKernelArgAddressGlobal    = 0x119B
	clKernelArgAddressConstant  = 0x119D
	clKernelArgAddressPrivate   = 0x119E
)
