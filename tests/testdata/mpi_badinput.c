/* wasm only: buffers, statuses and handles that native MPI would crash on.
 * With MPI_ERRORS_RETURN each call must return the standard error class
 * and the program goes on. */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>

static int failures;

static void expect(const char *what, int rc, int class) {
    int got = -1;
    MPI_Error_class(rc, &got);
    if (got != class) {
        printf("FAIL %s: class %d, want %d\n", what, got, class);
        failures++;
    } else {
        printf("ok %s\n", what);
    }
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    void *far = (void *)(uintptr_t)0xfffff000u;
    static int small[4];
    /* The first element fits, the last does not: the whole range is checked. */
    void *edge = (void *)((uintptr_t)__builtin_wasm_memory_size(0) * 65536 - 8);
    expect("send from outside memory", MPI_Send(far, 4, MPI_INT, 0, 0, MPI_COMM_WORLD), MPI_ERR_BUFFER);
    expect("recv past the end of memory", MPI_Recv(edge, 4, MPI_INT, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE), MPI_ERR_BUFFER);
    expect("bcast count x extent past the end", MPI_Bcast(edge, 3, MPI_DOUBLE, 0, MPI_COMM_WORLD), MPI_ERR_BUFFER);
    expect("allreduce into outside memory", MPI_Allreduce(small, far, 4, MPI_INT, MPI_SUM, MPI_COMM_WORLD), MPI_ERR_BUFFER);
    expect("forged communicator", MPI_Send(small, 1, MPI_INT, 0, 0, (MPI_Comm)(uintptr_t)0x01000099), MPI_ERR_COMM);
    expect("forged datatype", MPI_Send(small, 1, (MPI_Datatype)(uintptr_t)0x2ff, 0, 0, MPI_COMM_WORLD), MPI_ERR_TYPE);
    expect("negative count", MPI_Send(small, -1, MPI_INT, 0, 0, MPI_COMM_WORLD), MPI_ERR_COUNT);
    expect("forged op", MPI_Allreduce(small, small + 2, 1, MPI_INT, (MPI_Op)(uintptr_t)0x77, MPI_COMM_WORLD), MPI_ERR_OP);
    MPI_Request forged = (MPI_Request)(uintptr_t)0x03000042;
    expect("forged request", MPI_Wait(&forged, MPI_STATUS_IGNORE), MPI_ERR_REQUEST);
    expect("status outside memory", MPI_Sendrecv(small, 1, MPI_INT, rank, 0, small + 1, 1, MPI_INT, rank, 0, MPI_COMM_WORLD, (MPI_Status *)far), MPI_ERR_ARG);
    expect("bad root", MPI_Bcast(small, 1, MPI_INT, 99, MPI_COMM_WORLD), MPI_ERR_ROOT);
    expect("bad rank", MPI_Send(small, 1, MPI_INT, 99, 0, MPI_COMM_WORLD), MPI_ERR_RANK);
    expect("bad tag", MPI_Send(small, 1, MPI_INT, 0, -5, MPI_COMM_WORLD), MPI_ERR_TAG);
    int counts[64] = {0}, displs[64] = {0};
    counts[0] = 1;
    displs[0] = 0x3fffffff;
    expect("gatherv block outside memory", MPI_Gatherv(small, rank == 0 ? 1 : 1, MPI_INT, small, counts, displs, MPI_INT, 0, MPI_COMM_WORLD),
           rank == 0 ? MPI_ERR_BUFFER : MPI_SUCCESS);
    /* Positions that would make the host pack or unpack outside the buffer. */
    char packed[64];
    int pos = -1024;
    expect("pack at a negative position", MPI_Pack(small, 2, MPI_INT, packed, sizeof packed, &pos, MPI_COMM_WORLD), MPI_ERR_ARG);
    pos = 65;
    expect("unpack past the buffer", MPI_Unpack(packed, sizeof packed, &pos, small, 1, MPI_INT, MPI_COMM_WORLD), MPI_ERR_ARG);
    MPI_Aint apos = -4096;
    expect("pack_external at a negative position", MPI_Pack_external("external32", small, 2, MPI_INT, packed, sizeof packed, &apos), MPI_ERR_ARG);
    apos = 0;
    expect("pack_external with another datarep", MPI_Pack_external("native", small, 2, MPI_INT, packed, sizeof packed, &apos), MPI_ERR_ARG);
    expect("pack_external_size into outside memory", MPI_Pack_external_size("external32", 2, MPI_INT, (MPI_Aint *)far), MPI_ERR_ARG);
    /* MPI_Grequest_complete of a request that is not a generalized one */
    MPI_Request plain;
    MPI_Irecv(small, 1, MPI_INT, MPI_PROC_NULL, 0, MPI_COMM_WORLD, &plain);
    expect("grequest_complete of an ordinary request", MPI_Grequest_complete(plain), MPI_ERR_REQUEST);
    MPI_Wait(&plain, MPI_STATUS_IGNORE);
    MPI_Barrier(MPI_COMM_WORLD);
    printf("%s rank %d\n", failures ? "FAIL" : "PASS", rank);
    MPI_Finalize();
    return failures != 0;
}
