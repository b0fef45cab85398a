/* MPI-4.1's handle conversions. In the standard ABI every handle is an
 * int-sized value, which is also what Fortran sees (the ABI's MPI_Fint),
 * so each conversion is the identity: the int of a handle is its value. */
#include <mpi.h>
#include <stdint.h>

#define WEAK_ALIAS(name) __attribute__((weak, alias("PMPI_" #name)))
#define CONVERT(Kind, Type)                                                           \
    Type PMPI_##Kind##_fromint(int i) { return (Type)(intptr_t)i; }                   \
    Type MPI_##Kind##_fromint(int) WEAK_ALIAS(Kind##_fromint);                        \
    int PMPI_##Kind##_toint(Type h) { return (int)(intptr_t)h; }                      \
    int MPI_##Kind##_toint(Type) WEAK_ALIAS(Kind##_toint);
CONVERT(Comm, MPI_Comm)
CONVERT(Errhandler, MPI_Errhandler)
CONVERT(File, MPI_File)
CONVERT(Group, MPI_Group)
CONVERT(Info, MPI_Info)
CONVERT(Message, MPI_Message)
CONVERT(Op, MPI_Op)
CONVERT(Request, MPI_Request)
CONVERT(Session, MPI_Session)
CONVERT(Type, MPI_Datatype)
CONVERT(Win, MPI_Win)

/* MPI_Type_create_f90_integer/real/complex: the predefined type of the
 * smallest size with at least the decimal range r (and precision p) that
 * Fortran's selected_int_kind/selected_real_kind ask for (MPI-4.0
 * §19.1.9); MPI_UNDEFINED for an argument means "any". The result is
 * predefined: it must not be freed. */
int wasmrun_comm_raise(MPI_Comm, const char *, int, const char *);

static int f90(const char *fn, MPI_Datatype t, MPI_Datatype *out)
{
    if (out == (MPI_Datatype *)0)
        return wasmrun_comm_raise(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "NULL newtype");
    if (t == MPI_DATATYPE_NULL)
        return wasmrun_comm_raise(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "no predefined type has that precision and range");
    *out = t;
    return MPI_SUCCESS;
}

int PMPI_Type_create_f90_integer(int r, MPI_Datatype *newtype)
{
    MPI_Datatype t = r == MPI_UNDEFINED || r <= 2 ? MPI_INTEGER1 : r <= 4 ? MPI_INTEGER2 : r <= 9 ? MPI_INTEGER4 : r <= 18 ? MPI_INTEGER8 : MPI_DATATYPE_NULL;
    return f90("MPI_Type_create_f90_integer", t, newtype);
}
int MPI_Type_create_f90_integer(int, MPI_Datatype *) WEAK_ALIAS(Type_create_f90_integer);

/* 4, 8 or 16 bytes of IEEE 754: (6, 37), (15, 307), (33, 4931). */
static int real_bytes(int p, int r)
{
    if (p == MPI_UNDEFINED)
        p = 0;
    if (r == MPI_UNDEFINED)
        r = 0;
    if (p <= 6 && r <= 37)
        return 4;
    if (p <= 15 && r <= 307)
        return 8;
    if (p <= 33 && r <= 4931)
        return 16;
    return 0;
}

int PMPI_Type_create_f90_real(int p, int r, MPI_Datatype *newtype)
{
    int n = real_bytes(p, r);
    MPI_Datatype t = n == 4 ? MPI_REAL4 : n == 8 ? MPI_REAL8 : n == 16 ? MPI_REAL16 : MPI_DATATYPE_NULL;
    return f90("MPI_Type_create_f90_real", t, newtype);
}
int MPI_Type_create_f90_real(int, int, MPI_Datatype *) WEAK_ALIAS(Type_create_f90_real);

int PMPI_Type_create_f90_complex(int p, int r, MPI_Datatype *newtype)
{
    int n = real_bytes(p, r);
    MPI_Datatype t = n == 4 ? MPI_COMPLEX8 : n == 8 ? MPI_COMPLEX16 : n == 16 ? MPI_COMPLEX32 : MPI_DATATYPE_NULL;
    return f90("MPI_Type_create_f90_complex", t, newtype);
}
int MPI_Type_create_f90_complex(int, int, MPI_Datatype *) WEAK_ALIAS(Type_create_f90_complex);
