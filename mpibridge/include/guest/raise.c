/* Errors found by the guest library itself go through the error handler
 * of the object they concern, as the bridge's own errors do: with
 * MPI_ERRORS_RETURN the call returns the class; with MPI_ERRORS_ARE_FATAL
 * or MPI_ERRORS_ABORT the rank reports `wasmrun: rank R: MPI_Function:
 * MPI_ERR_CLASS: cause` on stderr and the job is aborted. A communicator's
 * own handler (MPI_Comm_create_errhandler) is run through
 * MPI_Comm_call_errhandler, and the call then returns the class. Windows,
 * files and sessions have no host function that runs their user-defined
 * handlers for the guest library: there the call notes that on stderr and
 * returns the class, as it would after a handler that returns.
 *
 * Datatype, keyval and other errors not tied to a communicator, window or
 * file use MPI_COMM_WORLD's handler, like the bridge. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int wasmrun_raise(MPI_Errhandler, const char *, int, const char *);
int wasmrun_comm_raise(MPI_Comm, const char *, int, const char *);
int wasmrun_win_raise(MPI_Win, const char *, int, const char *);
int wasmrun_file_raise(MPI_File, const char *, int, const char *);

static const char *const class_names[] = {
    "MPI_SUCCESS", "MPI_ERR_BUFFER", "MPI_ERR_COUNT", "MPI_ERR_TYPE",
    "MPI_ERR_TAG", "MPI_ERR_COMM", "MPI_ERR_RANK", "MPI_ERR_REQUEST",
    "MPI_ERR_ROOT", "MPI_ERR_GROUP", "MPI_ERR_OP", "MPI_ERR_TOPOLOGY",
    "MPI_ERR_DIMS", "MPI_ERR_ARG", "MPI_ERR_UNKNOWN", "MPI_ERR_TRUNCATE",
    "MPI_ERR_OTHER", "MPI_ERR_INTERN", "MPI_ERR_PENDING", "MPI_ERR_IN_STATUS",
    "MPI_ERR_ACCESS", "MPI_ERR_AMODE", "MPI_ERR_ASSERT", "MPI_ERR_BAD_FILE",
    "MPI_ERR_BASE", "MPI_ERR_CONVERSION", "MPI_ERR_DISP", "MPI_ERR_DUP_DATAREP",
    "MPI_ERR_FILE_EXISTS", "MPI_ERR_FILE_IN_USE", "MPI_ERR_FILE", "MPI_ERR_INFO_KEY",
    "MPI_ERR_INFO_NOKEY", "MPI_ERR_INFO_VALUE", "MPI_ERR_INFO", "MPI_ERR_IO",
    "MPI_ERR_KEYVAL", "MPI_ERR_LOCKTYPE", "MPI_ERR_NAME", "MPI_ERR_NO_MEM",
    "MPI_ERR_NOT_SAME", "MPI_ERR_NO_SPACE", "MPI_ERR_NO_SUCH_FILE", "MPI_ERR_PORT",
    "MPI_ERR_QUOTA", "MPI_ERR_READ_ONLY", "MPI_ERR_RMA_ATTACH", "MPI_ERR_RMA_CONFLICT",
    "MPI_ERR_RMA_RANGE", "MPI_ERR_RMA_SHARED", "MPI_ERR_RMA_SYNC", "MPI_ERR_SERVICE",
    "MPI_ERR_SIZE", "MPI_ERR_SPAWN", "MPI_ERR_UNSUPPORTED_DATAREP",
    "MPI_ERR_UNSUPPORTED_OPERATION", "MPI_ERR_WIN", "MPI_ERR_RMA_FLAVOR",
    "MPI_ERR_PROC_ABORTED", "MPI_ERR_VALUE_TOO_LARGE", "MPI_ERR_SESSION",
    "MPI_ERR_ERRHANDLER", "MPI_ERR_ABI",
};

static int predefined(MPI_Errhandler eh);

int wasmrun_raise(MPI_Errhandler eh, const char *fn, int class, const char *cause)
{
    if (eh == MPI_ERRORS_RETURN)
        return class;
    int init = 0, fini = 0, rank = -1;
    PMPI_Initialized(&init);
    PMPI_Finalized(&fini);
    int live = init && !fini;
    if (live)
        PMPI_Comm_rank(MPI_COMM_WORLD, &rank);
    const char *name = class >= 0 && class < (int)(sizeof class_names / sizeof class_names[0])
                           ? class_names[class] : "MPI_ERR_UNKNOWN";
    fflush(stdout);
    if (rank >= 0)
        fprintf(stderr, "wasmrun: rank %d: %s: %s: %s", rank, fn, name, cause);
    else
        fprintf(stderr, "wasmrun: %s: %s: %s", fn, name, cause);
    if (!predefined(eh)) {
        fputs(" (user error handler not called; the call returns the class)\n", stderr);
        return class;
    }
    fputc('\n', stderr);
    fflush(stderr);
    if (live)
        PMPI_Abort(MPI_COMM_WORLD, class);
    exit(class);
}

static int predefined(MPI_Errhandler eh)
{
    return eh == MPI_ERRORS_RETURN || eh == MPI_ERRORS_ARE_FATAL || eh == MPI_ERRORS_ABORT || eh == MPI_ERRHANDLER_NULL;
}

int wasmrun_comm_raise(MPI_Comm comm, const char *fn, int class, const char *cause)
{
    MPI_Errhandler eh = MPI_ERRORS_ARE_FATAL;
    int init = 0, fini = 0;
    PMPI_Initialized(&init);
    PMPI_Finalized(&fini);
    if (init && !fini) {
        /* the bridge answers MPI_Comm_get_errhandler on MPI_COMM_NULL or a
         * bad handle with an error of its own: ask only for live ones */
        if (comm == MPI_COMM_NULL || PMPI_Comm_get_errhandler(comm, &eh) != MPI_SUCCESS) {
            comm = MPI_COMM_WORLD;
            PMPI_Comm_get_errhandler(comm, &eh);
        }
        if (!predefined(eh)) {
            PMPI_Comm_call_errhandler(comm, class);
            return class;
        }
    }
    return wasmrun_raise(eh, fn, class, cause);
}

int wasmrun_win_raise(MPI_Win win, const char *fn, int class, const char *cause)
{
    MPI_Errhandler eh = MPI_ERRORS_ARE_FATAL;
    if (win == MPI_WIN_NULL || PMPI_Win_get_errhandler(win, &eh) != MPI_SUCCESS)
        return wasmrun_comm_raise(MPI_COMM_WORLD, fn, class, cause);
    return wasmrun_raise(eh, fn, class, cause);
}

int wasmrun_file_raise(MPI_File fh, const char *fn, int class, const char *cause)
{
    /* MPI_FILE_NULL holds the default handler for files (MPI_ERRORS_RETURN
     * unless changed) */
    MPI_Errhandler eh = MPI_ERRORS_RETURN;
    if (PMPI_File_get_errhandler(fh, &eh) != MPI_SUCCESS)
        PMPI_File_get_errhandler(MPI_FILE_NULL, &eh);
    return wasmrun_raise(eh, fn, class, cause);
}
