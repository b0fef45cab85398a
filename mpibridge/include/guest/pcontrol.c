/* MPI_Pcontrol: wasmrun has no profiling library of its own, so every
 * level is accepted and ignored (MPI-4.0 §15.2.4 leaves its effect to the
 * profiling layer). A profiling layer linked into the program may define
 * MPI_Pcontrol itself: this one is a weak alias of PMPI_Pcontrol. */
#include <mpi.h>

int PMPI_Pcontrol(const int level, ...)
{
    (void)level;
    return MPI_SUCCESS;
}
int MPI_Pcontrol(const int level, ...) __attribute__((weak, alias("PMPI_Pcontrol")));
