package cuda

// CUresult values (from the CUDA driver API).
const (
	cuSuccess          = 0
	cuInvalidValue     = 1
	cuOutOfMemory      = 2
	cuNotInitialized   = 3
	cuNoDevice         = 100
	cuInvalidDevice    = 101
	cuInvalidImage     = 200
	cuInvalidContext   = 201
	cuInvalidPTX       = 218
	cuInvalidSource    = 300
	cuInvalidHandle    = 400
	cuNotFound         = 500
	cuNotReady         = 600
	cuLaunchOutOfRes   = 701
	cuNotSupported     = 801
	cuUnknown          = 999
	maxJITOptions      = 64
	maxKernelParams    = 4096
	ownErrorLogSize    = 16 << 10
	streamLegacy       = 1 // CU_STREAM_LEGACY
	streamPerThread    = 2 // CU_STREAM_PER_THREAD
	launchParamEnd     = 0 // CU_LAUNCH_PARAM_END
	launchParamBuffer  = 1 // CU_LAUNCH_PARAM_BUFFER_POINTER
	launchParamSize    = 2 // CU_LAUNCH_PARAM_BUFFER_SIZE
	maxLaunchExtra     = 64
	jitErrorLogBuffer  = 5
	jitErrorLogSize    = 6
	jitInfoLogBuffer   = 3
	jitInfoLogSize     = 4
	jitThreadsPerBlock = 1
	jitWallTime        = 2
)

// names of the error codes, for the verbose log.
var errNames = map[int32]string{
	cuSuccess: "CUDA_SUCCESS", cuInvalidValue: "CUDA_ERROR_INVALID_VALUE", cuOutOfMemory: "CUDA_ERROR_OUT_OF_MEMORY",
	cuNotInitialized: "CUDA_ERROR_NOT_INITIALIZED", cuNoDevice: "CUDA_ERROR_NO_DEVICE",
	cuInvalidDevice: "CUDA_ERROR_INVALID_DEVICE", cuInvalidImage: "CUDA_ERROR_INVALID_IMAGE",
	cuInvalidContext: "CUDA_ERROR_INVALID_CONTEXT", cuInvalidPTX: "CUDA_ERROR_INVALID_PTX",
	cuInvalidSource: "CUDA_ERROR_INVALID_SOURCE", cuInvalidHandle: "CUDA_ERROR_INVALID_HANDLE",
	cuNotFound: "CUDA_ERROR_NOT_FOUND", cuNotReady: "CUDA_ERROR_NOT_READY",
	cuLaunchOutOfRes: "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES", cuNotSupported: "CUDA_ERROR_NOT_SUPPORTED",
	cuUnknown: "CUDA_ERROR_UNKNOWN",
}

func errName(code int32) string {
	if n, ok := errNames[code]; ok {
		return n
	}
	return "CUDA error"
}

// jitOption says how cuModuleLoadDataEx passes one CUjit_option's value:
// a scalar (in), a scalar the driver writes back (inout), a float the
// driver writes (out), or a guest buffer whose size is the paired option's
// value.
type jitKind int

const (
	jitIn jitKind = iota
	jitInOut
	jitOut
	jitBuffer
)

// jitOptions are the CUjit_option values the bridge translates (CUDA 12).
var jitOptions = map[uint32]jitKind{
	0:                  jitIn,    // CU_JIT_MAX_REGISTERS
	jitThreadsPerBlock: jitInOut, // CU_JIT_THREADS_PER_BLOCK
	jitWallTime:        jitOut,   // CU_JIT_WALL_TIME
	jitInfoLogBuffer:   jitBuffer,
	jitInfoLogSize:     jitInOut,
	jitErrorLogBuffer:  jitBuffer,
	jitErrorLogSize:    jitInOut,
	7:                  jitIn, // CU_JIT_OPTIMIZATION_LEVEL
	8:                  jitIn, // CU_JIT_TARGET_FROM_CUCONTEXT
	9:                  jitIn, // CU_JIT_TARGET
	10:                 jitIn, // CU_JIT_FALLBACK_STRATEGY
	11:                 jitIn, // CU_JIT_GENERATE_DEBUG_INFO
	12:                 jitIn, // CU_JIT_LOG_VERBOSE
	13:                 jitIn, // CU_JIT_GENERATE_LINE_INFO
	14:                 jitIn, // CU_JIT_CACHE_MODE
}
