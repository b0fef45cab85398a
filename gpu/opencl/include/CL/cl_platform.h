/*
 * cl_platform.h for wasmrun guests (wasm32): the scalar types of the
 * OpenCL API. Written for wasmrun; the values follow the Khronos OpenCL
 * headers. Vector types (cl_float4 ...) are not provided: kernels use the
 * OpenCL C vector types, and the host API never takes them.
 */
#ifndef WASMRUN_CL_PLATFORM_H
#define WASMRUN_CL_PLATFORM_H

#include <stdint.h>
#include <stddef.h>

#define CL_API_ENTRY
#define CL_API_CALL
#define CL_CALLBACK
#define CL_API_SUFFIX__VERSION_1_0
#define CL_API_SUFFIX__VERSION_1_1
#define CL_API_SUFFIX__VERSION_1_2
#define CL_API_SUFFIX__VERSION_2_0
#define CL_API_SUFFIX__VERSION_3_0
#define CL_EXT_PREFIX__VERSION_1_1_DEPRECATED
#define CL_EXT_SUFFIX__VERSION_1_1_DEPRECATED
#define CL_EXT_PREFIX__VERSION_1_2_DEPRECATED
#define CL_EXT_SUFFIX__VERSION_1_2_DEPRECATED
#define CL_API_PREFIX__VERSION_1_2_DEPRECATED
#define CL_API_SUFFIX__VERSION_1_2_DEPRECATED

typedef int8_t   cl_char;
typedef uint8_t  cl_uchar;
typedef int16_t  cl_short;
typedef uint16_t cl_ushort;
typedef int32_t  cl_int;
typedef uint32_t cl_uint;
typedef int64_t  cl_long;
typedef uint64_t cl_ulong;
typedef uint16_t cl_half;
typedef float    cl_float;
typedef double   cl_double;
typedef unsigned int cl_GLuint;
typedef int      cl_GLint;
typedef unsigned int cl_GLenum;

#define CL_CHAR_BIT    8
#define CL_SCHAR_MAX   127
#define CL_SCHAR_MIN   (-127 - 1)
#define CL_CHAR_MAX    CL_SCHAR_MAX
#define CL_CHAR_MIN    CL_SCHAR_MIN
#define CL_UCHAR_MAX   255
#define CL_SHRT_MAX    32767
#define CL_SHRT_MIN    (-32767 - 1)
#define CL_USHRT_MAX   65535
#define CL_INT_MAX     2147483647
#define CL_INT_MIN     (-2147483647 - 1)
#define CL_UINT_MAX    0xffffffffU
#define CL_LONG_MAX    ((cl_long)0x7FFFFFFFFFFFFFFFLL)
#define CL_LONG_MIN    ((cl_long)-0x7FFFFFFFFFFFFFFFLL - 1LL)
#define CL_ULONG_MAX   ((cl_ulong)0xFFFFFFFFFFFFFFFFULL)
#define CL_FLT_DIG     6
#define CL_FLT_MANT_DIG 24
#define CL_FLT_MAX     340282346638528859811704183484516925440.0f
#define CL_FLT_MIN     1.175494350822287507969e-38f
#define CL_FLT_EPSILON 1.1920928955078125e-7f
#define CL_DBL_DIG     15
#define CL_DBL_MANT_DIG 53
#define CL_DBL_MAX     1.7976931348623158e+308
#define CL_DBL_MIN     2.225073858507201383090e-308
#define CL_DBL_EPSILON 2.220446049250313080847e-16

#endif
