/* The MPI part of wasmrun's guest library: what is better done inside the
 * guest than through an import. MPI_Comm_get_attr hands back a pointer to
 * the attribute's value, so the value must live in guest memory. */
#include <mpi.h>

/* One slot per predefined communicator attribute (MPI_TAG_UB ..
 * MPI_LASTUSEDCODE), rewritten on each query. */
static int wasmrun_attr_values[8];

int wasmrun_comm_get_attr(MPI_Comm comm, int keyval, int *value, int *flag)
    __attribute__((import_module("wasmrun_mpi"), import_name("wasmrun_comm_get_attr")));

int MPI_Comm_get_attr(MPI_Comm comm, int keyval, void *attribute_val, int *flag) {
    int slot = keyval - MPI_TAG_UB, value = 0;
    int rc;
    if (slot < 0 || slot >= (int)(sizeof wasmrun_attr_values / sizeof wasmrun_attr_values[0]))
        slot = 0; /* the host rejects the keyval; the slot is not used */
    rc = wasmrun_comm_get_attr(comm, keyval, &value, flag);
    if (rc == MPI_SUCCESS && *flag) {
        wasmrun_attr_values[slot] = value;
        *(int **)attribute_val = &wasmrun_attr_values[slot];
    }
    return rc;
}

int PMPI_Comm_get_attr(MPI_Comm comm, int keyval, void *attribute_val, int *flag) {
    return MPI_Comm_get_attr(comm, keyval, attribute_val, flag);
}

int MPI_Attr_get(MPI_Comm comm, int keyval, void *attribute_val, int *flag) {
    return MPI_Comm_get_attr(comm, keyval, attribute_val, flag);
}

int PMPI_Attr_get(MPI_Comm comm, int keyval, void *attribute_val, int *flag) {
    return MPI_Comm_get_attr(comm, keyval, attribute_val, flag);
}
