/* Mapping between the guest's predefined MPI objects (MPI 5.0 standard ABI
 * values, see include/mpi.h) and the host MPI library's, implemented in
 * predef.c.
 *
 * Only integers and pointers cross this interface, so it can be used from
 * cgo without the host's mpi.h.  Guest handles are the ABI's int32 values.
 * Host handles travel as uintptr_t: Open MPI handles are pointers; MPICH
 * handles are ints, converted with a plain cast (negative values
 * sign-extend) - cast back with (MPI_Xxx)(value) to get the handle again.
 *
 * 0 means "unknown or unsupported" in every wr_predef_* result.  That is
 * unambiguous for both families: Open MPI handles are non-null pointers,
 * including its MPI_*_NULL objects, and no MPICH handle is 0 (its null
 * handles are non-zero constants such as 0x0c000000).  A guest *_NULL handle
 * maps to the host's own *_NULL handle, not to 0.
 *
 * The file compiles against any MPI-3.1 mpi.h (Open MPI 4.1, MPICH 4.0).
 */
#ifndef WASMRUN_SHIM_H
#define WASMRUN_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Call once after the host's MPI_Init/MPI_Init_thread.  Creates and commits
 * the host datatypes that stand for guest types with no host equivalent
 * (see wr_predef_datatype).  Returns MPI_SUCCESS (0) or the host's error
 * code; calling it again after success does nothing. */
int wr_predef_init(void);

/* Host datatype for a guest predefined datatype handle (0x200..0x2ff), or 0
 * if the handle is unknown or the host cannot represent the type.
 *
 * The mapping preserves the guest's (wasm32) sizes and layouts:
 *   MPI_LONG, MPI_UNSIGNED_LONG, MPI_AINT  -> MPI_INT32_T / MPI_UINT32_T
 *   MPI_COUNT, MPI_OFFSET                   -> MPI_INT64_T
 *   MPI_LONG_INT                            -> MPI_2INT
 *   MPI_WCHAR                               -> MPI_WCHAR if the host's wchar_t
 *                                              is 4 bytes, else MPI_INT32_T
 *   MPI_CXX_BOOL, MPI_CXX_*_COMPLEX         -> the MPI_C_* equivalent
 *   MPI_LONG_DOUBLE, MPI_REAL16             -> 16 contiguous MPI_BYTEs
 *   MPI_C_/CXX_LONG_DOUBLE_COMPLEX,
 *   MPI_COMPLEX32, MPI_LONG_DOUBLE_INT      -> 32 contiguous MPI_BYTEs
 * The guest's long double is IEEE binary128, which the host cannot compute
 * with (x86-64 long double is 80-bit extended): the byte types transfer such
 * data unchanged, but reductions on them are not supported.  These types
 * exist only after wr_predef_init; before that they map to 0.
 * Fortran types map to the C type of the same size and meaning (MPI_INTEGER
 * -> MPI_INT, MPI_REAL -> MPI_FLOAT, MPI_2INTEGER -> MPI_2INT, ...);
 * MPI_LOGICAL and MPI_LOGICALn map to C integers of the same size, whose
 * MPI_LAND/LOR/LXOR give 1/0 results, which matches the common Fortran
 * convention.  MPI_REAL2, MPI_COMPLEX4, MPI_INTEGER16, MPI_LOGICAL16,
 * MPI_2REAL and MPI_2DOUBLE_PRECISION are unsupported (0). */
uintptr_t wr_predef_datatype(int32_t guest);

/* Host reduction operation for a guest MPI_Op handle (MPI_OP_NULL ..
 * MPI_NO_OP), or 0 if unknown. */
uintptr_t wr_predef_op(int32_t guest);

/* Host communicator for MPI_COMM_NULL, MPI_COMM_WORLD or MPI_COMM_SELF, or 0. */
uintptr_t wr_predef_comm(int32_t guest);

/* Host group for MPI_GROUP_NULL or MPI_GROUP_EMPTY, or 0. */
uintptr_t wr_predef_group(int32_t guest);

/* Standard-ABI error class (include/mpi.h numbering) of a host error code:
 * 0 for MPI_SUCCESS, otherwise the host's MPI_Error_class result mapped
 * class by class.  Classes the ABI does not know (implementation-specific
 * ones, or classes added with MPI_Add_error_class) and invalid codes give
 * MPI_ERR_UNKNOWN (14).  It calls the host's MPI_Error_class, which reports
 * an invalid code through MPI_COMM_WORLD's error handler: set that to
 * MPI_ERRORS_RETURN first. */
int wr_abi_errclass(int host_code);

#ifdef __cplusplus
}
#endif

#endif /* WASMRUN_SHIM_H */
