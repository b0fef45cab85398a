/*
 * CL/cl.h for wasmrun guests (wasm32-wasi): the OpenCL 1.2 host API with
 * the OpenCL 2.0/3.0 calls wasmrun bridges. Written for wasmrun; types
 * and constant values follow the Khronos OpenCL headers, so sources
 * written for any OpenCL build unchanged.
 *
 * No OpenCL library is linked into the guest: every function is an import
 * from wasmrun's module "wasmrun_cl", which forwards it to the OpenCL
 * driver of the node the module runs on (libOpenCL.so.1, loaded at run
 * time). Handles (cl_context, cl_mem ...) are 32-bit numbers that wasmrun
 * maps to the driver's objects; they are valid only in the process that
 * created them.
 */
#ifndef WASMRUN_CL_H
#define WASMRUN_CL_H

#include <CL/cl_platform.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef CL_TARGET_OPENCL_VERSION
#define CL_TARGET_OPENCL_VERSION 300
#endif
#define CL_VERSION_1_0 1
#define CL_VERSION_1_1 1
#define CL_VERSION_1_2 1
#define CL_VERSION_2_0 1
#define CL_VERSION_2_1 1
#define CL_VERSION_2_2 1
#define CL_VERSION_3_0 1

/* Wasmrun's marker: this CL/cl.h is the bridged one. */
#define WASMRUN_OPENCL 1

typedef struct _cl_platform_id *   cl_platform_id;
typedef struct _cl_device_id *     cl_device_id;
typedef struct _cl_context *       cl_context;
typedef struct _cl_command_queue * cl_command_queue;
typedef struct _cl_mem *           cl_mem;
typedef struct _cl_program *       cl_program;
typedef struct _cl_kernel *        cl_kernel;
typedef struct _cl_event *         cl_event;
typedef struct _cl_sampler *       cl_sampler;

typedef cl_uint     cl_bool;
typedef cl_ulong    cl_bitfield;
typedef cl_ulong    cl_properties;
typedef cl_bitfield cl_device_type;
typedef cl_uint     cl_platform_info;
typedef cl_uint     cl_device_info;
typedef cl_bitfield cl_device_fp_config;
typedef cl_uint     cl_device_mem_cache_type;
typedef cl_uint     cl_device_local_mem_type;
typedef cl_bitfield cl_device_exec_capabilities;
typedef cl_bitfield cl_device_svm_capabilities;
typedef cl_bitfield cl_command_queue_properties;
typedef intptr_t    cl_device_partition_property;
typedef cl_bitfield cl_device_affinity_domain;
typedef intptr_t    cl_context_properties;
typedef cl_uint     cl_context_info;
typedef cl_properties cl_queue_properties;
typedef cl_uint     cl_command_queue_info;
typedef cl_uint     cl_channel_order;
typedef cl_uint     cl_channel_type;
typedef cl_bitfield cl_mem_flags;
typedef cl_bitfield cl_svm_mem_flags;
typedef cl_uint     cl_mem_object_type;
typedef cl_uint     cl_mem_info;
typedef cl_bitfield cl_mem_migration_flags;
typedef cl_uint     cl_image_info;
typedef cl_uint     cl_buffer_create_type;
typedef cl_uint     cl_addressing_mode;
typedef cl_uint     cl_filter_mode;
typedef cl_uint     cl_sampler_info;
typedef cl_bitfield cl_map_flags;
typedef intptr_t    cl_pipe_properties;
typedef cl_uint     cl_pipe_info;
typedef cl_uint     cl_program_info;
typedef cl_uint     cl_program_build_info;
typedef cl_uint     cl_program_binary_type;
typedef cl_int      cl_build_status;
typedef cl_uint     cl_kernel_info;
typedef cl_uint     cl_kernel_arg_info;
typedef cl_uint     cl_kernel_arg_address_qualifier;
typedef cl_uint     cl_kernel_arg_access_qualifier;
typedef cl_bitfield cl_kernel_arg_type_qualifier;
typedef cl_uint     cl_kernel_work_group_info;
typedef cl_uint     cl_kernel_sub_group_info;
typedef cl_uint     cl_event_info;
typedef cl_uint     cl_command_type;
typedef cl_uint     cl_profiling_info;
typedef cl_properties cl_sampler_properties;
typedef cl_uint     cl_kernel_exec_info;
typedef cl_bitfield cl_device_atomic_capabilities;
typedef cl_bitfield cl_device_device_enqueue_capabilities;
typedef cl_uint     cl_khronos_vendor_id;
typedef cl_properties cl_mem_properties;
typedef cl_uint     cl_version;

typedef struct _cl_image_format {
    cl_channel_order image_channel_order;
    cl_channel_type  image_channel_data_type;
} cl_image_format;

typedef struct _cl_buffer_region {
    size_t origin;
    size_t size;
} cl_buffer_region;

/* Constants (values as in the Khronos headers, OpenCL 1.0 to 3.0). */
#define CL_NAME_VERSION_MAX_NAME_SIZE                    64
#define CL_SUCCESS                                       0
#define CL_DEVICE_NOT_FOUND                              -1
#define CL_DEVICE_NOT_AVAILABLE                          -2
#define CL_COMPILER_NOT_AVAILABLE                        -3
#define CL_MEM_OBJECT_ALLOCATION_FAILURE                 -4
#define CL_OUT_OF_RESOURCES                              -5
#define CL_OUT_OF_HOST_MEMORY                            -6
#define CL_PROFILING_INFO_NOT_AVAILABLE                  -7
#define CL_MEM_COPY_OVERLAP                              -8
#define CL_IMAGE_FORMAT_MISMATCH                         -9
#define CL_IMAGE_FORMAT_NOT_SUPPORTED                    -10
#define CL_BUILD_PROGRAM_FAILURE                         -11
#define CL_MAP_FAILURE                                   -12
#define CL_MISALIGNED_SUB_BUFFER_OFFSET                  -13
#define CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST     -14
#define CL_COMPILE_PROGRAM_FAILURE                       -15
#define CL_LINKER_NOT_AVAILABLE                          -16
#define CL_LINK_PROGRAM_FAILURE                          -17
#define CL_DEVICE_PARTITION_FAILED                       -18
#define CL_KERNEL_ARG_INFO_NOT_AVAILABLE                 -19
#define CL_INVALID_VALUE                                 -30
#define CL_INVALID_DEVICE_TYPE                           -31
#define CL_INVALID_PLATFORM                              -32
#define CL_INVALID_DEVICE                                -33
#define CL_INVALID_CONTEXT                               -34
#define CL_INVALID_QUEUE_PROPERTIES                      -35
#define CL_INVALID_COMMAND_QUEUE                         -36
#define CL_INVALID_HOST_PTR                              -37
#define CL_INVALID_MEM_OBJECT                            -38
#define CL_INVALID_IMAGE_FORMAT_DESCRIPTOR               -39
#define CL_INVALID_IMAGE_SIZE                            -40
#define CL_INVALID_SAMPLER                               -41
#define CL_INVALID_BINARY                                -42
#define CL_INVALID_BUILD_OPTIONS                         -43
#define CL_INVALID_PROGRAM                               -44
#define CL_INVALID_PROGRAM_EXECUTABLE                    -45
#define CL_INVALID_KERNEL_NAME                           -46
#define CL_INVALID_KERNEL_DEFINITION                     -47
#define CL_INVALID_KERNEL                                -48
#define CL_INVALID_ARG_INDEX                             -49
#define CL_INVALID_ARG_VALUE                             -50
#define CL_INVALID_ARG_SIZE                              -51
#define CL_INVALID_KERNEL_ARGS                           -52
#define CL_INVALID_WORK_DIMENSION                        -53
#define CL_INVALID_WORK_GROUP_SIZE                       -54
#define CL_INVALID_WORK_ITEM_SIZE                        -55
#define CL_INVALID_GLOBAL_OFFSET                         -56
#define CL_INVALID_EVENT_WAIT_LIST                       -57
#define CL_INVALID_EVENT                                 -58
#define CL_INVALID_OPERATION                             -59
#define CL_INVALID_GL_OBJECT                             -60
#define CL_INVALID_BUFFER_SIZE                           -61
#define CL_INVALID_MIP_LEVEL                             -62
#define CL_INVALID_GLOBAL_WORK_SIZE                      -63
#define CL_INVALID_PROPERTY                              -64
#define CL_INVALID_IMAGE_DESCRIPTOR                      -65
#define CL_INVALID_COMPILER_OPTIONS                      -66
#define CL_INVALID_LINKER_OPTIONS                        -67
#define CL_INVALID_DEVICE_PARTITION_COUNT                -68
#define CL_INVALID_PIPE_SIZE                             -69
#define CL_INVALID_DEVICE_QUEUE                          -70
#define CL_INVALID_SPEC_ID                               -71
#define CL_MAX_SIZE_RESTRICTION_EXCEEDED                 -72

/* cl_bool */
#define CL_FALSE                                         0
#define CL_TRUE                                          1
#define CL_BLOCKING                                      CL_TRUE
#define CL_NON_BLOCKING                                  CL_FALSE

/* cl_platform_info */
#define CL_PLATFORM_PROFILE                              0x0900
#define CL_PLATFORM_VERSION                              0x0901
#define CL_PLATFORM_NAME                                 0x0902
#define CL_PLATFORM_VENDOR                               0x0903
#define CL_PLATFORM_EXTENSIONS                           0x0904
#define CL_PLATFORM_HOST_TIMER_RESOLUTION                0x0905
#define CL_PLATFORM_NUMERIC_VERSION                      0x0906
#define CL_PLATFORM_EXTENSIONS_WITH_VERSION              0x0907

/* cl_device_type - bitfield */
#define CL_DEVICE_TYPE_DEFAULT                           (1 << 0)
#define CL_DEVICE_TYPE_CPU                               (1 << 1)
#define CL_DEVICE_TYPE_GPU                               (1 << 2)
#define CL_DEVICE_TYPE_ACCELERATOR                       (1 << 3)
#define CL_DEVICE_TYPE_CUSTOM                            (1 << 4)
#define CL_DEVICE_TYPE_ALL                               0xFFFFFFFF

/* cl_device_info */
#define CL_DEVICE_TYPE                                   0x1000
#define CL_DEVICE_VENDOR_ID                              0x1001
#define CL_DEVICE_MAX_COMPUTE_UNITS                      0x1002
#define CL_DEVICE_MAX_WORK_ITEM_DIMENSIONS               0x1003
#define CL_DEVICE_MAX_WORK_GROUP_SIZE                    0x1004
#define CL_DEVICE_MAX_WORK_ITEM_SIZES                    0x1005
#define CL_DEVICE_PREFERRED_VECTOR_WIDTH_CHAR            0x1006
#define CL_DEVICE_PREFERRED_VECTOR_WIDTH_SHORT           0x1007
#define CL_DEVICE_PREFERRED_VECTOR_WIDTH_INT             0x1008
#define CL_DEVICE_PREFERRED_VECTOR_WIDTH_LONG            0x1009
#define CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT           0x100A
#define CL_DEVICE_PREFERRED_VECTOR_WIDTH_DOUBLE          0x100B
#define CL_DEVICE_MAX_CLOCK_FREQUENCY                    0x100C
#define CL_DEVICE_ADDRESS_BITS                           0x100D
#define CL_DEVICE_MAX_READ_IMAGE_ARGS                    0x100E
#define CL_DEVICE_MAX_WRITE_IMAGE_ARGS                   0x100F
#define CL_DEVICE_MAX_MEM_ALLOC_SIZE                     0x1010
#define CL_DEVICE_IMAGE2D_MAX_WIDTH                      0x1011
#define CL_DEVICE_IMAGE2D_MAX_HEIGHT                     0x1012
#define CL_DEVICE_IMAGE3D_MAX_WIDTH                      0x1013
#define CL_DEVICE_IMAGE3D_MAX_HEIGHT                     0x1014
#define CL_DEVICE_IMAGE3D_MAX_DEPTH                      0x1015
#define CL_DEVICE_IMAGE_SUPPORT                          0x1016
#define CL_DEVICE_MAX_PARAMETER_SIZE                     0x1017
#define CL_DEVICE_MAX_SAMPLERS                           0x1018
#define CL_DEVICE_MEM_BASE_ADDR_ALIGN                    0x1019
#define CL_DEVICE_MIN_DATA_TYPE_ALIGN_SIZE               0x101A
#define CL_DEVICE_SINGLE_FP_CONFIG                       0x101B
#define CL_DEVICE_GLOBAL_MEM_CACHE_TYPE                  0x101C
#define CL_DEVICE_GLOBAL_MEM_CACHELINE_SIZE              0x101D
#define CL_DEVICE_GLOBAL_MEM_CACHE_SIZE                  0x101E
#define CL_DEVICE_GLOBAL_MEM_SIZE                        0x101F
#define CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE               0x1020
#define CL_DEVICE_MAX_CONSTANT_ARGS                      0x1021
#define CL_DEVICE_LOCAL_MEM_TYPE                         0x1022
#define CL_DEVICE_LOCAL_MEM_SIZE                         0x1023
#define CL_DEVICE_ERROR_CORRECTION_SUPPORT               0x1024
#define CL_DEVICE_PROFILING_TIMER_RESOLUTION             0x1025
#define CL_DEVICE_ENDIAN_LITTLE                          0x1026
#define CL_DEVICE_AVAILABLE                              0x1027
#define CL_DEVICE_COMPILER_AVAILABLE                     0x1028
#define CL_DEVICE_EXECUTION_CAPABILITIES                 0x1029
#define CL_DEVICE_QUEUE_PROPERTIES                       0x102A
#define CL_DEVICE_QUEUE_ON_HOST_PROPERTIES               0x102A
#define CL_DEVICE_NAME                                   0x102B
#define CL_DEVICE_VENDOR                                 0x102C
#define CL_DRIVER_VERSION                                0x102D
#define CL_DEVICE_PROFILE                                0x102E
#define CL_DEVICE_VERSION                                0x102F
#define CL_DEVICE_EXTENSIONS                             0x1030
#define CL_DEVICE_PLATFORM                               0x1031
#define CL_DEVICE_DOUBLE_FP_CONFIG                       0x1032
#define CL_DEVICE_PREFERRED_VECTOR_WIDTH_HALF            0x1034
#define CL_DEVICE_HOST_UNIFIED_MEMORY                    0x1035
#define CL_DEVICE_NATIVE_VECTOR_WIDTH_CHAR               0x1036
#define CL_DEVICE_NATIVE_VECTOR_WIDTH_SHORT              0x1037
#define CL_DEVICE_NATIVE_VECTOR_WIDTH_INT                0x1038
#define CL_DEVICE_NATIVE_VECTOR_WIDTH_LONG               0x1039
#define CL_DEVICE_NATIVE_VECTOR_WIDTH_FLOAT              0x103A
#define CL_DEVICE_NATIVE_VECTOR_WIDTH_DOUBLE             0x103B
#define CL_DEVICE_NATIVE_VECTOR_WIDTH_HALF               0x103C
#define CL_DEVICE_OPENCL_C_VERSION                       0x103D
#define CL_DEVICE_LINKER_AVAILABLE                       0x103E
#define CL_DEVICE_BUILT_IN_KERNELS                       0x103F
#define CL_DEVICE_IMAGE_MAX_BUFFER_SIZE                  0x1040
#define CL_DEVICE_IMAGE_MAX_ARRAY_SIZE                   0x1041
#define CL_DEVICE_PARENT_DEVICE                          0x1042
#define CL_DEVICE_PARTITION_MAX_SUB_DEVICES              0x1043
#define CL_DEVICE_PARTITION_PROPERTIES                   0x1044
#define CL_DEVICE_PARTITION_AFFINITY_DOMAIN              0x1045
#define CL_DEVICE_PARTITION_TYPE                         0x1046
#define CL_DEVICE_REFERENCE_COUNT                        0x1047
#define CL_DEVICE_PREFERRED_INTEROP_USER_SYNC            0x1048
#define CL_DEVICE_PRINTF_BUFFER_SIZE                     0x1049
#define CL_DEVICE_IMAGE_PITCH_ALIGNMENT                  0x104A
#define CL_DEVICE_IMAGE_BASE_ADDRESS_ALIGNMENT           0x104B
#define CL_DEVICE_MAX_READ_WRITE_IMAGE_ARGS              0x104C
#define CL_DEVICE_MAX_GLOBAL_VARIABLE_SIZE               0x104D
#define CL_DEVICE_QUEUE_ON_DEVICE_PROPERTIES             0x104E
#define CL_DEVICE_QUEUE_ON_DEVICE_PREFERRED_SIZE         0x104F
#define CL_DEVICE_QUEUE_ON_DEVICE_MAX_SIZE               0x1050
#define CL_DEVICE_MAX_ON_DEVICE_QUEUES                   0x1051
#define CL_DEVICE_MAX_ON_DEVICE_EVENTS                   0x1052
#define CL_DEVICE_SVM_CAPABILITIES                       0x1053
#define CL_DEVICE_GLOBAL_VARIABLE_PREFERRED_TOTAL_SIZE   0x1054
#define CL_DEVICE_MAX_PIPE_ARGS                          0x1055
#define CL_DEVICE_PIPE_MAX_ACTIVE_RESERVATIONS           0x1056
#define CL_DEVICE_PIPE_MAX_PACKET_SIZE                   0x1057
#define CL_DEVICE_PREFERRED_PLATFORM_ATOMIC_ALIGNMENT    0x1058
#define CL_DEVICE_PREFERRED_GLOBAL_ATOMIC_ALIGNMENT      0x1059
#define CL_DEVICE_PREFERRED_LOCAL_ATOMIC_ALIGNMENT       0x105A
#define CL_DEVICE_IL_VERSION                             0x105B
#define CL_DEVICE_MAX_NUM_SUB_GROUPS                     0x105C
#define CL_DEVICE_SUB_GROUP_INDEPENDENT_FORWARD_PROGRESS 0x105D
#define CL_DEVICE_NUMERIC_VERSION                        0x105E
#define CL_DEVICE_EXTENSIONS_WITH_VERSION                0x1060
#define CL_DEVICE_ILS_WITH_VERSION                       0x1061
#define CL_DEVICE_BUILT_IN_KERNELS_WITH_VERSION          0x1062
#define CL_DEVICE_ATOMIC_MEMORY_CAPABILITIES             0x1063
#define CL_DEVICE_ATOMIC_FENCE_CAPABILITIES              0x1064
#define CL_DEVICE_NON_UNIFORM_WORK_GROUP_SUPPORT         0x1065
#define CL_DEVICE_OPENCL_C_ALL_VERSIONS                  0x1066
#define CL_DEVICE_PREFERRED_WORK_GROUP_SIZE_MULTIPLE     0x1067
#define CL_DEVICE_WORK_GROUP_COLLECTIVE_FUNCTIONS_SUPPORT 0x1068
#define CL_DEVICE_GENERIC_ADDRESS_SPACE_SUPPORT          0x1069
#define CL_DEVICE_OPENCL_C_FEATURES                      0x106F
#define CL_DEVICE_DEVICE_ENQUEUE_CAPABILITIES            0x1070
#define CL_DEVICE_PIPE_SUPPORT                           0x1071
#define CL_DEVICE_LATEST_CONFORMANCE_VERSION_PASSED      0x1072

/* cl_device_fp_config - bitfield */
#define CL_FP_DENORM                                     (1 << 0)
#define CL_FP_INF_NAN                                    (1 << 1)
#define CL_FP_ROUND_TO_NEAREST                           (1 << 2)
#define CL_FP_ROUND_TO_ZERO                              (1 << 3)
#define CL_FP_ROUND_TO_INF                               (1 << 4)
#define CL_FP_FMA                                        (1 << 5)
#define CL_FP_SOFT_FLOAT                                 (1 << 6)
#define CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT              (1 << 7)

/* cl_device_mem_cache_type */
#define CL_NONE                                          0x0
#define CL_READ_ONLY_CACHE                               0x1
#define CL_READ_WRITE_CACHE                              0x2

/* cl_device_local_mem_type */
#define CL_LOCAL                                         0x1
#define CL_GLOBAL                                        0x2

/* cl_device_exec_capabilities - bitfield */
#define CL_EXEC_KERNEL                                   (1 << 0)
#define CL_EXEC_NATIVE_KERNEL                            (1 << 1)

/* cl_command_queue_properties - bitfield */
#define CL_QUEUE_OUT_OF_ORDER_EXEC_MODE_ENABLE           (1 << 0)
#define CL_QUEUE_PROFILING_ENABLE                        (1 << 1)
#define CL_QUEUE_ON_DEVICE                               (1 << 2)
#define CL_QUEUE_ON_DEVICE_DEFAULT                       (1 << 3)

/* cl_context_info */
#define CL_CONTEXT_REFERENCE_COUNT                       0x1080
#define CL_CONTEXT_DEVICES                               0x1081
#define CL_CONTEXT_PROPERTIES                            0x1082
#define CL_CONTEXT_NUM_DEVICES                           0x1083

/* cl_context_properties */
#define CL_CONTEXT_PLATFORM                              0x1084
#define CL_CONTEXT_INTEROP_USER_SYNC                     0x1085

/* cl_device_partition_property */
#define CL_DEVICE_PARTITION_EQUALLY                      0x1086
#define CL_DEVICE_PARTITION_BY_COUNTS                    0x1087
#define CL_DEVICE_PARTITION_BY_COUNTS_LIST_END           0x0
#define CL_DEVICE_PARTITION_BY_AFFINITY_DOMAIN           0x1088

/* cl_device_affinity_domain */
#define CL_DEVICE_AFFINITY_DOMAIN_NUMA                   (1 << 0)
#define CL_DEVICE_AFFINITY_DOMAIN_L4_CACHE               (1 << 1)
#define CL_DEVICE_AFFINITY_DOMAIN_L3_CACHE               (1 << 2)
#define CL_DEVICE_AFFINITY_DOMAIN_L2_CACHE               (1 << 3)
#define CL_DEVICE_AFFINITY_DOMAIN_L1_CACHE               (1 << 4)
#define CL_DEVICE_AFFINITY_DOMAIN_NEXT_PARTITIONABLE     (1 << 5)

/* cl_device_svm_capabilities */
#define CL_DEVICE_SVM_COARSE_GRAIN_BUFFER                (1 << 0)
#define CL_DEVICE_SVM_FINE_GRAIN_BUFFER                  (1 << 1)
#define CL_DEVICE_SVM_FINE_GRAIN_SYSTEM                  (1 << 2)
#define CL_DEVICE_SVM_ATOMICS                            (1 << 3)

/* cl_command_queue_info */
#define CL_QUEUE_CONTEXT                                 0x1090
#define CL_QUEUE_DEVICE                                  0x1091
#define CL_QUEUE_REFERENCE_COUNT                         0x1092
#define CL_QUEUE_PROPERTIES                              0x1093
#define CL_QUEUE_SIZE                                    0x1094
#define CL_QUEUE_DEVICE_DEFAULT                          0x1095
#define CL_QUEUE_PROPERTIES_ARRAY                        0x1098

/* cl_mem_flags and cl_svm_mem_flags - bitfield */
#define CL_MEM_READ_WRITE                                (1 << 0)
#define CL_MEM_WRITE_ONLY                                (1 << 1)
#define CL_MEM_READ_ONLY                                 (1 << 2)
#define CL_MEM_USE_HOST_PTR                              (1 << 3)
#define CL_MEM_ALLOC_HOST_PTR                            (1 << 4)
#define CL_MEM_COPY_HOST_PTR                             (1 << 5)
#define CL_MEM_HOST_WRITE_ONLY                           (1 << 7)
#define CL_MEM_HOST_READ_ONLY                            (1 << 8)
#define CL_MEM_HOST_NO_ACCESS                            (1 << 9)
#define CL_MEM_SVM_FINE_GRAIN_BUFFER                     (1 << 10)
#define CL_MEM_SVM_ATOMICS                               (1 << 11)
#define CL_MEM_KERNEL_READ_AND_WRITE                     (1 << 12)

/* cl_mem_migration_flags - bitfield */
#define CL_MIGRATE_MEM_OBJECT_HOST                       (1 << 0)
#define CL_MIGRATE_MEM_OBJECT_CONTENT_UNDEFINED          (1 << 1)

/* cl_channel_order */
#define CL_R                                             0x10B0
#define CL_A                                             0x10B1
#define CL_RG                                            0x10B2
#define CL_RA                                            0x10B3
#define CL_RGB                                           0x10B4
#define CL_RGBA                                          0x10B5
#define CL_BGRA                                          0x10B6
#define CL_ARGB                                          0x10B7
#define CL_INTENSITY                                     0x10B8
#define CL_LUMINANCE                                     0x10B9
#define CL_DEPTH                                         0x10BD
#define CL_DEPTH_STENCIL                                 0x10BE
#define CL_ABGR                                          0x10C3

/* cl_channel_type */
#define CL_SNORM_INT8                                    0x10D0
#define CL_SNORM_INT16                                   0x10D1
#define CL_UNORM_INT8                                    0x10D2
#define CL_UNORM_INT16                                   0x10D3
#define CL_UNORM_SHORT_565                               0x10D4
#define CL_UNORM_SHORT_555                               0x10D5
#define CL_UNORM_INT_101010                              0x10D6
#define CL_SIGNED_INT8                                   0x10D7
#define CL_SIGNED_INT16                                  0x10D8
#define CL_SIGNED_INT32                                  0x10D9
#define CL_UNSIGNED_INT8                                 0x10DA
#define CL_UNSIGNED_INT16                                0x10DB
#define CL_UNSIGNED_INT32                                0x10DC
#define CL_HALF_FLOAT                                    0x10DD
#define CL_FLOAT                                         0x10DE
#define CL_UNORM_INT24                                   0x10DF
#define CL_UNORM_INT_101010_2                            0x10E0

/* cl_mem_object_type */
#define CL_MEM_OBJECT_BUFFER                             0x10F0
#define CL_MEM_OBJECT_IMAGE2D                            0x10F1
#define CL_MEM_OBJECT_IMAGE3D                            0x10F2
#define CL_MEM_OBJECT_IMAGE2D_ARRAY                      0x10F3
#define CL_MEM_OBJECT_IMAGE1D                            0x10F4
#define CL_MEM_OBJECT_IMAGE1D_ARRAY                      0x10F5
#define CL_MEM_OBJECT_IMAGE1D_BUFFER                     0x10F6
#define CL_MEM_OBJECT_PIPE                               0x10F7

/* cl_mem_info */
#define CL_MEM_TYPE                                      0x1100
#define CL_MEM_FLAGS                                     0x1101
#define CL_MEM_SIZE                                      0x1102
#define CL_MEM_HOST_PTR                                  0x1103
#define CL_MEM_MAP_COUNT                                 0x1104
#define CL_MEM_REFERENCE_COUNT                           0x1105
#define CL_MEM_CONTEXT                                   0x1106
#define CL_MEM_ASSOCIATED_MEMOBJECT                      0x1107
#define CL_MEM_OFFSET                                    0x1108
#define CL_MEM_USES_SVM_POINTER                          0x1109
#define CL_MEM_PROPERTIES                                0x110A

/* cl_image_info */
#define CL_IMAGE_FORMAT                                  0x1110
#define CL_IMAGE_ELEMENT_SIZE                            0x1111
#define CL_IMAGE_ROW_PITCH                               0x1112
#define CL_IMAGE_SLICE_PITCH                             0x1113
#define CL_IMAGE_WIDTH                                   0x1114
#define CL_IMAGE_HEIGHT                                  0x1115
#define CL_IMAGE_DEPTH                                   0x1116
#define CL_IMAGE_ARRAY_SIZE                              0x1117
#define CL_IMAGE_BUFFER                                  0x1118
#define CL_IMAGE_NUM_MIP_LEVELS                          0x1119
#define CL_IMAGE_NUM_SAMPLES                             0x111A

/* cl_pipe_info */
#define CL_PIPE_PACKET_SIZE                              0x1120
#define CL_PIPE_MAX_PACKETS                              0x1121
#define CL_PIPE_PROPERTIES                               0x1122

/* cl_addressing_mode */
#define CL_ADDRESS_NONE                                  0x1130
#define CL_ADDRESS_CLAMP_TO_EDGE                         0x1131
#define CL_ADDRESS_CLAMP                                 0x1132
#define CL_ADDRESS_REPEAT                                0x1133
#define CL_ADDRESS_MIRRORED_REPEAT                       0x1134

/* cl_filter_mode */
#define CL_FILTER_NEAREST                                0x1140
#define CL_FILTER_LINEAR                                 0x1141

/* cl_sampler_info */
#define CL_SAMPLER_REFERENCE_COUNT                       0x1150
#define CL_SAMPLER_CONTEXT                               0x1151
#define CL_SAMPLER_NORMALIZED_COORDS                     0x1152
#define CL_SAMPLER_ADDRESSING_MODE                       0x1153
#define CL_SAMPLER_FILTER_MODE                           0x1154
#define CL_SAMPLER_MIP_FILTER_MODE                       0x1155
#define CL_SAMPLER_LOD_MIN                               0x1156
#define CL_SAMPLER_LOD_MAX                               0x1157
#define CL_SAMPLER_PROPERTIES                            0x1158

/* cl_map_flags - bitfield */
#define CL_MAP_READ                                      (1 << 0)
#define CL_MAP_WRITE                                     (1 << 1)
#define CL_MAP_WRITE_INVALIDATE_REGION                   (1 << 2)

/* cl_program_info */
#define CL_PROGRAM_REFERENCE_COUNT                       0x1160
#define CL_PROGRAM_CONTEXT                               0x1161
#define CL_PROGRAM_NUM_DEVICES                           0x1162
#define CL_PROGRAM_DEVICES                               0x1163
#define CL_PROGRAM_SOURCE                                0x1164
#define CL_PROGRAM_BINARY_SIZES                          0x1165
#define CL_PROGRAM_BINARIES                              0x1166
#define CL_PROGRAM_NUM_KERNELS                           0x1167
#define CL_PROGRAM_KERNEL_NAMES                          0x1168
#define CL_PROGRAM_IL                                    0x1169
#define CL_PROGRAM_SCOPE_GLOBAL_CTORS_PRESENT            0x116A
#define CL_PROGRAM_SCOPE_GLOBAL_DTORS_PRESENT            0x116B

/* cl_program_build_info */
#define CL_PROGRAM_BUILD_STATUS                          0x1181
#define CL_PROGRAM_BUILD_OPTIONS                         0x1182
#define CL_PROGRAM_BUILD_LOG                             0x1183
#define CL_PROGRAM_BINARY_TYPE                           0x1184
#define CL_PROGRAM_BUILD_GLOBAL_VARIABLE_TOTAL_SIZE      0x1185

/* cl_program_binary_type */
#define CL_PROGRAM_BINARY_TYPE_NONE                      0x0
#define CL_PROGRAM_BINARY_TYPE_COMPILED_OBJECT           0x1
#define CL_PROGRAM_BINARY_TYPE_LIBRARY                   0x2
#define CL_PROGRAM_BINARY_TYPE_EXECUTABLE                0x4

/* cl_build_status */
#define CL_BUILD_SUCCESS                                 0
#define CL_BUILD_NONE                                    -1
#define CL_BUILD_ERROR                                   -2
#define CL_BUILD_IN_PROGRESS                             -3

/* cl_kernel_info */
#define CL_KERNEL_FUNCTION_NAME                          0x1190
#define CL_KERNEL_NUM_ARGS                               0x1191
#define CL_KERNEL_REFERENCE_COUNT                        0x1192
#define CL_KERNEL_CONTEXT                                0x1193
#define CL_KERNEL_PROGRAM                                0x1194
#define CL_KERNEL_ATTRIBUTES                             0x1195

/* cl_kernel_arg_info */
#define CL_KERNEL_ARG_ADDRESS_QUALIFIER                  0x1196
#define CL_KERNEL_ARG_ACCESS_QUALIFIER                   0x1197
#define CL_KERNEL_ARG_TYPE_NAME                          0x1198
#define CL_KERNEL_ARG_TYPE_QUALIFIER                     0x1199
#define CL_KERNEL_ARG_NAME                               0x119A

/* cl_kernel_arg_address_qualifier */
#define CL_KERNEL_ARG_ADDRESS_GLOBAL                     0x119B
#define CL_KERNEL_ARG_ADDRESS_LOCAL                      0x119C
#define CL_KERNEL_ARG_ADDRESS_CONSTANT                   0x119D
#define CL_KERNEL_ARG_ADDRESS_PRIVATE                    0x119E

/* cl_kernel_arg_access_qualifier */
#define CL_KERNEL_ARG_ACCESS_READ_ONLY                   0x11A0
#define CL_KERNEL_ARG_ACCESS_WRITE_ONLY                  0x11A1
#define CL_KERNEL_ARG_ACCESS_READ_WRITE                  0x11A2
#define CL_KERNEL_ARG_ACCESS_NONE                        0x11A3

/* cl_kernel_arg_type_qualifier */
#define CL_KERNEL_ARG_TYPE_NONE                          0
#define CL_KERNEL_ARG_TYPE_CONST                         (1 << 0)
#define CL_KERNEL_ARG_TYPE_RESTRICT                      (1 << 1)
#define CL_KERNEL_ARG_TYPE_VOLATILE                      (1 << 2)
#define CL_KERNEL_ARG_TYPE_PIPE                          (1 << 3)

/* cl_kernel_work_group_info */
#define CL_KERNEL_WORK_GROUP_SIZE                        0x11B0
#define CL_KERNEL_COMPILE_WORK_GROUP_SIZE                0x11B1
#define CL_KERNEL_LOCAL_MEM_SIZE                         0x11B2
#define CL_KERNEL_PREFERRED_WORK_GROUP_SIZE_MULTIPLE     0x11B3
#define CL_KERNEL_PRIVATE_MEM_SIZE                       0x11B4
#define CL_KERNEL_GLOBAL_WORK_SIZE                       0x11B5

/* cl_kernel_sub_group_info */
#define CL_KERNEL_MAX_SUB_GROUP_SIZE_FOR_NDRANGE         0x2033
#define CL_KERNEL_SUB_GROUP_COUNT_FOR_NDRANGE            0x2034
#define CL_KERNEL_LOCAL_SIZE_FOR_SUB_GROUP_COUNT         0x11B8
#define CL_KERNEL_MAX_NUM_SUB_GROUPS                     0x11B9
#define CL_KERNEL_COMPILE_NUM_SUB_GROUPS                 0x11BA

/* cl_kernel_exec_info */
#define CL_KERNEL_EXEC_INFO_SVM_PTRS                     0x11B6
#define CL_KERNEL_EXEC_INFO_SVM_FINE_GRAIN_SYSTEM        0x11B7

/* cl_event_info */
#define CL_EVENT_COMMAND_QUEUE                           0x11D0
#define CL_EVENT_COMMAND_TYPE                            0x11D1
#define CL_EVENT_REFERENCE_COUNT                         0x11D2
#define CL_EVENT_COMMAND_EXECUTION_STATUS                0x11D3
#define CL_EVENT_CONTEXT                                 0x11D4

/* cl_command_type */
#define CL_COMMAND_NDRANGE_KERNEL                        0x11F0
#define CL_COMMAND_TASK                                  0x11F1
#define CL_COMMAND_NATIVE_KERNEL                         0x11F2
#define CL_COMMAND_READ_BUFFER                           0x11F3
#define CL_COMMAND_WRITE_BUFFER                          0x11F4
#define CL_COMMAND_COPY_BUFFER                           0x11F5
#define CL_COMMAND_READ_IMAGE                            0x11F6
#define CL_COMMAND_WRITE_IMAGE                           0x11F7
#define CL_COMMAND_COPY_IMAGE                            0x11F8
#define CL_COMMAND_COPY_IMAGE_TO_BUFFER                  0x11F9
#define CL_COMMAND_COPY_BUFFER_TO_IMAGE                  0x11FA
#define CL_COMMAND_MAP_BUFFER                            0x11FB
#define CL_COMMAND_MAP_IMAGE                             0x11FC
#define CL_COMMAND_UNMAP_MEM_OBJECT                      0x11FD
#define CL_COMMAND_MARKER                                0x11FE
#define CL_COMMAND_ACQUIRE_GL_OBJECTS                    0x11FF
#define CL_COMMAND_RELEASE_GL_OBJECTS                    0x1200
#define CL_COMMAND_READ_BUFFER_RECT                      0x1201
#define CL_COMMAND_WRITE_BUFFER_RECT                     0x1202
#define CL_COMMAND_COPY_BUFFER_RECT                      0x1203
#define CL_COMMAND_USER                                  0x1204
#define CL_COMMAND_BARRIER                               0x1205
#define CL_COMMAND_MIGRATE_MEM_OBJECTS                   0x1206
#define CL_COMMAND_FILL_BUFFER                           0x1207
#define CL_COMMAND_FILL_IMAGE                            0x1208
#define CL_COMMAND_SVM_FREE                              0x1209
#define CL_COMMAND_SVM_MEMCPY                            0x120A
#define CL_COMMAND_SVM_MEMFILL                           0x120B
#define CL_COMMAND_SVM_MAP                               0x120C
#define CL_COMMAND_SVM_UNMAP                             0x120D
#define CL_COMMAND_SVM_MIGRATE_MEM                       0x120E
#define CL_COMPLETE                                      0x0
#define CL_RUNNING                                       0x1
#define CL_SUBMITTED                                     0x2
#define CL_QUEUED                                        0x3

/* cl_buffer_create_type */
#define CL_BUFFER_CREATE_TYPE_REGION                     0x1220

/* cl_profiling_info */
#define CL_PROFILING_COMMAND_QUEUED                      0x1280
#define CL_PROFILING_COMMAND_SUBMIT                      0x1281
#define CL_PROFILING_COMMAND_START                       0x1282
#define CL_PROFILING_COMMAND_END                         0x1283
#define CL_PROFILING_COMMAND_COMPLETE                    0x1284

/* cl_device_atomic_capabilities - bitfield */
#define CL_DEVICE_ATOMIC_ORDER_RELAXED                   (1 << 0)
#define CL_DEVICE_ATOMIC_ORDER_ACQ_REL                   (1 << 1)
#define CL_DEVICE_ATOMIC_ORDER_SEQ_CST                   (1 << 2)
#define CL_DEVICE_ATOMIC_SCOPE_WORK_ITEM                 (1 << 3)
#define CL_DEVICE_ATOMIC_SCOPE_WORK_GROUP                (1 << 4)
#define CL_DEVICE_ATOMIC_SCOPE_DEVICE                    (1 << 5)
#define CL_DEVICE_ATOMIC_SCOPE_ALL_DEVICES               (1 << 6)

/* cl_device_device_enqueue_capabilities - bitfield */
#define CL_DEVICE_QUEUE_SUPPORTED                        (1 << 0)
#define CL_DEVICE_QUEUE_REPLACEABLE_DEFAULT              (1 << 1)

/* cl_khronos_vendor_id */
#define CL_KHRONOS_VENDOR_ID_CODEPLAY                    0x10004

/* cl_version */
#define CL_VERSION_MAJOR_BITS                            (10)
#define CL_VERSION_MINOR_BITS                            (10)
#define CL_VERSION_PATCH_BITS                            (12)
#define CL_VERSION_MAJOR_MASK                            ((1 << CL_VERSION_MAJOR_BITS) - 1)
#define CL_VERSION_MINOR_MASK                            ((1 << CL_VERSION_MINOR_BITS) - 1)
#define CL_VERSION_PATCH_MASK                            ((1 << CL_VERSION_PATCH_BITS) - 1)

/* cl_khr_icd: no platform found (no driver, or no OpenCL library). */
#define CL_PLATFORM_NOT_FOUND_KHR                        -1001

#define WASMRUN_CL_IMPORT(name) __attribute__((import_module("wasmrun_cl"), import_name(#name)))

/* Platform and devices */
WASMRUN_CL_IMPORT(clGetPlatformIDs) cl_int clGetPlatformIDs(cl_uint num_entries, cl_platform_id *platforms, cl_uint *num_platforms);
WASMRUN_CL_IMPORT(clGetPlatformInfo) cl_int clGetPlatformInfo(cl_platform_id platform, cl_platform_info param_name, size_t param_value_size, void *param_value, size_t *param_value_size_ret);
WASMRUN_CL_IMPORT(clGetDeviceIDs) cl_int clGetDeviceIDs(cl_platform_id platform, cl_device_type device_type, cl_uint num_entries, cl_device_id *devices, cl_uint *num_devices);
WASMRUN_CL_IMPORT(clGetDeviceInfo) cl_int clGetDeviceInfo(cl_device_id device, cl_device_info param_name, size_t param_value_size, void *param_value, size_t *param_value_size_ret);

/* Contexts. pfn_notify is accepted but never called: the driver would call
 * it on one of its own threads, which cannot enter the guest; errors come
 * back as the calls' return codes. */
WASMRUN_CL_IMPORT(clCreateContext) cl_context clCreateContext(const cl_context_properties *properties, cl_uint num_devices, const cl_device_id *devices, void (CL_CALLBACK *pfn_notify)(const char *errinfo, const void *private_info, size_t cb, void *user_data), void *user_data, cl_int *errcode_ret);
WASMRUN_CL_IMPORT(clCreateContextFromType) cl_context clCreateContextFromType(const cl_context_properties *properties, cl_device_type device_type, void (CL_CALLBACK *pfn_notify)(const char *errinfo, const void *private_info, size_t cb, void *user_data), void *user_data, cl_int *errcode_ret);
WASMRUN_CL_IMPORT(clRetainContext) cl_int clRetainContext(cl_context context);
WASMRUN_CL_IMPORT(clReleaseContext) cl_int clReleaseContext(cl_context context);
WASMRUN_CL_IMPORT(clGetContextInfo) cl_int clGetContextInfo(cl_context context, cl_context_info param_name, size_t param_value_size, void *param_value, size_t *param_value_size_ret);

/* Command queues */
WASMRUN_CL_IMPORT(clCreateCommandQueue) cl_command_queue clCreateCommandQueue(cl_context context, cl_device_id device, cl_command_queue_properties properties, cl_int *errcode_ret);
WASMRUN_CL_IMPORT(clCreateCommandQueueWithProperties) cl_command_queue clCreateCommandQueueWithProperties(cl_context context, cl_device_id device, const cl_queue_properties *properties, cl_int *errcode_ret);
WASMRUN_CL_IMPORT(clRetainCommandQueue) cl_int clRetainCommandQueue(cl_command_queue command_queue);
WASMRUN_CL_IMPORT(clReleaseCommandQueue) cl_int clReleaseCommandQueue(cl_command_queue command_queue);
WASMRUN_CL_IMPORT(clFlush) cl_int clFlush(cl_command_queue command_queue);
WASMRUN_CL_IMPORT(clFinish) cl_int clFinish(cl_command_queue command_queue);

/* Buffers. host_ptr points into the guest's memory, which never moves:
 * CL_MEM_USE_HOST_PTR buffers and nonblocking transfers may use it until
 * the buffer is released or the transfer's event completes. */
WASMRUN_CL_IMPORT(clCreateBuffer) cl_mem clCreateBuffer(cl_context context, cl_mem_flags flags, size_t size, void *host_ptr, cl_int *errcode_ret);
WASMRUN_CL_IMPORT(clRetainMemObject) cl_int clRetainMemObject(cl_mem memobj);
WASMRUN_CL_IMPORT(clReleaseMemObject) cl_int clReleaseMemObject(cl_mem memobj);
WASMRUN_CL_IMPORT(clGetMemObjectInfo) cl_int clGetMemObjectInfo(cl_mem memobj, cl_mem_info param_name, size_t param_value_size, void *param_value, size_t *param_value_size_ret);
WASMRUN_CL_IMPORT(clEnqueueReadBuffer) cl_int clEnqueueReadBuffer(cl_command_queue command_queue, cl_mem buffer, cl_bool blocking_read, size_t offset, size_t size, void *ptr, cl_uint num_events_in_wait_list, const cl_event *event_wait_list, cl_event *event);
WASMRUN_CL_IMPORT(clEnqueueWriteBuffer) cl_int clEnqueueWriteBuffer(cl_command_queue command_queue, cl_mem buffer, cl_bool blocking_write, size_t offset, size_t size, const void *ptr, cl_uint num_events_in_wait_list, const cl_event *event_wait_list, cl_event *event);
WASMRUN_CL_IMPORT(clEnqueueCopyBuffer) cl_int clEnqueueCopyBuffer(cl_command_queue command_queue, cl_mem src_buffer, cl_mem dst_buffer, size_t src_offset, size_t dst_offset, size_t size, cl_uint num_events_in_wait_list, const cl_event *event_wait_list, cl_event *event);
WASMRUN_CL_IMPORT(clEnqueueFillBuffer) cl_int clEnqueueFillBuffer(cl_command_queue command_queue, cl_mem buffer, const void *pattern, size_t pattern_size, size_t offset, size_t size, cl_uint num_events_in_wait_list, const cl_event *event_wait_list, cl_event *event);
/* Mapping returns guest memory: host_ptr + offset for a CL_MEM_USE_HOST_PTR
 * buffer, otherwise a guest allocation that the region is read into
 * (unless mapped with CL_MAP_WRITE_INVALIDATE_REGION) and written back from
 * at unmap. Defined in wasmrun's guest library. */
void *clEnqueueMapBuffer(cl_command_queue command_queue, cl_mem buffer, cl_bool blocking_map, cl_map_flags map_flags, size_t offset, size_t size, cl_uint num_events_in_wait_list, const cl_event *event_wait_list, cl_event *event, cl_int *errcode_ret);
cl_int clEnqueueUnmapMemObject(cl_command_queue command_queue, cl_mem memobj, void *mapped_ptr, cl_uint num_events_in_wait_list, const cl_event *event_wait_list, cl_event *event);

/* Programs. pfn_notify of clBuildProgram is called once the build has
 * finished, before clBuildProgram returns. */
WASMRUN_CL_IMPORT(clCreateProgramWithSource) cl_program clCreateProgramWithSource(cl_context context, cl_uint count, const char **strings, const size_t *lengths, cl_int *errcode_ret);
WASMRUN_CL_IMPORT(clRetainProgram) cl_int clRetainProgram(cl_program program);
WASMRUN_CL_IMPORT(clReleaseProgram) cl_int clReleaseProgram(cl_program program);
WASMRUN_CL_IMPORT(clBuildProgram) cl_int clBuildProgram(cl_program program, cl_uint num_devices, const cl_device_id *device_list, const char *options, void (CL_CALLBACK *pfn_notify)(cl_program program, void *user_data), void *user_data);
WASMRUN_CL_IMPORT(clGetProgramInfo) cl_int clGetProgramInfo(cl_program program, cl_program_info param_name, size_t param_value_size, void *param_value, size_t *param_value_size_ret);
WASMRUN_CL_IMPORT(clGetProgramBuildInfo) cl_int clGetProgramBuildInfo(cl_program program, cl_device_id device, cl_program_build_info param_name, size_t param_value_size, void *param_value, size_t *param_value_size_ret);

/* Kernels. A 4-byte argument whose value is a live cl_mem (or NULL) is
 * given to the driver as that buffer when the kernel's argument is a
 * buffer; a NULL arg_value with a size is local memory. */
WASMRUN_CL_IMPORT(clCreateKernel) cl_kernel clCreateKernel(cl_program program, const char *kernel_name, cl_int *errcode_ret);
WASMRUN_CL_IMPORT(clCreateKernelsInProgram) cl_int clCreateKernelsInProgram(cl_program program, cl_uint num_kernels, cl_kernel *kernels, cl_uint *num_kernels_ret);
WASMRUN_CL_IMPORT(clRetainKernel) cl_int clRetainKernel(cl_kernel kernel);
WASMRUN_CL_IMPORT(clReleaseKernel) cl_int clReleaseKernel(cl_kernel kernel);
WASMRUN_CL_IMPORT(clSetKernelArg) cl_int clSetKernelArg(cl_kernel kernel, cl_uint arg_index, size_t arg_size, const void *arg_value);
WASMRUN_CL_IMPORT(clGetKernelInfo) cl_int clGetKernelInfo(cl_kernel kernel, cl_kernel_info param_name, size_t param_value_size, void *param_value, size_t *param_value_size_ret);
WASMRUN_CL_IMPORT(clGetKernelWorkGroupInfo) cl_int clGetKernelWorkGroupInfo(cl_kernel kernel, cl_device_id device, cl_kernel_work_group_info param_name, size_t param_value_size, void *param_value, size_t *param_value_size_ret);
WASMRUN_CL_IMPORT(clEnqueueNDRangeKernel) cl_int clEnqueueNDRangeKernel(cl_command_queue command_queue, cl_kernel kernel, cl_uint work_dim, const size_t *global_work_offset, const size_t *global_work_size, const size_t *local_work_size, cl_uint num_events_in_wait_list, const cl_event *event_wait_list, cl_event *event);

/* Events */
WASMRUN_CL_IMPORT(clWaitForEvents) cl_int clWaitForEvents(cl_uint num_events, const cl_event *event_list);
WASMRUN_CL_IMPORT(clGetEventInfo) cl_int clGetEventInfo(cl_event event, cl_event_info param_name, size_t param_value_size, void *param_value, size_t *param_value_size_ret);
WASMRUN_CL_IMPORT(clGetEventProfilingInfo) cl_int clGetEventProfilingInfo(cl_event event, cl_profiling_info param_name, size_t param_value_size, void *param_value, size_t *param_value_size_ret);
WASMRUN_CL_IMPORT(clRetainEvent) cl_int clRetainEvent(cl_event event);
WASMRUN_CL_IMPORT(clReleaseEvent) cl_int clReleaseEvent(cl_event event);
WASMRUN_CL_IMPORT(clEnqueueMarkerWithWaitList) cl_int clEnqueueMarkerWithWaitList(cl_command_queue command_queue, cl_uint num_events_in_wait_list, const cl_event *event_wait_list, cl_event *event);
WASMRUN_CL_IMPORT(clEnqueueBarrierWithWaitList) cl_int clEnqueueBarrierWithWaitList(cl_command_queue command_queue, cl_uint num_events_in_wait_list, const cl_event *event_wait_list, cl_event *event);

#undef WASMRUN_CL_IMPORT

#ifdef __cplusplus
}
#endif

#endif
