/* Names removed from the standard in MPI-3.0 that real codes still call,
 * on top of their replacements (as the MPI 5.0 ABI's mpi-api-removed.h
 * maps them): MPI_Address, MPI_Type_extent, MPI_Type_lb, MPI_Type_ub,
 * MPI_Type_hvector, MPI_Type_hindexed, MPI_Type_struct, and
 * MPI_Errhandler_create, MPI_Errhandler_set, MPI_Errhandler_get.
 * (MPI_Attr_* and MPI_Keyval_* are in attr.c.)
 *
 * MPI_Type_struct honours the MPI-1 markers MPI_LB and MPI_UB, which only
 * it accepts: the other entries become an MPI_Type_create_struct, resized
 * with MPI_Type_create_resized to the lowest MPI_LB displacement (else the
 * struct's own lower bound) and the highest MPI_UB displacement (else the
 * struct's own upper bound). A marker with blocklength 0 marks nothing.
 * Without markers the result is exactly MPI_Type_create_struct's.
 *
 * Each function is PMPI_X, and MPI_X is a weak alias of it, so a profiling
 * layer may define MPI_X and call PMPI_X. */
#include <mpi.h>
#include <stdlib.h>

int wasmrun_comm_raise(MPI_Comm, const char *, int, const char *);

#define WEAK_ALIAS(name) __attribute__((weak, alias("PMPI_" #name)))

int PMPI_Address(const void *location, MPI_Aint *address)
{
    return PMPI_Get_address(location, address);
}
int MPI_Address(const void *, MPI_Aint *) WEAK_ALIAS(Address);

int PMPI_Type_extent(MPI_Datatype datatype, MPI_Aint *extent)
{
    MPI_Aint lb;
    return PMPI_Type_get_extent(datatype, &lb, extent);
}
int MPI_Type_extent(MPI_Datatype, MPI_Aint *) WEAK_ALIAS(Type_extent);

int PMPI_Type_lb(MPI_Datatype datatype, MPI_Aint *displacement)
{
    MPI_Aint extent;
    return PMPI_Type_get_extent(datatype, displacement, &extent);
}
int MPI_Type_lb(MPI_Datatype, MPI_Aint *) WEAK_ALIAS(Type_lb);

int PMPI_Type_ub(MPI_Datatype datatype, MPI_Aint *displacement)
{
    MPI_Aint lb, extent;
    int rc = PMPI_Type_get_extent(datatype, &lb, &extent);
    if (rc == MPI_SUCCESS)
        *displacement = lb + extent;
    return rc;
}
int MPI_Type_ub(MPI_Datatype, MPI_Aint *) WEAK_ALIAS(Type_ub);

int PMPI_Type_hvector(int count, int blocklength, MPI_Aint stride, MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    return PMPI_Type_create_hvector(count, blocklength, stride, oldtype, newtype);
}
int MPI_Type_hvector(int, int, MPI_Aint, MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_hvector);

int PMPI_Type_hindexed(int count, const int array_of_blocklengths[], const MPI_Aint array_of_displacements[], MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    return PMPI_Type_create_hindexed(count, array_of_blocklengths, array_of_displacements, oldtype, newtype);
}
int MPI_Type_hindexed(int, const int[], const MPI_Aint[], MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_hindexed);

int PMPI_Type_struct(int count, const int array_of_blocklengths[], const MPI_Aint array_of_displacements[], const MPI_Datatype array_of_types[], MPI_Datatype *newtype)
{
    int markers = 0;
    for (int i = 0; i < count; i++)
        if (array_of_types[i] == MPI_LB || array_of_types[i] == MPI_UB)
            markers++;
    if (markers == 0)
        return PMPI_Type_create_struct(count, array_of_blocklengths, array_of_displacements, array_of_types, newtype);

    int n = count - markers;
    int *bl = malloc((size_t)(n > 0 ? n : 1) * sizeof *bl);
    MPI_Aint *disp = malloc((size_t)(n > 0 ? n : 1) * sizeof *disp);
    MPI_Datatype *types = malloc((size_t)(n > 0 ? n : 1) * sizeof *types);
    if (bl == NULL || disp == NULL || types == NULL) {
        free(bl);
        free(disp);
        free(types);
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Type_struct", MPI_ERR_NO_MEM, "no memory for the entries");
    }
    int has_lb = 0, has_ub = 0, j = 0;
    MPI_Aint lb = 0, ub = 0;
    for (int i = 0; i < count; i++) {
        MPI_Datatype t = array_of_types[i];
        MPI_Aint d = array_of_displacements[i];
        if (t == MPI_LB) {
            if (array_of_blocklengths[i] > 0 && (!has_lb || d < lb)) {
                lb = d;
                has_lb = 1;
            }
        } else if (t == MPI_UB) {
            if (array_of_blocklengths[i] > 0 && (!has_ub || d > ub)) {
                ub = d;
                has_ub = 1;
            }
        } else {
            bl[j] = array_of_blocklengths[i];
            disp[j] = d;
            types[j] = t;
            j++;
        }
    }
    MPI_Datatype data;
    int rc = PMPI_Type_create_struct(n, bl, disp, types, &data);
    free(bl);
    free(disp);
    free(types);
    if (rc != MPI_SUCCESS)
        return rc;
    MPI_Aint dlb, dextent;
    rc = PMPI_Type_get_extent(data, &dlb, &dextent);
    if (rc == MPI_SUCCESS) {
        if (!has_lb)
            lb = dlb;
        if (!has_ub)
            ub = dlb + dextent;
        rc = PMPI_Type_create_resized(data, lb, ub - lb, newtype);
    }
    PMPI_Type_free(&data);
    return rc;
}
int MPI_Type_struct(int, const int[], const MPI_Aint[], const MPI_Datatype[], MPI_Datatype *) WEAK_ALIAS(Type_struct);

int PMPI_Errhandler_create(MPI_Handler_function *function, MPI_Errhandler *errhandler)
{
    return PMPI_Comm_create_errhandler(function, errhandler);
}
int MPI_Errhandler_create(MPI_Handler_function *, MPI_Errhandler *) WEAK_ALIAS(Errhandler_create);

int PMPI_Errhandler_set(MPI_Comm comm, MPI_Errhandler errhandler)
{
    return PMPI_Comm_set_errhandler(comm, errhandler);
}
int MPI_Errhandler_set(MPI_Comm, MPI_Errhandler) WEAK_ALIAS(Errhandler_set);

int PMPI_Errhandler_get(MPI_Comm comm, MPI_Errhandler *errhandler)
{
    return PMPI_Comm_get_errhandler(comm, errhandler);
}
int MPI_Errhandler_get(MPI_Comm, MPI_Errhandler *) WEAK_ALIAS(Errhandler_get);
